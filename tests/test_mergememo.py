"""The merge by parts (``resolve._merge_in_batches``): components less the scored pairs the merge can
never join (``resolve._never_joined``), each part's result kept by content between builds
(``pipeline.mergememo``), and the resolved columns those of a resolution from scratch."""

import numpy as np
import pandas as pd
import pyarrow as pa

from pipeline import memo, mergememo, resolve
from pipeline.build import MENTION_COLUMNS

from .test_components import KAFRANBEL, SARAQIB, A, B, C, _mentions, _row

COLS = ["mention_id", "event_id", "match_rule", "match_score", "match_evidence", "cannot_link"]
E = "Russian jets bombed the bakery of Kafranbel at dawn."
F = "Clashes near Saraqib left two fighters dead."
G = "Russian airstrikes on a hospital were reported by activists."


def _base() -> pd.DataFrame:
    # two days of Kafranbel and Saraqib reports (test_components), and a third day told twice word for word
    return pd.concat([_mentions(), pd.DataFrame([_row("c1", E, "cd1", KAFRANBEL, "2018-03-03"),
                                                 _row("c2", E, "cd2", KAFRANBEL, "2018-03-03")])], ignore_index=True)


def _records(rows: list[dict]) -> tuple[resolve._Records, list[int]]:
    df = pd.DataFrame(rows).sort_values("mention_id").reset_index(drop=True)
    feats, row_of, _ = resolve.mention_features(df["text"].tolist())
    tables = resolve._sql_tables(df, feats, row_of)
    m = tables["m_in"]
    recs = resolve._Records(df, feats, row_of, list(range(len(df))), m.column("start").to_pylist(),
                            m.column("stop").to_pylist())
    return recs, list(range(len(df)))


def test_a_pair_of_two_towns_or_two_days_is_never_joined_and_a_pair_without_a_rule_may_be():
    recs, _ = _records([_row("m1", A, "d1", KAFRANBEL, "2016-02-15"), _row("m2", C, "d2", SARAQIB, "2016-02-15"),
                        _row("m3", B, "d3", KAFRANBEL, "2016-02-15"), _row("m4", B, "d4", KAFRANBEL, "2016-02-17")])
    assert resolve._never_joined(recs[0], recs[1]) == ("different_place", True)
    assert resolve._never_joined(recs[2], recs[3]) == ("different_day", True)
    assert resolve._never_joined(recs[0], recs[2]) == (None, False)


def test_the_merge_runs_by_parts_and_a_second_build_takes_the_unchanged_parts(tmp_path):
    one = resolve.resolve(_base(), cache_dir=tmp_path)
    stats = one.attrs["resolution"]
    # each day's Kafranbel and Saraqib reports are two parts: the pairs across are never joined
    assert (stats["merge_parts"], stats["merge_parts_reused"], stats["mentions_merged"]) == (5, 0, 12)
    assert one.set_index("mention_id").loc["a1", "cannot_link"] == ["different_place: a3", "different_place: a4"]
    again = resolve.resolve(_base(), cache_dir=tmp_path)
    stats = again.attrs["resolution"]
    assert (stats["merge_parts"], stats["merge_parts_reused"], stats["mentions_merged"]) == (5, 5, 0)
    assert again[COLS].equals(one[COLS])

    # two more mentions, another day: every word weight moves, so does every score, but not the
    # order of any part's pairs: the five parts are kept, with the scores of this build; the two
    # new mentions, a clash and an air strike (``resolve.strike_and_clash``: never joined), are a
    # part each, merged
    more = pd.concat([_base(), pd.DataFrame([_row("d1", F, "dd1", SARAQIB, "2019-06-01"),
                                             _row("d2", G, "dd2", SARAQIB, "2019-06-01")])], ignore_index=True)
    two = resolve.resolve(more, cache_dir=tmp_path)
    stats = two.attrs["resolution"]
    assert (stats["merge_parts"], stats["merge_parts_reused"], stats["mentions_merged"]) == (7, 5, 2)
    recs, _ = _records([_row("d1", F, "dd1", SARAQIB, "2019-06-01"), _row("d2", G, "dd2", SARAQIB, "2019-06-01")])
    assert resolve._never_joined(recs[0], recs[1]) == ("different_means", True)
    assert two.set_index("mention_id").loc["d1", "event_id"] != two.set_index("mention_id").loc["d2", "event_id"]
    assert two[COLS].equals(resolve.resolve(more)[COLS])
    before, after = one.set_index("mention_id"), two.set_index("mention_id")
    assert (before.loc["a4", "match_rule"], before.loc["a4", "match_score"]) == ("similarity", 0.62)
    assert (after.loc["a4", "match_rule"], after.loc["a4", "match_score"]) == ("similarity", 0.61)
    assert after.loc["c1", "event_id"] == after.loc["c2", "event_id"]
    assert after.loc["c2", "match_evidence"] == ["same text and date as c1"]


