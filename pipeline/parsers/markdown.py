"""Markdown pieces shared by the article parsers: front matter and the section/paragraph walk."""

from __future__ import annotations

import re

import yaml
from frontmatter.default_handlers import YAMLHandler

from ..limits import (
    MAX_FRONT_MATTER_ALIASES,
    MAX_FRONT_MATTER_BYTES,
    MAX_FRONT_MATTER_DEPTH,
    MAX_FRONT_MATTER_EXPANDED,
    over,
)
from .base import DocumentError, Section


class StringKeepingLoader(yaml.SafeLoader):
    """A safe YAML loader that leaves dates and yes/no/on/off as the strings they were written as,
    within the front-matter limits of ``pipeline.limits``.

    Plain YAML 1.1 turns ``NO`` (Norway) into False and ``2018-10-31`` into a date object; here
    only ``true``/``false`` are booleans and timestamps stay text, so the parser decides.

    Limits, checked while the YAML is composed, before any Python object is built: nesting depth
    (PyYAML composes recursively: thousands of ``[`` would hit Python's recursion limit), the
    number of aliases, and the size with every alias expanded (``&a [*b, *b, ...]`` nine levels
    deep is a billion values once a consumer walks or prints it). A cyclic alias (``&a [*a]``)
    never ends when expanded and is refused too. Each raises ``DocumentError`` naming the limit.
    """

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0
        self._aliases = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_FRONT_MATTER_ALIASES:
                raise DocumentError("parse", f"broken front matter: more than {MAX_FRONT_MATTER_ALIASES:,} "
                                             "aliases (MAX_FRONT_MATTER_ALIASES)")
            return super().compose_node(parent, index)
        self._depth += 1
        try:
            if self._depth > MAX_FRONT_MATTER_DEPTH:
                raise DocumentError("parse", f"broken front matter: nested deeper than {MAX_FRONT_MATTER_DEPTH} "
                                             "levels (MAX_FRONT_MATTER_DEPTH)")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_document(self, node):
        size = expanded_size(node)
        if size is None:
            raise DocumentError("parse", "broken front matter: an alias refers to the value that holds it "
                                         "(endless when expanded)")
        if size > MAX_FRONT_MATTER_EXPANDED:
            raise DocumentError("parse", over("broken front matter: with its aliases expanded it has a size of",
                                              size, MAX_FRONT_MATTER_EXPANDED, "MAX_FRONT_MATTER_EXPANDED"))
        return super().construct_document(node)


def expanded_size(root: yaml.Node) -> int | None:
    """Size of a composed YAML node with every alias expanded: one per node plus the characters of
    every scalar; None when an alias cycles. Iterative and memoised per node, so a billion laughs
    costs its few distinct nodes, not its expansion."""
    memo: dict[int, int] = {}
    open_: set[int] = set()            # nodes whose children are being sized (the DFS path)
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            memo[id(node)] = 1 + len(node.value)
            continue
        children = ([c for pair in node.value for c in pair] if isinstance(node, yaml.MappingNode)
                    else list(node.value))
        if done:
            memo[id(node)] = 1 + sum(memo[id(c)] for c in children)
            open_.discard(id(node))
            continue
        if id(node) in memo:
            continue
        open_.add(id(node))
        stack.append((node, True))
        for c in children:
            if id(c) in open_:
                return None
            if id(c) not in memo:
                stack.append((c, False))
    return memo[id(root)]


StringKeepingLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (
        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StringKeepingLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


# --- the same reading, by libyaml ------------------------------------------------------------------
# PyYAML's pure-Python scanner and parser are ~1 ms of CPU per front matter (a cold build reads each
# article's twice: format detection in discover, then the parse in the map: at 5,000 documents ~12 s
# of discover's single process); libyaml's (``yaml.CSafeLoader``, bundled with PyYAML's wheels) ~0.1 ms.
# ``StringKeepingLoader`` stays the reference: libyaml only composes the nodes, which the same
# resolvers (called by CParser for every scalar) tag and the same constructor turns into values, and
# its answer is taken only when nothing about the text could make the two readings differ:
# libyaml read it without an error (any error, and PyYAML reads it again, so a broken front matter
# gets PyYAML's message), it holds no alias (no node reached twice in the composed tree: PyYAML
# counts aliases as it composes, and a cyclic one never ends) and the tree is within
# ``MAX_FRONT_MATTER_DEPTH`` and ``MAX_FRONT_MATTER_EXPANDED`` (else PyYAML reads it again and
# refuses it with its reason). The C composer recurses per nesting level
# without Python's recursion limit, so a text that could nest deeper than ``_C_NESTING`` (each
# level needs one of "[{-?:") never reaches it. Identical values on every front matter of seeds/,
# the test fixtures and a 5,000-document synthetic corpus (tests/test_parsers.py compares both
# readings on the fixtures).
_SLOW = object()
_C_NESTING = 1000


_C_LOADER: type | None = None
if getattr(yaml, "__with_libyaml__", False):
    class _CStringKeepingLoader(yaml.CSafeLoader):
        """``StringKeepingLoader``'s resolvers and constructor over libyaml's parser."""

    _CStringKeepingLoader.yaml_implicit_resolvers = StringKeepingLoader.yaml_implicit_resolvers
    _CStringKeepingLoader.yaml_constructors = StringKeepingLoader.yaml_constructors
    _C_LOADER = _CStringKeepingLoader


def _tree_measure(root: yaml.Node) -> tuple[int, int] | None:
    """(nodes on the longest path down, ``expanded_size``) of a composed tree; None when a node is
    reached twice (an alias: the node it names is where its anchor stands too)."""
    height, size, seen, stack = 0, 0, set(), [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            return None
        seen.add(id(node))
        height = max(height, depth)
        size += 1
        if isinstance(node, yaml.MappingNode):
            stack.extend((c, depth + 1) for pair in node.value for c in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((c, depth + 1) for c in node.value)
        else:
            size += len(node.value)
    return height, size


def _fast_load(raw: str):
    """The front matter as ``StringKeepingLoader`` reads it, read by libyaml; ``_SLOW`` when PyYAML
    must read it (see above)."""
    if _C_LOADER is None or sum(map(raw.count, "[{-?:")) >= _C_NESTING:
        return _SLOW
    loader = _C_LOADER(raw)
    try:
        node = loader.get_single_node()
        measured = None if node is None else _tree_measure(node)
        if measured is None or measured[0] > MAX_FRONT_MATTER_DEPTH or measured[1] > MAX_FRONT_MATTER_EXPANDED:
            return _SLOW
        return loader.construct_document(node)
    except Exception:  # noqa: BLE001 - PyYAML reads it again and says what is wrong
        return _SLOW
    finally:
        loader.dispose()


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
    size = len(raw.encode("utf-8"))
    if size > MAX_FRONT_MATTER_BYTES:
        raise DocumentError("parse", over("front matter of", size, MAX_FRONT_MATTER_BYTES,
                                          "MAX_FRONT_MATTER_BYTES", "bytes"))
    try:
        meta = _fast_load(raw)
        if meta is _SLOW:
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


_DATE_HEADER = re.compile(r"^\W*(?:date|day|date\s+of\s+(?:the\s+)?(?:attack|incident|strike|event))\W*$", re.I)
_NUMBER_HEADER = re.compile(r"^\W*(?:#|no\.?|nr\.?|number|n|id|incident)?\W*$", re.I)
_ROW_NUMBER = re.compile(r"^\W*\d{1,4}\W*$")


def _cells(line: str) -> list[str] | None:
    m = _TABLE_ROW.match(line)
    return [c.strip() for c in m.group(1).split("|")] if m else None


# a column of casualty counts: "Killed", "Deaths", "Civilians killed", "Number of injured", "Reported
# wounded", and the losses of one side: "Hezbollah fatalities", "SDF killed", "Civilian deaths (SOHR)"
# (up to three words name whose they are; a bracketed note after the word is the source)
_COUNT_WORD = r"(?:killed|dead|deaths|died|fatalities|casualties|injured|wounded|injuries|victims)"
_COUNT_HEADER = re.compile(
    r"^\W*(?:(?:number\s+of|no\.\s+of|reported|total)\s+)?(?P<what>(?:(?:civilians?|people|children|women"
    r"|soldiers|fighters|persons)\s+|(?:[A-Za-z][\w'’.-]*\s+){1,3}?)?" + _COUNT_WORD
    + r"(?:\s+(?:civilians|people|children|women|soldiers|fighters|persons))?)(?:\s*\([^()|]*\))?\W*$", re.I)
# the words of a count column's header a sentence writes in lower case ("Killed" -> "killed"); a
# name ("Hezbollah", "SDF") keeps its case
_HEADER_PERSON = re.compile(r"\b(?:civilians?|people|children|women|soldiers|fighters|persons)\b", re.I)
_HEADER_COMMON = re.compile(
    r"\b(?:civilians?|civilian|people|children|women|soldiers|fighters|persons|" + _COUNT_WORD[3:-1] + r")\b",
    re.I)
# a count in a cell: "12", "45+", "~25", "at least 8", "30–40", "dozens", "7 (4 children)" (a
# breakdown in brackets after it)
_COUNT_CELL = re.compile(
    r"^\W*(?P<count>(?:about\s+|at\s+least\s+|over\s+|more\s+than\s+|up\s+to\s+)?"
    r"(?:\d[\d,]*(?:\s*(?:–|—|-|to)\s*\d[\d,]*)?\+?|dozens|scores|hundreds|several))"
    r"(?P<note>\s*\([^()|]{1,60}\))?[\s.*]*$", re.I)
# a column naming who the counts are ("Victims": "civilians", "civilians and rebels")
_VICTIMS_HEADER = re.compile(r"^\W*(?:victims?|victim\s+groups?|targets?|targeted)\W*$", re.I)
_VICTIMS_CELL = re.compile(r"^[A-Za-z][A-Za-z'’ -]{1,40}$")
# what a count column's word says of its cells, as a sentence would write it after the victims
_COUNT_VERB = (("death", "killed"), ("dead", "killed"), ("fatalit", "killed"), ("died", "killed"),
               ("killed", "killed"), ("injur", "injured"), ("wound", "wounded"), ("casualt", "casualties"))


def table_columns(header: str) -> tuple[int | None, int | None, dict[int, str], int | None]:
    """(date column, row-number column, casualty-count columns and what they count, victims column)
    of a table's header row ("| # | Location | Date | Killed | Injured |"), None and {} when the
    table has none."""
    cells = _cells(header) or []
    date_col = next((i for i, c in enumerate(cells) if _DATE_HEADER.match(c)), None)
    number_col = 0 if cells and _NUMBER_HEADER.match(cells[0]) and date_col != 0 else None
    counts = {i: _HEADER_COMMON.sub(lambda w: w.group(0).lower(), m.group("what"))
              for i, c in enumerate(cells) if (m := _COUNT_HEADER.match(c))}
    victims_col = next((i for i, c in enumerate(cells) if _VICTIMS_HEADER.match(c)), None)
    return date_col, number_col, counts, victims_col


def _count_cell(count: str, what: str, victims: str | None) -> str:
    """A count cell as a sentence states it: "12" under "Deaths" beside "civilians" -> "12
    civilians killed"; "7 (4 children)" under "Killed" -> "7 killed (4 children)"."""
    m = _COUNT_CELL.match(count)
    assert m is not None
    note = m.group("note") or ""
    if victims and not _HEADER_PERSON.search(what):
        word = next((v for k, v in _COUNT_VERB if k in what.lower()), "killed")
        return f"{m.group('count')} {victims} {word}{note}"
    return f"{m.group('count')} {what}{note}"


def table_row(line: str, date_col: int | None = None, number_col: int | None = None,
              counts: dict[int, str] | None = None, victims_col: int | None = None) -> str | None:
    """A markdown table row as one paragraph: its non-empty cells joined by " – ", so that a
    leading date cell reads as a list item's date label ("| April 7, 2017 | Shayrat | U.S. ... |"
    -> "April 7, 2017 – Shayrat – U.S. ..."). A table lists incidents with the date in any column
    and often a row number first: the cell under a "Date" header is read first and a row number
    ("| 3 |", under "#", "No." or no header) is left out ("| 3 | Saraqib | 8 April 2017 | ... |" ->
    "8 April 2017 – Saraqib – ..."). A bare count under a column of casualties ("Killed",
    "Civilians injured") reads with what it counts ("| 2 |" -> "2 killed"), as a sentence would
    state it, with the victims of a "Victims" column ("| 12 | civilians |" under "Deaths" and
    "Victims" -> "12 civilians killed") and a breakdown in brackets after the word ("7 (4 children)"
    -> "7 killed (4 children)"). None for a line that is not a table row."""
    cells = _cells(line)
    if cells is None:
        return None
    victims = None
    if victims_col is not None and victims_col < len(cells) and _VICTIMS_CELL.match(cells[victims_col]):
        victims = cells[victims_col]
    for i, what in (counts or {}).items():
        if i != victims_col and i < len(cells) and _COUNT_CELL.match(cells[i]):
            cells[i] = _count_cell(cells[i], what, victims)  # a bare count under "Killed": "2 killed"
    if cells and _ROW_NUMBER.match(cells[0]) and (number_col == 0 or date_col not in (None, 0)):
        cells[0] = ""
    if date_col is not None and 0 < date_col < len(cells) and cells[date_col]:
        cells = [cells[date_col]] + cells[:date_col] + cells[date_col + 1:]
    return " – ".join(c for c in cells if c) or None


def table_row_text(line: str, date_col: int | None = None, number_col: int | None = None) -> str | None:
    """A table row's text as the page writes it: its non-empty cells in document order joined by
    " – ", a row number left out as :func:`table_row` does (the text a mention quotes; the row is
    read as :func:`table_row` gives it)."""
    cells = _cells(line)
    if cells is None:
        return None
    if cells and _ROW_NUMBER.match(cells[0]) and (number_col == 0 or date_col not in (None, 0)):
        cells[0] = ""
    return " – ".join(c for c in cells if c) or None


# a field of an incident's header block: "Date: 12/02/2018", "- **Location:** IDLIB : Saraqib",
# "Reported killed: 4 children" (a short key, a colon, a value; not a line ending in a markdown
# break "\\", which is a block of its own already)
_FIELD_RE = re.compile(
    r"^\s*(?:(?:[*+-]|\d{1,3}[.)])\s+)?(?:\*\*|__)?(?P<key>[A-Z][A-Za-z/&()' -]{0,30}?)\s*(?:\*\*|__)?\s*:"
    r"\s*(?:\*\*|__)?\s*(?P<value>[^\s*_].*?)\s*$")
_DATE_KEY_RE = re.compile(r"^(?:(?:incident|attack|strike|event)\s+)?date\b|^(?:day|when)$", re.I)


def _field(line: str) -> tuple[str, str] | None:
    m = _FIELD_RE.match(line)
    if m is None or line.rstrip().endswith("\\") or len(m.group("key").split()) > 5:
        return None
    return m.group("key").strip(), m.group("value")


# a field that tells another happening than the block's incident ("Previous attack on the hospital")
_OTHER_HAPPENING_KEY = re.compile(
    r"\b(?:previous|earlier|prior|past|other|last|former)\b.*\b(?:attacks?|strikes?|airstrikes?|incidents?"
    r"|bombings?|shellings?|targeting)\b", re.I)
_GENERIC_KEY_HEADER = re.compile(r"^\W*(?:field|key|item|category|attribute|name|detail|information)s?\W*$", re.I)


def _table_fields(lines: list[str], i: int) -> tuple[list[tuple[str, str]], int]:
    """The fields of a table of two columns, keys then values, starting at ``i`` ("| Location |
    IDLIB : Saraqib |", "| Date | 29/01/2018 |"): (fields, index after the table); ([], i) when
    the lines at ``i`` are no such table."""
    run: list[tuple[str, str]] = []
    j = i
    while j < len(lines) and _TABLE_ROW.match(lines[j]):
        if not _TABLE_RULE.match(lines[j]):
            cells = _cells(lines[j]) or []
            if len(cells) != 2 or not cells[0] or len(cells[0].split()) > 5 or any(c.isdigit() for c in cells[0]):
                return [], i
            if not (j == i and _GENERIC_KEY_HEADER.match(cells[0])) and cells[1]:
                run.append((cells[0].strip("*_ "), cells[1]))
        j += 1
    return run, j


def field_blocks(lines: list[str]) -> list[str]:
    """An incident's header block written as consecutive lines or list items of fields
    ("- Location: IDLIB : Saraqib", "- Date: 29/01/2018", "- Reported injured: 3"; bold keys
    "**Date:** ..." too, list items may stand a blank line apart) as one line of fields separated by
    markdown breaks ("Location: IDLIB : Saraqib\\ Date: 29/01/2018\\ Reported injured: 3"), as
    the site's italic blocks are written: one block is one statement of the incident, its fields are
    no statements of their own. Only a run of two fields or more with a date field ("Date",
    "Date and time", "Incident date", "Date of the attack"); other "Key: value" lists (a list
    of countries' reactions, "Russia: ...") are left as they are."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        if _TABLE_ROW.match(lines[i]) and (i == 0 or not _TABLE_ROW.match(lines[i - 1])):
            # a table of two columns, keys and values: a header block when it has a date key
            table, end = _table_fields(lines, i)
            if len(table) >= 2 and any(_DATE_KEY_RE.match(k) for k, _ in table):
                out += ["\\ ".join(f"{k}: {v}" for k, v in table), ""]
                i = end
                continue
        run: list[tuple[str, str]] = []
        j = i
        while j < len(lines):
            f = _field(lines[j])
            if f is None:
                # loose list items stand a blank line apart
                if (not lines[j].strip() and run and j + 1 < len(lines) and _LIST_ITEM.match(lines[j + 1])
                        and _field(lines[j + 1]) is not None):
                    j += 1
                    continue
                break
            run.append(f)
            j += 1
        if len(run) >= 2 and any(_DATE_KEY_RE.match(k) for k, _ in run):
            # "Previous attack on the hospital: 21/01/2018" tells another happening: its own line
            others = [f for f in run if _OTHER_HAPPENING_KEY.search(f[0])]
            own = [f for f in run if f not in others]
            out += ["\\ ".join(f"{k}: {v}" for k, v in own), ""]
            for k, v in others:
                out += [f"{k}: {v}", ""]
        else:
            out += lines[i:j] if run else [lines[i]]
        i = max(j, i + 1)
    return out


_HTML_BREAK = re.compile(r"<br\s*/?\s*>", re.I)
_HTML_ITEM = re.compile(r"<li\b[^>]*>", re.I)
_HTML_HEADING = re.compile(r"<h([1-6])\b[^>]*>", re.I)
_HTML_BLOCK = re.compile(
    r"</?(?:p|div|ul|ol|li|h[1-6]|table|thead|tbody|tr|blockquote|section|article|header|footer|figure"
    r"|figcaption)\b[^>]*>", re.I)
_HTML_INLINE = re.compile(r"</?(?:strong|b|em|i|u|span|a|small|big|sup|sub|font|mark|abbr|cite|q|time|td|th)\b[^>]*>",
                          re.I)
_BLOCKQUOTE = re.compile(r"^\s{0,3}>\s?")
# where one cell of an HTML table row ends and the next begins ("<td>Al-Tamanah</td><td>30 April
# 2017</td>"): read as a markdown row is, the cells joined by a dash
_HTML_CELL = re.compile(r"(?:</t[dh]>\s*)?<t[dh]\b[^>]*>", re.I)
_LEADING_CELL_DASH = re.compile(r"^\s*– ")


def html_lines(lines: list[str]) -> list[str]:
    """Lines of markdown as their text reads, when a page writes some of it in HTML: a line break
    ``<br>`` and a block (``<p>``, ``<li>``, ``<h2>``, ``<div>``, ...) end a line (an item opens a
    list item, a heading a heading), inline tags (``<strong>``, ``<a href=...>``, ...) are left
    out ("<p><strong>Date:</strong> 3 January 2018<br>..." reads "Date: 3 January 2018"); the cells
    of a table row (``<td>``, ``<th>``) are read apart, joined by a dash as a markdown row is
    ("<tr><td>Al-Tamanah</td><td>30 April 2017</td></tr>" reads "Al-Tamanah – 30 April 2017"); a
    blockquote's ``>`` is left out. Lines without such tags are kept as they are."""
    out: list[str] = []
    for line in lines:
        if _BLOCKQUOTE.match(line) and not _HTML_LINE.match(line):
            line = _BLOCKQUOTE.sub("", line, count=1)
        if "<" not in line or not (_HTML_BLOCK.search(line) or _HTML_INLINE.search(line)
                                   or _HTML_BREAK.search(line)):
            out.append(line)
            continue
        if _TABLE_ROW.match(line):  # a cell's break or block stays in its row
            out.append(_HTML_BLOCK.sub(" ", _HTML_BREAK.sub(" ", _HTML_INLINE.sub("", line))))
            continue
        # the cells of an HTML row apart ("Al-Tamanah – 30 April 2017 – ..."), not run together
        text = _HTML_INLINE.sub("", _HTML_CELL.sub(" – ", line))
        text = _HTML_BREAK.sub("\n", text)
        text = _HTML_ITEM.sub("\n- ", text)
        text = _HTML_HEADING.sub(lambda m: "\n\n" + "#" * int(m.group(1)) + " ", text)
        text = _HTML_BLOCK.sub("\n\n", text)
        out += [_LEADING_CELL_DASH.sub("", ln.rstrip()) for ln in text.split("\n")]
    return out


def sections(body: str) -> list[Section]:
    """Split a markdown body into sections of paragraphs.

    Image lines, lines of bare HTML tags (embedded players) and ``[object Object]`` junk are dropped; each list item is its own paragraph, and
    so is each row of a table (its header row and rule are dropped); back-matter sections (See
    also, References, Further reading, External links, ...) and everything nested in them are
    excluded. A heading with no paragraph of its own ("### 2016" above "#### March") is kept as a
    section without paragraphs: it still states the period of what it encloses.
    """
    out: list[Section] = []
    heading, level = "", 1
    paragraphs: list[str] = []
    read_as: list[tuple[int, str]] = []  # of the section's table rows: see Section.read_as
    current: list[str] = []
    skip_level: int | None = None
    columns: tuple[int | None, int | None, dict[int, str], int | None] = (None, None, {}, None)  # see table_columns

    def flush_paragraph():
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    def flush_section():
        flush_paragraph()
        if (paragraphs or heading) and skip_level is None:
            out.append(Section(heading, level, tuple(paragraphs), tuple(read_as)))
        paragraphs.clear()
        read_as.clear()

    lines = field_blocks(html_lines(body.splitlines()))
    for i, raw in enumerate(lines):
        line = raw.replace(_JUNK, "").rstrip()
        if _TABLE_ROW.match(line):
            flush_paragraph()
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if _TABLE_RULE.match(line):
                continue  # the rule
            if _TABLE_RULE.match(nxt):
                columns = table_columns(line)  # the header row: which column holds the date
                continue
            row = table_row(line, *columns)
            if row:
                text = table_row_text(line, columns[0], columns[1]) or row
                if text != row:
                    read_as.append((len(paragraphs), row))
                paragraphs.append(text)
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
        columns = (None, None, {}, None)  # a table ended
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
