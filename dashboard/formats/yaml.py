"""YAML: a table file, or briefing.yaml with the metadata alone or with any of the sections.

YAML is only ever composed, never constructed, so no tag can run code and no alias can expand.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

import yaml

from dashboard.briefing import Briefing
from dashboard.formats import limits
from dashboard.formats.plain import meta_of, records_of, written_tables
from dashboard.formats.raw import (
    Cell,
    Format,
    Nested,
    RawBriefing,
    RawTable,
    check_fields,
    empty_table,
    frame_of,
)
from dashboard.formats.text import read_text
from dashboard.problems import display_path, suggest
from dashboard.records import SECTIONS, TABLE_BY_NAME, TableSpec

_YAML_TAG = "tag:yaml.org,2002:"
_NULL = _YAML_TAG + "null"
_PLAIN_TAGS = {_YAML_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}
# libyaml's parser, where PyYAML was built with it: it counts a file's values before PyYAML's own
# (pure-Python, about 50 times slower) composer builds anything. PyYAML's own parser builds no tree
# either, so without libyaml the count still comes first, only slower.
_COUNTING_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TOO_BIG = (
    ": YAML is read slowly, so large tables belong in CSV or Parquet files (python -m dashboard convert)"
)
_SURROGATE = re.compile(r"[\ud800-\udfff]")  # half of a UTF-16 pair: not a character


def _parse_problem(exc: yaml.YAMLError, name: str, raw: RawBriefing) -> None:
    if not isinstance(exc, yaml.MarkedYAMLError):
        raw.error(name, None, f"cannot parse YAML: {exc}")
        return
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    what = " ".join(str(p) for p in (exc.context, exc.problem) if p)
    # PyYAML names the character with repr(): the message holds '\t', not a tab.
    hint = (
        " (YAML does not allow tabs for indentation: use spaces)" if "'\\t'" in what or ("\t" in what) else ""
    )
    raw.error(name, line, f"cannot parse YAML: {what}{hint}")


def _within_bounds(text: str, name: str, raw: RawBriefing) -> bool:
    """False, with a problem, if the file has more values or deeper nesting than a briefing may.

    A file libyaml cannot parse is left to the composer, which says what is wrong in its own words;
    it stops where libyaml did, or sooner, so it is bounded all the same.
    """
    values = depth = 0
    try:
        for event in yaml.parse(text, Loader=_COUNTING_LOADER):
            if isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            values += 1
            depth += isinstance(event, yaml.CollectionStartEvent)
            if values > limits.MAX_YAML_VALUES or depth > limits.MAX_DEPTH:
                _refuse(values, event.start_mark.line + 1, name, raw)
                return False
    except yaml.YAMLError as exc:
        # libyaml stops at 1,000 levels of nesting itself, before it gives the events that would
        # reach the bound; PyYAML's own parser would spend seconds there before it ran out of stack.
        if "maximum nesting depth" not in str(exc):
            return True
        mark = getattr(exc, "problem_mark", None)
        _refuse(0, mark.line + 1 if mark else 1, name, raw)
        return False
    return True


def _refuse(values: int, line: int, name: str, raw: RawBriefing) -> None:
    if values > limits.MAX_YAML_VALUES:
        raw.error(
            name,
            line,
            f"file has more than {limits.MAX_YAML_VALUES:,} YAML values (texts, "
            f"lists and mappings; this line passes the bound){_TOO_BIG}",
        )
    else:
        raw.error(
            name,
            line,
            f"cannot parse YAML: lists or mappings are nested more than "
            f"{limits.MAX_DEPTH} deep; a briefing needs 5 at most",
        )


class _Composed:
    """Documents already composed, by file name and content: a save reads the same files three or
    four times (before, after, the history's look), and a reload after a change reads the files
    that did not change again. Kept: the node tree (never changed after `_safe_tree`) of documents
    that composed without a problem (one with problems is composed again, so each is reported as
    the first time). Bounded by the texts' size."""

    BUDGET = 1_000_000  # characters of text whose trees are kept (a tree is some 20 times its text)

    def __init__(self) -> None:
        self._kept: OrderedDict[tuple[str, str], tuple[yaml.Node | None, int]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    @staticmethod
    def key(name: str, text: str) -> tuple[str, str]:
        return name, hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
            self._size = 0

    def get(self, key: tuple[str, str]) -> tuple[yaml.Node | None] | None:
        with self._lock:
            found = self._kept.get(key)
            if found is None:
                return None
            self._kept.move_to_end(key)
            return (found[0],)

    def put(self, key: tuple[str, str], node: yaml.Node | None, size: int) -> None:
        if size > self.BUDGET // 4:
            return
        with self._lock:
            if key in self._kept:
                return
            self._kept[key] = (node, size)
            self._size += size
            while self._size > self.BUDGET:
                _, (_, dropped) = self._kept.popitem(last=False)
                self._size -= dropped


COMPOSED = _Composed()


def _compose(text: str, name: str, raw: RawBriefing) -> yaml.Node | None:
    key = _Composed.key(name, text)
    kept = COMPOSED.get(key)
    if kept is not None:
        return kept[0]
    reported = len(raw.problems)
    node = _compose_once(text, name, raw)
    if len(raw.problems) == reported:
        COMPOSED.put(key, node, len(text))
    return node


def _compose_once(text: str, name: str, raw: RawBriefing) -> yaml.Node | None:
    if not _within_bounds(text, name, raw):
        return None
    try:
        # The reader checks every character as it is made, so it is made inside the try.
        loader = yaml.SafeLoader(text)
    except yaml.reader.ReaderError as exc:
        raw.error(
            name,
            text.count("\n", 0, exc.position) + 1,
            f"cannot parse YAML: character #x{exc.character:04x} is not allowed in YAML "
            "text (a control character pasted in?): remove it",
        )
        return None
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        _parse_problem(exc, name, raw)
        return None
    except RecursionError:
        # PyYAML composes nested lists and mappings recursively; no briefing nests this deep.
        raw.error(
            name, loader.get_mark().line + 1, "cannot parse YAML: lists or mappings are nested too deeply"
        )
        return None
    finally:
        loader.dispose()
    if node is None:
        return None
    return node if _safe_tree(node, name, raw) else None


def _refused(node: yaml.Node, seen: set[int], count: int, name: str, raw: RawBriefing) -> bool:
    """An alias (an alias bomb expands a few lines into billions), too many values, or a tag that
    is not data: reported, and the file is refused."""
    if id(node) in seen:
        raw.error(
            name,
            node.start_mark.line + 1,
            "YAML anchors and aliases (&name / *name) are not supported: write the value out",
        )
        return True
    if count > limits.MAX_YAML_VALUES:  # only where libyaml failed early and PyYAML read on
        raw.error(
            name,
            node.start_mark.line + 1,
            f"file has more than {limits.MAX_YAML_VALUES:,} YAML values{_TOO_BIG}",
        )
        return True
    if node.tag not in _PLAIN_TAGS:
        raw.error(
            name,
            node.start_mark.line + 1,
            f"YAML tag '{node.tag.replace(_YAML_TAG, '!!')}' is not allowed: "
            "briefing files hold plain text, lists and mappings only",
        )
        return True
    return False


def _safe_tree(root: yaml.Node, name: str, raw: RawBriefing) -> bool:
    """Refuse aliases, too many values and tags that are not data (see `_refused`).

    Text escaped as half of a surrogate pair ("\\ud800") is no character, and no later step could
    encode it: it is reported where it stands and read as U+FFFD.
    """
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, str]] = [(root, "")]  # node, the field it is the value of
    count = 0
    while stack:
        node, field = stack.pop()
        count += 1
        if _refused(node, seen, count, name, raw):
            return False
        seen.add(id(node))
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
    raw.error(
        name,
        line,
        f"{where}'\\u{ord(found.group()):04x}' is half of a surrogate pair, not a "
        "character: write the character itself",
        field=field,
        kind="surrogates",
    )
    return _SURROGATE.sub("\ufffd", text)


