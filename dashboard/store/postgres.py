"""The team store: briefings, their history and the access rules in PostgreSQL (psycopg 3).

What the database holds (schema version in `store_schema`, upgraded by the first connection of a
newer dashboard, under a lock, one step at a time):
- `store_briefings`: one row per briefing: its id and version (one more at every change).
- `store_files`: the briefing's files as its authors wrote them (YAML, CSV, Parquet…), byte for byte,
  so a briefing pulled back out is the folder that was pushed (and reviewable as a diff); the same
  readers and validation read them as read a folder.
- `store_events`, `store_records`, `store_proposals`: the history (`dashboard/ledger.py`): one row per
  event, sealed and chained as in the files, append-only (a trigger refuses UPDATE and DELETE); the
  records as they stood after the last event; the proposals waiting for a second editor.
- `store_shared`: the deployment's access rules (`access.yaml`).

Each server process reads a working copy in its data folder, brought up to date at start, when the
database announces a change (NOTIFY on `positions_store`, heard by a thread of the process), and
before each save. A save: a transaction; the briefing's lock in the database
(`pg_advisory_xact_lock`), waited for at most the save's timeout; the working copy brought to the
store's version; the save's own code writes the files and the history as for a folder; what changed
goes into the tables, the version goes up, NOTIFY, COMMIT. On any error the transaction is rolled
back and the working copy put back as the store has it: a save is committed whole or not at all.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any, ClassVar

import psycopg

from dashboard import ledger, proposals
from dashboard.store import StoreError
from dashboard.store.files import writing as files_writing
from dashboard.store.layout import briefing_files, history_file, refusal, replace_file, write_files

CHANNEL = "positions_store"
MARKERS = ".store"  # in the data folder: the version of each briefing's working copy
ACCESS_NAME = "access.yaml"
LOG = logging.getLogger("dashboard.store")

EVENT_COLUMNS = (
    "seq, at, action, subject, name, source, comment, changes, reverts, reviewed_by, state, prev, hash"
)
PROPOSAL_COLUMNS = "id, at, subject, name, label, comment, accepted, state, decided_by, decided_at, reason"

# Schema upgrades, in order: each runs once, in a transaction, and `store_schema` records it.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE store_briefings (
        id text PRIMARY KEY,
        version bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL DEFAULT ''
    );
    CREATE TABLE store_files (
        briefing text NOT NULL REFERENCES store_briefings(id) ON DELETE CASCADE,
        name text NOT NULL,
        content bytea NOT NULL,
        sha256 text NOT NULL,
        PRIMARY KEY (briefing, name)
    );
    CREATE TABLE store_events (
        briefing text NOT NULL REFERENCES store_briefings(id),
        seq integer NOT NULL,
        at text NOT NULL,
        action text NOT NULL,
        subject text NOT NULL,
        name text NOT NULL,
        source text NOT NULL,
        comment text NOT NULL,
        changes text NOT NULL,
        reverts integer,
        reviewed_by text NOT NULL,
        state text NOT NULL,
        prev text NOT NULL,
        hash text NOT NULL,
        PRIMARY KEY (briefing, seq)
    );
    CREATE FUNCTION store_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'the history is append-only'; END $$;
    CREATE TRIGGER store_events_append_only BEFORE UPDATE OR DELETE ON store_events
        FOR EACH ROW EXECUTE FUNCTION store_events_append_only();
    CREATE TABLE store_records (
        briefing text NOT NULL REFERENCES store_briefings(id) ON DELETE CASCADE,
        key text NOT NULL,
        body text NOT NULL,
        PRIMARY KEY (briefing, key)
    );
    CREATE TABLE store_proposals (
        briefing text NOT NULL REFERENCES store_briefings(id) ON DELETE CASCADE,
        id integer NOT NULL,
        at text NOT NULL,
        subject text NOT NULL,
        name text NOT NULL,
        label text NOT NULL,
        comment text NOT NULL,
        accepted text NOT NULL,
        state text NOT NULL,
        decided_by text NOT NULL,
        decided_at text NOT NULL,
        reason text NOT NULL,
        PRIMARY KEY (briefing, id)
    );
    CREATE TABLE store_shared (
        name text PRIMARY KEY,
        content bytea NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
    );
    """,
)


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _lock_key(briefing_id: str) -> str:
    return f"positions-briefing:{briefing_id}"


