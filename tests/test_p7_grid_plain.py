"""The matrix grid made with fewer pandas operations on Arrow strings (issue 24, p7: `Series.map` of a
dict, `to_datetime(...).dt.strftime` and four column assignments after the frame cost about a third of
a new seed selection's grid): the same frame, dtypes included, as the pandas definition kept below,
and the same row order as `actor_order`'s mapping, on the seed under many filters, the Bundestag's
briefing, and pages of the UN votes."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from dashboard import filters, matrix
from dashboard.briefing import Briefing
from dashboard.filters import Subset
from dashboard.reading import (
    _cells,
    _each,
    _hidden_reason,
    _taken,
    _text,
    describe,
    grid,
)
from dashboard.records import UNKNOWN
from dashboard.selection import Filters, MatrixState
from dashboard.vocabulary import HIDDEN, KIND_LABELS, SECOND_HAND_BASES, STANCE_DOMAIN, glyph


def _positions_per_cell(
    subset: Subset, in_grid: pd.DataFrame, actor_ids: np.ndarray, issue_ids: np.ndarray, has: np.ndarray
) -> np.ndarray:
    """How many positions (over time) each cell has in view: one per record unless there is history.
    (reading.grid counts them from the cells it finds; this is the definition it is held to.)"""
    if not subset.history:
        return has.astype(int)
    return np.bincount(_cells(in_grid, actor_ids, issue_ids), minlength=len(has)).astype(int)


def reference_grid(
    briefing: Briefing, subset: Subset, actors: pd.DataFrame | None = None, issues: pd.DataFrame | None = None
) -> pd.DataFrame:
    """reading.grid as it was before p7, word for word."""
    actors = subset.actors if actors is None else actors
    issues = subset.issues if issues is None else issues
    actor_ids = actors["id"].to_numpy(dtype=object)
    issue_ids = issues["id"].to_numpy(dtype=object)
    size = len(actor_ids) * len(issue_ids)

    in_grid = subset.positions[_cells(subset.positions, actor_ids, issue_ids) >= 0]
    latest = subset.latest(in_grid)
    row = np.full(size, -1, dtype=np.int64)
    row[_cells(latest, actor_ids, issue_ids)] = np.arange(len(latest))
    stance = _taken(latest["stance"].astype(object).to_numpy(), row, np.nan)
    has = pd.notna(stance)
    scope = _cells(subset.scope, actor_ids, issue_ids)
    scoped = np.bincount(scope[scope >= 0], minlength=size) > 0
    state = np.where(has, stance, np.where(scoped | subset.unknown_hidden, HIDDEN, UNKNOWN))
    basis = np.where(has, _taken(latest["basis"].astype(object).to_numpy(), row, ""), "").astype(object)
    names = briefing.actor_names
    assessed = latest["assessed_by"].astype(object)
    position = _taken(latest["position"].to_numpy(dtype=np.int64), row, -1).astype(int)
    cited = np.bincount(
        briefing.evidence["position"].to_numpy(dtype=np.int64), minlength=len(briefing.positions)
    )
    kinds = actors["kind"].astype(str).map(KIND_LABELS).to_numpy(dtype=object)
    titles = briefing.issue_titles
    confidence = _taken(_text(latest["confidence"]), row, "")
    as_of = _taken(_text(pd.to_datetime(latest["as_of"]).dt.strftime("%Y-%m-%d")), row, "")
    assessor_name = _taken(_text(assessed.map(names)), row, "")
    hidden_by = np.where(state == HIDDEN, _hidden_reason(subset.hides), "")
    said_how = briefing.said_how
    said = np.where(
        (basis == "stated") & (position >= 0), said_how[np.maximum(position, 0)] if len(said_how) else "", ""
    ).astype(object)
    out = pd.DataFrame(
        {
            "actor": np.repeat(actor_ids, len(issue_ids)),
            "issue": np.tile(issue_ids, len(actor_ids)),
            "stance": pd.Categorical(state, categories=STANCE_DOMAIN),
            "basis": basis,
            "confidence": confidence,
            "as_of": as_of,
            "summary": _taken(_text(latest["summary"]), row, ""),
            "assessed_by": _taken(_text(assessed), row, ""),
            "assessor_name": assessor_name,
            "position": position,
            "n_quotes": np.where(position >= 0, cited[position], 0).astype(int),
            "n_positions": _positions_per_cell(subset, in_grid, actor_ids, issue_ids, has),
            "second_hand": np.isin(basis, SECOND_HAND_BASES),
            "actor_name": np.repeat(
                np.array([names.get(a, np.nan) for a in actor_ids], dtype=object), len(issue_ids)
            ),
            "actor_kind": np.repeat(kinds, len(issue_ids)),
            "issue_title": np.tile(
                np.array([titles.get(i, np.nan) for i in issue_ids], dtype=object), len(actor_ids)
            ),
        }
    )
    out["hidden_by"] = hidden_by
    out["said"] = said
    out["glyph"] = _each(glyph, zip(state, basis, strict=True))
    out["reading"] = _each(
        describe,
        zip(state, basis, confidence, as_of, assessor_name, hidden_by, said, strict=True),
    )
    return out


def reference_order(actors: pd.DataFrame, briefing: Briefing) -> pd.DataFrame:
    """matrix.actor_order with the briefing, as it was before p7."""
    rank = actors["id"].map(briefing.actor_rank).to_numpy()
    return actors.iloc[np.argsort(rank, kind="stable")]


def choices(briefing: Briefing, n: int, seed: int) -> list[Filters]:
    """No filter, then pairs of actors, one or three issues, stances, bases, kinds and dates."""
    pick = random.Random(seed)
    actors, issues = list(briefing.actors["id"]), list(briefing.issues["id"])
    made = [
        Filters(),
        Filters(stances=("support",)),
        Filters(bases=("inferred",)),
        Filters(stances=("oppose",)),
    ]
    for _ in range(n):
        made.append(Filters(actors=tuple(pick.sample(actors, min(2, len(actors))))))
        made.append(Filters(issues=tuple(pick.sample(issues, min(pick.choice((1, 3)), len(issues))))))
    kinds = sorted(set(briefing.actors["kind"].astype(str)))
    made += [Filters(kinds=(kind,)) for kind in kinds]
    return made


def same_grids(briefing: Briefing, chosen: Filters, per_page: int = matrix.MAX_ISSUES) -> int:
    """The page's grid and the whole subset's, each equal to the reference; the cells compared."""
    subset = filters.apply(briefing, chosen)
    shown = matrix.grid_of(briefing, subset, chosen, MatrixState(), per_page=per_page)
    page = shown.cells.drop(columns="actor_label")
    rows = subset.actors[subset.actors["id"].isin(set(page["actor"]))]
    columns = subset.issues[subset.issues["id"].isin(set(page["issue"]))]
    ordered = reference_order(rows, briefing)
    expected = reference_grid(briefing, subset, ordered, columns)
    pd.testing.assert_frame_equal(grid(briefing, subset, ordered, columns), expected)
    pd.testing.assert_frame_equal(
        matrix.actor_order(subset.actors, briefing), reference_order(subset.actors, briefing)
    )
    if len(subset.actors) * len(subset.issues) <= 5_000:
        pd.testing.assert_frame_equal(grid(briefing, subset), reference_grid(briefing, subset))
    return len(expected)


@pytest.mark.slow
def test_the_seed_grid_is_the_pandas_definition_under_many_filters(seed):
    compared = [same_grids(seed, chosen) for chosen in choices(seed, 30, 7)]
    assert sum(compared) > 1_000  # cells compared, not an empty page each time
    assert same_grids(seed, Filters(), per_page=matrix.COMPACT_ISSUES) > 0  # a phone's page


def test_a_dated_history_and_assessors_read_the_same(seed):
    """As of a date (the history filter: older positions in view), and the assessor's name."""
    assessed = seed.positions.loc[seed.positions["assessed_by"].notna(), "actor"].astype(str)
    assert len(assessed), "the seed holds a reading assessed by someone: the name column is compared"
    for chosen in (Filters(date_to=pd.Timestamp("2024-10-31").date()), Filters(actors=(assessed.iloc[0],))):
        assert same_grids(seed, chosen) > 0


@pytest.mark.slow
def test_the_bundestag_grid_is_the_pandas_definition(all_briefings):
    from tests.support.briefings import BUNDESTAG

    if not (all_briefings / BUNDESTAG).is_dir():
        pytest.skip(f"{BUNDESTAG} is built from ../shared, which is not here")
    from dashboard.load import load_briefing

    briefing, _ = load_briefing(all_briefings / BUNDESTAG)
    assert sum(same_grids(briefing, chosen) for chosen in choices(briefing, 8, 11)) > 1_000


@pytest.mark.slow
def test_pages_of_the_un_votes_are_the_pandas_definition(unvotes):
    for chosen in choices(unvotes, 3, 5)[:8]:
        assert same_grids(unvotes, chosen) >= 0
