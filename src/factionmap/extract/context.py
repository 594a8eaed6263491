"""How and when a claim was said: its time, modality, negation and attribution.

All four are read from the parse around the word that triggered the claim.
"""

from __future__ import annotations

import re

from ..language.nlp import sentence_of
from ..lexicon.words import words
from ..model import TimeSpan
from .timeexpr import resolve_time

MODALS = words("modality:MODALS")
INTENT = words("modality:INTENT")
HYPOTHETICAL_NOUNS = words("modality:HYPOTHETICAL_NOUNS")
# words that make an event noun one that did not happen: "the attempted assassination of X"
FAILED_EVENT = words("modality:FAILED_EVENT")
DENY = words("modality:DENY")
SPEECH = words("modality:SPEECH")
HEDGES = words("modality:HEDGES")
_CLAUSE_STOPS = {"relcl", "advcl", "ccomp", "parataxis", "acl"}
_TIME_PREPS = words("modality:_TIME_PREPS")
DEFINITE = words("modality:DEFINITE")


def _is_definite(tok) -> bool:
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in tok.children)


def failed_outcome(trigger) -> bool:
    """'X's attempted assassination of Y', 'a foiled takeover': the noun's outcome did not come."""
    return trigger.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "amod" and (c.lower_ in FAILED_EVENT or c.lemma_.lower() in FAILED_EVENT) for c in trigger.children)


# a noun's modifier saying it is thought or expected, not the case
SUPPOSED = words("modality:SUPPOSED")


def is_hypothetical(trigger, attempt_is_event: bool = False) -> bool:
    """True when a modal or a verb of intention governs the trigger, or (unless the attempt
    itself is the event, as an attack is) the noun is said to have failed."""
    t = trigger
    if not attempt_is_event and failed_outcome(t):
        return True
    if t.pos_ in ("NOUN", "PROPN") and any(c.dep_ in ("amod", "compound") and c.lower_ in SUPPOSED for c in t.children):
        return True  # "his presumed successor", "a possible alliance"
    if t.pos_ in ("NOUN", "PROPN") and _is_definite(t):
        return False
    while True:
        if t.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
            if any(c.dep_ == "aux" and c.lower_ in MODALS for c in t.children):
                return True
            if t != trigger and (t.lemma_.lower() in INTENT or t.lower_ in INTENT):
                return True
            if t != trigger and t.lower_ in HYPOTHETICAL_NOUNS:
                return True
        if t.pos_ in ("NOUN", "PROPN") and t != trigger and _is_definite(t) and t.dep_ in ("nsubj", "nsubjpass"):
            return False
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") and _is_definite(t):
            return False
        if t.dep_ in _CLAUSE_STOPS or t.head == t:
            return False
        t = t.head


# "X has not confirmed his death": not saying a thing is not denying it
UNSAID = words("modality:UNSAID")

# words that negate without a "not": "never attacked", "no attack took place"
NEGATING_WORDS = words("modality:NEGATING_WORDS")


def is_negated(trigger) -> bool:
    t = trigger
    for _ in range(3):
        if t is not trigger and t.lemma_.lower() in UNSAID:
            return False
        if any(c.dep_ == "neg" or c.lower_ in NEGATING_WORDS and c.dep_ in ("neg", "det", "advmod")
               for c in t.children):
            return True
        if t.dep_ in ("xcomp", "acomp", "attr", "dobj") and t.head != t:
            t = t.head
        else:
            break
    return False


# "rejecting reports that he had been killed": the clause is what the reports say
REPORT_NOUNS = words("modality:REPORT_NOUNS")


def _denied(trigger) -> bool:
    t = trigger
    while t.head != t and (t.dep_ not in ("relcl", "advcl", "acl", "nsubj", "nsubjpass")
                           or t.dep_ == "acl" and t.head.lemma_.lower() in REPORT_NOUNS):
        t = t.head  # "X, who led the group, rejected ...": the rejection is not of the leading
        if t.lemma_.lower() in DENY:
            return True
    return False


def _ancestors_within_sentence(tok):
    t = tok
    while t.head != t:
        t = t.head
        yield t


def _entity_text(tok) -> str:
    """The name in an attribution phrase: its named entity if it has one, else the phrase."""
    for t in tok.subtree:
        if t.ent_type_ in ("ORG", "PERSON", "NORP", "GPE"):
            text = t.text
            return text[4:] if text.lower().startswith("the ") else text
    words = [t.text for t in tok.subtree]
    return " ".join(words).strip()


def _speaker_phrase(subj) -> str:
    span = subj.doc[subj.left_edge.i: subj.right_edge.i + 1]
    text = " ".join(span.text.split())
    return text[4:] if text.lower().startswith("the ") else text


# subjects of speech that name no speaker: "it said", "which said", "who told reporters"
NAMELESS_SUBJECTS = words("modality:NAMELESS_SUBJECTS")
# verbs that say whose a quotation is: "\"We will fight,\" X said", "X told", "X added", "X stated"
QUOTING_VERBS = words("modality:QUOTING_VERBS")


