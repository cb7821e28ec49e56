"""Every event placed as precisely as its document allows (issue 9, item 8; pipeline/locate.py).

One fixture document per rule (tests/fixtures/); values are GeoNames names and the basis.
"""

from __future__ import annotations

import pytest

from pipeline.extract import extract_document
from pipeline.locate import is_abroad, places_in
from pipeline.parsers import detect_format, parse_document
from pipeline.places import event_places, match_places, match_unlisted, name_key
from tests.conftest import fixture_text


def located(name: str) -> list[tuple]:
    text = fixture_text(name)
    doc = parse_document(text, fmt=detect_format(text), path=name, doc_id="d")
    return [(m["text"][:40], m["location"], m["geo_precision"], m["geo_basis"], m["admin1"])
            for m in extract_document(doc).mentions]


def test_statement_naming_no_place_takes_the_paragraphs_place():
    assert located("wikipedia_placeless_statement_takes_paragraph_place.md") == [
        ("On 25 February 2016, the Tiger Forces an", "Khanāşir", "place", "stated", "Aleppo"),
        ("On 26 February 2016, the Syrian Army mad", "Khanāşir", "place", "paragraph", "Aleppo"),
    ]


def test_statement_naming_no_place_takes_the_section_heading():
    assert located("wikipedia_placeless_statement_takes_section_heading.md") == [
        ("On 27 March 2016, government forces capt", "Tadmur", "place", "section", "Homs"),
    ]


def test_statement_naming_no_place_takes_the_article_subject():
    assert located("wikipedia_placeless_statement_takes_subject.md") == [
        ("On 21 February 2016, the offensive was l", "Khanāşir", "place", "subject", "Aleppo"),
    ]


def test_governorate_refined_by_the_location_field_of_the_page():
    rows = located("syrian_archive_location_field_refines_governorate.md")
    assert rows[-1] == ("The director of the medical centre, in t", "Ḩīsh", "place", "subject", "Idlib")


def test_unlisted_village_is_the_location_as_written_and_districts_lie_in_the_city():
    assert located("syrian_archive_unlisted_village.md") == [
        ("On the night of 9 July 2016, an incident", "Jandoul", "place", "unlisted", "Aleppo"),
        ("On 7 August 2016 an incident in which on", "Aleppo", "place", "stated", "Aleppo"),
    ]


def test_statement_abroad_takes_nothing_from_its_context():
    assert located("wikipedia_statement_abroad_takes_no_context.md") == [
        ("On 4 October 2017, an apparent ambush in", None, None, None, None),
    ]
    assert is_abroad("an apparent ambush in Niger near the Malian border killed three soldiers")
    assert not is_abroad("Russian jets struck targets in Idlib, the ministry said in Moscow")
    # a district written with its article is no foreign city (Mashhad, Iran)
    assert is_abroad("Pilgrims gathered in Mashhad")
    assert not is_abroad("Two incidents occurred in Al-Mashhad and Salah Al-Din neighborhoods")


def test_current_events_item_takes_the_place_of_its_topic_breadcrumb():
    assert located("current_events_item_takes_topic_place.md") == [
        ("Government forces capture the Sheikh Sae", "Aleppo", "place", "item", "Aleppo"),
    ]


@pytest.mark.parametrize("a, b", [
    ("Khan Shaykhun", "Khan Sheikhoun"),   # ay / ei
    ("Dayr az-Zor", "Deir ez-Zor"),        # ay / ei, assimilated article
    ("Kafar Naha", "Kafr Naha"),           # Kafar / Kafr
    ("Kfar Nabl", "Kafr Nabl"),            # Kfar / Kafr
    ("Maret Artiq", "Maarat Artiq"),       # Maret / Maarat
])
def test_transliteration_variants_share_a_key(a, b):
    assert name_key(a) == name_key(b)


def test_variant_spellings_match_the_gazetteer():
    assert [p.name for p in match_places("the chemical attack on Khan Sheikhoun")] == ["Khān Shaykhūn"]
    assert [p.name for p in match_places("Daret Azzeh")] == ["Dārat ‘Izzah"]


@pytest.mark.parametrize("text, found", [
    ("Towards the end of February, the Republican Guard seized the village of Umm Miyal.",
     [("Umm Miyal", "settlement")]),
    ("The first incident occurred on the night of 6 November in khan Tourman Aleppo.",
     [("khan Tourman", "settlement")]),
    ("The second incident occurred in Kafar Dael.", [("Kafar Dael", "settlement")]),
    ("Later, they managed to seize Tal Za'rour hill.", [("Tal Za'rour", "feature")]),
    ("The first occurred in Bustan al-Qasr district.", [("Bustan al-Qasr", "feature")]),
    # not places of Syria: an actor, a town abroad, a month
    ("Ahrar al-Sham raided the Free Idlib Army's headquarters.", []),
    ("On 11 May 2013, two car bombs exploded in the Turkish predominantly Shia city of Reyhanli.", []),
    ("On 15 November 2015, the United States launched an airstrike in Derna, Libya.", []),
    ("The attack occurred in March.", []),
])
def test_unlisted_places(text, found):
    assert [(u.name, u.kind) for u in match_unlisted(text)] == found


def test_place_name_before_road_or_district_names_a_feature_elsewhere():
    text = "an incident in which dozens of persons were killed, occurred in Al-Bab road district, Aleppo."
    assert [p.name for p in places_in(text)] == ["Aleppo"]


def test_a_place_written_with_its_governorate_is_the_location_as_written():
    # "Al-Tanf, Eastern Homs Governorate" (a list table's Location cell): GeoNames cities500 lacks
    # Al-Tanf; the name as written, in the governorate named after it
    assert located("wikipedia_table_place_with_its_governorate.md") == [
        ("May 18, 2017 – Al-Tanf, Eastern Homs Gov", "Al-Tanf", "place", "unlisted", "Homs"),
        ("Two vehicles were destroyed.", "Al-Tanf", "place", "paragraph", None),
        ("February 7, 2018 – Khasham, Central Deir", "Khasham", "place", "unlisted", "Deir ez-Zor"),
    ]
    assert [(u.name, u.kind) for u in match_unlisted("Khirbat Amo, Near Kamishli, al-Hasakah Governorate")] == [
        ("Khirbat Amo", "settlement")]
    assert match_unlisted("Aleppo, Aleppo Governorate") == []


