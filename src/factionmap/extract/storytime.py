"""When a claim happened, as the story tells it: the news's own day, days told before, other events.

A news story reports one recent event in its lead ("X has chosen Y as its new leader")
and often dates it only where it says how it became known ("the group announced the
appointment in a statement on Thursday"). The story's date is such a day, said on a verb
or noun of announcing in the first sentences, at most a week before publication (older
is background). An undated claim of the news's kinds (succession, leadership,
membership, pledge, split, founding, merger) takes it only when the text ties it to the
news: the lead states it in the present perfect (a headline: the present); it is
reported speech in the past under a statement of the story's own actor ("the group said
its council had chosen X", "... and that it renewed its oath") or "according to the
statement"; or it is the main clause of the sentence right after one of those: a role
given ("X and Y will serve as his deputies") or the story's actor doing one more such
act ("The new group pledged allegiance to ...").

With no date, an event (or a state it begins: a role given, a place entered) told in
the present perfect in the writer's voice (or under a present "X reports that"; not
"has been", "has long", "has waged an insurgency") happened by the publication day: start null, end the publication date ("Hamas has named Sinwar" in a
paper of 2024-08-06 is ..2024-08-06). Not when the story gives a day of the week before
publication or its lead dates an announcement: that day is the news's, told elsewhere
(and an open end would keep the two tellings apart). A state said to hold "now" ("his
forces now control the city") holds from the publication day.

`story_time` also sets right the date the sentence gave:

- one counted from a day told before ("the next day", "earlier in the day", "two days
  later", "the following Monday") is resolved from the last point in time the text
  gave (`reltime.from_reference`), else stays unresolved;
- one on another event is not the claim's: on a noun after "following", "after",
  "before", "until" ("named X following the assassination of Y last week"); for a
  physical event (attack, death, seizure, capture), one said of a verb of saying whose
  clause tells the event ("claimed it on March 29, saying the attack had ..."), or
  of the verb claiming an attack ("X claimed responsibility on Tuesday"): that is when
  it was said;
- an event in an "after"/"before" phrase is dated from the date outside it by the
  stated gap ("on Jan. 31, a day after a bomber struck": Jan. 30; "hours after": the
  same day); with no gap stated the date is left as it is;
- a word-order reading (`surface.*`) whose parse lost its clause takes the sentence's
  one date under no verb ("X, the group, named Y as its leader on Tuesday");
- an undated definite attack noun ("the attack on the school") is the attack told
  before and takes its date (one at the same place, else any, when all agree).

`story_date` records what the document told on the parsed document (`doc.user_data`:
the dates counted from another day, whether a recent day is given) and `story_time`
adds the attacks dated so far; without `story_date` only the sentence-level work is done.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from ..lexicon.rules import load_rules
from ..lexicon.words import words
from ..model import EVENT_TYPES, TimeSpan
from .context import SPEECH, _date_tokens, is_hypothetical, resolve_date_token
from .gaps import _CLAUSE_EDGES, _across, _is_gap
from .reltime import from_reference
from .timeexpr import parse_published

NEWS_TYPES = {"SUCCESSION", "LEADERSHIP", "MEMBERSHIP", "PLEDGE", "SPLIT", "FOUNDING", "MERGER"}
ANNOUNCING = SPEECH | {"release", "post", "issue", "publish", "broadcast"}
ANNOUNCING_NOUNS = words("extract.storytime:ANNOUNCING_NOUNS")
APPOINTING = words("extract.storytime:APPOINTING")
ANAPHORIC = words("extract.storytime:ANAPHORIC")
_LEAD_SENTENCES = 3  # the headline and the first two sentences of the story
_RECENT = timedelta(days=7)
# auxiliaries of the present perfect: "has named", "have marched", "it's chosen", "they've cut"
PERFECT_AUXILIARIES = words("extract.storytime:PERFECT_AUXILIARIES")
# definite determiners of a noun told before: "according to the statement", "this raid"
DEFINITE_DETERMINERS = words("extract.storytime:DEFINITE_DETERMINERS")
# adverbs a date phrase hangs on when it counts from another day: "earlier in the day", "later that day"
COUNTING_ADVERBS = words("extract.storytime:COUNTING_ADVERBS")
# verbs of claiming an attack, dated when it was said: "X claimed responsibility on Tuesday"
CLAIMING_VERBS = words("extract.storytime:CLAIMING_VERBS")
# the second word of a preposition whose first says the time: "prior to", "ahead of"
SECOND_PREP_WORDS = words("extract.storytime:SECOND_PREP_WORDS")
# verbs besides appointing of a state the news begins: "has declared himself", "have entered Goma"
BEGINNING_VERBS = words("extract.storytime:BEGINNING_VERBS")
# prepositions of a place entered: "have marched into Goma"
ENTERING_PREPS = words("extract.storytime:ENTERING_PREPS")


def _announcing(tok) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX"):
        return lemma in ANNOUNCING
    return tok.pos_ == "NOUN" and (lemma in ANNOUNCING_NOUNS or tok.lower_ in ANNOUNCING_NOUNS)


def _on_announcing(d) -> bool:
    """Is a date said on a verb or noun of announcing ("in a video released on Thursday")?"""
    t, steps = d, 0
    while t.head != t and steps < 5 and not _announcing(t):
        t, steps = t.head, steps + 1
    return _announcing(t)


def story_date(sents, published: str | None) -> TimeSpan | None:
    """The day the story's news was announced, if its first sentences say it.

    Also records the document's told dates for `story_time` (see the module)."""
    if sents:
        sents[0].doc.user_data[_KEY] = _told(sents, published)
    pub = parse_published(published)
    if pub is None:
        return None
    for sent in sents[:_LEAD_SENTENCES]:
        for d in sent:
            if d.ent_type_ != "DATE" or not _on_announcing(d):
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
    return verb.tag_ == "VBN" and bool(_aux(verb) & PERFECT_AUXILIARIES)


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
                        c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in o.children):
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
    said = verb
    while said.dep_ == "conj" and said.head.pos_ in ("VERB", "AUX"):
        said = said.head  # "said its emir would fight and that the group renewed its oath"
    if said.dep_ == "ccomp" and (_past_perfect(verb) or verb.tag_ == "VBD") \
            and said.head.lemma_.lower() in SPEECH and _the_story_speaks(said.head):
        return True
    return role_given and verb.dep_ == "ROOT" and _according_to_the_statement(trigger.sent)


