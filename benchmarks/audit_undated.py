"""Audit a build's happenings without a mention: statements a reader dates from the page, not the sentence.

Held-out Syrian Archive statement recall stays far below tune (~1.00), so the tune labels no longer
show its general misses. This script reads the documents of a build that are NOT held-out labelled
documents (the held-out list is read from the label files' ``split:`` and those documents are
skipped before anything of them is read) and lists every sentence that **describes a happening**
but produced no row of ``event_mentions``, grouped by a guessed cause.

A happening is read with the extractor's own vocabulary: the sentence has a type of
``pipeline.classify.event_type_of`` other than ``other`` (an attack, strike, shelling, capture,
fighting, agreement, deployment, statement ...) and ``pipeline.statements.reports_happening`` says
it tells one (a finite past verb, no sourcing, no background), or it is a short list item / table
row / caption whose type is one of the happenings (no verb needed: "- Airstrike on the Omar
hospital"). Whether the sentence became a mention is read from the build (its folded text inside a
mention's text, as ``audit_statements.py`` does); the cause from a second extraction of the
document with ``classify`` and ``DateResolver.resolve`` observed (``audit_statements.Trace``).

Groups (the first that applies):

* ``aside:<reason>`` / ``aggregate:<reason>``: judged background or a count of many happenings
  (often right: read before changing);
* ``refused`` / ``document_date``: the resolver saw a date it would not use, or only a report's;
* ``caption``: in an image's alt text or the caption line under it;
* ``field``: a header-block field line ("Attacks: 10+ airstrikes");
* ``list_item`` / ``table_row``: an item of a bulleted or numbered list, a row of a table;
* ``quote``: inside quoted speech, or a sentence opening a quote ('"We were ...');
* ``after_quote``: the sentence before it in its paragraph quotes someone;
* ``after_background``: the sentence before it in its paragraph was judged background;
* ``lead``: in a document's lead (no inheritance there by design);
* ``first_in_paragraph``: no date in the sentence and none before it in its paragraph; split by
  what the page offers instead: ``/page_date`` (only the page's publication date or front-matter
  date), ``/incident_date`` (the page states one incident's date in a header field or a bold title
  line), ``/section_date`` (an enclosing heading is a time), ``/dated_elsewhere`` (the page dates
  other sentences or headings, none of them a stated incident date);
* ``after_undated``: later in its paragraph, but no earlier sentence of the paragraph is dated
  (split the same way);
* ``inherited_not_taken``: an earlier sentence of its paragraph is dated, yet it took no date.

It also counts, per format, how each page states its incident date (a header-block ``Date:``
field, a bold title line with a date, a heading with a date, the first dated sentence of the body,
the front matter only, nothing).

Decision: a diagnostic, not a test: its findings are read, not asserted (many are right: a sourcing
sentence, a description of a video). The counts per group are what a change is measured by
(``tests/quality/README.md``).

    .venv/bin/python benchmarks/audit_undated.py --build outputs/latest                 # counts per group
    .venv/bin/python benchmarks/audit_undated.py --build outputs/latest --show 5        # and 5 examples each
    .venv/bin/python benchmarks/audit_undated.py --format syrian_archive --group first_in_paragraph/incident_date --show 50
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from audit_statements import Trace, audited_documents, date_form, heldout_paths  # noqa: E402
from score_documents import fold, load_labels, read_build  # noqa: E402

FORMATS = ("current_events", "wikipedia", "syrian_archive")

_BULLET_RE = re.compile(r"\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_TABLE_RE = re.compile(r"\s*\|")
_IMAGE_RE = re.compile(r"!\[")
_CAPTION_RE = re.compile(r"\s*(?:[*_]+\s*)?(?:Image|Photo|Screenshot|Still|Figure|Fig\.|Map|Source)\b[^:]{0,30}:", re.I)
_FIELD_RE = re.compile(r"\W*[A-Z][A-Za-z ]{0,25}:\s*\S")
_QUOTE_OPEN_RE = re.compile(r"\s*[\"“”«]")
_SPEECH_RE = re.compile(r"(?:\b(?:said|says|stated|states|told|added|explained|recalled|describes?|described)\b[^.]{0,40}[:,]\s*[\"“]"
                        r"|[:]\s*[\"“])", re.I)
_TIME_HEADING_RE = re.compile(r"\b(?:19|20)\d\d\b|\b(?:January|February|March|April|May|June|July|August|September"
                              r"|October|November|December)\b")
_DATE_FIELD_RE = re.compile(r"(?:^|\\|\n|\*\*|\s)\s*[*_]*\s*(?:\w+\s+){0,2}Date\b[^:]{0,20}:", re.I)
_BOLD_TITLE_RE = re.compile(r"^\s*(?:\*\*|__)[^*_]+(?:\*\*|__)\s*$")


def is_happening(sentence: str, structured: bool) -> bool:
    """The extractor's vocabulary: an event type other than ``other`` and a told happening (a
    structured short line needs no verb)."""
    from pipeline.classify import event_type_of
    from pipeline.statements import reports_happening

    if event_type_of(sentence) == "other":
        return False
    if reports_happening(sentence):
        return True
    return structured and 2 <= len(sentence.split()) <= 25


def incident_date_form(doc) -> str:
    """How a page states its incident date, first found: ``field`` (a header block's Date field),
    ``title_line`` (a bold line with a date), ``heading`` (a heading with a date), ``sentence``
    (the first dated sentence of the body), ``front_matter`` (only the page's own date), ``none``."""
    from pipeline.dates import DateResolver
    from pipeline.text import split_sentences, strip_links

    if any(_DATE_FIELD_RE.search(p) for sec in doc.sections for p in sec.paragraphs):
        return "field"
    probe = DateResolver(periods=(), published=None)
    for sec in doc.sections:
        for p in sec.paragraphs:
            if _BOLD_TITLE_RE.match(p) and probe.resolve(strip_links(p)[0], commit=False):
                return "title_line"
    if any(sec.heading and probe.resolve(sec.heading, commit=False) for sec in doc.sections):
        return "heading"
    for sec in doc.sections:
        for p in sec.paragraphs:
            text = strip_links(p)[0]
            for s, e in split_sentences(text):
                if date_form(text[s:e]) is not None:
                    return "sentence"
    if doc.page_date is not None or doc.published is not None:
        return "front_matter"
    return "none"


def _structure(paragraph: str) -> str | None:
    if _IMAGE_RE.search(paragraph) or _CAPTION_RE.match(paragraph):
        return "caption"
    if _TABLE_RE.match(paragraph):
        return "table_row"
    if _BULLET_RE.match(paragraph):
        return "list_item"
    return None


def cause_of(sentence: str, trace: Trace, *, structure: str | None, index: int, previous: list[str],
             in_lead: bool, page_form: str, section_timed: bool) -> str:
    key = fold(sentence)
    verdict = trace.verdicts.get(key)
    status = trace.status.get(key, "none")
    if verdict is not None and verdict[0] in ("aside", "aggregate"):
        return f"{verdict[0]}:{verdict[1]}"
    if verdict is not None and verdict[0] == "event":
        return "event_not_emitted"
    if status == "refused":
        return "refused"
    if status == "document":
        return "document_date"
    if structure is not None:
        return structure
    if _FIELD_RE.match(sentence) and len(sentence.split()) <= 15:
        return "field"
    if _QUOTE_OPEN_RE.match(sentence) or _SPEECH_RE.search(sentence):
        return "quote"
    if previous and (_SPEECH_RE.search(previous[-1]) or previous[-1].count('"') % 2 == 1
                     or previous[-1].rstrip().endswith(('"', "”"))):
        return "after_quote"
    if previous:
        before = trace.verdicts.get(fold(previous[-1]))
        if before is not None and before[0] == "aside":
            return "after_background"
    if in_lead:
        return "lead"
    if index == 0 or not any(date_form(p) for p in previous):
        where = "first_in_paragraph" if index == 0 else "after_undated"
        if section_timed:
            return f"{where}/section_date"
        if page_form in ("field", "title_line"):
            return f"{where}/incident_date"
        if page_form in ("heading", "sentence"):
            return f"{where}/dated_elsewhere"
        return f"{where}/page_date"
    return "inherited_not_taken"


def audit(build: Path, formats: tuple[str, ...] = FORMATS):
    """({group: [(path, format, section, sentence)]}, {format: Counter of incident-date forms})."""
    from pipeline.text import split_sentences, strip_links

    labels = load_labels()
    skip = heldout_paths(labels)
    tables = read_build(build)
    docs = tables["documents"]
    by_doc: dict[str, list[str]] = defaultdict(list)
    for row in tables["event_mentions"].to_dict("records"):
        by_doc[row["doc_id"]].append(fold(row["text"]))
    groups: dict[str, list] = defaultdict(list)
    forms: dict[str, Counter] = defaultdict(Counter)
    trace = Trace()
    uninstall = trace.install()
    try:
        from pipeline.extract import _header_text, extract_document

        # held-out documents are skipped before their bytes are read
        for row, doc in audited_documents(docs, formats, skip, english_only=True):
            trace.verdicts.clear()
            trace.status.clear()
            extract_document(doc, row["doc_key"])
            page_form = incident_date_form(doc)
            forms[row["format"]][page_form] += 1
            emitted = by_doc.get(row["doc_id"], [])
            emitted_set = set(emitted)
            has_headings = any(sec.heading for sec in doc.sections)
            paragraphs = [(sec, p) for sec in doc.sections for p in sec.paragraphs]
            if row["format"] == "current_events":
                # an item's detail paragraph: its sentences beside the headline
                paragraphs += [(None, it.detail) for it in doc.items if it.detail]
            for sec, paragraph in paragraphs:
                plain = strip_links(paragraph)[0]
                structure = _structure(paragraph)
                previous: list[str] = []
                for index, (s, e) in enumerate(split_sentences(plain)):
                    sentence = plain[s:e].strip()
                    key = fold(sentence)
                    if _DATE_FIELD_RE.search(sentence):
                        # a header block's mention keeps its when and where fields only
                        key = fold(_header_text(sentence))
                    if key and is_happening(sentence, structure is not None or _FIELD_RE.match(sentence) is not None) \
                            and key not in emitted_set and not any(key in m or (len(m) > 20 and m in key) for m in emitted):
                        heading = sec.heading if sec is not None else "(detail)"
                        cause = cause_of(sentence, trace, structure=structure, index=index, previous=previous,
                                         in_lead=sec is not None and has_headings and not sec.heading,
                                         page_form=page_form,
                                         section_timed=bool(heading and _TIME_HEADING_RE.search(heading)))
                        groups[cause].append((row["path"], row["format"], heading, sentence))
                    previous.append(sentence)
    finally:
        uninstall()
    return groups, forms


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", type=Path, default=ROOT / "outputs" / "latest")
    parser.add_argument("--format", choices=[*FORMATS, "all"], default="all")
    parser.add_argument("--show", type=int, default=0, help="examples to print per group")
    parser.add_argument("--group", help="print only this group (e.g. first_in_paragraph/incident_date)")
    args = parser.parse_args(argv)
    formats = FORMATS if args.format == "all" else (args.format,)
    groups, forms = audit(args.build, formats)
    print("how pages state their incident date (non-held-out documents):")
    for fmt in formats:
        print(f"  {fmt}: " + ", ".join(f"{k} {v}" for k, v in sorted(forms[fmt].items(), key=lambda kv: -kv[1])))
    print(f"happenings without a mention: {sum(len(v) for v in groups.values())}")
    for group, items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if args.group and group != args.group:
            continue
        per_format = Counter(f for _, f, *_ in items)
        docs = Counter(p for p, *_ in items)
        print(f"  {group}: {len(items)} in {len(docs)} documents ({', '.join(f'{k} {v}' for k, v in sorted(per_format.items()))})")
        for path, _, section, text in items[:args.show]:
            print(f"    - [{Path(path).stem} | {section or '(lead)'}] {text[:300]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
