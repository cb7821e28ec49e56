"""Casualty figures stated in one sentence, as structured rows.

Plain functions, standard library only (``re``, ``dataclasses``, ``datetime``), no Dagster. All
regular expressions are compiled at import time; a cheap keyword pre-filter returns ``[]`` for
the (vast majority of) sentences that hold no casualty word, so the extractor can run over
millions of sentences.

Public interface::

    Figure                      frozen dataclass, one row per stated count
    extract_figures(sentence)   -> list[Figure]   (in order of appearance)
    parse_count(text)           -> (low, high, qualifier) | None

What counts as a casualty figure
--------------------------------
A number is a casualty figure only when it is tied, in the same clause, to a casualty word:

* an active verb or noun right before it: "killed 18 militants", "killing at least 34 Turkish
  regular troops", "wounded 13 others", "the death of more than 600 militants", "the killing of
  eight policemen", "eliminated several thousand terrorists";
* a casualty noun as its head: "175 deaths", "2,730-3,866 civilian deaths", "More than 40
  civilian casualties", "250,000 dead";
* a passive/intransitive casualty word after its noun phrase: "At least 75 Syrian Army soldiers
  and pro-Assad militiamen are killed", "nearly 60 people dead", "two Russian pilots confirmed
  dead", "a Russian major general was killed", "three soldiers were among the dead" (an ", including
  ... ," aside may stand in between: "At least 20 people, including 8 children, were killed");
* or it continues a list opened by such a figure: "killed 1,000 civilians, including 200
  children", "... along with 4,258 ISIL fighters and 3,893 militants".

A number whose noun is not a person (strikes, sorties, flights, aircraft, convoys, missiles,
targets, incidents, events, bombings, explosions, massacres, days, percent, dollars, animals ...), a year (a bare 1900-2099 written without
a thousands separator is always read as a year), a date ("November 13", but not in "On 27
February 33 Turkish soldiers were killed", where the month already has its day), an age,
a money amount ($294 million), a percentage (34%), a model name (Su-24, S-400), or a number
inside a URL / markdown link target is never a figure. "carrying 92 people", "15 servicemen on
board", "19 hostages alive", "48,000 Russian armed forces members had gained combat experience"
hold no casualty word in their clause and yield nothing. Active casualty verbs are never taken
as the predicate of a number *before* them ("two Su-34s conducted an airstrike ... killing at
least 34 ..." yields 34, not 2).

Decisions
---------
* **Outcome**: killed / dead / deaths / died / die(s) / death toll / fatalities / lost their lives /
  murdered / massacred / executed / slain / eliminated, destroyed or neutralised (these three only
  when the noun is a person) -> ``"killed"``; wounded / injured / injuries / hurt ->
  ``"injured"``; casualties -> ``"casualties"``. "was injured ... and later died" -> killed.
* **Counts and qualifiers** (``count_low``, ``count_high``, ``qualifier``):

  ========================================  ==============  ============
  text                                       low / high      qualifier
  ========================================  ==============  ============
  "18", "three", "a (soldier)", "one"        18 / 18         exact
  "about / around / some / approximately /   60 / 60         about
  roughly / an estimated 60", "a dozen",
  "half a dozen" (6), "a hundred" (100)
  (a qualifier before them counts: "over a
  dozen" 12 / None)
  "nearly / almost / close to 60"            None / 60       nearly
  "at least / no fewer than 18", "18+"       18 / None       at_least
  "more than / over / in excess of 600"      600 / None      more_than
  "up to / as many as / at most / fewer      None / 42       up_to
  than 42"
  "2,730–3,866", "4,308-6,386", "between     2730 / 3866     range
  1,099 and 1,745", "between three and
  nine", "5 to 10"
  "dozens", "scores", "hundreds",            None / None     vague
  "thousands", "several thousand", "tens
  of", "tens of thousands", "many",
  "multiple", "numerous", "heavy
  (casualties)"
  ========================================  ==============  ============

  A bare "estimated" ("Airwars estimated 4,308-6,386") is a verb, not a qualifier.
  ``more_than`` keeps the stated number as the (exclusive) lower bound. In "between four and six
  thousand" the trailing multiplier applies to both ends (4000-6000). A qualifier in front of a
  range ("about 5-10") is ignored: the row is a ``range``.
* **Numbers that cannot be true** are not figures: number words are read by English grammar or
  refused ("nine hundred billion billion billion" is no number, not 902,000,000,000), and a count
  with a bound above ``pipeline.limits.MAX_PLAUSIBLE_COUNT`` (22 million, Syria's pre-war
  population) is dropped, its document kept.
* **Vague amounts** are kept as rows with ``count_low = count_high = None`` and qualifier
  ``"vague"`` so that "heavy casualties among ... the Wagner Group" is not lost; consumers that
  need numbers filter on ``count_low``/``count_high``. A casualty word without any amount word
  ("civilian casualties", "the killings") yields nothing.
* **One-word counts**: "a"/"an"/"one" count as 1 only before a singular person noun followed
  (or preceded) by a casualty word: "a Russian major general was killed", "one pilot killed",
  "A Russian military adviser died", "an incident in which one person was reported wounded".
  A definite singular person with a casualty word after it is one person too: "the pilot was
  killed" gives 1 with ``number_text`` "the pilot" (``parse_count("the pilot")`` is
  ``(1, 1, "exact")``), and so does an active casualty verb right before it ("also killing its
  pilot"); "no one", "which one" yield nothing. The numeral "one" (not the article) before a
  singular casualty noun is one victim: "resulted in one casualty", "one death", "one injury";
  so is the numeral alone coordinated right after a figure with a casualty word of its own
  ("five fighters were wounded and one was killed": one more of the same victims).
* **Two outcomes at once**: "killed or wounded 14", "14 guards were either killed or wounded",
  "scores of civilians have been killed and injured", "dozens of deaths and injuries" count the
  dead and the wounded together: outcome ``"casualties"``. Conversely, a count of "casualties"
  set against a separate count of injured in the same sentence ("8 casualties and more than 10
  injured", "Reported casualties: 10\\ Reported injured: 10") counts the dead: ``"killed"``.
* **Another fate**: "three generals were killed or captured", "killed or went missing" do not
  say how many died: no figure. "..., while 33 were wounded" and "another 23 killed" count the
  victims of the figure before them; "the pilot and his co-pilot were killed" is one victim each;
  "casualties rising to at least 68" is a figure; a count in a relative clause of one attack
  ("Balyun airstrikes that killed at least 34") is that incident's (``scope`` incident).
* **Header fields**: "Reported casualties: 10", "Killed: 3", "Injured: 10" (a casualty word, a
  colon and a count that ends the field, or a count and a person noun that end it: "Reported
  casualties: 5 medical workers") are figures of the victims of the page's incident; the field
  decides what its count is, whatever the general rules read there; the field's word may follow
  its count again ("Reported killed: One killed (name)"), and a count's own word decides a field
  of victims or casualties ("Victims: 4 killed"); a field may hold a vague count ("Reported
  injured: dozens") or a count and its breakdown ("9 including 3 medical staff"); the "\\" that
  closes a field closes a clause. A casualties field beside
  an injured field (whatever its value, "not available" included) counts the dead.
* **Beside a named victim**: "X was killed in a drone strike along with 5 others" counts the 5
  (killed); a passive casualty word after coordinated participles counts too ("three fighters
  were targeted and killed").
* **Tallies**: "put the number of killed in the city at 168" is a figure (the tally's casualty
  word gives its outcome, a person noun inside it the victims); a count a sentence brings a total
  of victims to ("bring the total number of executed soldiers in the airbase to 71", "raising
  the total number of civilians killed to 300") is ``cumulative`` whatever the sentence's other
  figures are. "between 150 and up to 280" is a range; "70 Syrian Army and 40 ISIL fighters" are
  soldiers (an army is a side-neutral noun); "nine of them children" are children.
* **Lists to one casualty word**: "61 rebels, 47 ISIL fighters and 29 civilians had been killed"
  gives each count the list's casualty word; in "five victims and ten wounded", "We had five
  victims and a number of wounded" the casualty word after the second count is that count's own,
  and "victims" with no casualty word of their own are ``casualties`` (set against a count of
  injured: killed). ", one of them a German volunteer," is an aside like ", including ...,".
  "heavy casualties on the rebels" takes the rebels' group; a side-neutral noun takes the group
  of its complement ("five members of the crew" are soldiers); "two more civilians" are civilians;
  "another dozen" is 12; an editorial insertion in a quote reads as its words ('killing [of]
  five people'); "was killed two hours later" is passive (the count of hours is no object).
* **Modifiers**: a place noun before a person noun modifies it ("school students", "hospital
  staff"); digits in parentheses repeat the count ("three (3) children").
* **Casualty word before the person noun**: "20 dead rebels", "three wounded soldiers" take the
  noun's group and the word's outcome. "many injured and casualties" counts both: casualties.
* **Or-ranges, losses and bodies**: "five or six soldiers" is a range (5-6); "had lost over 35
  fighters" counts the dead (a person noun only: "lost 3 villages" is none), so does "the bodies of
  at least 131 executed rebels"; a count of bodies
  ("Thirty-eight bodies ... were recovered", where bodies are recovered, found, buried ...) is a
  count of the dead ("numerous international bodies" are organisations). A relative clause about the
  victims with no casualty word of its own may stand between the count and its casualty word
  ("at least two militants, who had attempted to cross ..., were killed").
* **Counts in quotes**: 'killing "dozens" of people', 'killing "dozens of core al Qaeda
  terrorists"' read as if unquoted, and so does a quoted noun of the victims ('killed 30
  "terrorists"': militants).
* **How the words may run** (issue 9, found by ``benchmarks/audit_figures.py`` outside the held-out
  documents): a degree adverb may stand before the casualty word ("One soldier was seriously
  wounded", "were also lightly injured"), and so may "known to have" ("are known to have died");
  "sustained / suffered (shrapnel) injuries / wounds" is injured (killed when "and later died"
  follows), "13 fighters dying" is killed, "were among those killed" as "among the dead"; "shot
  dead" is an active verb ("shot dead two civilians"), "injuries to four soldiers" counts the
  four; the numeral "one" alone as the object of an active casualty verb, ending its clause, is one
  victim ("opened fire on four suspects, killing one"; "killing one another" is none);
  peacekeepers are soldiers, a national is one person. "killing and maiming dozens" counts both
  (casualties; "maimed" alone is injured); "burnt / beaten ... to death" is killed; "Among those
  killed, two were ..." is a fronted part as "Of the dead, ..."; an ordinal in the victims'
  complement names a unit, not another count ("members of the 150th Division were killed"); "the
  Coalition's estimate of civilian deaths was 1,417", "estimates of those killed ranged from 281 to
  1,729", "the death toll to be 470,000", "the death toll included three children" are tallies; a
  bare count after a comma shares the victims of the figure before ("10 soldiers killed, 10
  wounded"); a named victim of an active verb and a count of the others ("killing Abu X, a
  commander, and nine others", "killed X and 24 other militants") counts the others; a count and its
  noun in quotes before the passive ('that "several terrorists" were killed') read as if unquoted.
  "the martyrdom of 5 civilians" and "suffocated to death" are killed; side-neutral members of a
  civilian rescue or medical service ("members of the Civil Defence", "of the Red Crescent") are
  civilians. "killing himself and 5 others" counts the others; "killed along with his two
  sons" counts the sons; a tally's victims are named inside it whatever its verb ("the number of
  rebels killed reached 85": militants). Beheaded, slaughtered, gunned down and hanged are killed (active
  or passive); animals ("40 sheep were killed") are no victims. "Both pilots were killed", "killing both soldiers" count
  two (``number_text`` "both", ``parse_count("both")`` is ``(2, 2, "exact")``; "both sides" is none).
* **Parts of the victims**: a vague part ("many of the injured") is no figure; a counted part is a
  figure of the group its predicate names ("16 of the dead were government soldiers", "At least 8
  of the victims were children", fronted: "Of the dead, 12 were children"; ", while 10 were
  soldiers" is another part), else of the count before it, else people; its outcome is that of
  the word it is a part of (victims: of the count before, else casualties; "Two of the wounded
  later died", "the death of one of the wounded": killed). "of whom 140 were killed" after "2,000
  Hezbollah fighters" are fighters, and so is an absolute clause (", with 14 being killed" after
  "rebel officers": militants).
* **Asides and gaps**: between a count and its verb may stand a quoted aside ('three fighters,
  "acting in self-defense", were killed'), a dash aside, the victims' ages ("aged between 5 and
  9": ages, never a range of victims), and a breakdown holding a list of counts or a named person
  with a bracketed note (", including 6 children, 2 women and an elderly man,"); a breakdown in
  brackets after a figure counts its parts ("killed 15 people (including 6 children)"); a count
  whose verb is left out repeats the clause before it ("12 were killed on 15 May and 30 on 16
  May"), and so does another reporter's count ("put the number of dead at 47 while activists said
  60", "the civil defence put the toll at 47"). A side-neutral person in a breakdown ("including
  a company commander") is one of the whole count's victims when the whole names a side.
* **A side's losses**: "government casualties stood at 85 dead", "rebel losses were estimated at
  140 killed", "ISIL losses reached 210", "civilian casualties stood at 37" count the losses of the
  side named before the tally word; ", with several casualties" after what a named side did are
  that side's; so are the dead a side suffered or the men it lost ("the rebels suffered 25 dead",
  "government forces lost 15 men", and after a pronoun or a participle the sentence's subject: "the
  YPG said it had killed 40 militants, while losing 6 men"; a pronoun subject, "they themselves
  suffered four casualties", "they put their losses at 9 dead", names the side of the last
  sentence before it, in its paragraph, whose subject is named: ``extract_figures``' ``context``);
  "the numeral one" before a casualty
  adjective is one victim ("left one dead").
* **Kin and families**: "a mother and her three children" are a woman and three children;
  "seven members of one family" are seven people ("one" names no count); "two families" are no
  count of people. Defectors and deserters are soldiers unless a group is named.
* **Tables**: "28+" is at least 28. A count column headed by a side's name ("Hezbollah
  fatalities") reads its cells as that side's dead (see ``pipeline.parsers.markdown``).
* **Leftover wiki markup** is not text: a count followed in its sentence by a "]]" that no "[["
  opens ("Conflicts in 2017 with 100–999 deaths ]]"), or inside a ``[[File:``, ``[[Image:`` or
  ``[[Category:`` link, is not a figure (a link's display text, "[[#X|... killing one soldier]]",
  is prose).
* **number_text** is the count phrase exactly as written *including* its qualifier ("at least
  18", "between 1,099 and 1,745", "dozens", "a"), ``sentence[start:end] == number_text`` and
  ``parse_count(number_text)`` gives back ``(count_low, count_high, qualifier)``.
* **victim_group** comes from the head noun: civilians (civilians, non-combatants, residents,
  paramedics, protesters, visitors, and any person noun after media / medical / humanitarian /
  rescue / relief: "several media personnel") ...), children, women, soldiers (soldiers, servicemen, troops, personnel, pilot, general,
  officer, marine, adviser, crew, forces, and private military contractors / PMCs /
  mercenaries), militants (fighters, militants, terrorists, militiamen, rebels, jihadists,
  insurgents ...), people (people, persons, men, prisoners, detainees, victims, policemen,
  members, staff ...). Side-neutral nouns (members, commanders, officers, crew) become ``militants`` when
  the stated affiliation is a non-state armed group ("23 members of the Nusra Front"), and so do
  soldier nouns ("26 IS troops", "two Hezbollah troops"). A bare
  casualty noun with an affiliation gets the affiliation's side ("4 ISIL deaths" -> militants).
  When one count covers two coordinated nouns ("soldiers and pro-Assad militiamen") the first
  noun decides; two coordinated modifiers of one noun ("50 Syrian Army and allied troops") take
  that noun's group. "13 others", "dozens more", "another 255" inherit group and affiliation from the
  previous figure of the sentence (for "others" / "more": the previous one that is not a
  breakdown, "kill 56 civilians, including 11 children, and injure dozens more" -> civilians), and so does a bare count coordinated right after a figure
  ("1,200 fighters killed and 90 wounded", "killing six civilians and wounding 19"; after the
  closed aside of a breakdown, the whole count's: "20 people, including 8 children, were killed
  and 30 were wounded" -> people). A list goes on after the whole count's casualty word, not
  its breakdown's ("13 militants, including five suicide attackers, were killed as well as six
  fighters" -> six killed); a breakdown after a colon or dash takes the figure's outcome
  ("killed 25 people: 15 militants and 10 soldiers"); "ISIL lost 58 fighters, while the YPG lost
  13" counts 13 fighters of the other side; a toll an armed side "suffered" or "sustained" is of
  its fighters ("ISIL suffered 20 dead" -> militants, ISIL); a rebel group's name in the victims'
  noun phrase ("Free Idlib Army commanders", "Hamza Brigade members") makes them militants. Victims the
  text does not qualify ("8 casualties", "At least 11 were killed") are ``people``, except the
  members, volunteers and staff of the civilian organisation an article is about
  (``ParsedDocument.civilian_subject``, see :func:`members_of`): civilians. A proportion ("one in
  six volunteers") is no count, nor is a fraction's whole ("a third of 250,000 men have been
  killed"). "two of them" in a sentence opening with "They" and naming no
  group before the count is of the first group the sentence before names ("15 infiltrators tried to
  cross ... They were unsuccessful and two of them were killed": militants).
* **affiliation** is looked up (alias table ``AFFILIATIONS``) only inside the victims' own noun
  phrase and its "of / from / among / belonging to ..." complement, never elsewhere in the
  sentence; nationality adjectives give forces only for soldiers ("Turkish regular troops" ->
  Turkish Armed Forces, "Russian pilots" -> Russian forces; "Turkish-backed" is not Turkish).
  Several affiliations are joined with "; " in order. Civilians get no affiliation. PMCs /
  contractors get "Wagner Group" when the sentence names Wagner.
* **reported_by** is sentence-level: every alias of ``REPORTERS`` that is in a reporting frame
  ("according to X", or X followed within a few words by reported / stated / said / estimated /
  documented / recorded / confirmed / claimed / accused ...; "X has a higher estimation") and is
  not inside quotation marks, canonicalised and joined with "; " in order (SNHR; VDC). Unknown
  reporters ("according to the ministry") give None.
* **scope** is ``"cumulative"`` when the sentence frames a total over a period: since / until /
  as of / by <date> / from ... to <date> / between <day month> and <day month> (each day may
  carry its year, "between 1 March 2011 and 31 March 2021": the second day is the period's end) /
  between <month year> and <month year> / during the year /
  annual / overall / in total / a total of / "report|total for <year>", or when it counts
  aggregated strikes / incidents / events (>= 10, e.g. "730 strikes killing 2,169 civilians";
  not on one stated day: "On 13 January 2021, at least 10 airstrikes ... killing 26 people");
  or when it spans a war, siege or stretch of time: "during the two-year blockade", "during the
  rebel siege of ...", "throughout the war", "over the past four years", "in six years of war",
  "since September" (a month without a year), "by March" (a month without a year), "by March
  2019", "since the launch of the second phase", "throughout 2016" (a whole year or month), "over a
  one-month period" (not "over a three-day period"); or when
  its count reaches ``WAR_SIZED_COUNT`` (10,000); or when it states a whole war's toll with no period phrase: the war as the killer ("the
  war has killed", "the Syrian civil war has claimed"), victims "in / of / covering the ... war
  / conflict" with no attack, strike, battle or other incident named and no superlative ("the
  deadliest attack of the war" is one attack), or a count of tens of thousands or more in the
  perfect ("More than 250,000 people have been killed"), "the war has resulted in", or a stretch
  of fighting of a month or more counted in days, weeks, months or years ("1,612 days of fighting
  left ...", not "three days of fighting"); else ``"incident"`` ("during the
  offensive", "during the night" stay incidents: a sentence alone cannot tell how long an
  offensive lasted; ``pipeline.extract`` makes a toll "during the battle / siege / offensive /
  campaign" cumulative, over the article's period, when its infobox period is a month or more).
  A sentence, list entry or table row that opens with a period of a month or more ("April–June
  2013 – ...", "Between 27 April and 5 July 2013, ...", "3 July 2015 – ongoing") states a total
  over it (cumulative, with that period); a shorter one ("Between 19 and 20 December", "27
  February – 5 March 2020") does not. A running total by a day ("was updated to 800 by 15 April",
  "By the end of 6 January, the toll had risen to 603"), up to a point of the story ("up to that
  point", "until then") or "In all," is cumulative. "deadliest / first ... since" is not a cumulative cue, and "since" must
  lead to a date or to the start of the intervention ("since the Cold War" is not a cue). Scope
  and period are decided once per sentence and shared by its figures.
* **period_start / period_end** (cumulative rows only) are ISO dates of the *first day* of the
  period named in the text, like ``pipeline.dates``: "since 2015" -> 2015-01-01; "in September
  2015" after since/from -> 2015-09-01; "until the end of February 2016", "by mid-February
  2016" -> 2016-02-01; "as of January 2019" -> 2019-01-01; "during the year of 2022", "annual
  total for 2018" -> start = end = that year; a day date keeps its day. When only an
  aggregation cue made the row cumulative, "in <date>" gives start = end ("strikes increased in
  March 2017, with a reported 114 incidents ..." -> 2017-03-01). Dates without a year ("Between
  17 September and 13 October") give None.

Forms of the nineteenth labelled batch (issue 9): a count "reported by <a source> to have been
killed"; "more" before adjectives and the person noun ("two more senior commanders"); the victims'
unit before their names in apposition ("two commanders of the X Corps, <names>, were killed"); a
place between a toll and its other outcome ("lost 2,100 soldiers in Syria and 9,000 wounded",
"killed 20 soldiers in the town and wounded 30"; after a bracketed breakdown, the whole count's
victims); a count compared with an earlier one ("a rapid spike from the 400 deaths") is a running
total of the same victims; "These included 418 ranking officers" after a toll counts a part of it
(its outcome and scope, read from the sentence before: ``extract_figures``' ``context``); demonyms
("Afghans", "Pakistanis") are people; a named group's volunteers are its fighters; a side's "heavy
losses, with X reporting N casualties" are that side's, and the bracketed breakdown of a count of
casualties ("(2,000+ killed, 8,000+ wounded)") is of its victims; people who "went to Syria where
they were martyred" are killed (a quote may open before the relative clause), "in recent years" a
running total.

Known limits: no cross-sentence context beyond a pronoun subject's side (an elliptic "SOHR issued a slightly lower estimate: at
least 1,700 civilians" with no casualty word is not extracted; an Airwars figure whose reporter is
named in the previous sentence has reported_by None; "the pilot was killed" after "one pilot
was killed" in an earlier sentence is counted again); numbers written as "2.5k" or in Arabic
digits are not read; a total over the whole war stated without any period cue is labelled
"incident" unless its count reaches ``WAR_SIZED_COUNT`` (10,000: no single attack of the war killed
or wounded so many; "there have been more than 250,000 dead" is cumulative, "At the end of December
2017 ... had eliminated several thousand terrorists" stays "incident"); a count written as a
bare 1900-2099 ("killed 1999 people") is taken for a year.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from pipeline.dates import MONTHS
from pipeline.limits import MAX_PLAUSIBLE_COUNT
from pipeline.prefilter import guarded, starting

__all__ = ["Figure", "extract_figures", "parse_count", "names_the_whole_battle", "AFFILIATIONS", "REPORTERS"]

OUTCOMES = ("killed", "injured", "casualties")
QUALIFIERS = ("exact", "at_least", "more_than", "about", "nearly", "up_to", "range", "vague")
VICTIM_GROUPS = ("civilians", "children", "women", "soldiers", "militants", "people")
SCOPES = ("incident", "cumulative")


@dataclass(frozen=True)
class Figure:
    outcome: str  # "killed" | "injured" | "casualties"
    count_low: int | None
    count_high: int | None
    qualifier: str  # see QUALIFIERS
    victim_group: str | None
    affiliation: str | None
    reported_by: str | None
    number_text: str
    start: int
    end: int
    scope: str  # "incident" | "cumulative"
    period_start: str | None
    period_end: str | None


# --------------------------------------------------------------------------------------------
# numbers
# --------------------------------------------------------------------------------------------

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_MULTS = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 10**9}

_UNIT_ALT = "|".join(sorted(_UNITS, key=len, reverse=True))
_TENS_ALT = "|".join(_TENS)
_ONE_NINE = "one|two|three|four|five|six|seven|eight|nine"
_MULT_ALT = "dozen|hundred|thousand|million|billion"

_WORD_NUM = rf"(?:(?:{_TENS_ALT})(?:[- ](?:{_ONE_NINE}))?|{_UNIT_ALT})"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# an atom is one number; digits must not touch letters, $ or other digits ("Su-24", "$294",
# "10:30", "3M-14T", "34%", "12-year-old", "22nd")
_ATOM = (
    rf"(?:(?<![\w$£€.,:/-]){_DIGITS}(?![\w%:/]|[.,]\d|-[A-Za-z])"
    rf"|(?<![\w’-])(?<!\w'){_WORD_NUM}(?![\w'’]|-[A-Za-z]))"
    rf"(?:[\s-]+(?:{_MULT_ALT})(?![\w-])(?:\s+{_WORD_NUM}(?![\w'’-]))?)*"
)
_ATOM2 = (  # second member of a range: may follow a hyphen ("4,308-6,386")
    rf"(?:{_DIGITS}(?![\w%:/]|[.,]\d|-[A-Za-z])|(?<![\w'’]){_WORD_NUM}(?![\w'’]|-[A-Za-z]))"
    rf"(?:[\s-]+(?:{_MULT_ALT})(?![\w-])(?:\s+{_WORD_NUM}(?![\w'’-]))?)*"
)
_QUALS = {
    "at_least": ["at least", "no fewer than", "no less than", "not less than", "a minimum of"],
    "more_than": ["more than", "over", "in excess of", "upwards of", "above", "exceeding",
                  "greater than"],
    "nearly": ["nearly", "almost", "close to", "just under", "just short of"],
    "about": ["about", "around", "approximately", "approx.", "roughly", "some", "an estimated",
              "circa", "an approximate"],
    "up_to": ["up to", "as many as", "at most", "no more than", "not more than", "fewer than",
              "less than", "a maximum of"],
}
_QUAL_OF = {p: q for q, ps in _QUALS.items() for p in ps}
_QUAL_ALT = "|".join(
    re.escape(p).replace(r"\ ", r"\s+") for p in sorted(_QUAL_OF, key=len, reverse=True)
)
_VAGUE = (
    r"(?:tens\s+of\s+thousands|hundreds\s+of\s+thousands|several\s+(?:dozen|hundred|thousand)s?"
    r"|a\s+(?:large\s+|small\s+|significant\s+|great\s+|growing\s+)?number\s+of"
    r"|dozens|scores|hundreds|thousands|millions|several|many|multiple|numerous|countless"
    r"|tens\s+of(?![\w-])"
    r"|heavy|massive)(?![\w-])"
)
_COUNT_PATTERN = (
    rf"(?P<vague>(?<![\w-]){_VAGUE})|"
    rf"(?:\b(?P<qual>{_QUAL_ALT})\s+)?"
    r"(?:"
    rf"(?P<between>\bbetween\s+(?P<b1>{_ATOM})\s+and\s+(?:up\s+to\s+|as\s+many\s+as\s+)?(?P<b2>{_ATOM2}))"
    rf"|(?P<r1>{_ATOM})\s*(?:–|—|-|\bto\b|\bor\b)\s*(?P<r2>{_ATOM2})"
    r"|(?P<dozen>(?<![\w'’-])(?:(?P<half>half\s+)?a|another)\s+dozen(?![\w-]))"
    r"|(?P<amult>(?<![\w'’-])a\s+(?P<amw>hundred|thousand)(?![\w-])(?!\s+(?:and|thousand|million)\b))"
    rf"|(?P<plus>(?<![\w$£€.,:/-]){_DIGITS})\+(?![\w+])"  # "28+" in a table cell: at least 28
    rf"|(?P<atom>{_ATOM})"
    r"|(?P<art>(?<![\w'’-])an?(?=\s|$))"
    r")"
)
_COUNT_RE = re.compile(_COUNT_PATTERN, re.I)
# the same on lower-cased text, failing fast where no count can start (4x faster than re.I)
# (an apostrophe inside a word is no opening quote; one after a space is: "said 'five were killed'")
_COUNT_LOWER_RE = re.compile(r"(?<![\w’])(?<!\w')(?=[\dabcdefghijlmnorstuz])(?:" + _COUNT_PATTERN + ")")
_COUNT_FULL = re.compile(r"\s*(?:" + _COUNT_PATTERN + r")\s*", re.I)
_AND_RANGE_FULL = re.compile(rf"\s*(?P<b1>{_ATOM})\s+and\s+(?P<b2>{_ATOM})\s*", re.I)
_ATOM_PARTS = re.compile(rf"{_DIGITS}|{_WORD_NUM}|{_MULT_ALT}", re.I)
_ATOM_PARTS = starting(_ATOM_PARTS)  # speed only, same matches (prefilter.starting)
_MULT_RE = re.compile(rf"(?:{_MULT_ALT})\s*$", re.I)


def _atom_value(text: str) -> int | None:
    """Value of one atom: "2,169" -> 2169, "sixty" -> 60, "six thousand" -> 6000,
    "2.5 million" -> 2500000, "twenty-one" -> 21, "two million three hundred thousand" ->
    2300000; None when it is not a number.

    Number words follow English grammar or are refused: each group below a thousand is closed by a
    scale word (thousand, million, billion) smaller than the one before it. A scale word that
    repeats or grows ("nine hundred billion billion billion", "three thousand two million") or
    follows another scale word is not a number a text writes: None, never a guess."""
    total: float = 0
    current: float | None = None
    last_scale: int | None = None   # the scale that closed the previous group
    for part in _ATOM_PARTS.findall(text.lower()):
        if part[0].isdigit():
            current = (current or 0) + float(part.replace(",", ""))
        elif part in _MULTS:
            mult = _MULTS[part]
            if mult < 1000:
                current = (current if current is not None else 1) * mult
                continue
            if current is None or (last_scale is not None and mult >= last_scale):
                return None
            total += current * mult
            current = None
            last_scale = mult
        else:
            words = re.split(r"[- ]", part)
            v = 0
            for w in words:
                v += _UNITS.get(w, 0) + _TENS.get(w, 0)
            current = (current or 0) + v
    if current is not None:
        total += current
    if total == 0 and not re.search(r"\d|zero", text, re.I):
        return None
    return int(round(total))


def _has_mult(text: str) -> int | None:
    m = _MULT_RE.search(text)
    return _MULTS[m.group(0).strip().lower()] if m else None


def _range_values(a: str, b: str) -> tuple[int, int] | None:
    lo, hi = _atom_value(a), _atom_value(b)
    if lo is None or hi is None:
        return None
    mult = _has_mult(b)
    if mult and not _has_mult(a) and lo * mult <= hi:
        lo *= mult
    if lo > hi:
        return None
    return lo, hi


def _implausible(low: int | None, high: int | None) -> bool:
    """A bound above ``MAX_PLAUSIBLE_COUNT`` (pipeline.limits: Syria's pre-war population): such a
    number is no casualty figure of this war, so it is dropped like a year or a money amount."""
    return any(v is not None and v > MAX_PLAUSIBLE_COUNT for v in (low, high))


def _values(m: re.Match) -> tuple[int | None, int | None, str] | None:
    g = m.group
    if g("between") or g("r1"):
        vals = _range_values(g("b1") or g("r1"), g("b2") or g("r2"))
        if vals is None:
            return None
        return vals[0], vals[1], "range"
    if g("vague"):
        return None, None, "vague"
    v: int | None
    if g("dozen"):
        v = 6 if g("half") else 12  # "a dozen", "another dozen", "half a dozen"
    elif g("amult"):
        v = _MULTS[g("amw").lower()]  # "more than a hundred"
    elif g("plus"):
        v = _atom_value(g("plus"))
        return None if v is None else (v, None, "at_least")  # "28+": 28 or more
    else:
        v = 1 if g("art") else _atom_value(g("atom"))
    if v is None:
        return None
    qual = g("qual")
    q = _QUAL_OF.get(re.sub(r"\s+", " ", qual.lower())) if qual else None
    if q is None:
        # "a dozen", "a hundred" are round counts: about that many
        return (v, v, "about") if g("dozen") or g("amult") else (v, v, "exact")
    if q == "about":
        return v, v, "about"
    if q in ("at_least", "more_than"):
        return v, None, q
    return None, v, q  # nearly, up_to


def parse_count(text: str) -> tuple[int | None, int | None, str] | None:
    """Parse one number phrase into ``(low, high, qualifier)``; None when it is not one.

    >>> parse_count("three")
    (3, 3, 'exact')
    >>> parse_count("between four and six thousand")
    (4000, 6000, 'range')
    >>> parse_count("at least 18")
    (18, None, 'at_least')
    >>> parse_count("2,730–3,866")
    (2730, 3866, 'range')
    >>> parse_count("dozens")
    (None, None, 'vague')
    """
    if not text:
        return None
    if _DEFINITE_FULL.fullmatch(text):
        return 1, 1, "exact"  # "the pilot": one person
    if text.strip().lower() == "both":
        return 2, 2, "exact"  # "both pilots": two people
    m = _COUNT_FULL.fullmatch(text)
    if m is None:
        m2 = _AND_RANGE_FULL.fullmatch(text)
        if m2 is None:
            return None
        pair = _range_values(m2.group("b1"), m2.group("b2"))
        return None if pair is None or _implausible(*pair) else (pair[0], pair[1], "range")
    vals = _values(m)
    return None if vals is None or _implausible(vals[0], vals[1]) else vals


# --------------------------------------------------------------------------------------------
# vocabulary
# --------------------------------------------------------------------------------------------

def _forms(groups: dict[str, str]) -> dict[str, str]:
    return {w: g for words_g in groups.items() for g in [words_g[1]] for w in words_g[0].split()}


_PERSON = _forms({
    "civilians civilian non-combatants noncombatants non-combatant noncombatant residents "
    "resident villagers villager inhabitants inhabitant refugees refugee patients patient worshippers "
    "worshipper students student pupils pupil doctors doctor medics medic nurses nurse journalists "
    "journalist reporters reporter correspondents correspondent photographers photographer cameramen "
    "cameraman photojournalists photojournalist "
    "workers volunteers farmers farmer shepherds shepherd fishermen teachers teacher "
    "rescuers rescuer firefighters firefighter engineers engineer shoppers shopper "
    "passers-by bystanders paramedics paramedic protesters protester demonstrators "
    "visitors visitor": "civilians",
    "children child kids infants infant babies baby minors boys boy girls girl": "children",
    "women woman mothers mother wives wife sisters sister grandmother": "women",
    "soldiers soldier servicemen serviceman servicemembers servicemember troops personnel "
    "pilots pilot co-pilots co-pilot copilots copilot navigators navigator gunners gunner "
    "generals general officers officer marines marine sailors sailor airmen "
    "paratroopers commandos sergeants sergeant colonels colonel lieutenants lieutenant "
    "captains captain advisers adviser advisors advisor instructors instructor guards guard "
    "conscripts recruits crew crewmen crewman forces contractors contractor pmcs pmc "
    "mercenaries mercenary commanders commander army armies loyalists loyalist peacekeepers peacekeeper "
    "defectors defector deserters deserter": "soldiers",
    "militants militant fighters fighter terrorists terrorist terrorist-fighters militiamen "
    "militiaman militia militias rebels rebel insurgents insurgent jihadists jihadist "
    "jihadis extremists extremist gunmen gunman islamists combatants combatant attackers attacker "
    "assailants assailant infiltrators infiltrator": "militants",
    "people persons person individuals men man prisoners prisoner detainees detainee "
    "hostages victims victim policemen policeman members member syrians russians turks "
    "kurds iranians americans chechens afghans pakistanis iraqis yemenis saudis jordanians egyptians "
    "libyans tunisians palestinians citizens citizen nationals national bodyguards bodyguard staff "
    "staffers leaders leader fathers father husbands husband brothers brother sons son "
    "grandfather relatives relative": "people",
})
_SINGULAR = set(
    "civilian resident refugee patient doctor medic journalist child infant baby boy girl "
    "nurse student pupil worshipper villager inhabitant reporter correspondent photographer cameraman photojournalist "
    "woman soldier serviceman servicemember pilot co-pilot copilot navigator gunner general officer marine sailor colonel "
    "sergeant lieutenant captain adviser advisor instructor guard conscript crewman "
    "contractor pmc mercenary loyalist peacekeeper commander militant fighter terrorist militiaman rebel insurgent "
    "jihadist extremist gunman attacker assailant infiltrator person man prisoner detainee victim policeman member citizen "
    "paramedic protester bodyguard national visitor combatant leader farmer shepherd teacher rescuer "
    "firefighter engineer mother wife sister grandmother father husband brother son grandfather relative".split()
)
_NEUTRAL = {"members", "member", "commanders", "commander", "officers", "officer", "crew",
            "crewmen", "crewman", "leaders", "leader", "combatants", "combatant", "army", "armies",
            # soldiers who left their army, unless a group is named ("Islamic State deserters")
            "defectors", "defector", "deserters", "deserter"}
_POLICE_RE = re.compile(r"\bpolice\b", re.I)
_CONTRACTORS = {"contractors", "contractor", "pmcs", "pmc", "mercenaries", "mercenary"}
_MODIFIERS = {"civilian": "civilians", "non-combatant": "civilians",
              "noncombatant": "civilians", "child": "children",
              # civilian professions: "media personnel", "medical staff", "humanitarian workers"
              "media": "civilians", "medical": "civilians", "humanitarian": "civilians",
              "rescue": "civilians", "relief": "civilians",
              # "two Turkish police officers": the police are people in the codebook, as policemen are
              "police": "people",
              # "three U.S. service members had died": members of the armed services
              "service": "soldiers"}
_CASUALTY_NOUNS = {
    "deaths": "killed", "death": "killed", "dead": "killed", "fatalities": "killed",
    "fatality": "killed", "killed": "killed", "casualties": "casualties",
    "casualty": "casualties", "wounded": "injured", "injured": "injured",
    "injuries": "injured", "injury": "injured",
    # "Thirty-eight bodies were recovered from the rubble": the dead
    "bodies": "killed",
    # "15 injured and 3 martyrs": how translated witness statements name the dead
    "martyrs": "killed", "martyr": "killed",
}
# singular casualty nouns a "one" may count: "one casualty", "one death", "one injury"
_SINGULAR_CASUALTY = {"casualty", "death", "fatality", "injury", "martyr"}
_COMPOUND_CASUALTY = {"deaths", "death", "fatalities", "casualties", "casualty", "injuries"}
_NOT_AFTER_CASUALTY = {"toll", "tolls", "events", "event", "incidents", "figures", "figure",
                       "count", "counts", "reports", "report", "rate", "rates", "list", "lists"}
_NONPERSON = set(
    "strikes strike airstrikes airstrike air-strikes raids raid sorties sortie flights flight "
    "missions mission aircraft airplanes airplane planes plane jets jet helicopters helicopter "
    "drones drone bombers bomber warplanes tanks tank vehicles vehicle technicals convoys "
    "convoy trucks truck transports missiles missile rockets rocket bombs bomb shells shell "
    "munitions rounds targets target positions position sites site facilities facility "
    "incidents incident events event attacks attack operations offensives days day hours hour "
    "weeks week months month years year minutes minute seconds times km kilometers "
    "kilometres kilometer kilometre miles mile mi meters metres percent per cent dollars "
    "euros rubles roubles pounds towns town villages village cities city hospitals hospital "
    "schools school ships ship vessels vessel warships submarines systems system batteries "
    "pieces carriers launchers posts zones zone groups factions countries states nations "
    "weapons kilograms kg tons tonnes units battalions brigades squadrons points votes camps "
    "buildings homes houses markets bases airports barrels square sq hectares resolutions "
    "vetoes shots cases kinds types sets stations regions provinces areas locations fronts "
    "sorts polls objects depots bridges roads highways wells fields guns rifles packages "
    "tonnes meals tents ambulances generators cameras documents pages videos photos "
    "articles reports projects contracts agreements sessions meetings talks rounds decades "
    "centuries families households "
    # happenings: "The two bombings killed 10 people"
    "bombings bombing explosions explosion blasts blast ambushes ambush assaults assault massacres "
    "massacre shootings shelling shellings clashes battles battle barrages barrage salvos salvo volleys "
    "waves wave "
    # animals: "40 sheep were killed"
    "sheep cattle cows cow goats goat animals animal livestock horses horse camels camel dogs dog "
    "donkeys donkey poultry chickens birds".split()
)
_MONTH_FULL = {"january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december"}
_STOP = set(
    "were was are is be been being have has had will would could should may might must can "
    "did do does in on at from to by with for into onto during since until after before as "
    "and or but while whereas when where which who whom whose that than this these those the "
    "a an its their his her our your them they it he she we according including along "
    "reportedly allegedly also later accidentally all both each said killed dead died wounded "
    "injured among across near inside outside within throughout including of hundred thousand "
    "million dozen dozens hundreds thousands several many".split()
) | set(_UNITS) | set(_TENS)
# words that may stand between a noun phrase and its (passive) casualty word
_FILLER = (
    r"(?:were|was|are|is|be|been|being|have|has|had|may|might|could|would|will|must|"
    r"reportedly|reported|allegedly|alleged|estimated|claimed|also|later|now|already|"
    r"accidentally|all|both|each|who|that|said|to|believed|thought|feared|presumed|confirmed|left|"
    r"found|shot|and|then|subsequently|eventually|apparently|likely|probably|either|"
    r"instantly|immediately|in\s+all|in\s+total|altogether|known"
    # how badly: "One soldier was seriously wounded", "two civilians were also lightly injured"
    r"|seriously|critically|severely|badly|gravely|lightly|slightly|moderately|mildly|minorly|fatally|mortally"
    r"|(?!kill|wound|injur|murder|massacr|execut|eliminat|destroy|neutrali)[a-z]{3,}ed\s+and"  # "were ambushed and killed", "were targeted and killed"
    # who reported it: "were reported by Iranian media to have been killed"
    r"|(?:reported|said|claimed|confirmed|believed|announced)\s+by\s+(?:[A-Za-z'’-]+\s+){0,2}?[A-Za-z'’-]+(?=\s+to\s+(?:have\s+)?(?:been|be|die))"
    r")"
)
_POST_WORD = (
    r"(?P<w>killed|dead|died|dies|die|perished|lost\s+their\s+lives|lost\s+his\s+life|lost\s+her\s+life"
    # "martyred": how translated witness statements say killed
    r"|wounded|injured|hurt|murdered|assassinated|massacred|executed|slain|martyred|eliminated|destroyed|neutrali[sz]ed"
    r"|among\s+(?:the|those)\s+(?:dead|killed|wounded|injured|casualties|victims|fatalities)"
    # "13 fighters dying", "three soldiers sustained light injuries", "one student suffered shrapnel wounds"
    # "were burnt to death", "was beaten to death"
    r"|beheaded|slaughtered|gunned\s+down|hanged"
    r"|(?:burn(?:ed|t)|beaten|tortured|starved|stabbed|crushed|shot|suffocated|choked|asphyxiated)\s+to\s+death"
    r"|dying|(?:sustained|suffered)\s+(?:[\w-]+\s+){0,2}?(?:injuries|wounds))"
)
_WHERE_THEY_WERE = re.compile(
    rf"\s*[\"“]?(?:went|travel(?:l)?ed|were\s+sent|moved|deployed)\b[^\"“”.;:()]{{0,50}}?\b(?:where|after\s+which)\s+"
    rf"(?:they|he|she)\s+(?:were|was|had\s+been)\s+(?:\w+ly\s+)?{_POST_WORD}\b", re.I)
_POST_TIGHT = re.compile(rf"(?:\s+{_FILLER})*\s+{_POST_WORD}\b", re.I)
_POST_AT = re.compile(rf"{_POST_WORD}\b", re.I)
_POST_LOOSE = re.compile(rf"\b(?:{_FILLER}\s+)*{_POST_WORD}\b", re.I)
_POST_LOOSE = starting(_POST_LOOSE)  # speed only, same matches (prefilter.starting)
_HAS_NUMBER = re.compile(rf"\d|\b(?:{_WORD_NUM})\b", re.I)
# the rest of a list of counts that ends in one passive: "61 rebels, 47 ISIL fighters and 29
# civilians had been killed" (the first count takes the list's casualty word)
_LIST_ITEM = rf"(?:\d[\d,]*|{_WORD_NUM})(?:\s+[\w'’-]+){{1,3}}?"
# more nouns of the same count before its passive casualty word: "120 IS leaders, commanders,
# propagandists, recruiters and other high-value individuals were killed"
_NOUN_LIST_TO_PASSIVE = re.compile(
    r"(?:\s*,\s*(?:[A-Za-z'’-]+\s+){0,2}[A-Za-z'’-]+){1,6}\s*,?\s+(?:and|or)\s+(?:other\s+)?(?:[A-Za-z'’-]+\s+){0,2}[A-Za-z'’-]+"
    r"(?=\s+(?:(?:had|have|has)\s+been|were|was)\b)")
_LIST_TO_PASSIVE = re.compile(
    rf"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_LIST_ITEM})+"
    r"\s+(?:(?:had|have|has)\s+been|were|was|are|is)(?:\s+(?:reportedly|also|all|later))?\s+",
    re.I,
)
_COORD_START = re.compile(
    r"\s*,?\s*(?:and|or|along\s+with|as\s+well\s+as|together\s+with|plus)\b", re.I
)
_BREAKDOWN_BEFORE = re.compile(r"\b(?:including|among\s+them|of\s+whom)\s+$", re.I)
# a count of victims beside a named one: "was killed in a drone strike along with 5 others"
_ALONG_WITH = re.compile(
    r"\b(?:was|were)\s+(?:\w+\s+)?(?P<w>killed|wounded|injured|executed|murdered)\b(?:(?!(?<!(?-i:[A-Z]))\.\s)[^;:()\d]){0,70}?"
    r"\b(?:along|together)\s+with\s+(?:his\s+|her\s+|their\s+)?$",
    re.I,
)
_LATER_DIED = re.compile(
    r"[^.;]{0,80}?\band\s+(?:later\s+|subsequently\s+|then\s+|eventually\s+)?(?:died|succumbed)",
    re.I,
)
_ANOTHER_BEFORE = re.compile(r"\b(?:another|other)\s+$", re.I)
_INCL_PAREN = re.compile(
    r",\s*(?:including|among\s+them|among\s+whom|of\s+whom|mostly|mainly|many\s+of\s+them|"
    r"most\s+of\s+them|among\s+which|(?:one|two|three|four|five|some|several|\d+)\s+of\s+(?:them|whom))"
    # a name may stand inside after a comma, with its bracketed note (", including a field commander,
    # Ali Hassan (nicknamed Abu Ali),"), and so may a list of counts (", including 8 children, 3
    # women and two elderly men,")
    r"\b(?:[^,;:()\[\]]|\([^();:\[\]]{1,40}\)|,(?=\s+(?-i:[A-Z])[^,;:()\[\]]{0,60}(?:\([^();:\[\]]{1,40}\))?\s*,)"
    rf"|,(?=\s+(?:\d|(?:{_WORD_NUM})\b))){{1,160}},",
    re.I,
)
# the opening of a breakdown in brackets right after a figure's clause
_PAREN_BREAKDOWN = re.compile(r"[^.;,()\d]{0,40}\(\s*(?:(?:including|of\s+whom|among\s+them)\s+)?", re.I)
# a count whose verb is left out, repeating the clause before it with another time or place:
# "12 civilians were killed on 15 May and 30 on 16 May", "5 died in Idlib, while 8 in Hama"
_GAP_BEFORE = re.compile(
    r"(?:\s+(?:on|in|at|near|during|by)\s+[^,;.()]{1,40}?)?\s*,?\s*(?:and|while|whereas)\s+", re.I)
_GAP_AFTER = re.compile(r"\s+(?:on|in|at|near|during)\s+[^,;.()]{1,40}?(?:[.;]|$|,\s*(?:and|while|but)\b)", re.I)
# another reporter's count of the same victims: "put the number of dead at 47 while opposition
# sources said 60"
_REPORTER_GAP = re.compile(
    r"[^,;.()]{0,40}?\s*,?\s*(?:while|whereas|and|but)\s+[^,;.()\d]{1,60}?\b(?:said|says|gave|reported"
    r"|claimed|estimated|counted|put\s+(?:it|the\s+(?:number|figure|toll))\s+at)\s+", re.I)
_CLAUSE_END = re.compile(r"\s*(?:[.;)]|$)")
# "members of the 150th Air Defense Division were killed": an ordinal names a unit, it counts no one
_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b", re.I)
# "of one family", "from a single village": "one" names no count of victims
_ONE_OF_A_KIND = re.compile(r"\b(?:of|from|in)\s+(?:the\s+same|one|a\s+single)\s+(?=[a-z])", re.I)
# a quoted aside about the victims: 'three fighters, "acting in self-defence", were killed'
_QUOTE_PAREN = re.compile(r",\s*[\"“][^\"“”]{1,80}[\"”]\s*,")
# the victims' ages: "Three children aged between 5 and 9 were killed", "two men, aged 30 and 45,"
_AGE_AFTER = re.compile(
    r",?\s+aged\s+(?:between\s+)?\d{1,2}(?:\s*(?:and|to|or|-|–)\s*\d{1,2})?(?:\s+years?(?:\s+old)?)?,?", re.I)
# a dash aside: "At least 15 people – mostly civilians – were killed"
_DASH_PAREN = re.compile(r"\s[–—]\s[^–—;:()\[\]\d]{1,60}\s[–—]")
# a relative clause about the victims, without a casualty word of its own: "at least two
# militants, who had attempted to cross into the Golan Heights, had been killed"
_REL_PAREN = re.compile(r",\s*(?:who|whom)\b[^,;:()\[\]]{1,120},", re.I)
# the victims' names in apposition: "Two regional ISIS leaders, Ahmad 'Isa Ismail al-Zawi and Ahmad
# 'Abd Muhammad Hasan al-Jughayfi, were killed" (capitalised words, name particles and "and")
_NAMES_PAREN = re.compile(
    r",\s*(?:(?:[\"'’‘]?[A-Z][\w'’.-]*|(?:al|el|ad|ar|as|ash|at|az)-[\w'’-]+|bin|ibn|bint|abu|abd|de|van|von)"
    r"(?:\s+|(?=,)))+(?:and\s+(?:(?:[\"'’‘]?[A-Z][\w'’.-]*|(?:al|el|ad|ar|as|ash|at|az)-[\w'’-]+|bin|ibn|bint|abu|abd)"
    r"(?:\s+|(?=,)))+)?,")
# the named unit of the victims before their names: " of the Iranian Revolutionary Guard Corps"
_OF_NAME_PP = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s*){1,6}(?=,)")
# a sentence naming a part of the victims counted in the sentence before: "These included 418
# ranking officers", "Among them were two generals"
_INCLUDED_RE = re.compile(
    r"\W*(?:(?:These|They|Those)\s+(?:also\s+)?(?:included|include)|Among\s+them\s+(?:were|are))\s+(?=\S)")
_PART_OUTCOME = {"killed": "were killed", "injured": "were wounded", "casualties": "were killed or wounded"}
_SEG_END = re.compile(r"[;:()\[\]\"“”″\\]|,|\s[–—-]\s|(?<!\b[A-Z])\.(?:\s|$)")  # not "U.S. "; "\" ends a header field
_AUX_OR_BOUNDARY = re.compile(
    r"\b(?:were|was|are|is|have|has|had|been|be|will|would|could|may|might|while|whereas|but|"
    r"although|though|which|who|whom|whose|when|where|after|before|because|if|unless|than|"
    r"that|as|since|until|said|says|stated|reported)\b",
    re.I,
)
_CONT_BAD = re.compile(
    r"[;:()\[\]]|\b(?:were|was|are|is|have|has|had|been|be|will|would|could|while|whereas|but|"
    r"although|though|which|who|whom|whose|when|where|after|before|because|if|unless|that|"
    r"said|says|stated|reported|killed|killing|wounded|injured|died|destroyed)\b",
    re.I,
)
_CONT_END = re.compile(
    r"(?:,|\b(?:including|includes|among\s+them|among\s+whom|of\s+whom|of\s+them|of\s+which|"
    r"along\s+with|together\s+with|as\s+well\s+as|in\s+addition\s+to|plus|besides|and|or))"
    r"\s*(?:another\s+|a\s+further\s+|other\s+|(?:his|her|their)\s+)?$",  # "a mother and her three children"
    re.I,
)
_ACTIVE_OBJECT = re.compile(
    # ("killing an alleged total of 1,483 people")
    rf"\s+(?:(?:a\s+total\s+of|an?\s+(?:alleged|estimated|reported|confirmed)\s+total\s+of|another|only|a\s+further|{_QUAL_ALT})\s+)?"
    rf"(?:\d|(?:{_WORD_NUM}|an?|dozens|scores|hundreds|thousands|several|many)\b)",
    re.I,
)
# a total a sentence brings a count to: "bringing the total number of ...", "the number ... rose to"
_RUNNING_TOTAL = re.compile(
    r"\b(?:total|overall|cumulative|bring|brings|bringing|brought|raise|raises|raising|raised|rose"
    r"|risen|rising)\b", re.I)
# "was killed two hours later": a count of time after a casualty word is no object of it
_TIME_SPAN_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){1,2}?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b", re.I)
# the count right before a casualty word is that word's own ("five victims and ten wounded")
_VAGUE_BEFORE_WORD = re.compile(
    r"\b(?:a\s+(?:large\s+|small\s+)?number\s+of|many|several|dozens|scores|hundreds|thousands|some)\s*$",
    re.I)
# the victims of a casualty noun after "on": "heavy casualties on the rebels"
_CASUALTIES_ON = re.compile(r"\s+(?:on|upon)\s+(?:the\s+|its\s+|their\s+)?(?:[A-Z][\w-]*\s+)?([\w-]+)")
# victims with no casualty word of their own are casualties ("resulting in five victims")
_VICTIM_NOUNS = {"victims", "victim"}
# an editorial insertion in a quote: 'the "killing [of] five people"'
_EDITORIAL = re.compile(r"\[([a-z][a-z ]{0,20})\](?!\()")
_PRE_RE = re.compile(
    r"(?:\b(?P<v>kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es|e)|hurt(?:ing)?"
    r"|murder(?:ed|ing|s)?|massacr(?:ed|ing|es|e)|execut(?:ed|ing|es|e)|slew|slaying|shot\s+dead|shooting\s+dead"
    r"|maim(?:ed|ing|s)?|behead(?:ed|ing|s)?|slaughter(?:ed|ing|s)?|gunn(?:ed|ing)\s+down|guns\s+down|hanged|hanging"
    r"|(?P<pv>eliminat(?:ed|ing|es|e)|destroy(?:ed|ing|s)?|neutrali[sz](?:ed|ing|es|e)|lost|los(?:es|ing)))"
    r"|\b(?P<n>deaths?|killings?|murders?|massacres?|executions?|martyrdom|injury|injuries|injuring|wounding"
    r"|lives|bodies)[\"”]?\s+of"  # (a closing quote: 'the "systematic killing" of 11,000 detainees')
    # "reported injuries to two Syrian soldiers"
    r"|\b(?:injuries|wounds)\s+to"
    r"|\bdeath\s+toll\b[^.;,\d]{0,40}?\b(?:of|at|to|reached|hit|is|was|stands\s+at|ranged(?:\s+from)?)"
    # "the toll rose to 45": a toll is of the dead
    r"|\bthe\s+toll\b[^.;,\d]{0,40}?\b(?:rose\s+to|risen\s+to|rising\s+to|reached|climbed\s+to|stood\s+at|stands\s+at"
    r"|(?:raised|updated|revised|increased)\s+to)"
    # a reporter's toll: "the Civil Defence put the toll at 30", "estimated its toll at 30"
    r"|\b(?:put|puts|putting|placed|places|placing|estimated|estimates|estimating)\s+(?:the|its|their)\s+toll\s+at"
    # a side's toll: "Civilian casualties stood at 12", "ISIL losses reached 120"
    r"|\b(?:casualties|losses|deaths|fatalities)\s+(?:(?:later|eventually|reportedly)\s+)?(?:stood\s+at|stand\s+at"
    r"|stands\s+at|reached|totall?ed|numbered|were\s+(?:put|estimated|reported)\s+at)"
    # a rising count: "with casualties rising to at least 68", "deaths rose to 12"
    r"|\b(?:casualties|deaths|fatalities)\s+(?:(?:later|eventually|subsequently|then)\s+)?"
    r"(?:ris(?:ing|en)|rose|climb(?:ing|ed)|increas(?:ing|ed)|mount(?:ing|ed))\s+to"
    # a tally: "bring the total number of executed soldiers in the airbase to 71", "put the
    # number of killed in the city at 168"
    r"|\b(?:(?:total|overall|cumulative)\s+)?(?:number|count|toll|tally|estimates?)\s+of\s+(?:[\w-]+\s+){0,3}?"
    r"(?P<tw>executed|killed|dead|deaths|wounded|injured|casualties|fatalities|martyrs|victims)\b"
    r"[^.;,\d]{0,50}?\b(?:to|at|reached|hit|stands\s+at|stood\s+at|ranged(?:\s+from)?|was|is)"
    # the outcome as the subject: "Among the dead were two medics", "Injured included the medical
    # staff of the hospital and 10 civilians"
    r"|\b(?:dead|killed|injured|wounded|casualties|victims|death\s+toll)\s+(?:included|include|includes|were|are|was|numbered|totall?ed)\b"
    r"(?:[^.;\d]{0,60}?\s(?:and|as\s+well\s+as))?"
    # a death count named: "providing a total death count of 1,417", "a death toll of 30"
    r"|\b(?:death|casualty)\s+(?:count|toll)\s+of)"
    r"(?:\s+(?:a\s+total\s+of|an?\s+(?:alleged|estimated|reported|confirmed)\s+total\s+of|another|only|a\s+further|reportedly|allegedly|all|the|some\s+of"
    r"|about|approximately|roughly|his|her|their|an?\s+(?:entire\s+|whole\s+)?family\s+of|(?<=\bto\s)be))*\s+[\"“]?$",
    re.I,
)
# speed only, same matches: a look-ahead for its first characters (prefilter.starting)
_PRE_RE = starting(_PRE_RE)
# pre-filter: plain substring tests on the lower-cased sentence (fast, a superset), then one
# regex on the lower-cased text
_KEYS = ("kill", "dea", "die", "wound", "injur", "casualt", "lost", "fatalit", "perish",
         "eliminat", "destroyed", "neutrali", "murder", "assassinat", "massacr", "execut", "slain", "hurt", "bodies",
         "martyr", "lives", "toll", "victims", "losses", "dying", "maim", "behead", "slaughter", "gunn",
         "guns down", "hanged", "hanging")
_PREFILTER = re.compile(
    r"kill|d(?:ea(?:d|th)|ie[ds]?\b|ying\b)|maim|behead|slaughter|gunn(?:ed|ing)\s+down|guns\s+down|\bhang(?:ed|ing)\b|wound|injur|casualt|lost\s+(?:their|his|her)\s+li|fatalit"
    r"|perish|eliminat|destroyed|neutrali|murder|assassinat|massacr|execut|slain|hurt|bodies|\blos(?:t|es|ing)\b|martyr"
    r"|\b(?:claim\w*|took|tak(?:e|es|ing)|cost\w*)\s+the\s+lives\s+of\b|\btoll\b|victims:|\bnumber\s+of\s+victims\b|\blosses\s+(?:stood|reached|totall?ed|numbered|were)\b"
    # a count of the victims: "8 of the victims were children", "The victims included 12 children"
    rf"|(?:\d|\b(?:{_WORD_NUM}))\s+of\s+the\s+victims\b|\bvictims\s+(?:included|include|were)\s+(?:\w+\s+)?(?:\d|(?:{_WORD_NUM})\b)"
)
# speed only, same matches: a look-ahead for its first characters (prefilter.starting)
_PREFILTER = starting(_PREFILTER)
_MASK = re.compile(r"https?://\S+|www\.\S+|\]\([^)\s]*\)")
_QUOTE_CHARS = re.compile(r"[\"“”″]")
_TOKEN = re.compile(
    r"\s*(?:((?:[A-Z]\.){2,}(?![A-Za-z])|[A-Za-z\u00C0-\u024F][\w'’\u00C0-\u024F-]*"
    r"|\d{1,3}-(?:year|month|week|day)s?-old)"
    r"|(\d)|(\S))"
)
_OUTCOME_OF_WORD = (
    ("wound", "injured"), ("injur", "injured"), ("hurt", "injured"), ("maim", "injured"), ("casualt", "casualties"),
    ("victim", "casualties"),  # "the victims included 12 children": killed or injured
)
_YEAR = re.compile(r"(?:19|20)\d\d")
# a month that already has its day ("On 27 February 33 Turkish soldiers were killed"): the number
# after it is not its day
_DAY_MONTH_BEFORE = re.compile(
    r"(?<![\d,.])\d{1,2}(?:st|nd|rd|th)?\s+(?:january|february|march|april|may|june|july|august"
    r"|september|october|november|december)\s+$",
    re.I,
)
_PRECEDING_MONTH = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\s+$",
    re.I,
)
_NAME_NUMBER_BEFORE = re.compile(
    r"\b(?:Route|Highway|Road|Hill|Height|Heights|Point|Resolution|Article|Brigade|Division|Regiment"
    r"|Battalion|Corps|Squadron|Unit|Flight|Gate|Sector|Block|Phase|No\.|Number)\s+$")
_AGE_BEFORE = re.compile(r"\b(?:aged|age\s+of|ages\s+of|age)\s+$", re.I)
_NO_BEFORE = re.compile(
    r"\b(?:no|the|each|every|any|this|that)\s+$"
    r"|(?<!\bin\s)(?<!\bof\s)(?<!\bduring\s)(?<!\bby\s)\bwhich\s+$",  # not "in which one person"
    re.I,
)
_NO_BEFORE = starting(_NO_BEFORE)  # speed only, same matches (prefilter.starting)
# "killed or wounded 14", "14 people were killed or injured", "dozens of deaths and injuries":
# two outcomes joined by and/or count the dead and the wounded together (casualties)
_OUTCOME_WORD = (
    r"(?:kill(?:ed|ing|s)?|dead|deaths?|died|fatalities|wound(?:ed|ing|s)?|injur(?:ed|ing|ies|e)"
    r"|hurt|maim(?:ed|ing|s)?|casualt(?:y|ies))"
)
_COMBINED_BEFORE = re.compile(rf"\b(?P<w>{_OUTCOME_WORD})\s+(?:and/or|or|and)\s+$", re.I)
_COMBINED_AFTER = re.compile(rf"\s+(?:and/or|or|and)\s+(?P<w>{_OUTCOME_WORD})\b", re.I)
# what may stand between a figure and a following bare count that shares its victims
# ("1,200 fighters killed and 90 wounded", "killing six civilians and wounding 19")
_SHARED_VICTIMS = re.compile(
    r"(?:[\s,]*(?:and|or|plus|while|with|as\s+well\s+as|along\s+with)\s+|\s*,\s*)"
    r"(?:(?:kill|wound|injur|hurt)\w*\s+)?(?:another\s+|a\s+further\s+)?(?:(?:his|her|their)\s+)?",
    re.I,
)
# a casualty word or another fate: "were killed or captured", "killed or went missing" (the count
# is no count of the dead)
_OR_NOT_CASUALTY = re.compile(
    r"\s+(?:and/)?or\s+(?:were\s+|was\s+|went\s+|taken\s+)?(?:captured|missing|detained|abducted|kidnapped"
    r"|arrested|prisoner|captive)\b", re.I)
# a count in a relative clause of one attack ("in retaliation to Balyun airstrikes that killed at
# least 34 Turkish soldiers") is that incident's, whatever period the sentence's other counts span
_INCIDENT_RELATIVE = re.compile(
    r"(?:\b[A-Z][\w'’-]+\s+(?i:(?:air\s*)?(?:strikes|attacks|bombings|raids|explosions|blasts))"  # named
    r"|\b(?i:(?:air\s*)?(?:strike|attack|bombing|raid|shelling|explosion|blast|ambush|massacre|bombardment)))"
    r"\s+(?i:(?:that|which)\s+(?:had\s+)?(?:reportedly\s+|allegedly\s+)?(?:killed|wounded|injured))\s+$")
# a bare count opening the next clause ("..., while 33 were wounded", "... and 5 were injured")
# after the rest of the previous figure's clause: it counts the same victims' other outcome
# ("lost 2,100 soldiers in Syria and 9,000 wounded", "killed 20 soldiers in the town and wounded 30":
# a place between, then the other outcome as a noun or an active verb)
_SHARED_CLAUSE_END = re.compile(r"(?:,\s*|\s)(?:and|while|whereas|with)\s+(?:(?:wound|injur|hurt|kill)\w*\s+)?$", re.I)
_SHARED_CLAUSE_MAX_WORDS = 12


def _shared_after_clause(s: str, a: int, b: int) -> bool:
    """``s[a:b]`` (between a figure and a bare count with another outcome) is the rest of the
    figure's clause ("in suicide bomb attacks and clashes") and a connective ("while"), naming no
    other person and no other count."""
    between = s[a:b]
    if not _SHARED_CLAUSE_END.search(between) or len(between.split()) > _SHARED_CLAUSE_MAX_WORDS:
        return False
    if _HAS_NUMBER.search(between) or any(tok.group(1) and tok.group(1).lower() in _PERSON
                                          for tok in _TOKEN.finditer(between)):
        return False
    return True


# a field of a structured header: "Reported casualties: 10", "Killed: 3", "Injured: 10\"
_FIELD_RE = re.compile(
    r"(?<![\w-])(?:reported\s+|number\s+of\s+|total\s+)?"
    r"(?P<w>casualties|deaths|dead|killed|fatalities|injured|wounded|injuries|victims)\s*:\s*",
    re.I,
)
_FIELD_WORD_AGAIN = re.compile(r"\s+(?:killed|dead|injured|wounded|casualties)\b(?!\s+(?:and|or)\b)", re.I)
_FIELD_END = re.compile(r"\s*(?:\\|\*|$|\n|[;,|]|\.(?:\s|$)|\(|[A-Z][a-z]+\s*[a-z ]*:)")
# a field's count followed by its breakdown: "Reported injured: 5 including 2 medical staff"
_FIELD_BREAKDOWN = re.compile(r"\s+(?:including|among\s+them|of\s+whom)\s", re.I)


def _longest_first(word: str) -> tuple[int, str]:
    """Alternatives longest first, then alphabetically: the same text in every process (a set's
    order changes with the process's string hashing; see ``pipeline.startup.compiled_patterns``)."""
    return -len(word), word


# "the pilot was killed": a definite singular person is one person
_DEFINITE = re.compile(
    # (the words between are modifiers: no other determiner, conjunction or casualty verb: "the
    # airstrike killed his son" is "his son")
    r"(?<![\w-])(?P<det>the|his|her|its|their)\s+"
    r"(?:(?!(?:the|his|her|its|their|and|or|kill\w*|wound\w*|injur\w*)\b)[A-Za-z][\w.-]*\s+){0,3}?"
    r"(?P<noun>" + "|".join(sorted(_SINGULAR, key=_longest_first)) + r")(?![\w-])",
    re.I,
)
_ACTIVE_BEFORE_DEFINITE = re.compile(
    r"\b(?P<w>killing|killed|kills|kill|wounding|wounded|wounds|injuring|injured|injures)\s+"
    r"(?:also\s+|all\s+)?$", re.I)
# "the pilot and the navigator were killed": a definite singular person coordinated with another
# definite person that the casualty word follows
_DEFINITE_AND = re.compile(
    r"\s+and\s+(?:the|his|her|its|their)\s+(?:[A-Za-z][\w.-]*\s+){0,3}?"
    r"(?P<noun>" + "|".join(sorted(_SINGULAR, key=_longest_first)) + r")(?![\w-])",
    re.I,
)
_DEFINITE_FULL = re.compile(r"\s*(?:the|his|her|its|their)\s+(?:[A-Za-z][\w.-]*\s+){0,3}?[a-z]+\s*", re.I)
# leftover wiki markup: a "]]" whose "[[" was lost ("100–999 deaths ]]", a caption's end)
_WIKI_OPEN = re.compile(r"\[\[")
_WIKI_CLOSE = re.compile(r"\]\]")
_WIKI_NONPROSE = re.compile(r"\[\[\s*(?:file|image|category)\s*:[^\]]*(?:\]\]|$)", re.I)


def _outcome_of(word: str) -> str:
    w = word.lower()
    for stem, out in _OUTCOME_OF_WORD:
        if stem in w:
            return out
    return "killed"


# --------------------------------------------------------------------------------------------
# affiliations and reporters
# --------------------------------------------------------------------------------------------

#: canonical affiliation -> regex alternatives (acronyms case-sensitive, names case-insensitive)
AFFILIATIONS: dict[str, str] = {
    "ISIL": r"(?i:islamic\s+state(?:\s+of\s+iraq\s+and\s+(?:the\s+)?(?:levant|syria))?|daesh)"
            r"|ISIL|ISIS|IS(?=\s)",
    "al-Nusra Front": r"(?i:(?:jabhat\s+)?al-nusra(?:\s+front)?|nusra(?:\s+front)?)",
    "Jabhat Fateh al-Sham": r"(?i:jabhat\s+fateh?\s+al-sham)",
    "Hay'at Tahrir al-Sham": r"(?i:(?:hay'?at\s+)?tahrir\s+al-sham)|HTS",
    "Ahrar al-Sham": r"(?i:ahrar\s+(?:al|ash)-sham)",
    "Faylaq al-Sham": r"(?i:faylaq\s+al-sham)",
    "Jaysh al-Islam": r"(?i:jaysh\s+al-islam)",
    "Free Syrian Army": r"(?i:free\s+syrian\s+army)|FSA",
    "Syrian Democratic Forces": r"(?i:syrian\s+democratic\s+forces)|SDF",
    "YPG": r"YPG",
    "Hezbollah": r"(?i:hezbollah|hizbollah)",
    "Wagner Group": r"(?i:wagner(?:\s+group)?)",
    "Syrian Army": r"(?i:syrian\s+arab\s+army|syrian\s+army|syrian\s+(?:government|regime)\s+"
                   r"(?:forces|troops)|national\s+defen[cs]e\s+forces)|SAA",
    "Turkish Armed Forces": r"(?i:turkish\s+armed\s+forces|turkish\s+army)",
    "Russian forces": r"(?i:russian\s+(?:armed\s+forces|special\s+operations\s+forces|army|"
                      r"military|air\s+force|aerospace\s+forces|navy|reconciliation\s+cent(?:er|re)"
                      r"|forces|special\s+forces))",
    "Iranian forces": r"(?i:islamic\s+revolutionary\s+guard\s+corps|revolutionary\s+guards?|"
                      r"quds\s+force)|IRGC",
    "US forces": r"(?i:united\s+states\s+(?:armed\s+forces|army|forces))",
}
_NON_STATE = {"ISIL", "al-Nusra Front", "Jabhat Fateh al-Sham", "Hay'at Tahrir al-Sham",
              "Ahrar al-Sham", "Faylaq al-Sham", "Jaysh al-Islam", "Free Syrian Army",
              "Syrian Democratic Forces", "YPG", "Hezbollah"}
_NATIONALITY = {"russian": "Russian forces", "syrian": "Syrian Army",
                "turkish": "Turkish Armed Forces", "iranian": "Iranian forces",
                "american": "US forces", "u.s": "US forces", "us": "US forces"}
_AFFIL_NAMES = list(AFFILIATIONS)
_AFFIL_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(rf"(?P<a{i}>(?:{AFFILIATIONS[n]}))" for i, n in enumerate(_AFFIL_NAMES))
    + r")(?![\w-])"
)
_NATIONALITY_RE = re.compile(r"(?<![\w-])(Russian|Syrian|Turkish|Iranian|American|U\.S)(?![\w-])")
_PP_START = re.compile(
    r"\s+(?:of|from|among|belonging\s+to|loyal\s+to|affiliated\s+with|in\s+the\s+ranks\s+of|"
    r"fighting\s+for|with)\s+",
    re.I,
)
_PP_END = re.compile(
    r"[,;:.()\[\]\"“”]|\s[–—-]\s|\b(?:as|who|which|that|when|while|were|was|are|is|have|has|had|"
    r"in|on|at|by|during|near|after|before|because|and\s+(?:wounded|injured|killed))\b",
    re.I,
)

#: canonical reporter -> regex alternatives
REPORTERS: dict[str, str] = {
    "Syrian Observatory for Human Rights": r"(?i:syrian\s+observatory(?:\s+for\s+human\s+rights)?)"
                                           r"|SOHR",
    "Syrian Network for Human Rights": r"(?i:syrian\s+network\s+for\s+human\s+rights)|SNHR",
    "Violations Documentation Centre": r"(?i:violations?\s+documentation\s+cent(?:re|er))|VDC",
    "Airwars": r"(?i:airwars)",
    "BBC": r"BBC",
    "Russian Ministry of Defence": r"(?i:russian\s+(?:ministry\s+of\s+defen[cs]e|defen[cs]e\s+"
                                   r"minist(?:ry|er)|mod)|russia's\s+(?:ministry\s+of\s+defen[cs]e"
                                   r"|defen[cs]e\s+minist(?:ry|er))|(?:sergey|sergei)\s+shoigu)"
                                   r"|Shoigu",
    "Russian government": r"(?i:russian\s+(?:officials|government|authorities)|the\s+kremlin)",
    "Russian Ministry of Foreign Affairs": r"(?i:russian\s+(?:foreign\s+ministry|ministry\s+of\s+"
                                          r"foreign\s+affairs|foreign\s+minister)|russia's\s+"
                                          r"foreign\s+minist(?:ry|er)|(?:sergey|sergei)\s+lavrov)"
                                          r"|Lavrov",
    "Syrian government": r"(?i:syria's\s+government|syrian\s+government)(?!\s+forces)",
    "SANA": r"(?i:syrian\s+arab\s+news\s+agency)|SANA",
    "Al-Masdar News": r"(?i:al[- ]masdar(?:\s+news)?)",
    "Amnesty International": r"(?i:amnesty(?:\s+international)?)",
    "Human Rights Watch": r"(?i:human\s+rights\s+watch)|HRW",
    "Raqqa Is Being Slaughtered Silently": r"(?i:raqqa\s+is\s+being\s+slaughtered\s+silently)"
                                           r"|RBSS",
    "United Nations": r"(?i:united\s+nations|un\s+secretary[- ]general|un\s+human\s+rights\s+"
                      r"council)|UN|U\.N\.",
    "US Department of State": r"(?i:(?:united\s+states|u\.s\.|us)\s+(?:department\s+of\s+state|"
                              r"state\s+department)|state\s+department)",
    "US Department of Defense": r"(?i:pentagon|(?:united\s+states|u\.s\.|us)\s+department\s+of"
                                r"\s+defen[cs]e)",
    "White Helmets": r"(?i:white\s+helmets|syria\s+civil\s+defen[cs]e)",
    "Médecins Sans Frontières": r"(?i:m[ée]decins\s+sans\s+fronti[èe]res)|MSF",
    "CNN": r"CNN",
    "Reuters": r"Reuters",
    "Al Jazeera": r"(?i:al\s+jazeera)",
    "Al Mayadeen": r"(?i:al[- ]mayadeen)",
    "TASS": r"TASS",
    "Turkish government": r"(?i:turkish\s+(?:defen[cs]e\s+ministry|ministry\s+of\s+(?:national\s+)?"
                          r"defen[cs]e|government|officials))",
    "opposition sources": r"(?i:(?:local\s+)?(?:opposition|rebel)\s+(?:groups|sources|activists|"
                          r"monitors?))",
    "pro-government sources": r"(?i:pro-government\s+sources)",
}
_REP_NAMES = list(REPORTERS)
_REP_RE = re.compile(
    r"(?<![\w-])(?="
    r"[ABCDHLMOPRSTUVWabcdhlmoprstuvw])(?:"
    + "|".join(rf"(?P<r{i}>(?:{REPORTERS[n]}))" for i, n in enumerate(_REP_NAMES))
    + r")(?![\w-])"
)
_ACCORDING = re.compile(r"\baccording\s+to\s+(?:the\s+|a\s+|an\s+)?$", re.I)
_ACCORDING_ONE = re.compile(r"\baccording\s+to\s+$", re.I)
_REPORT_CUE = re.compile(
    r"[^.;]{0,70}?(?<!were\s)(?<!was\s)(?<!is\s)(?<!are\s)(?<!been\s)(?<!be\s)"
    r"\b(?:reported|reports|report|reporting|stated|states|state|said|says|say|"
    r"estimated|estimates|estimate|estimation|documented|documents|recorded|records|confirmed|"
    r"confirms|claimed|claims|announced|announces|accused|accuses|counted|found|issued|cited|"
    r"put|puts|told|tallied)\b",
    re.I,
)

# --------------------------------------------------------------------------------------------
# scope and period
# --------------------------------------------------------------------------------------------

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_MONTH_ALT = "|".join(
    re.escape(k) for k in sorted((k for k in MONTHS if len(k) >= 3), key=len, reverse=True)
)
_DATE = (
    rf"(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH_ALT})\.?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<m2>{_MONTH_ALT})\.?\s+(?:(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?(?P<y2>(?:19|20)\d\d)"
    r"|(?P<y3>(?:19|20)\d\d))(?!\d|,\d)"
)
_DATE_RE = re.compile(_DATE, re.I)
_DATE_RE = starting(_DATE_RE)  # speed only, same matches (prefilter.starting)
_PERIOD_MOD = (
    r"(?:the\s+(?:end|middle|beginning|start|close)\s+of\s+|mid-?\s*|late\s+|early\s+|end-"
    r"|the\s+year\s+(?:of\s+)?)?"
)
_END_RE = re.compile(
    rf"\b(?:until|till|through|to|by|as\s+of|up\s+to)\s+{_PERIOD_MOD}(?={_DATE})", re.I
)
_START_RE = re.compile(r"\b(?:since|from|between|starting|beginning)\b", re.I)
_SINGLE_RE = re.compile(
    rf"\b(?:during|throughout|in|for)\s+{_PERIOD_MOD}(?={_DATE})", re.I
)
_SINGLE_STRONG_RE = re.compile(
    rf"(?:\bduring\s+(?:the\s+year\s+(?:of\s+)?)?|\b(?:report|total|toll|tally|figures?)\s+for\s+)"
    rf"(?={_DATE})",
    re.I,
)
_BRACKETED_PART = re.compile(r"\s*\((?:[^()]*,\s*)?")
# a count compared with an earlier one: "a rapid spike from the 400 deaths", "up from 300"
_COMPARED_FROM_BEFORE = re.compile(
    r"\b(?:up|down|(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:rise|spike|increase|jump|surge|drop|decrease|decline))"
    r"\s+from\s+(?:the\s+|some\s+|about\s+|around\s+)?$", re.I)
_CUM_CUE = re.compile(
    # a count compared with an earlier count: both are running totals ("announced the deaths of over a
    # thousand troops, a rapid spike from the 400 deaths announced a few months earlier")
    r"\b(?:up|down|(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:rise|spike|increase|jump|surge|drop|decrease|decline))"
    r"\s+from\s+(?:the\s+|some\s+|about\s+|around\s+)?\d"
    # "martyred in recent years"
    r"|\b(?:in|over|during)\s+recent\s+(?:years|months)\b"
    r"|\b(?:since|until|till|as\s+of|in\s+total|a\s+total\s+of|overall|altogether|cumulative(?:ly)?"
    r"|annual|to\s+date|during\s+the\s+year|throughout\s+the\s+year)\b"
    # a toll over a named military operation, a campaign of weeks or months: "killed ... during
    # 2018 Operation Olive Branch", "during Operation Peace Spring"
    r"|\b(?:during|throughout|over\s+the\s+course\s+of)\s+(?:(?:19|20)\d\d\s+)?(?:the\s+)?(?-i:Operation\s+[A-Z])"
    rf"|\b(?:report|total|toll|tally|figures?)\s+for\s+(?:19|20)\d\d\b"
    rf"|\bby\s+{_PERIOD_MOD}(?:(?:\d{{1,2}}\s+)?(?:{_MONTH_ALT})\s+)?(?:19|20)\d\d\b"
    rf"|\bfrom\s+[^.;]{{0,80}}?\b(?:to|until|till|through)\s+{_PERIOD_MOD}"
    rf"(?:(?:\d{{1,2}}\s+)?(?:{_MONTH_ALT})\s+)?(?:19|20)\d\d\b"
    # (each day may have its year: "between 1 March 2011 and 31 March 2021")
    rf"|\bbetween\s+\d{{1,2}}\s+(?:{_MONTH_ALT})(?:\s+(?:19|20)\d\d)?,?\s+and\s+\d{{1,2}}\s+(?:{_MONTH_ALT})\b"
    # "Between February 2015 and March 2016": months of a year or more
    rf"|\bbetween\s+(?:{_MONTH_ALT})\s+(?:19|20)\d\d\s+and\s+(?:{_MONTH_ALT})\s+(?:19|20)\d\d\b"
    # a whole war, siege or span: "during the two-year blockade", "throughout the war", "over
    # the past three months", "in six years of war", "by March"
    r"|\b(?:during|throughout|over|in\s+the\s+course\s+of)\s+(?:the|its|their|this|that)\s+"
    r"(?:(?:entire|whole|past|last|previous|first|[\w-]+-(?:year|month|week|day)(?:-long)?|"
    r"(?:\w+\s+)?(?:years?|months?|weeks?)\s+(?:of\s+)?(?:the\s+)?|[a-z]+)\s+)?"
    r"(?:war|civil\s+war|conflict|siege|blockade|occupation|intervention|campaign|period"
    r"|years?|months?|weeks?)\b"
    r"|\b(?:in|over|during)\s+the\s+(?:past|last|previous|first)\s+(?:\w+\s+)?"
    r"(?:days|weeks?|months?|years?)\b"
    r"|\b(?:in|over|after)\s+(?:\w+\s+)?(?:years?|months?)\s+of\s+(?:the\s+)?"
    r"(?:war|conflict|fighting|siege|bombing|bombardment|strikes|airstrikes|air\s+strikes)\b"
    rf"|\bby\s+{_PERIOD_MOD}(?:{'|'.join(sorted(_MONTH_NAMES, key=len, reverse=True))})\b"
    # a running total at a day: "By 5 June, 120 rebels had been killed", "By the end of 6 January, the
    # death toll had risen to 603"; a toll brought to a count by a day: "The death toll was updated
    # to 800 by 15 April"
    rf"|\bby\s+(?:the\s+end\s+of\s+)?(?:\d{{1,2}}\s+(?:{_MONTH_ALT})|(?:{_MONTH_ALT})\s+\d{{1,2}})\b[^.;]{{0,120}}?"
    r"\bhad\s+(?:been\s+)?(?:killed|died|wounded|injured|risen|rose|reached|climbed|increased)\b"
    rf"|\b(?:updated|raised|rose|risen|climbed|increased|reached)\s+(?:to\s+)?[^.;]{{0,30}}?\bby\s+"
    rf"(?:\d{{1,2}}\s+(?:{_MONTH_ALT})|(?:{_MONTH_ALT})(?:\s+\d{{1,2}})?)\b"
    # a total up to a point of the story: "up to that point, 40 soldiers had been killed", "so far"
    r"|\b(?:up\s+(?:un)?to\s+that\s+point|up\s+(?:un)?to\s+then|until\s+then)\b"
    r"|\bin\s+all\s*,|^\W*in\s+all\b"
    # "over a one-month period", "during a six-month period", "in a two-year span"
    r"|\b(?:over|during|in|within)\s+an?\s+(?:[\w]+-)?(?:month|year)(?:-long)?\s+(?:period|span|stretch)\b"
    # a whole month or year: "had killed about 500 fighters throughout 2016"
    rf"|\bthroughout\s+(?:the\s+year\s+(?:of\s+)?)?(?:(?:{_MONTH_ALT})\s+)?(?:19|20)\d\d\b"
    # a total over a whole battle: "Throughout the offensive, 1,000 civilians were killed"; "over the
    # next three days"
    r"|\b(?:throughout|over\s+the\s+course\s+of|in\s+the\s+course\s+of)\s+the\s+(?:whole\s+|entire\s+)?"
    r"(?:battle|offensive|operation|fighting|clashes)\b"
    r"|\b(?:over|during)\s+the\s+(?:next|following)\s+(?:\w+\s+)?(?:days|weeks|months)\b"
    # a total at the end of a whole battle or span: "By the end of the battle, 500 militants had been killed"
    r"|\bby\s+the\s+(?:end|close)\s+of\s+the\s+(?:war|conflict|siege|battle|offensive|campaign|operation"
    r"|fighting|year|month)\b",
    re.I,
)
# speed only, same matches: a look-ahead for its first characters (prefilter.starting)
_CUM_CUE = starting(_CUM_CUE)
_SINCE_NOT_CUM = re.compile(
    r"\b(?:deadliest|worst|bloodiest|largest|biggest|highest|first|most|heaviest)\b[^.;]{0,80}$",
    re.I,
)
_SINCE_START = re.compile(
    rf"[^.;]{{0,70}}?(?:{_DATE}|\b(?:{'|'.join(_MONTH_NAMES)})\b"
    r"|\b(?:began|begun|start|started|inception|initiation|beginning|launch|launched|outset|onset|"
    r"intervention|campaign|operations?|involvement|deployment)\b)",
    re.I,
)
_AGGREGATE = re.compile(
    r"(?<![\w$.,:/-])(\d{1,3}(?:,\d{3})+|\d{2,})\s+(?:[\w-]+\s+){0,3}?"
    r"(?:strikes|airstrikes|air\s+strikes|raids|incidents|events|attacks|sorties)\b",
    re.I,
)


_ONE_DAY_RE = re.compile(
    rf"\bon\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH_ALT})|(?:{_MONTH_ALT})\s+\d{{1,2}}(?:st|nd|rd|th)?)\b",
    re.I)


def _date_iso(m: re.Match) -> str | None:
    g = m.group
    year = g("y1") or g("y2") or g("y3")
    month_name = g("m1") or g("m2")
    day = g("d1") or g("d2")
    try:
        if month_name:
            month = MONTHS[month_name.lower().rstrip(".")]
            return dt.date(int(year), month, int(day) if day else 1).isoformat()
        return dt.date(int(year), 1, 1).isoformat()
    except (KeyError, ValueError):
        return None


def _since_is_period(s: str, m: re.Match) -> bool:
    """"since 2015", "since the initiation of the intervention", not "the first ... since the
    Cold War"."""
    if _SINCE_NOT_CUM.search(s, max(0, m.start() - 90), m.start()):
        return False
    return _SINCE_START.match(s, m.end()) is not None


# A whole war's toll with no period phrase: the war as the killer ("the war has killed ...",
# "the conflict has claimed"), victims of the war with no incident named ("have died in the
# Syrian conflict", "killed covering the Syrian war"), or a running total of tens of thousands
# or more in the perfect ("More than 250,000 people have been killed", "450,000 Syrians were
# estimated to have been killed").
_WAR = r"(?:civil\s+war|war|conflict|uprising|insurgency|revolution)"
_WAR_AGENT_RE = guarded(re.compile(
    rf"(?<!\bof\s)(?<!\bin\s)(?<!\bduring\s)\b(?:the|this|that|its|their)\s+(?:[\w'’-]+\s+){{0,3}}?{_WAR}\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:(?:so\s+far|now|already|reportedly|\w+ly)\s+)?(?:killed|claimed|left|cost|caused|resulted\s+in)\b",
    re.I,
))
_WAR_SETTING_RE = re.compile(
    rf"\b(?:in|during|throughout|covering|of)\s+(?:the|this|its|their)\s+(?:[\w'’-]+\s+){{0,3}}?{_WAR}\b"
    r"(?![-\w]|\s+(?:crimes?|zones?|rooms?|planes?|games?)\b)",
    re.I,
)
_PERFECT_CASUALTY_RE = re.compile(
    r"\b(?:have|has|to\s+have)\s+(?:(?:now|so\s+far|already|reportedly|since|\w+ly)\s+)?"
    r"(?:been\s+(?:killed|wounded|injured)|died|perished|lost\s+their\s+lives)\b",
    re.I,
)
_LARGE_COUNT_RE = re.compile(
    r"(?<![\w$.,:/-])(?:\d{1,3}(?:,\d{3}){2,}|[1-9]\d{1,2},\d{3}|\d{5,})(?![\d,]*\d)"
    r"|\b(?:tens|hundreds)\s+of\s+thousands\b|\bthousands\b",
    re.I,
)
_INCIDENT_NOUN_RE = re.compile(
    r"\b(?:attacks?|strikes?|airstrikes?|air\s+raids?|raids?|bombings?|bombs?|explosions?|blasts?"
    r"|ambush(?:es)?|clash(?:es)?|shelling|massacres?|shootdowns?|crash(?:es)?|assaults?|battles?"
    r"|offensives?|incidents?|fighting)\b",
    re.I,
)
_SUPERLATIVE_RE = re.compile(
    r"\b(?:deadliest|worst|bloodiest|largest|biggest|highest|first|heaviest|single)\b", re.I)


def _war_total(s: str) -> bool:
    """Whether the sentence states a whole war's toll though it names no period (see above).
    "the deadliest attack of the war", "killed in an ambush during the war" stay incidents."""
    if _WAR_AGENT_RE.search(s):
        return True
    if _INCIDENT_NOUN_RE.search(s) or _SUPERLATIVE_RE.search(s):
        return False
    if _WAR_SETTING_RE.search(s):
        return True
    return _PERFECT_CASUALTY_RE.search(s) is not None and _LARGE_COUNT_RE.search(s) is not None


# a sentence set in a whole year and nothing narrower: "In 2019, 29 soldiers were killed by ..."
_YEAR_OPENER = re.compile(r"\s*(?:In|During|Throughout)\s+(?:19|20)\d\d\s*,")
_MONTH_WORD_RE = re.compile(rf"\b(?:{_MONTH_ALT})\b", re.I)


# a sentence (or a table row, or a list entry) that opens with its period: "April–June 2013 – ...",
# "July 2012 – 22 December 2016 – ...", "Between 27 April and 5 July 2013, ...", "From May 2011 to
# May 2014, ...", "3 July 2015 – ongoing"; "Between 19 and 20 December 2011" takes the month after
_SPAN_SEP = r"\s*(?:–|—|-|\bto\b|\band\b|\buntil\b|\btill\b|\bthrough\b)\s*"
_OPENING_SPAN_RE = re.compile(
    rf"\W*(?:(?:between|from|during)\s+)?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*)?(?:(?P<m1>{_MONTH_ALT})\.?\s*)?"
    rf",?\s*(?P<y1>(?:19|20)\d\d)?{_SPAN_SEP}"
    rf"(?:(?P<open>present|ongoing|today|now)\b"
    rf"|(?:(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s*)?(?:(?P<m2>{_MONTH_ALT})\.?\s*)?,?\s*(?P<y2>(?:19|20)\d\d)?)"
    r"(?![\w-])",
    re.I)
_LONG_SPAN_DAYS = 28  # a month or more: the labels' and the codebook's line between an incident and a total


def _opening_span(s: str) -> tuple[str | None, str | None] | None:
    """(first day, first day of the last period) of the period a sentence opens with when it lasts a
    month or more ("April–June 2013": 2013-04-01, 2013-06-01); None when it opens with no period or a
    shorter one ("27 February – 5 March 2020", "Between 19 and 20 December 2011")."""
    m = _OPENING_SPAN_RE.match(s)
    if m is None:
        return None
    g = m.group
    if not (g("m1") or g("y1")) and not g("d1"):
        return None
    if g("open"):  # "3 July 2015 – ongoing": a period still running
        if not (g("m1") and g("y1")):
            return None
        start = dt.date(int(g("y1")), MONTHS[g("m1").lower()], int(g("d1") or 1))
        return start.isoformat(), None
    if not (g("m2") or g("y2")) or (g("d2") and not g("m2")):
        return None
    if not g("m1") and not g("m2") and not (g("y1") and g("y2")):
        return None
    if g("d1") and not g("m1") and not g("m2"):
        return None
    y2 = int(g("y2") or g("y1") or 2001)
    y1 = int(g("y1") or y2)
    m2 = MONTHS[g("m2").lower()] if g("m2") else 12
    m1 = MONTHS[g("m1").lower()] if g("m1") else (m2 if g("d1") or not g("y1") else 1)
    try:
        first = dt.date(y1, m1, int(g("d1") or 1))
        last_start = dt.date(y2, m2, int(g("d2") or 1))
        last_end = last_start if g("d2") else (dt.date(y2 + (m2 == 12), m2 % 12 + 1, 1) - dt.timedelta(days=1))
    except ValueError:
        return None
    if last_start <= first or (last_end - first).days + 1 < _LONG_SPAN_DAYS:
        return None  # "December 2014 – December 2014 Rif Dimashq airstrike": one month, then a name
    known = bool(g("y1") or g("y2"))
    return (first.isoformat() if known else None), (last_start.isoformat() if known else None)


# a tally over a month, a year or a running period (issue 9, a coalition's operation): the deaths
# counted beside the incidents they came from ("In 2015, there were 268 incidents and 708 deaths",
# "2018 saw 192 incidents and 846 deaths"), a month or a year "alone" ("killed ... in March 2017
# alone", "in September alone"), a monitor's record of a month ("In July 2017, Airwars recorded reports of ... 1,342 people
# killed"), strikes that "have killed" so far, a toll "so far" or "now" ("have now been killed")
_PERIOD_TALLY_RE = re.compile(
    r"\b\d[\d,]*\s+(?:[\w-]+\s+){0,2}?(?:incidents|attacks|strikes|airstrikes)\s+(?:and|with)\s+(?:at\s+least\s+|more\s+than\s+|over\s+)?"
    r"\d[\d,]*\s+(?:[\w-]+\s+)?(?:deaths|dead|fatalities|casualties)\b"
    # "in 2014 there were 63 incidents ..., causing at least 160 civilian deaths": a toll over many incidents
    r"|\bthere\s+(?:were|have\s+been)\s+(?:\d[\d,]*|dozens\s+of|hundreds\s+of)\s+(?:[\w-]+\s+){0,2}?incidents\b"
    r"|\b(?:19|20)\d\d\s+(?:saw|recorded|witnessed)\s+\d[\d,]*\s+(?:[\w-]+\s+)?(?:incidents|attacks|strikes|deaths)\b"
    rf"|\bin\s+(?:(?:{_MONTH_ALT})(?:\s+(?:19|20)\d\d)?|(?:19|20)\d\d)\s+alone\b"
    rf"|^\W*In\s+(?:(?:{_MONTH_ALT})\s+)?(?:19|20)\d\d\s*,\s*[^,;]{{0,60}}?\b(?:recorded|documented|counted|registered|tallied)\b"
    r"|\b(?:strikes|airstrikes|air\s+strikes|raids|bombings|bombardments)\s+(?:[\w-]+\s+){0,3}?ha(?:ve|s)\s+killed\b"
    r"|\bha(?:ve|s)\s+(?:now|so\s+far)\s+been\s+(?:killed|wounded|injured)\b",
    re.I)
# the same, whatever day the sentence is told on ("On 12 June 2016, it was reported that 120 IS
# leaders ... were killed so far this year", "a total death count of 1,417")
_RUNNING_TALLY_RE = re.compile(
    r"\bso\s+far\s+this\s+(?:year|month)\b|\btotal\s+(?:death|casualty)\s+(?:count|toll)\b", re.I)


# a stretch of fighting counted in days, weeks, months or years ("1,612 days of fighting for Aleppo
# left 21,452 civilians dead", "Four years of war have killed ..."): a total when it lasts a month
# or more (``_LONG_SPAN_DAYS``), as an opening period does; "three days of fighting" is one incident
_SPAN_OF_FIGHTING_RE = re.compile(
    rf"(?<![\w,.])(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_WORD_NUM})(?:[- ](?:{_WORD_NUM}))?)\s+"
    r"(?P<unit>days?|weeks?|months?|years?)\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?"
    r"(?:war|conflict|fighting|siege|clashes|bombing|bombardment|strikes|airstrikes|air\s+strikes|battle)\b",
    re.I)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


def _long_span_of_fighting(s: str) -> bool:
    if "s of " not in s and "y of " not in s and "k of " not in s and "h of " not in s:
        return False  # (speed only: no "days of", "year of", "week of", "month of")
    for m in _SPAN_OF_FIGHTING_RE.finditer(s):
        parsed = parse_count(m.group("n"))
        if parsed is None or parsed[0] is None:
            continue
        if parsed[0] * _UNIT_DAYS[m.group("unit").lower().rstrip("s")] >= _LONG_SPAN_DAYS:
            return True
    return False


_BETWEEN_AND_RE = re.compile(r",?\s+and\s+")


def _scope_and_period(s: str) -> tuple[str, str | None, str | None]:
    span = _opening_span(s)
    if span is not None:
        return "cumulative", span[0], span[1]  # a toll over the month or more the sentence opens with
    cumulative = False
    if (_YEAR_OPENER.match(s) and not _INCIDENT_NOUN_RE.search(s) and not _MONTH_WORD_RE.search(s)
            and not _SUPERLATIVE_RE.search(s)):
        return "cumulative", None, None  # a year's toll, no incident named
    for m in _CUM_CUE.finditer(s):
        if m.group(0).lower().startswith("since") and not _since_is_period(s, m):
            continue
        cumulative = True
        break
    if not cumulative and (_war_total(s) or _long_span_of_fighting(s)):
        cumulative = True
    if not cumulative and ((not _ONE_DAY_RE.search(s) and _PERIOD_TALLY_RE.search(s)) or _RUNNING_TALLY_RE.search(s)):
        cumulative = True
    if not cumulative and not _ONE_DAY_RE.search(s):  # "On 13 January 2021, at least 10 airstrikes ...": one day
        for m in _AGGREGATE.finditer(s):
            if _PRECEDING_MONTH.search(s, max(0, m.start() - 12), m.start()):
                continue
            if _YEAR.fullmatch(m.group(1)):
                continue
            cumulative = True
            break
    if not cumulative:
        return "incident", None, None

    start = end = None
    m_end = _END_RE.search(s)
    if m_end:
        d = _DATE_RE.match(s, m_end.end())
        if d:
            end = _date_iso(d)
    for m in _START_RE.finditer(s):
        if m.group(0).lower() == "since" and not _since_is_period(s, m):
            continue
        limit = min(len(s), m.end() + 90)
        for d in _DATE_RE.finditer(s, m.end(), limit):
            if m_end and d.start() == m_end.end():
                break  # that date is the end of the period
            start = _date_iso(d)
            if end is None and m.group(0).lower() == "between" and (
                    a := _BETWEEN_AND_RE.match(s, d.end())) is not None:
                # "between 1 March 2011 and 31 March 2021": the second day ends the period
                d2 = _DATE_RE.match(s, a.end())
                end = _date_iso(d2) if d2 is not None else None
            break
        if start:
            break
    if start is None and end is None:
        single = _SINGLE_STRONG_RE.search(s) or _SINGLE_RE.search(s)
        if single:
            d = _DATE_RE.match(s, single.end())
            if d:
                start = end = _date_iso(d)
    return "cumulative", start, end


# --------------------------------------------------------------------------------------------
# extraction
# --------------------------------------------------------------------------------------------

@dataclass
class _NP:
    head: str | None = None  # "person" | "casualty" | "inherit" | None
    group: str | None = None
    word: str | None = None  # the (first) person noun
    outcome: str | None = None  # from a casualty noun head
    cword: str | None = None  # the casualty noun of a casualty head ("casualty", "deaths")
    end: int = 0  # end of the head (or of the count when there is no head)
    last: int = 0  # end of the last word consumed (unknown words included)


_REJECT = None


def _next_word(s: str, pos: int) -> str | None:
    t = _TOKEN.match(s, pos)
    return t.group(1).lower() if t and t.group(1) else None


# casualty words that may stand before a person noun as its adjective ("20 dead rebels")
_CASUALTY_ADJECTIVES = frozenset({"dead", "killed", "wounded", "injured"})


def _coordinated_modifier_head(s: str, pos: int) -> bool:
    """After an "and"/"or" inside a count's noun phrase that has no head yet: whether at most two
    more words lead to a person noun ("... Syrian Army and allied troops", "... government or
    pro-government fighters"), so that the coordination joins two modifiers of that noun."""
    return _person_ahead(s, pos, numbers_stop=False)


# what is done with the bodies of the dead
_BODIES_OF_DEAD_RE = re.compile(
    r"\b(?:recovered|found|pulled|retrieved|discovered|buried|unearthed|exhumed|identified|unidentified"
    r"|collected|scattered|lying|lay|rubble|morgue|mass\s+grave)\b", re.I)


# a civilian rescue or medical service in a side-neutral noun's complement: its members are civilians
# (as "rescue workers", "medical staff" are)
_CIVILIAN_SERVICE = re.compile(r"\b(?:civil\s+defen[cs]e|red\s+crescent|red\s+cross|ambulance\s+service)\b", re.I)
_QUOTED_NOUN = re.compile(r"\s+[\"“](?=[A-Za-z][^\"“”]{0,40}[\"”])")
_PAREN_DIGITS = re.compile(r"\s*\(\d[\d,]*\)")
# an acronym in brackets among the modifiers of a noun phrase: "15 Manbij Military Council (MMC) fighters"
_PAREN_ACRONYM = re.compile(r"\s*\((?:[A-Z][A-Za-z]*[A-Z][A-Za-z]*|[A-Z]{2,})\)(?=\s+[A-Za-z])")
# a person noun phrase with a passive verb of its own that is no casualty word ("one assailant was
# captured", "two soldiers were taken prisoner"): a casualty word before it is not its outcome
_OWN_OTHER_PASSIVE = re.compile(
    r"\s+(?:was|were|had\s+been|have\s+been|has\s+been)\s+(?:reportedly\s+|also\s+|later\s+)?"
    r"(?!killed|wounded|injured|hurt|murdered|assassinated|massacred|executed|slain|martyred|eliminated|neutrali[sz]ed|among"
    r"|reported|confirmed|believed|thought|feared|presumed|found|said|shot|left|declared|listed|counted|estimated"
    r"|pronounced|announced|recorded|documented|identified|claimed|injured|beheaded|slaughtered|gunned|hanged)"
    r"(?:[a-z]+ed|taken|held|seen)\b(?!\s+(?:and|or|then)\s|\s+(?:\w+\s+)?(?:dead|killed|wounded|injured)|\s+to\s+death\b)",
    re.I,
)
# "killing 3 and injuring 20 of the rebel fighters": the bare first count is of the noun the second names
_BARE_THEN_NOUN = re.compile(r"\s*,?\s+and\s+(?:kill|wound|injur)\w*\s+$", re.I)
# "killing 11 of them", "three of whom": the part of a group the sentence named before
_OF_THEM_END = re.compile(r"\b(?:them|whom)$", re.I)
_THEY_OPEN = re.compile(r"\W*(?:They|Their)\b")
_OF_WHOM_BEFORE = re.compile(r"\b(?:of|among)\s+(?:whom|them|which)\s*,?\s*$", re.I)


def _person_ahead(s: str, pos: int, words: int = 3, numbers_stop: bool = True) -> bool:
    """A person noun within the next few words, after adjectives only ("more senior commanders",
    "more high-ranking officers"): no stop word, non-person noun or (with ``numbers_stop``) number
    before it."""
    for _ in range(words):
        t = _TOKEN.match(s, pos)
        if t is None or t.group(1) is None:
            return False
        lw = t.group(1).lower()
        if lw in _PERSON:
            return True
        if lw in _STOP or lw in _NONPERSON or lw in _CASUALTY_NOUNS:
            return False
        if numbers_stop and any(ch.isdigit() for ch in lw):
            return False
        pos = t.end()
    return False


def _scan_np(s: str, pos: int) -> _NP | None:
    """Read the noun phrase after a count; None when it names a non-person (strikes, days ...)."""
    np = _NP(end=pos, last=pos)
    n = 0
    first = True
    while n < 7:
        acro = _PAREN_ACRONYM.match(s, pos) if not first and np.head is None else None
        if acro is not None:
            pos = np.last = acro.end()
            continue
        t = _TOKEN.match(s, pos)
        if t is None or t.group(1) is None:
            if t is not None and t.group(2) is not None and first:
                return _REJECT  # another number right after: "26 3M-14T", "13 2015"
            break
        w = t.group(1)
        lw = w.lower()
        if lw.endswith("-old") and lw[0].isdigit():
            pos = t.end()  # "a 12-year-old boy"
            np.last = pos
            n += 1
            first = False
            continue
        if lw in _NONPERSON and _next_word(s, t.end()) in _PERSON:
            pos = t.end()  # "school students", "hospital staff": a place noun modifying a person noun
            np.last = pos
            n += 1
            first = False
            continue
        if any(ch.isdigit() for ch in w) or lw in _NONPERSON or lw in _MONTH_FULL:
            return _REJECT
        if lw in _CASUALTY_NOUNS:
            nxt = _next_word(s, t.end())
            if nxt in _NONPERSON or nxt in _NOT_AFTER_CASUALTY:
                return _REJECT
            if lw == "bodies" and (not first or not _BODIES_OF_DEAD_RE.search(s)):
                return _REJECT  # "numerous international bodies" are organisations, "38 bodies were recovered" the dead
            if lw in _CASUALTY_ADJECTIVES and nxt in _PERSON and np.head is None:
                # "20 dead rebels", "three wounded soldiers": the outcome before the person noun
                np.outcome = _CASUALTY_NOUNS[lw]
                pos = t.end()
                np.last = pos
                n += 1
                first = False
                continue
            np.head, np.outcome, np.end, np.cword = "casualty", _CASUALTY_NOUNS[lw], t.end(), lw
            np.last = t.end()
            return np
        if lw == "national" and (w[0].isupper() or _next_word(s, t.end()) in _PERSON):
            # "Syrian National Army fighters", "a foreign national doctor": a word of a name or a
            # modifier, not the person noun
            pos = t.end()
            np.last = pos
            n += 1
            first = False
            continue
        if lw in _PERSON:
            nxt = _next_word(s, t.end())
            if nxt in _NONPERSON:
                return _REJECT  # "fighter jets", "civilian targets"
            # the head of a compound is its last noun ("One women patient": patient), its group
            # the first's ("militia fighters": militants, "women patients": women)
            np.word = lw
            if np.head != "person":
                np.group = np.group or _PERSON[lw]
            np.head, np.end, np.last = "person", t.end(), t.end()
            pos = t.end()
            n += 1
            first = False
            if nxt in _COMPOUND_CASUALTY:
                continue  # "civilian deaths", "child casualties"
            if nxt in _PERSON:
                continue  # "militia fighters", "crew members"
            return np
        if lw in _MODIFIERS and not (lw == "service" and _next_word(s, t.end()) not in ("members", "member", "personnel")):
            np.group = np.group or _MODIFIERS[lw]
            pos = t.end()
            np.last = pos
            n += 1
            first = False
            continue
        if lw in ("more", "others"):
            nxt = _next_word(s, t.end())
            if lw == "more" and (nxt in _PERSON or nxt in _MODIFIERS or _person_ahead(s, t.end())):
                pos = t.end()  # "two more civilians", "two more senior commanders": the count's own noun follows
                np.last = pos
                n += 1
                first = False
                continue
            np.head, np.end, np.last = "inherit", t.end(), t.end()
            return np
        if lw == "of" and first:
            # partitive "three of the soldiers", "many of them"
            pos = t.end()
            nxt_t = _TOKEN.match(s, pos)
            determiner = False
            while nxt_t and nxt_t.group(1) and nxt_t.group(1).lower() in (
                "the", "its", "their", "those", "these", "his", "our"
            ):
                pos = nxt_t.end()
                nxt_t = _TOKEN.match(s, pos)
                determiner = True
            if nxt_t and nxt_t.group(1) and nxt_t.group(1).lower() in ("them", "whom"):
                np.head, np.end, np.last = "inherit", nxt_t.end(), nxt_t.end()
                after_them = _next_word(s, nxt_t.end())
                if after_them in _PERSON:  # "nine of them children": the part's own group
                    np.group = _PERSON[after_them]
                return np
            if determiner and nxt_t and nxt_t.group(1) and nxt_t.group(1).lower() in _CASUALTY_NOUNS:
                return _REJECT  # "many of the injured": part of victims already counted
            first = False
            continue
        if lw in ("and", "or") and np.head is None and not first and _coordinated_modifier_head(s, t.end()):
            pos = t.end()  # "50 Syrian Army and allied troops": two modifiers of one head noun
            np.last = pos
            n += 1
            continue
        if lw in _STOP and not (len(w) >= 2 and w.isupper()):
            break  # an acronym is a name, not a word: "10 IS fighters", "two US soldiers"
        pos = t.end()
        np.last = pos
        n += 1
        first = False
    if np.head is None and n >= 4:
        return _REJECT  # a long run of unknown words is not a noun phrase we understand
    return np


def _affiliations(text: str, group: str | None, word: str | None) -> list[str]:
    out: list[str] = []
    for m in _AFFIL_RE.finditer(text):
        name = _AFFIL_NAMES[int(str(m.lastgroup)[1:])]   # every alternative is a named group
        if name not in out:
            out.append(name)
    if not out and group == "soldiers" and word not in _CONTRACTORS:
        nationality = _NATIONALITY_RE.search(text)
        if nationality:
            out.append(_NATIONALITY[nationality.group(1).lower()])
    return out


def _quote_spans(s: str) -> list[tuple[int, int]]:
    marks = [m.start() for m in _QUOTE_CHARS.finditer(s)]
    spans = []
    for i in range(0, len(marks), 2):
        spans.append((marks[i], marks[i + 1] if i + 1 < len(marks) else len(s)))
    return spans


def _reporters(s: str) -> str | None:
    found: list[str] = []
    quotes = None
    for m in _REP_RE.finditer(s):
        name = _REP_NAMES[int(str(m.lastgroup)[1:])]   # every alternative is a named group
        if name in found:
            continue
        if not (_ACCORDING.search(s, max(0, m.start() - 25), m.start())
                or _REPORT_CUE.match(s, m.end())):
            continue
        if quotes is None:
            quotes = _quote_spans(s)
        if any(a < m.start() < b for a, b in quotes):
            continue
        found.append(name)
    return "; ".join(found) if found else None


def _mask(sentence: str) -> str:
    if "[" in sentence and "]" in sentence:
        # an editorial insertion reads as its words: "killing [of] five people"
        sentence = _EDITORIAL.sub(lambda m: " " + m.group(1) + " ", sentence)
    if "http" not in sentence and "www." not in sentence and "](" not in sentence:
        return sentence
    return _MASK.sub(lambda m: " " * len(m.group(0)), sentence)


@dataclass
class _Raw:
    outcome: str
    low: int | None
    high: int | None
    qual: str
    group: str | None
    affiliation: str | None
    start: int
    end: int
    tail: int
    np_end: int
    combined: bool = False  # outcome "casualties" from two outcome words ("killed or wounded")
    running_total: bool = False  # "bring the total number of executed soldiers to 71": cumulative


# the name of a non-state armed group inside the victims' noun phrase: "Free Idlib Army", "Hamza
# Brigade", "Sham Legion", "Levant Front", "Nour al-Din al-Zenki Movement"
_ARMED_GROUP_NAME = re.compile(
    r"\bFree\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+Army\b"
    r"|\b[A-Z][\w'’-]*\s+(?:Brigades?|Battalions?|Legion|Front|Movement)\b")
# the side a toll is of, as the subject of "suffered": "ISIL suffered 20 dead"
_SUFFERED_BEFORE = re.compile(
    # (an absolute clause's participle too: "with the SDF losing 28 fighters and ISIL suffering over 140 dead")
    r"(?P<who>(?:[A-Z][\w'’.-]*\s+){1,4})(?:(?:also|reportedly|had)\s+)?(?:suffered|sustained|incurred"
    r"|suffering|sustaining|incurring)\s+"
    r"(?:(?:a\s+total\s+of|at\s+least|about|around|some|over|more\s+than|nearly)\s+)?$")
# the side that suffered or lost the victims: "The rebels suffered 25 dead", "Government forces lost
# 15 men", "it had killed 50 militants, while losing 6 men" (the subject, for a participle or a pronoun)
_LOSS_BEFORE = re.compile(
    r"(?:(?P<who>(?:[Tt]he\s+)?(?:[\w'’.-]+\s+){0,4}?)(?:(?:also|reportedly|had|has|have|allegedly)\s+)*"
    r"(?:suffered|sustained|incurred|lost)|,\s*(?:while\s+|and\s+)?(?P<part>losing|suffering|sustaining))\s+"
    r"(?:(?:a\s+total\s+of|at\s+least|about|around|some|over|more\s+than|nearly|another)\s+)?$")
# a side's heavy losses, then a count of them: "These militias have also incurred heavy losses, with X
# alone reporting over 10,000 casualties"
_HEAVY_LOSSES_WITH_BEFORE = re.compile(
    r"(?P<who>(?:[A-Z][\w'’.-]*\s+)?(?:[\w'’.-]+\s+){0,3}?)(?:(?:also|reportedly|had|has|have)\s+)*"
    r"(?:suffered|sustained|incurred|taken)\s+(?:(?:heavy|significant|severe|many|serious)\s+)?(?:losses|casualties)"
    r"\s*,\s*with\s+[^.;()]{0,60}?(?:(?:a\s+total\s+of|at\s+least|about|around|some|over|more\s+than|nearly)\s+)?$")
_PRONOUN_START = re.compile(r"\W*(?:(?:On|In|By|During)\b[^,]{0,30},\s*)?(?:it|they|we)\b", re.I)
_GENERIC_MEN = {"men", "man", "members", "member"}
_SUBJECT_SIDE = re.compile(
    r"\W*(?:(?:On|In|By|During)\b[^,]{0,30},\s*)?(?:[Tt]he\s+)?(?:(?:[A-Z][\w'’.-]*|pro-government|government|rebel"
    r"|opposition|forces|troops|rebels|fighters|army|militants|militia|militiamen)\s+){1,5}")
_SIDE_WORDS = {"government": "soldiers", "pro-government": "soldiers", "regime": "soldiers", "army": "soldiers",
               "military": "soldiers", "rebel": "militants", "rebels": "militants", "opposition": "militants"}


def opens_with_a_pronoun(sentence: str) -> bool:
    """Whether the sentence's subject is a pronoun ("They reported ...", "In turn, they put ..."):
    the side it names is that of an earlier sentence."""
    return _PRONOUN_START.match(sentence) is not None


def _subject_side(s: str, context: str) -> tuple[str | None, list[str]]:
    """The side the sentence's subject names; for a pronoun subject ("They reported ..."), the side
    the subject of the sentence before names ("The SDF declared ...")."""
    text = context if _PRONOUN_START.match(s) else s
    subj = _SUBJECT_SIDE.match(text) if text else None
    return _side_of(subj.group(0)) if subj is not None else (None, [])


def _side_of(text: str) -> tuple[str | None, list[str]]:
    """The victim group of a side named in ``text`` ("The rebels", "Government forces", "ISIL",
    "The SDF"): (group, affiliations), (None, []) when it names none."""
    affs = _affiliations(text, None, None)
    if affs:
        return ("militants" if affs[0] in _NON_STATE else "soldiers"), affs
    for tok in _TOKEN.finditer(text):
        w = (tok.group(1) or "").lower()
        if w in _SIDE_WORDS:
            return _SIDE_WORDS[w], []
        if w in _PERSON and _PERSON[w] in ("soldiers", "militants"):
            return _PERSON[w], []
    return None, []


# a side's losses as the subject of a tally: "Government casualties stood at 35 dead", "Rebel
# losses were estimated at 50 killed", "ISIL's losses reached 120"
_SIDE_GOVERNMENT = {"government", "pro-government", "regime", "pro-regime", "army", "military", "loyalist"}
_SIDE_REBEL = {"rebel", "opposition", "militant", "insurgent", "jihadist"}
_SIDE_TOLL_BEFORE = re.compile(
    r"\b(?P<side>[Tt]heir|[Ii]ts|[Cc]ivilian|[Gg]overnment|[Pp]ro-government|[Rr]egime|[Pp]ro-regime|[Aa]rmy|[Mm]ilitary|[Ll]oyalist|[Rr]ebel"
    r"|[Oo]pposition|[Mm]ilitant|[Ii]nsurgent|[Jj]ihadist|[A-Z][A-Za-z-]{1,20})(?:'s|’s)?\s+"
    r"(?:casualties|losses|deaths|dead|fatalities|death\s+toll|toll)\b[^.;,()\d]{0,40}$")
_BEING_AFTER = re.compile(r"\s+(?:being|having\s+been)\s+(?:killed|wounded|injured|executed)\b", re.I)
# a toll a sentence adds to what its subject did: ", with several casualties"
_WITH_BEFORE = re.compile(r",\s*with\s+$", re.I)
_SUBJECT = re.compile(r"\W*(?:On|In|By|During)?[^,]{0,30}?,?\s*(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}(?=[a-z])")
# between a loss and a second loss of the other side: "... 58 fighters during the day, while the YPG "
_MIRRORED_LOSS_GAP = re.compile(
    r"[^.;:()]{0,40}?[,;]?\s*(?:while|whereas|and|but)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}(?:had\s+)?", re.S)
_ONE_MORE_BEFORE = re.compile(r"\s*,?\s*(?:and|while|but|whereas)\s+", re.I)
# a named victim of an active casualty verb, then a count of the others ("killing Abu Ahmad, a
# Hezbollah commander, and nine others", "killed Ali Hassan and 24 other militants")
_NAME = (r"(?-i:[A-Z])[\w'’.-]*(?:\s+(?:(?-i:[A-Z])[\w'’.-]*|(?:al|el|ad|ar|as|ash|at|az)-[\w'’-]+"
         r"|bin|ibn|bint|abu|abd|de|van|von))*")
_NAMED_AND_BEFORE = re.compile(
    rf"\b(?P<w>killing|killed|kills|kill|wounding|wounded|wounds|injuring|injured|injures)\s+(?:himself|herself|themselves|{_NAME})"
    r"(?:\s*,\s*(?:an?|the|his|her|its|their)\s[^,;:()\[\]]{1,60}?)?\s*,?\s+(?:and|along\s+with|as\s+well\s+as)\s+$",
    re.I)
_OTHER_AFTER = re.compile(r"\s+other\s", re.I)
_ACTIVE_BEFORE_ONE = re.compile(
    r"\b(?:killing|killed|kills|wounding|wounded|wounds|injuring|injured|injures)\s+$", re.I)
_ONE_OBJECT_AFTER = re.compile(r"\s*(?:[.;,)]|$|\s+(?:and|in|on|at|near|during|with|while)\b)", re.I)
_ONE_MORE_AFTER = re.compile(
    r"\s+(?:(?:was|had\s+been)\s+(?:(?:also|reportedly|later|critically|seriously|badly)\s+)?"
    r"(?:killed|wounded|injured|hurt)|(?:later\s+)?died)\b", re.I)


def _is_year_like(m: re.Match) -> bool:
    """A bare 1900-2099 without separator is a year ("in 2015", "(1971–2000)", "2015 strike")."""
    t = m.group("atom") or m.group("r1") or m.group("b1")
    return t is not None and _YEAR.fullmatch(t.strip()) is not None


def _analyse(s: str, m: re.Match, prev: _Raw | None, whole: _Raw | None = None, context: str = "") -> _Raw | None:
    start, end = m.span()
    g = m.group
    is_art = g("art") is not None
    atom = g("atom")
    if _is_year_like(m):
        return None
    # dates ("November 13"), ages ("aged 12"), "no one", "the one"
    if atom or g("r1"):
        if _PRECEDING_MONTH.search(s, max(0, start - 11), start) and not _DAY_MONTH_BEFORE.search(
                s, max(0, start - 16), start):
            return None  # "November 13" is a date; in "On 27 February 33 soldiers" the month has its day
        if _AGE_BEFORE.search(s, max(0, start - 8), start):
            return None
        if _NAME_NUMBER_BEFORE.search(s, max(0, start - 14), start):
            return None  # "the attack on Route 5 killed 3": a number that names a road, a hill, a unit
    if g("between") and _AGE_BEFORE.search(s, max(0, start - 8), start):
        return None  # "children aged between 5 and 9": ages, not a count
    if atom or g("r1"):
        if atom and atom.strip().lower() == "one" and not g("qual") and _NO_BEFORE.search(
            s, max(0, start - 7), start
        ):
            return None
    vals = _values(m)
    if vals is None:
        return None
    low, high, qual = vals

    scan_from = end
    paren_digits = _PAREN_DIGITS.match(s, end)
    if paren_digits:
        scan_from = paren_digits.end()  # "three (3) children": the digits repeat the count
    if start > 0 and s[start - 1] in '"“' and s[end:end + 1] in '"”':
        scan_from = end + 1  # a count in quotes: 'killing "dozens" of people'
    np = _scan_np(s, scan_from)
    if np is not None and np.head is None and (quoted := _QUOTED_NOUN.match(s, scan_from)) is not None:
        # 'killed 30 "terrorists"': the victims' noun in quotes reads as if unquoted
        inner = _scan_np(s, quoted.end())
        if inner is not None and inner.head == "person":
            np = inner
    if np is None:
        return None
    if is_art or (atom and atom.strip().lower() == "one"):
        # "one casualty", "one death": the numeral (not the article) before a singular casualty noun
        # ("The raid left one dead and 3 wounded": the numeral before a casualty adjective too)
        one_casualty = not is_art and np.head == "casualty" and np.cword in _SINGULAR_CASUALTY | _CASUALTY_ADJECTIVES
        # "Five troops were wounded and one was killed": the numeral alone, coordinated right
        # after a figure, with a casualty word of its own, is one more of that figure's victims
        one_more = (not is_art and np.head is None and prev is not None and prev.tail <= start
                    and _ONE_MORE_BEFORE.fullmatch(s, prev.tail, start) is not None
                    and _ONE_MORE_AFTER.match(s, end) is not None)
        # "opened fire on four suspects, killing one": the numeral alone as the object of an active
        # casualty verb, ending its clause, is one victim (of those the sentence named)
        one_object = (not is_art and np.head is None and _ACTIVE_BEFORE_ONE.search(s, max(0, start - 12), start) is not None
                      and _ONE_OBJECT_AFTER.match(s, end) is not None)
        if not one_casualty and not one_more and not one_object and (np.head != "person" or np.word not in _SINGULAR):
            return None

    if np.head == "person" and np.outcome is None and _OWN_OTHER_PASSIVE.match(s, np.last):
        return None  # "... were killed and one assailant was captured": its own verb, no casualty
    outcome: str | None = None
    combined = False
    tail = max(np.end, np.last)
    pre = _PRE_RE.search(s, max(0, start - 70), start)
    mirrored_loss = None  # "ISIL lost 58 fighters, while the YPG lost 13": the 13 are fighters too
    if pre is not None:
        if (pre.group("pv") and np.head is None and prev is not None and prev.tail <= pre.start()
                and pre.group("pv").lower().startswith("los") and prev.group in ("militants", "soldiers")
                and _MIRRORED_LOSS_GAP.fullmatch(s, prev.tail, pre.start()) is not None):
            mirrored_loss = prev.group
        elif pre.group("pv") and np.group not in ("militants", "soldiers", "people"):
            pre = None  # "destroyed two technicals"
        elif np.head is None and np.last - end > 40:
            pre = None
    running_total = pre is not None and pre.group("tw") is not None and _RUNNING_TOTAL.search(
        s, max(0, pre.start() - 25), pre.end()) is not None
    if pre is not None:
        outcome = _outcome_of(pre.group("tw") or pre.group(0).split()[0])
        if outcome == "casualties" and np.head == "casualty" and np.outcome is not None:
            outcome = np.outcome  # "Government casualties stood at 35 dead": the count's own word
        both = _COMBINED_BEFORE.search(s, max(0, pre.start() - 30), pre.start())
        if both and _outcome_of(both.group("w")) != outcome:
            outcome, combined = "casualties", True  # "killed or wounded 14"
    elif np.head == "casualty":
        outcome = np.outcome
        both = _COMBINED_AFTER.match(s, np.end)
        if both and _outcome_of(both.group("w")) != outcome and outcome != "casualties":
            outcome, combined = "casualties", True  # "dozens of deaths and injuries"
            tail = max(tail, both.end())
    elif np.head == "person" and np.outcome is not None:
        outcome = np.outcome  # "bodies of 20 dead rebels"
    else:
        after = np.last
        if start > 0 and s[start - 1] in '"“' and s[after:after + 1] in '"”':
            after += 1  # 'said that "several terrorists" were killed': the quote closes before the verb
        paren = _INCL_PAREN.match(s, after)
        if paren:  # "At least 20 people, including 8 children, were killed"
            after = paren.end()
        rel = _REL_PAREN.match(s, after) or _QUOTE_PAREN.match(s, after) or _AGE_AFTER.match(s, after) \
            or _DASH_PAREN.match(s, after)
        if rel and not _PREFILTER.search(rel.group(0).lower()):
            after = rel.end()
        names = _NAMES_PAREN.match(s, after) if np.head == "person" else None
        if names is None and np.head == "person" and (of := _OF_NAME_PP.match(s, after)) is not None:
            # "two more senior commanders of the Iranian Revolutionary Guard Corps, <their names>,
            # were reported ... to have been killed": the unit they belong to, then their names
            names = _NAMES_PAREN.match(s, of.end())
        if names and len(names.group(0).split()) <= 16:
            after = names.end()  # "Two regional ISIS leaders, <their names>, were killed"
        seg = _SEG_END.search(s, after)
        seg_end = seg.start() if seg else len(s)
        post = _POST_TIGHT.match(s, after, seg_end) if after < seg_end else None
        if post is None and np.head == "person":
            listed = _LIST_TO_PASSIVE.match(s, after)
            if listed is not None:  # "61 rebels, 47 ISIL fighters and 29 civilians had been killed"
                post = _POST_AT.match(s, listed.end())
        if post is None and np.head == "person":
            nouns = _NOUN_LIST_TO_PASSIVE.match(s, after)
            if nouns is not None:  # "120 IS leaders, commanders, ... and other individuals were killed"
                post = _POST_TIGHT.match(s, nouns.end())
        if post is None and np.head in ("person", "inherit"):
            post = _POST_LOOSE.search(s, after, seg_end)
            if post is not None:
                between = s[after:post.start()]
                words = between.split()
                if len(words) > 14:
                    post = None
                elif _AUX_OR_BOUNDARY.search(between) and not _LIST_TO_PASSIVE.fullmatch(between):
                    post = None
                elif (num := _HAS_NUMBER.search(_ORDINAL.sub(lambda o: " " * len(o.group(0)),
                                                             _ONE_OF_A_KIND.sub(lambda o: " " * len(o.group(0)), between)))) and not (
                    _COORD_START.match(between)
                    or re.search(r"(?:,|\band)\s*$", between[:num.start()])
                ):
                    post = None  # another count in between that is not coordinated with ours
                elif (num is not None and _COUNT_FULL.fullmatch(between, num.start())) \
                        or _VAGUE_BEFORE_WORD.search(between):
                    post = None  # "five victims and ten wounded": the word is the other count's
        if post is None and np.head == "person":
            # '2,300 Iranians "went to Syria where they were martyred"': the count's own people, in
            # a relative clause of where they went (a quote may open before it)
            post = _WHERE_THEY_WERE.match(s, after)
        if post is not None:
            w = post.group("w").lower()
            if w.startswith(("elimin", "destroy", "neutral")) and np.group not in (
                "militants", "soldiers", "people"
            ):
                post = None
            elif w in ("killed", "wounded", "injured", "murdered", "massacred", "executed",
                       "eliminated", "destroyed", "hurt", "beheaded", "slaughtered", "hanged") and _ACTIVE_OBJECT.match(s, post.end()) \
                    and not _TIME_SPAN_AFTER.match(s, post.end()):
                post = None  # active verb with its own object: "... convoy killing 34"
        if post is not None and _OR_NOT_CASUALTY.match(s, post.end()):
            return None  # "three generals were killed or captured": how many were killed is unknown
        if post is not None:
            outcome = _outcome_of(post.group("w"))
            tail = post.end()
            if outcome == "injured" and _LATER_DIED.match(s, post.end()):
                outcome = "killed"  # "was injured ... and later died"
            both = _COMBINED_AFTER.match(s, post.end())
            if both and _outcome_of(both.group("w")) != outcome:
                outcome, combined = "casualties", True  # "14 people were killed or injured"
                tail = both.end()
        elif prev is not None and np.head in ("person", "casualty", "inherit"):
            ref = prev
            if whole is not None and prev.tail < whole.tail <= start:
                # "13 militants, including five suicide attackers, were killed as well as six
                # fighters": the list goes on after the whole count's casualty word, not its aside
                ref = whole
            between = s[ref.tail if ref.tail <= start else ref.np_end:start]
            if (
                between.strip()
                and len(between.split()) <= 14
                and _CONT_END.search(between)
                and not _CONT_BAD.search(between)
            ):
                outcome = ref.outcome
            elif np.head == "person" and not is_art and _PAREN_BREAKDOWN.fullmatch(between):
                # "killed 15 people (including 6 children)", "massacred 47 women and children in the
                # district (26 children and 21 women)": a breakdown in brackets after the figure ("One
                # killed (a woman of the staff)" names the one: no breakdown)
                outcome = ref.outcome
            elif between.strip() in (":", "–", "—") and np.head == "person":
                # "The clashes killed 25 people: 15 militants and 10 soldiers": a breakdown after a
                # colon or a dash right after the figure
                outcome = ref.outcome
    gapped = False
    if (outcome is None and np.head is None and prev is not None and prev.tail <= start
            and ((_GAP_BEFORE.fullmatch(s, prev.tail, start) and _GAP_AFTER.match(s, end))
                 or (_REPORTER_GAP.fullmatch(s, prev.tail, start) and _CLAUSE_END.match(s, end)))):
        outcome, gapped = prev.outcome, True  # "12 civilians were killed on 15 May and 30 on 16 May"
    if outcome is None and np.head == "person" and np.word in _VICTIM_NOUNS:
        outcome = "casualties"  # "resulting in five victims": killed or injured
    if outcome is None and np.head in ("person", "inherit"):
        along = _ALONG_WITH.search(s, max(0, start - 90), start)
        if along is not None:  # "X was killed in a drone strike along with 5 others"
            outcome = _outcome_of(along.group("w"))
    if outcome is None and (np.head == "inherit" or (np.head == "person" and _OTHER_AFTER.match(s, scan_from))):
        named = _NAMED_AND_BEFORE.search(s, max(0, start - 120), start)
        if named is not None:  # "killing Abu Ahmad, a Hezbollah commander, and nine others"
            outcome = _outcome_of(named.group("w"))
    if outcome is None:
        return None
    if (is_art or (atom and atom.strip().lower() == "one")) and not g("qual"):
        low = high = 1  # "a soldier", "one person"; "at least one rebel" keeps its open bound
        qual = "exact"

    # victim group and affiliation
    group = np.group if not gapped else prev.group if prev is not None else None
    if group is None and pre is not None and pre.group("tw") is not None:
        # the victims are named inside the total: "the total number of executed soldiers ... to 71"
        for tok in _TOKEN.finditer(pre.group(0)):
            if tok.group(1) and tok.group(1).lower() in _PERSON:
                group = _PERSON[tok.group(1).lower()]
                break
    aff_text = s[end:np.end if np.head else end]
    pp = _PP_START.match(s, np.end) if np.head in ("person", "casualty") else None
    if pp:
        stop = _PP_END.search(s, pp.end())
        pp_end = stop.start() if stop else len(s)
        pp_end = min(pp_end, pp.end() + 90)
        pp_text = s[pp.end():pp_end]
        aff_text = aff_text + " " + pp_text
        if np.head == "person" and np.word in _NEUTRAL and group in (None, "people"):
            # "five members of the crew": the side-neutral noun takes the group of its complement
            for tok in _TOKEN.finditer(pp_text):
                if tok.group(1) and tok.group(1).lower() in _PERSON:
                    group = _PERSON[tok.group(1).lower()]
                    break
            else:
                if _CIVILIAN_SERVICE.search(pp_text):
                    group = "civilians"  # "two members of the Civil Defence": a civilian rescue service
        if group is None and np.head == "casualty":
            for t in _TOKEN.finditer(pp_text):
                if t.group(1) and t.group(1).lower() in _PERSON:
                    group = _PERSON[t.group(1).lower()]
                    break
        tail = max(tail, pp_end)
    if group is None and np.head == "casualty":
        on = _CASUALTIES_ON.match(s, np.end)
        if on is not None and on.group(1).lower() in _PERSON:
            group = _PERSON[on.group(1).lower()]  # "inflicting heavy casualties on the rebels"
            aff_text = aff_text + " " + on.group(0)
    if (np.head == "person" and np.word in _NEUTRAL and pp is None and whole is not None
            and whole.group not in (None, "people") and _BREAKDOWN_BEFORE.search(s, max(0, start - 16), start)):
        group = whole.group  # "5 brigade members, including a company commander,": one of them
    affs = _affiliations(aff_text, group, np.word)
    if np.word in _CONTRACTORS and not affs and "wagner" in s.lower():
        affs = ["Wagner Group"]
    affiliation = "; ".join(affs) if affs else None
    # "another 255", "another 23 killed": more of the whole count before (not of its breakdown)
    another = (np.head in (None, "casualty") and group is None
               and _ANOTHER_BEFORE.search(s, max(0, start - 10), start) is not None)
    # "the deaths of over a thousand of its troops, a rapid spike from the 400 deaths announced
    # earlier": the count compared with is of the same victims
    compared = (np.head == "casualty" and group is None and not affs
                and _COMPARED_FROM_BEFORE.search(s, max(0, start - 50), start) is not None)
    # "over 10,000 casualties (2,000+ killed, 8,000+ wounded)": the bracketed breakdown of a count
    # of casualties is of its victims
    bracketed = (np.head in ("casualty", None) and group is None and not affs and prev is not None
                 and prev.outcome == "casualties" and prev.tail <= start
                 and _BRACKETED_PART.fullmatch(s, prev.tail, start) is not None)
    if prev is not None and (
        np.head == "inherit"
        or another
        or compared
        or bracketed
        or (
            group is None
            and not affs
            and np.head in ("casualty", None)
            and outcome != prev.outcome
            and prev.tail <= start
            and (_SHARED_VICTIMS.fullmatch(s, prev.tail, start) is not None
                 or (np.head in (None, "casualty") and _shared_after_clause(s, prev.tail, start)))
        )
    ):  # "13 others", "dozens more", "another 255", "another 23 killed", "1,200 fighters killed
        # and 90 wounded", "16 soldiers were killed in the attacks, while 33 were wounded"
        # "kill at least 56 civilians, including 11 children, and injure dozens more": the
        # others are of the whole count, not of its breakdown
        src = whole if (np.head == "inherit" or another) and whole is not None else prev
        if whole is not None and whole is not prev and prev.tail <= start \
                and s[prev.tail:start].lstrip().startswith((",", ")")):
            # "At least 20 people, including 8 children, were killed and 30 were wounded",
            # "killing 56 civilians, including 11 children, and injuring 30": after the aside
            # of its breakdown closes, a bare count is of the whole count's victims
            src = whole
        group = group or src.group
        affiliation = affiliation or src.affiliation
    police = _POLICE_RE.search(s, start, np.end) is not None  # "two Turkish police officers": not the army's
    if affs and not police and (group is None or np.word in _NEUTRAL or (group == "soldiers" and affs[0] in _NON_STATE)
                                or np.word in ("volunteers", "volunteer")):
        # ("two more foreign YPG volunteers were killed": a group's volunteers are its fighters)
        # "4 ISIL deaths" -> militants; "23 members of the Nusra Front" -> militants; "26 IS
        # troops", "12 Hezbollah soldiers": the troops of a non-state armed group are militants
        group = "militants" if affs[0] in _NON_STATE else "soldiers"
    if (group in (None, "people", "soldiers") and (not affs or affs[0] in _NON_STATE)
            and np.head == "person" and _ARMED_GROUP_NAME.search(s, end, np.end) is not None):
        # "2 Free Idlib Army commanders", "4 Hamza Brigade members": the named group is a rebel one
        group = "militants"
    if group == "civilians":
        affiliation = None
    if group is None and np.head == "inherit" and prev is None and _OF_THEM_END.search(s, 0, np.end):
        # "sending a suicide bomber at the soldiers, killing 11 of them": the last person noun
        # before the count names the group the part is of
        for tok in reversed(list(_TOKEN.finditer(s, 0, start))):
            if tok.group(1) and tok.group(1).lower() in _PERSON:
                group = _PERSON[tok.group(1).lower()]
                break
        else:
            if _THEY_OPEN.match(s):
                # "15 infiltrators tried again to cross the border. They were unsuccessful and two of
                # them were killed": "they" are the people the sentence before counted or named, its
                # first person noun (its subject, as a rule: "Rebels attacked the soldiers. They ...")
                for tok in _TOKEN.finditer(context):
                    if tok.group(1) and tok.group(1).lower() in _PERSON:
                        group = _PERSON[tok.group(1).lower()]
                        break
    if group is None and np.head is None and (
            (ow := _OF_WHOM_BEFORE.search(s, max(0, start - 20), start))
            or ((ow := _WITH_BEFORE.search(s, max(0, start - 8), start)) and _BEING_AFTER.match(s, end))):
        # (and an absolute clause: "the loss of rebel commanders, with about three dozen being killed")
        # "2,000 fighters took part, of whom 140 were killed": part of the group named before
        for tok in reversed(list(_TOKEN.finditer(s, 0, ow.start()))):
            if tok.group(1) and tok.group(1).lower() in _PERSON:
                group = _PERSON[tok.group(1).lower()]
                if tok.group(1).lower() in _NEUTRAL:
                    # "rebel field commanders": the side named right before a side-neutral noun
                    words = s[:tok.start()].split()[-3:]
                    side_group, _ = _side_of(" ".join(words))
                    group = side_group or group
                break
    if group is None and mirrored_loss is not None:
        group = mirrored_loss
    if group is None and not affs and np.head in ("casualty", None):
        # "ISIL suffered 20 dead", "the SDF sustained 7 fatalities": the side that suffered them
        who = _SUFFERED_BEFORE.search(s, max(0, start - 60), start)
        if who is not None:
            affs = _affiliations(who.group("who"), None, None)
            if affs:
                group = "militants" if affs[0] in _NON_STATE else "soldiers"
                affiliation = affiliation or "; ".join(affs)
    if not affs and (group is None or (group == "people" and np.word in _GENERIC_MEN)) \
            and np.head in ("casualty", None, "person"):
        loss = _LOSS_BEFORE.search(s, max(0, start - 90), start)
        if loss is not None:
            # "The rebels suffered 25 dead", "ISIL lost 30 men", "The SDF said it had killed 50 ISIL
            # militants, while losing 6 men": the side that suffered or lost them (its subject)
            side_group, side_affs = _side_of(loss.group("who") or "")
            if side_group is None:
                side_group, side_affs = _subject_side(s, context)
            if side_group is not None:
                group = side_group
                affiliation = affiliation or ("; ".join(side_affs) if side_affs else None)
    if group is None and not affs and np.head in ("casualty", None):
        heavy = _HEAVY_LOSSES_WITH_BEFORE.search(s, max(0, start - 160), start)
        if heavy is not None:
            # "These militias have also incurred heavy losses, with Liwa Fatemiyoun alone reporting
            # over 10,000 casualties": the losses of the side that incurred them
            side_group, side_affs = _side_of(heavy.group("who") or "")
            if side_group is not None:
                group = side_group
                affiliation = affiliation or ("; ".join(side_affs) if side_affs else None)
    if group is None and not affs and np.head in ("casualty", None):
        side = _SIDE_TOLL_BEFORE.search(s, max(0, start - 60), start)
        if side is not None and side.group("side").lower() in ("their", "its"):
            # "they put their casualties at 11 dead": the side of the subject
            side_group, side_affs = _subject_side(s, context)
            if side_group is not None:
                group = side_group
                affiliation = affiliation or ("; ".join(side_affs) if side_affs else None)
            side = None
        if side is not None:
            # "Government casualties stood at 35 dead", "Rebel losses were estimated at 50 killed",
            # "ISIL losses reached 120": the side whose losses are counted
            word = side.group("side").lower()
            if word == "civilian":
                group = "civilians"
            elif word in _SIDE_GOVERNMENT:
                group = "soldiers"
            elif word in _SIDE_REBEL:
                group = "militants"
            else:
                side_affs = _affiliations(side.group("side"), None, None)
                if side_affs:
                    group = "militants" if side_affs[0] in _NON_STATE else "soldiers"
                    affiliation = affiliation or "; ".join(side_affs)
    if group is None and not affs and np.head in ("casualty", None) and _WITH_BEFORE.search(s, max(0, start - 8), start):
        # "Hezbollah played a significant role in the offensive, with several casualties": the
        # losses of the side the sentence is about (its subject)
        subj = _SUBJECT.match(s)
        affs = _affiliations(subj.group(0), None, None) if subj is not None else []
        if affs:
            group = "militants" if affs[0] in _NON_STATE else "soldiers"
            affiliation = affiliation or "; ".join(affs)
    if group is None:
        group = "people"  # victims the text does not qualify ("8 casualties", "killing 14")
    return _Raw(outcome, low, high, qual, group, affiliation, start, end, tail, np.end, combined,
                running_total)


def _field_figures(s: str) -> list[_Raw]:
    """Fields of a structured header: "Reported casualties: 10\\ Reported injured: 10"."""
    out = []
    for f in _FIELD_RE.finditer(s):
        m = _COUNT_RE.match(s, f.end())
        if m is None or m.group("art") or _is_year_like(m):
            continue
        if m.group("vague") and _FIELD_END.match(s, m.end()) is None:
            continue  # "Reported injured: dozens" is a vague count; "Injured: many of the staff ..." is prose
        group = "people"
        again = _FIELD_WORD_AGAIN.match(s, m.end())
        if _FIELD_END.match(s, m.end()) is None and _FIELD_BREAKDOWN.match(s, m.end()) is None:
            # "Reported casualties: 5 medical workers\": a person noun phrase that ends the field
            np = _scan_np(s, m.end())
            if np is not None and np.head == "person" and _FIELD_END.match(s, np.end) is not None:
                group = np.group or "people"
            elif _FIELD_WORD_AGAIN.match(s, m.end()) is None:
                continue  # "Killed: 3 soldiers and ..." is prose, read by the general rules
            # else "Reported killed: One killed (name)": the count and the field's word again
        vals = _values(m)
        if vals is None:
            continue
        # "Victims: 5": victims with no casualty word of their own are casualties
        outcome = "casualties" if f.group("w").lower() == "victims" else _CASUALTY_NOUNS.get(f.group("w").lower(), "killed")
        if again is not None and outcome == "casualties":
            outcome = _outcome_of(again.group(0).strip())  # "Victims: 7 killed", "Casualties: 2 killed (1 child)"
        if outcome == "casualties" and any(
                _CASUALTY_NOUNS.get(o.group("w").lower()) == "injured" for o in _FIELD_RE.finditer(s)):
            outcome = "killed"  # "Reported casualties: 3\ Reported injured: not available": the dead
        out.append(_Raw(outcome, vals[0], vals[1], vals[2], group, None, m.start(), m.end(),
                        m.end(), m.end()))
    return out


# "both pilots were killed", "killing both soldiers": two people
_BOTH = re.compile(
    r"(?<![\w-])(?P<det>both)\s+(?:of\s+)?(?:(?:the|his|her|its|their)\s+)?"
    r"(?:(?!(?:and|or|sides?|of)\b)[A-Za-z][\w.-]*\s+){0,2}?"
    r"(?P<noun>" + "|".join(sorted((w for w in _PERSON if w not in _SINGULAR), key=_longest_first)) + r")(?![\w-])",
    re.I,
)


def _both_figures(s: str, taken: list[_Raw]) -> list[_Raw]:
    """"Both pilots were killed", "killing both soldiers": a count of two (``number_text`` "both")."""
    out = []
    for d in _BOTH.finditer(s):
        if any(r.start < d.end() and d.start() < r.tail for r in taken):
            continue
        noun = d.group("noun").lower()
        post = _POST_TIGHT.match(s, d.end())
        if post is not None:
            w = post.group("w").lower()
            if w.startswith(("elimin", "destroy", "neutral", "among")) or (
                    w in ("killed", "wounded", "injured", "hurt") and _ACTIVE_OBJECT.match(s, post.end())):
                continue
            outcome, tail = _outcome_of(w), post.end()
        else:
            pre = _ACTIVE_BEFORE_DEFINITE.search(s, max(0, d.start() - 30), d.start())
            if pre is None:
                continue
            outcome, tail = _outcome_of(pre.group("w")), d.end()
        group = _PERSON[noun]
        affs = _affiliations(s[d.start():d.end()], group, noun)
        out.append(_Raw(outcome, 2, 2, "exact", group, "; ".join(affs) if affs else None,
                        d.start(), d.start("det") + len(d.group("det")), tail, d.end()))
    return out


def _definite_figures(s: str, taken: list[_Raw]) -> list[_Raw]:
    """"the pilot was killed": a definite singular person noun with a casualty word after it."""
    out = []
    for d in _DEFINITE.finditer(s):
        noun = d.group("noun").lower()
        if noun not in _SINGULAR or _PERSON.get(noun) is None:
            continue
        if any(r.start < d.end() and d.start() < r.tail for r in taken):
            continue
        post = _POST_TIGHT.match(s, d.end())
        if post is None:
            coord = _DEFINITE_AND.match(s, d.end())
            if coord is not None and _PERSON.get(coord.group("noun").lower()) is not None:
                post = _POST_TIGHT.match(s, coord.end())  # "the pilot and the navigator were killed"
        if post is None:
            pre = _ACTIVE_BEFORE_DEFINITE.search(s, max(0, d.start() - 30), d.start())
            if pre is None:
                continue
            # "also killing its pilot": an active casualty verb right before the person
            group = _PERSON[noun]
            affs = _affiliations(s[d.start():d.end()], group, noun)
            out.append(_Raw(_outcome_of(pre.group("w")), 1, 1, "exact", group,
                            "; ".join(affs) if affs else None, d.start(), d.end(), d.end(), d.end()))
            continue
        w = post.group("w").lower()
        if w.startswith(("elimin", "destroy", "neutral", "among")):
            continue
        if w in ("killed", "wounded", "injured", "hurt") and _ACTIVE_OBJECT.match(s, post.end()):
            continue  # "the pilot killed 3": active
        outcome = _outcome_of(w)
        group = _PERSON[noun]
        affs = _affiliations(s[d.start():d.end()], group, noun)
        out.append(_Raw(outcome, 1, 1, "exact", group, "; ".join(affs) if affs else None,
                        d.start(), d.end(), post.end(), d.end()))
    return out


# a part of the victims counted before: "16 of the dead were government soldiers", "At least 8 of the
# victims were children", "76 of those killed died on the first day", "documented 127 of the dead"
_PARTITIVE = re.compile(
    r"\s+of\s+(?:the|those|these)\s+(?:(?:people|persons|civilians)\s+)?"
    r"(?P<w>dead|killed|victims|wounded|injured|casualties|fatalities|bodies)\b(?!\s+(?:of|from)\b)",
    re.I)
# what the part were: "were government soldiers", "were all children", "were identified as rebels"
# (the first person noun of the next three words)
_PARTITIVE_WERE = re.compile(
    r"\s+(?:were|was|are|included)\s+(?:(?:reportedly|reported|all|also|said\s+to\s+be|identified\s+as"
    r"|confirmed\s+as|confirmed\s+to\s+be)\s+)*(?P<words>[\w'’-]+(?:\s+[\w'’-]+){0,2})",
    re.I)
_PARTITIVE_FRONTED = re.compile(
    r"\b(?:[Oo]f|[Aa]mong)\s+(?:the|those|these)\s+(?:(?:people|persons|civilians)\s+)?"
    r"(?P<w>dead|killed|victims|wounded|injured|casualties|fatalities|bodies)\s*,\s*$")
# (a cheap test whether a sentence may hold the fronted part with "Among")
_AMONG_FRONTED = re.compile(
    r"\b[Aa]mong\s+(?:the|those|these)\s+(?:\w+\s+)?(?:dead|killed|victims|wounded|injured|casualties|fatalities|bodies)\s*,")
# the part died after all: "Two of the wounded later died", "three of them died of their wounds"
_LATER_DIED_PART = re.compile(
    r"(?:\s+(?:persons|people|civilians|soldiers|fighters|patients|ones))?\s+(?:(?:later|subsequently|eventually|then|also)\s+)?"
    r"(?:died|succumbed|(?:was|were)\s+(?:later\s+|subsequently\s+)?killed)\b", re.I)
# another part set beside it: "21 of the dead were civilians, while 10 were soldiers"
_PARTITIVE_MORE = re.compile(r",?\s+(?:while|whereas|and)\s+(?=\S+\s+(?:were|was)\s)", re.I)


def _predicate_group(s: str, pos: int) -> tuple[str | None, int]:
    """The victim group a part's predicate names after ``pos`` ("were government soldiers" ->
    soldiers) and where the predicate ends; (None, pos) when it names none."""
    were = _PARTITIVE_WERE.match(s, pos)
    if were is None:
        return None, pos
    end = were.start("words")
    for w in re.finditer(r"[\w'’-]+", were.group("words")):
        group = _PERSON.get(w.group(0).lower())
        if group is not None:
            return group, end + w.end()
    return None, pos


def _partitive_figures(s: str, taken: list[_Raw]) -> list[_Raw]:
    """A count of part of the victims ("16 of the dead were government soldiers"): the outcome of
    the word it is a part of (victims are those of the count before, else casualties), the victims
    the predicate names, else those of the count before, else people."""
    out: list[_Raw] = []
    for m in _COUNT_RE.finditer(s):
        if m.group("vague") or m.group("art"):
            continue
        part = _PARTITIVE.match(s, m.end())
        if part is None:
            # the part fronted: "Of the dead, 12 were children"
            fronted = _PARTITIVE_FRONTED.search(s, max(0, m.start() - 40), m.start())
            if fronted is None or _PARTITIVE_WERE.match(s, m.end()) is None:
                continue
            part = fronted
            tail_from = m.end()
        else:
            tail_from = part.end()
        if any(r.start < m.start() < r.end for r in taken):
            continue  # (a reading of the same count by the general rules is replaced)
        vals = _values(m)
        if vals is None or (m.group("atom") and _is_year_like(m)):
            continue
        before = [r for r in taken if r.end <= m.start()]
        prev = before[-1] if before else None
        w = part.group("w").lower()
        outcome = (prev.outcome if prev is not None else "casualties") if w in ("victims", "casualties") \
            else "killed" if w == "bodies" else _outcome_of(w)
        if outcome != "killed" and _LATER_DIED_PART.match(s, tail_from):
            outcome = "killed"  # "Two of the wounded later died"
        pre = _PRE_RE.search(s, max(0, m.start() - 70), m.start())
        if pre is not None and pre.end() == m.start():
            outcome = _outcome_of(pre.group("tw") or pre.group(0).split()[0])  # "the death of one of the wounded"
        group, tail = _predicate_group(s, tail_from)
        affs = _affiliations(s[tail_from:tail], group, None) if group is not None else []
        if group is None:
            group = prev.group if prev is not None and prev.group else "people"
        out.append(_Raw(outcome, vals[0], vals[1], vals[2], group, "; ".join(affs) if affs else None,
                        m.start(), m.end(), max(tail, part.end()), part.end()))
        more = _PARTITIVE_MORE.match(s, tail)
        n = _COUNT_RE.match(s, more.end()) if more is not None else None
        if n is not None and not n.group("vague") and not n.group("art") \
                and not any(r.start <= n.start() < r.end for r in taken):
            group2, tail2 = _predicate_group(s, n.end())
            vals2 = _values(n)
            if group2 is not None and vals2 is not None:  # "..., while 10 were soldiers"
                out.append(_Raw(outcome, vals2[0], vals2[1], vals2[2], group2, None,
                                n.start(), n.end(), tail2, n.end()))
    return out


# a breakdown listed after a whole count, each part with its own victims: "have killed 7,043 people
# across Syria, of which: 5,768 dead were IS fighters, 304 Al-Nusra Front militants and other rebels,
# 90 government soldiers and 881 civilians", "killed 40 people: 25 soldiers and 15 civilians"
_BREAKDOWN_INTRO = re.compile(
    r"(?:\s+(?:across|in|throughout|inside)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?"
    r"\s*(?::|,\s*(?:of\s+(?:whom|which)|among\s+(?:them|whom))\s*:?)\s*")
_BREAKDOWN_SEP = re.compile(r"(?:\s+(?:and|or)\s+other\s+[\w'’-]+)?\s*(?:,\s*(?:and\s+)?|;\s*|\s+and\s+)")
_DEAD_WERE = re.compile(r"\s+(?:dead|killed|deaths)\s+(?:were|was)\s+", re.I)


def _breakdown_list(s: str, raws: list[_Raw]) -> list[_Raw]:
    """The parts of a whole count listed after it (two or more, each a count and its victims): each
    a figure with the whole's outcome and its own victim group."""
    out: list[_Raw] = []
    for whole in raws:
        intro = _BREAKDOWN_INTRO.match(s, whole.tail)
        if intro is None or whole.low is None:
            continue
        pos, items = intro.end(), []
        while True:
            m = _COUNT_RE.match(s, pos)
            if m is None or m.group("vague") or m.group("art") or (m.group("atom") and _is_year_like(m)):
                break
            vals = _values(m)
            if vals is None:
                break
            at = m.end()
            dead = _DEAD_WERE.match(s, at)
            if dead is not None:
                at = dead.end()  # "5,768 dead were IS fighters"
            np = _scan_np(s, at)
            if np is None or np.head != "person" or np.group is None:
                break
            group = np.group
            affs = _affiliations(s[at:np.end], group, None)
            if affs and (np.word in _NEUTRAL or (group == "soldiers" and affs[0] in _NON_STATE)):
                group = "militants" if affs[0] in _NON_STATE else "soldiers"
            items.append(_Raw(whole.outcome, vals[0], vals[1], vals[2], group,
                              "; ".join(affs) if affs else None, m.start(), m.end(), np.end, np.end))
            sep = _BREAKDOWN_SEP.match(s, np.end)
            if sep is None:
                break
            pos = sep.end()
        if len(items) >= 2:
            out += items
    return out


def _with_fields_and_definites(s: str, raws: list[_Raw]) -> list[_Raw]:
    extra: list[_Raw] = []
    if ":" in s or " of wh" in s or " among " in s:
        parts = _breakdown_list(s, raws)
        if parts:
            starts = {p.start for p in parts}
            raws = [r for r in raws if r.start not in starts]
            extra += parts
    if " of th" in s or "Of th" in s or ("mong th" in s and _AMONG_FRONTED.search(s)):
        parts = _partitive_figures(s, raws)
        if parts:
            starts = {p.start for p in parts}
            raws = [r for r in raws if r.start not in starts]
            extra += parts
    if ":" in s:
        for r in _field_figures(s):
            # a header field says what its count is: it replaces a reading of the same count by
            # the general rules (which may take the next field's "injured" for its outcome)
            raws = [o for o in raws if not o.start <= r.start < o.end]
            extra.append(r)
    if ("the " in s or "his " in s or "her " in s or "its " in s or "their " in s or "The " in s
            or "His " in s or "Her " in s):
        extra += _definite_figures(s, raws + extra)
    if "both " in s or "Both " in s:
        extra += _both_figures(s, raws + extra)
    if not extra:
        return raws
    return sorted(raws + extra, key=lambda r: r.start)


def _in_wiki_markup(s: str, r: _Raw) -> bool:
    """A count in leftover wiki markup: followed in its sentence by a "]]" that no "[[" opens
    ("Conflicts with 100–999 deaths ]]"), or inside a file, image or category link."""
    if "]]" not in s and "[[" not in s:
        return False
    for m in _WIKI_NONPROSE.finditer(s):
        if m.start() <= r.start < m.end():
            return True
    for m in _WIKI_CLOSE.finditer(s, r.end):
        if s.count("[[", 0, m.start()) <= s.count("]]", 0, m.start()):
            return True  # this "]]" closes nothing
    return False


# the first term of a proportion before the count: "one in six", "three out of ten"
_PROPORTION_BEFORE = re.compile(
    r"(?<![\w,.])(?:one|a|two|three|four|five|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?$"
    # a fraction of a count: "A third of 250,000 Alawite men have been killed" (how many is not stated)
    r"|\b(?:an?|one|two|three)\s+(?:half|halves|thirds?|quarters?|fifths?|tenths?)\s+of\s+(?:the\s+|its\s+|their\s+)?$", re.I)
_MEMBERS_AFTER_RE = re.compile(
    r"\s+(?:of\s+(?:its|their|the\s+(?:group|organi[sz]ation)'s)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:members?|volunteers?|staff|staffers|workers?|employees?)\b", re.I)


_MEMBERS_OF_RE = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][^,;.]*)")


