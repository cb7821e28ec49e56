"""Per-document results kept between builds, as Parquet, keyed by content and code version.

A ``SegmentStore`` is a folder of *segments*; a segment is a sub-folder holding one Parquet file
per table of the store (``docs.parquet``, ``mentions.parquet``, ...), every row carrying the
``cache_key`` of the document it belongs to, and the first table one row per key with the
``version`` of the code that produced it. A build writes the documents it had to extract as a
new segment (rolled every ``SEGMENT_ROWS`` documents, so a long first build killed midway keeps
what it finished) and reads the rows of the keys it needs from all segments, filtered on
``cache_key`` by pyarrow. No pickles: the cache is plain Parquet any tool can read.

Decisions:

- **Atomic.** A segment is written into a hidden temporary folder and renamed into place once
  complete: a reader sees whole segments or none. A killed build leaves a hidden folder, removed by
  the next compaction once a day old.
- **One writer at a time.** ``locked()`` takes an exclusive ``fcntl`` lock on ``.lock`` for the
  whole map step (lookup, extract, append, read): two builds sharing an outputs folder take turns
  in that step and never see each other's half-written segments.
- **Compaction.** When there are more than ``MAX_SEGMENTS`` segments, or after the code version
  changed, the rows whose version is still current are rewritten into one segment and the old
  segments are deleted: entries of old code versions are garbage and go. Entries of current
  versions stay even if no build uses them any more (an old version of an edited document); they
  go with the next change of the extraction code.
- **Only speed.** An unreadable segment is ignored (its documents are extracted again): the
  cache never changes a result, it only saves time. Tables built from cached rows are
  byte-identical to a build from scratch (tested).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import time
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

MAX_SEGMENTS = 8
SEGMENT_ROWS = 2000          # documents per segment while a long map runs
STALE_TMP_S = 24 * 3600
# written once, read a few times: fast compression
CACHE_PARQUET = dict(compression="zstd", compression_level=1, use_dictionary=True, write_statistics=False)


class SegmentStore:
    def __init__(self, folder: Path, schemas: dict[str, pa.Schema]):
        self.folder = Path(folder)
        self.schemas = schemas
        self.tables = list(schemas)
        self.index_table = self.tables[0]

    # --- reading ------------------------------------------------------------------------------
    def segments(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.iterdir() if p.is_dir() and p.name.startswith("seg-"))

    def index(self) -> dict[str, tuple[Path, str]]:
        """cache_key -> (segment, version) of every cached document (first segment wins)."""
        out: dict[str, tuple[Path, str]] = {}
        for seg in self.segments():
            try:
                t = pq.read_table(seg / f"{self.index_table}.parquet", columns=["cache_key", "version"])
            except (OSError, pa.ArrowException):
                continue
            for key, version in zip(t.column("cache_key").to_pylist(), t.column("version").to_pylist()):
                out.setdefault(key, (seg, version))
        return out

    def read(self, keys: Iterable[str], index: dict[str, tuple[Path, str]] | None = None) -> dict[str, pa.Table]:
        """Every table's rows of ``keys`` (keys not in the cache are skipped)."""
        index = self.index() if index is None else index
        by_segment: dict[Path, list[str]] = {}
        for k in keys:
            if k in index:
                by_segment.setdefault(index[k][0], []).append(k)
        out = {}
        for table in self.tables:
            parts = [pq.read_table(seg / f"{table}.parquet", filters=pc.field("cache_key").isin(ks),
                                   schema=self.schemas[table])
                     for seg, ks in sorted(by_segment.items())]
            out[table] = pa.concat_tables(parts) if parts else self.schemas[table].empty_table()
        return out

    # --- writing ------------------------------------------------------------------------------
    @contextlib.contextmanager
    def locked(self) -> Iterator[SegmentStore]:
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / ".lock", "a+b") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield self
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def writer(self, rows_per_segment: int = SEGMENT_ROWS) -> SegmentWriter:
        return SegmentWriter(self, rows_per_segment)

    def compact(self, current_versions: set[str], force: bool = False) -> bool:
        """Rewrite the rows of current versions into one segment when there are too many segments
        or stale versions; remove temporary folders of killed builds. True if it compacted."""
        self._remove_stale_tmp()
        index = self.index()
        segments = self.segments()
        stale = any(v not in current_versions for _, v in index.values())
        if not force and len(segments) <= MAX_SEGMENTS and not stale:
            return False
        keep = [k for k, (_, v) in index.items() if v in current_versions]
        with self.writer(rows_per_segment=1 << 62) as w:
            tables = self.read(keep, index)
            if keep:
                w.append(tables)
        for seg in segments:
            shutil.rmtree(seg, ignore_errors=True)
        return True

    def _remove_stale_tmp(self) -> None:
        now = time.time()
        for p in self.folder.glob(".tmp-*"):
            with contextlib.suppress(OSError):
                if now - p.stat().st_mtime > STALE_TMP_S:
                    shutil.rmtree(p, ignore_errors=True)


class SegmentWriter:
    """Appends tables to a new segment; each ``rows_per_segment`` index rows close the segment
    (renamed into place) and open the next. Use as a context manager: leaving it closes the last
    segment; an exception discards the unfinished one."""

    def __init__(self, store: SegmentStore, rows_per_segment: int):
        self.store = store
        self.rows_per_segment = rows_per_segment
        self._tmp: Path | None = None
        self._writers: dict[str, pq.ParquetWriter] = {}
        self._rows = 0
        self.written: list[Path] = []

    def __enter__(self) -> SegmentWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self._close()
        else:
            self._discard()

    def append(self, tables: dict[str, pa.Table]) -> None:
        if self._tmp is None:
            self._open()
        for name, writer in self._writers.items():
            writer.write_table(tables[name].cast(self.store.schemas[name]))
        self._rows += tables[self.store.index_table].num_rows
        if self._rows >= self.rows_per_segment:
            self._close()

    def _open(self) -> None:
        self.store.folder.mkdir(parents=True, exist_ok=True)
        self._tmp = self.store.folder / f".tmp-{uuid.uuid4().hex}"
        self._tmp.mkdir()
        self._writers = {name: pq.ParquetWriter(self._tmp / f"{name}.parquet", schema, **CACHE_PARQUET)
                         for name, schema in self.store.schemas.items()}
        self._rows = 0

    def _close(self) -> None:
        if self._tmp is None:
            return
        for w in self._writers.values():
            w.close()
        final = self.store.folder / f"seg-{time.time_ns():020d}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        os.rename(self._tmp, final)
        self.written.append(final)
        self._tmp, self._writers = None, {}

    def _discard(self) -> None:
        for w in self._writers.values():
            with contextlib.suppress(Exception):
                w.close()
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
        self._tmp, self._writers = None, {}
