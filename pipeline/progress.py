"""Progress of a long stage on the terminal: one line on stderr, rewritten in place.

    extract: 1,200/5,000 documents (83/s)

Written only when the command was started on a terminal (a person watching); in logs, CI and
pipes nothing is written, so captured output stays clean. Dagster captures the output of the steps
it runs, so ``syria-events build`` calls ``attach_terminal()`` before the run: it keeps a copy of the
terminal's stderr that the stages write to. No dependency: the stage's own loop calls ``update``.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

_TERMINAL: TextIO | None = None


def attach_terminal() -> None:
    """Keep a copy of stderr for progress lines when it is a terminal (call before Dagster runs)."""
    global _TERMINAL
    import os

    if _TERMINAL is None and sys.stderr.isatty():
        _TERMINAL = os.fdopen(os.dup(sys.stderr.fileno()), "w", buffering=1)


class Progress:
    """``update(n)`` after each piece of work; ``close()`` ends the line with the totals."""

    def __init__(self, stage: str, total: int, unit: str = "documents", stream: TextIO | None = None,
                 enabled: bool | None = None, min_interval: float = 0.5):
        self.stage, self.total, self.unit = stage, total, unit
        self.stream = stream if stream is not None else (_TERMINAL or sys.stderr)
        self.enabled = enabled if enabled is not None else bool(getattr(self.stream, "isatty", lambda: False)())
        self.min_interval = min_interval
        self.done = 0
        self.t0 = time.perf_counter()
        self._last = 0.0

    def line(self) -> str:
        elapsed = max(time.perf_counter() - self.t0, 1e-9)
        return f"{self.stage}: {self.done:,}/{self.total:,} {self.unit} ({self.done / elapsed:,.0f}/s)"

    def update(self, n: int) -> None:
        self.done += n
        now = time.perf_counter()
        if self.enabled and (now - self._last >= self.min_interval or self.done >= self.total):
            self._last = now
            self.stream.write("\r" + self.line())
            self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.total:
            self.stream.write("\r" + self.line() + "\n")
            self.stream.flush()
