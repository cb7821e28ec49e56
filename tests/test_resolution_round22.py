"""Issue 13, twenty-second resolution round (acc13o): causes of the twenty-first pair round's tune errors across
documents, one invented fixture document per side (tests/fixtures/), extracted as a build extracts it; the values are
the fixtures' own."""

from __future__ import annotations

import datetime as dt

from pipeline.resolve import _after_its_source, _after_the_others_attack, conflict, placed_around
from tests.conftest import fixture_records as records
from tests.conftest import fixture_resolved as resolved

NEAR = "current_events_cruise_missiles_at_sites_near_a_city.md"
BAKERY = "syrian_archive_a_bakery_struck_in_a_district_of_the_city.md"


def test_sites_near_a_city_are_not_a_strike_in_a_district_of_it():
    near, bakery = records(NEAR, BAKERY)
    assert (str(near["date"].date()), near["location"], near["_kinds"]) == ("2016-03-05", "Aleppo", {"fighting"})
    assert (str(bakery["date"].date()), bakery["location"], bakery["_districts"]) == ("2016-03-05", "Aleppo",
                                                                                      {"bab hadid"})
    assert placed_around(near) == ({"Aleppo"}, frozenset())
    assert placed_around(bakery) == (frozenset(), {"Aleppo"})
    assert conflict(near, bakery) == conflict(bakery, near) == "different_place"
    out = resolved(NEAR, BAKERY).set_index("text")
    assert out.loc[near["text"], "event_id"] != out.loc[bakery["text"], "event_id"]
    assert list(out.loc[near["text"], "cannot_link"]) == [f"different_place: {bakery['mention_id']}"]


CONVOY_NEAR = "current_events_car_bomb_strikes_a_convoy_near_a_city.md"
CONVOY_WEST = "syrian_archive_a_convoy_struck_in_a_district_west_of_the_city.md"


def test_a_district_told_as_beside_the_city_is_around_it_not_inside():
    near, west = records(CONVOY_NEAR, CONVOY_WEST)
    assert west["_districts"] == {"rashideen"} and west["location"] == "Aleppo"
    # "in the al-Rashideen district, west of Aleppo": the district is on the city's edge, told as beside it
    assert placed_around(west) == (frozenset(), frozenset())
    assert conflict(near, west) is None
    out = resolved(CONVOY_NEAR, CONVOY_WEST).set_index("text")
    assert out.loc[near["text"], "event_id"] == out.loc[west["text"], "event_id"]
    assert "same place: Aleppo" in list(out.loc[near["text"], "match_evidence"])


def test_a_place_the_statement_is_around_is_its_own_location_only():
    # "near Aleppo" said of a happening located elsewhere, or a statement with no district and no "near": no place around
    assert placed_around({"location": "Idlib", "geo_basis": "stated", "_districts": frozenset(),
                          "text": "Jets struck a depot in Idlib, on the road near Aleppo."}) == (frozenset(), frozenset())
    assert placed_around({"location": "Aleppo", "geo_basis": "stated", "_districts": frozenset(),
                          "text": "Jets struck Aleppo."}) == (frozenset(), frozenset())
    assert placed_around({"location": "Aleppo", "geo_basis": "stated", "_districts": frozenset(),
                          "text": "Jets struck villages on the outskirts of Aleppo City."}) == ({"Aleppo"}, frozenset())
    # a location the statement does not state (its paragraph's) is no place it is around
    assert placed_around({"location": "Aleppo", "geo_basis": "paragraph", "_districts": frozenset(),
                          "text": "Jets struck sites near Aleppo."}) == (frozenset(), frozenset())


LATE = "wikipedia_an_airbase_captured_late_and_the_counterattack_then.md"
NEXT_DAY = "wikipedia_a_counterattack_on_the_airbase_the_next_day.md"


def test_what_happened_then_after_a_dated_sentence_may_be_the_next_days_happening():
    captured, then, counterattack = records(LATE, NEXT_DAY)
    assert (str(captured["date"].date()), captured["_kinds"]) == ("2017-05-12", {"capture"})
    assert (str(then["date"].date()), then["date_basis"]) == ("2017-05-12", "inherited")
    assert (str(counterattack["date"].date()), counterattack["date_basis"]) == ("2017-05-13", "stated")
    assert _after_its_source(then, counterattack) and _after_its_source(counterattack, then)
    assert conflict(then, counterattack) is None
    # the sentence that states its own day keeps it
    assert not _after_its_source(captured, counterattack) and conflict(captured, counterattack) == "different_day"
    out = resolved(LATE, NEXT_DAY).set_index("text")
    assert out.loc[then["text"], "event_id"] == out.loc[counterattack["text"], "event_id"]
    assert out.loc[captured["text"], "event_id"] != out.loc[counterattack["text"], "event_id"]


