"""Dates that prose sentences state: ``pipeline.dates.DateResolver``.

Seed cases are sentences copied verbatim from seeds 001 (Wikipedia: Russian military
intervention in the Syrian civil war), 003 (Wikipedia: Russian involvement in the Syrian civil
war) and 004 (Syrian Archive: background page), labelled by hand; a test checks that each one
(and the context fed before it) still occurs in its seed. Invented cases cover forms the seeds
lack. Each case feeds its context (headings and earlier sentences, in reading order) to a fresh
resolver, then asserts the exact (date, precision, qualifier, year_from) of every date returned.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from pipeline.dates import DateResolver, StatedDate

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def H(text: str, level: int = 2) -> tuple[str, int]:
    """A heading in a case's context."""
    return (text, level)


def D(date: str, precision: str, qualifier: str | None, year_from: str) -> tuple:
    return (date, precision, qualifier, year_from)


# --- headings and sentences used as context by several cases ---------------------------------
S004_30SEP = ("On 30 September 2015, the Russian Federal Council authorised President Vladimir "
              "Putin to use force in Syria announcing the [beginning of Russian military operations"
              " in Syrian territories](https://www.youtube.com/watch?v=qblmOvkV9KM).")
H001_DEC_FEB = H("December 2015 – February 2016", 3)
H001_JAN_JUN17 = H("January 2017 – June 2017", 3)
S001_6JAN = ("On 6 January, the Russian Defense Ministry, with a reference to a Moscow/Ankara-brokered"
             " ceasefire effective as of 30 December 2016, announced the start of a drawdown of its "
             "forces from Syria, pursuant to a decision taken by President Putin; the first element "
             "scheduled to depart the region was announced to be the *Admiral Kuznetsov* battle group.")
H001_SEP_OCT15 = H("September–October 2015", 3)
H001_JUL_DEC17 = H("July 2017 – December 2017", 3)
H001_JAN_AUG18 = H("January 2018 – August 2018", 3)
H001_SEP18_MAR19 = H("September 2018 – March 2019", 3)
H001_APR_SEP19 = H("April 2019 – September 2019", 3)
S001_17SEP18 = ("On 17 September 2018, during multiple missile strikes by Israeli F-16 jets at targets "
                "in western Syria, Russia's Il-20 ELINT reconnaissance plane returning to Khmeimim Air "
                "Base, with 15 Russian servicemen on board, was inadvertently downed by a Syrian S-200 "
                "surface-to-air missile.")
S001_19SEP17 = ("According to the Russian defence ministry, the Military Police platoon (29 servicemen) "
                "deployed as part of the de-escalation observation forces in the Idlib de-escalation zone"
                " was on 19 September encircled by rebels, including Jabhat al-Nusra, as a result of "
                "their offensive against the Syrian troops positioned north and northeast of Hama; the "
                "encirclement was breached by Russian forces in a special operation leaving three "
                "servicemen of the Russian Special Operations Forces were wounded.")
S001_NYT_OCT19 = ("In October 2019, *The New York Times* published further evidence of coordinated "
                  "attacks of Russian aviation against hospitals on the \"deconfliction list\", "
                  "consisting of airplane sightings, intercepted radio conversations of pilots and air "
                  "control exchanging GPS coordinates of specific hospitals which were bombed soon after.")

