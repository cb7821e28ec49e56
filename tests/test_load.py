"""connect() over a built folder: the casualty_estimates view counts a strike told twice once."""

from pipeline.load import connect, load_table

from .test_resolve import S000, events_of


def test_casualty_estimates_count_a_figure_told_twice_once(seed_build, tables):
    root, _ = seed_build
    con = connect(path=root / "outputs" / "latest")
    eid = next(iter(events_of(tables, S000, "Maarrat al-Nu'man")))
    rows = con.execute("""
        SELECT outcome, victim_group, count_low, count_high, n_figures, n_documents, reporters
        FROM casualty_estimates WHERE event_id = ? ORDER BY victim_group""", [eid]).fetchall()
    assert rows == [
        ("killed", "militants", 23, 23, 1, 1, ["Syrian Observatory for Human Rights"]),
        ("killed", "people", 60, 60, 2, 2, ["Syrian Observatory for Human Rights"]),
    ]
    naive = con.execute("SELECT sum(count_high) FROM casualty_figures WHERE event_id = ?", [eid]).fetchone()[0]
    assert naive == 143  # what summing the raw table would claim: 60 + 60 + 23


def test_load_table_dtypes(seed_build):
    root, _ = seed_build
    events = load_table("events", path=root / "outputs" / "latest")
    assert str(events["date"].dtype).startswith("datetime64")
    assert str(events["n_mentions"].dtype) == "Int64"
    assert isinstance(events["topics"].iloc[0], list)


def test_readme_monthly_civilian_totals_keep_unknown_bounds_unknown(seed_build):
    import re

    from pipeline.paths import REPO_ROOT

    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    sql = re.search(r'con\.sql\("""(.*?)"""\)', readme, re.S).group(1)
    assert "casualty_estimates" in sql
    root, _ = seed_build
    rows = {m: (low, high) for m, _, low, high in connect(path=root / "outputs" / "latest").sql(sql).fetchall()}
    assert rows["2015-11"] == (18, None)   # Ariha: "at least 18 civilians", no upper bound
    assert rows["2019-07"] == (0, 42)      # "up to 42 civilians": no lower bound stated


def _copy_with_events(seed_build, tmp_path, change):
    """outputs/latest copied, with events.parquet rewritten by ``change(arrow table)`` (pyarrow, not io:
    a file the pipeline would never write)."""
    import shutil

    import pyarrow.parquet as pq

    folder = shutil.copytree(seed_build[0] / "outputs" / "latest", tmp_path / "release")
    events = pq.read_table(folder / "events.parquet")
    (folder / "events.parquet").unlink()
    result = change(events)
    if isinstance(result, bytes):
        (folder / "events.parquet").write_bytes(result)
    else:
        pq.write_table(result, folder / "events.parquet")
    return folder


def test_load_table_and_connect_name_the_column_that_differs_from_the_codebook(seed_build, tmp_path):
    import pyarrow as pa
    import pytest

    from pipeline.load import TableSchemaError

    def change(events):
        events = events.drop_columns(["topics"]).append_column("extra", pa.array([1] * events.num_rows))
        i = events.schema.get_field_index("n_mentions")
        return events.set_column(i, "n_mentions", events["n_mentions"].cast(pa.string()))

    folder = _copy_with_events(seed_build, tmp_path, change)
    expected = (f"{folder / 'events.parquet'} does not match the codebook's events table: column 'topics' is "
                f"missing; column 'extra' is not in the codebook; column 'n_mentions' is string, the codebook "
                f"says int64")
    with pytest.raises(TableSchemaError) as err:
        load_table("events", path=folder)
    assert str(err.value) == expected
    with pytest.raises(TableSchemaError) as err:
        connect(path=folder)
    assert str(err.value) == expected
    assert len(load_table("documents", path=folder)) == len(load_table("documents", path=seed_build[0] / "outputs" / "latest"))


def test_a_file_that_is_not_parquet_is_named(seed_build, tmp_path):
    import pytest

    from pipeline.load import TableSchemaError

    folder = _copy_with_events(seed_build, tmp_path, lambda events: b"PAR1 not really")
    with pytest.raises(TableSchemaError, match=r"^.*/release/events\.parquet is not a readable Parquet file \(ArrowInvalid\)$"):
        connect(path=folder)


def test_load_table_in_a_new_process_imports_neither_pyarrow_dataset_nor_duckdb(seed_build):
    """What a new process pays above ``import pandas`` (issue 11: load_table <= 0.4 s): one file is
    read with ``ParquetFile``, the same table as ``pq.read_table`` gives, without the dataset stack."""
    import subprocess
    import sys

    import pyarrow.parquet as pq

    from pipeline.io import read_table

    root, _ = seed_build
    latest = root / "outputs" / "latest"
    code = ("import sys\n"
            "from pipeline.load import load_table\n"
            f"events = load_table('events', path={str(latest)!r})\n"
            "print(len(events), sorted(m for m in ('pyarrow.dataset', 'pyarrow._acero', 'duckdb') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    rows = pq.read_metadata(latest / "events.parquet").num_rows
    assert out.stdout.split(" ", 1) == [str(rows), "[]\n"]
    same = pq.read_table(latest / "events.parquet").to_pandas()
    mine = read_table(latest / "events.parquet")
    assert mine["event_id"].tolist() == same["event_id"].tolist()
    assert mine["topics"].tolist() == [list(v) for v in same["topics"]]
