"""Browser fixtures: Streamlit servers and one headless Chromium per session, a fresh page per test
(in a browser context per module, whose cache the module's pages share).

One server serves the project's data; a second, started only when a test asks for it, serves a
temporary copy of the hostile briefings in fixtures/hostile-data, with a sentinel briefing beside the
copy that no link may open (and, when strace is installed, a trace of every path the server touches).
Every page records its console errors, its dialogs and any request to a host other than this machine,
so each scenario can assert that nothing went wrong in the browser, nothing ran, and nothing reached
the internet.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Dialog,
    Page,
    Playwright,
    ViewportSize,
    expect,
    sync_playwright,
)

from tests.support.browser import (
    CHROMIUM_ARGS,
    CONNECTED,
    DRAWN,
    LOCAL_HOSTS,
    PHONE_AGENT,
    SETTLED,
    SIZES,
    VIEWPORT,
    run_counter,
    run_group,
)
from tests.support.server import Server, ServerDidNotStart, streamlit_server

BROWSER_FOLDER = Path(__file__).resolve().parent
PROJECT = BROWSER_FOLDER.parents[1]
HOSTILE_DATA = BROWSER_FOLDER / "fixtures" / "hostile-data"
SENTINEL_TITLE = "SENTINEL 7f3a: this briefing lies outside the data folder"
SCREENSHOTS = PROJECT / "screenshots"

# How long a page may take to do what a test waits for: a rerun, or an `expect` about the page. CI's
# machine is shared and may be busy (the UN votes' brief once took over 15 s at load 10); Playwright's own
# default for `expect` is 5 s. A wait, not a bound: a page that never gets there still fails.
WAIT_MS = 30_000
expect.set_options(timeout=WAIT_MS)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder drives a real browser: `-m "not browser"` leaves them out.

    The browser tests run in groups (`run_group`; tests/conftest.py's scheduler for `make test`'s
    `--dist loadgroup`): a module each, and the layout and accessibility checks of one briefing at
    one screen size. Those groups come last, each group's tests side by side by view: they are
    small enough to even out the two processes at the end of the run, and a view the page already
    shows is looked at again, not reopened (`AppPage.show`). The order changes how long the run
    takes, never what a test sees: `show` reopens whatever the page does not show."""
    views: list[tuple[tuple[bool, str, str, bool], pytest.Item]] = []
    others: list[pytest.Item] = []
    for item in items:
        if BROWSER_FOLDER in item.path.parents:
            item.add_marker(pytest.mark.browser)
        group = run_group(item.nodeid)
        if group.startswith("views-"):
            params = getattr(item, "callspec", None)
            view = str(params.params.get("view", "matrix")) if params is not None else "matrix"
            # laptop-1440 first (its groups hold both modules' checks), then by group, then by
            # view; a check that adds a script to the page (axe) after those that only look.
            laptop = group.endswith("-laptop-1440")
            views.append(((not laptop, group, view, "axe_source" in getattr(item, "fixturenames", ())), item))
        else:
            others.append(item)
    views.sort(key=lambda pair: pair[0])  # stable: a module's own order within a view
    items[:] = others + [item for _, item in views]


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome-error"):
        return True
    return parts.hostname in LOCAL_HOSTS


