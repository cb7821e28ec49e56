"""Issue 13, acc13g round: how one document retells its own happening (a monitor's account, the
doers located by the next sentence, an incident page's header card, numbered incidents and the strikes
of one attack, the start of an article's subject in its lead and body), and what a report finds about
an attack. One fixture document per case (tests/fixtures/), extracted as a build extracts it;
the values are the fixtures' own."""

from __future__ import annotations

from pipeline.resolve import (
    _HEADER_BLOCK,
    _ONE_MORE_ATTACK,
    _ordinals_differ,
    action_kinds,
    goes_on_about,
    is_statement,
    ordinals,
    reporters,
)
from tests.test_resolution_retellings import records, resolved

MONITOR = "wikipedia_a_monitor_retells_the_attack.md"
PATROL = "wikipedia_the_doers_located_after_an_unplaced_patrol.md"
CARD = "syrian_archive_numbered_attack_header_card_and_two_strikes.md"


def test_a_monitor_telling_the_attack_in_reported_speech_retells_it():
    recs = {r["text"][:8]: r for r in records(MONITOR)}
    attack, monitor, position = recs["9 Februa"], recs["SOHR sai"], recs["The SDF "]
    assert attack["text"].startswith("9 February – ISIL militants attacked SDF fighters near the al-Omar oilfield")
    assert monitor["text"].startswith("SOHR said 12 Islamic State fighters attacked the SDF")
    assert [str(r["date"].date()) for r in (attack, monitor, position)] == ["2019-02-09"] * 3
    assert monitor["inherits_from"] == attack["mention_id"]
    # a happening that is over, told by a monitor: no statement, and the monitor is no party of it
    assert is_statement(monitor["text"]) is False
    assert reporters(monitor["text"]) == {"SOHR"}
    assert set(monitor["actors"]) - set(attack["actors"]) == {"SOHR"}
    assert goes_on_about(attack, monitor) is True
    # a position taken stays a statement ("said they only accepted the ceasefire"), as do a
    # negation, a pledge or the present tense
    assert is_statement(position["text"]) is True
    assert is_statement("Lavrov said Russia has not targeted civilians.") is True
    assert is_statement("The Turkish President announced that the joint patrols would begin on 1 November.") is True
    assert is_statement("Obama said that Turkey has a right to defend its airspace.") is True
    assert is_statement("A correspondent said that the claims of the number of soldiers killed were exaggerated.") is True
    assert is_statement("The ministry announced the death of a Turkish soldier by an explosion.") is False
    out = resolved(MONITOR).set_index("mention_id")
    assert out.loc[monitor["mention_id"], "event_id"] == out.loc[attack["mention_id"], "event_id"]
    assert out.loc[monitor["mention_id"], "match_rule"] == "inherited_date"
    assert out.loc[position["mention_id"], "event_id"] != out.loc[attack["mention_id"], "event_id"]


def test_the_sentence_after_an_unplaced_patrol_locates_it_with_the_same_doers():
    patrol, route = records(PATROL)
    assert patrol["text"] == "On 5 November 2019, the second round of joint Russian-Turkish ground patrols were held."
    assert str(patrol["date"].date()) == str(route["date"].date()) == "2019-11-05"
    assert patrol["_places"]["place"] == frozenset()
    assert route["_places"]["place"] == {"‘Ayn al ‘Arab", "Tall Abyaḑ"}
    assert set(route["actors"]) == set(patrol["actors"]) == {"Russia", "Turkey"}
    assert route["_kinds"] == frozenset()
    assert goes_on_about(patrol, route) is True
    # a sentence naming no doer tells of the place, not where the source happened
    assert goes_on_about(patrol, {**route, "actors": []}) is False
    out = resolved(PATROL)
    assert out["event_id"].nunique() == 1
    assert sorted(out["match_rule"]) == ["anchor", "inherited_date"]


