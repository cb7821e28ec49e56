"""What holds resolution's connected components together (issue 11: incremental resolution).

    .venv/bin/python benchmarks/bench_components.py BUILD/stages/extracted_mentions.parquet [--cache DIR]

Resolves the mentions of a build's ``extracted_mentions`` stage as the build does
(``bench_resolve.resolve_stage``) but stops where the merge starts (``resolve._merge_in_batches``)
and, instead of merging, describes the graph of the edges the merge may join along:

- the size distribution of its connected components (``pipeline.components``);
- for the largest component, its edges by kind (exact-text groups, near-duplicate pairs,
  inherited dates, scored pairs above the threshold, retellings), and for each scored pair whether
  the merge could ever join it: ``resolve.conflict`` of the two mentions themselves, with and without
  the chemical exemption (``weapon_named``), non-None and the same either way means the pair is
  refused whatever the clusters (``resolve._never_joined``);
- the components once those pairs are left out: the parts the merge runs over
  (``resolve._merge_in_batches``; pairs under the threshold less their bonus, which the merge
  also leaves out, are few and kept here).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))


class _Captured(Exception):
    pass


def sizes_line(labels: np.ndarray, involved: np.ndarray) -> str:
    comp = labels[involved]
    _, counts = np.unique(comp, return_counts=True)
    counts = np.sort(counts)[::-1]
    total = int(counts.sum())
    buckets = Counter()
    for c in counts.tolist():
        buckets["2-9" if c < 10 else "10-99" if c < 100 else "100-999" if c < 1000 else
                "1,000-9,999" if c < 10000 else ">=10,000"] += 1
    return (f"{len(counts):,} components over {total:,} mentions with an edge; largest "
            f"{', '.join(f'{c:,}' for c in counts[:5].tolist())} (largest {counts[0] / total:.1%} of them); "
            f"by size: {dict(buckets)}")


def main(argv: list[str]) -> None:
    import bench_resolve

    from pipeline import resolve
    from pipeline.components import connected_components

    stage = argv[0]
    cache = argv[argv.index("--cache") + 1] if "--cache" in argv else None
    captured: dict = {}

    def capture(*args):
        captured["args"] = args
        raise _Captured

    resolve._merge_in_batches = capture
    t = time.perf_counter()
    try:
        bench_resolve.resolve_stage(stage, cache)
    except _Captured:
        pass
    print(f"# {stage}: up to the merge in {time.perf_counter() - t:.1f} s")
    (n, rules_in, feats, row_of, starts, stops, mids, groups, near, inherits, scored, retellings,
     articles) = captured["args"][:13]
    group_rows, group_offsets = groups
    firsts = group_rows[group_offsets[:-1]]
    sizes = np.diff(group_offsets)
    s_all, a_all, b_all = scored
    kinds = {"exact-text group": (np.repeat(firsts, sizes), group_rows),
             "near-duplicate": near, "inherited date": (inherits[:, 0], inherits[:, 1]),
             "scored above the threshold": (a_all, b_all), "retelling": (retellings[:, 0], retellings[:, 1])}
    edge_a = np.concatenate([v[0] for v in kinds.values()])
    edge_b = np.concatenate([v[1] for v in kinds.values()])
    involved = np.zeros(n, dtype=bool)
    involved[edge_a] = True
    involved[edge_b] = True
    inv = np.flatnonzero(involved)
    labels = connected_components(n, edge_a, edge_b)
    print(f"{n:,} mentions; edges: " + ", ".join(f"{k} {len(v[0]):,}" for k, v in kinds.items()))
    print("all edges: " + sizes_line(labels, inv))
    comp, counts = np.unique(labels[inv], return_counts=True)
    giant = int(comp[np.argmax(counts)])
    in_giant = {k: int((labels[v[0]] == giant).sum()) for k, v in kinds.items()}
    print("largest component's edges: " + ", ".join(f"{k} {v:,}" for k, v in in_giant.items()))

    # every scored pair: can the merge ever join it?
    t = time.perf_counter()
    recs = resolve._Records(rules_in, feats, row_of, inv.tolist(), starts, stops)
    print(f"records of {len(inv):,} mentions in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    why = []
    for i, j in zip(a_all.tolist(), b_all.tolist()):
        ri, rj = recs[i], recs[j]
        w0, w1 = resolve.conflict(ri, rj, False), resolve.conflict(ri, rj, True)
        why.append(w0 if w0 is not None and w0 == w1 else "no conflict" if w0 is None and w1 is None else
                   f"{w0} / {w1} (weapon named)")
    never = np.array([not (w == "no conflict" or "(weapon named)" in w) for w in why])
    assert never.tolist() == [resolve._never_joined(recs[i], recs[j])[1] for i, j in zip(a_all.tolist(), b_all.tolist())]
    print(f"conflict of {len(why):,} scored pairs in {time.perf_counter() - t:.1f} s")
    g = labels[a_all] == giant
    for label, mask in (("all scored pairs", np.ones(len(why), bool)), ("scored pairs of the largest component", g)):
        c = Counter(w for w, m in zip(why, mask.tolist()) if m)
        total = int(mask.sum())
        print(f"{label} ({total:,}): refused whatever the clusters {int(never[mask].sum()):,} "
              f"({never[mask].sum() / max(total, 1):.1%}); " + ", ".join(f"{k} {v:,}" for k, v in c.most_common()))
    above = s_all >= resolve.THRESHOLD + 0.1
    print(f"  of the largest component's scored pairs, score >= threshold + 0.1: {int((above & g).sum()):,}; "
          f"of those never joinable {int((above & g & never).sum()):,}")
    keep = ~never
    ea = np.concatenate([v[0] for k, v in kinds.items() if k != "scored above the threshold"] + [a_all[keep]])
    eb = np.concatenate([v[1] for k, v in kinds.items() if k != "scored above the threshold"] + [b_all[keep]])
    labels2 = connected_components(n, ea, eb)
    print("without the pairs never joined: " + sizes_line(labels2, inv))
    cross = labels2[a_all] != labels2[b_all]
    print(f"  scored pairs between two such components: {int(cross.sum()):,} (all never joinable: "
          f"{bool(never[cross].all())})")


if __name__ == "__main__":
    main(sys.argv[1:])
