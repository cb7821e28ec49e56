"""Resolve stage: group mentions into events and build the ``events`` table.

Mentions that state the same thing on the same date are one event: key = (date, precision,
spelling-insensitive fingerprint of the text). This catches an item repeated across pages, with
or without topic breadcrumbs (they are split off before), and a paragraph repeated word for word.
"""

from __future__ import annotations

import pandas as pd

from .text import fingerprint, stable_id

PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def assign_events(mentions: pd.DataFrame) -> pd.DataFrame:
    """Add ``event_id`` to each mention. The id is derived from the event's key only, so it does
    not depend on which documents exist or in what order they were read."""
    out = mentions.copy()
    if out.empty:
        out["event_id"] = pd.Series([], dtype="str")
        return out
    out["event_id"] = [
        stable_id("e", pd.Timestamp(d).date().isoformat(), p, fingerprint(t))
        for d, p, t in zip(out["date"], out["date_precision"], out["text"])
    ]
    return out


def _union(values) -> list[str]:
    return sorted({v for vs in values for v in vs})


def build_events(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per event: the most precise (then earliest) date, the longest text as summary."""
    cols = ["event_id", "date", "date_precision", "summary", "n_mentions", "n_documents", "topics", "context"]
    if mentions.empty:
        return pd.DataFrame({c: [] for c in cols})
    m = mentions.assign(_rank=mentions["date_precision"].map(PRECISION_RANK), _len=mentions["text"].str.len())
    best_date = m.sort_values(["event_id", "_rank", "date", "mention_id"]).drop_duplicates("event_id")
    best_text = m.sort_values(["event_id", "_len", "mention_id"], ascending=[True, False, True]).drop_duplicates("event_id")
    g = m.groupby("event_id", sort=True)
    events = pd.DataFrame({
        "n_mentions": g.size(),
        "n_documents": g["doc_id"].nunique(),
        "topics": g["topics"].agg(_union),
        "context": g["context"].agg(_union),
    })
    events = events.join(best_date.set_index("event_id")[["date", "date_precision"]])
    events = events.join(best_text.set_index("event_id")["text"].rename("summary"))
    return events.reset_index()[cols]
