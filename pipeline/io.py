"""The one place Parquet is written (and read back for checks).

Each table is validated against its pandera model, sorted by its sort key, converted with the
Arrow schema generated from the model (column descriptions in the field metadata), and written
without pandas metadata or timestamps, so the same rows give byte-identical files.

Stage datasets (``schemas.stages``, the tables flowing between assets) are written the same way by
``write_stage`` but not validated here (their blocking asset checks validate them) and with fast
compression (written once, read once). The per-document cache (``pipeline.cache``) appends its
segments with pyarrow's ``ParquetWriter``; it is not a table of the dataset.

Reading (``read_table``, ``read_row_count``) needs only pandas and pyarrow: the light client uses
it. Writing needs the pandera models (the ``[pipeline]`` extra), imported when a table is written.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

PARQUET_OPTIONS = dict(compression="zstd", compression_level=9, use_dictionary=True,
                       write_statistics=True, row_group_size=128 * 1024, version="2.6")


def to_arrow(table: str, data: pd.DataFrame | pa.Table) -> pa.Table:
    """Validate, sort by the table's key and convert to Arrow with the generated schema.

    ``data`` may be an Arrow table with the generated schema's types (a stage written by
    ``write_stage``, ``resolved_mentions`` for ``event_mentions``): it is validated in slices
    (``pipeline.integrity.check_arrow``) and converted without a pandas copy of every row
    (``_published_arrow``), to the same bytes as its pandas frame (``to_pandas``) gives; one
    that fails its model goes the pandas way, whose validation raises with every failure case."""
    arrow, order = _to_arrow(table, data)
    return arrow if order is None else arrow.take(order)


def _to_arrow(table: str, data: pd.DataFrame | pa.Table, validated: bool = False) -> tuple[pa.Table, pa.Array | None]:
    """``to_arrow`` as (table, order): sorted when order is None, else ``table.take(order)`` is.
    ``validated``: an Arrow ``data`` whose rows already passed the table's model (not checked again)."""
    from schemas.contract import arrow_schema, table_meta, validate  # pandera: not needed to read

    if isinstance(data, pa.Table):
        from .integrity import check_arrow

        if validated or check_arrow(table, data).empty:
            return _published_arrow(table, data)
        data = to_pandas(data)
    df = validate(table, data)
    meta = table_meta(table)
    keys = list(dict.fromkeys(meta["sort_by"] + meta["primary_key"]))
    df = df.sort_values(keys, kind="mergesort", na_position="first").reset_index(drop=True)
    schema = arrow_schema(table)
    return pa.Table.from_pandas(df[schema.names], schema=schema, preserve_index=False).replace_schema_metadata(
        schema.metadata), None


def _published_arrow(table: str, data: pa.Table) -> tuple[pa.Table, pa.Array]:
    """An Arrow table that passed its model, as ``to_arrow`` makes its pandas frame (``to_pandas``,
    coerced, sorted, converted back): null lists as empty lists and float NaN as null (what the
    pandas round trip makes of them), with the generated schema and its metadata, and the order
    of its rows by the table's sort key then primary key (stable, nulls first, as pandas sorts).
    Tested byte for byte against the pandas way."""
    from schemas.contract import arrow_schema, table_meta

    schema = arrow_schema(table)
    data = data.select(schema.names)
    columns = []
    for field, values in zip(schema, data.columns):
        if pa.types.is_list(field.type) and values.null_count:
            values = pc.if_else(pc.is_null(values), pa.scalar([], field.type), values)
        elif pa.types.is_floating(field.type) and pc.any(pc.is_nan(values)).as_py():
            values = pc.if_else(pc.is_nan(values), pa.scalar(None, field.type), values)
        columns.append(values)
    data = pa.Table.from_arrays(columns, schema=schema).replace_schema_metadata(schema.metadata)
    meta = table_meta(table)
    keys = list(dict.fromkeys(meta["sort_by"] + meta["primary_key"]))
    return data, pc.sort_indices(data, sort_keys=[(k, "ascending", "at_start") for k in keys])


def write_table(table: str, data: pd.DataFrame | pa.Table, directory: Path, validated: bool = False) -> Path:
    """Write ``<directory>/<table>.parquet`` atomically (temp file + rename); returns the path.
    ``data``: a pandas frame, or an Arrow table (``to_arrow``); ``validated``: an Arrow table whose
    rows passed this table's model already (a stage file the same model checked,
    ``integrity.passed_before``): written without validating them again."""
    arrow, order = _to_arrow(table, data, validated and isinstance(data, pa.Table))
    return _write(arrow, directory, table, PARQUET_OPTIONS, order)


