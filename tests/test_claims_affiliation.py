"""Affiliations and splits said in less direct ways: a relative clause on "one of the
groups", "under the banner of", a group's oath to another group's leader, "linked to",
"a front for"."""

from __future__ import annotations

import pytest

from factionmap.model import Entity


def _of(claims, ctype):
    return [c for c in claims if c.type == ctype]


def _ids(claim, *names):
    return tuple(claim.args[n].id if isinstance(claim.args.get(n), Entity) else None for n in names)


def _by_rules(claims, ctype, *names):
    """Argument ids of the claims of a type that a parse rule made (not the proximity fallback)."""
    return [_ids(c, *names) for c in _of(claims, ctype) if "proximity" not in c.rule.split("+")]


# -- a relative clause said of one of several ----------------------------------------


@pytest.mark.parametrize(
    "text, splinter, parent",
    [
        ("The Real IRA is one of the groups that broke away from the Provisional IRA.", "real-ira", "provisional-ira"),
        ("Jamaat-ul-Ahrar was among the factions that broke away from the Pakistani Taliban.", "jamaat-ul-ahrar", "ttp"),
        ("Jamaat-ul-Ahrar, one of the factions which broke away from the Pakistani Taliban, bombed a park in Lahore.",
         "jamaat-ul-ahrar", "ttp"),
    ],
)
def test_relative_clause_on_one_of_several_is_said_of_the_group(claims_of, text, splinter, parent):
    assert (splinter, parent) in _by_rules(claims_of(text), "SPLIT", "splinter", "parent")


def test_relative_clause_on_one_of_several_needs_the_copula(claims_of):
    # the group attacked one of the splinters: it is not itself one
    claims = claims_of("Jamaat-ul-Ahrar attacked one of the factions that broke away from the Pakistani Taliban.")
    assert ("jamaat-ul-ahrar", "ttp") not in _by_rules(claims, "SPLIT", "splinter", "parent")
