"""Candidate pairs of event resolution in SQL (pipeline/candidates.py, run by pipeline.resolve):
the blocking self-join, the vectorised score against ``pair_score``, caps counted, the text
feature cache. Mentions are built as the extract stage gives them (tests/test_resolution_rules.py)."""

import itertools

import pandas as pd
import pytest

from pipeline.build import MENTION_COLUMNS
from pipeline.candidates import find_pairs
from pipeline.resolve import (
    DAY_TOLERANCE,
    NEAR_DUPLICATE,
    THRESHOLD,
    _sql_tables,
    conflict,
    exact_scores,
    mention_features,
    pair_score,
    prepare,
    resolve,
)

from .test_resolution_rules import ALEPPO, KAFRANBEL, KHAN_SHAYKHUN, mention


def _letters(i: int) -> str:
    """A made-up word of its own for each i (qxa, qxb, ...): a rare word every mention has alone."""
    out = ""
    while True:
        out = chr(ord("a") + i % 26) + out
        i //= 26
        if i == 0:
            return "qx" + out


def _dense_block(k: int) -> pd.DataFrame:
    """k reports of shelling in Aleppo on one day, each with a word no other report has."""
    rows = [mention(f"m{i:03d}", f"Shelling hit the {_letters(i)} district of Aleppo.", "2016-05-10", doc=f"d{i}",
                    places=["Aleppo"], coord=ALEPPO) for i in range(k)]
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def _dense_month(k: int) -> pd.DataFrame:
    """k reports of shelling in Aleppo spread over the days of May 2016 (day 1 + i % 28: days 1-9
    three reports, days 10-28 two), each with a word no other report has, and one report of the
    month as a whole."""
    rows = [mention(f"m{i:03d}", f"Shelling hit the {_letters(i)} district of Aleppo.", f"2016-05-{1 + i % 28:02d}",
                    doc=f"d{i}", places=["Aleppo"], coord=ALEPPO) for i in range(k)]
    rows.append(mention("z000", "In May 2016, government shelling of Aleppo went on.", "2016-05-01", precision="month",
                        doc="dz", places=["Aleppo"], coord=ALEPPO))
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def test_a_dense_block_is_split_by_day_and_loses_no_pair():
    # 65 reports of (May 2016, Aleppo): more than the old cap of 60 mentions a block. Split by day,
    # the block gives every pair whose periods overlap (a day of tolerance) and no other: the same
    # day (9 days x 3 pairs + 19 days x 1 = 46), consecutive days (8 x 9 + 3 x 2 + 18 x 4 = 150), and
    # the report of the month with each of the 65
    df = _dense_month(65)
    stats = resolve(df).attrs["resolution"]
    days = [d.day for d in df["date"][:65]]
    overlapping = sum(abs(x - y) <= DAY_TOLERANCE for x, y in itertools.combinations(days, 2))
    assert overlapping == 46 + 150
    assert stats["candidate_pairs"] == 46 + 150 + 65 == 261
    assert stats["blocks_over_cap"] == 0 and stats["pairs_in_blocks_over_cap"] == 0
    assert stats["largest_block"] == 66          # the month's sub-block: the report of the month and the 65
    assert stats["max_block"] == "none"


def test_a_block_larger_than_the_cap_is_fully_paired_when_uncapped():
    k = 65
    stats = resolve(_dense_block(k), max_block=None).attrs["resolution"]
    assert stats["candidate_pairs"] == k * (k - 1) // 2 == 2080
    assert stats["blocks_over_cap"] == 0
    assert stats["max_block"] == "none"


def test_a_sub_block_over_the_safety_valve_is_counted_with_the_pairs_it_holds():
    k = 65
    stats = resolve(_dense_block(k), max_block=60).attrs["resolution"]
    # one sub-block (Aleppo, 10 May 2016) is over a cap of 60, and the words every report shares are
    # not rare in the month: no pairs, and the run says how many it would have given
    assert stats["candidate_pairs"] == 0
    assert stats["blocks_over_cap"] == 1
    assert stats["pairs_in_blocks_over_cap"] == 2080
    assert stats["summary"].startswith("resolve: 65 mentions (65 texts' features computed")
    # the month's sub-block (66 mentions) over a cap of 60: the month report's 65 pairs are counted
    stats = resolve(_dense_month(65), max_block=60).attrs["resolution"]
    assert (stats["candidate_pairs"], stats["blocks_over_cap"], stats["pairs_in_blocks_over_cap"]) == (196, 1, 65)


