"""XLSX: one workbook holding the whole briefing, a sheet per section (briefing, actors, ...)."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path
from typing import Any

from dashboard.briefing import Briefing
from dashboard.formats import limits
from dashboard.formats.plain import cell_text, meta_of, records_of, written_tables
from dashboard.formats.raw import (
    LIST_SEPARATOR,
    Format,
    RawBriefing,
    check_fields,
    empty_table,
    records_table,
    repeated,
    to_cell,
)
from dashboard.formats.text import too_large
from dashboard.problems import display_path, suggest
from dashboard.records import SECTIONS, TABLE_BY_NAME, Kind, TableSpec


class _TooBig(Exception):
    """A sheet past a bound: the message says which."""


def _rows(sheet: Any, last: int | None) -> list[tuple[Any, ...]]:
    """The header row and the rows below it up to `last`, no wider than the header's last filled
    cell; a blank row is () and keeps its place, so row numbers hold. Raises _TooBig as soon as the
    sheet is wider, longer or larger than a briefing table may be.

    openpyxl pads every row to the sheet's widest: one stray cell at XFD1048576, Excel's last,
    would make a million rows of 16,384 cells each.
    """
    header = next(sheet.iter_rows(max_row=1, values_only=True), None)
    if header is None:
        return []
    width = max((n + 1 for n, v in enumerate(header) if v is not None and str(v).strip()), default=1)
    if width > limits.MAX_COLUMNS:
        raise _TooBig(f"more than {limits.MAX_COLUMNS:,} columns")
    # Blank rows cost openpyxl next to nothing (it makes them up, there is no XML for them), so
    # only filled rows count: a stray cell in Excel's last row, 1,048,576, is still read.
    most, filled = min(limits.MAX_ROWS, limits.MAX_SHEET_CELLS // width), 0
    rows = [header[:width]]
    for row in sheet.iter_rows(min_row=2, max_row=last, max_col=width, values_only=True):
        blank = row.count(None) == len(row)  # in C: a stray far cell makes a million blank rows
        filled += not blank
        if filled > most:
            raise _TooBig(
                f"more than {most:,} rows of {width} columns (at most "
                f"{limits.MAX_SHEET_CELLS:,} cells and {limits.MAX_ROWS:,} rows)"
            )
        rows.append(() if blank else row)
    return rows


def _unpacks_within_bounds(path: Path, name: str, raw: RawBriefing) -> bool:
    """False, with a problem, if the workbook (a zip) unpacks to more than a briefing may, or any
    large part of it to far more than its packed size: a zip bomb. Read from the zip's index, before
    anything is unpacked; zipfile stops at the size the index gives, so the index cannot lie."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return True  # openpyxl says what is wrong with it, in the words it always has
    if too_large(
        sum(e.file_size for e in entries),
        limits.MAX_UNPACKED_BYTES,
        name,
        raw,
        ": not read (a workbook saved by a spreadsheet program is far smaller)",
        "the workbook once unzipped",
    ):
        return False
    for entry in entries:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > limits.MiB and ratio > limits.MAX_EXPANSION:
            raw.error(
                name,
                None,
                f"the workbook's part {entry.filename[:60]} unpacks from "
                f"{limits.size(entry.compress_size)} to {limits.size(entry.file_size)} "
                f"({ratio:,.0f} times; a spreadsheet expands at most "
                f"{limits.MAX_EXPANSION} times): not read, as a zip bomb would be",
            )
            return False
    return True


def _record(header: list[str], row: tuple[Any, ...], spec: TableSpec) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for key, value in zip(header, row, strict=False):
        if not key or key in record:  # a column given twice: the first stands, as in CSV
            continue
        if key in spec.field_names and spec.field(key).kind in (Kind.LIST, Kind.REFS):
            text = "" if value is None else str(value)
            value = [v.strip() for v in text.split(LIST_SEPARATOR) if v.strip()]
        elif isinstance(value, str):
            value = value.strip() or None
        record[key] = value
    return record


def _meta(rows: list[tuple[Any, ...]], name: str, sheet: str, raw: RawBriefing) -> None:
    raw.meta_file = f"{name}[{sheet}]"
    if len(rows) < 2:
        raw.error(name, None, "briefing: expected a header row and one row of values", sheet=sheet)
        raw.meta_reported = True
        return
    header = [str(h).strip() if h is not None else "" for h in rows[0]]
    raw.meta = {k: to_cell(v) for k, v in zip(header, rows[1], strict=False) if k}
    raw.meta_line = 2


