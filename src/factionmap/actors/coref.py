"""In-document coreference: descriptors and pronouns that point back to an actor.

A small salience model, not a learned one: candidates come from the same
sentence and the two before it; subjects and entities just introduced with a
description ("Y, a new province") are the most salient, then the most recent.
"""

from __future__ import annotations

import re

from ..language.nlp import sentence_of
from ..language.slots import GROUP_PEOPLE, conjuncts, subject
from ..language.syntax import parsed_text
from ..lexicon.places import city_country
from ..lexicon.words import words

_AKA = re.compile(r"^\s*,?\s*(?:also known as|also called|known as)\s+", re.I)
_QUOTES = "\"“”"
_NEUTRAL_MODIFIERS = words("actors.coref:_NEUTRAL_MODIFIERS")
PLACE_DESCRIPTORS = words("actors.coref:PLACE_DESCRIPTORS")
BODY_NOUNS = words("actors.coref:BODY_NOUNS")  # "the council": the one of a group named before
RELATION_DESCRIPTORS = words("actors.coref:RELATION_DESCRIPTORS")
# nouns naming the other side: the owner of "their enemies" is never one of the enemies
OTHERS_NOUNS = words("actors.coref:OTHERS_NOUNS")
_SPEECH = words("actors.coref:_SPEECH")
# first-person pronouns: inside a quotation they are the speaker ("'we will fight on,' he said")
FIRST_PERSON_PRONOUNS = words("actors.coref:FIRST_PERSON_PRONOUNS")
# possessives that point back to a group: "al-Qaeda and its leader", "in their fight"
GROUP_POSSESSIVES = words("actors.coref:GROUP_POSSESSIVES")
# pronouns that point back to one group: "it said", "its leader"
SINGULAR_GROUP_PRONOUNS = words("actors.coref:SINGULAR_GROUP_PRONOUNS")
# pronouns that point back to a man: "he pledged", "his deputies", "chose X to succeed him"
MASCULINE_PRONOUNS = words("actors.coref:MASCULINE_PRONOUNS")
# pronouns for a group spoken of in the plural: "the Taliban ... their leader", "They fought"
PLURAL_GROUP_PRONOUNS = words("actors.coref:PLURAL_GROUP_PRONOUNS")
# plural words for armed men that point back to a group like a group noun: "the militants"
MILITANT_PLURALS = words("actors.coref:MILITANT_PLURALS")
# determiners of a plural descriptor for the two last named: "The groups coordinated an attack"
PLURAL_DEFINITES = words("actors.coref:PLURAL_DEFINITES")
# words that make a descriptor a pair: "the two groups", "both factions"
PAIR_WORDS = words("actors.coref:PAIR_WORDS")
# modifiers that make a leader noun point back to a person: "the new leader", "the late commander"
LEADER_MODIFIERS = words("actors.coref:LEADER_MODIFIERS")
# prepositions after a help noun that take the helped: "support for X", "aid to X", "the backing of X"
HELP_PREPS = words("actors.coref:HELP_PREPS")
# object pronouns that are no helped party of their own: "supports them in their fight"
OBJECT_PRONOUNS = words("actors.coref:OBJECT_PRONOUNS")
# indefinite articles: "a breakaway faction chose X as its leader" names no group
INDEFINITE_ARTICLES = words("actors.coref:INDEFINITE_ARTICLES")
# pronouns read in the plural: "they", "them", "their"
PLURAL_PRONOUNS = words("actors.coref:PLURAL_PRONOUNS")
# auxiliaries that agree with a plural subject: "the Taliban have", "the Houthis were"
PLURAL_AUXILIARIES = words("actors.coref:PLURAL_AUXILIARIES")


