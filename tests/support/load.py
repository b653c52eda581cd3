"""Many readers at once, shared by the load smoke test (tests/load) and the load benchmarks
(benchmarks/load_test.py, link_flood.py, browser_speed.py, browser_profile.py).

A Streamlit server that times its own script runs; memory and CPU sampling of its process tree from
/proc; a scripted reader (a browser context of its own) that makes a series of timed changes and checks
each against the address bar; and `run_load`, which runs N such readers at once and summarises what
they saw. The command line, its table and its result file are the benchmark's.
"""

from __future__ import annotations

import asyncio
import math
import os
import re
import statistics
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from playwright.async_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Locator,
    Page,
    Request,
    Response,
    async_playwright,
)
from playwright.async_api import TimeoutError as PlaywrightTimeout

from tests.support.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    CONNECTED,
    DRAWN,
    LOCAL_HOSTS,
    SETTLED,
    VIEWPORT,
    run_counter,
)
from tests.support.server import healthy, streamlit_server

PROJECT = Path(__file__).resolve().parents[2]

STATE = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return JSON.stringify({runs_finished: window.__runsFinished, url: location.search,
    script: app && app.getAttribute('data-test-script-state'),
    connection: app && app.getAttribute('data-test-connection-state'),
    skeletons: document.querySelectorAll('[data-testid="stSkeleton"]').length,
    exceptions: document.querySelectorAll('[data-testid="stException"]').length});
}"""
# The page reads the script state only after React has rendered the last message; waiting two
# animation frames gives the render that was queued when the message arrived its turn first.
NEXT_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
WARM_SECONDS = 300  # the UN votes briefing's first load takes several seconds, more on a busy machine
SAMPLE_SECONDS = 0.2
URL_CHECK_MS = 5_000  # the address bar is written during the run: settled means it is there already
CHANGE_KINDS = ("open link", "add actor", "cards view", "matrix view", "stance filter")
STANCE_ROUNDS = (("oppose", "Opposes"), ("support", "Supports"), ("neutral", "Neutral"))


@dataclass(frozen=True)
class Scenario:
    """Actors a session names (id, name as the sidebar lists it), in the order sessions take them."""

    actors: tuple[tuple[str, str], ...]


SCENARIOS = {
    "nk-troops-russia": Scenario(
        (
            ("china", "China"),
            ("united-states", "United States"),
            ("russia", "Russia"),
            ("north-korea", "North Korea"),
            ("south-korea", "South Korea"),
            ("ukraine", "Ukraine"),
            ("blinken", "Antony Blinken"),
            ("xi-jinping", "Xi Jinping"),
            ("putin", "Vladimir Putin"),
        )
    ),
    "unvotes": Scenario(
        (
            ("us", "United States"),
            ("cn", "China"),
            ("ru", "Russia"),
            ("gb", "United Kingdom"),
            ("fr", "France"),
            ("in", "India"),
            ("br", "Brazil"),
            ("za", "South Africa"),
            ("de", "Germany"),
            ("jp", "Japan"),
            ("ng", "Nigeria"),
            ("mx", "Mexico"),
        )
    ),
}


# --- the server and its memory ----------------------------------------------------------------------


# `streamlit run`, with each script run's duration appended to $LOAD_TEST_RUN_LOG: the server's own
# view of a rerun, free of the browsers' share of the CPU. ScriptRunner._run_script is private: if it
# moves, the server runs untimed and says so in its log.
SERVER_BOOT = """
import os, sys, time
from streamlit.web import cli
try:
    from streamlit.runtime.scriptrunner.script_runner import ScriptRunner
    run_script = ScriptRunner._run_script
except (ImportError, AttributeError) as error:
    print(f"load test: script runs are not timed ({error!r})", flush=True)
else:
    def timed(self, rerun_data):
        start = time.monotonic()
        try:
            return run_script(self, rerun_data)
        finally:
            with open(os.environ["LOAD_TEST_RUN_LOG"], "a") as log:
                log.write(f"{start:.4f} {time.monotonic() - start:.4f}\\n")
    ScriptRunner._run_script = timed
