"""Issue 13, twentieth resolution round (acc13m): causes of the nineteenth pair round's tune misses within one
document, one invented fixture document per case (tests/fixtures/), extracted as a build extracts it; the values
are the fixtures' own."""

from __future__ import annotations

import math

import pytest

from pipeline.resolve import action_kinds
from tests.conftest import fixture_records as records
from tests.conftest import fixture_resolved as resolved

TREATING = "syrian_archive_hospital_struck_while_treating_the_earlier_attacks_victims.md"


def test_the_earlier_attack_whose_victims_a_struck_hospital_treats_is_not_its_action():
    # the people a struck facility was treating, and the earlier attack they came from, are no action of the strike
    assert action_kinds("The hospital was struck by an airstrike while it was treating victims of the earlier chemical "
                        "attack.") == {"fighting", "after_chemical"}
    assert action_kinds("Warplanes targeted the hospital, which had received patients injured by the previous chemical "
                        "attacks.") == {"fighting", "after_chemical"}
    # without "earlier" / "previous" the chemical attack is the statement's own, and so is an attack on the hospital
    assert action_kinds("More than 200 people were injured by the chemical attack.") == {"chemical"}
    assert action_kinds("The Syrian Archive has published an investigation of the previous attack on the hospital.") \
        == {"fighting"}


def test_a_hospital_struck_while_treating_the_chemical_attacks_victims_is_one_strike_told_twice():
    chlorine, treating, hospital = records(TREATING)
    assert (str(chlorine["date"].date()), chlorine["location"], chlorine["_kinds"]) == ("2016-04-12", "Kafr Zaytā",
                                                                                        frozenset({"chemical"}))
    assert (str(treating["date"].date()), treating["section"]) == ("2016-04-12", "Introduction")
    assert treating["_kinds"] == {"fighting", "after_chemical"}
    assert (hospital["section"], hospital["_kinds"]) == ("The hospital", frozenset({"fighting"}))
    out = resolved(TREATING).set_index("text")
    assert out.loc[treating["text"], "event_id"] == out.loc[hospital["text"], "event_id"]
    assert out.loc[chlorine["text"], "event_id"] != out.loc[hospital["text"], "event_id"]
    assert "same facility: hospital" in list(out.loc[treating["text"], "match_evidence"])
    assert any(c.startswith("different_action: ") for c in out.loc[chlorine["text"], "cannot_link"])


DEFINED = "wikipedia_campaign_defined_in_the_lead_and_announced_in_the_body.md"


def test_a_purpose_stated_as_a_noun_is_not_the_action():
    # "with the goal of ... capturing" is what the operation was for, not a capture
    assert action_kinds("The campaign was a military operation launched in March 2017, with the goal of capturing the "
                        "town of Al-Busayrah.") == frozenset()
    assert action_kinds("The SDF captured four villages, with the aim of isolating the town.") == {"capture"}


def test_the_lead_defining_its_campaign_and_the_body_announcing_its_start_are_one_start():
    from pipeline.resolve import subject_phase

    lead, announced = records(DEFINED)
    assert subject_phase(lead["text"], None) == "start"
    assert subject_phase(announced["text"], "Announcement") == "start"
    # a phase's own name is not the article's subject
    assert subject_phase("On 6 June 2017, the SDF announced the start of the Battle of Raqqa city.", "Phase Five") is None
    assert (str(lead["date"].date()), lead["date_precision"], lead["location"]) == ("2017-03-01", "month", "Al Buşayrah")
    assert (str(announced["date"].date()), announced["location"]) == ("2017-03-09", "Ash Shaddādah")
    # the lead names the target, the body where the start was announced: one start, whatever the two places
    out = resolve_article(DEFINED).set_index("text")
    assert out.loc[lead["text"], "event_id"] == out.loc[announced["text"], "event_id"]
    assert out.loc[announced["text"], "match_rule"] == "retold"


def resolve_article(name: str):
    """The mentions of one fixture article resolved as a build resolves an encyclopedia article's."""
    import pandas as pd

    from pipeline.build import MENTION_COLUMNS, resolved_mentions
    from tests.conftest import fixture_mentions

    return resolved_mentions(pd.DataFrame(fixture_mentions(name), columns=MENTION_COLUMNS), articles=frozenset({"d0"}))


def test_an_aim_told_as_its_sentences_subject_is_a_plan_not_a_happening():
    from pipeline.resolve import is_statement

    assert is_statement("The intention was to proceed in two phases, first seizing areas around Raqqa and isolating "
                        "the city.")
    assert is_statement("On 14 May, its goal was to capture the oil town of Al-Sukhnah.")
    # what was done stays a happening, and so does an aim named inside it
    assert not is_statement("The SDF captured Al-Sukhnah, a town whose capture was the goal of the campaign.")
    assert not is_statement("The SDF captured four villages, with the aim of isolating the town.")


def test_a_rejection_is_a_statement_like_a_denial():
    from pipeline.resolve import is_statement

    # values: sentences of this kind in the seeds (a denial of an accusation, a refused proposal)
    assert is_statement("Moscow immediately rejected the allegation.")
    assert is_statement("Turkey rejected accusations it used white phosphorus.")
    assert is_statement("The Pentagon rejects a Russian proposal to stage joint airstrikes against Al-Qaeda linked groups.")
    # the strike it answers stays a happening
    assert not is_statement("On 30 January 2020, Russian air strikes on a hospital and a bakery killed over 10 civilians.")


