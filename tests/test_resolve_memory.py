"""Issue 11 (branch perf-mem): the merge's clusters hold their small sets once. Python 3.11 makes a
new 216-byte object at every ``frozenset()``; a cluster of one mention held six such sets (its day,
its kind, its place around or inside, its part of a month, its item's day). They are now shared
between clusters (``resolve._EMPTY``, ``resolve._one``), which changes no answer: frozensets are
immutable and ``_Cluster.absorb`` makes new ones."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from pipeline.resolve import _EMPTY, _Cluster, prepare


def _record(mid: str, day: str, text: str, kind: str = "narrative") -> dict:
    return {"mention_id": mid, "doc_id": f"d-{mid}", "kind": kind, "section": "s", "places": [], "actors": [],
            "date": pd.Timestamp(day), "date_precision": "day", "text": text}


def test_two_clusters_of_one_day_share_the_set_of_their_day_and_kind():
    a, b = _record("m1", "2016-03-13", "Airstrikes hit a market in the town."), \
        _record("m2", "2016-03-13", "Shelling hit a school in the village.")
    prepare([a, b])
    ca, cb = _Cluster(a), _Cluster(b)
    assert ca.starts == frozenset({dt.date(2016, 3, 13)})
    assert ca.starts is cb.starts
    assert ca.kinds_of_mention == frozenset({"narrative"}) and ca.kinds_of_mention is cb.kinds_of_mention
    assert (ca.around, ca.inside, ca.parts, ca.item_days) == (frozenset(), frozenset(), frozenset(), frozenset())
    assert ca.around is _EMPTY and ca.item_days is _EMPTY


def test_absorbing_a_cluster_leaves_the_shared_set_of_another_unchanged():
    a, b, c = (_record("m1", "2016-03-13", "Airstrikes hit a market in the town."),
               _record("m2", "2016-03-13", "Shelling hit a school in the village."),
               _record("m3", "2016-03-14", "Airstrikes hit a bakery in the town."))
    prepare([a, b, c])
    ca, cb, cc = _Cluster(a), _Cluster(b), _Cluster(c)
    ca.absorb(cc)
    assert ca.starts == frozenset({dt.date(2016, 3, 13), dt.date(2016, 3, 14)})
    assert cb.starts == frozenset({dt.date(2016, 3, 13)})


def test_an_items_day_is_its_days_set():
    item = _record("m1", "2017-06-18", "A Syrian jet was shot down near Raqqa.", kind="headline")
    prepare([item])
    assert _Cluster(item).item_days == frozenset({dt.date(2017, 6, 18)})
    assert _Cluster(item).item_days is _Cluster(item).starts
