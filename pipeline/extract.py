"""Extract stage: one parsed document -> rows of mentions, sources and related links.

Plain functions, no Dagster. Runs per document (a pure map step), so it parallelises on a process
pool or any distributed engine. Event ids are not known here; mentions carry a ``mention_id`` and
the resolve stage assigns events.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

import tldextract

from .actors import match_actors
from .casualties import extract_figures, members_of, names_the_whole_battle, opens_with_a_pronoun
from .classify import classify as event_type_of
from .dates import DateResolver, Period, StatedDate, mentioned_days, period_start_day, starts_with_label
from .limits import MAX_QUOTE_CHARS, over
from .locate import locate_mentions
from .parsers import DocumentError, Item, ParsedDocument, SourceRef
from .places import best_place, event_places
from .prefilter import guarded
from .relative_days import (
    is_flashback,
    is_flashforward,
    is_reported_past,
    opening_last_week,
    opening_relative_day,
    relative_day_within,
    weekday_near,
)
from .statements import Verdict, classify, is_enumeration, reports_happening
from .text import fingerprint, split_sentences, stable_id, strip_links

# --- topic breadcrumbs --------------------------------------------------------------------------
# Current-events items start with the titles of the topic articles they are filed under
# ("Syrian Civil War. Russian military intervention in the Syrian Civil War. <sentence>").
# A leading sentence is a breadcrumb when it is short (<= 12 words), is not the last sentence, and
# either equals one of the item's `_Context:` tags or reads like a title rather than a clause:
# no comma, no quote, and no lower-case word shaped like a finite verb (ending in -s or -ed, or
# one of a few irregular reporting verbs). Titles are noun phrases ("2015 Russian Sukhoi Su-24
# shootdown"); a clause has a verb ("Russia vetoes the resolution").
_MAX_CRUMB_WORDS = 12
_IRREGULAR_VERBS = {"is", "are", "was", "were", "has", "have", "had", "says", "said", "shot",
                    "hit", "led", "made", "took", "told", "began", "left", "fell", "met", "won",
                    "will", "would", "can", "could", "may", "did", "does", "do"}
_NOUNS_IN_S = {"relations", "forces", "affairs", "rights", "arms", "nations", "states", "talks",
               "operations", "crisis", "process", "games", "news", "weapons", "series", "us"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")


def _is_title_like(sentence: str) -> bool:
    s = sentence.rstrip(". ")
    if "," in s or '"' in s or ":" in s:
        return False
    words = _WORD.findall(s)
    if not words or len(s.split()) > _MAX_CRUMB_WORDS:
        return False
    for w in words:
        if w[0].isupper():
            continue
        lw = w.lower()
        if lw in _IRREGULAR_VERBS:
            return False
        if lw.endswith("ed") or (lw.endswith("s") and not lw.endswith("ss") and lw not in _NOUNS_IN_S):
            return False
    return True


def split_breadcrumbs(text: str, context: tuple[str, ...] = ()) -> tuple[list[str], str]:
    """(topics, summary): the leading topic titles of a current-events item and the rest."""
    tags = {t.lower() for t in context}
    spans = split_sentences(text)
    topics: list[str] = []
    for start, end in spans[:-1]:
        sentence = text[start:end].strip()
        bare = sentence.rstrip(".").strip()
        if len(bare.split()) <= _MAX_CRUMB_WORDS and (bare.lower() in tags or _is_title_like(sentence)):
            topics.append(bare)
            continue
        return topics, text[start:].strip()
    if topics:
        return topics, text[spans[len(topics)][0]:].strip()
    return topics, text.strip()


# --- sources ------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _psl() -> tldextract.TLDExtract:
    # The Public Suffix List snapshot bundled with tldextract; never fetched at run time.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@lru_cache(maxsize=65536)
def registrable_domain(url: str) -> str | None:
    """``http://uk.reuters.com/article/...`` -> ``reuters.com``; None for relative or odd URLs."""
    if not re.match(r"^[a-z][a-z0-9+.\-]*://", url or "", re.I):
        return None
    ext = _psl()(url)
    return ext.top_domain_under_public_suffix.lower() or None


def lost_subject(sentence: str) -> bool:
    """A sentence that starts with ',' or a dash lost its subject in conversion."""
    return bool(re.match(r"^\s*[,\u2013\u2014-]", sentence))


# --- the per-document extract -------------------------------------------------------------------
@dataclass
class DocumentExtract:
    doc_id: str
    mentions: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)   # from_mention_id / to_mention_id
    figures: list[dict] = field(default_factory=list)


class _Ids:
    """Occurrence-numbered stable ids within one document (identical text twice -> two ids).

    ``key`` is what the document is (``parsers.identify``: the day of a current-events page,
    the subject of an article), so editing a document changes only the ids of the rows whose
    text changed; the content hash stands in when a document has no key.
    """

    def __init__(self, key: str) -> None:
        self.key = key
        self.seen: dict[tuple, int] = {}

    def __call__(self, prefix: str, *parts: object) -> str:
        n = self.seen.get(parts, 0)
        self.seen[parts] = n + 1
        return stable_id(prefix, *parts, n)


def place_label(place) -> str:
    """A place's name in ``places`` lists; governorates are suffixed so that the city of Homs and
    Homs Governorate stay distinct."""
    return f"{place.name} Governorate" if place.precision == "governorate" else place.name


def _geo(text: str) -> dict:
    """Places and actors named in a text, and the most precise place as the mention's location."""
    places = event_places(text)  # without the origin of an aircraft or a launch
    best = best_place(places)
    return {
        "places": list(dict.fromkeys(place_label(p) for p in places)),
        "actors": match_actors(text),
        "location": best.name if best else None,
        "admin1": best.admin1 if best else None,
        "latitude": best.latitude if best else None,
        "longitude": best.longitude if best else None,
        "geo_precision": best.precision if best else None,
        "geo_basis": "stated" if best else None,
    }


def _quotable(sentence: str) -> str:
    """``sentence`` if it may be stored as a mention's text or a figure's quote; a longer one
    (``MAX_QUOTE_CHARS``) quarantines its document: one such sentence copied into every row it
    yields is how a megabyte line exhausts memory."""
    if len(sentence) > MAX_QUOTE_CHARS:
        raise DocumentError("extract", over("a sentence of", len(sentence), MAX_QUOTE_CHARS, "MAX_QUOTE_CHARS",
                                            "characters") + f", starting {sentence[:40]!r}")
    return sentence


def _mention(ids: _Ids, doc: ParsedDocument, kind: str, text: str, date, precision: str, *,
             geo_text: str | None = None, **extra) -> dict:
    _quotable(text)
    row = {
        "mention_id": ids("m", ids.key, kind, fingerprint(text)),
        "doc_id": doc.doc_id,
        "kind": kind,
        "text": text,
        "date": date,
        "date_precision": precision,
        "date_qualifier": None,
        "date_end": None,
        "date_basis": "stated",
        "inherits_from": None,
        "section": None,
        "detail": None,
        "topics": [],
        "context": [],
        "quality_flags": ["lost_subject"] if lost_subject(text) else [],
        **_geo(geo_text or text),
        "event_type": event_type_of(text),
    }
    row.update(extra)
    return row


