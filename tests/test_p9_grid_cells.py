"""The grid finds each position's cell once (issue 24, p9): the latest positions' cells, the scope's
when it is the same frame, and the history counts are taken from it. The same frame as p7's pandas
definition (which finds them four times over), and `latest_positions` the same rows in the same order
as the sort and drop of duplicates it replaced, on the seed, the Bundestag's briefing and frames
with undated positions and ties."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard import filters
from dashboard.briefing import Briefing
from dashboard.filters import latest_positions, latest_rows
from dashboard.reading import grid
from dashboard.selection import Filters
from tests.test_p7_grid_plain import choices, reference_grid


def reference_latest(positions: pd.DataFrame) -> pd.DataFrame:
    """latest_positions' pandas definition, word for word."""
    if positions.empty:
        return positions
    ordered = positions.assign(_when=positions["as_of"].fillna(pd.Timestamp.min)).sort_values(
        ["_when", "position"], kind="stable"
    )
    return ordered.drop_duplicates(["actor", "issue"], keep="last").drop(columns="_when")


def with_history(briefing: Briefing) -> list[Filters]:
    """Filters that keep older positions in view (a date), leave the scope apart from the positions
    (a stance or basis), or both, besides the usual choices."""
    dates = briefing.positions["as_of"].dropna().sort_values()
    middle = dates.iloc[len(dates) // 2].date() if len(dates) else None
    made = choices(briefing, 12, 3)
    if middle is not None:
        made += [Filters(date_to=middle), Filters(date_to=middle, stances=("support", "oppose"))]
    return made


def same(briefing: Briefing, chosen: Filters) -> int:
    subset = filters.apply(briefing, chosen)
    held = latest_positions(subset.positions)
    pd.testing.assert_frame_equal(held, reference_latest(subset.positions))
    if subset.actors.empty or subset.issues.empty:
        return 0
    pd.testing.assert_frame_equal(grid(briefing, subset), reference_grid(briefing, subset))
    return len(subset.positions) - len(held)  # older positions the grid left out


def test_the_seed_grid_and_latest_positions_are_the_pandas_definitions(seed: Briefing) -> None:
    older = [same(seed, chosen) for chosen in with_history(seed)]
    assert sum(older) > 0, "some choice keeps an older position in view: the history path is compared"


def test_undated_positions_and_ties_keep_the_same_rows(seed: Briefing) -> None:
    positions = seed.positions.copy()
    undated = positions.index[::3]
    positions.loc[undated, "as_of"] = pd.NaT  # the oldest, whatever their number
    positions["as_of"] = positions["as_of"].where(positions.index % 2 == 0, positions["as_of"].iloc[0])
    doubled = pd.concat([positions, positions.iloc[::2]])  # the same cells again, same dates: ties
    for frame in (positions, doubled, doubled.iloc[::-1], doubled.iloc[:0]):
        pd.testing.assert_frame_equal(latest_positions(frame), reference_latest(frame))
    assert latest_rows(doubled.astype({"actor": str})) is None  # not categories: pandas' path


def test_the_bundestag_grid_and_latest_positions_are_the_pandas_definitions(all_briefings) -> None:
    from tests.support.briefings import BUNDESTAG

    if not (all_briefings / BUNDESTAG).is_dir():
        pytest.skip(f"{BUNDESTAG} is built from ../shared, which is not here")
    from dashboard.load import load_briefing

    briefing, _ = load_briefing(all_briefings / BUNDESTAG)
    compared = [same(briefing, chosen) for chosen in with_history(briefing)]
    assert len(compared) > 10
    assert np.isfinite(sum(compared))
