"""Download a release: ``index.json``, then every file of the version, each checked against its SHA-256.

Where from (``base_url``), first that is set:

1. the ``base_url`` argument (``--base-url`` of ``syria-events download``);
2. the environment variable ``SYRIA_EVENTS_BASE_URL``;
3. ``default_base_url()``: the ``outputs/releases/`` folder of the project (``--project``, else the
   current directory) as a ``file://`` URL, i.e. the releases ``syria-events release`` publishes
   there. (The dataset has no public host yet; when it has one, set the variable or change
   ``default_base_url``.) Never a folder inside the installed package.

``http://``, ``https://`` and ``file://`` URLs work (a plain local path is taken as ``file://``). The
base URL is the folder that holds ``index.json``; version ``v`` lives under ``<base_url>/<v>/``.
A version is ``MAJOR.MINOR.PATCH`` or ``latest``; a leading ``v`` (``v1.0.0``) is accepted.

Where to (``dest``): the argument, else ``SYRIA_EVENTS_CACHE``, else the user cache folder
``pooch.os_cache("syria-events")`` (``~/.cache/syria-events`` on Linux). Each version is cached in
``dest/<version>/``; ``dest/index.json`` is the index of the last successful download (used only
when the base URL cannot be reached, and by ``load_table(path=dest)``).

Guarantees: nothing fetched is trusted before it is checked (``tests/test_hostile_mirror.py`` serves
crafted releases from a real HTTP server on 127.0.0.1):

- **Validated.** ``index.json``, ``manifest.json`` and ``SHA256SUMS`` are checked against the explicit
  schemas of ``validate_index``, ``validate_manifest`` and ``parse_checksums``: a missing key, a wrong
  type, a version that is not ``MAJOR.MINOR.PATCH``, a file name that is not a plain name
  (``[A-Za-z0-9_][A-Za-z0-9._-]*``), a table name that is not a plain identifier, a checksum list
  that disagrees with the index: each is a one-line ``DownloadError`` naming the file and the key,
  never a ``KeyError`` or ``TypeError``. (A small explicit validator rather than ``jsonschema``: the
  user side needs only pandas, pyarrow, DuckDB and pooch, jsonschema is here only through
  Frictionless on the pipeline side, and its messages are multi-line.)
- **Bounded.** Every file is streamed, with its size in ``index.json`` as a hard limit: a larger
  ``Content-Length`` is refused before the body is read, a body that goes past the limit is cut off
  at the first chunk beyond it (nothing past the limit is written) and the partial file removed;
  ``index.json`` itself may have at most ``INDEX_MAX_BYTES``. Every file has an overall deadline
  (``deadline`` seconds, default ``DEADLINE``, all attempts included), kept by the calling thread
  while a worker thread talks to the server, so a server that trickles bytes, stalls the headers or
  never answers fails after the deadline instead of hanging. Compressed transfer is not asked for
  (``Accept-Encoding: identity``): the bytes counted are the bytes checked.
- **Redirects** are followed only to ``http://`` or ``https://`` (never from https to http), at most
  ``MAX_REDIRECTS``; a redirect to ``file://`` or anything else is refused with a clear message.
- **Verified before visible.** A version is downloaded into a hidden staging folder inside ``dest``
  (``.download-<version>-<pid>-*``); each file goes through pooch's ``known_hash`` check (temporary
  file, moved into place only when its SHA-256 matches), then ``SHA256SUMS`` and ``manifest.json``
  are cross-checked against the index, and only then is the folder renamed to ``dest/<version>/``
  and ``dest/index.json`` written. A refused or killed download leaves neither behind (stale staging
  folders of dead processes are removed by the next download), so ``load_table(path=dest)`` can
  never follow an unchecked index. Files already cached with the right SHA-256 are not fetched
  again; a corrupted one is fetched again into a new staging folder, which then replaces the old
  version folder.
- **Errors** are one line: a mismatch raises ``ChecksumError`` naming the file; a network failure
  says what happened (connection refused, host not found, no answer within N s, TLS certificate
  invalid, connection broken off), an HTTP error its status, and a transient failure is retried
  (``retries``) within the deadline. Raw urllib3/requests text never reaches the user.

Parquet contents are not inspected here: ``pipeline.load`` checks each table's schema against the
codebook when it is read, so a release with a newer codebook can still be downloaded (and read by
other tools), but not loaded by a client that does not know its columns.

pooch stays the downloader: ``pooch.retrieve`` keeps the temporary-file, hash-check and move logic;
the transport is this module's ``_Downloader`` (pooch's ``HTTPDownloader`` has neither a size limit,
nor an overall deadline, nor a redirect policy).
"""

