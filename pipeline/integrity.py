"""Integrity checks of a build, without Dagster: schemas, foreign keys, and the accounting of every
input entry found on disk. Dagster shows each as an asset check (``pipeline.defs.checks``); ``gate`` runs them all on
a written build folder before ``outputs/latest`` may point at it."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pandera.errors

from schemas import TABLES
from schemas.contract import table_meta, validate

from .discover import display_path, is_excluded
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


def entries_on_disk(seeds_dir: Path) -> list[str]:
    """Every input entry under ``seeds_dir`` as the tables write its path, found by a walk of its
    own (``os.walk``, links not followed), independent of the discover stage: regular files, links
    (to files or folders), pipes, sockets, devices, and every folder that cannot be listed (its
    files cannot be counted one by one, so the folder counts as one entry). Hidden names and
    catalogue files are not inputs (``discover.is_excluded``)."""
    found: list[str] = []
    root = os.fspath(seeds_dir)

    def rel(path: str) -> str:
        return os.path.relpath(path, root).replace(os.sep, "/")

    def unreadable(exc: OSError) -> None:
        if exc.filename is not None and os.path.abspath(exc.filename) != os.path.abspath(root):
            found.append(rel(os.fspath(exc.filename)))

    for folder, dirs, files in os.walk(root, onerror=unreadable, followlinks=False):
        keep = [d for d in dirs if not is_excluded(rel(os.path.join(folder, d)))]
        found += [rel(os.path.join(folder, d)) for d in keep if os.path.islink(os.path.join(folder, d))]
        dirs[:] = [d for d in keep if not os.path.islink(os.path.join(folder, d))]
        found += [rel(os.path.join(folder, f)) for f in files]
    return sorted({display_path(p) for p in found if not is_excluded(p)})


def check_accounting(on_disk: list[str], documents: pd.DataFrame, quarantine: pd.DataFrame) -> dict:
    """Every entry on disk is in exactly one of documents and quarantine, and nothing else is."""
    inputs = set(on_disk)
    docs, quar = set(documents["path"]), set(quarantine["path"])
    return {"missing": sorted(inputs - docs - quar), "both": sorted(docs & quar),
            "unknown": sorted((docs | quar) - inputs)}


def gate(folder: Path, seeds_dir: Path) -> list[str]:
    """Every problem of the build in ``folder`` (one line each); empty when it may become latest."""
    tables = {t: read_table(folder / f"{t}.parquet") for t in TABLES}
    problems = [f"{t}: {len(f)} schema failure(s)" for t, df in tables.items() if not (f := check_schema(t, df)).empty]
    for t, df in tables.items():
        for column, ref in table_meta(t)["foreign_keys"].items():
            target, target_column = ref.split(".")
            missing = check_foreign_key(df, column, tables[target], target_column)
            if missing:
                problems.append(f"{t}.{column}: {len(missing)} value(s) missing from {ref}, e.g. {missing[0]}")
    accounting = check_accounting(entries_on_disk(seeds_dir), tables["documents"], tables["quarantine"])
    for kind, paths in accounting.items():
        if paths:
            problems.append(f"accounting: {len(paths)} input entr{'y' if len(paths) == 1 else 'ies'} {kind} "
                            f"(seeds changed during the build?), e.g. {paths[0]}")
    return problems
