"""Resolve stage: mentions -> events (entity resolution), and the ``events`` table.

Plain functions, no Dagster. The method, in the terms of record linkage (Fellegi-Sunter, as in
splink and dedupe):

1. **Exact keys.** Mentions with the same date, precision and spelling-insensitive text
   fingerprint are one event (an item repeated across pages once its topic breadcrumbs are split
   off; a paragraph repeated word for word).
2. **Blocking.** Candidate pairs only come from mentions whose periods can overlap (a day, a month
   or a year; a day-precision report may be dated one day after the event) *and* that share a
   blocking key: a place (after gazetteer matching, so Talbiseh = Talbisa), or a content word
   that is rare within the month. Keys shared by more than ``MAX_BLOCK`` mentions of a month are
   dropped, like stop words. The candidate count therefore grows linearly with the number of
   mentions (times the bounded block size), and sorting makes the whole stage n log n.
3. **Scoring.** A pair's score in [0, 1] combines what mentions share: content-word overlap
   (overlap coefficient of light-stemmed words), places, actors, casualty and other numbers,
   weapon and event-type terms; it is penalised when both state different places of the same
   precision, or different days. ``THRESHOLD`` was calibrated on the labelled pairs in
   tests/test_resolve.py (all must-merge pairs above, all must-not pairs below).
4. **Clustering with cannot-link constraints.** Pairs are merged best-first with union-find; two
   clusters are never merged when that would put two *different* sentences of one document in
   one event (a document does not tell the same event twice in different words within a few
   lines: the three "On 8 October 2015" statements of an article stay three events), nor when
   their dates cannot overlap.

Ids: each mention has a content hash (date, precision, text fingerprint); an event's id is the
smallest content hash among its mentions (that mention is its *anchor*). It depends on neither
document ids, file names nor order: adding or removing unrelated documents leaves it unchanged,
and a new mention joining an event changes its id only when the newcomer's hash is smaller
(on average 1 time in n_mentions + 1), not whenever a more precise report arrives.
"""

from __future__ import annotations

import calendar
import math
import datetime as dt
import re
from collections import defaultdict

import numpy as np
import pandas as pd

from .text import fingerprint, stable_id

PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
MAX_BLOCK = 60          # a blocking key shared by more mentions than this in one month is too common
THRESHOLD = 0.30        # calibrated on the labelled pairs (tests/test_resolve.py)
DAY_TOLERANCE = 1       # a report may be dated up to this many days after the event

_STOP = set("""
a about above after again against all also although am among an and any are as at be because been
before being below between both but by can could did do does doing down during each either few for
from further had has have having he her here hers him his how however i if in into is it its itself
just last later least less made make many may me might more most much must my near neither no nor
not now of off on once one only or other our out over own same several she should since so some
such than that the their them then there these they this those though through thus to too two
under until up upon very was we were what when where whether which while who whom whose why will
with within without would yet you your said says say stated states according reported reports
also new first second third day days week weeks month months year years time early late mid end
russia russian russians syria syrian syrians forces force military government
january february march april may june july august september october november december
""".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z\-']+|\d[\d,]*")
_WEAPONS = {"airstrike", "airstrikes", "strike", "strikes", "bomb", "bombs", "bombing", "missile",
            "missiles", "cruise", "submarine", "warship", "warships", "helicopter", "jet", "jets",
            "shootdown", "shot", "crash", "ceasefire", "truce", "memorandum", "agreement", "veto",
            "vetoes", "resolution", "treaty", "deployment", "deploy", "convoy", "hospital",
            "s-400", "su-24", "su-25", "su-34", "tu-154", "kalibr", "kilo-class", "phosphorus",
            "cluster", "thermobaric", "de-escalation"}


def _stem(word: str) -> str:
    w = word.lower().strip("'-")
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def content_words(text: str) -> frozenset[str]:
    """Light-stemmed content words; numbers kept without separators."""
    out = set()
    for w in _WORD.findall(text):
        lw = w.lower()
        if lw[0].isdigit():
            out.add(lw.replace(",", ""))
        elif lw not in _STOP and len(lw) > 2:
            out.add(_stem(lw))
    return frozenset(out)


def period(date: pd.Timestamp, precision: str) -> tuple[dt.date, dt.date]:
    """First and last day of the period a (date, precision) states."""
    d = pd.Timestamp(date).date()
    if precision == "day":
        return d, d
    if precision == "month":
        return d, d.replace(day=calendar.monthrange(d.year, d.month)[1])
    return d, d.replace(month=12, day=31)


def periods_overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date], tolerance: int = DAY_TOLERANCE) -> bool:
    slack = dt.timedelta(days=tolerance)
    return a[0] <= b[1] + slack and b[0] <= a[1] + slack


