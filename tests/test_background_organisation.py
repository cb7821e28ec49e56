"""Background in an organisation's article is not an event (issue 9, item 3): money, tolls up to a
time, a size reached, foundings told as a purpose, an organisation's end, a newspaper's comment, an
audit's finding, a film's credits and prizes, the date of what a party said would happen; and an
"until" clause that dates its own happening. Invented fixtures, one form each; values a reader takes
from them (text, date, precision, basis)."""

from __future__ import annotations

from tests.conftest import fixture_dated, fixture_narrative

rows = fixture_dated


def test_sums_of_money_over_a_month_are_statistics():
    # a budget "In March 2017", a stipend "raised to $200" in July 2019 and funding "between 2013 and
    # November 2015" are money, not happenings; aid released on a day and an airstrike are kept
    assert rows("background_money_over_a_month.md") == [
        ("On 14 June 2018, the Example government ", "2018-06-14", "day", "stated"),
        ("In August 2018, an airstrike destroyed t", "2018-08-01", "month", "stated")]


def test_money_a_party_commits_is_a_decision_and_a_claim_a_statement():
    # "announced it would transfer $100 million in aid" is a decision; "said that the militants had
    # smuggled $800 million worth of oil" is a statement; spending "committed" by 2018 is a total
    assert rows("money_committed_is_a_decision.md") == [
        ("In April 2013, the Example government an", "2013-04-01", "month", "stated"),
        ("In June 2014, an official said that the ", "2014-06-01", "month", "stated")]


def test_a_toll_up_to_a_year_is_a_state():
    # "By late 2016, 120 volunteers had been killed since the group's inception" is a state at a
    # time; a toll "By 17 May 2017" is told as news of that day
    assert rows("background_toll_up_to_a_year.md") == [
        ("In March 2017, an airstrike killed four ", "2017-03-01", "month", "stated"),
        ("By 17 May 2017, 30 more volunteers had b", "2017-05-17", "day", "stated")]


def test_a_size_the_group_grew_to_is_a_statistic():
    assert rows("background_size_the_group_grew_to.md") == [
        ("In 2016, the group's teams evacuated the", "2016-01-01", "year", "stated")]


def test_a_founding_told_as_the_purpose_is_a_founding():
    # "came together and voted to form one national organisation", "joined with a foundation to
    # create the first training programmes in early 2014"; "joined forces to capture" is a capture
    assert rows("background_founding_as_the_purpose.md") == [
        ("In May 2015, the rebels joined forces to", "2015-05-01", "month", "stated")]


def test_an_organisation_going_into_administration_is_background():
    assert rows("background_an_organisation_ends.md") == [
        ("In July 2020, an airstrike hit the group", "2020-07-01", "month", "stated")]


def test_a_newspapers_comment_is_a_report_a_directors_statement_an_event():
    assert rows("background_a_newspaper_comments.md") == [
        ("In December 2017, the group's director s", "2017-12-01", "month", "stated")]


def test_accusations_dismissed_by_an_audit_are_its_finding():
    # dismissed "by forensic audit experts" is a finding; a director dismissed by a board is a happening
    assert rows("background_an_audit_dismisses_accusations.md") == [
        ("In May 2020, the group's director was di", "2020-05-01", "month", "stated")]


def test_a_films_release_and_a_festival_prize_are_background():
    # "Released in 2017, Example Film was directed by ...; it was the winner of the ... prize at the
    # Example Film Festival in 2017": a work and an honour; the airstrike is a happening
    assert rows("background_film_credits_and_a_festival_prize.md") == [
        ("In 2017, an airstrike killed one of the ", "2017-01-01", "year", "stated")]


def test_the_date_of_what_a_party_said_would_happen_is_a_plan():
    # "announced that it would end its funding ... by December 2018": the statement's own date is not
    # told (not emitted); "On 30 October 2019, ... announced that joint patrols would begin on 1
    # November" is the announcement of 30 October, not a patrol of 1 November
    got = fixture_narrative("background_a_date_that_would_come.md")
    assert [(m["text"][:40], m["date"].isoformat(), m["date_precision"]) for m in got] == [
        ("On 30 October 2019, the president announ", "2019-10-30", "day")]


def test_an_until_clause_with_its_own_happening_dates_the_sentence():
    # "operated in Example Town until the local council banned it in December 2015": the ban's month;
    # "held Example Village until 5 May 2016" states no happening of that day
    assert rows("until_a_clause_dates_its_happening.md") == [
        ("The group operated in Example Town until", "2015-12-01", "month", "stated")]


def test_an_until_clause_of_a_report_is_a_publication():
    # "kept secret until a newspaper report exposed it in November 2021": the report's month dates no
    # happening of the war (the sentence stays undated, and first in its paragraph takes no date)
    assert rows("until_a_report_exposed_it.md") == []


def test_a_magazines_ranking_is_a_publication_a_designation_an_event():
    # "listed the group's leader as one of the 28 people shaping Europe" is a publication's list; a
    # government listing the brigade "as one of the terrorist organisations" is an act, an event
    assert rows("background_a_magazines_ranking.md") == [
        ("In 2017, the Example government listed t", "2017-01-01", "year", "stated")]
