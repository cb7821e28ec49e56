"""Where the per-document map's CPU goes, on the synthetic corpus (``benchmarks/corpus.py``), as one
worker runs it: ``pipeline.build.extract_with_features`` over chunks of ``CHUNK_DOCS`` documents
of one run, in this process, after ``docmap.warm_up`` (what each Dask worker does).

    .venv/bin/python benchmarks/bench_map.py [--docs 1000] [--chunk 64] [--no-features-memo]

Prints the CPU time (``time.process_time``: other processes on the machine matter less than for
wall time, though a loaded machine still inflates it) per document of the whole map and of its
parts, each measured around one function (so the parts nest: ``extract_prose`` holds the dates,
the statements, the figures ...), and the cyclic garbage collector's share. A part's time
includes the regular expressions it runs. ``--no-features-memo`` computes the text features of
every chunk's texts, as before a worker remembered the texts it already did in the run.

Also prints a digest of the rows the map produced (``bench_extract.digest`` of the extraction's
tables without the code's ``version``; the text features as a sorted set of rows without their
cache key and version, which hash the code): an optimisation must leave it unchanged.
"""

from __future__ import annotations

import argparse
import collections
import gc
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_extract import digest  # noqa: E402
from corpus import make_corpus  # noqa: E402

from pipeline import build, docmap  # noqa: E402
from pipeline.discover import inspect, list_inputs  # noqa: E402

SPENT: collections.Counter = collections.Counter()
LABELS: list[str] = []


def timed(owner, name: str, label: str) -> None:
    """Count the CPU time of ``owner.name`` under ``label`` (``owner``: the module or class the
    caller looks the function up in)."""
    fn = getattr(owner, name)
    LABELS.append(label)

    def wrapper(*args, **kwargs):
        t = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            SPENT[label] += time.process_time() - t

    setattr(owner, name, wrapper)


def instrument() -> None:
    import pipeline.dates as dates
    import pipeline.extract as extract
    import pipeline.language as language
    import pipeline.parsers as parsers
    import pipeline.resolve as resolve
    import pipeline.screen as screen

    timed(parsers, "parse_document", "parse")   # docmap imports it at each call
    timed(language, "detect_language", "language")
    timed(extract, "extract_items", "extract_items")
    timed(extract, "extract_prose", "extract_prose")
    timed(dates.DateResolver, "resolve", "  dates (DateResolver.resolve)")
    timed(extract, "classify", "  statements.classify")
    timed(extract, "reports_happening", "  statements.reports_happening")
    timed(extract, "_add_figures", "  casualty figures")
    timed(extract, "event_type_of", "  event type (classify)")
    timed(extract, "event_places", "  places of a statement")
    timed(extract, "match_actors", "  actors")
    timed(extract, "strip_links", "  strip_links")
    timed(extract, "split_sentences", "  split_sentences")
    timed(extract, "locate_mentions", "locate_mentions")
    timed(screen, "screen", "screen (pandera)")
    timed(docmap, "to_tables", "to_tables (Arrow)")
    timed(resolve, "text_feature_table", "text features (resolve.text_feature_table)")


def rows_digest(chunks: list[dict]) -> str:
    """sha256 of the map's rows: the extraction's tables in order, the text features as a set."""
    import hashlib

    import pyarrow as pa

    features = set()
    for tables in chunks:
        table = tables.pop(build.FEATURES, None)
        if table is not None:
            table = table.drop_columns([c for c in ("cache_key", "version") if c in table.column_names])
            features.update(repr(tuple(sorted(row.items()))) for row in table.to_pylist())
    tables = {name: pa.concat_tables([t[name] for t in chunks]) for name in chunks[0]}
    h = hashlib.sha256(digest(tables).encode())
    for row in sorted(features):
        h.update(row.encode() + b"\n")
    return h.hexdigest()


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--chunk", type=int, default=build.CHUNK_DOCS)
    ap.add_argument("--no-features-memo", action="store_true")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench_map_") as tmp:
        corpus = Path(tmp) / "corpus"
        make_corpus(corpus, args.docs)
        records = [inspect(corpus, rel) for rel in list_inputs(corpus)]
        items = [docmap.MapItem(r.sha256 or r.path, r, (corpus / r.path).read_bytes())
                 for r in records if r.problem is None]
    docmap.warm_up()
    docmap.extractor_versions()
    instrument()
    in_gc = [0.0, 0.0]

    def on_gc(phase: str, _info: dict) -> None:
        if phase == "start":
            in_gc[1] = time.process_time()
        else:
            in_gc[0] += time.process_time() - in_gc[1]

    gc.callbacks.append(on_gc)
    mentions = 0
    chunks = []
    cpu = time.process_time()
    for i in range(0, len(items), args.chunk):
        run = "" if args.no_features_memo else "bench"
        chunk = build.extract_with_features(items[i:i + args.chunk], run=run)
        mentions += chunk.tables["mentions"].num_rows
        chunks.append(chunk.tables)
    total = time.process_time() - cpu
    gc.callbacks.remove(on_gc)
    print(f"digest {rows_digest(chunks)}")
    n = len(items)
    print(f"{n} documents, {mentions:,} mentions, chunks of {args.chunk}: {total:.2f} s CPU = "
          f"{total / n * 1000:.1f} ms per document")
    for label in LABELS:
        print(f"  {label:<45} {SPENT[label] / n * 1000:6.1f} ms/doc  {SPENT[label] / total:6.1%}")
    print(f"  {'cyclic garbage collector (inside the above)':<45} {in_gc[0] / n * 1000:6.1f} ms/doc  "
          f"{in_gc[0] / total:6.1%}")


if __name__ == "__main__":
    main(sys.argv[1:])
