"""Markdown pieces shared by the article parsers: front matter and the section/paragraph walk."""

from __future__ import annotations

import re

import yaml
from frontmatter.default_handlers import YAMLHandler

from .base import DocumentError, Section


class StringKeepingLoader(yaml.SafeLoader):
    """A safe YAML loader that leaves dates and yes/no/on/off as the strings they were written as.

    Plain YAML 1.1 turns ``NO`` (Norway) into False and ``2018-10-31`` into a date object; here
    only ``true``/``false`` are booleans and timestamps stay text, so the parser decides.
    """


StringKeepingLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (
        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StringKeepingLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


_YAML = YAMLHandler()  # python-frontmatter's fence handling; the YAML itself goes to our loader


def has_front_matter(text: str) -> bool:
    return _YAML.detect(text)


def split_front_matter(text: str) -> tuple[dict, str]:
    """Front matter as a dict (strings kept) and the body; DocumentError when it is broken.

    A document without front matter gives ({}, text)."""
    if not has_front_matter(text):
        return {}, text
    try:
        raw, body = _YAML.split(text)
    except ValueError as exc:
        raise DocumentError("parse", "broken front matter: no closing '---'") from exc
    try:
        meta = yaml.load(raw, Loader=StringKeepingLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DocumentError("parse", f"broken front matter: {first}") from exc
    if not isinstance(meta, dict) or not meta:
        raise DocumentError("parse", f"broken front matter: a {type(meta).__name__}, not a mapping of keys")
    return meta, body


_HEADING = re.compile(r"^(#{1,6})\s*(.*?)\s*#*\s*$")
_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*\|?\s*$")
_IMAGE_LINE = re.compile(r"^\s*!\[[^\]]*\]\(\S*\)\s*$")
_HTML_LINE = re.compile(r"^\s*(?:<[^>]*>\s*)+$")  # an embed such as <iframe ...></iframe>
_LIST_ITEM = re.compile(r"^\s*(?:[*+-]|\d+[.)])\s+")
_JUNK = "[object Object]"
EXCLUDED_SECTIONS = ("see also", "references", "further reading", "external links", "notes",
                     "bibliography", "sources", "citations", "footnotes")


def table_row(line: str) -> str | None:
    """A markdown table row as one paragraph: its non-empty cells joined by " – ", so that a
    leading date cell reads as a list item's date label ("| April 7, 2017 | Shayrat | U.S. ... |"
    -> "April 7, 2017 – Shayrat – U.S. ..."). None for a line that is not a table row."""
    m = _TABLE_ROW.match(line)
    if not m:
        return None
    cells = [c.strip() for c in m.group(1).split("|")]
    return " – ".join(c for c in cells if c) or None


def sections(body: str) -> list[Section]:
    """Split a markdown body into sections of paragraphs.

    Image lines, lines of bare HTML tags (embedded players) and ``[object Object]`` junk are dropped; each list item is its own paragraph, and
    so is each row of a table (its header row and rule are dropped); back-matter sections (See
    also, References, Further reading, External links, ...) and everything nested in them are
    excluded. A heading with no paragraph of its own ("### 2016" above "#### March") is kept as a
    section without paragraphs: it still states the period of what it encloses.
    """
    out: list[Section] = []
    heading, level, paragraphs, current = "", 1, [], []
    skip_level: int | None = None

    def flush_paragraph():
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    def flush_section():
        flush_paragraph()
        if (paragraphs or heading) and skip_level is None:
            out.append(Section(heading, level, tuple(paragraphs)))
        paragraphs.clear()

    lines = body.splitlines()
    for i, raw in enumerate(lines):
        line = raw.replace(_JUNK, "").rstrip()
        if _TABLE_ROW.match(line):
            flush_paragraph()
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if _TABLE_RULE.match(line) or _TABLE_RULE.match(nxt):
                continue  # the rule, and the header row above it
            row = table_row(line)
            if row:
                paragraphs.append(row)
            continue
        m = _HEADING.match(line)
        if m:
            flush_section()
            level, heading = len(m.group(1)), m.group(2).strip()
            if skip_level is not None and level <= skip_level:
                skip_level = None
            if skip_level is None and heading.lower().rstrip(":") in EXCLUDED_SECTIONS:
                skip_level = level
            continue
        if not line.strip() or _IMAGE_LINE.match(line) or _HTML_LINE.match(line):
            flush_paragraph()
            continue
        item = _LIST_ITEM.match(line)
        if item:  # each list item is a paragraph of its own
            flush_paragraph()
            line = line[item.end():]
        current.append(line.strip())
    flush_section()
    return out
