"""Read briefing files of any supported format into raw tables, pinning every record to its line.

Reading never stops at the first problem: a broken record is reported and set aside, the rest are read.
Nothing here judges values; that is `validate.py`'s job. YAML is only ever composed, never constructed,
so no tag can run code and no alias can expand.
"""

from __future__ import annotations

import csv
import io
import json
import re
import reprlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from dashboard.problems import Problem, Severity, suggest
from dashboard.records import META_FIELDS, SECTIONS, TABLE_BY_NAME, TABLES, Kind, TableSpec

TABLE_SUFFIXES = (".yaml", ".yml", ".json", ".csv", ".parquet")
LIST_SEPARATOR = ";"
_YAML_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_YAML_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}
_MAX_NODES = 2_000_000  # a briefing file with more YAML nodes than this is refused rather than parsed
_MAX_REREADS = 20  # unclosed CSV quotes read past before the rest of a file is given up on
_SURROGATE = re.compile(r"[\ud800-\udfff]")  # half of a UTF-16 pair: not a character
# A quote may be long (a whole speech); the csv module's default cap of 128 KiB per cell would end the
# file at the first long one. The limit is process-wide, and a C long on every platform.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


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
class RawBriefing:
    root: str
    meta: dict[str, Cell] | None = None
    meta_file: str = ""
    meta_line: int | None = None
    meta_reported: bool = False  # no metadata, and a problem already says why (file unreadable, ...)
    tables: dict[str, RawTable] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def problem(
        self, file: str, line: int | None, message: str, *, sheet: str = "", field: str = ""
    ) -> None:
        self.problems.append(Problem(file, line, Severity.ERROR, message, sheet, field))

    def warning(self, file: str, line: int | None, message: str, *, sheet: str = "") -> None:
        self.problems.append(Problem(file, line, Severity.WARNING, message, sheet))


def display_path(path: Path) -> str:
    """The path as the analyst typed it, relative to the working folder when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


# ---------------------------------------------------------------------------------------------- text


def read_text(path: Path, raw: RawBriefing) -> str | None:
    name = display_path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raw.problem(name, None, f"cannot read file: {exc.strerror or exc}")
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raw.problem(name, None, "file is UTF-16 text: save it as UTF-8")
        return None
    if b"\x00" in data[:2] and len(data) > 1:
        # UTF-16 with no byte order mark: an ASCII first character comes with a zero byte.
        raw.problem(name, None, "file is UTF-16 text (without a byte order mark): save it as UTF-8")
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raw.problem(
            name,
            line,
            f"byte 0x{data[exc.start]:02x} is not UTF-8 (the file looks like Latin-1 or "
            "Windows-1252): save it as UTF-8",
        )
        return None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raw.problem(name, line, "file contains a NUL character: it is not a text file")
        return None
    return text


def _cell(value: Any) -> Cell:
    """A value from JSON, XLSX or Parquet as the text the analyst meant."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list | tuple):
        # Items are looked at one level down only: a list nested a thousand deep is still just
        # "a nested list", and must not recurse a thousand times to find that out.
        if any(isinstance(v, list | tuple | dict) or getattr(v, "ndim", 0) for v in value):
            return Nested("a nested list")
        items = [_cell(v) for v in value]
        unreadable = next((i for i in items if isinstance(i, Nested)), None)  # bytes, not text
        return unreadable or [i for i in items if isinstance(i, str)]
    if hasattr(value, "tolist"):  # numpy arrays from Parquet list columns
        return _cell(value.tolist())
    if isinstance(value, dict):
        return Nested("a mapping")
    if isinstance(value, bytes):  # a Parquet binary column
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return Nested("bytes that are not UTF-8 text")
    return str(value)


def _frame(records: list[dict[str, Cell]], lines: list[int], spec: TableSpec) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records, columns=list(spec.field_names)) if records else (
        pd.DataFrame(columns=list(spec.field_names))
    )
    frame = frame.astype(object)
    frame["_line"] = pd.Series(lines, dtype="int64")
    return frame


def _check_fields(
    raw: RawBriefing, spec: TableSpec, keys: list[str], file: str, line: int | None, sheet: str = ""
) -> None:
    for key in keys:
        if key not in spec.field_names:
            raw.problem(
                file,
                line,
                f"{spec.name}: unknown field '{key:.60}'{suggest(key, spec.field_names)}; "
                f"fields are: {', '.join(spec.field_names)}",
                sheet=sheet,
                field=key,
            )


# ---------------------------------------------------------------------------------------------- YAML


