"""Issue 13, twenty-fifth resolution round (acc13r): the general causes of the tune split's missed same-event merges
(``benchmarks/audit_unlinked.py``), one invented fixture document or sentence per case; the values are the
fixtures' own."""

from __future__ import annotations

import datetime as dt

from pipeline.resolve import (
    COUNT_EVIDENCE,
    LEAD_EVIDENCE,
    THRESHOLD,
    counted_things,
    lead_restatement_candidates,
    pair_score,
    restated_in_lead,
)
from tests.conftest import fixture_records as records
from tests.test_resolution_round20 import resolve_article

ONE_CAPTURE = "wikipedia_a_lead_sums_up_the_one_capture_of_its_day.md"
TWO_CAPTURES = "wikipedia_a_lead_day_with_two_captures_in_the_body.md"


def test_a_lead_restates_the_one_happening_of_its_kind_the_body_tells_on_its_day():
    lead, shelled, surrendered = records(ONE_CAPTURE)
    assert (lead["section"], str(lead["date"].date()), lead["date_basis"], lead["_kinds"]) == \
        (None, "2019-05-09", "stated", {"capture"})
    assert (surrendered["section"], str(surrendered["date"].date()), surrendered["_kinds"]) == \
        ("The final assault", "2019-05-09", {"capture"})
    assert shelled["_kinds"] == {"fighting"}
    # too few shared words for the score: the lead's day and the one capture of that day are the evidence
    assert pair_score(lead, surrendered) < THRESHOLD
    assert restated_in_lead(lead, surrendered) and restated_in_lead(surrendered, lead)
    out = resolve_article(ONE_CAPTURE).set_index("text")
    assert out.loc[lead["text"], "event_id"] == out.loc[surrendered["text"], "event_id"]
    assert out.loc[shelled["text"], "event_id"] != out.loc[lead["text"], "event_id"]
    joined = lead["text"] if out.loc[lead["text"], "match_rule"] == "retold" else surrendered["text"]
    assert out.loc[joined, "match_rule"] == "retold"
    assert LEAD_EVIDENCE in out.loc[joined, "match_evidence"]


def test_two_captures_in_the_body_on_the_leads_day_leave_the_lead_alone():
    lead, surrendered, seized = records(TWO_CAPTURES)
    assert surrendered["_kinds"] == seized["_kinds"] == {"capture"}
    assert str(surrendered["date"].date()) == str(seized["date"].date()) == "2019-05-09"
    out = resolve_article(TWO_CAPTURES).set_index("text")
    assert out.loc[lead["text"], "event_id"] != out.loc[surrendered["text"], "event_id"]
    assert out.loc[lead["text"], "event_id"] != out.loc[seized["text"], "event_id"]


def _candidates(*rows):
    """``lead_restatement_candidates`` of hand-made rows (section, first day, last day, kinds, statement,
    date_basis), days as integers, one article."""
    n = len(rows)
    return lead_restatement_candidates(list(range(n)), ["d0"] * n, [r[0] for r in rows], [r[1] for r in rows],
                                       [r[2] for r in rows], ["day"] * n, [r[5] for r in rows],
                                       [frozenset(r[3]) for r in rows], [r[4] for r in rows])


def test_the_lead_is_paired_with_the_one_body_statement_of_its_day_and_kind():
    lead = (None, 100, 100, {"capture"}, False, "stated")
    assert _candidates(lead, ("Battle", 100, 100, {"capture", "fighting"}, False, "stated")) == [(0, 1)]
    # another kind that day, or the kind on another day: no pair
    assert _candidates(lead, ("Battle", 100, 100, {"fighting"}, False, "stated")) == []
    assert _candidates(lead, ("Battle", 101, 101, {"capture"}, False, "stated")) == []


def test_a_body_statement_that_takes_its_date_from_the_sentence_before_is_not_counted():
    lead = (None, 100, 100, {"capture"}, False, "stated")
    body = ("Battle", 100, 100, {"capture"}, False, "stated")
    told_on = ("Battle", 100, 100, {"capture"}, False, "inherited")
    assert _candidates(lead, body, told_on) == [(0, 1)]


def test_a_body_range_of_two_weeks_is_no_restatement_of_the_leads_day():
    lead = (None, 100, 100, {"fighting"}, False, "stated")
    assert _candidates(lead, ("Third assault", 95, 108, {"fighting"}, False, "stated")) == []
    # a range of two days holding the lead's day is one happening told over a night
    assert _candidates(lead, ("Third assault", 99, 100, {"fighting"}, False, "stated")) == [(0, 1)]


