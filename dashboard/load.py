"""Loading a briefing: its files read (`dashboard/formats/`), then validated (`dashboard/validate.py`)."""

from __future__ import annotations

from pathlib import Path

from dashboard.briefing import Briefing
from dashboard.formats import read_briefing
from dashboard.problems import Problem
from dashboard.validate import validate


def load_briefing(path: Path) -> tuple[Briefing, list[Problem]]:
    """Files -> validated briefing plus every problem found. Never raises on bad data."""
    try:
        folder_id = path.name if path.is_dir() else None
    except OSError:  # cannot be looked at: read_briefing says so
        folder_id = None
    return validate(read_briefing(path), folder_id)
