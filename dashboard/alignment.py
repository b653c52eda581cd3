"""Agreement between actors: coincidence, agreement index and weighted kappa, each with n, an interval
and what it leaves out; a pairwise matrix ordered so blocs show; ranked partners; divergent issues.

Pure core over pandas and numpy. Each actor's latest position per issue becomes a stance code in a
dense actors x issues table; pairs are compared through 7 x 7 contingency tables built by one matrix
product, so 200 states x 6,203 roll calls compare in well under a second.

The measures, over the issues in scope where both actors hold a position:
- coincidence: share of same-side stances among issues where both took a side (support or strongly
  support vs oppose or strongly oppose); neutral, mixed, silent and no record are left out. For roll
  calls: identical yes/no votes over yes/no votes both cast, the US State Department's method in
  "Voting Practices in the United Nations" before 2017. Interval: Wilson score, 95%.
- index: mean credit per issue, CREDIT below (1, 0.5, 0 for yes/abstain/no), over issues where both
  are on the line (neutral counts; mixed, silent, no record do not). Interval: Wilson score on the
  mean treated as a proportion of n. Credits lie in [0, 1], whose variance is at most p(1 - p), so
  this is conservative (wider than a normal interval on the sample variance), and it stays honest
  at n = 1 or a perfect record, where a sample-variance interval would collapse to a point.
- kappa: Cohen's weighted kappa with CREDIT as agreement weights, (p_o - p_e) / (1 - p_e), where p_o
  is the index and p_e the credit expected if each actor kept its own shares of each stance but
  placed them at random. Interval: the index's Wilson interval mapped through that formula with
  p_e held fixed (Cohen's 1960 simplification): it ignores the sampling error of the shares, so it
  is approximate. Undefined (NaN) when both took one and the same stance on every shared issue.
All intervals treat issues as independent draws, which roll calls are not (resolutions recur each
session): read them as a guide to how thin the evidence is, not as exact coverage.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

import numpy as np
import pandas as pd

from dashboard.briefing import Briefing
from dashboard.records import STANCES, UNKNOWN

# ------------------------------------------------------------------------------------ the scales

# Stance codes are positions in STANCES: 0..4 lie on the line from strong support to strong
# opposition, 5 is mixed, 6 silent. -1 in a table means no record.
N_STANCES = len(STANCES)
NO_RECORD = -1
ON_LINE = 5  # codes below this are on the ordered scale
MIXED, SILENT, NEUTRAL = STANCES.index("mixed"), STANCES.index("silent"), STANCES.index("neutral")
# Side of each stance on the line: +1 for, -1 against, 0 none (neutral, mixed, silent).
SIDE = np.array([1, 1, 0, -1, -1, 0, 0], dtype=np.int8)
# Place on the ordered scale. Strength is half a step: a difference in strength on the same side
# costs less than a difference between taking a side and staying neutral.
ORDINAL_VALUE = np.array([1.5, 1.0, 0.0, -1.0, -1.5])
# Credit a pair gets on one issue: 1 - |a - b| / 2, never below 0. Yes/abstain/no (support, neutral,
# oppose) give 1, 0.5 and 0, as un-project.org's agreement index does; strongly_support vs support
# 0.75, strongly_support vs neutral 0.25, any two opposite sides 0.
CREDIT = np.clip(1.0 - np.abs(ORDINAL_VALUE[:, None] - ORDINAL_VALUE[None, :]) / 2.0, 0.0, None)

MEASURES: tuple[str, ...] = ("coincidence", "index", "kappa")
Measure = Literal["coincidence", "index", "kappa"]
GROUPINGS: tuple[str, ...] = ("year", "topic")
MEASURE_LABELS: dict[str, str] = {
    "coincidence": "Coincidence (same side, among issues where both took a side)",
    "index": "Agreement index (partial credit by distance on the stance scale)",
    "kappa": "Weighted kappa (agreement index corrected for chance)",
}
# Below this many shared issues a rate is shown as too thin and never ranked: at n = 10 a perfect
# record still has a 95% Wilson interval reaching down to 0.72. A hand briefing of a few issues
# will be "too thin" throughout, which is what it is; callers may lower the bar and say so.
MIN_SHARED_ISSUES = 10
Z_95 = 1.959963984540054  # two-sided 95% normal quantile
NO_TOPIC = "(no topic)"

# The columns every agreement frame has, in order: the CSV's header.
COLUMNS: tuple[str, ...] = (
    "actor", "other", "group", "measure", "value", "n", "low", "high", "thin", "issues",
    "neutral", "mixed", "silent", "no_record", "note",
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
    return np.datetime64(value, "D").astype(like.dtype)


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
    return chosen[column.cat.codes.to_numpy()]


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
    return index[latest_index(key, selected.when[index], selected.position[index])]


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


# ----------------------------------------------------------------------------- counts -> measures


def contingency(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Counts[i, j, a, b]: issues where row i of `left` holds stance a and row j of `right` stance b.

    Both are stance-code tables over the same issues. No-record cells count nowhere (they are what is
    missing from the total). One float32 matrix product of one-hot tables (exact below 2**24 issues),
    or for a single left row a direct count of code pairs.
    """
    def one_hot(codes: np.ndarray) -> np.ndarray:
        hot = codes[:, None, :] == np.arange(N_STANCES, dtype=np.int8)[None, :, None]
        return hot.reshape(len(codes) * N_STANCES, codes.shape[1]).astype(np.float32)

    if left.shape[1] == 0:
        return np.zeros((len(left), len(right), N_STANCES, N_STANCES), dtype=np.int64)
    if len(left) == 1:  # one actor against many: count code pairs directly, no one-hot tables
        mine = np.broadcast_to(left, right.shape)
        both = (mine >= 0) & (right >= 0)
        rows = np.broadcast_to(np.arange(len(right))[:, None], right.shape)
        cell = (rows[both] * N_STANCES + mine[both]) * N_STANCES + right[both]
        counts = np.bincount(cell, minlength=len(right) * N_STANCES * N_STANCES)
        return counts.reshape(1, len(right), N_STANCES, N_STANCES).astype(np.int64)
    product = one_hot(left) @ one_hot(right).T
    counts = product.reshape(len(left), N_STANCES, len(right), N_STANCES).transpose(0, 2, 1, 3)
    return np.rint(counts).astype(np.int64)


