"""Dagster assets: thin wrappers over ``pipeline.build``.

    discovered_files -> extract (parsed_documents, extracted_mentions, extracted_sources,
    extracted_links, extracted_figures) -> resolved_mentions -> tables (the seven published
    tables) -> latest

Stages (group ``stages``) are Parquet datasets in this run's build folder (``stages/``, written and
read by the ``stages`` IO manager), each with its pandera schema (``schemas.stages``) checked by a
blocking asset check in the step that makes it: nothing downstream runs on a stage that fails
its schema. The per-document map inside ``extract`` is cached by content (``pipeline.cache``) and
runs on the ``engine`` resource (in-process, a Dask LocalCluster or a Dask cluster).

The published tables (group ``published``) are made in one step (``tables``): each is validated
against its model (its blocking ``schema`` check) and written to the run's build folder by
``pipeline.io``. One step rather than seven: the tables share their inputs, and each Dagster step
costs events in the run storage, not work (BENCHMARKS.md). ``latest`` makes the build current
(build manifest, then ``outputs/latest`` switched) only when every table and every blocking check
passed; see ``pipeline.builds``.
"""


import functools
from collections.abc import Callable

import dagster as dg
import pandas as pd
import pandera.errors
import pyarrow as pa
import pyarrow.parquet as pq

from schemas import TABLES
from schemas.contract import columns, table_meta

from .. import build, builds
from ..integrity import VALIDATED, check_stage, passed_before
from ..io import copy_table, write_table
from ..memo import StepMemo, digest
from ..memory import release as release_memory
from .io_manager import StageFile
from .resources import MapEngine, ProjectPaths

STAGES = "stages"
OWNERS = ["team:syria-events-maintainers"]
PUBLISHED = "published"


def _schema_spec(asset: str, schema: str) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec("schema", asset=asset, blocking=True,
                             description=f"{asset} validates against its pandera schema ({schema}).")


def _schema_result(context: dg.AssetExecutionContext, paths: ProjectPaths, asset: str, schema: str,
                   frame: Callable[[], pd.DataFrame | pa.Table]) -> dg.AssetCheckResult:
    """The blocking schema check of a stage, on the file the stages IO manager just wrote for it:
    validated row by row unless that file's bytes already passed these models in an earlier build
    (``pipeline.integrity.check_stage``; "rows_validated" says which)."""
    written = paths.stages(context.run.run_id) / f"{asset}.parquet"
    failures, kept = check_stage(schema, frame, written, paths.cache / VALIDATED)
    return dg.AssetCheckResult(asset_key=asset, check_name="schema", passed=failures.empty, metadata={
        "failures": len(failures), "rows_validated": not kept,
        "failure_cases": dg.MetadataValue.md(f"```\n{failures.head(50).to_string(index=False)}\n```")})


def column_schema(table: str) -> dg.TableSchema:
    """A table's (or stage's) columns for the Dagster UI, generated from its pandera model."""
    meta = table_meta(table)
    return dg.TableSchema(
        columns=[dg.TableColumn(c.name, c.logical, description=c.description,
                                constraints=dg.TableColumnConstraints(nullable=c.nullable,
                                                                      unique=[c.name] == meta["primary_key"]))
                 for c in columns(table)])


def _stage_meta(schema: str) -> dict:
    return {"stage_schema": schema, "dagster/column_schema": column_schema(schema)}


# --- stages -------------------------------------------------------------------------------------
@dg.asset(group_name=STAGES, owners=OWNERS, kinds={"parquet"}, io_manager_key="stages",
          metadata=_stage_meta("inventory"), check_specs=[_schema_spec("discovered_files", "inventory")],
          description="Every file under seeds/: hash, size, detected format and document key, or why it "
                      "cannot be used (stage schema inventory).")
