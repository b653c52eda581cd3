"""Briefings for tests and benchmarks: the mini briefing in every format, and data folders of the
shipped briefings plus the Bundestag 2025 briefing, which is built from ../shared at test time (its
publisher's terms forbid shipping it)."""

from __future__ import annotations

import copy
import csv
import io
import json
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import yaml

from dashboard.records import TABLE_BY_NAME, TABLES, Kind

Dumper = type[yaml.SafeDumper] | type[yaml.CSafeDumper]  # PyYAML's emitter, or libyaml's

PROJECT = Path(__file__).resolve().parents[2]
PROJECT_DATA = PROJECT / "data"
WAHLOMAT_2025 = PROJECT.parent / "shared" / "data" / "wahlomat_qualomat" / "data" / "2025" / "deutschland"
BUNDESTAG = "bundestag-2025"

# Every record is referenced by something, so a valid mini briefing loads with no problem at all.
_META: dict[str, Any] = {
    "id": "mini",
    "title": "Mini briefing",
    "as_of": "2024-11-02",
    "summary": "A small valid briefing written for the tests.",
}
_TABLES: dict[str, list[dict[str, Any]]] = {
    "actors": [
        {
            "id": "united-states",
            "name": "United States",
            "kind": "state",
            "country": "US",
            "aliases": ["USA", "U.S."],
        },
        {"id": "norway", "name": "Norway", "kind": "state", "country": "NO"},
        {
            "id": "blinken",
            "name": "Antony Blinken",
            "kind": "official",
            "role": "Secretary of State",
            "represents": "united-states",
        },
        {"id": "lu-chao", "name": "Lu Chao", "kind": "expert", "affiliation": "Liaoning University"},
    ],
    "issues": [
        {
            "id": "restrain",
            "title": "Restrain cooperation",
            "statement": "China should restrain the cooperation.",
        },
    ],
    "sources": [
        {
            "id": "article",
            "title": "An article",
            "publisher": "A wire",
            "published": "2024-11-02",
            "kind": "news",
        },
    ],
    "quotes": [
        {
            "id": "q1",
            "speaker": "blinken",
            "text": "an intense conversation this week",
            "source": "article",
            "kind": "partial",
            "date": "2024-10-31",
            "issues": ["restrain"],
        },
        {
            "id": "q2",
            "speaker": "lu-chao",
            "text": "Norway has said nothing about the cooperation",
            "source": "article",
            "kind": "partial",
            "issues": ["restrain"],
        },
    ],
    "positions": [
        {
            "actor": "united-states",
            "issue": "restrain",
            "stance": "support",
            "as_of": "2024-11-02",
            "basis": "stated",
            "confidence": "high",
            "evidence": ["q1"],
        },
        {
            "actor": "norway",
            "issue": "restrain",
            "stance": "silent",
            "as_of": "2024-11-02",
            # A silence is a recorded fact a source reports (here Lu Chao's words), never someone's
            # inference: `check` warns on a silent position whose basis is 'inferred'.
            "basis": "reported",
            "confidence": "low",
            "evidence": ["q2"],
        },
    ],
}


