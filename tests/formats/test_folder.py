"""Folders: a table file per table in any format, or one document holding every section; how
the files of a folder combine, and what is odd but valid."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from dashboard.formats import FOLDER_FORMATS, FORMATS, write_briefing
from dashboard.load import load_briefing
from dashboard.problems import Severity, errors


@pytest.mark.parametrize(
    ("fmt", "aliases"),
    [
        ("yaml", "aliases:\n  - USA\n  - U.S.\n"),
        ("json", '"aliases": [\n      "USA",\n      "U.S."\n    ]'),
        ("csv", ",USA; U.S.,"),  # a list in a CSV cell: items separated by ';'
    ],
)
def test_folder_of_table_files_loads_the_mini_briefing(
    load_clean, tmp_path: Path, mini, fmt: str, aliases: str
) -> None:
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
        "mini/quotes.csv: error: quotes are given in 2 files (quotes.yaml, quotes.csv): keep one"
    ]


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


# ------------------------------------------------------------ files that vanish or cannot be read


class _Entries(list):
    """os.scandir's result is a context manager; a list of entries listed earlier is one too."""

    def __enter__(self) -> _Entries:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def test_a_file_that_vanishes_after_the_listing_is_a_problem_not_a_crash(
    tmp_path: Path, mini, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Save-by-rename: actors.yaml is listed, then gone before it is read."""
    folder = mini.folder(tmp_path / "mini")
    listed = os.scandir

    def list_then_vanish(path: Any) -> object:
        entries = _Entries(listed(path))
        (folder / "actors.yaml").unlink(missing_ok=True)
        return entries

    monkeypatch.setattr(os, "scandir", list_then_vanish)
    briefing, problems = load_briefing(folder)
    assert "mini/actors.yaml: error: cannot read file: No such file or directory" in map(str, problems)
    assert len(briefing.issues) == 1  # the rest is read


def test_an_unreadable_file_is_a_problem_and_the_rest_is_read(
    tmp_path: Path, mini, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As root (here and in CI) chmod 000 does not stop reading, so the refusal is made by hand.
    folder = mini.folder(tmp_path / "mini")
    opened = Path.open

    def refuse_quotes(path: Path, *args: object, **kwargs: object) -> object:
        if path.name == "quotes.yaml":
            raise PermissionError(13, "Permission denied", str(path))
        return opened(path, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refuse_quotes)
    briefing, problems = load_briefing(folder)
    assert "mini/quotes.yaml: error: cannot read file: Permission denied" in map(str, problems)
    assert len(briefing.actors) == 4


def test_an_unreadable_folder_is_a_problem_not_a_crash(
    tmp_path: Path, mini, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = mini.folder(tmp_path / "mini")

    def refuse(path: object) -> object:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "scandir", refuse)
    briefing, problems = load_briefing(folder)
    assert [str(p) for p in problems] == ["mini: error: cannot read folder: Permission denied"]
    assert sum(briefing.counts().values()) == 0


def test_a_path_that_cannot_be_looked_at_is_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder inside one that may be listed but not entered: stat itself is refused."""

    def refuse(path: Path, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(Path, "stat", refuse)
    _, problems = load_briefing(tmp_path / "mini")
    assert [str(p) for p in problems] == ["mini: error: cannot read it: Permission denied"]


def test_editor_files_in_a_briefing_folder_are_neither_read_nor_named(tmp_path: Path, mini) -> None:
    """Once ~$mini.xlsx (Excel's owner file) was 'not part of the briefing' and .#x (Emacs's
    lock, a dangling link) 'a symbolic link'; both come and go as a person edits."""
    folder = mini.folder(tmp_path / "mini")
    for name in (
        "~$mini.xlsx",
        ".~lock.actors.csv#",
        "#actors.yaml#",
        "actors.yaml~",
        ".actors.yaml.swp",
        "4913",
        "quotes.yaml.tmp",
        ".hidden.yaml",
    ):
        (folder / name).write_bytes(b"\x00half-saved \xff")
    (folder / ".#actors.yaml").symlink_to("analyst@laptop.4242")
    _, problems = load_briefing(folder)
    assert [str(p) for p in problems] == []


@pytest.mark.parametrize("suffix", list(FORMATS))
def test_each_format_writes_what_it_reads(suffix: str) -> None:
    """One table, reader beside writer: a file `check` reads, `convert` can write, and no other."""
    found = FORMATS[suffix]
    assert (found.read_table is None) == (found.write_table is None), suffix
    assert (found.read_document is None) == (found.write_document is None), suffix


def test_a_folder_is_written_in_a_table_format_only(tmp_path: Path, mini) -> None:
    assert FOLDER_FORMATS == ("yaml", "json", "csv", "parquet")  # 'yml' is YAML; a workbook is one file
    briefing, _ = load_briefing(mini.folder(tmp_path / "mini"))
    with pytest.raises(ValueError, match="not 'xlsx'"):
        write_briefing(briefing, tmp_path / "out", "xlsx")
    assert [p.name for p in tmp_path.iterdir()] == ["mini"]  # nothing left behind
