"""Forms of an overview article of the war's effects on other countries (issue 9, the seventeenth label
batch): a part of a season, two seasons of a year, a count of incidents in a month, a day inside a
season, "a total of" another count, police officers killed. One tiny fixture document per case in
``tests/fixtures/prose/``; each test parses and extracts it as the build does and asserts the exact
rows."""

from __future__ import annotations

from tests.conftest import fixture_extract


def dates(name: str) -> list[tuple[str, str, str]]:
    return [(m["text"][:30], m["date"].isoformat(), m["date_precision"])
            for m in fixture_extract(name).mentions if m["kind"] == "narrative"]


def figures(name: str) -> list[tuple]:
    return [(f["number_text"], f["count_low"], f["outcome"], f["victim_group"], f["scope"])
            for f in fixture_extract(name).figures]


def test_the_beginning_of_a_season_and_two_seasons_date_the_year():
    # "At the beginning of summer 2012" is 2012 (a season is no month) and gives its year to "On 17
    # September"; "during the spring and summer of 2015" is 2015
    assert dates("overview_a_part_of_a_season.md") == [
        ("At the beginning of summer 201", "2012-01-01", "year"),
        ("On 17 September, aircraft fire", "2012-09-17", "day"),
        ("The relationship between the t", "2015-01-01", "year"),
    ]


def test_a_count_of_incidents_in_a_month_is_no_event():
    # "Two incidents occurred in January 2016." counts what the next sentences tell; a single
    # "an attack took place" in a month is an event (the year's digits are no count)
    assert dates("overview_a_count_of_incidents_in_a_month.md") == [
        ("On 23 January, a patrol fought", "2016-01-23", "day"),
        ("In March 2016, an attack took ", "2016-03-01", "month"),
    ]


def test_a_day_inside_the_season_first_named_dates_the_sentence():
    assert dates("overview_a_day_inside_a_season.md") == [
        ("The tensions further escalated", "2015-07-20", "day")]


def test_a_total_of_another_count_leaves_the_toll_an_incident():
    # 36 armed men "in total" tried to cross; the 12 dead are the clash's
    assert figures("overview_a_total_of_another_count.md") == [("12", 12, "killed", "people", "incident")]


def test_police_officers_are_people_not_the_army():
    assert figures("overview_police_officers_killed.md") == [("two", 2, "killed", "people", "incident")]


# --- a coalition's operation (the eighteenth label batch) ------------------------------------------

def test_yearly_counts_of_incidents_and_deaths_are_cumulative_and_no_event():
    assert figures("coalition_yearly_incidents_and_deaths.md") == [
        ("708", 708, "killed", "people", "cumulative"), ("846", 846, "killed", "people", "cumulative")]
    assert dates("coalition_yearly_incidents_and_deaths.md") == []


def test_a_month_tallied_alone_or_recorded_is_a_summary_not_a_strike():
    # a month's toll "alone" and a monitor's record of a month are tallies (cumulative, no mention);
    # a strike on its day is an event with an incident's toll
    assert figures("coalition_a_month_tallied_alone.md") == [
        ("1,472", 1472, "killed", "civilians", "cumulative"),
        ("1,342", 1342, "killed", "people", "cumulative"),
        ("more than 200", 200, "killed", "civilians", "incident"),
    ]
    assert dates("coalition_a_month_tallied_alone.md") == [("On 17 March 2017, a coalition ", "2017-03-17", "day")]


def test_strikes_that_have_killed_so_far_are_a_running_total():
    assert figures("coalition_strikes_have_killed_so_far.md") == [("7,043", 7043, "killed", "people", "cumulative")]


def test_a_running_total_of_strikes_in_the_passive_is_no_event():
    assert dates("coalition_a_running_total_in_the_passive.md") == [
        ("On 30 March 2016, the defence ", "2016-03-30", "day")]
    assert figures("coalition_a_running_total_in_the_passive.md") == [
        ("over 27,000", 27000, "killed", "militants", "cumulative")]


def test_a_count_of_strikes_over_years_and_the_period_a_count_covers_are_no_events():
    # "From August 8, 2014, to August 29, 2019" is one range (the American day with its comma)
    assert dates("coalition_a_count_of_strikes_over_years.md") == [
        ("On 27 October 2019, the group'", "2019-10-27", "day")]


def test_alleged_tolls_and_a_total_death_count_are_figures():
    assert figures("coalition_alleged_tolls.md") == [
        ("up to 300", None, "killed", "civilians", "incident"),
        ("45", 45, "killed", "children", "incident"),
        ("1,483", 1483, "killed", "people", "incident"),
        ("1,417", 1417, "killed", "people", "cumulative"),
    ]


def test_service_members_are_soldiers():
    assert figures("coalition_service_members.md") == [("three", 3, "killed", "soldiers", "cumulative")]


def test_a_toll_that_has_now_been_reached_is_a_running_total():
    assert figures("coalition_a_toll_now_reached.md") == [
        ("more than 25,000", 25000, "killed", "militants", "cumulative")]


def test_a_count_of_several_nouns_before_its_passive_casualty_word():
    # "120 IS leaders, commanders, ... and other high-value individuals were killed so far this year"
    assert figures("coalition_a_count_of_many_nouns.md") == [("120", 120, "killed", "militants", "cumulative")]


def test_a_year_of_bombs_alone_is_a_count_not_a_report():
    # a year's count of bombs "alone" is no happening (nor the report's year); rockets fired in a
    # month without "alone" are, and so is a party's statement of its count
    assert dates("coalition_a_year_of_bombs_alone.md") == [
        ("In March 2016, the army fired ", "2016-03-01", "month"),
        ("In September 2018, the air for", "2018-09-01", "month"),
    ]


def test_territory_taken_by_a_date_is_a_running_total():
    assert dates("coalition_territory_taken_by_a_date.md") == [("On 27 October 2019, the group'", "2019-10-27", "day")]


def test_a_part_of_which_were_killed_is_of_the_group_named_before():
    # "of which" for people, as "of whom": the 140 are of the 2,000 fighters
    assert figures("a_part_of_which_were_killed.md") == [("140", 140, "killed", "militants", "incident")]


def test_a_breakdown_listed_after_a_toll_gives_each_part_its_victims():
    # "of which:" then parts, the first "5,768 dead were IS fighters", the others bare counts
    assert figures("coalition_a_breakdown_of_a_toll.md") == [
        ("7,043", 7043, "killed", "people", "cumulative"),
        ("5,768", 5768, "killed", "militants", "cumulative"),
        ("304", 304, "killed", "militants", "cumulative"),
        ("90", 90, "killed", "soldiers", "cumulative"),
        ("881", 881, "killed", "civilians", "cumulative"),
    ]
