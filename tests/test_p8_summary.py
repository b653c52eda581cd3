"""The matrix's summary for a screen reader and its count of cells with a record, made over the stance
column as a list (issue 24, p8: a cast and a count of an Arrow column cost about 1 ms each on a page):
the same words and the same count as the pandas definitions kept below, ties among the stances in the
same order, on the seed under many filters, the Bundestag's briefing and pages of the UN votes."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from dashboard import filters, matrix
from dashboard.briefing import Briefing
from dashboard.matrix import StanceGrid, visible_cells
from dashboard.records import UNKNOWN
from dashboard.selection import Filters, MatrixState
from dashboard.views.matrix import chart_summary
from dashboard.vocabulary import HIDDEN


def reference_summary(shown: StanceGrid) -> str:
    """views.matrix.chart_summary as it was before p8."""
    counts = shown.cells["stance"].astype(str).value_counts()
    held = ", ".join(f"{n} {s.replace('_', ' ')}" for s, n in counts.items() if n)
    return (
        f"Stance matrix of {shown.window.actors_shown} actors by {shown.window.issues_shown} issues: {held}."
    )


def reference_visible(shown: StanceGrid) -> int:
    return int((~shown.cells["stance"].astype(str).isin([HIDDEN, UNKNOWN])).sum())


def choices(briefing: Briefing, n: int, seed: int) -> list[Filters]:
    pick = random.Random(seed)
    actors, issues = list(briefing.actors["id"]), list(briefing.issues["id"])
    made = [Filters(), Filters(stances=("support",)), Filters(bases=("inferred",))]
    for _ in range(n):
        made.append(Filters(actors=tuple(pick.sample(actors, pick.choice((1, 2, 3))))))
        made.append(Filters(issues=tuple(pick.sample(issues, min(pick.choice((1, 3)), len(issues))))))
        made.append(Filters(actors=tuple(pick.sample(actors, 2)), stances=("oppose", "silent")))
    return made


def same(briefing: Briefing, made: list[Filters]) -> tuple[int, int]:
    """Grids compared, and how many of them had two stances with as many cells (a tie to order)."""
    grids = ties = 0
    for chosen in made:
        shown = matrix.grid_of(briefing, filters.apply(briefing, chosen), chosen, MatrixState())
        if not isinstance(shown, StanceGrid) or shown.cells.empty:
            continue
        assert chart_summary(shown) == reference_summary(shown), chosen
        assert visible_cells(shown) == reference_visible(shown), chosen
        counts = shown.cells["stance"].astype(str).value_counts()
        grids += 1
        ties += int(counts[counts > 0].duplicated().any())
    return grids, ties


def test_the_seed_summary_is_the_pandas_definition_under_many_filters(seed):
    grids, ties = same(seed, choices(seed, 40, 9))
    assert grids > 100 and ties > 10  # stances with as many cells: their order is compared too


def test_the_bundestag_summary_is_the_pandas_definition(all_briefings):
    from tests.support.briefings import BUNDESTAG

    if not (all_briefings / BUNDESTAG).is_dir():
        pytest.skip(f"{BUNDESTAG} is built from ../shared, which is not here")
    from dashboard.load import load_briefing

    briefing, _ = load_briefing(all_briefings / BUNDESTAG)
    grids, _ = same(briefing, choices(briefing, 10, 13))
    assert grids > 20


@pytest.mark.slow
def test_pages_of_the_un_votes_summary_is_the_pandas_definition(unvotes):
    grids, _ = same(unvotes, choices(unvotes, 2, 7))
    assert grids > 3


def test_a_missing_stance_reads_as_pandas_casts_it():
    """A stance the categories lack (NaN) is counted and named as astype(str) names it."""
    cells = pd.DataFrame({"stance": pd.Categorical(["support", None, "support", "oppose", None])})
    window = matrix.Window(actors_total=3, issues_total=2, issues_shown=2, actors_shown=3)
    shown = StanceGrid(cells, window, None)
    assert chart_summary(shown) == reference_summary(shown)
    assert visible_cells(shown) == reference_visible(shown)
