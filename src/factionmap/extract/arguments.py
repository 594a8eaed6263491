"""From a token in an argument slot to the actors or places it names.

"Afghan Taliban forces" names the Taliban; "the head of al Qaeda Ayman
al-Zawahiri" names a person and an organization; "territory in areas of
Afghanistan" names Afghanistan; "X and Y" names both.
"""

from __future__ import annotations

from ..language.mentions import (  # noqa: F401 (read by the rule families from here too)
    PLACE_NOUNS, mentions_at, named_as,
)
from ..language.nlp import sentence_of
from ..language.slots import subject
from ..language.syntax import conjuncts, split_off_from_name
from ..lexicon.places import place_entity
from ..lexicon.words import words

# Nouns that stand for their group: "Taliban fighters attacked" is the Taliban.
PROXY_NOUNS = words("extract.arguments:PROXY_NOUNS")
EFFORT_NOUNS = words("extract.arguments:EFFORT_NOUNS")
EXAMPLE_PREPS = words("extract.arguments:EXAMPLE_PREPS")  # "groups like X", "factions, including X", "such as X"
SETTLEMENTS = words("extract.arguments:SETTLEMENTS")
PERSON_ROLE_NOUNS = words("extract.arguments:PERSON_ROLE_NOUNS")
# prepositions before where an event took place: "an airstrike in Somalia", "a raid near Kismayo"
EVENT_PLACE_PREPS = words("extract.arguments:EVENT_PLACE_PREPS")
# prepositions before the group people are from: "fighters of X", "troops from neighbouring Chad"
ORIGIN_PREPS = words("extract.arguments:ORIGIN_PREPS")
# words saying whose people they are: "fighters loyal to Hamas", "militants belonging to the Taliban"
LOYALTY_WORDS = words("extract.arguments:LOYALTY_WORDS")
# words between the names of a list: "A, B, the Islamic Army in Iraq, and even AQI"
LIST_FILLERS = words("extract.arguments:LIST_FILLERS")
# the words that close a list: "A, B and C", "A, B or C"
LIST_CLOSERS = words("extract.arguments:LIST_CLOSERS")


def _subtree_places(tok, actors):
    """Places inside a noun phrase, not inside the clauses or descriptions hung on it
    ('the city of Kunduz, the first capital to fall since the US-led invasion')."""
    found = []
    stack = [tok]
    while stack:
        t = stack.pop()
        for m in actors.at(t.i):
            if m.entity.kind == "place" and m.entity not in found:
                found.append(m.entity)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl", "appos", "advcl"))
    return found


