"""The extractor versions are kept in the user cache folder, named by a digest of the code."""

from pipeline import docmap


def test_kept_versions_equal_the_computed_ones_and_a_broken_file_is_recomputed(tmp_path, monkeypatch):
    monkeypatch.setenv(docmap.VERSIONS_CACHE_ENV, str(tmp_path))
    docmap._versions.cache_clear()
    try:
        computed = docmap._computed_versions()
        assert docmap._versions() == computed
        [kept] = tmp_path.glob("extractor-versions-*.json")
        assert kept.name == f"extractor-versions-{docmap._code_digest(docmap._package_versions())[:24]}.json"
        kept.write_text("{not json")
        docmap._versions.cache_clear()
        assert docmap.extractor_versions() == computed["extractor"]
        assert docmap.identify_version() == computed["identify"]
        assert kept.read_text().startswith("{\"extractor\"")      # rewritten
    finally:
        docmap._versions.cache_clear()


def test_the_digest_names_every_source_file(tmp_path):
    a = docmap._code_digest("x")
    assert docmap._code_digest("y") != a          # package versions are part of it
    assert len(a) == 64
