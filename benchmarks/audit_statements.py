"""Audit a build's dated statements where no label looks: what the tune labels no longer show.

The tune split of ``tests/quality/documents`` is scored through (~0.99), so its misses no longer
show the general causes behind the held-out misses. This script reads the documents of a build
that are NOT held-out labelled documents (unlabelled corpus documents and tune ones; the held-out
list is read from the label files' ``split:`` and those documents are skipped unread) and lists
three kinds of finding, grouped by cause:

(a) **dated sentences without a mention**: a sentence of the prose that holds a date expression (a
    month name with or without a day, a year 2011-2025, "the next day", "later that month", a
    weekday, a season, "yesterday") but produced no row of ``event_mentions``. The cause is what
    the extractor decided for the sentence, read by running the extraction again on the document
    with ``pipeline.extract.classify`` and ``DateResolver.resolve`` observed (never changed):
    ``aside:<reason>`` (judged background, ``pipeline.statements``), ``aggregate:<reason>`` (a
    count of many happenings), ``refused`` (the resolver saw a date it would not use),
    ``undated:<form>`` (the resolver read no date: grouped by the date form the sentence holds),
    ``document`` (only a report's date). Many are right (a founding, a publication, a date in
    passing); the groups say which to read.
(b) **dates outside the section's period**: mentions flagged ``outside_section_period``, grouped by
    ``date_basis`` and precision.
(c) **background-looking events**: mentions whose text holds a cue of background (founded,
    established, formed, population, census, inhabitants, "as of", published, released a report),
    grouped by the cue.

Decision: a diagnostic, not a test: its findings are read, not asserted (many are right). The
counts per group are what a change is measured by (see ``QUALITY.md``'s prose).

    .venv/bin/python benchmarks/audit_statements.py --build outputs/latest            # counts per group
    .venv/bin/python benchmarks/audit_statements.py --build outputs/latest --show 5   # and 5 examples each
    .venv/bin/python benchmarks/audit_statements.py --build outputs/latest --group "undated:weekday" --show 50
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

from score_documents import fold, load_labels, read_build  # noqa: E402

PROSE_FORMATS = ("wikipedia", "syrian_archive")

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?")
# the date forms a reader sees, most specific first: the first that matches names the sentence's form
DATE_FORMS: list[tuple[str, re.Pattern]] = [
    ("day_month", re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?![a-z])|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b")),
    ("ordinal_day", re.compile(r"\b(?:on\s+)?the\s+\d{1,2}(?:st|nd|rd|th)\b", re.I)),
    ("relative_day", re.compile(
        r"\b(?:the\s+(?:next|following|previous|same)\s+(?:day|night|morning|evening|afternoon)"
        r"|the\s+day\s+(?:before|after|prior)|(?:later|earlier)\s+(?:that|the\s+same|in\s+the)\s+(?:day|night|morning|evening)"
        r"|that\s+(?:same\s+)?(?:day|night|morning|evening|afternoon)|(?:a|one|two|three|four|five|six|seven|\d+)\s+days?\s+(?:later|after|before|earlier)"
        r"|overnight|yesterday|tomorrow)\b", re.I)),
    ("weekday", re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b")),
    ("month_year", re.compile(rf"\b{_MONTH}\s+(?:of\s+)?20[12]\d\b")),
    ("month", re.compile(rf"(?<![A-Z]\s)\b(?!May\b){_MONTH}(?![a-z])|(?<=[a-z,]\s)May\b")),
    ("relative_period", re.compile(
        r"\b(?:(?:later|earlier)\s+(?:that|the\s+same|in\s+the)\s+(?:week|month|year)|the\s+(?:next|following|previous|same)\s+(?:week|month|year)"
        r"|(?:a|one|two|three|four|five|six|\d+)\s+(?:weeks?|months?)\s+(?:later|after|before|earlier)"
        r"|(?:this|that|last|next)\s+(?:week|month|year))\b", re.I)),
    # a season as a time ("in the summer of 2016", "early fall"), not "the fall of Palmyra", "the Arab Spring"
    ("season", re.compile(r"(?<!Arab\s)(?<!Damascus\s)\b(?:spring|summer|autumn|winter)\b"
                          r"|\b(?:in|during|by|since|until|early|late|mid|the)[\s-]+fall\b(?!\s+of\s+(?![12]\d{3}\b))", re.I)),
    ("year", re.compile(r"\b20(?:1[1-9]|2[0-5])\b")),
]

BACKGROUND_CUES: list[tuple[str, re.Pattern]] = [
    ("founded", re.compile(r"\b(?:founded|co-founded|founding)\b", re.I)),
    ("established", re.compile(r"\b(?:established|establishment)\b", re.I)),
    ("formed_created", re.compile(r"\b(?:was|were)\s+(?:formed|created)\b", re.I)),
    ("population", re.compile(r"\b(?:population|census|inhabitants|residents\s+lived)\b", re.I)),
    ("as_of", re.compile(r"\bas\s+of\b", re.I)),
    ("published", re.compile(r"\b(?:published|publication|released\s+(?:a|its|the)\s+(?:report|study|video|statement))\b", re.I)),
    ("report_found", re.compile(r"\b(?:report|study|investigation)\s+(?:\w+\s+){0,4}(?:found|concluded|estimated|documented)\b", re.I)),
    ("born_died", re.compile(r"\b(?:was\s+born|born\s+in|graduated|studied)\b", re.I)),
]


_LEADING_RE = re.compile(
    rf"\W*(?:(?:However|Meanwhile|Then|Later|Also|Subsequently|Finally),?\s+)?(?:On|In|By|During|At|Around|Early\s+on|Late\s+on)\s+"
    rf"(?:the\s+)?(?:\d|{_MONTH}|early|mid|late|end|beginning|(?:next|following|same)\b)")
_FRONTED_RE = re.compile(
    r"\W*(?:After|Following|Before|Prior\s+to|Until|Since|While|When|Speaking|Despite|Amid|In\s+response\s+to"
    r"|Shortly\s+after|As\s+of|Through|From)\b")
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


def position(sentence: str) -> str:
    """Where the sentence's date stands: leading ("On 5 May, ..."), in a fronted clause ("After
    ... on 5 May, ..."), or in passing; with ``/yearless`` when the sentence names no year."""
    where = "leading" if _LEADING_RE.match(sentence) else "fronted" if _FRONTED_RE.match(sentence) else "passing"
    return where + ("" if _YEAR_RE.search(sentence) else "/yearless")


