"""Dagster's SQLite event log storage, keeping its connections (named in ``.dagster/dagster.yaml``).

Imported only by Dagster when it opens the project's instance (it pulls in Dagster's SQL storage,
alembic and their dependencies); see ``pipeline.defs.storage`` for why.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from collections import OrderedDict
from contextlib import contextmanager

from dagster._core.storage.event_log.sqlite import sqlite_event_log
from dagster._core.storage.event_log.sqlite.sqlite_event_log import INDEX_SHARD_NAME, SqliteEventLogStorage
from dagster._core.storage.sql import create_engine, get_alembic_config
from dagster._core.storage.sqlite import SQLITE_BUSY_TIMEOUT_SECONDS
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool

from .storage import fast_alembic_checks, relaxed_sqlite_sync

KEPT_ENGINES = 8
TEMPLATE = ".run-shard-template"     # folder of base_dir holding the empty run database


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
        fast_alembic_checks()
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
                if not (shard != INDEX_SHARD_NAME and self._from_template(shard)):
                    self._initdb(engine)
                self._initialized_dbs.add(shard)
            with engine.connect() as conn:
                with conn.begin():
                    yield conn

    def _template(self) -> str:
        """An empty run database made by Dagster's own ``_initdb`` (tables, WAL, alembic stamp), one
        per Dagster version and head revision of its migration scripts, made once per instance."""
        from dagster.version import __version__

        from .storage import _head_revision

        head = _head_revision(get_alembic_config(sqlite_event_log.__file__))
        folder = os.path.join(self._base_dir, TEMPLATE)
        path = os.path.join(folder, f"{__version__}-{head}.db")
        if not os.path.exists(path):
            os.makedirs(folder, exist_ok=True)
            tmp = os.path.join(folder, f".{os.getpid()}-{threading.get_ident()}.db")
            engine = create_engine(f"sqlite:///{tmp}", poolclass=NullPool)
            try:
                self._initdb(engine)
            finally:
                engine.dispose()
            conn = sqlite3.connect(tmp)
            try:                                        # everything in the main file, no -wal beside it
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.close()
            os.replace(tmp, path)
        return path

    def _from_template(self, shard: str) -> bool:
        """A new run's database as a copy of the template instead of creating its tables and stamping
        its alembic revision (a quarter of a second per run). False if the run's database exists
        already (then Dagster's ``_initdb`` checks it as usual) or the template cannot be made."""
        target = self.path_for_shard(shard)
        if os.path.exists(target):
            return False
        tmp = f"{target}.{os.getpid()}.{threading.get_ident()}.tmp"
        try:
            template = self._template()
            shutil.copyfile(template, tmp)
            os.link(tmp, target)                        # never over a database another process made
            os.unlink(tmp)
        except FileExistsError:
            os.unlink(tmp)
            return False
        except OSError:
            return False
        return True

    def dispose(self) -> None:
        with self._db_lock:
            for engine in self._engines.values():
                engine.dispose()
            self._engines.clear()
        super().dispose()
