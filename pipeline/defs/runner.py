"""Run the whole asset graph in-process with a Dagster instance kept under a project folder."""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
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
    """The instance folder (``<repo>/.dagster`` by default) with its dagster.yaml, created on first use
    (written to a temporary file and renamed, so a second process never reads half of it)."""
    home.mkdir(parents=True, exist_ok=True)
    cfg = home / "dagster.yaml"
    if not cfg.exists():
        tmp = home / f".dagster.yaml.{os.getpid()}.tmp"
        tmp.write_text(DAGSTER_YAML)
        os.replace(tmp, cfg)
    return home


@contextlib.contextmanager
def open_instance(home: Path) -> Iterator[dg.DagsterInstance]:
    """The project's Dagster instance. Its SQLite storages are created (or migrated) under an
    exclusive lock, so two builds started together on a new instance do not race to create the
    same tables; the runs themselves then proceed side by side."""
    with open(home / ".instance.lock", "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            instance = dg.DagsterInstance.from_config(str(home))
            instance.get_runs(limit=1)                      # creates the run storage
            instance.get_latest_materialization_event(dg.AssetKey("latest"))   # and the event index
        except BaseException:
            fcntl.flock(lock, fcntl.LOCK_UN)
            raise
        fcntl.flock(lock, fcntl.LOCK_UN)
    with instance:
        yield instance


class BuildFailed(RuntimeError):
    """The build job failed; ``outputs/latest`` was left as it was. The message is one line."""


def _first_failure(result: dg.ExecuteInProcessResult) -> str:
    for event in result.all_events:
        if event.is_step_failure and event.step_failure_data and event.step_failure_data.error:
            err = event.step_failure_data.error
            while err.cause is not None and err.message.startswith("dagster._core.errors"):
                err = err.cause
            return f"{event.step_key}: {err.message.strip().splitlines()[0]}"
    return "a step failed"


def materialize_all(paths: ProjectPaths, home: Path | None = None, log_level: str = "WARNING") -> dg.ExecuteInProcessResult:
    """Run the ``build`` job: every asset and every check into ``outputs/builds/<run id>/``, then
    ``outputs/latest`` switched to it. Raises ``BuildFailed`` (one line) if any step or check failed;
    then ``latest`` is unchanged."""
    home = dagster_home(home or paths.project / ".dagster")
    defs = make_definitions(paths)
    job = defs.resolve_job_def("build")
    with open_instance(home) as instance:
        result = job.execute_in_process(
            instance=instance, raise_on_error=False,
            run_config={"loggers": {"console": {"config": {"log_level": log_level}}}})
        failed = [e for e in result.get_asset_check_evaluations() if not e.passed]
        if failed:
            names = ", ".join(f"{e.asset_key.to_user_string()}:{e.check_name}" for e in failed)
            raise BuildFailed(f"checks failed: {names}; outputs/latest was not changed")
        if not result.success:
            raise BuildFailed(f"{_first_failure(result)}; outputs/latest was not changed")
    return result
