"""The evidence rules of event resolution (pipeline/resolve.py), one case each, on statements of
the kinds the corpus holds. Mentions are built here as rows, as the extract stage gives them."""

import pandas as pd

from pipeline.build import MENTION_COLUMNS
from pipeline.resolve import (
    _retold,
    action_kinds,
    conflict,
    district_names,
    evidence,
    facility_names,
    ordinals,
    prepare,
    resolve,
    roles,
    unit_counts,
)

# GeoNames coordinates of the towns the cases name
KAFRANBEL = (35.61, 36.56)
KHAN_SHAYKHUN = (35.44, 36.65)
ALEPPO = (36.20, 37.16)


def mention(mid, text, date, precision="day", doc="d1", section=None, kind="narrative", places=(),
            coord=None, admin1=None):
    return {"mention_id": mid, "doc_id": doc, "kind": kind, "text": text, "date": pd.Timestamp(date),
            "date_precision": precision, "date_qualifier": None, "section": section, "detail": None,
            "topics": [], "context": [], "quality_flags": [], "places": list(places), "actors": [],
            "location": places[0] if places else None, "admin1": admin1,
            "latitude": coord[0] if coord else None, "longitude": coord[1] if coord else None,
            "geo_precision": "place" if coord else None}


def run(*rows, previous=None):
    out = resolve(pd.DataFrame(list(rows), columns=MENTION_COLUMNS), previous)
    return out.set_index("mention_id")


def test_kind_of_action_leaves_out_means_and_prior_events():
    assert action_kinds("In March 2016, the strategic city of Palmyra was recaptured by the Syrian Army after "
                        "a large-scale offensive supported by Russian airstrikes.") == {"capture"}
    assert action_kinds("Airstrikes by Syrian or Russian warplanes on Al-Raqqah leave at least 39 people dead.") \
        == {"fighting"}
    assert action_kinds("Turkey sends more tanks into northern Syria to continue its offensive against ISIL.") \
        == {"deployment"}


def test_what_forces_were_reported_to_do_is_the_action():
    # "reported to carry out" tells what happened; "to continue" after "sends" is a purpose
    assert action_kinds("The same day, Syrian ground forces were reported to carry out an offensive under Russian "
                        "air cover.") == {"fighting"}
    recs = [mention("m1", "Russia launches an intense bombing campaign in the Syrian governorates of Idlib and Hama. "
                          "The Syrian Army is conducting a ground offensive in the same area.", "2015-10-07",
                    kind="headline", doc="ce1"),
            mention("m2", "The same day, Syrian ground forces were reported to carry out an offensive under Russian "
                          "air cover.", "2015-10-07", doc="wp1")]
    prepare(recs)
    assert "same action: fighting" in evidence(recs[0], recs[1])


def test_a_chemical_attack_is_only_that():
    assert action_kinds("On 4 April, the Syrian government killed at least 89 people in the Khan Shaykhun "
                        "chemical attack.") == {"chemical"}


def test_facility_names_and_towns():
    assert facility_names("On 19 September 2017 at around 12:00, the Rahman hospital in Altah was attacked.") \
        == ({"rahman"}, {"altah"})
    assert facility_names("Orient hospital in Kafranbel was attacked on 19 September 2017.") \
        == ({"orient"}, {"kafranbel"})


def test_numbered_incidents():
    assert ordinals("The seventh hospital attack identified occurred on 27 April 2017.") == {"7 attack"}


def test_two_hospitals_in_two_towns_on_one_day_are_two_events():
    out = run(
        mention("m1", "On 19 September 2017 at approximately 10:30am, the Kafranbel hospital was attacked with "
                      "three airstrikes allegedly by the Syrian or Russian airforce.", "2017-09-19",
                section="Kafranbel", places=["Kafranbel"], coord=KAFRANBEL, admin1="Idlib"),
        mention("m2", "On 19 September 2017 between 11:00 and 11:45, the Rameh hospital in Khan Shaykhoun was "
                      "attacked with airstrikes allegedly by the Syrian or Russian airforce.", "2017-09-19",
                section="Khan Shaykhoun", places=["Khan Shaykhun"], coord=KHAN_SHAYKHUN, admin1="Idlib"))
    assert out.loc["m1", "event_id"] != out.loc["m2", "event_id"]
    assert list(out.loc["m1", "cannot_link"]) == ["different_place: m2"]


