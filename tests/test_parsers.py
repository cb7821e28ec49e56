import datetime as dt

import pytest

from pipeline.parsers import DocumentError, detect_format, parse_document
from pipeline.parsers.markdown import split_front_matter

from .conftest import fixture_text


def parse(name):
    text = fixture_text(name)
    return parse_document(text, fmt=detect_format(text), path=name, doc_id="d")


def test_unpadded_header_date():
    doc = parse("current_events_unpadded_date.md")
    assert doc.format == "current_events"
    assert doc.published == dt.date(2016, 3, 7)
    headline = doc.items[0]
    assert (headline.kind, headline.date, headline.detail) == ("headline", dt.date(2016, 3, 7), "Body text & more.")
    assert [(s.name, s.url) for s in headline.sources] == [("BBC", "https://www.bbc.co.uk/news/world-middle-east-1")]
    related = doc.items[1]
    assert related.date == dt.date(2016, 10, 8)
    assert related.context == ("Russia", "Syria")


def test_current_events_without_date_is_rejected():
    with pytest.raises(DocumentError, match="no date"):
        parse("current_events_no_date.md")


def test_front_matter_keeps_no_on_and_dates_as_strings():
    meta, _ = split_front_matter(fixture_text("wikipedia_yes_no_dates_as_strings.md"))
    assert meta["country"] == "NO"
    assert meta["flag"] == "on"
    assert meta["date"] == "2015-09-30"
    assert meta["pubDate"] == "2023-10-21 01:10"


def test_wikipedia_sections_drop_see_also():
    doc = parse("wikipedia_yes_no_dates_as_strings.md")
    assert doc.format == "wikipedia"
    assert doc.title == "Norway and the war"
    assert doc.published == dt.date(2023, 10, 21)
    assert [(s.heading, s.paragraphs) for s in doc.sections] == [
        ("", ("Norway said something. In 2015 it happened.",))]


def test_broken_front_matter_is_rejected_with_reason():
    with pytest.raises(DocumentError, match="broken front matter"):
        parse("wikipedia_broken_front_matter.md")


def test_syrian_archive_drops_images_and_object_junk():
    doc = parse("syrian_archive_page.md")
    assert doc.format == "syrian_archive"
    assert doc.published == dt.date(2018, 10, 31)
    assert [(s.heading, s.paragraphs) for s in doc.sections] == [
        ("Heading", ("Para one [with a link](https://example.org/a).",))]


def test_unknown_format_detects_none():
    assert detect_format(fixture_text("unknown_format.md")) is None


def test_markdown_tables_rows_and_embeds():
    from pipeline.parsers.markdown import sections

    body = ("## List\n\n| Date | Notes |\n| --- | --- |\n| April 7, 2017 | Strikes hit Shayrat. |\n\n"
            "<iframe src=\"https://www.youtube.com/embed/x\" width=\"560\"></iframe>\n\n"
            "## 2016\n\n### March\nOn 3 March, jets struck.\n")
    assert [(s.heading, s.level, s.paragraphs) for s in sections(body)] == [
        ("List", 2, ("April 7, 2017 – Strikes hit Shayrat.",)),
        ("2016", 2, ()),  # a heading without a paragraph still encloses what follows
        ("March", 3, ("On 3 March, jets struck.",))]


def _front_matters():
    """(name, raw YAML) of every fixture with front matter (the hostile ones included)."""
    from pathlib import Path

    from pipeline.parsers.markdown import _YAML, has_front_matter

    root = Path(__file__).parent / "fixtures"
    out = []
    for path in sorted(root.rglob("*.md")):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue            # a fixture of a file that is not UTF-8
        if has_front_matter(text):
            try:
                out.append((path.relative_to(root).as_posix(), _YAML.split(text)[0]))
            except ValueError:
                continue
    return out


def test_libyaml_reading_of_front_matter_equals_pyyaml_or_defers_to_it():
    """libyaml's reading (``markdown._fast_load``) is taken only where it equals the reference
    ``StringKeepingLoader``; anything it may read differently (an alias, a deep nesting, an error)
    goes back to PyYAML, which then refuses it with its own reason."""
    import yaml

    from pipeline.parsers.markdown import _SLOW, StringKeepingLoader, _fast_load

    fast = 0
    for name, raw in _front_matters():
        got = _fast_load(raw)
        if got is _SLOW:
            continue
        fast += 1
        assert got == yaml.load(raw, Loader=StringKeepingLoader), name   # noqa: S506 - a SafeLoader subclass
    assert fast >= 20      # the ordinary front matters are read by libyaml
    assert _fast_load("subject: Norway\ncountry: NO\ndate: 2015-09-30\nflag: on\nok: true\nn: 3\n") == {
        "subject": "Norway", "country": "NO", "date": "2015-09-30", "flag": "on", "ok": True, "n": 3}
    assert _fast_load("a: &x b\nc: *x\n") is _SLOW                      # aliases: PyYAML counts them
    assert _fast_load("a: " + "[" * 40 + "]" * 40 + "\n") is _SLOW      # deeper than the limit
    assert _fast_load("a: [" + "- " * 600 + "]\n") is _SLOW             # could nest past _C_NESTING
    assert _fast_load("a: b\n c: d\n  - e\n") is _SLOW                  # an error: PyYAML's message


def test_broken_front_matter_gives_pyyaml_s_message():
    # libyaml says "mapping values are not allowed in this context": the reason stays PyYAML's
    with pytest.raises(DocumentError) as err:
        split_front_matter("---\nsubject: x\n  bad: y\n---\nBody.\n")
    assert err.value.reason == "broken front matter: mapping values are not allowed here"
