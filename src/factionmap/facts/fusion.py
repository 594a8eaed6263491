"""Facts: claims from any number of documents that state the same thing.

A fact is keyed by its type and core actors (both sides of a symmetric relation in one
order; a merger's parts as a set). Events that recur (an attack, a seizure, a pledge, a
capture, a defection, a death and its false reports) are keyed by year as well: the year of
the event, else of the report that tells it ("?" when neither is known). An attack told to the
day is keyed by its day (an undated one by its report's day), since one group can strike one city many times a year (a dataset of
incidents, or a week of news); an attack told only by its year or month keeps the year key.
Reports date one attack a few days apart (a siege told on the day it ended, a report dated
from its own publication), so a day-dated attack joins a stored attack of the same place and
perpetrator dated within `ATTACK_WINDOW_DAYS` of it, the nearest one (`attack_window`,
`nearest_attack`): attacks closer than that are one fact. Asserted and denied
claims of the same thing are one fact, marked contested, so a report and its denial stay
side by side.

A fact's confidence grows with independent sources: documents whose texts are near copies
of each other (a wire story reprinted under a new headline, `neardup.py`) are one source,
and within a source the best claim counts: confidence = 1 - product of (1 - best) over
sources. Every aggregate (counts, earliest start, latest end, the product) is updated by
the new claim alone, so adding a document costs the same however many facts are stored,
and the result does not depend on the order documents came in.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from ..model import CLAIM_TYPES, RECURRING_TYPES, ROLE_TYPES, SYMMETRIC_TYPES, Claim, Entity


@dataclass(frozen=True)
class Fact:
    """One fused fact: what its claims add up to."""

    id: str
    key: str
    type: str
    status: str  # asserted | contested | denied | hypothetical
    time_start: str | None
    time_end: str | None
    confidence: float
    documents: int
    independent: int  # sources, near copies counted once
    outlets: tuple[str, ...]
    claim_ids: tuple[str, ...]
    first_seen: str | None
    updated_at: str | None

    @property
    def actor_ids(self) -> tuple[str, ...]:
        return key_actors(self.key)


def key_actors(key: str) -> tuple[str, ...]:
    """A fact's core actors, from its key ("RIVALRY|a|b" -> a, b; a merger's parts and result;
    a recurring event's year left out)."""
    ctype, *parts = key.split("|")
    if ctype in RECURRING_TYPES:
        parts = parts[:-1]
    return tuple(i for p in parts for i in p.split("+") if i)


def _ids(value) -> list[str]:
    values = value if isinstance(value, (tuple, list)) else (value,)
    return [v.id for v in values if isinstance(v, Entity)]


def fact_key(claim: Claim, published: str | None = None) -> str | None:
    """'RIVALRY|al-shabaab|state:ke', 'SEIZURE|islamic-state|place:mosul|2014': None when a
    core actor is missing (such a claim stays a claim of its document only)."""
    t = claim.type
    if t in SYMMETRIC_TYPES:
        core = sorted(set(_ids(claim.args.get("a")) + _ids(claim.args.get("b"))))
        key = f"{t}|{'|'.join(core)}" if len(core) == 2 else None
    elif t == "MERGER":
        parts, result = sorted(set(_ids(claim.args.get("parts")))), _ids(claim.args.get("result"))
        key = f"MERGER|{'+'.join(parts)}|{result[0] if result else ''}" if len(parts) >= 2 else None
    elif t == "ATTACK":  # an attack: its place and who did it (or nobody named)
        place, doer = _ids(claim.args.get("place")), _ids(claim.args.get("perpetrator"))
        key = f"ATTACK|{place[0]}|{doer[0] if doer else ''}" if place else None
    else:
        core = [(_ids(claim.args.get(role)) or [None])[0] for role in CLAIM_TYPES[t]["core"]]
        key = f"{t}|{'|'.join(core)}" if all(core) else None
    if key is not None and t in RECURRING_TYPES:  # undated: the year its report was published in
        when = claim.time.start or claim.time.end or published
        key += "|" + (_attack_day(claim, published) or (when[:4] if when else "?"))
    return key




ATTACK_WINDOW_DAYS = 7


def _attack_day(claim: Claim, published: str | None) -> str | None:
    """The day an attack is keyed by: its own, when told to the day; for an attack its report
    gives no time at all, the report's day (news tells an undated attack as a recent one)."""
    if claim.type != "ATTACK":
        return None
    start = claim.time.start
    if start and claim.time.precision == "day" and len(start) == 10:
        return start
    if not start and not claim.time.end and published and len(published) >= 10:
        return published[:10]
    return None


