"""The one place Parquet is written (and read back for checks).

Each table is validated against its pandera model, sorted by its sort key, converted with the
Arrow schema generated from the model (column descriptions in the field metadata), and written
without pandas metadata or timestamps, so the same rows give byte-identical files.

Reading (``read_table``, ``read_row_count``) needs only pandas and pyarrow: the light client uses
it. Writing needs the pandera models (the ``[pipeline]`` extra), imported when a table is written.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

PARQUET_OPTIONS = dict(compression="zstd", compression_level=9, use_dictionary=True,
                       write_statistics=True, row_group_size=128 * 1024, version="2.6")


def to_arrow(table: str, df: pd.DataFrame) -> pa.Table:
    """Validate, sort by the table's key and convert to Arrow with the generated schema."""
    from schemas.contract import arrow_schema, table_meta, validate  # pandera: not needed to read

    df = validate(table, df)
    meta = table_meta(table)
    keys = list(dict.fromkeys(meta["sort_by"] + meta["primary_key"]))
    df = df.sort_values(keys, kind="mergesort", na_position="first").reset_index(drop=True)
    schema = arrow_schema(table)
    return pa.Table.from_pandas(df[schema.names], schema=schema, preserve_index=False).replace_schema_metadata(
        schema.metadata)


def write_table(table: str, df: pd.DataFrame, directory: Path) -> Path:
    """Write ``<directory>/<table>.parquet`` atomically (temp file + rename); returns the path."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"{table}.parquet"
    arrow = to_arrow(table, df)
    fd, tmp = tempfile.mkstemp(prefix=f".{table}.", suffix=".parquet.tmp", dir=directory)
    os.close(fd)
    try:
        pq.write_table(arrow, tmp, **PARQUET_OPTIONS)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def read_table(path: Path) -> pd.DataFrame:
    """Read a published Parquet file into pandas with the codebook's dtypes (dates as datetime64)."""
    table = pq.read_table(path)
    df = table.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)
    for field in table.schema:
        if pa.types.is_date32(field.type):
            df[field.name] = pd.to_datetime(df[field.name])
        elif pa.types.is_list(field.type):
            df[field.name] = df[field.name].map(lambda v: [] if v is None else list(v))
    return df


def read_row_count(path: Path) -> int:
    """Rows of a Parquet file, from its footer (nothing else is read)."""
    return pq.ParquetFile(path).metadata.num_rows


# --- gzip CSV (spreadsheet copies of the tables in a release) --------------------------------------

CSV_LIST_SEPARATOR = ";"


def _csv_cell(value) -> str:
    """One cell: null -> empty, dates ISO 8601, lists ';'-joined, booleans true/false, floats repr."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return CSV_LIST_SEPARATOR.join("" if v is None else str(v) for v in value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


def csv_gz_bytes(table: pa.Table) -> bytes:
    """``table`` as gzip-compressed CSV, deterministically (same rows -> same bytes).

    UTF-8 without BOM, a header row with the column names, ``\\n`` line ends, RFC 4180 quoting (only
    where needed), nulls as empty cells, dates as ISO 8601 (YYYY-MM-DD), lists joined with ``;``
    (the Parquet file keeps the exact list: an empty list and a null both read as an empty cell).
    The gzip header has mtime 0 and no file name, so no wall-clock time gets into the file.
    """
    import csv
    import gzip
    import io

    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(table.column_names)
    for batch in table.to_batches():
        for row in batch.to_pylist():
            writer.writerow([_csv_cell(v) for v in row.values()])
    return gzip.compress(text.getvalue().encode("utf-8"), compresslevel=9, mtime=0)
