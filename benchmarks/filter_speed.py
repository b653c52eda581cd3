"""Time a filter change on each shipped briefing: the page vs a bare Streamlit floor, same run.

Prints a table and writes benchmarks/results/filter_speed.json. Run: `make bench`.
Figures are medians of repeated AppTest runs (script time plus AppTest's own small overhead);
the floor script loads the same cached briefing, filters positions and shows them in st.dataframe.
"""

from __future__ import annotations

import json
import platform
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "dashboard" / "app.py"
RUNS = 25

FLOOR = textwrap.dedent(
    """
    import streamlit as st
    from pathlib import Path
    from dashboard import cache
    briefing, _ = cache.load(Path({path!r}))
    actors = st.multiselect("Actors", briefing.actors["id"].tolist(), key="f_actor")
    positions = briefing.positions
    if actors:
        positions = positions[positions["actor"].isin(actors)]
    st.dataframe(positions)
    """
)


def cold_load_seconds(path: Path) -> float:
    code = (
        "import time; t=time.perf_counter(); from pathlib import Path; "
        "from dashboard.validate import load_briefing; "
        f"load_briefing(Path({str(path)!r})); print(time.perf_counter()-t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT)
    return float(out.stdout.strip())


def filter_changes(at: AppTest, actor_ids: list[str]) -> list[float]:
    at.run()
    times = []
    n = len(actor_ids)
    for i in range(RUNS):
        # Every run a selection not seen before, so no run is served from the view cache.
        chosen = sorted({actor_ids[i % n], actor_ids[(i * 7 + 3) % n], actor_ids[(i // n) % n]})
        at.multiselect(key="f_actor").set_value(chosen)
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
        if at.exception:
            raise RuntimeError(at.exception)
    return times


def main() -> int:
    from dashboard import catalog
    from dashboard.validate import load_briefing

    results = []
    for briefing_id, path in catalog.briefings(catalog.PROJECT_DATA).items():
        briefing, _ = load_briefing(path)
        actor_ids = briefing.actors["id"].tolist()[:40]
        page = AppTest.from_file(str(APP), default_timeout=120)
        page.query_params["briefing"] = briefing_id
        page_times = filter_changes(page, actor_ids)
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
            handle.write(FLOOR.format(path=str(path)))
        floor = AppTest.from_file(handle.name, default_timeout=120)
        floor_times = filter_changes(floor, actor_ids)
        Path(handle.name).unlink()
        page_ms = statistics.median(page_times) * 1000
        floor_ms = statistics.median(floor_times) * 1000
        results.append({
            "briefing": briefing_id,
            "positions": len(briefing.positions),
            "cold_load_s": round(cold_load_seconds(path), 3),
            "page_filter_change_ms_median": round(page_ms, 1),
            "floor_filter_change_ms_median": round(floor_ms, 1),
            "ratio_to_floor": round(page_ms / floor_ms, 2),
            "runs": RUNS,
        })
    header = f"{'briefing':<24}{'positions':>10}{'cold load s':>13}{'page ms':>10}{'floor ms':>10}"
    print(header + f"{'x floor':>9}")
    for r in results:
        print(f"{r['briefing']:<24}{r['positions']:>10,}{r['cold_load_s']:>13.2f}"
              f"{r['page_filter_change_ms_median']:>10.1f}{r['floor_filter_change_ms_median']:>10.1f}"
              f"{r['ratio_to_floor']:>9.2f}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    document = {"measured": datetime.now(UTC).isoformat(timespec="seconds"),
                "machine": f"{platform.machine()}, {platform.python_version()}, "
                           f"{__import__('os').cpu_count()} cores",
                "results": results}
    (out / "filter_speed.json").write_text(json.dumps(document, indent=2) + "\n")
    print(f"wrote {out / 'filter_speed.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
