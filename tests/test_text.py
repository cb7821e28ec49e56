from pipeline.text import clean_inline, fingerprint, split_sentences, strip_links


def test_entities_decoded():
    assert clean_inline("Russia&#039;s &#034;coalition&#034; &amp; more") == 'Russia\'s "coalition" & more'


def test_typographic_quotes_and_dashes_folded():
    assert clean_inline("He stated: \u201cstrikes\u201d \u2014 it\u2019s") == 'He stated: "strikes" \u2013 it\'s'


def test_emphasis_and_junk_removed():
    assert clean_inline("aimed *inter alia* at the *de facto* isolation[object Object]") == \
        "aimed inter alia at the de facto isolation"


def test_links_become_text_and_sources_with_offsets():
    text, links = strip_links("The MoD [published a video](http://eng.mil.ru/x?id=1@egNews) showing sites.")
    assert text == "The MoD published a video showing sites."
    assert [(link.text, link.url) for link in links] == [("published a video", "http://eng.mil.ru/x?id=1@egNews")]
    assert text[links[0].start:links[0].end] == "published a video"


def test_url_with_parentheses_kept_whole():
    _, links = strip_links("see [file](https://en.wikipedia.org/wiki/A_(b)) now")
    assert links[0].url == "https://en.wikipedia.org/wiki/A_(b)"


def test_sentences_respect_initials_and_abbreviations():
    text = "The U.S. Department of Defense confirms it. Gen. Shoigu spoke on 5 Oct. 2015. A third."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "The U.S. Department of Defense confirms it.", "Gen. Shoigu spoke on 5 Oct. 2015.", "A third."]


def test_fingerprint_ignores_case_punctuation_and_accents():
    assert fingerprint("Russia's  Ma\u02bcarrat, al-Nu'man!") == fingerprint("russias maarrat alnuman")
