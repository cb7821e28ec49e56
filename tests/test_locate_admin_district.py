"""A town's name and "District" as a proper name is the administrative district named after its seat
(issue 9, the nineteenth labelled batch: "Albu Kamal District, Syria" in a table of deaths, "eight
villages in the Al-Qusayr District"), located at the town; a district of a city the statement names
stays in that city (``pipeline.locate._administrative_district``). One invented string per case."""

from __future__ import annotations

from pipeline.locate import places_in


def names(text: str) -> list[str]:
    return [p.name for p in places_in(text)]


def test_villages_in_a_towns_district_are_at_the_town():
    assert names("Rebels took over six villages in the Manbij District.") == ["Manbij"]


def test_a_district_with_the_country_after_it_is_at_its_town():
    assert names("A colonel was killed in Azaz District, Syria, on 3 May 2016.") == ["I‘zāz", "Syria"]


def test_a_district_of_a_named_city_is_in_that_city():
    assert names("Jets struck the Douma District, Damascus.") == ["Damascus"]


def test_a_district_of_a_city_with_of_is_in_that_city():
    assert names("Shells hit the Al-Bab District of Aleppo.") == ["Aleppo"]


def test_a_lower_case_district_stays_a_citys_feature():
    assert names("Shells hit the Al-Bab district, Aleppo.") == ["Aleppo"]


def test_a_towns_district_of_the_country_is_at_the_town():
    assert names("Fighters took over eight villages in the Manbij District of Syria.") == ["Manbij", "Syria"]
