"""The dataset card of a release: ``index.html``, ``README.md`` and ``CITATION.cff``.

``card_files(tables, version=..., previous=..., changelog=...)`` returns the three files as bytes;
``pipeline.release`` writes them into every release folder. Everything on the card is generated,
never typed: the codebook from ``schemas/`` (``schemas.contract``), every figure and chart from the
release's tables (queried with DuckDB, casualty totals through ``pipeline.load.CASUALTY_ESTIMATES_SQL``),
the changelog from the release's ``CHANGELOG.md`` entry. Columns that a later schema adds are shown
without code changes: every column in the codebook, every categorical (``isin``) or boolean column
of ``events`` counted under *Scope and caveats*, ``events.event_type`` (when present) splitting the
events-per-month chart, ``documents.url`` and ``documents.licence`` (when present) in the
attribution.

``index.html`` is self-contained: the charts are SVG files inlined as ``data:`` URIs in ``<img>``
elements (each with alt text and, below it, a table of the numbers it draws), the CSS is inline,
and it loads nothing from the network. ``README.md`` says the same in markdown (charts described by
their alt text). Both are rendered from one list of blocks (``_card_blocks``), so they cannot
disagree.

Charts are drawn with matplotlib (``Figure`` objects, no pyplot, the SVG backend; text drawn as
paths with the DejaVu Sans font matplotlib ships, so the page needs no fonts). Rendering is
deterministic: matplotlib's defaults (not the user's matplotlibrc), a fixed ``svg.hashsalt`` and no
date or creator in the SVG metadata, so the same tables give the same bytes.

Decisions where the data leaves a choice:

- *Events per month* counts events dated to the day or the month (a year says nothing about the
  month); the chart starts at the month of the 1st percentile of their dates, so the few events of
  earlier decades (background history) do not squeeze the war into a sliver; every month, the
  earlier ones too, is in the table.
- *Casualties per month* draws civilians killed (``outcome = 'killed'``, ``victim_group =
  'civilians'``), the measure the README's example computes: victim groups nest (children and
  women are among civilians), so adding groups would count people twice. Each month is a band from
  the sum of the lowest stated bounds to the sum of the highest; a month where an event states no
  upper bound ("at least 18") has an open band. The axis is symmetric-log, since one month can
  state a hundred times more than another. Every group is in the table under *Scope and caveats*.
- *Map*: events placed at a place or a governorate (not those placed only in "Syria"), one point
  per location, its area by the number of events; each governorate is labelled at the centre of its
  locations. No tiles, no borders: nothing is fetched.
"""

from __future__ import annotations

import base64
import copy
import datetime as dt
import hashlib
import html
import io
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.ipc  # noqa: F401  (pa.ipc)

from schemas import TABLES
from schemas.contract import (
    DATA_LICENSES,
    DATASET_DESCRIPTION,
    DATASET_NAME,
    DATASET_TITLE,
    allowed_values,
    columns,
    table_meta,
    table_schema,
)

CARD_HTML = "index.html"
CARD_README = "README.md"
CITATION = "CITATION.cff"
CARD_FILES = (CARD_HTML, CARD_README, CITATION)

# Who the dataset is cited as: the same authors as pyproject.toml's [project].authors (a test
# keeps them equal).
AUTHORS = ("The syria-events maintainers",)

N_DOMAINS = 20
CHART_START_QUANTILE = 0.01
CASUALTY_OUTCOME = "killed"
CASUALTY_GROUP = "civilians"
SCROLL_ROWS = 25            # longer tables scroll in a box of their own on the page
TITLE_CHARS = 140           # document titles (a current-events page's is its first headline) clipped
URL_CHARS = 80              # the text of a document's link (the link itself is whole)

# Okabe & Ito's colour-blind safe palette
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
STYLE: dict[str, Any] = {
    "svg.hashsalt": DATASET_NAME,     # ids inside the SVG derive from this, not from random numbers
    "svg.fonttype": "path",           # glyphs as paths: the page needs no font
    "font.family": "DejaVu Sans",     # shipped with matplotlib
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
}
SVG_METADATA = {"Date": None, "Creator": None}


# --- blocks: one card, two renderers ------------------------------------------------------------

class Lit(str):
    """Text from the data: printed as is (no inline markdown), escaped for each format."""


@dataclass
class Heading:
    level: int
    text: str
    anchor: str | None = None


@dataclass
class Para:
    text: str


@dataclass
class Bullets:
    items: list            # str, or (str, [sub-items])


@dataclass
class Table:
    header: list[str]
    rows: list[list]
    keys: list[str] | None = None      # data-key of each row (for readers and tests)
    caption: str | None = None


@dataclass
class Pre:
    text: str


@dataclass
class Toc:
    """The list of the card's sections (level-2 headings)."""


@dataclass
class Chart:
    key: str
    title: str
    alt: str
    caption: str
    svg: bytes
    table: Table


# --- inline text -----------------------------------------------------------------------------------

_INLINE = re.compile(r"`([^`]+)`|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|\[([^\]]+)\]\(([^)\s]+)\)")


def _html_inline(text) -> str:
    if isinstance(text, (int, float)):
        return html.escape(_number(text))
    if text is None:
        return ""
    if isinstance(text, Lit):
        return html.escape(text)
    out, pos = [], 0
    for m in _INLINE.finditer(text):
        out.append(html.escape(text[pos:m.start()]))
        if m[1] is not None:
            out.append(f"<code>{html.escape(m[1])}</code>")
        elif m[2] is not None:
            out.append(f"<strong>{html.escape(m[2])}</strong>")
        elif m[3] is not None:
            out.append(f"<em>{html.escape(m[3])}</em>")
        else:
            label = _html_inline(m[4]) if "[" not in m[4] else html.escape(m[4])
            out.append(f'<a href="{html.escape(m[5])}">{label}</a>')
        pos = m.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _md_inline(text) -> str:
    if isinstance(text, (int, float)):
        return _number(text)
    if text is None:
        return ""
    if isinstance(text, Lit):
        return re.sub(r"([\\`*_\[\]<>])", r"\\\1", str(text))
    return str(text)


