"""Benchmark of event resolution (pipeline/resolve.py) on synthetic corpora of mentions.

Each size runs in a fresh subprocess so that its peak resident memory is its own. Prints, per size:
mentions, seconds, events found, seconds per (n log2 n) x 1e6, and peak RSS. Run:

    .venv/bin/python benchmarks/bench_resolve.py [12500 25000 50000 100000]

Or resolve the mentions of a real build (its ``extracted_mentions`` stage, e.g. of the 5,000-document
corpus of ``bench_scale.py``) in this process, with the build's feature cache, as a +1 build does:
prints the run's ``resolution`` summary, wall and CPU seconds (DuckDB's threads included), peak RSS
and a digest of the resolved columns of every mention (equal digests: equal resolution). The
mentions are resolved as the build resolves them: the encyclopedia articles among the documents
(whose body sections tell different happenings) are read from the stages beside the given one
(``discovered_files``, ``parsed_documents``), so the digest is the build's:

    .venv/bin/python benchmarks/bench_resolve.py --stage BUILD/stages/extracted_mentions.parquet [--cache DIR]

The corpus: 60% distinct events spread over 2015-2024 (70% day, 25% month, 5% year precision),
40% re-tellings of one of them in another document (words dropped and reordered, same place,
sometimes a coarser date), with places from a pool of 300 names and actors from 12.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

VOCAB = [f"w{i}" for i in range(20000)]
PLACES = [f"Place{i}" for i in range(300)]
ACTORS = ["Russia", "Syrian government", "ISIL", "al-Nusra Front", "Turkey", "United States", "Iran",
          "Hezbollah", "Free Syrian Army", "Syrian Democratic Forces", "Israel", "United Nations"]


def corpus(n: int, seed: int = 7):
    import datetime as dt

    import pandas as pd

    rng = random.Random(seed)
    base = dt.date(2015, 1, 1)
    rows = []
    originals = []
    for i in range(n):
        if originals and rng.random() < 0.4:
            o = rng.choice(originals)
            words = [w for w in o["words"] if rng.random() > 0.3]
            rng.shuffle(words)
            date, prec = o["date"], o["prec"]
            if prec == "day" and rng.random() < 0.3:
                date, prec = date.replace(day=1), "month"
            place, actors = o["place"], o["actors"]
        else:
            words = rng.sample(VOCAB, 14)
            prec = rng.choices(["day", "month", "year"], [0.7, 0.25, 0.05])[0]
            date = base + dt.timedelta(days=rng.randrange(3650))
            date = {"day": date, "month": date.replace(day=1), "year": date.replace(month=1, day=1)}[prec]
            place, actors = rng.choice(PLACES), rng.sample(ACTORS, 2)
            originals.append({"words": words, "date": date, "prec": prec, "place": place, "actors": actors})
        rows.append({
            "mention_id": f"m{i:08d}", "doc_id": f"d{i // 20:06d}", "section": None,
            "kind": "narrative", "text": f"On that day {' '.join(words)} in {place}.",
            "date": pd.Timestamp(date), "date_precision": prec, "places": [place], "actors": actors,
            "admin1": None, "geo_precision": "place",
        })
    return pd.DataFrame(rows)


def run_one(n: int) -> dict:
    from pipeline.resolve import resolve

    df = corpus(n)
    t0 = time.perf_counter()
    out = resolve(df, articles=frozenset())     # synthetic documents have no format: none is an article
    secs = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mentions": n, "seconds": round(secs, 2), "events": int(out["event_id"].nunique()),
            "peak_rss_mb": round(peak_mb)}


DIGEST_COLUMNS = ["mention_id", "event_id", "match_rule", "match_score", "match_evidence", "cannot_link"]


def resolve_stage(path: str, cache: str | None = None):
    """The mentions of a build's ``extracted_mentions`` stage resolved as the build resolves them
    (``pipeline.build.resolved_table``: the stage read as Arrow, resolution given the columns it
    reads; the articles read from the stages beside it: ``build.stage_article_ids``); no event ids
    carried forward (as a build without releases). Returns (the resolved columns of every mention
    as pandas, with resolution's statistics in ``attrs["resolution"]``; wall seconds, CPU
    seconds) of the resolution alone."""
    import pyarrow.parquet as pq

    from pipeline import build
    from pipeline.io import to_pandas

    table = pq.read_table(path)
    articles = build.stage_article_ids(Path(path).parent)
    t0, c0 = time.perf_counter(), time.process_time()
    out, stats = build.resolved_table(table, cache_dir=Path(cache) if cache else None, articles=articles)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    df = to_pandas(out.select(DIGEST_COLUMNS))
    df.attrs["resolution"] = stats
    return df, wall, cpu


def resolved_digest(out) -> str:
    """A digest of every mention's resolved columns (equal digests: equal resolution)."""
    import hashlib

    h = hashlib.sha256()
    for row in out[DIGEST_COLUMNS].itertuples(index=False):
        h.update(repr(tuple(row)).encode())
    return h.hexdigest()[:16]


def run_stage(path: str, cache: str | None) -> None:
    out, wall, cpu = resolve_stage(path, cache)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stats = out.attrs["resolution"]
    print(stats["summary"])
    print(json.dumps({k: v for k, v in stats.items() if k != "summary"}))
    print(f"wall {wall:.1f} s, CPU {cpu:.1f} s, peak RSS {peak_mb:,.0f} MB (process, the mentions included), "
          f"events {out['event_id'].nunique()}, digest {resolved_digest(out)}")


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--stage":
        run_stage(argv[1], argv[3] if len(argv) > 3 and argv[2] == "--cache" else None)
        return
    if argv and argv[0] == "--one":
        print(json.dumps(run_one(int(argv[1]))))
        return
    import math

    sizes = [int(a) for a in argv] or [12500, 25000, 50000, 100000]
    print(f"{'mentions':>9} {'seconds':>8} {'events':>8} {'us/(n log2 n)':>14} {'peak RSS MB':>12}")
    for n in sizes:
        res = json.loads(subprocess.run([sys.executable, __file__, "--one", str(n)], check=True,
                                        capture_output=True, text=True).stdout)
        per = res["seconds"] / (n * math.log2(n)) * 1e6
        print(f"{n:>9} {res['seconds']:>8} {res['events']:>8} {per:>14.3f} {res['peak_rss_mb']:>12}")


if __name__ == "__main__":
    main(sys.argv[1:])
