"""Load a release into pandas or DuckDB: ``load_table(name, version)`` and ``connect(version)``.

Both take the release from, first that applies:

- ``path`` = a release folder (``outputs/releases/1.0.0``, a downloaded ``<dest>/1.0.0``, or even
  ``outputs/latest``): its Parquet files are read in place;
- ``path`` = a releases folder holding ``index.json`` (``outputs/releases``): ``version`` is resolved
  in that index and read in place, nothing is downloaded;
- otherwise ``pipeline.download.download(version, dest, base_url)``: fetched (or found in the
  cache), every file verified, then read.

This is the light client: it imports pandas, pyarrow, DuckDB and pooch only (DuckDB when
``connect`` is called, pooch when something is downloaded), never Dagster or pandera (``pip install syria-events`` without the ``[pipeline]`` extra is enough). The codebook it
checks against is ``pipeline/codebook.json`` (read by ``pipeline.codebook``), generated from the
pandera models of ``schemas/`` by ``syria-events codebook`` and kept equal to them by a test.

Nothing in a release folder is trusted: views and tables are named only from the codebook
(``pipeline.codebook.TABLE_NAMES``), never from a release's ``manifest.json``; every Parquet file's
columns and Arrow types are checked against the schema generated from ``schemas/`` before it is read
(``check_schema``: ``TableSchemaError`` names the file and each column that differs; column order,
nullability and descriptions are not compared); DuckDB views quote their identifiers, take the
path as an SQL string literal with quotes doubled and ``*``, ``?`` and ``[`` escaped as one-character
classes (``[*]``), checked with DuckDB's ``glob()`` to match exactly that one file, and read with
``hive_partitioning = false`` (a folder named ``year=2020`` adds no column). A ``manifest.json`` or
``index.json`` in ``path`` is validated (``pipeline.download.validate_manifest``, ``validate_index``)
before its version is used.

``load_table`` returns the codebook's dtypes (``pipeline.io.read_table``): dates as ``datetime64``,
integers as nullable ``Int64``, lists as Python lists. ``connect`` returns an in-memory DuckDB
connection with one view per table, named like the table, plus the ``casualty_estimates`` view
(``CASUALTY_ESTIMATES_SQL``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .codebook import TABLE_NAMES as TABLES
from .codebook import arrow_schema
from .download import download, normalize_version, parse_json, resolve_version, validate_index, validate_manifest
from .io import read_table
from .paths import INDEX, MANIFEST

if TYPE_CHECKING:
    import duckdb

# Casualty figures summed without double counting. See the codebook (casualty_figures) for the
# caveats; this view is created by ``connect`` whenever the release has casualty_figures.
CASUALTY_ESTIMATES_SQL = """
CREATE OR REPLACE VIEW casualty_estimates AS
SELECT event_id, outcome, victim_group,
       min(count_low)  AS count_low,       -- the lowest lower bound any document states
       max(count_high) AS count_high,      -- the highest upper bound any document states
       count(*)        AS n_figures,
       count(DISTINCT doc_id) AS n_documents,
       list(DISTINCT reported_by ORDER BY reported_by) FILTER (WHERE reported_by IS NOT NULL) AS reporters
FROM casualty_figures
WHERE scope = 'incident' AND event_id IS NOT NULL AND qualifier <> 'vague'
GROUP BY event_id, outcome, victim_group
"""


class TableSchemaError(ValueError):
    """A Parquet file of a release does not have the columns and types the codebook gives."""


def release_path(version: str = "latest", *, path: Path | str | None = None, dest: Path | str | None = None,
                 base_url: str | None = None) -> Path:
    """The local folder holding release ``version`` (downloading it unless ``path`` is given)."""
    wanted = normalize_version(version)
    if path is None:
        return download(wanted, dest=dest, base_url=base_url)
    path = Path(path)
    if (path / INDEX).is_file():
        source = str(path / INDEX)
        index = validate_index(parse_json((path / INDEX).read_bytes(), source), source)
        return path / resolve_version(index, wanted)["version"]
    if not path.is_dir():
        raise FileNotFoundError(f"no release folder {path}")
    manifest = path / MANIFEST
    if wanted != "latest" and manifest.is_file():
        found = validate_manifest(parse_json(manifest.read_bytes(), str(manifest)), str(manifest))["version"]
        if found != wanted:
            raise ValueError(f"{path} holds release {found}, not {wanted}")
    return path


def _normal_type(t: pa.DataType) -> pa.DataType:
    """Parquet names a list's item field ``element``, Arrow ``item``: compare without the name."""
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return pa.list_(_normal_type(t.value_type))
    return t


