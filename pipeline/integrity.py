"""Integrity checks of a build, without Dagster: schemas, foreign keys, and the accounting of every
input entry found on disk. Dagster shows each as an asset check (``pipeline.defs.checks``); ``gate`` runs them all on
a written build folder before ``outputs/latest`` may point at it.

Foreign keys and accounting read only the key columns of the written Parquet files. The gate's
schema check compares each file's Arrow schema (names, types, nullability, descriptions) with the
one generated from the model: every row was validated by the model (the blocking ``schema``
checks) just before ``pipeline.io`` wrote it, so the gate checks what was written without
validating every row a second time (at 100,000 documents that second pass cost minutes)."""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pandera.errors
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from pandera.pandas import DataFrameSchema

from schemas import TABLES
from schemas.contract import arrow_schema, pandera_schema, table_meta, validate

from .discover import display_path, is_excluded


def check_schema(table: str, data: pd.DataFrame | pa.Table) -> pd.DataFrame:
    """Failure cases of the table's model on ``data`` (empty when it passes): a pandas frame, or
    an Arrow table (``check_arrow``: validated in slices)."""
    if isinstance(data, pa.Table):
        return check_arrow(table, data)
    try:
        validate(table, data)
    except pandera.errors.SchemaErrors as exc:
        return exc.failure_cases
    return pd.DataFrame()


# Rows validated at a time when the table comes as Arrow. Every check of the models but the primary
# key's uniqueness looks at one row (a column's type, nulls, allowed values, ranges, lengths: the
# models have no check over the whole frame), so a table passes in slices exactly when it passes
# whole, and the uniqueness is checked over the key columns of every row at once. A slice is pandas
# only while it is checked: at 217,000 mentions the whole ``event_mentions`` frame with its lists
# as Python lists was ~230 MB, with what pandera's coercion copies more (BENCHMARKS.md, perf-mem2).
VALIDATE_ROWS = 32_768


def check_arrow(table: str, data: pa.Table, rows: int = VALIDATE_ROWS) -> pd.DataFrame:
    """``check_schema`` of an Arrow table, ``rows`` rows at a time (each made pandas by
    ``pipeline.io.to_pandas``, its index the rows' positions in ``data``), then the uniqueness of the
    model's key over the key columns alone. The same verdict as validating ``to_pandas(data)`` whole;
    the failure cases are the same rows, in slice order."""
    from .io import to_pandas

    if data.num_rows <= rows:
        return check_schema(table, to_pandas(data))
    unique = pandera_schema(table).unique
    per_row = _per_row_schema(table)
    found = []
    for start in range(0, data.num_rows, rows):
        frame = to_pandas(data.slice(start, rows))
        frame.index = pd.RangeIndex(start, start + len(frame))
        found.append(_failures(per_row, frame))
        del frame
    if unique:
        keys = [unique] if isinstance(unique, str) else list(unique)
        found.append(_failures(DataFrameSchema(unique=keys), to_pandas(data.select(keys))))
    found = [f for f in found if not f.empty]
    return pd.concat(found, ignore_index=True) if found else pd.DataFrame()


@functools.cache
def _per_row_schema(table: str):
    """The table's pandera schema without its uniqueness (checked apart, over every row)."""
    schema = copy.deepcopy(pandera_schema(table))
    schema.unique = None
    return schema


