"""Where the per-document map runs: in this process, on a Dask ``LocalCluster``, or on a Dask
cluster anywhere (Kubernetes, YARN, SLURM, ...) through its scheduler address.

``EngineSession(spec).engine(n_items)`` gives an engine with one method, ``imap(fn, payloads)``: it applies
``fn`` to every payload and yields the results *as they complete* (order does not matter: every
stage is sorted by its key when written). Submission is windowed (``WINDOW_PER_WORKER`` tasks in
flight per worker), so the client never holds more than a few chunks of documents at once
whatever the corpus size.

Modes (``EngineSpec.mode``):

- ``serial``: in this process, one chunk after the other. No cluster, no extra process.
- ``local``: a ``distributed.LocalCluster`` of ``workers`` processes (default: every core), one
  thread each (parsing is pure Python: threads would share one interpreter lock). Started for
  the map and closed after it (``MapEngine.release`` in the ``extract`` asset).
- ``address``: connect to a running scheduler (``tcp://host:8786``). The cluster is someone
  else's: started with ``dask-jobqueue`` (``SLURMCluster``/``PBSCluster`` ...), ``dask-kubernetes``,
  ``dask-yarn`` or ``dask scheduler`` / ``dask worker`` by hand; every worker needs this project
  installed at the same version (each chunk's result carries its extractor version, and the
  build refuses a result made by other code).
- ``auto`` (default): ``serial`` when fewer than ``PARALLEL_THRESHOLD`` documents need the map
  (a daily build with a few new documents does not pay for starting processes), else ``local``
  on every core of this machine (when it has more than one).

Each worker process loads the gazetteer and the Public Suffix List once, when it starts (a
``WorkerPlugin`` calling ``pipeline.docmap.warm_up``), not per task.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

PARALLEL_THRESHOLD = 200     # documents to extract below which a cluster costs more than it saves
WINDOW_PER_WORKER = 4
MODES = ("auto", "serial", "local", "address")


@dataclass(frozen=True)
class EngineSpec:
    mode: str = "auto"
    address: str = ""            # scheduler address for mode "address"
    workers: int = 0             # LocalCluster processes; 0 = every core
    chunk_docs: int = 0          # documents per task; 0 = the map's default

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"engine mode must be one of {', '.join(MODES)}, not {self.mode!r}")
        if self.mode == "address" and not self.address:
            raise ValueError("engine mode 'address' needs a scheduler address")

    def resolved(self, n_items: int) -> str:
        """The mode ``auto`` stands for with ``n_items`` documents to map."""
        if self.mode != "auto":
            return self.mode
        if self.address:
            return "address"
        cores = self.workers or os.cpu_count() or 1
        return "local" if n_items >= PARALLEL_THRESHOLD and cores > 1 else "serial"


class SerialEngine:
    name = "serial"
    workers = 1

    def imap(self, fn: Callable, payloads: Iterable) -> Iterator:
        for p in payloads:
            yield fn(p)


class DaskEngine:
    name = "dask"

    def __init__(self, client) -> None:
        self.client = client
        self.workers = max(1, len(client.scheduler_info(n_workers=-1)["workers"]))

    def imap(self, fn: Callable, payloads: Iterable) -> Iterator:
        from distributed import as_completed

        it = iter(payloads)
        window = self.workers * WINDOW_PER_WORKER
        first = [self.client.submit(fn, p, pure=False) for p in _take(it, window)]
        if not first:
            return
        pending = as_completed(first, loop=self.client.loop)
        for future in pending:
            result = future.result()
            future.release()
            for p in _take(it, 1):
                pending.add(self.client.submit(fn, p, pure=False))
            yield result


def _take(it: Iterator, n: int) -> list:
    out = []
    for _ in range(n):
        try:
            out.append(next(it))
        except StopIteration:
            break
    return out


def _warm_plugin():
    from distributed import WorkerPlugin

    class WarmUp(WorkerPlugin):
        """Load the gazetteer and the suffix list once per worker process."""

        name = "syria-events-warm-up"

        def setup(self, worker) -> None:
            from .docmap import warm_up

            warm_up()

    return WarmUp()


class EngineSession:
    """The engines of one build: serial, or one Dask client (a LocalCluster started on first need
    and kept until ``close``, so discover and the map share it). Use as a context manager."""

    def __init__(self, spec: EngineSpec | None = None):
        self.spec = spec or EngineSpec()
        self._stack = contextlib.ExitStack()
        self._dask: DaskEngine | None = None

    def __enter__(self) -> EngineSession:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._dask = None
        self._stack.close()

    def engine(self, n_items: int) -> SerialEngine | DaskEngine:
        """The engine for a map over ``n_items`` (serial when ``auto`` finds too few)."""
        if self._dask is not None:
            return self._dask
        mode = self.spec.resolved(n_items)
        if mode == "serial" or n_items == 0:
            if n_items:
                from .docmap import warm_up

                warm_up()
            return SerialEngine()
        from distributed import Client, LocalCluster

        if mode == "address":
            client = self._stack.enter_context(Client(self.spec.address, set_as_default=False))
        else:
            cluster = self._stack.enter_context(LocalCluster(
                n_workers=self.spec.workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.ERROR))
            client = self._stack.enter_context(Client(cluster, set_as_default=False))
        client.register_plugin(_warm_plugin())
        self._dask = DaskEngine(client)
        return self._dask


def as_session(engine: EngineSession | EngineSpec | None) -> tuple[EngineSession, bool]:
    """(session, owned): a session given by the caller is theirs to close; otherwise a new one."""
    if isinstance(engine, EngineSession):
        return engine, False
    return EngineSession(engine), True
