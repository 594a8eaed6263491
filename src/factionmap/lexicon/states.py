"""States as actors: 'Kenya', 'Kenyan troops', 'the Nigerian military' fight groups too.

A country named as a place is also, in relations, its state; a demonym on a
word for state power ("Nigerian military") names that state.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from ..model import Entity
from .rules import load_rules

_STATE_WORDS = ("government", "military", "army", "forces", "troops", "security forces")


@lru_cache(maxsize=512)
def country_code(name: str) -> str | None:
    """ISO alpha-2 code of a country name (or a common alias of one), else None."""
    key = " ".join(name.lower().split())
    if key.startswith("the "):
        key = key[4:]
    aliases = load_rules()["states"]["country_aliases"]
    if key in aliases:
        return aliases[key]
    if len(key) < 4 and key not in ("us",):
        return None  # short strings are codes of many things; only named countries count
    try:
        return pycountry.countries.lookup(key).alpha_2
    except LookupError:
        return None


def is_country(value: str) -> bool:
    """Whether `value` names a country: an ISO alpha-2 code ("SO", "so") or a name or alias
    `country_code` knows ("Somalia")."""
    text = value.strip()
    if len(text) == 2 and text.isalpha():
        return pycountry.countries.get(alpha_2=text.upper()) is not None
    return country_code(text) is not None


def demonym_code(word: str) -> str | None:
    return load_rules()["states"]["demonyms"].get(word.lower())


@lru_cache(maxsize=512)
def state_entity(code: str) -> Entity:
    """The state of a country, as an organization with the names it goes by."""
    country = pycountry.countries.get(alpha_2=code)
    name = getattr(country, "common_name", None) or country.name if country else code
    demonyms = [d for d, c in load_rules()["states"]["demonyms"].items() if c == code]
    aliases = [name]
    for d in demonyms[:2]:
        cap = d.upper() if "." in d or len(d) <= 2 else d[:1].upper() + d[1:]
        aliases += [f"{cap} {w}" for w in _STATE_WORDS]
    aliases += [f"{name} government", f"government of {name}"]
    official = getattr(country, "official_name", None) if country else None
    if official:  # "Democratic Socialist Republic of Sri Lanka"
        aliases.append(official)
    # the short names papers use ("UK", "U.S.", "Russia"), written as papers write them
    for alias, alias_code in load_rules()["states"]["country_aliases"].items():
        if alias_code == code and not alias.startswith("the "):
            aliases.append(alias.upper() if len(alias.replace(".", "")) <= 3 else alias.title())
    return Entity("state:" + code.lower(), name, "org", tuple(dict.fromkeys(aliases)), code)
