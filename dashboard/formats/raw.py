"""The raw tables every reader produces: cells as the analyst wrote them, each row pinned to its line.

Nothing here judges values; `dashboard/validate.py` does. The helpers are the parts every format
shares: turning a parsed value into a cell, a list of records into a frame, and naming unknown fields;
`Format` is what one format can read and write.
"""

from __future__ import annotations

import reprlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.briefing import Briefing
from dashboard.formats import limits
from dashboard.problems import Problems, suggest
from dashboard.records import TableSpec

LIST_SEPARATOR = ";"  # between the items of a list cell in CSV and XLSX


class Nested:
    """A cell that holds a structure where one value belongs (a mapping in a text field, say)."""

    def __init__(self, what: str) -> None:
        self.what = what

    def __repr__(self) -> str:
        return f"Nested({self.what})"


Cell = str | list[str] | Nested | None


@dataclass
class RawTable:
    spec: TableSpec
    file: str
    sheet: str = ""
    frame: pd.DataFrame = field(default_factory=pd.DataFrame)  # known fields + "_line"
    field_lines: dict[tuple[int, str], int] = field(default_factory=dict)  # (row, field) -> line


@dataclass
class RawBriefing(Problems):
    """What the readers made of a briefing's files, and the problems they found on the way."""

    root: str
    meta: dict[str, Cell] | None = None
    meta_file: str = ""
    meta_line: int | None = None
    meta_reported: bool = False  # no metadata, and a problem already says why (file unreadable, ...)
    tables: dict[str, RawTable] = field(default_factory=dict)


@dataclass(frozen=True)
class Format:
    """One file format: how it reads and writes a table file, and a whole briefing in one file,
    where it can. A format that reads a kind of file writes it too, and the other way round."""

    name: str  # as the analyst calls the format: "YAML", "an .xlsx workbook"
    read_table: Callable[[Path, TableSpec, RawBriefing], RawTable] | None = None
    read_document: Callable[[Path, RawBriefing], None] | None = None
    write_table: Callable[[Briefing, TableSpec, Path], None] | None = None
    write_document: Callable[[Briefing, Path], None] | None = None


def _scalar(value: Any) -> Cell:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bytes):  # a Parquet binary column
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return Nested("bytes that are not UTF-8 text")
    return str(value)


def _list(value: list[Any] | tuple[Any, ...]) -> Cell:
    # Items are looked at one level down only: a list nested a thousand deep is still just
    # "a nested list", and must not recurse a thousand times to find that out.
    if any(isinstance(v, list | tuple | dict) or getattr(v, "ndim", 0) for v in value):
        return Nested("a nested list")
    items = [to_cell(v) for v in value]
    unreadable = next((i for i in items if isinstance(i, Nested)), None)  # bytes, not text
    return unreadable or [i for i in items if isinstance(i, str)]


def to_cell(value: Any) -> Cell:
    """A value from JSON, XLSX or Parquet as the text the analyst meant."""
    if value is None or (isinstance(value, float) and value != value):  # NaN
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return _list(value)
    if hasattr(value, "tolist"):  # numpy arrays from Parquet list columns
        return to_cell(value.tolist())
    if isinstance(value, dict):
        return Nested("a mapping")
    return _scalar(value)


def frame_of(records: list[dict[str, Cell]], lines: list[int], spec: TableSpec) -> pd.DataFrame:
    frame = (
        pd.DataFrame.from_records(records, columns=list(spec.field_names))
        if records
        else (pd.DataFrame(columns=list(spec.field_names)))
    )
    frame = frame.astype(object)
    frame["_line"] = pd.Series(lines, dtype="int64")
    return frame


def empty_table(spec: TableSpec, file: str, sheet: str = "") -> RawTable:
    return RawTable(spec, file, sheet, frame_of([], [], spec))


def _unknown_field(spec: TableSpec, key: str) -> str:
    return (
        f"{spec.name}: unknown field '{key:.60}'{suggest(key, spec.field_names)}; "
        f"fields are: {', '.join(spec.field_names)}"
    )


def _not_a_record(spec: TableSpec, item: object) -> str:
    # reprlib: a list nested deep, or a huge one, is shown by its start, not built whole.
    return f"{spec.name}: expected a record (an object), found {reprlib.repr(item):.40}"


def repeated(names: list[str]) -> list[str]:
    """The names given more than once, each once, in the order they first appear; linear in the
    names (a header of 100,000 columns counted each against all the others for minutes)."""
    return [name for name, count in Counter(names).items() if count > 1]


def too_many(
    count: int, limit: int, what: str, spec: TableSpec, name: str, raw: RawBriefing, sheet: str = ""
) -> bool:
    """A problem if a table has more rows (or columns) than a briefing table may: it is not read."""
    if count <= limit:
        return False
    raw.error(
        name,
        None,
        f"{spec.name}: more than {limit:,} {what} (a briefing table holds at most "
        f"{limits.MAX_ROWS:,} records of {len(spec.fields)} fields): the table is not read; "
        "split it, or check that this is the right file",
        sheet=sheet,
    )
    return True


def check_fields(
    raw: RawBriefing, spec: TableSpec, keys: list[str], file: str, line: int | None, sheet: str = ""
) -> None:
    for key in keys:
        if key not in spec.field_names:
            raw.error(
                file,
                line,
                partial(_unknown_field, spec, key),
                sheet=sheet,
                field=key,
                kind="unknown fields",
            )


def records_table(
    items: list[tuple[Any, int]], spec: TableSpec, name: str, raw: RawBriefing, sheet: str = ""
) -> RawTable:
    """Parsed records (JSON objects, workbook rows as mappings), each with its line, as a table."""
    records: list[dict[str, Cell]] = []
    lines: list[int] = []
    for item, line in items:
        if not isinstance(item, dict):
            raw.error(name, line, partial(_not_a_record, spec, item), sheet=sheet, kind="not records")
            continue
        for key in getattr(item, "repeated", ()):
            raw.error(
                name,
                line,
                f"field '{key:.60}' is given twice: the first value is kept",
                sheet=sheet,
                field=key,
                kind="fields given twice",
            )
        check_fields(raw, spec, [k for k in item if k not in spec.field_names], name, line, sheet)
        records.append({k: to_cell(v) for k, v in item.items() if k in spec.field_names})
        lines.append(line)
    return RawTable(spec, name, sheet, frame_of(records, lines, spec))
