"""Where a build's memory goes (issue 11): peak RSS by stage of one ``syria-events build``.

    .venv/bin/python benchmarks/bench_memory.py --seeds DIR --outputs DIR --cache DIR [--engine ...]
    .venv/bin/python benchmarks/bench_memory.py --stage BUILD/stages/extracted_mentions.parquet --cache DIR

The first form runs the build in this process, exactly as the CLI does (``pipeline.cli.main``);
the second resolves a saved ``extracted_mentions`` stage, as ``bench_resolve.py --stage`` does. A
thread samples this process's resident memory (``/proc/self/statm``) every 10 ms and the whole
process tree's (the Dask workers of the map) every 100 ms, while the functions of each stage
mark where they start and end (they are wrapped here; the pipeline's code is not changed). Prints
one line per segment between two marks: its wall time, the RSS when it starts and ends, and the
highest RSS sampled inside it, and at its end the anonymous and file-backed parts of the RSS
(``RssAnon``, ``RssFile``: the second is the shared libraries' pages); then the process's peak (``ru_maxrss``) and, for the stage form,
the digest of the resolved columns (the same as ``bench_resolve.py``'s).
"""

from __future__ import annotations

import argparse
import functools
import os
import resource
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


def rss_split() -> tuple[int, int]:
    """This process's resident memory as (anonymous, file-backed) bytes (``RssAnon``, ``RssFile``
    of ``/proc/self/status``): file-backed pages are the mapped code and data of the shared
    libraries (DuckDB's, Arrow's, NumPy's ...), clean pages the kernel can drop and read again."""
    found = {}
    with open("/proc/self/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("RssAnon", "RssFile"):
                found[key] = int(value.split()[0]) * 1024
    return found.get("RssAnon", 0), found.get("RssFile", 0)


class Sampler:
    """RSS samples of this process (and of its tree) and the marks of the stages, in time order."""

    def __init__(self) -> None:
        self.samples: list[tuple[float, int]] = []
        self.tree: list[tuple[float, int]] = []
        self.marks: list[tuple[float, str]] = []
        self.arrow: list[int] = []          # bytes Arrow's memory pool held at each mark
        self.split: list[tuple[int, int]] = []   # (anonymous, file-backed) resident bytes at each mark
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        me = psutil.Process()
        k = 0
        while not self._stop.is_set():
            now = time.perf_counter()
            self.samples.append((now, rss()))
            if k % 10 == 0:
                total = 0
                try:
                    for p in me.children(recursive=True):
                        try:
                            total += p.memory_info().rss
                        except psutil.Error:
                            pass
                except psutil.Error:
                    pass
                self.tree.append((now, total))
            k += 1
            time.sleep(0.01)

    def mark(self, label: str) -> None:
        import pyarrow as pa

        self.marks.append((time.perf_counter(), label))
        self.arrow.append(pa.total_allocated_bytes())
        self.split.append(rss_split())
        self.samples.append((time.perf_counter(), rss()))

    def __enter__(self) -> Sampler:
        self.mark("start")
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.mark("end")
        self._stop.set()
        self._thread.join()

    def report(self) -> None:
        marks = self.marks
        print(f"{'segment (from mark to next mark)':<58} {'wall':>7} {'RSS start':>10} {'RSS end':>10} "
              f"{'peak':>10} {'+children':>10} {'Arrow end':>10} {'anon end':>10} {'file end':>10}")
        for (t0, label), (t1, _), arrow, (anon, file) in zip(marks, marks[1:], self.arrow[1:], self.split[1:]):
            inside = [r for t, r in self.samples if t0 <= t <= t1]
            kids = [r for t, r in self.tree if t0 <= t <= t1]
            start = inside[0] if inside else 0
            end = inside[-1] if inside else 0
            peak = max(inside) if inside else 0
            print(f"{label:<58} {t1 - t0:6.1f}s {mb(start):>10} {mb(end):>10} {mb(peak):>10} "
                  f"{mb(max(kids) if kids else 0):>10} {mb(arrow):>10} {mb(anon):>10} {mb(file):>10}")
        print(f"peak RSS of this process (ru_maxrss): {mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)}")
        top = max(self.samples, key=lambda s: s[1])
        at = max((m for m in marks if m[0] <= top[0]), default=marks[0])
        print(f"highest sample {mb(top[1])} in segment '{at[1]}'")


def mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB"


def wrap(sampler: Sampler, owner, name: str, label: str | None = None) -> None:
    """Mark the start and end of every call of ``owner.name``."""
    fn = getattr(owner, name)
    label = label or name

    @functools.wraps(fn)
    def marked(*args, **kwargs):
        sampler.mark(f"> {label}")
        try:
            return fn(*args, **kwargs)
        finally:
            sampler.mark(f"< {label} (after)")

    setattr(owner, name, marked)


def instrument(sampler: Sampler) -> None:
    from pipeline import build, candidates, docmap, integrity, io, resolve
    from pipeline.defs import assets, io_manager

    for name in ("discover", "run_map", "resolved_mentions", "published_tables", "records_of"):
        wrap(sampler, build, name, f"build.{name}")
    wrap(sampler, io_manager, "read_table", "stage IO: read_table")
    wrap(sampler, io_manager, "write_stage", "stage IO: write_stage")
    wrap(sampler, assets, "check_stage", "stage check")
    wrap(sampler, assets, "write_table", "write published table")
    wrap(sampler, integrity, "gate", "integrity gate")
    for name in ("mention_features", "context_places", "_sql_tables", "exact_scores"):
        wrap(sampler, resolve, name, f"resolve.{name}")
    wrap(sampler, candidates, "find_pairs", "candidates.find_pairs")
    wrap(sampler, candidates.duckdb, "connect", "  duckdb.connect")
    wrap(sampler, docmap, "warm_up", "docmap.warm_up (extraction modules, gazetteer, PSL)")
    wrap(sampler, candidates, "_run", "  SQL script")
    wrap(sampler, resolve._Records, "__init__", "resolve: merge records made")
    wrap(sampler, resolve._Records, "release", "resolve: merge done, records released")
    del io


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stage")
    ap.add_argument("--seeds")
    ap.add_argument("--outputs")
    ap.add_argument("--cache")
    ap.add_argument("--engine", default="auto")
    ap.add_argument("--features-of", help="a checkout whose text-feature version to use (its "
                                          "resolve.FEATURE_MODULES): when only the merge's machinery changed, the cached "
                                          "features are still right, and recomputing them is not what is measured")
    ap.add_argument("--duckdb-memory", help="candidates.MEMORY_LIMIT for this run (e.g. 512MB)")
    args = ap.parse_args(argv)
    if args.duckdb_memory:
        from pipeline import candidates

        candidates.MEMORY_LIMIT = args.duckdb_memory
    if args.features_of:
        from pipeline import resolve as resolve_module

        version = resolve_module.features_version_of(Path(args.features_of) / "pipeline")
        resolve_module.features_version = lambda: version
    if args.stage:
        from bench_resolve import resolve_stage

        with Sampler() as s:
            instrument(s)
            s.mark("resolve")
            out, _, cpu = resolve_stage(args.stage, args.cache)   # as the build resolves (its articles)
            s.mark("digest")
            digest = resolved_digest(out)
        s.report()
        print(out.attrs["resolution"]["summary"])
        print(f"CPU of resolve {cpu:.1f} s, digest {digest}")
        return
    from pipeline import cli

    with Sampler() as s:
        cli_args = ["build", "--seeds", args.seeds, "--outputs", args.outputs, "--engine", args.engine]
        if args.cache:
            cli_args += ["--cache", args.cache]
        instrument(s)
        c0 = time.process_time()
        rc = cli.main(cli_args)
        cpu = time.process_time() - c0
    s.report()
    print(f"exit {rc}, CPU of this process {cpu:.1f} s, load {os.getloadavg()}")


def resolved_digest(out) -> str:
    """The digest ``bench_resolve.py --stage`` prints: every mention's resolved columns."""
    from bench_resolve import resolved_digest as digest

    return digest(out)


if __name__ == "__main__":
    main(sys.argv[1:])