def _key(node: yaml.Node) -> str:
    """A mapping key as text; a list or mapping used as a key (`? [a, b]`) is no field name."""
    return node.value if isinstance(node, yaml.ScalarNode) else "?"


def _cell(node: yaml.Node) -> Cell:
    if isinstance(node, yaml.ScalarNode):
        return None if node.tag == _NULL else node.value
    if isinstance(node, yaml.SequenceNode):
        items: list[str] = []
        for item in node.value:
            if not isinstance(item, yaml.ScalarNode):
                return Nested("a nested list or mapping")
            if item.tag != _NULL:
                items.append(item.value)
        return items
    return Nested("a mapping")


def _mapping(node: yaml.MappingNode, name: str, raw: RawBriefing) -> tuple[dict[str, Cell], dict[str, int]]:
    values: dict[str, Cell] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = _key(key_node)
        line = key_node.start_mark.line + 1
        if key in values:
            raw.error(
                name,
                line,
                f"field '{key}' is given twice (first at line {lines[key]})",
                kind="fields given twice",
            )
            continue
        values[key] = _cell(value_node)
        lines[key] = line
    return values, lines


def _node_kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        return f"the text '{node.value[:40]}'"
    return "a list" if isinstance(node, yaml.SequenceNode) else "a mapping"


