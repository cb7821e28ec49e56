"""Prose statements dated from the document's structure, every dated statement found, background
kept out (issue 9, items 1-3). One tiny fixture document per case in ``tests/fixtures/prose/``;
each test parses and extracts it as the build does and asserts the exact mentions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.extract import extract_document
from pipeline.parsers import identify, parse_document
from pipeline.statements import classify, reports_happening

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "prose"


def mentions(name: str) -> list[tuple]:
    """(start of the text, date, precision, date_basis) of every narrative mention, in order."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    fmt, key = identify(text)
    doc = parse_document(text, fmt=fmt, path=f"prose/{name}", doc_id="fixture")
    rows = extract_document(doc, key).mentions
    return [(m["text"][:40], m["date"].isoformat(), m["date_precision"], m["date_basis"],
             m["date_end"].isoformat() if m["date_end"] else None, m["quality_flags"])
            for m in rows if m["kind"] == "narrative"]


def dates(name: str) -> list[tuple]:
    return [m[:4] for m in mentions(name)]


# --- 1. dates from the document's structure ---------------------------------------------------

def test_year_in_parentheses_of_the_section_heading():
    assert dates("heading_period_in_parentheses.md") == [
        ("On 12 June, rebels shelled two checkpoin", "2016-06-12", "day", "section")]


def test_enclosing_heading_without_a_paragraph_of_its_own():
    # "## 2017" has no paragraph; "### Northern front" and "#### March" sit under it
    assert dates("heading_without_paragraph.md") == [
        ("On 12 June, rebels shelled two checkpoin", "2017-06-12", "day", "section"),
        ("On 3 March, the army shelled the bridge.", "2017-03-03", "day", "section")]


def test_two_year_phase_heading_the_narrative_moves_forward():
    # "On 3 March" first under "2019–2020 phase": the range's first year (nothing before it moves
    # the story on); "On 4 January" after 20 December 2019 goes forward into 2020
    assert dates("heading_year_range_phase.md") == [
        ("On 3 March, the army captured the dam.", "2019-03-03", "day", "section"),
        ("On 20 December 2019, rebels attacked the", "2019-12-20", "day", "stated"),
        ("On 4 January, the army retook it.", "2020-01-04", "day", "previous")]


def test_a_range_headings_first_year_until_the_story_moves_past_it():
    # "On 2 May" first under "2014–2015": the range's first year; "On 3–4 March 2016" states its
    # own year (kept, flagged outside the heading's period) and the yearless days after it follow
    # it rather than the heading; the next heading "2016" dates its own days again
    assert mentions("range_heading_the_story_moves_past_its_period.md") == [
        ("On 2 May, the brigade shelled the dam.", "2014-05-02", "day", "section", None, []),
        ("In 2015, brigade fighters crossed the ri", "2015-01-01", "year", "stated", None, []),
        ("On 3–4 March 2016, rebels claimed that t", "2016-03-03", "day", "stated", "2016-03-04",
         ["outside_section_period"]),
        ("In response, rebels attacked two brigade", "2016-03-09", "day", "previous", None,
         ["outside_section_period"]),
        ("Five days later, rebels destroyed a brig", "2016-03-14", "day", "relative", None,
         ["outside_section_period"]),
        ("On 20 June, the brigade captured the bri", "2016-06-20", "day", "section", None, [])]


def test_a_day_shortly_before_the_previous_one_keeps_its_year_in_a_multi_year_period():
    # infobox period 10 January 2018 - 1 August 2019: "On 2 February" four days before "On 6
    # February" (2018) is a look back within 2018, not February 2019
    assert dates("a_day_shortly_before_the_previous_ones.md") == [
        ("On 12 January 2018, the army entered the", "2018-01-12", "day", "stated"),
        ("On 6 February, a rebel convoy arrived in", "2018-02-06", "day", "previous"),
        ("On 2 February, rebels shot down a jet ne", "2018-02-02", "day", "previous"),
        ("On 9 February, the army shelled the town", "2018-02-09", "day", "previous")]


def test_taking_part_in_an_operation_is_dated_by_its_bracketed_period():
    # "played a major role in the Hama offensive (March–May 2017)": March 2017 to May 2017, not
    # the year of the heading "2017" (and its "several casualties" are no toll over months);
    # "fought in the Battle of Deir Hafer (August 2017)": August
    assert mentions("taking_part_in_an_operation_dated_in_brackets.md") == [
        ("The brigade played a major role in the H", "2017-03-01", "month", "stated", "2017-05-31", []),
        ("The brigade later fought in the Battle o", "2017-08-01", "month", "stated", None, []),
        # "... in the Idlib offensive (January–February 2018) and in the Battle of Abu Duhur in
        # March 2018": two events, two dates
        ("The brigade took part in the Idlib offen", "2018-01-01", "month", "stated", "2018-02-28", []),
        ("The brigade took part in the Idlib offen", "2018-03-01", "month", "stated", None, [])]


def test_year_from_the_article_title():
    assert dates("title_year.md") == [
        ("On 12 June, rebels shelled two checkpoin", "2017-06-12", "day", "document")]


def test_year_from_the_front_matter_date_and_its_aftermath():
    assert dates("front_matter_date_range.md") == [
        ("On 12 March, government forces captured ", "2016-03-12", "day", "document"),
        ("On 2 May, rebels retook the hill.", "2016-05-02", "day", "document")]


def test_page_date_counts_back_to_the_latest_such_day():
    # published 29 March 2017: "9 July" is 9 July 2016
    assert dates("page_date_counts_back.md") == [
        ("On the night of 9 July, an incident occu", "2016-07-09", "day", "page")]


def test_date_outside_its_sections_period_is_flagged():
    got = mentions("outside_section_period.md")
    assert [(m[1], m[5]) for m in got] == [("2016-06-20", []), ("2016-07-02", ["outside_section_period"])]


def test_background_year_in_passing_never_sets_the_year():
    # "formed in 2012" is not an event and does not date "On 12 June" (2017, from the title)
    assert dates("background_year_in_passing.md") == [
        ("On 12 June, the brigade shelled two chec", "2017-06-12", "day", "document")]


def test_a_season_of_a_year_is_the_year_and_a_winter_across_two_years_its_months():
    # "the early fall of 2014", "summer 2016": the year; "the winter of 2015–16": December to February
    assert mentions("season_of_a_year.md") == [
        ("In the early fall of 2014, militants bes", "2014-01-01", "year", "stated", None, []),
        ("In summer 2016, government forces encirc", "2016-01-01", "year", "stated", None, []),
        ("During the winter of 2015–16, Russian je", "2015-12-01", "month", "stated", "2016-02-29", []),
        ("On 12 June 2017, rebels shelled two chec", "2017-06-12", "day", "stated", None, [])]


def test_a_named_happening_with_its_date_in_brackets_does_not_date_the_sentence():
    # "... in response to the Khan Shaykhun chemical attack (4 April 2017)": the sentence's own
    # date (7 April); "as during the Hama offensive (29 August 2017)" names another happening, so
    # the sentence stays undated; an archive item that is the happening's name keeps its day
    assert dates("named_happening_with_its_date_in_brackets.md") == [
        ("On 7 April 2017, the US struck Shayrat a", "2017-04-07", "day", "stated"),
        ("Sarin attack in Al-Lataminah (30 March 2", "2017-03-30", "day", "stated")]


# --- 2. every dated statement ---------------------------------------------------------------

def test_list_items_with_leading_labels():
    assert dates("list_item_date_labels.md") == [
        ("5 April – The militia claimed a rocket a", "2018-04-05", "day", "section"),
        ("November – Gunmen attacked a checkpoint ", "2018-11-01", "month", "section"),
        ("2013: Rebels captured the border crossin", "2013-01-01", "year", "stated"),
        ("Flag of Russia.svg 30 September 2015 – R", "2015-09-30", "day", "stated"),
        ("🇺🇸 United States: On 7 April 2017, U.S. ", "2017-04-07", "day", "stated")]


