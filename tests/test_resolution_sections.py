"""Issue 13, twelfth round: what a report finds about an earlier attack, and an investigation page
retelling its incident within one section. One fixture document per case (tests/fixtures/),
extracted as a build extracts it; the values are the fixtures' own."""

from __future__ import annotations

from pipeline.resolve import conflict, is_finding
from tests.test_resolution_retellings import records


def test_what_a_report_finds_about_an_attack_is_not_an_attack_of_that_day():
    finding, attack = records("syrian_archive_report_finds_an_earlier_attack.md",
                              "syrian_archive_hospital_attacked_on_a_day.md")
    assert finding["text"] == ("Moreover, the report finds that attacks on 25 March 2017 appear to have "
                               "targeted a medical facility.")
    assert attack["text"].startswith("The surgical hospital was attacked by airstrikes on 25 March 2017")
    assert (str(finding["date"].date()), str(attack["date"].date())) == ("2017-03-25", "2017-03-25")
    assert finding["_facilities"] == attack["_facilities"] == {"hospital"}
    assert (finding["_finding"], attack["_finding"]) == (True, False)
    assert conflict(finding, attack) == "report_about"
    # a report that confirms is how news tells a happening, not an inquiry's finding
    assert is_finding("Reports confirmed that the town was captured by the army.") is False
    assert is_finding("A report concluded that the strike had hit a school.") is True