def _compose(text: str, name: str, raw: RawBriefing) -> yaml.Node | None:
    try:
        # The reader checks every character as it is made, so it is made inside the try.
        loader = yaml.SafeLoader(text)
    except yaml.reader.ReaderError as exc:
        raw.problem(name, text.count("\n", 0, exc.position) + 1,
                    f"cannot parse YAML: character #x{exc.character:04x} is not allowed in YAML "
                    "text (a control character pasted in?): remove it")
        return None
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        # PyYAML names the character with repr(): the message holds '\t', not a tab.
        hint = " (YAML does not allow tabs for indentation: use spaces)" if "'\\t'" in what or (
            "\t" in what
        ) else ""
        raw.problem(name, line, f"cannot parse YAML: {what}{hint}")
        return None
    except yaml.YAMLError as exc:
        raw.problem(name, None, f"cannot parse YAML: {exc}")
        return None
    except RecursionError:
        # PyYAML composes nested lists and mappings recursively; no briefing nests this deep.
        raw.problem(name, loader.get_mark().line + 1,
                    "cannot parse YAML: lists or mappings are nested too deeply")
        return None
    finally:
        loader.dispose()
    if node is None:
        return None
    return node if _safe_tree(node, name, raw) else None


def _safe_tree(root: yaml.Node, name: str, raw: RawBriefing) -> bool:
    """Refuse aliases (an alias bomb expands a few lines into billions) and tags that are not data.

    Text escaped as half of a surrogate pair ("\\ud800") is no character, and no later step could
    encode it: it is reported where it stands and read as U+FFFD.
    """
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, str]] = [(root, "")]  # node, the field it is the value of
    count = 0
    while stack:
        node, field = stack.pop()
        count += 1
        if id(node) in seen:
            raw.problem(
                name,
                node.start_mark.line + 1,
                "YAML anchors and aliases (&name / *name) are not supported: write the value out",
            )
            return False
        if count > _MAX_NODES:
            raw.problem(name, None, f"file has more than {_MAX_NODES:,} YAML values: split it")
            return False
        seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            raw.problem(
                name,
                node.start_mark.line + 1,
                f"YAML tag '{node.tag.replace(_YAML_TAG, '!!')}' is not allowed: "
                "briefing files hold plain text, lists and mappings only",
            )
            return False
        if isinstance(node, yaml.ScalarNode) and not node.value.isascii():
            node.value = _lone_surrogates(node.value, name, node.start_mark.line + 1, field, raw)
        if isinstance(node, yaml.SequenceNode):
            stack.extend((item, field) for item in node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend(((key, field), (value, _key(key))))
    return True


def _lone_surrogates(text: str, name: str, line: int, field: str, raw: RawBriefing) -> str:
    found = _SURROGATE.search(text)
    if found is None:
        return text
    where = f"in '{field:.60}': " if field else ""
    raw.problem(name, line, f"{where}'\\u{ord(found.group()):04x}' is half of a surrogate pair, not a "
                "character: write the character itself", field=field)
    return _SURROGATE.sub("\ufffd", text)


def _key(node: yaml.Node) -> str:
    """A mapping key as text; a list or mapping used as a key (`? [a, b]`) is no field name."""
    return node.value if isinstance(node, yaml.ScalarNode) else "?"


def _yaml_cell(node: yaml.Node) -> Cell:
    if isinstance(node, yaml.ScalarNode):
        return None if node.tag == _YAML_TAG + "null" else node.value
    if isinstance(node, yaml.SequenceNode):
        items: list[str] = []
        for item in node.value:
            if not isinstance(item, yaml.ScalarNode):
                return Nested("a nested list or mapping")
            if item.tag != _YAML_TAG + "null":
                items.append(item.value)
        return items
    return Nested("a mapping")


def _yaml_mapping(
    node: yaml.MappingNode, name: str, raw: RawBriefing
) -> tuple[dict[str, Cell], dict[str, int]]:
    values: dict[str, Cell] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = _key(key_node)
        line = key_node.start_mark.line + 1
        if key in values:
            raw.problem(name, line, f"field '{key}' is given twice (first at line {lines[key]})")
            continue
        values[key] = _yaml_cell(value_node)
        lines[key] = line
    return values, lines


def _yaml_records(
    node: yaml.Node | None, spec: TableSpec, name: str, raw: RawBriefing
) -> RawTable:
    table = RawTable(spec, name)
    if isinstance(node, yaml.MappingNode) and len(node.value) == 1 and (
        node.value[0][0].value == spec.name
    ):
        node = node.value[0][1]  # `actors: [...]` as well as a bare list
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == _YAML_TAG + "null"):
        raw.warning(name, None, f"{spec.name}: the table is empty")
        table.frame = _frame([], [], spec)
        return table
    if not isinstance(node, yaml.SequenceNode):
        raw.problem(
            name,
            node.start_mark.line + 1,
            f"{spec.name}: expected a list of {spec.name} (lines starting with '- '), "
            f"found {_node_kind(node)}",
        )
        table.frame = _frame([], [], spec)
        return table
    records: list[dict[str, Cell]] = []
    lines: list[int] = []
    for item in node.value:
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.MappingNode):
            raw.problem(
                name,
                line,
                f"{spec.name}: expected a record of 'field: value' lines, found {_node_kind(item)}",
            )
            continue
        values, field_lines = _yaml_mapping(item, name, raw)
        for key in values:
            if key not in spec.field_names:
                _check_fields(raw, spec, [key], name, field_lines[key])
        row = len(records)
        for key, key_line in field_lines.items():
            table.field_lines[(row, key)] = key_line
        records.append({k: v for k, v in values.items() if k in spec.field_names})
        lines.append(line)
    table.frame = _frame(records, lines, spec)
    return table


