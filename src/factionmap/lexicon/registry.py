"""The actor registry: who the known armed groups, state bodies, media wings and leaders are.

The registry holds identities only (names, kind, category, country). Who leads,
pledged to, split from or allied with whom changes over time and must carry
evidence, so it is learned as claims from text and never stored here.

The data lives in `data/registry.json` and `data/spelling_variants.json`; both
are validated when loaded, and a bad entry raises E201 naming the entry.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from itertools import product
from typing import Any, Callable, Iterable, Sequence

from ..errors import FactionmapError
from ..model import Actor
from ..names import HYPHENS, normalize_name, slugify, strip_accents

REGISTRY_FILE = "registry.json"
SPELLING_VARIANTS_FILE = "spelling_variants.json"

REQUIRED_FIELDS = ("id", "name", "kind", "category", "country", "aliases")
KINDS = ("org", "person")
CATEGORIES = ("armed_group", "government", "media", "movement", "person")
# Groups that operate across borders are placed in a region rather than a
# country; the list is closed so that typos ("Sahal") fail at load.
REGIONS = (
    "global", "Middle East", "Levant", "Arabian Peninsula", "North Africa", "Maghreb",
    "Sahel", "West Africa", "Lake Chad", "Central Africa", "East Africa", "Horn of Africa",
    "South Asia", "Central Asia", "Southeast Asia", "Caucasus", "Kashmir", "Balkans",
    "Europe", "Latin America",
)
# Fields that would record a relation. They are refused by name, with a
# pointer to claims, because they are the mistake most likely to be made.
RELATION_FIELDS = frozenset({
    "leader", "leaders", "led_by", "leads", "emir", "founder", "founders", "founded_by",
    "parent", "parents", "parent_id", "branch_of", "branches", "wing_of", "affiliate_of",
    "affiliates", "ally", "allies", "allied_with", "alliances", "rival", "rivals",
    "split_from", "splinter_of", "splinters", "merged_into", "merged_from", "pledged_to",
    "pledges", "member_of", "members", "membership", "successor", "predecessor",
    "sponsor", "sponsors", "sponsored_by", "relations", "related",
})
# Words that name a kind of actor, or ordinary English words that an acronym
# spells. Such an alias would tag every "militants" or "it is" in a text, so it
# is only accepted when written as a case-sensitive acronym ("IS", "LeT").
GENERIC_NAMES = frozenset({
    "militants", "militant", "rebels", "rebel", "insurgents", "insurgent", "jihadists",
    "jihadist", "islamists", "terrorists", "fighters", "gunmen", "militia", "militias",
    "army", "military", "government", "regime", "forces", "security forces", "police",
    "group", "the group", "movement", "front", "brigade", "brigades", "organization",
    "state", "islamic", "mujahideen", "mujahidin", "caliphate", "emirate", "taliban fighters",
    "is", "it", "let", "us", "aa", "tip", "fact", "site", "isis",
})
# Alternatives multiply across words; past this many spellings of one alias
# the extra ones are noise that only slows the matcher.
MAX_VARIANTS_PER_ALIAS = 16
# A longer all-caps word (POLISARIO, RENAMO) is not an English word, so it is
# matched ignoring case; a short one (IS, ETA, TIP) is matched as written.
MAX_ACRONYM_LETTERS = 5

_SEPARATORS = re.compile(r"([\s/" + re.escape(HYPHENS) + r"]+)")
_HYPHEN_CHARS = re.compile("[" + re.escape(HYPHENS) + "]")
_BRACKETS = set("()[]{}")
_COUNTRY_CODE = re.compile(r"[A-Z]{2}")
_OPTIONAL_HYPHEN = {"ORTH": "-", "OP": "?"}


class Registry:
    """The known actors, looked up by id or by any of their names."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self.actors: tuple[Actor, ...] = tuple(actors)
        self._by_id = {actor.id: actor for actor in self.actors}
        self._by_name: dict[str, list[Actor]] = {}
        for actor in self.actors:
            for alias in actor.aliases:
                bucket = self._by_name.setdefault(normalize_name(alias), [])
                if actor not in bucket:
                    bucket.append(actor)

    def __len__(self) -> int:
        return len(self.actors)

    def get(self, actor_id: str) -> Actor | None:
        """The actor with this id, or None."""
        return self._by_id.get(actor_id)

    def lookup(self, name: str) -> list[Actor]:
        """The actors one of whose names equals `name` under `normalize_name`."""
        return list(self._by_name.get(normalize_name(name), ()))

    def names(self) -> dict[str, list[Actor]]:
        """Every normalized name and the actors it names (more than one means ambiguous)."""
        return {name: list(actors) for name, actors in self._by_name.items()}

    def entity_patterns(self, make_doc: Callable[[str], Any]) -> list[dict]:
        """EntityRuler token patterns for every name, labelled ORG or PERSON, with the actor id.

        `make_doc` is the pipeline's tokenizer (`nlp.make_doc`), so a name is
        split exactly as the text it must match will be.
        """
        patterns: list[dict] = []
        for actor in self.actors:
            label = "PERSON" if actor.kind == "person" else "ORG"
            seen: set[str] = set()
            for alias in actor.aliases:
                for tokens in _alias_token_patterns(alias, make_doc):
                    key = json.dumps(tokens, sort_keys=True)
                    if key not in seen:
                        seen.add(key)
                        patterns.append({"label": label, "pattern": tokens, "id": actor.id})
        return patterns


