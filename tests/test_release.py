"""Releases: versions from diffs, changelog, datapackage, checksums, atomicity, Dagster automation."""

import datetime as dt
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import frictionless
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from pipeline import release as rel
from pipeline.cli import main
from pipeline.defs.automation import BUILD_CRON, daily_build, release_after_build, seeds_changed
from pipeline.defs.definitions import make_definitions
from pipeline.defs.resources import ProjectPaths
from pipeline.io import read_table, write_table
from pipeline.paths import REPO_ROOT
from schemas import TABLES
from schemas.contract import columns, table_meta

from .conftest import SHARED, build_into, copy_seeds, seal_build, seed_release_info

SEED_000 = "000_01db5f8cfd1b4047.txt"
SEED_002 = "002_f9a24864ad6fba31.txt"
ADDED_SUMMARY = "Russian aircraft strike positions near Palmyra in Homs Governorate."
ADDED_ITEM = (
    "11. [Russian military intervention in the Syrian Civil War. " + ADDED_SUMMARY + " ]"
    "(/news/2016/03/24/russian-military-intervention-in-the-syrian-civil-war-russian-aircraft-strike-"
    "positions-near-palmyra.md) _Context: Homs Governorate, Russia, Syria_\n")
PUTIN_2015_09_04 = "Russian President Vladimir Putin confirms that Russia is providing military aid"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add_related_item(seeds: Path) -> None:
    page = seeds / SEED_000
    page.write_text(page.read_text(encoding="utf-8").rstrip("\n") + "\n" + ADDED_ITEM, encoding="utf-8")


def tmp_dirs(releases: Path) -> list[str]:
    return [p.name for p in releases.iterdir() if p.name.startswith(rel.TMP_PREFIX)]


# --- builds and a release history shared by the module ---------------------------------------------

@pytest.fixture(scope="module")
def seed_latest(seed_build) -> Path:
    return seed_build[0] / "outputs" / "latest"


@pytest.fixture(scope="module")
def first_release(seed_releases) -> Path:
    """A releases folder holding only 1.0.0 of the seeds (conftest's ``seed_releases``, published once
    per run, possibly by another worker): tests copy it (``with_first_release``) or only read it."""
    return seed_releases


def with_first_release(first_release: Path, tmp_path: Path) -> Path:
    """A copy of ``first_release`` in ``tmp_path``: what ``publish_release(seed_latest, releases)`` leaves."""
    return shutil.copytree(first_release, tmp_path / "releases")


@pytest.fixture(scope="module")
def changed_latest(tmp_path_factory) -> Path:
    """The seeds with one related item appended to the 2015-11-25 current-events page."""
    root = tmp_path_factory.mktemp("changed")
    seeds = copy_seeds(root / "seeds")
    add_related_item(seeds)
    build_into(root, seeds)
    return root / "outputs" / "latest"


@pytest.fixture(scope="module")
def reduced_latest(changed_latest, tmp_path_factory) -> Path:
    """``changed_latest`` without the 2015-09-04 page: its rows (and events only it mentions) dropped,
    written through pipeline.io; nothing is re-resolved, so rows only disappear."""
    latest = tmp_path_factory.mktemp("reduced") / "latest"
    tables = {t: read_table(changed_latest / f"{t}.parquet") for t in TABLES}
    docs = tables["documents"]
    gone = docs.loc[docs["path"] == SEED_002, "doc_id"].item()
    for t, df in tables.items():
        if "doc_id" in df.columns:
            tables[t] = df[df["doc_id"] != gone]
    used = set(tables["event_mentions"]["event_id"]) | set(tables["related_links"]["to_event_id"])
    tables["events"] = tables["events"][tables["events"]["event_id"].isin(used)]
    for t, df in tables.items():
        write_table(t, df, latest)
    return seal_build(latest)


