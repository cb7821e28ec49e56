"""The map step (one document at a time) and the assembly of the published tables.

``process_file`` runs discover's record through parse and extract for one file and never raises
for a bad document: it returns the quarantine reason instead. ``map_documents`` runs it over all
files, on a process pool when there are many (the same function maps onto Dask, Ray or Spark).
Everything here is plain Python/pandas; Dagster assets call these functions and nothing else.
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .catalogue import document_licence, document_url
from .discover import FileRecord, UnreadableError, read_document, read_text
from .extract import DocumentExtract, extract_document
from .language import detect_language, document_text, language_note, note_for
from .parsers import DocumentError, parse_document
from .resolve import build_events, resolve

PARALLEL_THRESHOLD = 200  # below this many files a process pool costs more than it saves


@dataclass
class DocumentResult:
    record: FileRecord
    title: str | None = None
    published: object = None
    extract: DocumentExtract | None = None
    stage: str | None = None    # quarantine stage, when the document could not be used
    reason: str | None = None
    url: str | None = None      # documents.url, licence, language, note (see pipeline.catalogue, .language)
    licence: str | None = None
    language: str | None = None
    note: str | None = None


def process_file(seeds_dir: Path, record: FileRecord) -> DocumentResult:
    if record.problem is not None:
        return DocumentResult(record, stage="discover", reason=record.problem)
    try:
        data = read_document(seeds_dir / record.path)
    except UnreadableError as exc:
        return DocumentResult(record, stage="parse", reason=exc.reason)
    if hashlib.sha256(data).hexdigest() != record.sha256:
        return DocumentResult(record, stage="parse", reason="changed during the build: its bytes differ from "
                                                            "those discovered (build again)")
    text = read_text(data)
    assert record.format is not None      # detected whenever there is no problem
    try:
        doc = parse_document(text, fmt=record.format, path=record.path, doc_id=record.doc_id)
    except DocumentError as exc:
        return DocumentResult(record, stage=exc.stage, reason=exc.reason)
    except Exception as exc:  # noqa: BLE001 - one bad document must never stop a build
        return DocumentResult(record, stage="parse", reason=f"parsing failed: {type(exc).__name__}")
    try:
        body = document_text(doc)
        language = detect_language(body)
        # a document in a language the rules cannot read gives no rows, and says so in its note
        extract = extract_document(doc, record.id_key) if language_note(language) is None else DocumentExtract(doc.doc_id)
    except DocumentError as exc:
        return DocumentResult(record, stage=exc.stage, reason=exc.reason)
    except Exception as exc:  # noqa: BLE001 - one bad document must never stop a build
        return DocumentResult(record, stage="extract", reason=f"extraction failed: {type(exc).__name__}: {str(exc)[:200]}")
    return DocumentResult(record, doc.title, doc.published, extract,
                          url=document_url(record.catalogue, doc.url),
                          licence=document_licence(record.catalogue, record.format), language=language,
                          note=note_for(language, body, len(extract.mentions)))


def _process_chunk(args: tuple[str, list[FileRecord]]) -> list[DocumentResult]:
    seeds_dir, records = args
    return [process_file(Path(seeds_dir), r) for r in records]


def map_documents(seeds_dir: Path, records: list[FileRecord], workers: int | None = None) -> list[DocumentResult]:
    """``process_file`` over every record, results in the records' order."""
    if len(records) < PARALLEL_THRESHOLD or workers == 1:
        return [process_file(seeds_dir, r) for r in records]
    workers = workers or os.cpu_count() or 1
    size = max(1, len(records) // (workers * 8))
    chunks = [(str(seeds_dir), records[i:i + size]) for i in range(0, len(records), size)]
    with ProcessPoolExecutor(workers) as pool:
        return [r for chunk in pool.map(_process_chunk, chunks) for r in chunk]


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns) if rows else pd.DataFrame({c: [] for c in columns})


MENTION_COLUMNS = ["mention_id", "doc_id", "kind", "text", "date", "date_precision", "date_qualifier",
                   "date_end", "date_basis", "section", "detail", "topics", "context", "quality_flags", "places",
                   "actors", "location", "admin1", "latitude", "longitude", "geo_precision", "geo_basis", "event_type"]