def test_the_same_named_hospital_told_by_two_documents_is_one_event():
    out = run(
        mention("m1", "On 19 September 2017 at approximately 10:30am, the Kafranbel hospital was attacked with "
                      "three airstrikes.", "2017-09-19", doc="d1", places=["Kafranbel"], coord=KAFRANBEL),
        mention("m2", "Orient hospital in Kafranbel was attacked on 19 September 2017 with three airstrikes that "
                      "resulted in injuries.", "2017-09-19", doc="d2", places=["Kafranbel"], coord=KAFRANBEL))
    assert out.loc["m1", "event_id"] == out.loc["m2", "event_id"]
    evidence = list(out.loc["m2", "match_evidence"]) or list(out.loc["m1", "match_evidence"])
    assert evidence[:3] == [f"joined to {'m1' if out.loc['m2', 'match_rule'] != 'anchor' else 'm2'}",
                            "same place: Kafranbel", "same day"]


def test_a_day_inside_a_stated_month_is_compatible():
    out = run(
        mention("m1", "In June 2017, Iran attacked militants' targets in the Deir Ezzor area in eastern Syria with "
                      "ballistic missiles fired from western Iran.", "2017-06-01", precision="month", doc="d1"),
        mention("m2", "Iran fires medium range ballistic missiles from western Iran to militant targets in "
                      "Deir ez-Zor Governorate.", "2017-06-18", doc="d2", kind="headline"))
    assert out.loc["m1", "event_id"] == out.loc["m2", "event_id"]


def test_the_start_of_an_operation_is_not_a_reinforcement_the_next_day():
    out = run(
        mention("m1", "On 24 August 2016, the Turkish Armed Forces began a direct military intervention into Syria "
                      "by declaring Operation Euphrates Shield.", "2016-08-24", doc="d1"),
        mention("m2", "Turkey sends more tanks into northern Syria to continue its offensive against ISIL and the "
                      "Kurdish YPG.", "2016-08-25", doc="d2", kind="headline"))
    assert out.loc["m1", "event_id"] != out.loc["m2", "event_id"]


def test_different_days_are_different_events():
    out = run(
        mention("m1", "On 4 February, the rebels captured the village of Bizaah.", "2016-02-04", doc="d1"),
        mention("m2", "On 6 February, the rebels captured the village of Bizaah again.", "2016-02-06", doc="d2"))
    assert out.loc["m1", "event_id"] != out.loc["m2", "event_id"]


def test_a_statement_repeated_with_a_typo_is_one_event():
    out = run(
        mention("m1", "The Syrian Observatory for Human Rights reported that on 12 January 2019, Israeli aircraft "
                      "attacked missile depots belonging to Hezbollah in the al-Kiwash area.", "2019-01-12",
                section="2019"),
        mention("m2", "The Syrian Observatory for Human Rights reported that on 12 January 2019, Israeli aircraft "
                      "attacked missile depots belonging to Hezbollah in the al-Kiswah area.", "2019-01-12",
                section="Incidents"))
    assert out.loc["m1", "event_id"] == out.loc["m2", "event_id"]
    assert "near_duplicate" in set(out["match_rule"])


def test_the_same_words_about_two_places_are_two_events():
    out = run(
        mention("m1", "On 5 October 2012, Syrian warplanes and artillery pounded Joret al-Shayyah, subjecting it "
                      "to its worst bombardment in months.", "2012-10-05", section="Homs"),
        mention("m2", "On 5 October 2012, Syrian warplanes and artillery pounded Old Homs, subjecting it to its "
                      "worst bombardment in months.", "2012-10-05", section="Old Homs"))
    assert out.loc["m1", "event_id"] != out.loc["m2", "event_id"]