@pytest.fixture(scope="module")
def history(tmp_path_factory, seed_latest, first_release, changed_latest, reduced_latest) -> dict:
    """1.0.0 (seeds), same data again, 1.1.0 (item added), 1.1.1 (a page's rows removed), forced, maintainer.

    1.0.0 is the run's ``seed_releases`` (``publish_release(seed_latest, releases)`` made once per
    run: releases of the same tables are byte-identical, test_same_data_gives_byte_identical_releases),
    copied, with the ``ReleaseInfo`` that publication returned."""
    releases = with_first_release(first_release, tmp_path_factory.mktemp("history"))
    steps = {"first": seed_release_info(first_release, releases)}
    steps["same"] = rel.publish_release(seed_latest, releases)
    steps["added"] = rel.publish_release(changed_latest, releases)
    steps["removed"] = rel.publish_release(reduced_latest, releases)
    steps["forced"] = rel.publish_release(reduced_latest, releases, force=True)
    steps["maintainer"] = rel.publish_release(reduced_latest, releases, "2.0.0", force=True)
    steps["releases"] = releases
    return steps


# --- the release history -------------------------------------------------------------------------------

def test_first_release_is_1_0_0_with_every_file(history, seed_latest):
    info, releases = history["first"], history["releases"]
    assert (info.published, info.version, info.previous, info.change) == (True, "1.0.0", None, "initial")
    folder = releases / "1.0.0"
    assert info.path == folder
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [f"{t}.parquet" for t in TABLES] + [f"{t}.csv.gz" for t in TABLES]
        + ["CHANGELOG.md", "SHA256SUMS", "datapackage.json", "manifest.json", "index.html", "README.md",
           "CITATION.cff"])
    # tables are the validated latest files, byte for byte
    for t in TABLES:
        assert sha(folder / f"{t}.parquet") == sha(seed_latest / f"{t}.parquet"), t
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["version"] == "1.0.0" and manifest["previous"] is None
    assert manifest["pipeline_version"] == rel.pipeline_version() == "0.1.0"
    assert "created" not in manifest
    for t in TABLES:
        assert manifest["tables"][t]["rows"] == len(read_table(seed_latest / f"{t}.parquet")), t
        assert manifest["tables"][t]["sha256"] == sha(folder / f"{t}.parquet")
    # SHA256SUMS covers every other file, in `sha256sum -c` format
    lines = (folder / "SHA256SUMS").read_text().splitlines()
    assert [line.split("  ")[1] for line in lines] == sorted(p.name for p in folder.iterdir() if p.name != "SHA256SUMS")
    assert all(sha(folder / name) == digest for digest, name in (line.split("  ") for line in lines))
    assert "First release." in (folder / "CHANGELOG.md").read_text()


def test_release_files_sorted_and_zstd(history):
    folder = history["releases"] / "1.0.0"
    for t in TABLES:
        meta = pq.ParquetFile(folder / f"{t}.parquet").metadata
        if meta.num_rows:
            assert meta.row_group(0).column(0).compression == "ZSTD"
    events = pq.read_table(folder / "events.parquet")
    keys = list(zip(events["date"].to_pylist(), events["event_id"].to_pylist()))
    assert keys == sorted(keys) and table_meta("events")["sort_by"] == ["date", "event_id"]


def test_identical_data_is_not_released_again(history):
    same = history["same"]
    assert not same.published and same.version is None and same.path is None
    assert same.message.startswith("no changes since 1.0.0")


def test_added_event_is_a_minor_release_named_in_the_changelog(history, changed_latest):
    info, releases = history["added"], history["releases"]
    assert (info.version, info.previous, info.change) == ("1.1.0", "1.0.0", "minor")
    events = info.diff.tables["events"]
    assert (len(events.added), len(events.removed)) == (1, 0)
    new = read_table(changed_latest / "events.parquet")
    added = new[new["summary"] == ADDED_SUMMARY]
    assert len(added) == 1 and events.added == [(added["event_id"].item(),)]
    line = f"2016-03-24 — {ADDED_SUMMARY} (`event_id` {added['event_id'].item()})"
    assert line in info.changelog
    assert "Minor release" in info.changelog and "rows added in" in info.changelog
    assert (releases / "1.1.0" / "CHANGELOG.md").read_text() == info.changelog
    related = info.diff.tables["related_links"]
    assert len(related.added) - len(related.removed) == 1
    manifest = json.loads((releases / "1.1.0" / "manifest.json").read_text())
    assert manifest["changes"]["events"]["added"] == 1 and manifest["previous"] == "1.0.0"


