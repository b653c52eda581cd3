"""The matrix's cells stay in reading order after the data is swapped (issue 24).

A screen reader reads the cells in the SVG's order. When Vega drew the matrix, its marks were keyed
by cell, and a cell that came back reused its item and was drawn after the others unless an `order`
channel kept them in the rows' order; the page's own SVG (dashboard/matrix_svg.py) replaces its cells
with each selection, in the rows' order. Either way the cells must read as a matrix drawn afresh.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from playwright.sync_api import Page, expect

if TYPE_CHECKING:  # the fixtures' type only; conftest modules are not imported by tests
    from tests.e2e.conftest import AppPage

CELLS = ".stance-matrix svg.matrix-svg rect.cell"
READ_OUT = f"() => Array.from(document.querySelectorAll('{CELLS}')).map(c => c.getAttribute('aria-label'))"


def read_out(page: Page) -> list[str]:
    """The cells' labels in the drawing's order, once it holds every cell of the grid the summary
    above it counts (the page's script draws the SVG just after the run that sent it)."""
    summary = page.locator("p.chart-summary").inner_text()
    found = re.search(r"of (\d+) actors by (\d+) issues", summary)
    assert found, summary
    expect(page.locator(CELLS)).to_have_count(int(found[1]) * int(found[2]))
    return list(page.evaluate(READ_OUT))


def test_cells_that_come_back_are_read_in_the_rows_order(app: AppPage) -> None:
    app.open("?actor=russia")
    page = app.page
    before = read_out(page)
    assert before and all(label.startswith("Russia on ") for label in before)

    app.rerun(
        lambda: (
            page.get_by_test_id("stSidebar")
            .get_by_role("combobox", name="Actors", exact=True)
            .press("Backspace")
        )
    )
    swapped = read_out(page)

    app.open("")
    fresh = read_out(page)
    assert len(fresh) > len(before) and not fresh[0].startswith("Russia on ")
    assert swapped == fresh
    app.assert_quiet()