sys.argv = ["streamlit", *sys.argv[1:]]
cli.main(prog_name="streamlit")
"""


@dataclass
class Server:
    base_url: str
    pid: int
    log: Path
    runs: Path  # one line per script run: start (CLOCK_MONOTONIC, shared by every process), seconds

    def script_runs(self, start: float, end: float) -> list[tuple[float, float]]:
        """(start, seconds) of each script run that started between two monotonic times."""
        if not self.runs.exists():
            return []  # Streamlit's internals moved: SERVER_BOOT said so in the server's log
        found = []
        for line in self.runs.read_text().splitlines():
            began, seconds = (float(n) for n in line.split())
            if start <= began <= end:
                found.append((began, seconds))
        return found

    def log_size(self) -> int:
        return self.log.stat().st_size

    def tracebacks_since(self, offset: int) -> list[str]:
        """Lines of the server's log after `offset` that start a traceback or log an error."""
        with self.log.open("rb") as handle:
            handle.seek(offset)
            text = handle.read().decode(errors="replace")
        return [line for line in text.splitlines() if "Traceback" in line or " ERROR " in line]


@contextmanager
def serve(folder: Path, data: Path = PROJECT / "data") -> Iterator[Server]:
    """The dashboard on a free loopback port serving `data`, stopped (with its process group) after.

    It is `streamlit run`, started through SERVER_BOOT so that it also logs how long each script run
    took; nothing in the project changes.
    """
    runs_path = folder / "script-runs.log"
    with streamlit_server(
        data, folder, boot=("-c", SERVER_BOOT), address="127.0.0.1", env={"LOAD_TEST_RUN_LOG": str(runs_path)}
    ) as server:
        yield Server(server.base_url, server.pid, server.log, runs_path)


def _parents() -> dict[int, int]:
    """Every process on the machine -> its parent, from /proc/<pid>/stat."""
    parents = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue  # exited while we looked
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return parents


def process_tree(pid: int, parents: dict[int, int] | None = None) -> set[int]:
    """`pid` and all its descendants."""
    children: dict[int, list[int]] = {}
    for child, parent in (_parents() if parents is None else parents).items():
        children.setdefault(parent, []).append(child)
    tree, frontier = {pid}, [pid]
    while frontier:
        found = [child for child in children.get(frontier.pop(), []) if child not in tree]
        tree.update(found)
        frontier.extend(found)
    return tree


def rss_kb(pids: set[int]) -> int:
    """Resident memory of these processes together (VmRSS; memory they share is counted twice)."""
    total = 0
    for pid in pids:
        with suppress(OSError):
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
                    break
    return total


def machine_cpu_seconds() -> float:
    """CPU time spent by every process on the machine so far (all cores, idle and I/O wait excluded)."""
    fields = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids: set[int]) -> float:
    """User plus system CPU time these processes have used so far."""
    ticks = 0
    for pid in pids:
        with suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return ticks / os.sysconf("SC_CLK_TCK")


