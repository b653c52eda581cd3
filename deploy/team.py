"""The team server on one machine, for a trial: a throwaway PostgreSQL store, N dashboard replicas
and HAProxy in front of them, all on loopback. `python -m deploy.team` (or `make team`) starts it,
prints the addresses and stops everything on Ctrl-C.

The pieces are functions that return handles, so the team benchmark (benchmarks/team_load.py) and
the replica test (tests/team) start the same thing: `start_team` / `Team.stop`, or `running_team`.

Each replica is `python -m dashboard serve` on a port of its own with its own working folder
(DASHBOARD_DATA), the store's address (DASHBOARD_STORE_URL) and the cookie secret every replica
shares. Until the store's command line is there (`python -m dashboard store`), the replicas share one
plain data folder instead (a copy of data/), which works on one machine only; `Team.store_url` is ""
then.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.store.cluster import free_port

PROJECT = Path(__file__).resolve().parents[1]
HAPROXY_TEMPLATE = Path(__file__).resolve().parent / "haproxy.cfg"
HAPROXY = Path("/usr/sbin/haproxy")
SHIPPED = PROJECT / "data"
STORE_VARIABLE = "DASHBOARD_STORE_URL"
START_SECONDS = 90.0
FRONT_PORT = 8600  # the trial's address: http://127.0.0.1:8600; replicas on 8601, 8602, ...


def haproxy_binary() -> Path | None:
    """Debian's HAProxy, or the one on PATH; None when neither is installed."""
    if HAPROXY.is_file():
        return HAPROXY
    found = shutil.which("haproxy")
    return Path(found) if found else None


def port_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def healthy(base_url: str, timeout_s: float = 2) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=timeout_s) as response:
            return bool(response.read().decode().strip() == "ok")
    except OSError:
        return False


def _stop_group(process: subprocess.Popen[bytes], first: signal.Signals = signal.SIGTERM) -> None:
    """Stop a process started in a session of its own, and everything it started: kindly, then not."""
    for sig in (first, signal.SIGKILL):
        with suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=10)
            return
        except subprocess.TimeoutExpired:
            continue


@dataclass
class Replica:
    """One `python -m dashboard serve` (its process is Streamlit's: serve execs it)."""

    name: str  # replica1, ...: also its value of HAProxy's SERVERID cookie
    port: int
    data: Path  # its working folder (DASHBOARD_DATA)
    log: Path
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL to the replica and every process it started: a machine that died, not a shutdown."""
        _stop_group(self.process, signal.SIGKILL)

    def stop(self) -> None:
        _stop_group(self.process)


@dataclass
class Proxy:
    port: int
    stats_port: int
    config: Path
    log: Path
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def stats_url(self) -> str:
        return f"http://127.0.0.1:{self.stats_port}/"

    def stop(self) -> None:
        _stop_group(self.process)


@dataclass
class Team:
    folder: Path  # everything of this trial: replicas' folders, logs, the proxy's config
    store_url: str  # "" while the replicas share one plain data folder
    cookie_secret: str
    replicas: list[Replica] = field(default_factory=list)
    proxy: Proxy | None = None
    cluster: object | None = None  # dashboard.store.cluster.Cluster, when the store runs

    @property
    def url(self) -> str:
        assert self.proxy is not None, "this team has no proxy"
        return self.proxy.url

    def stop(self) -> None:
        """Stop the proxy, the replicas and the store, and remove the trial's folder."""
        if self.proxy is not None:
            self.proxy.stop()
        for replica in self.replicas:
            replica.stop()
        if self.cluster is not None:
            self.cluster.remove()  # type: ignore[attr-defined]
        shutil.rmtree(self.folder, ignore_errors=True)


# --- the store -------------------------------------------------------------------------------------


def store_available() -> bool:
    """Whether this checkout has the store's command line (`python -m dashboard store`)."""
    found = subprocess.run(
        [sys.executable, "-m", "dashboard", "store", "--help"],
        cwd=PROJECT,
        capture_output=True,
        check=False,
        timeout=60,
    )
    return found.returncode == 0


def store_command(url: str, *args: str, timeout_s: float = 300) -> subprocess.CompletedProcess[str]:
    """`python -m dashboard store ARGS` against the store at `url`; raises on failure."""
    environ = {**os.environ, STORE_VARIABLE: url}
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "store", *args],
        cwd=PROJECT,
        env=environ,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout_s,
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"dashboard store {' '.join(args)} failed: {done.stderr.strip() or done.stdout.strip()}"
        )
    return done


def shipped_briefings(source: Path = SHIPPED) -> list[Path]:
    return sorted(path for path in source.iterdir() if path.is_dir() and not path.name.startswith("."))


