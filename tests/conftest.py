from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import json
import os
import shutil
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pipeline.paths import REPO_ROOT

if TYPE_CHECKING:
    from pipeline.defs.resources import ProjectPaths

# Dagster, pandas, pandera and pyarrow are imported inside the helpers below, not here: xdist's
# controller process loads this file too but runs no test, and these imports cost it ~2 s of CPU
# before it starts the workers (BENCHMARKS.md, "Test suite").

SEEDS_DIR = REPO_ROOT / "seeds"          # everything the README's build reads: 5 seeds + corpus/
FIXTURES = Path(__file__).parent / "fixtures"

# One per-document cache and one Dagster instance for the whole session (set by ``_shared``):
# documents are extracted once per session whatever the number of builds (the cache is keyed by
# content and code version, so sharing it cannot change a result; tests of the cache itself use
# their own folders), and the instance's SQLite storage is created once.
SHARED: dict[str, Path] = {}

# --- parallel runs (pytest-xdist: ``-n auto`` in pyproject's addopts) --------------------------------
# Every test file runs whole on one worker, so its module fixtures (a release history, a fresh venv)
# are made once; the files whose tests use ``corpus_build`` (the integration build of the whole
# seeds/) share one worker, so that build is made once per run. Files start longest first
# (measured: BENCHMARKS.md "Test suite"), so the longest is not left to run alone at the end.
# The grouping is xdist's scheduler hook, not ``--dist loadgroup``: with pytest 9.2, xdist 3.8's
# loadgroup cannot rename items (it sets ``_nodeid``, pytest now keeps ``_id``) and silently
# spreads every test of a file over the workers.
CORPUS_FILES = ("tests/test_build_seeds.py", "tests/test_card.py")
LONGEST_FIRST = ("tests/test_readme.py", "tests/test_release.py", "tests/test_packaging.py", "corpus",
                 "tests/test_build_integrity.py", "tests/test_scale.py", "tests/test_download.py",
                 "tests/test_hostile_mirror.py")


def _group(nodeid: str) -> str:
    """The scheduling unit of a test: its file, or "corpus" for the files sharing the corpus build."""
    path = nodeid.split("::", 1)[0]
    return "corpus" if path in CORPUS_FILES else path


def pytest_xdist_make_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class FileGroups(LoadScopeScheduling):
        """xdist's per-scope scheduling with :func:`_group` as the scope, in collection order."""

        def _split_scope(self, nodeid: str) -> str:
            return _group(nodeid)

    return FileGroups(config, log)


def pytest_collection_modifyitems(config, items):
    rank = {g: i for i, g in enumerate(LONGEST_FIRST)}
    # stable: within a file the order of collection (module fixtures and test order kept)
    items.sort(key=lambda i: rank.get(_group(i.nodeid), len(rank)))
    corpus = sorted({i.nodeid.split("::", 1)[0] for i in items if "corpus_build" in getattr(i, "fixturenames", ())})
    if set(corpus) - set(CORPUS_FILES):
        import warnings

        warnings.warn(f"{corpus} use corpus_build: add them to CORPUS_FILES in tests/conftest.py, or "
                      "each worker builds the whole seeds/ again", stacklevel=1)


@pytest.fixture(scope="session", autouse=True)
def _shared(tmp_path_factory):
    SHARED["cache"] = tmp_path_factory.mktemp("shared_cache")
    SHARED["home"] = tmp_path_factory.mktemp("shared_dagster")
    yield


def project_paths(root: Path, seeds: Path, outputs: Path | None = None, cache: Path | None = None) -> ProjectPaths:
    """Paths of a build of ``seeds`` into ``root/outputs`` with the session's shared cache."""
    from pipeline.defs.resources import ProjectPaths

    return ProjectPaths(root=str(root), seeds_dir=str(seeds), outputs_dir=str(outputs or root / "outputs"),
                        cache_dir=str(cache or SHARED["cache"]))


