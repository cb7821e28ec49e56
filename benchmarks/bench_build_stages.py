"""CPU and wall seconds of a build by stage, in one process (issue 11: where a +1 build goes).

    .venv/bin/python benchmarks/bench_build_stages.py build --seeds DIR --outputs DIR --cache DIR

Runs ``syria-events`` (the same arguments) in this process with the stages' functions wrapped:
each line gives the CPU seconds of this process (``time.process_time``: DuckDB's threads
included; a map on a LocalCluster runs in other processes and is not counted), the wall seconds
and the number of calls. Indented lines are parts of the line above them; what no line names
(imports, Dagster, the ``latest`` step) is the total less the unindented lines. A +1 build: copy
a built corpus's outputs and cache, add a document, run this (BENCHMARKS.md, perf-incr3).
"""

from __future__ import annotations

import atexit
import functools
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TIMES: dict[str, list[float]] = {}
C0, W0 = time.process_time(), time.perf_counter()


def wrap(owner, name: str, label: str) -> None:
    """Replace ``owner.name`` by a function that adds its CPU and wall seconds to ``label``."""
    fn = getattr(owner, name)

    @functools.wraps(fn)
    def timed(*args, **kwargs):
        c, w = time.process_time(), time.perf_counter()
        try:
            out = fn(*args, **kwargs)
            return list(out) if hasattr(out, "__next__") else out     # a generator's work, here
        finally:
            t = TIMES.setdefault(label, [0.0, 0.0, 0])
            t[0] += time.process_time() - c
            t[1] += time.perf_counter() - w
            t[2] += 1
    setattr(owner, name, timed)


def report() -> None:
    print(f"{'total':<30} cpu {time.process_time() - C0:8.2f} s  wall {time.perf_counter() - W0:8.2f} s",
          file=sys.stderr)
    for label, (c, w, n) in TIMES.items():
        print(f"{label:<30} cpu {c:8.2f} s  wall {w:8.2f} s  calls {n}", file=sys.stderr)


def main(argv: list[str]) -> int:
    from pipeline import startup

    with startup.frozen_imports():
        from pipeline import build, candidates, mergememo, resolve
        from pipeline.cli import main as cli
        from pipeline.defs import assets, io_manager
    for owner, name, label in (
            (build, "discover", "discover"), (build, "run_map", "map (cached rows read)"),
            (io_manager.StageIOManager, "handle_output", "stage files written"),
            (assets, "_schema_result", "stage checks"),
            (build, "resolved_table", "resolution"), (resolve, "mention_features", "  text features"),
            (resolve, "context_places", "  context places"), (resolve, "_sql_tables", "  SQL input tables"),
            (candidates, "find_pairs", "  SQL (find_pairs)"), (resolve, "exact_scores", "  exact scores"),
            (resolve, "_merge_in_batches", "  merge"), (mergememo, "content_keys", "    memo: content keys"),
            (mergememo.MergeMemo, "pair_facts", "    memo: pair facts read"),
            (mergememo.MergeMemo, "parts", "    memo: parts read"),
            (mergememo.MergeMemo, "keep_pairs", "    memo: pair facts written"),
            (mergememo.MergeMemo, "keep_parts", "    memo: parts written"),
            (build, "published_tables", "published tables assembled"),
            (assets, "write_table", "published tables validated, written")):
        wrap(owner, name, label)
    atexit.register(report)
    return cli(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
