"""A small briefing's subset with fewer pandas operations (issue 24, p8: the readings' assessors selected
and matched by Arrow `isin` twice a filter, the quotes' speakers by `isin`, two `dropna` for the sources,
and the masks of who authored what made twice): the same frames as the pandas definitions kept below
give, on the seed under many filters and on the Bundestag's briefing.

The reference is `apply` narrowed (which makes its masks again after the rows, as before p8) with the
pandas helpers put back; what is compared is `apply` scanning every position, as a small briefing does,
with the helpers as they are."""

from __future__ import annotations

import random
from datetime import date

import numpy as np
import pandas as pd
import pytest

from dashboard import filters
from dashboard.briefing import Briefing
from dashboard.selection import Filters


def reference_assessed_by(briefing: Briefing, positions: pd.DataFrame, who) -> np.ndarray:
    """filters._assessed_by as it was before p8."""
    if positions is not briefing.positions:
        return filters.members(positions["assessed_by"], who)
    rows = briefing.assessed_rows
    mask = np.zeros(len(positions), dtype=bool)
    if len(rows):
        mask[rows] = filters.members(positions["assessed_by"].iloc[rows], who)
    return mask


def reference_sources(briefing: Briefing, quotes: pd.DataFrame, shown: pd.DataFrame) -> pd.DataFrame:
    """The sources step of filters.apply as it was before p8."""
    cited = shown["source"].dropna().unique()
    return briefing.sources[filters.id_mask(briefing.sources, [*quotes["source"].dropna(), *cited])]


def reference_spoken_by(quotes: pd.DataFrame, speakers: list[str]) -> np.ndarray:
    return quotes["speaker"].isin(speakers).to_numpy()


def references(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(filters, "_assessed_by", reference_assessed_by)
    monkeypatch.setattr(filters, "_sources", reference_sources)
    monkeypatch.setattr(filters, "_spoken_by", reference_spoken_by)


def choices(briefing: Briefing, n: int, seed: int) -> list[Filters]:
    """Actors (assessors among them), with or without spokespeople, kinds, issues, stances, bases,
    dates and a search, alone and together."""
    pick = random.Random(seed)
    actors, issues = list(briefing.actors["id"]), list(briefing.issues["id"])
    assessors = sorted(set(briefing.positions["assessed_by"].dropna().astype(str)))
    kinds = sorted(set(briefing.actors["kind"].astype(str)))
    made = [Filters(), Filters(actors=tuple(assessors[:2])), Filters(kinds=tuple(kinds[:1]))]
    made += [Filters(actors=(a,)) for a in actors]
    for _ in range(n):
        made.append(
            Filters(
                actors=tuple(pick.sample(actors + assessors, pick.choice((1, 2, 3)))),
                spokespeople=pick.random() < 0.5,
                kinds=tuple(pick.sample(kinds, 1)) if pick.random() < 0.2 else (),
                issues=tuple(pick.sample(issues, 1)) if pick.random() < 0.2 else (),
                stances=(pick.choice(("support", "oppose", "silent")),) if pick.random() < 0.2 else (),
                bases=("inferred",) if pick.random() < 0.1 else (),
                date_from=date(2024, 11, 2) if pick.random() < 0.1 else None,
                query="troops" if pick.random() < 0.1 else "",
            )
        )
    return made


def subsets(briefing: Briefing, made: list[Filters], monkeypatch: pytest.MonkeyPatch, before: bool):
    with monkeypatch.context() as patched:
        if before:
            references(patched)
        return [filters.apply(briefing, chosen, narrow=before) for chosen in made]


def assert_same(briefing: Briefing, made: list[Filters], monkeypatch: pytest.MonkeyPatch) -> int:
    expected = subsets(briefing, made, monkeypatch, before=True)
    found = subsets(briefing, made, monkeypatch, before=False)
    rows = 0
    for chosen, a, b in zip(made, found, expected, strict=True):
        for name in ("actors", "issues", "positions", "scope", "quotes", "sources"):
            pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), obj=f"{name} of {chosen}")
            rows += len(getattr(a, name))
        for name in ("history", "hides", "unknown_hidden", "authors"):
            assert getattr(a, name) == getattr(b, name), (name, chosen)
    return rows


@pytest.mark.slow
def test_the_seed_subset_is_the_pandas_definition_under_many_filters(seed, monkeypatch):
    made = choices(seed, 120, 8)
    assert assert_same(seed, made, monkeypatch) > 2_000  # rows compared, not empty frames
    # The choices reach what changed: readings by an assessor chosen, and sources of quotes in view.
    by_assessor = filters.apply(seed, made[1])
    assert by_assessor.positions["assessed_by"].notna().any() and len(by_assessor.sources)


def test_the_bundestag_subset_is_the_pandas_definition(all_briefings, monkeypatch):
    from tests.support.briefings import BUNDESTAG

    if not (all_briefings / BUNDESTAG).is_dir():
        pytest.skip(f"{BUNDESTAG} is built from ../shared, which is not here")
    from dashboard.load import load_briefing

    briefing, _ = load_briefing(all_briefings / BUNDESTAG)
    assert assert_same(briefing, choices(briefing, 30, 12), monkeypatch) > 5_000