def _node_kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        return f"the text '{node.value[:40]}'"
    return "a list" if isinstance(node, yaml.SequenceNode) else "a mapping"


# ---------------------------------------------------------------------------------------------- JSON


class _JsonObject(dict[str, Any]):
    """A JSON object with a key given twice: the first value stands (as in YAML), the key is kept
    to be reported. json itself would silently keep the last."""

    repeated: tuple[str, ...] = ()


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    record = dict(pairs)
    if len(record) == len(pairs):
        return record
    first = _JsonObject()
    repeated = []
    for key, value in pairs:
        if key in first:
            repeated.append(key)
        else:
            first[key] = value
    first.repeated = tuple(repeated)
    return first


# Numbers are kept as the digits written: a cell is text, and int() refuses more than 4,300 digits.
_JSON = json.JSONDecoder(parse_int=str, object_pairs_hook=_json_object)
_JSON_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|.)", re.DOTALL)
_JSON_GAP = re.compile(r"[ \t\r\n,:]*")


def _parse_json(text: str, name: str, raw: RawBriefing) -> tuple[str, Any] | None:
    """The text (with any lone surrogate escape made U+FFFD) and its document; None if unreadable."""
    text = _json_lone_surrogates(text, name, raw)
    try:
        return text, _JSON.decode(text)
    except json.JSONDecodeError as exc:
        raw.problem(name, exc.lineno, f"cannot parse JSON: {exc.msg} (column {exc.colno})")
    except RecursionError:
        raw.problem(name, None, "cannot parse JSON: lists or objects are nested too deeply")
    return None


def _json_lone_surrogates(text: str, name: str, raw: RawBriefing) -> str:
    """'\\ud800' escapes that are not half of a pair would give text no later step can encode.

    Each is reported at its line and replaced by the same-length '\\ufffd', so positions hold.
    """
    if "\\u" not in text:
        return text
    lone: list[re.Match[str]] = []
    high: re.Match[str] | None = None  # a first half waiting for its second
    for match in _JSON_ESCAPE.finditer(text):
        code = int(match[1], 16) if match[1] else 0
        if high is not None:
            if match.start() == high.end() and 0xDC00 <= code <= 0xDFFF:
                high = None
                continue
            lone.append(high)
            high = None
        if 0xD800 <= code <= 0xDBFF:
            high = match
        elif 0xDC00 <= code <= 0xDFFF:
            lone.append(match)
    if high is not None:
        lone.append(high)
    if not lone:
        return text
    pieces, last = [], 0
    for match in lone:
        raw.problem(name, text.count("\n", 0, match.start()) + 1,
                    f"'\\u{int(match[1], 16):04x}' is half of a surrogate pair, not a character: "
                    "write the character itself")
        pieces += [text[last:match.start()], "\\ufffd"]
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


def _past_gap(text: str, pos: int) -> int:
    """Past the whitespace, commas and colons between values of a document already known to parse."""
    gap = _JSON_GAP.match(text, pos)
    return gap.end() if gap else pos


def _json_items(text: str, start: int) -> Iterator[tuple[Any, int]]:
    """Items of the JSON list opening at text[start], each with the line it starts on (json itself
    keeps no lines). Lines are counted on from the last item, not from the top each time."""
    pos, length = start + 1, len(text)
    line, counted = text.count("\n", 0, pos) + 1, pos
    while True:
        pos = _past_gap(text, pos)
        if pos >= length or text[pos] == "]":
            return
        item, end = _JSON.raw_decode(text, pos)
        line += text.count("\n", counted, pos)
        counted = pos
        yield item, line
        pos = end


