"""Actor cards show the latest words as the record holds them (a reader's review v10, finding 5):
a partial quotation keeps the ellipses the quote cards give it, and the record's note on the words
(Victor Cha's machine-garbled English) stands beside them."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import filters
from dashboard.load import load_briefing
from dashboard.selection import Filters
from dashboard.views import cards

SEED = Path(__file__).resolve().parents[1] / "data" / "nk-troops-russia"


@pytest.fixture(scope="module")
def seed():
    briefing, _ = load_briefing(SEED)
    return briefing


def _card(seed, actor: str) -> str:
    subset = filters.apply(seed, Filters(actors=(actor,)))
    (card,) = cards._cards(seed, subset, seed.actors[seed.actors["id"] == actor])
    return str(card.html)


def test_victor_chas_garbled_words_carry_the_records_note(seed) -> None:
    html = _card(seed, "victor-cha")
    assert "a little bit of panic" in html  # the words themselves, not edited
    assert "Garbled by machine translation" in html
    assert "…“there&#x27;s probably" in html or "…“there's probably" in html


def test_a_partial_quotation_keeps_its_ellipses_on_the_card(seed) -> None:
    quotes = seed.quotes.set_index("id")
    assert quotes.loc["q-liu-peace-talks", "kind"] == "partial"
    html = _card(seed, "liu-pengyu")
    text = str(quotes.loc["q-liu-peace-talks", "text"])
    assert f"…“{text}" in html
    assert "”…" in html
