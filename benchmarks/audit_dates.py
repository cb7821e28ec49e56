"""Audit the DATES of a build's mentions where no label looks: what the tune labels no longer show.

Held-out Wikipedia "date right" sits below its bar while the tune split is scored through, so the
tune labels no longer show the general date errors. This script re-extracts every document of a
build that is NOT a held-out labelled document (``audit_statements.heldout_paths``: the held-out
documents are skipped unread) with the resolver observed (never changed), and lists mentions whose
DATE is suspect, grouped by cause:

``outside_period:<basis>``
    flagged ``outside_section_period`` (the date falls outside its heading's stated period).
``year_outlier:<basis>``
    a mention whose year differs from the year of the mentions right before and right after it in
    the same section, those two agreeing (a year jump of one sentence and back).
``backwards:<basis>:<precision>`` / ``jump_ahead:<basis>:<precision>``
    a mention whose year was not stated (taken from the previous sentence, the heading, the
    document, a relative or inherited date) lying more than 45 days before, or 250 days after, the
    mention before it in the same section: a year taken from the wrong place, or a story that does
    go back (a flashback) or jump.
``relative_after:<basis>``
    a relative date ("the next day", "two days later", "that month") whose anchor, the mention
    before it in the document, was itself dated by inheritance, a heading or the document, not
    stated; and ``relative_after:no_mention`` when no earlier mention of the document holds a date
    within a month before it (the anchor was a sentence that gave no mention: background).
``relative_anchor:not_previous``
    "the next day", "two days later" (day precision) whose anchor day (its date less the words'
    offset) is not the date (or the range's last day) of the mention before it: it counted from a
    sentence that gave no mention (background, an aside), or from a date it should not.
``bound:<word>:<precision>``
    a stated date read after "by", "as of", "until", "till", "up to" ("By 17 May ... had been
    killed", "as of November 2019"): dated as that day or month though the text states a bound.
``season:<form>:<precision>``
    a season or part of a period ("in early 2017", "mid-March", "late summer", "the end of 2016"),
    with the precision and qualifier it got.
``range:<form>:<has end>``
    a stated range ("12–15 June", "between May and July", "from 3 to 7 March"), with whether the
    mention carries ``date_end``.
``weekday:<agrees>``
    a weekday named next to a day ("Tuesday, 12 June", "on Friday 3 May"): whether the mention's
    date falls on it (a mismatch is a wrong year or day).

Decision: a diagnostic, not a test: its findings are read, not asserted (many are right: a heading
period that ends early, a bound that is the happening's own day). The counts per group are what a
change is measured by (``tests/quality/README.md``).

    .venv/bin/python benchmarks/audit_dates.py --build outputs/latest            # counts per group
    .venv/bin/python benchmarks/audit_dates.py --build outputs/latest --show 5   # and 5 examples each
    .venv/bin/python benchmarks/audit_dates.py --build outputs/latest --group "weekday:mismatch" --show 50
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from audit_statements import _MONTH as _MON  # noqa: E402  (the month names a reader sees, one list)
from audit_statements import PROSE_FORMATS, audited_documents, heldout_paths  # noqa: E402
from score_documents import load_labels, read_build  # noqa: E402

_DATE = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+20\d\d)?|{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+20\d\d)?|{_MON}(?:,?\s+(?:of\s+)?20\d\d)?|20\d\d)"
_QUAL = r"(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|early[\s-]|mid[\s-]|late[\s-])?"
BOUND_RE = re.compile(rf"\b(?P<word>by|as\s+of|until|till|up\s+to|through)\s+{_QUAL}(?P<date>{_DATE})\b", re.I)
SEASON_RE = re.compile(
    r"\b(?P<form>(?:early|mid|late)[\s-]+(?:20\d\d|" + _MON + r")"
    r"|(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:20\d\d|" + _MON + r")"
    r"|(?:early|mid|late)?[\s-]*(?:spring|summer|autumn|winter)(?:\s+of)?\s+20\d\d"
    r"|(?:early|late|mid)[\s-]+(?:spring|summer|autumn|winter|fall))\b", re.I)
RANGE_RE = re.compile(
    rf"\b(?P<form>\d{{1,2}}\s*[–—-]\s*\d{{1,2}}\s+{_MON}"
    rf"|between\s+(?:\d{{1,2}}\s+)?{_MON}(?:\s+20\d\d)?\s+and\s+(?:\d{{1,2}}\s+)?{_MON}"
    rf"|between\s+\d{{1,2}}\s+and\s+\d{{1,2}}\s+{_MON}"
    rf"|from\s+(?:\d{{1,2}}\s+)?(?:{_MON}\s+)?(?:20\d\d\s+)?(?:to|until|till)\s+(?:\d{{1,2}}\s+)?{_MON}"
    rf"|{_MON}\s*[–—-]\s*{_MON})", re.I)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_RE = re.compile(
    rf"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MON})"
    rf"|\b(?P<wd2>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?P<m2>{_MON})\s+(?P<d2>\d{{1,2}})\b"
    rf"|\b(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m3>{_MON})(?:,?\s+20\d\d)?\s*[,(]\s*(?:a\s+)?(?P<wd3>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


_NUM = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
OFFSET_RE = re.compile(
    r"\b(?:(?P<next>the\s+(?:following|next)\s+(?:day|morning|night|evening))|(?P<prev>the\s+(?:previous|preceding)\s+day|the\s+day\s+before)"
    r"|(?P<same>(?:that|the)\s+same\s+day|later\s+(?:that|the\s+same)\s+day|later\s+in\s+the\s+day)"
    r"|(?P<n>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>days?|weeks?)\s+(?:later|afterwards?))\b", re.I)


def expected_offset(text: str) -> int | None:
    """Days a relative date's words count from its anchor ("the next day" 1, "two days later" 2)."""
    o = OFFSET_RE.search(text)
    if o is None:
        return None
    if o.group("next"):
        return 1
    if o.group("prev"):
        return -1
    if o.group("same"):
        return 0
    n = o.group("n").lower()
    k = int(n) if n.isdigit() else _NUM[n]
    return k * (7 if o.group("unit").lower().startswith("week") else 1)


