"""Claims said by noun phrases: roles ("its leader X", "X, a Taliban commander"),
successors ("Omar's replacement, Mansour") and relation nouns ("X, the Pakistani
branch of the Taliban", "al Qaeda's al-Sahab media wing", "X, an ally of Y").
"""

from __future__ import annotations

from ..language.nlp import sentence_of
from ..language.slots import subject
from ..language.syntax import conjuncts
from ..lexicon.words import words
from .arguments import (
    entities_of, group_named_with_country, leader_org, mentions_at, named_as, right_apposition, unnamed_splinter,
)
from .drafts import Draft

# verbs that give the role noun after them to their subject: "X became its leader", "X was named deputy"
ROLE_VERBS = words("extract.nominal:ROLE_VERBS")
# prepositions of one among several: "one of Mansour's two deputies"
PARTITIVE_PREPS = words("extract.nominal:PARTITIVE_PREPS")
# words counting some of the holders of a role: "one of his deputies", "several of its commanders"
PARTITIVE_COUNTS = words("extract.nominal:PARTITIVE_COUNTS")
# role nouns that describe the person chosen: "named the cleric X as its new leader"
CHOSEN_ROLE_NOUNS = words("extract.nominal:CHOSEN_ROLE_NOUNS")
# words of a role's title before its noun: "supreme leader", "deputy commander", "the late chief"
ROLE_TITLE_MODIFIERS = words("extract.nominal:ROLE_TITLE_MODIFIERS")
# prepositions placing someone inside a group: "an officer in the Free Syrian Army"
WITHIN_PREPS = words("extract.nominal:WITHIN_PREPS")
# the indefinite article: "a Taliban leader" is one of several
INDEFINITE_ARTICLES = words("extract.nominal:INDEFINITE_ARTICLES")
# modifiers of the one at the very top: "the top commander", "its overall chief"
TOP_MODIFIERS = words("extract.nominal:TOP_MODIFIERS")
# nouns of a group's head: "a Taliban leader", "the head of al Qaeda"
HEAD_NOUNS = words("extract.nominal:HEAD_NOUNS")
# modifiers of a leader who has just taken over: "the new head of the Taliban, X"
NEW_MODIFIERS = words("extract.nominal:NEW_MODIFIERS")
# modifiers of one who held the role before: "the former leader", "the slain commander"
FORMER_MODIFIERS = words("extract.nominal:FORMER_MODIFIERS")
# titles of a group's leader, read as leadership when said of a former one: "its late emir X"
LEADER_TITLES = words("extract.nominal:LEADER_TITLES")
# prepositions before the unit a commander heads: "commander of the 1st Brigade", "commander for the region"
UNIT_PREPS = words("extract.nominal:UNIT_PREPS")
# the copula and its kin: "X is a branch of Y", "X remains an affiliate of Y"
COPULAS = words("extract.nominal:COPULAS")
# prepositions that say what a group is taken for: "regards it as an affiliate", "falls under the umbrella of Y"
DESCRIBING_PREPS = words("extract.nominal:DESCRIBING_PREPS")
# prepositions before the other group of a relation noun: "a branch of Y", "an ally to Y", "a splinter from Y"
OTHER_GROUP_PREPS = words("extract.nominal:OTHER_GROUP_PREPS")
# a group's people, whose group a front is for: "a cover name for members of the UDA"
MEMBER_NOUNS = words("extract.nominal:MEMBER_NOUNS")
# modifiers of a name that stands for another group: "a cover name for Y", "a front name"
COVER_MODIFIERS = words("extract.nominal:COVER_MODIFIERS")
# nouns of a group as such: "an EPRLF splinter group", "a breakaway faction"
GROUP_NOUNS = words("extract.nominal:GROUP_NOUNS")
# nouns of a cause fought under: "under the banner of Y", "under their own flags"
BANNER_NOUNS = words("extract.nominal:BANNER_NOUNS")
# nouns of a place a group holds: "the rebel-held town of Douma"
TOWN_NOUNS = words("extract.nominal:TOWN_NOUNS")


def left_apposition(tok, actors, kind: str) -> list:
    """'X, the Pakistani branch of Y': the name before the comma that opens the phrase.

    Read from the words, not the parse, because the small model often parses
    such appositions as coordinations.
    """
    i = tok.i - 1
    while i >= sentence_of(tok).start and tok.doc[i].dep_ in ("det", "amod", "compound", "nmod", "nummod", "advmod") \
            and tok.doc[i].head.i in range(tok.doc[i].i, tok.i + 1) and not actors.at(i):
        i -= 1
    if i - 1 >= sentence_of(tok).start and tok.doc[i].text == ",":
        return mentions_at(tok.doc[i - 1], actors, (kind,))
    return []


