"""A cell's reading and quotes read through maps kept per briefing (issue 24: the pandas selections
they replace cost 1-3 ms each on the seed's few dozen rows, most of a click's server time): the same
reading and the same frame as the pandas definitions below, for every cell of the seed under several
filters, and maps made for one briefing never used for another."""

from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from dashboard import filters, matrix
from dashboard.briefing import Briefing
from dashboard.reading import Evidence, Reading, capacity, cell_quotes, grid, reading_of
from dashboard.selection import Filters, MatrixState


def reference_reading(briefing: Briefing, subset, actor, issue, cells=None) -> Reading:
    """reading_of as pandas selections (the definition before the maps)."""
    actors = briefing.actors[briefing.actors["id"] == actor]
    issues = briefing.issues[briefing.issues["id"] == issue]
    if actors.empty or issues.empty:
        return Reading(actor, issue, "unknown")
    found = None if cells is None else cells[(cells["actor"] == actor) & (cells["issue"] == issue)]
    row = (
        found.iloc[0] if found is not None and len(found) else grid(briefing, subset, actors, issues).iloc[0]
    )
    evidence: tuple[Evidence, ...] = ()
    if row["position"] >= 0:
        ids = briefing.evidence.loc[briefing.evidence["position"] == row["position"], "quote"]
        speakers = briefing.quotes.set_index("id")["speaker"]
        kinds = briefing.quotes.set_index("id")["kind"].astype(str)
        evidence = tuple(
            Evidence(
                q,
                str(speakers[q]),
                capacity(briefing, actor, str(speakers[q]), str(row["assessed_by"]), str(kinds[q])),
            )
            for q in ids
            if q in speakers.index
        )
    return Reading(
        actor,
        issue,
        str(row["stance"]),
        str(row["basis"]),
        str(row["confidence"]),
        str(row["as_of"]),
        str(row["summary"]),
        str(row["assessed_by"]),
        str(row["assessor_name"]),
        int(row["position"]),
        int(row["n_positions"]),
        str(row["hidden_by"]),
        evidence,
        str(row["said"]),
    )


def reference_quotes(briefing: Briefing, reading: Reading) -> pd.DataFrame:
    """cell_quotes as pandas selections (the definition before the maps)."""
    evidence_ids = [e.quote for e in reading.evidence]
    speakers = [reading.actor, *briefing.spokespeople.get(reading.actor, [])]
    on_issue = briefing.quote_issues.loc[briefing.quote_issues["issue"] == reading.issue, "quote"]
    quotes = briefing.quotes
    related = quotes.loc[quotes["speaker"].isin(speakers) & quotes["id"].isin(on_issue), "id"]
    order = list(dict.fromkeys([*evidence_ids, *related]))
    found = quotes.set_index("id").reindex(order).dropna(subset=["speaker"]).reset_index()
    found["is_evidence"] = found["id"].isin(evidence_ids)
    found["capacity"] = [
        capacity(briefing, reading.actor, str(s), reading.assessed_by, str(k))
        for s, k in zip(found["speaker"], found["kind"].astype(str), strict=True)
    ]
    return found


CHOICES = [
    Filters(),
    Filters(actors=("china",)),
    Filters(actors=("russia", "north-korea"), spokespeople=True),
    Filters(stances=("support",)),  # hides the rest: hidden cells
    Filters(bases=("inferred", "reported")),
    Filters(date_to=date(2024, 10, 31)),  # earlier positions than the latest
    Filters(kinds=("state",)),
]


@pytest.mark.parametrize("chosen", CHOICES, ids=lambda f: ",".join(f.active()) or "none")
def test_every_cells_reading_and_quotes_are_the_pandas_definitions(seed, chosen):
    subset = filters.apply(seed, chosen)
    shown = matrix.grid_of(seed, subset, chosen, MatrixState(), per_page=matrix.MAX_ISSUES)
    cells = list(zip(shown.cells["actor"], shown.cells["issue"], strict=True))
    assert cells, "the filters leave cells to read"
    with_quotes = 0
    whole = chosen == Filters()
    for number, (actor, issue) in enumerate(cells):
        if not whole and number % 3:
            continue  # the whole matrix cell by cell, the other filters a third of their cells
        expected = reference_reading(seed, subset, actor, issue, shown.cells)
        assert reading_of(seed, subset, actor, issue, shown.cells) == expected
        if number % 9 == 0:  # without the page's rows: the cell's own grid (slower, so a sample)
            assert reading_of(seed, subset, actor, issue) == expected
        quotes = cell_quotes(seed, subset, expected)
        pd.testing.assert_frame_equal(quotes, reference_quotes(seed, expected))
        with_quotes += bool(len(quotes))
    if whole:
        assert with_quotes >= 10  # the comparison covers cells with words, not only empty ones


@pytest.mark.parametrize(
    ("actor", "issue"),
    [("no-such-actor", "nk-troops-in-russia"), ("china", "no-such-issue"), ("", "")],
)
def test_a_cell_the_briefing_does_not_hold_reads_as_no_record(seed, actor, issue):
    subset = filters.apply(seed, Filters())
    found = reading_of(seed, subset, actor, issue)
    assert found == reference_reading(seed, subset, actor, issue)
    assert found.stance == "unknown"


def test_maps_made_for_one_briefing_are_not_used_for_another(seed):
    subset = filters.apply(seed, Filters())
    shown = matrix.grid_of(seed, subset, Filters(), MatrixState(), per_page=matrix.MAX_ISSUES)
    cited = seed.evidence.iloc[0]
    at = seed.positions.loc[seed.positions["position"] == cited["position"]].iloc[0]
    actor, issue = str(at["actor"]), str(at["issue"])
    first = reading_of(seed, subset, actor, issue, shown.cells)
    assert first.evidence, "the cell has evidence to compare"
    # The same records but one quote's speaker changed: a new briefing, read afresh.
    quotes = seed.quotes.copy()
    quotes.loc[quotes["id"] == cited["quote"], "speaker"] = "someone-else"
    other = replace(seed, quotes=quotes)
    other_subset = filters.apply(other, Filters())
    second = reading_of(other, other_subset, actor, issue, shown.cells)
    assert second == reference_reading(other, other_subset, actor, issue, shown.cells)
    changed = {e.quote: e.speaker for e in second.evidence}
    assert changed[cited["quote"]] == "someone-else"
    assert {e.quote: e.speaker for e in first.evidence}[cited["quote"]] != "someone-else"
