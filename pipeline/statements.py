"""What a prose sentence states: a dated event, or something that is not an event.

Plain functions, no Dagster. ``pipeline.dates.DateResolver`` finds when a sentence says its
happening took place; this module decides whether the sentence reports a happening at all.
Background is not an event: a careful reader does not put the founding of an organisation, a
population figure, an "as of 2023" statistic, the day a satellite image was taken or the day a
report was published on a timeline of the war. Decision: such statements are left out of
``event_mentions`` altogether (not kept under another ``kind``), so that nothing downstream
(events, their dates, deduplication) can mistake them for events; their casualty figures are still
extracted, tied to no mention. The rules, each judged on the clause that holds the date:

* **founding**: the date is that of a founding verb ("was founded / established / formed /
  created / registered / set up in X", "X founded Y in 2014", "was launched in 2016 as part of").
  A participle in passing ("the brigade, formed in 2012, attacked ...") only drops that date: the
  sentence is then undated, and the year never sets the context of the sentences after it. What
  a military sets up ("established a third post ... on 1 February", "set up a base") is a
  deployment, an event. The start of a building's construction ("construction at the mosque
  started in 2013") is a founding.
* **population**: populations and censuses ("a population of 58,008", "census", "20,000
  inhabitants", "200,000 people resided in"); a population that does something ("some of the civilian population fled") is
  not a statistic.
* **as of**: a state at a time ("As of January 2019, 112 soldiers have been killed").
* **imagery**: the date of an image ("satellite imagery from 19 May 2017", "a photo taken on"),
  and any date in the caption of leftover wiki image markup ("[[File:Map.svg|thumb|... front
  lines on 17 September 2018").
* **bare date**: a sentence that is only a date ("-   March 17, 2017", an entry of a table of
  contents) states no happening.
* **publication**: the date a report, findings, a study, an article, a press release, a video,
  photos, figures, statistics or a summary were published, released, issued, uploaded or posted (a citation, not a happening of the
  war; a statement a party issues is an event and is kept), a time of day before the date ("At
  11:48 AM on 03 January, a citizen reporter, based in X, published a video") and a participle in
  apposition (", based in X,") included; so is a date fronting a publishing main verb ("For the
  attack on 19 September, the first video documenting the attack was published by X").
* **report**: what another organisation reported, estimated, wrote or found, dated by its
  publication at month or year precision: a finding of an investigation, study or report ("In
  July 2017, an investigation by X in newspaper Y found that ..."), or a report whose content is
  in the perfect ("In August 2013 the Wall Street Journal reported that X had been appointed",
  "wrote in 2015 that Qatar has provided support"), or a running estimate over the years since
  ("By August 2022, Airwars estimated that 17-45 civilians were killed ... since 2013"), or what
  a newspaper reported, whatever the tense ("In January 2017, the German newspaper Die Welt
  reported that ISIL fighters used ..."), or a report on a state ("In March 2021, Rudaw reported
  on the state of the town"). A party's statement ("Nasrallah claimed that
  ...", "the ministry stated that ...") is an event, an estimate at month or year precision ("In
  November 2017, the UN estimated that ...") is not, and so is a happening hedged as reported ("In
  May 2014, it was reported that the rebels had captured ...") or a day-dated report ("On 24
  February, the SOHR reported that two civilians had been killed", "On 28 September, the report
  found that an attack ... occurred").
  Also reports (the nineteenth labelled batch): a journalist's writing dated in passing ("According
  to US journalist X writing in September 2011, ..."), a reported state at month or year precision
  ("In June 2015, some reports suggested that the military were in charge": no past verb after
  "that"; not the hedged "it was reported that", news), polls ("polls in 2017 showed that", "In a
  March 2018 ... poll of 1,011 adults": the poll's date, no date of the sentence), a newspaper's
  report of a force's size whatever its precision ("The Wall Street Journal reported on 2 October
  2015 that the IRGC has had some 7,000 members"), and a total of money by a month or year ("X said
  that Iran had, by February 2012, sent the government $9 billion", as of). An undated report whose
  reported clause opens in the present ("The Journal also reported that some experts estimate
  20,000 fighters are on the ground") reports no happening and inherits no date.
* **founding** also covers "was one of the founding factions of" and a definition "is a rebel
  faction formed in late 2011", an intransitive founding with its date right after it ("The group
  formed in December 2015", "emerged during the late 2012 escalation", "came into being in 2013";
  not news that "emerged"), and a leading date whose main clause's first verb founds ("In 2013,
  the brigade was formed", "In April 2016, factions of the SDF formed the X Council"; not an active
  "established full control", not "the newly founded umbrella" in apposition, not "a day after X
  was established,"). A founding on a leading day is not emitted but moves the story to that day.
* **population** also covers "was home to 30,000 displaced people", "people living in", and a
  force's strength at month or year precision ("numbered around 100,000 troops", "had an estimated
  20,000 members"; not a loss, "had 40 fighters killed", nor what a party said or claimed of it).
* **biography**: a life's stations at month or year precision ("was born", "studied", "graduated",
  "served as", "worked as", "was elected") and an honour ("was awarded the X Award", "won the Y
  Prize"); a film or report released under its title ("released a documentary film entitled X on
  16 September 2016") is a publication. Decision: an appointment ("was appointed commander") is
  a happening, an event, at any precision; so is a terrorist designation ("On 10 March 2017, the
  United States labeled X a terrorist organization": a government's act, labelled so).
* **plan**: an intention at month or year precision as the first verb ("In March 2016, the army
  planned to retake", "intended to", "aimed to", "was expected to"); "announced plans to" is a
  statement, an event; a day-dated plan is kept as news.
* **state** also covers a characterization or a site as the only verb at month or year precision
  ("In 2016, the group was widely considered the strongest faction", "was described as stable"),
  and control or membership, past in form but a state in meaning ("By summer 2014, ISIL controlled
  a third of Syria", "belonged to the Front in 2014").
  Elections and constitutions are not singled out: pre-war history is kept as the codebook decides
  (``events.in_scope`` false) unless it lies more than a year before the article's own period.
* **summary**: a count of repeated happenings over years ("attacked arms convoys nearly 100
  times over six years"), a toll over a range of more than two months ("Between February 2015 and March
  2016, more than 63 civilians were killed"); a present-perfect clause over a month or longer (for a leading date: when the
  present perfect is the clause's first verb, not a perfect in a later or reported clause) ("Human Rights Watch has
  identified incendiary attacks ... between November 2012 and the end of 2015"): what a study
  covers, not a happening on a date.
* **history**: an anniversary recalls another time ("the 21st anniversary of ... in 1998"), or
  the statement is dated more than a year before the period the whole article is about (its
  infobox date): "a coup d'état in 1963" in an article about a 2011– conflict.
* **finding**: what investigators could not establish ("munitions were unable to be identified
  for any attacks in November 2016"); not a "could not" inside what a speaker said ("In July 2017,
  the minister said that Israel could not allow ..." is a statement, an event).
* **state**: a sentence dated by a year or more whose only verb is a copula of a state ("In 2014,
  Hezbollah's involvement was steady and staunch", "In 2011, there were 30,000 doctors"; "was
  captured" is a passive, a happening, and "was a military operation in 2017" defines one).
* **organisation** (an organisation's article): at month or year precision, a sum of money with a
  word of funding or spending ("operating on an annual budget of about $26 million", "this was
  raised to $250"; a grant told on its day is kept), a toll up to a time ("By late 2016, 159
  volunteers had been killed since its inception"; a day's "By 17 May, ..." is news), a size
  reached ("grew to be an organisation of over 3,000 volunteers"), a founding told as the purpose
  of a gathering ("came together and voted to form one national organisation", "joined with X to
  create the first training programmes"; not "joined forces to capture"), an organisation's end
  ("went into administration", "was dissolved"), a newspaper's comment ("The Guardian newspaper
  commented that ..."), a magazine's ranking ("listed X as one of the 28 people"; not a
  designation "as one of the terrorist organisations"), accusations dismissed or confirmed by an
  audit or investigators, a film's
  release with its credits ("Released in 2017, X was directed by") and the winner of a prize. At
  any precision, a date of what a party said would happen ("announced that it would end its
  funding ... by December 2018") is a plan's, not the statement's: the statement's own date is
  not told, so it is not emitted.
* **aggregate**: a count of documented incidents over a month or longer ("In August, four (4)
  incidents ... were identified"). Not an event either, but it frames what follows: its date sets
  the context of the next sentences ("The first occurred on 7 August ..."), asides never do.

An undated sentence inherits the date of the paragraph's previous dated statement only when it
reports a happening itself (:func:`reports_happening`): a finite past verb (not a
characterization, "was considered a strategic point", a site, "is located in", an intention,
"were expected to fight", a life's station or a force's strength), and not sourcing or
method (a member of a set is read without a closing ", for which the Archive verified three
videos"; one that names only a report's month may still inherit) ("The Syrian Archive was able to collect and verify one (1) video", "Specific munition
types were unable to be determined"). Enumerations ("The first occurred in ...", "The second
incident ...") are members of a set that an earlier sentence introduced and dated.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .casualties import extract_figures
from .dates import Period, StatedDate, _month_end, takes_part_in_operation
from .prefilter import Guarded, guarded, starting

_FOUNDING_RE = re.compile(
    r"\b(?:founded|established|formed|created|registered|incorporated|set\s+up|co-founded|emerged"
    r"|came\s+into\s+(?:being|existence))\b", re.I)
# an intransitive founding, the date right after it: "The group formed in December 2015", "The
# rescue teams emerged during the late 2012 escalation", "emerged as the main rival of ISIL in 2014"
_INTRANSITIVE_FOUNDING = ("formed", "emerged", "came into being", "came into existence")
_TO_THE_DATE_RE = re.compile(
    r"(?:\s+as\s+[^,;()]{1,80}?)?\s+(?:in|on|during|around|by|at|from)\s+(?:the\s+)?"
    r"(?:(?:early|mid|late|end|beginning|start)[\s-]+(?:of\s+(?:the\s+)?)?)?$", re.I)
# what emerges without being founded: news, footage, evidence ("reports emerged in March that ...")
_NEWS_SUBJECT_RE = re.compile(
    r"\b(?:it|reports?|news|videos?|footage|images?|imagery|photos?|photographs?|pictures?|evidence|details"
    r"|claims?|information|accounts?|allegations?|documents?|recordings?|rumou?rs?|signs?)\s+(?:\w+\s+)?$", re.I)
# "X was one of the founding factions of Y", "became a founding member": a founding, whatever verb
_FOUNDING_MEMBER_RE = guarded(re.compile(
    r"\b(?:was|were|is|are|became|becomes)\s+(?:one\s+of\s+|among\s+)?(?:the\s+|a\s+)?founding"
    r"\s+(?:members?|factions?|groups?|partners?|parties|states?|signatories|organi[sz]ations?)\b", re.I))
# a definition: "X is an Islamist rebel faction formed in late 2011"
_COPULA_NOUN_BEFORE_RE = re.compile(r"\b(?:is|was|are|were)\s+(?:an?|the|one\s+of)\b[^,;()]*$", re.I)
# a report or finding of another organisation ("In August 2013 the Wall Street Journal reported that
# X had been appointed", "an investigation ... found that"): the date is its publication's
_REPORT_VERB_RE = guarded(re.compile(
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bis\s)(?<!\bare\s)"
    r"\b(?:reported|wrote|estimated|found|revealed|concluded|calculated|documented)"
    r"\s+(?:in\s+[^,;]{1,20}?\s+)?that\b", re.I))
_PERFECT_RE = re.compile(
    r"\b(?:had|has|have)\s+(?:(?:already|also|not|previously|long|been)\s+)*(?:[a-z]+ed|been|done|made|taken"
    r"|given|provided|fueled|fuelled|sent|spent|paid|built|become|grown|won|lost)\b", re.I)
# a newspaper as the subject of a report verb: "In January 2017, the German newspaper Die Welt
# reported that ISIL fighters used ... to destroy six Leopard 2 tanks" (what it found, dated by the issue)
_NEWSPAPER_REPORT_RE = re.compile(
    r"\b(?:newspaper|magazine|daily|weekly|tabloid)\b[^,;.]{0,60}?\b(?:reported|wrote|revealed|found)\s+that\b", re.I)
# a news outlet named as the subject of a report verb, without the word "newspaper": "In May 2015, The
# Independent reported that ...", "In 2012, CBS News reported that ...", "The Guardian reported in May
# 2011 that ..." (the title's head word, capitalised; not a monitor or a party, whose report is news;
# the date before "that": the issue's, not the happening's it reports)
_OUTLET_REPORT_RE = re.compile(
    r"\b(?:Times|Post|Journal|Guardian|Telegraph|Independent|Herald|Tribune|Gazette|Observer|Economist"
    r"|Spiegel|Reuters|Associated\s+Press|AFP|Agence\s+France-Presse|Bloomberg|Haaretz|Al\s+Jazeera|Al-Monitor"
    r"|(?:BBC|CBS|CNN|NBC|ABC|Fox|Sky)(?:\s+News)?)\s+(?:reported|wrote|revealed)(?:\s+in\s+[^,;]{1,20}?)?\s+that\b")
# what a newspaper commented or argued ("In December 2017, The Guardian newspaper commented that it
# had uncovered ..."): its opinion, dated by the issue, whatever it says
_NEWSPAPER_COMMENT_RE = re.compile(
    r"\b(?:newspaper|magazine|tabloid|editorial)\b[^,;.]{0,30}?\b(?:commented|noted|observed|argued|opined"
    r"|editorialized|editorialised|concluded|described)\b", re.I)
# a ranking a publication made: "listed X as one of the 28 people shaping Europe", "ranked it among the
# top 100" (not a designation: "listed the group as one of the terrorist organisations")
_RANKING_RE = re.compile(
    r"\b(?:listed|ranked|named|included)\b[^;]{0,120}?\bas\s+(?:being\s+)?(?:one\s+of|among)\s+(?:the\s+)?"
    r"(?:\d+|top|most|world's|world’s|best|greatest|hundred|fifty|twenty|ten)\b", re.I)
# accusations dismissed or confirmed by an audit or investigators: their finding ("A number of
# accusations ... were dismissed in May 2020 by forensic audit experts from X")
_FINDING_PASSIVE_RE = re.compile(
    r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:dismissed|refuted|rejected|disproved|debunked|confirmed|corroborated"
    r"|upheld)\b[^;]{0,40}?\bby\s+[^,;]{0,40}?\b(?:audit\w*|auditors?|investigat\w+|inquir\w+|experts?"
    r"|researchers?|fact-checkers?)\b", re.I)
# a news outlet reporting with the issue's date before "that" ("The Wall Street Journal reported on 2
# October 2015 that ...")
_OUTLET_REPORT_AT_RE = re.compile(
    r"\b(?:Times|Post|Journal|Guardian|Telegraph|Independent|Herald|Tribune|Gazette|Observer|Economist"
    r"|Spiegel|Reuters|Associated\s+Press|AFP|Bloomberg|Haaretz|Al\s+Jazeera|Al-Monitor"
    r"|(?:BBC|CBS|CNN|NBC|ABC|Fox|Sky)(?:\s+News)?)\s+(?:reported|wrote|revealed)\s+(?:on|in)\s+[^,;]{1,25}?\s+that\b")
# a journalist's or an outlet's writing dated in passing: "According to US journalist X writing in September 2011"
_WRITING_IN_RE = re.compile(r"\b(?:writing|reporting)\s+(?:in|on|during)\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?$", re.I)
_BY_BEFORE_RE = re.compile(r"\b[Bb]y\s+(?:the\s+)?(?:(?:early|mid|late|end\s+of)[\s-]+)?$")
_HAD_RE = re.compile(r"\bhad\b", re.I)
# a report whose content is a state ("some reports suggested that the military were in charge",
# "X reported that the government was assisting ...": no past verb after "that")
_REPORT_OF_STATE_RE = re.compile(
    # (not the hedged "it was reported that", news of a happening)
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bis\s)(?<!\bare\s)\b(?:reported|suggested|indicated|wrote|revealed)\s+(?:in\s+[^,;]{1,20}?\s+)?that\b", re.I)
_PRESENT_CONTENT_RE = re.compile(r"\s+(?:\S+\s+){0,4}?(?:is|are|estimate|estimates|say|says|believe|believes|remain|remains)\b", re.I)
# a happening in progress is no state: "reported that the army was advancing on Palmyra"
_PROGRESSIVE_RE = re.compile(r"\b(?:was|were|is|are)\s+(?:\w+ly\s+)?[a-z]{3,}ing\b")
_COPULA_RE = re.compile(r"\b(?:was|were|is|are)\b", re.I)
_REPORTED_ON_STATE_RE = re.compile(
    r"\b(?:reported|wrote|reporting|writing)\s+on\s+(?:the\s+)?(?:state|situation|conditions?|plight|life|lives"
    r"|living\s+conditions|reconstruction)\b", re.I)
_FINDING_SUBJECT_RE = re.compile(
    # (a poll with its date between: "polls in 2017 showed that")
    r"\bpolls?\s+in\s+[^,;]{1,20}?\s+(?:showed|found|suggested|indicated)\b"
    r"|\b(?:investigation|study|report|analysis|inquiry|survey|review|research|polls?)\b(?:\s+by\b[^,;]{0,80})?"
    r"\s+(?:found|concluded|showed|revealed|estimated|documented)\b", re.I)
# what a military sets up is a deployment, not an organisation being founded: "established a third
# post", "set up two more observation posts", "established a base at Taftanaz"
_POSITION_OBJECT_RE = re.compile(
    r"\s+(?:(?:a|an|the|its|their|his|two|three|four|five|several|more|new|another|yet|further|third|second"
    r"|fourth|fifth|first|last|twelfth|military|observation|forward|temporary|permanent|turkish|russian"
    r"|american|iranian|unofficial|official|joint)\s+){0,4}"
    r"(?:posts?|outposts?|bases?|airbases?|checkpoints?|camps?|positions?|headquarters|garrisons?"
    r"|points?|installations?|corridors?|roadblocks?|barracks)\b", re.I)
_FINITE_BEFORE_RE = re.compile(
    r"\b(?:was|were|is|are|been|be|being)\s+(?:\w+ly\s+|also\s+|first\s+|officially\s+)*$", re.I)
# a passive founding: "was set up", "were established", "was founded" (who founded what, undated)
_FOUNDED_PASSIVE_RE = re.compile(
    r"\b(?:was|were|been)\s+(?:\w+ly\s+)?(?:founded|established|formed|created|registered|set\s+up|co-founded)\b", re.I)
_POSITION_NOUN_RE = re.compile(
    r"\b(?:posts?|outposts?|bases?|airbases?|checkpoints?|camps?|positions?|headquarters|garrisons?|corridors?"
    r"|roadblocks?|barracks|zones?|lines?)\b", re.I)
_LAUNCHED_AS_RE = re.compile(r"\b(?:was|were)\s+(?:\w+ly\s+)?launched\b.*\bas\s+(?:a|an|part\s+of)\b", re.I)
# (a title's participle is no later verb: "released a documentary film entitled X on 16 September 2016")
_LATER_VERB_RE = re.compile(r"\b(?!(?:entitled|titled|called|named|dubbed)\b)(?:[a-z]{3,}ed|being|took|fell|began|struck|hit|shot)\b")
_UPDATED_RE = re.compile(r"\b(?:updated?|modified|accessed|retrieved|archived)\b", re.I)
_ANNIVERSARY_RE = re.compile(r"\banniversary\b", re.I)
# speed only, same matches: a look-ahead for its first characters (prefilter.starting)
_POPULATION_RE = guarded(starting(re.compile(
    # (not a comparison: "a beneficiary group larger than the population of Brussels")
    r"\bcensus\b|(?<!than\sthe\s)\bpopulation\s+of\b"
    r"|\b(?:population|inhabitants)\b[^.;]{0,40}?(?:\d[\d,.]{2,}|\b(?:thousand|million)s?\b)"
    r"|(?:\d[\d,.]{2,}|\b(?:thousand|million)s?)\s+(?:[\w-]+\s+){0,2}?(?:population|inhabitants)\b"
    # "around 200,000 people resided in Deir ez-Zor"
    r"|(?:\d[\d,.]{2,}|\b(?:thousand|million)s?)\s+(?:[\w-]+\s+){0,2}?(?:people|civilians|residents|families)"
    r"\s+(?:still\s+)?(?:resided|reside|lived|live|were\s+living|are\s+living|living\s+in)\b"
    # "the town was home to 30,000 displaced people"
    r"|\b(?:is|was|are|were)\s+(?:\w+ly\s+)?home\s+to\s+(?:(?:about|around|some|over|more\s+than|nearly|an\s+estimated"
    r"|approximately|roughly|at\s+least)\s+)*(?:\d[\d,.]{2,}|(?:several\s+)?(?:thousands?|millions?|hundreds?)\b)",
    re.I)))
# a force's strength: "in 2013 numbered around 100,000 troops", "one militia had around 150
# fighters" (not a loss: "had 50 fighters killed")
_STRENGTH_RE = guarded(re.compile(
    r"\b(?:had|has|have|numbered|numbering|fielded|comprised|counted)\s+(?:(?:about|around|approximately|roughly"
    r"|some|over|more\s+than|up\s+to|nearly|almost|at\s+least|an\s+estimated|between|only|just)\s+)*"
    r"(?:\d[\d,.]*(?:\s*(?:[-–]|to|and)\s*\d[\d,.]*)?|(?:several\s+)?(?:hundreds?|thousands?|dozens?)(?:\s+of)?)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:fighters|members|troops|soldiers|personnel|militants|men|combatants|volunteers"
    r"|militiamen|recruits)\b(?!\s+(?:were\s+|had\s+been\s+)?(?:killed|wounded|injured|captured|dead|executed"
    r"|missing|taken|arrested|detained))", re.I))
# a party's statement of a strength is a statement, an event ("a commander said the group has 10,000 fighters")
_SAID_RE = re.compile(
    r"\b(?:said|says|stated|claimed|claims|told|announced|declared|boasted|estimated|reported|according\s+to)\b", re.I)
# a characterization, no happening: "was considered the largest", "was described as stable"
_CHARACTERIZATION_RE = re.compile(
    r"\b(?:is|are|was|were|has\s+been|have\s+been|had\s+been|being)\s+(?:(?:\w+ly|also|often|still|long)\s+)*"
    r"(?:considered|described\s+as|regarded\s+as|seen\s+as|viewed\s+as|known\s+as|characteri[sz]ed\s+as"
    r"|thought\s+(?:of\s+as|to\s+be)|believed\s+to\s+be|deemed|located|situated|based)\b", re.I)
# past in form, a state in meaning, when a month or a year dates it: "In 2016, the army controlled
# most of the province", "The brigade belonged to the Front in 2014" (not the compound
# "ISIL-controlled"; an undated one may still inherit a day: "SOHR stating ISIL still controlled")
_STATE_OF_CONTROL_RE = re.compile(
    r"(?<![-\w])(?:still\s+|already\s+|largely\s+|fully\s+)?(?:controlled|belonged\s+to)\b", re.I)
_AS_OF_RE = re.compile(r"\bas\s+of\s+(?:the\s+)?$", re.I)
# the earlier value a statistic as of a date is compared with: "..., up from 5,000 people in January 2018"
_COMPARED_FROM_RE = re.compile(r"\b(?:up|down|rising|falling|increasing|decreasing)\s+from\s+[^;()]{1,40}?\s+(?:in|on|by)\s+(?:the\s+)?$", re.I)
_AS_OF_ANYWHERE_RE = re.compile(r"\bas\s+of\b", re.I)
_IMAGERY_RE = re.compile(
    r"\b(?:image|images|imagery|photo|photos|photograph|photographs|photographed|picture|pictures"
    r"|screenshot|screenshots|satellite|taken)\b", re.I)
_PUBLISH_VERB_RE = re.compile(
    r"\b(?:published|publishes|publish|publishing|released|releases|issued|uploaded|posted)\b", re.I)
_MEDIA_RE = re.compile(
    r"\b(?:reports?|findings|stud(?:y|ies)|investigations?|analys[ie]s|articles?|papers?"
    r"|press\s+releases?|videos?|photos?|photographs?|footage|images?|data|maps?|evidence"
    r"|documentar(?:y|ies)|books?|dossiers?|briefings?"
    # "the SDF released their figures on the operation", "released a summary of its strikes"
    r"|figures|statistics|tall(?:y|ies)|summar(?:y|ies)"
    # a film: "Released in 2017, Example Film was directed by X" (the credits name a work)
    r"|films?|movies?|(?:directed|produced|written|narrated)\s+by)\b", re.I)
_PRESENT_PERFECT_RE = guarded(re.compile(
    # not a guess about the past ("gunmen, who may have belonged to ...")
    r"(?<!\bto\s)(?<!\bmay\s)(?<!\bmight\s)(?<!\bcould\s)(?<!\bmust\s)(?<!\bwould\s)(?<!\bshould\s)"
    r"\b(?:has|have)\s+(?:(?:already|also|not|previously|since|repeatedly|been)\s+)*"
    r"(?:[a-z]+ed|been|done|made|taken|seen|found|shown|written|given|undertaken)\b", re.I))
_UNABLE_RE = guarded(re.compile(r"\b(?:unable|not\s+able|could\s+not|cannot|can't|couldn't)\b", re.I))
_COUNT_WORD = (r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
               r"|thirteen|fourteen|fifteen|twenty|thirty|forty|fifty|hundreds?|dozens|several|many)")
_COUNTED_RE = guarded(re.compile(
    rf"\b{_COUNT_WORD}\s+(?:\(\d[\d,]*\)\s+)?(?:[\w-]+\s+){{0,2}}?"
    r"(?:incidents?|attacks?|violations?|strikes?|airstrikes?|cases?|events?)\b", re.I))
_TALLY_VERB_RE = re.compile(
    r"\b(?:identif\w+|document\w*|record\w*|count\w*|registered|verif\w+|monitored|logged|tallied|compiled"
    # "in 2014 there were 63 incidents", "casualties peaked in 2017, with 1,841 incidents"
    r"|peaked|there\s+(?:were|was))\b", re.I)
# a monitor's tally of a toll: "In July 2017, Airwars recorded reports of an alleged 1,342 people killed"
_TOLL_TALLY_RE = re.compile(r"\b(?:recorded|documented|registered|tallied|compiled)\b", re.I)
# a count of munitions or strikes: "dropped 12,192 bombs", "fired 300 missiles", "conducted 1,200 strikes"
_MUNITION_COUNT_RE = re.compile(
    r"\b\d[\d,]*\s+(?:[\w-]+\s+){0,2}?(?:bombs|munitions|missiles|rockets|shells|air\s*strikes|strikes|sorties|raids)\b", re.I)
# a party's statement of a count is a statement, an event ("In September 2018, the Israeli Air Force
# stated that it had conducted over 200 airstrikes ... in 2017–2018 alone"); a newspaper's report is not
_PARTY_SAID_RE = re.compile(r"\b(?:stated|said|announced|claimed|declared|confirmed|admitted)\b", re.I)
# territory taken up to a date: "by March 2019, ... had liberated nearly 110,000 square kilometers"
_TERRITORY_TOTAL_RE = re.compile(
    r"\b[Bb]y\s[^;]{3,120}?\bhad\s+(?:liberated|captured|seized|retaken|recaptured|cleared|taken)\s+"
    r"(?:(?:nearly|about|over|more\s+than|some|around|approximately|almost)\s+)?\d[\d,.]*\s+"
    r"(?:square\s+(?:kilometres|kilometers|km|miles)|km2|km²|sq\.?\s*km)")
# a period's toll "alone": "killed ... in March 2017 alone", "in 2016 alone"
_ALONE_RE = re.compile(r"\b(?:19|20)\d\d\s+alone\b")
# a count of strikes or sorties: "conducted a total of 34,573 strikes", "flew 1,200 sorties"
_STRIKE_COUNT_RE = re.compile(
    r"\b(?:a\s+total\s+of\s+)?\d[\d,]*\s+(?:[\w-]+\s+){0,2}?(?:air\s*strikes|strikes|sorties|raids|missions)\b", re.I)
# happenings in the plural that "occurred" over a period: what a count covers
_PLURAL_OCCURRED_RE = re.compile(
    r"^\W*The\s+(?:[\w-]+\s+){0,2}?(?:air\s*strikes|strikes|attacks|incidents|raids|bombings|killings)\s+"
    r"(?:occurred|took\s+place|happened|were\s+(?:carried\s+out|conducted))\b", re.I)
# "Two incidents occurred in January 2016.": how many happenings (a plural) occurred over a month or
# longer, told before each is told on its day (not a year's digits: "In March 2016, an attack took place")
_COUNT_HAPPENED_RE = re.compile(
    r"\b(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|dozens\s+of"
    r"|hundreds\s+of)\s+(?:\(\d+\)\s+)?(?:[\w-]+\s+){0,2}?(?:incidents|attacks|violations|strikes|airstrikes"
    r"|cases|events|bombings|raids)\s+(?:had\s+)?(?:also\s+)?(?:occurred|took\s+place|happened|were\s+reported)\b", re.I)
_CLAUSE_STOP_RE = re.compile(r"[;:]")

# A finite verb in the past: a lower-case -ed word or a common irregular past form ("was" and
# "were" only as auxiliaries of a participle: "was not under government control" is a state).
_IRREGULAR_PAST = (r"began|took|fell|came|went|met|won|lost|made|left|led|held|struck|shot|hit"
                   r"|fought|withdrew|broke|overran|retook|sent|drove|flew|ran|rose|gave|saw|said"
                   r"|told|blew|brought|caught|kept|spent|built|stood|threw|got|became|sought"
                   r"|bought|put|cut|shut|laid|fled|swept|did|dealt|sank|tore|dug|lit"
                   # "set off a large explosion", "set fire to the depot": "set" alone may be present
                   r"|set\s+(?:off|fire|ablaze|alight)")
_PAST_RE = re.compile(
    rf"\b(?:[a-z]{{2,}}ed|{_IRREGULAR_PAST}"
    r"|(?:was|were|had)\s+(?:\w+ly\s+|not\s+|also\s+|been\s+|then\s+)*(?:[a-z]+(?:ed|en|wn)|shot|hit|struck"
    r"|held|led|left|lost|made|sent|built|cut|set|put|seen|done|taken|fought))\b")
# speed only, same matches: a look-ahead for its first characters (prefilter.starting)
_PAST_RE = starting(_PAST_RE)
_SOURCING_RE = guarded(re.compile(
    r"\b(?:below|above|videos?|photos?|photographs?|footage|image|images|imagery|screenshots?|satellite"
    r"|geolocat\w*|verif\w+|archiv\w+|preserv\w+|upload\w*|publish\w*|posted|analy[sz]\w+"
    r"|interview\w*|tweet\w*|spotter|methodology|database"
    # flight observation data, not a military "observation post"
    r"|observation(?!\s+(?:posts?|points?|towers?|outposts?|bases?|positions?)\b))\b", re.I))
# a main clause in the past perfect that says it happened earlier (before any comma: not "X, which
# had previously been held by ISIL, was captured"; not a fronted "While X had previously said ...,")
_EARLIER_PERFECT_RE = re.compile(
    r"(?!\s*(?:While|Whilst|Although|Though|As|When|After|Before|Since|Because|Whereas|If|Once)\b)"
    r"[^,;:]*?\bhad\s+(?:(?:also|already)\s+)?(?:previously|earlier|once|formerly)\b", re.I)
# what would, could or may have happened: a guess or a counterfactual, no happening told
_MODAL_PERFECT_RE = re.compile(r"\b(?:may|might|could|must|would|should)\s+(?:not\s+)?have\s+(?:been\s+)?[a-z]+", re.I)
# a closing participle clause of a party releasing its evidence (", releasing footage of ...")
_RELEASING_EVIDENCE_RE = re.compile(
    r",\s*(?:releasing|publishing|posting|showing|sharing|broadcasting)\s+(?:a\s+|the\s+|its\s+|their\s+)?"
    r"(?:videos?|footage|photos?|photographs?|images?|pictures?)\b[^;]*$", re.I)
# a relative clause closing a sentence: ", for which the Syrian Archive has collected three videos"
_TRAILING_RELATIVE_RE = re.compile(r",\s*(?:for|of|in|from)\s+which\b|,\s*which\b")
# a tally over a period: ten or more munitions dropped or that hit a place, or ten or more places
# attacked ("Aleppo was hit with 4,045 barrel bombs in 2016", "648 barrel bombs dropped in
# December", "In April 2017 25 hospitals ... were attacked"); not a year ("2016 airstrikes"), not
# what an actor conducted ("carried out 19,160 combat missions": a statement or a campaign)
_TALLY_COUNT = r"(?<![\d,.])(?!(?:19|20)\d\d\b)(?:\d{1,3}(?:,\d{3})+|\d{2,})"
_MUNITIONS = r"(?:barrel\s+bombs?|bombs?|rockets?|missiles?|shells?|mortars?|munitions?|barrels?)"
_PLACES = r"(?:hospitals?|(?:medical\s+)?facilities|schools?|markets?|bakeries|mosques?|clinics?)"
_TALLY_RE = guarded(re.compile(
    r"\b(?:hit|struck|targeted|attacked|bombarded|pounded)\s+(?:with|by)\s+(?:at\s+least\s+|over\s+|more\s+than\s+"
    r"|no\s+less\s+than\s+|some\s+|about\s+)?" + _TALLY_COUNT + r"\s+(?:[\w-]+\s+){0,2}?" + _MUNITIONS + r"\b"
    r"|" + _TALLY_COUNT + r"\s+(?:[\w-]+\s+){0,2}?" + _MUNITIONS + r"\s+(?:were\s+|had\s+been\s+)?(?:dropped|fired|launched)\b"
    r"|" + _TALLY_COUNT + r"\s+(?:[\w-]+\s+){0,2}?" + _PLACES + r"\b[^.;]{0,40}?\b(?:were|had\s+been)\s+(?:\w+ly\s+)?"
    r"(?:attacked|targeted|hit|bombed|struck|shelled|destroyed)\b",
    re.I))
_STATISTIC_RE = re.compile(
    r"\bpeaks?\b|\bon\s+average\b|\ban\s+average\s+of\b|\bunder[\s-]?represent"
    r"|\btotal\s+number\s+of\b|\bfrequency\b|\btime\s+series\b", re.I)
_DATASET_RE = guarded(re.compile(
    r"(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d+)\s+(?:verified\s+)?videos\b|\bdata\s*sets?\b|\bdatabases?\b", re.I))
# an entry of a list of other organisations' reports: 'Syria Campaign (May 2017): "Saving Lives ..."'
_CITATION_ITEM_RE = re.compile(
    r"^\W*[A-Z][^:\"“\n]{0,80}?\(\s*(?:[A-Z][a-z]{2,8}\.?\s+)?\d{4}\s*\)\s*:\s*\W{0,3}[\"“]")
_FUTURE_RE = guarded(re.compile(r"\b(?:will|shall)\s+(?:not\s+|also\s+|\w+ly\s+)*(?:be\s+|have\s+been\s+)?\w+", re.I))
_ENUM_RE = re.compile(
    r"(?:(?:However|Meanwhile|Then|Also),?\s+)?(?:The\s+(?:first|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth|tenth|other|latter|former|last)|Another|A\s+(?:second|third|fourth|fifth|further))\b")


@dataclass(frozen=True)
class Verdict:
    """``kind``: "event" (emit ``dates``), "aggregate" (not emitted; its date sets the context),
    "aside" (background: not emitted, sets nothing) or "undated" (every date was a date in
    passing: the sentence may inherit a date like any undated sentence)."""

    kind: str
    reason: str | None
    dates: tuple[StatedDate, ...] = ()


def _window(sentence: str, start: int, words: int = 10) -> str:
    """The words before ``start`` back to a ';' or ':' (at most ``words`` of them)."""
    before = sentence[:start]
    stops = [m.end() for m in _CLAUSE_STOP_RE.finditer(before)]
    before = before[stops[-1] if stops else 0:]
    return " ".join(before.split()[-words:])


def _end_of(d: StatedDate) -> dt.date:
    if d.precision == "day":
        return d.date
    if d.precision == "month":
        return _month_end(d.date.year, d.date.month)
    return dt.date(d.date.year, 12, 31)


def _span_days(d: StatedDate) -> int:
    if d.last is not None:
        return (d.last - d.date).days + 1
    return {"day": 1, "month": 30, "year": 365}[d.precision]


# an organisation's history told by another verb than a founding one: its members voting to form
# it, its renaming, its growth to a size ("teams came together and voted to form one national
# organisation", "The Front renamed itself X in June 2016", "SCD grew to be an organisation of over
# 3,000 volunteers ... in 2016"): background, as a founding is
_ORGANISATION_HISTORY_RE = re.compile(
    r"\b(?:voted\s+to\s+(?:form|found|establish|create|merge)|(?:was|were)\s+renamed|renamed\s+(?:itself|themselves)"
    r"|rebranded(?:\s+(?:itself|themselves))?|changed\s+(?:its|their)\s+name|grew\s+to\s+(?:be|become)\s+(?:an?|the)\b)", re.I)


def _founding(sentence: str, d: StatedDate) -> str | None:
    """"finite" when the date is that of a finite founding verb, "participle" when of a founding
    participle in passing, None otherwise."""
    window = _window(sentence, d.start, 20)
    history = _ORGANISATION_HISTORY_RE.search(sentence)
    if history is not None and (
            (history.end() <= d.start and not _CLAUSE_BREAK_AFTER_RE.search(sentence, history.end(), d.start))
            or (history.start() >= d.end and not _CLAUSE_BREAK_AFTER_RE.search(sentence, d.end, history.start()))):
        return "finite"  # the date of the clause that tells it
    if _CONSTRUCTION_RE.search(re.sub(r"\s+(?:in|on|during|by)\s*$", "", window)):
        return "finite"  # "construction at the mosque started in 2013": a founding
    if "launched" in window.lower() and _LAUNCHED_AS_RE.search(sentence[: d.start + 80]):
        return "finite"
    prefix = sentence[: d.start]
    m = None
    for m in _FOUNDING_RE.finditer(prefix, max(0, len(prefix) - len(window) - 1)):  # noqa: B007 -- keeps the last match
        pass
    if m is None:
        return "finite" if _FOUNDING_MEMBER_RE.search(sentence) else None
    if _POSITION_OBJECT_RE.match(prefix, m.end()):
        return None  # "established a third post ... on 1 February": a deployment, not a founding
    before = prefix[: m.start()]
    if _FINITE_BEFORE_RE.search(before) or _COPULA_NOUN_BEFORE_RE.search(before):
        return "finite"  # "was formed in 2012", "is an Islamist rebel faction formed in late 2011"
    if not before.strip() or before.rstrip().endswith((",", "(", "–")):
        return "participle"
    verb = " ".join(m.group(0).lower().split())
    if verb == "emerged" and _NEWS_SUBJECT_RE.search(before):
        return None  # "reports emerged in March 2016": news, not a founding
    if verb in _INTRANSITIVE_FOUNDING and _TO_THE_DATE_RE.fullmatch(prefix[m.end():]):
        return "finite"  # "The group formed in December 2015", "emerged as the main rival of ISIL in 2014"
    # an active founding verb with its subject ("Chris Woods founded Airwars in 2014")
    return "finite" if verb in ("founded", "co-founded", "established") else None


_CLAUSE_BREAK_AFTER_RE = re.compile(r"[;:]|,\s*(?:and|but|while)\b")
_SUBORDINATE_RE = re.compile(r"\b(?:after|before|when|since|once|while|until|as|because|which|who|that)\b", re.I)
_MODIFIER_END_RE = re.compile(r"\b(?:the|a|an|its|their|his|her|newly|recently|\w+ly)\s*$", re.I)


def _lead_founding(rest: str) -> bool:
    """Whether the clause after a leading date has a founding as its first verb: "In 2013, the
    brigade was formed by defectors", "In April 2016, factions of the SDF formed the Manbij Military
    Council", "In 2014, the group emerged as ..." (not "established a base": a deployment)."""
    first = _first_finite_past(rest)
    if first is None:
        return False
    m = _FOUNDING_RE.search(rest, first.start(), first.end() + 20)
    if m is None or m.start() >= first.end():  # the founding verb is the first finite verb
        return False
    subject = rest[: first.start()].lstrip(" ,")
    if "," in subject or _SUBORDINATE_RE.search(subject) or _MODIFIER_END_RE.search(subject):
        # not the main clause's verb: "the SDF, the newly founded umbrella ..., captured the dam", "a
        # day after the Front was established, clashes erupted"
        return False
    verb = " ".join(m.group(0).lower().split())
    if verb == "emerged" and _NEWS_SUBJECT_RE.search(rest[: m.start()]):
        return False
    if m.start() == first.start() and verb in ("established", "set up", "created"):
        # an active "established" says what a force set up ("established full control over", "established
        # its twelfth observation post"): a happening; "founded" and "formed" found an organisation
        return False
    return not _POSITION_OBJECT_RE.match(rest, m.end())


