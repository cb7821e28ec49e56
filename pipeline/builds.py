"""A build is all or nothing: its own folder, a manifest, and one atomic switch of ``latest``.

Layout (``pipeline.paths.LayoutMixin``)::

    outputs/builds/<build-id>/      every table of one build (<table>.parquet) and build.json
    outputs/latest -> builds/<id>   relative symlink, replaced with one os.replace

Decisions:

- **Where a build writes.** Each build (a Dagster run: ``<build-id>`` is its run id) writes every
  table into its own folder. Nothing outside that folder changes until the last step.
- **When it becomes latest.** Only after every table was written and every blocking check passed
  (the ``latest`` asset runs last, downstream of all tables and their blocking checks), its
  manifest ``build.json`` is written (build id, input hashes, every table's rows and sha256,
  pipeline version) and ``outputs/latest`` is switched to it: a new symlink is created beside it and
  renamed over it (``os.replace`` of a symlink is atomic on POSIX). A reader sees the old build or
  the new one, never a mix. A failed or killed build never touches ``latest``.
- **Why a symlink.** Readers keep opening ``outputs/latest/<table>.parquet`` unchanged, and the
  switch is a single rename. (A ``latest`` that is a real folder, from an older version of this
  project, is moved into ``builds/`` the first time.)
- **Two builds at once.** Each has its own folder and its own in-memory intermediates (the build
  job runs in one process), so they cannot mix; whichever finishes last becomes latest, and each
  latest is one complete build.
- **Pruning.** After a switch, complete builds beyond the newest ``KEEP_BUILDS`` (latest among
  them) are deleted, and incomplete ones (failed or killed: no manifest) once untouched for
  ``STALE_AFTER_S``, so a build still running beside this one is never pruned and a failed one
  stays a day for inspection.
- ``verify_build`` is what ``release`` calls: it refuses a folder that is not one complete, checked
  build (no manifest, a table missing, extra or changed since the manifest was written).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import shutil
import time
from pathlib import Path

BUILD_MANIFEST = "build.json"
STALE_AFTER_S = 24 * 3600
KEEP_BUILDS = 3
MANIFEST_FORMAT = 1


class BuildError(Exception):
    """A build that cannot start or cannot be used; the message is one line for the user."""


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def check_seeds(seeds: Path) -> None:
    """Raise ``BuildError`` unless ``seeds`` is a readable folder holding at least one entry."""
    if not seeds.exists():
        raise BuildError(f"seeds folder {seeds} does not exist")
    if not seeds.is_dir():
        raise BuildError(f"seeds folder {seeds} is not a folder")
    try:
        entries = [e.name for e in os.scandir(seeds) if not e.name.startswith(".")]
    except OSError as exc:
        raise BuildError(f"seeds folder {seeds} cannot be read: {exc.strerror or exc}") from exc
    if not entries:
        raise BuildError(f"seeds folder {seeds} is empty: nothing to build")


def writable_error(exc: OSError, folder: Path) -> BuildError:
    """A one-line error for a failed write (disk full, read-only folder, ...) naming the folder."""
    what = {errno.ENOSPC: "no space left on the device of", errno.EROFS: "read-only file system at",
            errno.EACCES: "permission denied writing to", errno.EDQUOT: "disk quota exceeded for"}
    where = Path(exc.filename).parent if getattr(exc, "filename", None) else folder
    return BuildError(f"cannot write the build: {what.get(exc.errno or 0, exc.strerror or 'error writing')} {where}")


def build_dir(builds: Path, build_id: str) -> Path:
    return builds / build_id


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_manifest(folder: Path, build_id: str, inputs: list[tuple[str, str | None]], tables: list[str],
                   rows: dict[str, int], pipeline_version: str) -> dict:
    """Write ``build.json`` (temp file + rename, fsynced) after every table of the build exists.

    ``inputs`` are (path under seeds/, sha256) of every input entry (sha256 None for an entry that
    was not read: a link, a pipe, an unreadable file); ``inputs_sha256`` hashes that
    sorted list, so two builds of the same seeds have the same input hash."""
    listing = sorted(inputs)
    manifest = {
        "format": MANIFEST_FORMAT,
        "build_id": build_id,
        "complete": True,
        "pipeline_version": pipeline_version,
        "inputs_sha256": hashlib.sha256(json.dumps(listing).encode()).hexdigest(),
        "inputs": [{"path": p, "sha256": s} for p, s in listing],
        "tables": {t: {"file": f"{t}.parquet", "rows": int(rows[t]), "sha256": sha256_file(folder / f"{t}.parquet")}
                   for t in sorted(tables)},
    }
    for t in tables:
        _fsync(folder / f"{t}.parquet")
    tmp = folder / f".{BUILD_MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    _fsync(tmp)
    os.replace(tmp, folder / BUILD_MANIFEST)
    _fsync(folder)
    return manifest


def read_manifest(folder: Path) -> dict:
    """The build manifest of ``folder``; ``BuildError`` when it is missing or unreadable."""
    path = Path(folder) / BUILD_MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BuildError(f"{folder} is not a complete build: it has no {BUILD_MANIFEST} "
                         "(the build did not finish, or this is not a build folder)") from None
    except (OSError, ValueError) as exc:
        raise BuildError(f"{path} cannot be read: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("complete") is not True or not isinstance(
            manifest.get("tables"), dict):
        raise BuildError(f"{path} does not describe a complete build")
    return manifest


def verify_build(folder: Path, tables: list[str]) -> dict:
    """The manifest of ``folder`` if it is one complete, checked build holding exactly ``tables``
    unchanged since it was built; ``BuildError`` saying why not otherwise."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    listed = set(manifest["tables"])
    if listed != set(tables):
        raise BuildError(f"{folder} holds tables {sorted(listed)}, expected {sorted(tables)}")
    for t in sorted(tables):
        path = folder / f"{t}.parquet"
        if not path.is_file():
            raise BuildError(f"{folder} is not a complete build: {path.name} is missing")
        if sha256_file(path) != manifest["tables"][t].get("sha256"):
            raise BuildError(f"{folder} is not the build its manifest describes: {path.name} changed since it was built")
    return manifest


