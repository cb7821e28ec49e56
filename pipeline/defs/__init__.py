"""Dagster definitions of the pipeline: thin assets and checks over the plain packages of ``pipeline``."""

from ..memory import use_system_allocator
from ..startup import frozen_imports

use_system_allocator()        # the build process: Arrow's freed memory handed back (pipeline.memory)

with frozen_imports():        # Dagster, pandas, pandera: imported once, never scanned by the collector again
    from .definitions import make_definitions

    defs = make_definitions()

__all__ = ["defs", "make_definitions"]
