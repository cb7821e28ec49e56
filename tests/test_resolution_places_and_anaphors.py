"""Issue 13, tenth round: where two statements happened (districts and places the gazetteer lacks),
what the side that was hit does next, a witness quoted telling the attack, and a sentence that
names the happening before it.
One fixture document per case (tests/fixtures/), extracted as a build extracts it; the values are
the fixtures' own."""

from __future__ import annotations

import datetime as dt

from pipeline.resolve import (
    _proper_names,
    conflict,
    fine_places,
    goes_on_about,
    is_statement,
    qualified_period,
    refers_to_the_event,
)
from tests.test_resolution_retellings import records, resolved


def test_a_town_spelled_unlike_the_gazetteer_is_no_shared_person_or_thing():
    first, also = records("wikipedia_also_captured_another_village_near_the_town.md")
    assert also["inherits_from"] == first["mention_id"]
    assert (first["location"], also["location"]) == ("Kherbet Ammo", "Umm Adasa")
    # "Ayn Issa" is the gazetteer's "‘Ayn ‘Īsá" in both sentences: a place, not a name they share
    assert _proper_names(first) == {"Kurdish-led", "Kherbet", "Ammo"}
    assert _proper_names(also) == {"Umm", "Adasa"}
    assert goes_on_about(first, also) is False
    out = resolved("wikipedia_also_captured_another_village_near_the_town.md")
    assert out["event_id"].nunique() == 2
    assert set(out["match_rule"]) == {"anchor"}


def test_a_district_and_a_place_the_gazetteer_lacks_are_two_places_of_one_city():
    unlisted, district = records("syrian_archive_incident_in_an_unlisted_district.md",
                                 "syrian_archive_incident_in_a_named_district.md")
    assert (str(unlisted["date"].date()), str(district["date"].date())) == ("2016-07-12", "2016-07-12")
    assert list(unlisted["places"]) == list(district["places"]) == ["Aleppo"]
    assert unlisted["_fine_places"] == {"bab qinnasrin"} and district["_fine_places"] == {"kalasa"}
    assert conflict(unlisted, district) == "different_place"
    out = resolved("syrian_archive_incident_in_an_unlisted_district.md", "syrian_archive_incident_in_a_named_district.md")
    assert out["event_id"].nunique() == 2
    other = dict(zip(out["text"].str[:20], out["mention_id"]))
    row = out.set_index(out["text"].str[:20]).loc["On the night of 12 J"]
    assert list(row["cannot_link"]) == [f"different_place: {other['A cluster bomb was u']}"]
    # spellings of one district meet
    assert fine_places(frozenset({"mashhad"}), "Al-Mashhad", "unlisted") == {"mashhad"}
    assert fine_places(frozenset(), "Jandoul", "paragraph") == frozenset()      # only a name the statement gives


def test_a_sentence_naming_the_attack_before_it_tells_where_it_went():
    attack, during = records("wikipedia_during_the_attack_names_a_village.md")
    assert during["inherits_from"] == attack["mention_id"]
    assert (attack["location"], during["location"]) == ("Baath", "al-Moqbili")
    assert conflict(attack, during) == "different_place"          # two names the gazetteer lacks ...
    assert refers_to_the_event(during["text"]) is True             # ... but "During the attack, ..."
    assert goes_on_about(attack, during) is True
    out = resolved("wikipedia_during_the_attack_names_a_village.md")
    assert out["event_id"].nunique() == 1
    assert sorted(out["match_rule"]) == ["anchor", "inherited_date"]
    assert refers_to_the_event("The attack was repelled but left 2 FSA fighters and 6 ISIL militants dead.") is True
    assert refers_to_the_event("The attack on the hospital killed five.") is False      # a target of its own
    assert refers_to_the_event("The offensive resumed on 3 June.") is False             # a larger whole
    assert refers_to_the_event("Rebels attacked the town during the attack on the airbase.") is False


def test_the_side_that_was_hit_answering_is_a_new_happening_fending_off_is_not():
    hit, answer, attack, repelled = records("wikipedia_the_side_that_was_hit_answers.md")
    assert answer["inherits_from"] == hit["mention_id"] and repelled["inherits_from"] == attack["mention_id"]
    assert hit["_roles"] == (frozenset(), frozenset({"Israel"}))
    assert answer["_roles"] == (frozenset({"Israel"}), frozenset())
    assert goes_on_about(hit, answer) is False                     # Israel, hit, strikes back
    assert goes_on_about(attack, repelled) is True                 # the army fends the attack off
    out = resolved("wikipedia_the_side_that_was_hit_answers.md").set_index("mention_id")
    assert out.loc[answer["mention_id"], "event_id"] != out.loc[hit["mention_id"], "event_id"]
    assert out.loc[repelled["mention_id"], "event_id"] == out.loc[attack["mention_id"], "event_id"]
    assert out.loc[repelled["mention_id"], "match_rule"] == "inherited_date"