def date_form(sentence: str) -> str | None:
    for name, pattern in DATE_FORMS:
        if pattern.search(sentence):
            return name
    return None


def heldout_paths(labels: list[dict]) -> set[str]:
    return {lab["document"] for lab in labels if lab.get("split") == "heldout"}


def audited_documents(docs, formats: tuple[str, ...], skip: set[str], english_only: bool = False):
    """(row of ``documents``, parsed document) for each document of ``formats`` in path order, read from
    ``seeds/``; a document of ``skip`` (the held-out ones) is passed over before its bytes are read, and
    with ``english_only`` a document in another language too. The one loop every audit reads through."""
    from pipeline.discover import read_text
    from pipeline.parsers import parse_document

    for row in docs.sort_values("path").to_dict("records"):
        if row["format"] not in formats or row["path"] in skip:
            continue
        if english_only and row.get("language") not in (None, "en"):
            continue
        text = read_text((ROOT / "seeds" / row["path"]).read_bytes())
        yield row, parse_document(text, fmt=row["format"], path=row["path"], doc_id=row["doc_id"])


class Trace:
    """What extraction decided for each sentence of one document: the resolver's status and the
    last verdict of ``classify`` for it (observed by wrapping, behaviour unchanged)."""

    def __init__(self) -> None:
        self.verdicts: dict[str, tuple[str, str | None, int]] = {}
        self.status: dict[str, str] = {}

    def install(self):
        import pipeline.dates as dates
        import pipeline.extract as extract

        original_classify = extract.classify
        original_resolve = dates.DateResolver.resolve
        trace = self

        def classify(sentence, found, period=None):
            verdict = original_classify(sentence, found, period)
            # the last verdict of the sentence is the one extraction kept (a sentence is classified
            # again when a rule reads it otherwise: a weekday, a timeline's own year)
            trace.verdicts[fold(sentence)] = (verdict.kind, verdict.reason, len(found))
            return verdict

        def resolve(self, sentence, commit=True):
            result = original_resolve(self, sentence, commit=commit)
            trace.status.setdefault(fold(sentence), self.status)
            return result

        extract.classify = classify
        dates.DateResolver.resolve = resolve  # type: ignore[method-assign]

        def uninstall() -> None:
            extract.classify = original_classify
            dates.DateResolver.resolve = original_resolve  # type: ignore[method-assign]
        return uninstall


