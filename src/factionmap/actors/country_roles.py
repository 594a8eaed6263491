"""What a country's name stands for where it is written: a country name is both a place
and its state, and some positions keep only one of the two.

- "Yemen's Houthi militia", "Mozambique's Shabaab group": the country whose possessive
  sits on an armed group is where the group is, not an actor beside it (no state does
  the group's attack, nor allies with it).
- "the Iran-backed Houthis", "a Rwanda-supported rebellion": the country before a
  backing word is the state that backs, not the place of what the sentence tells.
- "DR Congo", "North Korea": two words that together name another country than the
  last one alone are that country.
"""

from __future__ import annotations

from dataclasses import replace

from ..lexicon.places import place_entity
from ..lexicon.states import country_code, state_entity
from ..lexicon.words import words

BACKING_WORDS = words("actors.country_roles:BACKING_WORDS")
# the possessive ending of a country's name, on it or a token of its own: "Yemen's Houthi militia"
POSSESSIVE_MARKERS = words("actors.country_roles:POSSESSIVE_MARKERS")


def _remove(out, mention) -> None:
    out.mentions.remove(mention)
    out.by_token[mention.token].remove(mention)


def _armed_at(out, i: int) -> bool:
    return any(m.entity.kind == "org" and m.is_actor and m.category not in ("state", "government")
               and not m.entity.id.startswith("state:") for m in out.at(i))


def country_roles(doc, out, context: tuple[str, ...] = ()) -> None:
    """Drop the reading of a country name that its position rules out (see the module)."""
    for tok in doc:
        here = out.at(tok.i)
        if not here:
            continue
        _two_word_country(doc, out, tok, context)
        here = out.at(tok.i)
        states = [m for m in here if m.entity.id.startswith("state:")]
        places = [m for m in here if m.entity.kind == "place"]
        if not states or not places:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        owns = tok.lower_.endswith(POSSESSIVE_MARKERS)
        if owns or nxt is not None and nxt.lower_ in POSSESSIVE_MARKERS:
            # the owned thing: an armed group within a few words ("Yemen's Iran-backed Houthi militia")
            for k in range(tok.i + (1 if owns else 2), min(len(doc), tok.i + 7)):
                if _armed_at(out, k):
                    for m in states:
                        _remove(out, m)
                    break
                if doc[k].pos_ == "AUX" or doc[k].is_punct and doc[k].text not in ("-", "–") \
                        or doc[k].pos_ == "VERB" and doc[k].dep_ not in ("amod", "compound", "npadvmod"):
                    break
            continue
        if nxt is not None and nxt.text in ("-", "–") and tok.i + 2 < len(doc) \
                and doc[tok.i + 2].lower_ in BACKING_WORDS:
            for m in places:
                _remove(out, m)


def _two_word_country(doc, out, tok, context) -> None:
    if tok.i == 0:
        return
    prev = doc[tok.i - 1]
    if not prev.text[:1].isupper() or prev.is_punct:
        return
    joined = f"{prev.text} {tok.text}"
    code = country_code(joined)
    if not code or code == country_code(tok.text):
        return
    for m in list(out.at(tok.i)):
        if m.entity.kind == "place":
            _remove(out, m)
            out.add(replace(m, entity=place_entity(joined, context), text=joined))
        elif m.entity.id.startswith("state:"):
            _remove(out, m)
            out.add(replace(m, entity=state_entity(code)))
    for m in list(out.at(prev.i)):
        _remove(out, m)
