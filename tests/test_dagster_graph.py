"""Snapshot of the Dagster graph: asset keys, groups, kinds, dependencies, checks, jobs, schedules
and sensors. The architecture cannot change by accident: a change here is a deliberate edit of
tests/snapshots/dagster_graph.json (regenerate with ``python tests/test_dagster_graph.py``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

SNAPSHOT = Path(__file__).parent / "snapshots" / "dagster_graph.json"


def graph_snapshot() -> dict:
    from pipeline.defs import defs

    g = defs.resolve_asset_graph()
    assets = {}
    for key in sorted(g.get_all_asset_keys(), key=lambda k: k.to_user_string()):
        node = g.get(key)
        assets[key.to_user_string()] = {
            "group": node.group_name, "kinds": sorted(node.kinds), "owners": list(node.owners),
            "deps": sorted(p.to_user_string() for p in node.parent_keys),
            "column_schema": "dagster/column_schema" in node.metadata}
    checks = {}
    for ck in sorted(g.asset_check_keys, key=lambda c: c.to_user_string()):
        spec = g.get_check_spec(ck)
        checks[ck.to_user_string()] = {"blocking": spec.blocking,
                                       "inputs": sorted(d.asset_key.to_user_string() for d in spec.additional_deps)}
    repo = defs.get_repository_def()
    return {
        "assets": assets,
        "checks": checks,
        "jobs": sorted(j.name for j in repo.get_all_jobs() if not j.name.startswith("__")),
        "schedules": {s.name: {"job": s.job_name, "cron": s.cron_schedule, "default_status": s.default_status.value}
                      for s in repo.schedule_defs},
        "sensors": {s.name: {"default_status": s.default_status.value} for s in repo.sensor_defs},
    }


def test_dagster_graph_matches_snapshot():
    assert graph_snapshot() == json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def test_published_assets_carry_their_column_schema():
    import dagster as dg

    from pipeline.defs import defs
    from schemas.contract import columns

    schema = defs.resolve_asset_graph().get(dg.AssetKey("events")).metadata["dagster/column_schema"]
    assert [c.name for c in schema.columns] == [c.name for c in columns("events")]
    assert next(c for c in schema.columns if c.name == "event_id").constraints.unique is True
    snap = graph_snapshot()
    assert snap["assets"]["events"]["kinds"] == ["pandas", "parquet"]
    assert snap["checks"]["events:schema"]["blocking"] is True


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    SNAPSHOT.write_text(json.dumps(graph_snapshot(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {SNAPSHOT}")
