"""A keyboard opens any pair the agreement heatmap shows, and on a 390 px phone the heatmap, the
partners table and compare read whole (a reader's review, v8 findings 14, 16 and 18; letter v9).
Each checks one thing that must not happen: a column cut off the screen's edge, a heading orphaned
above the first issue."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from playwright.sync_api import expect

if TYPE_CHECKING:
    from tests.e2e.conftest import AppPage

PAIR_LIST = "Open a pair (or click a square in the chart)"
ALIGNMENT = "?view=alignment&partners=united-states"
COMPARE = "?view=compare&compare=united-states&compare=china&compare=south-korea"
# How far an element reaches past the main area's right edge, and how much of it scrolls.
PAST_RIGHT = """(selector) => [...document.querySelectorAll(selector)].map(e => {
  const box = e.getBoundingClientRect(),
        main = document.querySelector('[data-testid="stMain"]').getBoundingClientRect();
  return {right: box.right - main.right, hidden: e.scrollWidth - e.clientWidth}; })"""


def test_a_keyboard_opens_a_pair_from_the_list_beside_the_heatmap(app: AppPage) -> None:
    app.open(ALIGNMENT)
    page = app.page
    pairs = page.get_by_role("combobox", name=PAIR_LIST)
    expect(pairs).to_be_visible()
    pairs.focus()  # reached by Tab like any control; no pointer on the chart
    page.keyboard.type("China and United States")
    option = page.get_by_role("option", name=re.compile(r"^China and United States: "))
    expect(option).to_contain_text("2024-10-31 to 2024-11-01, n = 2")
    app.rerun(lambda: page.keyboard.press("Enter"))
    expect(page).to_have_url(re.compile(r"[?&]pair=(china~united-states|united-states~china)(&|$)"))
    expect(page.get_by_text("Where they diverge most")).to_be_visible()
    app.screenshot("v9-pair-by-keyboard")
    app.assert_quiet()


def test_on_a_phone_the_heatmap_and_the_partners_are_not_cut_off(app_at: Callable[[str], AppPage]) -> None:
    app = app_at("phone-390")
    app.show(ALIGNMENT)
    page = app.page
    expect(page.get_by_test_id("stException")).to_have_count(0)
    chart = page.locator(".st-key-matrix-chart [data-testid='stVegaLiteChart']")
    expect(chart).to_be_visible()
    for box in page.evaluate(PAST_RIGHT, ".st-key-matrix-chart"):
        assert box["right"] <= 1 and box["hidden"] <= 1, box  # twelve actors, no sideways scroll
    # Every column of the partners table is on the screen: China's dates and what was left out.
    china = page.locator(".phone-table li").filter(has_text=re.compile(r"^China"))
    expect(china).to_contain_text("dates: 2024-10-31 to 2024-11-01")
    expect(china).to_contain_text("left out: 1 neutral, 4 no record")
    for box in page.evaluate(PAST_RIGHT, ".phone-table"):
        assert box["right"] <= 1 and box["hidden"] <= 1, box
    app.screenshot("v9-phone-alignment")
    app.assert_quiet()


def test_on_a_phone_compare_has_no_orphaned_column_headings(app_at: Callable[[str], AppPage]) -> None:
    app = app_at("phone-390")
    app.show(COMPARE)
    page = app.page
    expect(page.locator(".cmp-issue").first).to_be_visible()
    expect(page.locator(".st-key-cmp-header")).to_have_count(0)
    # Each cell names its actor instead.
    expect(page.locator(".cmp-cell .cmp-who").first).to_have_text("United States")
    app.screenshot("v9-phone-compare")
    app.assert_quiet()


def test_on_a_laptop_compare_keeps_its_column_headings(app_at: Callable[[str], AppPage]) -> None:
    app = app_at("laptop-1280")
    app.show(COMPARE)
    header = app.page.locator(".st-key-cmp-header")
    expect(header).to_be_visible()
    expect(header).to_contain_text("South Korea")
    app.assert_quiet()
