"""Dates counted back from the date a sentence states (issue 9, the nineteenth labelled batch): a
report's day or month with what it reports "a day earlier" or "during the previous year", and a
window "over the previous 10 days" before the stated day (``DateResolver._counted_back``). One
invented sentence per case, read after "On 10 May 2016, ..." under a heading "2016"."""

from __future__ import annotations

from pipeline.dates import DateResolver
from pipeline.extract import extract_document
from pipeline.parsers import identify, parse_document


def resolve(sentence: str) -> list[tuple[str, str, str | None]]:
    resolver = DateResolver(periods=("1 January 2016 – 31 December 2016",))
    resolver.enter_section("2016", 2)
    resolver.resolve("On 10 May 2016, the army captured the hill.")
    return [(d.date.isoformat(), d.precision, d.last.isoformat() if d.last else None)
            for d in resolver.resolve(sentence)]


def test_a_day_earlier_after_a_report_counts_back_from_the_reports_day():
    assert resolve("On 7 June, a commander was reported to be killed a day earlier in Aleppo.") == [
        ("2016-06-06", "day", None)]


def test_two_days_before_in_what_a_party_said_counts_back():
    assert resolve("On 9 June, the ministry said that the town had been captured two days before.") == [
        ("2016-06-07", "day", None)]


def test_the_previous_year_in_an_according_to_opening_is_the_year_before_the_report():
    assert resolve("According to a U.N. panel in May 2016, the country supplied the army with arms during "
                   "the previous year despite a ban.") == [("2015-01-01", "year", None)]


def test_a_window_of_previous_days_inside_one_month_is_that_month():
    assert resolve("On 1 October 2016, citing two sources, Reuters reported that hundreds of troops had "
                   "arrived over the previous 10 days.") == [("2016-09-01", "month", None)]


def test_a_window_across_two_months_is_its_days():
    assert resolve("On 5 November 2016, the army said that it had captured 12 villages over the past two "
                   "weeks.") == [("2016-10-22", "day", "2016-11-04")]


def test_an_earlier_in_a_relative_clause_tells_another_happening():
    assert resolve("On 7 June, the army retook the hill, which it had lost two days earlier.") == [
        ("2016-06-07", "day", None)]


def test_an_earlier_without_a_word_of_reporting_is_not_counted_back():
    assert resolve("On 7 June, the army retook the hill it lost two days earlier.") == [("2016-06-07", "day", None)]


def test_a_that_clause_of_another_noun_is_not_counted_back():
    assert resolve("On 13 June, the military said fighting had subsided after a ceasefire that came into "
                   "force the day prior.") == [("2016-06-13", "day", None)]


def test_the_previous_day_of_a_noun_is_not_counted_back():
    assert resolve("On 4 July, the monitor claimed that the attacks of the previous day had succeeded.") == [
        ("2016-07-04", "day", None)]


def test_a_day_the_report_tells_is_the_happenings_not_counted_back():
    assert resolve("CNN reported that on 25 May, two airstrikes killed 9 fighters over the previous two "
                   "days.") == [("2016-05-25", "day", None)]


def test_a_quotes_own_window_is_not_counted_back():
    assert resolve('On 25 May, a statement said that "in the last ten days, forces killed 60 fighters."') == [
        ("2016-05-25", "day", None)]


def test_a_window_alone_is_no_date_of_its_own():
    assert resolve("It was the fourth time the town changed hands in the previous four days.") == []


def _mentions(body: str) -> list[tuple[str, str, str]]:
    text = ("---\nsubject: Example involvement\nauthor: Wikipedia\npubDate: 2023-09-10 02:09\ndate:\n"
            "  - 9 June 2013 — present\n---\n\nThe **Example involvement** is a country's involvement.\n\n" + body)
    fmt, key = identify(text)
    doc = parse_document(text, fmt=fmt, path="prose/counted_back.md", doc_id="fixture")
    return [(m["text"][:30], m["date"].isoformat(), m["date_precision"])
            for m in extract_document(doc, key).mentions if m["kind"] == "narrative"]


def test_a_year_counted_back_in_a_timeline_year_section_is_no_history():
    # the infobox period starts in 2013: a 2011 date is history, unless counted back from the
    # "### 2012" section's own May 2012
    assert _mentions("## Timeline\n\n### 2012\nIn March 2012, officials claimed a spike in arms.\n\n"
                     "According to a U.N. panel in May 2012, the country supplied the army with arms during "
                     "the previous year despite a ban.\n") == [
        ("In March 2012, officials claim", "2012-03-01", "month"),
        ("According to a U.N. panel in M", "2011-01-01", "year")]


def test_a_newspapers_report_of_a_window_before_its_day_is_an_event_of_that_window():
    # "Reuters reported that ... had arrived" is a newspaper's report (background) when its date is
    # the report's; the window counted back is the happening's own date
    assert _mentions("## 2015\nOn 1 October 2015, citing two sources, Reuters reported that hundreds of "
                     "troops had arrived in Syria over the previous 10 days.\n") == [
        ("On 1 October 2015, citing two ", "2015-09-01", "month")]


def test_a_yearless_day_after_a_year_of_the_same_sentence_takes_it_when_the_context_has_none():
    resolver = DateResolver()
    got = resolver.resolve("Talks were held in the first half of 2015 and an agreement was reached; on 24 July, "
                           "the general visited Moscow to plan the operation.")
    assert [(d.date.isoformat(), d.precision) for d in got] == [("2015-01-01", "year"), ("2015-07-24", "day")]
