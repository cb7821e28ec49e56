import pytest

from pipeline.extract import lost_subject, registrable_domain, split_breadcrumbs


@pytest.mark.parametrize("text, topics, summary", [
    ("Syrian Civil War. Russian military intervention in the Syrian Civil War. Russia expands its presence.",
     ["Syrian Civil War", "Russian military intervention in the Syrian Civil War"], "Russia expands its presence."),
    ("Russian military intervention in the Syrian Civil War. 2015 Russian Sukhoi Su-24 shootdown. Turkish F-16 fighter jets shoot down a Russian Sukhoi Su-24 aircraft.",
     ["Russian military intervention in the Syrian Civil War", "2015 Russian Sukhoi Su-24 shootdown"],
     "Turkish F-16 fighter jets shoot down a Russian Sukhoi Su-24 aircraft."),
    # a short clause with a verb is a sentence, not a topic
    ("Russia vetoes the resolution. France protests.", [], "Russia vetoes the resolution. France protests."),
    # a context tag is a topic even when it looks like a clause
    ("Russia–Turkey military relations. Turkey shoots down a jet.", ["Russia–Turkey military relations"],
     "Turkey shoots down a jet."),
    ("A memorandum is signed by Russia, Iran, and Turkey.", [], "A memorandum is signed by Russia, Iran, and Turkey."),
])
def test_breadcrumbs_split_off(text, topics, summary):
    context = ("Russia–Turkey military relations",)
    assert split_breadcrumbs(text, context) == (topics, summary)


@pytest.mark.parametrize("url, domain", [
    ("http://uk.reuters.com/article/2015/11/25/x", "reuters.com"),
    ("http://www.telegraph.co.uk/news/a.html", "telegraph.co.uk"),
    ("https://www.rt.com/news/323379-s400-russia-syria-airbase/", "rt.com"),
    ("/news/2016/01/9/slug.md", None),
])
def test_registrable_domain(url, domain):
    assert registrable_domain(url) == domain


def test_lost_subject_flag():
    assert lost_subject(", and the Russian military said ...")
    assert lost_subject("\u2013 which was denied")
    assert not lost_subject("Russia said ...")
