"""Dates of Syrian Archive pages (issue 9, item 13; pipeline/dates.py): one fixture document
per rule (tests/fixtures/), asserting the date every mention gets and how it got it."""

from __future__ import annotations

from pipeline.extract import extract_document
from pipeline.parsers import detect_format, parse_document
from tests.conftest import fixture_text


def dated(name: str) -> list[tuple[str, str, str, str]]:
    text = fixture_text(name)
    doc = parse_document(text, fmt=detect_format(text), path=name, doc_id="d")
    return [(m["text"][:40], str(m["date"]), m["date_precision"], m["date_basis"])
            for m in extract_document(doc).mentions]


def test_next_day_in_the_same_sentence_is_the_day_after_its_date():
    assert dated("syrian_archive_next_day_in_same_sentence.md") == [
        ("Location: IDLIB : Kafr Nabl\\ Date: 3 Jun", "2016-06-03", "day", "stated"),  # the header block
        ("On 3 June 2016, airstrikes hit the surgi", "2016-06-03", "day", "stated"),
        ("On 3 June 2016, airstrikes hit the surgi", "2016-06-04", "day", "relative"),
    ]


def test_yearless_date_in_a_quote_takes_the_year_of_the_incident_not_of_the_page():
    # the page was published on 2017-07-01: counting back from it would give 2017-06-09
    assert dated("syrian_archive_yearless_date_takes_incident_year.md") == [
        ("Location: ALEPPO : Anadan\\ Date: 9 June ", "2016-06-09", "day", "stated"),  # the header block
        ("A nurse of the hospital told the investi", "2016-06-09", "day", "previous"),
    ]


def test_yearless_date_after_a_month_mention_takes_the_year_of_the_pages_full_day():
    # the sentence before names a report's "April 2017": its year would give 2017-02-03
    assert dated("syrian_archive_yearless_date_after_month_mention.md") == [
        ("Between 3 January 2018 and 5 February 20", "2018-01-03", "day", "stated"),
        ("In April 2017, the Commission of Inquiry", "2017-04-01", "month", "stated"),
        ("The ministry's press release states that", "2018-02-03", "day", "previous"),
    ]


def test_a_reports_month_is_not_a_date_of_the_incidents_and_sets_no_year():
    # "In the March 2017 UN OHCHR report", "In February 2017 Amnesty International report" date the
    # reports: before the rule, the report's 2017 became the year of "2 December" (2017-12-02, after
    # the page's own date); the incidents lie before the page date (2017-05-10): 2016
    assert dated("syrian_archive_report_month_does_not_set_the_year.md") == [
        ("In February 2017 Amnesty International r", "2016-11-14", "day", "page"),
        ("The first attack on a market occurred on", "2016-12-02", "day", "previous"),
    ]


def test_dates_alone_in_a_table_of_contents_are_not_statements():
    # "-   March 17, 2017" lists a day of the page's timeline: no happening is stated
    assert dated("syrian_archive_table_of_contents_dates.md") == [
        ("On March 16, 2017, around 18:55 local ti", "2017-03-16", "day", "stated"),
    ]


def test_a_date_fronting_the_publication_of_a_video_is_not_an_event():
    # "For the attack on 19 September, the first video ... was published by X": sourcing
    assert dated("syrian_archive_fronted_date_of_a_published_video.md") == [
        ("On 19 September 2017 between 11:00 and 1", "2017-09-19", "day", "stated"),
    ]


def test_members_of_a_set_with_sources_or_a_reports_month_and_an_ordinal_second_date():
    # "The first occurred ..., for which the Archive verified three videos" and "The second,
    # documented in a March 2017 UN OHCHR report, occurred ..." are members of the set dated 14
    # November; "In the February 2017 UN OHCHR report ..., four (4) incidents ... were identified"
    # is a count (nothing); ", and the second on 28 October" is a second event
    assert dated("syrian_archive_enumerated_incidents_sources_and_report.md") == [
        ("On 14 November two separate attacks agai", "2016-11-14", "day", "page"),
        ("The first occurred against the Beyouty h", "2016-11-14", "day", "inherited"),
        ("The second, documented in a March 2017 U", "2016-11-14", "day", "inherited"),
        ("The first against a school in Anadan on ", "2016-10-13", "day", "page"),
        ("The first against a school in Anadan on ", "2016-10-28", "day", "stated"),
    ]


