"""Fixtures every test may ask for: the mini briefing (`mini`, with writers for every format), the
seed briefing (`seed`), and a data folder of every briefing the app is tried on (`all_briefings`).

Under pytest-xdist the worker processes share what the run prepares once: the folder of prepared
briefings and the data folder (built by the first worker to ask, read by all), so the second
worker's server opens the UN votes from the first one's prepared copy instead of reading them again."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock

from tests.support.briefings import MiniBriefing, data_folder
from tests.support.browser import CHROMIUM, missing_chromium

PREPARED = pytest.StashKey[str]()


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
def unvotes():
    """The shipped UN votes briefing (870,109 positions), loaded once."""
    from dashboard.load import load_briefing

    briefing, problems = load_briefing(SEED.parent / "unvotes")
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
