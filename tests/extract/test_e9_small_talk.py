"""Transcript turns that say nothing (issue 20/22, ninth round): courtesies and small talk about
the weather, the room or the day are no statement (house reading of 2026-12-07), while a turn with
a name, a figure or a position in it stays one. Short texts written for the purpose."""

from __future__ import annotations

import pytest

from dashboard.extract.extractor import extract
from dashboard.extract.turns import find_turns, says_nothing


@pytest.mark.parametrize(
    "words",
    [
        "It was raining.",
        "Hi, everybody. It was a beautiful day yesterday. I don't know, is today nice? Have you guys "
        "been outside at all?",
        "It's musical chairs. What was going on in here? I was thinking, “My gosh.” All right, though, "
        "this is good. Thank you all for being here. I appreciate it. I think it's beautiful outside. Who "
        "was outside recently?",
        "The flowers think it's a beautiful day.",
    ],
)
def test_small_talk_about_the_weather_or_the_room_says_nothing(words: str) -> None:
    assert says_nothing(words)


@pytest.mark.parametrize(
    "words",
    [
        "Spring is coming, and the offensive will start.",  # a clause about a matter
        "It is cold in Moscow.",  # a place
        "The storm killed 30 people.",  # a figure
        "It is cold. We will not negotiate with them.",  # a position
        "Last night – that storm. That was pretty outrageous. But glad we made it. So yes, we have a few "
        "announcements today, and then I'll be ready to take your questions. Secretary Rubio is in Kuala "
        "Lumpur for the foreign ministers' meetings.",
    ],
)
def test_a_turn_with_a_matter_in_it_says_something(words: str) -> None:
    assert not says_nothing(words)


BANTER = (
    "Department Press Briefing – May 27, 2025\n"
    "MS ROE: Thank you very much. Hi, everybody.\n"
    "QUESTION: Hello.\n"
    "MS ROE: It's musical chairs. What was going on in here? I think it's beautiful outside.\n"
    "QUESTION: It's raining.\n"
    "MS ROE: It was raining.\n"
    "QUESTION: On Freedonia: will the talks go ahead?\n"
    "MS ROE: The talks will go ahead on Monday, and we expect both sides to attend.\n"
)


def test_banter_turns_are_no_statements() -> None:
    answers = [BANTER[t.start : t.end] for t in find_turns(BANTER) if not t.question]
    assert answers == ["The talks will go ahead on Monday, and we expect both sides to attend."]


NOON = (
    "The following is a near-verbatim transcript of today's briefing by Jane Roe, Spokeswoman for the "
    "Secretary-General.\n"
    "**Freedonia\n"
    "I want to flag that the mission in Freedonia reported heavy shelling overnight, and the "
    "humanitarian convoy could not reach the border town.\n"
)


def test_a_briefing_whose_first_line_names_its_spokesperson_is_hers() -> None:
    # a copy that kept no headline opens with the introduction; the read-out went to nobody
    drafts = extract(NOON)
    assert [(d.kind, d.speaker.name if d.speaker else None) for d in drafts][:1] == [("direct", "Jane Roe")]
