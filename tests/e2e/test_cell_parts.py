"""A cell opened or closed reruns only the parts that show it (dashboard/views/state.CELL_PARTS: the
sidebar's link, the drawing's ring and the cell picker, the cell's panel, the downloads): the
matrix's heading, controls and legend are not sent again, and everything that names the open cell
still follows it. In the topic matrix, which has no drawing to ring, closing a cell works too."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from playwright.sync_api import Page, expect

if TYPE_CHECKING:  # the fixtures' type only; conftest modules are not imported by tests
    from tests.e2e.conftest import AppPage

CHINA_ON_TROOPS = "China on North Korean troops in Russia: "


def received(page: Page) -> list[bytes]:
    """Every websocket message the page receives from now on (the next navigation's socket)."""
    frames: list[bytes] = []

    def on_socket(socket: Any) -> None:
        socket.on(
            "framereceived", lambda payload: frames.append(payload if isinstance(payload, bytes) else b"")
        )

    page.on("websocket", on_socket)
    return frames


def sidebar_link(page: Page) -> str:
    return page.get_by_test_id("stSidebar").locator(".view-link code").inner_text()


def test_a_cell_click_sends_the_cells_parts_and_not_the_matrixs_legend(app: AppPage) -> None:
    page = app.page
    frames = received(page)
    app.open("?actor=china&actor=united-states")
    cell = page.locator(f'.stance-matrix rect.cell[aria-label^="{CHINA_ON_TROOPS}"]')
    expect(cell).to_have_count(1)
    assert any(b"legend-line" in f for f in frames), "the open sent the legend: the check below can see it"
    frames.clear()

    app.rerun(lambda: cell.click(position={"x": 6, "y": 6}))

    heading = page.get_by_role("heading", level=3, name=re.compile("^Behind the cell: China on North"))
    expect(heading).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]cell=china~nk-troops-in-russia(&|$)"))
    assert "cell=china~nk-troops-in-russia" in sidebar_link(page)
    expect(page.get_by_role("combobox", name="Open a cell: actor")).to_have_value(re.compile("China"))
    expect(cell).to_have_attribute("aria-current", "true")
    assert frames, "the click's messages were seen"
    assert not any(b"legend-line" in f for f in frames), "the legend was sent again"
    assert not any(b"Sort rows by agreement" in f for f in frames), "the matrix's controls were sent again"
    expect(page.locator(".legend-line")).to_have_count(1)  # and is still on the page

    frames.clear()
    app.rerun(page.get_by_role("button", name="Close this cell").click)

    expect(page.get_by_role("heading", level=3, name="Quotes")).to_be_visible()
    expect(heading).to_have_count(0)
    expect(page).not_to_have_url(re.compile(r"cell="))
    assert "cell=" not in sidebar_link(page)
    expect(page.locator(".stance-matrix g.open_cell_ring_marks rect")).to_have_count(0)
    expect(page.get_by_role("combobox", name="Open a cell: actor")).to_have_value("")
    assert not any(b"legend-line" in f for f in frames)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    app.assert_quiet()


def test_a_cell_open_in_the_topic_matrix_closes(app: AppPage) -> None:
    """The topic matrix has no drawing to ring: its close reruns the other parts."""
    app.open("?group=topics&cell=china~nk-troops-in-russia")
    page = app.page
    heading = page.get_by_role("heading", level=3, name=re.compile("^Behind the cell: China on North"))
    expect(heading).to_be_visible()

    app.rerun(page.get_by_role("button", name="Close this cell").click)

    expect(page.get_by_role("heading", level=3, name="Quotes")).to_be_visible()
    expect(page).not_to_have_url(re.compile(r"cell="))
    assert "cell=" not in sidebar_link(page)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    app.assert_quiet()
