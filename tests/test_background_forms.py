"""Background is not an event (issue 9, item 3): foundings told without a passive, a force's
strength, a life's stations, intentions and characterizations. Invented fixtures, one form each;
values a reader takes from them (text, date, precision, basis)."""

from __future__ import annotations

from tests.conftest import fixture_dated

rows = fixture_dated


def test_intransitive_and_leading_foundings_are_background():
    # "formed in December 2013", "emerged during the late 2012 escalation", "In April 2016, factions
    # ... formed the Example Military Council", "In 2014, the brigade was founded": foundings; news
    # that "emerged" and control a force "established" on a day are happenings
    assert rows("background_intransitive_and_leading_founding.md") == [
        ("In September 2016, reports emerged that ", "2016-09-01", "month", "stated"),
        ("On 3 May 2016, the brigade established f", "2016-05-03", "day", "stated"),
        # a founding participle in apposition, or in a fronted clause, is not the main verb
        ("In December 2016, the Example Front, the", "2016-12-01", "month", "stated"),
        ("On 19 February 2018, a day after the Exa", "2018-02-19", "day", "stated"),
        # a founding on a leading day is not emitted, but the story has moved to that day
        ('Its co-chairman stated: "We want good re', "2016-04-05", "day", "inherited")]


def test_strength_and_home_to_are_background():
    # "numbered around 5,000 fighters", "had an estimated 8,000 troops", "was home to 30,000
    # displaced people": statistics; "had 40 fighters killed" is a loss and a commander's claim
    # of a strength is a statement
    assert rows("background_strength_and_home_to.md") == [
        ("In 2017, the brigade had 40 fighters kil", "2017-01-01", "year", "stated"),
        ("In September 2017, a brigade commander s", "2017-09-01", "month", "stated")]


def test_biography_is_background_an_appointment_is_an_event():
    # studies, an office held and an election are a life's stations; an appointment to a command
    # is a happening at any precision (decision, pipeline/statements.py)
    assert rows("background_biography_and_appointment.md") == [
        ("In 2013, he was appointed commander of t", "2013-01-01", "year", "stated"),
        ("On 5 March 2016, he was appointed head o", "2016-03-05", "day", "stated")]


def test_intentions_and_characterizations_are_background():
    # "planned to retake" and "was widely considered the strongest" at month precision are no
    # happenings ("announced plans" is a statement, an event); undated, "was expected to storm" and
    # "was considered a strategic point" take no date, "then encircled" inherits the day
    assert rows("background_intention_and_characterization.md") == [
        ("In April 2016, the army announced plans ", "2016-04-01", "month", "stated"),
        ("On 4 June 2016, the army shelled Example", "2016-06-04", "day", "stated"),
        ("The army then encircled the town.", "2016-06-04", "day", "inherited")]


def test_an_award_and_a_film_release_are_background():
    # an honour at month or year precision and a film released under its title are no happenings
    # of the war; an airstrike on a day is
    assert rows("background_award_and_film_release.md") == [
        ("On 4 May 2017, an airstrike killed two o", "2017-05-04", "day", "stated")]


def test_control_and_membership_of_a_month_or_year_are_states():
    # "controlled a third of the province" by summer and "belonged to the Front" in a year are
    # states; a capture in a month is a happening, and an undated "said ... still controlled" after
    # a day is a statement of that day
    assert rows("background_control_and_membership_of_a_year.md") == [
        ("In March 2016, the army captured Example", "2016-03-01", "month", "stated"),
        ("On 4 June 2016, the army shelled Example", "2016-06-04", "day", "stated"),
        ("The monitor said the group still control", "2016-06-04", "day", "inherited")]
