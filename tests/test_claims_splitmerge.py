"""Splits and mergers said through founding and joining verbs, and the text repairs they need."""

from __future__ import annotations

from factionmap.model import Entity


def _splits(claims):
    return {(c.args["splinter"].id if isinstance(c.args.get("splinter"), Entity) else None,
             c.args["parent"].id if isinstance(c.args.get("parent"), Entity) else None)
            for c in claims if c.type == "SPLIT"}


def _foundings(claims):
    return {(c.args["org"].id, c.args["parent"].id if isinstance(c.args.get("parent"), Entity) else None)
            for c in claims if c.type == "FOUNDING"}


# --- a group founded by those who left another is its splinter


def test_group_formed_by_those_who_defected_is_a_splinter(claims_of):
    text = ("The commanders rejected Fazlullah's leadership, defected from the Pakistani Taliban "
            "and eventually formed Jamaat-ul-Ahrar.")
    assert ("jamaat-ul-ahrar", "ttp") in _splits(claims_of(text))


def test_group_founded_after_breaking_away_is_a_splinter(claims_of):
    text = "After breaking away from Boko Haram, Khalid al-Barnawi and his followers founded Ansaru in 2012."
    assert ("ansaru", "boko-haram") in _splits(claims_of(text))


def test_groups_that_left_and_formed_are_no_parent_of_what_they_formed(claims_of):
    # the founders are groups, but they left P: what they formed is P's splinter, not their branch
    text = ("The quarrel led Ahrar al-Sham and Liwa al-Tawhid to defy their allies, defect from the "
            "Islamic Front, and eventually form Jaish al-Fatah.")
    claims = claims_of(text)
    assert ("jaish-al-fatah", "islamic-front-syria") in _splits(claims)
    assert all(parent is None for org, parent in _foundings(claims) if org == "jaish-al-fatah")
    assert not [c for c in claims if c.type == "BRANCH" and c.args["branch"].id == "jaish-al-fatah"]


def test_groups_that_defect_are_no_members_of_the_first_of_them(claims_of):
    text = "In 2014 Ahrar al-Sham and Liwa al-Tawhid defected from the Islamic Front."
    froms = {c.args["from"].id for c in claims_of(text) if c.type == "DEFECTION" and c.args.get("from")}
    assert froms == {"islamic-front-syria"}


def test_leaving_a_place_and_forming_something_is_no_split(claims_of):
    text = "Al-Shabaab left Mogadishu in 2011 and formed new bases in the south."
    assert not _splits(claims_of(text))


def test_breaking_a_siege_and_forming_a_command_is_no_split(claims_of):
    text = "Ahrar al-Sham broke the siege of the town and formed a joint command with Liwa al-Tawhid."
    assert not _splits(claims_of(text))


# --- a group formed out of another's people is its splinter


def test_group_created_from_members_of_another_is_a_splinter(claims_of):
    text = ("Hassan Hattab created the Salafist Group for Preaching and Combat from dissident members "
            "of the Armed Islamic Group.")
    assert ("gspc", "gia") in _splits(claims_of(text))


def test_group_formed_out_of_the_ranks_of_another_is_a_splinter(claims_of):
    text = "The Real IRA was formed out of the ranks of the Provisional IRA in 1997."
    assert ("real-ira", "provisional-ira") in _splits(claims_of(text))


def test_group_formed_with_fighters_from_another_is_no_split(claims_of):
    # fighting alongside another group's fighters is no leaving it
    text = "Jabhat al-Nusra formed a joint operations room with fighters from Ahrar al-Sham."
    assert not _splits(claims_of(text))


def test_group_formed_from_a_merger_is_no_split(claims_of):
    text = "The Islamic Front was formed from the merger of Ahrar al-Sham and Liwa al-Tawhid."
    claims = claims_of(text)
    assert not _splits(claims)
    assert any(c.type == "MERGER" for c in claims)


# --- "re-formed": the hyphenated prefix does not break the verb


def test_re_formed_is_read_as_formed(claims_of):
    text = "In 1986 hardliners re-formed the Continuity IRA from disaffected members of the Provisional IRA."
    claims = claims_of(text)
    assert ("continuity-ira", "provisional-ira") in _splits(claims)
    assert claims[0].evidence[0].text == text  # the evidence is the text as written


def test_re_prefix_in_a_name_is_kept():
    from factionmap.language.nlp import mask_for_parse

    text = "The Alliance for the Re-liberation of Somalia re-formed its wing; a re-count is due."
    masked = mask_for_parse(text)
    assert len(masked) == len(text)
    assert "Re-liberation" in masked and "re-formed" not in masked and " formed its wing" in masked
    assert " count is due" in masked


# --- "the Republic of X": a state's title before a registry name is that name


def test_polity_title_before_a_registry_name_is_one_name(claims_of):
    text = "In 2007 the armed forces of the Republic of Ichkeria were merged into the Caucasus Emirate."
    mergers = [c for c in claims_of(text) if c.type == "MERGER"]
    assert mergers and {"chechen-republic-of-ichkeria", "caucasus-emirate"} <= {
        e.id for c in mergers for e in c.args["parts"]}


def test_a_title_that_is_no_polity_stays_apart():
    from factionmap.actors.resolve import resolve_actors
    from factionmap.language.nlp import parse

    doc = parse("Volunteers from the Friends of Ichkeria society joined the Caucasus Emirate.")
    assert "the Friends of" in [t.text for t in doc]
    ids = {m.entity.id for m in resolve_actors(doc).mentions}
    assert "chechen-republic-of-ichkeria" in ids  # Ichkeria alone, as the tagger left it


# --- "an X splinter group": some group split from X, not X


def test_an_unnamed_splinter_group_is_not_the_group_named_before_it(claims_of):
    text = ("Mullah Dadullah's brother merged his militia with an al-Shabaab splinter group led by "
            "Ahmed Madobe and a Hizbul Islam splinter group to form a new front.")
    claims = claims_of(text)
    assert not [c for c in claims if c.type == "SPLIT"]
    assert not [c for c in claims if c.type == "LEADERSHIP" and c.args["org"].id == "al-shabaab"]


def test_a_named_splinter_group_still_splits_from_the_group_before_it(claims_of):
    text = "Jamaat-ul-Ahrar, a Pakistani Taliban splinter group, claimed the bombing in Lahore."
    assert ("jamaat-ul-ahrar", "ttp") in _splits(claims_of(text))
    text = "In 2014 a Pakistani Taliban splinter group calling itself Jamaat-ul-Ahrar claimed the attack."
    assert ("jamaat-ul-ahrar", "ttp") in _splits(claims_of(text))

