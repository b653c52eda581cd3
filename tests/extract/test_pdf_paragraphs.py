"""A PDF's lines are joined back into the paragraphs they were set from, before anything is drafted:
a quotation wrapped over lines is one quotation, a line-break hyphen goes and a real one stays,
paragraphs stay apart, and running heads, feet and page numbers are left out. The PDFs are set by
WeasyPrint from small HTML pages; `<br>` fixes where each line ends, whatever the fonts."""

from __future__ import annotations

import io
from html import escape

import pytest
from pypdf import PdfReader
from weasyprint import HTML

from dashboard.extract.drafts import draft, spans_are_verbatim
from dashboard.extract.readers import read_upload

QUOTE = (
    "We will not stand by while North Korea and Russia deepen their cooperation, and I’d just go "
    "so far as to say this is dangerous"
)


def pdf(
    paragraphs: list[list[str]] | list[str],
    *,
    size: str = "160mm 120mm",
    css: str = "",
    head: str = "",
    foot: str = "",
) -> bytes:
    """A PDF of the paragraphs, each a string (wrapped where the page is full) or a list of lines.
    `head` and `foot` are CSS `content` values drawn at the top and bottom of every page."""
    body = "".join(
        f"<p>{escape(p) if isinstance(p, str) else '<br>'.join(map(escape, p))}</p>" for p in paragraphs
    )
    boxes = (f"@top-center {{ content: {head} }}" if head else "") + (
        f"@bottom-center {{ content: {foot} }}" if foot else ""
    )
    style = (
        f"@page {{ size: {size}; margin: 15mm 10mm; {boxes} }} "
        f"body {{ font: 10pt serif }} p {{ margin: 0 }} {css}"
    )
    return HTML(
        string=f"<html lang='en'><head><style>{style}</style></head><body>{body}</body></html>"
    ).write_pdf()


def raw_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_a_quotation_wrapped_over_lines_is_drafted_whole() -> None:
    data = pdf(
        [
            "The secretary spoke on Tuesday after she met the foreign minister in Seoul.",
            f"“{QUOTE},” the secretary said.",
            "Officials said that the talks would continue next month in Washington.",
        ],
        size="70mm 150mm",
        css="p { text-indent: 1.5em }",
    )
    assert QUOTE not in raw_text(data)  # the page wrapped it: the file's text breaks the quotation
    article = read_upload("secretary.pdf", data)
    assert f"\n\n“{QUOTE},” the secretary said.\n\n" in article.text
    drafts = draft(article)
    assert QUOTE in [quote.text for quote in drafts.quotes]
    assert spans_are_verbatim(drafts)
    for quote in drafts.quotes:
        assert article.text[quote.start : quote.end] == quote.text


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        (
            "Officials described the growing military coop-",
            "eration as a matter of deep concern,",
            "military cooperation as",
        ),
        (
            "Officials described the growing military coop\u2010",
            "eration as a matter of deep concern,",
            "military cooperation as",
        ),  # the hyphen a typesetter draws when it breaks a word
        (
            "Officials described the growing Russia-",
            "North Korea partnership as a deep concern,",
            "growing Russia-North Korea partnership",
        ),
        (
            "Officials described the budget for the years 2024-",
            "2025 as a matter of deep concern,",
            "years 2024-2025 as",
        ),
        (
            "Officials described the envoy as a well-",
            "known critic of the partnership with Moscow,",
            "a well-known critic",
        ),
        (
            "Officials described the plan as a long-",
            "term commitment to the security of the region,",
            "a long-term commitment",
        ),
        (
            "Officials described it as a no-",
            "holds-barred partnership with Moscow and Pyongyang,",
            "a no-holds-barred partnership",
        ),
        (
            "Officials described the partnership as",
            "a matter of deep concern for the whole region,",
            "partnership as a matter",
        ),
    ],
)
def test_a_line_break_hyphen_goes_and_a_real_one_stays(first: str, second: str, joined: str) -> None:
    lines = [first, second, "the ministers said after they met in Geneva on Monday."]
    article = read_upload("hyphens.pdf", pdf([lines]))
    assert joined in article.text
    assert "\n" not in article.text  # one paragraph


MIDDLE_LINE_ENDS_A_SENTENCE = [
    "The minister said on Monday that the talks would resume next week in",
    "Geneva, and that her government had not changed its position at all.",
    "She said the border question would be the first item on the agenda",
]
NEXT = [
    "Officials on both sides described the earlier round as businesslike,",
    "and neither side has changed its position on the disputed islands.",
]


@pytest.mark.parametrize(
    ("last_line", "css"),
    [
        ("of the talks.", ""),  # a short last line ending a sentence
        (
            "of the talks, as both of the governments had asked in the spring.",
            "p { text-indent: 2em }",
        ),  # a full last line, and the next paragraph indented
        (
            "of the talks, as both of the governments had asked in the spring.",
            "p { margin-bottom: 1em }",
        ),  # a full last line, and space between the paragraphs
    ],
    ids=["short last line", "indent", "space between"],
)
def test_two_paragraphs_stay_two_and_their_lines_are_joined(last_line: str, css: str) -> None:
    first = [*MIDDLE_LINE_ENDS_A_SENTENCE, last_line]
    article = read_upload("two.pdf", pdf([first, NEXT], css=css))
    assert article.text == " ".join(first) + "\n\n" + " ".join(NEXT)


STORY = [
    [
        "The foreign ministers of both countries met in Geneva on Monday",
        "for the first time since the talks broke down in the spring, and",
        "agreed to meet again before the end of the year to settle the",
        "question of the border crossings.",
    ],
    [
        "Officials on both sides described the meeting as businesslike.",
        "Neither side changed its position on the disputed islands, but",
        "both said that a working group would draw up a list of points",
        "on which they already agree.",
    ],
    [
        "“We will not walk away from this table, and we expect the same",
        "of our neighbours,” the minister told reporters after the talks,",
        "adding that her government would publish its own proposals in",
        "a month.",
    ],
    [
        "The next round is expected in Vienna in November, diplomats said,",
        "although no date has been fixed and the agenda is still open to",
        "change if either government asks for more time to prepare for",
        "it.",
    ],
]


@pytest.mark.parametrize(
    "foot", ["counter(page)", '"Page " counter(page) " of " counter(pages)', '"- " counter(page) " -"']
)
def test_running_heads_feet_and_page_numbers_are_left_out(foot: str) -> None:
    data = pdf(
        STORY,
        size="150mm 60mm",
        css="p { text-indent: 1.5em }",
        head='"Daily Wire \\2014  2 November 2024"',
        foot=foot,
    )
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) >= 3
    assert "Daily Wire" in pages[1].extract_text()  # the head is in the file's text on every page
    article = read_upload("story.pdf", data)
    assert "Daily Wire" not in article.text
    # Paragraphs that run over a page break are whole, with the page's head and foot left out.
    assert article.text == "\n\n".join(" ".join(lines) for lines in STORY)


def test_a_page_number_is_left_out_of_a_one_page_file() -> None:
    data = pdf(STORY[:2], css="p { text-indent: 1.5em }", foot='"Page " counter(page) " of " counter(pages)')
    assert "Page 1 of 1" in raw_text(data)
    assert read_upload("one.pdf", data).text == "\n\n".join(" ".join(lines) for lines in STORY[:2])
