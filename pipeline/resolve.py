"""Resolve stage: mentions -> events (entity resolution), and the ``events`` table.

Plain functions, no Dagster. The method, in the terms of record linkage (Fellegi-Sunter, as in
splink and dedupe):

1. **Exact keys.** Mentions with the same date, precision and spelling-insensitive text
   fingerprint are one event (an item repeated across pages once its topic breadcrumbs are split
   off; a paragraph repeated word for word), unless both take their dates from sentences before
   them that break a cannot-link below ("At a later date, the FSA lost control of the town." after
   the capture of two towns: the source's rule is logged in ``cannot_link``).
2. **Blocking.** Candidate pairs only come from mentions whose periods can overlap (a day, a month
   or a year; a day-precision report may be dated one day after the event) *and* that share a
   blocking key: a place (after gazetteer matching, so Talbiseh = Talbisa), or a content word
   that is rare within the month (``RARE_WORD``). A key's block is split by period, so a dense
   place in a dense month is paired in full without pairing mentions that cannot overlap
   (``pipeline.candidates.find_pairs`` gives the argument why no pair left out could merge);
   nothing is capped by default (``MAX_BLOCK``: an optional safety valve, counted in
   ``DataFrame.attrs["resolution"]`` and reported with the run, never silent). Candidate pairs
   come from a DuckDB self-join on the blocking keys and are scored
   in SQL (``pipeline.candidates``); only the pairs above ``THRESHOLD`` reach Python, where
   ``pair_score`` scores them again exactly and the merge below takes them. The rules' text
   features are computed once per distinct text and cached (``mention_features``).
3. **Scoring.** A pair's score in [0, 1] combines what mentions share: content-word overlap
   (overlap coefficient of light-stemmed words), places, actors, casualty and other numbers,
   weapon and event-type terms; it is penalised when both state different places of the same
   precision, or different days. ``THRESHOLD`` was calibrated on the labelled pairs in
   tests/test_resolve.py (all must-merge pairs above, all must-not pairs below).
4. **Clustering with cannot-link constraints.** Pairs are merged best-first with union-find; two
   clusters are never merged when that would put two *different* sentences of one document in
   one event (a document does not tell the same event twice in different words within a few
   lines: the three "On 8 October 2015" statements of an article stay three events), nor when
   their dates cannot overlap, nor when the evidence of a careful analyst forbids it
   (``conflict``, checked on the pair and on the two clusters as wholes):

   * ``different_place``: both name places finer than a governorate and share none, and their
     locations are more than ``NEAR_KM`` apart (a neighbourhood and its city are near;
     ``VICINITY_KM`` when a statement places itself around a place: "areas around Homs"): two
     towns, or two named facilities in two towns, are two events whatever the wording overlap;
   * ``different_day``: both are dated to the day, on different days, unless one is a
     current-events item dated the day after the other (items are dated when reported) or the
     later one, of another document, tells the happening in the small hours (``_across_midnight``), or
     the earlier one, of another document, takes its date from the sentence before it and tells what
     happened "then" or "later" (``_after_its_source``: its date is the day it followed, the next day is
     not a different day);
     a day inside a stated range of days ("On 12–13 January": ``date_end``, ``stated_period``) is
     not a different day;
   * ``different_period``: one states a part of a month or year ("In early June", "by the end of
     June": ``date_qualifier``, ``qualified_period``) and the other's date or part lies outside it
     ("In mid-June", "on 25 June"; ``QUALIFIER_SLACK`` days of give against a day or a plain month);
   * ``different_action``: both state a kind of action (``action_kinds``: capture, fighting,
     chemical attack, an attack after a chemical attack it names, aircraft lost, agreement, talks,
     deployment, withdrawal, decision, arrest, documentation) and share none: the start of an offensive is not its outcome, an agreement
     is not the attack before it, a chemical attack is not the strike on a hospital after it.
     Means ("backed by Russian airstrikes", "with the help of", "under air cover"), prior events
     ("after ...", "following ...") and purposes ("to deploy ...") are not the statement's action;
   * ``different_facility``: both name a struck facility (hospital, school, market, mosque, ...)
     and share none, or both name the facility or its town ("the Rahman hospital in Altah") and
     no name is a spelling of another (``_alike``: "Rahme" / "Rameh" are one name);
   * ``different_name``: the same words with a name replaced by another ("artillery pounded Joret
     al-Shayyah" / "... pounded Old Homs"; "France provided aid" / "the UK provided aid"): a
     template told of two places or actors, whether or not the gazetteer knows the names;
   * ``different_scope``: one tells many happenings ("repeatedly vetoed", "a series of", "10
     unique incidents") and the other one happening;
   * ``different_ordinal``: both number an incident ("the seventh hospital attack", "the eighth
     hospital attack") and the numbers differ;
   * ``different_place`` also when both name districts or neighbourhoods of a city, or places the
     gazetteer does not know that their extraction took as their location (``geo_basis``
     unlisted), none is a spelling of another and neither text names the other's ("in Al-Bab road
     district" / "in Al Mashhad and Sukkari neighbourhood"; "occurred in Jandoul, Aleppo" / "in the
     Al Saleheen district of Aleppo city": ``fine_places``), on the pair and on the two clusters;
     and when one places its happening around a city ("cruise missiles at sites near Aleppo", "outside
     Homs") and the other in a district of it ("an attack in Salah al-Din district" of Aleppo), unless that
     district is told as beside the city ("in al-Rashideen, west of Aleppo": ``placed_around``), on the
     pair and on the two clusters;
   * ``different_count``: both count the same kind of place taken and no count is shared ("took
     control of two more villages" / "captured 8 villages": two advances, ``unit_counts``);
   * ``different_capturer``: both tell a capture and name who took the places, and those are of two camps of
     the war (``capturers_opposed``, ``CAMPS``: "the SDF captured three villages" / "the Syrian Army and
     Hezbollah captured three villages" on one day);
   * ``reversed_roles``: one statement's attacker is the other's target and the other way round
     ("al-Nusra attacked Division 13" / "Division 13 raided al-Nusra's headquarter": ``roles``);
   * ``reaction_to``: one tells its action after, or in answer to, an event of the kind the other
     tells, and tells no action of that kind itself ("After yesterday's downing of a Syrian Su-22
     jet, Russia shuts down a deconfliction channel" / "a US F/A-18 shot down a Syrian Su-22":
     ``prior_kinds``), or opens with the other's attacker's attack and tells its own attacker's next move
     ("A day later, after the ISIL counterattack was repelled, the army resumed its offensive, capturing a
     hill" / "ISIL counterattacked at the airbase": ``_after_the_others_attack``); a chain never joins an
     attack and the other side's answer to it either
     (``reversed_roles`` on the two clusters' roles);
   * ``report_about``: one is the finding of an inquiry or a fact-finding mission about a happening
     ("OPCW Fact-Finding Mission Confirms Use of Chemical Weapons in Khan Shaykhun on 4 April
     2017"), or of a report or study ("the report finds that attacks on 25 March 2017 appear to
     have targeted a medical facility", "the report strongly suggests that ..."), and the other is
     not: a report about an earlier event is related to it, not the same event, though it names
     its place, day and weapon.

   Some pairs must score more than ``THRESHOLD`` (``_margins``): a year-precision statement
   (``_year_margin``), a month and a day of two documents (``_month_day_margin``: a month shares its words with
   many days), two statements located over ``FAR_APART_KM`` apart by any basis, no place shared
   (``_far_apart_margin``), and two that share only their dates' numbers and one word (``_only_the_date_margin``). A town named only in an armed group's name ("the Jarabulus Military Council") is no
   place of a statement that names another (``group_name_places``), and a condemnation that takes its date from
   the sentence before it is the reaction to it, not more of it (``condemns_it``).

   A statement that names no place finer than a governorate but refers back to one ("It was
   captured by rebel forces on 9 September 2015", "recapturing key points of the town", "air strikes on
   the border district", "The alleged airstrike took place on March 16, 2017":
   ``anaphoric``) is placed, for the rules only, at the gazetteer place its extraction found in its
   context (paragraph, section or subject: ``context_places``, basis ``anaphora``); between two
   statements of that one document the context place adds nothing to their score
   (``_context_place_bonus``). A party telling its own act ("Central Command says that it killed
   ...", "the SDF claimed a cross-border attack": ``_claims_an_attack``) reports the act and is not a
   statement (``is_statement``; a speaker with a day before the verb, "The ministry on 20 January
   condemned ...", is one), and so does a witness or a
   report quoted telling a dated happening ("He stated: "At 7:35 on 29 January 2018, a warplane
   ... bombed ..."": ``_QUOTED_NARRATION``); a quoted pledge or opinion stays a statement.

   A statement with no date words that takes its date from the sentence before it in its
   paragraph (``inherits_from``) and tells more of it ("The fighting displaced 40,000 people.") is
   that sentence's event (``inherited_date``), unless it tells a new happening (``goes_on_about``:
   "Meanwhile, ...", "A similar incident ...", "... again", a new actor, a statement about it
   (speech, opinion, a vow or a demand), what the side that was hit did next
   ("rockets hit the Israeli-controlled Golan Heights" / "Israel targeted three government-held
   positions": ``_answers``, unless it fends the attack off), or any cannot-link above). A town
   the gazetteer spells otherwise ("Ayn Issa") is a place, not a person or thing both sentences
   name (``_proper_names``). A sentence that opens by naming the happening before it ("During the
   attack, ...", "The attack was repelled ...": ``refers_to_the_event``) tells where that happening
   went, so the places it adds are no new happening. The side that lost a place retreating from it
   is the capture told from the other side ("rebels captured the Qarmeed Brick Factory base" /
   "Syrian troops were forced to retreat": ``_loser_retreats``; civilians evacuating are not).
   A source telling the toll is none of its new actors ("In contrast, the SOHR reported the deaths
   of 32 soldiers": the subject of "reported" or "confirmed", ``reporters``), nor are victims
   (fighters "were reportedly captured", ``_CAPTIVES``), and "another FSA fighter" is one more
   victim, not another happening; "two months after" is one. An attack is also one told as coming
   under fire, opening fire, shooting or an assassination, and one told after an incident page's
   header card (``_HEADER_BLOCK``) is that incident; "after which" tells what came next, the
   statement's own action, not a prior event. Naming the
   weapon of an attack told without one is not a different action, so "Khan Sheikhon was targeted
   by an airforce. ... Sarin might be used in this attack." is one chemical attack; a cluster with
   a chemical statement is a chemical attack and nothing else (``_chemical_only``), so it is not
   the strike on the town's hospital hours later.

   Across documents too, an attack on a named place that names no weapon and no struck facility,
   whose own document names the weapon of it (its event already holds a chemical statement), is
   the chemical attack of that place and day (``_told_without_weapon``: "Khan Al Shekhoun was
   targeted with 4 rockets" / "the Khan Shaykhun chemical attack"); a plain airstrike report alone
   is not.

   Two different sentences of one section may be one event when both name one facility struck on
   the same day (``_same_named_facility``: "the Rameh hospital in Khan Shaykhoun" / "the Rahmeh
   hospital in Khan Shaykhoun"), or when both tell an attack (not a capture) of the same day on
   the same kind of facility (or on the same named place, one of them a chemical attack) and one
   names no party the other does not (``_retold``:
   "The fifth hospital attack identified occurred on 22 April 2017" / "the Russian warplanes
   targeted the hospital"): an investigation page retells its incident in witnesses' words. Of
   two clusters, every two statements of a section they share must pass (``may_share_sections``;
   a statement that takes its date from the sentence before it counts as that sentence). A
   facility "named" after a town of the gazetteer ("one of Hamah hospitals") is located, not named.
   Two statements of two body sections of one encyclopedia article are two happenings
   (``different_section``, ``_Cluster.body_sections_apart``): an article narrates a happening once,
   in the section of its phase or topic; the lead and the summing-up sections (Background,
   Aftermath, Reactions, ...) retell it. ``resolve(..., articles=)`` names the articles (the build
   passes the doc_ids of format wikipedia).
   Two statements of one section that ``_retold`` holds for are merged even when their words
   score under the threshold (``retold_in_section``, ``match_rule`` retold), after the scored
   pairs and under the same cannot-links: the opening and a witness share few words.

   Within one document, a statement repeated with a word changed (a typo fixed, an article
   dropped: ``NEAR_DUPLICATE`` word overlap, same date) is one event (``near_duplicate``) even
   across sections; the document-level cannot-link concerns different statements.
5. **Explanations.** Each mention keeps why it belongs (``match_rule``, ``match_score`` and
   ``match_evidence``: the partner mention and the evidence of the pair that joined it, from the
   merge itself, so explaining is linear in the pairs merged) and ``cannot_link``: the rules that
   kept it apart from candidates that scored above the threshold.

Ids: each mention has a content hash (date, precision, text fingerprint); an event's id is the
smallest content hash among its mentions that state their own date (that mention is its
*anchor*; an inherited-date statement only when the event has no other). It depends on neither
document ids, file names nor order: adding or removing unrelated documents leaves it unchanged,
and a new mention joining an event changes its id only when the newcomer's hash is smaller
(on average 1 time in n_mentions + 1), not whenever a more precise report arrives. To keep ids
stable across releases even then, ``resolve(mentions, previous=...)`` carries ids forward from the
previous release's mention-to-event map (``release.previous_event_ids``): an event keeps the previous id
held by most of its mentions (ties: the smallest id), each previous id goes to at most one event,
and only events with no carried id take their anchor's hash. The same seeds and the same
previous release give the same ids.
"""

from __future__ import annotations

import calendar
import datetime as dt
import gc
import hashlib
import math
import re
import time
from array import array
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .classify import event_type_of, in_scope, names_syria
from .locate import is_abroad
from .memory import release as release_memory
from .places import is_region
from .prefilter import folded, guarded, lowercase_twin, starting
from .text import fingerprint, stable_id

PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
RARE_WORD = 60          # a content word is a blocking key in a month where at most this many mentions use it
MAX_BLOCK = None        # safety valve: the largest sub-block paired (None: all; over it, counted in the run's statistics)
NEAR_KM = 5.0           # two named places closer than this may be one place (a district and its city)
VICINITY_KM = 40.0      # ... or this, when a statement places itself around a place ("areas around Homs")
NEAR_DUPLICATE = 0.8    # word overlap (Jaccard) above which two statements of one document are one
THRESHOLD = 0.25        # calibrated on the labelled pairs (tests/test_resolve.py, tests/quality/pairs.yaml tune split)
YEAR_WITHIN_THRESHOLD = 0.4   # a year-precision statement and a month- or day-precision one of its document (see _year_apart)
MONTH_DAY_THRESHOLD = 0.42   # a month-precision statement and a day-precision one of another document (see _month_day_margin)
FAR_APART_KM = 200.0         # two statements located this far apart (any basis), no place shared (see _far_apart_margin)
FAR_APART_THRESHOLD = 0.4    # ... are merged only at this score
DATE_ONLY_THRESHOLD = 0.5    # two statements sharing only their dates' numbers and one word (see _only_the_date_margin)
MONTH_DAY_WORDS = 5          # ... unless they share this many content words (or a number of two digits or more)
DAY_TOLERANCE = 1       # a report may be dated up to this many days after the event

_STOP = set("""
a about above after again against all also although am among an and any are as at be because been
before being below between both but by can could did do does doing down during each either few for
from further had has have having he her here hers him his how however i if in into is it its itself
just last later least less made make many may me might more most much must my near neither no nor
not now of off on once one only or other our out over own same several she should since so some
such than that the their them then there these they this those though through thus to too two
under until up upon very was we were what when where whether which while who whom whose why will
with within without would yet you your said says say stated states according reported reports
also new first second third day days week weeks month months year years time early late mid end
russia russian russians syria syrian syrians forces force military government
january february march april may june july august september october november december
""".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z\-']+|\d[\d,]*")
_WEAPONS = {"airstrike", "airstrikes", "strike", "strikes", "bomb", "bombs", "bombing", "missile",
            "missiles", "cruise", "submarine", "warship", "warships", "helicopter", "jet", "jets",
            "shootdown", "shot", "crash", "ceasefire", "truce", "memorandum", "agreement", "veto",
            "vetoes", "resolution", "treaty", "deployment", "deploy", "convoy", "hospital",
            "s-400", "su-24", "su-25", "su-34", "tu-154", "kalibr", "kilo-class", "phosphorus",
            "cluster", "thermobaric", "de-escalation"}


def _stem(word: str) -> str:
    w = word.lower().strip("'-")
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}


@lru_cache(maxsize=1 << 18)
def _content_token(w: str) -> str | None:
    """The content word a token stands for, None for a stop word (memoised: a corpus repeats its
    words, and this runs once per token of every mention)."""
    lw = w.lower()
    if lw in _NUMBER_WORDS and lw not in ("zero", "one"):
        return _NUMBER_WORDS[lw]
    if lw[0].isdigit():
        return lw.replace(",", "")
    if lw not in _STOP and len(lw) > 2:
        return _stem(lw)
    return None


def content_words(text: str) -> frozenset[str]:
    """Light-stemmed content words; numbers kept without separators, small number words as digits
    ("eight people" and "8 refugees" share a count)."""
    return _content_words_of(_WORD.findall(text))


def _content_words_of(tokens: list[str]) -> frozenset[str]:
    out = {_content_token(w) for w in tokens}
    out.discard(None)
    return frozenset(out)   # type: ignore[arg-type]


def period(date: pd.Timestamp, precision: str) -> tuple[dt.date, dt.date]:
    """First and last day of the period a (date, precision) states."""
    d = pd.Timestamp(date).date()
    if precision == "day":
        return d, d
    if precision == "month":
        return d, d.replace(day=calendar.monthrange(d.year, d.month)[1])
    return d, d.replace(month=12, day=31)


def stated_period(r: dict) -> tuple[dt.date, dt.date]:
    """A mention's ``period``, or the range of days it states ("Between 26 and 27 April": its
    ``date_end``), as the candidate pairs' SQL reads it (``_sql_tables``)."""
    first, last = period(r["date"], r["date_precision"])
    end = r.get("date_end")
    if r["date_precision"] == "day" and end is not None and not pd.isna(end) and pd.Timestamp(end).date() > first:
        last = pd.Timestamp(end).date()
    return first, last


# The part of a month (or a year) a qualifier states: "early June" is its first ten days, "mid-June"
# the next ten, "late June" / "the end of June" the rest; "early 2016" January-April, and so on.
_THIRDS = {"early": 0, "mid": 1, "late": 2, "end": 2}
QUALIFIER_SLACK = 2     # days a qualified part of a month may reach into the next part ("early June" on the 12th)


# "By late July, the military had managed to sever the last supply line": a state reached by then,
# the happening at or before that part of the month, not within it
_BY_PART = re.compile(r"\bby\s+(?:the\s+)?(?:early|mid|late|end|beginning|start|middle)\b", re.IGNORECASE)


def qualified_period(r: dict) -> tuple[dt.date, dt.date] | None:
    """The part of its month or year a month- or year-precision statement qualifies ("In early June",
    "In mid-2016": ``date_qualifier``), None without a qualifier. A state reached "by" that part
    ("By late July, ... had managed to sever ...", "By the end of June") may have come about any
    time of the month before it: the period then runs from the month's start."""
    qualifier = r.get("date_qualifier")
    third = _THIRDS.get(qualifier) if isinstance(qualifier, str) else None
    if third is None or r["date_precision"] not in ("month", "year"):
        return None
    first, last = period(r["date"], r["date_precision"])
    by = bool(_BY_PART.search(r["text"]))      # "By late July, ... had managed to sever": at or before
    if r["date_precision"] == "month":
        bounds = [(1, 10), (11, 20), (21, last.day)][third]
        return first.replace(day=1 if by else bounds[0]), first.replace(day=bounds[1])
    months = [(1, 4), (5, 8), (9, 12)][third]
    return (first.replace(month=months[0], day=1),
            first.replace(month=months[1], day=calendar.monthrange(first.year, months[1])[1]))


def _qualified_apart(a: dict, b: dict) -> bool:
    """A statement of a qualified part of a month or year ("In early June, ...") and one whose date
    or part lies outside it ("In mid-June", "on 25 June") tell two happenings: compatible dates
    across precisions are a day inside the part, not any day of the month (``QUALIFIER_SLACK``
    days of give at each end)."""
    qa, qb = a.get("_qualified"), b.get("_qualified")
    if qa is None and qb is None:
        return False
    pa_ = qa or a["_period"]
    pb_ = qb or b["_period"]
    return not periods_overlap(pa_, pb_, 0 if qa and qb else QUALIFIER_SLACK)


def periods_overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date], tolerance: int = DAY_TOLERANCE) -> bool:
    slack = dt.timedelta(days=tolerance)
    return a[0] <= b[1] + slack and b[0] <= a[1] + slack


# A statement: the sentence's main clause is someone speaking (opening date phrase allowed), as in
# "On 24 November, Obama said that Turkey has a right ...". A statement about an event is not the
# event; "X reported that ..." and "according to X" are evidence of the event, not statements.
# (a day told between the speaker and the verb, "The Syrian Foreign Ministry on 20 January condemned ...", is
# one more word before the verb: its number too)
_SPEECH = re.compile(
    # (an opening that tells what the speech answers, with no comma after it: "In response to the attack both Syria
    # and Russia rejected ...")
    r"^(?:(?:[Ii]n\s+(?:response|reaction|reply)\s+to|[Ff]ollowing)\s+(?:the|this|that|these|its|their)\s+[\w-]+\s+)?"
    r"(?:[^,]{0,40},\s*){0,2}(?:[A-Z][\w.'\-]*\s+|the\s+|of\s+|[a-z][\w'\-]*\s+|\d{1,2}(?:st|nd|rd|th)?\s+){0,8}?"
    r"(?:said|says|stated|states|(?:declared|declares)(?!\s+(?:war|a\s+(?:unilateral\s+)?(?:ceasefire|cease-fire|truce|state\s+of)|independence|martial\s+law)\b)|told|tells|argued|argues|warned|warns|"
    r"condemned|condemns|called|calls|urged|urges|criticised|criticized|criticises|criticizes|"
    r"praised|praises|welcomed|welcomes|dismissed|dismisses|denied|denies|rejected|rejects|hopes|hoped|"
    r"expressed|expresses|announced|announces|claimed|claims|opined|opines|stressed|stresses|insisted|insists|"
    r"asserted|asserts|remarked|remarks|commented|comments|emphasi[sz]ed|emphasi[sz]es|vowed|vows|pledged|pledges|"
    r"threatened|threatens|demanded|demands|apologi[sz]ed|apologi[sz]es|"
    r"(?:offered|offers|sent|sends|conveyed|conveys)\s+(?:his\s+|her\s+|its\s+|their\s+)?(?:condolences|sympathies|apologies)|"
    # a statement issued, a comment declined: "The Russian Foreign Ministry issued an official statement
    # condemning the bombing", "The spokesman for the IDF declined to comment on the airstrike"
    r"(?:issued|issues|released|releases)\s+(?:an?\s+|its\s+|their\s+)?(?:official\s+|joint\s+|formal\s+|public\s+)?statements?"
    # (a statement "saying that ..." reports what it says, as "said that ..." does: ``_REPORTING``)
    r"(?:[^\S\n]+(?:on\s+\d{1,2}\s+\w+\s+)?(?:saying|stating|announcing|confirming|claiming|reporting))?|"
    r"(?:declined|declines|refused|refuses)\s+to\s+comment|"
    # a reaction the subject drew: "The ISIL attack drew a second round of criticism of ...", "The
    # strike sparked international condemnation" tells the reaction to a happening told elsewhere
    r"(?:drew|draws|sparked|sparks|prompted|prompts|provoked|provokes|triggered|triggers|attracted|attracts)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:criticism|condemnation|outrage|backlash|protests?|reactions?)|"
    r"(?:accused|accuses|blamed|blames)(?!\s+(?:of|for)\b))\b"
    r"(?!\s+to\s+(?:be|have)\b)")


# A party telling its own act ("Central Command says that it killed more than 100 troops", "Turkey
# says it shot down a jet") reports the act, as "according to X" does: the act is the event, not
# the speaking. A pledge ("says it will deploy") or a judgement ("says it holds Russia
# responsible") stays a statement.
_OWN_ACT = re.compile(r"\s*(?:that\s+)?(?:it|they|we|its\s+\w+|their\s+\w+)\s+(?:had\s+|has\s+|have\s+)?(\w[\w-]*(?:\s+down)?)",
                      re.IGNORECASE)
_OWN_ACT_KINDS = {"fighting", "capture", "aircraft_lost", "chemical", "withdrawal", "deployment", "arrest"}


# A witness or a report quoted telling a dated happening ("He stated: "At 7:35 on 29 January 2018, a
# warplane ... bombed the hospital"", "The report stated: "On Saturday 22-04-2017, the Markazi hospital
# was targeted ..."") retells the happening, as "according to X" does: the quote opens with when it
# happened. A quoted opinion, warning or pledge opens otherwise and stays a statement.
_QUOTED_NARRATION = re.compile(
    r"\s*(?:that\s*)?[:,]?\s*[\"“]\s*(?:on|at|in|during|today|yesterday|this|last|early|late|around|about)\b"
    r"[^\"”.]{0,40}?\b(?:\d{1,4}|january|february|march|april|may|june|july|august|september|october|november|"
    r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night|dawn|"
    r"noon|midnight)\b", re.IGNORECASE)


_PLEDGE = re.compile(r"\b(?:will|would|shall|going\s+to|plans?\s+to|intends?\s+to|wants?\s+to)\b", re.IGNORECASE)


# A monitor, a party or an official telling in reported speech a happening that is over ("SOHR said
# 12 Islamic State fighters attacked the SDF", "the Turkish Armed Forces said that Brigadier General
# Sezgin Erdogan died while on duty", "The Ministry stated: "Turkish and Russian units ... completed
# the sixth joint land patrol"", "announced the death of a Turkish soldier") retells the happening,
# as "X reported that ..." and "according to X" do: what is said is a past happening (a verb in the
# past tense, or the death, capture, ... of someone or something), told as done. Only verbs that
# report (``_REPORTING``; "claimed that ... were killed" too: a monitor's or a party's count is told as
# a claim) do this: an accusation, a denial, a condemnation or a claim of responsibility stays a statement, and so does what is said with a negation ("has not targeted
# civilians"), a modal or a pledge ("would begin"), or in the present tense ("has a right").
_REPORTING = frozenset({"said", "says", "stated", "states", "told", "tells", "announced", "announces",
                        "confirmed", "confirms", "reported", "reports", "claimed", "claims",
                        # the participle of an issued statement: "issued a statement announcing that ..."
                        "saying", "stating", "announcing", "confirming", "claiming", "reporting"})
