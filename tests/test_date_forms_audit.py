"""Date forms found by ``benchmarks/audit_dates.py`` (issue 9): the parts of a period, ranges and
relative dates a careful analyst dates but the resolver refused or left undated. One invented
sentence per case, read after "On 10 May 2016, ..." in an article about 2016 under a heading
"2016"; each test asserts the date, precision, qualifier and range end the sentence gets."""

from __future__ import annotations

from pipeline.dates import DateResolver


def resolve(sentence: str) -> list[tuple[str, str, str | None, str | None]]:
    resolver = DateResolver(periods=("1 January 2016 – 31 December 2016",))
    resolver.enter_section("2016", 2)
    resolver.resolve("On 10 May 2016, the army captured the hill.")
    return [(d.date.isoformat(), d.precision, d.qualifier, d.last.isoformat() if d.last else None)
            for d in resolver.resolve(sentence)]


def test_the_second_week_of_a_month_is_early_in_it():
    assert resolve("In the second week of June, the army shelled the town.") == [("2016-06-01", "month", "early", None)]


def test_the_third_week_of_a_month_is_its_middle():
    assert resolve("In the third week of June 2016, the army shelled the town.") == [("2016-06-01", "month", "mid", None)]


def test_the_fourth_week_of_a_month_is_late_in_it():
    assert resolve("During the fourth week of June, the rebels shelled the base.") == [("2016-06-01", "month", "late", None)]


def test_the_weekend_of_two_days_is_their_range():
    assert resolve("On the weekend of 14–15 May, the army shelled the town.") == [("2016-05-14", "day", None, "2016-05-15")]


def test_the_first_quarter_of_a_year_is_early_in_it():
    assert resolve("In the first quarter of 2016, coalition strikes killed 40 fighters.") == [("2016-01-01", "year", "early", None)]


def test_the_last_quarter_of_a_year_is_late_in_it():
    assert resolve("In the last quarter of 2016, the army shelled the town.") == [("2016-01-01", "year", "late", None)]


def test_between_two_ordinal_days_of_a_month_is_their_range():
    assert resolve("Between the 15th and 17th of May, the army shelled the town.") == [("2016-05-15", "day", None, "2016-05-17")]


def test_two_ordinal_days_of_a_month_joined_by_and_are_two_dates():
    assert resolve("On the 15th and 17th of May, the army shelled the town.") == [
        ("2016-05-15", "day", None, None), ("2016-05-17", "day", None, None)]


def test_later_in_the_year_is_the_previous_statements_year():
    assert resolve("Later in the year, the rebels retook the village.") == [("2016-01-01", "year", None, None)]


def test_late_in_the_year_is_the_late_part_of_the_previous_statements_year():
    assert resolve("Late in the year, the rebels retook the village.") == [("2016-01-01", "year", "late", None)]


def test_a_fortnight_later_is_fourteen_days_on():
    assert resolve("A fortnight later, the rebels retook the village.") == [("2016-05-24", "day", None, None)]


def test_eleven_days_later_in_words_is_eleven_days_on():
    assert resolve("Eleven days later, the rebels retook the village.") == [("2016-05-21", "day", None, None)]


def test_about_a_week_later_is_the_month_a_week_on():
    # an approximate count claims no day: the month seven days after the statement before
    assert resolve("About a week later, the rebels retook the village.") == [("2016-05-01", "month", None, None)]


def test_about_two_weeks_later_at_a_months_end_is_the_next_month():
    resolver = DateResolver(periods=("1 January 2016 – 31 December 2016",))
    resolver.resolve("On 25 May 2016, the army captured the hill.")
    got = resolver.resolve("Around two weeks later, the rebels retook the village.")
    assert [(d.date.isoformat(), d.precision) for d in got] == [("2016-06-01", "month")]


def test_about_three_days_later_stays_undated():
    # a count of days, approximate: the day is not known and the month may be either
    assert resolve("About three days later, the rebels retook the village.") == []


