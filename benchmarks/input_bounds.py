"""The worst inputs for each bound in dashboard/formats/limits.py, built in a temporary folder and
checked with `python -m dashboard check` under /usr/bin/time -v: wall time, peak memory, the outcome.

    .venv/bin/python -m benchmarks.input_bounds            # every case
    .venv/bin/python -m benchmarks.input_bounds yaml-list  # only the cases named

Each case is a copy of a small valid briefing with one file replaced by the hostile one. "refused"
cases must be refused early with a problem naming the file; "accepted" cases sit just inside a bound
and show what the most a file can cost is. Prints a Markdown table for the README's Robustness section.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dashboard.formats import limits

REPO = Path(__file__).resolve().parents[1]

MINI = {
    "briefing.yaml": "id: worst\ntitle: Worst case\nas_of: 2024-11-02\nsummary: One file is hostile.\n",
    "actors.yaml": "- id: a\n  name: A\n  kind: state\n",
    "issues.yaml": "- id: i\n  title: I\n  statement: I should be.\n",
    "sources.yaml": "- id: s\n  title: S\n  publisher: P\n  published: 2024-11-02\n  kind: news\n",
    "quotes.yaml": "- id: q\n  speaker: a\n  text: Words.\n  source: s\n  kind: direct\n  issues: [i]\n",
    "positions.yaml": "- actor: a\n  issue: i\n  stance: support\n  basis: stated\n"
    "  confidence: high\n  evidence: [q]\n",
}


@dataclass(frozen=True)
class Case:
    name: str
    what: str
    expect: str  # "refused" or "accepted"
    build: Callable[[Path], None]
    file: str = ""  # the hostile file, whose first error is shown


def _replace(folder: Path, table: str, name: str, data: bytes) -> None:
    (folder / f"{table}.yaml").unlink()
    (folder / name).write_bytes(data)


def csv_header(folder: Path) -> None:
    header = ",".join(f"c{n:06d}" for n in range(100_000))  # 800 KB of names, 100,000 columns
    _replace(folder, "actors", "actors.csv", (header + "\nx\n").encode())


def csv_duplicates(folder: Path) -> None:
    header = ",".join(["name"] * (limits.MAX_COLUMNS - 2))  # every column named alike, at the bound
    _replace(folder, "actors", "actors.csv", (f"id,kind,{header}\n").encode())


def csv_rows(folder: Path) -> None:
    """A valid briefing of 1,000 actors, 470 issues and 470,000 positions as CSV: about as many as
    fit under the file-size bound (each row about 65 bytes). Accepted: nothing is wrong with it."""
    actors = ["id,name,kind"] + [f"a{n},Actor {n},state" for n in range(1000)]
    issues = ["id,title,statement"] + [f"i{n},Issue {n},Issue {n} should pass." for n in range(470)]
    stances = ("support", "oppose", "neutral", "silent")
    positions = ["actor,issue,stance,as_of,basis,confidence,summary,evidence,assessed_by"] + [
        f"a{n % 1000},i{n // 1000},{stances[n % 4]},2024-11-02,reported,high,row {n} of the table,,"
        for n in range(470_000)
    ]
    for table, lines in (("actors", actors), ("issues", issues), ("positions", positions)):
        (folder / f"{table}.yaml").unlink()
        (folder / f"{table}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "quotes.yaml").write_text("[]\n", encoding="utf-8")
    (folder / "sources.yaml").write_text("[]\n", encoding="utf-8")


def xlsx_bomb(folder: Path) -> None:
    """A workbook whose one sheet holds a 1 GiB cell: about 1 MB packed."""
    for name in list(MINI):
        (folder / name).unlink()
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml"'
        ' ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>",
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        'package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships"><sheets><sheet name="actors" sheetId="1" r:id="r1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/></Relationships>',
    }
    path = folder / "worst.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr">'
                b"<is><t>"
            )
            block = b"A" * 2**20
            for _ in range(1024):
                sheet.write(block)
            sheet.write(b"</t></is></c></row></sheetData></worksheet>")


def _parquet(folder: Path, rows: int, text: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    indices = pa.array(__import__("numpy").zeros(rows, dtype="int32"))
    actor = pa.DictionaryArray.from_arrays(indices, pa.array([text]))
    table = pa.table({"actor": actor, "issue": actor, "stance": actor, "basis": actor, "confidence": actor})
    (folder / "positions.yaml").unlink()
    pq.write_table(table, folder / "positions.parquet", dictionary_pagesize_limit=2**30, compression="zstd")


def parquet_rows(folder: Path) -> None:
    _parquet(folder, 20_000_000, "a")


def parquet_decoded(folder: Path) -> None:
    _parquet(folder, limits.MAX_ROWS, "a" * 1000)  # rows within the bound, 1 GB of text each column


def yaml_list(folder: Path) -> None:
    (folder / "actors.yaml").write_text("- a\n" * 1_500_000, encoding="utf-8")  # 6 MB


def yaml_at_bound(folder: Path) -> None:
    """Actors of three fields each, just under the values bound: accepted."""
    per = 8  # the mapping, three keys, three values, and the list item
    records = (limits.MAX_YAML_VALUES - 100) // per
    text = "- id: a\n  name: A\n  kind: state\n" + "".join(
        f"- id: a{n}\n  name: Actor {n}\n  kind: state\n" for n in range(records - 1)
    )
    (folder / "actors.yaml").write_text(text, encoding="utf-8")


def yaml_deep(folder: Path) -> None:
    (folder / "actors.yaml").write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")


def json_values(folder: Path) -> None:
    _replace(folder, "actors", "actors.json", b"[" + b"{}," * 10_000_000 + b"{}]")  # 30 MB


def file_size(folder: Path) -> None:
    with (folder / "quotes.yaml").open("r+b") as file:  # sparse: 100 GB on paper, nothing on disk
        file.truncate(100 * 10**9)


def many_typos(folder: Path) -> None:
    """50,000 actors; 200 quotes whose speaker is a typo of one of them."""
    actors = "".join(f"- id: state-{n:05d}\n  name: State {n}\n  kind: state\n" for n in range(50_000))
    (folder / "actors.yaml").unlink()
    rows = ["id,name,kind", "a,A,state"] + [f"state-{n:05d},State {n},state" for n in range(50_000)]
    (folder / "actors.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    del actors
    quotes = (
        ["id,speaker,text,source,kind,issues"]
        + [f"q{n},stat-{n * 250:05d},Words.,s,direct,i" for n in range(200)]
        + ["q,a,Words.,s,direct,i"]
    )
    (folder / "quotes.yaml").unlink()
    (folder / "quotes.csv").write_text("\n".join(quotes) + "\n", encoding="utf-8")


def represents_chain(folder: Path) -> None:
    """50,000 officials, each representing the next; the last represents one that is not there."""
    rows = ["id,name,kind,represents", "a,A,state,"] + [
        f"o{n},O {n},official,o{n + 1}" for n in range(50_000)
    ]
    (folder / "actors.yaml").unlink()
    (folder / "actors.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def baseline(folder: Path) -> None:
    """The small valid briefing as it is: what starting Python, pandas and pyarrow costs."""


CASES = (
    Case("baseline", "the small valid briefing itself (the floor)", "accepted", baseline, ""),
    Case("csv-header", "CSV header of 100,000 column names (800 KB)", "refused", csv_header, "actors.csv"),
    Case(
        "csv-duplicates",
        f"CSV header of {limits.MAX_COLUMNS:,} columns all named 'name'",
        "accepted",
        csv_duplicates,
        "actors.csv",
    ),
    Case(
        "csv-rows",
        "1,000 actors, 470 issues, 470,000 positions as CSV",
        "accepted",
        csv_rows,
        "positions.csv",
    ),
    Case("xlsx-bomb", "1 MB .xlsx whose one cell unpacks to 1 GiB", "refused", xlsx_bomb, "worst.xlsx"),
    Case("parquet-rows", "Parquet of 20 M dictionary rows", "refused", parquet_rows, "positions.parquet"),
    Case(
        "parquet-decoded",
        f"Parquet of {limits.MAX_ROWS:,} rows of one 1,000-character text",
        "refused",
        parquet_decoded,
        "positions.parquet",
    ),
    Case("yaml-list", "YAML list of 1,500,000 values (6 MB)", "refused", yaml_list, "actors.yaml"),
    Case(
        "yaml-at-bound",
        f"YAML actors just under {limits.MAX_YAML_VALUES:,} values (about 12,500 actors)",
        "accepted",
        yaml_at_bound,
        "actors.yaml",
    ),
    Case("yaml-deep", "YAML lists nested 100,000 deep", "refused", yaml_deep, "actors.yaml"),
    Case("json-values", "JSON list of 10 M empty objects (30 MB)", "refused", json_values, "actors.json"),
    Case("file-size", "a 100 GB (sparse) quotes.yaml", "refused", file_size, "quotes.yaml"),
    Case("typos", "200 speaker typos among 50,000 actors", "accepted", many_typos, "quotes.csv"),
    Case(
        "represents-chain",
        "50,000 actors each representing the next, the last a typo",
        "accepted",
        represents_chain,
        "actors.csv",
    ),
)


def measure(case: Case, root: Path) -> dict[str, object]:
    folder = root / case.name
    folder.mkdir()
    for name, text in MINI.items():
        (folder / name).write_text(text, encoding="utf-8")
    started = time.perf_counter()
    case.build(folder)
    built = time.perf_counter() - started
    files = sum(p.stat().st_size for p in folder.iterdir())
    done = subprocess.run(
        ["/usr/bin/time", "-v", sys.executable, "-m", "dashboard", "check", "--errors-only", case.name],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", done.stderr)
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    assert wall and peak, done.stderr
    hours, minutes, seconds = (float(g or 0) for g in wall.groups())
    lines = done.stdout.splitlines()
    first = next((line for line in lines if f"{case.name}/{case.file}" in line and ": error: " in line), "")
    return {
        "case": case.name,
        "what": case.what,
        "expect": case.expect,
        "built_s": round(built, 1),
        "bytes": files,
        "seconds": round(hours * 3600 + minutes * 60 + seconds, 2),
        "peak_mb": round(int(peak.group(1)) / 1024),
        "exit": done.returncode,
        "summary": lines[-1] if lines else "",
        "first_error": first[:300],
    }


def main(names: list[str]) -> int:
    chosen = [c for c in CASES if not names or c.name in names]
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as temporary:
        for case in chosen:
            result = measure(case, Path(temporary))
            results.append(result)
            print(json.dumps(result), file=sys.stderr, flush=True)
            shutil_rmtree(Path(temporary) / case.name)
    floor = next((r["seconds"] for r in results if r["case"] == "baseline"), 0.0)
    load = os.getloadavg()
    print(
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average "
        f"{load[0]:.1f} / {load[1]:.1f} on {os.cpu_count()} cores; over the floor = wall time less "
        f"the baseline's {floor} s\n"
    )
    print("| case | input | files | outcome | wall time | over the floor | peak RSS | first error |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        problem = str(r["first_error"]).split(": error: ", 1)[-1] or "none"
        print(
            f"| `{r['case']}` | {r['what']} | {limits.size(int(r['bytes']))} | "
            f"{r['expect']}, exit {r['exit']} | {r['seconds']} s | "
            f"{max(0.0, float(r['seconds']) - floor):.1f} s | {r['peak_mb']} MB | "
            f"{problem[:120]} |"
        )
    return 0


def shutil_rmtree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
