"""The review flow in Chromium on a server started for editing: paste an article, review the drafts
beside their highlighted spans, confirm a position, save, and see it in the stance matrix. What
must not happen: an exception on the page, a console error, a request off this machine."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from playwright.sync_api import Locator, Page, expect

if TYPE_CHECKING:
    from tests.e2e.conftest import AppPage

ARTICLE = ("OSLO, Nov. 8 (Example Wire) Maria Keller, Norway's foreign minister, said on Friday that "
           "China “must use its influence to restrain North Korea.” Secretary of State Antony Blinken "
           "told reporters the demand was growing. “The world is watching Beijing,” Blinken said.")
ISSUE = "China should restrain Russia–North Korea cooperation"
DRAFTING_SECONDS = 90_000  # the first draft loads the language model in the server


def sidebar_toggle(page: Page) -> None:
    page.get_by_test_id("stSidebar").get_by_text("Add a source", exact=True).click()


def fill(app: AppPage, label: str, value: str) -> None:
    box = app.page.get_by_role("textbox", name=label, exact=True)
    box.fill(value)
    box.press("Enter")  # hands the value to the server, which reruns
    app.settle()


def tick(app: AppPage, card: Locator, label: str) -> None:
    """Tick a checkbox and wait until the server has the tick (the next rerun draws it checked).

    A click that lands while the card is being redrawn can be lost; it is clicked again only while
    the box still shows unticked, so it is never ticked twice."""
    box = card.get_by_role("checkbox", name=label)
    for _ in range(3):
        if not box.is_checked():
            card.get_by_text(label, exact=True).click()
        try:
            expect(box).to_be_checked(timeout=5_000)
            break
        except AssertionError:
            app.settle()
    expect(box).to_be_checked()
    app.settle()


def attach_issue(app: AppPage, card: Locator, typed: str, title: str) -> None:
    """Choose an issue in the card's multiselect and wait until the server has it (the position
    checkbox appears). Streamlit redraws the card on every rerun, and a list opened during a
    redraw can close under the keyboard: the choice is made again only while it is not made."""
    issues = card.get_by_role("combobox", name="Issues")
    propose = card.get_by_role("checkbox", name="Propose a position from this quote")
    chosen = card.get_by_text(title, exact=True)
    for _ in range(3):
        app.settle()
        if chosen.count() == 0:
            issues.click()
            issues.press_sequentially(typed)
            option = app.page.get_by_role("option", name=title)
            try:
                expect(option).to_be_visible(timeout=5_000)
            except AssertionError:
                continue
            issues.press("Enter")
        issues.press("Escape")  # close the list: the choice goes to the server
        try:
            expect(propose).to_have_count(1, timeout=5_000)
            break
        except AssertionError:
            continue
    expect(propose).to_have_count(1)
    app.settle()


def test_paste_review_save_and_the_matrix_shows_it(new_edit_page: Callable[[], AppPage]) -> None:
    app = new_edit_page()
    app.open()
    page = app.page
    sidebar_toggle(page)
    expect(page.get_by_role("heading", name="Add a source")).to_be_visible()
    app.settle()
    article = page.get_by_role("textbox", name="Article text")
    article.fill(ARTICLE)
    page.get_by_role("button", name="Draft records").click()  # leaving the box hands its text over
    card = page.locator('[class*="st-key-as_card_"]').filter(
        has=page.locator(".as-quote", has_text="must use its influence"))
    expect(card).to_have_count(1, timeout=DRAFTING_SECONDS)
    app.settle()
    # the article is shown with its spans marked, the words escaped and never editable
    highlighted = page.locator(".as-article .as-c")
    expect(highlighted.first).to_be_visible()
    assert "must use its influence" in " ".join(highlighted.all_inner_texts())
    expect(page.locator(".as-article textarea, .as-article input")).to_have_count(0)

    sidebar = page.get_by_test_id("stSidebar")
    for width, height in ((1440, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        app.settle()
        if width < 600 and sidebar.get_attribute("data-collapsed") != "true":
            # a phone draws the sidebar over the page: close it, as a person would
            sidebar.hover()
            page.get_by_test_id("stSidebarCollapseButton").click()
        if width < 600:
            expect(sidebar).to_have_attribute("data-collapsed", "true")
        app.screenshot(f"add-source-{width}")
    page.set_viewport_size({"width": 1440, "height": 900})
    try:  # a laptop-wide window may open the sidebar by itself
        expect(sidebar).to_have_attribute("data-collapsed", "false", timeout=3_000)
    except AssertionError:
        page.get_by_test_id("stExpandSidebarButton").click()
    expect(sidebar).to_have_attribute("data-collapsed", "false")
    app.settle()
    expect(page.get_by_text("Source: untitled · still needed: title, publisher, published")).to_be_visible()
    page.get_by_text("The source's title, publisher, date and link").click()  # folded away at first

    fill(app, "Title (required)", "Norway joins the call on China")
    expect(page.get_by_text("Source: Norway joins the call on China · still needed: publisher, published")
           ).to_be_visible()
    fill(app, "Publisher (required)", "Example Wire")
    fill(app, "Published, YYYY-MM-DD (required)", "2024-11-08")
    page.get_by_role("button", name="Accept all confident drafts").click()
    expect(card.get_by_role("radio", name="Accept")).to_be_checked()
    expect(page.get_by_text(re.compile(r"drafts: 2 accepted"))).to_be_visible()
    app.settle()

    card.get_by_text("Kind, context, issues, date, position").click()  # opens in the browser only
    attach_issue(app, card, "restrain", ISSUE)
    tick(app, card, "Propose a position from this quote")
    confirm = card.get_by_text("I confirm this position")
    expect(confirm).to_be_visible()
    app.settle()
    tick(app, card, "I confirm this position")
    page.get_by_role("button", name="Save accepted records into the briefing").click()
    expect(page.get_by_text(re.compile(r"^Saved: "))).to_be_visible(timeout=30_000)
    app.screenshot("add-source-saved")

    sidebar_toggle(page)  # back to the briefing: the new position is a cell of the matrix
    keller_label = f"Maria Keller on {ISSUE}: "
    keller_cell = page.get_by_test_id("stVegaLiteChart").locator(
        f'path[aria-roledescription="rect mark"][aria-label^="{keller_label}"]')
    expect(keller_cell).to_have_count(1, timeout=30_000)
    expect(keller_cell).to_have_attribute("aria-label", re.compile(r"Supports"))
    app.settle()
    app.screenshot("add-source-matrix")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    app.assert_quiet()


def test_the_ordinary_server_offers_no_editing(app: AppPage) -> None:
    app.open("?edit=1&view=add")
    expect(app.page.get_by_text("Add a source", exact=True)).to_have_count(0)
    expect(app.page.get_by_test_id("stException")).to_have_count(0)
    app.assert_quiet()
