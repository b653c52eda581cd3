"""Where briefings are kept: one interface, two engines (docs/team.md).

- The folder of files (`dashboard/store/files.py`), the embedded default: each briefing a folder in the
  data folder, its history in `.history/` beside it, saves serialised by a lock file on this machine.
- PostgreSQL (`dashboard/store/postgres.py`), the team engine, chosen by one setting: the database URL
  in `DASHBOARD_STORE_URL`. The store holds every briefing's files, its history and the access rules;
  each server process (a replica) reads a working copy of them in its own data folder, refreshed
  within a second of any change (LISTEN/NOTIFY); a save is one database transaction under a lock the
  database holds for that briefing, so two replicas never overwrite each other.

Every writer of a briefing (a save, an undo, a proposal, the history's look at hand edits) wraps its
writing in `writing(folder)`; readers need nothing. Without the setting nothing changes for a single
user.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STORE_VARIABLE = "DASHBOARD_STORE_URL"


class StoreError(RuntimeError):
    """The store refused or could not be reached; the message says why and that nothing was written."""


def store_url() -> str:
    """The team store's database URL, or "" for the folder of files."""
    return os.environ.get(STORE_VARIABLE, "").strip()


_held = threading.local()


@contextmanager
def writing(folder: Path, timeout: float) -> Iterator[None]:
    """Hold the briefing in `folder` for writing. Files: a lock file on this machine. PostgreSQL: also a
    transaction holding the briefing's lock in the database; the working copy is brought up to the
    store's version first, and what was written is committed to the store on leaving (or, on any
    error, nothing is, and the working copy is put back as the store has it). Re-entrant in a
    thread: a save inside an approval holds the briefing once."""
    held: set[str] = _held.__dict__.setdefault("folders", set())
    key = str(folder.resolve())
    if key in held:
        yield
        return
    held.add(key)
    try:
        url = store_url()
        if url:
            from dashboard.store.postgres import PostgresStore

            with PostgresStore.shared(url).writing(folder, timeout):
                yield
        else:
            from dashboard.store.files import writing as files_writing

            with files_writing(folder, timeout):
                yield
    finally:
        held.discard(key)