def test_many_happenings_are_not_one_of_them():
    out = run(
        mention("m1", "From October 2011, Russia repeatedly vetoed Western-sponsored draft resolutions in the UN "
                      "Security Council.", "2011-10-01", precision="month", doc="d1"),
        mention("m2", "On 4 October, Russia and China exercised a double veto against a Western-drafted Security "
                      "Council resolution.", "2011-10-04", doc="d2"))
    assert out.loc["m1", "event_id"] != out.loc["m2", "event_id"]
    assert "different_scope: m2" in list(out.loc["m1", "cannot_link"])


def test_event_ids_are_carried_forward_from_the_previous_release():
    rows = [mention("m1", "The Syrian Army breaks the nine month long siege of the Deir ez-Zor Airport.",
                    "2017-09-09", doc="d1", kind="headline", places=["Deir ez-Zor"], coord=(35.33, 40.14)),
            mention("m2", "The Syrian army breaks the Islamic States' nine month long siege of the Deir ez-Zor "
                          "airport.", "2017-09-09", doc="d2", kind="headline", places=["Deir ez-Zor"],
                    coord=(35.33, 40.14))]
    fresh = run(*rows)
    assert fresh.loc["m1", "event_id"] == fresh.loc["m2", "event_id"]
    carried = run(*rows, previous={"m1": "e_previous", "m2": "e_previous"})
    assert set(carried["event_id"]) == {"e_previous"}
    # a previous id goes to one event only; the other event takes its own content hash
    apart = run(rows[0], mention("m3", "ISIL militants execute 12 people in Palmyra.", "2017-01-19", doc="d3"),
                previous={"m1": "e_previous", "m3": "e_previous"})
    assert sorted(apart["event_id"] == "e_previous") == [False, True]
    assert apart.loc["m3", "event_id"] == fresh.loc["m1", "event_id"] or apart.loc["m3", "event_id"].startswith("e")


def test_a_dense_place_and_month_is_paired_by_day_not_dropped():
    # one place in one month shared by more mentions than the old cap of 60: split by day, its
    # sub-blocks hold at most three mentions, nothing is over the cap, and the run's statistics say so
    n = 65
    rows = [mention(f"m{i:03d}", f"On {1 + i % 28} May 2016, shelling hit a district of Aleppo, report {i}.",
                    f"2016-05-{1 + i % 28:02d}", doc=f"d{i}", places=["Aleppo"], coord=ALEPPO)
            for i in range(n)]
    stats = resolve(pd.DataFrame(rows, columns=MENTION_COLUMNS)).attrs["resolution"]
    assert stats["mentions"] == n
    assert stats["blocks_over_cap"] == 0 and stats["pairs_in_blocks_over_cap"] == 0
    assert stats["largest_block"] == 3          # (Aleppo, 1 May 2016): reports 0, 28 and 56


def test_the_finding_of_an_inquiry_is_not_the_attack_it_confirms():
    out = run(
        mention("m1", "A toxic gas attack, allegedly by Syrian warplanes, kills at least 83 and injures many more "
                      "in rebel-held Khan Shaykhun, Idlib.", "2017-04-04", kind="related", doc="d1",
                places=["Khan Shaykhun"], coord=KHAN_SHAYKHUN, admin1="Idlib"),
        mention("m2", "Organisation for the Prevention of Chemical Weapons (June 2017): \"OPCW Fact-Finding Mission "
                      "Confirms Use of Chemical Weapons in Khan Shaykhun on 4 April 2017\"", "2017-04-04", doc="d2",
                places=["Khan Shaykhun"], coord=KHAN_SHAYKHUN, admin1="Idlib"),
        mention("m3", "On 4 April, the Syrian government killed at least 89 people and injured 541 others in the "
                      "Khan Shaykhun chemical attack.", "2017-04-04", doc="d3",
                places=["Khan Shaykhun"], coord=KHAN_SHAYKHUN, admin1="Idlib"))
    assert out.loc["m1", "event_id"] == out.loc["m3", "event_id"] != out.loc["m2", "event_id"]
    assert "report_about: m1" in out.loc["m2", "cannot_link"]


