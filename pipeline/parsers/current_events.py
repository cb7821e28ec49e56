"""Parser for daily current-events pages (Wikipedia Portal:Current events, one page per day).

Shape: a ``### [YYYY-M-D](/news/...)`` header that dates the page, one or more ``# headline``
lines each followed by body paragraphs, a ``### Source:`` list of ``[Outlet](url)`` and a
``### Related:`` list of ``[text](/news/Y/M/D/slug.md) _Context: tag, tag_``.
Sources belong to the headline above them. Related items are dated by their target path.
"""

from __future__ import annotations

import re

from ..dates import date_from_news_path, parse_loose_iso
from ..text import clean_inline
from .base import DocumentError, Item, ParsedDocument, SourceRef

_PAGE_DATE = re.compile(r"^###\s*\[([^\]]+)\]\(([^)]*)\)")
_LIST_ITEM = re.compile(r"^\s*(?:\d+[.)]|[-*])\s+(.*)$")
_LINKED = re.compile(r"^\[(.*)\]\(([^)\s]*)\)\s*(.*)$")
_CONTEXT = re.compile(r"_Context:\s*(.*?)_?\s*$")


def looks_like(text: str) -> bool:
    first = text.lstrip().split("\n", 1)[0]
    return bool(_PAGE_DATE.match(first)) and "/news/" in first


def page_date(text: str):
    """The day the page covers, from its ``### [Y-M-D](/news/...)`` header (None if it has none)."""
    header = next((ln for ln in text.lstrip("\ufeff").splitlines() if ln.strip()), "")
    m = _PAGE_DATE.match(header.strip())
    if not m:
        return None
    return parse_loose_iso(m.group(1)) or date_from_news_path(m.group(2))


def parse(text: str, *, path: str, doc_id: str) -> ParsedDocument:
    lines = text.lstrip("\ufeff").splitlines()
    header = next((ln for ln in lines if ln.strip()), "")
    page_day = page_date(text)
    if page_day is None:
        raise DocumentError("parse", f"no date: page header {header.strip()[:60]!r} holds no valid date")

    headlines: list[dict] = []
    related: list[Item] = []
    block = None  # None | "source" | "related"
    for line in lines[lines.index(header) + 1:]:
        s = line.strip()
        if not s:
            continue
        if s.startswith("# "):
            headlines.append({"text": s[2:], "detail": [], "sources": []})
            block = None
            continue
        if s.startswith("#"):
            name = s.lstrip("#").strip().rstrip(":").lower()
            block = {"source": "source", "sources": "source", "related": "related"}.get(name)
            continue
        item = _LIST_ITEM.match(s)
        if block == "source" and item:
            link = _LINKED.match(item.group(1))
            if link and headlines:
                headlines[-1]["sources"].append(SourceRef(clean_inline(link.group(1)), link.group(2)))
            continue
        if block == "related" and item:
            link = _LINKED.match(item.group(1))
            if not link:
                continue
            ctx = _CONTEXT.search(link.group(3))
            tags = tuple(t.strip() for t in clean_inline(ctx.group(1)).split(",") if t.strip()) if ctx else ()
            related.append(Item("related", clean_inline(link.group(1)), date_from_news_path(link.group(2)),
                                target_path=link.group(2), context=tags))
            continue
        if headlines and block is None:
            headlines[-1]["detail"].append(s)

    if not headlines and not related:
        raise DocumentError("parse", "no events: current-events page without headline or related items")
    items = [
        Item("headline", clean_inline(h["text"]), page_day,
             detail=clean_inline(" ".join(h["detail"])) or None, sources=tuple(h["sources"]))
        for h in headlines
    ]
    return ParsedDocument(path=path, doc_id=doc_id, format="current_events",
                          title=items[0].text if items else None, published=page_day,
                          items=items + related)
