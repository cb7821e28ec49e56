"""Parser for Syrian Archive pages: YAML front matter (``title``, ``date``, ``parent``, ``desc``)
and a markdown body of sections. ``date`` is when the page was published: the page date that
dates stated without a year count back from only when the page names no full date before them
(else the nearest preceding full date gives their year, see ``pipeline.dates.DateResolver``).

A page is recognised by the site's own front-matter keys: ``parent`` (its place in the site's
navigation), ``desc`` (its teaser) or ``level`` (its depth in the navigation; index pages carry
only ``title``, ``date``, ``description`` and ``level``). A page with no body text still builds
(see ``documents.note``); only an empty body is refused."""

from __future__ import annotations

from ..dates import parse_loose_iso
from ..text import clean_inline
from .base import DocumentError, ParsedDocument
from .markdown import sections, split_front_matter


def looks_like(meta: dict) -> bool:
    return "parent" in meta or "desc" in meta or "level" in meta


def parse(text: str, *, path: str, doc_id: str) -> ParsedDocument:
    meta, body = split_front_matter(text)
    title = clean_inline(str(meta.get("title") or "")) or None
    published = parse_loose_iso(str(meta.get("date") or ""))
    secs = sections(body)
    if not any(s.paragraphs for s in secs):
        raise DocumentError("parse", "no text: page body is empty")
    return ParsedDocument(path=path, doc_id=doc_id, format="syrian_archive", title=title,
                          published=published, sections=secs,
                          periods=(title,) if title else (), page_date=published)
