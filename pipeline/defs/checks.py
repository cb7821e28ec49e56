"""Integrity checks of the published tables, generated from the schemas: one referential-integrity
check per table with foreign keys (``foreign_keys``: every key column, each column's missing
values in its metadata) and the accounting check (every input file is a document or a quarantine
row), all evaluated in one step over the key columns of the files this run wrote. The logic is in
``pipeline.integrity`` (no Dagster). The schema checks (blocking) are evaluated where each table
and stage is made (``pipeline.defs.assets``).

Foreign-key and accounting checks cannot be blocking in Dagster (``events`` is built from
``sources``, whose key points back at ``events``: a cycle), so the ``latest`` asset runs the same
functions as its gate (``pipeline.integrity.gate``) before it makes a build current."""


import dagster as dg

from schemas import TABLES
from schemas.contract import table_meta

from ..integrity import accounting_problems, foreign_key_problems
from .resources import ProjectPaths


def _sample(values: list[str]) -> dg.MetadataValue:
    return dg.MetadataValue.json(values[:20])


FK_SPECS = {
    t: dg.AssetCheckSpec(
        "foreign_keys", asset=t, additional_deps=sorted({ref.split(".")[0] for ref in fks.values()} - {t}),
        description="Every value of " + ", ".join(f"{t}.{c} exists in {ref}" for c, ref in fks.items()) + ".")
    for t in TABLES if (fks := table_meta(t)["foreign_keys"])
}
ACCOUNTING_SPEC = dg.AssetCheckSpec(
    "every_input_accounted_for", asset="quarantine", additional_deps=["documents"],
    description="Every input entry found on disk (a walk of its own, links not followed, unreadable folders "
                "counted) is accounted for: in documents or in quarantine, never both.")


@dg.multi_asset_check(specs=[*FK_SPECS.values(), ACCOUNTING_SPEC], name="integrity",
                      description="Foreign keys and input accounting of the tables this run wrote.")
def integrity(context: dg.AssetCheckExecutionContext, paths: ProjectPaths):
    folder = paths.builds / context.run.run_id
    problems = foreign_key_problems(folder)
    for t in FK_SPECS:
        mine = {column: missing for (table, column), missing in problems.items() if table == t}
        yield dg.AssetCheckResult(
            asset_key=t, check_name="foreign_keys", passed=not any(mine.values()),
            metadata={**{f"{c}_missing": len(m) for c, m in mine.items()},
                      **{f"{c}_sample": _sample(m) for c, m in mine.items() if m}})
    result = accounting_problems(folder, paths.seeds)
    yield dg.AssetCheckResult(asset_key="quarantine", check_name=ACCOUNTING_SPEC.name,
                              passed=not any(result.values()),
                              metadata={k: _sample(v) for k, v in result.items()})


ALL_CHECKS = [integrity]
