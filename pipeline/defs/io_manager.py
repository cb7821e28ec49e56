"""Stage assets are stored as ``outputs/builds/<run id>/stages/<asset>.parquet`` through ``pipeline.io``.

Stages flow between assets as Parquet files with the schemas of ``schemas.stages`` (each stage
asset names its schema in its ``stage_schema`` metadata), never as pickled Python objects. An
input loaded by ``StageFileInputManager`` (input manager ``stage_files``) is handed over as a
``StageFile`` (the file, read when the step asks for it): a step whose result is kept
(``pipeline.memo``) keys it on the files and never reads them. Every
run writes into its own build folder, so two runs never share a stage; a downstream step
re-executed from an earlier run reads that run's files. The published tables are written by the
``tables`` asset itself (``pipeline.io.write_table``) into the same build folder.
"""


from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..builds import writable_error
from ..io import read_table, write_stage
from .resources import ProjectPaths


@dataclass(frozen=True)
class StageFile:
    """A stage file of a run, read when ``frame()`` is called."""

    path: Path

    def frame(self) -> pd.DataFrame:
        return read_table(self.path)

    def arrow(self) -> pa.Table:
        """The file as Arrow (no pandas copy)."""
        with pq.ParquetFile(self.path) as f:
            return f.read()


class StageIOManager(dg.ConfigurableIOManager):
    paths: dg.ResourceDependency[ProjectPaths]

    def handle_output(self, context: dg.OutputContext, obj: pd.DataFrame | pa.Table) -> None:
        name = context.asset_key.path[-1]
        folder = self.paths.stages(context.run_id)
        schema = (context.definition_metadata or {}).get("stage_schema", name)
        try:
            path = write_stage(schema, obj, folder, name)
        except OSError as exc:          # disk full, read-only outputs: one line naming the folder
            raise dg.Failure(str(writable_error(exc, folder))) from None
        context.add_output_metadata({"path": dg.MetadataValue.path(str(path)),
                                     "dagster/row_count": len(obj) if isinstance(obj, pd.DataFrame) else obj.num_rows})

    def load_input(self, context: dg.InputContext) -> pd.DataFrame | StageFile:
        return read_table(self._path(context))

    def _path(self, context: dg.InputContext) -> Path:
        upstream = context.upstream_output
        path = self.paths.stages(upstream.run_id if upstream is not None else "") / f"{context.asset_key.path[-1]}.parquet"
        if upstream is None or not path.is_file():
            raise dg.Failure(f"stage {context.asset_key.to_user_string()} was not written by this run: stages are "
                             "read from the run that wrote them (materialize the whole build job)")
        return path


class StageFileInputManager(StageIOManager):
    """Loads a stage input as a ``StageFile`` (the same file ``StageIOManager`` would read)."""

    def load_input(self, context: dg.InputContext) -> StageFile:
        return StageFile(self._path(context))
