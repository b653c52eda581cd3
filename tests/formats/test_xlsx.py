"""XLSX: one workbook with a sheet per section, alone or in a folder of its own."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl

from dashboard.records import TABLES, Kind


def _workbook(mini, path: Path, sheet_name=str.lower) -> Path:
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


def test_xlsx_workbook_with_one_sheet_per_table(load_clean, tmp_path: Path, mini) -> None:
    path = _workbook(mini, tmp_path / "mini.xlsx")
    published = openpyxl.load_workbook(path)["sources"]["D2"]
    assert (published.value, published.is_date) == (datetime(2024, 11, 2), True)
    assert load_clean(path) == mini.document()


def test_folder_holding_only_a_workbook_reads_the_workbook(load_clean, mini, tmp_path: Path) -> None:
    folder = tmp_path / "mini"
    folder.mkdir()
    _workbook(mini, folder / "mini.xlsx", sheet_name=str.capitalize)  # sheet names as Excel users
    assert load_clean(folder) == mini.document()