def continues_story(trigger, role_given: bool, ctype: str = "LEADERSHIP") -> bool:
    """The main clause of the sentence after a story-dated one: a role given there, or
    the story's actor doing one more of the news's acts ("The new group pledged allegiance")."""
    verb = _clause_verb(trigger)
    if verb is None or verb.dep_ != "ROOT" or _past_perfect(verb):
        return False
    if ctype in ("LEADERSHIP", "MEMBERSHIP"):
        return role_given
    return verb.tag_ == "VBD" and _the_story_speaks(verb)


_KEY = "factionmap.extract.storytime"
PHYSICAL = frozenset({"ATTACK", "DEATH", "SEIZURE", "CAPTURE"})  # what happens before it is told
TEMPORAL_PREPS = words("extract.storytime:TEMPORAL_PREPS")
_STATIVE = words("extract.storytime:_STATIVE")
_HABITUAL = words("extract.storytime:_HABITUAL")
# "the previous attack", "the deadliest attack": another attack than the one told
_OTHER_ATTACK = words("extract.storytime:_OTHER_ATTACK")


@dataclass
class _Told:
    """What the document told, in order: its publication date, the dates counted from a day
    told before (token index -> span), whether it gives a day of the week before publication
    or its lead dates an announcement, the dated attacks."""

    published: str | None
    anaphoric: dict[int, TimeSpan]
    recent: bool
    announced: bool  # its lead dates an announcement ("in a message released on March 7")
    attacks: list[tuple[int, object, TimeSpan]] = field(default_factory=list)


def _told(sents, published: str | None) -> _Told:
    pub = parse_published(published)
    anaphoric: dict[int, TimeSpan] = {}
    last: TimeSpan | None = None  # the last point in time the text gave
    recent = announced = False
    for k, sent in enumerate(sents):
        dates = {t.i for t in _date_tokens(sent)}
        for d in sent:
            if d.i not in dates and d.ent_type_ != "TIME":
                continue
            span = None
            if last is not None:
                expr = _expression(d)
                rel = from_reference(expr, last.start, last.precision)
                if rel is not None:
                    span = anaphoric[d.i] = TimeSpan(*rel, text=expr)
            if span is None and d.i in dates:
                span = resolve_date_token(d, published)
            if span is None or not span.start or span.start != span.end:
                continue
            last = span
            if k < _LEAD_SENTENCES and d.ent_type_ == "DATE" and _on_announcing(d):
                announced = True
            if pub is not None and span.precision == "day" \
                    and timedelta(0) <= pub - date.fromisoformat(span.start) <= _RECENT:
                recent = True
    return _Told(published, anaphoric, recent, announced)


def _expression(d) -> str:
    """A date token with the words that make it count from another day: "the following
    Monday" (its determiner and modifier), "earlier in the day" (the adverb it hangs on)."""
    words = [c.lower_ for c in d.children if c.dep_ in ("det", "amod", "nummod") and c.i < d.i]
    head = d.head
    if d.dep_ == "pobj" and head.dep_ == "prep" and head.head.lower_ in COUNTING_ADVERBS \
            and head.head.i < head.i:
        words = [head.head.lower_, head.lower_] + words
    return " ".join(words + d.text.lower().split())