def extract_items(doc: ParsedDocument, ids: _Ids, out: DocumentExtract) -> None:
    """Headline and related items of a current-events page."""
    headline_ids: list[str] = []
    for item in doc.items:
        if item.date is None:
            continue  # a related item whose path holds no date: nothing to date it by
        topics, summary = split_breadcrumbs(item.text, item.context)
        opening = opening_relative_day(summary, item.date)  # "Yesterday, ..." on the item's day
        m = _mention(ids, doc, item.kind, summary, opening.day if opening else item.date, "day",
                     topics=list(dict.fromkeys([*item.topics, *topics])),
                     date_basis="relative" if opening else "page" if item.kind == "headline" else "link",
                     context=list(item.context), detail=item.detail,
                     geo_text=f"{summary} {item.detail or ''}")
        out.mentions.append(m)
        _relative_sentences(ids, doc, item, summary, m, out)
        _item_figures(ids, doc, m, item, summary, out)
        if item.kind == "headline":
            headline_ids.append(m["mention_id"])
        _add_sources(ids, doc, m["mention_id"], item.sources, out)
        if item.kind == "related" and headline_ids:
            out.links.append({
                "link_id": ids("l", ids.key, item.target_path),
                "doc_id": doc.doc_id,
                "from_mention_id": headline_ids[0],
                "to_mention_id": m["mention_id"],
                "target_path": item.target_path,
                "target_date": item.date,
                "context": list(item.context),
            })


def _relative_sentences(ids: _Ids, doc: ParsedDocument, item: Item, summary: str, mention: dict,
                        out: DocumentExtract) -> None:
    """A later sentence of an item that opens with a relative day on another day than the item's
    ("... should be assassinated. Yesterday, the State Department accused ...") states a second
    event: it becomes its own mention of that day (same kind, topics and context as the item)."""
    assert item.date is not None        # extract_items skips undated items
    for s, e in split_sentences(summary)[1:]:
        sentence = summary[s:e].strip()
        opening = opening_relative_day(sentence, item.date)
        if opening is None or opening.day == mention["date"]:
            continue
        out.mentions.append(_mention(ids, doc, item.kind, sentence, opening.day, "day",
                                     topics=mention["topics"], context=list(item.context)))


def _item_figures(ids: _Ids, doc: ParsedDocument, mention: dict, item: Item, summary: str,
                  out: DocumentExtract) -> None:
    """Casualty figures of an item's sentences. A sentence that names another day than the
    item's, and not the item's own ("... in the wake of the November 13 terror attacks that left
    130 people dead"), is about another event: its figures keep their quote but no mention."""
    assert item.date is not None        # extract_items skips undated items
    own = (item.date.month, item.date.day)
    for text in (summary, item.detail or ""):
        for s, e in split_sentences(text):
            sentence = text[s:e]
            days = mentioned_days(sentence)
            elsewhere = bool(days) and own not in days
            _add_figures(ids, doc, None if elsewhere else mention, sentence, out)


# --- clean sources --------------------------------------------------------------------------------
# A cited source is an outlet's page. A link to an image file (a page's "Cover Image", a photo,
# a map) illustrates, it does not report: its URL path ends in an image extension, or its text
# names an image. Outlet names lose wiki residue: runs of two or more apostrophes (italic and
# bold marks), [[ ]], brackets or parentheses left unbalanced at either end, trailing punctuation.
_IMAGE_URL = re.compile(r"\.(?:jpe?g|png|gif|svg|webp|bmp|tiff?|ico)(?:$|[?#])", re.I)
_IMAGE_NAME = re.compile(r"^(?:cover\s+|featured\s+|header\s+|lead\s+)?(?:image|photo|picture|"
                         r"thumbnail|img)s?$", re.I)
_WIKI_QUOTES = re.compile(r"'{2,}")


def is_image_source(name: str | None, url: str) -> bool:
    """Whether a cited link is an image rather than a source: "Cover Image" -> x.jpg."""
    path = re.sub(r"^[a-z][a-z0-9+.\-]*://[^/]*", "", url or "", flags=re.I)
    return bool(_IMAGE_URL.search(path)) or bool(_IMAGE_NAME.match((name or "").strip()))


def clean_source_name(name: str) -> str:
    """An outlet name without wiki residue: "AFP via ''Daily Mail" -> "AFP via Daily Mail",
    "[[Reuters]]" -> "Reuters", "(The Telegraph (UK)" -> "The Telegraph (UK)"."""
    n = _WIKI_QUOTES.sub("", name).replace("[[", "").replace("]]", "")
    n = re.sub(r"\s+", " ", n).strip()
    while True:
        before = n
        for o, c in ("()", "[]", "{}"):
            if n.startswith(o) and n.count(o) > n.count(c):
                n = n[1:].strip()
            if n.endswith(c) and n.count(c) > n.count(o):
                n = n[:-1].strip()
            if n.startswith(o) and n.endswith(c) and n.count(o) == 1 and n.count(c) == 1:
                n = n[1:-1].strip()
        n = n.strip(" ,;:|*_")
        if n.endswith(".") and not re.search(r"(?:^|[\s.])[A-Za-z]\.$", n):
            n = n[:-1].rstrip()  # "report published by the OPCW." but not "U.S."
        if n == before:
            return n


def _add_sources(ids: _Ids, doc: ParsedDocument, mention_id: str, sources, out: DocumentExtract) -> None:
    for src in sources:
        if is_image_source(src.name, src.url):
            continue
        name = clean_source_name(src.name or "") or src.url
        out.sources.append({
            "source_id": ids("s", mention_id, src.url),
            "mention_id": mention_id,
            "doc_id": doc.doc_id,
            "name": name,
            "url": src.url,
            "domain": registrable_domain(src.url),
        })


# How a narrative mention got its date (event_mentions.date_basis).
_BASIS = {"sentence": "stated", "anaphora": "relative", "previous": "previous", "section": "section",
          "document": "document", "page": "page"}


def _basis(stated: StatedDate) -> str:
    return _BASIS[stated.year_from]


