"""A relation ends when the same document dates what ended it.

- a group's affiliation to (or being a branch of) another ends when it splits from it
  ("X, Y's affiliate ... said on Thursday that it had broken its links with Y");
- a leader's leadership ends with his death ("their leader ... was killed on Saturday").

Only an open relation is closed, only by a dated, stated (not hypothetical, not
negated) ending that is not earlier than the relation's start.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Claim, TimeSpan

_RANK = {"day": 0, "month": 1, "year": 2, None: 3}
# ending claim type -> (its argument, the ended relation's type and argument), and a second pair
_ENDINGS = {
    "SPLIT": (("splinter", "parent"), {"AFFILIATION": ("member", "patron"), "BRANCH": ("branch", "parent")}),
    "DEATH": (("person", None), {"LEADERSHIP": ("leader", None)}),
}


def _id(value) -> str | None:
    return getattr(value, "id", None)


def _closed(relation: Claim, end: TimeSpan) -> Claim:
    t = relation.time
    if t.end or not end.start or (t.start and end.start[:len(t.start)] < t.start):
        return relation
    precision = max(t.precision, end.precision, key=lambda p: _RANK[p]) if t.start else end.precision
    text = f"{t.text} ... {end.text}" if t.text and end.text else (t.text or end.text)
    return replace(relation, time=TimeSpan(t.start, end.start, precision, text))


def close_ended(claims: list[Claim]) -> list[Claim]:
    enders = [c for c in claims if c.type in _ENDINGS and not c.negated
              and c.modality != "hypothetical" and c.time.start]
    out = []
    for c in claims:
        for e in enders:
            (a, b), ended = _ENDINGS[e.type]
            if c.type not in ended or c.negated:
                continue
            x, y = ended[c.type]
            if _id(c.args.get(x)) and _id(c.args.get(x)) == _id(e.args.get(a)) and (
                    b is None or _id(c.args.get(y)) and _id(c.args.get(y)) == _id(e.args.get(b))):
                c = _closed(c, e.time)
        out.append(c)
    return out
