"""Load a release into pandas or DuckDB: ``load_table(name, version)`` and ``connect(version)``.

Both take the release from, first that applies:

- ``path`` = a release folder (``outputs/releases/1.0.0``, a downloaded ``<dest>/1.0.0``, or even
  ``outputs/latest``): its Parquet files are read in place;
- ``path`` = a releases folder holding ``index.json`` (``outputs/releases``): ``version`` is resolved
  in that index and read in place, nothing is downloaded;
- otherwise ``pipeline.download.download(version, dest, base_url)``: fetched (or found in the
  cache), every file verified, then read.

``load_table`` returns the codebook's dtypes (``pipeline.io.read_table``): dates as ``datetime64``,
integers as nullable ``Int64``, lists as Python lists. ``connect`` returns an in-memory DuckDB
connection with one view per table, named like the table, plus the ``casualty_estimates`` view
(``CASUALTY_ESTIMATES_SQL``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from schemas import TABLE_NAMES as TABLES

from .download import download, resolve_version
from .io import read_table
from .paths import INDEX, MANIFEST

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


def release_path(version: str = "latest", *, path: Path | str | None = None, dest: Path | str | None = None,
                 base_url: str | None = None) -> Path:
    """The local folder holding release ``version`` (downloading it unless ``path`` is given)."""
    if path is None:
        return download(version, dest=dest, base_url=base_url)
    path = Path(path)
    if (path / INDEX).is_file():
        index = json.loads((path / INDEX).read_text(encoding="utf-8"))
        return path / resolve_version(index, version)["version"]
    if not path.is_dir():
        raise FileNotFoundError(f"no release folder {path}")
    manifest = path / MANIFEST
    if version not in (None, "latest") and manifest.is_file():
        found = json.loads(manifest.read_text(encoding="utf-8")).get("version")
        if found != version:
            raise ValueError(f"{path} holds release {found}, not {version}")
    return path


def _tables_in(folder: Path) -> list[str]:
    manifest = folder / MANIFEST
    if manifest.is_file():
        return list(json.loads(manifest.read_text(encoding="utf-8"))["tables"])
    return [t for t in TABLES if (folder / f"{t}.parquet").is_file()]


def load_table(name: str, version: str = "latest", *, path: Path | str | None = None,
               dest: Path | str | None = None, base_url: str | None = None) -> pd.DataFrame:
    """One table of a release as a pandas DataFrame with the codebook's dtypes."""
    if name not in TABLES:
        raise KeyError(f"unknown table {name!r}; tables: {', '.join(TABLES)}")
    folder = release_path(version, path=path, dest=dest, base_url=base_url)
    file = folder / f"{name}.parquet"
    if not file.is_file():
        raise FileNotFoundError(f"release folder {folder} has no {file.name}")
    return read_table(file)


def connect(version: str = "latest", *, path: Path | str | None = None, dest: Path | str | None = None,
            base_url: str | None = None, database: str = ":memory:") -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with one view per table of the release (``SELECT * FROM events``)."""
    import duckdb

    folder = release_path(version, path=path, dest=dest, base_url=base_url).resolve()
    con = duckdb.connect(database)
    for table in _tables_in(folder):
        file = str(folder / f"{table}.parquet").replace("'", "''")
        con.execute(f'CREATE OR REPLACE VIEW "{table}" AS SELECT * FROM read_parquet(\'{file}\')')
    if "casualty_figures" in _tables_in(folder):
        con.execute(CASUALTY_ESTIMATES_SQL)
    return con
