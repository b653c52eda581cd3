"""Speed in the browser: the dashboard against a bare Streamlit page, in headless Chromium, in one run.

Two servers run side by side on loopback, both serving the same data folder (the shipped briefings and
the Bundestag's, built from ../shared): the dashboard, and benchmarks/bare_page.py, which loads the same
briefing through the same cache, has an Actors box with the same key and label in its sidebar, and
shows the filtered positions with st.dataframe. For each briefing:

- warm open: one throwaway open of each page first (the server loads the briefing), then OPENS opens
  of a link to the briefing, each in a fresh browser context (a browser meeting the page for the
  first time: Streamlit's 4 MB of scripts fetched and compiled), timed from navigation to the matrix
  drawn: the server's "script finished" has reached the page (read from its websocket), the page is
  connected and not running, no skeleton is left, the dashboard's Vega chart has its SVG or canvas
  (the bare page: its data grid has its canvas), and the browser has gone idle; then OPENS more,
  each in a new tab of one browser context that has opened the page before (its cache holds the
  scripts and fonts), as a reader who already has the dashboard open opens a colleague's link;
- actor change: CHANGES changes in the sidebar's Actors box, in rounds of four: pick an actor, pick a
  second, Backspace, Backspace. Each is timed from the option click or key press to the page settled
  as above, for the rerun it caused; typing the name into the box first is not timed;
- server CPU per change: user plus system time of the server's process tree (/proc/<pid>/stat),
  summed over the changes' windows and divided by their count. The server also times its own script
  runs, so a slow script can be told from the rest of the server's work (websocket, serialising).

The dashboard and the bare page alternate, open by open and change by change, the order swapped
every round, so whatever else the shared 2-core machine is doing hits both alike. Medians throughout.
Prints a table, says which of issue 11's targets are met, writes benchmarks/results/browser_speed.json.
Exits 1 when a measurement failed (a timeout, an exception on the page), not when a target is missed.

Run: `make bench-browser`, or `python -m benchmarks.browser_speed [--opens 15] [--changes 21]
[BRIEFING ...]`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from playwright.async_api import Browser, BrowserContext, Page, async_playwright
from playwright.async_api import TimeoutError as PlaywrightTimeout

# One server launcher, one set of browser flags and page states, one run counter for every benchmark.
from tests.support.briefings import BUNDESTAG, data_folder
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS
from tests.support.load import (
    SCENARIOS,
    SERVER_BOOT,
    cpu_seconds,
    new_reader,
    process_tree,
    run_finished,
    settle,
)
from tests.support.server import streamlit_server

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "browser_speed.json"

BARE_SCRIPT = "benchmarks/bare_page.py"
SEED = "nk-troops-russia"
UNVOTES = "unvotes"
# Actors a reader of each briefing might pick, by their names as the Actors box lists them.
ACTORS: dict[str, tuple[str, ...]] = {
    **{briefing: tuple(name for _, name in scenario.actors) for briefing, scenario in SCENARIOS.items()},
    BUNDESTAG: (
        "SPD",
        "GRÜNE",
        "CDU / CSU",
        "FDP",
        "AfD",
        "Die Linke",
        "BSW",
        "FREIE WÄHLER",
        "Volt",
        "ÖDP",
        "PIRATEN",
        "SSW",
    ),
}
WARM_SECONDS = 300  # the UN votes briefing's first load takes several seconds, more on a busy machine
STEP_SECONDS = 120  # one open or one change; past this it counts as failed
# The browser has run every task the last message queued (Vega renders in promise callbacks and
# animation frames); the timeout keeps a page that is never idle from hanging the benchmark.
IDLE = "() => new Promise(done => requestIdleCallback(() => done(), {timeout: 2000}))"
EXCEPTION = '[data-testid="stException"]'


@dataclass(frozen=True)
class Target:
    """One of the issue's targets: a figure of one briefing, at most `limit` (ms, or a ratio)."""

    briefing: str
    figure: str  # a key of a briefing's result
    limit: float
    words: str

    def check(self, result: dict[str, Any]) -> tuple[bool | None, str]:
        value = result.get(self.figure)
        if value is None:
            return None, f"{self.words}: not measured"
        met = float(value) <= self.limit
        unit = "×" if "ratio" in self.figure else " ms"
        shown = f"{value:.2f}×" if unit == "×" else f"{value:.0f} ms"
        return met, f"{self.words} ≤ {self.limit:g}{unit}: {shown} — {'met' if met else 'MISSED'}"


