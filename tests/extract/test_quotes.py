"""Quotation marks as real articles type them: every script's marks, and the slips."""

from __future__ import annotations

import pytest

from dashboard.extract.quotes import find_quotes


@pytest.mark.parametrize(
    ("text", "expected", "initial"),
    [
        ("He said “we are ready” today.", ["we are ready"], [False]),
        ("“We are ready,” he said.", ["We are ready"], [True]),  # the comma leads into "he said"
        ('"We are ready," he said.', ["We are ready"], [True]),
        ("Le ministre a dit «nous sommes prêts» hier.", ["nous sommes prêts"], [False]),
        ("« Nous refusons », a-t-il dit.", ["Nous refusons"], [True]),
        ("佐藤氏は「準備はできている」と述べた。", ["準備はできている"], [False]),
        ("He called it 『a turning point』 at once.", ["a turning point"], [False]),
        ("Sie sagte: „Wir sind bereit“ am Montag.", ["Wir sind bereit"], [True]),  # after a colon
        # a closing mark typed as an opening one after a space still closes
        ("hopes “that they will curb these activities “.", ["that they will curb these activities"], [False]),
        # a stray » closes a quotation opened with “
        (
            "said that “a little bit of panic. know what to do. »",
            ["a little bit of panic. know what to do."],
            [False],
        ),
        # never closed: the quotation runs to the end of its paragraph, not into the next one
        ("noting that “China strongly disagrees.\n\nNext paragraph.", ["China strongly disagrees."], [False]),
        # apostrophes are not quotation marks
        ("He said it's “Beijing's call” and 'a bit of refusal'.", ["Beijing's call"], [False]),
        ("No quotation here at all.", [], []),
    ],
)
def test_quotations_and_their_words(text: str, expected: list[str], initial: list[bool]) -> None:
    found = find_quotes(text)
    assert [text[q.start : q.end] for q in found] == expected
    assert [q.sentence_initial for q in found] == initial


def test_two_quotations_in_one_sentence_stay_apart() -> None:
    text = "Wilder called Beijing's “radio silence” on the move “staggering.”"
    assert [text[q.start : q.end] for q in find_quotes(text)] == ["radio silence", "staggering."]


def test_an_empty_pair_of_marks_is_no_quotation() -> None:
    assert find_quotes("He said “ ” and left.") == []


def test_a_closing_mark_first_in_its_paragraph_ends_a_quotation_whose_opening_was_lost() -> None:
    # the European Commission's German release (2023-10-16) lost the „ of this paragraph
    text = (
        "Wir werden unsere enge Zusammenarbeit mit den Vereinten Nationen fortsetzen“, sagte die "
        "Kommissionspräsidentin. „Die Kommission unterstützt das Recht Israels.“"
    )
    found = find_quotes(text, closers="“")
    assert [text[q.start : q.end] for q in found] == [
        "Wir werden unsere enge Zusammenarbeit mit den Vereinten Nationen fortsetzen",
        "Die Kommission unterstützt das Recht Israels.",
    ]
    assert found[0].sentence_initial
    # without the language's closers (English “ opens) it is read as before: never the lead-in
    assert [text[q.start : q.end] for q in find_quotes(text)] != [text[q.start : q.end] for q in found]
    # a closing mark after a few words only is no quotation
    assert find_quotes("Kurz“, sagte er.", closers="“") == []
