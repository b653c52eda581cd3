"""Review v10, finding 2: "What changed" and the brief show a reading's summary, its first evidence
quotes (the actor's own or its speakers' words first) and how many more it rests on."""

from pathlib import Path

import pytest

from dashboard.load import load_briefing
from dashboard.views.changes import evidence_split, reading_html

SEED = Path(__file__).resolve().parent.parent / "data" / "nk-troops-russia"


@pytest.fixture(scope="module")
def seed():
    briefing, _ = load_briefing(SEED)
    return briefing


def position_of(seed, actor: str, issue: str, day: str) -> int:
    p = seed.positions
    chosen = p[(p["actor"] == actor) & (p["issue"] == issue) & (p["as_of"].astype(str).str[:10] == day)]
    assert len(chosen) == 1
    return int(chosen["position"].iloc[0])


def test_chinas_silence_shows_its_summary_and_says_two_more_quotes_back_it(seed) -> None:
    page = reading_html(seed, position_of(seed, "china", "nk-troops-in-russia", "2024-10-31"), quotes=1)
    assert "has not yet commented publicly on the deployment" in page  # the summary
    shown, hidden = page.split('<details class="more-quotes"', 1)
    # the words that speak of the silence come first, not the US figure it is a silence about
    assert "radio silence" in shown and "8,000 North Korean troops" not in shown
    assert "2 more evidence quotes" in hidden
    assert "8,000 North Korean troops" in hidden and "staggering." in hidden  # neither dropped silently


def test_the_spokesmans_words_come_before_afps_paraphrase(seed) -> None:
    position = position_of(seed, "china", "china-restrain-nk", "2024-11-01")
    page = reading_html(seed, position, quotes=1)
    shown, hidden = page.split('<details class="more-quotes"', 1)
    assert "their own matter" in shown  # Lin Jian, who speaks for China
    assert "not its concern" in hidden  # AFP's reading of the briefing, recorded first
    assert "1 more evidence quote<" in hidden


def test_an_inferred_reading_shows_its_assessors_words_before_others(seed) -> None:
    first, more, caps = evidence_split(
        seed,
        "china",
        ["q-experts-may-not-approve", "q-cha-russia-influence", "q-shi-strongly-disagrees"],
        "shi-yinhong",
        1,
    )
    assert first == ["q-shi-strongly-disagrees"] and caps["q-shi-strongly-disagrees"] == "assessor"
    assert more == ["q-experts-may-not-approve", "q-cha-russia-influence"]  # the record's order kept


def test_a_reading_with_all_its_quotes_shown_says_no_more(seed) -> None:
    page = reading_html(seed, position_of(seed, "china", "no-escalation", "2024-11-01"), quotes=2)
    assert 'class="more-quotes"' not in page and "more evidence quote" not in page
