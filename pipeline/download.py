"""Download a release: ``index.json``, then every file of the version, each checked against its SHA-256.

Where from (``base_url``), first that is set:

1. the ``base_url`` argument (``--base-url`` of ``syria-events download``);
2. the environment variable ``SYRIA_EVENTS_BASE_URL``;
3. ``DEFAULT_BASE_URL``: the ``outputs/releases/`` folder of this checkout as a ``file://`` URL, i.e.
   the releases ``syria-events release`` publishes locally. (The dataset has no public host yet; when
   it has one, set the variable or change ``DEFAULT_BASE_URL``.)

``http://``, ``https://`` and ``file://`` URLs work (a plain local path is taken as ``file://``). The
base URL is the folder that holds ``index.json``; version ``v`` lives under ``<base_url>/<v>/``.

Where to (``dest``): the argument, else ``SYRIA_EVENTS_CACHE``, else the user cache folder
``pooch.os_cache("syria-events")`` (``~/.cache/syria-events`` on Linux). Each version is cached in
``dest/<version>/``; ``dest/index.json`` is the last index fetched (used only when the base URL
cannot be reached).

Guarantees: every file is fetched by pooch into a temporary file next to its target and moved into
place only after its SHA-256 (from ``index.json``) matches, so ``dest/<version>/`` never holds a
partial or unverified file; a cached file whose hash no longer matches is fetched again; a
connection that drops is retried (``retries``); a mismatch raises ``ChecksumError`` naming the file.
``index.json`` itself is trusted as served (it is the list of checksums).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import tempfile
import time
import urllib.parse
import urllib.request
import warnings
from pathlib import Path

import pooch

from .paths import CHECKSUMS, INDEX, REPO_ROOT

ENV_BASE_URL = "SYRIA_EVENTS_BASE_URL"
ENV_CACHE = "SYRIA_EVENTS_CACHE"
DEFAULT_BASE_URL = (REPO_ROOT / "outputs" / "releases").as_uri()
TIMEOUT = 60


class DownloadError(RuntimeError):
    """A release or one of its files could not be downloaded."""


class ChecksumError(DownloadError):
    """A downloaded file does not have the SHA-256 the index gives; it was not kept."""


def resolve_base_url(base_url: str | None = None) -> str:
    """The base URL to use (argument, ``SYRIA_EVENTS_BASE_URL``, ``DEFAULT_BASE_URL``), without a final /."""
    url = base_url or os.environ.get(ENV_BASE_URL) or DEFAULT_BASE_URL
    if "://" not in url:
        url = Path(url).expanduser().resolve().as_uri()
    return url.rstrip("/")


def default_dest() -> Path:
    """The download cache: ``SYRIA_EVENTS_CACHE`` or the user cache folder of ``syria-events``."""
    return Path(os.environ.get(ENV_CACHE) or pooch.os_cache("syria-events"))


def _file_downloader(url: str, output_file, pooch_obj=None) -> None:
    """pooch downloader for ``file://`` URLs (pooch knows http, https, ftp, sftp and doi)."""
    source = Path(urllib.request.url2pathname(urllib.parse.urlparse(url).path))
    if not source.is_file():
        raise FileNotFoundError(f"no such file: {source}")
    if hasattr(output_file, "write"):
        with open(source, "rb") as f:
            shutil.copyfileobj(f, output_file)
    else:
        shutil.copyfile(source, output_file)


def _downloader(url: str):
    scheme = urllib.parse.urlparse(url).scheme
    if scheme in ("http", "https"):
        return pooch.HTTPDownloader(progressbar=False, timeout=TIMEOUT)
    if scheme == "file":
        return _file_downloader
    raise DownloadError(f"unsupported URL scheme {scheme!r} in {url} (use http://, https:// or file://)")


@contextlib.contextmanager
def _quiet_pooch():
    logger = pooch.get_logger()
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def _is_transient(exc: BaseException) -> bool:
    import requests

    return isinstance(exc, (requests.exceptions.RequestException, OSError))


