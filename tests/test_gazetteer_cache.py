"""The gazetteer is built once and then loaded from a compact pickle cache."""

import subprocess
import sys

from pipeline import places


def test_cache_is_written_and_gives_the_same_index(tmp_path, monkeypatch):
    index = places._gazetteer()     # this process's index (parsing the JSON is tested by every build)
    monkeypatch.setenv(places.GAZETTEER_CACHE_ENV, str(tmp_path))
    places._gazetteer.cache_clear()
    builds = []

    def counted():
        builds.append(1)
        return index
    monkeypatch.setattr(places, "_build_gazetteer", counted)
    try:
        built = places._gazetteer()
        path = places.gazetteer_cache_path()
        assert path.parent == tmp_path and path.is_file() and len(builds) == 1
        places._gazetteer.cache_clear()
        loaded = places._gazetteer()
        assert loaded == built and loaded is not built and len(builds) == 1     # read from the file
        assert loaded.by_key[places.name_key("Aleppo")].admin1code == "09"
        # a corrupt cache is rebuilt, not fatal
        path.write_bytes(b"not a pickle")
        places._gazetteer.cache_clear()
        assert places._gazetteer() == built and len(builds) == 2
    finally:
        places._gazetteer.cache_clear()


def test_cache_key_changes_with_the_rules(tmp_path):
    """The key hashes this module's source: the same source gives the same file name."""
    code = "from pipeline import places; print(places.gazetteer_cache_path().name)"
    env = {"SYRIA_EVENTS_CACHE": str(tmp_path), "PATH": ""}
    a = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
    assert a.strip() == places.gazetteer_cache_path().name
    assert a.startswith("gazetteer-") and a.strip().endswith(".pickle")
