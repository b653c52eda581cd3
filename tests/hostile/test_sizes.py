"""Big but valid briefings load, and in time that grows with their size, not faster: a 10 MB
quote, 100,000 positions.

`check` runs in a child process so its peak memory is its own (ru_maxrss), not the test runner's,
and its CPU time is its own: a fresh fork, for each check, of one process per module that has
imported the project once (`checker`), so no check pays for starting Python and importing the
project (about 1.7 s of CPU each, twelve times). Time is never compared with a fixed number of
seconds (the machine may be busy): each big input is checked beside one a tenth of its size, in
the same test, and the big one may take at most three times ten times as long — a reading that
went back over the whole file for each record (20,000 JSON records once took 36 s) grows a
hundredfold. The figures are recorded as test properties and printed with `pytest -s`.
"""

from __future__ import annotations

import json
import select
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from dashboard.records import STANCES

TENFOLD_AT_MOST = 30  # CPU time of the input ten times bigger over the smaller's
MAX_PEAK_MB = 2048

# `check` as the command line runs it, with the records it kept and what it cost printed after,
# each in a fork of a process that has imported the project: the fork runs in the briefing's parent
# folder with its stdout and stderr in files, and the server answers with its exit code.
_CHECK_SERVER = """
import json, os, resource, sys, time, traceback
import dashboard.__main__ as cli
from dashboard.load import load_briefing
imported = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB, as a new interpreter's would be
for request in sys.stdin:
    folder, out, err = json.loads(request)
    pid = os.fork()
    if pid == 0:
        try:
            # A fork counts only the pages it touches of what its parent had: the pages it has not
            # touched yet are counted in, so the peak is the one a new interpreter would have had.
            with open("/proc/self/statm") as statm:
                resident = int(statm.read().split()[1]) * os.sysconf("SC_PAGESIZE") // 1024
            untouched = max(0, imported - resident)
            os.chdir(os.path.dirname(folder))
            for fd, path in ((1, out), (2, err)):
                os.dup2(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), fd)
            loaded = []
            cli.load_briefing = lambda path: loaded.append(load_briefing(path)) or loaded[-1]
            started, cpu = time.perf_counter(), time.process_time()
            code = cli.main(["check", os.path.basename(folder)])
            seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
            briefing, _ = loaded[0]
            print(json.dumps({
                "code": code, "seconds": seconds, "cpu_seconds": cpu_seconds, "counts": briefing.counts(),
                "peak_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + untouched) / 1024,
                "longest_quote": int(briefing.quotes["text"].str.len().max()) if len(briefing.quotes) else 0,
            }))
        except BaseException:
            traceback.print_exc()
            sys.stderr.flush()
            os._exit(1)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    print(os.waitstatus_to_exitcode(status), flush=True)
"""
CHECK_TIMEOUT = 300  # seconds for one check


class Checker:
    """The module's check server: `run(folder)` checks one briefing in a fresh fork of it and
    gives back the exit status, stdout and stderr of that fork."""

    def __init__(self, scratch: Path) -> None:
        self.scratch = scratch
        self.checks = 0
        self.server = subprocess.Popen(
            [sys.executable, "-c", _CHECK_SERVER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, folder: Path) -> tuple[int, str, str]:
        self.checks += 1
        out, err = (self.scratch / f"{self.checks}-{folder.name}.{stream}" for stream in ("out", "err"))
        assert self.server.stdin is not None and self.server.stdout is not None
        self.server.stdin.write(json.dumps([str(folder.resolve()), str(out), str(err)]) + "\n")
        self.server.stdin.flush()
        ready, _, _ = select.select([self.server.stdout], [], [], CHECK_TIMEOUT)
        assert ready, f"check of {folder.name} took more than {CHECK_TIMEOUT} s"
        status = int(self.server.stdout.readline())
        return status, out.read_text(encoding="utf-8"), err.read_text(encoding="utf-8")

    def close(self) -> None:
        """Waits for the server, so its CPU time (and its forks') is counted as the test run's."""
        assert self.server.stdin is not None
        self.server.stdin.close()
        try:
            self.server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.server.kill()
            self.server.wait()


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Checker]:
    running = Checker(tmp_path_factory.mktemp("checks"))
    try:
        yield running
    finally:
        running.close()


def check_and_measure(checker: Checker, folder: Path, record_property) -> tuple[list[str], dict[str, Any]]:
    status, stdout, stderr = checker.run(folder)
    assert stderr == "", stderr
    assert status == 0, f"the check of {folder.name} ended with {status}"
    *out, last = stdout.splitlines()
    figures = json.loads(last)
    record_property(f"{folder.name} seconds", round(figures["seconds"], 2))
    record_property(f"{folder.name} cpu_seconds", round(figures["cpu_seconds"], 2))
    record_property(f"{folder.name} peak_mb", round(figures["peak_mb"]))
    print(
        f"{folder.name}: check took {figures['seconds']:.2f} s ({figures['cpu_seconds']:.2f} s CPU), "
        f"peak {figures['peak_mb']:.0f} MB"
    )
    assert figures["peak_mb"] < MAX_PEAK_MB
    return out, figures


