"""syria-events pipeline: seeds/ -> validated Parquet tables (a Dagster code location)."""

from .definitions import defs, make_definitions

__all__ = ["defs", "make_definitions"]
