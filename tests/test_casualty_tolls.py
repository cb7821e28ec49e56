"""Tolls as lists and tables write them (issue 9, item 4): one invented fixture per rule, with the
values a reader takes from it. Sentences here are invented, written the way these sources write."""

from __future__ import annotations

from pipeline.casualties import extract_figures, parse_count
from tests.conftest import fixture_figures as document_figures


def rows(sentence: str) -> list[tuple]:
    return [(f.number_text, f.count_low, f.count_high, f.outcome, f.victim_group, f.scope)
            for f in extract_figures(sentence)]


def test_count_with_a_plus_is_a_lower_bound():
    assert parse_count("28+") == (28, None, "at_least")
    assert parse_count("1,200+") == (1200, None, "at_least")
    assert parse_count("3 + 4") is None


def test_table_column_of_one_sides_fatalities():
    # "Militia fatalities" is a column of counts of the militia's dead: "45+" over a battle of three
    # months (March–May 2014) is a cumulative toll with no upper bound; "4" in the row of one
    # airstrike is that incident's; "unknown" is no count
    assert document_figures("table_column_of_one_sides_fatalities.md", period=True) == [
        ("45+", 45, None, "killed", "militants", "cumulative", "2014-03-01", "2014-05-01"),
        ("4", 4, 4, "killed", "militants", "incident", None, None),
    ]


def test_toll_over_the_period_a_list_entry_opens_with():
    # an entry that opens with a period of a month or more states a total over it (with the
    # period); two days of shelling stay one incident
    assert document_figures("toll_over_the_period_a_list_entry_opens_with.md", period=True) == [
        ("85", 85, 85, "killed", "civilians", "cumulative", "2014-02-03", "2014-04-20"),
        ("19", 19, 19, "killed", "civilians", "incident", None, None),
        ("40", 40, 40, "killed", "people", "cumulative", "2014-08-01", "2015-01-01"),
    ]


def test_part_of_the_dead_named_by_its_predicate():
    # "9 of the dead were police officers" counts part of the dead, the group its predicate names;
    # ", while 4 were children" is another part; "of the victims" in a sentence with no count of
    # its own is a count of casualties (killed or wounded: the sentence does not say)
    assert document_figures("part_of_the_dead_named_by_its_predicate.md") == [
        ("31", 31, 31, "killed", "people", "incident"),
        ("9", 9, 9, "killed", "soldiers", "incident"),
        ("4", 4, 4, "killed", "children", "incident"),
        ("26", 26, 26, "killed", "people", "incident"),
        ("At least 11", 11, None, "casualties", "women", "incident"),
    ]
    # after a count of the dead in the same sentence, the victims are those dead
    assert rows("The massacre left 40 dead; at least 8 of the victims were children.") == [
        ("40", 40, 40, "killed", "people", "incident"),
        ("at least 8", 8, None, "killed", "children", "incident"),
    ]
    assert rows("Most of the dead were civilians.") == []


def test_asides_between_the_victims_and_their_verb():
    # a quoted aside, a breakdown naming a person with a bracketed nickname, and a breakdown that is
    # itself a list may stand between the count and "were killed"; the commander named in the
    # breakdown is one of the whole count's victims (Hezbollah members: militants)
    assert document_figures("asides_between_the_victims_and_their_verb.md") == [
        ("four", 4, 4, "killed", "people", "incident"),
        ("5", 5, 5, "killed", "militants", "incident"),
        ("a", 1, 1, "killed", "militants", "incident"),
        ("at least 14", 14, None, "killed", "people", "incident"),
        ("6", 6, 6, "killed", "children", "incident"),
        ("2", 2, 2, "killed", "women", "incident"),
        ("an", 1, 1, "killed", "people", "incident"),
        ("20", 20, 20, "injured", "people", "incident"),
    ]


def test_kin_and_families():
    # a mother and her children are one woman and three children; "members of one family" are
    # seven people ("one" names no count); "two families" are no count of people
    assert document_figures("kin_and_families.md") == [
        ("a", 1, 1, "killed", "women", "incident"),
        ("three", 3, 3, "killed", "children", "incident"),
        ("seven", 7, 7, "killed", "people", "incident"),
    ]


