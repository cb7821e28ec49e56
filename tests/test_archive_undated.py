"""Statements of a Syrian Archive incident page that state no date of their own (issue 9, the
audit of ``benchmarks/audit_undated.py``): what the page's header block dates after a quote.
One invented fixture per case (tests/fixtures/prose/syrian_archive_*.md)."""

from __future__ import annotations

from tests.conftest import fixture_dated


def test_a_bold_quote_of_several_sentences_is_no_title():
    # "**"We heard the jets. Then the roof fell. ..."**" is a witness speaking, not an incident's
    # title line: the header block's day still dates the strike told after it
    assert fixture_dated("syrian_archive_a_bold_quote_of_several_sentences_is_no_title.md") == [
        ("Location: HAMA : Kafr Tala\\ Date: 15 Jun", "2018-06-15", "day", "stated"),
        ("The tenth clinic attack took place on 15", "2018-06-15", "day", "stated"),
        ("A second airstrike hit the clinic's gene", "2018-06-15", "day", "inherited"),
    ]


def test_the_header_dates_the_strike_told_after_a_quote():
    # "In his statement, a nurse ... described the building:" introduces a quote, not a list: after
    # the quote the header's day dates the strike told again ("warplanes struck the clinic a second
    # time"), but not a plane seen circling before the attack (no strike, no harm)
    assert fixture_dated("syrian_archive_the_header_dates_the_strike_told_after_a_quote.md") == [
        ("Location: HAMA : Kafr Tala\\ Date: 14 Jun", "2018-06-14", "day", "stated"),
        ("The ninth clinic attack took place on 14", "2018-06-14", "day", "stated"),
        ("In his statement, a nurse of the clinic ", "2018-06-14", "day", "inherited"),
        ("The nurse added that warplanes struck th", "2018-06-14", "day", "inherited"),
    ]


def test_the_incident_told_under_a_later_heading_takes_the_header_date():
    # a page about one incident (one header block with a date field): under a later heading, the
    # strike told without a date is the incident (inherited from the header's mention); not the
    # town's history, an earlier attack ("had been targeted before") or a witness's quoted words
    from tests.conftest import fixture_narrative

    assert fixture_dated("syrian_archive_the_incident_told_under_a_later_heading.md") == [
        ("Location: HAMA : Kafr Tala\\ Date of the ", "2018-03-02", "day", "stated"),
        ("Local sources said warplanes targeted th", "2018-03-02", "day", "inherited"),
    ]
    header, told = fixture_narrative("syrian_archive_the_incident_told_under_a_later_heading.md")
    assert told["inherits_from"] == header["mention_id"]
    assert told["section"] == "What Happened"


def test_an_html_table_of_incidents_gives_a_statement_per_row():
    # "<td>Al-Tamanah</td><td>30 April 2017</td>": the cells are read apart, so each row's day is
    # its own (not "Al-Tamanah30 April 2017helicopters", a date nobody reads)
    assert fixture_dated("syrian_archive_an_html_table_of_incidents.md") == [
        ("Al-Tamanah – 30 April 2017 – helicopters", "2017-04-30", "day", "stated"),
        ("Kafr Zita – 12 May 2017 – a chlorine bar", "2017-05-12", "day", "stated"),
    ]


def test_the_lead_of_an_archive_page_tells_the_incident():
    # the lead before the page's headings is its story (an article's lead summarises): the strike
    # told after the dated one takes its day; a finding ("were able to be identified") takes none
    assert fixture_dated("syrian_archive_the_lead_tells_the_incident.md") == [
        ("On 5 May 2017, jets struck the Kafr Nabl", "2017-05-05", "day", "stated"),
        ("Later, a second strike hit the hospital'", "2017-05-05", "day", "inherited"),
    ]


def test_an_italic_title_line_dates_the_narrative():
    # "*Maarat al-Numaan, Idlib – 6 May 2017*" titles the narrative below it as a bold line does;
    # an undated italic caption between ("*Still from a video of the market*") ends nothing
    assert fixture_dated("syrian_archive_an_italic_title_line_dates_the_narrative.md") == [
        ("Maarat al-Numaan, Idlib – 6 May 2017", "2017-05-06", "day", "stated"),
        ("Helicopters dropped two barrel bombs on ", "2017-05-06", "day", "inherited"),
        ("The second barrel bomb hit a bakery besi", "2017-05-06", "day", "inherited"),
    ]


