"""Issue 13, twelfth round: an attack told again within one section of one document (an
investigation page's opening and a witness), and the look-alikes a section tells as one more
attack. One fixture document per case (tests/fixtures/), extracted as a build extracts it; the
values are the fixtures' own."""

from __future__ import annotations

import pipeline.resolve as resolve_module
from pipeline.resolve import _Cluster, conflict, is_statement, pair_score, retold_in_section, section_key
from tests.test_resolution_retellings import records, resolved


def test_an_incident_page_retells_its_attack_in_a_witness_words(monkeypatch):
    opening, witness = sorted(records("syrian_archive_incident_page_retells_its_attack.md"),
                              key=lambda r: not r["text"].startswith("The sixth"))
    assert opening["text"] == "The sixth hospital attack identified occurred on 25 April 2017."
    assert witness["text"].startswith("Another witness who was present during the attack on 25 April 2017 stated")
    assert (str(opening["date"].date()), str(witness["date"].date())) == ("2017-04-25", "2017-04-25")
    assert opening["_facilities"] == witness["_facilities"] == {"hospital"}
    assert retold_in_section(opening, witness) is True
    # the two share few words: with the merge threshold above their score, the section rule joins them
    assert round(pair_score(opening, witness), 2) == 0.36
    monkeypatch.setattr(resolve_module, "THRESHOLD", 0.5)
    out = resolved("syrian_archive_incident_page_retells_its_attack.md").set_index("text")
    assert out["event_id"].nunique() == 1
    joined = out.loc[out["match_rule"] != "anchor"]
    assert joined["match_rule"].tolist() == ["retold"]
    assert joined["match_evidence"].iloc[0][1] == resolve_module.RETOLD_EVIDENCE
    assert "same facility: hospital" in joined["match_evidence"].iloc[0]


def test_another_hospital_and_a_campaign_are_no_retelling(monkeypatch):
    recs = {r["text"][:41]: r for r in records("wikipedia_two_hospitals_struck_in_one_section.md")}
    first = recs["On 12 May 2016, airstrikes hit the hospit"]
    other = recs["On 12 May 2016, another hospital was stru"]
    campaign = recs["On 14 May 2016, it resumed the offensive "]
    doctors = recs["On 14 May 2016, airstrikes killed three d"]
    assert first["section"] == other["section"] == campaign["section"] == "The offensive"
    assert first["_facilities"] == other["_facilities"] == {"hospital"}
    assert retold_in_section(first, other) is False       # "another hospital"
    assert retold_in_section(campaign, doctors) is False  # "resumed the offensive": many attacks
    out = resolved("wikipedia_two_hospitals_struck_in_one_section.md").set_index("text")
    ids = out["event_id"]
    assert ids[first["text"]] != ids[other["text"]]
    assert ids[campaign["text"]] != ids[doctors["text"]]
    assert f"same_document: {first['mention_id']}" in out.loc[other["text"], "cannot_link"]


def test_the_question_sections_of_an_incident_report_are_one_section(monkeypatch):
    assert section_key("What Happened") == section_key("When did it happen?") == section_key("Who is responsible?")
    assert section_key("Background of Maarat al-Numaan") == "Background of Maarat al-Numaan"
    assert section_key("What Happened") != section_key("Previous attacks on the hospital")
    report, witness = records("syrian_archive_witness_quote_retells_the_attack.md")
    assert (report["section"], witness["section"]) == ("What Happened", "When did it happen?")
    assert retold_in_section(report, witness) is True
    # their shared words score 0.52: with the threshold above it, the facets rule joins them
    assert round(pair_score(report, witness), 2) == 0.52
    monkeypatch.setattr(resolve_module, "THRESHOLD", 0.9)
    out = resolved("syrian_archive_witness_quote_retells_the_attack.md")
    assert out["event_id"].nunique() == 1
    assert sorted(out["match_rule"]) == ["anchor", "retold"]


