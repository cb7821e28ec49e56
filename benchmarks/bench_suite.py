"""Where the test suite's time and CPU go: runs pytest (the suite's own settings, ``-n auto``) with
the ``suite_cpu`` plugin and prints wall, CPU (user + sys of pytest and every process it started),
the load average before and after, worker startup, collection, and the tests and files that cost
the most CPU (setup + call + teardown, the process's own CPU plus that of the subprocesses it ran).

    .venv/bin/python benchmarks/bench_suite.py [--runs 1] [--top 30] [--json out.json] [-- pytest args]

CPU is the figure to compare between runs on a shared machine: wall time depends on what else runs.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_once(pytest_args: list[str]) -> dict:
    with tempfile.TemporaryDirectory(prefix="suite_cpu_") as out:
        env = dict(os.environ, SUITE_CPU_DIR=out,
                   PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "benchmarks"), os.environ.get("PYTHONPATH")])))
        load0 = os.getloadavg()[0]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "pytest", "-p", "suite_cpu", *pytest_args], cwd=ROOT, env=env,
                              capture_output=True, text=True)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        load1 = os.getloadavg()[0]
        rows = []
        for f in sorted(Path(out).glob("*.jsonl")):
            for line in f.read_text(encoding="utf-8").splitlines():
                rows.append(dict(json.loads(line), worker=f.stem))
    last = [ln for ln in proc.stdout.splitlines() if ln.strip()][-1:] or [""]
    return dict(wall=wall, user=after.ru_utime - before.ru_utime, sys=after.ru_stime - before.ru_stime,
                maxrss_mb=after.ru_maxrss / 1024,     # the largest single process among pytest's and its descendants
                load=(load0, load1), returncode=proc.returncode, summary=last[0], rows=rows)


def report(res: dict, top: int) -> None:
    rows = res["rows"]
    print(f"wall {res['wall']:.1f} s, CPU {res['user'] + res['sys']:.1f} s (user {res['user']:.1f}, sys {res['sys']:.1f}), "
          f"peak RSS of one process {res['maxrss_mb']:.0f} MB, "
          f"load {res['load'][0]:.2f} -> {res['load'][1]:.2f}, exit {res['returncode']}: {res['summary']}")
    for kind in ("startup", "configure", "collection"):
        sel = [r for r in rows if r["kind"] == kind]
        if sel:
            print(f"{kind:>10}: " + ", ".join(f"{r['worker']} {r['cpu']:.2f}s cpu" + (f"/{r['wall']:.2f}s wall" if r.get("wall") else "")
                                             for r in sel))
    tot = [r for r in rows if r["kind"] == "total"]
    print("  process totals (own + reaped children CPU): " + ", ".join(f"{r['worker']} {r['cpu']:.1f}+{r['children']:.1f}s" for r in tot))
    per_test: dict[str, list[float]] = collections.defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    per_file: dict[str, list[float]] = collections.defaultdict(lambda: [0.0, 0.0, 0])
    for r in rows:
        if r["kind"] in ("setup", "call", "teardown"):
            t = per_test[r["test"]]
            t[0] += r["wall"]
            t[1] += r["cpu"] + r["children"]
            t[2] += r["children"]
            if r["kind"] == "setup":
                t[3] += r["cpu"] + r["children"]
            f = per_file[r["test"].split("::")[0]]
            f[0] += r["wall"]
            f[1] += r["cpu"] + r["children"]
    for r in rows:
        if r["kind"] == "call":
            per_file[r["test"].split("::")[0]][2] += 1
    in_tests = sum(t[1] for t in per_test.values())
    print(f"  CPU inside tests (setup+call+teardown, all workers): {in_tests:.1f} s")
    phases = {k: sum(r["cpu"] + r["children"] for r in rows if r["kind"] == k) for k in ("setup", "call", "teardown")}
    print("  by phase (CPU s): " + ", ".join(f"{k} {v:.1f}" for k, v in phases.items()))
    made: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    for r in rows:
        if r["kind"] in ("setup", "call", "teardown"):
            m = made[r["worker"]]
            m[0] += r.get("builds", 0)
            m[1] += r.get("releases", 0)
            m[2] += r.get("big_builds", 0)
    print("  in-process builds / releases / builds of the whole seeds/ per worker: "
          + ", ".join(f"{w} {m[0]}/{m[1]}/{m[2]}" for w, m in sorted(made.items())))
    print(f"\n{'CPU s':>7} {'setup':>6} {'child':>6} {'wall s':>7}  test")
    for name, t in sorted(per_test.items(), key=lambda kv: -kv[1][1])[:top]:
        print(f"{t[1]:7.2f} {t[3]:6.2f} {t[2]:6.2f} {t[0]:7.2f}  {name}")
    print(f"\n{'CPU s':>7} {'wall s':>7} {'tests':>5}  file")
    for name, f in sorted(per_file.items(), key=lambda kv: -kv[1][1]):
        print(f"{f[1]:7.2f} {f[0]:7.2f} {f[2]:5d}  {name}")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    pytest_args = argv[argv.index("--") + 1:] if "--" in argv else []
    own = argv[:argv.index("--")] if "--" in argv else argv
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--json", type=Path, help="write every run's rows here")
    args = ap.parse_args(own)
    results = []
    for i in range(args.runs):
        print(f"--- run {i + 1} ({time.strftime('%Y-%m-%d %H:%M:%S %Z')})", flush=True)
        res = run_once(pytest_args)
        report(res, args.top)
        results.append(res)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return max(r["returncode"] for r in results)


if __name__ == "__main__":
    raise SystemExit(main())