def extract_prose(doc: ParsedDocument, ids: _Ids, out: DocumentExtract) -> None:
    """Every statement of an article that reports a dated happening becomes a narrative mention
    per date (dates resolved in reading order, see ``pipeline.dates``; what is a happening, see
    ``pipeline.statements``); inline links become its sources (a link in an undated sentence goes
    to the paragraph's latest dated statement); casualty figures are extracted from every
    sentence, dated or not.

    The document's structure dates what the sentence does not: the enclosing headings, however
    deep (a heading with no paragraph of its own included), the article's infobox date and title,
    a Syrian Archive page's date. A statement with no date words takes the date of the paragraph's
    previous dated statement when it reports a happening itself ("The fighting displaced 40,000
    people.", basis ``inherited``, and ``inherits_from`` names that statement's mention), or, first in its paragraph, the date of a heading that is
    exactly one day, month or year (basis ``section``). A flashback ("The day before, X had
    announced ...") keeps its date but does not move the paragraph's current day. Background (founding dates, populations,
    "as of" statistics, imagery and publication dates) is not emitted and never sets the date of
    what follows.
    """
    resolver = DateResolver(periods=doc.periods, published=doc.page_date)
    # the days the document writes out in full bound the years of the yearless days its entries
    # tell in passing ("(killed on 12 November)"); read only when such a day needs it
    resolver.attach_text("\n".join(p for sec in doc.sections for p in (sec.heading, *sec.paragraphs) if p))
    # the first day of the article's infobox period: what "The battle began with ..." states
    start_day = next((d for d in (period_start_day(t) for t in doc.periods) if d is not None), None)
    if doc.format == "wikipedia" and not _OPERATION_TITLE_RE.search(doc.title or ""):
        # an overview article ("Turkish involvement in the Syrian civil war", December 2011 –
        # present): its period is no operation's, and "When the offensive started" is another's
        start_day = None
    seen_paragraphs: set[str] = set()
    has_headings = any(sec.heading for sec in doc.sections)
    # an archive page about one incident (one header block with a date field): its header's date
    # and mention, what the strike told again under the page's later headings takes
    one_incident = doc.format == "syrian_archive" and _one_incident_page(doc)
    # or, on an archive page without a header block, the one day its title names ("The 4 April
    # 2017 attack on Khan Shaykhun"): what the strike told without a date takes (basis document)
    page_header: tuple[tuple[StatedDate, ...], str | None] | None = _title_day(doc)
    headings: dict[int, str] = {}  # the enclosing headings, by level
    for section in doc.sections:
        if section.heading:
            resolver.enter_section(section.heading, level=section.level)
            headings = {lv: h for lv, h in headings.items() if lv < section.level}
            headings[section.level] = section.heading
        # a timeline's own year ("### 2012" under "## Timeline", not under "## Background"): what
        # it tells is the article's story, even before the infobox period (see _own_time_section)
        own_time = doc.format == "wikipedia" and _own_time_section(headings)
        # the lead of a document with sections summarises it: its sentences jump in time, and an
        # undated one does not take the date of the sentence before it
        inherit = bool(section.heading) or not has_headings or doc.format == "syrian_archive"
        # an archive page's lead is its incident's story, not a summary of the sections below it
        # (an article's lead is): a sentence there telling the strike or its harm without a date
        # goes on about the dated statement before it ("On 16 March 2017, a US airstrike targeted
        # the mosque. The airstrike completely destroyed its northern side."); its other undated
        # sentences (findings, methods, descriptions) take no date
        strict_lead = doc.format == "syrian_archive" and has_headings and not section.heading
        # the date of an incident's header block ("Date: 7 April 2017") and its mention: what the
        # section's narrative below it, undated, takes (until the next heading)
        header: tuple[tuple[StatedDate, ...], str | None] | None = None
        list_header = False  # the header is a sentence introducing a list: it dates list items only
        # the header block, title line or day line above a list's introduction: what dates the
        # narrative again once the list (or the quote a colon introduced) has ended
        block_header: tuple[tuple[StatedDate, ...], str | None] | None = None
        resumed = False  # the header dates the narrative again after a list or a quote (strictly)
        # a sentence closing the paragraph before introduces a list of what happened ("The
        # following hospitals were attacked:"), dated or not: its entries may name their own day
        list_intro = False
        read_as = dict(section.read_as)
        for p_index, paragraph in enumerate(section.paragraphs):
            first_paragraph = not seen_paragraphs
            text, links = strip_links(paragraph)
            # a table row read with its date cell first and its counts with their outcome
            row_reading = strip_links(read_as[p_index])[0] if p_index in read_as else None
            if list_intro and len(split_sentences(text)) > 1:
                list_intro = False
            if list_header and len(split_sentences(text)) > 1:
                # a paragraph of prose, not an item: the list has ended, and the incident's header
                # above its introduction dates the narrative again (see _after_the_list)
                header, list_header = _after_the_list(block_header), False
                resumed = header is not None
            if starts_with_label(text):
                resolver.forget()  # a labelled list item is an entry of its own
            key = fingerprint(text)
            repeated = key in seen_paragraphs
            seen_paragraphs.add(key)
            current: list[dict] = []  # mentions of the paragraph's latest dated sentence
            carriers: list[tuple[StatedDate, ...]] = []  # dated statements of the paragraph, in order
            tallies: set[int] = set()  # of those, in an article, counts of many happenings (no mention)
            set_dates: list[tuple[StatedDate, ...]] = []  # of those, the ones that are not enumerations
            # the mention of each carrier's last date (what an inherited sentence takes), None when
            # the carrier is not a mention (a count of many happenings)
            carrier_ids: list[str | None] = []
            set_ids: list[str | None] = []
            previous = ""  # the last sentence before, in the paragraph, whose subject is no pronoun
            for s, e in split_sentences(text):
                n_carriers, n_set = len(carriers), len(set_dates)
                inherits_from = None
                sentence = text[s:e]
                context = previous  # who "they" are in a toll ("They suffered three casualties")
                if not opens_with_a_pronoun(sentence):
                    previous = sentence
                flags = ["repeated_paragraph"] if repeated else []
                cited = [SourceRef(ln.text, ln.url) for ln in links if s <= ln.start < e]
                told = sentence
                if row_reading is not None and s == 0 and e >= len(text.rstrip()):
                    told = row_reading
                dateline = _dateline(doc, sentence) if s == 0 and first_paragraph else None
                if dateline is not None:
                    # "Berlin, 8 April 2018 – The Archive condemns the attack on Douma yesterday
                    # evening": the press release's own day (background) is what "yesterday"
                    # counts from; the statement after it is dated by its own words
                    # (and what "last night", "on Saturday" count from: the story's current day)
                    resolver.note(resolver.resolve(sentence[:dateline], commit=False))
                    told = sentence[dateline:]
                found = resolver.resolve(told, commit=False)
                status = resolver.status
                verdict = classify(told, found, resolver.document_period)
                if s == 0 and first_paragraph and e >= len(text.rstrip()) and _is_dateline_line(doc, sentence, found):
                    # "**Berlin, 8 April 2018**" alone above a press release: its own day, no event,
                    # what "last night" in the release counts from
                    verdict = Verdict("aside", "publication")
                    resolver.note(list(found))
                if (own_time and verdict.kind == "aside" and verdict.reason == "history"
                        and (_within(resolver.section_period(), found)
                             # counted back from the section's own date: "According to a panel in
                             # May 2012, Iran supplied arms during the previous year" under "### 2012"
                             or all(d.year_from == "anaphora" for d in found))):
                    verdict = classify(told, found, None)
                if verdict.kind == "undated" and status == "none" and doc.format == "syrian_archive":
                    verdict = _last_week_verdict(told, doc.page_date, resolver, verdict)
                    verdict = _relative_verdict(told, resolver, verdict)
                elif verdict.kind == "undated" and status == "none" and doc.format == "wikipedia":
                    verdict = _weekday_verdict(told, resolver, verdict)
                if (doc.format == "wikipedia" and found and _SEE_ALSO_RE.match(told)
                        and all(told.count("(", 0, d.start) > told.count(")", 0, d.start) for d in found)):
                    # "See also Yarmouk camp fighting (2015) and Southern Damascus offensive (April
                    # 2018)": a cross-reference to other articles, their periods in brackets
                    verdict = Verdict("aside", "cross_reference")
                if doc.format == "wikipedia" and (_TEMPLATE_FIELD_RE.match(sentence) or _TEMPLATE_FIELD_RE.match(text)):
                    # "* casualties1 = 1,139 fighters killed by March 2018": a field of an infobox
                    # template the export left in the body, not prose
                    verdict = Verdict("aside", "template")
                field = _DATE_FIELD_RE.search(sentence)
                if field is None and _FIELD_LINE_RE.match(sentence):
                    field = _INLINE_DATE_FIELD_RE.search(sentence)
                if field is not None and verdict.kind != "event":
                    # "*Location: IDLIB : Heish\ Date: 7 April 2017\ ...*": the field states the
                    # incident's date, wherever it stands in the block
                    value = field.group("value")
                    lead_time = _LEADING_TIME_RE.match(value)
                    stated_field = resolver.resolve(value[lead_time.end():] if lead_time else value, commit=False)
                    if stated_field:
                        verdict = Verdict("event", None, tuple(stated_field))
                dates: tuple[StatedDate, ...] = ()
                basis_override = None
                if (verdict.kind == "aside" and verdict.reason == "publication" and found
                        and all(d.year_from == "anaphora" and d.precision == "day" for d in found)):
                    # "The next day, ISIL released footage of its prisoner. Meanwhile, ...": a release
                    # told in the story's sequence is no event statement, but the story has moved to
                    # its day (a report dated by its own date stays outside the story)
                    resolver.note(list(found))
                if verdict.kind in ("event", "aggregate"):
                    # a flashback ("The day before, X had announced ...") is emitted but leaves the
                    # story's current day as it was (pipeline.relative_days.is_flashback)
                    # and so does a follow-up told ahead of the story ("X later stated in April
                    # 2017 that ...", is_flashforward) or a day other than its heading's one day
                    if not (verdict.dates and (is_flashback(sentence, verdict.dates[-1].text)
                                               or is_reported_past(sentence, verdict.dates, resolver.story_day())
                                               or is_flashforward(told, verdict.dates, resolver.story_day())
                                               or (s > 0 and _beside_the_day(resolver, verdict.dates)))):
                        resolver.note(list(verdict.dates))
                        carriers.append(verdict.dates)
                        if verdict.kind == "aggregate" and verdict.reason == "count" and doc.format == "wikipedia":
                            tallies.add(len(carriers) - 1)
                        if not is_enumeration(sentence):
                            set_dates.append(verdict.dates)
                    if verdict.kind == "event":
                        dates = verdict.dates
                elif (verdict.kind == "undated" and list_intro and not carriers
                      and (own_day := _entry_own_day(resolver, text, sentence)) is not None):
                    # "- Sarmin field hospital (12 February 2018)" in a list that "The following
                    # hospitals were attacked:" introduces: the entry's own day in brackets
                    dates = (own_day,)
                    carriers.append(dates)
                    set_dates.append(dates)
                elif (verdict.kind == "undated" and status != "refused" and header is not None
                      and not carriers and (reports_happening(sentence)
                                            or (list_header and _is_entry(text, sentence)))
                      and (not resumed or _tells_the_strike(sentence))
                      and (not _QUOTED_PARAGRAPH_RE.match(text) or _tells_the_strike(sentence))):
                    # the narrative under an incident's header block: the header's date; an entry
                    # of the list a dated sentence introduces ("The following hospitals were
                    # attacked on 7 April 2018:" "- Al-Amal hospital (Maarat al-Numaan)"): its date;
                    # under a line that is only a day, that day (as under a heading)
                    dates = header[0][-1:]
                    basis_override = "inherited" if header[1] is not None else "section"
                    inherits_from = header[1]
                    carriers.append(dates)
                    set_dates.append(dates)
                elif (verdict.kind == "undated" and status == "none" and page_header is not None
                      and header is None and not carriers and (section.heading or page_header[1] is None)
                      and resolver.section_date() is None
                      and _tells_the_incident_again(section.heading, text, sentence)):
                    # an archive page about one incident: under a later heading ("What happened",
                    # "Munitions identified"), a sentence that tells the strike or its harm
                    # without a date of its own is the page's incident (its header's day); on a
                    # page whose title names the incident's day, anywhere (the title's day)
                    dates = page_header[0][-1:]
                    basis_override = "inherited" if page_header[1] is not None else "document"
                    inherits_from = page_header[1]
                    carriers.append(dates)
                    set_dates.append(dates)
                elif (verdict.kind == "undated" and status == "none" and start_day is not None
                      and _OPERATION_BEGAN_RE.match(sentence) is not None
                      and _YEAR_WORD_RE.search(sentence) is None):
                    # "The battle began with a heavy bombardment ...": the first day of the
                    # article's own period (its infobox date), whatever the paragraph before said
                    dates = (StatedDate(start_day, "day", None, "", 0, 0, "document"),)
                    resolver.note(list(dates))
                    carriers.append(dates)
                    set_dates.append(dates)
                elif verdict.kind == "undated" and status != "refused" and inherit and (
                        status != "document" or is_enumeration(sentence)):
                    # a sentence naming only a report's month ("In the February 2017 OHCHR report,
                    # four incidents were identified") inherits nothing, unless it is a member of a
                    # set ("The second, documented in a March 2017 report, occurred ...")
                    enum = is_enumeration(sentence)
                    source = (set_dates if enum else carriers)
                    if source and not enum and len(carriers) - 1 in tallies:
                        # "By 27 July 2016, the coalition had hit 26,374 targets. Of the targets hit,
                        # nearly 8,000 were ...": an article's sentence after a running total or a
                        # tally goes on about the count, not about a happening of its day
                        pass
                    elif source and reports_happening(sentence) and (not strict_lead or _tells_the_strike(sentence)):
                        dates = source[-1][-1:]
                        basis_override = "inherited"
                        inherits_from = (set_ids if enum else carrier_ids)[-1]
                    elif not carriers and reports_happening(sentence):
                        sec = resolver.section_date()
                        if sec is not None:
                            dates = (sec,)
                            basis_override = "section"
                            carriers.append(dates)
                            set_dates.append(dates)
                stated_mentions = []
                clauses = _date_clauses(told, dates) if len(dates) > 1 and not field else None
                for k, stated in enumerate(dates):
                    clause = clauses[k] if clauses is not None else None
                    m = _mention(ids, doc, "narrative", _header_text(sentence) if field else sentence, stated.date, stated.precision,
                                 geo_text=clause, date_qualifier=stated.qualifier, section=section.heading or None,
                                 date_end=stated.last, date_basis=basis_override or _basis(stated),
                                 inherits_from=inherits_from)
                    if clause is not None:
                        # the location from the happening's own clause; ``places`` (and actors)
                        # stay those the whole sentence names
                        m.update(places=_geo(m["text"])["places"], actors=_geo(m["text"])["actors"])
                        m["_clause"] = clause  # read by locate_mentions, which removes it
                    m["quality_flags"] = m["quality_flags"] + flags + list(stated.flags)
                    out.mentions.append(m)
                    stated_mentions.append(m)
                carried = stated_mentions[-1]["mention_id"] if stated_mentions else None
                introduces = sentence.rstrip().endswith(":") and e >= len(text.rstrip())
                if introduces:
                    list_intro = reports_happening(sentence)
                if stated_mentions and (field is not None or _is_title_line(paragraph, sentence, italic=True) or introduces):
                    # a header block, a title line, or a dated sentence closing its paragraph that
                    # introduces a list ("The following attacks took place on 7 April 2018:")
                    header = (dates, stated_mentions[-1]["mention_id"])
                    list_header = introduces and field is None
                    if not list_header:
                        block_header, resumed = header, False
                    if field is not None and one_incident and (page_header is None or page_header[1] is None):
                        page_header = header
                elif (not stated_mentions and verdict.kind == "aside" and verdict.reason == "bare_date"
                      and s == 0 and e >= len(text.rstrip()) and _opens_prose(section.paragraphs, p_index)):
                    # "**3 January 2018**" or "3 January 2018" alone above the narrative of that day
                    # (not an entry of a list of days, a table of contents): a title, as a heading
                    # that is one day would be
                    resolver.note(list(found))
                    header = (tuple(found), None)
                    list_header = resumed = False
                    block_header = header
                elif (not stated_mentions and verdict.kind == "aside" and verdict.reason == "bare_date"
                      and s == 0 and found and e < len(text.rstrip())):
                    # "- 4 April 2017. An airstrike hit the hospital.": a day written as the first
                    # sentence of its item or paragraph labels it: the sentences after it that tell a
                    # happening take that day (inherited; the day itself is no mention)
                    resolver.note(list(found))
                    carriers.append(tuple(found))
                    set_dates.append(tuple(found))
                elif not stated_mentions and field is None and (
                        _is_title_line(paragraph, sentence)
                        or (status == "refused" and s == 0 and e >= len(text.rstrip())
                            and len(sentence.split()) <= 15 and not reports_happening(sentence))):
                    # "**Incident 3**", "Incident 2 – 7 April 2018 – Douma" (a date not read): another
                    # incident begins, its date unknown
                    header = block_header = None
                carrier_ids += [carried] * (len(carriers) - n_carriers)
                set_ids += [carried] * (len(set_dates) - n_set)
                current = stated_mentions or current
                # a link in an undated sentence supports what the paragraph last dated (the
                # sentence goes on about it); before any dated sentence it has nothing to support
                for m in current:
                    _add_sources(ids, doc, m["mention_id"], cited, out)
                _add_figures(ids, doc, stated_mentions[0] if stated_mentions else None, sentence, out,
                             period=resolver.document_period, read=told if told is row_reading else None,
                             context=context)