def inherited(mid, text, date, source, **kw):
    row = mention(mid, text, date, **kw)
    row["date_basis"], row["inherits_from"] = "inherited", source
    return row


def test_a_sentence_that_tells_more_of_the_one_before_is_its_event():
    out = run(
        mention("m1", "On 12 June 2016, rebels shelled two checkpoints.", "2016-06-12", section="The siege"),
        inherited("m2", "The fighting displaced 40,000 people.", "2016-06-12", "m1", section="The siege"))
    assert out.loc["m2", "event_id"] == out.loc["m1", "event_id"]
    assert out.loc["m2", "match_rule"] == "inherited_date"
    assert out.loc["m2", "match_evidence"][0] == "joined to m1"


def test_a_new_happening_in_the_same_paragraph_stays_its_own_event():
    out = run(
        mention("m1", "During the night of 7 February, Turkish forces and rebels launched an assault at Al-Bab, "
                      "capturing several strategic hills.", "2017-02-07", section="February"),
        inherited("m2", "The SAA and Hezbollah, meanwhile, captured 3 villages and a nearby hill to the south of "
                        "Al-Bab.", "2017-02-07", "m1", section="February"),
        inherited("m3", "Al-Nusra retaliated by shelling Division 13's headquarter in the city.", "2017-02-07", "m1",
                  section="February"))
    assert len({out.loc[m, "event_id"] for m in ("m1", "m2", "m3")}) == 3


def test_naming_the_weapon_of_an_attack_told_without_one_makes_it_a_chemical_attack():
    # the archive's page tells the Khan Shaykhun attack without a chemical word, then names sarin;
    # the strike on the town's medical point hours later is another event
    out = run(
        mention("m1", "Today, 04 April 2017, at 6.30am Khan Sheikhon was targeted by an airforce.", "2017-04-04",
                doc="sa1", section="What happened", places=["Khan Shaykhun"], coord=KHAN_SHAYKHUN),
        inherited("m2", "Sarin might be used in this attack.", "2017-04-04", "m1", doc="sa1",
                  section="What happened"),
        mention("m3", "The second hospital attack took place on 4 April 2017 in Khan Shaykhoun.", "2017-04-04",
                doc="sa2", places=["Khan Shaykhun"], coord=KHAN_SHAYKHUN),
        mention("m4", "A toxic gas attack, allegedly by Syrian warplanes, kills at least 83 and injures many more "
                      "in rebel-held Khan Shaykhun, Idlib.", "2017-04-04", kind="related", doc="ce1",
                places=["Khan Shaykhun"], coord=KHAN_SHAYKHUN))
    assert out.loc["m2", "event_id"] == out.loc["m1", "event_id"]
    assert out.loc["m3", "event_id"] != out.loc["m1", "event_id"]
    assert any(c.startswith("different_action") for c in out.loc["m3", "cannot_link"])


def test_a_raid_and_the_attack_it_answered_have_their_roles_reversed():
    raid = ("The al-Nusra Front attempted to crack down on the protests in Idlib, in response, the FSA's 13th "
            "Division raided al-Nusra's headquarter in Maarrat al-Nu'man.")
    attack = ("The al-Nusra Front, an al-Qaeda affiliate, assaults the Free Syrian Army's 13th Division in Maarrat "
              "al-Nu'man, killing seven FSA fighters with 40 captured.")
    assert roles(raid) == ({"Free Syrian Army"}, {"al-Nusra Front"})
    assert roles(attack) == ({"al-Nusra Front"}, {"Free Syrian Army"})
    maarrat = dict(places=["Maarrat al-Nu'man"], coord=(35.64, 36.67), admin1="Idlib")
    a, b = mention("m1", raid, "2016-03-01", "month", doc="wp", **maarrat), \
        mention("m2", attack, "2016-03-13", kind="related", doc="ce", **maarrat)
    a["actors"], b["actors"] = ["al-Nusra Front", "Free Syrian Army"], ["al-Nusra Front", "Free Syrian Army"]
    out = run(a, b)
    assert out.loc["m1", "event_id"] != out.loc["m2", "event_id"]
    assert "reversed_roles: m2" in out.loc["m1", "cannot_link"]


