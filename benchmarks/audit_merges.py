"""Audit a build's merged events for false merges, outside the held-out labelled pairs (issue 13).

The labelled pairs of ``tests/quality/pairs.yaml`` are few; a build of ``seeds/`` holds thousands
of merged events whose members can show a false merge by themselves. This script reads every
event of a build with two or more mentions and lists the suspects, grouped by their likely cause.
An event holding a mention that contains a side of a **held-out** labelled pair (by document and
folded snippet, as ``score_pairs.py`` finds sides) is skipped before it is looked at: neither
counted nor printed (how many were skipped is said).

Groups (an event may be in several; a pair of members is counted once per group):

* ``two places``: two members each placed by their own words (``geo_basis`` stated) at a
  gazetteer place, the two places more than ``FAR_KM`` km apart;
* ``two facilities``: two members naming facilities the resolution's own rule tells apart
  (``pipeline.resolve._facilities_differ`` on ``facility_names``: "the Omar hospital" / "the Uday
  hospital");
* ``dates incompatible``: two members whose stated periods (a day, a range of days, a month, a
  year) cannot overlap, even with the report lag of ``resolve.DAY_TOLERANCE`` day;
* ``action kinds``: two members each telling one class of action only, and not the same one:
  attack (fighting, a chemical attack, an aircraft lost), capture (a capture, a withdrawal),
  agreement (an agreement, talks, a decision), from ``resolve.action_kinds``;
* ``report with attack``: a member that is speech about something or an inquiry's finding
  (``resolve.is_statement``, ``resolve.is_finding``), with a member that tells an attack and is no
  statement;
* ``long span``: the first days of the members of day precision span more than ``SPAN_DAYS`` days (a
  range told by one statement, "From 2 November to 13 May", is no span a merge made);
* ``very large``: ``n_mentions`` of at least ``LARGE``.

Near misses: the pairs a cannot-link rule kept apart (``event_mentions.cannot_link``), counted by
rule; they are the other half of what a round of labels is chosen from.

Decision: a diagnostic, not a test: many suspects are right (a month-long siege is one event of
many days; "Russia says its jets struck ..." may be more of the strike). The counts per group are
what a change to resolution is measured by (tests/quality/README.md).

    .venv/bin/python benchmarks/audit_merges.py --build outputs/latest                 # counts per group
    .venv/bin/python benchmarks/audit_merges.py --build outputs/latest --examples 5    # and examples
    .venv/bin/python benchmarks/audit_merges.py --build outputs/latest --group "two places" --examples 50
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from score_documents import contains, fold  # noqa: E402
from score_pairs import PAIRS_FILE, load_pairs  # noqa: E402

from pipeline import resolve as R  # noqa: E402

FAR_KM = 15.0       # two stated places further apart than this are two places (resolve.NEAR_KM is 5)
SPAN_DAYS = 7       # day-precision members spanning more days than this
LARGE = 12          # n_mentions of a very large event
GROUPS = ("two places", "two facilities", "dates incompatible", "action kinds", "report with attack",
          "long span", "very large")
CLASSES = {"fighting": "attack", "chemical": "attack", "aircraft_lost": "attack", "capture": "capture",
           "withdrawal": "capture", "agreement": "agreement", "talks": "agreement", "decision": "agreement"}
SHORT = {"current_events": "ce", "current_events_day": "ce", "wikipedia": "wp", "syrian_archive": "sa"}


def read_build(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    folder = Path(folder)
    if not (folder / "events.parquet").exists() and (folder / "latest" / "events.parquet").exists():
        folder = folder / "latest"
    docs = pd.read_parquet(folder / "documents.parquet", columns=["doc_id", "path", "format"])
    mentions = pd.read_parquet(folder / "event_mentions.parquet", columns=[
        "mention_id", "event_id", "doc_id", "kind", "text", "date", "date_precision", "date_end", "section",
        "location", "latitude", "longitude", "geo_precision", "geo_basis", "cannot_link"])
    mentions = mentions.merge(docs, on="doc_id", how="left")
    return docs, mentions


def heldout_sides(pairs: list[dict]) -> dict[str, list[str]]:
    """Document path -> the folded snippets of held-out pairs' sides in it."""
    out: dict[str, list[str]] = defaultdict(list)
    for p in pairs:
        if p.get("split") == "heldout":
            for side in (p["a"], p["b"]):
                out[side["document"]].append(fold(side["snippet"]))
    return out


