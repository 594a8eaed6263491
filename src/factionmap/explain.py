"""Why a claim was made: the rules and signals behind it and its confidence.

`factionmap explain CLAIM_ID` prints this; the rule names are those recorded
with the claim ("pledge.noun+pledge.verb+inferred.succession").
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .errors import FactionmapError
from .export.claims import claim_to_dict
from .extract.claims import rule_family
from .lexicon.rules import load_rules

# Rules that are not frames of rules.json, described in words.
_NAMED_RULES = {
    "nominal.role": "a role noun naming a person and a group ('its leader X', 'X, leader of Y')",
    "nominal.member": "a member's role noun ('a Taliban commander', 'X, a spokesman for Y')",
    "nominal.successor": "'X's successor / replacement / predecessor, Y'",
    "nominal.new_leader": "'the new leader (head, emir) of X, Y'",
    "inferred.succession": "a succession starts the new leader's leadership",
    "inferred.seizure": "taking a group's ground is hostility to it",
    "inferred.founding": "a province or branch declared by a group is its branch",
    "proximity": "fallback: two named groups and one relation word between them, nothing else found",
    "listed": "the parts of a merger listed in the next sentence",
    "members": "members of a group founding or joining another: a split or a defection",
    "split.founded_by_leavers": "a group founded by those who left another ('defected from P and formed Z'): a splinter of it",
    "split.formed_from_members": "a group formed from another's people ('formed Z from members of P'): a splinter of it",
}


@dataclass(frozen=True)
class RuleStep:
    name: str
    description: str


@dataclass(frozen=True)
class Explanation:
    claim: dict
    rules: tuple[RuleStep, ...]
    evidence_count: int
    signals: tuple[str, ...]

    def to_dict(self) -> dict:
        return asdict(self)


def describe_rule(name: str) -> str:
    """What a recorded rule name means."""
    if name in _NAMED_RULES:
        return _NAMED_RULES[name]
    if name.startswith("nominal."):
        return f"a noun phrase describing one group by another ('{name.split('.', 1)[1]}')"
    for frame in load_rules()["frames"]:
        if frame.name == name:
            words = ", ".join(sorted(frame.lemmas)[:6])
            slots = "; ".join(f"{arg} from {'/'.join(s)}" for arg, s in frame.args.items())
            return f"{frame.type} frame on words like {words} (base confidence {frame.confidence}); {slots}"
    return "a rule of an earlier version of the rules"


def explain_claim(store, claim_id: str) -> Explanation:
    """The rules and signals behind one stored claim."""
    claim = store.claim(claim_id)
    if claim is None:
        raise FactionmapError("E402", id=claim_id)
    steps = tuple(RuleStep(n, describe_rule(n)) for n in dict.fromkeys(claim.rule.split("+")) if n)
    family = rule_family(claim.rule)
    calibrated = load_rules()["calibration"].get(family)
    signals = [f"rule family '{family}': right {calibrated:.0%} of the time on the development sets"
               if calibrated else f"rule family '{family}': no calibration yet, the frame's own confidence"]
    if claim.modality == "hypothetical":
        signals.append("hypothetical: a modal or a verb of intention governs it")
    if claim.attribution:
        signals.append(f"said by {claim.attribution} ({claim.modality})")
    if len(claim.evidence) > 1:
        signals.append(f"stated in {len(claim.evidence)} sentences: confidences combined")
    if "proximity" in claim.rule:
        signals.append("found by the proximity fallback: low confidence")
    if claim.negated:
        signals.append("negated in the text")
    return Explanation(claim_to_dict(claim), steps, len(claim.evidence), tuple(signals))
