"""A build is all or nothing (issue: integrity). Fault tests: a failed check, a full disk, a
read-only folder, a kill at several points, two builds at once, a bad --seeds folder. Each leaves
``outputs/latest`` byte for byte as it was, and ``release`` never publishes a mix."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline import build as build_module
from pipeline import builds
from pipeline import release as rel
from pipeline.cli import main
from pipeline.defs.resources import ProjectPaths
from pipeline.defs.runner import BuildFailed
from pipeline.paths import REPO_ROOT
from schemas import TABLES

from .conftest import FIXTURES, SHARED, build, copy_seeds, project_paths


def snapshot(outputs: Path) -> dict:
    """Where latest points and the sha256 of every file behind it (its stage datasets included)."""
    latest = outputs / "latest"
    return {"target": os.readlink(latest),
            **{p.relative_to(latest).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
               for p in sorted(latest.rglob("*")) if p.is_file()}}


@pytest.fixture(scope="module")
def template(tmp_path_factory, seed_build, seeds_only) -> Path:
    """The five seeds and their build (seeds/ and outputs/ under the returned root): the run's
    ``seed_build`` of them, copied (its ``latest`` link is relative, and nothing in outputs/ names
    the folder it was built in: ``built`` copies this template for every test)."""
    root = tmp_path_factory.mktemp("template")
    shutil.copytree(seeds_only, root / "seeds")
    shutil.copytree(seed_build[0] / "outputs", root / "outputs", symlinks=True)
    return root


def own_cache(paths: ProjectPaths) -> ProjectPaths:
    """``paths`` with a cache of its own: a build whose code a test changed in-process (monkeypatch)
    must not reuse steps kept by content and code files (``pipeline.memo``) in the shared cache."""
    return paths.model_copy(update={"cache_dir": str(Path(paths.outputs) / "own-cache")})


@pytest.fixture()
def built(template, tmp_path) -> tuple[ProjectPaths, dict]:
    """A copy of the module's build of the five seeds in tmp_path (seeds/, outputs/ with its builds
    and the latest link); returns the paths and latest's snapshot."""
    shutil.copytree(template / "seeds", tmp_path / "seeds")
    shutil.copytree(template / "outputs", tmp_path / "outputs", symlinks=True)
    paths = project_paths(tmp_path, tmp_path / "seeds")
    return paths, snapshot(paths.outputs)


def test_build_folder_manifest_and_latest_link(built):
    paths, snap = built
    assert paths.latest.is_symlink() and snap["target"].startswith("builds/")
    manifest = builds.verify_build(paths.latest, list(TABLES))
    assert manifest["complete"] is True and manifest["build_id"] == Path(snap["target"]).name
    assert {i["path"] for i in manifest["inputs"]} == {p.name for p in paths.seeds.iterdir()}
    seed0 = next(i for i in manifest["inputs"] if i["path"] == "000_01db5f8cfd1b4047.txt")
    assert seed0["sha256"] == hashlib.sha256((paths.seeds / seed0["path"]).read_bytes()).hexdigest()
    assert manifest["tables"]["documents"]["rows"] == 5
    assert manifest["tables"]["events"]["sha256"] == snap["events.parquet"]


def test_schema_failure_in_one_table_leaves_latest_as_it_was(built, monkeypatch):
    paths, before = built
    (paths.seeds / "extra.md").write_bytes((FIXTURES / "current_events_unpadded_date.md").read_bytes())
    real = build_module.casualty_figures_table

    def broken(*args):
        df = real(*args)
        df.loc[:, "outcome"] = "not-an-outcome"      # refused by the schema
        return df

    monkeypatch.setattr(build_module, "casualty_figures_table", broken)
    with pytest.raises(BuildFailed, match="outputs/latest was not changed"):
        build(own_cache(paths))
    assert snapshot(paths.outputs) == before
    # the failed build's folder is there, incomplete, and cannot be released
    failed = [d for d in paths.builds.iterdir() if d.name != Path(before["target"]).name]
    assert len(failed) == 1 and not (failed[0] / builds.BUILD_MANIFEST).exists()
    with pytest.raises(rel.ReleaseError, match="lacks casualty_figures.parquet"):
        rel.publish_release(failed[0], paths.releases)


