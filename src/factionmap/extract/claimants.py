"""Who an attack is owned by: the group that claims it or denies it, the speaker who says
its fighters did it, the others who blame someone, and attackers left unknown. Pure
functions over a parsed sentence, like `attacks`, whose words they share."""

from __future__ import annotations

import re

from ..lexicon.words import words
from .attack_kinds import KILL_VERBS
from .attack_kinds import words_of as _words
from .attacks import (
    ATTACKER_NOUNS, BLAME_WORDS, CARRY_OUT, CLAIM_OBJECTS, CLAIM_VERBS, DENY_VERBS, FACELESS, GROUP_LABELS,
    PLACE_LABELS, SELF_WORDS, SPEECH, UNKNOWN_MODS, _phrase_tokens, _target_token,
)

# the relative pronoun of a group named before: "X, which claimed responsibility"
RELATIVE_PRONOUNS = words("extract.claimants:RELATIVE_PRONOUNS")
# a determiner denying there is a claimant: "no group claimed it", "none of the groups"
NO_DETERMINERS = words("extract.claimants:NO_DETERMINERS")
# a subject that is no claimant: "nobody claimed responsibility", "no-one has claimed it"
NOBODY_WORDS = words("extract.claimants:NOBODY_WORDS")
# "was behind the blasts", "were responsible": being the doers of an attack
RESPONSIBLE_WORDS = words("extract.claimants:RESPONSIBLE_WORDS")
# the speaker's pronouns for itself: "X said it carried out the attack", "we attacked"
OWN_PRONOUNS = words("extract.claimants:OWN_PRONOUNS")
# the speaker's possessives for its own people: "its fighters", "our brothers", "their men"
OWN_POSSESSIVES = words("extract.claimants:OWN_POSSESSIVES")
# verbs besides those of speech that tell who did it: "admitted its fighters had ...", "confirmed", "told"
OWNING_UP_VERBS = words("extract.claimants:OWNING_UP_VERBS")
# men as faceless attackers only when armed or masked: "armed men", "masked men"
MAN_NOUNS = words("extract.claimants:MAN_NOUNS")
# what makes men attackers: "armed men stormed the hotel", "masked men"
ARMED_MODIFIERS = words("extract.claimants:ARMED_MODIFIERS")

# -- who claimed it ----------------------------------------------------------------------


def _negated(tok) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _is_claimant(tok, name) -> bool:
    """Whether the subject of a claim is the group itself (the perpetrator named by its
    name or one of its aliases, or "it", "the group"); `name` is a name, a tuple of names or None."""
    if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
        tok = tok.head.head  # "X, which claimed responsibility"
    if any(c.lower_ in NO_DETERMINERS for c in tok.children) or tok.lower_ in NOBODY_WORDS:
        return False
    names = (name,) if isinstance(name, str) else tuple(name or ())
    text = " ".join(t.text for t in tok.subtree).lower()
    head = tok.text.lower().removeprefix("the ")
    if any(n.lower() in text or text.removeprefix("the ") in n.lower() or head == n.lower() for n in names if n):
        return True
    if tok.lemma_.lower() in SELF_WORDS or tok.lower_ in SELF_WORDS:
        return True
    return not names and (tok.ent_type_ in GROUP_LABELS or tok.pos_ == "PROPN")


