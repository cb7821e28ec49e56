"""Discover stage: list the input files, hash them, detect their format, or say why not.

Every regular file under ``seeds/`` is an input, except names starting with "." (editor and VCS
files such as .gitkeep) and the catalogue files of a collection (``MANIFEST.csv``, ``SOURCES.md``:
they describe the documents beside them, where each comes from and its licence, and are read as
such, once, by ``discover`` through ``pipeline.catalogue``, never as documents). Each input ends as
a document or a quarantine row.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from pathlib import Path

from .catalogue import CATALOGUE_FILES, CatalogueEntry, read_catalogue
from .parsers import identify


@dataclass(frozen=True)
class FileRecord:
    path: str            # relative to seeds/, forward slashes
    sha256: str
    byte_size: int
    format: str | None   # detected format, None when unusable
    problem: str | None  # quarantine reason at the discover stage
    key: str | None = None  # what the document is (parsers.identify); ids hash it
    catalogue: CatalogueEntry | None = None  # the catalogue's row for the file (pipeline.catalogue)

    @property
    def id_key(self) -> str:
        """The key the document's row ids are hashed from: its document key, else its doc_id."""
        return self.key or self.doc_id

    @property
    def doc_id(self) -> str:
        return self.sha256[:16]


def list_inputs(seeds_dir: Path) -> list[str]:
    """Relative paths of the input files, sorted (the order never matters for ids)."""
    out = []
    for p in seeds_dir.rglob("*"):
        rel = p.relative_to(seeds_dir)
        if any(part.startswith(".") for part in rel.parts) or not p.is_file() or p.name in CATALOGUE_FILES:
            continue
        out.append(rel.as_posix())
    return sorted(out)


def read_text(data: bytes) -> str:
    """Strict UTF-8 (a BOM is dropped); raises UnicodeDecodeError otherwise."""
    return data.decode("utf-8-sig")


def inspect(seeds_dir: Path, rel: str) -> FileRecord:
    """Hash, size, format and document key of one file, or why it cannot be used.

    The parse stage reads the file again rather than carrying every text through the inventory:
    the inventory stays small (it must be complete before parsing, for duplicates and key
    collisions), and the second read comes from the page cache.
    """
    data = (seeds_dir / rel).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        return FileRecord(rel, digest, len(data), None, "empty file")
    if b"\x00" in data:
        return FileRecord(rel, digest, len(data), None, "binary file: contains NUL bytes")
    try:
        text = read_text(data)
    except UnicodeDecodeError as exc:
        return FileRecord(rel, digest, len(data), None, f"not UTF-8: invalid byte at offset {exc.start}")
    fmt, key = identify(text)
    if fmt is None:
        return FileRecord(rel, digest, len(data), None,
                          "unknown format: neither a current-events page nor an article with known front matter")
    return FileRecord(rel, digest, len(data), fmt, None, key)


def mark_duplicates(records: list[FileRecord]) -> list[FileRecord]:
    """Files with identical bytes are one document: the first path (sorted) is kept, the others
    are quarantined as duplicates of it, so ids never depend on which copy came first on disk.

    Different files with the same document key (two versions of one article) are both used; the
    one with the smallest hash keeps the plain key, the others' keys get their doc_id appended,
    so ids stay unique and independent of file names and order."""
    first: dict[str, str] = {}
    out = []
    for r in sorted(records, key=lambda r: r.path):
        if r.problem is None and r.sha256 in first:
            r = dataclasses.replace(r, format=None, problem=f"duplicate of {first[r.sha256]}", key=None)
        elif r.problem is None:
            first[r.sha256] = r.path
        out.append(r)
    owner: dict[str, str] = {}
    for r in sorted(out, key=lambda r: r.sha256):
        if r.problem is None and r.key is not None:
            owner.setdefault(r.key, r.sha256)
    return [dataclasses.replace(r, key=f"{r.key}#{r.doc_id}")
            if r.key is not None and owner.get(r.key, r.sha256) != r.sha256 else r for r in out]


def discover(seeds_dir: Path) -> list[FileRecord]:
    """Every input file inspected, duplicates marked, each with its catalogue row (read once)."""
    catalogue = read_catalogue(seeds_dir)
    records = mark_duplicates([inspect(seeds_dir, rel) for rel in list_inputs(seeds_dir)])
    return [dataclasses.replace(r, catalogue=catalogue[r.path]) if r.path in catalogue else r for r in records]
