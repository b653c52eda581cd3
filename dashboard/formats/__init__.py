"""Briefing files of every supported format, read into raw tables (each row pinned to its line) and
written from a briefing.

One module per format (`yaml`, `json`, `csv`, `xlsx`, `parquet`; `text` for the encoding every text
format shares), each with a `FORMAT`: its reader beside its writer. `folder` maps suffixes to formats
and reads and writes a whole briefing; `raw` holds the tables the readers produce, `plain` the
records the writers write. Reading never stops at the first problem: a broken record is reported and
set aside, the rest are read. Nothing here judges values; `validate.py` does.
"""

from dashboard.formats.folder import (
    FOLDER_FORMATS,
    FORMATS,
    TABLE_SUFFIXES,
    read_briefing,
    write_briefing,
)
from dashboard.formats.raw import (
    LIST_SEPARATOR,
    Cell,
    Format,
    Nested,
    RawBriefing,
    RawTable,
)
from dashboard.problems import display_path

__all__ = [
    "FOLDER_FORMATS",
    "FORMATS",
    "LIST_SEPARATOR",
    "TABLE_SUFFIXES",
    "Cell",
    "Format",
    "Nested",
    "RawBriefing",
    "RawTable",
    "display_path",
    "read_briefing",
    "write_briefing",
]
