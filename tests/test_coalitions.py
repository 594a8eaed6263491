"""Coalitions of states at war as actors ('the US-led coalition', 'Coalition forces')."""

from __future__ import annotations

import pytest

from factionmap.actors.resolve import resolve_actors
from factionmap.pipeline import extract


def _coalitions(nlp, text):
    return [m for m in resolve_actors(nlp(text)).mentions if m.via == "coalition"]


def _pairs(text, ctype):
    out = set()
    for c in extract(text):
        if c.type == ctype:
            out.add(tuple(getattr(v, "name", None) for v in c.args.values() if hasattr(v, "name")))
    return out


@pytest.mark.parametrize(
    "text, entity_id",
    [
        ("The Saudi-led coalition bombed a port near Hodeidah.", "coalition:sa"),
        ("A coalition led by the United States bombed Islamic State positions near Raqqa.", "coalition:us"),
        ("The US-led coalition said its jets had hit a bridge near Mosul.", "coalition:us"),
    ],
)
def test_led_coalition_is_its_leaders_coalition(nlp, text, entity_id):
    found = _coalitions(nlp, text)
    assert [m.entity.id for m in found] == [entity_id]


def test_bare_coalition_points_to_the_coalition_the_document_named(nlp):
    text = ("Britain joined the Global Coalition against Daesh in 2014. "
            "Coalition aircraft struck oil wells held by the group in Deir ez-Zor.")
    found = _coalitions(nlp, text)
    assert [m.entity.id for m in found] == ["global-coalition-isis"]
    assert found[0].text == "aircraft"  # "Coalition aircraft": the mention sits on the forces
    assert "Coalition aircraft" in found[0].entity.aliases


@pytest.mark.parametrize(
    "text",
    [
        "The ruling coalition lost its majority in parliament.",
        "The coalition government in Baghdad fell apart after the vote.",
        "A coalition of rebel groups took the town of Jisr al-Shughour.",
        "The leader of anti-coalition forces in Fallujah was killed.",
        "coalition talks dragged on for weeks.",
    ],
)
def test_political_and_hostile_uses_are_no_coalition_actor(nlp, text):
    assert _coalitions(nlp, text) == []


def test_coalition_strikes_make_an_attack_and_a_rivalry():
    text = "On Tuesday, Coalition forces carried out nine air strikes against Islamic State fighters near Tal Afar."
    claims = extract(text)
    attacks = [c for c in claims if c.type == "ATTACK" and c.args.get("perpetrator") is not None]
    assert attacks and attacks[0].args["perpetrator"].name == "Coalition"
    assert ("Coalition", "Islamic State") in _pairs(text, "RIVALRY")


def test_coalition_support_for_a_group_is_sponsorship():
    text = "The US-led coalition supports the Syrian Democratic Forces with air strikes."
    assert ("United States-led coalition", "Syrian Democratic Forces") in _pairs(text, "SPONSORSHIP")


def test_light_verb_gives_the_attack_its_place_but_not_a_deeper_one():
    near = extract("Turkish jets carried out strikes against PKK fighters near Sinjar.")
    assert any(c.type == "ATTACK" and c.args["place"].name == "Sinjar" for c in near)
    deep = extract("Hamas said on Telegram that its fighters had carried out the assault in revenge for the "
                   "blockade in Gaza.")
    assert not any(c.type == "ATTACK" and c.args["place"].name == "Gaza" for c in deep)


def test_coalition_doings_mark_the_coalition():
    text = "Officials called for more coalition operations against the Islamic State in Syria."
    assert ("Coalition", "Islamic State") in _pairs(text, "RIVALRY")
    assert _coalitions_of_text("The coalition talks between the two parties failed.") == []


def _coalitions_of_text(text):
    from factionmap.language.nlp import parse

    return [m for m in resolve_actors(parse(text)).mentions if m.via == "coalition"]


def test_airstrikes_named_for_their_force_are_its_attack():
    claims = extract("Coalition airstrikes killed 30 Islamic State fighters near Hajin.")
    assert any(c.type == "ATTACK" and c.args["perpetrator"] is not None
               and c.args["perpetrator"].name == "Coalition" for c in claims)
    hit = extract("The Saudi-led coalition's airstrikes hit Houthi positions near Saada.")
    assert any(c.type == "ATTACK" and c.args["perpetrator"] is not None
               and c.args["perpetrator"].id == "coalition:sa" for c in hit)
    assert not any(c.type == "ATTACK" for c in extract("The storm hit the coast near Aden."))


def test_operations_are_against_someone_only_when_the_text_says_so():
    # "X's operations" alone names no enemy (the subject of the clause is no target)
    claims = extract("Al-Qaeda fighters took part in some of the Haqqani Network's operations in Kabul.")
    assert not any(c.type == "RIVALRY" for c in claims)
