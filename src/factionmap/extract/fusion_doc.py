"""Inside one document: fill what the document says elsewhere, then one claim per fact.

A successor's organization is the one his predecessor led; a leader pledging
pledges for his group, and a group's pledge to another group (or its leader) is
an affiliation; taking a group's ground is hostility to it; a province declared
by a group is its branch; a group that splits off leaves the group it was under. Claims missing a core argument join a
complete claim of the same fact, or are dropped. Claims stating the same fact
(same type, same core actors, compatible time) become one, with every span.
"""

from __future__ import annotations

from dataclasses import replace

from ..lexicon.words import words
from ..model import CLAIM_TYPES, STATE_TYPES, SYMMETRIC_TYPES, Claim, Entity, TimeSpan

# When one fact is said several ways, the most informative way of saying it wins;
# a report by others outranks the writer's own restatement of it.
# For an event, who reported it matters most; a standing relation the writer
# states outright stays the writer's assertion even if a source also says it.
_EVENT_RANK = {"reported": 0, "claimed": 1, "asserted": 2, "denied": 3, "hypothetical": 4}
_STATE_RANK = {"asserted": 0, "reported": 1, "claimed": 2, "denied": 3, "hypothetical": 4}
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2, None: 3}


def holding_from(time: TimeSpan) -> TimeSpan:
    """A standing relation begun at an event's time holds from then on (an open end)."""
    return TimeSpan(time.start, None, time.precision, time.text) if time.start else time


def _core(claim: Claim) -> tuple:
    names = CLAIM_TYPES[claim.type]["core"]
    values = []
    for n in names:
        v = claim.args.get(n)
        if isinstance(v, tuple):
            values.append(tuple(sorted(e.id for e in v)))
        else:
            values.append(v.id if isinstance(v, Entity) else None)
    if claim.type in SYMMETRIC_TYPES:
        values = sorted(values, key=lambda x: (x is None, x or ""))
    return tuple(values)


# Core arguments a claim can stand without: "defected from the group" names no destination.
_OPTIONAL_CORE = {"DEFECTION": {"to"}}


def _complete(claim: Claim) -> bool:
    names = CLAIM_TYPES[claim.type]["core"]
    optional = _OPTIONAL_CORE.get(claim.type, set())
    return all(v is not None and v != () for n, v in zip(names, _core_values(claim)) if n not in optional)


def _core_values(claim: Claim) -> list:
    out = []
    for n in CLAIM_TYPES[claim.type]["core"]:
        v = claim.args.get(n)
        out.append(tuple(e.id for e in v) if isinstance(v, tuple) else (v.id if isinstance(v, Entity) else None))
    return out


def _roles(claims: list[Claim]) -> dict[str, Entity]:
    """Person id -> the organization the document says they lead (or belong to)."""
    out: dict[str, Entity] = {}
    for c in claims:
        if c.type == "LEADERSHIP" and c.args.get("leader") and c.args.get("org") and c.modality != "hypothetical":
            out.setdefault(c.args["leader"].id, c.args["org"])
    for c in claims:
        if c.type == "MEMBERSHIP" and c.args.get("person") and c.args.get("org"):
            out.setdefault(c.args["person"].id, c.args["org"])
    return out


def _joined_by_pledge(c: Claim, claims: list[Claim], roles: dict[str, Entity]) -> Claim:
    """'X formally joined Y, when its leader pledged allegiance to Y's chief': a group that
    joins another by a pledge of allegiance keeps its identity (AFFILIATION), it is not
    absorbed (MERGER)."""
    parts, result = c.args.get("parts") or (), c.args.get("result")
    if c.rule.split("+")[0] != "merger.join_group" or not isinstance(result, Entity) or len(parts) != 2:
        return c
    member = next((p for p in parts if p.id != result.id), None)
    here = c.evidence[-1].sentence if c.evidence else None
    for p in claims:
        if p.type != "PLEDGE" or not p.evidence or p.evidence[-1].sentence != here or p.negated:
            continue
        by = p.args.get("on_behalf_of") or p.args.get("pledger")
        if isinstance(by, Entity) and by.kind == "person":
            by = roles.get(by.id, by)  # the group the pledging leader leads
        to = p.args.get("to")
        to_org = roles.get(to.id, to) if isinstance(to, Entity) and to.kind == "person" else to
        if getattr(by, "id", None) == getattr(member, "id", 0) and getattr(to_org, "id", None) == result.id:
            time = holding_from(c.time)
            return replace(c, type="AFFILIATION", args={"member": member, "patron": result}, time=time,
                           rule=c.rule + "+pledge")  # a standing relation from then on
    return c