def test_an_incident_page_its_card_its_number_and_its_two_strikes_are_one_attack():
    recs = {r["text"][:24]: r for r in records(CARD)}
    card = recs["Location: IDLIB : Shanan"]
    numbered = recs["The fourth attack identi"]
    first, second = recs["The first airstrike hit "], recs["After a bit, the second "]
    assert {str(r["date"].date()) for r in recs.values()} == {"2017-04-17"}
    # the card names the incident by place, facility and day
    assert _HEADER_BLOCK.match(card["text"]) and card["_kinds"] == frozenset() and card["_facilities"] == {"hospital"}
    # the report's number of the attack, and the strikes counted within it, announce no other attack
    assert _ONE_MORE_ATTACK.search(numbered["text"]) is None
    assert _ONE_MORE_ATTACK.search(second["text"]) is None
    assert _ONE_MORE_ATTACK.search("The second attack that included four airstrikes") is not None
    assert _ONE_MORE_ATTACK.search("The third hospital attack took place on 7 April 2017") is None
    assert (ordinals(numbered["text"]), ordinals(first["text"]), ordinals(second["text"])) == \
        ({"4 attack"}, {"1 strike"}, {"2 strike"})
    assert _ordinals_differ(ordinals(first["text"]), ordinals(second["text"])) is False
    assert _ordinals_differ({"7 attack"}, {"8 incident"}) is True
    out = resolved(CARD)
    assert len(out) == 5 and out["event_id"].nunique() == 1


def test_detainees_are_people_not_an_arrest():
    assert action_kinds("About 200 ISIL detainees revolted and attempted to escape from Derik prison.") == frozenset()
    assert action_kinds("U.S. special forces detained two ISIL commanders.") == {"arrest"}


LEAD_AND_BODY = "wikipedia_lead_and_body_tell_the_start_of_the_offensive.md"


def test_the_lead_and_the_body_tell_the_start_of_the_offensive_once():
    import pandas as pd

    from pipeline.build import MENTION_COLUMNS
    from pipeline.resolve import resolve, same_phase_of_the_subject, subject_phase
    from tests.test_resolution_retellings import mentions_of

    recs = {r["text"][:12]: r for r in records(LEAD_AND_BODY)}
    lead, body, capture = recs["The 2016 Ale"], recs["The offensiv"], recs["On 28 June, "]
    assert (str(lead["date"].date()), lead["date_precision"], lead["date_qualifier"]) == ("2016-06-01", "month", "late")
    assert (str(body["date"].date()), body["section"]) == ("2016-06-25", "Army advances")
    assert subject_phase(lead["text"], lead["section"]) == subject_phase(body["text"], body["section"]) == "start"
    assert subject_phase(capture["text"], capture["section"]) is None
    assert subject_phase("ISIL began the offensive on 14 January 2017.", "Offensive") == "start"
    assert subject_phase("It concluded on 17 October 2017, with the SDF fully capturing the city.", None) == "end"
    # "It" and a name tell the subject only in the lead; in the body a modifier names another offensive
    assert subject_phase("It concluded on 17 October 2017.", "Aftermath") is None
    assert subject_phase("The Turkish offensive began on 9 October.", "Background") is None
    assert same_phase_of_the_subject(lead, body) is True
    import datetime as dt
    july = (dt.date(2016, 7, 5), dt.date(2016, 7, 5))
    assert same_phase_of_the_subject(lead, {**body, "_period": july, "_start": july[0]}) is False   # not in June
    assert same_phase_of_the_subject(lead, {**body, "section": None}) is False      # both in the lead
    out = resolve(pd.DataFrame(mentions_of(LEAD_AND_BODY), columns=MENTION_COLUMNS),
                  articles=frozenset({"d0"})).set_index("mention_id")
    assert out.loc[lead["mention_id"], "event_id"] == out.loc[body["mention_id"], "event_id"]
    assert out.loc[capture["mention_id"], "event_id"] != out.loc[body["mention_id"], "event_id"]
    joined = lead["mention_id"] if out.loc[lead["mention_id"], "match_rule"] == "retold" else body["mention_id"]
    assert out.loc[joined, "match_rule"] == "retold"
    assert "the start (or the end) of the article's subject, told in its lead and again in its body" in \
        out.loc[joined, "match_evidence"]
    # not an article (no articles given): no such merge
    alone = resolve(pd.DataFrame(mentions_of(LEAD_AND_BODY), columns=MENTION_COLUMNS)).set_index("mention_id")
    assert alone.loc[lead["mention_id"], "event_id"] != alone.loc[body["mention_id"], "event_id"]


REPORT = "syrian_archive_the_report_finds_an_attack_on_a_day.md"
STRUCK = "current_events_hospital_struck_on_the_day_a_report_finds.md"


