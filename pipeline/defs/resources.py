"""Resources: where things are (``ProjectPaths``) and where the per-document map runs (``MapEngine``).

``ProjectPaths`` is anchored at the project folder (``pipeline.paths.project_root``: the current
directory of the process that loads the definitions), overridable by tests; the folder layout
itself is defined once, in ``pipeline.paths.LayoutMixin``."""

import dagster as dg
from pydantic import PrivateAttr

from ..engine import MODES, EngineSession, EngineSpec
from ..paths import LayoutMixin


class ProjectPaths(LayoutMixin, dg.ConfigurableResource):
    """All paths the pipeline reads or writes. Empty fields default to folders under ``root``
    (empty ``root``: the current directory)."""

    root: str = ""
    seeds_dir: str = ""
    outputs_dir: str = ""
    cache_dir: str = ""


class MapEngine(dg.ConfigurableResource):
    """Where the per-document map (format detection, parse, extract) runs: ``pipeline.engine``.

    ``mode``: ``auto`` (default: in this process unless at least 200 documents need extracting,
    then a Dask LocalCluster on every core), ``serial``, ``local`` (LocalCluster of ``workers``
    processes, 0 = every core) or ``address`` (the Dask scheduler at ``address``: a cluster on
    Kubernetes, YARN or SLURM, see README "Scaling"). One cluster serves the run's map (discover
    and extract); it is closed when the map is done (``release``): its worker processes held
    ~0.8 GB through resolution at 5,000 documents, and nothing after the map uses them.
    ``chunk_docs``: documents per task (0: the map's default)."""

    mode: str = "auto"
    address: str = ""
    workers: int = 0
    chunk_docs: int = 0
    _session: EngineSession | None = PrivateAttr(default=None)

    def spec(self) -> EngineSpec:
        if self.mode not in MODES:
            raise dg.Failure(f"engine mode must be one of {', '.join(MODES)}")
        return EngineSpec(self.mode, self.address, self.workers, self.chunk_docs)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        self._session = EngineSession(self.spec())

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._session is not None:
            self._session.close()

    def session(self) -> EngineSession:
        if self._session is None:
            self._session = EngineSession(self.spec())
        return self._session

    def release(self) -> None:
        """Close the session's cluster (a LocalCluster's processes, or the client of a remote
        one): the map is done. A later ``session()`` starts a new one."""
        if self._session is not None:
            self._session.close()