_NARRATED = re.compile(
    r"\s*(?:that\s+)?[:,]?\s*[\"“]?\s*(?:"
    r"(?:the\s+)?(?:death|deaths|killing|capture|arrest|downing|destruction|loss|fall|recapture)\s+of\b"
    # what a strike hit, told by another party: "Pro-government sources claimed that the target was a storage
    # warehouse" gives another account of the strike told before
    r"|(?:the\s+)?(?:(?:intended|actual|real)\s+)?(?:targets?|sites?\s+(?:struck|hit|targeted))\s+(?:was|were|had\s+been)\b"
    r"|(?:(?!(?:not|never|no|would|will|could|might|may|must|should|is|are|has|have)\b)[\w'’.\-]+\s+){1,12}?"
    r"(?:(?:was|were|had\s+been|had)\s+(?P<passive>\w+ed|struck|hit|shot\s+down|overrun|taken|destroyed)\b"
    # (a participle after a determiner is an adjective, "stated the targeted site was ...", and one
    # before "by" or a verb a reduced relative clause, "units accompanied by UAVs completed ...",
    # "the claims of the number of soldiers killed were grossly exaggerated")
    r"|(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bits\s)(?<!\btheir\s)(?<!\bthis\s)(?<!\bthat\s)"
    r"(?P<verb>\w+ed|struck|hit|shot\s+down|fought|overran|took\s+(?:control|over|place)|fell|died|carried\s+out|"
    r"blew\s+up|withdrew)\b(?!\s+(?:by|was|were|is|are|had|have|has)\b)))", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|never|no|n't)\b", re.IGNORECASE)
# past participles of a happening that ``_ACTION_RE`` does not tell as an action kind
_HAPPENED = frozenset({"died", "completed", "conducted", "occurred", "happened", "wounded", "injured", "exploded",
                       "detonated", "destroyed", "damaged", "killed",
                       # "carried (out)": "claimed that an Israeli drone carried out an attack" (not "launched"
                       # or "intercepted": read as happenings they chained a claimed start of an offensive to
                       # another town's attack, and an interception to the other side's rocket, in the seeds)
                       "carried"})


def _reported_happening(text: str, m: re.Match) -> bool:
    """The speech ``m`` (``_SPEECH``) reports a happening that is over (see ``_NARRATED``)."""
    verb = m.group(0).split()[-1].lower() if m.group(0).split() else ""
    if verb not in _REPORTING:
        return False
    told = re.split(r"[;]|(?<!\b[A-Z])\.\s", text[m.end():], maxsplit=1)[0]      # "U.S. soldiers" goes on
    said = _NARRATED.match(told)
    if not said or _PLEDGE.search(told[:said.end()]) or _NEGATION.search(told[:said.end()]):
        return False
    verb = said.group("verb") or said.group("passive")
    if verb is None or not verb.lower().endswith("ed") or verb.lower() in _HAPPENED:
        return True         # "the death of", "struck", "shot down", "died", "completed"
    # a verb in -ed tells a happening when it is an action of a kind a party does ("attacked",
    # "captured", "killed"), not a position taken ("accepted", "rejected", "agreed")
    action = _ACTION_RE.fullmatch(verb)
    return action is not None and action.lastgroup is not None and action.lastgroup in _OWN_ACT_KINDS


# A plan or an aim told as the subject of its sentence ("The intention was to proceed in two phases, first
# seizing areas around Raqqa", "Its goal was to capture the oil town of Al-Sukhnah"): what a party meant to do,
# as a pledge is, not a happening.
_AIM = re.compile(r"^(?:[^,]{0,40},\s*)?(?:the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?"
                  r"(?:intentions?|aims?|goals?|plans?|objectives?|purposes?)\s+(?:was|were|is|are)\s+to\b", re.IGNORECASE)


# A party claiming an attack ("The SDF on 17 February claimed a cross-border attack on Turkish forces", "ISIL
# claimed responsibility for the bombing") tells its own act, as "Central Command says that it killed ..." does
# (``_OWN_ACT``): the attack is the event, not the claim. A claim about something else ("claimed that the
# strike hit no civilians", "claimed victory", "claimed its attacks were to prevent ...") stays a statement.
_CLAIMED_ATTACK = re.compile(
    r"\s*(?:responsibility\s+for\s+)?(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:attacks?|bombings?|strikes?|air\s*-?strikes?|raids?|ambush(?:es)?|assaults?|shelling|explosions?)\b"
    # (what it says of the attacks is a statement: "the group claimed its attacks were to prevent ...")
    r"(?!\s+(?:were|was|is|are|had|have|would|will)\b)", re.IGNORECASE)


def _claims_an_attack(text: str, speech: re.Match) -> bool:
    """The speech ``speech`` (``_SPEECH``) is a party claiming an attack (``_CLAIMED_ATTACK``)."""
    return speech.group(0).rstrip().lower().endswith(("claimed", "claims")) \
        and bool(_CLAIMED_ATTACK.match(text, speech.end()))


def is_statement(text: str) -> bool:
    if _AIM.match(text):
        return True             # a plan, not what was done
    m = _SPEECH.match(text)
    if not m:
        return False
    if _reported_happening(text, m):
        return False            # a monitor or a party telling a happening that is over retells it
    quoted = _QUOTED_NARRATION.match(text, m.end())
    if quoted:
        actions = list(_ACTION_RE.finditer(text, quoted.end()))
        told = text[quoted.end():actions[0].start()] if actions else ""
        if _kinds_of(text, actions) & _OWN_ACT_KINDS and not _PLEDGE.search(told):
            return False        # a witness telling a dated happening retells it
    if _claims_an_attack(text, m):
        return False            # a party claiming an attack tells its own act
    act = _OWN_ACT.match(text, m.end())
    if act:
        verb = _ACTION_RE.fullmatch(act.group(1))
        if verb and verb.lastgroup in _OWN_ACT_KINDS and act.group(1).lower() != "attack":
            return False
    return True


# ---------------------------------------------------------------------------------------------
# Evidence a careful analyst uses: the kind of action, struck facilities, numbered incidents

# Means, prior events and purposes are not what a statement tells happened: "recaptured ... after
# an offensive supported by Russian airstrikes" is a capture; "requested permission ... to deploy
# the military" is not a deployment.
# (the helper named after "by" ends at its clause's end, or before the verb of the main clause when no
# comma sets it off: "SNA forces backed by Turkish artillery launched an attack on 18 December" is an
# attack; a verb in the past tense or a headline's present, not a hyphenated "US-led")
_MAIN_VERB_AFTER_HELPER = (r"(?:(?-i:[a-z]+ed)|took|began|struck|hit|seized|fought|overran|fell|"
                           r"(?:launch|captur|seiz|tak|enter|storm|retak|recaptur)(?:es|s|e)?)\b")
_NOT_THE_ACTION = re.compile(
    r"\b(?:supported|backed|aided|helped|covered|assisted|accompanied)\s+by\b(?:\s+[^,.;\s]+"
    rf"(?:\s+(?!{_MAIN_VERB_AFTER_HELPER})[^,.;\s]+)*)?"
    r"|\bwith\s+the\s+(?:help|support|backing|assistance|cover)\s+of\b[^,.;]*"
    r"|\bunder\s+(?:the\s+)?(?:\w+\s+){0,2}(?:air\s+)?cover\b[^,.;]*"
    # (a prior clause of gerunds goes on over its commas: "After surrounding the airbase for three years,
    # and killing at least 56 soldiers in an attack, the al-Nusra Front took control of the airbase")
    r"|\b(?:after|following)\s+\w+ing\b[^,.;]*(?:,\s*(?:and\s+)?\w+ing\b[^,.;]*)+"
    # ("after which" tells what came next, the statement's own action: "captured the village, after which they
    # attacked two villages")
    r"|\b(?:after|following|prior\s+to|before|amid|since|in\s+retaliation\s+for|in\s+response\s+to|"
    r"in\s+the\s+(?:immediate\s+)?aftermath\s+of)\b(?!\s+which\b)[^,.;]*"
    r"|\bin\s+order\s+to\b[^,.;]*"
    # a purpose stated as a noun: "a military operation launched in November 2016 ..., with the goal of isolating
    # and eventually capturing the Islamic State's capital city" (the capture is its aim, not what it did)
    r"|\bwith\s+the\s+(?:\w+\s+)?(?:goal|aim|objective|intention|purpose|hope)s?\s+of\b[^,.;]*"
    # the people a struck facility was treating, and the earlier attack they came from ("while it was treating
    # victims of the earlier chemical attack", "patients injured by the previous chemical attacks"): a page that
    # tells a strike on a hospital says whom it was treating; that attack is not the strike (up to its noun only)
    r"|\b(?:victims|patients|casualties|survivors|wounded|injured)\s+(?:[\w-]+\s+){0,2}?(?:of|from|by|in)\s+"
    r"(?:the|an?)\s+(?:earlier|previous|prior|preceding)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:attacks?|strikes?|air\s*-?strikes?|massacres?|bombings?|shelling|raids?)\b"
    # purposes: "to" and a verb ("sends tanks to continue its offensive"), not "to be", not "to the",
    # and not after a verb of report or likelihood, whose "to" clause is what happened ("forces were
    # reported to carry out an offensive", "appeared to have struck")
    # and not after a verb of ability, attempt or aspect, whose "to" clause is the action itself
    # ("was able to regain control", "managed to capture", "begins to withdraw its forces", "were forced to retreat")
    # (``(?=to\s)`` first: the lookbehinds are tried only where a "to" begins, not at every position)
    r"|(?=to\s)(?<!reported\s)(?<!said\s)(?<!claimed\s)(?<!believed\s)(?<!appeared\s)(?<!seemed\s)(?<!alleged\s)"
    r"(?<!able\s)(?<!managed\s)(?<!attempted\s)(?<!tried\s)(?<!began\s)(?<!begins\s)(?<!begin\s)(?<!started\s)"
    r"(?<!starts\s)(?<!continued\s)(?<!continues\s)(?<!forced\s)"
    # (and their gerunds: "advanced on the town under Turkish fire, thus managing to recapture it")
    r"(?<!managing\s)(?<!attempting\s)(?<!trying\s)(?<!beginning\s)(?<!starting\s)(?<!continuing\s)"
    r"\bto\s+(?!(?:be|have|been|the|a|an|its|their|his|her)\b)(?-i:[a-z]+)\b[^,.;]*"
    # background told about a place or a group: ", a city besieged by ... since 2014", ", which ..."
    # (a relative clause that introduces a quote, ", who stated in the video: "...", ends at it)
    r"|,\s*(?:a|an)\s+[^,.;]*|,\s*(?:which|who|whose|where)\b[^,.;:\x22\u201c]*|,\s*as\s+[^,.;]*", re.IGNORECASE)
# speed only, same matches: a look-ahead for its first characters (prefilter.starting)
_NOT_THE_ACTION = starting(_NOT_THE_ACTION)

# Kinds of action in priority order (an alternative earlier in the list wins at one position).
_ACTIONS: list[tuple[str, str]] = [
    ("chemical", r"chemical|sarin|chlorine|toxic\s+gas|nerve\s+agent|mustard\s+gas|gas\s+attacks?"),
    ("aircraft_lost", r"shot\s+down|shoots?\s+down|shooting\s+down|downing|downed|crash(?:es|ed|ing)?"),
    ("capture", r"re-?captur\w*|captur\w*|re-?took|re-?takes?|re-?taken|retaking|seiz\w*|overr[au]n\w*|"
                r"(?:took|take|takes|taken|taking|regain\w*|re-?established|in)\s+(?:full\s+|complete\s+|over\s+)*control|"
                r"liberat\w*|regain\w*|fell\s+to|fall\s+of"),
    ("withdrawal", r"withdr[ae]w\w*|withdrawal|pull(?:s|ed|ing)?\s+out|evacuat\w*|retreat\w*"),
    ("agreement", r"agree(?:s|d|ing)?|agreement|memorandum|deal|truce|cease-?fire|signed|signs|signing|accord"),
    ("talks", r"talks|negotiations?|summit|conference|briefing|met\s+with|meeting"),
    ("decision", r"authori[sz]\w*|approv\w*|grant(?:s|ed|ing)?|permission|vot(?:e|es|ed|ing)|ratif\w*|veto\w*|"
                 r"order(?:s|ed)?|decree\w*|resolution"),
    ("deployment", r"deploy\w*|arriv\w*|dispatch\w*|reinforc\w*|stationed|sends?|sent"),
    ("arrest", r"arrest\w*|detain(?:s|ed|ing)?"),     # "detainees" are people, not an arrest
    ("documentation", r"identified|documented|verified|geolocated|published\s+a|press\s+release"),
    # (coming under fire is being attacked, opening fire attacking: "a vehicle carrying 2 commanders came under fire
    # from HTS fighters", "gunmen opened fire on a car")
    # (and shooting, an assassination: "ISIL fighters ... starting to shoot at civilians", "was shot dead", "the
    # assassination of HTS commander Abu Ayman al-Masri"; "shot down" is aircraft_lost, an earlier alternative,
    # and "a video shot by activists" no shooting)
    ("fighting", r"c(?:ame|omes?|oming)\s+under\s+(?:heavy\s+|intense\s+|direct\s+|sniper\s+)?fire|"
                 r"shoot(?:s|ing)?|shot\s+(?:dead|and\s+killed|to\s+death)|(?:was|were|been|being)\s+shot(?!\s+down)|"
                 r"gunfire|gunned\s+down|assassinat\w*|"
                 r"open(?:s|ed|ing)?\s+fire|counter-?attack\w*|attack\w*|air\s*-?strikes?|strikes?|struck|bomb\w*|shell\w*|raid(?:s|ed|ing)?|"
                 r"missiles?|rockets?|explosions?|explod\w*|ambush\w*|kill\w*|massacre\w*|clash\w*|fighting|"
                 r"fought|offensive|assault\w*|advanc\w*|besieg\w*|siege|encircl\w*|execut\w*|targeted|hit|"
                 r"destroy\w*|fired|battle"),
]
# Forms of an action that a lead or a summary tells a happening by where its body tells it with a verb above
# (issue 13: a statement with no kind of action gains no "same action" evidence, ``pair_score``): the
# defenders surrendering is the place's capture ("the remaining defenders surrendered", "the surrender of the
# garrison"), and a party beginning or launching an intervention or a military operation attacks ("the
# Turkish military began an intervention in the Afrin region", "Turkey started a military operation").
# Not an operation not called military, ground, air or the like (a rescue, "a humanitarian operation"), nor an
# intervention told without its start ("since the Russian intervention"), nor an invasion or forces entering
# a city (a convoy that "invaded Syria ... and drove to the tomb", tanks that "entered the city to attack"):
# tried on the seeds, those split statements that tell one happening. Nor is cutting a supply route an attack
# here: as "fighting" it joined a lead's "severed the last supply line ... and surrounded Aleppo" to the month's
# strikes on the city's markets.
_ACTIONS_ADDED: dict[str, str] = {
    "capture": r"surrender(?:s|ed|ing)?",
    "fighting": r"(?:began|begins?|beginning|launch(?:es|ed|ing)?|start(?:s|ed|ing)?|open(?:s|ed|ing)?)\s+"
                r"(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?"
                r"(?:interventions?|(?:military|ground|air|aerial|combat|cross-border|counter-?terrorism)\s+operations?)",
}
_ACTIONS = [(k, rx + "|" + _ACTIONS_ADDED[k] if k in _ACTIONS_ADDED else rx) for k, rx in _ACTIONS]

# every alternative starts at a word boundary: ``\b`` is tested once per position, not once per
# alternative (the same matches, in a third of the time); and with a word character, so ``(?=\w)``
# skips the ends of words before the alternatives are tried (the same matches again, a third faster)
_ACTION_RE = re.compile(r"\b(?=\w)(?:" + "|".join(f"(?P<{k}>(?:{rx})\\b)" for k, rx in _ACTIONS) + ")", re.IGNORECASE)
# the same, case-sensitively over the lowercased text (``prefilter.lowercase_twin``: speed only)
_ACTION_LOWER = lowercase_twin(_ACTION_RE)

_FACILITIES = {
    "hospital": r"hospitals?|clinics?|medical\s+(?:point|centre|center|facility)",
    "school": r"schools?|universit(?:y|ies)|kindergartens?",
    "market": r"markets?|marketplaces?|souq",
    "mosque": r"mosques?|church(?:es)?",
    "bakery": r"baker(?:y|ies)",
    "civil_defence": r"civil\s+defen[cs]e\s+(?:centre|center)s?|white\s+helmets?\s+(?:centre|center)s?",
    "camp": r"camps?\s+for\s+displaced|displacement\s+camps?|refugee\s+camps?",
    "prison": r"prisons?",
    "convoy": r"convoys?",
    "airport": r"airports?|air\s*bases?|airbases?",
    "dam": r"dams?",
}
_FACILITY_RE = re.compile(r"\b(?=\w)(?:" + "|".join(f"(?P<{k}>(?:{rx})\\b)" for k, rx in _FACILITIES.items()) + ")",
                          re.IGNORECASE)
_FACILITY_LOWER = lowercase_twin(_FACILITY_RE)
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth"]
_ORDINAL_RE = guarded(re.compile(r"\b(?=\w)(" + "|".join(_ORDINALS) + r")\s+((?:[a-z]+\s+){0,2}?)(attack|incident|strike|airstrike)s?\b",
                         re.IGNORECASE))


# a facility's noun after its name is capitalised in titles and names ("Al-Markazi Hospital")
_FACILITY_NOUNS = r"(?:[Hh]ospital|[Cc]linic|[Mm]osque|[Ss]chool|[Mm]arket|[Bb]akery|[Pp]rison|[Cc]amp|[Cc]hurch|" \
                  r"[Aa]irport|[Aa]ir\s*[Bb]ase|[Dd]am)s?"
_NAME = r"[A-Z][\w'’\-]+(?:\s+(?:al-|Al-|el-)?[A-Z][\w'’\-]+){0,2}"
# one is in every text ``_FACILITY_NOUNS`` matches (lower-cased): a cheap test before the regexes
_FACILITY_NOUN_PARTS = ("hospital", "clinic", "mosque", "school", "market", "bakery", "prison", "camp", "church",
                        "airport", "base", "dam")
_FACILITY_NAME_RES = (re.compile(rf"\b({_NAME})\s+{_FACILITY_NOUNS}\b"),
                      re.compile(rf"\b{_FACILITY_NOUNS}\s+(?:in|of|at)\s+({_NAME})"))
_NOT_NAMES = {"the", "a", "an", "this", "that", "another", "field", "main", "first", "second", "third", "local",
              # a date after the noun is when, not which or where ("took control of the airbase in September")
              "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# A statement of many happenings ("repeatedly vetoed", "a series of strikes", "12 incidents", "four
# hospitals ... were attacked") is not one of them; "a series of 59 Tomahawk missiles" is one salvo, one strike.
_AGGREGATE = guarded(re.compile(   # ``(?=\w)``: as in ``_ACTION_RE``
    r"\b(?=\w)(?:repeatedly|a\s+series\s+of(?!\s+(?:[\w,-]+\s+){0,2}(?:missiles|rockets|bombs|shells|munitions|projectiles)\b)"
    r"|several\s+times|multiple\s+times|many\s+times|on\s+several\s+occasions|"
    r"numerous|regularly|each\s+time|every\s+time|(?:a\s+total\s+of\s+)?(?:\d+|\w+\s+\(\d+\)|two|three|four|"
    r"five|six|seven|eight|nine|ten|several|multiple|dozens\s+of|hundreds\s+of)\s+"
    r"(?:(?:unique\s+)?(?:incidents|attacks)|(?:other|more|separate|further|additional)\s+(?:air\s*-?strikes|air\s+strikes|strikes|raids|attacks)"
    # facilities counted ("four hospitals in Idlib governorate were attacked"): an attack on each
    r"|(?:[\w-]+\s+)?(?:hospitals|clinics|mosques|schools|bakeries|markets|medical\s+(?:facilities|centers|centres|points)))\b"
    # a tally of strikes over a span ("had conducted over 200 airstrikes on Iranian targets in
    # 2017-2018"): an approximate count of a hundred or more is many raids, not one
    r"|(?:over|more\s+than|some|nearly|almost|about|at\s+least)\s+\d{3,}(?:,\d{3})*\s+(?:air\s*-?strikes|air\s+strikes|strikes|raids|sorties)\b)",
    re.IGNORECASE))


# A party's part in a campaign ("Hezbollah participated in the East Aleppo offensive (January–April 2017) and in
# the Battle of al-Bab", "Wagner PMCs were notably involved in both Palmyra offensives", "began its participation
# in the Siege of Deir ez-Zor") tells a role over many happenings, not one of them: scored as ``_AGGREGATE``
# (``different_scope`` against a strike or a capture of one day), whatever place and month the two share.
_PARTICIPATION = guarded(re.compile(
    r"\b(?:participat(?:ed|es|ing|ion)|took\s+part|takes?\s+part|taking\s+part|(?:were|was|been|being|is|are)\s+"
    r"(?:\w+ly\s+)?involved)\s+in\s+(?:the\s+|both\s+|several\s+|many\s+|a\s+number\s+of\s+)?"
    r"(?:[\w'’-]+\s+){0,4}?(?:offensives?|campaigns?|battles?|sieges?|operations?)\b",
    re.IGNORECASE))


def is_aggregate(text: str) -> bool:
    """A statement of many happenings (``_AGGREGATE``) or of a party's part in a campaign (``_PARTICIPATION``)."""
    return bool(_AGGREGATE.search(text) or _PARTICIPATION.search(text))


# The finding of an inquiry or a fact-finding mission about a happening ("OPCW Fact-Finding Mission
# Confirms Use of Chemical Weapons in Khan Shaykhun on 4 April 2017", "the Commission of Inquiry
# presented findings ...") is a report about an earlier event: related to it, not the same event,
# though it names its place, day and weapon. A party confirming its own act ("the Pentagon confirmed
# the strike") is not a finding; "found to have occurred" is how the archive tells an incident.
_FINDING = guarded(re.compile(
    r"\bfact-finding\b|\bfindings\b|\b(?:commission|inquiry|investigation|investigators|mission|report|study|analysis)\b"
    r"[^.;]{0,60}?\b(?:confirm(?:s|ed)|conclud(?:es|ed)|found\s+that|finds\s+that|(?:strongly\s+)?suggest(?:s|ed)\s+that)\b",
    re.IGNORECASE))


def is_finding(text: str) -> bool:
    """The statement reports the finding of an inquiry about a happening (see ``_FINDING``)."""
    return bool(_FINDING.search(text))


# Districts and neighbourhoods of a city, which the gazetteer does not know: "in Al-Bab road district",
# "in Al Mashhad and Sukkari neighbourhood" (two incidents of one day in one city, two districts).
_DISTRICT_NOUNS = ("district", "neighbo", "quarter")    # one is in every text ``_DISTRICT_RE`` matches
_DISTRICT_RE = re.compile(rf"\b({_NAME}(?:\s+and\s+{_NAME})?)\s+(?:road\s+)?(?:district|neighbou?rhood|quarter)s?\b")
# Counts of places taken or held: "two more villages" and "8 villages" are two advances.
_UNIT_NOUNS = ("village", "town", "district", "neighbo", "hill", "checkpoint")   # one is in every match
_UNIT_COUNT = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                         r"(?:more\s+|other\s+|additional\s+|further\s+|new\s+)?"
                         r"(villages?|towns?|districts?|neighbou?rhoods?|hills?|checkpoints?)\b", re.IGNORECASE)
# speed only, same matches: a look-ahead for its first characters (prefilter.starting)
_UNIT_COUNT = starting(_UNIT_COUNT)


def district_names(text: str) -> frozenset[str]:
    """Districts or neighbourhoods a statement names, lower case without the Arabic article:
    "occurred in Al Mashhad and Sukkari neighbourhood" -> {"mashhad", "sukkari"}."""
    out: set[str] = set()
    if not any(w in text for w in _DISTRICT_NOUNS):     # cannot match (``_DISTRICT_RE`` is case-sensitive)
        return frozenset(out)
    for m in _DISTRICT_RE.finditer(text):
        for name in re.split(r"\s+and\s+", m.group(1)):
            words = [w for w in re.split(r"[\s\-]+", name.lower()) if w not in ("al", "el") and w not in _NOT_NAMES]
            if words:
                out.add(" ".join(words))
    return frozenset(out)


def _fine_name(name: str) -> str:
    """A district's or an unlisted place's name as ``district_names`` writes it: lower case, without
    the Arabic article ("Al Mashhad" -> "mashhad")."""
    words = [w for w in re.split(r"[\s\-]+", name.lower()) if w not in ("al", "el") and w not in _NOT_NAMES]
    return " ".join(words)


def fine_places(districts: frozenset[str], location, geo_basis) -> frozenset[str]:
    """The places a statement names below what the gazetteer knows: the districts or neighbourhoods it
    names (``district_names``) and the place its extraction found by its phrasing and the gazetteer
    lacks (``geo_basis`` unlisted: "an incident occurred in Jandoul, Aleppo" -> {"jandoul"}). Two
    statements naming such places, none a spelling of another, tell of two places of one city
    (``conflict``: ``different_place``), as two named towns do."""
    out = set(districts)
    if geo_basis == "unlisted" and isinstance(location, str) and _fine_name(location) and not is_region(location):
        # (a named region, "eastern Ghouta", holds the towns other statements name: no place apart)
        out.add(_fine_name(location))
    return frozenset(out)


def unit_counts(text: str) -> frozenset[tuple[str, str]]:
    """(count, unit) of places a statement counts: "captured two more villages" -> {("2", "village")}."""
    if text.isascii():     # (case-insensitive matching equates a few non-ASCII letters with ASCII ones)
        low = text.lower()
        if not any(w in low for w in _UNIT_NOUNS):
            return frozenset()
    return frozenset((_NUMBER_WORDS.get(m.group(1).lower(), m.group(1)), m.group(2).lower().rstrip("s"))
                     for m in _UNIT_COUNT.finditer(text))


def _counts_differ(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """Both count the same kind of place and no count is shared: two advances, not one."""
    units = {u for _, u in a} & {u for _, u in b}
    return any(not ({c for c, x in a if x == u} & {c for c, x in b if x == u}) for u in units)


_PLURAL_BEFORE_PLACE = re.compile(r"s\s+(?:in|of|at)\s+$")


def _plural_facility(text: str, m: re.Match) -> bool:
    """The facility noun of a match of ``_FACILITY_NAME_RES`` is plural: "one of Hamah hospitals",
    "hospitals in Idlib" speak of the facilities of an area (a province and its capital share a
    name), so the name is neither one facility's name nor its town."""
    if m.start(1) == m.start(0):                 # NAME noun: the noun ends the match
        return m.group(0)[-1] in "sS"
    return bool(_PLURAL_BEFORE_PLACE.search(text[m.start(0):m.start(1)]))


def facility_names(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Names a statement gives a facility, and the towns it puts a facility in: "the Rahman
    hospital in Altah" -> ({"rahman"}, {"altah"}); lower case, without the Arabic article."""
    from .places import match_places

    out: tuple[set[str], set[str]] = (set(), set())
    low = text.lower()
    if not any(w in low for w in _FACILITY_NOUN_PARTS):
        return frozenset(), frozenset()
    for rx, found in zip(_FACILITY_NAME_RES, out):
        for m in rx.finditer(text):
            if _plural_facility(text, m):
                continue
            words = [w for w in re.split(r"[\s\-]+", m.group(1).lower()) if w not in ("al", "el")]
            words = [w for w in words if w not in _NOT_NAMES]
            if words:
                # a name that is a town of the gazetteer is where the facility is ("one of Hamah
                # hospitals", "the Kafranbel hospital"), not what it is called
                named = m.group(1)
                is_town = any(p.start == 0 and p.end == len(named) for p in match_places(named))
                (out[1] if is_town else found).add(" ".join(words))
    return frozenset(out[0]), frozenset(out[1])


# Arabic common words of Syrian facility names, as transliterated, and the English word a text
# writes for them instead: "Al-Markazi hospital" is "the Central hospital", "Al-Watani hospital" the
# "National hospital" (Arabic names a facility by its kind and a describing word; an English text
# translates the word). Compared by ``name_key`` (so "Markazy", "al-Markazi" and "markazi" are one).
# A word that is the facility's kind itself ("Mustashfa al-Markazi hospital", "Jami al-Omari
# mosque") says nothing more than the English noun: it is left out ("").
FACILITY_GLOSSARY = {
    "markazi": "central", "watani": "national", "askari": "military", "jamia": "university",
    "shaabi": "popular", "jarahi": "surgical", "tibbi": "medical", "kabir": "grand", "jadid": "new",
    "qadim": "old", "atfal": "children", "tawlid": "maternity", "ahli": "private",
    "mustashfa": "", "jami": "", "masjid": "", "madrasa": "", "souq": "", "furn": "", "sijn": "",
    "mukhayyam": "",
}


@lru_cache(maxsize=1)
def _glossary_keys() -> dict[str, str]:
    from .places import name_key

    return {name_key(arabic): english for arabic, english in FACILITY_GLOSSARY.items()}


@lru_cache(maxsize=1 << 14)
def transliteration_key(name: str) -> str:
    """One key for the spellings of a transliterated Arabic name, for comparing facility names:
    the gazetteer's ``name_key`` (articles al- / el- / Al and ʿayn marks and apostrophes dropped,
    hyphens and spaces ignored, doubled letters single, ou / oo / o as u, ee / e as i, ay / ai / ey
    as i, ta marbuta -ah / -eh as -a, kh / q / dh / gh folded), its Arabic common words read as their
    English translation (``FACILITY_GLOSSARY``), and waw written w after a vowel read as the vowel u
    ("Owdai" / "Uday", "Aws" / "Aus")."""
    from .places import name_key

    glossary = _glossary_keys()
    words = [glossary.get(name_key(w), w) for w in re.split(r"[\s\-]+", name)]
    key = name_key(" ".join(w for w in words if w))
    return re.sub(r"(.)\1+", r"\1", re.sub(r"(?<=[aiu])w(?![aiu])", "u", key))


def _facility_names_meet(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> bool:
    """A facility name (or town) of one is a spelling of one of the other's (``_alike``), or the
    transliteration keys of one's words (``transliteration_key``: "owdai" / "uday", "markazi" /
    "central") are the other's, or begin or end the other's (a name told with or without its town,
    kind or family name: "Uday al-Hussein" / "Owdai"). A name made only of generic words
    (``GENERIC_FACILITY_WORDS``: "Military", "Central", "Syrian") begins or ends the names of many
    facilities ("Kuweires Military Airbase", "Hama Military Airport"): it meets a longer name by no
    such part (see ``_described``)."""
    if _names_meet(a, b):
        return True
    keys_a, keys_b = {_word_keys(x) for x in a} - {()}, {_word_keys(y) for y in b} - {()}
    for x in keys_a:
        for y in keys_b:
            short, long = (x, y) if len(x) <= len(y) else (y, x)
            if "".join(x) == "".join(y):
                return True
            if not _generic_keys(short) and (long[:len(short)] == short or long[-len(short):] == short):
                return True
    return False


# Words that say what kind of facility it is, whose it is or what it serves, not which one: a name
# made only of them ("the Military Airport", "the Central hospital", "a Syrian airbase") describes a
# facility that many towns have. The English words of ``FACILITY_GLOSSARY`` and the like, and
# nationality adjectives. Compared by ``transliteration_key``.
GENERIC_FACILITY_WORDS = frozenset(v for v in FACILITY_GLOSSARY.values() if v) | {
    "international", "general", "public", "main", "civil", "civilian", "great", "field", "specialist",
    "specialised", "specialized", "army", "air", "force", "naval", "state", "government", "municipal",
    "regional", "local", "national", "women", "womens", "children's", "childrens", "teaching",
    "syrian", "russian", "turkish", "american", "israeli", "iranian", "iraqi", "kurdish", "french",
    "british", "us", "u.s.", "coalition", "rebel", "regime",
}


@lru_cache(maxsize=1)
def _generic_word_keys() -> frozenset[str]:
    return frozenset(k for w in GENERIC_FACILITY_WORDS if (k := transliteration_key(w)))


def _generic_keys(keys: tuple[str, ...]) -> bool:
    return bool(keys) and all(k in _generic_word_keys() for k in keys)


def _described(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> bool:
    """Every facility name of ``a`` is made only of generic words and one of them is inside a name
    of ``b`` ("the Military Airport" / "Kuweires Military Airport", "the Central hospital" / "Idlib
    Central hospital"): ``a`` describes a facility ``b`` may name, it neither names the same one nor
    another (the towns decide). A side that also names a facility by a word of its own is compared
    by that name: "Hama Military" and "Kuweires Military" are two airports, whatever "Military" alone
    would meet."""
    keys_a = [_word_keys(x) for x in a]
    if not keys_a or not all(_generic_keys(k) for k in keys_a):
        return False
    for x in keys_a:
        for name in b:
            y = _word_keys(name)
            if any(y[i:i + len(x)] == x for i in range(len(y) - len(x) + 1)):
                return True
    return False


def _word_keys(name: str) -> tuple[str, ...]:
    """The transliteration keys of a name's words, the words that are a facility's kind left out."""
    return tuple(k for k in (transliteration_key(w) for w in re.split(r"[\s\-]+", name)) if k)


def _facilities_differ(names_a, towns_a, names_b, towns_b) -> bool:
    """Both say which facility or where (the same kind of information: both a name, or both a
    town) and nothing one says is a spelling of what the other says. "Orient hospital in Kafranbel"
    and "the Kafranbel hospital" meet; "the Omar mosque" and "a mosque in al-Jineh" cannot be
    compared. When both name the facility, a shared town does not make them meet: "the Al-Markazi
    hospital in Kafr Nabl" and "the National hospital in Kafr Nabl" are two hospitals; a name of
    one must meet a name or town of the other ("a Syrian airbase in Shayrat" / "Shayrat Airbase":
    a facility is often called after its town). A name made only of generic words inside the
    other's name ("the Military Airport" / "Kuweires Military Airport": ``_described``) neither
    meets nor differs from it: only their towns, when both state one, can tell them apart."""
    if names_a and names_b:
        if _described(names_a, names_b) or _described(names_b, names_a):
            comparable = towns_a and towns_b
            return bool(comparable) and not _facility_names_meet(towns_a, towns_b)
        return not (_facility_names_meet(names_a, names_b | towns_b) or _facility_names_meet(names_b, names_a | towns_a))
    comparable = towns_a and towns_b
    return bool(comparable) and not _facility_names_meet(names_a | towns_a, names_b | towns_b)


def _same_named_facility(a: dict, b: dict) -> bool:
    """Both name one facility (same kind, and a name or town of one is a spelling of the other's)
    struck on the same day: an investigation page tells its incident again in a witness's words
    ("the Rameh hospital in Khan Shaykhoun was attacked" / "the Rahmeh hospital in Khan Shaykhoun
    was targeted"), so the one-document rule does not keep these two apart."""
    if not (a["date_precision"] == b["date_precision"] == "day" and a["_start"] == b["_start"]):
        return False
    named_a, named_b = a["_facility_names"][0] | a["_facility_names"][1], b["_facility_names"][0] | b["_facility_names"][1]
    return bool(a["_facilities"] & b["_facilities"]) and bool(named_a and named_b) and _facility_names_meet(named_a, named_b)


_ATTACKS = frozenset({"fighting", "chemical"})

# A statement that announces one more attack than the one told before it: "the hospital was
# attacked again", "The second attack that included four airstrikes", "a separate strike", or
# another facility: "another hospital was struck". An ordinal that numbers the incidents a report
# identified ("The fourth attack identified targeted Shanan hospital") or the attacks on one kind of
# facility ("The third hospital attack took place on 7 April 2017") is the report's count, the one
# incident its page tells, not one more attack (two such numbers still differ: ``different_ordinal``);
# and strikes are counted within an attack ("After a bit, the second airstrike targeted Shanan
# hospital": the follow-up strike on the rescuers, as ``_ordinals_differ``).
_ONE_MORE_ATTACK = re.compile(
    r"\b(?:(?:attacked|struck|targeted|hit|bombed|shelled|raided)\s+(?:\w+\s+)?again|(?:another|separate|new|further|additional|later|similar)\s+"
    r"(?:\w+\s+)?(?:attacks?|air\s*-?strikes?|strikes?|raids?|bombings?|bombardments?|incidents?|rockets?|missiles?)"
    r"|(?:" + "|".join(_ORDINALS[1:]) + r")\s+(?:(?!(?:hospital|clinic|medical|health|school|mosque|market|bakery)\b)\w+\s+)?(?:attacks?|raids?|bombings?|bombardments?|incidents?)"
    r"(?!\s+(?:that\s+(?:was\s+|were\s+)?)?(?:identified|documented|recorded|verified|investigated|examined|analy[sz]ed)\b))\b"
    r"|\b(?:another|(?:a|the)\s+(?:second|third|other))\s+(?:\w+\s+)?(?:hospitals?|clinics?|medical|schools?|mosques?|"
    r"markets?|bakery|bakeries)\b(?!\s+(?:attacks?|strikes?|incidents?)\b)",
    re.IGNORECASE)
# A statement about a campaign ("It resumed the offensive against ISIL at the Tabqa Dam") tells a
# phase of many attacks, not the one attack on a facility that a section tells again.
_CAMPAIGN = re.compile(r"\b(?:offensives?|campaigns?|operations?|push|advances?|sieges?)\b", re.IGNORECASE)


# The header card of an incident page: labelled fields, the place and the date ("Location: IDLIB :
# Shanan\ Hospital: Shanan Hospital\ Date: 17 April 2017\ Time: 12:25"). It names the incident the
# page tells, by its place, facility and day, with no verb: for ``_retold`` it is that attack.
_HEADER_BLOCK = re.compile(r"^\W*(?:location|place)\s*:.*?\bdate\s*:", re.IGNORECASE | re.DOTALL)


# Speech that blames a party for an attack or denies it ("The government and opposition blamed each other for
# the explosions at the university", "both Syria and Russia rejected the attack was a chemical attack") is about
# the attack, told in the same section; it names the attack's facility and day but is no retelling of it.
_ACCUSATION = re.compile(r"\b(?:blam(?:ed|es|ing)|accus(?:ed|es|ing)|den(?:ied|ies|y|ying)|reject(?:ed|s|ing)|"
                         r"h(?:eld|olds?|olding)\s+(?:[\w-]+\s+){1,3}?responsible)\b", re.IGNORECASE)


def _disputes(a: dict, b: dict) -> bool:
    """``a`` is speech that blames a party for a happening, denies it or condemns it (``is_statement`` and
    ``_ACCUSATION``, or a condemnation), and ``b`` tells a happening: the reaction, not more of the happening,
    however many words, the place and the day they share ("In response to the attack both Syria and Russia
    rejected the attack was a chemical attack" / "Khan Shaykhun was targeted with 4 rockets by two airstrikes").
    Two statements (two accusations of one attack) are not compared by it."""
    return a["_statement"] and not b["_statement"] and bool(b["_kinds"]) and bool(
        _ACCUSATION.search(a["text"]) or _CONDEMNED.search(a["text"]))


# (a denunciation or a criticism is a condemnation: "Ankara denounced the strikes", "the raid drew criticism",
# "the minister criticised the bombing")
_CONDEMNED = re.compile(r"\b(?:condemn(?:ed|s|ing|ation)?|denounc(?:ed|es|ing)|criticis(?:ed|es|ing|m)|"
                        r"criticiz(?:ed|es|ing))\b", re.IGNORECASE)


def _retold(a: dict, b: dict) -> bool:
    """Two statements that tell one attack again: both attacks (no capture, no withdrawal) dated to
    the same day, naming the same kind of struck facility (or, one of them a chemical attack, the
    same place finer than a governorate: a town suffers one chemical attack a day), and one names no
    party the other does not (a retelling adds no side). An investigation page tells its incident again
    in a witness's words ("The fifth hospital attack identified occurred on 22 April 2017" / "On
    April 22, 2017, ... the Russian warplanes targeted the hospital with two rockets"), so the
    one-document rule does not keep these two apart; an article telling two happenings of one day
    in one town names two sides ("Russian media reported that Tadef had been taken by the Syrian
    Army" / "Turkish-backed forces had captured the Tadef roundabout"), and any cannot-link of
    ``conflict`` (two places, two facilities, two kinds of action) still holds. A statement that
    announces one more attack ("attacked again", "another hospital was struck": ``_ONE_MORE_ATTACK``)
    or tells a campaign ("resumed the offensive": ``_CAMPAIGN``) is no retelling, nor is speech that blames a
    party for it or denies it (``_ACCUSATION``)."""
    if not (a["date_precision"] == b["date_precision"] == "day" and a["_start"] == b["_start"]):
        return False
    if not all((r["_kinds"] & _ATTACKS and r["_kinds"] <= _ATTACKS | {"documentation", "after_chemical"})
               or (not r["_kinds"] and _HEADER_BLOCK.match(r["text"])) for r in (a, b)):
        return False        # an attack told (or the page's header card), not a capture or a withdrawal
    if any(_ONE_MORE_ATTACK.search(r["text"]) or _CAMPAIGN.search(r["text"]) for r in (a, b)):
        return False        # "attacked again", "another hospital", "resumed the offensive"
    if any(r["_statement"] and _ACCUSATION.search(r["text"]) for r in (a, b)):
        return False        # "The government and opposition blamed each other for the explosions" (``_ACCUSATION``)
    chemical = "chemical" in a["_kinds"] | b["_kinds"]
    shared = (a["_facilities"] & b["_facilities"]) or (chemical and a["_places"]["place"] & b["_places"]["place"])
    actors_a, actors_b = set(a["actors"]), set(b["actors"])
    return bool(shared) and (actors_a <= actors_b or actors_b <= actors_a)


def retold_in_section(a: dict, b: dict) -> bool:
    """Two statements of one section of one document that tell one attack again (``_retold``: an
    attack of the same day on the same kind of facility, no party added), neither announcing one
    more attack ("attacked again", "the second attack"). A section tells a happening once unless it
    refers back to it: on an investigation page the opening ("The sixth hospital attack identified
    occurred on 25 April 2017"), a quoted video ("Kafar Takharim surgery hospital has been attacked
    with two rockets") and a witness ("the Russian/Syrian warplanes targeted the hospital") are one
    attack, whatever words each uses, and "the hospital" refers back to the facility of the section.
    A statement about a campaign ("resumed the offensive", "Turkish advances") tells many attacks.
    Two facilities named apart, two places, two parties stay apart (``conflict``, checked by the
    merge). Merged in ``_resolve`` without a score threshold (``match_rule`` retold): the words such
    retellings share are too few for the similarity score."""
    if a["doc_id"] != b["doc_id"] or not _same_section(a.get("section"), b.get("section")):
        return False
    return _retold(a, b)


# The start or the end of an encyclopedia article's subject: its lead names it ("The 2016 Aleppo
# summer campaign started with a military operation ... in late June 2016", "It concluded on 17
# October 2017"), its body by the bare noun of its kind ("The offensive began on 25 June"). An
# article has one start and one end of its subject.
_SUBJECT_KINDS = r"(?:offensive|campaign|battle|operation|siege|war|conflict|insurgency|clashes|assault|intervention|crisis)"
_PHASE_VERBS = (r"(?:(?:was|were)\s+)?(?:officially\s+|formally\s+)?(?:(?P<start>began|begun|started|launched|commenced|"
                r"opened|kicked\s+off)|(?P<end>ended|concluded|came\s+to\s+an\s+end|finished|was\s+over))\b")
_OPENING_PHRASE = r"(?:(?:on|in|by|at|during)\s+[^,]{1,40},\s*)?"
_LEAD_PHASE = re.compile(rf"^{_OPENING_PHRASE}(?:(?:it|the\s+(?:[\w'’\-]+\s+){{0,6}}?{_SUBJECT_KINDS})\s+{_PHASE_VERBS}"
                         # the lead's definition of its subject: "The Raqqa campaign (codenamed Operation Wrath of
                         # Euphrates) was a military operation launched in November 2016", "... was an offensive launched
                         # by the SDF ... in February 2016", "... was a military operation that began in late May 2015"
                         rf"|the\s+[^;.]{{0,120}}?\s+(?:was|is)\s+an?\s+(?:[\w\-]+\s+){{0,2}}?{_SUBJECT_KINDS}\s+"
                         r"(?:(?:that|which)\s+)?(?:was\s+)?(?P<start3>launched|began|begun|started|commenced|initiated)\b)",
                         re.IGNORECASE)
_BODY_PHASE = re.compile(rf"^{_OPENING_PHRASE}(?:the\s+{_SUBJECT_KINDS}\s+{_PHASE_VERBS}"
                         rf"|(?:[\w'’\-]+\s+){{1,6}}?(?P<start2>began|started|launched|commenced)\s+(?:the|its|their)\s+"
                         rf"{_SUBJECT_KINDS}\b"
                         # its start announced by the bare noun: "The SDF officially announced the start of the operation
                         # on 6 November 2016", "The Turkish government announced the start of the offensive"
                         rf"|(?:[\w'’\-]+\s+){{1,6}}?(?:announced|declared)\s+the\s+(?:official\s+)?"
                         rf"(?P<start4>start|beginning|launch)\s+of\s+the\s+{_SUBJECT_KINDS}\b(?!\s+of\s+(?-i:[A-Z])))",
                         re.IGNORECASE)     # (not "the start of the Battle of Raqqa city": a phase's own name)
PHASE_EVIDENCE = "the start (or the end) of the article's subject, told in its lead and again in its body"


def _lead(section) -> bool:
    return not (isinstance(section, str) and section.strip())


def subject_phase(text: str, section) -> str | None:
    """"start" or "end" when the statement tells the start or the end of its article's subject: in
    the lead, "It" or a name ending in the noun of its kind ("The 2016 Aleppo summer campaign
    started ..."); in the body, the bare noun ("The offensive began on 25 June", "ISIL began the
    offensive on 14 January 2017")."""
    m = (_LEAD_PHASE if _lead(section) else _BODY_PHASE).match(text)
    if not m:
        return None
    return "start" if any(m.groupdict().get(g) for g in ("start", "start2", "start3", "start4")) else "end"


def phase_candidates(doc_ids: list, sections: list, texts: list, articles: frozenset[str]) -> list[tuple[int, int]]:
    """Pairs of mentions (row indices, the lower first) that ``same_phase_of_the_subject`` may join:
    of one article, both telling the start (or both the end) of its subject, one of them in the lead.
    A block per (article, phase), small (an article tells its start once or twice)."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, (doc, section, text) in enumerate(zip(doc_ids, sections, texts)):
        if doc in articles and (phase := subject_phase(text, section)):
            groups[(doc, phase)].append(i)
    return [(min(x, y), max(x, y)) for members in groups.values() for k, x in enumerate(members)
            for y in members[k + 1:] if _lead(sections[x]) != _lead(sections[y])]


def same_phase_of_the_subject(a: dict, b: dict) -> bool:
    """The lead and the body of one article tell the start (or the end) of its subject (see
    ``subject_phase``) on compatible dates: one happening, however few words the two share ("started
    with a military operation launched on the northern outskirts of Aleppo in late June 2016" / "The
    offensive began on 25 June, with heavy Russian air-strikes"). Merged as ``match_rule`` retold,
    under every cannot-link."""
    if a["doc_id"] != b["doc_id"] or _lead(a.get("section")) == _lead(b.get("section")):
        return False
    phase = subject_phase(a["text"], a.get("section"))
    return phase is not None and phase == subject_phase(b["text"], b.get("section")) \
        and periods_overlap(a["_period"], b["_period"], 0) and not _qualified_apart(a, b)


LEAD_EVIDENCE = "the one happening of its kind the article's body tells on the day its lead states"
LEAD_BODY_DAYS = 3      # a body statement of a range of days (the lead's among them) is one happening only up to this many
COUNT_EVIDENCE = "the one statement of the article's body that counts the same thing on the day its lead states"
COUNTED_WORDS = 3       # the words after a number that may name what it counts ("400 American troops")


def counted_things(text: str) -> frozenset[tuple[str, str]]:
    """(number, content word) for each count of a statement and the content words of the ``COUNTED_WORDS``
    words after it: "a contingency force of around 400 American troops" -> (400, american), (400, troop). Not
    years, days of the month or times of day (``_numbers``). Two statements that count the same thing share a
    pair ("400 troops, not 200"); a number of other things does not ("killed five" / "five F-16 fighters")."""
    tokens = _WORD.findall(_DATES_AND_TIMES.sub(" ", text) if _DIGIT.search(text) else text)
    out = set()
    for k, tok in enumerate(tokens):
        if not (tok[0].isdigit() or tok.lower() in _NUMBER_WORDS):
            continue
        n = _content_token(tok)
        if n is None or (len(n) == 4 and n[:2] in ("19", "20")):
            continue
        for nxt in tokens[k + 1:k + 1 + COUNTED_WORDS]:
            w = None if nxt[0].isdigit() or nxt.lower() in _NUMBER_WORDS else _content_token(nxt)
            if w is not None:
                out.add((n, w))
    return frozenset(out)


def lead_restatement_candidates(rows: list[int], doc_ids: list, sections: list, starts: list[int], stops: list[int],
                                precisions: list[str], bases: list, kinds: list, statements: list[bool],
                                texts: list[str] | None = None) -> list[tuple[int, int]]:
    """Pairs of mentions (row indices, the lower first) that ``restated_in_lead`` may join: of one
    encyclopedia article (``rows``, the article's mentions; the other lists aligned with them), a
    statement of its lead dated to one day by its own words (not ``date_basis`` inherited) that tells
    a kind of action, and *the one* statement of its body, dated by its own words, that tells an
    action of a kind the lead's tells on a period holding that day. A lead sums up its body's
    happenings by their days ("resulted in the capture of Ras al-Ayn by Turkish forces on 20
    October" / "Turkish and TFSA units officially captured the town later in the day"); when the
    body tells two or more happenings of that kind on that day, the day is no evidence which one the
    lead restates, and none is paired (the merge's rules decide as for any pair); nor is a body
    statement of a range of ``LEAD_BODY_DAYS`` days or more ("Between 10 March and 23 March, the
    Coalition conducted 193 strikes" sums up many). With ``texts``, also the one body statement of that
    day, dated by its own words, that counts the same thing as the lead (``counted_things``: "a
    contingency force of around 400 American troops would remain" / "The next day it was revealed the
    actual number was 400 troops, not 200"), whatever kind of action each tells. A block per article:
    each lead statement against the article's body statements of its day (no cap needed: one article's
    statements)."""
    by_doc: dict = defaultdict(lambda: ([], []))
    for pos in range(len(rows)):
        if bases[pos] == "inherited" or precisions[pos] != "day":
            continue
        by_doc[doc_ids[pos]][0 if _lead(sections[pos]) else 1].append(pos)
    out = set()
    for leads, body in by_doc.values():
        for x in leads:
            if starts[x] != stops[x]:
                continue        # a lead's range of days sums up more than one day
            that_day = [y for y in body if starts[y] <= starts[x] <= stops[y]]
            if kinds[x]:
                same = [y for y in that_day if kinds[x] & kinds[y]]
                same = [y for y in same if stops[y] - starts[y] < LEAD_BODY_DAYS] if len(same) == 1 else same
                if len(same) == 1 and statements[same[0]] == statements[x]:
                    out.add((min(rows[x], rows[same[0]]), max(rows[x], rows[same[0]])))
            if texts is not None and that_day and (counted := counted_things(texts[x])):
                same = [y for y in that_day if stops[y] - starts[y] < LEAD_BODY_DAYS and counted & counted_things(texts[y])]
                if len(same) == 1 and statements[same[0]] == statements[x]:
                    out.add((min(rows[x], rows[same[0]]), max(rows[x], rows[same[0]])))
    return sorted(out)


def restated_in_lead(a: dict, b: dict) -> bool:
    """The pair ``lead_restatement_candidates`` found still reads as one: of one document, one in its
    lead dated to a day by its own words, the other in its body on a period holding that day, a kind of
    action or a counted thing (``counted_things``) told by both, and both speech or neither (a party
    announcing the ceasefire is not the ceasefire starting). Merged as ``match_rule`` retold, under every
    cannot-link (places compared)."""
    if a["doc_id"] != b["doc_id"] or _lead(a.get("section")) == _lead(b.get("section")):
        return False
    lead, body = (a, b) if _lead(a.get("section")) else (b, a)
    return lead["date_precision"] == body["date_precision"] == "day" and lead.get("date_basis") != "inherited" \
        and lead["_period"][0] == lead["_period"][1] and periods_overlap(lead["_period"], body["_period"], 0) \
        and (body["_period"][1] - body["_period"][0]).days < LEAD_BODY_DAYS \
        and lead["_statement"] == body["_statement"] \
        and (bool(lead["_kinds"] & body["_kinds"]) or bool(counted_things(lead["text"]) & counted_things(body["text"])))


def lead_evidence(a: dict, b: dict) -> str:
    """What ``restated_in_lead`` joined two statements by: the same kind of action, else the same count."""
    return LEAD_EVIDENCE if a["_kinds"] & b["_kinds"] else COUNT_EVIDENCE


# A heading that asks one of the questions of a report on one incident ("What happened?", "When did
# it happen?", "Where did it happen?", "Who is responsible?"): the sections under such headings are
# facets of one incident, not phases of a story, so for ``retold_in_section`` they are one section.
_FACET_HEADING = re.compile(r"^\s*(?:what|when|where|who|why|how)\b", re.IGNORECASE)
_FACETS = "\x00facets of one incident"


def section_key(section) -> str | None:
    """A section as ``retold_in_section`` groups it: None for the text before any heading, one key
    for every question heading of a document (``_FACET_HEADING``), else the heading itself."""
    if not isinstance(section, str):
        return None
    return _FACETS if _FACET_HEADING.match(section) else section


def _same_section(x, y) -> bool:
    return section_key(x) == section_key(y)


def retelling_candidates(doc_ids: list, sections: list, starts: list[int], precisions: list[str],
                         has_facility: np.ndarray) -> list[tuple[int, int]]:
    """Pairs of mentions (row indices, the lower first) that ``retold_in_section`` may join: both
    dated to one day, in one section of one document, both naming a kind of facility. A block per
    (document, section, day), each paired in full (a section rarely tells more than a few attacks
    on facilities on one day; no cap)."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i in np.flatnonzero(has_facility).tolist():
        if precisions[i] == "day":
            groups[(doc_ids[i], section_key(sections[i]), starts[i])].append(i)
    return [(x, y) for members in groups.values() if len(members) > 1
            for k, x in enumerate(members) for y in members[k + 1:]]


def _names_meet(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> bool:
    return any(_alike(x, y) for x in a for y in b)


def action_kinds(text: str) -> frozenset[str]:
    """The kinds of action a statement tells (see the module docstring), from its verbs and nouns,
    leaving out means, prior events and purposes. A chemical attack is only that. An attack told
    after a chemical attack it names ("Khan Shaykoun is attacked with four airstrikes, after the
    chemical massacre") is also ``after_chemical``: another attack than that one, never the
    chemical attack told without its weapon (``_told_without_weapon``)."""
    return _kinds_of(text, _action_matches(text)[1])


def _action_matches(text: str) -> tuple[str, list[re.Match]]:
    """The text without means, prior events and purposes, and the actions named in it (what
    ``action_kinds`` and ``roles`` both read: ``text_features`` finds them once)."""
    opening = _opening(text)
    core = _NOT_THE_ACTION.sub(" ", text[opening:])
    low = folded(core)      # (the matches are read for their group names and spans only)
    return core, list(_ACTION_RE.finditer(core) if low is None else _ACTION_LOWER.finditer(low))


# An opening phrase of time ("On 18 June, ", "Later that day, ", "Meanwhile, "): left out before the
# background clauses are, so that the main clause after it ("On 18 June, a Syrian Air Force Su-22
# was shot down") is not taken for an apposition (", a city besieged by ...").
_OPENING = re.compile(
    r"^\s*[^,]{0,40}?\b(?:\d{1,4}|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|"
    r"meanwhile|however|later|earlier|"
    r"then|subsequently|afterwards|morning|afternoon|evening|night|day|week)\b[^,]{0,15}"
    # the comma of a date written "March 16, 2017" is inside the date, not the end of the phrase
    r"(?:,\s*(?:19|20)\d\d\b[^,]{0,15})?,(?!\s*(?:19|20)\d\d\b)\s*"
    # and a place phrase fronted after it ("On 17 February 2016, in Ankara, a car bombing attack happened at
    # night"): the clause after it is the main one, not an apposition
    # (a place: a capitalised name before its comma, "in the rebel-held city of Azaz,"; not "at least 417 people
    # have been killed in eastern Ghouta,")
    r"(?:(?:in|at|near|outside|inside|around)\s+(?!least\b|most\b)(?-i:[^,A-Z]){0,40}?(?-i:[A-Z])[^,]{0,60}?,"
    r"(?!\s*(?:19|20)\d\d\b)\s*)?", re.IGNORECASE)


# a form of "be" or "have" makes the words before the first comma a clause of their own ("The stadium was
# later captured, marking the defeat of ISIL"), not an opening phrase of time ("Later that day, ")
_FINITE_BE = re.compile(r"\b(?:was|were|is|are|had|has|have|been)\b", re.IGNORECASE)


def _opening(text: str) -> int:
    """Where a statement's main clause begins: after its opening phrase of time (``_OPENING``: "On 18 June, ",
    "Later that day, "), unless the words before the comma hold a verb of "be" or "have" and so are a clause,
    its main one ("The stadium was later captured, marking the defeat of ISIL in Raqqa": a capture; the adverb
    "later" does not make the clause an opening phrase)."""
    m = _OPENING.match(text)
    if m is None or _FINITE_BE.search(text, 0, m.end()):
        return 0
    return m.end()


def _kinds_of(text: str, matches: list[re.Match]) -> frozenset[str]:
    kinds = {str(m.lastgroup) for m in matches}   # all groups named
    if "chemical" in kinds:
        kinds.discard("fighting")
    elif kinds & {"fighting"} and _CHEMICAL_RE.search(text):
        kinds.add("after_chemical")
    return frozenset(kinds)


# speed only, same matches: prefilter.guarded, prefilter.starting
_CHEMICAL_RE = guarded(starting(re.compile(rf"\b(?:{_ACTIONS[0][1]})\b", re.IGNORECASE)))

# The event a statement tells its action after or in answer to ("After yesterday's downing of a
# Syrian Su-22 jet, Russia shuts down a deconfliction channel", "in retaliation for the shelling").
_PRIOR = guarded(re.compile(r"\b(?:after|following|in\s+retaliation\s+for|in\s+response\s+to|"
                    r"in\s+the\s+(?:immediate\s+)?aftermath\s+of)\b(?!\s+which\b)"     # ("after which": what came next)
                    # (after gerunds, the clause goes on over its commas, as in ``_NOT_THE_ACTION``)
                    r"((?<=after|owing)\s+\w+ing\b[^,.;]*(?:,\s*(?:and\s+)?\w+ing\b[^,.;]*)+|[^,.;]*)", re.IGNORECASE))


def prior_kinds(text: str) -> frozenset[str]:
    """The kinds of action of the events a statement names as before it or as what it answers
    ("After yesterday's downing of a Syrian Su-22 jet, Russia shuts down ..." -> {"aircraft_lost"}):
    what ``action_kinds`` leaves out as prior events. A statement that tells its own action after an
    event of a kind it does not tell itself is a reaction to that event, not that event
    (``conflict``: ``reaction_to``)."""
    kinds = {str(m.lastgroup) for clause in _PRIOR.finditer(text) for m in _ACTION_RE.finditer(clause.group(1))}
    if "chemical" in kinds:
        kinds.discard("fighting")
    return frozenset(kinds)


def _reacts_to(a: dict, b: dict) -> bool:
    """``a`` tells what came after (or answered) an event of the kind ``b`` tells, and tells no action
    of that kind itself: a reaction to ``b``'s kind of event is not that event."""
    return bool(a["_prior"] & b["_kinds"]) and not (a["_kinds"] & b["_kinds"])


_OPENS = re.compile(r"\s*(?:[^,.;]{0,40},\s*)?")     # nothing before a clause but a short opening phrase ("A day later, ")


def _after_the_others_attack(a: dict, b: dict) -> bool:
    """``a`` tells what its attacker did after an event of ``b``'s kind that it names as ``b``'s attacker's
    ("A day later, after the ISIL counterattack was repelled, the Syrian Army resumed their offensive,
    capturing the last hill" / "On 13 May, ISIL counterattacked at the airbase"): the happening it names
    before its own is ``b``'s, and its own is the other side's next move, whatever else of ``b``'s kind it
    tells ("resumed their offensive"). Both name their attacker (``roles``), no attacker is shared, and
    the clause of the prior event (``_PRIOR``) opens the sentence (``_OPENS``: the attacker ``roles`` reads
    is then the main clause's) and names ``b``'s attacker and not ``a``'s."""
    own, theirs = a["_roles"][0], b["_roles"][0]
    if not (a["_prior"] & b["_kinds"]) or not own or not theirs or own & theirs:
        return False
    # (imported after the test above, which most pairs fail: asked twice of every scored pair, speed only)
    from .actors import match_actors

    named = {x for clause in _PRIOR.finditer(a["text"]) if _OPENS.fullmatch(a["text"][:clause.start()])
             for x in match_actors(clause.group(1))}
    return bool(named & theirs) and not (named & own)


def _chemical_only(kinds: set[str] | frozenset[str]) -> set[str] | frozenset[str]:
    """An event one of whose statements names a chemical weapon is a chemical attack, not any attack:
    the rule of ``action_kinds`` applied to a cluster's kinds ("Khan Sheikhon was targeted by an
    airforce" told on with "Sarin might be used in this attack" is not the strike on the town's
    hospital hours later)."""
    return kinds - {"fighting"} if "chemical" in kinds else kinds


_CLAUSE_END = re.compile(r"[,;:.]")
# a verb of attack or capture in the passive: a form of "be" (and an adverb) before it, its doer after "by"
_PASSIVE_BE = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_BY_AGENT = re.compile(r"\s*(?:\w+ly\s+)?by\b", re.IGNORECASE)


def roles(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Who does and who undergoes the statement's first attack or capture: the actors named in its
    clause before the verb, and those after it up to the end of the clause ("al-Nusra Front and
    Jund al-Aqsa attacked the Free Syrian Army's Division 13" -> ({al-Nusra Front, Jund al-Aqsa},
    {Free Syrian Army})); means, prior events and background clauses left out, as for
    ``action_kinds``; an actor named on both sides has no known role. Empty sets when the
    statement names no such verb."""
    return _roles_of(*_action_matches(text))


def _roles_of(core: str, matches: list[re.Match]) -> tuple[frozenset[str], frozenset[str]]:
    from .actors import match_actors

    for m in matches:
        if m.lastgroup in ("fighting", "capture"):
            before = ([c for c in _CLAUSE_END.split(core[:m.start()]) if c.strip()] or [""])[-1]
            after = _CLAUSE_END.split(core[m.end():])[0]
            agents, targets = frozenset(match_actors(before)), frozenset(match_actors(after))
            if _PASSIVE_BE.search(core[:m.start()]):
                # the passive names the target first and the doer after "by" ("weapons intended for
                # Hezbollah were targeted by Israeli jets"); without "by" it names no doer. Its subject
                # is what follows a "that" ("ISIL's Amaq News Agency claimed that 17 soldiers were
                # killed": the speaker is not hit)
                undergoing = frozenset(match_actors(re.split(r"\bthat\b", before)[-1]))
                agents, targets = (targets, undergoing) if _BY_AGENT.match(core[m.end():]) else (frozenset(), undergoing)
            return agents - targets, targets - agents      # named on both sides: no role known
    return frozenset(), frozenset()


def _roles_reversed(a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]]) -> bool:
    """One statement's attacker is the other's target and the other way round: "al-Nusra attacked
    Division 13" is not "Division 13 raided al-Nusra's headquarter" (a raid and the attack it
    answered)."""
    return bool(a[0] & b[1]) and bool(a[1] & b[0])


def _targets_apart(a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Both name whom their attack was made on, and one attacked ISIL while the other attacked another
    party, with no target shared ("Turkish-backed rebels assaulted ISIL positions inside the city" /
    "the rebels clashed with the Syrian Army for the first time near al-Bab"): ISIL fought every other
    party of the war, so a fight with ISIL and a fight with another party on one day and in one place
    are two fights (and the party attacked is what a report names first about an attack). Neither
    statement's attacker may be the other's target: one party's attack told by the side that answered
    it is ``_roles_reversed``'s to judge."""
    (agents_a, targets_a), (agents_b, targets_b) = a, b
    if not targets_a or not targets_b or targets_a & targets_b or agents_a & targets_b or agents_b & targets_a:
        return False
    return ("ISIL" in targets_a) != ("ISIL" in targets_b)


# The camps of the war whose forces take places (``actors`` names): two parties of one camp may tell one capture
# ("the government, with Russia's help, recaptured Rabia" / "the Syrian Army took control of Rabia"; "rebels led
# by al-Nusra" / "the FSA"), two camps' captures are two captures. Turkey fought with the rebels it backed; the
# United States with the SDF. A party not listed (Israel, the UN) is in no camp and never opposes.
CAMPS = {"Syrian government": "government", "Russia": "government", "Iran": "government", "Hezbollah": "government",
         "Wagner Group": "government", "Syrian Democratic Forces": "sdf", "United States": "sdf", "ISIL": "isil",
         "Turkey": "opposition", "Free Syrian Army": "opposition", "al-Nusra Front": "opposition",
         "Hay'at Tahrir al-Sham": "opposition", "Ahrar al-Sham": "opposition", "Army of Conquest": "opposition"}


def _camps(actors) -> frozenset[str]:
    return frozenset(CAMPS[x] for x in actors if x in CAMPS)


def capturer_camp(r: dict) -> frozenset[str]:
    """The camp of the war (``CAMPS``) that took the places a statement's capture tells, when it names doers of
    one camp only (the doers of its first attack or capture, ``roles``), else empty."""
    if "capture" not in r["_kinds"]:
        return _EMPTY
    camps = _camps(r["_roles"][0])
    return _one(next(iter(camps))) if len(camps) == 1 else _EMPTY


def capturers_opposed(a: dict, b: dict) -> bool:
    """Both tell a capture and name who took the place (the doers of their first attack or capture, ``roles``),
    and the doers are of two camps of the war (``CAMPS``) with none shared: "the SDF captured three more villages"
    and "the Syrian Army and Hezbollah captured three villages" on one day are two advances, whatever the words
    and the governorate they share. A statement naming no doer ("the village was captured") is not compared, nor
    one whose doers span camps ("Turkish forces and the SDF"): the loser telling its loss is ``_loser_retreats``'s."""
    camps_a, camps_b = capturer_camp(a), capturer_camp(b)
    return bool(camps_a) and bool(camps_b) and camps_a != camps_b


def facilities(text: str) -> frozenset[str]:
    """Kinds of facility a statement names (hospital, school, market, mosque, ...)."""
    low = folded(text)
    found = _FACILITY_RE.finditer(text) if low is None else _FACILITY_LOWER.finditer(low)
    return frozenset(str(m.lastgroup) for m in found)   # every alternative is a named group


def ordinals(text: str) -> frozenset[str]:
    """Numbered incidents a statement names: "the seventh hospital attack" -> {"7 attack"}."""
    return frozenset(f"{_ORDINALS.index(m.group(1).lower()) + 1} {m.group(3).lower().replace('airstrike', 'strike')}"
                     for m in _ORDINAL_RE.finditer(text))


def _ordinals_differ(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> bool:
    """Both number an incident (an attack or an incident) and no number is shared: "the seventh
    hospital attack" / "the eighth hospital attack". Strikes are counted within an attack: "The
    fourth attack identified targeted Shanan hospital", "The first airstrike hit 5 meters close to
    the hospital" and "After a bit, the second airstrike targeted Shanan hospital" are one attack
    (a strike and the follow-up strike on the rescuers), so a strike's number tells no incident apart."""
    def incidents(xs) -> set[str]:
        return {x.split(" ", 1)[0] for x in xs if x.split(" ", 1)[1] in ("attack", "incident")}
    ia, ib = incidents(a), incidents(b)
    return bool(ia) and bool(ib) and not (ia & ib)


# A sentence that tells a new happening, not more of the one before it: "Meanwhile, ...", "Another
# ...", "... then captured ...", "Al-Nusra retaliated by ...".
# ("another" and people is one more victim or party of the same happening, not another happening: "Al-Samahi
# and another FSA fighter were killed in the shootout", "another 12 people were wounded")
_NEW_HAPPENING = guarded(re.compile(      # (guarded: speed only, same matches; asked of every inherited date)
    r"\b(?:meanwhile|another(?!\s+(?:[\w'’\-]+\s+){0,3}?(?:fighters?|soldiers?|troops|civilians?|members?|persons?|people|"
    r"men|man|wom[ae]n|child(?:ren)?|commanders?|officers?|militants?|rebels?|volunteers?|journalists?|staff)\b)|similar|again|later|then|afterwards|subsequently|separately|elsewhere|in\s+addition|"
    r"additionally|at\s+the\s+same\s+time|in\s+turn|in\s+response|retaliat\w*|respond(?:s|ed|ing)?|"
    r"(?:hours|days|minutes|weeks|months|years|shortly|soon)\s+(?:after|later))\b", re.IGNORECASE))


# A sentence that names the happening before it as its own frame: "During the attack, a VBIED was
# detonated ...", "The attack was repelled but left 2 FSA fighters dead", "In the strike, ...". The
# writer says it is the same happening, so the places it adds (a village taken during the attack)
# are where that happening went, not a new one. "The attack on ..." names a target of its own, and
# "the offensive", "the battle" name a larger whole than the sentence before.
_EVENT_ANAPHOR = re.compile(
    r"^\s*(?:(?:during|in|throughout|in\s+the\s+course\s+of)\s+the\s+|the\s+)"
    r"(?:attacks?|assault|air\s*-?strikes?|strikes?|raids?|bombing|shelling|explosions?|blast|massacre|fighting|clashes|"
    # (an escape, a revolt: "About 200 ISIL detainees revolted and attempted to escape from Derik prison" / "The
    # breakout was foiled")
    r"escape|breakout|jailbreak|revolt|uprising|mutiny|riot)\b"
    r"(?!\s+(?:on|against|of|in|at)\b)", re.IGNORECASE)


def refers_to_the_event(text: str) -> bool:
    """The sentence opens by naming the happening before it ("During the attack, ...", "The attack
    was repelled ..."): see ``_EVENT_ANAPHOR``."""
    return bool(_EVENT_ANAPHOR.match(text))


def _names_the_weapon(kinds_a: set[str] | frozenset[str], kinds_b: set[str] | frozenset[str]) -> bool:
    """One side is a chemical attack and the other an attack that names no weapon: told on in the
    same paragraph ("Khan Sheikhon was targeted by an airforce. ... Sarin might be used in this
    attack."), the second names the weapon of the first."""
    return (kinds_a == {"chemical"} and bool(kinds_b) and set(kinds_b) <= {"fighting"}) or \
        (kinds_b == {"chemical"} and bool(kinds_a) and set(kinds_a) <= {"fighting"})


def _told_without_weapon(kinds_a, kinds_b, places_a, places_b, facilities_a, facilities_b) -> bool:
    """One side is a chemical attack and the other an attack on the same named place that names no
    weapon and no struck facility ("Khan Sheikhon was targeted by an airforce" / "the Khan Shaykhun
    chemical attack"): when the plain attack's own event holds a chemical statement (its document
    names the weapon: "Sarin might be used in this attack"), it tells the chemical attack without
    naming its weapon, so their kinds of action do not differ (``conflict(..., weapon_named)``). A
    plain airstrike report alone is not assumed to be a chemical attack (a town under chemical
    attack is often bombed the same day); an attack on a facility ("the medical point of Khan
    Shaykhoun was struck hours later") is another attack, and so is one in another place."""
    if not _names_the_weapon(kinds_a, kinds_b):
        return False
    plain_facilities = facilities_b if set(kinds_a) == {"chemical"} else facilities_a
    return not plain_facilities and bool(places_a & places_b)


# A statement that refers back to a place named before it: "It was captured by rebel forces on 9
# September 2015" (the airbase of the paragraph), "recapturing key points of the town", "the warplanes
# carried out four raids on the hospital". "It was reported that ..." refers to nothing.
_ANAPHORA = re.compile(
    r"^(?:[^,]{0,40},\s*)?it\s+(?:was|is|had\s+been|has\s+been)\s+(?!(?:reported|said|claimed|announced|confirmed|"
    r"believed|estimated|alleged|thought|expected|unclear|likely|possible|not|also|later|feared|known|agreed|"
    r"decided|revealed|noted|suggested)\b)"
    # (and with a word that describes it, not one that points to another: "the border district", "the besieged
    # city", "the rebel-held town"; "the nearby village", "the neighbouring town", and "the northern town" after
    # another town, are other places)
    r"|\bthe\s+(?:(?:besieged|embattled|encircled|rebel-held|opposition-held|government-held|regime-held|ISIL-held|"
    r"IS-held|SDF-held|Kurdish-held|border|frontline|strategic)\s+)?"
    r"(?:town|city|village|airbase|air\s+base|base|airport|hospital|facility|mosque|school|market|camp|dam|"
    r"district|neighbou?rhood)\b(?!\s+of\s+(?-i:[A-Z])|\s+(?-i:[A-Z]))"
    # the happening itself as the subject, told where or when it took place ("The alleged airstrike took place on
    # March 16, 2017."): the document's or paragraph's attack, so its place
    r"|^(?:[^,]{0,40},\s*)?the\s+(?:alleged\s+|reported\s+|suspected\s+)?(?:attack|air\s*-?strike|strike|bombing|"
    r"shelling|massacre|raid|explosion|assault)\s+(?:took\s+place|occurred|happened|was\s+carried\s+out)\b", re.IGNORECASE)
CONTEXT_BASES = ("paragraph", "section", "subject")


def anaphoric(text: str) -> bool:
    """The statement refers back to a place named before it (see ``_ANAPHORA``: "It was captured", "the
    town", or the happening told as its subject, "The alleged airstrike took place on March 16, 2017"):
    one that names no place itself is located where its context is (``context_places``)."""
    return bool(_ANAPHORA.search(text))


# A part of a city named after another town, the road to it or a family ("Al-Bab road district",
# "the Sheikh Maqsoud neighbourhood", "Bab al-Nairab quarter") is no statement about that town.
_CITY_PART_NOUNS = ("road district", "neighbo", "quarter")
_CITY_PART_RE = re.compile(rf"\b({_NAME})\s+(?:road\s+districts?|neighbou?rhoods?|quarters?)\b")


def city_part_keys(text: str) -> frozenset[str]:
    """Transliteration keys of the names of parts of a city a statement names (``_CITY_PART_RE``)."""
    if not any(w in text for w in _CITY_PART_NOUNS):
        return frozenset()
    return frozenset(transliteration_key(_fine_name(m.group(1))) for m in _CITY_PART_RE.finditer(text))


# A town named only as an end of a road ("Another village along the Aleppo-Raqqa highway was captured", "severing
# the main Idlib-Ariha road", "reaching the main road between al-Bab and Manbij") is not where the happening was;
# nor is a town named only as the administrative district another town it names lies in ("the town of Suluk,
# located in Tell Abyad District"): two towns captured on one day, Suluk and Tell Abyad, are two events.
_ROAD_NOUNS = ("highway", "road", "motorway", "railway")
_ROAD_AFTER = re.compile(r"(?:\s*[-–—/]\s*(?:[\w'’]+[\s-]+){0,3}?[\w'’]+)?\s+(?:highway|motorway|road|railway)\b")
_ROAD_BEFORE = re.compile(r"\b(?:highway|motorway|road|railway)\s+(?:between|linking|connecting|from)\s+"
                          r"(?:[^,.;]{0,40}?\s(?:and|to|with)\s+)?$")
_DISTRICT_AFTER = re.compile(r"\s+(?:[Dd]istrict|[Ss]ub-?district)\b")


def passing_places(text: str) -> frozenset[str]:
    """The gazetteer places (their GeoNames names) a statement names only as an end of a road, or only as the
    district another place it names lies in (``_ROAD_AFTER``, ``_ROAD_BEFORE``, ``_DISTRICT_AFTER``): not the
    statement's places for the rules, when it names another place. A place named so and again elsewhere in the
    text is kept."""
    lowered = text.lower()
    if not any(w in lowered for w in _ROAD_NOUNS) and "district" not in lowered:
        return frozenset()
    from .places import match_places

    def passing(p) -> bool:
        return bool(_ROAD_AFTER.match(text, p.end) or _ROAD_BEFORE.search(text[max(0, p.start - 80):p.start])
                    or _DISTRICT_AFTER.match(text, p.end))

    named = [(p.name, passing(p)) for p in match_places(text)]
    kept = {name for name, by_the_way in named if not by_the_way}     # (named once outside a road or a district)
    if not kept:
        # nothing else places it: "occurred in the Afrin District" is in the district's town, and "captured two
        # villages, coming close to cutting off the main road between Dayr Hafir and Maskanah" lies along that road
        return frozenset()
    return frozenset(name for name, by_the_way in named if by_the_way) - kept


# A town named only in the name of an armed group ("the Jarabulus Military Council", "the Raqqa Revolutionaries
# Brigade", "the Afrin Liberation Forces") is where the group comes from, not where the happening was, when the
# statement names another place: "the YPG refused to withdraw from Manbij, while the Jarabulus Military Council
# declared ..." is in Manbij, not in Jarabulus (captured that day, another event). With no other place named the
# group's town is kept: "the Manbij Military Council fought ISIL" fights in its town (``places.is_institution``
# keeps a military council's town as a place for the extractor; this is for the rules only).
_GROUP_NOUNS = ("Military Council", "Revolutionar", "Brigade", "Battalion", "Liberation")   # one is in every match
_GROUP_AFTER = re.compile(r"(?:['’]s?)?\s+(?:Military\s+Council|Revolutionar(?:y|ies)|Brigades?|Battalions?|"
                          r"Liberation\s+(?:Forces|Front|Army|Movement))\b")


def group_name_places(text: str) -> frozenset[str]:
    """The gazetteer places (their GeoNames names) a statement names only inside the name of an armed group
    (``_GROUP_AFTER``: "the Jarabulus Military Council"), when it names another place: not the statement's
    places for the rules. A place named so and again elsewhere in the text is kept."""
    if not any(w in text for w in _GROUP_NOUNS):
        return frozenset()
    from .places import match_places

    named = [(p.name, bool(_GROUP_AFTER.match(text, p.end))) for p in match_places(text)]
    kept = {name for name, in_a_name in named if not in_a_name}
    if not kept:
        return frozenset()      # nothing else places it: the group's town is where it acts
    return frozenset(name for name, in_a_name in named if in_a_name) - kept


def _without_city_part_names(out: pd.DataFrame) -> pd.DataFrame:
    """The mentions with, among their ``places``, no gazetteer place that is only the name of a part
    of a city they name: "occurred in Al-Bab road district, Aleppo" is in Aleppo, not in al-Bab (for
    the rules; the published places stay the extractor's), nor one named only as an end of a road or as
    the district of another place named (``passing_places``), or only in an armed group's name
    (``group_name_places``)."""
    keys = [city_part_keys(t) for t in out["text"]]
    passing = [passing_places(t) | group_name_places(t) for t in out["text"]]
    if not any(keys) and not any(passing):
        return out
    places = [[p for p in ps if transliteration_key(_fine_name(p)) not in k and p not in q] if k or q else ps
              for ps, k, q in zip(out["places"], keys, passing)]
    if all(len(a) == len(b) for a, b in zip(places, out["places"])):
        return out
    rules = out.copy(deep=False)
    rules["places"] = places
    return rules


def context_places(out: pd.DataFrame, anaphora: np.ndarray) -> pd.DataFrame:
    """The mentions as the rules read them: a statement that names no place finer than a governorate
    but refers back to one ("It was captured ...", "... of the town") takes the place its extraction
    found in its context (``geo_basis`` paragraph, section or subject, a gazetteer place) as its
    own, with basis ``anaphora`` (a stated place for the rules, ``_stated``). ``out`` itself is left
    as extracted: the published ``places`` and ``geo_basis`` are the extractor's.

    A statement whose location is a settlement the gazetteer lacks (``geo_basis`` unlisted:
    "attacking the village of Um Mayyal, ... west of Manbij") names that place too, beside the
    gazetteer place it names: it is among its ``places`` for the rules, so that "the village
    taken" placed there by its context is the same place (one that names no gazetteer place keeps
    none: a name of its own alone would keep it apart from every placed statement)."""
    if "geo_basis" not in out or "location" not in out or "latitude" not in out:
        return out
    out = _without_city_part_names(out)
    placeless = np.fromiter((not any(not p.endswith(" Governorate") and p != "Syria" for p in ps)
                             for ps in out["places"]), dtype=bool, count=len(out))
    unlisted = ((out["geo_basis"] == "unlisted").to_numpy(dtype=bool) & out["location"].notna().to_numpy(dtype=bool)
                & ~placeless & np.fromiter((isinstance(loc, str) and loc not in ps
                                            for loc, ps in zip(out["location"], out["places"])),
                                           dtype=bool, count=len(out)))
    take = (anaphora & placeless & out["geo_basis"].isin(CONTEXT_BASES).to_numpy(dtype=bool)
            & (out["geo_precision"] == "place").to_numpy(dtype=bool) & out["location"].notna().to_numpy(dtype=bool)
            & out["latitude"].notna().to_numpy(dtype=bool))      # a gazetteer place (an unlisted name has no coordinates)
    if not take.any() and not unlisted.any():
        return out
    rules = out.copy(deep=False)
    rules["places"] = [list(ps) + [loc] if t or u else ps
                       for ps, loc, t, u in zip(out["places"], out["location"], take, unlisted)]
    rules["geo_basis"] = np.where(take, "anaphora", out["geo_basis"].to_numpy(dtype=object))
    return rules


def _context_place_bonus(a: dict, b: dict) -> float:
    """What ``pair_score`` added for a place the two share only because one of them took it from its
    context (``context_places``), when both are statements of one document: the document's own
    context is no evidence that two of its statements tell one event (0.0 otherwise)."""
    if a["doc_id"] != b["doc_id"] or "anaphora" not in (a.get("geo_basis"), b.get("geo_basis")):
        return 0.0
    shared = a["_places"]["place"] & b["_places"]["place"]
    # a statement placed by anaphora names no place of its own finer than a governorate
    own = [set() if r.get("geo_basis") == "anaphora" else r["_places"]["place"] for r in (a, b)]
    if not shared or shared & own[0] & own[1]:
        return 0.0
    bonus = 0.15 - (0.05 if a["_places"]["governorate"] & b["_places"]["governorate"] else 0.0)
    if a["_kinds"] & b["_kinds"] and a["date_precision"] == b["date_precision"] == "day" and a["_start"] == b["_start"]:
        bonus += 0.05
    return bonus


INHERITED_EVIDENCE = "one takes its date from the other, the sentence before it in its paragraph, and tells more of it"
RETOLD_EVIDENCE = "one attack told again in one section of its document: same day, same kind of facility, no party added"


def _proper_names(r: dict) -> set[str]:
    """Capitalised words of a statement past its first word that name neither a place nor an actor
    of it: the persons and things it names ("Khalaf", "Ahrar"). A word inside a place the gazetteer
    matches in the text is a place however it is spelled ("Ayn Issa" for the gazetteer's "‘Ayn
    ‘Īsá"): two statements naming one town are not naming one person or thing."""
    from .places import match_places

    text = r["text"]
    spans = [(p.start, p.end) for p in match_places(text)]
    words = list(_WORD.finditer(text))[1:]
    named = " ".join(list(r["places"]) + list(r["actors"])).lower()
    return {w for m in words if (w := m.group(0))[0].isupper() and w.lower() not in _STOP and w.lower() not in named
            and not any(a <= m.start() < b for a, b in spans)}


# The toll of a happening: its victims are the subject of a passive verb of harm ("Over 100 Russian
# mercenaries were reported to have been killed and hundreds more were injured").
_TOLL = re.compile(r"\b(?:were|was|been|are|is)\s+(?:\w+\s+){0,4}?(?:killed|wounded|injured|executed)\b",
                   re.IGNORECASE)


# Fighters taken prisoner are a toll too ("Dozens of militants were killed on both sides while several
# fighters of Ahrar al-Sham were reportedly captured"): people captured, not a place.
_CAPTIVES = re.compile(r"\b(?:fighters|soldiers|troops|militants|members|civilians|people|rebels|commanders|officers|"
                       r"personnel|gunmen|men)\b(?:\s+(?:of|from)\s+(?:the\s+)?[\w'’\-]+(?:\s+[\w'’\-]+){0,3}?)?"
                       r"\s+(?:were|was|had\s+been|have\s+been)\s+(?:\w+ly\s+)?"
                       r"(?:captured|taken\s+(?:prisoner|captive)|abducted|kidnapped)\b", re.IGNORECASE)


_BY = re.compile(r"\bby\b[^,.;]*", re.IGNORECASE)


def _toll(r: dict, source: dict) -> bool:
    """``r`` tells only who was killed, injured or taken prisoner (``_TOLL``, ``_CAPTIVES``; no other
    kind of action) and names no new doer ("... were injured by a VBIED planted by ISIL" is another
    attack): the actors it names are the victims of the happening before it, not a new party acting."""
    from .actors import match_actors

    captives = _CAPTIVES.search(r["text"])
    kinds = action_kinds(_CAPTIVES.sub(" ", r["text"])) if captives else r["_kinds"]
    if not (kinds <= {"fighting"} and (captives or _TOLL.search(r["text"]))):
        return False
    doers = {a for m in _BY.finditer(r["text"]) for a in match_actors(m.group(0))}
    return doers <= set(source["actors"])


def _toll_only(text: str) -> bool:
    """The statement tells who was killed or injured and no other action ("Five SDF troops were wounded
    and one was killed, per the SDF."): its targets are victims, not the party an attack was made on."""
    return bool(_TOLL.search(text)) and not _ACTION_RE.search(_TOLL.sub(" ", text))


def _names_it_again(source: dict, r: dict) -> bool:
    """``r`` names again a person or thing its source names and tells the same kind of action:
    "Ahrar al-Sharqiya executed Hevrin Khalaf" / "Nine civilians, including Khalaf, were executed
    ... at a roadblock on the M4 highway south of Tal Abyad" is one execution, told on with where it
    happened, so the place it adds is not a new happening."""
    return bool(source["_kinds"] & r["_kinds"]) and bool(_proper_names(r) & _proper_names(source))


def _other_side(source: dict, r: dict) -> bool:
    """The source's doer is ``r``'s target: "the Syrian Army captured two villages" / "the rebels
    clashed with the Syrian Army" tells what the other side did, a new happening. (A passive "by"
    names the doer after the verb: no roles are read from such a statement here.)"""
    return bool(source["_roles"][0] & r["_roles"][1]) and not re.search(r"\bby\b", r["text"])


# Fending off an attack is part of it: "The Syrian Army repelled the attack, killing 20 rebels".
_FENDS_OFF = re.compile(r"\b(?:repel\w*|repuls\w*|fend\w*\s+off|fought\s+off|beat\s+back|resist\w*|defend\w*|"
                        r"thwart\w*|foil\w*)\b|\bthe\s+(?:attack|assault|offensive|raid)\b", re.IGNORECASE)


def _answers(source: dict, r: dict) -> bool:
    """``r``'s doer is the source's target: "rockets hit the Israeli-controlled Golan Heights" /
    "Israel targeted at least three government-held military positions" is the answer of the side
    that was hit, a new happening (a retaliation), unless ``r`` tells it fending the attack off
    ("repelled the attack": ``_FENDS_OFF``). A passive "by" names the doer after the verb: no roles
    are read from such a statement here."""
    return bool(r["_roles"][0] & source["_roles"][1]) and not re.search(r"\bby\b", r["text"]) \
        and not _FENDS_OFF.search(r["text"])


# a retreat told as done or under way ("withdrew", "were retreating", "were forced to retreat"), not
# demanded or pledged ("demanding that HTS withdraw from a locality")
_RETREAT = re.compile(r"\b(?:withdrew|withdrawn|withdrawing|pulled\s+out|pulling\s+out|retreated|retreating|fled|fleeing|"
                      r"abandoned|(?:forced|had|began|begun|started|decided)\s+to\s+(?:withdraw|retreat|pull\s+out|flee|abandon))\b",
                      re.IGNORECASE)


def _loser_retreats(source: dict, r: dict) -> bool:
    """``source`` tells a capture and ``r`` only a retreat ("rebels captured the Qarmeed Brick
    Factory base" / "Syrian troops were forced to retreat after the main facility caught on
    fire"), by a side ``source`` does not name as the capturer: the side that lost the place
    withdrawing is the capture told from the other side, not another kind of action. Civilians
    evacuating is no retreat."""
    return (source["_kinds"] - {"fighting"} == {"capture"} and r["_kinds"] - {"fighting"} == {"withdrawal"}
            and bool(_RETREAT.search(_action_matches(r["text"])[0]))
            and not (set(r["actors"]) & source["_roles"][0]))


def fold_name(text: str) -> str:
    """Lower case, letters and digits only: "Tal SyrianTel" and "Tal Syriantel" fold alike."""
    return re.sub(r"[^0-9a-z]+", "", text.lower())


# "according to X" names its source up to the clause's end; a list of named sources runs on over its
# commas to its last name ("According to Turkish President Erdogan, the SDF, and SOHR, the helicopter
# was shot down"): each item a capitalised name, the list closed by a comma before the main clause
_SOURCE_NAME = r"(?:the\s+)?[A-Z][\w'’.\-]*(?:\s+(?:of\s+)?[A-Z][\w'’.\-]*){0,4}"
_ACCORDING_TO = re.compile(r"\b(?i:according\s+to)\s+(?:" + _SOURCE_NAME + r"\s*,\s*)+(?:and\s+)?" + _SOURCE_NAME
                           + r"(?=\s*,)|\b(?i:according\s+to)\b[^,;:]*")


# The subject of "reported" or "confirmed" (verbs ``_SPEECH`` leaves out: "X reported that ..." retells, it is
# no statement of X's own), with what ``_SPEECH`` allows before its verb: "In contrast, the SOHR reported", "The
# Syrian Observatory for Human Rights confirmed that an attack had targeted the location"
_REPORTED_BY = re.compile(_SPEECH.pattern.split("(?:said|", 1)[0] + r"(?:reported|reports|confirmed|confirms)\b")


@lru_cache(maxsize=1 << 14)
def reporters(text: str) -> frozenset[str]:
    """The actors a statement names only as the source of what it tells: the speaker of reported
    speech that retells a happening ("SOHR said 12 Islamic State fighters attacked the SDF": SOHR,
    see ``_reported_happening``), the subject of "reported" telling one ("In contrast, the SOHR
    reported the deaths of 32 Syrian Army soldiers": another account of the attack told before it,
    ``_REPORTED_BY``; not "ISIL confirmed it conducted ...": its own act) and the source of "according
    to X". They tell who told it, not who took part, so they are no new party of the happening told
    before."""
    from .actors import match_actors

    spans = [m.group(0) for m in _ACCORDING_TO.finditer(text)]
    m = _SPEECH.match(text)
    if m and _reported_happening(text, m):
        spans.append(m.group(0))
    # (not a party reporting its own act: "ISIL confirmed it conducted a suicide attack" names its doer)
    m = _REPORTED_BY.match(text)
    if m and _reported_happening(text, m) and not _OWN_ACT.match(text, m.end()):
        spans.append(m.group(0))
    return frozenset(a for span in spans for a in match_actors(span))


# the means of an attack: from the air, or by fire from the ground
_AIR_MEANS = re.compile(r"\b(?:air\s*-?\s*strikes?|air\s+raids?|warplanes?|(?:fighter\s+)?jets|helicopters?|barrel\s+bombs?|"
                        r"drone\s+strikes?)\b", re.IGNORECASE)
_GROUND_MEANS = re.compile(r"\b(?:shell(?:s|ed|ing)|artillery\s+(?:fire|shell\w*|barrages?|strikes?|bombardment)|"
                           r"mortar\s+(?:fire|shells?|rounds?|attacks?)|mortars|tank\s+fire)\b", re.IGNORECASE)
# (a thing named, "an artillery base", "destroyed a tank", is no means)


def _other_means(source: str, text: str) -> bool:
    """One sentence tells its attack by air and the other by fire from the ground, neither both
    ("seven people were killed in Turkish shelling on Afrin" / "Between eight and ten pro-government
    fighters were killed in Turkish airstrikes to the south of Afrin"): of two attacks (``goes_on_about``
    asks it only when both tell fighting and no capture, where the means may be the cover of an
    advance), the one after tells another attack, not more of the one before."""
    a_air, a_ground = bool(_AIR_MEANS.search(source)), bool(_GROUND_MEANS.search(source))
    b_air, b_ground = bool(_AIR_MEANS.search(text)), bool(_GROUND_MEANS.search(text))
    return (a_air != a_ground) and (b_air != b_ground) and a_air != b_air


# Two forces fighting on the ground, and a strike from the air (any aircraft, not anti-aircraft fire)
_GROUND_CLASH = re.compile(r"\b(?:clash(?:ed|es|ing)?|fought|firefights?|gun\s*battles?|gunfights?|skirmish(?:ed|es)?)\b",
                           re.IGNORECASE)
_FROM_THE_AIR = re.compile(_AIR_MEANS.pattern[:-3] + r"|(?<!anti-)(?:military\s+)?aircraft|(?<!anti-)(?:war)?planes?)\b",
                           re.IGNORECASE)
# what is not the statement's own attack: what it led to or answered ("ISIL militants attacked SDF fighters
# near the al-Omar oilfield, triggering airstrikes by the U.S.-led Coalition"), the air cover of a ground
# advance ("backed by", "supported by", "under cover of", "despite heavy airstrikes in their support")
_NOT_ITS_MEANS = re.compile(r"\b(?:triggering|prompting|provoking|sparking|followed\s+by)\b[^.;]*|"
                            r"\bin\s+(?:response|retaliation|reply)\s+(?:to|for)\b[^,.;]*|"
                            r"\b(?:backed|supported|covered|aided|assisted|accompanied)\s+by\b[^,.;]*|"
                            r"\bunder\s+(?:the\s+)?cover\s+of\b[^,.;]*|\bdespite\b[^,.;]*|\bin\s+(?:their|its|his)\s+support\b|"
                            r"\b(?:with|amid|amidst)\b[^,.;]*?\b(?:air\s+)?(?:support|cover)\b", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)       # a pure function of a text, asked by every comparison of two attacks
def attack_means(text: str) -> str | None:
    """How a sentence tells its own attack was made: "air" (airstrikes, air raids, warplanes, aircraft,
    helicopters, barrel bombs, drones, and no ground fire nor clash) or "clash" (forces that clashed,
    fought or exchanged fire on the ground, and no aircraft); None otherwise ("the attack", "clashes
    backed by airstrikes", "aircraft shelled the market"). What the attack led to or answered, and
    the air cover of a ground advance, are left out (``_NOT_ITS_MEANS``)."""
    text = _NOT_ITS_MEANS.sub(" ", text)
    air, clash, fire = bool(_FROM_THE_AIR.search(text)), bool(_GROUND_CLASH.search(text)), bool(_GROUND_MEANS.search(text))
    if air and not clash and not fire:
        return "air"
    if clash and not air:
        return "clash"
    return None


def strike_and_clash(a: str, b: str) -> bool:
    """One statement tells a strike from the air and the other a clash of forces on the ground ("three
    Turkish soldiers were killed ... in an unintentional airstrike on a building near al-Bab" / "the rebels
    clashed with the Syrian Army for the first time near al-Bab"): two attacks, not one told twice.
    Reporters tell how an attack was made as part of what happened, and nobody tells an air strike
    as a clash; only an air strike against ground fire ("shelling") is left alone, as sources
    differ on that ("Turkish airstrikes have seriously damaged an ancient temple" / "Turkish shelling
    had seriously damaged the ancient temple of Ain Dara"). Asked by ``conflict`` of two statements
    that tell fighting and nothing else: with a capture, the means may be the cover of an advance."""
    means = {attack_means(a), attack_means(b)}
    return means == {"air", "clash"}


def condemns_it(source: dict, r: dict) -> bool:
    """``r`` condemns, denounces or criticises something (``_CONDEMNED``) and ``source``, the sentence it takes its
    date from, does not: the condemnation is the reaction to the source's happening, not more of it, even when
    its speaker is not what the sentence opens with ("The Turkish military did not seek permission from Syria to
    carry out the mission, the Syrian Foreign Ministry condemned the move" after "a convoy of Turkish troops
    entered Syria to evacuate the tomb": ``is_statement`` reads speech from the sentence's opening, ``_disputes``
    from it). A source that is speech itself is gone on about by its speaker's criticism ("Erdogan said ... He
    also criticized the European Union of lying")."""
    return not source["_statement"] and bool(_CONDEMNED.search(r["text"])) and not _CONDEMNED.search(source["text"])


def goes_on_about(source: dict, r: dict) -> bool:
    """Whether ``r``, a statement that takes its date from ``source`` (the dated statement before it
    in its paragraph, ``inherits_from``), tells more of the same happening ("The fighting displaced
    40,000 people.", "Sarin might be used in this attack.") rather than a new one: it marks no new
    happening (``_NEW_HAPPENING``), names no actor and no place the source does not (a new agent
    or a new town is a new happening: "Al-Nusra retaliated by shelling ..."; a new place is allowed
    when it names again the source's person or thing, ``_names_it_again``, or when ``r`` opens by
    naming the source's happening, ``refers_to_the_event``: "During the attack, ... rebels captured
    al-Moqbili village"), does not tell what the source's doer underwent (``_other_side``) nor what
    the source's target did next (``_answers``), is a statement (speech) exactly when the source
    is, and breaks no cannot-link with it (``conflict``; naming the weapon of an attack told
    without one is not a different action; a place named by a sentence that names the source's
    happening is where it went)."""
    # a sentence that opens by naming the source's happening tells its end in its first clause ("The breakout was
    # foiled, and some of the prisoners were subsequently distributed to other detention centers"): a marker of
    # what came next counts only there
    told = r["text"]
    if refers_to_the_event(told):
        told = re.split(r"[,;]", told, maxsplit=1)[0]
    if _NEW_HAPPENING.search(told) or r["_statement"] != source["_statement"] or condemns_it(source, r):
        return False
    if not set(r["actors"]) - reporters(r["text"]) <= set(source["actors"]) and not _toll(r, source) \
            and not _loser_retreats(source, r):
        return False
    anaphor = refers_to_the_event(r["text"])      # "During the attack, ...": where it went, not a new place
    # a source that names no place finer than a governorate is located by the sentence after it
    # that tells what the source's own doers did there and no action of its own ("the second round
    # of joint Russian-Turkish patrols were held" / "Russian and Turkish military vehicles
    # patrolled for 160 km between Kobani and Tell Abyad"); an attack or a capture told with a place
    # after it may be another one, and a sentence naming no doer ("Most the medical points in Idlib
    # are full of injured") tells of the place, not where the source happened
    located = not source["_places"]["place"] and not r["_kinds"] and len(r["actors"]) > 0 \
        and set(r["actors"]) <= set(source["actors"])
    if not anaphor and not located and not r["_places"]["place"] <= source["_places"]["place"] \
            and not _names_it_again(source, r):
        return False
    if _other_side(source, r) or _answers(source, r):
        return False
    if source["_kinds"] == r["_kinds"] == {"fighting"} and _other_means(source["text"], r["text"]):
        return False        # "seven people were killed in Turkish shelling" / "... killed in Turkish airstrikes"
    if r["_kinds"] & _ATTACKS and not source["_kinds"] and not _HEADER_BLOCK.match(source["text"]):
        return False        # an attack told after a sentence that tells no action (a speech, a state) is news
        # (but not after an incident page's header card, which names its attack by place and day with no verb)
    unlisted = r.get("location") if r.get("geo_basis") == "unlisted" else None
    if isinstance(unlisted, str) and fold_name(unlisted) not in fold_name(source["text"]) \
            and not _names_it_again(source, r) and not anaphor:
        return False        # a settlement the gazetteer lacks, named here and not in the source: a new place
    why = conflict(source, r)
    if why == "different_action" and _loser_retreats(source, r):
        why = conflict({**source, "_kinds": r["_kinds"]}, r)      # the capture told by the side that lost
    return why is None or (anaphor and why == "different_place") or (why == "different_action" and _names_the_weapon(source["_kinds"], r["_kinds"])
                           and conflict({**source, "_kinds": r["_kinds"]}, r) is None)


def _km(a: tuple[float, float] | None, b: tuple[float, float] | None) -> float | None:
    if a is None or b is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


_VICINITY = guarded(re.compile(r"\b(?:around|near|nearby|outside|outskirts|countryside|vicinity|surrounding|"
                       r"environs|province|governorate|region|areas?\s+of)\b", re.IGNORECASE))


def _near_radius(a_vicinity: bool, b_vicinity: bool) -> float:
    return VICINITY_KM if a_vicinity or b_vicinity else NEAR_KM


def _report_lag(a: dict, b: dict) -> bool:
    """One is a current-events item dated the day after the other (items are dated when reported)."""
    items = {"headline", "related"}
    later, earlier = (a, b) if a["_start"] > b["_start"] else (b, a)
    return (later["kind"] in items and earlier["kind"] not in items
            and (later["_start"] - earlier["_start"]).days == 1)


_DEATH = guarded(re.compile(r"\b(?:killed|died|dies|death|assassinated|executed)\b", re.IGNORECASE))
_FULL_NAME = re.compile(r"\b[A-Z][a-z]+(?:[\s\-]+(?:al-|el-)?[A-Z][a-z]+)+\b")


def _one_death(a: dict, b: dict) -> bool:
    """Both name one person by a full name (two or more capitalised words that are neither a place
    nor an actor), on days one apart, and one tells the person's death while the other tells it too
    or is a row of a table that tells no action (a table of the fallen: "Hossein Hamadani – Major general, ... – 7 October 2015"
    / "On 8 October 2015, brigadier general Hossein Hamadani ... was killed"): a person dies once, and
    sources date a death told a day later by the day they learnt of it."""
    if abs((a["_start"] - b["_start"]).days) != 1:
        return False
    deaths = [bool(_DEATH.search(r["text"])) for r in (a, b)]
    if not any(deaths) or not all(d or (not r["_kinds"] and r["text"].count(" – ") >= 2) for d, r in zip(deaths, (a, b))):
        return False            # (the other tells no action: a row of a table of the fallen, its cells joined by " – ")

    def names(r: dict) -> set[str]:
        proper = _proper_names(r)           # (past the first word, which a list item's name may be)
        first = _WORD.match(r["text"].lstrip(" -–*"))
        if first and first.group(0).lower() not in _STOP and first.group(0).lower() not in \
                " ".join(list(r["places"]) + list(r["actors"])).lower():
            proper.add(first.group(0))
        return {fold_name(m.group(0)) for m in _FULL_NAME.finditer(r["text"])
                if all(w in proper for w in re.split(r"[\s\-]+", m.group(0)) if w not in ("al", "el"))}
    return bool(names(a) & names(b))


# Words of the names of institutions, not of people ("Islamic Revolutionary Guard Corps", "Syrian Arab Army")
_INSTITUTION_WORDS = frozenset("""army armies forces force corps guard guards brigade brigades battalion regiment division
    front council ministry ministries party movement organization organisation committee coalition group groups state
    republic revolutionary islamic national democratic arab syrian union agency command office observatory network
    government""".split())


def _person_names(r: dict) -> set[str]:
    """The full names of people a statement names, folded: two or more capitalised words (``_FULL_NAME``; the
    parts of a hyphenated surname each a name) that are proper names of it, neither a place nor an actor
    (``_proper_names``; its first word too, which a list item's or a table row's name may be), and no word of an
    institution's name (``_INSTITUTION_WORDS``)."""
    proper = _proper_names(r)
    first = _WORD.match(r["text"].lstrip(" -–*"))
    if first and first.group(0).lower() not in _STOP and first.group(0).lower() not in \
            " ".join(list(r["places"]) + list(r["actors"])).lower():
        proper.add(first.group(0))
    pieces = {p for w in proper for p in w.split("-")}
    out = set()
    for m in _FULL_NAME.finditer(r["text"]):
        words = [w for w in re.split(r"[\s\-]+", m.group(0)) if w not in ("al", "el")]
        if all(w in pieces for w in words) and not any(w.lower() in _INSTITUTION_WORDS for w in words):
            out.add(fold_name(m.group(0)))
    return out


def _year_margin(a: dict, b: dict) -> float:
    """What a statement dated only to its year and one dated to a month or a day (candidates only within one
    document: ``pipeline.candidates``) must score above ``THRESHOLD`` to be merged (inf: never). A summing-up by
    the year ("In 2015, Amnesty International issued a detailed report about Aleppo", "In 2014, the number
    swelled over a million") shares the year and the article's recurring names with many statements of its
    body, so it is one of them only with a score of ``YEAR_WITHIN_THRESHOLD`` and the same kind of action ("In
    2015, suspected Hezbollah militants launched a retaliatory attack on Israeli forces in Shebaa farms" / "On 28
    January, Hezbollah fired an anti-tank missile at an Israeli military convoy in the Shebaa farms") or the same
    person named in full ("In the fall of 2013 Iranian Brigadier General Mohammad Jamali-Paqaleh ... was killed"
    / a row of a table of the fallen, "Mohammad Jamali-Paqaleh – Brigadier general ... – November 2013"). The
    threshold is calibrated on the seeds: of the year statements that met their document's statements, those
    joined at 0.4 or more with such evidence were re-tellings, those under it mostly not. A function of the
    two statements (not of the score), as the merge's parts need (``_merge_in_batches``)."""
    if a["date_precision"] == b["date_precision"] == "year":
        # two statements dated only to a year share a year, not a date: "Hezbollah began its participation in the
        # Siege of Deir ez-Zor in 2016" / "Wagner PMCs were notably involved in both Palmyra offensives in 2016 and
        # 2017, as well as ... the Battle of Deir ez-Zor" share a place and a year and are two events; they are one
        # only with a score of ``YEAR_WITHIN_THRESHOLD`` (across documents as within one)
        return YEAR_WITHIN_THRESHOLD - THRESHOLD
    if (a["date_precision"] == "year") == (b["date_precision"] == "year"):
        return 0.0      # (neither is dated only to a year)
    # one person: the same full name, told with or without a title before it ("Iranian Brigadier General
    # Mohammad Jamali-Paqaleh" / "Mohammad Jamali-Paqaleh")
    same_person = any(x.endswith(y) or y.endswith(x) for x in _person_names(a) for y in _person_names(b))
    if not (a["_kinds"] & b["_kinds"]) and not same_person:
        return math.inf
    return YEAR_WITHIN_THRESHOLD - THRESHOLD


def _month_day_margin(a: dict, b: dict) -> float:
    """What a statement dated only to its month and one dated to a day of that month, of two documents, must score
    above ``THRESHOLD`` to be merged: ``MONTH_DAY_THRESHOLD``. A month is thirty days of happenings; a statement of
    the month shares its month, its governorate and the article's recurring words with many days' statements of
    another document ("In October 2016, major clashes erupted between Ahrar al-Sham and Jund al-Aqsa in the Idlib
    province" / "On 9 October, Jund al-Aqsa was expelled from 3 more villages in Idlib"; "From November 2016, more
    than 300 U.S. Special Operations Forces were embedded to train SDF fighters in the Raqqa offensive" / "At least
    five SDF fighters were killed in renewed clashes north of Raqqa on 29 November"), so a few shared words are no
    evidence that the day is the month's happening; a re-telling shares more: a score of ``MONTH_DAY_THRESHOLD``
    ("In late December 2015, the SDF captured the Tishrin Dam" / "The SDF ... seize control of the strategic
    Tishrin Dam"), ``MONTH_DAY_WORDS`` content words ("On 27 October 2019, Abu Bakr al-Baghdadi was killed during
    the Barisha raid" / "ISIL's leader, Abu Bakr al-Baghdadi, died during a US special operations raid ... in
    October 2019"), a number of two digits or more ("the 11th MEU" / "the 11th Marine Expeditionary Unit"; one
    digit is as often a day or a small count of two happenings) or a kind of struck facility ("On 5 May, 30 people
    died in the Kamuna refugee camp massacre" / "the air strikes on a refugee camp in Idlib on 5 May"). Calibrated on the seeds' merges of such pairs
    outside the held-out pairs' events: of those under 0.42, three in four were two happenings, and most of the
    re-tellings among them shared five words or more.
    Within one document the lead's month and the body's day are ``_year_margin``'s and the section rules' to judge.
    A function of the two statements (not of the score), as the merge's parts need (``_merge_in_batches``)."""
    if a["doc_id"] == b["doc_id"] or {a["date_precision"], b["date_precision"]} != {"day", "month"}:
        return 0.0
    if len(a["_words"] & b["_words"]) >= MONTH_DAY_WORDS or any(len(n) > 1 for n in a["_nums"] & b["_nums"]) \
            or a["_facilities"] & b["_facilities"]:
        return 0.0      # many words shared, a number of two digits or more (a count, a unit: "the 11th MEU"), or
        # the kind of facility struck ("the Kamuna refugee camp massacre" / "the air strikes on a refugee camp")
    return MONTH_DAY_THRESHOLD - THRESHOLD


def _located_at(r: dict) -> tuple[float, float] | None:
    """A mention's location as a coordinate when it is a place (any ``geo_basis``: stated, or found in its
    paragraph, section or subject), else None."""
    lat, lon = r.get("latitude"), r.get("longitude")
    if r.get("geo_precision") != "place" or lat is None or lon is None or pd.isna(lat) or pd.isna(lon):
        return None
    return float(lat), float(lon)


def _far_apart_margin(a: dict, b: dict) -> float:
    """What two statements located at places more than ``FAR_APART_KM`` apart and naming no place in common must
    score above ``THRESHOLD`` to be merged: ``FAR_APART_THRESHOLD``. A location its statement does not state (found
    in its paragraph, section or the article's subject) is no evidence for ``different_place``, as it may be the
    context's and not the happening's; but two ends of the country are rarely one happening's context, so a few
    words of one day ("At 10 p.m. on 21 February, the offensive was launched by ISIL" in an article on Khanasir /
    "Late on 21 February, ISIL forces launched a counterattack, in an attempt to recapture the city" in one on
    al-Shaddadi, 290 km apart) do not make them one. Calibrated on the seeds' merges outside the held-out pairs'
    events: of those located over 200 km apart with no place shared, the ones under 0.4 were two happenings, and
    the re-tellings among those further than 100 km apart scored 0.38 and 0.39 (kept: 128 and 155 km)."""
    here, there = _located_at(a), _located_at(b)
    if here is None or there is None or a["_places"]["place"] & b["_places"]["place"]:
        return 0.0
    km = _km(here, there)
    return FAR_APART_THRESHOLD - THRESHOLD if km is not None and km > FAR_APART_KM else 0.0


def _margin_of(a: dict, b: dict, never: bool) -> float:
    """The margin the merge asks of a scored pair: ``_margins``; of a pair a cannot-link of the two statements
    themselves refuses whatever their clusters (``never``, ``_never_joined``), only ``_year_margin``, so that
    the rule that refuses it is still logged in ``cannot_link`` when the other margins would have passed it over
    (they decide no merge of such a pair; they would only hide why it was refused)."""
    return _year_margin(a, b) if never else _margins(a, b)


def _only_the_date_margin(a: dict, b: dict) -> float:
    """What two statements that share no place and no struck facility, and no content word but the numbers of
    their dates and one other, must score above ``THRESHOLD`` to be merged: ``DATE_ONLY_THRESHOLD``. The day and
    the year are content words ("On 15 February 2016, Turkey hit again Kurdish forces in Syria" / "On 15 February
    2016, the town was taken by the YPG-led Syrian Democratic Forces" share "15" and "2016" and nothing else), so
    two short statements of one day score as if they shared words; the day is already their date's evidence.
    Calibrated on the seeds' merges outside the held-out pairs' events: of those sharing no more than this, the
    ones that shared no place and no facility were all two happenings (a strike and an advance, a denial and a
    truce, the army's executions and the rebels' capture), those sharing one were mostly one. A name both write
    capitalised is more than a word ("the capture of Dabiq by Turkish/FSA-allied forces on 16 October" / "The next
    day, both Dabiq, the nearby town of Sawran and seven other villages were seized")."""
    shared = _as_set(a["_words"]).intersection(b["_words"])
    if len(shared) > 5 or a["_places"]["place"] & b["_places"]["place"] or a["_facilities"] & b["_facilities"]:
        return 0.0
    dates = {str(a["_start"].day), str(a["_start"].year), str(b["_start"].day), str(b["_start"].year)}
    rest = shared - dates
    if len(rest) > 1 or (rest and _named_in_both(next(iter(rest)), a["text"], b["text"])):
        return 0.0      # (a name both write capitalised is a place or a party the gazetteer lacks: "Dabiq")
    return DATE_ONLY_THRESHOLD - THRESHOLD


def _named_in_both(word: str, x: str, y: str) -> bool:
    """Whether a content word (lower case, light-stemmed) begins a capitalised word in both texts."""
    pattern = re.compile(r"\b" + re.escape(word), re.IGNORECASE)
    return all(any(m.group(0)[:1].isupper() for m in pattern.finditer(t)) for t in (x, y))


def _margins(a: dict, b: dict) -> float:
    """The margin above ``THRESHOLD`` two statements must score to be merged: the largest their precisions
    (``_year_margin``, ``_month_day_margin``), their locations (``_far_apart_margin``) and their words
    (``_only_the_date_margin``) ask for."""
    return max(_year_margin(a, b), _month_day_margin(a, b), _far_apart_margin(a, b), _only_the_date_margin(a, b))


# a happening told in the small hours ("In the early morning of 2 December", "overnight", "at dawn")
# lies just after midnight: another source may date it by the night before. Only across documents (a
# writer dates one night one way) and only that way round (the night of a day is that day's own).
_SMALL_HOURS = re.compile(r"\b(?:overnight|after\s+midnight|dawn|daybreak|pre-?dawn|early\s+(?:morning|hours))\b",
                          re.IGNORECASE)


def _across_midnight(a: dict, b: dict) -> bool:
    """Two documents' statements dated a day apart, the later one telling the happening in the small
    hours (``_SMALL_HOURS``): "1 December 2017 - Al-Kiswah: ... was targeted" and "In the early
    morning of 2 December 2017, a military site near Al-Kiswah was attacked" are one night's strike."""
    later, earlier = (a, b) if a["_start"] > b["_start"] else (b, a)
    return (later["doc_id"] != earlier["doc_id"] and (later["_start"] - earlier["_start"]).days == 1
            and bool(_SMALL_HOURS.search(later["text"])))


_THEN = re.compile(r"\b(?:then|later|afterwards|subsequently|thereafter|after\s+that)\b", re.IGNORECASE)


def _after_its_source(a: dict, b: dict) -> bool:
    """Two documents' statements dated a day apart, the earlier one taking its date from the sentence
    before it (``date_basis`` inherited) and telling what happened after it ("then", "later",
    ``_THEN``): its date is the day its happening followed, not surely its own, so the next day is not a
    different day ("Late on 12 May, troops captured the airbase. ISIL then launched a counterattack on
    the airbase." / "On 13 May, ISIL counterattacked at the airbase"). Only a day: two days apart stay
    two days, and a statement that states its own date keeps it."""
    later, earlier = (a, b) if a["_start"] > b["_start"] else (b, a)
    return (later["doc_id"] != earlier["doc_id"] and (later["_start"] - earlier["_start"]).days == 1
            and earlier.get("date_basis") == "inherited" and bool(_THEN.search(earlier["text"])))


_AROUND_A_PLACE = re.compile(r"\b(?:near|around|outside|(?:on|in)\s+the\s+outskirts\s+of|(?:north|south|east|west)"
                             r"(?:east|west)?(?:ern)?\s+(?:of|outskirts\s+of))\s+(?:the\s+(?:city|town)\s+of\s+)?"
                             r"([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)")
_AROUND_WORDS = ("near", "around", "outside", "outskirts", "orth", "outh", "ast", "est")   # one is in every match


# The small sets of the merge's clusters held once (speed and results unchanged: frozensets are
# immutable, ``absorb`` makes new ones): Python 3.11 makes a new 216-byte object at every
# ``frozenset()``, and each cluster of one mention held six of them, empty or of one value (its day,
# its kind, its place around or inside, its part of a month): ~0.15 GB at the merge's peak at 5,000
# documents (BENCHMARKS.md, perf-mem)
_EMPTY: frozenset = frozenset()
_ONE: dict = {}      # value -> frozenset((value,)), grown by ``_one``, emptied after each merge (``_merge_in_batches``)


def _one(x) -> frozenset:
    """``frozenset((x,))``, one object for equal values while a merge runs."""
    s = _ONE.get(x)
    if s is None:
        s = _ONE[x] = frozenset((x,))
    return s


def _around(r: dict) -> frozenset[str]:
    """The place (its ``location``, stated) a statement places its happening around or beside: "near
    Aleppo", "outside Homs", "on the outskirts of Idlib", "west of Aleppo" (the place as the statement
    writes it, folded, is the location's name or its first word)."""
    loc, text = r.get("location"), r["text"]
    if not isinstance(loc, str) or not _stated(r.get("geo_basis")) or not any(w in text for w in _AROUND_WORDS):
        return _EMPTY
    here = fold_name(loc)
    return _one(loc) if any(here in (fold_name(m.group(1)), fold_name(m.group(1).split()[0]))
                            for m in _AROUND_A_PLACE.finditer(text)) else _EMPTY


def placed_around(r: dict) -> tuple[frozenset[str], frozenset[str]]:
    """(the place a statement places its happening around, naming no district of it: "cruise missiles at
    sites near Aleppo"; the place it places inside, naming a district or neighbourhood of it and not
    around it: "an attack ... in Salah al-Din district" of Aleppo), each its stated ``location`` or empty."""
    around = _around(r)
    if not r["_districts"]:
        return around, _EMPTY
    loc = r.get("location")
    inside = _one(loc) if isinstance(loc, str) and _stated(r.get("geo_basis")) and not around else _EMPTY
    return _EMPTY, inside


def _around_the_city(a: dict, b: dict) -> bool:
    """``a`` places its happening around a place and ``b`` in a district of that very place
    (``placed_around``): sites near a city are outside it, so the two are two places, however alike their
    day and words (of two clusters as wholes too: ``_Cluster.conflict``). A district on a city's edge told
    as beside the city ("in al-Rashideen, west of Aleppo") is around it, not inside."""
    # (speed only: a statement naming a district places nothing around, one naming none nothing inside,
    # ``placed_around``; asked four times per scored pair, its pattern ran on both texts each time)
    if a["_districts"] or not b["_districts"]:
        return False
    inside = placed_around(b)[1]
    return bool(inside) and bool(placed_around(a)[0] & inside)


def _fine_places_apart(a: dict, b: dict) -> bool:
    """Both name districts or places the gazetteer lacks (``fine_places``), none a spelling of the
    other's, and neither names one of the other's anywhere in its text (a list of districts is read
    only in part: "clashed in al-Rasafa, al-Ommal, al-Mowazzafin ... districts" / "advanced in
    al-Mowazzafin")."""
    fa, fb = a["_fine_places"], b["_fine_places"]
    if not (fa and fb) or _names_meet(fa, fb):
        return False
    ta, tb = fold_name(a["text"]), fold_name(b["text"])
    return not any(fold_name(x) in tb for x in fa) and not any(fold_name(y) in ta for y in fb)


def conflict(a: dict, b: dict, weapon_named: bool = False, places: bool = True) -> str | None:
    """The cannot-link rule two mentions (or two clusters' merged evidence) break, else None.
    ``weapon_named``: the events of both already hold a chemical statement (the plain attack's own
    document names the weapon), so an attack told without it may be the chemical attack
    (``_told_without_weapon``). ``places``: False for the start (or end) of an article's subject told in
    its lead and its body (``same_phase_of_the_subject``), whose places are not compared."""
    pa, pb = a["_places"]["place"], b["_places"]["place"]
    if places and pa and pb and not (pa & pb):
        km = _km(a.get("_coord"), b.get("_coord"))
        if km is None or km > _near_radius(a["_vicinity"], b["_vicinity"]):
            return "different_place"
    if places and (_fine_places_apart(a, b) or _around_the_city(a, b) or _around_the_city(b, a)):
        return "different_place"
    if a["date_precision"] == "day" and b["date_precision"] == "day" and not periods_overlap(a["_period"], b["_period"], 0) \
            and not _report_lag(a, b) and not _across_midnight(a, b) and not _one_death(a, b) \
            and not _after_its_source(a, b):
        return "different_day"       # two days; a day inside a stated range of days is compatible with it
    if _qualified_apart(a, b):
        return "different_period"    # "in early June" and "in mid-June" (or "on 25 June")
    if a["_kinds"] and b["_kinds"] and not (a["_kinds"] & b["_kinds"]) and not (weapon_named and _told_without_weapon(
            a["_kinds"], b["_kinds"], a["_places"]["place"], b["_places"]["place"], a["_facilities"], b["_facilities"])):
        return "different_action"
    if a["_kinds"] == b["_kinds"] == {"fighting"} and strike_and_clash(a["text"], b["text"]):
        return "different_means"     # a strike from the air and a clash on the ground (``strike_and_clash``)
    if _reacts_to(a, b) or _reacts_to(b, a) or _after_the_others_attack(a, b) or _after_the_others_attack(b, a) \
            or _disputes(a, b) or _disputes(b, a):
        return "reaction_to"
    if _roles_reversed(a["_roles"], b["_roles"]):
        return "reversed_roles"
    if capturers_opposed(a, b):
        return "different_capturer"
    if _targets_apart(a["_roles"], b["_roles"]) and not (_toll_only(a["text"]) or _toll_only(b["text"])):
        return "different_target"    # (a toll names its victims, who may be the attackers of the fight it ends)
    if a["_facilities"] and b["_facilities"] and not (a["_facilities"] & b["_facilities"]):
        return "different_facility"
    if _facilities_differ(*a["_facility_names"], *b["_facility_names"]):
        return "different_facility"
    if a["_aggregate"] != b["_aggregate"]:
        return "different_scope"
    if a["_finding"] != b["_finding"]:
        return "report_about"
    if _same_words(a, b) and _name_replaced(a, b):
        return "different_name"
    if _ordinals_differ(a["_ordinals"], b["_ordinals"]):
        return "different_ordinal"
    if _counts_differ(a["_unit_counts"], b["_unit_counts"]):
        return "different_count"
    return None


def evidence(a: dict, b: dict) -> list[str]:
    """What two mentions share, in words a user can check (for ``match_evidence``)."""
    out = []
    shared_places = sorted(a["_places"]["place"] & b["_places"]["place"])
    if shared_places:
        out.append("same place: " + ", ".join(shared_places)
                   + (" (a statement that refers back to it, placed by its context)"
                      if "anaphora" in (a.get("geo_basis"), b.get("geo_basis")) else ""))
    elif a["_places"]["governorate"] & b["_places"]["governorate"]:
        out.append("same governorate: " + ", ".join(sorted(a["_places"]["governorate"] & b["_places"]["governorate"])))
    if a["date_precision"] == b["date_precision"] == "day":
        out.append("same day" if a["_start"] == b["_start"] else "a day inside a stated range of days"
                   if periods_overlap(a["_period"], b["_period"], 0) else "reported the next day")
    else:
        out.append("compatible dates: " + ", ".join(sorted({a["date_precision"], b["date_precision"]})))
    nums = sorted(a["_nums"] & b["_nums"])
    if nums:
        out.append("same numbers: " + ", ".join(nums))
    kinds = sorted(a["_kinds"] & b["_kinds"])
    if kinds:
        out.append("same action: " + ", ".join(kinds))
    fac = sorted(a["_facilities"] & b["_facilities"])
    if fac:
        out.append("same facility: " + ", ".join(fac))
    actors = sorted(set(a["actors"]) & set(b["actors"]))
    if actors:
        out.append("same actors: " + ", ".join(actors))
    words = sorted(a["_words"] & b["_words"] - set(nums))
    if words:
        out.append("shared words: " + ", ".join(words[:12]) + (f" (+{len(words) - 12})" if len(words) > 12 else ""))
    return out


# Months and days of the week are dates, not names: "In December 2019, various Kurdish factions ... began to
# meet" / "Meanwhile, various Kurdish factions ... began to meet" replace no name (the date rules compare dates).
_DATE_WORDS = frozenset(("january february march april may june july august september october november december "
                         "monday tuesday wednesday thursday friday saturday sunday").split())


@lru_cache(maxsize=1 << 15)       # a pure function of a text, asked of both texts of many scored pairs (speed only)
def _names(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text) if w[0].isupper() and w.lower() not in _DATE_WORDS)


@lru_cache(maxsize=1 << 18)       # a pure function of two names, asked again and again by the merge
def _alike(x: str, y: str) -> bool:
    """Two spellings of one word: a prefix ("Feb", "February"), one transliteration key (the
    gazetteer's ``name_key``: "Sheikhon" / "Shaykhun", "Owdai" / "Oudai") or a typo (at most two
    letters apart)."""
    from .places import name_key

    x, y = x.lower(), y.lower()
    if x.startswith(y) or y.startswith(x):
        return True
    kx, ky = name_key(x), name_key(y)
    if kx and kx == ky:
        return True
    if abs(len(x) - len(y)) > 2:
        return False
    import difflib
    return difflib.SequenceMatcher(None, x, y).ratio() >= 0.8


def _same_words(a: dict, b: dict) -> bool:
    wa, wb = a["_all_words"], b["_all_words"]
    if not (wa and wb):
        return False
    # (speed only, asked of every scored pair by ``conflict``: the overlap is at most the smaller set
    # over the larger, and a correctly rounded quotient is monotone, so a pair whose sizes alone are
    # under the bar is under it; else one intersection, the union's size from it: both are sets)
    small, large = (len(wa), len(wb)) if len(wa) <= len(wb) else (len(wb), len(wa))
    if small / large < NEAR_DUPLICATE:
        return False
    common = len(_as_set(wa).intersection(wb))
    return common / (small + large - common) >= NEAR_DUPLICATE


def _name_replaced(a: dict, b: dict) -> bool:
    """A name of one statement is replaced by a different name in the other (not a spelling of it)."""
    # (speed only: a name is one of its statement's words (``_all_words``, lowercased), so a statement
    # holding no word the other lacks has no name the other lacks, and none is replaced)
    # (and each word set as a set once: the merge's are sorted tuples, ``_WordSet``)
    wa, wb = _as_set(a["_all_words"]), _as_set(b["_all_words"])
    if wa <= wb or wb <= wa:
        return False
    na, nb = _names(a["text"]), _names(b["text"])
    only_a = {x for x in na if x.lower() not in wb}
    only_b = {y for y in nb if y.lower() not in wa}
    unmatched_a = {x for x in only_a if not any(_alike(x, y) for y in only_b)}
    unmatched_b = {y for y in only_b if not any(_alike(x, y) for x in only_a)}
    return bool(unmatched_a and unmatched_b)


def _near_duplicate(a: dict, b: dict) -> bool:
    """Most words shared, and no name replaced by another: "al-Kiwash" / "al-Kiswah" is a typo."""
    return _same_words(a, b) and not _name_replaced(a, b)


def idf_weights(word_sets: list[frozenset[str]]) -> dict[str, float]:
    """Inverse document frequency of each word over all mentions (smoothed, as in scikit-learn)."""
    n = len(word_sets)
    df: dict[str, int] = defaultdict(int)
    for words in word_sets:
        for w in words:
            df[w] += 1
    return {w: math.log((1 + n) / (1 + c)) + 1 for w, c in df.items()}


def _vector(words: frozenset[str], idf: dict[str, float]) -> dict[str, float]:
    # in sorted word order: a frozenset's order follows the process's string hash seed, and float
    # sums in that order differ in the last bit from process to process, enough to reorder equal
    # scores and change which partner a mention is "joined to" (builds must be byte-identical)
    ordered = sorted(words)
    norm = math.sqrt(sum(idf[w] ** 2 for w in ordered)) or 1.0
    return {w: idf[w] / norm for w in ordered}


_MONTH_NAMES = ("January|February|March|April|May|June|July|August|September|October|November|December|"
                "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_DATES_AND_TIMES = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH_NAMES})\b|\b(?:{_MONTH_NAMES})\s+\d{{1,2}}\b|"
    r"\b\d{1,2}[:.]\d{2}\b|\b\d{4}-\d{1,2}-\d{1,2}\b")
# speed only, same matches: a look-ahead for its first characters (prefilter.starting)
_DATES_AND_TIMES = starting(_DATES_AND_TIMES)


_DIGIT = re.compile(r"\d")


def _numbers(text: str) -> set[str]:
    """Counts and other figures, not years, days of the month or times of day (a shared date says
    nothing the date comparison has not said already)."""
    out = set()
    # every date or time has a digit: without one, the text is left as it is
    for tok in _WORD.findall(_DATES_AND_TIMES.sub(" ", text) if _DIGIT.search(text) else text):
        if tok[0].isdigit() or tok.lower() in _NUMBER_WORDS:     # the tokens content_words makes digits of
            w = _content_token(tok)
            if w is not None and not (len(w) == 4 and w[:2] in ("19", "20")):
                out.add(w)
    return out


def _one_word_apart(a: dict, b: dict) -> bool:
    """Two statements that share one content word and nothing else (no place, number, kind of
    action or actor): a short sentence's cosine on that word ("No Americans were harmed." / "... a
    warning against attempting to harm Israeli forces") is no evidence an analyst would link them on."""
    # (speed only: the tests of small frozensets first, most scored pairs share a place; one set made of the two
    # word sets, the merge's are sorted tuples, ``_WordSet``)
    return (not (a["_places"]["place"] & b["_places"]["place"]) and not (a["_nums"] & b["_nums"])
            and not (a["_kinds"] & b["_kinds"]) and len(_as_set(a["_words"]).intersection(b["_words"])) <= 1
            and not set(a["actors"]) & set(b["actors"]))


def pair_score(a: dict, b: dict) -> float:
    """Similarity of two mentions in [0, 1] (see module docstring).

    Base: cosine of IDF-weighted content words. Evidence added: a shared place named at place
    precision (+0.15; at governorate precision +0.05), a shared number that is not a year (+0.1),
    shared weapon or event-type terms (+0.05), the same kind of action (+0.05, and +0.05 more with a
    shared place on the same day), shared actors beyond the first (+0.03 each, at most
    +0.09). Evidence against (different places are a cannot-link, see ``conflict``): both dated to different days
    (-0.1); one dated only to a month or year (-0.05).
    """
    va, vb = a["_vec"], b["_vec"]
    if len(va) > len(vb):
        va, vb = vb, va
    score = sum(w * vb.get(k, 0.0) for k, w in va.items())
    pa, pb = a["_places"], b["_places"]
    if pa["place"] & pb["place"]:
        score += 0.15
    elif pa["governorate"] & pb["governorate"]:
        score += 0.05
    if a["_nums"] & b["_nums"]:
        score += 0.1
    if a["_words"] & b["_words"] & _WEAPONS:
        score += 0.05
    if a["_kinds"] & b["_kinds"]:
        score += 0.05
        if pa["place"] & pb["place"] and a["date_precision"] == b["date_precision"] == "day" \
                and a["_start"] == b["_start"]:
            score += 0.05
    shared_actors = len(set(a["actors"]) & set(b["actors"]))
    score += 0.03 * min(3, max(0, shared_actors - 1))
    if a["_statement"] != b["_statement"]:
        score -= 0.2
    if a["date_precision"] == "day" and b["date_precision"] == "day":
        if a["_start"] != b["_start"]:
            score -= 0.1
    else:
        score -= 0.05
    return max(0.0, min(1.0, score))


def _month_key(m: dict) -> tuple[int, int]:
    """(year, month) of a mention; month 0 for year precision (blocked only with its year)."""
    return (m["_start"].year, 0 if m["date_precision"] == "year" else m["_start"].month)


def _block_keys(m: dict, rare: set[tuple]) -> set[tuple]:
    own = _month_key(m)
    months = {own}
    if m["date_precision"] == "day":
        nxt = m["_start"] + dt.timedelta(days=DAY_TOLERANCE)
        months.add((nxt.year, nxt.month))
    keys = set()
    for mo in months:
        for p in m["places"]:
            keys.add((mo, "p:" + p))
        for w in m["_words"]:
            if (own, w) in rare:
                keys.add((mo, "w:" + w))
    return keys


def text_features(text: str) -> dict:
    """What the rules read from a mention's text alone, as sorted lists and flags (the columns of
    ``FEATURE_SCHEMA``): computed once per text and kept in the feature cache."""
    names, towns = facility_names(text)
    core, actions = _action_matches(text)
    agents, targets = _roles_of(core, actions)
    tokens = _WORD.findall(text)            # (once for both word lists: speed only)
    return {"fp": fingerprint(text), "words": sorted(_content_words_of(tokens)),
            "all_words": sorted({w.lower() for w in tokens}), "nums": sorted(_numbers(text)),
            "kinds": sorted(_kinds_of(text, actions)), "prior": sorted(prior_kinds(text)),
            "facilities": sorted(facilities(text)),
            "ordinals": sorted(ordinals(text)), "facility_names": sorted(names), "facility_towns": sorted(towns),
            "statement": is_statement(text), "vicinity": bool(_VICINITY.search(text)),
            "aggregate": is_aggregate(text), "finding": is_finding(text), "anaphora": anaphoric(text),
            "agents": sorted(agents), "targets": sorted(targets), "districts": sorted(district_names(text)),
            "unit_counts": sorted(f"{c} {u}" for c, u in unit_counts(text))}


def _stated(geo_basis) -> bool:
    # only a location the statement names is evidence; one inferred from its context
    # (geo_basis paragraph, section, subject, item, unlisted) is not (pipeline/locate.py)
    # (geo_basis paragraph, section, subject, item, unlisted) is not (pipeline/locate.py), unless the
    # statement refers back to it ("It was captured", "the town": ``context_places``, basis anaphora)
    return geo_basis in (None, "stated", "anaphora") or geo_basis != geo_basis


def place_levels(places, admin1, geo_basis) -> tuple[set[str], set[str]]:
    """The places a mention names finer than a governorate, and its governorates (those it names,
    and the governorate of a location it states)."""
    governorates = {p[: -len(" Governorate")] for p in places if p.endswith(" Governorate")}
    if _stated(geo_basis) and isinstance(admin1, str) and admin1:
        governorates.add(admin1)
    return {p for p in places if not p.endswith(" Governorate") and p != "Syria"}, governorates


def _derive(r: dict, f: dict, span: tuple[dt.date, dt.date] | None = None) -> None:
    """The derived fields the rules read (``_fp``, ``_words``, ...), from the mention's row and its
    text features ``f`` (``text_features``); ``span``: its ``period`` when already known."""
    r["_fp"] = f["fp"]
    r["_words"] = frozenset(f["words"])
    r["_all_words"] = frozenset(f["all_words"])
    r["_statement"] = f["statement"]
    r["_nums"] = frozenset(f["nums"])
    r["_period"] = span or stated_period(r)
    r["_qualified"] = qualified_period(r)
    r["_start"] = r["_period"][0]
    places, governorates = place_levels(r["places"], r.get("admin1"), r.get("geo_basis"))
    r["_places"] = {"place": frozenset(places), "governorate": frozenset(governorates)}
    r["_kinds"] = frozenset(f["kinds"])
    r["_prior"] = frozenset(f["prior"])
    r["_facilities"] = frozenset(f["facilities"])
    r["_ordinals"] = frozenset(f["ordinals"])
    r["_vicinity"] = f["vicinity"]
    r["_facility_names"] = (frozenset(f["facility_names"]), frozenset(f["facility_towns"]))
    r["_aggregate"] = f["aggregate"]
    r["_finding"] = f["finding"]
    r["_roles"] = (frozenset(f["agents"]), frozenset(f["targets"]))
    r["_districts"] = frozenset(f["districts"])
    r["_fine_places"] = fine_places(r["_districts"], r.get("location"), r.get("geo_basis"))
    r["_unit_counts"] = frozenset(tuple(x.split(" ", 1)) for x in f["unit_counts"])
    lat, lon = r.get("latitude"), r.get("longitude")
    r["_coord"] = (float(lat), float(lon)) if _stated(r.get("geo_basis")) and r.get("geo_precision") == "place" \
        and pd.notna(lat) and pd.notna(lon) and lat is not None and lon is not None else None


def prepare(recs: list[dict]) -> None:
    """Derived fields the scoring reads: fingerprint, words, IDF vector, places by level, period,
    kinds of action, facilities, numbered incidents, coordinates of a place-level location."""
    for r in recs:
        _derive(r, text_features(r["text"]))
    idf = idf_weights([r["_words"] for r in recs])
    for r in recs:
        r["_vec"] = _vector(r["_words"], idf)


def _own_dated(statements: list[dict]) -> list[dict]:
    """The statements that state their own date; when none does, those that tell an action (one that
    takes its date from the sentence before it and tells no action, a witness's "We found ourselves
    under rubble" or "X said in his statement:", tells more of what is told before it); else all."""
    own = [r for r in statements if r.get("date_basis") != "inherited"]
    return own or [r for r in statements if r["_kinds"]] or statements


# Sections of an article that sum up or frame its body rather than narrate a phase of it: they tell
# the body's happenings again ("Background", "Aftermath – Battle for Deir ez-Zor city", "Reactions").
_SUMMARY_SECTION = re.compile(
    r"^\s*(?:background|prelude|aftermath|analysis|assessment|reactions?|international\s+reactions?|responses?|"
    r"casualties|losses|overview|summary|legacy|consequences|impact|outcome|results?|timeline|chronology|"
    # (and the themes an article gathers its happenings under again: "Damage to archaeological and cultural
    # sites", "Destruction of the city and heritage", "War crimes", "Human rights violations")
    r"damage|destruction|war\s+crimes|human\s+rights|atrocities|abuses|"
    r"see\s+also|notes)\b", re.IGNORECASE)


_DATED_HEADING = re.compile(rf"\b(?:19|20)\d\d\b|\b(?:{_MONTH_NAMES})\b")


def _dated_heading(section: str) -> bool:
    """The heading names a year or a month: a section of a timeline ("2017", "March 2016 –
    mid-October 2016", "Summer 2017: Breaking the siege"), not of a topic or a named phase."""
    return bool(_DATED_HEADING.search(section))


def _body_section(section) -> bool:
    """A named section of an article's body (not the lead, not a summing-up: ``_SUMMARY_SECTION``)."""
    return isinstance(section, str) and bool(section.strip()) and not _SUMMARY_SECTION.match(section)


class _Cluster:
    """What a cluster as a whole states, for the cluster-level cannot-links: the union of its
    members' places, kinds of action, facilities and numbered incidents (a chain a-b-c must not join
    two towns through a statement that names neither)."""

    __slots__ = ("docs", "span", "places", "governorates", "kinds", "facilities", "ordinals", "coords",
                 "vicinity", "starts", "kinds_of_mention", "facility_names", "facility_towns", "agents", "targets",
                 "fine_places", "parts", "item_days", "around", "inside", "body", "place_sets", "capturers")

    def __init__(self, r: dict):
        self.docs: dict[tuple, list[dict]] = {(r["doc_id"], r["section"]): [r]}   # its statements by section
        self.span = r["_period"]
        # the mention's own frozensets, not copies: ``absorb`` makes new ones (most clusters stay one
        # mention, and a set of their own each was most of the merge's memory)
        self.places, self.governorates = frozenset(r["_places"]["place"]), frozenset(r["_places"]["governorate"])
        self.kinds, self.facilities, self.ordinals = r["_kinds"], r["_facilities"], r["_ordinals"]
        self.coords = [r["_coord"]] if r["_coord"] else []
        self.vicinity = r["_vicinity"]
        self.facility_names, self.facility_towns = r["_facility_names"]
        self.starts = _one(r["_start"]) if r["date_precision"] == "day" else _EMPTY
        self.kinds_of_mention = _one(r["kind"])
        self.agents, self.targets = r["_roles"]
        self.fine_places = r["_fine_places"]
        # the places its statements place themselves around, and inside (a district named: ``placed_around``)
        self.around, self.inside = placed_around(r)
        # the qualified parts of months its statements state ("in early June": ``qualified_period``)
        self.parts = _one(r["_qualified"]) if r.get("_qualified") else _EMPTY
        # the days its current-events items are dated (an item is dated when it is reported)
        self.item_days = _one(r["_start"]) if r["date_precision"] == "day" and r["kind"] in ("headline", "related") \
            else _EMPTY
        # (speed only) its (article, body section) keys, found once per set of articles (``_body_keys``)
        self.body: tuple[frozenset[str], set[tuple]] | None = None
        # its statements' own places, each with its coordinate and vicinity (``_members_apart``; only those located
        # at a gazetteer place: a statement without a coordinate is never apart by it)
        self.place_sets = frozenset(((r["_places"]["place"], r["_coord"], r["_vicinity"]),)) \
            if r["_places"]["place"] and r["_coord"] is not None else frozenset()
        # the camp of the war that took the places its capture statements tell (``capturer_camp``)
        self.capturers = capturer_camp(r)

    def absorb(self, other: _Cluster) -> None:
        for key, statements in other.docs.items():
            self.docs.setdefault(key, []).extend(statements)
        a, b = other.span, self.span
        self.span = (max(a[0], b[0]), min(a[1], b[1])) if periods_overlap(a, b, 0) else (min(a[0], b[0]), max(a[1], b[1]))
        self.places |= other.places
        self.governorates |= other.governorates
        self.kinds |= other.kinds
        self.facilities |= other.facilities
        self.ordinals |= other.ordinals
        self.coords += other.coords
        self.vicinity = self.vicinity or other.vicinity
        self.facility_names |= other.facility_names
        self.facility_towns |= other.facility_towns
        self.starts |= other.starts
        self.kinds_of_mention |= other.kinds_of_mention
        self.agents |= other.agents
        self.targets |= other.targets
        self.fine_places |= other.fine_places
        self.around |= other.around
        self.inside |= other.inside
        self.parts |= other.parts
        self.item_days |= other.item_days
        self.place_sets |= other.place_sets
        self.capturers |= other.capturers
        if self.body is not None and other.body is not None and self.body[0] is other.body[0]:
            self.body[1].update(other.body[1])      # (the keys of the docs just merged in)
        else:
            self.body = None

    def parts_apart(self, other: _Cluster) -> bool:
        """A part of a month one cluster states ("in early June") and a day or a part the other
        states outside it ("on 25 June", "in mid-June"): ``_qualified_apart`` over the clusters as
        wholes, so a chain of statements of the month cannot join early and mid June."""
        def apart(x: _Cluster, y: _Cluster) -> bool:
            return any(not periods_overlap(q, (d, d), QUALIFIER_SLACK) for q in x.parts for d in y.starts)
        return apart(self, other) or apart(other, self) or \
            any(not periods_overlap(q, r, 0) for q in self.parts for r in other.parts)

    def body_sections_apart(self, other: _Cluster, articles: frozenset[str]) -> bool:
        """Both tell something in two different body sections of one article (``articles``:
        encyclopedia articles). An article narrates a happening once, in the section of its phase
        or topic ("Second standoff" / "Third assault", "Preparations" / "The offensive"); the lead
        and the sections that sum up or frame the body (``_SUMMARY_SECTION``: Background,
        Aftermath, Reactions, ...) tell its happenings again, so they are no body section. Nor
        does a topic section ("Cooperation with Iran") keep apart from a section of the timeline
        ("March 2016 – mid-October 2016", ``_dated_heading``): an overview article tells a happening
        in its place in time and again under its topic. Of one section, ``may_share_sections``
        decides."""
        mine = self._body_keys(articles)
        if not mine:
            return False
        theirs = other._body_keys(articles)
        return any(d == e and s != t and _dated_heading(s) == _dated_heading(t) for d, s in mine for e, t in theirs)

    def _body_keys(self, articles: frozenset[str]) -> set[tuple]:
        """Its (document, section) keys that are body sections of ``articles`` (``_body_section``),
        kept while it grows (speed only: a large cluster's keys were read again for every pair)."""
        if self.body is None or self.body[0] is not articles:
            self.body = (articles, {(doc, section) for doc, section in self.docs
                                    if doc in articles and _body_section(section)})
        return self.body[1]

    def may_share_sections(self, other: _Cluster) -> bool:
        """Whether no two different statements of one document section would be one event, or
        each two such statements tell one attack again (``_same_named_facility``, ``_retold``).
        Of a section, the statements that state their own date are compared: one that takes its
        date from the sentence before it has joined that sentence's event as more of it."""
        # (the sections both hold, found from the smaller cluster's: speed only, the answer is the same)
        small, large = (self.docs, other.docs) if len(self.docs) <= len(other.docs) else (other.docs, self.docs)
        return all(_same_named_facility(x, y) or _retold(x, y)
                   for key in small if key in large
                   for x in _own_dated(self.docs[key]) for y in _own_dated(other.docs[key]))

    def conflict(self, other: _Cluster, places: bool = True) -> str | None:
        """``places``: as ``conflict``'s (False: the places of the two are not compared)."""
        if self.item_days and other.item_days and not (self.item_days & other.item_days):
            # current-events items of two days: two items are never one event a day apart (``conflict``:
            # the report lag is between an item and a statement dated by its text), nor through a chain
            # ("Russian airstrikes on several ferries ..." of 10 September and "The Syrian Army breaks the
            # nine month long siege of the Deir ez-Zor Airport" of 9 September, both joined to "... relieved
            # four days later, on 9 September")
            return "different_day"
        if places and self.places and other.places and not (self.places & other.places):
            radius = _near_radius(self.vicinity, other.vicinity)
            near = any((_km(a, b) or 1e9) <= radius for a in self.coords for b in other.coords)
            if not near:
                return "different_place"
        if places and self.place_sets and other.place_sets and _members_apart(self.place_sets, other.place_sets):
            return "different_place"      # two of their statements name two places (``_members_apart``)
        if places and self.fine_places and other.fine_places and not _names_meet(self.fine_places, other.fine_places):
            return "different_place"      # two districts (or places the gazetteer lacks) of one city
        if places and ((self.around - self.inside) & (other.inside - other.around)
                       or (other.around - other.inside) & (self.inside - self.around)):
            return "different_place"      # around a city, and in a district of it (``_around_the_city``)
        kinds, other_kinds = _chemical_only(self.kinds), _chemical_only(other.kinds)
        if kinds and other_kinds and not (kinds & other_kinds):
            return "different_action"
        if self.facilities and other.facilities and not (self.facilities & other.facilities):
            return "different_facility"
        if _facilities_differ(self.facility_names, self.facility_towns, other.facility_names, other.facility_towns):
            return "different_facility"
        if _ordinals_differ(self.ordinals, other.ordinals):
            return "different_ordinal"
        if _roles_reversed((frozenset(self.agents), frozenset(self.targets)),
                           (frozenset(other.agents), frozenset(other.targets))):
            return "reversed_roles"     # a chain must not join an attack and the other side's answer to it
        if self.capturers and other.capturers and not (self.capturers & other.capturers):
            return "different_capturer"     # nor two camps' captures ("three villages were captured" between them)
        return None


def _members_apart(xs: frozenset, ys: frozenset) -> bool:
    """A statement of one cluster and one of the other that ``conflict`` keeps apart by their places: no place
    shared, and further apart than their radius (``_near_radius``). The union of a cluster's places hides a chain:
    "On 16 October, two coalition jets bombed the Lafarge cement factory base, located between Kobani and Ayn
    Issa" meets "US forces withdrew and destroyed its former air base, south of Kobani" by Kobani and "clashes
    continued to the west of Ayn Issa" by Ayn Issa; the withdrawal and the clashes are 50 km apart and two events,
    which a statement naming both towns does not make one. Only statements located at a gazetteer place they name
    (``_coord``) count: a name the gazetteer lacks ("targeted Al Sheikhun, in Idlib") may be a spelling of the
    other's town. (``xs``, ``ys``: ``_Cluster.place_sets``.)"""
    for places_x, coord_x, vicinity_x in xs:
        for places_y, coord_y, vicinity_y in ys:
            if places_x & places_y:
                continue
            km = _km(coord_x, coord_y)
            if km is not None and km > _near_radius(vicinity_x, vicinity_y):
                return True
    return False


def _carry_forward(clusters: list[list[int]], mention_ids: list[str], previous: dict[str, str]) -> dict[int, str]:
    """Cluster index -> the previous event id it keeps (most votes among its members, then the
    smallest id; each previous id to one cluster at most)."""
    votes: list[tuple[int, str, int]] = []
    for c, members in enumerate(clusters):
        counts: dict[str, int] = defaultdict(int)
        for i in members:
            old = previous.get(mention_ids[i])
            if old is not None:
                counts[old] += 1
        votes.extend((-n, old, c) for old, n in counts.items())
    out: dict[int, str] = {}
    taken: set[str] = set()
    for _, old, c in sorted(votes):
        if c not in out and old not in taken:
            out[c] = old
            taken.add(old)
    return out


FEATURE_SCHEMA = pa.schema([
    pa.field("cache_key", pa.string(), nullable=False), pa.field("version", pa.string(), nullable=False),
    pa.field("fp", pa.string()), *[pa.field(c, pa.list_(pa.string())) for c in (
        "words", "all_words", "nums", "kinds", "prior", "facilities", "ordinals", "facility_names", "facility_towns",
        "agents", "targets", "districts", "unit_counts")],
    pa.field("statement", pa.bool_()), pa.field("vicinity", pa.bool_()), pa.field("aggregate", pa.bool_()),
    pa.field("finding", pa.bool_()), pa.field("anaphora", pa.bool_())])


# the code the text features come from: this module, ``pipeline.text``, ``pipeline.places``
# (whose gazetteer tells a facility's town from its name) and ``pipeline.prefilter`` (which runs
# some of the patterns)
FEATURE_MODULES = ("resolve.py", "text.py", "places.py", "prefilter.py")


@lru_cache(maxsize=1)
def features_version() -> str:
    """Hash of the code the text features come from (``FEATURE_MODULES``): editing any recomputes
    every mention's features once."""
    from pathlib import Path

    return features_version_of(Path(__file__).parent)


def features_version_of(package) -> str:
    """``features_version`` of the ``pipeline`` package in the folder ``package`` (another
    checkout's, for a benchmark whose cached features that checkout computed)."""
    from pathlib import Path

    h = hashlib.sha256()
    for module in FEATURE_MODULES:
        h.update((Path(package) / module).read_bytes())
    return h.hexdigest()[:16]


def feature_key(text: str, version: str) -> str:
    """The feature cache's key of a text: a hash of the text and of ``features_version``."""
    return hashlib.sha256(f"{version}\0{text}".encode()).hexdigest()[:32]


def _feature_table(keyed: list[tuple[str, str]], version: str) -> pa.Table:
    rows = [{"cache_key": k, "version": version, **text_features(t)} for k, t in keyed]
    return pa.Table.from_pylist(rows, schema=FEATURE_SCHEMA)


def feature_store(cache_dir):
    """The store of text features in a build's cache folder: ``<cache_dir>/resolve``."""
    from pathlib import Path

    from .cache import SegmentStore

    return SegmentStore(Path(cache_dir) / "resolve", {"features": FEATURE_SCHEMA})


def text_feature_table(texts: list[str]) -> pa.Table:
    """The features of the distinct ``texts`` (``FEATURE_SCHEMA`` rows, sorted by key), for the
    feature cache: the map computes them on its workers for the mentions of the documents it
    extracts (``pipeline.build``), so a first build's resolution finds them cached."""
    version = features_version()
    keyed = sorted({feature_key(t, version): t for t in texts}.items())
    return _feature_table(keyed, version)


def mention_features(texts: list[str], cache_dir=None) -> tuple[pa.Table, np.ndarray, int]:
    """The text features (``FEATURE_SCHEMA``) of each distinct text, and for each text of ``texts``
    its row in that table. With ``cache_dir``, features are kept in ``<cache_dir>/resolve``
    (``pipeline.cache.SegmentStore``, keyed by the text and ``features_version``): a build
    computes only the features of texts it has not seen, so resolving after one added document
    costs the SQL and the merge, not the rules' regular expressions over every mention. Also
    returns how many distinct texts had their features computed."""
    version = features_version()
    keys = [feature_key(t, version) for t in texts]
    distinct = sorted(set(keys))
    row = {k: i for i, k in enumerate(distinct)}
    row_of = np.fromiter((row[k] for k in keys), dtype=np.int64, count=len(keys))
    text_of = dict(zip(keys, texts))

    def compute(ks: list[str]) -> pa.Table:
        return _feature_table([(k, text_of[k]) for k in ks], version)

    if cache_dir is None:
        table = compute(distinct)
        computed = len(distinct)
    else:
        store = feature_store(cache_dir)
        with store.locked():
            index = store.index()
            todo = [k for k in distinct if k not in index]
            computed = len(todo)
            if todo:
                with store.writer() as w:
                    for i in range(0, len(todo), 20000):
                        w.append({"features": compute(todo[i:i + 20000])})
                store.compact({version})
                index = store.index()
            table = store.read(distinct, index)["features"]
    # one row per distinct text, in ``distinct`` order
    order = pc.sort_indices(table, [("cache_key", "ascending")])
    table = table.take(order)
    if table.num_rows != len(distinct):
        raise RuntimeError("the resolution feature cache lost rows: delete <cache>/resolve")
    return table, row_of, computed


def _ids(values: pa.Array | pa.ChunkedArray) -> tuple[pa.Array, pa.Array]:
    """Integer ids of ``values`` (for joins on numbers, not strings) and the values they stand for."""
    enc = pc.dictionary_encode(values)
    if isinstance(enc, pa.ChunkedArray):
        enc = enc.combine_chunks()
    return enc.indices, enc.dictionary


def _exploded(lists: pa.ChunkedArray | pa.Array, rows: np.ndarray | None = None) -> tuple[pa.Array, pa.Array, pa.Array]:
    """For each element of each mention's list (``lists`` indexed by ``rows``): the mention's
    position, the element's id and the values of the ids."""
    taken = lists if rows is None else pc.take(lists, pa.array(rows))
    if isinstance(taken, pa.ChunkedArray):
        taken = taken.combine_chunks()
    ids, values = _ids(pc.list_flatten(taken))
    return pc.list_parent_indices(taken), ids, values


def _arrow(series: pd.Series, type_: pa.DataType) -> pa.Array:
    return pa.array(series, type=type_, from_pandas=True)


def _sql_tables(out: pd.DataFrame, feats: pa.Table, row_of: np.ndarray) -> dict[str, pa.Table]:
    """The tables ``pipeline.candidates`` runs its SQL on, by position in ``out``: ``m_in`` (one
    row per mention) and the exploded sets ``months``, ``places``, ``words``, ``all_words``,
    ``nums`` (ids in place of strings); ``word_rank`` the rank of each word id in sorted order."""
    n = len(out)
    day = out["date"].to_numpy().astype("datetime64[D]")
    precision = out["date_precision"].astype(str).to_numpy()
    prec = np.where(precision == "day", 0, np.where(precision == "month", 1, 2)).astype(np.int8)
    month_end = (day.astype("datetime64[M]") + 1).astype("datetime64[D]") - 1
    year_end = (day.astype("datetime64[Y]") + 1).astype("datetime64[D]") - 1
    stop = np.where(prec == 0, day, np.where(prec == 1, month_end, year_end))
    if "date_end" in out:       # a stated range of days ("Between 26 and 27 April") ends on its last day
        end = pd.to_datetime(out["date_end"]).to_numpy().astype("datetime64[D]")
        ranged = (prec == 0) & ~np.isnat(end) & (end > day)
        stop = np.where(ranged, end, stop)
    start_i, stop_i = day.astype(np.int64), stop.astype(np.int64)
    year = day.astype("datetime64[Y]").astype(np.int64) + 1970
    month = day.astype("datetime64[M]").astype(np.int64) % 12 + 1
    own_mo = year * 13 + np.where(precision == "year", 0, month)
    nxt = day + np.timedelta64(DAY_TOLERANCE, "D")
    next_mo = (nxt.astype("datetime64[Y]").astype(np.int64) + 1970) * 13 + nxt.astype("datetime64[M]").astype(np.int64) % 12 + 1
    idx = np.arange(n, dtype=np.int64)
    is_day = prec == 0
    months = pa.table({"i": np.concatenate([idx, idx[is_day]]),
                       "mo": np.concatenate([own_mo, next_mo[is_day]])})
    raw_places = _arrow(out["places"], pa.list_(pa.string()))
    pi, pid, _ = _exploded(raw_places)
    places = pa.table({"i": pi, "place": pid})
    wi, wid, word_values = _exploded(feats.column("words"), row_of)
    words = pa.table({"i": wi, "word": wid, "own_mo": own_mo[wi.to_numpy()],
                      "weapon": pc.take(pc.is_in(word_values, pa.array(sorted(_WEAPONS))), wid)})
    ai, aid, _ = _exploded(feats.column("all_words"), row_of)
    ni, nid, _ = _exploded(feats.column("nums"), row_of)
    rows = pa.array(row_of)
    geo_basis = out["geo_basis"] if "geo_basis" in out else pd.Series([None] * n, index=out.index, dtype=object)
    admin1 = out["admin1"] if "admin1" in out else pd.Series([None] * n, index=out.index, dtype=object)
    m = pa.table({
        "i": idx, "fp": _ids(pc.take(feats.column("fp"), rows))[0], "start": start_i, "stop": stop_i, "prec": prec,
        "doc": _ids(_arrow(out["doc_id"], pa.string()))[0],
        "statement": pc.take(feats.column("statement"), rows),
        "n_all": pc.list_value_length(pc.take(feats.column("all_words"), rows)),
        "kinds": pc.take(feats.column("kinds"), rows), "nums": pc.take(feats.column("nums"), rows),
        "places": raw_places, "admin1": _arrow(admin1, pa.string()),
        "stated": (geo_basis.isna() | geo_basis.isin(["stated", "anaphora"])).to_numpy(dtype=bool),   # as _stated
        "actors": _arrow(out["actors"], pa.list_(pa.string())),
    })
    ranks = np.empty(len(word_values), dtype=np.int64)
    ranks[np.argsort(np.array(word_values.to_pylist(), dtype=object), kind="stable")] = np.arange(len(word_values))
    return {"m_in": m, "months": months, "places": places, "words": words,
            "all_words": pa.table({"i": ai, "word": aid}), "nums": pa.table({"i": ni, "num": nid}),
            "word_rank": pa.table({"word": np.arange(len(word_values), dtype=np.int32), "rank": ranks})}


def _sequential_sums(group: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    """For each group (``group`` sorted, so each group's rows are together), its ``values`` added
    left to right, as Python's ``sum`` adds them (numpy's own sums add pairwise: other last bits)."""
    out = np.zeros(size, dtype=np.float64)
    if not len(group):
        return out
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    pos = np.arange(len(group)) - np.repeat(starts, np.diff(np.r_[starts, len(group)]))
    by_pos = np.argsort(pos, kind="stable")
    counts = np.bincount(pos)
    offset = 0
    for c in counts.tolist():          # the k-th value of every group at once
        rows = by_pos[offset:offset + c]
        out[group[rows]] += values[rows]
        offset += c
    return out


SHARED_CHUNK = 1 << 20      # shared-word rows summed at once by ``_cosines``


def _cosines(a: np.ndarray, b: np.ndarray, shared: dict[str, np.ndarray], idf: np.ndarray, norm: np.ndarray,
             n: int) -> np.ndarray:
    """The cosine of each pair (a, b) from the words it shares (``shared``: a, b, word, sorted by
    pair and word rank), each pair's products added left to right (``_sequential_sums``). In
    chunks of about ``SHARED_CHUNK`` rows that never split a pair, so the same sums in the same
    order, without a dozen arrays as long as all shared words at once (at 10,000 documents 2.5 M
    pairs share ~15 M words: 1.1 GB of temporaries)."""
    out = np.zeros(len(a), dtype=np.float64)
    sa_all, sb_all, sw_all = (np.asarray(shared[c]) for c in ("a", "b", "word"))
    keys = a * n + b
    pair_of = np.empty(len(sa_all), dtype=np.int64)
    for lo in range(0, len(sa_all), SHARED_CHUNK):
        hi = lo + SHARED_CHUNK
        pair_of[lo:hi] = np.searchsorted(keys, sa_all[lo:hi].astype(np.int64) * n + sb_all[lo:hi].astype(np.int64))
    del keys
    lo = 0
    while lo < len(pair_of):
        hi = min(lo + SHARED_CHUNK, len(pair_of))
        if hi < len(pair_of):           # end the chunk where a pair ends
            hi = int(np.searchsorted(pair_of, pair_of[hi - 1], side="right"))
        sa, sb, sw = (x[lo:hi].astype(np.int64) for x in (sa_all, sb_all, sw_all))
        first = int(pair_of[lo])
        sums = _sequential_sums(pair_of[lo:hi] - first, (idf[sw] / norm[sa]) * (idf[sw] / norm[sb]),
                                int(pair_of[hi - 1]) - first + 1)
        out[first:first + len(sums)] += sums
        lo = hi
    return out


def exact_scores(scored: dict[str, np.ndarray], shared: dict[str, np.ndarray], words: pa.Table,
                 word_rank: pa.Table, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``pair_score`` of the pairs ``SCORE_SQL`` kept (``scored``: a, b and the evidence columns;
    ``shared``: the words each pair shares, in sorted word order), with numpy, to the last bit:
    IDF weights with ``math.log`` as ``idf_weights``, vector norms and the cosine summed word by
    word in sorted word order as ``_vector`` and ``pair_score`` sum them, then the evidence terms
    added in ``pair_score``'s order. Returns a, b, score."""
    a, b = scored["a"].astype(np.int64), scored["b"].astype(np.int64)
    wi, wid = words.column("i").to_numpy().astype(np.int64), words.column("word").to_numpy().astype(np.int64)
    df = np.bincount(wid, minlength=word_rank.num_rows)
    idf_list = [math.log((1 + n) / (1 + c)) + 1 for c in df.tolist()]
    idf = np.array(idf_list, dtype=np.float64)
    idf_sq = np.array([x ** 2 for x in idf_list], dtype=np.float64)
    rank = word_rank.column("rank").to_numpy()
    order = np.lexsort((rank[wid], wi))
    norm = np.sqrt(_sequential_sums(wi[order], idf_sq[wid[order]], n))
    norm[norm == 0.0] = 1.0                                   # ``or 1.0``
    s = _cosines(a, b, shared, idf, norm, n)
    place, governorate = scored["same_place"].astype(bool), scored["same_governorate"].astype(bool)
    s = np.where(place, s + 0.15, np.where(governorate, s + 0.05, s))
    s = np.where(scored["same_number"].astype(bool), s + 0.1, s)
    s = np.where(scored["same_weapon"].astype(bool), s + 0.05, s)
    action, both_days, same_start = (scored[c].astype(bool) for c in ("same_action", "both_days", "same_start"))
    s = np.where(action, s + 0.05, s)
    s = np.where(action & place & both_days & same_start, s + 0.05, s)
    s = s + 0.03 * np.minimum(3, np.maximum(0, scored["shared_actors"].astype(np.int64) - 1))
    s = np.where(scored["one_statement"].astype(bool), s - 0.2, s)
    s = np.where(both_days, np.where(same_start, s, s - 0.1), s - 0.05)
    return a, b, np.maximum(0.0, np.minimum(1.0, s))


def resolve(mentions: pd.DataFrame, previous: dict[str, str] | None = None, cache_dir=None,
            max_block: int | None = MAX_BLOCK, articles: frozenset[str] | set[str] | None = None) -> pd.DataFrame:
    """See ``_resolve``. Python's cyclic garbage collector is paused meanwhile: resolution makes
    many small objects and no cycles, and the collector walking them was a fifth of its time.
    ``articles``: the doc_ids of encyclopedia articles (format wikipedia), whose body sections tell
    different happenings (``_Cluster.body_sections_apart``); None: no document is taken for one.
    Whoever resolves a build's mentions passes its articles (``pipeline.build.article_ids``; from a
    build's stages folder ``build.stage_article_ids``, as the benchmarks do), or its answer is not
    the build's; None is for mentions of no known format (synthetic benchmarks, unit fixtures)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _resolve(mentions, previous, cache_dir, max_block, frozenset(articles or ()))
    finally:
        if enabled:
            gc.enable()


def _resolve(mentions: pd.DataFrame, previous: dict[str, str] | None, cache_dir, max_block: int | None,
             articles: frozenset[str] = frozenset()) -> pd.DataFrame:
    """Add ``event_id``, ``match_rule``, ``match_score``, ``match_evidence`` and ``cannot_link`` to
    every mention. ``previous``: mention_id -> event_id of the previous release (ids carried forward).
    ``cache_dir``: where text features are kept between builds (``mention_features``).
    ``max_block``: a safety valve, the largest sub-block paired (None: every one, however large).

    Candidate pairs come from SQL (``pipeline.candidates``: the blocking self-join and the score of
    every pair, vectorised); Python then takes, best first, only the pairs that score above the
    threshold, scores them again exactly (``pair_score``) and applies the cannot-link rules
    (``conflict``, ``_Cluster.conflict``) in the union-find merge."""
    from .candidates import find_pairs

    t0 = time.perf_counter()
    # content order (mention ids hash document content), so file names and order never matter
    # (a stage comes sorted by mention_id: then no copy of every column, pandas copies on write)
    out = (mentions if mentions["mention_id"].is_monotonic_increasing
           else mentions.sort_values("mention_id", kind="mergesort")).reset_index(drop=True)
    n = len(out)
    if n == 0:
        for c, dtype in (("event_id", "str"), ("match_rule", "str"), ("match_score", "float64"),
                         ("match_evidence", "object"), ("cannot_link", "object")):
            out[c] = pd.Series([], dtype=dtype)
        return out
    feats, row_of, computed = mention_features(out["text"].tolist(), cache_dir)
    t_features = time.perf_counter()
    # the rules read a statement that refers back to a place ("It was captured") as placed there
    rules_in = context_places(out, pc.take(feats.column("anaphora"), pa.array(row_of)).to_numpy(zero_copy_only=False))
    tables = _sql_tables(rules_in, feats, row_of)
    release_memory()        # the feature cache's and the SQL tables' intermediates: memory DuckDB needs
    found = find_pairs(tables, n, max_block, DAY_TOLERANCE, THRESHOLD, NEAR_DUPLICATE, RARE_WORD)
    release_memory()
    t_sql = time.perf_counter()

    fps = pc.take(feats.column("fp"), pa.array(row_of)).to_pylist()
    starts = tables["m_in"].column("start").to_pylist()
    stops = tables["m_in"].column("stop").to_pylist()
    precisions = out["date_precision"].tolist()
    mids = out["mention_id"].astype(str).tolist()

    # the edges the merge may join along (see ``_merge_in_batches``): exact-text groups (one
    # date, precision and fingerprint), near-duplicate pairs, statements and the sentence they take
    # their date from (extract: ``inherits_from``), and the scored pairs above the threshold
    group_rows, group_offsets = _exact_groups(np.asarray(starts, dtype=np.int64),
                                              pd.factorize(out["date_precision"])[0],
                                              tables["m_in"].column("fp").to_numpy(zero_copy_only=False))
    # pair_score of the pairs SQL kept, to the last bit, those above the threshold best first
    a, b, s = exact_scores(found.scored, found.shared, tables["words"], tables["word_rank"], n)
    keep = s >= THRESHOLD
    a, b, s = a[keep], b[keep], s[keep]
    # pairs of mentions that state their own date first: a mention whose date is inherited from
    # the sentence before it (date_basis "inherited") elaborates that sentence, and must not take
    # the place of its own paragraph's statement in another document's event
    inherited = (out["date_basis"] == "inherited").to_numpy(dtype=bool) if "date_basis" in out else np.zeros(n, bool)
    order = np.lexsort((b, a, -s, inherited[a] | inherited[b]))
    scored = (s[order], a[order], b[order])
    # statements that take their date from the sentence before them (extract: ``inherits_from``)
    position = {mid: i for i, mid in enumerate(mids)}
    sources = out["inherits_from"].tolist() if "inherits_from" in out else [None] * n
    inherits = np.array([(i, position[src]) for i, src in enumerate(sources) if isinstance(src, str) and src in position],
                        dtype=np.int64).reshape(-1, 2)
    del position, sources
    near = (found.near_a.astype(np.int64), found.near_b.astype(np.int64))
    found_stats = found.stats
    has_facility = pc.list_value_length(feats.column("facilities")).to_numpy(zero_copy_only=False)[row_of] > 0
    retellings = np.array(retelling_candidates(out["doc_id"].tolist(), out["section"].tolist() if "section" in out
                                               else [None] * n, starts, precisions, has_facility),
                          dtype=np.int64).reshape(-1, 2)
    if articles:
        phases = phase_candidates(out["doc_id"].tolist(), out["section"].tolist() if "section" in out else [None] * n,
                                  out["text"].tolist(), articles)
        if phases:
            retellings = np.concatenate([retellings, np.array(phases, dtype=np.int64).reshape(-1, 2)])
        restated = _lead_restatements(out, feats, row_of, starts, stops, articles)
        if restated:
            retellings = np.concatenate([retellings, np.array(restated, dtype=np.int64).reshape(-1, 2)])
    # the merge needs none of these: their memory back before its records are made
    del tables, found, a, b, s, keep, order
    release_memory()
    merged = _merge_in_batches(n, rules_in, feats, row_of, starts, stops, mids,
                               (group_rows, group_offsets), near, inherits, scored, retellings, articles, cache_dir)
    n_scored = len(scored[0])
    del scored, near, inherits, group_rows, group_offsets, stops, retellings

    # ids: carried forward from the previous release, else the anchor's content hash
    clusters = _clusters(merged.root_of)
    joined, told_on = merged.joined, merged.told_on
    dates = [_EPOCH + dt.timedelta(days=d) for d in starts]
    keyed = [stable_id("e", d.isoformat(), p, fp) for d, p, fp in zip(dates, precisions, fps)]
    carried = _carry_forward(clusters, mids, previous or {})
    taken = set(carried.values())
    event_id, rule, score = [""] * n, ["anchor"] * n, [1.0] * n
    evid: list[list[str]] = [[] for _ in range(n)]
    for ci, members in enumerate(clusters):
        # the anchor states its own date: a statement that inherits its date tells more of another
        anchor = min(members, key=lambda i: (inherited[i], keyed[i], i))
        eid = carried.get(ci)
        if eid is None:
            # (every hash taken: an event whose statements all repeat another event's words on its
            # date, kept apart by step 1's sources; its anchor's mention id tells it apart)
            eid = next((keyed[i] for i in sorted(members, key=lambda i: (inherited[i], keyed[i], i))
                        if keyed[i] not in taken), None) or stable_id("e", keyed[anchor], mids[anchor])
            taken.add(eid)
        for i in members:
            event_id[i] = eid
            if i == anchor:
                continue
            if fps[i] == fps[anchor]:
                rule[i], evid[i] = "exact_text", [f"same text and date as {mids[anchor]}"]
                continue
            r_, s_, partner, reasons = joined.get(i) or ("inherited_date", 1.0, told_on[i], [INHERITED_EVIDENCE])
            rule[i], score[i] = r_, s_
            evid[i] = [f"joined to {mids[partner]}"] + reasons
    out["event_id"] = event_id
    out["match_rule"] = rule
    out["match_score"] = np.asarray(score, dtype="float64")
    out["match_evidence"] = evid
    cannot_link = merged.blocked.lists(n, mids)
    out["cannot_link"] = cannot_link
    # what the blocking left out, for the run's metadata (issue 11: no silent caps): with a
    # max_block, the sub-blocks over it and the pairs they hold (none by default)
    stats = {
        "mentions": n, "candidate_pairs": found_stats["candidate_pairs"], "merges": n - len(clusters),
        "blocks_over_cap": found_stats["blocks_over_cap"], "max_block": max_block if max_block is not None else "none",
        "pairs_in_blocks_over_cap": found_stats["pairs_in_blocks_over_cap"],
        "largest_block": found_stats["largest_block"],
        "scored_pairs": n_scored,
        "cannot_links": int(sum(len(v) for v in cannot_link) // 2),
        "features_computed": computed,
        "merge_parts": merged.stats["parts"], "merge_parts_reused": merged.stats["parts_reused"],
        "mentions_merged": merged.stats["mentions_merged"],
    }
    now = time.perf_counter()
    stats["summary"] = (f"resolve: {n} mentions ({computed} texts' features computed, the others cached), "
                        f"{stats['candidate_pairs']} candidate pairs, {n_scored} above the threshold, "
                        f"{stats['merges']} merges ({stats['merge_parts']} parts, {stats['merge_parts_reused']} "
                        f"kept from the last build, {stats['mentions_merged']} mentions merged), "
                        f"largest sub-block {stats['largest_block']}, "
                        f"{stats['blocks_over_cap']} sub-blocks over the cap of {stats['max_block']} "
                        f"({stats['pairs_in_blocks_over_cap']} pairs); {now - t0:.1f} s (features "
                        f"{t_features - t0:.1f} s, SQL {t_sql - t_features:.1f} s, merge {now - t_sql:.1f} s)")
    out.attrs["resolution"] = stats
    return out


def _lead_restatements(out: pd.DataFrame, feats: pa.Table, row_of: np.ndarray, starts: list[int], stops: list[int],
                       articles: frozenset[str]) -> list[tuple[int, int]]:
    """``lead_restatement_candidates`` of the mentions of ``articles`` (their text features read for them only)."""
    if not articles or "section" not in out:
        return []
    rows = np.flatnonzero(out["doc_id"].isin(articles).to_numpy()).tolist()
    if not rows:
        return []
    sub = out.iloc[rows]
    feat_rows = pa.array(row_of[rows])
    kinds = [frozenset(k) for k in pc.take(feats.column("kinds"), feat_rows).to_pylist()]
    statements = pc.take(feats.column("statement"), feat_rows).to_pylist()
    bases = sub["date_basis"].tolist() if "date_basis" in sub else [None] * len(rows)
    return lead_restatement_candidates(rows, sub["doc_id"].tolist(), sub["section"].tolist(),
                                       [starts[i] for i in rows], [stops[i] for i in rows],
                                       sub["date_precision"].tolist(), bases, kinds, statements, sub["text"].tolist())


MERGE_BATCH = 20000     # mentions whose records the merge holds at once (whole components; a larger component alone)


def _exact_groups(start: np.ndarray, prec: np.ndarray, fp: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The mentions of one (start, precision, fingerprint) (as integer codes), in groups of two or
    more: the rows of every group one after the other (in row order within a group) and the offset
    where each group begins (and one past the last)."""
    n = len(start)
    order = np.lexsort((np.arange(n), fp, prec, start))
    s, p, f = start[order], prec[order], fp[order]
    begins = np.flatnonzero(np.r_[True, (s[1:] != s[:-1]) | (p[1:] != p[:-1]) | (f[1:] != f[:-1])])
    sizes = np.diff(np.r_[begins, n])
    many = sizes > 1
    return order[np.repeat(many, sizes)], np.r_[0, np.cumsum(sizes[many])].astype(np.int64)


class _UnionFind:
    """Union by size with path halving over any integers (a batch's mention rows): a number never
    seen is a root of size 1, so it costs nothing for the mentions the batch does not join."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}
        self.size: dict[int, int] = {}

    def find(self, i: int) -> int:
        parent = self.parent
        while True:
            p = parent.get(i, i)
            if p == i:
                return i
            g = parent.get(p, p)
            parent[i] = g
            i = g

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        size = self.size
        if size.get(ra, 1) < size.get(rb, 1):
            ra, rb = rb, ra
        self.parent[rb] = ra
        size[ra] = size.get(ra, 1) + size.get(rb, 1)
        return ra


class _Blocked:
    """The refused pairs of the merge, compactly: (mention, rule, partner) as integer arrays; the
    ``cannot_link`` strings ("different_place: <mention id>") are made once, at the end (``lists``)."""

    def __init__(self) -> None:
        self.i, self.j, self.why = array("q"), array("q"), array("h")
        self.names: list[str] = []
        self._code: dict[str, int] = {}

    def add(self, i: int, j: int, why: str) -> None:
        code = self._code.get(why)
        if code is None:
            code = self._code[why] = len(self.names)
            self.names.append(why)
        self.i.append(i)
        self.j.append(j)
        self.why.append(code)

    def lists(self, n: int, mids: list[str]) -> list[list[str]]:
        """Each mention's ``cannot_link``: the distinct "rule: partner" of its refused pairs, sorted."""
        sets: dict[int, set[str]] = defaultdict(set)
        names = self.names
        for i, j, c in zip(self.i, self.j, self.why):
            sets[i].add(f"{names[c]}: {mids[j]}")
            sets[j].add(f"{names[c]}: {mids[i]}")
        return [sorted(sets[i]) if i in sets else [] for i in range(n)]


@dataclass
class _Merged:
    root_of: np.ndarray                                     # each mention's cluster root
    joined: dict[int, tuple[str, float, int, list[str]]]    # the edge that first joined each mention
    told_on: dict[int, int]                                 # source statement -> a statement that tells more of it
    blocked: _Blocked
    stats: dict                                             # parts, parts reused, mentions merged


def _never_joined(a: dict, b: dict) -> tuple[str | None, bool]:
    """``conflict`` of two mentions without the chemical exemption, and whether it refuses them
    with the same rule with it too: then the merge refuses the pair whatever their clusters (step 2
    reads ``conflict(a, b, weapon_named)`` of the two mentions themselves before any cluster rule,
    and refuses on any answer but None; ``weapon_named`` only ever turns "different_action" into
    None or into a later rule)."""
    w0 = conflict(a, b)
    w1 = conflict(a, b, True) if w0 == "different_action" else w0
    return w0, w0 is not None and w0 == w1


def _merge_in_batches(n: int, rules_in: pd.DataFrame, feats: pa.Table, row_of: np.ndarray, starts: list[int],
                      stops: list[int], mids: list[str], groups: tuple[np.ndarray, np.ndarray],
                      near: tuple[np.ndarray, np.ndarray], inherits: np.ndarray,
                      scored: tuple[np.ndarray, np.ndarray, np.ndarray], retellings: np.ndarray,
                      articles: frozenset[str], cache_dir=None) -> _Merged:
    """The merge (steps 1, 1b, 1c, 2 and 3 below) over the edges it is given: ``groups`` (exact-text
    groups: rows and offsets, ``_exact_groups``), ``near`` (near-duplicate pairs, in the SQL's
    order), ``inherits`` (rows (statement, the sentence it takes its date from), in row order),
    ``scored`` (score, a, b of the pairs above the threshold, best first) and ``retellings``
    (``retelling_candidates``, in their order); ``articles`` as ``resolve``'s; ``cache_dir``: where
    the parts' results are kept between builds (``pipeline.mergememo``).

    It runs one batch of connected components of all those edges at a time
    (``pipeline.components``), with only the batch's mentions as records (``_Records``), and
    gives the result of one merge of all edges in their global order, because:

    - every union joins the two ends of an edge, so a cluster never spans two components;
    - every decision on an edge (join, skip or refuse) reads only the records of the edge's two
      mentions (and, in step 1, of the sentences they take their dates from: those are edges of
      step 1c, so in the same component), the clusters and union-find state of those mentions,
      which only earlier decisions on edges of the same component have changed, and constants
      (``articles``, the thresholds);
    - within a component, the edges are taken in the global order restricted to it: the steps in
      turn, and within a step the given order (a stable sort by component keeps it).
    So each component's decisions, and with them its clusters, the edge that joined each mention
    and its refused pairs, are those of the global merge; the components' interleaving changes
    nothing. A union's root is the larger cluster's (ties: the first), as before.

    Within a batch, the components are cut further into *parts*: the components of the same edges
    less the scored pairs the merge can never join (``_never_joined``: the two mentions break a
    cannot-link whatever their clusters). Such a pair never joins anything, so (by the argument
    above, with "component" read as "part") the clusters stay within parts; a pair between two
    parts is then always met with its mentions in two clusters, and step 2 refuses it exactly
    when it does not pass it over (below: a function of the pair), with its rule of
    ``conflict``: it adds that refused pair and changes nothing else, whenever it is taken. So it
    is taken apart from the parts, and each part is merged alone, or its result taken from the
    previous build (``pipeline.mergememo``: kept by the content of its members and edges). A
    scored pair under the threshold less its ``_context_place_bonus``, or two statements
    ``_one_word_apart`` (functions of the pair), is passed over by step 2 whatever the clusters:
    it is no edge of a part at all, and adds no refused pair."""
    from .components import ByComponent, batches, connected_components
    from .memo import code_version
    from .mergememo import MergeMemo, content_keys, element, group_sums

    group_rows, group_offsets = groups
    firsts = group_rows[group_offsets[:-1]]
    sizes = np.diff(group_offsets)
    s_all, a_all, b_all = scored
    group_a = np.repeat(firsts, sizes)          # a group's edges: its first member to each member
    edge_a = np.concatenate([group_a, near[0], inherits[:, 0], a_all, retellings[:, 0]])
    edge_b = np.concatenate([group_rows, near[1], inherits[:, 1], b_all, retellings[:, 1]])
    labels = connected_components(n, edge_a, edge_b)
    involved = np.zeros(n, dtype=bool)
    involved[edge_a] = True
    involved[edge_b] = True
    del edge_a, edge_b
    inv = np.flatnonzero(involved)
    by_group, by_near = ByComponent(labels[firsts]), ByComponent(labels[near[0]])
    by_inherit, by_pair = ByComponent(labels[inherits[:, 0]]), ByComponent(labels[a_all])
    by_retelling = ByComponent(labels[retellings[:, 0]])

    # what the merge knows of each scored pair before any cluster (``_never_joined``), kept by the
    # contents of its two mentions; the rest is found with their records, batch by batch
    n_pairs = len(s_all)
    memo = MergeMemo(cache_dir, code_version()) if cache_dir is not None else None
    ck1 = ck2 = np.zeros(0, dtype=np.uint64)
    if memo is not None:
        cols = [c for c in _Records._COLUMNS if c in rules_in.columns]
        article = rules_in["doc_id"].isin(articles).to_numpy(dtype=bool)
        ck1, ck2 = np.zeros(n, dtype=np.uint64), np.zeros(n, dtype=np.uint64)
        ck1[inv], ck2[inv] = content_keys(rules_in, inv, cols, starts, stops, article)
        del article
        known, conflicts, never, bonus = memo.pair_facts(ck1[a_all], ck2[a_all], ck1[b_all], ck2[b_all])
        kept_parts, kept_table, kept_blocked = memo.parts()
        # the content keys' intermediates (every involved mention's values as Python objects and
        # Arrow slices: ~0.1 GB at 5,000 documents) handed back before the records are made
        release_memory()
    else:
        known, conflicts = np.zeros(n_pairs, dtype=bool), [None] * n_pairs
        never, bonus = np.zeros(n_pairs, dtype=bool), np.zeros(n_pairs, dtype=np.float64)
        kept_parts, kept_table, kept_blocked = {}, None, {}
    kept_cols = {c: kept_table.column(c).to_numpy(zero_copy_only=False) for c in ("root", "partner", "told", "score")} \
        if kept_table is not None else {}

    root_of = np.arange(n, dtype=np.int64)
    joined: dict[int, tuple[str, float, int, list[str]]] = {}
    told_on: dict[int, int] = {}
    blocked = _Blocked()
    part_blocked: list[tuple[int, int]] = []        # ranges of ``blocked`` refused within parts
    part_key1 = np.zeros(n, dtype=np.uint64)
    part_key2 = np.zeros(n, dtype=np.uint64)
    position = np.zeros(n, dtype=np.int64)          # a mention's position among its part's members
    stats = {"parts": 0, "parts_reused": 0, "mentions_merged": 0}

    def seq(part_ids: np.ndarray) -> np.ndarray:
        """For rows tagged with their part, each row's rank among the rows of its part (order kept)."""
        if not len(part_ids):
            return np.zeros(0, dtype=np.int64)
        order = np.argsort(part_ids, kind="stable")
        p = part_ids[order]
        begins = np.flatnonzero(np.r_[True, p[1:] != p[:-1]])
        rank = np.arange(len(p)) - np.repeat(begins, np.diff(np.r_[begins, len(p)]))
        out = np.empty(len(p), dtype=np.int64)
        out[order] = rank
        return out

    def merge(recs: _Records, group_ids: list[int], near_rows: np.ndarray, inherit_rows: np.ndarray,
              pair_rows: np.ndarray, retelling_rows: np.ndarray) -> _UnionFind:
        uf = _UnionFind()
        cluster: dict[int, _Cluster] = {}

        def cluster_of(root: int) -> _Cluster:
            if root not in cluster:
                cluster[root] = _Cluster(recs[root])      # a root never merged is its mention alone
            return cluster[root]

        def union(i: int, j: int, rule: str, score: float, why: list[str]) -> None:
            ri, rj = uf.find(i), uf.find(j)
            a, b = cluster_of(ri), cluster_of(rj)
            root = uf.union(ri, rj)
            if root == ri:
                a.absorb(b)
            else:
                b.absorb(a)
            cluster.pop(rj if root == ri else ri)
            joined.setdefault(i, (rule, score, j, why))
            joined.setdefault(j, (rule, score, i, why))

        inherits_here = list(zip(inherits[inherit_rows, 0].tolist(), inherits[inherit_rows, 1].tolist()))

        # 1. exact keys: identical text on the same date is one event, even within one document; but a
        # sentence that takes its date from the one before it is about what that one tells: the same
        # words after two sentences that break a cannot-link ("At a later date, the FSA lost control of
        # the town." after the capture of Salqin, and after the capture of Darkush) tell of two events
        source_of = dict(inherits_here)
        for g in group_ids:
            members = group_rows[group_offsets[g]:group_offsets[g + 1]].tolist()
            for x, j in enumerate(members[1:], 1):
                for k in members[:x]:
                    if uf.find(k) == uf.find(j):
                        break
                    sk, sj = source_of.get(k), source_of.get(j)
                    why = conflict(recs[sk], recs[sj]) if sk is not None and sj is not None and sk != sj else None
                    if why == "different_capturer":
                        # the doer of "They later captured a hill ..." is the sentence just before's, not surely
                        # its dated source's ("On 7 February, ISIL recaptured Bizaah. The SAA and Hezbollah,
                        # meanwhile, captured 3 villages. They later captured a hill ..."): the same words of
                        # one day are one capture whoever took the places of the sentences they are dated by
                        why = None
                    if why is not None:       # the rule that keeps their sources apart keeps them apart
                        blocked.add(k, j, why)
                        continue
                    union(k, j, "exact_text", 1.0, ["same text and date"])
                    break

        # 1b. a statement repeated in its document with a word changed (pairs from NEAR_DUPLICATE_SQL,
        # in the order of their document-date groups)
        for i, j in zip(near[0][near_rows].tolist(), near[1][near_rows].tolist()):
            if uf.find(i) != uf.find(j) and _near_duplicate(recs[i], recs[j]) and conflict(recs[i], recs[j]) is None:
                wa, wb = recs[i]["_all_words"], recs[j]["_all_words"]
                union(i, j, "near_duplicate", round(len(wa & wb) / len(wa | wb), 2),
                      [f"the same statement repeated in the document with words changed: "
                       f"{', '.join(sorted(wa ^ wb)[:6])}"])

        # 1c. a statement that takes its date from the sentence before it and tells more of it
        # (extract: ``inherits_from``; ``goes_on_about``) is that sentence's event
        for i, at in inherits_here:
            r = recs[i]
            if uf.find(i) == uf.find(at) or not goes_on_about(recs[at], r):
                continue
            a_, b_ = cluster_of(uf.find(at)), cluster_of(uf.find(i))
            why = a_.conflict(b_)
            if why is None or (why == "different_action" and _names_the_weapon(a_.kinds, b_.kinds)) \
                    or (why == "different_place" and refers_to_the_event(r["text"])) \
                    or (why == "different_action" and _loser_retreats(recs[at], r)
                        and a_.kinds | b_.kinds <= {"capture", "withdrawal", "fighting"}):
                source_joined = at in joined
                union(at, i, "inherited_date", 1.0, [INHERITED_EVIDENCE])
                if not source_joined:     # the source's own way into its event is told by its own merge
                    del joined[at]
                    told_on[at] = i

        # 2. candidate pairs (blocking on (month, place) and (month, rare word)) scored in SQL, those
        # above the threshold scored exactly (``exact_scores``), merged best-first under the
        # cannot-link rules (the rule of the two mentions themselves known: ``_never_joined``)
        for s, i, j, k in _BestFirst(s_all[pair_rows], a_all[pair_rows], b_all[pair_rows], pair_rows):
            ri, rj = uf.find(i), uf.find(j)
            if ri == rj:
                continue
            # (``bonus[k]``: the pair's bonus and margin, infinite for ``_one_word_apart``, found in ``process``,
            # which passed over every pair under the threshold by it: a pair of none, both terms 0, is not
            # under it, and with none is not one word apart; the others are asked again, in this sum's order)
            if bonus[k] != 0.0 and (s - _context_place_bonus(recs[i], recs[j]) - _margin_of(recs[i], recs[j], never[k])
                                    < THRESHOLD or _one_word_apart(recs[i], recs[j])):
                continue
            ca, cb = cluster_of(ri), cluster_of(rj)
            why = conflicts[k] if never[k] or not ("chemical" in ca.kinds and "chemical" in cb.kinds) \
                else conflict(recs[i], recs[j], True)
            if why is None and not ca.may_share_sections(cb):
                why = "same_document"
            if why is None and articles and ca.body_sections_apart(cb, articles):
                why = "different_section"
            if why is None and (not periods_overlap(ca.span, cb.span) or ca.parts_apart(cb)):
                why = "different_period"
            if why is None:
                why = ca.conflict(cb)
            if why is not None:
                blocked.add(i, j, why)
                continue
            union(i, j, "similarity", round(s, 2), evidence(recs[i], recs[j]))

        # 3. one attack told again in one section of one document (``retold_in_section``), after the
        # scored pairs, under the same cannot-link rules
        for i, j in zip(retellings[retelling_rows, 0].tolist(), retellings[retelling_rows, 1].tolist()):
            ri, rj = uf.find(i), uf.find(j)
            if ri == rj:
                continue
            why_retold = RETOLD_EVIDENCE if retold_in_section(recs[i], recs[j]) else \
                PHASE_EVIDENCE if same_phase_of_the_subject(recs[i], recs[j]) else \
                lead_evidence(recs[i], recs[j]) if restated_in_lead(recs[i], recs[j]) else None
            if why_retold is None:
                continue
            ca, cb = cluster_of(ri), cluster_of(rj)
            # the lead and the body telling the start of the article's subject may name two places: the lead
            # its target ("the goal of capturing Raqqa"), the body where it was launched or announced ("in
            # the city of Ayn Issa"); an article has one start of its subject
            places = why_retold != PHASE_EVIDENCE
            if conflict(recs[i], recs[j], "chemical" in ca.kinds and "chemical" in cb.kinds, places) is None \
                    and ca.may_share_sections(cb) and not (articles and ca.body_sections_apart(cb, articles)) \
                    and periods_overlap(ca.span, cb.span) and not ca.parts_apart(cb) and ca.conflict(cb, places) is None:
                union(i, j, "retold", 1.0, [why_retold] + evidence(recs[i], recs[j]))
        cluster.clear()
        return uf

    def process(lo: int, hi: int, batch_nodes: np.ndarray) -> None:
        group_ids, near_rows = by_group.rows(lo, hi), by_near.rows(lo, hi)
        inherit_rows, pair_rows = by_inherit.rows(lo, hi), by_pair.rows(lo, hi)
        retelling_rows = by_retelling.rows(lo, hi)
        recs = _Records(rules_in, feats, row_of, [], starts, stops)
        todo = pair_rows[~known[pair_rows]]
        if len(todo):
            recs.add(np.unique(np.concatenate([a_all[todo], b_all[todo]])).tolist())
            for k, i, j in zip(todo.tolist(), a_all[todo].tolist(), b_all[todo].tolist()):
                ri, rj = recs[i], recs[j]
                conflicts[k], never[k] = _never_joined(ri, rj)
                # (infinite: a pair step 2 passes over whatever its score, ``_one_word_apart``)
                bonus[k] = math.inf if _one_word_apart(ri, rj) else _context_place_bonus(ri, rj) + _margin_of(ri, rj, never[k])
            known[todo] = True
        # a pair under the threshold less its bonus is passed over by step 2 whatever the clusters
        pair_rows = pair_rows[s_all[pair_rows] - bonus[pair_rows] >= THRESHOLD]

        # the parts: the batch's components less the pairs never joined
        nodes = np.sort(batch_nodes)
        g_edges = np.concatenate([np.arange(group_offsets[g], group_offsets[g + 1]) for g in group_ids.tolist()]) \
            if len(group_ids) else np.zeros(0, dtype=np.int64)
        joinable = pair_rows[~never[pair_rows]]
        ea = np.concatenate([group_a[g_edges], near[0][near_rows], inherits[inherit_rows, 0], a_all[joinable],
                             retellings[retelling_rows, 0]])
        eb = np.concatenate([group_rows[g_edges], near[1][near_rows], inherits[inherit_rows, 1], b_all[joinable],
                             retellings[retelling_rows, 1]])
        part = nodes[connected_components(len(nodes), np.searchsorted(nodes, ea), np.searchsorted(nodes, eb))]
        pid_labels, pid = np.unique(part, return_inverse=True)       # parts 0 .. P-1, by smallest member
        n_parts = len(pid_labels)
        stats["parts"] += n_parts
        pid_of = np.zeros(n, dtype=np.int64)
        pid_of[nodes] = pid
        # between two parts: refused, whenever it is taken
        cross = never[pair_rows] & (pid_of[a_all[pair_rows]] != pid_of[b_all[pair_rows]])
        for k in pair_rows[cross].tolist():
            blocked.add(int(a_all[k]), int(b_all[k]), conflicts[k])
        pair_rows = pair_rows[~cross]
        # each member's position among its part's members (in row order, as ``nodes``)
        by_part = np.argsort(pid, kind="stable")
        position[nodes] = seq(pid)
        group_pid = pid_of[firsts[group_ids]]
        near_pid, inherit_pid = pid_of[near[0][near_rows]], pid_of[inherits[inherit_rows, 0]]
        pair_pid, retelling_pid = pid_of[a_all[pair_rows]], pid_of[retellings[retelling_rows, 0]]

        # each part's key (``pipeline.mergememo``): its members' contents, its edges in merge order
        if memo is not None:
            pos = position
            keys = []
            for lane, ck in ((0, ck1), (1, ck2)):
                parts_sum = group_sums(element(lane, np.zeros(len(nodes)), pos[nodes], ck[nodes]), pid, n_parts)
                g_t = seq(group_pid)
                g_of_edge = np.repeat(np.arange(len(group_ids)), sizes[group_ids])
                member_u = np.arange(len(g_edges)) - np.repeat(np.r_[0, np.cumsum(sizes[group_ids])[:-1]],
                                                               sizes[group_ids]) if len(group_ids) else g_edges
                with np.errstate(over="ignore"):
                    parts_sum += group_sums(element(lane, np.full(len(g_edges), 5), g_t[g_of_edge], member_u,
                                                    pos[group_rows[g_edges]]), group_pid[g_of_edge], n_parts)
                    for kind, pids, xa, xb, extra in (
                            (1, near_pid, near[0][near_rows], near[1][near_rows], ()),
                            (2, inherit_pid, inherits[inherit_rows, 0], inherits[inherit_rows, 1], ()),
                            (3, pair_pid, a_all[pair_rows], b_all[pair_rows], ()),
                            (4, retelling_pid, retellings[retelling_rows, 0], retellings[retelling_rows, 1], ())):
                        parts_sum += group_sums(element(lane, np.full(len(xa), kind), seq(pids), pos[xa], pos[xb],
                                                        *extra), pids, n_parts)
                keys.append(parts_sum)
            part_key1[nodes], part_key2[nodes] = keys[0][pid], keys[1][pid]
            # (a kept part of another size than this one is a damaged entry: merged again)
            size_of = np.bincount(pid, minlength=n_parts).tolist()
            hit = np.array([(x, y) in kept_parts and kept_parts[(x, y)][1] - kept_parts[(x, y)][0] == m
                            for x, y, m in zip(keys[0].tolist(), keys[1].tolist(), size_of)], dtype=bool)
        else:
            hit = np.zeros(n_parts, dtype=bool)

        # parts merged before: their results, member by position
        if hit.any():
            assert kept_table is not None
            members_of = np.split(nodes[by_part], np.flatnonzero(np.diff(pid[by_part])) + 1)
            # a pair that joined two members: its score of this build (the key holds the order only)
            rows = pair_rows[hit[pair_pid]]
            score_of = dict(zip(zip(np.minimum(a_all[rows], b_all[rows]).tolist(),
                                    np.maximum(a_all[rows], b_all[rows]).tolist()), s_all[rows].tolist()))
            start = len(blocked.i)
            for p in np.flatnonzero(hit).tolist():
                members = members_of[p].tolist()
                key = (int(keys[0][p]), int(keys[1][p]))
                b, e = kept_parts[key]
                roots, partners, told, scores = (kept_cols[c][b:e].tolist() for c in ("root", "partner", "told", "score"))
                rules = kept_table.column("rule").slice(b, e - b).to_pylist()
                whys = kept_table.column("why").slice(b, e - b).to_pylist()
                for t, m in enumerate(members):
                    root_of[m] = members[roots[t]]
                    if rules[t] is not None:
                        other = members[partners[t]]
                        score = round(score_of[(min(m, other), max(m, other))], 2) if rules[t] == "similarity" \
                            else scores[t]
                        joined[m] = (rules[t], score, other, whys[t])
                    if told[t] is not None and told[t] >= 0:
                        told_on[m] = members[told[t]]
                for i, j, w in kept_blocked.get(key, ()):
                    blocked.add(members[i], members[j], w)
            part_blocked.append((start, len(blocked.i)))
            stats["parts_reused"] += int(hit.sum())

        # the others merged, all in one merge (parts never interact)
        if not hit.all():
            todo_part = ~hit
            merged_nodes = nodes[todo_part[pid]]
            stats["mentions_merged"] += len(merged_nodes)
            recs.add(merged_nodes.tolist())
            start = len(blocked.i)
            uf = merge(recs, group_ids[todo_part[group_pid]].tolist(), near_rows[todo_part[near_pid]],
                       inherit_rows[todo_part[inherit_pid]], pair_rows[todo_part[pair_pid]],
                       retelling_rows[todo_part[retelling_pid]])
            part_blocked.append((start, len(blocked.i)))
            root_of[merged_nodes] = [uf.find(i) for i in merged_nodes.tolist()]
        recs.release()          # the batch is done: its records are memory the next one needs
        _ONE.clear()
        release_memory()        # (and what the C heap holds of them, for the steps after resolution)

    for batch in batches(labels, inv, MERGE_BATCH):
        process(batch.lo, batch.hi, batch.nodes)

    if memo is not None:
        memo.keep_pairs(ck1[a_all], ck2[a_all], ck1[b_all], ck2[b_all], conflicts, never, bonus)
        # every part's result, member by position (members sorted by part key, then position)
        order = np.lexsort((position[inv], part_key2[inv], part_key1[inv]))
        nodes = inv[order]
        rule: list[str | None] = []
        why: list[list[str]] = []
        score: list[float] = []
        partner: list[int] = []
        told: list[int] = []
        for m in nodes.tolist():
            got = joined.get(m)
            if got is None:
                rule.append(None)
                score.append(0.0)
                partner.append(-1)
                why.append([])
            else:
                rule.append(got[0])
                score.append(got[1])
                partner.append(int(position[got[2]]))
                why.append(got[3])
            t = told_on.get(m)
            told.append(int(position[t]) if t is not None else -1)
        memo.keep_parts({"k1": part_key1[nodes], "k2": part_key2[nodes], "pos": position[nodes].astype(np.int32),
                         "root": position[root_of[nodes]].astype(np.int32), "rule": rule, "score": score,
                         "partner": np.array(partner, dtype=np.int32), "why": why,
                         "told": np.array(told, dtype=np.int32)},
                        _part_blocked(blocked, part_blocked, part_key1, part_key2, position))
    return _Merged(root_of, joined, told_on, blocked, stats)


def _part_blocked(blocked: _Blocked, ranges: list[tuple[int, int]], key1: np.ndarray, key2: np.ndarray,
                  position: np.ndarray) -> dict[str, Any]:
    """The refused pairs within parts (``ranges`` of ``blocked``), by part key and position."""
    i = np.concatenate([np.frombuffer(blocked.i, dtype=np.int64)[lo:hi] for lo, hi in ranges]) if ranges \
        else np.zeros(0, dtype=np.int64)
    j = np.concatenate([np.frombuffer(blocked.j, dtype=np.int64)[lo:hi] for lo, hi in ranges]) if ranges \
        else np.zeros(0, dtype=np.int64)
    why = np.concatenate([np.frombuffer(blocked.why, dtype=np.int16)[lo:hi] for lo, hi in ranges]) if ranges \
        else np.zeros(0, dtype=np.int16)
    return {"k1": key1[i], "k2": key2[i], "i": position[i].astype(np.int32), "j": position[j].astype(np.int32),
            "why": [blocked.names[c] for c in why.tolist()]}


def _clusters(root_of: np.ndarray) -> list[list[int]]:
    """The mentions of each cluster (``root_of``: a root per mention), each in row order, the
    clusters in order of their first mention (as ``sorted`` orders the lists)."""
    order = np.argsort(root_of, kind="stable")
    roots = root_of[order]
    begins = np.flatnonzero(np.r_[True, roots[1:] != roots[:-1]])
    ends = np.r_[begins[1:], len(order)]
    by_first = np.argsort(order[begins], kind="stable")
    return [order[lo:hi].tolist() for lo, hi in zip(begins[by_first].tolist(), ends[by_first].tolist())]


_EPOCH = dt.date(1970, 1, 1)


class _BestFirst:
    """The scored pairs in merge order, as (score, a, b) of Python numbers: held as numpy arrays and
    made Python tuples a chunk at a time (a list of 745,000 tuples was ~110 MB at 5,000 documents)."""

    CHUNK = 1 << 16

    def __init__(self, s: np.ndarray, a: np.ndarray, b: np.ndarray, k: np.ndarray | None = None):
        self.s, self.a, self.b, self.k = s, a, b, k

    def __len__(self) -> int:
        return len(self.s)

    def __iter__(self) -> Iterator[tuple]:          # (score, a, b), or (score, a, b, k) with ``k``
        for lo in range(0, len(self.s), self.CHUNK):
            hi = lo + self.CHUNK
            cols = [self.s[lo:hi].tolist(), self.a[lo:hi].tolist(), self.b[lo:hi].tolist()]
            if self.k is not None:
                cols.append(self.k[lo:hi].tolist())
            yield from zip(*cols)


def _as_set(x) -> frozenset | set:
    return x if isinstance(x, (set, frozenset)) else frozenset(x)


class _WordSet(tuple):
    """A word set of the merge's records (``_words``, ``_all_words``): its words sorted, as a tuple,
    about a quarter of the memory of a frozenset of them (a frozenset's hash table was three
    quarters of a record: BENCHMARKS.md, perf-mem). The set operations the rules use (``&``,
    ``|``, ``^``, ``-``, comparisons, ``in``, ``len``, iteration) behave as on the frozenset and
    give frozensets, so the rules read it as the set ``_derive`` makes."""

    __slots__ = ()

    def __and__(self, other):
        return frozenset(self) & _as_set(other)

    def __or__(self, other):
        return frozenset(self) | _as_set(other)

    def __xor__(self, other):
        return frozenset(self) ^ _as_set(other)

    def __sub__(self, other):
        return frozenset(self) - _as_set(other)

    def __rsub__(self, other):
        return _as_set(other) - frozenset(self)

    __rand__, __ror__, __rxor__ = __and__, __or__, __xor__

    def __le__(self, other):
        return frozenset(self) <= _as_set(other)

    def __lt__(self, other):
        return frozenset(self) < _as_set(other)

    def __ge__(self, other):
        return frozenset(self) >= _as_set(other)

    def __gt__(self, other):
        return frozenset(self) > _as_set(other)

    def __eq__(self, other):
        if isinstance(other, _WordSet):
            return tuple.__eq__(self, other)
        if isinstance(other, (set, frozenset)):
            return frozenset(self) == other
        return NotImplemented

    def __ne__(self, other):
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    __hash__ = tuple.__hash__

    def isdisjoint(self, other) -> bool:
        return frozenset(self).isdisjoint(other)

    def __repr__(self) -> str:
        return f"_WordSet({list(self)!r})"


class _Records:
    """The mentions the merge looks at, as the dicts the rules read (``_derive``): only mentions in
    a scored pair, a near-duplicate pair or an exact-text group become Python objects (the others
    are never looked at one by one, and are made on demand). They are made in chunks, each
    chunk's text features read from Arrow once per distinct text and let go once its records are
    made (not every involved text's features as Python lists at once); their equal immutable
    values (word sets, place sets, periods, coordinates, the words themselves) are held once.

    ``CHUNK`` (2,000 mentions) bounds what a chunk makes and lets go (its rows of the frame as
    Python values, its texts' features as Python dicts of lists): those objects are allocated
    between the records that stay, and their memory stays with the process as the largest chunk's.
    With 20,000 the merge of the 5,000-document corpus's largest batch (~99,000 records) peaked
    ~0.1 GB higher for the same CPU (BENCHMARKS.md, perf-mem)."""

    _COLUMNS = ("mention_id", "doc_id", "section", "kind", "text", "date", "date_precision", "places", "actors",
                "location", "admin1", "geo_basis", "latitude", "longitude", "geo_precision", "date_basis", "date_end",
                "date_qualifier", "inherits_from")
    CHUNK = 2000

    def __init__(self, out: pd.DataFrame, feats: pa.Table, row_of: np.ndarray, involved: list[int],
                 starts: list[int], stops: list[int]):
        self.out, self.feats, self.row_of = out, feats, row_of
        self.cache: dict[int, dict] = {}
        self.starts, self.stops = starts, stops
        self._interned: dict = {}
        self._words: dict[_WordSet, _WordSet] = {}
        self._row_words: dict[int, tuple[_WordSet, _WordSet]] = {}     # a text's (feature row's) two word sets
        self._values: dict[str, dict] = defaultdict(dict)
        self.add(involved)

    def add(self, involved: list[int]) -> None:
        """Make the records of the mentions ``involved`` (rows of ``out``) not made yet."""
        cache, out, row_of = self.cache, self.out, self.row_of
        involved = [i for i in involved if i not in cache]
        cols = [c for c in self._COLUMNS if c in out.columns]
        for lo in range(0, len(involved), self.CHUNK):
            part = involved[lo:lo + self.CHUNK]
            sub = out.iloc[part]
            values = [self._shared(c, sub[c].tolist()) for c in cols]
            # the features of each distinct text of the chunk once (mentions repeating a text share them)
            rows, row_pos = np.unique(row_of[part], return_inverse=True)
            f = self.feats.take(pa.array(rows)).to_pylist()
            for pos, (i, k) in enumerate(zip(part, row_pos.tolist())):
                cache[i] = self._made(i, {c: v[pos] for c, v in zip(cols, values)}, f[k])

    # columns whose values repeat from mention to mention (a document's id, a kind, a date, a list
    # of places): each distinct value held once (``_shared``); mention_id and text are the mention's own
    _REPEATED = frozenset(("doc_id", "section", "kind", "date", "date_precision", "places", "actors", "location",
                           "admin1", "geo_basis", "geo_precision", "date_basis", "date_end"))

    def _shared(self, column: str, values: list) -> list:
        """``values`` of ``column`` with equal strings, timestamps and lists held once."""
        if column not in self._REPEATED:
            return values
        seen = self._values[column]
        out = []
        for v in values:
            if isinstance(v, list):
                v = seen.setdefault(tuple(v), v)
            elif isinstance(v, (str, pd.Timestamp)):
                v = seen.setdefault(v, v)
            out.append(v)
        return out

    def _made(self, i: int, r: dict, f: dict) -> dict:
        intern = self._interned
        _derive(r, f, (_EPOCH + dt.timedelta(days=self.starts[i]), _EPOCH + dt.timedelta(days=self.stops[i])))
        # the word sets, most of a record's memory as frozensets, as sorted tuples of the words
        # (``_WordSet``: the same set operations), each distinct set once, with one str object per
        # distinct word; made once per text (mentions repeating a text share them: speed only)
        row = int(self.row_of[i])
        sets = self._row_words.get(row)
        if sets is None:
            made = []
            for key in ("_words", "_all_words"):
                w = _WordSet(sorted(intern.setdefault(x, x) for x in r[key]))
                made.append(self._words.setdefault(w, w))
            sets = self._row_words[row] = (made[0], made[1])
        r["_words"], r["_all_words"] = sets
        # equal immutable sets held once: most mentions' sets are empty or repeat another
        # mention's (the merge of 200,000 mentions held gigabytes of equal frozensets)
        for k, v in r.items():
            if isinstance(v, frozenset) or (isinstance(v, tuple) and v and isinstance(v[0], frozenset)):
                r[k] = intern.setdefault(v, v)
        levels = (intern.setdefault(r["_places"]["place"], r["_places"]["place"]),
                  intern.setdefault(r["_places"]["governorate"], r["_places"]["governorate"]))
        r["_places"] = intern.setdefault(("_places", levels), {"place": levels[0], "governorate": levels[1]})
        r["_period"] = intern.setdefault(("_period", r["_period"]), r["_period"])
        r["_start"] = r["_period"][0]
        if r["_coord"] is not None:
            r["_coord"] = intern.setdefault(("_coord", r["_coord"]), r["_coord"])
        return r

    def __getitem__(self, i: int) -> dict:
        r = self.cache.get(i)
        if r is None:       # not involved: one mention alone (a root of its own)
            row = self.out.iloc[i].to_dict()
            r = self.cache[i] = self._made(i, row, self.feats.slice(int(self.row_of[i]), 1).to_pylist()[0])
        return r

    def release(self) -> None:
        """Let the records go (the merge is done; the ids and explanations need none of them)."""
        self.cache.clear()
        self._interned.clear()
        self._words.clear()
        self._row_words.clear()
        self._values.clear()


# the columns of the mentions resolution reads (the records' columns, and the statement a mention
# takes its date from): whoever resolves a stage may hand it only these (``pipeline.build.resolved_table``;
# a rule that reads another column adds it to ``_Records._COLUMNS``)
MENTION_COLUMNS = (*_Records._COLUMNS, "inherits_from")


def _union(values) -> list[str]:
    return sorted({v for vs in values for v in vs})


GEO_RANK = {"place": 0, "governorate": 1, "country": 2}
BASIS_RANK = {"stated": 0, "unlisted": 1, "paragraph": 2, "section": 3, "subject": 4, "item": 5}
EVENT_COLUMNS = ["event_id", "date", "date_precision", "summary", "n_mentions", "n_documents", "topics",
                 "context", "places", "actors", "location", "admin1", "latitude", "longitude", "geo_precision",
                 "geo_basis", "event_type", "in_scope"]


def build_events(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per event: the most precise (then earliest) date; as summary the most informative
    mention (headline or related item before prose, then the most places/actors named, then the
    longest); unions of topics, context, places and actors; the most precise location."""
    if mentions.empty:
        return pd.DataFrame({c: [] for c in EVENT_COLUMNS})
    m = mentions.assign(
        _rank=mentions["date_precision"].map(PRECISION_RANK),
        _kind=(mentions["kind"] == "narrative").astype(int),
        _info=-(mentions["places"].map(len) + mentions["actors"].map(len)),
        _len=-mentions["text"].str.len(),
        _geo=mentions["geo_precision"].map(GEO_RANK).fillna(9),
        _basis=mentions["geo_basis"].map(BASIS_RANK).fillna(9),
    )
    # (each sort over the columns it keeps only: sorting every column of 200,000 mentions three times cost seconds)
    best_date = m[["event_id", "_rank", "date", "mention_id", "date_precision"]].sort_values(
        ["event_id", "_rank", "date", "mention_id"]).drop_duplicates("event_id")
    best_text = m[["event_id", "_kind", "_info", "_len", "mention_id", "text"]].sort_values(
        ["event_id", "_kind", "_info", "_len", "mention_id"]).drop_duplicates("event_id")
    best_geo = m[["event_id", "_geo", "_basis", "location", "mention_id", "admin1", "latitude", "longitude",
                  "geo_precision", "geo_basis"]].sort_values(
        ["event_id", "_geo", "_basis", "location", "mention_id"]).drop_duplicates("event_id")
    g = m.groupby("event_id", sort=True)
    size = g.size()
    # the members of each event together, in the groups' order (groupby's own ``agg`` with a Python
    # function makes a Series per event: most of this function's time on 100,000 events)
    order = np.argsort(g.ngroup().to_numpy(), kind="stable")
    bounds = np.concatenate([[0], np.cumsum(size.to_numpy())]).tolist()

    def per_event(column: str, fn) -> pd.Series:
        values = m[column].tolist()
        values = [values[i] for i in order.tolist()]
        return pd.Series([fn(values[bounds[k]:bounds[k + 1]]) for k in range(len(size))], index=size.index)

    events = pd.DataFrame({
        "n_mentions": size,
        "n_documents": g["doc_id"].nunique(),
        "topics": per_event("topics", _union),
        "context": per_event("context", _union),
        "places": per_event("places", _union),
        "actors": per_event("actors", _union),
        "event_type": per_event("event_type", event_type_of),
    })
    events = events.join(best_date.set_index("event_id")[["date", "date_precision"]])
    events = events.join(best_text.set_index("event_id")["text"].rename("summary"))
    events = events.join(best_geo.set_index("event_id")[["location", "admin1", "latitude", "longitude", "geo_precision",
                                                         "geo_basis"]])
    texts = m["text"].tolist()
    abroad = {t: is_abroad(t) for t in set(texts)}       # a text repeated in many documents: once
    cue = m.assign(_cue=[names_syria(t, " ".join(tp), " ".join(cx)) for t, tp, cx in
                         zip(texts, m["topics"], m["context"])],
                   _abroad=[abroad[t] for t in texts]).groupby("event_id")
    events = events.join(cue["_cue"].any()).join(cue["_abroad"].all())
    events["in_scope"] = [in_scope(d, isinstance(loc, str), c, a) for d, loc, c, a in
                          zip(events["date"], events["location"], events["_cue"], events["_abroad"])]
    return events.reset_index()[EVENT_COLUMNS]