# a heading that is only a time: "2012", "2015–16", "March 2012", "2021–present"
_TIME_HEADING_RE = re.compile(
    r"\W*(?:(?:early|mid|late)[\s-]+)?(?:(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\s+)?(?:19|20)\d\d(?:\s*[–—-]\s*(?:(?:19|20)?\d\d|present))?\W*", re.I)
# the headings under which an article tells what came before its story
_BACKGROUND_HEADING_RE = re.compile(
    r"\b(?:background|history|prelude|origins?|context|antecedents|precursors?|pre-?war)\b", re.I)


def _own_time_section(headings: dict[int, str]) -> bool:
    """Whether the nearest heading is only a time ("### 2012") and no enclosing heading is a
    Background or History: an overview article's timeline of its own years.

    Decision: an overview article's infobox date is when its subject's direct part began ("9 June
    2013 – present"), but its timeline may begin years before ("### 2011", "### 2012"); what a
    year section of the timeline tells is the article's story, not history outside it, so the
    history rule of ``pipeline.statements.classify`` (more than a year before the infobox period)
    does not drop it; nor a date counted back from the section's own ("According to a U.N. panel in
    May 2012, Iran supplied arms during the previous year" under "### 2012" is 2011, the panel's
    finding of the year before, see ``DateResolver._counted_back``). Under "## Background" a year
    section stays history."""
    if not headings:
        return False
    nearest = headings[max(headings)]
    return (_TIME_HEADING_RE.fullmatch(nearest) is not None
            and not any(_BACKGROUND_HEADING_RE.search(h) for h in headings.values()))


