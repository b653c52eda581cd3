"""Folders: a table file per table in any format, or one document holding every section; how
the files of a folder combine, and what is odd but valid."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.load import load_briefing
from dashboard.problems import Severity, errors


@pytest.mark.parametrize(("fmt", "aliases"), [
    ("yaml", "aliases:\n  - USA\n  - U.S.\n"),
    ("json", '"aliases": [\n      "USA",\n      "U.S."\n    ]'),
    ("csv", ",USA; U.S.,"),  # a list in a CSV cell: items separated by ';'
])
def test_folder_of_table_files_loads_the_mini_briefing(load_clean, tmp_path: Path, mini, fmt: str,
                                                      aliases: str) -> None:
    folder = mini.folder(tmp_path / "mini", fmt=fmt)
    assert {p.suffix for p in folder.iterdir()} == {".yaml", f".{fmt}"}
    assert aliases in (folder / f"actors.{fmt}").read_text(encoding="utf-8")
    assert load_clean(folder) == mini.document()


def test_single_briefing_yaml_in_a_folder_holding_every_section(load_clean, tmp_path: Path, mini) -> None:
    folder = tmp_path / "mini"
    folder.mkdir()
    document = mini.document()
    (folder / "briefing.yaml").write_text(mini.yaml(document), encoding="utf-8")
    assert load_clean(folder) == mini.document()


def test_a_table_in_two_files_is_an_error(tmp_path: Path, mini) -> None:
    folder = mini.folder(tmp_path / "mini")
    mini.folder(folder, {"quotes": mini.tables()["quotes"]}, fmt="csv")
    _, problems = load_briefing(folder)
    assert [str(p) for p in problems] == [
        "mini/quotes.csv: error: quotes are given in 2 files (quotes.yaml, quotes.csv): keep one"]


@pytest.mark.parametrize("fmt", ["yaml", "csv"])
def test_empty_table_file_is_a_warning_not_a_crash(tmp_path: Path, mini, fmt: str) -> None:
    folder = mini.folder(tmp_path / "mini", fmt=fmt)
    (folder / f"sources.{fmt}").write_text("", encoding="utf-8")
    briefing, problems = load_briefing(folder)
    in_file = [p for p in problems if p.file == f"mini/sources.{fmt}"]
    assert len(in_file) == 1
    assert in_file[0].severity is Severity.WARNING
    assert "empty" in in_file[0].message
    assert len(briefing.sources) == 0
    # the quotes now cite an unknown source; the briefing still loads
    assert "source 'article' is not a source id" in " ".join(p.message for p in errors(problems))
