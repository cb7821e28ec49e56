"""Where each document comes from: its public URL and its licence.

A collection of documents may carry catalogue files beside them (they describe the documents and
are never read as documents, see ``discover``):

* ``MANIFEST.csv``: one row per file; columns used: ``file`` (path relative to the manifest's
  folder), ``source_repo`` and ``source_path`` (the repository and path the file was copied
  from), and, when present, ``url`` and ``licence`` (or ``license``).
* ``SOURCES.md``: prose plus a markdown table of the files with a ``licence`` column; read for
  that column only, when the manifest has none.

The public URL of a document is, first that is known: the manifest's ``url``; the URL the
document itself states (a Wikipedia article's subject, a current-events page's own link: see the
parsers); the URL its source site publishes the copied path at (``SITE_RULES``, one rule per
source repository, each taken from how the site's own pages link to each other). A document with
no manifest row and no self-stated URL has none (null).

The licence is the catalogue's (normalised to an SPDX identifier when it names a Creative Commons
licence: "CC BY-SA 4.0 (Wikipedia)" -> ``CC-BY-SA-4.0``), else that of the document's source as
the source states it (``FORMAT_LICENCES``).

Plain functions, read once per build at discover; a missing or unreadable catalogue never stops a
build (its documents simply have no catalogue row). Catalogue files are read like documents
(``pipeline.files``): a link, a FIFO or a device under their name is never opened.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from .files import UnreadableError, read_document

MANIFEST = "MANIFEST.csv"
SOURCES = "SOURCES.md"
CATALOGUE_FILES = frozenset({MANIFEST, SOURCES})


@dataclass(frozen=True)
class CatalogueEntry:
    """What the catalogue says about one file."""

    source_repo: str | None = None
    source_path: str | None = None
    url: str | None = None       # stated by the manifest
    licence: str | None = None   # as the catalogue writes it

    @property
    def site_url(self) -> str | None:
        """The page the source site publishes ``source_path`` at (``SITE_RULES``)."""
        rule = SITE_RULES.get((self.source_repo or "").lower())
        return rule(self.source_path) if rule and self.source_path else None


def _thecontext(path: str) -> str | None:
    # nixworks/public is the repository of thecontext.net (its faq/README.md); every page renders
    # as <path>.html, the link each page's "Formats:" line gives for itself.
    if not path.startswith("news/"):
        return None
    return "https://thecontext.net/" + re.sub(r"\.md$", ".html", path)


def _syrian_archive(path: str) -> str | None:
    # tareefdev/beta-content is the content repository of syrianarchive.org; its pages link each
    # other as https://syrianarchive.org/en/investigations/<Folder>/<Page>.html and a folder's
    # index as .../<Folder>/; an "_ar" page is the Arabic version under /ar/.
    stem = re.sub(r"\.mdx?$", "", path)
    lang = "en"
    if stem.endswith("_ar"):
        stem, lang = stem[:-3], "ar"
    if stem == "index" or stem.endswith("/index"):
        return f"https://syrianarchive.org/{lang}/{stem[:-len('index')]}"
    return f"https://syrianarchive.org/{lang}/{stem}.html"


SITE_RULES = {
    "nixworks/public": _thecontext,
    "thecontextnet/public": _thecontext,
    "tareefdev/beta-content": _syrian_archive,
}

# The licence each source states for its pages: thecontext.net's FAQ (CC BY-SA 3.0, text from
# Wikipedia's Portal:Current events), Wikipedia's text (CC BY-SA 4.0), the Syrian Archive's
# copyright page (CC BY-SA 4.0).
FORMAT_LICENCES = {
    "current_events": "CC-BY-SA-3.0",
    "current_events_day": "CC-BY-SA-3.0",
    "wikipedia": "CC-BY-SA-4.0",
    "syrian_archive": "CC-BY-SA-4.0",
}

_CC = re.compile(r"\bCC[\s-]?((?:BY|SA|NC|ND)(?:[\s-](?:BY|SA|NC|ND))*)[\s-]+(\d\.\d)\b", re.I)
_CC0 = re.compile(r"\bCC0\b", re.I)


def spdx_licence(text: str | None) -> str | None:
    """"CC BY-SA 3.0 / Wikipedia CC BY-SA" -> ``CC-BY-SA-3.0`` (the first versioned Creative
    Commons licence named); other text is kept as written; None for nothing."""
    text = " ".join((text or "").split())
    if not text:
        return None
    m = _CC.search(text)
    if m:
        parts = re.split(r"[\s-]+", m.group(1).upper())
        return "-".join(["CC", *parts, m.group(2)])
    if _CC0.search(text):
        return "CC0-1.0"
    return text


def document_url(entry: CatalogueEntry | None, stated: str | None) -> str | None:
    """The manifest's URL, else the document's own, else the site's page for the copied path."""
    if entry is not None and entry.url:
        return entry.url
    if stated:
        return stated
    return entry.site_url if entry is not None else None


