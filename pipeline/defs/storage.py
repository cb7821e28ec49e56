"""Commits of Dagster's SQLite run storage without an fsync each.

Dagster keeps its run and event storage in SQLite files under ``.dagster/`` (WAL journal) and
commits every event of a run on its own: a build of the seeds stores about a hundred events.
With SQLite's default ``synchronous=FULL`` each commit waits for an fsync of the journal, and on a
busy disk that wait is most of a small build's time. ``synchronous=NORMAL`` is what SQLite
recommends with WAL: the database cannot be corrupted by a crash, only the last events before a
power loss may be lost. That is acceptable for run history (the data are the Parquet files, whose
writes are fsynced by ``pipeline.builds``). Applied to SQLite connections made by SQLAlchemy in
processes that load this code location (the CLI, ``dagster asset materialize``, the run workers
of ``dagster dev``); nothing else in them uses SQLite.
"""

from __future__ import annotations

import sqlite3
from typing import Any

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


# --- event log storage with one engine per database ---------------------------------------------
from collections import OrderedDict  # noqa: E402
from contextlib import contextmanager  # noqa: E402

from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage  # noqa: E402
from dagster._core.storage.sqlite import SQLITE_BUSY_TIMEOUT_SECONDS  # noqa: E402

KEPT_ENGINES = 8


class PooledSqliteEventLogStorage(SqliteEventLogStorage):
    """Dagster's SQLite event log storage (one database per run plus an index), keeping one
    SQLAlchemy engine and its connection per database for the life of the process instead of
    creating an engine, connecting and disconnecting for every event (which is most of what a
    small build costs in Dagster). Connections are used under the storage's own lock, one at a
    time; the ``KEPT_ENGINES`` most recently used databases stay open. Configured in the project's
    ``.dagster/dagster.yaml`` (``pipeline.defs.runner.DAGSTER_YAML``); same files, same schema as
    the default, so the UI, the daemon and ``dagster`` commands read them as usual."""

    def __init__(self, base_dir: str, inst_data=None):
        self._engines: OrderedDict[str, Any] = OrderedDict()   # sqlalchemy Engines
        super().__init__(base_dir, inst_data)

    @classmethod
    def from_config_value(cls, inst_data, config_value) -> PooledSqliteEventLogStorage:
        return cls(inst_data=inst_data, **config_value)

    def _engine(self, shard: str):
        from sqlalchemy import create_engine
        from sqlalchemy.pool import QueuePool

        engine = self._engines.pop(shard, None)
        if engine is None:
            engine = create_engine(self.conn_string_for_shard(shard), poolclass=QueuePool, pool_size=1,
                                   max_overflow=4,
                                   connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS, "check_same_thread": False})
        self._engines[shard] = engine
        while len(self._engines) > KEPT_ENGINES:
            self._engines.popitem(last=False)[1].dispose()
        return engine

    @contextmanager
    def _connect(self, shard: str):
        with self._db_lock:
            engine = self._engine(shard)
            if shard not in self._initialized_dbs:
                self._initdb(engine)
                self._initialized_dbs.add(shard)
            with engine.connect() as conn:
                with conn.begin():
                    yield conn

    def dispose(self) -> None:
        with self._db_lock:
            for engine in self._engines.values():
                engine.dispose()
            self._engines.clear()
        super().dispose()
