"""The worst article files and records the server meets, each measured where it is handled:
`python -m dashboard extract FILE` for an uploaded article (the page does the same in a drafting
worker), `python -m dashboard note` for a note from a briefing with a 2 MB quote or a control
character in a name (the page does the same in a documents worker). Each runs under /usr/bin/time -v:
wall time, peak memory, the outcome and its first line.

    .venv/bin/python -m benchmarks.hostile_inputs            # every case
    .venv/bin/python -m benchmarks.hostile_inputs bomb.docx  # only those named

Prints a Markdown table for docs (Robustness) and writes benchmarks/results/hostile_inputs.json.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.support import hostile_files as hostile  # the tests' own builders
from tests.support.control_briefing import control_briefing

REPO = Path(__file__).resolve().parents[1]

SEED = REPO / "data" / "nk-troops-russia"
ENGLISH = (
    "The minister said on Friday that the talks would resume next week, and that the "
    "government would not change its position on the question of the troops. "
)


@dataclass(frozen=True)
class Case:
    name: str
    what: str
    before: str  # what it cost before the bounds (issue 17), or "" when not measured then
    build: Callable[[Path], list[str]]  # writes its input into the folder, returns the command


def _extract(name: str, data: Callable[[], bytes]) -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        path = folder / name
        path.write_bytes(data())
        return ["extract", str(path), "-o", str(folder / "drafts.yaml")]

    return build


def _long_quote(suffix: str) -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        target = folder / "long-quote"
        shutil.copytree(SEED, target)
        quotes = yaml.safe_load((target / "quotes.yaml").read_text(encoding="utf-8"))
        quotes[0]["text"] = ("All the words of a very long speech. " * 60_000)[:2_000_000]
        (target / "quotes.yaml").write_text(yaml.safe_dump(quotes, allow_unicode=True), encoding="utf-8")
        return ["note", str(target), "-o", str(folder / f"note.{suffix}")]

    return build


def _controls(suffix: str) -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        return ["note", str(control_briefing(folder)), "-o", str(folder / f"note.{suffix}")]

    return build


CASES = [
    Case(
        "article.txt",
        "a 1,000-word English article (the floor)",
        "",
        _extract("article.txt", lambda: (ENGLISH * 40).encode()),
    ),
    Case(
        "bomb.docx",
        "a .docx whose text part unpacks to 300 MB",
        "1 GiB: 2.2 GB, then an error",
        _extract("bomb.docx", hostile.docx_bomb),
    ),
    Case(
        "paragraphs.docx",
        "a .docx of 2.5 million empty paragraphs (stored)",
        "3 million: minutes and GBs",
        _extract("paragraphs.docx", hostile.docx_paragraphs),
    ),
    Case(
        "entities.docx",
        "a .docx declaring nested entities",
        "unhandled XMLSyntaxError",
        _extract("entities.docx", hostile.docx_entities),
    ),
    Case(
        "deep.docx",
        "a .docx nested 100,000 elements deep",
        "unhandled XMLSyntaxError",
        _extract("deep.docx", hostile.docx_deep),
    ),
    Case(
        "cut.docx",
        "a .docx cut short",
        "unhandled error",
        _extract("cut.docx", lambda: hostile.docx_cut_short(ENGLISH * 50)),
    ),
    Case(
        "pages.pdf",
        "a PDF of 5,000 pages",
        "100,000 pages: minutes and GBs",
        _extract("pages.pdf", hostile.pdf_page_count),
    ),
    Case(
        "list.pdf",
        "a PDF page list of 110,000 entries",
        "unhandled LimitReachedError",
        _extract("list.pdf", hostile.pdf_page_list),
    ),
    Case(
        "stream.pdf",
        "a PDF stream inflating to 1 GiB",
        "unhandled LimitReachedError",
        _extract("stream.pdf", hostile.pdf_stream_bomb),
    ),
    Case(
        "paragraphs.html",
        "an HTML page of 2 million tiny paragraphs",
        "minutes and GBs",
        _extract("paragraphs.html", hostile.html_paragraphs),
    ),
    Case(
        "long-quote.pdf", "the seed's PDF note with one quote of 2 MB", "105 s, 375 pages", _long_quote("pdf")
    ),
    Case("long-quote.docx", "the seed's Word note with one quote of 2 MB", "", _long_quote("docx")),
    Case(
        "controls.png",
        "the matrix picture of a briefing with every character XML forbids",
        "the process aborted (SIGABRT)",
        _controls("png"),
    ),
    Case(
        "controls.pdf", "the PDF note of the same briefing", "the process aborted (SIGABRT)", _controls("pdf")
    ),
]


def _pages(path: Path) -> str:
    if path.suffix != ".pdf" or not path.exists():
        return ""
    from pypdf import PdfReader

    return f", {len(PdfReader(str(path)).pages)} pages"


def measure(case: Case) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        arguments = case.build(folder)
        done = subprocess.run(
            ["/usr/bin/time", "-v", sys.executable, "-m", "dashboard", *arguments],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=600,
        )
        wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", done.stderr)
        peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
        seconds = (int(wall[1] or 0) * 3600 + int(wall[2]) * 60 + float(wall[3])) if wall else -1.0
        said = [
            line
            for line in done.stderr.splitlines()
            if line.strip() and not line.startswith("\t") and "Command being timed" not in line
        ]
        output = Path(arguments[-1])
        if arguments[0] == "note" and output.exists():
            outcome = f"made, {output.stat().st_size / 1e6:.2f} MB{_pages(output)}"
        else:
            outcome = "drafted" if done.returncode == 0 else "refused"
        return {
            "case": case.name,
            "what": case.what,
            "exit": done.returncode,
            "outcome": f"{outcome}, exit {done.returncode}",
            "seconds": round(seconds, 2),
            "peak_mb": round(int(peak[1]) / 1024) if peak else -1,
            "said": (said[0] if said else "")[:150],
            "before": case.before,
        }


def main(names: list[str]) -> int:
    chosen = [c for c in CASES if not names or c.name in names]
    rows = [measure(case) for case in chosen]
    load = os.getloadavg()
    print(
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average "
        f"{load[0]:.1f} on {os.cpu_count()} cores, command `.venv/bin/python "
        "-m benchmarks.hostile_inputs`\n"
    )
    print("| case | input | outcome | wall time | peak RSS | before | first line said |")
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        said = str(row["said"]).replace("|", "\\|")
        print(
            f"| `{row['case']}` | {row['what']} | {row['outcome']} | {row['seconds']} s | "
            f"{row['peak_mb']} MB | {row['before'] or '—'} | {said} |"
        )
    results = REPO / "benchmarks" / "results"
    results.mkdir(exist_ok=True)
    (results / "hostile_inputs.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
