"""Readable on every screen: at 1440x900, 1280x720 and a 390x844 phone, on every briefing and view,
the page never scrolls sideways, the legend is never cut off, the first laptop screen reaches the
matrix, and a click right after choosing an actor lands where the pointer is."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from tests.support.briefings import BUNDESTAG
from tests.support.browser import SIZES

if TYPE_CHECKING:
    from tests.e2e.conftest import AppPage

BRIEFINGS = ["nk-troops-russia", "unvotes", BUNDESTAG]
VIEWS = {
    "matrix": "",
    "cards": "&view=cards",
    "compare": "&view=compare&compare={a}&compare={b}",
    "alignment": "&view=alignment&align={a}&pair={a}~{b}&by=year",
    "changes": "&view=changes&since={since}&actor={b}",
    "brief": "&view=brief&actor={a}&vs={b}&since={since}",
}
SINCE = {"nk-troops-russia": "2024-10-31", "unvotes": "2019-01-01", BUNDESTAG: "2025-01-01"}
COMPARED = {
    "nk-troops-russia": ("united-states", "china"),
    "unvotes": ("us", "cn"),
    BUNDESTAG: ("spd", "cdu-csu"),
}
PAGE_OVERFLOW = """() => { const main = document.querySelector('[data-testid="stMain"]');
  return [main.scrollWidth - main.clientWidth,
          document.documentElement.scrollWidth - document.documentElement.clientWidth]; }"""
CLIPPED = """(selector) => [...document.querySelectorAll(selector)].map(e => {
  const box = e.getBoundingClientRect(), main = document.querySelector('[data-testid="stMain"]')
    .getBoundingClientRect();
  return {overflow: e.scrollWidth - e.clientWidth, right: box.right - main.right,
          left: main.left - box.left}; })"""


def _open(app_at: Callable[[str], AppPage], size: str, briefing: str, view: str, all_briefings) -> AppPage:
    if not (all_briefings / briefing).is_dir():
        pytest.skip(f"{briefing} is built from ../shared, which is not here")
    app = app_at(size)
    a, b = COMPARED[briefing]
    app.show(f"?briefing={briefing}" + VIEWS[view].format(a=a, b=b, since=SINCE[briefing]))
    return app


@pytest.mark.slow
@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("briefing", BRIEFINGS)
@pytest.mark.parametrize("size", list(SIZES))
def test_no_sideways_scroll_and_an_unclipped_legend(
    app_at, all_briefings, size: str, briefing: str, view: str
) -> None:
    app = _open(app_at, size, briefing, view, all_briefings)
    page = app.page
    expect(page.get_by_test_id("stException")).to_have_count(0)
    main_overflow, document_overflow = page.evaluate(PAGE_OVERFLOW)
    assert main_overflow <= 1 and document_overflow <= 1, (
        f"{size} {briefing} {view}: the page scrolls sideways by {main_overflow} px"
    )
    if view == "matrix":
        expect(page.locator(".legend-line")).to_be_visible()
        for box in page.evaluate(CLIPPED, ".legend-line"):
            assert box["overflow"] <= 1 and box["right"] <= 1 and box["left"] <= 1, box
        # A wide matrix scrolls inside its own box, with its row names (the y axis) kept in it.
        chart = page.locator(".st-key-matrix-chart")
        expect(chart).to_be_visible()
        for box in page.evaluate(CLIPPED, ".st-key-matrix-chart"):
            assert box["right"] <= 1, box
    if briefing == "nk-troops-russia" or view in ("alignment", "brief"):
        app.screenshot(f"layout-{size}-{briefing}-{view}")
    app.assert_quiet()


@pytest.mark.parametrize("briefing", BRIEFINGS)
def test_the_first_laptop_screen_shows_the_top_of_the_matrix(app_at, all_briefings, briefing: str) -> None:
    app = _open(app_at, "laptop-1440", briefing, "matrix", all_briefings)
    chart = app.page.locator(".stance-matrix svg.matrix-svg").first
    expect(chart).to_be_attached()
    box = chart.bounding_box()
    assert box is not None and box["y"] < SIZES["laptop-1440"]["height"] - 60, box


def test_a_phone_gets_a_matrix_that_fits_beside_its_row_names(app_at, all_briefings) -> None:
    app = _open(
        app_at,
        "phone-390",
        BUNDESTAG if (all_briefings / BUNDESTAG).is_dir() else "unvotes",
        "matrix",
        all_briefings,
    )
    page = app.page
    chart = page.locator(".st-key-matrix-chart")
    expect(chart).to_be_visible()
    sideways = chart.evaluate("e => e.scrollWidth - e.clientWidth")
    assert sideways <= 1, f"the phone's matrix scrolls sideways by {sideways} px"
    # The row names stand on the screen beside the cells (the window of six columns is what keeps
    # them there: nothing scrolls, so nothing scrolls away), and the page says which six.
    box = chart.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390 + 1, box
    expect(page.get_by_text(re.compile(r"issues \d[\d,]*–\d[\d,]* of [\d,]+, oldest"))).to_be_visible()
    app.screenshot("layout-phone-390-wide-briefing")


def test_a_phone_names_the_actor_on_each_of_compares_stacked_readings(app_at, all_briefings) -> None:
    app = _open(app_at, "phone-390", "nk-troops-russia", "compare", all_briefings)
    cells = app.page.locator(".cmp-cell")
    expect(cells.first).to_be_visible()
    names = cells.locator(".cmp-who").all_inner_texts()
    assert len(names) == cells.count() > 0
    assert set(names) == {"United States", "China"}
    app.assert_quiet()


def test_a_click_right_after_choosing_an_actor_lands(app_at) -> None:
    app = app_at("laptop-1440")
    app.open("?briefing=nk-troops-russia&actor=china&actor=united-states")
    page = app.page
    sidebar = page.get_by_test_id("stSidebar")
    box = sidebar.get_by_role("combobox", name="Actors", exact=True)
    box.fill("Russia")
    app.rerun(page.get_by_role("option", name=re.compile("^Russia")).first.click)
    page.keyboard.press("Escape")  # the list closes; the box keeps the focus
    expect(page.get_by_role("option")).to_have_count(0)
    # Still focused on the Actors box, the reader clicks the toggle just below it. Had the box
    # shrunk on blur, the toggle would have moved between mouse down and up and the click missed.
    toggle = sidebar.get_by_text("Include those who speak for them")
    height = sidebar.get_by_test_id("stMultiSelect").first.bounding_box()
    app.rerun(lambda: page.mouse.click(*_centre(toggle.bounding_box())))
    expect(page).to_have_url(re.compile(r"[?&]spokespeople=1"))
    assert sidebar.get_by_test_id("stMultiSelect").first.bounding_box()["height"] == height["height"]
    app.assert_quiet()


def _centre(box: dict[str, float] | None) -> tuple[float, float]:
    assert box is not None
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