# a time of day before a leading date: "At 11:48 AM on 03 January, ..."
_TIME_PREFIX_RE = re.compile(
    r"^\s*(?:at\s+)?(?:around\s+|about\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:on\s+)?", re.I)
# a participle in apposition: "a citizen reporter, based in Maarat al-Numaan, published ..."
_APPOSED_PARTICIPLE_RE = re.compile(r"\s+(?:in|at|on|near|from|by|inside|outside)\b", re.I)


def _first_finite_past(rest: str) -> re.Match | None:
    """The first finite past verb of ``rest``, skipping a participle in apposition (", based in")."""
    for m in _PAST_RE.finditer(rest):
        if rest[: m.start()].rstrip().endswith(",") and _APPOSED_PARTICIPLE_RE.match(rest, m.end()):
            continue
        return m
    return None


def _perfect_main_verb(rest: str) -> bool:
    """Whether the clause after a leading date has a present perfect as its first verb ("In
    2014, Iran has stepped up support"), not a simple past with a perfect later in the sentence
    ("In February 2015, X was killed ..., and since then ISIL has been absent", "In May 2018, the
    State Department announced that funding has been frozen")."""
    perfect = _PRESENT_PERFECT_RE.search(rest)
    if perfect is None:
        return False
    past = _first_finite_past(rest)
    return past is None or perfect.start() <= past.start()


