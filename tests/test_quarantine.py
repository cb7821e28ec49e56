"""Bad files dropped into a copy of the seeds: each is quarantined with its reason, the build
still succeeds, and every input file is accounted for."""

import shutil

from .conftest import FIXTURES, build_into, copy_seeds

BAD = {
    "empty_file.md": ("discover", "empty file"),
    "not_utf8.md": ("discover", "not UTF-8: invalid byte at offset 3"),
    "unknown_format.md": ("discover", "unknown format"),
    "wikipedia_broken_front_matter.md": ("parse", "broken front matter"),
    "current_events_no_date.md": ("parse", "no date"),
    "current_events_impossible_date.md": ("parse", "no date: page header '### [2016-02-30]"),
    "binary_file.dat": ("discover", "binary file: contains NUL bytes"),
    "front_matter_not_a_mapping.md": ("parse", "broken front matter: a list, not a mapping of keys"),
    "front_matter_unclosed.md": ("parse", "broken front matter: no closing '---'"),
    "syrian_archive_empty_body.md": ("parse", "no text: page body is empty"),
}


def test_bad_files_are_quarantined_and_accounted_for(tmp_path):
    seeds = copy_seeds(tmp_path / "seeds")
    for name in BAD:
        shutil.copy(FIXTURES / name, seeds / name)
    (seeds / "nested").mkdir()
    shutil.copy(seeds / "002_f9a24864ad6fba31.txt", seeds / "nested" / "copy_of_002.txt")

    tables = build_into(tmp_path, seeds)
    q = tables["quarantine"].set_index("path")
    for name, (stage, reason) in BAD.items():
        assert q.loc[name, "stage"] == stage, name
        assert q.loc[name, "reason"].startswith(reason), (name, q.loc[name, "reason"])
    assert q.loc["nested/copy_of_002.txt", "reason"] == "duplicate of 002_f9a24864ad6fba31.txt"
    assert q.loc["empty_file.md", "byte_size"] == 0

    inputs = {p.relative_to(seeds).as_posix() for p in seeds.rglob("*") if p.is_file()}
    docs = set(tables["documents"]["path"])
    assert len(inputs) == 5 + len(BAD) + 1
    assert docs | set(q.index) == inputs
    assert not docs & set(q.index)
    assert len(docs) == 5
