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
