"""Plain data exchanged between the pipeline stages.

Every stage takes and returns these frozen dataclasses; spaCy objects never
cross a stage boundary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

# Claim types of ONTOLOGY.md, with their argument names. Core arguments first.
CLAIM_TYPES: dict[str, dict[str, tuple[str, ...]]] = {
    "ALLIANCE": {"core": ("a", "b"), "other": ()},
    "RIVALRY": {"core": ("a", "b"), "other": ()},
    "AFFILIATION": {"core": ("member", "patron"), "other": ()},
    "BRANCH": {"core": ("branch", "parent"), "other": ()},
    "SPLIT": {"core": ("splinter", "parent"), "other": ()},
    "MERGER": {"core": ("parts",), "other": ("result",)},
    "SPONSORSHIP": {"core": ("sponsor", "client"), "other": ()},
    "LEADERSHIP": {"core": ("leader", "org"), "other": ("role",)},
    "MEMBERSHIP": {"core": ("person", "org"), "other": ("role",)},
    "SUCCESSION": {"core": ("org", "leader"), "other": ("predecessor",)},
    "PLEDGE": {"core": ("pledger", "to"), "other": ("on_behalf_of",)},
    "DEATH": {"core": ("person",), "other": ("org", "place", "cause", "announced")},
    "CAPTURE": {"core": ("person",), "other": ("org", "by")},
    "DEFECTION": {"core": ("from", "to"), "other": ("defector",)},
    "FOUNDING": {"core": ("org",), "other": ("parent", "place")},
    "PRESENCE": {"core": ("org", "place"), "other": ()},
    "CONTROL": {"core": ("org", "place"), "other": ()},
    "SEIZURE": {"core": ("org", "place"), "other": ("from",)},
    "ATTACK": {
        "core": ("place",),
        "other": ("perpetrator", "target", "attack_type", "killed", "wounded", "claimed"),
    },
}
SYMMETRIC_TYPES = frozenset({"ALLIANCE", "RIVALRY"})
MODALITIES = ("asserted", "reported", "claimed", "denied", "hypothetical")
PRECISIONS = ("day", "month", "year")
ENTITY_KINDS = ("org", "person", "place")


@dataclass(frozen=True)
class Document:
    """One ingested text with its metadata."""

    id: str
    text: str
    published: str | None = None  # ISO date "YYYY-MM-DD" (or "YYYY-MM", "YYYY")
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    source: str | None = None  # file path (and line for JSON Lines) it came from
    content_hash: str = ""


@dataclass(frozen=True)
class TimeSpan:
    """When a claim holds; ISO dates cut to their precision, never guessed."""

    start: str | None = None
    end: str | None = None
    precision: str | None = None  # "day" | "month" | "year" | None
    text: str | None = None

    @property
    def is_empty(self) -> bool:
        return self.start is None and self.end is None and self.text is None


@dataclass(frozen=True)
class Evidence:
    """A sentence supporting a claim; offsets are characters into the document."""

    document: str
    sentence: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    """An argument of a claim that names an actor or a place.

    `id` is the registry id for registered actors, ``new:<slug>`` for groups
    found in text, ``place:<slug>`` for places.
    """

    id: str
    name: str
    kind: str  # "org" | "person" | "place"
    aliases: tuple[str, ...] = ()
    country: str | None = None
    # places resolved in the gazetteer: province or state, and coordinates where known
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None


ArgValue = Union[Entity, tuple[Entity, ...], str, int, bool, None]


@dataclass(frozen=True)
class Claim:
    """One typed assertion found in one document."""

    type: str
    args: dict[str, ArgValue]
    time: TimeSpan = field(default_factory=TimeSpan)
    modality: str = "asserted"
    negated: bool = False
    attribution: str | None = None
    confidence: float = 0.5
    evidence: tuple[Evidence, ...] = ()
    rule: str = ""  # which rule (or rules, joined with "+") produced it
    id: str | None = None  # set by the store


@dataclass(frozen=True)
class Actor:
    """An identity in the registry: names only, never relations."""

    id: str
    name: str
    kind: str  # "org" | "person"
    aliases: tuple[str, ...] = ()
    country: str | None = None  # ISO 3166 alpha-2, or a region name
    category: str | None = None  # armed_group | government | media | movement | person


@dataclass(frozen=True)
class IngestError:
    """A document (or a line of a corpus) that could not be read."""

    source: str  # "path" or "path:line"
    reason: str
    code: str = "E000"

    def __str__(self) -> str:
        return f"{self.source}: {self.reason} [{self.code}]"