def discovered_files(context: dg.AssetExecutionContext, paths: ProjectPaths, engine: MapEngine):
    try:
        builds.check_seeds(paths.seeds)
    except builds.BuildError as exc:
        raise dg.Failure(str(exc)) from None
    records = build.discover(paths.seeds, paths.cache, engine.session())
    df = build.inventory_table(records)
    yield dg.Output(df, metadata={"files": len(records), "usable": sum(r.problem is None for r in records)})
    yield _schema_result(context, paths, "discovered_files", "inventory", lambda: df)


EXTRACT_STAGES = {
    "parsed_documents": "One row per input file: the document parse and extract made of it, or its quarantine.",
    "extracted_mentions": "Every event mention of the usable documents, before resolution.",
    "extracted_sources": "Every cited source, by mention.",
    "extracted_links": "Every related item of a current-events page, by mention.",
    "extracted_figures": "Every casualty figure, by mention.",
}


@dg.multi_asset(
    name="extract",
    outs={name: dg.AssetOut(group_name=STAGES, owners=OWNERS, kinds={"parquet"}, io_manager_key="stages",
                            metadata=_stage_meta(name), description=desc)
          for name, desc in EXTRACT_STAGES.items()},
    check_specs=[_schema_spec(name, name) for name in EXTRACT_STAGES],
    description="The per-document map: parse, extract and screen every document not in the cache "
                "(pipeline.cache, keyed by content and extractor version) on the engine resource.")
def extract(context: dg.AssetExecutionContext, paths: ProjectPaths, engine: MapEngine,
            discovered_files: pd.DataFrame):
    stages, report = build.run_map(paths.seeds, build.records_of(discovered_files), paths.cache, engine.session())
    engine.release()        # the workers' memory back before resolution: nothing after the map uses them
    context.log.info(f"map: {report.cached} documents from the cache, {report.extracted} extracted "
                     f"({report.engine}, {report.workers} worker(s), {report.seconds:.1f} s)")
    for name in list(stages):
        table = stages.pop(name)       # each let go once written and checked
        yield dg.Output(table, output_name=name, metadata=report.as_metadata() if name == "parsed_documents" else {})
        yield _schema_result(context, paths, name, name, functools.partial(_same, table))
        del table
    release_memory()        # the stage tables are written: their memory back before resolution


@dg.asset(group_name=STAGES, owners=OWNERS, kinds={"parquet"}, io_manager_key="stages",
          metadata=_stage_meta("event_mentions"), check_specs=[_schema_spec("resolved_mentions", "event_mentions")],
          ins={name: dg.AssetIn(input_manager_key="stage_files")
               for name in ("extracted_mentions", "discovered_files", "parsed_documents")},
          description="All mentions resolved to events (pipeline.resolve): the event_mentions table.")
def resolved_mentions(context: dg.AssetExecutionContext, paths: ProjectPaths, extracted_mentions: StageFile,
                      discovered_files: StageFile, parsed_documents: StageFile):
    from ..release import previous_event_ids

    # event ids carried forward from the newest release, so they stay stable across releases; the
    # formats of the documents tell which are articles (their body sections tell different happenings)
    previous = previous_event_ids(paths.releases)
    inputs = {"extracted_mentions": extracted_mentions, "discovered_files": discovered_files,
              "parsed_documents": parsed_documents}
    memo = StepMemo(paths.cache, "resolved_mentions")      # the same inputs, ids and code: kept (pipeline.memo)
    key = memo.key({name: stage.path for name, stage in inputs.items()}, digest(sorted(previous.items())))
    kept = memo.get(key)
    table = memo.read(kept, "resolved_mentions.parquet", pq.read_table)
    if kept is not None and table is not None:
        stats = {**kept[1], "reused": True, "summary": f"resolve: {table.num_rows} mentions, the resolution of an "
                 "earlier build of the same mentions, documents, release ids and code (pipeline.memo)"}
        yield dg.Output(table, metadata=stats)
        yield _schema_result(context, paths, "resolved_mentions", "event_mentions", functools.partial(_same, table))
        return
    # resolution reads its columns of the stage; the others stay Arrow (build.resolved_table)
    table, stats = build.resolved_table(pq.read_table(extracted_mentions.path), previous, paths.cache,
                                        build.article_ids(discovered_files.frame(), parsed_documents.frame()))
    yield dg.Output(table, metadata=stats)   # blocking caps counted, never silent
    release_memory()        # resolution's and the writer's memory back before the check reads the table
    check = _schema_result(context, paths, "resolved_mentions", "event_mentions", functools.partial(_same, table))
    del table
    release_memory()
    yield check
    if check.passed:
        memo.put(key, {"resolved_mentions.parquet": paths.stages(context.run.run_id) / "resolved_mentions.parquet"},
                 stats)


