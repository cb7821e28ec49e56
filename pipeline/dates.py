"""Dates as documents write them, turned into (date, precision) pairs.

Plain functions, no Dagster. A date in this dataset is always the *first day* of the period the
text states, with a precision telling how much of it is real: ``day`` (2015-09-30), ``month``
(2015-09-01 for "September 2015"), ``year`` (2015-01-01 for "in 2015").
"""

from __future__ import annotations

import datetime as dt
import re

PRECISIONS = ("day", "month", "year")

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

_LOOSE_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_NEWS_PATH = re.compile(r"/news/(\d{4})/(\d{1,2})/(\d{1,2})(?:/|$)")


def parse_loose_iso(text: str) -> dt.date | None:
    """``2015-09-4`` -> 2015-09-04; also accepts ``2018-10-31T11:05:18Z`` and ``2023-10-21 01:10``.

    Returns None when the text does not start with a valid Y-M-D date.
    """
    m = _LOOSE_ISO.match(text or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def date_from_news_path(path: str) -> dt.date | None:
    """``/news/2016/01/9/some-slug.md`` -> 2016-01-09 (None if the path holds no valid date)."""
    m = _NEWS_PATH.search(path or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