# A statement: the sentence's main clause is someone speaking (opening date phrase allowed), as in
# "On 24 November, Obama said that Turkey has a right ...". A statement about an event is not the
# event; "X reported that ..." and "according to X" are evidence of the event, not statements.
_SPEECH = re.compile(
    r"^(?:[^,]{0,40},\s*){0,2}(?:[A-Z][\w.'\-]*\s+|the\s+|of\s+|[a-z]+\s+){0,8}?"
    r"(?:said|says|stated|states|declared|declares|told|tells|argued|argues|warned|warns|"
    r"condemned|condemns|called|calls|urged|urges|criticised|criticized|criticises|criticizes|"
    r"praised|praises|welcomed|welcomes|dismissed|dismisses|denied|denies|hopes|hoped|"
    r"expressed|expresses|announced|announces|claimed|claims)\b")


def is_statement(text: str) -> bool:
    return bool(_SPEECH.match(text))


def idf_weights(word_sets: list[frozenset[str]]) -> dict[str, float]:
    """Inverse document frequency of each word over all mentions (smoothed, as in scikit-learn)."""
    n = len(word_sets)
    df: dict[str, int] = defaultdict(int)
    for words in word_sets:
        for w in words:
            df[w] += 1
    return {w: math.log((1 + n) / (1 + c)) + 1 for w, c in df.items()}


def _vector(words: frozenset[str], idf: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(idf[w] ** 2 for w in words)) or 1.0
    return {w: idf[w] / norm for w in words}


def _numbers(words: frozenset[str]) -> set[str]:
    """Counts and other figures, not years (a shared year says little)."""
    return {w for w in words if w[0].isdigit() and not (len(w) == 4 and w[:2] in ("19", "20"))}


def pair_score(a: dict, b: dict) -> float:
    """Similarity of two mentions in [0, 1] (see module docstring).

    Base: cosine of IDF-weighted content words. Evidence added: a shared place named at place
    precision (+0.15; at governorate precision +0.05), a shared number that is not a year (+0.1),
    shared weapon or event-type terms (+0.05), shared actors beyond the first (+0.03 each, at most
    +0.09). Evidence against: both name places, none shared, not even a governorate (-0.15); both dated to different days
    (-0.1); one dated only to a month or year (-0.05).
    """
    va, vb = a["_vec"], b["_vec"]
    if len(va) > len(vb):
        va, vb = vb, va
    score = sum(w * vb.get(k, 0.0) for k, w in va.items())
    pa, pb = a["_places"], b["_places"]
    if pa["place"] & pb["place"]:
        score += 0.15
    elif pa["governorate"] & pb["governorate"]:
        score += 0.05
    if pa["place"] and pb["place"] and not (pa["place"] & pb["place"]) \
            and not (pa["governorate"] & pb["governorate"]):
        score -= 0.15
    if a["_nums"] & b["_nums"]:
        score += 0.1
    if a["_words"] & b["_words"] & _WEAPONS:
        score += 0.05
    shared_actors = len(set(a["actors"]) & set(b["actors"]))
    score += 0.03 * min(3, max(0, shared_actors - 1))
    if a["_statement"] != b["_statement"]:
        score -= 0.2
    if a["date_precision"] == "day" and b["date_precision"] == "day":
        if a["_start"] != b["_start"]:
            score -= 0.1
    else:
        score -= 0.05
    return max(0.0, min(1.0, score))


