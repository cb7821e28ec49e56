"""What moves with the corpus when one document is added (issue 11: can resolution's SQL be local?).

    .venv/bin/python benchmarks/bench_locality.py BEFORE/extracted_mentions.parquet AFTER/extracted_mentions.parquet CACHE

Given the ``extracted_mentions`` stage of a build and of the build after one added document (and a
build cache holding their text features, ``<cache>/resolve``), prints

- for the word weights of ``pipeline.resolve`` (``ln((1 + n) / (1 + df)) + 1`` over all mentions)
  and for quantised variants of them: how many words' weights move and how many mentions of the
  first build have a word vector that moves (each such vector moves the score of every pair of it);
- for the blocking keys (content words rare within the mention's month, ``RARE_WORD``): the new
  mentions and the months they fall in, the mentions of the first build whose keys change, and
  how many mentions the touched months hold.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def load(stage: Path, cache: Path) -> tuple[list[str], list[tuple[str, ...]], list[int]]:
    """Mention ids, content words and month key (year * 13 + month; month 0 for year precision)."""
    import numpy as np
    import pandas as pd
    import pyarrow.parquet as pq

    from pipeline.resolve import mention_features

    df = pq.read_table(stage, columns=["mention_id", "text", "date", "date_precision"]).to_pandas()
    feats, row_of, _ = mention_features(df["text"].tolist(), cache)
    words = feats.column("words").to_pylist()
    d = pd.to_datetime(df["date"])
    month = d.dt.year * 13 + np.where(df["date_precision"].astype(str) == "year", 0, d.dt.month)
    return df["mention_id"].tolist(), [tuple(words[r]) for r in row_of], month.tolist()


def weights(word_sets, scheme) -> dict[str, float]:
    df: dict[str, int] = {}
    for ws in word_sets:
        for w in ws:
            df[w] = df.get(w, 0) + 1
    return {w: scheme(len(word_sets), c) for w, c in df.items()}


def idf(n: int, c: int) -> float:
    return math.log((1 + n) / (1 + c)) + 1


def stepped(q: float):
    return lambda n, c: round(idf(n, c) / q) * q


def power_of_two(ratio: float | None):
    """n rounded up to a power of two; df (1 + df) rounded down to a power of ``ratio`` (None: exact)."""
    def scheme(n: int, c: int) -> float:
        nq = 2 ** math.ceil(math.log2(n))
        cq = 1 + c if ratio is None else ratio ** math.floor(math.log(1 + c, ratio))
        return math.log((1 + nq) / cq) + 1
    return scheme


SCHEMES = {"ln((1 + n) / (1 + df)) + 1 (resolve)": idf, "the same in steps of 0.05": stepped(0.05),
           "in steps of 0.1": stepped(0.1), "in steps of 0.25": stepped(0.25),
           "n up to a power of 2, df exact": power_of_two(None),
           "n up to a power of 2, df down to a power of 2^(1/4)": power_of_two(2 ** 0.25),
           "n up to a power of 2, df down to a power of 2": power_of_two(2.0)}


def blocking_keys(word_sets, months, rare: int) -> list[frozenset[str]]:
    count: dict[tuple[int, str], int] = {}
    for ws, mo in zip(word_sets, months):
        for w in ws:
            count[(mo, w)] = count.get((mo, w), 0) + 1
    return [frozenset(w for w in ws if count[(mo, w)] <= rare) for ws, mo in zip(word_sets, months)]


def main(argv: list[str]) -> None:
    from pipeline.resolve import RARE_WORD

    before, after, cache = Path(argv[0]), Path(argv[1]), Path(argv[2])
    a_ids, a_words, a_months = load(before, cache)
    b_ids, b_words, b_months = load(after, cache)
    old = set(a_ids)
    print(f"mentions {len(a_ids):,} -> {len(b_ids):,} ({len(b_ids) - len(old & set(b_ids)):,} new)")
    for name, scheme in SCHEMES.items():
        wa, wb = weights(a_words, scheme), weights(b_words, scheme)
        moved = {w for w in wa if w in wb and wa[w] != wb[w]}
        vectors = sum(1 for m, ws in zip(b_ids, b_words) if m in old and any(w in moved for w in ws))
        print(f"  {name:<52} words moved {len(moved):>6,} of {len(wa):>6,}; vectors moved {vectors:>8,} "
              f"({vectors / len(a_ids):.1%})")
    ka = dict(zip(a_ids, blocking_keys(a_words, a_months, RARE_WORD)))
    kb = blocking_keys(b_words, b_months, RARE_WORD)
    new = [i for i, m in enumerate(b_ids) if m not in ka]
    changed = [i for i, m in enumerate(b_ids) if m in ka and ka[m] != kb[i]]
    touched = {b_months[i] for i in new}
    print(f"  blocking: the new mentions fall in {len(touched)} months, which hold "
          f"{sum(1 for mo in b_months if mo in touched):,} mentions; {len(changed):,} mentions of the first build "
          f"change their keys (in {len({b_months[i] for i in changed})} months)")


if __name__ == "__main__":
    main(sys.argv[1:])
