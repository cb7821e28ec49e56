"""What documents says about each document besides its events: public URL and licence (catalogue
and the document itself), language, and why a document gives no mention (note)."""

import shutil

import pytest

from pipeline.build import process_file
from pipeline.catalogue import document_licence, document_url, read_catalogue, spdx_licence
from pipeline.discover import discover, inspect
from pipeline.language import detect_language, note_for

from .conftest import FIXTURES, fixture_text


# --- catalogue -----------------------------------------------------------------------------------
def test_manifest_and_sources_table_give_url_and_licence_per_file(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "catalogue", seeds / "corpus")
    cat = read_catalogue(seeds)
    assert sorted(cat) == [
        "corpus/articles/wp_battle_of_al-bab.md",
        "corpus/current_events/ce-day_2017-10-04.md",
        "corpus/current_events/ce_2016-10-01_trauma-hospital.md",
        "corpus/syrian_archive/sa_inv_incident-3.md",
        "corpus/syrian_archive/sa_russian-airstrikes_index_ar.md",
    ]
    item = cat["corpus/current_events/ce_2016-10-01_trauma-hospital.md"]
    assert item.site_url == ("https://thecontext.net/news/2016/10/1/"
                             "russian-and-syrian-government-attacks-on-rebel-held-east-aleppo.html")
    assert item.licence == "CC BY-SA 3.0 / Wikipedia CC BY-SA"
    assert cat["corpus/current_events/ce-day_2017-10-04.md"].site_url == "https://thecontext.net/news/2017/10/4/index.html"
    assert cat["corpus/syrian_archive/sa_inv_incident-3.md"].site_url == \
        "https://syrianarchive.org/en/investigations/Medical-Facilities-Under-Fire/Incident-3.html"
    arabic = cat["corpus/syrian_archive/sa_russian-airstrikes_index_ar.md"]
    assert arabic.site_url == "https://syrianarchive.org/ar/collections/russian-airstrikes/"
    assert arabic.licence is None  # not in the SOURCES.md table
    article = cat["corpus/articles/wp_battle_of_al-bab.md"]
    assert article.site_url is None  # the copy's repository is not the article's public page
    assert document_licence(article, "wikipedia") == "CC-BY-SA-4.0"


def test_manifest_url_and_licence_columns_win():
    cat = read_catalogue(FIXTURES / "catalogue_with_url")
    page, other = cat["page.md"], cat["other.md"]
    assert document_url(page, "https://stated.example/page") == "https://example.org/pages/page"
    assert document_licence(page, "wikipedia") == "CC0-1.0"
    assert document_url(other, "https://stated.example/other") == "https://stated.example/other"
    assert document_url(other, None) is None  # no rule for the repository, nothing stated
    assert document_licence(other, "wikipedia") == "Public domain"


def test_no_catalogue_row_url_only_when_the_document_states_it():
    assert document_url(None, None) is None
    assert document_url(None, "https://en.wikipedia.org/wiki/Airwars") == "https://en.wikipedia.org/wiki/Airwars"
    assert document_licence(None, "syrian_archive") == "CC-BY-SA-4.0"
    assert document_licence(None, None) is None


@pytest.mark.parametrize("text, spdx", [
    ("CC BY-SA 3.0 / Wikipedia CC BY-SA", "CC-BY-SA-3.0"),
    ("CC BY-SA 4.0 (Syrian Archive)", "CC-BY-SA-4.0"),
    ("cc-by-nc-sa 2.0", "CC-BY-NC-SA-2.0"),
    ("All rights reserved", "All rights reserved"),
    ("  ", None),
])
def test_spdx_licence(text, spdx):
    assert spdx_licence(text) == spdx


def test_wikipedia_article_url_from_its_subject(tmp_path):
    (tmp_path / "a.md").write_text("---\nsubject: Iran–Israel conflict during the Syrian civil war\n"
                                   "author: Wikipedia\npubDate: 2023-10-24 09:10\n---\n\nIsrael's role was debated.\n",
                                   encoding="utf-8")
    r = process_file(tmp_path, inspect(tmp_path, "a.md"))
    assert r.url == "https://en.wikipedia.org/wiki/Iran%E2%80%93Israel_conflict_during_the_Syrian_civil_war"
    assert r.licence == "CC-BY-SA-4.0"