def _publication(sentence: str, d: StatedDate, lead: bool) -> bool:
    window = _window(sentence, d.start, 16)
    verb = None
    for verb in _PUBLISH_VERB_RE.finditer(window):  # noqa: B007 -- keeps the last match
        pass
    clause = _window(sentence, d.start, 60)
    # the date must be that of the publishing, not of a later verb ("published a video showing
    # sites being targeted on 30 September 2015" dates the targeting)
    between = window[verb.end():] if verb is not None else ""
    # "Information published in this report suggests that in April 2017 X attacked ...": the date
    # is in what the report says, not its publication's
    if (verb is not None and not _LATER_VERB_RE.search(between) and not re.search(r"\bthat\b", between, re.I)
            and (_MEDIA_RE.search(clause) or _MEDIA_RE.search(sentence[d.end: d.end + 60]))):
        return True
    # "On 18 January 2018, the Lab published findings of ...", "For the attack on 19 September, the
    # first video documenting it was published by X": the date fronts the main verb
    if lead or _first_finite_past(sentence[: d.start]) is None:
        rest = sentence[d.end:]
        first_verb = _first_finite_past(rest)
        if first_verb and _PUBLISH_VERB_RE.fullmatch(first_verb.group(0).split()[-1]):
            return bool(_MEDIA_RE.search(rest[: first_verb.end() + 60]))
    return False


