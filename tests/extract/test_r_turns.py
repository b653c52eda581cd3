"""Transcripts (issue 20, letter r): a turn that says it asks is a journalist's question though it
ends without a question mark; nothing in it is drafted. Short texts written for the purpose."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.extract.turns import asks, find_turns
from tests.extract.support import drafted_against

BRIEFING = pd.DataFrame(
    [
        {"id": "china", "name": "China", "kind": "state", "country": "CN", "aliases": []},
        {"id": "united-states", "name": "United States", "kind": "state", "country": "US", "aliases": []},
        {"id": "lin-jian", "name": "Lin Jian", "kind": "official", "country": "CN", "aliases": []},
    ]
)
BRIEFING_TEXT = (
    "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on December 3, 2024\n\n"
    "Lin Jian: Good afternoon. The Prime Minister will visit China next week.\n\n"
    "Shi Yue: I'd like to follow up on the question about the troops. The Pentagon says they are in "
    "combat.\n\n"
    "Lin Jian: I'd like to ask all parties to exercise restraint. China's position is consistent.\n"
)


def test_a_turn_that_says_it_asks_is_a_question_and_drafts_nothing() -> None:
    turns = find_turns(BRIEFING_TEXT)
    assert [(t.label, t.question) for t in turns] == [
        ("Lin Jian", False),
        ("Shi Yue", True),
        ("Lin Jian", False),
    ]
    drafts = drafted_against(BRIEFING, BRIEFING_TEXT)
    assert not [q.text for q in drafts.quotes if "combat" in q.text or "follow up" in q.text]
    assert any(q.text.startswith("I'd like to ask all parties") for q in drafts.quotes)


@pytest.mark.parametrize(
    ("turn", "expected"),
    [
        ("I'd like to follow up on the question about the troops.", True),
        ("A follow-up on the sanctions. The US says they will widen.", True),
        ("My question is about the troops in Kursk.", True),
        ("Could you tell us more about the visit.", True),
        ("We'd like to ask whether the talks will resume.", True),
        # an official's words that only use a verb of asking
        ("I'd like to ask all parties to exercise restraint.", False),
        ("We have asked the US side to stop.", False),
        ("The question of Taiwan is China's internal affair.", False),
    ],
)
def test_which_turns_say_they_ask(turn: str, expected: bool) -> None:
    assert asks(turn) is expected
