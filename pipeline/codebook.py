"""The codebook as the light client reads it, without pandera: ``codebook.json`` beside this file.

``codebook.json`` is generated from the pandera models of ``schemas/`` (``schemas.contract.
codebook_contract``) by ``syria-events codebook --readme README.md``, and ``tests/test_codebook.py``
keeps it equal to them (every table, column, type, nullability and description, and the Arrow
schema built from it), so a column is still described in one place only: ``schemas/tables.py``.
``pipeline.load`` checks every Parquet file against ``arrow_schema`` before reading it. Nothing here
imports pandera or Dagster: only the standard library and pyarrow.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pyarrow as pa

CONTRACT_FILE = Path(__file__).with_name("codebook.json")

# logical type (schemas.base.LOGICAL_TYPES) -> Arrow type of the Parquet column; schemas.contract
# uses this mapping too
ARROW_TYPES = {
    "string": pa.string(),
    "date": pa.date32(),
    "int64": pa.int64(),
    "float64": pa.float64(),
    "bool": pa.bool_(),
    "list<string>": pa.list_(pa.string()),
}


@functools.cache
def contract() -> dict[str, Any]:
    """``codebook.json``: ``{"tables": {name: {description, primary_key, columns: [{name, type,
    nullable, description}]}}}`` (``type``: the logical type of ``schemas.base``)."""
    return json.loads(CONTRACT_FILE.read_text(encoding="utf-8"))


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of a published table: column descriptions in the field metadata."""
    meta = contract()["tables"][table]
    fields = [pa.field(c["name"], ARROW_TYPES[c["type"]], nullable=c["nullable"],
                       metadata={"description": c["description"], "logical_type": c["type"]})
              for c in meta["columns"]]
    return pa.schema(fields, metadata={"table": table, "description": meta["description"],
                                       "primary_key": ",".join(meta["primary_key"])})


TABLE_NAMES: tuple[str, ...] = tuple(contract()["tables"])
