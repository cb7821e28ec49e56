"""The Dagster code location: ``dagster dev -m pipeline`` loads ``defs``."""

from __future__ import annotations

import dagster as dg

from .assets import ALL_ASSETS
from .automation import JOBS, SCHEDULES, SENSORS
from .checks import ALL_CHECKS
from .io_manager import ParquetTableIOManager
from .resources import ProjectPaths


def make_definitions(paths: ProjectPaths | None = None) -> dg.Definitions:
    paths = paths or ProjectPaths()
    return dg.Definitions(
        assets=ALL_ASSETS,
        asset_checks=ALL_CHECKS,
        resources={"paths": paths, "tables": ParquetTableIOManager(paths=paths)},
        jobs=JOBS,
        schedules=SCHEDULES,
        sensors=SENSORS,
    )


defs = make_definitions()
