"""Imports without the cyclic garbage collector, then frozen (``frozen_imports``).

Importing Dagster, pandas, pandera and SQLAlchemy creates a few hundred thousand objects that live
as long as the process. While they are imported the collector runs hundreds of times, and every
full collection afterwards walks all of them again: about a second of CPU in a build of the five
seeds (measured with ``gc.callbacks``: 622 young, 56 middle and 5 full collections, 1.1 s; with
this, 231, 21 and 1, 0.2 s). So the heavy imports run with the collector off, and what exists
when they are done is moved to the permanent generation (``gc.freeze()``, as CPython's
documentation suggests for this case); collection then works only on what the build allocates.
Objects that were garbage already at that point are kept, which after imports is next to nothing.
"""

from __future__ import annotations

import array
import contextlib
import functools
import gc
import sys
from collections.abc import Callable, Iterator
from typing import Any


@contextlib.contextmanager
def collector_paused(*, freeze: bool = False) -> Iterator[None]:
    """Run the body (one chunk of the map) with the cyclic collector off, and switch it back on
    after (when it was on; with ``freeze``, what the body made is first moved out of the collector's
    reach: ``frozen_imports``). A chunk's rows, parsed documents and matches are freed by reference
    counting as it goes; what the collector found during a chunk was next to nothing, while each of
    its full passes walked every object the worker keeps (the gazetteer's index, the rules' per-text
    memos of up to 2^14 texts each): 1.2 ms of CPU per document, ~3% of the map (``bench_map.py``).
    Cycles made meanwhile are still collected: the allocation count goes on while it is off, so
    the first allocations after the chunk run the collections it would have run."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if freeze:
                gc.freeze()
            gc.enable()


def frozen_imports() -> contextlib.AbstractContextManager[None]:
    """Run the body (imports) with the collector off; then freeze and switch it back on. Nested or
    with the collector already off, it leaves the collector to whoever turned it off."""
    return collector_paused(freeze=True)


# --- the compiled form of regular expressions, kept between processes ---------------------------
# Importing the extraction and resolution modules compiles ~560 regular expressions: ~0.3 s of a
# cold five-seed build's ~3 s, paid again by every Dask worker, and nearly all of it in the pure
# Python half of ``re.compile`` (parsing the pattern, generating its code). The C half
# (``_sre.compile`` over that code) takes ~7 ms for all of them. ``compiled_patterns()`` keeps the
# code of every pattern compiled inside it in a file of the user cache folder, keyed by the exact
# Python build and the regular expression engine's version (``_sre.MAGIC``), and builds a pattern
# found there with ``_sre.compile`` directly: the very call ``re.compile`` ends with, on the code it
# would generate, so the pattern is the same (``==`` compares pattern, flags and code). A pattern
# not in the file is compiled the same way and added. Speed only: a file that cannot be read or
# written, or an interpreter whose internals differ (checked once on a small pattern), only means
# compiling as usual.
# only this project's patterns (not those of a library imported meanwhile: a pattern that some
# library builds from a set differs from process to process)
KEPT_MODULES: tuple[str, ...] = ("pipeline.", "schemas")
REGEX_CACHE_LIMIT = 4000         # entries kept in the file (those of older code are dropped past it)
_regex_cache_active = False
_CODE_TYPE = "I"                 # an array of the engine's code words (4 bytes: _sre.CODESIZE, checked by _store_works)
_store: _PatternStore | None = None      # one per process: read once, written when a pattern was added


def _regex_cache_path():
    import _sre  # type: ignore[import-not-found]
    import hashlib

    from .paths import user_cache_dir

    key = hashlib.sha256(f"{sys.version}\0{sys.implementation.cache_tag}\0{_sre.MAGIC}\0{_sre.CODESIZE}"
                         f"\0{_CODE_TYPE}".encode()).hexdigest()[:16]
    return user_cache_dir() / f"regex-{key}.marshal"


class _PatternStore:
    """The code of compiled patterns by (pattern, flags): read from the file on first use, written
    back at the end (``save``) when a pattern was added."""

    def __init__(self) -> None:
        self.entries: dict | None = None        # (pattern, flags) -> (flags, code, groups, groupindex, indexgroup)
        self.used: dict = {}
        self.compiled: dict = {}
        self.added = False

    def _load(self) -> dict:
        import marshal

        try:
            with open(_regex_cache_path(), "rb") as f:
                entries = marshal.loads(f.read())      # (marshal.load reads a file in small pieces)
            return entries if isinstance(entries, dict) else {}
        except (OSError, EOFError, ValueError, TypeError):
            return {}

    def compile(self, pattern: str, flags: int):
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]

        key = (pattern, flags)
        rx = self.compiled.get(key)
        if rx is not None:
            return rx
        if self.entries is None:
            self.entries = self._load()
        entry = self.entries.get(key)
        if entry is None:                   # what re._compiler.compile does, its code kept
            tree = _parser.parse(pattern, flags)
            code = array.array(_CODE_TYPE, _compiler._code(tree, flags)).tobytes()    # (compact: 4 bytes a word)
            groupindex = dict(tree.state.groupdict)
            indexgroup = [None] * tree.state.groups
            for name, i in groupindex.items():
                indexgroup[i] = name
            entry = (flags | tree.state.flags, code, tree.state.groups - 1, groupindex, tuple(indexgroup))
            self.entries[key] = entry
            self.added = True
        words = array.array(_CODE_TYPE)
        words.frombytes(entry[1])
        rx = _sre.compile(pattern, entry[0], words.tolist(), *entry[2:])
        self.used[key] = entry
        self.compiled[key] = rx
        return rx

    def derived(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """The value ``compute()`` gives for ``key`` (``derived``), read from the file or added to it."""
        if self.entries is None:
            self.entries = self._load()
        if key in self.entries:
            value = self.entries[key]
        else:
            value = self.entries[key] = compute()
            self.added = True
        self.used[key] = value
        return value

    def save(self) -> None:
        if not self.added or self.entries is None:
            return
        self.added = False
        import marshal
        import os

        entries = self.entries if len(self.entries) <= REGEX_CACHE_LIMIT else self.used
        try:
            path = _regex_cache_path()
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            with open(tmp, "wb") as f:
                marshal.dump(entries, f)
            os.replace(tmp, path)
        except (OSError, ValueError):
            pass


def derived(kind: str, pattern: str, flags: int, compute: Callable[[], Any]) -> Any:
    """What ``compute()`` derives from the text and flags of a pattern (``pipeline.prefilter``: the
    strings every match holds, the characters a match starts with, the lowercase twin; ``kind``
    names the derivation and the version of the code that makes it), kept in the same file as the
    patterns' code while ``compiled_patterns`` is active, else computed. The value must be a
    function of ``kind``, ``pattern`` and ``flags`` alone and one ``marshal`` writes (strings,
    frozensets of strings, None). Deriving reads the pattern's syntax tree (``re._parser``): ~45 ms
    of a cold five-seed build for ~150 patterns, paid again by every process that imports the rules."""
    store = _store
    if not _regex_cache_active or store is None:
        return compute()
    return store.derived((kind, pattern, int(flags)), compute)


@functools.cache
def _store_works() -> bool:
    """Whether this interpreter's ``re`` internals are the ones ``_PatternStore`` calls (a small
    pattern compiled both ways must come out equal)."""
    import _sre
    import re

    if array.array(_CODE_TYPE).itemsize != _sre.CODESIZE:
        return False
    try:
        probe = _PatternStore()
        probe.entries = {}
        pattern = r"(?P<a>\bx+)(?i:y)|[^\W\d]{2,}"
        return probe.compile(pattern, 0) == re.compile(pattern)
    except Exception:  # noqa: BLE001 - any difference: compile as usual
        return False


@contextlib.contextmanager
def compiled_patterns() -> Iterator[None]:
    """Inside the body, every ``re`` compilation of a text pattern by a module of ``KEPT_MODULES``
    takes its code from the kept file (see above) or adds it there (the file is written when the
    body ends). Nested, or when the store does not work here: no change."""
    global _regex_cache_active, _store
    import re

    if _regex_cache_active or not _store_works():
        yield
        return
    store = _store = _store or _PatternStore()
    original = re._compile  # type: ignore[attr-defined]
    getframe = sys._getframe

    def compile_kept(pattern, flags):
        if (type(pattern) is str and not flags & re.DEBUG
                and getframe(2).f_globals.get("__name__", "").startswith(KEPT_MODULES)):
            try:
                return store.compile(pattern, int(flags))
            except Exception:  # noqa: BLE001 - the pattern's own error comes from re below
                pass
        return original(pattern, flags)

    re._compile = compile_kept  # type: ignore[attr-defined]
    _regex_cache_active = True
    try:
        yield
    finally:
        re._compile = original  # type: ignore[attr-defined]
        _regex_cache_active = False
        store.save()
        store.entries, store.used = None, {}     # (the code is in the patterns now: read again if needed)
