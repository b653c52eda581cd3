"""The lookups a small briefing's subset and grid are made with (issue 24: pandas' own `isin`,
`get_indexer` and sort cost milliseconds on a few dozen rows): each gives what the pandas
operation it replaces gives, and a lookup kept for one frame is never used for another."""

import numpy as np
import pandas as pd
import pytest

from dashboard import filters


def reference_latest(positions: pd.DataFrame) -> pd.DataFrame:
    """The pandas definition: the most recent position per actor and issue, undated the oldest."""
    when = positions["as_of"].astype(object).where(positions["as_of"].notna(), pd.Timestamp.min)
    ordered = positions.assign(_when=pd.to_datetime(when)).sort_values(["_when", "position"], kind="stable")
    return ordered.drop_duplicates(["actor", "issue"], keep="last").drop(columns="_when")


@pytest.mark.parametrize(
    "ids",
    [
        ["china"],
        ["china", "united-states", "no-such-actor"],
        ["putin", "china", "putin"],  # repeated
        [],
        [1, "china"],  # not text: the pandas path
        [np.nan, "china"],
    ],
)
def test_id_mask_is_isin_on_the_briefings_frames(seed, ids):
    expected = seed.actors["id"].isin(ids).to_numpy(dtype=bool)
    assert filters.id_mask(seed.actors, ids).tolist() == expected.tolist()
    assert filters.id_mask(seed.actors, pd.Series(ids, dtype=object)).tolist() == expected.tolist()


def test_a_lookup_kept_for_one_frame_is_not_used_for_another(seed):
    # The same ids in another order (another frame): rows must be found where they are in it.
    backwards = seed.actors.iloc[::-1].reset_index(drop=True)
    first = filters.id_mask(seed.actors, ["china"])
    second = filters.id_mask(backwards, ["china"])
    assert np.flatnonzero(first).tolist() == [seed.actors["id"].tolist().index("china")]
    assert np.flatnonzero(second).tolist() == [backwards["id"].tolist().index("china")]
    assert first.tolist() != second.tolist()


def test_id_mask_falls_back_to_isin_when_ids_repeat():
    frame = pd.DataFrame({"id": pd.array(["a", "b", "a"], dtype="string")})
    assert filters.id_mask(frame, ["a"]).tolist() == [True, False, True]


@pytest.mark.parametrize(
    "ids",
    [["china"], ["united-states", "china", "elsewhere"], ["china", "china"], [], [None, "china"]],
)
def test_places_in_gives_each_rows_place_among_the_ids(seed, ids):
    column = seed.positions["actor"]
    found = filters.places_in(column, ids)
    expected = [max((i for i, a in enumerate(ids) if a == actor), default=-1) for actor in column.astype(str)]
    assert found.tolist() == expected


def test_places_in_matches_through_a_subsets_shared_categories(seed):
    part = seed.positions.iloc[::2]
    assert part["actor"].cat.categories is seed.positions["actor"].cat.categories
    assert filters.places_in(part["actor"], ["china"]).tolist() == [
        0 if a == "china" else -1 for a in part["actor"].astype(str)
    ]


@pytest.mark.parametrize("order", ["as filed", "reversed", "shuffled"])
@pytest.mark.parametrize("undated", [False, True])
def test_latest_positions_is_the_pandas_definition(seed, order, undated):
    positions = seed.positions
    assert positions.duplicated(["actor", "issue"]).any()  # the seed has history: the case that matters
    if order == "reversed":
        positions = positions.iloc[::-1]
    elif order == "shuffled":
        positions = positions.sample(frac=1, random_state=3)
    if undated:
        positions = positions.copy()
        positions.loc[positions.index[::3], "as_of"] = pd.NaT
    latest = filters.latest_positions(positions)
    pd.testing.assert_frame_equal(latest, reference_latest(positions))
    assert not latest.duplicated(["actor", "issue"]).any()


def test_latest_positions_of_one_cell_with_ties_keeps_the_later_record():
    when = pd.Timestamp("2024-11-01")
    positions = pd.DataFrame(
        {
            "position": [0, 1, 2],
            "actor": pd.Categorical(["a", "a", "a"]),
            "issue": pd.Categorical(["x", "x", "x"]),
            "as_of": pd.to_datetime([when, when, None]).astype("datetime64[us]"),
        }
    )
    assert filters.latest_positions(positions)["position"].tolist() == [1]
    pd.testing.assert_frame_equal(filters.latest_positions(positions), reference_latest(positions))
