"""The layouts Syrian Archive pages state their incidents in (issue 9; pipeline/parsers/syrian_archive.py
lists them): one fixture document per layout (tests/fixtures/syrian_archive_*.md, invented wording),
asserting the statements, their dates and places, and the casualty figures an analyst reads there."""

from __future__ import annotations

from pipeline.extract import extract_document
from pipeline.parsers import detect_format, parse_document
from tests.conftest import fixture_text


def _extract(name: str):
    text = fixture_text(name)
    return extract_document(parse_document(text, fmt=detect_format(text), path=name, doc_id="d"))


def mentions(name: str) -> list[tuple[str, str, str, str, str | None]]:
    return [(m["text"][:40], str(m["date"]), m["date_precision"], m["date_basis"], m["location"])
            for m in _extract(name).mentions]


def figures(name: str) -> list[tuple[str, int | None, int | None, str, str, bool]]:
    return [(f["number_text"], f["count_low"], f["count_high"], f["outcome"], f["victim_group"],
             f["mention_id"] is not None) for f in _extract(name).figures]


def test_numbered_incident_title_lines_date_and_place_the_narrative_below_each():
    # "Incident 1 – 3 January 2018" is incident 1 on 3 January, not the days 1 to 3 January;
    # "Incident 2: Saraqib, 29/01/2018" is a title, not a field: its narrative is not incident 1's;
    # "Incident #3:" too
    assert mentions("syrian_archive_numbered_incident_title_lines.md") == [
        ("Incident 1 – 3 January 2018 – Maarat al-", "2018-01-03", "day", "stated", "Ma‘arrat an Nu‘mān"),
        ("Airstrikes hit the Amal hospital.", "2018-01-03", "day", "inherited", "Ma‘arrat an Nu‘mān"),
        ("Incident 2: Saraqib, 29/01/2018", "2018-01-29", "day", "stated", "Saraqib"),
        ("Two missiles hit the entrance of the Ihs", "2018-01-29", "day", "inherited", "Saraqib"),
        ("Three nurses were injured.", "2018-01-29", "day", "inherited", "Saraqib"),
        ("Incident #3: Ariha, 4 February 2018", "2018-02-04", "day", "stated", "Arīḩā"),
        ("A barrel bomb fell on the generator of t", "2018-02-04", "day", "inherited", "Arīḩā"),
    ]
    assert figures("syrian_archive_numbered_incident_title_lines.md") == [
        ("Three", 3, 3, "injured", "civilians", True)]


def test_incident_headings_with_a_date_date_their_section():
    assert mentions("syrian_archive_incident_headings_with_dates.md") == [
        ("The Nour clinic was hit by two airstrike", "2018-02-04", "day", "section", "Kafranbel"),
        ("A barrel bomb fell on the clinic's gener", "2018-02-06", "day", "section", "Arīḩā"),
    ]


def test_a_bulleted_header_block_is_one_statement_with_its_figures():
    # "- **Date:** 12/02/2018" and the other fields, one list item each (loose items a blank line
    # apart too): one statement of the incident, its when and where; the killed and injured fields
    # are its figures, not statements of their own; a previous attack the block names is one
    assert mentions("syrian_archive_bulleted_header_block.md") == [
        ("Location: IDLIB : Saraqib\\ Date: 12/02/2", "2018-02-12", "day", "stated", "Saraqib"),
        ("Previous attack on the school: 05/01/201", "2018-01-05", "day", "stated", "Saraqib"),
        ("Witnesses said that two missiles hit the", "2018-02-12", "day", "inherited", "Saraqib"),
        ("Location: IDLIB : Ariha\\ Date: 14 Februa", "2018-02-14", "day", "stated", "Arīḩā"),
        ("A barrel bomb fell on the school buildin", "2018-02-14", "day", "inherited", "Arīḩā"),
    ]
    assert figures("syrian_archive_bulleted_header_block.md") == [
        ("4", 4, 4, "killed", "children", True),
        ("9", 9, 9, "injured", "people", True),
    ]


