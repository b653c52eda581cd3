"""In the browser: three links and an outlet's feed drafted at once in the background, the queue's
progress shown while the page stays usable, and each drafted article reviewed and saved in turn.
The articles and the feed are served on loopback; this server alone may fetch from there."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from tests.support.page_server import Route, article_html, serve_pages

if TYPE_CHECKING:
    from tests.e2e.conftest import AppPage

pytestmark = pytest.mark.browser

ARTICLES = {
    "/norway": (
        "Norway joins the call on China",
        "OSLO, 2024-11-08 — Maria Keller, Norway's foreign "
        "minister, said on Friday that “China must use its influence to restrain North Korea.”",
    ),
    "/seoul": (
        "Seoul urges Beijing to act",
        "SEOUL, 2024-11-09 — “We urge China to play a constructive "
        "role in stopping this,” Foreign Minister Cho Tae-yul said at a news conference.",
    ),
    "/tokyo": (
        "Tokyo watches the troops",
        "TOKYO, 2024-11-10 — “Japan is watching the movement of "
        "troops with grave concern,” Chief Cabinet Secretary Yoshimasa Hayashi told reporters.",
    ),
    "/canberra": (
        "Canberra speaks",
        "CANBERRA, 2024-11-11 — “Australia condemns the deployment in the "
        "strongest terms,” Foreign Minister Penny Wong said in a statement.",
    ),
}
WORDS = {
    "/norway": "must use its influence",
    "/seoul": "constructive role",
    "/tokyo": "grave concern",
    "/canberra": "strongest terms",
}


def test_three_links_and_a_feed_drafted_reviewed_and_saved(
    new_fetching_edit_page: Callable[[], AppPage],
) -> None:
    with serve_pages(
        {p: Route(article_html(t, [body], site="Example Wire")) for p, (t, body) in ARTICLES.items()}
    ) as pages:
        feed = (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>Asia-Pacific</title>'
            f"<item><title>Canberra</title><link>{pages.url('/canberra')}</link></item>"
            f"<item><title>Tokyo again</title><link>{pages.url('/tokyo')}</link></item>"
            f"</channel></rss>"
        ).encode()
        pages.routes["/feed.xml"] = Route(feed, content_type="application/rss+xml")
        app = new_fetching_edit_page()
        app.open()
        page = app.page
        app.rerun(lambda: page.get_by_text("Add a source").first.click())
        page.get_by_role("tab", name="Several at once").click()
        links = "\n".join(pages.url(p) for p in ("/norway", "/seoul", "/tokyo", "/feed.xml"))
        page.get_by_role("textbox", name=re.compile("^Links, one a line")).fill(links)
        app.settle()
        page.get_by_role("button", name="Draft them all").click()
        expect(page.get_by_text(re.compile(r"^Queue: 5 of 5 read"))).to_be_visible(timeout=180_000)
        app.settle()
        saved = []
        for _ in range(4):
            app.rerun(
                lambda: page.get_by_role(
                    "button", name=re.compile(r"^Review the (first drafted|next in the queue)")
                ).click()
            )
            # The review opens on one article's drafts; which one is the queue's business.
            expect(page.locator(".as-quote").first).to_be_visible()
            shown = next(p for p, w in WORDS.items() if page.locator(".as-quote", has_text=w).count())
            card = page.locator('[class*="st-key-as_card_"]').filter(
                has=page.locator(".as-quote", has_text=WORDS[shown])
            )
            expect(card).to_have_count(1)
            app.rerun(card.get_by_text("Accept", exact=True).click)
            confirm = page.get_by_text(re.compile(r"is the day the article was published$"))
            if confirm.count():
                app.rerun(confirm.click)
            app.rerun(
                lambda: page.get_by_role("button", name="Save accepted records into the briefing").click()
            )
            expect(page.get_by_text(re.compile(r"^Saved: "))).to_be_visible(timeout=30_000)
            saved.append(shown)
        assert sorted(saved) == sorted(WORDS)  # every article once, the feed's repeat of Tokyo not twice
        expect(page.get_by_role("button", name=re.compile(r"^Review the next in the queue"))).to_have_count(0)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        app.assert_quiet()