def test_ages_dash_asides_and_breakdowns_in_brackets():
    # "aged between 6 and 11" are ages, not a range of victims; a dash aside may stand between a
    # count and its verb; a breakdown in brackets after the figure counts its parts
    assert document_figures("ages_dash_asides_and_brackets.md") == [
        ("three", 3, 3, "killed", "children", "incident"),
        ("at least 23", 23, None, "killed", "people", "incident"),
        ("17", 17, 17, "killed", "people", "incident"),
        ("9", 9, 9, "killed", "children", "incident"),
        ("4", 4, 4, "killed", "women", "incident"),
    ]


def test_victims_as_subject_and_a_reporters_toll():
    # "put the toll at 47" is a second reporter's toll of the dead; "The victims included 15
    # children": victims are the dead and the wounded (casualties)
    assert document_figures("victims_as_subject_and_a_reporters_toll.md") == [
        ("41", 41, 41, "killed", "people", "incident"),
        ("47", 47, 47, "killed", "people", "incident"),
        ("15", 15, 15, "casualties", "children", "incident"),
    ]


def test_table_counts_beside_a_victims_column():
    # a count under "Deaths" reads with the "Victims" cell of its row ("12 civilians killed"); a
    # range, "~25" and "dozens" are counts of a cell too; "7 (4 children)" counts 7 and, of them, 4
    # children
    assert document_figures("table_counts_beside_a_victims_column.md") == [
        ("12", 12, 12, "killed", "civilians", "incident"),
        ("30–40", 30, 40, "killed", "civilians", "incident"),
        ("25", 25, 25, "killed", "civilians", "incident"),
        ("45", 45, 45, "killed", "people", "incident"),
        ("120", 120, 120, "injured", "people", "incident"),
        ("7", 7, 7, "killed", "people", "incident"),
        ("4", 4, 4, "killed", "children", "incident"),
        ("dozens", None, None, "injured", "people", "incident"),
    ]


def test_parts_fronted_and_of_whom():
    # "of whom 65 were killed" are part of the fighters named before; "Of the dead, 5 were nurses"
    # is a fronted part of the dead; "Two of the wounded later died" are two dead
    assert document_figures("parts_fronted_and_of_whom.md") == [
        ("65", 65, 65, "killed", "militants", "incident"),
        ("5", 5, 5, "killed", "civilians", "incident"),
        ("Two", 2, 2, "killed", "people", "incident"),
    ]


def test_parts_and_definites_take_the_casualty_word_before_them():
    # "the death of one of the wounded" is one dead; "the airstrike killed his son" is one person
    # (not "the airstrike ... son"); counts of the killed and the wounded inside brackets leave the
    # casualties they break down a count of casualties; in the other direction, a part of a
    # breakdown keeps the group its own complement names
    assert rows("The beating resulted in the death of one of the wounded men.") == [
        ("one", 1, 1, "killed", "people", "incident")]
    assert rows("However, the airstrike killed his son and bodyguard.") == [
        ("his son", 1, 1, "killed", "people", "incident")]
    assert rows("The brigade reported over 900 casualties (200+ killed, 700+ wounded) by May 2017.") == [
        ("over 900", 900, None, "casualties", "people", "cumulative"),
        ("200+", 200, None, "killed", "people", "cumulative"),
        ("700+", 700, None, "injured", "people", "cumulative"),
    ]
    assert rows("The strike killed five soldiers, including two members of allied militias.") == [
        ("five", 5, 5, "killed", "soldiers", "incident"),
        ("two", 2, 2, "killed", "militants", "incident"),
    ]


def test_running_tolls_by_a_day_and_up_to_then():
    # a toll up to a point of the story, raised to a count by a day, risen to it by the end of a
    # day, or "In all," is a running total (cumulative); "in all directions" is no total
    assert document_figures("running_tolls_by_a_day_and_up_to_then.md") == [
        ("9", 9, 9, "killed", "soldiers", "incident"),
        ("26", 26, 26, "killed", "people", "cumulative"),
        ("140", 140, 140, "killed", "people", "cumulative"),
        ("151", 151, 151, "killed", "people", "cumulative"),
        ("60", 60, 60, "killed", "militants", "cumulative"),
        ("4", 4, 4, "killed", "people", "incident"),
    ]


def test_defectors_deserters_and_shoppers():
    # defectors are soldiers who left their army (a list of counts to one passive goes on through
    # them); deserters of a named armed group are of that group; shoppers are civilians
    assert document_figures("defectors_deserters_and_shoppers.md") == [
        ("40", 40, 40, "killed", "soldiers", "incident"),
        ("25", 25, 25, "killed", "soldiers", "incident"),
        ("9", 9, 9, "killed", "civilians", "incident"),
        ("14", 14, 14, "killed", "militants", "incident"),
        ("11", 11, 11, "killed", "civilians", "incident"),
    ]