def _json_members(text: str) -> list[tuple[str, int]]:
    """Keys of the top-level JSON object, in order and repeats included, each with where its value
    starts in the text."""
    pos = _past_gap(text, text.index("{") + 1)
    members = []
    while pos < len(text) and text[pos] != "}":
        key, pos = _JSON.raw_decode(text, pos)
        pos = _past_gap(text, pos)
        members.append((key, pos))
        _, pos = _JSON.raw_decode(text, pos)
        pos = _past_gap(text, pos)
    return members


def _json_table(text: str, spec: TableSpec, name: str, raw: RawBriefing) -> RawTable:
    table = RawTable(spec, name)
    table.frame = _frame([], [], spec)
    if not text.strip():
        raw.warning(name, None, f"{spec.name}: the table is empty")  # as for YAML and CSV
        return table
    parsed = _parse_json(text, name, raw)
    if parsed is None:
        return table
    text, document = parsed
    start = len(text) - len(text.lstrip())
    if isinstance(document, dict) and set(document) == {spec.name}:
        start = _json_members(text)[0][1]
        document = document[spec.name]
    if not isinstance(document, list):
        raw.problem(name, 1, f"{spec.name}: expected a JSON list of records")
        return table
    return _records_table(list(_json_items(text, start)), spec, name, raw)


def _records_table(
    items: list[tuple[Any, int]], spec: TableSpec, name: str, raw: RawBriefing, sheet: str = ""
) -> RawTable:
    records: list[dict[str, Cell]] = []
    lines: list[int] = []
    for item, line in items:
        if not isinstance(item, dict):
            # reprlib: a list nested deep, or a huge one, is shown by its start, not built whole.
            raw.problem(name, line, f"{spec.name}: expected a record (an object), found "
                        f"{reprlib.repr(item):.40}")
            continue
        for key in getattr(item, "repeated", ()):
            raw.problem(name, line, f"field '{key:.60}' is given twice: the first value is kept",
                        sheet=sheet, field=key)
        _check_fields(raw, spec, [k for k in item if k not in spec.field_names], name, line, sheet)
        records.append({k: _cell(v) for k, v in item.items() if k in spec.field_names})
        lines.append(line)
    return RawTable(spec, name, sheet, _frame(records, lines, spec))


# ----------------------------------------------------------------------------------------------- CSV


def _csv_table(text: str, spec: TableSpec, name: str, raw: RawBriefing) -> RawTable:
    table = RawTable(spec, name, frame=_frame([], [], spec))
    rows = _csv_rows(text, spec, name, raw)
    try:
        _, header = next(rows, (1, None))
    except csv.Error as exc:
        raw.problem(name, 1, f"cannot parse CSV header: {exc}")
        return table
    if not header or not any(h.strip() for h in header):
        raw.warning(name, None, f"{spec.name}: the file is empty (expected a header line)")
        return table
    header = [h.strip() for h in header]
    _check_fields(raw, spec, [h for h in header if h and h not in spec.field_names], name, 1)
    for h in {h for h in header if header.count(h) > 1}:
        raw.problem(name, 1, f"{spec.name}: column '{h}' appears twice in the header")
    kinds = {f.name: f.kind for f in spec.fields}
    records: list[dict[str, Cell]] = []
    lines: list[int] = []
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raw.problem(
                name,
                line,
                f"{spec.name}: row has {len(row)} cells but the header has {len(header)}: "
                "check for a missing or extra comma (quote cells that contain commas)",
            )
            continue
        record: dict[str, Cell] = {}
        for key, value in zip(header, row, strict=True):
            if key not in kinds or key in record:  # a column given twice: the first stands
                continue
            value = value.strip()
            if kinds[key] in (Kind.LIST, Kind.REFS):
                record[key] = [v.strip() for v in value.split(LIST_SEPARATOR) if v.strip()]
            else:
                record[key] = value or None
        records.append(record)
        lines.append(line)
    table.frame = _frame(records, lines, spec)
    return table


def _csv_rows(
    text: str, spec: TableSpec, name: str, raw: RawBriefing
) -> Iterator[tuple[int, list[str]]]:
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
                raw.problem(name, offset + reader.line_num, f"cannot parse CSV: {exc}")
                return
            if buffer.tell() == len(rest) and _quote_left_open(rest[begins:]):
                if line == 1:  # the header: there is no line after it to start again on
                    raise csv.Error("a quote (\") opened in the header is never closed")
                break
            yield line, row
        rereads += 1
        end = offset + reader.line_num
        swallowed = f", so lines {line}-{end} were read as one cell" if end > line else ""
        raw.problem(name, line, f"{spec.name}: a quote (\") opened on this row is never "
                    f"closed{swallowed}: close the quote")
        if rereads == _MAX_REREADS:
            raw.problem(name, line, f"{spec.name}: {_MAX_REREADS} quotes left open; the rest of the "
                        "file is not read")
            return
        first_line_ends = rest.find("\n", begins)  # \r\n ends with \n too; a lone \r is rare
        if first_line_ends < 0:
            return
        offset, rest = line, rest[first_line_ends + 1:]