def _month_key(m: dict) -> tuple[int, int]:
    """(year, month) of a mention; month 0 for year precision (blocked only with its year)."""
    return (m["_start"].year, 0 if m["date_precision"] == "year" else m["_start"].month)


def _block_keys(m: dict, rare: set[tuple]) -> set[tuple]:
    own = _month_key(m)
    months = {own}
    if m["date_precision"] == "day":
        nxt = m["_start"] + dt.timedelta(days=DAY_TOLERANCE)
        months.add((nxt.year, nxt.month))
    keys = set()
    for mo in months:
        for p in m["places"]:
            keys.add((mo, "p:" + p))
        for w in m["_words"]:
            if (own, w) in rare:
                keys.add((mo, "w:" + w))
    return keys


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))
        self.size = [1] * n

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        return ra


def prepare(recs: list[dict]) -> None:
    """Derived fields the scoring reads: fingerprint, words, IDF vector, places by level, period."""
    for r in recs:
        r["_fp"] = fingerprint(r["text"])
        r["_words"] = content_words(r["text"])
        r["_statement"] = is_statement(r["text"])
        r["_nums"] = _numbers(r["_words"])
        r["_period"] = period(r["date"], r["date_precision"])
        r["_start"] = r["_period"][0]
        governorates = {p[: -len(" Governorate")] for p in r["places"] if p.endswith(" Governorate")}
        if r.get("admin1"):
            governorates.add(r["admin1"])
        places = {p for p in r["places"] if not p.endswith(" Governorate") and p != "Syria"}
        r["_places"] = {"place": places, "governorate": governorates}
    idf = idf_weights([r["_words"] for r in recs])
    for r in recs:
        r["_vec"] = _vector(r["_words"], idf)


def resolve(mentions: pd.DataFrame) -> pd.DataFrame:
    """Add ``event_id``, ``match_rule`` and ``match_score`` to every mention."""
    # content order (mention ids hash document content), so file names and order never matter
    out = mentions.sort_values("mention_id", kind="mergesort").reset_index(drop=True)
    n = len(out)
    if n == 0:
        for c, dtype in (("event_id", "str"), ("match_rule", "str"), ("match_score", "float64")):
            out[c] = pd.Series([], dtype=dtype)
        return out
    recs = out.to_dict("records")
    prepare(recs)

    uf = _UnionFind(n)
    docs_of: dict[int, set[tuple]] = {i: {(recs[i]["doc_id"], recs[i]["section"])} for i in range(n)}
    span_of: dict[int, tuple[dt.date, dt.date]] = {i: recs[i]["_period"] for i in range(n)}

    def union(i: int, j: int) -> None:
        ri, rj = uf.find(i), uf.find(j)
        root = uf.union(ri, rj)
        other = rj if root == ri else ri
        docs_of[root] |= docs_of.pop(other)
        a, b = span_of.pop(other), span_of[root]
        # the event's possible time: where the clusters' periods meet (with the day tolerance)
        span_of[root] = (max(a[0], b[0]), min(a[1], b[1])) if periods_overlap(a, b, 0) else \
            (min(a[0], b[0]), max(a[1], b[1]))

    # 1. exact keys: identical text on the same date is one event, even within one document
    by_key: dict[tuple, list[int]] = defaultdict(list)
    for i, r in enumerate(recs):
        by_key[(r["_start"], r["date_precision"], r["_fp"])].append(i)
    for members in by_key.values():
        for j in members[1:]:
            union(members[0], j)

    # 2. blocking on (month, place) and (month, rare word)
    df_count: dict[tuple, int] = defaultdict(int)
    for r in recs:
        mo = _month_key(r)
        for w in r["_words"]:
            df_count[(mo, w)] += 1
    rare = {k for k, c in df_count.items() if c <= MAX_BLOCK}
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, r in enumerate(recs):
        for key in _block_keys(r, rare):
            blocks[key].append(i)
    candidates: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > MAX_BLOCK:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if recs[i]["_fp"] != recs[j]["_fp"] and periods_overlap(recs[i]["_period"], recs[j]["_period"]):
                    candidates.add((min(i, j), max(i, j)))

    # 3. score; 4. merge best-first under the cannot-link constraints
    scored = sorted(((pair_score(recs[i], recs[j]), i, j) for i, j in candidates), key=lambda t: (-t[0], t[1], t[2]))
    for s, i, j in scored:
        if s < THRESHOLD:
            break
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj or docs_of[ri] & docs_of[rj] or not periods_overlap(span_of[ri], span_of[rj]):
            continue
        union(i, j)

    # ids from the anchor's content; each other mention says why it belongs
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        clusters[uf.find(i)].append(i)
    event_id, rule, score = [""] * n, ["anchor"] * n, [1.0] * n
    for members in clusters.values():
        # the anchor: the mention whose content hash is smallest; the event id is that hash
        keyed = {i: stable_id("e", recs[i]["_start"].isoformat(), recs[i]["date_precision"], recs[i]["_fp"])
                 for i in members}
        anchor = min(members, key=lambda i: (keyed[i], i))
        for i in members:
            event_id[i] = keyed[anchor]
            if i == anchor:
                continue
            if recs[i]["_fp"] == recs[anchor]["_fp"]:
                rule[i] = "exact_text"
            else:
                rule[i] = "similarity"
                # two decimals: enough to explain, and IDF drift between builds does not churn releases
                score[i] = round(max(pair_score(recs[i], recs[k]) for k in members if recs[k]["_fp"] != recs[i]["_fp"]), 2)
    out["event_id"] = event_id
    out["match_rule"] = rule
    out["match_score"] = np.asarray(score, dtype="float64")
    return out


