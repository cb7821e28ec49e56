"""The compiled form of regular expressions kept between processes (``pipeline.startup.compiled_patterns``,
issue 11: the cold start): a pattern built from the kept code is the pattern ``re.compile`` makes,
the file is written once and read after, and a damaged file only costs time."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import startup
from pipeline.paths import CACHE_ENV
from pipeline.startup import _regex_cache_path, compiled_patterns

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def kept_here(tmp_path, monkeypatch):
    """The file in a folder of the test's own; this module's patterns kept as the pipeline's are."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(startup, "KEPT_MODULES", (*startup.KEPT_MODULES, __name__))
    monkeypatch.setattr(startup, "_store", None)


DATE = r"(?P<day>\d{1,2})\s+(?P<month>May|June)\b(?:,?\s+(?P<year>20\d\d))?"


def test_a_kept_pattern_is_the_compiled_one_and_is_read_back(tmp_path, monkeypatch):
    original = re._compile
    with compiled_patterns():
        assert re._compile is not original
        first = re.compile(DATE, re.I)
        with compiled_patterns():               # nested: the same store
            assert re.compile(DATE, re.I) is first
    assert re._compile is original               # re as it was after the body
    assert first == re.compile(DATE, re.I)       # same pattern, flags and code
    assert first.search("shelled on 5 MAY 2016 and").groupdict() == {"day": "5", "month": "MAY", "year": "2016"}
    path = _regex_cache_path()
    assert path.parent == tmp_path and path.name.startswith("regex-")
    written = path.stat().st_mtime_ns
    monkeypatch.setattr(startup, "_store", None)          # as a new process: from the file
    with compiled_patterns():                    # read back: nothing new, the file is left alone
        again = re.compile(DATE, re.I)
    assert again == first and again.groupindex == {"day": 1, "month": 2, "year": 3}
    assert path.stat().st_mtime_ns == written


def test_a_damaged_file_only_means_compiling_as_usual(tmp_path):
    path = _regex_cache_path()
    path.write_bytes(b"not a marshal file")
    with compiled_patterns():
        rx = re.compile(r"\b(?:killed|wounded)\s+(\d+)")
        assert rx.findall("killed 12 and wounded 30") == ["12", "30"]
    assert rx == re.compile(r"\b(?:killed|wounded)\s+(\d+)")
    assert path.read_bytes() != b"not a marshal file"          # rewritten with the pattern
    try:
        with compiled_patterns():
            re.compile(r"(unclosed")
        raise AssertionError("a bad pattern must raise")
    except re.error as exc:
        assert "missing )" in str(exc)


_CHECK = """
import re, sys
from pipeline.startup import compiled_patterns
with compiled_patterns():
    import pipeline.dates, pipeline.casualties, pipeline.places
n = 0
for module in (pipeline.dates, pipeline.casualties, pipeline.places):
    for name, value in vars(module).items():
        if isinstance(value, re.Pattern):
            assert value == re.compile(value.pattern, value.flags), name
            n += 1
print(n)
"""


def test_the_extraction_patterns_from_the_file_equal_compiled_ones(tmp_path):
    env = {**os.environ, CACHE_ENV: str(tmp_path)}
    counts = []
    for _run in range(2):                        # the first writes the file, the second reads it
        out = subprocess.run([sys.executable, "-c", _CHECK], cwd=ROOT, env=env, capture_output=True, text=True,
                             check=True)
        counts.append(int(out.stdout.split()[-1]))
    assert counts[0] == counts[1] > 100
    assert len(list(tmp_path.glob("regex-*.marshal"))) == 1


def test_what_the_prefilter_derives_is_kept_and_read_back(monkeypatch):
    # needles, the starting look-ahead and the lowercase twin of a pattern are read off its syntax
    # tree once per machine: kept with the patterns' code, read back in a new process without
    # parsing, and the same as derived without the file
    from pipeline import prefilter

    rx = re.compile(r"\b(?:killed|wounded)\s+(\d+)\s+(?:civilians|people)", re.I)
    plain = (prefilter.needles(rx), prefilter.starting(rx), prefilter.lowercase_twin(rx))
    assert plain[0] == frozenset({"killed", "wounded"})
    assert plain[1].pattern == r"(?=(?i:[kw]))(?:\b(?:killed|wounded)\s+(\d+)\s+(?:civilians|people))"
    assert plain[2].pattern == rx.pattern and not plain[2].flags & re.I
    with compiled_patterns():
        kept = (prefilter.needles(rx), prefilter.starting(rx), prefilter.lowercase_twin(rx))
    assert kept == plain
    with pytest.raises(ValueError, match="no lowercase twin"):          # a case-sensitive pattern has none
        prefilter.lowercase_twin(re.compile(r"Aleppo"))
    monkeypatch.setattr(startup, "_store", None)                       # as a new process: from the file

    def no_parse(*args):
        raise AssertionError("derived again")

    for name in ("_needles_of", "_starting_text", "_twin_text"):
        monkeypatch.setattr(prefilter, name, no_parse)
    with compiled_patterns():
        again = (prefilter.needles(rx), prefilter.starting(rx), prefilter.lowercase_twin(rx))
    assert again == plain


def test_a_library_pattern_is_compiled_as_usual(monkeypatch):
    monkeypatch.setattr(startup, "KEPT_MODULES", ("pipeline.",))
    with compiled_patterns():
        re.compile(r"\bnot\s+kept\b")
    assert startup._store is not None and startup._store.entries is None     # the file was never read


def test_a_chunk_of_the_map_runs_without_the_cyclic_collector(monkeypatch):
    """``docmap.extract_chunk`` runs its documents with the collector off and switches it back on;
    a collector someone else turned off stays off."""
    import gc

    from pipeline import docmap, startup

    seen = []
    monkeypatch.setattr(docmap, "process_document", lambda record, data: seen.append(gc.isenabled()) or
                        docmap.DocumentResult(record, stage="parse", reason="test"))
    from pipeline.discover import FileRecord

    items = [docmap.MapItem("k1", FileRecord("a.md", "00", 1, "wikipedia", None, None), b"x")]
    assert gc.isenabled()
    chunk = docmap.extract_chunk(items)
    assert seen == [False] and gc.isenabled()
    assert chunk.tables["docs"].column("reason").to_pylist() == ["test"]
    gc.disable()
    try:
        with startup.collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
