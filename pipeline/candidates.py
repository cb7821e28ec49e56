"""Candidate pairs of event resolution as SQL: the blocking self-join and the vectorised score.

``pipeline.resolve`` hands this module its mentions as Arrow tables (one row per mention, and the
exploded per-mention sets: months, places, content words, all words, as integer ids) and gets back, as numpy
arrays, the pairs worth a closer look. The SQL below is plain DuckDB SQL over those tables (no
Python in the loop); run as Spark SQL over the same columns it gives the same pairs (README,
"Scaling"). What it computes, in the terms of ``pipeline.resolve``'s docstring:

- ``BLOCKING_SQL``: the blocking keys of each mention (its places, and its content words rare
  within its month), split into sub-blocks by period ((key, day), (key, month) for month-precision
  mentions, (key, year): ``find_pairs`` says why no pair left out could merge); the size of every
  sub-block; and the candidate pairs: two mentions sharing a sub-block (under a place, a month- or
  year-precision mention and another sharing a token), with different text fingerprints and
  overlapping periods (a day of tolerance). No block is capped by default; with a ``cap`` (a
  safety valve), sub-blocks over it are counted (``blocks_over_cap``,
  ``pairs_in_blocks_over_cap``), never dropped silently.
- ``SCORE_SQL``: ``pipeline.resolve.pair_score`` of every candidate pair, in SQL (cosine of the
  IDF-weighted content words, plus and minus the evidence terms); pairs below the threshold (less
  a float margin) go no further. The evidence terms that compare two sets (places, numbers, kinds
  of action, actors) are computed only for the pairs whose upper bound (the cosine, the scalar
  terms, and each set term at its most where both sets are non-empty) reaches the threshold: at
  5,000 documents about one candidate pair in seven (the same pairs kept, tested). For the pairs that pass, the evidence terms (one column each)
  and the words they share (``SHARED_WORDS_SQL``, in sorted word order) go to
  ``pipeline.resolve.exact_scores``, which sums them with numpy in ``pair_score``'s order, so
  the published score is ``pair_score``'s to the last bit, whatever order DuckDB's threads sum
  in. ``tests/test_candidates.py`` checks the three agree.
- ``NEAR_DUPLICATE_SQL``: pairs of one document, one date, whose word sets overlap enough
  (Jaccard >= ``near``, less a margin) to be a statement repeated with a word changed, in the
  order the merge takes them.

Every result is ordered (``ORDER BY``) so that DuckDB's threads never change the outcome.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

MARGIN = 1e-6            # SQL scores and overlaps may differ from Python's in the last bits
MEMORY_LIMIT = "384MB"   # DuckDB's memory for the candidate pairs; beyond it, it spills to a temporary folder (at 217,000 mentions 384 MB: ~0.08 GB less peak RSS than 512 MB for ~10% more CPU of the SQL, 256 MB ~0.16 GB less for ~50% more; 1 GB was 0.45 GB more than 512 MB; BENCHMARKS.md, perf-mem, perf-rss)
SMALL_INPUT = 10_000     # mentions: up to this many, DuckDB runs on one thread (on 452 and 8,251 mentions, the five seeds and seeds/, its second thread was 10-20% more CPU for the same wall and 4-10 MB more peak RSS: BENCHMARKS.md, perf-small4; above, the threads of a 2-core machine pay)

BLOCKING_SQL = """
-- the sets pair_score compares: places finer than a governorate, governorates (named, or of a
-- stated location: pipeline.resolve.place_levels), actors
CREATE TEMP TABLE m AS
    SELECT i, fp, start, stop, prec, doc, statement, n_all, kinds, nums,
        list_distinct(list_filter(places, lambda p: NOT ends_with(p, ' Governorate') AND p <> 'Syria')) AS place_set,
        list_distinct(list_concat(
            list_transform(list_filter(places, lambda p: ends_with(p, ' Governorate')),
                           lambda p: left(p, length(p) - length(' Governorate'))),
            CASE WHEN stated AND coalesce(admin1, '') <> '' THEN [admin1] ELSE [] END)) AS gov_set,
        list_distinct(actors) AS actors
    FROM m_in;
