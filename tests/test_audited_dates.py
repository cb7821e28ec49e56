"""Dates found missing by ``benchmarks/audit_statements.py`` (issue 9): sentences of unlabelled and
tune articles that state a day but gave no mention. One tiny invented fixture document per case in
``tests/fixtures/prose/``; each test parses and extracts it as the build does and asserts the exact
rows."""

from __future__ import annotations

from pipeline.dates import DateResolver, main_phase
from tests.conftest import fixture_extract


def dates(name: str) -> list[tuple[str, str, str, str]]:
    return [(m["text"][:30], m["date"].isoformat(), m["date_precision"], m["date_basis"])
            for m in fixture_extract(name).mentions if m["kind"] == "narrative"]


def test_a_yearless_reaction_in_an_article_of_labelled_phases_takes_the_first_phases_year():
    # the infobox spans February 2017 - October 2018 in two labelled phases: "14 February" and "6
    # May" could be either year; nothing before them in "## Reactions" places them, and the
    # operation the article is named after is the first phase (2017)
    assert dates("phases_a_reaction_without_a_year.md") == [
        ("On 12 February 2017, the army ", "2017-02-12", "day", "stated"),
        ("On 14 February, the foreign mi", "2017-02-14", "day", "document"),
        ("On 6 May, a group of students ", "2017-05-06", "day", "previous"),
    ]


def test_a_yearless_reaction_in_an_article_of_one_period_over_two_years_stays_undated():
    # one period, no phases: "14 February" is 2017 or 2018, and a wrong year is worse than none
    assert dates("one_period_a_reaction_without_a_year.md") == [
        ("On 12 February 2017, the army ", "2017-02-12", "day", "stated"),
    ]


def test_the_main_phase_is_the_first_of_two_labelled_phases_only():
    labelled = "Main combat phase: 20 January – 24 March 2018 Main insurgency phase: 25 March 2018 – 9 August 2019"
    phase = main_phase(labelled)
    assert phase is not None and (phase.start.isoformat(), phase.end.isoformat()) == ("2018-01-20", "2018-03-24")
    assert main_phase("6 November 2016 – 23 February 2017") is None
    assert main_phase("Battle of al-Bab: 2016") is None


def test_a_day_told_late_on_or_early_on_in_passing_dates_the_sentence():
    # "announced late on 21 February", "captured ... early on 3 March": a time of that day, no
    # frame of another happening
    assert dates("a_day_told_late_on_it.md") == [
        ("On 12 February 2017, the army ", "2017-02-12", "day", "stated"),
        ("The White House announced late", "2017-02-21", "day", "previous"),
        ("The rebels captured the villag", "2017-03-03", "day", "previous"),
    ]


def test_a_fronted_clause_late_on_a_day_still_frames_the_main_clause():
    # "Following an operation late on 11 August, ...": the fronted clause's day is another
    # happening's (unchanged by the rule above)
    resolver = DateResolver(periods=("1 August – 30 September 2017",))
    assert resolver.resolve("Following an operation late on 11 August, paratroopers captured two towns.") == []
    assert resolver.status == "refused"


def test_a_timeline_year_before_the_infobox_period_is_the_articles_story():
    # the infobox period begins on 9 June 2014, but "### 2012" of the article's "## Timeline" tells
    # its own story (no history rule); "### 2011" under "## Background" stays history
    assert dates("timeline_years_before_the_infobox_period.md") == [
        ("In March 2012, Examplian cargo", "2012-03-01", "month", "stated"),
        ("Border guards seized a truck o", "2012-02-01", "month", "stated"),
        ("On 9 June 2014, Examplian troo", "2014-06-09", "day", "stated"),
    ]


def test_a_named_outlets_report_dated_by_its_month_or_year_is_background():
    # "In May 2017, The Independent reported that ...", "In 2017, CBS News reported that ...", "The
    # Example Post reported in April 2017 that ...": what a news outlet reported, dated by its issue,
    # as "the German newspaper Die Welt reported" is; the
    # happening a report dates after its verb, and a report told on its day, stay events
    assert dates("background_an_outlet_reported.md") == [
        ("The Example Times reported tha", "2017-03-01", "month", "stated"),
        ("On 5 May 2017, Reuters reporte", "2017-05-05", "day", "stated"),
    ]


def test_the_next_day_after_early_in_a_month_is_that_month():
    # "By early June, ... . The next day, ...": no day, but still (early) June; after "late June" the
    # next day may be July, so it stays undated
    rows = [(m["text"][:30], m["date"].isoformat(), m["date_precision"], m["date_qualifier"])
            for m in fixture_extract("the_next_day_after_early_in_a_month.md").mentions]
    assert rows == [
        ("By early June, the army captur", "2017-06-01", "month", "early"),
        ("The next day, the army reached", "2017-06-01", "month", "early"),
        ("In late June, the army capture", "2017-06-01", "month", "late"),
    ]


def test_the_first_weekend_of_a_month_is_early_in_it():
    # "In the first weekend of January 2014, ...": as "the first week of", early January, month
    # precision; "the last weekend of" is late
    resolver = DateResolver(periods=("2 January 2014 – present",))
    got = resolver.resolve("In the first weekend of January 2014, the rebels recaptured the town.")
    assert [(d.date.isoformat(), d.precision, d.qualifier) for d in got] == [("2014-01-01", "month", "early")]
    got = resolver.resolve("On the last weekend of March 2016, the army retook the hill.")
    assert [(d.date.isoformat(), d.precision, d.qualifier) for d in got] == [("2016-03-01", "month", "late")]
