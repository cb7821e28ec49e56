"""Speed only: a regular expression that first checks, with plain substring tests, that the text
holds one of the words it cannot match without.

Most sentences hold none of the words a rule looks for, yet a pattern whose alternatives start
with a word boundary, a digit class or a case-insensitive letter is tried at every position of
every sentence. ``guarded(pattern)`` reads the pattern's own syntax tree (``re._parser``) for a
set of literal strings one of which every match must contain (``needles``): a sequence of
literal characters, the needles of one of the items of a sequence (the most selective), the
union of the needles of the alternatives of a branch, a repeat of at least once, a group, a
look-ahead or look-behind (its text is in the text too). The test runs on the lowercased text,
which is exact for case-sensitive and case-insensitive literals alike with two provisos handled
here: only ASCII characters make needles (a case-insensitive non-ASCII letter may match a letter
of another lowercase), and a text holding one of the letters the engine matches to an ASCII letter
though they lowercase to something else (dotted and dotless i, long s; the Kelvin sign lowercases
to k but is kept with them) always runs the pattern. So a guarded pattern finds exactly what the
pattern finds; it only skips texts where the pattern cannot match. A pattern without such a set
(or with more than ``MAX_NEEDLES`` strings, where the substring tests would cost what the pattern
costs) runs unguarded.
"""

from __future__ import annotations

import hashlib
import re
import re._constants as _c  # type: ignore[import-not-found]
import re._parser as _p  # type: ignore[import-not-found]
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .startup import derived

MAX_NEEDLES = 24
_CASE_SPECIAL = re.compile("[\u0130\u0131\u017f\u212a]")
_last: tuple[str, str | None] = ("", "")     # the last text folded and its fold (the next rule asks again)


def folded(text: str) -> str | None:
    """``text.lower()``, or None when the text holds a letter that a case-insensitive pattern
    matches to an ASCII letter but that lowercases to another letter (then no substring test on
    the lowercased text rules a match out)."""
    global _last
    last = _last
    if text is last[0]:
        return last[1]
    low = None if not text.isascii() and _CASE_SPECIAL.search(text) else text.lower()
    _last = (text, low)
    return low


def _simplest(needles: set[str]) -> frozenset[str]:
    """The same condition with fewer strings: a string holding another one of the set is implied."""
    return frozenset(n for n in needles if not any(o != n and o in n for o in needles))


def _rank(needles: frozenset[str]) -> tuple[int, int]:
    return (min(map(len, needles)), -len(needles))


def _needles_of(items) -> frozenset[str] | None:
    """Strings one of which every match of the sequence ``items`` (parsed) contains, or None."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and (best is None or _rank(found) > _rank(best)):
            best = found

    for op, av in items:
        if op is _c.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if run:
            consider(frozenset({"".join(run)}))
            run = []
        if op is _c.SUBPATTERN:
            consider(_needles_of(av[-1]))
        elif op is _c.ATOMIC_GROUP:
            consider(_needles_of(av))
        elif op is _c.ASSERT:
            consider(_needles_of(av[1]))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            if av[0] >= 1:
                consider(_needles_of(av[2]))
        elif op is _c.BRANCH:
            union: set[str] = set()
            for alternative in av[1]:
                found = _needles_of(alternative)
                if not found:
                    union = set()
                    break
                union |= found
            consider(_simplest(union) if union else None)
        elif op is _c.IN:
            if all(o is _c.LITERAL and a < 128 for o, a in av):
                consider(frozenset(chr(a).lower() for _o, a in av))
    if run:
        consider(frozenset({"".join(run)}))
    return best


# what this module derives from a pattern is a function of the pattern's text and flags and of this
# code: kept per machine with the patterns' compiled code (``pipeline.startup.derived``)
_VERSION = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def needles(pattern: re.Pattern) -> frozenset[str] | None:
    """The lowercase ASCII strings one of which every match of ``pattern`` contains (see the
    module doc), or None when the pattern has no such set."""
    if not isinstance(pattern.pattern, str):
        return None
    text, flags = pattern.pattern, pattern.flags
    return derived(f"needles:{_VERSION}", text, flags, lambda: _needles_of(_p.parse(text, flags)))


class Guarded:
    """A compiled pattern that returns "no match" at once for a text without any of its
    ``needles``; otherwise the pattern's own answer. ``search``, ``match``, ``fullmatch``,
    ``finditer``, ``findall``, ``sub`` and ``split`` as ``re.Pattern``'s; anything else (``pattern``,
    ``groupindex``, ...) is the pattern's."""

    __slots__ = ("rx", "needles")

    def __init__(self, rx: re.Pattern, found: frozenset[str]):
        self.rx = rx
        self.needles = tuple(sorted(found))

    def cannot_match(self, text: str) -> bool:
        low = folded(text)
        if low is None:
            return False
        for n in self.needles:
            if n in low:
                return False
        return True

    def search(self, text: str, *args: Any) -> re.Match | None:
        return None if self.cannot_match(text) else self.rx.search(text, *args)

    def match(self, text: str, *args: Any) -> re.Match | None:
        return None if self.cannot_match(text) else self.rx.match(text, *args)

    def fullmatch(self, text: str, *args: Any) -> re.Match | None:
        return None if self.cannot_match(text) else self.rx.fullmatch(text, *args)

    def finditer(self, text: str, *args: Any) -> Iterator[re.Match]:
        return iter(()) if self.cannot_match(text) else self.rx.finditer(text, *args)

    def findall(self, text: str, *args: Any) -> list[Any]:
        return [] if self.cannot_match(text) else self.rx.findall(text, *args)

    def sub(self, repl: str | Callable[[re.Match], str], text: str, count: int = 0) -> str:
        return text if self.cannot_match(text) else self.rx.sub(repl, text, count)

    def split(self, text: str, maxsplit: int = 0) -> list[Any]:
        return [text] if self.cannot_match(text) else self.rx.split(text, maxsplit)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.rx, name)

    def __repr__(self) -> str:
        return f"guarded({self.rx!r}, needles={self.needles!r})"


