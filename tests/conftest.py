"""Fixtures every test may ask for: the mini briefing (`mini`, with writers for every format), the
seed briefing (`seed`), and a data folder of every briefing the app is tried on (`all_briefings`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.briefings import MiniBriefing, data_folder
from tests.support.browser import CHROMIUM, missing_chromium


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
