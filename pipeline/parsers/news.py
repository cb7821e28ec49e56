"""What the current-events layouts share: the pages of *the Context* (thecontext.net), robots'
markdown mirror of Wikipedia's Portal:Current events, one file per item and one per day.

Every page may open with a ``Formats:`` line (newer layout) listing the page's own HTML, JSON and
XML renderings, then a header that links the day (``### [2017-12-17](/news/2017/12/17/index.md)``
on an item page, ``## [2017-10-4](/news/2017/10/4/index.md)`` on a day index page). Topics stand
on ``##### Topic`` lines (newer layout) or as breadcrumb sentences at the start of the item text
(older layout: split off in extraction). Functions here read those pieces; each layout's parser
(``current_events``, ``current_events_day``) walks its own page.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..dates import date_from_news_path, parse_loose_iso
from ..text import clean_inline
from .base import SourceRef

SITE = "https://thecontext.net"
"""Where the pages are published (the site's FAQ: "the Context"; every page also renders as
``<path>.html``, the link its ``Formats:`` line gives)."""

_FORMATS_LINE = re.compile(r"^Formats:\s")
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
_HEADER = re.compile(r"^(#{2,3})\s*\[([^\]]+)\]\(([^)\s]*)\)\s*$")
_CONTEXT = re.compile(r"^_?Context:\s*(.*?)_?\s*$")
_PICTURE_EXT = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|bmp)(?:$|[?#])", re.I)
LIST_ITEM = re.compile(r"^\s*(?:\d+[.)]|[-*])\s+(.*)$")
LINKED = re.compile(r"^\[(.*)\]\(([^)\s]*)\)\s*(.*)$")


@dataclass(frozen=True)
class Preamble:
    """The opening of a page: its ``Formats:`` links (label -> href) and its header line."""

    formats: dict[str, str]
    header_level: int | None      # 3 for an item page, 2 for a day index page
    header_text: str | None       # the day as written ("2017-10-4")
    header_href: str | None       # the day's index path ("/news/2017/10/4/index.md")
    body_start: int               # index of the first line after the header

    @property
    def day(self) -> dt.date | None:
        if self.header_text is None:
            return None
        return parse_loose_iso(self.header_text) or date_from_news_path(self.header_href or "")


def read_preamble(lines: list[str]) -> Preamble:
    """The ``Formats:`` line (if any) and the header: the first lines that are not blank."""
    formats: dict[str, str] = {}
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i < len(lines) and _FORMATS_LINE.match(lines[i].strip()):
        formats = {label.strip(): href for label, href in _LINK.findall(lines[i])}
        i += 1
        while i < len(lines) and not lines[i].strip():
            i += 1
    m = _HEADER.match(lines[i].strip()) if i < len(lines) else None
    if not m or "/news/" not in m.group(3):
        return Preamble(formats, None, None, None, i)
    return Preamble(formats, len(m.group(1)), m.group(2), m.group(3), i + 1)


def public_url(href: str | None) -> str | None:
    """The public page of a site path: ``/news/2017/10/4/index.md`` ->
    ``https://thecontext.net/news/2017/10/4/index.html``; None for anything but a ``/news/`` path."""
    if not href or not href.startswith("/news/"):
        return None
    return SITE + re.sub(r"\.(?:md|json|xml)$", ".html", href)


def is_picture(src: SourceRef) -> bool:
    """The page's illustration listed among its sources ("Cover Image", or a link to an image
    file): it shows the story, it does not report it, so it is no source."""
    return src.name.strip().lower() == "cover image" or bool(_PICTURE_EXT.search(src.url))


def context_tags(text: str) -> tuple[str, ...]:
    """``_Context: Aleppo, Russia, Syria_`` -> ("Aleppo", "Russia", "Syria"); () when no tags."""
    m = _CONTEXT.match(text.strip())
    if not m:
        return ()
    return tuple(t.strip() for t in clean_inline(m.group(1)).split(",") if t.strip())


def is_context_line(text: str) -> bool:
    return bool(_CONTEXT.match(text.strip()))
