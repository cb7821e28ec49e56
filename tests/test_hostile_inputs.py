"""Hostile inputs beside good documents (issue 10, items 3 and 5): the build succeeds, every good
document builds with its real values, and each bad entry is one quarantine row with its reason.

Committed fixtures are in ``tests/fixtures/hostile/`` (one file per case, named for it). What git
cannot hold or should not (symbolic links, a FIFO, a socket, a device, a file name that is not
UTF-8, unreadable entries, multi-megabyte files) is made in a temporary folder by ``_make_on_disk``,
one entry per case, named for it.

Unreadable entries and root: tests run as root, who reads a file or lists a folder whatever its
mode. The entries are chmod 000 (enough for any other user) and, in addition, ``os.open`` and
``os.scandir`` are wrapped to raise PermissionError for exactly those two paths, which is what the
OS does for a user without permission; the pipeline's own code (discover, parse, the accounting
walk) runs unchanged.
"""

from __future__ import annotations

import errno
import os
import shutil
import socket
import stat
import threading
from pathlib import Path

import pandas as pd
import pytest

from pipeline.discover import inspect, list_inputs
from pipeline.integrity import check_accounting, entries_on_disk
from pipeline.limits import MAX_DOCUMENT_BYTES, MAX_LINE_CHARS, MAX_QUOTE_CHARS

from .conftest import FIXTURES, build_into, copy_seeds

HOSTILE = FIXTURES / "hostile"
SEEDS = ["000_01db5f8cfd1b4047.txt", "001_69d70ffd968491bc.txt", "002_f9a24864ad6fba31.txt",
         "003_daf0165851d5fb7a.txt", "004_041a935d91e2c885.txt"]
RANGE = "in_range(1945-01-01 00:00:00, 2035-12-31 00:00:00)"

# committed fixture -> (stage, reason), the reason exactly as the quarantine table holds it
COMMITTED = {
    "front_matter_nested_5000_deep.md":
        ("parse", "broken front matter: nested deeper than 32 levels (MAX_FRONT_MATTER_DEPTH)"),
    "front_matter_billion_laughs.md":
        ("parse", "broken front matter: with its aliases expanded it has a size of 45,679,012,411, "
                  "over the limit of 262,144 (MAX_FRONT_MATTER_EXPANDED)"),
    "front_matter_recursive_alias.md":
        ("parse", "broken front matter: an alias refers to the value that holds it (endless when expanded)"),
    "front_matter_too_many_aliases.md":
        ("parse", "broken front matter: more than 100 aliases (MAX_FRONT_MATTER_ALIASES)"),
    "page_header_year_1.md":
        ("validate", "value refused by the schema: documents.published = '0001-01-01' "
                     "(coerce_dtype('datetime64[ns]'))"),
    "page_header_year_9999.md":
        ("validate", "value refused by the schema: documents.published = '9999-12-31' "
                     "(coerce_dtype('datetime64[ns]'))"),
    "related_link_year_9999.md":
        ("validate", "value refused by the schema: event_mentions.date = '9999-10-08' "
                     "(coerce_dtype('datetime64[ns]'))"),
    "prose_dated_2099.md":
        ("validate", f"value refused by the schema: event_mentions.date = '2099-03-03 00:00:00' ({RANGE})"),
    "prose_dated_1850.md":
        ("validate", f"value refused by the schema: event_mentions.date = '1850-03-03 00:00:00' ({RANGE})"),
    "empty_link_url.md":
        ("validate", "value refused by the schema: sources.url = '' (str_length(1, None))"),
}
# committed fixtures that are good documents: a number that cannot be true is dropped, the
# document and its true figures are kept. file -> (day, the figures it keeps)
KEPT = {
    "count_of_21_digits.md": ("2016-03-10", [("At least 7", 7, None, "injured", "people")]),
    "number_words_nine_hundred_billion_billion_billion.md": ("2016-03-11", [("12", 12, 12, "killed", "civilians")]),
    "count_above_syria_population.md": ("2016-03-12", [("14", 14, 14, "killed", "civilians")]),
}

