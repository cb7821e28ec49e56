"""Issue 11 (peak memory, perf-rss): the mentions stage resolved in Arrow (``build.resolved_table``:
resolution reads only its columns as pandas) gives the rows ``build.resolved_mentions`` gives, and
``pipeline.memory.release`` hands back what Arrow's pool holds after a table is freed."""

from __future__ import annotations

import gc

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.build import MENTION_COLUMNS, resolved_mentions, resolved_table
from pipeline.io import read_table, to_pandas, write_stage
from pipeline.memory import release
from pipeline.resolve import MENTION_COLUMNS as READ
from tests.test_resolution_retellings import mentions_of

DOCS = ("wikipedia_statement_refers_back_to_the_town.md", "wikipedia_day_section_names_the_town.md",
        "current_events_day_formats_topics.md")


def test_the_stage_resolved_in_arrow_gives_the_rows_of_resolved_mentions(tmp_path):
    stage = write_stage("extracted_mentions", pd.DataFrame(mentions_of(*DOCS), columns=MENTION_COLUMNS), tmp_path)
    table = pq.read_table(stage)
    backwards = table.take(pa.array(range(table.num_rows - 1, -1, -1)))     # not in mention_id order
    out, stats = resolved_table(backwards)
    arrow = write_stage("event_mentions", out, tmp_path / "arrow", "resolved_mentions")
    pandas = write_stage("event_mentions", resolved_mentions(read_table(stage)), tmp_path / "pandas", "resolved_mentions")
    assert arrow.read_bytes() == pandas.read_bytes()
    assert stats["mentions"] == 4 and stats["merges"] == 1
    df = to_pandas(out)
    assert df["mention_id"].is_monotonic_increasing
    df = df.set_index(df["text"].str[:12])
    # the statement that refers back to the town and the day's section naming it: one event
    assert df.loc["On 13 Octobe", "event_id"] == df.loc["The SOHR als", "event_id"]
    assert df.loc["On 13 Octobe", "geo_basis"] == "subject"            # the extractor's, as published
    # the columns resolution never reads come through from the stage
    assert df.loc["Suspected Ru", "topics"] == ["Syrian Civil War"]
    assert df.loc["Suspected Ru", "detail"].startswith("At least 60 civilian")
    assert df.loc["The Nobel Co", "context"] == ["Nobel Prize in Chemistry"]
    assert df.loc["The Nobel Co", "event_type"] == "other"
    assert not {"detail", "topics", "context", "quality_flags", "event_type"} & set(READ)


def test_release_hands_back_the_memory_of_a_freed_table(tmp_path):
    rows = 2_000_000
    pq.write_table(pa.table({"text": [f"mention text number {i} of the test" for i in range(rows)],
                             "i": pa.array(range(rows), pa.int64())}), tmp_path / "t.parquet")

    def resident() -> int:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * 4096

    gc.collect()
    release()
    before = resident()
    table = pq.read_table(tmp_path / "t.parquet")           # read on Arrow's threads, as a stage is
    size = table.nbytes
    assert size > 90 * 2**20
    del table
    gc.collect()
    release()
    # without it, about twice the table stayed resident (mimalloc keeps what its threads freed)
    assert resident() - before < size / 2
