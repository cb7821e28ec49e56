"""The merge runs one batch of connected components at a time (``pipeline.components``,
``resolve._merge_in_batches``): the components of the edges, the batches of whole components, and
the resolved columns the same whether every component is a batch of its own or all are one."""

import numpy as np
import pandas as pd

from pipeline import components, resolve
from pipeline.build import MENTION_COLUMNS
from pipeline.components import ByComponent, batches, connected_components

A = "Russian airstrikes hit a hospital in Kafranbel, killing 12 civilians, the Syrian Observatory said."
B = "Russian air strikes hit the main hospital in Kafranbel, killing 13 people, activists said."
C = "Russian airstrikes hit a hospital in Saraqib, killing 12 civilians, the Syrian Observatory said."
D = "Russian air strikes hit the main hospital in Saraqib, killing 9 people, activists said."
KAFRANBEL, SARAQIB = ("Kafranbel", 35.61, 36.56), ("Saraqib", 35.86, 36.80)


def test_components_are_labelled_by_their_smallest_node():
    # 0 alone; 5-1-3 a chain given from its far end; 6-4 and 2-2 (a loop); 7-8-9-7 a cycle
    a = np.array([5, 1, 6, 2, 9, 8, 7])
    b = np.array([1, 3, 4, 2, 7, 9, 8])
    assert connected_components(10, a, b).tolist() == [0, 1, 2, 1, 4, 1, 4, 7, 7, 7]
    assert connected_components(3, np.array([], dtype=np.int64), np.array([], dtype=np.int64)).tolist() == [0, 1, 2]


def test_a_long_chain_given_in_the_worst_order_is_one_component():
    n = 1000
    a = np.arange(n - 1)[::-1]
    assert set(connected_components(n, a, a + 1).tolist()) == {0}


def test_batches_hold_whole_components_in_order_of_label():
    labels = np.array([0, 1, 2, 1, 4, 1, 4, 7, 7, 7])
    got = batches(labels, np.array([1, 3, 4, 5, 6, 7, 8, 9]), size=2)
    # component 1 (three nodes) alone, then 4 (two), then 7 (three)
    assert [(b.nodes.tolist(), b.lo, b.hi) for b in got] == [([1, 3, 5], 1, 1), ([4, 6], 4, 4), ([7, 8, 9], 7, 7)]
    got = batches(labels, np.array([1, 3, 4, 5, 6, 7, 8, 9]), size=5)
    assert [(b.nodes.tolist(), b.lo, b.hi) for b in got] == [([1, 3, 5, 4, 6], 1, 4), ([7, 8, 9], 7, 7)]
    assert batches(labels, np.array([], dtype=np.int64), size=5) == []


def test_rows_of_a_batch_keep_their_order_within_each_component():
    # edges in merge order, tagged with their component: a batch of components 4 to 7 takes
    # rows 1, 4 (component 4, in that order), then 0, 3 (component 7)
    by = ByComponent(np.array([7, 4, 1, 7, 4, 9]))
    assert by.rows(4, 7).tolist() == [1, 4, 0, 3]
    assert by.rows(9, 9).tolist() == [5] and by.rows(2, 3).tolist() == []


def _row(mid, text, doc, place, day):
    name, lat, lon = place
    return {"mention_id": mid, "doc_id": doc, "kind": "narrative", "text": text, "date": pd.Timestamp(day),
            "date_precision": "day", "date_qualifier": None, "section": "Attacks", "detail": None, "topics": [],
            "context": [], "quality_flags": [], "places": [name], "actors": ["Russia"], "location": name,
            "admin1": "Idlib", "latitude": lat, "longitude": lon, "geo_precision": "place"}


def _mentions() -> pd.DataFrame:
    rows = []
    for day, tag in (("2016-02-15", "a"), ("2017-05-01", "b")):     # two components a year apart
        rows += [_row(f"{tag}1", A, f"{tag}d1", KAFRANBEL, day), _row(f"{tag}2", B, f"{tag}d2", KAFRANBEL, day),
                 _row(f"{tag}3", C, f"{tag}d3", SARAQIB, day), _row(f"{tag}4", D, f"{tag}d4", SARAQIB, day),
                 _row(f"{tag}5", A, f"{tag}d5", KAFRANBEL, day)]
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def test_the_merge_gives_the_same_columns_one_component_a_batch_or_all_at_once(tmp_path, monkeypatch):
    seen: list[list[str]] = []
    real = components.batches

    def recorded(labels, nodes, size):
        got = real(labels, nodes, size)
        seen.append([len(b.nodes) for b in got])
        return got

    monkeypatch.setattr(components, "batches", recorded)
    cols = ["mention_id", "event_id", "match_rule", "match_score", "match_evidence", "cannot_link"]
    monkeypatch.setattr(resolve, "MERGE_BATCH", 1)
    one = resolve.resolve(_mentions(), cache_dir=tmp_path)[cols].set_index("mention_id")
    monkeypatch.setattr(resolve, "MERGE_BATCH", 1000)
    whole = resolve.resolve(_mentions(), cache_dir=tmp_path)[cols].set_index("mention_id")
    assert seen == [[5, 5], [10]]           # two components of five mentions: two batches, then one
    assert one.equals(whole)
    for tag in "ab":
        e = one["event_id"]
        # the Kafranbel reports are one event, the Saraqib ones another, each day its own
        assert e[f"{tag}1"] == e[f"{tag}2"] == e[f"{tag}5"] != e[f"{tag}3"] == e[f"{tag}4"]
        # the same text on the same day: one of the two is joined to the other (or to its anchor) as exact text
        assert "exact_text" in {one.loc[f"{tag}1", "match_rule"], one.loc[f"{tag}5", "match_rule"]}
        assert one.loc[f"{tag}1", "cannot_link"] == [f"different_place: {tag}3", f"different_place: {tag}4"]
        assert {one.loc[f"{tag}3", "match_rule"], one.loc[f"{tag}4", "match_rule"]} == {"anchor", "similarity"}
    assert one.loc["a1", "event_id"] != one.loc["b1", "event_id"]


def test_the_mentions_stage_comes_in_the_order_resolution_takes_it(tmp_path):
    # by mention_id, not by document: resolve then takes the stage as read, without a sorted copy
    from pipeline.io import read_table, write_stage

    df = _mentions()
    df["doc_id"] = ["d9", "d1", "d5", "d0", "d3", "d8", "d2", "d7", "d4", "d6"]
    df["date_end"] = pd.NaT
    df["date_basis"], df["event_type"] = "stated", "airstrike"
    path = write_stage("extracted_mentions", df, tmp_path)
    back = read_table(path)
    assert back["mention_id"].tolist() == ["a1", "a2", "a3", "a4", "a5", "b1", "b2", "b3", "b4", "b5"]
    assert back["doc_id"].tolist()[:3] == ["d9", "d1", "d5"]
