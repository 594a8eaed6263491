"""In-document coreference: descriptors and pronouns resolve to the actor they point back to."""

from __future__ import annotations

import pytest

from factionmap.actors.resolve import resolve_actors


def _resolved(nlp, text, word, nth=0):
    """The entity ids the `nth` token spelled `word` resolves to."""
    doc = nlp(text)
    actors = resolve_actors(doc)
    tokens = [tok for tok in doc if tok.text == word]
    return {m.entity.id for m in actors.at(tokens[nth].i)}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Boko Haram attacked Baga. The group pledged allegiance to the Islamic State in March.", "boko-haram"),
        ("Al-Shabaab fought the Islamic State in Puntland. The group later withdrew.", "al-shabaab"),
        ("The Taliban attacked the Islamic State in Nangarhar. The group said it had killed 20 fighters.",
         "taliban"),
        ("The Haqqani Network works with al-Qaeda. The group is based in North Waziristan.", "haqqani-network"),
    ],
)
def test_coref_the_group_is_the_previous_subject_group(nlp, text, expected):
    assert _resolved(nlp, text, "group") == {expected}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Al-Shabaab bombed a hotel in Mogadishu. The militant group has been active in Somalia since 2006.",
         "al-shabaab"),
    ],
)
def test_coref_the_militant_group_is_the_previous_group(nlp, text, expected):
    assert _resolved(nlp, text, "group") == {expected}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Boko Haram is active in Borno. Its leader, Abubakar Shekau, appeared in a video.", "boko-haram"),
        ("Al-Shabaab is active in Somalia. Its leader, Ahmad Umar, rarely appears in public.", "al-shabaab"),
    ],
)
def test_coref_its_is_the_group(nlp, text, expected):
    assert _resolved(nlp, text, "Its") == {expected}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Al-Qaeda and the Taliban met in Quetta. The two groups are allied.", {"al-qaeda", "taliban"}),
        ("Hamas and Hezbollah have long cooperated. The two groups share an enemy.", {"hamas", "hezbollah"}),
        ("Ansar Dine and al-Murabitun met in Mali. The two groups merged in 2017.",
         {"ansar-dine", "al-mourabitoun"}),
    ],
)
def test_coref_the_two_groups_are_the_coordinated_pair(nlp, text, expected):
    assert _resolved(nlp, text, "groups") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mullah Omar led the Taliban until 2013. Akhtar Mansour became leader in July. "
         "The new leader visited Quetta.", "akhtar-mansour"),
        ("Mullah Omar led the Taliban for years. Akhtar Mansour succeeded Omar in July. "
         "The new leader visited Quetta.", "akhtar-mansour"),
    ],
)
def test_coref_the_new_leader_is_the_last_new_person(nlp, text, expected):
    assert _resolved(nlp, text, "leader", nth=-1) == {expected}


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ('"I will fight the Islamic State," Akhtar Mansour said.', "I", "akhtar-mansour"),
        ('Ayman al-Zawahiri said: "I pledge allegiance to Akhtar Mansour."', "I", "ayman-al-zawahiri"),
        ('"We will never surrender," Abubakar Shekau said in the video.', "We", "abubakar-shekau"),
    ],
)
def test_coref_quoted_first_person_is_the_speaker(nlp, text, word, expected):
    assert _resolved(nlp, text, word) == {expected}


@pytest.mark.parametrize(
    "text, word",
    [
        ("I met Akhtar Mansour in Quetta last year.", "I"),
    ],
)
def test_coref_unquoted_first_person_is_nobody(nlp, text, word):
    assert _resolved(nlp, text, word) == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A commander of al-Murabitun opened talks with AQIM. In 2015 the groups carried out a joint raid.",
         {"al-mourabitoun", "aqim"}),
    ],
)
def test_coref_the_groups_are_the_last_two_named(nlp, text, expected):
    assert _resolved(nlp, text, "groups") == expected


def test_coref_the_groups_with_a_description_do_not_point_back(nlp):
    text = "Hamas met Hezbollah in Beirut. The groups in the north stayed out of the talks."
    assert _resolved(nlp, text, "groups") == set()


@pytest.mark.parametrize(
    "text, word, expected",
    [
        # the helped, not the helper: "backs X in its fight", "support for X in its struggle"
        ("Jordan backs the Iraqi government in its fight against ISIS.", "its", {"iraqi-government"}),
        ("Canada reaffirmed its support for the Iraqi government in its war on ISIS.", "its",
         {"iraqi-government"}),
        ("Denmark stands firm in its support of the Iraqi government and the Syrian Democratic Forces "
         "in their fight against ISIS.", "their", {"iraqi-government", "sdf"}),
    ],
)
def test_coref_possessive_after_someone_helped_is_the_helped(nlp, text, word, expected):
    assert _resolved(nlp, text, word, nth=-1) == expected


def test_unresolved_helped_party_does_not_fall_back_to_the_helper():
    from factionmap.pipeline import extract

    # the ones helped are no actors we know: the fight is not the helper's
    claims = extract("Norway backs the Kurdish government and the tribes in their fight against ISIS.")
    assert not any(c.type == "RIVALRY" for c in claims)


def test_a_fight_with_its_own_possessor_is_not_the_joiners():
    from factionmap.pipeline import extract

    claims = extract("Thousands of Arab tribesmen joined the SDF's fight against the Islamic State.")
    pairs = {(c.args["a"].id, c.args["b"].id) for c in claims if c.type == "RIVALRY"}
    assert ("sdf", "islamic-state") in pairs
