"""Integration: the real seeds built into a temporary folder, values checked against the text."""

import hashlib

import pandas as pd

SEED_000 = "000_01db5f8cfd1b4047.txt"
SEED_002 = "002_f9a24864ad6fba31.txt"


def doc_id(tables, path):
    docs = tables["documents"]
    return docs.loc[docs["path"] == path, "doc_id"].item()


def headline(tables, path):
    m = tables["event_mentions"]
    return m[(m["doc_id"] == doc_id(tables, path)) & (m["kind"] == "headline")].iloc[0]


def test_documents_inventory(tables):
    docs = tables["documents"].set_index("path")
    assert list(docs.index) == sorted(docs.index)
    assert docs.loc[SEED_000, "format"] == "current_events"
    assert docs.loc["001_69d70ffd968491bc.txt", "format"] == "wikipedia"
    assert docs.loc["004_041a935d91e2c885.txt", "format"] == "syrian_archive"
    assert docs.loc["001_69d70ffd968491bc.txt", "title"] == "Russian military intervention in the Syrian civil war"
    assert docs.loc["004_041a935d91e2c885.txt", "published"] == pd.Timestamp("2018-10-31")
    assert docs.loc[SEED_000, "byte_size"] == 7796
    assert tables["quarantine"].empty


def test_seed_000_headline_sources(tables):
    h = headline(tables, SEED_000)
    assert h["date"] == pd.Timestamp("2015-11-25")
    assert h["date_precision"] == "day"
    assert h["text"].startswith("Russian Defense Minister, Sergey Shoigu, says Russia will deploy its S-400")
    assert h["topics"] == ["Russian military intervention in the Syrian Civil War"]
    assert "Russia's Defense Minister Sergey Shoigu said on Wednesday" in h["detail"]  # &#039; decoded
    src = tables["sources"]
    src = src[src["mention_id"] == h["mention_id"]].sort_values("name")
    assert src[["name", "domain"]].values.tolist() == [
        ["Daily Sabah", "dailysabah.com"], ["RT", "rt.com"], ["Reuters", "reuters.com"]]
    assert set(src["url"]) == {
        "http://www.dailysabah.com/syrian-crisis/2015/11/25/russian-airstrikes-target-aid-convoy-in-northwestern-syrian-town-of-azaz-seven-reportedly-killed",
        "https://www.rt.com/news/323379-s400-russia-syria-airbase/",
        "http://uk.reuters.com/article/2015/11/25/uk-mideast-crisis-syria-trucks-idUKKBN0TE22S20151125",
    }
    assert set(src["event_id"]) == {h["event_id"]}


def test_seed_000_related_links(tables):
    links = tables["related_links"]
    links = links[links["doc_id"] == doc_id(tables, SEED_000)]
    assert len(links) == 10
    assert set(links["from_event_id"]) == {headline(tables, SEED_000)["event_id"]}
    by_path = links.set_index("target_path")
    jan9 = by_path.loc["/news/2016/01/9/syrian-civil-war-russian-military-intervention-in-the-syrian-civil-war-russian-airstrikes-on-a-al-nusra-front-al-qaeda-s-branch-in-syria.md"]
    assert jan9["target_date"] == pd.Timestamp("2016-01-09")
    assert jan9["context"] == ["Russia", "Russian military intervention in the Syrian Civil War", "Syria"]
    assert sorted(links["target_date"].dt.date.astype(str)) == [
        "2015-11-09", "2015-11-17", "2015-11-20", "2015-11-24", "2015-11-29",
        "2015-12-02", "2015-12-09", "2015-12-15", "2016-01-09", "2016-12-25"]


def test_seed_002_unpadded_header_date(tables):
    h = headline(tables, SEED_002)
    assert h["date"] == pd.Timestamp("2015-09-04")
    assert h["text"].startswith("Russian President Vladimir Putin confirms that Russia is providing military aid")
    assert tables["documents"].set_index("path").loc[SEED_002, "published"] == pd.Timestamp("2015-09-04")


def test_related_item_on_two_pages_is_one_event(tables):
    ev = tables["events"]
    airbase = ev[ev["summary"].str.startswith("Russia expands its military presence in Syria")]
    assert len(airbase) == 1
    row = airbase.iloc[0]
    assert row["date"] == pd.Timestamp("2015-12-02")
    assert (row["n_mentions"], row["n_documents"]) == (2, 2)
    assert row["topics"] == ["Russian military intervention in the Syrian Civil War", "Syrian Civil War"]
    assert not row["summary"].startswith("Syrian Civil War")
    m = tables["event_mentions"]
    assert sorted(m.loc[m["event_id"] == row["event_id"], "doc_id"]) == sorted(
        [doc_id(tables, SEED_000), doc_id(tables, SEED_002)])