def test_the_title_names_the_incident_day():
    # a page without a header block whose title names one day ("The 4 April 2017 attack on Khan
    # Shaykhun"): the strike told without a date is that day's (basis document), the next sentence
    # goes on about it; history ("had shelled the town before") and method take none
    assert fixture_dated("syrian_archive_the_title_names_the_incident_day.md") == [
        ("Warplanes dropped a sarin bomb on the no", "2017-04-04", "day", "document"),
        ("Hours later, jets struck the Rahmeh hosp", "2017-04-04", "day", "inherited"),
    ]


def test_a_header_field_tells_the_happening():
    # "Description: Jets struck the health centre twice" in a header block is the incident told in
    # words: the header's statement keeps it beside its when and where fields (not the other
    # fields, "Beneficiaries: ~3000 people")
    from tests.conftest import fixture_narrative

    told = [(m["text"], str(m["date"]), m["event_type"])
            for m in fixture_narrative("syrian_archive_a_header_field_tells_the_happening.md")]
    assert told == [
        ("Location: IDLIB : Heish\\ Date: 7 April 2017\\ Description: Jets struck the health centre twice, "
         "destroying its pharmacy.", "2017-04-07", "airstrike"),
        ("Date: 9 April 2017\\ Location: Kafr Nabl\\ What happened: A helicopter dropped a barrel bomb on the clinic.",
         "2017-04-09", "airstrike"),
    ]


def test_attacks_on_two_places_each_with_its_day_are_two_statements():
    # "the attacks on Kafr Zita on 12 May 2017 and on Latamneh on 25 March 2017", "hit Talmenes on
    # 21 April 2014 and Sarmin on 16 March 2015": two places struck, each with its own day
    assert [(m[0][:20], m[1]) for m in fixture_dated("syrian_archive_attacks_on_two_places_each_with_its_day.md")] == [
        ("The Archive verified", "2017-05-12"),
        ("The Archive verified", "2017-03-25"),
        ("Chlorine barrels hit", "2014-04-21"),
        ("Chlorine barrels hit", "2015-03-16"),
    ]


def test_a_dateline_alone_above_a_press_release_is_no_statement():
    # "**Berlin, 8 April 2018**" alone above the release (the page's own day) is background; "last
    # night" in the release counts from it
    assert fixture_dated("syrian_archive_a_dateline_alone_above_a_press_release.md") == [
        ("The Archive condemns the chlorine attack", "2018-04-07", "day", "relative"),
    ]


def test_a_dateline_with_its_day_in_brackets():
    # "BERLIN (8 April 2018) – ...": the release's day in brackets is its dateline, not the day of
    # the attack it condemns; "on Saturday evening" counts from it (8 April 2018 is a Sunday)
    assert fixture_dated("syrian_archive_a_dateline_with_its_day_in_brackets.md") == [
        ("BERLIN (8 April 2018) – The Archive cond", "2018-04-07", "day", "relative"),
    ]


def test_list_entries_with_their_own_day_in_brackets():
    # entries of a list that "The following clinics were attacked in March 2018:" introduces: an
    # entry naming its own day in brackets is that day's ("Tala field clinic (12 March 2018)"),
    # yearless too ("(16 March)"); an entry without one takes the introduction's month
    assert fixture_dated("syrian_archive_list_entries_with_their_own_day_in_brackets.md") == [
        ("The following clinics were attacked in M", "2018-03-01", "month", "stated"),
        ("Tala field clinic (12 March 2018)", "2018-03-12", "day", "stated"),
        ("Kafr Zita clinic", "2018-03-01", "month", "inherited"),
        ("These clinics were also bombed:", "2018-03-01", "month", "inherited"),
        ("Latamneh cave clinic (14/03/2018)", "2018-03-14", "day", "stated"),
        ("Halfaya clinic (16 March)", "2018-03-16", "day", "previous"),
    ]