def _quote_left_open(row_text: str) -> bool:
    try:
        next(csv.reader(io.StringIO(row_text, newline=""), strict=True), None)
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


# ------------------------------------------------------------------------------------ XLSX, Parquet


def _xlsx(path: Path, raw: RawBriefing) -> None:
    import openpyxl

    name = display_path(path)
    # openpyxl raises many types for a broken file (BadZipFile, KeyError, XML ParseError, ...), and
    # reads a read-only sheet's XML only when its rows are asked for; every one means the same here.
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raw.problem(name, None, f"cannot open the workbook ({exc}): save it as .xlsx from Excel")
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
            if section not in sheets:
                continue
            try:
                rows = _xlsx_rows(workbook[sheets[section]], 2 if section == "briefing" else None)
            except Exception as exc:
                raw.problem(name, None, f"cannot read the sheet ({exc}): save it as .xlsx from Excel",
                            sheet=sheets[section])
                raw.meta_reported |= section == "briefing"
                if section in TABLE_BY_NAME:
                    spec = TABLE_BY_NAME[section]
                    raw.tables[section] = RawTable(spec, name, sheets[section], _frame([], [], spec))
                continue
            if section == "briefing":
                _xlsx_meta(rows, name, sheets[section], raw)
                continue
            spec = TABLE_BY_NAME[section]
            if not rows:
                raw.warning(name, None, f"{spec.name}: the sheet is empty", sheet=sheets[section])
                raw.tables[section] = RawTable(spec, name, sheets[section], _frame([], [], spec))
                continue
            header = [str(h).strip() if h is not None else "" for h in rows[0]]
            # An unknown column is reported once, at the header row, as for CSV; not on every row.
            unknown = [h for h in header if h and h not in spec.field_names]
            _check_fields(raw, spec, unknown, name, 1, sheets[section])
            for h in {h for h in header if h and header.count(h) > 1}:
                raw.problem(name, 1, f"{spec.name}: column '{h}' appears twice in the header",
                            sheet=sheets[section])
            header = [h if h in spec.field_names else "" for h in header]
            items = []
            for number, row in enumerate(rows[1:], start=2):
                if all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
                    continue
                items.append((_xlsx_record(header, row, spec), number))
            raw.tables[section] = _records_table(items, spec, name, raw, sheets[section])
    finally:
        workbook.close()


def _xlsx_rows(sheet: Any, last: int | None) -> list[tuple[Any, ...]]:
    """The header row and the rows below it up to `last`, no wider than the header's last filled
    cell; a blank row is () and keeps its place, so row numbers hold.

    openpyxl pads every row to the sheet's widest: one stray cell at XFD1048576, Excel's last,
    would make a million rows of 16,384 cells each.
    """
    header = next(sheet.iter_rows(max_row=1, values_only=True), None)
    if header is None:
        return []
    width = max((n + 1 for n, v in enumerate(header) if v is not None and str(v).strip()),
                default=1)
    rows = sheet.iter_rows(min_row=2, max_row=last, max_col=width, values_only=True)
    return [header[:width], *(row if any(v is not None for v in row) else () for row in rows)]


def _xlsx_record(header: list[str], row: tuple[Any, ...], spec: TableSpec) -> dict[str, Any]:
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


def _xlsx_meta(rows: list[tuple[Any, ...]], name: str, sheet: str, raw: RawBriefing) -> None:
    raw.meta_file = f"{name}[{sheet}]"
    if len(rows) < 2:
        raw.problem(name, None, "briefing: expected a header row and one row of values", sheet=sheet)
        raw.meta_reported = True
        return
    header = [str(h).strip() if h is not None else "" for h in rows[0]]
    raw.meta = {k: _cell(v) for k, v in zip(header, rows[1], strict=False) if k}
    raw.meta_line = 2


