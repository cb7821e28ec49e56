"""Issue 13, twenty-first resolution round (acc13n): causes of the twentieth pair round's tune misses within one
document, one invented fixture document per case (tests/fixtures/), extracted as a build extracts it; the values
are the fixtures' own."""

from __future__ import annotations

from pipeline.resolve import action_kinds, reporters
from tests.conftest import fixture_records as records
from tests.conftest import fixture_resolved as resolved

MONITOR = "wikipedia_a_monitor_reporting_the_toll_of_an_attack.md"


def test_the_subject_of_reported_is_the_source_of_what_it_tells():
    # "X reported" a happening that is over: X told it, it took no part in it
    assert reporters("In contrast, the Syrian Observatory for Human Rights reported the deaths of 19 soldiers.") \
        == {"SOHR"}
    assert reporters("The SOHR reported that ISIL fighters were killed in the assault.") == {"SOHR"}
    assert reporters("The Syrian Observatory for Human Rights confirmed that an attack had targeted the depot.") \
        == {"SOHR"}
    # a party reporting its own act is its doer
    assert reporters("ISIL confirmed it conducted a suicide attack in the area.") == frozenset()
    # a pledge or a negation reported is no happening told: its speaker stays a party
    assert reporters("The SOHR reported that Hezbollah would attack the town.") == frozenset()
    assert reporters("Hezbollah fighters attacked ISIL positions near the town.") == frozenset()


def test_a_monitors_toll_after_an_attack_is_that_attack_told_by_another_source():
    assault, claimed, monitor, hezbollah = records(MONITOR)
    assert (str(assault["date"].date()), assault["date_basis"]) == ("2019-03-03", "stated")
    assert (str(monitor["date"].date()), monitor["date_basis"]) == ("2019-03-03", "inherited")
    assert list(monitor["actors"]) == ["SOHR", "ISIL"]
    out = resolved(MONITOR).set_index("text")
    assert out.loc[monitor["text"], "event_id"] == out.loc[assault["text"], "event_id"] \
        == out.loc[claimed["text"], "event_id"]
    assert out.loc[monitor["text"], "match_rule"] == "inherited_date"
    # the attack two days later by another party stays its own event
    assert str(hezbollah["date"].date()) == "2019-03-05"
    assert out.loc[hezbollah["text"], "event_id"] != out.loc[assault["text"], "event_id"]


CAR = "wikipedia_a_car_that_came_under_fire_and_the_toll.md"


def test_coming_under_fire_is_an_attack():
    assert action_kinds("A car carrying two commanders came under fire from HTS gunmen at a checkpoint.") == {"fighting"}
    assert action_kinds("The convoy came under heavy fire near the crossing.") == {"fighting"}
    assert action_kinds("HTS gunmen opened fire on a car carrying Colonel Haddad.") == {"fighting"}
    # the title of a report is no attack
    assert action_kinds("The report Medical Facilities Under Fire was published in July 2017.") == frozenset()


def test_the_toll_of_a_car_that_came_under_fire_is_that_attack():
    car, toll = records(CAR)
    assert (str(car["date"].date()), car["location"], car["_kinds"]) == ("2018-06-12", "Kafranbel",
                                                                         frozenset({"fighting"}))
    assert (toll["date_basis"], list(toll["actors"])) == ("inherited", ["Free Syrian Army"])
    out = resolved(CAR).set_index("text")
    assert out.loc[toll["text"], "event_id"] == out.loc[car["text"], "event_id"]
    assert out.loc[toll["text"], "match_rule"] == "inherited_date"


CAPTIVES = "wikipedia_clashes_with_fighters_killed_and_captured.md"


def test_fighters_taken_prisoner_in_clashes_are_their_toll_not_a_new_party_acting():
    from pipeline.resolve import _CAPTIVES

    assert _CAPTIVES.search("several fighters of Ahrar al-Sham were reportedly captured")
    assert _CAPTIVES.search("28 soldiers were taken prisoner")
    # a place taken is a capture, not captives
    assert not _CAPTIVES.search("Several villages were captured by the rebels.")
    assert not _CAPTIVES.search("The town was captured on 3 May.")
    clashes, toll = records(CAPTIVES)
    assert (str(clashes["date"].date()), clashes["date_precision"], clashes["location"]) == ("2016-05-01", "month",
                                                                                             "Kafranbel")
    assert (toll["date_basis"], list(toll["actors"]), toll["_kinds"]) == ("inherited", ["Ahrar al-Sham"],
                                                                          frozenset({"capture", "fighting"}))
    out = resolved(CAPTIVES).set_index("text")
    assert out.loc[toll["text"], "event_id"] == out.loc[clashes["text"], "event_id"]


ANOTHER = "wikipedia_a_commander_and_another_fighter_killed.md"