def test_a_sentence_naming_a_new_place_is_not_more_of_the_one_before():
    # the archive's page names no town the gazetteer knows, then "the medical points in Idlib":
    # a statement about the province, not more of the strike
    out = run(
        mention("m1", "Today, 04 April 2017, at 6.30am Khan Sheikhon was targeted by an airforce.", "2017-04-04",
                doc="sa1", section="What happened"),
        inherited("m2", "Most the medical points in Idlib are full of injured.", "2017-04-04", "m1", doc="sa1",
                  section="What happened", places=["Idlib"], coord=(35.93, 36.63)),
        inherited("m3", "50 casualties and more than 300 injured.", "2017-04-04", "m1", doc="sa1",
                  section="What happened"))
    assert out.loc["m3", "event_id"] == out.loc["m1", "event_id"] != out.loc["m2", "event_id"]


def test_a_series_of_missiles_is_one_strike():
    out = run(
        mention("m1", "On 7 April 2017 the United States launched a series of 59 Tomahawk missiles at a Syrian airbase "
                      "in Shayrat following the Khan Shaykhun chemical attack.", "2017-04-07", doc="wp1"),
        mention("m2", "April 7, 2017 – Shayrat Airbase, Western Homs Governorate – U.S. President Donald Trump ordered "
                      "an airstrike against the Syrian government in response to the Khan Shaykhun chemical attack "
                      "on 4 April.", "2017-04-07", doc="wp2"),
        mention("m3", "Russia repeatedly vetoed a series of draft resolutions on Syria.", "2017-04-07", doc="wp3"))
    assert out.loc["m1", "event_id"] == out.loc["m2", "event_id"] != out.loc["m3", "event_id"]


def test_one_page_retelling_its_named_hospital_on_the_same_day_is_one_event():
    ks = dict(doc="sa1", section="Incident 1", places=["Khan Shaykhun"], coord=KHAN_SHAYKHUN, admin1="Idlib")
    out = run(
        mention("m1", "On 19 September 2017 between 11:00 and 11:45, the Rameh hospital in Khan Shaykhoun was "
                      "attacked with airstrikes allegedly by Syrian airforce.", "2017-09-19", **ks),
        mention("m2", "Al Shami conducted an interview with one of the hospital workers, who stated in the video: "
                      "\"On 19 September 2017 the Rahmeh hospital in Khan Shaykhoun was targeted by an airstrike.",
                "2017-09-19", **ks),
        mention("m3", "On 19 September 2017 at approximately 10:30am, the Kafranbel hospital was attacked with three "
                      "airstrikes allegedly by the Syrian or Russian airforce.", "2017-09-19", doc="sa1",
                section="Incident 1", places=["Kafranbel"], coord=KAFRANBEL, admin1="Idlib"))
    assert out.loc["m1", "event_id"] == out.loc["m2", "event_id"] != out.loc["m3", "event_id"]


def test_two_districts_of_one_city_on_one_day_are_two_incidents():
    # the gazetteer knows neither district (and reads "Al-Bab road" as the town of al-Bab)
    out = run(
        mention("m1", "The next day on 23 September, an incident in which dozens of persons were killed, occurred in "
                      "Al-Bab road district, Aleppo.", "2016-09-23", doc="sa1", places=["Aleppo"], coord=ALEPPO),
        mention("m2", "The following day on 23 September, an incident was found to have occurred in Al Mashhad and "
                      "Sukkari neighbourhood in Aleppo.", "2016-09-23", doc="sa2", places=["Aleppo"], coord=ALEPPO))
    assert district_names(out.loc["m2", "text"]) == {"mashhad", "sukkari"}
    assert out.loc["m1", "event_id"] != out.loc["m2", "event_id"]
    assert "different_place: m2" in out.loc["m1", "cannot_link"]


