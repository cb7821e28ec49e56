"""Extract stage: one parsed document -> rows of mentions, sources and related links.

Plain functions, no Dagster. Runs per document (a pure map step), so it parallelises on a process
pool or any distributed engine. Event ids are not known here; mentions carry a ``mention_id`` and
the resolve stage assigns events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import tldextract

from .parsers import Item, ParsedDocument
from .text import fingerprint, split_sentences, stable_id

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
    """Occurrence-numbered stable ids within one document (identical text twice -> two ids)."""

    def __init__(self) -> None:
        self.seen: dict[tuple, int] = {}

    def __call__(self, prefix: str, *parts: object) -> str:
        n = self.seen.get(parts, 0)
        self.seen[parts] = n + 1
        return stable_id(prefix, *parts, n)


def _mention(ids: _Ids, doc: ParsedDocument, kind: str, text: str, date, precision: str, **extra) -> dict:
    row = {
        "mention_id": ids("m", doc.doc_id, kind, fingerprint(text)),
        "doc_id": doc.doc_id,
        "kind": kind,
        "text": text,
        "date": date,
        "date_precision": precision,
        "date_qualifier": None,
        "section": None,
        "detail": None,
        "topics": [],
        "context": [],
        "quality_flags": ["lost_subject"] if lost_subject(text) else [],
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
        m = _mention(ids, doc, item.kind, summary, item.date, "day", topics=topics,
                     context=list(item.context), detail=item.detail)
        out.mentions.append(m)
        if item.kind == "headline":
            headline_ids.append(m["mention_id"])
        _add_sources(ids, doc, m["mention_id"], item, out)
        if item.kind == "related" and headline_ids:
            out.links.append({
                "link_id": ids("l", doc.doc_id, item.target_path),
                "doc_id": doc.doc_id,
                "from_mention_id": headline_ids[0],
                "to_mention_id": m["mention_id"],
                "target_path": item.target_path,
                "target_date": item.date,
                "context": list(item.context),
            })


def _add_sources(ids: _Ids, doc: ParsedDocument, mention_id: str, item: Item, out: DocumentExtract) -> None:
    for src in item.sources:
        out.sources.append({
            "source_id": ids("s", mention_id, src.url),
            "mention_id": mention_id,
            "doc_id": doc.doc_id,
            "name": src.name or src.url,
            "url": src.url,
            "domain": registrable_domain(src.url),
        })


def extract_document(doc: ParsedDocument) -> DocumentExtract:
    out = DocumentExtract(doc.doc_id)
    ids = _Ids()
    extract_items(doc, ids, out)
    return out
