"""Audit the casualty figures of a build on the documents nobody labelled as held out.

Issue 9 item 4 ("casualty figures as stated"). The tune labels no longer show the general misses,
so this script looks for them in the rest of the corpus: every document of the build that is not
a ``split: heldout`` labelled document (the held-out list is read from the label files'
``split:``; those documents are skipped and never printed). It reads the documents the way
``pipeline.extract`` does (the same parser, the same sentences: items and their detail, prose
paragraphs with their links reduced to text) and the build's ``casualty_figures``, matched by
document and quote, and lists

(a) ``missed``: sentences with a casualty word (killed, dead, deaths, died, wounded, injured,
    casualties, martyrs, bodies, toll, victims, fatalities ... and their forms) and an amount
    (digits, number words, "dozens", "scores", "hundreds" ...) that produced no figure, grouped
    by a guess at why (the nearest amount's shape before or after the casualty word);
(b) ``suspect``: figures whose fields look wrong: a year or a day read as a count, a count whose
    noun is not a person, an incident figure in a sentence with a cue of a total over a period,
    an incident count of tens of thousands, a ``people`` figure whose count is followed by a
    group noun, an outcome set against the casualty word nearest the count, the same count twice;
(c) ``fields``: Syrian Archive header fields ("Reported killed:", "Casualties:", "Victims:") and
    table rows with a casualty column, with the figures each produced.

The groups are guesses by regular expressions (the script decides nothing for the pipeline);
they are what to read first. Counts per group are printed first, then up to ``--show`` examples
of each (``--group NAME`` for one group in full).

    .venv/bin/python benchmarks/audit_figures.py --build outputs/latest
    .venv/bin/python benchmarks/audit_figures.py --build outputs/latest --counts
    .venv/bin/python benchmarks/audit_figures.py --build outputs/latest --group missed:verb_before_count
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

import pandas as pd
import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.discover import read_text  # noqa: E402
from pipeline.extract import split_breadcrumbs  # noqa: E402
from pipeline.parsers import parse_document  # noqa: E402
from pipeline.text import split_sentences, strip_links  # noqa: E402

LABELS_DIR = ROOT / "tests" / "quality" / "documents"

_NUM_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
              "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
              "hundred|thousand|dozen")
_VAGUE = "dozens|scores|hundreds|thousands|several|many|numerous|tens"
AMOUNT = re.compile(rf"\b(?:\d[\d,.]*\+?|(?:{_NUM_WORDS})(?:[- ](?:{_NUM_WORDS}))*|{_VAGUE})\b", re.I)
CASUALTY = re.compile(
    r"\b(?:kill(?:s|ed|ing)?|dead|deaths?|died|dies|dying|wound(?:s|ed|ing)?|injur(?:y|ies|ed|ing)|"
    r"casualt(?:y|ies)|martyr(?:s|ed|dom)?|bodies|corpses|toll|victims?|fatalit(?:y|ies)|"
    r"perish(?:ed)?|lost\s+(?:their|his|her)\s+lives|massacred|executed|slain|murdered)\b", re.I)
YEAR = re.compile(r"^(?:19|20)\d\d$")
MONTH = ("January|February|March|April|May|June|July|August|September|October|November|December|"
         "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\s+(?:{MONTH})\b|\b(?:{MONTH})\s+(\d{{1,2}})\b")
TIME = re.compile(r"\b\d{1,2}[:.]\d\d\b|\b\d{1,2}\s*(?:a\.?m\.?|p\.?m\.?)\b", re.I)
AGE = re.compile(r"\b\d{1,3}[- ]years?[- ]old\b|\baged?\s+(?:of\s+)?\d|\bages?\s+(?:of\s+)?\d", re.I)
NONPERSON = re.compile(
    r"^\s*(?:(?!(?:in|on|at|of|and|or|the|from|near|during|by|with|were|was)\b)[\w-]+\s+)?(?:air\s*strikes?|strikes?|raids?|sorties|attacks?|incidents?|villages?|towns?|"
    r"buildings?|hospitals?|facilities|schools?|tanks?|vehicles?|aircraft|helicopters?|missiles?|rockets?|"
    r"shells?|bombs?|barrel\s+bombs?|km|kilometers?|kilometres?|miles?|meters?|metres?|days?|weeks?|months?|"
    r"years?|hours?|minutes?|percent|%|per\s+cent|dollars?|videos?|reports?|cases?|times|positions?|"
    r"checkpoints?|homes?|houses?|mosques?|markets?|points?)\b", re.I)
GROUP_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:civilians?|children|child|women|woman|soldiers?|troops|servicemen|"
    r"fighters?|militants?|rebels?|insurgents?|jihadists?|terrorists?|militiamen|policemen|"
    r"personnel|pilots?)\b", re.I)
CUM_CUE = re.compile(
    r"\b(?:since|so\s+far|to\s+date|in\s+total|total(?:led|ed)?|overall|throughout|as\s+of|cumulative|"
    r"altogether|in\s+all|during\s+the\s+(?:war|conflict|siege|year|month|campaign|offensive|battle)|"
    r"over\s+the\s+(?:past|last|course)|(?:by|until)\s+(?:the\s+end\s+of\s+)?(?:" + MONTH + r")\b)", re.I)
OUTCOME_WORDS = {"killed": re.compile(r"\b(?:kill\w*|dead|deaths?|died|fatalit\w+|martyr\w*|bodies|executed|slain|perished)\b", re.I),
                 "injured": re.compile(r"\b(?:wound\w*|injur\w*|hurt)\b", re.I),
                 "casualties": re.compile(r"\bcasualt\w+\b", re.I)}
FIELD = re.compile(
    r"(?:^|\\|\n|\*\*|\s)\s*(?:Reported\s+)?(?:killed|injured|wounded|dead|deaths|casualties|victims|"
    r"fatalities|number\s+of\s+(?:victims|casualties|deaths|dead|injured))\s*[*_]*\s*:", re.I)


def heldout_paths(directory: Path = LABELS_DIR) -> set[str]:
    """Paths (as ``documents.path``) of the labelled documents that are held out."""
    out = set()
    for f in sorted(directory.glob("*.yaml")):
        label = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        if label.get("split") == "heldout":
            out.add(label["document"])
    return out


def document_sentences(doc) -> list[tuple[str, str]]:
    """(where, sentence) for every sentence ``pipeline.extract`` reads figures from."""
    out: list[tuple[str, str]] = []
    for item in doc.items:
        if item.date is None:
            continue
        _, summary = split_breadcrumbs(item.text, item.context)
        for where, text in (("item", summary), ("detail", item.detail or "")):
            for s, e in split_sentences(text):
                out.append((where, text[s:e]))
    for section in doc.sections:
        rows = dict(section.read_as)
        for i, paragraph in enumerate(section.paragraphs):
            text, _ = strip_links(paragraph)
            where = "row" if i in rows else "prose"
            for s, e in split_sentences(text):
                out.append((where, text[s:e]))
    return out


def _amounts(sentence: str) -> list[re.Match]:
    """Amounts that are no year, day of a month, time or age."""
    days = {m.start(1) if m.group(1) else m.start(2) for m in DAY_MONTH.finditer(sentence)}
    ages = [m.span() for m in AGE.finditer(sentence)]
    times = [m.span() for m in TIME.finditer(sentence)]
    out = []
    for m in AMOUNT.finditer(sentence):
        t = m.group(0)
        if YEAR.match(t.rstrip("+")) or m.start() in days:
            continue
        if any(a <= m.start() < b for a, b in ages + times):
            continue
        if t.lower() == "one" and re.match(r"\s+(?:of|another|side|day|week|month|year)\b", sentence[m.end():], re.I):
            continue
        out.append(m)
    return out


def miss_cause(where: str, sentence: str, amounts: list[re.Match], words: list[re.Match]) -> str:
    """A guess at why a sentence with a casualty word and an amount gave no figure."""
    if "]]" in sentence or "[[" in sentence:
        return "wiki_markup"
    if where == "row" or sentence.count("|") >= 2:
        return "table_row"
    if FIELD.search(sentence):
        return "header_field"
    if re.search(r"\b(?:toll|number\s+of\s+(?:dead|deaths|victims|casualties|killed))\b", sentence, re.I):
        return "toll_or_tally"
    if any(NONPERSON.match(sentence[a.end():]) for a in amounts):
        if all(NONPERSON.match(sentence[a.end():]) for a in amounts):
            return "only_nonperson_counts"
    # nearest pair of amount and casualty word
    best = None
    for a in amounts:
        for w in words:
            gap = w.start() - a.end() if w.start() >= a.end() else a.start() - w.end()
            if best is None or gap < best[0]:
                best = (gap, a, w)
    assert best is not None
    gap, a, w = best
    between = sentence[min(a.end(), w.end()):max(a.start(), w.start())]
    if re.search(r"\bof\s+(?:them|whom|the)\b", between + sentence[a.end():a.end() + 12], re.I):
        return "partitive"
    if a.group(0).lower() in _VAGUE.split("|"):
        return "vague_amount"
    if '"' in between or "'" in sentence[max(0, a.start() - 2):a.start()]:
        return "quoted_count"
    if gap > 60:
        return "far_apart"
    if w.start() < a.start():
        return "word_before_count"
    return "count_before_word"


def suspect_causes(row, sentence: str) -> list[str]:
    """Guesses at what is wrong with one figure (empty: nothing looks wrong)."""
    out = []
    nt = str(row.number_text or "")
    low, high = row.count_low, row.count_high
    pos = sentence.find(nt) if nt else -1
    after = sentence[pos + len(nt):] if pos >= 0 else ""
    before = sentence[:pos] if pos >= 0 else ""
    for v in (low, high):
        if pd.notna(v) and 1900 <= v <= 2099 and "," not in nt:
            out.append("year_as_count")
            break
    if re.match(rf"\s*(?:{MONTH})\b", after) or re.search(rf"\b(?:{MONTH})\s+$", before):
        out.append("day_as_count")
    if NONPERSON.match(after):
        out.append("nonperson_noun")
    if row.scope == "incident" and CUM_CUE.search(sentence):
        out.append("incident_with_total_cue")
    if row.scope == "incident" and pd.notna(low) and low >= 10_000:
        out.append("incident_over_10000")
    if row.victim_group == "people" and GROUP_AFTER.match(after):
        out.append("people_before_group_noun")
    # the count's own clause: up to its first boundary; the first casualty word there
    near = re.split(r"[,;()]|\s(?:and|or|while|whereas|but|including)\s", after, maxsplit=1)[0][:60]
    firsts = sorted((m.start(), o) for o, rx in OUTCOME_WORDS.items() for m in [rx.search(near)] if m)
    if firsts and row.outcome not in (firsts[0][1], "casualties") and not (
            firsts[0][1] == "injured" and re.search(r"\blater\s+died\b|\bdied\s+of\b", sentence)):
        out.append("outcome_against_next_word")
    return out


def audit(build: Path, seeds: Path) -> dict[str, list[tuple[str, str, str]]]:
    """{group: [(document, sentence, note)]} over the build's documents that are not held out."""
    held = heldout_paths()
    docs = pd.read_parquet(build / "documents.parquet")
    figs = pd.read_parquet(build / "casualty_figures.parquet")
    by_quote: dict[tuple[str, str], list] = defaultdict(list)
    for row in figs.itertuples(index=False):
        by_quote[(row.doc_id, row.quote)].append(row)
    groups: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for d in docs.sort_values("path").itertuples(index=False):
        if d.path in held:
            continue
        path = seeds / d.path
        if not path.is_file() or d.language not in (None, "en") and isinstance(d.language, str) and d.language != "en":
            continue
        doc = parse_document(read_text(path.read_bytes()), fmt=d.format, path=d.path, doc_id=d.doc_id)
        seen: set[str] = set()
        for where, sentence in document_sentences(doc):
            if sentence in seen:
                continue
            seen.add(sentence)
            rows = by_quote.get((d.doc_id, sentence), [])
            is_sa = d.format == "syrian_archive"
            if is_sa and FIELD.search(sentence) or (where == "row" and CASUALTY.search(sentence)):
                note = "; ".join(f"{r.number_text}={r.outcome}/{r.victim_group}/{r.scope}" for r in rows) or "NO FIGURE"
                groups["fields:" + ("sa_field" if is_sa and FIELD.search(sentence) else "table_row")].append(
                    (d.path, sentence, note))
            if rows:
                dup = defaultdict(int)
                for r in rows:
                    dup[(r.number_text, r.outcome)] += 1
                    for cause in suspect_causes(r, sentence):
                        groups["suspect:" + cause].append(
                            (d.path, sentence, f"{r.number_text!r} {r.count_low}-{r.count_high} {r.outcome}/"
                                               f"{r.victim_group}/{r.scope}"))
                for (nt, outcome), n in dup.items():
                    if n > 1:
                        groups["suspect:same_count_twice"].append((d.path, sentence, f"{nt!r} {outcome} x{n}"))
                continue
            words = list(CASUALTY.finditer(sentence))
            if not words:
                continue
            amounts = _amounts(sentence)
            if not amounts:
                continue
            groups["missed:" + miss_cause(where, sentence, amounts, words)].append((d.path, sentence, ""))
    return groups


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", type=Path, default=ROOT / "outputs" / "latest")
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    ap.add_argument("--show", type=int, default=5, help="examples per group")
    ap.add_argument("--group", help="one group in full (e.g. missed:word_before_count)")
    ap.add_argument("--counts", action="store_true", help="counts per group only")
    args = ap.parse_args(argv)
    groups = audit(args.build, args.seeds)
    names = sorted(groups, key=lambda g: (g.split(":")[0], -len(groups[g]), g))
    print("group                                   sentences/figures")
    for g in names:
        print(f"{g:40s} {len(groups[g])}")
    if args.counts:
        return 0
    for g in names:
        if args.group and g != args.group:
            continue
        rows = groups[g] if args.group else groups[g][: args.show]
        print(f"\n== {g} ({len(groups[g])})")
        for path, sentence, note in rows:
            short = sentence if len(sentence) <= 400 else sentence[:400] + " ..."
            print(f"- [{Path(path).stem}] {short}" + (f"\n    -> {note}" if note else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