def document_licence(entry: CatalogueEntry | None, fmt: str | None) -> str | None:
    if entry is not None and entry.licence:
        return spdx_licence(entry.licence)
    return FORMAT_LICENCES.get(fmt or "")


def _cell(row: dict, *names: str) -> str | None:
    for name in names:
        value = (row.get(name) or "").strip()
        if value:
            return value
    return None


def _table_licences(text: str) -> dict[str, str]:
    """file -> licence from the markdown table(s) of a SOURCES.md that have both columns."""
    out: dict[str, str] = {}
    header: list[str] | None = None
    for line in text.splitlines():
        s = line.strip()
        if not s.startswith("|"):
            header = None
            continue
        cells = [c.strip() for c in s.strip("|").split("|")]
        if header is None:
            header = [c.lower() for c in cells]
            continue
        if all(set(c) <= set("-: ") for c in cells):
            continue
        row = dict(zip(header, cells))
        file, licence = row.get("file"), row.get("licence") or row.get("license")
        if file and licence:
            out[file.strip("`")] = licence
    return out


def read_folder(folder: Path, prefix: str) -> dict[str, CatalogueEntry]:
    """Entries of the manifest in ``folder``, keyed by path relative to seeds/ (``prefix`` is the
    folder's own path relative to seeds/, "" at the top)."""
    try:   # read as documents are (pipeline.files): a link, a FIFO or a device is never opened
        manifest = read_document(folder / MANIFEST).decode("utf-8-sig")
    except (UnreadableError, UnicodeDecodeError):
        return {}
    try:
        licences = _table_licences(read_document(folder / SOURCES).decode("utf-8-sig"))
    except (UnreadableError, UnicodeDecodeError):
        licences = {}
    out: dict[str, CatalogueEntry] = {}
    try:
        rows = list(csv.DictReader(io.StringIO(manifest)))
    except csv.Error:
        return {}
    for row in rows:
        row = {(k or "").strip().lower(): v for k, v in row.items() if isinstance(v, str)}
        file = _cell(row, "file", "path")
        if not file:
            continue
        out[f"{prefix}{file}"] = CatalogueEntry(
            source_repo=_cell(row, "source_repo", "repo"),
            source_path=_cell(row, "source_path"),
            url=_cell(row, "url"),
            licence=_cell(row, "licence", "license") or licences.get(file),
        )
    return out


def read_catalogue(seeds_dir: Path) -> dict[str, CatalogueEntry]:
    """Every manifest under ``seeds_dir`` (dot-folders skipped), keyed by path relative to seeds/."""
    out: dict[str, CatalogueEntry] = {}
    for manifest in sorted(seeds_dir.rglob(MANIFEST)):
        rel = manifest.parent.relative_to(seeds_dir)
        if any(part.startswith(".") for part in rel.parts):
            continue
        prefix = "" if rel == Path(".") else rel.as_posix() + "/"
        out.update(read_folder(manifest.parent, prefix))
    return out
