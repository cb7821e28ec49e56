"""benchmarks/audit_unlinked.py: where a statement sits, and the counts of statements with no action or place
(invented rows; the values are theirs)."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from audit_unlinked import position, score_terms, unplaced_counts  # noqa: E402


def test_a_statement_before_any_heading_or_under_a_summing_up_heading_is_the_lead():
    assert position("wikipedia", "narrative", None) == "lead/summary"
    assert position("wikipedia", "narrative", float("nan")) == "lead/summary"
    assert position("wikipedia", "narrative", "Aftermath") == "lead/summary"
    assert position("wikipedia", "narrative", "Battle for the city centre") == "body"
    assert position("current_events", "headline", None) == "headline"
    assert position("current_events_day", "related", None) == "related"


def test_counts_of_statements_with_no_action_and_no_place():
    rows = pd.DataFrame({
        "format": ["wikipedia", "wikipedia", "wikipedia"],
        "kind": ["narrative"] * 3,
        "section": [None, None, "Capture of the town"],
        "text": ["The army captured Qasr Tawil on 9 May 2019.", "Qasr Tawil had 4,000 inhabitants in 2019.",
                 "Officials met in the town hall."],
        "location": ["Qasr Tawil", None, None],
    })
    counts = unplaced_counts(rows)
    assert counts.loc[("wikipedia", "lead/summary")].tolist() == [2, 1, 1, 1]
    assert counts.loc[("wikipedia", "body")].tolist() == [1, 1, 1, 1]


def test_the_score_terms_of_a_missed_pair_sum_to_its_score():
    from pipeline.resolve import pair_score
    from tests.conftest import fixture_records

    lead, shelled, surrendered = fixture_records("wikipedia_a_lead_sums_up_the_one_capture_of_its_day.md")
    terms = score_terms(lead, surrendered)
    # one capture told twice on 9 May 2019: the same action, the same day, and words that are mostly the date
    assert set(terms) == {"cosine", "same action"}
    assert round(sum(terms.values()), 12) == round(pair_score(lead, surrendered), 12)
    # a shelling of 2 May and the capture of 9 May: two days, another kind of action
    terms = score_terms(shelled, surrendered)
    assert terms["two days"] == -0.1 and "same action" not in terms
    assert round(max(0.0, sum(terms.values())), 12) == round(pair_score(shelled, surrendered), 12)