def _direct(tok, kinds, actors, depth: int = 0):
    found = mentions_at(tok, actors, kinds)
    if found:
        return found
    lemma = tok.lemma_.lower()
    if "org" in kinds and "person" not in kinds and actors.at(tok.i):
        # "Former Fatah al-Islam leader Al Abssi attacked Hezbollah": the leader acts for his group
        for c in tok.children:
            if c.dep_ in ("compound", "appos") and c.lemma_.lower() in PERSON_ROLE_NOUNS:
                org = leader_org(c, actors)
                if org is not None:
                    return [org]
            if c.dep_ == "poss":  # "the UVF's Joe Shaw was killed by UDA members"
                here = mentions_at(c, actors, ("org",))
                if here:
                    return here
    if "place" in kinds and (lemma in PLACE_NOUNS or tok.lower_ in PLACE_NOUNS):
        places = _subtree_places(tok, actors)
        if places:
            return places
        for c in tok.children:  # "the town of Baga": a place the gazetteer does not know
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    # a name the tagger took for a person is still a place after "the town of"
                    if p.dep_ == "pobj" and p.pos_ == "PROPN" and not any(m.via == "registry" or (
                            m.entity.kind == "person" and lemma not in SETTLEMENTS) for m in actors.at(p.i)):
                        return [place_entity(" ".join(p.text.split()))]
    if "place" in kinds and tok.pos_ in ("NOUN", "PROPN"):
        # "killed in a US airstrike in Somalia": the place of the event noun
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in EVENT_PLACE_PREPS:
                for p in c.children:
                    if p.dep_ == "pobj":
                        here = mentions_at(p, actors, ("place",))
                        if here:
                            return here
    if "org" in kinds and tok.pos_ in ("NOUN", "PROPN"):
        for c in tok.children:  # "a new province, Wilayat Khorasan"
            if c.dep_ == "appos":
                here = mentions_at(c, actors, ("org",))
                if here:
                    return here
    if "org" in kinds and tok.pos_ in ("NOUN", "PROPN"):
        named = named_as(tok, actors)  # "a branch it calls Khorasan Province"
        if named:
            return named
    if "org" in kinds and "person" not in kinds and lemma in PERSON_ROLE_NOUNS:
        org = leader_org(tok, actors)  # "killed the leader of Kurdish Hamas": the group is hit
        if org is not None:
            # "the leaders of A, B and C merged their groups": every group of the list
            listed = [e for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                      if p.dep_ == "pobj" for q in conjuncts(p) + [a for a in p.children if a.dep_ == "appos"]
                      for e in mentions_at(q, actors, ("org",))]
            return [org] + [e for e in listed if e.id != org.id]
    if "org" in kinds and lemma in EFFORT_NOUNS and tok.dep_ == "dobj" and not any(
            c.dep_ in ("poss", "compound") for c in tok.children):
        # "Jabhat al-Nusra began a campaign to eliminate X": the campaign is the subject's
        return entities_of(subject(tok.head), kinds, actors)
    if "org" in kinds and tok.pos_ == "NOUN" and (lemma in PROXY_NOUNS | GROUPING_NOUNS or tok.lower_ in PROXY_NOUNS):
        led = _led_by(tok, actors)  # "rebels led by HTS", "a coalition spearheaded by the Taliban"
        if led:
            return led
    if "org" in kinds and (lemma in PROXY_NOUNS or tok.lower_ in PROXY_NOUNS) and not split_off_from_name(tok):
        for c in [*tok.children, *_misattached_prep(tok)]:
            if c.dep_ in ("compound", "poss", "amod", "nmod"):
                here = mentions_at(c, actors, ("org",))
                if not here and c.dep_ == "compound":  # "KDP peshmerga fighters"
                    here = [e for g in c.children if g.dep_ == "compound" for e in mentions_at(g, actors, ("org",))]
                found.extend(here or _owed_to(c, actors))
            elif c.dep_ == "acl" and c.lemma_.lower() == "belong":
                found.extend(_owed_to(c, actors))
            elif c.dep_ == "prep" and c.lower_ in EXAMPLE_PREPS:
                for p in c.children:
                    if p.dep_ == "pobj":
                        # "including X, fighters of Y, and members of Z": the parser may hang the
                        # rest of the list on X as an apposition
                        listed = [u for a in p.children if a.dep_ == "appos" and a.tag_ == "NNS"
                                  for u in conjuncts(a)]
                        for q in conjuncts(p) + listed:
                            here = mentions_at(q, actors, ("org",))
                            if not here and depth < 2:  # "including X, members of Y and fighters of Z"
                                here = _direct(q, ("org",), actors, depth + 1)
                            found.extend(here)
            elif c.dep_ in ("relcl", "acl"):
                # "groups it accused of conspiring against it, including X": the parser hangs
                # the list on the clause's last word; after a comma it still names the groups
                for d in c.subtree:
                    if d.dep_ == "prep" and d.lower_ == "including" and d.i > 0 and d.doc[d.i - 1].text == ",":
                        found.extend(e for p in d.children if p.dep_ == "pobj"
                                     for q in conjuncts(p) for e in mentions_at(q, actors, ("org",)))
            elif c.dep_ == "prep" and c.lower_ in ORIGIN_PREPS:
                # "troops from neighbouring Chad": the parser reads the adjective as a verb
                objects = [p for p in c.children if p.dep_ == "pobj"] + [
                    o for p in c.children if p.dep_ == "pcomp" and p.tag_ == "VBG" for o in p.children
                    if o.dep_ == "dobj" and o.i == p.i + 1]
                for p in objects:
                    for q in conjuncts(p):
                        here = mentions_at(q, actors, ("org",))
                        if not here and depth < 2:  # "a number of opposition groups including X"
                            here = _direct(q, ("org",), actors, depth + 1)
                        found.extend(here)
        if found:
            return found
    if "person" in kinds and lemma in PERSON_ROLE_NOUNS:
        for c in tok.children:
            if c.dep_ == "appos":
                found.extend(mentions_at(c, actors, ("person",)))
            elif c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj":
                        found.extend(mentions_at(p, actors, ("person",)))
        if not found:
            found.extend(right_apposition(tok, actors, "person"))
    return found


