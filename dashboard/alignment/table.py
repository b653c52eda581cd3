"""The scales of stance codes and the dense actors x issues table of each actor's latest stance."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

import numpy as np
import pandas as pd

from dashboard.briefing import Briefing
from dashboard.records import ON_LINE_STANCES, STANCE_TABLE, STANCES

# ------------------------------------------------------------------------------------ the scales

# Stance codes are positions in STANCES: the first ON_LINE lie on the line from strong support to
# strong opposition, then mixed and silent. -1 in a table means no record. Every array is derived
# from the one stance table (records.STANCE_TABLE).
N_STANCES = len(STANCES)
NO_RECORD = -1
ON_LINE = len(ON_LINE_STANCES)  # codes below this are on the ordered scale
MIXED, SILENT, NEUTRAL = STANCES.index("mixed"), STANCES.index("silent"), STANCES.index("neutral")
# Side of each stance on the line: +1 for, -1 against, 0 none (neutral, mixed, silent).
SIDE = np.array([s.side for s in STANCE_TABLE], dtype=np.int8)
# Place on the ordered scale (the agreement index's strengths).
ORDINAL_VALUE = np.array([s.strength for s in STANCE_TABLE if s.on_line])
# Credit a pair gets on one issue: 1 - |a - b| / 2, never below 0. Yes/abstain/no (support, neutral,
# oppose) give 1, 0.5 and 0, as un-project.org's agreement index does; strongly_support vs support
# 0.75, strongly_support vs neutral 0.25, any two opposite sides 0.
CREDIT = np.clip(1.0 - np.abs(ORDINAL_VALUE[:, None] - ORDINAL_VALUE[None, :]) / 2.0, 0.0, None)


@dataclass(frozen=True)
class MeasureInfo:
    """An agreement measure: its id (in links and the CLI), its short name and what it counts."""

    id: str
    short: str
    label: str


# The one table of measures: the link codec, the alignment view, the notes and the CLI read it.
MEASURE_TABLE: tuple[MeasureInfo, ...] = (
    MeasureInfo("coincidence", "Coincidence", "Coincidence (same side, among issues where both took a side)"),
    MeasureInfo(
        "index", "Agreement index", "Agreement index (partial credit by distance on the stance scale)"
    ),
    MeasureInfo("kappa", "Weighted kappa", "Weighted kappa (agreement index corrected for chance)"),
)
MEASURES: tuple[str, ...] = tuple(m.id for m in MEASURE_TABLE)
Measure = Literal["coincidence", "index", "kappa"]
GROUPINGS: tuple[str, ...] = ("year", "topic")
MEASURE_LABELS: dict[str, str] = {m.id: m.label for m in MEASURE_TABLE}
MEASURE_SHORT: dict[str, str] = {m.id: m.short for m in MEASURE_TABLE}
# Below this many shared issues a rate is shown as too thin and never ranked: at n = 10 a perfect
# record still has a 95% Wilson interval reaching down to 0.72. A hand briefing of a few issues
# will be "too thin" throughout, which is what it is; callers may lower the bar and say so.
MIN_SHARED_ISSUES = 10
Z_95 = 1.959963984540054  # two-sided 95% normal quantile
NO_TOPIC = "(no topic)"

# The columns every agreement frame has, in order: the CSV's header. `neutral` to `own_reading` are
# the issues in scope a measure left out, each counted once (LEFT_OUT), so they and `n` add up to
# `issues`.
COLUMNS: tuple[str, ...] = (
    "actor",
    "other",
    "group",
    "measure",
    "value",
    "n",
    "first",
    "last",
    "low",
    "high",
    "thin",
    "issues",
    "neutral",
    "mixed",
    "silent",
    "no_record",
    "own_reading",
    "note",
)


# What a figure leaves out, in the order it is written ('left out: 1 neutral, 5 no record, 1 own
# reading'): each column and its words. `own_reading` is an issue where one side's position is the
# other's reading of it (an expert's inference of a state): nobody agrees with their own reading.
LEFT_OUT: tuple[tuple[str, str], ...] = (
    ("neutral", "neutral"),
    ("mixed", "mixed"),
    ("silent", "silent"),
    ("no_record", "no record"),
    ("own_reading", "own reading"),
)


class AgreementError(ValueError):
    """A request the data cannot answer: an unknown actor, issue, measure or grouping."""


@dataclass(frozen=True)
class Scope:
    """Which positions count: the issues (None: all), an inclusive as-of range, the bases (None: all).

    An undated position counts as the oldest: a `date_from` leaves it out, a `date_to` alone keeps it.
    The issues in scope are the chosen issues on which anyone holds a position that passes these
    filters; an actor with no such position on one of them has no record there.
    """

    issues: tuple[str, ...] | None = None
    date_from: date | None = None
    date_to: date | None = None
    bases: tuple[str, ...] | None = None

    def label(self) -> str:
        if self.date_from is None and self.date_to is None:
            return "all"
        start = self.date_from.isoformat() if self.date_from else ""
        end = self.date_to.isoformat() if self.date_to else ""
        return f"{start}..{end}"


WHOLE = Scope()  # every issue, every date, every basis


def position_ids(values: np.ndarray) -> pd.arrays.IntegerArray:
    """Position ids as a nullable integer array: -1 (no position) becomes missing."""
    values = np.asarray(values, dtype=np.int64)
    return pd.arrays.IntegerArray(values, mask=values < 0)


# ------------------------------------------------------------------------------------ the tables


@dataclass(frozen=True)
class StanceTable:
    """Each actor's latest position per issue in scope, as codes in a dense table."""

    actors: tuple[str, ...]  # rows
    issues: np.ndarray  # issue ids in scope (columns), in the briefing's issue order
    stance: np.ndarray  # int8, actors x issues: index into STANCES, NO_RECORD where there is none
    position: np.ndarray  # int64, actors x issues: the position id, -1 where there is none