def test_removed_page_is_a_patch_release(history, reduced_latest):
    info = history["removed"]
    assert (info.version, info.previous, info.change) == ("1.1.1", "1.1.0", "patch")
    assert all(not t.added and not t.columns_added for t in info.diff.tables.values())
    docs = info.diff.tables["documents"]
    assert len(docs.removed) == 1 and docs.examples["removed"][0].startswith("2015-09-04 — " + PUTIN_2015_09_04)
    assert "2015-09-04 — " + PUTIN_2015_09_04 in info.changelog
    assert "Patch release" in info.changelog


def test_forced_and_maintainer_versions(history):
    forced, maintainer, releases = history["forced"], history["maintainer"], history["releases"]
    assert (forced.version, forced.change) == ("1.1.2", "patch")
    assert "forced" in forced.changelog
    assert maintainer.version == "2.0.0" and "set by the maintainer" in maintainer.changelog
    assert rel.list_releases(releases) == ["1.0.0", "1.1.0", "1.1.1", "1.1.2", "2.0.0"]


def test_index_and_top_level_changelog(history):
    releases = history["releases"]
    index = json.loads((releases / "index.json").read_text())
    assert index["latest"] == "2.0.0"
    assert [v["version"] for v in index["versions"]] == ["2.0.0", "1.1.2", "1.1.1", "1.1.0", "1.0.0"]
    for entry in index["versions"]:
        folder = releases / entry["version"]
        assert set(entry["files"]) == {p.name for p in folder.iterdir()}
        for name, info in entry["files"].items():
            assert info["sha256"] == sha(folder / name) and info["bytes"] == (folder / name).stat().st_size
    top = (releases / "CHANGELOG.md").read_text()
    positions = [top.index(f"## {v}\n") for v in ("2.0.0", "1.1.2", "1.1.1", "1.1.0", "1.0.0")]
    assert positions == sorted(positions)
    assert ADDED_SUMMARY in top
    assert not tmp_dirs(releases)


def test_existing_or_older_version_is_refused(history, changed_latest):
    releases = history["releases"]
    before = sha(releases / "1.1.0" / "SHA256SUMS")
    with pytest.raises(rel.ReleaseExistsError, match="1.1.0 already exists"):
        rel.publish_release(changed_latest, releases, "1.1.0", force=True)
    with pytest.raises(rel.ReleaseError, match="not greater than the latest release 2.0.0"):
        rel.publish_release(changed_latest, releases, "1.5.0", force=True)
    with pytest.raises(ValueError, match="semantic version"):
        rel.publish_release(changed_latest, releases, "v3")
    assert sha(releases / "1.1.0" / "SHA256SUMS") == before
    assert rel.list_releases(releases)[-1] == "2.0.0"


# --- datapackage.json and Frictionless --------------------------------------------------------------

def test_datapackage_is_generated_from_the_schemas(history):
    folder = history["releases"] / "1.0.0"
    dp = json.loads((folder / "datapackage.json").read_text())
    assert dp["version"] == "1.0.0" and "created" not in dp
    assert dp["licenses"][0]["name"] == "CC-BY-SA-4.0"
    assert sorted(s["path"] for s in dp["sources"]) == sorted(
        f"seeds/{p.name}" for p in (REPO_ROOT / "seeds").iterdir() if p.is_file() and not p.name.startswith("."))
    assert [r["name"] for r in dp["resources"]] == list(TABLES) + [f"{t}_csv" for t in TABLES]
    kinds = {"string": "string", "date": "date", "int64": "integer", "float64": "number", "bool": "boolean",
             "list<string>": "array"}
    for res in dp["resources"][:len(TABLES)]:
        t = res["name"]
        assert res["path"] == f"{t}.parquet" and res["format"] == "parquet"
        assert res["description"] == table_meta(t)["description"]
        assert [(f["name"], f["type"], f["description"]) for f in res["schema"]["fields"]] == [
            (c.name, kinds[c.logical], c.description) for c in columns(t)]
        assert res["schema"]["primaryKey"] == table_meta(t)["primary_key"]
        fks = {fk["fields"]: f"{fk['reference']['resource']}.{fk['reference']['fields']}"
               for fk in res["schema"].get("foreignKeys", [])}
        assert fks == table_meta(t)["foreign_keys"]
    events = next(r for r in dp["resources"] if r["name"] == "events")["schema"]["fields"]
    precision = next(f for f in events if f["name"] == "date_precision")
    assert precision["constraints"] == {"required": True, "enum": ["day", "month", "year"]}
    date = next(f for f in events if f["name"] == "date")
    assert date["constraints"] == {"required": True, "minimum": "1945-01-01", "maximum": "2035-12-31"}
    # the gzip CSV copies: same fields, lists as ';'-joined strings, foreign keys between CSV copies
    csv = {r["name"]: r for r in dp["resources"][len(TABLES):]}
    events_csv = csv["events_csv"]
    assert (events_csv["path"], events_csv["format"], events_csv["compression"]) == ("events.csv.gz", "csv", "gz")
    fields = {f["name"]: f for f in events_csv["schema"]["fields"]}
    assert fields["date"]["constraints"] == date["constraints"]
    assert fields["places"]["type"] == "string" and "joined with ';'" in fields["places"]["description"]
    assert "constraints" not in fields["places"]       # an empty list is an empty cell
    assert {fk["fields"]: fk["reference"]["resource"] for fk in csv["sources_csv"]["schema"]["foreignKeys"]} == {
        "event_id": "events_csv", "mention_id": "event_mentions_csv", "doc_id": "documents_csv"}