def assert_grows_with_size(big: dict[str, Any], tenth: dict[str, Any]) -> None:
    """The big input's CPU time is at most TENFOLD_AT_MOST times the tenth-size one's (linear: 10)."""
    ratio = big["cpu_seconds"] / max(tenth["cpu_seconds"], 0.01)
    assert ratio <= TENFOLD_AT_MOST, (
        f"ten times the input took {ratio:.0f} times the CPU time "
        f"({big['cpu_seconds']:.2f} s against {tenth['cpu_seconds']:.2f} s)"
    )


def _quote_of(size: int) -> str:
    text = ("Consultations were intense, " * (size // 25 + 1))[: size - 1] + "."
    assert len(text.encode("utf-8")) == size
    return text


@pytest.mark.parametrize(
    "fmt",
    [
        "csv",  # once cut off at the csv module's 128 KiB cell limit, with every row after it
        "json",
        pytest.param("yaml", marks=pytest.mark.slow),  # PyYAML's pure-Python reader: about 15 s
    ],
)
def test_ten_megabyte_quote_loads(mini, checker: Checker, tmp_path: Path, record_property, fmt: str) -> None:
    # libyaml's emitter writes these records byte for byte as PyYAML's own does (compared for both
    # sizes, 2026-12-07), in 0.14 s instead of 7.9 s for the big one.
    dumper = yaml.CSafeDumper
    tenth = mini.tables()
    tenth["quotes"][0]["text"] = _quote_of(1_000_000)
    _, small = check_and_measure(
        checker, mini.folder(tmp_path / f"tenth-{fmt}", tenth, fmt=fmt, yaml_dumper=dumper), record_property
    )
    tables = mini.tables()
    tables["quotes"][0]["text"] = _quote_of(10_000_000)
    folder = mini.folder(tmp_path / f"quote-{fmt}", tables, fmt=fmt, yaml_dumper=dumper)

    out, figures = check_and_measure(checker, folder, record_property)

    assert out == ["1 briefing checked: 0 errors, 0 warnings"]
    assert figures["code"] == 0
    assert figures["counts"] == {name: len(records) for name, records in tables.items()}
    assert figures["longest_quote"] == 10_000_000
    assert small["longest_quote"] == 1_000_000
    assert_grows_with_size(figures, small)


def _many_positions(mini, broken: bool = False, issues: int = 1000) -> dict[str, list[dict[str, Any]]]:
    """100 actors by 1,000 issues: 100,000 positions, all reported, so all is referenced and no
    warning is due. If `broken`, one stance per issue is outside the vocabulary: 1,000 in all,
    ten per actor, so every actor and issue keeps positions and draws no warning. `issues=100`: a
    tenth of it."""
    tables = mini.tables()
    tables["actors"] = [{"id": f"state-{n}", "name": f"State {n}", "kind": "state"} for n in range(100)]
    tables["issues"] = [
        {"id": f"vote-{n}", "title": f"Vote {n}", "statement": f"Resolution {n}."} for n in range(issues)
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
        for n in range(100 * issues)
    ]
    return tables


@pytest.mark.parametrize(
    "fmt",
    [
        "csv",
        "json",  # each record's line was once counted from the top of the file: 20,000 took 36 s
    ],
)
def test_hundred_thousand_positions_load(
    mini, checker: Checker, tmp_path: Path, record_property, fmt: str
) -> None:
    tenth = mini.folder(tmp_path / f"tenth-{fmt}", _many_positions(mini, issues=100), fmt=fmt)
    _, small = check_and_measure(checker, tenth, record_property)
    tables = _many_positions(mini)
    folder = mini.folder(tmp_path / f"many-{fmt}", tables, fmt=fmt)

    out, figures = check_and_measure(checker, folder, record_property)

    assert out == ["1 briefing checked: 0 errors, 0 warnings"]
    assert figures["code"] == 0
    assert figures["counts"]["positions"] == 100_000
    assert small["counts"]["positions"] == 10_000
    assert_grows_with_size(figures, small)


def test_a_thousand_broken_rows_among_them_give_a_bounded_report(
    mini, checker: Checker, tmp_path: Path, record_property
) -> None:
    tenth = mini.folder(tmp_path / "tenth", _many_positions(mini, broken=True, issues=100), fmt="csv")
    _, small = check_and_measure(checker, tenth, record_property)
    tables = _many_positions(mini, broken=True)
    folder = mini.folder(tmp_path / "many", tables, fmt="csv")

    out, figures = check_and_measure(checker, folder, record_property)
    assert_grows_with_size(figures, small)

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
