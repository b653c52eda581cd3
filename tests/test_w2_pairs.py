"""The heatmap and its pair list count the same issues as the pair panel (a reader's review v10,
finding 3): an issue where one side's position is the other's reading is left out of that pair."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import alignment
from dashboard.load import load_briefing

SEED = Path(__file__).resolve().parents[1] / "data" / "nk-troops-russia"


@pytest.fixture(scope="module")
def seed():
    briefing, _ = load_briefing(SEED)
    return briefing


@pytest.mark.parametrize("measure", ["coincidence", "index", "kappa"])
def test_the_heatmap_leaves_out_an_experts_own_reading_as_the_pair_panel_does(seed, measure) -> None:
    actors = ["china", "lu-chao", "united-states", "south-korea"]
    cells = alignment.pairwise(seed, actors, measure=measure, min_n=1).cells.set_index(["actor", "other"])
    for actor in actors:
        panel = alignment.agreement(
            seed, actor, [a for a in actors if a != actor], measures=(measure,), min_n=1
        )
        for _, row in panel.iterrows():
            cell = cells.loc[(actor, row["other"])]
            for column in ("n", "issues", "neutral", "mixed", "silent", "no_record", "first", "last"):
                assert cell[column] == row[column] or (
                    cell[column] != cell[column] and row[column] != row[column]
                ), (
                    actor,
                    row["other"],
                    column,
                )
    # The issue Lu Chao's reading of China rests on is no agreement of Lu Chao with himself.
    assert int(cells.loc[("china", "lu-chao"), "n"]) == 1
    assert int(cells.loc[("lu-chao", "china"), "n"]) == 1