def test_a_rejected_allegation_is_not_more_of_the_strike_it_answers():
    strike, rejected = records("wikipedia_a_strike_and_its_rejected_allegation.md")
    assert (str(strike["date"].date()), strike["location"], strike["_statement"]) == ("2020-01-30", "Arīḩā", False)
    assert (str(rejected["date"].date()), rejected["date_basis"], rejected["_statement"]) == ("2020-01-30", "inherited", True)
    out = resolved("wikipedia_a_strike_and_its_rejected_allegation.md").set_index("text")
    assert out.loc[strike["text"], "event_id"] != out.loc[rejected["text"], "event_id"]


SEASON = "wikipedia_a_death_summed_up_by_the_season_and_listed_by_the_month.md"


def test_a_death_summed_up_by_the_season_is_the_row_of_the_table_of_the_fallen():
    from pipeline.resolve import _person_names, _year_margin

    season, deployed, hadi, karim = records(SEASON)
    assert (str(season["date"].date()), season["date_precision"]) == ("2014-01-01", "year")
    assert (str(hadi["date"].date()), hadi["date_precision"], hadi["section"]) == ("2014-10-01", "month",
                                                                                   "Notable officer deaths")
    assert _person_names(hadi) == {"hadikazemirostami"} and _person_names(deployed) == set()   # an institution is no person
    # the same person named in full: a year statement meets the row above the threshold plus 0.15; a summing-up
    # that shares only the article's institution and ranks with the rows never does
    assert _year_margin(season, hadi) == pytest.approx(0.15) and _year_margin(deployed, hadi) == math.inf
    assert _year_margin(hadi, karim) == 0.0           # (two month-precision rows: the usual threshold)
    out = resolved(SEASON).set_index("text")
    assert out.loc[season["text"], "event_id"] == out.loc[hadi["text"], "event_id"]
    assert len({out.loc[r["text"], "event_id"] for r in (season, deployed, karim)}) == 3


REVOLT = "wikipedia_a_prison_revolt_and_its_end.md"


def test_a_sentence_naming_the_breakout_before_it_tells_its_end_whatever_follows_in_a_later_clause():
    from pipeline.resolve import refers_to_the_event

    assert refers_to_the_event("The breakout was foiled, and the detainees were subsequently moved to other prisons.")
    assert refers_to_the_event("The uprising was put down peacefully.")
    assert not refers_to_the_event("Another breakout was attempted by ISIL detainees.")
    revolt, foiled, another = records(REVOLT)
    assert (str(revolt["date"].date()), revolt["location"]) == ("2018-05-07", "Al Qāmishlī")
    assert (str(foiled["date"].date()), foiled["date_basis"]) == ("2018-05-07", "inherited")
    assert str(another["date"].date()) == "2018-05-09"
    out = resolved(REVOLT).set_index("text")
    assert out.loc[revolt["text"], "event_id"] == out.loc[foiled["text"], "event_id"]
    assert out.loc[foiled["text"], "match_rule"] == "inherited_date"
    assert out.loc[another["text"], "event_id"] != out.loc[revolt["text"], "event_id"]


STATUE = "wikipedia_a_statue_toppled_told_again_under_its_theme.md"


def test_a_theme_section_tells_a_happening_of_the_body_again():
    from pipeline.resolve import _body_section

    assert not _body_section("Damage to archaeological and cultural sites")
    assert not _body_section("Destruction of the city and heritage") and not _body_section("War crimes")
    assert _body_section("Capture of Jindires") and _body_section("Advance on the Afrin road")
    toppled, shelled, destroyed = records(STATUE)
    assert (toppled["section"], str(toppled["date"].date()), toppled["location"]) == ("Capture of Jindires", "2018-03-12",
                                                                                        "Jindayris")
    assert destroyed["section"] == "Damage to archaeological and cultural sites"
    out = resolve_article(STATUE).set_index("text")
    assert out.loc[toppled["text"], "event_id"] == out.loc[destroyed["text"], "event_id"]
    # two body sections of one day still tell two happenings
    assert out.loc[shelled["text"], "event_id"] != out.loc[toppled["text"], "event_id"]
    assert any(c.startswith("different_section: ") for c in out.loc[shelled["text"], "cannot_link"])


LEAD = "wikipedia_a_lead_date_after_a_relative_clause.md"


def test_a_date_after_a_relative_clause_and_its_main_verb_dates_the_main_clause():
    from pipeline.dates import _main_verb_after

    assert _main_verb_after(" been in place for three years finally ended in ")
    assert _main_verb_after(" lasted four years ended in ")
    # the relative clause's own verb, a participle after an auxiliary or "by": still the relative clause
    assert not _main_verb_after(" been imposed the day before ")
    assert not _main_verb_after(" besieged by ISIL in ")
    began, stalemate, response, closed, counter = records(LEAD)
    assert str(began["date"].date()) == "2013-03-04"
    assert (str(stalemate["date"].date()), stalemate["date_precision"], stalemate["date_basis"]) == ("2016-05-01", "month",
                                                                                                     "stated")
    # the yearless month after it takes the stalemate's year, not the battle's start
    assert (str(response["date"].date()), response["date_precision"]) == ("2016-08-01", "month")
    out = resolved(LEAD).set_index("text")
    assert out.loc[stalemate["text"], "event_id"] == out.loc[closed["text"], "event_id"]
    assert out.loc[response["text"], "event_id"] == out.loc[counter["text"], "event_id"]