# (id, seed or None for invented, context, sentence, expected)
CASES = [
    # ----- seed 004 (Syrian Archive) -----
    ("004-leading-day", "004", [H("Russian involvement in Syria")], S004_30SEP,
     [D("2015-09-30", "day", None, "sentence")]),
    ("004-that-same-day", "004", [H("Russian involvement in Syria"), S004_30SEP],
     "That same day, spokesman of the Russian Ministry of Defence, Major General \"Igor Konashenkov\""
     " stated that [Russian forces launched roughly twenty airstrikes](https://www.youtube.com/watch?"
     "v=qblmOvkV9KM), of which, precision strikes targeted eight ISIS sites in Syria.",
     [D("2015-09-30", "day", None, "anaphora")]),
    ("004-that-same-day-with-clock-time", "004", [S004_30SEP],
     "That same day between 10:30 - 11:30 AM, several [news networks](https://www.youtube.com/watch?"
     "v=KqEtOd5Mypg) and [organisations](http://www.vdc-sy.info/pdf/reports/1444252328-Arabic.pdf) "
     "reported Russian airstrikes in the town of Talbisa in Homs’ countryside, an attack which used "
     "5 missiles.",
     [D("2015-09-30", "day", None, "anaphora")]),
    ("004-that-same-day-not-leading", "004", [S004_30SEP],
     "Five other airstrikes occurred in other towns and cities in Homs’ countryside that same day, "
     "including in [Al Zafarana, Al Makremiya](https://vdc-sy.net/report-on-russian-attacks-ar/), "
     "and [Al Rastan](https://www.youtube.com/watch?v=lIX_NE2R5ms).",
     [D("2015-09-30", "day", None, "anaphora")]),
    ("004-from-september-30-in-quote", "004", [],
     "The Russian MoD website [also announced that](https://structure.mil.ru/mission/fight_against_"
     "terrorism.htm): “From September 30, 2015, [the Ministry of Defence of the Russian Federation] "
     "conducted an air operation to combat international terrorist groups in the Syrian Arab Republic.”",
     [D("2015-09-30", "day", None, "sentence")]),
    ("004-august-22nd-2018", "004", [H("De-Escalation Zones:")],
     "The Russian Ministry of Defence published a [video](https://www.youtube.com/watch?v=viCiwbJG5Pk)"
     " on their official YouTube channel on August 22nd 2018 titled “Military operation of the armed "
     "forces on the Russian Federation in the Syrian Arab Republic”.",
     [D("2018-08-22", "day", None, "sentence")]),
    ("004-while-clause-skipped", "004", [],
     "While Russia has been supporting the Syrian government since 2011, including the use of its veto"
     " power at the security council several times until 2018, their official involvement in military"
     " activities began in 2015.",
     [D("2015-01-01", "year", None, "sentence")]),
    ("004-signed-in-may-2017", "004", [],
     "Russia, along with Iran and Turkey, [signed the De-Escalation Zone agreement](https://www.youtube"
     ".com/watch?v=5cF-gIL8yzk) in May 2017.",
     [D("2017-05-01", "month", None, "sentence")]),
    ("004-since-not-an-event", "004", [],
     "The video summarizes the operation that the Russian military carried in Syria since September 2015.",
     []),
    ("004-count-1902-not-a-year", "004", [],
     "It also mentioned 1902 humanitarian convoys were supported providing food and medication by the "
     "Russian Ministry of Defence.",
     []),
    ("004-aircraft-models-no-date", "004", [],
     "This includes a total of 34 planes (12 Su-24, 10 Su 25CM, 4 Su 30CM, 4 Su-34, 2 Su-25UB, 1 An-30,"
     "1 Il-20), 16 helicopters (12 Mi 24p, 4 Mi-8MTSh) used, as well as other types of weapons and "
     "vehicles.",
     []),
    ("004-appositive-on-date", "004", [],
     "The maximum amount was 139 flights per day, on 20 November 2015.”",
     [D("2015-11-20", "day", None, "sentence")]),
    # ----- seed 001 (Wikipedia, intervention) -----
    ("001-range-heading-december", "001", [H("Operations by Russian military forces"), H001_DEC_FEB],
     "On 8 December, the Russian defence minister announced that a Kilo-class submarine, "
     "*Rostov-on-Don*, had launched 3M14K cruise missiles while submerged, against ISIL targets in "
     "Raqqa Governorate, the first such strike from the Mediterranean Sea.",
     [D("2015-12-08", "day", None, "section")]),
    ("001-range-heading-february", "001", [H001_DEC_FEB],
     "A Russian military adviser died in a hospital in Syria on 1 February after suffering severe "
     "wounds when a Syrian army training center in Homs Province was shelled.",
     [D("2016-02-01", "day", None, "section")]),
    ("001-ceasefire-mention-ignored", "001", [H("Operations by Russian military forces"),
                                              H001_JAN_JUN17],
     S001_6JAN, [D("2017-01-06", "day", None, "section")]),
    ("001-five-days-afterwards", "001", [H001_JAN_JUN17, S001_6JAN],
     "However, five days afterwards, a Fox News report cited ″two U.S. officials″ as saying that "
     "additional attack aircraft had been deployed by Russia to its airbase in Syria, namely four "
     "Su-25 jets had arrived on 9 January.",
     [D("2017-01-11", "day", None, "anaphora")]),
    ("001-previous-sentence-year", "001",
     [H("Reactions"), H("International", 3), H("National governments", 4),
      "On 8 October 2015, he said, at a meeting of NATO defence ministers in Brussels, that Russia "
      "would soon start paying the price for its military intervention in Syria in the form of "
      "reprisal attacks and casualties."],
     " * On 9 October, the Obama administration abandoned its efforts to build up a new rebel force "
     "inside Syria to combat the Islamic State, acknowledging the failure of its $500 million campaign"
     " to train thousands of fighters and announcing that it will instead use the money to provide "
     "ammunition and some weapons for groups already engaged in the battle.",
     [D("2015-10-09", "day", None, "previous")]),
    ("001-end-of-month-previous-year", "001",
     [H("Background and preparation phase"),
      "In September 2015, Russia's warships of the Black Sea Fleet reached the area of eastern "
      "Mediterranean."],
     "At the end of September, a joint information centre in Baghdad was set up by Iran, Iraq, Russia "
     "and Syria to coordinate their operations against ISIL (in the newsmedia the centre is also "
     "referred to as \"Joint Operations Room in Baghdad known as the 4 + 1\" implying the Lebanese "
     "Shia militia Hezbollah, in addition to the 4 states ).",
     [D("2015-09-01", "month", "end", "previous")]),
    ("001-in-early-may", "001", [],
     "In early May 2016, news media reported that Russian ground forces had set up what Jane's "
     "Information Group called a ″forward operating base″ (officially a base for the mining crews) "
     "just to the west of the city of Tadmur, and installed an air-defence system to protect the site.",
     [D("2016-05-01", "month", "early", "sentence")]),
    ("001-in-mid-may", "001", [],
     "In mid-May 2016, Stratfor reported that a Russian air base was attacked and four Russian attack "
     "helicopters, 20 supply trucks and one Syrian Mig-25 were destroyed.",
     [D("2016-05-01", "month", "mid", "sentence")]),
    ("001-in-late-december", "001", [],
     "In late December 2015, Turkey's president Recep Erdogan said that he had declined Russian "
     "president's offer to join this alliance as he \"could not sit alongside a president [Assad] "
     "whose legitimacy\" was dubious to him\".",
     [D("2015-12-01", "month", "late", "sentence")]),
    ("001-by-mid-december", "001", [],
     "By mid-December 2016 the Syrian government, with the help of its allies including Russia, "
     "re-established control of Aleppo.",
     [D("2016-12-01", "month", "mid", "sentence")]),
    ("001-in-mid-october-2015", "001", [H001_SEP_OCT15],
     "In mid-October 2015, a joint Russian-Syrian-Iranian-Hezbollah offensive targeting rebels in "
     "Aleppo went ahead.",
     [D("2015-10-01", "month", "mid", "sentence")]),
    ("001-by-the-end-of-2017-year", "001", [],
     "By the end of 2017, the intervention produced significant gains for the Syrian government, "
     "including the recapture of Palmyra from the Islamic State in March 2016, retaking Aleppo from a "
     "coalition of other Islamist groups in December 2016, and breaking the IS siege of Deir ez-Zor "
     "and re-capturing the city in November 2017.",
     [D("2017-01-01", "year", "end", "sentence")]),
    ("001-took-place-mid-2019", "001", [H("Wagner group involvement")],
     "The PMCs also took part in the Syrian Army's offensive in northwestern Syria that took place "
     "mid-2019.",
     [D("2019-01-01", "year", "mid", "sentence")]),
    ("001-in-the-morning-of", "001", [H("Operations by Russian military forces"), H001_SEP_OCT15],
     "Pro-Assad Al-Masdar News said that in the morning of 2 October, the Russian Air Force launched "
     "four airstrikes on ISIL in the ancient Syriac city of Al-Qaryatayn, and the T4-Palmyra highway, "
     "Homs province, and that an ISIL command and control center was destroyed in a single airstrike "
     "in Al-Qaryatayn, while an ISIL convoy on their way to the Teefor-Palmyra highway was attacked.",
     [D("2015-10-02", "day", None, "section")]),
    ("001-july-22nd-strikes", "001",
     [H("Reports of civilian casualties and war crimes"), S001_NYT_OCT19,
      "The Airwars report for 2019 recorded 710 claimed Russian casualty events in Syria – a 3% fall "
      "on 2018 – killing between 1,099 and 1,745 civilians.",
      "81% of the events were in Idlib, 13% in Hama, and 5% in Aleppo."],
     "The strikes mainly occurred during the Idlib offensive of May to September, with the single "
     "worst incident being the July 22nd strikes in Ma'arrat al-Numan which killed up to 42 civilians.",
     [D("2019-07-22", "day", None, "previous")]),
    ("001-report-for-2019-no-date", "001", [S001_NYT_OCT19],
     "The Airwars report for 2019 recorded 710 claimed Russian casualty events in Syria – a 3% fall "
     "on 2018 – killing between 1,099 and 1,745 civilians.",
     []),
    ("001-the-following-day", "001",
     [H("November 2015", 3),
      "On 17 November 2015, in the wake of the Russian jet crash over Sinai and the Paris attacks, "
      "according to the Russian defence minister's public report to the president of Russia Vladimir "
      "Putin, Russia employed the Russia-based Tu-160, Tu-95MSM, and Tu-22M3 long-range strategic "
      "bombers firing air-launched cruise missiles to hit what he said were the IS targets in Raqqa, "
      "Deir ez-Zor as well as targets in the provinces of Aleppo and Idlib."],
     "The following day, according to the Russian Defence ministry, strikes by long-range bombers "
     "firing cruise missiles in the same areas in Syria continued.",
     [D("2015-11-18", "day", None, "anaphora")]),
    ("001-following-day-mid-sentence", "001",
     [H001_JUL_DEC17, S001_19SEP17,
      "The Russian ministry stated that according to their intelligence, the rebels' ″offensive was "
      "initiated by the US special agencies in order to stop successful advance of the Syrian Arab "
      "Army to the east from Deir ez-Zor″."],
     "The Russian ministry's statement on the U.S.' role in the rebels' offensive was the following "
     "day endorsed by president Vladimir Putin's spokesman.",
     [D("2017-09-20", "day", None, "anaphora")]),
    ("001-was-on-19-september", "001", [H001_JUL_DEC17], S001_19SEP17,
     [D("2017-09-19", "day", None, "section")]),
    ("001-anaphor-before-later-mention", "001", [H001_SEP18_MAR19, S001_17SEP18],
     "Russia's defence minister the following day blamed Israel's military for the accident and "
     "re-affirmed its stance in a minute-by-minute report presented on 23 September.",
     [D("2018-09-18", "day", None, "anaphora")]),
    ("001-early-on-day", "001", [H001_SEP18_MAR19, S001_17SEP18],
     "Early on 20 September, Russia's government-run news agency reported Russia had announced "
     "multiple areas of eastern Mediterranean ″near Syria, Lebanon, and Cyprus\" shut for air and sea"
     " traffic until 26 September, due to the Russian Navy's drills in the area.",
     [D("2018-09-20", "day", None, "section")]),
    ("001-range-heading-across-new-year", "001", [H001_SEP18_MAR19],
     "On 8 November, according to the Russian MOD, Russian special forces stationed at the Russian "
     "Reconciliation Center either directly participated or guided the Syrian Arab Army in a "
     "successful special operation which rescued all the 19 remaining hostages alive, held by ISIL "
     "north-east of Palmyra.",
     [D("2018-11-08", "day", None, "section")]),
    ("001-range-heading-second-year", "001", [H("November 2019 – September 2020", 3)],
     "On 20 February, Turkish defence minister Hulusi Akar told the news media there should be \"no "
     "doubt\" that Turkey would activate the S-400 missile systems it had bought from Russia in 2019.",
     [D("2020-02-20", "day", None, "section")]),
    ("001-next-day-on-explicit-date", "001",
     [H001_APR_SEP19, "On 29 August, the warplanes of Assad regime and Russia killed seven civilians "
                      "in attacks in northwestern Syria."],
     "Officially, the campaign ended the next day on 30 August after a ceasefire was agreed upon by "
     "both the Syrian Arab Army and the rebels that would take effect on 31 August.",
     [D("2019-08-30", "day", None, "section")]),
    ("001-coordinated-second-event", "001", [H001_DEC_FEB],
     "At the end of January 2016, Russia, for the first time, deployed four Su-35S fighter jets, "
     "presumably equipped with the *Khibiny* electronic countermeasures (ECM) systems, to the "
     "Khmeimim base; on 1 February the Russian defence ministry said the aircraft had begun "
     "conducting missions in Syria.",
     [D("2016-01-01", "month", "end", "sentence"), D("2016-02-01", "day", None, "sentence")]),
    ("001-coordinated-months", "001", [H001_JAN_AUG18],
     "In June and July 2018, Russian forces actively supported the Syrian Army in the successful "
     "execution of the Southern Syria offensive, which resulted in the Syrian government's complete "
     "control of Daraa and Quneitra provinces.",
     [D("2018-06-01", "month", None, "sentence"), D("2018-07-01", "month", None, "sentence")]),
    ("001-month-range-gives-year", "001", [H001_JAN_AUG18],
     "In January—February 2018, the Russian air force continued to provide combat support to the "
     "Syrian Army in its offensive operations in the Hama Governorate and the Idlib Governorate.",
     [D("2018-01-01", "month", None, "sentence")]),  # a range: its first month, last day 28 Feb
    ("001-between-days-range", "001", [H001_SEP_OCT15],
     "Between 17 September and 13 October they counted 36 Russian strikes against only 2 ISIL targets "
     "(with 4 ISIL deaths) and 22 civilian targets (with 70 civilian deaths plus injuries) included "
     "hospitals, a fire hall, at least one school and a highway fueling station.",
     [D("2015-09-17", "day", None, "section")]),  # a range: its first day, last day 13 October
    ("001-in-an-october-2016-interview", "001", [H("Prevention of Qatar-Turkey pipeline", 3)],
     "In an October 2016 TV interview, General Leonid Ivashov said that Russia's engagement in the "
     "conflict would allow it to block proposed pipelines between the Middle East and Europe, and thus"
     " ensure the dominance of Gazprom.",
     [D("2016-10-01", "month", None, "sentence")]),
    ("001-after-clause-not-the-event", "001", [H("Cooperation with Iran")],
     "After the meeting between Vladimir Putin and Ali Khamenei in Tehran on 23 November 2015, Iran "
     "was said to have made a decision to unify its stance vis-a-vis the Syrian leadership with "
     "Russia's.",
     []),
    ("001-year-range-in-parentheses", "001", [],
     "The Russian tactics and weapons used in the offensive have been compared to those used in the "
     "Battle of Grozny (1999–2000) against Chechen separatists.",
     []),
    ("001-adjectival-month-year", "001", [H("Weapons and munitions employed")],
     "The October 2015 airstrikes were Russia's first operational use of precision-guided munitions, "
     "whose development in Russia lagged behind other major powers.",
     [D("2015-10-01", "month", None, "sentence")]),
    ("001-took-place-on", "001", [H001_SEP_OCT15],
     "The first series of air strikes took place on 30 September 2015 in areas around the cities of "
     "Homs and Hama, targeting the mainstream opposition.",
     [D("2015-09-30", "day", None, "sentence")]),
    ("001-that-same-day-after-mention", "001",
     [H001_SEP_OCT15,
      "According to Hezbollah media outlet Al Mayadeen, the Saudi/Turkish-backed Army of Conquest "
      "around Jisr ash-Shugour was bombed on 1 October by Russian planes; at least 30 air strikes were"
      " carried out."],
     "Another series of Russian airstrikes carried out that same day hit ISIL positions in Raqqa "
     "governorate.",
     [D("2015-10-01", "day", None, "anaphora")]),
    ("001-by-day", "001", [H001_SEP18_MAR19],
     "The Russian Ministry of Defense reported that 68,000 Russian army servicemen had so far taken "
     "part in the Syrian intervention by 3 January 2019.",
     [D("2019-01-03", "day", None, "sentence")]),
    ("001-parenthesised-dates-only", "001", [H("Since October 2020", 3)],
     "During the 2022 Russian invasion of Ukraine, Russia is reported to be withdrawing (since May) its"
     " troops from Syria as reinforcements to its dwindling forces in Ukraine; according to Moscow "
     "Times (16 September 2022), the re-deployment of Russia's last reserves in Syria is under way.",
     []),
    ("001-leading-date-only", "001", [H001_DEC_FEB],
     "On 25 December 2015, Chief of the Main Operational Directorate of the General Staff of the "
     "Russian Armed Forces Lt. Gen. Sergey Rudskoy said that since 30 September 2015 Russian air force"
     " had conducted 5,240 sorties in Syria, including 145 sorties by long-range aviation.",
     [D("2015-12-25", "day", None, "sentence")]),
    ("001-big-number-not-a-date", "001", [],
     "In early January 2017, the Chief of the General Staff of the Russian Armed Forces Valery "
     "Gerasimov said that, overall, the Russian Air Force had carried out 19,160 combat missions and "
     "delivered 71,000 strikes on \"the infrastructure of terrorists\".",
     [D("2017-01-01", "month", "early", "sentence")]),
    ("001-waged-since-2011", "001", [H("Background and preparation phase")],
     "The Syrian civil war has been waged since 2011 between multiple opposition (anti-government) "
     "groupings and the government as well, as their local and foreign support bases.",
     []),
    ("001-su-24-shot-down-on", "001", [H("November 2015", 3)],
     "A Russian Sukhoi Su-24 strike aircraft was shot down by a Turkish Air Force F-16 on 24 November "
     "2015.",
     [D("2015-11-24", "day", None, "sentence")]),
    ("001-s-400-not-a-year", "001", [H("November 2015", 3)],
     "On 26 November 2015, deployment of S-300 and S-400 anti-aircraft systems was reported by "
     "Russia's official news media, to Latakia and on board the cruiser *Moskva*.",
     [D("2015-11-26", "day", None, "sentence")]),
    ("001-on-day-mid-sentence", "001", [H001_JUL_DEC17],
     "The Russian military on 12 September said that 85 percent of Syria's territory had been "
     "″liberated from illegal armed formations″ and the operation would continue.",
     [D("2017-09-12", "day", None, "section")]),
    # ----- seed 003 (Wikipedia, involvement) -----
    ("003-year-1971", "003", [H("Background"), H("History of ties between Syria and Russia", 3)],
     "In 1971, under an agreement with the Syrian Ba'athist government's President Hafez al-Assad, the"
     " Soviet Union was allowed to open its naval military base in Tartus, giving the Soviet Union a "
     "stable presence in the Middle East.",
     [D("1971-01-01", "year", None, "sentence")]),
    ("003-since-2014", "003", [],
     "Since 2014, a significant part of Syria's territory had been claimed by Islamic State (ISIL), an "
     "entity internationally recognised as a terrorist organization; a number of Western and other "
     "countries, most notably the U.S., Britain and France, began to participate in direct military "
     "action against ISIL in the territory of Syria.",
     [D("2014-01-01", "year", None, "sentence")]),
    ("003-in-2015-no-comma", "003", [],
     "In 2015 Assad confirmed in an interview that Russia has been supplying arms to Syria based on "
     "contracts signed before and after the beginning of the conflict.",
     [D("2015-01-01", "year", None, "sentence")]),
    ("003-at-least-since-mid-2013", "003", [],
     "At least since mid 2013, Chechen and other Russian North Caucasus volunteers have been fighting "
     "in the Syrian Civil War against the government of Bashar al-Assad.",
     [D("2013-01-01", "year", "mid", "sentence")]),
    ("003-at-the-end-of-december", "003", [],
     "At the end of December 2015, senior U.S. officials privately admitted that Russia, while "
     "maintaining a relatively light military footprint, had achieved its central goal of stabilising"
     " the Assad government and, with the costs relatively low and minimal casualties, could sustain "
     "the operation at this level for years to come.",
     [D("2015-12-01", "month", "end", "sentence")]),
    ("003-adjective-year-no-date", "003", [],
     "The 2015 deployment to Syria marked the first time since the end of the Cold War in 1991 that "
     "Russia entered an armed conflict outside the borders of the former Soviet Union.",
     []),
    ("003-rule-years-in-parentheses", "003", [],
     "Thousands of Syrian military officers and educated professionals studied in Russia during "
     "President Hafez al-Assad's three-decade rule (1971–2000).",
     []),
    ("003-cold-war-years-in-parentheses", "003", [],
     "During the Cold War (1947–1991), Syria was an ally to the Soviet Union in opposition to the "
     "Western powers, and a strong political bond grew.",
     []),
    ("003-bare-leading-day", "003", [H("Russian peace initiatives and efforts")],
     "7 November 2013, Russia again announced it was trying to broker talks in Moscow between the "
     "Syrian government and opposition, seeing that the U.S. and Russian negotiators failed to agree "
     "on whether or not Assad should be forced out of office.",
     [D("2013-11-07", "day", None, "sentence")]),
    ("003-on-the-same-day", "003",
     [H("2015–16 intervention and airstrikes", 3),
      "On 30 September 2015, Russian President Vladimir Putin requested permission from Federation "
      "Council, the upper house of the Russian parliament, to deploy the country's military in Syria."],
     "On the same day, Federation Council approved the use of Russian military in Syria to fight "
     "terrorist groups, the Islamic State in particular.",
     [D("2015-09-30", "day", None, "anaphora")]),
    ("003-coordinated-months-shared-year", "003", [],
     "In January and February 2012, the opposition Syrian National Council and the Western powers "
     "dismissed Russian peace initiatives.",
     [D("2012-01-01", "month", None, "sentence"), D("2012-02-01", "month", None, "sentence")]),
    ("003-between-two-years-no-date", "003", [],
     "Between 1955 and 1958, Syria received about $294 million from the Soviet Union for military and "
     "economic assistance.",
     []),
    ("003-appositive-day", "003", [H("Political efforts and statements"), H("2015", 3),
                                   H("September", 4)],
     "In the United Nations General Assembly, 28 September 2015, President Putin seemed to lay at least"
     " part of the responsibility for the Syrian Civil War with unnamed powers that had been "
     "\"pushing\" for \"democratic revolution\" in Syria:",
     [D("2015-09-28", "day", None, "sentence")]),
    ("003-appositive-qualified-month", "003", [H("Cooperation attempts with U.S. and UK")],
     "Putin's proposal, mid-October 2015, that the U.S. receive a high-level Russian delegation and "
     "that a U.S. delegation arrive in Moscow to discuss coordinated action against terrorism in Syria"
     " was declined by both the United States and the United Kingdom.",
     [D("2015-10-01", "month", "mid", "sentence")]),
    ("003-created-on", "003", [],
     "The rebel Free Syrian Army was created on 29 July 2011 and from then on, the struggle took the "
     "shape of an armed insurgency, with civil resistance disbanded and opposition members turning to "
     "arms.",
     [D("2011-07-29", "day", None, "sentence")]),
    ("003-before-clause-no-date", "003", [],
     "According to publications by Russian media, Russian contract fighters had taken part in combat in"
     " Syria before the formal Russian intervention began in September 2015.",
     []),
    ("003-as-of-after-that", "003", [H("Casualties")],
     "Russian officials estimate that as of January 2019, 112 soldiers have been killed since troops "
     "were sent to fight in Syria in 2015.",
     [D("2019-01-01", "month", None, "sentence")]),
    ("003-from-to-no-date", "003", [],
     "The BBC has a higher estimation of 175 deaths having occurred from 2015 to the end of 2018.",
     []),
    ("003-year-heading-month", "003", [H("Political efforts and statements"), H("2011", 3),
                                       "At the end of May 2011, the Russian Foreign Minister Sergei "
                                       "Lavrov said that Russia opposed United Nations' involvement in"
                                       " Syria because \"the situation doesn't present a threat to "
                                       "international peace and security ..."],
     "In June, both the US and other Western governments as well as Syrian protesters prevailed upon "
     "Russia to change its position, and finally a Syrian anti-government delegation visited Moscow "
     "and met with Russian envoy Mikhail Margelov, who after the meeting noted that \"leaders come and"
     " go\" and called for \"an end to any and all forms of violence\", which some interpreted to be a "
     "shift away from Assad, once a major ally, in foreign policy.",
     [D("2011-06-01", "month", None, "section")]),
    ("003-amid-clause-then-on-day", "003", [H("2011", 3)],
     "Amid the siege of Hama, the Russian Foreign Ministry issued a statement on 1 August documenting "
     "deaths in Hama as well as condemning the violence, including the alleged killing of eight "
     "policemen by Assad's government.",
     [D("2011-08-01", "day", None, "section")]),
    ("003-parent-heading-year", "003",
     [H("Political efforts and statements"), H("2015", 3), H("September", 4),
      "On 15 September 2015, in Dushanbe at a meeting of the Russian-led Collective Security Treaty "
      "Organization, Putin called for a united, international effort together with Syria to fight the "
      "threat of ISIL but also said that Syrian President Assad \"is ready to integrate the same "
      "[healthy] part of the opposition into the state's administration\"."],
     "On 27 September, President Vladimir Putin stated, in an interview with CBS's '60 Minutes': "
     "\"More than 2,000 terrorist-fighters from Russia and ex-Soviet republics are in the territory of "
     "Syria.",
     [D("2015-09-27", "day", None, "section")]),
    ("003-mid-month-from-parent-heading", "003",
     [H("Political efforts and statements"), H("2015", 3), H("September", 4), H("October", 4)],
     "In mid-October, Russian prime minister Dmitry Medvedev, talking of the U.S. government's refusal"
     " to engage in dialogue with Russia on cooperation in Syria, called this a \"silly behavior\": "
     "\"As a result of these decisions and the cancellation of talks, the Americans have demonstrated "
     "their weakness.\"",
     [D("2015-10-01", "month", "mid", "section")]),
    ("003-date-in-parentheses-no-date", "003", [H("2012", 3)],
     "A Bloomberg article (April 2012) said that although Russia has tried to retain the image of a "
     "peacemaker in this conflict, Russian diplomats have repeatedly criticized the potential "
     "condemnation of Assad by western nations.",
     []),
    ("003-adjectival-poll-no-date", "003", [],
     "According to an August 2019 poll by Public Opinion Foundation, only 10% of Russians see the "
     "Russian military intervention in the Syrian Civil War as a \"success\".",
     []),
    ("003-by-year", "003", [],
     "By 2012 it was reported the U.S. was running a covert operation in aid of militant groups "
     "fighting the Assad government.",
     [D("2012-01-01", "year", None, "sentence")]),
    ("003-as-of-month", "003", [],
     "As of September 2015, an estimated 2,500 Russian nationals were fighting alongside ISIL, and "
     "President Putin declared that their return to Russia would be a threat to Russia, and that it "
     "would be better to fight them on Syrian ground.",
     [D("2015-09-01", "month", None, "sentence")]),
    ("003-short-intro-then-date", "003", [],
     "Three years later, in October 1980, Syria and the Soviet Union signed a twenty-year Treaty of "
     "Friendship and Cooperation.",
     [D("1980-10-01", "month", None, "sentence")]),
    ("003-of-month-not-a-date", "003", [],
     "The Syrian Revolution of February 1966 gave the Soviet Union the opportunity to further support "
     "Syria.",
     []),
    ("003-from-month-leading", "003", [],
     "From October 2011, Russia, as a permanent member of the UN Security Council, repeatedly vetoed "
     "Western-sponsored draft resolutions in the UN Security Council that demanded the resignation of "
     "Syrian President Bashar al-Assad and that opened the possibility of United Nations sanctions "
     "against his government.",
     [D("2011-10-01", "month", None, "sentence")]),
    # ----- invented: forms and contexts the seeds lack -----
    ("inv-range-heading-january", None, [H("December 2015 – February 2016", 3)],
     "On 9 January, Syrian forces backed by Russian jets entered the town.",
     [D("2016-01-09", "day", None, "section")]),
    ("inv-month-day-year-leading", None, [],
     "September 30, 2015, Russia began its air campaign in Homs.",
     [D("2015-09-30", "day", None, "sentence")]),
    ("inv-iso-date", None, [], "On 2015-10-07, four warships launched cruise missiles.",
     [D("2015-10-07", "day", None, "sentence")]),
    ("inv-day-range-one-month", None, [], "On 5–6 May 2016, strikes hit the camp twice.",
     [D("2016-05-05", "day", None, "sentence")]),
    ("inv-next-day-across-year", None, ["On 31 December 2015, rebels shelled the base."],
     "The next day, Russian jets struck their positions.",
     [D("2016-01-01", "day", None, "anaphora")]),
    ("inv-later-that-day", None, ["On 4 April 2017, aircraft struck Khan Shaykhun."],
     "Later that day, a hospital treating the wounded was hit.",
     [D("2017-04-04", "day", None, "anaphora")]),
    ("inv-day-before", None, ["On 4 April 2017, aircraft struck Khan Shaykhun."],
     "Russian jets had been seen over the town the previous day.",
     [D("2017-04-03", "day", None, "anaphora")]),
    ("inv-two-days-later", None, ["On 30 September 2015, strikes began."],
     "Two days later, the ministry published a map of the targets.",
     [D("2015-10-02", "day", None, "anaphora")]),
    ("inv-next-day-needs-day-reference", None, ["In March 2016, the withdrawal began."],
     "The following day, the first aircraft left Khmeimim.",
     []),
    ("inv-anaphor-without-reference", None, [], "That same day, the ministry denied the report.", []),
    ("inv-coordinated-clause-dates", None, [],
     "On 5 October 2015, jets struck Idlib, and on 7 October, warships fired cruise missiles.",
     [D("2015-10-05", "day", None, "sentence"), D("2015-10-07", "day", None, "sentence")]),
    ("inv-year-range-no-date", None, [], "In 2015–16, Russia flew thousands of sorties.", []),
    ("inv-year-before-plural-count", None, [], "In 2000 troops were sent to the base.", []),
    ("inv-leading-before-frames-only", None, [], "Before 2011, Syria bought arms from Russia.", []),
    ("inv-until-no-date", None, [], "Russia vetoed resolutions several times until 2018.", []),
    ("inv-decade-no-date", None, [], "It was the first such shootdown since the 1950s.", []),
    ("inv-named-day-event", None, ["On 5 May 2016, the talks resumed."],
     "The September 11 attacks were cited by the minister.", []),
    ("inv-that-day-as-noun", None, ["On 5 May 2016, the talks resumed."],
     "He said that day would come soon.", []),
    ("inv-month-without-any-year", None, [], "In June, the delegation visited Moscow.", []),
    ("inv-default-year", None, [], "On 5 May, jets struck the market.",
     [D("2016-05-05", "day", None, "section")]),  # resolver built with default_year=2016
    ("inv-ambiguous-heading-no-previous", None, [H("2015–16 intervention and airstrikes", 3)],
     "On 5 May, jets struck the market.",  # no previous statement: the range's first year
     [D("2015-05-05", "day", None, "section")]),
    ("inv-ambiguous-heading-previous-decides", None,
     [H("2015–16 intervention and airstrikes", 3), "On 1 April 2016, the offensive began."],
     "On 5 May, jets struck the market.",
     [D("2016-05-05", "day", None, "previous")]),
    ("inv-month-outside-range-heading", None,
     [H("December 2015 – February 2016", 3), "On 9 January 2016, jets struck Maarrat al-Nu'man."],
     "On 5 June, the base was expanded.",  # outside the heading's period: flagged, see below
     [D("2016-06-05", "day", None, "previous")]),
    ("inv-open-heading-no-previous", None, [H("Since October 2020", 3)],
     "On 3 March, jets struck a camp near Idlib.", []),
    ("inv-open-heading-previous", None, [H("Since October 2020", 3), "In 2021, strikes continued."],
     "On 3 March, jets struck a camp near Idlib.",
     [D("2021-03-03", "day", None, "previous")]),
    ("inv-top-level-section-forgets-previous", None,
     [H("Operations"), "On 15 September 2015, talks were held.", H("Reactions")],
     "On 27 September, the minister spoke.", []),
    ("inv-ordinal-of-month", None, [], "The 22nd of July 2019 attack killed 42 civilians.",
     [D("2019-07-22", "day", None, "sentence")]),
    ("inv-beginning-of-month", None, [], "At the beginning of March 2016, the truce held.",
     [D("2016-03-01", "month", "early", "sentence")]),
    ("inv-bare-day-month-with-comma", None, [H("2015", 3)],
     "27 September, Putin told CBS that 2,000 fighters from Russia were in Syria.",
     [D("2015-09-27", "day", None, "section")]),
    ("inv-street-name-not-a-date", None, [H("2015", 3)], "12 October Street in Aleppo was shelled.",
     []),
    ("inv-abbreviated-month", None, [], "Sept. 5, 2016, jets struck the aid convoy.",
     [D("2016-09-05", "day", None, "sentence")]),
    ("inv-comma-list-of-days", None, [H("2016", 3)],
     "On 24 November, 25 November, and 26 November, incidents occurred in Bab al-Nayrab.",
     [D("2016-11-24", "day", None, "section"), D("2016-11-25", "day", None, "section"),
      D("2016-11-26", "day", None, "section")]),
    ("inv-day-then-count-not-a-list", None, [], "On 24 November 2016, 25 people were killed.",
     [D("2016-11-24", "day", None, "sentence")]),
    ("inv-following-month", None, ["In November 2015, the jet was shot down."],
     "The following month, Russia deployed S-400 systems.",
     [D("2015-12-01", "month", None, "anaphora")]),
]