class MemorySampler(threading.Thread):
    """Samples the server's tree and the load client's (this process and its browsers) every 0.2 s."""

    def __init__(self, server_pid: int) -> None:
        super().__init__(daemon=True, name="memory-sampler")
        self.server_pid = server_pid
        self.samples: list[tuple[float, int, int]] = []  # (monotonic time, server kB, client kB)
        self._stop_event = threading.Event()

    def trees(self) -> tuple[set[int], set[int]]:
        parents = _parents()
        server = process_tree(self.server_pid, parents)
        return server, process_tree(os.getpid(), parents) - server

    def run(self) -> None:
        tick = 0
        server, client = self.trees()
        while not self._stop_event.is_set():
            if tick % 5 == 0:  # browsers come and go: look for new processes once a second
                server, client = self.trees()
            self.samples.append((time.monotonic(), rss_kb(server), rss_kb(client)))
            tick += 1
            self._stop_event.wait(SAMPLE_SECONDS)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()

    def now_mb(self) -> float:
        server, _ = self.trees()
        return rss_kb(server) / 1024

    def peak_mb(self, start: float, end: float) -> tuple[float, float]:
        """Highest server and client RSS sampled between two monotonic times."""
        window = [(s, c) for t, s, c in self.samples if start <= t <= end] or [(0, 0)]
        return max(s for s, _ in window) / 1024, max(c for _, c in window) / 1024

    def timeline(self, start: float, end: float) -> list[list[float]]:
        """Server RSS once a second over a window: [seconds from start, MB]."""
        points, next_t = [], start
        for t, server_kb, _ in self.samples:
            if start <= t <= end and t >= next_t:
                points.append([round(t - start, 1), round(server_kb / 1024, 1)])
                next_t = t + 1
        return points


# --- one reader ------------------------------------------------------------------------------------


class ScriptFailed(Exception):
    """The server reported that the script did not compile."""


@dataclass
class Change:
    session: int
    kind: str
    ms: float | None = None  # action to settled page; None: it did not settle
    run_ms: float | None = None  # action to the page having the server's "script finished"
    error: str = ""


@dataclass
class SessionLog:
    index: int
    changes: list[Change] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (category, detail)
    closing: bool = False  # after this, a cancelled request is the session being closed

    def error(self, category: str, detail: str) -> None:
        if not self.closing:
            self.errors.append((category, detail[:300]))


@dataclass(frozen=True)
class Step:
    """One change: `prepare` is not timed (typing a search), `act` is (the click and the rerun)."""

    kind: str
    act: Callable[[Page], Awaitable[float]]  # returns when the page saw the server finish the run
    url_pattern: str  # a JavaScript regular expression the address bar's query must match after
    prepare: Callable[[Page], Awaitable[object]] | None = None
    after: Callable[[Page], Awaitable[None]] | None = None


async def _state(page: Page) -> str:
    """What the page looked like when a wait gave up, for the error report."""
    try:
        return str(await asyncio.wait_for(page.evaluate(STATE), timeout=5))
    except Exception as error:  # the page itself may be what broke
        return f"(could not read it: {error})"


def _has(name: str, value: str) -> str:
    return f"(?=.*[?&]{re.escape(name)}={re.escape(value)}(&|$))"


async def settle(page: Page) -> None:
    """Connected, the script state applied, not running, and no skeleton left."""
    await page.wait_for_selector(CONNECTED, state="attached")
    await page.evaluate(NEXT_FRAMES)
    await page.wait_for_selector(SETTLED, state="attached")
    await page.wait_for_function(DRAWN)


async def run_finished(page: Page, before: int) -> float:
    """Wait until the server has finished a run after `before` runs; when the page saw it."""
    if await page.evaluate("() => window.__runsFailed"):
        raise ScriptFailed("the script did not compile")
    await page.wait_for_function("before => window.__runsFinished > before", arg=before)
    return time.perf_counter()


async def _rerun(page: Page, click: Callable[[], Awaitable[None]]) -> float:
    before = await page.evaluate("() => window.__runsFinished")
    await click()
    finished = await run_finished(page, before)
    await settle(page)
    return finished


def _sidebar_box(page: Page, label: str) -> Locator:
    return page.get_by_test_id("stSidebar").get_by_role("combobox", name=label, exact=True)


def _option(page: Page, label: str) -> Locator:
    # A label is the name, then any aliases in brackets: "China (People's Republic of China · …)".
    return page.get_by_role("option", name=re.compile(rf"^{re.escape(label)}( \(|$)"))