def _own_word(sent, name) -> str | None:
    """'claimed' or 'denied' when the group itself says it did or did not do it."""
    for t in sent:
        lemma = t.lemma_.lower()
        if lemma in CLAIM_VERBS and t.dep_ == "acl" and _words(t.head) & CLAIM_OBJECTS:
            # "an attack claimed by X": X said it did it
            who = [p for c in t.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            if any(_is_claimant(w, name) for w in who):
                return "claimed"
        objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
        if lemma in CLAIM_VERBS and t.pos_ == "VERB" and not _negated(t) and any(_words(o) & CLAIM_OBJECTS for o in objs):
            who = [c for c in t.children if c.dep_ == "nsubj"]
            who += [p for c in t.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            if any(_is_claimant(w, name) for w in who):
                return "claimed"
        if lemma in SPEECH:  # "X said it carried out the attack" / "... did not carry out"
            speakers = [c for c in t.children if c.dep_ == "nsubj"]
            for comp in (c for c in t.children if c.dep_ == "ccomp"):
                if did_it(comp) and own_doers(comp) and any(_is_claimant(s, name) for s in speakers):
                    return "denied" if _negated(comp) or _negated(t) else "claimed"
    return None


DOING_VERBS = CARRY_OUT | KILL_VERBS | frozenset({"detonate", "explode", "attack", "target", "strike", "send",
                                                 "fire", "bomb", "storm", "kill", "ambush", "raid", "hit", "shoot", "plant",
                                                 "ram", "kidnap", "abduct", "behead", "set"})


def did_it(verb) -> bool:
    """A clause saying someone did the attack: "carried out the attack", "had detonated
    belts", "were responsible", "was behind the blasts"."""
    return verb.lemma_.lower() in DOING_VERBS or (verb.lemma_ == "be" and any(
        c.lower_ in RESPONSIBLE_WORDS for c in verb.children))


def _own_noun(tok) -> bool:
    """"it", "we", "its fighters", "one of its members", "the group's fighters"."""
    if tok.lower_ in OWN_PRONOUNS:
        return True
    owners = [tok, *(p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj")]
    return any(p.dep_ == "poss" and (p.lower_ in OWN_POSSESSIVES or p.lemma_.lower() in SELF_WORDS)
               for o in owners for p in o.children)


def own_doers(verb) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and _own_noun(c) for c in verb.children)


MESSAGE_NOUNS = words("extract.claimants:MESSAGE_NOUNS")


def said_done(sent):
    """("claimed", speaker) or ("blamed", doer) for each "X said its fighters carried out the
    attack" / "police said X was behind the blasts" in the sentence."""
    out = []
    for t in sent:
        if t.lemma_.lower() not in SPEECH | OWNING_UP_VERBS:
            continue
        speakers = [c for c in t.children if c.dep_ == "nsubj"]
        # "said in a statement that its fighters had ...": the parser hangs the clause on the noun
        told_in = [c for p in t.children if p.dep_ == "prep" for n in p.children
                   if n.dep_ == "pobj" and n.lemma_.lower() in MESSAGE_NOUNS
                   for c in n.children if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" for m in c.children)]
        for comp in [*(c for c in t.children if c.dep_ == "ccomp"), *told_in]:
            if not did_it(comp) or _negated(comp) or _negated(t):
                continue
            if own_doers(comp):
                out += [("claimed", s) for s in speakers]
            else:
                out += [("blamed", c) for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
    return out


def claim_status(sent, trigger, perpetrator_name) -> tuple[bool, str | None]:
    """(claimed, how): (True, 'claimed') only when the group itself claimed it;
    (False, 'denied') when it denied it; (False, 'attributed') when others blamed it."""
    own = _own_word(sent, perpetrator_name)
    if own:
        return own == "claimed", own
    for t in sent:
        if t.lemma_.lower() in DENY_VERBS:
            who = [c for c in t.children if c.dep_ == "nsubj"]
            if not who or any(_is_claimant(w, perpetrator_name) for w in who):
                return False, "denied"
    if any(_words(t) & BLAME_WORDS and not (t.i > 0 and t.doc[t.i - 1].text in ("-", "–")) for t in sent):
        return False, "attributed"  # but "an al-Qaeda-linked group" describes, it blames nobody
    if any(t.lemma_.lower() == "believe" and any(c.lower_ == "behind" for c in t.subtree) for t in sent):
        return False, "attributed"  # "X is believed to be behind"
    return False, None


# -- unknown attackers -------------------------------------------------------------------


def _named_groups(sent, trigger) -> list:
    """Groups the sentence names, leaving out who reports it and what was attacked."""
    target = _target_token(trigger)
    hit = {t.i for t in _phrase_tokens(target)} if target is not None else set()
    out = []
    for t in sent:
        if not (t.ent_type_ in GROUP_LABELS or (t.ent_id_ and t.ent_type_ not in PLACE_LABELS | {"PERSON"})):
            continue
        if t.i in hit or (t.dep_ == "nsubj" and t.head.lemma_.lower() in SPEECH and t.head.dep_ == "ROOT"
                          and not any(c.dep_ == "ccomp" and c.lemma_.lower() in CARRY_OUT for c in t.head.children)):
            continue
        if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.i > 0 and sent.doc[t.head.i - 1].lower_ == "according":
            continue
        out.append(t)
    return out


def unknown_perpetrator(sent, trigger) -> bool:
    """True when the text says the attackers are unidentified, or names attackers but no group."""
    attackers = [t for t in sent if _words(t) & (ATTACKER_NOUNS | FACELESS)]
    if any(c.lower_ in UNKNOWN_MODS for a in attackers for c in a.children):
        return True
    if re.search(r"\b(?:unclear|not (?:yet )?(?:clear|known)|unknown)\b[^.;]{0,25}\bwho\b", sent.text.lower()):
        return True
    if _named_groups(sent, trigger):
        return False
    armed = [a for a in attackers if _words(a) & FACELESS and (
        a.lemma_.lower() not in MAN_NOUNS or any(c.lower_ in ARMED_MODIFIERS for c in a.children))]
    no_claim = any(t.lemma_.lower() in CLAIM_VERBS and (_negated(t) or any(
        c.dep_ == "nsubj" and any(g.lower_ == "no" for g in c.children) for c in t.children)) for t in sent)
    return bool(armed) or no_claim