# what a speaker said: "X said that ...", "X stated: ...", an opening quote
_SPEECH_RE = re.compile(
    r"\b(?:said|says|stated|states|announced|declared|added|claimed|told\s+\w+(?:\s+\w+)?|warned|argued"
    r"|insisted|noted|explained)\b(?:\s+that\b|\s*[:,]?\s*[\"“])|[\"“]", re.I)
# speed only, same matches: a look-ahead for its first characters (prefilter.starting)
_SPEECH_RE = starting(_SPEECH_RE)


def _before_speech(sentence: str) -> str:
    """The sentence up to what a speaker said: an investigators' "could not be identified" is a
    finding, a minister's "Israel could not allow ..." is a statement (an event)."""
    m = _SPEECH_RE.search(sentence)
    return sentence[: m.start()] if m else sentence


# leftover wiki markup of an image: "[[File:Map.svg|left|thumb|Map of the posts ... on 17 September
# 2018": the caption dates the image
_FILE_MARKUP_RE = re.compile(r"\[\[\s*(?:File|Image)\s*:", re.I)
# a running estimate: "By August 2022, Airwars estimated that 17-45 civilians were killed ... since 2013"
_SINCE_YEAR_RE = re.compile(r"\bsince\s+(?:(?:early|mid|late)[\s-]+)?(?:(?:[A-Z][a-z]+\s+)?\d{4}|the\s+(?:start|beginning)\b)")


