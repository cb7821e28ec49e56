"""The hand-labelled statement pairs of event resolution (tests/quality/pairs.yaml) stay sound,
and the pair scorer counts merges by document and text."""

import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from score_pairs import load_pairs, pair_problems, score  # noqa: E402


def test_every_snippet_is_in_its_document_and_no_pair_is_labelled_twice():
    assert pair_problems(load_pairs()) == []


def test_enough_pairs_of_each_class_and_a_third_held_out():
    pairs = load_pairs()
    for same in (True, False):
        group = [p for p in pairs if p["same"] is same]
        assert len(group) >= 60
        assert sum(p["split"] == "heldout" for p in group) * 3 >= len(group)


def test_scorer_matches_sides_by_text_and_counts_a_shared_event():
    pairs = [{"a": {"document": "x.md", "snippet": "Palmyra was captured"},
              "b": {"document": "y.md", "snippet": "recapture the ancient city of Palmyra"},
              "same": True, "split": "tune"},
             {"a": {"document": "x.md", "snippet": "Palmyra was captured"},
              "b": {"document": "y.md", "snippet": "destroy part of Palmyra's ancient Roman theatre"},
              "same": False, "split": "tune"}]
    tables = {"documents": pd.DataFrame({"doc_id": ["dx", "dy"], "path": ["x.md", "y.md"],
                                         "format": ["wikipedia", "current_events"]}),
              "event_mentions": pd.DataFrame({
                  "doc_id": ["dx", "dy", "dy"],
                  "text": ["On 2 March 2017, the city of Palmyra was captured.",
                           "The Syrian Army and its allies recapture the ancient city of Palmyra.",
                           "ISIL militants destroy part of Palmyra's ancient Roman theatre."],
                  "event_id": ["e1", "e1", "e2"]})}
    results = score(pairs, tables)
    assert [(r["pairing"], r["found"], r["merged"]) for r in results] == [("ce–wp", True, True), ("ce–wp", True, False)]


def test_a_current_events_day_page_is_current_events_in_the_pairing():
    # documents.format of a day page is current_events_day: its pairs count with the items' (ce)
    from score_pairs import pairing

    assert pairing("current_events_day", "wikipedia", False) == "ce–wp"
    assert pairing("current_events_day", "current_events", False) == "ce–ce"
    assert pairing("current_events_day", "syrian_archive", False) == "ce–sa"
    assert pairing("current_events_day", "current_events_day", True) == "within"


def test_details_hide_the_text_of_a_side_in_a_held_out_labelled_document():
    # extraction work may read the tune pairs' details, never a held-out labelled document's text
    from score_pairs import details

    pair = {"a": {"document": "x.md", "snippet": "Palmyra was captured"},
            "b": {"document": "held.md", "snippet": "the secret sentence"}, "same": True, "split": "tune"}
    results = [{"pair": pair, "split": "tune", "pairing": "ce–wp", "found": True, "same": True, "merged": False}]
    assert details(results, "tune", frozenset({"held.md"})) == (
        "missed merge [ce–wp] \n  a x.md: 'Palmyra was captured'\n"
        "  b held.md: (text hidden: a held-out labelled document)")
    assert "the secret sentence" in details(results, "tune")