def test_by_nightfall_is_the_previous_statements_day():
    assert resolve("By nightfall, the army had captured the town.") == [("2016-05-10", "day", None, None)]


def test_within_a_week_is_the_month_a_few_days_on():
    assert resolve("Within a week, the rebels had retaken the village.") == [("2016-05-01", "month", None, None)]


def test_in_the_days_that_followed_is_the_month_a_few_days_on():
    assert resolve("In the days that followed, the army shelled the town.") == [("2016-05-01", "month", None, None)]


def test_within_a_week_inside_a_sentence_is_no_date():
    # "the second incursion within a week": a span the sentence counts in, not when it happened
    assert resolve("This was reported to be the second incursion within a week.") == []


def test_a_founding_year_in_an_appositive_does_not_date_the_sentence():
    # ", formed in 2012,": the brigade's origin, not when it joined; the sentence states no date
    resolver = DateResolver(periods=("1 January 2016 – 31 December 2016",))
    resolver.resolve("On 10 May 2016, the army captured the hill.")
    assert resolver.resolve("The brigade, formed in 2012, joined the offensive.") == []
    assert resolver.status == "none"


def test_the_main_clauses_day_after_a_founding_appositive_dates_the_sentence():
    assert resolve("The brigade, founded by defectors in March 2016, joined the offensive on 14 May.") == [
        ("2016-05-14", "day", None, None)]


def test_a_building_year_in_an_appositive_leaves_the_strike_undated():
    assert resolve("The hospital, built in 2012, was struck by two missiles.") == []


def test_the_following_year_counts_from_the_story_not_from_a_founding_appositive():
    resolver = DateResolver(periods=("1 January 2016 – 31 December 2016",))
    resolver.resolve("On 10 May 2016, the army captured the hill.")
    resolver.resolve("The brigade, formed in 2012, joined the offensive.")
    got = resolver.resolve("The following year, the brigade was dissolved.")
    assert [(d.date.isoformat(), d.precision) for d in got] == [("2017-01-01", "year")]


def test_the_next_day_after_a_place_ending_in_a_is_a_day():
    # "captured Mizella the next day": the place's last letter is no article ("a"), so the
    # anaphor stands bare at the end of the sentence and dates it
    resolver = DateResolver(periods=("6 November 2016 – 20 October 2017",))
    resolver.resolve("On 8 February 2017, the SDF advanced on the village.")
    got = resolver.resolve("The SDF captured Mizella the next day.")
    assert [(d.date.isoformat(), d.precision) for d in got] == [("2017-02-09", "day")]


def test_two_days_later_after_a_place_ending_in_a_is_two_days_on():
    assert resolve("The rebels returned to Raqqa two days later.") == [("2016-05-12", "day", None, None)]


def test_shortly_after_midnight_on_a_day_is_that_day():
    # a time of day, like "After midnight on 7 July": no fronted clause of another happening
    assert resolve("Shortly after midnight on 12 May, the army captured the town.") == [("2016-05-12", "day", None, None)]


def test_shortly_after_another_happening_on_a_day_still_frames_the_sentence():
    assert resolve("Shortly after the attack on 12 May, the army captured the town.") == []


def test_over_two_days_opening_a_sentence_is_their_range():
    assert resolve("Over 12–13 May, the army captured the town.") == [("2016-05-12", "day", None, "2016-05-13")]


def test_the_first_day_of_a_month_is_its_first_day():
    assert resolve("On the first day of June, the army captured the town.") == [("2016-06-01", "day", None, None)]


def test_the_last_day_of_a_month_is_its_last_day():
    assert resolve("On the last day of May, the army captured the town.") == [("2016-05-31", "day", None, None)]


def test_the_last_day_of_a_february_with_its_year_is_the_leap_day():
    assert resolve("On the last day of February 2016, the army captured the town.") == [("2016-02-29", "day", None, None)]


def test_the_last_day_of_a_yearless_february_is_no_date():
    # 28 or 29 February: the day depends on a year the words do not state
    assert resolve("On the last day of February, the army captured the town.") == []