def test_counts_whose_verb_is_left_out():
    # "and 4 in the nearby village" repeats "were killed" with another place; "while local
    # activists said 38" is another reporter's count of the same dead; hills are no victims
    assert document_figures("counts_whose_verb_is_left_out.md") == [
        ("at least 9", 9, None, "killed", "soldiers", "incident"),
        ("4", 4, 4, "killed", "soldiers", "incident"),
        ("31", 31, 31, "killed", "people", "incident"),
        ("38", 38, 38, "killed", "people", "incident"),
    ]


def test_one_dead_a_family_and_those_killed():
    # the numeral "one" before a casualty adjective is one victim; "an entire family of 6" is six
    # people; "Among those killed was a nurse" is one civilian
    assert document_figures("one_dead_a_family_and_those_killed.md") == [
        ("one", 1, 1, "killed", "people", "incident"),
        ("3", 3, 3, "injured", "people", "incident"),
        ("6", 6, 6, "killed", "people", "incident"),
        ("a", 1, 1, "killed", "civilians", "incident"),
    ]


def test_header_fields_vague_breakdown_and_own_word():
    # "Victims: 4 killed": the count's own word says they are dead; its breakdown ("including a
    # nurse") is one of them, and the next field ("\ Reported injured") is no word of hers; a
    # field's count may be followed by its breakdown ("9 including 3 medical staff") or be vague
    # ("Reported injured: dozens")
    assert document_figures("header_fields_vague_breakdown_and_own_word.md") == [
        ("4", 4, 4, "killed", "people", "incident"),
        ("a", 1, 1, "killed", "civilians", "incident"),
        ("9", 9, 9, "injured", "people", "incident"),
        ("at least 6", 6, None, "killed", "people", "incident"),
        ("dozens", None, None, "injured", "people", "incident"),
    ]


def test_losses_of_the_side_a_sentence_is_about():
    # ", with several casualties" after what Hezbollah did are Hezbollah's losses (militants); after
    # a bombing with no side as its subject they stay people
    assert document_figures("losses_of_the_side_a_sentence_is_about.md") == [
        ("several", None, None, "casualties", "militants", "incident"),
        ("12", 12, 12, "casualties", "people", "incident"),
    ]


def test_numbers_that_name_a_road_a_unit_or_a_resolution_are_no_counts():
    # invented sentences: a number after Route, Hill, Brigade, Resolution names the thing
    assert rows("The attack on Route 5 killed 3.") == [("3", 3, 3, "killed", "people", "incident")]
    assert rows("Shelling near Hill 45 killed 2 soldiers.") == [("2", 2, 2, "killed", "soldiers", "incident")]
    assert rows("The council passed Resolution 2254 after the strike killed 14.") == [
        ("14", 14, 14, "killed", "people", "incident")]
    assert rows("Some 300 fighters arrived in the town; 5,000 refugees fled.") == []
    assert rows("A 12-year-old boy was killed by a sniper.") == [("A", 1, 1, "killed", "children", "incident")]


def test_a_sides_losses_as_the_subject_of_a_tally():
    # "government casualties stood at 85 dead", "rebel losses ... 140 killed", "ISIL losses reached
    # 210", "civilian casualties stood at 37": the side whose losses are counted; a count's own
    # word ("85 dead") decides over "casualties"; equipment losses are no victims
    assert document_figures("a_sides_losses_as_the_subject_of_a_tally.md", period=True) == [
        ("85", 85, 85, "killed", "soldiers", "cumulative", None, "2016-06-30"),
        ("140", 140, 140, "killed", "militants", "cumulative", None, "2016-06-30"),
        ("210", 210, 210, "killed", "militants", "cumulative", None, "2016-06-30"),
        ("37", 37, 37, "casualties", "civilians", "cumulative", None, "2016-06-30"),
    ]


def test_the_side_that_suffered_or_lost_them():
    # the dead a side suffered or the men it lost are of that side; a participle or a pronoun
    # takes the side of the sentence's subject ("the YPG said it had killed ..., while losing 6 men")
    assert document_figures("the_side_that_suffered_or_lost_them.md") == [
        ("25", 25, 25, "killed", "militants", "incident"),
        ("15", 15, 15, "killed", "soldiers", "incident"),
        ("40", 40, 40, "killed", "militants", "incident"),
        ("6", 6, 6, "killed", "militants", "incident"),
    ]


