"""Where things are: one resource, anchored at the repository root, overridable by tests.
The folder layout itself is defined once, in ``pipeline.paths.LayoutMixin``."""

from __future__ import annotations

import dagster as dg

from ..paths import REPO_ROOT, LayoutMixin


class ProjectPaths(LayoutMixin, dg.ConfigurableResource):
    """All paths the pipeline reads or writes. Empty fields default to folders under ``root``."""

    root: str = str(REPO_ROOT)
    seeds_dir: str = ""
    outputs_dir: str = ""