from __future__ import annotations

# the network modules (http.client, ssl, socket, urllib.request, threading) are imported where a
# download runs: reading a local release with pipeline.load needs only the validators here
import contextlib
import json
import os
import re
import shutil
import tempfile
import time
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING

from .paths import CACHE_ENV, CHECKSUMS, INDEX, MANIFEST, project_root, user_cache_dir

if TYPE_CHECKING:
    import queue
    import threading

ENV_BASE_URL = "SYRIA_EVENTS_BASE_URL"
ENV_CACHE = CACHE_ENV
TIMEOUT = 60                       # seconds a connection may stay silent (connect, each read)
DEADLINE = 600                     # seconds for one file, every attempt included
INDEX_MAX_BYTES = 16 * 1024 * 1024
MAX_REDIRECTS = 5
CHUNK = 64 * 1024
STAGING_PREFIX = ".download-"
REPLACED_PREFIX = ".replaced-"

_SEMVER = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")
_SAFE_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]{0,254}")
_SAFE_PREFIX = re.compile(r"(?:[A-Za-z0-9_][A-Za-z0-9._-]{0,254}/)+")
_IDENTIFIER = re.compile(r"[a-z][a-z0-9_]{0,62}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_CHECKSUM_LINE = re.compile(r"([0-9a-f]{64}) [ *](.+)")


class DownloadError(RuntimeError):
    """A release or one of its files could not be downloaded, or is not valid. The message is one line.

    ``retry``: another attempt may succeed (network error, HTTP 5xx). ``unreachable``: the server
    could not be used at all (then a cached ``index.json`` may stand in for the fetched one).
    """

    def __init__(self, message: str, *, retry: bool = False, unreachable: bool = False):
        super().__init__(" ".join(str(message).split()))
        self.retry = retry
        self.unreachable = unreachable


class ChecksumError(DownloadError):
    """A downloaded file does not have the SHA-256 the index gives; it was not kept."""


def _short(value, width: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."


# --- where from, where to, which version -------------------------------------------------------------

def default_base_url(project: str | Path | None = None) -> str:
    """``outputs/releases/`` of the project (``--project``, else the current directory) as a file:// URL.

    Never a folder of the installed package: an installed client has no releases of its own.
    """
    return (project_root(project) / "outputs" / "releases").as_uri()


def resolve_base_url(base_url: str | None = None) -> str:
    """The base URL to use (argument, ``SYRIA_EVENTS_BASE_URL``, ``default_base_url()``), without a final /."""
    url = base_url or os.environ.get(ENV_BASE_URL) or default_base_url()
    if "://" not in url:
        url = Path(url).expanduser().resolve().as_uri()
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port                                   # noqa: B018 -- raises on a port that is not a number
    except ValueError:
        raise DownloadError(f"{_short(url, 100)} is not a valid URL") from None
    if parts.scheme.lower() not in ("http", "https", "file"):
        raise DownloadError(f"unsupported URL scheme {parts.scheme!r} in {_short(url, 100)} "
                            f"(use http://, https:// or file://)")
    if parts.scheme.lower() != "file" and not parts.hostname:
        raise DownloadError(f"{_short(url, 100)} has no host name")
    return url.rstrip("/")


def default_dest() -> Path:
    """The download cache: ``SYRIA_EVENTS_CACHE`` or the user cache folder of ``syria-events``."""
    return user_cache_dir()


def normalize_version(version: str | None) -> str:
    """``"latest"`` or ``MAJOR.MINOR.PATCH``; ``v1.0.0`` is taken as ``1.0.0``. Anything else: DownloadError."""
    if version is None:
        return "latest"
    text = str(version).strip()
    if text.lower() == "latest":
        return "latest"
    if text[:1] in ("v", "V") and _SEMVER.fullmatch(text[1:]):
        return text[1:]
    if _SEMVER.fullmatch(text):
        return text
    raise DownloadError(f"{_short(version, 40)} is not a release version: give MAJOR.MINOR.PATCH "
                        f"(for example 1.0.0) or latest")


# --- schemas of index.json, manifest.json, SHA256SUMS ----------------------------------------------------

class _Invalid(Exception):
    """One problem found by a validator (``where`` is the key path)."""


_TYPE_NAMES = {dict: "an object", list: "a list", str: "a string", int: "an integer"}


def _json_type(value) -> str:
    return {dict: "object", list: "list", str: "string", int: "integer", float: "number", bool: "boolean",
            type(None): "null"}.get(type(value), type(value).__name__)


def _need(value, kind: type, where: str):
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _Invalid(f"{where} must be {_TYPE_NAMES[kind]}, got {_json_type(value)}")
    return value


def _key(obj: dict, key: str, kind: type, where: str):
    if key not in obj:
        raise _Invalid(f"{where or 'it'} has no {key!r}")
    return _need(obj[key], kind, f"{where}.{key}" if where else key)


def _count(obj: dict, key: str, where: str) -> int:
    n = _key(obj, key, int, where)
    if n < 0:
        raise _Invalid(f"{where}.{key} must not be negative, got {n}")
    return n


def _semver(value, where: str) -> str:
    if not isinstance(value, str) or not _SEMVER.fullmatch(value):
        raise _Invalid(f"{where} must be a version MAJOR.MINOR.PATCH, got {_short(value, 40)}")
    return value


def _sha256(obj: dict, key: str, where: str) -> str:
    value = _key(obj, key, str, where)
    if not _SHA256.fullmatch(value):
        raise _Invalid(f"{where}.{key} must be 64 lowercase hex digits, got {_short(value, 40)}")
    return value


def safe_name(name, where: str = "file name") -> str:
    """A plain file name (``[A-Za-z0-9_][A-Za-z0-9._-]*``): no folder, no dot file, no control character."""
    if not isinstance(name, str) or not _SAFE_NAME.fullmatch(name):
        raise DownloadError(f"refusing {where} {_short(name, 60)} (only plain names of letters, digits, "
                            f"'.', '_' and '-' are accepted)")
    return name


def _check(source: str, what: str, fn, *args):
    try:
        return fn(*args)
    except _Invalid as exc:
        raise DownloadError(f"{source} is not a valid {what}: {exc}") from None
    except DownloadError as exc:
        raise DownloadError(f"{source} is not a valid {what}: {exc}") from None


def parse_json(data: bytes, source: str):
    """JSON from ``data``; anything that is not UTF-8 JSON is a one-line DownloadError."""
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise DownloadError(f"{source} is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise DownloadError(f"{source} is not JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    except (ValueError, RecursionError) as exc:       # nesting too deep, a number of thousands of digits
        raise DownloadError(f"{source} is not usable JSON ({type(exc).__name__})") from None


def _index_schema(index) -> dict:
    _need(index, dict, "the index")
    versions = _key(index, "versions", list, "")
    if "latest" not in index:
        raise _Invalid("the index has no 'latest'")
    latest = index["latest"]
    if latest is not None:
        _semver(latest, "latest")
    seen = set()
    for i, entry in enumerate(versions):
        where = f"versions[{i}]"
        _need(entry, dict, where)
        version = _semver(_key(entry, "version", str, where), f"{where}.version")
        if version in seen:
            raise _Invalid(f"version {version} is listed twice")
        seen.add(version)
        if entry.get("path") is not None:
            path = _need(entry["path"], str, f"{where}.path")
            if not _SAFE_PREFIX.fullmatch(path):
                raise _Invalid(f"{where}.path must be a relative folder like '{version}/', got {_short(path, 60)}")
        files = _key(entry, "files", dict, where)
        for name, info in files.items():
            safe_name(name, f"file name in {where}.files")
            fwhere = f"{where}.files[{name!r}]"
            _need(info, dict, fwhere)
            _sha256(info, "sha256", fwhere)
            _count(info, "bytes", fwhere)
        for required in (MANIFEST, CHECKSUMS):
            if required not in files:
                raise _Invalid(f"{where}.files has no {required!r}")
    if latest is not None and latest not in seen:
        raise _Invalid(f"latest is {latest}, which is not among the versions")
    return index


def validate_index(index, source: str = INDEX) -> dict:
    """``index`` if it has the shape ``release.build_index`` writes; else a one-line DownloadError.

    Schema: ``{"latest": version | null, "versions": [{"version": version, "path": "<version>/"
    (optional), "files": {name: {"sha256": 64 hex, "bytes": int >= 0}}, ...}, ...]}`` where a version
    is ``MAJOR.MINOR.PATCH``, names are plain file names, and ``manifest.json`` and ``SHA256SUMS`` are
    among the files. Other keys are allowed and ignored.
    """
    return _check(source, "release index", _index_schema, index)


def _manifest_schema(manifest, version: str | None, files: dict | None) -> dict:
    _need(manifest, dict, "the manifest")
    found = _semver(_key(manifest, "version", str, ""), "version")
    if version is not None and found != version:
        raise _Invalid(f"it says release {found}, the index says {version}")
    if manifest.get("previous") is not None:
        _semver(manifest["previous"], "previous")
    tables = _key(manifest, "tables", dict, "")
    for table, info in tables.items():
        if not _IDENTIFIER.fullmatch(table):
            raise _Invalid(f"table name {_short(table, 60)} is not a plain identifier ([a-z][a-z0-9_]*)")
        where = f"tables.{table}"
        _need(info, dict, where)
        file = _key(info, "file", str, where)
        if file != f"{table}.parquet":
            raise _Invalid(f"{where}.file must be {table}.parquet, got {_short(file, 60)}")
        digest = _sha256(info, "sha256", where)
        _count(info, "rows", where)
        size = _count(info, "bytes", where)
        if files is not None:
            if file not in files:
                raise _Invalid(f"{file} is not among the files of the index")
            if (files[file]["sha256"], files[file]["bytes"]) != (digest, size):
                raise _Invalid(f"{where} does not agree with the index (sha256 or bytes)")
    return manifest


def validate_manifest(manifest, source: str = MANIFEST, *, version: str | None = None,
                      files: dict | None = None) -> dict:
    """``manifest`` if it has the shape ``release.publish_release`` writes; else a one-line DownloadError.

    Schema: ``{"version": version, "previous": version | null (optional), "tables": {identifier:
    {"file": "<identifier>.parquet", "sha256": 64 hex, "rows": int >= 0, "bytes": int >= 0}}, ...}``.
    With ``version`` and ``files`` (the index entry's), both must agree with it.
    """
    return _check(source, "release manifest", _manifest_schema, manifest, version, files)


def parse_checksums(data: bytes, source: str = CHECKSUMS) -> dict[str, str]:
    """``SHA256SUMS`` (``<sha256>  <name>`` per line, as ``sha256sum`` writes) as {name: digest}."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise DownloadError(f"{source} is not UTF-8 text") from None
    out: dict[str, str] = {}
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        match = _CHECKSUM_LINE.fullmatch(line)
        if not match:
            raise DownloadError(f"{source} line {number} is not a checksum line (64 lowercase hex digits, "
                                f"two spaces, a file name): {_short(line, 60)}")
        name = safe_name(match[2], f"file name on line {number} of {source}")
        if name in out:
            raise DownloadError(f"{source} lists {name} twice")
        out[name] = match[1]
    return out


def resolve_version(index: dict, version: str | None = "latest") -> dict:
    """The entry of ``version`` ("latest" = the index's latest; ``v1.0.0`` = ``1.0.0``) in a valid index."""
    wanted = normalize_version(version)
    versions = [v["version"] for v in index["versions"]]
    if wanted == "latest":
        wanted = index["latest"]
    if not versions or wanted is None:
        raise DownloadError("the release index lists no versions")
    for entry in index["versions"]:
        if entry["version"] == wanted:
            return entry
    raise DownloadError(f"no release {wanted!r}; available: {', '.join(versions)}")


# --- transport ------------------------------------------------------------------------------------------

def _causes(exc: BaseException) -> list[BaseException]:
    """``exc`` and what it wraps (causes, contexts, exceptions among args, urllib3's ``reason``)."""
    out: list[BaseException] = []
    todo, seen = [exc], set()
    while todo and len(out) < 30:
        e = todo.pop(0)
        if id(e) in seen:
            continue
        seen.add(id(e))
        out.append(e)
        todo += [x for x in (e.__cause__, e.__context__, getattr(e, "reason", None)) if isinstance(x, BaseException)]
        todo += [a for a in getattr(e, "args", ()) if isinstance(a, BaseException)]
    return out


def describe_network_error(exc: BaseException, url: str, timeout: float) -> str:
    """What went wrong, in a few words, from a requests/urllib3/socket exception (never its raw text)."""
    import http.client
    import socket
    import ssl

    import requests

    parts = urllib.parse.urlsplit(url)
    host = parts.netloc or url
    chain = _causes(exc)
    for e in chain:
        if isinstance(e, ssl.SSLCertVerificationError):
            return f"the TLS certificate of {host} is not valid ({e.verify_message or 'verification failed'})"
    for e in chain:
        if isinstance(e, socket.gaierror):
            return f"cannot resolve the host name {parts.hostname}"
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return f"no connection to {host} within {timeout:g} s"
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return f"{host} sent nothing for {timeout:g} s"
    for e in chain:
        if isinstance(e, ConnectionRefusedError):
            return f"connection refused by {host}"
        if isinstance(e, (ConnectionResetError, BrokenPipeError, ConnectionAbortedError,
                          http.client.RemoteDisconnected)):
            return f"{host} closed the connection"
        if isinstance(e, http.client.IncompleteRead) or type(e).__name__ in ("IncompleteRead", "ProtocolError"):
            return f"{host} broke off the transfer"
        if isinstance(e, (ssl.SSLError,)):
            return f"TLS error with {host} ({e.reason or 'handshake failed'})"
        if isinstance(e, (TimeoutError, socket.timeout)):
            return f"{host} did not answer within {timeout:g} s"
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return f"{host} broke off the transfer"
    if isinstance(exc, (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                        requests.exceptions.InvalidSchema)):
        return "the URL is not valid"
    for e in chain:
        if isinstance(e, OSError) and e.strerror:
            return f"{e.strerror.lower()} ({host})"
    return f"network error with {host} ({type(exc).__name__})"


def _http_status_error(code: int, url: str, what: str) -> DownloadError:
    import http

    try:
        phrase = http.HTTPStatus(code).phrase
    except ValueError:
        phrase = "unknown status"
    if code in (404, 410):
        return DownloadError(f"{what} from {url}: it does not exist (HTTP {code} {phrase})", unreachable=True)
    return DownloadError(f"{what} from {url}: the server answered HTTP {code} {phrase}", unreachable=True,
                         retry=code >= 500 or code == 429)


def _open_http(session, url: str, timeout: float, what: str):
    """GET ``url`` (streamed), following at most MAX_REDIRECTS redirects, only to http(s)."""
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        resp = session.get(current, stream=True, allow_redirects=False, timeout=(timeout, timeout))
        if not resp.is_redirect:
            return resp
        location = resp.headers.get("Location", "")
        resp.close()
        target = urllib.parse.urljoin(current, location)
        scheme = urllib.parse.urlsplit(target).scheme.lower()
        if scheme not in ("http", "https"):
            raise DownloadError(f"{what} from {url}: refusing a redirect to {_short(target, 300)} "
                                f"(only http:// and https:// redirects are followed)")
        if urllib.parse.urlsplit(current).scheme.lower() == "https" and scheme == "http":
            raise DownloadError(f"{what} from {url}: refusing a redirect from https to plain http "
                                f"({_short(target, 100)})")
        current = target
    raise DownloadError(f"{what} from {url}: more than {MAX_REDIRECTS} redirects")


def _http_worker(url: str, timeout: float, what: str, inbox: queue.Queue, stop: threading.Event) -> None:
    """Talk to the server and hand the body over in chunks (the calling thread keeps the deadline)."""
    import queue


    def put(item) -> bool:
        while not stop.is_set():
            try:
                inbox.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    try:
        import requests

        with requests.Session() as session:
            session.headers.update({"Accept-Encoding": "identity", "User-Agent": "syria-events"})
            resp = _open_http(session, url, timeout, what)
            with resp:
                if resp.status_code != 200:
                    raise _http_status_error(resp.status_code, resp.url or url, what)
                length = resp.headers.get("Content-Length", "")
                if not put(("length", int(length) if length.strip().isdigit() else None)):
                    return
                read = getattr(resp.raw, "read1", None) or resp.raw.read    # read1: return what one recv got
                while not stop.is_set():
                    chunk = read(CHUNK, decode_content=False)
                    if not chunk:
                        break
                    if not put(("data", chunk)):
                        return
        put(("end", None))
    except BaseException as exc:  # noqa: BLE001 -- handed to the calling thread, which raises it
        put(("error", exc))


def _stream_http(url: str, out, max_bytes: int, deadline_at: float, deadline: float, what: str) -> None:
    import http.client
    import queue
    import threading

    # the worker's socket timeout outlasts the deadline, so a silent server meets the deadline first
    timeout = min(TIMEOUT, max(deadline_at - time.monotonic(), 0) + 1)
    inbox: queue.Queue = queue.Queue(maxsize=8)
    stop = threading.Event()
    threading.Thread(target=_http_worker, args=(url, timeout, what, inbox, stop), daemon=True,
                     name="syria-events-download").start()
    received = 0
    try:
        while True:
            remaining = deadline_at - time.monotonic()
            item = None
            if remaining > 0:
                with contextlib.suppress(queue.Empty):
                    item = inbox.get(timeout=remaining)
            if item is None or time.monotonic() > deadline_at:
                raise DownloadError(f"{what} from {url}: not complete within the deadline of {deadline:g} s "
                                    f"({received} bytes received)", unreachable=True)
            kind, value = item
            if kind == "length":
                if value is not None and value > max_bytes:
                    raise DownloadError(f"{what} from {url}: the server announces {value} bytes, more than "
                                        f"the {max_bytes} bytes expected; refused before reading")
            elif kind == "data":
                received += len(value)
                if received > max_bytes:
                    raise DownloadError(f"{what} from {url}: the server sent more than the {max_bytes} bytes "
                                        f"expected; cut off after {received} bytes, nothing kept")
                out.write(value)
            elif kind == "error":
                if isinstance(value, DownloadError):
                    raise value
                import requests
                import urllib3

                if isinstance(value, (requests.exceptions.RequestException, urllib3.exceptions.HTTPError,
                                      OSError, http.client.HTTPException)):
                    raise DownloadError(f"{what} from {url}: {describe_network_error(value, url, timeout)}",
                                        retry=True, unreachable=True) from None
                raise DownloadError(f"{what} from {url}: unexpected {type(value).__name__}", retry=True,
                                    unreachable=True) from None
            else:
                return
    finally:
        stop.set()


def _copy_local(url: str, out, max_bytes: int, what: str) -> None:
    import urllib.request

    source = Path(urllib.request.url2pathname(urllib.parse.urlsplit(url).path))
    if not source.is_file():
        raise DownloadError(f"{what} from {url}: no such file", unreachable=True)
    size = source.stat().st_size
    if size > max_bytes:
        raise DownloadError(f"{what} from {url}: the file has {size} bytes, more than the {max_bytes} bytes "
                            f"expected; refused before reading")
    with open(source, "rb") as f:
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise DownloadError(f"{what} from {url}: the file grew past the {max_bytes} bytes expected; nothing kept")
    out.write(data)


class _Downloader:
    """A pooch downloader (``downloader(url, output_file, pooch)``) with a size limit and a deadline."""

    def __init__(self, what: str, max_bytes: int, deadline: float):
        self.what, self.max_bytes, self.deadline = what, max_bytes, deadline
        self.deadline_at = time.monotonic() + deadline

    def __call__(self, url: str, output_file, pooch_obj=None) -> None:
        scheme = urllib.parse.urlsplit(url).scheme.lower()
        if scheme not in ("http", "https", "file"):
            raise DownloadError(f"unsupported URL scheme {scheme!r} in {url} (use http://, https:// or file://)")
        with contextlib.ExitStack() as stack:
            out = output_file if hasattr(output_file, "write") else stack.enter_context(open(output_file, "wb"))
            if scheme == "file":
                _copy_local(url, out, self.max_bytes, self.what)
            else:
                _stream_http(url, out, self.max_bytes, self.deadline_at, self.deadline, self.what)


@contextlib.contextmanager
def _quiet_pooch():
    import logging

    import pooch

    logger = pooch.get_logger()
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


# --- the index -------------------------------------------------------------------------------------------

def _get_index(base: str, dest: Path, deadline: float) -> tuple[dict, bytes | None]:
    """The validated index and its bytes (None when the cached copy stood in for an unreachable server)."""
    import warnings

    url = f"{base}/{INDEX}"
    what = "could not fetch the release index"
    dest.mkdir(parents=True, exist_ok=True)
    cached = dest / INDEX
    import pooch

    with tempfile.TemporaryDirectory(prefix=f".index-{os.getpid()}-", dir=dest) as tmp:
        try:
            with _quiet_pooch():
                path = pooch.retrieve(url, known_hash=None, fname=INDEX, path=tmp,
                                      downloader=_Downloader(what, INDEX_MAX_BYTES, deadline))
            data = Path(path).read_bytes()
        except DownloadError as exc:
            if not exc.unreachable or not cached.is_file():
                raise
            warnings.warn(f"{exc}; using the cached {cached}", stacklevel=3)
            source = f"the cached {cached}"
            return validate_index(parse_json(cached.read_bytes(), source), source), None
    return validate_index(parse_json(data, url), url), data


def fetch_index(base_url: str | None = None, dest: Path | str | None = None, *,
                deadline: float | None = None) -> dict:
    """``<base_url>/index.json``, fetched fresh and validated (``dest/index.json`` if unreachable).

    It is not written to ``dest``: ``download`` does that once a version is verified.
    """
    return _get_index(resolve_base_url(base_url), Path(dest) if dest is not None else default_dest(),
                      DEADLINE if deadline is None else deadline)[0]


# --- files, staging, download ---------------------------------------------------------------------------

def _fetch(url: str, name: str, info: dict, folder: Path, version: str, retries: int, deadline: float) -> None:
    """``folder/name`` from ``url``, verified (size limit, deadline for all attempts, SHA-256)."""
    import pooch

    sha256, size = info["sha256"], info["bytes"]
    what = f"could not download {name} (release {version})"
    downloader = _Downloader(what, size, deadline)
    for attempt in range(retries + 1):
        try:
            with _quiet_pooch():
                pooch.retrieve(url, known_hash=f"sha256:{sha256}", fname=name, path=folder, downloader=downloader)
            return
        except ValueError as exc:                       # pooch: the hash does not match
            got = re.search(r"but got ([0-9a-fA-F]+)", str(exc))
            error: DownloadError = ChecksumError(
                f"checksum mismatch for {name} (release {version}) from {url}: expected sha256 {sha256}, "
                f"got {got[1] if got else 'something else'}; the file was not kept", retry=True)
        except DownloadError as exc:
            error = exc
        wait = min(0.5 * (attempt + 1), 5)
        if attempt == retries or not error.retry or time.monotonic() + wait >= downloader.deadline_at:
            break
        time.sleep(wait)
    raise error


def _sha256_of(path: Path) -> str | None:
    import pooch

    try:
        return pooch.file_hash(str(path)) if path.is_file() else None
    except OSError:
        return None


def _verified(folder: Path, files: dict) -> set[str]:
    """Names of ``files`` already in ``folder`` with the right size and SHA-256."""
    ok = set()
    for name, info in files.items():
        p = folder / name
        with contextlib.suppress(OSError):
            if p.is_file() and not p.is_symlink() and p.stat().st_size == info["bytes"] \
                    and _sha256_of(p) == info["sha256"]:
                ok.add(name)
    return ok


def _check_release(folder: Path, entry: dict, base: str) -> None:
    """``SHA256SUMS`` and ``manifest.json`` of a downloaded version agree with its index entry."""
    version, files = entry["version"], entry["files"]
    sums = parse_checksums((folder / CHECKSUMS).read_bytes(), f"{CHECKSUMS} of release {version}")
    if sums != {n: i["sha256"] for n, i in files.items() if n != CHECKSUMS}:
        raise DownloadError(f"{CHECKSUMS} of release {version} does not agree with {base}/{INDEX}")
    source = f"{MANIFEST} of release {version}"
    validate_manifest(parse_json((folder / MANIFEST).read_bytes(), source), source, version=version, files=files)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _remove_stale(dest: Path) -> None:
    """Staging and replaced folders left by download processes that no longer run."""
    for p in dest.iterdir():
        if p.is_dir() and p.name.startswith((STAGING_PREFIX, REPLACED_PREFIX, ".index-")):
            match = re.search(r"-([0-9]+)-[a-z0-9_]+$", p.name)
            pid = int(match[1]) if match else None
            if pid is None or (pid != os.getpid() and not _pid_alive(pid)):
                shutil.rmtree(p, ignore_errors=True)


def _swap_in(staging: Path, final: Path) -> None:
    """Make ``staging`` the version folder ``final`` (renames; the old folder, if any, is removed)."""
    old = None
    if final.exists():
        old = Path(tempfile.mkdtemp(prefix=f"{REPLACED_PREFIX}{final.name}-{os.getpid()}-", dir=final.parent))
        os.rename(final, old / final.name)
    os.rename(staging, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _write_atomically(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def download(version: str = "latest", dest: Path | str | None = None, base_url: str | None = None, *,
             retries: int = 2, deadline: float | None = None) -> Path:
    """Download release ``version`` ("latest", ``MAJOR.MINOR.PATCH`` or ``vMAJOR.MINOR.PATCH``) into
    ``dest/<version>/``; returns that folder.

    Files already cached with the right SHA-256 are not fetched again. ``deadline``: seconds allowed
    for each file, every attempt included (default ``DEADLINE``). Raises ``ChecksumError`` (naming the file) on a mismatch,
    ``DownloadError`` (one line) otherwise; either way nothing unverified is left in ``dest``.
    """
    deadline = DEADLINE if deadline is None else float(deadline)
    if not deadline > 0:
        raise DownloadError(f"the deadline must be a positive number of seconds, got {deadline:g}")
    base = resolve_base_url(base_url)
    dest = Path(dest) if dest is not None else default_dest()
    wanted = normalize_version(version)
    index, raw = _get_index(base, dest, deadline)
    entry = resolve_version(index, wanted)
    resolved = entry["version"]
    files = entry["files"]
    prefix = entry.get("path") or f"{resolved}/"
    final = dest / resolved
    _remove_stale(dest)
    cached = _verified(final, files) if final.is_dir() else set()
    if cached == set(files):
        _check_release(final, entry, base)
    else:
        staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{resolved}-{os.getpid()}-", dir=dest))
        try:
            for name, info in files.items():
                if name in cached:
                    try:
                        os.link(final / name, staging / name)
                    except OSError:
                        shutil.copy2(final / name, staging / name)
                else:
                    _fetch(f"{base}/{prefix}{name}", name, info, staging, resolved, retries, deadline)
            _check_release(staging, entry, base)
            _swap_in(staging, final)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    if raw is not None:
        _write_atomically(dest / INDEX, raw)
    return final