def test_a_pronoun_side_named_in_the_sentence_before():
    # "they themselves suffered four casualties", "they put their losses at 9 dead": "they" are
    # the side the last sentence with a named subject is about (the SDF, militants)
    assert document_figures("a_pronoun_side_named_in_the_sentence_before.md") == [
        ("40", 40, 40, "killed", "militants", "incident"),
        ("four", 4, 4, "casualties", "militants", "incident"),
        ("9", 9, 9, "killed", "militants", "incident"),
    ]
    # without a sentence before, a pronoun names no side
    assert rows("In turn, they put their losses at 9 dead.") == [("9", 9, 9, "killed", "people", "incident")]


def test_an_absolute_clause_of_the_group_named_before():
    # ", with 14 being killed" counts part of the rebel officers named before (a side-neutral noun
    # takes the side named with it); ", with 12 killed" after a shelling names no victims: people
    assert document_figures("an_absolute_clause_of_the_group_named_before.md") == [
        ("many", None, None, "killed", "militants", "incident"),
        ("14", 14, 14, "killed", "militants", "incident"),
        ("12", 12, 12, "killed", "people", "incident"),
    ]


def test_a_side_suffering_its_dead_in_an_absolute_clause():
    # "with the SDF losing 12 fighters and ISIL suffering over 90 dead": the dead ISIL suffered are
    # its fighters, as after a finite "suffered"; civilians killed stay civilians
    assert document_figures("a_side_suffering_in_an_absolute_clause.md") == [
        ("12", 12, 12, "killed", "militants", "incident"),
        ("over 90", 90, None, "killed", "militants", "incident"),
        ("four", 4, 4, "killed", "civilians", "incident"),
    ]


def test_members_of_a_civilian_organisation_the_article_is_about_are_civilians():
    # the short description names a civil defence organisation: "Seven members", "120 of its members"
    # and "40 Example Rescue" (its name as the noun) are civilians; members of another named group
    # stay people
    assert document_figures("members_of_a_civilian_organisation.md") == [
        ("Seven", 7, 7, "killed", "civilians", "incident"),
        ("120", 120, 120, "killed", "civilians", "cumulative"),
        ("40", 40, 40, "injured", "civilians", "incident"),
        ("3", 3, 3, "killed", "people", "incident"),
    ]
    # a rebel operations room's members are not civilians
    assert document_figures("members_of_a_rebel_operations_room.md") == [
        ("Seven", 7, 7, "killed", "people", "incident"),
    ]


def test_a_proportion_is_no_count():
    # "one in six volunteers have been killed" counts no one; "killed four volunteers" does
    assert document_figures("a_proportion_is_no_count.md") == [
        ("four", 4, 4, "killed", "civilians", "incident"),
    ]


def test_reporters_correspondents_and_cameramen_are_civilians():
    # media workers are civilians, as journalists are; a place between the victims and their verb
    # ("two reporters near Example Town were injured") does not break the figure
    assert document_figures("reporters_are_civilians.md") == [
        ("two", 2, 2, "injured", "civilians", "incident"),
        ("a", 1, 1, "killed", "civilians", "incident"),
        ("three", 3, 3, "injured", "civilians", "incident"),
    ]


def test_the_operation_as_the_subject_of_a_toll_is_its_total():
    # "The offensive was also notable for the large loss of rebel commanders, with about three dozen
    # being killed", "The offensive saw 300 civilians killed": tolls over the whole offensive of an
    # article whose infobox period is over two months (cumulative); a day's 12 soldiers an incident
    assert document_figures("the_battle_as_the_subject_of_its_toll.md") == [
        ("12", 12, 12, "killed", "soldiers", "incident"),
        ("about three dozen", 36, 36, "killed", "militants", "cumulative"),
        ("300", 300, 300, "killed", "civilians", "cumulative"),
    ]


def test_some_of_them_are_of_the_people_the_sentence_before_named():
    # "15 infiltrators tried to cross ... They were unsuccessful and two of them were killed": the
    # infiltrators (militants); "rebels attacked the soldiers ... They withdrew and three of them were
    # killed": the subject of the sentence before, the rebels
    assert document_figures("some_of_them_named_in_the_sentence_before.md") == [
        ("two", 2, 2, "killed", "militants", "incident"),
        ("three", 3, 3, "killed", "militants", "incident"),
    ]
