"""Speed-only shortcuts of the merge's rules (branch perf-cpu, issue 11): each gives the answer of the
rule as written before it, on invented statements (one case per test)."""

from __future__ import annotations

from pipeline.resolve import (
    _after_the_others_attack,
    _around_the_city,
    _name_replaced,
    _names,
    _one_death,
    _WordSet,
    placed_around,
)


def _placed(text: str, location: str, districts: frozenset[str] = frozenset(), basis: str = "stated") -> dict:
    return {"text": text, "location": location, "geo_basis": basis, "_districts": districts}


NEAR = _placed("Jets struck sites near Aleppo.", "Aleppo")
INSIDE = _placed("A bakery was struck in the Bab Hadid district.", "Aleppo", frozenset({"bab hadid"}))


def test_around_a_city_and_in_a_district_of_it_are_two_places():
    assert placed_around(NEAR)[0] & placed_around(INSIDE)[1] == {"Aleppo"}
    assert _around_the_city(NEAR, INSIDE) is True


def test_a_statement_naming_a_district_places_nothing_around():
    # the shortcut answers without the pattern: a district named, so nothing placed around
    assert placed_around(INSIDE) == (frozenset(), {"Aleppo"})
    assert _around_the_city(INSIDE, INSIDE) is False
    assert _around_the_city(INSIDE, NEAR) is False


def test_a_statement_naming_no_district_places_nothing_inside():
    assert placed_around(NEAR) == ({"Aleppo"}, frozenset())
    assert _around_the_city(NEAR, NEAR) is False


def test_a_district_of_another_city_is_no_conflict_with_around_this_one():
    homs = _placed("A bakery was struck in the Waer district.", "Homs", frozenset({"waer"}))
    assert _around_the_city(NEAR, homs) is False


def _worded(text: str) -> dict:
    words = {w.lower() for w in text.replace(".", "").split()}
    return {"text": text, "_all_words": _WordSet(sorted(words))}


def test_a_name_replaced_by_another_is_found_on_the_merges_sorted_word_sets():
    a = _worded("Jets struck the market of Kafr Nabl on Monday.")
    b = _worded("Jets struck the market of Maarat Misrin on Monday.")
    assert _names(a["text"]) == {"Jets", "Kafr", "Nabl"}     # (a day of the week is a date, no name)
    assert _name_replaced(a, b) is True


def test_a_statement_whose_words_hold_the_others_replaces_no_name():
    a = _worded("Jets struck the market of Kafr Nabl.")
    b = _worded("Jets struck the crowded market of Kafr Nabl.")
    assert _name_replaced(a, b) is False and _name_replaced(b, a) is False


def test_a_spelling_of_the_same_name_is_no_name_replaced():
    a = _worded("Jets struck the market of Kafranbel.")
    b = _worded("Jets struck the market of Kafranbil.")
    assert _name_replaced(a, b) is False


def test_the_attack_before_is_not_read_when_no_kind_of_it_is_told_before():
    # no prior event of b's kind in a: False before any actor is matched
    a = {"text": "The Syrian Army resumed its offensive.", "_prior": frozenset(), "_roles": (frozenset({"Syrian government"}),
                                                                                            frozenset())}
    b = {"text": "ISIL counterattacked at the airbase.", "_kinds": frozenset({"fighting"}),
         "_roles": (frozenset({"ISIL"}), frozenset())}
    assert _after_the_others_attack(a, b) is False


def test_one_death_needs_a_statement_that_tells_a_death():
    import datetime as dt

    def rec(text: str, day: int) -> dict:
        return {"text": text, "_start": dt.date(2015, 10, day), "_kinds": frozenset({"fighting"}), "places": [],
                "actors": []}
    # neither tells a death: the guarded pattern skips both texts, and the answer is False
    assert _one_death(rec("General Hossein Hamadani visited the front.", 7),
                      rec("General Hossein Hamadani inspected the troops.", 8)) is False