def test_parquet_carries_column_descriptions(seed_build):
    import pyarrow.parquet as pq

    root, _ = seed_build
    schema = pq.read_schema(root / "outputs" / "latest" / "sources.parquet")
    assert schema.field("domain").metadata[b"description"].startswith(b"Registrable domain")
    assert schema.field("url").type == "string"
    assert pq.read_schema(root / "outputs" / "latest" / "events.parquet").field("date").type == "date32[day]"


def test_rebuild_is_byte_identical(seed_build, seeds_only, tmp_path):
    from .conftest import build_into

    root, _ = seed_build
    build_into(tmp_path, seeds_only)
    first = sorted((root / "outputs" / "latest").glob("*.parquet"))
    assert len(first) == 7
    for f in first:
        again = tmp_path / "outputs" / "latest" / f.name
        assert hashlib.sha256(f.read_bytes()).digest() == hashlib.sha256(again.read_bytes()).digest(), f.name


def test_ids_do_not_depend_on_file_names_or_order(tables, seeds_only, tmp_path):
    from .conftest import build_into

    seeds = tmp_path / "renamed"
    seeds.mkdir()
    for i, f in enumerate(sorted(seeds_only.iterdir(), reverse=True)):
        (seeds / f"z{i}_{f.stem[::-1]}.md").write_bytes(f.read_bytes())
    other = build_into(tmp_path / "out", seeds)
    for table, key in [("events", "event_id"), ("event_mentions", "mention_id"), ("sources", "source_id"),
                       ("related_links", "link_id")]:
        assert sorted(other[table][key]) == sorted(tables[table][key]), table
    assert sorted(other["documents"]["doc_id"]) == sorted(tables["documents"]["doc_id"])


def test_event_carries_its_sources(tables):
    h = headline(tables, SEED_000)
    ev = tables["events"].set_index("event_id").loc[h["event_id"]]
    assert ev["n_sources"] == 3
    assert ev["source_domains"] == ["dailysabah.com", "reuters.com", "rt.com"]
    assert ev["location"] == "Jablah"  # Khmeimim Air Base: the nearest GeoNames entry
    assert ev["admin1"] == "Latakia"


def test_figure_carries_date_and_place_of_its_mention(tables):
    f = tables["casualty_figures"]
    ariha = f[f["quote"].str.contains("in the town of Ariha") & (f["outcome"] == "killed")].iloc[0]
    assert (ariha["date"], ariha["date_precision"]) == (pd.Timestamp("2015-11-29"), "day")
    assert (ariha["location"], ariha["admin1"]) == ("Arīḩā", "Idlib")


def test_editing_a_document_rekeys_only_what_changed(tables, tmp_path):
    """Append one related item to page 002: the page's doc_id changes (its bytes did), but its
    doc_key, and the ids of every mention, source and link that did not change, stay."""
    from .conftest import build_into, copy_seeds

    seeds = copy_seeds(tmp_path / "seeds")
    with open(seeds / SEED_002, "a", encoding="utf-8") as f:
        f.write("\n11. [Russian aircraft strike positions near Palmyra as the Syrian Army advances. ]"
                "(/news/2016/03/24/russian-aircraft-strike-positions-near-palmyra.md) _Context: Russia, Syria_\n")
    edited = build_into(tmp_path, seeds)
    before = tables["documents"].set_index("path").loc[SEED_002]
    after = edited["documents"].set_index("path").loc[SEED_002]
    assert before["doc_id"] != after["doc_id"]
    assert before["doc_key"] == after["doc_key"] == "current_events:2015-09-04"
    old, new = set(tables["event_mentions"]["mention_id"]), set(edited["event_mentions"]["mention_id"])
    assert old <= new and len(new - old) == 1
    assert set(tables["sources"]["source_id"]) <= set(edited["sources"]["source_id"])
    assert set(tables["related_links"]["link_id"]) <= set(edited["related_links"]["link_id"])


def test_every_inline_link_of_the_archive_page_is_a_source(tables):
    src, m = tables["sources"], tables["event_mentions"].set_index("mention_id")
    src = src[src["doc_id"] == doc_id(tables, "004_041a935d91e2c885.txt")]
    # the page's 13 inline links but one: "published a [video] on ... August 22nd 2018" is the
    # publication of a video (background, pipeline/statements.py), first in its paragraph, so its
    # link supports no event
    assert len(src) == 12
    assert "https://www.youtube.com/watch?v=viCiwbJG5Pk" not in set(src["url"])
    video = src[src["name"] == "published a video"].iloc[0]
    assert (video["url"], video["domain"]) == ("http://eng.mil.ru/en/news_page/country/more.htm?id=12059172@egNews", "mil.ru")
    assert m.loc[video["mention_id"], "date"] == pd.Timestamp("2015-09-30")
    # a link in an undated sentence supports the paragraph's latest dated sentence
    vk = src[src["domain"] == "vk.com"].iloc[0]
    assert m.loc[vk["mention_id"], "text"].startswith("Five other airstrikes occurred")