def wilson(successes: np.ndarray, n: np.ndarray, z: float = Z_95) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval for successes / n (successes may be fractional); NaN where n is 0."""
    successes = np.asarray(successes, dtype=float)
    n = np.asarray(n, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = successes / n
        denominator = 1.0 + z * z / n
        centre = (p + z * z / (2.0 * n)) / denominator
        half = z * np.sqrt(np.clip(p * (1.0 - p), 0.0, None) / n + z * z / (4.0 * n * n)) / denominator
    low = np.where(n > 0, np.clip(centre - half, 0.0, 1.0), np.nan)
    high = np.where(n > 0, np.clip(centre + half, 0.0, 1.0), np.nan)
    return low, high


@dataclass(frozen=True)
class Rates:
    """One measure over an array of pairs: value, n, interval and what was left out, elementwise."""

    value: np.ndarray
    n: np.ndarray
    low: np.ndarray
    high: np.ndarray
    issues: np.ndarray  # issues in scope
    neutral: np.ndarray  # left out as neutral (coincidence only: the index and kappa count neutral)
    mixed: np.ndarray  # left out: one or both mixed (neither silent)
    silent: np.ndarray  # left out: one or both silent (both have a record)
    no_record: np.ndarray  # left out: one or both have no record
    undefined: np.ndarray  # bool: kappa has no value (both took one and the same stance throughout)


def rates(counts: np.ndarray, issues: int | np.ndarray, measure: str) -> Rates:
    """The measure from contingency counts (..., 7, 7) over `issues` issues in scope.

    Left out, in this order of precedence (each issue lands in one bucket, so n and the buckets add
    up to `issues`): no record, silent, mixed, and for coincidence neutral.
    """
    if measure not in MEASURES:
        raise AgreementError(f"no such measure '{measure}': use one of {', '.join(MEASURES)}")
    counts = np.asarray(counts, dtype=np.int64)
    issues_arr = np.broadcast_to(np.asarray(issues, dtype=np.int64), counts.shape[:-2])
    total = counts.sum(axis=(-1, -2))
    no_record = issues_arr - total
    silent = counts[..., SILENT, :].sum(-1) + counts[..., :, SILENT].sum(-1) - counts[..., SILENT, SILENT]
    mixed = (counts[..., MIXED, :MIXED].sum(-1) + counts[..., :MIXED, MIXED].sum(-1)
             + counts[..., MIXED, MIXED])
    line = counts[..., :ON_LINE, :ON_LINE]
    undefined = np.zeros(counts.shape[:-2], dtype=bool)
    neutral = np.zeros_like(total)
    if measure == "coincidence":
        neutral = line[..., NEUTRAL, :].sum(-1) + line[..., :, NEUTRAL].sum(-1) - line[..., NEUTRAL, NEUTRAL]
        same = SIDE[:ON_LINE, None] * SIDE[None, :ON_LINE]
        n = (line * (same != 0)).sum(axis=(-1, -2))
        agreed = (line * (same > 0)).sum(axis=(-1, -2))
        with np.errstate(invalid="ignore", divide="ignore"):
            value = np.where(n > 0, agreed / np.maximum(n, 1), np.nan)
        low, high = wilson(agreed, n)
    else:
        n = line.sum(axis=(-1, -2))
        safe_n = np.maximum(n, 1)
        observed = (line * CREDIT).sum(axis=(-1, -2)) / safe_n
        low, high = wilson(observed * n, n)
        value = np.where(n > 0, observed, np.nan)
        if measure == "kappa":
            first = line.sum(-1) / safe_n[..., None]  # each actor's own share of each stance
            second = line.sum(-2) / safe_n[..., None]
            expected = np.einsum("...k,kl,...l->...", first, CREDIT, second)
            room = 1.0 - expected
            undefined = (n > 0) & (room <= 1e-12)
            with np.errstate(invalid="ignore", divide="ignore"):
                value = np.where((n > 0) & ~undefined, (observed - expected) / room, np.nan)
                low = np.where(np.isnan(value), np.nan, (low - expected) / room)
                high = np.where(np.isnan(value), np.nan, (high - expected) / room)
    low = np.where(np.isnan(value), np.nan, low)
    high = np.where(np.isnan(value), np.nan, high)
    return Rates(value, n, low, high, issues_arr, neutral, mixed, silent, no_record, undefined)


def _note(n: int, undefined: bool, min_n: int) -> str:
    if n == 0:
        return "no shared issues"
    if undefined:
        return "undefined: both took one and the same stance on every shared issue"
    if n < min_n:
        return f"too thin: n={n} < {min_n}"
    return ""


def _frame(
    actor: Sequence[str] | np.ndarray, other: Sequence[str] | np.ndarray,
    group: Sequence[str] | np.ndarray, measure: str, result: Rates, min_n: int,
) -> pd.DataFrame:
    """Rows in COLUMNS order, one per element of the (flattened) rates."""
    n = result.n.ravel()
    undefined = result.undefined.ravel()
    value = result.value.ravel()
    thin = (n < min_n) | np.isnan(value)
    return pd.DataFrame({
        "actor": list(actor),
        "other": list(other),
        "group": list(group),
        "measure": measure,
        "value": value,
        "n": n,
        "low": result.low.ravel(),
        "high": result.high.ravel(),
        "thin": thin,
        "issues": result.issues.ravel(),
        "neutral": result.neutral.ravel(),
        "mixed": result.mixed.ravel(),
        "silent": result.silent.ravel(),
        "no_record": result.no_record.ravel(),
        "note": [_note(int(k), bool(u), min_n) for k, u in zip(n, undefined, strict=True)],
    }, columns=list(COLUMNS))


# ------------------------------------------------------------------------------------ groupings


def _groups(
    briefing: Briefing, actors: Sequence[str], scope: Scope, by: str | None
) -> list[tuple[str, StanceTable]]:
    """(label, table) per group: one for the whole scope, one per year of as-of, or one per topic."""
    if by is not None and by not in GROUPINGS:
        raise AgreementError(f"no such grouping '{by}': use one of {', '.join(GROUPINGS)}")
    selected = _select(briefing, actors, scope)
    in_scope = np.flatnonzero(selected.in_scope)
    if by is None:
        return [(scope.label(), _table(actors, selected, _latest(selected, None,
                                                                 briefing.has_history), in_scope))]
    if by == "topic":
        whole = _table(actors, selected, _latest(selected, None, briefing.has_history), in_scope)
        topic_of = _topic_codes(briefing)
        names, codes = topic_of
        groups = []
        for code, name in enumerate(names):
            columns = np.flatnonzero(codes[in_scope] == code)
            if len(columns):
                groups.append((name, StanceTable(whole.actors, whole.issues[columns],
                                                 whole.stance[:, columns], whole.position[:, columns])))
        return groups
    return _by_year(briefing, actors, selected)


def _topic_codes(briefing: Briefing) -> tuple[list[str], np.ndarray]:
    """Sorted topic names, and each issue category's index into them (issues without one: NO_TOPIC)."""
    topic = briefing.issues.set_index("id")["topic"]
    categories = briefing.positions["issue"].cat.categories
    per_issue = pd.Series(topic.reindex(categories).to_numpy(dtype=object)).fillna(NO_TOPIC)
    names = sorted(set(per_issue))
    return names, pd.Index(names).get_indexer(per_issue)


