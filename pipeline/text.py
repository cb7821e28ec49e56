"""Text normalization shared by every format, and sentence splitting.

Plain functions, testable on a string. Markdown as the seeds hold it is turned into clean text:
HTML entities decoded (``&#039;`` -> ``'``), typographic quotes and dashes folded to ASCII quotes
and a plain hyphen/en dash, emphasis markers dropped, links reduced to their text with the URL
returned separately (it becomes a ``sources`` row), white space collapsed.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .prefilter import starting

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
                         "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ",
                         "\u2012": "\u2013", "\u2014": "\u2013", "\u2015": "\u2013", "\u2212": "-",
                         "\u200b": None, "\ufeff": None})
_MD_LINK = re.compile(r"(?<!!)\[([^\[\]]*)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\((?:[^()\s]|\([^()\s]*\))*\)")
_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_JUNK = re.compile(r"\[object Object\]")


@dataclass(frozen=True)
class Link:
    """A markdown link found in a text: its visible words, its URL, and where the words now stand."""

    text: str
    url: str
    start: int
    end: int


def clean_inline(text: str) -> str:
    """Decode entities, fold typography, drop emphasis and junk, collapse white space."""
    text = html.unescape(html.unescape(text or ""))  # some sources double-escape (&amp;#039;)
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    if "[object" in text:
        text = _JUNK.sub("", text)
    if "*" in text or "__" in text:
        text = _EMPHASIS.sub(r"\2", text)
    if "  " in text or "\t" in text or "\r" in text or "\f" in text or "\v" in text:
        text = _SPACES.sub(" ", text)   # (else every run of white space is one space already: speed only)
    return text.strip()


# The map cleans a paragraph and splits it into sentences more than once (extraction, then the
# context of the locations): both depend on the text alone and are remembered (bounded, per process).
TEXT_CACHE_SIZE = 1 << 12


def strip_links(text: str) -> tuple[str, list[Link]]:
    """Replace markdown links by their text; return the clean text and the links with offsets.

    Image embeds are removed. Offsets refer to the returned (clean) text.
    """
    clean, links = _strip_links(text or "")
    return clean, list(links)


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _strip_links(text: str) -> tuple[str, tuple[Link, ...]]:
    urls: list[str] = []

    def mark(m: re.Match) -> str:
        urls.append(m.group(2).strip())
        return "\x02" + m.group(1) + "\x03"

    if "](" in text:
        text = _MD_LINK.sub(mark, _MD_IMAGE.sub("", text))
    marked = clean_inline(text)
    out: list[str] = []
    links: list[Link] = []
    length, opened = 0, -1
    for piece in re.split("([\x02\x03])", marked):
        if piece == "\x02":
            opened = length
        elif piece == "\x03":
            words = "".join(out)[opened:]
            links.append(Link(words, urls[len(links)], opened, length))
        else:
            out.append(piece)
            length += len(piece)
    return "".join(out), tuple(links)


# Sentence splitting: a period, question or exclamation mark followed by space and an upper-case
# letter, digit or quote ends a sentence, unless the word before it is a known abbreviation or a
# single capital (initials: "U.S.", "Vladimir V. Putin").
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "no", "vs", "etc",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "approx", "est", "fig", "inc", "ltd", "co", "corp", "jr", "sr", "rep", "sen", "gov", "adm",
    # ranks and titles before a name ("Brig. Gen. Deeb Bazi", "Cpl. X", "Prof. Y")
    "brig", "cpl", "pvt", "cmdr", "cdr", "lieut", "prof", "rev", "hon", "pres", "supt", "insp",
}
# A period glued to the next sentence by a lost space ("this incident.The second incident") also
# ends one, when a lower-case word of two letters or more precedes it and a capitalised word follows.
# A full stop lost with a removed reference ("within 3 km of the city On the same day, three
# soldiers ...", "14 September  After this, the army ...") ends one before a capitalised opener
# of a statement's time that a comma closes, or before "Shortly after ...,"; a comma before a
# capitalised article and a lower-case word, or before "On 14 February", ends one too ("captured
# by the SDF, A US-led coalition airstrike ...": in prose a comma is never followed by those).
# (behind a look-ahead for its first characters, ``prefilter.starting``: speed only)
_BOUNDARY = starting(re.compile(
    r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9\u2013\u0410-\u042f])|(?<=[a-z]{2}\.)(?=[A-Z][a-z])"
    r"|(?<=[a-z0-9])\s+(?=(?:On|After\s+this|Later|Meanwhile|The\s+(?:next|following|same)\s+day)\b"
    r"[^.,;:]{0,25},)"
    # "started Shortly after their advances at the Military Academy, rebels ...": a capitalised
    # "Shortly/Soon after" mid-sentence opens the next one
    r"|(?<=[a-z0-9])\s+(?=(?:Shortly|Soon)\s+after\b[^.,;:]{0,60},)"
    # "was captured by the SDF, A US-led coalition airstrike also killed ...", "some critically,
    # On 14 February 2016, ...": a reference removed with its full stop leaves a comma before a
    # capitalised article or a capitalised "On"/"In" and a day
    r"|(?<=[a-z)],)\s+(?=(?:An?\s+[A-Za-z-]+|The\s+[a-z]+)\s+[a-z]|(?:On|In)\s+\d{1,2}\s+[A-Z][a-z]+)"))


_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


def _word_before_period(text: str, start: int, end: int) -> str | None:
    """The word of letters and periods that ends with the period at ``end - 1`` (the leftmost
    letter of the run of letters and periods before it, not before ``start``): "U.S" of "the
    U.S.", "Gen" of "Gen.", None when ``text[end - 1]`` is no period or no letter precedes it."""
    last = end - 1
    if last < start or text[last] != ".":
        return None
    p = last
    while p > start and text[p - 1] in _WORD_CHARS:
        p -= 1
    while p < last and text[p] == ".":
        p += 1
    return text[p:last] if p < last else None


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of a clean paragraph."""
    return list(_split_sentences(text))


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.start() + 1
        word = _word_before_period(text, start, end)
        # "by the 21st. Skirmishes ...": an ordinal's suffix is no abbreviation ("St.")
        ordinal = word is not None and end - 1 - len(word) > start and text[end - 2 - len(word)].isdigit()
        if word and not ordinal:
            w = word.rstrip(".").lower()
            if w in _ABBREVIATIONS or len(w) == 1 or "." in w:
                continue
        chunk_end = m.end() - len(m.group(0)) + len(m.group(0).rstrip())
        spans.append((start, chunk_end))
        start = m.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return tuple((s, e) for s, e in spans if text[s:e].strip())


# every ASCII byte but a-z and 0-9 (what the fingerprint drops; bytes.translate is faster than a
# regular expression's substitution)
_NOT_ALNUM = bytes(c for c in range(128) if not (chr(c).isdigit() or "a" <= chr(c) <= "z"))


@lru_cache(maxsize=1 << 14)       # a statement's, then its mention's, then its text features'
def fingerprint(text: str) -> str:
    """A spelling-insensitive key for exact-duplicate detection: lower case, letters and digits only."""
    folded = unicodedata.normalize("NFKD", text.lower())
    return folded.encode("ascii", "ignore").translate(None, _NOT_ALNUM).decode()


def stable_id(prefix: str, *parts: object, length: int = 16) -> str:
    """Deterministic id from its parts: ``prefix`` + first ``length`` hex digits of a SHA-256."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}{h[:length]}"
