"""The matrix's cells stay in reading order after the data is swapped (issue 24's keyed marks).

The marks are keyed by cell (dashboard/charts.py, KEYED), so a cell that comes back reuses its Vega
item and its SVG element; Vega would draw such an item after the others, and a screen reader, which
reads the cells in the SVG's order, would hear them out of the rows' order. The `order` channel keeps
them as a chart drawn afresh has them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the fixtures' type only; conftest modules are not imported by tests
    from tests.e2e.conftest import AppPage

CELLS = '[data-testid="stVegaLiteChart"] svg.marks [aria-roledescription="rect mark"]'
READ_OUT = f"() => Array.from(document.querySelectorAll('{CELLS}')).map(c => c.getAttribute('aria-label'))"


def test_cells_that_come_back_are_read_in_the_rows_order(app: AppPage) -> None:
    app.open("?actor=russia")
    page = app.page
    before = page.evaluate(READ_OUT)
    assert before and all(label.startswith("Russia on ") for label in before)

    app.rerun(
        lambda: (
            page.get_by_test_id("stSidebar")
            .get_by_role("combobox", name="Actors", exact=True)
            .press("Backspace")
        )
    )
    swapped = page.evaluate(READ_OUT)

    app.open("")
    fresh = page.evaluate(READ_OUT)
    assert len(fresh) > len(before) and not fresh[0].startswith("Russia on ")
    assert swapped == fresh
    app.assert_quiet()