# the junior and senior roles of the relations a splinter can leave
_UNDER = {"BRANCH": (("branch", "parent"),), "AFFILIATION": (("member", "patron"),)}


def infer(claims: list[Claim]) -> list[Claim]:
    roles = _roles(claims)
    claims = [_joined_by_pledge(c, claims, roles) if c.type == "MERGER" else c for c in claims]
    leaders = {c.args["leader"].id: c.args["org"] for c in claims if c.type == "LEADERSHIP"
               and isinstance(c.args.get("leader"), Entity) and isinstance(c.args.get("org"), Entity)
               and not c.negated and c.modality != "hypothetical"}
    # "its late leader pledged allegiance to X": whose word no longer binds the group
    past = {c.args["leader"].id for c in claims if c.type == "LEADERSHIP" and isinstance(c.args.get("leader"), Entity)
            and set(str(c.args.get("role") or "").split()) & _PAST_ROLE}
    # "X, which had served as the wing of Y, became an independent group", "X, which had
    # operated under the banner of Y, split off": the group it left
    branches = {c.args[junior].id: c.args[senior] for c in claims for junior, senior in _UNDER.get(c.type, ())
                if isinstance(c.args.get(junior), Entity) and isinstance(c.args.get(senior), Entity)
                and not c.negated and c.modality != "hypothetical"}
    # place id -> (sentence, org) of who the document says took it, in order
    seized: dict[str, list[tuple[int, Entity]]] = {}
    out: list[Claim] = []
    for c in claims:
        args = dict(c.args)
        if c.type == "SEIZURE" and isinstance(args.get("place"), Entity) and isinstance(args.get("org"), Entity):
            here = c.evidence[-1].sentence if c.evidence else 0
            holders = seized.setdefault(args["place"].id, [])
            earlier = list({h.id: h for s, h in holders if s < here and h.id != args["org"].id}.values())
            if args.pop("_retaken", False) and earlier:
                # "X captured the village ... Y recaptured it": retaken from X
                args["from"] = earlier[0]
                out.extend(replace(c, type="RIVALRY", args={"a": args["org"], "b": h}, rule=c.rule + "+inferred.retaken",
                                   confidence=round(c.confidence * 0.8, 3)) for h in earlier[1:])
            holders.append((here, args["org"]))
        args.pop("_retaken", None)
        if c.type == "SPLIT" and args.get("parent") is None and getattr(args.get("splinter"), "id", None) in branches:
            args["parent"] = branches[args["splinter"].id]
        boss = args.pop("_of_person", None)  # "X's deputy": the group X leads
        if isinstance(boss, Entity) and args.get("org") is None and boss.id in roles:
            args["org"] = roles[boss.id]
        if c.type == "SUCCESSION" and args.get("org") is None:
            for who in (args.get("predecessor"), args.get("leader")):
                if isinstance(who, Entity) and who.id in roles:
                    args["org"] = roles[who.id]
                    break
        if c.type == "PLEDGE" and args.get("on_behalf_of") is None:
            pledger = args.get("pledger")
            if isinstance(pledger, Entity) and pledger.kind == "person" and pledger.id in roles:
                args["on_behalf_of"] = roles[pledger.id]
        if c.type in ("DEATH", "CAPTURE") and args.get("org") is None:
            person = args.get("person")
            if isinstance(person, Entity) and person.id in roles:
                args["org"] = roles[person.id]
        if c.type == "FOUNDING" and isinstance(args.get("parent"), Entity) and args["parent"].id == getattr(args.get("org"), "id", None):
            args["parent"] = None
        c = replace(c, args=args)
        out.append(c)
        derived = _derived(c) or _pledged_group(c, leaders, past)
        out.extend(derived)
    return out