def test_then_reaches_one_day_and_only_another_documents():
    def rec(doc, day, basis, text):
        return {"doc_id": doc, "_start": dt.date(2017, 5, day), "date_basis": basis, "text": text}
    then = rec("d0", 12, "inherited", "ISIL forces then launched a counterattack on the airbase.")
    assert _after_its_source(then, rec("d1", 13, "stated", "On 13 May 2017, ISIL counterattacked."))
    assert not _after_its_source(then, rec("d1", 14, "stated", "On 14 May 2017, ISIL counterattacked."))
    assert not _after_its_source(then, rec("d0", 13, "stated", "On 13 May 2017, ISIL counterattacked."))
    assert not _after_its_source(rec("d0", 12, "inherited", "ISIL forces launched a counterattack on the airbase."),
                                 rec("d1", 13, "stated", "On 13 May 2017, ISIL counterattacked."))


REPELLED = "wikipedia_the_army_moves_on_after_the_counterattack_is_repelled.md"


def test_the_other_sides_next_move_after_an_attack_is_not_the_attack():
    counterattack, moved_on = records(NEXT_DAY, REPELLED)
    assert counterattack["_roles"][0] == {"ISIL"} and moved_on["_roles"][0] == {"Syrian government"}
    assert moved_on["_prior"] == {"fighting"} and counterattack["_kinds"] & moved_on["_kinds"]
    assert _after_the_others_attack(moved_on, counterattack) and not _after_the_others_attack(counterattack, moved_on)
    assert conflict(counterattack, moved_on) == "reaction_to"
    out = resolved(NEXT_DAY, REPELLED).set_index("text")
    assert out.loc[counterattack["text"], "event_id"] != out.loc[moved_on["text"], "event_id"]
    assert any(c.startswith("reaction_to: ") for c in out.loc[counterattack["text"], "cannot_link"])


def test_a_prior_clause_inside_the_sentence_names_no_other_side():
    # the clause "following ..." after two main clauses: the attacker ``roles`` reads is the first clause's,
    # not the one the prior event answers, so the rule says nothing
    a = {"_roles": (frozenset({"Syrian Democratic Forces"}), frozenset()), "_prior": frozenset({"fighting"}),
         "text": "The SDF captured 8 villages from ISIL, while the Turkish Army shelled SDF positions, following "
                 "clashes with Turkey."}
    b = {"_roles": (frozenset({"Turkey"}), frozenset()), "_kinds": frozenset({"fighting"})}
    assert not _after_the_others_attack(a, b)
    a["text"] = "Following clashes with Turkey, the SDF captured 8 villages from ISIL."
    assert _after_the_others_attack(a, b)


WHEN = "syrian_archive_the_strike_told_as_the_subject_of_its_date.md"
MOSQUE = "wikipedia_a_mosque_struck_in_the_city_that_day.md"
PALMYRA = "wikipedia_jets_strike_another_city_that_day.md"


def test_the_happening_told_as_the_subject_of_its_date_refers_back_to_its_place():
    from pipeline.resolve import anaphoric

    assert anaphoric("The alleged airstrike took place on 16 March 2017.")
    assert anaphoric("On the night of the raid, the attack occurred at 10:55 near the market.")
    # not when the happening is named inside another clause, nor an attack told with its doer
    assert not anaphoric("After the attack took place, the rebels fled.")
    assert not anaphoric("Jets struck the area on 16 March 2017.")
    when, mosque, palmyra = records(WHEN, MOSQUE, PALMYRA)
    assert (str(when["date"].date()), when["location"], when["geo_basis"], when["places"]) == ("2017-03-16", "Aleppo",
                                                                                              "subject", [])
    assert (mosque["location"], palmyra["location"]) == ("Aleppo", "Tadmur")
    out = resolved(WHEN, MOSQUE, PALMYRA).set_index("text")
    # placed at the page's subject, Aleppo: the mosque struck there that day, not the strike near Palmyra
    assert out.loc[when["text"], "event_id"] == out.loc[mosque["text"], "event_id"]
    assert "same place: Aleppo (a statement that refers back to it, placed by its context)" in \
        list(out.loc[when["text"], "match_evidence"])
    assert list(out.loc[when["text"], "cannot_link"]) == [f"different_place: {palmyra['mention_id']}"]
