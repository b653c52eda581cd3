"""The two engines the store's tests run on: a data folder, and a real PostgreSQL (Debian's server,
started here in a throwaway cluster on loopback; the tests fail in CI where it is missing)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock

from dashboard.store import STORE_VARIABLE
from dashboard.store.cluster import Cluster, ClusterError, start


def _start() -> Cluster:
    try:
        return start()
    except ClusterError as error:
        if os.environ.get("CI"):
            pytest.fail(str(error))
        pytest.skip(str(error))


@pytest.fixture(scope="session")
def postgres_url(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Iterator[str]:
    """The cluster's address. Under pytest-xdist one cluster serves every worker (each test has a
    database of its own, named with its worker's process id): the first worker to ask starts it,
    each registers under a lock in the run's folder, and the last to finish removes it. A worker
    that asks after the others have finished starts a new one."""
    if worker_id == "master":
        cluster = _start()
        try:
            yield cluster.url
        finally:
            cluster.remove()
        return
    run = tmp_path_factory.getbasetemp().parent  # the run's folder, above each worker's own
    state = run / "postgres.json"
    with FileLock(str(run / "postgres.lock")):
        if state.is_file():
            shared = json.loads(state.read_text(encoding="utf-8"))
        else:
            cluster = _start()
            shared = {
                "folder": str(cluster.folder),
                "port": cluster.port,
                "bin": str(cluster.bin),
                "users": 0,
            }
        shared["users"] += 1
        state.write_text(json.dumps(shared), encoding="utf-8")
    cluster = Cluster(Path(shared["folder"]), int(shared["port"]), Path(shared["bin"]))
    try:
        yield cluster.url
    finally:
        with FileLock(str(run / "postgres.lock")):
            shared = json.loads(state.read_text(encoding="utf-8"))
            shared["users"] -= 1
            if shared["users"] == 0:
                cluster.remove()
                state.unlink()
            else:
                state.write_text(json.dumps(shared), encoding="utf-8")


@dataclass
class Engine:
    """One engine under test: `store` moves briefings; `replica(name)` is the data folder a server
    process named `name` reads and saves in; `env` what such a process needs in its environment."""

    name: str
    store: object
    root: Path
    env: dict[str, str]

    def replica(self, name: str) -> Path:
        return self.store.workspace(self.root / "replicas" / name)  # type: ignore[attr-defined]


_database = iter(range(1, 10_000))


@pytest.fixture(params=["files", "postgres"])
def engine(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    return _engine(request.param, request, tmp_path, monkeypatch)


@pytest.fixture
def team_engine(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """The team engine alone, for what only it does."""
    return _engine("postgres", request, tmp_path, monkeypatch)


def _engine(
    kind: str, request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Engine:
    if kind == "files":
        from dashboard.store.files import FolderStore

        monkeypatch.delenv(STORE_VARIABLE, raising=False)
        root = tmp_path / "data"
        root.mkdir()
        return Engine("files", FolderStore(root), tmp_path, {})
    import psycopg

    from dashboard.store.postgres import PostgresStore

    base = request.getfixturevalue("postgres_url")
    name = f"t{os.getpid()}_{next(_database)}"  # a database of its own for each test
    with psycopg.connect(base, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    url = base.rsplit("/", 1)[0] + f"/{name}"
    monkeypatch.setenv(STORE_VARIABLE, url)
    return Engine("postgres", PostgresStore(url), tmp_path, {STORE_VARIABLE: url})
