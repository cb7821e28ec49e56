"""Versioned releases of ``outputs/latest/``: immutable, atomic, checksummed, with a changelog.

``publish_release(latest_dir, releases_dir)`` turns the validated tables of ``outputs/latest/`` into
``outputs/releases/<version>/``::

    outputs/releases/
      index.json            every version, newest first, with its files (sha256, bytes) and row counts
      CHANGELOG.md          every release's changelog entry, newest first
      1.0.0/
        <table>.parquet     copied byte for byte from latest/ (zstd, sorted by the table's sort key;
                            written by pipeline.io with PARQUET_OPTIONS: row groups of 128 Ki rows)
        datapackage.json    Frictionless Data Package generated from schemas/ (schemas.contract)
        manifest.json       version, previous version, pipeline version, rows/bytes/sha256 per table
        CHANGELOG.md        this release's entry: rows added/removed/changed per table, with examples
        <table>.csv.gz      the same rows as gzip CSV for spreadsheets (pipeline.io.csv_gz_bytes)
        index.html          the dataset card: coverage, charts, codebook, caveats, citation,
        README.md           attribution, changelog (pipeline.card; README.md says the same in markdown)
        CITATION.cff        how to cite this version (Citation File Format)
        SHA256SUMS          sha256 of every other file (``sha256sum -c SHA256SUMS`` works)
      .tmp-*/               a release being written; never visible under a version name
      .release.lock         serializes publishers (flock; released by the kernel if one dies)

Versions (semantic, ``MAJOR.MINOR.PATCH``) are derived from the diff against the previous release:
a table or column removed, a column's type or a primary key changed -> major; rows, columns or
tables added -> minor; only rows changed or removed (or only metadata changed) -> patch; the first
release is 1.0.0. The maintainer may set the version (it must be greater than the latest release).
Identical data is not released again unless forced.

Atomicity: everything is written into a temporary folder inside ``releases_dir``, fsynced, checked
(checksums, every table re-read and validated against its model, foreign keys, Frictionless), then
renamed to the version folder with one ``os.rename``. A crash at any point leaves either no version
folder or a complete one; ``index.json`` and the top-level ``CHANGELOG.md`` are regenerated from the
version folders (temp file + ``os.replace``) at every run, so they catch up after a crash too.

No wall-clock time goes into any file unless ``created`` is given (then only into ``manifest.json``
and ``index.json``), so releasing the same data twice into two folders gives identical bytes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from schemas import TABLES
from schemas.contract import DATASET_NAME, arrow_schema, datapackage, table_meta, validate

from .builds import BuildError, sha256_file, verify_build
from .io import csv_gz_bytes, read_table
from .paths import CHANGELOG, CHECKSUMS, DATAPACKAGE, INDEX, MANIFEST

CSV_SUFFIX = ".csv.gz"
TMP_PREFIX = ".tmp-"
LOCK = ".release.lock"
N_EXAMPLES = 5
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
LEVELS = ("patch", "minor", "major")

# Columns that name a row in changelog examples, first present wins (dates first, then text).
_LABEL_DATES = ("date", "target_date", "published", "period_start")
_LABEL_TEXTS = ("summary", "title", "text", "quote", "name", "reason", "path", "target_path", "url")

Hook = Callable[[str, Path], None]


class ReleaseError(RuntimeError):
    """A release could not be published (nothing was changed on disk)."""


class ReleaseExistsError(ReleaseError, FileExistsError):
    """The version already exists: releases are immutable."""


# --- versions ---------------------------------------------------------------------------------------

def parse_version(version: str) -> tuple[int, int, int]:
    m = SEMVER.match(version or "")
    if not m:
        raise ValueError(f"not a semantic version MAJOR.MINOR.PATCH: {version!r}")
    return int(m[1]), int(m[2]), int(m[3])


def bump(version: str, level: str) -> str:
    """``bump("1.2.3", "minor") == "1.3.0"``."""
    major, minor, patch = parse_version(version)
    if level == "major":
        return f"{major + 1}.0.0"
    if level == "minor":
        return f"{major}.{minor + 1}.0"
    if level == "patch":
        return f"{major}.{minor}.{patch + 1}"
    raise ValueError(f"unknown level {level!r}")


def csv_name(table: str) -> str:
    """File name of the gzip CSV copy of ``table`` in a release."""
    return f"{table}{CSV_SUFFIX}"


def list_releases(releases_dir: Path) -> list[str]:
    """Published versions (folders named MAJOR.MINOR.PATCH with a manifest), oldest first."""
    if not releases_dir.is_dir():
        return []
    found = [p.name for p in releases_dir.iterdir()
             if p.is_dir() and SEMVER.match(p.name) and (p / MANIFEST).is_file()]
    return sorted(found, key=parse_version)


# --- diff ---------------------------------------------------------------------------------------------

@dataclass
class TableChange:
    """How one table differs from the previous release. Keys are tuples of primary-key values."""

    table: str
    primary_key: list[str]
    rows_before: int | None = None          # None: the table is new
    rows_after: int | None = None           # None: the table was removed
    added: list[tuple] = field(default_factory=list)
    removed: list[tuple] = field(default_factory=list)
    changed: list[tuple] = field(default_factory=list)
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)
    types_changed: list[tuple[str, str, str]] = field(default_factory=list)   # (column, old, new)
    key_changed: bool = False
    examples: dict[str, list[str]] = field(default_factory=dict)              # added/removed/changed

    @property
    def level(self) -> str | None:
        if self.rows_after is None or self.columns_removed or self.types_changed or self.key_changed:
            return "major"
        if self.rows_before is None or self.added or self.columns_added:
            return "minor"
        if self.removed or self.changed:
            return "patch"
        return None

    def summary(self) -> dict:
        return {"rows": self.rows_after, "added": len(self.added), "removed": len(self.removed),
                "changed": len(self.changed), "columns_added": self.columns_added,
                "columns_removed": self.columns_removed,
                "types_changed": [list(t) for t in self.types_changed]}


@dataclass
class ReleaseDiff:
    tables: dict[str, TableChange]

    @property
    def level(self) -> str | None:
        """major, minor, patch, or None when no rows, columns or tables changed."""
        levels = [t.level for t in self.tables.values() if t.level]
        return max(levels, key=LEVELS.index) if levels else None

    def reasons(self) -> list[str]:
        """Why the level is what it is: structural changes, then which tables gained/lost/changed rows."""
        out = []
        for name, t in self.tables.items():
            if t.rows_after is None:
                out.append(f"table {name} removed")
            elif t.rows_before is None:
                out.append(f"table {name} added")
            if t.columns_removed:
                out.append(f"columns removed from {name} ({', '.join(t.columns_removed)})")
            if t.types_changed:
                out.append(f"column types changed in {name} ({', '.join(c for c, _, _ in t.types_changed)})")
            if t.key_changed:
                out.append(f"primary key of {name} changed")
            if t.columns_added:
                out.append(f"columns added to {name} ({', '.join(t.columns_added)})")
        for what in ("added", "removed", "changed"):
            names = [n for n, t in self.tables.items() if getattr(t, what)]
            if names:
                out.append(f"rows {what} in {', '.join(names)}")
        return out


def _freeze(value):
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, float) and value != value:  # NaN equals NaN here
        return "NaN"
    return value


def _short(value, width: int) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _label(row: dict, key: list[str]) -> str:
    """A row named for people: date, text and key (events: date — summary (event_id))."""
    parts = []
    date = next((row[c] for c in _LABEL_DATES if row.get(c) is not None), None)
    if date is not None:
        parts.append(str(date))
    text = next((row[c] for c in _LABEL_TEXTS if row.get(c)), None)
    if text is not None:
        parts.append(_short(text, 160))
    ident = ", ".join(f"`{k}` {row.get(k)}" for k in key)
    return f"{' — '.join(parts)} ({ident})" if parts else ident


def diff_table(name: str, old: pa.Table | None, new: pa.Table | None,
               primary_key: list[str] | None = None) -> TableChange:
    """Rows added, removed and changed (by primary key) and columns added/removed/retyped."""
    if primary_key is None:
        primary_key = list(table_meta(name)["primary_key"]) if name in TABLES else []
    change = TableChange(name, primary_key, rows_before=None if old is None else old.num_rows,
                         rows_after=None if new is None else new.num_rows)
    if old is None or new is None:
        return change
    old_types = {f.name: str(_normal_type(f.type)) for f in old.schema}
    new_types = {f.name: str(_normal_type(f.type)) for f in new.schema}
    change.columns_added = [c for c in new_types if c not in old_types]
    change.columns_removed = [c for c in old_types if c not in new_types]
    change.types_changed = [(c, old_types[c], new_types[c]) for c in new_types
                            if c in old_types and old_types[c] != new_types[c]]
    old_key = (old.schema.metadata or {}).get(b"primary_key")
    if old_key is not None and old_key.decode() != ",".join(primary_key):
        change.key_changed = True
    if any(k not in old_types or k not in new_types for k in primary_key):
        change.key_changed = True
        return change
    common = [c for c in new_types if c in old_types and old_types[c] == new_types[c]]

    def rows(table: pa.Table) -> dict[tuple, dict]:
        return {tuple(_freeze(r[k]) for k in primary_key): r for r in table.select(common).to_pylist()}

    before, after = rows(old), rows(new)
    change.added = [k for k in after if k not in before]
    change.removed = [k for k in before if k not in after]
    change.changed = [k for k in after if k in before
                      and any(_freeze(after[k][c]) != _freeze(before[k][c]) for c in common)]
    if change.added:
        change.examples["added"] = [_label(after[k], primary_key) for k in change.added[:N_EXAMPLES]]
    if change.removed:
        change.examples["removed"] = [_label(before[k], primary_key) for k in change.removed[:N_EXAMPLES]]
    if change.changed:
        lines = []
        for k in change.changed[:N_EXAMPLES]:
            cols = [c for c in common if _freeze(after[k][c]) != _freeze(before[k][c])]
            what = ", ".join(f"`{c}` {_short(before[k][c], 40)} → {_short(after[k][c], 40)}" for c in cols[:3])
            more = f" and {len(cols) - 3} more" if len(cols) > 3 else ""
            lines.append(f"{_label(after[k], primary_key)}: {what}{more}")
        change.examples["changed"] = lines
    return change


def diff_tables(old: dict[str, pa.Table], new: dict[str, pa.Table]) -> ReleaseDiff:
    """The diff of every table present in either release (new tables in ``new``'s order)."""
    names = list(new) + [n for n in old if n not in new]
    return ReleaseDiff({n: diff_table(n, old.get(n), new.get(n)) for n in names})


# --- files ---------------------------------------------------------------------------------------------

def _json_bytes(obj) -> bytes:
    return (json.dumps(obj, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_bytes(path: Path, data: bytes) -> None:
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _replace_atomically(path: Path, data: bytes) -> None:
    """Write ``path`` via a temp file in the same folder and ``os.replace``."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def read_checksums(folder: Path) -> dict[str, str]:
    """``SHA256SUMS`` as {file name: hex digest}."""
    out = {}
    for line in (folder / CHECKSUMS).read_text(encoding="utf-8").splitlines():
        if line.strip():
            digest, name = line.split(maxsplit=1)
            out[name.lstrip("*")] = digest
    return out


def previous_event_ids(releases_dir) -> dict[str, str]:
    """mention_id -> event_id of the newest release in ``releases_dir`` (its ``index.json``
    ``latest``), {} when there is none or it cannot be read: ids are then derived afresh
    (``resolve.resolve(mentions, previous=...)`` carries them forward)."""
    import pandas as pd

    folder = Path(releases_dir)
    try:
        latest = json.loads((folder / "index.json").read_text(encoding="utf-8"))["latest"]
        if not isinstance(latest, str) or "/" in latest or latest.startswith("."):
            return {}
        table = pd.read_parquet(folder / latest / "event_mentions.parquet", columns=["mention_id", "event_id"])
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return dict(zip(table["mention_id"].astype(str), table["event_id"].astype(str)))


def pipeline_version() -> str:
    try:
        return metadata.version("syria-events")
    except metadata.PackageNotFoundError:
        return "unknown"


@contextlib.contextmanager
def _lock(releases_dir: Path) -> Iterator[None]:
    """One publisher at a time per releases folder (advisory flock; freed if the holder dies)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        yield
        return
    with open(releases_dir / LOCK, "a+") as f:
        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ReleaseError(f"another release is being published in {releases_dir} "
                               f"(lock {LOCK} is held); try again when it has finished") from None
        try:
            yield
        finally:
            fcntl.flock(f.fileno(), fcntl.LOCK_UN)


def _clean_stale(releases_dir: Path) -> list[str]:
    """Remove temporary folders of publishers that died (called with the lock held)."""
    removed = []
    for p in releases_dir.iterdir():
        if p.name.startswith(TMP_PREFIX):
            if p.is_dir():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink(missing_ok=True)
            removed.append(p.name)
    return removed


# --- validation ------------------------------------------------------------------------------------

_FRICTIONLESS = threading.Lock()     # frictionless_report changes Frictionless's global state for a call


def frictionless_report(folder: Path, *, share_lookups: bool = True):
    """``frictionless.validate`` of ``folder/datapackage.json``, reading Parquet rows with pyarrow.

    Frictionless 5 reads Parquet through pandas, which hands list columns over as numpy arrays
    (rejected by its ``array`` type) and nulls of integer columns as floats; this registers, for the
    duration of the call, a parser that gives it plain Python values (``pyarrow``'s ``to_pylist``).
    Everything else (descriptor, types, constraints, primary and foreign keys) is Frictionless's own.

    ``share_lookups``: Frictionless builds each resource's foreign-key lookup by copying and reading
    every resource it references, again for each resource (events is read by event_mentions,
    sources, related_links and casualty_figures, in both the Parquet and the CSV copy: 20 reads of
    6 resources per release, half of the validation's time). With it, each (referenced resource,
    key fields) is read once per call by Frictionless's own code (``_shared_lookups``) and its set of
    keys handed to the other resources that reference it; the files cannot change during the call,
    so every row is checked against the same keys and the report is the same
    (tests/test_release.py compares both on a package with broken foreign keys).
    """
    import frictionless
    from frictionless.formats.parquet import ParquetParser

    class ArrowParquetParser(ParquetParser):
        def read_cell_stream_create(self):
            table = pq.read_table(self.resource.normpath)
            yield table.column_names
            for batch in table.to_batches():
                for row in batch.to_pylist():
                    yield list(row.values())

    class ArrowParquetPlugin(frictionless.Plugin):
        def create_parser(self, resource):
            if resource.format == "parquet":
                return ArrowParquetParser(resource)
            return None

    with _FRICTIONLESS, (_shared_lookups() if share_lookups else contextlib.nullcontext()):
        frictionless.system.register("syria_events_arrow_parquet", ArrowParquetPlugin())
        try:
            return frictionless.validate(str(folder / DATAPACKAGE))
        finally:
            frictionless.system.deregister("syria_events_arrow_parquet")


@contextlib.contextmanager
def _shared_lookups() -> Iterator[None]:
    """For the duration of one validation, Frictionless's ``TableResource`` builds its foreign-key
    lookup with its own method, given only the foreign keys whose (resource, fields) no resource of
    this validation has read yet; the sets of keys read for the others are added from those reads.
    Self-references (a resource's keys in itself) are always Frictionless's alone. Where
    Frictionless's private method is not found (another version), nothing is changed."""
    from frictionless.resources.table import TableResource

    attr = "_TableResource__open_lookup"
    original = getattr(TableResource, attr, None)
    if original is None:
        yield
        return
    read: dict[tuple[str, tuple[str, ...]], set] = {}

    def shareable(resource, fk) -> tuple[str, tuple[str, ...]] | None:
        name = fk["reference"]["resource"]
        if not name or name == resource.name or resource.package is None:
            return None
        return name, tuple(fk["reference"]["fields"])

    def open_lookup(self) -> None:
        fks = self.schema.foreign_keys
        self.schema.foreign_keys = [fk for fk in fks if shareable(self, fk) not in read]
        try:
            original(self)
        finally:
            self.schema.foreign_keys = fks
        lookup = self._TableResource__lookup
        for fk in fks:
            key = shareable(self, fk)
            if key is None:
                continue
            if key in read:
                lookup.setdefault(key[0], {})[key[1]] = read[key]
            elif key[1] in lookup.get(key[0], {}):
                read[key] = lookup[key[0]][key[1]]

    setattr(TableResource, attr, open_lookup)
    try:
        yield
    finally:
        setattr(TableResource, attr, original)


def verify_release(folder: Path, *, check_schemas: bool = True, check_frictionless: bool = True) -> dict:
    """Check a release folder; raise ``ReleaseError`` listing every problem, else return the manifest.

    - ``SHA256SUMS`` lists exactly the other files of the folder and every digest matches;
    - ``manifest.json`` row counts equal the Parquet files' row counts;
    - each table's gzip CSV copy holds exactly its Parquet file's rows (regenerated and compared);
    - with ``check_schemas``: each table has the Arrow schema generated from ``schemas/``, validates
      against its pandera model, and every foreign key value exists in the referenced table;
    - with ``check_frictionless``: ``datapackage.json`` validates with Frictionless.
    """
    problems: list[str] = []
    if not (folder / CHECKSUMS).is_file():
        raise ReleaseError(f"{folder}: no {CHECKSUMS}")
    sums = read_checksums(folder)
    present = {p.name for p in folder.iterdir() if p.is_file() and p.name != CHECKSUMS}
    for name in sorted(present - set(sums)):
        problems.append(f"{name}: not in {CHECKSUMS}")
    for name, digest in sorted(sums.items()):
        if name not in present:
            problems.append(f"{name}: listed in {CHECKSUMS} but missing")
        elif sha256_file(folder / name) != digest:
            problems.append(f"{name}: sha256 does not match {CHECKSUMS}")
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    frames = {}
    for table, info in manifest["tables"].items():
        path = folder / info["file"]
        if not path.is_file():
            problems.append(f"{info['file']}: missing")
            continue
        rows = pq.ParquetFile(path).metadata.num_rows
        if rows != info["rows"]:
            problems.append(f"{info['file']}: {rows} rows, manifest says {info['rows']}")
        csv = folder / csv_name(table)
        if csv.is_file() and csv.read_bytes() != csv_gz_bytes(pq.read_table(path)):
            problems.append(f"{csv.name}: does not hold the rows of {info['file']}")
        if check_schemas:
            problems += _schema_problems(table, path)
            try:
                frames[table] = validate(table, read_table(path))
            except Exception as exc:  # pandera SchemaErrors: report, keep checking the others
                problems.append(f"{info['file']}: does not validate against schemas: {_short(exc, 600)}")
    if check_schemas:
        if set(manifest["tables"]) != set(TABLES):
            problems.append(f"tables {sorted(manifest['tables'])} differ from schemas.TABLES {sorted(TABLES)}")
        for table, df in frames.items():
            for column, ref in (table_meta(table).get("foreign_keys") or {}).items():
                target, target_col = ref.split(".")
                if target in frames:
                    missing = set(df[column].dropna()) - set(frames[target][target_col])
                    if missing:
                        problems.append(f"{table}.{column}: {len(missing)} value(s) missing from {ref}, "
                                        f"e.g. {sorted(missing)[:3]}")
    if check_frictionless and not problems:
        report = frictionless_report(folder)
        if not report.valid:
            errors = report.flatten(["taskNumber", "rowNumber", "fieldName", "type", "note"])
            problems.append(f"{DATAPACKAGE}: Frictionless validation failed: {errors[:10]}")
    if problems:
        raise ReleaseError(f"release folder {folder} is not valid:\n  " + "\n  ".join(problems))
    return manifest


def _normal_type(t: pa.DataType) -> pa.DataType:
    """Parquet names a list's item field ``element``, Arrow ``item``: compare without the name."""
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return pa.list_(_normal_type(t.value_type))
    return t


def _normal_schema(schema: pa.Schema) -> pa.Schema:
    return pa.schema([pa.field(f.name, _normal_type(f.type), f.nullable, f.metadata) for f in schema],
                     metadata=schema.metadata)


def _schema_problems(table: str, path: Path) -> list[str]:
    expected = _normal_schema(arrow_schema(table))
    actual = _normal_schema(pq.read_schema(path))
    if actual.equals(expected, check_metadata=True):
        return []
    exp, act = dict(zip(expected.names, expected.types)), dict(zip(actual.names, actual.types))
    details = []
    if set(exp) - set(act):
        details.append(f"missing columns {sorted(set(exp) - set(act))}")
    if set(act) - set(exp):
        details.append(f"unknown columns {sorted(set(act) - set(exp))}")
    details += [f"{c} is {act[c]}, schema says {exp[c]}" for c in exp if c in act and act[c] != exp[c]]
    if not details:
        details.append("column order, nullability or descriptions differ")
    return [f"{path.name}: does not match the schema generated from schemas/ ({'; '.join(details)}); "
            f"rebuild with `syria-events build`"]


# --- changelog -------------------------------------------------------------------------------------

def changelog_entry(version: str, previous: str | None, diff: ReleaseDiff | None, rows: dict[str, int], *,
                    change: str | None, source: str, created: str | None = None) -> str:
    """The markdown changelog entry of one release."""
    head = f"## {version}" + (f" — {created}" if created else "")
    out = [head, ""]
    if previous is None:
        out.append("First release.")
    else:
        what = {"major": "Major release", "minor": "Minor release", "patch": "Patch release"}.get(change or "", "Release")
        reasons = diff.reasons() if diff else []
        because = f": {'; '.join(reasons)}" if reasons else (
            ": metadata or file encoding changed, rows and columns did not" if change else ": no changes in the data")
        out.append(f"Previous release: {previous}. {what}{because}.")
    if source == "maintainer":
        out.append(f"Version set by the maintainer (derived from the changes: {change or 'none'}).")
    elif source == "forced":
        out.append("Released on request (forced) although the data did not change.")
    if previous is None or diff is None:
        out += ["", "| table | rows |", "|---|---:|"] + [f"| {table} | {n} |" for table, n in rows.items()]
    else:
        out += ["", "| table | rows | added | removed | changed |", "|---|---:|---:|---:|---:|"]
        for table, n in rows.items():
            t = diff.tables.get(table)
            if t is None or t.rows_before is None:
                out.append(f"| {table} | {n} | {n} (new table) | – | – |")
            else:
                out.append(f"| {table} | {n} | {len(t.added)} | {len(t.removed)} | {len(t.changed)} |")
    if diff and previous is not None:
        for table, t in diff.tables.items():
            lines = []
            if t.rows_after is None:
                lines.append(f"- Table removed (had {t.rows_before} rows).")
            if t.rows_before is None:
                lines.append(f"- New table ({t.rows_after} rows).")
            for label, cols in (("Columns added", t.columns_added), ("Columns removed", t.columns_removed)):
                if cols:
                    lines.append(f"- {label}: {', '.join(f'`{c}`' for c in cols)}.")
            for col, old, new in t.types_changed:
                lines.append(f"- Column `{col}` changed type: {old} → {new}.")
            if t.key_changed:
                lines.append("- Primary key changed.")
            for what in ("added", "removed", "changed"):
                keys = getattr(t, what)
                if keys:
                    n = len(keys)
                    lines.append(f"- {n} row{'s' if n != 1 else ''} {what}" + (", e.g.:" if n > N_EXAMPLES else ":"))
                    lines += [f"  - {ex}" for ex in t.examples.get(what, [])]
            if lines:
                out += ["", f"### {table}", ""] + lines
    return "\n".join(out).rstrip() + "\n"


# --- index and top-level changelog -------------------------------------------------------------------

def build_index(releases_dir: Path) -> dict:
    """``index.json`` from the version folders: newest first, every file with sha256 and bytes."""
    versions = []
    for version in reversed(list_releases(releases_dir)):
        folder = releases_dir / version
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        files = {name: {"sha256": digest, "bytes": (folder / name).stat().st_size}
                 for name, digest in sorted(read_checksums(folder).items())}
        files[CHECKSUMS] = {"sha256": sha256_file(folder / CHECKSUMS), "bytes": (folder / CHECKSUMS).stat().st_size}
        entry = {"version": version, "path": f"{version}/", "previous": manifest.get("previous"),
                 "change": manifest.get("change"), "pipeline_version": manifest.get("pipeline_version"),
                 "rows": {t: info["rows"] for t, info in manifest["tables"].items()},
                 "files": dict(sorted(files.items()))}
        if manifest.get("created"):
            entry["created"] = manifest["created"]
        versions.append(entry)
    return {"name": DATASET_NAME, "latest": versions[0]["version"] if versions else None, "versions": versions}


def refresh_index(releases_dir: Path) -> dict:
    """Rewrite ``index.json`` and the top-level ``CHANGELOG.md`` from the version folders."""
    index = build_index(releases_dir)
    _replace_atomically(releases_dir / INDEX, _json_bytes(index))
    entries = [(releases_dir / v["version"] / CHANGELOG).read_text(encoding="utf-8").rstrip()
               for v in index["versions"] if (releases_dir / v["version"] / CHANGELOG).is_file()]
    text = ("# Changelog\n\nEvery release of the dataset, newest first; generated by `syria-events release` "
            "from the `CHANGELOG.md` of each release folder.\n\n" + "\n\n".join(entries) + "\n")
    _replace_atomically(releases_dir / CHANGELOG, text.encode("utf-8"))
    return index


# --- publish -----------------------------------------------------------------------------------------

@dataclass
class ReleaseInfo:
    published: bool                 # False: nothing released (no changes, not forced)
    version: str | None             # the new version (None when nothing was released)
    previous: str | None            # the latest release before this run
    path: Path | None               # releases_dir/<version>
    change: str | None              # initial, major, minor, patch, or None (no changes)
    diff: ReleaseDiff | None        # None for the first release
    changelog: str                  # this release's changelog entry ('' when nothing was released)
    message: str


def _read_release_tables(folder: Path) -> dict[str, pa.Table]:
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    return {t: pq.read_table(folder / info["file"]) for t, info in manifest["tables"].items()}


def _sources(documents: pa.Table) -> list[dict]:
    rows = documents.select(["path", "title"]).to_pylist() if {"path", "title"} <= set(documents.column_names) else []
    return [{"title": r["title"] or r["path"], "path": f"seeds/{r['path']}"} for r in sorted(rows, key=lambda r: r["path"])]


def publish_release(latest_dir: Path, releases_dir: Path, version: str | None = None, *,
                    created: str | dt.datetime | None = None, force: bool = False,
                    on_stage: Hook | None = None) -> ReleaseInfo:
    """Publish ``latest_dir`` as ``releases_dir/<version>/`` (see the module docstring).

    ``version``: set by the maintainer (must be greater than the latest release); by default derived
    from the diff. ``created``: a creation time for ``manifest.json``/``index.json`` (default: none,
    so rebuilds are byte-identical). ``force``: release even if nothing changed (patch bump).
    ``on_stage(stage, temp_folder)`` is called at "copied", "written", "validated" and "renamed"
    (tests use it to fail or kill the step midway).
    """
    from .card import card_files  # here: every build imports this module (event ids, version), only a release the card

    latest_dir, releases_dir = Path(latest_dir), Path(releases_dir)
    if version is not None:
        parse_version(version)
    if isinstance(created, dt.datetime):
        created = created.isoformat(timespec="seconds")
    # outputs/latest is a symlink switched by builds: pin the build it points at now, and refuse
    # anything that is not one complete, checked build (pipeline.builds.verify_build)
    latest_dir = latest_dir.resolve()
    missing = [f"{t}.parquet" for t in TABLES if not (latest_dir / f"{t}.parquet").is_file()]
    if missing:
        raise ReleaseError(f"{latest_dir} lacks {', '.join(missing)}: run `syria-events build` first")
    try:
        build_manifest = verify_build(latest_dir, list(TABLES))
    except BuildError as exc:
        raise ReleaseError(f"refusing to release: {exc}") from None
    releases_dir.mkdir(parents=True, exist_ok=True)
    hook = on_stage or (lambda stage, folder: None)

    with _lock(releases_dir):
        _clean_stale(releases_dir)
        refresh_index(releases_dir)           # catch up after a crash between rename and index
        history = list_releases(releases_dir)
        previous = history[-1] if history else None
        if version is not None:
            if (releases_dir / version).exists():
                raise ReleaseExistsError(f"release {version} already exists in {releases_dir}; releases are "
                                         f"immutable: choose another version")
            if previous and parse_version(version) <= parse_version(previous):
                raise ReleaseError(f"version {version} is not greater than the latest release {previous}")

        # problems in latest/ are reported before anything is written
        problems = [p for t in TABLES for p in _schema_problems(t, latest_dir / f"{t}.parquet")]
        if problems:
            raise ReleaseError(f"{latest_dir} does not match schemas/:\n  " + "\n  ".join(problems))
        # read each file once: the diff, the checksums and the copy are of the same bytes, even if a
        # build rewrites latest/ meanwhile
        data = {t: (latest_dir / f"{t}.parquet").read_bytes() for t in TABLES}
        new_tables = {t: pq.read_table(pa.BufferReader(b)) for t, b in data.items()}
        digests = {t: hashlib.sha256(b).hexdigest() for t, b in data.items()}
        changed = sorted(t for t in TABLES if digests[t] != build_manifest["tables"][t]["sha256"])
        if changed:
            raise ReleaseError(f"refusing to release: {', '.join(changed)} in {latest_dir} changed while reading")

        diff = None
        metadata_changed = False
        if previous is not None:
            prev_dir = releases_dir / previous
            diff = diff_tables(_read_release_tables(prev_dir), new_tables)
            prev_sums = read_checksums(prev_dir)
            same_files = all(prev_sums.get(f"{t}.parquet") == digests[t] for t in TABLES)
            prev_package = json.loads((prev_dir / DATAPACKAGE).read_text(encoding="utf-8"))
            same_package = prev_package == datapackage(previous, sources=_sources(new_tables["documents"]))
            metadata_changed = not (same_files and same_package)
        derived = "initial" if diff is None else (diff.level or ("patch" if metadata_changed else None))

        if derived is None and not force:
            return ReleaseInfo(False, None, previous, None, None, diff, "",
                               f"no changes since {previous}: nothing released (use --force, or force=True, to release anyway)")
        source = "maintainer" if version is not None else ("forced" if derived is None else "derived")
        if version is None:
            version = "1.0.0" if previous is None else bump(previous, derived or "patch")
        target = releases_dir / version
        if target.exists():
            raise ReleaseExistsError(f"release {version} already exists in {releases_dir}; releases are immutable")

        tmp = Path(tempfile.mkdtemp(prefix=f"{TMP_PREFIX}{version}-", dir=releases_dir))
        try:
            rows, files = {}, {}
            for t in TABLES:
                name = f"{t}.parquet"
                _write_bytes(tmp / name, data[t])
                rows[t] = new_tables[t].num_rows
                files[t] = {"file": name, "rows": rows[t], "bytes": len(data[t]), "sha256": digests[t]}
            hook("copied", tmp)

            change = derived if derived is not None else "patch"
            entry = changelog_entry(version, previous, diff, rows, change=None if derived == "initial" else change,
                                    source=source, created=created)
            manifest: dict[str, Any] = {"name": DATASET_NAME, "version": version, "previous": previous,
                        "change": change, "version_source": source, "pipeline_version": pipeline_version(),
                        "tables": files}
            if diff is not None:
                manifest["changes"] = {t: c.summary() for t, c in diff.tables.items()}
            if created:
                manifest["created"] = created
            _write_bytes(tmp / DATAPACKAGE, _json_bytes(datapackage(version, sources=_sources(new_tables["documents"]))))
            _write_bytes(tmp / MANIFEST, _json_bytes(manifest))
            _write_bytes(tmp / CHANGELOG, entry.encode("utf-8"))
            for t in TABLES:                    # the same rows for spreadsheets
                _write_bytes(tmp / csv_name(t), csv_gz_bytes(new_tables[t]))
            card = card_files(new_tables, version=version, previous=previous, changelog=entry,
                              pipeline_version=manifest["pipeline_version"])
            for name, payload in card.items():  # index.html, README.md, CITATION.cff
                _write_bytes(tmp / name, payload)
            names = sorted(p.name for p in tmp.iterdir() if p.is_file())
            sums = "".join(f"{sha256_file(tmp / n)}  {n}\n" for n in names)
            _write_bytes(tmp / CHECKSUMS, sums.encode("utf-8"))
            hook("written", tmp)

            verify_release(tmp)
            for p in tmp.iterdir():
                os.chmod(p, 0o444)              # immutable by convention and by mode
            os.chmod(tmp, 0o755)
            _fsync_dir(tmp)
            hook("validated", tmp)

            if target.exists():
                raise ReleaseExistsError(f"release {version} already exists in {releases_dir}")
            os.rename(tmp, target)
            _fsync_dir(releases_dir)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        hook("renamed", target)
        refresh_index(releases_dir)

    what = "first release" if previous is None else f"{change} release after {previous}"
    return ReleaseInfo(True, version, previous, target, derived if derived == "initial" else change, diff, entry,
                       f"released {version} ({what}) in {target}")
