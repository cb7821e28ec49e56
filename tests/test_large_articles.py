"""Dates, background and places in long encyclopedia articles (issue 9, points 1-3 and 8): what
a narrative told over months adds to a statement (a follow-up told where the happening is, a day
outside a heading of one day, a duration before a stated day) and where each of several dated
happenings of one sentence took place. One tiny fixture document per case in
``tests/fixtures/prose/``; each test extracts it as the build does and asserts exact values."""

from __future__ import annotations

from tests.conftest import fixture_dated, fixture_narrative

dated = fixture_dated


def test_a_follow_up_months_ahead_does_not_move_the_story():
    # "The army however later stated in April 2017 ..." after a happening of 26 November 2016: a
    # follow-up told where the happening is; "On 27 November" after it is still 2016 (the
    # article's period ends 10 October 2017), and "The next day" counts from it
    assert dated("a_later_statement_months_ahead_does_not_move_the_story.md") == [
        ("On 25 November, the rebels attacked a ch", "2016-11-25", "day", "document"),
        ("A brigade commander was reported killed ", "2016-11-26", "day", "previous"),
        ("The army however later stated in April 2", "2017-04-01", "month", "stated"),
        ("On 27 November, the army shelled the bri", "2016-11-27", "day", "previous"),
        ("The next day, the rebels shelled the mar", "2016-11-28", "day", "relative")]


def test_a_later_day_under_a_heading_of_one_day_does_not_move_the_story():
    # under "### 9 October 2019", "published the letter on 16 October" is kept (flagged outside
    # the heading's day); "By the end of the day" in the subsection below is still 9 October
    rows = fixture_narrative("a_later_day_under_a_heading_of_one_day.md")
    assert [(m["text"][:40], m["date"].isoformat(), m["date_basis"], m["quality_flags"]) for m in rows] == [
        ("The operation began on 9 October 2019 wi", "2019-10-09", "stated", []),
        ("The president sent a letter to the gener", "2019-10-09", "inherited", []),
        ("The newspaper published the letter on 16", "2019-10-16", "previous", ["outside_section_period"]),
        ("By the end of the day, the army announce", "2019-10-09", "relative", []),
        # opening its paragraph, another day is the paragraph's own story: what follows takes it
        ("The army shelled the village of Tal Ward", "2019-10-31", "section", []),
        ("Car bombings: On 2 November, a car bomb ", "2019-11-02", "section", ["outside_section_period"]),
        ("The army accused the rebels of the attac", "2019-11-02", "inherited", ["outside_section_period"])]


def test_days_of_fighting_before_a_stated_day_end_on_that_day():
    # "After three days of heavy fighting, the army captured the town ... on 1 January 2017": the
    # fighting's length, not a count from 27 December; the stated day is the capture's
    assert dated("after_days_of_fighting_then_a_stated_day.md") == [
        ("On 27 December, rebels attacked the vill", "2016-12-27", "day", "document"),
        ("After three days of heavy fighting, the ", "2017-01-01", "day", "stated"),
        ("The army then shelled the market.", "2017-01-01", "day", "inherited")]


def test_each_dated_happening_of_a_sentence_takes_the_place_of_its_clause():
    # "... captured Jindires and the dam, reaching the outskirts of Afrin on 10 March": the
    # capture in Jindires, the arrival at Afrin; "in Jarabulus on 7 July (...), al-Bab on 8 July
    # (...), and again in Afrin on 22 August": a list of places each with its day, a bombing each
    # in its own town; a clause naming no place ("and on 5 March the
    # rebels retook it") keeps the sentence's; ``places`` stays what the whole sentence names
    rows = fixture_narrative("several_dated_happenings_each_in_its_own_place.md")
    assert [(m["date"].isoformat(), m["location"], m["geo_basis"], m["places"]) for m in rows] == [
        ("2018-03-08", "Jindayris", "stated", ["Jindayris", "‘Afrīn"]),
        ("2018-03-10", "‘Afrīn", "stated", ["Jindayris", "‘Afrīn"]),
        ("2018-07-07", "Jarābulus", "stated", ["Jarābulus", "Al Bāb", "‘Afrīn"]),
        ("2018-07-08", "Al Bāb", "stated", ["Jarābulus", "Al Bāb", "‘Afrīn"]),
        ("2018-08-22", "‘Afrīn", "stated", ["Jarābulus", "Al Bāb", "‘Afrīn"]),
        ("2018-03-03", "Rājū", "stated", ["Rājū"]),
        ("2018-03-05", "Rājū", "stated", ["Rājū"]),
        # two days of one clause: the sentence's place for both
        ("2018-04-14", "Damascus", "stated", ["Damascus"]),
        ("2018-04-27", "Damascus", "stated", ["Damascus"]),
        # "in Azaz on 3 April and Manbij on 5 April": the list joined by "and"
        ("2018-04-03", "I‘zāz", "stated", ["I‘zāz", "Manbij"]),
        ("2018-04-05", "Manbij", "stated", ["I‘zāz", "Manbij"])]