def promote(outputs: Path, folder: Path) -> None:
    """Make ``outputs/latest`` point at ``folder`` in one atomic rename."""
    latest = outputs / "latest"
    if latest.exists() and not latest.is_symlink():
        # a real folder from an older layout: keep it as a build, out of the way
        os.replace(latest, outputs / "builds" / f"legacy-{os.getpid()}")
    target = os.path.relpath(folder, outputs)
    tmp = outputs / f".latest.{folder.name}.tmp"
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    os.symlink(target, tmp)
    os.replace(tmp, latest)
    _fsync(outputs)


def current(outputs: Path) -> Path | None:
    """The build folder ``outputs/latest`` points at, if any."""
    latest = outputs / "latest"
    return latest.resolve() if latest.exists() else None


def prune(outputs: Path, keep: int = KEEP_BUILDS, *, now: float | None = None) -> list[str]:
    """Delete old builds: complete ones beyond the newest ``keep`` (latest always kept) and
    incomplete ones untouched for ``STALE_AFTER_S``. Returns the names removed, sorted."""
    builds = outputs / "builds"
    if not builds.is_dir():
        return []
    live = current(outputs)
    now = time.time() if now is None else now
    complete, removed = [], []
    for d in sorted(p for p in builds.iterdir() if p.is_dir()):
        if live is not None and d.resolve() == live:
            continue
        if (d / BUILD_MANIFEST).is_file():
            complete.append(d)
        elif now - max((p.stat().st_mtime for p in [d, *d.iterdir()]), default=0) > STALE_AFTER_S:
            removed.append(d)
    complete.sort(key=lambda d: (d / BUILD_MANIFEST).stat().st_mtime_ns, reverse=True)
    removed += complete[max(0, keep - (live is not None)):]
    for d in removed:
        shutil.rmtree(d, ignore_errors=True)
    return sorted(d.name for d in removed)
