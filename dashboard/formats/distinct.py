"""A large table's own fields checked once per distinct value, with the checks, the messages and
the set-aside rows of the row path (`field_checks.own_fields`).

870,109 UN votes name 200 actors and 6,203 issues and hold three stances, one basis and one source:
checked row by row, the same few thousand values are stripped, matched and parsed 870,109 times
(0.9 s of a 2 s validation). Every check of a table's own fields is a function of one cell's value
(the id's uniqueness aside), so here each field's column is split into its distinct values, the
row path runs on one row of each, and what it makes of them is spread back over the rows:
- a text column is split by value; any other column (lists, structures, cells of mixed types) by
  the identity of its cells, which never merges two values that differ (1 and True hash alike);
- a row that any check reported on, error or warning, is *flagged*, and so is every row whose id
  another row has too;
- the flagged rows, in their order and at their lines, go through the row path once more as a table
  of their own, which reports their problems (so every message, line, count and "N more like the
  above" is the row path's: a check's rows there are all its rows) and says which are set aside.

The normalised columns are the row path's, value for value (tests/formats/test_vector_paths.py holds
both paths equal on the hostile corpus and on rows with faults put in). A table under `FROM_ROWS`
rows takes the row path: splitting costs more than it saves.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from dashboard.field_checks import TableCheck
from dashboard.field_checks import own_fields as own_fields_by_row
from dashboard.formats.raw import RawTable
from dashboard.problems import Problems, Severity
from dashboard.records import FieldSpec, TableSpec

FROM_ROWS = 20_000


class _Flags(TableCheck):
    """A check of one field over one row of each distinct value that notes which rows a check
    reported on, and builds no message."""

    def __init__(self, table: RawTable) -> None:
        super().__init__(table, Problems())
        self.flagged = np.zeros(len(self.frame), dtype=bool)

    def report(
        self,
        mask: np.ndarray | pd.Series,
        field: str,
        message: Callable[[int], str],
        severity: Severity = Severity.ERROR,
    ) -> None:
        self.flagged |= np.asarray(mask, dtype=bool)


def _codes(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Each row's distinct value as a number, and a row holding each number's value."""
    if isinstance(column.dtype, pd.StringDtype):
        codes = np.asarray(pd.factorize(column)[0], dtype=np.int64)
    else:
        cells = column.to_numpy(dtype=object)
        codes = np.asarray(
            pd.factorize(np.fromiter(map(id, cells), dtype=np.int64, count=len(cells)))[0], dtype=np.int64
        )
    # Values are numbered in order of first appearance (pd.factorize, sort=False): a row starts a
    # number when it passes every number before it. Missing values (-1) get the next number.
    highest = np.maximum.accumulate(codes)
    firsts = np.flatnonzero(highest > np.concatenate(([-1], highest[:-1])))
    if len(firsts) != highest[-1] + 1:  # not in order after all: found the slow way
        firsts = np.unique(codes[codes >= 0], return_index=True)[1]
        firsts = np.flatnonzero(codes >= 0)[firsts]
    missing = codes < 0
    if missing.any():
        codes = np.where(missing, len(firsts), codes)
        firsts = np.append(firsts, np.argmax(missing))
    return codes, firsts


def _field(check: TableCheck, spec: FieldSpec) -> tuple[pd.Series, np.ndarray]:
    """One field's normalised column, and the rows a check of it reported on."""
    frame = check.frame
    codes, rows = _codes(frame[spec.name])
    firsts = frame[[spec.name, "_line"]].iloc[rows].reset_index(drop=True)
    table = check.table
    one = TableSpec(table.spec.name, table.spec.singular, (spec,))
    flags = _Flags(RawTable(one, table.file, table.sheet, frame=firsts))
    normal = own_fields_by_row(flags)[spec.name]
    values = pd.Series(normal.array.take(codes), index=frame.index, name=spec.name)
    return values, flags.flagged[codes]


def _rows_of(table: RawTable, frame: pd.DataFrame, rows: np.ndarray) -> RawTable:
    """The rows as a table of their own; a field's own line (YAML) kept for each."""
    lines: dict[tuple[int, str], int] = {}
    if table.field_lines:
        new = dict(zip(rows.tolist(), range(len(rows)), strict=True))
        lines = {(new[row], name): line for (row, name), line in table.field_lines.items() if row in new}
    return RawTable(
        table.spec, table.file, table.sheet, frame=frame.iloc[rows].reset_index(drop=True), field_lines=lines
    )


def own_fields(check: TableCheck, from_rows: int | None = FROM_ROWS) -> pd.DataFrame:
    """`field_checks.own_fields`, once per distinct value for a table of `from_rows` rows or more
    (None: always row by row). The same normalised columns, the same problems reported to
    `check.problems` in the same order, the same rows set aside in `check.bad`."""
    if from_rows is None or len(check.frame) < from_rows or len(check.frame) == 0:
        return own_fields_by_row(check)
    flagged = np.zeros(len(check.frame), dtype=bool)
    out: dict[str, pd.Series] = {}
    for spec in check.spec.fields:
        out[spec.name], reported = _field(check, spec)
        flagged |= reported
    frame = pd.DataFrame(out, index=check.frame.index)
    frame["_line"] = check.frame["_line"]
    key = check.spec.key
    if key:  # every row of an id given twice: the row path names the first beside the others
        flagged |= (frame[key].notna() & frame[key].duplicated(keep=False)).to_numpy(dtype=bool)
    rows = np.flatnonzero(flagged)
    if rows.size:
        again = TableCheck(_rows_of(check.table, check.frame, rows), check.problems)
        own_fields_by_row(again)
        check.bad[rows] |= again.bad
    return frame
