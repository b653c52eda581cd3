"""The team server under readers and editors, and with one replica killed mid-run (issue 23).

What it starts is the trial's (deploy/team.py): the store (a throwaway PostgreSQL with the shipped
briefings, when this checkout has `python -m dashboard store`; otherwise one plain data folder the
replicas share), two replicas and HAProxy, on loopback. Then three phases of the same load:

1. `1 replica`: R readers open heavy links of the UN votes (870,109 positions; matrix pages of 60
   actors, the topic matrix, a four-way compare) straight on one replica, one after another, each a
   new stream as when a link is opened; E editors (processes of their own, benchmarks/team_editor.py)
   each save one new quote a second into the seed briefing.
2. `2 replicas`: the same through HAProxy, which spreads the readers over both replicas and keeps each
   on its own (SERVERID cookie).
3. `kill`: as 2, and a third of the way in one replica is killed (SIGKILL to its process group). Its
   readers reconnect through the proxy, as the page does, and open the same link again; the time
   from the kill until each of them has the same view again (the same digest of what was drawn) is
   the recovery.

Readers speak Streamlit's own protocol (tests/support/stream_client.py): no browser, so the figures
are the servers', with the client's decoding sharing the 2 cores. A view is settled when
`script_finished` arrives. Afterwards every save that reported success is looked for in the store
(`store pull`) and in the surviving replica's working folder: the records lost must be 0.

Run: `python -m benchmarks.team_load [--readers 6] [--editors 2] [--seconds 30]` (or `make bench-team`);
prints a table and writes benchmarks/results/team_load.json. Exits 1 if a record was lost or a
reader got a different view after the kill.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from deploy import team as teams
from tests.support.load import process_tree, rss_kb
from tests.support.stream_client import Reader, ViewFailed, open_view

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "team_load.json"
EDITED = "nk-troops-russia"  # editors save here; readers read the UN votes, whose views do not change
# Heavy links of the UN votes: matrix pages of 60 actors (sorted by agreement, another page, another
# window of columns), the topic matrix, and the widest compare.
LINKS = (
    "briefing=unvotes",
    "briefing=unvotes&align=us&page=2",
    "briefing=unvotes&align=ru&page=3&column=3000",
    "briefing=unvotes&group=topics&align=cn",
    "briefing=unvotes&align=in&page=1&column=1500",
    "briefing=unvotes&view=compare&compare=us&compare=ru&compare=cn&compare=gb",
)
VIEW_TIMEOUT_S = 60.0
RETRY_PAUSE_S = 0.2  # a reader whose view failed tries again after this (the page waits too)
REFRESH_WAIT_S = 15.0  # how long a replica may take to show the last save, before it counts as lost


@dataclass
class ReaderLog:
    index: int
    reader: Reader
    seconds: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)  # a view that differs from the same link elsewhere
    replicas: list[str] = field(default_factory=list)  # the SERVERID of each settled view
    recovered_s: float | None = None  # after the kill: kill -> the same view again
    stuck_at_kill: str = ""


class Sampler(threading.Thread):
    """VmRSS of each replica's process tree, every half second."""

    def __init__(self, replicas: list[teams.Replica]) -> None:
        super().__init__(daemon=True)
        self.replicas = replicas
        self.peaks: dict[str, int] = {r.name: 0 for r in replicas}
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            for replica in self.replicas:
                if replica.alive():
                    kb = rss_kb(process_tree(replica.pid))
                    self.peaks[replica.name] = max(self.peaks[replica.name], kb)
            self.stopping.wait(0.5)

    def stop(self) -> dict[str, float]:
        self.stopping.set()
        self.join()
        return {name: round(kb / 1024, 1) for name, kb in self.peaks.items()}


# --- readers -----------------------------------------------------------------------------------------