def _union(values) -> list[str]:
    return sorted({v for vs in values for v in vs})


GEO_RANK = {"place": 0, "governorate": 1, "country": 2}
EVENT_COLUMNS = ["event_id", "date", "date_precision", "summary", "n_mentions", "n_documents", "topics",
                 "context", "places", "actors", "location", "admin1", "latitude", "longitude", "geo_precision"]


def build_events(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per event: the most precise (then earliest) date; as summary the most informative
    mention (headline or related item before prose, then the most places/actors named, then the
    longest); unions of topics, context, places and actors; the most precise location."""
    if mentions.empty:
        return pd.DataFrame({c: [] for c in EVENT_COLUMNS})
    m = mentions.assign(
        _rank=mentions["date_precision"].map(PRECISION_RANK),
        _kind=(mentions["kind"] == "narrative").astype(int),
        _info=-(mentions["places"].map(len) + mentions["actors"].map(len)),
        _len=-mentions["text"].str.len(),
        _geo=mentions["geo_precision"].map(GEO_RANK).fillna(9),
    )
    best_date = m.sort_values(["event_id", "_rank", "date", "mention_id"]).drop_duplicates("event_id")
    best_text = m.sort_values(["event_id", "_kind", "_info", "_len", "mention_id"]).drop_duplicates("event_id")
    best_geo = m.sort_values(["event_id", "_geo", "location", "mention_id"]).drop_duplicates("event_id")
    g = m.groupby("event_id", sort=True)
    events = pd.DataFrame({
        "n_mentions": g.size(),
        "n_documents": g["doc_id"].nunique(),
        "topics": g["topics"].agg(_union),
        "context": g["context"].agg(_union),
        "places": g["places"].agg(_union),
        "actors": g["actors"].agg(_union),
    })
    events = events.join(best_date.set_index("event_id")[["date", "date_precision"]])
    events = events.join(best_text.set_index("event_id")["text"].rename("summary"))
    events = events.join(best_geo.set_index("event_id")[["location", "admin1", "latitude", "longitude", "geo_precision"]])
    return events.reset_index()[EVENT_COLUMNS]
