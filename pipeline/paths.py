"""Where things are, without Dagster: the repository root and the project's folder layout.

``Layout`` (plain) and the Dagster resource ``pipeline.defs.resources.ProjectPaths`` share
``LayoutMixin``, so a path is defined once. Nothing here reads the environment at import time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]

# Files of a release folder (pipeline.release writes them; download and load read them).
CHECKSUMS = "SHA256SUMS"
MANIFEST = "manifest.json"
INDEX = "index.json"


class LayoutMixin:
    """Folders under ``root`` unless ``seeds_dir`` / ``outputs_dir`` are set.

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
    def seeds(self) -> Path:
        return Path(self.seeds_dir) if self.seeds_dir else Path(self.root) / "seeds"

    @property
    def outputs(self) -> Path:
        return Path(self.outputs_dir) if self.outputs_dir else Path(self.root) / "outputs"

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
    root: str = str(REPO_ROOT)
    seeds_dir: str = ""
    outputs_dir: str = ""
    cache_dir: str = ""
