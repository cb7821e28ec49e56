import re

from pipeline.paths import REPO_ROOT
from schemas import TABLES
from schemas.contract import codebook_markdown, columns, readme_with_codebook, table_meta


def test_readme_codebook_is_generated_from_schemas():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- codebook:start -->\n(.*)<!-- codebook:end -->", readme, re.S).group(1)
    assert block == codebook_markdown(), "run: syria-events codebook --readme README.md"
    assert readme_with_codebook(readme) == readme


def test_every_column_is_described():
    for table in TABLES:
        for c in columns(table):
            assert len(c.description) > 10, (table, c.name)


def test_contract_columns_present():
    names = {t: [c.name for c in columns(t)] for t in TABLES}
    assert names["sources"][:7] == ["source_id", "event_id", "mention_id", "doc_id", "name", "url", "domain"]
    assert {"link_id", "doc_id", "from_event_id", "to_event_id", "target_path", "target_date", "context"} <= set(names["related_links"])
    assert {"figure_id", "doc_id", "mention_id", "event_id", "quote", "outcome", "victim_group", "count_low",
            "count_high", "qualifier", "reported_by"} <= set(names["casualty_figures"])
    assert names["quarantine"][:3] == ["path", "stage", "reason"]


def test_light_client_codebook_is_generated_from_schemas():
    """pipeline/codebook.json (what the client checks releases against, without pandera) is what
    the pandera models generate, and the Arrow schemas built from it equal the pipeline's."""
    from pipeline import codebook
    from schemas.contract import arrow_schema, codebook_json

    assert (REPO_ROOT / "pipeline" / "codebook.json").read_text(encoding="utf-8") == codebook_json(), \
        "run: python3 dev.py run syria-events codebook --readme README.md"
    assert codebook.TABLE_NAMES == tuple(TABLES)
    for table in TABLES:
        assert codebook.arrow_schema(table).equals(arrow_schema(table), check_metadata=True), table
    events = codebook.contract()["tables"]["events"]
    assert events["primary_key"] == ["event_id"]
    assert next(c for c in events["columns"] if c["name"] == "n_mentions") == {
        "name": "n_mentions", "type": "int64", "nullable": False, "description": "Number of mentions of the event."}


def test_table_meta_is_the_models_metadata():
    """``table_meta`` reads ``Config.metadata`` without pandera's ``get_metadata``: same dicts, and a
    new dict each call (a caller's change never reaches the model)."""
    for name, model in TABLES.items():
        assert table_meta(name) == model.get_metadata()[model.__name__]["dataframe"]
    assert table_meta("events")["primary_key"] == ["event_id"]
    assert table_meta("event_mentions")["foreign_keys"] == {"event_id": "events.event_id", "doc_id": "documents.doc_id"}
    meta = table_meta("events")
    meta["primary_key"] = ["changed"]
    assert table_meta("events")["primary_key"] == ["event_id"]
