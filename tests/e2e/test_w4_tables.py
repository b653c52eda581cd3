"""The partners table and the pair panel are text tables a screen reader and a keyboard reach, and at
1280 px no heading or name is cut (a reader's review v10, finding 9: the heading 'left out (neutral /
mixed / silent / no recor' and 'Embassy of the' were cut, and Tab landed on six unnamed canvases).
Each checks one thing that must not happen: text cut off in its cell, an unnamed canvas stop."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from playwright.sync_api import expect

if TYPE_CHECKING:
    from tests.e2e.conftest import AppPage

PARTNERS = "?view=alignment&partners=united-states"
PAIR = "?view=alignment&pair=china~lu-chao"
AXE = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
# Every heading and cell of the partners table whose text runs past its box (cut, not wrapped).
CUT = """() => [...document.querySelectorAll('.text-table th, .text-table td')]
  .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)"""


def test_at_1280_the_partners_table_cuts_no_heading_or_name(app_at: Callable[[str], AppPage]) -> None:
    app = app_at("laptop-1280")
    app.show(PARTNERS)
    page = app.page
    table = page.get_by_role("region", name="Partners of United States, ranked by coincidence")
    expect(table).to_be_visible()
    expect(table.get_by_role("columnheader", name="left out")).to_be_visible()
    embassy = table.get_by_role("rowheader", name=re.compile(r"^Embassy of the People"))
    expect(embassy).to_have_text(re.compile(r"in the United States$|China$"))
    assert page.evaluate(CUT) == []
    # The table is text, not a canvas: no canvas under the partners heading.
    expect(page.locator(".text-table canvas")).to_have_count(0)
    expect(page.locator("[data-testid='stDataFrame']")).to_have_count(0)
    table.scroll_into_view_if_needed()
    app.screenshot("w4-partners-1280")
    app.assert_quiet()


def test_a_keyboard_reaches_the_partners_table_as_one_named_stop(app: AppPage) -> None:
    app.open(PARTNERS)
    page = app.page
    table = page.get_by_role("region", name="Partners of United States, ranked by coincidence")
    expect(table).to_have_attribute("tabindex", "0")
    # Tab from the control before it lands on the table itself, named, with its rows readable.
    page.get_by_role("combobox", name="Open a pair (or click a square in the chart)").focus()
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('text-table')"):
            break
        assert page.evaluate("() => document.activeElement.tagName") != "CANVAS"
    else:
        raise AssertionError("Tab never reached the partners table")
    expect(table.get_by_role("row", name=re.compile(r"^not ranked China "))).to_be_visible()
    app.assert_quiet()


def test_the_pair_panel_says_what_it_left_out_and_axe_finds_nothing(app: AppPage) -> None:
    app.open(PAIR)
    page = app.page
    table = page.get_by_role("region", name="Coincidence of China and Lu Chao")
    expect(table.get_by_role("cell", name=re.compile(r"no record, 1 own reading$"))).to_be_visible()
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        """async () => (await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}}))
          .violations.filter(v => ['serious', 'critical'].includes(v.impact)).map(v => v.id)"""
    )
    assert violations == []
    app.assert_quiet()