def test_next_day_and_days_later_count_from_the_previous_statement():
    assert dates("relative_days.md") == [
        ("On 14 April 2016, ISIL attacked Khanasir", "2016-04-14", "day", "stated"),
        ("The next day, the army sent reinforcemen", "2016-04-15", "day", "relative"),
        ("Two days later, the army retook the town", "2016-04-17", "day", "relative"),
        ("On 20 April 2016, ISIL shelled the road,", "2016-04-20", "day", "stated"),
        ("On 20 April 2016, ISIL shelled the road,", "2016-04-21", "day", "relative")]


def test_one_sentence_two_events_two_dates():
    assert dates("two_events_two_dates.md") == [
        ("Rebels besieged the town in March 2016 a", "2016-03-01", "month", "stated"),
        ("Rebels besieged the town in March 2016 a", "2016-05-05", "day", "stated")]


def test_a_day_inside_the_month_a_sentence_first_names_is_its_date():
    # "occurred in June 2016, starting with a 4 June attack": the month frames, the day dates;
    # a total "during October 2016, starting with an attack on 2 October" is that attack, not a
    # monthly count; a day in a coordinated clause of its own stays a second event
    assert dates("month_then_day_same_sentence.md") == [
        ("Six (6) incidents involving barrel bombs", "2016-06-04", "day", "stated"),
        ("The last incident identified in June was", "2016-06-28", "day", "previous"),
        ("The Syrian Archive identified a total of", "2016-10-02", "day", "stated"),
        ("Fighting went on in November, and on 30 ", "2016-11-01", "month", "previous"),
        ("Fighting went on in November, and on 30 ", "2016-11-30", "day", "stated")]


def test_coordinated_incidents_each_with_its_own_date():
    # "..., as well as an attack ... on 13 July", "and the second incident on 6 August": two
    # events; "and the attack that followed on 9 August" is a relative clause, not a second one
    assert dates("coordinated_incidents_own_dates.md") == [
        ("An attack on 12 July in the Al-Shaar dis", "2016-07-12", "day", "page"),
        ("An attack on 12 July in the Al-Shaar dis", "2016-07-13", "day", "stated"),
        ("The first incident occurred on 3 August ", "2016-08-03", "day", "previous"),
        ("The first incident occurred on 3 August ", "2016-08-06", "day", "stated"),
        ("Rebels shelled the town on 8 August and ", "2016-08-08", "day", "previous")]


def test_aftermath_section_dates_after_the_documents_period():
    # the siege ran 2 April 2013 - 9 September 2015: under "## Aftermath", "On 9 September" is its
    # last day and "On 18 September" 18 September 2015 (2013 and 2014 also fit the period, so
    # elsewhere it stays undated)
    assert dates("aftermath_section_after_period.md") == [
        ("On 9 September 2015, rebels captured the", "2015-09-09", "day", "stated"),
        ("On 9 September, the last defenders fled ", "2015-09-09", "day", "document"),
        ("On 18 September, 56 soldiers were execut", "2015-09-18", "day", "previous"),
        ("On 21 January 2018, the army recaptured ", "2018-01-21", "day", "stated")]


def test_aftermath_may_begin_in_the_periods_last_month():
    # the campaign ran 14 July - 21 October 2017: under "## Aftermath", "the beginning of October"
    # and "6 October" are October 2017 (the aftermath's front began before the period's last day),
    # and "14 November" follows them
    assert dates("aftermath_in_the_periods_last_month.md") == [
        ("On 14 July 2017, the army launched an of", "2017-07-14", "day", "stated"),
        ("The army recaptured the town on 21 Octob", "2017-10-21", "day", "previous"),
        ("Government forces advanced along the riv", "2017-10-01", "month", "document"),
        ("Soldiers pushed into the city on 6 Octob", "2017-10-06", "day", "previous"),
        ("On 14 November, the city was captured by", "2017-11-14", "day", "previous")]


def test_during_the_same_day_is_the_day_before():
    # "During the same day," opens a statement as "On the same day," does, with or without comma
    assert dates("during_the_same_day.md") == [
        ("On 16 August, the army made a push north", "2017-08-16", "day", "document"),
        ("During the same day, the regiment advanc", "2017-08-16", "day", "relative"),
        ("During the same day rebels stormed army ", "2017-08-16", "day", "relative")]


def test_a_fronted_clause_after_the_story_moves_it_on_to_an_unknown_day():
    # "Following a night-time operation late on 11 August, paratroopers captured ..." happened on
    # an unknown day after 9 August: the "Meanwhile" after it is not 9 August (no date), until
    # "On 16 August" dates the story again
    assert dates("fronted_clause_moves_the_story_on.md") == [
        ("On 9 August, ISIL conducted a large-scal", "2017-08-09", "day", "document"),
        ("On 16 August, the army made a push north", "2017-08-16", "day", "previous"),
        ("Meanwhile, other units captured several ", "2017-08-16", "day", "relative")]


def test_elsewhere_opens_a_statement_like_meanwhile():
    # "Elsewhere, ..." with no date of its own: the previous statement's time (across paragraphs);
    # "the previous day" in its "after" clause dates another happening
    assert dates("elsewhere_opens_like_meanwhile.md") == [
        ("On 18 August, the militants were left en", "2017-08-18", "day", "document"),
        ("Elsewhere, army forces captured southern", "2017-08-18", "day", "relative")]


def test_during_the_day_is_the_previous_statements_day():
    # "killed ... during the day, with another 23 killed on the next day": the sentence's first
    # date is "during the day" (22 August), not the next day of its "with" clause
    assert dates("during_the_day_is_that_day.md") == [
        ("Another attack was launched by the rebel", "2017-08-22", "day", "document"),
        ("The monitor reported that 72 civilians w", "2017-08-22", "day", "relative")]


def test_throughout_a_day_dates_the_happening():
    # "continued throughout 12 February", "throughout the night of 13 February": the day the
    # happening filled, like "on" or "during"
    assert dates("throughout_a_day.md") == [
        ("On 11 February, the army shelled the tow", "2019-02-11", "day", "document"),
        ("Violent clashes continued throughout 12 ", "2019-02-12", "day", "previous"),
        ("Heavy fighting raged throughout the nigh", "2019-02-13", "day", "previous")]


def test_from_day_to_day_is_the_happenings_range():
    # "from 29 to 30 August", "from 2 September to 4 September": a stated range, its first day
    # with date_end; "from 2012 to 2015" in a relative clause dates nothing, nor does a planned
    # "would take place from 1 September until 8 September"
    got = mentions("from_day_to_day_range.md")
    assert [m[1:5] for m in got] == [
        ("2016-08-29", "day", "document", "2016-08-30"),
        ("2016-09-02", "day", "previous", "2016-09-04"),
        ("2016-08-30", "day", "previous", None)]


def test_over_the_next_n_days_is_the_range_of_the_days_after():
    # "Over the next four days" after 11 July: 12-15 July; "During the following week" after that:
    # 16-22 July; "In course of the next two days": 23-24 July; "In the following days", no count:
    # like "over the next few days", the month a few days on
    got = mentions("over_the_next_days_and_weeks.md")
    assert [m[1:5] for m in got] == [
        ("2017-07-11", "day", "document", None),
        ("2017-07-12", "day", "relative", "2017-07-15"),
        ("2017-07-16", "day", "relative", "2017-07-22"),
        ("2017-07-23", "day", "relative", "2017-07-24"),
        ("2017-07-01", "month", "relative", None)]


