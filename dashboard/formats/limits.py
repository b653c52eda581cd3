"""What one briefing file may cost: every bound on input, in one table the README's is checked against.

Each bound is checked before the work it guards (a file's size before it is read, a YAML file's values
as libyaml's parser counts them before a tree is built, a workbook's unpacked size from its zip index
before openpyxl opens it, a Parquet file's rows from its footer before a column is decoded), so a file
past a bound costs about what reading its first part costs. The figures leave room above the largest
shipped briefing (870,109 UN votes: 1.1 MB of Parquet, 43 MB of text once decoded) and keep the worst
file under every bound to about half a minute and a gigabyte on a 2-core machine (docs/robustness.md).
"""

from __future__ import annotations

from dataclasses import dataclass

MiB = 2**20

MAX_FILE_BYTES = 32 * MiB  # any one file: 470,000 CSV positions (a 62 MiB CSV took a minute, 1.6 GB)
MAX_YAML_BYTES = 16 * MiB  # PyYAML's pure-Python scanner reads about 1 MB a second
MAX_YAML_VALUES = 100_000  # texts, lists and mappings; the largest shipped YAML file has 18,868
MAX_JSON_VALUES = 5_000_000  # a 100,000-position JSON file has about 1.9 million
MAX_DEPTH = 32  # lists and mappings inside each other; a briefing needs 5
MAX_ROWS = 1_000_000  # records in one table, in any format: CSV rows, JSON items, sheet or Parquet rows
MAX_COLUMNS = 1_000  # header cells or Parquet columns; a table has at most 9 fields
MAX_SHEET_CELLS = 2_000_000  # rows x header width in one sheet: openpyxl reads about 100,000 a second
MAX_UNPACKED_BYTES = 256 * MiB  # an .xlsx once unzipped, a Parquet file once decompressed
MAX_EXPANSION = 200  # unpacked / packed size of one zip entry or Parquet column chunk (over 1 MiB)
MAX_DECODED_BYTES = 256 * MiB  # a Parquet file's text once dictionary pages are expanded
# Problems of one kind named per file (a reader's, a field check's, an importer's bad rows); the rest
# are counted ("N more like the above").
MAX_REPEATS = 200


@dataclass(frozen=True)
class Bound:
    """One row of the README's table of bounds."""

    what: str
    value: int
    unit: str
    formats: str

    @property
    def shown(self) -> str:
        """The value as the README's table writes it: '64 MiB', '200,000 values'."""
        return size(self.value) if self.unit == "bytes" else f"{self.value:,} {self.unit}"


BOUNDS: tuple[Bound, ...] = (
    Bound("file size", MAX_FILE_BYTES, "bytes", "every file"),
    Bound("file size", MAX_YAML_BYTES, "bytes", "YAML"),
    Bound("values in one file", MAX_YAML_VALUES, "values", "YAML"),
    Bound("values in one file", MAX_JSON_VALUES, "values", "JSON"),
    Bound("nesting depth", MAX_DEPTH, "levels", "YAML"),
    Bound("rows in one table", MAX_ROWS, "rows", "CSV, JSON, XLSX, Parquet"),
    Bound("columns in one table", MAX_COLUMNS, "columns", "CSV, XLSX, Parquet"),
    Bound("cells in one sheet", MAX_SHEET_CELLS, "cells", "XLSX"),
    Bound("unpacked size", MAX_UNPACKED_BYTES, "bytes", "XLSX, Parquet"),
    Bound("expansion ratio", MAX_EXPANSION, "times", "XLSX, Parquet"),
    Bound("decoded text", MAX_DECODED_BYTES, "bytes", "Parquet"),
    Bound("problems of one kind named", MAX_REPEATS, "per file", "every file"),
)


def size(count: int) -> str:
    """A byte count as a person reads it: '64 MiB', '820 KB'."""
    if count >= MiB:
        return f"{count / MiB:,.0f} MiB" if count % MiB == 0 else f"{count / MiB:,.1f} MiB"
    return f"{count / 1000:,.0f} KB" if count >= 1000 else f"{count} bytes"