def check_schema(table: str, file: Path) -> None:
    """Raise ``TableSchemaError`` unless ``file`` has exactly the columns and Arrow types of ``table``
    in the codebook (``pipeline.codebook.arrow_schema``, equal to what ``schemas.contract`` generates)."""
    try:
        actual = pq.read_schema(file)
    except (pa.ArrowException, OSError) as exc:
        raise TableSchemaError(f"{file} is not a readable Parquet file ({type(exc).__name__})") from None
    expected = {f.name: _normal_type(f.type) for f in arrow_schema(table)}
    names = actual.names
    found = {f.name: _normal_type(f.type) for f in actual}
    problems = [f"column {c!r} appears {names.count(c)} times" for c in dict.fromkeys(names) if names.count(c) > 1]
    problems += [f"column {c!r} is missing" for c in expected if c not in found]
    problems += [f"column {c!r} is not in the codebook" for c in found if c not in expected]
    problems += [f"column {c!r} is {found[c]}, the codebook says {expected[c]}"
                 for c in expected if c in found and found[c] != expected[c]]
    if problems:
        raise TableSchemaError(f"{file} does not match the codebook's {table} table: {'; '.join(problems)}")


def load_table(name: str, version: str = "latest", *, path: Path | str | None = None,
               dest: Path | str | None = None, base_url: str | None = None) -> pd.DataFrame:
    """One table of a release as a pandas DataFrame with the codebook's dtypes."""
    if name not in TABLES:
        raise KeyError(f"unknown table {name!r}; tables: {', '.join(TABLES)}")
    folder = release_path(version, path=path, dest=dest, base_url=base_url)
    file = folder / f"{name}.parquet"
    if not file.is_file():
        raise FileNotFoundError(f"release folder {folder} has no {file.name}")
    check_schema(name, file)
    return read_table(file)


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal_file(path: Path) -> str:
    """``path`` as a DuckDB file pattern matching only itself: ``*``, ``?`` and ``[`` as ``[*]``, ..."""
    return re.sub(r"([*?\[])", r"[\1]", str(path))


def _string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def connect(version: str = "latest", *, path: Path | str | None = None, dest: Path | str | None = None,
            base_url: str | None = None, database: str = ":memory:") -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with one view per table of the release (``SELECT * FROM events``)."""
    folder = release_path(version, path=path, dest=dest, base_url=base_url).resolve()
    present = [t for t in TABLES if (folder / f"{t}.parquet").is_file()]
    if not present:
        raise FileNotFoundError(f"release folder {folder} holds none of the tables {', '.join(TABLES)}")
    for table in present:
        check_schema(table, folder / f"{table}.parquet")
    import duckdb  # only here: load_table never needs it

    con = duckdb.connect(database)
    try:
        for table in present:
            file = folder / f"{table}.parquet"
            pattern = _literal_file(file)
            matched = [row[0] for row in con.execute("SELECT file FROM glob(?)", [pattern]).fetchall()]
            if matched != [str(file)]:
                raise RuntimeError(f"DuckDB would read {matched} for {file}; refusing the path")
            con.execute(f"CREATE OR REPLACE VIEW {_identifier(table)} AS "
                        f"SELECT * FROM read_parquet({_string(pattern)}, hive_partitioning = false)")
        if "casualty_figures" in present:
            con.execute(CASUALTY_ESTIMATES_SQL)
    except BaseException:
        con.close()
        raise
    return con
