"""Score event resolution against hand-labelled statement pairs (issue 13's yardstick).

The labels are ``tests/quality/pairs.yaml``: pairs of event statements, each named by its
document (path relative to ``seeds/``) and a verbatim snippet, with ``same: true`` (two tellings
of one real-world event) or ``same: false`` (a look-alike: a different event sharing words,
places, dates or actors) and a ``split`` (``heldout`` pairs are never tuned on).

Matching is by document path and text, never by ids: a side is found when a row of its
document's ``event_mentions`` contains the snippet after folding (as ``score_documents.fold``).
A sentence that states two events gives two mentions; a pair counts as *merged* when any mention
of side a shares its ``event_id`` with any mention of side b. Reported per format pairing
(``ce`` current events, ``wp`` Wikipedia, ``sa`` Syrian Archive; ``within`` = one document) and
split:

* *recall*: of the same-event pairs whose both sides were found, the share merged (bar >= 0.90);
* *false merges*: of the look-alike pairs whose both sides were found, the share merged (bar <= 0.02);
* *not found*: pairs with a side that no mention contains (extraction missed it; not scored).

The pairs come in rounds, each chosen by a stated rule, labelled and committed before it was scored, and split by
the SHA-256 rule of pairs.yaml's header (within a round and class, the pairs sorted by the SHA-256 of their two sides,
``document\nfolded snippet``, the two sorted, joined by a newline; the 1st, 4th, 7th, ... held out; its comments and
tests/quality/README.md describe every round). The eighteenth, 57 pairs across documents only, took current-events
day pages, items and articles with no side across documents yet: ce-ce, ce-wp, ce-sa, wp-wp across two articles,
sa-sa. The nineteenth, 45 pairs within one document only, took the lead, timeline or aftermath of long battle articles
against their body, and archive incident pages' summaries against their witnesses and videos. The twentieth, 71 pairs
within one document only, took the articles and archive pages with at most one within-document pair: the lead against
the body, a happening against its toll or another source's account, neighbours of a day, a capture and its retaking.
The twenty-first, 84 pairs across documents only, took the pairings furthest from their bars (sa-sa, sa-wp, ce-sa,
wp-wp across two articles): statements of one place within a few days, and the archive's named incidents looked up by
name elsewhere. The twenty-second, 52 pairs, took the suspect merges and near misses of a build that
``audit_merges.py --draft`` lists (never from an event holding a held-out pair's side).

    .venv/bin/python benchmarks/score_pairs.py                          # build seeds/ now, score, write QUALITY.md
    .venv/bin/python benchmarks/score_pairs.py --build outputs/latest   # score an existing build
    .venv/bin/python benchmarks/score_pairs.py --build outputs/latest --details   # the tune split's errors
    .venv/bin/python benchmarks/score_pairs.py --build outputs/latest --details --hide-heldout-documents

A tune pair may have a side in a document that is a held-out *document* label (issue 9): reading it is
fine for tuning resolution, not for tuning extraction. ``--hide-heldout-documents`` prints such a
side's document and hides its text, for work on extraction that reads the pairs' details.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_documents import (  # noqa: E402
    QUALITY_MD,
    ROOT,
    SEEDS_DIR,
    build_seeds,
    contains,
    fold,
    load_labels,
    safe_load,
    write_quality,
)

PAIRS_FILE = ROOT / "tests" / "quality" / "pairs.yaml"
BEGIN, END = "<!-- pairs:begin -->", "<!-- pairs:end -->"
SHORT = {"current_events": "ce", "current_events_day": "ce", "wikipedia": "wp", "syrian_archive": "sa"}
BARS = {"recall": 0.90, "false_merges": 0.02}


def load_pairs(path: Path = PAIRS_FILE) -> list[dict]:
    return safe_load(path.read_text(encoding="utf-8"))


def pair_problems(pairs: list[dict], seeds_dir: Path = SEEDS_DIR) -> list[str]:
    """Why the label file is unsound: a missing key, a document that is not in seeds/, a snippet
    that is not in its document, a pair labelled twice."""
    out, seen, texts = [], set(), {}
    for i, p in enumerate(pairs):
        for key in ("a", "b", "same", "split"):
            if key not in p:
                out.append(f"pair {i}: no {key!r}")
        if p.get("split") not in ("tune", "heldout") or not isinstance(p.get("same"), bool):
            out.append(f"pair {i}: split must be tune|heldout and same a boolean")
        for side in ("a", "b"):
            doc, snippet = p.get(side, {}).get("document"), p.get(side, {}).get("snippet")
            path = seeds_dir / str(doc)
            if not path.is_file():
                out.append(f"pair {i}: no document {doc}")
                continue
            if doc not in texts:
                texts[doc] = fold(path.read_text(encoding="utf-8"))
            if not snippet or not contains(texts[doc], fold(snippet)):
                out.append(f"pair {i}: snippet not in {doc}: {snippet!r}")
        key = frozenset([(p["a"]["document"], fold(p["a"]["snippet"])), (p["b"]["document"], fold(p["b"]["snippet"]))])
        if key in seen:
            out.append(f"pair {i}: labelled twice")
        seen.add(key)
    return out


def read_build(folder: Path) -> dict:
    import pandas as pd

    folder = Path(folder)
    if not (folder / "documents.parquet").exists() and (folder / "latest" / "documents.parquet").exists():
        folder = folder / "latest"
    return {name: pd.read_parquet(folder / f"{name}.parquet", columns=cols) for name, cols in
            (("documents", ["doc_id", "path", "format"]), ("event_mentions", ["doc_id", "text", "event_id"]))}


def pairing(fmt_a: str | None, fmt_b: str | None, same_doc: bool) -> str:
    if same_doc:
        return "within"
    if fmt_a is None or fmt_b is None:
        return "unknown"
    return "–".join(sorted([SHORT.get(fmt_a, fmt_a), SHORT.get(fmt_b, fmt_b)]))


def score(pairs: list[dict], tables: dict) -> list[dict]:
    """One result per pair: pairing, found (both sides), merged."""
    docs = tables["documents"]
    path_fmt = dict(zip(docs["path"], docs["format"]))
    path_id = dict(zip(docs["path"], docs["doc_id"]))
    by_doc: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for doc_id, text, event_id in tables["event_mentions"][["doc_id", "text", "event_id"]].itertuples(index=False):
        by_doc[doc_id].append((fold(text), event_id))

    def events_of(side: dict) -> set[str]:
        snippet = fold(side["snippet"])
        return {e for t, e in by_doc.get(path_id.get(side["document"]), []) if contains(t, snippet)}

    out = []
    for p in pairs:
        ea, eb = events_of(p["a"]), events_of(p["b"])
        out.append({"pair": p, "split": p["split"], "same": p["same"],
                    "pairing": pairing(path_fmt.get(p["a"]["document"]), path_fmt.get(p["b"]["document"]),
                                       p["a"]["document"] == p["b"]["document"]),
                    "found": bool(ea and eb), "merged": bool(ea & eb)})
    return out


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.2f} ({num}/{den})" if den else "n/a"


def report(results: list[dict]) -> str:
    n_same = sum(r["same"] for r in results)
    lines = [
        "## Event resolution on hand-labelled pairs",
        "",
        "Generated by `benchmarks/score_pairs.py` (do not edit by hand). "
        f"{len(results)} pairs of statements from `seeds/` labelled by reading them "
        f"(`tests/quality/pairs.yaml`): {n_same} same-event pairs (re-tellings) and "
        f"{len(results) - n_same} look-alikes (different events sharing words, places, dates or actors). "
        "A pair is merged when the two statements' mentions share an `event_id`; sides are found by "
        "document path and text, never by ids. **Held-out pairs were never looked at while tuning "
        "resolution: their numbers are the honest ones.** Bars (held-out): recall >= 0.90, false "
        "merges <= 0.02 per pairing.",
        "",
        "| split | pairing | same-event pairs merged (recall) | look-alikes merged (false merges) | pairs not found |",
        "|---|---|---|---|---|",
    ]
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in results:
        groups[(r["split"], r["pairing"])].append(r)
        groups[(r["split"], "**all**")].append(r)
    for split in ("heldout", "tune"):
        keys = sorted(k for k in groups if k[0] == split)
        keys = [k for k in keys if k[1] != "**all**"] + [(split, "**all**")]
        for key in keys:
            rs = groups.get(key, [])
            same = [r for r in rs if r["same"] and r["found"]]
            diff = [r for r in rs if not r["same"] and r["found"]]
            lines.append(f"| {split} | {key[1]} | {_ratio(sum(r['merged'] for r in same), len(same))} | "
                         f"{_ratio(sum(r['merged'] for r in diff), len(diff))} | "
                         f"{sum(not r['found'] for r in rs)} of {len(rs)} |")
    return "\n".join(lines) + "\n"


def details(results: list[dict], split: str, hidden: frozenset[str] = frozenset()) -> str:
    """The pairs of ``split`` that are missed, merged falsely or not found; a side in a document of
    ``hidden`` shows its document, not its text."""
    def side(s: dict) -> str:
        return f"{s['document']}: " + ("(text hidden: a held-out labelled document)" if s["document"] in hidden
                                         else repr(s["snippet"]))

    out = []
    for r in results:
        if split != "all" and r["split"] != split:
            continue
        p = r["pair"]
        if not r["found"]:
            what = "not found"
        elif r["same"] and not r["merged"]:
            what = "missed merge"
        elif not r["same"] and r["merged"]:
            what = "false merge"
        else:
            continue
        out.append(f"{what} [{r['pairing']}] {p.get('note', '')}\n  a {side(p['a'])}\n  b {side(p['b'])}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", help="folder of a build's Parquet tables; default: build seeds/ now")
    ap.add_argument("--pairs", default=str(PAIRS_FILE))
    ap.add_argument("--quality", default=str(QUALITY_MD))
    ap.add_argument("--no-write", action="store_true", help="print only, leave QUALITY.md alone")
    ap.add_argument("--details", nargs="?", const="tune", choices=["tune", "heldout", "all"],
                    help="list the errors of the tune split (heldout/all: not while tuning)")
    ap.add_argument("--hide-heldout-documents", action="store_true",
                    help="with --details: hide the text of sides in held-out labelled documents (issue 9)")
    args = ap.parse_args(argv)
    pairs = load_pairs(Path(args.pairs))
    problems = pair_problems(pairs)
    if problems:
        print("pair labels have problems:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 2
    if args.build:
        results = score(pairs, read_build(Path(args.build)))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            results = score(pairs, read_build(build_seeds(Path(tmp))))
    block = report(results)
    print(block)
    if args.details:
        hidden = frozenset(lab["document"] for lab in load_labels() if lab.get("split") == "heldout") \
            if args.hide_heldout_documents else frozenset()
        print(details(results, args.details, hidden))
    if not args.no_write:
        write_quality(block, Path(args.quality), BEGIN, END)
    return 0


if __name__ == "__main__":
    sys.exit(main())
