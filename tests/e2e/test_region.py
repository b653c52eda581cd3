"""A click inside the view reruns the view alone (dashboard/views/region.py): what it changes outside
that region must still follow, the address bar, the sidebar's link, the notices above, and a click
that changes the filters must still redraw the whole page."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from playwright.sync_api import Page, expect

if TYPE_CHECKING:  # the fixtures' type only; conftest modules are not imported by tests
    from tests.e2e.conftest import AppPage

CHINA_ON_TROOPS = "China on North Korean troops in Russia: "


def sidebar_link(page: Page) -> str:
    return page.get_by_test_id("stSidebar").locator(".view-link code").inner_text()


def test_a_cell_click_updates_the_link_the_sidebar_and_the_notices(app: AppPage) -> None:
    app.open("?actor=nosuch&actor=china&issue=nk-troops-in-russia")
    page = app.page
    notice = page.get_by_test_id("stAlertContainer").filter(has_text="no actor 'nosuch'")
    expect(notice).to_be_visible()
    assert "cell=" not in sidebar_link(page)
    cell = page.locator(f'.stance-matrix rect.cell[aria-label^="{CHINA_ON_TROOPS}"]')
    expect(cell).to_have_count(1)

    app.rerun(lambda: cell.click(position={"x": 6, "y": 6}))

    expect(
        page.get_by_role(
            "heading", level=3, name=re.compile("^Behind the cell: China on North Korean troops in Russia")
        )
    ).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]cell=china~nk-troops-in-russia(&|$)"))
    assert "cell=china~nk-troops-in-russia" in sidebar_link(page)
    expect(notice).to_have_count(0)  # the view changed: the link's notice went, as on a full run
    expect(page.locator("p.counts")).to_contain_text("1 actor · 1 issue")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    app.assert_quiet()


def test_a_click_that_changes_the_filters_redraws_the_whole_page(app: AppPage) -> None:
    app.open("?view=cards&actor=china&actor=united-states")
    page = app.page
    expect(page.locator("p.counts")).to_contain_text("2 actors ·")

    app.rerun(page.get_by_role("button", name="Focus on China").click)

    # The sidebar, the header and the view switch are outside the region: they followed.
    expect(page.locator("p.counts")).to_contain_text("1 actor ·")
    expect(page.get_by_role("radio", name="Stance matrix & quotes")).to_be_checked()
    expect(page).to_have_url(re.compile(r"[?&]actor=china(&|$)"))
    expect(page).not_to_have_url(re.compile(r"actor=united-states"))
    assert "actor=united-states" not in sidebar_link(page)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    app.assert_quiet()


def test_a_filter_change_swaps_the_matrix_data_in_place_and_says_what_it_holds(app: AppPage) -> None:
    """The matrix's SVG is kept from one selection to the next and only its content swapped (a
    matrix built anew each time left the old one's marks in memory, detached, when Vega drew it);
    what the matrix holds is read out just before it."""
    app.open("?actor=china&actor=united-states")
    page = app.page
    summary = page.locator("p.chart-summary")
    expect(summary).to_contain_text("Stance matrix of 2 actors by 7 issues:")
    assert (summary.bounding_box() or {"width": 0})["width"] <= 1  # read aloud, drawn nowhere
    page.locator(".stance-matrix svg.matrix-svg").evaluate("svg => { svg.__kept = 1; }")

    app.rerun(
        lambda: (
            page.get_by_test_id("stSidebar")
            .get_by_role("combobox", name="Actors", exact=True)
            .press("Backspace")
        )
    )

    expect(page.locator("p.counts")).to_contain_text("1 actor ·")
    expect(summary).to_contain_text("Stance matrix of 1 actors by 7 issues:")
    assert page.locator(".stance-matrix svg.matrix-svg").evaluate("svg => svg.__kept === 1"), (
        "the matrix was built anew, not updated"
    )
    expect(page.get_by_test_id("stException")).to_have_count(0)
    app.assert_quiet()