TARGETS = (
    Target(SEED, "app_open_ms", 1000, "seed warm open"),
    Target(SEED, "open_ratio", 2.0, "seed warm open against the bare page"),
    Target(SEED, "change_ratio", 1.3, "seed actor change against the bare page"),
    Target(SEED, "cpu_ratio", 1.5, "seed server CPU per change against the bare page"),
    Target(UNVOTES, "app_open_ms", 2000, "UN votes warm open"),
    Target(UNVOTES, "app_change_ms", 600, "UN votes actor change"),
)


@dataclass(frozen=True)
class Side:
    """One of the two pages under test: where it is served, and what shows that it is drawn."""

    name: str  # "app" or "bare"
    base_url: str
    pids: frozenset[int]  # the server's process tree
    script_log: Path  # the server's own timing of each script run (SERVER_BOOT, tests/support/load.py)
    drawn: str  # a selector that matches once the matrix (or the grid) is on the page

    def link(self, briefing: str) -> str:
        return f"{self.base_url}/?{urlencode({'briefing': briefing})}"

    def script_ms(self, windows: list[tuple[float, float]]) -> list[float]:
        """The durations of the script runs that started inside any of these monotonic windows."""
        if not self.script_log.exists():
            return []
        found = []
        for line in self.script_log.read_text().splitlines():
            began, seconds = (float(n) for n in line.split())
            if any(start <= began <= end for start, end in windows):
                found.append(seconds * 1000)
        return found


# The matrix drawn: Vega's <svg class="marks"> or <canvas> (a tree before 2026-12-06's SVG matrix), or
# the page's own SVG once its script has put it in place (dashboard/views/matrix_component.js).
APP_DRAWN = '[data-testid="stVegaLiteChart"] .marks, .stance-matrix .matrix-body'
BARE_DRAWN = '[data-testid="stDataFrame"] canvas'


@dataclass
class Series:
    """What one page measured for one briefing."""

    open_ms: list[float] = field(default_factory=list)  # fresh browser context each time
    cached_open_ms: list[float] = field(default_factory=list)  # a browser that has the page cached
    change_ms: list[float] = field(default_factory=list)
    change_kinds: list[str] = field(default_factory=list)
    cpu_s: float = 0.0  # the server's CPU over the changes' windows
    windows: list[tuple[float, float]] = field(default_factory=list)  # each change, monotonic
    errors: list[str] = field(default_factory=list)


class StepFailed(Exception):
    pass


async def drawn(page: Page, side: Side) -> None:
    """Settled (connected, not running, no skeleton), the matrix or grid drawn, the browser idle."""
    await settle(page)
    # a locator's wait, not wait_for_selector: that returns a handle to the node, which keeps it and
    # its subtree alive in the page; a drawing replaced at each change (the SVG matrix) then counted
    # as detached nodes the page itself does not keep
    await page.locator(side.drawn).first.wait_for(state="attached")
    await page.evaluate(IDLE)
    if await page.locator(EXCEPTION).count():
        text = await page.locator(EXCEPTION).first.inner_text()
        raise StepFailed(f"exception on the page: {text[:300]}")


async def open_once(browser: Browser, side: Side, briefing: str, timeout_s: float) -> float:
    """Open a link to the briefing in a fresh context; milliseconds until the matrix is drawn."""
    context, page = await new_reader(browser, timeout_s * 1000)
    try:
        return await _timed_open(page, side, briefing)
    finally:
        await context.close()


async def open_in(context: BrowserContext, side: Side, briefing: str) -> float:
    """Open a link to the briefing in a new tab of a browser that has opened the page before (its
    cache holds Streamlit's scripts and fonts): each tab is a new Streamlit session."""
    page = await context.new_page()
    try:
        return await _timed_open(page, side, briefing)
    finally:
        await page.close()


async def _timed_open(page: Page, side: Side, briefing: str) -> float:
    start = time.perf_counter()
    await page.goto(side.link(briefing))
    await run_finished(page, 0)  # a new document: its run counter starts from 0
    await drawn(page, side)
    return (time.perf_counter() - start) * 1000


def actors_box(page: Page) -> Any:
    return page.get_by_test_id("stSidebar").get_by_role("combobox", name="Actors", exact=True)