def _persons_for_role(tok, actors) -> list:
    """The person a role noun is said of."""
    found = left_apposition(tok, actors, "person")
    for c in tok.children:
        if c.dep_ == "appos":
            found += mentions_at(c, actors, ("person",))
            if tok.tag_ in ("NNS", "NNPS"):  # "two deputies: X, who ..., and the cleric Y": each of the list
                found += _listed_persons(c, actors)[1:]
    if not found and tok.tag_ in ("NNS", "NNPS"):
        found += _after_colon(tok, actors)
    if tok.dep_ in ("appos", "compound", "nmod") and tok.head != tok:
        found += mentions_at(tok.head, actors, ("person",))
    # a plural role is said of every person of a list: "X and Y will serve as his deputies"
    several = (lambda t: conjuncts(t)) if tok.tag_ in ("NNS", "NNPS") else (lambda t: [t])
    if tok.dep_ in ("attr", "oprd") and tok.head.lemma_ in ROLE_VERBS:
        for c in tok.head.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                found += [e for t in several(c) for e in mentions_at(t, actors, ("person",))]
    if tok.dep_ == "pobj" and tok.head.lower_ in PARTITIVE_PREPS and tok.head.head.dep_ in ("attr", "oprd") \
            and tok.head.head.lower_ in PARTITIVE_COUNTS:
        # "X had been one of Mansour's two deputies": the copula's subject
        found += [e for c in tok.head.head.head.children if c.dep_ in ("nsubj", "nsubjpass")
                  for e in mentions_at(c, actors, ("person",))]
    if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head != tok.head:
        verb = tok.head.head
        objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]  # "chose X as its new
        # leader", "X was presented as its new governor"
        for s in objs or subject(verb):
            found += [e for t in several(s) for e in mentions_at(t, actors, ("person",))]
            if not mentions_at(s, actors, ("person",)):
                found += [e for e in _persons_for_role(s, actors)] if s.lemma_.lower() in CHOSEN_ROLE_NOUNS else []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    found += mentions_at(p, actors, ("person",))
    if not found and tok.dep_ == "conj" and tok.head != tok:
        return _persons_for_role(tok.head, actors)  # "their founder and supreme leader, X"
    if not found:
        # "the head of al Qaeda Ayman al-Zawahiri": the name right after the phrase
        found += right_apposition(tok, actors, "person")
    if not found:
        found += _chosen_as(tok, actors)
    out = []
    for e in found:
        if all(e.id != o.id for o in out):
            out.append(e)
    return out


def _listed_persons(first, actors) -> list:
    """The persons of a list from its first item: 'X, who ..., and the cleric Y'."""
    return [e for t in conjuncts(first) for u in [t, *(a for a in t.children if a.dep_ == "appos")]
            for e in mentions_at(u, actors, ("person",))]


def _after_colon(tok, actors) -> list:
    """'appointed two deputies in 2015: X and Y': the list after a colon that closes the
    role's clause (only a date or place between), read from the words."""
    doc, end = tok.doc, sentence_of(tok).end
    i = tok.i + 1
    while i < end and doc[i].text != ":":
        if doc[i].pos_ in ("VERB", "AUX") or doc[i].text in (";", "."):
            return []
        i += 1
    if i + 1 >= end or not mentions_at(doc[i + 1], actors, ("person",)):
        return []
    return _listed_persons(doc[i + 1], actors)


_CHOOSING = words("extract.nominal:_CHOOSING")


def _chosen_as(tok, actors) -> list:
    """'Al-Qaeda has chosen X, the ..., as its new leader': read from the words when the
    parser hangs 'as ...' elsewhere: the object of the choosing verb before 'as'."""
    doc = tok.doc
    i = tok.i - 1
    while i > 0 and doc[i].dep_ in ("poss", "amod", "det", "compound") and doc[i].i < tok.i:
        i -= 1
    if doc[i].lower_ != "as":
        return []
    sent = sentence_of(tok)
    for verb in sent:
        if verb.i < i and verb.lemma_.lower() in _CHOOSING:
            objs = [c for c in verb.children if c.dep_ == "dobj"]
            return [e for o in objs for e in mentions_at(o, actors, ("person",))]
    return []


