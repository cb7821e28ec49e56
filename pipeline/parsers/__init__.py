"""One parser per format. ``detect_format`` looks at content, never at file names."""

from __future__ import annotations

from . import current_events, syrian_archive, wikipedia
from .base import DocumentError, Item, ParsedDocument, Section, SourceRef
from .markdown import has_front_matter, split_front_matter

PARSERS = {
    "current_events": current_events.parse,
    "wikipedia": wikipedia.parse,
    "syrian_archive": syrian_archive.parse,
}
FORMATS = tuple(PARSERS)


def detect_format(text: str) -> str | None:
    """The format of a decoded document, or None when no parser knows it.

    Broken front matter still detects as an article format when its keys are readable, so that the
    parser, not detection, reports the precise reason; unreadable front matter gives None.
    """
    if current_events.looks_like(text):
        return "current_events"
    if has_front_matter(text):
        try:
            meta, _ = split_front_matter(text)
        except DocumentError:
            return "front_matter"  # parse will report the YAML error precisely
        if wikipedia.looks_like(meta):
            return "wikipedia"
        if syrian_archive.looks_like(meta):
            return "syrian_archive"
    return None


def document_key(text: str, fmt: str | None) -> str | None:
    """What the document is, independent of its bytes: the day a current-events page covers, the
    subject of an article. Ids of mentions, sources, links and figures hash this key, not the
    content hash, so that editing a document re-keys only the rows whose text changed. None when
    the document does not say (its content hash is used instead)."""
    if fmt == "current_events":
        day = current_events.page_date(text)
        return f"current_events:{day.isoformat()}" if day else None
    if fmt in ("wikipedia", "syrian_archive"):
        try:
            meta, _ = split_front_matter(text)
        except DocumentError:
            return None
        title = " ".join(str(meta.get("subject") or meta.get("title") or "").split())
        return f"{fmt}:{title}" if title else None
    return None


def parse_document(text: str, *, fmt: str, path: str, doc_id: str) -> ParsedDocument:
    if fmt not in PARSERS:
        # only reachable for unreadable front matter: let the shared reader raise its reason
        split_front_matter(text)
        raise DocumentError("parse", f"unknown format {fmt!r}")
    return PARSERS[fmt](text, path=path, doc_id=doc_id)


__all__ = ["FORMATS", "PARSERS", "DocumentError", "Item", "ParsedDocument", "Section", "SourceRef",
           "detect_format", "document_key", "parse_document"]
