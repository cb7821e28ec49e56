"""Entries of a list of units and commanders (an order of battle): what befell a person named in an
entry, told in brackets, after "until" or in a relative clause, with its day (issue 9, the sixteenth
label batch). One tiny fixture document per case in ``tests/fixtures/prose/``; each test parses and
extracts it as the build does and asserts the exact mentions."""

from __future__ import annotations

from pathlib import Path

from pipeline.dates import DateResolver
from pipeline.extract import extract_document
from pipeline.parsers import identify, parse_document

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "prose"


def dates(name: str) -> list[tuple[str, str, str]]:
    """(start of the text, date, precision) of every narrative mention, in order."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    fmt, key = identify(text)
    doc = parse_document(text, fmt=fmt, path=f"prose/{name}", doc_id="fixture")
    return [(m["text"][:30], m["date"].isoformat(), m["date_precision"])
            for m in extract_document(doc, key).mentions if m["kind"] == "narrative"]


def test_a_death_in_brackets_dates_the_entry():
    # a day in brackets after "killed" (year from the article's period), a month after an alias;
    # a unit's joining "(since 2 April 2018)" stays a period, not a happening
    assert dates("order_of_battle_a_death_in_brackets.md") == [
        ("Desert Brigade, led by Adel Ka", "2018-03-14", "day"),
        ("Coast Regiment, led by Omar Ha", "2018-05-01", "month"),
    ]


def test_until_a_death_or_a_replacement_dates_it():
    # "until his death on 9 February 2018", "until he was replaced by Y around 20 June"; "held
    # ... until 2016" frames a state and dates nothing
    assert dates("order_of_battle_a_role_until_a_death.md") == [
        ("Northern Front, led by Samir N", "2018-02-09", "day"),
        ("Valley Brigade, led by Fadi Az", "2018-06-20", "day"),
    ]


def test_an_arrest_in_a_relative_clause_about_a_person():
    assert dates("order_of_battle_an_arrest_in_a_relative_clause.md") == [
        ("Defences of Tell Example, unde", "2018-08-03", "day")]


def test_entries_do_not_give_their_year_to_the_next_one():
    # in a campaign of 2016–2017, "12 November" fits both years; the entry before (August 2017) is
    # not a narrative's previous statement, and no day is written out in full: undated, not wrong
    assert dates("order_of_battle_entries_not_in_time_order.md") == [
        ("Eastern Brigade, led by Karim ", "2017-08-01", "month")]


def test_yearless_days_take_the_year_nearest_the_days_written_out():
    # the days written out run from 10 December 2016 to 20 August 2017: "12 November" is nearer
    # them in 2016 (28 days) than in 2017 (84 days), "3 March" lies inside them in 2017
    assert dates("order_of_battle_yearless_days_near_its_written_days.md") == [
        ("Eastern Brigade, led by Karim ", "2017-08-20", "day"),
        ("Western Brigade, led by Nabil ", "2016-11-12", "day"),
        ("Southern Brigade, led by Tariq", "2017-03-03", "day"),
    ]


def test_a_toll_up_to_a_day_in_brackets_is_no_happening_of_that_day():
    r = DateResolver()
    assert r.resolve("Other sub-units, led by various commanders (of which at least 7 were killed by 14 March 2017)") == []
    (d,) = r.resolve("Sub-units led by Adel Karimi (reported killed by an airstrike on 26 November 2016), and others")
    assert (d.date.isoformat(), d.precision) == ("2016-11-26", "day")


def test_a_role_ended_in_a_relative_clause_dates_that_end():
    # "who commanded them until his capture in July": the capture is the entry's dated happening
    assert dates("order_of_battle_a_role_ended_in_a_relative_clause.md") == [
        ("River units, led by Sami Khour", "2018-07-01", "month")]
