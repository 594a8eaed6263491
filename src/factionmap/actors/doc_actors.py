"""The mentions of one document: what the actors stage hands on to the claims stage."""

from __future__ import annotations

from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..model import Entity


@dataclass(frozen=True)
class Mention:
    """A span of a document that refers to an actor or a place.

    `token` is the index of the (merged) token in the parsed document;
    descriptors and pronouns resolve to the entity they point back to.
    """

    token: int
    start_char: int
    end_char: int
    sentence: int
    text: str
    entity: Entity
    via: str  # registry | ner | acronym | initials | alias | short | descriptor | pronoun
    is_actor: bool = True  # False for orgs that only report (news outlets, institutes)
    category: str | None = None  # registry category, "state", or None for groups found in text


@dataclass
class DocActors:
    """The mentions of one document, by token."""

    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[int, list[Mention]] = field(default_factory=dict)

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self.by_token.setdefault(mention.token, []).append(mention)
        if getattr(self, "_by_sentence", None) is not None:
            self._by_sentence.setdefault(mention.sentence, []).append(mention)
            self._added.append(mention)

    def at(self, token_index: int) -> list[Mention]:
        return self.by_token.get(token_index, [])

    @contextmanager
    def indexed(self):
        """Keep the mentions indexed by sentence while only `add` changes them (coreference
        looks a few sentences back once a token: without the index, at every mention)."""
        self._by_sentence: dict[int, list[Mention]] | None = {}
        for m in self.mentions:
            self._by_sentence.setdefault(m.sentence, []).append(m)
        self._order = sorted(self.mentions, key=lambda m: m.token)
        self._counted, self._counts, self._added, self._last_before = 0, Counter(), [], 0
        try:
            yield self
        finally:
            self._by_sentence = None

    def recent(self, before: int, first_sentence: int, last_sentence: int) -> list[Mention]:
        """The mentions before token `before` in sentences first..last, in the text's order
        (a mention found later, through a pronoun, takes its token's place)."""
        index = getattr(self, "_by_sentence", None)
        if index is None:
            found = [m for m in self.mentions if m.token < before and first_sentence <= m.sentence <= last_sentence]
        else:
            found = [m for s in range(max(first_sentence, 0), last_sentence + 1) for m in index.get(s, ())
                     if m.token < before]
        return sorted(found, key=lambda m: m.token)

    def counts_before(self, before: int) -> Counter:
        """How often each entity is mentioned before token `before` (read with growing
        `before` while indexed: each mention is counted once)."""
        if getattr(self, "_by_sentence", None) is None or before < getattr(self, "_last_before", 0):
            return Counter(m.entity.id for m in self.mentions if m.token < before)
        self._last_before = before
        while self._counted < len(self._order) and self._order[self._counted].token < before:
            self._counts[self._order[self._counted].entity.id] += 1
            self._counted += 1
        still = []
        for m in self._added:
            if m.token < before:
                self._counts[m.entity.id] += 1
            else:
                still.append(m)
        self._added = still
        return self._counts

    def entities(self) -> list[Entity]:
        seen: dict[str, Entity] = {}
        for m in self.mentions:
            seen.setdefault(m.entity.id, m.entity)
        return list(seen.values())
