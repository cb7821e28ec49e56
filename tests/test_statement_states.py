"""A year's state is no event (issue 9, item 3): invented fixture, values a reader takes from it."""

from __future__ import annotations

from tests.conftest import fixture_narrative


def test_state_of_a_year_is_no_event():
    # "was small and discreet", "remained strong", "there were 4,000 fighters": a copula with no
    # happening verb, dated by a year, describes a state; "was captured" is a passive, a happening
    # of that year, and "was a military operation in 2015" defines one
    rows = [(m["text"], m["date"].isoformat(), m["date_precision"])
            for m in fixture_narrative("state_of_a_year_is_no_event.md")]
    assert rows == [("In 2015, the militia was captured by surprise at Example Town.", "2015-01-01", "year"),
                    ("The militia's campaign was a military operation in 2015.", "2015-01-01", "year")]


def test_a_habit_takes_no_date():
    # "used to offer a reward" is a habit, no happening of the day before it; "was used to track"
    # is a passive use, a happening that inherits the day
    rows = [(m["text"], m["date"].isoformat(), m["date_basis"])
            for m in fixture_narrative("a_habit_takes_no_date.md")]
    assert rows == [("On 26 May 2020, the coalition killed an insurgent leader near the river.", "2020-05-26", "stated"),
                    ("The drone was used to track his car.", "2020-05-26", "inherited")]
