"""The article as the review view draws it: every character escaped, spans marked, overlaps kept."""

from __future__ import annotations

import html as html_module
import re

from dashboard.extract.drafts import QuoteDraft
from dashboard.extract.highlight import article_html


def quote(draft_id: str, start: int, end: int, text: str, kind: str = "partial") -> QuoteDraft:
    return QuoteDraft(
        draft_id,
        text[start:end],
        start,
        end,
        {"start": 0, "end": 5},
        {"start": 6, "end": 10},
        "smith",
        kind,
        True,
        0.9,
        "s",
        "named",
    )


def test_article_text_is_inert_and_spans_are_marked() -> None:
    text = "Smith said “<script>alert(1)</script> & more” \u202eevil"
    html = article_html(text, [quote("d001", 12, 44, text)])
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp; more" in html
    assert "\u202e" not in html  # a bidi override is shown, not obeyed
    assert '<span class="as-src" title="d001" data-o="0">Smith</span>' in html
    assert '<span class="as-cue" title="d001" data-o="6">said</span>' in html
    assert '<sup class="as-tag">d001</sup>' in html


def test_overlapping_drafts_cut_into_runs_with_both_marks() -> None:
    text = "Smith said that the plan “will fail” soon."
    start = text.index("will")
    inner = quote("d002", start, start + len("will fail"), text)
    outer = quote("d001", text.index("the plan"), len(text) - 1, text, "paraphrase")
    html = article_html(text, [outer, inner])
    assert (
        f'<span class="as-c as-paraphrase as-partial" title="d001 d002" data-o="{start}">will fail</span>'
    ) in html
    assert html.count('<sup class="as-tag">') == 2


def test_a_control_character_is_shown_as_its_sign_and_line_breaks_are_kept() -> None:
    html = article_html("Page one\x0cPage two\nnext", [])  # a PDF's page break, as the page shows it
    assert "\x0c" not in html and "Page one\u240cPage two\nnext" in html


def test_every_run_of_text_says_where_it_starts_in_the_article() -> None:
    """The page maps a selection back to offsets through `data-o`: each run's characters are the
    article's from that offset on, and the draft labels between runs carry none."""
    text = "Lin said: “We oppose it.”\r\nWang 😀 added that “talks must go on”."
    start = text.index("talks")
    html = article_html(text, [quote("d001", start, start + len("talks must go on"), text)])
    runs = re.findall(r'data-o="(\d+)">([^<]*)</span>', html)
    assert "".join(piece for _, piece in runs) == html_module.escape(text, quote=True)
    for offset, piece in runs:
        plain = html_module.unescape(piece)
        assert text[int(offset) : int(offset) + len(plain)] == plain
    label = html.split("<sup")[1].split("</sup>")[0]
    assert '<sup class="as-tag">d001</sup>' in html and 'data-o="' not in label
