"""A value a document gives and the schema refuses is traced to that document, never fails a table.

Extraction has its own rules (a count above the plausibility bound is not a figure, see
``pipeline.limits``), but a document can still carry a value no rule foresaw: a page header dated
year 1 or 9999, a related link to ``/news/9999/...``, prose dated 2099 or 1850, an empty link URL.
``screen`` validates the rows every document produced against the columns of the published table
they go to (the same pandera models, ``schemas/``: types, ranges, allowed values, lengths) in one
vectorised pass per table, finds the documents of the refused rows, and turns each such document
into a quarantine row (stage ``validate``) whose reason names the table, the column, the value and
the check. Its other documents are untouched, so one bad document never stops a build. The
document's own row (title, published date) is screened the same way. Columns that the assembly
computes later (event ids, counts) are checked when the tables are written, as before.

Some values make pandas fail the whole column rather than a row (a date pandas cannot hold, such
as year 1 or 9999, fails the column's coercion with no row index). Then the rows are validated in
halves until each refused row stands alone (``_locate``), so the reason still names the row's
value as the document gave it, and the other documents' values are still checked.
"""

from __future__ import annotations

import dataclasses
from functools import cache, lru_cache

import pandas as pd
import pandera.errors
import pandera.pandas as pa

from schemas import TABLES

from .docmap import DocumentResult

# DocumentExtract attribute -> the published table its rows become
ROW_TABLES = {"mentions": "event_mentions", "sources": "sources", "links": "related_links",
              "figures": "casualty_figures"}
MAX_VALUE_CHARS = 80
UNLOCATED = -1   # key of a failure that no row index locates


@cache
def _table_columns(table: str) -> frozenset[str]:
    return frozenset(TABLES[table].to_schema().columns)


@lru_cache(maxsize=64)
def _partial_schema(table: str, columns: tuple[str, ...]) -> pa.DataFrameSchema:
    """The table's column checks for the columns the per-document rows carry (no key or strictness:
    those concern the assembled table). Built once per table and columns (every chunk of the map
    screens the same columns)."""
    full = TABLES[table].to_schema()
    return pa.DataFrameSchema({c: full.columns[c] for c in columns}, coerce=True)


def _shown(value: object) -> str:
    text = str(value)
    return text[:MAX_VALUE_CHARS] + "..." if len(text) > MAX_VALUE_CHARS else text


def _refused(table: str, rows: list[dict]) -> dict[int, str]:
    """Row position -> why the schema refuses it, for the rows of ``table`` that fail; a failure no
    row index locates is under ``UNLOCATED`` (for one row, it is that row's, with its value)."""
    known = _table_columns(table)
    columns = [c for c in dict.fromkeys(k for row in rows for k in row) if c in known]
    try:
        frame = pd.DataFrame(rows, columns=columns)
        _partial_schema(table, tuple(columns)).validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        out: dict[int, str] = {}
        for case in exc.failure_cases.itertuples(index=False):
            if pd.isna(case.index):
                if len(rows) == 1 and case.column in rows[0]:
                    out.setdefault(0, f"{table}.{case.column} = {_shown(rows[0][case.column])!r} ({case.check})")
                else:
                    out.setdefault(UNLOCATED, f"{table}.{case.column}: {case.check}")
                continue
            out.setdefault(int(case.index), f"{table}.{case.column} = {_shown(case.failure_case)!r} ({case.check})")
        return out
    except (OverflowError, ValueError, TypeError) as exc:   # a value pandas cannot even hold
        if len(rows) == 1:     # which of the row's values: each column on its own
            for c in columns:
                if len(columns) > 1 and _refused(table, [{c: rows[0][c]}]):
                    return {0: f"{table}.{c} = {_shown(rows[0][c])!r} ({type(exc).__name__})"}
            if len(columns) == 1:
                return {0: f"{table}.{columns[0]} = {_shown(rows[0][columns[0]])!r} ({type(exc).__name__})"}
        return {UNLOCATED: f"{table}: {type(exc).__name__}: {_shown(exc)}"}
    return {}


def _locate(table: str, rows: list[dict], positions: list[int]) -> dict[int, str]:
    """Position -> reason for every refused row among ``rows[positions]``. A failure no row index
    locates is found by halving: about 2 k log2(n) validations for k bad rows among n, so one bad
    value among a million rows costs some forty validations, not a million."""
    why = _refused(table, [rows[p] for p in positions])
    if UNLOCATED not in why:
        return {positions[k]: v for k, v in why.items()}
    if len(positions) == 1:     # one row whose failure names no column value: keep what is known
        return {positions[0]: why[UNLOCATED]}
    half = len(positions) // 2
    return {**_locate(table, rows, positions[:half]), **_locate(table, rows, positions[half:])}


def _document_row(r: DocumentResult) -> dict:
    rec = r.record
    return {"doc_id": rec.doc_id, "path": rec.path, "sha256": rec.sha256, "format": rec.format,
            "title": r.title, "published": r.published, "byte_size": rec.byte_size}


def _rows(results: list[DocumentResult], attr: str) -> tuple[list[int], list[dict]]:
    owners, rows = [], []
    for i, r in enumerate(results):
        if r.extract is None:
            continue
        for row in ([_document_row(r)] if attr == "document" else getattr(r.extract, attr)):
            owners.append(i)
            rows.append(row)
    return owners, rows


def screen(results: list[DocumentResult]) -> list[DocumentResult]:
    """``results`` with every document whose rows the schema refuses turned into a quarantine row
    (stage ``validate``); order kept. The first refusal (tables in a fixed order, rows in order)
    is the reason, so the quarantine table is the same on every run."""
    bad: dict[int, str] = {}
    for attr, table in {"document": "documents", **ROW_TABLES}.items():
        owners, rows = _rows(results, attr)
        if not rows:
            continue
        for pos, why in sorted(_locate(table, rows, list(range(len(rows)))).items()):
            bad.setdefault(owners[pos], why)
    if not bad:
        return results
    return [dataclasses.replace(r, extract=None, stage="validate", reason=f"value refused by the schema: {bad[i]}")
            if i in bad else r for i, r in enumerate(results)]
