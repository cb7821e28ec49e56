"""Issue 13, seventeenth round (acc13j): causes of the sixteenth pair round's tune misses, one invented
fixture document per case (tests/fixtures/), extracted as a build extracts it; the values are the
fixtures' own."""

from __future__ import annotations

from pipeline.resolve import _NOT_THE_ACTION, action_kinds, goes_on_about, is_statement
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
