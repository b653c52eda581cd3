"""What every format's tests share: problems name files relative to the working folder, and a
briefing that must load with no problem at all, compared as canonical JSON."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dashboard.formats.json import canonical
from dashboard.load import load_briefing


@pytest.fixture(autouse=True)
def _relative_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Problems name files relative to the working folder, as the analyst typed them."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def load_clean() -> Callable[[Path], dict]:
    """Loads a briefing that must have no problem at all; returns it as canonical JSON."""

    def load(path: Path) -> dict:
        briefing, problems = load_briefing(path)
        assert [str(p) for p in problems] == []
        return canonical(briefing)

    return load


def _workbook(mini: Any, path: Path, sheet_name: Callable[[str], str] = str.lower) -> Path:
    """The mini briefing as a workbook (tests/support/briefings.py), dates as date cells."""
    return Path(mini.workbook(path, sheet_name=sheet_name))


@pytest.fixture
def workbook() -> Callable[..., Path]:
    """Writes the mini briefing as a workbook: workbook(mini, path, sheet_name=str.lower)."""
    return _workbook
