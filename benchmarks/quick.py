"""Quick as a bare page (issue 24): every figure of the issue in one run, the dashboard beside a bare
Streamlit page and, with --before REV, beside the dashboard as it was at REV.

Pages under test, each on a Streamlit server of its own on loopback, all serving the project's data:
- `after`: the dashboard in this working tree;
- `before` (with --before REV): the dashboard of commit REV, exported with `git archive` into a
  temporary folder and served from there (PYTHONPATH puts its `dashboard` package first), so a change
  is measured against its baseline in the same run, on the same busy machine;
- `bare`: benchmarks/bare_page.py, the least a page showing the positions can do (same cache, an
  Actors box, the filtered positions in st.dataframe).

Figures, every one a median, the pages alternating step by step (the order swapped each round):
- seed open: a link to the seed briefing in a fresh browser context, to the page settled, the matrix
  (the bare page: its grid) drawn and the browser idle (as in browser_speed.py);
- actor change: a pick or a Backspace in the sidebar's Actors box, to the page settled; the server's
  CPU (its process tree, /proc) per change;
- cell click: a click on a matrix cell not opened before (the seed, whole), to the cell's evidence
  drawn; its server CPU. Its bare counterpart is the bare page's rerun: its actor change;
- view switch: Stance matrix -> Actor cards -> Stance matrix, each to the page settled;
- UN cold open: a server started for the purpose, then at once a link to the UN votes, to the matrix
  drawn (Streamlit's first script run imports the page's modules and loads 870,109 positions); with
  the briefing prepared by an earlier server of the same code (dashboard/prepared.py: each tree
  keeps its own folder, the bare page shares the working tree's), and with nothing prepared (the
  first start after a change to the briefing or the loading code), interleaved;
- UN warm open and actor change, as for the seed;
- memory per session: the server's RSS with the UN votes open in one tab, then in SESSIONS tabs at
  once: (RSS with SESSIONS - RSS with one) / (SESSIONS - 1);
- CLI cold start: `python -m dashboard check`, `agreement`, `note` (Markdown) on the seed and
  `extract` of a 300-word article, each a new process, wall clock and peak RSS (/usr/bin/time); the
  floor is a process that only imports pandas;
- detached DOM nodes: one page, DOM_CHANGES actor changes; at the open, after the first round of four
  and after whole rounds near each quarter, two forced garbage collections (CDP
  HeapProfiler.collectGarbage), then Chromium's count of DOM nodes alive in the renderer
  (Memory.getDOMCounters) less the nodes in the document: what is left is nodes detached from the
  page and still referenced (and the user-agent shadow trees of form controls, which no script can
  walk: constant). After whole rounds the selection is the open's (no actor chosen), so the counts
  compare like with like. Growth is the last count less the count after the first round (the first
  change settles what the open left pending: 300 to 1,150 nodes from one run to the next).

Prints one table (Markdown, for docs/performance.md) with the issue's targets and whether each is met,
and writes benchmarks/results/quick.json. Exits 1 when a measurement failed (a timeout, an exception
on the page), not when a target is missed.

Run: `make bench-quick`, or `python -m benchmarks.quick [--before REV] [--rounds 9] [--changes 12]
[--dom-changes 100] [--only seed,cell,views,un-cold,un,memory,cli,dom]`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from playwright.async_api import Browser, CDPSession, Page, async_playwright
from playwright.async_api import TimeoutError as PlaywrightTimeout

from benchmarks.browser_speed import (
    APP_DRAWN,
    BARE_DRAWN,
    BARE_SCRIPT,
    IDLE,
    SEED,
    UNVOTES,
    Change,
    Side,
    StepFailed,
    drawn,
    plan,
)
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS
from tests.support.load import (
    SERVER_BOOT,
    cpu_seconds,
    new_reader,
    process_tree,
    rss_kb,
    run_finished,
    settle,
)
from tests.support.server import streamlit_server

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "quick.json"
DATA = ROOT / "data"
ARTICLE = ROOT / "benchmarks" / "devsets" / "en-official" / "en-eeas-2024-06-24-borrell-fac-remarks.txt"
STEP_SECONDS = 120
COLD_SECONDS = 300
MATRIX = "Stance matrix & quotes"
CARDS = "Actor cards"
SESSIONS = 5
# A matrix cell, drawn by Vega (a tree before 2026-12-06's SVG matrix) or by the page's own SVG.
CELL = '[data-testid="stVegaLiteChart"] path[aria-roledescription="rect mark"], .stance-matrix rect.cell'
EXCEPTION = '[data-testid="stException"]'
PARTS = ("seed", "cell", "views", "un-cold", "un", "memory", "cli", "dom")
# Every node the document holds (elements, text, comments), shadow roots included: what
# Memory.getDOMCounters counts as alive is these and whatever is detached but still referenced.
LIVE_NODES = """() => {
  let count = 0;
  const walk = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    for (let node = walker.currentNode; node; node = walker.nextNode()) {
      count++;
      if (node.shadowRoot) walk(node.shadowRoot);
    }
  };
  walk(document);
  return count;
}"""
# Streamlit's websocket messages since the last reset: the elements a rerun sends, among them, and
# their bytes (a message sent before goes as a reference to it: a few dozen bytes).
MESSAGE_COUNTER = """
(() => {
  window.__messages = 0;
  window.__bytes = 0;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      if (String(args[0]).includes('/_stcore/stream'))
        this.addEventListener('message', (event) => {
          window.__messages++;
          const data = event.data;
          window.__bytes += data.byteLength ?? data.size ?? data.length ?? 0;
        });
    }
  };
})();
"""


# `python -c` puts the working directory (this project) first on the path, before PYTHONPATH: a
# server of an exported commit would import this tree's `dashboard` package and run only its own
# app.py (so it did until 2026-12-06). Dropped, its PYTHONPATH comes first; this tree's package is
# still found through its editable install.
TREE_FIRST = "import sys\nif sys.path and sys.path[0] == '':\n    del sys.path[0]\n"
# As `python -m dashboard serve` starts a server: the page's modules imported before it answers, for
# a tree that does so (dashboard.serve_cli.preload); an older commit starts as it did then.
SERVED_AS_MAKE_RUN = (
    "try:\n    from dashboard.serve_cli import preload\nexcept ImportError:\n    pass\nelse:\n    preload()\n"
)


@dataclass(frozen=True)
class Tree:
    """A copy of the project to serve and run commands from: this working tree or an exported commit."""

    name: str  # "after" or "before"
    root: Path
    label: str  # what it is, for the table: "working tree" or the commit

    def env(self) -> dict[str, str]:
        # The exported commit's `dashboard` package before the editable install of this tree's.
        return {"PYTHONPATH": str(self.root)} if self.root != ROOT else {}


@dataclass
class Figures:
    """What one page measured: lists of samples in ms (or MB), by figure."""

    samples: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def add(self, figure: str, value: float) -> None:
        self.samples.setdefault(figure, []).append(value)

    def median(self, figure: str) -> float | None:
        values = self.samples.get(figure)
        return statistics.median(values) if values else None


@dataclass
class Pages:
    """The long-running servers of one run, by page name, and what each measured."""

    sides: dict[str, Side]
    figures: dict[str, Figures]

    def order(self, number: int) -> list[Side]:
        sides = list(self.sides.values())
        return sides if number % 2 == 0 else sides[::-1]

    def apps(self, number: int) -> list[Side]:
        return [side for side in self.order(number) if side.name != "bare"]


# --- servers ------------------------------------------------------------------------------------------


def script_for(side: str, trees: dict[str, Tree]) -> tuple[str, dict[str, str], str]:
    """The script a page runs, its environment, and what shows it is drawn."""
    if side == "bare":
        return BARE_SCRIPT, {}, BARE_DRAWN
    tree = trees[side]
    return str(tree.root / "dashboard" / "app.py"), tree.env(), APP_DRAWN


@contextmanager
def server(side: str, trees: dict[str, Tree], folder: Path, prepared: Path | None = None) -> Iterator[Side]:
    """One page on a loopback port, timing its script runs (SERVER_BOOT, tests/support/load.py).
    `prepared`: where it keeps validated briefings (dashboard/prepared.py); by default the run's
    folder for its code (beside `folder`, `prepared_for`)."""
    script, env, drawn_selector = script_for(side, trees)
    folder.mkdir(parents=True)
    env = {**env, "DASHBOARD_PREPARED": str(prepared or prepared_for(side, folder.parent))}
    runs = folder / "script-runs.log"
    with streamlit_server(
        DATA,
        folder,
        boot=("-c", TREE_FIRST + SERVED_AS_MAKE_RUN + SERVER_BOOT),
        address="127.0.0.1",
        script=script,
        env={**env, "LOAD_TEST_RUN_LOG": str(runs)},
    ) as running:
        yield Side(side, running.base_url, frozenset(process_tree(running.pid)), runs, drawn_selector)


def prepared_for(side: str, run: Path) -> Path:
    """The run's folder of validated briefings for a page's code: one per tree, the bare page sharing
    the working tree's (it loads through that tree's cache). Shared by two trees whose loading code
    differs, each server would find the other's copy, read and validate the files and keep its own
    over it: a "prepared" open after the other tree's was an unprepared one (the bimodal prepared
    cold opens of 2026-12-06, 2.5-3.2 s or 4.2-4.9 s: docs/performance.md)."""
    return run / f"prepared-{'after' if side == 'bare' else side}"


@contextmanager
def exported(rev: str, folder: Path) -> Iterator[Tree]:
    """The project as it was at `rev`, written out with `git archive` (the repository is only read)."""
    commit = subprocess.run(
        ["git", "rev-parse", "--short", rev], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()
    folder.mkdir(parents=True)
    archive = subprocess.Popen(["git", "archive", commit], cwd=ROOT, stdout=subprocess.PIPE)
    subprocess.run(["tar", "-x", "-C", str(folder)], stdin=archive.stdout, check=True)
    if archive.wait() != 0:
        raise SystemExit(f"git archive {commit} failed")
    yield Tree("before", folder, f"commit {commit}")


# --- one step in the browser --------------------------------------------------------------------------


async def settled_view(page: Page, side: Side, chart: bool) -> None:
    """Settled, the chart drawn when the view has one, the browser idle, no exception."""
    if chart:
        await drawn(page, side)
        return
    await settle(page)
    await page.evaluate(IDLE)
    if await page.locator(EXCEPTION).count():
        raise StepFailed("exception on the page: " + (await page.locator(EXCEPTION).first.inner_text())[:300])


async def timed(
    page: Page,
    side: Side,
    act: Callable[[], Awaitable[object]],
    figures: Figures,
    name: str,
    chart: bool = True,
    chart_before: bool | None = None,
) -> float:
    """Do `act`, wait for the rerun it causes and the page settled; record ms, server CPU, messages.
    `chart`: the view after `act` has the matrix; `chart_before`: the view before it (default: same)."""
    await settled_view(page, side, chart if chart_before is None else chart_before)
    before = await page.evaluate("() => window.__runsFinished")
    await page.evaluate("() => { window.__messages = 0; window.__bytes = 0; }")
    cpu = cpu_seconds(set(side.pids))
    start = time.perf_counter()
    await act()
    await run_finished(page, before)
    await settled_view(page, side, chart)
    ms = (time.perf_counter() - start) * 1000
    figures.add(name, ms)
    figures.add(f"{name}_cpu", (cpu_seconds(set(side.pids)) - cpu) * 1000)
    figures.add(f"{name}_messages", await page.evaluate("() => window.__messages"))
    figures.add(f"{name}_kb", await page.evaluate("() => window.__bytes") / 1000)
    return ms


async def reader(browser: Browser) -> tuple[Any, Page]:
    context, page = await new_reader(browser, STEP_SECONDS * 1000)
    await context.add_init_script(MESSAGE_COUNTER)
    return context, page


async def open_link(browser: Browser, side: Side, query: str, timeout_s: float = STEP_SECONDS) -> float:
    """A link opened in a fresh browser context; ms to the page settled and drawn."""
    context, page = await reader(browser)
    page.set_default_timeout(timeout_s * 1000)
    try:
        start = time.perf_counter()
        await page.goto(f"{side.base_url}/?{query}")
        await run_finished(page, 0)
        await drawn(page, side)
        return (time.perf_counter() - start) * 1000
    finally:
        await context.close()


async def attempt(figures: Figures, what: str, step: Awaitable[Any]) -> Any:
    try:
        return await step
    except (PlaywrightTimeout, StepFailed) as failure:
        figures.errors.append(f"{what}: {str(failure).splitlines()[0][:300]}")
        return None


async def opened(browser: Browser, side: Side, query: str) -> tuple[Any, Page]:
    context, page = await reader(browser)
    await page.goto(f"{side.base_url}/?{query}")
    await run_finished(page, 0)
    await drawn(page, side)
    return context, page


# --- the figures ----------------------------------------------------------------------------------------


async def measure_opens(browser: Browser, pages: Pages, briefing: str, rounds: int, name: str) -> None:
    print(f"{name}: {rounds} opens of each page ...", file=sys.stderr, flush=True)
    for side in pages.sides.values():  # the server warm, the briefing loaded
        await attempt(
            pages.figures[side.name],
            f"{name} warm-up",
            open_link(browser, side, f"briefing={briefing}", COLD_SECONDS),
        )
    for number in range(rounds):
        for side in pages.order(number):
            ms = await attempt(
                pages.figures[side.name],
                f"{name} {number + 1}",
                open_link(browser, side, f"briefing={briefing}"),
            )
            if ms is not None:
                pages.figures[side.name].add(name, ms)


async def measure_changes(browser: Browser, pages: Pages, briefing: str, changes: int, name: str) -> None:
    print(f"{name}: {changes} actor changes on each page ...", file=sys.stderr, flush=True)
    readers = {
        side.name: await opened(browser, side, f"briefing={briefing}") for side in pages.sides.values()
    }
    steps = plan(briefing, changes)
    broken: set[str] = set()
    for number in range(changes):
        for side in pages.order(number):
            if side.name in broken:
                continue
            change, page = steps[number], readers[side.name][1]
            done = await attempt(
                pages.figures[side.name],
                f"{name} {number + 1} ({change.kind})",
                actor_change(page, side, change, pages.figures[side.name], name),
            )
            if done is None:
                broken.add(side.name)
    for context, _ in readers.values():
        await context.close()


async def actor_change(page: Page, side: Side, change: Change, figures: Figures, name: str) -> bool:
    await drawn(page, side)
    await change.prepare(page)
    await timed(page, side, lambda: change.act(page), figures, name)
    return True


async def measure_cells(browser: Browser, pages: Pages, clicks: int) -> None:
    """Clicks on cells of the whole seed matrix, each on a cell not opened before."""
    print(f"cell click: {clicks} on each dashboard ...", file=sys.stderr, flush=True)
    readers = {side.name: await opened(browser, side, f"briefing={SEED}") for side in pages.apps(0)}
    broken: set[str] = set()
    for number in range(clicks):
        for side in pages.apps(number):
            if side.name in broken:
                continue
            page = readers[side.name][1]
            done = await attempt(
                pages.figures[side.name],
                f"cell click {number + 1}",
                click_cell(page, side, number, pages.figures[side.name]),
            )
            if done is None:
                broken.add(side.name)
    for context, _ in readers.values():
        await context.close()


async def click_cell(page: Page, side: Side, number: int, figures: Figures) -> bool:
    await drawn(page, side)
    cells = page.locator(CELL)
    count = await cells.count()
    cell = cells.nth((number * 37 + 5) % count)  # a stride that visits a new cell each time
    label = (await cell.get_attribute("aria-label") or "").split(":", 1)[0]
    # The glyph covers the cell's centre; a corner of the rect is the cell itself.
    await timed(page, side, lambda: cell.click(position={"x": 6, "y": 6}), figures, "cell_click")
    heading = page.get_by_role("heading", level=3, name=f"Behind the cell: {label}")
    if not await heading.count():
        raise StepFailed(f"the click on {label!r} did not open its evidence")
    return True


async def measure_view_switch(browser: Browser, pages: Pages, switches: int) -> None:
    print(f"view switch: {switches} on each dashboard ...", file=sys.stderr, flush=True)
    readers = {side.name: await opened(browser, side, f"briefing={SEED}") for side in pages.apps(0)}
    for number in range(switches):
        for side in pages.apps(number):
            page = readers[side.name][1]
            target = CARDS if number % 2 == 0 else MATRIX
            radio = page.get_by_role("radio", name=target)
            await attempt(
                pages.figures[side.name],
                f"view switch {number + 1}",
                timed(
                    page,
                    side,
                    radio.click,
                    pages.figures[side.name],
                    "view_switch",
                    chart=target == MATRIX,
                    chart_before=target != MATRIX,
                ),
            )
    for context, _ in readers.values():
        await context.close()


async def measure_cold(
    browser: Browser,
    trees: dict[str, Tree],
    sides: list[str],
    rounds: int,
    folder: Path,
    figures: dict[str, Figures],
) -> None:
    """A server started for each open: the first script run of a process, the UN votes loaded.
    Twice: with the UN votes prepared by an earlier server (every start but the first after a change
    to the briefing or the code), then with nothing prepared (an empty folder for each server)."""
    print(f"UN cold open: {rounds} servers of each page, twice ...", file=sys.stderr, flush=True)
    for name in sides:  # not timed: fills each code's folder (prepared_for)
        if name != "bare":
            with server(name, trees, folder / f"cold-preparing-{name}") as side:
                link = open_link(browser, side, f"briefing={UNVOTES}", COLD_SECONDS)
                await attempt(figures[name], "UN preparing", link)
    kinds = ("un_cold_open", "un_cold_unprepared")
    for number in range(rounds):  # interleaved, so a machine getting busier weighs on every page alike
        for name in sides if number % 2 == 0 else sides[::-1]:
            for figure in kinds if number % 2 == 0 else kinds[::-1]:
                where = folder / f"{figure}-{name}-{number}"
                fresh = figure == "un_cold_unprepared"  # else the run's folder, filled above
                prepared = where / "prepared" if fresh else prepared_for(name, folder)
                kept_before = kept_copies(prepared)
                with server(name, trees, where / "server", prepared) as side:
                    ms = await attempt(
                        figures[name],
                        f"{figure} {number + 1}",
                        open_link(browser, side, f"briefing={UNVOTES}", COLD_SECONDS),
                    )
                    if ms is not None:
                        figures[name].add(figure, ms)
                # Whether the server read the kept copy or read and validated the files and kept
                # them again: the one thing that splits a prepared open's time in two.
                written = kept_copies(prepared) != kept_before
                print(
                    f"  {figure} {name} {number + 1}: {ms or 0:,.0f} ms, the kept UN votes "
                    + ("written anew" if written else "read"),
                    file=sys.stderr,
                    flush=True,
                )


def kept_copies(prepared: Path) -> dict[str, int]:
    """The briefings a prepared folder keeps (dashboard/prepared.py), by file, with when written."""
    return {kept.name: kept.stat().st_mtime_ns for kept in prepared.glob("*.briefing")}


async def measure_memory(browser: Browser, pages: Pages) -> None:
    """Server RSS with the UN votes open in one tab, then in SESSIONS: MB per extra session."""
    print(f"memory: {SESSIONS} sessions on each page ...", file=sys.stderr, flush=True)
    for side in pages.sides.values():
        figures = pages.figures[side.name]
        context, _ = await reader(browser)
        try:
            tabs = []
            rss = []
            for _ in range(SESSIONS):
                page = await context.new_page()
                await page.goto(f"{side.base_url}/?briefing={UNVOTES}")
                await run_finished(page, 0)
                await drawn(page, side)
                tabs.append(page)
                await asyncio.sleep(1)  # the server's sends done, its buffers released
                rss.append(rss_kb(set(side.pids)) / 1024)
            figures.add("rss_one_session", rss[0])
            figures.add("mb_per_session", (rss[-1] - rss[0]) / (SESSIONS - 1))
        except (PlaywrightTimeout, StepFailed) as failure:
            figures.errors.append(f"memory: {str(failure).splitlines()[0][:300]}")
        finally:
            await context.close()


async def measure_dom(browser: Browser, pages: Pages, changes: int) -> None:
    """Detached DOM nodes over `changes` actor changes on one page, counted after forced GCs."""
    print(f"detached DOM: {changes} actor changes on each page ...", file=sys.stderr, flush=True)
    readers = {side.name: await opened(browser, side, f"briefing={SEED}") for side in pages.sides.values()}
    cdps = {name: await page.context.new_cdp_session(page) for name, (_, page) in readers.items()}
    steps = plan(SEED, changes)
    counted = dom_counted_at(changes)
    broken: set[str] = set()
    for number in range(changes + 1):
        for side in pages.order(number):
            if side.name in broken:
                continue
            figures, page = pages.figures[side.name], readers[side.name][1]
            if number in counted:
                try:
                    detached, heap = await dom_count(page, cdps[side.name])
                except (PlaywrightTimeout, StepFailed):
                    broken.add(side.name)
                    continue
                figures.add("dom_detached", detached)
                figures.add("dom_heap_mb", heap)
                figures.add("dom_at_change", number)
            if number == changes:
                continue
            done = await attempt(
                figures, f"dom change {number + 1}", actor_change(page, side, steps[number], Figures(), "dom")
            )
            if done is None:
                broken.add(side.name)
    for context, _ in readers.values():
        await context.close()


def dom_counted_at(changes: int) -> list[int]:
    """When the detached nodes are counted: at the open, after the first round of four changes, and
    after the whole round nearest each quarter (every change plan's round ends where it began)."""
    rounds = changes // 4
    return sorted({0, min(4, changes)} | {4 * round(rounds * q / 4) for q in (1, 2, 3, 4)} | {changes})


async def dom_count(page: Page, cdp: CDPSession) -> tuple[float, float]:
    """(detached DOM nodes, JS heap used in MB) after two full garbage collections."""
    await page.keyboard.press("Escape")  # no open list: its nodes are not the page's
    await page.evaluate(IDLE)
    for _ in range(2):
        await cdp.send("HeapProfiler.collectGarbage")
    counters = await cdp.send("Memory.getDOMCounters")
    live = await page.evaluate(LIVE_NODES)
    heap = await cdp.send("Runtime.getHeapUsage")
    return float(counters["nodes"] - live), heap["usedSize"] / 2**20


# --- the command line's cold start ----------------------------------------------------------------------


def cli_commands(scratch: Path) -> dict[str, list[str]]:
    return {
        "cli_floor": ["-c", "import pandas"],
        "cli_check": ["-m", "dashboard", "check", str(DATA / SEED)],
        "cli_agreement": ["-m", "dashboard", "agreement", SEED, "--actor", "china"],
        "cli_note": [
            "-m",
            "dashboard",
            "note",
            SEED,
            "--link",
            "actor=china",
            "-o",
            str(scratch / "note.md"),
        ],
        "cli_extract": ["-m", "dashboard", "extract", str(ARTICLE), "-o", str(scratch / "drafts.yaml")],
    }


def run_command(tree: Tree, arguments: list[str], scratch: Path) -> tuple[float, float]:
    """(wall seconds, peak RSS MB) of one new process, from GNU time."""
    report = scratch / "time.txt"
    environment = {**os.environ, "DASHBOARD_DATA": str(DATA), **tree.env()}
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%e %M", "-o", str(report), sys.executable, *arguments],
        cwd=tree.root,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode not in (0, 1):  # 1: the data has errors; anything else: it did not run
        raise StepFailed(f"{' '.join(arguments)} exited {done.returncode}: {done.stderr[-300:]}")
    wall, kilobytes = report.read_text().split()[-2:]
    return float(wall), float(kilobytes) / 1024


def measure_cli(trees: dict[str, Tree], rounds: int, scratch: Path, figures: dict[str, Figures]) -> None:
    print(f"command line: {rounds} cold starts of each command ...", file=sys.stderr, flush=True)
    commands = cli_commands(scratch)
    names = list(trees)
    for number in range(rounds):
        for figure, arguments in commands.items():
            for name in names if number % 2 == 0 else names[::-1]:
                try:
                    wall, rss = run_command(trees[name], arguments, scratch)
                except (StepFailed, subprocess.TimeoutExpired) as failure:
                    figures[name].errors.append(f"{figure}: {str(failure)[:300]}")
                    continue
                figures[name].add(figure, wall * 1000)
                figures[name].add(f"{figure}_rss", rss)


# --- the table ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One line of the table: a figure, its unit, and the issue's target for it."""

    figure: str
    words: str
    unit: str  # "ms", "MB", "KB", "nodes", "n"
    bare: str | None = None  # the bare page's figure it is compared with
    limit: float | None = None  # an absolute target, in the unit
    ratio: float | None = None  # a target as a multiple of the bare figure


ROWS = (
    Row("seed_open", "seed open (fresh browser)", "ms", "seed_open", ratio=1.5),
    Row("seed_change", "seed actor change", "ms", "seed_change", ratio=1.3),
    Row("seed_change_cpu", "server CPU per seed actor change", "ms", "seed_change_cpu", ratio=1.3),
    Row("seed_change_messages", "messages per seed actor change", "n", "seed_change_messages"),
    Row("seed_change_kb", "KB on the wire per seed actor change", "KB", "seed_change_kb"),
    Row("cell_click", "cell click (new cell)", "ms", "seed_change", limit=500, ratio=1.5),
    Row("cell_click_cpu", "server CPU per cell click", "ms", "seed_change_cpu"),
    Row("cell_click_messages", "messages per cell click", "n", "seed_change_messages"),
    Row("cell_click_kb", "KB on the wire per cell click", "KB", "seed_change_kb"),
    Row("view_switch", "view switch (matrix ⇄ cards)", "ms", "seed_change"),
    Row("un_cold_open", "UN cold open (server just started)", "ms", "un_cold_open", limit=3000),
    Row(
        "un_cold_unprepared",
        "UN cold open, nothing prepared (first start after a change)",
        "ms",
        "un_cold_unprepared",
        limit=3000,
    ),
    Row("un_open", "UN warm open", "ms", "un_open", limit=1500),
    Row("un_change", "UN actor change", "ms", "un_change", limit=600, ratio=1.5),
    Row("un_change_cpu", "server CPU per UN actor change", "ms", "un_change_cpu"),
    Row("mb_per_session", "memory per extra session (UN)", "MB", "mb_per_session", limit=50),
    Row("rss_one_session", "server RSS, one UN session", "MB", "rss_one_session"),
    Row("cli_floor", "CLI floor: `python -c 'import pandas'`", "ms"),
    Row("cli_check", "CLI `check` seed, cold", "ms", limit=2000),
    Row("cli_agreement", "CLI `agreement` seed, cold", "ms", limit=2000),
    Row("cli_note", "CLI `note` seed (Markdown), cold", "ms"),
    Row("cli_extract", "CLI `extract` 300 words, cold", "ms", limit=3000),
    Row("dom_growth", "detached DOM nodes, growth over the changes", "nodes", "dom_growth", limit=0),
)


def dom_growth(figures: Figures) -> None:
    """The last count less the count after the first round (the second reading)."""
    counts = figures.samples.get("dom_detached") or []
    if len(counts) >= 3:
        figures.samples["dom_growth"] = [counts[-1] - counts[1]]
    elif len(counts) == 2:
        figures.samples["dom_growth"] = [counts[-1] - counts[0]]


def _shown(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "ms":
        return f"{value / 1000:.2f} s" if value >= 1000 else f"{value:.0f} ms"
    if unit in ("MB", "KB"):
        return f"{value:.0f} {unit}" if abs(value) >= 10 else f"{value:.1f} {unit}"
    return f"{value:,.0f}"


def verdict(row: Row, value: float | None, bare: float | None) -> str:
    if value is None or (row.limit is None and row.ratio is None):
        return ""
    checks = []
    if row.limit is not None:
        checks.append(value <= row.limit)
    if row.ratio is not None:
        if bare is None or bare == 0:
            return "not measured"
        checks.append(value / bare <= row.ratio)
    return "met" if all(checks) else "**missed**"


def target_words(row: Row) -> str:
    parts = []
    if row.limit is not None:
        parts.append(f"≤ {_shown(row.limit, row.unit)}" if row.limit else "no growth")
    if row.ratio is not None:
        parts.append(f"≤ {row.ratio:g}× bare")
    return ", ".join(parts)


def table(figures: dict[str, Figures]) -> tuple[str, list[dict[str, Any]]]:
    """The Markdown table and, per row, the figures behind it."""
    names = [name for name in ("before", "after", "bare") if name in figures]
    head = ["figure", *names, "after ÷ bare", "target", "after"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    found: list[dict[str, Any]] = []
    for row in ROWS:
        values: dict[str, float | None] = {
            name: figures[name].median(row.figure) for name in names if name != "bare"
        }
        bare = figures["bare"].median(row.bare) if row.bare and "bare" in figures else None
        if all(v is None for v in values.values()):
            continue
        after = values.get("after")
        ratio = f"{after / bare:.2f}×" if after is not None and bare else ""
        cells = [
            row.words,
            *(_shown(values[n], row.unit) for n in names if n != "bare"),
            _shown(bare, row.unit) if row.bare else "",
            ratio,
            target_words(row),
            verdict(row, after, bare),
        ]
        lines.append("| " + " | ".join(cells) + " |")
        result: dict[str, Any] = {
            "figure": row.figure,
            **values,
            "bare": bare,
            "target": target_words(row),
            "met": verdict(row, after, bare),
        }
        found.append(result)
    return "\n".join(lines), found


# --- the run --------------------------------------------------------------------------------------------


def arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--before", metavar="REV", help="also serve and run the dashboard of this commit, in the same run"
    )
    parser.add_argument("--rounds", type=int, default=9, help="opens of each page (default 9)")
    parser.add_argument(
        "--changes", type=int, default=12, help="actor changes, cell clicks and view switches (default 12)"
    )
    parser.add_argument("--cold", type=int, default=3, help="UN cold opens (default 3)")
    parser.add_argument("--cli", type=int, default=5, help="cold starts of each command (default 5)")
    parser.add_argument(
        "--dom-changes", type=int, default=100, help="actor changes for the detached DOM count (default 100)"
    )
    parser.add_argument(
        "--only",
        default=",".join(PARTS),
        help=f"comma-separated parts to run (default all: {','.join(PARTS)})",
    )
    parser.add_argument("--output", type=Path, default=RESULTS, help=f"JSON (default {RESULTS})")
    args = parser.parse_args(argv)
    args.parts = [p for p in args.only.split(",") if p]
    unknown = set(args.parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")
    return args


async def browser_parts(
    args: argparse.Namespace, trees: dict[str, Tree], folder: Path, figures: dict[str, Figures]
) -> None:
    names = [*trees, "bare"]
    async with async_playwright() as driver:
        browser = await driver.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            if "un-cold" in args.parts:  # first: no other server of ours running
                await measure_cold(browser, trees, names, args.cold, folder, figures)
            browser_left = {"seed", "cell", "views", "un", "memory", "dom"} & set(args.parts)
            if not browser_left:
                return
            with ExitStack() as stack:
                sides = {
                    name: stack.enter_context(server(name, trees, folder / f"server-{name}"))
                    for name in names
                }
                pages = Pages(sides, figures)
                if "seed" in args.parts:
                    await measure_opens(browser, pages, SEED, args.rounds, "seed_open")
                    await measure_changes(browser, pages, SEED, args.changes, "seed_change")
                if "cell" in args.parts:
                    await measure_cells(browser, pages, args.changes)
                    if "seed" not in args.parts:  # the bare rerun the clicks are compared with
                        await measure_changes(
                            browser,
                            Pages({"bare": sides["bare"]}, figures),
                            SEED,
                            args.changes,
                            "seed_change",
                        )
                if "views" in args.parts:
                    await measure_view_switch(browser, pages, args.changes)
                if "un" in args.parts:
                    await measure_opens(browser, pages, UNVOTES, args.rounds, "un_open")
                    await measure_changes(browser, pages, UNVOTES, args.changes, "un_change")
                if "memory" in args.parts:
                    await measure_memory(browser, pages)
                if "dom" in args.parts:
                    await measure_dom(browser, pages, args.dom_changes)
        finally:
            await browser.close()


def main(argv: list[str]) -> int:
    args = arguments(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing: install Debian's chromium", file=sys.stderr)
        return 2
    started = datetime.now(UTC)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="quick-") as scratch, ExitStack() as stack:
        folder = Path(scratch)
        trees: dict[str, Tree] = {}
        if args.before:
            trees["before"] = stack.enter_context(exported(args.before, folder / "before"))
        trees["after"] = Tree("after", ROOT, "working tree")
        figures = {name: Figures() for name in [*trees, "bare"]}
        if "cli" in args.parts:
            measure_cli(trees, args.cli, folder, figures)
        asyncio.run(browser_parts(args, trees, folder, figures))
    load_after = os.getloadavg()
    for found in figures.values():
        dom_growth(found)
    text, rows = table(figures)
    command = "python -m benchmarks.quick " + " ".join(argv)
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {load_before[0]:.1f} at the start, {load_after[0]:.1f} at the end"
    )
    print(text)
    print(
        f"\nMeasured {started:%Y-%m-%d %H:%M} UTC on {machine}; `{command}`; "
        + ", ".join(f"{tree.name}: {tree.label}" for tree in trees.values())
        + "."
    )
    errors = [f"{name}: {error}" for name, found in figures.items() for error in found.errors]
    for error in errors:
        print(f"FAILED {error}")
    document = {
        "measured": started.isoformat(timespec="seconds"),
        "command": command,
        "machine": machine,
        "trees": {t.name: t.label for t in trees.values()},
        "rows": rows,
        "samples": {n: f.samples for n, f in figures.items()},
        "errors": errors,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    temporary = args.output.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n")
    temporary.replace(args.output)
    print(f"wrote {args.output}")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
