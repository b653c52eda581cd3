"""Many readers at once: N browser sessions change filters on one Streamlit server at the same time.

One server on 127.0.0.1 serves the project's data. For each briefing it is warmed first (one page load,
so the cold load is not counted against the sessions); then, for each session count, N Chromium pages
(one browser context each: a reader of their own, with no shared cache) start together and each makes
the same scripted series of changes: open a link naming two actors, add a third in the sidebar, switch
to the cards view and back, pick a stance. Each change is timed from the action to the page settling
(the server has reported the run it caused finished, and the page shows it: not running, nothing left
half drawn) and checked against the address bar. Errors: timeouts, changes that did not reach the
address bar, exceptions on the page, console errors, failed or refused requests, tracebacks in the
server's log, a health check that fails afterwards.

The server's memory (VmRSS of its process tree, from /proc) is sampled every 0.2 s: before the sessions,
the peak during them, and after they close and the server has idled for a few seconds. Streamlit keeps a
disconnected session for `server.disconnectedSessionTTL` (120 s by default) and the briefing stays in
`st.cache_resource`, and CPython seldom gives freed memory back to the system, so "after" is expected to
sit above "before"; `--linger` waits past the TTL and samples once more.

The browsers run on the same machine as the server and take most of its CPU: the CPU time of both
(and of everything else on the machine) is recorded, and the server times each of its own script
runs, so a reader of the figures can tell a slow server from a starved one.

Run: `python -m benchmarks.load_test --sessions 10 25 --briefings nk-troops-russia unvotes --changes 5`
The server, the readers and the measuring are tests/support/load.py, which the load smoke test
(tests/load) runs too. Prints a table, writes benchmarks/results/load_test.json, exits 1 if any change failed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.support.browser import CHROMIUM
from tests.support.load import (
    CHANGE_KINDS,
    SCENARIOS,
    MemorySampler,
    Server,
    run_load,
    serve,
)
from tests.support.server import healthy

RESULTS = Path(__file__).resolve().parent / "results" / "load_test.json"
MAX_SESSIONS = 50
MAX_CHANGES = 20


# --- the command line ---------------------------------------------------------------------------------


def _table(results: list[dict[str, Any]]) -> str:
    head = (
        f"{'briefing':<18}{'sessions':>9}{'settled':>10}{'errors':>7}{'median ms':>10}"
        f"{'p95 ms':>8}{'RSS before':>11}{'peak':>7}{'after':>7}{'wall s':>8}"
        f"{'script ms':>14}{'at once':>8}{'CPU/run':>8}{'CPU srv':>8}{'cli':>6}{'oth':>6}"
    )
    lines = [head]
    for r in results:
        rss, cpu, runs = r["rss_mb"], r["cpu_s"], r["script_runs"]
        wall = float(r["wall_s"])
        script = f"{_fmt(runs.get('median_ms'))} / {_fmt(runs.get('p95_ms'))}"
        lines.append(
            f"{r['briefing']:<18}{r['sessions']:>9}"
            f"{str(r['changes_settled']) + '/' + str(r['changes_planned']):>10}{r['errors']:>7}"
            f"{_fmt(r['settle_median_ms']):>10}{_fmt(r['settle_p95_ms']):>8}"
            f"{rss['before']:>11.0f}{rss['peak']:>7.0f}{rss['after']:>7.0f}{wall:>8.1f}"
            f"{script:>14}{runs.get('peak_concurrent', '-'):>8}{_fmt(r['server_cpu_ms_per_run']):>8}"
            f"{cpu['server'] / wall:>8.0%}{cpu['client'] / wall:>6.0%}{cpu['other'] / wall:>6.0%}"
        )
    return "\n".join(lines)


def _fmt(value: Any) -> str:
    return "-" if value is None else f"{float(value):.0f}"


def _kinds_table(results: list[dict[str, Any]]) -> str:
    lines = [f"{'median / p95 ms by change':<28}" + "".join(f"{k:>18}" for k in CHANGE_KINDS)]
    for r in results:
        by_kind = r["by_kind"]
        cells = []
        for kind in CHANGE_KINDS:
            got = by_kind.get(kind)
            cells.append(f"{_fmt(got['median_ms']) + ' / ' + _fmt(got['p95_ms']) if got else '-':>18}")
        lines.append(f"{r['briefing'] + ' x' + str(r['sessions']):<28}" + "".join(cells))
    return "\n".join(lines)


def arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sessions",
        type=int,
        nargs="+",
        default=[10, 25],
        help=f"concurrent sessions per run, each 1-{MAX_SESSIONS} (default: 10 25)",
    )
    parser.add_argument(
        "--briefings",
        nargs="+",
        default=list(SCENARIOS),
        choices=list(SCENARIOS),
        help="briefing ids (default: all with a scenario)",
    )
    parser.add_argument(
        "--changes", type=int, default=5, help=f"changes per session, 1-{MAX_CHANGES} (default 5)"
    )
    parser.add_argument(
        "--browsers", type=int, default=1, help="Chromium processes the sessions are spread over (default 1)"
    )
    parser.add_argument(
        "--change-timeout",
        type=float,
        default=120,
        help="seconds one change may take before it counts as timed out (default 120)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=2400,
        help="seconds for the whole benchmark; changes not started by then count as timed out (default 2400)",
    )
    parser.add_argument(
        "--after-wait",
        type=float,
        default=8,
        help="seconds to idle after the sessions close before sampling memory (default 8)",
    )
    parser.add_argument(
        "--linger",
        type=float,
        default=0,
        help="at the end, wait this long (e.g. 130: past Streamlit's 120 s session TTL) "
        "and sample the server's memory once more",
    )
    parser.add_argument("--output", type=Path, default=RESULTS, help=f"JSON file (default {RESULTS})")
    args = parser.parse_args(argv)
    if not all(1 <= n <= MAX_SESSIONS for n in args.sessions):
        parser.error(f"--sessions: each value must be 1-{MAX_SESSIONS}")
    if not 1 <= args.changes <= MAX_CHANGES:
        parser.error(f"--changes must be 1-{MAX_CHANGES}")
    if not 1 <= args.browsers <= 8:
        parser.error("--browsers must be 1-8")
    return args


async def _benchmark(
    args: argparse.Namespace, server: Server, sampler: MemorySampler
) -> list[dict[str, Any]]:
    deadline = time.monotonic() + args.timeout
    results = []
    for briefing in args.briefings:
        for sessions in args.sessions:
            if time.monotonic() >= deadline:
                print(f"{briefing} x{sessions}: skipped, overall time limit reached", file=sys.stderr)
                continue
            print(f"{briefing} x{sessions} ...", file=sys.stderr, flush=True)
            # A backstop past the deadline: sessions stop by themselves at the deadline.
            result = await asyncio.wait_for(
                run_load(
                    server,
                    sampler,
                    briefing,
                    sessions,
                    args.changes,
                    browsers=args.browsers,
                    change_timeout_s=args.change_timeout,
                    after_wait_s=args.after_wait,
                    deadline=deadline,
                ),
                timeout=max(60.0, deadline - time.monotonic() + args.change_timeout + 120),
            )
            print(
                f"  {result['changes_settled']}/{result['changes_planned']} settled, "
                f"{result['errors']} errors, median {result['settle_median_ms']} ms, "
                f"server RSS {result['rss_mb']}",
                file=sys.stderr,
                flush=True,
            )
            results.append(result)
    return results


def main(argv: list[str]) -> int:
    args = arguments(argv)
    if not CHROMIUM.exists():
        print(
            f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)", file=sys.stderr
        )
        return 2
    started = datetime.now(UTC)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="load-test-") as folder, serve(Path(folder)) as server:
        sampler = MemorySampler(server.pid)
        sampler.start()
        try:
            rss_idle = sampler.now_mb()
            results = asyncio.run(_benchmark(args, server, sampler))
            final = None
            if args.linger:
                time.sleep(args.linger)
                final = {
                    "after_s": args.linger,
                    "rss_mb": round(sampler.now_mb(), 1),
                    "healthy": healthy(server.base_url),
                }
        finally:
            sampler.stop()
            log_tail = server.log.read_text(errors="replace")[-2000:]
    print(_table(results))
    print()
    print(_kinds_table(results))
    print(
        f"\nServer RSS idle, before any page: {rss_idle:.0f} MB"
        + (f"; {args.linger:.0f} s after the last run: {final['rss_mb']:.0f} MB" if final else "")
    )
    print(
        "median / p95 ms: from each action to the page settled. script ms: median / p95 of the "
        "server's own script runs; at once: most runs in progress together; CPU/run: the server's "
        "CPU ms per run.\n"
        "CPU srv / cli / oth: CPU time of the server, of this process and its browsers, and of "
        "everything else on the machine, as a share of one core over the run's wall time "
        f"({os.cpu_count()} cores; load average {load_before[0]:.1f} at the start)."
    )
    for r in results:
        for example in r["error_examples"]:
            print(f"{r['briefing']} x{r['sessions']}: {example}")
    document = {
        "measured": started.isoformat(timespec="seconds"),
        "command": "python -m benchmarks.load_test " + " ".join(argv),
        "machine": f"{platform.machine()}, Python {platform.python_version()}, {os.cpu_count()} cores, "
        f"load average {load_before[0]:.2f} at the start",
        "client": f"Playwright Chromium ({CHROMIUM}), {args.browsers} browser process(es), one context "
        "per session, on the same machine as the server",
        "change_kinds": list(CHANGE_KINDS),
        "server_rss_idle_mb": round(rss_idle, 1),
        "final": final,
        "results": results,
        "server_log_tail": log_tail if any(r["errors"] for r in results) else "",
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(document, indent=2, default=str) + "\n")
    print(f"wrote {args.output}")
    planned = sum(len(args.sessions) for _ in args.briefings)
    failed = len(results) < planned or any(
        r["errors"] or r["changes_settled"] != r["changes_planned"] for r in results
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