def test_a_witness_quoted_telling_the_dated_attack_retells_it():
    report, witness = records("syrian_archive_witness_quote_retells_the_attack.md")
    assert witness["text"].startswith('A nurse of the hospital stated: "At 8:10 on 29 January 2018')
    assert (report["_statement"], witness["_statement"]) == (False, False)   # no penalty of a statement about it
    assert str(witness["date"].date()) == "2018-01-29"
    out = resolved("syrian_archive_witness_quote_retells_the_attack.md")
    assert out["event_id"].nunique() == 1
    # a quoted pledge, opinion or warning stays a statement
    assert is_statement('Putin said: "On 15 March we will start withdrawing the main part of our forces."') is True
    assert is_statement('Another quoted eyewitness said: "I saw the explosion and it was like a volcano."') is True
    assert is_statement('The report stated: "On Saturday 22-04-2017, the Markazi hospital was targeted '
                        'with a Russian airstrike."') is False


def test_the_same_follow_up_words_after_two_towns_are_two_events():
    salqin, after_salqin, darkush, after_darkush = records("wikipedia_same_follow_up_sentence_of_two_towns.md")
    assert after_salqin["text"] == after_darkush["text"] == "At a later date, the Free Syrian Army lost control of the town."
    assert (after_salqin["inherits_from"], after_darkush["inherits_from"]) == (salqin["mention_id"], darkush["mention_id"])
    assert str(after_salqin["date"].date()) == str(after_darkush["date"].date()) == "2012-06-01"
    assert conflict(salqin, darkush) == "different_place"
    out = resolved("wikipedia_same_follow_up_sentence_of_two_towns.md").set_index("mention_id")
    assert out["event_id"].nunique() == 4                        # same words, same date, two sources apart
    assert list(out.loc[after_salqin["mention_id"], "cannot_link"]) == [f"different_place: {after_darkush['mention_id']}"]


def test_early_and_late_in_one_month_are_two_happenings():
    early, late, day = records("wikipedia_early_and_late_in_one_month.md")
    assert (early["date_qualifier"], late["date_qualifier"]) == ("early", "late")
    assert qualified_period(early) == (dt.date(2017, 6, 1), dt.date(2017, 6, 10))
    assert qualified_period(late) == (dt.date(2017, 6, 21), dt.date(2017, 6, 30))
    assert qualified_period(day) is None
    assert conflict(early, late) == "different_period"
    assert conflict(late, day) == "different_period"          # 8 June is not late June
    assert conflict(early, day) is None                       # ... it is early June
    out = resolved("wikipedia_early_and_late_in_one_month.md").set_index("mention_id")
    assert out.loc[early["mention_id"], "event_id"] == out.loc[day["mention_id"], "event_id"]
    assert out.loc[late["mention_id"], "event_id"] != out.loc[early["mention_id"], "event_id"]
    assert f"different_period: {early['mention_id']}" in list(out.loc[late["mention_id"], "cannot_link"])


def test_the_side_that_lost_the_place_retreating_is_the_capture_civilians_fleeing_are_not():
    capture, retreat, village, evacuation = records("wikipedia_capture_and_the_losers_retreat.md")
    assert (capture["_kinds"], retreat["_kinds"]) == ({"capture"}, {"withdrawal"})
    assert retreat["actors"] == ["Syrian government"] and retreat["inherits_from"] == capture["mention_id"]
    assert conflict(capture, retreat) == "different_action"
    assert goes_on_about(capture, retreat) is True               # the capture told by the side that lost
    assert goes_on_about(village, evacuation) is False           # civilians evacuating is no retreat
    out = resolved("wikipedia_capture_and_the_losers_retreat.md").set_index("mention_id")
    assert out.loc[retreat["mention_id"], "event_id"] == out.loc[capture["mention_id"], "event_id"]
    assert out.loc[retreat["mention_id"], "match_rule"] == "inherited_date"
    assert out.loc[evacuation["mention_id"], "event_id"] != out.loc[village["mention_id"], "event_id"]


def test_a_similar_incident_is_another_one_and_an_opinion_is_a_statement():
    ramming, similar, opinion = records("wikipedia_a_similar_incident_and_an_opinion.md")
    assert similar["inherits_from"] == opinion["inherits_from"] == ramming["mention_id"]
    assert similar["actors"] == ramming["actors"] == ["Russia", "United States"]
    assert goes_on_about(ramming, similar) is False               # "A similar incident": another one
    assert opinion["_statement"] is True                          # "opined that ...": speech about it
    assert is_statement("The minister stressed that the army would not withdraw.") is True
    out = resolved("wikipedia_a_similar_incident_and_an_opinion.md")
    assert out["event_id"].nunique() == 3