def _pick(
    box_label: str, option_label: str
) -> tuple[
    Callable[[Page], Awaitable[object]], Callable[[Page], Awaitable[float]], Callable[[Page], Awaitable[None]]
]:
    """Type into a sidebar multiselect (untimed), click the option (timed), close the list."""

    async def prepare(page: Page) -> None:
        await _sidebar_box(page, box_label).fill(option_label)
        await _option(page, option_label).wait_for(state="visible")

    async def act(page: Page) -> float:
        return await _rerun(page, _option(page, option_label).click)

    async def after(page: Page) -> None:
        await page.keyboard.press("Escape")

    return prepare, act, after


def plan(base_url: str, briefing: str, session: int, changes: int) -> list[Step]:
    """The session's changes: rounds of CHANGE_KINDS, each round with other actors and stance."""
    actors = SCENARIOS[briefing].actors
    steps: list[Step] = []
    for number in range(changes):
        round_, kind = divmod(number, len(CHANGE_KINDS))
        first, second, third = (actors[(session + 3 * round_ + k) % len(actors)] for k in range(3))
        stance, stance_label = STANCE_ROUNDS[round_ % len(STANCE_ROUNDS)]
        if kind == 0:
            query = urlencode([("briefing", briefing), ("actor", first[0]), ("actor", second[0])])

            async def open_link(page: Page, url: str = f"{base_url}/?{query}") -> float:
                await page.goto(url)  # a new document: its run counter starts from 0
                finished = await run_finished(page, 0)
                await settle(page)
                return finished

            steps.append(
                Step(
                    CHANGE_KINDS[0],
                    open_link,
                    _has("actor", first[0]) + _has("actor", second[0]) + _has("briefing", briefing),
                )
            )
        elif kind == 1:
            prepare, act, after = _pick("Actors", third[1])
            steps.append(
                Step(CHANGE_KINDS[1], act, _has("actor", third[0]) + _has("actor", first[0]), prepare, after)
            )
        elif kind in (2, 3):
            label = "Actor cards" if kind == 2 else "Stance matrix & quotes"

            async def switch(page: Page, label: str = label) -> float:
                # The segmented control's options are radio buttons named by their labels.
                return await _rerun(page, page.get_by_role("radio", name=label, exact=True).click)

            pattern = _has("view", "cards") if kind == 2 else "^(?!.*[?&]view=)"
            steps.append(Step(CHANGE_KINDS[kind], switch, pattern))
        else:
            prepare, act, after = _pick("Stances", stance_label)
            steps.append(Step(CHANGE_KINDS[4], act, _has("stance", stance), prepare, after))
    return steps


