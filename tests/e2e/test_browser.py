"""What only a browser shows: links that open a view, the address bar after a change, Back and
Forward, clicks on the drawn matrix, notices for bad links, and search by alias. Each scenario also
checks what must not happen: an exception on the page, a console error, a request to the internet.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from playwright.sync_api import FloatRect, Locator, Page, expect

if TYPE_CHECKING:  # the fixtures' type only; conftest modules are not imported by tests
    from tests.e2e.conftest import AppPage

CHINA_ON_TROOPS = "China on North Korean troops in Russia: "
MATRIX = ".stance-matrix"  # the page's SVG matrix (dashboard/views/matrix_component.py)


def actors_box(page: Page) -> Locator:
    return page.get_by_test_id("stSidebar").get_by_role("combobox", name="Actors", exact=True)


def actor_chips(page: Page) -> Locator:
    box = page.get_by_role("combobox", name="Actors", exact=True)
    actors = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has=box)
    return actors.locator("[data-tag]")


def counts(page: Page) -> Locator:
    return page.locator("p.counts")


def matrix_cells(page: Page) -> Locator:
    """The matrix's cells; each is labelled 'Actor on Issue: reading' for screen readers."""
    return page.locator(f"{MATRIX} rect.cell")


def is_dashed(dasharray: str | None) -> bool:
    """An SVG dash pattern with a real gap; "1,0" (the chart's solid case) is a plain line."""
    lengths = [float(n) for n in re.split(r"[\s,]+", dasharray or "") if n]
    return len(lengths) >= 2 and any(gap > 0 for gap in lengths[1::2])


def no_exception(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_link_with_actors_and_issue_opens_that_view(app: AppPage) -> None:
    app.open("?actor=china&actor=united-states&issue=nk-troops-in-russia")
    page = app.page

    expect(actor_chips(page)).to_have_text([re.compile(r"^China \("), re.compile(r"^United States \(")])
    expect(counts(page)).to_contain_text("2 actors · 1 issue · 3 positions")  # China: 2, over time
    cells = matrix_cells(page)
    expect(cells).to_have_count(2)
    labels = [cell.get_attribute("aria-label") or "" for cell in cells.all()]
    assert {label.split(" on ", 1)[0] for label in labels} == {"China", "United States"}

    page.locator(MATRIX).scroll_into_view_if_needed()
    app.screenshot("link-opens-view")
    no_exception(page)
    app.assert_quiet()


def test_sidebar_change_is_written_to_the_link_and_the_link_reopens_it(
    new_app_page: Callable[[], AppPage],
) -> None:
    app = new_app_page()
    app.open()
    page = app.page
    expect(page).not_to_have_url(re.compile(r"[?&]actor="))

    actors_box(page).fill("Blinken")
    blinken = page.get_by_role("option", name=re.compile(r"^Antony Blinken"))
    expect(blinken).to_be_visible()
    app.rerun(blinken.click)
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"[?&]actor=blinken(&|$)"))
    expect(counts(page)).to_contain_text("1 actor ·")
    link = page.url

    forwarded = new_app_page()
    forwarded.open(link.split("/", 3)[3])
    other = forwarded.page
    expect(actor_chips(other)).to_have_text([re.compile(r"^Antony Blinken")])
    expect(other).to_have_url(link)
    # The sidebar's "link to this view" is the same link, for people who copy it from there.
    expect(other.get_by_test_id("stSidebar").locator(".view-link code")).to_contain_text(
        "?" + link.split("?", 1)[1]
    )
    # A link the app wrote itself must open without any "dropped from the view" notice.
    expect(other.get_by_test_id("stAlertContainer")).to_have_count(0)
    no_exception(other)
    app.assert_quiet()
    forwarded.assert_quiet()


def test_clicking_a_cell_opens_its_evidence_and_puts_it_in_the_link(app: AppPage) -> None:
    # As the seed article saw it (to its Thursday): China's silence, reported by the article.
    app.open("?actor=china&actor=united-states&issue=nk-troops-in-russia&to=2024-10-31")
    page = app.page
    expect(page.get_by_role("heading", level=3, name="Quotes", exact=True)).to_be_visible()
    cell = matrix_cells(page).and_(page.locator(f'[aria-label^="{CHINA_ON_TROOPS}"]'))
    expect(cell).to_have_count(1)

    # The stance glyph covers the cell's centre; a corner of the rect is the cell itself.
    app.rerun(lambda: cell.click(position={"x": 6, "y": 6}))

    heading = page.get_by_role(
        "heading", level=3, name="Behind the cell: China on North Korean troops in Russia"
    )
    expect(heading).to_be_visible()
    expect(page.locator(".reading-box")).to_contain_text("reported by a third party")
    expect(page).to_have_url(re.compile(r"[?&]cell=china~nk-troops-in-russia(&|$)"))
    expect(page).to_have_url(re.compile(r"[?&]to=2024-10-31(&|$)"))
    ring = page.locator(f"{MATRIX} g.open_cell_ring_marks rect")
    expect(ring).to_have_count(1)  # drawn from the page's state, so a link can open it too
    heading.scroll_into_view_if_needed()
    app.screenshot("cell-quotes")
    no_exception(page)
    app.assert_quiet()