NOT_UTF8_NAME = b"file_name_not_utf8_\xff.md"
# entries made on disk -> (stage, reason); byte sizes where they are known
ON_DISK = {
    "five_mb_single_line_headline.md":
        ("discover", f"document of 5,242,924 bytes, over the limit of {MAX_DOCUMENT_BYTES:,} bytes (MAX_DOCUMENT_BYTES)"),
    "line_over_65536_characters.md":
        ("discover", f"line 3 has 70,002 characters, over the limit of {MAX_LINE_CHARS:,} characters (MAX_LINE_CHARS)"),
    "front_matter_over_64_kib.md":
        ("parse", "front matter of 77,553 bytes, over the limit of 65,536 bytes (MAX_FRONT_MATTER_BYTES)"),
    "sentence_over_16384_characters.md":
        ("extract", f"a sentence of 20,288 characters, over the limit of {MAX_QUOTE_CHARS:,} characters "
                    "(MAX_QUOTE_CHARS), starting 'Russian airstrikes killed 40 civilians i'"),
    "symlink_outside_seeds.md": ("discover", "symbolic link refused: it points outside seeds/ (to {outside})"),
    "symlink_inside_seeds.md":
        ("discover", "symbolic link refused (links are not followed): it points to 000_01db5f8cfd1b4047.txt "
                     "inside seeds/"),
    "symlink_to_folder_outside": ("discover", "symbolic link refused: it points outside seeds/ (to {outside_dir})"),
    "broken_symlink.md": ("discover", "broken symbolic link: its target no_such_file.md does not exist"),
    "fifo.md": ("discover", "not a regular file: a named pipe (FIFO); it is not opened"),
    "socket.md": ("discover", "not a regular file: a socket; it is not opened"),
    "file_name_not_utf8_\\xff.md":
        ("discover", "file name is not UTF-8: rename the file (its name is shown with \\xNN escapes)"),
    "unreadable_file.md": ("discover", "unreadable: Permission denied"),
    "unreadable_folder": ("discover", "unreadable folder: Permission denied: the files in it cannot be listed"),
}
DEVICE = ("character_device.md", ("discover", "not a regular file: a character device; it is not opened"))


def _make_on_disk(seeds: Path, outside: Path) -> list[str]:
    """The entries of ON_DISK (and a device where the system lets us make one); returns the paths
    to make unreadable."""
    outside.mkdir()
    (outside / "secret.md").write_text("### [2016-1-1](/news/2016/1/1/index.md)\n\n# Secret headline.\n")
    header = "### [2016-3-7](/news/2016/3/7/index.md)\n\n# "
    (seeds / "five_mb_single_line_headline.md").write_text(header + "killed 5 civilians, " * 262_144 + "\n")
    (seeds / "line_over_65536_characters.md").write_text(header + "x" * 70_000 + "\n")
    (seeds / "front_matter_over_64_kib.md").write_text(
        "---\nsubject: Huge front matter\nauthor: Wikipedia\nnotes:\n" + "  - abcdefghijklmnopqrstuvwxyz\n" * 2500
        + "---\n\nOn 30 September 2015, Russia began airstrikes in Syria.\n")
    # 500 short lines of one paragraph: every line is short, the sentence they make is not
    (seeds / "sentence_over_16384_characters.md").write_text(
        "---\nsubject: One endless sentence\nauthor: Wikipedia\n---\n\n"
        "Russian airstrikes killed 40 civilians in Idlib on 3 March 2016 and\n"
        + "then they struck again and again and again\n" * 470 + "and again.\n")
    os.symlink(outside / "secret.md", seeds / "symlink_outside_seeds.md")
    os.symlink("000_01db5f8cfd1b4047.txt", seeds / "symlink_inside_seeds.md")
    os.symlink(outside, seeds / "symlink_to_folder_outside")
    os.symlink("no_such_file.md", seeds / "broken_symlink.md")
    os.mkfifo(seeds / "fifo.md")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(seeds / "socket.md"))
    sock.close()
    (seeds / os.fsdecode(NOT_UTF8_NAME)).write_text("### [2016-3-7](/news/2016/3/7/index.md)\n\n# Strikes.\n")
    shutil.copy(seeds / "002_f9a24864ad6fba31.txt", seeds / "unreadable_file.md")
    (seeds / "unreadable_folder").mkdir()
    shutil.copy(HOSTILE.parent / "current_events_unpadded_date.md", seeds / "unreadable_folder" / "a.md")
    shutil.copy(HOSTILE.parent / "syrian_archive_page.md", seeds / "unreadable_folder" / "b.md")
    try:
        os.mknod(seeds / DEVICE[0], 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    except OSError:
        pass        # no permission to make devices here: entry_kind is tested on its own below
    return [str(seeds / "unreadable_file.md"), str(seeds / "unreadable_folder")]


@pytest.fixture()
def unreadable(monkeypatch):
    """Make the given paths unreadable, for root too (see the module docstring)."""
    locked: set[str] = set()
    real_open, real_scandir = os.open, os.scandir

    def guarded_open(path, flags, *args, **kwargs):
        if os.fspath(path) in locked:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    def guarded_scandir(path="."):
        # an open directory's descriptor (shutil.rmtree scans by fd) is never one of the locked paths
        if not isinstance(path, int) and os.fspath(path) in locked:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "open", guarded_open)
    monkeypatch.setattr(os, "scandir", guarded_scandir)

    def lock(paths: list[str]) -> None:
        for p in paths:
            os.chmod(p, 0)
            locked.add(p)
    yield lock
    for p in locked:
        os.chmod(p, 0o755)


