"""Integrity checks of a build, without Dagster: schemas, foreign keys, and the accounting of every
input file. Dagster shows each as an asset check (``pipeline.defs.checks``); ``gate`` runs them all on
a written build folder before ``outputs/latest`` may point at it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.errors

from schemas import TABLES
from schemas.contract import table_meta, validate

from .discover import FileRecord
from .io import read_table


def check_schema(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """Failure cases of the table's model on ``df`` (empty when it passes)."""
    try:
        validate(table, df)
    except pandera.errors.SchemaErrors as exc:
        return exc.failure_cases
    return pd.DataFrame()


def check_foreign_key(df: pd.DataFrame, column: str, target: pd.DataFrame, target_column: str) -> list[str]:
    """Values of ``df[column]`` missing from ``target[target_column]``, sorted."""
    return sorted(set(df[column].dropna()) - set(target[target_column]))


def check_accounting(files: list[FileRecord], documents: pd.DataFrame, quarantine: pd.DataFrame) -> dict:
    """Every input file is in exactly one of documents and quarantine."""
    inputs = {f.path for f in files}
    docs, quar = set(documents["path"]), set(quarantine["path"])
    return {"missing": sorted(inputs - docs - quar), "both": sorted(docs & quar),
            "unknown": sorted((docs | quar) - inputs)}


def gate(folder: Path, files: list[FileRecord]) -> list[str]:
    """Every problem of the build in ``folder`` (one line each); empty when it may become latest."""
    tables = {t: read_table(folder / f"{t}.parquet") for t in TABLES}
    problems = [f"{t}: {len(f)} schema failure(s)" for t, df in tables.items() if not (f := check_schema(t, df)).empty]
    for t, df in tables.items():
        for column, ref in table_meta(t)["foreign_keys"].items():
            target, target_column = ref.split(".")
            missing = check_foreign_key(df, column, tables[target], target_column)
            if missing:
                problems.append(f"{t}.{column}: {len(missing)} value(s) missing from {ref}, e.g. {missing[0]}")
    for kind, paths in check_accounting(files, tables["documents"], tables["quarantine"]).items():
        if paths:
            problems.append(f"accounting: {len(paths)} input file(s) {kind}, e.g. {paths[0]}")
    return problems
