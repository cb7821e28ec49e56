"""Parser for Syrian Archive pages: YAML front matter (``title``, ``date``, ``parent``, ``desc``)
and a markdown body of sections."""

from __future__ import annotations

from ..dates import parse_loose_iso
from ..text import clean_inline
from .base import DocumentError, ParsedDocument
from .markdown import sections, split_front_matter


def looks_like(meta: dict) -> bool:
    return "parent" in meta or "desc" in meta


def parse(text: str, *, path: str, doc_id: str) -> ParsedDocument:
    meta, body = split_front_matter(text)
    title = clean_inline(str(meta.get("title") or "")) or None
    published = parse_loose_iso(str(meta.get("date") or ""))
    secs = sections(body)
    if not secs:
        raise DocumentError("parse", "no text: page body is empty")
    return ParsedDocument(path=path, doc_id=doc_id, format="syrian_archive", title=title,
                          published=published, sections=secs)
