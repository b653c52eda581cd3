"""A throwaway PostgreSQL cluster on loopback, from Debian's server binaries: for the store's tests,
`make team` and the team benchmark. Never for a department's data (docs/team.md says how to point the
dashboard at a managed server instead).

The cluster lives in a temporary folder; its server listens on 127.0.0.1 only, on a free port, with
`trust` authentication for loopback connections (nothing else can connect). As root (CI), Debian's
`postgres` system user owns the folder and runs the server, since PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

DEBIAN_BINARIES = Path("/usr/lib/postgresql")
INSTALL_HINT = "apt-get install -y postgresql (Debian's server; the store's tests and `make team` start it)"


class ClusterError(RuntimeError):
    """The throwaway cluster could not be started; the message says why and what to install."""


def binaries() -> Path | None:
    """The newest Debian PostgreSQL `bin` folder with initdb and pg_ctl, or None."""
    if not DEBIAN_BINARIES.is_dir():
        return None
    found = [path / "bin" for path in DEBIAN_BINARIES.iterdir() if (path / "bin" / "pg_ctl").is_file()]
    return max(
        found, key=lambda path: int(path.parent.name) if path.parent.name.isdigit() else 0, default=None
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_owner(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    runuser = shutil.which("runuser") or "/usr/sbin/runuser"
    return [runuser, "-u", "postgres", "--", *command]


@dataclass
class Cluster:
    folder: Path
    port: int
    bin: Path

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    @property
    def log(self) -> Path:
        return self.folder / "server.log"

    def stop(self, mode: str = "fast") -> None:
        subprocess.run(
            _as_owner([str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", mode, "-w", "stop"]),
            capture_output=True,
            check=False,
            timeout=60,
        )

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def start(folder: Path | None = None, port: int | None = None) -> Cluster:
    """Create and start a cluster; the caller stops it (`Cluster.remove`)."""
    bin_folder = binaries()
    if bin_folder is None:
        raise ClusterError(f"PostgreSQL's server is not installed: {INSTALL_HINT}")
    folder = Path(folder or tempfile.mkdtemp(prefix="positions-pg-"))
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data = folder / "data"
    init = subprocess.run(
        _as_owner(
            [
                str(bin_folder / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-sync",
            ]
        ),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    if init.returncode != 0:
        raise ClusterError(f"initdb failed in {data}: {init.stderr.strip() or init.stdout.strip()}")
    port = port or free_port()
    options = f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={folder} -c fsync=off"
    started = subprocess.run(
        _as_owner(
            [
                str(bin_folder / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(folder / "server.log"),
                "-o",
                options,
                "-w",
                "start",
            ]
        ),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    cluster = Cluster(folder, port, bin_folder)
    if started.returncode != 0:
        log = cluster.log.read_text(errors="replace")[-2000:] if cluster.log.exists() else ""
        raise ClusterError(f"PostgreSQL did not start on port {port}: {started.stderr.strip()} {log}")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        ready = subprocess.run(
            [str(bin_folder / "pg_isready"), "-h", "127.0.0.1", "-p", str(port)],
            capture_output=True,
            check=False,
        )
        if ready.returncode == 0:
            return cluster
        time.sleep(0.1)
    cluster.remove()
    raise ClusterError(f"PostgreSQL on port {port} did not answer within 30 s")
