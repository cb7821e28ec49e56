"""Build progress: a line on a terminal, nothing in logs."""

import io

from pipeline.progress import Progress


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_line_on_a_terminal():
    out = Terminal()
    p = Progress("extract", 180, stream=out, min_interval=0)
    p.update(100)
    p.update(80)
    p.close()
    lines = out.getvalue().split("\r")
    assert lines[1].startswith("extract: 100/180 documents (")
    assert lines[-1].startswith("extract: 180/180 documents (") and lines[-1].endswith("/s)\n")


def test_no_progress_when_not_a_terminal():
    out = io.StringIO()
    p = Progress("extract", 180, stream=out, min_interval=0)
    p.update(180)
    p.close()
    assert out.getvalue() == ""