def test_header_blocks_with_other_keys_date_and_place_their_narrative():
    # "Date and time:", "Incident date:", "Place:" are a header block's fields too; "ALEPPO :
    # Hayan" is Hayan (as written: the gazetteer lacks it), not the city of Aleppo
    assert mentions("syrian_archive_header_block_key_variants.md") == [
        ("Date and time: Tuesday, 12 June 2016, 10", "2016-06-12", "day", "stated", "Anadan"),
        ("The clinic was struck twice.", "2016-06-12", "day", "inherited", "Anadan"),
        ("Incident date: 14.06.2016\\ Location: ALE", "2016-06-14", "day", "stated", "Hayan"),
        ("The school was hit.", "2016-06-14", "day", "inherited", "Hayan"),
    ]


def test_a_list_of_labelled_statements_without_a_date_field_is_no_header_block():
    from pipeline.parsers.markdown import field_blocks
    reactions = ["- Russia: the ministry condemned the strike on 5 May.", "- Turkey: the president called for calm."]
    assert field_blocks(reactions) == reactions
    assert field_blocks(["- Date: 5 May 2016", "- Location: IDLIB : Ariha", "", "The clinic was hit."]) == [
        "Date: 5 May 2016\\ Location: IDLIB : Ariha", "", "", "The clinic was hit."]


def test_a_table_of_incidents_gives_each_row_its_date_and_its_casualty_columns_as_figures():
    # the row number is left out, the date column read first; a bare count under "Killed" or
    # "Civilians injured" is a figure of that outcome and group ("none" is no count); the mention
    # and the figures quote the row as the page writes it
    assert mentions("syrian_archive_table_of_incidents_with_casualty_columns.md") == [
        ("03/01/2018 – Maarat al-Numaan – Amal hos", "2018-01-03", "day", "stated", "Ma‘arrat an Nu‘mān"),
        ("29/01/2018 – Saraqib – Ihsan hospital – ", "2018-01-29", "day", "stated", "Saraqib"),
    ]
    assert [f["quote"] for f in _extract("syrian_archive_table_of_incidents_with_casualty_columns.md").figures] == [
        "03/01/2018 – Maarat al-Numaan – Amal hospital – 2 – 10",
        "03/01/2018 – Maarat al-Numaan – Amal hospital – 2 – 10",
        "29/01/2018 – Saraqib – Ihsan hospital – none – ~3",
    ]
    assert figures("syrian_archive_table_of_incidents_with_casualty_columns.md") == [
        ("2", 2, 2, "killed", "people", True),
        ("10", 10, 10, "injured", "civilians", True),
        ("3", 3, 3, "injured", "civilians", True),
    ]


def test_a_day_closing_an_entry_of_attacked_places_dates_it_but_not_a_citation_or_a_caption():
    # "X, 06/02/2018", "X: 8 February 2018"; a cited work ("Human Rights Watch, ...") and a still
    # from a video with its day are not attacks
    assert mentions("syrian_archive_list_of_attacked_places_closing_dates.md") == [
        ("Shifa hospital (Ariha), 06/02/2018", "2018-02-06", "day", "stated", "Arīḩā"),
        ("The Rahma medical point in Khan Shaykhou", "2018-02-08", "day", "stated", "Khān Shaykhūn"),
    ]


def test_entries_of_a_list_a_dated_sentence_introduces_take_its_date_until_prose_resumes():
    # each attacked hospital is an attack of the introduction's days (1 to 10 February); after a
    # paragraph of prose, a short line ("Methodology") is no entry of that list
    got = [(m["text"], str(m["date"]), str(m["date_end"]), m["date_basis"], m["location"])
           for m in _extract("syrian_archive_undated_entries_of_a_dated_list.md").mentions]
    assert got == [
        ("Between 1 and 10 February 2018, the following hospitals were attacked:", "2018-02-01", "2018-02-10",
         "stated", None),
        ("Al-Amal hospital (Maarat al-Numaan)", "2018-02-01", "2018-02-10", "inherited", "Ma‘arrat an Nu‘mān"),
        ("Ihsan hospital (Saraqib)", "2018-02-01", "2018-02-10", "inherited", "Saraqib"),
    ]


