"""pandera schemas of the intermediate stages: the Parquet datasets that flow between assets.

Every stage column that a published table also has is taken from that table's model (same type,
checks and description); only columns that exist nowhere else are declared here. So a column is
still described once, and a column added to a published model reaches the stage that feeds it.

    inventory            one row per input file: hash, size, detected format and key, or problem
    parsed_documents     one row per input file: what the per-document map made of it
    extracted_mentions   event_mentions before resolution (no event_id / match_*)
    extracted_sources    sources before resolution (no event_id)
    extracted_links      related links by mention (resolution turns them into event ids)
    extracted_figures    casualty figures before resolution (no event_id, no mention's date/place)
    resolved_mentions    = the event_mentions table (schemas.tables.EventMentions)
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from . import TABLES
from .base import column
from .tables import FORMATS, LANGUAGES

FORMATS_DETECTED = [*FORMATS, "front_matter"]     # front_matter: front matter that cannot be read
# event_mentions columns that resolution adds (pipeline.resolve); the others come from extraction
RESOLUTION_COLUMNS = ("event_id", "match_rule", "match_score", "match_evidence", "cannot_link")


def _published(table: str, drop: tuple[str, ...] = ()) -> dict:
    """The columns of a published table, minus ``drop``."""
    return {name: col for name, col in TABLES[table].to_schema().columns.items() if name not in drop}


class _StageOnly(pa.DataFrameModel):
    """Columns that exist only in stages (declared once, here)."""

    format: Series[str] = column("Format detected from the content (front_matter: front matter that cannot be "
                                 "read); null when unusable.", nullable=True, isin=FORMATS_DETECTED)
    problem: Series[str] = column("Why the file cannot be used at all (empty, not UTF-8, unknown format, "
                                  "duplicate); null when it goes to the per-document map.", nullable=True)
    doc_key: Series[str] = column("documents.doc_key of the file; null when the document states none (its "
                                  "doc_id stands in).", nullable=True)
    n_mentions: Series[pd.Int64Dtype] = column("Mentions extracted; null when the file was quarantined.", "int64",
                                              nullable=True, ge=0)
    stage: Series[str] = column("Stage that rejected the file; null when it is a document.", nullable=True)
    catalogue_source_repo: Series[str] = column("The catalogue's (MANIFEST.csv) source repository of the file.", nullable=True)
    catalogue_source_path: Series[str] = column("The catalogue's path of the file in that repository.", nullable=True)
    catalogue_url: Series[str] = column("The URL the catalogue states for the file.", nullable=True)
    catalogue_licence: Series[str] = column("The licence the catalogue states for the file, as written.", nullable=True)
    doc_url: Series[str] = column("The URL the document itself states (a Wikipedia article's subject, a page's own "
                                  "link); documents.url prefers the catalogue's.", nullable=True)
    doc_id: Series[str] = column("documents.doc_id of the file; null when its bytes were not read.", nullable=True)
    language: Series[str] = column("documents.language of the document; null when it was quarantined.", nullable=True,
                                   isin=LANGUAGES)
    reason: Series[str] = column("Why the file was rejected; null when it is a document.", nullable=True)
    from_mention_id: Series[str] = column("The page's headline mention (extracted_mentions.mention_id).")
    to_mention_id: Series[str] = column("The related item's mention (extracted_mentions.mention_id).")


def _declared(*names: str) -> dict:
    cols = _StageOnly.to_schema().columns
    return {n: cols[n] for n in names}


def _schema(name: str, description: str, columns: dict, primary_key: list[str],
            sort_by: list[str] | None = None) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        columns, strict=True, coerce=True, unique=primary_key, name=name,
        metadata={"description": description, "primary_key": primary_key,
                  "sort_by": sort_by or primary_key, "foreign_keys": {}})


_Q = TABLES["quarantine"].to_schema().columns
_D = TABLES["documents"].to_schema().columns

STAGES: dict[str, pa.DataFrameSchema] = {
    "inventory": _schema(
        "inventory", "One row per input file under seeds/: hash, size, detected format and document key, "
                     "or the reason it cannot be used.",
        {"path": _D["path"], "sha256": _Q["sha256"], "byte_size": _Q["byte_size"],
         **_declared("format", "problem", "doc_key", "catalogue_source_repo", "catalogue_source_path",
                     "catalogue_url", "catalogue_licence")},
        ["path"]),
    "parsed_documents": _schema(
        "parsed_documents", "One row per input file: the outcome of parse and extract for it (a document, "
                            "or the stage and reason of its quarantine).",
        {"path": _D["path"], **_declared("doc_id"), "title": _D["title"], "published": _D["published"],
         **_declared("n_mentions", "stage", "reason", "doc_url", "language"), "note": _D["note"]},
        ["path"]),
    "extracted_mentions": _schema(
        "extracted_mentions", "Every mention of every usable document, before resolution.",
        _published("event_mentions", drop=RESOLUTION_COLUMNS),
        # sorted as resolution takes them (by mention_id, content order): ``resolve`` then uses the
        # stage as read, not a sorted copy of every column (~0.13 GB at 217,000 mentions)
        ["mention_id"], ["mention_id"]),
    "extracted_sources": _schema(
        "extracted_sources", "Every cited source, by mention, before resolution.",
        _published("sources", drop=("event_id",)), ["source_id"], ["doc_id", "source_id"]),
    "extracted_links": _schema(
        "extracted_links", "Every related item of a current-events page, by mention, before resolution.",
        {**{k: v for k, v in _published("related_links").items() if k in ("link_id", "doc_id")},
         **_declared("from_mention_id", "to_mention_id"),
         **{k: v for k, v in _published("related_links").items() if k in ("target_path", "target_date", "context")}},
        ["link_id"], ["doc_id", "link_id"]),
    "extracted_figures": _schema(
        "extracted_figures", "Every casualty figure, by mention, before resolution.",
        _published("casualty_figures", drop=("event_id", "date", "date_precision", "location", "admin1")),
        ["figure_id"], ["doc_id", "figure_id"]),
}