def antecedents(doc, tok, out, rules: dict, sent_of: dict) -> list[tuple[object, str]]:
    """The entities a descriptor or pronoun token refers to, with how it was found."""
    lower = tok.lower_
    sent_index = sent_of[tok.i]
    if lower in FIRST_PERSON_PRONOUNS:
        speaker = _quote_speaker(doc, tok, out)
        return [(speaker, "pronoun")] if speaker is not None else []
    if lower in GROUP_POSSESSIVES and tok.dep_ == "poss" and tok.head.lemma_.lower() in OTHERS_NOUNS:
        return []  # "X and Y attacked their rivals": whoever they are, not X or Y
    if lower == "their":
        led = _groups_of_leaders(tok, out, rules)
        if led:  # "the leaders of A, B and C announced that their factions had joined": A, B, C
            return [(e, "pronoun") for e in led]
    if lower in GROUP_POSSESSIVES and _unnamed_subject(tok, out, rules):
        return []  # "a breakaway faction chose X as its own leader": the faction's, unnamed
    if lower == "its" and tok.dep_ == "poss" and tok.head.dep_ == "conj" and tok.head.head.i < tok.i:
        # "allegiance to al-Qaeda and its leader, Zawahiri": the conjunct just before
        first = [m.entity for m in out.at(tok.head.head.i) if m.entity.kind == "org" and m.is_actor]
        if first:
            return [(first[0], "pronoun")]
    if lower in GROUP_POSSESSIVES and tok.dep_ == "poss":
        helped = helped_party(tok)
        if helped is not None:
            # "backs the Iraqi army and the Kurds in their fight against X": the ones helped
            found = [m.entity for t in helped[: None if lower == "their" else 1] for m in out.at(t.i)
                     if m.entity.kind == "org" and m.is_actor]
            if found:
                return [(e, "pronoun") for e in dict.fromkeys(found)]
    if lower in GROUP_POSSESSIVES and _bound_by_unnamed_subject(tok, out):
        return []  # "the 1920s Brigades shifted its focus": its own, a group the text names unknown
    if lower in SINGULAR_GROUP_PRONOUNS:
        if lower == "it" and (tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.lemma_ == "be") and not _regarded_as(tok):
            return []
        # "regards it as an al-Qaeda affiliate": not the group its description names
        owners = _owners_in_clause(tok, out) if lower == "it" and _regarded_as(tok) else frozenset()
        found = _best(doc, tok, out, sent_index, "org", exclude_ids=owners, exclude=_in_other_relative(tok))
        return [(found, "pronoun")] if found is not None else []
    if lower == "he" and tok.dep_ == "nsubj" and tok.head.dep_ == "conj":
        # "He gave ... and in August he pledged ...": the subject of the first clause
        for c in tok.head.head.children:
            if c.dep_ == "nsubj":
                here = [m.entity for m in out.at(c.i) if m.entity.kind == "person"]
                if here:
                    return [(here[0], "pronoun")]
    if lower in MASCULINE_PRONOUNS:
        exclude = _coarguments(tok) if lower == "him" else ()
        if lower == "his" and tok.head.tag_ in ("NNS", "NNPS") and tok.head.dep_ in ("pobj", "attr"):
            # "X and Y will serve as his deputies": not one of X and Y
            exclude = _coarguments(tok)
        found = _best(doc, tok, out, sent_index, "person", exclude=exclude)
        return [(found, "pronoun")] if found is not None else []
    if lower in PLURAL_GROUP_PRONOUNS:
        # a group spoken of in the plural ("the Taliban ... their leader"): the subject here, or,
        # for a "they" opening a sentence, the subject of the one before ("The Houthis ... They fought")
        found = _best(doc, tok, out, sent_index, "org", same_sentence_subject=True)
        if found is None and lower == "they" and tok.dep_ == "nsubj" and (
                tok.i == sentence_of(tok).start or tok.head.dep_ == "ROOT"):
            # "In 2012, they drove ...": the main clause's subject after an opening phrase too;
            # and state forces spoken of in the plural ("Kenyan troops crossed ... they drove")
            found = _best(doc, tok, out, sent_index, "org", previous_sentence_subject=True, states=True)
        return [(found, "pronoun")] if found is not None else []
    if lower == "them" and tok.dep_ in ("dobj", "pobj"):
        # "The militants lost ground. An offensive drove them out": a group spoken of in the
        # plural in this sentence or the one before, never one of the clause's own arguments
        exclude = _coarguments(tok) | {t.i for s in subject(tok.head) for t in s.subtree}
        found = _best(doc, tok, out, sent_index, "org", exclude=exclude, window=1, plural=True)
        return [(found, "pronoun")] if found is not None else []
    dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "poss")}
    if "the" not in dets and "this" not in dets:
        return []
    if tok.lemma_.lower() in BODY_NOUNS and tok.tag_ == "NN" and not any(
            c.dep_ in ("prep", "compound", "amod", "poss") for c in tok.children):
        owner = _body_owner(doc, tok, out, sent_index)  # "X's leadership council ... The council appointed"
        return [(owner, "descriptor")] if owner is not None else []
    if tok.lemma_.lower() in PLACE_DESCRIPTORS and tok.tag_ == "NN" and not any(
            c.dep_ in ("prep", "compound", "amod", "poss") for c in tok.children):
        # "the city", "the town": the place named just before
        places = [m for m in out.recent(tok.i, sent_index - 2, sent_index)
                  if m.entity.kind == "place" and city_country(m.entity.name)]
        return [(places[-1].entity, "descriptor")] if places else []
    if tok.lemma_.lower() in RELATION_DESCRIPTORS and tok.tag_ == "NN":
        # "the al-Qaeda affiliate": a group other than the one named in the phrase
        named = [m.entity.id for c in tok.children if c.dep_ in ("compound", "nmod", "poss") for m in out.at(c.i)]
        if named:
            found = _best(doc, tok, out, sent_index, "org", exclude_ids=set(named))
            return [(found, "descriptor")] if found is not None else []
    if tok.lemma_.lower() in rules["group_nouns"] or lower in MILITANT_PLURALS:
        # "the global jihadist movement" names a wider thing; only plain descriptors point back
        for c in tok.doc[tok.left_edge.i:tok.i]:
            if _in_hyphen_relation(c):
                continue  # "the Iran-backed movement" is still a plain descriptor
            if c.dep_ in ("amod", "compound", "nmod", "nummod") and not c.ent_type_ == "NORP" \
                    and c.lower_ not in rules["group_adjectives"] and c.lower_ not in _NEUTRAL_MODIFIERS:
                return []
        aka = _also_known_as(doc, tok, out)
        if aka is not None:
            return [(aka, "alias")]
        if _is_pair(tok):
            return [(e, "descriptor") for e in _pair(doc, tok, out, sent_index)]
        if tok.tag_ in ("NNS", "NNPS") and lower not in MILITANT_PLURALS:
            if any(c.lower_ in PLURAL_DEFINITES for c in tok.children if c.dep_ == "det") and not any(
                    c.dep_ in ("prep", "relcl", "acl", "appos") for c in tok.children):
                # "X opened talks with Y. The groups coordinated an attack": the two last named
                return [(e, "descriptor") for e in _pair(doc, tok, out, sent_index)]
            return []
        if any(c.dep_ == "prep" for c in tok.children):
            return []  # "the group of ..." introduces, it does not point back
        # "African Union troops pushed the militants out": a full noun phrase is not its own
        # clause's subject
        exclude = _coarguments(tok) if tok.dep_ in ("dobj", "pobj") else ()
        found = _best(doc, tok, out, sent_index, "org", exclude=exclude, topic=True,
                      exclude_ids=_owners_in_clause(tok, out))
        return [(found, "descriptor")] if found is not None else []
    if lower == "two" and tok.dep_ in ("pobj", "nsubj", "dobj"):
        return [(e, "descriptor") for e in _pair(doc, tok, out, sent_index)]
    if tok.lemma_.lower() in rules["leader_nouns"] and not any(
        c.dep_ in ("prep", "poss", "compound") for c in tok.children
    ) and not out.at(tok.i):
        if any(c.lower_ in LEADER_MODIFIERS for c in tok.children):
            found = _best(doc, tok, out, sent_index, "person", subjects_first=True)
            return [(found, "descriptor")] if found is not None else []
    return []