def test_release_folder_validates_with_frictionless(history):
    folder = history["releases"] / "1.1.0"
    manifest = json.loads((folder / "manifest.json").read_text())
    # the descriptor on its own, with stock Frictionless
    assert frictionless.Package.validate_descriptor(str(folder / "datapackage.json")).valid
    report = rel.frictionless_report(folder)
    assert report.valid, report.flatten(["taskNumber", "rowNumber", "fieldName", "type", "note"])[:5]
    rows = {t: info["rows"] for t, info in manifest["tables"].items()}
    assert {t.name: t.stats.get("rows") or 0 for t in report.tasks} == {
        **rows, **{f"{t}_csv": n for t, n in rows.items()}}


def test_frictionless_catches_a_broken_foreign_key(history, tmp_path):
    folder = shutil.copytree(history["releases"] / "1.1.0", tmp_path / "broken")
    events = pq.read_table(folder / "events.parquet")
    os.chmod(folder / "events.parquet", 0o644)
    pq.write_table(events.slice(1), folder / "events.parquet")   # drop the first event (test only)
    report = rel.frictionless_report(folder)
    assert not report.valid
    types = {e[1] for e in report.flatten(["taskNumber", "type"])}
    assert "foreign-key" in types
    with pytest.raises(rel.ReleaseError, match="events.parquet"):
        rel.verify_release(folder)


# --- the diff at the function level (schema changes) -------------------------------------------------

def test_shared_lookups_report_what_frictionless_reports_alone(history, tmp_path):
    """An event that casualty_figures and event_mentions reference, dropped: casualty_figures is
    validated after event_mentions read events' keys, so its lookup is the shared one; the report
    is the one Frictionless gives reading events for each resource (``share_lookups=False``)."""
    import pyarrow.compute as pc

    folder = shutil.copytree(history["releases"] / "1.1.0", tmp_path / "broken")
    events = pq.read_table(folder / "events.parquet")
    figures = pq.read_table(folder / "casualty_figures.parquet")
    gone = figures["event_id"].drop_null().unique()[:1]
    os.chmod(folder / "events.parquet", 0o644)
    pq.write_table(events.filter(pc.invert(pc.is_in(events["event_id"], gone))), folder / "events.parquet")
    columns = ["taskNumber", "rowNumber", "fieldName", "type", "note"]
    shared = rel.frictionless_report(folder)
    alone = rel.frictionless_report(folder, share_lookups=False)
    assert shared.flatten(columns) == alone.flatten(columns)
    names = [t.name for t in shared.tasks]
    found = sorted((names[e[0] - 1], e[3]) for e in shared.flatten(columns))
    assert found == [("casualty_figures", "foreign-key"), ("event_mentions", "foreign-key")]
    assert all(gone[0].as_py() in e[4] for e in shared.flatten(columns))


@pytest.fixture(scope="module")
def events_table(history) -> pa.Table:
    return pq.read_table(history["releases"] / "1.0.0" / "events.parquet")