def test_what_ran_into_the_next_day_began_on_the_day_before():
    # "explosions into the next day", "fought until the following night": where the happening ran
    # to; the sentence reports a happening of the current day ("set off" is a past verb)
    assert dates("continued_into_the_next_day_is_still_undated.md") == [
        ("On 2 March, the militants shelled the ad", "2019-03-02", "day", "document"),
        ("An airstrike on an ammunition depot set ", "2019-03-02", "day", "inherited"),
        ("The besiegers fought until the following", "2019-03-02", "day", "inherited")]


def test_a_part_of_the_month_anaphor_keeps_its_part_as_qualifier():
    # "By the end of the month" after 3 August: August 2016 at month precision, qualifier end;
    # "Early in the month", "Mid-month": early, mid
    got = [(m[0][:12], m[1], m[2]) for m in mentions("part_of_the_month_anaphors.md")]
    assert got == [("On 3 August,", "2016-08-03", "day"), ("By the end o", "2016-08-01", "month"),
                   ("In September", "2016-09-01", "month"), ("Early in the", "2016-09-01", "month"),
                   ("Mid-month, t", "2016-09-01", "month")]
    assert [m["date_qualifier"] for m in _rows("part_of_the_month_anaphors.md")] == [
        None, "end", None, "early", "mid"]


def test_a_gapped_further_count_with_its_own_range_is_a_second_mention():
    # "captured four villages within the next three days (18-20 January), and another 13 villages
    # ... between 21 and 24 January": the verb left out, the further count has its own range
    got = mentions("gapped_further_count_with_its_own_range.md")
    assert [m[1:5] for m in got] == [
        ("2017-01-17", "day", "document", None),
        ("2017-01-18", "day", "relative", "2017-01-20"),
        ("2017-01-21", "day", "stated", "2017-01-24")]


def test_a_report_of_earlier_days_does_not_take_the_story_back():
    # "stated that they had destroyed ... between 7–9 June" on 10 June: its own range, but "At the
    # end of the day" is still 10 June, and "through the next two days" is 11-12 June
    got = mentions("reported_past_days_keep_the_story_day.md")
    assert [m[1:5] for m in got] == [
        ("2017-06-10", "day", "document", None),
        ("2017-06-07", "day", "previous", "2017-06-09"),
        ("2017-06-10", "day", "relative", None),
        ("2017-06-11", "day", "relative", "2017-06-12")]


def test_days_earlier_count_back_and_the_following_weeks_are_a_month():
    # "Two days earlier" after 11 June: 9 June; "A week before": 4 June (both flashbacks in the past
    # perfect: "Rebels then took the hill" is still 11 June); "In the following weeks" after 20
    # June: the month two weeks on, July; "stated that ... a week earlier" inside the sentence is
    # what the statement recalls: the statement takes the story's day
    got = mentions("days_earlier_and_following_weeks.md")
    assert [m[1:4] for m in got] == [
        ("2016-06-11", "day", "document"), ("2016-06-09", "day", "relative"),
        ("2016-06-04", "day", "relative"), ("2016-06-11", "day", "inherited"),
        ("2016-06-20", "day", "previous"), ("2016-07-01", "month", "relative"),
        ("2016-07-02", "day", "previous"), ("2016-07-02", "day", "inherited")]


def test_the_battle_began_is_the_first_day_of_the_articles_period():
    # "The battle began with ..." with no date of its own, first in its subsection: the first day
    # of the infobox period (February 9, 2019), and the sentences after it take that day
    got = mentions("the_battle_began_is_the_first_day_of_the_period.md")
    assert [m[:4] for m in got] == [
        ("The militia announced the final battle a", "2019-02-09", "day", "stated"),
        ("The battle began with a heavy preemptive", "2019-02-09", "day", "document"),
        ("Fighting continued into the night.", "2019-02-09", "day", "inherited"),
        ("The militia reported the deaths of 37 mi", "2019-02-09", "day", "inherited")]


def test_the_night_of_two_days_written_with_a_slash_is_a_range():
    # "the night of 14/15 June": 14 June with date_end 15 June; "29/06/2016" stays a numeric date
    got = mentions("night_of_two_days_with_a_slash.md")
    assert [m[1:5] for m in got] == [
        ("2016-06-12", "day", "document", None),
        ("2016-06-14", "day", "previous", "2016-06-15"),
        ("2016-06-29", "day", "stated", None)]


def test_a_full_stop_lost_with_a_removed_reference_still_ends_a_sentence():
    # ",    A coalition airstrike ...": a comma and a run of spaces before a capitalised article;
    # "started Shortly after ..., rebels ...": a capitalised opener mid-sentence; a list of names
    # after such runs of spaces stays one sentence
    assert [m[:2] for m in mentions("lost_full_stop_with_a_removed_reference.md")] == [
        ("Later on 19 February, the town was captu", "2016-02-19"),
        ("A coalition airstrike also killed severa", "2016-02-19"),
        ("On 20 February, a rebel attack on the ac", "2016-02-20"),
        ("Shortly after their advances at the acad", "2016-02-20"),
        ("Fighting took place for the housing proj", "2016-02-21")]


def test_the_night_before_and_an_ordinal_ending_a_sentence():
    # "The night before", "The evening before": the day before the statement's (a flashback in the
    # past perfect keeps the story's day); "until the 18th." ends its sentence ("th." is no "St.")
    assert [m[:4] for m in mentions("night_before_and_an_ordinal_ending_a_sentence.md")] == [
        ("On 12 June, rebels attacked the hill.", "2016-06-12", "day", "document"),
        ("The night before, the army had shelled t", "2016-06-11", "day", "relative"),
        ("The evening before, rebels left the vill", "2016-06-11", "day", "relative"),
        ("On 15 June, the army attacked the school", "2016-06-15", "day", "previous"),
        ("Skirmishes continued until the 18th.", "2016-06-15", "day", "inherited"),
        ("On 19 June, the army took the school.", "2016-06-19", "day", "previous")]


def test_a_second_clause_later_in_the_day_keeps_the_statements_day():
    # "captured X during midday and later in the day captured Y": the day of the statement before
    assert dates("and_later_in_the_day_second_clause.md") == [
        ("By 4 September, army troops were within ", "2017-09-04", "day", "document"),
        ("The 5th Corps captured the town of Kabaj", "2017-09-04", "day", "relative")]


def test_a_but_clause_with_its_subject_and_own_date_is_a_second_event():
    # ", but ISIL once again recaptured ... on 29 August", "... on 1 September but ISIL regained
    # ... on the next day": a clause of its own (subject, adverb, verb) with its own date
    assert dates("but_clause_with_subject_and_own_date.md") == [
        ("On 26 August, the troops recaptured terr", "2017-08-26", "day", "document"),
        ("On 26 August, the troops recaptured terr", "2017-08-29", "day", "stated"),
        ("The monitor stated that the army capture", "2017-09-01", "day", "previous"),
        ("The monitor stated that the army capture", "2017-09-02", "day", "relative")]


def test_after_clashes_on_a_day_dates_the_happening_they_end_in():
    # "captured the hilltop ... after intense clashes with ISIL fighters on 8 September": the
    # fighting ends in the capture; "before the attack on 10 September" dates another event
    assert dates("after_clashes_on_a_day_dates_the_happening.md") == [
        ("On 5 September, the army reached the cem", "2017-09-05", "day", "document"),
        ("Guard soldiers captured the hilltop with", "2017-09-08", "day", "previous")]


def test_a_full_stop_lost_before_a_time_opener_still_ends_the_sentence():
    # "... within 3 km of the city On the same day, three soldiers were killed": two statements;
    # "14 February  After this, ..." too ("After this" is a time after it: no date of its own)
    assert dates("lost_full_stop_before_a_time_opener.md") == [
        ("On 9 February, the army captured two vil", "2017-02-09", "day", "document"),
        ("On the same day, three soldiers were kil", "2017-02-09", "day", "relative"),
        ("The army launched an assault during the ", "2017-02-14", "day", "previous")]


