"""Scale (issue 11): the per-document map is cached by content and extractor version, runs on a
real Dask LocalCluster with the same results, and stages are checked between steps."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pyarrow as pa
import pytest

from pipeline import build, docmap
from pipeline.cache import MAX_SEGMENTS, SegmentStore
from pipeline.defs.resources import MapEngine
from pipeline.defs.runner import BuildFailed
from pipeline.engine import EngineSpec
from schemas import TABLES

from .conftest import FIXTURES, copy_seeds, project_paths
from .conftest import build as run_build

SERIAL = EngineSpec("serial")
ADDED = "current_events_unpadded_date.md"      # a current-events page of 2016-02-03 not in the seeds


def table_bytes(latest: Path) -> dict[str, str]:
    return {t: hashlib.sha256((latest / f"{t}.parquet").read_bytes()).hexdigest() for t in TABLES}


@pytest.fixture(scope="module")
def warm(tmp_path_factory) -> tuple[Path, Path]:
    """The five seeds and a cache holding their extraction (a serial map from scratch)."""
    root = tmp_path_factory.mktemp("warm")
    seeds = copy_seeds(root / "seeds")
    cache = root / "cache"
    _, report = build.run_map(seeds, build.discover(seeds, cache, SERIAL), cache, SERIAL)
    assert (report.extracted, report.cached) == (5, 0)
    return seeds, cache


def test_adding_one_document_extracts_only_it_and_gives_the_tables_of_a_full_build(warm, tmp_path):
    seeds, warm_cache = warm
    cache = shutil.copytree(warm_cache, tmp_path / "cache")
    grown = shutil.copytree(seeds, tmp_path / "seeds")
    shutil.copy(FIXTURES / ADDED, grown / ADDED)

    records = build.discover(grown, cache, SERIAL)
    _, report = build.run_map(grown, records, cache, SERIAL)
    assert (report.files, report.cached, report.extracted) == (6, 5, 1)

    daily = project_paths(tmp_path / "daily", grown, cache=cache)
    full = project_paths(tmp_path / "full", grown, cache=tmp_path / "empty_cache")
    run_build(daily)
    run_build(full)
    assert table_bytes(daily.latest) == table_bytes(full.latest)
    docs = {p.name for p in grown.iterdir()}
    assert set(__import__("pandas").read_parquet(full.latest / "documents.parquet")["path"]) == docs


def test_map_on_a_local_cluster_of_two_workers_gives_the_serial_tables(seed_build, seeds_only, tmp_path):
    """A real LocalCluster (2 worker processes, one document per task), from an empty cache: every
    table byte-identical to the serial build of the same seeds, and both workers extracted."""
    paths = project_paths(tmp_path, seeds_only, cache=tmp_path / "cache")
    result = run_build(paths, engine=MapEngine(mode="local", workers=2, chunk_docs=1))
    assert table_bytes(paths.latest) == table_bytes(seed_build[0] / "outputs" / "latest")
    meta = result.asset_materializations_for_node("extract")
    parsed = next(m for m in meta if m.asset_key.path == ["parsed_documents"]).metadata
    assert parsed["engine"].value == "dask" and parsed["workers"].value == 2
    assert parsed["extracted"].value == 5 and parsed["processes_used"].value == 2


def test_extractor_version_of_a_format_covers_its_parser_and_the_shared_code():
    sources = {"pipeline/extract.py": b"a", "pipeline/parsers/wikipedia.py": b"w",
               "pipeline/parsers/current_events.py": b"c"}
    formats = {"wikipedia": "pipeline/parsers/wikipedia.py", "current_events": "pipeline/parsers/current_events.py"}
    base = docmap.versions_of(sources, formats, "pkgs")
    parser_edit = docmap.versions_of({**sources, "pipeline/parsers/wikipedia.py": b"w2"}, formats, "pkgs")
    shared_edit = docmap.versions_of({**sources, "pipeline/extract.py": b"a2"}, formats, "pkgs")
    assert parser_edit["wikipedia"] != base["wikipedia"]
    assert parser_edit["current_events"] == base["current_events"]
    assert all(shared_edit[f] != base[f] for f in base)
    assert docmap.versions_of(sources, formats, "pyyaml=7") != base      # a package version counts too


def test_the_real_module_closure_reaches_every_extraction_module():
    files = {p.relative_to(docmap.PACKAGE_ROOT).as_posix() for p in docmap.module_closure("pipeline.docmap")}
    assert {"pipeline/extract.py", "pipeline/dates.py", "pipeline/casualties.py", "pipeline/places.py",
            "pipeline/actors.py", "pipeline/text.py", "pipeline/parsers/wikipedia.py",
            "pipeline/parsers/markdown.py", "pipeline/screen.py", "schemas/tables.py"} <= files
    assert "pipeline/resolve.py" not in files and "pipeline/build.py" not in files   # resolution is not extraction


def test_changing_one_parser_reextracts_exactly_its_documents(warm, tmp_path, monkeypatch):
    seeds, warm_cache = warm
    cache = shutil.copytree(warm_cache, tmp_path / "cache")
    real = docmap.extractor_versions()
    monkeypatch.setattr(docmap, "extractor_versions", lambda: {**real, "wikipedia": "edited-parser"})
    stages, report = build.run_map(seeds, build.discover(seeds, cache, SERIAL), cache, SERIAL)
    assert (report.extracted, report.cached) == (2, 3)            # 001 and 003 are the Wikipedia articles
    parsed = stages["parsed_documents"].to_pandas()
    assert parsed["stage"].isna().all() and len(parsed) == 5


def test_identified_formats_are_cached_by_content(warm, monkeypatch):
    seeds, cache = warm

    import pipeline.parsers

    def fail(text):
        raise AssertionError("identify ran although every file's bytes were seen before")

    monkeypatch.setattr(pipeline.parsers, "identify", fail)     # what discover calls for unseen bytes
    records = build.discover(seeds, cache, SERIAL)
    assert {r.path: r.format for r in records}["004_041a935d91e2c885.txt"] == "syrian_archive"
    assert {r.path: r.key for r in records}["000_01db5f8cfd1b4047.txt"] == "current_events:2015-11-25"


def test_an_unreadable_cache_segment_only_costs_time(warm, tmp_path):
    seeds, warm_cache = warm
    cache = shutil.copytree(warm_cache, tmp_path / "cache")
    good, _ = build.run_map(seeds, build.discover(seeds, warm_cache, SERIAL), warm_cache, SERIAL)
    for seg in (cache / "extract").glob("seg-*"):
        (seg / "docs.parquet").write_bytes(b"not parquet")
    again, report = build.run_map(seeds, build.discover(seeds, cache, SERIAL), cache, SERIAL)
    assert report.extracted == 5
    assert all(again[name].equals(good[name]) for name in good)


def test_a_worker_running_other_code_is_refused(warm, tmp_path, monkeypatch):
    seeds, _ = warm
    real = docmap.extract_chunk

    def other_code(items):
        out = real(items)
        out.versions = dict.fromkeys(out.versions, "someone-else")
        return out

    monkeypatch.setattr(docmap, "extract_chunk", other_code)
    with pytest.raises(RuntimeError, match="other extraction code"):
        build.run_map(seeds, build.discover(seeds, None, SERIAL), tmp_path / "cache", SERIAL)
    assert not list((tmp_path / "cache" / "extract").glob("seg-*"))       # nothing of it was kept


def test_segments_are_compacted_and_stale_versions_dropped(tmp_path):
    schema = pa.schema([pa.field("cache_key", pa.string(), nullable=False),
                        pa.field("version", pa.string(), nullable=False), pa.field("value", pa.int64())])
    store = SegmentStore(tmp_path, {"docs": schema})
    for i in range(MAX_SEGMENTS + 1):
        with store.writer() as w:
            w.append({"docs": pa.table({"cache_key": [f"k{i}"], "version": ["old" if i == 0 else "new"],
                                        "value": [i]}, schema=schema)})
    assert len(store.segments()) == MAX_SEGMENTS + 1
    assert store.compact({"new"}) is True
    assert len(store.segments()) == 1
    index = store.index()
    assert sorted(index) == [f"k{i}" for i in range(1, MAX_SEGMENTS + 1)]
    assert store.read(["k3"])["docs"].column("value").to_pylist() == [3]


def test_a_stage_that_fails_its_schema_stops_the_build_before_any_table(seeds_only, tmp_path, monkeypatch):
    real = build.resolved_mentions

    def broken(mentions, previous=None, cache_dir=None, articles=None):
        out = real(mentions, previous)
        out.loc[out.index[0], "match_rule"] = "guessed"          # not an allowed value
        return out

    monkeypatch.setattr(build, "resolved_mentions", broken)
    paths = project_paths(tmp_path, seeds_only, cache=tmp_path / "cache")   # no kept resolution (pipeline.memo)
    with pytest.raises(BuildFailed, match="resolved_mentions:schema"):
        run_build(paths)
    folder = next(paths.builds.iterdir())
    assert (folder / "stages" / "resolved_mentions.parquet").is_file()
    assert not list(folder.glob("*.parquet")) and not paths.latest.exists()


def test_resolution_word_vectors_are_in_sorted_word_order():
    """Word vectors are built in sorted word order, so a pair's score is summed in the same order in
    every process (a set's order follows PYTHONHASHSEED, and sums in another order differ in the
    last bit, enough to reorder equal scores): two builds of one corpus in two processes are
    byte-identical (checked on 1,000 edited documents, BENCHMARKS.md)."""
    import math

    from pipeline.resolve import _vector

    words = frozenset({"shelling", "aleppo", "hospital", "civilians", "district"})
    idf = {w: 1.0 + i / 7 for i, w in enumerate(sorted(words))}
    vec = _vector(words, idf)
    assert list(vec) == ["aleppo", "civilians", "district", "hospital", "shelling"]
    norm = math.sqrt(sum(idf[w] ** 2 for w in sorted(words)))
    assert vec["hospital"] == idf["hospital"] / norm


def test_the_map_computes_the_text_features_of_its_mentions_once_for_resolution(tmp_path):
    """The text features resolution reads are computed by the map's workers for the mentions of the
    documents they extract, one row per distinct text even when a text is told in two documents
    of two chunks (one document per chunk here), so resolving computes none of them."""
    from pipeline.resolve import feature_store, mention_features

    seeds = copy_seeds(tmp_path / "seeds")
    cache = tmp_path / "cache"
    one_per_chunk = EngineSpec("serial", chunk_docs=1)
    stages, _ = build.run_map(seeds, build.discover(seeds, cache, one_per_chunk), cache, one_per_chunk)
    texts = stages["extracted_mentions"].column("text").to_pylist()
    assert (len(texts), len(set(texts))) == (450, 440)       # one statement is in two of the seeds
    assert len(feature_store(cache).index()) == 440
    feats, rows, computed = mention_features(texts, cache)
    assert computed == 0 and feats.num_rows == 440
    capture = next(i for i, t in enumerate(texts) if " captured " in t)
    assert "capture" in feats.column("kinds").to_pylist()[rows[capture]]


def test_a_worker_computes_the_features_of_a_text_once_per_run(tmp_path):
    """A statement told in two documents of two chunks of one run gets its features in the first
    chunk only (the build's process already stores them); another run starts afresh."""
    seeds = copy_seeds(tmp_path / "seeds")
    records = [r for r in build.discover(seeds) if r.problem is None]
    items = [docmap.MapItem(r.sha256, r, (seeds / r.path).read_bytes()) for r in records]
    chunks = [build.extract_with_features([it], run="first") for it in items]
    mentions = sum(c.tables["mentions"].num_rows for c in chunks)
    featured = [c.tables[build.FEATURES].num_rows for c in chunks]
    assert (mentions, sum(featured)) == (450, 440)
    keys = [k for c in chunks for k in c.tables[build.FEATURES].column("cache_key").to_pylist()]
    assert len(set(keys)) == 440
    again = build.extract_with_features(items[-1:], run="second")
    assert again.tables[build.FEATURES].num_rows == len(set(again.tables["mentions"].column("text").to_pylist()))
    alone = [build.extract_with_features([it]).tables[build.FEATURES].num_rows for it in items]
    assert sum(alone) == 441


def test_the_map_s_tasks_shrink_towards_its_end():
    """Guided task sizes: a quarter of what is left per worker, between CHUNK_DOCS and
    MAX_CHUNK_DOCS; a size the caller gives is kept."""
    sizes = build.chunk_sizes(5000, 2)
    assert sum(sizes) == 5000 and len(sizes) == 30
    assert sizes[:12] == [256] * 12 and sizes[12:15] == [241, 210, 184] and sizes[-2:] == [64, 62]
    assert build.chunk_sizes(180, 1) == [64, 64, 52]
    assert build.chunk_sizes(5, 2, fixed=1) == [1] * 5 and build.chunk_sizes(0, 2) == []
