"""Audit why same-event statements stay apart (issue 13): statements with no kind of action or no place,
and the causes of the tune split's missed merges.

Two tables, from a build's Parquet tables, never from a document a label file marks ``split: heldout`` nor
from a held-out pair (both are skipped before any row is read or scored):

* **statements with no action or no place** -- per format and position, the mentions whose text tells no
  kind of action (``pipeline.resolve.action_kinds`` is empty), whose ``location`` is null, or both. The
  position is ``headline`` or ``related`` for a current-events item, ``lead/summary`` for prose before any
  heading or under a summing-up heading (``pipeline.resolve._SUMMARY_SECTION``: Background, Aftermath, ...;
  a Syrian Archive page with no headings counts as its lead), else ``body``. A resolution rule can link a
  statement with no kind of action by its words and place only (no "same action" evidence), and one with
  no place by its words only.
* **missed tune merges** -- for each tune same-event pair whose two sides were found in different events
  (as ``score_pairs.py --details tune`` lists them), the best pair of its sides' mentions (no cannot-link
  first, then the highest ``pair_score``) and why it was not merged: the cannot-link rule of the two
  mentions, ``below threshold`` (scored under ``THRESHOLD``), or ``cluster`` (the two mentions may be
  joined, their events may not: a cannot-link of another member, or two statements of one section).
  Also counted: the sides that tell no kind of action, and those placed only by their context
  (``geo_basis`` paragraph, section, subject or item: no place evidence, ``pipeline.resolve._stated``).
  Scores are recomputed on the build's mentions as the rules read them (``context_places``), with the
  word weights of the whole build, as ``resolve`` does.

    .venv/bin/python benchmarks/audit_unlinked.py --build outputs/latest
    .venv/bin/python benchmarks/audit_unlinked.py --build outputs/latest --examples   # with the pairs' notes

Measured on the seeds at acc13p (the twenty-third resolution round), on the missed tune merges whose documents are
not held out: before the round 31, 17 scoring under the threshold, 3 refused for their events (``cluster``), 11 by a
rule of the two mentions; 12 with a side that tells no kind of action, none with a side with no place, 20 with a side
placed only by its context. After it 29 (14 under the threshold, 4 ``cluster``, 11 by a rule; 12, 0 and 17). Statements
with no place are mostly current-events items about other countries; a Wikipedia article's lead and summing-up
sections tell no kind of action less often (229 of 871) than its body (1,882 of 5,443).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from audit_places import heldout_paths  # noqa: E402
from score_documents import ROOT, contains, fold  # noqa: E402
from score_pairs import load_pairs  # noqa: E402

CONTEXT = ("paragraph", "section", "subject", "item")


def position(fmt: str, kind: str, section) -> str:
    """Where a statement sits in its document (module docstring)."""
    from pipeline.resolve import _SUMMARY_SECTION

    if fmt.startswith("current_events"):
        return "headline" if kind == "headline" else "related"
    if not isinstance(section, str) or not section.strip() or _SUMMARY_SECTION.search(section):
        return "lead/summary"
    return "body"


def unplaced_counts(mentions: pd.DataFrame) -> pd.DataFrame:
    """Per (format, position): mentions, those with no kind of action, with no location, with neither."""
    from pipeline.resolve import action_kinds

    df = mentions.assign(
        position=[position(f, k, s) for f, k, s in zip(mentions["format"], mentions["kind"], mentions["section"])],
        no_action=[not action_kinds(t) for t in mentions["text"]],
        no_place=mentions["location"].isna().to_numpy())
    df["neither"] = df["no_action"] & df["no_place"]
    g = df.groupby(["format", "position"])
    return pd.DataFrame({"mentions": g.size(), "no_action": g["no_action"].sum(), "no_place": g["no_place"].sum(),
                         "neither": g["neither"].sum()})


def missed_causes(mentions: pd.DataFrame, pairs: list[dict]) -> list[dict]:
    """One row per missed tune same-event pair (module docstring)."""
    from pipeline.resolve import THRESHOLD, anaphoric, conflict, context_places, pair_score, prepare

    rules = context_places(mentions, np.fromiter((anaphoric(t) for t in mentions["text"]), dtype=bool,
                                                 count=len(mentions)))
    recs = [dict(r, date=pd.Timestamp(r["date"])) for r in rules.to_dict("records")]
    prepare(recs)
    by_path: dict[str, list[dict]] = {}
    for r in recs:
        by_path.setdefault(r["path"], []).append(r)

    def side(s: dict) -> list[dict]:
        snippet = fold(s["snippet"])
        return [r for r in by_path.get(s["document"], []) if contains(fold(r["text"]), snippet)]

    out = []
    for p in pairs:
        if p["split"] != "tune" or not p["same"]:
            continue
        a_side, b_side = side(p["a"]), side(p["b"])
        if not a_side or not b_side or {r["event_id"] for r in a_side} & {r["event_id"] for r in b_side}:
            continue
        why, score, a, b = max(((conflict(a, b), pair_score(a, b), a, b) for a in a_side for b in b_side),
                               key=lambda t: (t[0] is None, t[1]))
        cause = why or ("below threshold" if score < THRESHOLD else "cluster")
        out.append({"note": p.get("note", ""), "within": a["doc_id"] == b["doc_id"], "cause": cause,
                    "score": round(score, 2), "no_action": sum(not r["_kinds"] for r in (a, b)),
                    "no_place": sum(not isinstance(r.get("location"), str) for r in (a, b)),
                    "context_place": sum(r.get("geo_basis") in CONTEXT for r in (a, b))})
    return out


def audit(build: Path) -> tuple[pd.DataFrame, list[dict]]:
    held = heldout_paths()
    docs = pd.read_parquet(build / "documents.parquet", columns=["doc_id", "path", "format"])
    docs = docs[~docs["path"].isin(held)]
    mentions = pd.read_parquet(build / "event_mentions.parquet").merge(docs, on="doc_id")
    pairs = [p for p in load_pairs() if p["split"] == "tune"]
    return unplaced_counts(mentions), missed_causes(mentions, pairs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", type=Path, default=ROOT / "outputs" / "latest")
    ap.add_argument("--examples", action="store_true", help="list each missed pair with its cause")
    args = ap.parse_args(argv)
    counts, missed = audit(args.build)
    print("## statements with no action or no place (held-out documents skipped)")
    print(counts.to_string())
    print(f"\n## missed tune merges: {len(missed)}")
    for (within, cause), n in sorted(Counter((r["within"], r["cause"]) for r in missed).items(),
                                     key=lambda kv: -kv[1]):
        print(f"{n:4d}  {'within one document' if within else 'across documents'}: {cause}")
    for key in ("no_action", "no_place", "context_place"):
        print(f"{sum(r[key] > 0 for r in missed):4d}  with a side {key.replace('_', ' ')}")
    if args.examples:
        for r in missed:
            print(f"  {r['cause']:18s} {r['score']:.2f} action-less {r['no_action']} context-placed "
                  f"{r['context_place']}  {r['note']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
