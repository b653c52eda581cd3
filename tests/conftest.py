"""Small helpers shared by the briefing-records tests: a valid mini briefing and a writer for it."""

from __future__ import annotations

import copy
import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from dashboard.records import TABLE_BY_NAME, TABLES

# Every record is referenced by something, so a valid mini briefing loads with no problem at all.
MINI_META: dict[str, Any] = {
    "id": "mini",
    "title": "Mini briefing",
    "as_of": "2024-11-02",
    "summary": "A small valid briefing written for the tests.",
}
MINI: dict[str, list[dict[str, Any]]] = {
    "actors": [
        {"id": "united-states", "name": "United States", "kind": "state", "country": "US",
         "aliases": ["USA", "U.S."]},
        {"id": "norway", "name": "Norway", "kind": "state", "country": "NO"},
        {"id": "blinken", "name": "Antony Blinken", "kind": "official",
         "role": "Secretary of State", "represents": "united-states"},
        {"id": "lu-chao", "name": "Lu Chao", "kind": "expert", "affiliation": "Liaoning University"},
    ],
    "issues": [
        {"id": "restrain", "title": "Restrain cooperation",
         "statement": "China should restrain the cooperation."},
    ],
    "sources": [
        {"id": "article", "title": "An article", "publisher": "A wire", "published": "2024-11-02",
         "kind": "news"},
    ],
    "quotes": [
        {"id": "q1", "speaker": "blinken", "text": "an intense conversation this week",
         "source": "article", "kind": "partial", "date": "2024-10-31", "issues": ["restrain"]},
        {"id": "q2", "speaker": "lu-chao", "text": "a matter between Russia and North Korea",
         "source": "article", "kind": "partial", "issues": ["restrain"]},
    ],
    "positions": [
        {"actor": "united-states", "issue": "restrain", "stance": "support", "as_of": "2024-11-02",
         "basis": "stated", "confidence": "high", "evidence": ["q1"]},
        {"actor": "norway", "issue": "restrain", "stance": "silent", "as_of": "2024-11-02",
         "basis": "inferred", "confidence": "low", "evidence": ["q2"], "assessed_by": "lu-chao"},
    ],
}
TABLE_FORMATS = ("yaml", "json", "csv")


def mini_tables() -> dict[str, list[dict[str, Any]]]:
    """A fresh deep copy of the mini briefing's tables, safe to break in a test."""
    return copy.deepcopy(MINI)


def dump_yaml(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def csv_text(table: str, records: list[dict[str, Any]]) -> str:
    """CSV with every field of the table as a column; list fields joined with ';'."""
    lines: list[list[str]] = [list(TABLE_BY_NAME[table].field_names)]
    for record in records:
        lines.append([
            "; ".join(v) if isinstance(v, list) else ("" if v is None else str(v))
            for v in (record.get(name) for name in lines[0])
        ])
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(lines)
    return buffer.getvalue()


def write_folder(
    folder: Path,
    tables: dict[str, Any] | None = None,
    fmt: str = "yaml",
    meta: dict[str, Any] | None = None,
) -> Path:
    """A briefing folder: briefing.yaml plus one `fmt` file per table (tables default to MINI).

    The briefing id is the folder name unless `meta` says otherwise.
    A table given as a str is written verbatim (for broken-file fixtures) with the `fmt` suffix.
    """
    tables = mini_tables() if tables is None else tables
    folder.mkdir(parents=True, exist_ok=True)
    meta = {**MINI_META, "id": folder.name} if meta is None else meta
    (folder / "briefing.yaml").write_text(dump_yaml(meta), encoding="utf-8")
    for spec in TABLES:
        if spec.name not in tables:
            continue
        records = tables[spec.name]
        target = folder / f"{spec.name}.{fmt}"
        if isinstance(records, str):
            target.write_text(records, encoding="utf-8")
        elif fmt == "yaml":
            target.write_text(dump_yaml(records), encoding="utf-8")
        elif fmt == "json":
            target.write_text(json.dumps(records, indent=2, ensure_ascii=False), encoding="utf-8")
        elif fmt == "csv":
            target.write_text(csv_text(spec.name, records), encoding="utf-8")
        else:
            raise ValueError(f"write_folder: no such table format {fmt!r}")
    return folder


@pytest.fixture
def mini_folder(tmp_path: Path) -> Path:
    """The mini briefing as a YAML folder named after its id."""
    return write_folder(tmp_path / "mini")
