"""Run the whole asset graph in-process with a Dagster instance kept under a project folder."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from .definitions import make_definitions
from .resources import ProjectPaths

DAGSTER_YAML = """\
# Dagster instance of this project: SQLite storage in this folder, no telemetry.
telemetry:
  enabled: false
"""


def dagster_home(home: Path) -> Path:
    """The instance folder (``<repo>/.dagster`` by default) with its dagster.yaml, created on first use."""
    home.mkdir(parents=True, exist_ok=True)
    cfg = home / "dagster.yaml"
    if not cfg.exists():
        cfg.write_text(DAGSTER_YAML)
    return home


def materialize_all(paths: ProjectPaths, home: Path | None = None, log_level: str = "WARNING") -> dg.ExecuteInProcessResult:
    """Materialize every asset and run every check; raises if any asset or blocking check fails."""
    home = dagster_home(home or Path(paths.root) / ".dagster")
    defs = make_definitions(paths)
    job = defs.resolve_implicit_global_asset_job_def()
    with dg.DagsterInstance.from_config(str(home)) as instance:
        result = job.execute_in_process(
            instance=instance, raise_on_error=True,
            run_config={"loggers": {"console": {"config": {"log_level": log_level}}}})
        failed = [e for e in result.get_asset_check_evaluations() if not e.passed]
        if failed:
            names = ", ".join(f"{e.asset_key.to_user_string()}:{e.check_name}" for e in failed)
            raise RuntimeError(f"asset checks failed: {names}")
    return result