def test_a_chain_through_the_month_cannot_join_its_early_and_mid_parts():
    _, early, plain, mid = records("wikipedia_early_and_mid_month_joined_by_a_chain.md")
    assert (early["date_qualifier"], plain["date_qualifier"], mid["date_qualifier"]) == ("early", None, "mid")
    assert [str(d) for d in early["_qualified"]] == ["2017-06-01", "2017-06-10"]
    assert [str(d) for d in mid["_qualified"]] == ["2017-06-11", "2017-06-20"]
    # each link of the chain is compatible: a plain "In June 2017" meets both parts
    assert conflict(early, plain) is None and conflict(plain, mid) is None
    joined = _Cluster(early)
    joined.absorb(_Cluster(plain))
    assert joined.parts == {early["_qualified"]}
    assert joined.parts_apart(_Cluster(mid)) is True
    assert _Cluster(plain).parts_apart(_Cluster(mid)) is False


def test_an_accusation_after_an_airstrike_is_a_statement_not_more_of_it():
    _, strikes, accusation = records("wikipedia_accusation_after_the_airstrikes.md")
    assert accusation["text"].startswith("Fatah al-Sham accused rival opposition groups")
    assert (accusation["date_basis"], accusation["inherits_from"]) == ("inherited", strikes["mention_id"])
    # a hyphenated name in lower case ("al-Sham") before the verb of speaking, and "accused" a verb of it
    assert (strikes["_statement"], accusation["_statement"]) == (False, True)
    assert is_statement("The US blamed Russia for the attack on the aid convoy.") is True
    assert is_statement("Rebels accused of war crimes fled the town.") is False   # a participle, not speech
    out = resolved("wikipedia_accusation_after_the_airstrikes.md").set_index("mention_id")
    assert out.loc[accusation["mention_id"], "event_id"] != out.loc[strikes["mention_id"], "event_id"]
    assert out.loc[accusation["mention_id"], "match_rule"] == "anchor"


def test_two_body_sections_of_an_article_tell_two_happenings_its_lead_and_background_retell():
    import pandas as pd

    from pipeline.build import MENTION_COLUMNS, article_ids, resolved_mentions
    from tests.test_resolution_retellings import mentions_of

    rows = pd.DataFrame(mentions_of("wikipedia_one_day_in_two_body_sections.md"), columns=MENTION_COLUMNS)
    by_section = {s if isinstance(s, str) else "(lead)": t for s, t in zip(rows["section"], rows["text"])
                  if "10 March" in t}
    assert sorted(by_section) == ["(lead)", "Background", "Second standoff", "Third assault"]
    # the build knows which documents are articles from their format
    discovered = pd.DataFrame({"path": ["a.md", "b.md"], "format": ["wikipedia", "syrian_archive"]})
    parsed = pd.DataFrame({"path": ["a.md", "b.md"], "doc_id": ["d0", "d1"]})
    assert article_ids(discovered, parsed) == {"d0"}
    apart = resolved_mentions(rows, articles=article_ids(discovered, parsed)).set_index("section", drop=False)
    event = {s if isinstance(s, str) else "(lead)": e for s, e, t in zip(apart["section"], apart["event_id"], apart["text"])
             if "10 March" in t}
    assert event["Second standoff"] != event["Third assault"]
    assert event["(lead)"] == event["Background"] == event["Third assault"]
    still_on = apart.loc["Second standoff", "cannot_link"]
    assert still_on and all(c.startswith("different_section: ") for c in still_on)
    # a topic section retells what a section of the timeline tells (an overview article)
    from pipeline.resolve import _dated_heading
    assert _dated_heading("March 2016 – mid-October 2016") is True
    assert _dated_heading("Summer 2017: Breaking the siege") is True
    assert (_dated_heading("Cooperation with Iran"), _dated_heading("Second standoff")) == (False, False)
    # not known as an article (no formats given): the same words merge all four
    together = resolved_mentions(rows)
    assert together.loc[together["text"].str.contains("10 March"), "event_id"].nunique() == 1