-- the scalar columns of m, and whether each evidence set is empty (the bound of SCORE_SQL's ``bounded``)
CREATE TEMP TABLE ms AS
    SELECT i, prec, start, statement, coalesce(len(place_set), 0) > 0 AS has_place,
        coalesce(len(gov_set), 0) > 0 AS has_gov, coalesce(len(nums), 0) > 0 AS has_nums,
        coalesce(len(kinds), 0) > 0 AS has_kinds, coalesce(len(actors), 0) AS n_actors
    FROM m;
-- how many mentions of a month use each content word (a word is a blocking key where it is rare)
CREATE TEMP TABLE month_df AS
    SELECT own_mo, word, count(*) AS n FROM words GROUP BY own_mo, word;
-- blocking keys: places and words rare within the mention's month (place and word ids: even and odd keys)
CREATE TEMP TABLE keys AS
    SELECT i, 2 * place AS key FROM places
    UNION
    SELECT w.i, 2 * w.word + 1 AS key
    FROM words w JOIN month_df d ON d.own_mo = w.own_mo AND d.word = w.word
    WHERE d.n <= $rare;
-- the sub-blocks (see find_pairs): a day-precision mention under (key, day) for the day-precision mentions
-- it may meet; under (key, month) for the month-precision ones, a day-precision mention under the months
-- of its day and of the next day, a month-precision one under its month; a year-precision one under
-- (key, year)
CREATE TEMP TABLE by_day AS      -- (a stated range of days, "On 12-13 January": under each of its days)
    SELECT k.i, k.key, unnest(range(m.start, m.stop + 1)) AS slot FROM keys k JOIN m ON m.i = k.i WHERE m.prec = 0;
CREATE TEMP TABLE by_month AS
    SELECT DISTINCT k.i, k.key, mo.mo AS slot, m.prec FROM keys k JOIN m ON m.i = k.i JOIN months mo ON mo.i = k.i
    WHERE m.prec < 2;
CREATE TEMP TABLE by_year AS
    SELECT DISTINCT k.i, k.key, mo.mo AS slot FROM keys k JOIN m ON m.i = k.i JOIN months mo ON mo.i = k.i WHERE m.prec = 2;
-- the size of every sub-block that gives pairs, and the pairs within it (a month's: its month-precision
-- mentions with each other and with its day-precision ones)
CREATE TEMP TABLE blocks AS
    SELECT 'day' AS kind, key, slot, count(*) AS n, count(*) * (count(*) - 1) // 2 AS pairs
    FROM by_day GROUP BY key, slot
    UNION ALL
    SELECT 'month', key, slot, count(*), n_month * (count(*) - n_month) + n_month * (n_month - 1) // 2
    FROM (SELECT key, slot, count(*) FILTER (WHERE prec = 1) OVER (PARTITION BY key, slot) AS n_month FROM by_month)
    WHERE n_month > 0 GROUP BY key, slot, n_month
    UNION ALL
    SELECT 'year', key, slot, count(*), count(*) * (count(*) - 1) // 2 FROM by_year GROUP BY key, slot;
CREATE TEMP TABLE over_cap AS SELECT kind, key, slot FROM blocks WHERE n > $cap;
CREATE TEMP TABLE day_kept AS
    SELECT x.* FROM by_day x ANTI JOIN over_cap o ON o.kind = 'day' AND o.key = x.key AND o.slot = x.slot;
CREATE TEMP TABLE month_kept AS
    SELECT x.* FROM by_month x ANTI JOIN over_cap o ON o.kind = 'month' AND o.key = x.key AND o.slot = x.slot;
CREATE TEMP TABLE year_kept AS
    SELECT x.* FROM by_year x ANTI JOIN over_cap o ON o.kind = 'year' AND o.key = x.key AND o.slot = x.slot;
-- the tokens of a mention: content words (ids >= 0) and numbers (ids < 0)
CREATE TEMP TABLE tokens AS SELECT i, word AS tok FROM words UNION ALL SELECT i, -1 - num FROM nums;
-- under a place, a month- or year-precision mention meets the mentions of its period only where they share a
-- token (find_pairs: without one such a pair cannot reach the threshold)
CREATE TEMP TABLE month_place_tok AS
    SELECT x.i, x.key, x.slot, x.prec, t.tok FROM month_kept x JOIN tokens t ON t.i = x.i WHERE x.key % 2 = 0;
CREATE TEMP TABLE year_place_tok AS
    SELECT x.i, x.key, x.slot, t.tok FROM year_kept x JOIN tokens t ON t.i = x.i WHERE x.key % 2 = 0;
-- within one document, a year-precision mention meets the month- and day-precision mentions of its year under a
-- key they share, where they share a token: an article sums up by the year, or by a season, what its body or a
-- list tells by the month or the day ("In the fall of 2013 ... was killed" / "... – November 2013 – Syria"); bounded
-- by one document's mentions of one year (find_pairs; pipeline.resolve.YEAR_WITHIN_THRESHOLD: how strong such a
-- pair must be)
CREATE TEMP TABLE doc_year AS
    SELECT DISTINCT k.i, k.key, m.doc, year(DATE '1970-01-01' + CAST(m.start AS INTEGER)) AS yr, m.prec
    FROM keys k JOIN m ON m.i = k.i;
