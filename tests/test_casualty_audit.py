"""Casualty figures as stated (issue 9, item 4): the general misses that
``benchmarks/audit_figures.py`` found in documents nobody labelled as held out, one invented
sentence per rule, with the values a reader takes from it."""

from __future__ import annotations

from pipeline.casualties import extract_figures


def rows(sentence: str) -> list[tuple]:
    return [(f.number_text, f.count_low, f.count_high, f.outcome, f.victim_group, f.scope)
            for f in extract_figures(sentence)]


def periods(sentence: str) -> list[tuple]:
    return [(f.number_text, f.scope, f.period_start, f.period_end) for f in extract_figures(sentence)]


# --- how badly: a degree adverb between the auxiliary and the casualty word --------------------

def test_degree_adverb_before_wounded():
    assert rows("One guard was seriously wounded.") == [("One", 1, 1, "injured", "soldiers", "incident")]


def test_degree_adverb_after_also():
    assert rows("Four farmers were also lightly injured in the shelling.") == [
        ("Four", 4, 4, "injured", "civilians", "incident")]


def test_known_to_have_died():
    assert rows("At least 40 detainees are known to have died in the prison.") == [
        ("At least 40", 40, None, "killed", "people", "incident")]


# --- injuries suffered or sustained, and the dying ----------------------------------------------

def test_sustained_injuries_are_injured():
    assert rows("Two more soldiers sustained light-to-moderate injuries.") == [
        ("Two", 2, 2, "injured", "soldiers", "incident")]


def test_suffered_wounds_and_later_died_is_killed():
    assert rows("One student suffered shrapnel wounds and later died in hospital.") == [
        ("One", 1, 1, "killed", "civilians", "incident")]


def test_fighters_dying_after_resulted_in():
    assert rows("The assault resulted in 9 fighters dying.") == [("9", 9, 9, "killed", "militants", "incident")]


def test_among_those_killed():
    assert rows("At least five rebels were among those killed in the blast.") == [
        ("At least five", 5, None, "killed", "militants", "incident")]


# --- a lone "one" after an active casualty verb --------------------------------------------------

def test_killing_one_at_the_end_of_its_clause():
    assert rows("Guards fired at three smugglers near the fence, killing one.") == [
        ("one", 1, 1, "killed", "people", "incident")]


def test_injuring_one_before_and():
    assert rows("The patrol opened fire on the car, injuring one and arresting two.") == [
        ("one", 1, 1, "injured", "people", "incident")]


def test_killing_one_another_is_no_count():
    assert rows("The two factions went on killing one another for weeks.") == []


# --- the victims' words --------------------------------------------------------------------------

def test_quoted_person_noun_reads_as_unquoted():
    assert rows('The army said it killed 12 "terrorists" near the town.') == [
        ("12", 12, 12, "killed", "militants", "incident")]


def test_shot_dead_as_an_active_verb():
    assert rows("Security forces shot dead three protesters in the square.") == [
        ("three", 3, 3, "killed", "civilians", "incident")]


def test_injuries_to_a_count():
    assert rows("State media reported injuries to four soldiers.") == [("four", 4, 4, "injured", "soldiers", "incident")]


def test_a_peacekeeper_is_a_soldier():
    assert rows("A Fijian peacekeeper was killed by the shell.") == [("A", 1, 1, "killed", "soldiers", "incident")]


def test_a_national_is_one_person():
    assert rows("At least one Dutch national died in the fighting.") == [
        ("At least one", 1, None, "killed", "people", "incident")]


# --- totals over a stretch of time ---------------------------------------------------------------

def test_between_two_days_with_years_is_a_total_with_both_ends():
    assert periods("The monitor counted 5,120 civilians killed between 1 May 2012 and 30 June 2014.") == [
        ("5,120", "cumulative", "2012-05-01", "2014-06-30")]


def test_days_of_fighting_over_a_month_are_a_total():
    assert rows("Some 400 days of fighting for the town left 2,300 civilians dead.") == [
        ("2,300", 2300, 2300, "killed", "civilians", "cumulative")]


def test_three_days_of_fighting_stay_an_incident():
    assert rows("Three days of fighting left 50 fighters dead.") == [("50", 50, 50, "killed", "militants", "incident")]