def attack_window(key: str) -> tuple[str, str] | None:
    """For an attack keyed by its day, the lowest and highest key of an attack it joins (same
    place and perpetrator, within ATTACK_WINDOW_DAYS); None for every other key."""
    head, _, day = key.rpartition("|")
    if not key.startswith("ATTACK|") or len(day) != 10:
        return None
    try:
        when = date.fromisoformat(day)
    except ValueError:
        return None
    span = timedelta(days=ATTACK_WINDOW_DAYS)
    return f"{head}|{(when - span).isoformat()}", f"{head}|{(when + span).isoformat()}"


def nearest_attack(key: str, candidates) -> str:
    """The candidate key (from `attack_window`'s range) dated nearest the key's day, the
    earlier on a tie; the key itself when there is none."""
    day = date.fromisoformat(key.rpartition("|")[2])

    def distance(other: str) -> tuple[int, str]:
        return abs((date.fromisoformat(other.rpartition("|")[2]) - day).days), other

    return min(candidates, key=distance, default=key)


def starts_it(claim: Claim) -> bool:
    """Does the claim's time say when the fact began? A role's point in time only attests it."""
    t = claim.time
    return bool(t.start) and not (claim.type in ROLE_TYPES and (t.end == t.start or t.end is None and t.precision == "day"))


def earlier_start(a: str | None, b: str | None) -> str | None:
    """The start of a fact from two: the finer when one falls inside the other's window ("2016"
    and "2016-05-25": the day), else the earlier."""
    if not a or not b:
        return a or b
    short, long_ = sorted((a, b), key=len)
    if len(short) < len(long_) and long_.startswith(short):
        return long_
    return min(a, b)


def fact_id(key: str) -> str:
    return "f-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def polarity(claim: Claim) -> str:
    """'pos' for a claim that states it, 'neg' for a denial or negation, 'weak' for a hypothesis."""
    if claim.negated or claim.modality == "denied":
        return "neg"
    return "weak" if claim.modality == "hypothetical" else "pos"


def status(pos: int, neg: int) -> str:
    if pos and neg:
        return "contested"
    return "asserted" if pos else "denied" if neg else "hypothetical"


def confidence(log_doubt: float, pos: int, best: float) -> float:
    """1 - product of (1 - best claim) over independent sources; a fact nothing asserts keeps
    its best claim's confidence."""
    return round(1.0 - math.exp(log_doubt), 3) if pos else round(best, 3)


def log_doubt_change(old_best: float | None, new_best: float) -> float:
    """How a source's best claim rising from `old_best` to `new_best` changes sum(log(1 - best))."""
    new = math.log(1.0 - min(new_best, 0.99))
    return new - (math.log(1.0 - min(old_best, 0.99)) if old_best is not None else 0.0)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class FactState:
    """What a fact's table row keeps: counts, bounds and confidence, folded claim by claim."""

    pos: int = 0
    neg: int = 0
    weak: int = 0
    time_start: str | None = None
    time_end: str | None = None
    log_doubt: float = 0.0
    best: float = 0.0
    documents: int = 0
    independent: int = 0


def fold_claim(state: FactState, claim: Claim, source_best: float | None, source_seen: bool,
               new_document: bool) -> tuple[FactState, float | None]:
    """One claim folded into its fact: `source_best` is the best confidence the claim's source
    has given the fact so far (`source_seen`: whether the source has given it any claim), and
    `new_document` whether the claim's document is new to the fact. Returns the new state and
    the source's new best (None when it is unchanged)."""
    kind = polarity(claim)
    t = claim.time
    start, end, log_doubt = state.time_start, state.time_end, state.log_doubt
    if starts_it(claim):
        start = earlier_start(start, t.start)
    if t.end and t.end != t.start:
        end = max(filter(None, (end, t.end)), default=None)
    new_best = None
    if kind == "pos" and (source_best is None or claim.confidence > source_best):
        log_doubt += log_doubt_change(source_best, claim.confidence)
        new_best = claim.confidence
    return FactState(state.pos + (kind == "pos"), state.neg + (kind == "neg"), state.weak + (kind == "weak"),
                     start, end, log_doubt, max(state.best, claim.confidence),
                     state.documents + new_document, state.independent + (not source_seen)), new_best