def test_unlisted_village_at_which_fighting_continued_or_being_shelled():
    # "continued at Tal al-Jabal" (a head word, an article, a name), "continued shelling Sheikh
    # Hilal": unlisted settlements, in the governorate of the subject (Azaz: Aleppo)
    assert located("wikipedia_unlisted_village_at_or_being_shelled.md") == [
        ("On 25 October 2016, heavy fighting conti", "Tal al-Jabal", "place", "unlisted", "Aleppo"),
        ("On 26 October 2016, Turkish artillery co", "Sheikh Hilal", "place", "unlisted", "Aleppo"),
    ]


def test_location_field_settlement_missing_from_the_gazetteer_and_a_facility_is_no_settlement():
    # "Location: IDLIB : Kafr Batikh": the settlement as written, in Idlib; "an airstrike on Kafr
    # Batikh Ambulance System" names a facility, not a town, and "the countryside of Idlib" is
    # refined by the page's settlement
    assert located("syrian_archive_location_field_unlisted_settlement.md") == [
        ("Location: IDLIB : Kafr Batikh\\ Date: 3 M", "Kafr Batikh", "place", "subject", "Idlib"),  # the header block
        ("The ninth hospital attack identified too", "Kafr Batikh", "place", "subject", "Idlib"),
        ("A nurse, in the countryside of Idlib, sa", "Kafr Batikh", "place", "subject", "Idlib"),
    ]
    assert [(u.name, u.kind) for u in match_unlisted("an airstrike on Shamna Ambulance System")] == [
        ("Shamna Ambulance System", "feature")]


def test_battle_named_for_a_place_the_gazetteer_lacks():
    # "Battle of al-Wuqayat (August 2016)": the place the battle is named for, as written; a
    # statement naming no place takes it from the subject
    assert located("wikipedia_battle_of_unlisted_place.md") == [
        ("The Battle of al-Wuqayat was a battle fo", "al-Wuqayat", "place", "unlisted", None),
        ("On 17 August, rebels launched a second a", "al-Wuqayat", "place", "subject", None),
    ]


def test_trigger_words_are_read_from_the_alternations():
    from pipeline.places import _words_of

    assert _words_of(r"(?:neighbou?rhood|air\s+base|re-entered)") == {
        "neighbourhood", "neighborhood", "air", "base", "re", "entered"}
    assert _words_of(r"(?:hills?|[a-z]+)") is None      # anything but literal words: no trigger


@pytest.mark.parametrize("text, found", [
    # the noun in capitals and after an "s": the trigger words compare lowercased whole words
    ("The first occurred in Bustan al-Qasr DISTRICT.", [("Bustan al-Qasr", "feature")]),
    ("Shelling hit the Neighborhoods of Bab al-Nayrab.", [("Bab al-Nayrab", "feature")]),
    ("Government forces re-entered Turkman Bareh.", [("Turkman Bareh", "settlement")]),
    # a dotless or dotted capital I matches "i" in a case-insensitive pattern: every pattern runs
    ("The first occurred in Bustan al-Qasr D\u0130STR\u0130CT.", [("Bustan al-Qasr", "feature")]),
    ("Rockets hit Bustan al-Qasr districts.", []),     # "districts" is no feature noun after a name
    # a place written with its governorate: "governorate" or "province" in any case, never plural
    ("Khasham, Central Deir ez-Zor GOVERNORATE", [("Khasham", "settlement")]),
    ("Al-Tanf, Eastern Homs Province", [("Al-Tanf", "settlement")]),
    ("Al-Tanf, Eastern Homs Provinces", []),
])
def test_unlisted_patterns_run_whenever_they_can_match(text, found):
    from pipeline.places import _UNLISTED_RES, _UNLISTED_TRIGGERS

    assert [(u.name, u.kind) for u in match_unlisted(text)] == found
    # the trigger only skips patterns that find nothing in the text
    gated = [rx for (_, rx), trigger in zip(_UNLISTED_RES, _UNLISTED_TRIGGERS) if trigger is not None]
    assert bool(found) == any(rx.search(text) for rx in gated)


def test_origin_of_the_aircraft_is_not_the_location():
    # Khmeimim/Hmeimim (resolved to Jablah) is where the jets came from: the first statement names
    # no place of its own and takes the article's subject; the second names its target
    assert located("wikipedia_aircraft_origin_is_not_the_location.md") == [
        ("On 15 February 2016, jets that took off ", "Ma‘arrat an Nu‘mān", "place", "subject", "Idlib"),
        ("On 16 February 2016, Russian bombers bas", "Saraqib", "place", "stated", "Idlib"),
    ]


def test_a_place_in_a_persons_name_after_a_role_is_not_the_location():
    # "spokesman Adnan Afrin", "Commander Adnan Afrin" are a man, not Afrin; "the Syrian government
    # in Damascus" is the seat of who acts: both statements take the article's subject, Hajin
    assert located("wikipedia_place_in_a_persons_name_after_a_role.md") == [
        ("On 28 October 2018, militia spokesman Ad", "Hajīn", "place", "subject", "Deir ez-Zor"),
        ("On 29 October 2018, Commander Adnan Afri", "Hajīn", "place", "subject", "Deir ez-Zor"),
    ]


def test_a_destination_and_a_name_in_apposition_are_not_the_location():
    # "Adnan Afrin, a militia commander," is a man; "leave for Idlib", "evacuated to Idlib" are
    # where people went: both take the article's subject
    assert located("wikipedia_destination_and_name_in_apposition.md") == [
        ("On 15 October 2018, strikes were reduced", "Hajīn", "place", "subject", "Deir ez-Zor"),
        ("On 16 October 2018, militants released t", "Hajīn", "place", "subject", "Deir ez-Zor"),
    ]
    # a convoy "headed towards" a town that was struck, bodies "returned to" a town: kept
    assert [p.name for p in event_places("a convoy headed towards Saraqib was struck")] == ["Saraqib"]


