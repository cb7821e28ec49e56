"""A hostile release mirror: a real HTTP server on 127.0.0.1 serving crafted releases.

Each case is a release the seed build published, altered one way (and re-sealed where the case needs
the hashes to agree, so the check under test is the one that catches it): SQL in a table name,
oversized or trickling answers, redirects to file://, index.json, manifest.json and SHA256SUMS that
break their schemas. Nothing a mirror serves may run, be written outside the destination, hang the
client, or be left behind for ``load_table(path=...)`` to follow.
"""

from __future__ import annotations

import collections
import hashlib
import http.server
import json
import shutil
import threading
import time
from pathlib import Path

import pytest

from pipeline import download as dl
from pipeline.io import read_table
from pipeline.load import connect, load_table
from schemas import TABLES

from .conftest import copy_releases, serve_folder

VERSION = "1.0.0"


@pytest.fixture(scope="module")
def release(seed_releases, tmp_path_factory) -> Path:
    """Release 1.0.0 of the seed build, published by ``publish_release`` (conftest's ``seed_releases``,
    copied)."""
    assert (seed_releases / VERSION).is_dir()
    return copy_releases(seed_releases, tmp_path_factory.mktemp("hostile") / "releases")


class Mirror(http.server.SimpleHTTPRequestHandler):
    """Serves a folder; a path listed in ``server.behaviours`` gets that behaviour instead."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.server.hits[self.path] += 1
        behaviour = self.server.behaviours.get(self.path)
        if behaviour is None:
            return super().do_GET()
        try:
            behaviour(self)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            pass


def redirect(location: str):
    def answer(handler):
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()
    return answer


def huge(n_bytes: int, announce: bool):
    """Answer ``n_bytes`` of zeros (announced in Content-Length or not); count what was sent."""
    def answer(handler):
        handler.send_response(200)
        if announce:
            handler.send_header("Content-Length", str(n_bytes))
        handler.end_headers()
        block = b"\0" * 65536
        sent = 0
        try:
            while sent < n_bytes:
                handler.wfile.write(block[: n_bytes - sent])
                sent += min(len(block), n_bytes - sent)
        finally:
            handler.server.sent[handler.path] = sent
    return answer


def trickle(body: bytes, every: float):
    """The right headers, then one byte of ``body`` every ``every`` seconds."""
    def answer(handler):
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        for i in range(len(body)):
            if handler.server.stopping.wait(every):
                return
            handler.wfile.write(body[i:i + 1])
            handler.wfile.flush()
    return answer


def silent(handler):
    """Accept the request and never answer."""
    handler.server.stopping.wait(60)


@pytest.fixture
def mirror(release, tmp_path):
    served = shutil.copytree(release, tmp_path / "www")
    for p in served.rglob("*"):
        p.chmod(0o755 if p.is_dir() else 0o644)
    with serve_folder(served, Mirror) as httpd:
        httpd.hits, httpd.behaviours, httpd.sent = collections.Counter(), {}, {}
        httpd.stopping = threading.Event()
        try:
            yield httpd
        finally:
            httpd.stopping.set()     # handlers that never answer return before the shutdown


def reseal(www: Path, version: str = VERSION, *, checksums: bool = True) -> None:
    """Make SHA256SUMS (unless ``checksums`` is False) and index.json agree with the files as they now are."""
    folder = www / version
    digest = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}
    if checksums:
        (folder / "SHA256SUMS").write_text("".join(f"{d}  {n}\n" for n, d in digest.items() if n != "SHA256SUMS"))
        digest["SHA256SUMS"] = hashlib.sha256((folder / "SHA256SUMS").read_bytes()).hexdigest()
    index = json.loads((www / "index.json").read_text())
    entry = next(v for v in index["versions"] if v["version"] == version)
    entry["files"] = {n: {"sha256": d, "bytes": (folder / n).stat().st_size} for n, d in sorted(digest.items())}
    (www / "index.json").write_text(json.dumps(index, indent=2))


def edit_json(path: Path, change) -> None:
    """Rewrite a JSON file with ``change(document)``, which returns the new document."""
    path.write_text(json.dumps(change(json.loads(path.read_text())), indent=2))


DELETE = object()


def put(keys: list, value):
    """A change setting ``document[k1][k2]...`` to ``value`` (``DELETE``: removing the key)."""
    def change(doc):
        obj = doc
        for k in keys[:-1]:
            obj = obj[k]
        if value is DELETE:
            del obj[keys[-1]]
        else:
            obj[keys[-1]] = value
        return doc
    return change


def assert_nothing_left(dest: Path) -> None:
    """A refused download leaves no index.json, no version folder, no staging folder in ``dest``."""
    left = sorted(p.name for p in dest.iterdir()) if dest.exists() else []
    assert left == []
    with pytest.raises(FileNotFoundError, match="release folder"):
        load_table("events", path=dest)


# --- SQL from a release never runs ---------------------------------------------------------------------

def injection(pwn: Path) -> str:
    """A table name that, pasted into CREATE VIEW "<name>" AS ..., closes the quote, writes a file and
    comments out the rest (it did, before connect() took table names from the codebook only)."""
    return f"x\" AS SELECT 1; COPY (SELECT 'pwned' AS p) TO '{pwn}' (FORMAT csv); CREATE VIEW \"y\" AS SELECT 1 --"


def test_manifest_table_name_carrying_sql_is_refused_by_download(mirror, tmp_path):
    pwn = tmp_path / "pwn.csv"
    manifest = mirror.folder / VERSION / "manifest.json"
    edit_json(manifest, lambda m: put(["tables", injection(pwn)], m["tables"]["events"])(m))
    reseal(mirror.folder)
    dest = tmp_path / "cache"
    with pytest.raises(dl.DownloadError, match=r"manifest\.json of release 1\.0\.0 is not a valid release manifest: "
                                               r"table name 'x\" AS SELECT 1; COPY .* is not a plain identifier"):
        connect(dest=dest, base_url=mirror.url)
    assert not pwn.exists()
    assert_nothing_left(dest)


def test_connect_takes_table_names_only_from_the_codebook(release, seed_build, tmp_path):
    pwn = tmp_path / "pwn.csv"
    folder = shutil.copytree(release / VERSION, tmp_path / "rel")
    (folder / "manifest.json").chmod(0o644)
    edit_json(folder / "manifest.json", lambda m: put(["tables", injection(pwn)], m["tables"]["events"])(m))
    con = connect(path=folder)
    views = {r[0] for r in con.sql("SELECT table_name FROM information_schema.tables").fetchall()}
    assert views == set(TABLES) | {"casualty_estimates"}
    events = read_table(seed_build[0] / "outputs" / "latest" / "events.parquet")
    assert con.sql("SELECT count(*) FROM events").fetchall()[0][0] == len(events)
    assert not pwn.exists()


# --- paths are literal --------------------------------------------------------------------------------

@pytest.mark.parametrize("name,sibling", [("rel*", "rel-sibling"), ("r[e]l", "rel"), ("r?l", "rxl")])
def test_glob_characters_in_a_release_path_are_literal(release, seed_build, tmp_path, name, sibling):
    """A folder whose path holds *, ? or [ is read alone, never a sibling the pattern would match;
    a folder named year=2016 adds no hive-partition column."""
    base = tmp_path / "year=2016"
    folder = shutil.copytree(release / VERSION, base / name)
    other = shutil.copytree(release / VERSION, base / sibling)
    events = read_table(seed_build[0] / "outputs" / "latest" / "events.parquet")
    (other / "events.parquet").chmod(0o644)
    (other / "events.parquet").unlink()
    from pipeline.io import write_table
    write_table("events", events.head(3), other)
    con = connect(path=folder)
    assert con.sql("SELECT count(*) FROM events").fetchall()[0][0] == len(events) > 3
    assert con.sql("SELECT * FROM events LIMIT 0").columns == list(events.columns)
    assert len(load_table("events", path=folder)) == len(events)
    assert connect(path=other).sql("SELECT count(*) FROM events").fetchall()[0][0] == 3


# --- bounded: size limit and deadline -----------------------------------------------------------------

@pytest.mark.parametrize("announce", [True, False], ids=["content-length", "no-content-length"])
def test_oversized_answer_is_cut_off_at_the_size_in_the_index(mirror, tmp_path, announce):
    index = json.loads((mirror.folder / "index.json").read_text())
    size = index["versions"][0]["files"]["events.parquet"]["bytes"]
    assert 10_000 < size < 200_000
    mirror.behaviours[f"/{VERSION}/events.parquet"] = huge(3_000_000, announce)
    dest = tmp_path / "cache"
    with pytest.raises(dl.DownloadError) as err:
        dl.download(VERSION, dest=dest, base_url=mirror.url)
    message = str(err.value)
    assert message.startswith(f"could not download events.parquet (release 1.0.0) from {mirror.url}/1.0.0/events.parquet: ")
    if announce:
        assert message.endswith(f"the server announces 3000000 bytes, more than the {size} bytes expected; "
                                f"refused before reading")
    else:
        received = int(message.split("cut off after ")[1].split()[0])
        assert size < received <= size + dl.CHUNK
        assert message.endswith(f"sent more than the {size} bytes expected; cut off after {received} bytes, nothing kept")
    assert mirror.hits[f"/{VERSION}/events.parquet"] == 1            # a lying server is not asked again
    assert_nothing_left(dest)


@pytest.mark.parametrize("case", ["trickle", "silent"])
def test_slow_server_fails_after_the_deadline(mirror, tmp_path, case):
    body = (mirror.folder / VERSION / "events.parquet").read_bytes()
    mirror.behaviours[f"/{VERSION}/events.parquet"] = trickle(body, 0.25) if case == "trickle" else silent
    dest = tmp_path / "cache"
    start = time.monotonic()
    with pytest.raises(dl.DownloadError, match=r"could not download events\.parquet \(release 1\.0\.0\) from "
                                               r"http://127\.0\.0\.1:\d+/1\.0\.0/events\.parquet: not complete "
                                               r"within the deadline of 2 s \(\d+ bytes received\)") as err:
        dl.download(VERSION, dest=dest, base_url=mirror.url, deadline=2)
    elapsed = time.monotonic() - start
    assert elapsed < 8
    received = int(str(err.value).split("(")[-1].split()[0])
    assert (0 < received < 20) if case == "trickle" else received == 0
    assert_nothing_left(dest)


# --- redirects ------------------------------------------------------------------------------------------

def test_redirect_to_a_file_url_is_refused(mirror, tmp_path):
    dest = tmp_path / "cache"
    mirror.behaviours["/index.json"] = redirect("file:///etc/passwd")
    with pytest.raises(dl.DownloadError, match=r"^could not fetch the release index from http://127\.0\.0\.1:\d+/"
                                               r"index\.json: refusing a redirect to 'file:///etc/passwd' \(only "
                                               r"http:// and https:// redirects are followed\)$"):
        dl.download(dest=dest, base_url=mirror.url)
    # a data file redirected to the very file on disk (right bytes, right hash) is refused all the same
    del mirror.behaviours["/index.json"]
    target = (mirror.folder / VERSION / "events.parquet").as_uri()
    mirror.behaviours[f"/{VERSION}/events.parquet"] = redirect(target)
    with pytest.raises(dl.DownloadError, match=r"could not download events\.parquet \(release 1\.0\.0\) .*: "
                                               r"refusing a redirect to 'file:///.*/events\.parquet'"):
        dl.download(dest=dest, base_url=mirror.url)
    assert_nothing_left(dest)


def test_http_redirects_are_followed_and_verified(mirror, tmp_path):
    moved = mirror.folder / "moved" / VERSION
    moved.mkdir(parents=True)
    shutil.copy(mirror.folder / VERSION / "events.parquet", moved / "events.parquet")
    mirror.behaviours[f"/{VERSION}/events.parquet"] = redirect(f"/moved/{VERSION}/events.parquet")
    folder = dl.download(dest=tmp_path, base_url=mirror.url)
    assert mirror.hits[f"/{VERSION}/events.parquet"] == mirror.hits[f"/moved/{VERSION}/events.parquet"] == 1
    assert (folder / "events.parquet").read_bytes() == (mirror.folder / VERSION / "events.parquet").read_bytes()


# --- schemas of index.json, manifest.json, SHA256SUMS ---------------------------------------------------

V0 = ["versions", 0]
EVENTS = [*V0, "files", "events.parquet"]
ONLY_PLAIN = r" \(only plain names of letters, digits, '\.', '_' and '-' are accepted\)"

INDEX_CASES = {
    "not-an-object": (lambda i: [], r"the index must be an object, got list"),
    "no-versions": (put(["versions"], DELETE), r"it has no 'versions'"),
    "no-latest": (put(["latest"], DELETE), r"the index has no 'latest'"),
    "versions-not-a-list": (put(["versions"], {"1.0.0": {}}), r"versions must be a list, got object"),
    "entry-without-files": (put([*V0, "files"], DELETE), r"versions\[0\] has no 'files'"),
    "entry-without-version": (put([*V0, "version"], DELETE), r"versions\[0\] has no 'version'"),
    "version-is-a-path": (put([*V0, "version"], "../../x"),
                          r"versions\[0\]\.version must be a version MAJOR\.MINOR\.PATCH, got '\.\./\.\./x'"),
    "sha256-a-number": (put([*EVENTS, "sha256"], 123),
                        r"versions\[0\]\.files\['events\.parquet'\]\.sha256 must be a string, got integer"),
    "bytes-a-string": (put([*EVENTS, "bytes"], "41000"),
                       r"versions\[0\]\.files\['events\.parquet'\]\.bytes must be an integer, got string"),
    "files-a-list": (put([*V0, "files"], ["events.parquet"]), r"versions\[0\]\.files must be an object, got list"),
    "file-name-escapes": (lambda i: put([*V0, "files", "../../outside"], {"sha256": "a" * 64, "bytes": 1})(i),
                          r"refusing file name in versions\[0\]\.files '\.\./\.\./outside'" + ONLY_PLAIN),
    "path-elsewhere": (put([*V0, "path"], "/etc/"),
                       r"versions\[0\]\.path must be a relative folder like '1\.0\.0/', got '/etc/'"),
    "latest-unknown": (put(["latest"], "9.9.9"), r"latest is 9\.9\.9, which is not among the versions"),
}


@pytest.mark.parametrize("case", list(INDEX_CASES))
def test_index_that_breaks_its_schema_is_a_one_line_error(mirror, tmp_path, case):
    change, message = INDEX_CASES[case]
    edit_json(mirror.folder / "index.json", change)
    dest = tmp_path / "cache"
    with pytest.raises(dl.DownloadError, match=rf"^http://127\.0\.0\.1:\d+/index\.json is not a valid release "
                                               rf"index: {message}$") as err:
        dl.download(dest=dest, base_url=mirror.url)
    assert "\n" not in str(err.value)
    assert_nothing_left(dest)
    # the same index in a local releases folder: load_table(path=...) says the same, never KeyError
    with pytest.raises(dl.DownloadError, match=rf"index\.json is not a valid release index: {message}$"):
        load_table("events", path=mirror.folder)


T_EVENTS = ["tables", "events"]

MANIFEST_CASES = {
    "not-an-object": (lambda m: [], r"the manifest must be an object, got list"),
    "no-tables": (put(["tables"], DELETE), r"it has no 'tables'"),
    "tables-a-list": (lambda m: put(["tables"], list(m["tables"]))(m), r"tables must be an object, got list"),
    "rows-a-string": (put([*T_EVENTS, "rows"], "many"), r"tables\.events\.rows must be an integer, got string"),
    "file-elsewhere": (put([*T_EVENTS, "file"], "../events.parquet"),
                       r"tables\.events\.file must be events\.parquet, got '\.\./events\.parquet'"),
    "other-version": (put(["version"], "2.0.0"), r"it says release 2\.0\.0, the index says 1\.0\.0"),
    "hash-not-the-index": (put([*T_EVENTS, "sha256"], "0" * 64),
                           r"tables\.events does not agree with the index \(sha256 or bytes\)"),
}


@pytest.mark.parametrize("case", list(MANIFEST_CASES))
def test_manifest_that_breaks_its_schema_is_a_one_line_error(mirror, tmp_path, case):
    change, message = MANIFEST_CASES[case]
    edit_json(mirror.folder / VERSION / "manifest.json", change)
    reseal(mirror.folder)                       # every hash agrees: only the manifest's schema can refuse it
    dest = tmp_path / "cache"
    with pytest.raises(dl.DownloadError, match=rf"^manifest\.json of release 1\.0\.0 is not a valid release "
                                               rf"manifest: {message}$"):
        dl.download(dest=dest, base_url=mirror.url)
    assert_nothing_left(dest)


CHECKSUM_CASES = {
    "not-a-checksum-line": ("nonsense\n", r"SHA256SUMS of release 1\.0\.0 line 1 is not a checksum line \(64 "
                                          r"lowercase hex digits, two spaces, a file name\): 'nonsense'"),
    "name-escapes": (f"{'a' * 64}  ../../etc/passwd\n",
                     r"refusing file name on line 1 of SHA256SUMS of release 1\.0\.0 '\.\./\.\./etc/passwd'"
                     + ONLY_PLAIN),
    "listed-twice": (f"{'a' * 64}  events.parquet\n{'b' * 64}  events.parquet\n",
                     r"SHA256SUMS of release 1\.0\.0 lists events\.parquet twice"),
    "not-utf8": ("\udcff", r"SHA256SUMS of release 1\.0\.0 is not UTF-8 text"),
    "disagrees": (f"{'a' * 64}  events.parquet\n",
                  r"SHA256SUMS of release 1\.0\.0 does not agree with http://127\.0\.0\.1:\d+/index\.json"),
}


@pytest.mark.parametrize("case", list(CHECKSUM_CASES))
def test_checksums_that_break_their_format_are_a_one_line_error(mirror, tmp_path, case):
    text, message = CHECKSUM_CASES[case]
    (mirror.folder / VERSION / "SHA256SUMS").write_bytes(text.encode("utf-8", "surrogateescape"))
    reseal(mirror.folder, checksums=False)
    dest = tmp_path / "cache"
    with pytest.raises(dl.DownloadError, match=rf"^{message}$"):
        dl.download(dest=dest, base_url=mirror.url)
    assert_nothing_left(dest)


# --- a refused download leaves nothing to follow ----------------------------------------------------------

def test_refused_download_leaves_no_index_for_load_table_to_follow(mirror, tmp_path):
    """The last file fetched is tampered: every earlier file verified, yet nothing is left in dest."""
    dest = tmp_path / "cache"
    good = dl.download(VERSION, dest=dest / "earlier", base_url=mirror.url)
    target = mirror.folder / VERSION / "sources.parquet"
    assert sorted(json.loads((mirror.folder / "index.json").read_text())["versions"][0]["files"])[-1] == target.name
    target.write_bytes(target.read_bytes()[:-1] + b"\0")
    with pytest.raises(dl.ChecksumError, match=r"checksum mismatch for sources\.parquet \(release 1\.0\.0\)"):
        dl.download(VERSION, dest=dest / "new", base_url=mirror.url, retries=0)
    assert_nothing_left(dest / "new")
    # a cache holding a verified copy keeps it as it was
    before = {p.name: p.read_bytes() for p in good.iterdir()}
    (good / "sources.parquet").unlink()
    with pytest.raises(dl.ChecksumError):
        dl.download(VERSION, dest=dest / "earlier", base_url=mirror.url, retries=0)
    assert sorted(p.name for p in good.iterdir()) == sorted(set(before) - {"sources.parquet"})
    assert all((good / n).read_bytes() == b for n, b in before.items() if n != "sources.parquet")
    assert sorted(p.name for p in (dest / "earlier").iterdir()) == ["1.0.0", "index.json"]
