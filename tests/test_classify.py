"""Event types and scope (issue 9, item 7): one rule per type, real statements from seeds/."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest

from pipeline.classify import EVENT_TYPES, classify, event_type_of, in_scope
from schemas.tables import EVENT_TYPES as SCHEMA_EVENT_TYPES

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

CASES = [
    ("chemical_attack", "Six people are killed in a suspected chlorine gas attack in Aleppo"),
    ("shootdown_or_crash", "A Russian Tu-154 military passenger airplane carrying 92 people including "
                           "the Alexandrov Ensemble crashes into the Black Sea shortly after takeoff "
                           "from Sochi."),
    ("airstrike", "Russian airstrikes on several ferries attempting to cross the Euphrates near Deir "
                  "ez-Zor kill at least 34 civilians, including 9 children, according to the Syrian "
                  "Observatory for Human Rights."),
    ("airstrike", "United States aircraft bomb a convoy belonging to the Syrian pro-government "
                  "militia within a so-called \"deconfliction zone\" around Al-Tanf."),
    ("shelling", "The following day, the rebels pounded the village of Tal Salmo with a barrage of "
                 "mortar shells in order to weaken the army fortifications."),
    ("territorial_change", "On 25 February, the Tiger Forces and their allies recaptured Khanasir"),
    ("territorial_change", "During May and June 2017, the Syrian Arab Army established control over "
                           "most of the southern part of Raqqa province"),
    ("ground_fighting", "On 22 May 2017, the Levant Front attacked the Sham Legion near Azaz."),
    ("agreement_or_ceasefire", "Russian president Vladimir Putin says a ceasefire has been brokered "
                               "between the Syrian government and rebel forces."),
    ("deployment", "The Syrian state media on 21 February announced the arrival of more "
                   "pro-Syrian government forces."),
    ("statement", "Russia vetoes a French-drafted United Nations Security Council resolution"),
    ("other", "On 20 October, the Kurdish Red Crescent were allowed into the town and evacuated 30 "
              "injured people, both civilians and soldiers."),
]


@pytest.mark.parametrize("expected, text", CASES, ids=[f"{e}-{i}" for i, (e, _) in enumerate(CASES)])
def test_classify(expected, text):
    assert classify(text) == expected


@pytest.mark.parametrize("expected, text", [
    # the rules read any case: the fast path matches the lowercased text
    ("airstrike", "RUSSIAN AIRSTRIKES ON SEVERAL FERRIES KILL AT LEAST 34 CIVILIANS"),
    ("statement", "Russia VETOES a French-drafted United Nations Security Council resolution"),
    ("other", "The UNITED STATES Of America"),           # "stat" after "united": the look-behind still reads it
    # a letter a case-insensitive pattern matches to an ASCII one (long s, dotless i, Kelvin sign)
    # but that lowercases to another: such a text runs the pattern as written
    ("statement", "The ministry \u017faid the convoy was hit."),
    ("airstrike", "Russian a\u0131rstrikes hit the convoy."),
    ("ground_fighting", "Rebels attac\u212a the base."),      # Kelvin sign: "K" and lowercased "k"
    ("other", "Russian arstrikes hit the convoy."),      # (the misspelling without the dotless i)
])
def test_classify_reads_any_case(expected, text):
    assert classify(text) == expected


def test_rules_are_written_in_lower_case():
    """The fast path runs the rules case-sensitively over lowercased text: an upper-case letter in a
    rule (outside an escape such as \\W) would never match there."""
    from pipeline.classify import _ANY_LOWER

    assert re.sub(r"\\.", "", _ANY_LOWER.pattern).lower() == re.sub(r"\\.", "", _ANY_LOWER.pattern)


def test_cases_are_real_text():
    seeds = " ".join(" ".join(p.read_text(encoding="utf-8").split())
                     for p in SEEDS.rglob("*") if p.suffix in (".md", ".txt"))
    assert [t for _, t in CASES if " ".join(t.split()).rstrip(".") not in seeds] == []


def test_taxonomy_is_the_schema_allowed_values():
    assert list(EVENT_TYPES) == list(SCHEMA_EVENT_TYPES)


def test_event_type_from_mentions_majority_then_priority():
    assert event_type_of(["statement", "airstrike", "airstrike"]) == "airstrike"
    assert event_type_of(["statement", "airstrike"]) == "airstrike"  # tie: priority order
    assert event_type_of(["other", "statement"]) == "statement"      # other never outvotes
    assert event_type_of(["other", "other"]) == "other"


@pytest.mark.parametrize("date, located, expected", [
    (dt.date(2015, 9, 30), True, True),            # the intervention's first day
    (dt.date(2015, 9, 29), True, False),           # the day before
    (pd.Timestamp("2017-10-04"), False, False),    # placed nowhere in Syria (Niger ambush)
    (pd.Timestamp("2017-10-04"), True, True),
    (pd.NaT, True, False),
])
def test_in_scope(date, located, expected):
    assert in_scope(date, located) is expected
