"""Military units written as a chain, the smaller first: "2nd Battalion, 75th Ranger
Regiment" is a battalion of the regiment (BRANCH), "Alpha Company, 1st Battalion" a
company of the battalion. Only a chain whose second unit is of a larger echelon counts, so
that a list of units side by side ("the 1st Brigade, the 2nd Brigade") is no chain.
"""

from __future__ import annotations

from ..language.nlp import sentence_of
from .drafts import Draft


def echelon(entity, nominal: dict) -> int | None:
    """How large a unit its name says it is ('battalion' < 'regiment' < 'division'), or None."""
    words = entity.name.lower().split()
    return nominal["unit_echelons"].get(words[-1]) if len(words) >= 2 else None


def _orgs(tok, actors) -> list:
    """Every organization named at the token: "Alpha Company" is a unit here, though a
    company alone may be a business that is no actor."""
    return [m.entity for m in actors.at(tok.i) if m.entity.kind == "org"]


def unit_chain_drafts(tok, actors, nominal: dict) -> list[Draft]:
    """BRANCH for a unit named right before a larger one, a comma between."""
    doc = tok.doc
    i = tok.i + 2
    if i >= len(doc) or doc[tok.i + 1].text != "," or sentence_of(doc[i]).start != sentence_of(tok).start:
        return []
    drafts = []
    for small in _orgs(tok, actors):
        low = echelon(small, nominal)
        if low is None:
            continue
        for large in _orgs(doc[i], actors):
            high = echelon(large, nominal)
            if high is not None and high > low and large.id != small.id:
                drafts.append(Draft("BRANCH", {"branch": small, "parent": large}, doc[tok.i + 1],
                                    "units.chain", 0.7))
    return drafts
