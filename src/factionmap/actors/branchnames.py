"""Branches named by their parent and a place: "the Islamic State's Khorasan branch", "the
Sinai province of the Islamic State", "al-Qaeda's Syria wing". Reports name a branch this
way as often as by its own name; when the registry knows a group whose name is the parent's
name with that place ("Islamic State Khorasan Province", "al-Qaeda in the Arabian
Peninsula"), the whole phrase names that group, and so does the noun that heads it, which
is what the rest of the sentence hangs on ("The Taliban and the Islamic State's Khorasan
branch clashed": the branch clashed).
"""

from __future__ import annotations

from dataclasses import replace

from ..lexicon.states import demonym_code
from ..lexicon.words import words
from ..names import normalize_name

# nouns that name a part of a group by where it fights
PART_NOUNS = words("actors.branchnames:PART_NOUNS")
_PART_STEMS = frozenset(w.rstrip("es") for w in PART_NOUNS)  # a cheap test before the lemma
_NAME_FORMS = ("{p} {n} {noun}", "{p} {n} province", "{p} {n}", "{p} in {n}", "{p} in the {n}",
               "{p} of {n}", "{n} {noun}", "{n} province", "wilayat {n}")


def _parents(tok, out) -> list:
    """The registry groups the part noun belongs to: its possessive or its "of" object."""
    owners = [c for c in tok.children if c.dep_ == "poss"]
    owners += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
               for p in c.children if p.dep_ == "pobj"]
    return [m.entity for o in owners for m in out.at(o.i)
            if m.entity.kind == "org" and not m.entity.id.startswith(("new:", "state:", "place:"))]


def _names_of(entity) -> list[str]:
    return list(dict.fromkeys([entity.name, *entity.aliases]))


def branch_actor(noun: str, place_words: str, parent, registry):
    """The registry group named `parent` + `place_words` (+ `noun`), if exactly one, whose
    names include the parent's (so "Khorasan Province" is the Islamic State's only if the
    registry says so)."""
    parent_names = {normalize_name(n) for n in _names_of(parent)}
    found = {}
    for p in _names_of(parent):
        for form in _NAME_FORMS:
            for actor in registry.lookup(form.format(p=p, n=place_words, noun=noun)):
                if actor.kind != "org" or actor.id == parent.id:
                    continue
                own = [normalize_name(a) for a in (actor.name, *actor.aliases)]
                if any(f" {pn} " in f" {a} " for a in own for pn in parent_names):
                    found[actor.id] = actor
    return next(iter(found.values())) if len(found) == 1 else None


def country_branch(code: str, parent, registry):
    """"Al-Qaeda's Yemeni branch": the one registry group of that country whose names carry
    the parent's name, if exactly one."""
    parent_names = {normalize_name(n) for n in _names_of(parent)}
    found = [a for a in registry.actors if a.kind == "org" and a.country == code and a.id != parent.id
             and any(f" {pn} " in f" {normalize_name(n)} " for n in (a.name, *a.aliases) for pn in parent_names)]
    return found[0] if len(found) == 1 else None


def resolve_branch_names(doc, out, registry, sent_of, make_mention, registry_entity) -> None:
    """Name "P's N branch" / "the N branch of P" by the registry group it is, on the place
    words and on the part noun."""
    for tok in doc:
        if tok.lower_.rstrip("es") not in _PART_STEMS or tok.lemma_.lower() not in PART_NOUNS or tok.pos_ != "NOUN":
            continue
        words = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" and c.i < tok.i]
        demonyms = [c for c in tok.children if c.dep_ == "amod" and c.i < tok.i and demonym_code(c.text)]
        if not words and len(demonyms) != 1:
            continue
        place_words = " ".join(w.text for w in words)
        for parent in _parents(tok, out):
            actor = branch_actor(tok.lemma_.lower(), place_words, parent, registry) if words else \
                country_branch(demonym_code(demonyms[0].text), parent, registry)
            if actor is None:
                continue
            entity = registry_entity(actor)
            spans = {w.i for w in words}  # "Khorasan" taken for a new group or a place: the branch's name here
            kept = [m for m in out.mentions if m.token not in spans and not (m.token == tok.i and m.entity.id == entity.id)]
            out.mentions = kept + [replace(make_mention(t, entity), via="branch-name", category=actor.category)
                                   for t in (*words, tok)]
            out.by_token = {}
            for m in out.mentions:
                out.by_token.setdefault(m.token, []).append(m)
            break