# Particles that papers join to the next or the previous word with a hyphen or not:
# "al Qaeda" / "al-Qaeda", "Tehreek e-Taliban" / "Tehrik-i-Taliban".
_PARTICLES = {"al", "el", "ul", "ud", "ur", "us", "ut", "e", "i", "a", "ad", "an", "ar", "as", "ash", "at",
              "az", "bin", "ibn", "abu", "wal", "fi", "li", "bil", "ash-", "de", "del", "la"}
NAME_PARTICLES = frozenset(p.rstrip("-") for p in _PARTICLES)


def _hyphen_variants(alias: str) -> list[str]:
    """The ways papers hyphenate a name: as written, without hyphens, particles joined."""
    plain = " ".join(_HYPHEN_CHARS.sub(" ", alias).split())
    words = plain.split(" ")
    after = [w + ("-" if w.lower() in _PARTICLES and i < len(words) - 1 else " ") for i, w in enumerate(words)]
    joined_after = "".join(after).strip()
    both = ""
    for i, w in enumerate(words):
        both += w
        if i < len(words) - 1:
            nxt = words[i + 1].lower()
            both += "-" if (w.lower() in _PARTICLES or nxt in ("e", "i", "ul", "ud", "ur")) else " "
    return _unique([alias, plain, joined_after, both])


def phrase_patterns(registry: "Registry") -> list[tuple[str, str, str, bool]]:
    """(label, surface, actor id, case-sensitive) for a phrase matcher: every alias, its
    accent-free and curly-apostrophe forms and its hyphenations. Faster to match than
    token patterns with optional hyphens, and the same names."""
    out: list[tuple[str, str, str, bool]] = []
    seen: set[tuple[str, str, bool]] = set()
    for actor in registry.actors:
        label = "PERSON" if actor.kind == "person" else "ORG"
        for alias in actor.aliases:
            surfaces = _unique([alias, strip_accents(alias)])
            surfaces += [x.replace("'", "’") for x in surfaces if "'" in x]
            for surface in surfaces:
                for variant in _hyphen_variants(surface):
                    words = variant.replace("-", " ").split()
                    cased = any(_is_acronym(w) for w in words)
                    forms = [variant]
                    if cased and any(_is_long_acronym(w) for w in words):
                        forms.append(" ".join(w.title() if _is_long_acronym(w) else w for w in variant.split(" ")))
                    for form in forms:
                        key = (form if cased else form.lower(), actor.id, cased)
                        if key not in seen:
                            seen.add(key)
                            out.append((label, form, actor.id, cased))
    return out


@lru_cache(maxsize=1)
def load_registry() -> Registry:
    """The shipped registry, validated, with spelling variants of every alias."""
    entries = _read_data(REGISTRY_FILE)
    return Registry(validate_entries(entries, load_spelling_variants()))


@lru_cache(maxsize=1)
def load_spelling_variants() -> tuple[tuple[str, ...], ...]:
    """The shipped table of interchangeable word spellings ("qaeda", "qaida", ...)."""
    table = _read_data(SPELLING_VARIANTS_FILE)
    _variant_index(table)  # validates
    return tuple(tuple(group) for group in table)