def test_relative_days_in_a_witness_quote_count_from_the_narratives_day():
    # the page narrates Tuesday 2 May 2017: "on Monday evening" and "yesterday" are 1 May, "In the
    # same day" is the day before it; "every Friday" is a habit and "Tomorrow" a day to come, not
    # happenings; the spokesman's "on Tuesday" (in a later section) is the narrative's day
    assert dated("syrian_archive_relative_days_in_a_witness_quote.md") == [
        ("On Tuesday May 2nd 2017, videos emerged ", "2017-05-02", "day", "stated"),
        ('Translation -- \\"Morek was targeted on M', "2017-05-01", "day", "relative"),
        ("12 were injured without casualties.", "2017-05-01", "day", "inherited"),
        ("In the same day Kafr Nabudah was targete", "2017-05-01", "day", "relative"),
        ("It seems that the regime has prepared fo", "2017-05-01", "day", "relative"),
        ("According to the spokesman, on Tuesday \"", "2017-05-02", "day", "relative"),
    ]


def test_a_list_items_label_with_its_date_in_brackets_dates_the_item():
    # "Saraqib (4 February 2018): ...": the item's own date; a report's month before a quoted
    # title ("Human Rights Watch (Feb. 2017): \"...\"") cites the report, it states no happening
    assert dated("syrian_archive_list_item_label_with_bracketed_date.md") == [
        ("Saraqib (4 February 2018): two barrels w", "2018-02-04", "day", "stated"),
        ("Kafr Zita (24 March 2017) - a chlorine b", "2017-03-24", "day", "stated"),
        ("Douma [7 April 2018]: a chlorine cylinde", "2018-04-07", "day", "stated"),
    ]


def test_an_incident_header_block_dates_the_narrative_below_it():
    # the "Date:" field of a header block (anywhere in the block, italic or bold) is the incident's
    # date: the block becomes a mention of its when-and-where fields (not "Beneficiaries"), and
    # the undated narrative below it takes its date until the next heading
    assert dated("syrian_archive_header_block_dates_its_narrative.md") == [
        ("Location: HAMA : Kafr Zita\\ Date: 2 Apri", "2017-04-02", "day", "stated"),
        ("Aircraft dropped a barrel bomb on the en", "2017-04-02", "day", "inherited"),
        ("The surgeon and a patient were killed.", "2017-04-02", "day", "inherited"),
        ("Date: 4 February 2018", "2018-02-04", "day", "stated"),
        ("Two barrels with chlorine hit the ambula", "2018-02-04", "day", "inherited"),
        ("Eleven people were injured.", "2018-02-04", "day", "inherited"),
    ]


def test_a_tables_date_column_is_read_first_and_row_numbers_are_left_out():
    # "| 1 | Khan Shaykhun, Idlib | 04/04/2017 | Sarin |" under "# | Location | Date | ...": the
    # row is read "04/04/2017 – Khan Shaykhun, Idlib – Sarin", dated like a list item; its text
    # (what the mention quotes) keeps the page's order of cells
    assert dated("syrian_archive_table_date_column_and_row_numbers.md") == [
        ("Khan Shaykhun, Idlib – 04/04/2017 – Sari", "2017-04-04", "day", "stated"),
        ("Saraqib – April 8, 2017 – Chlorine", "2017-04-08", "day", "stated"),
        ("Al-Lataminah, Hama – 30.03.2017 – 12", "2017-03-30", "day", "stated"),
    ]


def test_a_bold_title_line_dates_the_narrative_below_it_until_the_next_title():
    # "**Khan Shaykhun, Idlib – 4 April 2017**" titles the paragraph below it; "**Incident 3**"
    # begins another incident whose date is not given: its narrative stays undated; a day in
    # brackets closing an item that names an attack is the item's date
    assert dated("syrian_archive_bold_title_line_dates_its_narrative.md") == [
        ("Khan Shaykhun, Idlib – 4 April 2017", "2017-04-04", "day", "stated"),
        ("A sarin munition hit the northern distri", "2017-04-04", "day", "inherited"),
        ("More than 70 people were killed.", "2017-04-04", "day", "inherited"),
        ("Sarin attack in Al-Lataminah (30 March 2", "2017-03-30", "day", "stated"),
    ]


