"""Big but valid briefings load within generous bounds: a 10 MB quote, 100,000 positions.

`check` runs in a child process so its peak memory is its own (ru_maxrss), not the test runner's;
the figures are recorded as test properties and printed with `pytest -s`.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dashboard.records import STANCES

MAX_SECONDS = 30
MAX_PEAK_MB = 2048

# `check` as the command line runs it, with the records it kept and what it cost printed after.
_CHECK_AND_MEASURE = """
import json, resource, sys, time
import dashboard.__main__ as cli
from dashboard.load import load_briefing
loaded = []
cli.load_briefing = lambda path: loaded.append(load_briefing(path)) or loaded[-1]
started = time.perf_counter()
code = cli.main(["check", sys.argv[1]])
seconds = time.perf_counter() - started
briefing, _ = loaded[0]
print(json.dumps({
    "code": code, "seconds": seconds, "counts": briefing.counts(),
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "longest_quote": int(briefing.quotes["text"].str.len().max()) if len(briefing.quotes) else 0,
}))
"""


def check_and_measure(folder: Path, record_property) -> tuple[list[str], dict[str, Any]]:
    done = subprocess.run(
        [sys.executable, "-c", _CHECK_AND_MEASURE, folder.name],
        cwd=folder.parent,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.stderr == "", done.stderr
    *out, last = done.stdout.splitlines()
    figures = json.loads(last)
    record_property("seconds", round(figures["seconds"], 2))
    record_property("peak_mb", round(figures["peak_mb"]))
    print(f"{folder.name}: check took {figures['seconds']:.1f} s, peak {figures['peak_mb']:.0f} MB")
    assert figures["seconds"] < MAX_SECONDS
    assert figures["peak_mb"] < MAX_PEAK_MB
    return out, figures


def _ten_megabyte_quote() -> str:
    text = ("Consultations were intense, " * 400_000)[: 10_000_000 - 1] + "."
    assert len(text.encode("utf-8")) == 10_000_000
    return text


@pytest.mark.parametrize(
    "fmt",
    [
        "csv",  # once cut off at the csv module's 128 KiB cell limit, with every row after it
        "json",
        pytest.param("yaml", marks=pytest.mark.slow),  # PyYAML's pure-Python reader: about 15 s
    ],
)
def test_ten_megabyte_quote_loads(mini, tmp_path: Path, record_property, fmt: str) -> None:
    tables = mini.tables()
    tables["quotes"][0]["text"] = _ten_megabyte_quote()
    folder = mini.folder(tmp_path / f"quote-{fmt}", tables, fmt=fmt)

    out, figures = check_and_measure(folder, record_property)

    assert out == ["1 briefing checked: 0 errors, 0 warnings"]
    assert figures["code"] == 0
    assert figures["counts"] == {name: len(records) for name, records in tables.items()}
    assert figures["longest_quote"] == 10_000_000


def _many_positions(mini, broken: bool = False) -> dict[str, list[dict[str, Any]]]:
    """100 actors by 1,000 issues: 100,000 positions, all reported, so all is referenced and no
    warning is due. If `broken`, one stance per issue is outside the vocabulary: 1,000 in all,
    ten per actor, so every actor and issue keeps positions and draws no warning."""
    tables = mini.tables()
    tables["actors"] = [{"id": f"state-{n}", "name": f"State {n}", "kind": "state"} for n in range(100)]
    tables["issues"] = [
        {"id": f"vote-{n}", "title": f"Vote {n}", "statement": f"Resolution {n}."} for n in range(1000)
    ]
    tables["quotes"] = []
    tables["positions"] = [
        {
            "actor": f"state-{n % 100}",
            "issue": f"vote-{n // 100}",
            "stance": "supportive" if broken and n % 100 == n // 100 % 100 else STANCES[n % len(STANCES)],
            "as_of": "2024-11-02",
            "basis": "reported",
            "confidence": "high",
        }
        for n in range(100_000)
    ]
    return tables


@pytest.mark.parametrize(
    "fmt",
    [
        "csv",
        "json",  # each record's line was once counted from the top of the file: 20,000 took 36 s
    ],
)
def test_hundred_thousand_positions_load(mini, tmp_path: Path, record_property, fmt: str) -> None:
    tables = _many_positions(mini)
    folder = mini.folder(tmp_path / f"many-{fmt}", tables, fmt=fmt)

    out, figures = check_and_measure(folder, record_property)

    assert out == ["1 briefing checked: 0 errors, 0 warnings"]
    assert figures["code"] == 0
    assert figures["counts"]["positions"] == 100_000


def test_a_thousand_broken_rows_among_them_give_a_bounded_report(
    mini, tmp_path: Path, record_property
) -> None:
    tables = _many_positions(mini, broken=True)
    folder = mini.folder(tmp_path / "many", tables, fmt="csv")

    out, figures = check_and_measure(folder, record_property)

    # 200 rows named, then a count of the rest: a report a person can read, not 1,000 lines.
    assert figures["code"] == 1
    assert figures["counts"]["positions"] == 99_000
    assert len(out) == 200 + 1 + 1
    # A problem without a line sorts first in its file.
    assert out[0] == "many/positions.csv: error: positions: 800 more like the above in 'stance'"
    assert out[1].startswith(
        "many/positions.csv:2: error: position of state-0 on vote-0: stance 'supportive' is not one of"
    )
    # The count stands for all 800: the summary once said 201 errors for these 1,000.
    assert out[-1] == "1 briefing checked: 1000 errors, 0 warnings"
