"""Issue 13, twentieth resolution round (acc13m): causes of the nineteenth pair round's tune misses within one
document, one invented fixture document per case (tests/fixtures/), extracted as a build extracts it; the values
are the fixtures' own."""

from __future__ import annotations

from pipeline.resolve import action_kinds
from tests.conftest import fixture_records as records
from tests.conftest import fixture_resolved as resolved

TREATING = "syrian_archive_hospital_struck_while_treating_the_earlier_attacks_victims.md"


def test_the_earlier_attack_whose_victims_a_struck_hospital_treats_is_not_its_action():
    # the people a struck facility was treating, and the earlier attack they came from, are no action of the strike
    assert action_kinds("The hospital was struck by an airstrike while it was treating victims of the earlier chemical "
                        "attack.") == {"fighting", "after_chemical"}
    assert action_kinds("Warplanes targeted the hospital, which had received patients injured by the previous chemical "
                        "attacks.") == {"fighting", "after_chemical"}
    # without "earlier" / "previous" the chemical attack is the statement's own, and so is an attack on the hospital
    assert action_kinds("More than 200 people were injured by the chemical attack.") == {"chemical"}
    assert action_kinds("The Syrian Archive has published an investigation of the previous attack on the hospital.") \
        == {"fighting"}


def test_a_hospital_struck_while_treating_the_chemical_attacks_victims_is_one_strike_told_twice():
    chlorine, treating, hospital = records(TREATING)
    assert (str(chlorine["date"].date()), chlorine["location"], chlorine["_kinds"]) == ("2016-04-12", "Kafr Zaytā",
                                                                                        frozenset({"chemical"}))
    assert (str(treating["date"].date()), treating["section"]) == ("2016-04-12", "Introduction")
    assert treating["_kinds"] == {"fighting", "after_chemical"}
    assert (hospital["section"], hospital["_kinds"]) == ("The hospital", frozenset({"fighting"}))
    out = resolved(TREATING).set_index("text")
    assert out.loc[treating["text"], "event_id"] == out.loc[hospital["text"], "event_id"]
    assert out.loc[chlorine["text"], "event_id"] != out.loc[hospital["text"], "event_id"]
    assert "same facility: hospital" in list(out.loc[treating["text"], "match_evidence"])
    assert any(c.startswith("different_action: ") for c in out.loc[chlorine["text"], "cannot_link"])
