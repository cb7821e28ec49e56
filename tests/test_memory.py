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


# --- perf-mem2: tables validated and written from Arrow --------------------------------------------

def _resolved(tmp_path) -> pa.Table:
    stage = write_stage("extracted_mentions", pd.DataFrame(mentions_of(*DOCS), columns=MENTION_COLUMNS), tmp_path)
    return resolved_table(pq.read_table(stage))[0]


def test_an_arrow_table_validated_in_slices_fails_on_the_rows_the_whole_frame_fails_on():
    from pipeline.integrity import check_arrow, check_schema

    sources = pa.table({"source_id": ["src_1", "src_2", "src_3", "src_4", "src_1"],
                        "mention_id": ["men_1"] * 5, "doc_id": ["doc_1"] * 5,
                        "name": ["Reuters", "SANA", "", "AFP", "TASS"],          # row 2: an empty name
                        "url": [f"https://example.org/{i}" for i in range(5)],
                        "domain": ["example.org"] * 5})                          # rows 0 and 4: one key

    def cases(failures: pd.DataFrame) -> set:
        return {(c, str(f), i) for c, f, i in zip(failures["column"], failures["failure_case"], failures["index"])}

    whole = check_schema("extracted_sources", to_pandas(sources))
    sliced = check_arrow("extracted_sources", sources, rows=2)          # slices [0, 1], [2, 3], [4]
    assert cases(sliced) == cases(whole) == {("name", "", 2), ("source_id", "src_1", 0), ("source_id", "src_1", 4)}
    assert check_arrow("extracted_sources", sources.take([0, 1, 3]), rows=2).empty      # the good rows pass


def test_event_mentions_written_from_arrow_has_the_bytes_of_its_pandas_frame(tmp_path):
    from pipeline.io import write_table

    out = _resolved(tmp_path)
    # out of order, one null list and one NaN longitude (the pandas round trip makes them [] and null)
    out = out.take(pa.array(range(out.num_rows - 1, -1, -1)))
    flags = out.column("quality_flags").to_pylist()
    flags[0] = None
    out = out.set_column(out.schema.get_field_index("quality_flags"), out.schema.field("quality_flags"),
                         pa.array(flags, out.schema.field("quality_flags").type))
    lat = out.column("latitude").to_pylist()
    lon = out.column("longitude").to_pylist()
    at = next(i for i, v in enumerate(lat) if v is None)
    lon[at] = float("nan")
    out = out.set_column(out.schema.get_field_index("longitude"), out.schema.field("longitude"),
                         pa.array(lon, pa.float64(), from_pandas=False))
    arrow = write_table("event_mentions", out, tmp_path / "arrow")
    pandas = write_table("event_mentions", to_pandas(out), tmp_path / "pandas")
    assert arrow.read_bytes() == pandas.read_bytes()
    back = pq.read_table(arrow)
    assert back.num_rows == 4 and back.column("longitude").null_count == back.column("latitude").null_count
    assert [] in back.column("quality_flags").to_pylist() and back.column("quality_flags").null_count == 0
    assert back.column("date").to_pylist() == sorted(back.column("date").to_pylist())


def test_event_mentions_from_arrow_that_fail_their_model_raise_as_the_pandas_frame_does(tmp_path):
    import pandera.errors
    import pytest

    from pipeline.io import write_table

    out = _resolved(tmp_path)
    kind = out.column("kind").to_pylist()
    kind[1] = "rumour"                                          # not a kind of mention
    out = out.set_column(out.schema.get_field_index("kind"), out.schema.field("kind"), pa.array(kind, pa.string()))
    with pytest.raises(pandera.errors.SchemaErrors) as err:
        write_table("event_mentions", out, tmp_path / "arrow")
    assert err.value.failure_cases["failure_case"].tolist() == ["rumour"]
    assert not (tmp_path / "arrow" / "event_mentions.parquet").exists()
