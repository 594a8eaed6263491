"""The actors stage: which actor or place each mention of a document refers to."""

from __future__ import annotations

import pytest

from factionmap.actors.resolve import resolve_actors


def _mentions(nlp, text, mention_text):
    """The mentions whose text is `mention_text`, in document order."""
    return [m for m in resolve_actors(nlp(text)).mentions if m.text == mention_text]


def _kinds_and_ids(nlp, text, mention_text):
    return {(m.entity.kind, m.entity.id) for m in _mentions(nlp, text, mention_text)}


@pytest.mark.parametrize(
    "text, mention, actor_id, kind",
    [
        ("Boko Haram attacked a village in Borno.", "Boko Haram", "boko-haram", "org"),
        ("Abubakar Shekau appeared in a new video.", "Abubakar Shekau", "abubakar-shekau", "person"),
        ("Fighters of al Qaeda attacked the base.", "al Qaeda", "al-qaeda", "org"),
    ],
)
def test_actors_registry_match(nlp, text, mention, actor_id, kind):
    found = _mentions(nlp, text, mention)
    assert found and found[0].via == "registry"
    assert (found[0].entity.id, found[0].entity.kind) == (actor_id, kind)
    assert found[0].is_actor


@pytest.mark.parametrize(
    "text, mention, actor_id",
    [
        ("The Free Mountain Brigades attacked a checkpoint in Idlib on Monday.",
         "The Free Mountain Brigades", "new:free-mountain-brigades"),
        ("Harakat al-Fajr claimed the bombing in Kandahar.", "Harakat al-Fajr", "new:harakat-al-fajr"),
        ("The Northern Shield Front attacked a base in Kunar.", "The Northern Shield Front",
         "new:northern-shield-front"),
        # an apostrophe inside the group word ("Kata'ib" is "kataib")
        ("Kata'ib Nasr al-Din fought alongside the army near Amerli.", "Kata'ib Nasr al-Din",
         "new:kataib-nasr-al-din"),
    ],
)
def test_actors_unregistered_group_name_is_new_org(nlp, text, mention, actor_id):
    found = _mentions(nlp, text, mention)
    assert found
    assert (found[0].entity.id, found[0].entity.kind, found[0].is_actor) == (actor_id, "org", True)


@pytest.mark.parametrize(
    "text, mention",
    [
        ("The Free Mountain Brigades attacked a checkpoint in Idlib.", "The Free Mountain Brigades"),
    ],
)
def test_actors_new_org_name_drops_the_article(nlp, text, mention):
    assert _mentions(nlp, text, mention)[0].entity.name == "Free Mountain Brigades"


@pytest.mark.parametrize(
    "text, mention",
    [
        ("The Kunar Youth Union, a militant group, attacked a checkpoint.", "The Kunar Youth Union"),
        ("The militant group Kunar Youth Union attacked a checkpoint.", "Kunar Youth Union"),
        ("Golden Dawn Society, an armed group based in Kunar, attacked a checkpoint.", "Golden Dawn Society"),
    ],
)
def test_actors_org_called_a_militant_group_is_an_actor(nlp, text, mention):
    found = _mentions(nlp, text, mention)
    assert found and found[0].entity.kind == "org" and found[0].is_actor


@pytest.mark.parametrize(
    "text, mention",
    [
        ("The Anadolu news agency reported that the Taliban attacked Kunduz.", "Anadolu"),
        ("Officials at the Associated Press confirmed the report.", "the Associated Press"),
        ("Al Jazeera reported that Taliban fighters attacked the town.", "Al Jazeera"),
    ],
)
def test_actors_news_organization_is_not_an_actor(nlp, text, mention):
    found = _mentions(nlp, text, mention)
    assert found and all(not m.is_actor for m in found)


@pytest.mark.parametrize(
    "text, acronym, actor_id",
    [
        ("The Islamic Movement for Change (IMC) attacked a base in Kunar. The IMC later withdrew.",
         "IMC", "new:islamic-movement-for-change"),
        ("Harakat al-Fajr (HAF) claimed the attack. HAF is active in Kunar.", "HAF", "new:harakat-al-fajr"),
        ("The Northern Shield Front (NSF) attacked a base in Kunar. The NSF later withdrew.",
         "NSF", "new:northern-shield-front"),
    ],
)
def test_actors_acronym_defined_in_parentheses_then_used_alone(nlp, text, acronym, actor_id):
    found = _mentions(nlp, text, acronym)
    assert len(found) == 2  # the definition and the later use
    later = found[-1]
    assert (later.entity.id, later.via) == (actor_id, "acronym")
    assert acronym in later.entity.aliases


@pytest.mark.parametrize(
    "text, alias, actor_id",
    [
        ("Harakat al-Fajr, also known as the Dawn Movement, bombed a market. "
         "The Dawn Movement has fighters in Kunar.", "The Dawn Movement", "new:harakat-al-fajr"),
        ("The Free Mountain Brigades, also known as the Mountain Front, attacked a base. "
         "The Mountain Front later withdrew.", "The Mountain Front", "new:free-mountain-brigades"),
        ("The Eastern Lions Brigade, also known as Katibat al-Sharq, attacked a checkpoint. "
         "Katibat al-Sharq said it killed five soldiers.", "Katibat al-Sharq", "new:eastern-lions-brigade"),
    ],
)
def test_actors_also_known_as_is_the_same_group(nlp, text, alias, actor_id):
    assert _kinds_and_ids(nlp, text, alias) == {("org", actor_id)}