def sealed_events(mentions: pd.DataFrame, sides: dict[str, list[str]]) -> set[str]:
    """Events holding a mention that contains a held-out pair's side: never looked at."""
    out = set()
    for path, text, event in mentions[["path", "text", "event_id"]].itertuples(index=False):
        snippets = sides.get(path)
        if snippets:
            t = fold(text)
            if any(contains(t, s) for s in snippets):
                out.add(event)
    return out


def period_of(m: dict) -> tuple[dt.date, dt.date]:
    start = pd.Timestamp(m["date"]).date()
    if m["date_precision"] == "year":
        return dt.date(start.year, 1, 1), dt.date(start.year, 12, 31)
    if m["date_precision"] == "month":
        nxt = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return start, nxt - dt.timedelta(days=1)
    end = m.get("date_end")
    return start, (pd.Timestamp(end).date() if end is not None and not pd.isna(end) else start)


def km(a: dict, b: dict) -> float | None:
    if any(pd.isna(x) for x in (a["latitude"], a["longitude"], b["latitude"], b["longitude"])):
        return None
    p1, p2 = math.radians(a["latitude"]), math.radians(b["latitude"])
    dp, dl = p2 - p1, math.radians(b["longitude"] - a["longitude"])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def features(m: dict) -> dict:
    text = m["text"]
    kinds = R.action_kinds(text)
    classes = frozenset(CLASSES[k] for k in kinds if k in CLASSES)
    return {"period": period_of(m), "classes": classes, "names": R.facility_names(text),
            "speech": (R.is_statement(text) or R.is_finding(text)), "kinds": kinds}


def pair_groups(a: dict, b: dict, fa: dict, fb: dict) -> list[str]:
    """The groups a pair of members of one event falls in (module docstring)."""
    out = []
    if a["geo_basis"] == "stated" and b["geo_basis"] == "stated" and a["geo_precision"] == b["geo_precision"] == "place" \
            and a["location"] != b["location"]:
        d = km(a, b)
        if d is not None and d > FAR_KM:
            out.append("two places")
    if R._facilities_differ(*fa["names"], *fb["names"]):
        out.append("two facilities")
    if not R.periods_overlap(fa["period"], fb["period"], R.DAY_TOLERANCE):
        out.append("dates incompatible")
    if len(fa["classes"]) == 1 and len(fb["classes"]) == 1 and fa["classes"] != fb["classes"] \
            and not fa["speech"] and not fb["speech"]:
        out.append("action kinds")
    for x, y in ((fa, fb), (fb, fa)):
        if x["speech"] and not y["speech"] and "attack" in y["classes"]:
            out.append("report with attack")
            break
    return out


def near_misses(mentions: pd.DataFrame, sealed: set[str]) -> dict[str, list[tuple[str, dict, dict]]]:
    """Rule -> the pairs of mentions it kept apart (``cannot_link``), each pair once, neither side in a
    sealed event."""
    by_id = {m["mention_id"]: m for m in mentions.to_dict("records")}
    out: dict[str, list[tuple[str, dict, dict]]] = defaultdict(list)
    seen = set()
    for m in by_id.values():
        for c in m["cannot_link"]:
            rule, other = (x.strip() for x in c.split(":", 1))
            o = by_id.get(other)
            key = (rule, *sorted((m["mention_id"], other)))
            if o is None or key in seen or m["event_id"] in sealed or o["event_id"] in sealed:
                continue
            seen.add(key)
            out[rule].append((f"{m['event_id']} / {o['event_id']}", m, o))
    return out


