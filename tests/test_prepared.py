"""A validated briefing kept on disk (dashboard/prepared.py): the same briefing and problems as reading
the files, and read again from the files whenever a file, the code or the kept copy is not what it was
made from."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from dashboard import prepared
from dashboard.load import load_briefing

TABLES = ("actors", "issues", "sources", "quotes", "positions", "blocs", "quote_issues", "evidence")


def broken(tmp_path: Path, mini) -> Path:
    """The mini briefing with an actor of no kind and a position on an unknown issue."""
    tables = mini.tables()
    tables["actors"].append({"id": "nameless", "name": "Nameless"})
    tables["positions"][0]["issue"] = "no-such-issue"
    return mini.folder(tmp_path / "mini", tables)


def same(left, right) -> None:
    assert left.meta == right.meta
    for table in TABLES:
        pd.testing.assert_frame_equal(getattr(left, table), getattr(right, table))


def test_a_kept_briefing_is_the_one_the_files_give_with_every_problem(
    tmp_path: Path, mini, kept: Path, reads: list[Path]
) -> None:
    folder = broken(tmp_path, mini)
    expected, expected_problems = load_briefing(folder)
    assert expected_problems, "the briefing is meant to have problems"
    first = prepared.load_prepared(folder)
    second = prepared.load_prepared(folder)
    assert reads == [folder]  # the second came from the prepared folder
    assert len(list(kept.glob("*.briefing"))) == 1
    for briefing, problems in (first, second):
        same(briefing, expected)
        assert [str(p) for p in problems] == [str(p) for p in expected_problems]


def test_a_changed_file_is_read_again(tmp_path: Path, mini, kept: Path, reads: list[Path]) -> None:
    folder = mini.folder(tmp_path / "mini")
    before, _ = prepared.load_prepared(folder)
    tables = mini.tables()
    tables["actors"][0]["name"] = "Renamed"
    mini.folder(folder, tables)
    stamp = (folder / "actors.yaml").stat().st_mtime_ns + 1_000_000_000  # a clock that did not tick
    os.utime(folder / "actors.yaml", ns=(stamp, stamp))
    after, _ = prepared.load_prepared(folder)
    assert reads == [folder, folder]
    assert "Renamed" in after.actors["name"].tolist()
    assert "Renamed" not in before.actors["name"].tolist()


def test_a_new_file_is_read_again(tmp_path: Path, mini, kept: Path, reads: list[Path]) -> None:
    tables = mini.tables()
    blocs = [{"id": "pair", "name": "A pair", "members": ["norway", "united-states"]}]
    folder = mini.folder(tmp_path / "mini", tables)
    assert prepared.load_prepared(folder)[0].blocs.empty
    (folder / "blocs.yaml").write_text(mini.yaml(blocs), encoding="utf-8")
    assert prepared.load_prepared(folder)[0].blocs["id"].tolist() == ["pair"]
    assert len(reads) == 2


def test_other_code_reads_the_files_again(
    tmp_path: Path, mini, kept: Path, reads: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = mini.folder(tmp_path / "mini")
    prepared.load_prepared(folder)
    monkeypatch.setattr(prepared, "code_digest", lambda: "another version of the code")
    prepared.load_prepared(folder)
    prepared.load_prepared(folder)
    assert reads == [folder, folder]  # once for each version of the code


def test_the_digest_reads_every_module_a_load_runs(tmp_path: Path, mini) -> None:
    """Every module of the package a process has imported once it has loaded, validated and kept a
    briefing (in every format) is one the digest reads; a view or the drafting is not."""
    folders = [mini.folder(tmp_path / fmt, fmt=fmt) for fmt in ("yaml", "json", "csv")]
    script = (
        "import sys, os\n"
        "from pathlib import Path\n"
        "from dashboard import prepared\n"
        "prepared.KEEP_AFTER_SECONDS = 0\n"
        "for folder in sys.argv[1:]:\n"
        "    prepared.load_prepared(Path(folder))\n"
        "print('\\n'.join(m.__file__ for n, m in sys.modules.items() if n.startswith('dashboard')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, *map(str, folders)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "DASHBOARD_PREPARED": str(tmp_path / "prepared")},
    )
    imported = {Path(line) for line in done.stdout.split()}
    read = prepared.loading_modules()
    assert imported - read == set()
    assert {prepared.PACKAGE / "validate.py", prepared.PACKAGE / "formats" / "parquet.py"} <= read
    assert prepared.PACKAGE / "views" / "matrix.py" not in read
    assert prepared.PACKAGE / "extract" / "speakers.py" not in read
    assert len(prepared.code_digest()) == 64


@pytest.mark.parametrize("damage", ["cut", "header", "writable"])
def test_a_damaged_or_foreign_copy_is_never_used(
    tmp_path: Path, mini, kept: Path, reads: list[Path], damage: str
) -> None:
    folder = mini.folder(tmp_path / "mini")
    expected, _ = prepared.load_prepared(folder)
    (copy,) = kept.glob("*.briefing")
    if damage == "cut":
        copy.write_bytes(copy.read_bytes()[:-200])
    elif damage == "header":
        copy.write_bytes(b'{"format": 1}\n' + copy.read_bytes().split(b"\n", 1)[1])
    else:  # anyone could have written it: pickle would run their code
        copy.chmod(0o666)
    briefing, _ = prepared.load_prepared(folder)
    assert reads == [folder, folder]
    same(briefing, expected)


def test_off_keeps_nothing(tmp_path: Path, mini, monkeypatch: pytest.MonkeyPatch, reads: list[Path]) -> None:
    monkeypatch.setenv("DASHBOARD_PREPARED", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(prepared, "KEEP_AFTER_SECONDS", 0.0)
    folder = mini.folder(tmp_path / "mini")
    prepared.load_prepared(folder)
    prepared.load_prepared(folder)
    assert reads == [folder, folder]
    assert not (tmp_path / "cache").exists()


def test_a_quick_load_is_not_kept(tmp_path: Path, mini, monkeypatch: pytest.MonkeyPatch) -> None:
    where = tmp_path / "prepared"
    monkeypatch.setenv("DASHBOARD_PREPARED", str(where))
    monkeypatch.setattr(prepared, "KEEP_AFTER_SECONDS", 3600.0)
    prepared.load_prepared(mini.folder(tmp_path / "mini"))
    assert not where.exists()


def test_the_folder_is_private(tmp_path: Path, mini, kept: Path) -> None:
    prepared.load_prepared(mini.folder(tmp_path / "mini"))
    assert kept.stat().st_mode & 0o777 == 0o700
    (copy,) = kept.glob("*.briefing")
    assert copy.stat().st_mode & 0o777 == 0o600


def test_a_copy_of_a_briefing_that_is_gone_is_deleted(tmp_path: Path, mini, kept: Path) -> None:
    gone = mini.folder(tmp_path / "gone")
    prepared.load_prepared(gone)
    for table in gone.iterdir():
        table.unlink()
    gone.rmdir()
    prepared.load_prepared(mini.folder(tmp_path / "here"))
    (copy,) = kept.glob("*.briefing")
    assert str((tmp_path / "here").resolve()) in copy.read_bytes().split(b"\n", 1)[0].decode()
