"""Which place of a statement is where its event happened (issue 9, item 8; pipeline/locate.py).

Each rule has one invented document written inline, named for its case; values are the GeoNames
names, ``geo_precision`` and ``geo_basis`` the build gives.
"""

from __future__ import annotations

from pipeline.extract import extract_document
from pipeline.parsers import parse_document
from pipeline.resolve import fine_places

_HEAD = "---\nsubject: {title}\nauthor: Wikipedia\npubDate: 2023-09-10 02:09\n---\n\n## {heading}\n\n"


def located(body: str, title: str = "2016 northern Syria offensive", heading: str = "Offensive") -> list[tuple]:
    """(start of the text, location, geo_precision, geo_basis) of each mention of an invented
    Wikipedia article."""
    text = _HEAD.format(title=title, heading=heading) + body + "\n"
    doc = parse_document(text, fmt="wikipedia", path="wp_invented.md", doc_id="d")
    return [(m["text"][:30], m["location"], m["geo_precision"], m["geo_basis"])
            for m in extract_document(doc).mentions]


def test_settlement_captured_beyond_a_town_named_as_reference_is_the_place():
    # "advanced south of X and captured Y": X only says where Y lies
    assert located("On 3 May 2016, the army advanced west of Saraqib and captured the town of Sarmin.") == [
        ("On 3 May 2016, the army advanc", "Sarmīn", "place", "stated"),
    ]


def test_town_named_only_as_reference_stays_the_place():
    assert located("On 3 May 2016, the army advanced south of Khanasir.") == [
        ("On 3 May 2016, the army advanc", "Khanāşir", "place", "stated"),
    ]


def test_origin_after_a_reference_is_no_place_of_the_event():
    # "sending reinforcements from Y": where they came from, the advance is near X
    assert located("On 3 May 2016, the army advanced south of Khanasir, sending reinforcements from "
                   "Salamiyah.") == [
        ("On 3 May 2016, the army advanc", "Khanāşir", "place", "stated"),
    ]


def test_aim_after_a_reference_is_no_place_of_the_event():
    # "in an attempt to besiege the town of Y": what was aimed at, not where it happened
    assert located("On 3 May 2016, the SDF captured seven villages east of Saraqib in an attempt to besiege "
                   "the town of Sarmin.") == [
        ("On 3 May 2016, the SDF capture", "Saraqib", "place", "stated"),
    ]


def test_the_city_after_a_sentence_placed_at_a_site_is_the_town_beside_the_site():
    # a range of hills is no city: "the city" is the town the site was placed by
    rows = located("On 10 May 2016, the rebels captured several positions in the Zarzur Mountains to the west "
                   "of Saraqib. The next day, the rebels entered the city from the north.")
    assert rows[1] == ("The next day, the rebels enter", "Saraqib", "place", "paragraph")


def test_administrative_district_named_after_its_seat_is_placed_at_the_seat():
    # "the X District" (capitalised): the district around the town X, when nothing finer is named
    assert located("In March 2013, Hezbollah fighters took over eight villages in the Al-Qusayr District of "
                   "Syria.", title="Hezbollah in Syria", heading="2013") == [
        ("In March 2013, Hezbollah fight", "Al Quşayr", "place", "stated"),
    ]


def test_settlement_named_in_an_administrative_district_is_the_place():
    assert located("On 3 May 2016, rebels captured the town of Sarmin in the Idlib District.") == [
        ("On 3 May 2016, rebels captured", "Sarmīn", "place", "stated"),
    ]


def test_in_the_side_of_a_governorate_capital_is_the_governorate():
    # "in the southeast of Raqqa": a side of the governorate, as "southeastern Raqqa"
    assert located("On 24 July 2017, government forces made major advances in the southeast of Raqqa.") == [
        ("On 24 July 2017, government fo", "Raqqa", "governorate", "stated"),
    ]