FIXTURE = [
    mention("m1", "On 19 September 2017 at approximately 10:30am, the Kafranbel hospital was attacked with "
                  "three airstrikes.", "2017-09-19", doc="d1", places=["Kafranbel"], coord=KAFRANBEL),
    mention("m2", "Orient hospital in Kafranbel was attacked on 19 September 2017 with three airstrikes that "
                  "resulted in injuries.", "2017-09-19", doc="d2", places=["Kafranbel"], coord=KAFRANBEL),
    mention("m3", "On 19 September 2017 between 11:00 and 11:45, the Rameh hospital in Khan Shaykhoun was "
                  "attacked with airstrikes allegedly by the Syrian or Russian airforce.", "2017-09-19", doc="d3",
            places=["Khan Shaykhun"], coord=KHAN_SHAYKHUN, admin1="Idlib"),
    mention("m4", "On 20 September 2017, the Kafranbel hospital was attacked again with airstrikes.", "2017-09-20",
            doc="d4", kind="headline", places=["Kafranbel"], coord=KAFRANBEL),
    mention("m5", "In September 2017, airstrikes hit hospitals in Idlib Governorate.", "2017-09-01",
            precision="month", doc="d5", places=["Idlib Governorate"], admin1="Idlib"),
    mention("m6", "On 4 February, the rebels captured the village of Bizaah.", "2016-02-04", doc="d6"),
    mention("m7", "On 6 February, the rebels captured the village of Bizaah again.", "2016-02-06", doc="d7"),
]


def _pairs(rows, threshold):
    out = pd.DataFrame(rows, columns=MENTION_COLUMNS).sort_values("mention_id").reset_index(drop=True)
    feats, row_of, _ = mention_features(out["text"].tolist())
    tables = _sql_tables(out, feats, row_of)
    found = find_pairs(tables, len(out), 60, DAY_TOLERANCE, threshold, NEAR_DUPLICATE)
    recs = out.to_dict("records")
    prepare(recs)
    return out, recs, found, exact_scores(found.scored, found.shared, tables["words"], tables["word_rank"], len(out))


def test_sql_score_is_pair_score():
    out, recs, found, (a, b, exact) = _pairs(FIXTURE, threshold=-1.0)     # every candidate pair, whatever its score
    ids = out["mention_id"].tolist()
    pairs = [(ids[i], ids[j]) for i, j in zip(found.scored["a"], found.scored["b"])]
    # the blocking: Kafranbel in September 2017 (m1, m2, m4), shared rare words (hospital, attacked,
    # airstrikes) with m3 and m5; Bizaah in February 2016 (m6, m7, but different days do not overlap)
    assert pairs == [("m1", "m2"), ("m1", "m3"), ("m1", "m4"), ("m1", "m5"), ("m2", "m3"), ("m2", "m4"),
                     ("m2", "m5"), ("m3", "m4"), ("m3", "m5"), ("m4", "m5")]
    assert found.stats["candidate_pairs"] == 10
    for i, j, sql, s in zip(a, b, found.scored["score"], exact):
        assert sql == pytest.approx(pair_score(recs[i], recs[j]), abs=1e-9)     # DuckDB's sums: any order
        assert s == pair_score(recs[i], recs[j])                                 # numpy's: Python's order
    assert round(float(exact[0]), 2) == 0.9           # m1-m2: the Kafranbel hospital, one day, three airstrikes


def test_sql_path_and_rules_accept_and_reject_the_same_pairs():
    out, recs, found, (a, b, exact) = _pairs(FIXTURE, threshold=THRESHOLD)
    ids = out["mention_id"].tolist()
    by_sql = {(ids[i], ids[j]) for i, j, s in zip(a, b, exact) if s >= THRESHOLD}
    # the rules on every pair of mentions, as the Python implementation took them
    by_rules = {(recs[a]["mention_id"], recs[b]["mention_id"]) for a, b in itertools.combinations(range(len(recs)), 2)
                if recs[a]["_fp"] != recs[b]["_fp"] and pair_score(recs[a], recs[b]) >= THRESHOLD}
    by_rules_in_blocks = by_rules - {("m6", "m7")}                     # different days: periods do not overlap
    assert by_sql == by_rules_in_blocks
    accepted = {p for p in by_sql if conflict(recs[ids.index(p[0])], recs[ids.index(p[1])]) is None}
    assert ("m1", "m2") in accepted
    assert ("m1", "m3") not in accepted                                  # different_place
    resolved = resolve(pd.DataFrame(FIXTURE, columns=MENTION_COLUMNS)).set_index("mention_id")
    assert resolved.loc["m1", "event_id"] == resolved.loc["m2", "event_id"]
    assert resolved.loc["m3", "event_id"] != resolved.loc["m1", "event_id"]
    assert resolved.loc["m6", "event_id"] != resolved.loc["m7", "event_id"]


def test_a_small_input_runs_on_one_thread_with_the_same_pairs(monkeypatch):
    # up to SMALL_INPUT mentions DuckDB gets one thread (its second one cost CPU and memory on the
    # seeds); every result is ordered, so the pairs, scores, shared words and near duplicates of the
    # fixture's 7 mentions are the same with DuckDB's default threads
    from pipeline import candidates

    configs = []
    connect = candidates.duckdb.connect

    def spy(database, config):
        configs.append(dict(config))
        return connect(database, config=config)

    monkeypatch.setattr(candidates.duckdb, "connect", spy)
    *_, small = _pairs(FIXTURE, threshold=-1.0)[:3]
    monkeypatch.setattr(candidates, "SMALL_INPUT", 6)       # 7 mentions: over it, DuckDB's own default
    *_, default = _pairs(FIXTURE, threshold=-1.0)[:3]
    assert configs[0]["threads"] == 1 and "threads" not in configs[1]
    for name in ("scored", "shared"):
        got, want = getattr(small, name), getattr(default, name)
        assert sorted(got) == sorted(want)
        for column in got:
            assert got[column].tolist() == want[column].tolist()
    assert (small.near_a.tolist(), small.near_b.tolist()) == (default.near_a.tolist(), default.near_b.tolist())
    assert small.stats == default.stats and small.stats["candidate_pairs"] == 10
    assert len(small.scored["a"]) == 10                  # every candidate pair scored (threshold -1)


