"""The quotes' capacities made with NumPy and dicts (issue 24, p8: the evidence merged with the positions
in view and two Arrow casts cost most of the 6 ms a new seed selection spent in `quote_capacities`): the
same Series, values, index and dtype, as the pandas definition kept below, on the seed under many
filters, the Bundestag's briefing, and the UN votes."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from dashboard import filters
from dashboard.briefing import Briefing
from dashboard.filters import Subset
from dashboard.reading import capacity, quote_capacities
from dashboard.selection import Filters


def reference_capacities(briefing: Briefing, subset: Subset, quotes: pd.DataFrame) -> pd.Series:
    """reading.quote_capacities as it was before p8, word for word."""
    if not subset.authors:
        return pd.Series("", index=quotes.index, dtype=object)
    cited = briefing.evidence.merge(subset.positions[["position", "actor", "assessed_by"]], on="position")
    subject = dict(zip(cited["quote"], cited["actor"].astype(str), strict=False))
    assessor = dict(zip(cited["quote"], cited["assessed_by"].fillna("").astype(str), strict=False))
    out = []
    for quote, speaker, kind in zip(quotes["id"], quotes["speaker"], quotes["kind"].astype(str), strict=True):
        about = subject.get(quote) or next(
            (a for a in subset.authors if speaker == a or speaker in briefing.spokespeople.get(a, [])),
            str(speaker),
        )
        out.append(capacity(briefing, about, str(speaker), assessor.get(quote, ""), kind))
    return pd.Series(out, index=quotes.index, dtype=object)


def choices(briefing: Briefing, n: int, seed: int) -> list[Filters]:
    """Single actors (every one), pairs and threes, with and without their spokespeople, with an
    issue, a stance, a basis or a date; and no actor (no capacities asked for)."""
    pick = random.Random(seed)
    actors, issues = list(briefing.actors["id"]), list(briefing.issues["id"])
    made = [Filters(), Filters(stances=("support",))]
    made += [Filters(actors=(a,)) for a in actors]
    for _ in range(n):
        who = tuple(pick.sample(actors, min(pick.choice((2, 3)), len(actors))))
        made.append(Filters(actors=who))
        made.append(Filters(actors=who, spokespeople=False))
        made.append(Filters(actors=who, issues=(pick.choice(issues),)))
        made.append(Filters(actors=who, stances=(pick.choice(("support", "oppose", "neutral")),)))
        made.append(Filters(actors=who, bases=("inferred",)))
    return made


def same_capacities(briefing: Briefing, chosen: Filters) -> tuple[int, int]:
    """The subset's quotes and the whole briefing's (every quote asked about, cited or not), each
    equal to the reference; how many quotes were compared, and how many were cited in view."""
    subset = filters.apply(briefing, chosen)
    for quotes in (subset.quotes, briefing.quotes):
        pd.testing.assert_series_equal(
            quote_capacities(briefing, subset, quotes), reference_capacities(briefing, subset, quotes)
        )
    in_view = briefing.evidence["position"].isin(subset.positions["position"]).sum()
    return len(subset.quotes), int(in_view) if subset.authors else 0


@pytest.mark.slow
def test_the_seed_capacities_are_the_pandas_definition_under_many_filters(seed):
    compared = [same_capacities(seed, chosen) for chosen in choices(seed, 40, 8)]
    assert sum(n for n, _ in compared) > 1_000  # quotes compared, not an empty view each time
    assert sum(cited for _, cited in compared) > 100  # quotes cited for a position in view
    # Each capacity the seed can show was made by both (own, spokesperson, reported, assessor, other).
    made = set()
    for chosen in choices(seed, 40, 8):
        subset = filters.apply(seed, chosen)
        made |= set(quote_capacities(seed, subset, subset.quotes))
    assert {"own", "other", "assessor"} <= made, made


def test_a_quote_cited_for_two_positions_in_view_takes_the_last_in_evidence_order(seed):
    """The merge kept the evidence's order, so its dicts held the last position citing a quote."""
    evidence = seed.evidence
    twice = evidence[evidence["quote"].duplicated(keep=False)]
    if twice.empty:
        pytest.skip("no quote of the seed is cited for two positions")
    quote = str(twice["quote"].iloc[0])
    actors = seed.positions.loc[seed.positions["position"].isin(twice["position"]), "actor"].astype(str)
    chosen = Filters(actors=tuple(dict.fromkeys(actors)))
    subset = filters.apply(seed, chosen)
    quotes = seed.quotes[seed.quotes["id"] == quote]
    pd.testing.assert_series_equal(
        quote_capacities(seed, subset, quotes), reference_capacities(seed, subset, quotes)
    )


@pytest.mark.slow
def test_the_bundestag_capacities_are_the_pandas_definition(all_briefings):
    from tests.support.briefings import BUNDESTAG

    if not (all_briefings / BUNDESTAG).is_dir():
        pytest.skip(f"{BUNDESTAG} is built from ../shared, which is not here")
    from dashboard.load import load_briefing

    briefing, _ = load_briefing(all_briefings / BUNDESTAG)
    compared = [same_capacities(briefing, chosen) for chosen in choices(briefing, 10, 12)]
    assert sum(n for n, _ in compared) > 1_000
    assert sum(cited for _, cited in compared) > 100


@pytest.mark.slow
def test_the_un_votes_capacities_are_the_pandas_definition(unvotes):
    for chosen in choices(unvotes, 2, 6)[:6] + [Filters(actors=("us", "ru"))]:
        same_capacities(unvotes, chosen)