async def read_for(log: ReaderLog, until: float, baseline: dict[str, str], kill: dict[str, Any]) -> None:
    """Open links one after another until `until`; a failed view is tried again, as the page does."""
    number = log.index
    while time.monotonic() < until:
        link = LINKS[number % len(LINKS)]
        try:
            view = await open_view(log.reader, link, timeout_s=VIEW_TIMEOUT_S)
        except ViewFailed as failed:
            log.errors.append(str(failed)[:200])
            await asyncio.sleep(RETRY_PAUSE_S)
            continue  # the same link again: the page reruns from its address
        if view.exception or view.digest != baseline[link]:
            log.wrong.append(link)
        log.seconds.append(view.seconds)
        log.replicas.append(view.server_cookie)
        killed_at = kill.get("at")
        if killed_at is not None and log.stuck_at_kill == kill["name"] and log.recovered_s is None:
            log.recovered_s = time.monotonic() - killed_at
        number += 1


async def _kill_later(team: teams.Team, logs: list[ReaderLog], after_s: float, kill: dict[str, Any]) -> None:
    await asyncio.sleep(after_s)
    counts = {
        r.name: sum(log.reader.cookies.get("SERVERID") == r.name for log in logs) for r in team.replicas
    }
    victim = next(r for r in team.replicas if r.name == max(counts, key=lambda name: counts[name]))
    for log in logs:
        log.stuck_at_kill = log.reader.cookies.get("SERVERID", "")
    kill["name"] = victim.name
    kill["at"] = time.monotonic()
    victim.kill()
    kill["readers_stuck"] = counts[victim.name]


async def run_readers(
    base_url: str,
    readers: int,
    seconds: float,
    baseline: dict[str, str],
    team: teams.Team,
    kill_after: float | None,
) -> tuple[list[ReaderLog], dict[str, Any]]:
    logs = []
    for index in range(readers):
        reader = Reader(base_url)
        await asyncio.to_thread(reader.get_page)  # the page first: the proxy's cookie is set here
        logs.append(ReaderLog(index, reader))
    until = time.monotonic() + seconds
    kill: dict[str, Any] = {}
    tasks = [read_for(log, until, baseline, kill) for log in logs]
    if kill_after is not None:
        tasks.append(_kill_later(team, logs, kill_after, kill))
    await asyncio.gather(*tasks)
    return logs, kill


# --- editors -----------------------------------------------------------------------------------------


def start_editors(team: teams.Team, count: int, seconds: float, run: str) -> list[subprocess.Popen[str]]:
    until = time.monotonic() + seconds
    environ = dict(os.environ)
    if team.store_url:
        environ[teams.STORE_VARIABLE] = team.store_url
    editors = []
    for index in range(1, count + 1):
        # Each editor's own working folder with the store; without it, the folder the replicas share.
        folder = team.folder / f"editor-{run}-{index}" if team.store_url else team.replicas[0].data
        editors.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "benchmarks.team_editor",
                    "--folder",
                    str(folder),
                    "--briefing",
                    EDITED,
                ]
                + ["--name", f"e{index}", "--run", run, "--until", str(until)],
                cwd=ROOT,
                env=environ,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    return editors


def finish_editors(editors: list[subprocess.Popen[str]]) -> list[dict[str, Any]]:
    saves = []
    for editor in editors:
        out, err = editor.communicate(timeout=300)
        for line in out.splitlines():
            if line.startswith("{"):
                saves.append(json.loads(line))
        if editor.returncode != 0:
            saves.append({"ok": False, "error": f"editor exited {editor.returncode}: {err.strip()[-300:]}"})
    return saves