@pytest.fixture()
def hostile_build(tmp_path, unreadable):
    seeds = copy_seeds(tmp_path / "seeds")
    for name in [*COMMITTED, *KEPT]:
        shutil.copy(HOSTILE / name, seeds / name)
    unreadable(_make_on_disk(seeds, tmp_path / "outside"))
    tables = build_into(tmp_path / "build", seeds)
    return seeds, tmp_path / "outside", tables


def _expected(seeds: Path, outside: Path) -> dict[str, tuple[str, str]]:
    cases = {**COMMITTED, **ON_DISK}
    if (seeds / DEVICE[0]).exists():
        cases[DEVICE[0]] = DEVICE[1]
    return {path: (stage, reason.format(outside=outside / "secret.md", outside_dir=outside))
            for path, (stage, reason) in cases.items()}


def test_hostile_entries_are_quarantined_with_their_reason_and_good_documents_build(hostile_build, seed_build):
    seeds, outside, tables = hostile_build
    q = tables["quarantine"].set_index("path")
    expected = _expected(seeds, outside)
    assert sorted(q.index) == sorted(expected)
    got = {path: (q.loc[path, "stage"], q.loc[path, "reason"]) for path in expected}
    assert got == expected

    # sizes and hashes where the bytes were read; null where they were not
    assert q.loc["five_mb_single_line_headline.md", "byte_size"] == 5_242_924
    assert pd.isna(q.loc["five_mb_single_line_headline.md", "sha256"])
    assert pd.isna(q.loc["fifo.md", "byte_size"]) and pd.isna(q.loc["symlink_inside_seeds.md", "sha256"])
    assert q.loc["unreadable_file.md", "byte_size"] == (seeds / "002_f9a24864ad6fba31.txt").stat().st_size
    assert pd.isna(q.loc["unreadable_file.md", "sha256"])
    assert q.loc["page_header_year_9999.md", "sha256"] == __import__("hashlib").sha256(
        (HOSTILE / "page_header_year_9999.md").read_bytes()).hexdigest()

    # the good documents: the five seeds exactly as a clean build of them, and the kept fixtures
    docs = tables["documents"].set_index("path")
    assert sorted(docs.index) == sorted(SEEDS + list(KEPT))
    clean = seed_build[1]
    pd.testing.assert_frame_equal(docs.loc[SEEDS], clean["documents"].set_index("path").loc[SEEDS])
    seed_ids = set(clean["documents"]["doc_id"])
    for table, key, cols in [("event_mentions", "mention_id", ["text", "date", "date_precision"]),
                             ("sources", "source_id", ["name", "url"]),
                             ("casualty_figures", "figure_id", ["number_text", "count_low", "count_high", "outcome"])]:
        got = tables[table][tables[table]["doc_id"].isin(seed_ids)].set_index(key)[cols].sort_index()
        pd.testing.assert_frame_equal(got, clean[table].set_index(key)[cols].sort_index(), check_dtype=False)
    m = tables["event_mentions"]
    headline = m[(m["doc_id"] == docs.loc["000_01db5f8cfd1b4047.txt", "doc_id"]) & (m["kind"] == "headline")]
    assert headline["text"].tolist() == ["Russian Defense Minister, Sergey Shoigu, says Russia will deploy its S-400 "
                                         "defense missile system at the Khmeimim Air Base in Syria's Latakia Governorate."]
    assert docs.loc["000_01db5f8cfd1b4047.txt", "published"] == pd.Timestamp("2015-11-25")

    # numbers that cannot be true are not figures; the true ones of the same documents are
    f = tables["casualty_figures"]
    for name, (day, figures) in KEPT.items():
        assert docs.loc[name, "published"] == pd.Timestamp(day)
        mine = f[f["doc_id"] == docs.loc[name, "doc_id"]]
        got = [(r.number_text, r.count_low, None if pd.isna(r.count_high) else r.count_high, r.outcome, r.victim_group)
               for r in mine.itertuples()]
        assert got == figures, name
    assert f["count_low"].max() < 22_000_000 and f["count_high"].max() < 22_000_000

    # every entry on disk is accounted for, the unreadable folder as one entry
    on_disk = entries_on_disk(seeds)
    assert len(on_disk) == len(SEEDS) + len(KEPT) + len(expected)
    assert check_accounting(on_disk, tables["documents"], tables["quarantine"]) == {"missing": [], "both": [], "unknown": []}


