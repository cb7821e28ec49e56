"""Discover stage: list the input files, hash them, detect their format, or say why not.

Every regular file under ``seeds/`` is an input, except names starting with "." (editor and VCS
files such as .gitkeep), which are not documents. Each input ends as a document or a quarantine row.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .parsers import detect_format


@dataclass(frozen=True)
class FileRecord:
    path: str            # relative to seeds/, forward slashes
    sha256: str
    byte_size: int
    format: str | None   # detected format, None when unusable
    problem: str | None  # quarantine reason at the discover stage

    @property
    def doc_id(self) -> str:
        return self.sha256[:16]


def list_inputs(seeds_dir: Path) -> list[str]:
    """Relative paths of the input files, sorted (the order never matters for ids)."""
    out = []
    for p in seeds_dir.rglob("*"):
        rel = p.relative_to(seeds_dir)
        if any(part.startswith(".") for part in rel.parts) or not p.is_file():
            continue
        out.append(rel.as_posix())
    return sorted(out)


def read_text(data: bytes) -> str:
    """Strict UTF-8 (a BOM is dropped); raises UnicodeDecodeError otherwise."""
    return data.decode("utf-8-sig")


def inspect(seeds_dir: Path, rel: str) -> FileRecord:
    data = (seeds_dir / rel).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        return FileRecord(rel, digest, len(data), None, "empty file")
    try:
        text = read_text(data)
    except UnicodeDecodeError as exc:
        return FileRecord(rel, digest, len(data), None, f"not UTF-8: invalid byte at offset {exc.start}")
    fmt = detect_format(text)
    if fmt is None:
        return FileRecord(rel, digest, len(data), None,
                          "unknown format: neither a current-events page nor an article with known front matter")
    return FileRecord(rel, digest, len(data), fmt, None)


def mark_duplicates(records: list[FileRecord]) -> list[FileRecord]:
    """Files with identical bytes are one document: the first path (sorted) is kept, the others
    are quarantined as duplicates of it, so ids never depend on which copy came first on disk."""
    first: dict[str, str] = {}
    out = []
    for r in sorted(records, key=lambda r: r.path):
        if r.problem is None and r.sha256 in first:
            r = FileRecord(r.path, r.sha256, r.byte_size, None, f"duplicate of {first[r.sha256]}")
        elif r.problem is None:
            first[r.sha256] = r.path
        out.append(r)
    return out