def _md_cell(text) -> str:
    return " ".join(_md_inline(text).split()).replace("|", "\\|")


def _number(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    return str(value)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# --- HTML renderer ---------------------------------------------------------------------------------

CSS = """
:root { color-scheme: light; --fg: #1b1b1b; --muted: #555; --line: #d6d6d6; --band: #f4f6f8; --accent: #0072B2; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: #fff;
       font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.5rem 0; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 0.75rem; padding-top: 0.75rem; border-top: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.75rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 1.25rem 0 0.4rem; }
a { color: var(--accent); }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.88em;
       background: var(--band); padding: 0.05em 0.3em; border-radius: 3px; }
td { overflow-wrap: anywhere; }
th { overflow-wrap: anywhere; hyphens: auto; }
pre { background: var(--band); padding: 0.75rem 1rem; overflow: auto; font-size: 0.85rem; border-radius: 4px; }
nav ol { columns: 2; padding-left: 1.25rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; width: 100%; }
caption { text-align: left; color: var(--muted); padding-bottom: 0.3rem; }
th, td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { position: sticky; top: 0; background: #fff; border-bottom: 2px solid var(--line); }
td.date { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tbody tr:nth-child(even) { background: #fafbfc; }
.scroll { max-height: 26rem; overflow: auto; border: 1px solid var(--line); margin: 0.5rem 0 1rem; }
.scroll table { margin: 0; }
figure { margin: 1.5rem 0 2.5rem; }
figure img { display: block; width: 100%; height: auto; border: 1px solid var(--line); background: #fff; }
figcaption { color: var(--muted); font-size: 0.92rem; margin: 0.4rem 0 0.6rem; }
.lede { font-size: 1.1rem; }
.meta { color: var(--muted); }
@media print { .scroll { max-height: none; overflow: visible; } }
""".strip()


_DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?")


def _html_table(t: Table) -> str:
    numeric = [bool(t.rows) and all(_is_number(r[i]) or r[i] in (None, "–", "") for r in t.rows)
               and any(_is_number(r[i]) for r in t.rows) for i in range(len(t.header))]
    head = "".join(f'<th scope="col"{" class=num" if numeric[i] else ""}>{_html_inline(h)}</th>'
                   for i, h in enumerate(t.header))
    body = []
    for n, row in enumerate(t.rows):
        key = f' data-key="{html.escape(t.keys[n])}"' if t.keys else ""
        cells = []
        for i, cell in enumerate(row):
            tag = "th scope=row" if i == 0 and t.keys else "td"
            cls = " class=num" if numeric[i] else (
                " class=date" if isinstance(cell, str) and _DATE.fullmatch(cell) else "")
            cells.append(f"<{tag}{cls}>{_html_inline(cell)}</{tag.split()[0]}>")
        body.append(f"<tr{key}>{''.join(cells)}</tr>")
    caption = f"<caption>{_html_inline(t.caption)}</caption>" if t.caption else ""
    table = f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    return f'<div class="scroll">{table}</div>' if len(t.rows) > SCROLL_ROWS else table


def _html_bullets(items) -> str:
    out = []
    for item in items:
        if isinstance(item, tuple):
            text, sub = item
            out.append(f"<li>{_html_inline(text)}{_html_bullets(sub)}</li>")
        else:
            out.append(f"<li>{_html_inline(item)}</li>")
    return f"<ul>{''.join(out)}</ul>"


def _html_block(block) -> str:
    if isinstance(block, Heading):
        anchor = f' id="{block.anchor}"' if block.anchor else ""
        return f"<h{block.level}{anchor}>{_html_inline(block.text)}</h{block.level}>"
    if isinstance(block, Para):
        return f"<p>{_html_inline(block.text)}</p>"
    if isinstance(block, Bullets):
        return _html_bullets(block.items)
    if isinstance(block, Table):
        return _html_table(block)
    if isinstance(block, Pre):
        return f"<pre>{html.escape(block.text)}</pre>"
    if isinstance(block, Chart):
        uri = "data:image/svg+xml;base64," + base64.b64encode(block.svg).decode("ascii")
        return (f'<figure id="chart-{block.key}" data-chart="{block.key}">'
                f'<h3>{html.escape(block.title)}</h3>'
                f'<img class="chart" src="{uri}" alt="{html.escape(block.alt, quote=True)}">'
                f"<figcaption>{_html_inline(block.caption)}</figcaption>"
                f"{_html_table(block.table)}</figure>")
    raise TypeError(block)


def render_html(title: str, blocks: list) -> str:
    toc = "".join(f'<li><a href="#{b.anchor}">{_html_inline(b.text)}</a></li>'
                  for b in blocks if isinstance(b, Heading) and b.level == 2 and b.anchor)
    body = "\n".join(f'<nav aria-label="Contents"><ol>{toc}</ol></nav>' if isinstance(b, Toc) else _html_block(b)
                     for b in blocks)
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<meta name=\"generator\" content=\"pipeline.card\">\n"
            f"<title>{html.escape(title)}</title>\n<style>\n{CSS}\n</style>\n</head>\n"
            f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n")


# --- markdown renderer -----------------------------------------------------------------------------

def _md_table(t: Table) -> str:
    numeric = [bool(t.rows) and all(_is_number(r[i]) or r[i] in (None, "–", "") for r in t.rows)
               and any(_is_number(r[i]) for r in t.rows) for i in range(len(t.header))]
    lines = ["| " + " | ".join(_md_cell(h) for h in t.header) + " |",
             "|" + "|".join("---:" if n else "---" for n in numeric) + "|"]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in t.rows]
    caption = [f"{_md_inline(t.caption)}", ""] if t.caption else []
    return "\n".join(caption + lines)


def _md_bullets(items, indent: str = "") -> str:
    out = []
    for item in items:
        if isinstance(item, tuple):
            text, sub = item
            out.append(f"{indent}- {_md_inline(text)}")
            out.append(_md_bullets(sub, indent + "  "))
        else:
            out.append(f"{indent}- {_md_inline(item)}")
    return "\n".join(out)


