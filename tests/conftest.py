from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.defs.resources import ProjectPaths
from pipeline.defs.runner import materialize_all
from pipeline.io import read_table
from pipeline.paths import REPO_ROOT
from schemas import TABLES

SEEDS_DIR = REPO_ROOT / "seeds"          # everything the README's build reads: 5 seeds + corpus/
FIXTURES = Path(__file__).parent / "fixtures"

# One per-document cache and one Dagster instance for the whole session (set by ``_shared``):
# documents are extracted once per session whatever the number of builds (the cache is keyed by
# content and code version, so sharing it cannot change a result; tests of the cache itself use
# their own folders), and the instance's SQLite storage is created once.
SHARED: dict[str, Path] = {}

# --- parallel runs (pytest-xdist, ``-n auto --dist loadgroup`` in pyproject's addopts) ----------------
# Every test file is one group, run whole by one worker, so module fixtures (a release history, a
# fresh venv) are made once; files whose tests use ``corpus_build`` (the integration build of the
# whole seeds/) share one group, so that build is made once per run. Groups start longest first
# (measured, BENCHMARKS.md "Test suite"), so the longest is not left to run alone at the end.
LONGEST_FIRST = ("test_readme", "test_release", "test_packaging", "corpus", "test_build_integrity",
                 "test_scale", "test_download", "test_hostile_mirror")


def _group(item) -> str:
    return item.module.__name__.rsplit(".", 1)[-1]


def pytest_collection_modifyitems(config, items):
    corpus_modules = {_group(i) for i in items if "corpus_build" in getattr(i, "fixturenames", ())}
    groups = {}
    for item in items:
        name = _group(item)
        groups[item.nodeid] = "corpus" if name in corpus_modules else name
        item.add_marker(pytest.mark.xdist_group(groups[item.nodeid]))
    rank = {g: i for i, g in enumerate(LONGEST_FIRST)}
    # stable: within a group the order of collection (module fixtures and test order kept)
    items.sort(key=lambda i: rank.get(groups[i.nodeid], len(rank)))


@pytest.fixture(scope="session", autouse=True)
def _shared(tmp_path_factory):
    SHARED["cache"] = tmp_path_factory.mktemp("shared_cache")
    SHARED["home"] = tmp_path_factory.mktemp("shared_dagster")
    yield


def project_paths(root: Path, seeds: Path, outputs: Path | None = None, cache: Path | None = None) -> ProjectPaths:
    """Paths of a build of ``seeds`` into ``root/outputs`` with the session's shared cache."""
    return ProjectPaths(root=str(root), seeds_dir=str(seeds), outputs_dir=str(outputs or root / "outputs"),
                        cache_dir=str(cache or SHARED["cache"]))


def build(paths: ProjectPaths, **kw):
    """``materialize_all`` with the session's Dagster instance."""
    return materialize_all(paths, home=SHARED["home"], **kw)


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def build_into(root: Path, seeds: Path) -> dict:
    """Build ``seeds`` into ``root/outputs/latest`` (session cache and Dagster instance); return the
    tables as DataFrames keyed by name."""
    paths = project_paths(root, seeds)
    build(paths)
    return {t: read_table(paths.latest / f"{t}.parquet") for t in TABLES}


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


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory, seeds_only) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("seed_build")
    return root, build_into(root, seeds_only)


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

    tables = [t for t in TABLES if (folder / f"{t}.parquet").is_file()]
    write_manifest(folder, folder.name, [], tables, {t: read_row_count(folder / f"{t}.parquet") for t in tables}, "test")
    return folder
