"""The claims stage: typed claims with time, modality, attribution and evidence.

`extract_claims` finds; the store writes. It runs the registered rule components
(`components.COMPONENTS`: the frames of `data/rules.json`, the noun-phrase rules, the
word-order readings, the fallback, then the document-wide passes) and finishes each
draft they make into a claim (`_to_claim`): its modality and attribution, its time as
the sentence and the story tell it, its confidence as the family's calibration says.
"""

from __future__ import annotations

from ..language.nlp import evidence_of
from ..lexicon.rules import load_rules
from ..lexicon.words import lexicon_version, words
from ..model import STATE_TYPES, Claim, Document, Entity, TimeSpan
from .attack_claims import args_claimed, attack_details, target_rivalries
from .components import components_version, of_scope
from .context import modality_of, time_of
from .drafts import Draft
from .fusion_doc import holding_from
from .incidents import claimed_deed
from .reltime import anniversary_of
from .stages import rules_version as stages_version
from .storytime import story_date, story_time
from .surface import NOUN_PHRASE_RULES

# words of making a death known: "the group announced his death", "the confirmation of his killing"
ANNOUNCING_WORDS = words("extract.claims:ANNOUNCING_WORDS")
# verbs that describe a role someone has rather than give it: "X is its leader", "X remains its chief"
BEING_VERBS = words("extract.claims:BEING_VERBS")


def rules_version() -> str:
    """The versions of every stage and of the rules data that made a document's claims."""
    return (f"{stages_version()}+data:{load_rules()['version']}+lexicon:{lexicon_version()}"
            f"+components:{components_version()}")


def _core_names(args) -> set[str]:
    names = set()
    for v in args.values():
        if isinstance(v, Entity):
            names.add(v.name)
            names.update(v.aliases)
    return names


def _announced(trigger, published):
    """For a death: when it became known, if the sentence says it was announced."""
    t = trigger
    while t.head != t:
        t = t.head
        if t.lemma_.lower() in ANNOUNCING_WORDS:
            span = time_of(t, published)
            return span.start if span.start else None
    return None


def rule_family(rule: str) -> str:
    """The family a claim's rules belong to, as the calibration table names them:
    the first rule's prefix ('pledge' for 'pledge.noun+pledge.verb'), or 'proximity'."""
    parts = rule.split("+")
    if "proximity" in parts:
        return "proximity"
    return parts[0].split(".")[0] if parts and parts[0] else "other"