def actor_chips(page: Page) -> Any:
    box = page.get_by_role("combobox", name="Actors", exact=True)  # inside the multiselect
    return (
        page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has=box).locator("[data-tag]")
    )


def _option(page: Page, name: str) -> Any:
    # The dashboard labels an actor by name, then any aliases in brackets: "China (PRC · 中国 · …)".
    # Playwright hands the pattern to the page as a /literal/, so a slash in a name must be escaped.
    literal = re.escape(name).replace("/", r"\/")
    return page.get_by_role("option", name=re.compile(rf"^{literal}( \(|$)"))


@dataclass(frozen=True)
class Change:
    """One actor change: `prepare` is untimed (typing a name), `act` is timed up to the page settled."""

    kind: str
    prepare: Callable[[Page], Awaitable[object]]
    act: Callable[[Page], Awaitable[object]]
    chips_after: int  # actors in the box once it is done: shows the change took effect


def plan(briefing: str, changes: int) -> list[Change]:
    """Rounds of four: pick an actor, pick another, Backspace, Backspace; each round two new actors.

    So each pick asks for a selection the server has not seen (as a reader exploring does), and each
    Backspace steps back to one it has (as a reader going back does): the dashboard's caches of
    recent selections are cold for the first and warm for the second, and the table shows both.
    """
    names = ACTORS[briefing]

    def pick(name: str, chips_after: int) -> Change:
        async def prepare(page: Page) -> None:
            await actors_box(page).fill(name)
            await _option(page, name).wait_for(state="visible")

        async def act(page: Page) -> None:
            await _option(page, name).click()

        return Change("pick", prepare, act, chips_after)

    def backspace(chips_after: int) -> Change:
        async def prepare(page: Page) -> None:
            await page.keyboard.press("Escape")  # the list a pick left open closes; no rerun
            await actors_box(page).focus()

        async def act(page: Page) -> None:
            await page.keyboard.press("Backspace")  # removes the last chosen actor

        return Change("backspace", prepare, act, chips_after)

    steps = []
    for number in range(changes):
        round_, step = divmod(number, 4)
        first, second = names[2 * round_ % len(names)], names[(2 * round_ + 1) % len(names)]
        steps.append([pick(first, 1), pick(second, 2), backspace(1), backspace(0)][step])
    return steps


async def change_once(page: Page, side: Side, change: Change, series: Series) -> None:
    """Make one change, timed from the action to the page settled; the server's CPU over it."""
    await drawn(page, side)
    await change.prepare(page)
    before = await page.evaluate("() => window.__runsFinished")
    cpu_before = cpu_seconds(set(side.pids))
    began = time.monotonic()
    start = time.perf_counter()
    await change.act(page)
    await run_finished(page, before)
    await drawn(page, side)
    elapsed = (time.perf_counter() - start) * 1000
    series.cpu_s += cpu_seconds(set(side.pids)) - cpu_before
    series.windows.append((began, time.monotonic()))
    chips = await actor_chips(page).count()
    if chips != change.chips_after:
        raise StepFailed(f"{change.kind}: {chips} actors in the box, expected {change.chips_after}")
    series.change_ms.append(elapsed)
    series.change_kinds.append(change.kind)


async def _step(series: Series, what: str, step: Awaitable[Any]) -> Any:
    try:
        return await step
    except (PlaywrightTimeout, StepFailed) as failure:
        series.errors.append(f"{what}: {str(failure).splitlines()[0][:300]}")
        return None


def _rounds(count: int, sides: tuple[Side, Side]) -> Iterator[tuple[int, Side]]:
    """Both pages each round, the order swapped every round (app, bare; bare, app; ...)."""
    for number in range(count):
        for side in sides if number % 2 == 0 else sides[::-1]:
            yield number, side


async def measure(
    browser: Browser, sides: tuple[Side, Side], briefing: str, opens: int, changes: int
) -> dict[str, Any]:
    series = {side.name: Series() for side in sides}
    print(f"{briefing}: warming both servers ...", file=sys.stderr, flush=True)
    for side in sides:
        await _step(series[side.name], "warm open", open_once(browser, side, briefing, WARM_SECONDS))
    print(f"{briefing}: {opens} opens of each page ...", file=sys.stderr, flush=True)
    for number, side in _rounds(opens, sides):
        ms = await _step(
            series[side.name], f"open {number + 1}", open_once(browser, side, briefing, STEP_SECONDS)
        )
        if ms is not None:
            series[side.name].open_ms.append(ms)
    await measure_cached_opens(browser, sides, briefing, opens, series)
    await measure_changes(browser, sides, briefing, changes, series)
    return summarise(briefing, sides, series)


