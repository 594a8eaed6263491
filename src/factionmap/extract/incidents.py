"""One incident, one claim: an attack report as incident databases write it.

An incident is told over a few sentences: "A suicide bomber blew himself up at a
checkpoint in Jalalabad, Nangarhar, Afghanistan, killing 12 people. The Taliban
claimed responsibility for the attack." The sentence-level rules give one ATTACK per
place of the address and none for the claim of responsibility, which names no place.
Here, over the claims of one document:

1. an address ("Jalalabad, Nangarhar, Afghanistan") is one place, the finest;
2. a later sentence that speaks of "the attack", "the blast", "the raid" (a definite
   attack noun) adds its details (place, time, casualties, perpetrator) to the attack
   told just before, unless it names another perpetrator;
3. "X claimed responsibility for the attack", "X said it carried out the attack",
   "authorities blamed X" give that attack its perpetrator (claimed only when the group
   itself says it).

Casualties keep the largest toll stated; the place is the finest named.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..language.nlp import evidence_of
from ..language.slots import COMPASS
from ..language.syntax import hyphen_suffix
from ..lexicon.rules import load_rules
from ..lexicon.words import words
from ..model import Claim, Entity, TimeSpan
from .arguments import PLACE_NOUNS
from .attacks import casualties, casualty_items
from .claimants import said_done

LOOK_BACK = 3  # sentences a definite "the attack" may point back over


def _lex(key: str) -> frozenset:
    return load_rules()["surface"][key]


def _sentence(c: Claim) -> int:
    return c.evidence[0].sentence if c.evidence else -1


def place_rank(place) -> int:
    """How fine a place is: a town with coordinates, a named spot the gazetteer lacks, a
    province, a country."""
    if not isinstance(place, Entity):
        return -1
    if place.lat is not None:
        return 3
    if place.country is None:
        return 2
    if place.admin1 is not None:
        return 1
    return 0


def _days_apart(a: str, b: str) -> int:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return 10 ** 6


def _compatible(a: Claim, b: Claim, days: int = 0) -> bool:
    """Could two ATTACK claims tell one attack? `days`: how far apart their days may be
    (an attack told in one sentence may run "into the next day"; a claim of it is dated
    by its own day, not the attack's)."""
    pa, pb = a.args.get("perpetrator"), b.args.get("perpetrator")
    if isinstance(pa, Entity) and isinstance(pb, Entity) and pa.id != pb.id:
        return False  # two groups named: two attacks (or a claim and a denial)
    if a.negated != b.negated or ("hypothetical" in (a.modality, b.modality) or "denied" in (a.modality, b.modality)) \
            and a.modality != b.modality:
        return False
    ca, cb = getattr(a.args.get("place"), "country", None), getattr(b.args.get("place"), "country", None)
    if ca and cb and ca != cb:
        return False
    ta, tb = a.time, b.time
    if ta.start and tb.start and ta.precision == tb.precision == "day" and _days_apart(ta.start, tb.start) > days:
        return False
    return True


def _better_time(x: TimeSpan, y: TimeSpan) -> TimeSpan:
    order = {"day": 3, "month": 2, "year": 1, None: 0}
    return y if order[y.precision] > order[x.precision] else x


# (general kind, the more exact kind a later telling may say it was)
REFINED_TYPES = frozenset({("bombing", "suicide bombing"), ("armed assault", "kidnapping")})


def merge_incident(a: Claim, b: Claim) -> Claim:
    """One ATTACK from two tellings of it: the finest place, the largest toll, every detail."""
    args = dict(a.args)
    for key, value in b.args.items():
        if value is None:
            continue
        if key == "place":
            if place_rank(value) > place_rank(args.get("place")):
                args["place"] = value
        elif key in ("killed", "wounded", "killed_perpetrators"):
            if isinstance(value, int) and (not isinstance(args.get(key), int) or value > args[key]):
                args[key] = value
        elif key == "claimed":
            args[key] = bool(args.get(key)) or bool(value)
        elif key == "attack_type" and (args.get(key) in (None, "other") or (args.get(key), value) in REFINED_TYPES):
            args[key] = value  # "two bombs exploded" told again as "detonated explosive belts": suicide
        elif args.get(key) is None:
            args[key] = value
    modality, attribution = a.modality, a.attribution
    if b.modality == "claimed" or args.get("claimed") is True and modality != "claimed":
        modality, attribution = "claimed", b.attribution or attribution
    elif not isinstance(a.args.get("perpetrator"), Entity) and isinstance(b.args.get("perpetrator"), Entity) \
            and b.modality == "reported":
        modality, attribution = "reported", b.attribution  # who did it is what others say
    evidence = tuple(dict.fromkeys(a.evidence + b.evidence))
    rule = "+".join(dict.fromkeys((a.rule + "+" + b.rule + "+incident").split("+")))
    return replace(a, args=args, time=_better_time(a.time, b.time), modality=modality, attribution=attribution,
                   confidence=round(max(a.confidence, b.confidence), 3), evidence=evidence, rule=rule)


# the determiners of an attack already told: "the attack", "this raid", "that blast"
DEFINITE_DETERMINERS = words("extract.incidents:DEFINITE_DETERMINERS")


def _definite_attack_noun(sent) -> bool:
    """Does the sentence speak of an attack already told ('the attack', 'the blast', 'this raid')?"""
    nouns = _lex("attack_nouns")
    for t in sent:
        if t.lower_ in nouns and any(c.lower_ in DEFINITE_DETERMINERS for c in t.children if c.dep_ == "det"):
            return True
    return False


# the prepositions before who is blamed: "blamed the attack on X", "attributed it to X"
BLAMED_ON_PREPS = words("extract.incidents:BLAMED_ON_PREPS")


def _responsibility(sent, actors):
    """(group, claimed) for 'X claimed responsibility for the attack', 'X said it carried out
    the attack', 'police blamed X'; else None."""
    words = [t.lower_ for t in sent]
    text = " ".join(words)

    def groups(tokens):
        return [m.entity for t in tokens for m in actors.at(t.i)
                if m.entity.kind == "org" and m.is_actor and not m.entity.id.startswith("state:")
                and m.category not in ("state", "government", "media")]

    for how, tok in said_done(sent):  # "X said its fighters had ...", "police said X was behind it"
        found = groups(tok.subtree)
        if found:
            return found[0], how == "claimed"
    own = any(p in text for p in _lex("claim_phrases"))
    blamed = any(w in _lex("blame_words") for w in words)
    if not own and not blamed:
        return None
    orgs = groups(sent)
    if not orgs:
        return None
    if own and not blamed:
        return orgs[0], True
    for verb in (t for t in sent if t.lower_ in _lex("blame_words")):
        # "blamed X for the attack", "blamed the attack on X", "attributed it to X": who is blamed
        blamed_toks = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.lower_ not in _lex("attack_nouns")]
        heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "obj") and c.lower_ in _lex("attack_nouns"))]
        blamed_toks += [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in BLAMED_ON_PREPS
                        for p in c.children if p.dep_ == "pobj"]
        for tok in blamed_toks:
            found = [m.entity for t in [tok, *(c for c in tok.children if c.dep_ in ("compound", "appos"))]
                     for m in actors.at(t.i) if m.entity.kind == "org" and m.entity in orgs]
            if found:
                return found[0], False
    return orgs[-1], False  # "authorities blamed X", "attributed the attack to X"