def test_another_person_killed_is_one_more_victim_not_another_happening():
    from pipeline.resolve import _NEW_HAPPENING

    assert not _NEW_HAPPENING.search("Colonel Haddad and another Free Syrian Army fighter were killed")
    assert not _NEW_HAPPENING.search("another 12 people were wounded")
    assert _NEW_HAPPENING.search("Another airstrike hit the town")
    assert _NEW_HAPPENING.search("another attack by HTS gunmen hit a checkpoint")
    fire, killed, attack = records(ANOTHER)
    assert (str(fire["date"].date()), fire["location"]) == ("2018-07-08", "Kafranbel")
    assert (killed["date_basis"], str(attack["date"].date())) == ("inherited", "2018-07-09")
    out = resolved(ANOTHER).set_index("text")
    assert out.loc[killed["text"], "event_id"] == out.loc[fire["text"], "event_id"]
    assert out.loc[killed["text"], "match_rule"] == "inherited_date"
    assert out.loc[attack["text"], "event_id"] != out.loc[fire["text"], "event_id"]


HEADER = "syrian_archive_header_card_and_the_attack_told_after_it.md"


def test_an_attack_told_after_an_incident_pages_header_card_is_that_incident():
    from pipeline.resolve import goes_on_about

    card, strike = records(HEADER)
    # the card names the incident by place, facility and day, with no verb: no kind of action
    assert (str(card["date"].date()), card["location"], card["_kinds"]) == ("2017-04-19", "Maarzita", frozenset())
    assert (strike["date_basis"], strike["_kinds"], strike["_facilities"]) == ("inherited", frozenset({"fighting"}),
                                                                               frozenset())
    assert goes_on_about(card, strike)
    # after a sentence that tells no action and is no header card, an attack is news
    assert not goes_on_about({**card, "text": "The hospital served about 60,000 people."}, strike)
    out = resolved(HEADER).set_index("text")
    assert out.loc[strike["text"], "event_id"] == out.loc[card["text"], "event_id"]
    assert out.loc[strike["text"], "match_rule"] == "inherited_date"


SHOOTING = "wikipedia_shooting_and_an_assassination_and_their_tolls.md"


def test_shooting_and_an_assassination_are_attacks_and_their_tolls_join_them():
    assert action_kinds("gunmen entered the town and started to shoot at passers-by") == {"fighting"}
    assert action_kinds("At least two protesters were shot dead by security forces.") == {"fighting"}
    assert action_kinds("the assassination of a local commander in Saraqib") == {"fighting"}
    # footage shot by someone, and a jet shot down, are no shooting attack
    assert action_kinds("A video shot by activists shows the damage.") == frozenset()
    assert action_kinds("The jet was shot down over Idlib.") == {"aircraft_lost"}
    shooting, killed, assassination, wounded = records(SHOOTING)
    assert (str(shooting["date"].date()), shooting["location"]) == ("2018-05-03", "Sarmīn")
    assert (str(assassination["date"].date()), assassination["location"]) == ("2018-06-09", "Saraqib")
    assert killed["date_basis"] == wounded["date_basis"] == "inherited"
    out = resolved(SHOOTING).set_index("text")
    assert out.loc[killed["text"], "event_id"] == out.loc[shooting["text"], "event_id"]
    assert out.loc[wounded["text"], "event_id"] == out.loc[assassination["text"], "event_id"]
    assert out.loc[assassination["text"], "event_id"] != out.loc[shooting["text"], "event_id"]


AFTER_WHICH = "wikipedia_a_capture_after_which_an_assault_was_repelled.md"


def test_what_came_after_which_is_the_statements_own_action_not_a_prior_event():
    from pipeline.resolve import prior_kinds

    told = "Government troops captured the village of Tal Hamra, after which they quickly attacked two hamlets."
    assert action_kinds(told) == {"capture", "fighting"} and prior_kinds(told) == frozenset()
    # "after" an event is still the event before it
    assert action_kinds("After the attack on the convoy, the army captured the village.") == {"capture"}
    assert prior_kinds("After the attack on the convoy, the army captured the village.") == {"fighting"}
    captured, repelled = records(AFTER_WHICH)
    assert (str(captured["date"].date()), captured["location"]) == ("2017-05-04", "Tal Hamra")
    assert repelled["date_basis"] == "inherited"
    out = resolved(AFTER_WHICH).set_index("text")
    assert out.loc[repelled["text"], "event_id"] == out.loc[captured["text"], "event_id"]


MONTHS_AFTER = "wikipedia_a_capture_and_what_happened_two_months_after.md"


def test_what_happened_months_after_a_capture_is_a_new_happening():
    from pipeline.resolve import _NEW_HAPPENING

    assert _NEW_HAPPENING.search("Two months after, most of the residents had left the town.")
    assert _NEW_HAPPENING.search("Years later, the town was rebuilt.")
    captured, left = records(MONTHS_AFTER)
    assert (str(captured["date"].date()), captured["location"]) == ("2012-04-05", "Taftanāz")
    assert (left["date_basis"], str(left["date"].date())) == ("inherited", "2012-04-05")
    out = resolved(MONTHS_AFTER).set_index("text")
    assert out.loc[left["text"], "event_id"] != out.loc[captured["text"], "event_id"]