def test_a_lead_range_of_days_is_paired_with_nothing():
    assert _candidates((None, 100, 101, {"capture"}, False, "stated"),
                       ("Battle", 100, 100, {"capture"}, False, "stated")) == []


def test_speech_in_the_body_is_not_the_leads_happening():
    # "A ceasefire between the two groups began on 24 April 2018." / "On 24 April 2018, the group's leader
    # announced that a ceasefire had been agreed."
    lead = (None, 100, 100, {"agreement"}, False, "stated")
    assert _candidates(lead, ("April", 100, 100, {"agreement"}, True, "stated")) == []
    day = (dt.date(2018, 4, 24), dt.date(2018, 4, 24))
    a = {"doc_id": "d0", "section": None, "date_precision": "day", "date_basis": "stated", "_period": day,
         "_kinds": frozenset({"agreement"}), "_statement": False}
    assert restated_in_lead(a, {**a, "section": "April"}) is True
    assert restated_in_lead(a, {**a, "section": "April", "_statement": True}) is False
    assert restated_in_lead(a, {**a, "section": None}) is False         # both in the lead
    assert restated_in_lead(a, {**a, "section": "April", "doc_id": "d1"}) is False


def test_only_an_encyclopedia_articles_lead_restates_its_body():
    from tests.conftest import fixture_resolved

    lead, _, surrendered = records(ONE_CAPTURE)
    # the same document resolved with no article known (a page of another format): no such pair
    out = fixture_resolved(ONE_CAPTURE).set_index("text")
    assert out.loc[lead["text"], "event_id"] != out.loc[surrendered["text"], "event_id"]


SAME_COUNT = "wikipedia_a_lead_and_the_body_count_the_same_troops.md"


def test_a_count_names_the_words_after_it_not_a_date():
    assert counted_things("a residual garrison of around 300 marines would stay") == {("300", "marin"), ("300", "stay")}
    assert counted_things("On 12 March 2021, five trucks left.") == {("5", "truck"), ("5", "left")}
    # a year, a day of the month, a time of day count nothing
    assert counted_things("In 2021, on 12 March at 14:30, the base closed.") == frozenset()


def test_a_lead_and_the_one_body_statement_of_its_day_that_counts_the_same_thing_are_one_announcement():
    lead, same, crates = records(SAME_COUNT)
    assert (lead["section"], same["section"], crates["section"]) == (None, "The drawdown", "The drawdown")
    assert str(lead["date"].date()) == str(same["date"].date()) == str(crates["date"].date()) == "2021-03-12"
    assert lead["_kinds"] == same["_kinds"] == crates["_kinds"] == frozenset()
    assert counted_things(lead["text"]) & counted_things(same["text"]) == {("300", "marin")}
    # the same number of other things is no evidence
    assert not counted_things(lead["text"]) & counted_things(crates["text"])
    assert pair_score(lead, same) < THRESHOLD
    assert restated_in_lead(lead, same) and not restated_in_lead(lead, crates)
    out = resolve_article(SAME_COUNT).set_index("text")
    assert out.loc[lead["text"], "event_id"] == out.loc[same["text"], "event_id"]
    assert out.loc[crates["text"], "event_id"] != out.loc[lead["text"], "event_id"]
    joined = lead["text"] if out.loc[lead["text"], "match_rule"] == "retold" else same["text"]
    assert COUNT_EVIDENCE in out.loc[joined, "match_evidence"]


def test_two_body_statements_counting_the_same_thing_on_the_leads_day_leave_the_lead_alone():
    rows = [(None, 100, 100, "A garrison of 300 marines would stay.", "stated"),
            ("Drawdown", 100, 100, "The real number was 300 marines.", "stated"),
            ("Bases", 100, 100, "Half of the 300 marines moved north.", "stated")]
    n = len(rows)
    found = lead_restatement_candidates(list(range(n)), ["d0"] * n, [r[0] for r in rows], [r[1] for r in rows],
                                        [r[2] for r in rows], ["day"] * n, [r[4] for r in rows], [frozenset()] * n,
                                        [False] * n, [r[3] for r in rows])
    assert found == []
    assert lead_restatement_candidates(list(range(2)), ["d0"] * 2, [r[0] for r in rows[:2]], [100, 100], [100, 100],
                                       ["day"] * 2, ["stated"] * 2, [frozenset()] * 2, [False] * 2,
                                       [r[3] for r in rows[:2]]) == [(0, 1)]
