"""Connected components of a graph given as edge arrays, and batches of components, in numpy.

Resolution's merge (``pipeline.resolve._resolve``) only ever joins two mentions along an edge it
is given (an exact-text group, a near-duplicate pair, a statement and the sentence it takes its
date from, a scored pair above the threshold), and every rule it applies to an edge reads only the
two mentions of the edge and the clusters they are in. So the merge can run one connected
component of those edges at a time (``batches``), with only that batch's mentions as Python
objects; ``resolve._resolve`` gives the argument why the result is the one merge of everything.

No scipy: a vectorised union-find (hooking each root on the smallest root it has an edge to, then
pointer jumping until every mention points at its root), a few passes over the edges.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def connected_components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """For each of ``n`` nodes, the smallest node of its connected component in the undirected
    graph of the edges (``a[k]``, ``b[k]``). A node without edges is its own component.

    Each round hooks every root that has an edge to a smaller root onto the smallest such root
    (``np.minimum.at``), then jumps pointers until each node points at a root. A root's label only
    ever decreases and is always a node it is connected to, so labels never join two components;
    a round with an edge between two roots removes at least one root, so it ends, when no edge
    joins two roots: every component has one root, its smallest node (the only one that is never
    hooked). Edges whose ends share a root are dropped from the next round."""
    parent = np.arange(n, dtype=np.int64)
    a, b = np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64)
    while len(a):
        ra, rb = parent[a], parent[b]
        apart = ra != rb
        if not apart.any():
            break
        a, b, ra, rb = a[apart], b[apart], ra[apart], rb[apart]
        np.minimum.at(parent, np.maximum(ra, rb), np.minimum(ra, rb))
        while True:
            jumped = parent[parent]
            if np.array_equal(jumped, parent):
                break
            parent = jumped
    return parent


@dataclass
class Batch:
    """Consecutive components (by label): their nodes (sorted by component, then node) and the
    range of labels ``[lo, hi]`` they cover."""

    nodes: np.ndarray
    lo: int
    hi: int


def batches(labels: np.ndarray, nodes: np.ndarray, size: int) -> list[Batch]:
    """``nodes`` (those with an edge) grouped by component (``labels``: ``connected_components``),
    whole components only, in order of label, about ``size`` nodes a batch (a component larger
    than ``size`` is a batch of its own)."""
    comp = labels[nodes]
    order = np.argsort(comp, kind="stable")
    nodes, comp = nodes[order], comp[order]
    if not len(nodes):
        return []
    starts = np.flatnonzero(np.r_[True, comp[1:] != comp[:-1]])     # where each component begins
    out: list[Batch] = []
    lo = 0
    while lo < len(nodes):
        # the first component start at or after lo + size ends the batch (or the end of the nodes)
        k = int(np.searchsorted(starts, lo + size, side="left"))
        hi = int(starts[k]) if k < len(starts) else len(nodes)
        if hi <= lo:
            hi = len(nodes)
        out.append(Batch(nodes[lo:hi], int(comp[lo]), int(comp[hi - 1])))
        lo = hi
    return out


class ByComponent:
    """Rows (edges, groups) each tagged with a component label, grouped by label with their given
    order kept within a label (a stable sort), so the rows of a batch's labels ``[lo, hi]`` are
    one slice (``rows``)."""

    def __init__(self, comp: np.ndarray):
        self.order = np.argsort(comp, kind="stable")
        self.comp = comp[self.order]

    def rows(self, lo: int, hi: int) -> np.ndarray:
        """The positions (in the given order) of the rows of labels ``lo`` to ``hi``, in the given order
        within each label."""
        start = int(np.searchsorted(self.comp, lo, side="left"))
        stop = int(np.searchsorted(self.comp, hi, side="right"))
        return self.order[start:stop]
