"""Parser for Wikipedia articles exported as markdown with YAML front matter.

Front matter keys used: ``subject`` (title), ``pubDate`` (published), ``author: Wikipedia``,
``date`` (the infobox date: the period the article is about, with the title a document period
for dates that state no year), ``shortDescription`` (whether the subject is a civilian organisation).
The body is split into sections of paragraphs; back matter (References, See also, ...) is dropped.
An article whose ``author`` is Wikipedia is the English Wikipedia article named by its
``subject``: its public URL is ``https://en.wikipedia.org/wiki/<subject>`` (spaces as
underscores, percent-encoded the way MediaWiki writes its links).
"""

from __future__ import annotations

import re
from urllib.parse import quote

from ..dates import parse_loose_iso
from ..text import clean_inline
from .base import DocumentError, ParsedDocument
from .markdown import sections, split_front_matter


def looks_like(meta: dict) -> bool:
    return "subject" in meta or str(meta.get("author", "")).strip().lower() == "wikipedia"


def article_url(meta: dict) -> str | None:
    """``subject: Battle of al-Bab`` by ``author: Wikipedia`` ->
    ``https://en.wikipedia.org/wiki/Battle_of_al-Bab``; None when the front matter says neither."""
    subject = " ".join(str(meta.get("subject") or "").split())
    if not subject or str(meta.get("author", "")).strip().lower() != "wikipedia":
        return None
    name = subject[0].upper() + subject[1:]  # MediaWiki titles start upper-case
    return "https://en.wikipedia.org/wiki/" + quote(name.replace(" ", "_"), safe=";@$!*(),/~:")


def parse(text: str, *, path: str, doc_id: str) -> ParsedDocument:
    meta, body = split_front_matter(text)
    title = clean_inline(str(meta.get("subject") or meta.get("title") or "")) or None
    published = parse_loose_iso(str(meta.get("pubDate") or meta.get("date") or ""))
    secs = sections(body)
    if not any(s.paragraphs for s in secs):
        raise DocumentError("parse", "no text: article body is empty")
    return ParsedDocument(path=path, doc_id=doc_id, format="wikipedia", title=title,
                          published=published, sections=secs, url=article_url(meta),
                          periods=tuple(_texts(meta.get("date"))) + ((title,) if title else ()),
                          civilian_subject=civilian_subject(title, meta.get("shortDescription")))


# a short description of a civilian organisation: "Volunteer civil defense organization", "Medical
# relief charity", "Humanitarian non-governmental organization" (not "Nonprofit organization in London")
_CIVILIAN_WORK_RE = re.compile(
    r"\b(?:civil\s+defen[cs]e|rescue|medical|humanitarian|relief|aid|health|red\s+(?:cross|crescent))\b", re.I)
_ORGANISATION_RE = re.compile(
    r"\b(?:organi[sz]ations?|groups?|societ(?:y|ies)|NGO|charit(?:y|ies)|services?|agenc(?:y|ies)|teams?"
    r"|associations?|foundations?)\b", re.I)


def civilian_subject(title: str | None, short_description) -> str | None:
    """The article's subject when its short description names a civilian organisation, its title
    without a bracketed qualifier ("White Helmets (Syrian civil war)" -> "White Helmets"); else None."""
    desc = " ".join(str(short_description or "").split())
    if not title or not _CIVILIAN_WORK_RE.search(desc) or not _ORGANISATION_RE.search(desc):
        return None
    return re.sub(r"\s*\([^)]*\)\s*$", "", title).strip() or None


def _texts(value) -> list[str]:
    """The infobox ``date`` of the front matter as text (a string or a list of strings)."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [" ".join(str(v).split()) for v in value if v is not None and str(v).strip()]
    return [" ".join(str(value).split())] if str(value).strip() else []
