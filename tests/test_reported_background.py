"""Reports that are background, not events (issue 9, the nineteenth labelled batch): a journalist's
writing dated in passing, a total of money by a date, a newspaper's report of a force's size, a
reported state, polls, and an undated report of a present state. One invented document per case;
each test extracts it as the build does and asserts the mentions left (text start, date, precision)."""

from __future__ import annotations

from pipeline.extract import extract_document
from pipeline.parsers import identify, parse_document


def mentions(body: str) -> list[tuple[str, str, str]]:
    text = ("---\nsubject: Example involvement\nauthor: Wikipedia\npubDate: 2023-09-10 02:09\n---\n\n"
            "The **Example involvement** is a country's involvement.\n\n" + body)
    fmt, key = identify(text)
    doc = parse_document(text, fmt=fmt, path="prose/reported_background.md", doc_id="fixture")
    return [(m["text"][:30], m["date"].isoformat(), m["date_precision"])
            for m in extract_document(doc, key).mentions if m["kind"] == "narrative"]


def test_a_journalists_writing_in_a_month_is_the_writings_date():
    assert mentions("## 2016\nOn 3 March 2016, the army shelled the town.\n\nAccording to US journalist Jane "
                    "Roe writing in September 2016, the government provided the army with phone monitors.\n") == [
        ("On 3 March 2016, the army shel", "2016-03-03", "day")]


def test_a_total_of_money_by_a_month_is_a_state_at_that_time():
    assert mentions("## 2016\nOn 3 March 2016, the army shelled the town.\n\nThe Economist said that the "
                    "country had, by February 2016, sent the government $9 billion.\n") == [
        ("On 3 March 2016, the army shel", "2016-03-03", "day")]


def test_a_newspapers_report_of_a_forces_size_on_a_day_is_background():
    assert mentions("## 2016\nOn 3 March 2016, the army shelled the town.\n\nThe Wall Street Journal "
                    "reported on 2 October 2016 that the Guard has had some 7,000 members operating in Syria.\n") == [
        ("On 3 March 2016, the army shel", "2016-03-03", "day")]


def test_a_state_reports_suggested_in_a_month_is_background():
    assert mentions("## 2016\nOn 3 March 2016, the army shelled the town.\n\nIn June 2016, some reports "
                    "suggested that the officers were effectively in charge of the troops.\n") == [
        ("On 3 March 2016, the army shel", "2016-03-03", "day")]


def test_a_hedged_it_was_reported_that_stays_news():
    assert mentions("## 2016\nIn June 2016, it was reported that the town was under siege by the army.\n") == [
        ("In June 2016, it was reported ", "2016-06-01", "month")]


def test_polls_in_a_year_showing_a_view_are_background():
    assert mentions("## Public opinion\nDespite rising casualties, polls in 2017 showed that most people "
                    "were in favour of the involvement.\n") == []


def test_a_poll_named_by_its_month_is_no_date_of_the_sentence():
    assert mentions("## Public opinion\nIn a March 2018 ORB International poll of 1,011 adults, 64% of "
                    "Syrians said that the influence was negative.\n") == []


def test_an_investigation_in_a_month_concluding_a_strikes_toll_stays_as_before():
    # a poll's "in 2017" between subject and verb is its date; an investigation's is not read so
    assert mentions("## 2022\nA US military investigation in May 2022 concluded that the airstrike killed "
                    "52 fighters.\n") == [("A US military investigation in", "2022-05-01", "month")]


def test_an_undated_report_of_a_present_estimate_takes_no_date():
    assert mentions("## 2016\nOn 2 October 2016, the army shelled the town. The Journal also reported "
                    "that some experts estimate 20,000 fighters are on the ground.\n") == [
        ("On 2 October 2016, the army sh", "2016-10-02", "day")]


def test_an_undated_report_of_a_past_happening_still_inherits():
    assert mentions("## 2016\nOn 2 October 2016, the army shelled the town. The Journal also reported "
                    "that the rebels captured two villages.\n") == [
        ("On 2 October 2016, the army sh", "2016-10-02", "day"),
        ("The Journal also reported that", "2016-10-02", "day")]


def test_a_reported_happening_in_progress_stays_an_event():
    assert mentions("## 2016\nIn March 2016, some reports suggested that the army was advancing on the town.\n") == [
        ("In March 2016, some reports su", "2016-03-01", "month")]
