"""Review v10, finding 4: the brief's header note counts distinct quotes, and says how many are
the counterpart's own words or those of whoever speaks for it."""

from pathlib import Path

import pytest

from dashboard import brief as briefs
from dashboard.load import load_briefing
from dashboard.selection import Filters
from dashboard.views.brief import counts_note

SEED = Path(__file__).resolve().parent.parent / "data" / "nk-troops-russia"


@pytest.fixture(scope="module")
def seed():
    briefing, _ = load_briefing(SEED)
    return briefing


def test_the_note_counts_each_quote_once_and_says_whose_words_they_are(seed) -> None:
    result = briefs.build(seed, Filters(actors=("united-states",)), "united-states", "china")
    note = counts_note(seed, result)
    # China's 6 latest readings cite 14 quotes summed reading by reading, 11 distinct ones: Lin
    # Jian's "their own matter" backs three readings. Of the 11, AFP's paraphrase and Lu Chao's
    # three are not China's words; the other 7 are Lin Jian's and Liu Pengyu's (its spokespeople).
    assert "China's 6 readings and the 11 distinct quotes they rest on" in note
    assert "(7 of them the words of China or those who speak for it)" in note
    assert "14" not in note