def prose_sentences(doc) -> list[tuple[str, str]]:
    """(section heading, sentence) of every prose sentence, as extraction splits them."""
    from pipeline.text import split_sentences, strip_links

    out = []
    for section in doc.sections:
        for paragraph in section.paragraphs:
            text = strip_links(paragraph)[0]
            for s, e in split_sentences(text):
                out.append((section.heading, text[s:e].strip()))
    return out


def cause_of(sentence: str, trace: Trace) -> str:
    key = fold(sentence)
    verdict = trace.verdicts.get(key)
    status = trace.status.get(key, "none")
    form = date_form(sentence) or "other"
    if verdict is None:
        return "not_classified"
    kind, reason, n_found = verdict
    if kind == "aside":
        return f"aside:{reason}"
    if kind == "aggregate":
        return f"aggregate:{reason}"
    if kind == "event":
        return "event_not_emitted"
    if status == "refused":
        return f"refused:{form}:{position(sentence)}"
    if status == "document":
        return "document_date"
    if n_found:
        return f"undated_with_dates:{form}"
    return f"undated:{form}:{position(sentence)}"


def audit(build: Path, formats: tuple[str, ...] = PROSE_FORMATS) -> dict[str, dict[str, list]]:
    """{finding kind: {group: [(path, section, text, note)]}}."""
    labels = load_labels()
    skip = heldout_paths(labels)
    tables = read_build(build)
    docs = tables["documents"]
    mentions = tables["event_mentions"]
    by_doc = defaultdict(list)
    for row in mentions.to_dict("records"):
        by_doc[row["doc_id"]].append(row)
    findings: dict[str, dict[str, list]] = {"a": defaultdict(list), "b": defaultdict(list), "c": defaultdict(list)}
    trace = Trace()
    uninstall = trace.install()
    try:
        from pipeline.extract import extract_document

        for row, doc in audited_documents(docs, formats, skip):
            trace.verdicts.clear()
            trace.status.clear()
            extract_document(doc, row["doc_key"])
            emitted = [fold(m["text"]) for m in by_doc.get(row["doc_id"], [])]
            emitted_set = set(emitted)
            for heading, sentence in prose_sentences(doc):
                if date_form(sentence) is None:
                    continue
                key = fold(sentence)
                if not key or key in emitted_set or any(key in e or (len(e) > 20 and e in key) for e in emitted):
                    continue
                findings["a"][cause_of(sentence, trace)].append((row["path"], heading, sentence, ""))
            for m in by_doc.get(row["doc_id"], []):
                if "outside_section_period" in list(m["quality_flags"]):
                    group = f"{m['date_basis']}:{m['date_precision']}"
                    findings["b"][group].append((row["path"], m["section"], m["text"], str(m["date"])[:10]))
                for cue, pattern in BACKGROUND_CUES:
                    if pattern.search(m["text"]):
                        findings["c"][cue].append((row["path"], m["section"], m["text"], str(m["date"])[:10]))
                        break
    finally:
        uninstall()
    return findings


TITLES = {"a": "(a) dated sentences without a mention", "b": "(b) mentions dated outside their section's period",
          "c": "(c) mentions that look like background"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", type=Path, default=ROOT / "outputs" / "latest")
    parser.add_argument("--format", choices=[*PROSE_FORMATS, "all"], default="wikipedia")
    parser.add_argument("--show", type=int, default=0, help="examples to print per group")
    parser.add_argument("--group", help="print only this group (e.g. undated:weekday)")
    args = parser.parse_args(argv)
    formats = PROSE_FORMATS if args.format == "all" else (args.format,)
    findings = audit(args.build, formats)
    for kind in ("a", "b", "c"):
        groups = findings[kind]
        print(f"{TITLES[kind]}: {sum(len(v) for v in groups.values())}")
        for group, items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            if args.group and group != args.group:
                continue
            docs = Counter(p for p, *_ in items)
            print(f"  {group}: {len(items)} in {len(docs)} documents")
            for path, section, text, note in items[:args.show]:
                name = Path(path).stem
                print(f"    - [{name} | {section or '(lead)'}{' | ' + note if note else ''}] {text[:300]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
