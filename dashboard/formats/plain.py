"""A briefing as plain records, the form every writer writes: one list of dicts per table, in field
order, with absent values left out, so any two formats hold the same thing."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from dashboard.briefing import Briefing
from dashboard.formats.raw import LIST_SEPARATOR
from dashboard.records import META_FIELDS, OPTIONAL_TABLES, TABLES, Kind, TableSpec


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


def cell_text(value: Any) -> str:
    """A plain value as the text of one CSV or workbook cell: a list's items joined by '; '."""
    if value is None:
        return ""
    if isinstance(value, list):
        return f"{LIST_SEPARATOR} ".join(value)
    return value.isoformat() if isinstance(value, date) else str(value)