def members_of(sentence: str, number_text: str, organisation: str) -> bool:
    """Whether the count ``number_text`` counts members of ``organisation``, the document's subject:
    "204 of its members", "Seven members", "159 White Helmets" (the organisation's name as the noun)."""
    name = re.compile(r"\s+(?:" + r"\s+".join(map(re.escape, organisation.split())) + r")\b", re.I)
    start = sentence.find(number_text)
    while start >= 0:
        end = start + len(number_text)
        if name.match(sentence, end):
            return True
        members = _MEMBERS_AFTER_RE.match(sentence, end)
        if members is not None:
            # not the members of another group named after them ("3 members of the Example Brigade")
            other = _MEMBERS_OF_RE.match(sentence, members.end())
            if other is None or name.match(" " + other.group(1)):
                return True
        start = sentence.find(number_text, start + 1)
    return False


def extract_figures(sentence: str, context: str = "") -> list[Figure]:
    """Every casualty figure stated in ``sentence`` (see the module docstring for the rules).
    ``context`` is the sentence before it, if any: the side a pronoun subject names ("They
    suffered three casualties" after "The SDF declared ...")."""
    if not sentence:
        return []
    included = _INCLUDED_RE.match(sentence)
    if included is not None and context and not _PREFILTER.search(sentence.lower()):
        # "These included 418 ranking officers and several generals." after "the Guard lost 2,100
        # soldiers in Syria": a part of the count before, with its outcome and scope
        whole_figures = extract_figures(context)
        if whole_figures:
            first = whole_figures[0]
            part = sentence[included.end():].rstrip(" .") + " " + _PART_OUTCOME[first.outcome]
            shift = included.end()  # the part is read from where it starts in the sentence
            return [dataclasses.replace(f, scope=first.scope, period_start=first.period_start,
                                        period_end=first.period_end, start=f.start + shift, end=f.end + shift)
                    for f in extract_figures(part)]
    low = sentence.lower()
    for key in _KEYS:
        if key in low:
            break
    else:
        return []
    if not _PREFILTER.search(low):
        return []
    s = _mask(sentence)
    low = s.lower() if s is not sentence else low
    count_re, target = (_COUNT_LOWER_RE, low) if len(low) == len(s) else (_COUNT_RE, s)
    raws: list[_Raw] = []
    prev: _Raw | None = None
    whole: _Raw | None = None  # the last figure that is not a breakdown ("including 11 children")
    for m in count_re.finditer(target):
        if _ACCORDING_ONE.search(target, max(0, m.start() - 16), m.start()) and m.group(0).lower() in ("a", "an", "one"):
            continue  # "According to a doctor, five patients were killed": who speaks, not a victim
        if _PROPORTION_BEFORE.search(target, max(0, m.start() - 16), m.start()):
            continue  # "approximately one in six volunteers have been killed": a proportion, no count
        if m.group("r1") and m.group("r2") and _YEAR.fullmatch(m.group("r1").strip()):
            # "17 May 2017 – Two regional leaders were killed": a date's year before a dash is no
            # bound of a range; the count is what follows the dash
            m = count_re.match(target, m.start("r2")) or m
        r = _analyse(s, m, prev, whole, context)
        if r is not None:
            raws.append(r)
            prev = r
            if not _BREAKDOWN_BEFORE.search(s, max(0, r.start - 16), r.start):
                whole = r
    for a, b in zip(raws, raws[1:]):
        if (a.np_end == a.end and a.group == "people" and b.group not in (None, "people")
                and _BARE_THEN_NOUN.fullmatch(s, a.end, b.start)):
            a.group, a.affiliation = b.group, a.affiliation or b.affiliation
    raws = _with_fields_and_definites(s, raws)
    raws = [r for r in raws if not _in_wiki_markup(s, r)]
    # an implausible count is dropped only now, so that a list it opened still counts its others
    # ("killed 30 million civilians and 14 soldiers" keeps 14)
    raws = [r for r in raws if not _implausible(r.low, r.high)]
    if not raws:
        return []
    if any(r.outcome == "injured" for r in raws) and not any(r.outcome == "killed" for r in raws):
        # "8 casualties and more than 10 injured": casualties set against injured are the dead
        # (not when the dead are counted too: "10,000 casualties (2,000+ killed, 8,000+ wounded)")
        for r in raws:
            if r.outcome == "casualties" and not r.combined:
                r.outcome = "killed"
    reported_by = _reporters(s)
    scope, p_start, p_end = _scope_and_period(s)
    return [
        Figure(
            outcome=r.outcome,
            count_low=r.low,
            count_high=r.high,
            qualifier=r.qual,
            victim_group=r.group,
            affiliation=r.affiliation,
            reported_by=reported_by,
            number_text=sentence[r.start:r.end],
            start=r.start,
            end=r.end,
            scope="cumulative" if r.running_total or _war_sized(r) else "incident" if _INCIDENT_RELATIVE.search(
                s, max(0, r.start - 80), r.start) else _own_scope(s, r.start, scope),
            period_start=p_start if _own_scope(s, r.start, scope) == "cumulative" else None,
            period_end=p_end if _own_scope(s, r.start, scope) == "cumulative" else None,
        )
        for r in raws
    ]


