"""A few readers at once on the seed briefing: every change settles and nothing goes wrong.

The small version of `benchmarks/load_test.py`, run through the same code (tests/support/load.py):
three browser sessions start together on a server of their own, and each opens a link, adds an actor
in the sidebar and switches to the cards view.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.support import load

SESSIONS = 3
CHANGES = 3  # open a link, add an actor, cards view


def _run_in_own_thread(coroutine: Coroutine[Any, Any, dict[str, Any]]) -> dict[str, Any]:
    """asyncio.run in a thread of its own: when the browser tests ran first, their sync Playwright
    keeps an event loop running in this thread, and asyncio.run refuses to start beside it."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.mark.browser
@pytest.mark.slow
def test_three_readers_at_once_all_settle_without_errors(chromium: Path, tmp_path: Path) -> None:
    with load.serve(tmp_path) as server:
        sampler = load.MemorySampler(server.pid)
        sampler.start()
        try:
            result = _run_in_own_thread(
                load.run_load(
                    server,
                    sampler,
                    "nk-troops-russia",
                    SESSIONS,
                    CHANGES,
                    change_timeout_s=30,
                    after_wait_s=1,
                    deadline=time.monotonic() + 120,
                )
            )
        finally:
            sampler.stop()

    assert result["error_examples"] == [], f"{result['errors']} errors under {SESSIONS} readers"
    assert result["changes_settled"] == result["changes_planned"] == SESSIONS * CHANGES
    assert set(result["by_kind"]) == set(load.CHANGE_KINDS[:CHANGES])
    assert result["healthy_after"]
    # The figures the benchmark reports were measured, not left at zero.
    assert result["script_runs"]["n"] >= SESSIONS * CHANGES, "the server's own run timings are missing"
    assert result["rss_mb"]["peak"] >= result["rss_mb"]["before"] > 0
