"""The folder of files, the embedded default store: a data folder of briefing folders, each briefing's
history in `.history/<id>.sqlite` beside them. Saves on one machine are serialised by a lock file per
briefing in the system's temporary folder; two machines must not share this store (PostgreSQL is the
engine for that, `dashboard/store/postgres.py`).
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from dashboard.store import StoreError
from dashboard.store.layout import briefing_files, copy_history, history_file, refusal, write_files


def lock_path(folder: Path) -> Path:
    """The lock file of the briefing in `folder`: one per folder, by its resolved path."""
    key = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:24]
    locks = Path(tempfile.gettempdir()) / "positions-dashboard-locks"
    locks.mkdir(exist_ok=True)
    return locks / f"{key}.lock"


@contextmanager
def writing(folder: Path, timeout: float) -> Iterator[None]:
    try:
        lock = FileLock(str(lock_path(folder)), timeout=timeout)
        lock.acquire()
    except Timeout:
        raise StoreError(
            f"{folder}: another save into this briefing has held it for {timeout:.0f} s; "
            "nothing was written: try again in a moment"
        ) from None
    try:
        yield
    finally:
        lock.release()


class FolderStore:
    """The store as a data folder: `push` copies a briefing folder (and its history) in, `pull` out."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def ids(self) -> dict[str, int]:
        """Briefing id -> version (here: the number of the history's last event, 0 without one)."""
        from dashboard.catalog import briefings
        from dashboard.ledger import events

        return {key: len(events(path)) for key, path in briefings(self.root).items()}

    def push(self, folder: Path, briefing_id: str = "", who: str = "") -> int:
        briefing_id = briefing_id or folder.name
        refused = refusal(folder)
        if refused:
            raise StoreError(refused)
        dest = self.root / briefing_id
        if dest.resolve() != folder.resolve():
            with writing(dest, 30):
                write_files(dest, briefing_files(folder))
                copy_history(history_file(folder), history_file(dest))
        return self.ids().get(briefing_id, 0)

    def pull(self, briefing_id: str, folder: Path) -> None:
        source = self.root / briefing_id
        if not (source / "briefing.yaml").is_file():
            raise StoreError(f"{briefing_id}: no such briefing in {self.root}")
        write_files(folder, briefing_files(source))
        copy_history(history_file(source), history_file(folder))

    def workspace(self, place: Path) -> Path:
        """The data folder a server reads and saves in: the store's own folder."""
        del place
        return self.root
