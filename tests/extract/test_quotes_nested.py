"""A quotation in straight double marks with another in straight double marks inside it ends at its
own closing mark, not at the inner opening one; marks that do not balance end it as before."""

from __future__ import annotations

import pytest

from dashboard.extract.quotes import find_quotes


def quoted(text: str, paired: bool) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text, paired=paired)]


@pytest.mark.parametrize("paired", [False, True])
def test_a_straight_quotation_inside_a_straight_quotation_is_its_words(paired: bool) -> None:
    text = 'Er sagte: "Das nennen sie eine "Spezialoperation" und gehen weiter," so der Minister.'
    assert quoted(text, paired) == ['Das nennen sie eine "Spezialoperation" und gehen weiter']


@pytest.mark.parametrize("paired", [False, True])
def test_quotations_side_by_side_stay_apart(paired: bool) -> None:
    text = 'He said "we will go" and then "we will stay."'
    assert quoted(text, paired) == ["we will go", "we will stay."]


@pytest.mark.parametrize("paired", [False, True])
def test_marks_that_do_not_balance_end_at_the_next_mark(paired: bool) -> None:
    text = 'Il a dit "nous irons "jusqu au bout et puis rien.'
    assert quoted(text, paired) == ["nous irons"]
