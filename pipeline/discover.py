"""Discover stage: list every entry under ``seeds/``, hash it, detect its format, or say why not.

Every entry under ``seeds/`` is an input, except names starting with "." (editor and VCS files
such as .gitkeep, and everything inside a hidden folder) and the catalogue files of a collection
(``MANIFEST.csv``, ``SOURCES.md``: they describe the documents beside them, where each comes from
and its licence, and are read as such, once, by ``discover`` through ``pipeline.catalogue``, never
as documents). Each input ends as a document or a quarantine row; the accounting check (``pipeline.integrity``) walks the disk again on its own and
counts every entry it finds.

What is an entry, and what is refused (decisions):

- The walk (``list_inputs``) never follows a symbolic link and never opens anything but folders.
  A folder is entered; a folder that cannot be listed (no permission, I/O error) is itself an
  entry and becomes a quarantine row ("unreadable folder"), so its files never vanish silently.
- **Symbolic links are never followed**, wherever they point: a link to a file outside
  ``seeds/`` would ingest a file nobody put there (``/etc/passwd``); a link inside ``seeds/`` names
  a file that is an input on its own anyway (following it would only give a duplicate), and a
  link to a folder could loop. Each link is a quarantine row saying where it points (outside
  ``seeds/``, inside it, or nowhere: a broken link).
- Named pipes (FIFOs), sockets and devices are never opened (opening a FIFO blocks until a writer
  comes): each is a quarantine row naming its kind. A regular file is opened with ``O_NOFOLLOW``
  and ``O_NONBLOCK`` and checked again after opening, so a file swapped for a link or a pipe
  between the walk and the read cannot block or escape either.
- A file name that is not valid UTF-8 cannot be a value of the (UTF-8) ``path`` column: the file is
  quarantined with its name written with the invalid bytes as ``\\xNN`` escapes (``display_path``).
- A file that cannot be read (no permission, I/O error) is a quarantine row with the error; its
  ``sha256`` is null (never read), its ``byte_size`` the size the file system reports.
- The size limits of ``pipeline.limits`` (document size, line length) are checked here, the
  document size before reading (at most ``MAX_DOCUMENT_BYTES`` + 1 bytes are ever read).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .catalogue import CATALOGUE_FILES, CatalogueEntry, read_catalogue
from .files import UnreadableError, entry_kind, read_document
from .limits import MAX_DOCUMENT_BYTES, MAX_LINE_CHARS, over


@dataclass(frozen=True)
class FileRecord:
    path: str               # relative to seeds/, forward slashes (display_path of the name)
    sha256: str | None      # None when the entry was not read (not a regular file, unreadable, too large)
    byte_size: int | None   # size of a regular file; None for other entries
    format: str | None      # detected format, None when unusable
    problem: str | None     # quarantine reason at the discover stage
    key: str | None = None  # what the document is (parsers.identify); ids hash it
    catalogue: CatalogueEntry | None = None  # the catalogue's row for the file (pipeline.catalogue)

    @property
    def id_key(self) -> str:
        """The key the document's row ids are hashed from: its document key, else its doc_id."""
        return self.key or self.doc_id

    @property
    def doc_id(self) -> str:
        return (self.sha256 or "")[:16]      # every usable file was read, so has its sha256


def is_excluded(rel: str) -> bool:
    """True for what is not an input: hidden names (any part starting with ".") and catalogue files."""
    parts = rel.split("/")
    return any(p.startswith(".") for p in parts) or parts[-1] in CATALOGUE_FILES


def display_path(rel: str) -> str:
    """The path as it is written in the tables: itself when the name is UTF-8, else with every
    byte that is not UTF-8 written as a ``\\xNN`` escape (names come from the OS as str with
    surrogate escapes, which no UTF-8 column can hold)."""
    return os.fsencode(rel).decode("utf-8", "backslashreplace")


def list_inputs(seeds_dir: Path) -> list[str]:
    """Relative paths of every input entry under ``seeds_dir``, sorted (the order never matters
    for ids): regular files, links, pipes, devices, sockets, and folders that cannot be listed.

    Paths are str as the OS gives them (a name that is not UTF-8 keeps surrogate escapes, so the
    entry can still be reached); ``display_path`` gives what the tables hold."""
    out: list[str] = []
    pending = [""]
    while pending:
        rel_dir = pending.pop()
        try:
            with os.scandir(os.path.join(seeds_dir, rel_dir) if rel_dir else seeds_dir) as it:
                entries = list(it)
        except OSError:
            if not rel_dir:
                raise            # the seeds folder itself: builds.check_seeds reports it
            out.append(rel_dir)  # an unreadable folder is an entry of its own
            continue
        for e in entries:
            rel = f"{rel_dir}/{e.name}" if rel_dir else e.name
            if is_excluded(rel):
                continue
            try:
                is_dir = e.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                pending.append(rel)
            else:
                out.append(rel)
    return sorted(out)


def read_text(data: bytes) -> str:
    """Strict UTF-8 (a BOM is dropped); raises UnicodeDecodeError otherwise."""
    return data.decode("utf-8-sig")


def _link_reason(seeds_dir: Path, full: str) -> str:
    """Why a symbolic link is refused: where it points, as a path under seeds/ when inside."""
    try:
        target = os.readlink(full)
    except OSError as exc:
        return f"symbolic link refused (links are not followed): cannot read it: {exc.strerror}"
    shown = display_path(target)
    if not os.path.exists(full):
        return f"broken symbolic link: its target {shown} does not exist"
    root = os.path.realpath(seeds_dir)
    real = os.path.realpath(full)
    if os.path.commonpath([root, real]) != root:
        return f"symbolic link refused: it points outside seeds/ (to {shown})"
    inside = display_path(os.path.relpath(real, root).replace(os.sep, "/"))
    return f"symbolic link refused (links are not followed): it points to {inside} inside seeds/"


