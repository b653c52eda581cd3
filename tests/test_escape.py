"""Each escaper for its destination: what the reader sees is the characters written, and nothing in a
record can open an element, a link, a formula or a forged line."""

import csv
import io

import pytest
from markdown_it import MarkdownIt

from dashboard.escape import (
    html_text,
    markdown_literal,
    note_text,
    note_url,
    safe_url,
    spreadsheet_cell,
)

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "[click](javascript:alert(1))",
    "![t](https://tracker.invalid/p.png)",
    "<https://tracker.invalid/auto>",
    "**bold** _em_ `code` # heading",
    "line one\rforged | row | here",
    "a\r\n- forged bullet\n> quote\n    code block",
    "x\u2028y\u2029z\x85w\x0bv\x0cu",
    "1. numbered\n2) list",
    "&lt;b&gt;entity&lt;/b&gt; &amp; &#60;",
    "| a | b |\n|---|---|",
    "trailing backslash \\",
]
COMMONMARK_WITH_HTML = MarkdownIt("commonmark", {"html": True})


def rendered_text(markdown: str) -> tuple[str, list[str]]:
    """The text CommonMark (raw HTML on) shows for `markdown`, and the elements it made."""
    tokens = COMMONMARK_WITH_HTML.parseInline(markdown)
    children = [c for t in tokens for c in (t.children or [])]
    elements = [c.type for c in children if c.type not in ("text", "softbreak", "hardbreak")]
    text = "".join(c.content if c.type == "text" else "\n" for c in children)
    return text, elements


@pytest.mark.parametrize("payload", PAYLOADS)
def test_note_text_renders_as_written_and_opens_no_element(payload):
    text, elements = rendered_text(note_text(payload))
    assert elements == []
    expected = payload
    for ending in ("\r\n", "\r", "\n", "\u2028", "\u2029", "\x85"):
        expected = expected.replace(ending, " ")
    # Control characters are shown as signs, never silently dropped or obeyed.
    assert text == expected.replace("\x0b", "\u240b").replace("\x0c", "\u240c")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_note_text_in_a_list_item_keeps_its_lines_inside_the_item(payload):
    item = "- " + note_text(payload, line_break="\\\n   ")
    html = COMMONMARK_WITH_HTML.render(item)
    assert html.count("<li>") == 1 and "<script" not in html and "<img" not in html
    assert "<a " not in html and "<pre" not in html and "<table" not in html


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://example.org/a?b=1&c=2", True),
        ("http://x.y", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("data:text/html,hi", False),
        ("//evil", False),
        ('https://x.org/">', False),
        ("https://x.org/<img>", False),
        ("https://x.org/a b", False),
        ("https://x.org/a\rb", False),
        ("https://x.org/\n", True),
        ("http://[::1", False),
        ("https://", False),
    ],
)
def test_only_safe_http_urls_become_links(url, linked):
    assert (safe_url(url) is not None) is linked


@pytest.mark.parametrize("url", ['https://x.org/"><img src=y>', "javascript:alert(1)"])
def test_a_url_that_is_not_safe_is_text_in_the_note(url):
    text, elements = rendered_text(note_url(url))
    assert elements == [] and text == url


def test_a_safe_url_is_an_autolink_in_the_note():
    _, elements = rendered_text(note_url("https://example.org/a?b=1"))
    assert elements == ["link_open", "link_close"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_html_text_makes_no_tag(payload):
    assert "<" not in html_text(payload).replace("<bdi>", "").replace("</bdi>", "")


def test_html_text_isolates_bidi_overrides():
    assert html_text("abc\u202edef") == "abc<bdi>&#x202e;</bdi>def"


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-cmd", "'-cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        (None, ""),
    ],
)
def test_spreadsheet_cell_neutralises_formula_starts(value, cell):
    assert spreadsheet_cell(value) == cell


def test_markdown_literal_is_inert_punctuation():
    assert markdown_literal("**x** :red[y]") == "\\*\\*x\\*\\* \u2060\\:red\\[y\\]"


def test_a_csv_of_escaped_cells_reads_back_with_a_strict_parser():
    import pandas as pd

    from dashboard.export import to_csv

    frame = pd.DataFrame({"text": ["one\rtwo", "=1+1", "x\r\ny"], "n": ["a", "b", "c"]})
    text = to_csv(frame).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:], newline=""), strict=True))
    assert rows == [["text", "n"], ["one\rtwo", "a"], ["'=1+1", "b"], ["x\r\ny", "c"]]