def start_store(source: Path = SHIPPED) -> tuple[object, str]:
    """The throwaway PostgreSQL with every briefing of `source` pushed into it: (cluster, url)."""
    from dashboard.store import cluster as clusters

    cluster = clusters.start()  # a folder of its own, which the postgres user may enter
    try:
        for briefing in shipped_briefings(source):
            store_command(cluster.url, "push", str(briefing))
    except BaseException:
        cluster.remove()
        raise
    return cluster, cluster.url


# --- replicas and the proxy ------------------------------------------------------------------------


def start_replica(
    name: str,
    port: int,
    folder: Path,
    *,
    data: Path,
    store_url: str,
    cookie_secret: str,
    extra_env: dict[str, str] | None = None,
) -> Replica:
    """`python -m dashboard serve` on 127.0.0.1:`port`, its log in `folder`; not yet waited for."""
    folder.mkdir(parents=True, exist_ok=True)
    data.mkdir(parents=True, exist_ok=True)
    environ = {
        **os.environ,
        "DASHBOARD_DATA": str(data),
        # Streamlit's own settings, as environment variables: the same cookie secret on every
        # replica (its XSRF cookie is signed with it), no browser to open, no file watching.
        "STREAMLIT_SERVER_COOKIE_SECRET": cookie_secret,
        "STREAMLIT_SERVER_HEADLESS": "true",
        "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none",
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
        **(extra_env or {}),
    }
    if store_url:
        environ[STORE_VARIABLE] = store_url
    else:
        environ.pop(STORE_VARIABLE, None)
    log = folder / f"{name}.log"
    with log.open("ab") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "dashboard", "serve", "--address", "127.0.0.1", "--port", str(port)],
            cwd=PROJECT,  # .streamlit/config.toml: the theme, the error details kept from readers
            env=environ,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return Replica(name, port, data, log, process)


def wait_healthy(replica: Replica, timeout_s: float = START_SECONDS) -> None:
    deadline = time.monotonic() + timeout_s
    while not healthy(replica.url):
        if not replica.alive() or time.monotonic() > deadline:
            tail = replica.log.read_text(errors="replace")[-3000:] if replica.log.exists() else ""
            raise RuntimeError(f"{replica.name} did not start on port {replica.port}; its log:\n{tail}")
        time.sleep(0.2)  # polling a server that is starting


def haproxy_config(bind: str, stats: str, replicas: list[tuple[str, int]]) -> str:
    """deploy/haproxy.cfg with the trial's addresses filled in."""
    servers = "\n".join(f"    server {name} 127.0.0.1:{port} check cookie {name}" for name, port in replicas)
    names = {"bind": bind, "stats": stats, "servers": servers}
    lines = HAPROXY_TEMPLATE.read_text().splitlines()
    # Comments name the placeholders too: only the configuration's own lines are filled.
    return (
        "\n".join(
            line if line.lstrip().startswith("#") else string.Template(line).substitute(names)
            for line in lines
        )
        + "\n"
    )


