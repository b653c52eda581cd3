"""JSON: a table file (a list of records), or one canonical briefing {"briefing": {...}, "actors": [...]}.

json itself keeps no lines and keeps the last of a key given twice; both are put right here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from dashboard.briefing import Briefing
from dashboard.formats import limits
from dashboard.formats.plain import meta_of, records_of, written_tables
from dashboard.formats.raw import (
    Format,
    RawBriefing,
    RawTable,
    empty_table,
    records_table,
    to_cell,
    too_many,
)
from dashboard.formats.text import read_text
from dashboard.problems import display_path, suggest
from dashboard.records import SECTIONS, TABLE_BY_NAME, TableSpec


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
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def _values_within_bound(text: str, name: str, raw: RawBriefing) -> bool:
    """False, with a problem, if the text holds more values than a JSON briefing file may.

    Every value but the first follows '[', '{', ',' or ':', so counting those bounds the values
    from above at C speed; only when that count is past the bound (commas inside long quotes, say)
    are they counted again with the strings taken out, at C speed too.
    """

    def values(of: str) -> int:
        return sum(of.count(c) for c in "[{,:") + 1

    if values(text) <= limits.MAX_JSON_VALUES or values(_JSON_STRING.sub('""', text)) <= (
        limits.MAX_JSON_VALUES
    ):
        return True
    raw.error(
        name,
        None,
        f"file has more than {limits.MAX_JSON_VALUES:,} JSON values: split the "
        "table into smaller files, or save a large table as Parquet",
    )
    return False


def _parse(text: str, name: str, raw: RawBriefing) -> tuple[str, Any] | None:
    """The text (with any lone surrogate escape made U+FFFD) and its document; None if unreadable."""
    if not _values_within_bound(text, name, raw):
        return None
    text = _lone_surrogates(text, name, raw)
    try:
        return text, _JSON.decode(text)
    except json.JSONDecodeError as exc:
        raw.error(name, exc.lineno, f"cannot parse JSON: {exc.msg} (column {exc.colno})")
    except RecursionError:
        raw.error(name, None, "cannot parse JSON: lists or objects are nested too deeply")
    return None


def _lone_escapes(text: str) -> list[re.Match[str]]:
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
    return lone


def _lone_surrogates(text: str, name: str, raw: RawBriefing) -> str:
    """'\\ud800' escapes that are not half of a pair would give text no later step can encode.

    Each is reported at its line and replaced by the same-length '\\ufffd', so positions hold.
    """
    if "\\u" not in text:
        return text
    lone = _lone_escapes(text)
    if not lone:
        return text
    pieces, last, line = [], 0, 1
    for match in lone:
        line += text.count("\n", last, match.start())  # on from the last one: linear, not quadratic
        raw.error(
            name,
            line,
            f"'\\u{int(match[1], 16):04x}' is half of a surrogate pair, not a "
            "character: write the character itself",
            kind="surrogates",
        )
        pieces += [text[last : match.start()], "\\ufffd"]
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


def _past_gap(text: str, pos: int) -> int:
    """Past the whitespace, commas and colons between values of a document already known to parse."""
    gap = _JSON_GAP.match(text, pos)
    return gap.end() if gap else pos


def _items(text: str, start: int) -> Iterator[tuple[Any, int]]:
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


def _members(text: str) -> list[tuple[str, int]]:
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


def read_table(path: Path, spec: TableSpec, raw: RawBriefing) -> RawTable:
    name = display_path(path)
    table = empty_table(spec, name)
    text = read_text(path, raw)
    if text is None:
        return table
    if not text.strip():
        raw.warning(name, None, f"{spec.name}: the table is empty")  # as for YAML and CSV
        return table
    parsed = _parse(text, name, raw)
    if parsed is None:
        return table
    text, document = parsed
    start = len(text) - len(text.lstrip())
    if isinstance(document, dict) and set(document) == {spec.name}:
        start = _members(text)[0][1]
        document = document[spec.name]
    if not isinstance(document, list):
        raw.error(name, 1, f"{spec.name}: expected a JSON list of records")
        return table
    if too_many(len(document), limits.MAX_ROWS, "records", spec, name, raw):
        return table
    return records_table(list(_items(text, start)), spec, name, raw)


def _meta(values: dict[str, Any], name: str, line: int, raw: RawBriefing) -> None:
    for key in getattr(values, "repeated", ()):
        raw.error(name, line, f"field '{key:.60}' is given twice: the first value is kept", field=key)
    raw.meta = {k: to_cell(v) for k, v in values.items()}
    raw.meta_file, raw.meta_line = name, line


def _section(
    key: str, where: tuple[int, int], text: str, document: dict[str, Any], name: str, raw: RawBriefing
) -> None:
    start, line = where
    value = document[key]
    if key == "briefing":
        if isinstance(value, dict):
            _meta(value, name, line, raw)
        else:
            raw.error(name, line, "briefing: expected an object")
            raw.meta_reported = True
    elif key in TABLE_BY_NAME:
        spec = TABLE_BY_NAME[key]
        if not isinstance(value, list):
            raw.error(name, line, f"{key}: expected a list of records")
            return
        if too_many(len(value), limits.MAX_ROWS, "records", spec, name, raw):
            return
        raw.tables[key] = records_table(list(_items(text, start)), spec, name, raw)
    else:
        raw.error(name, line, f"unknown section '{key:.60}'{suggest(key, SECTIONS)}", field=key)


def read_document(path: Path, raw: RawBriefing) -> None:
    """A canonical JSON briefing: {"briefing": {...}, "actors": [...], ...}."""
    name = display_path(path)
    text = read_text(path, raw)
    parsed = None if text is None else _parse(text, name, raw)
    if parsed is None:
        raw.meta_reported = True
        return
    text, document = parsed
    if not isinstance(document, dict):
        raw.error(name, 1, "expected a JSON object with the sections " + ", ".join(SECTIONS))
        raw.meta_reported = True
        return
    if not any(k in SECTIONS for k in document):
        _meta(document, name, 1, raw)
        return
    first_lines: dict[str, int] = {}
    for key, start in _members(text):
        line = text.count("\n", 0, start) + 1
        if key in first_lines:
            # As in YAML: the first stands, the second is reported (json alone keeps the last).
            raw.error(
                name,
                line,
                f"section '{key:.60}' is given twice (first at line {first_lines[key]})",
                field=key,
            )
            continue
        first_lines[key] = line
        _section(key, (start, line), text, document, name, raw)


# ------------------------------------------------------------------------------------------ writing


def _jsonable(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in record.items()}


def canonical(briefing: Briefing) -> dict[str, Any]:
    """The one JSON document with its sections; the same whatever format the briefing came in."""
    document: dict[str, Any] = {"briefing": _jsonable(meta_of(briefing))}
    for spec in written_tables(briefing):
        document[spec.name] = [_jsonable(r) for r in records_of(briefing, spec)]
    return document


def _write(data: Any, path: Path) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_table(briefing: Briefing, spec: TableSpec, path: Path) -> None:
    _write([_jsonable(r) for r in records_of(briefing, spec)], path)


def write_document(briefing: Briefing, path: Path) -> None:
    _write(canonical(briefing), path)


FORMAT = Format("JSON", read_table, read_document, write_table, write_document)