def test_the_war_resulted_in_deaths_is_a_total():
    assert rows("The war has resulted in more than 300,000 deaths.") == [
        ("more than 300,000", 300000, None, "killed", "people", "cumulative")]


# --- round two of the audit ----------------------------------------------------------------------

def test_an_ordinal_in_the_victims_complement_is_no_other_count():
    assert rows("Six members of the 44th Brigade were killed in the blast.") == [
        ("Six", 6, 6, "killed", "people", "incident")]


def test_among_those_killed_fronted_part():
    assert rows("Among those killed, three were doctors.") == [("three", 3, 3, "killed", "civilians", "incident")]


def test_an_estimate_of_deaths_was_a_count():
    assert rows("The ministry's own estimate of civilian deaths was 230.") == [
        ("230", 230, 230, "killed", "civilians", "incident")]


def test_estimates_of_those_killed_ranged_from():
    assert rows("Estimates of those killed in the raid ranged from 40 to 75.") == [
        ("40 to 75", 40, 75, "killed", "people", "incident")]


def test_death_toll_to_be():
    assert rows("Medics estimated the death toll to be 62.") == [("62", 62, 62, "killed", "people", "incident")]


def test_death_toll_included_a_part():
    assert rows("The monitor said the death toll included four women.") == [
        ("four", 4, 4, "killed", "women", "incident")]


def test_killing_and_maiming_is_casualties():
    assert rows("The shelling hit the market, killing and maiming dozens of shoppers.") == [
        ("dozens", None, None, "casualties", "civilians", "incident")]


def test_maimed_alone_is_injured():
    assert rows("The mine maimed 3 shepherds.") == [("3", 3, 3, "injured", "civilians", "incident")]


def test_burnt_to_death_is_killed():
    assert rows("Seven villagers were burnt to death in their homes.") == [
        ("Seven", 7, 7, "killed", "civilians", "incident")]


def test_bare_count_after_a_comma_shares_the_victims():
    assert rows("– 8 soldiers killed, 5 wounded") == [
        ("8", 8, 8, "killed", "soldiers", "incident"), ("5", 5, 5, "injured", "soldiers", "incident")]


def test_a_named_victim_and_others():
    assert rows("The drone strike killed Abu Omar al-Halabi, a senior commander, and four others.") == [
        ("four", 4, 4, "killed", "people", "incident")]


def test_a_named_victim_and_other_fighters():
    assert rows("The raid killed Khaled Nasser and 11 other militants near the border.") == [
        ("11", 11, 11, "killed", "militants", "incident")]


def test_a_quoted_count_and_noun_before_the_passive():
    assert rows('The command said that "several terrorists" were killed.') == [
        ("several", None, None, "killed", "militants", "incident")]


def test_national_in_a_name_is_no_person_noun():
    assert rows("Rebels killed 4 Syrian National Army fighters.") == [("4", 4, 4, "killed", "soldiers", "incident")]


def test_national_before_a_person_noun_is_a_modifier():
    assert rows("A foreign national doctor was lightly wounded.") == [("A", 1, 1, "injured", "civilians", "incident")]


# --- round three: totals ------------------------------------------------------------------------

def test_a_count_of_tens_of_thousands_is_a_total():
    assert rows("Officials said that over 15,000 militants had been killed by the airstrikes.") == [
        ("over 15,000", 15000, None, "killed", "militants", "cumulative")]


def test_a_count_under_ten_thousand_stays_an_incident():
    assert rows("The airstrikes killed 9,000 militants.") == [("9,000", 9000, 9000, "killed", "militants", "incident")]


def test_since_the_launch_of_a_phase_is_a_total():
    assert rows("Since the launch of the second phase, they had killed 140 fighters.") == [
        ("140", 140, 140, "killed", "militants", "cumulative")]


def test_throughout_a_year_is_a_total_over_it():
    assert periods("The coalition said it had killed about 300 fighters throughout 2017.") == [
        ("about 300", "cumulative", "2017-01-01", "2017-01-01")]


def test_throughout_two_days_stays_an_incident():
    assert rows("Throughout 3 and 4 May, shelling killed 12 civilians.") == [
        ("12", 12, 12, "killed", "civilians", "incident")]


# --- witness statements (the wording of translated testimony) ------------------------------------