# the verbs of a claim of responsibility: "claimed", "accepted", "admitted", "took responsibility for the bombing"
CLAIMING_VERBS = words("extract.incidents:CLAIMING_VERBS")


def claimed_deed(trigger):
    """The attack a claim of responsibility is for ('claimed responsibility for the bombing'),
    whose own phrase dates it; None when the trigger is no claiming verb."""
    if trigger.lemma_.lower() not in CLAIMING_VERBS:
        return None
    for c in trigger.children:
        preps = [c] if c.dep_ == "prep" and c.lower_ == "for" else (
            [g for g in c.children if g.dep_ == "prep" and g.lower_ == "for"] if c.dep_ == "dobj" else [])
        for p in preps:
            objs = [o for o in p.children if o.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _place_id(c: Claim):
    place = c.args.get("place")
    return place.id if isinstance(place, Entity) else None


def _older(later: Claim, first: Claim, published: str | None) -> bool:
    """A later sentence's attack dated in another year than the news is an older attack
    ("the deadliest attack since the shooting in Pulwama in 2019"), unless the first
    telling is dated so too."""
    year = (later.time.start or "")[:4]
    if not year or not published:
        return False
    return year != published[:4] and year != (first.time.start or "")[:4]


def one_claim_per_incident(claims: list[Claim], doc, actors, published: str | None = None) -> list[Claim]:
    """The document's ATTACK claims folded into one per incident (see the module)."""
    attacks = [c for c in claims if c.type == "ATTACK"]
    if not attacks:
        return claims
    others = [c for c in claims if c.type != "ATTACK"]
    sents = list(doc.sents)
    folded: list[Claim] = []
    for c in sorted(attacks, key=_sentence):
        i = _sentence(c)
        if 0 <= i < len(sents) and any(t.lower_ in _lex("update_words") for t in sents[i]):
            c = replace(c, time=TimeSpan())  # "the death toll from the attack rose on Tuesday"
        target = None
        in_text = 0 <= i < len(sents)
        # "the attack", "X claimed responsibility.", "X said its members had ...": told before
        refers_back = in_text and (_definite_attack_noun(sents[i]) or _bare_claim(c))
        told_back = refers_back or (in_text and _placeless_own_telling(c, sents[i]))
        for j in range(len(folded) - 1, -1, -1):
            prev = folded[j]
            gap = i - _sentence(prev)
            same_sentence = gap == 0 and (_same_telling(prev, c) or _place_id(c) is None or _place_id(prev) is None
                                          or _place_id(c) == _place_id(prev))
            told_again = 0 < gap <= LOOK_BACK and in_text and (told_back or _recounted(c, prev, sents[i])) \
                and not _older(c, prev, published)
            same_place = gap > 0 and _place_id(prev) is not None and _place_id(prev) == _place_id(c)
            # a claim made days later ("claimed the attack the following Monday") is dated by the claiming
            days = 2 if same_sentence else 10 ** 6 if told_again and c.modality == "claimed" else 0
            if (same_sentence or told_again or same_place) and _compatible(prev, c, days):
                target = j
                break
        if target is None and c.args.get("place") is None and folded and refers_back \
                and 0 < i - _sentence(folded[-1]) <= LOOK_BACK and not _older(c, folded[-1], published):
            # "X said it carried out the attack" after a denial by Y: the same attack, X's claim (but
            # "the attacks of September 11, 2001" in a 2022 report is another, older attack)
            prev = folded[-1]
            details = {k: v for k, v in prev.args.items() if k not in ("perpetrator", "claimed")}
            folded.append(replace(c, args={**details, **{k: v for k, v in c.args.items() if v is not None}},
                                  time=c.time if c.time.start else prev.time,
                                  evidence=tuple(dict.fromkeys(prev.evidence[:1] + c.evidence)),
                                  rule=c.rule + "+incident"))
        elif target is None:
            folded.append(c)
        else:
            folded[target] = merge_incident(folded[target], c)
    folded = [_placed_in_address(_placed_in_sentence(c, sents, actors), sents, actors)
              for c in _later_tolls(folded, sents)]
    folded = _claims_of_responsibility(folded, sents, actors)
    return others + folded


AWAY_WORDS = words("extract.incidents:AWAY_WORDS")

# the articles of an attack set apart from the one told: "an attack", "a blast"
INDEFINITE_ARTICLES = words("extract.incidents:INDEFINITE_ARTICLES")


def _goes_on_about(sent, attack: Claim) -> bool:
    """Does a sentence with no attack of its own go on about the attack just told (its toll:
    "At least 26 people were killed.", "The death toll later rose to 63."; who is blamed)?
    Not when it is dated, placed or framed apart ("since 2019", "in Kano", "another attack")."""
    if any(w in AWAY_WORDS for t in sent for w in t.lower_.split()):  # names are one token: "last year"
        return False
    told = " ".join(e.text for e in attack.evidence).casefold()
    for t in sent:
        if t.ent_type_ == "DATE" and any(ch.isdigit() for ch in t.text):
            return False
        if t.ent_type_ in ("GPE", "LOC") and t.text.casefold() not in told:
            return False
        if t.lower_ in _lex("attack_nouns") and any(c.lower_ in INDEFINITE_ARTICLES for c in t.children if c.dep_ == "det"):
            return False
    return True


def _later_tolls(attacks: list[Claim], sents) -> list[Claim]:
    """The victims counted in the sentences after an attack, in sentences that tell no attack
    of their own: the largest toll stated is kept, the attackers' own dead apart."""
    out = list(attacks)
    told = {_sentence(c) for c in attacks}
    for i, sent in enumerate(sents):
        if i in told:
            continue
        before = [k for k, c in enumerate(out) if 0 < i - _sentence(c) <= 2 and not c.negated
                  and c.modality not in ("denied", "hypothetical")]
        if not before:
            continue
        k = before[-1]
        c = out[k]
        if not _goes_on_about(sent, c):
            continue
        counts = {key: v for key, v in casualties(sent, sent.root).items() if isinstance(v, int)}
        for kind, value, _, _, by_attackers in casualty_items(sent):  # "put the toll at 40; others said 58"
            if isinstance(value, int) and not by_attackers and value > counts.get(kind, -1):
                counts[kind] = value
        args = dict(c.args)
        for key, value in counts.items():
            if not isinstance(args.get(key), int) or value > args[key]:
                args[key] = value
        if args != c.args:
            document = c.evidence[0].document if c.evidence else ""
            out[k] = replace(c, args=args, evidence=tuple(dict.fromkeys(c.evidence + (evidence_of(document, i, sent),))),
                             rule=c.rule if c.rule.endswith("+incident.toll") else c.rule + "+incident.toll")
    return out


WHERE_PREPS = words("extract.incidents:WHERE_PREPS")
# "on the south-western edge of Mogadishu", "in the heart of Kabul": a part of the place
PARTS_OF_PLACES = words("extract.incidents:PARTS_OF_PLACES")
# a place under these is told about something else: "in revenge for the blockade in Gaza"
ASIDE_PREPS = words("extract.incidents:ASIDE_PREPS")

# a place hyphened to these only describes something else: "a Kabul-bound bus", "a Pakistan-based group"
PLACE_HYPHEN_SUFFIXES = words("extract.incidents:PLACE_HYPHEN_SUFFIXES")


def _placed_in_sentence(attack: Claim, sents, actors) -> Claim:
    """An attack whose words the parse could not tie to a place ("hit pupils leaving a school
    in the west of Kabul") is placed where its sentence says things happened: the first
    place that is the object of a preposition, not a modifier ("US troops") nor a speaker."""
    i = _sentence(attack)
    if attack.args.get("place") is not None or not 0 <= i < len(sents):
        return attack
    for t in sents[i]:
        top = t
        while top.dep_ in ("appos", "conj") and top.head.i != top.i:
            top = top.head  # "in Owo, Ondo State, Nigeria": the rest of the address
        prep = top.head
        # "in the west of Kabul", "the outskirts of Goma": "of" after a place noun says where
        of_place = prep.lower_ == "of" and prep.head.lower_ in PLACE_NOUNS | COMPASS | PARTS_OF_PLACES
        if top.dep_ != "pobj" or not (prep.lower_ in WHERE_PREPS or of_place) or hyphen_suffix(t) in PLACE_HYPHEN_SUFFIXES \
                or any(a.dep_ == "prep" and a.lower_ in ASIDE_PREPS for a in top.ancestors):
            continue
        places = [m.entity for m in actors.at(t.i) if m.entity.kind == "place"]
        if places:
            return replace(attack, args={**attack.args, "place": places[0]}, confidence=round(attack.confidence * 0.9, 3))
    return attack


ADDRESS_SPAN = 15  # tokens after a place that may still be its address


def _placed_in_address(attack: Claim, sents, actors) -> Claim:
    """A place the gazetteer lacks takes its country (and province) from the rest of its
    address: "in Khar, Bajaur district, Khyber Pakhtunkhwa, Pakistan" -> Khar, PK."""
    place = attack.args.get("place")
    i = _sentence(attack)
    if not isinstance(place, Entity) or place.country is not None or not 0 <= i < len(sents):
        return attack
    sent = sents[i]
    at = [t.i for t in sent if t.text == place.name or place.name.startswith(t.text + " ")
          or any(m.entity.id == place.id for m in actors.at(t.i))]
    if not at:
        return attack
    countries, admin1 = [], None
    for t in sent.doc[at[0] + 1: min(sent.end, at[0] + 1 + ADDRESS_SPAN)]:
        if t.text in (".", ";"):
            break
        for m in actors.at(t.i):
            e = m.entity
            if e.kind == "place" and e.country:
                countries.append(e.country)
                if admin1 is None and e.admin1 and e.lat is None:
                    admin1 = e.admin1
    if not countries:  # "in Burkina Faso's Sahel region": one country named in the sentence
        named = {m.entity.country for t in sent for m in actors.at(t.i) if m.entity.kind == "place" and m.entity.country}
        countries = list(named) if len(named) == 1 else []
    if not countries:
        return attack
    return replace(attack, args={**attack.args, "place": replace(place, country=countries[0], admin1=admin1)})


def _bare_claim(c: Claim) -> bool:
    """A claim of responsibility that names no attack of its own ("X claimed responsibility.",
    "X claimed responsibility two days later"): it is for the attack just told."""
    return (c.rule.split("+")[0] == "attack.claim" or c.modality == "claimed") and c.args.get("place") is None \
        and not c.negated and isinstance(c.args.get("perpetrator"), Entity) and c.modality not in ("hypothetical", "denied")


def _recounted(c: Claim, prev: Claim, sent) -> bool:
    """"...; three attackers were also killed": a later sentence's killing with no place, no
    doer and nothing that sets it apart is the attack just told, recounted."""
    return c.args.get("place") is None and not isinstance(c.args.get("perpetrator"), Entity) \
        and c.rule.split("+")[0] != "attack.claim" and _goes_on_about(sent, prev)  # "No one claimed it"


def _placeless_own_telling(c: Claim, sent) -> bool:
    """"X said two of its members had detonated belts among the mourners": a group telling,
    with no place of its own, how it did the attack just told."""
    return c.args.get("place") is None and any(how == "claimed" for how, _ in said_done(sent))


def _same_telling(a: Claim, b: Claim) -> bool:
    """Two claims of one sentence told with the same words, apart from the place: the
    places of one address."""
    keys = ("attack_type", "killed", "wounded", "target")
    return all(a.args.get(k) == b.args.get(k) for k in keys) and a.rule.split("+")[0] == b.rule.split("+")[0]


# words of a sentence that may own an attack already told: "X claimed it", "X claimed responsibility"
CLAIMED_IT_WORDS = words("extract.incidents:CLAIMED_IT_WORDS")


def _claims_of_responsibility(attacks: list[Claim], sents, actors) -> list[Claim]:
    out = list(attacks)
    told = {_sentence(c) for c in attacks if c.args.get("place") is not None}
    for i, sent in enumerate(sents):
        if i in told and any(isinstance(c.args.get("perpetrator"), Entity) for c in attacks if _sentence(c) == i):
            continue  # the sentence's own attack has its doer
        blame = any(t.lower_ in _lex("blame_words") for t in sent) and _goes_on_about(sent, out[-1]) if out else False
        if not _definite_attack_noun(sent) and not blame and not any(t.lower_ in CLAIMED_IT_WORDS for t in sent) \
                and not said_done(sent):
            continue  # "Authorities blamed X, which denied involvement": blamed for the attack just told
        found = _responsibility(sent, actors)
        if found is None:
            continue
        group, own = found
        before = [k for k, c in enumerate(out) if 0 <= i - _sentence(c) <= LOOK_BACK
                  and c.modality != "hypothetical" and (c.modality == "denied" or not c.negated)]
        if not before:
            continue
        k = before[-1]
        c = out[k]
        doer = c.args.get("perpetrator")
        if isinstance(doer, Entity) and doer.id == group.id:
            continue  # already known
        args = dict(c.args, perpetrator=group, claimed=own or bool(c.args.get("claimed") and doer is None))
        evidence = c.evidence + (evidence_of(c.evidence[0].document if c.evidence else "", i, sent),)
        modality, attribution = (("claimed", group.name) if own else ("reported", c.attribution))
        retold = replace(c, args=args, modality=modality, negated=False, attribution=attribution,
                       evidence=tuple(dict.fromkeys(evidence)), rule=c.rule + "+incident.responsibility")
        if isinstance(doer, Entity) or c.modality == "denied":
            out.append(retold)  # another group's attack, or one denied: the claim is its own
        else:
            out[k] = retold
    return out
