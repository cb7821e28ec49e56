"""Downloads from a real HTTP server on 127.0.0.1, checksums, cache, loading into pandas and DuckDB."""

import collections
import hashlib
import http.server
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline import download as dl
from pipeline.cli import main
from pipeline.io import read_table, write_table
from pipeline.load import connect, load_table
from pipeline.release import publish_release

from .conftest import copy_releases, seal_build, serve_folder

ADDED_EVENT = {"event_id": "e0000000000000test", "date": pd.Timestamp("2016-03-24"), "date_precision": "day",
               "summary": "Russian aircraft strike positions near Palmyra in Homs Governorate.",
               "event_type": "airstrike", "in_scope": True}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def partials(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith("tmp")] if folder.exists() else []


@pytest.fixture(scope="module")
def releases(seed_build, seed_releases, tmp_path_factory) -> dict:
    """1.0.0 = the seed build (conftest's ``seed_releases``, copied); 1.1.0 = the same plus one event
    (written through pipeline.io), published after it."""
    root = tmp_path_factory.mktemp("served")
    latest1 = seed_build[0] / "outputs" / "latest"
    latest2 = shutil.copytree(latest1, root / "latest2")
    events = read_table(latest2 / "events.parquet")
    row = {c: ADDED_EVENT.get(c) for c in events.columns}
    row.update(n_mentions=1, n_documents=1, n_sources=0)
    for c in events.columns:
        if row[c] is None and isinstance(events[c].iloc[0], list):
            row[c] = []
    write_table("events", pd.concat([events, pd.DataFrame([row])], ignore_index=True), latest2)
    seal_build(latest2)
    folder = copy_releases(seed_releases, root / "releases")
    assert publish_release(latest2, folder).version == "1.1.0"
    return {"folder": folder, "latest1": latest1, "latest2": latest2}


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder; counts GETs per path; can cut a response in half (once, or always, per listed path)."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.server.hits[self.path] += 1
        super().do_GET()

    def copyfile(self, source, outputfile):
        if self.path in self.server.interrupt_once or self.path in self.server.interrupt_always:
            self.server.interrupt_once.discard(self.path)
            data = source.read()
            outputfile.write(data[: len(data) // 2])
            outputfile.flush()
            self.close_connection = True
            return
        super().copyfile(source, outputfile)


@pytest.fixture
def server(releases, tmp_path):
    """A ThreadingHTTPServer on 127.0.0.1 (port 0) serving a copy of the releases folder."""
    served = shutil.copytree(releases["folder"], tmp_path / "www")
    with serve_folder(served, Handler) as httpd:
        httpd.hits = collections.Counter()
        httpd.interrupt_once = set()
        httpd.interrupt_always = set()
        yield httpd


def test_download_latest_verifies_every_file(server, tmp_path):
    dest = tmp_path / "cache"
    folder = dl.download("latest", dest=dest, base_url=server.url)
    assert folder == dest / "1.1.0"
    index = json.loads((server.folder / "index.json").read_text())
    files = index["versions"][0]["files"]
    assert sorted(p.name for p in folder.iterdir()) == sorted(files)
    for name, info in files.items():
        assert sha(folder / name) == info["sha256"] == sha(server.folder / "1.1.0" / name)
        assert server.hits[f"/1.1.0/{name}"] == 1
    assert json.loads((dest / "index.json").read_text()) == index
    # cached: a second download fetches the index again, but no file
    assert dl.download("latest", dest=dest, base_url=server.url) == folder
    assert server.hits["/index.json"] == 2
    assert all(server.hits[f"/1.1.0/{name}"] == 1 for name in files)


def test_load_table_equals_the_local_events(server, releases, tmp_path):
    events = load_table("events", dest=tmp_path, base_url=server.url)
    local = read_table(releases["latest2"] / "events.parquet")
    pd.testing.assert_frame_equal(events, local)
    assert str(events["date"].dtype).startswith("datetime64")
    assert str(events["n_mentions"].dtype) == "Int64"
    assert isinstance(events["topics"].iloc[0], list)
    added = events[events["event_id"] == ADDED_EVENT["event_id"]]
    assert added["summary"].item() == ADDED_EVENT["summary"] and added["date"].item() == ADDED_EVENT["date"]
    older = load_table("events", "1.0.0", dest=tmp_path, base_url=server.url)
    assert len(older) == len(events) - 1 and ADDED_EVENT["event_id"] not in set(older["event_id"])
    with pytest.raises(KeyError, match="unknown table 'evnts'"):
        load_table("evnts", dest=tmp_path, base_url=server.url)


EVENTS_PER_MONTH = """
    SELECT strftime(date, '%Y-%m') AS month, count(*) AS events
    FROM events GROUP BY month ORDER BY month
"""


def test_duckdb_events_per_month(server, releases, tmp_path):
    con = connect(dest=tmp_path, base_url=server.url)
    got = con.sql(EVENTS_PER_MONTH).fetchall()
    local = read_table(releases["latest2"] / "events.parquet")
    expected = local.groupby(local["date"].dt.strftime("%Y-%m")).size()
    assert got == list(expected.items())
    assert sum(n for _, n in got) == len(local)
    # 1.1.0 has exactly one more event than 1.0.0, in March 2016
    before = dict(connect("1.0.0", dest=tmp_path, base_url=server.url).sql(EVENTS_PER_MONTH).fetchall())
    after = dict(got)
    assert {m: after[m] - before.get(m, 0) for m in after if after[m] != before.get(m, 0)} == {"2016-03": 1}
    views = {r[0] for r in con.sql("SELECT table_name FROM information_schema.tables").fetchall()}
    tables = set(json.loads((server.folder / "1.1.0" / "manifest.json").read_text())["tables"])
    assert views == tables | {"casualty_estimates"}


CASUALTIES_PER_MONTH = """
    SELECT strftime(e.date, '%Y-%m') AS month, count(DISTINCT e.event_id) AS events,
           sum(c.count_low) AS killed_low, sum(c.count_high) AS killed_high
    FROM events e
    LEFT JOIN casualty_estimates c ON c.event_id = e.event_id AND c.outcome = 'killed' AND c.victim_group = 'civilians'
    GROUP BY month ORDER BY month
"""


def test_duckdb_casualty_ranges_per_month(server, releases, tmp_path):
    got = connect(dest=tmp_path, base_url=server.url).sql(CASUALTIES_PER_MONTH).df()
    events = read_table(releases["latest2"] / "events.parquet")
    figures = read_table(releases["latest2"] / "casualty_figures.parquet")
    # the estimate, computed independently: one row per event (incident, not vague, civilians killed),
    # lowest lower bound and highest upper bound across the documents that state it
    killed = figures[(figures["outcome"] == "killed") & (figures["scope"] == "incident")
                     & (figures["victim_group"] == "civilians") & (figures["qualifier"] != "vague")]
    killed = killed.groupby("event_id").agg(count_low=("count_low", "min"), count_high=("count_high", "max"))
    killed = killed.reset_index().merge(events[["event_id", "date"]], on="event_id")
    month = killed["date"].dt.strftime("%Y-%m")
    assert got["events"].tolist() == events.groupby(events["date"].dt.strftime("%Y-%m")).size().tolist()
    for column, source in (("killed_low", "count_low"), ("killed_high", "count_high")):
        sums = got.set_index("month")[column].dropna().astype(int).to_dict()
        assert sums == {m: int(v) for m, v in killed.groupby(month)[source].sum(min_count=1).dropna().items()}
    assert len(killed) > 0 and got["killed_low"].notna().any()


def test_tampered_file_is_rejected_and_not_kept(server, tmp_path):
    target = server.folder / "1.1.0" / "events.parquet"
    target.chmod(0o644)
    target.write_bytes(target.read_bytes()[:-1] + b"\x00")
    dest = tmp_path / "cache"
    with pytest.raises(dl.ChecksumError, match=r"checksum mismatch for events\.parquet \(release 1\.1\.0\)") as err:
        dl.download("latest", dest=dest, base_url=server.url)
    assert sha(target) in str(err.value)
    folder = dest / "1.1.0"
    assert not (folder / "events.parquet").exists() and not partials(folder)
    assert server.hits["/1.1.0/events.parquet"] == 3               # first try + 2 retries
    assert main(["download", "--dest", str(dest), "--base-url", server.url]) == 1


def test_cli_names_the_tampered_file(server, tmp_path, capsys):
    target = server.folder / "1.1.0" / "manifest.json"
    target.chmod(0o644)
    target.write_text("{}")
    assert main(["download", "latest", "--dest", str(tmp_path), "--base-url", server.url]) == 1
    err = capsys.readouterr().err
    assert err.startswith("download failed: checksum mismatch for manifest.json (release 1.1.0)")
    assert not (tmp_path / "1.1.0" / "manifest.json").exists()


def test_corrupted_cache_is_fetched_again(server, tmp_path):
    folder = dl.download("1.1.0", dest=tmp_path, base_url=server.url)
    good = sha(folder / "events.parquet")
    (folder / "events.parquet").write_bytes(b"not parquet")
    dl.download("1.1.0", dest=tmp_path, base_url=server.url)
    assert sha(folder / "events.parquet") == good and server.hits["/1.1.0/events.parquet"] == 2


def test_interrupted_download_is_retried(server, tmp_path):
    server.interrupt_once.add("/1.1.0/events.parquet")
    folder = dl.download("latest", dest=tmp_path, base_url=server.url)
    assert server.hits["/1.1.0/events.parquet"] == 2
    assert sha(folder / "events.parquet") == sha(server.folder / "1.1.0" / "events.parquet")
    assert not partials(folder)


def test_interrupted_download_restarts_cleanly(server, tmp_path):
    server.interrupt_once.add("/1.1.0/events.parquet")
    with pytest.raises(dl.DownloadError, match=r"could not download events\.parquet \(release 1\.1\.0\)"):
        dl.download("latest", dest=tmp_path, base_url=server.url, retries=0)
    folder = tmp_path / "1.1.0"
    assert not (folder / "events.parquet").exists() and not partials(folder)
    assert main(["download", "latest", "--dest", str(tmp_path), "--base-url", server.url]) == 0
    assert sha(folder / "events.parquet") == sha(server.folder / "1.1.0" / "events.parquet")
    assert server.hits["/1.1.0/events.parquet"] == 2


def test_unknown_version(server, tmp_path):
    with pytest.raises(dl.DownloadError, match=r"no release '9\.9\.9'; available: 1\.1\.0, 1\.0\.0"):
        dl.download("9.9.9", dest=tmp_path, base_url=server.url)


def test_file_url_and_local_folders(releases, tmp_path):
    folder = releases["folder"]
    got = dl.download("1.0.0", dest=tmp_path, base_url=folder.as_uri())
    assert sha(got / "SHA256SUMS") == sha(folder / "1.0.0" / "SHA256SUMS")
    assert dl.download(dest=tmp_path / "b", base_url=str(folder)).name == "1.1.0"   # a plain path is file://
    local = read_table(releases["latest1"] / "events.parquet")
    pd.testing.assert_frame_equal(load_table("events", path=folder / "1.0.0"), local)          # a release folder
    pd.testing.assert_frame_equal(load_table("events", "1.0.0", path=folder), local)          # a releases folder
    assert len(load_table("events", path=folder)) == len(local) + 1                           # its latest
    assert connect(path=got).sql("SELECT count(*) FROM events").fetchall()[0][0] == len(local)
    with pytest.raises(ValueError, match="holds release 1.0.0, not 1.1.0"):
        load_table("events", "1.1.0", path=folder / "1.0.0")


def test_default_base_url(monkeypatch, tmp_path):
    monkeypatch.delenv(dl.ENV_BASE_URL, raising=False)
    monkeypatch.chdir(tmp_path)     # the project is the current directory, never the installed code
    assert dl.resolve_base_url() == dl.default_base_url() == (tmp_path / "outputs" / "releases").as_uri()
    assert dl.default_base_url(tmp_path / "p") == (tmp_path / "p" / "outputs" / "releases").as_uri()
    monkeypatch.setenv(dl.ENV_BASE_URL, "https://example.org/syria-events/")
    assert dl.resolve_base_url() == "https://example.org/syria-events"
    assert dl.resolve_base_url("http://127.0.0.1:1/x") == "http://127.0.0.1:1/x"
    monkeypatch.setenv(dl.ENV_CACHE, str(tmp_path / "c"))
    assert dl.default_dest() == tmp_path / "c"


def test_unreachable_server_falls_back_to_the_cached_index(server, tmp_path):
    folder = dl.download("latest", dest=tmp_path, base_url=server.url)
    url = server.url
    server.shutdown()
    server.server_close()
    with pytest.warns(UserWarning, match="using the cached"):
        assert dl.download("latest", dest=tmp_path, base_url=url) == folder
    with pytest.raises(dl.DownloadError, match="could not fetch the release index"):
        dl.download("latest", dest=tmp_path / "empty", base_url=url)


# --- the CLI: one line on stderr for every failure (issue 12) --------------------------------------------

def one_line_error(capsys) -> str:
    out = capsys.readouterr()
    assert out.err.count("\n") == 1 and out.err.startswith("download failed: "), out.err
    for raw in ("urllib3", "HTTPConnectionPool", "Max retries", "Traceback", "object at 0x", "Errno"):
        assert raw not in out.err
    return out.err.rstrip("\n")


def test_cli_accepts_a_leading_v(server, tmp_path, capsys):
    assert main(["download", "v1.0.0", "--dest", str(tmp_path), "--base-url", server.url]) == 0
    assert capsys.readouterr().out.startswith(f"release 1.0.0 from {server.url} verified in {tmp_path / '1.0.0'}\n")
    assert sha(tmp_path / "1.0.0" / "events.parquet") == sha(server.folder / "1.0.0" / "events.parquet")
    assert len(load_table("events", "v1.0.0", path=tmp_path)) == len(load_table("events", "1.0.0", path=tmp_path))


def test_cli_wrong_version_and_missing_release_are_one_line(server, tmp_path, capsys):
    assert main(["download", "1.0", "--dest", str(tmp_path), "--base-url", server.url]) == 1
    assert one_line_error(capsys) == ("download failed: '1.0' is not a release version: give MAJOR.MINOR.PATCH "
                                      "(for example 1.0.0) or latest")
    assert main(["download", "v9.9.9", "--dest", str(tmp_path), "--base-url", server.url]) == 1
    assert one_line_error(capsys) == "download failed: no release '9.9.9'; available: 1.1.0, 1.0.0"
    assert main(["download", "--dest", str(tmp_path), "--base-url", f"{server.url}/nowhere"]) == 1
    assert one_line_error(capsys) == (f"download failed: could not fetch the release index from {server.url}/nowhere/"
                                      f"index.json: it does not exist (HTTP 404 Not Found)")
    assert not (tmp_path / "index.json").exists()


def test_cli_network_errors_are_one_line(server, tmp_path, capsys):
    import socket

    with socket.socket() as s:                      # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert main(["download", "--dest", str(tmp_path), "--base-url", f"http://127.0.0.1:{port}"]) == 1
    assert one_line_error(capsys) == (f"download failed: could not fetch the release index from "
                                      f"http://127.0.0.1:{port}/index.json: connection refused by 127.0.0.1:{port}")
    assert main(["download", "--dest", str(tmp_path), "--base-url", "http://no-such-host.invalid"]) == 1
    assert one_line_error(capsys) == ("download failed: could not fetch the release index from "
                                      "http://no-such-host.invalid/index.json: cannot resolve the host name "
                                      "no-such-host.invalid")
    assert main(["download", "--dest", str(tmp_path), "--base-url", "http://127.0.0.1:x/"]) == 1
    assert one_line_error(capsys) == "download failed: 'http://127.0.0.1:x/' is not a valid URL"
    # a server that breaks off every answer for one file, until the retries run out
    server.interrupt_always.add("/1.1.0/events.parquet")
    assert main(["download", "--dest", str(tmp_path), "--base-url", server.url]) == 1
    assert one_line_error(capsys) == (f"download failed: could not download events.parquet (release 1.1.0) from "
                                      f"{server.url}/1.1.0/events.parquet: 127.0.0.1:{server.server_address[1]} "
                                      f"broke off the transfer")
    assert server.hits["/1.1.0/events.parquet"] == 3 and not (tmp_path / "1.1.0").exists()
