"""Dagster definitions of the pipeline: thin assets and checks over the plain packages of ``pipeline``."""

from .definitions import make_definitions

defs = make_definitions()

__all__ = ["defs", "make_definitions"]