@dataclass
class AppPage:
    """A browser page on the dashboard, with what it logged and whom it tried to reach."""

    page: Page
    base_url: str
    console_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)  # alert, confirm, prompt: each one dismissed
    shown: str | None = None  # the link `show` opened, while nothing else has been done to the page

    def listening(self) -> AppPage:
        """Record what the page does that a person would not see."""

        def on_request(url: str) -> None:
            if not _is_local(url):
                self.external_requests.append(url)

        def on_dialog(dialog: Dialog) -> None:
            self.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page = self.page
        page.on("request", lambda request: on_request(request.url))
        page.on("websocket", lambda socket: on_request(socket.url))
        page.on(
            "console",
            lambda message: (
                self.console_errors.append(f"{message.text} ({message.location.get('url', '')})")
                if message.type == "error"
                else None
            ),
        )
        page.on("pageerror", lambda error: self.console_errors.append(f"uncaught: {error}"))
        page.on("dialog", on_dialog)
        return self

    def open(self, query: str = "") -> None:
        self.shown = None
        self.page.goto(f"{self.base_url}/{query}")
        self.settle()

    def show(self, query: str) -> None:
        """Open `query` for a test that only looks at the page (reads it, measures it, checks it,
        saves a screenshot): when the page shows that link already, opened by `show` with nothing
        done to it since (no `open`, no `rerun`), it is looked at again instead of reopened."""
        if self.shown != query:
            self.open(query)
            self.shown = query

    def settle(self) -> None:
        """Wait until the app is connected, its script has finished, and every element is drawn.

        Streamlit fetches some widgets' code on first use and shows a skeleton until it arrives, so
        a finished script is not yet a finished page. A crashed script may leave skeletons behind:
        an exception on the page also ends the wait, for the test to report.
        """
        self.page.wait_for_selector(CONNECTED, state="attached")
        self.page.wait_for_selector(SETTLED, state="attached")
        self.page.wait_for_function(DRAWN)

    def rerun(self, action: Callable[[], object]) -> None:
        """Do something that reruns the script, then wait for that rerun to finish."""
        self.shown = None
        self.settle()
        runs = self.runs
        action()
        # A rerun that saves (an approval writing a briefing) took over 15 s on a loaded CI machine
        # (2026-12-06 20:49 UTC); passed alone and on the next run. It is waited for longer.
        self.page.wait_for_function("runs => window.__runsFinished > runs", arg=runs, timeout=3 * WAIT_MS)
        self.settle()

    @property
    def runs(self) -> int:
        """Runs of the script this page has seen finish, counted from its websocket."""
        return int(self.page.evaluate("() => window.__runsFinished"))

    def screenshot(self, name: str) -> Path:
        """Save the viewport (Streamlit scrolls inside the page, so "full page" adds nothing)."""
        # A tooltip left open by a click or a hover would hide what is under it: the pointer leaves
        # the page's content, and neither the stance matrix's tooltip (hidden when not shown,
        # dashboard/views/matrix_component.js) nor a Vega chart's (the alignment and topic charts)
        # may be showing.
        self.page.mouse.move(0, 0)
        expect(self.page.locator("#matrix-tooltip")).to_be_hidden()
        expect(self.page.locator("#vg-tooltip-element.visible")).to_have_count(0)
        SCREENSHOTS.mkdir(exist_ok=True)
        path = SCREENSHOTS / f"e2e-{name}.png"
        self.page.screenshot(path=path)
        return path

    def forget(self) -> None:
        """Clear what the page recorded, before it is reused for another scenario."""
        self.console_errors.clear()
        self.external_requests.clear()
        self.dialogs.clear()

    def assert_quiet(self) -> None:
        """Nothing a person would not see went wrong: no console error, no call to the internet."""
        assert self.external_requests == [], "the page reached beyond this machine"
        assert self.console_errors == [], "the browser console logged errors"


@contextmanager
def _serving(
    data: Path, folder: Path, *, trace: bool = False, env: dict[str, str] | None = None
) -> Iterator[Server]:
    """The dashboard serving `data` (tests/support/server.py); `env` e.g. starts it for editing."""
    try:
        with streamlit_server(data, folder, trace=trace, env=env) as server:
            yield server
    except ServerDidNotStart as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="session")
def app_server(
    all_briefings: Path, tmp_path_factory: pytest.TempPathFactory, browser: Browser
) -> Iterator[str]:
    """The dashboard on a free local port, serving every briefing: the shipped ones and the
    Bundestag's, built from ../shared. One server for every browser test that needs no other."""
    with _serving(all_briefings, tmp_path_factory.mktemp("streamlit")) as server:
        _open_the_biggest_once(browser, server.base_url, all_briefings)
        yield server.base_url


def _open_the_biggest_once(browser: Browser, base_url: str, data: Path) -> None:
    """Open the UN votes once, with a reader's patience (two minutes), before any test does: its
    first open reads 870,109 positions, which on a busy machine took longer than a test waits for a
    page (a fresh-clone CI run at load 10: the first test to open it timed out after 15 s). The
    tests look at the page; its cold open is measured by benchmarks.quick, not here."""
    if not (data / "unvotes").is_dir():
        return
    with _pages(browser, base_url) as open_page:
        page = open_page().page
        page.goto(f"{base_url}/?briefing=unvotes")
        page.wait_for_selector(CONNECTED, state="attached", timeout=120_000)
        page.wait_for_selector(SETTLED, state="attached", timeout=120_000)
        # the matrix drawn: Vega's chart, or the page's own SVG matrix
        drawn = page.get_by_test_id("stVegaLiteChart").or_(page.locator(".stance-matrix .matrix-body"))
        drawn.first.wait_for(state="attached", timeout=120_000)


