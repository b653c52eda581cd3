"""CSV: one table file, a header line of field names, list cells with items separated by ';'."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from dashboard.briefing import Briefing
from dashboard.formats import limits
from dashboard.formats.plain import cell_text, records_of
from dashboard.formats.raw import (
    LIST_SEPARATOR,
    Cell,
    Format,
    RawBriefing,
    RawTable,
    check_fields,
    empty_table,
    frame_of,
    repeated,
    too_many,
)
from dashboard.formats.text import read_text
from dashboard.problems import display_path
from dashboard.records import Kind, TableSpec

_MAX_REREADS = 20  # unclosed CSV quotes read past before the rest of a file is given up on
# A quote may be long (a whole speech); the csv module's default cap of 128 KiB per cell would end the
# file at the first long one. The limit is process-wide, and a C long on every platform.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def _record(header: list[str], row: list[str], kinds: dict[str, Kind]) -> dict[str, Cell]:
    record: dict[str, Cell] = {}
    for key, value in zip(header, row, strict=True):
        if key not in kinds or key in record:  # a column given twice: the first stands
            continue
        value = value.strip()
        if kinds[key] in (Kind.LIST, Kind.REFS):
            record[key] = [v.strip() for v in value.split(LIST_SEPARATOR) if v.strip()]
        else:
            record[key] = value or None
    return record


def _header(
    rows: Iterator[tuple[int, list[str]]], spec: TableSpec, name: str, raw: RawBriefing
) -> list[str] | None:
    try:
        _, header = next(rows, (1, None))
    except csv.Error as exc:
        raw.error(name, 1, f"cannot parse CSV header: {exc}")
        return None
    if not header or not any(h.strip() for h in header):
        raw.warning(name, None, f"{spec.name}: the file is empty (expected a header line)")
        return None
    if too_many(len(header), limits.MAX_COLUMNS, "columns", spec, name, raw):
        return None
    header = [h.strip() for h in header]
    check_fields(raw, spec, [h for h in header if h and h not in spec.field_names], name, 1)
    for h in repeated(header):
        raw.error(name, 1, f"{spec.name}: column '{h}' appears twice in the header")
    return header


def csv_table(text: str, spec: TableSpec, name: str, raw: RawBriefing) -> RawTable:
    table = empty_table(spec, name)
    rows = _rows(text, spec, name, raw)
    header = _header(rows, spec, name, raw)
    if header is None:
        return table
    kinds = {f.name: f.kind for f in spec.fields}
    records: list[dict[str, Cell]] = []
    lines: list[int] = []
    # Rows are only counted where the file has more lines than a table may have rows.
    counted = text.count("\n") >= limits.MAX_ROWS
    for number, (line, row) in enumerate(rows, start=1):
        if counted and too_many(number, limits.MAX_ROWS, "rows", spec, name, raw):
            return table
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raw.error(
                name,
                line,
                f"{spec.name}: row has {len(row)} cells but the header has {len(header)}: "
                "check for a missing or extra comma (quote cells that contain commas)",
                kind="rows of the wrong width",
            )
            continue
        records.append(_record(header, row, kinds))
        lines.append(line)
    table.frame = frame_of(records, lines, spec)
    return table


def _rows(text: str, spec: TableSpec, name: str, raw: RawBriefing) -> Iterator[tuple[int, list[str]]]:
    """Rows with the line each starts on. Only the header's csv.Error is raised; a later one ends
    the file with a problem.

    A quote left open takes every line after it into one cell. The csv module accepts that at the
    end of the file without a word, so a row that ends there is read again strictly: if its quote
    never closes, the row is reported and reading starts over on the line after the one it began.
    """
    offset, rest, rereads = 0, text, 0  # lines before `rest`; the text still to read
    while True:
        buffer = io.StringIO(rest, newline="")
        reader = csv.reader(buffer)
        while True:
            line, begins = offset + reader.line_num + 1, buffer.tell()
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                if line == 1:
                    raise
                raw.error(name, offset + reader.line_num, f"cannot parse CSV: {exc}")
                return
            if buffer.tell() == len(rest) and _quote_left_open(rest[begins:]):
                if line == 1:  # the header: there is no line after it to start again on
                    raise csv.Error('a quote (") opened in the header is never closed')
                break
            yield line, row
        rereads += 1
        end = offset + reader.line_num
        swallowed = f", so lines {line}-{end} were read as one cell" if end > line else ""
        raw.error(
            name,
            line,
            f'{spec.name}: a quote (") opened on this row is never closed{swallowed}: close the quote',
        )
        if rereads == _MAX_REREADS:
            raw.error(
                name, line, f"{spec.name}: {_MAX_REREADS} quotes left open; the rest of the file is not read"
            )
            return
        first_line_ends = rest.find("\n", begins)  # \r\n ends with \n too; a lone \r is rare
        if first_line_ends < 0:
            return
        offset, rest = line, rest[first_line_ends + 1 :]


def _quote_left_open(row_text: str) -> bool:
    try:
        next(csv.reader(io.StringIO(row_text, newline=""), strict=True), None)
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def read_table(path: Path, spec: TableSpec, raw: RawBriefing) -> RawTable:
    text = read_text(path, raw)
    name = display_path(path)
    return empty_table(spec, name) if text is None else csv_table(text, spec, name, raw)


def write_table(briefing: Briefing, spec: TableSpec, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(spec.field_names)
        for record in records_of(briefing, spec):
            writer.writerow([cell_text(record.get(f.name)) for f in spec.fields])


FORMAT = Format("CSV", read_table, write_table=write_table)
