"""The record of every change to a briefing: who, when, from what, why, and each record before and
after. Append-only, in SQLite beside the briefings (`.history/<briefing id>.sqlite` in the data
folder, hidden, so it is never offered as a briefing), each event sealed with a hash of itself and
of the event before it, so an event edited, removed or slipped in afterwards breaks the chain and
`python -m dashboard check` says where.

The ledger also keeps the records as they stood after the last event. Whatever differs from them
when the ledger next looks (before a save, when the history is opened) was changed outside the
dashboard, and becomes an event of its own ("edited outside the dashboard"), so a hand edit is
never passed off as the next editor's save. The first look at a briefing writes a baseline: the
records the history starts from. A change is undone by a new event (`dashboard/undo.py`), never by
rewriting the one it undoes.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from dashboard.formats.folder import read_briefing
from dashboard.formats.raw import Nested
from dashboard.identity import Identity
from dashboard.problems import Problem, Severity

HISTORY_FOLDER = ".history"
GENESIS = "0" * 64
META_KEY = "briefing"  # the briefing's own fields (title, as of, …) as one record
OUTSIDE = Identity(subject="outside", name="edited outside the dashboard")
SYSTEM = Identity(subject="system", name="the dashboard")
UNKNOWN_EDITOR = Identity(subject="unknown", name="an editor the saving page did not name")

Record = dict[str, object]
Records = dict[str, Record]  # "table/key" -> the record's fields

SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    comment TEXT NOT NULL,
    changes TEXT NOT NULL,
    reverts INTEGER,
    reviewed_by TEXT NOT NULL,
    state TEXT NOT NULL,
    prev TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS records (key TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
CREATE TRIGGER IF NOT EXISTS events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
"""


class LedgerError(RuntimeError):
    """The history cannot be read or written; the message says why and what to do."""


@dataclass(frozen=True)
class Change:
    """One record added (before is None), removed (after is None) or changed."""

    key: str
    before: Record | None
    after: Record | None

    @property
    def table(self) -> str:
        return self.key.split("/", 1)[0]

    @property
    def record_id(self) -> str:
        return self.key.split("/", 1)[-1]

    @property
    def kind(self) -> str:
        return "added" if self.before is None else "removed" if self.after is None else "changed"

    def fields(self) -> list[tuple[str, object, object]]:
        """(field, before, after) for each field that differs."""
        before, after = self.before or {}, self.after or {}
        return [
            (name, before.get(name), after.get(name))
            for name in sorted(set(before) | set(after))
            if before.get(name) != after.get(name)
        ]


@dataclass(frozen=True)
class Event:
    seq: int
    at: str  # ISO 8601, UTC
    action: str  # baseline, save, outside, undo
    subject: str
    name: str
    source: str = ""
    comment: str = ""
    changes: tuple[Change, ...] = ()
    reverts: int | None = None
    reviewed_by: str = ""  # the second editor who approved it (four eyes), as named then
    state: str = ""  # digest of every record after this event
    prev: str = GENESIS
    hash: str = ""

    def sealed(self) -> str:
        """The hash this event must carry: its fields and the hash before it."""
        return _digest(json.dumps(_event_fields(self), sort_keys=True, ensure_ascii=False))


@dataclass
class Verdict:
    """What `verify` found: nothing wrong, or each break in words."""

    events: int = 0
    head: str = GENESIS
    problems: list[str] = field(default_factory=list)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _event_fields(event: Event) -> dict[str, object]:
    return {
        "seq": event.seq,
        "at": event.at,
        "action": event.action,
        "subject": event.subject,
        "name": event.name,
        "source": event.source,
        "comment": event.comment,
        "changes": _changes_json(event.changes),
        "reverts": event.reverts,
        "reviewed_by": event.reviewed_by,
        "state": event.state,
        "prev": event.prev,
    }


def _changes_json(changes: tuple[Change, ...]) -> str:
    return json.dumps(
        [{"key": c.key, "before": c.before, "after": c.after} for c in changes],
        sort_keys=True,
        ensure_ascii=False,
    )


def _plain(value: object) -> object:
    if isinstance(value, Nested):
        return f"<{value.what}>"
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return value if value is None else str(value)


def _position_key(record: Mapping[str, object]) -> str:
    return f"{record.get('actor')}~{record.get('issue')}@{record.get('as_of') or 'undated'}"


def records(folder: Path) -> Records:
    """Every record of the briefing as its files hold it now, keyed "table/id" (positions, which
    have no id, "positions/actor~issue@as_of"); the briefing's own fields are one more record."""
    raw = read_briefing(folder)
    found: Records = {}
    if raw.meta:
        found[META_KEY] = {k: _plain(v) for k, v in raw.meta.items() if v is not None}
    for name, table in raw.tables.items():
        key_field = table.spec.key
        frame = table.frame.drop(columns=["_line"], errors="ignore")
        for row in frame.to_dict("records"):
            record = {str(k): _plain(v) for k, v in row.items() if v is not None and v == v}
            base = f"{name}/{record.get(key_field) if key_field else _position_key(record)}"
            key, n = base, 1
            while key in found:  # the same id twice is a problem `check` reports; keep both
                n += 1
                key = f"{base}#{n}"
            found[key] = record
    return found


