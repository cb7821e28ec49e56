#!/usr/bin/env python3
"""Bootstrap for a fresh machine with only Python 3.11+: creates .venv, installs the project
(again only when pyproject.toml changed), then runs the command.

    python3 dev.py build [args]   build outputs/latest/ from seeds/ (syria-events build)
    python3 dev.py test [args]    run the test suite (pytest)
    python3 dev.py run CMD [args] run any command inside .venv (e.g. run syria-events dev)
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")


def ensure_env() -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"Python 3.11+ is required, this is {sys.version.split()[0]}")
    if not (BIN / "python").exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / ".installed"
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == want:
        return
    pip = [str(BIN / "python"), "-m", "pip", "--disable-pip-version-check"]
    subprocess.run(pip + ["install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run(pip + ["install", "--quiet", "-e", f"{ROOT}[test]"], check=True)
    stamp.write_text(want)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"build", "test", "run"}:
        print(__doc__)
        return 2
    ensure_env()
    cmd, rest = argv[0], argv[1:]
    if cmd == "build":
        args = [str(BIN / "syria-events"), "build", *rest]
    elif cmd == "test":
        args = [str(BIN / "python"), "-m", "pytest", *rest]
    else:
        args = [str(BIN / rest[0]) if (BIN / rest[0]).exists() else rest[0], *rest[1:]]
    return subprocess.run(args, cwd=ROOT).returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
