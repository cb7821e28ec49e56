"""The Dagster code location (``pipeline.defs``; ``dagster dev`` finds it through [tool.dagster]).

Every run executes in one process (``in_process_executor``): the steps are few and the heavy one,
the per-document map, distributes its own work through the ``engine`` resource (Dask), so a
process per step would only re-import everything (measured in BENCHMARKS.md). Stages are Parquet
files in the run's own build folder (``StageIOManager``), so runs never share them.
"""

from __future__ import annotations

import dagster as dg

from ..paths import project_root
from .assets import ALL_ASSETS
from .automation import JOBS, SCHEDULES, SENSORS
from .checks import ALL_CHECKS
from .io_manager import StageFileInputManager, StageIOManager
from .resources import MapEngine, ProjectPaths


def make_definitions(paths: ProjectPaths | None = None, engine: MapEngine | None = None) -> dg.Definitions:
    paths = paths or ProjectPaths(root=str(project_root()))   # the directory `dagster dev` runs in
    return dg.Definitions(
        assets=ALL_ASSETS,
        asset_checks=ALL_CHECKS,
        resources={"paths": paths, "engine": engine or MapEngine(), "stages": StageIOManager(paths=paths),
                   "stage_files": StageFileInputManager(paths=paths),
                   "io_manager": dg.mem_io_manager},
        jobs=JOBS,
        schedules=SCHEDULES,
        sensors=SENSORS,
        executor=dg.in_process_executor,
    )
