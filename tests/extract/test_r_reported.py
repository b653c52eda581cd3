"""Reported speech (issue 20, letter r): a refusal to say states nothing (benchmarks/devsets/README.md,
house readings); short texts written for the purpose."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.extract.support import drafted_against

BRIEFING = pd.DataFrame(
    [{"id": "denmark", "name": "Denmark", "kind": "state", "country": "DK", "aliases": []}]
)
LEAD = "Talks\n\nKaren Holm, Denmark's foreign minister, arrived in Oslo on Monday.\n\n"


@pytest.mark.parametrize(
    "refusal",
    [
        "She did not say when the border talks would resume.",
        "The minister would not say whether Denmark would sign the accord.",
        "Holm didn't tell reporters how many ships were involved.",
    ],
)
def test_a_cue_denied_before_a_question_word_drafts_nothing(refusal: str) -> None:
    drafts = drafted_against(BRIEFING, LEAD + refusal)
    assert [q.text for q in drafts.quotes] == []


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("Holm said how the talks had gone.", "how the talks had gone"),
        ("She explained why Denmark had left the talks.", "why Denmark had left the talks"),
        # a denial of a statement is kept, with its negation, for the reviewer
        ("Holm did not say that Denmark would sign.", "did not say that Denmark would sign"),
    ],
)
def test_a_question_word_after_a_cue_that_is_not_denied_is_still_a_statement(
    sentence: str, content: str
) -> None:
    drafts = drafted_against(BRIEFING, LEAD + sentence)
    assert content in [q.text for q in drafts.quotes]