# --- one phase ---------------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def phase(
    name: str,
    team: teams.Team,
    base_url: str,
    args: argparse.Namespace,
    baseline: dict[str, str],
    kill_after: float | None = None,
) -> dict[str, Any]:
    print(f"-- {name}: {args.readers} readers, {args.editors} editors, {args.seconds:.0f} s", flush=True)
    sampler = Sampler(team.replicas)
    sampler.start()
    editors = start_editors(team, args.editors, args.seconds, name.replace(" ", "-"))
    start = time.monotonic()
    logs, kill = asyncio.run(run_readers(base_url, args.readers, args.seconds, baseline, team, kill_after))
    elapsed = time.monotonic() - start
    saves = finish_editors(editors)
    memory = sampler.stop()
    seconds = [s for log in logs for s in log.seconds]
    served: dict[str, int] = {}
    for log in logs:
        for replica in log.replicas:
            served[replica or "direct"] = served.get(replica or "direct", 0) + 1
    result: dict[str, Any] = {
        "phase": name,
        "seconds": round(elapsed, 1),
        "views": len(seconds),
        "views_per_s": round(len(seconds) / elapsed, 2),
        "median_s": round(statistics.median(seconds), 3) if seconds else None,
        "p95_s": round(percentile(seconds, 0.95) or 0, 3) if seconds else None,
        "errors": sum(len(log.errors) for log in logs),
        "error_examples": sorted({e for log in logs for e in log.errors})[:5],
        "wrong_views": sum(len(log.wrong) for log in logs),
        "served_by": served,
        "peak_rss_mb": memory,
        "saves_ok": sum(1 for s in saves if s.get("ok")),
        "saves_refused": sum(1 for s in saves if not s.get("ok")),
        "save_errors": sorted({s["error"] for s in saves if s.get("error")})[:5],
        "save_median_s": round(statistics.median([s["seconds"] for s in saves if "seconds" in s]), 3)
        if any("seconds" in s for s in saves)
        else None,
        "saved_words": [s["words"] for s in saves if s.get("ok")],
    }
    if kill:
        stuck = [log for log in logs if log.stuck_at_kill == kill["name"]]
        recovered = [log.recovered_s for log in stuck if log.recovered_s is not None]
        result["killed"] = kill["name"]
        result["readers_on_killed"] = len(stuck)
        result["recovered"] = len(recovered)
        result["recovery_median_s"] = round(statistics.median(recovered), 2) if recovered else None
        result["recovery_max_s"] = round(max(recovered), 2) if recovered else None
    return result


# --- what was kept -------------------------------------------------------------------------------------


def quotes_text(folder: Path) -> str:
    path = folder / EDITED / "quotes.yaml"
    return path.read_text(errors="replace") if path.exists() else ""


def missing(words: list[str], text: str) -> list[str]:
    # The quote's words, quoted as YAML writes them: a comment line repeats them too, so look for
    # the text field.
    return [w for w in words if f"text: {w}" not in text and f'text: "{w}"' not in text]


def lost_records(team: teams.Team, saved: list[str]) -> dict[str, Any]:
    """Saves that reported success but are missing from the store or the surviving replica's folder."""
    survivors = [r for r in team.replicas if r.alive()]
    deadline = time.monotonic() + REFRESH_WAIT_S
    while True:
        in_replicas = {r.name: missing(saved, quotes_text(r.data)) for r in survivors}
        if not any(in_replicas.values()) or time.monotonic() > deadline:
            break
        time.sleep(0.5)  # a replica refreshes from the store within a second of a change
    found: dict[str, Any] = {
        "saved": len(saved),
        "missing_from_replica": {k: len(v) for k, v in in_replicas.items()},
    }
    if team.store_url:
        pulled = team.folder / "pulled"
        teams.store_command(team.store_url, "pull", EDITED, str(pulled / EDITED))
        found["missing_from_store"] = len(missing(saved, quotes_text(pulled)))
    else:
        found["missing_from_store"] = None  # no store: the shared folder is the replicas' folder
    found["lost"] = max([found["missing_from_store"] or 0, *found["missing_from_replica"].values()])
    found["examples"] = [w for v in in_replicas.values() for w in v][:5]
    return found


# --- the run -------------------------------------------------------------------------------------------