def _within(period: Period | None, dates) -> bool:
    """Whether every date lies inside the period (a heading's)."""
    return period is not None and bool(dates) and all(
        period.overlaps(d.date, d.last or d.date) for d in dates)


_SEE_ALSO_RE = re.compile(r"\W*See\s+also\b", re.I)
# a wiki template's field left in an exported article's body: "* casualties1      = 1,139-1,250
# fighters killed by March 2018", "| date = 4 May 2016"
_TEMPLATE_FIELD_RE = re.compile(r"\s*(?:[*|]\s*)?[a-z][a-z_]*\d*\s+=\s")


# an undated sentence telling how the article's operation began: "The battle began with a heavy
# preemptive bombardment", "The offensive was launched from three directions"; a fronted clause
# of that moment ("When the offensive started, the Washington Post reported ...")
_OPERATION_BEGAN_RE = re.compile(
    r"\s*(?:[*_]+\s*)?(?:The|(?:When|As)\s+the)\s+(?:battle|offensive|siege|operation|campaign|assault)\s+"
    r"(?:(?:officially|formally|reportedly)\s+)?(?:began|started|commenced|opened|kicked\s+off|was\s+(?:launched|started|opened))\b")


# an article whose subject is one operation (its infobox period is the operation's)
_OPERATION_TITLE_RE = re.compile(r"\b(?:battle|offensive|siege|operation|campaign|assault|clashes|raid)s?\b", re.I)
_YEAR_WORD_RE = re.compile(r"\b(?:19|20)\d\d\b")  # "launched following the 2017 Astana agreement": other times


# a header block's date field: "Date: 7 April 2017", "**Date:** 4 February 2018", "Date of the
# attack: ...", "Date and time: ...", "Incident date: ..." at the start of a line of the block
# (lines end with a markdown "\" break), or a bold field further on a line of several bold fields
# ("**Location:** Saraqib **Date:** 4 February 2018"); "Time and date: 06:45, 4 April 2017" too
_DATE_FIELD_RE = guarded(re.compile(
    r"(?:^|\\|\n|\s(?=\*\*|__))\s*[*_]*\s*(?:(?:Incident|Attack|Strike|Event)\s+)?"
    r"(?:Time\s*(?:and|&|/)\s*)?Date(?:\s*(?:and|&|/)\s*time)?"
    r"(?:\s+of\s+(?:the\s+)?(?:attack|incident|strike|event))?\s*[*_]*\s*:\s*[*_]*\s*"
    r"(?P<value>[^\\\n*_]{4,60})", re.I))