def test_text_features_are_cached_by_text(tmp_path):
    texts = [r["text"] for r in FIXTURE]
    first, rows1, computed1 = mention_features(texts + texts[:2], tmp_path)
    again, rows2, computed2 = mention_features(texts, tmp_path)
    assert (computed1, computed2) == (7, 0)
    assert first.equals(again)
    assert list(rows1[-2:]) == list(rows1[:2])                          # one row per distinct text
    assert first.column("kinds").to_pylist()[rows1[5]] == ["capture"]      # "the rebels captured ..."
    assert first.column("facility_names").to_pylist()[rows1[1]] == ["orient"]


def test_resolution_with_the_feature_cache_gives_the_same_table(tmp_path):
    df = pd.DataFrame(FIXTURE, columns=MENTION_COLUMNS)
    plain = resolve(df)
    cached = [resolve(df, cache_dir=tmp_path) for _ in range(2)]
    for c in cached:
        pd.testing.assert_frame_equal(plain, c)
    assert cached[1].attrs["resolution"]["features_computed"] == 0


def test_a_pair_sharing_no_token_reaches_the_threshold_only_on_one_day():
    # find_pairs' argument for leaving out, under a place, the month-precision pairs that share no
    # content word and no number: the best such pair (same place, same kind of action, four shared
    # actors) scores 0.24; dated to the same day it scores 0.34, so those pairs are all generated
    actors = ["Russia", "Syrian government", "Iran", "Hezbollah"]
    a = mention("m1", "Airstrikes hit Aleppo.", "2016-05-01", precision="month", places=["Aleppo"], coord=ALEPPO)
    b = mention("m2", "Bombing pounded neighbourhoods.", "2016-05-10", doc="d2", places=["Aleppo"], coord=ALEPPO)
    recs = [{**a, "actors": actors}, {**b, "actors": actors}]
    prepare(recs)
    assert not (recs[0]["_words"] & recs[1]["_words"]) and recs[0]["_kinds"] == recs[1]["_kinds"] == {"fighting"}
    assert pair_score(recs[0], recs[1]) == pytest.approx(0.24) and pair_score(recs[0], recs[1]) < THRESHOLD
    same_day = [{**a, "actors": actors, "date": pd.Timestamp("2016-05-10"), "date_precision": "day"}, recs[1]]
    prepare(same_day)
    assert pair_score(same_day[0], same_day[1]) == pytest.approx(0.34)


def test_the_score_bound_keeps_every_pair_that_reaches_the_threshold():
    # SCORE_SQL computes the set terms only for pairs whose bound reaches the threshold: a pair whose
    # whole score is set terms (no shared word: cosine 0) at their most is kept at exactly its score
    # (same place 0.15, same kind of action on one day 0.1, four shared actors 0.09 = 0.34) and not above
    actors = ["Russia", "Syrian government", "Iran", "Hezbollah"]
    rows = [{**mention("m1", "Airstrikes hit Aleppo.", "2016-05-10", places=["Aleppo"], coord=ALEPPO), "actors": actors},
            {**mention("m2", "Bombing pounded neighbourhoods.", "2016-05-10", doc="d2", places=["Aleppo"],
                       coord=ALEPPO), "actors": actors}]
    _, recs, found, (_, _, exact) = _pairs(rows, threshold=0.34)
    assert pair_score(recs[0], recs[1]) == pytest.approx(0.34)
    assert list(found.scored["a"]) == [0] and list(found.scored["b"]) == [1]
    assert exact[0] == pair_score(recs[0], recs[1])
    assert len(_pairs(rows, threshold=0.35)[2].scored["a"]) == 0


def test_each_threshold_keeps_exactly_the_pairs_scoring_at_least_it():
    # with the bound, the SQL keeps at every threshold the pairs pair_score puts at or above it (less
    # the float margin), as without it: every distinct score of the fixture's pairs taken as the threshold
    out, recs, found, (a, b, exact) = _pairs(FIXTURE, threshold=-1.0)
    scores = {(int(i), int(j)): float(s) for i, j, s in zip(a, b, exact)}
    for t in sorted(set(scores.values())):
        _, _, kept, _ = _pairs(FIXTURE, threshold=t)
        assert set(zip(kept.scored["a"].tolist(), kept.scored["b"].tolist())) == \
            {p for p, s in scores.items() if s >= t - 1e-6}
