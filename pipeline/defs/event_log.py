"""Dagster's SQLite event log storage, keeping its connections (named in ``.dagster/dagster.yaml``).

Imported only by Dagster when it opens the project's instance (it pulls in Dagster's SQL storage,
alembic and their dependencies); see ``pipeline.defs.storage`` for why.
"""

from __future__ import annotations

from collections import OrderedDict
from contextlib import contextmanager

from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage
from dagster._core.storage.sqlite import SQLITE_BUSY_TIMEOUT_SECONDS
from sqlalchemy.engine import Engine

from .storage import relaxed_sqlite_sync

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
        relaxed_sqlite_sync()
        self._engines: OrderedDict[str, Engine] = OrderedDict()
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