def start_proxy(folder: Path, port: int, replicas: list[Replica], stats_port: int | None = None) -> Proxy:
    """HAProxy on 127.0.0.1:`port` in front of the replicas, in the foreground, its log in `folder`."""
    binary = haproxy_binary()
    if binary is None:
        raise RuntimeError("HAProxy is not installed: apt-get install -y haproxy")
    stats_port = stats_port or free_port()
    config = folder / "haproxy.cfg"
    config.write_text(
        haproxy_config(f"127.0.0.1:{port}", f"127.0.0.1:{stats_port}", [(r.name, r.port) for r in replicas])
    )
    checked = subprocess.run([str(binary), "-c", "-q", "-f", str(config)], capture_output=True, text=True)
    if checked.returncode != 0:
        raise RuntimeError(f"HAProxy refused {config}: {checked.stderr.strip()}")
    log = folder / "haproxy.log"
    with log.open("ab") as out:
        process = subprocess.Popen(
            [str(binary), "-db", "-f", str(config)],
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    proxy = Proxy(port, stats_port, config, log, process)
    deadline = time.monotonic() + 20
    while not healthy(proxy.url):
        if process.poll() is not None or time.monotonic() > deadline:
            proxy.stop()
            raise RuntimeError(f"HAProxy did not answer on port {port}; its log:\n{log.read_text()[-2000:]}")
        time.sleep(0.2)
    return proxy


def wait_all_up(proxy: Proxy, names: list[str], timeout_s: float = 20) -> None:
    """Until HAProxy's own checks say every replica is UP (its CSV status page)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if set(names) <= set(servers_up(proxy)):
            return
        time.sleep(0.2)
    raise RuntimeError(f"HAProxy did not see every replica up: {servers_up(proxy)} of {names}")


def servers_up(proxy: Proxy) -> list[str]:
    """The replicas HAProxy's health checks hold UP now."""
    try:
        with urllib.request.urlopen(proxy.stats_url + ";csv", timeout=2) as response:
            rows = response.read().decode().splitlines()
    except OSError:
        return []
    header = rows[0].lstrip("# ").split(",")
    name, status, proxy_name = header.index("svname"), header.index("status"), header.index("pxname")
    up = []
    for row in rows[1:]:
        cells = row.split(",")
        if len(cells) > status and cells[proxy_name] == "replicas" and cells[status] == "UP":
            up.append(cells[name])
    return up


def start_team(
    replicas: int = 2,
    *,
    port: int | None = None,
    folder: Path | None = None,
    use_store: bool | None = None,
    proxy: bool = True,
    source: Path = SHIPPED,
    extra_env: dict[str, str] | None = None,
) -> Team:
    """The store (when this checkout has it and `use_store` is not False), `replicas` replicas, and
    HAProxy on `port` (a free one when None). Raises if any part does not come up; stops what it
    started first."""
    folder = Path(folder or tempfile.mkdtemp(prefix="positions-team-"))
    folder.mkdir(parents=True, exist_ok=True)
    team = Team(folder, "", secrets.token_urlsafe(32))
    try:
        if use_store is None:
            use_store = store_available()
        shared = folder / "shared-data"
        if use_store:
            team.cluster, team.store_url = start_store(source)
        else:
            # One plain data folder every replica reads: the store's stand-in on one machine.
            shutil.copytree(source, shared, ignore=shutil.ignore_patterns(".*"))
        front = port or free_port()
        ports = (
            [free_port() for _ in range(replicas)]
            if port is None
            else [front + 1 + i for i in range(replicas)]
        )
        for index, replica_port in enumerate(ports, start=1):
            name = f"replica{index}"
            data = folder / name / "data" if use_store else shared
            team.replicas.append(
                start_replica(
                    name,
                    replica_port,
                    folder / name,
                    data=data,
                    store_url=team.store_url,
                    cookie_secret=team.cookie_secret,
                    extra_env=extra_env,
                )
            )
        for replica in team.replicas:
            wait_healthy(replica)
        if proxy:
            team.proxy = start_proxy(folder, front, team.replicas)
            wait_all_up(team.proxy, [r.name for r in team.replicas])
    except BaseException:
        team.stop()
        raise
    return team


@contextmanager
def running_team(replicas: int = 2, **options: object) -> Iterator[Team]:
    team = start_team(replicas, **options)  # type: ignore[arg-type]
    try:
        yield team
    finally:
        team.stop()


# --- the command -------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m deploy.team",
        description="A trial team server on this machine: a throwaway PostgreSQL store with the shipped "
        "briefings, N dashboard replicas and HAProxy in front, on loopback. Ctrl-C stops it all.",
    )
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--port", type=int, default=FRONT_PORT, help=f"HAProxy's port (default {FRONT_PORT})")
    parser.add_argument(
        "--shared-folder",
        action="store_true",
        help="no store: the replicas share one plain data folder (one machine only)",
    )
    args = parser.parse_args(argv)
    busy = [p for p in range(args.port, args.port + args.replicas + 1) if not port_free(p)]
    if busy:
        print(f"deploy.team: port(s) {busy} in use: choose another with --port", file=sys.stderr)
        return 2
    print(
        f"Starting {args.replicas} replicas and HAProxy (the UN votes briefing takes a while) ...", flush=True
    )
    try:
        team = start_team(args.replicas, port=args.port, use_store=False if args.shared_folder else None)
    except Exception as error:
        print(f"deploy.team: not started: {error}", file=sys.stderr)
        return 1
    assert team.proxy is not None
    print(f"\nThe team server: {team.url}   (open this one)")
    print(f"HAProxy's status page: {team.proxy.stats_url}")
    for replica in team.replicas:
        print(f"  {replica.name}: {replica.url}  working folder {replica.data}  log {replica.log}")
    if team.store_url:
        print(f"The store: {team.store_url}  (psql {team.store_url})")
    else:
        print(
            "No store (python -m dashboard store is not in this checkout):"
            " the replicas share one data folder."
        )
    print(f"Logs and folders under {team.folder}. Ctrl-C stops everything.", flush=True)
    stopping = False

    def on_signal(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    reported: set[str] = set()
    try:
        while not stopping:
            for replica in team.replicas:
                if not replica.alive() and replica.name not in reported:
                    print(f"{replica.name} has stopped (its log: {replica.log})", file=sys.stderr, flush=True)
                    reported.add(replica.name)
            time.sleep(0.5)
    finally:
        print("\nStopping HAProxy, the replicas and the store ...", flush=True)
        team.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
