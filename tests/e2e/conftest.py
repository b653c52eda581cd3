"""Browser fixtures: one Streamlit server and one headless Chromium per session, a fresh page per test.

Every page records its console errors and any request to a host other than this machine, so each
scenario can assert that nothing went wrong in the browser and nothing reached the internet.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    ViewportSize,
    expect,
    sync_playwright,
)

BROWSER_FOLDER = Path(__file__).resolve().parent
PROJECT = BROWSER_FOLDER.parents[1]
SCREENSHOTS = PROJECT / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}
SETTLED = '[data-testid="stApp"][data-test-script-state="notRunning"]'
CONNECTED = '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
DRAWN = """() => !document.querySelector('[data-testid="stSkeleton"]')
  || document.querySelector('[data-testid="stException"]')"""
SERVER_START_SECONDS = 60
VIEWPORT: ViewportSize = {"width": 1400, "height": 1100}

# Counts each time the app enters the "running" state, so a test can wait for the rerun its click
# caused rather than for a state the page may already be in before the click reaches the server.
COUNT_RUNS = """
window.__appRuns = 0;
new MutationObserver((changes) => {
  for (const change of changes) {
    if (change.target.getAttribute('data-test-script-state') === 'running') window.__appRuns++;
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-test-script-state']});
"""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder drives a real browser: `-m "not browser"` leaves them out."""
    for item in items:
        if BROWSER_FOLDER in item.path.parents:
            item.add_marker(pytest.mark.browser)


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

    def open(self, query: str = "") -> None:
        self.page.goto(f"{self.base_url}/{query}")
        self.settle()

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
        self.settle()
        runs = self.page.evaluate("window.__appRuns")
        action()
        self.page.wait_for_function("runs => window.__appRuns > runs", arg=runs)
        self.settle()

    def screenshot(self, name: str) -> Path:
        """Save the viewport (Streamlit scrolls inside the page, so "full page" adds nothing)."""
        self.page.mouse.move(0, 0)  # a chart tooltip left open by a click would hide the chart
        expect(self.page.locator("#vg-tooltip-element.visible")).to_have_count(0)
        SCREENSHOTS.mkdir(exist_ok=True)
        path = SCREENSHOTS / f"e2e-{name}.png"
        self.page.screenshot(path=path)
        return path

    def assert_quiet(self) -> None:
        """Nothing a person would not see went wrong: no console error, no call to the internet."""
        assert self.external_requests == [], "the page reached beyond this machine"
        assert self.console_errors == [], "the browser console logged errors"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.read().decode().strip() == "ok")
    except OSError:
        return False


@pytest.fixture(scope="session")
def chromium() -> Path:
    if CHROMIUM.exists():
        return CHROMIUM
    message = f"{CHROMIUM} is missing: the browser tests drive Debian's Chromium"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; the CI image must install it (apt-get install -y chromium).")
    pytest.skip(f"{message}. Get it with: sudo apt-get install -y chromium")


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard on a free local port, serving the project's own data folder."""
    port = _free_port()
    log_path = tmp_path_factory.mktemp("streamlit") / "server.log"
    env = {**os.environ, "DASHBOARD_DATA": str(PROJECT / "data")}
    command = [
        sys.executable, "-m", "streamlit", "run", "dashboard/app.py",
        "--server.port", str(port),
        "--server.headless", "true",
        "--server.address", "localhost",
        # The code under test is the code at start-up: edits made while the tests run must not
        # reload half the modules in the middle of a scenario.
        "--server.fileWatcherType", "none",
    ]
    with log_path.open("wb") as log:
        server = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=log,
                                  stderr=subprocess.STDOUT)
        base_url = f"http://localhost:{port}"
        try:
            deadline = time.monotonic() + SERVER_START_SECONDS
            while not _healthy(f"{base_url}/_stcore/health"):
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"Streamlit did not start on port {port}; its log:\n"
                                + log_path.read_text(errors="replace")[-3000:])
                time.sleep(0.2)  # polling a process that is starting, not synchronising the app
            yield base_url
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(chromium: Path, playwright_driver: Playwright) -> Iterator[Browser]:
    launched = playwright_driver.chromium.launch(executable_path=str(chromium), headless=True,
                                                 args=CHROMIUM_ARGS)
    yield launched
    launched.close()


@pytest.fixture
def new_app_page(browser: Browser, app_server: str) -> Iterator[Callable[[], AppPage]]:
    """Open pages in fresh browser contexts (no shared cookies or session); closed after the test."""
    contexts: list[BrowserContext] = []

    def open_page() -> AppPage:
        context = browser.new_context(viewport=VIEWPORT, locale="en-GB",
                                      service_workers="block")
        context.set_default_timeout(15_000)
        context.add_init_script(COUNT_RUNS)
        contexts.append(context)
        app = AppPage(context.new_page(), app_server)

        def on_request(url: str) -> None:
            if not _is_local(url):
                app.external_requests.append(url)

        app.page.on("request", lambda request: on_request(request.url))
        app.page.on("websocket", lambda socket: on_request(socket.url))
        app.page.on("console", lambda message: app.console_errors.append(
            f"{message.text} ({message.location.get('url', '')})") if message.type == "error"
            else None)
        app.page.on("pageerror", lambda error: app.console_errors.append(f"uncaught: {error}"))
        # Record, then refuse: nothing the page asks for may leave this machine.
        context.route(lambda url: not _is_local(url), lambda route: route.abort())
        return app

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def app(new_app_page: Callable[[], AppPage]) -> AppPage:
    return new_app_page()
