"""Which briefings the app may open: the folders directly inside the data folder, and nothing else.

A link names a briefing by id; the id is looked up in this list, never joined onto a path, so no link
can make the app read outside the data folder.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from dashboard.records import ID_PATTERN

PROJECT_DATA = Path(__file__).resolve().parent.parent / "data"
DEFAULT_BRIEFING = "nk-troops-russia"


def data_folder() -> Path:
    return Path(os.environ.get("DASHBOARD_DATA") or PROJECT_DATA)


def briefings(folder: Path) -> dict[str, Path]:
    """Briefing id -> folder, for every sub-folder whose name is a valid id."""
    if not folder.is_dir():
        return {}
    found = {}
    for child in sorted(folder.iterdir()):
        # A link is never followed, not even to look: it could lead out of the data folder.
        if not child.is_symlink() and child.is_dir() and re.fullmatch(ID_PATTERN, child.name):
            found[child.name] = child
    return found


def default_briefing(available: dict[str, Path]) -> str:
    if DEFAULT_BRIEFING in available:
        return DEFAULT_BRIEFING
    return next(iter(available), "")


def fingerprint(path: Path) -> tuple[tuple[str, int, int], ...]:
    """Names, modification times and sizes of a briefing's files: changes when any file does."""
    files = [path] if path.is_file() else sorted(p for p in path.iterdir() if p.is_file())
    stamps = []
    for file in files:
        stat = file.stat()
        stamps.append((file.name, stat.st_mtime_ns, stat.st_size))
    return tuple(stamps)
