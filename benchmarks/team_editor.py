"""One editor of the team benchmark (benchmarks/team_load.py), a process of its own as a person's is.

It saves with the saver the page uses (`dashboard.extract.saving.save`), each save one new quote with
words no other save has, so every save that reported success can be looked for afterwards. With
DASHBOARD_STORE_URL set, its working folder is first filled from the store (`python -m dashboard
store sync`) and each save commits to the store or is refused; without it, the folder is the data
folder the replicas share.

Run: `python -m benchmarks.team_editor --folder DATA --briefing ID --name e1 --until MONOTONIC
[--pause 1.0]`; one JSON line per save on stdout: {"words", "ok", "seconds", "quote", "error"}.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from dashboard.extract.saving import Accepted, SaveRefused, save
from dashboard.identity import Identity

SOURCE = "article-2024-11-02"  # the seed's article: every benchmark quote cites it
SPEAKER = "blinken"
ISSUE = "china-restrain-nk"
MARK = "Team benchmark save"  # the words of every benchmark quote start with this


def words(name: str, number: int, run: str) -> str:
    return f"{MARK} {run} {name}-{number}"


def accepted(text: str) -> Accepted:
    quote = {
        "speaker": SPEAKER,
        "text": text,
        "source": SOURCE,
        "kind": "paraphrase",
        "issues": [ISSUE],
        "context": "Written by benchmarks/team_load.py to count saves; not a real statement.",
        "language": "en",
    }
    return Accepted(None, [], [quote], [], label=f"{MARK} {text}")


def sync(folder: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "store", "sync", str(folder)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if done.returncode != 0:
        raise SystemExit(f"team_editor: store sync failed: {done.stderr.strip()}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.team_editor")
    parser.add_argument("--folder", type=Path, required=True, help="the editor's data folder")
    parser.add_argument("--briefing", default="nk-troops-russia")
    parser.add_argument("--name", required=True)
    parser.add_argument("--run", default="", help="a word every save of this run carries")
    parser.add_argument("--until", type=float, required=True, help="time.monotonic() to stop at")
    parser.add_argument("--pause", type=float, default=1.0, help="seconds between saves")
    parser.add_argument("--max-saves", type=int, default=100)
    args = parser.parse_args(argv)
    if os.environ.get("DASHBOARD_STORE_URL"):
        args.folder.mkdir(parents=True, exist_ok=True)
        sync(args.folder)
    author = Identity(subject=f"bench-{args.name}", name=f"Benchmark editor {args.name}")
    folder = args.folder / args.briefing
    number = 0
    while time.monotonic() < args.until and number < args.max_saves:
        number += 1
        text = words(args.name, number, args.run)
        start = time.perf_counter()
        line: dict[str, object] = {"words": text, "ok": False, "quote": "", "error": ""}
        try:
            result = save(folder, accepted(text), author=author, comment="team benchmark")
            line["ok"] = bool(result.added.get("quotes"))
            line["quote"] = ",".join(result.added.get("quotes", []))
        except SaveRefused as refused:
            line["error"] = f"refused: {refused}"[:300]
        except Exception as error:  # a save that breaks is a figure of the benchmark, not its end
            line["error"] = f"{type(error).__name__}: {error}"[:300]
        line["seconds"] = round(time.perf_counter() - start, 3)
        print(json.dumps(line), flush=True)
        time.sleep(args.pause)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
