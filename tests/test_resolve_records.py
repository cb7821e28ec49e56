"""The merge's records (pipeline/resolve.py ``_Records``) hold less memory and read the same: word
sets as sorted tuples (``_WordSet``) with the set operations of the frozensets the rules were
written for, and repeated values (a document's id, a date, a list of places) held once."""

import pandas as pd

from pipeline.build import MENTION_COLUMNS
from pipeline.resolve import _BestFirst, _Records, _sql_tables, _WordSet, mention_features, text_features

A = "Russian airstrikes hit a hospital in Kafranbel, killing 12 civilians, the Syrian Observatory said."
B = "Russian air strikes hit the main hospital in Kafranbel, killing 13 people, activists said."


def row(mid, text, doc="d1", places=("Kafranbel",)):
    return {"mention_id": mid, "doc_id": doc, "kind": "narrative", "text": text, "date": pd.Timestamp("2016-02-15"),
            "date_precision": "day", "date_qualifier": None, "section": "Attacks", "detail": None, "topics": [],
            "context": [], "quality_flags": [], "places": list(places), "actors": ["Russia"], "location": places[0],
            "admin1": "Idlib", "latitude": 35.61, "longitude": 36.56, "geo_precision": "place"}


def test_a_word_set_answers_every_set_operation_as_its_frozenset():
    wa, wb = text_features(A)["all_words"], text_features(B)["all_words"]
    sa, sb = frozenset(wa), frozenset(wb)
    ta, tb = _WordSet(wa), _WordSet(wb)
    assert ta & tb == sa & sb == {"russian", "hit", "hospital", "in", "kafranbel", "killing", "said", "the"}
    assert ta | tb == sa | sb and len(ta | tb) == 19
    assert sorted(ta ^ tb)[:6] == ["12", "13", "activists", "air", "airstrikes", "civilians"] == sorted(sa ^ sb)[:6]
    assert ta - {"said", "russian"} == sa - {"said", "russian"} and {"said", "x"} - ta == {"x"}
    assert sa & tb == sa & sb and sb | ta == sb | sa          # a frozenset on the left
    assert "kafranbel" in ta and "activists" not in ta and len(ta) == len(sa) == 13
    assert ta == sa and ta != sb and not (ta == tb)
    assert frozenset({"hit", "in"}) <= ta and not (ta <= sb)


def test_records_hold_repeated_values_once_and_word_sets_as_tuples(tmp_path):
    df = pd.DataFrame([row("m1", A), row("m2", B), row("m3", A, doc="d2")], columns=MENTION_COLUMNS)
    feats, row_of, computed = mention_features(df["text"].tolist(), tmp_path)
    assert computed == 2                                       # two distinct texts
    m = _sql_tables(df, feats, row_of)["m_in"]
    recs = _Records(df, feats, row_of, [0, 1, 2], m.column("start").to_pylist(), m.column("stop").to_pylist())
    r1, r2, r3 = recs[0], recs[1], recs[2]
    assert r1["doc_id"] == r2["doc_id"] == "d1" and r1["doc_id"] is r2["doc_id"]
    assert r1["places"] is r2["places"] is r3["places"] and r1["places"] == ["Kafranbel"]
    assert r1["date"] is r2["date"] and r1["_start"] == pd.Timestamp("2016-02-15").date()
    assert isinstance(r1["_all_words"], _WordSet) and r1["_all_words"] is r3["_all_words"]   # same text: one set
    assert r1["_all_words"] == frozenset(text_features(A)["all_words"])
    assert sorted(r1["_words"] & r2["_words"]) == ["hit", "hospital", "kafranbel", "kill"]
    assert r1["mention_id"] == "m1" and r3["doc_id"] == "d2"


def test_best_first_pairs_come_as_python_numbers_in_order_a_chunk_at_a_time(monkeypatch):
    import numpy as np

    monkeypatch.setattr(_BestFirst, "CHUNK", 2)
    pairs = _BestFirst(np.array([0.9, 0.5, 0.3]), np.array([4, 1, 0]), np.array([7, 2, 5]))
    assert len(pairs) == 3
    assert list(pairs) == [(0.9, 4, 7), (0.5, 1, 2), (0.3, 0, 5)]
    assert all(type(x) is float and type(i) is int for x, i, _ in pairs)


def test_cosines_summed_in_chunks_are_the_sums_of_all_rows_at_once(monkeypatch):
    import numpy as np

    from pipeline import resolve

    # pairs (a, b) sorted, and their shared words by pair: pair (0, 3) shares three words, (1, 2)
    # none, (1, 4) one, (2, 5) two
    a, b = np.array([0, 1, 1, 2]), np.array([3, 2, 4, 5])
    shared = {"a": np.array([0, 0, 0, 1, 2, 2]), "b": np.array([3, 3, 3, 4, 5, 5]),
              "word": np.array([0, 1, 2, 1, 0, 2], dtype=np.int32)}
    idf, norm = np.array([1.1, 2.3, 3.7]), np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
    whole = resolve._cosines(a, b, shared, idf, norm, 6)
    assert whole[1] == 0.0 and whole[2] == (2.3 / 2.0) * (2.3 / 5.0)
    assert whole[0] == (1.1 / 1.0) * (1.1 / 4.0) + (2.3 / 1.0) * (2.3 / 4.0) + (3.7 / 1.0) * (3.7 / 4.0)
    for size in (1, 2, 4):
        monkeypatch.setattr(resolve, "SHARED_CHUNK", size)
        assert resolve._cosines(a, b, shared, idf, norm, 6).tolist() == whole.tolist()
