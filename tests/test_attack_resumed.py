"""', an attack claimed by X': a noun that sums up the event before it takes that event's
place, and X claimed it; 'a four-day siege' says how long, not when."""

from __future__ import annotations


def _attacks(claims):
    return [c for c in claims if c.type == "ATTACK"]


def test_attack_summing_up_a_siege_takes_its_place_and_claimant(claims_of):
    text = ("Police said on Sunday that troops had ended a long siege at a hotel in Mogadishu, "
            "an attack claimed by al-Shabaab.")
    found = [(c.args["perpetrator"].id, c.args["place"].name, c.args["claimed"]) for c in _attacks(claims_of(text))]
    assert ("al-shabaab", "Mogadishu", True) in found


def test_attack_summing_up_a_verb_merges_with_it(claims_of):
    text = "Gunmen stormed a hotel in Mogadishu on Friday, an attack claimed by al-Shabaab."
    found = _attacks(claims_of(text))
    assert [(c.args["perpetrator"].id, c.args["place"].name, c.args["claimed"]) for c in found] == [
        ("al-shabaab", "Mogadishu", True)]


def test_attack_named_without_a_place_before_it_has_none(claims_of):
    # no place before the comma: nothing to sum up, no attack place guessed
    text = "Police said on Sunday that troops had ended the siege, an attack claimed by al-Shabaab."
    assert _attacks(claims_of(text)) == []


def test_attack_blamed_on_a_group_is_not_claimed(claims_of):
    text = "Gunmen stormed a hotel in Mogadishu on Friday, an attack blamed on al-Shabaab."
    assert all(c.args.get("claimed") is not True for c in _attacks(claims_of(text)))


def test_a_duration_is_not_the_time_of_the_event(claims_of):
    for text in ("Al-Shabaab has waged a decade-long insurgency against the Somali government.",
                 "Al-Shabaab has waged a two-year insurgency against the Somali government."):
        rivalries = [c for c in claims_of(text) if c.type == "RIVALRY"]
        assert rivalries and all(c.time.text is None for c in rivalries)


def test_a_date_is_still_the_time_of_the_event(claims_of):
    text = "Al-Shabaab launched an insurgency against the Somali government in 2007."
    assert [c.time.start for c in claims_of(text) if c.type == "RIVALRY"] == ["2007"]


# -- 'in X, where G attacked Y': the attack happened in X ----------------------------------


def test_attack_in_a_where_clause_happened_in_the_place_it_describes(claims_of):
    text = "Al-Shabaab remains strong in Lower Shabelle, where it often attacks army convoys."
    found = [(c.args["perpetrator"].id, c.args["place"].name) for c in _attacks(claims_of(text))]
    assert found == [("al-shabaab", "Lower Shabelle")]


def test_attack_where_clause_of_another_verb_is_not_the_attack_place(claims_of):
    # the 'where' clause describes the road's end, not the attack
    text = "The Taliban attacked a convoy on the road to Kandahar, where Afghan troops were based."
    assert all(c.args["place"].name != "Kandahar" for c in _attacks(claims_of(text)))