_FOOTAGE_CAPTURED_RE = re.compile(
    r"\b(?:videos?|footage|clips?|recordings?)\s*,?\s+(?:was\s+|were\s+)?(?:captured|filmed|recorded)\b", re.I)
# a field label naming the date of the page or a source: "Last update:", "Published:", "Accessed:"
_PUBLICATION_FIELD_RE = re.compile(
    r"\b(?:last\s+)?(?:update[sd]?|modified|published|posted|accessed|retrieved|archived)\s*[*_]*\s*:\s*[*_]*\s*$", re.I)
# a witness speaking in a video: "X mentions that", "he said that", "she told the team that"
_SPEAKER_THAT_RE = re.compile(
    r"\b(?:mentions|mentioned|says|said|states|stated|explains|explained|describes|described|recounts"
    r"|recounted|testifies|testified|recalls|recalled|told\s+[\w\s']{1,30}?)\s+that\b", re.I)


def _aside_reason(sentence: str, d: StatedDate, lead: bool) -> str | None:
    window = _window(sentence, d.start, 12)
    if _AS_OF_RE.search(sentence[: d.start]):
        return "as_of"
    if _COMPARED_FROM_RE.search(sentence, max(0, d.start - 60), d.start) and _AS_OF_ANYWHERE_RE.search(sentence, 0, d.start):
        return "as_of"  # "displaced 167,000 people as of 23 March 2018, up from 5,000 people in January 2018"
    if _FILE_MARKUP_RE.search(sentence[: d.start]):
        return "imagery"
    if _ANNIVERSARY_RE.search(window):
        return "history"
    imagery = None
    window20 = _window(sentence, d.start, 20)
    for imagery in _IMAGERY_RE.finditer(window20):  # noqa: B007 -- keeps the last match
        pass
    if imagery is None:
        # "Orient news video captured during the attack on 19-09-2017": when footage was filmed
        for imagery in _FOOTAGE_CAPTURED_RE.finditer(window20):  # noqa: B007 -- keeps the last match
            pass
    # the date of what a witness says in a video ("... video taken by X, Y mentions that during the
    # evacuation on 16 December 2016 he was detained") is not the image's
    if imagery is not None and not _SPEAKER_THAT_RE.search(window20[imagery.end():]):
        return "imagery"
    if _UPDATED_RE.search(" ".join(window.split()[-4:])) or _PUBLICATION_FIELD_RE.search(sentence[: d.start]):
        return "publication"  # "... updated on 5 May", "Last update: March 18, 2017"
    if _publication(sentence, d, lead):
        return "publication"
    coarse = _span_days(d) >= 28
    outlet = _OUTLET_REPORT_AT_RE.search(sentence)
    if outlet is not None and outlet.start() < d.start < outlet.end() and _STRENGTH_RE.search(sentence, outlet.end()):
        return "report"  # "The Wall Street Journal reported on 2 October 2015 that the Guard has had some
        # 7,000 members in Syria": a newspaper's report of a force's size, dated by the issue, whatever its precision
    if coarse and _WRITING_IN_RE.search(sentence, max(0, d.start - 40), d.start):
        return "report"  # "According to US journalist X writing in September 2011, ...": the writing's date
    if coarse and _MONEY_RE.search(sentence) and _BY_BEFORE_RE.search(sentence, max(0, d.start - 30), d.start) \
            and _HAD_RE.search(sentence):
        return "as_of"  # "X said that Iran had, by February 2012, sent the government $9 billion": a total of money by a date
    if coarse:
        state = _REPORT_OF_STATE_RE.search(sentence)
        if state is not None and _COPULA_RE.search(sentence, state.end()) \
                and not _PAST_RE.search(_without_dates(sentence, [d]), state.end()) \
                and not _PROGRESSIVE_RE.search(sentence, state.end()):
            return "report"  # "In June 2015, some reports suggested that the military were in charge": a reported state
    if coarse and _FINDING_SUBJECT_RE.search(sentence):
        return "report"  # "In July 2017, an investigation by X in newspaper Y found that ..."
    if coarse and _REPORTED_ON_STATE_RE.search(sentence):
        return "report"  # "In March 2021, Rudaw reported on the state of the town": a report on a state
    if coarse and (_NEWSPAPER_COMMENT_RE.search(sentence) or _FINDING_PASSIVE_RE.search(sentence)):
        return "report"  # "In December 2017, The Guardian newspaper commented that ..."
    if coarse and _RANKING_RE.search(sentence):
        return "publication"  # "In 2017, Politico listed X as one of the 28 people shaping Europe"

    if coarse:
        said = _REPORT_VERB_RE.search(sentence)
        if said is not None and d.year_from == "anaphora" and d.start >= said.end():
            said = None  # "On 1 October, Reuters reported that troops had arrived over the previous 10
            # days": the window counted back from the report's day is the happening's, not the report's
        if said is not None and _PERFECT_RE.search(sentence, said.end()):
            return "report"  # "In 2013, the Financial Times reported that Qatar had funded ..."
        if said is not None and (_NEWSPAPER_REPORT_RE.search(sentence, d.end, said.end())
                                 or (d.end <= said.end() and _OUTLET_REPORT_RE.search(sentence, 0, said.end()))):
            return "report"  # "In January 2017, the German newspaper Die Welt reported that ..."
        if said is not None and said.group(0).lower().startswith("estimated"):
            return "report"  # "In November 2017, the UN estimated that ...": an estimate, dated by its publication
        if said is not None and _SINCE_YEAR_RE.search(sentence, said.end()):
            return "report"  # "By August 2022, Airwars estimated that 17-45 civilians were killed ... since 2013"
    clause = _window(sentence, d.start, 40)
    if coarse and (_PRESENT_PERFECT_RE.search(clause) or (lead and _perfect_main_verb(sentence[d.end:]))):
        return "summary"
    if coarse and _UNABLE_RE.search(_before_speech(sentence)):
        return "finding"
    return None