def _by_year(
    briefing: Briefing, actors: Sequence[str], selected: _Selected
) -> list[tuple[str, StanceTable]]:
    """One table per calendar year of the positions' as-of: each actor's latest position within the
    year; the year's issues in scope are those anyone holds a position on in that year."""
    positions = briefing.positions
    as_of = positions["as_of"].to_numpy()
    issue_codes = positions["issue"].cat.codes.to_numpy()
    dated = ~np.isnat(as_of) & (issue_codes >= 0)
    if selected.passing is not None:
        dated &= selected.passing
    all_years = as_of[dated].astype("datetime64[Y]").astype(np.int64) + 1970
    if len(all_years) == 0:
        return []
    first = int(all_years.min())
    n_issues = len(selected.in_scope)
    votes = np.bincount((all_years - first) * n_issues + issue_codes[dated],
                        minlength=(int(all_years.max()) - first + 1) * n_issues)
    present = votes.reshape(-1, n_issues) > 0
    mine = ~np.isnat(selected.when)
    years = np.full(len(selected.when), -1, dtype=np.int64)
    years[mine] = selected.when[mine].astype("datetime64[Y]").astype(np.int64) + 1970
    order = np.argsort(years, kind="stable")
    bounds = np.searchsorted(years[order], np.arange(first, first + len(present) + 1))
    groups = []
    for offset, year_issues in enumerate(present):
        if not year_issues.any():
            continue
        keep = np.zeros(len(years), dtype=bool)
        keep[order[bounds[offset]:bounds[offset + 1]]] = True
        chosen = _latest(selected, keep, briefing.has_history)
        groups.append((str(first + offset), _table(actors, selected, chosen,
                                                   np.flatnonzero(year_issues))))
    return groups


