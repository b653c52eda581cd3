"""Hostile data and tampered links, in a real browser.

A briefing whose every text field carries a payload (fixtures/hostile-data) is opened in each view:
nothing in it may run, link anywhere but http(s), reach the internet, or be swallowed; it is shown as
the characters that were written. Links made by hand (unknown ids, thousands of repeats, paths that
climb out of the data folder, null bytes) must give a notice and a working page, and no link may open
a briefing that is not a folder inside DASHBOARD_DATA.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, expect

from dashboard.link import is_id
from dashboard.load import load_briefing
from dashboard.problems import errors

if TYPE_CHECKING:  # the fixtures' types only; conftest modules are not imported by tests
    from tests.e2e.conftest import AppPage, FencedData, Server

HOSTILE_DATA = Path(__file__).resolve().parent / "fixtures" / "hostile-data"
HOSTILE = "hostile-markup"
HOSTILE_TITLE = "Hostile briefing <script>window.__pwned=1</script> **not bold** :red[not red]"
HTTPS_SOURCE = "https://example.org/reports/hostile?id=1&lang=en"
MARKDOWN_NAME = (
    "**Bold** :red[Red] [click](javascript:window.__pwned=1) ![t](https://tracker.invalid/name.png)"
)
DEFAULT_TITLE = "North Korean troops in Russia"  # the project's default briefing

# Text that must reach the page as written, by the class of the card that shows it.
SHOWN_AS_WRITTEN: dict[str, list[str]] = {
    "quote": [
        "<script>window.__pwned=1</script> said Scriptland",
        '<img src=x onerror="window.__pwned=1"><img src="https://tracker.invalid/q.png"> said Imgmann',
        '<svg onload="window.__pwned=1"></svg> vector words',
        "[click](javascript:window.__pwned=1) **bold** :red[colour] ![t](https://tracker.invalid/q.png)",
        "&lt;script&gt;entity&lt;/script&gt; &amp;amp; &#60;b&#62;numeric&#60;/b&#62;",
        "Context <style>body{display:none}</style>",
        '<img src=x onerror="window.__pwned=1"> Publisher',
        "**Bold publisher** :red[red publisher]",
        "Safe https source <script>window.__pwned=1</script>",
        "Unbroken" + "W" * 4989 + "END",
    ],
    "actor-card": [
        "<script>window.__pwned=1</script>Scriptland",
        '<img src=x onerror="window.__pwned=1">Imgmann',
        MARKDOWN_NAME,
        '"><img src=x onerror="window.__pwned=1"> role',
        "&lt;script&gt; &amp;amp; &#60;b&#62; entities",
        "Role" + "R" * 4996,
    ],
    "cmp-cell": [
        "<script>window.__pwned=1</script> said Scriptland",
        "[click](javascript:window.__pwned=1) **bold** :red[colour] ![t](https://tracker.invalid/q.png)",
    ],
}

# Each view of the hostile briefing: the link that opens it, and which cards it shows.
VIEWS: dict[str, tuple[str, str]] = {
    "matrix": (f"?briefing={HOSTILE}", "quote"),
    "cards": (f"?briefing={HOSTILE}&view=cards", "actor-card"),
    "compare": (f"?briefing={HOSTILE}&view=compare&compare=script-state&compare=markdown-expert", "cmp-cell"),
    "cell": (f"?briefing={HOSTILE}", "quote"),  # then a click on Scriptland's payload-issue cell
}

# Views with a source link among their cards (actor cards name no sources).
WITH_SOURCES = ("matrix", "compare", "cell")

FIND_TEXT_X = """([element, needle]) => {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(needle);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + needle.length);
    return range.getBoundingClientRect().left;
  }
  return null;
}"""
OVERFLOWING = """() => [...document.querySelectorAll('.quote, .actor-card, .cmp-cell, .q-text')]
  .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.className)"""


def no_exception(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)


def matrix_cell(page: Page, actor_name: str, issue_title: str) -> Locator:
    cells = page.locator(".stance-matrix rect.cell")
    expect(cells.first).to_be_attached()
    wanted = f"{actor_name} on {issue_title}: "
    matches = [
        i for i, cell in enumerate(cells.all()) if (cell.get_attribute("aria-label") or "").startswith(wanted)
    ]
    assert len(matches) == 1, f"no single matrix cell for {actor_name} on {issue_title}"
    return cells.nth(matches[0])


def as_shown(notice: str) -> re.Pattern[str]:
    """A notice's text as the page shows it: word joiners (invisible) may sit before ':' and '@'
    and after "www", where they stop Streamlit turning a quoted address into a link."""
    return re.compile("\u2060?".join(re.escape(c) for c in notice))


def unexplained_console_errors(app: AppPage) -> list[str]:
    """Console errors other than those of blocked requests to the internet (tested on their own)."""
    return [e for e in app.console_errors if not any(e.endswith(f"({url})") for url in app.external_requests)]


@pytest.fixture(scope="module")
def hostile_view(new_hostile_page: Callable[[], AppPage]) -> Callable[[str], AppPage]:
    """Each view of the hostile briefing, opened on first use and kept open for the module: every
    test below looks at a page that has already settled, so none waits for a page of its own."""
    opened: dict[str, AppPage] = {}

    def view(name: str) -> AppPage:
        if name not in opened:
            app = new_hostile_page()
            app.open(VIEWS[name][0])
            if name == "cell":
                cell = matrix_cell(
                    app.page,
                    "<script>window.__pwned=1</script>Scriptland",
                    "Payload issue <b>not bold</b> **not bold**",
                )
                # The stance glyph covers the cell's centre; a corner of the rect is the cell.
                app.rerun(lambda: cell.click(position={"x": 6, "y": 6}))
                expect(
                    app.page.get_by_role("heading", level=3, name=re.compile("^Behind the cell"))
                ).to_be_visible()
            opened[name] = app
        return opened[name]

    return view


# ------------------------------------------------------------------------------------ the fixture


def test_hostile_fixture_is_a_valid_briefing_full_of_payloads() -> None:
    """The payloads must load as records (a fixture the loader refuses would prove nothing)."""
    briefing, problems = load_briefing(HOSTILE_DATA / HOSTILE)
    assert errors(problems) == [], [str(p) for p in problems]
    ids = [
        *briefing.actors["id"],
        *briefing.issues["id"],
        *briefing.quotes["id"],
        *briefing.sources["id"],
        briefing.meta.id,
    ]
    assert all(is_id(i) for i in ids), ids
    assert len(briefing.actors) == 4 and len(briefing.quotes) == 8

    words = " ".join(
        str(v)
        for frame in (briefing.actors, briefing.sources, briefing.quotes)
        for column in frame.columns
        for v in frame[column].tolist()
    )
    for payload in (
        "<script>window.__pwned=1</script>",
        'onerror="window.__pwned=1"',
        "<svg onload=",
        "](javascript:",
        "**bold**",
        ":red[",
        "&lt;script&gt;",
        "\u202e",
        "W" * 4989,
    ):
        assert payload in words, f"the fixture lost its {payload!r} payload"
    urls = set(briefing.sources["url"])
    assert {"javascript:window.__pwned=1", "JaVaScRiPt:window.__pwned=1", HTTPS_SOURCE} <= urls
    assert any(u.startswith("data:text/html,") for u in urls)
    assert any(u.upper().startswith("DATA:TEXT/HTML;BASE64,") for u in urls)


# ------------------------------------------------------------------------ hostile record text


@pytest.mark.parametrize("view", list(VIEWS))
def test_hostile_view_runs_nothing(hostile_view: Callable[[str], AppPage], view: str) -> None:
    app = hostile_view(view)
    page = app.page
    assert app.dialogs == [], "a payload opened a dialog"
    assert page.evaluate("window.__pwned") is None, "a payload ran"
    expect(
        page.locator('a[href^="javascript:" i], a[href^="data:" i], a[href^="vbscript:" i]')
    ).to_have_count(0)
    expect(page.locator("[onerror], [onload], [onmouseover], iframe[srcdoc], a[href^='//']")).to_have_count(0)
    # The page's own <style> survives (a payload's body{display:none} must not hide it).
    expect(page.get_by_test_id("stMain")).to_be_visible()
    no_exception(page)
    assert unexplained_console_errors(app) == []


@pytest.mark.parametrize("view", list(VIEWS))
def test_hostile_view_shows_every_payload_as_written(
    hostile_view: Callable[[str], AppPage], view: str
) -> None:
    app = hostile_view(view)
    page = app.page
    card_class = VIEWS[view][1]
    cards = page.locator(f".{card_class}")
    expect(cards.first).to_be_visible()
    expected = SHOWN_AS_WRITTEN[card_class]
    if view == "cell":  # Scriptland's words on the payload issue, and its minister's
        expected = [
            text
            for text in expected
            if "said" in text
            or "Publisher" in text
            or text.startswith(("Context", "Safe https", "**Bold publisher"))
        ]
        expect(cards).to_have_count(2)
    shown = " ".join(cards.all_text_contents())
    missing = [text[:80] for text in expected if text not in shown]
    assert missing == [], "payloads swallowed or altered instead of shown"
    if view in WITH_SOURCES:
        link = page.locator(f'a[href="{HTTPS_SOURCE}"]').first
        expect(link).to_have_text("Safe https source <script>window.__pwned=1</script>")
        expect(link).to_have_attribute("rel", "noopener noreferrer")
    # Long unbroken strings wrap inside their card instead of pushing the layout sideways.
    assert page.evaluate(OVERFLOWING) == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    cards.first.scroll_into_view_if_needed()
    app.screenshot(f"hostile-{view}")


def test_right_to_left_override_stays_inside_its_field(hostile_view: Callable[[str], AppPage]) -> None:
    """'Pay U+202E 0001$ tsuj now' with no closing mark: obeyed, it would flip the rest of the
    quote ("won tsuj $1000"); isolated, the words keep their order on the screen."""
    page = hostile_view("matrix").page
    quote = page.locator(".q-text").filter(has_text="tsuj now").first
    quote.scroll_into_view_if_needed()
    handle = quote.element_handle()
    x = {word: page.evaluate(FIND_TEXT_X, [handle, word]) for word in ("Pay", "tsuj", "now")}
    assert None not in x.values(), x
    assert x["Pay"] < x["tsuj"] < x["now"], f"the override reordered the quote: {x}"
    # Nor does the closing quotation mark of the card jump to the front.
    assert page.evaluate(FIND_TEXT_X, [handle, "”"]) > x["now"]
    hostile_view("matrix").screenshot("hostile-rtl-and-long-text")


@pytest.mark.parametrize(
    "view",
    [
        "matrix",
        "cards",
        "compare",
        "cell",
    ],
)
def test_hostile_view_reaches_nothing_outside(hostile_view: Callable[[str], AppPage], view: str) -> None:
    app = hostile_view(view)
    app.assert_quiet()


def _title(page: Page) -> str:
    return page.locator("h1").first.inner_text()


def _focus_button(page: Page) -> str:
    buttons = page.get_by_test_id("stButton").filter(has_text="Focus on").all_inner_texts()
    return next((b for b in buttons if "Red" in b), "")


def _compare_header(page: Page) -> str:
    # The header row: "Issue", then one bold name per chosen actor.
    texts = page.get_by_test_id("stMarkdownContainer").all_inner_texts()
    return next((t for t in texts if "Red" in t and "Bold" in t), "")


def _cell_heading(page: Page) -> str:
    return page.get_by_role("heading", level=3, name=re.compile("^Behind the cell")).inner_text()


@pytest.mark.parametrize(
    ("view", "read", "expected"),
    [
        pytest.param("matrix", _title, HOSTILE_TITLE, id="title"),
        pytest.param("cards", _focus_button, f"Focus on {MARKDOWN_NAME}", id="focus-button"),
        pytest.param("compare", _compare_header, MARKDOWN_NAME, id="compare-header"),
        pytest.param(
            "cell",
            _cell_heading,
            "Behind the cell: <script>window.__pwned=1</script>"
            "Scriptland on Payload issue <b>not bold</b> **not bold**",
            id="cell-heading",
        ),
    ],
)
def test_markdown_in_record_text_stays_text(
    hostile_view: Callable[[str], AppPage], view: str, read: Callable[[Page], str], expected: str
) -> None:
    """Names and titles shown through Streamlit's Markdown (headings, labels) read as written.

    The escaping puts an invisible word joiner (U+2060) before colons so ':red[...]' is not a
    colour directive; it is not drawn, so it is left out of the comparison."""
    assert read(hostile_view(view).page).replace("\u2060", "") == expected


# -------------------------------------------------------------------------------- tampered links

NUL = "%00"
TRACKER = "![t](https://tracker.invalid/n.png)"
# Each link spoils the briefing (only one is read per link) and other parameters at once; every
# spoiled parameter must give its own notice.
TAMPERED: dict[str, tuple[str, list[str]]] = {
    "dot-dot+unknown-ids": (
        "?briefing=../../etc&actor=nosuch&issue=made-up&stance=suport",
        [
            "There is no briefing '../../etc'",
            "This briefing has no actor 'nosuch'",
            "no issue 'made-up'",
            "no stance 'suport'",
        ],
    ),
    "1000-actors": ("?" + "&".join(["actor=china"] * 1000), ["The link repeats 'actor' 1,000 times"]),
    "encoded-dot-dot+10kb-search": (
        "?briefing=..%2F..%2Fetc&q=" + "x" * 10_000,
        ["There is no briefing '../../etc'", "The link's 'q' value 'xxxx"],
    ),
    "absolute+null-bytes": (
        f"?briefing=%2Fetc%2Fpasswd&actor=china{NUL}.yaml&from=2024-01-01{NUL}",
        [
            "There is no briefing '/etc/passwd'",
            "The link's 'actor' value 'china?.yaml' is not valid",
            "The link's 'from' value '2024-01-01?' is not valid",
        ],
    ),
    "double-encoded+script-view": (
        "?briefing=nk-troops-russia%252F..%252F..&view=<script>window.__pwned=1</script>",
        [
            "There is no briefing 'nk-troops-russia%2F..%2F..'",
            "There is no view '<script>window.__pwned=1</script>'",
        ],
    ),
    "backslash+bad-utf8": (
        "?briefing=..%5C..%5Cwindows&actor=%FF%FE",
        ["There is no briefing '..\\..\\windows'", "This briefing has no actor '\ufffd\ufffd'"],
    ),
    "null-briefing": (
        f"?briefing=nk-troops-russia{NUL}",
        ["The link's 'briefing' value 'nk-troops-russia?' is not valid"],
    ),
    "markdown": (
        f"?briefing={TRACKER}&actor={TRACKER}&issue=[Sign in](https://phish.invalid)"
        "&topic=**bold** :red[red]&stance=www.phish.invalid&basis=a@phish.invalid",
        [
            f"There is no briefing '{TRACKER}'",
            f"This briefing has no actor '{TRACKER}'",
            "no issue '[Sign in](https://phish.invalid)'",
            "no topic '**bold** :red[red]'",
            "no stance 'www.phish.invalid'",
            "no basis 'a@phish.invalid'",
        ],
    ),
}
TAMPERED_HOLES = {
    # Streamlit drops a query string of more than 1,000 parameters whole, before the app sees it
    # (its log: "Ignoring query string with 1001 parameters"): the default view opens, unexplained.
    "1001-parameters": pytest.mark.xfail(
        strict=True,
        reason=(
            "Streamlit ignores links with over 1,000 parameters, so st.query_params is empty and "
            "dashboard/views/state.py cannot give a notice"
        ),
    ),
}
TAMPERED["1001-parameters"] = (
    "?briefing=..%2F..%2Fetc&" + "&".join(["actor=china"] * 1000),
    ["There is no briefing '../../etc'", "The link repeats 'actor' 1,000 times"],
)


@pytest.mark.parametrize(
    "case", [pytest.param(case, marks=TAMPERED_HOLES.get(case, ())) for case in TAMPERED]
)
def test_tampered_link_gives_a_notice_and_a_working_page(reused_app: AppPage, case: str) -> None:
    app = reused_app
    query, notices = TAMPERED[case]
    app.forget()
    app.open(query)
    page = app.page
    expect(page.locator("h1").first).to_contain_text(DEFAULT_TITLE)
    expect(page.locator(".stance-matrix svg.matrix-svg").first).to_be_visible()
    no_exception(page)
    assert app.dialogs == [] and page.evaluate("window.__pwned") is None
    app.assert_quiet()
    alerts = page.get_by_test_id("stAlertContainer")
    for notice in notices:
        expect(alerts.filter(has_text=as_shown(notice)).first).to_be_visible(timeout=2_000)
    # A notice quotes the link; it must not turn it into a link, an image or formatting.
    expect(alerts.locator("a, img, strong, em")).to_have_count(0)
    if case == "markdown":
        app.screenshot("hostile-tampered-link")


def test_a_100_kb_link_gives_a_notice_or_a_plain_refusal(reused_app: AppPage) -> None:
    """Streamlit's web server (Uvicorn with h11) refuses a request line over about 16 KB with
    "400 Bad Request" when it arrives in pieces, before the app can see it; when it arrives whole,
    the app must cut the value with a notice. Either way nothing breaks, and the next link works."""
    app = reused_app
    app.forget()
    page = app.page
    try:
        response = page.goto(f"{app.base_url}/?q={'x' * 100_000}&briefing=..%2F..%2Fetc")
        status = response.status if response is not None else 0
    except PlaywrightError as refused:  # a 400 with no body: Chromium shows its own error page
        assert "ERR_HTTP_RESPONSE_CODE_FAILURE" in str(refused), refused
        status = 400
    assert status in (200, 400), status
    if status == 200:
        app.settle()
        expect(
            page.get_by_test_id("stAlertContainer")
            .filter(has_text=as_shown("The link's 'q' value 'xxxx"))
            .first
        ).to_be_visible()
        expect(page.locator("h1").first).to_contain_text(DEFAULT_TITLE)
        no_exception(page)
    app.forget()
    app.open("?actor=china")
    expect(page.locator("h1").first).to_contain_text(DEFAULT_TITLE)
    no_exception(page)
    app.assert_quiet()


# ------------------------------------------------------------------- nothing outside DASHBOARD_DATA


def test_links_cannot_open_a_briefing_outside_the_data_folder(
    new_hostile_page: Callable[[], AppPage],
    fenced_data: FencedData,
    hostile_server: Server,
) -> None:
    """A valid briefing sits beside the data folder, and a symbolic link inside it leads there;
    no link, however spelled, may show it, nor may the server so much as look at its files."""
    sentinel = str(fenced_data.sentinel)
    links = {
        "../sentinel": "?briefing=../sentinel",
        "encoded, through a briefing": f"?briefing={HOSTILE}%2F..%2F..%2Fsentinel",
        "absolute": "?briefing=" + quote(sentinel, safe=""),
        "symlink-in-data": "?briefing=shortcut",
    }
    app = new_hostile_page()
    page = app.page
    for name, query in links.items():
        app.open(query)
        expect(
            page.get_by_test_id("stAlertContainer").filter(has_text="There is no briefing").first
        ).to_be_visible()
        expect(page.locator("h1").first).to_contain_text("Hostile briefing")
        assert fenced_data.sentinel_title not in page.content(), f"{name}: the sentinel was shown"
        no_exception(page)

    if hostile_server.trace is None:
        pytest.skip("strace is not installed: the titles were checked, the file calls were not")
    calls = hostile_server.file_calls()
    # The trace works: it saw the server read the briefing it serves.
    assert f"{fenced_data.data}/{HOSTILE}/briefing.yaml" in calls
    touched = [
        line for line in calls.splitlines() if "sentinel" in line or f"{fenced_data.data}/shortcut/" in line
    ]
    assert touched == [], "the server touched files outside its data folder"


def test_a_table_file_linked_from_outside_is_not_read(tmp_path: Path) -> None:
    """Whoever can write a briefing folder can leave a link in it: the loader must not follow it
    out of the data folder (its parse errors would be shown on the page, quoting the file)."""
    inside = tmp_path / "data" / HOSTILE
    shutil.copytree(HOSTILE_DATA / HOSTILE, inside)
    outside = tmp_path / "outside.yaml"
    outside.write_text('- id: outsider\n  name: "Read from outside"\n  kind: other\n', encoding="utf-8")
    (inside / "actors.yaml").unlink()
    (inside / "actors.yaml").symlink_to(outside)
    briefing, problems = load_briefing(inside)
    assert "outsider" not in set(briefing.actors["id"])
    assert any("symbolic link" in p.message and p.file.endswith("actors.yaml") for p in problems)
