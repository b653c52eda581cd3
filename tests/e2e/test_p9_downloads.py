"""The Downloads are drawn by the page's full run, not by the body a pick in the Actors box reruns:
what they make is still the view on screen, and a file made for another view is never offered."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.conftest import AppPage


def _actors_in_positions_csv(page: Page) -> set[str]:
    button = page.get_by_role("button", name="Positions (CSV)")
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=60_000) as download:
        button.click()
    rows = csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig")))
    return {row["actor"] for row in rows}


def _backspace_in_actors(app: AppPage) -> None:
    actors = app.page.get_by_test_id("stSidebar").get_by_role("combobox", name="Actors", exact=True)
    app.rerun(lambda: actors.press("Backspace"))


def test_downloads_follow_the_view_a_pick_draws_and_drop_a_file_made_for_another(app: AppPage) -> None:
    app.open("?actor=china&actor=united-states")
    page = app.page
    assert _actors_in_positions_csv(page) == {"china", "united-states"}

    _backspace_in_actors(app)  # the body alone reruns: the Downloads are not drawn again
    expect(page.locator("p.counts")).to_contain_text("1 actor ·")
    assert _actors_in_positions_csv(page) == {"china"}

    make = page.get_by_role("button", name="Matrix picture (SVG)")
    make.scroll_into_view_if_needed()
    make.click()  # made in a worker process, then offered to save: for this view only
    save = page.get_by_role("button", name="Save nk-troops-russia-matrix.svg")
    expect(save).to_be_visible(timeout=90_000)

    _backspace_in_actors(app)  # another view: the page runs whole, and the file is not offered
    expect(page.locator("p.counts")).not_to_contain_text("1 actor ·")
    expect(save).to_have_count(0, timeout=30_000)
    expect(page.get_by_role("button", name="Matrix picture (SVG)")).to_be_enabled()
    assert len(_actors_in_positions_csv(page)) > 2
    expect(page.get_by_test_id("stException")).to_have_count(0)
    app.assert_quiet()