def _where(url: str) -> str:
    """The database named without its password, for messages."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "the database in DASHBOARD_STORE_URL"
    return f"{info.get('host', 'localhost')}:{info.get('port', 5432)}/{info.get('dbname', '')}"


def _said(error: psycopg.Error) -> str:
    """The database's own words for an error, without its context lines."""
    primary = error.diag.message_primary if isinstance(error, psycopg.DatabaseError) else None
    return primary or (str(error).strip().splitlines() or [type(error).__name__])[0]


def marker(data: Path, briefing_id: str) -> Path:
    return data / MARKERS / f"{briefing_id}.version"


def local_version(data: Path, briefing_id: str) -> int:
    try:
        return int(marker(data, briefing_id).read_text().strip() or 0)
    except (OSError, ValueError):
        return -1


def _set_local_version(data: Path, briefing_id: str, version: int) -> None:
    path = marker(data, briefing_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    staged = path.with_name(f".{path.name}.tmp")
    staged.write_text(f"{version}\n")
    os.replace(staged, path)


class PostgresStore:
    """The team engine. `shared(url)` gives one per URL per process."""

    _instances: ClassVar[dict[str, PostgresStore]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, url: str) -> None:
        self.url = url
        self._schema_ready = False

    @classmethod
    def shared(cls, url: str) -> PostgresStore:
        with cls._lock:
            if url not in cls._instances:
                cls._instances[url] = cls(url)
            return cls._instances[url]

    # -- connections and schema --------------------------------------------------------------

    def connect(self, *, autocommit: bool = True) -> psycopg.Connection[Any]:
        try:
            connection = psycopg.connect(self.url, connect_timeout=10, autocommit=autocommit)
        except psycopg.Error as error:
            raise StoreError(
                f"the team store at {_where(self.url)} cannot be reached ({str(error).strip()}); "
                "nothing was read or written"
            ) from None
        if not self._schema_ready:
            try:
                self.migrate(connection)
            except BaseException:
                connection.close()
                raise
        return connection

    def migrate(self, connection: psycopg.Connection[Any]) -> int:
        """Bring the schema to this dashboard's version; returns it. Refuses a newer schema."""
        with connection.transaction():
            connection.execute("SELECT pg_advisory_xact_lock(hashtext('positions-store-schema'))")
            connection.execute("CREATE TABLE IF NOT EXISTS store_schema (version integer NOT NULL)")
            row = connection.execute("SELECT max(version) FROM store_schema").fetchone()
            current = int(row[0]) if row and row[0] is not None else 0
            if current > len(MIGRATIONS):
                raise StoreError(
                    f"the team store at {_where(self.url)} has schema version {current}, newer than this "
                    f"dashboard's {len(MIGRATIONS)}: upgrade the dashboard on this server"
                )
            for number in range(current + 1, len(MIGRATIONS) + 1):
                connection.execute(MIGRATIONS[number - 1])
                connection.execute("INSERT INTO store_schema VALUES (%s)", (number,))
        self._schema_ready = True
        return len(MIGRATIONS)

    # -- reading -----------------------------------------------------------------------------

    def ids(self) -> dict[str, int]:
        """Briefing id -> version."""
        with closing(self.connect()) as connection:
            rows = connection.execute("SELECT id, version FROM store_briefings ORDER BY id").fetchall()
        return {str(key): int(version) for key, version in rows}

    def _files(self, connection: psycopg.Connection[Any], briefing_id: str) -> dict[str, bytes]:
        rows = connection.execute(
            "SELECT name, content FROM store_files WHERE briefing = %s", (briefing_id,)
        ).fetchall()
        return {str(name): bytes(content) for name, content in rows}

    def _write_history(self, connection: psycopg.Connection[Any], briefing_id: str, dest: Path) -> None:
        """The history's database for the working copy, rebuilt from the store's rows."""
        events = connection.execute(
            f"SELECT {EVENT_COLUMNS} FROM store_events WHERE briefing = %s ORDER BY seq",
            (briefing_id,),
        ).fetchall()
        wanted = connection.execute(
            f"SELECT {PROPOSAL_COLUMNS} FROM store_proposals WHERE briefing = %s ORDER BY id",
            (briefing_id,),
        ).fetchall()
        if not events and not wanted:
            dest.unlink(missing_ok=True)
            return
        records = connection.execute(
            "SELECT key, body FROM store_records WHERE briefing = %s", (briefing_id,)
        ).fetchall()
        dest.parent.mkdir(parents=True, exist_ok=True)
        staged = dest.with_name(f".{dest.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        staged.unlink(missing_ok=True)
        with closing(sqlite3.connect(staged, isolation_level=None)) as local:
            local.executescript(ledger.SCHEMA)
            local.executescript(proposals.SCHEMA)
            local.execute("BEGIN")
            local.executemany(f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({', '.join('?' * 13)})", events)
            local.executemany("INSERT INTO records (key, body) VALUES (?, ?)", records)
            local.executemany(
                f"INSERT INTO proposals ({PROPOSAL_COLUMNS}) VALUES ({', '.join('?' * 11)})", wanted
            )
            local.execute("COMMIT")
        os.replace(staged, dest)

    def _materialise(
        self, connection: psycopg.Connection[Any], briefing_id: str, folder: Path, version: int
    ) -> list[str]:
        files = self._files(connection, briefing_id)
        written = write_files(folder, files)
        self._write_history(connection, briefing_id, history_file(folder))
        _set_local_version(folder.parent, briefing_id, version)
        return written

    def pull(self, briefing_id: str, folder: Path) -> None:
        """Write briefing `briefing_id` as a folder (and its history beside it, in `.history/`)."""
        with closing(self.connect()) as connection, connection.transaction():
            connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            row = connection.execute(
                "SELECT version FROM store_briefings WHERE id = %s", (briefing_id,)
            ).fetchone()
            if row is None:
                known = ", ".join(self._ids(connection)) or "none"
                raise StoreError(f"{briefing_id}: no such briefing in the team store (ids: {known})")
            write_files(folder, self._files(connection, briefing_id))
            self._write_history(connection, briefing_id, history_file(folder))

    def _ids(self, connection: psycopg.Connection[Any]) -> list[str]:
        return [str(r[0]) for r in connection.execute("SELECT id FROM store_briefings ORDER BY id")]

    def sync(self, data: Path, only: str = "") -> list[str]:
        """Bring the working copies in `data` to the store's versions (each under its lock file);
        returns the ids brought up to date. The access rules come too."""
        brought = []
        with closing(self.connect()) as connection:
            rows = connection.execute("SELECT id, version FROM store_briefings ORDER BY id").fetchall()
            for key, version in rows:
                briefing_id = str(key)
                if only and briefing_id != only:
                    continue
                if local_version(data, briefing_id) == int(version):
                    continue
                folder = data / briefing_id
                with files_writing(folder, 60), connection.transaction():
                    connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                    current = connection.execute(
                        "SELECT version FROM store_briefings WHERE id = %s", (briefing_id,)
                    ).fetchone()
                    if current is None:
                        continue
                    self._materialise(connection, briefing_id, folder, int(current[0]))
                brought.append(briefing_id)
            shared = connection.execute(
                "SELECT content FROM store_shared WHERE name = %s", (ACCESS_NAME,)
            ).fetchone()
        if shared is not None:
            replace_file(data / ACCESS_NAME, bytes(shared[0]))
        return brought

    def workspace(self, place: Path) -> Path:
        """A data folder for a server or an editor: `place`, brought up to the store."""
        place.mkdir(parents=True, exist_ok=True)
        self.sync(place)
        return place

    # -- writing -----------------------------------------------------------------------------

    def push(self, folder: Path, briefing_id: str = "", who: str = "") -> int:
        """Put the briefing in `folder` into the store as `briefing_id` (its folder's name by
        default), validated by the same reader as any folder: refused, with the reader's messages,
        when it has errors. Its history comes too when it continues the store's. Returns the new
        version."""
        briefing_id = briefing_id or folder.name
        refused = refusal(folder)
        if refused:
            raise StoreError(refused)
        files = briefing_files(folder)
        with closing(self.connect()) as connection, connection.transaction():
            connection.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (_lock_key(briefing_id),))
            row = connection.execute(
                "SELECT version FROM store_briefings WHERE id = %s FOR UPDATE", (briefing_id,)
            ).fetchone()
            version = (int(row[0]) if row else 0) + 1
            connection.execute(
                "INSERT INTO store_briefings (id, version, updated_by) VALUES (%s, %s, %s) "
                "ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, updated_at = now(), "
                "updated_by = EXCLUDED.updated_by",
                (briefing_id, version, who),
            )
            self._upload_files(connection, briefing_id, files)
            self._upload_history(connection, briefing_id, history_file(folder))
            connection.execute("SELECT pg_notify(%s, %s)", (CHANNEL, f"{briefing_id} {version}"))
        return version

    def push_access(self, path: Path) -> None:
        """Put the deployment's access rules (access.yaml) into the store, checked first."""
        from dashboard import access

        text = path.read_text(encoding="utf-8")
        rules = access.parse(text, path.name)
        if rules.problems:
            raise StoreError(f"{path}: not pushed: " + "; ".join(rules.problems))
        with closing(self.connect()) as connection, connection.transaction():
            connection.execute(
                "INSERT INTO store_shared (name, content) VALUES (%s, %s) ON CONFLICT (name) DO UPDATE "
                "SET content = EXCLUDED.content, updated_at = now()",
                (ACCESS_NAME, text.encode("utf-8")),
            )
            connection.execute("SELECT pg_notify(%s, %s)", (CHANNEL, f"{ACCESS_NAME} 0"))

    def _upload_files(
        self, connection: psycopg.Connection[Any], briefing_id: str, files: dict[str, bytes]
    ) -> bool:
        stored = {
            str(name): str(sha)
            for name, sha in connection.execute(
                "SELECT name, sha256 FROM store_files WHERE briefing = %s", (briefing_id,)
            )
        }
        changed = False
        for name, content in files.items():
            digest = _digest(content)
            if stored.get(name) != digest:
                connection.execute(
                    "INSERT INTO store_files (briefing, name, content, sha256) VALUES (%s, %s, %s, %s) "
                    "ON CONFLICT (briefing, name) DO UPDATE SET content = EXCLUDED.content, "
                    "sha256 = EXCLUDED.sha256",
                    (briefing_id, name, content, digest),
                )
                changed = True
        for name in set(stored) - set(files):
            connection.execute(
                "DELETE FROM store_files WHERE briefing = %s AND name = %s", (briefing_id, name)
            )
            changed = True
        return changed

    def _upload_history(self, connection: psycopg.Connection[Any], briefing_id: str, path: Path) -> bool:
        """Append the working copy's history events the store lacks (refused when the two histories
        differ), and keep its records and proposals. Returns whether anything changed."""
        if not path.is_file():
            return False
        last = connection.execute(
            "SELECT seq, hash FROM store_events WHERE briefing = %s ORDER BY seq DESC LIMIT 1", (briefing_id,)
        ).fetchone()
        top, top_hash = (int(last[0]), str(last[1])) if last else (0, "")
        with closing(sqlite3.connect(path)) as local:
            tables = {r[0] for r in local.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "events" not in tables:
                return False
            if top:
                mine = local.execute("SELECT hash FROM events WHERE seq = ?", (top,)).fetchone()
                if mine is None or str(mine[0]) != top_hash:
                    raise StoreError(
                        f"{briefing_id}: the history here and the team store's differ at event {top}; "
                        "nothing was written (pull the briefing from the store, then make the change again)"
                    )
            new = local.execute(
                f"SELECT {EVENT_COLUMNS} FROM events WHERE seq > ? ORDER BY seq",
                (top,),
            ).fetchall()
            records = local.execute("SELECT key, body FROM records").fetchall() if new else []
            wanted = (
                local.execute(f"SELECT {PROPOSAL_COLUMNS} FROM proposals").fetchall()
                if "proposals" in tables
                else []
            )
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO store_events (briefing, {EVENT_COLUMNS}) VALUES (%s{', %s' * 13})",
                [(briefing_id, *row) for row in new],
            )
            if new:
                cursor.execute("DELETE FROM store_records WHERE briefing = %s", (briefing_id,))
                with cursor.copy("COPY store_records (briefing, key, body) FROM STDIN") as copy:
                    for key, body in records:
                        copy.write_row((briefing_id, key, body))
            stored = {
                int(r[0]): tuple(r[1:])
                for r in connection.execute(
                    f"SELECT {PROPOSAL_COLUMNS} FROM store_proposals WHERE briefing = %s",
                    (briefing_id,),
                )
            }
            fresh = [row for row in wanted if stored.get(int(row[0])) != tuple(row[1:])]
            cursor.executemany(
                f"INSERT INTO store_proposals (briefing, {PROPOSAL_COLUMNS}) VALUES (%s{', %s' * 11}) "
                "ON CONFLICT (briefing, id) DO UPDATE SET state = EXCLUDED.state, "
                "decided_by = EXCLUDED.decided_by, decided_at = EXCLUDED.decided_at, "
                "reason = EXCLUDED.reason",
                [(briefing_id, *row) for row in fresh],
            )
        return bool(new or fresh)

    @contextmanager
    def writing(self, folder: Path, timeout: float) -> Iterator[None]:
        """See the module's docstring: one save, committed whole or not at all."""
        briefing_id, data = folder.name, folder.parent
        with files_writing(folder, timeout), closing(self.connect()) as connection:
            committed: int | None = None
            try:
                with connection.transaction():
                    connection.execute(f"SET LOCAL lock_timeout = '{max(1, int(timeout * 1000))}ms'")
                    try:
                        connection.execute(
                            "SELECT pg_advisory_xact_lock(hashtext(%s))", (_lock_key(briefing_id),)
                        )
                    except psycopg.errors.LockNotAvailable:
                        raise StoreError(
                            f"{briefing_id}: another save into this briefing has held it for "
                            f"{timeout:.0f} s; nothing was written: try again in a moment"
                        ) from None
                    row = connection.execute(
                        "SELECT version FROM store_briefings WHERE id = %s", (briefing_id,)
                    ).fetchone()
                    if row is None:
                        raise StoreError(
                            f"{briefing_id}: not in the team store; nothing was written "
                            "(python -m dashboard store push FOLDER puts a briefing there)"
                        )
                    version = int(row[0])
                    if local_version(data, briefing_id) != version:
                        self._materialise(connection, briefing_id, folder, version)
                    yield
                    changed = self._upload_files(connection, briefing_id, briefing_files(folder))
                    changed = self._upload_history(connection, briefing_id, history_file(folder)) or changed
                    if changed:
                        committed = version + 1
                        connection.execute(
                            "UPDATE store_briefings SET version = %s, updated_at = now() WHERE id = %s",
                            (committed, briefing_id),
                        )
                        connection.execute(
                            "SELECT pg_notify(%s, %s)", (CHANNEL, f"{briefing_id} {committed}")
                        )
            except psycopg.Error as error:
                self._restore(briefing_id, folder)
                raise StoreError(
                    f"{briefing_id}: the team store refused the change ({_said(error)}); nothing was written"
                ) from None
            except BaseException:
                self._restore(briefing_id, folder)
                raise
            if committed is not None:
                _set_local_version(data, briefing_id, committed)

    def _restore(self, briefing_id: str, folder: Path) -> None:
        """Put the working copy back as the store has it (after a change that was not committed)."""
        try:
            with closing(self.connect()) as connection, connection.transaction():
                connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                row = connection.execute(
                    "SELECT version FROM store_briefings WHERE id = %s", (briefing_id,)
                ).fetchone()
                if row is not None:
                    self._materialise(connection, briefing_id, folder, int(row[0]))
        except (psycopg.Error, StoreError, OSError) as error:
            marker(folder.parent, briefing_id).unlink(missing_ok=True)  # brought up at the next look
            LOG.warning("%s: working copy not restored from the store (%s)", briefing_id, error)

    # -- hearing changes ---------------------------------------------------------------------

    def listen(self, data: Path, stop: threading.Event, heard: Callable[[str], None] | None = None) -> None:
        """Until `stop` is set: keep the working copies in `data` up to date with the store. Hears
        NOTIFY; also looks at every version each few seconds (a notice sent while the connection was
        down is not lost); reconnects after an outage."""
        while not stop.is_set():
            try:
                with closing(self.connect()) as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    for briefing_id in self.sync(data):
                        if heard:
                            heard(briefing_id)
                    last_look = time.monotonic()
                    HEALTH["problem"] = ""
                    while not stop.is_set():
                        names = {n.payload.split(" ", 1)[0] for n in connection.notifies(timeout=0.5)}
                        if names or time.monotonic() - last_look > 5:
                            last_look = time.monotonic()
                            for briefing_id in self.sync(data):
                                if heard:
                                    heard(briefing_id)
            except (psycopg.Error, StoreError, OSError) as error:
                HEALTH["problem"] = (str(error).strip().splitlines() or [type(error).__name__])[0]
                LOG.warning("team store: %s; trying again in 2 s", error)
                stop.wait(2)


_listening: dict[str, threading.Thread] = {}
HEALTH = {"problem": ""}  # the listener's last trouble reaching the store, "" when it hears it


def problem() -> str:
    """Why this replica's working copy may be out of date now ("" when the store is heard)."""
    return HEALTH["problem"]


def start_listening(url: str, data: Path) -> threading.Thread:
    """The replica's thread that keeps `data` up to date (one per process and data folder)."""
    key = f"{url}|{data}"
    store = PostgresStore.shared(url)
    with PostgresStore._lock:
        thread = _listening.get(key)
        if thread is None or not thread.is_alive():
            thread = threading.Thread(
                target=store.listen, args=(data, threading.Event()), name="team-store", daemon=True
            )
            thread.start()
            _listening[key] = thread
    return thread
