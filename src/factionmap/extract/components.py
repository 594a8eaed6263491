"""The rule components `extract_claims` runs, registered in order, each with a versioned
name and the data it reads (its lexicon sections, its part of `data/rules.json`).

A component reads at one of four scopes:

- `token`: every token of a sentence (`nouns` only: nouns and proper nouns), giving drafts;
- `sentence`: a whole sentence, for word-order readings where the parse is often wrong;
- `fallback`: a sentence and the pairs of groups the document's claims already relate,
  for the low-confidence guess about pairs nothing else relates;
- `document`: the document's claims, rewritten as a whole (parts listed in the next
  sentence, one incident one claim, one fact one claim, relations a dated event ended).

Drafts become claims in the order the components are listed; a document component sees
what every component above it made. Bump a component's version when its output for the
same text changes: `components_version()` goes into the rules version a store records
with each document.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Callable

from ..lexicon.words import keys_of, words
from .endings import close_ended
from .frame_rules import frame_drafts
from .fusion_doc import infer_and_merge
from .hostility import held_ground_drafts, judged_enemy_drafts, retaliation_drafts
from .incidents import one_claim_per_incident
from .located import held_place_drafts, located_drafts
from .nominal import hyphen_claims, relation_noun_claims, role_claims
from .passages import parts_listed_next, splinters_of_fragmented
from .proximity import proximity_drafts
from .relnouns import fragment_relation_drafts
from .splitmerge import split_by_founding
from .surface import surface_drafts
from .units import unit_chain_drafts

SCOPES = words("extract.components:SCOPES")


@dataclass(frozen=True)
class Component:
    name: str  # "<rule family>.<what it reads>"
    version: str
    scope: str
    run: Callable
    lexicon: tuple[str, ...] = ()  # the lexicon sections it reads (data/lexicon.json)
    rules: tuple[str, ...] = ()  # the parts of data/rules.json it reads

    def lexicon_keys(self) -> tuple[str, ...]:
        """Every lexicon entry the component reads, by key ("section:NAME")."""
        return tuple(k for section in self.lexicon for k in keys_of(section))


# the helpers every rule reads (argument resolution, the parse slots, mentions)
_SHARED = words("extract.components:_SHARED")
_NOMINAL = ("extract.nominal", *_SHARED)


def _with_nominal(rule):
    return lambda tok, actors, rules: rule(tok, actors, rules["nominal"])


def _plain(rule):
    return lambda tok, actors, rules: rule(tok, actors)


COMPONENTS: tuple[Component, ...] = (
    Component("frames", "v1", "token", _plain(frame_drafts),
              ("extract.frame_rules", "extract.hostility", "extract.attacks", "extract.relnouns",
               "extract.splitmerge", *_SHARED), ("frames", "frames_blocked_by")),
    Component("nominal.roles", "v1", "nouns", _with_nominal(role_claims), _NOMINAL, ("nominal",)),
    Component("nominal.relation_nouns", "v1", "nouns", _with_nominal(relation_noun_claims), _NOMINAL, ("nominal",)),
    Component("relnouns.fragments", "v1", "nouns", _with_nominal(fragment_relation_drafts),
              ("extract.relnouns", *_SHARED), ("nominal",)),
    Component("located.places", "v1", "nouns", _with_nominal(located_drafts), ("extract.located", *_SHARED),
              ("nominal",)),
    Component("located.held", "v1", "nouns", _plain(held_place_drafts), ("extract.located", *_SHARED)),
    Component("units.chains", "v1", "nouns", _with_nominal(unit_chain_drafts), _SHARED,
              ("nominal",)),
    Component("hostility.retaliation", "v1", "nouns", _plain(retaliation_drafts),
              ("extract.hostility", "language.agency", *_SHARED)),
    Component("hostility.held_ground", "v1", "token", _plain(held_ground_drafts), ("extract.hostility", *_SHARED)),
    Component("hostility.judged_enemy", "v1", "token", _plain(judged_enemy_drafts), ("extract.hostility", *_SHARED)),
    Component("nominal.hyphens", "v1", "token", _with_nominal(hyphen_claims), _NOMINAL, ("nominal",)),
    Component("splitmerge.founding", "v1", "token", _plain(split_by_founding), ("extract.splitmerge", *_SHARED)),
    Component("surface", "v1", "sentence", surface_drafts, ("extract.surface", *_SHARED), ("surface",)),
    Component("proximity", "v1", "fallback", proximity_drafts, ("language.slots",)),
    Component("passages.parts_listed_next", "v1", "document",
              lambda claims, doc, actors, document: parts_listed_next(doc, actors, claims, document),
              ("extract.passages", *_SHARED)),
    Component("passages.fragmented", "v1", "document",
              lambda claims, doc, actors, document: splinters_of_fragmented(doc, actors, claims),
              ("extract.passages", *_SHARED)),
    Component("incidents.one_per_incident", "v1", "document",
              lambda claims, doc, actors, document: one_claim_per_incident(claims, doc, actors, document.published),
              ("extract.incidents", "extract.attacks", "extract.attack_kinds", "extract.claimants")),
    Component("fusion_doc.one_claim_per_fact", "v1", "document",
              lambda claims, doc, actors, document: infer_and_merge(claims), ("extract.fusion_doc",)),
    Component("endings.closed_by_events", "v1", "document",
              lambda claims, doc, actors, document: close_ended(claims)),
)


def components_version() -> str:
    """One short name for the registered components and their versions, in order."""
    listed = ",".join(f"{c.name}@{c.version}" for c in COMPONENTS)
    return f"{len(COMPONENTS)}.{hashlib.sha256(listed.encode()).hexdigest()[:10]}"


def of_scope(*scopes: str) -> tuple[Component, ...]:
    """The registered components of these scopes, in the registry's order."""
    return tuple(c for c in COMPONENTS if c.scope in scopes)