def test_corpus_build_accounts_for_every_document(corpus_build):
    """The README's build: five seeds plus the real corpus. Every document file is in documents
    or quarantine (the corpus catalogue files are not documents), and the tables pass their schemas."""
    from .conftest import SEEDS_DIR

    _, t = corpus_build
    files = {p.relative_to(SEEDS_DIR).as_posix() for p in SEEDS_DIR.rglob("*") if p.is_file()}
    documents = files - {"corpus/MANIFEST.csv", "corpus/SOURCES.md"}
    assert len(documents) == 180
    seen = set(t["documents"]["path"]) | set(t["quarantine"]["path"])
    assert seen == documents
    assert not set(t["documents"]["path"]) & set(t["quarantine"]["path"])


def test_corpus_documents_say_where_they_come_from_their_language_and_why_empty(corpus_build):
    """Day index pages and both item-page layouts are documents; each document has its public URL
    and licence (manifest beside the corpus, else the document itself), its language, and a note
    exactly when it gives no mention."""
    _, t = corpus_build
    d = t["documents"].set_index("path")
    assert (d["format"] == "current_events_day").sum() == 10
    assert (d["format"] == "current_events").sum() == 63 + 2   # corpus item pages + two seeds
    assert not t["quarantine"]["path"].str.startswith("corpus/current_events/").any()
    day = d.loc["corpus/current_events/ce-day_2017-10-04.md"]
    assert (day["url"], day["licence"], day["published"]) == (
        "https://thecontext.net/news/2017/10/4/index.html", "CC-BY-SA-3.0", pd.Timestamp("2017-10-04"))
    assert d.loc["corpus/syrian_archive/sa_inv_medical-facilities-under-fire_incident-3.md", "url"] == \
        "https://syrianarchive.org/en/investigations/Medical-Facilities-Under-Fire/Incident-3.html"
    assert d.loc["corpus/articles/wp_battle_of_al-bab.md", "url"] == "https://en.wikipedia.org/wiki/Battle_of_al-Bab"
    assert pd.isna(d.loc["000_01db5f8cfd1b4047.txt", "url"])      # a seed: no manifest row, no self link
    arabic = d[d["language"] == "ar"]
    assert sorted(arabic.index) == [
        "corpus/syrian_archive/sa_inv_medical-facilities-under-fire_incident-2_ar.md",
        "corpus/syrian_archive/sa_russian-airstrikes_index_ar.md",
        "corpus/syrian_archive/sa_russian-airstrikes_munitions-identified_ar.md"]
    assert (arabic["n_mentions"] == 0).all() and arabic["note"].str.startswith("not extracted: the text is in Arabic").all()
    assert d.loc["corpus/syrian_archive/sa_russian-airstrikes_civiliandatabase.md", "note"].startswith("near-empty")
    assert d.loc["corpus/syrian_archive/sa_inv_index.md", "note"].startswith("near-empty")
    assert (d["note"].notna() == (d["n_mentions"] == 0)).all()


def test_a_benchmark_resolves_the_stages_of_a_build_as_the_build_did(corpus_build):
    """``bench_resolve.py --stage`` (and ``bench_memory.py --stage``) resolve a build's
    ``extracted_mentions`` with the build's articles (read from the stages beside it): the same
    event ids, rules, scores, evidence and cannot-links as the build's event_mentions. Without the
    articles, two body sections of one article may be merged: the answer differs on seeds/."""
    import sys
    from pathlib import Path

    from pipeline.build import stage_article_ids
    from pipeline.io import read_table
    from pipeline.resolve import resolve

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_resolve import resolve_stage, resolved_digest

    root, t = corpus_build
    stages = (root / "outputs" / "latest").resolve() / "stages"     # latest: the build's folder
    mentions = stages / "extracted_mentions.parquet"
    articles = stage_article_ids(stages)
    docs = t["documents"]
    assert articles == set(docs.loc[docs["format"] == "wikipedia", "doc_id"])
    assert "001_69d70ffd968491bc.txt" in set(docs.loc[docs["doc_id"].isin(articles), "path"])
    published = t["event_mentions"].sort_values("mention_id").reset_index(drop=True)
    bench, _, _ = resolve_stage(str(mentions))
    bench = bench.sort_values("mention_id").reset_index(drop=True)
    assert resolved_digest(bench) == resolved_digest(published)
    without = resolve(read_table(mentions)).sort_values("mention_id").reset_index(drop=True)
    assert resolved_digest(without) != resolved_digest(published)
    assert any("different_section" in c for links in published["cannot_link"] for c in links)