def test_a_village_named_by_its_peoples_faith_is_no_place_name():
    # "in a Druse village near Quneitra", "from two besieged Shiite villages": the faith of the
    # village's people (spelt Druse or Druze, Shiite or Shia) describes it, it names no settlement
    rows = fixture_narrative("a_village_named_by_its_peoples_faith_is_no_name.md")
    assert [(m["date"].isoformat(), m["location"], m["geo_basis"]) for m in rows] == [
        ("2015-07-29", "Al Qunayţirah", "stated"),
        ("2015-08-03", None, None)]


def test_a_comment_in_the_present_tense_takes_no_date():
    # "It is unclear if ...", "It is speculated that ...", "... is supposed to be expanded ...":
    # the writer's assessment or an expectation, not a happening of the day before it; "The
    # militia then opened fire" still inherits 25 March
    assert dated("background_present_tense_comments.md") == [
        ("On 25 March 2018, protests erupted in Qa", "2018-03-25", "day", "stated"),
        ("The militia then opened fire on the prot", "2018-03-25", "day", "inherited")]


def test_a_tally_or_a_peak_of_a_year_or_a_month_is_no_event():
    # "Civilian casualties peaked in 2017, with 1,841 incidents", "Data compiled by Airwars shows
    # that 229 strikes ... were carried out in June 2017": statistics of a year or a month; two
    # airstrikes on a market in June 2017 are a happening
    assert dated("background_yearly_tally_of_incidents.md") == [
        ("On 17 March 2017, a coalition airstrike ", "2017-03-17", "day", "stated"),
        ("In June 2017, two airstrikes hit the mar", "2017-06-01", "month", "stated")]


def test_a_sentence_after_a_running_total_goes_on_about_the_count():
    # "By 27 July 2016, the coalition had conducted 14,000 airstrikes ...": a running total, no
    # mention; "Of the 26,374 targets hit, nearly 8,000 were ..." breaks the count down and takes
    # no date from it; "The bridge collapsed" after a dated strike still inherits its day
    assert dated("a_sentence_after_a_running_total_goes_on_about_the_count.md") == [
        ("On 30 July 2016, a coalition airstrike d", "2016-07-30", "day", "stated"),
        ("The bridge collapsed into the river.", "2016-07-30", "day", "inherited")]


def test_a_town_named_with_its_foreign_region_is_abroad_and_a_past_comment_takes_no_date():
    # "near Umm al-Fahm in northern Israel": a town abroad, not a Syrian settlement the gazetteer
    # lacks; "It was not known whether ...", "Their number was unclear, ...": comments, no
    # happening; "in northern Daraa" keeps
    # Umm Miyal a Syrian village
    rows = fixture_narrative("a_town_in_northern_israel_is_abroad.md")
    assert [(m["date"].isoformat(), m["date_basis"], m["location"], m["geo_basis"]) for m in rows] == [
        ("2022-02-08", "stated", "Syria", "subject"),
        ("2022-02-09", "stated", "Umm Miyal", "unlisted"),
        ("2022-02-09", "inherited", "Umm Miyal", "paragraph")]


