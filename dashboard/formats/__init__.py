"""Briefing files of every supported format read into raw tables, each row pinned to its line.

One module per format (`text` for the encoding every text format shares, `yaml`, `json`, `csv`,
`xlsx`, `parquet`), each with a `READER`; `folder` maps suffixes to readers and reads a whole
briefing; `raw` holds the tables they produce. Reading never stops at the first problem: a broken
record is reported and set aside, the rest are read. Nothing here judges values; `validate.py` does.
"""

from dashboard.formats.folder import READERS, TABLE_SUFFIXES, read_briefing
from dashboard.formats.raw import (
    LIST_SEPARATOR,
    Cell,
    Nested,
    RawBriefing,
    RawTable,
    Reader,
)
from dashboard.problems import display_path

__all__ = [
    "LIST_SEPARATOR",
    "READERS",
    "TABLE_SUFFIXES",
    "Cell",
    "Nested",
    "RawBriefing",
    "RawTable",
    "Reader",
    "display_path",
    "read_briefing",
]
