"""A value a document gives and the schema refuses is traced to that document, never fails a table.

Extraction has its own rules (a date outside the plausible window gives no mention, a count above
the plausibility bound is not a figure), but a document can still carry a value no rule foresaw.
``screen`` validates the rows every document produced against the columns of the published
table they go to (the same pandera models, ``schemas/``: types, ranges, allowed values, lengths)
in one vectorised pass per table, finds the documents of the refused rows, and turns each such
document into a quarantine row whose reason names the table, the column, the value and the check.
Its other documents are untouched, so one bad document never stops a build. Columns that the
assembly computes later (event ids, counts) are checked when the tables are written, as before.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pandera.errors
import pandera.pandas as pa

from schemas import TABLES

from .docmap import DocumentResult

# DocumentExtract attribute -> the published table its rows become
ROW_TABLES = {"mentions": "event_mentions", "sources": "sources", "links": "related_links",
              "figures": "casualty_figures"}
MAX_VALUE_CHARS = 80


def _partial_schema(table: str, columns: list[str]) -> pa.DataFrameSchema:
    """The table's column checks for the columns the per-document rows carry (no key or strictness:
    those concern the assembled table)."""
    full = TABLES[table].to_schema()
    return pa.DataFrameSchema({c: full.columns[c] for c in columns}, coerce=True)


def _refused(table: str, rows: list[dict]) -> dict[int, str]:
    """Row position -> why the schema refuses it, for the rows of ``table`` that fail."""
    frame = pd.DataFrame(rows)
    columns = [c for c in frame.columns if c in TABLES[table].to_schema().columns]
    try:
        _partial_schema(table, columns).validate(frame[columns], lazy=True)
    except pandera.errors.SchemaErrors as exc:
        out: dict[int, str] = {}
        cases = exc.failure_cases.dropna(subset=["index"])
        for case in cases.itertuples(index=False):
            value = str(case.failure_case)
            if len(value) > MAX_VALUE_CHARS:
                value = value[:MAX_VALUE_CHARS] + "..."
            out.setdefault(int(case.index), f"{table}.{case.column} = {value!r} ({case.check})")
        return out
    except (OverflowError, ValueError, TypeError) as exc:   # a value pandas cannot even hold
        return {-1: f"{table}: {type(exc).__name__}: {exc}"}
    return {}


def screen(results: list[DocumentResult]) -> list[DocumentResult]:
    """``results`` with every document whose rows the schema refuses turned into a quarantine row
    (stage ``validate``); order kept."""
    bad: dict[int, str] = {}
    for attr, table in ROW_TABLES.items():
        owners, rows = [], []
        for i, r in enumerate(results):
            if r.extract is not None:
                for row in getattr(r.extract, attr):
                    owners.append(i)
                    rows.append(row)
        if not rows:
            continue
        refused = _refused(table, rows)
        if -1 in refused:       # the frame could not be built: find the documents one by one
            for i in sorted(set(owners)):
                mine = [row for o, row in zip(owners, rows) if o == i]
                why = _refused(table, mine)
                if why:
                    bad.setdefault(i, next(iter(why.values())))
            continue
        for pos, why in sorted(refused.items()):
            bad.setdefault(owners[pos], why)
    if not bad:
        return results
    return [dataclasses.replace(r, extract=None, stage="validate", reason=f"value refused by the schema: {bad[i]}")
            if i in bad else r for i, r in enumerate(results)]