def test_a_named_operation_with_its_period_in_brackets_dates_what_happened_in_it():
    # "During the Quneitra offensive (June 2015), the Southern Front rejected ...": June 2015; a
    # bracketed range of years gives nothing
    assert dates("named_operation_period_in_brackets.md") == [
        ("During the Quneitra offensive (June 2015", "2015-06-01", "month", "stated"),
        ("In the Quneitra offensive (October 2015)", "2015-10-01", "month", "stated")]


def test_without_a_period_a_day_well_before_the_previous_one_is_next_years():
    # no infobox date: "On 1 February" after "30 December 2012" is 2013 (a narrative goes
    # forward); "On 20 January" after it, 12 days back, is a flashback of the same year
    assert dates("backward_day_without_period_is_next_year.md") == [
        ("On 30 December 2012, the troops killed 3", "2012-12-30", "day", "stated"),
        ("On 1 February, the Observatory said that", "2013-02-01", "day", "previous"),
        ("On 20 January, the army had shelled the ", "2013-01-20", "day", "previous")]


def test_an_intended_happenings_date_does_not_date_the_statement():
    # "... with the purpose of taking control of the city by 15 October" (under "### 14 October
    # 2019"): the goal's deadline, not when the clashes were; "in order to reach the dam by 20
    # October" likewise (that sentence is left undated)
    assert dates("intended_happening_is_not_the_date.md") == [
        ("The monitor reported that clashes had co", "2019-10-14", "day", "section"),
        ("Aerial bombardment was reported in the b", "2019-10-14", "day", "inherited")]


def test_days_following_this_then_the_statements_own_date():
    # "Three days following this on 18 November": "this" is the statement before, the date the
    # sentence's own; "after that attack on 20 November" dates another event (nothing)
    assert dates("days_following_this_on_date.md") == [
        ("On 15 November, the Al-Quds hospital was", "2016-11-15", "day", "page"),
        ("Three days following this on 18 November", "2016-11-18", "day", "previous")]


def test_undated_statement_inherits_the_paragraphs_date():
    # the video is sourcing, not a happening; the last paragraph has no dated statement
    assert dates("inherited_date.md") == [
        ("On 12 June 2016, rebels shelled two chec", "2016-06-12", "day", "stated"),
        ("The fighting displaced 40,000 people.", "2016-06-12", "day", "inherited")]


def test_enumerated_incidents_take_the_date_of_the_set():
    # "The second" is not on 1 October: it is one of October's two incidents
    assert dates("enumerated_incidents.md") == [
        ("The first occurred during the night of 1", "2016-10-01", "day", "previous"),
        ("The second occurred in Al-Qaterji distri", "2016-10-01", "month", "inherited")]


def test_table_rows_are_dated_list_items():
    assert dates("table_rows.md") == [
        ("April 7, 2017 – Shayrat Airbase – U.S. w", "2017-04-07", "day", "stated"),
        ("Several aircraft were destroyed.", "2017-04-07", "day", "inherited"),
        ("May 18, 2017 – Al-Tanf – U.S. aircraft s", "2017-05-18", "day", "stated")]


def test_day_range_first_day_with_date_end_and_by_this_point():
    got = mentions("day_range.md")
    assert [m[1:5] for m in got] == [
        ("2016-10-09", "day", "stated", "2016-10-11"),
        ("2016-10-11", "day", "relative", None)]  # "By this point": the end of the range


# --- 3. background is not an event ----------------------------------------------------------

@pytest.mark.parametrize("name", [
    "background_founding_date.md", "background_population_census.md",
    "background_as_of_statistic.md"])
def test_background_statement_gives_no_mention(name):
    assert dates(name) == []


def test_released_figures_and_a_report_on_a_state_are_not_events():
    # "released their figures on the operation" is a publication, "reported on the state of the
    # town" a report; the statistic after it inherits nothing
    assert dates("background_released_figures_and_report_on_a_state.md") == [
        ("On 14 March, heavy clashes resumed in th", "2019-03-14", "day", "document")]


def test_satellite_image_date_is_not_an_event():
    assert dates("background_satellite_image_date.md") == [
        ("The ninth hospital attack identified occ", "2017-04-22", "day", "stated")]


def test_report_publication_date_is_not_an_event_but_its_findings_are():
    assert dates("background_report_publication.md") == [
        ("The report finds that attacks on 25 Marc", "2017-03-25", "day", "stated")]


def test_monthly_count_of_incidents_is_not_an_event_but_dates_the_next():
    assert dates("background_monthly_count.md") == [
        ("On 7 August an incident occurred in Al-M", "2016-08-07", "day", "previous")]


def test_tallies_statistics_datasets_and_cited_titles_are_background():
    # a count of attacks over a month, barrel bombs over a year, peaks of a chart, a dataset's
    # period, a report's title: background; what the report says happened in April 2017 (after
    # "published ... suggests that", beside "larger than the population of") is an event
    assert dates("background_tallies_statistics_and_citations.md") == [
        ("Information published in this joint repo", "2017-04-01", "month", "stated")]


def test_a_relative_clause_of_occurrence_dates_the_incident_it_follows():
    # "one incident which occurred on 26 April 2015": the incident's day; "which they had lost on
    # 3 May 2015" is another, earlier happening: the capture stays undated
    assert dates("incident_dated_in_a_relative_clause_of_occurrence.md") == [
        ("The Syrian Archive has concluded that th", "2015-04-26", "day", "stated")]


def test_a_full_date_right_after_a_place_needs_no_preposition():
    # "an earlier bombing at the market in Saraqib January 29th 2018"
    assert dates("place_then_full_date_without_preposition.md") == [
        ("Witnesses said that the hospital was tre", "2018-01-29", "day", "stated")]


def test_what_a_witness_says_in_a_video_is_dated_the_satellite_image_is_not():
    # "video taken by X, Y mentions that during the evacuation on 16 December 2016 he was
    # detained": the witness's day, not the video's; "imagery taken on 3 May 2017": the image's
    assert dates("witness_date_in_a_video_is_not_the_videos.md") == [
        ("In this witness testimony video taken by", "2016-12-16", "day", "stated")]


def test_the_day_footage_was_captured_is_not_an_event():
    # an image caption: "video captured during the attack on 19-09-2017 compared to satellite
    # images taken in ...": sourcing, the attack is told in the sentence before
    assert dates("background_footage_capture_date.md") == [
        ("On 19 September 2017, airstrikes hit the", "2017-09-19", "day", "stated")]


def test_a_pages_last_update_is_not_an_event():
    # "Last update: March 18, 2017" dates the page; "The first video ... was posted on March 16,
    # 2017" the video
    assert dates("background_page_update.md") == [
        ("In the evening of March 16, 2017, an air", "2017-03-16", "day", "stated")]