def test_a_village_the_document_names_by_its_phrasing_is_a_place_where_it_is_named_bare():
    # "three villages, including Dudyan" makes Dudyan a place of the document: "ISIL recaptured
    # Dudyan" in another section is located there; "rebels captured Tal Malid" (a verb alone)
    # places its own sentence but makes no place of the document: "Tal Malid was shelled" takes
    # its paragraph's place
    assert located("wikipedia_village_named_bare_after_its_phrasing.md") == [
        ("On 10 March 2016, rebel forces seized th", "Dudyan", "place", "unlisted", "Aleppo"),
        ("On 11 March 2016, rebels captured Tal Ma", "Tal Malid", "place", "unlisted", "Aleppo"),
        ("On 17 March 2016, ISIL recaptured Dudyan", "Dudyan", "place", "unlisted", "Aleppo"),
        ("On 18 March 2016, Tal Malid was shelled.", "Dudyan", "place", "paragraph", "Aleppo"),
    ]


@pytest.mark.parametrize("text, found", [
    # a count of villages and the ones it names; a list goes on with the same kind
    ("Between 10 and 14 March, rebel forces seized three villages, including Dudyan.",
     [("Dudyan", "settlement")]),
    ("Rebel forces captured two villages (Toqli and Mregel), north of Aleppo.",
     [("Toqli", "settlement"), ("Mregel", "settlement")]),
    ("ISIL recaptured the villages of Toqli and Mregel.", [("Toqli", "settlement"), ("Mregel", "settlement")]),
    ("Artillery shelled positions in Herbel and other villages.", [("Herbel", "settlement")]),
    # an apposition says what the name is
    ("The SDF secured Shaykh Issa, one of two towns in the pocket.", [("Shaykh Issa", "settlement")]),
    ("ISIL seized Burj al-Ishara, a strategic high point near the castle.", [("Burj al-Ishara", "feature")]),
    ("Reportedly, the civilians in the city were killed.", []),
    ("A convoy near the predominantly Druze town was struck.", []),
    # a gazetteer name that begins a longer Arabic name ("Rasm" is a village in Daraa; "Sosah"
    # after "Um", a spelling of Umm)
    ("Jund al-Aqsa captured the village of Rasm Al-Nafal.", [("Rasm Al-Nafal", "settlement")]),
    ("ISIL attacked near the town of Um Sosah.", [("Um Sosah", "settlement")]),
    # a site keeps the name it is named for; a generic noun is no name
    ("Rebels seized the al-Tanf border crossing.", [("al-Tanf", "feature")]),
    ("ISIL captured the Tanf Border Crossing.", [("Tanf", "feature")]),
    ("The army recaptured Base 80.", []),
    # areas named for localities in a governorate; the locality an area of it lies in
    ("Jets struck the Ihtemlat and Uwayshiyyah areas of Aleppo Governorate.",
     [("Ihtemlat", "settlement"), ("Uwayshiyyah", "settlement")]),
    ("Rebels recaptured the Al Eyyubiyah residential area of Dabiq.", [("Dabiq", "settlement")]),
    # a gazetteer town is no unlisted one (al-Rai is GeoNames' Ar Rā‘ī)
    ("Rebels recaptured the Al Eyyubiyah residential area of al-Rai.", []),
    ("Missiles were fired from the areas of the Mediterranean.", []),
    # what happens there, in its own sentence only (``weak``)
    ("The next day, Resafa was captured by the Syrian Army.", [("Resafa", "settlement")]),
    ("Later, clashes broke out near Resafa between the army and the SDF.", [("Resafa", "settlement")]),
    ("Some Christians were seized by the brigade.", []),
    ("The Thermal Power Plant was captured by the army.", [("Thermal Power Plant", "feature")]),
])
def test_unlisted_places_by_lists_appositions_and_longer_names(text, found):
    assert [(u.name, u.kind) for u in match_unlisted(text)] == found


@pytest.mark.parametrize("text, names", [
    # a time zone, an authority that reports, where casualties were taken, an attack answered
    ("On April 17, 2017, at 12:25 pm Damascus time, the hospital in Idlib was targeted.", ["Idlib"]),
    ("Hama health directorate reported that the hospital was attacked.", []),
    ("A Turkish airstrike wounded five civilians, who were then evacuated to al-Hasakah.", []),
    ("Trump ordered an airstrike in response to the Khan Shaykhun chemical attack.", []),
    # a militia named for its town is still there
    ("The Manbij Military Council said it repelled the attack.", ["Manbij"]),
    # a place inside an armed group's name; the outlet after "according to"
    ("Two Free Idlib Army commanders were shot dead near Saraqib.", ["Saraqib"]),
    ("According to Al-Masdar, militants attacked the army near Homs.", ["Homs"]),
])
def test_places_that_are_not_where_the_event_happened(text, names):
    assert [p.name for p in places_in(text)] == [match_places(n)[0].name for n in names]


@pytest.mark.parametrize("text, name", [
    # a place named as a point of reference, or as the namesake of a site, yields to a settlement
    # named after it
    ("The SDF advanced further south of al-Shaddadi and captured the village of al-Alwa.", "al-Alwa"),
    ("The SDF captured the South Hasakah Dam and the village of Qana.", "Qana"),
    ("Artillery in the countryside of Azaz shelled Herbel and other villages.", "Herbel"),
    # ... but not to a settlement named by no phrasing at all
    ("The SDF advanced south of al-Shaddadi.", "Ash Shaddādah"),
])
def test_a_point_of_reference_yields_to_the_settlement_named_after_it(text, name):
    from pipeline.locate import _best_in

    assert _best_in(text).name == name


def test_the_town_is_the_place_named_before_it():
    # "ISIL recaptured the town, along with the nearby village of Baraghida": the town is
    # Akhtarin, named in the sentence before; a sentence about "the town" gives the next one the
    # town named before it, not where fighters went
    assert located("wikipedia_the_town_is_the_place_named_before.md") == [
        ("The town of Akhtarin was captured by the", "Akhtarīn", "place", "stated", "Aleppo"),
        ("On 8 October 2016, ISIL recaptured the t", "Akhtarīn", "place", "paragraph", "Aleppo"),
        ("On 9 October 2016, the last ISIL fighter", "Akhtarīn", "place", "paragraph", "Aleppo"),
        ("On 10 October 2016, the town was shelled", "Akhtarīn", "place", "paragraph", "Aleppo"),
    ]