def test_back_and_forward_move_through_the_views_the_reader_saw(app: AppPage) -> None:
    app.open("?view=compare&compare=china&compare=united-states")
    page = app.page
    expect(page.locator(".cmp-summary")).to_contain_text("Agree on 1 of the 3 issues")
    first = page.url

    app.rerun(page.get_by_role("radio", name="Stance matrix & quotes").click)
    expect(page).to_have_url(re.compile(r"compare=china&compare=united-states"))  # kept
    expect(page).not_to_have_url(re.compile(r"view=compare"))
    second = page.url

    app.rerun(page.get_by_role("radio", name="Actor cards").click)
    expect(page).to_have_url(re.compile(r"[?&]view=cards"))

    app.rerun(page.go_back)
    expect(page).to_have_url(second)
    expect(page.get_by_role("heading", level=3, name="Stance matrix")).to_be_visible()
    app.rerun(page.go_back)
    expect(page).to_have_url(first)
    expect(page.locator(".cmp-summary")).to_contain_text("Agree on 1 of the 3 issues")
    app.rerun(page.go_forward)
    expect(page).to_have_url(second)
    # The address is the reader's: the page followed it and did not write another over it.
    expect(page.get_by_role("heading", level=3, name="Stance matrix")).to_be_visible()
    no_exception(page)
    app.assert_quiet()


def test_unknown_id_in_link_is_dropped_with_a_notice(app: AppPage) -> None:
    app.open("?actor=nosuch")
    page = app.page

    expect(
        page.get_by_test_id("stAlertContainer").filter(
            has_text="This briefing has no actor 'nosuch': dropped from the view."
        )
    ).to_be_visible()
    expect(matrix_cells(page).first).to_be_attached()
    app.screenshot("unknown-id")
    no_exception(page)
    expect(page).not_to_have_url(re.compile("nosuch"))  # the bad id must not live on in the link
    app.assert_quiet()


def test_cards_view_and_search_by_alias_in_native_script(app: AppPage) -> None:
    app.open("?view=cards")
    page = app.page
    cards = page.locator(".actor-card")
    expect(cards.first).to_be_visible()
    expect(cards.locator(".a-head").filter(has_text="Xi Jinping")).to_have_count(1)
    runs = app.runs

    actors_box(page).fill("习近平")
    # The one actor it names; Streamlit also offers the typed words themselves ("Add: 习近平"),
    # which Enter resolves to the best match (views/sidebar.resolve_typed_actors).
    expect(page.get_by_role("option").filter(has_not_text=re.compile(r"^Add: "))).to_have_text(
        [re.compile(r"^Xi Jinping \(")]
    )
    app.screenshot("cards-alias-search")
    # Typing only searches: it must not change the filter before an option is picked.
    page.wait_for_timeout(500)  # a rerun the typing caused would have finished by now
    assert app.runs == runs
    expect(page).not_to_have_url(re.compile(r"[?&]actor="))

    app.rerun(page.get_by_role("option", name=re.compile(r"^Xi Jinping \(")).click)
    page.keyboard.press("Escape")
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("Xi Jinping")
    expect(page).to_have_url(re.compile(r"[?&]actor=xi-jinping(&|$)"))
    no_exception(page)
    app.assert_quiet()


def test_second_hand_and_unrecorded_cells_are_drawn_dashed(app: AppPage) -> None:
    app.open("?actor=china")
    page = app.page
    cells = matrix_cells(page)
    expect(cells.first).to_be_attached()
    labels = [cell.get_attribute("aria-label") or "" for cell in cells.all()]
    should_dash = [bool(re.search(r"— (inferred|reported) by|: No record", label)) for label in labels]
    assert any(should_dash) and not all(should_dash), "China's row needs dashed and solid cells"
    page.locator(MATRIX).scroll_into_view_if_needed()
    app.screenshot("dashed-outlines")

    # Dashed outlines are drawn over exactly those cells: same count, same positions.
    # The outline layer is a group of its own, named as the Vega chart named it.
    outlines = page.locator(f"{MATRIX} g.dashed_outline_marks rect")
    dashed = [o for o in outlines.all() if is_dashed(o.get_attribute("stroke-dasharray"))]
    assert len(dashed) == sum(should_dash)

    def centre(box: FloatRect) -> tuple[int, int]:  # strokes differ in width, not centre
        return round(box["x"] + box["width"] / 2), round(box["y"] + box["height"] / 2)

    boxes = {centre(b) for b in (o.bounding_box() for o in dashed) if b}
    expected = {
        centre(b)
        for b, dash in zip((c.bounding_box() for c in cells.all()), should_dash, strict=True)
        if b and dash
    }
    assert boxes == expected, "dashed outlines must sit exactly on second-hand and no-record cells"
    no_exception(page)
    app.assert_quiet()
