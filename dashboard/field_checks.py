"""Checks of one table's own fields (structure, required, ids, vocabularies, dates, web addresses):
the problems, and the rows set aside. Vectorised over whole columns; a message is only built for a
row that fails, and at most `limits.MAX_REPEATS` of them per check (`Problems.rows`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import repeat

import numpy as np
import pandas as pd

from dashboard import controls
from dashboard.formats import Nested, RawTable
from dashboard.problems import Problems, Severity, one_of, suggest
from dashboard.records import ID_PATTERN, FieldSpec, Kind, url_problem


class TableCheck:
    """The problems and the set-aside rows of one table."""

    def __init__(self, table: RawTable, problems: Problems) -> None:
        self.table = table
        self.spec = table.spec
        self.frame = table.frame.reset_index(drop=True)
        self.bad = np.zeros(len(self.frame), dtype=bool)
        self.problems = problems

    def label(self, row: int) -> str:
        frame, spec = self.frame, self.spec
        # Values are cut at 60 characters here as in every message: a line is read, not scrolled.
        if spec.key:
            key = frame.at[row, spec.key]
            return f"{spec.singular} {key:.60}" if isinstance(key, str) and key else spec.singular
        actor, issue = frame.at[row, "actor"], frame.at[row, "issue"]
        if isinstance(actor, str) and isinstance(issue, str):
            return f"position of {actor:.60} on {issue:.60}"
        return spec.singular

    def report(
        self,
        mask: np.ndarray | pd.Series,
        field: str,
        message: Callable[[int], str],
        severity: Severity = Severity.ERROR,
    ) -> None:
        mask = np.asarray(mask, dtype=bool)
        rows = np.flatnonzero(mask)
        if severity is Severity.ERROR:
            self.bad |= mask
        lines = self.frame["_line"].to_numpy()[rows]
        if self.table.field_lines:  # YAML (100,000 values at most): the line of the field itself
            lines = np.array(
                [
                    self.table.field_lines.get((int(row), field), line)
                    for row, line in zip(rows, lines, strict=True)
                ],
                dtype=np.int64,
            )
        self.problems.rows(
            self.table.file,
            lines,
            lambda i: f"{self.label(int(rows[i]))}: {message(int(rows[i]))}",
            severity=severity,
            sheet=self.table.sheet,
            field=field,
            more=lambda n: f"{self.spec.name}: {n:,} more like the above in '{field}'",
        )


def _is_structure(column: pd.Series) -> np.ndarray:
    if column.dtype != object:
        return np.zeros(len(column), dtype=bool)
    return np.asarray(column.map(lambda v: isinstance(v, list | Nested)).to_numpy(dtype=bool))


def _scalar_field(check: TableCheck, spec: FieldSpec) -> pd.Series:
    """The column as stripped text with missing values as NA, after structure and required checks."""
    column = check.frame[spec.name]
    structure = _is_structure(column)
    if structure.any():
        check.report(
            structure,
            spec.name,
            lambda r: (
                f"'{spec.name}' must be a single value, found "
                + (column.iat[r].what if isinstance(column.iat[r], Nested) else "a list")
            ),
        )
        column = column.mask(pd.Series(structure, index=column.index), None)
    text = column.astype("string").str.strip()
    empty = (text == "").to_numpy(dtype=bool, na_value=False)
    if empty.any():  # a mask costs a copy of the column even where nothing is empty (most columns)
        text = text.mask(empty, pd.NA)
    if spec.required:
        missing = (text.isna() & ~structure).to_numpy(dtype=bool)
        if missing.any():
            check.report(missing, spec.name, lambda r: f"missing required field '{spec.name}'")
    return text


def _normalised_words(text: pd.Series) -> pd.Series:
    """'Strongly Support', 'strongly-support' -> 'strongly_support', computed once per distinct value:
    a vocabulary column of 870,000 cells holds a handful of words."""
    codes, uniques = pd.factorize(text)
    if len(uniques) == 0:
        return text
    normal = pd.Series(uniques.astype(object)).str.lower().str.replace(r"[\s\-]+", "_", regex=True)
    values = normal.to_numpy(dtype=object)[codes]
    values[codes < 0] = None
    return pd.Series(values, index=text.index, dtype="string")


def _as_list(value: object) -> list[str] | Nested:
    if isinstance(value, Nested):
        return value
    if isinstance(value, list):
        return [v.strip() for v in value if isinstance(v, str) and v.strip()]
    if isinstance(value, str):
        return [v.strip() for v in value.split(";") if v.strip()]
    return []


def _list_field(check: TableCheck, spec: FieldSpec) -> pd.Series:
    column = check.frame[spec.name]
    values = column.to_numpy(dtype=object)
    # The UN votes' 870,109 positions each carry an empty evidence list: those are found with
    # C-level maps and only the rest go through Python (two Series.map calls were a second of the load).
    is_list = np.fromiter(map(isinstance, values, repeat(list)), dtype=bool, count=len(values))
    empty = np.zeros(len(values), dtype=bool)
    empty[is_list] = np.fromiter(map(len, values[is_list]), dtype=np.int64, count=int(is_list.sum())) == 0
    lists: list[list[str] | Nested] = list(values)  # the empty lists kept as they are
    nested = np.zeros(len(values), dtype=bool)
    for row in np.flatnonzero(~empty):
        lists[row] = _as_list(values[row])
        nested[row] = isinstance(lists[row], Nested)
    if nested.any():
        what = {row: value.what for row, value in enumerate(lists) if isinstance(value, Nested)}
        check.report(nested, spec.name, lambda r: f"'{spec.name}' must be a list of values, found {what[r]}")
        lists = [[] if isinstance(value, Nested) else value for value in lists]
    return pd.Series(lists, index=column.index, dtype=object)


def _id_field(check: TableCheck, spec: FieldSpec, text: pd.Series) -> pd.Series:
    ok = text.str.fullmatch(ID_PATTERN).fillna(True).to_numpy(dtype=bool)
    check.report(
        ~ok,
        spec.name,
        lambda r: (
            f"bad id '{text.iat[r]:.60}': use letters, digits and "
            "- _ . : only (no spaces or slashes), at most 128 characters"
        ),
    )
    return text


def _vocab_field(check: TableCheck, spec: FieldSpec, text: pd.Series) -> pd.Series:
    words = _normalised_words(text)
    outside = words.notna().to_numpy(dtype=bool) & ~words.isin(spec.vocab).to_numpy(dtype=bool)
    check.report(
        outside,
        spec.name,
        lambda r: (
            f"{spec.name} '{words.iat[r]:.60}' is not one of "
            f"{one_of(spec.vocab)}{suggest(str(words.iat[r]), spec.vocab)}"
        ),
    )
    return words


def _date_field(check: TableCheck, spec: FieldSpec, text: pd.Series) -> pd.Series:
    parsed = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    wrong = text.notna().to_numpy(dtype=bool) & parsed.isna().to_numpy(dtype=bool)
    check.report(
        wrong,
        spec.name,
        lambda r: (
            f"{spec.name} '{text.iat[r]:.60}' is not a date: write YYYY-MM-DD (a real day, e.g. 2024-11-02)"
        ),
    )
    return parsed


_SHOWN_ESCAPED = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def _shown(value: str) -> str:
    """A value as a message may print it: control and invisible characters written as escapes, so
    a terminal or page shows them instead of obeying them."""
    return _SHOWN_ESCAPED.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), value)


def _url_field(check: TableCheck, spec: FieldSpec, text: pd.Series) -> pd.Series:
    """A warning, not an error: the address is not the evidence (the source's title, publisher and
    date say what it is), and setting the source aside would set aside every quote that cites it.
    The page shows an address that is not a web address as text, never as a link."""
    why = {value: url_problem(value) for value in text.dropna().unique()}  # once per address
    wrong = [why.get(v, "") if isinstance(v, str) else "" for v in text.to_numpy(dtype=object)]
    bad = np.array([reason != "" for reason in wrong], dtype=bool)
    check.report(
        bad,
        spec.name,
        lambda r: (
            f"{spec.name} '{_shown(str(text.iat[r])):.60}' is not a "
            f"web address the page can link to: {wrong[r]}; write it as "
            "https://host/path. The source is kept and its address shown as text"
        ),
        Severity.WARNING,
    )
    return text


def _text_field(check: TableCheck, spec: FieldSpec, text: pd.Series) -> pd.Series:
    """A warning, not an error: the record stays as written (a quote's words are never edited) and
    every output shows the character as a visible sign (`controls.visible`)."""
    holds = text.str.contains(controls.COLUMN_PATTERN, regex=True).fillna(False).to_numpy(dtype=bool)
    if holds.any():
        check.report(
            holds, spec.name, lambda r: f"{spec.name} {controls.find(str(text.iat[r]))}", Severity.WARNING
        )
    return text


def _list_controls(check: TableCheck, spec: FieldSpec, lists: pd.Series) -> None:
    found = [
        next((controls.find(v) for v in values if controls.find(v)), "") if isinstance(values, list) else ""
        for values in lists.to_numpy(dtype=object)
    ]
    holds = np.array([bool(f) for f in found], dtype=bool)
    if holds.any():
        check.report(holds, spec.name, lambda r: f"{spec.name}: one value {found[r]}", Severity.WARNING)


_SCALAR_CHECKS: dict[Kind, Callable[[TableCheck, FieldSpec, pd.Series], pd.Series]] = {
    Kind.TEXT: _text_field,
    Kind.ID: _id_field,
    Kind.VOCAB: _vocab_field,
    Kind.DATE: _date_field,
    Kind.URL: _url_field,
}


def own_fields(check: TableCheck) -> pd.DataFrame:
    """Per-field checks that need no other table. Returns the normalised columns."""
    out: dict[str, pd.Series] = {}
    for spec in check.spec.fields:
        if spec.kind in (Kind.LIST, Kind.REFS):
            out[spec.name] = _list_field(check, spec)
            if spec.kind is Kind.LIST:
                _list_controls(check, spec, out[spec.name])
            continue
        text = _scalar_field(check, spec)
        kind_check = _SCALAR_CHECKS.get(spec.kind)
        out[spec.name] = kind_check(check, spec, text) if kind_check else text
    frame = pd.DataFrame(out, index=check.frame.index)
    frame["_line"] = check.frame["_line"]
    key = check.spec.key
    if key:
        duplicated = frame[key].notna() & frame[key].duplicated(keep="first")
        if duplicated.any():
            first_line = frame.drop_duplicates(key).set_index(key)["_line"]
            check.report(
                duplicated.to_numpy(),
                key,
                lambda r: (
                    f"duplicate id '{frame.at[r, key]:.60}' (first defined at line "
                    f"{first_line[frame.at[r, key]]})"
                ),
            )
    return frame
