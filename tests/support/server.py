"""A Streamlit server running the dashboard on a free loopback port, for browser tests and benchmarks.

One launcher for every caller: the browser tests (optionally under strace, to see every path the server
touches), the load test and the browser benchmark (through a boot script that also times each script
run). The server runs in a process group of its own, so stopping it stops strace's child too.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
START_SECONDS = 60
PORT_ATTEMPTS = 3  # a free port can be taken by another process before the server binds it


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def healthy(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
            return bool(response.read().decode().strip() == "ok")
    except OSError:
        return False


class ServerDidNotStart(RuntimeError):
    pass


@dataclass
class Server:
    """A running dashboard, and where its log and (when traced) its file calls go."""

    base_url: str
    pid: int
    data: Path
    log: Path
    trace: Path | None = None  # every file system call the server made, one a line

    def file_calls(self) -> str:
        """The traced calls so far; strace writes each line as the call returns."""
        assert self.trace is not None, "this server was started without tracing"
        return self.trace.read_text(errors="replace")

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the server's process group (Streamlit, or strace and its Streamlit): kindly, then not."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=10)
            return
        except subprocess.TimeoutExpired:
            continue


@contextmanager
def streamlit_server(
    data: Path,
    folder: Path,
    *,
    boot: Sequence[str] = ("-m", "streamlit"),
    trace: bool = False,
    address: str = "localhost",
    env: dict[str, str] | None = None,
    options: Sequence[str] = (),
    script: str = "dashboard/app.py",
) -> Iterator[Server]:
    """The dashboard serving the briefings in `data`, its log in `folder`; `boot` is how Python
    starts Streamlit (a `-c` script may wrap it); with `trace`, run under strace if there is one;
    `script` (relative to the project) is the page to serve: a benchmark's bare page, for one."""
    log_path = folder / "server.log"
    trace_path = folder / "files.trace" if trace and shutil.which("strace") else None
    environment = {**os.environ, "DASHBOARD_DATA": str(data), **(env or {})}
    host = "127.0.0.1" if address in ("127.0.0.1", "0.0.0.0") else address
    for attempt in range(1, PORT_ATTEMPTS + 1):
        port = free_port()
        process = _start(_command(port, boot, address, options, script, trace_path), environment, log_path)
        base_url = f"http://{host}:{port}"
        try:
            deadline = time.monotonic() + START_SECONDS
            while not healthy(base_url):
                if process.poll() is not None or time.monotonic() > deadline:
                    break
                time.sleep(0.2)  # polling a process that is starting, not synchronising the app
            else:
                if process.poll() is None:  # the answer came from this server, not one that took the port
                    yield Server(base_url, process.pid, data, log_path, trace_path)
                    return
            log = log_path.read_text(errors="replace")
            if "is not available" in log and attempt < PORT_ATTEMPTS:
                continue  # another process took the free port first (parallel test workers)
            raise ServerDidNotStart(f"Streamlit did not start on port {port}; its log:\n" + log[-3000:])
        finally:
            stop(process)


def _command(
    port: int,
    boot: Sequence[str],
    address: str,
    options: Sequence[str],
    script: str,
    trace_path: Path | None,
) -> list[str]:
    command = [
        sys.executable,
        *boot,
        "run",
        script,
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--server.address",
        address,
        # The code under test is the code at start-up: edits made while the tests run must not
        # reload half the modules in the middle of a scenario.
        "--server.fileWatcherType",
        "none",
        *options,
    ]
    if trace_path:
        # -f: Streamlit runs each session's script in a thread of its own; -y: each opened file
        # is also named by the path it resolved to, so a file reached through a link shows up.
        command = [
            "strace",
            "-f",
            "-y",
            "-qq",
            "--seccomp-bpf",
            "-e",
            "trace=%file",
            "-o",
            str(trace_path),
            *command,
        ]
    return command


def _start(command: list[str], environment: dict[str, str], log_path: Path) -> subprocess.Popen[bytes]:
    with log_path.open("wb") as log:
        return subprocess.Popen(
            command,
            cwd=PROJECT,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
