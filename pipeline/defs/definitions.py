"""The Dagster code location (``pipeline.defs``; ``dagster dev`` finds it through [tool.dagster]).

Every run executes in one process (``in_process_executor``): the steps are small and many, and a
process per step re-imports everything (measured in BENCHMARKS.md). Intermediate stages are kept in
the run's memory (``mem_io_manager``), so runs never share them; published tables go to the run's
own build folder (``ParquetTableIOManager``).
"""

from __future__ import annotations

import dagster as dg

from ..paths import project_root
from .assets import ALL_ASSETS
from .automation import JOBS, SCHEDULES, SENSORS
from .checks import ALL_CHECKS
from .io_manager import ParquetTableIOManager
from .resources import ProjectPaths


def make_definitions(paths: ProjectPaths | None = None) -> dg.Definitions:
    paths = paths or ProjectPaths(root=str(project_root()))   # the directory `dagster dev` runs in
    return dg.Definitions(
        assets=ALL_ASSETS,
        asset_checks=ALL_CHECKS,
        resources={"paths": paths, "tables": ParquetTableIOManager(paths=paths), "io_manager": dg.mem_io_manager},
        jobs=JOBS,
        schedules=SCHEDULES,
        sensors=SENSORS,
        executor=dg.in_process_executor,
    )