def _failures(schema, df: pd.DataFrame) -> pd.DataFrame:
    try:
        schema.validate(df, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        return exc.failure_cases
    return pd.DataFrame()


# --- stage checks that remember what passed ---------------------------------------------------------
# A stage of a build whose documents are all cached is, byte for byte, the stage of the build before
# it (builds are deterministic), and validating it again with the same models cannot give another
# answer. ``check_stage`` therefore keeps, in the build's cache folder, the sha256 of each stage file
# that passed, under a digest of the models' code (``schemas/``, pandera, pandas): a stage file
# with a kept digest passes without pandera reading its rows again (every row of that content was
# checked, by the same code, when it first passed); any other byte, or any change to a model, and
# every row is validated. Failures are never kept. The published tables are still validated, and
# coerced, every time they are written (``pipeline.io.write_table``), but for ``event_mentions``:
# its rows are the ``resolved_mentions`` stage's, which its blocking check validated with the same
# model (``event_mentions``) before the tables step may run, so that step validates them again only
# when the stage file's digest is not kept (``passed_before``; the tables step, perf-mem2).
VALIDATED = "validated"          # folder of the cache holding the kept digests, one file per stage
KEPT_DIGESTS = 8


@functools.lru_cache(maxsize=1)
def models_version() -> str:
    """sha256 of the source of ``schemas/`` and of the pandera and pandas versions."""
    import importlib.metadata

    import schemas

    h = hashlib.sha256()
    for pkg in ("pandera", "pandas", "pyarrow"):
        h.update(f"{pkg}={importlib.metadata.version(pkg)}\0".encode())
    for path in sorted(Path(schemas.__file__).parent.rglob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:24]


def _file_digest(path: Path) -> str:
    h = hashlib.sha256(models_version().encode())
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _kept(memo: Path, stage: str) -> list[str]:
    try:
        found = json.loads((memo / f"{stage}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [d for d in found if isinstance(d, str)] if isinstance(found, list) else []


def check_stage(stage: str, frame: Callable[[], pd.DataFrame | pa.Table], written: Path | None,
                memo: Path | None) -> tuple[pd.DataFrame, bool]:
    """``check_schema(stage, frame())`` unless the stage file ``written`` has the digest of one that
    passed before (kept in ``memo``, the cache's ``VALIDATED`` folder). Returns the failure cases and
    whether the answer was kept rather than computed. Without ``written`` or ``memo``: always computed."""
    digest = _file_digest(written) if written is not None and memo is not None and written.is_file() else None
    if digest is not None and memo is not None and digest in _kept(memo, stage):
        return pd.DataFrame(), True
    failures = check_schema(stage, frame())
    if failures.empty and digest is not None and memo is not None:
        try:
            memo.mkdir(parents=True, exist_ok=True)
            keep = [digest, *[d for d in _kept(memo, stage) if d != digest]][:KEPT_DIGESTS]
            tmp = memo / f".{stage}.{os.getpid()}.tmp"
            tmp.write_text(json.dumps(keep), encoding="utf-8")
            os.replace(tmp, memo / f"{stage}.json")
        except OSError:
            pass                     # a cache that cannot be written only costs the next validation
    return failures, False


def passed_before(stage: str, written: Path, memo: Path | None) -> bool:
    """Whether the file ``written`` has the digest of a file that passed ``stage``'s model under the
    same models (``check_stage`` kept it in ``memo``): its rows need no validating again."""
    if memo is None or not written.is_file():
        return False
    return _file_digest(written) in _kept(memo, stage)


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


def _keys(folder: Path) -> dict[str, pa.Table]:
    """The key columns of every table of the build in ``folder`` (what the checks read), as Arrow."""
    wanted: dict[str, set[str]] = {t: set() for t in TABLES}
    for t in TABLES:
        for column, ref in table_meta(t)["foreign_keys"].items():
            target, target_column = ref.split(".")
            wanted[t].add(column)
            wanted[target].add(target_column)
    wanted["documents"].add("path")
    wanted["quarantine"].add("path")
    return {t: pq.read_table(folder / f"{t}.parquet", columns=sorted(cols)) for t, cols in wanted.items()}


def _missing(values: pa.ChunkedArray, target: pa.ChunkedArray) -> list[str]:
    """``check_foreign_key`` on Arrow columns (vectorised: a set of Python objects per key was most
    of the check's time on seeds/)."""
    present = pc.drop_null(values)
    absent = pc.filter(present, pc.invert(pc.is_in(present, value_set=pc.unique(target))))
    return sorted(set(absent.to_pylist()))


def foreign_key_problems(folder: Path) -> dict[tuple[str, str], list[str]]:
    """(table, column) -> values missing from the table the column references, for every foreign key."""
    keys = _keys(folder)
    out = {}
    for t in TABLES:
        for column, ref in table_meta(t)["foreign_keys"].items():
            target, target_column = ref.split(".")
            out[(t, column)] = _missing(keys[t].column(column), keys[target].column(target_column))
    return out


def accounting_problems(folder: Path, seeds_dir: Path) -> dict:
    """``check_accounting`` of the build in ``folder`` against a fresh walk of ``seeds_dir``."""
    return check_accounting(entries_on_disk(seeds_dir),
                            pq.read_table(folder / "documents.parquet", columns=["path"]).to_pandas(),
                            pq.read_table(folder / "quarantine.parquet", columns=["path"]).to_pandas())


def _normal(schema: pa.Schema) -> pa.Schema:
    """``schema`` with list item fields unnamed (Parquet names them "element", Arrow "item")."""
    return pa.schema([pa.field(f.name, pa.list_(f.type.value_type) if pa.types.is_list(f.type) else f.type,
                               f.nullable, f.metadata) for f in schema], metadata=schema.metadata)


def gate(folder: Path, seeds_dir: Path) -> list[str]:
    """Every problem of the build in ``folder`` (one line each); empty when it may become latest."""
    problems = []
    for t in TABLES:
        written = _normal(pq.read_schema(folder / f"{t}.parquet"))
        if not written.equals(_normal(arrow_schema(t)), check_metadata=True):
            problems.append(f"{t}: the file's schema is not the one generated from schemas.{TABLES[t].__name__}")
    if problems:
        return problems
    for (t, column), missing in foreign_key_problems(folder).items():
        if missing:
            ref = table_meta(t)["foreign_keys"][column]
            problems.append(f"{t}.{column}: {len(missing)} value(s) missing from {ref}, e.g. {missing[0]}")
    for kind, paths in accounting_problems(folder, seeds_dir).items():
        if paths:
            problems.append(f"accounting: {len(paths)} input entr{'y' if len(paths) == 1 else 'ies'} {kind} "
                            f"(seeds changed during the build?), e.g. {paths[0]}")
    return problems
