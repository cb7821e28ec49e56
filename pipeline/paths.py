"""Where things are, without Dagster: the project's folder layout and the names of release files.

The *project* is the folder that holds ``seeds/`` and ``outputs/``. It is ``--project DIR`` when a
command is given one, else the current directory (``project_root``), whether the package runs
from a source checkout (``python3 dev.py ...`` runs every command from the repository root) or was
installed with pip: nothing is ever read from or written next to the installed code.

``Layout`` (plain) and the Dagster resource ``pipeline.defs.resources.ProjectPaths`` share
``LayoutMixin``, so a path is defined once. Nothing here reads the environment at import time.
At import this module loads nothing beyond the standard library (the light client uses it;
``user_cache_dir`` imports pooch when called).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# The source checkout this module sits in (tests and benchmarks find README.md and seeds/ with it).
# Only meaningful in a checkout: installed, it is site-packages, and no default points there.
REPO_ROOT = Path(__file__).resolve().parents[1]

# Files of a release folder and of a releases folder (pipeline.release writes them, the client reads).
CHECKSUMS = "SHA256SUMS"
DATAPACKAGE = "datapackage.json"
MANIFEST = "manifest.json"
CHANGELOG = "CHANGELOG.md"
INDEX = "index.json"


# The user cache folder (gazetteer pickle, extractor versions, Dagster's alembic head, downloaded
# releases): this variable if set when first needed, else the platform's folder via pooch.
CACHE_ENV = "SYRIA_EVENTS_CACHE"


def user_cache_dir() -> Path:
    """``$SYRIA_EVENTS_CACHE`` if set (read when called, never at import), else the user cache folder
    of ``syria-events`` (``~/.cache/syria-events`` on Linux, from ``pooch.os_cache``)."""
    import os

    import pooch  # imported where it is used: reading a local release never needs it

    return Path(os.environ.get(CACHE_ENV) or pooch.os_cache("syria-events"))


def project_root(project: str | Path | None = None) -> Path:
    """The project folder: ``project`` (``--project``) if given, else the current directory."""
    return Path(project).expanduser().resolve() if project else Path.cwd()


class LayoutMixin:
    """Folders under ``root`` (empty: the current directory) unless ``seeds_dir`` / ``outputs_dir`` are set.

    outputs/
      builds/<build-id>/   one complete build: every table, its build manifest (pipeline.builds),
                           and stages/ (the intermediate stage datasets of the build)
      latest               symlink to the newest complete, checked build (switched atomically)
      releases/            published versions (pipeline.release)
      cache/               per-document results kept between builds (pipeline.cache; ``cache_dir``)
    """

    root: str
    seeds_dir: str
    outputs_dir: str
    cache_dir: str

    @property
    def project(self) -> Path:
        """``root``, or the current directory when ``root`` is empty (see ``project_root``)."""
        return project_root(self.root or None)

    @property
    def seeds(self) -> Path:
        return Path(self.seeds_dir) if self.seeds_dir else self.project / "seeds"

    @property
    def outputs(self) -> Path:
        return Path(self.outputs_dir) if self.outputs_dir else self.project / "outputs"

    @property
    def latest(self) -> Path:
        return self.outputs / "latest"

    @property
    def builds(self) -> Path:
        return self.outputs / "builds"

    @property
    def releases(self) -> Path:
        return self.outputs / "releases"

    @property
    def cache(self) -> Path:
        return Path(self.cache_dir) if self.cache_dir else self.outputs / "cache"

    def stages(self, build_id: str) -> Path:
        """Where the stage datasets of build ``build_id`` are written."""
        return self.builds / build_id / "stages"


@dataclass(frozen=True)
class Layout(LayoutMixin):
    root: str = ""
    seeds_dir: str = ""
    outputs_dir: str = ""
    cache_dir: str = ""