def audit(mentions: pd.DataFrame, sealed: set[str]) -> tuple[dict, dict, Counter, int]:
    """(group -> events, group -> [(event, a, b)], near misses by rule, events looked at)."""
    events: dict[str, set[str]] = defaultdict(set)
    pairs: dict[str, list[tuple[str, dict, dict]]] = defaultdict(list)
    near: Counter = Counter()
    looked = 0
    for event, group in mentions.groupby("event_id", sort=True):
        if event in sealed:
            continue
        members = group.sort_values("mention_id").to_dict("records")
        for m in members:
            for c in m["cannot_link"]:
                near[c.split(":", 1)[0]] += 1
        if len(members) < 2:
            continue
        looked += 1
        feats = [features(m) for m in members]
        for (a, fa), (b, fb) in itertools.combinations(zip(members, feats), 2):
            for g in pair_groups(a, b, fa, fb):
                events[g].add(event)
                pairs[g].append((event, a, b))
        days = sorted((f["period"][0], m["mention_id"], i) for i, (m, f) in enumerate(zip(members, feats))
                      if m["date_precision"] == "day")
        if days and (days[-1][0] - days[0][0]).days > SPAN_DAYS:
            events["long span"].add(event)          # (the first days told: a range told once spans no merge)
            pairs["long span"].append((event, members[days[0][2]], members[days[-1][2]]))
        if len(members) >= LARGE:
            events["very large"].add(event)
            texts = {}
            for m in members:
                texts.setdefault(fold(m["text"]), m)
            shown = list(texts.values())
            pairs["very large"].append((event, shown[0], shown[-1]))
    return events, pairs, near, looked


def side_key(m: dict) -> str:
    return f"{m['path']}\n{fold(m['text'])}"


def pair_order(a: dict, b: dict) -> str:
    """The order examples are shown in: the SHA-256 of the two sides (as pairs.yaml splits)."""
    return hashlib.sha256("\n".join(sorted([side_key(a), side_key(b)])).encode("utf-8")).hexdigest()


DRAFT_PER_EVENT = 2     # suspect member pairs drafted per event
DRAFT_PER_RULE = 1      # near misses drafted per cannot-link rule (same_document: 2)
DRAFT_WORDS = 14        # words of a statement's text its snippet takes


def _snippet(text: str) -> str:
    words = text.split()
    start = 1 if len(words) > DRAFT_WORDS + 2 else 0     # (the first word may be a heading's or a dash's)
    return " ".join(words[start:start + DRAFT_WORDS]).strip(" ,.;:\"'")


def draft(pairs: dict, near: dict, labelled: list[dict]) -> str:
    """A round of pairs chosen by rule (issue 13's acc13q round, the twenty-second): every group's suspect member
    pairs, at most ``DRAFT_PER_EVENT`` per event, and each cannot-link rule's first ``DRAFT_PER_RULE`` near misses
    (two of ``same_document``), all in ``pair_order``; a pair whose two texts fold alike (one statement in two
    pages), or that is labelled already (the same two documents and one side's text holding the other's
    snippet), is left out. Unlabelled (``same: null``): they are read and labelled by hand before scoring."""
    import yaml

    done = {(p["a"]["document"], p["b"]["document"]) for p in labelled} | \
        {(p["b"]["document"], p["a"]["document"]) for p in labelled}
    by_docs: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for p in labelled:
        by_docs[(p["a"]["document"], p["b"]["document"])].append(p)
        by_docs[(p["b"]["document"], p["a"]["document"])].append(p)

    def known(a: dict, b: dict) -> bool:
        if (a["path"], b["path"]) not in done:
            return False
        ta, tb = fold(a["text"]), fold(b["text"])
        for p in by_docs[(a["path"], b["path"])]:
            sa, sb = (p["a"], p["b"]) if p["a"]["document"] == a["path"] else (p["b"], p["a"])
            if contains(ta, fold(sa["snippet"])) and contains(tb, fold(sb["snippet"])):
                return True
        return False

    chosen: list[tuple[str, dict, dict]] = []
    seen: set[str] = set()

    def take(cause: str, a: dict, b: dict) -> bool:
        key = pair_order(a, b)
        if fold(a["text"]) == fold(b["text"]) or key in seen or known(a, b):
            return False
        seen.add(key)
        chosen.append((cause, a, b))
        return True

    for g in GROUPS:
        per_event: Counter = Counter()
        for event, a, b in sorted(pairs[g], key=lambda p: pair_order(p[1], p[2])):
            if per_event[event] < DRAFT_PER_EVENT and take(g, a, b):
                per_event[event] += 1
    for rule, found in sorted(near.items()):
        n = 0
        for _, a, b in sorted(found, key=lambda p: pair_order(p[1], p[2])):
            if n < (2 if rule == "same_document" else DRAFT_PER_RULE) and take(f"near miss: {rule}", a, b):
                n += 1
    out = []
    for cause, a, b in chosen:
        out.append({"a": {"document": a["path"], "snippet": _snippet(a["text"])},
                    "b": {"document": b["path"], "snippet": _snippet(b["text"])},
                    "same": None, "split": None, "note": f"({cause}) " + pd.Timestamp(a["date"]).date().isoformat()
                    + " / " + pd.Timestamp(b["date"]).date().isoformat()})
    return yaml.safe_dump(out, sort_keys=False, allow_unicode=True, width=200)


