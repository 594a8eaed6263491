"""The details of an ATTACK claim: casualties, kind of attack and target (who claimed it is
`claimants`); and the attack words that tell no attack of their own.

Pure functions over a parsed sentence (a spaCy `Span`) and the token that triggered
the claim; the claims stage copies their answers into the claim's literal args.
The parser merges entities into one token, so a count such as "at least 67" is
often a single token: counts are read from token text, not token by token.
"""

from __future__ import annotations

import re

from ..language.nlp import original_text
from ..lexicon.words import words
from .attack_kinds import ARMED_WORDS, BOMBING_WORDS, KILL_VERBS, by_aircraft, kind_of
from .attack_kinds import words_of as _words

# -- words (lemmas and lower-cased forms; the tagger's lemmas of some forms are wrong) --------

DIE_VERBS = words("extract.attacks:DIE_VERBS")
WOUND_VERBS = words("extract.attacks:WOUND_VERBS")
DEAD_WORDS = words("extract.attacks:DEAD_WORDS")
WOUNDED_WORDS = words("extract.attacks:WOUNDED_WORDS")
# who carried it out; "militants"/"fighters" only as the group's own ("its fighters"): an air
# strike's dead militants are its victims
ATTACKER_NOUNS = words("extract.attacks:ATTACKER_NOUNS")
OWN_MEMBERS = words("extract.attacks:OWN_MEMBERS")
INCLUDING = words("extract.attacks:INCLUDING")

FACILITY_WORDS = words("extract.attacks:FACILITY_WORDS")

TARGET_PREPS = words("extract.attacks:TARGET_PREPS")
OF_TARGET_NOUNS = words("extract.attacks:OF_TARGET_NOUNS")
HIT_VERBS = words("extract.attacks:HIT_VERBS")
ATTACK_NOUNS = words("extract.attacks:ATTACK_NOUNS")
# what an attacker sets off or fires, not what is attacked ("detonated a car bomb at X")
WEAPON_NOUNS = words("extract.attacks:WEAPON_NOUNS")
ANYONE = words("extract.attacks:ANYONE")  # victims, not a target
PLACE_LABELS = frozenset({"GPE", "LOC"})
CLAUSE_CUTS = frozenset({"relcl", "acl", "appos"})

CLAIM_VERBS = words("extract.attacks:CLAIM_VERBS")
CLAIM_OBJECTS = frozenset({"responsibility", "credit", "attack", "strike"}) | BOMBING_WORDS | ARMED_WORDS
CARRY_OUT = words("extract.attacks:CARRY_OUT")
SPEECH = words("extract.attacks:SPEECH")
BLAME_WORDS = words("extract.attacks:BLAME_WORDS")
DENY_VERBS = words("extract.attacks:DENY_VERBS")
SELF_WORDS = words("extract.attacks:SELF_WORDS")
UNKNOWN_MODS = words("extract.attacks:UNKNOWN_MODS")
# attackers whose naming alone, with no group, leaves them unknown ("gunmen opened fire");
# a "suicide bomber" is usually someone's, named in the next sentence
FACELESS = words("extract.attacks:FACELESS")
GROUP_LABELS = frozenset({"ORG"})

# -- counts ------------------------------------------------------------------------------

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# words that state no number of their own ("dozens were hurt")
VAGUE = words("extract.attacks:VAGUE")
# words that bound or soften a number without changing which number is said
_QUALIFIERS = re.compile(r"^(?:(?:at least|at most|more than|fewer than|less than|over|about|around|roughly|nearly|"
                         r"almost|approximately|some|up to|as many as|close to|an estimated|estimated|upwards of|"
                         r"a total of|all|another|other|just)\s+)+")

# "a dozen", "half a dozen": words that count one, or a half, of the number word after them
COUNT_ONES = words("extract.attacks:COUNT_ONES")
# words that join the parts of a count: "three hundred and twenty", "half of a dozen"
COUNT_JOINERS = words("extract.attacks:COUNT_JOINERS")
# the words of a count that say no number by themselves ("a", "and" in "a hundred and ten")
NUMBERLESS_COUNT_WORDS = words("extract.attacks:NUMBERLESS_COUNT_WORDS")


