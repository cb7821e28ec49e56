"""Everything generated from the pandera models: Arrow schemas, empty frames, the codebook.

Asset checks (pipeline/checks.py) and datapackage.json also read from here, so a column's name,
type, meaning and nullability are written in exactly one place: ``schemas/tables.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pandas as pd
import pyarrow as pa

# logical type -> Arrow type: the light client's mapping (pipeline.codebook imports only pyarrow)
from pipeline.codebook import ARROW_TYPES

from . import TABLES


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    logical: str
    description: str
    nullable: bool


def _schema(name: str):
    """The pandera schema of a published table (``schemas.TABLES``) or of a stage (``schemas.stages``)."""
    if name in TABLES:
        return TABLES[name].to_schema()
    from .stages import STAGES

    return STAGES[name]


def pandera_schema(name: str):
    """The pandera ``DataFrameSchema`` of a published table or a stage (what ``validate`` checks)."""
    return _schema(name)


def columns(table: str) -> list[ColumnSpec]:
    schema = _schema(table)
    return [ColumnSpec(name, (col.metadata or {})["logical"], col.description or "", bool(col.nullable))
            for name, col in schema.columns.items()]


def table_meta(table: str) -> dict:
    """The table's (or stage's) metadata: description, primary key, foreign keys (a new dict each
    call). For a published table, the model's ``Config.metadata``: what pandera's
    ``get_metadata()[name]["dataframe"]`` returns, read without it (that call also collects every
    field of the model, ~0.5 ms, and a build asks ~80 times)."""
    if table not in TABLES:
        return dict(_schema(table).metadata)
    return dict(TABLES[table].Config.metadata or {})


@cache
def arrow_schema(table: str) -> pa.Schema:
    meta = table_meta(table)
    fields = [pa.field(c.name, ARROW_TYPES[c.logical], nullable=c.nullable,
                       metadata={"description": c.description, "logical_type": c.logical})
              for c in columns(table)]
    return pa.schema(fields, metadata={"table": table, "description": meta["description"],
                                       "primary_key": ",".join(meta["primary_key"])})


def validate(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """Validate and coerce ``df`` against the table's (or stage's) model; raises pandera SchemaErrors
    (all failures)."""
    return (TABLES[table] if table in TABLES else _schema(table)).validate(df, lazy=True)


def empty_frame(table: str) -> pd.DataFrame:
    """A zero-row frame with the table's columns, which validates."""
    return validate(table, pd.DataFrame({c.name: pd.Series([], dtype="object") for c in columns(table)}))


CODEBOOK_MARKERS = ("<!-- codebook:start -->\n", "<!-- codebook:end -->")


def codebook_contract() -> dict:
    """What the light client needs of the codebook, generated: every table's description and key,
    and its columns (name, logical type, nullability, description), in order. Committed as
    ``pipeline/codebook.json`` (read by ``pipeline.codebook`` without pandera)."""
    return {"generated_from": "schemas/ (syria-events codebook --readme README.md); do not edit",
            "tables": {t: {"description": table_meta(t)["description"],
                           "primary_key": list(table_meta(t)["primary_key"]),
                           "columns": [{"name": c.name, "type": c.logical, "nullable": c.nullable,
                                        "description": c.description} for c in columns(t)]}
                       for t in TABLES}}


def codebook_json() -> str:
    """``codebook_contract()`` as the bytes of ``pipeline/codebook.json`` (stable: same models, same text)."""
    import json

    return json.dumps(codebook_contract(), indent=1, ensure_ascii=False) + "\n"


def readme_with_codebook(readme: str) -> str:
    """``readme`` with the block between the codebook markers replaced by the generated codebook."""
    start, end = CODEBOOK_MARKERS
    head, rest = readme.split(start, 1)
    _, tail = rest.split(end, 1)
    return head + start + codebook_markdown() + end + tail


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


# --- datapackage.json ------------------------------------------------------------------------------

DATASET_NAME = "syria-russian-intervention-events"
DATASET_TITLE = "Russian intervention in Syria: an open event dataset"
DATASET_DESCRIPTION = (
    "Events of the Russian military intervention in the Syrian civil war (2015-), with the sources "
    "each event is cited from, the links between events and the casualty figures the documents "
    "state, every row traceable to the sentence it comes from.")
DATA_LICENSES = [{"name": "CC-BY-SA-4.0", "title": "Creative Commons Attribution-ShareAlike 4.0 International",
                  "path": "https://creativecommons.org/licenses/by-sa/4.0/"}]

# logical type -> Table Schema field type
_FRICTIONLESS = {
    "string": "string",
    "date": "date",
    "int64": "integer",
    "float64": "number",
    "bool": "boolean",
    "list<string>": "array",
}


def _constraints(table: str, name: str, logical: str, nullable: bool) -> dict:
    """Table Schema constraints from the pandera column's checks (isin, str_length, ge/le, range)."""
    col = TABLES[table].to_schema().columns[name]
    out: dict = {} if nullable else {"required": True}

    def bound(value):
        return value.date().isoformat() if logical == "date" else value

    for check in col.checks:
        stats = check.statistics or {}
        if check.name == "isin":
            out["enum"] = list(stats["allowed_values"])
        elif check.name == "str_length":
            if stats.get("min_value") is not None:
                out["minLength"] = stats["min_value"]
            if stats.get("max_value") is not None:
                out["maxLength"] = stats["max_value"]
        elif check.name == "greater_than_or_equal_to":
            out["minimum"] = bound(stats["min_value"])
        elif check.name == "less_than_or_equal_to":
            out["maximum"] = bound(stats["max_value"])
        elif check.name == "in_range" and stats.get("include_min", True) and stats.get("include_max", True):
            out["minimum"] = bound(stats["min_value"])
            out["maximum"] = bound(stats["max_value"])
    return out