def _month(name: str) -> int:
    return _MONTHS[name.lower()[:3]]


def _season_form(text: str) -> str:
    t = text.lower()
    if re.search(r"spring|summer|autumn|winter|fall", t):
        return "season"
    if re.search(r"20\d\d$", t):
        return "part_of_year"
    return "part_of_month"


def _same_day_month(m: dict, day: int | None, month: int) -> bool:
    d: dt.date = m["date"]
    return d.month == month and (day is None or m["date_precision"] != "day" or d.day == day)


def classify_mentions(mentions: list[dict]) -> list[tuple[str, dict, str]]:
    """(group, mention, note) for the suspect mentions of one document, in reading order."""
    out: list[tuple[str, dict, str]] = []
    runs: list[list[dict]] = []
    run_of: list[int] = []
    for i, m in enumerate(mentions):
        if not runs or mentions[i - 1]["section"] != m["section"]:
            runs.append([])
        runs[-1].append(m)
        run_of.append(len(runs) - 1)
    for i, m in enumerate(mentions):
        basis, prec, text = m["date_basis"], m["date_precision"], m["text"]
        date: dt.date = m["date"]
        if "outside_section_period" in m["quality_flags"]:
            out.append((f"outside_period:{basis}", m, ""))
        same = runs[run_of[i]]  # the mentions of the same section (one stretch under one heading)
        k = next(j for j, x in enumerate(same) if x is m)
        if 0 < k < len(same) - 1:
            before, after = same[k - 1]["date"].year, same[k + 1]["date"].year
            if before == after != date.year:
                out.append((f"year_outlier:{basis}", m, f"neighbours {before}"))
        if basis not in ("stated", "page", "link") and k > 0:
            prev_m = same[k - 1]
            gap = (date - prev_m["date"]).days
            if gap < -45 and not (prev_m["date_end"] and prev_m["date_end"] >= date):
                out.append((f"backwards:{basis}:{prec}", m, f"after {prev_m['date']} [{prev_m['text'][:70]}]"))
            elif gap > 250:
                out.append((f"jump_ahead:{basis}:{prec}", m, f"after {prev_m['date']} [{prev_m['text'][:70]}]"))
        offset = expected_offset(text) if basis == "relative" and prec == "day" else None
        if offset is not None and i > 0:
            anchor = date - dt.timedelta(days=offset)
            # the mentions of the same sentence (a second clause counts from the first) and the one before
            near = [x for x in mentions[:i] if x["text"] == text] or [mentions[i - 1]]
            ends = {x["date"] for x in near} | {x["date_end"] for x in near if x["date_end"]}
            if anchor not in ends and not any(x["date_precision"] != "day" for x in near):
                out.append(("relative_anchor:not_previous", m, f"anchor {anchor}, previous {mentions[i - 1]['date']} [{mentions[i - 1]['text'][:70]}]"))
        if basis == "relative" and i > 0:
            prev = mentions[i - 1]
            earlier = [x for x in mentions[:i] if abs((date - x["date"]).days) <= 31]
            if not earlier:
                out.append(("relative_after:no_mention", m, f"previous {prev['date']}"))
            elif prev["date_basis"] not in ("stated", "relative", "previous", "page", "link"):
                out.append((f"relative_after:{prev['date_basis']}", m, f"after [{prev['text'][:80]}]"))
        if basis in ("stated", "previous", "section", "document"):
            for b in BOUND_RE.finditer(text):
                raw = b.group("date")
                dm = re.match(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MON})|({_MON})\s+(\d{{1,2}})|({_MON})|(20\d\d)", raw)
                if dm is None:
                    continue
                if dm.group(6):
                    hit = prec == "year" and date.year == int(dm.group(6))
                else:
                    mon = dm.group(2) or dm.group(3) or dm.group(5)
                    day = dm.group(1) or dm.group(4)
                    hit = _same_day_month(m, int(day) if day else None, _month(mon))
                if hit:
                    word = re.sub(r"\s+", "_", b.group("word").lower())
                    out.append((f"bound:{word}:{prec}", m, b.group(0)))
                    break
        s = SEASON_RE.search(text)
        if s is not None:
            out.append((f"season:{_season_form(s.group('form'))}:{prec}", m,
                        f"{s.group('form')} -> {date} {prec} {m.get('date_qualifier') or ''}"))
        r = RANGE_RE.search(text)
        if r is not None and basis in ("stated", "previous", "section", "document"):
            has_end = "end" if m.get("date_end") is not None else "no_end"
            out.append((f"range:{has_end}:{prec}", m, f"{r.group('form')} -> {date}..{m.get('date_end')}"))
        w = WEEKDAY_RE.search(text)
        if w is not None and prec == "day":
            wd = (w.group("wd") or w.group("wd2") or w.group("wd3")).lower()
            day = int(w.group("d") or w.group("d2") or w.group("d3"))
            mon = _month(w.group("m") or w.group("m2") or w.group("m3"))
            if date.month == mon and date.day == day:
                agrees = "agrees" if WEEKDAYS[date.weekday()] == wd else "mismatch"
                out.append((f"weekday:{agrees}", m, f"{w.group(0)} -> {date} ({WEEKDAYS[date.weekday()]})"))
    return out