# no single attack of the war killed or wounded tens of thousands: such a count is a total over a
# stretch of it, whatever the sentence says of its period ("over 22,000 ISIL fighters had been
# killed by Coalition airstrikes", "83,500 civilian deaths", "left 21,452 civilians dead")
WAR_SIZED_COUNT = 10_000


def _war_sized(r: _Raw) -> bool:
    return max(v for v in (r.low, r.high, 0) if v is not None) >= WAR_SIZED_COUNT


# "a total of" before another count of the sentence: "a total of 36 armed men tried to infiltrate the
# border and an engagement with the border patrol left 12 dead" (36 is no toll)
_TOTAL_OF_RE = re.compile(r"\ba\s+total\s+of\s+", re.I)


def _own_scope(s: str, start: int, scope: str) -> str:
    """A figure's scope when the sentence's only cue of a total is "a total of" before another
    count: that count is the total, the figure is what it is without it."""
    if scope != "cumulative":
        return scope
    others = [m for m in _TOTAL_OF_RE.finditer(s) if m.end() != start]
    if not others:
        return scope
    blanked = s
    for m in others:
        blanked = blanked[:m.start()] + " " * (m.end() - m.start()) + blanked[m.end():]
    return _scope_and_period(blanked)[0]


# a toll over the whole named operation: "were killed during the battle", "throughout the siege",
# "in the course of the offensive" (not "during the night", "during the fighting")
_WHOLE_BATTLE = guarded(re.compile(
    r"\b(?:during|throughout|over\s+the\s+course\s+of|in\s+the\s+course\s+of)\s+the\s+(?:entire\s+|whole\s+)?"
    r"(?:battle|siege|offensive|campaign)\b(?!\s+(?:of|for|in|on)\s+(?:the\s+)?[a-z])"
    # the operation itself as the subject of the toll's sentence: "The battle was also notable for the
    # large loss of rebel commanders, with about three dozen being killed", "The offensive cost 300 lives"
    r"|^\W*(?:The|This)\s+(?:entire\s+|whole\s+)?(?:battle|siege|offensive|campaign)\s+(?:(?:also|eventually|ultimately)\s+)?"
    r"(?:was\s+(?:\w+\s+)?notable|saw|resulted|cost|claimed|left|caused|led\s+to)\b", re.I))


def names_the_whole_battle(sentence: str) -> bool:
    """Whether a sentence's tolls are over the whole battle, siege, offensive or campaign its
    article is about ("1,600 civilians were killed by coalition strikes during the battle"): the
    caller, knowing the article's period, makes them cumulative when it lasted a month or more
    (a sentence alone cannot tell a two-day offensive from a four-month battle)."""
    return _WHOLE_BATTLE.search(sentence or "") is not None
