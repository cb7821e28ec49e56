"""What resolution's merge learnt in the build before, kept by content (issue 11: one added document).

The merge (``pipeline.resolve._merge_in_batches``) runs per *part*: a connected component of the
edges it may join along, less the scored pairs it can never join (``resolve._never_joined``: the
two mentions themselves break a cannot-link whatever their clusters). A part's result (each
member's cluster root, the edge that joined it, the statement that tells more of it, its refused
pairs) is a function of

- its members' contents: every column of the mention the merge reads (``resolve._Records._COLUMNS``),
  its period, and whether its document is an encyclopedia article (its text features are a function
  of its text and the code);
- its edges in the order the merge takes them, each as the positions of its two members among
  the part's members (sorted by row, that is by mention id): of a scored pair's score the merge
  reads only its place in that order, whether it reaches the threshold less its
  ``_context_place_bonus`` (pairs that do not are no edges) and, when the pair joins two
  members, its two decimals (``match_score``), which a kept part takes from this build's score;
- the code (``memo.code_version``: every source file of ``pipeline/`` and ``schemas/`` and the
  package versions).

So a part whose key (a 128-bit hash of all that) was merged before gets the same result, and that
result is taken from the cache (``<cache>/merge/parts.parquet``) instead of merged again; a part
whose scores changed their order or crossed the threshold (the word weights move with the
corpus), or whose members or edges changed, has another key and is merged. The facts the partition
needs about each scored pair (``conflict`` without the chemical exemption, whether the pair can
never join, ``_context_place_bonus``) are a function of the two mentions' contents and the code:
kept by the pair of content keys (``<cache>/merge/pairs.parquet``; the bonus infinite for a pair
step 2 passes over whatever its score, ``_one_word_apart``), so a build finds the parts
without making the records of mentions it does not merge. Each build rewrites both files with
what it saw (no growth); a file of another code version, or an unreadable one, is ignored. Only
speed: a build with an empty cache gives the same tables (tested).

The hashes are sums (mod 2**64) of mixed per-element values in two independent lanes
(splitmix64), computed with numpy over all parts at once; an element mixes its kind, its position
in its sequence and its values, so order and multiplicity count.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

FOLDER = "merge"
_M1, _M2, _M3 = np.uint64(0x9E3779B97F4A7C15), np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)
SEEDS = (np.uint64(0x243F6A8885A308D3), np.uint64(0x13198A2E03707344))     # one per lane


def mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser, elementwise over uint64 (wrapping)."""
    with np.errstate(over="ignore"):
        z = x.astype(np.uint64) + _M1
        z = (z ^ (z >> np.uint64(30))) * _M2
        z = (z ^ (z >> np.uint64(27))) * _M3
        return z ^ (z >> np.uint64(31))


def element(lane: int, *fields: np.ndarray) -> np.ndarray:
    """One hash per row of the given fields (integers, or uint64 bit patterns), in lane ``lane``."""
    h = mix(np.full(len(fields[0]), SEEDS[lane], dtype=np.uint64))
    for f in fields:
        h = mix(h ^ np.asarray(f).astype(np.uint64))
    return h


def group_sums(values: np.ndarray, group: np.ndarray, n_groups: int) -> np.ndarray:
    """Sum (mod 2**64) of ``values`` per ``group`` (0 .. n_groups - 1)."""
    out = np.zeros(n_groups, dtype=np.uint64)
    if len(values):
        order = np.argsort(group, kind="stable")
        g, v = group[order], values[order]
        starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
        with np.errstate(over="ignore"):
            out[g[starts]] = np.add.reduceat(v, starts)
    return out


_HASH_KEYS = ("syria-events-m-1", "syria-events-m-2")       # siphash keys of ``pandas.util.hash_array``, one per lane


