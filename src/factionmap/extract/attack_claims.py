"""ATTACK claims as incident databases code them: type, casualties, target, who claimed
it; and the enmity an attack on a group's people or places shows.

Split from `claims`, which turns frames into claims; this reads an attack's details.
"""

from __future__ import annotations

from dataclasses import replace

from ..lexicon.words import words
from ..model import Claim, Entity
from .arguments import names_a_person
from .attacks import attack_type, casualties, target_text, target_tokens
from .claimants import claim_status, unknown_perpetrator

ATTACK_WORDS = words("extract.attack_claims:ATTACK_WORDS")
# the verbs of a claim of responsibility: "claimed responsibility for the bombing", "accepted", "admitted"
CLAIMING_VERBS = words("extract.attack_claims:CLAIMING_VERBS")


def attack_details(args: dict, draft, sent, modality: str, attribution: str | None):
    """An attack as incident databases code it: type, casualties, target, who claimed it."""
    trigger = draft.trigger
    if trigger.lemma_.lower() in CLAIMING_VERBS:
        # "claimed responsibility for the bombing in Kabul": the details are the bombing's
        for c in trigger.children:
            for p in ([c] if c.dep_ == "prep" and c.lower_ == "for" else
                      [g for g in c.children if g.dep_ == "prep" and g.lower_ == "for"] if c.dep_ == "dobj" else []):
                objs = [o for o in p.children if o.dep_ == "pobj"]
                if objs:
                    trigger = objs[0]
    own = clause_verb(trigger)
    others = [t for t in sent if t.i != trigger.i and t.lemma_.lower() in ATTACK_WORDS
              and clause_verb(t).i != own.i]
    scope = sent
    if others:
        # "jets struck X, a day after a bombing in Ankara killed 28": read this attack's own
        # words, up to the first clause that tells of another
        end = min(t.left_edge.i for t in others)
        start = min(t.i for t in own.subtree)
        if start < end and end > trigger.i:
            scope = sent.doc[max(start, sent.start):end]
    args["attack_type"] = attack_type(scope, trigger)
    counts = casualties(scope, trigger)
    for key in ("killed", "wounded", "killed_perpetrators"):
        if counts.get(key) is not None:
            args[key] = counts[key]
    target = target_text(sent, trigger)
    if target:
        args["target"] = target
    perpetrator = args.get("perpetrator")
    if perpetrator is not None and unknown_perpetrator(sent, trigger) and draft.rule != "attack.claim":
        args["perpetrator"] = None  # "unidentified gunmen": no group is named as the attacker
    doer = args.get("perpetrator")
    claimed, how = claim_status(sent, trigger, (doer.name, *doer.aliases) if isinstance(doer, Entity) else None)
    args["claimed"] = bool(claimed or args.get("claimed") is True)
    if args["claimed"] and isinstance(args.get("perpetrator"), Entity):
        return "claimed", args["perpetrator"].name
    if how == "denied":
        return "denied", attribution
    if how == "attributed" and modality == "asserted":
        return "reported", attribution  # blamed by officials: not the group's own claim
    return modality, attribution


def clause_verb(tok):
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def args_claimed(args) -> bool:
    return args.get("claimed") is True and isinstance(args.get("perpetrator"), Entity)


def target_rivalries(attack: Claim, trigger, actors) -> list[Claim]:
    """An attack on a group's people or places ("a bombing at Hezbollah's headquarters", "the
    assassination of al-Nusra's leader") says the attacker and that group are enemies."""
    perpetrator = attack.args.get("perpetrator")
    if not isinstance(perpetrator, Entity) or attack.negated or attack.modality == "hypothetical":
        return []
    out = []
    for tok in target_tokens(trigger):
        if names_a_person(tok):
            continue  # "the kidnapping of X's daughter": a man's family, not a group's people
        for m in actors.at(tok.i):
            if (m.entity.kind == "org" and m.is_actor and m.category not in ("state", "media")
                    and m.entity.id != perpetrator.id and all(c.args["b"].id != m.entity.id for c in out)):
                out.append(replace(attack, type="RIVALRY", args={"a": perpetrator, "b": m.entity},
                                   rule=attack.rule + "+inferred.target",
                                   confidence=round(attack.confidence * 0.9, 3)))
    return out