def validate_entries(
    entries: Any, spelling_variants: Sequence[Sequence[str]] | None = None
) -> list[Actor]:
    """Check registry entries and turn them into Actors; raise E201 on the first bad one.

    Each Actor's aliases start with its canonical name and include the
    spelling variants of every alias (`spelling_variants`, default: the
    shipped table; pass `[]` for none).
    """
    if not isinstance(entries, list):
        raise FactionmapError("E201", index="(file)", detail="the registry must be a JSON list of entries")
    if spelling_variants is None:
        spelling_variants = load_spelling_variants()
    index_of = _variant_index(spelling_variants)
    actors: list[Actor] = []
    first_seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        actor = _validate_entry(index, entry)
        if actor.id in first_seen:
            raise FactionmapError(
                "E201", index=index,
                detail=f"id '{actor.id}' is already used by entry {first_seen[actor.id]}; ids must be unique",
            )
        first_seen[actor.id] = index
        aliases = _unique([actor.name, *actor.aliases])
        aliases = _unique([*aliases, *(_without_inner_article(a) for a in aliases if actor.kind == "org")])
        expanded = _unique(v for alias in aliases for v in spelling_variants_of(alias, index_of))
        actors.append(Actor(actor.id, actor.name, actor.kind, tuple(expanded), actor.country, actor.category))
    return actors


_INNER_ARTICLE = re.compile(r"(?<=\S)\s+(?:al|el)[-\s](?=\S+\s+\S)", re.IGNORECASE)


def _without_inner_article(alias: str) -> str:
    """'Kata'ib al-Imam Ali' is also written 'Kata'ib Imam Ali': papers drop an Arabic
    article inside a name (not the first word's, nor the last word's: 'Ansar al-Sharia'
    stays whole, where the article is the only sign that it is a name)."""
    return _INNER_ARTICLE.sub(" ", alias)


def spelling_variants_of(alias: str, index_of: dict[str, tuple[str, ...]]) -> list[str]:
    """The alias and its respellings, word by word, fewest substitutions first.

    `index_of` maps a lower-case word to its group of spellings (see `_variant_index`).
    """
    parts = _SEPARATORS.split(alias)
    options: list[list[str]] = []
    for i, part in enumerate(parts):
        group = index_of.get(part.casefold().replace("’", "'")) if i % 2 == 0 else None
        if group:
            key = part.casefold().replace("’", "'")
            options.append([part] + [_match_case(part, g) for g in group if g != key])
        else:
            options.append([part])
    sizes = [len(o) for o in options]
    if _product(sizes) > 1024:  # keep the work bounded: respell one word at a time
        choices = [tuple(c if i == w else 0 for i in range(len(sizes))) for w, n in enumerate(sizes) for c in range(n)]
    else:
        choices = list(product(*(range(n) for n in sizes)))
    ranked = sorted(choices, key=lambda c: sum(1 for x in c if x))[:MAX_VARIANTS_PER_ALIAS]
    return _unique("".join(options[i][c] for i, c in enumerate(choice)) for choice in ranked)


