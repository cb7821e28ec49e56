"""A value the schema refuses quarantines its document, names it, and never fails a table."""

import dataclasses
import datetime as dt

from pipeline.build import DocumentResult
from pipeline.discover import FileRecord
from pipeline.extract import DocumentExtract
from pipeline.screen import screen


def result(path: str, mentions=(), figures=()) -> DocumentResult:
    rec = FileRecord(path, path.ljust(64, "0"), 10, "current_events", None, None)
    return DocumentResult(rec, "t", None, DocumentExtract(rec.doc_id, mentions=list(mentions), figures=list(figures)))


def mention(date) -> dict:
    return {"mention_id": "m1", "doc_id": "d", "kind": "headline", "text": "Shelling.", "date": date,
            "date_precision": "day"}


def test_prose_dated_2099_quarantines_only_its_document():
    good = result("good.md", [mention(dt.date(2016, 2, 3))])
    bad = result("future.md", [mention(dt.date(2099, 1, 1))])
    out = screen([good, bad])
    assert out[0] is good
    assert out[1].extract is None and out[1].stage == "validate"
    assert out[1].reason.startswith("value refused by the schema: event_mentions.date = '2099-01-01")
    assert "in_range" in out[1].reason


def test_year_1850_and_unknown_precision_are_named():
    old = result("old.md", [mention(dt.date(1850, 6, 1))])
    odd = result("odd.md", [{**mention(dt.date(2016, 2, 3)), "date_precision": "fortnight"}])
    out = screen([old, odd])
    assert "event_mentions.date = '1850-06-01" in out[0].reason
    assert "event_mentions.date_precision = 'fortnight'" in out[1].reason


def test_a_twenty_digit_count_quarantines_its_document():
    figure = {"figure_id": "f1", "doc_id": "d", "quote": "x", "outcome": "killed", "victim_group": "civilians",
              "count_low": 10 ** 20, "count_high": 10 ** 20}
    ok = result("ok.md", [mention(dt.date(2016, 2, 3))])
    huge = result("huge.md", [mention(dt.date(2016, 2, 3))], [figure])
    out = screen([ok, huge])
    assert out[0] is ok
    assert out[1].stage == "validate" and "casualty_figures" in out[1].reason


def test_a_date_pandas_cannot_hold_is_traced_and_does_not_hide_the_others():
    """Year 9999 fails the whole column's coercion (no row index): the documents are then screened
    one by one, so the 9999 document is named with its value and the 2099 one is still found."""
    good = result("good.md", [mention(dt.date(2016, 2, 3))])
    far = result("far.md", [mention(dt.date(2016, 2, 3)), mention(dt.date(9999, 10, 8))])
    future = result("future.md", [mention(dt.date(2099, 1, 1))])
    out = screen([good, far, future])
    assert out[0] is good
    assert out[1].reason == ("value refused by the schema: event_mentions.date = '9999-10-08' "
                             "(coerce_dtype('datetime64[ns]'))")
    assert out[2].reason.startswith("value refused by the schema: event_mentions.date = '2099-01-01")


def test_the_document_row_is_screened_too():
    first = result("first.md", [mention(dt.date(2016, 2, 3))])
    year_one = dataclasses.replace(result("year_one.md", [mention(dt.date(2016, 2, 3))]), published=dt.date(1, 1, 1))
    out = screen([first, year_one])
    assert out[0] is first
    assert (out[1].stage, out[1].reason) == (
        "validate", "value refused by the schema: documents.published = '0001-01-01' (coerce_dtype('datetime64[ns]'))")