def _md_block(block) -> str:
    if isinstance(block, Heading):
        return f"{'#' * block.level} {_md_inline(block.text)}"
    if isinstance(block, Para):
        return _md_inline(block.text)
    if isinstance(block, Bullets):
        return _md_bullets(block.items)
    if isinstance(block, Table):
        return _md_table(block)
    if isinstance(block, Pre):
        return f"```\n{block.text.rstrip()}\n```"
    if isinstance(block, Chart):
        out = [f"### {block.title}", "", f"*Chart in `{CARD_HTML}`:* {_md_inline(Lit(block.alt))}", "",
               _md_inline(block.caption)]
        if len(block.table.rows) <= SCROLL_ROWS:
            out += ["", _md_table(block.table)]
        else:
            out += ["", f"The {len(block.table.rows)} rows of numbers behind it are in `{CARD_HTML}`."]
        return "\n".join(out)
    raise TypeError(block)


def render_markdown(blocks: list) -> str:
    toc = "\n".join(f"- [{b.text}](#{_slug(b.text)})" for b in blocks if isinstance(b, Heading) and b.level == 2)
    parts = [toc if isinstance(b, Toc) else _md_block(b) for b in blocks]
    return "\n\n".join(p for p in parts if p).rstrip() + "\n"


def markdown_blocks(text: str, shift: int = 0) -> list:
    """Blocks of the markdown the pipeline writes itself (a changelog entry): headings, tables,
    bullets (one level of nesting), paragraphs; inline `code` is kept."""
    blocks: list = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
        elif line.startswith("#"):
            hashes = len(line) - len(line.lstrip("#"))
            blocks.append(Heading(min(hashes + shift, 6), line[hashes:].strip()))
            i += 1
        elif line.startswith("|"):
            rows: list[list] = []
            while i < len(lines) and lines[i].startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                    rows.append([int(c) if re.fullmatch(r"\d+", c) else c for c in cells])
                i += 1
            blocks.append(Table(rows[0], rows[1:]))
        elif line.startswith("- "):
            items: list = []
            while i < len(lines) and (lines[i].startswith("- ") or lines[i].startswith("  - ")):
                if lines[i].startswith("- "):
                    items.append((lines[i][2:], []))
                else:
                    items[-1][1].append(lines[i][4:])
                i += 1
            blocks.append(Bullets([t if not sub else (t, sub) for t, sub in items]))
        else:
            para = []
            while i < len(lines) and lines[i].strip() and not lines[i].startswith(("#", "|", "- ")):
                para.append(lines[i].strip())
                i += 1
            blocks.append(Para(" ".join(para)))
    return blocks


# --- queries -----------------------------------------------------------------------------------------

def _connect(tables: dict[str, pa.Table]):
    import duckdb

    from .load import CASUALTY_ESTIMATES_SQL

    con = duckdb.connect(":memory:")
    for name, table in tables.items():
        con.register(f"_{name}", table)
        con.execute(f'CREATE VIEW "{name}" AS SELECT * FROM "_{name}"')
    if "casualty_figures" in tables:
        con.execute(CASUALTY_ESTIMATES_SQL)
    return con


def _rows(con, sql: str, params: list | None = None) -> list[tuple]:
    return con.execute(sql, params or []).fetchall()


def _has(tables: dict[str, pa.Table], table: str, column: str) -> bool:
    return table in tables and column in tables[table].column_names


def _month(d: dt.date) -> int:
    return d.year * 12 + d.month - 1


def _month_label(m: int) -> str:
    return f"{m // 12:04d}-{m % 12 + 1:02d}"


# --- charts ------------------------------------------------------------------------------------------

def _figure(width: float = 10.0, height: float = 4.2):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _svg(fig, title: str) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="svg", metadata=dict(SVG_METADATA, Title=title))
    return buf.getvalue()


def _empty(ax, text: str) -> None:
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, fontsize=12, color="#555")
    ax.set_xticks([])
    ax.set_yticks([])