DEFAULT_YEARS = {"inv-default-year": 2016}


def run_case(context: list, sentence: str, default_year: int | None = None) -> list[StatedDate]:
    r = DateResolver(default_year=default_year)
    for item in context:
        if isinstance(item, tuple):
            r.enter_section(item[0], level=item[1])
        else:
            r.resolve(item)
    return r.resolve(sentence)


@pytest.mark.parametrize("case_id,seed,context,sentence,expected", CASES, ids=[c[0] for c in CASES])
def test_stated_dates(case_id, seed, context, sentence, expected):
    got = run_case(context, sentence, DEFAULT_YEARS.get(case_id))
    assert [(d.date.isoformat(), d.precision, d.qualifier, d.year_from) for d in got] == expected
    for d in got:  # the span always points at the words that state the date
        assert sentence[d.start:d.end] == d.text and d.text


def test_enough_labelled_cases():
    seed_cases = [c for c in CASES if c[1] is not None]
    assert len(seed_cases) >= 45
    assert {c[1] for c in seed_cases} == {"001", "003", "004"}
    assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case_id,seed,context,sentence",
                         [c[:4] for c in CASES if c[1] is not None],
                         ids=[c[0] for c in CASES if c[1] is not None])
def test_seed_cases_are_verbatim(case_id, seed, context, sentence):
    text = next(SEEDS.glob(f"{seed}_*.txt")).read_text(encoding="utf-8")
    for item in [*context, sentence]:
        if isinstance(item, tuple):
            assert any(line.lstrip("#").strip() == item[0] for line in text.splitlines()
                       if line.startswith("#")), item
        else:
            assert item in text, item