def test_diff_column_removed_or_retyped_is_major(events_table):
    dropped = events_table.drop_columns(["summary"])
    diff = rel.diff_tables({"events": events_table}, {"events": dropped})
    assert diff.level == "major" and diff.tables["events"].columns_removed == ["summary"]
    assert "columns removed from events (summary)" in diff.reasons()
    assert rel.bump("1.4.2", diff.level) == "2.0.0"
    i = events_table.schema.get_field_index("n_mentions")
    retyped = events_table.set_column(i, "n_mentions", pc.cast(events_table["n_mentions"], pa.string()))
    diff = rel.diff_tables({"events": events_table}, {"events": retyped})
    assert diff.level == "major" and diff.tables["events"].types_changed == [("n_mentions", "int64", "string")]
    diff = rel.diff_tables({"events": events_table, "gone": events_table}, {"events": events_table})
    assert diff.level == "major" and "table gone removed" in diff.reasons()


def test_diff_rows_and_columns_added_is_minor_changed_or_removed_is_patch(events_table):
    added_col = events_table.append_column("extra", pa.array([1] * events_table.num_rows))
    diff = rel.diff_tables({"events": events_table}, {"events": added_col})
    assert diff.level == "minor" and diff.tables["events"].columns_added == ["extra"]
    assert not diff.tables["events"].changed          # a new column does not change every row
    fewer = events_table.slice(1)
    assert rel.diff_tables({"events": events_table}, {"events": fewer}).level == "patch"
    diff = rel.diff_tables({"events": fewer}, {"events": events_table})
    assert diff.level == "minor" and len(diff.tables["events"].added) == 1
    first = events_table.slice(0, 1).to_pylist()[0]
    i = events_table.schema.get_field_index("n_mentions")
    counts = events_table["n_mentions"].to_pylist()
    counts[0] += 1
    edited = events_table.set_column(i, events_table.schema.field(i), pa.array(counts, pa.int64()))
    diff = rel.diff_tables({"events": events_table}, {"events": edited})
    assert diff.level == "patch" and diff.tables["events"].changed == [(first["event_id"],)]
    example = diff.tables["events"].examples["changed"][0]
    assert example.startswith(f"{first['date']} — ") and f"`n_mentions` {counts[0] - 1} → {counts[0]}" in example
    assert rel.diff_tables({"events": events_table}, {"events": events_table}).level is None
    assert rel.bump("1.4.2", "minor") == "1.5.0" and rel.bump("1.4.2", "patch") == "1.4.3"


# --- byte-identical, immutable and atomic ------------------------------------------------------------

def test_same_data_gives_byte_identical_releases(seed_latest, first_release, tmp_path):
    a = first_release / "1.0.0"                 # published once per run (conftest), in another folder
    b = rel.publish_release(seed_latest, tmp_path / "b")
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.path.iterdir())
    for name in names:
        assert (a / name).read_bytes() == (b.path / name).read_bytes(), name
    assert (first_release / "index.json").read_bytes() == (tmp_path / "b" / "index.json").read_bytes()
    c = rel.publish_release(seed_latest, tmp_path / "c", created="2026-01-02T03:04:05+00:00")
    assert json.loads((c.path / "manifest.json").read_text())["created"] == "2026-01-02T03:04:05+00:00"
    assert json.loads((tmp_path / "c" / "index.json").read_text())["versions"][0]["created"] == "2026-01-02T03:04:05+00:00"
    for name in [f"{t}.parquet" for t in TABLES] + [f"{t}.csv.gz" for t in TABLES] + [
            "datapackage.json", "index.html", "README.md", "CITATION.cff"]:
        assert (c.path / name).read_bytes() == (a / name).read_bytes(), name


def test_failure_midway_leaves_no_partial_release(first_release, changed_latest, tmp_path):
    releases = with_first_release(first_release, tmp_path)
    index_before = (releases / "index.json").read_bytes()
    seen = []

    def fail(stage, folder):
        seen.append((stage, sorted(p.name for p in folder.iterdir())))
        if stage == "written":
            raise OSError("disk full (simulated)")

    with pytest.raises(OSError, match="simulated"):
        rel.publish_release(changed_latest, releases, on_stage=fail)
    assert [s for s, _ in seen] == ["copied", "written"] and "manifest.json" in seen[-1][1]
    assert rel.list_releases(releases) == ["1.0.0"] and not (releases / "1.1.0").exists()
    assert not tmp_dirs(releases)
    assert (releases / "index.json").read_bytes() == index_before
    rel.verify_release(releases / "1.0.0")
    assert rel.publish_release(changed_latest, releases).version == "1.1.0"


