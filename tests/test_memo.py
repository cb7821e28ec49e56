"""Steps whose inputs did not change are not run again (pipeline.memo): a second build of the same
seeds with the same code copies the kept resolution and tables, byte for byte what the first build
wrote; another input byte, or an altered kept file, and the step runs again."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from pipeline import build, memo
from pipeline.memo import StepMemo
from schemas import TABLES

from .conftest import FIXTURES, copy_seeds, project_paths
from .conftest import build as run_build


def table_bytes(latest: Path) -> dict[str, str]:
    return {t: hashlib.sha256((latest / f"{t}.parquet").read_bytes()).hexdigest() for t in TABLES}


def resolve_meta(result) -> dict:
    (m,) = result.asset_materializations_for_node("resolved_mentions")
    return {k: v.value for k, v in m.metadata.items()}


def validated(result) -> dict[str, bool]:
    """table -> rows_validated of its published schema check."""
    return {e.asset_key.path[-1]: e.metadata["rows_validated"].value for e in result.get_asset_check_evaluations()
            if e.check_name == "schema" and e.asset_key.path[-1] in TABLES}


@pytest.fixture(scope="module")
def first(tmp_path_factory):
    """The five seeds built once with a cache of their own: (paths, result, tables' sha256)."""
    root = tmp_path_factory.mktemp("memo")
    paths = project_paths(root, copy_seeds(root / "seeds"), cache=root / "cache")
    result = run_build(paths)
    return paths, result, table_bytes(paths.latest)


def test_a_build_of_unchanged_inputs_reuses_resolution_and_tables_byte_for_byte(first, monkeypatch):
    paths, result, tables = first
    assert resolve_meta(result)["mentions"] == 450 and "reused" not in resolve_meta(result)
    # every table validated as it is written, but event_mentions: the resolved stage's rows, which
    # its blocking check validated with the same model just before (integrity.passed_before)
    assert validated(result) == {**dict.fromkeys(TABLES, True), "event_mentions": False}
    kept = sorted(p.parent.parent.name for p in (paths.cache / "memo").glob("*/*/meta.json"))
    assert kept == ["resolved_mentions", "tables"]

    def must_not_run(*args, **kwargs):
        raise AssertionError("resolution ran again on unchanged inputs")

    monkeypatch.setattr(build, "resolved_mentions", must_not_run)
    monkeypatch.setattr(build, "published_tables", must_not_run)
    again = run_build(paths)
    meta = resolve_meta(again)
    assert meta["reused"] is True and meta["mentions"] == 450 and meta["merges"] == resolve_meta(result)["merges"]
    assert meta["summary"].startswith("resolve: 450 mentions, the resolution of an earlier build")
    assert validated(again) == dict.fromkeys(TABLES, False)          # kept files: rows not validated again
    assert table_bytes(paths.latest) == tables
    assert again.run_id != result.run_id and paths.latest.resolve().name == again.run_id


def test_another_input_or_an_altered_kept_file_runs_the_steps_again(first, tmp_path):
    paths, _, tables = first
    cache = shutil.copytree(paths.cache, tmp_path / "cache")
    seeds = shutil.copytree(paths.seeds, tmp_path / "seeds")

    # a kept table altered in the cache: a miss, the tables are made again (and the same as before)
    (kept,) = (cache / "memo" / "tables").iterdir()
    (kept / "events.parquet").write_bytes(b"not the kept file")
    same = project_paths(tmp_path / "same", seeds, cache=cache)
    result = run_build(same)
    assert validated(result) == {**dict.fromkeys(TABLES, True), "event_mentions": False}
    assert resolve_meta(result)["reused"] is True
    assert table_bytes(same.latest) == tables

    # one more document: other mentions, so resolution and the tables run
    shutil.copy(FIXTURES / "current_events_unpadded_date.md", seeds / "extra.md")
    grown = project_paths(tmp_path / "grown", seeds, cache=cache)
    result = run_build(grown)
    assert "reused" not in resolve_meta(result) and resolve_meta(result)["mentions"] > 450
    assert validated(result) == {**dict.fromkeys(TABLES, True), "event_mentions": False}
    assert json.loads((grown.latest / "build.json").read_text())["tables"]["documents"]["rows"] == 6


def test_step_memo_keys_files_and_code_and_keeps_the_newest_entries(tmp_path, monkeypatch):
    a, b = tmp_path / "a.parquet", tmp_path / "b.parquet"
    a.write_bytes(b"stage a")
    b.write_bytes(b"stage b")
    store = StepMemo(tmp_path / "cache", "step")
    assert StepMemo(None, "step").key({"a": a}) is None                     # no cache folder: nothing kept
    assert store.key({"a": a, "missing": tmp_path / "missing.parquet"}) is None
    key = store.key({"a": a, "b": b}, "ids")
    assert key == store.key({"b": b, "a": a}, "ids") != store.key({"a": a, "b": b}, "other ids")
    assert store.get(key) is None
    store.put(key, {"out.parquet": a}, {"rows": 1})
    files, meta = store.get(key)
    assert files["out.parquet"].read_bytes() == b"stage a" and meta == {"rows": 1}
    kept = store.get(key)
    assert store.read(kept, "out.parquet", Path.read_bytes) == b"stage a"
    with pytest.raises(FileNotFoundError):                                  # not about the kept file: raised
        store.read(kept, "out.parquet", lambda p: (tmp_path / "elsewhere" / "x").read_bytes())
    files["out.parquet"].unlink()                                           # pruned by another build meanwhile
    assert store.read(kept, "out.parquet", Path.read_bytes) is None and store.get(key) is None
    store.put(key, {"out.parquet": a}, {"rows": 1})                        # kept again
    assert store.get(key)[0]["out.parquet"].read_bytes() == b"stage a"

    b.write_bytes(b"stage b, one byte more")                              # another input byte
    changed = store.key({"a": a, "b": b}, "ids")
    assert changed != key
    monkeypatch.setattr(memo, "code_version", lambda: "edited code")       # another code version
    assert store.key({"a": a, "b": b}, "ids") not in (changed, None)
    monkeypatch.undo()
    assert store.key({"a": a, "b": b}, "ids") == changed

    for i in range(memo.KEEP + 2):                                          # only the newest KEEP stay
        store.put(f"k{i}", {"out.parquet": a})
    left = sorted(p.name for p in (tmp_path / "cache" / "memo" / "step").iterdir())
    assert len(left) == memo.KEEP and f"k{memo.KEEP + 1}" in left and key not in left
