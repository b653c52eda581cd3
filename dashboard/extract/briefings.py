"""The one place this package reads a briefing through the core (the loader is moving modules)."""

from __future__ import annotations

from pathlib import Path

from dashboard.briefing import Briefing
from dashboard.load import load_briefing as _load_briefing
from dashboard.problems import Problem


def load_briefing(path: Path) -> tuple[Briefing, list[Problem]]:
    return _load_briefing(path)