# a date field further on a line of fields whose emphasis the text has lost ("**Location:** Saraqib
# **Date:** 4 February 2018" reads "Location: Saraqib Date: 4 February 2018"): a capitalised label
# after a line that opens with a field
_INLINE_DATE_FIELD_RE = re.compile(
    r"\s(?:Time\s*(?:and|&|/)\s*)?Date(?:\s*(?:and|&|/)\s*time)?\s*:\s*(?P<value>[^\\\n*_]{4,60})")
# the time a field gives before its day ("Time and date: 06:45, 4 April 2017"): not a part of the day
_LEADING_TIME_RE = re.compile(
    r"\s*(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*(?:hrs?|hours|local\s+time))?\s*[,;–—-]?\s*", re.I)


# the fields of a header block that say when and where the incident happened (the others count
# beneficiaries, munitions, casualties: facts about the facility or tallies, not the happening)
_WHEN_WHERE_FIELD_RE = re.compile(
    r"\W*(?:(?:Incident|Attack|Strike|Event)\s+date|Location|Place|Site|Area|Town|Village|City|Hospital|Facility"
    r"|Target|Date|Time)\b[^:]{0,25}:", re.I)


# the fields of a header block that tell the happening itself in words ("Description: Jets struck
# the health centre twice", "What happened: ...", "Summary: ..."): the incident's statement
_TOLD_FIELD_RE = re.compile(
    r"\W*(?:Description|Summary|Details|Narrative|Overview|What\s+happened|Incident\s+(?:description|summary|details))"
    r"\b[^:]{0,25}:", re.I)


def _header_text(sentence: str) -> str:
    """A header block's text as its mention states it: its when and where fields ("Location:
    IDLIB : Heish\\ Date: 7 April 2017\\ Time: 04:15") and a field telling the happening in words
    ("Description: Jets struck the health centre twice"), the other fields (counts, munitions,
    perpetrators) left out; a sentence that is not a block of several fields is kept whole."""
    lines = [ln.strip() for ln in re.split(r"\\(?=\s|$)|\n", sentence) if ln.strip()]
    if len(lines) < 2:
        return sentence
    kept = [ln for ln in lines if _WHEN_WHERE_FIELD_RE.match(ln) or _TOLD_FIELD_RE.match(ln)]
    return "\\ ".join(kept) if kept else sentence


# "Location:", "Reported casualties:" (a field of a header block); "Incident 2: Saraqib, 29/01/2018"
# (a numbered title) is no field
_FIELD_LINE_RE = re.compile(r"\W*[A-Z][A-Za-z ]{0,25}:")
_EMPHASISED_RE = re.compile(r"^\s*(?:\*\*|__)(?P<inner>[^*_]+?)(?:\*\*|__)\s*$")
_ITALIC_LINE_RE = re.compile(r"^\s*(?P<mark>[*_])(?P<inner>[^*_]+?)(?P=mark)\s*$")


def _after_the_list(block_header):
    """What dates an archive page's narrative after a list, or a quote, that a sentence closing
    its paragraph with a colon introduced ("The Civil Defense member stated:" above a quote of
    several sentences): the incident's header block or title line above the introduction, when
    there is one (the narrative is still that incident's), else nothing. Decision: the colon's
    own date dated the list's entries only; the quote's sentences are the witness speaking, and
    the paragraphs after it go on about the incident the header states."""
    return block_header


# what an archive page's narrative tells of its incident after a quote: the strike itself, again,
# or its harm, in a verb ("warplanes reiterated shelling the centre, killing 5 people", "confirmed
# that the warplanes targeted the fuel stores"); not a sourcing, a flight observed "involved in the
# attack", the facility's description or a list of the dead
_STRIKE_VERB_RE = re.compile(
    r"\b(?:struck|targeted|targeting\s+(?:the|a|an)\b|bombed|shelled|shelling\s+(?:the|a|an)\b|hit|raided"
    r"|attacked|dropped|fired|killing|killed|injuring|injured|wounding|destroyed|destroying)\b", re.I)


# a paragraph that is wholly a witness's words ('**"We heard the jets. Then the roof fell."**',
# '***"Fires spread everywhere ..."***'): the witness restates the incident; the header above it
# dates only a sentence of it telling the strike or its harm ("the warplanes began to target the
# area and hit the hospital"), not what the witness felt or saw
_QUOTED_PARAGRAPH_RE = re.compile(r"[\s*_\\]*[\"“]")


# an archive page's headings over what is not its incident: the place's or facility's history,
# earlier attacks on the same hospital, the method
_NOT_THE_INCIDENT_HEADING_RE = re.compile(
    r"\b(?:background|history|context|previous|earlier|prior|past|other|methodology|method|about)\b", re.I)
# a sentence about another time than the incident's ("had been targeted before", "previously")
_ANOTHER_TIME_RE = re.compile(
    r"\b(?:previous(?:ly)?|earlier|before|prior|again|once\s+more|since|past|last|first\s+time|had\s+(?:\w+ly\s+)?been)\b"
    r"|\b(?:19|20)\d\d\b", re.I)


def _title_day(doc: ParsedDocument) -> tuple[tuple[StatedDate, ...], None] | None:
    """The one day an archive page's title names ("The 4 April 2017 attack on Khan Shaykhun",
    "Bombing of the Omar hospital – 19/09/2017"), as a header without a mention (basis
    ``document``), when the page has no header block with a date field (whose day is then the
    incident's); None for a title naming no day, a month, a year or two days."""
    if doc.format != "syrian_archive" or not doc.title or any(
            _DATE_FIELD_RE.search(p) for sec in doc.sections for p in sec.paragraphs):
        return None
    days = DateResolver(periods=(), published=None).resolve(doc.title, commit=False)
    if len(days) != 1 or days[0].precision != "day" or days[0].last is not None:
        return None
    return ((dataclasses.replace(days[0], year_from="document", flags=()),), None)


def _one_incident_page(doc: ParsedDocument) -> bool:
    """Whether an archive page states one incident: exactly one paragraph of the page holds a
    header block's date field ("Date: 7 April 2017", "Date of the attack: 29/01/2018"). A page
    of several incidents (a header block per incident) is not one."""
    return sum(1 for sec in doc.sections for p in sec.paragraphs if _DATE_FIELD_RE.search(p)) == 1


def _tells_the_incident_again(heading: str, paragraph: str, sentence: str) -> bool:
    """Whether an undated sentence first in its paragraph, under a later heading of a page about
    one incident, tells that incident: the strike or its harm in a verb (``_tells_the_strike``),
    a happening the extractor reads as such, no other time named (no year, no "previously",
    "before", "had been"), not in a witness's quoted words, not under a heading of history,
    earlier attacks or method. Decision: the page's header block dates its incident wherever the
    page tells it; only the strike and its harm, as what else a page tells under its headings (the
    facility, the town's past, sourcing) takes no date from the incident."""
    return (not _NOT_THE_INCIDENT_HEADING_RE.search(heading) and not _QUOTED_PARAGRAPH_RE.match(paragraph)
            and not _ANOTHER_TIME_RE.search(sentence) and _tells_the_strike(sentence)
            and reports_happening(sentence))


def _tells_the_strike(sentence: str) -> bool:
    """Whether a sentence of an archive page's narrative, after a quote or a list, tells its
    incident's strike or harm again (what the header above the quote still dates)."""
    return _STRIKE_VERB_RE.search(sentence) is not None


