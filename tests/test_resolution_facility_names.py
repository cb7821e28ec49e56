"""Issue 13: facility names told in two transliterations, or one in Arabic and one in English, are
one facility; two named facilities of one town are two. One fixture document per case
(tests/fixtures/), extracted as a build extracts it; the values are the fixtures' own."""

from __future__ import annotations

from pipeline.resolve import (
    _Cluster,
    _facilities_differ,
    _facility_names_meet,
    conflict,
    facility_names,
    transliteration_key,
)
from tests.test_resolution_retellings import records, resolved

ARABIC = "syrian_archive_hospital_named_in_arabic.md"
ENGLISH = "current_events_hospital_named_in_english.md"
OTHER = "current_events_other_hospital_of_the_town.md"


def test_one_transliteration_key_for_the_spellings_of_a_name():
    # waw written w after a vowel, ʿayn marks, the article, doubled letters, ou / u, ee / i, -eh / -a
    assert transliteration_key("owdai") == transliteration_key("'uday") == transliteration_key("oudai") == "udi"
    assert transliteration_key("aws") == transliteration_key("aus") == "aus"
    assert transliteration_key("rahmeh") == transliteration_key("rahma") == "rahma"
    assert transliteration_key("zarzour") == transliteration_key("zarzur")
    assert transliteration_key("shifaa") == transliteration_key("shifa")
    # the glossary: an Arabic common word read as its English translation; the kind itself says nothing
    assert transliteration_key("markazi") == transliteration_key("Markazy") == transliteration_key("central") == "cintral"
    assert transliteration_key("watani") == transliteration_key("national")
    assert transliteration_key("mustashfa markazi") == transliteration_key("central")
    assert transliteration_key("mustashfa") == ""
    assert transliteration_key("central") != transliteration_key("national")


def test_a_capitalised_facility_noun_and_an_ayn_mark_are_read():
    assert facility_names("Al-'Uday Hospital was struck at dawn") == ({"'uday"}, set())
    assert facility_names("Russian jets struck the Owdai hospital") == ({"owdai"}, set())
    assert facility_names("Hospital staff said") == (set(), set())
    assert _facilities_differ({"'uday"}, set(), {"owdai"}, set()) is False
    assert _facilities_differ({"markazi"}, {"kafr nabl"}, {"central"}, {"kafr nabl"}) is False
    assert _facilities_differ({"markazi"}, {"kafr nabl"}, {"national"}, {"kafr nabl"}) is True
    # a name told with its town or its kind is the same name
    assert _facilities_differ({"idlib central"}, set(), {"central"}, {"idlib"}) is False
    assert _facilities_differ({"uday hussein"}, set(), {"owdai"}, {"saraqib"}) is False
    assert _facilities_differ({"omar"}, set(), {"ali"}, set()) is True
    # a facility called after its town: one's name is the other's town
    assert _facilities_differ({"syrian"}, {"shayrat"}, {"shayrat"}, set()) is False


def test_the_markazi_hospital_is_the_central_hospital_not_the_national_one():
    arabic, english, other = records(ARABIC, ENGLISH, OTHER)
    assert arabic["text"].startswith("On 12 May 2017, Russian warplanes struck the Al-Markazi hospital in Kafr Nabl")
    assert [str(r["date"].date()) for r in (arabic, english, other)] == ["2017-05-12"] * 3
    assert arabic["_facility_names"] == ({"markazi"}, {"kafr nabl"})
    assert english["_facility_names"] == ({"central"}, {"kafr nabl"})
    assert other["_facility_names"] == ({"national"}, {"kafr nabl"})
    assert conflict(arabic, english) is None
    assert conflict(arabic, other) == conflict(english, other) == "different_facility"
    out = resolved(ARABIC, ENGLISH, OTHER).set_index("doc_id")
    ids = out["event_id"]
    assert ids["d0"] == ids["d1"] != ids["d2"]
    assert "same facility: hospital" in out.loc["d0", "match_evidence"]
    assert f"different_facility: {out.loc['d0', 'mention_id']}" in out.loc["d2", "cannot_link"]


GENERIC = "current_events_the_military_airport_unnamed.md"
ABU_DUHUR = "current_events_abu_al_duhur_military_airport.md"
KUWEIRES = "current_events_kuweires_military_airport.md"


def test_a_name_of_generic_words_alone_does_not_make_two_named_facilities_meet():
    generic, abu_duhur, kuweires = records(GENERIC, ABU_DUHUR, KUWEIRES)
    assert [str(r["date"].date()) for r in (generic, abu_duhur, kuweires)] == ["2016-03-03"] * 3
    assert generic["_facility_names"] == ({"military"}, set())
    assert abu_duhur["_facility_names"] == ({"abu duhur military"}, set())
    assert kuweires["_facility_names"] == ({"kuweires military"}, set())
    # "Military" ends both names, but names neither airport: it meets no longer name ...
    assert _facility_names_meet({"military"}, {"kuweires military"}) is False
    assert _facility_names_meet({"central"}, {"watani"}) is False
    assert _facility_names_meet({"national"}, {"watani"}) is True          # the same generic name
    assert _facility_names_meet({"uday"}, {"uday hussein"}) is True        # a name of its own does
    # ... nor differs from it (the towns decide), while two named airports differ
    assert conflict(generic, abu_duhur) is None and conflict(generic, kuweires) is None
    assert conflict(abu_duhur, kuweires) == "different_facility"
    # so once the description joined one named airport, it cannot chain it to the other
    joined = _Cluster(generic)
    joined.absorb(_Cluster(abu_duhur))
    assert joined.conflict(_Cluster(kuweires)) == "different_facility"
    out = resolved(GENERIC, ABU_DUHUR, KUWEIRES).set_index("doc_id")
    assert out.loc["d1", "event_id"] != out.loc["d2", "event_id"]
    assert f"different_facility: {out.loc['d2', 'mention_id']}" in out.loc["d1", "cannot_link"]
    assert out.loc["d0", "event_id"] in (out.loc["d1", "event_id"], out.loc["d2", "event_id"])
