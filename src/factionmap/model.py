"""Plain data exchanged between the pipeline stages.

Every stage takes and returns these frozen dataclasses; spaCy objects never
cross a stage boundary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True)
class ClaimType:
    """One claim type of the format (docs/format.md) and the properties every stage reads from
    here, and only from here: its arguments, whether it is a state that holds over a span
    (leadership, alliance) or an event at a moment, whether its two sides can swap, whether it
    can happen again between the same actors, whether it is a person's role in a group, and,
    for a relation between two actors, which argument is each side (the arrow goes left to
    right)."""

    name: str
    core: tuple[str, ...]
    other: tuple[str, ...] = ()
    state: bool = False
    symmetric: bool = False
    recurring: bool = False  # one fact per year between the same actors (and a death: false reports)
    role: bool = False  # a person's role in a group: ends with the person's death
    sides: tuple[str, str] | None = None


_TYPES = (
    ClaimType("ALLIANCE", ("a", "b"), state=True, symmetric=True, sides=("a", "b")),
    ClaimType("RIVALRY", ("a", "b"), state=True, symmetric=True, sides=("a", "b")),
    ClaimType("AFFILIATION", ("member", "patron"), state=True, sides=("member", "patron")),
    ClaimType("BRANCH", ("branch", "parent"), state=True, sides=("branch", "parent")),
    ClaimType("SPLIT", ("splinter", "parent"), sides=("splinter", "parent")),
    ClaimType("MERGER", ("parts",), ("result",), sides=("parts", "result")),
    ClaimType("SPONSORSHIP", ("sponsor", "client"), state=True, sides=("sponsor", "client")),
    ClaimType("LEADERSHIP", ("leader", "org"), ("role",), state=True, role=True),
    ClaimType("MEMBERSHIP", ("person", "org"), ("role",), state=True, role=True),
    ClaimType("SUCCESSION", ("org", "leader"), ("predecessor",)),
    ClaimType("PLEDGE", ("pledger", "to"), ("on_behalf_of",), recurring=True, sides=("pledger", "to")),
    ClaimType("DEATH", ("person",), ("org", "place", "cause", "announced"), recurring=True),
    ClaimType("CAPTURE", ("person",), ("org", "by"), recurring=True),
    ClaimType("DEFECTION", ("from", "to"), ("defector",), recurring=True, sides=("from", "to")),
    ClaimType("FOUNDING", ("org",), ("parent", "place")),
    ClaimType("PRESENCE", ("org", "place"), state=True),
    ClaimType("CONTROL", ("org", "place"), state=True),
    ClaimType("SEIZURE", ("org", "place"), ("from",), recurring=True, sides=("org", "from")),
    ClaimType("ATTACK", ("place",), ("perpetrator", "target", "attack_type", "killed", "wounded", "claimed"),
              recurring=True),
)
TYPES: dict[str, ClaimType] = {t.name: t for t in _TYPES}
# the arguments of each type, core first (as the export and the gold format name them)
CLAIM_TYPES: dict[str, dict[str, tuple[str, ...]]] = {t.name: {"core": t.core, "other": t.other} for t in _TYPES}
SYMMETRIC_TYPES = frozenset(t.name for t in _TYPES if t.symmetric)
STATE_TYPES = frozenset(t.name for t in _TYPES if t.state)
EVENT_TYPES = frozenset(t.name for t in _TYPES if not t.state)  # at a moment
RECURRING_TYPES = frozenset(t.name for t in _TYPES if t.recurring)
ROLE_TYPES = frozenset(t.name for t in _TYPES if t.role)
# relations between two actors: type -> (left argument, right argument)
RELATION_SIDES: dict[str, tuple[str, str]] = {t.name: t.sides for t in _TYPES if t.sides}
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
        return f"{_printable(self.source)}: {_printable(self.reason)} [{self.code}]"


def _printable(text: str) -> str:
    """One line, whatever the text: control characters as escapes (no raw terminal bytes)."""
    return "".join(ascii(ch)[1:-1] if ord(ch) < 32 or 127 <= ord(ch) < 160 or 0xD800 <= ord(ch) <= 0xDFFF
                   else ch for ch in str(text))