def audit(build: Path, formats: tuple[str, ...] = PROSE_FORMATS) -> dict[str, list]:
    """{group: [(path, section, text, note)]}; mentions re-extracted in reading order."""
    from pipeline.extract import extract_document

    skip = heldout_paths(load_labels())
    docs = read_build(build)["documents"]
    findings: dict[str, list] = defaultdict(list)
    for row, doc in audited_documents(docs, formats, skip):
        mentions = [m for m in extract_document(doc, row["doc_key"]).mentions if m["kind"] == "narrative"]
        for group, m, note in classify_mentions(mentions):
            findings[group].append((row["path"], m["section"], m["text"], f"{m['date']} {m['date_precision']}; {note}"))
    return findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", type=Path, default=ROOT / "outputs" / "latest")
    parser.add_argument("--format", choices=[*PROSE_FORMATS, "all"], default="wikipedia")
    parser.add_argument("--show", type=int, default=0, help="examples to print per group")
    parser.add_argument("--group", help="print only groups starting with this (e.g. weekday:mismatch)")
    args = parser.parse_args(argv)
    formats = PROSE_FORMATS if args.format == "all" else (args.format,)
    findings = audit(args.build, formats)
    print(f"suspect dates: {sum(len(v) for v in findings.values())} findings")
    for group, items in sorted(findings.items(), key=lambda kv: (kv[0].split(":")[0], -len(kv[1]), kv[0])):
        if args.group and not group.startswith(args.group):
            continue
        docs = Counter(p for p, *_ in items)
        print(f"  {group}: {len(items)} in {len(docs)} documents")
        for path, section, text, note in items[:args.show]:
            print(f"    - [{Path(path).stem} | {section or '(lead)'} | {note}] {text[:300]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