def _month_axis(ax, start: int, end: int) -> None:
    years = list(range(start // 12, end // 12 + 1))
    step = max(1, math.ceil(len(years) / 14))
    ticks = [y * 12 for y in years if y * 12 >= start and (y - years[0]) % step == 0]
    ax.set_xticks(ticks, [str(t // 12) for t in ticks])
    ax.set_xlim(start - 0.8, end + 0.8)


def events_per_month_chart(con, tables) -> Chart:
    by_type = _has(tables, "events", "event_type")
    kind = "coalesce(CAST(event_type AS VARCHAR), 'not classified')" if by_type else "'events'"
    rows = _rows(con, f"""
        SELECT year(date) * 12 + month(date) - 1 AS m, {kind} AS kind, count(*) AS n
        FROM events WHERE date_precision <> 'year' GROUP BY ALL ORDER BY m, kind""")
    n_year = _rows(con, "SELECT count(*) FROM events WHERE date_precision = 'year'")[0][0]
    start_date = _rows(con, f"""SELECT quantile_disc(date, {CHART_START_QUANTILE}) FROM events
                               WHERE date_precision <> 'year'""")[0][0]
    kinds = sorted({k for _, k, _ in rows}, key=lambda k: (k == "not classified", k))
    months = sorted({m for m, _, _ in rows})
    counts = {(m, k): n for m, k, n in rows}
    total = {m: sum(counts.get((m, k), 0) for k in kinds) for m in months}
    title = "Events per month" + (" by event type" if by_type else "")
    fig = _figure()
    ax = fig.add_subplot()
    if not months:
        _empty(ax, "No events dated to the day or month in this release")
        alt = f"{title}: no events dated to the day or month in this release."
        earlier, start, end = 0, None, None
    else:
        start, end = _month(start_date), months[-1]
        earlier = sum(n for m, n in total.items() if m < start)
        xs = list(range(start, end + 1))
        bottom = [0] * len(xs)
        for i, k in enumerate(kinds):
            ys = [counts.get((m, k), 0) for m in xs]
            # only the months this kind has: a bar of height 0 draws nothing but costs a patch
            # (types x months of them, most of the chart's time); the first keeps the legend entry
            drawn = [j for j, y in enumerate(ys) if y] or [0]
            ax.bar([xs[j] for j in drawn], [ys[j] for j in drawn], width=0.9, bottom=[bottom[j] for j in drawn],
                   color=PALETTE[i % len(PALETTE)], label=k, linewidth=0)
            bottom = [b + y for b, y in zip(bottom, ys)]
        _month_axis(ax, start, end)
        ax.set_ylabel("events")
        ax.grid(axis="y", color="#e0e0e0", linewidth=0.6)
        ax.set_axisbelow(True)
        if by_type:
            ax.legend(frameon=False, ncols=min(len(kinds), 4), loc="upper right")
        peak = max((m for m in xs if m in total), key=lambda m: (total[m], -m))
        alt = (f"Bar chart{' stacked by event type' if by_type else ''} of the events dated to the day or "
               f"the month, per month from {_month_label(start)} to {_month_label(end)}: "
               f"{sum(total[m] for m in months if m >= start):,} events, most in {_month_label(peak)} "
               f"({total[peak]:,}).")
    # type names written with spaces so that a table of many types wraps its headers to fit
    header = ["month"] + ([k.replace("_", " ") for k in kinds] + ["total"] if by_type else ["events"])
    table_rows = [[_month_label(m)] + ([counts.get((m, k), 0) for k in kinds] + [total[m]] if by_type else [total[m]])
                  for m in months]
    caption = (f"Events dated to the day or the month, by the month of `date`. "
               f"{n_year:,} events dated only to a year are not counted"
               + (f"; {earlier:,} events before {_month_label(start)} (the 1st percentile of dates) are in "  # type: ignore[arg-type]  # earlier > 0 only with a start
                  f"the table but not drawn" if earlier else "") + ".")
    return Chart("events-per-month", title, alt, caption, _svg(fig, title),
                 Table(header, table_rows, keys=[_month_label(m) for m in months]))


def casualties_chart(con, tables) -> Chart:
    title = f"{CASUALTY_GROUP.capitalize()} {CASUALTY_OUTCOME} per month"
    rows = []
    if "casualty_figures" in tables:
        rows = _rows(con, """
            SELECT year(e.date) * 12 + month(e.date) - 1 AS m,
                   count(DISTINCT c.event_id) AS events,
                   sum(coalesce(c.count_low, 0)) AS low,
                   CASE WHEN bool_or(c.count_high IS NULL) THEN NULL ELSE sum(c.count_high) END AS high
            FROM casualty_estimates c JOIN events e USING (event_id)
            WHERE c.outcome = ? AND c.victim_group = ?
            GROUP BY m ORDER BY m""", [CASUALTY_OUTCOME, CASUALTY_GROUP])
    rows = [(m, int(ev), int(lo), None if hi is None else int(hi)) for m, ev, lo, hi in rows]
    fig = _figure()
    ax = fig.add_subplot()
    if not rows:
        _empty(ax, f"No incident figures of {CASUALTY_GROUP} {CASUALTY_OUTCOME} in this release")
        alt = f"{title}: no incident figures of {CASUALTY_GROUP} {CASUALTY_OUTCOME} in this release."
    else:
        start, end = rows[0][0], rows[-1][0]
        top = max(max(lo, hi or 0) for _, _, lo, hi in rows)
        ceiling = 10 ** math.ceil(math.log10(max(top, 1) * 1.5))
        closed = [(m, lo, hi) for m, _, lo, hi in rows if hi is not None]
        open_ = [(m, lo) for m, _, lo, hi in rows if hi is None]
        if closed:
            ax.bar([m for m, _, _ in closed], [max(hi - lo, 0) for _, lo, hi in closed], width=0.9,
                   bottom=[lo for _, lo, _ in closed], color=PALETTE[0], alpha=0.6, linewidth=0,
                   label="band from the lowest to the highest stated total")
            ax.scatter([m for m, _, _ in closed], [lo for _, lo, _ in closed], marker="_", s=70,
                       color=PALETTE[0], linewidths=1.5, zorder=3, label="lowest = highest (one stated count)")
        if open_:
            ax.scatter([m for m, _ in open_], [lo for _, lo in open_], marker="^", s=26, color=PALETTE[5],
                       zorder=4, label="no upper bound stated: at least this many")
        ax.set_yscale("symlog", linthresh=1)
        ax.set_ylim(0, ceiling)
        ax.set_ylabel(f"{CASUALTY_GROUP} {CASUALTY_OUTCOME} (symmetric log scale)")
        ax.grid(axis="y", color="#e0e0e0", linewidth=0.6)
        ax.set_axisbelow(True)
        _month_axis(ax, start, end)
        fig.legend(frameon=False, loc="outside lower center", ncols=3, fontsize=8)
        peak = max(rows, key=lambda r: (r[2], -r[0]))
        alt = (f"Per month from {_month_label(start)} to {_month_label(end)}, a bar from the lowest to the "
               f"highest stated count of {CASUALTY_GROUP} {CASUALTY_OUTCOME} in the month's events "
               f"({len(rows)} months with figures, {sum(r[1] for r in rows):,} events); the largest lowest "
               f"count is {peak[2]:,} in {_month_label(peak[0])}; {len(open_)} months have no upper bound.")
    table_rows = [[_month_label(m), ev, lo, "no upper bound" if hi is None else hi] for m, ev, lo, hi in rows]
    caption = (f"Incident figures of `casualty_estimates` (see *How to sum casualties*) with outcome "
               f"`{CASUALTY_OUTCOME}` and victim group `{CASUALTY_GROUP}`, by the month of the event's `date`: "
               f"the lowest total adds each event's lowest stated lower bound (none stated counts 0), the "
               f"highest total each event's highest stated upper bound, and is open when an event states "
               f"none. Children and women counted apart are not added (they are among civilians).")
    return Chart("casualties-per-month", title, alt, caption, _svg(fig, title),
                 Table(["month", "events", "lowest total", "highest total"], table_rows,
                       keys=[_month_label(r[0]) for r in rows]))


def map_chart(con, tables) -> Chart:
    title = "Where the events happened"
    rows = _rows(con, """
        SELECT location, admin1, latitude, longitude, geo_precision, count(*) AS n
        FROM events
        WHERE latitude IS NOT NULL AND longitude IS NOT NULL AND geo_precision <> 'country'
        GROUP BY ALL ORDER BY n DESC, location, admin1""")
    labels = _rows(con, """
        SELECT admin1, avg(latitude), avg(longitude), sum(n), count(*) FROM (
            SELECT admin1, latitude, longitude, count(*) AS n FROM events
            WHERE latitude IS NOT NULL AND longitude IS NOT NULL AND geo_precision <> 'country'
              AND admin1 IS NOT NULL
            GROUP BY ALL)
        GROUP BY admin1 ORDER BY sum(n) DESC, admin1""")
    n_country = _rows(con, "SELECT count(*) FROM events WHERE geo_precision = 'country'")[0][0]
    n_none = _rows(con, "SELECT count(*) FROM events WHERE latitude IS NULL")[0][0]
    fig = _figure(8.0, 7.0)
    ax = fig.add_subplot()
    if not rows:
        _empty(ax, "No events placed at a place or governorate in this release")
        alt = f"{title}: no event in this release is placed at a place or a governorate."
    else:
        from matplotlib import patheffects

        biggest = max(r[5] for r in rows)
        from matplotlib.lines import Line2D

        handles = []
        for precision, marker, color in (("place", "o", PALETTE[0]), ("governorate", "s", PALETTE[1])):
            pts = [r for r in rows if r[4] == precision]
            if pts:
                ax.scatter([r[3] for r in pts], [r[2] for r in pts], s=[12 + 600 * r[5] / biggest for r in pts],
                           marker=marker, color=color, alpha=0.5, edgecolors="white", linewidths=0.5)
                handles.append(Line2D([], [], marker=marker, linestyle="", color=color, alpha=0.6, markersize=8,
                                      label=f"placed at a {precision}: {sum(r[5] for r in pts):,} events"))
        for admin1, lat, lon, _n, _ in labels:
            ax.annotate(admin1, (lon, lat), ha="center", va="center", fontsize=9, fontweight="bold",
                        color="#1b1b1b", path_effects=[patheffects.withStroke(linewidth=3, foreground="white")])
        lats = [r[2] for r in rows]
        ax.set_aspect(1 / math.cos(math.radians(sum(lats) / len(lats))))
        ax.set_xlabel("longitude (°E)")
        ax.set_ylabel("latitude (°N)")
        ax.grid(color="#eeeeee", linewidth=0.6)
        ax.margins(0.08)
        fig.legend(handles=handles, frameon=False, loc="outside lower center", ncols=2, fontsize=8,
                   title=f"point area: number of events (largest: {biggest:,})", title_fontsize=8)
        top = ", ".join(f"{a} ({n:,})" for a, _, _, n, _ in labels[:3])
        alt = (f"Map (longitude against latitude, no background) of {sum(r[5] for r in rows):,} events at "
               f"{len(rows):,} locations in {len(labels)} governorates, each point sized by its number of "
               f"events and each governorate labelled at the centre of its locations; most events in {top}.")
    caption = (f"Events by their `location` (GeoNames coordinates in `latitude`, `longitude`): places as "
               f"circles, governorates (placed at their capital) as squares. Not drawn: {n_country:,} events "
               f"placed only in the country and {n_none:,} events without a location.")
    table_rows = [[Lit(loc or "–"), Lit(adm or "–"), round(lat, 4), round(lon, 4), prec, n]
                  for loc, adm, lat, lon, prec, n in rows]
    return Chart("map", title, alt, caption, _svg(fig, title),
                 Table(["location", "governorate", "latitude", "longitude", "placed at", "events"], table_rows))


def domains_chart(con, tables) -> Chart:
    title = f"The {N_DOMAINS} most cited source domains"
    rows = _rows(con, f"""
        SELECT domain, count(*) AS citations, count(DISTINCT event_id) AS events
        FROM sources WHERE domain IS NOT NULL
        GROUP BY domain ORDER BY citations DESC, domain LIMIT {N_DOMAINS}""")
    n_domains, n_sources = _rows(con, "SELECT count(DISTINCT domain), count(*) FROM sources")[0]
    fig = _figure(10.0, 1.2 + 0.27 * max(len(rows), 4))
    ax = fig.add_subplot()
    if not rows:
        _empty(ax, "No cited sources in this release")
        alt = f"{title}: no cited sources in this release."
    else:
        ys = list(range(len(rows)))[::-1]
        ax.barh(ys, [r[1] for r in rows], color=PALETTE[2], height=0.7)
        ax.set_yticks(ys, [r[0] for r in rows])
        for y, r in zip(ys, rows):
            ax.text(r[1], y, f" {r[1]:,}", va="center", fontsize=8)
        ax.set_xlabel("citations (rows of `sources`)".replace("`", ""))
        ax.grid(axis="x", color="#e0e0e0", linewidth=0.6)
        ax.set_axisbelow(True)
        ax.margins(x=0.08)
        alt = (f"Horizontal bar chart of the {len(rows)} source domains cited most often, out of {n_domains:,} "
               f"domains and {n_sources:,} citations: " + ", ".join(f"{d} {c:,}" for d, c, _ in rows[:5])
               + (", ..." if len(rows) > 5 else "") + ".")
    caption = ("Registrable domain (`sources.domain`) of each cited URL, counted per citation (a row of "
               "`sources`) and per distinct event; ties in alphabetical order.")
    return Chart("source-domains", title, alt, caption, _svg(fig, title),
                 Table(["domain", "citations", "events"], [[Lit(d), c, e] for d, c, e in rows],
                       keys=[d for d, _, _ in rows]))


# The charts are a function of the tables alone (the version and changelog are not drawn), and
# drawing them is most of a card's cost (~0.5 s for the five seeds): a process that publishes the
# same tables again (``release --force``, a release after a rebuild of the same data, the test
# suite's many releases of the seeds) reuses them. Keyed by the sha256 of the tables' Arrow IPC
# bytes, so any other row, column or type draws anew; the newest ``KEPT_CHARTS`` are kept.
KEPT_CHARTS = 4
_CHARTS: dict[str, list[Chart]] = {}


def _tables_digest(tables: dict[str, pa.Table]) -> str:
    h = hashlib.sha256()
    for name in sorted(tables):
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, tables[name].schema) as writer:
            writer.write_table(tables[name])
        h.update(name.encode() + b"\0")
        h.update(hashlib.sha256(sink.getvalue()).digest())
    return h.hexdigest()


def charts(tables: dict[str, pa.Table], con=None) -> list[Chart]:
    """The four charts of the card, rendered to SVG deterministically (kept per process by the
    content of ``tables``: see ``KEPT_CHARTS``)."""
    import matplotlib

    key = _tables_digest(tables)
    if key in _CHARTS:
        return copy.deepcopy(_CHARTS[key])
    con = con or _connect(tables)
    with matplotlib.rc_context():
        matplotlib.rcdefaults()              # not the user's matplotlibrc: same bytes everywhere
        matplotlib.rcParams.update(STYLE)   # type: ignore[arg-type]  # STYLE keys are rc names
        drawn = [events_per_month_chart(con, tables), casualties_chart(con, tables),
                 map_chart(con, tables), domains_chart(con, tables)]
    _CHARTS[key] = copy.deepcopy(drawn)
    while len(_CHARTS) > KEPT_CHARTS:
        _CHARTS.pop(next(iter(_CHARTS)))
    return drawn


# --- citation ---------------------------------------------------------------------------------------

def _yaml_str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)      # a JSON string is a YAML double-quoted scalar


def citation_cff(version: str | None = None) -> str:
    """``CITATION.cff`` (Citation File Format 1.2.0) of the dataset; with ``version`` for a release.

    The repository's ``CITATION.cff`` is ``citation_cff()`` (a test keeps it so; regenerate with
    ``python -m pipeline.card --citation CITATION.cff``); each release holds ``citation_cff(version)``.
    """
    lic = DATA_LICENSES[0]
    lines = ["# Generated by pipeline.card.citation_cff() from schemas/contract.py; do not edit.",
             "cff-version: 1.2.0",
             'message: "If you use this dataset, please cite it as below."',
             "type: dataset",
             f"title: {_yaml_str(DATASET_TITLE)}",
             "authors:"]
    lines += [f"  - name: {_yaml_str(a)}" for a in AUTHORS]
    lines += [f"abstract: {_yaml_str(DATASET_DESCRIPTION)}",
              f"license: {lic['name']}",
              f"license-url: {_yaml_str(lic['path'])}",
              "keywords:"]
    lines += [f"  - {_yaml_str(k)}" for k in ("conflict events", "Syria", "Russia", "open data", "event data")]
    lines.append(f"identifiers:\n  - type: other\n    value: {_yaml_str(DATASET_NAME)}\n"
                 f"    description: \"Name of the dataset in datapackage.json\"")
    if version:
        lines.append(f"version: {_yaml_str(version)}")
    return "\n".join(lines) + "\n"


def citation_text(version: str) -> str:
    return f"{', '.join(AUTHORS)}. *{DATASET_TITLE}*, version {version} [data set]. {DATA_LICENSES[0]['name']}."


# --- the card --------------------------------------------------------------------------------------

def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "–"


def _category_counts(con, tables) -> list:
    """Every categorical (isin) or boolean column of events, counted: date and place precision,
    and any column a later schema adds (in_scope, event_type, ...)."""
    out: list = []
    if "events" not in tables:
        return out
    schema = {f["name"]: f for f in table_schema("events")["fields"]}
    described = {c.name: c for c in columns("events")}
    total = tables["events"].num_rows
    for name in tables["events"].column_names:
        f = schema.get(name) or {"type": "boolean" if pa.types.is_boolean(tables["events"].schema.field(name).type)
                                 else "other"}
        if not (f["type"] == "boolean" or "enum" in f.get("constraints", {})):
            continue
        order = f.get("constraints", {}).get("enum") or [True, False]
        found = dict(_rows(con, f'SELECT "{name}", count(*) FROM events GROUP BY 1'))
        values = [v for v in order if v in found] + sorted((v for v in found if v not in order and v is not None), key=str)
        if None in found:
            values.append(None)
        rows = [[Lit("null" if v is None else _number(v)), found[v], _pct(found[v], total)] for v in values]
        out.append(Heading(3, f"`events.{name}`", anchor=f"scope-{name}"))
        if name in described:
            out.append(Para(described[name].description))
        out.append(Table(["value", "events", "share"], rows,
                         keys=[f"{name}={'null' if v is None else _number(v)}" for v in values]))
    return out


def _codebook_blocks(tables) -> list:
    out: list = []
    for table in TABLES:
        meta = table_meta(table)
        rows = tables[table].num_rows if table in tables else 0
        out.append(Heading(3, f"`{table}`", anchor=f"codebook-{table}"))
        out.append(Para(f"{meta['description']} Key: `{', '.join(meta['primary_key'])}`. Files: "
                        f"[`{table}.parquet`]({table}.parquet), [`{table}.csv.gz`]({table}.csv.gz). "
                        f"Rows: {rows:,}."))
        fks = meta.get("foreign_keys") or {}
        allowed = allowed_values(table)
        trs = []
        for c in columns(table):
            ref = f" References `{fks[c.name]}`." if c.name in fks else ""
            trs.append([f"`{c.name}`", c.logical, "yes" if c.nullable else "no", c.description + ref,
                        allowed[c.name] or "–"])
        out.append(Table(["column", "type", "null", "meaning", "allowed values"], trs,
                         keys=[f"{table}.{c.name}" for c in columns(table)]))
    return out


def _attribution_blocks(con, tables) -> list:
    out: list = []
    lic = DATA_LICENSES[0]
    out.append(Para(f"The data is licensed [{lic['title']}]({lic['path']}) (`{lic['name']}`): share and adapt "
                    f"it, with attribution, under the same licence. It is built from the documents below; "
                    f"each row of every table names the document it comes from (`doc_id`)."))
    if "documents" not in tables:
        return out
    has_url, has_licence = _has(tables, "documents", "url"), _has(tables, "documents", "licence")
    url = "url" if has_url else "NULL::VARCHAR"
    licence = "licence" if has_licence else "NULL::VARCHAR"
    by_format = _rows(con, f"""
        SELECT format, count(*),
               list(DISTINCT lic ORDER BY lic) FILTER (WHERE lic IS NOT NULL),
               list(DISTINCT host ORDER BY host) FILTER (WHERE host IS NOT NULL AND host <> '')
        FROM (SELECT format, {licence} AS lic, regexp_extract({url}, '^[a-z]+://([^/]+)', 1) AS host
              FROM documents)
        GROUP BY format ORDER BY count(*) DESC, format""")
    rows = [[f"`{fmt}`", n, Lit(", ".join(lics or [])) if lics else "not recorded per document",
             Lit(", ".join(hosts or [])) if hosts else "–"] for fmt, n, lics, hosts in by_format]
    out.append(Table(["format", "documents", "licence", "published at"], rows,
                     keys=[f"attribution-{fmt}" for fmt, *_ in by_format]))
    docs = _rows(con, f"""SELECT title, format, published, {url}, path, {licence} FROM documents
                          ORDER BY format, published NULLS LAST, path""")
    header = ["document", "format", "published", "where"] + (["licence"] if has_licence else [])
    drows = []
    for title, fmt, published, link, path, lic_ in docs:
        name = Lit(_clip(title or path, TITLE_CHARS))
        shown = _clip(re.sub(r"^https?://(www\.)?", "", link or ""), URL_CHARS).replace("[", "(").replace("]", ")")
        href = (link or "").replace("(", "%28").replace(")", "%29")     # the same URL, safe in markdown
        where = f"[{shown}]({href})" if re.match(r"^https?://\S+$", href) \
            else (Lit(link) if link else f"`seeds/{path}`")
        drows.append([name, fmt, published.isoformat() if published else "–", where]
                     + ([Lit(lic_ or "–")] if has_licence else []))
    out.append(Para(f"The {len(docs):,} documents" + ("" if has_url else
                    " (this release records no public URL per document: their paths in the repository's "
                    "`seeds/` folder are given)") + ":"))
    out.append(Table(header, drows))
    other = []
    try:
        from .places import GAZETTEER_SOURCE
        other.append(f"Place names and coordinates: {GAZETTEER_SOURCE}.")
    except ImportError:       # pragma: no cover - the gazetteer is a pipeline dependency
        pass
    if other:
        out.append(Bullets(other))
    return out


def _casualty_blocks(con, tables) -> list:
    out: list = [Para(table_meta("casualty_figures")["description"])]
    if "casualty_figures" not in tables:
        return out
    rows = _rows(con, """
        SELECT outcome, coalesce(victim_group, '(not stated)'), count(DISTINCT event_id),
               sum(coalesce(count_low, 0)),
               CASE WHEN bool_or(count_high IS NULL) THEN NULL ELSE sum(count_high) END
        FROM casualty_estimates GROUP BY ALL ORDER BY 1, 3 DESC, 2""")
    n_fig, n_cum, n_vague, n_free = _rows(con, """
        SELECT count(*), count(*) FILTER (WHERE scope = 'cumulative'),
               count(*) FILTER (WHERE qualifier = 'vague'), count(*) FILTER (WHERE event_id IS NULL)
        FROM casualty_figures""")[0]
    out.append(Para(f"This release states {n_fig:,} figures: {n_cum:,} cumulative (totals over a period), "
                    f"{n_vague:,} vague (\"dozens\"), {n_free:,} in sentences that state no date (tied to no "
                    f"event). The incident figures, summed per event without double counting "
                    f"(`casualty_estimates`), whole release:"))
    out.append(Table(["outcome", "victim group", "events", "lowest total", "highest total"],
                     [[o, Lit(g), n, lo, "no upper bound" if hi is None else hi] for o, g, n, lo, hi in rows],
                     keys=[f"{o}/{g}" for o, g, *_ in rows]))
    out.append(Para("In SQL: `pipeline.load.connect()` gives the `casualty_estimates` view (its definition "
                    "is `pipeline.load.CASUALTY_ESTIMATES_SQL`)."))
    return out


def _card_blocks(tables: dict[str, pa.Table], chart_list: list[Chart], con, *, version: str,
                 previous: str | None, changelog: str, pipeline_version: str | None) -> list:
    rows = {t: tables[t].num_rows for t in tables}
    ev = "events" in tables and rows["events"] > 0
    first, last = _rows(con, "SELECT min(date), max(date) FROM events")[0] if ev else (None, None)
    n_places, n_gov = _rows(con, "SELECT count(DISTINCT location), count(DISTINCT admin1) FROM events")[0] \
        if "events" in tables else (0, 0)
    precision = dict(_rows(con, "SELECT date_precision, count(*) FROM events GROUP BY 1")) if "events" in tables else {}
    formats = _rows(con, "SELECT format, count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1") \
        if "documents" in tables else []
    n_sources, n_domains = _rows(con, "SELECT count(*), count(DISTINCT domain) FROM sources")[0] \
        if "sources" in tables else (0, 0)

    blocks: list = [Heading(1, DATASET_TITLE)]
    blocks.append(Para(f"Release **{version}**" + (f" (previous: {previous})" if previous else " (first release)")
                       + (f", built by `syria-events` {pipeline_version}" if pipeline_version else "")
                       + f". Dataset `{DATASET_NAME}`. This page and `{CARD_README}` are generated from "
                         f"the release's tables and the schemas in `schemas/`."))
    blocks.append(Toc())

    blocks.append(Heading(2, "What the dataset is", anchor="about"))
    blocks.append(Para(DATASET_DESCRIPTION))
    blocks.append(Para(f"It is built from {rows.get('documents', 0):,} public documents ("
                       + ", ".join(f"{n:,} `{f}`" for f, n in formats) + ") by a pipeline that parses each "
                       "document, extracts every dated statement of an event with its sources, places, "
                       "actors and casualty figures, and merges statements of the same event into one row "
                       "of `events`. Every row can be traced to the document and sentence it comes from."))

    blocks.append(Heading(2, "Coverage", anchor="coverage"))
    cov = [["First event date", first.isoformat() if first else "–"],
           ["Last event date", last.isoformat() if last else "–"],
           ["Events", rows.get("events", 0)]]
    keys = ["first-date", "last-date", "events"]
    for p in ("day", "month", "year"):
        cov.append([f"Events dated to the {p}", precision.get(p, 0)])
        keys.append(f"events-{p}")
    cov += [["Places (distinct `location` of events)", n_places], ["Governorates (distinct `admin1`)", n_gov],
            ["Documents used", rows.get("documents", 0)]]
    keys += ["places", "governorates", "documents"]
    for f, n in formats:
        cov.append([f"Documents of format `{f}`", n])
        keys.append(f"documents-{f}")
    cov += [["Input files that could not be used (`quarantine`)", rows.get("quarantine", 0)],
            ["Sources cited (rows of `sources`)", n_sources], ["Source domains", n_domains]]
    keys += ["quarantine", "sources", "domains"]
    blocks.append(Table(["", "value"], cov, keys=keys))
    blocks.append(Heading(3, "Tables and files", anchor="files"))
    blocks.append(Para("Each table is one Parquet file (the reference: typed, lists as lists) and the same rows "
                       "as gzip CSV for spreadsheets (UTF-8, ISO 8601 dates, lists joined with `;`, empty cells "
                       "for nulls). `datapackage.json` describes both (Frictionless Data Package); `SHA256SUMS` "
                       "lists the checksum of every file (`sha256sum -c SHA256SUMS`)."))
    blocks.append(Table(["table", "rows", "what a row is", "files"],
                        [[f"`{t}`", rows.get(t, 0), table_meta(t)["description"].split(". ")[0].rstrip(".") + ".",
                          f"[`{t}.parquet`]({t}.parquet), [`{t}.csv.gz`]({t}.csv.gz)"] for t in TABLES],
                        keys=[f"rows-{t}" for t in TABLES]))

    blocks.append(Heading(2, "Charts", anchor="charts"))
    blocks.append(Para("Drawn from this release's tables when it was published; the numbers of each chart "
                       "are in the table below it."))
    blocks += chart_list

    blocks.append(Heading(2, "Scope and caveats", anchor="scope"))
    blocks.append(Para("What the columns below mean, and how many events take each value: dates and places "
                       "are as precise as the documents make them, never more."))
    blocks += _category_counts(con, tables)
    blocks.append(Heading(3, "How to sum casualties", anchor="casualties"))
    blocks += _casualty_blocks(con, tables)
    if rows.get("quarantine"):
        q = _rows(con, "SELECT stage, count(*) FROM quarantine GROUP BY 1 ORDER BY 2 DESC, 1")
        blocks.append(Heading(3, "Documents left out", anchor="quarantine"))
        blocks.append(Para(f"{rows['quarantine']:,} input files could not be used; `quarantine` gives each "
                           f"one's reason (" + ", ".join(f"{n:,} at stage `{s}`" for s, n in q) + ")."))

    blocks.append(Heading(2, "Codebook", anchor="codebook"))
    blocks.append(Para("Every column of every table, generated from the pandera models in `schemas/` (the same "
                       "source as `datapackage.json` and the Parquet schemas)."))
    blocks += _codebook_blocks(tables)

    blocks.append(Heading(2, "How to cite", anchor="cite"))
    blocks.append(Para(citation_text(version)))
    blocks.append(Para(f"The same as Citation File Format, in `{CITATION}` of this release:"))
    blocks.append(Pre(citation_cff(version)))

    blocks.append(Heading(2, "Licences and attribution", anchor="licences"))
    blocks += _attribution_blocks(con, tables)

    blocks.append(Heading(2, "Changelog of this release", anchor="changelog"))
    blocks += markdown_blocks(changelog, shift=1)[1:] if changelog.startswith("## ") else markdown_blocks(changelog, 1)
    return blocks


def card_files(tables: dict[str, pa.Table], *, version: str, previous: str | None = None,
               changelog: str = "", pipeline_version: str | None = None) -> dict[str, bytes]:
    """``{"index.html": ..., "README.md": ..., "CITATION.cff": ...}`` of a release of ``tables``.

    Deterministic: the same tables and arguments give the same bytes.
    """
    con = _connect(tables)
    chart_list = charts(tables, con)
    blocks = _card_blocks(tables, chart_list, con, version=version, previous=previous, changelog=changelog,
                          pipeline_version=pipeline_version)
    title = f"{DATASET_TITLE} — release {version}"
    return {CARD_HTML: render_html(title, blocks).encode("utf-8"),
            CARD_README: render_markdown(blocks).encode("utf-8"),
            CITATION: citation_cff(version).encode("utf-8")}


def read_tables(folder: Path) -> dict[str, pa.Table]:
    """The tables of a release (or build) folder, as Arrow tables."""
    import pyarrow.parquet as pq

    return {t: pq.read_table(folder / f"{t}.parquet") for t in TABLES if (folder / f"{t}.parquet").is_file()}


def main(argv: list[str] | None = None) -> int:
    """``python -m pipeline.card --citation CITATION.cff`` rewrites the repository's citation file;
    ``python -m pipeline.card --preview FOLDER --out DIR`` writes the card of a release or build folder."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m pipeline.card", description=main.__doc__)
    parser.add_argument("--citation", help="write citation_cff() to this path")
    parser.add_argument("--preview", help="a release folder or outputs/latest")
    parser.add_argument("--out", help="where the preview's card files go (default: a folder 'card' in the cwd)")
    args = parser.parse_args(argv)
    if args.citation:
        Path(args.citation).write_text(citation_cff(), encoding="utf-8")
        print(f"wrote {args.citation}")
    if args.preview:
        folder = Path(args.preview)
        changelog = (folder / "CHANGELOG.md").read_text(encoding="utf-8") if (folder / "CHANGELOG.md").is_file() else ""
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8")) \
            if (folder / "manifest.json").is_file() else {}
        out = Path(args.out or "card")
        out.mkdir(parents=True, exist_ok=True)
        for name, data in card_files(read_tables(folder), version=manifest.get("version", "preview"),
                                     previous=manifest.get("previous"), changelog=changelog).items():
            (out / name).write_bytes(data)
        print(f"wrote {', '.join(CARD_FILES)} into {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
