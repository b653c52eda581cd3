"""The matrix's rows sorted by agreement (the 'align' link, MatrixState.sort_by) count what alignment
and the heatmap count (docs/measures.md, 'Which positions count'): an expert's own reading of the
reference (basis inferred, assessed_by the expert) is never the expert agreeing with it, and silence
is no side, alone or on both sides. Review w4 section 1 left this unchecked; it holds, and these
tests keep it so."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from dashboard import alignment, filters, matrix
from dashboard.briefing import Briefing
from dashboard.load import load_briefing
from dashboard.selection import Filters, MatrixState

PROJECT = Path(__file__).resolve().parents[1]
NO_FILTER = Filters()
SIDES = ("strongly_support", "support", "oppose", "strongly_oppose")


@pytest.fixture(scope="module")
def seed() -> Briefing:
    briefing, _ = load_briefing(PROJECT / "data" / "nk-troops-russia")
    return briefing


def _sorted_by(
    briefing: Briefing, reference: str, chosen: Filters = NO_FILTER
) -> tuple[matrix.StanceGrid, matrix.Agreement]:
    shown = matrix.grid_of(briefing, filters.apply(briefing, chosen), chosen, MatrixState(sort_by=reference))
    assert isinstance(shown, matrix.StanceGrid) and shown.agreement is not None
    return shown, shown.agreement


def _row_label(shown: matrix.StanceGrid, actor: str) -> str:
    labels = shown.cells.loc[shown.cells["actor"] == actor, "actor_label"]
    return str(labels.iloc[0])


def test_an_experts_own_reading_of_the_reference_is_not_agreement(seed: Briefing) -> None:
    latest = seed.positions.sort_values("as_of").drop_duplicates(["actor", "issue"], keep="last")
    china = latest[latest["actor"] == "china"].set_index("issue")
    lu = latest[latest["actor"] == "lu-chao"].set_index("issue")
    both_sides = [
        i for i in lu.index if i in china.index and {china.at[i, "stance"], lu.at[i, "stance"]} <= set(SIDES)
    ]
    # Both took a side on two issues; on one of them China's side is Lu Chao's reading of China.
    assert sorted(both_sides) == ["china-responsible-for-nk", "china-restrain-nk"]
    assert china.at["china-responsible-for-nk", "assessed_by"] == "lu-chao"
    for reference, other in (("china", "lu-chao"), ("lu-chao", "china")):
        shown, shown_agreement = _sorted_by(seed, reference)
        assert int(shown_agreement.shared[other]) == 1
        assert _row_label(shown, other).endswith("n = 1)")
    # Over that one issue alone, nothing is shared: the row is not ranked on Lu Chao's own inference.
    _, alone_agreement = _sorted_by(seed, "china", Filters(issues=("china-responsible-for-nk",)))
    assert int(alone_agreement.shared.get("lu-chao", 0)) == 0
    assert "lu-chao" not in alone_agreement.share.index


def test_silence_is_no_side(seed: Briefing) -> None:
    # On 2024-10-31 China is silent (reported) on the troops, where the US opposes and Russia supports.
    chosen = Filters(issues=("nk-troops-in-russia",), date_to=date(2024, 10, 31))
    shown, shown_agreement = _sorted_by(seed, "united-states", chosen)
    assert int(shown_agreement.shared["china"]) == 0 and int(shown_agreement.shared["russia"]) == 1
    assert "china" not in shown_agreement.share.index


def test_two_silences_are_no_agreement(seed: Briefing) -> None:
    positions = seed.positions.drop(columns=["position"]).copy()
    ukraine = (positions["actor"] == "ukraine") & (positions["issue"] == "nk-troops-in-russia")
    positions.loc[ukraine, ["stance", "basis"]] = ["silent", "reported"]
    both_silent = Briefing.from_frames(
        seed.meta,
        actors=seed.actors,
        issues=seed.issues,
        sources=seed.sources,
        quotes=seed.quotes,
        positions=positions,
        blocs=seed.blocs,
    )
    chosen = Filters(issues=("nk-troops-in-russia",), date_to=date(2024, 10, 31))
    shown, shown_agreement = _sorted_by(both_silent, "china", chosen)
    assert int(shown_agreement.shared.get("ukraine", 0)) == 0
    assert "ukraine" not in shown_agreement.share.index


@pytest.mark.parametrize("reference", ["china", "lu-chao", "united-states"])
def test_the_sort_counts_what_the_partners_table_counts(seed: Briefing, reference: str) -> None:
    shown, shown_agreement = _sorted_by(seed, reference)
    partners = alignment.agreement(seed, reference, list(seed.actors["id"]), measures=("coincidence",))
    expected = partners.set_index("other")["n"].astype(int)
    pd.testing.assert_series_equal(
        shown_agreement.shared.sort_index(), expected.sort_index(), check_names=False, check_dtype=False
    )