def story_time(draft, sent_index: int, time: TimeSpan, story: TimeSpan | None, role_given: bool,
               dated: set[int]) -> TimeSpan:
    """The claim's time as the story tells it (see the module), from the date its sentence
    gave (`time`). `dated` collects the sentences whose claims took the story's date."""
    trigger = draft.trigger
    told = trigger.doc.user_data.get(_KEY)
    time = _sentence_time(draft, time, told)
    if draft.type == "ATTACK" and told is not None:
        if not (time.start or time.end) and _definite_attack(trigger):
            time = _told_attack(draft, sent_index, told) or time
        if time.start or time.end:
            told.attacks.append((sent_index, draft.args.get("place"), time))
    if time.start or time.end:
        return time
    role_given = role_given or _appointed(trigger) or trigger.lemma_.lower() in APPOINTING
    if draft.rule.startswith("nominal.") and not role_given:
        return time  # a role said in passing describes someone; it is not the news
    if story is not None and draft.type in NEWS_TYPES:
        if ties_to_story(trigger, sent_index, role_given):
            dated.add(sent_index)
            return story
        if sent_index - 1 in dated and continues_story(trigger, role_given, draft.type):
            dated.add(sent_index)
            return story
    return _by_publication(draft, sent_index, time, told, role_given) or time


def _sentence_time(draft, time: TimeSpan, told: _Told | None) -> TimeSpan:
    """The sentence's date for the claim, once dates of other events and days counted
    from another day are set right."""
    trigger = draft.trigger
    d = _date_token(trigger, time)
    if d is None and told is not None and not (time.start or time.end):
        # "Earlier in the day, X opened fire": a day counted from the last one told
        d = next((t for t in trigger.sent if t.i in told.anaphoric and _governs(t, trigger)), None)
    if d is None:
        return _lost_clause_date(draft, told) if told is not None and not time.text else time
    if told is not None and d.i in told.anaphoric:
        time = told.anaphoric[d.i]
    across = _across(d, trigger, time, told.published if told is not None else None)
    if across is not None:
        return across
    if not (time.start or time.end):
        return time
    if _dates_another_event(d, trigger, draft.type):
        return TimeSpan()
    return time


def _date_token(trigger, time: TimeSpan):
    """The date token of the sentence that `time` was read from (the nearest, if several)."""
    if not time.text:
        return None
    found = [t for t in trigger.sent if t.ent_type_ in ("DATE", "TIME") and time.text.endswith(t.text)]
    return min(found, key=lambda t: abs(t.i - trigger.i)) if found else None


def _line(d, trigger):
    """(the date's path up to the trigger's line of heads, the token where they meet, the
    trigger's path below that token)."""
    line = [trigger, *trigger.ancestors]
    index = {t.i: k for k, t in enumerate(line)}
    path, t = [], d
    while t.i not in index and t.head != t:
        path.append(t)
        t = t.head
    k = index.get(t.i, len(line))
    return path, t, line[:k]


