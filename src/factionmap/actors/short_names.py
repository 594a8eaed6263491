"""Short forms of names said in full elsewhere in the document: "Omar" after "Mullah Mohammad
Omar", a bare surname the tagger took for a nationality, and "the Volunteer Force" in a
report that names the Ulster Volunteer Force.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..model import Entity


def strip_title(name: str, titles: frozenset[str]) -> str:
    words = name.replace("(", " ").replace(")", " ").split()
    while words and words[0].lower().rstrip(".") in titles:
        words = words[1:]
    return " ".join(words)


def resolve_short_names(out, people: list[Entity], rules: dict) -> None:
    """'Omar' after 'Mullah Mohammad Omar': a new person whose words are part of a full name."""
    for i, m in enumerate(out.mentions):
        # a lone surname the tagger took for a place the gazetteer does not know ("to Mansour")
        unknown_place = (m.entity.kind == "place" and m.via == "ner" and m.entity.country is None
                         and " " not in m.entity.name)
        if not m.entity.id.startswith("new:") and not unknown_place:
            continue
        if m.entity.kind == "org" and (" " in m.entity.name or m.via != "ner"):
            continue  # the tagger sometimes calls a lone surname an organization ("Nurzai")
        words = {w.lower() for w in strip_title(m.entity.name, rules["titles"]).split()}
        if not words:
            continue
        best = None
        for full in people:
            if full.id == m.entity.id:
                continue
            names = [full.name, *full.aliases]
            if any(words <= {w.lower() for w in strip_title(n, rules["titles"]).split()} for n in names):
                best = full
                break
        if best is not None:
            entity = replace(best, aliases=tuple(dict.fromkeys([*best.aliases, m.text])))
            out.mentions[i] = replace(m, entity=entity, via="short", is_actor=True)
    out.by_token = {}
    for m in out.mentions:
        out.by_token.setdefault(m.token, []).append(m)


def bare_surnames(doc, out, people: list[Entity], make_mention) -> None:
    """'Akhundzada had been one of Mansour's deputies': a surname of someone named in full
    earlier, which the tagger took for a nationality (or nothing), is that person."""
    first_seen = {}
    for m in out.mentions:
        if m.entity.kind == "person":
            first_seen.setdefault(m.entity.id, m.token)
    for tok in doc:
        if out.at(tok.i) or tok.ent_type_ not in ("NORP", "") or tok.pos_ != "PROPN" or len(tok.text) < 4:
            continue
        owners = [p for p in people if first_seen.get(p.id, len(doc)) < tok.i
                  and p.name.split()[-1].lower() == tok.lower_]
        if len(owners) == 1:
            out.add(make_mention(tok, owners[0]))


@lru_cache(maxsize=8192)
def _tails(entity) -> tuple[tuple[str, ...], ...]:
    """The proper tails of two words or more of every name of the entity."""
    out = []
    for name in (entity.name, *entity.aliases):
        words = tuple(w.lower() for w in name.split())
        out += [words[k:] for k in range(1, len(words) - 1)]
    return tuple(dict.fromkeys(out))


def short_org_names(out, text: str, registry, registry_entity) -> None:
    """'Tara and the Volunteer Force worked together ... Samuel McClelland (UVF)': a group name
    the registry lacks whose words (two or more) end the name of exactly one group the same
    document names (in full, or by a registry acronym in brackets) is that group, said short."""
    shorts = [m for m in out.mentions if m.entity.kind == "org" and m.entity.id.startswith("new:")
              and len(m.entity.name.split()) >= 2]
    if not shorts:
        return
    named = {m.entity.id: m.entity for m in out.mentions
             if m.entity.kind == "org" and not m.entity.id.startswith(("new:", "state:"))}
    for acronym in re.findall(r"\(\s*([A-Z][A-Za-z]{1,7})\s*\)", text):
        found = [a for a in registry.lookup(acronym) if a.kind == "org"]
        if len(found) == 1:
            named.setdefault(found[0].id, registry_entity(found[0]))
    full = {}
    for entity in named.values():
        for tail in _tails(entity):
            full.setdefault(tail, {})[entity.id] = entity
    if not full:
        return
    for i, m in enumerate(out.mentions):
        if m.entity.kind != "org" or not m.entity.id.startswith("new:"):
            continue
        words = tuple(w.lower() for w in m.entity.name.split())
        found = full.get(words, {}) if len(words) >= 2 else {}
        if len(found) == 1:
            out.mentions[i] = replace(m, entity=next(iter(found.values())), via="short")
    out.by_token = {}
    for m in out.mentions:
        out.by_token.setdefault(m.token, []).append(m)
