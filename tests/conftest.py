from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.io import read_table
from pipeline.resources import REPO_ROOT, ProjectPaths
from pipeline.runner import materialize_all
from schemas import TABLES

SEEDS = REPO_ROOT / "seeds"
FIXTURES = Path(__file__).parent / "fixtures"


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def build_into(root: Path, seeds: Path) -> dict:
    """Build ``seeds`` into ``root/outputs/latest`` with a Dagster instance in ``root/.dagster``;
    return the tables as DataFrames keyed by name."""
    paths = ProjectPaths(root=str(root), seeds_dir=str(seeds), outputs_dir=str(root / "outputs"))
    materialize_all(paths, home=root / ".dagster")
    return {t: read_table(paths.latest / f"{t}.parquet") for t in TABLES}


def copy_seeds(dest: Path) -> Path:
    shutil.copytree(SEEDS, dest)
    return dest


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("seed_build")
    return root, build_into(root, SEEDS)


@pytest.fixture(scope="session")
def tables(seed_build) -> dict:
    return seed_build[1]