def _role_text(tok) -> str:
    mods = [c.text.lower() for c in tok.children
            if c.dep_ in ("amod", "compound") and c.lower_ in ROLE_TITLE_MODIFIERS
            or c.dep_ in ("compound", "nmod", "amod") and c.lower_ in BRANCH_WORDS and c.lower_ != "military"]
    return " ".join([*mods, tok.lemma_.lower() if tok.tag_ in ("NNS", "NNPS") else tok.lower_])


BRANCH_WORDS = words("extract.nominal:BRANCH_WORDS")


def role_claims(tok, actors, nominal: dict) -> list[Draft]:
    """LEADERSHIP / MEMBERSHIP from a role noun, SUCCESSION from 'successor'/'replacement'."""
    lemma = tok.lemma_.lower()
    plural = tok.tag_ in ("NNS", "NNPS")
    if plural and (lemma in nominal["succession"] or lemma in nominal["predecessor"]):
        return []
    drafts: list[Draft] = []
    if lemma in nominal["succession"] or lemma in nominal["predecessor"]:
        owners = [e for c in tok.children if c.dep_ == "poss" for e in mentions_at(c, actors, ("person",))]
        named = [e for e in _persons_for_role(tok, actors) if all(e.id != p.id for p in owners)]
        org = leader_org(tok, actors)
        for other in named:
            if lemma in nominal["predecessor"]:  # "Y's predecessor, X"
                if not owners:
                    continue
                args = {"leader": owners[0], "predecessor": other, "org": org}
            else:  # "X's successor, Y"
                args = {"leader": other, "predecessor": owners[0] if owners else None, "org": org}
            drafts.append(Draft("SUCCESSION", args, tok, "nominal.successor", 0.75))
        return drafts
    leading = lemma in nominal["leadership"]
    member = lemma in nominal["membership"]
    if not (leading or member):
        return []
    if plural:  # "X and Y, senior leaders of Z": people of the group, not its head
        leading, member = False, True
    org = leader_org(tok, actors)
    if org is None and tok.dep_ == "conj" and tok.head != tok:
        org = leader_org(tok.head, actors)
    if org is None and tok.dep_ == "compound":
        for c in tok.head.children:
            if c.dep_ in ("compound", "poss", "nmod") and c.i != tok.i:
                found = mentions_at(c, actors, ("org",))
                if found:
                    org = found[0]
    if org is None and tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.lemma_.lower() in _CHOOSING:
        # "its leadership council chose X as the new emir": the choosers' group
        chooser = entities_of(subject(tok.head.head), ("org",), actors)
        org = chooser[0] if chooser else None
    if org is None and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _CHOOSING:
        # "the council appointed two deputies: X and Y": deputies of the choosers' group
        chooser = entities_of(subject(tok.head), ("org",), actors)
        org = chooser[0] if chooser else None
    within = False
    if org is None:  # "X, an officer in the Free Syrian Army": one of its people, whatever the rank
        org = next((e for p in tok.children if p.dep_ == "prep" and p.lower_ in WITHIN_PREPS
                    for o in p.children if o.dep_ == "pobj" for e in mentions_at(o, actors, ("org",))), None)
        within = org is not None
    titled = lemma == "commander" and not within and _commands(tok, actors, nominal)
    if org is None and titled:
        org = titled
    of_person = None
    if org is None:
        # "Osama bin Laden's deputy": the group is the one that person leads, if the text says
        bosses = [e for c in tok.children if c.dep_ == "poss" for e in mentions_at(c, actors, ("person",))]
        if not bosses:
            return []
        of_person = bosses[0]
    indefinite = any(c.dep_ == "det" and c.lower_ in INDEFINITE_ARTICLES for c in tok.children)
    top = any(c.lower_ in TOP_MODIFIERS for c in tok.children)
    if lemma == "commander" and (indefinite or not top) and not titled:
        leading, member = False, True
    if lemma in HEAD_NOUNS and indefinite:
        leading, member = False, True  # "a Taliban leader" is one of several
    # "a former army chief of the Taliban government", "al-Shabaab's intelligence chief": the head
    # of one branch of the group is one of its people, not its leader ("political chief" often is)
    branch_head = any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in BRANCH_WORDS for c in tok.children)
    if within or branch_head:
        leading, member = False, True
    # "its deputy leader", "the vice emir", "assistant chief": second to the leader, one of its people
    if any(c.dep_ in ("amod", "compound", "nmod") and c.lower_ in nominal["sub_leader_modifiers"] for c in tok.children):
        leading, member = False, True
    new = any(c.lower_ in NEW_MODIFIERS for c in tok.children) and not indefinite
    former = any(c.lower_ in FORMER_MODIFIERS for c in tok.children) and not branch_head
    for person in _persons_for_role(tok, actors):
        if leading and new:  # "the new head of the Taliban, X": X took over
            drafts.append(Draft("SUCCESSION", {"leader": person, "org": org, "predecessor": None},
                                tok, "nominal.new_leader", 0.7))
        if of_person is not None:
            if of_person.id != person.id and not leading:
                drafts.append(Draft("MEMBERSHIP", {"person": person, "org": None, "role": _role_text(tok),
                                                   "_of_person": of_person}, tok, "nominal.member", 0.7))
            continue
        if leading or (former and lemma in LEADER_TITLES):
            drafts.append(Draft("LEADERSHIP", {"leader": person, "org": org, "role": _role_text(tok)},
                                tok, "nominal.role", 0.8))
        else:
            drafts.append(Draft("MEMBERSHIP", {"person": person, "org": org, "role": _role_text(tok)},
                                tok, "nominal.member", 0.7))
    return drafts


