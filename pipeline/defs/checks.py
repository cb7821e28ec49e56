"""Asset checks generated from the schemas: one schema check per published table, one
referential-integrity check per foreign key, and the accounting check (every input file is a
document or a quarantine row). The logic is in ``pipeline.integrity`` (no Dagster).

Schema checks are blocking. Foreign-key and accounting checks cannot be blocking in Dagster (``events``
is built from ``sources``, whose key points back at ``events``: a cycle), so the ``latest`` asset runs
the same functions as its gate (``pipeline.integrity.gate``) before it makes a build current."""


import dagster as dg
import pandas as pd

from schemas import TABLES
from schemas.contract import table_meta

from ..integrity import check_accounting, check_foreign_key, check_schema, entries_on_disk
from .resources import ProjectPaths


def _sample(values: list[str]) -> dg.MetadataValue:
    return dg.MetadataValue.json(values[:20])


def _schema_check(table: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(asset=table, name="schema", blocking=True,
                    description=f"{table}.parquet as written validates against schemas.{TABLES[table].__name__}.")
    def _check(df: pd.DataFrame) -> dg.AssetCheckResult:
        failures = check_schema(table, df)
        return dg.AssetCheckResult(passed=failures.empty, metadata={
            "failures": len(failures),
            "failure_cases": dg.MetadataValue.md(f"```\n{failures.head(50).to_string(index=False)}\n```"),
        })
    return _check


def _fk_check(table: str, column: str, ref: str) -> dg.AssetChecksDefinition:
    target, target_column = ref.split(".")

    @dg.asset_check(asset=table, name=f"{column}_references_{target}",
                    additional_ins={"target": dg.AssetIn(target)},
                    description=f"Every {table}.{column} exists in {ref}.")
    def _check(df: pd.DataFrame, target: pd.DataFrame) -> dg.AssetCheckResult:
        missing = check_foreign_key(df, column, target, target_column)
        return dg.AssetCheckResult(passed=not missing, metadata={"missing": len(missing), "sample": _sample(missing)})
    return _check


@dg.asset_check(asset="quarantine", additional_ins={"documents": dg.AssetIn("documents")},
                description="Every input entry found on disk (a walk of its own, links not followed, unreadable "
                            "folders counted) is accounted for: in documents or in quarantine, never both.")
def every_input_accounted_for(quarantine: pd.DataFrame, documents: pd.DataFrame,
                              paths: ProjectPaths) -> dg.AssetCheckResult:
    result = check_accounting(entries_on_disk(paths.seeds), documents, quarantine)
    return dg.AssetCheckResult(passed=not any(result.values()),
                               metadata={k: _sample(v) for k, v in result.items()})


ALL_CHECKS = (
    [_schema_check(t) for t in TABLES]
    + [_fk_check(t, col, ref) for t in TABLES for col, ref in table_meta(t)["foreign_keys"].items()]
    + [every_input_accounted_for]
)
