"""Stage schema checks remember the stage files that passed (pipeline.integrity.check_stage): the same
bytes under the same models pass without pandera reading the rows again; anything else is validated."""

from __future__ import annotations

import pandas as pd

from pipeline import integrity
from pipeline.integrity import VALIDATED, check_stage, passed_before
from pipeline.io import read_table, write_stage


def _stage(tmp_path, sources: pd.DataFrame):
    return write_stage("extracted_sources", sources, tmp_path / "stages")


def _sources() -> pd.DataFrame:
    return pd.DataFrame({"source_id": ["src_1", "src_2"], "mention_id": ["men_1", "men_1"], "doc_id": ["doc_1"] * 2,
                         "name": ["Reuters", "SANA"], "url": ["https://www.reuters.com/a", "https://sana.sy/b"],
                         "domain": ["reuters.com", "sana.sy"]})


def test_a_stage_file_that_passed_is_not_validated_again_until_a_byte_or_a_model_changes(tmp_path, monkeypatch):
    memo = tmp_path / "cache" / VALIDATED
    written = _stage(tmp_path, _sources())
    calls = []

    def frame():
        calls.append(1)
        return read_table(written)

    failures, kept = check_stage("extracted_sources", frame, written, memo)
    assert failures.empty and not kept and len(calls) == 1
    assert (memo / "extracted_sources.json").is_file()
    failures, kept = check_stage("extracted_sources", frame, written, memo)
    assert failures.empty and kept and len(calls) == 1          # same bytes, same models: rows not read

    other = _sources().assign(name=["Reuters", "SANA news"])    # one value differs
    written = _stage(tmp_path, other)
    failures, kept = check_stage("extracted_sources", frame, written, memo)
    assert failures.empty and not kept and len(calls) == 2

    monkeypatch.setattr(integrity, "models_version", lambda: "another model")
    failures, kept = check_stage("extracted_sources", frame, written, memo)
    assert not kept and len(calls) == 3


def test_a_failing_stage_is_never_kept(tmp_path):
    memo = tmp_path / "cache" / VALIDATED
    bad = _sources().assign(source_id=["src_1", "src_1"])      # duplicate primary key
    written = _stage(tmp_path, bad)
    for _ in range(2):
        failures, kept = check_stage("extracted_sources", lambda: read_table(written), written, memo)
        assert not kept
        assert "src_1" in failures["failure_case"].astype(str).tolist()
    assert not (memo / "extracted_sources.json").exists()


def test_without_a_cache_folder_every_row_is_validated(tmp_path):
    written = _stage(tmp_path, _sources())
    calls = []
    for _ in range(2):
        failures, kept = check_stage("extracted_sources", lambda: calls.append(1) or read_table(written), written, None)
        assert failures.empty and not kept
    assert len(calls) == 2


def test_passed_before_knows_a_stage_file_only_once_its_check_passed(tmp_path):
    memo = tmp_path / "cache" / VALIDATED
    written = _stage(tmp_path, _sources())
    assert not passed_before("extracted_sources", written, memo)         # never checked
    check_stage("extracted_sources", lambda: read_table(written), written, memo)
    assert passed_before("extracted_sources", written, memo)
    assert not passed_before("extracted_documents", written, memo)       # another model's check
    assert not passed_before("extracted_sources", written, None)         # no cache folder
    other = _stage(tmp_path, _sources().assign(name=["Reuters", "SANA news"]))
    assert not passed_before("extracted_sources", other, memo)           # other bytes
