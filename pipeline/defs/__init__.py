"""Dagster definitions of the pipeline: thin assets and checks over the plain packages of ``pipeline``."""

from .definitions import make_definitions
from .storage import relaxed_sqlite_sync

relaxed_sqlite_sync()

defs = make_definitions()

__all__ = ["defs", "make_definitions"]