@pytest.mark.parametrize("sentence, kind, reason", [
    ("Airwars was founded by journalist Chris Woods in late 2014.", "aside", "founding"),
    ("The lab was launched in 2016 as part of the Human Rights Center.", "aside", "founding"),
    # a founding participle in passing (the appositive ", formed in 2012," the resolver already
    # leaves out: tests/test_date_forms_audit.py)
    ("Formed in 2012, the brigade attacked the town.", "undated", "founding"),
    ("As of January 2019, 112 soldiers have been killed.", "aside", "as_of"),
    ("In 2010, the town had a population of 20,000.", "aside", "population"),
    ("The Ministry published a video on 22 August 2018 titled X.", "aside", "publication"),
    ("Human Rights Watch has identified attacks between November 2012 and the end of 2015.", "aside", "summary"),
    ("In July, one (1) incident involving incendiary munitions was identified.", "aggregate", "count"),
    ("On the night of 12 November, two incidents have been identified.", "event", None),
    ("It was the 21st anniversary of his expulsion from Syria in 1998.", "aside", "history"),
    ("In April 2017 25 hospitals or medical facilities in Syria were attacked.", "aside", "summary"),
    ("Aleppo was hit with 4,045 barrel bombs in 2016.", "aside", "summary"),
    ("In July 2016, two airstrikes hit the market of Atarib.", "event", None),
    ("In May 2013, Netanyahu traveled to Moscow to stop the sale of 144 missiles to Syria.", "event", None),
    ("In early January 2017, Gerasimov said that the Air Force had carried out 19,160 combat missions.",
     "event", None),
    ("Attacks peaked in mid-September 2016.", "event", None),
    ("Unlawful attacks make up the majority, with peaks in mid-September 2016.", "aside", "statistic"),
    ("The Archive describes a dataset of 1748 videos from between July 2016 and Dec 2016.", "aside", "statistic"),
    ('OPCW (June 2017): "OPCW Confirms Use of Chemical Weapons in Khan Shaykhun on 4 April 2017"',
     "aside", "publication"),
    ("Orient news video captured during the attack on 19-09-2017 compared to satellite images.",
     "aside", "imagery"),
    ("The video, filmed on 5 May 2017, shows the crater.", "aside", "imagery"),
    ("In April 2014, videos appeared online that showed rebels using anti-tank rockets.", "event", None),
    # a day-dated report of a happening is an event, whatever verb it surfaced with
    ("On 23 March, some early reports circulated that the SDF had captured Tabqa Dam.", "event", None),
    ("Last update: March 18, 2017, 19:41 UTC.", "aside", "publication"),
    ("On 5 May 2017, rebels appeared in the town.", "event", None),
])
def test_classify_what_a_dated_sentence_states(sentence, kind, reason):
    from pipeline.dates import DateResolver

    found = DateResolver(published=dt.date(2017, 3, 29)).resolve(sentence)
    assert found, sentence
    verdict = classify(sentence, found)
    assert (verdict.kind, verdict.reason) == (kind, reason)


@pytest.mark.parametrize("sentence, expected", [
    ("The fighting displaced 40,000 people.", True),
    ("The second occurred in Al-Qaterji district, Aleppo.", True),
    ("The Syrian Archive was able to collect and verify one (1) video.", False),
    ("Specific munition types were unable to be determined.", False),
    ("At the time of both attacks, the town was not under government control.", False),
    ("The conflict has caused the death of more than 70 civilians.", False),
])
def test_which_undated_sentences_report_a_happening(sentence, expected):
    assert reports_happening(sentence) is expected


def test_labelled_list_items_do_not_carry_the_year_of_the_item_before():
    # "1 February" fits 2018 and 2019 of the infobox period; France's 2018 statement does not tell
    assert dates("labelled_items_are_entries_of_their_own.md") == [
        ("🇫🇷 France: On 29 March 2018, the preside", "2018-03-29", "day", "stated")]


def test_date_of_what_a_published_video_shows_is_an_event():
    from pipeline.dates import DateResolver

    s = ("The official website of the Ministry of Defence published a video showing several sites "
         "in Syria being targeted on 30 September 2015.")
    found = DateResolver().resolve(s)
    assert classify(s, found).kind == "event"
    assert [d.date.isoformat() for d in classify(s, found).dates] == ["2015-09-30"]


def _rows(name: str) -> list[dict]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    fmt, key = identify(text)
    doc = parse_document(text, fmt=fmt, path=f"prose/{name}", doc_id="fixture")
    return [m for m in extract_document(doc, key).mentions if m["kind"] == "narrative"]


def test_inherited_statement_names_the_statement_it_takes_its_date_from():
    shelled, displaced = _rows("inherited_date.md")
    assert displaced["text"] == "The fighting displaced 40,000 people."
    assert displaced["inherits_from"] == shelled["mention_id"]
    assert shelled["inherits_from"] is None


def test_inherited_from_a_count_of_incidents_names_no_mention():
    # "In October 2016, two incidents ..." is a count, not a mention: "The second" links to nothing
    first, second = _rows("enumerated_incidents.md")
    assert second["date_basis"] == "inherited" and second["inherits_from"] is None
    assert first["inherits_from"] is None


def test_a_participle_clause_with_its_own_day_is_a_second_event():
    # "..., capturing the airbase late on 12 May": a second happening on its own day; "including a
    # commander captured on 2 May" is not a clause of the sentence's own, nor is a participle after
    # "following ..." (it dates what the reports said)
    assert dates("participle_clause_own_day.md") == [
        ("In early May 2017, government forces lau", "2017-05-01", "month", "stated"),
        ("In early May 2017, government forces lau", "2017-05-12", "day", "stated"),
        ("On 20 May 2017, the army shelled the tow", "2017-05-20", "day", "stated"),
        ("In June 2017, following reports that the", "2017-06-01", "month", "stated")]


def test_a_comma_spliced_clause_led_by_the_next_day_is_a_second_event():
    # "X captured Y, the next day, the army captured Z": two clauses, two days; a splice without a
    # date ("..., the militants withdrew") adds nothing
    assert dates("comma_splice_next_day.md") == [
        ("On 15 July the army captured three oil f", "2017-07-15", "day", "document"),
        ("On 15 July the army captured three oil f", "2017-07-16", "day", "relative"),
        ("On 20 July the army reached the river, t", "2017-07-20", "day", "previous")]


def test_a_video_published_at_a_time_of_day_is_background():
    # "At 10:15 AM on 05 January, a local reporter, based in X, published a video": a publication
    assert dates("background_video_published_at_a_time.md") == [
        ("On 05 Jan 2018, the clinic in Example To", "2018-01-05", "day", "stated")]


def test_a_date_in_a_fronted_gerund_clause_of_method_is_not_the_sentences():
    # "By comparing ... the weather on 05 January ..., the Syrian Archive was able to confirm": the
    # date is what was compared; the sentence is refused, not dated
    assert dates("background_method_gerund_clause.md") == [
        ("On 05 Jan 2018, the clinic in Example To", "2018-01-05", "day", "stated")]


def test_numeric_dates_are_day_first_and_a_weekday_may_stand_before_the_date():
    # "21/01/2018", "On Saturday 29-01-2018": day/month/year, as the Syrian Archive writes them
    assert dates("numeric_day_first_dates.md") == [
        ("The health directorate reported that the", "2018-01-21", "day", "stated"),
        ("On Saturday 29-01-2018, the hospital was", "2018-01-29", "day", "stated")]


def test_around_this_time_and_in_the_afternoon_take_the_previous_day():
    # "In the afternoon," opens the sentence (the later "since earlier in the day" does not date
    # it); "Around this time," in a new paragraph is the same day as the statement before
    assert dates("around_this_time_in_the_afternoon.md") == [
        ("On 18 October, a convoy of aid workers a", "2019-10-18", "day", "document"),
        ("In the afternoon, the militia said the c", "2019-10-18", "day", "relative"),
        ("Around this time, army units confronted ", "2019-10-18", "day", "relative")]


def test_a_population_that_acts_is_not_a_statistic():
    # "some of the civilian population fleeing" reports a happening (inherits the day); "a
    # population of 29,000 in the 2004 census" is background
    assert dates("population_that_acts_is_not_a_statistic.md") == [
        ("On 9 October, troops crossed the border ", "2019-10-09", "day", "document"),
        ("The town was then shelled by artillery, ", "2019-10-09", "day", "inherited")]


