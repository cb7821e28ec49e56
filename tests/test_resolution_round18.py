"""Issue 13, eighteenth round (acc13k): a cause of the seventeenth pair round's tune misses, one invented
fixture document per case (tests/fixtures/), extracted as a build extracts it; the values are the
fixtures' own."""

from __future__ import annotations

import datetime as dt

from pipeline.relative_days import opening_last_week
from tests.conftest import fixture_records as records
from tests.conftest import fixture_resolved as resolved

SA = "syrian_archive_last_week_after_an_anniversary.md"
WP = "wikipedia_market_strike_in_the_week_before.md"


def test_last_week_is_the_calendar_week_before_the_page_day():
    # a press release of Friday 18 March 2016: "last week" is Monday 7 to Sunday 13 March
    week = opening_last_week("Only last week, warplanes bombed the market.", dt.date(2016, 3, 18))
    assert week is not None and (week.first, week.last, week.phrase) == (dt.date(2016, 3, 7), dt.date(2016, 3, 13), "last week")
    # written on a Monday, last week is still the whole week before, not the seven days before
    week = opening_last_week("Last week, warplanes bombed the market.", dt.date(2016, 3, 14))
    assert week is not None and (week.first, week.last) == (dt.date(2016, 3, 7), dt.date(2016, 3, 13))
    # only an opening in the page's own voice: a quote's "last week", a possessive or a later clause date nothing
    assert opening_last_week('He said: "Last week the planes came back."', dt.date(2016, 3, 18)) is None
    assert opening_last_week("Last week's strike on the market was condemned.", dt.date(2016, 3, 18)) is None
    assert opening_last_week("Warplanes bombed the market, as they did last week.", dt.date(2016, 3, 18)) is None


def test_last_week_on_an_anniversary_page_is_not_the_anniversary_day():
    # the sentence before it tells the attack of 21 August 2013 the page remembers; "Only last week,
    # warplanes bombed the vegetable market in Saraqib" happened the week before the page (18 March 2016)
    anniversary, last_week, article = records(SA, WP)
    assert str(anniversary["date"].date()) == "2013-08-21"
    assert str(last_week["date"].date()) == "2016-03-07" and str(last_week["date_end"]) == "2016-03-13"
    assert (last_week["date_precision"], last_week["date_basis"], last_week["location"]) == ("day", "page", "Saraqib")
    assert last_week["inherits_from"] is None   # its own date, not the sentence before it
    # the witness's quoted "Last week the planes came back" is not dated by the page's week: no mention
    assert not any("bakery" in r["text"] for r in records(SA))
    # the article's strike of 10 March 2016 falls inside that week: one event
    out = resolved(SA, WP).set_index("text")
    assert out.loc[last_week["text"], "event_id"] == out.loc[article["text"], "event_id"]
    assert out.loc[anniversary["text"], "event_id"] != out.loc[article["text"], "event_id"]
    assert "a day inside a stated range of days" in list(out.loc[article["text"], "match_evidence"])