def test_latest_that_does_not_validate_is_not_released(seed_latest, tmp_path):
    latest = shutil.copytree(seed_latest, tmp_path / "latest")
    releases = tmp_path / "releases"
    events = read_table(latest / "events.parquet")
    write_table("events", events.iloc[1:], latest)      # valid table, but mentions now point nowhere
    with pytest.raises(rel.ReleaseError, match=r"refusing to release: .* events.parquet changed since it was built"):
        rel.publish_release(latest, releases)
    seal_build(latest)
    with pytest.raises(rel.ReleaseError, match=r"event_mentions\.event_id: 1 value\(s\) missing from events\.event_id"):
        rel.publish_release(latest, releases)
    assert rel.list_releases(releases) == [] and not tmp_dirs(releases)
    table = pq.read_table(latest / "events.parquet").drop_columns(["summary"])
    pq.write_table(table, latest / "events.parquet")     # a stale file from an older schema (test only)
    seal_build(latest)
    with pytest.raises(rel.ReleaseError, match=r"events\.parquet: does not match the schema .*missing columns \['summary'\]"):
        rel.publish_release(latest, releases)
    (latest / "sources.parquet").unlink()
    with pytest.raises(rel.ReleaseError, match="lacks sources.parquet"):
        rel.publish_release(latest, releases)
    assert rel.list_releases(releases) == []


KILL_SCRIPT = """
import pathlib, sys, time
from pipeline.release import publish_release

def hook(stage, folder):
    if stage == sys.argv[4]:
        pathlib.Path(sys.argv[3]).write_text(str(folder))
        time.sleep(600)

publish_release(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), on_stage=hook)
"""


def run_and_kill(latest: Path, releases: Path, stage: str, tmp_path: Path) -> Path:
    """Run a release in a subprocess, SIGKILL it when it reaches ``stage``; return the folder it was in."""
    marker = tmp_path / f"reached-{stage}"
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(latest), str(releases), str(marker), stage],
                            cwd=REPO_ROOT)
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert proc.poll() is None, f"release subprocess exited with {proc.returncode} before {stage}"
            assert time.monotonic() < deadline, f"release subprocess never reached {stage}"
            time.sleep(0.05)
        time.sleep(0.1)
        folder = Path(marker.read_text())
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return folder


def test_killed_halfway_leaves_nothing_partial(first_release, changed_latest, tmp_path):
    releases = with_first_release(first_release, tmp_path)
    index_before = (releases / "index.json").read_bytes()
    folder = run_and_kill(changed_latest, releases, "copied", tmp_path)
    # it was killed with the tables copied but no metadata written, in a hidden temp folder
    assert folder.parent == releases and folder.name.startswith(rel.TMP_PREFIX)
    assert (folder / "events.parquet").exists() and not (folder / "SHA256SUMS").exists()
    assert rel.list_releases(releases) == ["1.0.0"] and not (releases / "1.1.0").exists()
    assert (releases / "index.json").read_bytes() == index_before
    rel.verify_release(releases / "1.0.0")
    info = rel.publish_release(changed_latest, releases)       # the lock died with the process
    assert info.version == "1.1.0"
    assert not folder.exists() and not tmp_dirs(releases)
    rel.verify_release(releases / "1.1.0")


def test_killed_after_rename_is_complete_and_indexed_next_run(first_release, changed_latest, tmp_path):
    releases = with_first_release(first_release, tmp_path)
    target = run_and_kill(changed_latest, releases, "renamed", tmp_path)
    assert target == releases / "1.1.0"
    rel.verify_release(target)                                  # complete, though not yet in index.json
    assert json.loads((releases / "index.json").read_text())["latest"] == "1.0.0"
    info = rel.publish_release(changed_latest, releases)
    assert not info.published and info.message.startswith("no changes since 1.1.0")
    assert json.loads((releases / "index.json").read_text())["latest"] == "1.1.0"


# --- CLI ---------------------------------------------------------------------------------------------