_HELP_NOUNS = words("actors.coref:_HELP_NOUNS")
_HELP_VERBS = words("actors.coref:_HELP_VERBS")


def _in_other_relative(tok) -> set[int]:
    """Tokens of relative clauses in the pronoun's sentence that do not hold the pronoun:
    "He named X, a cleric who had headed al-Qaeda's committee, as its leader" -- the group
    a description of someone names is not what "its" points back to."""
    out: set[int] = set()
    for t in tok.sent:
        if t.dep_ == "relcl" and not (t.left_edge.i <= tok.i <= t.right_edge.i):
            out.update(range(t.left_edge.i, t.right_edge.i + 1))
    return out


def _bound_by_unnamed_subject(tok, out) -> bool:
    """A possessive on a verb's object is bound by the verb's subject ("X shifted its focus"):
    when that subject is a proper name no actor was found for, the pronoun means that
    unknown group, not an actor named earlier."""
    if tok.head.dep_ != "dobj" or tok.head.head.pos_ != "VERB":
        return False
    subs = [c for c in tok.head.head.children if c.dep_ == "nsubj"]
    return bool(subs) and subs[0].tag_ in ("NNP", "NNPS") and subs[0].ent_type_ != "PERSON" and not any(
        out.at(t.i) for t in subs[0].subtree)