# ------------------------------------------------------------------------------ public functions


def _others(briefing: Briefing, actor: str, others: Sequence[str] | None) -> list[str]:
    if others is None:
        return [a for a in briefing.actors["id"] if a != actor]
    return list(dict.fromkeys(o for o in others if o != actor))


def agreement(
    briefing: Briefing,
    actor: str,
    others: Sequence[str] | None = None,
    *,
    measures: Sequence[str] = MEASURES,
    by: str | None = None,
    scope: Scope = WHOLE,
    min_n: int = MIN_SHARED_ISSUES,
) -> pd.DataFrame:
    """Agreement of `actor` with each of `others` (default: every other actor), per measure, in COLUMNS.

    `group` is the scope's label ("all", or "FROM..TO"); with by="year" the calendar year of the
    positions' as-of ("1946": each actor's latest position held within that year, undated positions in
    no year); with by="topic" the issue's topic (NO_TOPIC where it has none). Rows come per group and
    measure, ranked: highest value first, ties by n (more shared issues first) then by name; rates that
    are too thin or undefined come last, with no rank. The page and `python -m dashboard agreement`
    both read this.
    """
    for measure in measures:
        if measure not in MEASURES:
            raise AgreementError(f"no such measure '{measure}': use one of {', '.join(MEASURES)}")
    partners = _others(briefing, actor, others)
    groups = _groups(briefing, [actor, *partners], scope, by)
    if not groups:
        return rank(briefing, pd.DataFrame(columns=list(COLUMNS)))
    # One (groups x partners) array of counts, so each measure is worked out once over all of it.
    counts = np.stack([contingency(table.stance[:1], table.stance[1:])[0] for _, table in groups])
    issues = np.array([len(table.issues) for _, table in groups])[:, None]
    labels = np.repeat(np.array([label for label, _ in groups], dtype=object), len(partners))
    others_column = np.tile(np.array(partners, dtype=object), len(groups))
    frames = [_frame(np.full(len(labels), actor, dtype=object), others_column, labels, measure,
                     rates(counts, issues, measure), min_n) for measure in measures]
    return rank(briefing, pd.concat(frames, ignore_index=True))


