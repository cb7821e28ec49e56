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
  joined, their events may not: a cannot-link of another member, or two statements of one section), or
  ``never a candidate`` (of two documents, under the threshold, sharing no blocking key: no place and no word rare
  in its month, ``resolve._block_keys``); ``below threshold`` and ``cluster`` count the margin a pair of one
  document must clear (a place only its context gives, a side dated only to a year). Each with its format pairing
  (``ce``-``wp``, ``within``, ... as ``score_pairs.py`` names them) and, with ``--examples``, the terms of its
  score (``score_terms``: the cosine and each evidence term), which tell what a pair under the threshold lacks.
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
from score_pairs import load_pairs, pairing  # noqa: E402

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


def score_terms(a: dict, b: dict) -> dict[str, float]:
    """The terms of ``pipeline.resolve.pair_score`` of two records, by name (the cosine of their words, and each
    evidence term that applies, plus or minus): what a pair under the threshold lacks. Their sum, clamped to
    [0, 1], is ``pair_score`` (tested)."""
    va, vb = a["_vec"], b["_vec"]
    if len(va) > len(vb):
        va, vb = vb, va
    terms = {"cosine": sum(w * vb.get(k, 0.0) for k, w in va.items())}
    pa, pb = a["_places"], b["_places"]
    if pa["place"] & pb["place"]:
        terms["same place"] = 0.15
    elif pa["governorate"] & pb["governorate"]:
        terms["same governorate"] = 0.05
    if a["_nums"] & b["_nums"]:
        terms["same number"] = 0.1
    from pipeline.resolve import _WEAPONS

    if a["_words"] & b["_words"] & _WEAPONS:
        terms["same weapon"] = 0.05
    if a["_kinds"] & b["_kinds"]:
        terms["same action"] = 0.05
        if pa["place"] & pb["place"] and a["date_precision"] == b["date_precision"] == "day" \
                and a["_start"] == b["_start"]:
            terms["same action, place and day"] = 0.05
    shared_actors = len(set(a["actors"]) & set(b["actors"]))
    if shared_actors > 1:
        terms["shared actors"] = 0.03 * min(3, shared_actors - 1)
    if a["_statement"] != b["_statement"]:
        terms["one is speech"] = -0.2
    if a["date_precision"] == "day" and b["date_precision"] == "day":
        if a["_start"] != b["_start"]:
            terms["two days"] = -0.1
    else:
        terms["not both days"] = -0.05
    return terms


def rare_words(recs: list[dict]) -> set[tuple]:
    """(month, word) of the content words that are blocking keys in their month (``resolve.RARE_WORD``), as the
    candidate SQL finds them, over ``recs``."""
    from pipeline.resolve import RARE_WORD, _month_key

    counts: Counter = Counter()
    for r in recs:
        counts.update((_month_key(r), w) for w in r["_words"])
    return {k for k, n in counts.items() if n <= RARE_WORD}


def missed_causes(mentions: pd.DataFrame, pairs: list[dict]) -> list[dict]:
    """One row per missed tune same-event pair (module docstring)."""
    from pipeline.resolve import (
        THRESHOLD,
        _block_keys,
        _context_place_bonus,
        _year_margin,
        anaphoric,
        conflict,
        context_places,
        pair_score,
        prepare,
    )

    rules = context_places(mentions, np.fromiter((anaphoric(t) for t in mentions["text"]), dtype=bool,
                                                 count=len(mentions)))
    recs = [dict(r, date=pd.Timestamp(r["date"])) for r in rules.to_dict("records")]
    prepare(recs)
    rare = rare_words(recs)
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
        # the margin a pair of one document must clear (a place only its context gives, a year-precision side)
        margin = _context_place_bonus(a, b) + _year_margin(a, b)
        cause = why or ("below threshold" if score - margin < THRESHOLD else "cluster")
        if cause == "below threshold" and not (_block_keys(a, rare) & _block_keys(b, rare)) \
                and a["doc_id"] != b["doc_id"]:
            cause = "never a candidate"     # no place and no word rare in its month shared (across documents)
        terms = score_terms(a, b)
        out.append({"note": p.get("note", ""), "within": a["doc_id"] == b["doc_id"], "cause": cause,
                    "pairing": pairing(a.get("format"), b.get("format"), a["doc_id"] == b["doc_id"]),
                    "terms": ", ".join(f"{k} {v:+.2f}" for k, v in terms.items())
                    + (f", margin {-margin:+.2f}" if margin else ""),
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
    print("by pairing:")
    for (pair_, cause), n in sorted(Counter((r["pairing"], r["cause"]) for r in missed).items(),
                                    key=lambda kv: (kv[0][0], -kv[1])):
        print(f"{n:4d}  {pair_}: {cause}")
    for key in ("no_action", "no_place", "context_place"):
        print(f"{sum(r[key] > 0 for r in missed):4d}  with a side {key.replace('_', ' ')}")
    if args.examples:
        for r in missed:
            print(f"  {r['cause']:18s} [{r['pairing']}] {r['score']:.2f} action-less {r['no_action']} context-placed "
                  f"{r['context_place']}  {r['note']}\n      {r['terms']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