@pytest.mark.parametrize("sentence,text", [
    ("In early May 2016, news media reported it.", "early May 2016"),
    ("At the end of December 2015, officials admitted it.", "the end of December 2015"),
    ("By mid-December 2016 the government re-established control of Aleppo.", "mid-December 2016"),
    ("The Ministry published a video on August 22nd 2018 titled X.", "August 22nd 2018"),
    ("7 November 2013, Russia again announced talks.", "7 November 2013"),
], ids=["early-month", "end-of-month", "by-mid-month", "ordinal-day", "bare-day"])
def test_text_is_the_date_words_without_preposition(sentence, text):
    (d,) = DateResolver().resolve(sentence)
    assert d.text == text and sentence[d.start:d.end] == text


def test_context_is_per_document_and_sections_reset_deeper_levels():
    r = DateResolver()
    r.enter_section("2015", level=3)
    r.enter_section("September", level=4)
    assert r.resolve("On 27 September, Putin gave an interview.")[0].date == dt.date(2015, 9, 27)
    r.enter_section("2016", level=3)  # replaces "2015" and forgets "September" below it
    assert r.resolve("On 2 March, talks resumed.")[0].date == dt.date(2016, 3, 2)
    assert DateResolver().resolve("On 2 March, talks resumed.") == []


def test_stated_date_is_frozen_with_the_public_fields():
    (d,) = DateResolver().resolve("On 30 September 2015, strikes began.")
    assert [f.name for f in dataclasses.fields(StatedDate)] == [
        "date", "precision", "qualifier", "text", "start", "end", "year_from", "last", "flags"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.precision = "month"  # type: ignore[misc]