def attribution_of(trigger) -> tuple[str | None, str | None, object]:
    """(who says it, how: 'according'|'speech'|'hedge'|None, the speaker token)."""
    sent = sentence_of(trigger)
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            to = tok.doc[tok.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            if objs:
                return _entity_text(objs[0]), "according", objs[0]
    child = trigger
    for anc in _ancestors_within_sentence(trigger):
        if child.dep_ == "conj":
            break  # "X did not claim ..., but its fighters clashed": a second statement, not what was said
        if anc.lemma_.lower() in SPEECH and anc.pos_ in ("VERB", "AUX") and child.dep_ != "nsubj":
            subs = [c for c in anc.children if c.dep_ in ("nsubj",)]
            if subs and subs[0].lower_ not in NAMELESS_SUBJECTS:
                return _speaker_phrase(subs[0]), "speech", subs[0]
        child = anc
    # a quotation followed by "X said": the quoted words are X's
    text = sent.text
    if any(q in text for q in "\"“”"):
        for tok in sent:
            if tok.lemma_.lower() in QUOTING_VERBS and tok.pos_ == "VERB":
                subs = [c for c in tok.children if c.dep_ == "nsubj"]
                if subs:
                    return _speaker_phrase(subs[0]), "speech", subs[0]
    near = [trigger, *trigger.children, *list(_ancestors_within_sentence(trigger))[:2]]
    for t in near:
        for c in [t, *t.children]:
            if c.lower_ in HEDGES:
                return None, "hedge", None
    return None, None, None


def _has_words(text: str, part: str) -> bool:
    """Whole words: "IS" is in "IS fighters", not in "the interior ministry"."""
    return re.search(r"(?<!\w)" + re.escape(part.lower()) + r"(?!\w)", text.lower()) is not None


def modality_of(trigger, core_names: set[str], attempt_is_event: bool = False) -> tuple[str, bool, str | None]:
    """(modality, negated, attribution) of the claim triggered at this token."""
    negated = is_negated(trigger)
    if is_hypothetical(trigger, attempt_is_event):
        return "hypothetical", negated, None
    who, how, _ = attribution_of(trigger)
    if _denied(trigger):
        return "denied", negated, who
    if how == "according":
        return "reported", negated, who
    if how == "speech":
        if who and any(n and (_has_words(who, n) or _has_words(n, who)) for n in core_names):
            return "claimed", negated, who
        return "reported", negated, who
    if how == "hedge":
        return "reported", negated, None
    return "asserted", negated, None


# the auxiliaries of the future tense: "will meet on Thursday", "they'll meet"
FUTURE_AUXILIARIES = words("modality:FUTURE_AUXILIARIES")


def _is_future(trigger) -> bool:
    """A verb in the future tense ('will meet on Thursday'); a noun never is (Thursday's pledge)."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return False
    t = trigger
    for _ in range(2):
        if any(c.lower_ in FUTURE_AUXILIARIES and c.dep_ == "aux" for c in t.children):
            return True
        if t.head == t:
            break
        t = t.head
    return False


_DURATION = re.compile(r"^[\w-]+-(?:day|week|month|year|hour|decade)s?(?:-long|-old)?$", re.I)

# a date hyphened to these tells how long, not when: "a decade-long insurgency", "a year-old truce"
DURATION_SUFFIXES = words("modality:DURATION_SUFFIXES")


def _date_tokens(sent):
    # "a four-day siege", "a decade-long insurgency": how long, not when
    doc = sent.doc
    return [t for t in sent if t.ent_type_ == "DATE" and not _DURATION.match(t.text) and not (
        t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and doc[t.i + 2].lower_ in DURATION_SUFFIXES)]


# verbs of saying: a date on them is when something was said, not when it happened
SAYING = words("modality:SAYING")


def _path_length(date_tok, trigger) -> int | None:
    """Steps from a date up to the trigger (or to a verb that governs the trigger)."""
    steps = 0
    t = date_tok
    trig_ancestors = {a.i: n for n, a in enumerate(_ancestors_within_sentence(trigger), start=1)}
    while True:
        if t.i == trigger.i:
            return steps
        if t.i in trig_ancestors and t.pos_ in ("VERB", "AUX"):
            if t.lemma_.lower() in SAYING and t.i > trigger.i:
                # "militants killed 17 villagers, officials said on Saturday": when it was said
                # (but "X said on Thursday that it had cut its links" dates the news it tells)
                return None
            return steps + trig_ancestors[t.i] + 2
        if t.head == t or t.dep_ in ("relcl", "acl", "ccomp", "advcl") and steps > 0 \
                or (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and steps > 0):
            return None  # a date inside another clause (or a coordinated one) dates that clause
        t = t.head
        steps += 1


def time_of(trigger, published: str | None, phrase_only: bool = False) -> TimeSpan:
    """The time expression closest to the trigger in the parse, resolved.

    With `phrase_only`, only a date inside the trigger's own phrase counts: a
    role said in passing ("X, the group's leader, was killed on May 2") is not
    dated by the event of the sentence.
    """
    best = None
    for d in _date_tokens(sentence_of(trigger)):
        if phrase_only and not any(a.i == trigger.i for a in d.ancestors):
            continue
        if d.text.isdigit() and int(d.text) < 1000:
            continue  # "Zawahiri, 71, was killed on Sunday": an age the tagger calls a date
        n = _path_length(d, trigger)
        if n is None:
            continue
        if best is None or n < best[0]:
            best = (n, d)
    if best is None:
        return TimeSpan()
    return resolve_date_token(best[1], published, future=_is_future(trigger))


def resolve_date_token(d, published: str | None, future: bool = False) -> TimeSpan:
    """The time a date token says, with its preposition ('on Thursday', 'since 2014')."""
    expr = d.text
    if d.head != d and d.head.lower_ in _TIME_PREPS and d.dep_ == "pobj":
        expr = f"{d.head.text} {expr}"
    span = resolve_time(expr, published, future=future)
    if span is None or (span.start is None and span.end is None):
        # the tagger sometimes runs a date into the next words ("September after days"):
        # try the expression's leading words alone
        words = expr.split()
        for n in range(min(4, len(words) - 1), 0, -1):
            shorter = resolve_time(" ".join(words[:n]), published, future=future)
            if shorter is not None and (shorter.start or shorter.end):
                return shorter
    return span if span is not None else TimeSpan()