def test_the_martyrdom_of_a_count_is_killed():
    assert rows("The strike resulted in the martyrdom of 4 civilians.") == [
        ("4", 4, 4, "killed", "civilians", "incident")]


def test_suffocated_to_death_is_killed():
    assert rows("The doctor said 17 people suffocated to death.") == [("17", 17, 17, "killed", "people", "incident")]


def test_members_of_the_civil_defence_are_civilians():
    assert rows("Three members of the Civil Defence were injured.") == [
        ("Three", 3, 3, "injured", "civilians", "incident")]


# --- common forms of articles --------------------------------------------------------------------

def test_killing_himself_and_others():
    assert rows("The bomber blew himself up at the gate, killing himself and 6 others.") == [
        ("6", 6, 6, "killed", "people", "incident")]


def test_along_with_his_sons():
    # (the definite singular person is one victim of their own)
    assert rows("The commander was killed along with his three sons.") == [
        ("The commander", 1, 1, "killed", "soldiers", "incident"), ("three", 3, 3, "killed", "people", "incident")]


def test_a_tally_names_its_victims():
    assert rows("The number of rebels killed in the clashes reached 85.") == [
        ("85", 85, 85, "killed", "militants", "incident")]


def test_a_fraction_of_a_count_is_no_count_of_victims():
    assert rows("A third of 90,000 conscripts have been killed in the war.") == []


def test_half_of_the_dead_keeps_the_whole_count():
    assert rows("Half of the 40 people killed were children.") == [("40", 40, 40, "killed", "people", "incident")]


# --- other verbs of killing ----------------------------------------------------------------------

def test_beheaded_active():
    assert rows("The militants beheaded 9 prisoners.") == [("9", 9, 9, "killed", "people", "incident")]


def test_beheaded_passive():
    assert rows("Eleven soldiers were beheaded.") == [("Eleven", 11, 11, "killed", "soldiers", "incident")]


def test_gunned_down():
    assert rows("Four farmers were gunned down at the checkpoint.") == [
        ("Four", 4, 4, "killed", "civilians", "incident")]


def test_slaughtered_active():
    assert rows("The gunmen slaughtered 26 villagers.") == [("26", 26, 26, "killed", "civilians", "incident")]


def test_burned_to_death_passive():
    assert rows("Five children were burned to death.") == [("Five", 5, 5, "killed", "children", "incident")]


def test_animals_are_no_victims():
    assert rows("Residents said 40 sheep were killed by the shelling.") == []


def test_over_a_month_long_period_is_a_total():
    assert rows("The group beheaded five hostages over a one-month period.") == [
        ("five", 5, 5, "killed", "people", "cumulative")]


def test_over_a_three_day_period_stays_an_incident():
    assert rows("Shelling killed 14 civilians over a three-day period.") == [
        ("14", 14, 14, "killed", "civilians", "incident")]


def test_a_count_of_bombings_is_no_count_of_victims():
    assert rows("The two bombings killed 10 people.") == [("10", 10, 10, "killed", "people", "incident")]


def test_a_count_of_explosions_is_no_count_of_victims():
    assert rows("Three explosions killed 6 soldiers.") == [("6", 6, 6, "killed", "soldiers", "incident")]


# --- both, and a month alone ---------------------------------------------------------------------

def test_both_pilots_were_killed_is_two():
    assert rows("Both pilots were killed when the jet crashed.") == [("Both", 2, 2, "killed", "soldiers", "incident")]


def test_killing_both_is_two():
    assert rows("The rocket hit the car, killing both journalists.") == [
        ("both", 2, 2, "killed", "civilians", "incident")]


def test_both_sides_is_no_count():
    assert rows("Both sides suffered casualties.") == []


def test_both_parses_as_two():
    from pipeline.casualties import parse_count
    assert parse_count("both") == (2, 2, "exact")


def test_a_month_alone_is_a_total():
    assert rows("Airstrikes killed at least 900 civilians in March alone.") == [
        ("at least 900", 900, None, "killed", "civilians", "cumulative")]


def test_a_quoted_casualty_noun_before_of():
    assert rows('The files show the "summary killing" of 37 detainees.') == [
        ("37", 37, 37, "killed", "people", "incident")]
