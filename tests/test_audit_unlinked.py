"""benchmarks/audit_unlinked.py: where a statement sits, and the counts of statements with no action or place
(invented rows; the values are theirs)."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from audit_unlinked import position, unplaced_counts  # noqa: E402


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
