"""The published tables. One pandera model per table; the single source of truth for columns."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from .base import column, table_config

FORMATS = ["current_events", "current_events_day", "wikipedia", "syrian_archive"]
MENTION_KINDS = ["headline", "related", "narrative"]
PRECISIONS = ["day", "month", "year"]
DATE_QUALIFIERS = ["early", "mid", "late", "end"]
DATE_BASES = ["stated", "relative", "previous", "section", "document", "page", "link", "inherited"]
OUTCOMES = ["killed", "injured", "casualties"]
QUALIFIERS = ["exact", "at_least", "more_than", "about", "nearly", "up_to", "range", "vague"]
SCOPES = ["incident", "cumulative"]
GEO_PRECISIONS = ["place", "governorate", "country"]
GEO_BASES = ["stated", "unlisted", "paragraph", "section", "subject", "item"]
EVENT_TYPES = ["chemical_attack", "shootdown_or_crash", "airstrike", "shelling", "territorial_change",
               "ground_fighting", "agreement_or_ceasefire", "deployment", "statement", "other"]
STAGES = ["discover", "parse", "extract", "validate"]
LANGUAGES = ["ar", "en", "und"]  # what pipeline/language.py detects (BCP 47)


# Location columns shared by mentions, events and figures: described once here.
def admin1_column():
    return column("Governorate of `location`.", nullable=True)


def latitude_column():
    return column("Latitude of `location` (WGS84, GeoNames).", "float64", nullable=True, ge=-90, le=90)


def longitude_column():
    return column("Longitude of `location` (WGS84, GeoNames).", "float64", nullable=True, ge=-180, le=180)


def geo_precision_column():
    return column("What `location` is: place, governorate or country.", nullable=True, isin=GEO_PRECISIONS)


def geo_basis_column():
    return column("How `location` was found (pipeline/locate.py): stated (a gazetteer place named in the "
                  "statement), unlisted (a place the statement names by its phrasing, 'the village of X', "
                  "'occurred in X', or names bare where its document names it so elsewhere, that "
                  "GeoNames cities500 lacks or has only far away; or a site such as 'the X Airbase' "
                  "when nothing finer is known: `location` is the name as written, "
                  "coordinates and governorate those of the place it lies in from the context, else null), "
                  "or, for a statement naming no place (or only the country; or only a governorate, when "
                  "the context gives a place in it other than its capital), inherited from its "
                  "context: paragraph (an earlier sentence of "
                  "the same paragraph, or the statement it takes its date from there), section (the section "
                  "heading or an enclosing heading, or the incident's header block or title line the statement "
                  "takes its date from), subject "
                  "(the document's subject: its title, a Syrian Archive 'Location:' field), item (a "
                  "current-events item's topic breadcrumbs or context tags).", nullable=True, isin=GEO_BASES)


def event_type_column(what: str):
    return column(what + " Allowed values, in priority order: " + ", ".join(EVENT_TYPES) + " (rules in "
                  "pipeline/classify.py).", isin=EVENT_TYPES)


class Documents(pa.DataFrameModel):
    doc_id: Series[str] = column("Stable id of the document: first 16 hex digits of the SHA-256 of its bytes.")
    doc_key: Series[str] = column("What the document is, independent of its bytes: 'current_events:<day>', 'current_events_day:<day>' or '<format>:<title>' (the content hash when it says neither; '#<doc_id>' appended for a second version of the same document). Row ids of mentions, sources, links and figures hash it, so editing a document changes only the rows whose text changed.")
    path: Series[str] = column("Path of the file relative to seeds/, with forward slashes.")
    sha256: Series[str] = column("SHA-256 of the file's bytes (hex).", str_length={"min_value": 64, "max_value": 64})
    format: Series[str] = column("Detected format of the document: current_events (an item page of Portal:Current events), current_events_day (a day index page listing every item of one day), wikipedia (an article), syrian_archive (a Syrian Archive page).", isin=FORMATS)
    title: Series[str] = column("Title: the article subject or page title; for a current-events item page its first headline; for a day index page 'Current events of <day>'.", nullable=True)
    published: Series[pa.DateTime] = column("Date the document was published or, for a current-events page, the day it covers.", "date", nullable=True)
    byte_size: Series[pd.Int64Dtype] = column("Size of the file in bytes.", "int64", ge=1)
    n_mentions: Series[pd.Int64Dtype] = column("Number of event mentions extracted from the document.", "int64", ge=0)
    url: Series[str] = column("Canonical public URL of the document: the Wikipedia article, the Syrian Archive page, the current-events item or day page on thecontext.net. From the catalogue (MANIFEST.csv beside the documents), else as the document itself states it; null when neither says (see pipeline/catalogue.py).", nullable=True, str_startswith="http")
    licence: Series[str] = column("Licence of the document's text, as an SPDX identifier where it is a Creative Commons licence (CC-BY-SA-4.0): the catalogue's, else the one its source states for its pages.", nullable=True)
    language: Series[str] = column("Language of the document's text (BCP 47: en, ar; und when undetermined or too short), by script share and English function words (rule in pipeline/language.py). Only en and und are extracted.", isin=LANGUAGES)
    note: Series[str] = column("Why the document gives no event mention (set exactly when n_mentions is 0): not extracted because of its language, near-empty (a placeholder or index page), or no dated statement found.", nullable=True)

    Config = table_config("One row per input document used in the build.", ["doc_id"], ["path"])


class EventMentions(pa.DataFrameModel):
    mention_id: Series[str] = column("Stable id of the mention: hash of the document key (documents.doc_key), kind, normalized text and occurrence.")
    event_id: Series[str] = column("The event this mention was resolved to.")
    doc_id: Series[str] = column("The document the mention sits in.")
    kind: Series[str] = column("Where the document states the event: headline (of a current-events item page, or any item of a day index page) or related item of a current-events page, or a sentence of prose (narrative).", isin=MENTION_KINDS)
    text: Series[str] = column("The statement as written, cleaned (entities decoded, markdown removed, topic breadcrumbs split off).")
    date: Series[pa.DateTime] = column("First day of the period the mention dates the event to.", "date")
    date_precision: Series[str] = column("How much of `date` the text states: day, month or year.", isin=PRECISIONS)
    date_qualifier: Series[str] = column("Part of the month the text names (early, mid, late, end), for month precision.", nullable=True, isin=DATE_QUALIFIERS)
    date_end: Series[pa.DateTime] = column("Last day of a range the text states ('between 9 and 11 October': `date` 9 October, day precision, `date_end` 11 October); null for a single day, month or year.", "date", nullable=True)
    date_basis: Series[str] = column("Where the date comes from: stated (the text states it whole), relative ('the next day', 'two days later': from the previous dated statement; 'yesterday' in a current-events item: from the page's day; a witness's 'yesterday' or 'on Monday' quoted on a Syrian Archive page: from the narrative's current day), previous (day or month stated, year from the previous dated statement), section (year, or the whole date, from an enclosing heading), document (year from the article's title or infobox date; the whole day from a Syrian Archive page's title naming its incident's day, for a sentence telling the strike or its harm), page (the page's date: a current-events page's day; a Syrian Archive page's date, counting back), link (a related item's target path), inherited (no date words: the date of the previous dated statement of the same paragraph, or of the incident's header block, bold or italic title line or list introduction above it; on a Syrian Archive page about one incident, of its header block for a sentence telling the strike or its harm under a later heading).", isin=DATE_BASES)
    inherits_from: Series[str] = column("For date_basis inherited: the mention_id of the dated statement of the same paragraph (or the header above it) whose date the mention takes (the sentence it goes on about); resolution joins the two when nothing tells them apart (match_rule inherited_date). Null otherwise, and when that statement is not itself a mention (a count of many happenings).", nullable=True)
    section: Series[str] = column("Heading of the section the mention sits in (prose only).", nullable=True)
    detail: Series[str] = column("Further text under a headline: the body paragraph of a current-events item page, the line quoted from the cited article under a day-page item.", nullable=True)
    topics: Series[object] = column("Topics of a current-events item, in order: its `#####` topic line (newer layout), then the topic breadcrumbs split off the front of its text (older layout).", "list<string>")
    context: Series[object] = column("The `_Context:` tags of a current-events related item or day-page item, in order.", "list<string>")
    quality_flags: Series[object] = column("Problems noticed in the text: lost_subject (the sentence starts with ',' or a dash: conversion lost its subject), repeated_paragraph (the paragraph stands earlier in the same document), outside_section_period (the date falls outside the period its section heading states: not certain).", "list<string>")
    places: Series[object] = column("Places named in the text, as GeoNames names in order of appearance; governorates as '<name> Governorate', the country as 'Syria'; a place named only as the origin of an aircraft or a launch ('jets that took off from Hmeimim') or as the seat an institution is named after ('Hamah health directorate', 'the governor of Homs', 'the government in Damascus'), inside a person's name ('spokesman Adnan Afrin') or as where people were to go ('to leave for Idlib') is left out.", "list<string>")
    actors: Series[object] = column("Actors named in the text, canonical names from the alias table in pipeline/actors.py.", "list<string>")
    location: Series[str] = column("Most precise place named (GeoNames name; governorate or 'Syria' when nothing finer).", nullable=True)
    admin1: Series[str] = admin1_column()
    latitude: Series[float] = latitude_column()
    longitude: Series[float] = longitude_column()
    geo_precision: Series[str] = geo_precision_column()
    geo_basis: Series[str] = geo_basis_column()
    event_type: Series[str] = event_type_column("Type of the stated event, from keyword and verb rules on the text: the first type whose cues it holds.")

    match_rule: Series[str] = column("Why the mention belongs to its event: anchor (the mention the event's content hash derives from), exact_text (same text and date), near_duplicate (the same statement repeated in its document with words changed), inherited_date (a statement that takes its date from the sentence before it, inherits_from, and tells more of it), similarity (scored match, see pipeline/resolve.py), retold (an attack told again in one section of its document: same day, same kind of facility, no party added, nothing telling them apart; or the start or the end of an encyclopedia article's subject told in its lead and again in its body; or the one happening of its kind, or the one statement counting the same thing, an article's body tells on the day its lead states).", isin=["anchor", "exact_text", "near_duplicate", "inherited_date", "similarity", "retold"])
    match_score: Series[float] = column("Score of the pair that joined the mention to its event: similarity for similarity, word overlap for near_duplicate (1.0 for anchor, exact_text, inherited_date and retold).", "float64", ge=0, le=1)
    match_evidence: Series[object] = column("The evidence that joined the mention to its event: 'joined to <mention_id>' (the partner of the merging pair), then what the pair shares (same place, same day or compatible dates, same numbers, same action, same facility, same actors, shared words). Empty for the anchor.", "list<string>")
    cannot_link: Series[object] = column("'<rule>: <mention_id>' for every candidate that scored above the merge threshold but was kept apart, and by which rule: different_place (two towns, or two districts or places the gazetteer lacks), different_day (two days; a day inside a stated range of days is not), different_action, different_means (both tell an attack and nothing else, one a strike from the air, the other a clash of forces on the ground), different_facility, different_name, different_scope, different_count (both count the same kind of place taken, with no count shared), reversed_roles (one statement's attacker is the other's target and the other way round), different_target (one attacked ISIL, the other another party, no target shared), different_capturer (both tell a capture and name who took the places, of two camps of the war), reaction_to (one tells what came after, or answered, an event of the kind the other tells, and tells no such action itself; or blames a party for the other's happening, denies it or condemns it), report_about (the finding of an inquiry about a happening, and the happening), different_ordinal (pipeline/resolve.py, conflict), same_document (two statements of one document section), different_section (two body sections of one encyclopedia article: an article narrates a happening once; its lead, Background, Aftermath and the like retell), different_period (the events' dates cannot overlap, or one states a part of a month, \"early June\", and the other a date outside it).", "list<string>")

    Config = table_config("One row per place a document states an event.", ["mention_id"], ["date", "mention_id"],
                          {"event_id": "events.event_id", "doc_id": "documents.doc_id"})


class Events(pa.DataFrameModel):
    event_id: Series[str] = column("Stable id of the event: the smallest content hash (date, precision, normalized text) among its mentions that state their own date (date_basis not inherited; among all when none does).")
    date: Series[pa.DateTime] = column("First day of the most precise date among the event's mentions (earliest on ties).", "date")
    date_precision: Series[str] = column("Precision of `date`: day, month or year.", isin=PRECISIONS)
    summary: Series[str] = column("The most informative mention's text.")
    n_mentions: Series[pd.Int64Dtype] = column("Number of mentions of the event.", "int64", ge=1)
    n_documents: Series[pd.Int64Dtype] = column("Number of distinct documents that mention the event.", "int64", ge=1)
    topics: Series[object] = column("Union of the mentions' topic breadcrumbs, sorted.", "list<string>")
    context: Series[object] = column("Union of the mentions' `_Context:` tags, sorted.", "list<string>")
    n_sources: Series[pd.Int64Dtype] = column("Number of sources cited for the event's mentions.", "int64", ge=0)
    source_domains: Series[object] = column("Registrable domains of those sources, sorted.", "list<string>")
    places: Series[object] = column("Union of the mentions' places, sorted.", "list<string>")
    actors: Series[object] = column("Union of the mentions' actors, sorted.", "list<string>")
    location: Series[str] = column("Most precise location among the mentions (place > governorate > country; first by name on ties).", nullable=True)
    admin1: Series[str] = admin1_column()
    latitude: Series[float] = latitude_column()
    longitude: Series[float] = longitude_column()
    geo_precision: Series[str] = geo_precision_column()
    geo_basis: Series[str] = geo_basis_column()
    event_type: Series[str] = event_type_column("Type of the event: the most frequent type among its mentions other than 'other' (ties: priority order), 'other' when none.")
    in_scope: Series[bool] = column("Whether the event belongs to the dataset's subject: dated on or after 30 September 2015 (the start of the Russian intervention) and located in Syria (`location` not null: a Syrian place, governorate or the country, stated or inferred). Out-of-scope events (history before the intervention, happenings elsewhere listed on the same pages) stay in the table, flagged false.", "bool")

    Config = table_config("One row per distinct real-world event.", ["event_id"], ["date", "event_id"])


class Sources(pa.DataFrameModel):
    source_id: Series[str] = column("Stable id of the citation (hash of mention and URL).")
    event_id: Series[str] = column("The event the source supports.")
    mention_id: Series[str] = column("The mention the source is cited for.")
    doc_id: Series[str] = column("The document that cites the source.")
    name: Series[str] = column("The outlet or link text as written (e.g. 'Reuters', 'published a video').")
    url: Series[str] = column("The cited URL as written.")
    domain: Series[str] = column("Registrable domain of the URL per the Public Suffix List (uk.reuters.com -> reuters.com).", nullable=True)

    Config = table_config("One row per source cited for a mention.", ["source_id"], ["event_id", "source_id"],
                          {"event_id": "events.event_id", "mention_id": "event_mentions.mention_id",
                           "doc_id": "documents.doc_id"})


class RelatedLinks(pa.DataFrameModel):
    link_id: Series[str] = column("Stable id of the link (hash of the document key, target path and occurrence).")
    doc_id: Series[str] = column("The page that lists the related item.")
    from_event_id: Series[str] = column("The page's headline event.")
    to_event_id: Series[str] = column("The related event.")
    target_path: Series[str] = column("Path of the related item's own page, as written.")
    target_date: Series[pa.DateTime] = column("Date taken from the target path (/news/2016/01/9/... -> 2016-01-09).", "date")
    context: Series[object] = column("The item's `_Context:` tags, in order.", "list<string>")

    Config = table_config("One row per related item listed on a current-events page.", ["link_id"], ["doc_id", "link_id"],
                          {"doc_id": "documents.doc_id", "from_event_id": "events.event_id",
                           "to_event_id": "events.event_id"})


class CasualtyFigures(pa.DataFrameModel):
    figure_id: Series[str] = column("Stable id of the figure (hash of the document key, mention or sentence, number as written and occurrence).")
    doc_id: Series[str] = column("The document stating the figure.")
    mention_id: Series[str] = column("The mention the figure sits in; null when its sentence states no date (it is then tied to no event).", nullable=True)
    event_id: Series[str] = column("The event of that mention; null with `mention_id`.", nullable=True)
    quote: Series[str] = column("The full sentence that states the figure, as written (cleaned).")
    outcome: Series[str] = column("What is counted: killed, injured or casualties (both).", isin=OUTCOMES)
    victim_group: Series[str] = column("Who is counted: civilians, children, women, soldiers, militants, people.", nullable=True)
    affiliation: Series[str] = column("Side of the victims where stated (ISIL, al-Nusra Front, Syrian Army, ...).", nullable=True)
    count_low: Series[pd.Int64Dtype] = column("Lowest count the text allows; null when it gives none ('up to 42').", "int64", nullable=True, ge=0)
    count_high: Series[pd.Int64Dtype] = column("Highest count the text allows; null when it gives none ('at least 18').", "int64", nullable=True, ge=0)
    qualifier: Series[str] = column("How the count is stated.", isin=QUALIFIERS)
    number_text: Series[str] = column("The count as written ('between 1,099 and 1,745').")
    reported_by: Series[str] = column("Organisation or person the text attributes the figure to, normalized (SOHR -> Syrian Observatory for Human Rights).", nullable=True)
    scope: Series[str] = column("incident (one event) or cumulative (a total over a period).", isin=SCOPES)
    period_start: Series[pa.DateTime] = column("First day of the period a cumulative figure covers, where stated.", "date", nullable=True)
    period_end: Series[pa.DateTime] = column("First day of the last period a cumulative figure covers, where stated.", "date", nullable=True)
    date: Series[pa.DateTime] = column("Date of the mention the figure sits in (null without a mention).", "date", nullable=True)
    date_precision: Series[str] = column("Precision of `date`.", nullable=True, isin=PRECISIONS)
    location: Series[str] = column("Location of the mention the figure sits in.", nullable=True)
    admin1: Series[str] = admin1_column()

    Config = table_config(
        "One row per casualty count stated in the corpus: the same count told by two documents is two rows "
        "of one event. Do not sum this table. Sum the `casualty_estimates` view of `connect()` instead: "
        "incident figures only (cumulative totals cover incidents already counted), vague amounts left out, "
        "one row per event, outcome and victim group, with the lowest stated lower bound and the highest "
        "stated upper bound across documents and reporters. Caveats: victim groups nest (children and "
        "women are among civilians, civilians and militants among people): add up one group at a time; "
        "figures whose sentence states no date have no event and are not in the view; a missing bound "
        "(at least N has no upper, up to N no lower) makes a total of that bound unknown, while SQL sum() "
        "silently skips it: see the README example for honest totals.",
        ["figure_id"], ["event_id", "figure_id"],
                          {"doc_id": "documents.doc_id", "mention_id": "event_mentions.mention_id",
                           "event_id": "events.event_id"})


class Quarantine(pa.DataFrameModel):
    path: Series[str] = column("Path of the input entry relative to seeds/, with forward slashes; bytes of a file name that are not UTF-8 written as \\xNN escapes.")
    stage: Series[str] = column("Stage that rejected it: discover (reading the entry), parse, extract, or validate (a value the schema refuses).", isin=STAGES)
    reason: Series[str] = column("Why the entry could not be used (empty file, not UTF-8, unknown format, broken front matter, no date, duplicate of ..., a limit of pipeline/limits.py exceeded, symbolic link, not a regular file, unreadable, value refused by the schema ...).")
    sha256: Series[str] = column("SHA-256 of the file's bytes, for tracing; null when they were not read (not a regular file, unreadable, over the size limit).", nullable=True, str_length={"min_value": 64, "max_value": 64})
    byte_size: Series[pd.Int64Dtype] = column("Size of the file in bytes; null when the entry is not a regular file (link, pipe, device, folder).", "int64", nullable=True, ge=0)

    Config = table_config("One row per input entry (file, link, pipe, device, unreadable folder) that could not be used, with the reason.", ["path"])
