"""Where a cold build's own process spends its time, stage by stage (issue 11: the part of a large
build that is neither the map's workers nor resolution).

    .venv/bin/python benchmarks/bench_stages.py [--docs 5000] [--corpus DIR] [--engine auto]

Builds a synthetic corpus (``benchmarks/corpus.py``; ``--corpus``: an existing folder, generated
there when missing) from an empty cache with ``syria-events build``'s own code, in this process,
and prints the wall and CPU time (of this process: its threads included, not the Dask workers',
which are printed apart) of each stage-level function: discover, the map as the build's process
sees it, the stage writes and their schema checks, resolution, the assembly and writing of the
published tables, the integrity gate. The functions nest (a stage check converts its table to
pandas: ``to_pandas`` is inside ``check_stage``), so the lines do not add up; what is left of the
whole job is Dagster's own work. Wall times on a loaded machine say little: compare CPU.
"""

from __future__ import annotations

import argparse
import collections
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

SPENT: dict[str, list[float]] = collections.defaultdict(lambda: [0.0, 0.0, 0])


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def timed(owner, name: str, label: str) -> None:
    """Count the wall and CPU time of ``owner.name`` (the module or class its caller looks it up
    in) under ``label``."""
    fn = getattr(owner, name)

    def wrapper(*args, **kwargs):
        wall, used = time.perf_counter(), cpu()
        try:
            return fn(*args, **kwargs)
        finally:
            spent = SPENT[label]
            spent[0] += time.perf_counter() - wall
            spent[1] += cpu() - used
            spent[2] += 1

    setattr(owner, name, wrapper)


def instrument() -> None:
    from pipeline import build, builds, integrity, memo
    from pipeline.defs import assets, io_manager, runner

    timed(runner, "materialize_all", "the whole job (materialize_all)")
    timed(build, "discover", "discover (build.discover)")
    timed(build, "run_map", "map, the build's process (build.run_map)")
    timed(io_manager, "write_stage", "stage writes (io.write_stage)")
    timed(assets, "check_stage", "stage schema checks (integrity.check_stage)")
    timed(assets, "to_pandas", "  of which stage tables to pandas (io.to_pandas)")
    timed(io_manager, "read_table", "stage reads (io.read_table)")
    timed(build, "resolved_table", "resolution (build.resolved_table)")
    timed(memo.StepMemo, "key", "step memo keys (memo.StepMemo.key)")
    timed(memo.StepMemo, "put", "step memo writes (memo.StepMemo.put)")
    timed(build, "published_tables", "published tables assembled (build.published_tables)")
    timed(assets, "write_table", "published tables validated and written (io.write_table)")
    timed(integrity, "gate", "integrity gate (integrity.gate)")
    timed(builds, "write_manifest", "build manifest (builds.write_manifest)")


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--corpus", type=Path, help="corpus folder (generated there when missing)")
    ap.add_argument("--engine", default="auto")
    args = ap.parse_args(argv)
    from corpus import make_corpus

    with tempfile.TemporaryDirectory(prefix="bench_stages_") as tmp:
        corpus = args.corpus or Path(tmp) / "corpus"
        if not corpus.exists():
            make_corpus(corpus, args.docs)
        instrument()
        from pipeline.cli import main as cli

        print(f"cold build of {corpus} ({len(list(corpus.iterdir()))} files), load {os.getloadavg()[0]:.1f}", flush=True)
        wall, used = time.perf_counter(), cpu()
        rc = cli(["build", "--seeds", str(corpus), "--outputs", f"{tmp}/outputs", "--cache", f"{tmp}/cache",
                  "--engine", args.engine])
        wall, used = time.perf_counter() - wall, cpu() - used
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"exit {rc}: {wall:.1f} s wall, this process {used:.1f} s CPU, the workers "
          f"{workers.ru_utime + workers.ru_stime:.1f} s CPU; load {os.getloadavg()[0]:.1f} at the end")
    for label, (w, c, n) in SPENT.items():
        print(f"  {label:<58} wall {w:7.2f} s  CPU {c:7.2f} s  ({n} calls)")


if __name__ == "__main__":          # the Dask workers import this module again: only run here
    main(sys.argv[1:])