def table_schema(table: str) -> dict:
    """The Frictionless Table Schema of a table: fields (type, description, constraints), keys."""
    meta = table_meta(table)
    fields = []
    for c in columns(table):
        field: dict = {"name": c.name, "type": _FRICTIONLESS[c.logical], "description": c.description}
        constraints = _constraints(table, c.name, c.logical, c.nullable)
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    schema: dict = {"fields": fields, "primaryKey": list(meta["primary_key"])}
    fks = [{"fields": col, "reference": {"resource": ref.split(".")[0], "fields": ref.split(".")[1]}}
           for col, ref in (meta.get("foreign_keys") or {}).items()]
    if fks:
        schema["foreignKeys"] = fks
    return schema


CSV_LIST_NOTE = " In the CSV copy: the items joined with ';' (an empty list is an empty cell)."


def csv_resource_name(table: str) -> str:
    """Name of the gzip CSV copy of ``table`` in ``datapackage.json``."""
    return f"{table}_csv"


def csv_table_schema(table: str) -> dict:
    """The Table Schema of the gzip CSV copy of a table: the same fields, keys and constraints,
    except that a list column is a string (its items joined with ';') and foreign keys point at
    the other CSV copies."""
    schema = table_schema(table)
    fields = []
    for field, c in zip(schema["fields"], columns(table)):
        if c.logical == "list<string>":   # an empty list is an empty cell, which reads as null
            field = dict(field, type="string", description=field["description"] + CSV_LIST_NOTE)
            rest = {k: v for k, v in field.get("constraints", {}).items() if k != "required"}
            field.pop("constraints", None)
            if rest:
                field["constraints"] = rest
        fields.append(field)
    out = dict(schema, fields=fields)
    if "foreignKeys" in schema:
        out["foreignKeys"] = [dict(fk, reference=dict(fk["reference"], resource=csv_resource_name(fk["reference"]["resource"])))
                              for fk in schema["foreignKeys"]]
    return out


def allowed_values(table: str) -> dict[str, str]:
    """What each column of ``table`` may hold, in words, from its pandera checks (for codebooks):
    ``{"date_precision": "one of: day, month, year", "byte_size": ">= 1", ...}``; a column without
    a check has ''."""
    out = {}
    for c in columns(table):
        rules = _constraints(table, c.name, c.logical, True)
        words = []
        if "enum" in rules:
            words.append("one of: " + ", ".join(str(v) for v in rules["enum"]))
        if "minimum" in rules and "maximum" in rules:
            words.append(f"{rules['minimum']} to {rules['maximum']}")
        elif "minimum" in rules:
            words.append(f">= {rules['minimum']}")
        elif "maximum" in rules:
            words.append(f"<= {rules['maximum']}")
        if rules.get("minLength") is not None and rules.get("minLength") == rules.get("maxLength"):
            words.append(f"exactly {rules['minLength']} characters")
        elif rules.get("minLength") == 1 and "maxLength" not in rules:
            words.append("not empty")
        else:
            if rules.get("minLength") is not None:
                words.append(f"at least {rules['minLength']} characters")
            if rules.get("maxLength") is not None:
                words.append(f"at most {rules['maxLength']} characters")
        out[c.name] = "; ".join(words)
    return out


def datapackage(version: str, *, sources: list[dict] | None = None) -> dict:
    """The ``datapackage.json`` descriptor of a release (a Frictionless Data Package).

    Each table is a resource twice: ``<table>`` (Parquet, the reference) and ``<table>_csv``
    (``<table>.csv.gz``, the same rows for spreadsheets). ``sources`` are the documents the data is
    built from (``{"title": ..., "path": ...}``). File sizes and hashes are not in it (Frictionless cannot count the bytes of a Parquet file it reads
    through pyarrow; they are in ``SHA256SUMS`` and ``manifest.json``), nor is any wall-clock time,
    so the same data and version give the same bytes.
    """
    resources = []
    for table in TABLES:
        resource = {"name": table, "path": f"{table}.parquet", "type": "table", "format": "parquet",
                    "mediatype": "application/vnd.apache.parquet",
                    "description": table_meta(table)["description"]}
        resource["schema"] = table_schema(table)
        resources.append(resource)
    for table in TABLES:   # the same rows as gzip CSV, for spreadsheets (pipeline.io.csv_gz_bytes)
        resources.append({"name": csv_resource_name(table), "path": f"{table}.csv.gz", "type": "table",
                          "format": "csv", "compression": "gz", "mediatype": "text/csv", "encoding": "utf-8",
                          "description": f"The rows of {table}.parquet as gzip CSV (UTF-8, ISO dates, lists "
                                         f"joined with ';'). " + table_meta(table)["description"],
                          "schema": csv_table_schema(table)})
    return {"name": DATASET_NAME, "title": DATASET_TITLE, "description": DATASET_DESCRIPTION,
            "version": version, "licenses": DATA_LICENSES, "sources": list(sources or []),
            "resources": resources}
