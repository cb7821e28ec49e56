"""Reading one entry of ``seeds/`` without following a link, without blocking, within the size limit.

Plain functions (standard library only), shared by ``discover`` and the parse stage (documents)
and by ``catalogue`` (``MANIFEST.csv``, ``SOURCES.md``): whatever sits under ``seeds/`` under those
names, a link to a file outside, a FIFO that would block ``open`` until a writer comes, a device,
is refused here, never opened for reading.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .limits import MAX_DOCUMENT_BYTES

_KINDS = [(stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")]


def entry_kind(mode: int) -> str:
    """What a non-regular entry is, from its ``st_mode``."""
    return next((name for test, name in _KINDS if test(mode)), "an entry of unknown type")


class UnreadableError(Exception):
    """A regular file that could not be read; ``reason`` is the quarantine reason."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def read_document(path: str | Path) -> bytes:
    """The bytes of a regular file, at most ``MAX_DOCUMENT_BYTES`` + 1 of them: opened without
    following a link and without blocking, and refused (``UnreadableError``) when it is not a
    regular file once open or cannot be read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise UnreadableError(f"unreadable: {exc.strerror or type(exc).__name__}") from exc
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise UnreadableError(f"not a regular file: {entry_kind(st.st_mode)}")
        chunks, left = [], MAX_DOCUMENT_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise UnreadableError(f"unreadable: {exc.strerror or type(exc).__name__}") from exc
    finally:
        os.close(fd)