def test_counts_in_a_witness_quote_are_figures_and_a_quoted_founding_is_no_statement():
    # a count after an opening single quote ('five patients were killed') is read; "a nurse" after
    # "According to" is who speaks, not one person killed; people pulled from rubble are no figure;
    # the charity "set up soon after the start of the conflict" is background and takes no date
    assert mentions("syrian_archive_quoted_witness_counts.md") == [
        ("Location: IDLIB : Heish\\ Date: 7 April 2", "2017-04-07", "day", "stated", "Ḩīsh"),
        ("The attack took place on 7 April 2017.", "2017-04-07", "day", "stated", "Ḩīsh"),
        ("According to a nurse, 'five patients wer", "2017-04-07", "day", "inherited", "Ḩīsh"),
        ('A rescuer said: "We pulled 8 people from', "2017-04-07", "day", "inherited", "Ḩīsh"),
    ]
    assert figures("syrian_archive_quoted_witness_counts.md") == [
        ("five", 5, 5, "killed", "civilians", True),
        ("12", 12, 12, "injured", "people", True),
    ]


def test_a_sentence_naming_several_dated_attacks_gives_one_mention_per_attack():
    # places each with its day in brackets; "the attack on X on D" coordinated by commas; a bracketed
    # day closing a stated happening ("Chlorine was used in Sarmin (16 March 2015)"); not the day of
    # another, named happening a clause answers ("in response to the ... attack (4 April 2017)")
    got = [(m["text"][:30], str(m["date"])) for m in _extract("syrian_archive_several_dated_attacks_in_one_sentence.md").mentions]
    assert got == [
        ("The dataset holds videos of th", "2017-04-04"),
        ("The dataset holds videos of th", "2018-04-07"),
        ("It also covers the attack on t", "2017-04-04"),
        ("It also covers the attack on t", "2017-04-07"),
        ("It also covers the attack on t", "2017-04-22"),
        ("Chlorine was used in Sarmin (1", "2015-03-16"),
    ]


def test_a_heading_with_the_day_of_its_attack_dates_its_section():
    # "(29/01/2018)" closing a heading, "4 February 2018:" opening one, an ISO day as a heading
    assert mentions("syrian_archive_dates_in_headings.md") == [
        ("Two airstrikes hit the market at 07:40 i", "2018-01-29", "day", "section", "Saraqib"),
        ("Eleven civilians were killed.", "2018-01-29", "day", "inherited", "Saraqib"),
        ("Canisters fell on the eastern neighbourh", "2018-02-04", "day", "section", "Saraqib"),
        ("Airstrikes hit the Ihsan hospital.", "2018-02-06", "day", "section", "Saraqib"),
    ]
    assert figures("syrian_archive_dates_in_headings.md") == [("Eleven", 11, 11, "killed", "civilians", True)]


def test_numeric_american_and_british_date_forms():
    # day first unless the second number cannot be a month (04/22/2017); ISO; dots; dashes;
    # "April 29th, 2017", "the 30th of April 2017", "Apr. 26, 2017", "Tuesday May 2nd 2017", "3/4 May"
    got = [(m["text"][:20], str(m["date"]), m["date_precision"])
           for m in _extract("syrian_archive_numeric_and_american_dates.md").mentions]
    assert got == [
        ("The first attack too", "2017-04-22", "day"),
        ("The second attack to", "2017-04-24", "day"),
        ("The third attack occ", "2017-04-26", "day"),
        ("A fourth attack hit ", "2017-04-28", "day"),
        ("The hospital of Sara", "2017-04-29", "day"),
        ("On the 30th of April", "2017-04-30", "day"),
        ("Airstrikes hit Kafr ", "2017-04-26", "day"),
        ("On Tuesday May 2nd 2", "2017-05-02", "day"),
        ("On the night of 3/4 ", "2017-05-03", "day"),  # a night across two days: its first
    ]


def test_captions_statistics_and_references_are_not_events():
    # a screenshot's or still's publication day, a video's capture day and satellite images, a
    # year's count of verified videos, a month's count of attacked hospitals, a cited report
    assert mentions("syrian_archive_captions_and_statistics_are_background.md") == [
        ("On 19 September 2017 airstrikes hit the ", "2017-09-19", "day", "stated", "Khān Shaykhūn"),
    ]