LED_VERBS = words("extract.arguments:LED_VERBS")
GROUPING_NOUNS = words("extract.arguments:GROUPING_NOUNS")


def _led_by(noun, actors) -> list:
    """The groups at the head of people a noun names: "rebels led by X and Y"."""
    return [e for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in LED_VERBS
            for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
            for q in conjuncts(p) for e in mentions_at(q, actors, ("org",))]


def _owed_to(word, actors) -> list:
    """"fighters loyal to Hamas", "militants belonging to the Taliban": the group they are of."""
    if word.lemma_.lower() not in LOYALTY_WORDS:
        return []
    return [e for p in word.children if p.dep_ == "prep" and p.lower_ == "to"
            for o in p.children if o.dep_ == "pobj" for e in mentions_at(o, actors, ("org",))]


def _misattached_prep(tok) -> list:
    """'an offensive by the army and troops from Chad': the parser hangs the 'from' that
    follows a bare last conjunct on the noun the list depends on; it is the conjunct's."""
    if tok.dep_ != "conj" or tok.i + 1 >= len(tok.doc) or any(c.dep_ == "prep" for c in tok.children):
        return []
    nxt = tok.doc[tok.i + 1]
    head = nxt.head
    if nxt.dep_ == "prep" and nxt.lower_ in ORIGIN_PREPS and head.i < tok.i and head.pos_ == "NOUN":
        return [nxt]
    return []


def right_apposition(tok, actors, kind: str) -> list:
    """'al-Qaeda's chief, Ayman al-Zawahiri': the name just after the phrase (a comma
    between), read from the words because the parser often hangs it elsewhere."""
    doc = tok.doc
    i = tok.right_edge.i + 1
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i < len(doc) and sentence_of(doc[i]).start == sentence_of(tok).start:
        return mentions_at(doc[i], actors, (kind,))
    return []


def surface_list(tok, actors, kind: str = "org") -> list:
    """'the merger of the IMK, al-Nahda, and Kurdish Hamas': the tokens of names listed after a name, read
    from the words when the parser hung the list elsewhere. Only a list closed by 'and'/'or'."""
    doc = tok.doc
    found, pending, closed = [], [], False
    i = tok.i + 1
    while i < len(doc):
        t = doc[i]
        if t.text == "(":  # "Jabhatul Islamiya (Islamic Front)": a gloss inside the list
            while i < len(doc) and doc[i].text != ")" and doc[i].sent == t.sent:
                i += 1
            i += 1
            continue
        if t.is_space or t.text in (",", ";") or t.lower_ in LIST_FILLERS:
            closed = closed or t.lower_ in LIST_CLOSERS
            i += 1
            continue
        if not mentions_at(t, actors, (kind,)):
            break
        pending.append(t)
        if closed:
            found, pending = found + pending, []
        i += 1
    return found


