"""A world that must make sense: checks over the fused facts that no single claim breaks.

- "acts after death": a person stated dead on D who is later said to lead, succeed, pledge
  or join (a fact of his starting after D);
- "succession before tenure": X succeeds Y on a date before Y's own tenure began;
- "acts before founding": a group said to attack, hold ground, pledge or ally before the
  date it was founded;
- "not an armed group": a venue or a state body cast as an armed group (a hotel as a side
  of a rivalry, a ministry as an attacker), by the head word of its name or the word that
  follows its name in the evidence ("the Radisson Blu hotel").

Each is returned with the facts involved, for `conflicts` to list with their evidence.
Finding only: nothing here changes a fact.
"""

from __future__ import annotations

import re

from ..daterange import date_bounds
from ..lexicon.venues import load_venues

DEAD_STATUSES = ("asserted", "reported", "claimed")  # not denied, contested or hypothetical
# the role a type gives its first actor: what a person or group does in it
ACTS = {"LEADERSHIP": 0, "SUCCESSION": 1, "PLEDGE": 0, "MEMBERSHIP": 0}  # index in FactRow.actors
GROUP_ACTS = ("ATTACK", "SEIZURE", "CONTROL", "PRESENCE", "PLEDGE", "ALLIANCE", "RIVALRY", "LEADERSHIP",
              "SUCCESSION", "AFFILIATION")  # not SPLIT: a split is how a splinter comes to be
# the actors a type casts as armed groups (positions in FactRow.actors)
ARMED_ROLES = {"ALLIANCE": (0, 1), "RIVALRY": (0, 1), "SPLIT": (0,), "AFFILIATION": (0,),
               "SEIZURE": (0,), "CONTROL": (0,)}


def _start(row) -> tuple | None:
    return date_bounds(row.start) if row.start else None


def _name(store, actor_id: str) -> str:
    actor = store.actor(actor_id)
    return actor.name if actor is not None else actor_id.split(":", 1)[-1].replace("-", " ")


def venue_word(name: str, evidence: tuple[str, ...] = ()) -> str | None:
    """The venue or state-body word that makes `name` a place or an office, if any."""
    words = load_venues()
    lower = " ".join(name.lower().split())
    for body in words["state_bodies"]:
        if re.search(r"(?<!\w)" + re.escape(body) + r"(?!\w)", lower):
            return body
    head = lower.split()[-1] if lower.split() else ""
    if head in words["venue_heads"]:
        return head
    for text in evidence:  # "the Radisson Blu hotel": the word after the name says what it is
        m = re.search(re.escape(name) + r"\W{0,2}\s+(\w+)", text, re.IGNORECASE)
        if m and m.group(1).lower() in words["venue_heads"]:
            return m.group(1).lower()
    return None


def _perpetrators(store, row) -> list[str]:
    """An attack's perpetrators (not a core argument, so not among the fact's actors)."""
    ids = []
    for cid in row.claim_ids[:5]:
        claim = store.claim(cid)
        doer = claim.args.get("perpetrator") if claim is not None else None
        if getattr(doer, "id", None) and doer.id not in ids:
            ids.append(doer.id)
    return ids


def _actors(store, row) -> list[str]:
    return _perpetrators(store, row) if row.type == "ATTACK" else list(dict.fromkeys(row.actors))


def find_implausible(store, rows) -> list[tuple[str, str, tuple]]:
    """(kind, text, facts) for each thing the fused facts say that cannot make sense."""
    out = []
    out += _after_death(store, rows)
    out += _succession_before_tenure(store, rows)
    out += _before_founding(store, rows)
    out += _not_armed(store, rows)
    return out


