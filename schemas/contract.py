"""Everything generated from the pandera models: Arrow schemas, empty frames, the codebook.

Asset checks (pipeline/checks.py) and datapackage.json also read from here, so a column's name,
type, meaning and nullability are written in exactly one place: ``schemas/tables.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa

from . import TABLES

_ARROW = {
    "string": pa.string(),
    "date": pa.date32(),
    "int64": pa.int64(),
    "float64": pa.float64(),
    "bool": pa.bool_(),
    "list<string>": pa.list_(pa.string()),
}


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    logical: str
    description: str
    nullable: bool


def columns(table: str) -> list[ColumnSpec]:
    schema = TABLES[table].to_schema()
    return [ColumnSpec(name, (col.metadata or {})["logical"], col.description or "", bool(col.nullable))
            for name, col in schema.columns.items()]


def table_meta(table: str) -> dict:
    model = TABLES[table]
    return dict(model.get_metadata()[model.__name__]["dataframe"])


def arrow_schema(table: str) -> pa.Schema:
    meta = table_meta(table)
    fields = [pa.field(c.name, _ARROW[c.logical], nullable=c.nullable,
                       metadata={"description": c.description, "logical_type": c.logical})
              for c in columns(table)]
    return pa.schema(fields, metadata={"table": table, "description": meta["description"],
                                       "primary_key": ",".join(meta["primary_key"])})


def validate(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """Validate and coerce ``df`` against the table's model; raises pandera SchemaErrors (all failures)."""
    return TABLES[table].validate(df, lazy=True)


def empty_frame(table: str) -> pd.DataFrame:
    """A zero-row frame with the table's columns, which validates."""
    return validate(table, pd.DataFrame({c.name: pd.Series([], dtype="object") for c in columns(table)}))


def codebook_markdown() -> str:
    """The codebook as markdown: every table, every column, its type, meaning and nullability."""
    out = []
    for table in TABLES:
        meta = table_meta(table)
        out.append(f"### `{table}`\n\n{meta['description']} Key: `{', '.join(meta['primary_key'])}`."
                   f" File: `{table}.parquet`.\n")
        fks = meta.get("foreign_keys") or {}
        out.append("| column | type | null | meaning |\n|---|---|---|---|")
        for c in columns(table):
            ref = f" References `{fks[c.name]}`." if c.name in fks else ""
            desc = c.description.replace("|", "\\|")
            out.append(f"| `{c.name}` | {c.logical} | {'yes' if c.nullable else 'no'} | {desc}{ref} |")
        out.append("")
    return "\n".join(out)