def _is_title_line(paragraph: str, sentence: str, italic: bool = False) -> bool:
    """An incident's title line: a paragraph wholly in bold that states no happening of its own
    ("**Khan Shaykhun, Idlib – 4 April 2017**"): like a header block, its date is the date of
    the narrative below it. ``italic``: a line wholly in italics ("*Maarat al-Numaan, Idlib – 6 May
    2017*") is one too, when it was read as a dated statement (a caption is sourcing or a
    publication, no statement); an undated italic line (a caption) does not end the incident above
    it as an undated bold title does. The line is one sentence: a bold quote of several ("**"The centre
    served the villages around it. It had two rooms."**"), however short each sentence, is a
    witness speaking, and the incident's header above it still dates what follows."""
    m = _EMPHASISED_RE.match(paragraph) or (_ITALIC_LINE_RE.match(paragraph) if italic else None)
    return (m is not None and len(sentence.split()) <= 15 and not _FIELD_LINE_RE.match(m.group("inner"))
            and len(split_sentences(m.group("inner"))) <= 1 and not reports_happening(sentence))


# a press release's dateline: "Berlin, 8 April 2018 – ", "DAMASCUS, Syria, April 8, 2018 — "
_DATELINE_RE = re.compile(
    r"^\W{0,4}(?:(?:[A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){0,2},\s+){1,2}(?P<date>[^–—-]{6,30}?)"
    # or the day in brackets after the place: "BERLIN (8 April 2018) – "
    r"|[A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){0,2}\s*\((?P<bracketed>[^()–—-]{6,30})\))\s*(?:\*\*|__)?"
    r"\s*[–—-]{1,2}\s+(?=[A-Z\"“])")


# a line that is only a place and a day, either way round ("Berlin, 8 April 2018", "8 April 2018 –
# Berlin", "BERLIN – 8 April 2018"), its emphasis and closing stop aside
_PLACE_DAY_LINE_RE = re.compile(
    r"[\s*_]*(?:(?P<p1>[A-Z][A-Za-z'’.-]+(?:[\s,]+[A-Z][A-Za-z'’.-]+){0,2})\s*(?:,|[–—-]{1,2})\s*(?P<d1>[^–—*_]{6,30}?)"
    r"|(?P<d2>[^–—*_]{6,30}?)\s*(?:,|[–—-]{1,2})\s*(?P<p2>[A-Z][A-Za-z'’.-]+(?:[\s,]+[A-Z][A-Za-z'’.-]+){0,2}))"
    r"[\s*_.]*")


def _is_dateline_line(doc: ParsedDocument, sentence: str, found) -> bool:
    """Whether the first line of a page is a press release's dateline on its own ("**Berlin, 8
    April 2018**" above the release): a place and a day only, the day within two days of the
    page's date (its publication). Background: the release's own day, not a happening (an
    incident's title line, "**Khan Shaykhun, Idlib – 4 April 2017**", names another day than its
    page's, published weeks later)."""
    if doc.page_date is None or len(found) != 1 or found[0].precision != "day":
        return False
    if _PLACE_DAY_LINE_RE.fullmatch(sentence) is None:
        return False
    return abs((found[0].date - doc.page_date).days) <= 2


def _dateline(doc: ParsedDocument, sentence: str) -> int | None:
    """Where the statement after a press release's dateline begins, when the document's first
    paragraph opens with one: a place, a comma and the page's own day (within two days of its
    date: its publication), then a dash ("Berlin, 8 April 2018 – The Syrian Archive ..."). Not an
    archive's list entry "Saraqib, 29 January 2018 – two missiles hit ...", whose day is no
    publication's."""
    m = _DATELINE_RE.match(sentence)
    if m is None or doc.page_date is None:
        return None
    day = DateResolver(periods=(), published=None).resolve(m.group("date") or m.group("bracketed"), commit=False)
    if len(day) != 1 or day[0].precision != "day" or abs((day[0].date - doc.page_date).days) > 2:
        return None
    return m.end()


def _opens_prose(paragraphs: tuple[str, ...], index: int) -> bool:
    """Whether the paragraph after ``index`` is prose: a sentence or more that is not itself only
    a date (so that the paragraph at ``index`` heads it, not a list of days)."""
    if index + 1 >= len(paragraphs):
        return False
    nxt = strip_links(paragraphs[index + 1])[0]
    return len(nxt.split()) > 4 and reports_happening(nxt)


# between two dates of one clause: "On 14 and 27 April", "in March 2012 and again on 21 October"
_SHARED_CLAUSE_RE = re.compile(r"[\s,]*(?:(?:and|or|again|then|on|in|by|during|early|late|mid)\b[\s,]*)*")
# where one clause of a sentence ends and the next, telling another dated happening, begins
_CLAUSE_BREAK_RE = re.compile(r"[,;]\s*(?:(?:and|but|while|whereas)\s+)?|\s(?:and|but|while|whereas)\s+")


def _date_clauses(sentence: str, dates) -> list[str | None] | None:
    """The clause of ``sentence`` that tells each of its dated happenings, when it names a place
    of its own ("Other bombings occurred in Jarablus on 7 July, and again in Afrin on 22 August";
    "..., captured Jandairis and the dam, reaching the outskirts of Afrin on 10 March"): a
    sentence listing happenings on several days names each one's place in its own clause, so a
    later date's clause starts at the last clause break (a comma, a semicolon, "and", "while")
    between the date before it and itself, and the first clause runs from the sentence's start.
    None for a date whose clause names no place (the whole sentence is read, as for one date), and
    for all when two dates share a clause ("on 3 and 5 May")."""
    starts = [0]
    for before, d in zip(dates, dates[1:]):
        if d.start <= before.end or _SHARED_CLAUSE_RE.fullmatch(sentence, before.end, d.start):
            return None  # "On 14 and 27 April, ...", "In late July and early August 2012, ..."
        breaks = [b.end() for b in _CLAUSE_BREAK_RE.finditer(sentence, before.end, d.start)]
        if not breaks:
            return None
        starts.append(breaks[-1])
    out: list[str | None] = []
    for k, a in enumerate(starts):
        clause = sentence[a: starts[k + 1] if k + 1 < len(starts) else len(sentence)]
        out.append(clause if event_places(clause) else None)
    return out


def _beside_the_day(resolver: DateResolver, dates) -> bool:
    """Whether a statement under a heading that is one day ("### 9 October 2019") is dated to other
    days only ("The White House released the letter to the press on 16 October"): inside a
    paragraph of that day's story it is told beside it (a follow-up or a look back), kept, flagged
    ``outside_section_period``, but the story's day stays the heading's ("By the end of the day"
    after it is still 9 October). Opening its paragraph ("November 2019 Syria bombings: On 2
    November, ...") it is the paragraph's own story (the caller asks only of later sentences)."""
    sec = resolver.section_period()
    return (sec is not None and sec.unit == "day"
            and all("outside_section_period" in d.flags for d in dates))


# a day in brackets closing a list entry: "Sarmin field hospital (12 February 2018)"
_CLOSING_BRACKET_RE = re.compile(r"\((?P<inner>[^()]{5,40})\)\W*$")


