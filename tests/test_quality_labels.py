"""The hand labels of corpus documents are sound, and the scorer matches them as documented.

Fast: no build. The scorer (benchmarks/score_documents.py) is loaded from its file.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("score_documents", ROOT / "benchmarks" / "score_documents.py")
sd = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sd)

LABELS = sd.load_labels()


def test_label_files_are_sound():
    problems = [p for label in LABELS for p in sd.label_problems(label)]
    assert problems == []


def test_every_format_has_four_documents_and_a_third_is_held_out():
    per_format = Counter(label["format"] for label in LABELS)
    assert per_format == {"current_events": 16, "wikipedia": 48, "syrian_archive": 34}
    heldout = [label for label in LABELS if label["split"] == "heldout"]
    assert 3 * len(heldout) >= len(LABELS)
    assert {label["format"] for label in heldout} == set(sd.FORMATS)
    assert Counter(label["format"] for label in heldout) == {"current_events": 8, "wikipedia": 14, "syrian_archive": 11}


def test_one_label_file_per_document_named_after_it():
    documents = [label["document"] for label in LABELS]
    assert len(documents) == len(set(documents))
    for label in LABELS:
        assert label["_file"] == Path(label["document"]).stem + ".yaml"


def test_label_problems_catches_a_snippet_that_is_not_in_the_document(tmp_path):
    label = {"_file": "x.yaml", "document": "corpus/articles/wp_airwars.md", "format": "wikipedia",
             "split": "tune", "figures": [], "background": [],
             "events": [{"snippet": "Airwars was founded in 1999", "date": "1999", "precision": "year"},
                        {"snippet": "Airwars was founded by investigative journalist Chris Woods",
                         "date": "2014-13", "precision": "month"}]}
    problems = sd.label_problems(label)
    assert problems == [
        "x.yaml: events[0]: snippet 'Airwars was founded in 1999' occurs 0 times, expected 1",
        "x.yaml: events[1]: date '2014-13' is not %Y-%m for precision month",
    ]


def test_fold_ignores_markup_entities_accents_and_punctuation():
    raw = "**Abu al-Duhur** [published a video](https://youtu.be/x)&#039;s \u201cJabb\u016bl\u201d \u2013 Ate\u015f"
    assert sd.fold(raw) == "abu al duhur published a video s jabbul ates"
    assert sd.fold_place("Ma'arrat al-Numan") == sd.fold_place("Maarrat al-Nu\u2019man") == "maarratnuman"
    # an apostrophe joins its word: "Rif\u2018at" is not "Rif" and the article "at"
    assert sd.fold_place("Tall Rif\u2018at") == sd.fold_place("Tall Rifat") == "tallrifat"


# A tiny synthetic build: two documents, rows taken from real corpus sentences.
LABEL = {
    "document": "corpus/articles/wp_2016_dabiq_offensive.md", "format": "wikipedia", "split": "tune",
    "events": [
        {"snippet": "On 3 October, advancing rebel forces ran into hundreds of landmines",
         "date": "2016-10-03", "precision": "day", "place": ["Turkman Bareh", "Turkman Barah"]},
        {"snippet": "It began in September and resulted in the capture of Dabiq", "date": "2016-09",
         "precision": "month"},
        {"snippet": "It began in September and resulted in the capture of Dabiq", "date": "2016-10-16",
         "precision": "day"},
        {"snippet": "The town of Akhtarin was captured by the rebels on 6 October", "date": "2016-10-06",
         "precision": "day"},
        {"snippet": "By this point, the rebel and Turkish force was some three kilometers from Dabiq",
         "date": "2016-10-02", "precision": "day", "optional": True},
    ],
    "figures": [
        {"snippet": "leaving 15-21 rebels dead", "number": "15-21", "low": 15, "high": 21,
         "outcome": "killed", "victim_group": "militants", "scope": "incident"},
        {"snippet": "another 29-35 wounded", "number": "29-35", "low": 29, "high": 35,
         "outcome": "injured", "victim_group": "militants", "scope": "incident"},
        {"snippet": "30 rebels and 20 ISIL fighters were killed", "number": "20", "low": 20, "high": 20,
         "outcome": "killed", "victim_group": "militants", "scope": ["incident", "cumulative"]},
    ],
    "background": [
        {"snippet": "500th anniversary of the Battle of Marj Dabiq"},
        {"snippet": "Turkey faces decision over boots on the ground in Syria"},
        {"snippet": "On 28 September, the Turkish military stated", "date": "2016-09-28"},
    ],
}

LANDMINES = ("On 3 October, advancing rebel forces ran into hundreds of landmines at the village of "
             "Turkman Bareh, on the way to Dabiq, leaving 15\u201321 rebels dead and another 29\u201335 wounded.")


def tables():
    documents = pd.DataFrame({
        "doc_id": ["d1", "d2"],
        "path": ["corpus/articles/wp_2016_dabiq_offensive.md", "corpus/articles/wp_airwars.md"],
        "format": ["wikipedia", "wikipedia"],
    })
    mentions = pd.DataFrame({
        "doc_id": ["d1", "d1", "d1", "d1", "d2"],
        "text": [LANDMINES,
                 "It began in September and resulted in the capture of Dabiq by Turkish/FSA-allied forces on 16 October.",
                 "The beginning of the Turkish military intervention in Syria also correlates to the 500th anniversary "
                 "of the Battle of Marj Dabiq, when the Ottoman Empire led by Selim I entered northern Aleppo.",
                 "By this point, the rebel and Turkish force was some three kilometers from Dabiq.",
                 # same words in another document: never matched to the Dabiq labels
                 "The town of Akhtarin was captured by the rebels on 6 October."],
        "date": pd.to_datetime(["2016-10-03", "2016-10-16", "2016-01-01", "2016-10-01", "2016-10-06"]),
        "date_precision": ["day", "day", "year", "day", "day"],
        "location": ["Turkman Barah", None, "Dabiq", "Dabiq", None],
    })
    figures = pd.DataFrame({
        "doc_id": ["d1", "d1", "d1"],
        "quote": [LANDMINES, LANDMINES, "30 rebels and 20 ISIL fighters were killed during the fighting."],
        "number_text": ["15\u201321", "29\u201335", "20"],
        "count_low": pd.array([15, 29, 20], dtype="Int64"),
        "count_high": pd.array([21, 35, 20], dtype="Int64"),
        "outcome": ["killed", "injured", "killed"],
        "victim_group": ["militants", None, "militants"],
        "scope": ["incident", "incident", "cumulative"],
    })
    return {"documents": documents, "event_mentions": mentions, "casualty_figures": figures}


def test_scorer_matches_by_path_and_text_one_row_per_label():
    result = sd.score([LABEL], tables())
    doc = result["documents"]["corpus/articles/wp_2016_dabiq_offensive.md"]
    ev = [(r["found"], r["date_right"], r["place_right"]) for r in doc["events"]]
    assert ev == [
        (True, True, True),     # date and place right (Turkman Barah = Turkman Bareh)
        (False, False, None),   # the one mention of the sentence went to the label it dates right
        (True, True, None),
        (False, False, None),   # the same sentence in another document does not count
        (True, False, None),    # optional, emitted with a wrong day
    ]
    assert [(r["found"], r["all_right"], r["wrong"]) for r in doc["figures"]] == [
        (True, True, []), (True, False, ["victim_group"]), (True, True, [])]
    assert [r["emitted"] for r in doc["background"]] == [True, False, False]

    t = result["totals"][("wikipedia", "tune")]
    assert (t["events"], t["events_found"], t["dated_found"], t["dates_right"]) == (4, 2, 3, 2)
    assert (t["figures"], t["figures_found"], t["figures_matched"], t["figures_right"]) == (3, 3, 3, 2)
    assert (t["background"], t["background_emitted"]) == (3, 1)
    assert (t["places_found"], t["places_right"]) == (1, 1)


def test_date_is_right_only_at_the_labelled_precision():
    label = {"date": "2017-02", "precision": "month"}
    assert sd.date_right(label, {"date": dt.date(2017, 2, 1), "date_precision": "month"})
    assert not sd.date_right(label, {"date": dt.date(2017, 2, 26), "date_precision": "day"})
    assert not sd.date_right(label, {"date": dt.date(2017, 1, 1), "date_precision": "year"})
    assert sd.date_right({"date": ["2017-01-23", "2017-01-24"], "precision": "day"},
                         {"date": pd.Timestamp("2017-01-24"), "date_precision": "day"})


def test_report_block_replaces_only_its_markers(tmp_path):
    path = tmp_path / "QUALITY.md"
    path.write_text("# Quality\n\n<!-- other:begin -->\nkept\n<!-- other:end -->\n\n"
                    f"{sd.BEGIN}\nold\n{sd.END}\n\ntail\n", encoding="utf-8")
    sd.write_quality("new block\n", path)
    assert path.read_text(encoding="utf-8") == (
        "# Quality\n\n<!-- other:begin -->\nkept\n<!-- other:end -->\n\n"
        f"{sd.BEGIN}\nnew block\n{sd.END}\n\ntail\n")
    block = sd.report(sd.score([LABEL], tables()), [LABEL])
    assert "| wikipedia | tune | 1 | 0.50 (2/4) | 0.67 (2/3) | 1.00 (3/3) | 0.67 (2/3) | 0.33 (1/3) | 1.00 (1/1) |" in block


def test_label_loader_reads_what_safe_load_reads():
    """``load_labels`` and ``load_pairs`` read with libyaml (``sd.safe_load``): the same values and
    types as ``yaml.safe_load`` on the constructs the label files use (an invented label)."""
    import yaml

    text = (
        "document: corpus/x/invented.md\n"
        "notes: Read in full. A plain scalar that goes on\n"
        "  over a second line – with a dash, \"quotes\" and 'apostrophes'.\n"
        "events:\n"
        "- snippet: 'Strikes hit the town: 12 killed'\n"
        "  date: '2016-02-03'\n"
        "  place: &town [Town, Al-Town]\n"
        "  optional: true\n"
        "- date: 2016-02-04\n"
        "  place: *town\n"
        "  count: 12\n"
        "  high: null\n"
        "figures: []\n"
    )
    got = sd.safe_load(text)
    assert got == yaml.safe_load(text)
    assert got["notes"] == ("Read in full. A plain scalar that goes on over a second line – with a dash, "
                            "\"quotes\" and 'apostrophes'.")
    first, second = got["events"]
    assert (first["snippet"], first["date"], first["optional"]) == ("Strikes hit the town: 12 killed", "2016-02-03", True)
    assert (second["date"], second["count"], second["high"]) == (dt.date(2016, 2, 4), 12, None)
    assert first["place"] == second["place"] == ["Town", "Al-Town"]
    assert got["figures"] == []