def test_two_counts_of_villages_taken_are_two_advances():
    out = run(
        mention("m1", "On 24 March, the SDF took control of two more villages in the eastern countryside of Raqqa.",
                "2017-03-24", doc="wp1", admin1="Raqqa"),
        mention("m2", "On the same day, it was also reported that the SDF had captured 8 villages to the southwest of "
                      "Al-Thawrah.", "2017-03-24", doc="wp2", admin1="Raqqa"),
        mention("m3", "It was also reported that the SDF had captured eight villages to the southwest of Tabqa city.",
                "2017-03-24", doc="wp3", admin1="Raqqa"))
    assert unit_counts(out.loc["m1", "text"]) == {("2", "village")}
    assert out.loc["m2", "event_id"] == out.loc["m3", "event_id"] != out.loc["m1", "event_id"]
    recs = [mention("a", out.loc["m1", "text"], "2017-03-24"), mention("b", out.loc["m2", "text"], "2017-03-24")]
    prepare(recs)
    assert conflict(recs[0], recs[1]) == "different_count"


def test_an_attack_told_without_its_weapon_by_another_document_is_the_chemical_attack():
    # one document names the gas; the other tells warplanes striking the town, then names sarin:
    # same town, same day, no facility struck -> one chemical attack. Without the sarin sentence
    # the airstrike report is not assumed to be the chemical attack; the medical point struck hours
    # later in the town, or an attack told as following the chemical one, is another event
    ks = dict(places=["Khan Shaykhun"], coord=KHAN_SHAYKHUN, admin1="Idlib")
    gas = mention("m1", "A toxic gas attack, allegedly by Syrian warplanes, kills at least 83 and injures many more "
                        "in rebel-held Khan Shaykhun, Idlib.", "2017-04-04", kind="related", doc="ce1", **ks)
    plain = mention("m2", "Syrian warplanes struck Khan Sheikhoun on 4 April 2017, killing at least 83 people.",
                    "2017-04-04", doc="sa1", section="Initial reports", **ks)
    sarin = inherited("m6", "Sarin might be used in this attack.", "2017-04-04", "m2", doc="sa1",
                      section="Initial reports")
    hospital = mention("m3", "The second hospital attack took place on 4 April 2017 in Khan Shaykhoun.", "2017-04-04",
                       doc="sa2", **ks)
    elsewhere = mention("m4", "Syrian warplanes struck Ariha on 4 April 2017, killing at least 3 people.",
                        "2017-04-04", doc="sa3", places=["Ariha"], coord=(35.81, 36.61), admin1="Idlib")
    later = mention("m5", "At 0:04, the person recording states: \"4 April 2017 Khan Shaykoun is attacked with four "
                          "airstrikes (one after the other), after the chemical massacre", "2017-04-04", doc="sa4", **ks)
    assert action_kinds(later["text"]) == {"fighting", "after_chemical"}
    recs = [dict(r) for r in (gas, plain, hospital, elsewhere, later)]
    prepare(recs)
    assert [conflict(recs[0], r, weapon_named=True) for r in recs[1:]] == [
        None, "different_action", "different_place", "different_action"]
    assert conflict(recs[0], recs[1]) == "different_action"       # the plain report alone
    out = run(gas, plain, hospital, elsewhere)
    assert out.loc["m1", "event_id"] != out.loc["m2", "event_id"]
    assert "different_action: m2" in out.loc["m1", "cannot_link"]
    out = run(gas, plain, sarin, hospital, elsewhere)
    assert out.loc["m1", "event_id"] == out.loc["m2", "event_id"] == out.loc["m6", "event_id"] \
        != out.loc["m3", "event_id"]
    assert out.loc["m1", "match_evidence"][:4] == ["joined to m2", "same place: Khan Shaykhun", "same day",
                                                   "same numbers: 83"]
    assert "different_action: m2" in out.loc["m3", "cannot_link"]


