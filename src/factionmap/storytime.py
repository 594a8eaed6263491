"""The date of a news story's main event, and the claims that the text ties to it.

A news story reports one recent event in its lead ("X has chosen Y as its new
leader") and often dates it only where it says how it became known ("the group
announced the appointment in a statement on Thursday"). An undated claim takes
that date only when the text ties it to the news:

- the lead (or headline) states it as the news itself, in the present perfect
  ("has chosen", "has merged") or, in a headline, the present ("says it has cut ties");
- it is reported speech in the past perfect under a statement of the story's own
  actor ("the group said its council had chosen X"), or said "according to the
  statement";
- it is a role given in the sentence right after one of those ("The council also
  appointed two deputies", "X and Y will serve as his deputies").

The story's date is a day, said on a verb or noun of announcing in the first
sentences, at most a week before publication: an older date is background.
"""

from __future__ import annotations

from datetime import date, timedelta

from .context import SPEECH, resolve_date_token
from .model import TimeSpan
from .timeexpr import parse_published

NEWS_TYPES = {"SUCCESSION", "LEADERSHIP", "MEMBERSHIP", "PLEDGE", "SPLIT", "FOUNDING", "MERGER"}
ANNOUNCING = SPEECH | {"release", "post", "issue", "publish", "broadcast"}
ANNOUNCING_NOUNS = {"statement", "message", "announcement", "video", "recording", "communique",
                    "communiqué", "declaration", "audio", "tape"}
APPOINTING = {"appoint", "name", "choose", "select", "elect", "designate", "nominate", "install"}
ANAPHORIC = {"it", "they", "he", "she", "its", "their"}
_LEAD_SENTENCES = 3  # the headline and the first two sentences of the story
_RECENT = timedelta(days=7)


def _announcing(tok) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX"):
        return lemma in ANNOUNCING
    return tok.pos_ == "NOUN" and (lemma in ANNOUNCING_NOUNS or tok.lower_ in ANNOUNCING_NOUNS)


def story_date(sents, published: str | None) -> TimeSpan | None:
    """The day the story's news was announced, if its first sentences say it."""
    pub = parse_published(published)
    if pub is None:
        return None
    for sent in sents[:_LEAD_SENTENCES]:
        for d in sent:
            if d.ent_type_ != "DATE":
                continue
            t, steps = d, 0
            while t.head != t and steps < 5 and not _announcing(t):
                t, steps = t.head, steps + 1
            if not _announcing(t):
                continue
            span = resolve_date_token(d, published)
            if span.precision != "day" or not span.start or span.start != span.end:
                continue
            day = date.fromisoformat(span.start)
            if timedelta(0) <= pub - day <= _RECENT:
                return span
    return None


def _clause_verb(trigger):
    """The verb whose clause the trigger is in (through its objects, 'as' phrases and 'to' clauses)."""
    t = trigger
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") and not (t.tag_ == "VB" and t.dep_ in ("xcomp", "advcl")):
            return t
        if t.head == t or t.dep_ in ("relcl", "acl", "ccomp", "appos"):
            return None
        t = t.head
    return None


def _aux(verb) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _present_perfect(verb) -> bool:
    return verb.tag_ == "VBN" and bool(_aux(verb) & {"has", "have", "'s", "'ve"})


def _past_perfect(verb) -> bool:
    return verb.tag_ == "VBN" and "had" in _aux(verb)


def _under_present_speech(verb) -> bool:
    """'X says it has cut ties': the news, said in the present."""
    head = verb.head
    return (verb.dep_ == "ccomp" and head.lemma_.lower() in SPEECH and head.dep_ in ("ROOT", "conj")
            and (head.tag_ in ("VBZ", "VBP") or _present_perfect(head)))


def _appointed(tok) -> bool:
    """'appointed two deputies', 'named a new commander': the role is what the verb gives."""
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in APPOINTING


def _the_story_speaks(speech) -> bool:
    """'the group said', 'it said': the story's actor, named before, speaking again."""
    subs = [c for c in speech.children if c.dep_ == "nsubj"]
    if not subs:
        return False
    s = subs[0]
    if s.lower_ in ANAPHORIC:
        return True
    return s.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in s.children)


def _according_to_the_statement(sent) -> bool:
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 2 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            for o in tok.doc[tok.i + 1].children:
                if o.dep_ == "pobj" and o.lower_ in ANNOUNCING_NOUNS and any(
                        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in o.children):
                    return True
    return False


def ties_to_story(trigger, sent_index: int, role_given: bool) -> bool:
    """Does the text tie this undated trigger to the story's news (see the module doc)?"""
    verb = _clause_verb(trigger)
    if verb is None:
        return False
    if sent_index == 0 and verb.tag_ in ("VBZ", "VBP") and verb.dep_ in ("ROOT", "conj"):
        return True  # a headline's present tense is the news
    if sent_index <= 1 and _present_perfect(verb) and (verb.dep_ in ("ROOT", "conj") or _under_present_speech(verb)):
        return True
    if verb.dep_ == "ccomp" and _past_perfect(verb) and verb.head.lemma_.lower() in SPEECH \
            and _the_story_speaks(verb.head):
        return True
    return role_given and verb.dep_ == "ROOT" and _according_to_the_statement(trigger.sent)


def continues_story(trigger, role_given: bool) -> bool:
    """A role given in the main clause of the sentence after a story-dated one."""
    verb = _clause_verb(trigger)
    return role_given and verb is not None and verb.dep_ == "ROOT" and not _past_perfect(verb)


def story_time(draft, sent_index: int, time: TimeSpan, story: TimeSpan | None, role_given: bool,
               dated: set[int]) -> TimeSpan:
    """The claim's time, or the story's date when the claim has none and the text ties it.
    `dated` collects the sentences whose claims took the story's date."""
    if story is None or time.start or time.end or draft.type not in NEWS_TYPES:
        return time
    role_given = role_given or _appointed(draft.trigger) or draft.trigger.lemma_.lower() in APPOINTING
    if draft.rule.startswith("nominal.") and not role_given:
        return time  # a role said in passing describes someone; it is not the news
    if ties_to_story(draft.trigger, sent_index, role_given):
        dated.add(sent_index)
        return story
    if sent_index - 1 in dated and draft.type in ("LEADERSHIP", "MEMBERSHIP") \
            and continues_story(draft.trigger, role_given):
        return story
    return time