def test_a_newspaper_report_in_the_perfect_and_an_investigations_finding_are_background():
    # "In August 2013 the Daily Example reported that a prince had been appointed": the report's
    # month; "an investigation ... found that": a finding; happenings around them stay events
    assert dates("background_newspaper_report_and_investigation.md") == [
        ("In December 2012, a new wave of weapons ", "2012-12-01", "month", "stated"),
        ("On 9 May 2016, a plan was reportedly pro", "2016-05-09", "day", "stated")]


def test_what_a_newspaper_reported_in_a_month_is_background_whatever_the_tense():
    # "In January 2017, the German newspaper Die Welt reported that ISIL fighters used ...": the
    # issue's month, not when the tanks were destroyed; a day-dated report of the SOHR is an event
    assert dates("background_newspaper_reported_in_the_past.md") == [
        ("In mid-December 2016, two tanks were cap", "2016-12-01", "month", "stated"),
        ("On 24 February 2017, the SOHR reported t", "2017-02-24", "day", "stated")]


def test_a_founding_member_and_a_definition_with_a_founding_participle_are_background():
    assert dates("background_founding_member_and_definition.md") == [
        ("In May 2014 it withdrew from the allianc", "2014-05-01", "month", "stated")]


def test_weeks_later_and_a_closing_after_one_day_count_from_the_previous_day():
    # "A week later" is +7 days; "was reopened after one day" +1; "after two days of fighting"
    # is a duration, not a date (the sentence inherits the previous statement's day)
    assert dates("weeks_later_and_after_one_day.md") == [
        ("On 25 January 2015, the rebels took the ", "2015-01-25", "day", "stated"),
        ("A week later, clashes took place at the ", "2015-02-01", "day", "relative"),
        ("On 29 May 2015, the militia closed the c", "2015-05-29", "day", "stated"),
        ("The corridor was reopened after one day.", "2015-05-30", "day", "relative"),
        ("The base fell after two days of fighting", "2015-05-30", "day", "inherited")]


def test_a_present_perfect_in_a_later_or_reported_clause_does_not_make_a_summary():
    # the first verb after the leading date decides: "was killed" (event), "announced that ...
    # has been frozen" (event), "has accepted" (a running total: background)
    assert dates("perfect_in_a_later_clause_is_not_a_summary.md") == [
        ("In February 2015, a deputy commander was", "2015-02-01", "month", "stated"),
        ("In May 2018, the State Department announ", "2018-05-01", "month", "stated")]


def test_a_month_of_a_year():
    # "December of 2016" is a month of that year, not "December" of the previous statement's year
    assert dates("month_of_year.md") == [
        ("In June 2015, rebels entered the town.", "2015-06-01", "month", "stated"),
        ("In December of 2016, the army shelled th", "2016-12-01", "month", "stated")]


def test_meanwhile_and_times_of_day_take_the_previous_statements_day():
    # "Meanwhile," opening a paragraph is the time of the statement before (across the paragraph
    # break); "In the evening", "Later in the same day" likewise; a "Meanwhile" with a date of its
    # own takes that date
    assert dates("meanwhile_and_evening_anaphors.md") == [
        ("On 18 October, the army entered the town", "2016-10-18", "day", "document"),
        ("Meanwhile, the rebels shelled the army's", "2016-10-18", "day", "relative"),
        ("In the evening the army seized the castl", "2016-10-18", "day", "relative"),
        ("Meanwhile, on 20 October, the army shell", "2016-10-20", "day", "previous"),
        ("Later in the same day the rebels withdre", "2016-10-20", "day", "relative")]


def test_during_the_night_and_a_coordinated_clause_with_its_own_subject():
    # "During the night," opening a sentence is the day before; ", and the Syrian Army regained
    # control of the town on 27 March 2016" is a second event of its own day
    assert dates("night_and_coordinated_clause_with_subject.md") == [
        ("On 15 May, the army sent reinforcements ", "2015-05-15", "day", "document"),
        ("During the night, the militants shifted ", "2015-05-15", "day", "relative"),
        ("In March 2016, another offensive was lau", "2016-03-01", "month", "stated"),
        ("In March 2016, another offensive was lau", "2016-03-27", "day", "stated")]


def test_after_midnight_is_a_time_of_day_and_days_later_is_the_month_after_the_previous_date():
    # "After midnight on 7 July" dates its sentence (no other happening comes first); "Several
    # days later" and "Over the next several days" have no day: the month three days on (after
    # 31 July: August); "During this time" is the previous statement's time
    assert dates("after_midnight_and_days_later.md") == [
        ("After midnight on 7 July, the army captu", "2016-07-07", "day", "document"),
        ("They captured a hill which overlooks the", "2016-07-07", "day", "inherited"),
        ("Several days later, the army advanced in", "2016-07-01", "month", "relative"),
        ("During this time, the army captured the ", "2016-07-01", "month", "relative"),
        ("On 31 July, the rebels launched a counte", "2016-07-31", "day", "previous"),
        ("Over the next several days, back-and-for", "2016-08-01", "month", "relative"),
    ]


def test_a_rank_abbreviation_does_not_end_the_sentence():
    # "Brig. Gen. Omar Hamid was killed": one sentence, which inherits the day before it
    assert dates("rank_abbreviation_does_not_end_a_sentence.md") == [
        ("On 17 August, government forces stormed ", "2016-08-17", "day", "document"),
        ("The commander of the base Brig. Gen. Oma", "2016-08-17", "day", "inherited"),
    ]


def test_an_observation_post_is_not_sourcing():
    # "observation" is sourcing in "flight observation data", not in "the nearby observation post":
    # the capture inherits the day of the sentence before
    assert dates("observation_post_is_not_sourcing.md") == [
        ("On 26 February, two soldiers were killed", "2020-02-26", "day", "section"),
        ("The army captured Deir Sunbul, besieging", "2020-02-26", "day", "inherited"),
    ]


def test_a_military_post_established_is_a_deployment_not_a_founding():
    # "established a third post ... on 1 February" is an event; "was founded on 18 February 2020"
    # (an organisation) stays background
    assert dates("military_post_established_is_not_a_founding.md") == [
        ("On 30 January 2020, the army set up two ", "2020-01-30", "day", "stated"),
        ("It then established a third post to the ", "2020-02-01", "day", "section"),
    ]


def test_could_not_in_what_a_speaker_said_is_not_a_finding():
    # the minister's "could not allow" is his statement (an event); investigators who "could not"
    # identify munitions state a finding (background)
    assert dates("could_not_in_a_quote_is_not_a_finding.md") == [
        ("In July 2017, the defence minister said ", "2017-07-01", "month", "stated"),
    ]


def test_the_date_in_an_image_caption_is_the_images():
    # "[[File:...|thumb|Map ... on 17 September 2018": the map's date, not an event
    assert dates("background_file_caption_date.md") == [
        ("On 22 May, the army established its twel", "2018-05-22", "day", "section"),
    ]


def test_a_running_estimate_since_a_year_is_background():
    # "By August 2022, Airwars estimated that 17-45 civilians were killed ... since 2013": a
    # statistic, not an event of August 2022; its figure stays (cumulative)
    assert dates("background_running_estimate_since_year.md") == [
        ("In March 2017, Syria launched anti-aircr", "2017-03-01", "month", "stated"),
    ]


