"""The matrix drawn from the server's SVG (dashboard/views/matrix_component.py and its script): a click
opens a cell as the Vega chart's selection did, the keyboard reaches and opens any cell, and a
cell's tooltip shows on hover and on focus."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from playwright.sync_api import Locator, Page, expect

if TYPE_CHECKING:  # the fixtures' type only; conftest modules are not imported by tests
    from tests.e2e.conftest import AppPage

VIEW = (
    "?actor=china&actor=united-states&issue=nk-troops-in-russia&issue=ukraine-political-settlement"
    "&to=2024-10-31"
)
CHINA = "China on North Korean troops in Russia: "
UNITED_STATES = "United States on North Korean troops in Russia: "


def cell(page: Page, label: str) -> Locator:
    return page.locator(f'.stance-matrix rect.cell[aria-label^="{label}"]')


def focused_label(page: Page) -> str:
    return str(page.evaluate("() => document.activeElement?.getAttribute('aria-label') || ''"))


def test_a_click_opens_the_cell_and_moves_only_the_ring(app: AppPage) -> None:
    app.open(VIEW)
    page = app.page
    expect(cell(page, CHINA)).to_have_count(1)
    page.locator(".stance-matrix rect.cell").first.evaluate("c => { c.__kept = 1; }")

    app.rerun(lambda: cell(page, CHINA).click(position={"x": 6, "y": 6}))

    expect(
        page.get_by_role("heading", level=3, name=re.compile("^Behind the cell: China on North"))
    ).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]cell=china~nk-troops-in-russia(&|$)"))
    # The cell picker follows, as it did a click on the Vega chart.
    expect(page.get_by_role("combobox", name="Open a cell: actor")).to_have_value(re.compile("China"))
    ring = page.locator(".stance-matrix g.open_cell_ring_marks rect")
    expect(ring).to_have_count(1)
    china = cell(page, CHINA).bounding_box()
    drawn = ring.bounding_box()
    assert china and drawn and abs(china["x"] - drawn["x"]) < 3 and abs(china["y"] - drawn["y"]) < 3
    expect(cell(page, CHINA)).to_have_attribute("aria-current", "true")
    # Not redrawn: the same cells, the ring moved over them.
    assert page.locator(".stance-matrix rect.cell").first.evaluate("c => c.__kept === 1")
    app.assert_quiet()


def test_the_keyboard_reaches_moves_through_and_opens_the_cells(app: AppPage) -> None:
    app.open(VIEW)
    page = app.page
    cells = page.locator(".stance-matrix rect.cell")
    expect(cells.first).to_be_attached()
    # One Tab stop for the whole matrix: Tab from the cell before it lands on its first cell.
    stops = page.locator('.stance-matrix rect.cell[tabindex="0"]')
    expect(stops).to_have_count(1)
    page.get_by_role("combobox", name="Sort rows by agreement with").focus()
    for _ in range(10):
        page.keyboard.press("Tab")
        if focused_label(page).startswith(CHINA):
            break
    assert focused_label(page).startswith(CHINA), focused_label(page)
    expect(page.locator("#matrix-tooltip")).to_be_visible()  # a focused cell shows its tooltip too

    page.keyboard.press("ArrowDown")
    assert focused_label(page).startswith(UNITED_STATES)
    page.keyboard.press("ArrowRight")
    assert focused_label(page).startswith("United States on Peace talks on Ukraine: ")
    page.keyboard.press("Home")
    assert focused_label(page).startswith(UNITED_STATES)

    app.rerun(lambda: page.keyboard.press("Enter"))
    expect(
        page.get_by_role("heading", level=3, name=re.compile("^Behind the cell: United States on North"))
    ).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]cell=united-states~nk-troops-in-russia(&|$)"))
    assert focused_label(page).startswith(UNITED_STATES)  # the reader stays where they were

    page.keyboard.press("ArrowUp")
    app.rerun(lambda: page.keyboard.press(" "))
    expect(page).to_have_url(re.compile(r"[?&]cell=china~nk-troops-in-russia(&|$)"))
    expect(stops).to_have_count(1)
    app.assert_quiet()


def test_a_cells_tooltip_shows_on_hover_and_goes_when_the_pointer_leaves(app: AppPage) -> None:
    app.open(VIEW)
    page = app.page
    tip = page.locator("#matrix-tooltip")
    china = cell(page, CHINA)
    china.hover(position={"x": 6, "y": 6})
    expect(tip).to_be_visible()
    rows = tip.locator("tr")
    expect(rows.locator("td.key")).to_have_text(["Actor", "Issue", "Reading", "Summary", "Evidence quotes"])
    expect(rows.nth(0)).to_contain_text("China")
    expect(rows.nth(1)).to_contain_text("North Korean troops in Russia")
    expect(rows.nth(2)).to_contain_text("Silent (on record)")
    expect(rows.nth(4).locator("td").nth(1)).to_have_text(re.compile(r"^\d+$"))
    # Hovering the glyph is hovering the cell; leaving the matrix hides the tooltip.
    box = china.bounding_box()
    assert box
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(rows.nth(0)).to_contain_text("China")
    page.mouse.move(5, 5)
    expect(tip).to_be_hidden()
    app.assert_quiet()
