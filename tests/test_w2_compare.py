"""Compare's agreement headline gives the period of the positions it counts, as the brief and the
partners table do (a reader's review v10, finding 7), and one agreement 'rests'."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import compare as comparing
from dashboard.load import load_briefing
from dashboard.selection import Selection

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def seed():
    briefing, _ = load_briefing(DATA / "nk-troops-russia")
    return briefing


def _summary(briefing, name: str, actors: tuple[str, ...]) -> list[str]:
    selection = Selection(briefing=name, compare=actors, view="compare")
    return comparing.summary(briefing, comparing.comparison_for(briefing, selection.filters, actors)[1])


def test_the_three_way_headline_says_when_the_counted_positions_were_held(seed) -> None:
    lines = _summary(seed, "nk-troops-russia", ("united-states", "china", "south-korea"))
    assert lines[0] == (
        "Agree on 1 of the 2 issues where all 3 have a position "
        "(positions dated 2024-10-31 to 2024-11-01; 7 issues compared)."
    )
    assert "1 of those agreements rests on a second-hand reading" in lines[1]


@pytest.mark.slow
def test_the_un_headline_says_its_three_way_figure_starts_in_1971(unvotes) -> None:
    lines = _summary(unvotes, "unvotes", ("us", "cn", "ru"))
    assert "issues where all 3 have a position (positions dated 1971–2020;" in lines[0]
