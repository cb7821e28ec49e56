"""Forms of an overview article of the war's effects on other countries (issue 9, the seventeenth label
batch): a part of a season, two seasons of a year, a count of incidents in a month, a day inside a
season, "a total of" another count, police officers killed. One tiny fixture document per case in
``tests/fixtures/prose/``; each test parses and extracts it as the build does and asserts the exact
rows."""

from __future__ import annotations

from pathlib import Path

from pipeline.extract import DocumentExtract, extract_document
from pipeline.parsers import identify, parse_document

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "prose"


def extract(name: str) -> DocumentExtract:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    fmt, key = identify(text)
    return extract_document(parse_document(text, fmt=fmt, path=f"prose/{name}", doc_id="fixture"), key)


def dates(name: str) -> list[tuple[str, str, str]]:
    return [(m["text"][:30], m["date"].isoformat(), m["date_precision"])
            for m in extract(name).mentions if m["kind"] == "narrative"]


def figures(name: str) -> list[tuple]:
    return [(f["number_text"], f["count_low"], f["outcome"], f["victim_group"], f["scope"])
            for f in extract(name).figures]


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
