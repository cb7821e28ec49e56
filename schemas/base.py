"""Column helpers: each column is declared once, with its meaning and its logical type.

The logical type (``string``, ``date``, ``int64``, ``float64``, ``bool``, ``list<string>``) is what
Parquet, the codebook and ``datapackage.json`` are generated from; the pandas annotation on the
model is what pandera coerces to. Nothing else in the repo describes a column.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandera.pandas as pa


def _string_check_answers_once() -> None:
    """pandera (0.35) answers the dtype check of a string column whose dtype matches with one True
    per row, and its pandas backend then formats the failure cases of that answer (none) into a
    message it drops: about 1 ms per string column per validation, 40% of the CPU of validating
    the five seeds' stages and tables (BENCHMARKS.md, perf-small2). An all-True answer is given as
    ``True``: pandera takes a bool as the verdict for the whole column, so every table passes or
    fails exactly as before (any row whose dtype does not match still gives the per-row answer)."""
    from pandera.engines import pandas_engine

    check = pandas_engine.STRING.check
    if getattr(check, "answers_once", False):
        return

    def answer_once(self, pandera_dtype, data_container=None):
        result = check(self, pandera_dtype, data_container)
        if isinstance(result, np.ndarray) and result.dtype == np.bool_ and result.all():
            return True
        return result

    answer_once.answers_once = True  # type: ignore[attr-defined]
    pandas_engine.STRING.check = answer_once  # type: ignore[method-assign]


_string_check_answers_once()

# Dates outside this window are not about this war or its background (the Syria-USSR ties of the
# 1940s-50s are the earliest history the corpus tells); they are rejected as parse errors.
EARLIEST_DATE = dt.datetime(1945, 1, 1)
LATEST_DATE = dt.datetime(2035, 12, 31)

LOGICAL_TYPES = ("string", "date", "int64", "float64", "bool", "list<string>")


def column(description: str, logical: str = "string", *, nullable: bool = False, **checks) -> Any:
    """A pandera Field carrying its description and logical type (typed ``Any``, as pandera.Field is,
    so a model can annotate the column ``Series[str]`` and assign it).

    Strings that are not nullable are also non-empty; dates are checked against the plausible
    window ``EARLIEST_DATE``..``LATEST_DATE``.
    """
    if logical not in LOGICAL_TYPES:
        raise ValueError(f"unknown logical type {logical}")
    if logical == "string" and not nullable and not checks.get("isin"):
        checks.setdefault("str_length", {"min_value": 1})
    if logical == "date":
        checks.setdefault("in_range", {"min_value": EARLIEST_DATE, "max_value": LATEST_DATE})
    return pa.Field(description=description, nullable=nullable, metadata={"logical": logical}, **checks)


def table_config(description: str, primary_key: list[str], sort_by: list[str] | None = None,
                 foreign_keys: dict[str, str] | None = None) -> type:
    """The shared ``Config`` of every published table: strict, coerced, keyed, described."""

    class Config:
        strict = True
        coerce = True
        unique = primary_key
        metadata = {
            "description": description,
            "primary_key": primary_key,
            "sort_by": sort_by or primary_key,
            "foreign_keys": foreign_keys or {},
        }

    return Config
