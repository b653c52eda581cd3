"""One issue side by side lists every actor with a position on it: its counts equal the matrix's
for every issue of every shipped and test briefing, and an answer without words is listed as such
(the Bundestag's three answers without a justification once vanished from it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import filters, sides
from dashboard.load import load_briefing
from dashboard.selection import Filters, Selection
from dashboard.vocabulary import SIDES
from tests.support.big_briefing import write_quote_heavy
from tests.support.briefings import BUNDESTAG

PROJECT = Path(__file__).resolve().parents[1]
HOSTILE = PROJECT / "tests" / "e2e" / "fixtures" / "hostile-data" / "hostile-markup"


def matrix_counts(briefing, subset) -> dict[str, dict[str, int]]:
    """Per issue, per side: the actors whose latest position in view is on that side (counted from
    the positions, apart from the side-by-side's own code)."""
    latest = subset.latest()
    side_of = {stance: name for name, members in SIDES.items() for stance in members}
    counted = latest.assign(side=latest["stance"].astype(str).map(side_of)).dropna(subset=["side"])
    table = counted.groupby(["issue", "side"], observed=True).size()
    out: dict[str, dict[str, int]] = {}
    for (issue, side), n in table.items():
        out.setdefault(str(issue), {})[str(side)] = int(n)
    return out


def assert_counts_equal(briefing) -> None:
    subset = filters.apply(briefing, Filters())
    expected = matrix_counts(briefing, subset)
    found = {issue: sides.counts(s) for issue, s in sides.sides_by_issue(briefing, subset).items()}
    found = {issue: c for issue, c in found.items() if c}
    assert found == expected


@pytest.mark.parametrize("name", ["seed", "hostile", "quote-heavy"])
def test_the_side_by_side_counts_what_the_matrix_shows(name: str, seed, tmp_path: Path) -> None:
    briefing = {
        "seed": lambda: seed,
        "hostile": lambda: load_briefing(HOSTILE)[0],
        "quote-heavy": lambda: load_briefing(write_quote_heavy(tmp_path / "qh"))[0],
    }[name]()
    assert_counts_equal(briefing)


@pytest.mark.slow
def test_the_side_by_side_counts_what_the_matrix_shows_on_every_roll_call(unvotes) -> None:
    assert_counts_equal(unvotes)


@pytest.mark.slow
def test_the_bundestag_answers_without_a_justification_are_listed(all_briefings: Path) -> None:
    # The run's data folder holds the briefing imported once (tests/conftest.py), read only here.
    folder = all_briefings / BUNDESTAG
    if not folder.is_dir():
        pytest.skip("../shared's Wahl-O-Mat data is not here")
    briefing, _ = load_briefing(folder)
    assert_counts_equal(briefing)
    subset = filters.apply(briefing, Filters())
    ukraine = next(i for i, t in briefing.issue_titles.items() if t == "Unterstützung der Ukraine")
    on_it = sides.sides_of(briefing, subset, ukraine)
    assert sides.counts(on_it) == {"For": 12, "Neutral": 5, "Against": 11}
    silent = [h.name for side in on_it.values() for h in side if not h.quotes]
    assert len(silent) == 3  # BSW, Bündnis C, BP: answered, no justification


def test_an_answer_without_words_is_said_to_have_none(seed) -> None:
    subset = filters.apply(seed, Selection(issues=("china-restrain-nk",)).filters)
    on_it = sides.sides_of(seed, subset, "china-restrain-nk")
    holders = [h for side in on_it.values() for h in side]
    assert {h.actor for h in holders} >= {"united-states", "south-korea"}
    assert all(h.stance for side, hs in on_it.items() if side != sides.NO_POSITION for h in hs)
