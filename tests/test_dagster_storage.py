"""The project's Dagster instance storage (pipeline.defs.event_log, pipeline.defs.storage): a new
run's event log database copied from a template is the database Dagster itself would create, and
the cached alembic head revision is the one alembic computes from Dagster's migration scripts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import dagster as dg
from alembic.script import ScriptDirectory
from dagster._core.storage.event_log.sqlite import sqlite_event_log
from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage
from dagster._core.storage.sql import create_engine, get_alembic_config
from sqlalchemy.pool import NullPool

from pipeline.defs import storage
from pipeline.defs.event_log import TEMPLATE, PooledSqliteEventLogStorage
from pipeline.defs.runner import dagster_home, open_instance


def _schema(path: Path) -> tuple[list[tuple], list[tuple]]:
    con = sqlite3.connect(path)
    try:
        tables = con.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        revision = con.execute("SELECT version_num FROM alembic_version").fetchall()
        mode = con.execute("PRAGMA journal_mode").fetchall()
    finally:
        con.close()
    return tables, revision + mode


def _alembic_head() -> str:
    return ScriptDirectory.from_config(get_alembic_config(sqlite_event_log.__file__)).as_revision_number("head")


def test_cached_head_revision_is_alembics(tmp_path, monkeypatch):
    monkeypatch.setenv("SYRIA_EVENTS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(storage, "_HEADS", {})
    config = get_alembic_config(sqlite_event_log.__file__)
    head = _alembic_head()
    assert storage._head_revision(config) == head
    kept = list((tmp_path / "cache").glob("dagster-alembic-head-*.json"))
    assert len(kept) == 1 and head in kept[0].read_text()
    monkeypatch.setattr(storage, "_HEADS", {})          # a new process: read from the kept file
    assert storage._head_revision(config) == head


def test_run_database_from_template_equals_dagsters_own(tmp_path):
    base = tmp_path / "runs"
    base.mkdir()
    ours = PooledSqliteEventLogStorage(str(base))
    with ours.run_connection("run-a") as conn:          # a new run: copied from the template
        conn.exec_driver_sql("SELECT 1")
    assert (base / TEMPLATE).is_dir() and len(list((base / TEMPLATE).glob("*.db"))) == 1
    theirs_dir = tmp_path / "dagster"
    theirs_dir.mkdir()
    engine = create_engine(f"sqlite:///{theirs_dir / 'run-b.db'}", poolclass=NullPool)
    SqliteEventLogStorage(str(theirs_dir))._initdb(engine)
    engine.dispose()
    mine, dagsters = _schema(base / "run-a.db"), _schema(theirs_dir / "run-b.db")
    assert mine == dagsters
    assert mine[1] == [(_alembic_head(),), ("wal",)]
    ours.dispose()


def test_build_events_are_stored_and_read_back(tmp_path):
    """A run through the project's instance: its events land in its own database (made from the
    template) and Dagster reads them back, with the asset materialization in the index."""
    home = dagster_home(tmp_path / ".dagster")

    @dg.asset
    def numbers() -> int:
        return 3

    defs = dg.Definitions(assets=[numbers])
    with open_instance(home) as instance:
        result = defs.resolve_implicit_global_asset_job_def().execute_in_process(instance=instance)
        run_id = result.run_id
        assert (home / "history" / "runs" / f"{run_id}.db").is_file()
        types = [e.dagster_event_type.value for e in instance.all_logs(run_id) if e.is_dagster_event]
        assert types[0] == "ASSET_MATERIALIZATION_PLANNED" and types[-1] == "PIPELINE_SUCCESS"
        assert types.count("PIPELINE_START") == 1 and types.count("ASSET_MATERIALIZATION") == 1
        latest = instance.get_latest_materialization_event(dg.AssetKey("numbers"))
        assert latest is not None and latest.run_id == run_id