def test_failed_build_then_release_publishes_the_previous_build(built, monkeypatch):
    paths, before = built
    (paths.seeds / "extra.md").write_bytes((FIXTURES / "current_events_unpadded_date.md").read_bytes())
    monkeypatch.setattr(build_module, "related_links_table", lambda *a: pd.DataFrame({"nonsense": [1]}))
    with pytest.raises(BuildFailed):
        build(own_cache(paths))
    info = rel.publish_release(paths.latest, paths.releases)
    for t in TABLES:
        got = hashlib.sha256((info.path / f"{t}.parquet").read_bytes()).hexdigest()
        assert got == before[f"{t}.parquet"], t


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "no space left on the device of"),
                                         (errno.EROFS, "read-only file system at")])
def test_disk_full_or_read_only_is_one_line_naming_the_folder(built, monkeypatch, capsys, code, words):
    paths, before = built
    import pipeline.io as io

    def refuse(table, where, **kw):
        raise OSError(code, os.strerror(code), str(where))

    def refuse_writer(where, schema, **kw):
        raise OSError(code, os.strerror(code), str(where))

    # the two ways pipeline.io writes Parquet: whole tables, and sorted tables one row group at a time
    monkeypatch.setattr(io.pq, "write_table", refuse)
    monkeypatch.setattr(io.pq, "ParquetWriter", refuse_writer)
    rc = main(["build", "--seeds", str(paths.seeds), "--outputs", str(paths.outputs), "--cache", paths.cache_dir])
    err = capsys.readouterr().err.strip()
    assert rc == 1 and len(err.splitlines()) == 1
    assert words in err and str(paths.builds) in err and "outputs/latest was not changed" in err
    assert snapshot(paths.outputs) == before


def test_tampered_or_partial_build_is_refused_by_release(built, tmp_path):
    paths, _ = built
    copy = shutil.copytree(paths.latest, tmp_path / "copy")
    (copy / "sources.parquet").write_bytes(b"not the built file")
    with pytest.raises(rel.ReleaseError, match="sources.parquet changed since it was built"):
        rel.publish_release(copy, tmp_path / "releases")
    (copy / "sources.parquet").unlink()
    with pytest.raises(rel.ReleaseError, match="lacks sources.parquet"):
        rel.publish_release(copy, tmp_path / "releases")
    (copy / builds.BUILD_MANIFEST).unlink()
    shutil.copy(paths.latest / "sources.parquet", copy / "sources.parquet")
    with pytest.raises(rel.ReleaseError, match="has no build.json"):
        rel.publish_release(copy, tmp_path / "releases")
    assert not (tmp_path / "releases" / "1.0.0").exists()


@pytest.mark.parametrize("case", ["missing", "empty", "a_file", "unreadable"])
def test_bad_seeds_folder_is_a_one_line_error_and_writes_nothing(tmp_path, capsys, monkeypatch, case):
    seeds = tmp_path / "seeds"
    if case == "empty":
        seeds.mkdir()
    elif case == "a_file":
        seeds.write_text("not a folder")
    elif case == "unreadable":      # tests run as root, whom permissions do not stop: fail the listing
        seeds.mkdir()
        (seeds / "a.md").write_text("x")
        real = os.scandir
        monkeypatch.setattr(os, "scandir", lambda p=".": (_ for _ in ()).throw(PermissionError(
            errno.EACCES, "Permission denied", str(p))) if Path(p) == seeds else real(p))
    outputs = tmp_path / "outputs"
    rc = main(["build", "--seeds", str(seeds), "--outputs", str(outputs)])
    err = capsys.readouterr().err.strip()
    assert rc == 2 and len(err.splitlines()) == 1 and str(seeds) in err
    assert {"missing": "does not exist", "empty": "is empty", "a_file": "is not a folder",
            "unreadable": "cannot be read: Permission denied"}[case] in err
    assert not outputs.exists()


def test_old_builds_are_pruned(built):
    """Three older complete builds (copies of the current one, their manifests an hour, two and three
    hours old), a killed one from long ago and one still running: a new build keeps the newest
    three complete builds (itself among them), removes the killed one and leaves the running one."""
    paths, before = built
    for i in range(3):
        older = shutil.copytree(paths.latest.resolve(), paths.builds / f"older-{i}")
        then = time.time() - 3600 * (i + 1)
        os.utime(older / builds.BUILD_MANIFEST, (then, then))
    stale = paths.builds / "killed-long-ago"
    stale.mkdir()
    (stale / "events.parquet").write_bytes(b"half")
    old = time.time() - builds.STALE_AFTER_S - 60
    os.utime(stale / "events.parquet", (old, old))
    os.utime(stale, (old, old))
    fresh = paths.builds / "still-running"
    fresh.mkdir()
    build(paths)
    names = {d.name for d in paths.builds.iterdir()}
    complete = {n for n in names if (paths.builds / n / builds.BUILD_MANIFEST).exists()}
    assert len(complete) == builds.KEEP_BUILDS
    assert complete == {Path(os.readlink(paths.latest)).name, Path(before["target"]).name, "older-0"}
    assert "killed-long-ago" not in names and "still-running" in names


