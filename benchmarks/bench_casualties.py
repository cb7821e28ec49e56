"""Throughput of ``pipeline.casualties.extract_figures`` on the seed sentences.

Reads every sentence-like piece of the seed documents (text split on newlines and ". "),
repeats them to about 200,000 sentences, runs ``extract_figures`` on each and prints
sentences/second and the number of figures found. Standard library only.

    .venv/bin/python benchmarks/bench_casualties.py [--target N] [--repeat R]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.casualties import extract_figures  # noqa: E402


def seed_sentences(seeds: Path) -> list[str]:
    out: list[str] = []
    for path in sorted(seeds.glob("*")):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for line in text.splitlines():
            for piece in line.split(". "):
                piece = piece.strip()
                if len(piece) >= 3:
                    out.append(piece)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--target", type=int, default=200_000, help="sentences per run")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs (best one is reported)")
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    args = ap.parse_args(argv)

    base = seed_sentences(args.seeds)
    if not base:
        print(f"no sentences under {args.seeds}", file=sys.stderr)
        return 1
    reps = max(1, -(-args.target // len(base)))
    sentences = (base * reps)[: args.target]
    per_pass = sum(len(extract_figures(s)) for s in base)  # warm-up + sanity
    with_fig = sum(1 for s in base if extract_figures(s))

    best = float("inf")
    found = 0
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        found = 0
        for s in sentences:
            found += len(extract_figures(s))
        best = min(best, time.perf_counter() - t0)

    n = len(sentences)
    print(f"seed sentences:        {len(base)} ({with_fig} with figures, {per_pass} figures)")
    print(f"sentences per run:     {n}")
    print(f"figures found per run: {found}")
    print(f"best time:             {best:.3f} s")
    print(f"throughput:            {n / best:,.0f} sentences/second")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