def diff(before: Records, after: Records) -> tuple[Change, ...]:
    """What changed from `before` to `after`, in key order."""
    return tuple(
        Change(key, before.get(key), after.get(key))
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    )


def state_digest(state: Records) -> str:
    lines = "\n".join(
        f"{key}\t{json.dumps(state[key], sort_keys=True, ensure_ascii=False)}" for key in sorted(state)
    )
    return _digest(lines)


def store_path(folder: Path) -> Path:
    """Where a briefing's history is kept: beside the briefings, in the data folder's hidden
    `.history/` (never offered as a briefing), one file per briefing, so the briefing's own
    folder holds only what its author wrote."""
    return folder.parent / HISTORY_FOLDER / f"{folder.name}.sqlite"


@contextmanager
def connect(folder: Path) -> Iterator[sqlite3.Connection]:
    """The history's database, for modules that keep tables beside the events (proposals)."""
    with _open(folder) as connection:
        yield connection


@contextmanager
def _open(folder: Path) -> Iterator[sqlite3.Connection]:
    try:
        store_path(folder).parent.mkdir(exist_ok=True)
        connection = sqlite3.connect(store_path(folder), timeout=30, isolation_level=None)
    except (OSError, sqlite3.Error) as error:
        raise LedgerError(f"{store_path(folder)}: the history cannot be opened ({error})") from None
    with closing(connection):
        try:
            connection.executescript(SCHEMA)
        except sqlite3.DatabaseError as error:
            raise LedgerError(
                f"{store_path(folder)}: not a history this dashboard can read "
                f"({error}); move it aside to start a new one"
            ) from None
        yield connection


def _row_event(row: tuple[object, ...]) -> Event:
    seq, at, action, subject, name, source, comment, changes, reverts, reviewed, state, prev, sealed = row
    listed = json.loads(str(changes))
    return Event(
        int(str(seq)),
        str(at),
        str(action),
        str(subject),
        str(name),
        str(source),
        str(comment),
        tuple(Change(str(c["key"]), c["before"], c["after"]) for c in listed),
        None if reverts is None else int(str(reverts)),
        str(reviewed),
        str(state),
        str(prev),
        str(sealed),
    )


def _events(connection: sqlite3.Connection) -> list[Event]:
    rows = connection.execute(
        "SELECT seq, at, action, subject, name, source, comment, changes, "
        "reverts, reviewed_by, state, prev, hash FROM events ORDER BY seq"
    ).fetchall()
    return [_row_event(row) for row in rows]


def _known(connection: sqlite3.Connection) -> Records:
    return {
        str(key): json.loads(str(body)) for key, body in connection.execute("SELECT key, body FROM records")
    }


def _append(
    connection: sqlite3.Connection,
    person: Identity,
    action: str,
    changes: tuple[Change, ...],
    state: Records,
    source: str = "",
    comment: str = "",
    reverts: int | None = None,
    reviewed_by: str = "",
) -> Event:
    """Seal and append one event, and keep the records as they now stand (inside the caller's
    transaction)."""
    last = connection.execute("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (int(last[0]) + 1, str(last[1])) if last else (1, GENESIS)
    event = Event(
        seq,
        datetime.now(UTC).isoformat(timespec="seconds"),
        action,
        person.subject,
        person.label,
        source,
        comment,
        changes,
        reverts,
        reviewed_by,
        state_digest(state),
        prev,
    )
    event = Event(**{**event.__dict__, "hash": event.sealed()})
    connection.execute(
        "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            event.seq,
            event.at,
            event.action,
            event.subject,
            event.name,
            event.source,
            event.comment,
            _changes_json(event.changes),
            event.reverts,
            event.reviewed_by,
            event.state,
            event.prev,
            event.hash,
        ),
    )
    for change in changes:
        if change.after is None:
            connection.execute("DELETE FROM records WHERE key = ?", (change.key,))
        else:
            connection.execute(
                "INSERT OR REPLACE INTO records VALUES (?, ?)",
                (change.key, json.dumps(change.after, sort_keys=True, ensure_ascii=False)),
            )
    return event