def test_cli_release(seed_latest, tmp_path, capsys):
    shutil.copytree(seed_latest, tmp_path / "out" / "latest")
    assert main(["release", "--outputs", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("released 1.0.0 (first release)") and "## 1.0.0" in out
    assert main(["release", "--outputs", str(tmp_path / "out")]) == 0
    assert capsys.readouterr().out.startswith("no changes since 1.0.0")
    assert main(["release", "--outputs", str(tmp_path / "out"), "--version", "1.0.0", "--force"]) == 1
    assert "1.0.0 already exists" in capsys.readouterr().err
    assert main(["release", "--outputs", str(tmp_path / "out"), "--force"]) == 0
    assert capsys.readouterr().out.startswith("released 1.0.1 (patch release after 1.0.0)")


# --- Dagster: release job, schedule, sensors ------------------------------------------------------------

def test_release_job(seed_latest, tmp_path):
    shutil.copytree(seed_latest, tmp_path / "outputs" / "latest")
    defs = make_definitions(ProjectPaths(root=str(tmp_path), outputs_dir=str(tmp_path / "outputs")))
    job = defs.resolve_job_def("release")
    with dg.DagsterInstance.ephemeral() as instance:
        result = job.execute_in_process(instance=instance)
        assert result.success and result.output_for_node("publish") == "1.0.0"
        again = job.execute_in_process(instance=instance)
        assert again.success and again.output_for_node("publish") is None
        forced = job.execute_in_process(instance=instance, run_config={
            "ops": {"publish": {"config": {"version": "3.0.0", "force": True}}}})
        assert forced.output_for_node("publish") == "3.0.0"
    assert rel.list_releases(tmp_path / "outputs" / "releases") == ["1.0.0", "3.0.0"]


def test_daily_schedule():
    defs = make_definitions()
    schedule = defs.resolve_schedule_def("daily_build")
    assert schedule is daily_build and schedule.job_name == "build" and schedule.cron_schedule == BUILD_CRON == "0 4 * * *"
    assert schedule.execution_timezone == "UTC"
    context = dg.build_schedule_context(scheduled_execution_time=dt.datetime(2026, 3, 1, 4, tzinfo=dt.UTC))
    data = schedule.evaluate_tick(context)
    assert len(data.run_requests) == 1 and data.run_requests[0].job_name in (None, "build")
    build = defs.resolve_job_def("build")
    assert {k.to_user_string() for k in build.asset_layer.executable_asset_keys} >= set(TABLES)


def test_seeds_sensor_requests_a_build_only_when_seeds_change(tmp_path):
    seeds = copy_seeds(tmp_path / "seeds")
    resources = {"paths": ProjectPaths(root=str(tmp_path), seeds_dir=str(seeds))}

    def tick(cursor):
        with dg.build_sensor_context(cursor=cursor, resources=resources) as context:
            return seeds_changed.evaluate_tick(context)

    first = tick(None)
    assert len(first.run_requests) == 1 and first.cursor
    unchanged = tick(first.cursor)
    assert unchanged.run_requests == [] and "unchanged" in unchanged.skip_message
    assert unchanged.cursor in (None, first.cursor)
    (seeds / ".notes").write_text("ignored, like in discover")
    assert tick(first.cursor).run_requests == []
    add_related_item(seeds)
    changed = tick(first.cursor)
    assert len(changed.run_requests) == 1 and changed.cursor != first.cursor
    assert tick(changed.cursor).run_requests == []
    (seeds / "new_page.md").write_text("### [2016-03-24](/news/2016/03/24/index.md)\n")
    assert len(tick(changed.cursor).run_requests) == 1


def test_release_after_build_sensor(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(REPO_ROOT / "seeds" / SEED_002, seeds)
    defs = make_definitions(ProjectPaths(root=str(tmp_path), seeds_dir=str(seeds), outputs_dir=str(tmp_path / "out"),
                                         cache_dir=str(SHARED["cache"])))
    with dg.DagsterInstance.ephemeral() as instance:
        result = defs.resolve_job_def("build").execute_in_process(instance=instance)
        assert result.success and (tmp_path / "out" / "latest" / "events.parquet").exists()
        context = dg.build_run_status_sensor_context(
            sensor_name="release_after_build", dagster_instance=instance, dagster_run=result.dagster_run,
            dagster_event=result.get_run_success_event())
        request = release_after_build(context)
    assert isinstance(request, dg.RunRequest) and request.run_key == f"release-after-{result.run_id}"
    assert defs.resolve_sensor_def("release_after_build").job_name == "release"
