"""Spans set from the keyboard or a selection: the words are found in the article (exactly first,
then with spacing and quotation-mark style set aside), and what is kept is always the article's own
characters."""

from __future__ import annotations

import pytest

from dashboard.extract.spans import from_selection, locate, move_end, move_start, quoted

TEXT = (
    "Lin Jian said on Friday that the ties were “a matter for the two\r\nsovereign states” — and "
    "that China ‘will keep in touch’. Later Lin said the ties were “a matter for the two sovereign "
    "states” again."
)


def words(span: tuple[int, int] | None) -> str:
    assert span is not None
    return TEXT[span[0] : span[1]]


@pytest.mark.parametrize(
    ("pasted", "kept"),
    [
        ("will keep in touch", "will keep in touch"),  # exact
        ("  will keep in touch  ", "will keep in touch"),  # spaces around a paste
        ("'will keep in touch'", "‘will keep in touch’"),  # straight quotes for curly ones
        ('"a matter for the two sovereign states"', "“a matter for the two\r\nsovereign states”"),
        ("a matter for the two   sovereign states", "a matter for the two\r\nsovereign states"),
        ("ties were - and", None),  # a dash is a dash, but these words are not together in the text
        ("sovereign states” - and", "sovereign states” — and"),  # an em dash typed as a hyphen
        ("WILL KEEP IN TOUCH", "will keep in touch"),  # case, as a last resort
    ],
)
def test_pasted_words_become_the_articles_own_characters(pasted: str, kept: str | None) -> None:
    found = locate(TEXT, pasted)
    if kept is None:
        assert found is None
    else:
        assert words(found) == kept


def test_of_two_places_the_one_nearest_the_draft_is_taken() -> None:
    first = TEXT.index("the ties were")
    second = TEXT.index("the ties were", first + 1)
    assert locate(TEXT, "the ties were", near=second - 5) == (second, second + 13)
    assert locate(TEXT, "the ties were", near=0) == (first, first + 13)
    # the words as pasted stand exactly in one place only: that place, however far
    exact = TEXT.index("a matter for the two sovereign")
    assert locate(TEXT, "a matter for the two sovereign states", near=0) == (exact, exact + 37)


def test_a_selection_is_taken_at_its_offsets_when_they_agree() -> None:
    start = TEXT.index("will keep")
    assert from_selection(TEXT, start, start + 18, "will keep in touch") == (start, start + 18)


def test_a_selection_whose_offsets_drifted_is_found_by_its_words() -> None:
    """A browser drops the carriage return of "\\r\\n", so offsets after it drift by one: the words
    are looked for near where the page said."""
    second = TEXT.index("a matter", TEXT.index("a matter") + 1)
    drifted = second - 1
    span = from_selection(TEXT, drifted, drifted + 37, "a matter for the two sovereign states")
    assert span == (second, second + 37)
    assert from_selection(TEXT, 0, 4, "   ") is None
    assert from_selection(TEXT, 0, 4, "words that are nowhere") is None


def test_edges_move_a_word_or_a_mark_at_a_time() -> None:
    start = TEXT.index("keep")
    span = (start, start + len("keep in"))
    assert words(move_end(TEXT, *span, 1)) == "keep in touch"
    assert words(move_end(TEXT, *move_end(TEXT, *span, 1), 1)) == "keep in touch’"
    assert words(move_start(TEXT, *span, -1)) == "will keep in"
    assert words(move_start(TEXT, *span, 1)) == "in"
    assert words(move_end(TEXT, *span, -1)) == "keep"
    one = (start, start + len("keep"))
    assert move_end(TEXT, *one, -1) == one and move_start(TEXT, *one, 1) == one  # never empty
    assert move_start(TEXT, 0, 3, -1) == (0, 3) and move_end(TEXT, 0, len(TEXT), 1) == (0, len(TEXT))


def test_words_between_quotation_marks_are_a_quotation() -> None:
    start = TEXT.index("will keep")
    assert quoted(TEXT, start, start + len("will keep in touch")) is False  # single marks: scare quotes
    start = TEXT.index("a matter")
    assert quoted(TEXT, start, TEXT.index("”")) is True
    assert quoted(TEXT, TEXT.index("Lin"), TEXT.index(" said")) is False
