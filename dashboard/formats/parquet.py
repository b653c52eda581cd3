"""Parquet: one large table file (870,000 UN votes), converted column by column with pyarrow.

A briefing of 870,000 positions has 870,000 `evidence` lists, and turning each into a Python list
cell by cell took seconds. Text comes back as pandas' Arrow-backed "string" dtype, dates of type
date32 as 'YYYY-MM-DD' text; any other column type takes the general, cell-by-cell path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.briefing import Briefing
from dashboard.formats import limits
from dashboard.formats.raw import (
    Format,
    Nested,
    RawBriefing,
    RawTable,
    check_fields,
    empty_table,
    to_cell,
    too_many,
)
from dashboard.formats.text import too_large
from dashboard.problems import display_path
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

    return pd.Series(
        values.cast(pa.large_string()).to_pandas(types_mapper=lambda _: pd.StringDtype("pyarrow")),
        dtype=pd.StringDtype("pyarrow"),
    )


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
        return pd.Series([[v for v in cell if v is not None] if cell else [] for cell in cells], dtype=object)
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

    return bool(
        (pa.types.is_list(kind) or pa.types.is_large_list(kind))
        and (_is_text(kind.value_type) or pa.types.is_null(kind.value_type))
    )


def _column(
    values: Any, spec: FieldSpec, rows: int, name: str, table: TableSpec, raw: RawBriefing
) -> pd.Series:
    import pyarrow as pa

    values = _decoded(values)
    kind = values.type
    if not _valid_utf8(values):
        # Arrow does not check a file's strings when it reads them, and the first string
        # operation on bytes that are not UTF-8 would raise. Text and lists of text are read
        # as bytes instead, cell by cell, so each bad cell is reported on its row.
        binary = _as_binary(kind)
        if binary is None:
            raw.error(
                name,
                None,
                f"{table.name}: column '{spec.name}' holds bytes that are not "
                "UTF-8 text: save the file again",
                field=spec.name,
            )
            return pd.Series([None] * rows, dtype=object)
        values, kind = values.cast(binary), binary
    if spec.kind in _LISTS and _is_text_list(kind):
        return _lists(values, rows)
    if spec.kind not in _LISTS and (_is_text(kind) or (spec.kind is Kind.DATE and pa.types.is_date32(kind))):
        return _text(values)
    return _general(values.to_pandas(), spec.kind)


def _footer_within_bounds(parquet: Any, spec: TableSpec, name: str, raw: RawBriefing) -> bool:
    """False, with a problem, if the file's footer says it holds more rows or columns than a table
    may, or pages that decompress to more than a briefing may (or far more than they take)."""
    meta = parquet.metadata
    if too_many(meta.num_rows, limits.MAX_ROWS, "rows", spec, name, raw) or too_many(
        meta.num_columns, limits.MAX_COLUMNS, "columns", spec, name, raw
    ):
        return False
    chunks = [
        meta.row_group(g).column(c) for g in range(meta.num_row_groups) for c in range(meta.num_columns)
    ]
    if too_large(
        sum(c.total_uncompressed_size for c in chunks),
        limits.MAX_UNPACKED_BYTES,
        name,
        raw,
        ": not read; split the table into smaller files",
        "the file once decompressed",
    ):
        return False
    for chunk in chunks:
        ratio = chunk.total_uncompressed_size / max(chunk.total_compressed_size, 1)
        if chunk.total_uncompressed_size > limits.MiB and ratio > limits.MAX_EXPANSION:
            raw.error(
                name,
                None,
                f"{spec.name}: column '{chunk.path_in_schema:.60}' decompresses "
                f"{ratio:,.0f} times (at most {limits.MAX_EXPANSION}): not read, as a "
                "compression bomb would be",
                field=chunk.path_in_schema,
            )
            return False
    return True


def _decoded_bytes(values: Any) -> int:
    """What a column read with its dictionaries kept (indices into a list of distinct texts) takes
    once every index is replaced by its text: 20 million rows of one long text are small in the
    file and gigabytes decoded."""
    import pyarrow as pa
    import pyarrow.compute as pc

    total = 0
    for chunk in values.chunks:
        while pa.types.is_list(chunk.type) or pa.types.is_large_list(chunk.type):
            chunk = chunk.flatten()
        if pa.types.is_dictionary(chunk.type):
            lengths = pc.binary_length(chunk.dictionary)
            total += pc.sum(pc.take(lengths, chunk.indices)).as_py() or 0
    return total


def _decoded(values: Any) -> Any:
    """The column with its dictionaries expanded: text, or lists of text."""
    import pyarrow as pa

    kind = values.type
    if pa.types.is_dictionary(kind):
        return pa.chunked_array([c.dictionary_decode() for c in values.chunks], type=kind.value_type)
    if (pa.types.is_list(kind) or pa.types.is_large_list(kind)) and pa.types.is_dictionary(kind.value_type):
        return values.cast(pa.large_list(kind.value_type.value_type))
    return values


def _open(path: Path, spec: TableSpec, name: str, raw: RawBriefing) -> Any:
    """The file's known columns, text kept as dictionaries; None, with a problem, if it is past a
    bound (checked from the footer, before any page is read) or unreadable."""
    import pyarrow.parquet as pq

    try:
        if too_large(path.stat().st_size, limits.MAX_FILE_BYTES, name, raw, ""):
            return None
        parquet = pq.ParquetFile(path)
        if not _footer_within_bounds(parquet, spec, name, raw):
            return None
        schema = parquet.schema
        leaves = [schema.column(i) for i in range(len(schema))]
        texts = [
            c.path
            for c in leaves
            if c.physical_type == "BYTE_ARRAY" and (c.path.split(".")[0] in spec.field_names)
        ]
        wanted = [n for n in parquet.schema_arrow.names if n in spec.field_names]
        table = pq.ParquetFile(path, read_dictionary=texts).read(columns=wanted)
    except Exception as exc:  # pyarrow raises many types for a broken file; all mean the same here
        raw.error(name, None, f"cannot read Parquet file: {exc}")
        return None
    decoded = sum(_decoded_bytes(table.column(n)) for n in wanted)
    if too_large(
        decoded,
        limits.MAX_DECODED_BYTES,
        name,
        raw,
        ": not decoded; split the table into smaller files",
        "its text, once each repeated value is written out,",
    ):
        return None
    return parquet, table


def read_table(path: Path, spec: TableSpec, raw: RawBriefing) -> RawTable:
    name = display_path(path)
    opened = _open(path, spec, name, raw)
    if opened is None:
        return empty_table(spec, name)
    parquet, table = opened
    # A pandas index saved with the table is not a field (pd.read_parquet made it the index).
    index_columns = (parquet.schema_arrow.pandas_metadata or {}).get("index_columns", [])
    names = [c for c in parquet.schema_arrow.names if c not in index_columns]
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


def write_table(briefing: Briefing, spec: TableSpec, path: Path) -> None:
    """The table's frame as it is (no records in between): lists as lists, dates as dates."""
    # reindex: a field the frame lacks (an optional one added since it was built) is written empty.
    frame = getattr(briefing, spec.name).reindex(columns=list(spec.field_names)).copy()
    for f in spec.fields:
        if f.kind is Kind.DATE:
            frame[f.name] = pd.to_datetime(frame[f.name]).dt.date
        elif f.kind in (Kind.LIST, Kind.REFS):
            frame[f.name] = frame[f.name].map(lambda v: list(v) if isinstance(v, list) else [])
        else:
            frame[f.name] = frame[f.name].astype("string")
    frame.to_parquet(path, index=False)


FORMAT = Format("Parquet", read_table, write_table=write_table)