def _entry_own_day(resolver: DateResolver, paragraph: str, sentence: str) -> StatedDate | None:
    """The day a list entry names in brackets at its end ("- Sarmin field hospital (12 February
    2018)", "- Orient hospital, Kafr Nabl (9/2/2018)"), when the entry is a short phrase of its own
    (``_is_entry``) in a list that a sentence telling what happened introduces ("The following
    hospitals were attacked:"): that entry's day (its year, when it names none, from the text
    before). None for an entry without one (it takes the introduction's date, if any)."""
    if not _is_entry(paragraph, sentence):
        return None
    m = _CLOSING_BRACKET_RE.search(sentence)
    if m is None:
        return None
    inner, shift = m.group("inner"), m.start("inner")
    days = resolver.resolve(inner, commit=False)
    if not days:  # a yearless day alone ("11 February") reads as the day of "on 11 February"
        days, shift = resolver.resolve("on " + inner, commit=False), shift - 3
    if len(days) != 1 or days[0].precision != "day":
        return None
    return dataclasses.replace(days[0], start=shift + days[0].start, end=shift + days[0].end)


def _is_entry(paragraph: str, sentence: str) -> bool:
    """A list entry that names what the list's introduction tells of ("Al-Amal hospital
    (Maarat al-Numaan)", "Nour clinic, Kafr Nabl"): the whole paragraph, one short phrase without
    a verb of its own, no field, no sentence of prose."""
    return (sentence.strip() == paragraph.strip() and len(sentence.split()) <= 12
            and not sentence.rstrip().endswith(":") and not _FIELD_LINE_RE.match(sentence))


def _last_week_verdict(sentence: str, written: dt.date | None, resolver: DateResolver, verdict):
    """A sentence of an archive page that opens with "last week" in the page's own voice ("Only last
    week, the Syrian Airforce bombed the central market in Douma"): dated by the calendar week before
    the page's day (``relative_days.opening_last_week``, a range of days), not by the sentence before
    it, which may tell an anniversary's event years earlier. Decision: the page's day, not the
    narrative's current day: "last week" is the writer's time; only when the sentence reports a
    happening."""
    if verdict.kind != "undated" or written is None:
        return verdict
    week = opening_last_week(sentence, written)
    if week is None or not reports_happening(sentence):
        return verdict
    stated = StatedDate(week.first, "day", None, week.phrase, week.start, week.end, "page", last=week.last)
    dated = classify(sentence, [stated], resolver.document_period)
    return dated if dated.kind == "event" else verdict


def _relative_verdict(sentence: str, resolver: DateResolver, verdict):
    """A sentence with no date that names a relative day ("Latamneh was targeted on Monday
    evening", "because yesterday the national hospital was targeted", 'According to X, on Tuesday
    "aircraft struck ..."'), as witnesses and officials quoted on an archive page speak: the day
    counts from the narrative's current day (the latest day the text stated). Decision: only when
    the sentence, or its clause from the relative day on, reports a happening (a past verb, no
    sourcing), and only when the text has stated a day to count from; the sentence is then
    classified like any dated one (a publication stays background). Only on a Syrian Archive
    page, which narrates its incident and dates the statements it quotes: an article's quote of a
    news report ("the operation last Saturday") counts from a day the article does not give."""
    anchor = resolver.current_day()
    if anchor is None:
        return verdict
    rel = relative_day_within(sentence, anchor)
    if rel is None or not (reports_happening(sentence) or reports_happening(sentence[rel.start:])):
        return verdict
    stated = StatedDate(rel.day, "day", None, rel.phrase, rel.start, rel.end, "anaphora")
    relative = classify(sentence, [stated], resolver.document_period)
    return relative if relative.kind == "event" else verdict


def _weekday_verdict(sentence: str, resolver: DateResolver, verdict):
    """A sentence of an article with no date but a weekday ("..., the coalition's spokesman said
    Wednesday", "On Monday, the army shelled the town"): the weekday nearest to the story's current
    day (``relative_days.weekday_near``), when the sentence reports a happening and the text has
    stated a day; "yesterday", "today" in an article count from a news day it does not give and
    date nothing."""
    anchor = resolver.current_day()
    if anchor is None:
        return verdict
    rel = weekday_near(sentence, anchor)
    if rel is None or not reports_happening(sentence):
        return verdict
    stated = StatedDate(rel.day, "day", None, rel.phrase, rel.start, rel.end, "anaphora")
    relative = classify(sentence, [stated], resolver.document_period)
    return relative if relative.kind == "event" else verdict


def _add_figures(ids: _Ids, doc: ParsedDocument, mention: dict | None, sentence: str, out: DocumentExtract,
                 period: Period | None = None, read: str | None = None, context: str = "") -> None:
    """Casualty figures of one sentence; ``mention`` is None for a sentence that states no date.
    ``period`` is the document's own period (an article's infobox date): a toll "during the
    battle" of an article whose battle lasted a month or more is the battle's total (cumulative,
    over that period). ``read``: how the sentence is read, when it differs from its text (a table
    row: see ``Section.read_as``), the text staying the figure's quote. ``context``: the sentence
    before it in its paragraph (the side a pronoun names: "They suffered three casualties")."""
    figures = extract_figures(read or sentence, context=context)
    if doc.civilian_subject:
        # an article about a civilian organisation: its members killed are civilians ("Seven
        # members were killed in August 2017", "204 of its members had lost their lives")
        figures = [dataclasses.replace(f, victim_group="civilians")
                   if f.victim_group == "people" and not f.affiliation
                   and members_of(read or sentence, f.number_text, doc.civilian_subject) else f
                   for f in figures]
    if figures:
        _quotable(sentence)
        if (period is not None and period.start is not None and period.end is not None
                and (period.end - period.start).days >= 28 and names_the_whole_battle(sentence)):
            figures = [dataclasses.replace(f, scope="cumulative", period_start=period.start.isoformat(),
                                           period_end=period.end.isoformat())
                       if f.scope == "incident" else f for f in figures]
    for f in figures:
        anchor = mention["mention_id"] if mention else fingerprint(sentence)
        out.figures.append({
            "figure_id": ids("f", ids.key, anchor, f.number_text, f.outcome),
            "doc_id": doc.doc_id,
            "mention_id": mention["mention_id"] if mention else None,
            "quote": sentence,
            "outcome": f.outcome,
            "victim_group": f.victim_group,
            "affiliation": f.affiliation,
            "count_low": f.count_low,
            "count_high": f.count_high,
            "qualifier": f.qualifier,
            "number_text": f.number_text,
            "reported_by": f.reported_by,
            "scope": f.scope,
            "period_start": f.period_start,
            "period_end": f.period_end,
        })


def extract_document(doc: ParsedDocument, key: str | None = None) -> DocumentExtract:
    out = DocumentExtract(doc.doc_id)
    ids = _Ids(key or doc.doc_id)
    extract_items(doc, ids, out)
    extract_prose(doc, ids, out)
    locate_mentions(doc, out.mentions)  # statements naming no place take their context's
    return out
