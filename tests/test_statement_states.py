"""A year's state is no event (issue 9, item 3): invented fixture, values a reader takes from it."""

from __future__ import annotations

from pathlib import Path

from pipeline.extract import extract_document
from pipeline.parsers import identify, parse_document

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "prose"


def test_state_of_a_year_is_no_event():
    # "was small and discreet", "remained strong", "there were 4,000 fighters": a copula with no
    # happening verb, dated by a year, describes a state; "was captured" is a passive, a happening
    # of that year, and "was a military operation in 2015" defines one
    text = (FIXTURES / "state_of_a_year_is_no_event.md").read_text(encoding="utf-8")
    fmt, key = identify(text)
    doc = parse_document(text, fmt=fmt, path="prose/state_of_a_year_is_no_event.md", doc_id="fixture")
    rows = [(m["text"], m["date"].isoformat(), m["date_precision"])
            for m in extract_document(doc, key).mentions if m["kind"] == "narrative"]
    assert rows == [("In 2015, the militia was captured by surprise at Example Town.", "2015-01-01", "year"),
                    ("The militia's campaign was a military operation in 2015.", "2015-01-01", "year")]


def test_a_habit_takes_no_date():
    # "used to offer a reward" is a habit, no happening of the day before it; "was used to track"
    # is a passive use, a happening that inherits the day
    text = (FIXTURES / "a_habit_takes_no_date.md").read_text(encoding="utf-8")
    fmt, key = identify(text)
    doc = parse_document(text, fmt=fmt, path="prose/a_habit_takes_no_date.md", doc_id="fixture")
    rows = [(m["text"], m["date"].isoformat(), m["date_basis"])
            for m in extract_document(doc, key).mentions if m["kind"] == "narrative"]
    assert rows == [("On 26 May 2020, the coalition killed an insurgent leader near the river.", "2020-05-26", "stated"),
                    ("The drone was used to track his car.", "2020-05-26", "inherited")]