# --- published tables ---------------------------------------------------------------------------
TABLE_INPUTS = {
    "documents": ["discovered_files", "parsed_documents"],
    "quarantine": ["discovered_files", "parsed_documents"],
    "event_mentions": ["resolved_mentions"],
    "events": ["resolved_mentions", "sources"],
    "sources": ["extracted_sources", "resolved_mentions"],
    "related_links": ["extracted_links", "resolved_mentions"],
    "casualty_figures": ["extracted_figures", "resolved_mentions"],
}


def _table_spec(table: str) -> dg.AssetSpec:
    """A published table: asset, table and file share the name; the description, the column schema
    and the primary key come from the schema; the row count is added when it is written."""
    meta = table_meta(table)
    return dg.AssetSpec(table, group_name=PUBLISHED, kinds={"parquet", "pandas"}, owners=OWNERS,
                        description=meta["description"], deps=TABLE_INPUTS[table], skippable=True,
                        metadata={"dagster/column_schema": column_schema(table),
                                  "primary_key": ", ".join(meta["primary_key"])})


TABLES_STEP_INPUTS = ["discovered_files", "parsed_documents", "extracted_sources", "extracted_links",
                      "extracted_figures", "resolved_mentions"]


@dg.multi_asset(
    name="tables", specs=[_table_spec(t) for t in TABLES],
    check_specs=[dg.AssetCheckSpec("schema", asset=t, blocking=True,
                                   description=f"{t}.parquet as written validates against schemas.{TABLES[t].__name__}.")
                 for t in TABLES],
    ins={name: dg.AssetIn(name, input_manager_key="stage_files") for name in TABLES_STEP_INPUTS},
    description="The published tables, each validated against its pandera model and written by pipeline.io "
                "into this run's build folder; a table that fails its schema is not written.")
def tables(context: dg.AssetExecutionContext, paths: ProjectPaths, discovered_files: StageFile,
           parsed_documents: StageFile, extracted_sources: StageFile, extracted_links: StageFile,
           extracted_figures: StageFile, resolved_mentions: StageFile):
    folder = paths.builds / context.run.run_id
    inputs = {"discovered_files": discovered_files, "parsed_documents": parsed_documents,
              "extracted_sources": extracted_sources, "extracted_links": extracted_links,
              "extracted_figures": extracted_figures, "resolved_mentions": resolved_mentions}
    memo = StepMemo(paths.cache, "tables")     # the same stage files and code: the tables kept (pipeline.memo)
    key = memo.key({name: stage.path for name, stage in inputs.items()})
    kept = memo.get(key)
    try:                                     # copied first, then reported: all seven or none
        copied = {t: memo.read(kept, f"{t}.parquet", functools.partial(copy_table, directory=folder, name=t))
                  for t in TABLES}
    except OSError as exc:
        raise dg.Failure(str(builds.writable_error(exc, folder))) from None
    order, rows = (kept[1].get("order", []), kept[1].get("rows", {})) if kept is not None else ([], {})
    if all(p is not None for p in copied.values()) and sorted(order) == sorted(TABLES) == sorted(rows):
        for table in order:       # the order they were written in: dependencies first
            yield _written(table, copied[table], rows[table], rows_validated=False)
        return
    stages = {name: inputs[name].frame() for name in
              ("parsed_documents", "extracted_sources", "extracted_links", "extracted_figures")}
    frames = build.published_tables(discovered_files.frame(), stages, resolved_mentions.arrow())
    del stages
    release_memory()        # what reading the stages and assembling the tables let go of
    # event_mentions is the resolved stage's rows, which its blocking check validated with the same
    # model: not validated again when that file's digest is kept (integrity.passed_before)
    checked = {"event_mentions": passed_before("event_mentions", resolved_mentions.path, paths.cache / VALIDATED)}
    written = {}
    for table, df in frames.items():
        valid = checked.get(table, False)
        try:
            written[table] = path = write_table(table, df, folder, validated=valid)
        except OSError as exc:          # disk full, read-only outputs: one line naming the folder
            raise dg.Failure(str(builds.writable_error(exc, folder))) from None
        except pandera.errors.SchemaErrors as exc:
            cases = exc.failure_cases
            yield dg.AssetCheckResult(asset_key=table, check_name="schema", passed=False, metadata={
                "failures": len(cases), "failure_cases": dg.MetadataValue.md(
                    f"```\n{cases.head(50).to_string(index=False)}\n```\nnothing was written")})
            continue
        yield _written(table, path, _rows(df), rows_validated=not valid)
    if len(written) == len(TABLES):
        memo.put(key, {f"{t}.parquet": p for t, p in written.items()},
                 {"order": list(frames), "rows": {t: _rows(df) for t, df in frames.items()}})


