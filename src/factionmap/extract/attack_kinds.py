"""Which kind of attack words say, in the order incident databases rank them.

Split from `attacks`, which decides where to look (the trigger, its clause, its
sentence); this says what a given set of words names: "a chlorine barrel bomb" is a
chemical attack, "mortar rounds" shelling, "warplanes bombed" an air strike.
"""

from __future__ import annotations

from ..lexicon.words import words

KILL_VERBS = words("extract.attack_kinds:KILL_VERBS")
AIR_WORDS = words("extract.attack_kinds:AIR_WORDS")
AIR_MODIFIED = words("extract.attack_kinds:AIR_MODIFIED")  # "air strike", "air raid"
# who or what delivered it from the air: "warplanes bombed X", "missiles fired by jets", "the air force"
AIRCRAFT = words("extract.attack_kinds:AIRCRAFT")
# agents that are chemical weapons by name, and words that make a weapon one ("poison gas")
CHEMICAL_AGENTS = words("extract.attack_kinds:CHEMICAL_AGENTS")
CHEMICAL_MODIFIERS = words("extract.attack_kinds:CHEMICAL_MODIFIERS")
CHEMICAL_HEADS = words("extract.attack_kinds:CHEMICAL_HEADS")
KIDNAP_WORDS = words("extract.attack_kinds:KIDNAP_WORDS")
ASSASSINATION_WORDS = words("extract.attack_kinds:ASSASSINATION_WORDS")
SHOOT_VERBS = words("extract.attack_kinds:SHOOT_VERBS")  # "shot dead X", "gunned down X": with a named victim
SHELLING_WORDS = words("extract.attack_kinds:SHELLING_WORDS")
BOMBING_WORDS = words("extract.attack_kinds:BOMBING_WORDS")
ARMED_WORDS = words("extract.attack_kinds:ARMED_WORDS")
REFLEXIVE = words("extract.attack_kinds:REFLEXIVE")  # "blew themselves up"
# most specific first, as the GTD ranks them; "chemical attack" is told apart so that it wins
# over the bomb or shell that carried it, and is coded "other" (attacks.attack_type)
ATTACK_TYPES = words("extract.attack_kinds:ATTACK_TYPES")


def words_of(tok) -> set[str]:
    return {tok.lower_, tok.lemma_.lower()}


AWAY_VERBS = words("extract.attack_kinds:AWAY_VERBS")
# the adverbs of leading people off: "led scores of children away", "carried off 40 villagers"
AWAY_PARTICLES = words("extract.attack_kinds:AWAY_PARTICLES")


def led_away(t) -> bool:
    """"led scores of children away", "carried off 40 villagers": an abduction."""
    return t.lemma_.lower() in AWAY_VERBS and t.pos_ == "VERB" and any(
        c.lower_ in AWAY_PARTICLES and c.dep_ in ("prt", "advmod") for c in t.children)


def _blown_up(t) -> bool:
    """"blew up", "blown up": set off explosives."""
    return t.lemma_.lower() == "blow" and t.pos_ == "VERB" and any(c.lower_ == "up" for c in t.children)


def _chemical(t) -> bool:
    if t.lower_ in CHEMICAL_AGENTS:
        return True
    return t.lower_ in CHEMICAL_MODIFIERS and t.dep_ in ("amod", "compound") and t.head.lower_ in CHEMICAL_HEADS


# what a suicide bomber wears: "wearing explosive vests", "detonated suicide belts"
WORN_BOMB_NOUNS = words("extract.attack_kinds:WORN_BOMB_NOUNS")
# the words that make a vest or belt a bomb: "explosive vests", "a suicide belt", "bomb vests"
WORN_BOMB_MODIFIERS = words("extract.attack_kinds:WORN_BOMB_MODIFIERS")
# setting oneself off: "detonated himself", "exploded themselves"
DETONATE_VERBS = words("extract.attack_kinds:DETONATE_VERBS")
# the words of a killing by shooting: "shot dead X", "gunned down X"
SHOT_DEAD_WORDS = words("extract.attack_kinds:SHOT_DEAD_WORDS")
# what "armed" makes an armed assault: "armed men", "an armed assault", "an armed attack", "an armed group"
ARMED_HEADS = words("extract.attack_kinds:ARMED_HEADS")


TESTS = {
    "suicide bombing": lambda t: (t.lower_ == "suicide" and t.head.lemma_.lower() != "commit") or (
        # "wearing explosive vests", "detonated explosive belts": worn by the attacker
        t.lemma_.lower() in WORN_BOMB_NOUNS and any(c.lower_ in WORN_BOMB_MODIFIERS for c in t.children)) or (
        # "blew themselves up", "detonated himself": attackers who died by their own explosives
        t.lower_ in REFLEXIVE and t.dep_ == "dobj" and (
            _blown_up(t.head) or t.head.lemma_.lower() in DETONATE_VERBS)),
    "chemical attack": _chemical,
    "air strike": lambda t: bool(words_of(t) & AIR_WORDS) or (
        t.lower_ == "air" and t.head.lemma_.lower() in AIR_MODIFIED),
    "kidnapping": lambda t: bool(words_of(t) & KIDNAP_WORDS) or led_away(t),
    "assassination": lambda t: bool(words_of(t) & ASSASSINATION_WORDS) or (
        t.lemma_.lower() in SHOOT_VERBS | KILL_VERBS and t.pos_ == "VERB" and any(
            c.dep_ in ("dobj", "nsubjpass") and c.ent_type_ == "PERSON" for c in t.children)
        and (t.lemma_.lower() in SHOOT_VERBS or any(c.lower_ in SHOT_DEAD_WORDS for c in t.subtree))),
    "shelling": lambda t: bool(words_of(t) & SHELLING_WORDS),
    "bombing": lambda t: bool(words_of(t) & BOMBING_WORDS) or _blown_up(t),
    "armed assault": lambda t: bool(words_of(t) & ARMED_WORDS) or (
        t.lower_ == "fire" and t.head.lemma_.lower() == "open") or (
        t.lower_ == "armed" and t.head.lemma_.lower() in ARMED_HEADS),
}


def kind_of(tokens) -> str | None:
    """The most specific kind any of these tokens says, in ATTACK_TYPES order."""
    tokens = list(tokens)
    for kind, test in TESTS.items():
        if any(test(t) for t in tokens):
            return kind
    return None


def by_aircraft(verb) -> bool:
    """Whether the doer of this clause is an aircraft or an air force: "warplanes bombed X",
    "missiles fired by jets hit X", "the air force dropped barrel bombs"."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [p for t in verb.subtree if t.dep_ == "agent" or (t.lower_ == "by" and t.dep_ == "prep")
              for p in t.children if p.dep_ == "pobj"]
    for d in doers:
        head_words = words_of(d)
        if head_words & AIRCRAFT or (d.lower_ == "force" and any(c.lower_ == "air" for c in d.children)):
            return True
        if d.lower_ == "air force" or d.lower_.endswith(" air force"):
            return True
    return False