def test_a_continent_or_a_martyr_in_an_operations_name_is_no_settlement():
    # "code-named the Battle of Martyr Adnan Abu Amjad": an operation named after a person;
    # "planning attacks in Europe": a continent; the town the strike hit is Killi
    rows = fixture_narrative("a_continent_or_a_martyr_names_no_settlement.md")
    assert [(m["date"].isoformat(), m["location"], m["geo_basis"]) for m in rows] == [
        ("2017-10-15", "Syria", "subject"),
        ("2023-04-03", "Killi", "unlisted")]


def test_an_overview_articles_period_is_no_offensives_start():
    # "When the offensive started, ..." in an article about a country's involvement (December
    # 2011 – present): another offensive, not the first day of the article's period
    assert dated("an_overview_articles_period_is_no_offensives.md") == [
        ("Turkish involvement in the Syrian war be", "2011-01-01", "year", "stated"),
        ("On 9 February 2016, Turkey shelled Kurdi", "2016-02-09", "day", "stated")]


def test_later_that_week_and_the_following_week_date_to_the_month():
    # no day: the month a few days after 4 September, the month a week after 29 September
    # (October), and "That same week" the month of the statement before
    assert dated("later_that_week_and_the_following_week.md") == [
        ("On 4 September, the army recaptured the ", "2016-09-04", "day", "document"),
        ("Later that week they recaptured the Ramo", "2016-09-01", "month", "relative"),
        ("On 29 September, rebels shelled the mark", "2016-09-29", "day", "previous"),
        ("The following week, the army stormed the", "2016-10-01", "month", "relative"),
        ("That same week, rebels lost the citadel.", "2016-10-01", "month", "relative")]


def test_an_organisations_vote_to_form_renaming_and_growth_are_background():
    # "voted to form one national organisation", "grew to be a network of over 3,000 volunteers
    # in 2016", "renamed itself ... in June 2016": an organisation's history, as a founding is;
    # the airstrike on its centre is a happening
    assert dated("background_organisation_renamed_voted_grew.md") == [
        ("On 19 September 2016, an airstrike destr", "2016-09-19", "day", "stated")]


def test_an_estimate_of_a_total_by_a_date_is_no_event():
    # "By the end of 2016 the air campaign was estimated ... to have struck 32,000 targets", "By
    # October 2015 it was estimated that 42 rebel groups had been vetted": totals up to a date
    assert dated("background_an_estimate_of_a_total_by_a_date.md") == [
        ("On 3 November 2016, coalition jets struc", "2016-11-03", "day", "stated")]


def test_a_see_also_line_in_the_body_is_no_event():
    # "See also Yarmouk camp fighting (2015) and Southern Damascus offensive (April 2018)": a
    # cross-reference to other articles, their periods in brackets
    assert dated("a_see_also_line_in_the_body_is_no_event.md") == [
        ("On 21 May 2018, the army took control of", "2018-05-21", "day", "stated")]


def test_a_statistic_as_of_a_day_compared_with_an_earlier_month_is_background():
    # "displaced 167,000 people as of 23 March 2018, up from 5,000 people in January 2018": the
    # month is the earlier value of the statistic, not a happening
    assert dated("background_as_of_compared_with_an_earlier_month.md") == [
        ("On 24 January 2018, a rocket hit a mosqu", "2018-01-24", "day", "stated")]


def test_a_happening_arranged_for_a_day_dates_nothing():
    # "a four-way summit was scheduled to occur in Ankara in February 2020", "were due to take
    # place in Geneva on 3 March": plans, not happenings of those days (nor of the day before)
    assert dated("background_a_happening_arranged_for_a_day.md") == [
        ("On 12 December 2019, the president met t", "2019-12-12", "day", "stated")]


def test_a_fronted_clause_does_not_make_a_state_a_happening():
    # "Before the army captured it, Mansoura was the largest town still under rebel control": the
    # main clause is a state; "After the town fell, the rebels retreated" reports a happening
    assert dated("a_fronted_clause_does_not_make_a_state_a_happening.md") == [
        ("On 2 June, the army captured the town of", "2017-06-02", "day", "document"),
        ("After the town fell, the rebels retreate", "2017-06-02", "day", "inherited")]