def test_discover_attaches_catalogue_rows_and_skips_catalogue_files(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "catalogue", seeds / "corpus")
    folder = seeds / "corpus" / "syrian_archive"
    folder.mkdir()
    shutil.copy(FIXTURES / "syrian_archive_page.md", folder / "sa_inv_incident-3.md")
    (seeds / "unlisted.md").write_text(fixture_text("syrian_archive_page.md") + "\nAnother copy.\n", encoding="utf-8")
    records = {r.path: r for r in discover(seeds)}
    assert sorted(records) == ["corpus/syrian_archive/sa_inv_incident-3.md", "unlisted.md"]
    listed = process_file(seeds, records["corpus/syrian_archive/sa_inv_incident-3.md"])
    assert listed.url == "https://syrianarchive.org/en/investigations/Medical-Facilities-Under-Fire/Incident-3.html"
    assert listed.licence == "CC-BY-SA-4.0"
    unlisted = process_file(seeds, records["unlisted.md"])
    assert unlisted.extract is not None and unlisted.url is None


# --- language and notes --------------------------------------------------------------------------
def test_arabic_page_is_a_document_with_language_and_a_note_not_a_silent_zero():
    r = process_file(FIXTURES, inspect(FIXTURES, "syrian_archive_arabic_page.md"))
    assert r.record.format == "syrian_archive"
    assert r.language == "ar"
    assert r.extract.mentions == [] and r.extract.figures == []
    assert r.note == "not extracted: the text is in Arabic (ar); the extraction rules read English only"


def test_placeholder_page_is_near_empty():
    r = process_file(FIXTURES, inspect(FIXTURES, "syrian_archive_placeholder_page.md"))
    assert (r.language, len(r.extract.mentions)) == ("en", 0)
    assert r.note == "near-empty: 15 words of text, no event statement"


def test_index_page_with_only_level_is_a_syrian_archive_page():
    rec = inspect(FIXTURES, "syrian_archive_index_level_only.md")
    assert rec.format == "syrian_archive"
    r = process_file(FIXTURES, rec)
    assert r.language == "und"  # two words: too little text to tell
    assert r.note == "near-empty: 4 words of text, no event statement"


def test_english_page_quoting_many_arabic_titles_is_english_and_extracted():
    # more Arabic letters than Latin ones (eight Arabic video titles), but English prose around
    # them: English function words are over 8% of its words (an Arabic page's stray English ~2%)
    r = process_file(FIXTURES, inspect(FIXTURES, "syrian_archive_english_page_quoting_arabic_titles.md"))
    assert r.language == "en" and r.note is None
    assert [(m["date"].isoformat(), m["text"][:30]) for m in r.extract.mentions] == [
        ("2018-02-04", "They show the attack on the ho"),
        ("2018-02-05", "On 5 February 2018, the hospit"),
    ]
    assert [(f["number_text"], f["outcome"]) for f in r.extract.figures] == [("two", "killed")]


def test_english_page_with_mentions_has_no_note():
    r = process_file(FIXTURES, inspect(FIXTURES, "current_events_unpadded_date.md"))
    assert r.language == "en"
    assert len(r.extract.mentions) == 2 and r.note is None


@pytest.mark.parametrize("text, language", [
    ("The Syrian army captured the town of Kinsabba in the north of Latakia province.", "en"),
    ("وقع الهجوم على المركز الصحي في بلدة حيش، The Heish town", "ar"),
    ("L'armée syrienne a pris la ville de Kinsabba au nord de la province de Lattaquié.", "und"),
    ("Index page", "und"),
    ("[A video](https://www.youtube.com/watch?v=abcdefghijklmnopqrstuvwxyz) وقع الهجوم على المركز الصحي", "ar"),
])
def test_detect_language(text, language):
    assert detect_language(text) == language


def test_note_for_a_long_english_page_without_dates():
    text = "The report was published. " * 60
    assert note_for("en", text, 0) == "no dated event statement found in 240 words of text"
    assert note_for("en", "Index page", 0) == "near-empty: 2 words of text, no event statement"
    assert note_for("ar", text, 3) is None