def test_a_page_written_in_html_reads_as_its_text():
    # "<br/ >" and blocks end lines (a header block of two fields), "<li>" opens a list item,
    # inline tags and a link's markup are left out, a blockquote's ">" too
    assert mentions("syrian_archive_page_written_in_html.md") == [
        ("Date: 3 January 2018\\ Location: Maarat a", "2018-01-03", "day", "stated", "Ma‘arrat an Nu‘mān"),
        ("Airstrikes hit the Amal hospital.", "2018-01-03", "day", "inherited", "Ma‘arrat an Nu‘mān"),
        ("Ihsan hospital, Saraqib, 29 December 201", "2017-12-29", "day", "stated", "Saraqib"),
        ("Nour clinic (Kafr Nabl), 30/12/2017", "2017-12-30", "day", "stated", "Kafranbel"),
        ("On 31 December 2017, two airstrikes hit ", "2017-12-31", "day", "stated", "Arīḩā"),
        ("Three nurses were injured.", "2017-12-31", "day", "inherited", "Arīḩā"),
    ]


def test_a_day_alone_on_its_line_titles_the_narrative_below_it_but_a_list_of_days_does_not():
    # "**3 January 2018**" and "6 January 2018" above prose date it, as a heading of one day would;
    # "the early hours of Wednesday 10 January 2018" is that day; a contents list of days states nothing
    assert mentions("syrian_archive_date_lines_title_their_narrative.md") == [
        ("Airstrikes hit the Al-Salaam hospital in", "2018-01-03", "day", "section", "Ma‘arrat an Nu‘mān"),
        ("The market of Atarib was shelled.", "2018-01-06", "day", "section", "Al Atārib"),
        ("In the early hours of Wednesday 10 Janua", "2018-01-10", "day", "stated", "Arīḩā"),
    ]


def test_a_press_release_dateline_is_its_publication_and_what_yesterday_counts_from():
    # "Berlin, 8 April 2018 –" opening the page (its own date) is no event; the attack "yesterday
    # evening" is 7 April, the Saturday of the quote too; an entry "Saraqib, 4 February 2018 – ..."
    # further down is an incident with its day, no dateline
    assert mentions("syrian_archive_press_release_dateline.md") == [
        ("Berlin, 8 April 2018 – The Syrian Archiv", "2018-04-07", "day", "relative", "Dūmā"),
        ("According to a local media office, a hel", "2018-04-07", "day", "relative", "Dūmā"),
        ("Saraqib, 4 February 2018 – two barrels w", "2018-02-04", "day", "stated", "Saraqib"),
    ]
    assert figures("syrian_archive_press_release_dateline.md") == [("at least 42", 42, None, "killed", "people", True)]


def test_tolls_in_a_witness_statement_are_figures():
    # "the number of martyrs ranged between 10 and 15", "the death toll ranged from 12 to 14",
    # "killed her two children", "the injury of four nurses"
    assert figures("syrian_archive_tolls_in_a_witness_statement.md") == [
        ("between 10 and 15", 10, 15, "killed", "people", False),
        ("12 to 14", 12, 14, "killed", "people", False),
        ("two", 2, 2, "killed", "children", False),
        ("four", 4, 4, "injured", "civilians", False),
    ]


def test_an_attack_named_with_its_day_after_of_is_dated_by_it():
    # "the chemical attack of 21 August 2013 killed ...", "the sarin attack of 4 April 2017"; not in
    # a clause that follows another happening ("following the attack of ..."), not a video's day
    got = [(m["text"][:30], str(m["date"])) for m in _extract("syrian_archive_attack_named_with_its_date.md").mentions]
    assert got == [("The chemical attack of 21 Augu", "2013-08-21"), ("The dataset includes videos of", "2017-04-04")]
    assert figures("syrian_archive_attack_named_with_its_date.md") == [
        ("more than 1,400", 1400, None, "killed", "people", True)]


def test_an_attack_told_in_a_relative_clause_of_the_place_it_hit_is_dated():
    # "The Amal hospital, which was targeted by airstrikes on 3 May 2017, served ...": the attack is
    # the only happening the sentence dates; a building's construction year is no attack
    got = [(m["text"][:30], str(m["date"])) for m in _extract("syrian_archive_place_attacked_in_a_relative_clause.md").mentions]
    assert got == [("The Amal hospital, which was t", "2017-05-03")]