def test_accounting_counts_entries_discover_never_saw(tmp_path, unreadable):
    """The accounting walk is its own: an unreadable folder, a link to a folder and a pipe are
    entries even when the tables forget them, so the check fails instead of passing."""
    seeds = tmp_path / "seeds"
    (seeds / "sub").mkdir(parents=True)
    (seeds / "sub" / "doc.md").write_text("x")
    (seeds / ".hidden").mkdir()
    (seeds / ".hidden" / "ignored.md").write_text("x")
    (seeds / "MANIFEST.csv").write_text("path\n")
    (seeds / "locked").mkdir()
    (seeds / "locked" / "inside.md").write_text("x")
    os.symlink(tmp_path, seeds / "link_to_folder")
    os.mkfifo(seeds / "pipe.md")
    unreadable([str(seeds / "locked")])
    assert entries_on_disk(seeds) == ["link_to_folder", "locked", "pipe.md", "sub/doc.md"]
    assert list_inputs(seeds) == ["link_to_folder", "locked", "pipe.md", "sub/doc.md"]
    documents = pd.DataFrame({"path": ["sub/doc.md"]})
    quarantine = pd.DataFrame({"path": ["pipe.md", "ghost.md"]})
    assert check_accounting(entries_on_disk(seeds), documents, quarantine) == {
        "missing": ["link_to_folder", "locked"], "both": [], "unknown": ["ghost.md"]}


def test_discover_never_opens_a_fifo(tmp_path):
    """Opening a FIFO for reading blocks until a writer comes: discover must answer at once."""
    os.mkfifo(tmp_path / "pipe.md")
    out = []
    worker = threading.Thread(target=lambda: out.append(inspect(tmp_path, "pipe.md")), daemon=True)
    worker.start()
    worker.join(10)
    assert out and out[0].problem == "not a regular file: a named pipe (FIFO); it is not opened"
    assert out[0].sha256 is None and out[0].byte_size is None


def test_every_kind_of_entry_is_named():
    from pipeline.discover import entry_kind
    assert entry_kind(stat.S_IFCHR | 0o600) == "a character device"
    assert entry_kind(stat.S_IFBLK | 0o600) == "a block device"
    assert entry_kind(stat.S_IFIFO | 0o600) == "a named pipe (FIFO)"
    assert entry_kind(stat.S_IFSOCK | 0o600) == "a socket"


def test_a_file_swapped_for_a_pipe_after_discovery_is_refused_without_blocking(tmp_path):
    """discover saw a regular file; by the time the parse stage reads it, it is a FIFO."""
    from pipeline.build import process_file
    (tmp_path / "doc.md").write_text("### [2016-3-7](/news/2016/3/7/index.md)\n\n# Russian jets strike Homs.\n")
    record = inspect(tmp_path, "doc.md")
    assert record.problem is None
    (tmp_path / "doc.md").unlink()
    os.mkfifo(tmp_path / "doc.md")
    result = process_file(tmp_path, record)
    assert (result.stage, result.reason) == ("parse", "not a regular file: a named pipe (FIFO)")


def test_a_file_changed_after_discovery_is_not_built_under_the_old_hash(tmp_path):
    from pipeline.build import process_file
    (tmp_path / "doc.md").write_text("### [2016-3-7](/news/2016/3/7/index.md)\n\n# Russian jets strike Homs.\n")
    record = inspect(tmp_path, "doc.md")
    (tmp_path / "doc.md").write_text("### [2016-3-7](/news/2016/3/7/index.md)\n\n# Russian jets strike Hama.\n")
    result = process_file(tmp_path, record)
    assert result.stage == "parse" and result.reason.startswith("changed during the build")


def test_stage_values_cover_every_stage_the_code_uses():
    """The quarantine table's allowed stages (schemas.tables.STAGES) include every stage that
    pipeline code writes: a stage missing from the schema would fail the quarantine table."""
    import re

    from schemas.tables import STAGES
    used = set()
    for path in Path(__file__).parents[1].joinpath("pipeline").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'stage="(\w+)"', text)) | set(re.findall(r'DocumentError\("(\w+)"', text))
    assert used == {"discover", "parse", "extract", "validate"}
    assert used <= set(STAGES)


