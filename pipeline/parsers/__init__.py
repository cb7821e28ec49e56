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


def parse_document(text: str, *, fmt: str, path: str, doc_id: str) -> ParsedDocument:
    if fmt not in PARSERS:
        # only reachable for unreadable front matter: let the shared reader raise its reason
        split_front_matter(text)
        raise DocumentError("parse", f"unknown format {fmt!r}")
    return PARSERS[fmt](text, path=path, doc_id=doc_id)


__all__ = ["FORMATS", "PARSERS", "DocumentError", "Item", "ParsedDocument", "Section", "SourceRef",
           "detect_format", "parse_document"]