def test_the_airbase_is_the_base_its_article_is_about():
    # "rebels advanced inside the airbase": the base of the title, not the hill of the sentence
    # before (Tal Salmo)
    rows = located("wikipedia_the_airbase_is_the_base_named_before.md")
    assert rows[-1] == ("On 8 September 2015, rebels advanced ins", "Abū az̧ Z̧uhūr", "place", "subject", "Idlib")


def test_a_site_is_the_location_when_nothing_finer_is_known():
    # "the eastern countryside of Aleppo" (the governorate) and "the Jirah Airbase": the site, in
    # the governorate the statement names (not the Raqqa of the article's title)
    assert located("wikipedia_site_is_the_location_when_nothing_finer.md") == [
        ("On 12 May 2017, government forces in the", "Jirah", "place", "unlisted", "Aleppo"),
    ]
    from pipeline.locate import _feature_in

    assert _feature_in("Syrian rebels seized the al-Tanf border crossing on the Iraq-Syria border.") == "al-Tanf"
    # a base abroad: held by a foreign country
    assert _feature_in("Saudi jets were sent to Turkey's Incirlik Air Base.") is None
    assert _feature_in("Jets flew from a base in Turkey to the Incirlik Air Base.") is None


def test_a_governorate_from_the_paragraph_is_refined_by_the_location_field():
    # the paragraph says "the Idlib countryside"; the page's "Location: IDLIB : Mar Zita" is a
    # settlement inside it: both statements are placed there
    assert located("syrian_archive_paragraph_governorate_refined_by_location_field.md") == [
        ("Location: IDLIB : Mar Zita\\ Date: 7 Apri", "Mar Zita", "place", "subject", "Idlib"),  # the header block
        ("On 7 April 2017, an ambulance centre in ", "Mar Zita", "place", "subject", "Idlib"),
        ("On 8 April 2017, a second airstrike dest", "Mar Zita", "place", "subject", "Idlib"),
    ]


def test_a_homonym_far_from_the_documents_area_is_an_unlisted_settlement():
    # GeoNames has one Hisya, in Homs governorate, ~230 km from the Aleppo towns the article names:
    # "the village of Hasiyah" is read as the article's own village, in Aleppo governorate
    assert match_places("Hasiyah")[0].admin1 == "Homs"
    assert located("wikipedia_homonym_far_from_the_documents_area.md")[-1] == (
        "On 22 October 2016, the rebels captured ", "Hasiyah", "place", "unlisted", "Aleppo")


def test_an_unlisted_settlement_lies_near_the_place_its_statement_names():
    # "the Abu Rasin area, east of Ras al-Ayn": Abu Rasin, in the governorate and at the
    # coordinates of Ras al-Ayn (Hasakah), not of the article's subject
    assert located("wikipedia_unlisted_settlement_near_a_named_town.md") == [
        ("On 15 October 2019, the village of Abu R", "Abu Rasin", "place", "unlisted", "Hasakah"),
    ]


def test_a_site_the_statement_names_is_where_it_happened_not_its_sections_town():
    # the Tanf crossing is on the Iraqi border, not in Palmyra (the section's town); the border
    # phrase "with Iraq" places nothing abroad
    assert located("wikipedia_site_named_by_the_statement_beats_its_section.md") == [
        ("On 21 May 2015, ISIL captured the Tanf B", "Tanf", "place", "unlisted", "Homs"),
    ]



def test_whole_governorate_group_names_and_the_reporting_outlet():
    # "escalated throughout the Idlib Governorate" is the whole governorate, not the paragraph's
    # Saraqib; "Free Idlib Army" is a group's name, the village is where it happened; the outlet
    # "according to Al-Masdar" is no settlement
    assert located("wikipedia_whole_governorate_group_name_and_source.md") == [
        ("In October 2016, clashes broke out betwe", "Saraqib", "place", "stated", "Idlib"),
        ("Clashes between the two sides then escal", "Idlib", "governorate", "stated", "Idlib"),
        ("On 5 April 2017, two Free Idlib Army com", "Tell Sabil", "place", "unlisted", "Idlib"),
        ("On 14 July 2019, according to Al-Masdar,", "Deir ez-Zor", "governorate", "stated", "Deir ez-Zor"),
    ]


def test_region_named_after_a_city_yields_and_fighters_of_a_group_are_no_origin():
    # "in northern Aleppo and at Tell Rifaat", "from rural areas of east Aleppo ... the town of
    # Tadef": the region named after the city yields to the settlement named beside it; "fighters
    # from the Example Martyrs Brigade in Jarabulus" are a group's members, not jets from a base
    assert located("wikipedia_region_named_after_a_city_and_fighters_of_a_group.md") == [
        ("On 13 February 2016, artillery shelled K", "Tall Rif‘at", "place", "stated", "Aleppo"),
        ("On 25 February 2016, amid a retreat of I", "Tādif", "place", "stated", "Aleppo"),
        ("In March 2016, rebels captured 20 fighte", "Jarābulus", "place", "stated", "Aleppo"),
    ]


def test_a_fronted_clause_names_an_earlier_place_the_main_clause_its_own():
    # "Having captured Tell Rifaat on 3 June, the army advanced on Azaz on 5 June": Azaz
    assert located("wikipedia_fronted_clause_names_another_place.md") == [
        ("Having captured Tell Rifaat on 3 June, t", "I‘zāz", "place", "stated", "Aleppo"),
        ("A week after that, jets struck Jarabulus", "Jarābulus", "place", "stated", "Aleppo"),
    ]