def helped_party(tok) -> list | None:
    """'supports X and Y in their fight', 'its support for X in its struggle': the possessive
    of a noun in an 'in' phrase after someone helped is the helped, not the helper. The
    tokens of the helped (conjuncts too), or None where the construction is not there."""
    noun = tok.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.head == prep:
        return None
    head = prep.head
    if head.pos_ in ("VERB", "AUX"):
        objs = [c for c in head.children if c.dep_ == "dobj"]
        # "reaffirmed its support for X in its fight", "stands firm in its support of X in its fight"
        helps = [t for t in head.subtree if t.i < prep.i and t.pos_ == "NOUN" and t.lemma_.lower() in _HELP_NOUNS]
        if helps:
            head = helps[-1]
        elif head.lemma_.lower() not in _HELP_VERBS:
            return None  # "took the town in its offensive": its own offensive
    elif head.lemma_.lower() not in _HELP_NOUNS:
        # "the Government of Iraq and the Iraqi people in their fight": the phrase's own noun
        first = head
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        return None if first.pos_ == "PRON" else conjuncts(first)
    if head.lemma_.lower() in _HELP_NOUNS and head.pos_ == "NOUN":
        objs = [o for p in head.children if p.dep_ == "prep" and p.lower_ in HELP_PREPS
                for o in p.children if o.dep_ == "pobj"]
    if not objs or objs[0].lower_ in OBJECT_PRONOUNS or objs[0].pos_ == "PRON":
        return None
    return [t for o in objs for t in conjuncts(o)]


_HYPHEN_RELATIONS = words("actors.coref:_HYPHEN_RELATIONS")


def _in_hyphen_relation(tok) -> bool:
    """A word of 'Iran-backed' / 'al-Qaeda-linked': the relation word, the hyphen, the name."""
    doc = tok.doc
    if tok.lower_ in _HYPHEN_RELATIONS and tok.i >= 1 and doc[tok.i - 1].text in ("-", "–"):
        return True
    if tok.text in ("-", "–") and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in _HYPHEN_RELATIONS:
        return True
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text in ("-", "–") and doc[tok.i + 2].lower_ in _HYPHEN_RELATIONS


def _is_pair(tok) -> bool:
    return any(c.lower_ in PAIR_WORDS for c in tok.children)


def _candidates(tok, out, sent_index: int, kind: str, window: int = 2, states: bool = False):
    for m in out.recent(tok.i, sent_index - window, sent_index):
        if m.entity.kind != kind or not m.is_actor:
            continue
        if kind == "org" and m.category in ("state", "government", "media") and not (
                states and m.category != "media" and _plural(tok.doc[m.token])):
            continue  # "the group", "the militants", "its": an armed group, not a state or an outlet
        yield m


