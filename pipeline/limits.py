"""Limits on what one input document may be, and on which numbers can be true. All in one place.

A document beyond a limit is not read further: it becomes a quarantine row whose reason names the
limit (its constant below) and the document's value, and the build goes on without it. The limits
are far above anything the real sources write (measured on ``seeds/``: largest document 113 KB,
longest line 33 KB, a Wikipedia table row; largest front matter 5 KB, nesting depth 2, no YAML
aliases; longest sentence holding a figure 1.5 KB), so they only stop what would exhaust memory
or the stack: a multi-megabyte document, a headline of megabytes copied into every figure, front
matter nested thousands deep (Python's recursion limit) or YAML aliases that expand to gigabytes
("billion laughs").

Where each is enforced:

- ``MAX_DOCUMENT_BYTES``: discover (``pipeline.discover``), from the file's size before reading
  it; at most this many bytes (plus one) are ever read.
- ``MAX_LINE_CHARS``: discover, on the decoded text.
- ``MAX_FRONT_MATTER_BYTES``, ``MAX_FRONT_MATTER_DEPTH``, ``MAX_FRONT_MATTER_ALIASES``,
  ``MAX_FRONT_MATTER_EXPANDED``: the front-matter reader (``pipeline.parsers.markdown``), before and
  while YAML is composed, so nothing is built beyond them; the document is quarantined at the
  parse stage.
- ``MAX_QUOTE_CHARS``: extract (``pipeline.extract``): a sentence longer than this would be stored
  as a mention's text or a figure's quote; the document is quarantined at the extract stage.
- ``MAX_PLAUSIBLE_COUNT``: casualty counts (``pipeline.casualties``): a count above it is not a
  figure (dropped like a year or a money amount; the document is kept).
"""

from __future__ import annotations

# --- size of one document --------------------------------------------------------------------
MAX_DOCUMENT_BYTES = 4 * 1024 * 1024       # 4 MiB; the largest real document is 113 KB
MAX_LINE_CHARS = 65_536                    # characters in one line; the longest real one is 33 KB
MAX_QUOTE_CHARS = 16_384                   # characters in a sentence stored as text or quote

# --- front matter (YAML) ---------------------------------------------------------------------
MAX_FRONT_MATTER_BYTES = 64 * 1024         # the YAML between the '---' fences; real: 5 KB
MAX_FRONT_MATTER_DEPTH = 32                # nested sequences/mappings; real: 2
MAX_FRONT_MATTER_ALIASES = 100             # '*alias' references; real: none
# characters of every value plus one per node, counted with every alias expanded (a billion
# laughs is 10^9 and more); four times the byte limit leaves room for the per-node count
MAX_FRONT_MATTER_EXPANDED = 4 * MAX_FRONT_MATTER_BYTES

# --- numbers that cannot be true -------------------------------------------------------------
# Syria's population before the war (about 21-22 million in 2010-2011, UN World Population
# Prospects / World Bank). No casualty count of this war, of any side, can exceed it: a larger
# number is a misread, a hostile text, or about something else ("70 million died in WWII").
MAX_PLAUSIBLE_COUNT = 22_000_000


def over(what: str, value: int, limit: int, name: str, unit: str = "") -> str:
    """A quarantine reason naming the value, the limit and its constant (thousands separated, so
    the text is stable and readable): ``line 3 has 70,000 characters, over the limit of 65,536
    (MAX_LINE_CHARS)``."""
    unit = f" {unit}" if unit else ""
    return f"{what} {value:,}{unit}, over the limit of {limit:,}{unit} ({name})"
