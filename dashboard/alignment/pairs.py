"""Every two of N actors (a heatmap ordered so blocs show), and one pair issue by issue."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from dashboard.alignment.agreement import _groups, _without_own_readings, counted, has_readings, shared_span
from dashboard.alignment.measures import _frame, contingency, rates
from dashboard.alignment.table import (
    CREDIT,
    MEASURES,
    MIN_SHARED_ISSUES,
    NO_TOPIC,
    ON_LINE,
    SIDE,
    WHOLE,
    AgreementError,
    Scope,
    position_ids,
    stance_table,
)
from dashboard.briefing import Briefing
from dashboard.records import STANCES, UNKNOWN


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
    n = len(actors)
    # Row i against every actor, with the issues left out where one side's position is the other's
    # reading of it: the one rule agreement() applies (_without_own_readings), so the chart, its pair
    # list and the pair panel count the same issues.
    rows = [
        replace(
            table,
            actors=(actors[i], *actors),
            stance=table.stance[[i, *range(n)]],
            position=table.position[[i, *range(n)]],
        )
        for i in range(n)
    ]
    own: np.ndarray | None = None
    if has_readings(briefing) and rows:
        rows, own_rows = zip(*(_without_own_readings(briefing, row) for row in rows), strict=True)
        rows, own = list(rows), np.stack(own_rows)
        counts = np.concatenate([contingency(row.stance[:1], row.stance[1:]) for row in rows])
    else:
        counts = contingency(table.stance, table.stance)
    result = rates(counts, len(table.issues), measure, own)
    left = np.repeat(np.array(actors, dtype=object), n)
    right = np.tile(np.array(actors, dtype=object), n)
    as_of = briefing.positions["as_of"].to_numpy().astype("datetime64[D]")
    spans = [shared_span(row.position, as_of, counted(row.stance, measure)) for row in rows]
    first = np.concatenate([s[0] for s in spans])
    last = np.concatenate([s[1] for s in spans])
    cells = _frame(left, right, [label] * (n * n), measure, result, min_n, first, last)
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
        candidates = [first + second, first + second[::-1], first[::-1] + second, first[::-1] + second[::-1]]
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
    "same stance",
    "same side",
    "one neutral",
    "opposite sides",
    "mixed",
    "silent",
    "no record",
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
    frame = pd.DataFrame(
        {
            "issue": table.issues,
            "title": issues["title"].to_numpy(),
            "topic": issues["topic"].fillna(NO_TOPIC).to_numpy(),
            "date": issues["date"].to_numpy(),
            "stance_first": stance_names[a],
            "stance_second": stance_names[b],
            "position_first": position_ids(table.position[0]),
            "position_second": position_ids(table.position[1]),
            "credit": credit,
        }
    )
    frame.insert(
        6,
        "relation",
        [relation(x, y) for x, y in zip(frame["stance_first"], frame["stance_second"], strict=True)],
    )
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
        ["credit", "_when", "_order"], ascending=[True, False, True], kind="stable"
    )
    ordered = ordered.drop(columns=["_when", "_order"]).reset_index(drop=True)
    return ordered if limit is None else ordered.head(limit)
