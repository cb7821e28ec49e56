"""casualty_figures as built from the seeds: figures tied to their events, quotes whole."""

import pandas as pd

from .test_resolve import S000, S001, S002, events_of


def figures_of(tables, seed, words):
    f, docs = tables["casualty_figures"], tables["documents"]
    doc = docs.loc[docs["path"] == seed, "doc_id"].item()
    return f[(f["doc_id"] == doc) & f["quote"].str.contains(words, regex=False)]


def test_same_figure_in_two_documents_tied_to_one_event(tables):
    page = figures_of(tables, S000, "leaves nearly 60 people dead")
    article = figures_of(tables, S001, "had killed about 60 persons")
    assert page[["count_low", "count_high", "qualifier", "outcome"]].values.tolist() == [[pd.NA, 60, "nearly", "killed"]]
    assert sorted(article["number_text"]) == ["23", "about 60"]
    assert set(article["reported_by"]) == {"Syrian Observatory for Human Rights"}
    eid = page["event_id"].item()
    assert set(article["event_id"]) == {eid}
    assert eid in events_of(tables, S000, "Maarrat al-Nu'man")


def test_quote_is_the_full_sentence(tables):
    row = figures_of(tables, S000, "at least 18 civilians").iloc[0]
    assert row["quote"] == ("The Syrian Observatory for Human Rights reports Russian airstrikes kill at least 18 "
                            "civilians and wound dozens more in the town of Ariha in Syria's northwestern Idlib province.")
    both = figures_of(tables, S000, "at least 18 civilians").set_index("outcome")
    assert (both.loc["killed", "count_low"], both.loc["killed", "victim_group"]) == (18, "civilians")
    assert (both.loc["injured", "qualifier"], pd.isna(both.loc["injured", "count_low"])) == ("vague", True)


def test_figure_about_another_day_is_not_tied_to_the_item(tables):
    paris = figures_of(tables, S000, "November 13 terror attacks")
    assert paris["count_low"].tolist() == [130]
    assert paris["event_id"].isna().all() and paris["mention_id"].isna().all()
    shoigu = figures_of(tables, S000, "reported over 600 terrorists were killed")
    assert shoigu["event_id"].notna().all()


def test_non_casualty_numbers_absent(tables):
    f = tables["casualty_figures"]
    for number in ["92", "19,160", "71,000", "48,000", "1902", "139", "34"]:
        assert not (f["number_text"] == number).any(), number
    soldiers = figures_of(tables, S002, "killed three Syrian soldiers and wounded 13 others").set_index("outcome")
    assert soldiers.loc["killed", "count_low"] == 3 and soldiers.loc["injured", "count_low"] == 13
    assert set(soldiers["affiliation"]) == {"Syrian Army"}
