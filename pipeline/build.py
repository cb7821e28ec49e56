"""The stages of a build without Dagster: discover, the per-document map, and the assembly of
the published tables from the stage tables.

Data flows as tables (``schemas.stages``), never as lists of Python objects:

    discover(seeds)            -> inventory            (one row per file: hash, format, key, problem)
    run_map(inventory)         -> parsed_documents, extracted_mentions / _sources / _links / _figures
    resolved_mentions(...)     -> resolved_mentions    (= event_mentions)
    *_table(...)               -> the published tables

``run_map`` is incremental by content: each document's rows are cached (``pipeline.cache``) under
its ``cache_key`` (bytes, document key, format, extractor version: ``pipeline.docmap``); only
documents whose key is not cached are parsed and extracted, on the engine the caller chooses
(``pipeline.engine``: in-process, a LocalCluster or a Dask cluster). Every table of a build is
assembled from cached rows, whether they were extracted a second or a year ago, so a daily build
that adds one document gives tables byte-identical to a build from scratch (tested).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import docmap
from .cache import SegmentStore
from .catalogue import CatalogueEntry, document_licence, document_url
from .discover import FileRecord
from .discover import discover as discover_files
from .docmap import DocumentResult, MapItem, process_document
from .engine import EngineSession, EngineSpec, as_session
from .files import UnreadableError, read_document
from .progress import Progress
from .startup import collector_paused, compiled_patterns

__all__ = ["DocumentResult", "process_file", "discover", "run_map", "MapReport"]

# documents per task of the map (bounded by the engine's window). Each chunk pays a fixed cost
# whatever its size (the screen's pandera validation of five tables, ~0.1 s): at 16 documents that
# was ~7 ms per document, at 64 ~2 ms; 64 documents are still ~1.5 s of work, so the last chunks of
# a large map keep every worker busy until the end.
CHUNK_DOCS = 64
# Unless told a size, the map's tasks are *guided*: a task takes a quarter of what is left per worker,
# between CHUNK_DOCS and MAX_CHUNK_DOCS documents, so a large map pays the fixed cost of a chunk
# (the screen's validation, the task's round trip) less often (5,000 documents on 2 workers: 30
# tasks instead of 79), and its last tasks are still of CHUNK_DOCS documents, which keeps every
# worker busy to the end. Results do not depend on it
# (every stage is sorted by its key when written; a text's features are the same whichever chunk
# computes them).
MAX_CHUNK_DOCS = 256


def chunk_sizes(total: int, workers: int, fixed: int = 0) -> list[int]:
    """Documents per task of a map of ``total`` documents on ``workers`` workers: ``fixed`` each when
    given, else guided (see ``MAX_CHUNK_DOCS``)."""
    sizes: list[int] = []
    left = total
    while left > 0:
        size = fixed or max(CHUNK_DOCS, min(MAX_CHUNK_DOCS, left // (4 * max(1, workers))))
        sizes.append(min(size, left))
        left -= sizes[-1]
    return sizes


CHANGED = "changed during the build: its bytes differ from those discovered (build again)"


def _read(seeds_dir: Path, record: FileRecord) -> bytes | DocumentResult:
    """The bytes discover hashed, or the quarantine result of a file that cannot be read again or
    changed since (never cached: the next build looks again)."""
    try:
        data = read_document(seeds_dir / record.path)
    except UnreadableError as exc:
        return DocumentResult(record, stage="parse", reason=exc.reason)
    if hashlib.sha256(data).hexdigest() != record.sha256:
        return DocumentResult(record, stage="parse", reason=CHANGED)
    return data


def process_file(seeds_dir: Path, record: FileRecord) -> DocumentResult:
    """Parse and extract one file of ``seeds_dir`` (``pipeline.docmap.process_document``), with its
    URL and licence from its catalogue row, as the documents table gives them."""
    if record.problem is not None:
        return process_document(record, b"")
    data = _read(seeds_dir, record)
    if isinstance(data, DocumentResult):
        return data
    result = process_document(record, data)
    if result.extract is None:
        return result
    return dataclasses.replace(result, url=document_url(record.catalogue, result.url),
                               licence=document_licence(record.catalogue, record.format))


# --- the cache ----------------------------------------------------------------------------------
IDENTIFY_SCHEMA = pa.schema([pa.field("cache_key", pa.string(), nullable=False),
                             pa.field("version", pa.string(), nullable=False),
                             pa.field("format", pa.string()), pa.field("key", pa.string())])


class ResultCache:
    """The two stores of ``<cache>/``: ``identify/`` (format and document key of a file's bytes) and
    ``extract/`` (every row a document gave). ``None`` folder: nothing is kept between builds."""

    def __init__(self, folder: Path | None):
        self.folder = Path(folder) if folder is not None else None
        self.identify = SegmentStore(Path(folder) / "identify", {"identified": IDENTIFY_SCHEMA}) if folder else None
        self.extract = SegmentStore(Path(folder) / "extract", docmap.cache_schemas()) if folder else None


# --- discover -----------------------------------------------------------------------------------
def _identify_key(sha256: str, version: str) -> str:
    return hashlib.sha256(f"{sha256}\0{version}".encode()).hexdigest()[:32]


def discover(seeds_dir: Path, cache_dir: Path | None = None,
             engine: EngineSession | EngineSpec | None = None) -> list[FileRecord]:
    """Every input entry under ``seeds_dir`` (``pipeline.discover.discover``: hash, size, format
    and document key, or its problem; duplicates marked; catalogue rows), with format detection
    (``parsers.identify``) run only for bytes not seen before: the answers are kept in
    ``<cache>/identify`` under the hash of the bytes and of the detection code. ``engine`` is
    accepted for symmetry with ``run_map``; detection runs in this process (about 1.6 ms a file)."""
    store = ResultCache(cache_dir).identify
    version = docmap.identify_version()
    known: dict[str, tuple[str | None, str | None]] = {}
    new: dict[str, tuple[str | None, str | None]] = {}
    with (store.locked() if store else _nothing()):
        if store:
            index = store.index()
            t = store.read(list(index), index)["identified"]
            for k, fmt, key in zip(*(t.column(c).to_pylist() for c in ("cache_key", "format", "key"))):
                known[k] = (fmt, key)

        def identified(sha256: str, text: str) -> tuple[str | None, str | None]:
            k = _identify_key(sha256, version)
            if k not in known:
                with compiled_patterns():    # the parsers: only for bytes not identified before
                    from .parsers import identify

                known[k] = new[k] = identify(text)
            return known[k]

        records = discover_files(seeds_dir, identified)
        if store and new:
            rows = [{"cache_key": k, "version": version, "format": fmt, "key": key}
                    for k, (fmt, key) in sorted(new.items())]
            with store.writer() as w:
                w.append({"identified": pa.Table.from_pylist(rows, schema=IDENTIFY_SCHEMA)})
            store.compact({version})
    return records


class _nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


CATALOGUE_FIELDS = ("source_repo", "source_path", "url", "licence")     # CatalogueEntry -> catalogue_<field>
INVENTORY_COLUMNS = ["path", "sha256", "byte_size", "format", "problem", "doc_key",
                     *[f"catalogue_{f}" for f in CATALOGUE_FIELDS]]


def inventory_table(records: list[FileRecord]) -> pd.DataFrame:
    """The ``inventory`` stage: one row per entry (``doc_key`` as discover resolved it, and the
    entry's catalogue row)."""
    data = {"path": [r.path for r in records], "sha256": [r.sha256 for r in records],
            "byte_size": pd.array([r.byte_size for r in records], dtype="Int64"),
            "format": [r.format for r in records], "problem": [r.problem for r in records],
            "doc_key": [r.key for r in records]}
    for f in CATALOGUE_FIELDS:
        data[f"catalogue_{f}"] = [getattr(r.catalogue, f) if r.catalogue is not None else None for r in records]
    return pd.DataFrame(data, columns=INVENTORY_COLUMNS)


def _val(v):
    return None if v is None or v is pd.NA or (isinstance(v, float) and v != v) else v


def _catalogue(row) -> CatalogueEntry | None:
    values = {f: _val(getattr(row, f"catalogue_{f}")) for f in CATALOGUE_FIELDS}
    return CatalogueEntry(**values) if any(v is not None for v in values.values()) else None


def records_of(inventory: pd.DataFrame) -> list[FileRecord]:
    """The file records of an ``inventory`` stage table."""
    return [FileRecord(r.path, _val(r.sha256), None if _val(r.byte_size) is None else int(r.byte_size),
                       _val(r.format), _val(r.problem), _val(r.doc_key), _catalogue(r))
            for r in inventory.itertuples(index=False)]


# --- the map ------------------------------------------------------------------------------------
@dataclass
class MapReport:
    """What the map did: how many documents came from the cache, how many were extracted, where."""

    files: int = 0
    mapped: int = 0             # files that went to the map (not rejected by discover)
    cached: int = 0
    extracted: int = 0
    engine: str = "serial"
    workers: int = 1
    processes: set[str] = field(default_factory=set)   # host:pid of every process that extracted a chunk
    seconds: float = 0.0        # wall time of the map step (cache lookup, extraction, cache writes)
    extract_seconds: float = 0.0   # wall time of the extraction alone
    cpu_seconds: float = 0.0    # CPU time the workers spent extracting
    unread: dict[str, tuple] = field(default_factory=dict)   # path -> (stage, reason): could not be read again, or changed

    def as_metadata(self) -> dict:
        return {"files": self.files, "mapped": self.mapped, "cached": self.cached, "extracted": self.extracted,
                "engine": self.engine, "workers": self.workers, "processes_used": len(self.processes),
                "map_seconds": round(self.seconds, 3), "extract_seconds": round(self.extract_seconds, 3),
                "workers_busy": round(self.busy, 3), "summary": self.summary()}

    @property
    def busy(self) -> float:
        """Share of the workers' time spent extracting while the extraction ran (1.0 = every worker
        busy all the time)."""
        return self.cpu_seconds / (self.extract_seconds * self.workers) if self.extract_seconds > 0 else 0.0

    def summary(self) -> str:
        line = f"map: {self.mapped} documents, {self.cached} from the cache, {self.extracted} extracted"
        if self.extracted:
            line += (f" on {self.engine} ({self.workers} worker{'s' if self.workers > 1 else ''}) in "
                     f"{self.extract_seconds:.1f} s, workers busy {self.busy:.0%}")
        return line


STAGE_TABLES = {"docs": "parsed_documents", **docmap.ROW_STAGES}
FEATURES = "resolve_features"      # the text features of a chunk's mentions (``extract_with_features``)


# feature keys this process computed for the run it works for: (run, keys). A text told in
# several documents (the same sentence in another article, a re-telling) gets its features once
# per worker and run, not once per chunk: the build's process stores each text once anyway
# (``_FeatureSink``), and a text whose features never arrive is computed by resolution itself, so
# skipping one here can only cost time. Bounded: past FEATURE_MEMO keys it starts again.
_features_sent: tuple[str, set[str]] = ("", set())
FEATURE_MEMO = 1 << 19


def extract_with_features(items: list[MapItem], run: str = "") -> docmap.ChunkResult:
    """``docmap.extract_chunk`` and the resolution text features of the mentions it found
    (``resolve.text_feature_table``), computed where the map runs: on every worker of the engine
    rather than in the build's process during resolution (the rules' regular expressions are the
    costliest part of resolving new mentions). Kept apart from ``docmap``, so that the extractor
    version does not cover the resolution code: the features carry their own version. ``run``
    names the map (``run_map``): a text whose features this process already returned in an
    earlier chunk of the same run is left out."""
    global _features_sent
    with compiled_patterns():
        from .resolve import feature_key, features_version, text_feature_table

    chunk = docmap.extract_chunk(items)
    cpu = time.process_time()
    if _features_sent[0] != run or not run or len(_features_sent[1]) > FEATURE_MEMO:
        _features_sent = (run, set())
    sent = _features_sent[1]
    version = features_version()
    texts = {}
    for t in chunk.tables["mentions"].column("text").to_pylist():
        k = feature_key(t, version)
        if k not in sent:
            texts[k] = t
    sent.update(texts)
    with collector_paused():                # as in docmap.extract_chunk
        chunk.tables[FEATURES] = text_feature_table(list(texts.values()))
    chunk.cpu_seconds += time.process_time() - cpu
    return chunk


class _FeatureSink:
    """Appends the features the map's chunks bring (``extract_with_features``) to the resolution
    feature cache (``resolve.feature_store``): only texts it does not hold yet, each once, and only
    features of this process's ``features_version`` (a worker running other resolution code is
    ignored: resolution computes those itself)."""

    def __init__(self, cache_dir: Path):
        with compiled_patterns():               # the resolution rules' patterns (pipeline.startup)
            from .resolve import feature_store, features_version

        self.store = feature_store(cache_dir)
        self.version = features_version()
        self._stack = contextlib.ExitStack()
        self.added = 0

    def __enter__(self) -> _FeatureSink:
        self._stack.enter_context(self.store.locked())
        self.seen = set(self.store.index())
        self.writer = self._stack.enter_context(self.store.writer(rows_per_segment=1 << 62))
        return self

    def append(self, table: pa.Table | None) -> None:
        if table is None or not table.num_rows:
            return
        keys = table.column("cache_key").to_pylist()
        versions = table.column("version").to_pylist()
        keep = [i for i, (k, v) in enumerate(zip(keys, versions)) if v == self.version and k not in self.seen]
        if keep:
            self.seen.update(keys[i] for i in keep)
            self.writer.append({"features": table.take(pa.array(keep, pa.int64()))})
            self.added += len(keep)

    def __exit__(self, *exc) -> None:
        self._stack.__exit__(*exc)
        if self.added and exc[0] is None:
            with self.store.locked():
                self.store.compact({self.version})


def run_map(seeds_dir: Path, records: list[FileRecord], cache_dir: Path | None = None,
            engine: EngineSession | EngineSpec | None = None, chunk_docs: int = 0) -> tuple[dict[str, pa.Table], MapReport]:
    """The per-document map with its cache: the stage tables of ``records`` (``parsed_documents``
    and ``extracted_*``, as Arrow tables keyed by stage name) and a report."""
    t0 = time.perf_counter()
    session, owned = as_session(engine)
    chunk_docs = chunk_docs or session.spec.chunk_docs      # 0: guided (chunk_sizes)
    versions = docmap.extractor_versions()
    cache = ResultCache(cache_dir)
    report = MapReport(files=len(records))
    keyed = {r.path: docmap.cache_key(r, versions.get(r.format or "", versions[""])) for r in records if r.problem is None}
    report.mapped = len(keyed)
    by_key = {k: r for r in records if (k := keyed.get(r.path))}
    store = cache.extract
    fresh: list[dict[str, pa.Table]] = []
    with (store.locked() if store else _nothing()):
        index = store.index() if store else {}
        todo = sorted(k for k in by_key if k not in index)
        report.cached = len(by_key) - len(todo)
        report.extracted = len(todo)

        def payloads(workers: int) -> Iterator[list[MapItem]]:
            i = 0
            for size in chunk_sizes(len(todo), workers, chunk_docs):
                items = []
                i += size
                for k in todo[i - size:i]:
                    rec = by_key[k]
                    data = _read(seeds_dir, rec)
                    if isinstance(data, DocumentResult):
                        report.unread[rec.path] = (data.stage, data.reason)
                        continue
                    items.append(MapItem(k, rec, data))
                if items:
                    yield items

        sink = _FeatureSink(cache_dir) if cache_dir is not None and todo else None
        with (session if owned else _nothing()), (store.writer() if store else _nothing()) as writer, \
                (sink if sink else _nothing()):
            eng = session.engine(len(todo))
            report.engine, report.workers = eng.name, eng.workers
            t_extract = time.perf_counter()
            progress = Progress("extract", len(todo))
            fn = functools.partial(extract_with_features, run=uuid.uuid4().hex) if sink else docmap.extract_chunk
            for chunk in eng.imap(fn, payloads(eng.workers)):
                if sink:
                    sink.append(chunk.tables.pop(FEATURES, None))
                docs_table = chunk.tables.get("docs")
                progress.update(docs_table.num_rows if docs_table is not None else 0)
                if chunk.versions != versions:
                    raise RuntimeError("a worker runs other extraction code than this build "
                                       f"({chunk.versions} != {versions}): install the same version everywhere")
                report.processes.add(chunk.worker)
                report.cpu_seconds += chunk.cpu_seconds
                if writer is not None:
                    writer.append(chunk.tables)
                else:
                    fresh.append(chunk.tables)
            progress.close()
            report.extract_seconds = time.perf_counter() - t_extract if todo else 0.0
        if store:
            if todo:
                store.compact(set(versions.values()))
            rows = store.read(by_key)
        else:
            rows = {name: pa.concat_tables([f[name] for f in fresh]) if fresh
                    else docmap.cache_schemas()[name].empty_table() for name in docmap.cache_schemas()}
    report.seconds = time.perf_counter() - t0
    return _stage_tables(records, keyed, rows, report.unread), report


def _stage_tables(records: list[FileRecord], keyed: dict[str, str], rows: dict[str, pa.Table],
                  unread: dict[str, tuple]) -> dict[str, pa.Table]:
    """Cached rows -> the stage tables of this build (cache_key dropped; one parsed_documents row
    per input entry, the entries discover rejected and the files that could not be read again
    included)."""
    docs = rows["docs"]
    path_of = {k: p for p, k in keyed.items()}
    paths = [path_of[k] for k in docs.column("cache_key").to_pylist()]
    mapped = docs.drop_columns(["cache_key", "version"]).append_column("path", pa.array(paths, pa.string()))
    extra = [{"path": r.path, "doc_id": r.doc_id or None, "stage": "discover", "reason": r.problem}
             for r in records if r.problem is not None]
    extra += [{"path": r.path, "doc_id": r.doc_id, "stage": unread[r.path][0], "reason": unread[r.path][1]}
              for r in records if r.path in unread]
    from schemas.contract import arrow_schema

    parsed_schema = arrow_schema("parsed_documents")
    parsed = pa.concat_tables([mapped.select(parsed_schema.names).cast(parsed_schema),
                               pa.Table.from_pylist(extra, schema=parsed_schema)])
    out = {"parsed_documents": parsed}
    for attr, stage in docmap.ROW_STAGES.items():
        out[stage] = rows[attr].drop_columns(["cache_key"]).cast(arrow_schema(stage))
    return out


# --- assembly of the published tables -----------------------------------------------------------
MENTION_COLUMNS = [f.name for f in docmap.cache_schemas()["mentions"] if f.name != "cache_key"]   # extracted_mentions

def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns) if rows else pd.DataFrame({c: [] for c in columns})


def article_ids(discovered: pd.DataFrame, parsed: pd.DataFrame) -> frozenset[str]:
    """The doc_ids of the encyclopedia articles (format wikipedia) among the parsed documents, for
    the rule of resolution that an article's body sections tell different happenings."""
    articles = set(discovered.loc[discovered["format"] == "wikipedia", "path"])
    return frozenset(parsed.loc[parsed["path"].isin(articles) & parsed["doc_id"].notna(), "doc_id"].astype(str))


def stage_article_ids(stages: Path) -> frozenset[str]:
    """``article_ids`` of a build from its stages folder (``outputs/builds/<run>/stages``: the
    ``discovered_files`` and ``parsed_documents`` stages beside its ``extracted_mentions``). Whoever
    resolves a build's mentions outside the build (``benchmarks/bench_resolve.py --stage``,
    ``bench_memory.py --stage``) takes the articles from here, so that its resolution is the
    build's; a missing stage is an error (FileNotFoundError), never a resolution without them."""
    from .io import read_table

    return article_ids(read_table(Path(stages) / "discovered_files.parquet"),
                       read_table(Path(stages) / "parsed_documents.parquet"))


def resolved_mentions(mentions: pd.DataFrame, previous: dict[str, str] | None = None,
                      cache_dir: Path | None = None, articles: frozenset[str] | None = None) -> pd.DataFrame:
    """All mentions of the usable documents (``extracted_mentions``), each with its ``event_id``
    (carried forward from ``previous``, the last release's mention_id -> event_id, where its
    mentions are still here). ``cache_dir``: the build's cache, where resolution keeps the text
    features of mentions between builds (``pipeline.resolve.mention_features``)."""
    with compiled_patterns():
        from .resolve import resolve  # its rules' patterns, DuckDB: only where mentions are resolved

    # a new frame over the same columns (pandas copies on write: the caller's frame is untouched)
    mentions = mentions.assign(date=pd.to_datetime(mentions["date"]), date_end=pd.to_datetime(mentions["date_end"]))
    return resolve(mentions, previous, cache_dir=cache_dir, articles=articles)


def resolved_table(mentions: pa.Table, previous: dict[str, str] | None = None, cache_dir: Path | None = None,
                   articles: frozenset[str] | None = None) -> tuple[pa.Table, dict]:
    """``resolved_mentions`` of an ``extracted_mentions`` stage table in Arrow, and resolution's
    statistics. Resolution is handed, as pandas, only the columns it reads
    (``resolve.MENTION_COLUMNS``); its five columns (``schemas.stages.RESOLUTION_COLUMNS``) are
    appended to the stage's own Arrow columns, row for row (both in mention_id order), so the
    columns it never reads (``detail``, ``topics``, ``context``, ``quality_flags``, ``event_type``)
    are never Python objects: at 217,000 mentions ~75 MB less through resolution's SQL, and no
    pandas copy of every column to write (BENCHMARKS.md, perf-rss). The same rows as
    ``resolved_mentions`` gives (tested)."""
    from schemas.contract import arrow_schema
    from schemas.stages import RESOLUTION_COLUMNS

    from .io import to_pandas
    from .resolve import MENTION_COLUMNS

    ids = mentions.column("mention_id")
    if len(ids) > 1 and not pc.all(pc.less(ids[:-1], ids[1:])).as_py():     # resolve's order (a stage comes in it)
        mentions = mentions.take(pc.sort_indices(mentions, [("mention_id", "ascending")]))
    reads = [c for c in mentions.column_names if c in MENTION_COLUMNS]
    df = resolved_mentions(to_pandas(mentions.select(reads)), previous, cache_dir, articles)
    if not mentions.column("mention_id").equals(pa.chunked_array([pa.array(df["mention_id"], pa.string())])):
        raise RuntimeError("resolution changed the order of the mentions")
    schema = arrow_schema("event_mentions")
    for c in RESOLUTION_COLUMNS:
        field = schema.field(c)
        mentions = mentions.append_column(field, pa.array(df.pop(c), type=field.type, from_pandas=True))
    return mentions, dict(df.attrs.get("resolution", {}))


def _used(parsed: pd.DataFrame) -> pd.DataFrame:
    return parsed[parsed["stage"].isna()]


def documents_table(inventory: pd.DataFrame, parsed: pd.DataFrame) -> pd.DataFrame:
    """One row per used document; its URL and licence from its catalogue row (``pipeline.catalogue``:
    path-dependent, so never cached) and the URL it states."""
    used = _used(parsed)[["path", "doc_id", "title", "published", "n_mentions", "doc_url", "language", "note"]]
    df = used.merge(inventory, on="path", how="left")
    df["doc_key"] = df["doc_key"].where(df["doc_key"].notna(), df["doc_id"])
    df["published"] = pd.to_datetime(df["published"])
    entries = [_catalogue(r) for r in df.itertuples(index=False)]
    df["url"] = [document_url(e, _val(u)) for e, u in zip(entries, df["doc_url"])]
    df["licence"] = [document_licence(e, _val(f)) for e, f in zip(entries, df["format"])]
    return df[["doc_id", "doc_key", "path", "sha256", "format", "title", "published", "byte_size", "n_mentions",
               "url", "licence", "language", "note"]]


def quarantine_table(inventory: pd.DataFrame, parsed: pd.DataFrame) -> pd.DataFrame:
    bad = parsed[parsed["stage"].notna()][["path", "stage", "reason"]]
    df = bad.merge(inventory[["path", "sha256", "byte_size"]], on="path", how="left")
    return df[["path", "stage", "reason", "sha256", "byte_size"]]


def events_table(mentions: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """``resolve.build_events`` plus what the event's sources add: their count and domains."""
    from .resolve import build_events

    events = build_events(mentions)
    g = sources.groupby("event_id")
    cited = pd.DataFrame({"n_sources": g.size(),
                          "source_domains": g["domain"].agg(lambda d: sorted(set(d.dropna())))})
    events = events.join(cited, on="event_id")
    events["n_sources"] = events["n_sources"].fillna(0).astype("int64")
    events["source_domains"] = [v if isinstance(v, list) else [] for v in events["source_domains"]]
    return events


def _event_of(mentions: pd.DataFrame) -> pd.Series:
    return pd.Series(mentions["event_id"].to_numpy(), index=mentions["mention_id"].to_numpy())


def sources_table(sources: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    df = sources.copy()
    df["event_id"] = df["mention_id"].map(_event_of(mentions))
    return df[["source_id", "event_id", "mention_id", "doc_id", "name", "url", "domain"]]


def related_links_table(links: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    event_of = _event_of(mentions)
    df = links.assign(from_event_id=links["from_mention_id"].map(event_of),
                      to_event_id=links["to_mention_id"].map(event_of))
    df["target_date"] = pd.to_datetime(df["target_date"])
    return df[["link_id", "doc_id", "from_event_id", "to_event_id", "target_path", "target_date", "context"]]


FIGURE_COLUMNS = ["figure_id", "doc_id", "mention_id", "event_id", "quote", "outcome", "victim_group",
                  "affiliation", "count_low", "count_high", "qualifier", "number_text", "reported_by",
                  "scope", "period_start", "period_end"]


def casualty_figures_table(figures: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    df = figures.copy()
    df["event_id"] = df["mention_id"].map(_event_of(mentions))
    df = df[FIGURE_COLUMNS]
    where = mentions.set_index("mention_id")[["date", "date_precision", "location", "admin1"]]
    df = df.join(where, on="mention_id")
    for c in ("period_start", "period_end"):
        df[c] = pd.to_datetime(df[c])
    return df


# The columns of the resolved mentions the other tables read (``events_table`` through
# ``resolve.build_events``, ``casualty_figures_table``, ``sources_table``, ``related_links_table``):
# only these are made pandas. The others (the match evidence, the kept-apart candidates, the detail,
# the quality flags, ...) stay Arrow and go to ``event_mentions`` as they are.
MENTION_TABLE_COLUMNS = ["mention_id", "event_id", "doc_id", "kind", "text", "date", "date_precision",
                         "topics", "context", "places", "actors", "location", "admin1", "latitude",
                         "longitude", "geo_precision", "geo_basis", "event_type"]


def published_tables(inventory: pd.DataFrame, stages: dict[str, pd.DataFrame],
                     resolved: pa.Table | pd.DataFrame) -> dict[str, pd.DataFrame | pa.Table]:
    """Every published table (``schemas.TABLES``) from the stage tables and the resolved mentions.

    ``resolved``: the ``resolved_mentions`` stage as Arrow (as read from its file); it is the
    ``event_mentions`` table as it is (``pipeline.io.write_table`` validates it in slices and writes
    it without pandas), and only its ``MENTION_TABLE_COLUMNS`` are made pandas for the other tables:
    at 217,000 mentions reading every column as pandas cost ~230 MB (BENCHMARKS.md, perf-mem2).
    A pandas frame of the resolved mentions gives the same tables."""
    from .io import to_pandas

    mentions = (to_pandas(resolved.select(MENTION_TABLE_COLUMNS)) if isinstance(resolved, pa.Table)
                else resolved)
    sources = sources_table(stages["extracted_sources"], mentions)
    return {
        "documents": documents_table(inventory, stages["parsed_documents"]),
        "quarantine": quarantine_table(inventory, stages["parsed_documents"]),
        "event_mentions": resolved,
        "sources": sources,
        "events": events_table(mentions, sources),
        "related_links": related_links_table(stages["extracted_links"], mentions),
        "casualty_figures": casualty_figures_table(stages["extracted_figures"], mentions),
    }