def _records(node: yaml.Node | None, spec: TableSpec, name: str, raw: RawBriefing) -> RawTable:
    table = empty_table(spec, name)
    if isinstance(node, yaml.MappingNode) and len(node.value) == 1 and (node.value[0][0].value == spec.name):
        node = node.value[0][1]  # `actors: [...]` as well as a bare list
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == _NULL):
        raw.warning(name, None, f"{spec.name}: the table is empty")
        return table
    if not isinstance(node, yaml.SequenceNode):
        raw.error(
            name,
            node.start_mark.line + 1,
            f"{spec.name}: expected a list of {spec.name} (lines starting with '- '), "
            f"found {_node_kind(node)}",
        )
        return table
    records: list[dict[str, Cell]] = []
    lines: list[int] = []
    for item in node.value:
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.MappingNode):
            raw.error(
                name,
                line,
                f"{spec.name}: expected a record of 'field: value' lines, found {_node_kind(item)}",
                kind="not records",
            )
            continue
        values, field_lines = _mapping(item, name, raw)
        for key in values:
            if key not in spec.field_names:
                check_fields(raw, spec, [key], name, field_lines[key])
        row = len(records)
        for key, key_line in field_lines.items():
            table.field_lines[(row, key)] = key_line
        records.append({k: v for k, v in values.items() if k in spec.field_names})
        lines.append(line)
    table.frame = frame_of(records, lines, spec)
    return table


def _document_node(path: Path, raw: RawBriefing) -> tuple[yaml.Node | None, bool]:
    """The file's node, and whether it was read at all: False when it is unreadable, unparseable
    or refused, and a problem already says so (not also "empty" or "expected id: lines")."""
    text = read_text(path, raw, limits.MAX_YAML_BYTES, _TOO_BIG)
    if text is None:
        return None, False
    reported = len(raw.problems)
    node = _compose(text, display_path(path), raw)
    return node, not (node is None and len(raw.problems) > reported)


def read_table(path: Path, spec: TableSpec, raw: RawBriefing) -> RawTable:
    node, read = _document_node(path, raw)
    name = display_path(path)
    return _records(node, spec, name, raw) if read else empty_table(spec, name)


def _meta(raw: RawBriefing, node: yaml.MappingNode, name: str) -> None:
    values, _ = _mapping(node, name, raw)
    raw.meta = values
    raw.meta_file = name
    raw.meta_line = node.start_mark.line + 1


def _section(key_node: yaml.Node, value_node: yaml.Node, name: str, raw: RawBriefing) -> None:
    key = _key(key_node)
    if key == "briefing":
        if isinstance(value_node, yaml.MappingNode):
            _meta(raw, value_node, name)
        else:
            raw.error(name, key_node.start_mark.line + 1, "briefing: expected a mapping")
            raw.meta_reported = True
    elif key in TABLE_BY_NAME:
        raw.tables[key] = _records(value_node, TABLE_BY_NAME[key], name, raw)
    else:
        raw.error(
            name,
            key_node.start_mark.line + 1,
            f"unknown section '{key:.60}'{suggest(key, SECTIONS)}; sections are: " + ", ".join(SECTIONS),
            field=key,
        )


def _sections(node: yaml.MappingNode, name: str, raw: RawBriefing) -> None:
    first_lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key, line = _key(key_node), key_node.start_mark.line + 1
        if key in first_lines:
            # As for a field given twice: the first stands, the second is reported.
            raw.error(
                name,
                line,
                f"section '{key:.60}' is given twice (first at line {first_lines[key]})",
                field=key,
            )
            continue
        first_lines[key] = line
        _section(key_node, value_node, name, raw)


def read_document(path: Path, raw: RawBriefing) -> None:
    """briefing.yaml: the metadata, alone or with any of the sections."""
    node, read = _document_node(path, raw)
    name = display_path(path)
    if not read:
        raw.meta_reported = True
        return
    if not isinstance(node, yaml.MappingNode):
        raw.error(name, 1, "briefing: expected 'id:', 'title:', 'as_of:' and 'summary:' lines")
        raw.meta_reported = True
        return
    keys = [_key(k) for k, _ in node.value]
    if "briefing" in keys or any(k in TABLE_BY_NAME for k in keys):
        _sections(node, name, raw)
    else:
        _meta(raw, node, name)


# ------------------------------------------------------------------------------------------ writing


def _dump(data: Any, path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        yaml.safe_dump(data, handle, allow_unicode=True, sort_keys=False, width=100)


def write_meta(briefing: Briefing, path: Path) -> None:
    """briefing.yaml of a briefing folder: the metadata alone."""
    _dump(meta_of(briefing), path)


def write_table(briefing: Briefing, spec: TableSpec, path: Path) -> None:
    _dump(records_of(briefing, spec), path)


def write_document(briefing: Briefing, path: Path) -> None:
    """One file: the metadata under `briefing`, then a section per table."""
    document: dict[str, Any] = {"briefing": meta_of(briefing)}
    document.update({s.name: records_of(briefing, s) for s in written_tables(briefing)})
    _dump(document, path)


FORMAT = Format("YAML", read_table, read_document, write_table, write_document)