# a life's stations: "was born in 1971", "studied engineering in the 1990s", "served as governor
# from 2009 to 2011", "was elected to parliament in 2012"
_BIOGRAPHY_RE = re.compile(
    r"\b(?:(?:was|were)\s+born|(?<!\bbeing\s)(?<!\bbeen\s)(?<!\bbe\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bis\s)(?<!\bare\s)studied|graduated|grew\s+up|was\s+educated|served\s+as|worked\s+as"
    r"|(?:was|were)\s+(?:re-?)?elected"
    # an honour: "In 2017, it was awarded the McCall-Pierpaoli Humanitarian Award", "won the Best
    # Documentary prize" (not a medal for an act of the war told on its day: day dates are kept)
    r"|(?:was|were)\s+awarded|(?:won|received|accepted)\s+(?:the\s+|an?\s+)?(?:[\w'-]+\s+){0,5}?(?:awards?|prizes?)"
    r"|(?:was|were)\s+nominated\s+for)\b", re.I)
# an honour named at length before its date: "it was the Winner of the Grand Jury Documentary prize
# at the Example Film Festival in 2017" (read over a longer window than a life's stations)
_WINNER_RE = re.compile(
    r"\b(?:was|were)\s+(?:the\s+|an?\s+)?(?:winners?|recipients?|laureates?)\s+of\b[^,;]{0,80}?"
    r"\b(?:awards?|prizes?|medals?)\b", re.I)
# an intention, not a happening: "planned to retake", "intended to expand", "aimed to capture", "was
# expected to attack" ("announced plans to" is a statement, an event)
_PLAN_RE = re.compile(
    r"(?:had\s+)?(?:planned|intended|aimed|hoped|wished|wanted|expected|scheduled"
    r"|(?:was|were|is|are)\s+(?:\w+ly\s+)?(?:expected|planning|intending|aiming|hoping|due|scheduled))\s+to\b", re.I)


def _life_or_plan(sentence: str, d: StatedDate, lead: bool) -> str | None:
    """"biography" when a month's or a year's date is that of a life's station (birth, studies,
    an office held, an election), "plan" when it dates an intention: neither is a happening of the
    war. Decision: a day-dated one is kept (an appointment or a plan on a day is told as news);
    an appointment ("was appointed commander") is a happening, an event, at any precision."""
    if _span_days(d) < 28:
        return None
    if _BIOGRAPHY_RE.search(_window(sentence, d.start, 12)) or _WINNER_RE.search(_window(sentence, d.start, 18)):
        return "biography"
    if lead or _first_finite_past(sentence[: d.start]) is None:
        rest = _without_dates(sentence[d.end:], [])
        first = _first_finite_past(rest)
        if first is not None and _BIOGRAPHY_RE.match(rest, first.start()):
            return "biography"  # "In 1971, he was born in Deir ez-Zor"
    text = sentence[: d.start] + " " + sentence[d.end:]
    first = _first_finite_past(text)
    if first is not None and _PLAN_RE.match(text, first.start()):
        return "plan"  # "In mid-2016, the US and Russia planned to begin coordinating their airstrikes"
    return None


# a count of repeated happenings over years: "attacked ... nearly 100 times over six years"
_TIMES_OVER_RE = guarded(re.compile(
    r"\b(?:\d[\d,]*|dozens\s+of|hundreds\s+of)\s+times\s+(?:over|in|during|across|throughout)\s+(?:the\s+)?"
    r"(?:past\s+|last\s+|previous\s+)?(?:[\w-]+\s+){0,2}(?:years?|months?)\b", re.I))
# a running total of strikes up to a day: "By 30 March 2016, the US Air Force had conducted 25
# airstrikes", "By the end of May, jets had flown 400 sorties"
_RUNNING_TOTAL_RE = re.compile(
    r"\W*(?:[A-Z][a-z]+,?\s+)?By\s[^,;]{3,40},\s+[^,;]{2,80}?\bhad\s+(?:already\s+)?"
    r"(?:conducted|carried\s+out|launched|flown|performed|made|mounted|staged)\s+"
    r"(?:a\s+total\s+of\s+|more\s+than\s+|over\s+|about\s+|around\s+|nearly\s+|some\s+)?"
    r"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of|hundreds\s+of|thousands\s+of)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:air\s*strikes|strikes|sorties|raids|missions|bombings|attacks)\b"
    # the same in the passive: "By 9 March 2016, nearly 11,000 airstrikes had been launched on IS"
    r"|\W*(?:[A-Z][a-z]+,?\s+)?By\s[^,;]{3,40},\s+(?:a\s+total\s+of\s+|more\s+than\s+|over\s+|about\s+|around\s+|nearly\s+|some\s+)?"
    r"(?:\d[\d,]*|dozens\s+of|hundreds\s+of|thousands\s+of)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:air\s*strikes|strikes|sorties|raids|missions|bombings|attacks)\s+had\s+(?:already\s+)?been\s+"
    r"(?:conducted|carried\s+out|launched|flown|performed|made|mounted|staged)\b"
    # an estimate of a total up to a day: "By the end of 2016 the campaign was estimated by the
    # Pentagon to have struck 32,000 targets", "By October 2015 it was estimated that 42 groups had
    # been vetted"
    r"|\W*(?:[A-Z][a-z]+,?\s+)?By\s[^,;]{3,40}?,?\s+(?:it\s+was\s+estimated\s+that\b"
    r"|[^,;]{2,100}?\b(?:was|were)\s+estimated\s+(?:by\s+[^,;]{2,40}?\s+)?to\s+have\s+(?:been\s+)?[a-z]+)")
# a building's construction beginning: "construction at the mosque started in 2013"
_CONSTRUCTION_RE = re.compile(
    r"\b(?:construction|building)\s+(?:of|at|on|work\s+on)\b[^,;]{0,60}?\b(?:started|began|begun|commenced)\s*$", re.I)
# a sum of money ("$26 million", "£15 million", "US$4,000", "38.4m", "250 euros") with a word of funding
# or spending: over a month or longer, a statistic of money ("In March 2017, the organisation was
# operating on an annual budget of about $26 million", "In July 2019, the stipend was raised to
# $250"), not a happening of the war (a grant or a bounty told on its day is kept)
_MONEY_RE = guarded(re.compile(
    r"(?:US\$|[$£€])\s?\d[\d,.]*(?:\s*(?:m|bn|k|million|billion|thousand)\b)?"
    r"|\b\d[\d,.]*\s*(?:million\s+|billion\s+)?(?:dollars|pounds|euros|lira|liras|rubles|roubles)\b", re.I))
_FINANCE_RE = re.compile(
    r"\b(?:fund(?:s|ing|ed)?|budgets?|financ\w*|stipends?|salar(?:y|ies)|aid|donat\w+|donors?|grants?"
    r"|contribut\w+|paid|pays?|spen[dt]\w*|raised|revenues?|income|costs?|loans?|subsid\w+)\b", re.I)
# a party committing money is a decision, an event ("In April 2013, the US announced it would transfer
# $123 million in aid", "promised to double aid to $250 million")
_COMMITS_MONEY_RE = re.compile(
    r"\b(?:announced|promised|pledged|approved|authori[sz]ed|vowed|offered|agreed|would|will)\b", re.I)
# a toll up to a month or a year ("By late 2016, 159 volunteers had been killed since the group's
# inception"): a state at a time, as "as of" is (a day's "By 17 May, ... had been killed" is told
# as news and kept; what a party claimed is a statement)
_TOLL_BY_RE = re.compile(
    r"\W*(?:[A-Z][a-z]+,?\s+)?By\s[^,;]{3,40},\s+[^;]{0,100}?\bhad\s+(?:(?:already|reportedly)\s+)?"
    r"(?:been\s+(?:killed|wounded|injured|executed|murdered)|died|lost\s+their\s+lives)\b")
# a size reached ("grew to be an organisation of over 3,000 volunteers"): a statistic, as a strength is
_GREW_TO_RE = guarded(re.compile(
    r"\b(?:grew|expanded|increased|swelled|rose)\s+to\s+(?:be\s+|become\s+|include\s+)?(?:an?\s+[\w-]+\s+of\s+)?"
    r"(?:(?:about|around|over|more\s+than|some|nearly|almost|approximately|roughly)\s+)?\d[\d,.]*\s+"
    r"(?:[\w-]+\s+){0,2}?(?:fighters|members|troops|soldiers|personnel|militants|men|combatants|volunteers"
    r"|staff|employees|militiamen|recruits|workers)\b", re.I))