def parse_count(text: str) -> int | None:
    """The number a count phrase states: "at least 12" -> 12, "two dozen" -> 24, "dozens" -> None."""
    words = _QUALIFIERS.sub("", " ".join(text.lower().replace("-", " ").strip(" ,.;").split())).split()
    if not words or any(w in VAGUE for w in words):
        return None
    total, current, seen = 0, 0, False
    for w in (w.replace(",", "") for w in words):
        if re.fullmatch(r"\d+(?:\.\d+)?", w):
            current += float(w)
        elif w in _UNITS or w in _TENS:
            current += _UNITS.get(w) or _TENS.get(w, 0)
        elif w in COUNT_ONES:  # "a dozen", "half a dozen"
            current += 0.5 if w == "half" else (0 if current else 1)
        elif w == "dozen":
            current = (current or 1) * 12
        elif w in _SCALES:
            current = (current or 1) * _SCALES[w]
            if _SCALES[w] >= 1000:  # "two million three hundred thousand"
                total, current = total + current, 0
        elif w not in COUNT_JOINERS:
            return None
        seen = seen or w not in NUMBERLESS_COUNT_WORDS
    return int(total + current) if seen else None


TIME_UNITS = words("extract.attacks:TIME_UNITS")


def _spelled_number_of_people(tok) -> bool:
    """"Forty of the policemen", tagged a date: a number in words that counts no time."""
    if not (tok.is_alpha and tok.like_num and tok.pos_ == "NUM"):
        return False
    near = [tok.head, *(c for c in tok.children), *(p for c in tok.children if c.lower_ == "of" for p in c.children),
            *list(tok.ancestors)[:2]]
    return not any(t.lemma_.lower() in TIME_UNITS or t.lower_ in TIME_UNITS for t in near if t is not tok)


def _is_count(tok) -> bool:
    if tok.ent_type_ == "DATE" and _spelled_number_of_people(tok):
        return True
    if tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"):
        return False
    return tok.like_num or tok.ent_type_ == "CARDINAL" or tok.lower_ in VAGUE or tok.lower_ == "dozen"


def _count_text(tok) -> str:
    # "A dozen", "at least 12" split by the parser: the modifiers before the number belong to it
    left = [t for t in tok.subtree if t.i <= tok.i and t.dep_ in ("quantmod", "advmod", "det", "nummod", "compound")
            or t == tok]
    return " ".join(t.text for t in left)


# -- casualties --------------------------------------------------------------------------


def _tree_distance(a, b) -> int:
    up_a = [a, *a.ancestors]
    up_b = {t.i: n for n, t in enumerate([b, *b.ancestors])}
    for n, t in enumerate(up_a):
        if t.i in up_b:
            return n + up_b[t.i]
    return 100 + abs(a.i - b.i)