def resolved_mentions(results: list[DocumentResult], previous: dict[str, str] | None = None) -> pd.DataFrame:
    """All mentions of the usable documents, each with its ``event_id`` (carried forward from
    ``previous``, the last release's mention_id -> event_id, where its mentions are still here)."""
    rows = [m for r in results if r.extract for m in r.extract.mentions]
    mentions = _frame(rows, MENTION_COLUMNS)
    mentions["date"] = pd.to_datetime(mentions["date"])
    mentions["date_end"] = pd.to_datetime(mentions["date_end"])
    return resolve(mentions, previous)


def documents_table(results: list[DocumentResult]) -> pd.DataFrame:
    rows = [{
        "doc_id": r.record.doc_id, "doc_key": r.record.id_key, "path": r.record.path, "sha256": r.record.sha256,
        "format": r.record.format, "title": r.title, "published": r.published,
        "byte_size": r.record.byte_size, "n_mentions": len(r.extract.mentions),
        "url": r.url, "licence": r.licence, "language": r.language, "note": r.note,
    } for r in results if r.extract is not None]
    df = _frame(rows, ["doc_id", "doc_key", "path", "sha256", "format", "title", "published", "byte_size", "n_mentions",
                       "url", "licence", "language", "note"])
    df["published"] = pd.to_datetime(df["published"])
    return df


def quarantine_table(results: list[DocumentResult]) -> pd.DataFrame:
    rows = [{"path": r.record.path, "stage": r.stage, "reason": r.reason, "sha256": r.record.sha256,
             "byte_size": r.record.byte_size} for r in results if r.extract is None]
    return _frame(rows, ["path", "stage", "reason", "sha256", "byte_size"])


def events_table(mentions: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """``resolve.build_events`` plus what the event's sources add: their count and domains."""
    events = build_events(mentions)
    g = sources.groupby("event_id")
    cited = pd.DataFrame({"n_sources": g.size(),
                          "source_domains": g["domain"].agg(lambda d: sorted(set(d.dropna())))})
    events = events.join(cited, on="event_id")
    events["n_sources"] = events["n_sources"].fillna(0).astype("int64")
    events["source_domains"] = [v if isinstance(v, list) else [] for v in events["source_domains"]]
    return events


def _event_of(mentions: pd.DataFrame) -> dict[str, str]:
    return dict(zip(mentions["mention_id"], mentions["event_id"]))


def sources_table(results: list[DocumentResult], mentions: pd.DataFrame) -> pd.DataFrame:
    event_of = _event_of(mentions)
    rows = [{**s, "event_id": event_of[s["mention_id"]]} for r in results if r.extract for s in r.extract.sources]
    return _frame(rows, ["source_id", "event_id", "mention_id", "doc_id", "name", "url", "domain"])


def related_links_table(results: list[DocumentResult], mentions: pd.DataFrame) -> pd.DataFrame:
    event_of = _event_of(mentions)
    rows = [{"link_id": ln["link_id"], "doc_id": ln["doc_id"], "from_event_id": event_of[ln["from_mention_id"]],
             "to_event_id": event_of[ln["to_mention_id"]], "target_path": ln["target_path"],
             "target_date": ln["target_date"], "context": ln["context"]}
            for r in results if r.extract for ln in r.extract.links]
    df = _frame(rows, ["link_id", "doc_id", "from_event_id", "to_event_id", "target_path", "target_date", "context"])
    df["target_date"] = pd.to_datetime(df["target_date"])
    return df


FIGURE_COLUMNS = ["figure_id", "doc_id", "mention_id", "event_id", "quote", "outcome", "victim_group",
                  "affiliation", "count_low", "count_high", "qualifier", "number_text", "reported_by",
                  "scope", "period_start", "period_end"]


def casualty_figures_table(results: list[DocumentResult], mentions: pd.DataFrame) -> pd.DataFrame:
    event_of = _event_of(mentions)
    rows = [{**f, "event_id": event_of.get(f["mention_id"])} for r in results if r.extract for f in r.extract.figures]
    df = _frame(rows, FIGURE_COLUMNS)
    where = mentions.set_index("mention_id")[["date", "date_precision", "location", "admin1"]]
    df = df.join(where, on="mention_id")
    for c in ("period_start", "period_end"):
        df[c] = pd.to_datetime(df[c])
    return df
