"""XLSX: one workbook with a sheet per section, alone or in a folder of its own."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl


def test_xlsx_workbook_with_one_sheet_per_table(workbook, load_clean, tmp_path: Path, mini) -> None:
    path = workbook(mini, tmp_path / "mini.xlsx")
    published = openpyxl.load_workbook(path)["sources"]["D2"]
    assert (published.value, published.is_date) == (datetime(2024, 11, 2), True)
    assert load_clean(path) == mini.document()


def test_folder_holding_only_a_workbook_reads_the_workbook(
    workbook, load_clean, mini, tmp_path: Path
) -> None:
    folder = tmp_path / "mini"
    folder.mkdir()
    workbook(mini, folder / "mini.xlsx", sheet_name=str.capitalize)  # sheet names as Excel users
    assert load_clean(folder) == mini.document()
