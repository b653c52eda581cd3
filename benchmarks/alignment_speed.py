"""Speed of the agreement core on the UN votes (200 states x 6,203 roll calls, 870,109 positions),
against baselines measured in the same run, so a busy shared machine shows as a busy baseline.

Warm figures (the briefing already loaded, as on the page): median of RUNS runs each of
- 30 actors pairwise over all years (the 30 with most votes), one measure;
- one actor's partners over all 199 other states;
- agreement by year for one pair (us-gb), all three measures;
- the command's own core call (us against all, 1946-2020, three measures), to split the cold figure;
beside a floor: one pandas group-by over every position (each actor's count of each stance), about
the least any page computation over all 870,109 positions costs.

Cold figure, in fresh processes: `python -m dashboard agreement unvotes --actor us --from 1946 --to
2020` (all three measures against every other state), beside a process that only imports the
package and loads the briefing (the command cannot be faster than that).

Prints a table, writes benchmarks/results/alignment_speed.json, and says which targets are missed.
Run: `make bench` (or `python -m benchmarks.alignment_speed`).
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

from dashboard import alignment
from dashboard.load import load_briefing

ROOT = Path(__file__).resolve().parents[1]
UNVOTES = ROOT / "data" / "unvotes"
RUNS = 7
COLD_RUNS = 3
TARGETS_S = {  # from the issue
    "pairwise_30_warm": 1.0,
    "partners_200_warm": 1.0,
    "pair_by_year_warm": 0.3,
    "command_cold": 5.0,
}
COMMAND = [
    sys.executable,
    "-m",
    "dashboard",
    "agreement",
    "unvotes",
    "--actor",
    "us",
    "--from",
    "1946",
    "--to",
    "2020",
]
LOAD_ONLY = [
    sys.executable,
    "-c",
    "from pathlib import Path; import dashboard.__main__; "
    "from dashboard.load import load_briefing; "
    f"load_briefing(Path({str(UNVOTES)!r}))",
]


def median_seconds(run: object, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cold_seconds(argv: list[str]) -> float:
    times = []
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    for _ in range(COLD_RUNS):
        start = time.perf_counter()
        done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, env=env, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(argv)} failed:\n{done.stderr[-2000:]}")
    return statistics.median(times)


def main() -> int:
    briefing, _ = load_briefing(UNVOTES)
    positions = briefing.positions
    top30 = positions["actor"].value_counts().index[:30].tolist()

    def floor() -> None:
        positions.groupby(["actor", "stance"], observed=True).size()

    span = alignment.Scope(date_from=date(1946, 1, 1), date_to=date(2020, 12, 31))
    alignment.partners(briefing, "us")  # first call pays the one-off has_history check
    warm = {
        "floor_one_pass": median_seconds(floor),
        "pairwise_30_warm": median_seconds(lambda: alignment.pairwise(briefing, top30)),
        "partners_200_warm": median_seconds(lambda: alignment.partners(briefing, "us")),
        "pair_by_year_warm": median_seconds(lambda: alignment.agreement(briefing, "us", ["gb"], by="year")),
        "command_core_warm": median_seconds(lambda: alignment.agreement(briefing, "us", scope=span)),
    }
    cold = {"load_only_cold": cold_seconds(LOAD_ONLY), "command_cold": cold_seconds(COMMAND)}
    figures = {**warm, **cold}
    rows = [
        ("pandas group-by over all positions (floor)", "floor_one_pass", "", None),
        (
            "30 actors pairwise, all years",
            "pairwise_30_warm",
            "floor_one_pass",
            TARGETS_S["pairwise_30_warm"],
        ),
        (
            "one actor's partners, 199 states",
            "partners_200_warm",
            "floor_one_pass",
            TARGETS_S["partners_200_warm"],
        ),
        (
            "agreement by year, one pair",
            "pair_by_year_warm",
            "floor_one_pass",
            TARGETS_S["pair_by_year_warm"],
        ),
        ("the command's core call, warm", "command_core_warm", "floor_one_pass", None),
        ("load only, fresh process (floor)", "load_only_cold", "", None),
        (
            "agreement command, us vs all, 1946-2020",
            "command_cold",
            "load_only_cold",
            TARGETS_S["command_cold"],
        ),
    ]
    print(f"{'figure':<44}{'seconds':>10}{'x floor':>10}{'target':>10}")
    for label, key, base, target in rows:
        ratio = f"{figures[key] / figures[base]:.1f}" if base else ""
        print(f"{label:<44}{figures[key]:>10.3f}{ratio:>10}{'' if target is None else target:>10}")
    print(f"command minus load: {figures['command_cold'] - figures['load_only_cold']:.3f} s")
    missed = [
        f"{key} {figures[key]:.3f} s > {limit} s" for key, limit in TARGETS_S.items() if figures[key] > limit
    ]
    print("alignment: " + ("all targets met" if not missed else "MISSED: " + "; ".join(missed)))
    out_dir = ROOT / "benchmarks" / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": platform.node(),
        "cpus": os.cpu_count(),
        "runs": RUNS,
        "cold_runs": COLD_RUNS,
        "seconds": figures,
        "targets_s": TARGETS_S,
        "missed": missed,
    }
    partial = out_dir / "alignment_speed.json.partial"  # written whole, then moved into place
    partial.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    os.replace(partial, out_dir / "alignment_speed.json")
    print(f"wrote {out_dir / 'alignment_speed.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
