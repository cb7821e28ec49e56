"""The substring guards before the extraction's regular expressions (``pipeline.prefilter``, issue
11: speed only): the needles read off a pattern, and a guarded pattern finding exactly what the
pattern finds, on real sentences of seeds/ and on the letters that lowercase oddly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline import casualties, dates, extract, locate, places, resolve, statements
from pipeline.prefilter import Guarded, folded, guarded, needles
from pipeline.text import split_sentences

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_needles_of_the_population_rule():
    # every alternative of statements._POPULATION_RE and the words it cannot match without
    assert needles(statements._POPULATION_RE.rx) == {
        "census", "population", "inhabitants", "people", "civilians", "residents", "families", "home"}


def test_needles_of_a_branch_with_a_common_prefix_and_of_a_lookahead():
    # the parser factors "re" out of "reprisal|response": the longer strings are kept
    assert needles(re.compile(r"\bin\s+re(?:prisal|sponse)\b")) == {"prisal", "sponse"}
    assert needles(re.compile(r"(?=\w*gas)\w+")) == {"gas"}
    assert needles(re.compile(r"[Tt]ime")) == {"ime"}


def test_no_needles_when_an_alternative_has_none():
    assert needles(re.compile(r"\bkilled\b|\d+")) is None
    assert needles(re.compile(r"(?:killed)?\s+")) is None          # an optional word proves nothing
    assert needles(re.compile(r"(?!killed)\w+")) is None            # nor a negative look-ahead
    assert guarded(re.compile(r"\d+")).__class__ is re.Pattern     # nothing to test: the pattern itself


def test_letters_that_lowercase_oddly_always_run_the_pattern():
    rx = guarded(re.compile(r"\bcensus\b", re.I))
    assert isinstance(rx, Guarded)
    assert folded("The CENSUS of 2004") == "the census of 2004"
    assert rx.search("The CENSUS of 2004").group(0) == "CENSUS"
    # long s and dotless i match "s" and "i" case-insensitively but lowercase to themselves
    assert folded("the cenſus of 2004") is None
    assert rx.search("the cenſus of 2004").group(0) == "cenſus"
    assert rx.search("İnhabitants") is None
    assert guarded(re.compile(r"inhabitants", re.I)).search("the İnhabitants").group(0) == "İnhabitants"
    assert rx.search("a count of the people") is None
    assert rx.sub("X", "no such word") == "no such word"
    assert rx.split("no such word") == ["no such word"]
    assert list(rx.finditer("the census, the census")) and rx.findall("census") == ["census"]


def _guarded_patterns() -> list[tuple[str, Guarded]]:
    found = []
    for module in (casualties, dates, extract, locate, places, resolve, statements):
        for name, value in vars(module).items():
            if isinstance(value, Guarded):
                found.append((f"{module.__name__}.{name}", value))
    return found


@pytest.fixture(scope="module")
def seed_sentences() -> list[str]:
    texts = []
    for path in sorted(SEEDS.glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
            texts.extend(paragraph[a:b] for a, b in split_sentences(paragraph))
    # the same sentences in capitals and with a long s: what a case-insensitive rule meets too
    return texts + [t.upper() for t in texts[::7]] + [t.replace("s", "ſ") for t in texts[::11]]


def test_guarded_patterns_find_what_their_patterns_find(seed_sentences):
    patterns = _guarded_patterns()
    assert len(patterns) >= 20          # the rules guarded by this change
    assert len(seed_sentences) > 300
    skipped = 0
    for name, rx in patterns:
        for text in seed_sentences:
            expected = [(m.span(), m.groups()) for m in rx.rx.finditer(text)]
            assert [(m.span(), m.groups()) for m in rx.finditer(text)] == expected, (name, text)
            assert (rx.search(text) is None) == (not expected), (name, text)
            skipped += rx.cannot_match(text)
    assert skipped > len(patterns) * len(seed_sentences) // 2     # most texts skip most patterns


def test_lowercase_twin_finds_the_anaphors_the_rule_finds(seed_sentences):
    twin = dates._ANA_LOWER
    assert "(?P<same>(?:that|the)" in twin.pattern and not twin.flags & re.I
    found = 0
    for text in seed_sentences + ["The Following Day, Three Days Later, on the 5th"]:
        low = folded(text)
        if low is None:
            continue
        expected = [(m.span(), {k: (v.lower() if v else v) for k, v in m.groupdict().items()})
                    for m in dates._ANA_RE.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in twin.finditer(low)] == expected, text
        found += len(expected)
    assert found >= 3


def test_no_lowercase_twin_of_a_pattern_that_tells_case_apart():
    from pipeline.prefilter import lowercase_twin

    for rx in (re.compile(r"the\s+same\s+day"), re.compile(r"(?-i:Front)", re.I), re.compile("café", re.I),
               re.compile(r"\x41bc", re.I), re.compile(r"[\u00C0-\u024F]+", re.I), re.compile(r"(?s-i:a)b", re.I)):
        with pytest.raises(ValueError):
            lowercase_twin(rx)
    assert lowercase_twin(re.compile(r"(?P<Day>\d+)\s+DAYS\s+[A-Z]\W", re.I)).pattern == r"(?P<Day>\d+)\s+days\s+[a-z]\W"


def test_starting_adds_the_first_characters_of_every_alternative():
    from pipeline.prefilter import starting

    assert starting(re.compile(r"\b(?:in|near)\s+(?P<n>[A-Z]\w+)|[Aa]l-\w+")).pattern.startswith("(?=[inAa])(?:")
    assert starting(re.compile(r"(?:the\s+)?(?i:Battle)\s+of", 0)).pattern.startswith("(?=[t]|(?i:[B]))(?:")
    assert starting(re.compile(r"x?\d+|[^a]b")).pattern == r"x?\d+|[^a]b"     # any character may start it
    assert starting(re.compile(r"(?:al-)?")).pattern == r"(?:al-)?"             # an empty match


def test_unlisted_place_patterns_with_look_aheads_match_as_written(seed_sentences):
    kinds = places._UNLISTED_RES
    assert sum(rx.pattern.startswith("(?=") for _kind, rx in kinds) == len(kinds)
    found = 0
    for _kind, rx in kinds:
        plain = re.compile(rx.pattern.split(")(?:", 1)[1][:-1], rx.flags)
        for text in seed_sentences:
            expected = [m.span("name") for m in plain.finditer(text) if "name" in plain.groupindex]
            assert [m.span("name") for m in rx.finditer(text) if "name" in rx.groupindex] == expected
            found += len(expected)
    assert found > 10


def test_action_and_facility_twins_name_the_same_kinds_at_the_same_places(seed_sentences):
    for plain, twin in ((resolve._ACTION_RE, resolve._ACTION_LOWER), (resolve._FACILITY_RE, resolve._FACILITY_LOWER)):
        found = 0
        for text in seed_sentences:
            low = folded(text)
            if low is None:
                continue
            expected = [(m.lastgroup, m.span()) for m in plain.finditer(text)]
            assert [(m.lastgroup, m.span()) for m in twin.finditer(low)] == expected, text
            found += len(expected)
        assert found > 20
    assert resolve.facilities("An AIRSTRIKE hit the Hospital and a school") == {"hospital", "school"}


def _plain(rx: re.Pattern) -> re.Pattern:
    """The pattern ``prefilter.starting`` wrapped: ``(?=<first characters>)(?:<pattern>)``."""
    assert rx.pattern.startswith("(?=")
    return re.compile(rx.pattern.split(")(?:", 1)[1][:-1], rx.flags)


def test_rules_behind_a_first_character_look_ahead_match_as_written(seed_sentences):
    from pipeline import language, relative_days

    wrapped = [dates._TRIGGER_RE, statements._PAST_RE, statements._SPEECH_RE, statements._POPULATION_RE.rx,
               places._ORIGIN_PHRASE.rx, places._PERSON_ROLE_BEFORE, casualties._CUM_CUE, casualties._PRE_RE,
               casualties._PREFILTER, locate._LOCATION_FIELD.rx, locate._REFERENCE_BEFORE.rx, locate._FOREIGN_SIDE,
               relative_days._REPORTED_PAST.rx, language._URL.rx, resolve._NOT_THE_ACTION, resolve._DATES_AND_TIMES,
               resolve._UNIT_COUNT, resolve._CHEMICAL_RE.rx]
    found = 0
    for rx in wrapped:
        plain = _plain(rx)
        for text in seed_sentences:
            expected = [(m.span(), m.groups()) for m in plain.finditer(text)]
            assert [(m.span(), m.groups()) for m in rx.finditer(text)] == expected, (plain.pattern[:60], text)
            found += len(expected)
    assert found > 500
