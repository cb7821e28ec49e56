"""Issue 13, seventh round: re-tellings and look-alikes that the evidence rules of
pipeline/resolve.py tell apart. One fixture document per case (tests/fixtures/), extracted as a
build extracts it; the values are the fixtures' own."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from pipeline.resolve import (
    _Cluster,
    _context_place_bonus,
    action_kinds,
    anaphoric,
    conflict,
    context_places,
    goes_on_about,
    is_statement,
    prepare,
    prior_kinds,
)
from tests.conftest import fixture_mentions as mentions_of
from tests.conftest import fixture_records as records
from tests.conftest import fixture_resolved as resolved


def test_a_reaction_to_yesterdays_downing_is_not_the_downing():
    reaction, downing = records("current_events_reaction_after_yesterdays_downing.md",
                                "wikipedia_jet_downing_of_the_day_before.md")
    assert (str(reaction["date"].date()), str(downing["date"].date())) == ("2017-06-19", "2017-06-18")
    assert prior_kinds(reaction["text"]) == {"aircraft_lost"}
    assert action_kinds(reaction["text"]) == frozenset()          # "shuts down a channel" is no attack
    assert action_kinds(downing["text"]) == {"aircraft_lost"}
    assert conflict(reaction, downing) == "reaction_to"
    assert conflict(downing, reaction) == "reaction_to"


def test_a_party_telling_its_own_strike_reports_the_strike():
    [claim] = mentions_of("current_events_party_reports_its_own_strikes.md")
    assert claim["text"].startswith("United States Central Command says that it killed more than 100")
    assert is_statement(claim["text"]) is False
    # a pledge or a judgement stays a statement
    assert is_statement("Russia says it will deploy its S-400 missiles to the Khmeimim airbase.") is True
    assert is_statement("The US has said it holds Russia responsible for a deadly attack on an aid convoy.") is True
    assert is_statement("Turkey says it shot down a Russian Sukhoi Su-24 near the border.") is False


def test_an_execution_told_on_with_where_it_happened_is_one_event():
    out = resolved("wikipedia_execution_told_on_with_its_place.md").sort_values("text")
    assert out["text"].str[:25].tolist() == ["Nine civilians, including", "Turkish-backed members of"]
    assert out["places"].map(list).tolist()[0] == ["Tall Abyaḑ"]
    assert out["event_id"].nunique() == 1
    assert out["match_rule"].tolist()[0] == "inherited_date"


def test_what_the_other_side_did_next_is_a_new_happening():
    recs = [{"mention_id": "m1", "doc_id": "d", "kind": "narrative", "section": "s", "places": [], "actors": [],
             "date": pd.Timestamp("2017-02-09"), "date_precision": "day",
             "text": "On 9 February, the Syrian Army captured two villages to the south of al-Bab."},
            {"mention_id": "m2", "doc_id": "d", "kind": "narrative", "section": "s", "places": [], "actors": [],
             "date": pd.Timestamp("2017-02-09"), "date_precision": "day",
             "text": "The rebels also stated that they had clashed with the Syrian Army for the first time."}]
    prepare(recs)
    assert recs[0]["_roles"][0] == {"Syrian government"} and recs[1]["_roles"][1] == {"Syrian government"}
    assert goes_on_about(recs[0], recs[1]) is False


def test_verbs_of_ability_attempt_and_aspect_keep_their_action():
    assert action_kinds("The SOHR also reported that the SDF was able to regain almost all control over the "
                        "contested city of Ras al-Ayn after a counterattack.") == {"capture"}
    assert action_kinds("Russia begins to withdraw its forces from Syria.") == {"withdrawal"}
    assert action_kinds("After hours of intense clashes, Syrian troops were forced to retreat after the main "
                        "facility caught on fire.") == {"withdrawal"}
    assert action_kinds("Turkey sends more tanks into northern Syria to continue its offensive against ISIL.") \
        == {"deployment"}                                          # a purpose is still left out


def test_an_opening_date_phrase_is_not_an_apposition():
    # ", a city besieged by ..." is background; "On 18 June, a Syrian Air Force Su-22 was shot down" is the event
    assert action_kinds("On 18 June, a Syrian Air Force Su-22 was shot down by a US Navy F-18E south of Tabqa.") \
        == {"aircraft_lost"}
    assert action_kinds("The army recaptured Palmyra, a city besieged by ISIL since 2015.") == {"capture"}
    assert action_kinds("On Tuesday, a Russian jet was shot down near the Turkish border.") == {"aircraft_lost"}


def test_a_statement_referring_back_to_the_town_is_placed_there():
    assert anaphoric("It was captured by rebel and jihadist forces on 9 September 2015.") is True
    assert anaphoric("At 8:45 a.m., the warplanes carried out four raids on the hospital.") is True
    assert anaphoric("It was reported that Turkish-backed forces had captured the Tadef roundabout.") is False
    assert anaphoric("Turkish forces shelled the town of Tadef.") is False          # the town is named
    out = resolved("wikipedia_statement_refers_back_to_the_town.md", "wikipedia_day_section_names_the_town.md")
    out = out.set_index(out["text"].str[:12])
    assert list(out.loc["On 13 Octobe", "places"]) == []                     # the published row is the extractor's
    assert out.loc["On 13 Octobe", "geo_basis"] == "subject"
    assert out["event_id"].nunique() == 1
    assert "same place: Ra’s al ‘Ayn (a statement that refers back to it, placed by its context)" in \
        list(out.loc["The SOHR als", "match_evidence"]) + list(out.loc["On 13 Octobe", "match_evidence"])


def test_a_place_from_context_is_no_evidence_between_statements_of_its_own_document():
    rows = pd.DataFrame([
        {"mention_id": "m1", "doc_id": "d", "text": "It was attacked on 25 March 2017.", "places": [],
         "location": "Kafranbel", "latitude": 35.61, "longitude": 36.56, "geo_precision": "place",
         "geo_basis": "section", "admin1": "Idlib", "date": pd.Timestamp("2017-03-25"), "date_precision": "day",
         "kind": "narrative", "section": "s1", "actors": []},
        {"mention_id": "m2", "doc_id": "d", "text": "The hospital was struck by two rockets on 25 March 2017.",
         "places": [], "location": "Kafranbel", "latitude": 35.61, "longitude": 36.56, "geo_precision": "place",
         "geo_basis": "section", "admin1": "Idlib", "date": pd.Timestamp("2017-03-25"), "date_precision": "day",
         "kind": "narrative", "section": "s2", "actors": []}])
    rules = context_places(rows, np.array([anaphoric(t) for t in rows["text"]]))
    assert rules["places"].tolist() == [["Kafranbel"], ["Kafranbel"]]
    assert rules["geo_basis"].tolist() == ["anaphora", "anaphora"]
    assert rows["geo_basis"].tolist() == ["section", "section"]               # the input is left as it was
    recs = rules.to_dict("records")
    prepare(recs)
    # same place (+0.15, less the governorate's 0.05 it would have had anyway), same action on the same day (+0.05)
    assert _context_place_bonus(recs[0], recs[1]) == pytest.approx(0.15)
    recs[1]["doc_id"] = "other"
    assert _context_place_bonus(recs[0], recs[1]) == 0.0


def test_a_chain_does_not_join_an_attack_and_the_other_sides_answer():
    recs = [{"mention_id": "m1", "doc_id": "d1", "kind": "narrative", "section": "s", "places": [], "actors": [],
             "date": pd.Timestamp("2016-03-13"), "date_precision": "day",
             "text": "On 13 March 2016, al-Nusra Front attacked the Free Syrian Army's Division 13."},
            {"mention_id": "m2", "doc_id": "d2", "kind": "narrative", "section": "s", "places": [], "actors": [],
             "date": pd.Timestamp("2016-03-01"), "date_precision": "month",
             "text": "In response, the Free Syrian Army raided al-Nusra Front's headquarter."}]
    prepare(recs)
    assert recs[0]["_roles"] == ({"al-Nusra Front"}, {"Free Syrian Army"})
    assert recs[1]["_roles"] == ({"Free Syrian Army"}, {"al-Nusra Front"})
    assert _Cluster(recs[0]).conflict(_Cluster(recs[1])) == "reversed_roles"


def test_news_told_hours_after_a_speech_is_a_new_happening():
    out = resolved("wikipedia_news_after_a_speech_is_a_new_happening.md").sort_values("text")
    assert out["text"].str[:22].tolist() == ["Hours after the battle", "On 23 March 2019, in r"]
    assert out["date_basis"].tolist() == ["inherited", "stated"]              # it takes the tweet's date ...
    assert out["event_id"].nunique() == 2                                      # ... but is not more of it
    recs = records("wikipedia_news_after_a_speech_is_a_new_happening.md")
    tweet, ied = sorted(recs, key=lambda r: r["text"], reverse=True)
    assert tweet["_kinds"] == frozenset() and ied["_kinds"] == {"fighting"}
    assert goes_on_about(tweet, ied) is False
    assert goes_on_about(tweet, {**ied, "text": "An NBC News crew vehicle was hit by an IED."}) is False  # no marker needed


def test_an_advance_at_a_settlement_the_source_does_not_name_is_a_new_happening():
    out = resolved("wikipedia_advance_at_an_unlisted_hill_after_an_attack.md").sort_values("text")
    assert out["location"].tolist() == ["Syria", "Tal SyrianTel"]
    assert out["geo_basis"].tolist() == ["subject", "unlisted"]
    assert out["date_basis"].tolist() == ["stated", "inherited"]
    assert out["event_id"].nunique() == 2


def test_a_day_inside_a_stated_range_of_days_is_compatible_with_it():
    out = resolved("wikipedia_strikes_over_a_range_of_two_days.md", "wikipedia_strikes_on_the_last_day_of_the_range.md")
    out = out.set_index(out["text"].str[:16])
    assert str(out.loc["On 12–13 January", "date_end"].date()) == "2021-01-13"
    assert out.loc["On 12–13 January", "event_id"] == out.loc["On 13 January 20", "event_id"]
    assert "a day inside a stated range of days" in out.loc["On 13 January 20", "match_evidence"]
    # the day before the range is another day
    assert out.loc["On 11 January 20", "event_id"] != out.loc["On 12–13 January", "event_id"]
    assert any(c.startswith("different_day: ") for c in out.loc["On 11 January 20", "cannot_link"])


def test_additional_strikes_are_many_happenings():
    recs = [{"mention_id": "m1", "doc_id": "d1", "kind": "narrative", "section": "s", "places": [], "actors": [],
             "date": pd.Timestamp("2013-05-03"), "date_end": pd.Timestamp("2013-05-05"), "date_precision": "day",
             "text": "Two additional air strikes, also attributed to Israel, reportedly took place on 3 and 5 May 2013."},
            {"mention_id": "m2", "doc_id": "d1", "kind": "narrative", "section": "s", "places": [], "actors": [],
             "date": pd.Timestamp("2013-05-02"), "date_end": pd.Timestamp("2013-05-03"), "date_precision": "day",
             "text": "Israel allegedly attacked Syria on the night between 2 and 3 May 2013."}]
    prepare(recs)
    assert [r["_period"][1].isoformat() for r in recs] == ["2013-05-05", "2013-05-03"]
    assert conflict(recs[0], recs[1]) == "different_scope"


def test_a_toll_naming_its_victims_is_more_of_the_attack_before_it():
    out = resolved("wikipedia_toll_names_its_victims.md").sort_values("text")
    assert out["text"].str[:20].tolist() == ["On 7 February 2018, ", "Over 100 Russian mer"]
    assert list(out["actors"].tolist()[1]) == ["Russia"]           # a party the strike's sentence does not name
    assert out["event_id"].nunique() == 1
    assert out["match_rule"].tolist()[1] == "inherited_date"


def test_harm_done_by_a_new_doer_is_another_attack():
    out = resolved("wikipedia_toll_by_a_new_doer.md").sort_values("text")
    assert out["text"].str[:20].tolist() == ["On 15 June 2017, the", "Several CJTF–OIR tro"]
    assert list(out["actors"].tolist()[1]) == ["ISIL"]
    assert out["date_basis"].tolist() == ["stated", "inherited"]
    assert out["event_id"].nunique() == 2
