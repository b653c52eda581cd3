"""By keyboard and screen reader: axe-core finds no serious or critical violation on any view of any
briefing, every chart carries a text alternative, and a cell's evidence opens without a mouse."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from tests.support.briefings import BUNDESTAG

if TYPE_CHECKING:
    from tests.e2e.conftest import AppPage

AXE = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
BRIEFINGS = ["nk-troops-russia", "unvotes", BUNDESTAG]
VIEWS = {
    "matrix": "",
    "cards": "&view=cards",
    "compare": "&view=compare&compare={a}&compare={b}",
    "cell": "&cell={a}~{issue}",
    # the bloc section too: a bloc of the pair chosen in the link
    "alignment": "&view=alignment&align={a}&pair={a}~{b}&members={a}&members={b}",
    "changes": "&view=changes&since={since}",
    "brief": "&view=brief&actor={a}&vs={b}&since={since}",
}
SINCE = {"nk-troops-russia": "2024-10-31", "unvotes": "2019-01-01", BUNDESTAG: "2025-01-01"}
SAMPLE = {
    "nk-troops-russia": ("united-states", "china", "china-restrain-nk"),
    "unvotes": ("us", "cn", "rc-9147"),
    BUNDESTAG: ("spd", "cdu-csu", "thesis-1"),
}
RUN_AXE = """async () => {
  const result = await axe.run(document, {
    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
  return result.violations.filter(v => ['serious', 'critical'].includes(v.impact)).map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}));
}"""


@pytest.fixture(scope="module")
def axe_source() -> Path:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: `make test` installs axe-core (npm ci in tests/e2e/axe)")
    return AXE


@pytest.mark.slow
@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("briefing", BRIEFINGS)
def test_no_serious_or_critical_violation(
    app_at: Callable[[str], AppPage], all_briefings, axe_source: Path, briefing: str, view: str
) -> None:
    if not (all_briefings / briefing).is_dir():
        pytest.skip(f"{briefing} is built from ../shared, which is not here")
    app = app_at("laptop-1440")
    a, b, issue = SAMPLE[briefing]
    app.show(f"?briefing={briefing}" + VIEWS[view].format(a=a, b=b, issue=issue, since=SINCE[briefing]))
    app.page.add_script_tag(path=str(axe_source))
    violations = app.page.evaluate(RUN_AXE)
    assert violations == [], violations


def test_every_chart_has_a_text_alternative(app_at: Callable[[str], AppPage]) -> None:
    app = app_at("laptop-1440")
    app.open("?briefing=nk-troops-russia&to=2024-10-31")  # as the article saw it: Shi's reading
    chart = app.page.locator(".stance-matrix svg.matrix-svg").first
    expect(chart).to_be_attached()
    described = app.page.locator('.stance-matrix [aria-label^="Stance matrix of"]')
    expect(described.first).to_be_attached()
    # Each cell is announced by its reading, in words.
    cell = app.page.locator('[aria-label^="China on Russia–North Korea military alliance: "]')
    expect(cell).to_have_attribute("aria-label", re.compile("inferred by Shi Yinhong"))


def test_a_cells_evidence_opens_from_the_keyboard_alone(app_at: Callable[[str], AppPage]) -> None:
    app = app_at("laptop-1440")
    app.open("?briefing=nk-troops-russia&to=2024-10-31")
    page = app.page
    keyboard = page.keyboard
    actor = page.get_by_role("combobox", name="Open a cell: actor")
    expect(actor).to_be_attached()
    # From the top of the page, Tab reaches the cell picker (no click anywhere).
    page.locator("body").focus()
    for _ in range(80):
        keyboard.press("Tab")
        if actor.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the cell picker")
    keyboard.type("China")
    app.rerun(lambda: keyboard.press("Enter"))
    issue = page.get_by_role("combobox", name="Open a cell: issue")
    issue.focus()  # the rerun redrew the page: focus returns to where the reader was
    keyboard.type("alliance")
    app.rerun(lambda: keyboard.press("Enter"))
    expect(
        page.get_by_role(
            "heading",
            level=3,
            name=re.compile("^Behind the cell: China on Russia–North Korea military alliance"),
        )
    ).to_be_visible()
    expect(page.locator(".reading-box")).to_contain_text("inferred by Shi Yinhong")
    expect(page).to_have_url(re.compile(r"[?&]cell=china~russia-nk-military-alliance"))
    app.assert_quiet()