def warm(team: teams.Team) -> dict[str, str]:
    """Every link once on every replica (the UN briefing's first load takes seconds); the digest of
    each link's view, which must be the same on each replica."""
    digests: dict[str, dict[str, str]] = {}

    async def one(replica: teams.Replica) -> None:
        reader = Reader(replica.url)
        for link in LINKS:
            view = await open_view(reader, link, timeout_s=300)
            digests.setdefault(link, {})[replica.name] = view.digest

    async def every() -> None:
        await asyncio.gather(*(one(r) for r in team.replicas))

    asyncio.run(every())
    differing = [link for link, by in digests.items() if len(set(by.values())) != 1]
    if differing:
        raise SystemExit(f"team_load: the replicas draw these links differently: {differing}")
    return {link: next(iter(by.values())) for link, by in digests.items()}


def table(results: list[dict[str, Any]], kept: dict[str, Any]) -> str:
    lines = [
        f"{'phase':<12} {'views/s':>8} {'median s':>9} {'p95 s':>7} {'errors':>7} {'wrong':>6} "
        f"{'saves':>6} {'save s':>7}  peak RSS MB per replica",
    ]
    for r in results:
        lines.append(
            f"{r['phase']:<12} {r['views_per_s']:>8} {r['median_s']!s:>9} {r['p95_s']!s:>7} {r['errors']:>7} "
            f"{r['wrong_views']:>6} {r['saves_ok']:>6} {r['save_median_s']!s:>7}  "
            + ", ".join(f"{k} {v}" for k, v in r["peak_rss_mb"].items())
        )
    for r in results:
        if "killed" in r:
            lines.append(
                f"kill: {r['killed']} (SIGKILL) with {r['readers_on_killed']} readers on it; "
                f"{r['recovered']} recovered the same view, median {r['recovery_median_s']} s, "
                f"worst {r['recovery_max_s']} s after the kill"
            )
    lines.append(
        f"records: {kept['saved']} saves reported success; "
        f"missing from the store: {kept['missing_from_store']}, "
        f"from the surviving replica: {kept['missing_from_replica']}; lost: {kept['lost']}"
    )
    return "\n".join(lines)


def arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.team_load", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--readers", type=int, default=6)
    parser.add_argument("--editors", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=30.0, help="length of each phase")
    parser.add_argument(
        "--store",
        choices=("auto", "yes", "no"),
        default="auto",
        help="the PostgreSQL store (auto: when this checkout has it), or one shared data folder",
    )
    parser.add_argument("--out", type=Path, default=RESULTS)
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = arguments(argv)
    if teams.haproxy_binary() is None:
        print("team_load: HAProxy is not installed (apt-get install -y haproxy)", file=sys.stderr)
        return 2
    use_store = {"auto": None, "yes": True, "no": False}[args.store]
    started = time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="positions-team-load-"))
    print("Starting the store, 2 replicas and HAProxy ...", flush=True)
    team = teams.start_team(2, folder=folder, use_store=use_store)
    try:
        print(
            f"Store: {team.store_url or 'none (one shared data folder)'};"
            " warming every link on each replica ..."
        )
        baseline = warm(team)
        results = [
            phase("1 replica", team, team.replicas[0].url, args, baseline),
            phase("2 replicas", team, team.url, args, baseline),
            phase("kill", team, team.url, args, baseline, kill_after=args.seconds / 3),
        ]
        saved = [w for r in results for w in r.pop("saved_words")]
        kept = lost_records(team, saved)
    finally:
        team.stop()
    report = {
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        "store": "postgresql" if team.store_url else "shared data folder",
        "readers": args.readers,
        "editors": args.editors,
        "phase_seconds": args.seconds,
        "links": list(LINKS),
        "phases": results,
        "records": kept,
        "total_seconds": round(time.monotonic() - started, 1),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print()
    print(table(results, kept))
    print(f"({report['when']}, {report['machine']}, store: {report['store']}; written to {args.out})")
    bad = kept["lost"] or any(r["wrong_views"] for r in results)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