def _validate_entry(index: int, entry: Any) -> Actor:
    def bad(detail: str) -> FactionmapError:
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            detail = f"'{entry['id']}': {detail}"
        return FactionmapError("E201", index=index, detail=detail)

    if not isinstance(entry, dict):
        raise bad(f"an entry must be a JSON object, not {type(entry).__name__}")
    relation = sorted(set(entry) & RELATION_FIELDS)
    if relation:
        raise bad(
            f"field(s) {', '.join(relation)} record a relation; the registry stores identities only "
            "(leaders, parents and alliances are claims learned from text)"
        )
    unknown = sorted(set(entry) - set(REQUIRED_FIELDS))
    if unknown:
        raise bad(f"unknown field(s) {', '.join(unknown)}; allowed: {', '.join(REQUIRED_FIELDS)}")
    missing = [f for f in REQUIRED_FIELDS if f not in entry]
    if missing:
        raise bad(f"lacks required field(s) {', '.join(missing)}")
    actor_id, name, kind = entry["id"], entry["name"], entry["kind"]
    category, country, aliases = entry["category"], entry["country"], entry["aliases"]
    if not isinstance(actor_id, str) or not actor_id or slugify(actor_id) != actor_id:
        raise bad(f"id {actor_id!r} is not a slug (lower-case ASCII words joined by dashes, e.g. 'al-qaeda')")
    if not isinstance(name, str) or not name.strip():
        raise bad("name must be a non-empty string")
    if kind not in KINDS:
        raise bad(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    if category not in CATEGORIES:
        raise bad(f"category {category!r} is not one of {', '.join(CATEGORIES)}")
    if (kind == "person") != (category == "person"):
        raise bad(f"kind '{kind}' does not fit category '{category}' (people have category 'person', orgs never)")
    if not isinstance(country, str) or not (_COUNTRY_CODE.fullmatch(country) or country in REGIONS):
        raise bad(f"country {country!r} is neither an ISO 3166 alpha-2 code nor a region ({', '.join(REGIONS)})")
    if not isinstance(aliases, list) or not aliases:
        raise bad("aliases must be a non-empty list of names")
    for alias in [name, *aliases]:
        _check_alias(alias, bad)
    return Actor(actor_id, name.strip(), kind, tuple(a.strip() for a in aliases), country, category)


def _check_alias(alias: Any, bad: Callable[[str], FactionmapError]) -> None:
    if not isinstance(alias, str) or not alias.strip():
        raise bad(f"alias {alias!r} is not a non-empty string")
    if _BRACKETS & set(alias):
        raise bad(f"alias {alias!r} has brackets; give each form as its own alias")
    if normalize_name(alias) in GENERIC_NAMES and not all(
        _is_acronym(word) for word in _SEPARATORS.split(alias)[::2] if word
    ):
        raise bad(
            f"alias {alias!r} is a generic or common word and would match ordinary text; "
            "use a specific name, or a case-sensitive acronym"
        )


def _variant_index(table: Any) -> dict[str, tuple[str, ...]]:
    """word -> its group of spellings; E201 when the table is malformed."""
    def bad(i: Any, detail: str) -> FactionmapError:
        return FactionmapError("E201", index=f"{SPELLING_VARIANTS_FILE}[{i}]", detail=detail)

    if not isinstance(table, (list, tuple)):
        raise bad("", "the spelling variants must be a list of groups of words")
    index: dict[str, tuple[str, ...]] = {}
    for i, group in enumerate(table):
        if not isinstance(group, (list, tuple)) or len(group) < 2:
            raise bad(i, "a group must list at least two spellings")
        for word in group:
            if not isinstance(word, str) or not word or word != word.lower() or _SEPARATORS.search(word):
                raise bad(i, f"{word!r} must be one lower-case word (substitutions are word by word)")
            if word in index:
                raise bad(i, f"'{word}' is already in another group")
            index[word] = tuple(group)
    return index


def _alias_token_patterns(alias: str, make_doc: Callable[[str], Any]) -> list[list[dict]]:
    """Token patterns for one alias: as written, without accents, with curly apostrophes;
    a hyphen between words is optional."""
    surfaces = _unique([alias, strip_accents(alias)])
    surfaces += [s.replace("'", "’") for s in surfaces if "'" in s]
    patterns = []
    for surface in _unique(surfaces):
        spaced = _HYPHEN_CHARS.sub(" ", surface)
        words = [t.text for t in make_doc(spaced) if not t.is_space]
        tokens: list[dict] = []
        for n, word in enumerate(words):
            if n:
                tokens.append(dict(_OPTIONAL_HYPHEN))
            tokens.append(_token_spec(word))
        patterns.append(tokens)
        # British papers write long acronyms as words ("Farc", "Isis"); still case-sensitive.
        if any(_is_long_acronym(t.get("ORTH", "")) for t in tokens):
            patterns.append([{"ORTH": t["ORTH"].title()} if _is_long_acronym(t.get("ORTH", "")) else t for t in tokens])
        # The tokenizer keeps some hyphenated names whole ("M-19", "MS-13").
        kept = [t.text for t in make_doc(surface) if not t.is_space]
        if any(_HYPHEN_CHARS.search(t) and len(t) > 1 for t in kept):
            patterns.append([_token_spec(t) for t in kept])
    return patterns


def _token_spec(word: str) -> dict:
    return {"ORTH": word} if _is_acronym(word) else {"LOWER": word.lower()}


def _is_acronym(word: str) -> bool:
    """A short word with two or more capitals (IS, TTP, LeT, HuJI): matched case-sensitively."""
    letters = [c for c in word if c.isalpha()]
    return 0 < len(letters) <= MAX_ACRONYM_LETTERS and sum(c.isupper() for c in letters) >= 2


def _is_long_acronym(word: str) -> bool:
    return word.isupper() and word.isalpha() and 4 <= len(word) <= MAX_ACRONYM_LETTERS


def _product(numbers: Iterable[int]) -> int:
    result = 1
    for n in numbers:
        result *= n
    return result


def _match_case(original: str, replacement: str) -> str:
    if len(original) > 1 and original.isupper():
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _read_data(filename: str) -> Any:
    path = resources.files("factionmap").joinpath("data", filename)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise FactionmapError("E201", index=f"(file {filename})", detail=f"not valid JSON: {err}") from err
