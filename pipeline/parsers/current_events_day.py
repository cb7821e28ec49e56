"""Parser for current-events day index pages (*the Context*'s ``news/Y/M/D/index.md``: every item
of one day of Wikipedia's Portal:Current events; see ``parsers.news``).

Shape: an optional ``Formats:`` line (newer layout), a ``## [2017-10-4](/news/2017/10/4/index.md)``
header that dates the page, then one block per item::

    ##### Syrian Civil War                       <- topic line (newer layout only), optional
    ### [Headline as written. ](/news/2017/10/4/<slug>.md)
    One line quoted from the cited article (its lede), or the item's tags:
    _Context: Russia, Syria, Syrian Civil War_

and a closing ``## [Previous Day...](/news/.../index.md)`` link, which is navigation.

Rules: every item is an event statement of the page's day (kind ``headline``, dated by the
header). The lede under it restates the headline and becomes its ``detail``; a ``_Context:`` line
its context tags; the ``#####`` line its topic. The page names no outlet: each item's link to its
own item page (where its outlets are listed) is kept as its one source, named ``item page``, with
the path as written. Items about anything (the page covers the whole world's news) are read
alike; whether an event belongs to the dataset's subject is decided downstream.
"""

from __future__ import annotations

import re

from ..text import clean_inline
from .base import DocumentError, Item, ParsedDocument, SourceRef
from .news import context_tags, is_context_line, public_url, read_preamble

ITEM_PAGE = "item page"  # name of the source row that points at an item's own page
_ITEM = re.compile(r"^###\s*\[(.*)\]\((/news/[^)\s]*)\)\s*$")


def looks_like(text: str) -> bool:
    """A day index page: its first line (after an optional ``Formats:`` line) is a ``##`` header
    linking a ``/news/`` day."""
    return read_preamble(text.lstrip("\ufeff").splitlines()).header_level == 2


def page_date(text: str):
    return read_preamble(text.lstrip("\ufeff").splitlines()).day


def parse(text: str, *, path: str, doc_id: str) -> ParsedDocument:
    lines = text.lstrip("\ufeff").splitlines()
    pre = read_preamble(lines)
    day = pre.day
    if day is None:
        raise DocumentError("parse", f"no date: day page header {pre.header_text!r} holds no valid date")

    blocks: list[dict] = []
    topic: str | None = None
    for line in lines[pre.body_start:]:
        s = line.strip()
        if not s:
            continue
        if s.startswith("#####"):
            topic = clean_inline(s.lstrip("#")) or None
            continue
        m = _ITEM.match(s)
        if m:
            blocks.append({"text": m.group(1), "path": m.group(2), "topics": (topic,) if topic else (),
                           "context": (), "detail": []})
            topic = None
            continue
        if s.startswith("#"):      # "## [Previous Day...]" and any other heading end the item
            topic = None
            if blocks:
                blocks[-1]["closed"] = True
            continue
        if not blocks or blocks[-1].get("closed"):
            continue
        if is_context_line(s):
            blocks[-1]["context"] = context_tags(s)
        else:
            blocks[-1]["detail"].append(s)

    items = [Item("headline", clean_inline(b["text"]), day, target_path=b["path"], context=b["context"],
                  detail=clean_inline(" ".join(b["detail"])) or None,
                  sources=(SourceRef(ITEM_PAGE, b["path"]),), topics=b["topics"])
             for b in blocks if clean_inline(b["text"])]
    if not items:
        raise DocumentError("parse", "no events: day page without items")
    return ParsedDocument(path=path, doc_id=doc_id, format="current_events_day",
                          title=f"Current events of {day.isoformat()}", published=day, items=items,
                          url=public_url(pre.header_href))
