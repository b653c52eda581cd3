"""The review flow in Chromium on a server started for editing: paste an article, review the drafts
beside their highlighted spans, confirm a position, save, and see it in the stance matrix; and the
review desk's tools: a speaker made on the spot, a draft's words narrowed and widened by selecting in
the article and from the keyboard, words the briefing has saved as another source, a date that is not
a day named, a text in German entered by hand. What must not happen: an exception on the page, a
console error, a request off this machine."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from playwright.sync_api import Locator, Page, expect

if TYPE_CHECKING:
    from tests.e2e.conftest import AppPage

ARTICLE = (
    "OSLO, Nov. 8 (Example Wire) Maria Keller, Norway's foreign minister, said on Friday that "
    "the great power “must use its influence to restrain North Korea.” Secretary of State Antony Blinken "
    "told reporters the demand was growing. “The world is watching Beijing,” Blinken said."
)
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
        has=page.locator(".as-quote", has_text="must use its influence")
    )
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
    expect(
        page.get_by_text("Source: Norway joins the call on China · still needed: publisher, published")
    ).to_be_visible()
    fill(app, "Publisher (required)", "Example Wire")
    fill(app, "Published, YYYY-MM-DD (required)", "2024-11-08")
    page.get_by_role("button", name=re.compile(r"^Accept \d+ confident drafts$")).click()
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
    keller_cell = page.locator(f'.stance-matrix rect.cell[aria-label^="{keller_label}"]')
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


# ---------------------------------------------------------------------- the review desk's tools

DIPLOMAT = ARTICLE + " A diplomat added: “We will not wait forever, and we will say so.”"
ELSEWHERE = (
    "BEIJING (AFP) — As carried by the Example Daily: Chinese foreign ministry spokesman Lin "
    "Jian said on Friday: “North Korea and Russia are two independent sovereign states. How "
    "they develop bilateral relations is their own matter.”"
)
POLISH = (
    "WARSZAWA, 1 listopada — Minister spraw zagranicznych Anna Nowak powiedziała w piątek, że Chiny "
    "muszą „wykorzystać swoje wpływy, aby powstrzymać Koreę Północną”. Rząd będzie „kontynuował "
    "rozmowy”."
)


def draft_article(app: AppPage, text: str) -> None:
    app.open()
    sidebar_toggle(app.page)
    expect(app.page.get_by_role("heading", name="Add a source")).to_be_visible()
    app.settle()
    app.page.get_by_role("textbox", name="Article text").fill(text)
    app.page.get_by_role("button", name="Draft records").click()


def card_of(page: Page, words: str) -> Locator:
    return page.locator('[class*="st-key-as_card_"]').filter(has=page.locator(".as-quote", has_text=words))


def loose(text: str, whole: bool = False) -> re.Pattern[str]:
    """`text` as a pattern that allows the invisible word joiner the page puts before a colon (it
    keeps Markdown from reading 'q-x: …' as a link or an emoji code)."""
    pattern = re.escape(text).replace(":", "\u2060?:")
    return re.compile(f"^{pattern}$" if whole else pattern)


def select_in_article(app: AppPage, words: str) -> None:
    """Select `words` in the article as a mouse would (a range over the article's text, across the
    marked runs, then the mouse released)."""
    # The article is an inline component: after a rerun it may be drawn a moment after the page settles.
    expect(app.page.locator(".as-select-root .as-article [data-o]").first).to_be_attached()
    found = app.page.evaluate(
        """(words) => {
      const article = document.querySelector('.as-select-root .as-article');
      const nodes = [];
      article.querySelectorAll('[data-o]').forEach((span) => {
        const walker = document.createTreeWalker(span, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
      });
      const text = nodes.map((node) => node.data).join('');
      const at = text.indexOf(words);
      if (at < 0) return null;
      const point = (offset) => {
        for (const node of nodes) {
          if (offset <= node.data.length) return [node, offset];
          offset -= node.data.length;
        }
      };
      const range = document.createRange();
      range.setStart(...point(at));
      range.setEnd(...point(at + words.length));
      const selection = document.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      article.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return selection.toString();
    }""",
        words,
    )
    assert found == words, f"{words!r} is not in the article's text"
    expect(app.page.locator(".st-key-as_m_panel")).to_be_visible()
    app.settle()


def use_selection(app: AppPage, words: str) -> None:
    """Select `words` in the article and use them for the draft they overlap."""
    select_in_article(app, words)
    panel = app.page.locator(".st-key-as_m_panel")
    expect(panel.locator(".as-quote")).to_have_text(words)
    app.rerun(lambda: panel.get_by_role("button", name="Use the selection").click())
    expect(panel).to_have_count(0)


def choose(app: AppPage, scope: Locator, label: str, option: str) -> None:
    """Pick `option` in the select box named `label`: click it open, type to narrow the list (a long
    list draws only the options in view), click the option."""
    box = scope.get_by_role("combobox", name=label)
    box.click()
    box.press_sequentially(option[:9])
    app.page.get_by_role("option", name=option, exact=True).click()
    app.settle()


def test_a_missed_speaker_is_made_and_a_drafts_words_widened(new_edit_page: Callable[[], AppPage]) -> None:
    app = new_edit_page()
    page = app.page
    draft_article(app, DIPLOMAT)
    card = card_of(page, "We will not wait forever")
    expect(card).to_have_count(1, timeout=DRAFTING_SECONDS)
    app.settle()
    # narrowed by selecting in the article, then widened a word at a time from the keyboard, then
    # widened again by a selection: the words are always the article's
    use_selection(app, "We will not wait forever")
    expect(card.locator(".as-quote")).to_have_text("We will not wait forever")
    expect(card.get_by_text("edges moved by you")).to_be_visible()
    card.get_by_text("Words: widen or narrow").click()
    app.rerun(lambda: card.get_by_role("button", name="End →").click())
    app.rerun(lambda: card.get_by_role("button", name="End →").click())
    expect(card.locator(".as-quote")).to_have_text("We will not wait forever, and")
    use_selection(app, "We will not wait forever, and we will say so")
    expect(card.locator(".as-quote")).to_have_text("We will not wait forever, and we will say so")
    expect(card.get_by_text("edges moved by you")).to_be_visible()
    # "a diplomat" is nobody the briefing has: name them in the speaker box
    choose(app, card, "Speaker", "New actor…")
    card.get_by_role("textbox", name="Name of the new actor").fill("Ingrid Dahl")
    card.get_by_role("textbox", name="Role (Foreign Minister, spokesperson …)").fill("State Secretary")
    app.rerun(lambda: card.get_by_role("button", name="Create this actor").click())
    expect(card.get_by_role("combobox", name="Speaker")).to_have_value("Ingrid Dahl (new: ingrid-dahl)")
    app.rerun(lambda: card.get_by_text("Accept", exact=True).click())
    summary = page.get_by_text("New actors to be created")
    expect(summary).to_be_visible()
    expect(page.get_by_role("textbox", name="Name", exact=True)).to_have_value("Ingrid Dahl")
    sidebar = page.get_by_test_id("stSidebar")
    for width, height in ((1440, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        app.settle()
        if width < 600 and sidebar.get_attribute("data-collapsed") != "true":
            sidebar.hover()  # a phone draws the sidebar over the page: close it, as a person would
            page.get_by_test_id("stSidebarCollapseButton").click()
        card.scroll_into_view_if_needed()
        if width > 600:  # the article stays in view beside the card being read
            expect(page.locator(".as-select-root .as-article")).to_be_in_viewport()
        app.screenshot(f"review-desk-{width}")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    app.assert_quiet()


def test_words_already_there_become_another_source_and_a_bad_date_is_named(
    new_edit_page: Callable[[], AppPage],
) -> None:
    app = new_edit_page()
    page = app.page
    draft_article(app, ELSEWHERE)
    card = card_of(page, "their own matter")
    expect(card).to_have_count(1, timeout=DRAFTING_SECONDS)
    app.settle()
    same = loose("The same words as quote q-lin-own-matter (Lin Jian): AFP")
    expect(card.get_by_text(same)).to_be_visible()
    expect(
        card.get_by_role("radio", name="Another source for q-lin-own-matter (one quote, two sources)")
    ).to_be_checked()
    app.rerun(lambda: card.get_by_text("Accept", exact=True).click())
    page.get_by_text("The source's title, publisher, date and link").click()
    fill(app, "Title (required)", "Beijing: the ties are their own matter")
    fill(app, "Publisher (required)", "Example Daily")
    fill(app, "Published, YYYY-MM-DD (required)", "2024-02-30")
    message = "source published: 2024-02-30 is not a day (February 2024 has 29 days); write YYYY-MM-DD"
    expect(page.get_by_text(loose(message, whole=True))).to_be_visible()
    app.screenshot("review-desk-bad-date")
    app.rerun(lambda: page.get_by_role("button", name="Save accepted records into the briefing").click())
    expect(page.get_by_text(re.compile("^Not saved\u2060?: .*" + loose(message).pattern))).to_be_visible()
    fill(app, "Published, YYYY-MM-DD (required)", "2024-11-01")
    expect(page.get_by_text(loose(message, whole=True))).to_have_count(0)
    expect(
        page.get_by_text(loose("saved as another source for q-lin-own-matter (Lin Jian): AFP"))
    ).to_be_visible()
    page.get_by_role("button", name="Save accepted records into the briefing").click()
    expect(
        page.get_by_text(loose("Another source for quotes already there: q-lin-own-matter: also in article-"))
    ).to_be_visible(timeout=30_000)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    app.assert_quiet()


def test_a_language_not_drafted_is_entered_by_hand(new_edit_page: Callable[[], AppPage]) -> None:
    app = new_edit_page()
    page = app.page
    draft_article(app, POLISH)
    expect(
        page.get_by_text(re.compile("^Nothing drafted: the extractor does not draft from this language"))
    ).to_be_visible(timeout=DRAFTING_SECONDS)
    app.rerun(lambda: page.get_by_role("button", name="Enter the quotes by hand").click())
    expect(page.get_by_text(re.compile("^Nothing drafted: .* Enter the quotes by hand"))).to_be_visible()
    select_in_article(app, "wykorzystać swoje wpływy, aby powstrzymać Koreę Północną")
    panel = page.locator(".st-key-as_m_panel")
    expect(panel.get_by_role("combobox", name="Use the selection as")).to_be_visible()
    app.rerun(lambda: panel.get_by_role("button", name="Use the selection").click())
    adding = page.get_by_test_id("stExpander").filter(has_text="Add a statement the extractor missed")
    expect(adding.get_by_text("wykorzystać swoje wpływy, aby powstrzymać Koreę Północną")).to_be_visible()
    choose(app, adding, "Speaker", "New actor…")
    adding.get_by_role("textbox", name="Name of the new actor").fill("Anna Nowak")
    adding.get_by_role("textbox", name="Role (Foreign Minister, spokesperson …)").fill(
        "Minister spraw zagranicznych"
    )
    app.rerun(lambda: adding.get_by_role("button", name="Create this actor").click())
    app.rerun(lambda: adding.get_by_role("button", name="Add this statement").click())
    card = card_of(page, "wykorzystać swoje wpływy")
    expect(card).to_have_count(1)
    expect(card.get_by_role("radio", name="Accept")).to_be_checked()
    expect(card.get_by_role("combobox", name="Speaker")).to_have_value("Anna Nowak (new: anna-nowak)")
    app.screenshot("review-desk-by-hand")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    app.assert_quiet()
