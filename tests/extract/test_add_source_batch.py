"""The Add a source view takes several links and a feed at once: drafted in the background with
progress, one failure said and the rest drafted, and the review desk walks the queue, saving each."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.extract.batch import DRAFTED, FAILED, REVIEWED, Batch
from dashboard.extract.briefings import load_briefing
from dashboard.extract.fetch import ALLOW_VARIABLE
from dashboard.problems import errors
from tests.extract.support import PROJECT, SEED_BRIEFING
from tests.extract.test_add_source_app import review, said
from tests.support.page_server import Route, article_html, serve_pages

APP = str(PROJECT / "dashboard" / "app.py")
PAGES = {
    "/norway": article_html(
        "Norway joins the call on China",
        [
            "OSLO, 2024-11-08 (Example Wire) Maria Keller, Norway's foreign minister, said on Friday that "
            "China “must use its influence to restrain North Korea.”"
        ],
        site="Example Wire",
    ),
    "/seoul": article_html(
        "Seoul urges Beijing to act",
        [
            "SEOUL, 2024-11-09 — “We urge China to play a constructive role in stopping this,” Foreign "
            "Minister Cho Tae-yul said at a news conference."
        ],
        site="Example Wire",
    ),
    "/tokyo": article_html(
        "Tokyo watches the troops",
        [
            "TOKYO, 2024-11-10 — “Japan is watching the movement of troops with grave concern,” Chief "
            "Cabinet Secretary Yoshimasa Hayashi told reporters."
        ],
        site="Example Wire",
    ),
}


def batch_of(at: AppTest) -> Batch:
    found = at.session_state["as_batch"][1]
    assert isinstance(found, Batch)
    return found


@pytest.mark.slow
def test_links_and_a_feed_drafted_in_the_background_and_reviewed_in_turn(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shutil.copytree(SEED_BRIEFING, tmp_path / "nk-troops-russia")
    monkeypatch.setenv("DASHBOARD_DATA", str(tmp_path))
    monkeypatch.setenv("DASHBOARD_EDIT", "1")
    monkeypatch.setenv(ALLOW_VARIABLE, "127.0.0.1")
    with serve_pages({path: Route(body) for path, body in PAGES.items()}) as pages:
        feed = (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>Asia</title>'
            f"<item><title>Tokyo</title><link>{pages.url('/tokyo')}</link></item>"
            f"<item><title>Seoul again</title><link>{pages.url('/seoul')}</link></item>"
            f"</channel></rss>"
        ).encode()
        pages.routes["/asia.xml"] = Route(feed, content_type="application/atom+xml")
        at = AppTest.from_file(APP, default_timeout=90)
        at.run()
        at.toggle(key="as_open").set_value(True).run()
        links = "\n".join(
            [pages.url("/norway"), pages.url("/seoul"), pages.url("/missing"), pages.url("/asia.xml")]
        )
        at.text_area(key="as_b_links").set_value(links).run()
        at.button(key="as_b_start").click().run()
        assert not at.exception, at.exception
        batch = batch_of(at)
        deadline = time.monotonic() + 120
        while batch.running and time.monotonic() < deadline:
            at.run()  # the page stays usable meanwhile
            assert not at.exception, at.exception
            time.sleep(0.5)
    at.run()
    statuses = {i.name.rsplit("/", 1)[-1]: i.status for i in batch.items}
    assert statuses == {
        "norway": DRAFTED,
        "seoul": DRAFTED,
        "missing": FAILED,
        "asia.xml": REVIEWED,
        "tokyo": DRAFTED,
    }  # the feed's Seoul link was queued once
    assert any("Queue: 5 of 5 read" in str(p.proto) for p in at.get("progress")), at.get("progress")
    at.button(key="as_b_next").click().run()
    assert not at.exception, at.exception
    assert review(at).drafts.source.url == pages.url("/norway")
    drafted = [
        str(r.key).removeprefix("as_d_status_") for r in at.radio if str(r.key).startswith("as_d_status_")
    ]
    for key in drafted:
        at.radio(key=f"as_d_status_{key}").set_value("accepted").run()
    assert at.text_input(key="as_s_published").value == "2024-11-08"  # read from the page
    at.checkbox(key="as_s_confirm").check().run()  # a page's date is confirmed by the analyst
    at.button(key="as_save").click().run()
    assert any("Saved:" in s.value for s in at.success), said(at)
    at.button(key="as_b_next").click().run()  # the next in the queue
    assert review(at).drafts.source.url == pages.url("/seoul")
    briefing, problems = load_briefing(tmp_path / "nk-troops-russia")
    assert errors(problems) == []
    assert pages.url("/norway") in set(briefing.sources["url"].astype(str))
    # a new queue with the saved article again: the queue says the briefing has it already
    at.button(key="as_b_close").click().run()
    at.button(key="as_restart").click().run()  # the Seoul review put aside: back to the input
    with serve_pages({path: Route(body) for path, body in PAGES.items()}) as again:
        at.text_area(key="as_b_links").set_value(pages.url("/norway").replace(pages.base, again.base)).run()
        at.button(key="as_b_start").click().run()
        batch = batch_of(at)
        deadline = time.monotonic() + 60
        while batch.running and time.monotonic() < deadline:
            time.sleep(0.2)
    at.run()
    [item] = batch.items
    assert item.status == DRAFTED and item.known is not None
    assert item.known.startswith("already in the briefing as article-2024-11-08-norway")
    assert any("already in the briefing as" in m.value for m in at.markdown)
