"""Official transcripts read turn by turn: each answer one statement of its spokesperson, linked to
their actor and the state they speak for, over as many paragraphs as it runs; a question (`Q:`,
`QUESTION:`, an outlet named before it) is never a statement, nor is any government's word it
quotes. The transcripts are written for these tests in the formats of the State Department's press
briefings and the Chinese foreign ministry's English transcripts."""

# ruff: noqa: E501 (a transcript's paragraph is one line, as published: the tests keep them whole)
from __future__ import annotations

import pytest

from dashboard.briefing import Briefing
from dashboard.extract.briefings import load_briefing
from dashboard.extract.drafts import Drafts, draft
from dashboard.extract.readers import article_from_text
from tests.extract.support import SEED_BRIEFING

STATE = """Department Press Briefing – November 4, 2024
Matthew Miller, Department Spokesperson
Washington, D.C.

MR MILLER: Good afternoon, everyone. I have one announcement at the top.

The Secretary will travel to Brussels this week to meet our NATO allies on support for Ukraine.

QUESTION: Thank you, Matt. On North Korea: the Chinese foreign ministry said that "how they develop bilateral relations is their own matter". Do you accept that answer from Beijing?

MR MILLER: No. We continue to be greatly concerned about the partnership between North Korea and Russia.

We now assess that as many as 10,000 North Korean soldiers have moved to Kursk, and we have made clear to Beijing that it has a role to play.

QUESTION: Matt, one more on that –

MR MILLER: Go ahead.

QUESTION: Will there be sanctions?

MR MILLER: I am not going to preview sanctions from this podium.
"""

MFA = """Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on November 1, 2024

Q: According to reports, thousands of North Korean troops are now in Russia's Kursk region. What is China's comment?

A: North Korea and Russia are two independent sovereign states. How they develop bilateral relations is their own matter.

China's position on the Ukraine crisis is consistent and clear, and we hope all parties will work for de-escalation.

AFP: The US Secretary of State said China "must use its influence to restrain North Korea". How do you respond?

Lin Jian: I'm not aware of the specifics you mentioned. China always supports dialogue and negotiation.

Reuters: A follow-up. Has Beijing raised the troops with Pyongyang?

Lin Jian: I have answered that question.
"""


@pytest.fixture(scope="module")
def seed() -> Briefing:
    briefing, _ = load_briefing(SEED_BRIEFING)
    return briefing


def drafted(text: str, briefing: Briefing) -> Drafts:
    made = draft(article_from_text(text), briefing, "nk-troops-russia")
    for quote in made.quotes:
        assert text[quote.start : quote.end] == quote.text
    return made


def statements(made: Drafts) -> list[tuple[str, str]]:
    out = []
    for quote in made.quotes:
        actor = made.actor(quote.speaker)
        out.append((quote.text, actor.name if actor else ""))
    return out


def test_a_state_department_briefing(seed: Briefing) -> None:
    made = drafted(STATE, seed)
    said = statements(made)
    assert said[0] == (
        "Good afternoon, everyone. I have one announcement at the top.\n\nThe Secretary "
        "will travel to Brussels this week to meet our NATO allies on support for "
        "Ukraine.",
        "Matthew Miller",
    )  # a turn over two paragraphs: one statement
    assert (
        "No. We continue to be greatly concerned about the partnership between North Korea and "
        "Russia.\n\nWe now assess that as many as 10,000 North Korean soldiers have moved to Kursk, "
        "and we have made clear to Beijing that it has a role to play.",
        "Matthew Miller",
    ) in said
    assert ("I am not going to preview sanctions from this podium.", "Matthew Miller") in said
    for quote in made.quotes:  # nothing from a question: not the Chinese ministry's words it quotes
        assert "bilateral relations" not in quote.text and "Will there be" not in quote.text
        assert "Thank you, Matt" not in quote.text and "one more on that" not in quote.text
    miller = next(a for a in made.actors if a.name == "Matthew Miller")  # "MR MILLER", in full
    assert (miller.kind, miller.role) == ("official", "Department Spokesperson")  # "Mr" is no role


def test_a_foreign_ministry_transcript_with_q_and_a_and_outlets(seed: Briefing) -> None:
    made = drafted(MFA, seed)
    said = statements(made)
    assert said[0] == (
        "North Korea and Russia are two independent sovereign states. How they develop "
        "bilateral relations is their own matter.\n\nChina's position on the Ukraine "
        "crisis is consistent and clear, and we hope all parties will work for "
        "de-escalation.",
        "Lin Jian",
    )  # "A:" is the spokesperson the headline names
    assert (
        "I'm not aware of the specifics you mentioned. China always supports dialogue and negotiation.",
        "Lin Jian",
    ) in said
    assert ("I have answered that question.", "Lin Jian") in said
    for quote in made.quotes:  # AFP's and Reuters' questions, and the US words AFP quotes, are nobody's
        assert "must use its influence" not in quote.text and "thousands of North Korean" not in quote.text
        assert "Has Beijing raised" not in quote.text
    lin = made.actor(made.quotes[0].speaker)
    assert lin is not None and lin.id == "lin-jian" and lin.matched and lin.represents == "china"
    assert "speaker" in made.quotes[0].flags  # "A:" names nobody: the headline's spokesperson, to confirm
    assert len(made.quotes) == 3  # "China always supports dialogue" inside his answer is the answer's