def test_site_of_the_sentence_before_an_unlisted_base_and_a_towns_plains():
    # a placeless statement after one located at a site takes the site; "near the airbase" is the
    # base named before even when the gazetteer lacks it; "the Maskanah Plains" is no town
    assert located("wikipedia_site_of_the_sentence_before_and_plains.md") == [
        ("On 9 March, the army captured Dayr Hafir", "Dayr Ḩāfir", "place", "stated", "Aleppo"),
        ("On 10 March, the army started attacking ", "Jirah", "place", "unlisted", "Aleppo"),
        ("By the afternoon of 11 March, their assa", "Jirah", "place", "paragraph", "Aleppo"),
        ("On 12 March, the army attacked the Jirah", "Jirah", "place", "unlisted", "Aleppo"),
        ("On 14 March, the army captured three vil", "Jirah", "place", "paragraph", "Aleppo"),
        ("On 20 March, the army captured the Jirah", "Jirah", "place", "unlisted", "Aleppo"),
    ]


def test_an_embedded_following_clause_names_another_place():
    # ", following the army's capture of Kafranbel, ... north of the town of Saraqib": Saraqib, and
    # "the town" in the next sentence is Saraqib too
    assert located("wikipedia_embedded_following_clause_names_another_place.md") == [
        ("On 30 January 2020, following the army's", "Saraqib", "place", "stated", "Idlib"),
        ("It then established a third post to the ", "Saraqib", "place", "paragraph", "Idlib"),
    ]


def test_compass_direction_or_rural_before_a_city_and_governorate_name_is_the_governorate():
    # "northern Hama", "southern Idlib": the governorate's region, not the city; "rural Damascus" is
    # Rif Dimashq; "Hama city" stays the city; a settlement named beside the region is the place;
    assert located("wikipedia_compass_region_of_a_city_and_governorate.md") == [
        ("On 5 May 2019, Russian jets bombed villa", "Hama", "governorate", "stated", "Hama"),
        ("On 6 May 2019, rebels attacked army posi", "Idlib", "governorate", "stated", "Idlib"),
        ("On 7 May 2019, shelling killed two peopl", "Rif Dimashq", "governorate", "stated", "Rif Dimashq"),
        ("On 8 May 2019, rebels shelled Hama city.", "Ḩamāh", "place", "stated", "Hama"),
        ("On 9 May 2019, the army advanced in sout", "Khān Shaykhūn", "place", "stated", "Idlib"),
        # a city of a million or more names its quarters by compass: "rebel-held east Aleppo" is the city
        ("On 10 May 2019, government attacks on re", "Aleppo", "place", "stated", "Aleppo"),
    ]


def test_directorate_named_after_its_governorate_is_not_the_events_place():
    # the Hama directorate reports an attack in Khan Shaykhun (Idlib): the statement's places and
    # its location leave Hama out, on every path (``event_places`` is what mentions list)
    text = fixture_text("syrian_archive_statement_of_a_directorate_named_after_its_governorate.md")
    doc = parse_document(text, fmt=detect_format(text), path="d.md", doc_id="d")
    rows = [(m["text"][:40], m["places"], m["location"], m["admin1"]) for m in extract_document(doc).mentions]
    assert rows == [
        ("Location: IDLIB : Khan Shaykhoun\\ Date: ", ["Khān Shaykhūn"], "Khān Shaykhūn", "Idlib"),
        ("On 19 September 2017 the Rahmeh hospital", ["Khān Shaykhūn"], "Khān Shaykhūn", "Idlib"),
        ("Hamah health directorate published a sta", [], "Khān Shaykhūn", "Idlib"),
    ]


@pytest.mark.parametrize("text, places", [
    ("Hamah health directorate published a statement", []),
    ("The Directorate of Health in Hama said the hospital in Kafr Zita was hit", ["Kafr Zaytā"]),
    ("the governor of Homs said 5 were killed", []),
    ("Video from Edlib Media Center", []),
    ("Aleppo City Council announced the evacuation of Douma", ["Dūmā"]),
    # the body is what was struck, a site in a town, a military council that fights in its town
    ("Airstrikes hit the Atarib civil defence centre", ["Al Atārib"]),
    ("airstrikes hit the Hama city centre", ["Ḩamāh"]),
    ("the Manbij Military Council said", ["Manbij"]),
])
def test_a_place_naming_an_institution_is_not_the_events_place(text, places):
    assert [p.name for p in places_in(text)] == places


# --- thirteenth batch (wp_manbij_offensive) -----------------------------------------------------

def test_a_road_named_by_its_two_ends_is_not_a_town_unless_nothing_else_is_named():
    # "cut the Jarabulus–Manbij road and took two hamlets east of Manbij": Manbij, not Jarabulus;
    # "a convoy on the Shadadi–Hasakah road" names nothing else: the road's first end
    assert located("wikipedia_road_named_by_its_two_ends.md") == [
        ("On 6 June, the militia cut the Jarabulus", "Manbij", "place", "stated", "Aleppo"),
        ("On 9 June, a car bomb struck a convoy on", "Ash Shaddādah", "place", "stated", "Hasakah"),
    ]


def test_names_listed_before_neighbourhoods_are_districts_of_the_city():
    # "the Sabaa Bahrat and al-Hezwania neighbourhoods": districts of Manbij (the heading), not the
    # village the gazetteer spells like the first of them
    assert located("wikipedia_districts_listed_before_their_noun.md") == [
        ("On 9 July, heavy clashes went on in Manb", "Manbij", "place", "stated", "Aleppo"),
        ("On 10 July, the militia fought the defen", "Manbij", "place", "section", "Aleppo"),
    ]


def test_a_list_of_villages_goes_on_past_a_name_in_brackets():
    # "the villages of Yalanli, Qatwyran (Qurt Wiran), Qart and Al-Buwyr": all four are villages,
    # so "In Al-Buwyr, ..." is Al-Buwyr
    assert [r[:4] for r in located("wikipedia_list_of_villages_with_an_alias.md")] == [
        ("On 28 July, the defenders retook the vil", "Yalanli", "place", "unlisted"),
        ("In Al-Buwyr, the defenders then executed", "Al-Buwyr", "place", "unlisted"),
    ]
    assert [u.name for u in match_unlisted("retook the villages of Yalanli, Qatwyran (Qurt Wiran), Qart and Al-Buwyr")] \
        == ["Yalanli", "Qatwyran", "Qart", "Al-Buwyr"]


