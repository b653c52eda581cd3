"""Write a briefing in any supported format: the other half of `convert` and the importers.

Every writer goes through `records_of`, one canonical list of plain records per table, so any two
formats hold the same thing. Output is written beside the destination and moved into place at the
end: a failed write never leaves half a briefing behind.
"""

from __future__ import annotations

import csv
import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from dashboard.briefing import Briefing
from dashboard.formats import LIST_SEPARATOR
from dashboard.records import META_FIELDS, OPTIONAL_TABLES, TABLES, Kind, TableSpec

FOLDER_FORMATS = ("yaml", "csv", "json", "parquet")


def _plain(value: Any, kind: Kind) -> Any:
    if kind in (Kind.LIST, Kind.REFS):
        return [str(v) for v in value] if isinstance(value, list) else []
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if value is pd.NaT:
        return None
    if kind is Kind.DATE:
        return pd.Timestamp(value).date()
    return str(value)


def records_of(briefing: Briefing, spec: TableSpec) -> list[dict[str, Any]]:
    """Rows as dicts in field order, with absent optional values (None, empty list) left out."""
    frame = getattr(briefing, spec.name)
    columns = {f.name: frame[f.name].tolist() for f in spec.fields}
    records = []
    for i in range(len(frame)):
        record = {}
        for f in spec.fields:
            value = _plain(columns[f.name][i], f.kind)
            if value is not None and value != []:
                record[f.name] = value
        records.append(record)
    return records


def meta_of(briefing: Briefing) -> dict[str, Any]:
    meta = briefing.meta.model_dump()
    return {k: meta[k] for k in META_FIELDS if meta.get(k) not in (None, "")}


def written_tables(briefing: Briefing) -> tuple[TableSpec, ...]:
    """The tables a briefing's files hold: every one, but an optional table (blocs) only when it
    has records, so a briefing without blocs converts to the same files as before they existed."""
    return tuple(t for t in TABLES if t.name not in OPTIONAL_TABLES or len(getattr(briefing, t.name)))


def canonical(briefing: Briefing) -> dict[str, Any]:
    """The one JSON document with its sections; the same whatever format the briefing came in."""
    document: dict[str, Any] = {"briefing": _jsonable(meta_of(briefing))}
    for spec in written_tables(briefing):
        document[spec.name] = [_jsonable(r) for r in records_of(briefing, spec)]
    return document


def _jsonable(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in record.items()}


def _dump_yaml(data: Any, path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        yaml.safe_dump(data, handle, allow_unicode=True, sort_keys=False, width=100)


def _write_csv(records: list[dict[str, Any]], spec: TableSpec, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(spec.field_names)
        for record in records:
            writer.writerow([_csv_cell(record.get(f.name)) for f in spec.fields])


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return f"{LIST_SEPARATOR} ".join(value)
    return value.isoformat() if isinstance(value, date) else str(value)


def _write_parquet(briefing: Briefing, spec: TableSpec, path: Path) -> None:
    frame = getattr(briefing, spec.name)[list(spec.field_names)].copy()
    for f in spec.fields:
        if f.kind is Kind.DATE:
            frame[f.name] = pd.to_datetime(frame[f.name]).dt.date
        elif f.kind in (Kind.LIST, Kind.REFS):
            frame[f.name] = frame[f.name].map(lambda v: list(v) if isinstance(v, list) else [])
        else:
            frame[f.name] = frame[f.name].astype("string")
    frame.to_parquet(path, index=False)


def _write_folder(briefing: Briefing, folder: Path, fmt: str) -> None:
    folder.mkdir(parents=True)
    _dump_yaml(meta_of(briefing), folder / "briefing.yaml")
    for spec in written_tables(briefing):
        target = folder / f"{spec.name}.{fmt}"
        if fmt == "parquet":
            _write_parquet(briefing, spec, target)
            continue
        records = records_of(briefing, spec)
        if fmt == "yaml":
            _dump_yaml(records, target)
        elif fmt == "json":
            target.write_text(
                json.dumps([_jsonable(r) for r in records], ensure_ascii=False, indent=2) + "\n",
                encoding="utf-8",
            )
        else:
            _write_csv(records, spec, target)


def _write_xlsx(briefing: Briefing, path: Path) -> None:
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
            _append_text_row(sheet, [_csv_cell(record.get(f.name)) or None for f in spec.fields])
    workbook.save(path)


def _append_text_row(sheet: Any, values: list[Any]) -> None:
    """Append a row whose cells are text: openpyxl would store '=...' as a formula, which reads
    back empty (and would run in Excel)."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"


@contextmanager
def _staged(dest: Path) -> Iterator[Path]:
    """A scratch path beside `dest` that becomes `dest` only if the block finishes."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", dir=dest.parent))
    try:
        yield scratch / dest.name
        (scratch / dest.name).replace(dest)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def write_briefing(briefing: Briefing, dest: Path, fmt: str | None = None) -> None:
    """Write by DEST's suffix: .json (canonical), .yaml (one file), .xlsx; else a folder of `fmt`."""
    suffix = dest.suffix.lower()
    with _staged(dest) as target:
        if suffix == ".json":
            target.write_text(
                json.dumps(canonical(briefing), ensure_ascii=False, indent=2) + "\n",
                encoding="utf-8",
            )
        elif suffix in (".yaml", ".yml"):
            document: dict[str, Any] = {"briefing": meta_of(briefing)}
            document.update({s.name: records_of(briefing, s) for s in written_tables(briefing)})
            _dump_yaml(document, target)
        elif suffix == ".xlsx":
            _write_xlsx(briefing, target)
        else:
            _write_folder(briefing, target, fmt or "yaml")