def test_a_header_block_written_as_a_table_of_two_columns_is_one_statement():
    # keys and values in two columns (a generic "Field | Value" header left out): a header block;
    # a two-column table of incidents (days in its first column) stays a table, a row per incident
    assert mentions("syrian_archive_header_block_as_a_table.md") == [
        ("Location: IDLIB : Saraqib\\ Date: 29/01/2", "2018-01-29", "day", "stated", "Saraqib"),
        ("Two missiles hit the entrance of the hos", "2018-01-29", "day", "inherited", "Saraqib"),
        ("March 16, 2017 – an airstrike on the mar", "2017-03-16", "day", "stated", "Arīḩā"),
        ("4 April 2017 – a barrel bomb on the clin", "2017-04-04", "day", "stated", "Kafranbel"),
    ]
    assert figures("syrian_archive_header_block_as_a_table.md") == [
        ("3", 3, 3, "killed", "people", True), ("12", 12, 12, "injured", "civilians", True)]


def test_attacked_facilities_listed_with_what_befell_them_are_dated():
    # "(attacked on 3 January 2018)", "(hit twice in January 2018)", ", attacked 29 January 2018",
    # "– targeted 4 February 2018 –"; a report cited with its month is no attack
    got = [(m["text"][:25], str(m["date"]), m["date_precision"])
           for m in _extract("syrian_archive_list_of_attacked_facilities_with_participles.md").mentions]
    assert got == [
        ("Al-Salaam hospital, Maara", "2018-01-03", "day"),
        ("Ihsan hospital (hit twice", "2018-01-01", "month"),
        ("Saraqib: Oudai hospital, ", "2018-01-29", "day"),
        ("Nour clinic – targeted 4 ", "2018-02-04", "day"),
    ]
    assert figures("syrian_archive_list_of_attacked_facilities_with_participles.md") == [
        ("2", 2, 2, "killed", "people", True)]


def test_a_victims_field_and_a_toll_told_as_a_number_are_figures():
    # "Victims: 3" set against "Reported injured: 7" are the dead; "The injured numbered 9"
    assert figures("syrian_archive_victims_field_and_numbered_tolls.md") == [
        ("3", 3, 3, "killed", "people", True),
        ("7", 7, 7, "injured", "people", True),
        ("9", 9, 9, "injured", "people", True),
    ]


def test_what_happened_in_the_aftermath_of_the_attack_is_its_day():
    # "In the aftermath of the attack," opening a sentence refers to the attack just told
    assert mentions("syrian_archive_aftermath_of_the_attack.md") == [
        ("On 7 April 2017, airstrikes hit the heal", "2017-04-07", "day", "stated", "Ḩīsh"),
        ("In the aftermath of the attack, a second", "2017-04-07", "day", "relative", "Ḩīsh"),
    ]


def test_list_items_opening_with_a_date_in_bold_or_italics_are_dated_by_it():
    assert mentions("syrian_archive_bold_date_labels_of_list_items.md") == [
        ("3 January 2018 – airstrikes hit the Al-S", "2018-01-03", "day", "stated", "Ma‘arrat an Nu‘mān"),
        ("29/01/2018: two missiles hit the Ihsan h", "2018-01-29", "day", "stated", "Saraqib"),
        ("4 February 2018: a barrel bomb fell on t", "2018-02-04", "day", "stated", "Kafranbel"),
    ]


def test_earlier_attacks_on_the_same_hospital_give_a_mention_each():
    # a header field of previous attacks, days listed with a semicolon; "on 10 and 21 December":
    # two days, not a range ("between 1 and 3 February" is one)
    got = [(m["text"][:25], str(m["date"]), str(m["date_end"]))
           for m in _extract("syrian_archive_earlier_attacks_on_the_same_hospital.md").mentions]
    assert got == [
        ("Location: IDLIB : Kafr Na", "2018-02-04", "None"),
        ("Previous attacks on the h", "2018-01-03", "None"),
        ("Previous attacks on the h", "2018-01-28", "None"),
        ("The hospital had been att", "2017-12-10", "None"),
        ("The hospital had been att", "2017-12-21", "None"),
        ("Between 1 and 3 February ", "2018-02-01", "2018-02-03"),
    ]