_CATEGORY_CLASS = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
                   _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W"}


def _first_of(items, ci: bool) -> tuple[list[tuple[bool, Any, Any]] | None, bool]:
    """The class items (with their case-insensitivity) one of which the first character at the
    position of a match of ``items`` is, or None (any character); and whether ``items`` can match
    without any such character (the empty string, unless a look-ahead asks for a character)."""
    out: list[tuple[bool, Any, Any]] = []
    for op, av in items:
        if op is _c.ASSERT and av[0] == 1:             # a look-ahead: its first character is this one
            found, empty = _first_of(av[1], ci)
            if found is not None and not empty:
                return out + found, False
            continue
        if op is _c.AT or op is _c.ASSERT or op is _c.ASSERT_NOT:
            continue                                    # zero width: the next item has the character
        if op is _c.LITERAL:
            out.append((ci, op, av))
            return out, False
        if op is _c.IN:
            if any(o is _c.NEGATE for o, _a in av):
                return None, False
            out.extend((ci, o, a) for o, a in av)
            return out, False
        if op is _c.SUBPATTERN or op is _c.ATOMIC_GROUP:
            sub, inner = (av, ci) if op is _c.ATOMIC_GROUP else (av[3], (ci or bool(av[1] & re.I)) and not av[2] & re.I)
            found, empty = _first_of(sub, inner)
        elif op is _c.BRANCH:
            found, empty = [], False
            for alternative in av[1]:
                alt, alt_empty = _first_of(alternative, ci)
                if alt is None:
                    return None, False
                found += alt
                empty = empty or alt_empty
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            found, empty = _first_of(av[2], ci)
            empty = empty or av[0] == 0
        else:
            return None, False
        if found is None:
            return None, False
        out += found
        if not empty:
            return out, False
    return out, True


def _class_of(items: list[tuple[Any, Any]]) -> str | None:
    parts = []
    for op, av in items:
        if op is _c.LITERAL:
            parts.append("\\" + chr(av) if chr(av) in "]\\^-[" else chr(av))
        elif op is _c.RANGE:
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is _c.CATEGORY and av in _CATEGORY_CLASS:
            parts.append(_CATEGORY_CLASS[av])
        else:
            return None
    return "[" + "".join(dict.fromkeys(parts)) + "]"


def starting(rx: re.Pattern) -> re.Pattern:
    """``rx`` behind a look-ahead for the characters a match can start with (read off the pattern:
    the first item of every alternative, through optional items, groups and zero-width
    assertions, or what a look-ahead there starts with; case-insensitive where the item is): the same matches, but a search skips every
    other position after one class test instead of trying each alternative there (a pattern that
    starts with a name, "X, a village", is otherwise tried at every character of every text).
    ``rx`` itself when the first character can be anything or none is needed (an empty match)."""
    if not isinstance(rx.pattern, str) or re.match(r"\(\?[aiLmsux]+\)", rx.pattern):
        return rx                                       # (global flags must stay first)
    text = derived(f"starting:{_VERSION}", rx.pattern, rx.flags, lambda: _starting_text(rx.pattern, rx.flags))
    return rx if text is None else re.compile(text, rx.flags)


