"""The page's first script run in a fresh process, as when a server has just started: timed, or
profiled inside the script's own thread (cProfile in the caller's thread sees only AppTest waiting).

Each run is a new process running the page once with AppTest on a briefing (the UN votes by
default), then a second session's run (warm: the briefing and the results cached). With --before
REV, the page of commit REV (exported with `git archive`, its own `dashboard` package first on the
path) runs too, alternating with this tree's, so both are measured on the same busy machine.

Run: `python -m benchmarks.cold_profile [--briefing unvotes] [--runs 3] [--before REV]
[--prepared DIR|off] [--profile 40]`. With --profile, one run of this tree, and the top of its
profile by cumulative time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"

# Run by AppTest in the child: the page, under cProfile when PROFILE_OUT names a file.
WRAPPER = """
import cProfile, os
_profile = cProfile.Profile() if os.environ.get("PROFILE_OUT") else None
if _profile:
    _profile.enable()
try:
    _page = os.environ["PAGE_SCRIPT"]
    exec(compile(open(_page).read(), _page, "exec"), {"__name__": "__main__", "__file__": _page})
finally:
    if _profile:
        _profile.disable()
        _profile.dump_stats(os.environ.pop("PROFILE_OUT"))
"""

CHILD = """
import json, sys, time
from streamlit.testing.v1 import AppTest
times = []
for _ in range(2):
    page = AppTest.from_file(sys.argv[1], default_timeout=600)
    page.query_params["briefing"] = sys.argv[2]
    start = time.perf_counter()
    page.run()
    times.append(time.perf_counter() - start)
    if page.exception:
        raise SystemExit(f"the page failed: {page.exception}")
print(json.dumps({"cold": times[0], "warm": times[1]}))
"""


def run_once(
    tree: Path, wrapper: Path, briefing: str, prepared: str, profile: Path | None
) -> dict[str, float]:
    env = {
        **os.environ,
        "DASHBOARD_DATA": str(DATA),
        "PAGE_SCRIPT": str(tree / "dashboard" / "app.py"),
        "PYTHONPATH": str(tree),
    }
    if prepared:
        env["DASHBOARD_PREPARED"] = prepared
    if profile:
        env["PROFILE_OUT"] = str(profile)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(wrapper), briefing],
        cwd=tree,  # `-c` puts the working folder first on the path: the tree's own package
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise SystemExit(f"{tree}: {done.stderr[-2000:]}")
    found: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefing", default="unvotes")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes of each tree (default 3)")
    parser.add_argument("--before", metavar="REV", help="also run the page of this commit, alternating")
    parser.add_argument(
        "--prepared", default="", help="DASHBOARD_PREPARED for the runs (a folder, or off; default: as set)"
    )
    parser.add_argument("--profile", type=int, metavar="N", help="profile one run; print the top N")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cold-") as scratch:
        folder = Path(scratch)
        wrapper = folder / "page.py"
        wrapper.write_text(WRAPPER)
        if args.profile:
            import pstats

            stats = folder / "cold.prof"
            found = run_once(ROOT, wrapper, args.briefing, args.prepared, stats)
            print(f"cold run {found['cold']:.2f} s, warm run {found['warm']:.2f} s (under the profiler)")
            pstats.Stats(str(stats)).sort_stats("cumulative").print_stats(args.profile)
            return 0
        trees = {"after": ROOT}
        if args.before:
            trees["before"] = folder / "before"
            trees["before"].mkdir()
            archive = subprocess.Popen(["git", "archive", args.before], cwd=ROOT, stdout=subprocess.PIPE)
            subprocess.run(["tar", "-x", "-C", str(trees["before"])], stdin=archive.stdout, check=True)
            if archive.wait():
                raise SystemExit(f"git archive {args.before} failed")
        samples: dict[str, dict[str, list[float]]] = {name: {"cold": [], "warm": []} for name in trees}
        for number in range(args.runs):
            for name in list(trees) if number % 2 == 0 else list(trees)[::-1]:
                found = run_once(trees[name], wrapper, args.briefing, args.prepared, None)
                for kind, seconds in found.items():
                    samples[name][kind].append(seconds)
                print(f"{name}: cold {found['cold']:.2f} s, warm {found['warm']:.2f} s", file=sys.stderr)
        print("| tree | first run (cold), median | second session's run (warm), median | runs |")
        print("|---|---|---|---|")
        for name, found_runs in samples.items():
            cold, warm = (statistics.median(found_runs[k]) for k in ("cold", "warm"))
            print(f"| {name} | {cold:.2f} s | {warm:.2f} s | {len(found_runs['cold'])} |")
        print(f"load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
