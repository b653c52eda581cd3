"""Fixtures every test may ask for: the mini briefing (`mini`, with writers for every format), the
seed briefing (`seed`), and a data folder of every briefing the app is tried on (`all_briefings`)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.support.briefings import MiniBriefing, data_folder
from tests.support.browser import CHROMIUM, missing_chromium

PREPARED = pytest.StashKey[str]()


def pytest_configure(config: pytest.Config) -> None:
    """Briefings the tests' pages and servers keep validated (dashboard/prepared.py) go to a folder
    of this run's own, removed at its end: never the developer's cache, which a briefing slow to
    load on a busy machine would otherwise fill with the tests' temporary ones."""
    config.stash[PREPARED] = tempfile.mkdtemp(prefix="prepared-")
    os.environ["DASHBOARD_PREPARED"] = config.stash[PREPARED]


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
def all_briefings(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder: copies of the shipped briefings, and the Bundestag 2025 briefing built from
    ../shared (present in CI; without it, the shipped ones only)."""
    return data_folder(tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium for the browser tests: skipped where it is missing, failed in CI."""
    reason = missing_chromium()
    if reason and reason.startswith("FAIL"):
        pytest.fail(reason)
    if reason:
        pytest.skip(reason)
    return CHROMIUM