def _derived(c: Claim) -> list[Claim]:
    """Claims that follow from another by the ontology's definitions."""
    a = c.args
    if c.negated:
        return []
    if c.type == "SUCCESSION" and a.get("org") and a.get("leader"):
        return [replace(c, type="LEADERSHIP", args={"leader": a["leader"], "org": a["org"], "role": "leader"},
                        time=holding_from(c.time),
                        rule=c.rule + "+inferred.succession", confidence=round(c.confidence * 0.9, 3))]
    if c.type == "SEIZURE" and a.get("from") and a.get("org") and a["from"].id != a["org"].id:
        return [replace(c, type="RIVALRY", args={"a": a["org"], "b": a["from"]},
                        rule=c.rule + "+inferred.seizure", confidence=round(c.confidence * 0.9, 3))]
    if c.type == "FOUNDING" and a.get("parent") and a.get("org") and a["parent"].id != a["org"].id:
        time = holding_from(c.time)
        return [replace(c, type="BRANCH", args={"branch": a["org"], "parent": a["parent"]}, time=time,
                        rule=c.rule + "+inferred.founding", confidence=round(c.confidence * 0.9, 3))]
    return []


_PAST_ROLE = words("extract.fusion_doc:_PAST_ROLE")


def _pledged_group(c: Claim, leaders: dict[str, Entity], past: set[str]) -> list[Claim]:
    """A group that pledges allegiance (itself, or through the leader speaking for it) to
    another group or to its leader declares its loyalty to that group: an affiliation.
    Not a former or late leader's pledge: the group's loyalty now is not said."""
    if c.type != "PLEDGE" or c.negated or c.modality == "hypothetical":
        return []
    a = c.args
    if getattr(a.get("pledger"), "id", None) in past:
        return []
    member = next((e for e in (a.get("on_behalf_of"), a.get("pledger"))
                   if isinstance(e, Entity) and e.kind == "org"), None)
    to = a.get("to")
    patron = to if isinstance(to, Entity) and to.kind == "org" else leaders.get(getattr(to, "id", None))
    if member is None or patron is None or member.id == patron.id:
        return []
    time = holding_from(c.time)
    return [replace(c, type="AFFILIATION", args={"member": member, "patron": patron}, time=time,
                    rule=c.rule + "+inferred.pledge", confidence=round(c.confidence * 0.9, 3))]


def _times_compatible(x: TimeSpan, y: TimeSpan) -> bool:
    if x.start is None and x.end is None or y.start is None and y.end is None:
        return True
    for a, b in ((x.start, y.start), (x.end, y.end)):
        if a and b and not (a.startswith(b) or b.startswith(a)):
            return False
    return True


def _better_time(x: TimeSpan, y: TimeSpan) -> TimeSpan:
    if x.start is None and x.end is None:
        return y if (y.start or y.end) else (x if x.text else y)
    if y.start is None and y.end is None:
        return x
    return x if _PRECISION_RANK[x.precision] <= _PRECISION_RANK[y.precision] else y


def _fill(base: dict, other: dict) -> dict:
    out = dict(base)
    for k, v in other.items():
        if out.get(k) is None and v is not None:
            out[k] = v
    return out


