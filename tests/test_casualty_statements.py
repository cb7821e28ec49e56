"""Casualty figures as stated (issue 9, item 4): one rule per case, each with a real sentence.

Sentences marked ``corpus`` are verbatim from ``seeds/`` (mostly ``seeds/corpus/``) (checked by
``test_corpus_sentences_are_verbatim``); the few marked ``invented`` cover a form the corpus
lacks, written as the issue states it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.casualties import extract_figures, parse_count
from tests.conftest import fixture_figures as document_figures

SEEDS = Path(__file__).resolve().parents[1] / "seeds"  # the seeds and seeds/corpus/


def rows(sentence: str) -> list[tuple]:
    return [
        (f.number_text, f.outcome, f.count_low, f.count_high, f.victim_group, f.scope)
        for f in extract_figures(sentence)
    ]


CASES = [
    # "killed or wounded N" counts the dead and the wounded together
    ("corpus", "killed-or-wounded-active",
     "One knowledgeable official estimates that the CIA-backed fighters may have killed or "
     "wounded 100,000 Syrian soldiers and their allies over the past four years.",
     [("100,000", "casualties", 100000, 100000, "soldiers", "cumulative")]),
    ("corpus", "either-killed-or-wounded-passive",
     "Later in the day, the SOHR reported that at least 12 Turkish border guards were either "
     "killed or wounded in a confrontation with the SDF in Kobanî.",
     [("at least 12", "casualties", 12, None, "soldiers", "incident")]),
    ("corpus", "killed-and-injured-vague",
     'The UN High Commissioner for Human Rights Zeid Ra’ad Al Hussein said of the capture: "In '
     "the city of Afrin, which was captured by Turkish forces yesterday, scores of civilians have "
     "been killed and injured due to airstrikes, ground-based strikes, and explosive hazards, and "
     "thousands have been displaced.",
     [("scores", "casualties", None, None, "civilians", "incident")]),
    ("corpus", "deaths-and-injuries-noun-not-many-of-the-injured",
     "The airstrike - which shocked us while we were asleep - resulted in dozens of deaths and "
     "injuries among patients and medical personnel as well; many of the injured were "
     "transferred to nearby medical centres.",
     [("dozens", "casualties", None, None, "people", "incident")]),
    # a bare count coordinated with a figure shares its victims
    ("invented", "fighters-killed-and-bare-wounded",
     "About 1,200 fighters were killed and 90 wounded in the battle.",
     [("About 1,200", "killed", 1200, 1200, "militants", "incident"),
      ("90", "injured", 90, 90, "militants", "incident")]),
    # "U.S." is one word of the noun phrase, and its dot ends no clause; "A from X and B were
    # killed" coordinates A and B
    ("corpus", "us-abbreviation-in-noun-phrase",
     "An apparent ambush in Niger near the Malian border leaves three U.S. Special Forces "
     "soldiers and five Nigerien soldiers dead during a joint patrol.",
     [("three", "killed", 3, 3, "soldiers", "incident"),
      ("five", "killed", 5, 5, "soldiers", "incident")]),
    ("corpus", "coordinated-counts-after-a-complement",
     "Five soldiers from Niger and three U.S. Army Special Forces troops were killed and two "
     "wounded in an ambush on a joint patrol in southwest Niger on Wednesday, according to "
     "Nigerien and U.S. officials.",
     [("Five", "killed", 5, 5, "soldiers", "incident"),
      ("three", "killed", 3, 3, "soldiers", "incident"),
      ("two", "injured", 2, 2, "soldiers", "incident")]),
    # a count in quotes
    ("corpus", "killing-quoted-dozens",
     "and the US Central Command (CENTCOM) claimed responsibility for the strike, saying it "
     'targeted "an Al Qaeda in Syria meeting location," killing "dozens of core al Qaeda '
     'terrorists" after extensive surveillance.',
     [("dozens", "killed", None, None, "militants", "incident")]),
    ("invented", "killing-quoted-word-alone",
     'The strike hit the market, killing "dozens" of people.',
     [("dozens", "killed", None, None, "people", "incident")]),
    # names recorded of N killed
    ("invented", "recorded-the-names-of",
     "The network recorded the names of 17 civilians killed in the strike.",
     [("17", "killed", 17, 17, "civilians", "incident")]),
    # a definite singular person is one person
    ("corpus", "the-pilot-was-killed",
     "The pilot was shot and killed by Syrian rebels while descending by parachute, and the "
     "weapon systems officer was later rescued by Russian forces.",
     [("The pilot", "killed", 1, 1, "soldiers", "incident")]),
    # "one" after a preposition + which is a count ("in which one person")
    ("corpus", "in-which-one-person",
     "On 7 August an incident in which one person was reported wounded occurred in Al-Mashhad "
     "district, Aleppo.",
     [("one", "injured", 1, 1, "people", "incident")]),
    # header fields; casualties set against injured are the dead; unqualified victims are people
    ("corpus", "header-fields-casualties-and-injured",
     "*Location: IDLIB : Heish\\ Hospital: The health center in the town of Heish\\ Date: 7 April "
     "2017\\ Time: 04:15\\ Attacks: 10+ airstrikes\\ Reported casualties: 10\\ Reported injured: "
     "10\\ Munitions identified: Not available\\ Alleged perpetrator: Russian or Syrian air force*",
     [("10", "killed", 10, 10, "people", "incident"),
      ("10", "injured", 10, 10, "people", "incident")]),
    ("corpus", "casualties-against-injured-in-prose",
     'At 00:05 in the video, he states: "The Russian airstrikes targeted civilian houses in Heish '
     'town and resulted in 8 casualties and more than 10 injured.',
     [("8", "killed", 8, 8, "people", "incident"),
      ("more than 10", "injured", 10, None, "people", "incident")]),
    # totals over a period or a war are cumulative
    ("corpus", "during-the-rebel-siege",
     " * Between 27 April and 5 July 2013, during the rebel siege of the Aleppo Central Prison "
     "more than 120 prisoners were killed.",
     [("more than 120", "killed", 120, None, "people", "cumulative")]),
    ("invented", "during-the-two-year-blockade",
     "Some 300 people died of hunger during the two-year blockade.",
     [("Some 300", "killed", 300, 300, "people", "cumulative")]),
    ("invented", "since-a-month-without-year",
     "Since September, 400 civilians have been killed in the province.",
     [("400", "killed", 400, 400, "civilians", "cumulative")]),
    ("corpus", "by-month-year",
     "The pro-Turkish Afrin Civil Council later stated that mines had killed about 250 civilians "
     "in Afrin city by May 2018, though this was not independently verifiable.",
     [("about 250", "killed", 250, 250, "civilians", "cumulative")]),
    ("corpus", "during-the-war",
     "Many Russian soldiers have died during the war.",
     [("Many", "killed", None, None, "soldiers", "cumulative")]),
    # leftover wiki markup is not a figure
    ("invented", "wiki-category-residue",
     "Conflicts in 2017 with 100–999 deaths ]]",
     []),
    ("invented", "wiki-link-text-is-prose",  # shortened from wp_war_against_the_islamic_state
     "The same day, Turkey allowed the United States to use İncirlik and Diyarbakır air bases, "
     "and after [[#Elbeyli incident|an alleged ISIL attack on a Turkish border outpost in Kilis "
     "Province killing one Turkish soldier]].",
     [("one", "killed", 1, 1, "soldiers", "incident")]),
    # a whole war's toll with no period phrase is cumulative
    ("corpus", "whole-war-toll-died-in-the-conflict",
     "On 20 August 2014, a new U.N. study concluded that at least 191,369 people have died in the "
     "Syrian conflict.",
     [("at least 191,369", "killed", 191369, None, "people", "cumulative")]),
    ("corpus", "whole-war-toll-killed-covering-the-war",
     "At least 70 journalists have been killed covering the Syrian war, and more than 80 kidnapped, "
     "according to the Committee to Protect Journalists.",
     [("At least 70", "killed", 70, None, "civilians", "cumulative")]),
    # two modifiers of one head noun: "Syrian Army and allied troops" are soldiers
    ("corpus", "coordinated-modifiers-one-head-noun",
     "The United States claimed that some attacks were accidental, such as the September 2016 "
     "Deir ez-Zor air raid, which killed 50 Syrian Army and allied troops.",
     [("50", "killed", 50, 50, "soldiers", "incident")]),
]


@pytest.mark.parametrize("origin, case_id, sentence, expected",
                         [pytest.param(*c, id=c[1]) for c in CASES])
def test_casualty_statement(origin, case_id, sentence, expected):
    assert rows(sentence) == expected


def _folded(text: str) -> str:
    return " ".join(text.replace("\\", " ").split())


def test_corpus_sentences_are_verbatim():
    corpus = _folded("\n".join(p.read_text(encoding="utf-8") for p in sorted(p for p in SEEDS.rglob("*") if p.suffix in (".md", ".txt"))))
    missing = [c[1] for c in CASES
               if c[0] == "corpus" and _folded(c[2].strip().strip("*")).rstrip(".") not in corpus.replace("*", "")]
    assert missing == []


def test_the_pilot_parses_as_one():
    assert parse_count("The pilot") == (1, 1, "exact")
    assert parse_count("the Russian pilot") == (1, 1, "exact")


# --- fixture documents: figures as the build extracts them --------------------------------------





def test_whole_war_toll_without_a_period_phrase_is_cumulative():
    # "have been killed" with a count of tens of thousands, "the Syrian civil war has killed",
    # "have died in the Syrian conflict": totals of the war; an attack "of the war", an airstrike
    # and a small count in the perfect stay incidents
    assert document_figures("whole_war_total_without_period.md") == [
        ("More than 250,000", 250000, None, "killed", "people", "cumulative"),
        ("at least 5,000", 5000, None, "killed", "children", "cumulative"),
        ("At least 40", 40, None, "killed", "civilians", "cumulative"),
        ("300", 300, 300, "killed", "people", "incident"),
        ("12", 12, 12, "killed", "civilians", "incident"),
        ("Two", 2, 2, "killed", "people", "incident"),
    ]


def test_coordinated_modifiers_of_one_head_noun_take_its_group():
    assert document_figures("coordinated_modifiers_one_head_noun.md") == [
        ("62", 62, 62, "killed", "soldiers", "incident"),
        ("7", 7, 7, "killed", "militants", "incident"),
    ]


def test_header_casualties_field_with_a_noun_beside_an_injured_field_counts_the_dead():
    # "Reported casualties: 4 nurses\ Reported injured: not available": the field's own count and
    # noun (not the next field's "injured"); casualties beside an injured field are the dead
    assert document_figures("header_casualties_with_noun_beside_injured_field.md") == [
        ("4", 4, 4, "killed", "civilians", "incident"),
    ]


def test_casualty_word_before_the_person_noun():
    # "15 dead rebels", "three wounded soldiers": the group of the noun, the outcome of the word
    assert document_figures("casualty_adjective_before_person_noun.md") == [
        ("15", 15, 15, "killed", "militants", "incident"),
        ("three", 3, 3, "injured", "soldiers", "incident"),
    ]


def test_injured_and_casualties_together_are_casualties():
    assert document_figures("injured_and_casualties_together.md") == [
        ("many", None, None, "casualties", "people", "incident"),
        ("dozens", None, None, "casualties", "people", "incident"),
    ]


def test_count_right_after_a_day_and_month_is_a_count():
    # "On 28 February 4 rebel fighters": the month has its day, so 4 is the count, while in
    # "On March 2 gunmen" 2 is the day (no figure "2 gunmen")
    assert document_figures("count_right_after_day_and_month.md") == [
        ("33", 33, 33, "killed", "soldiers", "incident"),
        ("4", 4, 4, "killed", "militants", "incident"),
        ("6", 6, 6, "killed", "civilians", "incident"),
    ]


def test_victims_beside_a_named_one_and_coordinated_participles():
    # "was killed in a U.S. drone strike along with 5 others": 5 killed; "were targeted and
    # killed": killed; "arrested along with 12 fighters" holds no casualty
    assert document_figures("victims_beside_a_named_one_and_coordinated_participles.md") == [
        ("5", 5, 5, "killed", "people", "incident"),
        ("three", 3, 3, "killed", "militants", "incident"),
    ]


def test_others_are_of_the_whole_count_not_of_its_breakdown():
    # "kill at least 40 civilians, including 9 children, and injure dozens more": the injured
    # are civilians (the whole count), not children (its breakdown)
    assert document_figures("others_of_the_whole_count_not_its_breakdown.md") == [
        ("at least 40", 40, None, "killed", "civilians", "incident"),
        ("9", 9, 9, "killed", "children", "incident"),
        ("dozens", None, None, "injured", "civilians", "incident"),
    ]


def test_active_casualty_verb_before_a_definite_person_is_one():
    # "also killing its pilot" is one person, as "the pilot was killed" is
    assert document_figures("active_verb_before_a_definite_person.md") == [
        ("its pilot", 1, 1, "killed", "soldiers", "incident"),
    ]
    assert parse_count("its pilot") == (1, 1, "exact")


def test_acronym_before_the_person_noun_is_a_name_not_a_verb():
    # "more than 10 IS fighters": "IS" is the Islamic State, not the verb "is"
    assert document_figures("acronym_before_person_noun.md") == [
        ("more than 10", 10, None, "killed", "militants", "incident"),
    ]


def test_citizens_protesters_paramedics_and_bodyguards_are_victims():
    assert document_figures("more_person_nouns.md") == [
        ("a", 1, 1, "killed", "people", "incident"),
        ("three", 3, 3, "killed", "civilians", "incident"),
        ("two", 2, 2, "killed", "civilians", "incident"),
        ("the commander", 1, 1, "killed", "soldiers", "incident"),
        ("three", 3, 3, "killed", "people", "incident"),
    ]


def test_a_second_count_of_visitors_after_a_count_from_the_staff():
    # "injured four from the medical staff and three visitors": both counts are of the injured
    assert document_figures("second_count_of_visitors_after_a_count_of_staff.md") == [
        ("four", 4, 4, "injured", "people", "incident"),
        ("three", 3, 3, "injured", "civilians", "incident"),
    ]


def test_one_before_a_singular_casualty_noun_is_one_victim():
    # "resulted in one casualty": one victim; "one casualty report" is a report, not a victim
    assert document_figures("one_casualty_singular_noun.md") == [
        ("one", 1, 1, "casualties", "people", "incident"),
    ]


def test_a_running_total_brought_to_a_count_is_cumulative():
    # the sentence's own 23 is the incident; the total it brings the executions to is cumulative
    assert document_figures("running_total_brought_to.md") == [
        ("23", 23, 23, "killed", "soldiers", "incident"),
        ("40", 40, 40, "killed", "soldiers", "cumulative"),
    ]


def test_a_list_of_counts_shares_its_one_passive_casualty_word():
    assert document_figures("list_of_counts_to_one_passive.md") == [
        ("40", 40, 40, "killed", "militants", "cumulative"),
        ("25", 25, 25, "killed", "militants", "cumulative"),
        ("12", 12, 12, "killed", "civilians", "cumulative"),
    ]


def test_victims_set_against_a_count_of_wounded_are_the_dead():
    # "four victims and nine wounded": "wounded" is the nine's own word; victims are casualties,
    # set against the injured: killed
    assert document_figures("victims_set_against_wounded.md") == [
        ("four", 4, 4, "killed", "people", "incident"),
        ("nine", 9, 9, "injured", "people", "incident"),
        ("three", 3, 3, "killed", "people", "incident"),
        ("a number of", None, None, "injured", "people", "incident"),
    ]


def test_an_aside_one_of_them_stands_between_the_count_and_its_passive():
    assert document_figures("aside_one_of_them.md") == [("three", 3, 3, "killed", "militants", "incident")]


def test_casualties_on_a_group_take_its_victim_group():
    assert document_figures("casualties_on_the_rebels.md") == [("heavy", None, None, "casualties", "militants", "incident")]


def test_more_before_a_person_noun_keeps_the_noun():
    assert document_figures("more_before_person_noun.md") == [("three", 3, 3, "killed", "civilians", "incident")]


def test_another_dozen_is_twelve_of_the_same_victims():
    assert document_figures("another_dozen_wounded.md") == [
        ("at least 30", 30, None, "killed", "militants", "incident"),
        ("another dozen", 12, 12, "injured", "militants", "incident"),
    ]


def test_an_editorial_insertion_in_a_quote_reads_as_its_words():
    assert document_figures("editorial_insertion_in_quote.md") == [
        ("six", 6, 6, "killed", "people", "incident"),
        ("many", None, None, "injured", "people", "incident"),
    ]


def test_a_passive_casualty_word_followed_by_a_span_of_time():
    # "was killed three hours later": the count of hours is not the verb's object
    assert document_figures("passive_then_time_span.md") == [("A", 1, 1, "killed", "children", "incident")]


def test_combatants_and_leaders_are_victims_of_their_side():
    assert document_figures("combatants_and_leaders.md") == [
        ("five", 5, 5, "killed", "militants", "incident"),
        ("several", None, None, "killed", "militants", "incident"),
    ]


def test_media_and_medical_personnel_are_civilians():
    assert document_figures("civilian_profession_modifiers.md") == [
        ("Three", 3, 3, "injured", "civilians", "incident"),
        ("several", None, None, "injured", "civilians", "incident"),
    ]


def test_a_present_tense_die_and_members_of_the_crew():
    # current-events headlines are in the present ("die"); "members of the crew" are the crew
    assert document_figures("present_tense_die_members_of_the_crew.md") == [
        ("four", 4, 4, "killed", "soldiers", "incident"),
    ]


def test_a_tally_put_at_a_count():
    # "put the number of killed in the town at 120" is a figure; "as of 25 May" makes it cumulative
    assert document_figures("tally_put_the_number_at.md") == [
        ("120", 120, 120, "killed", "people", "incident"),
        ("300", 300, 300, "killed", "people", "incident"),
        ("350", 350, 350, "killed", "people", "cumulative"),
    ]


def test_an_army_a_range_with_up_to_and_a_part_of_them():
    assert document_figures("army_range_up_to_part_of_them.md") == [
        ("60", 60, 60, "killed", "soldiers", "incident"),
        ("30", 30, 30, "killed", "militants", "incident"),
        ("20", 20, 20, "killed", "civilians", "incident"),
        ("eight", 8, 8, "killed", "children", "incident"),
        ("between 100 and up to 200", 100, 200, "killed", "soldiers", "incident"),
    ]


def test_count_or_count_is_a_range():
    # "five or six soldiers" is 5 to 6 (not 6 alone)
    assert document_figures("count_or_count_is_a_range.md") == [
        ("five or six", 5, 6, "killed", "soldiers", "incident"),
        ("seven", 7, 7, "injured", "soldiers", "incident"),
    ]


def test_bodies_recovered_are_the_dead():
    # a count of bodies is a count of the dead, its breakdown ("including five children") too
    assert document_figures("bodies_recovered_are_the_dead.md") == [
        ("Thirty-eight", 38, 38, "killed", "people", "incident"),
        ("five", 5, 5, "killed", "children", "incident"),
    ]


def test_a_relative_clause_between_the_count_and_its_casualty_word():
    # ", who had attempted to cross the ceasefire line," holds no casualty word: "were killed" is
    # the count's
    assert document_figures("relative_clause_between_count_and_verb.md") == [
        ("at least two", 2, None, "killed", "militants", "incident"),
    ]


def test_bodies_that_are_organisations_are_not_the_dead():
    # corpus (seeds/): "criticised by numerous international bodies" names organisations; a count of
    # bodies is the dead only where they are recovered, found, buried ...
    assert rows("The Russian campaign has been criticised by numerous international bodies for "
                "indiscriminate attacks.") == []
    assert rows("Ten bodies were not identified, Human Rights Watch writes.") == [
        ("Ten", "killed", 10, 10, "people", "incident")]


def test_many_strikes_on_one_stated_day_are_one_incident():
    # ten or more strikes make a count cumulative, but not on one stated day
    assert document_figures("strikes_of_one_day_are_one_incident.md") == [
        ("26", 26, 26, "killed", "people", "incident"),
        ("14", 14, 14, "killed", "soldiers", "incident"),
        ("12", 12, 12, "killed", "soldiers", "incident"),
        ("300", 300, 300, "killed", "civilians", "cumulative"),
    ]


def test_fighters_lost_and_bodies_of_are_the_dead():
    # "had lost over 35 fighters" counts the dead (villages lost are no figure); "the bodies of at
    # least 131 executed rebels" too
    assert document_figures("lost_fighters_and_bodies_of.md") == [
        ("over 35", 35, None, "killed", "militants", "incident"),
        ("at least 131", 131, None, "killed", "militants", "incident"),
    ]


def test_a_header_field_count_followed_by_its_own_casualty_word():
    # "Reported killed: One killed (name)", "Reported injured: One injured was standing ..."
    assert document_figures("header_field_count_then_its_word.md") == [
        ("One", 1, 1, "killed", "people", "incident"),
        ("One", 1, 1, "injured", "people", "incident"),
    ]


def test_a_toll_between_two_months_of_different_years_is_cumulative():
    assert document_figures("toll_between_months_of_two_years.md") == [
        ("more than 63", 63, None, "killed", "civilians", "cumulative"),
        ("32", 32, 32, "killed", "civilians", "cumulative"),
    ]


def test_a_place_noun_before_a_person_noun_and_digits_repeating_a_count():
    # "school students" are students (not a school), "three (3) children" are children
    assert document_figures("place_noun_before_person_and_repeated_digits.md") == [
        ("Nine", 9, 9, "killed", "civilians", "incident"),
        ("three", 3, 3, "injured", "children", "incident"),
    ]


def test_at_least_one_keeps_its_open_upper_bound():
    # "at least one person": one is the lower bound, not an exact count
    assert document_figures("at_least_one_keeps_open_bound.md") == [
        ("at least one", 1, None, "killed", "people", "incident"),
        ("six", 6, 6, "injured", "people", "incident"),
        ("At least one", 1, None, "killed", "militants", "incident"),
        ("more than 12", 12, None, "injured", "militants", "incident"),
    ]


def test_bracketed_acronym_attackers_guards_and_assassinations():
    # "9 Qamishli Security Council (QSC) fighters" keeps its head noun; attackers and assailants
    # are militants; a border guard is a soldier; "were assassinated" is killed; "one assailant
    # was captured" has its own verb and is no casualty figure; "including a local council
    # member" is the breakdown of the four
    assert document_figures("bracketed_acronym_and_attackers.md") == [
        ("9", 9, 9, "killed", "militants", "incident"),
        ("two", 2, 2, "killed", "soldiers", "incident"),
        ("Seven", 7, 7, "killed", "militants", "incident"),
        ("A", 1, 1, "killed", "soldiers", "incident"),
        ("Four", 4, 4, "killed", "people", "incident"),
        ("a", 1, 1, "killed", "people", "incident"),
    ]


def test_part_of_them_takes_the_group_named_before():
    # "drove a car bomb into the positions of the soldiers, killing 8 of them"
    assert document_figures("part_of_them_takes_the_named_group.md") == [
        ("8", 8, 8, "killed", "soldiers", "incident"),
    ]


def test_toll_of_a_named_operation_or_a_whole_year_is_cumulative():
    # "during 2016 Operation Euphrates Shield" and "In 2020, 31 ... were killed": totals over a
    # campaign or a year; "In 2020, an airstrike ... killed 12" names its incident
    assert document_figures("toll_of_a_year_or_a_named_operation.md") == [
        ("42", 42, 42, "killed", "soldiers", "cumulative"),
        ("5", 5, 5, "killed", "soldiers", "cumulative"),
        ("31", 31, 31, "killed", "soldiers", "cumulative"),
        ("12", 12, 12, "killed", "children", "incident"),
    ]


def test_bare_count_takes_the_noun_of_the_count_after_it():
    # "killing 2 and injuring 15 of the militia fighters": both are fighters; "killed 4 and
    # wounded 9" names nobody: people
    assert document_figures("bare_count_then_count_with_noun.md") == [
        ("2", 2, 2, "killed", "militants", "incident"),
        ("15", 15, 15, "injured", "militants", "incident"),
        ("4", 4, 4, "killed", "people", "incident"),
        ("9", 9, 9, "injured", "people", "incident"),
    ]


def test_one_patient_or_nurse_is_one_person_and_a_compound_takes_its_first_group():
    # "One women patient": the head noun is "patient" (singular, so "One" counts it), the group
    # the first noun's; a singular profession ("One nurse") is a civilian
    assert document_figures("singular_patient_and_nurse.md") == [
        ("One", 1, 1, "killed", "women", "incident"),
        ("One", 1, 1, "injured", "civilians", "incident"),
    ]


def test_the_outcome_as_the_subject_of_included_or_were():
    # "Injured included the medical staff of the hospital and 10 civilians", "Among the dead were
    # two medics"
    assert document_figures("outcome_as_the_subject_of_included.md") == [
        ("10", 10, 10, "injured", "civilians", "incident"),
        ("two", 2, 2, "killed", "civilians", "incident"),
    ]


def test_martyrs_in_a_translated_witness_statement_are_the_dead():
    assert document_figures("martyrs_in_a_witness_statement.md") == [
        ("15", 15, 15, "injured", "people", "incident"),
        ("3", 3, 3, "killed", "people", "incident"),
        ("Two", 2, 2, "killed", "children", "incident"),
    ]


def test_bare_count_opening_the_next_clause_shares_the_victims():
    # "..., while 33 were wounded": a count with no noun of its own, after the rest of the first
    # figure's clause, counts the same soldiers' wounded; a count with its own noun keeps it
    assert document_figures("bare_count_of_the_next_clause_shares_victims.md") == [
        ("16", 16, 16, "killed", "soldiers", "incident"),
        ("33", 33, 33, "injured", "soldiers", "incident"),
        ("two", 2, 2, "killed", "soldiers", "incident"),
        ("five", 5, 5, "injured", "civilians", "incident"),
    ]


def test_another_count_with_its_own_casualty_word_is_of_the_same_victims():
    # "with another 23 killed": "another" refers to the civilians counted before; "another eight
    # wounded" after "eight people, including four children," to the people, not the children
    assert document_figures("another_count_with_its_own_casualty_word.md") == [
        ("72", 72, 72, "killed", "civilians", "incident"),
        ("23", 23, 23, "killed", "civilians", "incident"),
        ("at least eight", 8, None, "killed", "people", "incident"),
        ("four", 4, 4, "killed", "children", "incident"),
        ("eight", 8, 8, "injured", "people", "incident"),
    ]


def test_casualties_or_deaths_rising_to_a_count():
    # "with casualties rising to at least 68", "deaths rose to 12 soldiers": the count the toll rose to
    assert document_figures("casualties_rising_to.md") == [
        ("over 50", 50, None, "killed", "people", "incident"),
        ("70", 70, 70, "injured", "people", "incident"),
        ("at least 68", 68, None, "casualties", "people", "incident"),
        ("12", 12, 12, "killed", "soldiers", "incident"),
    ]


def test_two_definite_persons_coordinated_are_one_victim_each():
    # "The pilot and his co-pilot were killed": each definite singular person is one victim; two
    # who "ejected safely" are no figure
    assert document_figures("two_definite_persons_coordinated.md") == [
        ("The pilot", 1, 1, "killed", "soldiers", "incident"),
        ("his co-pilot", 1, 1, "killed", "soldiers", "incident"),
    ]


def test_names_in_apposition_and_a_dated_list_items_dash():
    # "17 May 2017 – Two regional ISIS leaders, <two names>, were killed": the year before the
    # dash is no bound of a range ("2017 – Two"), and the names between the count and its
    # casualty word are an aside
    assert document_figures("names_in_apposition_before_the_verb.md") == [
        ("Two", 2, 2, "killed", "militants", "incident"),
    ]


def test_a_count_in_a_relative_clause_of_one_attack_is_that_incidents():
    # "... between 28 February and 6 March ... in retaliation to Balyun airstrikes that killed at
    # least 34 Turkish soldiers": the 165 span the period, the 34 are the named attack's
    assert document_figures("count_in_a_relative_clause_of_one_attack.md") == [
        ("at least 165", 165, None, "killed", "soldiers", "cumulative"),
        ("at least 34", 34, None, "killed", "soldiers", "incident"),
    ]


def test_round_counts_keep_their_qualifiers():
    # "more than a hundred" 100/None, "over a dozen" 12/None (not 12/12), "half a dozen" 6,
    # "tens of" vague, and a modal passive ("may have been killed") is still a casualty word
    assert document_figures("dozens_hundreds_with_qualifiers.md") == [
        ("more than a hundred", 100, None, "killed", "soldiers", "incident"),
        ("over a dozen", 12, None, "killed", "militants", "incident"),
        ("half a dozen", 6, 6, "injured", "militants", "incident"),
        ("tens of", None, None, "killed", "civilians", "incident"),
        ("up to 300", None, 300, "killed", "civilians", "incident"),
    ]


def test_killed_or_captured_is_no_count_of_the_dead():
    # "three generals were killed or captured", "twelve soldiers were killed or went missing": how
    # many died is not stated; "at least 20 soldiers were killed and 15 captured" counts the 20
    assert document_figures("killed_or_captured_is_no_count_of_the_dead.md") == [
        ("at least 20", 20, None, "killed", "soldiers", "incident"),
    ]


def test_a_total_by_the_end_of_the_battle_is_cumulative():
    # "By the end of the battle, 500 militants had been killed": the battle's total; "by the end
    # of the day" is one day's
    assert document_figures("total_by_the_end_of_the_battle.md") == [
        ("500", 500, 500, "killed", "militants", "cumulative"),
        ("12", 12, 12, "killed", "soldiers", "incident"),
    ]


def test_loyalists_are_government_forces():
    # "at least 17 loyalists and 11 rebel fighters were killed": the government's side, as "regime
    # forces" are
    assert document_figures("loyalists_are_government_forces.md") == [
        ("at least 17", 17, None, "killed", "soldiers", "incident"),
        ("11", 11, 11, "killed", "militants", "incident"),
    ]


def test_running_totals_over_a_battle_are_cumulative():
    # "By 5 June, 120 rebels had been killed", "Throughout the offensive", "Over the next three
    # days": totals over days of a battle; "captured by 8 June, when 20 soldiers were killed in
    # an ambush" is one incident
    assert document_figures("running_totals_over_a_battle.md") == [
        ("120", 120, 120, "killed", "militants", "cumulative"),
        ("1,000", 1000, 1000, "killed", "civilians", "cumulative"),
        ("50", 50, 50, "killed", "militants", "cumulative"),
        ("20", 20, 20, "killed", "soldiers", "incident"),
    ]


def test_lives_claimed_left_dead_and_a_toll_rising():
    # "claimed the lives of 12 civilians", "were left dead", "the toll rose to 15": figures;
    # "the lives of 40 residents were at risk" is none
    assert document_figures("lives_claimed_and_left_dead.md") == [
        ("12", 12, 12, "killed", "civilians", "incident"),
        ("Nine", 9, 9, "killed", "soldiers", "incident"),
        ("15", 15, 15, "killed", "people", "incident"),
    ]


def test_one_more_coordinated_after_a_figure_is_one_of_its_victims():
    # "five ... were wounded and one was killed": the numeral alone, with a casualty word of its
    # own, right after a figure; "one was destroyed" (a house) is no casualty
    assert document_figures("one_more_coordinated_after_a_figure.md") == [
        ("five", 5, 5, "injured", "militants", "incident"),
        ("one", 1, 1, "killed", "militants", "incident"),
    ]


def test_a_list_goes_on_after_the_aside_of_its_breakdown():
    # "13 ..., including five ..., were killed as well as six ...": the six take the whole count's
    # casualty word; "56 civilians, including 11 children, and injured 30": the 30 are civilians
    assert document_figures("list_goes_on_after_the_breakdown_aside.md") == [
        ("13", 13, 13, "killed", "militants", "incident"),
        ("five", 5, 5, "killed", "militants", "incident"),
        ("six", 6, 6, "killed", "militants", "incident"),
        ("56", 56, 56, "killed", "civilians", "incident"),
        ("11", 11, 11, "killed", "children", "incident"),
        ("30", 30, 30, "injured", "civilians", "incident"),
    ]


def test_troops_of_a_non_state_group_are_militants():
    # "26 IS troops", "two Hezbollah troops": militants; "four Syrian Army soldiers" stay soldiers
    assert document_figures("troops_of_a_non_state_group_are_militants.md") == [
        ("26", 26, 26, "killed", "militants", "incident"),
        ("four", 4, 4, "killed", "soldiers", "incident"),
        ("two", 2, 2, "killed", "militants", "incident"),
    ]


def test_a_toll_during_a_battle_of_months_is_its_total():
    # "killed ... during the battle" in an article whose battle lasted 6 June - 17 October 2017:
    # the battle's total (cumulative); a day's toll stays an incident
    assert document_figures("toll_during_a_long_battle_is_cumulative.md") == [
        ("23", 23, 23, "killed", "civilians", "incident"),
        ("1,600", 1600, 1600, "killed", "civilians", "cumulative"),
    ]


def test_a_toll_during_an_offensive_of_days_stays_an_incident():
    # the same words in an article whose offensive lasted three days (3-5 March 2016)
    assert document_figures("toll_during_a_short_offensive_stays_an_incident.md") == [
        ("At least 30", 30, None, "killed", "militants", "incident"),
    ]


def test_a_breakdown_after_a_colon_takes_the_figures_outcome():
    # "killed 25 people: 15 militants and 10 soldiers"; a colon before a sentence is no breakdown
    assert document_figures("breakdown_after_a_colon.md") == [
        ("25", 25, 25, "killed", "people", "incident"),
        ("15", 15, 15, "killed", "militants", "incident"),
        ("10", 10, 10, "killed", "soldiers", "incident"),
        ("12", 12, 12, "killed", "people", "incident"),
    ]


def test_the_other_side_losing_a_bare_count_loses_fighters_too():
    # "ISIL lost 58 fighters ..., while the YPG lost 13": 13 fighters; after "lost three tanks" a
    # bare "lost 13" counts nobody
    assert document_figures("second_side_lost_a_bare_count.md") == [
        ("58", 58, 58, "killed", "militants", "incident"),
        ("13", 13, 13, "killed", "militants", "incident"),
    ]


def test_a_toll_a_side_suffered_is_of_that_sides_fighters():
    # "ISIL suffered 20 dead and 30 wounded": militants; "the Syrian Army suffered ...": soldiers;
    # a subject that is no armed side leaves the victims unqualified
    assert document_figures("side_that_suffered_the_toll.md") == [
        ("20", 20, 20, "killed", "militants", "incident"),
        ("30", 30, 30, "injured", "militants", "incident"),
        ("at least 15", 15, None, "casualties", "soldiers", "incident"),
        ("4", 4, 4, "killed", "people", "incident"),
    ]


def test_members_of_a_named_rebel_group_are_militants():
    # "Free Idlib Army commanders", "Hamza Brigade members": a non-state group named in the noun
    # phrase; "Army soldiers" stay soldiers
    assert document_figures("members_of_a_named_rebel_group.md") == [
        ("2", 2, 2, "killed", "militants", "incident"),
        ("4", 4, 4, "killed", "militants", "incident"),
        ("5", 5, 5, "killed", "soldiers", "incident"),
    ]
