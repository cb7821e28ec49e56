"""Current-events pages in every layout: item pages (older and newer layout) and day index pages,
and days stated relative to the page ("Today at 09:30", "Yesterday", "On Tuesday")."""

import datetime as dt

import pytest

from pipeline.extract import extract_document
from pipeline.parsers import DocumentError, identify, parse_document
from pipeline.relative_days import opening_relative_day

from .conftest import fixture_text


def parse(name):
    text = fixture_text(name)
    fmt, _ = identify(text)
    return parse_document(text, fmt=fmt, path=name, doc_id="d")


def mentions(name):
    doc = parse(name)
    return doc, extract_document(doc, f"test:{name}")


# --- item pages, newer layout --------------------------------------------------------------------
def test_formats_line_before_the_header_is_an_item_page_with_its_own_url():
    text = fixture_text("current_events_formats_line.md")
    assert identify(text) == ("current_events", "current_events:2016-03-26")
    doc = parse("current_events_formats_line.md")
    assert doc.published == dt.date(2016, 3, 26)
    assert doc.url == "https://thecontext.net/news/2016/03/26/syrian-troops-advance-into-palmyra.html"
    (headline,) = doc.items
    assert headline.text == "Syrian troops advance into Palmyra with the help of Russian airstrikes."
    assert headline.detail == "Government forces seize several neighbourhoods, state TV says."


def test_topic_line_above_the_headline_becomes_its_topic():
    doc, out = mentions("current_events_topic_line.md")
    assert doc.items[0].topics == ("United States attacks on the Syrian government",)
    (m,) = out.mentions
    assert m["topics"] == ["United States attacks on the Syrian government"]
    assert m["text"].startswith("United States Central Command says it killed more than 100")
    assert m["date"] == dt.date(2018, 2, 7)


def test_cover_image_is_not_a_source_and_sources_plural_is_read():
    doc = parse("current_events_sources_cover_image.md")
    assert [(s.name, s.url) for s in doc.items[0].sources] == [
        ("The Independent", "http://www.independent.co.uk/news/world/middle-east/isis-shoots-down-russian-helicopter-near-palmyra-syria-a7128901.html"),
        ("Reuters", "https://www.reuters.com/article/us-mideast-crisis-syria-helicopter-idUSKCN0ZP0FE"),
    ]


def test_changes_list_is_not_an_event_nor_detail_and_related_after_it_is_read():
    doc = parse("current_events_changes_list.md")
    headline, related = doc.items
    assert headline.detail == "Russian jets resumed heavy bombing on Tuesday after several days of relative calm."
    assert (related.kind, related.date, related.context) == ("related", dt.date(2016, 12, 11),
                                                            ("Palmyra", "Russian Air Force", "Syria"))
    assert len(doc.items) == 2  # the two revisions of the headline give nothing


# --- day index pages -----------------------------------------------------------------------------
def test_day_page_older_layout_every_item_is_a_headline_of_the_day():
    text = fixture_text("current_events_day_page.md")
    assert identify(text) == ("current_events_day", "current_events_day:2016-10-11")
    doc = parse("current_events_day_page.md")
    assert doc.format == "current_events_day"
    assert doc.published == dt.date(2016, 10, 11)
    assert doc.title == "Current events of 2016-10-11"
    assert doc.url == "https://thecontext.net/news/2016/10/11/index.html"
    first, second = doc.items
    assert [i.date for i in doc.items] == [dt.date(2016, 10, 11)] * 2
    assert first.detail == "Russian jets resumed heavy bombing of rebel-held eastern Aleppo on Tuesday, a monitoring group said."
    assert first.context == ()
    assert second.detail is None
    assert second.context == ("Myanmar Army", "Rakhine State")
    assert [(s.name, s.url) for s in second.sources] == [
        ("item page", "/news/2016/10/11/in-a-third-day-of-fighting-an-attack-in-rakhine-state-kills-four-myanmar-soldiers.md")]


