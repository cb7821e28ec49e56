"""Where things are: one resource, anchored at the repository root, overridable by tests."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

REPO_ROOT = Path(__file__).resolve().parents[1]


class ProjectPaths(dg.ConfigurableResource):
    """All paths the pipeline reads or writes. Empty fields default to folders under ``root``."""

    root: str = str(REPO_ROOT)
    seeds_dir: str = ""
    outputs_dir: str = ""

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
    def releases(self) -> Path:
        return self.outputs / "releases"