def test_to_the_side_of_a_governorate_capital_is_a_point_of_reference_at_the_city():
    assert located("On 24 July 2017, government forces captured a hill to the west of Homs.") == [
        ("On 24 July 2017, government fo", "Homs", "place", "stated"),
    ]


def test_named_region_is_the_place_rather_than_a_town_of_the_paragraph():
    # "in eastern Ghouta": a region the gazetteer has no settlement for, named as written
    rows = located("On 2 March 2016, Jaysh al-Islam clashed with the Rahman Legion in Zamalka. "
                   "On 28 April 2016, the Legion attacked Jaysh al-Islam in eastern Ghouta.")
    assert rows[1] == ("On 28 April 2016, the Legion a", "eastern Ghouta", "place", "unlisted")


def test_group_named_after_a_region_is_no_place():
    # "the Qalamoun Shield Forces": a group, the statement keeps the town it names
    assert located("On 11 August 2017, the Qalamoun Shield Forces captured Salamiyah.") == [
        ("On 11 August 2017, the Qalamou", "As Salamīyah", "place", "stated"),
    ]


def test_a_side_of_a_capitals_countryside_with_a_possessive_is_the_governorate():
    # "Deir ez-Zor's northern countryside", as "the northern countryside of Deir ez-Zor"
    assert located("On 19 February 2017, the SDF captured three villages in Deir ez-Zor's northern "
                   "countryside.") == [
        ("On 19 February 2017, the SDF c", "Deir ez-Zor", "governorate", "stated"),
    ]


def test_attackers_nationality_before_a_village_does_not_put_the_village_abroad():
    # "Turkish airstrikes in the village of X": who struck, not where X lies ("the Iraqi town of
    # Baiji" is abroad: the adjective describes the town)
    rows = located("On 1 March 2018, Turkish forces advanced in Afrin. On 2 March 2018, Turkish airstrikes in "
                   "the village of Jamaa killed 17 fighters.", title="Operation Olive Branch")
    assert rows[1] == ("On 2 March 2018, Turkish airst", "Jamaa", "place", "unlisted")


def test_settlement_written_with_a_foreign_region_and_country_is_abroad():
    assert located("On 3 October 2012, a shell killed five people in the border town of Akcakale in "
                   "Sanliurfa Province, Turkey.", title="Border clashes") == [
        ("On 3 October 2012, a shell kil", None, None, None),
    ]


def test_capitals_listed_before_a_shared_countryside_are_governorates():
    # "the Idlib and Aleppo countryside": the countryside of both, as "the Latakia and Idlib provinces"
    assert located("In January 2020, the army made advances in the Idlib and Aleppo countryside.") == [
        ("In January 2020, the army made", "Idlib", "governorate", "stated"),
    ]


def test_named_region_is_no_fine_place_apart_from_the_towns_in_it():
    # resolution reads an unlisted location as a place apart from other unlisted places; a region
    # holds them ("eastern Ghouta" and "Zamalka" may tell one attack)
    assert fine_places(frozenset(), "eastern Ghouta", "unlisted") == frozenset()
    assert fine_places(frozenset(), "Zamalka", "unlisted") == frozenset({"zamalka"})


def test_settlement_an_apposition_calls_a_foreign_town_is_abroad():
    # "Kilis, a Turkish border town": a town of Turkey, no unlisted Syrian village
    assert located("On 8 May 2016, ISIL fired rockets on Kilis, a Turkish border town.",
                   title="Border clashes") == [
        ("On 8 May 2016, ISIL fired rock", None, None, None),
    ]


def test_unlisted_place_casualties_were_evacuated_to_is_no_place_of_the_event():
    # as for a gazetteer place: "evacuated the wounded to X" is where they were taken
    rows = located("On 26 May 2020, clashes broke out near Saraqib. On 27 May 2020, a convoy was targeted by an "
                   "IED, and helicopters evacuated the wounded to the village of Kafr Zitoun.")
    assert rows[1] == ("On 27 May 2020, a convoy was t", "Saraqib", "place", "paragraph")