def test_a_page_retelling_its_attack_in_a_witness_words_is_one_event():
    # an investigation page tells its hospital attack, then a witness tells it again (adding who);
    # an article telling two attacks of one day on one town by two sides tells two events
    lead = mention("m1", "The fifth hospital attack identified occurred on 22 April 2017.", "2017-04-22", doc="sa1",
                   section="Incident 5")
    witness = mention("m2", "\"On April 22, 2017, at about 2:00 pm, the Russian warplanes targeted the hospital with "
                            "two high explosive rockets: the first hit the operating room and the other targeted the "
                            "patients ward.", "2017-04-22", doc="sa1", section="Incident 5")
    witness["actors"] = ["Russia"]
    al_bab = dict(doc="wp1", section="February", places=["al-Bab"], coord=(36.37, 37.52), admin1="Aleppo")
    jets = mention("m3", "On 9 February, Russian jets bombed ISIL positions in al-Bab, killing 12 militants.",
                   "2017-02-09", **al_bab)
    guns = mention("m4", "Later that day, Turkish artillery shelled ISIL positions in al-Bab, killing 12 militants.",
                   "2017-02-09", **al_bab)
    jets["actors"], guns["actors"] = ["Russia", "ISIL"], ["Turkey", "ISIL"]
    # a capture of a hospital and its recapture the same day are two happenings, not a retelling
    taken = mention("m5", "The fighting started when rebels and Turkish forces captured the hospital area of the "
                          "town, as well as the Aqil Mountains.", "2016-12-21", doc="wp2", section="December")
    retaken = mention("m6", "However, an ISIL counterattack recaptured both the hospital and the mountains, "
                            "repelling the Turkish-led attack.", "2016-12-21", doc="wp2", section="December")
    taken["actors"], retaken["actors"] = ["Turkey"], ["ISIL", "Turkey"]
    out = run(lead, witness, jets, guns, taken, retaken)
    assert out.loc["m1", "event_id"] == out.loc["m2", "event_id"]
    assert out.loc["m1", "match_rule"] == "similarity"
    assert out.loc["m3", "event_id"] != out.loc["m4", "event_id"]
    assert out.loc["m3", "cannot_link"] == ["same_document: m4"]
    recs = [dict(r) for r in (lead, witness, jets, guns, taken, retaken)]
    prepare(recs)
    assert [_retold(recs[0], recs[1]), _retold(recs[2], recs[3]), _retold(recs[4], recs[5])] == [True, False, False]


def test_a_facility_named_after_a_gazetteer_town_is_where_it_is():
    # "one of Hamah hospitals" says where, not which: it does not differ from "the Central Hospital";
    # before a plural noun the town names the facilities of an area (a province and its capital share a
    # name), no one facility's town either (tests/test_resolution_round16.py)
    assert facility_names("On 22 April 2017 one of Hamah hospitals was attacked.") == (set(), set())
    assert facility_names("the Kafranbel hospital was attacked") == (set(), {"kafranbel"})
    assert facility_names("the Rahman hospital in Altah") == ({"rahman"}, {"altah"})
    assert facility_names("the al-Nusra Front took control of the airbase in September 2015") == (set(), set())
    out = run(
        mention("m1", "In the interview, he stated: \"On 22 April 2017 one of Hamah hospitals was attacked.",
                "2017-04-22", doc="sa1", section="Incident 5"),
        mention("m2", "The Central hospital was attacked by the air force on 22 April 2017 and is out of service.",
                "2017-04-22", doc="sa2"))
    assert not [c for c in out.loc["m1", "cannot_link"] if c.startswith("different_facility")]


def test_two_transliterations_of_one_facility_name_are_one_facility():
    # "Owdai" / "Oudai" share the gazetteer's transliteration key (o and ou are the Arabic u);
    # "Owdai" / "Salam" do not
    recs = [mention("m1", "On 29 January 2018 the Owdai hospital was targeted by an airstrike.", "2018-01-29",
                    doc="sa1"),
            mention("m2", "The Oudai hospital was bombed by Russian jets.", "2018-01-29", doc="ce1"),
            mention("m3", "The Salam hospital was bombed by Russian jets.", "2018-01-29", doc="ce2")]
    prepare(recs)
    assert [conflict(recs[0], recs[1]), conflict(recs[0], recs[2])] == [None, "different_facility"]