def record(
    folder: Path,
    person: Identity,
    action: str,
    *,
    source: str = "",
    comment: str = "",
    reverts: int | None = None,
    reviewed_by: Identity | None = None,
    always: bool = False,
) -> list[Event]:
    """Look at the briefing's files and append what changed since the last event: first a baseline
    when the history is new, then `action` by `person` for the difference. Returns the events
    written ([] when nothing changed). Callers that write the files hold the briefing's lock."""
    now = records(folder)
    with _open(folder) as connection:
        connection.execute("BEGIN IMMEDIATE")
        try:
            written: list[Event] = []
            if connection.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0:
                # A new history: the records as they stand are where it starts (a save calls
                # `observe` before it writes, so its own records are its own event).
                baseline = tuple(Change(key, None, body) for key, body in sorted(now.items()))
                written.append(
                    _append(
                        connection,
                        SYSTEM,
                        "baseline",
                        baseline,
                        now,
                        comment=f"history starts: {len(now)} records",
                    )
                )
                known = now
            else:
                known = _known(connection)
            changes = diff(known, now)
            if changes or always:  # `always`: a decision worth recording though nothing changed
                reviewer = f"{reviewed_by.label} [{reviewed_by.subject}]" if reviewed_by else ""
                written.append(
                    _append(connection, person, action, changes, now, source, comment, reverts, reviewer)
                )
            connection.execute("COMMIT")
            return written
        except BaseException:
            connection.execute("ROLLBACK")
            raise


def pending(folder: Path) -> tuple[Change, ...]:
    """What differs between the files and the last event, not yet recorded (read only)."""
    if not store_path(folder).is_file():
        return ()
    with _open(folder) as connection:
        return diff(_known(connection), records(folder))


def observe(folder: Path) -> list[Event]:
    """Record whatever was changed outside the dashboard since the last event (the baseline when
    the history is new)."""
    return record(folder, OUTSIDE, "outside")


def events(folder: Path) -> list[Event]:
    """Every event, oldest first ([] when the briefing has no history yet)."""
    if not store_path(folder).is_file():
        return []
    with _open(folder) as connection:
        return _events(connection)


def _apply(state: Records, changes: tuple[Change, ...]) -> None:
    for change in changes:
        if change.after is None:
            state.pop(change.key, None)
        else:
            state[change.key] = change.after


def _breaks(event: Event, expected: int, prev: str, where: Path) -> list[str]:
    """How this event breaks the chain, in words ([] when it holds)."""
    found = []
    if event.seq != expected:
        found.append(f"{where}: event {expected} is missing (the next is {event.seq})")
    if event.prev != prev:
        found.append(
            f"{where}: event {event.seq} does not follow the event before it: an event "
            "was removed, replaced or slipped in"
        )
    if event.sealed() != event.hash:
        found.append(
            f"{where}: event {event.seq} ({event.action} by {event.name}, {event.at}) was "
            "altered after it was written"
        )
    return found


def verify(folder: Path) -> Verdict:
    """Walk the chain: each event's hash seals its fields and the hash before it; the records kept
    match the last event's digest. A break is said with the event's number."""
    verdict = Verdict()
    if not store_path(folder).is_file():
        return verdict
    where = store_path(folder)
    try:
        with _open(folder) as connection:
            listed = _events(connection)
            kept = _known(connection)
    except (sqlite3.Error, LedgerError, ValueError, KeyError, TypeError) as error:
        verdict.problems.append(f"{where}: the history cannot be read ({error})")
        return verdict
    prev = GENESIS
    state: Records = {}
    for expected, event in enumerate(listed, start=1):
        verdict.problems += _breaks(event, expected, prev, where)
        _apply(state, event.changes)
        if state_digest(state) != event.state:
            verdict.problems.append(
                f"{where}: event {event.seq}'s changes do not lead to the records it sealed"
            )
        prev = event.hash
    if listed and state_digest(kept) != listed[-1].state:
        verdict.problems.append(
            f"{where}: the records kept beside the events differ from what the last event sealed"
        )
    verdict.events, verdict.head = len(listed), prev
    return verdict


def history_check(folder: Path) -> tuple[list[Problem], list[str]]:
    """What `check` says of a briefing's history: each break in the chain as an error; and lines
    to print: that it is intact, with the head hash to note elsewhere (a history cut short at its
    end is caught only by comparing with it), and what was changed outside the dashboard since."""
    store = store_path(folder)
    if not store.is_file():
        return [], []
    verdict = verify(folder)
    found = [
        Problem(str(store), None, Severity.ERROR, message.removeprefix(f"{store}: "))
        for message in verdict.problems
    ]
    if found:
        return found, []
    notes = [f"{folder}: history: {verdict.events} events, intact (head {verdict.head[:16]})"]
    try:
        waiting = pending(folder)
    except LedgerError as error:
        return [Problem(str(store), None, Severity.ERROR, str(error))], notes
    if waiting:
        notes.append(
            f"{folder}: {len(waiting)} record(s) changed outside the dashboard since the "
            "last event, recorded at the next save: " + ", ".join(c.key for c in waiting[:10])
        )
    return [], notes


def provenance(folder: Path) -> dict[str, Event]:
    """Record key -> the last event that added or changed it (the baseline for a record untouched
    since the history began); records removed since are left out. {} without a history."""
    latest: dict[str, Event] = {}
    for event in events(folder):
        for change in event.changes:
            if change.after is None:
                latest.pop(change.key, None)
            else:
                latest[change.key] = event
    return latest
