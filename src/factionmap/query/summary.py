"""One-line human summaries of claims, for timelines and the map."""

from __future__ import annotations

from ..model import Claim, Entity, TimeSpan


def _name(value: object) -> str:
    if isinstance(value, Entity):
        return value.name
    if isinstance(value, tuple):
        return " + ".join(_name(v) for v in value)
    return "" if value is None else str(value)


def date_label(time: TimeSpan) -> str:
    """"2015-08-13", "2014..2015", "since 2014", "until 2015-06", or "?" when unknown."""
    start, end = time.start, time.end
    if start and end:
        return start if start == end else f"{start}..{end}"
    if start:
        return f"since {start}"
    if end:
        return f"until {end}"
    return "?"


def summarize(claim: Claim) -> str:
    """"Ayman al-Zawahiri → Akhtar Mansour (for al-Qaeda)" and the like, per type."""
    a = {k: _name(v) for k, v in claim.args.items() if v is not None}
    g = a.get
    kind = claim.type
    if kind in ("ALLIANCE", "RIVALRY"):
        text = f"{g('a', '?')} — {g('b', '?')}"
    elif kind in ("AFFILIATION", "SPONSORSHIP"):
        left, right = ("member", "patron") if kind == "AFFILIATION" else ("sponsor", "client")
        text = f"{g(left, '?')} → {g(right, '?')}"
    elif kind == "BRANCH":
        text = f"{g('branch', '?')} branch of {g('parent', '?')}"
    elif kind == "SPLIT":
        text = f"{g('splinter', '?')} split from {g('parent', '?')}"
    elif kind == "MERGER":
        text = g("parts", "?") + (f" → {g('result')}" if g("result") else "")
    elif kind == "LEADERSHIP":
        text = f"{g('leader', '?')} leads {g('org', '?')}" + (f" ({g('role')})" if g("role") else "")
    elif kind == "MEMBERSHIP":
        text = f"{g('person', '?')} in {g('org', '?')}" + (f" ({g('role')})" if g("role") else "")
    elif kind == "SUCCESSION":
        text = f"{g('leader', '?')} leads {g('org', '?')}" + (
            f" after {g('predecessor')}" if g("predecessor") else "")
    elif kind == "PLEDGE":
        text = f"{g('pledger', '?')} → {g('to', '?')}" + (
            f" (for {g('on_behalf_of')})" if g("on_behalf_of") else "")
    elif kind == "DEATH":
        text = f"{g('person', '?')} {g('cause', 'died')}" + "".join(
            f" {label} {g(k)}" for k, label in (("place", "in"), ("org", "of")) if g(k)) + (
            f" (announced {g('announced')})" if g("announced") else "")
    elif kind == "CAPTURE":
        text = f"{g('person', '?')}" + (f" of {g('org')}" if g("org") else "") + " captured" + (
            f" by {g('by')}" if g("by") else "")
    elif kind == "DEFECTION":
        text = (f"{g('defector')}: " if g("defector") else "") + f"{g('from', '?')} → {g('to', '?')}"
    elif kind == "FOUNDING":
        text = f"{g('org', '?')} founded" + (f" by {g('parent')}" if g("parent") else "") + (
            f" in {g('place')}" if g("place") else "")
    elif kind in ("PRESENCE", "CONTROL"):
        verb = "present in" if kind == "PRESENCE" else "controls"
        text = f"{g('org', '?')} {verb} {g('place', '?')}"
    elif kind == "SEIZURE":
        text = f"{g('org', '?')} seizes {g('place', '?')}" + (f" from {g('from')}" if g("from") else "")
    elif kind == "ATTACK":
        text = _attack(claim, g)
    else:
        text = ", ".join(f"{k}={v}" for k, v in a.items())
    return text


def _attack(claim: Claim, g) -> str:
    parts = [f"{g('perpetrator')}" if g("perpetrator") else "attack"]
    if g("attack_type"):
        parts.append(g("attack_type"))
    parts.append(f"in {g('place', '?')}")
    if g("target"):
        parts.append(f"on {g('target')}")
    counts = [f"{claim.args[k]} {k}" for k in ("killed", "wounded") if claim.args.get(k) is not None]
    text = " ".join(parts) + (f", {', '.join(counts)}" if counts else "")
    return text + (", claimed" if claim.args.get("claimed") is True else "")