def _commands(tok, actors, nominal: dict):
    """'X, commander, U.S. Central Command' (a bare title before the unit), 'X, U.S. Central Command
    commander' (a unit's name before it: a unit has one commander) and 'X, (the) commander
    of the 1st Brigade' (the unit itself after "of"): the one at the head of that unit, unlike
    "a Taliban commander", "the military commander of X" or "the commander of X forces in Y".
    The unit, or None."""
    kids = [c for c in tok.children if c.dep_ not in ("punct", "prep", "appos")]
    if len(kids) == 1 and kids[0].dep_ in ("compound", "nmod"):
        # "X, U.S. Central Command commander", "the 2nd Brigade commander": a unit has one commander
        units = [e for e in mentions_at(kids[0], actors, ("org",))
                 if e.name.lower().split()[-1:] and e.name.lower().split()[-1] in nominal.get("unit_heads", ())]
        if units:
            return units[0]
    if not kids:
        after = [c for c in tok.children if c.dep_ == "appos" and c.i > tok.i]
        if tok.dep_ == "appos":  # the unit may hang on the person too: "X, commander, Y recently met"
            after += [c for c in tok.head.children if c.dep_ == "appos" and c.i == tok.i + 2
                      and tok.doc[tok.i + 1].text == ","]
        units = [e for c in after for e in mentions_at(c, actors, ("org",))]
        if units:
            return units[0]
    if [c.lower_ for c in kids] == ["the"] or not kids and tok.dep_ == "appos":
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ in UNIT_PREPS:
                units = [e for o in p.children if o.dep_ == "pobj" for e in mentions_at(o, actors, ("org",))]
                if units:
                    return units[0]
    return None


