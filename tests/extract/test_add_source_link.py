"""The Add a source view drafts from a link: the page fetched (from a server on loopback, allowed
for this test), its address, title, publisher and the day it was read recorded; a refused link is
said in words."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.extract.fetch import ALLOW_VARIABLE
from tests.extract.support import PROJECT, SEED_BRIEFING
from tests.extract.test_add_source_app import review, said
from tests.support.page_server import Route, article_html, serve_pages

APP = str(PROJECT / "dashboard" / "app.py")
PAGE = article_html(
    "Norway joins the call on China",
    [
        "OSLO, Nov. 8 (Example Wire) Maria Keller, Norway's foreign minister, said on Friday that China "
        "“must use its influence to restrain North Korea.”",
        "Secretary of State Antony Blinken told reporters the demand was growing. “The world is watching "
        "Beijing,” Blinken said.",
    ],
    site="Example Wire",
)


def page(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AppTest:
    shutil.copytree(SEED_BRIEFING, tmp_path / "nk-troops-russia")
    monkeypatch.setenv("DASHBOARD_DATA", str(tmp_path))
    monkeypatch.setenv("DASHBOARD_EDIT", "1")
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.toggle(key="as_open").set_value(True).run()
    assert not at.exception, at.exception
    return at


@pytest.mark.slow
def test_a_link_is_fetched_drafted_and_its_address_recorded(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(ALLOW_VARIABLE, "127.0.0.1")  # the drafting worker inherits it
    at = page(monkeypatch, tmp_path)
    with serve_pages({"/world/norway": Route(PAGE)}) as pages:
        at.text_input(key="as_link").set_value(pages.url("/world/norway")).run()
        at.button(key="as_draft").click().run()
    assert not at.exception, at.exception
    drafts = review(at).drafts
    assert {q.text for q in drafts.quotes} >= {"The world is watching Beijing,"} or any(
        q.text.startswith("The world is watching Beijing") for q in drafts.quotes
    )
    assert at.text_input(key="as_s_url").value == pages.url("/world/norway")
    assert at.text_input(key="as_s_title").value == "Norway joins the call on China"
    assert at.text_input(key="as_s_publisher").value == "Example Wire"
    assert review(at).source["accessed"] == date.today().isoformat()


@pytest.mark.slow
def test_a_refused_link_is_said_and_nothing_is_offered_by_hand(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(ALLOW_VARIABLE, raising=False)
    at = page(monkeypatch, tmp_path)
    with serve_pages({"/a": Route(PAGE)}) as pages:
        at.text_input(key="as_link").set_value(pages.url("/a")).run()
        at.button(key="as_draft").click().run()
        assert pages.hits == []
    assert not at.exception, at.exception
    notices = said(at)
    assert any(
        "not fetched: 127.0.0.1, a loopback address (this machine): internal addresses are not fetched" in n
        for n in notices
    ), notices
    assert not any(n.startswith("Nothing drafted") for n in notices)
    at.text_input(key="as_link").set_value("file:///etc/passwd").run()
    at.button(key="as_draft").click().run()
    assert any("only http and https links are fetched, not file:" in n for n in said(at))