def entities_of(tokens, kinds, actors) -> list:
    """The entities of the given kinds named by slot tokens (conjuncts included)."""
    out = []
    for tok in tokens:
        # "Ahrar al-Sham, the Islamic State, and the Kurdish Islamic Front": a list the parser
        # read as apposition; only named members count, not a description ("X, the branch of Y")
        listed = [c for c in tok.children if c.dep_ == "appos" and "org" in kinds and "place" not in kinds
                  and any(m.entity.kind == "org" and m.via in ("registry", "ner", "acronym") for m in actors.at(c.i))]
        members = conjuncts(tok) + [u for c in listed for u in conjuncts(c)]
        last = max(members, key=lambda t: t.i)
        if "org" in kinds and mentions_at(last, actors, ("org",)):
            # the rest of a list the parser broke off ("A, B, the Islamic Army in Iraq, and even AQI")
            members += [t for t in surface_list(last, actors) if t not in members]
        for t in members:
            for e in _direct(t, kinds, actors):
                if all(e.id != o.id for o in out):
                    out.append(e)
    return out


def leader_org(tok, actors):
    """For a person-role noun ('head of al Qaeda'), the organization it is of."""
    for c in tok.children:
        if c.dep_ == "poss" and c.lower_ == "whose":  # "al-Qaeda, whose late leader X"
            clause = c.head
            while clause.dep_ != "relcl" and clause.head != clause:
                clause = clause.head
            if clause.dep_ == "relcl":
                found = mentions_at(clause.head, actors, ("org",))
                if found:
                    return found[0]
        if c.dep_ in ("poss", "compound"):
            found = mentions_at(c, actors, ("org",))
            if found:
                return found[0]
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                found = mentions_at(p, actors, ("org",))
                if found:
                    return found[0]
                for pc in p.children:
                    if pc.dep_ in ("compound", "poss", "nmod"):
                        found = mentions_at(pc, actors, ("org",))
                        if found:
                            return found[0]
    return None


# kin: only a person has a daughter ("Don Fabio's daughter" names a man, whatever the tagger says)
KIN_NOUNS = words("extract.arguments:KIN_NOUNS")


def names_a_person(tok) -> bool:
    """A name in the possessive on a kin noun is a person's ("X's daughter", "X's family")."""
    return tok.dep_ == "poss" and tok.head.lemma_.lower() in KIN_NOUNS


def unnamed_splinter(tok, subjects: list, actors) -> list:
    """The groups a split noun describes, less a name that is only whose splinter it is
    (see `split_off_from_name`)."""

    if not split_off_from_name(tok):
        return subjects
    parents = {e.id for c in tok.children if c.dep_ in ("compound", "nmod") and c.i < tok.i
               for e in mentions_at(c, actors, ("org",))}
    return [e for e in subjects if e.id not in parents]


PART_WORDS = words("extract.arguments:PART_WORDS")


def split_into_parts(tok) -> bool:
    """'X split into two factions', 'broke into rival camps': X fell apart into unnamed parts."""
    return any(c.dep_ == "prep" and c.lower_ == "into" and any(
        p.dep_ == "pobj" and p.lemma_.lower() in PART_WORDS for p in c.children) for c in tok.children)


def group_named_with_country(tok, actors) -> list:
    """'the umbrella of Tehreek-e-Taliban Pakistan', 'a cell of Hezbollah Lebanon': a country's
    name that a group's name modifies ends the group's name (or names its branch there); the
    phrase is the group, not the state. [] when the word is no such country."""

    if not any(e.id.startswith("state:") for e in mentions_at(tok, actors, ("org",))):
        return []
    return [e for c in tok.children if c.dep_ in ("compound", "nmod") and c.i < tok.i
            and all(t.is_space for t in tok.doc[c.i + 1:tok.i])  # right before the country
            for e in mentions_at(c, actors, ("org",)) if not e.id.startswith("state:")]