def merge_two(x: Claim, y: Claim, evidence: bool = True) -> Claim:
    """One claim from two statements of the same fact (`evidence=False`: keeping x's
    evidence, for a caller that gathers the evidence of many at once)."""
    evidence = tuple(dict.fromkeys([*x.evidence, *y.evidence])) if evidence else x.evidence
    rank = _STATE_RANK if x.type in STATE_TYPES else _EVENT_RANK
    modality = min((x.modality, y.modality), key=lambda m: rank[m])
    if "hypothetical" in (x.modality, y.modality) and modality != "hypothetical":
        pass  # a fact stated outright is not made hypothetical by a hedge elsewhere
    attribution = x.attribution or y.attribution
    if modality != x.modality and modality == y.modality:
        attribution = y.attribution or x.attribution
    confidence = 1 - (1 - x.confidence) * (1 - y.confidence) * 1.5
    confidence = round(min(0.97, max(x.confidence, y.confidence, confidence)), 3)
    rules = "+".join(dict.fromkeys((x.rule + "+" + y.rule).split("+")))
    return replace(x, args=_fill(x.args, y.args), time=_better_time(x.time, y.time), modality=modality,
                   attribution=attribution, confidence=confidence, evidence=evidence, rule=rules)


def _agrees(partial: Claim, full: Claim) -> bool:
    if partial.type != full.type or partial.negated != full.negated:
        return False
    if partial.type == "MERGER":  # a merger known only by what it formed
        result = partial.args.get("result")
        return isinstance(result, Entity) and getattr(full.args.get("result"), "id", None) == result.id
    p, f = _core(partial), _core(full)
    if partial.type in SYMMETRIC_TYPES:
        known = [v for v in p if v is not None]
        return all(v in f for v in known) and bool(known)
    return all(a is None or a == b for a, b in zip(p, f)) and any(a is not None for a in p)


def _other_doers(x: Claim, y: Claim) -> bool:
    """Two attacks in one place by two named groups are two attacks (or one attack by
    both): either way each group keeps its claim."""
    if x.type != "ATTACK":
        return False
    a, b = x.args.get("perpetrator"), y.args.get("perpetrator")
    return isinstance(a, Entity) and isinstance(b, Entity) and a.id != b.id


def merge(claims: list[Claim]) -> list[Claim]:
    complete = [c for c in claims if _complete(c)]
    partial = [c for c in claims if not _complete(c)]
    merged: list[Claim] = []
    # where the merged claims of each (type, negation, core arguments) are: a complete claim's
    # core does not change as others merge into it, so each claim is compared with its own
    # kind only and a long document's merge stays linear in its claims
    same: dict[tuple, list[int]] = {}
    gathered: list[list] = []  # each merged claim's evidence, made its tuple once at the end
    for c in complete:
        key = (c.type, c.negated, _core(c))
        for i in same.get(key, ()):
            m = merged[i]
            if _times_compatible(m.time, c.time) and not _other_doers(m, c):
                merged[i] = merge_two(m, c, evidence=False)
                gathered[i].extend(c.evidence)
                break
        else:
            same.setdefault(key, []).append(len(merged))
            merged.append(c)
            gathered.append(list(c.evidence))
    of_type: dict[tuple, list[int]] = {}
    for i, m in enumerate(merged):
        of_type.setdefault((m.type, m.negated), []).append(i)
    for p in partial:
        targets = [i for i in of_type.get((p.type, p.negated), ()) if _agrees(p, merged[i])]
        if len(targets) == 1:  # only when the fact it belongs to is unambiguous
            merged[targets[0]] = merge_two(merged[targets[0]], p, evidence=False)
            gathered[targets[0]].extend(p.evidence)
    return [replace(m, evidence=tuple(dict.fromkeys(ev))) if len(ev) > len(m.evidence) else m
            for m, ev in zip(merged, gathered)]


def _states_as_groups(c: Claim) -> bool:
    """A branch or affiliate of a state ('other parts of Syria', 'the army's division'): a
    group is no wing or affiliate of a country; a state's backing of one is SPONSORSHIP.
    (A state may itself be part of a body: 'the UK, as part of the Global Coalition'.)"""
    senior = {"BRANCH": "parent", "AFFILIATION": "patron"}.get(c.type)
    value = c.args.get(senior) if senior else None
    return isinstance(value, Entity) and value.id.startswith("state:")


def infer_and_merge(claims: list[Claim]) -> list[Claim]:
    return merge([c for c in infer(claims) if not _states_as_groups(c)])