async def measure_cached_opens(
    browser: Browser, sides: tuple[Side, Side], briefing: str, opens: int, series: dict[str, Series]
) -> None:
    """Opens in a browser that has opened the page once before, a new tab each time."""
    print(
        f"{briefing}: {opens} opens of each page in a browser that has it cached ...",
        file=sys.stderr,
        flush=True,
    )
    browsers = {}
    for side in sides:
        context, page = await new_reader(browser, STEP_SECONDS * 1000)
        await _step(series[side.name], "first open of the cached browser", _timed_open(page, side, briefing))
        await page.close()
        browsers[side.name] = context
    for number, side in _rounds(opens, sides):
        ms = await _step(
            series[side.name], f"cached open {number + 1}", open_in(browsers[side.name], side, briefing)
        )
        if ms is not None:
            series[side.name].cached_open_ms.append(ms)
    for context in browsers.values():
        await context.close()


async def measure_changes(
    browser: Browser, sides: tuple[Side, Side], briefing: str, changes: int, series: dict[str, Series]
) -> None:
    print(f"{briefing}: {changes} actor changes on each page ...", file=sys.stderr, flush=True)
    pages = {}
    for side in sides:
        context, page = await new_reader(browser, STEP_SECONDS * 1000)
        await page.goto(side.link(briefing))
        await run_finished(page, 0)
        await drawn(page, side)
        pages[side.name] = (context, page)
    steps = plan(briefing, changes)
    broken: set[str] = set()
    for number, side in _rounds(changes, sides):
        if side.name in broken:
            continue  # the page is in an unknown state: what follows would only repeat the error
        done = await _step(
            series[side.name],
            f"change {number + 1} ({steps[number].kind})",
            change_once(pages[side.name][1], side, steps[number], series[side.name]),
        )
        if done is None and series[side.name].errors:
            broken.add(side.name)
    for context, _ in pages.values():
        await context.close()


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def _ratio(app: float | None, bare: float | None) -> float | None:
    return round(app / bare, 2) if app is not None and bare else None


def summarise(briefing: str, sides: tuple[Side, Side], series: dict[str, Series]) -> dict[str, Any]:
    result: dict[str, Any] = {"briefing": briefing}
    for side in sides:
        measured = series[side.name]
        n = len(measured.change_ms)
        script = side.script_ms(measured.windows)
        result.update(
            {
                f"{side.name}_open_ms": _median(measured.open_ms),
                f"{side.name}_cached_open_ms": _median(measured.cached_open_ms),
                f"{side.name}_change_ms": _median(measured.change_ms),
                f"{side.name}_cpu_ms_per_change": round(measured.cpu_s * 1000 / n, 1) if n else None,
                f"{side.name}_script_ms": _median(script),
                f"{side.name}_runs_per_change": round(len(script) / n, 2) if n else None,
                f"{side.name}_change_ms_by_kind": {
                    kind: _median(
                        [
                            ms
                            for ms, k in zip(measured.change_ms, measured.change_kinds, strict=True)
                            if k == kind
                        ]
                    )
                    for kind in dict.fromkeys(measured.change_kinds)
                },
                f"{side.name}_samples": {
                    "open_ms": [round(ms, 1) for ms in measured.open_ms],
                    "cached_open_ms": [round(ms, 1) for ms in measured.cached_open_ms],
                    "change_ms": [round(ms, 1) for ms in measured.change_ms],
                    "change_kinds": measured.change_kinds,
                },
                f"{side.name}_errors": measured.errors,
            }
        )
    result["open_ratio"] = _ratio(result["app_open_ms"], result["bare_open_ms"])
    result["cached_open_ratio"] = _ratio(result["app_cached_open_ms"], result["bare_cached_open_ms"])
    result["change_ratio"] = _ratio(result["app_change_ms"], result["bare_change_ms"])
    result["cpu_ratio"] = _ratio(result["app_cpu_ms_per_change"], result["bare_cpu_ms_per_change"])
    return result


