"""What every parser returns, and the error a parser raises for a document it cannot use."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


class DocumentError(Exception):
    """A document that cannot be used. ``reason`` is short and stable (it is a quarantine row)."""

    def __init__(self, stage: str, reason: str):
        super().__init__(f"{stage}: {reason}")
        self.stage = stage
        self.reason = reason


@dataclass(frozen=True)
class SourceRef:
    """A cited source as written: outlet name (link text) and URL."""

    name: str
    url: str


@dataclass(frozen=True)
class Item:
    """An event stated as one list entry: a current-events headline or one of its related items.

    ``text`` is raw markdown-free text as written, topic breadcrumbs included: extraction splits
    them off, so the parser stays a faithful reader of the page.
    """

    kind: str  # "headline" | "related"
    text: str
    date: dt.date | None
    target_path: str | None = None
    context: tuple[str, ...] = ()
    detail: str | None = None
    sources: tuple[SourceRef, ...] = ()
    topics: tuple[str, ...] = ()  # topic lines the page sets above the item ("##### Syrian Civil War")


@dataclass(frozen=True)
class Section:
    """A run of paragraphs under one heading (``heading`` is "" before the first heading)."""

    heading: str
    level: int
    paragraphs: tuple[str, ...]  # raw markdown, one entry per paragraph
    # how a paragraph is read when that differs from its text, by index: a table row's cells in
    # document order are its text; the date cell first and bare counts with their column's
    # outcome ("8 April 2017 – Saraqib – 2 killed") are how its date and figures are read
    read_as: tuple[tuple[int, str], ...] = ()


@dataclass
class ParsedDocument:
    path: str
    doc_id: str
    format: str
    title: str | None
    published: dt.date | None
    items: list[Item] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    url: str | None = None  # the document's public URL where the document itself states it
    # The period the document as a whole is about, as written: an article's infobox date
    # ("21–29 February 2016") and its title ("Battle of al-Rai (August 2016)"), in that order.
    periods: tuple[str, ...] = ()
    # The day un-yeared dates of the text count back from ("On 9 July" in a page published on
    # 29 March 2017 is 9 July 2016): a Syrian Archive page's date. None for Wikipedia articles,
    # whose pubDate is when the copy was made, not when the text was written.
    page_date: dt.date | None = None
    # The name of the civilian organisation the document is about (a civil defence, rescue, medical,
    # humanitarian or aid organisation, as an article's short description says: "Volunteer civil
    # defense organization"), None otherwise: its members, volunteers and staff killed are civilians.
    civilian_subject: str | None = None