def rank(briefing: Briefing, frame: pd.DataFrame) -> pd.DataFrame:
    """Rows ranked within each group and measure; adds `rank` (1, 2, ...; missing when thin)."""
    if frame.empty:
        return frame.assign(rank=pd.Series(dtype="Int64"))
    names = frame["other"].map(briefing.actor_names).fillna(frame["other"]).str.casefold()
    group_order = {g: i for i, g in enumerate(dict.fromkeys(frame["group"]))}
    ordered = frame.assign(
        _group=frame["group"].map(group_order),
        _measure=frame["measure"].map(MEASURES.index),
        _value=frame["value"].where(~frame["thin"], -np.inf),
        _name=names,
    ).sort_values(["_group", "_measure", "thin", "_value", "n", "_name"],
                  ascending=[True, True, True, False, False, True], kind="stable")
    ranked = (~ordered["thin"]).groupby([ordered["_group"], ordered["_measure"]]).cumsum()
    ordered["rank"] = pd.array(ranked.where(~ordered["thin"]), dtype="Int64")
    return ordered.drop(columns=["_group", "_measure", "_value", "_name"]).reset_index(drop=True)


def partners(
    briefing: Briefing,
    actor: str,
    *,
    measure: str = "coincidence",
    others: Sequence[str] | None = None,
    scope: Scope = WHOLE,
    min_n: int = MIN_SHARED_ISSUES,
) -> pd.DataFrame:
    """One actor's partners ranked by one measure: COLUMNS plus `rank` and `other_name`; the too thin
    (or undefined) ones last, with no rank and the reason in `note`."""
    frame = agreement(briefing, actor, others, measures=(measure,), scope=scope, min_n=min_n)
    return frame.assign(other_name=frame["other"].map(briefing.actor_names))


@dataclass(frozen=True)
class Pairwise:
    """Agreement between every two of N actors."""

    measure: str
    order: list[str]  # the actors seriated so that those who agree sit together
    cells: pd.DataFrame  # COLUMNS, one row per ordered pair (actor != other), in `order` x `order`

    def values(self) -> pd.DataFrame:
        """Value as a square frame in `order` (NaN on the diagonal and where there is no value)."""
        square = self.cells.pivot(index="actor", columns="other", values="value")
        return square.reindex(index=self.order, columns=self.order)


def pairwise(
    briefing: Briefing,
    actors: Sequence[str],
    *,
    measure: str = "coincidence",
    scope: Scope = WHOLE,
    min_n: int = MIN_SHARED_ISSUES,
) -> Pairwise:
    """Every pair of `actors` on one measure, seriated (average-linkage clustering on 1 - value; pairs
    too thin to rank count as of average distance, so they neither pull together nor push apart)."""
    actors = list(dict.fromkeys(actors))
    if measure not in MEASURES:
        raise AgreementError(f"no such measure '{measure}': use one of {', '.join(MEASURES)}")
    ((label, table),) = _groups(briefing, actors, scope, None)
    counts = contingency(table.stance, table.stance)
    result = rates(counts, len(table.issues), measure)
    n = len(actors)
    left = np.repeat(np.array(actors, dtype=object), n)
    right = np.tile(np.array(actors, dtype=object), n)
    cells = _frame(left, right, [label] * (n * n), measure, result, min_n)
    value = cells["value"].where(~cells["thin"]).to_numpy().reshape(n, n)
    similarity = (value + 1.0) / 2.0 if measure == "kappa" else value
    distance = 1.0 - similarity
    known = ~np.isnan(distance)
    np.fill_diagonal(known, False)
    fill = float(distance[known].mean()) if known.any() else 1.0
    distance = np.where(known, distance, fill)
    np.fill_diagonal(distance, 0.0)
    order_index = seriate(distance)
    order = [actors[i] for i in order_index]
    position = {a: i for i, a in enumerate(order)}
    cells = cells[cells["actor"] != cells["other"]]
    cells = cells.assign(_a=cells["actor"].map(position), _b=cells["other"].map(position))
    cells = cells.sort_values(["_a", "_b"]).drop(columns=["_a", "_b"]).reset_index(drop=True)
    return Pairwise(measure, order, cells)