# --- faults that need another process: a kill midway, two builds at once -------------------------

BUILD_SCRIPT = textwrap.dedent("""
    import sys
    from pipeline.defs.resources import ProjectPaths
    from pipeline.defs.runner import materialize_all
    root, seeds, outputs, cache = sys.argv[1:5]
    materialize_all(ProjectPaths(root=root, seeds_dir=seeds, outputs_dir=outputs, cache_dir=cache))
""")


def start_build(root: Path, seeds: Path, outputs: Path, cache: Path) -> subprocess.Popen:
    """A build in another process, with its Dagster instance in ``root/.dagster``."""
    return subprocess.Popen([sys.executable, "-c", BUILD_SCRIPT, str(root), str(seeds), str(outputs), str(cache)],
                            cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_killed_build_leaves_latest_byte_for_byte(built, tmp_path):
    """SIGKILL a build of other seeds at several moments (imports, parsing and caching, writing
    tables): latest still points at the first build and every file is unchanged; a build that
    finished before the kill switched latest to a complete build of the new seeds. The killed
    builds share a cache of their own, so the first ones are killed while extracting."""
    paths, before = built
    other = copy_seeds(tmp_path / "other")
    (other / "000_01db5f8cfd1b4047.txt").unlink()
    for delay in (1.0, 2.5, 4.0):
        proc = start_build(tmp_path, other, paths.outputs, tmp_path / "cache")
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = snapshot(paths.outputs)
        if now["target"] != before["target"]:      # it finished first: latest is the whole new build
            manifest = builds.verify_build(paths.latest, list(TABLES))
            assert {i["path"] for i in manifest["inputs"]} == {p.name for p in other.iterdir()}
            before = now
        assert now == before, delay


def test_two_builds_at_once_do_not_mix(tmp_path):
    """Two builds of different seed folders into one outputs folder with one (new) Dagster storage
    and one cache, started together: both succeed, each build folder holds only its own documents,
    latest is one of them."""
    a = copy_seeds(tmp_path / "a")
    b = tmp_path / "b"
    b.mkdir()
    for name in ("002_f9a24864ad6fba31.txt", "004_041a935d91e2c885.txt"):
        shutil.copy(a / name, b / name)
    outputs = tmp_path / "outputs"
    procs = [start_build(tmp_path, s, outputs, SHARED["cache"]) for s in (a, b)]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()[-2000:]
    folders = [d for d in (outputs / "builds").iterdir() if (d / builds.BUILD_MANIFEST).exists()]
    assert len(folders) == 2
    seen = {}
    for d in folders:
        docs = pd.read_parquet(d / "documents.parquet")
        manifest = json.loads((d / builds.BUILD_MANIFEST).read_text())
        assert set(docs["path"]) == {i["path"] for i in manifest["inputs"]}
        builds.verify_build(d, list(TABLES))
        seen[frozenset(docs["path"])] = d.name
    assert set(seen) == {frozenset(p.name for p in a.iterdir()), frozenset(p.name for p in b.iterdir())}
    assert Path(os.readlink(outputs / "latest")).name in seen.values()


def test_foreign_key_problems_name_every_missing_value_once_sorted(seed_build, seeds_only, tmp_path):
    """The gate's foreign-key check on a build whose sources point at two events that do not exist
    (one of them twice)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pipeline.integrity import foreign_key_problems, gate

    root, _ = seed_build
    folder = tmp_path / "build"
    shutil.copytree(root / "outputs" / "latest", folder)
    assert gate(folder, seeds_only) == []
    src = pq.read_table(folder / "sources.parquet")
    ids = src.column("event_id").to_pylist()
    assert len(ids) == 16
    ids[:3] = ["evt_zz_missing", "evt_aa_missing", "evt_zz_missing"]
    i = src.schema.get_field_index("event_id")
    pq.write_table(src.set_column(i, src.schema.field(i), pa.array(ids, pa.string())), folder / "sources.parquet")
    problems = foreign_key_problems(folder)
    assert problems[("sources", "event_id")] == ["evt_aa_missing", "evt_zz_missing"]
    assert problems[("sources", "mention_id")] == [] and problems[("casualty_figures", "event_id")] == []
    assert gate(folder, seeds_only) == ["sources.event_id: 2 value(s) missing from events.event_id, e.g. evt_aa_missing"]
