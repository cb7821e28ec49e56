"""The dataset card of a release (pipeline/card.py) and the gzip CSV copies of the tables.

The browser test opens the card of a release of the whole seeds/ corpus in Debian's headless
Chromium, driven by Playwright: every chart is drawn (not blank), nothing is fetched from the
network, and the figures on the page equal the same figures computed here from the Parquet files.
It never skips: without Chromium it fails, saying how to install it (.ci/run installs it).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline import card as card_mod
from pipeline import release as rel
from pipeline.io import csv_gz_bytes, read_table
from pipeline.paths import REPO_ROOT
from schemas import TABLES
from schemas.contract import allowed_values, columns

from .conftest import copy_releases

CHROMIUM = os.environ.get("SYRIA_EVENTS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
CHART_KEYS = ["events-per-month", "casualties-per-month", "map", "source-domains"]


@pytest.fixture(scope="module")
def corpus_release(corpus_build, tmp_path_factory) -> Path:
    """Release 1.0.0 of the whole seeds/ folder."""
    root, _ = corpus_build
    info = rel.publish_release(root / "outputs" / "latest", tmp_path_factory.mktemp("card") / "releases")
    return info.path


@pytest.fixture(scope="module")
def seed_release(seed_releases, tmp_path_factory) -> Path:
    """Release 1.0.0 of the seed build (conftest's ``seed_releases``, copied)."""
    return copy_releases(seed_releases, tmp_path_factory.mktemp("seed_card") / "releases") / "1.0.0"


def _num(text: str) -> int:
    return int(text.replace(",", "").strip())


# --- the files ------------------------------------------------------------------------------------

def test_card_files_are_deterministic_across_processes(seed_release, tmp_path):
    """Another Python process (other hash seed) renders the same card, byte for byte."""
    code = ("import json, sys; from pathlib import Path; from pipeline import card;"
            "f = Path(sys.argv[1]); m = json.loads((f / 'manifest.json').read_text());"
            "files = card.card_files(card.read_tables(f), version=m['version'], previous=m['previous'],"
            " changelog=(f / 'CHANGELOG.md').read_text(encoding='utf-8'), pipeline_version=m['pipeline_version']);"
            "[(Path(sys.argv[2]) / n).write_bytes(b) for n, b in files.items()]")
    env = dict(os.environ, PYTHONHASHSEED="12345")
    subprocess.run([sys.executable, "-c", code, str(seed_release), str(tmp_path)], check=True, cwd=REPO_ROOT, env=env)
    for name in card_mod.CARD_FILES:
        assert (tmp_path / name).read_bytes() == (seed_release / name).read_bytes(), name
    svg = (seed_release / "index.html").read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg


def test_release_readme_holds_the_codebook_with_allowed_values(seed_release):
    readme = (seed_release / "README.md").read_text(encoding="utf-8")
    for table in TABLES:
        for c in columns(table):
            assert f"| `{c.name}` | {c.logical} | {'yes' if c.nullable else 'no'} | " in readme, (table, c.name)
        assert f"### `{table}`" in readme
    assert ("| `date_precision` | string | no | Precision of `date`: day, month or year. | one of: day, month, year |"
            in readme)
    assert allowed_values("documents")["sha256"] == "exactly 64 characters"
    for section in ("## What the dataset is", "## Coverage", "## Charts", "## Scope and caveats", "## Codebook",
                    "## How to cite", "## Licences and attribution", "## Changelog of this release",
                    "### How to sum casualties"):
        assert section in readme
    # the five seeds: 2 current-events pages, 2 Wikipedia articles, 1 Syrian Archive page
    assert "| Documents used | 5 |" in readme
    assert "| Documents of format `current_events` | 2 |" in readme
    assert "| Documents of format `wikipedia` | 2 |" in readme
    assert "| Documents of format `syrian_archive` | 1 |" in readme
    assert "First release." in readme
    assert "Do not sum this table." in readme           # the casualty caveat, from schemas/
    assert (seed_release / "CITATION.cff").read_text() == card_mod.citation_cff("1.0.0")
    assert 'version: "1.0.0"' in (seed_release / "CITATION.cff").read_text()


def test_repository_citation_file_is_generated():
    assert (REPO_ROOT / "CITATION.cff").read_text(encoding="utf-8") == card_mod.citation_cff(), \
        "run: python -m pipeline.card --citation CITATION.cff"
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert tuple(a["name"] for a in project["authors"]) == card_mod.AUTHORS


def test_card_shows_columns_a_later_schema_adds(seed_release):
    """event_type splits the monthly chart, a boolean in_scope is counted, documents' url and licence
    attribute each document: without any change to the card's code."""
    tables = card_mod.read_tables(seed_release)
    ev = tables["events"]
    n = ev.num_rows
    kinds = ["airstrike" if i % 3 else "statement" for i in range(n)]
    # the schema has them by now: give them known values
    ev = ev.drop_columns([c for c in ("event_type", "in_scope") if c in ev.column_names])
    ev = ev.append_column("event_type", pa.array(kinds)).append_column(
        "in_scope", pa.array([i % 4 != 0 for i in range(n)]))
    docs = tables["documents"]
    urls = [f"https://en.wikipedia.org/wiki/Doc_{i}" for i in range(docs.num_rows)]
    urls[1] = "https://en.wikipedia.org/wiki/Raqqa_campaign_(2016–2017)"     # parentheses, as titles have
    for name, values in (("url", urls), ("licence", ["CC BY-SA 4.0"] * docs.num_rows)):
        if name in docs.column_names:           # the schema has it by now: give it known values
            docs = docs.drop_columns([name])
        docs = docs.append_column(name, pa.array(values))
    files = card_mod.card_files(dict(tables, events=ev, documents=docs), version="9.9.9")
    page = files["index.html"].decode()
    readme = files["README.md"].decode()
    assert "<th scope=\"col\">airstrike</th><th scope=\"col\">statement</th><th scope=\"col\">total</th>" in \
        page.replace(" class=num", "")
    assert "### `events.in_scope`" in readme
    assert f"| true | {sum(i % 4 != 0 for i in range(n))} |" in readme
    assert f"| false | {sum(i % 4 == 0 for i in range(n))} |" in readme
    assert f'<a href="{urls[0]}">en.wikipedia.org/wiki/Doc_0</a>' in page
    assert ('<a href="https://en.wikipedia.org/wiki/Raqqa_campaign_%282016–2017%29">'
            'en.wikipedia.org/wiki/Raqqa_campaign_(2016–2017)</a>') in page
    assert "| `current_events` | 2 | CC BY-SA 4.0 | en.wikipedia.org |" in readme
    # without them: no crash, and the absence is said
    bare = dict(tables, documents=tables["documents"].drop_columns(
        [c for c in ("url", "licence") if c in tables["documents"].column_names]))
    readme = card_mod.card_files(bare, version="9.9.9")["README.md"].decode()
    assert "| `current_events` | 2 | not recorded per document | – |" in readme
    assert "this release records no public URL per document" in readme
    assert "| `seeds/002_f9a24864ad6fba31.txt` |" in readme


def test_charts_are_kept_for_the_same_tables_and_drawn_anew_for_others(seed_release, monkeypatch):
    """A second card of the same tables reuses the drawn charts (same bytes, drawn once); one more
    event month draws them again."""
    tables = card_mod.read_tables(seed_release)
    monkeypatch.setattr(card_mod, "_CHARTS", {})
    drawn = []
    real = card_mod.events_per_month_chart
    monkeypatch.setattr(card_mod, "events_per_month_chart", lambda *a: drawn.append(1) or real(*a))
    first = card_mod.card_files(tables, version="1.0.0")
    again = card_mod.card_files(card_mod.read_tables(seed_release), version="1.0.1", previous="1.0.0")
    assert len(drawn) == 1
    svgs = [re.findall(rb"data:image/svg\+xml;base64,[A-Za-z0-9+/=]+", f["index.html"]) for f in (first, again)]
    assert len(svgs[0]) == 4 and svgs[0] == svgs[1]
    ev = tables["events"]
    date = ev.column("date").to_pylist()
    date[0] = date[0].replace(year=2016, month=1 if date[0].month != 1 else 2)
    moved = ev.set_column(ev.column_names.index("date"), "date", pa.array(date, ev.schema.field("date").type))
    other = card_mod.card_files(dict(tables, events=moved), version="1.0.2")
    assert len(drawn) == 2
    assert other["index.html"] != first["index.html"]


def test_card_of_empty_tables_says_so():
    from pipeline.io import to_arrow
    from schemas.contract import empty_frame

    files = card_mod.card_files({t: to_arrow(t, empty_frame(t)) for t in TABLES}, version="0.0.1")
    page, readme = files["index.html"].decode(), files["README.md"].decode()
    assert page.count('<figure id="chart-') == 4
    assert "| First event date | – |" in readme and "| Events | 0 |" in readme
    assert "no events dated to the day or month in this release" in readme
    assert "no cited sources in this release" in readme


# --- gzip CSV -------------------------------------------------------------------------------------

def test_attribution_gives_each_documents_url_and_licence(seed_release):
    readme = (seed_release / "README.md").read_text(encoding="utf-8")
    docs = read_table(seed_release / "documents.parquet")
    article = docs[docs["title"] == "Russian involvement in the Syrian civil war"].iloc[0]
    url = "https://en.wikipedia.org/wiki/Russian_involvement_in_the_Syrian_civil_war"
    assert article["url"] == url
    assert (f"| Russian involvement in the Syrian civil war | wikipedia | 2023-10-25 | "
            f"[en.wikipedia.org/wiki/Russian_involvement_in_the_Syrian_civil_war]({url}) | "
            f"{article['licence']} |") in readme
    for fmt, g in docs.groupby("format"):
        licences = ", ".join(sorted(g["licence"].dropna().unique()))
        assert f"| `{fmt}` | {len(g)} | {licences} |" in readme, fmt


def test_csv_copies_hold_the_parquet_rows(seed_release):
    for t in TABLES:
        data = (seed_release / f"{t}.csv.gz").read_bytes()
        assert data[:2] == b"\x1f\x8b" and data[4:8] == b"\0\0\0\0"       # gzip, mtime 0
        text = gzip.decompress(data).decode("utf-8")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        table = pq.read_table(seed_release / f"{t}.parquet")
        assert rows[0] == table.column_names and len(rows) - 1 == table.num_rows, t
    events = read_table(seed_release / "events.parquet")
    csv_events = pd.read_csv(seed_release / "events.csv.gz", dtype=str, keep_default_na=False)
    first = events.iloc[0]
    row = csv_events.set_index("event_id").loc[first["event_id"]]
    assert row["date"] == first["date"].date().isoformat()
    assert row["places"] == ";".join(first["places"])
    assert row["summary"] == first["summary"]
    multi = events[events["places"].map(len) > 1].iloc[0]
    assert csv_events.set_index("event_id").loc[multi["event_id"], "places"] == ";".join(multi["places"])
    # the seed page of 2015-09-04 is one document row with its ISO date
    docs = pd.read_csv(seed_release / "documents.csv.gz", dtype=str, keep_default_na=False)
    assert docs.loc[docs["path"] == "002_f9a24864ad6fba31.txt", "published"].item() == "2015-09-04"


def test_csv_cells():
    table = pa.table({"d": pa.array([None, pa.scalar(0, pa.date32()).as_py()], pa.date32()),
                      "l": pa.array([["a", "b"], []], pa.list_(pa.string())),
                      "f": pa.array([0.1, None]), "b": pa.array([True, False]),
                      "s": pa.array(['say "hi", then', "x\ny"])})
    text = gzip.decompress(csv_gz_bytes(table)).decode()
    assert text == 'd,l,f,b,s\n,a;b,0.1,true,"say ""hi"", then"\n1970-01-01,,,false,"x\ny"\n'
    assert csv_gz_bytes(table) == csv_gz_bytes(table)


def test_verify_release_catches_a_csv_that_differs_from_its_parquet(seed_release, tmp_path):
    folder = shutil.copytree(seed_release, tmp_path / "tampered")
    for p in folder.iterdir():
        os.chmod(p, 0o644)
    events = pq.read_table(folder / "events.parquet")
    (folder / "events.csv.gz").write_bytes(csv_gz_bytes(events.slice(1)))
    sums = rel.read_checksums(folder)
    sums["events.csv.gz"] = rel.sha256_file(folder / "events.csv.gz")
    (folder / "SHA256SUMS").write_text("".join(f"{d}  {n}\n" for n, d in sorted(sums.items())))
    with pytest.raises(rel.ReleaseError, match="events.csv.gz: does not hold the rows of events.parquet"):
        rel.verify_release(folder, check_frictionless=False)


def test_downloaded_release_includes_card_and_csv(seed_release, tmp_path):
    """index.json lists the card and the CSV copies, so a download fetches and verifies them too."""
    index = json.loads((seed_release.parent / "index.json").read_text())
    files = index["versions"][0]["files"]
    for name in ["index.html", "README.md", "CITATION.cff"] + [f"{t}.csv.gz" for t in TABLES]:
        assert files[name]["sha256"] == rel.sha256_file(seed_release / name), name
    from pipeline.download import download

    folder = download("1.0.0", dest=tmp_path / "dl", base_url=seed_release.parent.as_uri())
    assert (folder / "index.html").read_bytes() == (seed_release / "index.html").read_bytes()
    assert (folder / "events.csv.gz").read_bytes() == (seed_release / "events.csv.gz").read_bytes()


# --- in a real browser (last, so that Dagster builds run before Playwright starts) -------------------

@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"no Chromium at {CHROMIUM}: `apt-get install -y chromium` (Debian), or set SYRIA_EVENTS_CHROMIUM")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def page(corpus_release, browser):
    """index.html opened from disk; every request that is not the file itself is recorded and refused."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    pg.requests_elsewhere = []
    errors = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    url = (corpus_release / card_mod.CARD_HTML).as_uri()

    def route(r):
        if r.request.url == url or r.request.url.startswith("data:"):
            r.continue_()
        else:
            pg.requests_elsewhere.append(r.request.url)
            r.abort()

    pg.route("**/*", route)
    pg.goto(url, wait_until="load")
    pg.console_errors = errors
    yield pg
    context.close()


def test_every_chart_renders_offline(page, tmp_path):
    from PIL import Image, ImageStat

    assert page.requests_elsewhere == [] and page.console_errors == []
    assert page.title().startswith("Russian intervention in Syria: an open event dataset — release 1.0.0")
    figures = page.query_selector_all("figure[data-chart]")
    assert [f.get_attribute("data-chart") for f in figures] == CHART_KEYS
    for fig in figures:
        img = fig.query_selector("img.chart")
        assert img.get_attribute("src").startswith("data:image/svg+xml;base64,")
        assert page.evaluate("i => i.complete && i.naturalWidth > 300 && i.naturalHeight > 100", img)
        assert len(img.get_attribute("alt")) > 80          # alt text that says what the chart shows
        shot = tmp_path / f"{fig.get_attribute('data-chart')}.png"
        img.screenshot(path=str(shot))
        pixels = Image.open(shot).convert("L")
        assert pixels.width > 300 and pixels.height > 100
        # a drawn chart: dark marks (axes, text, bars) on white; a blank one has no spread at all
        assert ImageStat.Stat(pixels).stddev[0] > 15, shot.name
        assert pixels.getextrema()[0] < 60, shot.name
        assert len(fig.query_selector_all("table tbody tr")) > 0   # its numbers, below it
    # nothing wider than the window: long URLs and titles wrap, long tables scroll in their box
    assert page.evaluate("document.documentElement.scrollWidth") <= 1200
    assert page.evaluate("[...document.querySelectorAll('.scroll')]"
                         ".filter(d => d.querySelector('table').scrollWidth > d.clientWidth + 1).length") == 0
    # no script, no external stylesheet or image: the page is the one file
    assert page.evaluate("document.scripts.length") == 0
    assert page.evaluate("[...document.querySelectorAll('link[rel=stylesheet], img')]"
                         ".filter(e => !(e.src || '').startsWith('data:')).length") == 0


def test_figures_on_the_page_equal_the_parquet_files(page, corpus_release):
    events = read_table(corpus_release / "events.parquet")
    documents = read_table(corpus_release / "documents.parquet")

    def value(key: str) -> str:
        return page.inner_text(f'tr[data-key="{key}"] td')

    assert _num(value("events")) == len(events) == pq.ParquetFile(corpus_release / "events.parquet").metadata.num_rows
    assert value("first-date") == events["date"].min().date().isoformat()
    assert value("last-date") == events["date"].max().date().isoformat()
    assert _num(value("documents")) == len(documents)
    for fmt, n in documents["format"].value_counts().items():
        assert _num(value(f"documents-{fmt}")) == n, fmt
    for p in ("day", "month", "year"):
        assert _num(value(f"events-{p}")) == (events["date_precision"] == p).sum(), p
    assert _num(value("places")) == events["location"].nunique()
    assert _num(value("governorates")) == events["admin1"].nunique() == 14
    for t in TABLES:
        assert _num(page.inner_text(f'tr[data-key="rows-{t}"] td')) == pq.read_metadata(
            corpus_release / f"{t}.parquet").num_rows, t


def _chart_table(page, key: str) -> list[list[str]]:
    return page.eval_on_selector_all(
        f'figure[data-chart="{key}"] tbody tr',
        "rows => rows.map(r => [...r.children].map(c => c.innerText.trim()))")


def test_chart_tables_equal_the_parquet_files(page, corpus_release):
    events = read_table(corpus_release / "events.parquet")
    # events per month: every month with events dated to the day or month
    dated = events[events["date_precision"] != "year"]
    per_month = dated.groupby(dated["date"].dt.strftime("%Y-%m")).size()
    shown = {r[0]: _num(r[-1]) for r in _chart_table(page, "events-per-month")}  # month ... total
    assert shown == per_month.to_dict()
    assert sum(shown.values()) == len(dated)

    # civilians killed: incident figures, per event the lowest lower and highest upper bound
    figs = read_table(corpus_release / "casualty_figures.parquet")
    figs = figs[(figs["scope"] == "incident") & figs["event_id"].notna() & (figs["qualifier"] != "vague")
                & (figs["outcome"] == "killed") & (figs["victim_group"] == "civilians")]
    per_event = figs.groupby("event_id").agg(low=("count_low", "min"), high=("count_high", "max"),
                                             open=("count_high", lambda s: s.isna().all()))
    per_event = per_event.join(events.set_index("event_id")["date"])
    per_event["month"] = per_event["date"].dt.strftime("%Y-%m")
    expected = {}
    for month, g in per_event.groupby("month"):
        high = None if g["open"].any() else int(g["high"].sum())
        expected[month] = [len(g), int(g["low"].fillna(0).sum()), high]
    shown = {m: [_num(n), _num(lo), None if hi == "no upper bound" else _num(hi)]
             for m, n, lo, hi in _chart_table(page, "casualties-per-month")}
    assert shown == expected and len(shown) > 20

    # the 20 most cited domains
    sources = read_table(corpus_release / "sources.parquet")
    counts = sources.groupby("domain").agg(citations=("source_id", "size"), events=("event_id", "nunique"))
    top = counts.reset_index().sort_values(["citations", "domain"], ascending=[False, True]).head(20)
    assert _chart_table(page, "source-domains") == [[d, str(c), str(e)] for d, c, e in top.itertuples(index=False)]

    # the map: one point per location, events placed at a place or a governorate
    placed = events[events["latitude"].notna() & (events["geo_precision"] != "country")]
    rows = _chart_table(page, "map")
    assert sum(_num(r[-1]) for r in rows) == len(placed)
    aleppo = next(r for r in rows if r[0] == "Aleppo" and r[4] == "place")
    assert _num(aleppo[-1]) == ((placed["location"] == "Aleppo") & (placed["geo_precision"] == "place")).sum()
