"""The "Add a source" view shows record and article text as the characters written: a title, a file
name, notes, actor names and messages holding Markdown or HTML make no link, image or tag (the
reading views already escaped these; this one rendered them as Markdown)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from tests.extract.support import PROJECT

APP = str(PROJECT / "dashboard" / "app.py")
HOSTILE = PROJECT / "tests" / "e2e" / "fixtures" / "hostile-data" / "hostile-markup"
TITLE = "![t](https://tracker.invalid/title.png) [click](javascript:alert(1)) <img src=x onerror=alert(1)>"
ARTICLE = (
    f"{TITLE}\n\nOSLO, Nov. 8 (Example Wire) Maria Keller, Norway's foreign minister, said on "
    "Friday that the great power “must use its influence to restrain North Korea.” Secretary of State "
    "Antony Blinken told reporters the demand was growing. “The world is watching Beijing,” "
    "Blinken said. The two of them will meet again in the spring, and they have said that "
    "the talks are going to be about the troops and about what can be done about them."
)
MARKDOWN = MarkdownIt("commonmark", {"html": True})
LIVE = ("link_open", "image", "html_inline", "html_block")


def made_elements(markdown: str) -> list[str]:
    tokens = MARKDOWN.parse(markdown)
    found = [t.type for t in tokens if t.type in LIVE]
    found += [c.type for t in tokens for c in (t.children or []) if c.type in LIVE]
    return found


def shown_markdown(at: AppTest) -> list[str]:
    """Every string the page renders as Markdown: texts, notices, captions, expander and widget
    labels."""
    texts = [
        e.value
        for kind in (
            "title",
            "header",
            "subheader",
            "caption",
            "markdown",
            "info",
            "success",
            "warning",
            "error",
        )
        for e in getattr(at, kind)
    ]
    texts += [e.label for e in at.expander]
    for kind in (
        "text_input",
        "text_area",
        "selectbox",
        "multiselect",
        "radio",
        "checkbox",
        "toggle",
        "button",
    ):
        texts += [w.label for w in getattr(at, kind)]
    return [t for t in texts if isinstance(t, str)]


@pytest.fixture
def at(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    shutil.copytree(HOSTILE, tmp_path / "hostile-markup")
    monkeypatch.setenv("DASHBOARD_DATA", str(tmp_path))
    monkeypatch.setenv("DASHBOARD_EDIT", "1")
    app = AppTest.from_file(APP, default_timeout=90)
    app.run()
    app.toggle(key="as_open").set_value(True).run()
    return app


def test_payloads_in_the_briefing_and_the_article_make_no_element(at: AppTest) -> None:
    at.text_area(key="as_paste").set_value(ARTICLE).run()
    at.button(key="as_draft").click().run()
    assert not at.exception, at.exception
    at.button(key="as_accept_confident").click().run()
    texts = shown_markdown(at)
    assert any("tracker" in t for t in texts)  # the title's payload is on the page, as text
    assert any("Hostile briefing" in t for t in texts)  # and the briefing's
    for text in texts:
        assert made_elements(text) == [], text


def test_a_refused_input_names_it_as_text(at: AppTest) -> None:
    at.text_area(key="as_paste").set_value("<b>" + "[x](javascript:alert(1)) ü " * 40).run()
    at.button(key="as_draft").click().run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert errors and all(made_elements(e) == [] for e in errors)