def _role_given(tok) -> bool:
    """'(said that) the council had chosen X as the new emir', 'X and Y will serve as his
    deputies': a role that is the event itself, not a description of someone."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "as":
        return True
    return tok.dep_ in ("attr", "oprd") and tok.head.lemma_.lower() not in BEING_VERBS


def _to_claim(draft: Draft, document: Document, sent_index: int, sent, via: dict,
              story: TimeSpan | None = None, dated: set[int] | None = None) -> Claim:
    # whether a speaker speaks of itself: any actor of the claim (a perpetrator too)
    modality, negated, attribution = modality_of(draft.trigger, _core_names(draft.args), draft.type == "ATTACK")
    if args_claimed(draft.args) and modality in ("asserted", "reported"):
        # "X claimed responsibility": the group says it of itself
        modality, attribution = "claimed", draft.args["perpetrator"].name
    described = draft.rule.startswith("nominal.") or draft.rule in NOUN_PHRASE_RULES
    if described and not _role_given(draft.trigger):
        # a relation said in a noun phrase is the writer's background, not negated by the
        # verb it sits under nor attributed to the source of the sentence's event
        negated = False
        if modality in ("reported", "claimed") and attribution:
            modality, attribution = "asserted", None
        if modality == "hypothetical" and draft.trigger.i and draft.trigger.doc[draft.trigger.i - 1].text in ("-", "–"):
            modality = "asserted"  # "could keep its Yemen-based affiliate": the hyphened word describes
    deed = claimed_deed(draft.trigger) if draft.type == "ATTACK" else None
    if deed is not None:  # "claimed responsibility for last week's attack ... on March 29": the attack's date
        time = time_of(deed, document.published, phrase_only=True)
    else:
        time = time_of(draft.trigger, document.published,
                       phrase_only=described and draft.type != "SUCCESSION")
    time = story_time(draft, sent_index, time, story, _role_given(draft.trigger), set() if dated is None else dated)
    if (moved := anniversary_of(draft.trigger, time.start, time.precision)) is not None:
        time = TimeSpan(*moved, text=time.text if moved[0] else None)  # "the fourth anniversary of his killing"
    args = dict(draft.args)
    if draft.type == "ATTACK":
        modality, attribution = attack_details(args, draft, sent, modality, attribution)
    if draft.type not in STATE_TYPES and time.start and not time.end and (time.text or "").lower().startswith("since"):
        time = TimeSpan()  # "since 2001" dates a state of affairs, not an event
    if draft.type in STATE_TYPES and time.start and time.start == time.end:
        # a relation dated by one point ("recruiting this year", "allied in 2011") holds from then
        time = holding_from(time)
    if draft.type == "DEATH" and args.get("announced") is None:
        args["announced"] = _announced(draft.trigger, document.published)
        if args["announced"] and time.start == args["announced"]:
            time = TimeSpan(text=None)  # the date is the announcement's, not the death's
    # how often claims of this family were right on the development sets (data/rules.json)
    confidence = load_rules()["calibration"].get(rule_family(draft.rule), draft.confidence)
    if any(via.get(getattr(v, "id", None)) in ("pronoun", "descriptor", "initials") for v in args.values()):
        confidence *= 0.9  # an argument found through a pronoun, a descriptor or bare initials may be wrong
    return Claim(type=draft.type, args=args, time=time, modality=modality, negated=negated,
                 attribution=attribution, confidence=round(confidence, 3),
                 evidence=(evidence_of(document.id, sent_index, sent),), rule=draft.rule)


def extract_claims(doc, actors, document: Document) -> list[Claim]:
    """Every claim of one parsed document, one per fact: the registered components
    (`components.COMPONENTS`) run in order, token by token, sentence by sentence, then over
    the document's claims; an ATTACK also gives the enmity it shows (`target_rivalries`)."""
    rules = load_rules()
    token_components = of_scope("token", "nouns")
    claims: list[Claim] = []
    via_by_sentence: dict[int, dict[str, str]] = {}
    for m in actors.mentions:  # how each actor was found in each sentence (named, or a pronoun)
        via_by_sentence.setdefault(m.sentence, {}).setdefault(m.entity.id, m.via)
    story, dated = story_date(list(doc.sents), document.published), set()  # the news's day
    linked: set[frozenset] = set()  # pairs of groups the claims so far relate (kept as they come)
    len_linked = 0
    for sent_index, sent in enumerate(doc.sents):
        via = via_by_sentence.get(sent_index, {})
        for tok in sent:
            noun = tok.pos_ in ("NOUN", "PROPN")
            drafts: list[Draft] = []
            for component in token_components:
                if component.scope == "token" or noun:
                    drafts.extend(component.run(tok, actors, rules))
            for d in drafts:
                claim = _to_claim(d, document, sent_index, sent, via, story, dated)
                claims.append(claim)
                if claim.type == "ATTACK":
                    claims.extend(target_rivalries(claim, d.trigger, actors))
        for component in of_scope("sentence"):  # word-order readings where the parse is wrong
            for d in component.run(sent, actors):
                claims.append(_to_claim(d, document, sent_index, sent, via, story, dated))
        # pairs the rules linked here or earlier in the document: the fallback guesses only
        # for groups nothing else relates ("X accepted their pledge ... an allegiance with X")
        for component in of_scope("fallback"):
            linked.update(frozenset(e.id for e in _org_args(c)) for c in claims[len_linked:])
            len_linked = len(claims)
            for d in component.run(sent, actors, linked):
                claims.append(_to_claim(d, document, sent_index, sent, via))
    for component in of_scope("document"):
        claims = component.run(claims, doc, actors, document)
    return claims


def _org_args(claim: Claim) -> list[Entity]:
    out = []
    for v in claim.args.values():
        for e in (v if isinstance(v, tuple) else (v,)):
            if isinstance(e, Entity) and e.kind == "org":
                out.append(e)
    return out[:2]
