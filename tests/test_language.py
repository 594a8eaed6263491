"""The language stage: registry names become entities carrying the actor id, merged into one token."""

from __future__ import annotations

import pytest

from factionmap.language.nlp import clean_sentence


def _entities(nlp, text):
    return [(ent.text, ent.ent_id_) for ent in nlp(text).ents]


@pytest.mark.parametrize(
    "text, name, actor_id",
    [
        ("Al-Qaeda claimed the attack in Yemen.", "Al-Qaeda", "al-qaeda"),
        ("Fighters loyal to al Qaeda attacked the base.", "al Qaeda", "al-qaeda"),
        ("The leaders of al-Qaida met in secret.", "al-Qaida", "al-qaeda"),
        ("IS militants attacked Ramadi on Sunday.", "IS", "islamic-state"),
        ("The Taliban attacked a checkpoint.", "Taliban", "taliban"),
        ("Abu Bakr al-Baghdadi gave a sermon.", "Abu Bakr al-Baghdadi", "abu-bakr-al-baghdadi"),
    ],
)
def test_language_registry_name_is_entity_with_actor_id(nlp, text, name, actor_id):
    assert (name, actor_id) in _entities(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The road is closed, and the town is quiet.",
        "Is the group weaker now? Analysts say it is.",
    ],
)
def test_language_is_matches_only_uppercase(nlp, text):
    assert all(actor_id != "islamic-state" for _, actor_id in _entities(nlp, text))


@pytest.mark.parametrize(
    "text, name",
    [
        ("Abu Bakr al-Baghdadi leads the Islamic State in Iraq.", "Abu Bakr al-Baghdadi"),
        ("Abu Bakr al-Baghdadi leads the Islamic State in Iraq.", "Islamic State"),
        ("Fighters of al Qaeda in the Arabian Peninsula attacked Mukalla.", "al Qaeda in the Arabian Peninsula"),
    ],
)
def test_language_entity_tokens_are_merged(nlp, text, name):
    doc = nlp(text)
    tokens = [tok for tok in doc if tok.text == name]
    assert len(tokens) == 1
    assert tokens[0].ent_type_


@pytest.mark.parametrize(
    "text",
    ["Al-Shabaab  attacked\ta hotel in Mogadishu.\n\nThe group said  it would  strike again."],
)
def test_language_doc_keeps_the_text_as_given(nlp, text):
    assert nlp(text).text == text


@pytest.mark.parametrize(
    "raw, shown",
    [
        ("  Al-Shabaab  attacked \t a hotel. ", "Al-Shabaab attacked a hotel."),
        ("The Taliban\u00a0 said so.", "The Taliban said so."),
    ],
)
def test_language_clean_sentence_collapses_blanks(raw, shown):
    assert clean_sentence(raw) == shown


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Officials said a new order was issued on Monday.", "new order"),
        ("The national front of the protest moved north.", "national front"),
    ],
)
def test_language_registry_names_in_lower_case_are_ordinary_words(nlp, text, phrase):
    assert not any(t.ent_id_ for t in nlp(text) if phrase.split()[-1] in t.text)


@pytest.mark.parametrize(
    "text, acronym",
    [
        ("Ansaru is a splinter of LeJ.", "LeJ"),
        ("The attack was blamed on JeM.", "JeM"),
    ],
)
def test_language_mixed_case_acronym_ends_a_sentence(nlp, text, acronym):
    doc = nlp(text)
    assert [t.text for t in doc][-2:] == [acronym, "."]
    assert doc[-2].ent_id_  # and the registry knows it


def test_language_abbreviations_keep_their_periods(nlp):
    assert "U.S." in [t.text for t in nlp("They met in the U.S. on Monday.")]


@pytest.mark.parametrize(
    "text, name, prep",
    [
        ("Zawahiri announced the formation of al-Qaeda in the Indian Subcontinent in 2014.",
         "al-Qaeda in the Indian Subcontinent", "of"),
        ("The group pledged allegiance to al-Qaeda in the Arabian Peninsula.", "al-Qaeda in the Arabian Peninsula", "to"),
    ],
)
def test_language_a_name_with_a_preposition_inside_is_the_object(nlp, text, name, prep):
    from factionmap.language.nlp import parse

    doc = parse(text, nlp)
    tok = next(t for t in doc if t.text == name)
    assert tok.dep_ == "pobj" and tok.head.lower_ == prep


@pytest.mark.parametrize(
    "text",
    [
        "According to monitors, IS is responsible for the killing of the commander.",
        "Kurdish fighters pushed IS out of the town.",
    ],
)
def test_language_is_stands_in_as_a_name_for_the_parse(text):
    from factionmap.language.nlp import original_text, parse

    doc = parse(text)
    [tok] = [t for t in doc if t.ent_id_ == "islamic-state"]
    assert tok.pos_ == "PROPN" and tok.dep_ in ("nsubj", "dobj", "pobj")
    assert original_text(doc)[tok.idx:tok.idx + len(tok.text)] == "IS"
    assert original_text(doc) == text


def test_language_is_in_a_line_of_capitals_is_the_word():
    from factionmap.language.nlp import stand_in_spots

    assert stand_in_spots("THE WAR IS NOT OVER, SAYS ENVOY") == []
    assert stand_in_spots("Troops fought IS and AQ near Raqqa.") == [(14, "IS")]


def test_bracketed_and_keeps_the_conjunct_and_every_offset():
    from factionmap.language.nlp import mask_for_parse

    text = "In 2003 the IIB (and the SPIR) was incorporated into the Chechen forces."
    masked = mask_for_parse(text)
    assert len(masked) == len(text)
    assert "(" not in masked and "and the SPIR" in masked
    # a bracket that is no conjunct stays ("(ISIS)" is blanked as an acronym, other brackets kept)
    assert mask_for_parse("The group (based in Mali) attacked.") == "The group (based in Mali) attacked."


def test_bracketed_and_subject_is_coordinated():
    from factionmap.pipeline import extract

    text = "In the late 1990s Hizbul Islam (and the Ras Kamboni Brigades) merged into al-Shabaab."
    parts = {e.id for c in extract(text) if c.type == "MERGER" for e in c.args["parts"]}
    assert "hizbul-islam" in parts and "al-shabaab" in parts