class MiniBriefing:
    """The mini briefing, and writers that put it (or a broken copy) on disk."""

    @property
    def meta(self) -> dict[str, Any]:
        return dict(_META)

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        """A fresh deep copy of the tables, safe to break in a test."""
        return copy.deepcopy(_TABLES)

    def document(self) -> dict[str, Any]:
        """The whole briefing as one document: what canonical JSON must hold."""
        return {"briefing": self.meta, **self.tables()}

    @staticmethod
    def yaml(data: Any, dumper: Dumper | None = None) -> str:
        """PyYAML's own emitter; `dumper=yaml.CSafeDumper` for libyaml's, some 60 times faster, only
        where a test has checked it writes the same bytes for its records."""
        return yaml.dump(data, Dumper=dumper or yaml.SafeDumper, allow_unicode=True, sort_keys=False)

    @staticmethod
    def csv(table: str, records: list[dict[str, Any]], newline: str = "\n") -> str:
        """CSV with every field of the table as a column; list fields joined with '; '. Cells
        holding a character of `newline` are quoted: "\r\n" quotes a lone carriage return too."""
        fields = TABLE_BY_NAME[table].field_names
        rows = [list(fields)]
        for record in records:
            values = (record.get(name) for name in fields)
            rows.append(
                ["; ".join(v) if isinstance(v, list) else "" if v is None else str(v) for v in values]
            )
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator=newline).writerows(rows)
        return buffer.getvalue()

    def folder(
        self,
        folder: Path,
        tables: dict[str, Any] | None = None,
        fmt: str = "yaml",
        meta: dict[str, Any] | None = None,
        csv_newline: str = "\n",
        yaml_dumper: Dumper | None = None,
    ) -> Path:
        """briefing.yaml plus one `fmt` file per table given (all of the mini's by default).

        The briefing id is the folder name unless `meta` says otherwise. A table given as a str
        is written as it is, for broken files. `yaml_dumper`: see `yaml`.
        """
        tables = self.tables() if tables is None else tables
        folder.mkdir(parents=True, exist_ok=True)
        meta = {**_META, "id": folder.name} if meta is None else meta
        (folder / "briefing.yaml").write_text(self.yaml(meta, yaml_dumper), encoding="utf-8")
        for spec in TABLES:
            if spec.name not in tables:
                continue
            records = tables[spec.name]
            if isinstance(records, str):
                text = records
            elif fmt == "yaml":
                text = self.yaml(records, yaml_dumper)
            elif fmt == "json":
                text = json.dumps(records, indent=2, ensure_ascii=False)
            elif fmt == "csv":
                text = self.csv(spec.name, records, csv_newline)
            else:
                raise ValueError(f"no such table format {fmt!r}")
            (folder / f"{spec.name}.{fmt}").write_text(text, encoding="utf-8")
        return folder

    def workbook(
        self,
        path: Path,
        tables: dict[str, list[dict[str, Any]]] | None = None,
        *,
        date_cells: bool = True,
        extra_fields: dict[str, list[str]] | None = None,
        sheet_name: Any = str.lower,
        cells: list[dict[str, Any]] = (),  # type: ignore[assignment]
    ) -> Path:
        """The briefing as one .xlsx workbook: a briefing sheet, one sheet per table given, lists
        as 'a; b', (with `date_cells`) dates as Excel writes them, as date cells; then `cells`
        ({sheet, cell, value}) overwritten, to break it. Sheets are in the order `sheets()` gives."""
        tables = self.tables() if tables is None else tables
        extra_fields = extra_fields or {}
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = sheet_name("briefing")
        sheet.append(list(self.meta))
        sheet.append(list(self.meta.values()))
        for spec in TABLES:
            if spec.name not in tables:
                continue
            sheet = book.create_sheet(sheet_name(spec.name))
            fields = [*spec.field_names, *extra_fields.get(spec.name, [])]
            sheet.append(fields)
            for record in tables[spec.name]:
                row = []
                for name in fields:
                    value = record.get(name)
                    date_field = name in spec.field_names and spec.field(name).kind is Kind.DATE
                    if isinstance(value, list):
                        value = "; ".join(value)
                    elif date_cells and date_field and value:
                        value = datetime.fromisoformat(value)
                    row.append(value)
                sheet.append(row)
        for cell in cells:
            book[cell["sheet"]][cell["cell"]] = cell["value"]
        book.save(path)
        return path

    def sheets(self, tables: dict[str, Any] | None = None) -> list[str]:
        """The sheet names `workbook` writes, in order (openpyxl stores sheet N as sheetN.xml)."""
        tables = self.tables() if tables is None else tables
        return ["briefing", *(t.name for t in TABLES if t.name in tables)]


def bundestag(target: Path) -> Path | None:
    """The Bundestag 2025 briefing, imported from ../shared into `target` (None without ../shared)."""
    if not WAHLOMAT_2025.is_dir():
        return None
    from dashboard.importers import run_import

    folder = target / BUNDESTAG
    if (
        not (folder / "briefing.yaml").is_file()
        and run_import("wahlomat", WAHLOMAT_2025, folder, force=True) != 0
    ):
        raise RuntimeError(f"the Wahl-O-Mat import of {WAHLOMAT_2025} failed: see its output")
    return folder


def data_folder(target: Path) -> Path:
    """A data folder holding copies of the shipped briefings and, where ../shared is there, the
    Bundestag 2025 briefing: every briefing the browser tests and benchmarks look at."""
    target.mkdir(parents=True, exist_ok=True)
    for briefing in sorted(PROJECT_DATA.iterdir()):
        if briefing.is_dir() and not (target / briefing.name).exists():
            shutil.copytree(briefing, target / briefing.name)
    bundestag(target)
    return target