STAGE_OPTIONS = dict(PARQUET_OPTIONS, compression_level=1)


def stage_arrow(stage: str, data: pd.DataFrame | pa.Table) -> pa.Table:
    """A stage table as Arrow with its generated schema, sorted by its sort key (no validation)."""
    arrow, order = _stage_arrow(stage, data)
    return arrow.take(order)


def _stage_arrow(stage: str, data: pd.DataFrame | pa.Table) -> tuple[pa.Table, pa.Array]:
    """``stage_arrow`` as (table, order): ``table.take(order)`` is the sorted stage."""
    from schemas.contract import arrow_schema, table_meta

    schema = arrow_schema(stage)
    if isinstance(data, pd.DataFrame):
        arrow = pa.Table.from_pandas(data[schema.names], schema=schema, preserve_index=False)
    else:
        arrow = data.select(schema.names).cast(schema)
    meta = table_meta(stage)
    keys = list(dict.fromkeys(meta["sort_by"] + meta["primary_key"]))
    order = pc.sort_indices(arrow, sort_keys=[(k, "ascending") for k in keys])   # stage keys are never null
    return arrow.replace_schema_metadata(schema.metadata), order


def write_stage(stage: str, data: pd.DataFrame | pa.Table, directory: Path, name: str | None = None) -> Path:
    """Write the stage table ``data`` (schema ``schemas.stages``/``schemas.TABLES`` ``stage``) as
    ``<directory>/<name or stage>.parquet`` atomically; returns the path."""
    arrow, order = _stage_arrow(stage, data)
    return _write(arrow, directory, name or stage, STAGE_OPTIONS, order)


def _write(arrow: pa.Table, directory: Path, name: str, options: dict, order: pa.Array | None = None) -> Path:
    """Write ``arrow`` (in the order ``order`` gives, when given) as ``<directory>/<name>.parquet``.

    With ``order``, the sorted rows are taken one row group at a time and each written as its row
    group (``ParquetWriter.write_table`` of exactly ``row_group_size`` rows: the row groups, pages
    and bytes of ``pq.write_table(arrow.take(order))``, checked on the 5,000-document stages), so a
    sorted copy of the whole table is never held: at 217,000 mentions that copy was +110 MB at the
    build's peak (BENCHMARKS.md, perf-mem2)."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"{name}.parquet"
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".parquet.tmp", dir=directory)
    os.close(fd)
    try:
        if order is None or arrow.num_rows == 0:
            pq.write_table(arrow if order is None else arrow.take(order), tmp, **options)
        else:
            rows = options["row_group_size"]
            settings = {k: v for k, v in options.items() if k != "row_group_size"}
            with pq.ParquetWriter(tmp, arrow.schema, **settings) as writer:
                for start in range(0, arrow.num_rows, rows):
                    writer.write_table(arrow.take(order[start:start + rows]), row_group_size=rows)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def copy_table(source: Path, directory: Path, name: str) -> Path:
    """Copy a Parquet file this module wrote (a kept result of an earlier build, ``pipeline.memo``)
    to ``<directory>/<name>.parquet`` atomically (temp file + rename); returns the path."""
    import shutil

    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"{name}.parquet"
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".parquet.tmp", dir=directory)
    os.close(fd)
    try:
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def read_table(path: Path, columns: list[str] | None = None) -> pd.DataFrame:
    """Read a published (or stage) Parquet file into pandas with the codebook's dtypes (dates as
    datetime64, nullable Int64, lists as Python lists).

    One file is read with ``ParquetFile`` (the same Arrow table as ``pq.read_table``, which goes
    through ``pyarrow.dataset``: importing the dataset, Acero and Substrait modules was ~30 ms of a
    new process's ``load_table``, BENCHMARKS.md, perf-small3)."""
    with pq.ParquetFile(path) as f:
        return to_pandas(f.read(columns=columns))


def to_pandas(table: pa.Table) -> pd.DataFrame:
    """An Arrow table in pandas with the codebook's dtypes (see ``read_table``)."""
    lists = [f.name for f in table.schema if pa.types.is_list(f.type)]
    df = table.drop_columns(lists).to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)
    for field in table.schema:
        if pa.types.is_date32(field.type):
            df[field.name] = pd.to_datetime(df[field.name])
    for name in lists:       # Python lists straight from Arrow (to_pandas would give numpy arrays)
        values = table.column(name).to_pylist()
        df[name] = [[] if v is None else v for v in values]
    return df[table.schema.names]


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