def _parquet_table(path: Path, spec: TableSpec, raw: RawBriefing) -> RawTable:
    """Columns are converted with pyarrow, not cell by cell: a briefing of 870,000 positions has
    870,000 `evidence` lists, and turning each into a Python list through `_cell` took seconds.
    Text comes back as pandas' Arrow-backed "string" dtype, dates of type date32 as 'YYYY-MM-DD'
    text; any other column type takes the general path it always did."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    name = display_path(path)
    try:
        table = pq.read_table(path)
    except Exception as exc:  # pyarrow raises many types for a broken file; all mean the same here
        raw.problem(name, None, f"cannot read Parquet file: {exc}")
        return RawTable(spec, name, frame=_frame([], [], spec))
    # A pandas index saved with the table is not a field (pd.read_parquet made it the index).
    index_columns = (table.schema.pandas_metadata or {}).get("index_columns", [])
    names = [c for c in table.column_names if c not in index_columns]
    _check_fields(raw, spec, [c for c in names if c not in spec.field_names], name, None)
    rows = table.num_rows

    def general(column: pd.Series, kind: Kind) -> pd.Series:
        """The cell-by-cell conversion, for column types the fast paths do not cover."""
        if kind in (Kind.LIST, Kind.REFS):
            return column.map(_cell, na_action="ignore").map(
                lambda v: v if isinstance(v, list | Nested) else ([] if v is None else [v])
            )
        if kind is Kind.DATE and pd.api.types.is_datetime64_any_dtype(column):
            return column.dt.strftime("%Y-%m-%d").astype(object).where(column.notna(), None)
        if isinstance(column.dtype, pd.StringDtype):
            return column
        if column.dtype != object:
            return column.astype("string").astype(object).where(column.notna(), None)
        # Python objects: a struct cell is a dict, a list cell an array, a binary cell bytes. Each
        # is said for what it is, as in JSON, not turned into the text of its repr().
        return column.map(_cell, na_action="ignore")

    def text(values: pa.ChunkedArray) -> pd.Series:
        return pd.Series(values.cast(pa.large_string()).to_pandas(
            types_mapper=lambda _: pd.StringDtype("pyarrow")), dtype=pd.StringDtype("pyarrow"))

    def lists(values: pa.ChunkedArray) -> pd.Series:
        """list<string> cells as Python lists of the non-null items; a null list is []."""
        flat = pc.list_flatten(values)
        if len(flat) == 0:
            # Every cell empty (870,000 positions without evidence): one shared empty list, as
            # building 870,000 of them costs more than the rest of the file. Raw cells are only
            # read, never changed in place.
            return pd.Series([[]] * rows, dtype=object)
        cells = values.to_pylist()
        if flat.null_count:
            return pd.Series([[v for v in cell if v is not None] if cell else [] for cell in cells],
                             dtype=object)
        return pd.Series([[] if cell is None else cell for cell in cells], dtype=object)

    columns: dict[str, pd.Series] = {}
    for f in spec.fields:
        if f.name not in names:
            columns[f.name] = pd.Series([None] * rows, dtype=object)
            continue
        values = table.column(table.column_names.index(f.name))
        kind = values.type
        if pa.types.is_dictionary(kind):
            values = pa.chunked_array([c.dictionary_decode() for c in values.chunks],
                                      type=kind.value_type)
            kind = kind.value_type
        if not _valid_utf8(values):
            # Arrow does not check a file's strings when it reads them, and the first string
            # operation on bytes that are not UTF-8 would raise. Text and lists of text are read
            # as bytes instead, cell by cell, so each bad cell is reported on its row.
            binary = _as_binary(kind)
            if binary is None:
                raw.problem(name, None, f"{spec.name}: column '{f.name}' holds bytes that are not "
                            "UTF-8 text: save the file again", field=f.name)
                columns[f.name] = pd.Series([None] * rows, dtype=object)
                continue
            values, kind = values.cast(binary), binary
        is_text = pa.types.is_string(kind) or pa.types.is_large_string(kind)
        if f.kind in (Kind.LIST, Kind.REFS) and (
            pa.types.is_list(kind) or pa.types.is_large_list(kind)
        ) and (pa.types.is_string(kind.value_type) or pa.types.is_large_string(kind.value_type)
               or pa.types.is_null(kind.value_type)):
            columns[f.name] = lists(values)
        elif f.kind not in (Kind.LIST, Kind.REFS) and (is_text or (
                f.kind is Kind.DATE and pa.types.is_date32(kind))):
            columns[f.name] = text(values)
        else:
            columns[f.name] = general(values.to_pandas(), f.kind)
    frame = pd.DataFrame(columns, index=pd.RangeIndex(rows))
    # Row numbers count from 1 like a spreadsheet's data rows.
    frame["_line"] = pd.RangeIndex(1, rows + 1)
    return RawTable(spec, name, frame=frame)


def _valid_utf8(values: Any) -> bool:
    import pyarrow as pa

    try:
        values.validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def _as_binary(kind: Any) -> Any:
    """The type that holds the same bytes as raw binary: for text, and lists of text; else None."""
    import pyarrow as pa

    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return pa.large_binary()
    if (pa.types.is_list(kind) or pa.types.is_large_list(kind)) and _as_binary(kind.value_type):
        return pa.large_list(pa.large_binary())
    return None


# ------------------------------------------------------------------------------------------ folders


def _meta_from_mapping(raw: RawBriefing, node: yaml.MappingNode, name: str) -> None:
    values, _ = _yaml_mapping(node, name, raw)
    raw.meta = values
    raw.meta_file = name
    raw.meta_line = node.start_mark.line + 1


def _read_yaml_document(path: Path, raw: RawBriefing, wanted: str | None) -> None:
    """briefing.yaml: the metadata, alone or with any of the sections; or one table file."""
    name = display_path(path)
    text = read_text(path, raw)
    if text is None:
        raw.meta_reported |= wanted is None
        return
    reported = len(raw.problems)
    node = _compose(text, name, raw)
    if node is None and len(raw.problems) > reported:
        # Unparseable or refused, and already said so: not also "empty" or "expected id: lines".
        if wanted is not None:
            spec = TABLE_BY_NAME[wanted]
            raw.tables[wanted] = RawTable(spec, name, frame=_frame([], [], spec))
        raw.meta_reported |= wanted is None
        return
    if wanted is not None:
        raw.tables[wanted] = _yaml_records(node, TABLE_BY_NAME[wanted], name, raw)
        return
    if not isinstance(node, yaml.MappingNode):
        raw.problem(name, 1, "briefing: expected 'id:', 'title:', 'as_of:' and 'summary:' lines")
        raw.meta_reported = True
        return
    keys = [_key(k) for k, _ in node.value]
    if "briefing" in keys or any(k in TABLE_BY_NAME for k in keys):
        first_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key, line = _key(key_node), key_node.start_mark.line + 1
            if key in first_lines:
                # As for a field given twice: the first stands, the second is reported.
                raw.problem(name, line, f"section '{key:.60}' is given twice (first at line "
                            f"{first_lines[key]})", field=key)
                continue
            first_lines[key] = line
            if key == "briefing":
                if isinstance(value_node, yaml.MappingNode):
                    _meta_from_mapping(raw, value_node, name)
                else:
                    raw.problem(name, key_node.start_mark.line + 1, "briefing: expected a mapping")
                    raw.meta_reported = True
            elif key in TABLE_BY_NAME:
                raw.tables[key] = _yaml_records(value_node, TABLE_BY_NAME[key], name, raw)
            else:
                raw.problem(
                    name,
                    key_node.start_mark.line + 1,
                    f"unknown section '{key:.60}'{suggest(key, SECTIONS)}; sections are: "
                    + ", ".join(SECTIONS),
                    field=key,
                )
    else:
        _meta_from_mapping(raw, node, name)


def _read_json_document(path: Path, raw: RawBriefing) -> None:
    """A canonical JSON briefing: {"briefing": {...}, "actors": [...], ...}."""
    name = display_path(path)
    text = read_text(path, raw)
    parsed = None if text is None else _parse_json(text, name, raw)
    if parsed is None:
        raw.meta_reported = True
        return
    text, document = parsed
    if not isinstance(document, dict):
        raw.problem(name, 1, "expected a JSON object with the sections " + ", ".join(SECTIONS))
        raw.meta_reported = True
        return
    if not any(k in SECTIONS for k in document):
        _json_meta(document, name, 1, raw)
        return
    first_lines: dict[str, int] = {}
    for key, start in _json_members(text):
        line = text.count("\n", 0, start) + 1
        if key in first_lines:
            # As in YAML: the first stands, the second is reported (json alone keeps the last).
            raw.problem(name, line, f"section '{key:.60}' is given twice (first at line "
                        f"{first_lines[key]})", field=key)
            continue
        first_lines[key] = line
        value = document[key]
        if key == "briefing":
            if isinstance(value, dict):
                _json_meta(value, name, line, raw)
            else:
                raw.problem(name, line, "briefing: expected an object")
                raw.meta_reported = True
        elif key in TABLE_BY_NAME:
            spec = TABLE_BY_NAME[key]
            if not isinstance(value, list):
                raw.problem(name, line, f"{key}: expected a list of records")
                continue
            raw.tables[key] = _records_table(list(_json_items(text, start)), spec, name, raw)
        else:
            raw.problem(name, line, f"unknown section '{key:.60}'{suggest(key, SECTIONS)}",
                        field=key)


def _json_meta(values: dict[str, Any], name: str, line: int, raw: RawBriefing) -> None:
    for key in getattr(values, "repeated", ()):
        raw.problem(name, line, f"field '{key:.60}' is given twice: the first value is kept",
                    field=key)
    raw.meta = {k: _cell(v) for k, v in values.items()}
    raw.meta_file, raw.meta_line = name, line


def _read_table_file(path: Path, spec: TableSpec, raw: RawBriefing) -> None:
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        raw.tables[spec.name] = _parquet_table(path, spec, raw)
        return
    if suffix in (".yaml", ".yml"):
        _read_yaml_document(path, raw, spec.name)
        return
    text = read_text(path, raw)
    name = display_path(path)
    if text is None:
        raw.tables[spec.name] = RawTable(spec, name, frame=_frame([], [], spec))
    elif suffix == ".json":
        raw.tables[spec.name] = _json_table(text, spec, name, raw)
    else:
        raw.tables[spec.name] = _csv_table(text, spec, name, raw)


def _read_folder(folder: Path, raw: RawBriefing) -> None:
    try:
        entries = list(folder.iterdir())
    except OSError as exc:
        raw.problem(display_path(folder), None, f"cannot read folder: {exc.strerror or exc}")
        return
    # A symbolic link is never followed: it could lead out of the data folder.
    for link in sorted(p for p in entries if p.is_symlink()):
        raw.problem(display_path(link), None,
                    "is a symbolic link and is not read: put the file itself in the folder")
    files = {p.name.lower(): p for p in entries if not p.is_symlink() and p.is_file()}
    meta_files = [files[n] for n in ("briefing.yaml", "briefing.yml", "briefing.json") if n in files]
    workbooks = sorted(p for n, p in files.items() if n.endswith(".xlsx") and not n.startswith("~$"))
    if not meta_files and len(workbooks) == 1:
        _xlsx(workbooks[0], raw)
        return
    if not meta_files:
        raw.problem(
            display_path(folder),
            None,
            "no briefing.yaml here: a briefing folder holds briefing.yaml plus one file per table "
            "(actors, issues, sources, quotes, positions), or a single .xlsx workbook",
        )
    for meta_file in meta_files[:1]:
        if meta_file.suffix == ".json":
            _read_json_document(meta_file, raw)
        else:
            _read_yaml_document(meta_file, raw, None)
    for spec in TABLES:
        candidates = [files[spec.name + s] for s in TABLE_SUFFIXES if spec.name + s in files]
        if spec.name in raw.tables and candidates:
            raw.problem(
                display_path(candidates[0]),
                None,
                f"{spec.name} are given both here and in {raw.meta_file}: keep one",
            )
            continue
        if len(candidates) > 1:
            raw.problem(
                display_path(candidates[1]),
                None,
                f"{spec.name} are given in {len(candidates)} files "
                f"({', '.join(c.name for c in candidates)}): keep one",
            )
        if candidates:
            _read_table_file(candidates[0], spec, raw)
    known = {"briefing" + s for s in (".yaml", ".yml", ".json")} | {
        t.name + s for t in TABLES for s in TABLE_SUFFIXES
    }
    for lower_name, path in sorted(files.items()):
        if lower_name not in known and not lower_name.startswith(".") and lower_name.endswith(
            (*TABLE_SUFFIXES, ".xlsx")
        ):
            stem = lower_name.rsplit(".", 1)[0]
            raw.warning(
                display_path(path),
                None,
                f"file is not part of the briefing{suggest(stem, SECTIONS)} and is ignored",
            )


def read_briefing(path: Path) -> RawBriefing:
    """Read a briefing folder, a single briefing.yaml/.json, or a workbook. Never raises on bad data."""
    raw = RawBriefing(display_path(path))
    if path.is_dir():
        _read_folder(path, raw)
    elif not path.exists():
        raw.problem(display_path(path), None, "no such file or folder")
    elif path.suffix.lower() == ".xlsx":
        _xlsx(path, raw)
    elif path.suffix.lower() in (".yaml", ".yml"):
        _read_yaml_document(path, raw, None)
    elif path.suffix.lower() == ".json":
        _read_json_document(path, raw)
    else:
        raw.problem(
            display_path(path),
            None,
            "not a briefing: give a folder, a .yaml or .json briefing, or an .xlsx workbook",
        )
    for spec in TABLES:
        if spec.name not in raw.tables:
            raw.tables[spec.name] = RawTable(spec, raw.root, frame=_frame([], [], spec))
            if spec.name in ("actors", "issues", "positions") and not raw.problems:
                raw.warning(raw.root, None, f"the briefing has no {spec.name} table")
    for key in raw.meta or {}:
        if key not in META_FIELDS:
            raw.problem(
                raw.meta_file,
                raw.meta_line,
                f"briefing: unknown field '{key}'{suggest(key, META_FIELDS)}; "
                f"fields are: {', '.join(META_FIELDS)}",
                field=key,
            )
    return raw