def test_kept_parts_of_other_code_or_a_damaged_file_are_not_used(tmp_path, monkeypatch):
    one = resolve.resolve(_base(), cache_dir=tmp_path)
    monkeypatch.setattr(memo, "code_version", lambda: "another version")
    other = resolve.resolve(_base(), cache_dir=tmp_path)
    assert other.attrs["resolution"]["merge_parts_reused"] == 0
    assert other[COLS].equals(one[COLS])
    (tmp_path / "merge" / "parts.parquet").write_bytes(b"not parquet")
    damaged = resolve.resolve(_base(), cache_dir=tmp_path)
    assert damaged.attrs["resolution"]["merge_parts_reused"] == 0
    assert damaged[COLS].equals(one[COLS])


def test_part_hashes_count_order_and_multiplicity():
    # the sum of mixed elements: the same elements in another order, or one twice, give another sum
    a = mergememo.element(0, np.array([3, 1]), np.array([0, 1]))
    b = mergememo.element(0, np.array([1, 3]), np.array([0, 1]))
    sums = mergememo.group_sums(np.concatenate([a, b]), np.array([0, 0, 1, 1]), 2)
    assert sums[0] != sums[1]
    twice = mergememo.group_sums(np.concatenate([a, a[:1]]), np.array([0, 0, 0]), 1)
    assert twice[0] != sums[0]
    assert mergememo.group_sums(a, np.array([1, 1]), 3).tolist()[0] == 0


def test_kept_pair_facts_are_found_by_the_contents_of_both_mentions(tmp_path):
    kept = mergememo.MergeMemo(tmp_path, "v1")
    k = [np.array([1, 2], dtype=np.uint64), np.array([3, 4], dtype=np.uint64),
         np.array([5, 6], dtype=np.uint64), np.array([7, 8], dtype=np.uint64)]
    kept.keep_pairs(*k, ["different_day", None], np.array([True, False]), np.array([0.15, 0.0]))
    # the second pair asked with its sides swapped is another pair; a third pair is unknown
    known, conflicts, never, bonus = kept.pair_facts(np.array([1, 6, 9], dtype=np.uint64),
                                                     np.array([3, 8, 9], dtype=np.uint64),
                                                     np.array([5, 2, 9], dtype=np.uint64),
                                                     np.array([7, 4, 9], dtype=np.uint64))
    assert known.tolist() == [True, False, False]
    assert conflicts == ["different_day", None, None] and never.tolist() == [True, False, False]
    assert bonus.tolist() == [0.15, 0.0, 0.0]
    assert mergememo.MergeMemo(tmp_path, "v2").pair_facts(*k)[0].tolist() == [False, False]
    assert pa.parquet.read_table(tmp_path / "merge" / "pairs.parquet").schema.metadata[b"version"] == b"v1"


def test_a_pair_of_two_parts_that_step_2_passes_over_adds_no_refused_pair():
    # two towns (never joined: two parts), one shared word and nothing else (``_one_word_apart``):
    # step 2 passes the pair over before any cannot-link, so neither lists the other
    rows = [_row("x1", "Kafranbel mourned quietly.", "dx1", KAFRANBEL, "2016-04-04"),
            _row("x2", "Saraqib mourned loudly.", "dx2", SARAQIB, "2016-04-04")]
    for r in rows:
        r["actors"] = []
    recs, _ = _records(rows)
    assert resolve._never_joined(recs[0], recs[1]) == ("different_place", True)
    assert resolve._one_word_apart(recs[0], recs[1])
    out = resolve.resolve(pd.DataFrame(rows, columns=MENTION_COLUMNS))
    stats = out.attrs["resolution"]
    assert (stats["scored_pairs"], stats["merge_parts"]) == (1, 2)
    assert out["cannot_link"].tolist() == [[], []]
    assert out["event_id"].nunique() == 2