def _described_orgs(tok, actors) -> list:
    """The organization a relation noun describes: 'X, the branch of Y' / 'Y's X wing' / 'X is a branch'."""
    found = [m.entity for m in actors.at(tok.i) if m.entity.kind == "org" and m.via in ("descriptor", "branch-name")]
    if found:  # "the al-Qaeda affiliate", pointing back to the group it is; "al-Qaeda's Yemeni branch"
        return found
    if tok.dep_ == "appos" and tok.head != tok and not _list_item(tok):
        # "X and Y, members of the Front": a plural describes every group of the list
        for t in conjuncts(tok.head) if tok.tag_ in ("NNS", "NNPS") else [tok.head]:
            found += mentions_at(t, actors, ("org",))
    for c in tok.children:
        if c.dep_ == "appos":
            found += mentions_at(c, actors, ("org",))
    if tok.dep_ in ("oprd", "attr", "xcomp") and tok.head != tok and any(c.dep_ == "nsubjpass" for c in tok.head.children):
        for c in tok.head.children:  # "JeM is considered a rival of LeT"
            if c.dep_ == "nsubjpass":
                found += mentions_at(c, actors, ("org",))
    if tok.dep_ in ("attr",) and tok.head.lemma_ in COPULAS:
        for c in tok.head.children:
            if c.dep_ == "nsubj":
                for t in conjuncts(c):
                    found += mentions_at(t, actors, ("org",))
    if tok.dep_ == "pobj" and tok.head.lower_ in DESCRIBING_PREPS and tok.head.head != tok.head:
        verb = tok.head.head
        objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]  # "the US regards it as an
        # affiliate", "X was established as a splinter group of Y"
        for s in objs or subject(verb):  # "X emerged as an offshoot of Y", "X falls under the umbrella of Y"
            found += mentions_at(s, actors, ("org",))
        if objs and not found and tok.head.lower_ == "under" and not any(o.pos_ == "PRON" for o in objs):
            # "Under the banner of Y, X attacked the town": the doer, not the town (but "regards
            # it as an affiliate" is said of "it", found or not)
            for s in subject(verb):
                found += mentions_at(s, actors, ("org",))
    if not found:
        found += named_as(tok, actors)  # "a breakaway faction calling itself X"
    if not found:
        for c in tok.children:
            if c.dep_ in ("compound", "nmod") and c.i < tok.i:
                found += mentions_at(c, actors, ("org",))
    if not found and tok.dep_ in ("compound", "nmod") and tok.head != tok:
        found += mentions_at(tok.head, actors, ("org",))  # "al-Qaeda's media wing al-Sahab"
    if not found and tok.i + 1 < len(tok.doc):
        found += mentions_at(tok.doc[tok.i + 1], actors, ("org",))  # the same, parsed apart
    if not found and not _list_item(tok):
        found = left_apposition(tok, actors, "org")
    return found


def _list_item(tok) -> bool:
    """'including al-Nusra, members of the Islamic Front, and members of the FSA': a bare plural
    set beside one group is the next item of a list, not a description of that group (which a
    plural describes only when the groups are several: 'X and Y, members of the Front')."""
    plural_bare = tok.tag_ in ("NNS", "NNPS") and not any(c.dep_ in ("det", "poss") for c in tok.children)
    if not plural_bare:
        return False
    if tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children):
        return True  # "al-Nusra, members of the Islamic Front, and members of the FSA"
    return tok.dep_ == "appos" and not any(c.dep_ == "conj" for c in tok.head.children)


FRONT_NOUNS = words("extract.nominal:FRONT_NOUNS")  # what one group is for another: "a front for X"


def _other_orgs(tok, actors, exclude) -> list:
    found = []
    for c in tok.children:
        if c.dep_ == "poss":
            found += mentions_at(c, actors, ("org",))
        elif c.dep_ == "prep" and (c.lower_ in OTHER_GROUP_PREPS or (
                c.lower_ == "for" and tok.lemma_.lower() in FRONT_NOUNS)):  # "a front for X"
            for p in c.children:
                if p.dep_ == "pobj":
                    here = group_named_with_country(p, actors) or mentions_at(p, actors, ("org",))
                    if not here:  # "the Yemeni branch of the al-Qaeda franchise"
                        for q in p.children:
                            if q.dep_ in ("compound", "poss", "nmod"):
                                here += mentions_at(q, actors, ("org",))
                    if not here and c.lower_ == "for" and p.lemma_.lower() in MEMBER_NOUNS:
                        # "a cover name for members of the UDA": the group they are members of
                        here = [e for q in p.children if q.dep_ == "prep" and q.lower_ == "of"
                                for r in q.children if r.dep_ == "pobj" for e in mentions_at(r, actors, ("org",))]
                    found += here
    if not found:
        for c in tok.children:
            if c.dep_ in ("compound", "nmod", "amod"):
                found += mentions_at(c, actors, ("org",))
    return [e for e in found if all(e.id != x.id for x in exclude)]