def longest_line(text: str) -> tuple[int, int]:
    """(line number from 1, length) of the longest line (lines as ``str.splitlines`` cuts them,
    as the parsers do)."""
    lengths = list(map(len, text.splitlines()))
    longest = max(lengths, default=0)
    return (lengths.index(longest) + 1, longest) if longest else (0, 0)     # the first longest line


Identify = Callable[[str, str], "tuple[str | None, str | None]"]   # (sha256, text) -> (format, key)


def identify_text(sha256: str, text: str) -> tuple[str | None, str | None]:
    """``parsers.identify`` of a decoded document (the default of ``inspect``; ``pipeline.build``
    passes one that remembers the answer for bytes it has seen)."""
    from .parsers import identify  # the parsers (their patterns): only where a document is identified

    return identify(text)


def inspect(seeds_dir: Path, rel: str, identified: Identify = identify_text) -> FileRecord:
    """Hash, size, format and document key of one entry, or why it cannot be used.

    The parse stage reads the file again rather than carrying every text through the inventory:
    the inventory stays small (it must be complete before parsing, for duplicates and key
    collisions), and the second read comes from the page cache.
    """
    path = display_path(rel)
    full = os.path.join(seeds_dir, rel)

    def refused(reason: str, size: int | None = None, digest: str | None = None) -> FileRecord:
        return FileRecord(path, digest, size, None, reason)

    try:
        st = os.lstat(full)
    except OSError as exc:
        return refused(f"cannot be examined: {exc.strerror or type(exc).__name__}")
    mode = st.st_mode
    if stat.S_ISLNK(mode):
        return refused(_link_reason(seeds_dir, full))
    if stat.S_ISDIR(mode):
        try:
            with os.scandir(full):
                pass
        except OSError as exc:
            return refused(f"unreadable folder: {exc.strerror or type(exc).__name__}: "
                           "the files in it cannot be listed")
        return refused("unreadable folder: it could not be listed when the build began")
    if not stat.S_ISREG(mode):
        return refused(f"not a regular file: {entry_kind(mode)}; it is not opened")
    if path != rel:
        return refused("file name is not UTF-8: rename the file (its name is shown with \\xNN escapes)",
                       st.st_size)
    if st.st_size > MAX_DOCUMENT_BYTES:
        return refused(over("document of", st.st_size, MAX_DOCUMENT_BYTES, "MAX_DOCUMENT_BYTES", "bytes"),
                       st.st_size)
    try:
        data = read_document(full)
    except UnreadableError as exc:
        return refused(exc.reason, st.st_size)
    digest = hashlib.sha256(data).hexdigest()
    if len(data) > MAX_DOCUMENT_BYTES:   # it grew since lstat
        return refused(f"document grew past the limit of {MAX_DOCUMENT_BYTES:,} bytes while it was read "
                       "(MAX_DOCUMENT_BYTES)", None, None)
    if not data.strip():
        return refused("empty file", len(data), digest)
    if b"\x00" in data:
        return refused("binary file: contains NUL bytes", len(data), digest)
    try:
        text = read_text(data)
    except UnicodeDecodeError as exc:
        return refused(f"not UTF-8: invalid byte at offset {exc.start}", len(data), digest)
    line, length = longest_line(text)
    if length > MAX_LINE_CHARS:
        return refused(over(f"line {line} has", length, MAX_LINE_CHARS, "MAX_LINE_CHARS", "characters"),
                       len(data), digest)
    try:
        fmt, key = identified(digest, text)
    except Exception as exc:  # noqa: BLE001 - one bad document must never stop a build
        return refused(f"format detection failed: {type(exc).__name__}", len(data), digest)
    if fmt is None:
        return refused("unknown format: neither a current-events page nor an article with known front matter",
                       len(data), digest)
    return FileRecord(path, digest, len(data), fmt, None, key)


def mark_duplicates(records: list[FileRecord]) -> list[FileRecord]:
    """Files with identical bytes are one document: the first path (sorted) is kept, the others
    are quarantined as duplicates of it, so ids never depend on which copy came first on disk.

    Different files with the same document key (two versions of one article) are both used; the
    one with the smallest hash keeps the plain key, the others' keys get their doc_id appended,
    so ids stay unique and independent of file names and order."""
    first: dict[str, str] = {}
    out = []
    for r in sorted(records, key=lambda r: r.path):
        sha = r.sha256 or ""                 # set for every file without a problem
        if r.problem is None and sha in first:
            r = dataclasses.replace(r, format=None, problem=f"duplicate of {first[sha]}", key=None)
        elif r.problem is None:
            first[sha] = r.path
        out.append(r)
    owner: dict[str, str] = {}
    for r in sorted(out, key=lambda r: (r.sha256 or "", r.path)):
        if r.problem is None and r.key is not None:
            owner.setdefault(r.key, r.sha256 or "")
    return [dataclasses.replace(r, key=f"{r.key}#{r.doc_id}")
            if r.key is not None and owner.get(r.key, r.sha256) != r.sha256 else r for r in out]


def discover(seeds_dir: Path, identified: Identify = identify_text) -> list[FileRecord]:
    """Every input entry inspected, duplicates marked, each with its catalogue row (read once)."""
    catalogue = read_catalogue(seeds_dir)
    records = mark_duplicates([inspect(seeds_dir, rel, identified) for rel in list_inputs(seeds_dir)])
    return [dataclasses.replace(r, catalogue=catalogue[r.path]) if r.path in catalogue else r for r in records]
