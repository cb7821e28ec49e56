"""Dagster assets: thin wrappers, one per stage and one per published table.

discovered_files -> document_results (parse + extract, per document) -> resolved_mentions
(normalize + deduplicate) -> the published tables, each written by the ``tables`` IO manager into
this run's build folder -> ``latest`` (build manifest, then ``outputs/latest`` switched to the
build: runs only when every table and every blocking check passed; see ``pipeline.builds``).
Intermediate stages live in memory of the run (``mem_io_manager``), so two runs never share them.
"""


import dagster as dg
import pandas as pd

from schemas.contract import columns, table_meta

from .. import build, builds
from ..discover import FileRecord, discover
from ..resolve import previous_event_ids
from ..screen import screen
from .resources import ProjectPaths

STAGES = "stages"
OWNERS = ["team:syria-events-maintainers"]
PUBLISHED = "published"


@dg.asset(group_name=STAGES, owners=OWNERS, kinds={"python"}, description="Every file under seeds/: hash, size, detected format or problem.")
def discovered_files(context: dg.AssetExecutionContext, paths: ProjectPaths) -> list[FileRecord]:
    try:
        builds.check_seeds(paths.seeds)
    except builds.BuildError as exc:
        raise dg.Failure(str(exc)) from None
    records = discover(paths.seeds)
    context.add_output_metadata({"files": len(records), "usable": sum(r.problem is None for r in records)})
    return records


@dg.asset(group_name=STAGES, owners=OWNERS, kinds={"python"}, description="Each usable file parsed by its format's parser and extracted.")
def document_results(context: dg.AssetExecutionContext, paths: ProjectPaths,
                     discovered_files: list[FileRecord]) -> list[build.DocumentResult]:
    results = screen(build.map_documents(paths.seeds, discovered_files))
    context.add_output_metadata({"documents": sum(r.extract is not None for r in results),
                                 "quarantined": sum(r.extract is None for r in results)})
    return results


@dg.asset(group_name=STAGES, owners=OWNERS, kinds={"pandas"}, description="All mentions, normalized and resolved to events.")
def resolved_mentions(context: dg.AssetExecutionContext, paths: ProjectPaths,
                      document_results: list[build.DocumentResult]) -> pd.DataFrame:
    # event ids carried forward from the newest release, so they stay stable across releases
    out = build.resolved_mentions(document_results, previous_event_ids(paths.releases))
    context.add_output_metadata(dict(out.attrs.get("resolution", {})))   # blocking caps counted, never silent
    return out


def column_schema(table: str) -> dg.TableSchema:
    """The table's columns for the Dagster UI, generated from its pandera model (schemas/)."""
    meta = table_meta(table)
    return dg.TableSchema(
        columns=[dg.TableColumn(c.name, c.logical, description=c.description,
                                constraints=dg.TableColumnConstraints(nullable=c.nullable,
                                                                      unique=[c.name] == meta["primary_key"]))
                 for c in columns(table)])


def _published(fn):
    """A published table: asset, table and file share the name; the description, the column schema
    and the primary key come from the schema; the row count is added when it is written."""
    table = fn.__name__
    return dg.asset(name=table, group_name=PUBLISHED, io_manager_key="tables", kinds={"parquet", "pandas"},
                    owners=OWNERS, description=table_meta(table)["description"],
                    metadata={"dagster/column_schema": column_schema(table),
                              "primary_key": ", ".join(table_meta(table)["primary_key"])})(fn)


@_published
def documents(document_results: list[build.DocumentResult]) -> pd.DataFrame:
    return build.documents_table(document_results)


@_published
def quarantine(document_results: list[build.DocumentResult]) -> pd.DataFrame:
    return build.quarantine_table(document_results)


@_published
def event_mentions(resolved_mentions: pd.DataFrame) -> pd.DataFrame:
    return resolved_mentions


@_published
def events(resolved_mentions: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    return build.events_table(resolved_mentions, sources)


@_published
def sources(document_results: list[build.DocumentResult], resolved_mentions: pd.DataFrame) -> pd.DataFrame:
    return build.sources_table(document_results, resolved_mentions)


@_published
def related_links(document_results: list[build.DocumentResult], resolved_mentions: pd.DataFrame) -> pd.DataFrame:
    return build.related_links_table(document_results, resolved_mentions)


@_published
def casualty_figures(document_results: list[build.DocumentResult], resolved_mentions: pd.DataFrame) -> pd.DataFrame:
    return build.casualty_figures_table(document_results, resolved_mentions)


TABLE_ASSETS = [documents, quarantine, event_mentions, events, sources, related_links, casualty_figures]


@dg.asset(group_name=PUBLISHED, deps=TABLE_ASSETS, owners=OWNERS, kinds={"json"},
          description="outputs/latest: this run's build folder, made current in one atomic step once every "
                      "table was written and every blocking check passed; writes build.json (inputs, table hashes).")
def latest(context: dg.AssetExecutionContext, paths: ProjectPaths,
           discovered_files: list[FileRecord]) -> dg.MaterializeResult:
    from ..integrity import gate
    from ..io import read_row_count
    from ..release import pipeline_version

    folder = paths.builds / context.run.run_id
    problems = gate(folder, paths.seeds)
    if problems:
        raise dg.Failure(f"build {context.run.run_id} failed its integrity gate: {'; '.join(problems[:5])}")
    tables = [a.key.path[-1] for a in TABLE_ASSETS]
    manifest = builds.write_manifest(
        folder, context.run.run_id, [(f.path, f.sha256) for f in discovered_files], tables,
        {t: read_row_count(folder / f"{t}.parquet") for t in tables}, pipeline_version())
    builds.promote(paths.outputs, folder)
    pruned = builds.prune(paths.outputs)
    return dg.MaterializeResult(metadata={
        "build": context.run.run_id, "path": dg.MetadataValue.path(str(folder)),
        "inputs_sha256": manifest["inputs_sha256"], "pruned": dg.MetadataValue.json(pruned)})


ALL_ASSETS = [discovered_files, document_results, resolved_mentions, *TABLE_ASSETS, latest]
