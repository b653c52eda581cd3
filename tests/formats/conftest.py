"""What every format's tests share: problems name files relative to the working folder, and a
briefing that must load with no problem at all, compared as canonical JSON."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from dashboard.load import load_briefing
from dashboard.records import TABLES, Kind
from dashboard.write import canonical


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
    """The mini briefing as a workbook: a briefing sheet, one sheet per table, lists as 'a; b',
    and dates as Excel writes them, date cells (which openpyxl reads back as datetimes)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = sheet_name("briefing")
    sheet.append(list(mini.meta))
    sheet.append(list(mini.meta.values()))
    for spec in TABLES:
        sheet = workbook.create_sheet(sheet_name(spec.name))
        sheet.append(list(spec.field_names))
        for record in mini.tables()[spec.name]:
            values = (record.get(f.name) for f in spec.fields)
            sheet.append([
                "; ".join(v) if isinstance(v, list)
                else datetime.fromisoformat(v) if f.kind is Kind.DATE and v else v
                for f, v in zip(spec.fields, values, strict=True)
            ])
    workbook.save(path)
    return path


@pytest.fixture
def workbook() -> Callable[..., Path]:
    """Writes the mini briefing as a workbook: workbook(mini, path, sheet_name=str.lower)."""
    return _workbook