@dataclass(frozen=True)
class FencedData:
    """A data folder of hostile briefings, with a briefing beside it that must never be opened."""

    data: Path
    sentinel: Path
    sentinel_title: str = SENTINEL_TITLE


@pytest.fixture(scope="session")
def fenced_data(tmp_path_factory: pytest.TempPathFactory) -> FencedData:
    """<tmp>/data: the hostile briefings, plus `shortcut`, a symbolic link to the sentinel;
    <tmp>/sentinel: a valid briefing outside the data folder, titled SENTINEL_TITLE."""
    root = tmp_path_factory.mktemp("fenced")
    data = root / "data"
    shutil.copytree(HOSTILE_DATA, data)
    sentinel = root / "sentinel"
    # Any valid briefing will do for the sentinel: the first hostile one, given a title of its own.
    shutil.copytree(next(p for p in sorted(HOSTILE_DATA.iterdir()) if p.is_dir()), sentinel)
    (sentinel / "briefing.yaml").write_text(
        f'id: sentinel\ntitle: "{SENTINEL_TITLE}"\nas_of: 2024-11-02\n', encoding="utf-8"
    )
    (data / "shortcut").symlink_to(sentinel, target_is_directory=True)
    return FencedData(data, sentinel)


@pytest.fixture(scope="session")
def hostile_server(fenced_data: FencedData, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A second dashboard, serving the hostile briefings; traced when strace is installed."""
    with _serving(fenced_data.data, tmp_path_factory.mktemp("hostile-server"), trace=True) as server:
        yield server


@pytest.fixture(scope="module")
def edit_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A dashboard started for editing (as `make edit` does) on a copy of the seed briefing."""
    data = tmp_path_factory.mktemp("edit-data")
    shutil.copytree(PROJECT / "data" / "nk-troops-russia", data / "nk-troops-russia")
    with _serving(data, tmp_path_factory.mktemp("edit-server"), env={"DASHBOARD_EDIT": "1"}) as server:
        yield server


@pytest.fixture(scope="module")
def _edit_context(browser: Browser, edit_server: Server) -> Iterator[Callable[[], AppPage]]:
    with _pages(browser, edit_server.base_url, one_context=True) as open_page:
        yield open_page


@pytest.fixture
def new_edit_page(_edit_context: Callable[[], AppPage]) -> Iterator[Callable[[], AppPage]]:
    """Open pages on the editing server, in the module's browser context; closed after the test."""
    with _closing(_edit_context) as open_page:
        yield open_page


@pytest.fixture(scope="module")
def fetching_edit_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """An editing dashboard that may fetch links from this machine (DASHBOARD_FETCH_ALLOW=127.0.0.1),
    for tests that serve articles and feeds on loopback (tests/support/page_server.py)."""
    data = tmp_path_factory.mktemp("fetch-data")
    shutil.copytree(PROJECT / "data" / "nk-troops-russia", data / "nk-troops-russia")
    with _serving(
        data,
        tmp_path_factory.mktemp("fetch-server"),
        env={"DASHBOARD_EDIT": "1", "DASHBOARD_FETCH_ALLOW": "127.0.0.1"},
    ) as server:
        yield server


@pytest.fixture(scope="module")
def _fetching_edit_context(browser: Browser, fetching_edit_server: Server) -> Iterator[Callable[[], AppPage]]:
    with _pages(browser, fetching_edit_server.base_url, one_context=True) as open_page:
        yield open_page


@pytest.fixture
def new_fetching_edit_page(_fetching_edit_context: Callable[[], AppPage]) -> Iterator[Callable[[], AppPage]]:
    """Open pages on the fetching editing server, in the module's browser context; closed after the test."""
    with _closing(_fetching_edit_context) as open_page:
        yield open_page


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(chromium: Path, playwright_driver: Playwright) -> Iterator[Browser]:
    launched = playwright_driver.chromium.launch(
        executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS
    )
    yield launched
    launched.close()


@contextmanager
def _pages(
    browser: Browser,
    base_url: str,
    *,
    one_context: bool = False,
    routed: bool = True,
    viewport: ViewportSize = VIEWPORT,
    user_agent: str | None = None,
) -> Iterator[Callable[[], AppPage]]:
    """Open pages in fresh browser contexts (no shared cookies or session); closed afterwards.

    With `one_context`, the pages share one context and its cache: each still has a Streamlit
    session of its own, and loads faster. They are not routed (Playwright switches the cache off
    for routed contexts): the browser's host rules refuse other hosts instead, and the request log
    still records every attempt, so `assert_quiet` sees it. `routed=False` does the same for a
    fresh context per page: a page that leaves the app and comes back (a sign-in) then loads the
    app's scripts from its cache the second time.
    """
    contexts: list[BrowserContext] = []

    def new_context() -> BrowserContext:
        extra: dict[str, Any] = (
            {"user_agent": user_agent, "is_mobile": True, "has_touch": True} if user_agent else {}
        )
        context = browser.new_context(viewport=viewport, locale="en-GB", service_workers="block", **extra)
        context.set_default_timeout(WAIT_MS)
        context.add_init_script(run_counter())
        if routed and not one_context:
            # Record (below, per page), then refuse: nothing the page asks for may leave this machine.
            context.route(lambda url: not _is_local(url), lambda route: route.abort())
        contexts.append(context)
        return context

    def open_page() -> AppPage:
        context = contexts[0] if one_context and contexts else new_context()
        return AppPage(context.new_page(), base_url).listening()

    try:
        yield open_page
    finally:
        for context in contexts:
            context.close()


@contextmanager
def _closing(open_page: Callable[[], AppPage]) -> Iterator[Callable[[], AppPage]]:
    """Open pages with `open_page` (one module's browser context: `_pages` with `one_context`) and
    close them afterwards, the context staying open for the module's next test. A page is a tab of
    its own: its own Streamlit session, history and listeners, sharing only the context's cache and
    cookies with the module's other pages (a fresh context per test cost about 1.5 s a page, the
    app's scripts and styles fetched again: Playwright routes switch the cache off)."""
    opened: list[AppPage] = []

    def open_closing() -> AppPage:
        app = open_page()
        opened.append(app)
        return app

    try:
        yield open_closing
    finally:
        for app in opened:
            app.page.close()


@pytest.fixture(scope="module")
def _app_context(browser: Browser, app_server: str) -> Iterator[Callable[[], AppPage]]:
    with _pages(browser, app_server, one_context=True) as open_page:
        yield open_page


@pytest.fixture
def new_app_page(_app_context: Callable[[], AppPage]) -> Iterator[Callable[[], AppPage]]:
    """Open pages on the project's data, in the module's browser context; closed after the test."""
    with _closing(_app_context) as open_page:
        yield open_page


@pytest.fixture(scope="module")
def new_hostile_page(browser: Browser, hostile_server: Server) -> Iterator[Callable[[], AppPage]]:
    """Open pages on the hostile briefings, as `new_app_page` does on the project's data; they stay
    open for the whole module, so a view opened once can be examined by several tests."""
    with _pages(browser, hostile_server.base_url, one_context=True) as open_page:
        yield open_page


@pytest.fixture(scope="module")
def reused_app(browser: Browser, app_server: str) -> Iterator[AppPage]:
    """One page on the project's data for a whole module of one-look scenarios: each `open` is a
    fresh Streamlit session, and the browser's cache makes it quick. Call `forget` between them."""
    with _pages(browser, app_server, one_context=True) as open_page:
        yield open_page()


@pytest.fixture
def app(new_app_page: Callable[[], AppPage]) -> AppPage:
    return new_app_page()


@pytest.fixture(scope="session")
def app_at(browser: Browser, app_server: str) -> Iterator[Callable[[str], AppPage]]:
    """One page per screen size in SIZES ("laptop-1440", "laptop-1280", "phone-390"), kept for the
    session, so the layout and the accessibility tests of one view at one size look at one opened
    page (`AppPage.show`); the phone's browser says it is a phone, as a real one does."""
    pages: dict[str, AppPage] = {}
    with ExitStack() as stack:

        def at(size: str) -> AppPage:
            if size not in pages:
                agent = PHONE_AGENT if size.startswith("phone") else None
                opener = stack.enter_context(
                    _pages(browser, app_server, one_context=True, viewport=SIZES[size], user_agent=agent)
                )
                pages[size] = opener()
            return pages[size]

        yield at
