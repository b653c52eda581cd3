"""A filter on actors or kinds looks only at the positions of the rows' actors (issue 24: the UN
votes' 870,109 positions were scanned whole for every pick). The subset must be the one a scan of
every position gives, frame for frame, whatever else is chosen."""

from datetime import date
from itertools import product

import numpy as np
import pandas as pd
import pytest

from dashboard import filters
from dashboard.selection import Filters


def assert_same_subset(narrowed: filters.Subset, scanned: filters.Subset) -> None:
    for name in ("actors", "issues", "positions", "scope", "quotes", "sources"):
        pd.testing.assert_frame_equal(getattr(narrowed, name), getattr(scanned, name), obj=name)
    for name in ("history", "hides", "unknown_hidden", "authors"):
        assert getattr(narrowed, name) == getattr(scanned, name), name


def seed_choices(seed) -> list[Filters]:
    ids = list(seed.actors["id"])
    experts = list(seed.actors.loc[seed.actors["kind"] == "expert", "id"])
    issues = list(seed.issues["id"])
    actor_choices = [(), ("china",), ("china", "united-states"), tuple(experts[:2]), tuple(ids[-3:])]
    others = [
        {},
        {"spokespeople": True},
        {"kinds": ("expert",)},
        {"kinds": ("state", "expert")},
        {"stances": ("support",)},
        {"bases": ("inferred",)},
        {"issues": tuple(issues[:2])},
        {"date_from": date(2024, 11, 2)},
        {"query": "troops"},
    ]
    return [Filters(actors=a, **o) for a, o in product(actor_choices, others)]


def test_the_seed_subset_is_the_same_narrowed_or_scanned(seed):
    choices = seed_choices(seed)
    for chosen in choices:
        assert_same_subset(
            filters.apply(seed, chosen, narrow=True), filters.apply(seed, chosen, narrow=False)
        )
    # The choices reach what the narrowing must get right: readings of others on a chosen row.
    kinds = filters.apply(seed, Filters(kinds=("expert",)))
    assert set(kinds.positions["assessed_by"].dropna()) and "china" in set(kinds.actors["id"])


def test_rows_of_gives_each_actors_rows_in_file_order(seed):
    rows = seed.rows_of(["china", "lin-jian", "no-such-actor", "china"])
    expected = np.flatnonzero(seed.positions["actor"].astype(str).isin(["china", "lin-jian"]).to_numpy())
    assert rows.tolist() == expected.tolist()
    assert seed.rows_of([]).tolist() == []
    assert seed.rows_of(["no-such-actor"]).tolist() == []


@pytest.mark.slow
def test_the_un_votes_subset_is_the_same_narrowed_or_scanned(unvotes):
    ids = list(unvotes.actors["id"])
    for chosen in (
        Filters(actors=(ids[0],)),
        Filters(actors=tuple(ids[5:8])),
        Filters(actors=(ids[1],), stances=("oppose",)),
    ):  # not kinds alone: nearly all 870,109 rows, 2 minutes to compare (the seed's choices cover kinds)
        assert_same_subset(
            filters.apply(unvotes, chosen, narrow=True), filters.apply(unvotes, chosen, narrow=False)
        )