def _stance_codes(positions: pd.DataFrame) -> np.ndarray:
    """Each position's index into STANCES (-1 if it has none), whatever the column's categories."""
    stance = positions["stance"]
    of_category = pd.Index(STANCES).get_indexer(stance.cat.categories)
    codes = stance.cat.codes.to_numpy()
    return np.where(codes >= 0, of_category[codes], -1).astype(np.int8)


def _day(value: date, like: np.ndarray) -> np.ndarray:
    return np.asarray(np.datetime64(value, "D").astype(like.dtype))


def _passing(briefing: Briefing, scope: Scope, stance: np.ndarray) -> np.ndarray | None:
    """Positions (by anyone) that pass the scope's issue, basis and date filters; None for all."""
    positions = briefing.positions
    mask: np.ndarray | None = None

    def both(more: np.ndarray) -> np.ndarray:
        return more if mask is None else mask & more

    if scope.issues is not None:
        mask = both(_chosen(positions["issue"], scope.issues, "issue"))
    if scope.bases is not None:
        mask = both(_chosen(positions["basis"], scope.bases, "basis", strict=False))
    if scope.date_from is not None or scope.date_to is not None:
        as_of = positions["as_of"].to_numpy()
        dated = ~np.isnat(as_of)
        if scope.date_from is not None:
            mask = both(dated & (as_of >= _day(scope.date_from, as_of)))
        if scope.date_to is not None:
            mask = both(~dated | (as_of <= _day(scope.date_to, as_of)))
    if (stance < 0).any():
        mask = both(stance >= 0)
    return mask


def _chosen(column: pd.Series, wanted: Iterable[str], what: str, strict: bool = True) -> np.ndarray:
    categories = pd.Index(column.cat.categories)
    wanted = list(wanted)
    found = categories.get_indexer(wanted)
    if strict and (found < 0).any():
        missing = [w for w, f in zip(wanted, found, strict=True) if f < 0]
        raise AgreementError(f"no such {what} in this briefing: {', '.join(missing)}")
    chosen = np.zeros(len(categories) + 1, dtype=bool)  # the extra slot takes code -1 (missing)
    chosen[found[found >= 0]] = True
    return np.asarray(chosen[column.cat.codes.to_numpy()])


def _actor_rows(briefing: Briefing, actors: Sequence[str]) -> np.ndarray:
    """Actor category code -> row in `actors` (-1 for actors not asked for)."""
    categories = pd.Index(briefing.positions["actor"].cat.categories)
    codes = categories.get_indexer(list(actors))
    if (codes < 0).any():
        missing = [a for a, c in zip(actors, codes, strict=True) if c < 0]
        raise AgreementError(f"no such actor in this briefing: {', '.join(missing)}")
    rows = np.full(len(categories), -1, dtype=np.int64)
    rows[codes] = np.arange(len(actors))
    return rows