def _salience(doc, m, sent_index: int, subjects_first: bool, counts=None) -> float:
    score = -3.0 * (sent_index - m.sentence)
    if counts:
        # "the militants" in a later paragraph is the story's main actor, mentioned often
        # before, rather than a group named once in passing inside a clause
        score = max(score, -6.0) + min(3.0, 1.0 * (counts.get(m.entity.id, 1) - 1))
        if any(a.dep_ in ("relcl", "agent", "acl") for a in [doc[m.token], *doc[m.token].ancestors][:3]):
            score -= 1
    head = doc[m.token]
    if subjects_first and head.dep_ in ("nsubj", "nsubjpass"):
        score += 2
    if m.sentence < sent_index and any(c.dep_ == "appos" and not c.ent_type_ for c in head.children):
        score += 2  # just introduced with a description: the topic of what follows
    return score + m.token / 100000


def _groups_of_leaders(tok, out, rules: dict) -> list:
    """The groups listed after a plural role noun ("the leaders of A, B and C") that is the
    subject of the clause "their" is in, or of the verb that reports that clause."""
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    for v in (verb, verb.head) if verb.dep_ in ("ccomp", "xcomp") else (verb,):
        for s in subject(v):
            if s.tag_ != "NNS" or s.lemma_.lower() not in rules["leader_nouns"]:
                continue
            found = [m.entity for p in s.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj" for q in conjuncts(o)
                     for m in out.at(q.i) if m.entity.kind == "org" and m.is_actor]
            if len(found) >= 2:
                return list(dict.fromkeys(found))
    return []


def _unnamed_subject(tok, out, rules: dict) -> bool:
    """Is the pronoun's clause subject a group the text does not name ("a breakaway faction",
    "a new group"), so that "its" is that group's?"""
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    for s in subject(verb):
        if s.pos_ == "NOUN" and s.lemma_.lower() in rules["group_nouns"] and not out.at(s.i) and tok.i > s.i \
                and any(c.dep_ == "det" and c.lower_ in INDEFINITE_ARTICLES for c in s.children):
            return True
    return False


def _coordinated(head) -> bool:
    """A name in a list ('X and Y'): the list's first or a later item."""
    if head.dep_ == "conj" or any(c.dep_ == "conj" and c.ent_type_ for c in head.children):
        return True
    doc, i = head.doc, head.i  # the parser may make both subjects ("X and Y formed")
    return (i >= 2 and doc[i - 1].lower_ == "and" and bool(doc[i - 2].ent_type_)) or (
        i + 2 < len(doc) and doc[i + 1].lower_ == "and" and bool(doc[i + 2].ent_type_))


def _coarguments(tok) -> set[int]:
    """Tokens in the pronoun's own clause: 'him' is never one of them (chose X to succeed him)."""
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    root = verb.head if verb.dep_ in ("xcomp", "ccomp") and verb.head != verb else verb
    return {t.i for t in root.subtree if t.i != tok.i}


def _best(doc, tok, out, sent_index: int, kind: str, subjects_first: bool = True,
          exclude=(), same_sentence_subject: bool = False, exclude_ids=frozenset(), topic: bool = False,
          previous_sentence_subject: bool = False, window: int | None = None, plural: bool = False,
          states: bool = False):
    best = None
    best_score = None
    counts = out.counts_before(tok.i) if topic else {}
    for m in _candidates(tok, out, sent_index, kind, window=window or (6 if topic else 2), states=states):
        if m.token in exclude or m.entity.id in exclude_ids:
            continue
        if plural and not _plural(doc[m.token]):
            continue
        if same_sentence_subject and not (m.sentence == sent_index and _subject_or_its_people(doc[m.token])):
            continue
        if previous_sentence_subject and not (m.sentence == sent_index - 1 and doc[m.token].dep_ in ("nsubj", "nsubjpass")):
            continue
        score = _salience(doc, m, sent_index, subjects_first, counts)
        if tok.tag_ == "NN" and counts.get(m.entity.id, 1) <= 1 and _coordinated(doc[m.token]):
            # "X and Y formed Z ... the group": one of a pair named once is not "the group"
            score -= 2.5
        if best_score is None or score > best_score:
            best, best_score = m.entity, score
    return best


_REGARDING = words("actors.coref:_REGARDING")


def _regarded_as(tok) -> bool:
    """'Washington regards it as an al-Qaeda affiliate': 'it' is the group described."""
    verb = tok.head
    return tok.dep_ == "dobj" and verb.lemma_.lower() in _REGARDING and any(
        c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)