def _is_attacker(noun) -> bool:
    """The attackers themselves: "5 attackers", "3 of its fighters", "the bomber"."""
    for t in [noun, *(p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj")]:
        if t.lemma_.lower() in ATTACKER_NOUNS or t.lower_ in ATTACKER_NOUNS:
            return True
        if t.lemma_.lower() in OWN_MEMBERS and any(c.dep_ == "poss" for c in t.children):
            return True
    return False


# what a toll update says has risen: "the death toll rose to 40", "the count had risen to 22"
TOLL_NOUNS = words("extract.attacks:TOLL_NOUNS")
RISE_VERBS = words("extract.attacks:RISE_VERBS")
# a modifier saying the people counted were hurt: "... and more than 60 people wounded"
WOUNDED_MODIFIERS = words("extract.attacks:WOUNDED_MODIFIERS")
# the victims as a noun that a count stands beside: "the dead, twenty in all"
CASUALTY_HEADS = words("extract.attacks:CASUALTY_HEADS")
# what the dead lost: "92 soldiers lost their lives"
LIFE_NOUNS = words("extract.attacks:LIFE_NOUNS")
# the prepositions of being treated for wounds: "treated for injuries", "taken to hospital with wounds"
TREATED_FOR_PREPS = words("extract.attacks:TREATED_FOR_PREPS")
# the hurts someone is treated for: "500 were treated for injuries"
INJURY_NOUNS = words("extract.attacks:INJURY_NOUNS")
# taking the wounded to hospital: "59 people had been taken to hospital", "rushed to a clinic"
HOSPITAL_VERBS = words("extract.attacks:HOSPITAL_VERBS")
# the verbs that alone say the wounded went to hospital: "40 were hospitalised"
HOSPITALISE_VERBS = words("extract.attacks:HOSPITALISE_VERBS")
# the prepositions before the hospital: "taken to hospital", "admitted in a clinic"
TO_HOSPITAL_PREPS = words("extract.attacks:TO_HOSPITAL_PREPS")
# where the wounded are taken: "rushed to hospitals", "admitted to a clinic"
HOSPITAL_NOUNS = words("extract.attacks:HOSPITAL_NOUNS")


def _role(noun):
    """('killed'|'wounded', the verb or word saying so) for the phrase a count is in, or None."""
    for c in noun.children:  # "left 30 people dead"
        if c.dep_ in ("oprd", "acomp", "amod") and c.lower_ in DEAD_WORDS:
            return "killed", c
        if c.dep_ in ("acl", "amod") and c.lower_ in WOUNDED_MODIFIERS:
            return "wounded", c  # "... and more than 60 people wounded"
    head, dep = noun.head, noun.dep_
    if dep == "appos" and head.lower_ in CASUALTY_HEADS:
        return ("killed" if head.lower_ == "dead" else "wounded"), head  # "the dead, twenty in all"
    if dep == "nsubj" and head.lemma_.lower() == "lose" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in LIFE_NOUNS for c in head.children):
        return "killed", head  # "92 soldiers lost their lives"
    if dep in ("nsubj", "nsubjpass") and any(
            p.dep_ == "prep" and p.lower_ in TREATED_FOR_PREPS and any(
                o.lemma_.lower() in INJURY_NOUNS for o in p.children)
            for p in head.children):
        return "wounded", head  # "500 were treated for injuries", "13 were taken to hospital with wounds"
    if dep == "nsubjpass" and head.lemma_.lower() in HOSPITAL_VERBS and (
            head.lemma_.lower() in HOSPITALISE_VERBS or any(
                p.dep_ == "prep" and p.lower_ in TO_HOSPITAL_PREPS and any(
                    o.lemma_.lower() in HOSPITAL_NOUNS for o in p.children)
                for p in head.children)):
        return "wounded", head  # "59 people had been taken to hospital", "40 were hospitalised"
    if noun.lower_ in DEAD_WORDS and noun.lower_ != "toll":
        return "killed", noun  # "9 dead"
    if noun.lower_ in WOUNDED_WORDS:
        return "wounded", noun  # "8 wounded"
    if dep == "conj":  # "killed 5 soldiers and 3 civilians"
        while noun.dep_ == "conj" and noun.head != noun:
            noun = noun.head
        return _role(noun)
    lemma = head.lemma_.lower()
    if lemma == "leave":  # "left 11 dead", parsed with the number as the object
        for c in head.children:
            if c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") and c.lower_ in DEAD_WORDS | WOUNDED_WORDS:
                return ("killed" if c.lower_ in DEAD_WORDS else "wounded"), c
    if (noun.pos_ == "NUM" or noun.ent_type_ == "CARDINAL") and lemma in KILL_VERBS | WOUND_VERBS:
        # a bare number hung on the verb ("19 wounded", "wounded about 320") counts its victims
        dep = "dobj" if not any(c.dep_ == "dobj" for c in head.children) else dep
    if dep in ("dobj", "nsubjpass", "obj"):
        if lemma in KILL_VERBS or head.lower_ == "killed":
            return "killed", head
        if lemma in WOUND_VERBS or head.lower_ in WOUNDED_WORDS:
            return "wounded", head
    if noun.dep_ == "nsubj" and head.tag_ == "VBN" and head.dep_ == "conj" and lemma in KILL_VERBS | WOUND_VERBS \
            and not any(c.dep_ in ("dobj", "obj", "aux") for c in head.children):
        return ("killed" if lemma in KILL_VERBS else "wounded"), head  # "... and 60 people wounded": "were" left out
    if noun.dep_ == "nsubj" and lemma in DIE_VERBS:
        return "killed", head
    # "the death toll rose to 40", "a toll of 40"; not the "from" of "rose from 30 to 40"
    if not (noun.dep_ == "pobj" and head.lower_ == "from"):
        for t in [noun, *list(noun.ancestors)[:3]]:
            if t.lower_ == "toll" or any(c.lower_ == "toll" and c.dep_ in ("nsubj", "nsubjpass", "dobj")
                                         for c in t.children) or t.lemma_.lower() in RISE_VERBS and any(
                    c.lower_ in TOLL_NOUNS and c.dep_ == "nsubj" for c in t.children) or (t.lemma_.lower() == "put" and any(
                    c.dep_ == "dobj" and c.lower_ == "dead" for c in t.children)):  # "put the toll/the dead at 40"
                return "killed", t
    return None


# one person named in the singular is a count of one ("and the driver died", "a child was
# killed"); "man" is left out, being as often the attacker as a victim
ONE_PERSON = words("extract.attacks:ONE_PERSON")
# words before a person noun that make it no count of one: "each soldier", "no child"
NOT_ONE_DETERMINERS = words("extract.attacks:NOT_ONE_DETERMINERS")


def _one_person(tok) -> bool:
    return tok.tag_ == "NN" and tok.lemma_.lower() in ONE_PERSON and not any(
        _is_count(c) or c.lower_ in NOT_ONE_DETERMINERS for c in tok.children) \
        and not _is_attacker(tok)


def casualty_items(sent):
    """(kind, value, governing word, conjoined?, by attackers?) for every count the sentence gives."""
    items = []
    for tok in sent:
        if _one_person(tok):
            role = _role(tok)
            if role:
                items.append((role[0], 1, role[1], tok.dep_ == "conj", False))
            continue
        if not _is_count(tok):
            continue
        noun = tok.head if tok.dep_ in ("nummod", "quantmod", "npadvmod", "det") and tok.head != tok else tok
        if noun.dep_ == "pobj" and noun.head.lower_ in INCLUDING or noun.head.lemma_.lower() in INCLUDING:
            continue  # "12 people, including 3 children": the part is not the total
        role = _role(noun)
        if role:
            items.append((role[0], parse_count(_count_text(tok)), role[1], noun.dep_ == "conj", _is_attacker(noun)))
    return items


def _uncounted_attacker_deaths(sent) -> int | None:
    """"the bomber also died" -> 1, "the gunmen were killed" -> None (said, but not counted)."""
    for tok in sent:
        if _is_attacker(tok) and not any(_is_count(c) for c in tok.children):
            if (tok.dep_ == "nsubj" and tok.head.lemma_.lower() in DIE_VERBS) or \
                    (tok.dep_ in ("nsubjpass", "dobj") and tok.head.lemma_.lower() in KILL_VERBS):
                if any(c.lower_ == "both" for c in tok.children):
                    return 2
                return 1 if tok.tag_ == "NN" else None
    return None


# who ends an attack by shooting or seizing its authors: their act is the response, no attack
RESPONDERS = words("extract.attacks:RESPONDERS")
# the attackers just told, as the object of the response: "police shot him dead"
ATTACKER_PRONOUNS = words("extract.attacks:ATTACKER_PRONOUNS")


def response_to_attackers(verb) -> bool:
    """"Police shot him dead", "troops killed the gunmen": security forces acting on the
    attackers just told (a pronoun or an attacker noun), which is no attack of its own."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return bool(objects) and any(s.lemma_.lower() in RESPONDERS or s.lower_ in RESPONDERS for s in subjects) \
        and all(o.lower_ in ATTACKER_PRONOUNS or _is_attacker(o) for o in objects)


def casualties(sent, trigger) -> dict:
    """{'killed', 'wounded', 'killed_perpetrators'}: ints or None, the attackers' own dead apart."""
    out = {"killed": None, "wounded": None, "killed_perpetrators": None}
    # an air strike's or a shelling's dead "gunmen" are its victims, not its authors
    split = attack_type(sent, trigger) not in ("air strike", "shelling")
    best: dict[str, tuple] = {}
    for kind, value, word, conjoined, by_attackers in casualty_items(sent):
        key = "killed_perpetrators" if split and by_attackers and kind == "killed" else kind
        if split and by_attackers and kind == "wounded":
            continue
        # the count nearest the trigger in the parse is the attack's; counts on one verb add up
        rank = (_tree_distance(word, trigger), word.i)
        if key not in best or rank < best[key][0]:
            best[key] = (rank, value, word)
        elif rank == best[key][0] and conjoined and best[key][1] is not None and value is not None:
            best[key] = (rank, best[key][1] + value, word)
    for key, (_, value, _) in best.items():
        out[key] = value
    if out["killed_perpetrators"] is None and split:
        out["killed_perpetrators"] = _uncounted_attacker_deaths(sent)
    return out


# -- kind of attack ----------------------------------------------------------------------


def _clause_of(trigger):
    """The verb whose clause the trigger is in: "took them hostage in a raid" -> took."""
    t = trigger
    while t.pos_ not in ("VERB", "AUX") and t.head != t:
        t = t.head
    return t


def _died_by_own_bomb(verb) -> bool:
    """The bomber died with his bomb: a verb conjoined to the bombing, sharing its subject."""
    return any(c.dep_ == "conj" and c.lemma_.lower() in DIE_VERBS and not any(
        g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in verb.children)


def attack_type(sent, trigger) -> str:
    """One of ATTACK_TYPES, from the trigger and its modifiers, then its clause, then the sentence.

    A general word ("raid", "assault", "storm") yields to a more specific method said in
    its clause ("took them hostage in a raid" is a kidnapping), as the GTD ranks them;
    a bomb or a shell to a suicide or a chemical agent ("blew themselves up", "shells
    filled with chlorine"); and a bombing, shelling or shooting by aircraft is an air strike.
    """
    own = kind_of([trigger, *(c for c in trigger.children if c.dep_ in ("compound", "amod", "nmod", "prt"))])
    clause = kind_of([*trigger.subtree, *_clause_of(trigger).subtree])
    if clause == "bombing" and _died_by_own_bomb(_clause_of(trigger)):
        clause = "suicide bombing"  # "detonated a device in the foyer ... and died in the blast"
    if own in ("bombing", "shelling") and clause in ("suicide bombing", "chemical attack"):
        own = clause
    kind = own if own and own != "armed assault" else clause if clause and clause != "armed assault" else None
    kind = kind or ("armed assault" if own or clause else None)
    if kind in (None, "bombing", "shelling", "armed assault") and by_aircraft(_clause_of(trigger)):
        return "air strike"  # "warplanes bombed X", "jets fired missiles at X"
    if kind == "chemical attack":
        return "other"  # the incident types we code have none for chemical weapons; it is no bombing
    if kind:
        return kind
    target = _target_token(trigger)
    if target is not None and any(_words(t) & FACILITY_WORDS for t in _phrase_tokens(target)):
        return "facility attack"
    return kind_of(sent) or "other"


# -- target ------------------------------------------------------------------------------

# an attack said by the verb of its aim: "an attack targeting police", "a raid aimed at X"
TARGETING_VERBS = words("extract.attacks:TARGETING_VERBS")


def _target_token(trigger):
    def prep_object(tok, preps):
        for c in tok.children:
            if c.dep_ in ("prep", "acl") and c.lower_ in preps:
                for p in c.children:
                    if p.dep_ in ("pobj", "dobj") and p.ent_type_ not in PLACE_LABELS | {"DATE", "TIME"}:
                        return p
        return None

    while trigger.dep_ == "compound" and trigger.head != trigger:
        trigger = trigger.head  # "a car bomb attack on X": the attack's object
    lemma = trigger.lemma_.lower()
    if trigger.pos_ in ("VERB", "AUX"):
        if lemma in KILL_VERBS | WOUND_VERBS:  # "killed 31 people at a mosque": the mosque
            verbs = [trigger, *(c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB")]
            if trigger.dep_ in ("advcl", "conj"):
                verbs.append(trigger.head)  # "opened fire on a bus, killing 9"
            for v in verbs:
                found = prep_object(v, TARGET_PREPS)
                for p in (p for c in v.children if c.lower_ == "in" for p in c.children):
                    if found is None and p.dep_ == "pobj" and p.lemma_.lower() in ATTACK_NOUNS:
                        found = _target_token(p)  # "killed in a shooting at a nightclub"
                if found is not None:
                    return found
        for c in trigger.children:
            if c.dep_ in ("dobj", "nsubjpass") and c.pos_ not in ("PRON", "NUM") and c.lower_ != "fire" \
                    and c.lemma_.lower() not in ANYONE | WEAPON_NOUNS and c.lower_ not in WEAPON_NOUNS:
                return c
        return prep_object(trigger, TARGET_PREPS)
    found = prep_object(trigger, TARGET_PREPS)
    if found is None and (lemma in OF_TARGET_NOUNS or trigger.lower_ in OF_TARGET_NOUNS):
        found = prep_object(trigger, {"of"})  # "the kidnapping of the schoolgirls"
    if found is None:
        for c in trigger.children:  # "an attack targeting police"
            if c.dep_ == "acl" and c.lemma_.lower() in TARGETING_VERBS:
                found = next((g for g in c.children if g.dep_ == "dobj"), None) or prep_object(c, {"at"})
    if found is None and trigger.dep_ == "nsubj" and trigger.head.lemma_.lower() in HIT_VERBS:
        head = trigger.head  # "the blast hit a crowded market"
        found = next((c for c in head.children if c.dep_ == "dobj"), None) or prep_object(head, {"through"})
    return found


def _phrase_tokens(tok) -> list:
    end = tok.right_edge.i + 1
    for t in tok.subtree:  # a relative clause or an apposition says more than what was hit
        if t.i > tok.i and (t.dep_ in CLAUSE_CUTS or (t.dep_ == "prep" and any(
                p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in t.children))):
            end = min(end, t.left_edge.i)  # nor when it was ("... in Mogadishu in 2010")
    toks = [t for t in tok.subtree if t.i < end]
    while toks and toks[-1].is_punct:
        toks.pop()
    return toks


def target_tokens(trigger) -> list:
    """The words of what was attacked (empty when the text does not say)."""
    tok = _target_token(trigger)
    return _phrase_tokens(tok) if tok is not None else []


def target_text(sent, trigger) -> str | None:
    """What was attacked, as written: "the Westgate shopping mall", "a mosque in Peshawar"."""
    tok = _target_token(trigger)
    if tok is None:
        return None
    toks = _phrase_tokens(tok)
    if not toks:
        return None
    # as written ("Hezbollah's headquarters", not "Hezbollah 's headquarters")
    text = original_text(tok.doc)[toks[0].idx: toks[-1].idx + len(toks[-1].text)]
    return " ".join(text.split()) or None


ANSWER_NOUNS = words("extract.attacks:ANSWER_NOUNS")
# the prepositions after an answer noun: "in response to", "in retaliation for", "in revenge of"
ANSWER_PREPS = words("extract.attacks:ANSWER_PREPS")
# verbs of answering a deed: "to avenge the killing", "to answer the raids"
AVENGE_VERBS = words("extract.attacks:AVENGE_VERBS")


def answered_deed(noun) -> bool:
    """An attack noun the sentence's act answers ("in response to strikes on Beirut", "in
    retaliation for the raid", "to avenge the killing"): it is told only as the reason."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in ANSWER_PREPS and prep.head.lemma_.lower() in ANSWER_NOUNS:
        return True
    return noun.dep_ in ("dobj", "obj") and prep.lemma_.lower() in AVENGE_VERBS