@dataclass(frozen=True)
class _Selected:
    """The positions of the actors asked for that pass the scope, as arrays."""

    row: np.ndarray  # row in the table (which actor)
    issue: np.ndarray  # issue category code
    stance: np.ndarray
    when: np.ndarray  # datetime64 (NaT: undated)
    position: np.ndarray
    in_scope: np.ndarray  # bool per issue code: anyone holds a passing position on it
    passing: np.ndarray | None  # the mask over all positions (None: all pass)


def _select(briefing: Briefing, actors: Sequence[str], scope: Scope) -> _Selected:
    positions = briefing.positions
    stance = _stance_codes(positions)
    passing = _passing(briefing, scope, stance)
    issue_codes = positions["issue"].cat.codes.to_numpy()
    n_issues = len(positions["issue"].cat.categories)
    anyone = issue_codes if passing is None else issue_codes[passing]
    in_scope = np.bincount(anyone[anyone >= 0], minlength=n_issues) > 0
    rows = _actor_rows(briefing, actors)[positions["actor"].cat.codes.to_numpy()]
    keep = rows >= 0
    if passing is not None:
        keep &= passing
    keep &= issue_codes >= 0
    return _Selected(
        row=rows[keep],
        issue=issue_codes[keep],
        stance=stance[keep],
        when=positions["as_of"].to_numpy()[keep],
        position=positions["position"].to_numpy()[keep],
        in_scope=in_scope,
        passing=passing,
    )


def latest_index(key: np.ndarray, when: np.ndarray, position: np.ndarray) -> np.ndarray:
    """Indices of the latest row per key: by as-of (datetime64; NaT, undated, is the oldest), a tie
    going to the higher position id (later in the file). Sorted by key."""
    if len(key) == 0:
        return np.zeros(0, dtype=np.int64)
    order = np.lexsort((position, when.view("int64"), key))  # NaT is the smallest int64
    ordered_key = key[order]
    last = np.ones(len(order), dtype=bool)
    last[:-1] = ordered_key[1:] != ordered_key[:-1]
    return order[last]


def _latest(selected: _Selected, keep: np.ndarray | None, history: bool) -> np.ndarray:
    """Indices (into `selected`) of each actor's latest position per issue among those kept."""
    index = np.arange(len(selected.row)) if keep is None else np.flatnonzero(keep)
    if not history or len(index) == 0:
        return index
    key = selected.row[index] * (int(selected.issue.max()) + 1) + selected.issue[index]
    return np.asarray(index[latest_index(key, selected.when[index], selected.position[index])])


def _table(
    actors: Sequence[str], selected: _Selected, chosen: np.ndarray, columns: np.ndarray
) -> StanceTable:
    """Dense table of the chosen positions over the issue codes in `columns`."""
    column_of = np.full(len(selected.in_scope), -1, dtype=np.int64)
    column_of[columns] = np.arange(len(columns))
    stance = np.full((len(actors), len(columns)), NO_RECORD, dtype=np.int8)
    position = np.full((len(actors), len(columns)), -1, dtype=np.int64)
    rows, cols = selected.row[chosen], column_of[selected.issue[chosen]]
    stance[rows, cols] = selected.stance[chosen]
    position[rows, cols] = selected.position[chosen]
    return StanceTable(tuple(actors), columns, stance, position)


def stance_table(briefing: Briefing, actors: Sequence[str], scope: Scope = WHOLE) -> StanceTable:
    """Each actor's latest position on every issue in scope (columns: issue ids in briefing order).
    An actor named twice gets two identical rows."""
    unique = list(dict.fromkeys(actors))
    selected = _select(briefing, unique, scope)
    chosen = _latest(selected, None, briefing.has_history)
    table = _table(unique, selected, chosen, np.flatnonzero(selected.in_scope))
    ids = np.asarray(briefing.positions["issue"].cat.categories, dtype=object)
    rows = [unique.index(a) for a in actors]
    return StanceTable(tuple(actors), ids[table.issues], table.stance[rows], table.position[rows])