def test_what_a_report_finds_about_attacks_of_a_day_is_not_one_of_them():
    from pipeline.resolve import conflict, is_finding

    report, struck = records(REPORT, STRUCK)
    assert report["text"] == ("Moreover, the report finds that attacks on 25 March 2017 appear to have targeted a "
                              "medical facility.")
    assert str(report["date"].date()) == str(struck["date"].date()) == "2017-03-25"
    assert report["_facilities"] == struck["_facilities"] == {"hospital"}
    assert is_finding(report["text"]) is True and is_finding(struck["text"]) is False
    assert is_finding("the report strongly suggests that targets located in or near the town sustained attacks") is True
    assert is_finding("The report stated that the hospital was hit.") is False
    assert conflict(report, struck) == conflict(struck, report) == "report_about"
    out = resolved(REPORT, STRUCK)
    assert out["event_id"].nunique() == 2


BY_LATE_JULY = "wikipedia_by_late_month_a_state_reached.md"


def test_a_state_reached_by_late_month_may_have_come_about_earlier_in_it():
    import datetime as dt

    from pipeline.resolve import _qualified_apart, qualified_period

    state, cut = sorted(records(BY_LATE_JULY), key=lambda r: r["date_precision"] == "day")
    assert (str(state["date"].date()), state["date_precision"], state["date_qualifier"]) == ("2016-07-01", "month", "late")
    assert str(cut["date"].date()) == "2016-07-17"
    # "By late July": at or before late July, so the 17th is compatible
    assert qualified_period(state) == (dt.date(2016, 7, 1), dt.date(2016, 7, 31))
    assert _qualified_apart(state, cut) is False
    # "In late July" is the part itself: the 17th lies outside it
    in_late = {**state, "text": state["text"].replace("By late July", "In late July")}
    assert qualified_period(in_late) == (dt.date(2016, 7, 21), dt.date(2016, 7, 31))
    assert _qualified_apart({**in_late, "_qualified": qualified_period(in_late)}, cut) is True


QUOTE = "syrian_archive_relative_clause_introduces_the_witness_quote.md"


def test_a_relative_clause_that_introduces_a_quote_leaves_the_quote_its_action():
    page, witness = sorted(records(QUOTE), key=lambda r: r["text"].startswith("Al Shami"))
    assert witness["text"].startswith("Al Shami conducted an interview with one of the hospital workers, who stated")
    assert str(page["date"].date()) == str(witness["date"].date()) == "2017-09-19"
    # ", who stated in the video:" is no background clause swallowing the quote
    assert witness["_kinds"] == page["_kinds"] == {"fighting"}
    assert action_kinds("Rebels captured Kafr Nabl, which had been shelled by the army") == {"capture"}
    assert (witness["_facility_names"], page["_facility_names"]) == (({"rahmeh"}, {"khan shaykhoun"}),
                                                                      ({"rameh"}, {"khan shaykhoun"}))
    out = resolved(QUOTE)
    assert out["event_id"].nunique() == 1


TALLY = "wikipedia_a_tally_of_strikes_reported_by_the_doer.md"


def test_a_tally_of_strikes_told_by_the_doer_is_many_raids_not_one_of_them():
    from pipeline.resolve import conflict

    strike, tally = sorted(records(TALLY), key=lambda r: r["date_precision"] == "month")
    assert (str(strike["date"].date()), strike["date_precision"]) == ("2018-09-17", "day")
    assert (str(tally["date"].date()), tally["date_precision"]) == ("2018-09-01", "month")
    # the doer telling its own strikes reports them (no statement), and "over 200 airstrikes" is a tally
    assert tally["_statement"] is False and tally["_aggregate"] is True and strike["_aggregate"] is False
    assert conflict(strike, tally) == "different_scope"
    assert resolved(TALLY)["event_id"].nunique() == 2


US_DATE = "syrian_archive_us_date_at_the_end_of_the_sentence.md"


def test_the_comma_of_a_us_date_does_not_end_an_opening_phrase():
    [when] = records(US_DATE)
    assert when["text"] == "The alleged airstrike took place on March 16, 2017."
    assert (str(when["date"].date()), when["date_precision"]) == ("2017-03-16", "day")
    # the sentence is no opening date phrase: its airstrike is its action
    assert when["_kinds"] == {"fighting"}
    assert action_kinds("On March 16, 2017, the army captured the town.") == {"capture"}
    assert action_kinds("On 18 June, a Syrian Su-22 was shot down.") == {"aircraft_lost"}
