"""``syria-events``: build the dataset without knowing Dagster.

    syria-events build [--seeds DIR] [--outputs DIR]   materialize every asset into outputs/latest/
    syria-events codebook                                print the codebook generated from schemas/
    syria-events dev                                     open the Dagster UI (instance in .dagster/)
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .resources import REPO_ROOT, ProjectPaths


def _build(args: argparse.Namespace) -> int:
    from .runner import materialize_all

    paths = ProjectPaths(root=str(REPO_ROOT), seeds_dir=str(Path(args.seeds).resolve()) if args.seeds else "",
                         outputs_dir=str(Path(args.outputs).resolve()) if args.outputs else "")
    materialize_all(paths)
    from .io import read_table
    from schemas import TABLES

    print(f"built {paths.latest}")
    for table in TABLES:
        path = paths.latest / f"{table}.parquet"
        print(f"  {table:<18} {len(read_table(path)):>7} rows  {path.stat().st_size:>9} bytes")
    return 0


def _codebook(args: argparse.Namespace) -> int:
    from schemas.contract import codebook_markdown

    sys.stdout.write(codebook_markdown())
    return 0


def _dev(args: argparse.Namespace) -> int:
    from .runner import dagster_home

    env = dict(os.environ, DAGSTER_HOME=str(dagster_home(REPO_ROOT / ".dagster")))
    exe = Path(sys.executable).with_name("dagster")
    os.execve(str(exe), [str(exe), "dev", "-m", "pipeline", *args.rest], env)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="syria-events", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build outputs/latest/ from seeds/")
    b.add_argument("--seeds", help="folder of input documents (default: seeds/)")
    b.add_argument("--outputs", help="output folder (default: outputs/); tables go to <outputs>/latest/")
    b.set_defaults(func=_build)
    sub.add_parser("codebook", help="print the codebook").set_defaults(func=_codebook)
    d = sub.add_parser("dev", help="start the Dagster UI on this project")
    d.add_argument("rest", nargs=argparse.REMAINDER)
    d.set_defaults(func=_dev)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
