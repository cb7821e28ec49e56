"""Parser for current-events item pages (Wikipedia Portal:Current events, one page per item, as
*the Context* mirrors them; see ``parsers.news``).

Two layouts, one parser:

* older: ``### [2016-10-1](/news/2016/10/1/index.md)`` header, ``# headline``, body paragraphs,
  ``### Source:`` list of ``[Outlet](url)``, ``### Related:`` list of
  ``[text](/news/Y/M/D/slug.md) _Context: tag, tag_``; topic breadcrumbs, when present, open the
  headline and related texts ("Syrian Civil War. Russian military intervention ... <sentence>").
* newer: the same, plus a ``Formats:`` line before the header (the page's own HTML/JSON/XML
  links: the HTML one is its public URL), a ``##### Topic`` line above the headline (its topic),
  ``### Sources:`` (plural) and a ``### Changes:`` list of the headline's earlier wordings.

Rules: the headline is dated by the page header, a related item by the day in its target path.
Sources belong to the headline above them; the page's illustration ("Cover Image", an image
file) is not a source. The ``### Changes:`` list repeats the headline's wording history with
revision timestamps: it states no new event and is not read. Unknown ``###`` sections are
skipped whole (their lines never leak into the headline's detail).
"""

from __future__ import annotations

from ..dates import date_from_news_path
from ..text import clean_inline
from .base import DocumentError, Item, ParsedDocument, SourceRef
from .news import LINKED, LIST_ITEM, context_tags, is_picture, public_url, read_preamble

_BLOCKS = {"source": "source", "sources": "source", "related": "related", "changes": "changes"}


def looks_like(text: str) -> bool:
    """An item page: its first line (after an optional ``Formats:`` line) is a ``###`` header
    linking a ``/news/`` day."""
    return read_preamble(text.lstrip("\ufeff").splitlines()).header_level == 3


def page_date(text: str):
    """The day the page covers, from its ``### [Y-M-D](/news/...)`` header (None if it has none)."""
    return read_preamble(text.lstrip("\ufeff").splitlines()).day


def parse(text: str, *, path: str, doc_id: str) -> ParsedDocument:
    lines = text.lstrip("\ufeff").splitlines()
    pre = read_preamble(lines)
    page_day = pre.day
    if page_day is None:
        header = lines[pre.body_start - 1].strip() if pre.header_text else next((ln for ln in lines if ln.strip()), "")
        raise DocumentError("parse", f"no date: page header {header.strip()[:60]!r} holds no valid date")

    headlines: list[dict] = []
    related: list[Item] = []
    block = None  # None | "source" | "related" | "changes" | "other"
    topic: str | None = None  # a "##### Topic" line waiting for its headline
    for line in lines[pre.body_start:]:
        s = line.strip()
        if not s:
            continue
        if s.startswith("# "):
            headlines.append({"text": s[2:], "detail": [], "sources": [],
                              "topics": (topic,) if topic else ()})
            block, topic = None, None
            continue
        if s.startswith("#####"):
            topic = clean_inline(s.lstrip("#")) or None
            continue
        if s.startswith("#"):
            name = s.lstrip("#").strip().rstrip(":").strip().lower()
            block = _BLOCKS.get(name, "other")
            continue
        item = LIST_ITEM.match(s)
        if block == "source" and item:
            link = LINKED.match(item.group(1))
            if link and headlines:
                src = SourceRef(clean_inline(link.group(1)), link.group(2))
                if not is_picture(src):
                    headlines[-1]["sources"].append(src)
            continue
        if block == "related" and item:
            link = LINKED.match(item.group(1))
            if not link:
                continue
            related.append(Item("related", clean_inline(link.group(1)), date_from_news_path(link.group(2)),
                                target_path=link.group(2), context=context_tags(link.group(3))))
            continue
        if headlines and block is None:
            headlines[-1]["detail"].append(s)

    if not headlines and not related:
        raise DocumentError("parse", "no events: current-events page without headline or related items")
    items = [
        Item("headline", clean_inline(h["text"]), page_day,
             detail=clean_inline(" ".join(h["detail"])) or None, sources=tuple(h["sources"]),
             topics=h["topics"])
        for h in headlines
    ]
    return ParsedDocument(path=path, doc_id=doc_id, format="current_events",
                          title=items[0].text if items else None, published=page_day,
                          items=items + related, url=public_url(pre.formats.get("HTML")))
