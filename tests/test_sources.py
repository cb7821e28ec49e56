"""Clean sources (issue 9, item 5): outlet names without wiki residue; image links are no source."""

from __future__ import annotations

import pytest

from pipeline.extract import clean_source_name, extract_document, is_image_source
from pipeline.parsers import detect_format, parse_document
from tests.conftest import fixture_text


def _extract(name: str):
    text = fixture_text(name)
    doc = parse_document(text, fmt=detect_format(text), path=name, doc_id="d")
    return extract_document(doc)


def test_cover_image_is_not_a_source_and_names_lose_wiki_quotes():
    out = _extract("current_events_image_and_wiki_residue_sources.md")
    assert [(s["name"], s["domain"]) for s in out.sources] == [
        ("AFP via Daily Mail", "dailymail.co.uk"),
        ("Deutsche Welle", "dw.com"),
    ]


@pytest.mark.parametrize("name, url", [
    ("Cover Image", "http://www.dw.com/image/19119731_304.jpg"),
    # an image URL whatever its text, query string allowed (seeds/corpus current-events pages)
    ("Cover Image", "http://e3.365dm.com/16/03/1600x900/gettyimages-517616468-1-2048x1536_3438059.jpg?20160327081812"),
    ("Reuters", "http://s4.reutersmedia.net/resources_v2/images/rcom-default.png"),
])
def test_image_links(name, url):
    assert is_image_source(name, url)


def test_article_link_is_a_source():
    assert not is_image_source("Deutsche Welle", "http://www.dw.com/en/syria-rebels-shoot-down/a-42442483")
    assert not is_image_source("The Telegraph (UK)", "http://www.telegraph.co.uk/news/2016/05/07/x/")


@pytest.mark.parametrize("raw, clean", [
    ("AFP via ''Daily Mail", "AFP via Daily Mail"),
    ("''The Guardian''", "The Guardian"),
    ("[[Reuters]]", "Reuters"),
    ("(The Telegraph (UK)", "The Telegraph (UK)"),
    ("The Telegraph (UK))", "The Telegraph (UK)"),
    ("report published by the OPCW.", "report published by the OPCW"),
    ("U.S.", "U.S."),
])
def test_clean_source_name(raw, clean):
    assert clean_source_name(raw) == clean