# --- the same limits, one function at a time --------------------------------------------------

@pytest.mark.parametrize("name", [n for n, (stage, _) in COMMITTED.items() if n.startswith("front_matter")])
def test_front_matter_limits_raise_the_reason_before_building_anything(name):
    from pipeline.parsers import DocumentError
    from pipeline.parsers.markdown import split_front_matter
    with pytest.raises(DocumentError) as err:
        split_front_matter((HOSTILE / name).read_text(encoding="utf-8"))
    assert (err.value.stage, err.value.reason) == COMMITTED[name]


def test_front_matter_within_the_limits_keeps_dates_and_yes_no_as_strings():
    from pipeline.parsers.markdown import expanded_size, split_front_matter
    meta, body = split_front_matter("---\nsubject: Norway\nauthor: Wikipedia\ncountry: &c NO\nalso: *c\n"
                                    "flag: on\npubDate: 2018-10-31\nlist: [[[a]]]\n---\nBody.\n")
    assert meta == {"subject": "Norway", "author": "Wikipedia", "country": "NO", "also": "NO", "flag": "on",
                    "pubDate": "2018-10-31", "list": [[["a"]]]}
    import yaml
    node = yaml.compose("a: &x [b, cd]\nc: [*x, *x]\n")
    # mapping 1 + 'a' 2 + seq(1 + 'b' 2 + 'cd' 3 = 6) + 'c' 2 + seq(1 + 6 + 6 = 13)
    assert expanded_size(node) == 1 + 2 + 6 + 2 + 13


@pytest.mark.parametrize("text, expected", [
    ("nine hundred billion billion billion", None),          # was 902,000,000,000
    ("three thousand two million", None),                     # scales must shrink
    ("thousand million", None),
    ("two million three hundred thousand", (2_300_000, 2_300_000, "exact")),
    ("twenty-one", (21, 21, "exact")),
    ("one hundred thousand", (100_000, 100_000, "exact")),
    ("2.5 million", (2_500_000, 2_500_000, "exact")),
    ("22 million", (22_000_000, 22_000_000, "exact")),        # the bound itself is allowed
    ("22,000,001", None),                                     # one above it is not a figure
    ("30 million", None),
    ("between 1,099 and 30 million", None),
    ("more than 25 million", None),
    ("123456789012345678901", None),
    ("between four and six thousand", (4_000, 6_000, "range")),
])
def test_number_words_are_read_by_grammar_and_bounded(text, expected):
    from pipeline.casualties import parse_count
    assert parse_count(text) == expected


def test_implausible_counts_are_not_figures_but_their_sentence_neighbours_are():
    from pipeline.casualties import extract_figures
    assert extract_figures("Russian airstrikes on Idlib kill nine hundred billion billion billion civilians.") == []
    assert extract_figures("Russian airstrikes on Idlib kill 30 million civilians.") == []
    [f] = extract_figures("The strikes killed 30 million civilians and 14 soldiers, activists said.")
    assert (f.number_text, f.count_low, f.victim_group) == ("14", 14, "soldiers")


def test_catalogue_files_that_are_pipes_or_links_are_never_opened(tmp_path):
    """MANIFEST.csv / SOURCES.md are read by the catalogue, not as documents: a FIFO under that name
    must not block the build, and a link to a manifest outside seeds/ must not be followed."""
    from pipeline.catalogue import read_catalogue
    seeds = tmp_path / "seeds"
    (seeds / "piped").mkdir(parents=True)
    os.mkfifo(seeds / "piped" / "MANIFEST.csv")
    (seeds / "linked").mkdir()
    (tmp_path / "MANIFEST.csv").write_text("file,url\ndoc.md,https://attacker.example/\n")
    os.symlink(tmp_path / "MANIFEST.csv", seeds / "linked" / "MANIFEST.csv")
    (seeds / "plain").mkdir()
    (seeds / "plain" / "MANIFEST.csv").write_text("file,url\ndoc.md,https://en.wikipedia.org/wiki/Homs\n")
    out = []
    worker = threading.Thread(target=lambda: out.append(read_catalogue(seeds)), daemon=True)
    worker.start()
    worker.join(10)
    assert out, "read_catalogue blocked on a FIFO"
    assert {k: v.url for k, v in out[0].items()} == {"plain/doc.md": "https://en.wikipedia.org/wiki/Homs"}