def test_month_anaphors_days_of_fighting_and_first_days_of_a_month():
    # "One month later" is the next month; "Early that month", "late that month", "At the end of the
    # month" the month before; "Two weeks later" / "After four days of fighting" after a month are
    # that month; "After a few days of heavy fighting" after a day is its month; "continued well into
    # March 2017" dates its sentence (and the "late that month" after it); "During the first days of
    # September 2017" is early September
    assert dates("month_anaphors_and_days_of_fighting.md") == [
        ("In late October 2014, the army launched ", "2014-10-01", "month", "stated"),
        ("One month later, the army resumed its of", "2014-11-01", "month", "relative"),
        ("By May 2015, fierce fighting raged in th", "2015-05-01", "month", "stated"),
        ("Early that month, the militants captured", "2015-05-01", "month", "relative"),
        ("Two weeks later, the army claimed that i", "2015-05-01", "month", "relative"),
        ("On 16 January 2016, the militants launch", "2016-01-16", "day", "stated"),
        ("After a few days of heavy fighting, the ", "2016-01-01", "month", "relative"),
        ("In mid-March 2016, the army launched an ", "2016-03-01", "month", "stated"),
        ("After four days of fighting, the army ca", "2016-03-01", "month", "relative"),
        ("The militants' attempts to breach the de", "2017-03-01", "month", "stated"),
        ("Also, late that month, the militants con", "2017-03-01", "month", "relative"),
        ("Between 7 and 11 July, a new series of a", "2017-07-07", "day", "section"),
        ("At the end of the month, another attack ", "2017-07-01", "month", "relative"),
        ("During the first days of September 2017,", "2017-09-01", "month", "stated"),
    ]


def test_residents_an_estimate_and_a_toll_over_months_are_background():
    # "200,000 people resided", "In November 2017, the UN estimated that ...", "Between February 2015
    # and March 2016, more than 63 civilians were killed": statistics; only the shelling is an event
    assert dates("background_residents_estimate_and_toll_over_months.md") == [
        ("On 5 March 2016, the militants shelled t", "2016-03-05", "day", "stated"),
    ]


def test_a_range_of_qualifiers_within_one_month():
    # "From early to mid-September 2014": September 2014 (month precision, qualifier early)
    assert mentions("qualifier_range_within_a_month.md") == [
        ("From early to mid-September 2014, the mi", "2014-09-01", "month", "stated", None, []),
    ]


def test_construction_start_and_a_count_of_strikes_over_years_are_background():
    # "construction at the mosque started in 2013" is a founding; "attacked arms convoys nearly 100
    # times over six years" a tally; only the airstrikes of 13 January 2021 are an event
    assert dates("background_construction_start_and_times_over_years.md") == [
        ("On 13 January 2021, airstrikes hit the m", "2021-01-13", "day", "stated"),
    ]


def test_a_flashback_does_not_move_the_story_day():
    # "The day before, the governor had warned ...": dated the 7th, but the undated statement and
    # the "next day" after it count from the 8th, the day the story is at
    assert dates("flashback_day_before_keeps_the_story_day.md") == [
        ("On 8 October 2012, mortar rounds fired f", "2012-10-08", "day", "stated"),
        ("The day before, the governor had warned ", "2012-10-07", "day", "relative"),
        ("Shortly afterwards the border battalion ", "2012-10-08", "day", "inherited"),
        ("The next day, the army reinforced the bo", "2012-10-09", "day", "relative")]


def test_next_day_after_a_fronted_clause_counts_from_its_day():
    # "After the army came within 2 km ... on 12 February, the next day, it was reported ...": the
    # main clause is the 13th; the undated sentence after it inherits the 13th
    assert dates("fronted_clause_day_then_next_day.md") == [
        ("After the army came within 2 km of the t", "2017-02-13", "day", "relative"),
        ("The army then began operations east of t", "2017-02-13", "day", "inherited")]


def test_morning_hours_of_a_day_and_soon_after_by_a_day():
    # "In the morning hours of 12 November 2012" is that day (its section says October);
    # "Soon after by December 14," opens with a connective, not a fronted clause
    assert dates("time_of_day_hours_and_soon_after_by.md") == [
        ("On 17 October 2012, artillery fired into", "2012-10-17", "day", "stated"),
        ("In the morning hours of 12 November 2012", "2012-11-12", "day", "stated"),
        ("The rebels responded with machine gun fi", "2012-11-12", "day", "inherited"),
        ("On 9 October 2012, the alliance complete", "2012-10-09", "day", "stated"),
        ("Soon after by December 14, air defence b", "2012-12-14", "day", "previous")]


def test_mid_month_and_an_ordinal_day_of_the_current_month():
    # "By mid-month" is the month of the statement before (month precision), "On the 14th" its
    # day 14; "On the 2nd of July": the article belongs to the date
    assert dates("mid_month_and_ordinal_day_of_the_month.md") == [
        ("On 3 June, the army captured the village", "2016-06-03", "day", "document"),
        ("By mid-month, the army had reached the o", "2016-06-01", "month", "relative"),
        ("On 12 June, the army captured Ariha.", "2016-06-12", "day", "previous"),
        ("On the 14th, rebels recaptured Ariha.", "2016-06-14", "day", "relative"),
        ("On the 2nd of July, jets struck Ariha.", "2016-07-02", "day", "previous")]


def test_days_or_weeks_after_that_count_from_the_statement_before():
    # "A week after that" is "a week later"; without the rule it inherited the 3rd
    assert dates("week_after_that.md") == [
        ("On 3 June, the army captured the village", "2016-06-03", "day", "document"),
        ("A week after that, jets struck the villa", "2016-06-10", "day", "relative"),
        ("Two days after this, rebels shelled the ", "2016-06-12", "day", "relative")]


def test_the_day_after_that_and_a_week_of_a_month():
    # "The day after that" is +1; "the first / last week of August" is August (early / late)
    assert dates("day_after_that_and_first_week_of_month.md") == [
        ("On 2 June, clashes took place in the vil", "2016-06-02", "day", "document"),
        ("The day after that, rebels shelled the v", "2016-06-03", "day", "relative"),
        ("During the first week of August, the arm", "2016-08-01", "month", "previous"),
        ("In the last week of August, rebels withd", "2016-08-01", "month", "previous")]


def test_a_list_of_days_of_one_month_is_a_range():
    # "On 12, 13 and 14 September": the first day, to the last; "on the 20th": that month's day
    assert [m[:5] for m in mentions("day_list_of_one_month.md")] == [
        ("On 12, 13 and 14 September, jets struck ", "2016-09-12", "day", "document", "2016-09-14"),
        ("Rebels retook the hill on the 20th.", "2016-09-20", "day", "relative", None)]


def test_around_a_day_and_half_of_a_month():
    # "On or around 8 June" and "Around 20 July" open with their day; "In the second half of June"
    # is June (late)
    assert dates("around_a_day_and_half_of_a_month.md") == [
        ("On or around 8 June, the army entered th", "2016-06-08", "day", "document"),
        ("In the second half of June, jets struck ", "2016-06-01", "month", "previous"),
        ("Around 20 July, the army captured the hi", "2016-07-20", "day", "previous")]


# --- thirteenth batch (wp_manbij_offensive): forms of dates a battle article writes -------------

def test_the_article_before_a_day_and_month():
    # "on the 21 August", "on the 24th August": the article belongs to the date
    assert dates("day_month_after_the_article.md") == [
        ("On 18 August, the militia captured the v", "2016-08-18", "day", "document"),
        ("In consequence, the militia pressed sout", "2016-08-21", "day", "previous"),
        ("Rebels retook a hill on the 24th August.", "2016-08-24", "day", "previous")]


def test_throughout_the_following_night():
    # "continued throughout the following night": the day after; "During the previous night": before
    assert dates("throughout_the_following_night.md") == [
        ("On 12 August, the militia entered the ea", "2016-08-12", "day", "document"),
        ("The clashes in the district continued th", "2016-08-13", "day", "relative"),
        ("During the previous night, jets had stru", "2016-08-12", "day", "relative")]


def test_in_course_of_a_month():
    # "Sometime in course of July", "In the course of August": during that month
    assert dates("in_course_of_a_month.md") == [
        ("On 30 June, the army closed the last roa", "2016-06-30", "day", "document"),
        ("Sometime in course of July, a senior com", "2016-07-01", "month", "previous"),
        ("In the course of August, the defenders l", "2016-08-01", "month", "previous")]


