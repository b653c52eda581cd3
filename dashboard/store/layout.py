"""What a briefing is made of on disk, for moving it between stores: its folder's files (the tables,
`briefing.yaml`, the hidden article fingerprints; never an editor's temporary file or a lock) and its
history's database beside it (`.history/<id>.sqlite`)."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

from dashboard.formats.folder import is_editor_file
from dashboard.ledger import store_path

KEPT_HIDDEN = (".article-fingerprints.json",)  # hidden files that are part of a briefing


def history_file(folder: Path) -> Path:
    return store_path(folder)


def briefing_files(folder: Path) -> dict[str, bytes]:
    """Name -> bytes of every file that makes the briefing in `folder` (flat: briefings have no
    sub-folders; a symbolic link is never followed)."""
    found: dict[str, bytes] = {}
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.is_symlink() or not entry.is_file(follow_symlinks=False):
                continue
            if is_editor_file(entry.name) and entry.name not in KEPT_HIDDEN:
                continue
            found[entry.name] = Path(entry.path).read_bytes()
    return found


def replace_file(path: Path, content: bytes) -> None:
    """Replace one file atomically (written aside, then renamed), when its content differs."""
    try:
        if path.read_bytes() == content:
            return
    except OSError:
        pass
    handle, staged = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(staged, path)
    except BaseException:
        Path(staged).unlink(missing_ok=True)
        raise


def write_files(folder: Path, files: dict[str, bytes]) -> list[str]:
    """Make `folder` hold exactly `files`: each changed file replaced atomically (`briefing.yaml`
    last, so a reader never sees a new briefing's header over old tables), files no longer in the
    briefing removed. Returns the names written or removed."""
    folder.mkdir(parents=True, exist_ok=True)
    present = briefing_files(folder)
    touched = []
    for name in sorted(files, key=lambda n: n == "briefing.yaml"):
        if present.get(name) != files[name]:
            replace_file(folder / name, files[name])
            touched.append(name)
    for name in present:
        if name not in files:
            (folder / name).unlink(missing_ok=True)
            touched.append(name)
    return touched


def copy_history(source: Path, dest: Path) -> None:
    """Copy a history database whole (SQLite's backup: a consistent copy even while it is written)."""
    if not source.is_file():
        return
    dest.parent.mkdir(parents=True, exist_ok=True)
    staged = dest.with_name(f".{dest.name}.tmp")
    staged.unlink(missing_ok=True)
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(staged)) as out:
        src.backup(out)
    os.replace(staged, dest)


def refusal(folder: Path) -> str:
    """Why the briefing in `folder` may not go into a store: its errors, as the reader words them
    (the same messages `python -m dashboard check` prints), or "" when it has none."""
    from dashboard.load import load_briefing
    from dashboard.problems import errors

    found = errors(load_briefing(folder)[1])
    if not found:
        return ""
    listed = "\n".join(f"  {problem}" for problem in found[:20])
    more = f"\n  … and {len(found) - 20} more" if len(found) > 20 else ""
    return f"{folder}: not pushed, the briefing has errors:\n{listed}{more}"