def _watch(page: Page, log: SessionLog) -> None:
    """Record what goes wrong in the browser: console errors, uncaught errors, failed requests."""

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            log.error("console", f"{message.text} ({message.location.get('url', '')})")

    def on_request(request: Request) -> None:
        host = urlsplit(request.url).hostname
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and host not in LOCAL_HOSTS:
            log.error("external request", request.url)

    def on_response(response: Response) -> None:
        if response.status >= 400:
            log.error("failed request", f"HTTP {response.status} {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: log.error("console", f"uncaught: {error}"))
    page.on("request", on_request)
    page.on("requestfailed", lambda request: log.error("failed request", f"{request.failure} {request.url}"))
    page.on("response", on_response)


async def new_reader(browser: Browser, timeout_ms: float) -> tuple[BrowserContext, Page]:
    """A reader of their own: a fresh context (no shared cookies or cache), one page."""
    context = await browser.new_context(viewport=VIEWPORT, locale="en-GB", service_workers="block")
    context.set_default_timeout(timeout_ms)
    await context.add_init_script(run_counter())
    return context, await context.new_page()


async def run_session(
    page: Page, log: SessionLog, steps: list[Step], deadline: float, change_timeout_s: float
) -> None:
    """Make each change, timed; stop at the first one that does not settle."""
    for step in steps:
        change = Change(log.index, step.kind)
        log.changes.append(change)
        left = deadline - time.monotonic()
        if left <= 0:
            change.error = "not started: overall time limit reached"
            log.error("timeout", f"{step.kind}: {change.error}")
            continue
        page.set_default_timeout(min(change_timeout_s, left) * 1000)
        try:
            if step.prepare:
                await settle(page)
                await step.prepare(page)
            start = time.perf_counter()
            finished = await step.act(page)
            change.ms = (time.perf_counter() - start) * 1000
            change.run_ms = (finished - start) * 1000
            if step.after:
                await step.after(page)
        except PlaywrightTimeout as timeout:
            change.error = f"timed out: {str(timeout).splitlines()[0]}; the page: {await _state(page)}"
            log.error("timeout", f"{step.kind}: {change.error}")
            break  # the page is in an unknown state: what follows would only repeat the error
        except ScriptFailed as failure:
            change.error = str(failure)
            log.error("exception", f"{step.kind}: {failure}")
            break
        try:
            await page.wait_for_function(
                "pattern => new RegExp(pattern).test(location.search)",
                arg=step.url_pattern,
                timeout=URL_CHECK_MS,
            )
        except PlaywrightTimeout:
            search = urlsplit(page.url).query
            change.error = f"address bar ?{search} does not match {step.url_pattern}"
            log.error("not applied", f"{step.kind}: {change.error}")
        if await page.get_by_test_id("stException").count():
            text = await page.get_by_test_id("stException").first.inner_text()
            change.error = change.error or "exception on the page"
            log.error("exception", f"{step.kind}: {text}")


# --- one run: a briefing, a number of sessions --------------------------------------------------------


def percentile(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile: the smallest value with at least `share` of the values at or below."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def _ms(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


async def warm(browser: Browser, base_url: str, briefing: str) -> float:
    """Open the briefing once, so its cold load is paid before any timed session; seconds taken."""
    context, page = await new_reader(browser, WARM_SECONDS * 1000)
    try:
        start = time.perf_counter()
        await page.goto(f"{base_url}/?{urlencode({'briefing': briefing})}")
        await run_finished(page, 0)
        await settle(page)
        if await page.get_by_test_id("stException").count():
            raise RuntimeError(f"{briefing}: the page shows an exception on its first load")
        return time.perf_counter() - start
    finally:
        await context.close()


async def run_load(
    server: Server,
    sampler: MemorySampler,
    briefing: str,
    sessions: int,
    changes: int,
    *,
    browsers: int = 1,
    change_timeout_s: float = 120,
    after_wait_s: float = 8,
    deadline: float | None = None,
) -> dict[str, Any]:
    """Warm the briefing, run `sessions` readers at once, close them, and measure the server."""
    deadline = deadline if deadline is not None else time.monotonic() + 1800
    async with async_playwright() as driver:
        launched = [
            await driver.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            for _ in range(browsers)
        ]
        try:
            warm_s = await warm(launched[0], server.base_url, briefing)
            readers = [
                await new_reader(launched[i % browsers], change_timeout_s * 1000) for i in range(sessions)
            ]
            logs = [SessionLog(i) for i in range(sessions)]
            for (_, page), log in zip(readers, logs, strict=True):
                _watch(page, log)
            log_offset = server.log_size()
            rss_before = sampler.now_mb()
            server_tree, client_tree = sampler.trees()
            cpu_before = cpu_seconds(server_tree), cpu_seconds(client_tree), machine_cpu_seconds()
            start = time.monotonic()
            await asyncio.gather(
                *(
                    run_session(
                        page,
                        log,
                        plan(server.base_url, briefing, log.index, changes),
                        deadline,
                        change_timeout_s,
                    )
                    for (_, page), log in zip(readers, logs, strict=True)
                )
            )
            end = time.monotonic()
            server_tree, client_tree = sampler.trees()
            cpu_server = cpu_seconds(server_tree) - cpu_before[0]
            cpu_client = cpu_seconds(client_tree) - cpu_before[1]
            cpu_other = machine_cpu_seconds() - cpu_before[2] - cpu_server - cpu_client
            for log in logs:
                log.closing = True
            for context, _ in readers:
                await context.close()
        finally:
            for browser in launched:
                await browser.close()
    await asyncio.sleep(after_wait_s)  # let the server notice the closed sockets and collect
    still_healthy = healthy(server.base_url)
    rss_after = sampler.now_mb()
    rss_peak, client_peak = sampler.peak_mb(start, end)
    server_errors = server.tracebacks_since(log_offset)
    script_runs = server.script_runs(start, end)
    return summarise(
        briefing,
        sessions,
        changes,
        logs,
        server_errors,
        {
            "script_runs": script_run_summary(script_runs),
            # The server's cost of one change, whatever the browsers took: its CPU time (script runs,
            # static files for the page loads, websocket traffic) over the runs it made.
            "server_cpu_ms_per_run": round(cpu_server * 1000 / len(script_runs)) if script_runs else None,
            "warm_s": round(warm_s, 2),
            "wall_s": round(end - start, 1),
            "rss_mb": {
                "before": round(rss_before, 1),
                "peak": round(rss_peak, 1),
                "after": round(rss_after, 1),
            },
            "client_rss_peak_mb": round(client_peak, 1),
            # Other: everything else on the machine (the machine is shared), by the same clock.
            "cpu_s": {
                "server": round(cpu_server, 1),
                "client": round(cpu_client, 1),
                "other": round(max(cpu_other, 0.0), 1),
            },
            "healthy_after": still_healthy,
            "server_rss_timeline": sampler.timeline(start, end),
        },
    )


def script_run_summary(runs: list[tuple[float, float]]) -> dict[str, Any]:
    """The server's own timing of the runs: how long each took, and how many ran at once at most."""
    if not runs:
        return {"n": 0}
    durations = [seconds * 1000 for _, seconds in runs]
    edges = sorted([(began, 1) for began, _ in runs] + [(began + seconds, -1) for began, seconds in runs])
    running = peak = 0
    for _, step in edges:
        running += step
        peak = max(peak, running)
    return {
        "n": len(runs),
        "median_ms": _ms(statistics.median(durations)),
        "p95_ms": _ms(percentile(durations, 0.95)),
        "max_ms": _ms(max(durations)),
        "busy_s": round(sum(durations) / 1000, 1),
        "peak_concurrent": peak,
    }


def summarise(
    briefing: str,
    sessions: int,
    changes: int,
    logs: list[SessionLog],
    server_errors: list[str],
    measured: dict[str, Any],
) -> dict[str, Any]:
    done = [c for log in logs for c in log.changes]
    times = [c.ms for c in done if c.ms is not None]
    errors = [(category, detail) for log in logs for category, detail in log.errors]
    errors += [("server log", line) for line in server_errors]
    if not measured["healthy_after"]:
        errors.append(("health", "/_stcore/health did not answer ok after the sessions closed"))
    by_kind = {}
    for kind in CHANGE_KINDS:
        kind_times = [c.ms for c in done if c.kind == kind and c.ms is not None]
        run_times = [c.run_ms for c in done if c.kind == kind and c.run_ms is not None]
        if kind_times:
            by_kind[kind] = {
                "n": len(kind_times),
                "median_ms": _ms(statistics.median(kind_times)),
                "p95_ms": _ms(percentile(kind_times, 0.95)),
                "max_ms": _ms(max(kind_times)),
                # Until the page had the server's "finished": the rest is drawing.
                "run_finished_median_ms": _ms(statistics.median(run_times)),
            }
    return {
        "briefing": briefing,
        "sessions": sessions,
        "changes_per_session": changes,
        "changes_planned": sessions * changes,
        "changes_settled": len(times),
        "errors": len(errors),
        "errors_by_category": dict(Counter(category for category, _ in errors)),
        "error_examples": [f"{category}: {detail}" for category, detail in errors[:12]],
        "settle_median_ms": _ms(statistics.median(times)) if times else None,
        "settle_p95_ms": _ms(percentile(times, 0.95)),
        "settle_max_ms": _ms(max(times)) if times else None,
        "by_kind": by_kind,
        **measured,
    }