def relation_noun_claims(tok, actors, nominal: dict) -> list[Draft]:
    """Relations stated by a noun describing one group in terms of another."""
    lemma = tok.lemma_.lower()
    table = nominal["relation_nouns"]
    ctype = table.get(lemma)
    if lemma == "name" and any(c.lower_ in COVER_MODIFIERS for c in tok.children if c.dep_ in ("amod", "compound")):
        ctype = "BRANCH"  # "X was a cover name for members of Y": Y's front
    if lemma in GROUP_NOUNS and any(
        c.lower_ in nominal["split_modifiers"] for c in tok.children
    ):
        ctype = "SPLIT"
    if ctype is None or (lemma in BANNER_NOUNS and any(c.lower_ == "own" for c in tok.children)):
        return []  # "under their own banners": nobody else's
    subjects = _described_orgs(tok, actors)
    if ctype == "SPLIT":
        subjects = unnamed_splinter(tok, subjects, actors)  # "an EPRLF splinter group": not the EPRLF
    others = _other_orgs(tok, actors, subjects)
    if ctype == "SPLIT" and subjects and not others and lemma in GROUP_NOUNS:
        # "X divided the movement, and a breakaway faction calling itself Y ...": the group
        # the sentence spoke of before the faction
        others = [m.entity for t in sentence_of(tok) if t.i < tok.i for m in actors.at(t.i)
                  if m.entity.kind == "org" and m.is_actor and m.category not in ("state", "government")
                  and all(m.entity.id != x.id for x in subjects)][-1:]
    drafts = []
    if not others and len(subjects) >= 2 and ctype in ("ALLIANCE", "RIVALRY", "AFFILIATION") \
            and tok.tag_ in ("NNS", "NNPS") and not any(c.dep_ == "poss" for c in tok.children):
        # "X and Y have been bitter rivals", "X and Y are affiliates"; but not "X and Y
        # united under the same banner", nor "X and Y fight under their own banners" (a
        # possessive makes the plural theirs, not the two groups themselves)
        names = ("member", "patron") if ctype == "AFFILIATION" else ("a", "b")
        for i in range(len(subjects)):
            for j in range(i + 1, len(subjects)):
                drafts.append(Draft(ctype, {names[0]: subjects[i], names[1]: subjects[j]}, tok,
                                    f"nominal.{lemma}", 0.7))
        return drafts
    for x in subjects:
        for y in others:
            if x.id == y.id:
                continue
            args = {
                "BRANCH": {"branch": x, "parent": y},
                "AFFILIATION": {"member": x, "patron": y},
                "SPLIT": {"splinter": x, "parent": y},
                "ALLIANCE": {"a": x, "b": y},
                "RIVALRY": {"a": x, "b": y},
                "SPONSORSHIP": {"sponsor": y, "client": x},
                "SPONSORED": {"sponsor": x, "client": y},
            }[ctype]
            drafts.append(Draft("SPONSORSHIP" if ctype == "SPONSORED" else ctype, args, tok,
                                f"nominal.{lemma}", 0.75))
    return drafts


def hyphen_claims(tok, actors, nominal: dict) -> list[Draft]:
    """'the Iran-backed militia Hezbollah', 'an al-Qaeda-linked group': X-backed Y; 'ISIS-held
    Raqqa': X holds Y."""
    ctype = nominal.get("hyphen_relations", {}).get(tok.lower_)
    doc = tok.doc
    if ctype is None or tok.i < 2 or doc[tok.i - 1].text not in ("-", "–"):
        return []
    noun = tok.head if tok.head.i > tok.i else None
    if ctype == "PRESENCE" and noun is not None:  # "its Yemen-based affiliate", "the Somalia-based group"
        places = [e for e in mentions_at(doc[tok.i - 2], actors, ("place",)) if e.id.startswith("place:")]
        groups = mentions_at(noun, actors, ("org",)) or _described_orgs(noun, actors)
        return [Draft("PRESENCE", {"org": x, "place": y}, tok, "nominal.based", 0.7)
                for x in groups[:2] for y in places[:1]]
    sources = mentions_at(doc[tok.i - 2], actors, ("org",))
    if not sources or noun is None:
        return []
    if ctype == "CONTROL":  # "ISIS-held Raqqa", "the rebel-held town of Douma": the place itself
        places = mentions_at(noun, actors, ("place",))
        if not places and noun.lemma_.lower() in TOWN_NOUNS:
            places = [e for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                      for o in p.children if o.dep_ == "pobj" for e in mentions_at(o, actors, ("place",))]
        return [Draft("CONTROL", {"org": x, "place": y}, tok, f"nominal.{tok.lower_}", 0.7)
                for x in sources for y in places[:1]]
    described = mentions_at(noun, actors, ("org",)) or _described_orgs(noun, actors)
    drafts = []
    for x in sources:
        for y in described:
            if x.id == y.id:
                continue
            args = {"SPONSORED": {"sponsor": x, "client": y}, "ALLIANCE": {"a": x, "b": y},
                    "AFFILIATION": {"member": y, "patron": x}}[ctype]
            drafts.append(Draft("SPONSORSHIP" if ctype == "SPONSORED" else ctype, args, tok,
                                f"nominal.{tok.lower_}", 0.7))
    return drafts