# an organisation founded as the purpose of what the sentence tells ("In October 2014, the teams came
# together and voted to form one national organisation", "councils joined with X to create the first
# training programmes in early 2013"): a founding
_TO_FOUND_RE = re.compile(
    # (the object itself, no preposition before the noun: "to form an attack on the centres" is no founding)
    r"\bto\s+(?:form|create|found|establish|set\s+up)\s+(?:(?!(?:on|against|in|at|near|from|of|with)\b)[\w'-]+\s+){0,4}?"
    r"(?:organi[sz]ations?|groups?|coalitions?|alliances?|councils?|committees?|fronts?|brigades?|factions?"
    r"|parties|party|movements?|networks?|foundations?|programm?es?|companies|company|associations?"
    r"|unions?|umbrella|federations?|NGOs?|charit(?:y|ies)|centres?|centers?)\b", re.I)
# an organisation's end ("Example Rescue went into administration in July 2020", "was dissolved in
# 2019"): the counterpart of its founding
_ORGANISATION_END_RE = re.compile(
    r"\b(?:went|goes|go)\s+into\s+(?:administration|liquidation|receivership)|\bfiled\s+for\s+bankruptcy"
    r"|\b(?:was|were)\s+(?:formally\s+|officially\s+)?(?:dissolved|liquidated|wound\s+up|deregistered)\b", re.I)
# what a party said would happen at a date ("The Netherlands announced that it would end its funding of
# several projects, including X, by December 2018"): the date of a plan, not of the statement
_REPORTED_PLAN_RE = re.compile(
    r"\b(?:announced|said|stated|declared|agreed|promised|pledged|vowed|warned|threatened|decided|confirmed"
    r"|indicated|told\s+\w+)\s+(?:that\s+)?[^,;.]{0,40}?\bwould\s+(?!have\b)(?:\w+ly\s+)?(?:not\s+)?[a-z]+\b", re.I)
# what is left of a sentence that is only a date: bullets, punctuation, a preposition
_BARE_DATE_REST_RE = re.compile(r"[\s\W_]*(?:(?:on|in|at|by)\b[\s\W_]*)?", re.I)


# verbs of coming together to found something ("came together and voted to form", "joined with X to
# create"): they tell the founding, no other happening
_GATHERING_RE = re.compile(
    r"\b(?:came\s+together|voted|agreed|decided|united|merged|joined(?:\s+forces)?|met|gathered|combined"
    r"|teamed\s+up|allied|partnered|convened|cooperated|worked\s+together)\b", re.I)


def _founds_as_purpose(sentence: str, d: StatedDate, lead: bool) -> bool:
    """Whether what the sentence tells at a month's or a year's date is the founding of an
    organisation as its purpose: "In October 2014, the teams came together and voted to form one
    national organisation", "Councils joined with X to create the first training programmes in
    early 2013" (not "captured the town and went on to form a council": another happening)."""
    if lead:
        clause = sentence[d.end:].split(";")[0]
        m = _TO_FOUND_RE.search(clause)
        before = clause[: m.start()] if m else ""
    else:
        clause = _window(sentence, d.start, 30)
        m = None
        for m in _TO_FOUND_RE.finditer(clause):  # noqa: B007 -- keeps the last match
            pass
        before = clause[: m.start()] if m else ""
        if m is not None and _first_finite_past(clause[m.end():]) is not None:
            return False  # the date is a later verb's
    # (an adjective compound is no verb: "these self-organised teams")
    return m is not None and _first_finite_past(_GATHERING_RE.sub(" ", re.sub(r"\w+-\w+", " ", before))) is None


def _without_dates(sentence: str, dates: list[StatedDate]) -> str:
    out, pos = [], 0
    for d in sorted(dates, key=lambda d: d.start):
        if d.end <= d.start or d.start < pos:
            continue
        out.append(sentence[pos: d.start])
        pos = d.end
    out.append(sentence[pos:])
    return "".join(out)


def classify(sentence: str, dates: list[StatedDate], period: Period | None = None) -> Verdict:
    """What a sentence with the dates the resolver found for it states (see the module doc).
    ``period`` is the document's own period (an article's infobox date): a statement dated more
    than a year before it is history (background), not an event of the document."""
    if not dates:
        return Verdict("undated", None)
    if _CITATION_ITEM_RE.match(sentence):
        return Verdict("aside", "publication")  # 'Human Rights Watch (May 2017): "Hospitals ..."'
    if _BARE_DATE_REST_RE.fullmatch(_without_dates(sentence, dates)) is not None:
        return Verdict("aside", "bare_date")  # "March 17, 2017" alone: an entry of a table of contents
    if period is not None and period.start is not None:
        horizon = period.start - dt.timedelta(days=366)
        if all((d.last or _end_of(d)) < horizon for d in dates):
            return Verdict("aside", "history")
    if _POPULATION_RE.search(sentence):
        return Verdict("aside", "population")
    if all(_span_days(d) >= 28 for d in dates):
        strength = _STRENGTH_RE.search(sentence) or _GREW_TO_RE.search(sentence)
        if strength is not None and not _SAID_RE.search(sentence, 0, strength.start()):
            return Verdict("aside", "population")  # "In 2015, the group numbered around 5,000 fighters"
        undated = _without_dates(sentence, dates)
        if ((_CHARACTERIZATION_RE.search(undated) or _STATE_OF_CONTROL_RE.search(undated))
                and not _PAST_RE.search(_STATE_OF_CONTROL_RE.sub(" ", _CHARACTERIZATION_RE.sub(" ", undated)))):
            # "In 2016, the group was considered the strongest faction", "By summer 2014, ISIL controlled a third of Syria"
            return Verdict("aside", "state")
    kept: list[StatedDate] = []
    reasons: list[str] = []
    passing = False
    story_day: StatedDate | None = None
    for i, d in enumerate(dates):
        lead = i == 0 and not _TIME_PREFIX_RE.sub("", sentence[: d.start]).strip(" ,–-*").split()[3:]
        plan = _REPORTED_PLAN_RE.search(sentence, 0, d.start)
        if plan is not None and _first_finite_past(sentence[plan.end(): d.start]) is None:
            reasons.append("plan")  # "announced that it would end its funding ... by December 2018"
            continue
        founding = _founding(sentence, d)
        if founding is None and _span_days(d) >= 28 and (_founds_as_purpose(sentence, d, lead)
                                                         or _ORGANISATION_END_RE.search(_window(sentence, d.start, 12))):
            founding = "finite"  # "voted to form one national organisation", "went into administration in July 2020"
        if founding is None and lead and _lead_founding(sentence[d.end:]):
            founding = "finite"  # "In 2013, the brigade was formed by defectors"
            if d.precision == "day":
                # "On 5 April, a civilian council was formed in X. Its co-chairman stated ...": not
                # emitted, but the story has moved to that day (what follows may inherit it)
                story_day = d
        if founding == "finite":
            reasons.append("founding")
            continue
        if founding == "participle":
            passing = True
            continue
        reason = _aside_reason(sentence, d, lead) or _life_or_plan(sentence, d, lead)
        if reason is not None:
            reasons.append(reason)
            continue
        kept.append(d)
    if not kept:
        if story_day is not None and reasons == ["founding"]:
            return Verdict("aggregate", "founding", (story_day,))
        if reasons:
            return Verdict("aside", reasons[0])
        return Verdict("undated", "founding" if passing else None)
    if _TIMES_OVER_RE.search(sentence):
        return Verdict("aside", "summary")  # "had attacked arms convoys nearly 100 times over six years"
    if _RUNNING_TOTAL_RE.match(sentence):
        # "By 30 March 2016, the United States Air Force had conducted 25 airstrikes against ISIL":
        # the strikes counted up to a day, not a happening of that day; as a count of documented
        # incidents, it is not emitted but its day is the story's ("On 2 April" after it is 2016)
        return Verdict("aggregate", "count", tuple(kept))
    if all(d.last is not None and _span_days(d) > 62 and not takes_part_in_operation(sentence, d)
           for d in kept) and extract_figures(sentence):
        # "Between February 2015 and March 2016, more than 63 civilians were killed": a toll over
        # months, not a happening
        return Verdict("aside", "summary")
    coarse = all(_span_days(d) >= 28 for d in kept)
    if (coarse and (money := _MONEY_RE.search(sentence)) is not None and _FINANCE_RE.search(sentence)
            and not _COMMITS_MONEY_RE.search(sentence, 0, money.start())):
        # "In March 2017, the group was operating on an annual budget of about $26 million": money
        return Verdict("aside", "statistic")
    if coarse and (toll := _TOLL_BY_RE.match(sentence)) is not None and not _SAID_RE.search(sentence, 0, toll.end()):
        # "By late 2016, 159 volunteers had been killed since its inception": a toll up to a time
        return Verdict("aside", "as_of")
    if coarse and ((_COUNTED_RE.search(sentence) and _TALLY_VERB_RE.search(sentence))
                   or _COUNT_HAPPENED_RE.search(sentence)):
        return Verdict("aggregate", "count", tuple(kept))
    if (coarse and _ALONE_RE.search(sentence) and (count := _MUNITION_COUNT_RE.search(sentence)) is not None
            and not _PARTY_SAID_RE.search(sentence, 0, count.start())):
        # "BBC News reported in 2017 that ... in 2016 alone, the U.S. dropped 12,192 bombs in Syria":
        # a year's count of bombs or strikes
        return Verdict("aside", "summary")
    if _TERRITORY_TOTAL_RE.search(sentence):
        # "According to the Pentagon, by March 2019, ... the coalition had liberated nearly 110,000
        # square kilometers": territory taken up to a date, a running total, not a happening of it
        return Verdict("aggregate", "count", tuple(kept))
    if coarse and (_ALONE_RE.search(sentence) or _TOLL_TALLY_RE.search(sentence)) and extract_figures(sentence):
        # "1,472 civilians were killed ... in March 2017 alone", "In July 2017, Airwars recorded
        # reports of an alleged 1,342 people killed": a toll tallied over a month or a year
        return Verdict("aside", "summary")
    if all(d.last is not None and _span_days(d) > 62 for d in kept) and (
            _STRIKE_COUNT_RE.search(sentence) or _PLURAL_OCCURRED_RE.search(sentence)):
        # "From August 8, 2014, to August 29, 2019, coalition aircraft conducted a total of 34,573
        # strikes", "The air strikes occurred in the period between 22 September 2014 and 23 January
        # 2017": a count of strikes, or the period a count covers, not a happening
        return Verdict("aside", "summary")
    if coarse and _TALLY_RE.search(_before_speech(sentence)):
        # "In April 2017 25 hospitals ... were attacked", "Aleppo was hit with 4,045 barrel bombs in
        # 2016": a tally of many happenings over a month or longer
        return Verdict("aside", "summary")
    if coarse and (_STATISTIC_RE.search(sentence) or _DATASET_RE.search(sentence)):
        # "with peaks in mid-September", "a dataset of 1748 videos ... between July 2016 and Dec
        # 2016": what a statistic or a dataset covers, not a happening
        return Verdict("aside", "statistic")
    if (all(_span_days(d) >= 365 for d in kept) and _COPULA_RE.search(_without_dates(sentence, dates))
            and _PAST_RE.search(_STATE_VERB_RE.sub(" ", _without_dates(sentence, dates))) is None):
        # "In 2014, Hezbollah's involvement was steady and staunch ...": a year's state, no happening
        return Verdict("aside", "state")
    return Verdict("event", None, tuple(kept))


