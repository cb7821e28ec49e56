"""Benchmark of a whole build (discover -> parse -> extract -> resolve -> validate -> Parquet).

Makes a synthetic corpus of N documents in a temporary folder from the seeds: each copy of a seed
gets a distinct first line of prose appended ("Copy K."), so every file has its own hash and the
documents take the per-document path through parse and extract; mentions repeat across copies,
so resolution sees many exact duplicates. Prints documents, mentions, wall seconds, documents per
second and peak RSS of the build process. Run:

    .venv/bin/python benchmarks/bench_build.py [500 2000]
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from pipeline.defs.resources import ProjectPaths
from pipeline.defs.runner import materialize_all
from pipeline.io import read_table
from pipeline.paths import REPO_ROOT


def make_corpus(dest: Path, n: int) -> None:
    seeds = sorted((REPO_ROOT / "seeds").iterdir())
    for k in range(n):
        src = seeds[k % len(seeds)]
        (dest / f"{k:06d}_{src.name}").write_bytes(src.read_bytes() + f"\n\nCopy {k}.\n".encode())


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [500, 2000]
    print(f"{'documents':>9} {'mentions':>9} {'seconds':>8} {'docs/s':>7} {'peak RSS MB':>12}")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            (root / "seeds").mkdir()
            make_corpus(root / "seeds", n)
            paths = ProjectPaths(root=str(root), seeds_dir=str(root / "seeds"), outputs_dir=str(root / "outputs"))
            t0 = time.perf_counter()
            materialize_all(paths)
            secs = time.perf_counter() - t0
            mentions = len(read_table(paths.latest / "event_mentions.parquet"))
            peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                       resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
            print(f"{n:>9} {mentions:>9} {secs:>8.1f} {n / secs:>7.1f} {peak:>12.0f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
