"""`html_text` finding bidi controls in one pass (issue 24, p8: nine replacements a call were most of a
page of cards' escaping): the same HTML as the nine replacements kept below, for every control alone,
runs of them, and random text mixing them with markup, control characters and other scripts."""

from __future__ import annotations

import html
import random

import pytest

from dashboard.controls import visible
from dashboard.escape import _BIDI_CONTROLS, html_text, is_missing


def reference_html_text(value: object) -> str:
    """escape.html_text as it was before p8."""
    if is_missing(value):
        return ""
    escaped = html.escape(visible(str(value)), quote=True)
    for char in _BIDI_CONTROLS:
        escaped = escaped.replace(char, f"<bdi>&#x{ord(char):04x};</bdi>")
    return escaped


ALPHABET = [
    *_BIDI_CONTROLS,
    "<",
    ">",
    "&",
    '"',
    "'",
    "\x00",
    "\x0b",
    "\u200f",
    "a",
    "Z",
    " ",
    "é",
    "ش",
    "中",
    "€",
]


@pytest.mark.parametrize("char", _BIDI_CONTROLS)
def test_each_bidi_control_is_shown_as_before(char):
    for text in (char, f"a{char}b", char * 3, f"<{char}>&{char}"):
        assert html_text(text) == reference_html_text(text)
        assert char not in html_text(text)


def test_random_text_is_escaped_as_before():
    pick = random.Random(24)
    texts = ["".join(pick.choices(ALPHABET, k=pick.randint(0, 40))) for _ in range(5_000)]
    with_controls = sum(any(c in t for c in _BIDI_CONTROLS) for t in texts)
    assert with_controls > 1_000  # the replacing path is compared, not only the common one
    for text in texts:
        assert html_text(text) == reference_html_text(text)


@pytest.mark.parametrize("value", [None, float("nan"), 3, 2.5, "", "plain words"])
def test_other_values_are_as_before(value):
    assert html_text(value) == reference_html_text(value)