def build(paths: ProjectPaths, **kw):
    """``materialize_all`` with the session's Dagster instance."""
    from pipeline.defs.runner import materialize_all

    return materialize_all(paths, home=SHARED["home"], **kw)


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def fixture_mentions(*names: str) -> list[dict]:
    """The mentions of fixture documents as a build extracts them (document ids d0, d1, ...)."""
    from pipeline.extract import extract_document
    from pipeline.parsers import detect_format, parse_document

    out = []
    for i, name in enumerate(names):
        text = fixture_text(name)
        doc = parse_document(text, fmt=detect_format(text), path=name, doc_id=f"d{i}")
        out += extract_document(doc).mentions
    return out


def fixture_extract(name: str):
    """What the build extracts (``DocumentExtract``: mentions, figures, ...) from
    ``tests/fixtures/prose/<name>``, parsed and extracted as the build does."""
    from pipeline.extract import extract_document
    from pipeline.parsers import identify, parse_document

    text = (FIXTURES / "prose" / name).read_text(encoding="utf-8")
    fmt, key = identify(text)
    return extract_document(parse_document(text, fmt=fmt, path=f"prose/{name}", doc_id="fixture"), key)


def fixture_narrative(name: str) -> list[dict]:
    """The narrative mentions the build extracts from ``tests/fixtures/prose/<name>``, in order."""
    return [m for m in fixture_extract(name).mentions if m["kind"] == "narrative"]


def fixture_dated(name: str) -> list[tuple]:
    """(first 40 characters of the text, date, precision, date_basis) of every narrative mention of
    ``tests/fixtures/prose/<name>``, in order: what a reader checks of a dated statement."""
    return [(m["text"][:40], m["date"].isoformat(), m["date_precision"], m["date_basis"])
            for m in fixture_narrative(name)]


def fixture_figures(name: str, *, period: bool = False) -> list[tuple]:
    """The casualty figures the build extracts from ``tests/fixtures/casualties/<name>``: number text,
    low, high, outcome, victim group, scope (and the period's bounds with ``period=True``)."""
    from pipeline.extract import extract_document
    from pipeline.parsers import identify, parse_document

    text = (FIXTURES / "casualties" / name).read_text(encoding="utf-8")
    fmt, key = identify(text)
    doc = parse_document(text, fmt=fmt, path=f"casualties/{name}", doc_id="fixture")
    out = []
    for f in extract_document(doc, key).figures:
        row = (f["number_text"], f["count_low"], f["count_high"], f["outcome"], f["victim_group"], f["scope"])
        out.append(row + ((f["period_start"], f["period_end"]) if period else ()))
    return out


def fixture_resolved(*names: str):
    """The mentions of fixture documents resolved together, as a build resolves them."""
    import pandas as pd

    from pipeline.build import MENTION_COLUMNS, resolved_mentions

    return resolved_mentions(pd.DataFrame(fixture_mentions(*names), columns=MENTION_COLUMNS))


def fixture_records(*names: str) -> list[dict]:
    """The mentions of fixture documents as the resolution rules read them (``resolve.prepare``)."""
    import pandas as pd

    from pipeline.resolve import prepare

    recs = [dict(m, date=pd.Timestamp(m["date"])) for m in fixture_mentions(*names)]
    prepare(recs)
    return recs


def build_into(root: Path, seeds: Path) -> dict:
    """Build ``seeds`` into ``root/outputs/latest`` (session cache and Dagster instance); return the
    tables as DataFrames keyed by name."""
    paths = project_paths(root, seeds)
    build(paths)
    return read_tables(paths.latest)


def copy_seeds(dest: Path) -> Path:
    """The five seed documents (the top-level files of seeds/, not the corpus) copied into ``dest``:
    small and fast, and the documents most value tests are written against."""
    dest.mkdir(parents=True)
    for p in sorted(SEEDS_DIR.iterdir()):
        if p.is_file() and not p.name.startswith("."):
            shutil.copy(p, dest / p.name)
    return dest


@pytest.fixture(scope="session")
def seeds_only(tmp_path_factory) -> Path:
    """A folder holding only the five seed documents."""
    return copy_seeds(tmp_path_factory.mktemp("five_seeds") / "seeds")