# --- the servers -------------------------------------------------------------------------------------


@contextmanager
def servers(data: Path, folder: Path) -> Iterator[tuple[Side, Side]]:
    """The dashboard and the bare page, each on a loopback port of its own, each timing its runs."""
    with ExitStack() as stack:
        pages = []
        for name, script, drawn_selector in (
            ("app", "dashboard/app.py", APP_DRAWN),
            ("bare", BARE_SCRIPT, BARE_DRAWN),
        ):
            (folder / name).mkdir()
            runs = folder / name / "script-runs.log"
            server = stack.enter_context(
                streamlit_server(
                    data,
                    folder / name,
                    boot=("-c", SERVER_BOOT),
                    address="127.0.0.1",
                    script=script,
                    env={"LOAD_TEST_RUN_LOG": str(runs)},
                )
            )
            pages.append(
                Side(name, server.base_url, frozenset(process_tree(server.pid)), runs, drawn_selector)
            )
        yield pages[0], pages[1]


# --- the command line --------------------------------------------------------------------------------


def _fmt(value: Any, suffix: str = "") -> str:
    return "-" if value is None else f"{value:,.0f}{suffix}" if suffix != "×" else f"{value:.2f}×"


def table(results: list[dict[str, Any]]) -> str:
    columns = [
        ("briefing", 18),
        ("open app", 10),
        ("bare", 8),
        ("×", 7),
        ("change app", 12),
        ("bare", 8),
        ("×", 7),
        ("CPU/chg app", 13),
        ("bare", 8),
        ("×", 7),
        ("script app", 12),
        ("bare", 8),
    ]
    lines = [
        "".join(
            f"{name:<{width}}" if i == 0 else f"{name:>{width}}" for i, (name, width) in enumerate(columns)
        )
    ]
    for r in results:
        cells = [
            r["briefing"],
            _fmt(r["app_open_ms"]),
            _fmt(r["bare_open_ms"]),
            _fmt(r["open_ratio"], "×"),
            _fmt(r["app_change_ms"]),
            _fmt(r["bare_change_ms"]),
            _fmt(r["change_ratio"], "×"),
            _fmt(r["app_cpu_ms_per_change"]),
            _fmt(r["bare_cpu_ms_per_change"]),
            _fmt(r["cpu_ratio"], "×"),
            _fmt(r["app_script_ms"]),
            _fmt(r["bare_script_ms"]),
        ]
        lines.append(
            "".join(
                f"{cell:<{width}}" if i == 0 else f"{cell:>{width}}"
                for i, (cell, (_, width)) in enumerate(zip(cells, columns, strict=True))
            )
        )
    return "\n".join(lines)


def opens_table(results: list[dict[str, Any]]) -> str:
    """Opens two ways: a browser meeting the page for the first time, and one that has it cached."""
    lines = [f"{'open':<18}{'fresh app':>11}{'bare':>8}{'×':>7}{'cached app':>12}{'bare':>8}{'×':>7}"]
    for r in results:
        cells = [
            _fmt(r["app_open_ms"]),
            _fmt(r["bare_open_ms"]),
            _fmt(r["open_ratio"], "×"),
            _fmt(r["app_cached_open_ms"]),
            _fmt(r["bare_cached_open_ms"]),
            _fmt(r["cached_open_ratio"], "×"),
        ]
        widths = (11, 8, 7, 12, 8, 7)
        lines.append(
            f"{r['briefing']:<18}" + "".join(f"{c:>{w}}" for c, w in zip(cells, widths, strict=True))
        )
    return "\n".join(lines)


def kinds_table(results: list[dict[str, Any]]) -> str:
    """Actor changes by kind: a pick asks for a new selection, a Backspace returns to a recent one."""
    lines = [
        f"{'change by kind':<18}{'pick app':>10}{'bare':>8}{'×':>7}{'backspace app':>15}{'bare':>8}{'×':>7}"
    ]
    for r in results:
        cells = []
        for kind in ("pick", "backspace"):
            app, bare = r["app_change_ms_by_kind"].get(kind), r["bare_change_ms_by_kind"].get(kind)
            cells += [_fmt(app), _fmt(bare), _fmt(_ratio(app, bare), "×")]
        widths = (10, 8, 7, 15, 8, 7)
        lines.append(
            f"{r['briefing']:<18}" + "".join(f"{c:>{w}}" for c, w in zip(cells, widths, strict=True))
        )
    return "\n".join(lines)