@pytest.mark.parametrize(
    "text, alias, actor_id",
    [
        pytest.param(
            "The Green Valley Brigade, also known as Liwa al-Wadi, attacked the town. Liwa al-Wadi denied it.",
            "Liwa al-Wadi", "new:green-valley-brigade"),
    ],
)
def test_actors_also_known_as_alias_is_not_also_a_person(nlp, text, alias, actor_id):
    assert _kinds_and_ids(nlp, text, alias) == {("org", actor_id)}


@pytest.mark.parametrize(
    "text, short, actor_id",
    [
        ("Commander Abdul Qadir Noorzai led the unit. Noorzai was arrested on Monday.",
         "Noorzai", "new:abdul-qadir-noorzai"),
        ("Ali Reza Hakimi, a Taliban commander, met elders. Hakimi said the talks failed.",
         "Hakimi", "new:ali-reza-hakimi"),
        ("Mullah Omar led the Taliban for years. Akhtar Mansour succeeded Omar in July.",
         "Omar", "mullah-omar"),
        ("Hafiz Saeed Khan led the group. Khan was killed in July.", "Khan", "hafiz-saeed-khan"),
    ],
)
def test_actors_short_name_resolves_to_earlier_full_name(nlp, text, short, actor_id):
    found = _mentions(nlp, text, short)
    assert found
    assert (found[-1].entity.id, found[-1].entity.kind) == (actor_id, "person")


@pytest.mark.parametrize(
    "text, short, actor_id",
    [
        pytest.param("Ahmad Shah Nurzai commanded the fighters. Later, Nurzai fled to Pakistan.",
                     "Nurzai", "new:ahmad-shah-nurzai"),
    ],
)
def test_actors_short_name_tagged_org_still_resolves(nlp, text, short, actor_id):
    found = _mentions(nlp, text, short)
    assert any(m.entity.id == actor_id for m in found)


@pytest.mark.parametrize(
    "text, place",
    [
        ("Al-Shabaab attacked a hotel in Mogadishu.", "Mogadishu"),
        ("The Islamic State is active in Nangarhar.", "Nangarhar"),
        ("Boko Haram has a strong presence in Borno.", "Borno"),
    ],
)
def test_actors_places_are_place_entities(nlp, text, place):
    found = _mentions(nlp, text, place)
    assert any(m.entity.kind == "place" and m.entity.id == "place:" + place.lower() for m in found)


@pytest.mark.parametrize(
    "text, place",
    [
        ("The Taliban attacked Kunduz and Baghlan.", "Baghlan"),
        ("The Taliban attacked Kunduz and Baghlan.", "Kunduz"),
    ],
)
def test_actors_coordinated_places_are_place_entities(nlp, text, place):
    found = _mentions(nlp, text, place)
    assert any(m.entity.kind == "place" for m in found)


@pytest.mark.parametrize(
    "text, mention, kind",
    [
        # a facility named after an army is a place; a group the tagger calls a facility is a group
        ("The Taliban attacked Bagram Army Base in Parwan.", "Bagram Army Base", "place"),
        ("Saraya Awliya al-Dam claimed the rocket attack on the airport in Erbil.", "Saraya Awliya al-Dam", "org"),
    ],
)
def test_actors_facility_words_decide_place_or_group(nlp, text, mention, kind):
    found = _mentions(nlp, text, mention)
    assert found and found[0].entity.kind == kind


def test_actors_a_short_form_defined_by_a_registered_acronym_is_that_group(nlp):
    from factionmap.actors.resolve import resolve_actors
    from factionmap.language.nlp import parse

    doc = parse("Ansar Dine, in league with the Movement for the Liberation of Azawad (MNLA), took Kidal in 2012.")
    ids = {m.entity.id for m in resolve_actors(doc).mentions}
    assert "mnla" in ids and not any(i.startswith("new:") for i in ids)


@pytest.mark.parametrize("text", ["Jihadists overran northern Mali in 2012.",
                                  "The group moved its fighters into Chad in 2015."])
def test_actors_a_country_the_tagger_mislabels_is_a_place_and_its_state(nlp, text):
    from factionmap.actors.resolve import resolve_actors
    from factionmap.language.nlp import parse

    kinds = {m.entity.id.split(":")[0] for m in resolve_actors(parse(text)).mentions}
    assert {"place", "state"} <= kinds and "new" not in kinds


def test_a_lower_case_word_the_tagger_calls_a_place_is_no_place():
    from factionmap.actors.resolve import resolve_actors
    from factionmap.language.nlp import parse

    doc = parse("The group says it does not target mosques.")
    assert not [m for m in resolve_actors(doc).mentions if m.entity.kind == "place"]
