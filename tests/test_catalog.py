"""The catalog: which folders are briefings, what is skipped and why, and the fingerprint that
decides when a briefing is read again."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from dashboard import catalog
from dashboard.catalog import Catalog, Skipped, fingerprint, scan
from dashboard.load import load_briefing

EDITOR_FILES = [
    "~$mini.xlsx",
    ".~lock.mini.xlsx#",
    ".#actors.yaml",
    "#actors.yaml#",
    "actors.yaml~",
    ".actors.yaml.swp",
    ".actors.yaml.swo",
    "4913",
    "actors.yaml.tmp",
    ".DS_Store",
]


def _folders(root: Path, *names: str) -> None:
    for name in names:
        (root / name).mkdir()


def test_scan_returns_the_briefings_and_every_folder_it_skipped_with_why(tmp_path: Path) -> None:
    _folders(tmp_path, "korea", "un-votes.2024", "has space", "..x", "a" * 129, ".cache")
    (tmp_path / "loose.yaml").write_text("id: loose\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("notes\n", encoding="utf-8")  # no briefing format: no word
    (tmp_path / "~$book.xlsx").write_text("", encoding="utf-8")  # an editor's: no word either
    (tmp_path / "elsewhere").symlink_to(tmp_path / "korea")

    found = scan(tmp_path)

    assert found.briefings == {"korea": tmp_path / "korea", "un-votes.2024": tmp_path / "un-votes.2024"}
    assert sorted(found.skipped, key=lambda s: s.name) == sorted(
        [
            Skipped("has space", catalog.NOT_AN_ID),
            Skipped("..x", catalog.HIDDEN),
            Skipped("a" * 129, catalog.NOT_AN_ID),
            Skipped(".cache", catalog.HIDDEN),
            Skipped("loose.yaml", catalog.A_FILE),
            Skipped("elsewhere", catalog.A_LINK),
        ],
        key=lambda s: s.name,
    )
    assert found.problem == ""
    assert catalog.briefings(tmp_path) == found.briefings  # the old call still works


def test_only_skipped_folders_is_not_silence(tmp_path: Path) -> None:
    """Once "No briefings found" and nothing more: now the page can say what was left out."""
    _folders(tmp_path, "Korea 2024")
    assert scan(tmp_path) == Catalog({}, (Skipped("Korea 2024", catalog.NOT_AN_ID),))


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda p: None, "no such folder"),
        (lambda p: p.write_text("", encoding="utf-8"), "not a folder"),
    ],
)
def test_a_data_folder_that_is_not_one_is_a_problem_in_words(tmp_path: Path, make, problem: str) -> None:
    data = tmp_path / "data"
    make(data)
    assert scan(data) == Catalog(problem=f"{data}: {problem}")


def test_an_unreadable_data_folder_is_a_problem_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As root (here and in CI) chmod does not stop reading, so the refusal is made where it lands.
    def refuse(path: object) -> object:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "scandir", refuse)
    assert scan(tmp_path) == Catalog(problem=f"{tmp_path}: cannot read the folder: Permission denied")
    assert fingerprint(tmp_path) == ()


def test_editor_files_do_not_change_the_fingerprint(mini, tmp_path: Path) -> None:
    folder = mini.folder(tmp_path / "mini")
    before = fingerprint(folder)
    for name in EDITOR_FILES:
        (folder / name).write_text("half-saved", encoding="utf-8")
    (folder / ".#briefing.yaml").symlink_to("root@host.1234")  # Emacs's lock: a dangling link

    assert fingerprint(folder) == before
    _, problems = load_briefing(folder)
    assert [str(p) for p in problems] == []  # nor are they read, or named


def test_a_real_change_still_changes_the_fingerprint(mini, tmp_path: Path) -> None:
    folder = mini.folder(tmp_path / "mini")
    before = fingerprint(folder)
    (folder / "quotes.yaml").write_text("[]\n", encoding="utf-8")
    assert fingerprint(folder) != before
    link_added = fingerprint(folder)
    (folder / "extra.csv").symlink_to(folder / "quotes.yaml")  # a link is reported: a change
    assert fingerprint(folder) != link_added


def test_a_file_that_vanishes_between_listing_and_stat_is_left_out(
    mini, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Save-by-rename: the editor's temporary file is listed, then renamed away before its stat."""
    folder = mini.folder(tmp_path / "mini")
    (folder / "actors.yaml.new").write_text("soon gone", encoding="utf-8")
    expected = tuple(s for s in fingerprint(folder) if s[0] != "actors.yaml.new")
    listed = os.scandir

    def list_then_vanish(path: Any) -> object:
        entries = list(listed(path))
        (folder / "actors.yaml.new").unlink(missing_ok=True)
        return _Entries(entries)

    monkeypatch.setattr(os, "scandir", list_then_vanish)
    assert fingerprint(folder) == expected


class _Entries(list):
    """os.scandir's result is a context manager; a list of its entries, listed earlier, is too."""

    def __enter__(self) -> _Entries:
        return self

    def __exit__(self, *exc: object) -> None:
        return None