def test_a_fronted_while_or_when_clause_dates_the_main_clause():
    # "While ... on 31 July, ..., the militia broke through": 31 July, and the undated sentence after
    # it inherits it; "When ... on 2 August, they found": 2 August; "Although ... on 4 August, the
    # defenders held": not dated (a concession tells no time of the main clause)
    assert dates("fronted_while_clause_dates_the_main_clause.md") == [
        ("On 28 July, rebels shelled the bridge.", "2016-07-28", "day", "document"),
        ("While the defenders kept up their attack", "2016-07-31", "day", "previous"),
        ("The militia captured two districts and t", "2016-07-31", "day", "inherited"),
        ("When the militia entered the market on 2", "2016-08-02", "day", "previous")]


def test_after_several_days_of_fighting_after_a_range_is_its_last_day():
    # after "From 11–13 July", the days of fighting are the range: 13 July (and "Meanwhile" too);
    # after a single day the day is unknown: the month a few days on, as before
    assert dates("after_days_of_fighting_after_a_range.md") == [
        ("From 11–13 July, the militia advanced in", "2016-07-11", "day", "document"),
        ("After several days of heavy fighting, th", "2016-07-13", "day", "relative"),
        ("Meanwhile, fighting went on at the hospi", "2016-07-13", "day", "relative"),
        ("On 20 July, the militia shelled the brid", "2016-07-20", "day", "previous"),
        ("After several days of fighting, the defe", "2016-07-01", "month", "relative")]


def test_overnight_and_within_days():
    # "Overnight," the night after the day told; "Within days," a few days on: the month (29 June
    # plus a few days is July)
    assert dates("within_days_and_overnight.md") == [
        ("On 3 June, the army captured the village", "2016-06-03", "day", "document"),
        ("Overnight, rebels shelled the village.", "2016-06-03", "day", "relative"),
        ("On 29 June, jets struck the bridge.", "2016-06-29", "day", "previous"),
        ("Within days, the army retook the hill.", "2016-07-01", "month", "relative")]


def test_a_later_day_in_an_absolute_with_clause_is_not_the_sentences():
    # "..., with one of them dying of his wounds five days later": the wounding is the story's day;
    # an opening "Five days later" is still counted from it
    assert dates("absolute_with_clause_later_day.md") == [
        ("On 13 July, the militia captured the sch", "2016-07-13", "day", "document"),
        ("Two reporters near the town were wounded", "2016-07-13", "day", "inherited"),
        ("Five days later, jets struck the bridge.", "2016-07-18", "day", "relative")]


def test_footage_a_party_releases_with_its_statement_is_no_sourcing():
    # "..., releasing footage of his body" closes a statement of a death: it inherits 9 June; a
    # sentence about uploading a video is still sourcing
    assert dates("releasing_footage_with_a_statement_is_no_sourcing.md") == [
        ("On 9 June, the militia reached the south", "2016-06-09", "day", "document"),
        ("The militia announced that the commander", "2016-06-09", "day", "inherited")]


def test_a_guess_about_the_past_is_no_running_total():
    # "who may have belonged to" is no present perfect: the killing inherits 22 August; "has denied"
    # still is (a state, not a happening of that day)
    assert dates("a_guess_about_the_past_is_no_running_total.md") == [
        ("On 22 August, three factions declared a ", "2016-08-22", "day", "document"),
        ("Just a few hours later, the leader of th", "2016-08-22", "day", "inherited")]


def test_a_release_told_the_next_day_moves_the_story_to_that_day():
    # "The next day, the defenders released a video ..." is a publication (not emitted), but the
    # story is on 5 July: "Meanwhile, ..." after it is 5 July, not 4 July
    assert dates("a_release_the_next_day_moves_the_story.md") == [
        ("On 4 July, the militia repelled an attac", "2016-07-04", "day", "document"),
        ("Meanwhile, the militia called in reinfor", "2016-07-05", "day", "relative")]


def test_a_weekday_is_the_one_nearest_to_the_story_day():
    # 28 June 2016 is a Tuesday: "said Wednesday" is 29 June; after Saturday 9 July, "On Monday" is
    # 11 July (two days on, not five back); "every Friday" is a habit and dates nothing
    assert dates("weekday_near_the_story_day.md") == [
        ("On 28 June, the militia seized a depot o", "2016-06-28", "day", "document"),
        ('"The documents are being studied," the c', "2016-06-29", "day", "relative"),
        ("On 9 July, the militia reached the hospi", "2016-07-09", "day", "previous"),
        ("On Monday, jets struck the bridge.", "2016-07-11", "day", "relative")]


def test_when_the_offensive_started_is_the_first_day_of_its_period():
    # "When the offensive started, ..." in a paragraph of April: the infobox period's first day,
    # 31 May, not the 4 April of the sentence before
    assert dates("when_the_offensive_started.md") == [
        ("On 4 April, a delegation of officers tra", "2016-04-04", "day", "document"),
        ("When the offensive started, a newspaper ", "2016-05-31", "day", "document")]


def test_a_yearless_day_well_before_the_previous_month_goes_forward_to_the_period():
    # "On 3 April" after "In late December 2015", in an article about May-August 2016: April 2016
    # (a narrative goes forward), not April 2015
    assert dates("yearless_days_after_a_month_of_the_year_before.md") == [
        ("In late December 2015, the militia captu", "2015-12-01", "month", "stated"),
        ("On 3 April, the allies asked for support", "2016-04-03", "day", "previous"),
        ("On 31 May, the militia launched the offe", "2016-05-31", "day", "document")]


def test_a_running_total_of_strikes_is_no_event():
    # "By 30 March 2016, the air force had conducted 25 airstrikes": a count up to a day, not emitted
    assert dates("a_running_total_of_strikes_is_no_event.md") == [
        ("In late December 2015, the militia captu", "2015-12-01", "month", "stated"),
        ("On 2 April, the allies asked for support", "2016-04-02", "day", "previous")]


def test_an_infobox_field_left_in_the_body_is_not_prose():
    # "* casualties1 = 1,100 fighters killed by March 2018": template residue, no mention of March 2018
    assert dates("template_field_residue_is_not_prose.md") == [
        ("On 1 February 2020, troops closed the bo", "2020-02-01", "day", "stated")]


def test_a_past_perfect_of_an_earlier_time_does_not_inherit_the_day():
    # "It had previously been opened ..." happened before 1 February: not inherited; the next
    # undated statement is
    assert dates("a_past_perfect_of_earlier_is_no_happening_of_the_day.md") == [
        ("On 1 February 2020, troops closed the bo", "2020-02-01", "day", "stated"),
        ("Traffic stopped at the crossing.", "2020-02-01", "day", "inherited")]


def test_for_the_next_few_months_is_the_year_of_the_statement_before():
    # "continued for the next few months" after 13 October 2016: months, no month of their own
    # (not the day 13 October): 2016 at year precision
    assert dates("over_the_next_few_months.md") == [
        ("In October 2016, clashes erupted between", "2016-10-01", "month", "stated"),
        ("Most of one faction pledged allegiance t", "2016-10-13", "day", "stated"),
        ("Sporadic clashes continued for the next ", "2016-01-01", "year", "relative")]


def test_what_would_have_happened_is_no_happening():
    # "He said the money would have been better spent": a statement of that day (it inherits);
    # "We would have used it more effectively" alone tells nothing that happened
    assert dates("a_counterfactual_is_no_happening.md") == [
        ("On 12 October 2015, the president critic", "2015-10-12", "day", "stated"),
        ("He said the money would have been better", "2015-10-12", "day", "inherited")]
