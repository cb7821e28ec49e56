"""Dagster definitions of the pipeline: thin assets and checks over the plain packages of ``pipeline``."""

from ..startup import frozen_imports

with frozen_imports():        # Dagster, pandas, pandera: imported once, never scanned by the collector again
    from .definitions import make_definitions

    defs = make_definitions()

__all__ = ["defs", "make_definitions"]
