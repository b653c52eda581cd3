"""Fixtures for the extractor's tests: the pinned English model is loaded once per run."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from dashboard.extract.extractor import DraftQuote, extract
from tests.extract.support import SEED_BRIEFING


@pytest.fixture(scope="session")
def drafts_of() -> Callable[[str], list[DraftQuote]]:
    def run(text: str) -> list[DraftQuote]:
        found = extract(text)
        for quote in found:  # the contract every test relies on: the words are the article's
            assert text[quote.start : quote.end] == quote.text
        return found

    return run


@pytest.fixture
def seed_from_scratch(tmp_path: Path) -> Path:
    """The seed briefing's actors and issues, with no sources, quotes or positions yet."""
    folder = tmp_path / "nk-troops-russia"
    folder.mkdir()
    for name in ("briefing.yaml", "actors.yaml", "issues.yaml"):
        shutil.copy(SEED_BRIEFING / name, folder / name)
    return folder


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "nk-troops-russia"
    shutil.copytree(SEED_BRIEFING, folder)
    return folder