def _starting_text(pattern: str, flags: int) -> str | None:
    """The text of ``starting``'s pattern, or None where it returns the pattern itself."""
    found, empty = _first_of(list(_p.parse(pattern, flags)), bool(flags & re.I))
    if found is None or empty:
        return None
    sensitive = _class_of([(o, a) for ci, o, a in found if not ci])
    insensitive = _class_of([(o, a) for ci, o, a in found if ci])
    if sensitive is None or insensitive is None:
        return None
    tests = ([sensitive] if sensitive != "[]" else []) + ([f"(?i:{insensitive})"] if insensitive != "[]" else [])
    verbose = "\n" if flags & re.X else ""
    return f"(?={'|'.join(tests)})(?:{verbose}{pattern}{verbose})"


def lowercase_twin(rx: re.Pattern) -> re.Pattern:
    """The case-insensitive pattern ``rx`` as a case-sensitive pattern over lowercased text: run on
    ``folded(text)`` (when not None) it matches where ``rx`` matches ``text``, with the same spans
    and groups (lowercased), and is about twice as fast (the engine skips an alternative on its
    first letter only when it compares case-sensitively). Every letter of the pattern outside an
    escape and a group name is lowercased; lowercasing a text keeps one character per character
    (but for the dotted capital I, for which ``folded`` gives None) and leaves ``\\w``, ``\\s``
    and ``\\b`` as they were. Only for patterns compiled with IGNORECASE, that never turn it off
    (``(?-i:``), whose letters are ASCII (a non-ASCII character must have no other case: "”", not
    "é"), without named characters (``\\N{...}``), and whose lowercased syntax tree holds no
    cased character (``_lowercase_only``): anything else raises ValueError."""
    pattern = rx.pattern
    twin = (derived(f"twin:{_VERSION}", pattern, rx.flags, lambda: _twin_text(pattern, rx.flags))
            if isinstance(pattern, str) else None)
    if twin is None:
        raise ValueError(f"no lowercase twin for {pattern!r}")
    return re.compile(twin, rx.flags & ~re.I)


def _twin_text(pattern: str, flags: int) -> str | None:
    """The text of ``lowercase_twin``'s pattern, or None where it has none."""
    if (not flags & re.I or "(?-i" in pattern or "\\N{" in pattern
            or any(not c.isascii() and (c.lower() != c or c.upper() != c) for c in pattern)):
        return None
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\":
            out.append(pattern[i:i + 2])
            i += 2
        elif pattern.startswith("(?P", i):
            end = pattern.index(">", i) + 1 if pattern.startswith("(?P<", i) else pattern.index(")", i)
            out.append(pattern[i:end])
            i = end
        else:
            out.append(pattern[i].lower())
            i += 1
    twin = "".join(out)
    return twin if _lowercase_only(_p.parse(twin, flags & ~re.I)) else None


def _cased(code: int) -> bool:
    """Whether a character of a twin could tell lowercased text apart from the original: an
    uppercase letter (an escape such as ``\\x41`` is not lowercased) or a non-ASCII letter with
    another case."""
    ch = chr(code)
    return ch.lower() != ch or (not ch.isascii() and ch.upper() != ch)


def _lowercase_only(items) -> bool:
    """The check of a twin's syntax tree: no cased character (``_cased``) in a literal or a range
    of characters, and no group that turns case-insensitivity off."""
    for op, av in items:
        if op in (_c.LITERAL, _c.NOT_LITERAL):
            if _cased(av):
                return False
        elif op is _c.RANGE:
            if av[1] >= 128 or any(_cased(c) for c in range(av[0], av[1] + 1)):
                return False
        elif op is _c.IN:
            if not _lowercase_only(av):
                return False
        elif op is _c.SUBPATTERN:
            if av[2] & re.I or not _lowercase_only(av[3]):
                return False
        elif op is _c.BRANCH:
            if not all(_lowercase_only(alternative) for alternative in av[1]):
                return False
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            if not _lowercase_only(av[2]):
                return False
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            if not _lowercase_only(av[1]):
                return False
        elif op is _c.ATOMIC_GROUP:
            if not _lowercase_only(av):
                return False
        elif op is _c.GROUPREF_EXISTS:
            return False
    return True


def guarded(rx: re.Pattern) -> Guarded | re.Pattern:
    """``rx`` behind a test of its needles (``Guarded``), or ``rx`` itself when it has none worth
    testing."""
    found = needles(rx)
    if not found or len(found) > MAX_NEEDLES:
        return rx
    return Guarded(rx, found)
