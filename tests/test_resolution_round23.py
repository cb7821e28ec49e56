"""Issue 13, twenty-third resolution round (acc13p): statements that a lead or a summary tells with no kind of
action, so resolution gains no "same action" evidence for them (``pipeline.resolve.action_kinds``). Invented
sentences, one case per test; the values are the sentences' own."""

from __future__ import annotations

import datetime as dt

from pipeline.resolve import _opening, action_kinds, anaphoric, conflict, is_statement, roles


def test_a_clause_with_later_before_its_comma_is_the_main_clause_not_an_opening():
    text = "The depot was later seized, marking the end of the group's hold on Qasr Tawil."
    assert _opening(text) == 0
    assert action_kinds(text) == {"capture"}
    # an opening phrase of time is still left out before the main clause
    assert _opening("Later that day, the army seized the depot.") == len("Later that day, ")
    assert action_kinds("Later that day, the army seized the depot.") == {"capture"}


def test_an_opening_phrase_with_a_date_and_no_verb_is_still_left_out():
    text = "On 4 March, rebels in Qasr Tawil signed a truce."
    assert _opening(text) == len("On 4 March, ")
    assert action_kinds(text) == {"agreement"}


def test_the_defenders_surrendering_is_the_capture_of_the_place():
    text = "In the course of 9 May, the last defenders of Qasr Tawil surrendered or fled."
    assert action_kinds(text) == {"capture"}
    assert action_kinds("The surrender of the Qasr Tawil garrison came at noon.") == {"capture"}


def test_the_surrender_told_in_the_body_is_not_another_action_than_the_capture_in_the_lead():
    lead = {"_kinds": action_kinds("The campaign resulted in the capture of Qasr Tawil on 9 May 2019.")}
    body = {"_kinds": action_kinds("In the course of 9 May, the last defenders surrendered.")}
    assert lead["_kinds"] == body["_kinds"] == {"capture"}


def test_beginning_an_intervention_is_an_attack():
    assert action_kinds("On 2 May 2019, the Turkish military began an intervention in the Qasr Tawil region.") == \
        {"fighting"}
    assert action_kinds("On 2 May 2019, Turkey started a military operation heading to Qasr Tawil.") == {"fighting"}
    assert action_kinds("The army launched a ground operation against Qasr Tawil.") == {"fighting"}


def test_an_operation_not_called_military_is_no_attack():
    assert action_kinds("The UN began a humanitarian operation in Qasr Tawil.") == frozenset()
    assert action_kinds("The group opened an operations room in Qasr Tawil.") == frozenset()


def test_an_intervention_told_without_its_start_is_no_attack():
    assert action_kinds("Support for the Russian intervention grew in Qasr Tawil.") == frozenset()


def test_an_invasion_or_forces_entering_a_city_is_no_kind_of_action_of_its_own():
    # (tried on the seeds: as attacks or captures they split statements that tell one happening)
    assert action_kinds("A convoy of Turkish troops invaded Syria and drove to the tomb.") == frozenset()
    assert action_kinds("Militias entered the city of Qasr Tawil on 9 May.") == frozenset()


def test_the_start_of_an_intervention_and_its_first_air_strikes_share_an_action():
    day = dt.date(2019, 5, 2)

    def rec(text: str) -> dict:
        return {"text": text, "_kinds": action_kinds(text), "_prior": frozenset(), "_roles": roles(text),
                "_places": {"place": frozenset({"Qasr Tawil"}), "governorate": frozenset()}, "_coord": None,
                "_vicinity": False, "_fine_places": frozenset(), "date_precision": "day", "_period": (day, day),
                "_facilities": frozenset(), "_facility_names": (frozenset(), frozenset()), "_aggregate": False,
                "_finding": False, "_statement": False, "_ordinals": frozenset(), "_unit_counts": frozenset(), "_words": frozenset(),
                "_all_words": frozenset(), "_districts": frozenset(), "_qualified": None, "doc_id": "d",
                "date_basis": "stated", "_start": day, "places": ["Qasr Tawil"], "actors": []}
    start = rec("On 2 May 2019, the Turkish military began an intervention in the Qasr Tawil region.")
    strikes = rec("On 2 May, Turkish jets carried out air strikes on Qasr Tawil.")
    assert start["_kinds"] & strikes["_kinds"] == {"fighting"}
    assert conflict(start, strikes) is None


def test_a_described_town_refers_back_to_the_place_of_its_context():
    assert anaphoric("On 2 May, jets carried out air strikes on the border district targeting positions of the YPG.")
    assert anaphoric("Troops entered the besieged city after a week.")
    assert anaphoric("Rebels shelled the rebel-held town.")
    # a town told as another than the context's, or named, is no anaphor
    assert not anaphoric("Rebels shelled the nearby village.")
    assert not anaphoric("Troops entered the besieged city of Qasr Tawil.")


def test_a_speaker_with_a_day_before_the_verb_makes_a_statement():
    text = 'The Foreign Ministry on 2 May condemned "the aggression against the town of Qasr Tawil".'
    assert is_statement(text)
    assert action_kinds(text) == frozenset()
    # an act told with a day before its verb is no statement
    assert not is_statement("Turkish jets on 2 May struck Qasr Tawil.")


def test_a_party_claiming_an_attack_tells_the_attack():
    assert not is_statement("The SDF on 2 May claimed a cross-border attack on Turkish forces in Qasr Tawil.")
    assert not is_statement("The group claimed responsibility for the bombing.")
    assert "fighting" in action_kinds("The group claimed responsibility for the bombing.")


def test_a_claim_about_an_attack_is_a_statement():
    assert is_statement("The group claimed its attacks were to prevent chaos in Qasr Tawil.")
    assert is_statement("The SDF claimed victory in Qasr Tawil.")