-- the self-joins: every pair of mentions sharing a sub-block, once, as one integer key a * $span + b (a < b < $span:
-- one column to make distinct, join and group on is cheaper than two; ``//`` and ``%`` give a and b back)
CREATE TEMP TABLE pairs AS
    SELECT DISTINCT a * $span + b AS k FROM (
        -- the same day
        SELECT x.i AS a, y.i AS b FROM day_kept x JOIN day_kept y ON x.key = y.key AND x.slot = y.slot AND x.i < y.i
        UNION ALL
        -- a day and one of the next $tolerance days
        SELECT least(x.i, y.i), greatest(x.i, y.i) FROM day_kept x
        JOIN (SELECT d.i, d.key, d.slot - s.step AS slot FROM day_kept d, range(1, $tolerance + 1) s(step)) y
        ON x.key = y.key AND x.slot = y.slot
        UNION ALL
        -- a month-precision mention and the mentions of its month: under a rare word
        SELECT least(x.i, y.i), greatest(x.i, y.i) FROM month_kept x
        JOIN month_kept y ON x.key = y.key AND x.slot = y.slot AND x.i <> y.i WHERE x.prec = 1 AND x.key % 2 = 1
        UNION ALL
        -- ... and under a place, sharing a token
        SELECT least(x.i, y.i), greatest(x.i, y.i) FROM month_place_tok x
        JOIN month_place_tok y ON x.key = y.key AND x.slot = y.slot AND x.tok = y.tok AND x.i <> y.i WHERE x.prec = 1
        UNION ALL
        -- year-precision mentions of one year: under a rare word
        SELECT x.i, y.i FROM year_kept x JOIN year_kept y ON x.key = y.key AND x.slot = y.slot AND x.i < y.i
        WHERE x.key % 2 = 1
        UNION ALL
        -- ... and under a place, sharing a token
        SELECT x.i, y.i FROM year_place_tok x
        JOIN year_place_tok y ON x.key = y.key AND x.slot = y.slot AND x.tok = y.tok AND x.i < y.i
        UNION ALL
        -- a year-precision mention and the month- and day-precision mentions of its year in its document
        SELECT least(x.i, y.i), greatest(x.i, y.i) FROM doc_year x
        JOIN doc_year y ON x.key = y.key AND x.doc = y.doc AND x.yr = y.yr AND x.i <> y.i
        JOIN tokens tx ON tx.i = x.i JOIN tokens ty ON ty.i = y.i AND ty.tok = tx.tok
        WHERE x.prec = 2 AND y.prec < 2);
CREATE TEMP TABLE candidates AS
    SELECT p.k FROM pairs p JOIN m ma ON ma.i = p.k // $span JOIN m mb ON mb.i = p.k % $span
-- different texts (exact text is merged before), periods overlapping (with a day's tolerance)
    WHERE ma.fp <> mb.fp AND ma.start <= mb.stop + $tolerance AND mb.start <= ma.stop + $tolerance;
"""

BLOCK_STATS_SQL = """
SELECT count(*) FILTER (WHERE n > $cap) AS blocks_over_cap,
       coalesce(sum(pairs) FILTER (WHERE n > $cap), 0) AS pairs_in_blocks_over_cap,
       coalesce(max(n), 0) AS largest_block,
       (SELECT count(*) FROM candidates) AS candidate_pairs
FROM blocks
"""

SCORE_SQL = """
-- the blocking's tables are done with (DuckDB's memory back for the scoring)
DROP TABLE pairs;
DROP TABLE month_place_tok;
DROP TABLE year_place_tok;
DROP TABLE doc_year;
DROP TABLE tokens;
DROP TABLE day_kept;
DROP TABLE month_kept;
DROP TABLE year_kept;
DROP TABLE by_day;
DROP TABLE by_month;
DROP TABLE by_year;
DROP TABLE keys;
-- smoothed inverse document frequency of each content word over all mentions (as scikit-learn)
CREATE TEMP TABLE idf AS SELECT word, ln((1 + $n) / (1 + count(*))) + 1 AS idf FROM words GROUP BY word;
CREATE TEMP TABLE norm AS
    SELECT w.i, sqrt(sum(idf.idf * idf.idf)) AS norm FROM words w JOIN idf ON idf.word = w.word GROUP BY w.i;
CREATE TEMP TABLE vec AS
    SELECT w.i, w.word, w.i * $w + w.word AS k, idf.idf / norm.norm AS v, w.weapon
    FROM words w JOIN idf ON idf.word = w.word JOIN norm ON norm.i = w.i;
-- cosine of the word vectors of each candidate pair, and whether a shared word names a weapon or
-- an event type: the words of a, each looked up among the words of b by one integer key
-- (b, word) (joined on two columns, DuckDB may join the two word lists on the word first, which
-- for a common word is every pair of the mentions using it)
CREATE TEMP TABLE shared AS
    SELECT pw.k, sum(pw.v * vb.v) AS cosine, bool_or(pw.weapon) AS weapon
    FROM (SELECT c.k, c.k % $span * $w + va.word AS kb, va.v, va.weapon FROM candidates c JOIN vec va ON va.i = c.k // $span) pw
    JOIN vec vb ON vb.k = pw.kb
    GROUP BY pw.k;
-- an upper bound of each pair's score from its cosine and its scalar terms, each evidence term of two sets
-- counted at its most where both sets are non-empty (a place +0.15, else a governorate +0.05; a number
-- +0.1; a kind of action +0.05, +0.05 more with both places on one day; the actors their fewer, less
-- one, times 0.03): a pair whose bound is under the threshold (less twice the float margin: the bound
-- and the score are sums in other orders) cannot reach it, and its evidence is not computed (most
-- candidate pairs: the sets' joins were most of the SQL, BENCHMARKS.md perf-incr3)
CREATE TEMP TABLE bounded AS SELECT * FROM (
    SELECT c.k // $span AS a, c.k % $span AS b, coalesce(s.cosine, 0.0) AS cosine, coalesce(s.weapon, false) AS same_weapon,
        ma.prec = 0 AND mb.prec = 0 AS both_days, ma.start = mb.start AS same_start,
        ma.statement <> mb.statement AS one_statement,
        coalesce(s.cosine, 0.0)
        + CASE WHEN ma.has_place AND mb.has_place THEN 0.15 WHEN ma.has_gov AND mb.has_gov THEN 0.05 ELSE 0.0 END
        + CASE WHEN ma.has_nums AND mb.has_nums THEN 0.1 ELSE 0.0 END
        + CASE WHEN coalesce(s.weapon, false) THEN 0.05 ELSE 0.0 END
        + CASE WHEN ma.has_kinds AND mb.has_kinds THEN 0.1 ELSE 0.0 END
        + 0.03 * least(3, greatest(0, least(ma.n_actors, mb.n_actors) - 1))
        - CASE WHEN ma.statement <> mb.statement THEN 0.2 ELSE 0.0 END
        - CASE WHEN ma.prec = 0 AND mb.prec = 0 THEN (CASE WHEN ma.start = mb.start THEN 0.0 ELSE 0.1 END)
               ELSE 0.05 END AS bound
    FROM candidates c JOIN ms ma ON ma.i = c.k // $span JOIN ms mb ON mb.i = c.k % $span
    LEFT JOIN shared s ON s.k = c.k) WHERE bound >= $threshold - 2 * $margin;
-- the evidence terms of pair_score, one column each (of the pairs within the bound)
CREATE TEMP TABLE evidence AS
    SELECT p.a, p.b, p.cosine,
        coalesce(list_has_any(ma.place_set, mb.place_set), false) AS same_place,
        coalesce(list_has_any(ma.gov_set, mb.gov_set), false) AS same_governorate,
        coalesce(list_has_any(ma.nums, mb.nums), false) AS same_number,
        p.same_weapon,
        coalesce(list_has_any(ma.kinds, mb.kinds), false) AS same_action,
        p.both_days, p.same_start,
        coalesce(len(list_intersect(ma.actors, mb.actors)), 0) AS shared_actors,
        p.one_statement
    FROM bounded p JOIN m ma ON ma.i = p.a JOIN m mb ON mb.i = p.b;
DROP TABLE bounded;
DROP TABLE shared;
DROP TABLE candidates;
-- pair_score: the cosine plus and minus the evidence terms, clamped to [0, 1]; the pairs that reach
-- the threshold (less the float margin)
CREATE TEMP TABLE kept_pairs AS SELECT * FROM (
    SELECT *, greatest(0.0, least(1.0,
        cosine
        + CASE WHEN same_place THEN 0.15 WHEN same_governorate THEN 0.05 ELSE 0.0 END
        + CASE WHEN same_number THEN 0.1 ELSE 0.0 END
        + CASE WHEN same_weapon THEN 0.05 ELSE 0.0 END
        + CASE WHEN same_action THEN 0.05 + CASE WHEN same_place AND both_days AND same_start THEN 0.05 ELSE 0.0 END
               ELSE 0.0 END
        + 0.03 * least(3, greatest(0, shared_actors - 1))
        - CASE WHEN one_statement THEN 0.2 ELSE 0.0 END
        - CASE WHEN both_days THEN (CASE WHEN same_start THEN 0.0 ELSE 0.1 END) ELSE 0.05 END)) AS score
    FROM evidence) WHERE score >= $threshold - $margin;
DROP TABLE evidence;
SELECT * EXCLUDE (cosine) FROM kept_pairs ORDER BY a, b
"""

# the content words each kept pair shares, in the words' sorted order, for the exact cosine
SHARED_WORDS_SQL = """
SELECT pw.a, pw.b, pw.word
FROM (SELECT k.a, k.b, va.word, k.b * $w + va.word AS kb FROM kept_pairs k JOIN vec va ON va.i = k.a) pw
SEMI JOIN vec vb ON vb.k = pw.kb
JOIN word_rank r ON r.word = pw.word
ORDER BY pw.a, pw.b, r.rank
"""

# after the scores and the near duplicates: what the shared words do not read
RELEASE_SQL = """
DROP TABLE m;
DROP TABLE ms;
DROP TABLE month_df;
DROP TABLE blocks;
DROP TABLE over_cap;
DROP TABLE idf;
DROP TABLE norm;
"""

NEAR_DUPLICATE_SQL = """
WITH grouped AS (   -- mentions of one document and one date, in groups of at most the cap
    SELECT i, doc, start, prec, fp, n_all,
           min(i) OVER g AS first, count(*) OVER g AS size
    FROM m WINDOW g AS (PARTITION BY doc, start, prec)),
pairs AS (
    SELECT x.first, x.i AS a, y.i AS b, x.n_all AS na, y.n_all AS nb FROM grouped x JOIN grouped y
    ON x.doc = y.doc AND x.start = y.start AND x.prec = y.prec AND x.i < y.i
    WHERE x.size <= $cap AND x.fp <> y.fp AND x.n_all > 0 AND y.n_all > 0),
pair_words AS MATERIALIZED (SELECT p.first, p.a, p.b, p.na, p.nb, wa.word FROM pairs p JOIN all_words wa ON wa.i = p.a)
SELECT a, b FROM (
    SELECT pw.first, pw.a, pw.b, count(*) AS common, any_value(pw.na) AS na, any_value(pw.nb) AS nb
    FROM pair_words pw JOIN all_words wb ON wb.i = pw.b AND wb.word = pw.word
    GROUP BY pw.first, pw.a, pw.b) WHERE common / (na + nb - common) >= $near - $margin ORDER BY first, a, b
"""


@dataclass
class Pairs:
    scored: dict[str, np.ndarray]  # candidate pairs whose SQL score reaches the threshold: a, b, score, evidence
    shared: dict[str, np.ndarray]  # a, b, word: the words they share, by pair and sorted word
    near_a: np.ndarray             # near-duplicate candidates within a document, in merge order
    near_b: np.ndarray
    stats: dict


def find_pairs(tables: dict[str, pa.Table], n: int, cap: int | None, tolerance: int, threshold: float,
               near: float, rare: int = 60) -> Pairs:
    """Run the SQL above over ``tables`` (``m_in``, ``months``, ``places``, ``words``, ``all_words``,
    ``nums``, ``word_rank``: see ``pipeline.resolve._sql_tables``). ``rare``: a content word is a
    blocking key in a month where at most this many mentions use it. ``cap``: a safety valve, the
    largest sub-block paired (None, the default of ``pipeline.resolve``: all); sub-blocks over it
    are counted with the pairs they hold (``blocks_over_cap``, ``pairs_in_blocks_over_cap``).

    **Sub-blocks, and why no pair left out could merge.** A block is a blocking key (a place, or a
    word rare in the month) in a month; in a dense month a block of a large place held a thousand
    mentions and half a million pairs, most of which the period filter then threw away. So a block is
    split by the periods of its mentions, and only pairs that could reach ``threshold`` meet:

    1. Two mentions are candidates only if their periods overlap with ``tolerance`` days of slack
       (otherwise the merge refuses them anyway: ``different_period``). Two day-precision mentions
       more than ``tolerance`` days apart never overlap: they meet in the sub-block (key, day),
       and each day's sub-block meets those of the next ``tolerance`` days (a mention stating a
       range of days is under each of its days). A month-precision
       mention overlaps every day of its month and the last day of the month before: it meets, in
       the sub-block (key, month), the mentions dated in that month or on the day before it, and
       the other month-precision mentions of that month. Year precision meets year precision of
       its year (as the month blocks always did: ``(year, 0)``), and, within its own document only, the
       month- and day-precision mentions of its year that share a token with it under a key (an
       article's summing-up by the year against its body; bounded by one document's mentions of one
       year, not capped). These are exactly the pairs of the whole block that pass the period filter,
       and those year pairs.
    2. Under a place, a month- or year-precision mention meets a mention only where the two share a
       token (a content word or a number). Without one, ``pipeline.resolve.pair_score`` has no
       cosine, no shared number (+0.1) and no shared weapon word (+0.05; weapon words are content
       words); what is left is at most the same place (+0.15), the same kind of action (+0.05; its
       further +0.05 needs both dated to the same day), shared actors (+0.09 at most), less 0.05
       because not both are dated to the day: 0.24, under the threshold of 0.25
       (``tests/test_candidates.py`` checks this bound against ``pair_score``). Between
       day-precision mentions of one place and one day the same sum reaches 0.34, so those pairs
       all meet; they are few (one day's mentions of one place), and under a rare word the pair
       shares that word by construction."""
    import tempfile

    spill = tempfile.TemporaryDirectory(prefix="resolve-duckdb-")
    # out of core: DuckDB spills joins and aggregates to disk beyond MEMORY_LIMIT (its default, 80%
    # of the machine's memory, let one resolution of 211,000 mentions grow to 19 GB)
    config: dict[str, str | bool | int | float | list[str]] = {
        "memory_limit": MEMORY_LIMIT, "temp_directory": spill.name, "preserve_insertion_order": False}
    if n <= SMALL_INPUT:        # every result is ordered (ORDER BY): the threads change no outcome
        config["threads"] = 1
    con = duckdb.connect(":memory:", config=config)
    values = {"cap": np.iinfo(np.int64).max if cap is None else int(cap), "rare": int(rare), "tolerance": int(tolerance),
              "w": int(tables["word_rank"].num_rows),
              # (a pair's key a * span + b: above every mention row)
              "span": int(pc.max(tables["m_in"].column("i")).as_py() or 0) + 1 if tables["m_in"].num_rows else 1,
              "n": float(n), "threshold": float(threshold), "near": float(near), "margin": MARGIN}
    try:
        for name, table in tables.items():
            con.register(name, table)
        _run(con, BLOCKING_SQL, values)
        over, over_pairs, largest, n_candidates = _run(con, BLOCK_STATS_SQL, values).fetchone()
        scored = _run(con, SCORE_SQL, values).fetchnumpy()
        near_pairs = _run(con, NEAR_DUPLICATE_SQL, values).fetchnumpy()
        # the largest result last, with only the tables it reads left (DuckDB's memory back first)
        _run(con, RELEASE_SQL + "SELECT 1", values).fetchall()
        shared = _fetch_int32(con, _sql(SHARED_WORDS_SQL, values), ("a", "b", "word"))
    finally:
        con.close()
        spill.cleanup()
    return Pairs({k: np.asarray(v) for k, v in scored.items()}, shared,
                 np.asarray(near_pairs["a"], np.int64), np.asarray(near_pairs["b"], np.int64),
                 {"candidate_pairs": int(n_candidates), "blocks_over_cap": int(over),
                  "pairs_in_blocks_over_cap": int(over_pairs), "largest_block": int(largest)})


FETCH_ROWS = 1 << 20     # rows of a streamed result converted at once (``_fetch_int32``)


def _fetch_int32(con: duckdb.DuckDBPyConnection, query: str, columns: tuple[str, ...]) -> dict[str, np.ndarray]:
    """The integer ``columns`` of ``query``'s result as int32 numpy arrays (row numbers and word
    ids fit: fewer than 2**31 of either), streamed ``FETCH_ROWS`` rows at a time: ``fetchnumpy``
    held DuckDB's whole result and its int64 copy at once (the shared words of the scored pairs
    are the largest result: ~15 M rows at 10,000 documents)."""
    parts: dict[str, list[np.ndarray]] = {c: [] for c in columns}
    for batch in con.sql(query).to_arrow_reader(FETCH_ROWS):
        for c in columns:
            values = batch.column(c).to_numpy()
            if len(values) and (values.min() < np.iinfo(np.int32).min or values.max() > np.iinfo(np.int32).max):
                raise OverflowError(f"{c} does not fit in 32 bits")
            parts[c].append(values.astype(np.int32))
    out = {}
    for c in columns:       # a column's parts let go as soon as it is one array
        out[c] = np.concatenate(parts.pop(c)) if parts[c] else np.zeros(0, np.int32)
    return out


def _run(con: duckdb.DuckDBPyConnection, script: str, values: dict[str, float | int]):
    """Run the statements of ``script`` (separated by ";" at the end of a line) in order; the
    result of the last. Each intermediate is a table of its own (DuckDB plans joins over
    materialised tables far better than over a chain of CTEs)."""
    statements = [s for s in script.split(";\n") if s.strip()]
    for statement in statements[:-1]:
        con.execute(_sql(statement, values))
    return con.execute(_sql(statements[-1], values))


def _sql(text: str, values: dict[str, float | int]) -> str:
    """``text`` with each ``$name`` replaced by its number (numbers only, so nothing to escape;
    DuckDB does not take parameters in CREATE TABLE AS)."""
    for name in sorted(values, key=len, reverse=True):
        text = text.replace(f"${name}", repr(values[name]))
    return text
