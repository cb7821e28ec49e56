"""Commits of Dagster's SQLite run storage without an fsync each.

Dagster keeps its run and event storage in SQLite files under ``.dagster/`` (WAL journal) and
commits every event of a run on its own: a build of the seeds stores about a hundred events.
With SQLite's default ``synchronous=FULL`` each commit waits for an fsync of the journal, and on a
busy disk that wait is most of a small build's time. ``synchronous=NORMAL`` is what SQLite
recommends with WAL: the database cannot be corrupted by a crash, only the last events before a
power loss may be lost. That is acceptable for run history (the data are the Parquet files, whose
writes are fsynced by ``pipeline.builds``). Applied to the SQLite connections SQLAlchemy makes in
a process that opens the project's instance (``runner.open_instance``, and the event log storage
of ``pipeline.defs.event_log`` that ``.dagster/dagster.yaml`` names, so also ``dagster asset
materialize`` and the run workers of ``dagster dev``); nothing else in them uses SQLite.
"""

from __future__ import annotations

import sqlite3

from ..paths import user_cache_dir

_INSTALLED = False
_KEEP: dict[str, sqlite3.Connection] = {}


def relaxed_sqlite_sync() -> None:
    """Set ``PRAGMA synchronous=NORMAL`` on every SQLite connection SQLAlchemy opens (once per process)."""
    global _INSTALLED
    if _INSTALLED:
        return
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    @event.listens_for(Engine, "connect")
    def _on_connect(dbapi_connection, connection_record) -> None:
        if not isinstance(dbapi_connection, sqlite3.Connection):
            return
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA synchronous=NORMAL")
        row = cursor.execute("PRAGMA database_list").fetchone()
        path = row[2] if row else ""
        wal = path and path not in _KEEP and cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        cursor.close()
        if wal:
            # Dagster opens and closes a connection per event; the last connection to close would
            # checkpoint the WAL into the database (with fsyncs) every time. One connection kept open
            # for the life of the process leaves checkpoints to SQLite's own schedule.
            keeper = sqlite3.connect(path, check_same_thread=False)
            keeper.execute("SELECT count(*) FROM sqlite_master").fetchone()
            _KEEP[path] = keeper

    _INSTALLED = True


# --- the alembic revision checks of Dagster's SQLite storages ------------------------------------
# Every SQLite storage Dagster opens (runs, schedules, the event log index, each new run's event
# log) asks alembic for the head revision of Dagster's migration scripts, which parses every
# migration module of ``dagster/_core/storage/alembic/versions`` again: ~20 ms a time, ~0.15 s for
# the first, four to five times per build. The head is a function of those files alone, so it is
# kept per process and in a small file of the user cache folder named by the Dagster version and a
# digest of the scripts' names and sizes (another Dagster, another name: a kept head is never
# stale). The database's own revision is still read from the database every time, as Dagster does.
_HEADS: dict[str, str | tuple[str, ...] | None] = {}
_FAST_CHECKS = False


def _scripts_digest(config) -> str | None:
    import hashlib
    import importlib.util
    import os

    from dagster.version import __version__

    try:
        location = config.get_main_option("script_location") or ""
        package, _, sub = location.partition(":")
        spec = importlib.util.find_spec(package) if sub else None
        folder = (os.path.join(os.path.dirname(spec.origin or ""), sub, "versions") if spec and spec.origin
                  else os.path.join(location, "versions"))
        entries = sorted((e.name, e.stat().st_size) for e in os.scandir(folder) if e.name.endswith(".py"))
    except (OSError, ImportError, ValueError):
        return None
    return hashlib.sha256(repr((__version__, location, entries)).encode()).hexdigest()[:24]


def _head_revision(config) -> str | tuple[str, ...] | None:
    import json
    import os

    location = config.get_main_option("script_location") or ""
    if location in _HEADS:
        return _HEADS[location]
    digest = _scripts_digest(config)
    path = None
    if digest is not None:
        try:
            path = user_cache_dir() / f"dagster-alembic-head-{digest}.json"
            head = json.loads(path.read_text(encoding="utf-8"))["head"]
            if isinstance(head, str):
                _HEADS[location] = head
                return head
        except (OSError, ValueError, KeyError, TypeError, ImportError):
            pass
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(config).as_revision_number("head")
    _HEADS[location] = head
    if path is not None and isinstance(head, str):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps({"head": head}), encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            pass
    return head


def _sqlite_storage_modules() -> tuple:
    """Dagster's SQLite run, schedule and event log storage modules (each checks its own migrations)."""
    from dagster._core.storage.event_log.sqlite import sqlite_event_log
    from dagster._core.storage.runs.sqlite import sqlite_run_storage
    from dagster._core.storage.schedules.sqlite import sqlite_schedule_storage

    return (sqlite_run_storage, sqlite_schedule_storage, sqlite_event_log)


def keep_head_revisions() -> None:
    """Keep the head revision of each SQLite storage's migration scripts in the user cache, as a
    build's instance would (``pipeline.warm``)."""
    from dagster._core.storage.sql import get_alembic_config

    for module in _sqlite_storage_modules():
        _head_revision(get_alembic_config(module.__file__))


def fast_alembic_checks() -> None:
    """Have Dagster's SQLite run, schedule and event log storages use ``_head_revision`` (once per
    process). Same answer as ``dagster._core.storage.sql.check_alembic_revision``: the database's
    revision read from it, the scripts' head revision."""
    global _FAST_CHECKS
    if _FAST_CHECKS:
        return
    from alembic.runtime.migration import MigrationContext
    from dagster._core.storage import sql

    def check_alembic_revision(alembic_config, conn):
        with sql._alembic_lock:
            db_revision = MigrationContext.configure(conn).get_current_revision()
        return db_revision, _head_revision(alembic_config)

    for module in _sqlite_storage_modules():
        if getattr(module, "check_alembic_revision", None) is sql.check_alembic_revision:
            module.check_alembic_revision = check_alembic_revision
    _FAST_CHECKS = True
