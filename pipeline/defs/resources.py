"""Where things are: one resource, anchored at the project folder (``pipeline.paths.project_root``:
the current directory of the process that loads the definitions), overridable by tests.
The folder layout itself is defined once, in ``pipeline.paths.LayoutMixin``."""

from __future__ import annotations

import dagster as dg

from ..paths import LayoutMixin


class ProjectPaths(LayoutMixin, dg.ConfigurableResource):
    """All paths the pipeline reads or writes. Empty fields default to folders under ``root``
    (empty ``root``: the current directory)."""

    root: str = ""
    seeds_dir: str = ""
    outputs_dir: str = ""
