"""pytest plugin: where the test suite's CPU goes (``benchmarks/bench_suite.py`` loads it with ``-p``).

Each pytest process (the controller and every xdist worker) appends JSON lines to
``$SUITE_CPU_DIR/<worker>.jsonl``: its startup (CPU from process start until this plugin is
imported, i.e. Python, pytest and xdist), ``configure`` (loading conftest.py and what it imports),
``collection``, then one line per test phase (setup, call, teardown) with wall seconds, the
process's own CPU seconds (user + sys, every thread) and the CPU of the child processes it reaped
in that phase (``RUSAGE_CHILDREN``: subprocesses such as ``syria-events build``, pip, Chromium,
Dask workers, counted when they exit), and a last line with the process's totals. In the workers,
each phase's row also counts the in-process builds (``materialize_all``; ``docs``: how many
documents their seeds folders held; ``big_builds``: those of 100 documents or more, i.e. the whole
``seeds/``) and releases
(``publish_release``) it made. Standard library only; nothing is written when ``SUITE_CPU_DIR``
is unset.
"""

from __future__ import annotations

import json
import os
import resource
import time
from pathlib import Path

import pytest

_OUT = os.environ.get("SUITE_CPU_DIR")
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "controller")


def _cpu() -> tuple[float, float, float]:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter(), me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def _write(**row) -> None:
    if not _OUT:
        return
    Path(_OUT).mkdir(parents=True, exist_ok=True)
    with open(Path(_OUT) / f"{_WORKER}.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps(row) + "\n")


_IMPORTED = _cpu()
_counts = {"builds": 0, "docs": 0, "big_builds": 0, "releases": 0}
BIG = 100           # a build of a seeds folder of at least this many documents: the whole seeds/ (180)


def _count_calls() -> None:
    """Wrap ``materialize_all`` and ``publish_release`` (module attributes, looked up at call time by
    tests/conftest.py and the tests) to count them; in workers only (the controller runs no test)."""
    import functools

    from pipeline import release
    from pipeline.defs import runner

    def counted(fn, key):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            _counts[key] += 1
            if key == "builds":
                seeds = Path(getattr(args[0], "seeds_dir", "") or ".")
                n = sum(1 for p in seeds.rglob("*") if p.is_file() and not p.name.startswith("."))
                _counts["docs"] += n
                _counts["big_builds"] += n >= BIG
            return fn(*args, **kwargs)
        return wrapper

    runner.materialize_all = counted(runner.materialize_all, "builds")
    release.publish_release = counted(release.publish_release, "releases")

_write(kind="startup", wall=None, cpu=_IMPORTED[1], children=_IMPORTED[2])
_marks: dict[str, tuple[float, float, float]] = {}


def _since(mark: tuple[float, float, float]) -> dict:
    now = _cpu()
    return dict(wall=round(now[0] - mark[0], 4), cpu=round(now[1] - mark[1], 4), children=round(now[2] - mark[2], 4))


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config):
    _marks["configure"] = _cpu()
    if _OUT and _WORKER != "controller":
        _count_calls()


@pytest.hookimpl(trylast=True)
def pytest_sessionstart(session):
    # conftest.py files in the test paths are loaded between pytest_configure and here
    _write(kind="configure", **_since(_IMPORTED))


@pytest.hookimpl(tryfirst=True)
def pytest_collection(session):
    _marks["collection"] = _cpu()


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session):
    if "collection" in _marks:
        _write(kind="collection", items=len(session.items), **_since(_marks["collection"]))


def _phase(item, when):
    mark, before = _cpu(), dict(_counts)
    outcome = yield
    _write(kind=when, test=item.nodeid, **_since(mark), **{k: _counts[k] - before[k] for k in _counts})
    return outcome


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    yield from _phase(item, "setup")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    yield from _phase(item, "call")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield from _phase(item, "teardown")


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    now = _cpu()
    _write(kind="total", wall=None, cpu=round(now[1], 4), children=round(now[2], 4))
