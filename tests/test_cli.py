"""The command line: `check` exit codes and output, `convert` between every format and back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from dashboard.__main__ import main
from dashboard.formats import write_briefing
from dashboard.load import load_briefing
from dashboard.problems import errors
from dashboard.records import OPTIONAL_TABLES, SECTIONS

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "data" / "nk-troops-russia"
SUMMARY_CLEAN = "1 briefing checked: 0 errors, 0 warnings"


@pytest.fixture(autouse=True)
def _relative_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def _broken_folder(mini, tmp_path: Path) -> Path:
    tables = mini.tables()
    tables["quotes"][0]["speaker"] = "blinkin"
    tables["actors"].append({"id": "nobody", "name": "Nobody", "kind": "other"})
    return mini.folder(tmp_path / "mini", tables)


# ------------------------------------------------------------------------------------------ check


def test_check_clean_briefing_exits_0(tmp_path: Path, mini, capsys) -> None:
    mini.folder(tmp_path / "mini")
    assert main(["check", "mini"]) == 0
    assert capsys.readouterr().out == SUMMARY_CLEAN + "\n"


def test_check_with_warnings_only_exits_0(tmp_path: Path, mini, capsys) -> None:
    tables = mini.tables()
    tables["issues"].append({"id": "lonely", "title": "Lonely", "statement": "Nobody asks."})
    mini.folder(tmp_path / "mini", tables)
    assert main(["check", "mini"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "mini/issues.yaml:4: warning: issue lonely: nothing refers to this issue (no position or quote)",
        "1 briefing checked: 0 errors, 1 warning",
    ]


def test_check_with_errors_exits_1_and_prints_one_line_per_problem(tmp_path: Path, mini, capsys) -> None:
    _broken_folder(mini, tmp_path)
    assert main(["check", "mini"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "1 briefing checked: 2 errors, 2 warnings"
    assert (
        "mini/quotes.yaml:2: error: quote q1: speaker 'blinkin' is not an actor id "
        "(did you mean 'blinken'?)" in out
    )
    # every line but the summary is `path:line: severity: message`
    for line in out[:-1]:
        location, severity, message = line.split(": ", 2)
        path, _, number = location.rpartition(":")
        assert path.startswith("mini/") and number.isdigit(), line
        assert severity in ("error", "warning") and message


def test_check_errors_only_hides_warnings_but_still_counts_them(tmp_path: Path, mini, capsys) -> None:
    _broken_folder(mini, tmp_path)
    assert main(["check", "--errors-only", "mini"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[1] for line in out[:-1]] == ["error", "error"]
    assert out[-1] == "1 briefing checked: 2 errors, 2 warnings"


def test_check_several_briefings_sums_them(tmp_path: Path, mini, capsys) -> None:
    mini.folder(tmp_path / "mini")
    mini.folder(tmp_path / "other" / "mini")
    assert main(["check", "mini", "other/mini"]) == 0
    assert capsys.readouterr().out == "2 briefings checked: 0 errors, 0 warnings\n"


def test_check_missing_path_is_an_error(tmp_path: Path, capsys) -> None:
    assert main(["check", "nowhere"]) == 1
    assert capsys.readouterr().out.splitlines()[0] == "nowhere: error: no such file or folder"


@pytest.mark.parametrize(
    "argv",
    [[], ["check"], ["chek", "mini"], ["convert", "only-src"], ["convert", "a", "b", "--format", "txt"]],
)
def test_usage_errors_exit_2(argv: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    assert "usage error" in capsys.readouterr().err


def test_module_entry_point_runs_check(tmp_path: Path, mini) -> None:
    _broken_folder(mini, tmp_path)
    # Exit 1 proves `python -m dashboard` hands main()'s result to the shell (0 would not).
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    run = subprocess.run(
        [sys.executable, "-m", "dashboard", "check", "mini"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert run.returncode == 1, run.stderr
    assert "mini/quotes.yaml:2: error: quote q1: speaker 'blinkin'" in run.stdout
    assert run.stdout.endswith("1 briefing checked: 2 errors, 2 warnings\n")


# ---------------------------------------------------------------------------------------- convert


def _mini_as_parquet_folder(mini, folder: Path) -> Path:
    mini.folder(folder, tables={}, meta=mini.meta)
    for name, records in mini.tables().items():
        pd.DataFrame(records).to_parquet(folder / f"{name}.parquet", index=False)
    return folder


SOURCES = {
    "yaml-folder": lambda mini, tmp: mini.folder(tmp / "src", meta=mini.meta),
    "json-folder": lambda mini, tmp: mini.folder(tmp / "src", fmt="json", meta=mini.meta),
    "csv-folder": lambda mini, tmp: mini.folder(tmp / "src", fmt="csv", meta=mini.meta),
    "parquet-folder": lambda mini, tmp: _mini_as_parquet_folder(mini, tmp / "src"),
    "single-yaml": lambda mini, tmp: _write(tmp / "src.yaml", mini.yaml(mini.document())),
    "single-json": lambda mini, tmp: _write(tmp / "src.json", json.dumps(mini.document())),
    "xlsx": lambda mini, tmp: mini.workbook(tmp / "src.xlsx", date_cells=False),
}


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def canonical_mini(tmp_path_factory: pytest.TempPathFactory, mini) -> bytes:
    """The mini briefing as canonical JSON, converted from its YAML folder."""
    folder = tmp_path_factory.mktemp("reference")
    src = mini.folder(folder / "mini")
    assert main(["convert", str(src), str(folder / "reference.json")]) == 0
    return (folder / "reference.json").read_bytes()


@pytest.mark.parametrize("source", list(SOURCES))
def test_convert_to_json_is_the_same_document_whatever_the_source(
    tmp_path: Path, mini, source: str, canonical_mini: bytes, capsys
) -> None:
    src = SOURCES[source](mini, tmp_path)
    assert main(["convert", str(src), "out.json"]) == 0
    assert capsys.readouterr().out == (
        "wrote out.json (4 actors, 1 issue, 1 source, 2 quotes, 2 positions)\n"
    )
    assert (tmp_path / "out.json").read_bytes() == canonical_mini


def test_canonical_json_has_the_sections_in_order(mini, canonical_mini: bytes) -> None:
    document = json.loads(canonical_mini)
    # The mini briefing declares no blocs: an optional table with no records is left out.
    assert list(document) == [s for s in SECTIONS if s not in OPTIONAL_TABLES]
    assert document == mini.document()


DESTINATIONS = [
    ("out.json", []),
    ("out.yaml", []),
    ("out.xlsx", []),
    ("out-yaml", ["--format", "yaml"]),
    ("out-csv", ["--format", "csv"]),
    ("out-json", ["--format", "json"]),
    ("out-parquet", ["--format", "parquet"]),
]


def _round_trips(src: Path, tmp_path: Path, destinations=DESTINATIONS) -> dict:
    """Convert SRC to canonical JSON, then to each format and back: every trip is byte-identical.

    The way back is `convert`; the way there is the writer `convert` calls, on the reference
    loaded once rather than once per format (which would double the time for nothing: `convert`
    itself, --format included, is tested below). Returns the canonical document."""
    assert main(["convert", str(src), "reference.json"]) == 0
    reference = (tmp_path / "reference.json").read_bytes()
    briefing, problems = load_briefing(tmp_path / "reference.json")
    assert errors(problems) == []
    for dest, options in destinations:
        write_briefing(briefing, tmp_path / dest, options[-1] if options else None)
        assert main(["convert", dest, f"{dest}.back.json"]) == 0, dest
        assert (tmp_path / f"{dest}.back.json").read_bytes() == reference, dest
    return json.loads(reference)


# Text that some format could take for something else: a formula, a boolean, a number, a date, a
# YAML list or comment, a CSV line break, comma or quote, the list separator, other scripts.
AWKWARD = [
    "=1+1",
    "NO",
    "0123",
    "1.50",
    "true",
    "null",
    "2024-01-01",
    "- dash",
    "#hash",
    "Line one\nline two, with \"quotes\", 'apostrophes' and a;semicolon",
    "ü ✓ 中国 Россия “curly” he’s",
]


def test_every_format_round_trips_awkward_text(tmp_path: Path, mini) -> None:
    tables = mini.tables()
    tables["actors"][0]["aliases"] = ["A, B", "=cmd", "ü ✓"]
    for actor, text in zip(tables["actors"], AWKWARD[:4], strict=True):
        actor["summary"] = text
    for quote, text in zip(tables["quotes"], AWKWARD[-2:], strict=True):
        quote["context"] = text
    for n, text in enumerate(AWKWARD[4:9]):
        tables["issues"].append({"id": f"i{n}", "title": text, "statement": text})
        tables["quotes"][0]["issues"].append(f"i{n}")
    document = _round_trips(mini.folder(tmp_path / "mini", tables), tmp_path)
    assert document == {"briefing": mini.meta, **tables}
    assert sorted(p.suffix for p in (tmp_path / "out-csv").iterdir()) == [".csv"] * 5 + [".yaml"]


def test_convert_to_a_folder_writes_yaml_by_default(tmp_path: Path, mini, canonical_mini: bytes) -> None:
    mini.folder(tmp_path / "mini")
    assert main(["convert", "mini", "out"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "actors.yaml",
        "briefing.yaml",
        "issues.yaml",
        "positions.yaml",
        "quotes.yaml",
        "sources.yaml",
    ]
    assert main(["convert", "out", "back.json"]) == 0
    assert (tmp_path / "back.json").read_bytes() == canonical_mini


def test_the_seed_briefing_round_trips_through_the_tabular_formats(tmp_path: Path) -> None:
    # The mini's awkward text goes through every format; the seed goes through those that flatten
    # it into cells (lists as 'a; b', dates as cells), where real text has the most to lose.
    tabular = [d for d in DESTINATIONS if d[0] in ("out.xlsx", "out-csv", "out-parquet")]
    document = _round_trips(SEED, tmp_path, tabular)
    assert len(document["quotes"]) > 25


def test_convert_refuses_to_overwrite_without_force(tmp_path: Path, mini, capsys) -> None:
    src = mini.folder(tmp_path / "mini")
    (tmp_path / "out.json").write_text("keep me", encoding="utf-8")
    (tmp_path / "out-folder").mkdir()
    assert main(["convert", str(src), "out.json"]) == 2
    assert main(["convert", str(src), "out-folder"]) == 2
    assert "already exists (use --force to replace it)" in capsys.readouterr().err
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == "keep me"
    assert list((tmp_path / "out-folder").iterdir()) == []
    assert main(["convert", str(src), "out.json", "--force"]) == 0
    assert main(["convert", str(src), "out-folder", "--force", "--format", "parquet"]) == 0
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["briefing"]["id"] == "mini"
    assert sorted(p.suffix for p in (tmp_path / "out-folder").iterdir()) == [".parquet"] * 5 + [".yaml"]


def test_convert_missing_source_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert main(["convert", "nowhere", "out.json"]) == 2
    assert "nowhere: usage error: no such file or folder" in capsys.readouterr().err
    assert not (tmp_path / "out.json").exists()


@pytest.mark.parametrize("dest", ["out.json", "out-folder"])
def test_convert_with_errors_exits_1_and_writes_nothing(tmp_path: Path, mini, dest: str, capsys) -> None:
    _broken_folder(mini, tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    assert main(["convert", "mini", dest]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "mini/positions.yaml:7: error: position of united-states on restrain: evidence 'q1' "
        "refers to a quote that has errors (line 1): fix that record first",
        "mini/quotes.yaml:2: error: quote q1: speaker 'blinkin' is not an actor id (did you mean 'blinken'?)",
    ]
    assert "mini: not converted: fix the 2 error(s) above first" in captured.err
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no file, no scratch folder


def test_convert_with_force_and_errors_keeps_the_old_destination(tmp_path: Path, mini) -> None:
    _broken_folder(mini, tmp_path)
    (tmp_path / "out.json").write_text("old", encoding="utf-8")
    assert main(["convert", "mini", "out.json", "--force"]) == 1
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == "old"