def _column_bits(col: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """A 64-bit value per row in each lane that tells the column's values apart (numbers and dates
    by their bits, strings by siphash, anything else by the siphash of its ``repr``; a missing
    string apart from every string)."""
    from pandas.util import hash_array

    dtype = col.dtype
    if isinstance(dtype, np.dtype) and dtype.kind in "fiubmM":
        if dtype.kind == "f":
            bits = np.ascontiguousarray(col.to_numpy(dtype=np.float64)).view(np.uint64)
        elif dtype.kind in "mM":
            bits = np.ascontiguousarray(col.to_numpy()).view(np.int64).view(np.uint64)
        else:
            bits = col.to_numpy().astype(np.int64).view(np.uint64)
        return bits, bits
    if isinstance(dtype, pd.StringDtype):
        missing = col.isna().to_numpy(dtype=bool).astype(np.uint64) * _M1
        values = col.to_numpy(dtype=object, na_value="")
    else:
        missing = np.zeros(len(col), dtype=np.uint64)
        values = np.array([repr(v) for v in col.tolist()], dtype=object)
    lanes = [hash_array(values, hash_key=key, categorize=True) ^ missing for key in _HASH_KEYS]
    return lanes[0], lanes[1]


def content_keys(frame: pd.DataFrame, rows: np.ndarray, columns: list[str], starts: list[int], stops: list[int],
                 article: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Two 64-bit lanes of a hash of the content of each mention of ``rows`` (of ``frame``): the
    values of ``columns`` (those the merge reads), its period, whether its document is an article."""
    sub = frame.iloc[rows]
    first, last = np.asarray(starts, dtype=np.int64)[rows], np.asarray(stops, dtype=np.int64)[rows]
    marked = np.asarray(article, dtype=np.int64)[rows]
    h = [element(lane, first, last, marked) for lane in (0, 1)]
    for c, name in enumerate(columns):
        bits = _column_bits(sub[name])
        for lane in (0, 1):
            h[lane] = element(lane, h[lane], np.full(len(rows), c), bits[lane])
    return h[0], h[1]


PAIRS_SCHEMA = pa.schema([("a1", pa.uint64()), ("a2", pa.uint64()), ("b1", pa.uint64()), ("b2", pa.uint64()),
                          ("conflict", pa.string()), ("never", pa.bool_()), ("bonus", pa.float64())])
PARTS_SCHEMA = pa.schema([("k1", pa.uint64()), ("k2", pa.uint64()), ("pos", pa.int32()), ("root", pa.int32()),
                          ("rule", pa.string()), ("score", pa.float64()), ("partner", pa.int32()),
                          ("why", pa.list_(pa.string())), ("told", pa.int32())])
BLOCKED_SCHEMA = pa.schema([("k1", pa.uint64()), ("k2", pa.uint64()), ("i", pa.int32()), ("j", pa.int32()),
                            ("why", pa.string())])


class MergeMemo:
    """The kept pair facts and part results of ``<cache_dir>/merge/`` for code ``version``."""

    def __init__(self, cache_dir: Path, version: str):
        self.folder = Path(cache_dir) / FOLDER
        self.version = version

    def _read(self, name: str, schema: pa.Schema) -> pa.Table | None:
        path = self.folder / f"{name}.parquet"
        try:
            table = pq.read_table(path)
            meta = table.schema.metadata or {}
            if meta.get(b"version") != self.version.encode() or not table.schema.equals(schema, check_metadata=False):
                return None
            return table
        except (OSError, pa.ArrowException, ValueError):
            return None

    def _write(self, name: str, table: pa.Table) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            table = table.replace_schema_metadata({"version": self.version})
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=f".{name}.", suffix=".tmp")
            os.close(fd)
            try:
                pq.write_table(table, tmp, compression="zstd", compression_level=1)
                os.replace(tmp, self.folder / f"{name}.parquet")
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        except OSError:
            pass        # only speed: the next build merges again

    # --- pair facts ---------------------------------------------------------------------------
    def pair_facts(self, a1, a2, b1, b2) -> tuple[np.ndarray, list, np.ndarray, np.ndarray]:
        """For each pair (content keys of its two mentions), whether it is known, and its kept
        ``conflict`` (None: none), ``never`` and ``bonus``."""
        n = len(a1)
        known = np.zeros(n, dtype=bool)
        conflicts: list = [None] * n
        never = np.zeros(n, dtype=bool)
        bonus = np.zeros(n, dtype=np.float64)
        table = self._read("pairs", PAIRS_SCHEMA)
        if table is None or not n or not table.num_rows:
            return known, conflicts, never, bonus
        cols = {c: table.column(c).to_numpy() for c in ("a1", "a2", "b1", "b2")}
        kept_h = element(0, cols["a1"], cols["a2"], cols["b1"], cols["b2"])
        h = element(0, a1, a2, b1, b2)
        order = np.argsort(kept_h, kind="stable")
        sorted_h = kept_h[order]
        at = np.searchsorted(sorted_h, h)
        at_c = np.minimum(at, len(sorted_h) - 1)
        row = order[at_c]
        hit = (sorted_h[at_c] == h) & (cols["a1"][row] == a1) & (cols["a2"][row] == a2) \
            & (cols["b1"][row] == b1) & (cols["b2"][row] == b2)
        known[:] = hit
        rows = row[hit]
        kept_conflict = table.column("conflict").to_pylist()
        for t, r in zip(np.flatnonzero(hit).tolist(), rows.tolist()):
            conflicts[t] = kept_conflict[r]
        never[hit] = table.column("never").to_numpy(zero_copy_only=False)[rows]
        bonus[hit] = table.column("bonus").to_numpy()[rows]
        return known, conflicts, never, bonus

    def keep_pairs(self, a1, a2, b1, b2, conflicts: list, never: np.ndarray, bonus: np.ndarray) -> None:
        self._write("pairs", pa.table({"a1": a1, "a2": a2, "b1": b1, "b2": b2,
                                       "conflict": pa.array(conflicts, pa.string()), "never": never,
                                       "bonus": bonus}, schema=PAIRS_SCHEMA))

    # --- part results -------------------------------------------------------------------------
    def parts(self) -> tuple[dict[tuple[int, int], tuple[int, int]], pa.Table | None,
                             dict[tuple[int, int], list[tuple[int, int, str]]]]:
        """The kept parts: key -> (first row, end row) of their members' rows in the table, the
        table, and key -> refused pairs (i, j, rule) by position."""
        table = self._read("parts", PARTS_SCHEMA)
        blocked_t = self._read("blocked", BLOCKED_SCHEMA)
        if table is None or blocked_t is None:
            return {}, None, {}
        k1, k2 = table.column("k1").to_numpy(), table.column("k2").to_numpy()
        index: dict[tuple[int, int], tuple[int, int]] = {}
        if len(k1):
            begins = np.flatnonzero(np.r_[True, (k1[1:] != k1[:-1]) | (k2[1:] != k2[:-1])])
            ends = np.r_[begins[1:], len(k1)]
            for b, e, x, y in zip(begins.tolist(), ends.tolist(), k1[begins].tolist(), k2[begins].tolist()):
                index[(x, y)] = (b, e)
        blocked: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
        for x, y, i, j, w in zip(*(blocked_t.column(c).to_pylist() for c in ("k1", "k2", "i", "j", "why"))):
            blocked.setdefault((x, y), []).append((i, j, w))
        return index, table, blocked

    def keep_parts(self, parts: dict[str, Any], blocked: dict[str, Any]) -> None:
        self._write("parts", pa.table(parts, schema=PARTS_SCHEMA))
        self._write("blocked", pa.table(blocked, schema=BLOCKED_SCHEMA))