def test_a_fronted_as_clause_names_another_place_unless_the_main_clause_refers_to_it():
    # "As rebels overran positions near Jarabulus, the defenders ... retaking Huthan village": Huthan;
    # "As rebels launched their offensive to capture Jarabulus ..., civilians fled from the town":
    # the town is Jarabulus
    assert [r[:4] for r in located("wikipedia_fronted_as_clause_names_another_place.md")] == [
        ("As rebels overran the militia's position", "Huthan", "place", "unlisted"),
        ("As rebels launched their offensive to ca", "Jarābulus", "place", "stated"),
    ]


def test_where_people_took_hostages_to_flee_to_is_a_destination():
    # "in order to flee to Jarabulus": where they wanted to go; the statement is in Manbij
    assert located("wikipedia_flee_to_is_a_destination.md") == [
        ("On 12 August, the last defenders left Ma", "Manbij", "place", "stated", "Aleppo"),
        ("The militia said that the defenders had ", "Manbij", "place", "paragraph", "Aleppo"),
    ]


def test_where_an_attack_came_from_is_not_where_it_happened():
    # "attacked the militia from the side of al-Bab, Jarabulus and the village of Arima to break
    # the siege of Manbij": the fighting is at Manbij; the towns it came from are origins
    assert located("wikipedia_attack_from_the_side_of_towns.md") == [
        ("On the morning of 20 June, the defenders", "Manbij", "place", "stated", "Aleppo"),
        ("The clashes went on until the afternoon.", "Manbij", "place", "paragraph", "Aleppo"),
    ]


def test_the_city_after_a_village_named_beside_a_town_is_the_town():
    # "captured Mankuba village in Manbij's northern outskirts. By 5 August, the militia held most
    # of the city": the village for the first, the city of Manbij for "the city"
    assert [r[:4] for r in located("wikipedia_the_city_after_a_village_beside_it.md")] == [
        ("On 4 August, the militia captured Mankub", "Mankuba", "place", "unlisted"),
        ("By 5 August, the militia held most of th", "Manbij", "place", "paragraph"),
    ]


def test_movement_is_placed_at_its_target_not_its_origin():
    # "from X to the village of Y": the event is at Y; a withdrawal with no target stays at X
    assert located("wikipedia_movement_from_origin_to_target.md") == [
        ("On 3 March 2017, the rebels turned their", "Umm Hosh", "place", "unlisted", "Aleppo"),
        ("On 5 March 2017, ISIL withdrew from Mare", "Māri‘", "place", "stated", "Aleppo"),
    ]
    assert [p.name for p in places_in("the rebels turned their attack from Marea to the village of Umm Hosh")] == []
    assert [p.name for p in places_in("the rebels advanced from Marea towards Azaz")] == ["I‘zāz"]


def test_name_that_only_begins_a_longer_bridge_name_is_not_that_place():
    # "Qara Zoubar bridge" is no village Qārah; a descriptor ("Border Crossing") keeps the town
    assert located("wikipedia_name_begins_a_longer_bridge_name.md") == [
        ("On 9 June 2016, the SDF took farms aroun", "Manbij", "place", "section", "Aleppo"),
        ("On 10 June 2016, the SDF took the Jarabu", "Jarābulus", "place", "stated", "Aleppo"),
    ]


def test_statement_about_districts_lies_in_the_city_of_its_context():
    # a weak settlement ("in al-Zahraa", "fighting in al-Haidariya") or a hill named after a
    # district of the city is another part of the city, not a place of its own
    assert located("wikipedia_district_of_the_city_in_context.md") == [
        ("On 4 August 2016, the army cleared the w", "Aleppo", "place", "section", "Aleppo"),
        ("On 5 August 2016, rebels retook Sakhour ", "Aleppo", "place", "section", "Aleppo"),
        ("On 6 August 2016, the Salaheddine distri", "Aleppo", "place", "section", "Aleppo"),
    ]


def test_unlisted_place_written_with_its_country_is_a_settlement():
    assert located("wikipedia_unlisted_place_written_with_its_country.md") == [
        ("On 3 March 2018, a car bomb exploded in ", "Tayyana", "place", "unlisted", None),
        ("On 4 March 2018, a second bomb exploded ", "Tayyana", "place", "paragraph", None),
    ]
    # countries listed together, a possessive, a gazetteer city: no unlisted settlement
    assert match_unlisted("Iran, Russia, Syria and Turkey met in Astana") == []
    assert match_unlisted("Bashar al-Assad, Syria's president, spoke") == []
    assert match_unlisted("fighting in Aleppo, Syria.") == []
    assert match_unlisted("However, Syria denied an attack had taken place.") == []


def test_unlisted_place_written_with_its_district_is_a_settlement():
    assert located("wikipedia_unlisted_place_written_with_its_district.md") == [
        ("On 4 May 2016, two rebel factions clashe", "Hazzeh", "place", "unlisted", "Rif Dimashq"),
    ]


def test_a_person_named_like_a_place_is_no_settlement():
    # "Abu ..." opens place names too; the apposition with a role and "who" say it is a person
    assert located("wikipedia_person_named_like_a_place.md") == [
        ("On 5 June 2019, commandos captured Abu H", "Hajīn", "place", "stated", "Deir ez-Zor"),
        ("On 9 June 2019, the council sent a messa", "Manbij", "place", "stated", "Aleppo"),
    ]


def test_a_supply_route_is_not_the_city_it_leads_to():
    assert located("wikipedia_supply_route_named_for_the_city_it_leads_to.md") == [
        ("On 11 August 2016, rebels attacked the s", "Khanāşir", "place", "stated", "Aleppo"),
        ("On 12 August 2016, militants cut the Ale", "Khanāşir", "place", "paragraph", "Aleppo"),
    ]


def test_road_named_by_its_two_ends_falls_back_to_its_second_end_when_the_first_is_unlisted():
    assert located("wikipedia_road_second_end_when_first_unlisted.md") == [
        ("On 23 August 2017, militants attacked th", "As Salamīyah", "place", "stated", "Hama"),
    ]


