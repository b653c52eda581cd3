"""Doubled apostrophes typed as quotation marks (''like this'', as some newspapers' copy of the AP
has it) are quotation marks (benchmarks/devsets/README.md, house readings); apostrophes stay
apostrophes. Short texts written for the purpose."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.extract.quotes import find_quotes
from tests.extract.support import drafted_against, quote_of


@pytest.mark.parametrize(
    ("text", "expected", "initial"),
    [
        ("The talks ended in ''fundamental disagreement'' on Monday.", ["fundamental disagreement"], [False]),
        # the comma inside the closing pair leads into "she said"
        ("''We will not sign,'' she said.", ["We will not sign"], [True]),
        ("''We will not sign,'' she said. ''Not now.''", ["We will not sign", "Not now."], [True, True]),
        ("He called the claim ''absurd.''\nNext paragraph.", ["absurd."], [False]),
        ("She added: ''We are ready.''", ["We are ready."], [True]),
        # apostrophes, single or at a word's end, are no quotation marks
        ("The ministers' aides said it's early, and rock 'n' roll is 'fine'.", [], []),
        # a doubled apostrophe inside a word opens and closes nothing
        ("The name O''Brien was misspelt.", [], []),
    ],
)
def test_doubled_apostrophes_are_quotation_marks(text: str, expected: list[str], initial: list[bool]) -> None:
    found = find_quotes(text, single=True, run_on=True)
    assert [text[q.start : q.end] for q in found] == expected
    assert [q.sentence_initial for q in found] == initial


def test_the_marks_of_a_doubled_quotation_index_the_articles_own_apostrophes() -> None:
    text = "She said ''no deal,'' and left."
    (quote,) = find_quotes(text)
    assert text[quote.open_mark : quote.open_mark + 2] == "''"
    assert quote.close_mark is not None and text[quote.close_mark - 1 : quote.close_mark + 1] == "''"
    assert text[quote.outer_end :] == " and left."


BRIEFING = pd.DataFrame(
    [{"id": "denmark", "name": "Denmark", "kind": "state", "country": "DK", "aliases": []}]
)


def test_quotations_in_doubled_apostrophes_are_drafted_with_their_words_kind_and_speaker() -> None:
    text = (
        "Talks on the border stall\n\n"
        "Danish Foreign Minister Karen Holm said Tuesday the talks had ended in ''fundamental "
        "disagreement'' over the border.\n\n"
        "''We will not sign this agreement as it stands,'' Holm told reporters. ''The door stays open.''"
    )
    drafts = drafted_against(BRIEFING, text)
    partial = quote_of(drafts, "fundamental disagreement")
    direct = quote_of(drafts, "We will not sign")
    after = quote_of(drafts, "The door stays open")
    assert (partial.text, partial.kind) == ("fundamental disagreement", "partial")
    assert (direct.text, direct.kind) == ("We will not sign this agreement as it stands", "direct")
    assert (after.text, after.kind) == ("The door stays open.", "direct")
    for quote in (partial, direct, after):
        actor = drafts.actor(quote.speaker)
        assert actor is not None and actor.name == "Karen Holm"