def _show(m: dict) -> str:
    date = pd.Timestamp(m["date"]).date().isoformat()
    where = f"{m['location']}/{m['geo_basis']}" if m["location"] else "-"
    return f"    [{SHORT.get(m['format'], m['format'])}] {m['path']} | {date} {m['date_precision']} | {where}\n" \
           f"      {m['text'][:300]}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", type=Path, default=ROOT / "outputs" / "latest")
    ap.add_argument("--examples", type=int, default=0, help="examples per group, in the order of pair_order")
    ap.add_argument("--group", help="only this group's examples")
    ap.add_argument("--draft", action="store_true", help="print the draft of a round of pairs (``draft``) as YAML")
    ap.add_argument("--near", type=int, default=0, help="near misses shown per cannot-link rule, in pair_order")
    args = ap.parse_args(argv)
    _, mentions = read_build(args.build)
    sealed = sealed_events(mentions, heldout_sides(load_pairs(PAIRS_FILE)))
    events, pairs, near, looked = audit(mentions, sealed)
    n_events = mentions["event_id"].nunique()
    print(f"events: {n_events:,}; merged (2+ mentions) looked at: {looked:,}; "
          f"skipped (hold a held-out pair's side): {len(sealed):,}")
    print(f"{'group':<22}{'events':>8}{'member pairs':>14}")
    for g in GROUPS:
        print(f"{g:<22}{len(events[g]):>8}{len(pairs[g]):>14}")
    print(f"{'any group':<22}{len(set().union(*events.values())):>8}")
    print("near misses (cannot_link entries, each pair counted from both sides) by rule:")
    for rule, n in sorted(near.items(), key=lambda x: (-x[1], x[0])):
        print(f"  {rule:<20}{n:>8}")
    if args.draft:
        print(draft(pairs, near_misses(mentions, sealed), load_pairs(PAIRS_FILE)))
    if args.examples:
        for g in GROUPS:
            if args.group and g != args.group:
                continue
            shown = sorted(pairs[g], key=lambda p: pair_order(p[1], p[2]))[:args.examples]
            print(f"\n== {g} ({len(pairs[g])} member pairs; {len(shown)} shown)")
            for event, a, b in shown:
                print(f"  event {event}")
                print(_show(a))
                print(_show(b))
    if args.near:
        for rule, found in sorted(near_misses(mentions, sealed).items()):
            shown = sorted(found, key=lambda p: pair_order(p[1], p[2]))[:args.near]
            print(f"\n== near miss: {rule} ({len(found)} pairs; {len(shown)} shown)")
            for events_, a, b in shown:
                print(f"  events {events_}")
                print(_show(a))
                print(_show(b))
    return 0


if __name__ == "__main__":
    sys.exit(main())
