"""Checking a briefing only ever reads it: no file of the corpus changes, and no file appears."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.__main__ import main


def _snapshot(root: Path) -> dict[str, tuple[int, bytes] | None]:
    """Every path under root; a file with its modification time and bytes, a folder with None."""
    return {
        str(path.relative_to(root)): (path.stat().st_mtime_ns, path.read_bytes()) if path.is_file() else None
        for path in sorted(root.rglob("*"))
    }


@pytest.mark.slow
def test_check_leaves_every_file_of_the_corpus_as_it_was(
    corpus_case,
    corpus_names: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths = [f"{name}/{corpus_case(name)['path']}" for name in corpus_names]  # copies each case
    monkeypatch.chdir(tmp_path)
    before = _snapshot(tmp_path)
    assert any(key.endswith(".xlsx") for key in before)  # the workbooks were built: they count too

    assert main(["check", *paths]) == 1

    assert capsys.readouterr().out.splitlines()[-1].startswith(f"{len(paths)} briefings checked: ")
    after = _snapshot(tmp_path)
    assert sorted(after) == sorted(before), "a file appeared or vanished"
    changed = [path for path in before if after[path] != before[path]]
    assert changed == []
