"""Scheduled builds and releases (Dagster): thin wrappers, the logic is in build/release modules.

- ``build`` job: every asset and its checks (what ``syria-events build`` materializes);
- ``daily_build`` schedule: runs ``build`` every day at ``BUILD_CRON`` (UTC);
- ``seeds_changed`` sensor: runs ``build`` when files under ``seeds/`` are added, removed or changed
  (cursor = SHA-256 of the listing of (path, size, mtime) of the input files);
- ``release`` job: one op, ``pipeline.release.publish_release(latest, releases)`` (config:
  ``version``, ``force``); nothing is published when the data did not change;
- ``release_after_build`` sensor: runs ``release`` after each successful ``build`` run, so a
  schedule or a seed change rebuilds, checks (``release`` re-validates everything) and publishes.

Schedules and sensors are visible under *Automation* in ``syria-events dev`` and start STOPPED:
turn them on there (the ``dagster dev`` daemon then runs them). To change when the daily build runs,
edit ``BUILD_CRON`` (standard cron, evaluated in ``BUILD_TIMEZONE``).
"""

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import dagster as dg

from ..discover import display_path, list_inputs
from .resources import ProjectPaths

BUILD_CRON = "0 4 * * *"          # every day at 04:00
BUILD_TIMEZONE = "UTC"
SEEDS_POLL_SECONDS = 60
HOW_TO_START = ("Starts STOPPED (nothing runs until a maintainer decides): turn it on with the toggle in this page, "
                "or `dagster {kind} start {name} -m pipeline.defs` with DAGSTER_HOME=.dagster; `dagster dev` runs it "
                "only while its daemon is up.")

build_job = dg.define_asset_job(
    "build", selection=dg.AssetSelection.all(), executor_def=dg.in_process_executor,
    description="Materialize every asset and run every check into a new build folder; "
                "outputs/latest switches to it only when all passed.")


class ReleaseConfig(dg.Config):
    version: str | None = None     # default: derived from the diff against the previous release
    force: bool = False            # release even if nothing changed


@dg.op(description="Publish outputs/latest/ as outputs/releases/<version>/ (pipeline.release.publish_release).")
def publish(context: dg.OpExecutionContext, config: ReleaseConfig, paths: ProjectPaths) -> dg.Output[str | None]:
    from ..release import publish_release  # the card's charts and Frictionless: only when a release runs

    info = publish_release(paths.latest, paths.releases, config.version, force=config.force)
    context.log.info(info.message)
    metadata: dict[str, Any] = {"published": info.published, "version": info.version or "", "previous": info.previous or "",
                "change": info.change or "none", "message": info.message}
    if info.published:
        metadata["path"] = dg.MetadataValue.path(str(info.path))
        metadata["changelog"] = dg.MetadataValue.md(info.changelog)
    return dg.Output(info.version, metadata=metadata)


@dg.job(name="release", description="Publish the validated outputs/latest/ as a new immutable release.")
def release_job():
    publish()


daily_build = dg.ScheduleDefinition(
    name="daily_build", job=build_job, cron_schedule=BUILD_CRON, execution_timezone=BUILD_TIMEZONE,
    description=f"Rebuild outputs/latest/ from seeds/ every day ({BUILD_CRON}, {BUILD_TIMEZONE}). {{how}}".format(
        how=HOW_TO_START.format(kind="schedule", name="daily_build")))


def seeds_fingerprint(seeds: Path) -> str:
    """SHA-256 of the sorted (path, size, mtime_ns) of every input entry under ``seeds`` (links
    not followed; an entry that vanished or cannot be examined counts with size and time -1)."""
    listing = []
    try:
        rels = list_inputs(seeds)
    except OSError:          # missing or unreadable: the build says why
        rels = []
    for rel in rels:
        try:
            st = os.lstat(seeds / rel)
            listing.append([display_path(rel), st.st_size, st.st_mtime_ns])
        except OSError:
            listing.append([display_path(rel), -1, -1])
    return hashlib.sha256(json.dumps(listing).encode()).hexdigest()


@dg.sensor(job=build_job, minimum_interval_seconds=SEEDS_POLL_SECONDS,
           description="Build when files under seeds/ are added, removed or changed. "
                       + HOW_TO_START.format(kind="sensor", name="seeds_changed"))
def seeds_changed(context: dg.SensorEvaluationContext, paths: ProjectPaths):
    fingerprint = seeds_fingerprint(paths.seeds)
    if context.cursor == fingerprint:
        return dg.SkipReason(f"{paths.seeds} unchanged")
    context.update_cursor(fingerprint)
    return dg.RunRequest(tags={"seeds_fingerprint": fingerprint[:16]})


@dg.run_status_sensor(run_status=dg.DagsterRunStatus.SUCCESS, monitored_jobs=[build_job],
                      request_job=release_job, name="release_after_build",
                      description="Publish a release after each successful build run. "
                                  + HOW_TO_START.format(kind="sensor", name="release_after_build"))
def release_after_build(context: dg.RunStatusSensorContext):
    return dg.RunRequest(run_key=f"release-after-{context.dagster_run.run_id}")


JOBS: list[Any] = [build_job, release_job]     # an asset job and an op job: no narrower common type
SCHEDULES = [daily_build]
SENSORS = [seeds_changed, release_after_build]
