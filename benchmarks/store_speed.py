"""The team store's own costs, on a throwaway PostgreSQL on this machine, beside the folder engine:

- push and pull of each shipped briefing (the UN votes included), and whether what comes back out is
  byte for byte what went in;
- a save (one new quote into the seed), folder engine and team engine, median of N;
- how long after a save on one replica another replica's working copy has it (its listening thread,
  LISTEN/NOTIFY), median and worst of N: the issue asks for "within a second".

Run: `python -m benchmarks.store_speed [--saves 20]`. Prints a table; writes
benchmarks/results/store_speed.json. Loopback only.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from dashboard.extract.saving import Accepted, save
from dashboard.identity import Identity
from dashboard.store import STORE_VARIABLE
from dashboard.store.cluster import start
from dashboard.store.layout import briefing_files
from dashboard.store.postgres import PostgresStore, local_version

PROJECT = Path(__file__).resolve().parents[1]
SEED = "nk-troops-russia"
RESULTS = PROJECT / "benchmarks" / "results" / "store_speed.json"
EDITOR = Identity(subject="bench", name="Store benchmark")


def _quote(number: int) -> Accepted:
    quote = {
        "speaker": "blinken",
        "text": f"Store benchmark save {number}",
        "source": "article-2024-11-02",
        "kind": "paraphrase",
        "issues": ["china-restrain-nk"],
        "context": "Written by benchmarks/store_speed.py; not a real statement.",
        "language": "en",
    }
    return Accepted(None, [], [quote], [], label=f"store benchmark {number}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.store_speed")
    parser.add_argument("--saves", type=int, default=20)
    args = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="store-speed-"))
    cluster = start()
    result: dict[str, object] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}",
    }
    try:
        store = PostgresStore(cluster.url)
        moves = {}
        for folder in sorted((PROJECT / "data").iterdir()):
            if not (folder / "briefing.yaml").is_file():
                continue
            began = time.perf_counter()
            store.push(folder)
            pushed = time.perf_counter() - began
            began = time.perf_counter()
            store.pull(folder.name, scratch / "pulled" / folder.name)
            pulled = time.perf_counter() - began
            same = briefing_files(scratch / "pulled" / folder.name) == briefing_files(folder)
            size = sum(len(b) for b in briefing_files(folder).values())
            moves[folder.name] = {"bytes": size, "push_s": pushed, "pull_s": pulled, "identical": same}
        result["moves"] = moves

        # Saves: the folder engine (a copy of the seed), then the team engine (a replica's copy).
        os.environ.pop(STORE_VARIABLE, None)
        local = scratch / "folder" / SEED
        shutil.copytree(PROJECT / "data" / SEED, local)
        folder_times = []
        for number in range(args.saves):
            began = time.perf_counter()
            save(local, _quote(number), author=EDITOR)
            folder_times.append(time.perf_counter() - began)

        os.environ[STORE_VARIABLE] = cluster.url
        first = store.workspace(scratch / "replica-a")
        second = store.workspace(scratch / "replica-b")
        stop = threading.Event()
        listener = threading.Thread(target=store.listen, args=(second, stop), daemon=True)
        listener.start()
        time.sleep(1)
        team_times, heard_after = [], []
        for number in range(args.saves):
            began = time.perf_counter()
            save(first / SEED, _quote(1000 + number), author=EDITOR)
            saved = time.perf_counter()
            team_times.append(saved - began)
            version = local_version(first, SEED)
            while local_version(second, SEED) != version and time.perf_counter() - saved < 30:
                time.sleep(0.002)
            heard_after.append(time.perf_counter() - saved)
        stop.set()
        listener.join(timeout=10)
        result["saves"] = {
            "count": args.saves,
            "folder_median_s": statistics.median(folder_times),
            "team_median_s": statistics.median(team_times),
            "team_worst_s": max(team_times),
        }
        result["propagation"] = {
            "median_s": statistics.median(heard_after),
            "worst_s": max(heard_after),
            "within_1s": sum(t <= 1 for t in heard_after),
            "count": len(heard_after),
        }
    finally:
        cluster.remove()
        shutil.rmtree(scratch, ignore_errors=True)

    print(f"Team store, {result['date']}, {result['machine']}")
    print(f"{'briefing':<20} {'bytes':>10} {'push s':>8} {'pull s':>8}  identical")
    for name, move in moves.items():
        print(
            f"{name:<20} {move['bytes']:>10,} {move['push_s']:>8.2f} {move['pull_s']:>8.3f}"
            f"  {move['identical']}"
        )
    saves, heard = result["saves"], result["propagation"]
    assert isinstance(saves, dict) and isinstance(heard, dict)
    print(
        f"save, median of {saves['count']}: folder {saves['folder_median_s']:.3f} s, "
        f"team store {saves['team_median_s']:.3f} s (worst {saves['team_worst_s']:.3f} s)"
    )
    print(
        f"another replica has it after: median {heard['median_s']:.3f} s, worst {heard['worst_s']:.3f} s; "
        f"{heard['within_1s']} of {heard['count']} within 1 s"
    )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