def seriate(distance: np.ndarray) -> list[int]:
    """A leaf order from average-linkage (UPGMA) clustering of a symmetric distance matrix.

    Each merge joins the two closest clusters and flips either end so the two members that meet are
    as close as possible. Ties go to the lowest indices, so the order is deterministic.
    """
    n = len(distance)
    if n <= 2:
        return list(range(n))
    original = np.asarray(distance, dtype=float)
    between = original.copy()
    np.fill_diagonal(between, np.inf)
    members: list[list[int]] = [[i] for i in range(n)]
    sizes = np.ones(n)
    alive = np.ones(n, dtype=bool)
    for _ in range(n - 1):
        flat = int(np.argmin(between))
        i, j = divmod(flat, n)
        i, j = min(i, j), max(i, j)
        first, second = members[i], members[j]
        candidates = [first + second, first + second[::-1], first[::-1] + second,
                      first[::-1] + second[::-1]]
        join = [original[c[len(first) - 1], c[len(first)]] for c in candidates]
        members[i] = candidates[int(np.argmin(join))]
        merged = (sizes[i] * between[i] + sizes[j] * between[j]) / (sizes[i] + sizes[j])
        sizes[i] += sizes[j]
        alive[j] = False
        between[i, :] = merged
        between[:, i] = merged
        between[j, :] = np.inf
        between[:, j] = np.inf
        between[i, i] = np.inf
        between[~alive, :] = np.inf
        between[:, ~alive] = np.inf
    return members[int(np.flatnonzero(alive)[0])]


# ------------------------------------------------------------------------------ one pair, per issue

RELATIONS: tuple[str, ...] = (
    "same stance", "same side", "one neutral", "opposite sides", "mixed", "silent", "no record",
)


def relation(first: str, second: str) -> str:
    """How two stances relate (UNKNOWN for no record), in RELATIONS' words; checked in the order no
    record, silent, mixed, then along the line."""
    if UNKNOWN in (first, second):
        return "no record"
    if "silent" in (first, second):
        return "silent"
    if "mixed" in (first, second):
        return "mixed"
    if first == second:
        return "same stance"
    side_a, side_b = SIDE[STANCES.index(first)], SIDE[STANCES.index(second)]
    if side_a == side_b:
        return "same side"
    if side_a == 0 or side_b == 0:
        return "one neutral"
    return "opposite sides"


def pair_issues(briefing: Briefing, first: str, second: str, scope: Scope = WHOLE) -> pd.DataFrame:
    """One row per issue in scope: both latest stances (UNKNOWN where no record), their position ids
    (missing where none), the relation, and the index credit (NaN unless both are on the line)."""
    table = stance_table(briefing, [first, second], scope)
    stance_names = np.array([*STANCES, UNKNOWN], dtype=object)  # code -1 reads the last
    a, b = table.stance[0], table.stance[1]
    on_line = (a >= 0) & (a < ON_LINE) & (b >= 0) & (b < ON_LINE)
    credit = np.full(len(a), np.nan)
    credit[on_line] = CREDIT[a[on_line], b[on_line]]
    issues = briefing.issues.set_index("id").reindex(table.issues)
    frame = pd.DataFrame({
        "issue": table.issues,
        "title": issues["title"].to_numpy(),
        "topic": issues["topic"].fillna(NO_TOPIC).to_numpy(),
        "date": issues["date"].to_numpy(),
        "stance_first": stance_names[a],
        "stance_second": stance_names[b],
        "position_first": position_ids(table.position[0]),
        "position_second": position_ids(table.position[1]),
        "credit": credit,
    })
    frame.insert(6, "relation", [relation(x, y) for x, y in
                                 zip(frame["stance_first"], frame["stance_second"], strict=True)])
    return frame


def divergences(
    briefing: Briefing, first: str, second: str, scope: Scope = WHOLE, limit: int | None = 20
) -> pd.DataFrame:
    """The issues where two actors on the stance line differ most (lowest credit first, then the
    most recent), with both position ids so both sides' evidence can be shown."""
    frame = pair_issues(briefing, first, second, scope)
    frame = frame[frame["credit"] < 1.0]
    when = pd.to_datetime(frame["date"]).to_numpy().view("int64")  # NaT (undated) sorts oldest
    ordered = frame.assign(_when=when, _order=np.arange(len(frame))).sort_values(
        ["credit", "_when", "_order"], ascending=[True, False, True], kind="stable")
    ordered = ordered.drop(columns=["_when", "_order"]).reset_index(drop=True)
    return ordered if limit is None else ordered.head(limit)

