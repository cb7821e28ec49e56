"""Score a build against hand-labelled documents of the corpus (the project's accuracy yardstick).

The labels live in ``tests/quality/documents/*.yaml``, one file per corpus document, written by
reading each document in full (never by running the pipeline). Each file names the document
(``document``: its path relative to ``seeds/``, as ``documents.path`` holds it), its ``format``,
its ``split`` (``tune``: may be looked at while tuning the extractor; ``heldout``: may not), and

* ``events``: every dated event statement, as a verbatim ``snippet`` that identifies its sentence,
  with its true ``date`` (ISO, truncated to its ``precision``: ``2017-10-04`` / ``2017-10`` /
  ``2017``), ``precision`` (day, month, year, as ``event_mentions.date_precision``) and, where
  stated or clearly inferable, the ``place`` (one name or a list of acceptable names);
* ``figures``: every casualty figure: ``snippet`` (inside its sentence), ``number`` (the count as
  written), ``low``/``high`` (null when the text gives no such bound), ``outcome``,
  ``victim_group`` (a value or a list of acceptable values) and ``scope``, in the vocabulary of
  ``casualty_figures``;
* ``background``: statements that are not events (founding dates, publication dates, "as of"
  statistics, counts of documented incidents) that a build must not emit as event mentions.

Items marked ``optional: true`` are borderline (an elaboration of an event already stated, a
count of a crime decades ago): a build is not penalised for missing them, but when it emits them
their date (or fields) must be right.

Matching is by document path and text, never by ids: a label is found when a row of the
document's ``event_mentions`` (``text``) or ``casualty_figures`` (``quote``, plus ``number_text``
for the count) contains its snippet after folding both (HTML entities decoded, markdown links
reduced to their text, accents dropped, lower case, every run of non-alphanumerics one space).
Rows and labels are paired one to one, preferring pairs that are right.

    .venv/bin/python benchmarks/score_documents.py                 # build seeds/ into a temp folder, score, write QUALITY.md
    .venv/bin/python benchmarks/score_documents.py --build outputs/latest   # score an existing build
    .venv/bin/python benchmarks/score_documents.py --build outputs/latest --details   # list the tune split's misses
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LABELS_DIR = ROOT / "tests" / "quality" / "documents"
SEEDS_DIR = ROOT / "seeds"
QUALITY_MD = ROOT / "QUALITY.md"
BEGIN, END = "<!-- documents:begin -->", "<!-- documents:end -->"

FORMATS = ["current_events", "wikipedia", "syrian_archive"]
SPLITS = ["heldout", "tune"]
PRECISIONS = ["day", "month", "year"]
OUTCOMES = ["killed", "injured", "casualties"]
VICTIM_GROUPS = ["civilians", "children", "women", "soldiers", "militants", "people"]
SCOPES = ["incident", "cumulative"]
KINDS = ["headline", "related", "narrative"]
BARS = {"event_recall": 0.90, "date_right": 0.97, "figure_recall": 0.90, "figure_right": 0.92,
        "background_emitted": 0.10}

# ---------------------------------------------------------------------------------------------
# Text folding (independent of the pipeline's own cleaning, so labels do not depend on it)

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\([^)\s]*\)[^)\s]*)*\)")
_NON_ALNUM = re.compile(r"[\W_]+")
_ARTICLES = {"al", "el", "ar", "as", "ad", "ash", "at", "az", "an", "the"}


def fold(text: str) -> str:
    """Lower-case letters and digits separated by single spaces: what a snippet is compared on."""
    text = html.unescape(html.unescape(text or ""))
    text = _LINK_TARGET.sub(" ", _IMAGE.sub(" ", text))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return _NON_ALNUM.sub(" ", text).strip()


_APOSTROPHES = re.compile(r"['’‘`ʿʾ′]")


def fold_place(name: str) -> str:
    """A place name folded for comparison: Ma'arrat al-Numan = Maarrat al-Nu'man, Tall Rif‘at =
    Tall Rifat (an apostrophe joins its word: "Rif‘at" is not "Rif" and the article "at")."""
    return "".join(w for w in fold(_APOSTROPHES.sub("", name or "")).split() if w not in _ARTICLES)


def contains(haystack_folded: str, snippet_folded: str) -> bool:
    return f" {snippet_folded} " in f" {haystack_folded} "


def count_in(haystack_folded: str, snippet_folded: str) -> int:
    h, s = f" {haystack_folded} ", f" {snippet_folded} "
    n, i = 0, h.find(s)
    while i >= 0:
        n += 1
        i = h.find(s, i + 1)
    return n


def split_front_matter(text: str) -> tuple[str, str]:
    """(front matter, body) of a document; front matter is '' when the file has none."""
    if text.startswith("---"):
        m = re.search(r"\n---[ \t]*(\n|$)", text[3:])
        if m:
            return text[: 3 + m.end()], text[3 + m.end():]
    return "", text


# ---------------------------------------------------------------------------------------------
# Labels

# libyaml's scanner and parser under PyYAML's safe constructor and resolvers: the same values and
# types as ``yaml.safe_load`` (the label files and pairs.yaml compared equal, types included),
# ~5x less CPU (3.2 s -> 0.6 s for the 97 files). Every test worker loads the labels when it
# collects tests/test_quality_labels.py. Pure Python's loader where PyYAML was built without libyaml.
LabelLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str):
    """``yaml.safe_load(text)``, read by libyaml when PyYAML has it (``LabelLoader``)."""
    return yaml.load(text, Loader=LabelLoader)


def load_labels(directory: Path = LABELS_DIR) -> list[dict]:
    out = []
    for path in sorted(directory.glob("*.yaml")):
        data = safe_load(path.read_text(encoding="utf-8"))
        data["_file"] = path.name
        for key in ("events", "figures", "background"):
            data[key] = data.get(key) or []
        out.append(data)
    return out


def _iso(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _dates(label: dict) -> str:
    return " or ".join(_iso(d) for d in _choices(label["date"]))


def _choices(value) -> list:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def label_problems(label: dict, seeds_dir: Path = SEEDS_DIR) -> list[str]:
    """Everything wrong with one label file (empty when it is sound)."""
    problems: list[str] = []
    name = label.get("_file", "?")
    for key in ("document", "format", "split"):
        if not label.get(key):
            problems.append(f"{name}: missing {key}")
    if problems:
        return problems
    if label["format"] not in FORMATS:
        problems.append(f"{name}: format {label['format']!r} not in {FORMATS}")
    if label["split"] not in SPLITS:
        problems.append(f"{name}: split {label['split']!r} not in {SPLITS}")
    path = seeds_dir / label["document"]
    if not path.is_file():
        return problems + [f"{name}: document {label['document']} not found under seeds/"]
    front, body = split_front_matter(path.read_text(encoding="utf-8"))
    front_f, body_f = fold(front), fold(body)

    def check_snippet(where: str, item: dict) -> None:
        snippet = fold(item.get("snippet", ""))
        if len(snippet.split()) < 2 and not item.get("occurrences"):
            problems.append(f"{where}: snippet {item.get('snippet')!r} is too short to identify a sentence")
            return
        want = int(item.get("occurrences", 1))
        n = count_in(body_f, snippet) or count_in(front_f, snippet)
        if n != want:
            problems.append(f"{where}: snippet {item.get('snippet')!r} occurs {n} times, expected {want}")

    for i, ev in enumerate(label["events"]):
        where = f"{name}: events[{i}]"
        check_snippet(where, ev)
        prec = ev.get("precision")
        if prec not in PRECISIONS:
            problems.append(f"{where}: precision {prec!r} not in {PRECISIONS}")
            continue
        fmt = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[prec]
        for date in [_iso(d) for d in _choices(ev.get("date"))] + ([_iso(ev["date_end"])] if ev.get("date_end") else []):
            try:
                parsed = dt.datetime.strptime(date, fmt)
                if parsed.strftime(fmt) != date:
                    raise ValueError(date)
            except ValueError:
                problems.append(f"{where}: date {date!r} is not {fmt} for precision {prec}")
        if ev.get("kind") and ev["kind"] not in KINDS:
            problems.append(f"{where}: kind {ev['kind']!r} not in {KINDS}")
    for i, fig in enumerate(label["figures"]):
        where = f"{name}: figures[{i}]"
        check_snippet(where, fig)
        if not fig.get("number") or not contains(fold(fig.get("snippet", "")), fold(str(fig["number"]))):
            problems.append(f"{where}: number {fig.get('number')!r} is not inside its snippet")
        for bound in ("low", "high"):
            if bound not in fig:
                problems.append(f"{where}: {bound} missing (write null for no bound)")
            elif fig[bound] is not None and (not isinstance(fig[bound], int) or fig[bound] < 0):
                problems.append(f"{where}: {bound} must be a non-negative integer or null")
        if isinstance(fig.get("low"), int) and isinstance(fig.get("high"), int) and fig["low"] > fig["high"]:
            problems.append(f"{where}: low > high")
        if not all(o in OUTCOMES for o in _choices(fig.get("outcome"))):
            problems.append(f"{where}: outcome {fig.get('outcome')!r} not in {OUTCOMES}")
        groups = _choices(fig.get("victim_group"))
        if any(g is not None and g not in VICTIM_GROUPS for g in groups):
            problems.append(f"{where}: victim_group {fig.get('victim_group')!r} not in {VICTIM_GROUPS}")
        if not all(s in SCOPES for s in _choices(fig.get("scope"))):
            problems.append(f"{where}: scope {fig.get('scope')!r} not in {SCOPES}")
    for i, bg in enumerate(label["background"]):
        check_snippet(f"{name}: background[{i}]", bg)
        if bg.get("date") and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", _iso(bg["date"])):
            problems.append(f"{name}: background[{i}]: date {bg['date']!r} is not YYYY[-MM[-DD]]")
    return problems


# ---------------------------------------------------------------------------------------------
# Matching

def _day(value) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    try:
        return str(value)[:10] if not hasattr(value, "date") else value.date().isoformat()
    except (TypeError, ValueError):
        return None


def date_right(label: dict, mention: dict) -> bool:
    prec = label["precision"]
    if mention.get("date_precision") != prec:
        return False
    day = (_day(mention.get("date")) or "")[: {"day": 10, "month": 7, "year": 4}[prec]]
    return day in {_iso(d) for d in _choices(label["date"])}


def _same_date(background: dict, mention: dict) -> bool:
    """A background label with a ``date`` counts as emitted only by a mention dated to it (the
    sentence may also state a real event at another date); without one, by any mention."""
    if not background.get("date"):
        return True
    width = {"day": 10, "month": 7, "year": 4}.get(mention.get("date_precision"), 10)
    got, want = (_day(mention.get("date")) or "")[:width], _iso(background["date"])
    return bool(got) and (got.startswith(want) or want.startswith(got))


def place_right(label: dict, mention: dict) -> bool:
    loc = mention.get("location")
    if not isinstance(loc, str) or not loc:
        return False
    if mention.get("geo_precision") == "governorate":
        loc = f"{loc} Governorate"  # as the `places` column and the labels write a governorate
    return fold_place(loc) in {fold_place(p) for p in _choices(label["place"])}


def _int_or_none(value):
    if value is None:
        return None
    try:
        if value != value:  # NaN / NA
            return None
    except TypeError:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def figure_fields(label: dict, row: dict) -> dict[str, bool]:
    groups = _choices(label.get("victim_group"))
    return {
        "low": _int_or_none(row.get("count_low")) == label["low"],
        "high": _int_or_none(row.get("count_high")) == label["high"],
        "outcome": row.get("outcome") in _choices(label["outcome"]),
        "victim_group": (row.get("victim_group") if isinstance(row.get("victim_group"), str) else None) in groups,
        "scope": row.get("scope") in _choices(label["scope"]),
    }


def number_matches(label_number: str, number_text) -> bool:
    a, b = fold(str(label_number)), fold(number_text if isinstance(number_text, str) else "")
    return bool(a and b) and (contains(a, b) or contains(b, a))


def _assign(pairs: list[tuple[float, int, int]]) -> dict[int, int]:
    """Greedy one-to-one pairing of labels and rows, best pairs first: {label index: row index}."""
    chosen: dict[int, int] = {}
    used: set[int] = set()
    for _, li, ri in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if li not in chosen and ri not in used:
            chosen[li] = ri
            used.add(ri)
    return chosen


def score_document(label: dict, mentions: list[dict], figures: list[dict]) -> dict:
    """Per-document results: which labels were found and right, with the rows they matched."""
    for m in mentions:
        m["_f"] = fold(m.get("text", ""))
    for f in figures:
        f["_f"] = fold(f.get("quote", ""))

    events = label["events"]
    pairs = []
    for li, ev in enumerate(events):
        snip = fold(ev["snippet"])
        for ri, m in enumerate(mentions):
            if contains(m["_f"], snip):
                score = 2.0 if date_right(ev, m) else 1.0
                if ev.get("place") is not None and place_right(ev, m):
                    score += 0.5
                pairs.append((score, li, ri))
    ev_match = _assign(pairs)
    ev_results = []
    for li, ev in enumerate(events):
        m = mentions[ev_match[li]] if li in ev_match else None
        ev_results.append({
            "label": ev, "row": m, "found": m is not None,
            "date_right": m is not None and date_right(ev, m),
            "place_right": place_right(ev, m) if m is not None and ev.get("place") is not None else None,
        })

    figs = label["figures"]
    pairs = []
    for li, fg in enumerate(figs):
        snip = fold(fg["snippet"])
        for ri, f in enumerate(figures):
            if contains(f["_f"], snip) and number_matches(fg["number"], f.get("number_text")):
                pairs.append((1.0 + sum(figure_fields(fg, f).values()), li, ri))
    fg_match = _assign(pairs)
    fg_results = []
    for li, fg in enumerate(figs):
        f = figures[fg_match[li]] if li in fg_match else None
        fields = figure_fields(fg, f) if f is not None else {}
        fg_results.append({"label": fg, "row": f, "found": f is not None,
                           "all_right": bool(fields) and all(fields.values()),
                           "wrong": sorted(k for k, ok in fields.items() if not ok)})

    bg_results = []
    for bg in label["background"]:
        snip = fold(bg["snippet"])
        hits = [m for m in mentions if contains(m["_f"], snip) and _same_date(bg, m)]
        bg_results.append({"label": bg, "emitted": bool(hits), "rows": hits})
    return {"events": ev_results, "figures": fg_results, "background": bg_results}


# ---------------------------------------------------------------------------------------------
# Tables of a build

def read_build(folder: Path) -> dict:
    import pandas as pd

    folder = Path(folder)
    if not (folder / "documents.parquet").exists() and (folder / "latest" / "documents.parquet").exists():
        folder = folder / "latest"
    tables = {}
    for name in ("documents", "event_mentions", "casualty_figures"):
        tables[name] = pd.read_parquet(folder / f"{name}.parquet")
    return tables


def rows_by_document(tables: dict) -> tuple[dict, dict, dict]:
    """{path: doc_id}, {doc_id: [mention dicts]}, {doc_id: [figure dicts]}."""
    docs = tables["documents"]
    path_to_id = dict(zip(docs["path"], docs["doc_id"]))
    mentions, figures = defaultdict(list), defaultdict(list)
    for row in tables["event_mentions"].to_dict("records"):
        mentions[row["doc_id"]].append(row)
    for row in tables["casualty_figures"].to_dict("records"):
        figures[row["doc_id"]].append(row)
    return path_to_id, mentions, figures


def score(labels: list[dict], tables: dict) -> dict:
    """{(format, split): counts} over all labelled documents, plus per-document results."""
    path_to_id, mentions, figures = rows_by_document(tables)
    totals: dict = defaultdict(lambda: defaultdict(int))
    per_doc = {}
    for label in labels:
        doc_id = path_to_id.get(label["document"])
        res = score_document(label, [dict(m) for m in mentions.get(doc_id, [])],
                             [dict(f) for f in figures.get(doc_id, [])])
        res["in_build"] = doc_id is not None
        per_doc[label["document"]] = res
        t = totals[(label["format"], label["split"])]
        t["documents"] += 1
        for r in res["events"]:
            optional = bool(r["label"].get("optional"))
            if not optional:
                t["events"] += 1
                t["events_found"] += r["found"]
            if r["found"]:
                t["dated_found"] += 1
                t["dates_right"] += r["date_right"]
            if r["place_right"] is not None:
                t["places_found"] += 1
                t["places_right"] += r["place_right"]
        for r in res["figures"]:
            if not r["label"].get("optional"):
                t["figures"] += 1
                t["figures_found"] += r["found"]
            if r["found"]:
                t["figures_matched"] += 1
                t["figures_right"] += r["all_right"]
        for r in res["background"]:
            t["background"] += 1
            t["background_emitted"] += r["emitted"]
    return {"totals": {k: dict(v) for k, v in totals.items()}, "documents": per_doc}


# ---------------------------------------------------------------------------------------------
# Report

def _ratio(num: int, den: int) -> str:
    return f"{num / den:.2f} ({num}/{den})" if den else "n/a"


def _row(name: str, split: str, t: dict) -> str:
    return (f"| {name} | {split} | {t.get('documents', 0)} "
            f"| {_ratio(t.get('events_found', 0), t.get('events', 0))} "
            f"| {_ratio(t.get('dates_right', 0), t.get('dated_found', 0))} "
            f"| {_ratio(t.get('figures_found', 0), t.get('figures', 0))} "
            f"| {_ratio(t.get('figures_right', 0), t.get('figures_matched', 0))} "
            f"| {_ratio(t.get('background_emitted', 0), t.get('background', 0))} "
            f"| {_ratio(t.get('places_right', 0), t.get('places_found', 0))} |")


def _sum(parts: list[dict]) -> dict:
    out: dict = defaultdict(int)
    for p in parts:
        for k, v in p.items():
            out[k] += v
    return out


def _counted(items: list[dict]) -> str:
    optional = sum(bool(i.get("optional")) for i in items)
    return f"{len(items) - optional} + {optional} optional" if optional else str(len(items))


def report(result: dict, labels: list[dict]) -> str:
    totals = result["totals"]
    lines = [
        "## Accuracy on hand-labelled documents",
        "",
        "Generated by `benchmarks/score_documents.py` (do not edit by hand). "
        f"{len(labels)} documents of `seeds/corpus/` were read in full and labelled by hand "
        "(`tests/quality/documents/*.yaml`): every dated event statement with its true date and "
        "precision, every casualty figure with its true bounds, outcome, victim group and scope, "
        "and statements that are background, not events. The script builds `seeds/` with "
        "`syria-events build` (or reads `--build DIR`) and matches labels to rows of "
        "`event_mentions` and `casualty_figures` by document path and text (the snippet, folded, "
        "inside the mention's text or the figure's quote; never by ids), one row per label. "
        "**Held-out documents were never looked at while tuning the extractor: their rows are the "
        "honest numbers.**",
        "",
        "- *statements found*: labelled event statements with a mention containing them;"
        " *date right*: of the labelled statements emitted, the share whose date and precision"
        " equal the truth at its precision (day, month, year);",
        "- *figures found*: labelled casualty figures with a row whose quote holds the snippet and"
        " whose `number_text` is the count; *all fields right*: of those, `count_low`,"
        " `count_high`, `outcome`, `victim_group` and `scope` all equal the truth;",
        "- *background emitted*: background statements (not events) that became an event mention"
        " (lower is better); *place right*: of the emitted statements with a labelled place, the"
        " share whose `location` is it.",
        "- Bars (per format, held-out): statements found >= "
        f"{BARS['event_recall']:.2f}, date right >= {BARS['date_right']:.2f}, figures found >= "
        f"{BARS['figure_recall']:.2f}, all fields right >= {BARS['figure_right']:.2f}, "
        f"background emitted <= {BARS['background_emitted']:.2f}.",
        "",
        "| format | split | docs | statements found | date right | figures found | all fields right "
        "| background emitted | place right |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for split in SPLITS:
        for fmt in FORMATS:
            if (fmt, split) in totals:
                lines.append(_row(fmt, split, totals[(fmt, split)]))
        parts = [v for (f, s), v in totals.items() if s == split]
        if parts:
            lines.append(_row("**all formats**", split, _sum(parts)))
    lines += ["", "Labelled documents (counts of scored labels, plus optional ones; *in build*: the document is a"
              " row of `documents`, not quarantined):", "",
              "| split | format | document | in build | statements | figures | background |",
              "|---|---|---|---|---|---|---|"]
    for label in sorted(labels, key=lambda lab: (SPLITS.index(lab["split"]), FORMATS.index(lab["format"]), lab["document"])):
        in_build = "yes" if result["documents"][label["document"]]["in_build"] else "**no**"
        lines.append(f"| {label['split']} | {label['format']} | `{label['document']}` | {in_build} "
                     f"| {_counted(label['events'])} | {_counted(label['figures'])} | {len(label['background'])} |")
    return "\n".join(lines) + "\n"


def write_quality(block: str, path: Path = QUALITY_MD, begin: str = BEGIN, end: str = END) -> None:
    """Put ``block`` between the ``begin``/``end`` markers of QUALITY.md (the documents block unless
    told otherwise), leaving everything else alone."""
    text = path.read_text(encoding="utf-8") if path.exists() else (
        "# Quality\n\nMeasured accuracy of the dataset. Every block below is regenerated by a script; "
        "do not edit between the markers.\n")
    new = f"{begin}\n{block}{end}"
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        text = head + new + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + new + "\n"
    path.write_text(text, encoding="utf-8")


def details(result: dict, labels: list[dict], split: str | None = None) -> str:
    out = []
    for label in labels:
        if split and label["split"] != split:
            continue
        res = result["documents"][label["document"]]
        lines = []
        if not res["in_build"]:
            lines.append("  document not in the build")
        for r in res["events"]:
            ev = r["label"]
            tag = " (optional)" if ev.get("optional") else ""
            if not r["found"]:
                if not ev.get("optional"):
                    lines.append(f"  missed statement: {ev['snippet']!r} [{_dates(ev)} {ev['precision']}]")
            elif not r["date_right"]:
                m = r["row"]
                lines.append(f"  wrong date{tag}: {ev['snippet']!r}: {_day(m.get('date'))} {m.get('date_precision')}"
                             f", true {_dates(ev)} {ev['precision']}")
            if r["place_right"] is False:
                lines.append(f"  wrong place{tag}: {ev['snippet']!r}: {r['row'].get('location')}, true {ev['place']}")
        for r in res["figures"]:
            fg = r["label"]
            if not r["found"]:
                if not fg.get("optional"):
                    lines.append(f"  missed figure: {fg['number']!r} in {fg['snippet']!r}")
            elif not r["all_right"]:
                row = r["row"]
                got = {k: _int_or_none(row.get(k)) for k in ("count_low", "count_high")}
                got.update({k: row.get(k) if isinstance(row.get(k), str) else None
                            for k in ("outcome", "victim_group", "scope")})
                lines.append(f"  wrong figure {fg['number']!r} ({', '.join(r['wrong'])}): got {got}")
        for r in res["background"]:
            if r["emitted"]:
                lines.append(f"  background emitted: {r['label']['snippet']!r}")
        if lines:
            out.append(f"{label['split']} {label['document']}")
            out.extend(lines)
    return "\n".join(out)


def build_seeds(dest: Path) -> Path:
    exe = Path(sys.executable).with_name("syria-events")
    cmd = [str(exe)] if exe.exists() else [shutil.which("syria-events") or "syria-events"]
    subprocess.run(cmd + ["build", "--seeds", str(SEEDS_DIR), "--outputs", str(dest)], check=True,
                   stdout=subprocess.DEVNULL)
    return dest / "latest"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", help="folder of a build's Parquet tables (or its outputs folder); default: build seeds/ now")
    ap.add_argument("--labels", default=str(LABELS_DIR), help="folder of the label files")
    ap.add_argument("--quality", default=str(QUALITY_MD), help="QUALITY.md to write the block into")
    ap.add_argument("--no-write", action="store_true", help="print only, leave QUALITY.md alone")
    ap.add_argument("--details", nargs="?", const="tune", choices=["tune", "heldout", "all"],
                    help="list every missed or wrong label of the tune split (or of heldout/all: "
                         "not while tuning)")
    args = ap.parse_args(argv)

    labels = load_labels(Path(args.labels))
    problems = [p for label in labels for p in label_problems(label)]
    if problems:
        print("label files have problems:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 2
    if args.build:
        result = score(labels, read_build(Path(args.build)))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            result = score(labels, read_build(build_seeds(Path(tmp))))
    block = report(result, labels)
    print(block)
    if args.details:
        print(details(result, labels, None if args.details == "all" else args.details))
    if not args.no_write:
        write_quality(block, Path(args.quality))
    return 0


if __name__ == "__main__":
    sys.exit(main())
