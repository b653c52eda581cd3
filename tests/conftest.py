"""Fixtures every test may ask for: the mini briefing (`mini`, with writers for every format), the
seed briefing (`seed`), and a data folder of every briefing the app is tried on (`all_briefings`).

Under pytest-xdist the worker processes share what the run prepares once: the folder of prepared
briefings and the data folder (built by the first worker to ask, read by all), so the second
worker's server opens the UN votes from the first one's prepared copy instead of reading them again."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest
from filelock import FileLock

from tests.support.briefings import MiniBriefing, data_folder
from tests.support.browser import CHROMIUM, missing_chromium, run_group

PREPARED = pytest.StashKey[str]()
TESTS = Path(__file__).resolve().parent
# The only folders the browser part of `make test` collects (the Makefile's BROWSER_TESTS).
BROWSER_FOLDERS = (TESTS / "e2e", TESTS / "load")


def pytest_configure(config: pytest.Config) -> None:
    """Briefings the tests' pages and servers keep validated (dashboard/prepared.py) go to a folder
    of this run's own, removed at its end: never the developer's cache, which a briefing slow to
    load on a busy machine would otherwise fill with the tests' temporary ones. An xdist worker uses
    the folder of the run that started it (a prepared file is written whole, then renamed)."""
    shared = getattr(config, "workerinput", {}).get("prepared")
    if shared:
        os.environ["DASHBOARD_PREPARED"] = shared
        return
    config.stash[PREPARED] = tempfile.mkdtemp(prefix="prepared-")
    os.environ["DASHBOARD_PREPARED"] = config.stash[PREPARED]


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """pytest-xdist: hand each worker the run's folder of prepared briefings."""
    node.workerinput["prepared"] = node.config.stash[PREPARED]


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = config.stash.get(PREPARED, None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> Iterator[None]:
    """A test marked `browser` outside BROWSER_FOLDERS would be run by neither part of `make test`
    (the first leaves the browser tests out, the second collects only those folders): refused.
    Under `--dist worksteal`, once `-m` has deselected (after the other hooks), the modules with a
    slow test go first in each process's share (`_slow_first`)."""
    strays = [
        item.nodeid
        for item in items
        if item.get_closest_marker("browser") and not any(f in item.path.parents for f in BROWSER_FOLDERS)
    ]
    if strays:
        raise pytest.UsageError(
            f"marked browser outside {', '.join(f.name for f in BROWSER_FOLDERS)}/ (move them there, "
            f"or add the folder to BROWSER_FOLDERS and the Makefile's BROWSER_TESTS): {strays}"
        )
    yield
    workers = getattr(config, "workerinput", {}).get("workercount", 0)
    if config.getoption("dist", None) == "worksteal" and workers > 1:  # None: run with -p no:xdist
        items[:] = _slow_first(items, workers)


def _slow_first(items: list[pytest.Item], workers: int) -> list[pytest.Item]:
    """The tests in the order that ends `make test`'s first part soonest under pytest-xdist's
    worksteal, which hands each process a contiguous share of the collection (the first n // 2 of
    n tests, then the rest) and, when one runs dry, moves the far end of the other's queue to it.
    A run can only end as late as the last test to start: a test of a minute started near the end
    leaves the other process idle for most of it. So each share starts with modules holding a test
    marked slow (each to the share with the fewest of them so far: a count of slow tests would put
    the 75 of tests/formats/test_vector_paths.py in one share, every other such module in the
    other) and ends with the modules that hold none, which are the ones moved about at the end.
    A module stays whole, in its own order (its fixtures set up once), except where a quick module
    straddles two shares. Nothing is left out; with no slow test selected (`make test-fast`), the
    order is unchanged."""
    modules: dict[Path, list[pytest.Item]] = {}
    for item in items:
        modules.setdefault(item.path, []).append(item)
    lanes: list[list[pytest.Item]] = [[] for _ in range(workers)]
    weights = [0] * workers
    quick: list[pytest.Item] = []
    for tests in modules.values():
        if not any(test.get_closest_marker("slow") for test in tests):
            quick.extend(tests)
            continue
        fewest = weights.index(min(weights))
        lanes[fewest].extend(tests)
        weights[fewest] += 1
    ordered: list[pytest.Item] = []
    left = len(items)
    for n, lane in enumerate(lanes):
        share = left // (workers - n)  # worksteal's share for the n-th process to ask
        fill = max(0, share - len(lane))
        ordered += lane + quick[:fill]
        quick = quick[fill:]
        left -= len(lane) + fill
    ordered += quick
    assert len(ordered) == len(items)
    return ordered


@pytest.hookimpl(tryfirst=True, optionalhook=True)  # before pytest-xdist's own choice
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """`--dist loadgroup` (the browser part of `make test`): each group of `run_group` whole in one
    process, the groups handed out in the order collected (with --no-loadscope-reorder). pytest-xdist's
    own loadgroup reads `xdist_group` marks through a node id attribute pytest 9 no longer has, so
    it would send every test on its own; the group is read from the node id instead."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class RunGroups(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return run_group(nodeid)

    return RunGroups(config, log)


@pytest.fixture(scope="session")
def mini() -> MiniBriefing:
    return MiniBriefing()


SEED = Path(__file__).resolve().parents[1] / "data" / "nk-troops-russia"


@pytest.fixture(scope="session")
def seed():
    """The shipped seed briefing, loaded once."""
    from dashboard.load import load_briefing

    briefing, _ = load_briefing(SEED)
    return briefing


@pytest.fixture(scope="session")
def seed_note(seed: Any, tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Callable[..., bytes]:
    """seed_note(query, suffix, base=..., now=...): the seed's note of the view a link's query names,
    linking back to `base`, made at `now` (`document.render`, what `python -m dashboard note`
    writes). Each is made once for the run, however many modules read it (the whole seed as PDF
    takes seconds): the first process to ask writes it into the run's folder under a lock, the
    others read it."""
    from dashboard.link import decode
    from dashboard.note import document
    from dashboard.note.cli import link_for
    from dashboard.selection import Choices

    run = tmp_path_factory.getbasetemp()
    folder = (run if worker_id == "master" else run.parent) / "seed-notes"
    folder.mkdir(exist_ok=True)
    kept: dict[str, bytes] = {}

    def made(query: str, suffix: str, *, base: str, now: datetime) -> bytes:
        key = hashlib.sha256(f"{query}\n{base}\n{now.isoformat()}".encode()).hexdigest()[:24] + f".{suffix}"
        if key not in kept:
            path = folder / key
            with FileLock(f"{path}.lock"):
                if not path.is_file():
                    choices = Choices([seed.meta.id], seed.actors["id"], seed.issues["id"], seed.topics)
                    selection = decode(parse_qs(query), seed.meta.id, choices).selection
                    data = document.render(seed, selection, suffix, link=link_for(base, selection), now=now)
                    part = path.with_name(f"{key}.part")
                    part.write_bytes(data)
                    part.replace(path)  # there whole, or not at all
                kept[key] = path.read_bytes()
        return kept[key]

    return made


@pytest.fixture(scope="session")
def unvotes():
    """The shipped UN votes briefing (870,109 positions), loaded once for the run: the first worker
    to ask reads and validates it and keeps it in the run's prepared folder (dashboard/prepared.py),
    the other unpickles that copy (a fraction of a second instead of several)."""
    from dashboard import prepared

    where = prepared.folder()
    assert where is not None, "pytest_configure gives the run a prepared folder of its own"
    where.mkdir(mode=0o700, parents=True, exist_ok=True)
    with FileLock(str(where / "unvotes.lock")):
        briefing, problems = prepared.load_prepared(SEED.parent / "unvotes")
    assert not problems
    return briefing


@pytest.fixture(scope="session")
def all_briefings(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """A data folder: copies of the shipped briefings, and the Bundestag 2025 briefing built from
    ../shared (present in CI; without it, the shipped ones only). Read only: the tests that write
    copy a briefing first. Under xdist, one folder for all workers, built once under a lock."""
    if worker_id == "master":
        return data_folder(tmp_path_factory.mktemp("data"))
    run = tmp_path_factory.getbasetemp().parent  # the run's folder, above each worker's own
    target = run / "data"
    with FileLock(str(run / "data.lock")):
        if not (run / "data.built").is_file():
            shutil.rmtree(target, ignore_errors=True)  # a worker that failed half way
            data_folder(target)
            (run / "data.built").touch()
    return target


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium for the browser tests: skipped where it is missing, failed in CI."""
    reason = missing_chromium()
    if reason and reason.startswith("FAIL"):
        pytest.fail(reason)
    if reason:
        pytest.skip(reason)
    return CHROMIUM


# ------------------------------------------------------------- prepared briefings (dashboard/prepared.py)


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A prepared folder of this test's own, keeping every briefing however quickly it loads."""
    from dashboard import prepared

    where = tmp_path / "prepared"
    monkeypatch.setenv("DASHBOARD_PREPARED", str(where))
    monkeypatch.setattr(prepared, "KEEP_AFTER_SECONDS", 0.0)
    return where


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders `prepared` read from their files (not from a kept copy), in order."""
    from dashboard import prepared
    from dashboard.load import load_briefing

    done: list[Path] = []

    def counted(path: Path) -> Any:
        done.append(path)
        return load_briefing(path)

    monkeypatch.setattr(prepared, "load_briefing", counted)
    return done