def _body_owner(doc, tok, out, sent_index: int):
    """The group whose council (shura, committee) was named in this sentence or the six before."""
    sents = list(doc.sents)
    start = sents[max(0, sent_index - 6)].start if sent_index < len(sents) else 0
    for prev in reversed(doc[start:tok.i]):
        if prev.lemma_.lower() != tok.lemma_.lower():
            continue
        owners = [m.entity for c in prev.children if c.dep_ in ("poss", "compound", "nmod")
                  for m in out.at(c.i) if m.entity.kind == "org" and m.is_actor]
        owners += [m.entity for p in prev.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children for m in out.at(o.i) if m.entity.kind == "org" and m.is_actor]
        return owners[0] if owners else None
    return None


def _owners_in_clause(tok, out) -> set[str]:
    """Groups named as owners in the descriptor's own clause ("the group calls itself the
    Islamic State's province", "the group attacked Taliban positions"): never the group itself."""
    verb = tok.head
    # "X's emir announced that the group had joined Y": a reported clause is a clause of its own
    reported = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _SPEECH
    clause = {t.i for t in verb.subtree if t.i != tok.i} if reported else _coarguments(tok)
    return {m.entity.id for i in clause if tok.doc[i].dep_ in ("poss", "compound")
            for m in out.at(i) if m.via not in ("pronoun", "descriptor")}


def _subject_or_its_people(head) -> bool:
    """A subject, or the group whose people are the subject ('the group's fighters are ...')."""
    if head.dep_ in ("nsubj", "nsubjpass"):
        return True
    people = head.head
    return head.dep_ in ("poss", "compound") and people.dep_ in ("nsubj", "nsubjpass") and people.tag_ == "NNS" \
        and people.lemma_.lower() in GROUP_PEOPLE


def _plural(head) -> bool:
    """A mention read in the plural: 'the militants', 'they', 'Boko Haram fighters'."""
    if head.lower_ in PLURAL_PRONOUNS:
        return True
    if head.tag_ in ("NNS", "NNPS") or (head.dep_ in ("compound", "nmod") and head.head.tag_ == "NNS"):
        return True
    # "the Taliban have", "the Houthis were": a name the verb agrees with in the plural
    verb = head.head
    return head.dep_ == "nsubj" and (verb.tag_ == "VBP" or any(
        c.dep_ == "aux" and c.lower_ in PLURAL_AUXILIARIES for c in verb.children))


def _pair(doc, tok, out, sent_index: int):
    """'the two': a coordinated pair of groups if there is one, else the last two named."""
    cands = list(_candidates(tok, out, sent_index, "org"))
    for m in reversed(cands):
        head = doc[m.token]
        for n in cands:
            if n is m or n.entity.id == m.entity.id:
                continue
            other = doc[n.token]
            if other.dep_ == "conj" and other.head.i == head.i:
                return [m.entity, n.entity]
    distinct = []
    for m in reversed(cands):
        if all(m.entity.id != e.id for e in distinct):
            distinct.append(m.entity)
        if len(distinct) == 2:
            return distinct[::-1]
    return []


def _also_known_as(doc, tok, out):
    """'the group also known as ISIS' is ISIS."""
    after = parsed_text(doc)[tok.idx + len(tok.text):tok.idx + len(tok.text) + 40]
    match = _AKA.match(after)
    if not match:
        return None
    start = tok.idx + len(tok.text) + match.end()
    for m in out.mentions:
        if m.start_char == start and m.entity.kind == "org":
            return m.entity
    return None


def _quote_speaker(doc, tok, out):
    """'I' and 'we' inside a quotation are the person the sentence says spoke."""
    sent = sentence_of(tok)
    before = parsed_text(doc)[sent.start_char:tok.idx]
    if sum(before.count(q) for q in _QUOTES) % 2 == 0:
        return None
    for t in sent:
        if t.lemma_ in _SPEECH:
            for child in t.children:
                if child.dep_ == "nsubj":
                    for m in out.at(child.i):
                        if m.entity.kind == "person":
                            return m.entity
    return None
