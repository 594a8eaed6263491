"""The parse helpers every rule family uses, over spaCy tokens and nothing else: the
conjuncts of a word, its children by relation, whether a verb is passive, the word a
hyphen joins; the arrangement a relation noun names the kind of; who acts when a group
sends people ("X sent fighters to help Y"); the object a stranded preposition takes in
coordinated verbs ("X trained alongside and received funding from Y": right node raising).
The bottom of the parse helpers: it imports nothing."""

from __future__ import annotations

from ..lexicon.words import words


def hyphen_suffix(tok) -> str | None:
    """The word a hyphen joins to this token: "bound" in "a Peshawar-bound train"."""
    doc = tok.doc
    return doc[tok.i + 2].lower_ if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" else None


def is_passive(tok) -> bool:
    # a name read as a verb form ("IS claimed ...": 'IS' as auxpass) makes nothing passive
    return any(c.dep_ in ("nsubjpass", "auxpass") and not c.ent_type_ for c in tok.children)


def conjuncts(tok) -> list:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(conjuncts(c))
    return out


def _children(tok, *deps):
    found = [c for c in tok.children if c.dep_ in deps]
    if not found and any(d.startswith("nsubj") for d in deps):
        # the parser sometimes hangs the subject on the auxiliary ("fighters are(<-) concentrated")
        found = [g for c in tok.children if c.dep_ in ("aux", "auxpass") for g in c.children if g.dep_ in deps]
    return found


SPLIT_MODIFIERS = words("language.syntax:SPLIT_MODIFIERS")  # (as rules.json "split_modifiers")
# indefinite determiners of a group split from the one named: "an EPRLF splinter group", "another ... faction"
INDEFINITE_DETERMINERS = words("language.syntax:INDEFINITE_DETERMINERS")


def split_off_from_name(tok) -> bool:
    """'an EPRLF splinter group', 'another Taliban breakaway faction': a group noun with a split
    word and an indefinite article is some group split from the one named before it, not that
    group ('the Jamaat-ul-Ahrar splinter group' may be the group itself)."""
    return any(c.dep_ == "det" and c.lower_ in INDEFINITE_DETERMINERS for c in tok.children) and any(
        c.lower_ in SPLIT_MODIFIERS for c in tok.children if c.dep_ in ("compound", "amod", "nmod"))


# nouns for an arrangement two parties conclude; a relation noun before them names its kind
ARRANGEMENT_NOUNS = words("language.syntax:ARRANGEMENT_NOUNS")
COORDINATORS = words("language.syntax:COORDINATORS")


def arrangement_head(tok):
    """The arrangement noun a relation noun names the kind of ("alliance" in "an alliance
    agreement with Y": "agreement"), or None."""
    if tok.dep_ in ("compound", "nmod", "amod") and tok.head != tok and tok.head.i > tok.i \
            and tok.head.lemma_.lower() in ARRANGEMENT_NOUNS:
        return tok.head
    return None


def shared_objects(verb, word: str) -> list:
    """'X trained alongside and received funding from Y': the preposition `word` under `verb`
    that stands without an object just before a coordinator takes the object of the verb
    coordinated after it (its direct object if named, else its named prepositional objects)."""
    doc = verb.doc
    stranded = [c for c in verb.children if c.lower_ == word and c.dep_ in ("prep", "advmod", "prt", "dep")
                and not any(g.dep_ in ("pobj", "pcomp") for g in c.children)
                and c.i + 1 < len(doc) and doc[c.i + 1].lower_ in COORDINATORS | {","}]
    if not stranded:
        return []
    later = [c for c in verb.children if c.dep_ == "conj" and c.i > stranded[0].i and c.pos_ in ("VERB", "AUX")]
    if not later:
        return []
    other = later[0]
    named = [c for c in other.children if c.dep_ == "dobj" and c.ent_type_]
    if named:
        return named
    return [o for p in other.children if p.dep_ in ("prep", "agent") and p.i > other.i
            for o in p.children if o.dep_ == "pobj" and o.ent_type_ in ("ORG", "NORP", "GPE", "PERSON")][:1]


SENDING = words("language.syntax:SENDING")


# people a group sends: its own when no other owner is named
OWN_PEOPLE = words("language.syntax:OWN_PEOPLE")


_QUANTITIES = words("language.syntax:_QUANTITIES")


def senders_people(verb, objs, subject_of) -> list:
    """'X sent fighters to help Y', 'X deployed hundreds of militants to ...': people sent with
    no owner named (no "its", no "Hamas fighters", no "fighters of Z") are the sender's, so the
    sender (found by `subject_of`) is who acts. [] when the verb sends no such people."""
    if verb.lemma_.lower() not in SENDING or not objs:
        return []
    for obj in objs:
        people = obj
        if obj.lower_ in _QUANTITIES or obj.pos_ == "NUM":  # "hundreds of fighters"
            people = next((o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                           for o in p.children if o.dep_ == "pobj"), obj)
        owned = any(c.dep_ in ("poss", "compound", "nmod") or (c.dep_ == "prep" and c.lower_ == "of")
                    for c in people.children)
        if people.lemma_.lower() not in OWN_PEOPLE or people.ent_type_ or owned:
            return []
    return subject_of(verb)


def parsed_text(doc) -> str:
    """The text the parse saw (`Doc.text`), built once a document: spaCy rebuilds `Doc.text`
    from every token on each call, which read once a token makes a document's work quadratic."""
    text = doc.user_data.get("factionmap_parsed")
    if text is None:
        text = doc.user_data["factionmap_parsed"] = doc.text
    return text
