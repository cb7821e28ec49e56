"""syria-events: seeds/ -> validated Parquet tables.

Plain packages (discover, parsers, extract, resolve, io, release, load, download, ...) never import
Dagster; the Dagster definitions are in ``pipeline.defs`` (``dagster dev`` finds them through
``[tool.dagster]`` in pyproject.toml). ``from pipeline.load import load_table`` costs what pandas costs.
"""
