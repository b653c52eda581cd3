"""Record text is text in every note format: the hostile briefing (a payload in every field) prints
its payloads as characters; no field becomes markup, a link or an image in the PDF, the Word file,
the Markdown or the SVG, and only the one https source becomes a link."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader

from dashboard.load import load_briefing
from dashboard.note import document
from dashboard.selection import Selection
from tests.support.documents import SVG, pdf_pages, squeeze, svg_texts, svg_tree, word_text

HOSTILE = Path(__file__).resolve().parent / "e2e" / "fixtures" / "hostile-data" / "hostile-markup"
LINK = "http://localhost:8501/?briefing=hostile-markup"
SAFE_SOURCE = "https://example.org/reports/hostile?id=1&lang=en"
PAYLOADS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "[click](javascript:window.__pwned=1)",
    "![t](https://tracker.invalid/q.png)",
    "javascript:window.__pwned=1",
    "data:text/html,<script>window.__pwned=1</script>",
]


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    briefing, problems = load_briefing(HOSTILE)
    assert briefing is not None
    now = datetime(2026, 12, 1, tzinfo=UTC)
    return {
        suffix: document.render(briefing, Selection(briefing="hostile-markup"), suffix, link=LINK, now=now)
        for suffix in ("pdf", "docx", "md", "svg")
    }


def test_pdf_prints_payloads_as_text_and_links_only_the_https_source(files) -> None:
    data = files["pdf"]
    text = squeeze("\n".join(page.text for page in pdf_pages(data)))
    for payload in PAYLOADS:
        assert squeeze(payload) in text, payload
    links = {url for page in pdf_pages(data) for url in page.links}
    assert links == {LINK, SAFE_SOURCE}
    for action in (b"/JavaScript", b"/JS ", b"/Launch", b"/SubmitForm"):
        assert action not in data
    for page in PdfReader(io.BytesIO(data)).pages:  # no picture fetched or embedded from a field
        objects = page.get("/Resources", {}).get("/XObject", {})
        assert not any(o.get_object().get("/Subtype") == "/Image" for o in objects.values())


def test_word_prints_payloads_as_text_and_links_only_the_https_source(files) -> None:
    words = word_text(files["docx"])
    body = "\n".join(words.body)
    for payload in PAYLOADS:
        assert payload in body, payload
    assert sorted(words.external_links) == sorted({LINK, SAFE_SOURCE})
    assert words.pictures == 1  # the matrix; no image named by a record
    assert "Pay 0001$ tsuj now" in body  # the override is dropped, the words kept in stored order
    assert "\u202e" not in body + words.header + words.footer


def test_markdown_note_renders_payloads_as_text(files) -> None:
    html = MarkdownIt("commonmark", {"html": True}).render(files["md"].decode())
    for tag in ("<script", "<img", "<svg", "<iframe", "<style", 'href="javascript', "<details"):
        assert tag not in html.lower(), tag
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert f'<a href="{SAFE_SOURCE.replace("&", "&amp;")}">' in html


def test_svg_stays_a_picture_whatever_the_names_say(files) -> None:
    root = svg_tree(files["svg"])  # parses: no name broke out of its text element
    for element in ("script", "foreignObject", "image", "a", "iframe"):
        assert not list(root.iter(f"{SVG}{element}")), element
    for node in root.iter():
        assert not any(name.lower().startswith("on") for name in node.attrib), node.attrib
    assert any(t.startswith("<script>window.__pwned=1</script>") for t in svg_texts(root))
