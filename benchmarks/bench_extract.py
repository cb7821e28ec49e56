"""CPU cost of the per-document map (``pipeline.docmap.extract_chunk``: parse, extract, locate,
screen) per document, over the documents of ``seeds/``, with no cache, in chunks of
``pipeline.build.CHUNK_DOCS`` documents as the build's map sends them (``--chunk`` to change).

    .venv/bin/python benchmarks/bench_extract.py [--runs 3] [--profile tottime|cumtime] [--top 40]

Each run is a new process (as a worker is: what the extraction remembers between documents
starts empty). Prints the CPU time of each run (``time.process_time``, so other processes on the
machine matter less than for wall time), the best run in ms per document, and a digest of the rows the map
produced (without the ``version`` column, which hashes the code): an optimisation of the
extraction must leave the digest unchanged. ``--profile`` runs once under cProfile instead.
The gazetteer and the Public Suffix List are loaded before timing (``docmap.warm_up``), as every
worker does before its first task.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import pstats
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pyarrow as pa  # noqa: E402

from pipeline.build import CHUNK_DOCS  # noqa: E402
from pipeline.discover import inspect, list_inputs  # noqa: E402
from pipeline.docmap import MapItem, extract_chunk, extractor_versions, warm_up  # noqa: E402


def extract_all(items: list[MapItem], chunk: int) -> dict[str, pa.Table]:
    """The map over ``items``, ``chunk`` documents per call, as one table per kind."""
    parts = [extract_chunk(items[i:i + chunk]).tables for i in range(0, len(items), chunk)]
    return {name: pa.concat_tables([p[name] for p in parts]) for name in parts[0]}


def digest(tables: dict[str, pa.Table]) -> str:
    """sha256 of the rows of every table (Arrow IPC), without the code's ``version``."""
    h = hashlib.sha256()
    for name, table in sorted(tables.items()):
        table = table.drop_columns([c for c in ("version",) if c in table.column_names]).combine_chunks()
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
        h.update(name.encode() + b"\0" + sink.getvalue().to_pybytes())
    return h.hexdigest()


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--profile", choices=["tottime", "cumtime"], help="one run under cProfile, sorted so")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--chunk", type=int, default=CHUNK_DOCS, help="documents per chunk")
    ap.add_argument("--one", action="store_true", help=argparse.SUPPRESS)   # one run, in this process
    args = ap.parse_args(argv)
    if not args.one and not args.profile:
        times, last = [], ""
        for _ in range(args.runs):
            out = subprocess.run([sys.executable, __file__, "--one", "--seeds", str(args.seeds),
                                  "--chunk", str(args.chunk)],
                                 check=True, capture_output=True, text=True).stdout
            times.append(float(out.split()[0]))
            last = out
        n = int(last.split()[1])
        print(f"CPU per run: {', '.join(f'{t:.2f}' for t in times)} s; best "
              f"{min(times) / n * 1000:.1f} ms/document over {n} documents")
        print(last.split("\n", 1)[1], end="")
        return

    records = [inspect(args.seeds, rel) for rel in list_inputs(args.seeds)]
    items = [MapItem(r.sha256 or r.path, r, (args.seeds / r.path).read_bytes()) for r in records
             if r.problem is None]
    warm_up()
    extractor_versions()
    import pipeline.screen  # noqa: F401  (imported by the first chunk of every worker)
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        result = extract_all(items, args.chunk)
        prof.disable()
        pstats.Stats(prof).sort_stats(args.profile).print_stats(args.top)
    else:
        t = time.process_time()
        result = extract_all(items, args.chunk)
        print(f"{time.process_time() - t:.3f} {len(items)}")
    print("rows: " + ", ".join(f"{name} {t.num_rows:,}" for name, t in sorted(result.items())))
    print(f"digest {digest(result)}")


if __name__ == "__main__":
    main(sys.argv[1:])
