"""What once took the server down for every reader: a briefing whose names hold characters XML
forbids, and a picture downloaded from it. Every download is made and saved, the server stays up,
another reader's page keeps working; a worker killed in the middle of a render costs that file only,
said in words, and the next one is made."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.conftest import AppPage, _pages, _serving
from tests.support.control_briefing import control_briefing
from tests.support.server import Server, healthy

HEAVY = {
    "pdf": "Briefing note (PDF)",
    "docx": "Briefing note (Word)",
    "png": "Matrix picture (PNG)",
    "svg": "Matrix picture (SVG)",
}


@pytest.fixture(scope="module")
def control_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data = tmp_path_factory.mktemp("control-data")
    control_briefing(data)
    with _serving(data, tmp_path_factory.mktemp("control-server")) as server:
        yield server


@pytest.fixture
def new_page(browser: Browser, control_server: Server) -> Iterator[Callable[[], AppPage]]:
    with _pages(browser, control_server.base_url) as open_page:
        yield open_page


def _workers(server_pid: int) -> list[int]:
    """The server's worker processes (python -m dashboard.workers), from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        parent = next((line.split()[1] for line in status.splitlines() if line.startswith("PPid:")), "")
        if parent == str(server_pid) and b"dashboard.workers" in command:
            found.append(int(entry.name))
    return found


def _cpu_ticks(pid: int) -> int:
    """The process's user and system time in clock ticks (/proc/PID/stat), or -1 once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return -1
    return int(fields[11]) + int(fields[12])


def _kill_the_busy_worker(
    server_pid: int, idle: dict[int, int], killed: list[int], stop: threading.Event
) -> None:
    """Kill the worker that takes the render, once it is working: one started after the click, or an
    idle one whose CPU time grows. Killing an idle worker instead (under load the click can reach
    the server late) would only have it replaced, and the render would succeed."""
    while not stop.is_set() and not killed:
        for pid in _workers(server_pid):
            if pid not in idle or _cpu_ticks(pid) > idle[pid] + 2:
                time.sleep(0.3)  # well inside the render, not at its first instruction
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
                return
        time.sleep(0.05)


def _make_and_save(app: AppPage, label: str) -> bytes:
    page = app.page
    make = page.get_by_role("button", name=label, exact=True)
    make.scroll_into_view_if_needed()
    make.click()
    save = page.get_by_role("button", name="Save controls-")
    expect(save).to_be_visible(timeout=90_000)
    with page.expect_download(timeout=60_000) as download:
        save.click()
    return Path(download.value.path()).read_bytes()


def test_every_download_of_a_briefing_full_of_control_characters(
    new_page: Callable[[], AppPage], control_server: Server
) -> None:
    reader = new_page()
    reader.open("?actor=china")
    other = new_page()
    other.open("?view=cards")
    for suffix, label in HEAVY.items():
        data = _make_and_save(reader, label)
        assert len(data) > 1000, suffix
        assert healthy(control_server.base_url), f"the server died making the {suffix}"
        reader.page.reload()
        reader.settle()
    # The other reader's page still answers: a rerun of its own.
    other.rerun(other.page.get_by_role("radio", name="Stance matrix & quotes").click)
    expect(other.page.get_by_test_id("stException")).to_have_count(0)
    assert "SIGABRT" not in control_server.log_text() and "panicked" not in control_server.log_text()


def test_a_worker_killed_mid_render_fails_that_file_in_words_and_the_page_goes_on(
    new_page: Callable[[], AppPage], control_server: Server
) -> None:
    app = new_page()
    app.open()
    page = app.page
    make = page.get_by_role("button", name=HEAVY["pdf"], exact=True)
    make.scroll_into_view_if_needed()
    killed: list[int] = []
    stop = threading.Event()
    idle = {pid: _cpu_ticks(pid) for pid in _workers(control_server.pid)}
    killer = threading.Thread(target=_kill_the_busy_worker, args=(control_server.pid, idle, killed, stop))
    killer.start()
    make.click()
    killer.join(timeout=60)
    stop.set()
    assert killed, "no worker process took the render within 60 s"
    expect(page.get_by_text("could not be made: the program that makes it stopped (SIGKILL)")).to_be_visible(
        timeout=60_000
    )
    assert healthy(control_server.base_url)
    data = _make_and_save(app, HEAVY["svg"])  # the next file is made by a new worker
    assert data.startswith(b"<svg")
    expect(page.get_by_test_id("stException")).to_have_count(0)
