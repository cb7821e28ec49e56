"""Issue 13, seventeenth round (acc13j): causes of the sixteenth pair round's tune misses, one invented
fixture document per case (tests/fixtures/), extracted as a build extracts it; the values are the
fixtures' own."""

from __future__ import annotations

from pipeline.places import match_unlisted
from pipeline.resolve import _NOT_THE_ACTION, action_kinds, conflict, goes_on_about, is_statement
from tests.conftest import fixture_records as records
from tests.conftest import fixture_resolved as resolved


def test_a_helper_named_before_the_main_verb_leaves_the_verb_its_action():
    # "militia fighters backed by Turkish drones launched an assault on 4 May 2021": with no comma
    # after the helper, "backed by ..." ends before the main verb, so the sentence tells an attack
    # and "Six militiamen and three SDF fighters were killed during the assault." is its toll
    attack, toll = records("wikipedia_helper_named_before_the_main_verb.md")
    assert str(attack["date"].date()) == str(toll["date"].date()) == "2021-05-04"
    assert attack["location"] == "Tal Sirin" and attack["actors"] == ["Turkey"]
    assert attack["_kinds"] == {"fighting"} and toll["inherits_from"] == attack["mention_id"]
    assert goes_on_about(attack, toll)
    out = resolved("wikipedia_helper_named_before_the_main_verb.md").set_index("text")
    assert out["event_id"].nunique() == 1
    assert out.loc[toll["text"], "match_rule"] == "inherited_date"
    # the helper still is no action of the statement, and it ends where the clause does
    assert _NOT_THE_ACTION.sub("|", "Government troops supported by Russian air strikes captured the town.") \
        == "Government troops | captured the town."
    assert action_kinds("Government troops supported by Russian air strikes captured the town.") == {"capture"}
    assert action_kinds("Rebels recaptured the village after an offensive supported by Russian airstrikes.") == {"capture"}
    # a headline's present tense ends it too; a hyphenated "US-led" does not
    assert action_kinds("Government forces backed by Russian warplanes capture the town of Qaryatayn.") == {"capture"}
    assert _NOT_THE_ACTION.sub("|", "Kurdish fighters backed by the US-led coalition entered the city.") \
        == "Kurdish fighters | entered the city."


def test_war_declared_is_an_act_not_speech():
    # "Ahrar al-Sham declared war on Tahrir al-Sham as a result, and the clashes left at least 40
    # fighters dead": a declaration of war is an act of the clashes told before, not a statement about
    # them; "declared that ..." stays speech
    clashes, war = records("wikipedia_war_declared_in_clashes.md")
    assert str(clashes["date"].date()) == str(war["date"].date()) == "2018-03-02"
    assert war["inherits_from"] == clashes["mention_id"]
    assert not war["_statement"] and not is_statement(war["text"])
    assert is_statement("The rebel commander declared that the war with Tahrir al-Sham was over.")
    assert not is_statement("The council declared a ceasefire in the town.")
    assert goes_on_about(clashes, war)
    out = resolved("wikipedia_war_declared_in_clashes.md").set_index("text")
    assert out["event_id"].nunique() == 1
    assert out.loc[war["text"], "match_rule"] == "inherited_date"


def test_a_place_spelled_with_ein_is_a_place_the_gazetteer_lacks():
    # "reported a chemical attack on 6 September 2016 in Ein Mahrouqa and/or Zamlaka": Ein writes the
    # same Arabic word as Ain ("spring"), which begins place names; the attack is placed there, and it is
    # no chemical attack of that day in the Sukkari district of Aleppo
    assert [(p.name, p.kind, p.weak) for p in match_unlisted("a chemical attack on 6 September 2016 in Ein Mahrouqa")] \
        == [("Ein Mahrouqa", "settlement", True)]
    assert [p.name for p in match_unlisted("a chemical attack on 6 September 2016 in Ain Mahrouqa")] == ["Ain Mahrouqa"]
    archive, article = records("syrian_archive_chemical_attack_in_ein.md", "wikipedia_chemical_attacks_in_aleppo_same_day.md")
    assert str(archive["date"].date()) == str(article["date"].date()) == "2016-09-06"
    assert (archive["location"], archive["geo_basis"]) == ("Ein Mahrouqa", "unlisted")
    assert archive["_fine_places"] == {"ein mahrouqa"} and article["_fine_places"] == {"sukkari"}
    assert archive["_kinds"] == article["_kinds"] == {"chemical"}
    assert conflict(archive, article) == "different_place"
    out = resolved("syrian_archive_chemical_attack_in_ein.md", "wikipedia_chemical_attacks_in_aleppo_same_day.md")
    assert out["event_id"].nunique() == 2
    assert sorted(c.split(":")[0] for cl in out["cannot_link"] for c in cl) == ["different_place", "different_place"]