def _table(rows: list[tuple[Any, ...]], spec: TableSpec, name: str, sheet: str, raw: RawBriefing) -> None:
    if not rows:
        raw.warning(name, None, f"{spec.name}: the sheet is empty", sheet=sheet)
        raw.tables[spec.name] = empty_table(spec, name, sheet)
        return
    header = [str(h).strip() if h is not None else "" for h in rows[0]]
    # An unknown column is reported once, at the header row, as for CSV; not on every row.
    unknown = [h for h in header if h and h not in spec.field_names]
    check_fields(raw, spec, unknown, name, 1, sheet)
    for h in repeated([h for h in header if h]):
        raw.error(name, 1, f"{spec.name}: column '{h}' appears twice in the header", sheet=sheet)
    header = [h if h in spec.field_names else "" for h in header]
    items = []
    for number, row in enumerate(rows[1:], start=2):
        if not row or all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
            continue
        items.append((_record(header, row, spec), number))
    raw.tables[spec.name] = records_table(items, spec, name, raw, sheet)


def _section(workbook: Any, section: str, sheet: str, name: str, raw: RawBriefing) -> None:
    # openpyxl reads a read-only sheet's XML only when its rows are asked for, and raises many types
    # for a broken one (KeyError, XML ParseError, ...); every one means the same here.
    try:
        rows = _rows(workbook[sheet], 2 if section == "briefing" else None)
    except _TooBig as exc:
        message = (
            f"{section}: {exc}: the sheet is not read; split it, or check that this is the right workbook"
        )
    except Exception as exc:
        message = f"cannot read the sheet ({exc}): save it as .xlsx from Excel"
    else:
        if section == "briefing":
            _meta(rows, name, sheet, raw)
        else:
            _table(rows, TABLE_BY_NAME[section], name, sheet, raw)
        return
    raw.error(name, None, message, sheet=sheet)
    raw.meta_reported |= section == "briefing"
    if section in TABLE_BY_NAME:
        raw.tables[section] = empty_table(TABLE_BY_NAME[section], name, sheet)


def _opens_within_bounds(path: Path, name: str, raw: RawBriefing) -> bool:
    try:
        packed = path.stat().st_size
    except OSError as exc:
        raw.error(name, None, f"cannot read file: {exc.strerror or exc}")
        return False
    return not too_large(packed, limits.MAX_FILE_BYTES, name, raw, "") and (
        _unpacks_within_bounds(path, name, raw)
    )


def read_document(path: Path, raw: RawBriefing) -> None:
    import openpyxl

    name = display_path(path)
    if not _opens_within_bounds(path, name, raw):
        raw.meta_reported = True
        return
    # openpyxl raises many types for a broken file (BadZipFile, KeyError, XML ParseError, ...).
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raw.error(name, None, f"cannot open the workbook ({exc}): save it as .xlsx from Excel")
        raw.meta_reported = True
        return
    try:
        sheets = {s.lower(): s for s in workbook.sheetnames}
        for sheet_key, sheet_name in sheets.items():
            if sheet_key not in SECTIONS:
                raw.warning(
                    name,
                    None,
                    f"sheet '{sheet_name}' is not a briefing table{suggest(sheet_key, SECTIONS)} "
                    "and is ignored",
                )
        for section in SECTIONS:
            if section in sheets:
                _section(workbook, section, sheets[section], name, raw)
    finally:
        workbook.close()


# ------------------------------------------------------------------------------------------ writing


def write_document(briefing: Briefing, path: Path) -> None:
    """A sheet per section: the metadata as a header row and a row of values, then each table."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "briefing"
    meta = meta_of(briefing)
    sheet.append(list(meta))
    _append_text_row(sheet, [v.isoformat() if isinstance(v, date) else v for v in meta.values()])
    for spec in written_tables(briefing):
        sheet = workbook.create_sheet(spec.name)
        sheet.append(list(spec.field_names))
        for record in records_of(briefing, spec):
            _append_text_row(sheet, [cell_text(record.get(f.name)) or None for f in spec.fields])
    workbook.save(path)


def _append_text_row(sheet: Any, values: list[Any]) -> None:
    """Append a row whose cells are text: openpyxl would store '=...' as a formula, which reads
    back empty (and would run in Excel)."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"


FORMAT = Format("an .xlsx workbook", read_document=read_document, write_document=write_document)