def _rows(data: pd.DataFrame | pa.Table) -> int:
    return len(data) if isinstance(data, pd.DataFrame) else data.num_rows


def _same(table: pa.Table) -> pa.Table:
    """A stage's Arrow table for its schema check: validated in slices (``integrity.check_arrow``),
    never made pandas whole (BENCHMARKS.md, perf-mem2)."""
    return table


def _written(table: str, path, rows: int, rows_validated: bool) -> dg.MaterializeResult:
    """A published table written (or copied from a kept result that passed the same models, or
    ``event_mentions`` written from the resolved stage its blocking check validated with the same
    model: then ``rows_validated`` is false, as for the stage checks)."""
    return dg.MaterializeResult(
        asset_key=table, metadata={"path": dg.MetadataValue.path(str(path)), "dagster/row_count": rows},
        check_results=[dg.AssetCheckResult(asset_key=table, check_name="schema", passed=True,
                                           metadata={"failures": 0, "rows_validated": rows_validated})])


TABLE_KEYS = [dg.AssetKey(t) for t in TABLES]


@dg.asset(group_name=PUBLISHED, deps=TABLE_KEYS, owners=OWNERS, kinds={"json"},
          description="outputs/latest: this run's build folder, made current in one atomic step once every "
                      "table was written and every blocking check passed; writes build.json (inputs, table hashes).")
def latest(context: dg.AssetExecutionContext, paths: ProjectPaths, discovered_files: pd.DataFrame) -> dg.MaterializeResult:
    from ..integrity import gate
    from ..io import read_row_count
    from ..release import pipeline_version

    folder = paths.builds / context.run.run_id
    records = build.records_of(discovered_files)
    problems = gate(folder, paths.seeds)
    if problems:
        raise dg.Failure(f"build {context.run.run_id} failed its integrity gate: {'; '.join(problems[:5])}")
    names = list(TABLES)
    manifest = builds.write_manifest(
        folder, context.run.run_id, [(f.path, f.sha256) for f in records], names,
        {t: read_row_count(folder / f"{t}.parquet") for t in names}, pipeline_version())
    builds.promote(paths.outputs, folder)
    pruned = builds.prune(paths.outputs)
    return dg.MaterializeResult(metadata={
        "build": context.run.run_id, "path": dg.MetadataValue.path(str(folder)),
        "inputs_sha256": manifest["inputs_sha256"], "pruned": dg.MetadataValue.json(pruned)})


ALL_ASSETS = [discovered_files, extract, resolved_mentions, tables, latest]
