"""A flood of heavy links from one client does not starve other readers.

One server on 127.0.0.1 serves the project's data. A reader opens the seed briefing's link again and
again and times each open (navigation to the page settled: connected, not running, nothing half
drawn). That is measured twice in the same run: alone (the baseline), and while one client opens the
heaviest links we know on the UN votes (870,109 positions) in FLOODERS pages at once, each opening
the next link as soon as the last one has settled, or as soon as HEAVY_TIMEOUT_S has passed.

Bounded: loopback only, a fixed number of flooding pages and of reader opens, every wait capped. The
figures are the reader's median and worst open time alone and under the flood, their ratio, how many
heavy links the flood completed and how long the server's script runs took, and whether any run
left a traceback in the server's log. A heavy link is bounded by the dashboard (pages, caps, the
compare list's limit); this shows that the bound holds under repetition, and what it costs others.

Run: `python -m benchmarks.link_flood [--flooders 4] [--opens 8]`; exits 1 if the reader failed to
open the page, a traceback reached the log, or the server was not healthy afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from playwright.async_api import Browser, async_playwright

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS
from tests.support.load import new_reader, serve, settle
from tests.support.server import healthy

ROOT = Path(__file__).resolve().parents[1]

READER_LINK = {"briefing": "nk-troops-russia", "actor": "china"}
# The links that cost the most on the UN votes, each a view at its widest.
HEAVY_LINKS: list[list[tuple[str, str]]] = [
    [
        ("briefing", "unvotes"),
        ("view", "compare"),
        ("compare", "us"),
        ("compare", "ru"),
        ("compare", "cn"),
        ("compare", "gb"),
    ],
    [("briefing", "unvotes"), ("view", "alignment"), ("by", "year"), ("measure", "kappa")],
    [("briefing", "unvotes"), ("view", "alignment"), ("actor", "us"), ("by", "topic")],
    [("briefing", "unvotes"), ("view", "changes"), ("since", "1946-01-01")],
    [("briefing", "unvotes"), ("view", "brief"), ("actor", "us"), ("vs", "ru"), ("since", "1946-01-01")],
    [("briefing", "unvotes"), ("view", "cards"), ("actor", "us"), ("actor", "ru")],
    [("briefing", "unvotes"), ("align", "us"), ("page", "10"), ("column", "3000")],
    [("briefing", "unvotes"), ("q", "nuclear"), ("view", "matrix")],
]
HEAVY_TIMEOUT_S = 60.0
READER_TIMEOUT_S = 60.0


async def open_and_settle(browser: Browser, url: str, timeout_s: float) -> float:
    """Seconds from navigation to the page settled, in a fresh context (no cache shared)."""
    context, page = await new_reader(browser, timeout_s * 1000)
    try:
        start = time.perf_counter()
        await page.goto(url)
        await settle(page)
        if await page.get_by_test_id("stException").count():
            raise RuntimeError(f"{url}: the page shows an exception")
        return time.perf_counter() - start
    finally:
        await context.close()


async def reader(browser: Browser, base: str, opens: int) -> list[float]:
    url = f"{base}?{urlencode(READER_LINK)}"
    return [await open_and_settle(browser, url, READER_TIMEOUT_S) for _ in range(opens)]


async def flooder(
    browser: Browser, base: str, index: int, stop: asyncio.Event, done: list[float], failed: list[str]
) -> None:
    step = index
    while not stop.is_set():
        url = f"{base}?{urlencode(HEAVY_LINKS[step % len(HEAVY_LINKS)])}"
        step += 1
        try:
            done.append(await open_and_settle(browser, url, HEAVY_TIMEOUT_S))
        except Exception as error:  # a timeout is a finding, not a crash of the benchmark
            failed.append(f"{url}: {type(error).__name__}: {str(error)[:120]}")


async def measure(base: str, flooders: int, opens: int) -> dict[str, object]:
    async with async_playwright() as driver:
        launch: dict[str, Any] = {"executable_path": str(CHROMIUM), "headless": True, "args": CHROMIUM_ARGS}
        reading = await driver.chromium.launch(**launch)
        flooding = await driver.chromium.launch(**launch)  # one client, apart from the reader
        try:
            await open_and_settle(reading, f"{base}?{urlencode(READER_LINK)}", READER_TIMEOUT_S)
            await open_and_settle(flooding, f"{base}?briefing=unvotes", HEAVY_TIMEOUT_S)  # warm
            alone = await reader(reading, base, opens)
            stop = asyncio.Event()
            done: list[float] = []
            failed: list[str] = []
            tasks = [
                asyncio.create_task(flooder(flooding, base, i, stop, done, failed)) for i in range(flooders)
            ]
            await asyncio.sleep(3)  # the flood is under way before the reader starts
            start = time.perf_counter()
            flooded = await reader(reading, base, opens)
            flood_s = time.perf_counter() - start
            stop.set()
            await asyncio.gather(*tasks)
        finally:
            await reading.close()
            await flooding.close()
    return {
        "alone": alone,
        "flooded": flooded,
        "heavy_done": done,
        "heavy_failed": failed,
        "flood_s": flood_s,
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--flooders",
        type=int,
        default=4,
        choices=range(1, 17),
        metavar="1..16",
        help="pages opening heavy links at once (default 4)",
    )
    parser.add_argument(
        "--opens",
        type=int,
        default=8,
        choices=range(1, 51),
        metavar="1..50",
        help="reader page opens per phase (default 8)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary, serve(Path(temporary)) as server:
        offset = server.log_size()
        figures = asyncio.run(measure(server.base_url, args.flooders, args.opens))
        runs = [seconds for _, seconds in server.script_runs(0, time.monotonic() + 1)]
        errors = server.tracebacks_since(offset)
        still_healthy = healthy(server.base_url)
    alone, flooded = figures["alone"], figures["flooded"]
    assert isinstance(alone, list) and isinstance(flooded, list)
    heavy, failed = figures["heavy_done"], figures["heavy_failed"]
    assert isinstance(heavy, list) and isinstance(failed, list)
    load = os.getloadavg()
    print(
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {platform.node()}, "
        f"{os.cpu_count()} cores, load average {load[0]:.1f}; {args.flooders} flooding pages, "
        f"{args.opens} reader opens per phase\n"
    )
    print("| reader opens the seed link | median | worst |")
    print("|---|---|---|")
    print(f"| alone | {statistics.median(alone):.2f} s | {max(alone):.2f} s |")
    print(f"| under the flood | {statistics.median(flooded):.2f} s | {max(flooded):.2f} s |")
    print(
        f"| ratio | {statistics.median(flooded) / statistics.median(alone):.1f}x | "
        f"{max(flooded) / max(alone):.1f}x |\n"
    )
    print(
        f"Heavy links completed during the flood: {len(heavy)} (median "
        f"{statistics.median(heavy):.1f} s, worst {max(heavy):.1f} s)"
        if heavy
        else "Heavy links completed during the flood: none"
    )
    print(f"Heavy links that did not settle within {HEAVY_TIMEOUT_S:.0f} s: {len(failed)}")
    for line in failed[:5]:
        print(f"  {line}")
    if runs:
        print(
            f"Server script runs (whole benchmark): {len(runs)}, median {statistics.median(runs):.2f} s, "
            f"longest {max(runs):.2f} s"
        )
    print(f"Tracebacks in the server log: {len(errors)}; healthy afterwards: {still_healthy}")
    return 0 if not errors and still_healthy else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
