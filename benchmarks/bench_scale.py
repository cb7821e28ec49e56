"""Scale benchmark (issue 11): every number BENCHMARKS.md records, in one run.

    .venv/bin/python benchmarks/bench_scale.py [--docs 5000] [--runs 3] [--verify] [--skip-large]

Prints, with the machine's cores and load average before and after each measurement (other
processes on the machine slow every wall time; compare runs made on a quiet machine):

1. floors on the synthetic corpus (``benchmarks/corpus.py``): reading, hashing and splitting it
   into sentences; a Python tokenise-and-lookup loop over it; writing rows to zstd Parquet;
2. ``syria-events build`` (a new process each time, as a user runs it) of the five seeds and of
   the whole ``seeds/``: cold (empty per-document cache) and warm (median of ``--runs``); wall
   time, peak RSS of the CLI process and of the whole process tree (Dask workers included);
3. the synthetic corpus of ``--docs`` documents, cold (the default engine: a Dask LocalCluster on
   every core): wall, documents per second, peak RSS, and the map's own line (how busy the
   workers were while extracting);
4. one document added to it (an edited copy of the largest source document, so it brings new
   mentions): the incremental rebuild's wall time and its share of the full build
   (``--verify``: also a full rebuild from an empty cache, and whether every table is
   byte-identical);
5. the Dagster path (``dagster asset materialize --select '*'``, what the UI, the schedule and the
   sensor run) against ``syria-events build`` on the seeds, both warm;
6. ``load_table`` in a new process.

Every command runs without ``PYTHONDONTWRITEBYTECODE`` (a user's installation has its modules'
bytecode; with the variable set, each process compiles the pipeline's modules from source, ~0.15 s
per process on this machine: BENCHMARKS.md, perf-small2).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import psutil  # noqa: E402  (installed with distributed)
from corpus import make_corpus, sources  # noqa: E402

BIN = Path(sys.executable).parent
TABLES = ["documents", "event_mentions", "events", "sources", "related_links", "casualty_figures", "quarantine"]


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.1f}/{five:.1f}/{fifteen:.1f}"


def _high_water_mark(pid: int) -> int:
    """Peak resident set size of ``pid`` since its last ``exec``, in bytes (0 when unreadable)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class Run:
    """A command in a new process: wall time, exit code, output, peak RSS of the process and of its
    whole tree (sampled every 50 ms: Dask workers included).

    The process's peak is its kernel high-water mark (``VmHWM`` in ``/proc/<pid>/status``, read at
    every sample; it only grows, so the last reading holds the peak up to then), not ``wait4``'s
    ``ru_maxrss``: Linux carries the high-water mark of the memory a child was forked from across
    ``exec``, so a command started by this script after it generated a large corpus reported this
    script's own size (a 0.4 s ``load_table`` at 734 MB). ``ru_maxrss`` is the fallback for a process
    that ends before the first sample."""

    def __init__(self, cmd: list[str], env: dict | None = None):
        self.cmd = cmd
        with tempfile.TemporaryFile("w+") as log:
            start = time.perf_counter()
            env = {k: v for k, v in (os.environ if env is None else env).items() if k != "PYTHONDONTWRITEBYTECODE"}
            proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
            self.tree_peak = 0
            self.hwm = 0
            stop = threading.Event()
            sampler = threading.Thread(target=self._sample, args=(proc.pid, stop), daemon=True)
            sampler.start()
            _, status, usage = os.wait4(proc.pid, 0)
            self.wall = time.perf_counter() - start
            stop.set()
            sampler.join()
            proc.returncode = os.waitstatus_to_exitcode(status)
            log.seek(0)
            self.out = log.read()
        self.rc = proc.returncode
        self.peak = self.hwm or usage.ru_maxrss * 1024
        if self.rc != 0:
            raise SystemExit(f"{' '.join(cmd)} failed ({self.rc}):\n{self.out[-3000:]}")

    def _sample(self, pid: int, stop: threading.Event) -> None:
        try:
            root = psutil.Process(pid)
        except psutil.Error:
            return
        while not stop.is_set():
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                return
            total = 0
            for p in procs:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            self.tree_peak = max(self.tree_peak, total)
            self.hwm = max(self.hwm, _high_water_mark(pid))
            time.sleep(0.05)

    def resolve_line(self) -> str:
        return next((ln.strip() for ln in self.out.splitlines() if ln.strip().startswith("resolve:")), "")

    def map_line(self) -> str:
        return next((ln.strip() for ln in self.out.splitlines() if ln.strip().startswith("map:")), "")


def mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB"


def build(seeds: Path, outputs: Path, cache: Path, *extra: str) -> Run:
    return Run([str(BIN / "syria-events"), "build", "--seeds", str(seeds), "--outputs", str(outputs),
                "--cache", str(cache), *extra])


def table_hashes(latest: Path) -> dict[str, str]:
    return {t: hashlib.sha256((latest / f"{t}.parquet").read_bytes()).hexdigest() for t in TABLES}


def report(label: str, run: Run, docs: int | None = None) -> None:
    rate = f"  {docs / run.wall:7.1f} docs/s" if docs else ""
    print(f"  {label:<34} {run.wall:7.2f} s{rate}   peak RSS {mb(run.peak):>8} (tree {mb(run.tree_peak)})   [{load()}]",
          flush=True)
    if run.map_line():
        print(f"  {'':<34} {run.map_line()}", flush=True)
    if run.resolve_line():
        print(f"  {'':<34} {run.resolve_line()}", flush=True)


def cold_and_warm(label: str, key: str, seeds: Path, tmp: Path, runs: int, docs: int) -> tuple[list[Run], list[Run]]:
    """``runs`` builds each with an empty cache, then ``runs`` builds with the first one's cache
    (outputs in ``tmp/<key>-warm``, cache in ``tmp/<key>-cache0``)."""
    cold = [build(seeds, tmp / f"{key}-cold{i}", tmp / f"{key}-cache{i}") for i in range(runs)]
    warm = [build(seeds, tmp / f"{key}-warm", tmp / f"{key}-cache0") for _ in range(runs)]
    for name, rs in (("cold (empty cache)", cold), ("warm (cached)", warm)):
        med = sorted(rs, key=lambda r: r.wall)[len(rs) // 2]
        report(f"{label} {name}, median of {len(rs)}", med, docs)
        print(f"  {'':<34} all: {', '.join(f'{r.wall:.2f}' for r in rs)} s; peak RSS max {mb(max(r.peak for r in rs))}")
    return cold, warm


# --- floors -------------------------------------------------------------------------------------
def floors(corpus: Path) -> None:
    import re

    from pipeline.text import split_sentences

    files = sorted(corpus.iterdir())
    t = time.perf_counter()
    n_sentences = 0
    texts = []
    for p in files:
        data = p.read_bytes()
        hashlib.sha256(data).hexdigest()
        text = data.decode("utf-8", errors="replace")
        texts.append(text)
        n_sentences += len(split_sentences(text))
    t_read = time.perf_counter() - t
    word = re.compile(r"[A-Za-z][A-Za-z'\-]+")
    lookup = {w: i for i, w in enumerate(["Aleppo", "Idlib", "Homs", "Hama", "Damascus", "Russia", "killed",
                                          "airstrike", "civilians", "Palmyra", "Latakia", "Raqqa"])}
    t = time.perf_counter()
    hits = 0
    for text in texts:
        for w in word.findall(text):
            if w in lookup or w.lower() in lookup:
                hits += 1
    t_loop = time.perf_counter() - t
    print(f"  read + sha256 + split into sentences {t_read:7.2f} s  ({len(files)} files, {n_sentences:,} sentences)")
    print(f"  Python tokenise-and-lookup loop     {t_loop:7.2f} s  ({hits:,} hits)")


def parquet_floor(source: Path, tmp: Path) -> None:
    import pyarrow.parquet as pq

    table = pq.read_table(source)
    t = time.perf_counter()
    pq.write_table(table, tmp / "floor.parquet", compression="zstd", compression_level=9)
    print(f"  floor: writing its {table.num_rows:,} event_mentions rows to zstd Parquet {time.perf_counter() - t:5.2f} s")


# --- main ---------------------------------------------------------------------------------------
def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--verify", action="store_true", help="full rebuild after the incremental one; compare bytes")
    ap.add_argument("--skip-large", action="store_true", help="only the seeds, Dagster and load_table")
    ap.add_argument("--only-large", action="store_true", help="only the synthetic corpus (cold, +1 document, --verify)")
    args = ap.parse_args(argv)

    import dagster
    import distributed

    print(f"# bench_scale {time.strftime('%Y-%m-%d %H:%M')}  {platform.machine()}, {os.cpu_count()} cores, "
          f"{psutil.virtual_memory().total / 2**30:.0f} GiB, Python {platform.python_version()}, "
          f"dagster {dagster.__version__}, distributed {distributed.__version__}  [{load()}]", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench_scale_") as tmpdir:
        tmp = Path(tmpdir)
        five = tmp / "five"
        five.mkdir()
        for p in sorted((REPO / "seeds").iterdir()):
            if p.is_file() and not p.name.startswith("."):
                shutil.copy(p, five / p.name)

        if not args.only_large:
            print("\n## syria-events build (new process each run)", flush=True)
            cold_and_warm("5 seeds", "five", five, tmp, args.runs, 5)
            _, warm_all = cold_and_warm("seeds/ (180 files)", "all", REPO / "seeds", tmp, args.runs, 180)

        if not args.skip_large:
            n = args.docs
            corpus = tmp / "corpus"
            t = time.perf_counter()
            make_corpus(corpus, n)
            print(f"\n## {n:,} edited documents (benchmarks/corpus.py: {time.perf_counter() - t:.1f} s to generate)",
                  flush=True)
            print("floors:")
            floors(corpus)
            full = build(corpus, tmp / "big", tmp / "big-cache")
            report(f"{n:,} documents, cold", full, n)
            parquet_floor(tmp / "big" / "latest" / "event_mentions.parquet", tmp)

            # The added document is an edited copy of the largest source document (the next
            # index that maps to it), so the incremental build has new mentions to resolve: the
            # document at index n can be one without statements (an index page, a near-empty one).
            docs = sources()
            largest = max(range(len(docs)), key=lambda i: (docs[i].stat().st_size, -i))
            make_corpus(corpus, 1, start=n + (largest - n) % len(docs))
            inc = build(corpus, tmp / "big", tmp / "big-cache")
            report("+1 document (incremental)", inc, None)
            print(f"  {'':<34} {inc.wall / full.wall:.1%} of the full build", flush=True)
            if args.verify:
                again = build(corpus, tmp / "big-full", tmp / "big-full-cache")
                report(f"{n + 1:,} documents from scratch", again, n + 1)
                same = table_hashes(tmp / "big" / "latest") == table_hashes(tmp / "big-full" / "latest")
                print(f"  {'':<34} incremental tables byte-identical to the full rebuild: {same}", flush=True)
        if args.only_large:
            return

        print("\n## Dagster path vs CLI on seeds/ (warm cache, median of runs)", flush=True)
        cfg = tmp / "dagster_run.yaml"
        cfg.write_text(json.dumps({"resources": {"paths": {"config": {
            "seeds_dir": str(REPO / "seeds"), "outputs_dir": str(tmp / "dagster-out"),
            "cache_dir": str(tmp / "all-cache0")}}}}))
        env = dict(os.environ, DAGSTER_HOME=str(REPO / ".dagster"))
        dag = [Run([str(BIN / "dagster"), "asset", "materialize", "--select", "*", "-m", "pipeline.defs",
                    "-c", str(cfg)], env=env) for _ in range(args.runs)]
        cli = warm_all
        d, c = statistics.median(r.wall for r in dag), statistics.median(r.wall for r in cli)
        print(f"  dagster asset materialize --select '*'  {d:6.2f} s   peak RSS {mb(max(r.peak for r in dag))}")
        print(f"  syria-events build                       {c:6.2f} s   -> Dagster / CLI = {d / c:.2f}x  [{load()}]")

        print("\n## load_table in a new process (median of 5)", flush=True)
        latest = tmp / "all-warm" / "latest"
        code = f"from pipeline.load import load_table; load_table('events', path={str(latest)!r})"
        runs = [Run([sys.executable, "-c", code]) for _ in range(5)]
        print(f"  python -c 'load_table(\"events\", path=...)'  {statistics.median(r.wall for r in runs):.2f} s   "
              f"peak RSS {mb(max(r.peak for r in runs))}  [{load()}]")


if __name__ == "__main__":
    main(sys.argv[1:])
