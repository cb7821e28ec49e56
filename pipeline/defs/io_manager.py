"""Published assets are stored as ``outputs/builds/<run id>/<asset>.parquet`` through ``pipeline.io``.

Every run writes into its own build folder (``pipeline.builds``); ``outputs/latest`` is switched to
it by the ``latest`` asset only once every table and blocking check of the run passed.
"""


import dagster as dg
import pandas as pd
import pandera.errors

from schemas import TABLES

from ..builds import writable_error
from ..io import read_table, write_table
from .resources import ProjectPaths


class ParquetTableIOManager(dg.ConfigurableIOManager):
    paths: dg.ResourceDependency[ProjectPaths]

    def handle_output(self, context: dg.OutputContext, obj: pd.DataFrame) -> None:
        table = context.asset_key.path[-1]
        if table not in TABLES:
            raise dg.Failure(f"{table} is not a published table (schemas.TABLES)")
        folder = self.paths.builds / context.run_id
        try:
            path = write_table(table, obj, folder)
        except OSError as exc:          # disk full, read-only outputs: one line naming the folder
            raise dg.Failure(str(writable_error(exc, folder))) from None
        except pandera.errors.SchemaErrors as exc:
            cases = exc.failure_cases.head(50).to_string(index=False)
            raise dg.Failure(
                description=f"{table}: {len(exc.failure_cases)} schema failure(s); nothing was written",
                metadata={"failure_cases": dg.MetadataValue.md(f"```\n{cases}\n```")},
            ) from exc
        context.add_output_metadata({"path": dg.MetadataValue.path(str(path)),
                                     "dagster/row_count": len(obj)})

    def load_input(self, context: dg.InputContext) -> pd.DataFrame:
        upstream = context.upstream_output
        folder = self.paths.builds / upstream.run_id if upstream is not None else self.paths.latest
        return read_table(folder / f"{context.asset_key.path[-1]}.parquet")