def test_a_dated_sentence_introducing_a_list_dates_its_undated_items():
    # "The following attacks took place on 7 April 2018:" then "- Douma: a chlorine cylinder hit
    # ...": each item is that day's, not the paragraph of prose after the list; a label with its
    # governorate ("Sarmin, Idlib (16 March
    # 2015) – ...") still gives the item its bracketed day
    assert dated("syrian_archive_dated_introduction_of_a_list.md") == [
        ("The following attacks took place on 7 Ap", "2018-04-07", "day", "stated"),
        ("Douma: a chlorine cylinder hit a residen", "2018-04-07", "day", "inherited"),
        ("Harasta: helicopters dropped two barrels", "2018-04-07", "day", "inherited"),
        ("Sarmin, Idlib (16 March 2015) – chlorine", "2015-03-16", "day", "stated"),
    ]


def test_on_the_same_day_in_a_labelled_item_refers_to_the_item_before():
    # "Al-Lataminah: on the same day, ...": a labelled item is an entry of its own (its "3 June"
    # takes the year of the page's latest full day, not the previous item's), but its anaphor
    # refers to the item before it
    assert dated("syrian_archive_same_day_in_labelled_items.md") == [
        ("Kafr Zita, 1 April 2017: a helicopter dr", "2017-04-01", "day", "stated"),
        ("Al-Lataminah: on the same day, a barrel ", "2017-04-01", "day", "relative"),
        ("The next day, a second barrel hit Kafr Z", "2017-04-02", "day", "relative"),
        ("Morek – the same day – helicopters dropp", "2017-04-02", "day", "relative"),
        ("Halfaya: 3 June, rockets hit the town.", "2017-06-03", "day", "previous"),
    ]


def test_a_date_written_year_first_with_slashes_is_a_day():
    # "2017/04/04" is year/month/day (ISO order with slashes): as "2017-04-04"
    assert dated("syrian_archive_date_year_first_with_slashes.md") == [
        ("On 2017/04/04 an airstrike hit the hospi", "2017-04-04", "day", "stated"),
    ]


def test_a_month_written_in_capitals_beside_a_day_is_a_date():
    # a header block writes "Date: 4 APRIL 2017" in capitals like its governorate ("IDLIB")
    assert dated("syrian_archive_month_in_capitals.md") == [
        ("Location: IDLIB : Khan Shaykhun\\ Date: 4", "2017-04-04", "day", "stated"),
        ("An airstrike hit the hospital.", "2017-04-04", "day", "inherited"),
    ]


def test_the_night_of_the_ordinal_day_to_the_next_is_dated_by_its_first_day():
    # "the night of the 3rd to the 4th of April 2017": the night begins on the 3rd (as "the night
    # of 3 to 4 April"); the article belongs to the date, the sentence is no adjectival mention
    assert dated("syrian_archive_night_of_ordinal_days.md") == [
        ("On the night of the 3rd to the 4th of Ap", "2017-04-03", "day", "stated"),
    ]


def test_a_time_before_the_day_in_a_date_field_does_not_hide_the_day():
    # "Time and date: 06:45, 4 April 2017": the field's day, the time before it left aside; the
    # narrative below the block takes the day
    assert dated("syrian_archive_time_before_the_day_in_a_date_field.md") == [
        ("Time and date: 06:45, 4 April 2017\\ Loca", "2017-04-04", "day", "stated"),
        ("An airstrike hit the hospital.", "2017-04-04", "day", "inherited"),
        ("Two nurses were injured.", "2017-04-04", "day", "inherited"),
    ]


def test_a_date_field_further_on_a_line_of_bold_fields_dates_the_block():
    # "**Location:** Saraqib, Idlib **Date:** 4 February 2018 **Time:** 21:40" on one line
    assert dated("syrian_archive_date_field_on_a_line_of_bold_fields.md") == [
        ("Location: Saraqib, Idlib Date: 4 Februar", "2018-02-04", "day", "stated"),
        ("Two barrels with chlorine hit the ambula", "2018-02-04", "day", "inherited"),
    ]


def test_a_day_written_as_the_first_sentence_of_an_item_dates_the_item():
    # "- 4 April 2017. An airstrike hit ...": the day alone is the item's label, no mention of its
    # own; each item's sentences take its own day, not the item's before
    assert dated("syrian_archive_day_as_first_sentence_of_an_item.md") == [
        ("An airstrike hit the hospital in Khan Sh", "2017-04-04", "day", "inherited"),
        ("Two nurses were injured.", "2017-04-04", "day", "inherited"),
        ("A barrel bomb hit a school in Kafr Zita.", "2017-04-07", "day", "inherited"),
    ]
