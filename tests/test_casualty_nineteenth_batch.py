"""Casualty figures of the forms the nineteenth labelled batch showed (issue 9): a count reported by a
named source "to have been killed", "more" before adjectives and the person noun, the victims' unit
before their names, a place between a toll and its wounded, a count compared with an earlier one, a
part of the count before ("These included ..."), demonyms as people, a group's volunteers. One
invented sentence per case; each test asserts the rows' real values."""

from __future__ import annotations

from pipeline.casualties import extract_figures


def rows(sentence: str, context: str = "") -> list[tuple]:
    return [(f.number_text, f.count_low, f.count_high, f.outcome, f.victim_group, f.scope)
            for f in extract_figures(sentence, context=context)]


def test_reported_by_a_source_to_have_been_killed():
    assert rows("On 12 May, two officers were reported by state media to have been killed in Hama.") == [
        ("two", 2, 2, "killed", "soldiers", "incident")]


def test_more_before_adjectives_and_the_person_noun():
    assert rows("On 12 May, three more senior commanders were killed near Hama.") == [
        ("three", 3, 3, "killed", "soldiers", "incident")]


def test_the_victims_unit_then_their_names_in_apposition():
    assert rows("On 12 May, two commanders of the Republican Guard, John Doe and Jim Roe, were killed.") == [
        ("two", 2, 2, "killed", "soldiers", "incident")]


def test_a_place_between_a_toll_and_its_wounded_shares_the_victims():
    assert rows("The army lost 300 soldiers in Hama and 900 wounded.") == [
        ("300", 300, 300, "killed", "soldiers", "incident"),
        ("900", 900, 900, "injured", "soldiers", "incident")]


def test_an_active_verb_of_the_other_outcome_after_a_place_shares_the_victims():
    assert rows("Militants killed 20 soldiers in the town and wounded 30.") == [
        ("20", 20, 20, "killed", "soldiers", "incident"),
        ("30", 30, 30, "injured", "soldiers", "incident")]


def test_after_a_bracketed_breakdown_the_other_outcome_is_of_the_whole():
    assert rows("Jets struck the base, killing 16 people (including 9 militiamen) and wounding 21.") == [
        ("16", 16, 16, "killed", "people", "incident"),
        ("9", 9, 9, "killed", "militants", "incident"),
        ("21", 21, 21, "injured", "people", "incident")]


def test_a_count_compared_with_an_earlier_count_is_a_running_total_of_the_same_victims():
    assert rows("In May 2016, the government announced the deaths of 700 of its soldiers, a sharp rise from "
                "the 300 deaths announced earlier.") == [
        ("700", 700, 700, "killed", "soldiers", "cumulative"),
        ("300", 300, 300, "killed", "soldiers", "cumulative")]


def test_these_included_counts_a_part_of_the_toll_before():
    assert rows("These included 41 officers and several generals.",
                context="From 2013 to 2016, the army lost 900 soldiers in the province.") == [
        ("41", 41, 41, "killed", "soldiers", "cumulative"),
        ("several", None, None, "killed", "soldiers", "cumulative")]


def test_these_included_without_a_toll_before_is_no_figure():
    assert rows("These included 41 officers and several generals.",
                context="The army sent 900 soldiers to the province.") == []


def test_demonyms_coordinated_among_the_dead_are_people():
    assert rows("Among the dead were 20 Afghans and at least 16 Pakistanis.") == [
        ("20", 20, 20, "killed", "people", "incident"),
        ("at least 16", 16, None, "killed", "people", "incident")]


def test_a_groups_volunteers_are_its_fighters():
    assert rows("Two foreign YPG volunteers were killed in the city.") == [
        ("Two", 2, 2, "killed", "militants", "incident")]


def test_a_sides_heavy_losses_then_a_count_of_them_are_that_sides():
    assert rows("The rebels suffered heavy losses, with 200 killed in the assault.") == [
        ("200", 200, 200, "killed", "militants", "incident")]


def test_the_bracketed_breakdown_of_a_count_of_casualties_shares_its_victims():
    assert rows("These militias incurred heavy losses, with one brigade reporting over 900 casualties "
                "(200 killed, 700 wounded) by January 2018.") == [
        ("over 900", 900, None, "casualties", "militants", "cumulative"),
        ("200", 200, 200, "killed", "militants", "cumulative"),
        ("700", 700, 700, "injured", "militants", "cumulative")]


def test_people_who_went_where_they_were_killed_in_recent_years_are_a_running_total():
    assert rows('In March 2019, an officer stated that 1,300 Iranians "went to Syria where they were martyred '
                'in recent years."') == [("1,300", 1300, 1300, "killed", "people", "cumulative")]


def test_people_who_fled_where_they_were_registered_are_no_figure():
    assert rows("In May 2016, 300 people fled to Turkey, where they were registered.") == []
