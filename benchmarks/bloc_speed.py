"""Speed of the bloc section's core on the UN votes (200 states x 6,203 roll calls), warm (the
briefing loaded, as on the page), against a floor measured in the same run.

Rows, each the median of RUNS runs:
- a bloc of 5 states: its report (cohesion on every roll call, the most divided 20), its stance rows
  and each shown issue's members with their readings: everything the section computes;
- the same for a bloc of the 30 states with most votes;
- the floor: one pandas group-by over every position (each actor's count of each stance).
Target (the issue's for the alignment view): <= 1 s warm. Prints a table; writes
benchmarks/results/bloc_speed.json. Run: `python -m benchmarks.bloc_speed`.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from dashboard import blocs
from dashboard.briefing import Briefing
from dashboard.load import load_briefing

ROOT = Path(__file__).resolve().parents[1]
UNVOTES = ROOT / "data" / "unvotes"
RUNS = 7
TARGET_S = 1.0
FIVE = ["us", "gb", "fr", "de", "ca"]


def timed(work: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def section(briefing: Briefing, members: list[str]) -> Callable[[], object]:
    def work() -> object:
        rep = blocs.report(briefing, blocs.chosen_bloc(briefing, members))
        blocs.stance_rows(briefing, rep)
        return [blocs.issue_members(briefing, rep, i) for i in rep.shown["issue"]]

    return work


def main() -> None:
    briefing, _ = load_briefing(UNVOTES)
    known = set(briefing.actors["id"])
    five = [a for a in FIVE if a in known]
    most = briefing.positions["actor"].astype(str).value_counts().index[:30].tolist()
    rows = {
        "floor_groupby_all_positions": timed(
            lambda: briefing.positions.groupby(["actor", "stance"], observed=True).size()
        ),
        f"bloc_{len(five)}_states_warm": timed(section(briefing, five)),
        "bloc_30_states_warm": timed(section(briefing, most)),
    }
    print(f"{'figure':36} {'seconds':>8}")
    for name, seconds in rows.items():
        print(f"{name:36} {seconds:8.3f}")
    missed = [n for n, s in rows.items() if n.startswith("bloc_") and s > TARGET_S]
    print("targets missed: " + (", ".join(missed) if missed else "none") + f" (target {TARGET_S} s)")
    out = ROOT / "benchmarks" / "results" / "bloc_speed.json"
    out.parent.mkdir(exist_ok=True)
    tmp = out.with_suffix(".json.tmp")
    tmp.write_text(
        json.dumps(
            {"when": datetime.now(UTC).isoformat(), "runs": RUNS, "seconds": rows, "target_s": TARGET_S},
            indent=2,
        )
    )
    tmp.replace(out)


if __name__ == "__main__":
    main()