def test_day_page_newer_layout_topic_lines_and_figures_of_the_lede():
    doc, out = mentions("current_events_day_formats_topics.md")
    assert doc.published == dt.date(2017, 10, 4)
    assert [m["topics"] for m in out.mentions] == [["Syrian Civil War"], ["Nobel Prize in Chemistry"]]
    assert [m["kind"] for m in out.mentions] == ["headline", "headline"]
    assert out.mentions[0]["text"] == ("Suspected Russian military jets target boats fleeing the town of "
                                      "al-Ashara, killing at least 60 civilians.")
    # the headline's count and the lede's count, both tied to the headline's mention
    figures = sorted((f["number_text"], f["mention_id"] == out.mentions[0]["mention_id"]) for f in out.figures)
    assert figures == [("At least 60", True), ("at least 60", True)]
    assert [s["url"] for s in out.sources if s["mention_id"] == out.mentions[1]["mention_id"]] == [
        "/news/2017/10/4/the-nobel-committee-awards-the-nobel-prize-in-chemistry.md"]
    assert out.links == []  # a day page lists no related items


def test_day_page_without_items_is_refused_with_reason():
    with pytest.raises(DocumentError, match="no events: day page without items"):
        parse("current_events_day_without_items.md")


# --- days relative to the page -------------------------------------------------------------------
def test_headline_opening_with_yesterday_is_dated_the_day_before_the_page():
    _, out = mentions("current_events_yesterday_opening.md")
    (m,) = out.mentions
    assert m["date"] == dt.date(2016, 10, 2)


def test_today_at_a_time_keeps_the_page_day_and_a_later_yesterday_sentence_is_its_own_mention():
    _, out = mentions("current_events_relative_second_sentence.md")
    first, second = out.mentions
    assert first["date"] == dt.date(2017, 5, 16)
    assert first["text"].startswith("Today at 09:30, Israeli Minister of Construction Yoav Galant")
    assert second["date"] == dt.date(2017, 5, 15)
    assert second["text"] == ("Yesterday, the United States Department of State accused the al-Assad "
                              "government of using a crematory at Sednaya Prison.")


WEDNESDAY = dt.date(2017, 10, 4)


@pytest.mark.parametrize("sentence, day", [
    ("Today at 09:30, a car bomb explodes", dt.date(2017, 10, 4)),
    ("At 09:30 local time today, a car bomb explodes", dt.date(2017, 10, 4)),
    ("Earlier today the ministry said", dt.date(2017, 10, 4)),
    ("Tonight, protesters gather", dt.date(2017, 10, 4)),
    ("Yesterday, the US accused", dt.date(2017, 10, 3)),
    ("Late yesterday the army entered", dt.date(2017, 10, 3)),
    ("Last night jets struck", dt.date(2017, 10, 3)),
    ("The day before yesterday, rebels shelled", dt.date(2017, 10, 2)),
    ("Two days ago, rebels shelled", dt.date(2017, 10, 2)),
    ("Tomorrow the talks resume", dt.date(2017, 10, 5)),
    ("On Tuesday, jets struck", dt.date(2017, 10, 3)),
    ("On Wednesday, jets struck", dt.date(2017, 10, 4)),   # the page's own weekday is the page's day
    ("Sunday morning, jets struck", dt.date(2017, 10, 1)),
    ("Last Wednesday, jets struck", dt.date(2017, 9, 27)),
])
def test_opening_relative_day(sentence, day):
    assert opening_relative_day(sentence, WEDNESDAY).day == day


@pytest.mark.parametrize("sentence", [
    "After yesterday's downing of a Syrian Su-22 jet, Russia shuts down a channel.",  # not the opening
    "Yesterday's strike killed five.",          # a possessive names a happening, not when
    "Russia says it struck on Tuesday.",
    "Todays figures were released.",
])
def test_no_opening_relative_day(sentence):
    assert opening_relative_day(sentence, WEDNESDAY) is None
