"""Which briefings the app may open: the folders directly inside the data folder, and nothing else.

A link names a briefing by id; the id is looked up in this list, never joined onto a path, so no link
can make the app read outside the data folder. What is left out, and why, is returned too, so the
page can say so instead of "No briefings found".
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.access import ACCESS_FILE
from dashboard.formats import FORMATS
from dashboard.formats.folder import is_editor_file, listing
from dashboard.records import ID_PATTERN

PROJECT_DATA = Path(__file__).resolve().parent.parent / "data"
DEFAULT_BRIEFING = "nk-troops-russia"

NOT_AN_ID = (
    "its name is not a valid briefing id: use letters, digits and - _ . : only, starting "
    "with a letter or digit, at most 128 characters"
)
A_LINK = "a symbolic link, never followed (it could lead out of the data folder)"
A_FILE = "a file: a briefing is a folder of its own (data/<id>/) holding its files"
HIDDEN = "a hidden folder (its name starts with '.')"


@dataclass(frozen=True)
class Skipped:
    """An entry of the data folder that is not offered as a briefing, and why not."""

    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


@dataclass(frozen=True)
class Catalog:
    briefings: dict[str, Path] = field(default_factory=dict)  # id -> folder, in name order
    skipped: tuple[Skipped, ...] = ()
    problem: str = ""  # why the data folder itself could not be read, if it could not


def _looked_at(entry: os.DirEntry[str]) -> tuple[str, str]:
    """(id, "") for a briefing folder, ("", why not) for anything else; ("", "") for what is no
    candidate at all: an editor's temporary file, or a file of no briefing format."""
    try:
        if entry.is_symlink():
            return "", A_LINK
        if not entry.is_dir(follow_symlinks=False):
            if entry.name == ACCESS_FILE:  # who may read what (dashboard/access.py), no briefing
                return "", ""
            briefing_file = entry.name.lower().endswith(tuple(FORMATS))
            return "", A_FILE if briefing_file and not is_editor_file(entry.name) else ""
    except OSError as exc:
        return "", f"cannot be looked at: {exc.strerror or exc}"
    if entry.name.startswith("."):
        return "", HIDDEN
    if not re.fullmatch(ID_PATTERN, entry.name):
        return "", NOT_AN_ID
    return entry.name, ""


def scan(folder: Path) -> Catalog:
    """The briefing folders of the data folder, and every other candidate with why it was skipped.
    Never raises: an unreadable or missing data folder is a `problem` in words."""
    try:
        with os.scandir(folder) as found:
            entries = sorted(found, key=lambda e: e.name)
    except FileNotFoundError:
        return Catalog(problem=f"{folder}: no such folder")
    except NotADirectoryError:
        return Catalog(problem=f"{folder}: not a folder")
    except OSError as exc:
        return Catalog(problem=f"{folder}: cannot read the folder: {exc.strerror or exc}")
    briefings: dict[str, Path] = {}
    skipped: list[Skipped] = []
    for entry in entries:
        briefing_id, reason = _looked_at(entry)
        if briefing_id:
            briefings[briefing_id] = Path(entry.path)
        elif reason:
            skipped.append(Skipped(entry.name, reason))
    return Catalog(briefings, tuple(skipped))


def data_folder() -> Path:
    """Where the briefings are read: `DASHBOARD_DATA`, else the project's `data/`; with a team store
    (`DASHBOARD_STORE_URL`) and no `DASHBOARD_DATA`, this user's working copy of that store (never the
    project's folder, which the store's copies would overwrite)."""
    chosen = os.environ.get("DASHBOARD_DATA")
    if chosen:
        return Path(chosen)
    from dashboard.store import store_url

    url = store_url()
    if url:
        key = hashlib.sha256(url.encode()).hexdigest()[:12]
        return (
            Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
            / "positions-dashboard"
            / f"team-{key}"
        )
    return PROJECT_DATA


def briefings(folder: Path) -> dict[str, Path]:
    """Briefing id -> folder, for every sub-folder whose name is a valid id (see `scan`)."""
    return scan(folder).briefings


def resolve(name: str) -> Path | None:
    """A briefing named on the command line: its id in the data folder, else the path of its
    folder; None when it is neither (`not_found` says so)."""
    known = briefings(data_folder())
    if name in known:
        return known[name]
    path = Path(name)
    return path if path.is_dir() else None


def not_found(name: str) -> str:
    known = ", ".join(briefings(data_folder())) or "none"
    return f"{name}: no such briefing id in the data folder (ids: {known}) and no such folder"


def default_briefing(available: dict[str, Path]) -> str:
    if DEFAULT_BRIEFING in available:
        return DEFAULT_BRIEFING
    return next(iter(available), "")


def fingerprint(path: Path) -> tuple[tuple[str, int, int], ...]:
    """Names, modification times and sizes of the files a briefing is read from: changes when any
    of them does, and only then. Editors' temporary files are left out (they come and go while a
    file is saved, and would reload the briefing each time); a file that vanishes between the
    listing and its look is left out too; a folder that cannot be read has no files."""
    try:
        if path.is_file():
            info = path.stat()
            return ((path.name, info.st_mtime_ns, info.st_size),)
    except OSError:
        return ()
    return listing(path).stamps()