def test_bridge_named_after_a_town_is_not_that_town():
    assert located("wikipedia_bridge_named_after_a_town.md") == [
        ("On 12 February 2019, the SDF captured th", "Baghuz Fawqani", "place", "subject", None),
    ]


def test_oilfield_and_lake_are_sites_outside_towns():
    assert located("wikipedia_oilfield_and_lake_are_sites.md") == [
        ("On 9 February 2019, militants attacked S", "al-Tayyem", "place", "unlisted", None),
        ("On 17 April 2017, militants raided army ", "Jabbul", "place", "unlisted", None),
    ]


def test_a_movement_from_a_town_into_a_site_is_at_the_site():
    assert located("wikipedia_movement_into_a_site.md") == [
        ("On 12 February 2017, the army redirected", "Jirah", "place", "unlisted", "Aleppo"),
    ]


def test_where_a_speaker_spoke_is_not_the_place_of_what_is_told_nor_of_what_follows():
    # without the rule: both at the al-Omar oil field (the site, then the paragraph's site)
    assert located("wikipedia_speakers_place_is_not_the_events.md") == [
        ("Speaking at the al-Omar oil field stagin", "Baghuz Fawqani", "place", "subject", None),
        ("Two airstrikes were also reported in the", "Baghuz Fawqani", "place", "subject", None),
    ]


def test_a_place_in_a_guard_units_name_is_not_the_events():
    # "Al-Qassem" folds to the key of Jasim (Daraa): the unit's name, not a place
    assert located("wikipedia_place_in_a_guard_units_name.md") == [
        ("On 8 September 2017, Al-Qassem Republica", "Deir ez-Zor", "place", "stated", "Deir ez-Zor"),
    ]


def test_several_embedded_clauses_amid_and_following_yield_to_the_main_clause():
    assert located("wikipedia_embedded_clauses_amid_and_following.md") == [
        ("On 25 February 2017, amid a large retrea", "Tādif", "place", "stated", "Aleppo"),
    ]


def test_maar_opens_an_arabic_place_name_like_maarat():
    # "Maar" / "Ma'ar" (Ma'arrat, "cave") begins village names as Kafr and Tal do
    assert located("wikipedia_maar_opens_a_place_name.md") == [
        ("In August 2019, Turkish forces set up an", "Maar Hattat", "place", "unlisted", "Idlib"),
    ]
    assert [u.name for u in match_unlisted("shelling on Ma'ar Shamarin")] == ["Ma'ar Shamarin"]


def test_a_site_named_before_the_town_it_is_placed_from_is_the_location():
    assert located("wikipedia_site_named_before_its_point_of_reference.md") == [
        ("On 31 August 2017, the army took full co", "Bishiri", "place", "unlisted", "Deir ez-Zor"),
        ("The offensive was accompanied by heavy a", "Bishiri", "place", "paragraph", None),
        # a site that is itself a point of reference ("south of the Jirah Airbase") is not the place
        ("On 5 September 2017, the army captured a", "Al Bāb", "place", "stated", "Aleppo"),
    ]


def test_a_far_homonym_is_unlisted_in_a_document_whose_title_names_its_area():
    # GeoNames' only "Malah" is in As-Suwayda, 370 km from Aleppo: the article on Aleppo means
    # the Mallah farms north of the city (two places only, too few for the area by count)
    assert located("wikipedia_far_homonym_in_a_titled_area.md") == [
        ("On 26 June 2016, the army advanced into ", "Mallah", "place", "unlisted", "Aleppo"),
        ("On 27 June 2016, rebels shelled Khanasir", "Khanāşir", "place", "stated", "Aleppo"),
    ]


def test_far_homonyms_of_one_governorate_the_document_never_names_are_unlisted():
    # GeoNames' Malah and Shahba are both in As-Suwayda, ~400 km from Manbij: two places of one
    # governorate the article never names (nor its capital), each far from every place of the
    # article's area, are its own villages, as written, in Aleppo governorate
    assert [(p.name, p.admin1) for p in match_places("Malla Saad and Shahba")] == [
        ("Malaḩ", "As-Suwayda"), ("Shahbā", "As-Suwayda")]
    assert located("wikipedia_far_homonyms_of_one_unnamed_governorate.md") == [
        ("On 3 June 2016, the SDF captured Malla S", "Malla", "place", "unlisted", "Aleppo"),
        ("On 4 June 2016, ISIL shelled the village", "Shahba", "place", "unlisted", "Aleppo"),
        ("On 5 June 2016, the SDF entered Manbij.", "Manbij", "place", "stated", "Aleppo"),
    ]


def test_a_far_place_of_a_governorate_named_by_its_capital_is_kept():
    # "Shahba, north of As-Suwayda": the article names the governorate's capital, so it means
    # the Shahba there
    assert located("wikipedia_far_place_of_a_governorate_named_by_its_capital.md") == [
        ("On 3 June 2016, the SDF entered Manbij.", "Manbij", "place", "stated", "Aleppo"),
        ("On 4 June 2016, the army shelled Shahba,", "Shahbā", "place", "stated", "As-Suwayda"),
    ]


def test_a_far_homonym_in_a_list_of_districts_is_no_settlement():
    # "Sabaa" folds to Sabbah (Tartus), a far homonym in an article on Manbij; in "the Sabaa
    # Bahrat and al-Hezwania neighborhoods" it names a district of the town of the section
    assert located("wikipedia_far_homonym_in_a_list_of_districts.md") == [
        ("On 10 July 2016, heavy fighting took pla", "Manbij", "place", "section", "Aleppo"),
        ("On 11 July 2016, ISIL fighters withdrew.", "Manbij", "place", "section", "Aleppo"),
    ]


def test_a_site_is_located_in_a_section_whose_heading_names_no_place():
    # the article's prose names Saraqib: a crossing named under a heading that names no place is
    # in Syria; a statement a nationality adjective marks as told of another country is not
    assert located("wikipedia_site_in_a_section_naming_no_place.md") == [
        ("On 3 March 2014, the two groups clashed ", "Saraqib", "place", "stated", "Idlib"),
        ("On 5 December 2014, the Islamic Front to", "Bab al-Hawa", "place", "unlisted", None),
        ("On 6 December 2014, Turkish border guard", None, None, None, None),
    ]


