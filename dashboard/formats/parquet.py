"""Parquet: one large table file (870,000 UN votes), converted column by column with pyarrow.

A briefing of 870,000 positions has 870,000 `evidence` lists, and turning each into a Python list
cell by cell took seconds. Text comes back as pandas' Arrow-backed "string" dtype, dates of type
date32 as 'YYYY-MM-DD' text; any other column type takes the general, cell-by-cell path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.formats.raw import (
    Nested,
    RawBriefing,
    RawTable,
    Reader,
    check_fields,
    display_path,
    empty_table,
    to_cell,
)
from dashboard.records import FieldSpec, Kind, TableSpec

_LISTS = (Kind.LIST, Kind.REFS)


def _general(column: pd.Series, kind: Kind) -> pd.Series:
    """The cell-by-cell conversion, for column types the fast paths do not cover."""
    if kind in _LISTS:
        return column.map(to_cell, na_action="ignore").map(
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
    return column.map(to_cell, na_action="ignore")


def _text(values: Any) -> pd.Series:
    import pyarrow as pa

    return pd.Series(values.cast(pa.large_string()).to_pandas(
        types_mapper=lambda _: pd.StringDtype("pyarrow")), dtype=pd.StringDtype("pyarrow"))


def _lists(values: Any, rows: int) -> pd.Series:
    """list<string> cells as Python lists of the non-null items; a null list is []."""
    import pyarrow.compute as pc

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


def _is_text(kind: Any) -> bool:
    import pyarrow as pa

    return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind))


def _is_text_list(kind: Any) -> bool:
    import pyarrow as pa

    return bool((pa.types.is_list(kind) or pa.types.is_large_list(kind)) and (
        _is_text(kind.value_type) or pa.types.is_null(kind.value_type)))


def _column(values: Any, spec: FieldSpec, rows: int, name: str, table: TableSpec,
            raw: RawBriefing) -> pd.Series:
    import pyarrow as pa

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
            raw.problem(name, None, f"{table.name}: column '{spec.name}' holds bytes that are not "
                        "UTF-8 text: save the file again", field=spec.name)
            return pd.Series([None] * rows, dtype=object)
        values, kind = values.cast(binary), binary
    if spec.kind in _LISTS and _is_text_list(kind):
        return _lists(values, rows)
    if spec.kind not in _LISTS and (_is_text(kind) or (
            spec.kind is Kind.DATE and pa.types.is_date32(kind))):
        return _text(values)
    return _general(values.to_pandas(), spec.kind)


def read_table(path: Path, spec: TableSpec, raw: RawBriefing) -> RawTable:
    import pyarrow.parquet as pq

    name = display_path(path)
    try:
        table = pq.read_table(path)
    except Exception as exc:  # pyarrow raises many types for a broken file; all mean the same here
        raw.problem(name, None, f"cannot read Parquet file: {exc}")
        return empty_table(spec, name)
    # A pandas index saved with the table is not a field (pd.read_parquet made it the index).
    index_columns = (table.schema.pandas_metadata or {}).get("index_columns", [])
    names = [c for c in table.column_names if c not in index_columns]
    check_fields(raw, spec, [c for c in names if c not in spec.field_names], name, None)
    rows = table.num_rows
    columns: dict[str, pd.Series] = {}
    for f in spec.fields:
        if f.name not in names:
            columns[f.name] = pd.Series([None] * rows, dtype=object)
            continue
        values = table.column(table.column_names.index(f.name))
        columns[f.name] = _column(values, f, rows, name, spec, raw)
    frame = pd.DataFrame(columns, index=pd.RangeIndex(rows))
    # Row numbers count from 1 like a spreadsheet's data rows.
    frame["_line"] = pd.RangeIndex(1, rows + 1)
    return RawTable(spec, name, frame=frame)


READER = Reader("Parquet", read_table)
