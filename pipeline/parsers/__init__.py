"""One parser per format. ``detect_format`` looks at content, never at file names."""

from __future__ import annotations

from . import current_events, current_events_day, syrian_archive, wikipedia
from .base import DocumentError, Item, ParsedDocument, Section, SourceRef
from .markdown import has_front_matter, split_front_matter

PARSERS = {
    "current_events": current_events.parse,
    "current_events_day": current_events_day.parse,
    "wikipedia": wikipedia.parse,
    "syrian_archive": syrian_archive.parse,
}
FORMATS = tuple(PARSERS)


def identify(text: str) -> tuple[str | None, str | None]:
    """(format, document key) of a decoded document, reading its front matter once.

    The format is None when no parser knows the document. Broken front matter gives the format
    "front_matter", so that the parser, not detection, reports the precise reason.

    The key says what the document is, independent of its bytes: the day a current-events page
    covers, the subject of an article. Ids of mentions, sources, links and figures hash it, not the
    content hash, so editing a document re-keys only the rows whose text changed. None when the
    document does not say (its content hash is used instead).
    """
    for fmt, module in (("current_events", current_events), ("current_events_day", current_events_day)):
        if module.looks_like(text):
            day = module.page_date(text)
            return fmt, (f"{fmt}:{day.isoformat()}" if day else None)
    if not has_front_matter(text):
        return None, None
    try:
        meta, _ = split_front_matter(text)
    except DocumentError:
        return "front_matter", None
    kind = "wikipedia" if wikipedia.looks_like(meta) else "syrian_archive" if syrian_archive.looks_like(meta) else None
    title = " ".join(str(meta.get("subject") or meta.get("title") or "").split())
    return kind, (f"{kind}:{title}" if kind and title else None)


def detect_format(text: str) -> str | None:
    """The format of a decoded document (see :func:`identify`)."""
    return identify(text)[0]


def parse_document(text: str, *, fmt: str, path: str, doc_id: str) -> ParsedDocument:
    if fmt not in PARSERS:
        # only reachable for unreadable front matter: let the shared reader raise its reason
        split_front_matter(text)
        raise DocumentError("parse", f"unknown format {fmt!r}")
    return PARSERS[fmt](text, path=path, doc_id=doc_id)


__all__ = ["FORMATS", "PARSERS", "DocumentError", "Item", "ParsedDocument", "Section", "SourceRef",
           "detect_format", "identify", "parse_document"]