def test_where_an_aircraft_was_flying_to_is_not_where_it_came_down():
    # the airliner came down at sea; its destination is no place of the crash (the country named
    # with it stays); a convoy headed towards a town and struck there is kept
    text = ("A military airliner crashes into the sea shortly after takeoff from Sochi. "
            "The airliner was headed towards Hama, Syria.")
    assert [(p.name, p.precision) for p in places_in(text)] == [("Syria", "country")]
    assert [p.name for p in places_in("A convoy headed towards Saraqib was shelled.")] == ["Saraqib"]


def test_a_statement_abroad_naming_syria_only_as_the_origin_takes_no_place():
    # "a rocket fired from inside Syria hit a mosque in Kilis, Turkey": the strike is in Turkey;
    # neither the country it came from nor the town of the paragraph is its place
    assert located("wikipedia_rockets_from_syria_landing_abroad.md") == [
        ("On 23 January 2018, rebels shelled Tell ", "Tall Rif‘at", "place", "stated", "Aleppo"),
        ("On 24 January 2018, a rocket fired from ", None, None, None, None),
    ]
    assert is_abroad("Rockets fired from northern Syria hit a school in the Turkish city of Kilis.")
    assert not is_abroad("Rockets fired from Syria hit a school in Kilis and Azaz.")  # Azaz: a Syrian town
    assert not is_abroad("Turkish forces captured the village of Qabasin.")


def test_a_far_homonym_under_a_heading_of_another_area_is_unlisted_there():
    # GeoNames' Malah and Shahba are in As-Suwayda, 300 km from the Deir ez-Zor of the heading: a
    # long article spans many governorates, so the heading gives the area; "the Shahba school" is
    # a building of that area; a statement naming As-Suwayda Governorate keeps its Shahba
    assert located("wikipedia_far_homonym_under_a_heading_of_another_area.md") == [
        ("On 5 September 2017, the army captured M", "Malah", "place", "unlisted", "Deir ez-Zor"),
        ("On 6 September 2017, ISIL counter-attack", "Malah", "place", "paragraph", "Deir ez-Zor"),
        ("On 7 September 2017, the army secured th", "Deir ez-Zor", "place", "section", "Deir ez-Zor"),
        ("On 8 September 2017, rebels shelled Shah", "Shahbā", "place", "stated", "As-Suwayda"),
    ]


def test_the_origins_of_a_movement_listed_before_its_target_are_not_its_place():
    # "militants from Hama and Deir ez-Zor managed to reinforce Raqqa": both towns are where the
    # militants came from; the statement is about Raqqa
    text = "About 150 militants from Hama and Deir ez-Zor managed to reinforce Raqqa, crossing the river."
    assert [p.name for p in places_in(text)] == ["Ar Raqqah"]
    assert [p.name for p in places_in("Rebels from Idlib attacked Hama.")] == ["Idlib", "Ḩamāh"]


def test_a_side_of_a_governorate_is_not_refined_to_a_town_of_the_article():
    # "in eastern Homs": a stretch of the governorate; "in the Homs countryside" alone still takes
    # the town of its paragraph (a Wikipedia article's campaign spans many towns)
    assert located("wikipedia_side_of_a_governorate_is_not_a_town_of_the_section.md") == [
        ("On 5 August 2017, the army captured Sukh", "As Sukhnah", "place", "stated", "Homs"),
        ("On 6 August 2017, a journalist was kille", "Homs", "governorate", "stated", "Homs"),
        ("On 7 August 2017, militants attacked arm", "As Sukhnah", "place", "section", "Homs"),
    ]


def test_an_as_clause_after_the_opening_date_yields_to_the_main_clause():
    # "as part of" is no clause of another happening
    assert located("wikipedia_embedded_as_clause_after_the_date.md") == [
        ("On 9 August 2017, as the army advanced w", "As Sukhnah", "place", "stated", "Homs"),
        ("On 10 August 2017, as part of the offens", "Ma‘dān", "place", "stated", "Raqqa"),
    ]


def test_the_city_after_a_sentence_calling_its_place_a_town_is_the_city_named_beside_it():
    # "in the city" (after "Russia and Syria", the country only) is Aleppo, not the town of Kafr Dunya
    assert located("wikipedia_city_anaphor_after_a_town_beside_a_city.md") == [
        ("On 19 September 2016, an aid convoy was ", "Kafr Dunya", "place", "unlisted", "Aleppo"),
        ("At the same time, Russia and Syria resta", "Aleppo", "place", "paragraph", "Aleppo"),
    ]


def test_a_settlement_named_with_its_article_is_the_same_written_without_it():
    # "Hasaniyah", never named as a settlement in the document, stays unknown (the paragraph's place)
    assert located("wikipedia_settlement_named_with_and_without_its_article.md") == [
        ("On 3 January 2017, the rebels attacked t", "Al-Tuwayriyah", "place", "unlisted", "Aleppo"),
        ("On 9 January 2017, Tuwayriyah changed ha", "Tuwayriyah", "place", "unlisted", "Aleppo"),
        ("On 10 January 2017, Hasaniyah changed ha", "Tuwayriyah", "place", "paragraph", "Aleppo"),
    ]


def test_a_while_clause_and_where_people_were_bound_for_are_not_the_statements_place():
    assert located("wikipedia_while_clause_and_bound_for.md") == [
        # the villages the SDF entered meanwhile are not where the rebels captured a village
        ("On 31 December 2016, the rebels captured", "Al Bāb", "place", "stated", "Aleppo"),
        # the camps the trucks were bound for (al-Hawl) are not where civilians fled from
        ("On 12 February 2019, civilians continued", "Baghuz Fawqani", "place", "subject", None),
        # a main clause naming no gazetteer place keeps the while clause's
        ("On 14 February 2019, the army shelled a ", "Tadmur", "place", "stated", "Homs"),
    ]