def _governs(tok, trigger) -> bool:
    """Does a date token hang on the trigger's own clause (not inside another clause)?"""
    path, meet, below = _line(tok, trigger)
    if meet != trigger and meet.pos_ not in ("VERB", "AUX"):
        return False
    return not any(t.dep_ in _CLAUSE_EDGES or t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") for t in path[1:]) \
        and not any(t.dep_ in _CLAUSE_EDGES for t in below)


def _dates_another_event(d, trigger, ctype: str) -> bool:
    """A date on an event the claim's sentence tells beside it: a noun after "following",
    "after", "before"; for a physical event, the saying whose clause tells it."""
    path, meet, below = _line(d, trigger)
    for n in path[1:]:
        if n.pos_ in ("NOUN", "PROPN") and n.dep_ in ("pobj", "dobj") and _temporal(n.head):
            return True  # "named X following the assassination of Y last week"
    if ctype not in PHYSICAL or any(t.pos_ != "ADP" for t in path[1:]):
        return False  # the date is not said of the saying itself ("on Tuesday", "this week")
    if meet == trigger:  # "X claimed responsibility on Tuesday": when it was claimed
        return ctype == "ATTACK" and trigger.lemma_.lower() in CLAIMING_VERBS
    saying = meet.lemma_.lower() in ANNOUNCING | {"deny"} if meet.pos_ in ("VERB", "AUX") else \
        meet.pos_ == "NOUN" and meet.lemma_.lower() in ANNOUNCING_NOUNS
    # "claimed it on March 29, saying the attack had ...", "issued statements this week seeming to
    # challenge the claim for the attack"; not "claimed responsibility for the attack on Tuesday"
    return saying and any(t.dep_ in _CLAUSE_EDGES for t in below)


def _temporal(prep) -> bool:
    word = prep.lower_
    if word in SECOND_PREP_WORDS and prep.head != prep:
        word = prep.head.lower_  # "prior to", "ahead of"
    return word in TEMPORAL_PREPS and (prep.pos_ in ("ADP", "SCONJ") or prep.dep_ == "prep")


def _lost_clause_date(draft, told: _Told) -> TimeSpan:
    """A word-order reading whose parse lost its clause: the one date under no verb."""
    if not draft.rule.startswith("surface.") or draft.trigger.dep_ == "relcl":
        return TimeSpan()
    loose = [d for d in _date_tokens(draft.trigger.sent)
             if not _is_gap(d) and not any(a.pos_ in ("VERB", "AUX") for a in d.ancestors)]
    if len(loose) != 1:
        return TimeSpan()
    return told.anaphoric.get(loose[0].i) or resolve_date_token(loose[0], told.published)


def _definite_attack(trigger) -> bool:
    """'the attack', 'this raid': an attack already told (not 'the previous attack')."""
    if trigger.pos_ != "NOUN" or trigger.lower_ not in load_rules()["surface"]["attack_nouns"]:
        return False
    kids = list(trigger.children)
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in kids) and not any(
        c.dep_ in ("amod", "nummod", "poss") and (c.lower_ in _OTHER_ATTACK or c.dep_ != "amod") for c in kids)


def _told_attack(draft, sent_index: int, told: _Told) -> TimeSpan | None:
    """The date of the attack a definite attack noun points back to, when the story told one."""
    place = draft.args.get("place")
    earlier = [(p, t) for k, p, t in told.attacks if k < sent_index]
    same = [t for p, t in earlier if place is not None and getattr(p, "id", None) == getattr(place, "id", 0)]
    country = getattr(place, "country", None)
    cands = same or [t for p, t in earlier if not (country and getattr(p, "country", None)
                                                   and p.country != country)]
    rank = {"day": 0, "month": 1, "year": 2}
    finest = min(reversed(cands), key=lambda t: rank.get(t.precision, 3)) if cands else None
    return finest if finest is not None and all(_within(finest, t) for t in cands) else None


def _within(inner: TimeSpan, outer: TimeSpan) -> bool:
    """Does `outer` (cut to its precision) hold all of `inner`?"""
    if not (inner.start and inner.end and outer.start and outer.end):
        return False
    return outer.start <= inner.start[:len(outer.start)] and inner.end[:len(outer.end)] <= outer.end


def _by_publication(draft, sent_index: int, time: TimeSpan, told: _Told | None,
                    role_given: bool) -> TimeSpan | None:
    """The lead's news told with no date happened by the publication day ('has named X');
    a state said to hold 'now' holds from it ('his forces now control the city')."""
    pub = parse_published(told.published) if told is not None else None
    verb = _clause_verb(draft.trigger)
    kids = list(verb.children) if verb is not None else []
    if pub is None or verb is None or time.text or any(c.dep_ == "neg" for c in kids) \
            or is_hypothetical(draft.trigger, draft.type == "ATTACK"):
        return None
    if verb.tag_ in ("VBZ", "VBP") and any(c.dep_ == "advmod" and c.lower_ == "now" for c in kids) \
            and draft.type not in EVENT_TYPES:
        return TimeSpan(pub.isoformat(), None, "day", text="now")
    perfect = _present_perfect(verb) and (verb.dep_ in ("ROOT", "conj") or _under_present_speech(verb))
    # a state begun by the news: a role given ("has named X", "has declared himself"), a place entered
    # ("have marched into Goma"); not one carried on ("has waged an insurgency")
    begun = draft.type in EVENT_TYPES or role_given or verb.lemma_.lower() in APPOINTING | BEGINNING_VERBS \
        or any(c.dep_ == "prep" and c.lower_ in ENTERING_PREPS for c in kids)
    headline = sent_index == 0 and verb.tag_ in ("VBZ", "VBP") and verb.dep_ in ("ROOT", "conj")
    if not (perfect or headline) or not begun or verb.lemma_.lower() in _STATIVE or "been" in _aux(verb) \
            or any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in kids) or told.recent or told.announced:
        return None  # a state, or the story gives a day of its week or of an announcement
    said = " ".join(t.text for t in (*(c for c in kids if c.dep_ in ("aux", "auxpass") and c.i < verb.i), verb))
    return TimeSpan(None, pub.isoformat(), "day", text=said)