def _after_death(store, rows):
    deaths = {}
    for r in rows:
        if r.type == "DEATH" and r.status in DEAD_STATUSES and r.start and r.actors:
            day = date_bounds(r.start)[1]
            if r.actors[0] not in deaths or day < date_bounds(deaths[r.actors[0]].start)[1]:
                deaths[r.actors[0]] = r
    out = []
    for r in rows:
        k = ACTS.get(r.type)
        if k is None or r.status in ("denied", "hypothetical") or len(r.actors) <= k or not r.start:
            continue
        death = deaths.get(r.actors[k])
        if death is not None and date_bounds(r.start)[0] > date_bounds(death.start)[1]:
            who = _name(store, r.actors[k])
            out.append(("acts after death", f"{who}: {r.type} from {r.start}, after his death on {death.start}",
                        (death, r)))
    return out


def _tenure_starts(rows) -> dict[tuple[str, str], object]:
    """(person, org) -> the fact that begins the person's tenure, the earliest dated."""
    first = {}
    for r in rows:
        if r.status in ("denied", "hypothetical") or not r.start:
            continue
        if r.type == "LEADERSHIP" and len(r.actors) >= 2:
            key = (r.actors[0], r.actors[1])
        elif r.type == "SUCCESSION" and len(r.actors) >= 2:
            key = (r.actors[1], r.actors[0])
        else:
            continue
        if key not in first or date_bounds(r.start)[0] < date_bounds(first[key].start)[0]:
            first[key] = r
    return first


def _succession_before_tenure(store, rows):
    starts = _tenure_starts(rows)
    out = []
    for r in rows:
        if r.type != "SUCCESSION" or r.status in ("denied", "hypothetical") or not r.start or len(r.actors) < 2:
            continue
        org = r.actors[0]
        for cid in r.claim_ids[:3]:
            claim = store.claim(cid)
            predecessor = claim.args.get("predecessor") if claim is not None else None
            pid = getattr(predecessor, "id", None)
            own = starts.get((pid, org)) if pid else None
            if own is not None and own.id != r.id and date_bounds(r.start)[1] < date_bounds(own.start)[0]:
                out.append(("succession before tenure",
                            f"{_name(store, r.actors[1])} succeeds {predecessor.name} on {r.start}, "
                            f"before his own tenure from {own.start}", (r, own)))
                break
    return out


def _before_founding(store, rows):
    founded = {}
    for r in rows:
        if r.type == "FOUNDING" and r.status not in ("denied", "hypothetical") and r.start and r.actors:
            if r.actors[0] not in founded or date_bounds(r.start)[0] < date_bounds(founded[r.actors[0]].start)[0]:
                founded[r.actors[0]] = r
    out = []
    for r in rows:
        if r.type not in GROUP_ACTS or r.status in ("denied", "hypothetical") or not r.start:
            continue
        for actor in _actors(store, r):
            f = founded.get(actor)
            if f is not None and date_bounds(r.start)[1] < date_bounds(f.start)[0]:
                out.append(("acts before founding", f"{_name(store, actor)}: {r.type} on {r.start}, "
                            f"before its founding in {f.start}", (f, r)))
    return out


def _not_armed(store, rows):
    out, seen = [], set()
    for r in rows:
        positions = ARMED_ROLES.get(r.type)
        if (positions is None and r.type != "ATTACK") or r.status == "denied":
            continue
        ids = _perpetrators(store, r) if r.type == "ATTACK" else [r.actors[k] for k in positions if k < len(r.actors)]
        evidence = None
        for actor_id in ids:
            if (actor_id, r.id) in seen:
                continue
            actor = store.actor(actor_id)
            if actor is None or actor.kind != "org":
                continue
            if evidence is None:
                claims = [store.claim(cid) for cid in r.claim_ids[:3]]
                evidence = tuple(e.text for c in claims if c is not None for e in c.evidence)
            word = venue_word(actor.name, evidence)
            if word:
                seen.add((actor_id, r.id))
                out.append(("not an armed group", f"{actor.name} ({word}) cast as an armed group in {r.type} "
                            f"{r.text}", (r,)))
    return out