def once_per_run(tmp_path_factory, name: str, make) -> Path:
    """A folder ``make(folder)`` fills once per test run, however many xdist workers ask for it: the
    first asks under an exclusive lock and makes it, the others wait for the lock and find it made.
    Tests only read it (copy it to change it). Under xdist each worker's basetemp is
    ``<run basetemp>/popen-gwN``, so the run's own folder is its parent; with ``-n 0`` it is the
    basetemp itself. A folder a failed ``make`` left half-made is made again by the next asker."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    folder, done = base / f"run-{name}", base / f"run-{name}.done"
    with open(base / f"run-{name}.lock", "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not done.is_file():
                shutil.rmtree(folder, ignore_errors=True)
                folder.mkdir()
                make(folder)
                done.touch()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return folder


def read_tables(latest: Path) -> dict:
    from pipeline.io import read_table
    from schemas import TABLES

    return {t: read_table(latest / f"{t}.parquet") for t in TABLES}


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory, seeds_only) -> tuple[Path, dict]:
    """The build of the five seeds, made once per run (``once_per_run``): ``(root, tables)``, the
    tables in ``root/outputs/latest``."""
    root = once_per_run(tmp_path_factory, "seed_build", lambda folder: build_into(folder, seeds_only))
    return root, read_tables(root / "outputs" / "latest")


@pytest.fixture(scope="session")
def seed_releases(tmp_path_factory, seed_build) -> Path:
    """A releases folder holding only 1.0.0 of ``seed_build``, published once per run: what
    ``publish_release(seed_build latest, releases)`` leaves (releases are byte-identical for the
    same tables, tests/test_release.py). Copy it (``copy_releases``) to publish more or to tamper."""
    from pipeline.release import publish_release

    def make(folder: Path) -> None:
        info = publish_release(seed_build[0] / "outputs" / "latest", folder / "releases")
        assert (info.published, info.version, info.previous) == (True, "1.0.0", None)
        kept = {k: v for k, v in vars(info).items() if k not in ("path", "diff")}
        kept.update(path=info.path.relative_to(folder / "releases").as_posix() if info.path else None,
                    diff=None if info.diff is None else "not kept")
        (folder / "first-release.json").write_text(json.dumps(kept), encoding="utf-8")

    return once_per_run(tmp_path_factory, "seed_releases", make) / "releases"


def seed_release_info(seed_releases: Path, releases: Path):
    """The ``ReleaseInfo`` that ``publish_release`` returned when it made ``seed_releases`` (kept
    beside it as JSON, for its copy at ``releases``: ``path`` is the same version folder in the
    copy; a first release has no diff, and a diff would be reported as the string "not kept")."""
    from pipeline.release import ReleaseInfo

    kept = json.loads((seed_releases.parent / "first-release.json").read_text(encoding="utf-8"))
    kept["path"] = releases / kept["path"] if kept["path"] is not None else None
    return ReleaseInfo(**kept)


def copy_releases(releases: Path, dest: Path) -> Path:
    """A copy of the releases folder ``releases`` at ``dest`` (whose parent exists)."""
    return shutil.copytree(releases, dest)


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory) -> tuple[Path, dict]:
    """The integration build: the whole seeds/ folder (five seeds + the real corpus)."""
    root = tmp_path_factory.mktemp("corpus_build")
    return root, build_into(root, SEEDS_DIR)


@pytest.fixture(scope="session")
def tables(seed_build) -> dict:
    return seed_build[1]


def seal_build(folder: Path) -> Path:
    """Write a build manifest for tables a test put into ``folder`` by hand, as a finished build
    would (``pipeline.builds.write_manifest``), so ``release`` accepts the folder as a build."""
    from pipeline.builds import write_manifest
    from pipeline.io import read_row_count
    from schemas import TABLES

    tables = [t for t in TABLES if (folder / f"{t}.parquet").is_file()]
    write_manifest(folder, folder.name, [], tables, {t: read_row_count(folder / f"{t}.parquet") for t in tables}, "test")
    return folder




@contextlib.contextmanager
def serve_folder(folder: Path, handler: type[http.server.SimpleHTTPRequestHandler]):
    """A real ThreadingHTTPServer on 127.0.0.1 (port 0) serving ``folder`` with ``handler``, in a
    thread; yields the server with ``url`` and ``folder`` set (tests add their own attributes), and
    shuts it down afterwards (polling every 10 ms, so teardown does not wait)."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    httpd.url = f"http://127.0.0.1:{httpd.server_address[1]}"  # type: ignore[attr-defined]
    httpd.folder = folder  # type: ignore[attr-defined]
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)