# a copula of a state: "was steady", "were active", "remained strong", "there were" (not a passive:
# see _PAST_RE; not a noun phrase: "was a military operation in 2017" defines a happening; not a
# progressive: "were pushing")
_COPULA_RE = re.compile(
    r"\bthere\s+(?:was|were)\b|\b(?:was|were|remained|stayed)\s+(?:(?:very|largely|mostly|still|also|relatively"
    r"|fairly|particularly|increasingly|quite|\w+ly)\s+)*(?!(?:a|an|the|one|in|at|on|part|among|not|no)\b)[a-z]+\b(?<!ing)"
    r"(?:(?<=ous)|(?<!s))")  # a plural noun is no state: "were clashes between rebel groups in 2017"
_STATE_VERB_RE = re.compile(r"\b(?:remained|stayed)\b")  # past in form, a state in meaning


def is_enumeration(sentence: str) -> bool:
    """"The first occurred in ...", "The second incident ...", "Another ...": one member of a
    set an earlier sentence introduced."""
    return _ENUM_RE.match(sentence.lstrip(" *-–")) is not None


@lru_cache(maxsize=1 << 14)       # a sentence told in several documents, or asked twice
def reports_happening(sentence: str) -> bool:
    """Whether an undated sentence reports a happening of its own (and so may take the date of the
    statement before it): a finite past verb, no sourcing or method, no background."""
    s = sentence.strip()
    if len(s.split()) < 3 or s.endswith("?"):
        return False
    if is_enumeration(s):  # "The first occurred against X, for which the Archive verified three videos"
        s = _TRAILING_RELATIVE_RE.split(s, maxsplit=1)[0]
    # "The SDF announced that the emir was among the dead, releasing footage of his corpse": the
    # evidence a party released with its statement is no sourcing of the sentence
    s = _RELEASING_EVIDENCE_RE.sub("", s)
    if _SOURCING_RE.search(s) or _UNABLE_RE.search(s) or _POPULATION_RE.search(s):
        return False
    strength = _STRENGTH_RE.search(s)
    if strength is not None and not _SAID_RE.search(s, 0, strength.start()):
        return False  # "The militia numbered 900 fighters" ("claimed to have 22,000 fighters" is a statement)
    # a characterization or a place's site ("Saraqib was considered an important strategic point",
    # "the headquarters are located in Azaz") and an intention ("The army planned to encircle the
    # city") report no happening
    s = _CHARACTERIZATION_RE.sub(" ", s)
    first = _first_finite_past(s)
    comment = _PRESENT_COMMENT_RE.search(s)
    if comment is not None and (first is None or comment.start() < first.start()) \
            and not _RELATIVE_WORD_RE.search(s, 0, comment.start()):
        return False  # "It is unclear if ...", "The militia is supposed to be expanded ...": a comment
    if first is not None and (_PLAN_RE.match(s, first.start()) or _BIOGRAPHY_RE.match(s, first.start())):
        return False  # "The army planned to encircle the city", "Thousands of officers studied in Russia"
    if _PRESENT_PERFECT_RE.search(s):  # "has caused the death of more than 70": a running total
        return False
    told = _REPORT_OF_STATE_RE.search(s)
    if told is not None and (first is None or first.start() >= told.start()):
        # (the reported clause's own verb in the present, within its first words)
        present, past = _PRESENT_CONTENT_RE.match(s, told.end()), _PAST_RE.search(s, told.end())
        if present is not None and (past is None or present.start() < past.start()):
            # "The Journal also reported that some experts estimate 20,000 fighters are on the ground"
            return False
    if _EARLIER_PERFECT_RE.match(s):
        # "It had previously been opened by Turkey as the patrols began": what had happened before
        # the story's day (a flashback), not a happening of it
        return False
    founded = _FOUNDED_PASSIVE_RE.search(s)
    if founded and not _POSITION_NOUN_RE.search(s, max(0, founded.start() - 40), founded.start()):
        # "a charity that was set up soon after the start of the conflict": a founding ("a new
        # checkpoint was established": a deployment, a happening)
        return False
    if is_enumeration(s):
        return True
    # a day to come ("Tomorrow the clinic will be moved to X") is no happening: its participle is
    # not a past verb; nor is what would, could or may have happened ("At least we would have used
    # it better"), nor a habit ("The program used to offer a reward")
    # a fronted subordinate clause tells another time ("Before the SDF captured it, Mansoura was
    # the largest town still under ISIL control"): the main clause must report the happening
    fronted = _FRONTED_SUBORDINATE_RE.match(s)
    if fronted is not None:
        s = s[fronted.end():]
    return _PAST_RE.search(_USED_TO_RE.sub(" ", _FUTURE_RE.sub(" ", _MODAL_PERFECT_RE.sub(" ", s)))) is not None


_FRONTED_SUBORDINATE_RE = re.compile(
    r"\W*(?:(?:However|But|And),?\s+)?(?:Before|Until|Till|Prior\s+to|After|Once|When|Whenever|While|Whilst|Since|Although|Though)"
    r"\b[^,;:()]{3,120},\s*(?=\S)")


# the writer's comment in the present tense, an assessment or an expectation rather than a
# happening: "It is unclear if his arrest was related to the protests", "It is speculated that
# ...", "As a police force, the militia is supposed to be expanded to 3,000 members" (an article
# narrates in the past; its main clause in the present comments), and the same of a dummy "it" in
# the past ("It was not known whether jets or drones had staged the raid", "It was speculated
# that ...", "Their number was unclear"); not inside a relative clause ("the town, which is believed to hold 500 fighters,
# was captured" is the capture)
_PRESENT_COMMENT_RE = re.compile(
    r"(?:\b(?:is|are)|^(?:[A-Z]\w+,\s*)?(?:It|This)\s+was)\s+(?:not\s+|also\s+|still\s+|always\s+|widely\s+|generally\s+)*"
    r"(?:unclear|clear|unknown|known|speculated|supposed|expected|believed|thought|said|uncertain|estimated)\b"
    # what was not known, whatever the subject: "Their number was unclear, but estimates ranged ..."
    r"|\b(?:was|were)\s+(?:still\s+|also\s+)?(?:unclear|unknown|uncertain|not\s+(?:clear|known))\b")
_RELATIVE_WORD_RE = re.compile(r"\b(?:which|who|whom|whose|where|that)\b", re.I)
# a habit, not a passive ("was being used to divert the river" is a use, a happening)
_USED_TO_RE = re.compile(r"(?<!\bbe\s)(?<!\bbeing\s)(?<!\bbeen\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bis\s)(?<!\bare\s)\bused\s+to\b")


# Speed only: the patterns ``reports_happening``, ``classify`` and ``_aside_reason`` try on every
# sentence, behind ``prefilter.starting``'s look-ahead for the characters a match can start with
# (most begin with look-behinds or a word boundary, tried at every character otherwise) and
# ``prefilter.guarded``'s test of the words each cannot match without: the same matches and
# substitutions, a sentence holding none of a pattern's words skips it. Kept here, by name, so
# that the patterns above stay written as they read; each wrapper leaves a pattern it cannot
# help as it is.
for _name in (
    "_RELEASING_EVIDENCE_RE", "_CHARACTERIZATION_RE", "_STATE_OF_CONTROL_RE", "_STATE_VERB_RE",
    "_MODAL_PERFECT_RE", "_USED_TO_RE", "_PRESENT_COMMENT_RE", "_EARLIER_PERFECT_RE", "_PLAN_RE",
    "_BIOGRAPHY_RE", "_WINNER_RE", "_SAID_RE", "_FRONTED_SUBORDINATE_RE", "_TRAILING_RELATIVE_RE",
    "_FILE_MARKUP_RE", "_ANNIVERSARY_RE", "_IMAGERY_RE", "_FOOTAGE_CAPTURED_RE", "_UPDATED_RE",
    "_PUBLICATION_FIELD_RE", "_FINDING_SUBJECT_RE", "_REPORTED_ON_STATE_RE", "_NEWSPAPER_COMMENT_RE",
    "_FINDING_PASSIVE_RE", "_RANKING_RE", "_TOLL_BY_RE", "_REPORTED_PLAN_RE", "_FOUNDING_RE",
    "_FOUNDED_PASSIVE_RE", "_ORGANISATION_HISTORY_RE", "_PRESENT_PERFECT_RE", "_TALLY_RE",
    "_REPORT_VERB_RE", "_DATASET_RE",
):
    _rx = globals()[_name]
    globals()[_name] = guarded(starting(_rx.rx if isinstance(_rx, Guarded) else _rx))
del _name, _rx