def fetch_index(base_url: str | None = None, dest: Path | str | None = None) -> dict:
    """Fetch ``<base_url>/index.json`` (always fresh) and keep a copy in ``dest/index.json``."""
    base = resolve_base_url(base_url)
    dest = Path(dest) if dest is not None else default_dest()
    dest.mkdir(parents=True, exist_ok=True)
    url = f"{base}/{INDEX}"
    cached = dest / INDEX
    with tempfile.TemporaryDirectory(prefix=".index-", dir=dest) as tmp:
        try:
            with _quiet_pooch():
                path = pooch.retrieve(url, known_hash=None, fname=INDEX, path=tmp, downloader=_downloader(url))
            data = Path(path).read_bytes()
            index = json.loads(data)
        except DownloadError:
            raise
        except Exception as exc:
            if cached.is_file():
                warnings.warn(f"could not fetch {url} ({exc}); using the cached {cached}", stacklevel=2)
                return json.loads(cached.read_text(encoding="utf-8"))
            raise DownloadError(f"could not fetch the release index {url}: {exc}") from exc
        if not isinstance(index, dict) or not isinstance(index.get("versions"), list):
            raise DownloadError(f"{url} is not a release index (no 'versions' list)")
        os.replace(path, cached)
    return index


def resolve_version(index: dict, version: str = "latest") -> dict:
    """The index entry of ``version`` ("latest" = the index's latest)."""
    versions = [v["version"] for v in index.get("versions", [])]
    wanted = index.get("latest") if version in (None, "latest") else version
    if not versions or wanted is None:
        raise DownloadError("the release index lists no versions")
    for entry in index["versions"]:
        if entry["version"] == wanted:
            return entry
    raise DownloadError(f"no release {wanted!r}; available: {', '.join(versions)}")


def _safe_name(name: str) -> str:
    if not name or name != Path(name).name or name.startswith(".") or "\\" in name:
        raise DownloadError(f"refusing file name {name!r} from the index")
    return name


def _clean_partials(folder: Path, keep: set[str]) -> None:
    """Remove pooch temp files left by a killed download (never a listed file)."""
    if folder.is_dir():
        for p in folder.iterdir():
            if p.is_file() and p.name not in keep and p.name.startswith("tmp"):
                p.unlink(missing_ok=True)


def _fetch(url: str, name: str, sha256: str, folder: Path, version: str, retries: int) -> None:
    for attempt in range(retries + 1):
        try:
            with _quiet_pooch():
                pooch.retrieve(url, known_hash=f"sha256:{sha256}", fname=name, path=folder,
                               downloader=_downloader(url))
            return
        except ValueError as exc:
            if "hash" not in str(exc):
                raise
            got = re.search(r"but got ([0-9a-fA-F]+)", str(exc))
            error: DownloadError = ChecksumError(
                f"checksum mismatch for {name} (release {version}) from {url}: expected sha256 {sha256}, "
                f"got {got[1] if got else 'something else'}; the file was not kept")
        except Exception as exc:
            if not _is_transient(exc):
                raise
            error = DownloadError(f"could not download {name} (release {version}) from {url}: {exc}")
        if attempt < retries:
            time.sleep(min(0.5 * (attempt + 1), 5))
    stale = folder / name
    if stale.is_file() and pooch.file_hash(str(stale)) != sha256:
        stale.unlink()          # a cached copy that no longer verifies is not kept either
    raise error


def download(version: str = "latest", dest: Path | str | None = None, base_url: str | None = None, *,
             retries: int = 2) -> Path:
    """Download release ``version`` ("latest" or ``MAJOR.MINOR.PATCH``) into ``dest/<version>/``.

    Files already cached with the right SHA-256 are not fetched again. Returns the version folder.
    Raises ``ChecksumError`` (naming the file) on a mismatch, ``DownloadError`` otherwise.
    """
    base = resolve_base_url(base_url)
    dest = Path(dest) if dest is not None else default_dest()
    index = fetch_index(base, dest)
    entry = resolve_version(index, version)
    resolved = entry["version"]
    folder = dest / _safe_name(resolved)
    files = {_safe_name(name): info for name, info in entry["files"].items()}
    _clean_partials(folder, set(files))
    prefix = entry.get("path") or f"{resolved}/"
    for name, info in files.items():
        _fetch(f"{base}/{prefix}{name}", name, info["sha256"], folder, resolved, retries)
    if CHECKSUMS in files:
        listed = {}
        for line in (folder / CHECKSUMS).read_text(encoding="utf-8").splitlines():
            if line.strip():
                digest, name = line.split(maxsplit=1)
                listed[name.lstrip("*")] = digest
        expected = {n: i["sha256"] for n, i in files.items() if n != CHECKSUMS}
        if listed != expected:
            raise DownloadError(f"{CHECKSUMS} of release {resolved} does not agree with {base}/{INDEX}")
    return folder