def verdicts(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_briefing = {r["briefing"]: r for r in results}
    found = []
    for target in TARGETS:
        if target.briefing not in by_briefing:
            continue
        met, words = target.check(by_briefing[target.briefing])
        found.append({**asdict(target), "met": met, "words": words})
    return found


def arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "briefings",
        nargs="*",
        help="briefing ids (default: every one in the data "
        "folder, the Bundestag's included where ../shared is there)",
    )
    parser.add_argument("--opens", type=int, default=15, help="timed opens of each page (default 15)")
    parser.add_argument(
        "--changes", type=int, default=21, help="timed actor changes on each page (default 21)"
    )
    parser.add_argument("--output", type=Path, default=RESULTS, help=f"JSON file (default {RESULTS})")
    args = parser.parse_args(argv)
    if not (1 <= args.opens <= 100 and 1 <= args.changes <= 100):
        parser.error("--opens and --changes must be 1-100")
    unknown = [b for b in args.briefings if b not in ACTORS]
    if unknown:
        parser.error(f"no actors to pick are known for {', '.join(unknown)}: add them to ACTORS")
    return args


async def _run(
    args: argparse.Namespace, sides: tuple[Side, Side], briefings: list[str]
) -> list[dict[str, Any]]:
    async with async_playwright() as driver:
        browser = await driver.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            return [
                await measure(browser, sides, briefing, args.opens, args.changes) for briefing in briefings
            ]
        finally:
            await browser.close()


def main(argv: list[str]) -> int:
    args = arguments(argv)
    # Stopped with SIGTERM, leave as after Ctrl-C: the servers' process groups and the browser closed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if not CHROMIUM.exists():
        print(
            f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)", file=sys.stderr
        )
        return 2
    started = datetime.now(UTC)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="browser-speed-") as folder:
        data = data_folder(Path(folder) / "data")
        # The seed first, then the UN votes (the briefings with targets), then the rest.
        available = sorted(
            (p.name for p in data.iterdir() if p.is_dir() and p.name in ACTORS),
            key=lambda b: (b != SEED, b != UNVOTES, b),
        )
        briefings = args.briefings or available
        with servers(data, Path(folder)) as sides:
            results = asyncio.run(_run(args, sides, briefings))
    load_after = os.getloadavg()
    print(table(results))
    print()
    print(kinds_table(results))
    print()
    print(opens_table(results))
    print(
        f"\nMedians in ms of {args.opens} warm opens (link to matrix drawn, fresh browser context "
        f"each) and {args.changes} actor changes (pick or Backspace in the Actors box to settled "
        "page) per page; CPU/chg: the server's CPU ms per change; script: the server's own median "
        "script run during the changes. ×: dashboard over bare page, same run, alternating."
    )
    print(
        f"Measured {started:%Y-%m-%d %H:%M} UTC on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load average {load_before[0]:.1f} at the start, "
        f"{load_after[0]:.1f} at the end.\n"
    )
    found = verdicts(results)
    for verdict in found:
        print(verdict["words"])
    errors = [
        f"{r['briefing']} {name}: {error}"
        for r in results
        for name in ("app", "bare")
        for error in r[f"{name}_errors"]
    ]
    for error in errors:
        print(f"FAILED {error}")
    met = [v for v in found if v["met"]]
    print(f"\n{len(met)} of {len(found)} targets met.")
    document = {
        "measured": started.isoformat(timespec="seconds"),
        "command": "python -m benchmarks.browser_speed " + " ".join(argv),
        "machine": f"{platform.machine()}, Python {platform.python_version()}, {os.cpu_count()} cores, "
        f"load average {load_before[0]:.2f} at the start, {load_after[0]:.2f} at the end",
        "client": f"Playwright {_playwright_version()} driving {CHROMIUM}, headless, on the same machine",
        "opens": args.opens,
        "changes": args.changes,
        "results": results,
        "targets": found,
        "errors": errors,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    temporary = args.output.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    temporary.replace(args.output)  # a reader never sees half a file
    print(f"wrote {args.output}")
    return 1 if errors else 0


def _playwright_version() -> str:
    from importlib.metadata import version

    return version("playwright")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
