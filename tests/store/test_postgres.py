"""What only the team engine does: a change the database refuses leaves the store and the working copy
as they were; a replica hears another's save and brings its copy up to date by itself; the schema is
created once, upgraded in order, and a newer one is refused; the command line moves briefings and
says what went wrong in words."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest

from dashboard import ledger
from dashboard.extract.saving import SaveRefused, save
from dashboard.identity import Identity
from dashboard.load import load_briefing
from dashboard.store import StoreError
from dashboard.store.layout import briefing_files
from dashboard.store.postgres import MIGRATIONS, PostgresStore, local_version
from tests.extract.test_saving import accepted
from tests.store.conftest import Engine

SEED = "nk-troops-russia"
ANN = Identity(subject="ann", name="Ann Editor")


@pytest.fixture
def team(team_engine: Engine, all_briefings: Path) -> Engine:
    engine = team_engine
    engine.store.push(all_briefings / SEED, SEED)  # type: ignore[attr-defined]
    return engine


def test_a_change_the_database_refuses_leaves_store_and_working_copy_as_they_were(team: Engine) -> None:
    store: PostgresStore = team.store  # type: ignore[assignment]
    folder = team.replica("a") / SEED
    files, version = briefing_files(folder), store.ids()[SEED]
    with psycopg.connect(store.url, autocommit=True) as connection:  # the database itself says no
        connection.execute(
            "CREATE FUNCTION refuse_quotes() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN IF NEW.name = 'quotes.yaml' THEN RAISE EXCEPTION 'disk full (a test)'; END IF; "
            "RETURN NEW; END $$; "
            "CREATE TRIGGER refuse_quotes BEFORE INSERT OR UPDATE ON store_files "
            "FOR EACH ROW EXECUTE FUNCTION refuse_quotes()"
        )
    with pytest.raises(
        SaveRefused, match=r"team store refused the change \(disk full \(a test\)\).*nothing was written"
    ):
        save(folder, accepted(text="Never committed"), author=ANN)
    assert briefing_files(folder) == files  # the working copy is put back
    assert store.ids()[SEED] == version
    assert [e.action for e in ledger.events(folder)] == []  # nor the history's half
    with psycopg.connect(store.url) as connection:
        assert connection.execute("SELECT count(*) FROM store_events").fetchone() == (0,)


def test_a_replica_hears_another_replicas_save_and_brings_its_copy_up_by_itself(team: Engine) -> None:
    store: PostgresStore = team.store  # type: ignore[assignment]
    first, second = team.replica("a"), team.replica("b")
    stop, heard = threading.Event(), list[str]()
    listener = threading.Thread(target=store.listen, args=(second, stop, heard.append), daemon=True)
    listener.start()
    try:
        time.sleep(0.5)  # listening
        save(first / SEED, accepted(text="Heard by the other replica"), author=ANN)
        version = store.ids()[SEED]
        deadline = time.monotonic() + 15  # a bound for a loaded machine, not the measure (the benchmark's)
        while local_version(second, SEED) != version and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        listener.join(timeout=10)
    assert local_version(second, SEED) == version
    assert SEED in heard
    briefing, _ = load_briefing(second / SEED)
    assert "Heard by the other replica" in set(briefing.quotes["text"])


def test_a_replica_starts_one_listening_thread_and_it_keeps_the_copy_up(team: Engine) -> None:
    from dashboard.store.postgres import start_listening

    store: PostgresStore = team.store  # type: ignore[assignment]
    second = team.root / "replicas" / "listening"
    second.mkdir(parents=True)
    thread = start_listening(store.url, second)
    assert start_listening(store.url, second) is thread and thread.is_alive()
    deadline = time.monotonic() + 15
    while local_version(second, SEED) != store.ids()[SEED] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert (second / SEED / "briefing.yaml").is_file()


def test_the_schema_is_made_once_and_a_newer_one_is_refused(team: Engine) -> None:
    store: PostgresStore = team.store  # type: ignore[assignment]
    with psycopg.connect(store.url, autocommit=True) as connection:
        assert store.migrate(connection) == len(MIGRATIONS)  # again: nothing to do, no error
        assert connection.execute(
            "SELECT array_agg(version ORDER BY version) FROM store_schema"
        ).fetchone() == (list(range(1, len(MIGRATIONS) + 1)),)
        connection.execute("INSERT INTO store_schema VALUES (%s)", (len(MIGRATIONS) + 1,))
    with pytest.raises(StoreError, match="newer than this dashboard's"):
        PostgresStore(store.url).ids()


def test_the_history_in_the_database_is_append_only(team: Engine) -> None:
    store: PostgresStore = team.store  # type: ignore[assignment]
    save(team.replica("a") / SEED, accepted(), author=ANN)
    with (
        psycopg.connect(store.url) as connection,
        pytest.raises(psycopg.errors.RaiseException, match="append-only"),
    ):
        connection.execute("UPDATE store_events SET name = 'someone else'")


def _cli(*args: str, url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", "store", "--url", url, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
def test_the_command_line_pushes_lists_and_pulls(team: Engine, all_briefings: Path, tmp_path: Path) -> None:
    store: PostgresStore = team.store  # type: ignore[assignment]
    pushed = _cli("push", str(all_briefings / SEED), "--id", "copy-of-seed", url=store.url)
    assert pushed.returncode == 0, pushed.stderr
    assert "copy-of-seed: pushed, version 1" in pushed.stdout
    listed = _cli("list", url=store.url)
    assert "copy-of-seed\tversion 1" in listed.stdout and f"{SEED}\tversion 1" in listed.stdout
    pulled = _cli("pull", "copy-of-seed", str(tmp_path / "out"), url=store.url)
    assert pulled.returncode == 0, pulled.stderr
    assert briefing_files(tmp_path / "out") == briefing_files(all_briefings / SEED)
    missing = _cli("pull", "no-such", str(tmp_path / "none"), url=store.url)
    assert missing.returncode == 1 and "no-such: no such briefing in the team store" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_an_unreachable_store_is_said_in_words(tmp_path: Path) -> None:
    from dashboard.store.cluster import free_port

    url = f"postgresql://postgres@127.0.0.1:{free_port()}/postgres"
    result = _cli("list", url=url)
    assert result.returncode == 1
    assert "the team store at 127.0.0.1:" in result.stderr and "cannot be reached" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_backup_with_pg_dump_restores_the_briefings_and_their_history(team: Engine, tmp_path: Path) -> None:
    """docs/team.md's backup: pg_dump of the store, pg_restore into an empty database, and the
    briefing comes back out with its history's chain intact."""
    from dashboard.store.cluster import binaries

    store: PostgresStore = team.store  # type: ignore[assignment]
    save(team.replica("a") / SEED, accepted(text="Kept through a backup"), author=ANN)
    tools = binaries()
    assert tools is not None
    dump = tmp_path / "positions.dump"
    done = subprocess.run(
        [str(tools / "pg_dump"), "--format=custom", f"--file={dump}", store.url],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    restored = store.url.rsplit("/", 1)[0] + "/" + store.url.rsplit("/", 1)[1] + "_restored"
    with psycopg.connect(store.url, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {restored.rsplit('/', 1)[1]}")
    done = subprocess.run(
        [str(tools / "pg_restore"), f"--dbname={restored}", str(dump)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = tmp_path / "out" / SEED
    PostgresStore(restored).pull(SEED, out)
    assert briefing_files(out) == briefing_files(team.replica("a") / SEED)
    assert [e.action for e in ledger.events(out)] == ["baseline", "save"]
    assert ledger.verify(out).problems == []


def test_access_rules_and_a_proposal_travel_through_the_store(team: Engine, tmp_path: Path) -> None:
    """The access rules live in the store; a save that waits for a second editor is proposed on one
    replica and approved on another, and lands once, as its author's, checked by the approver."""
    from dashboard import proposals

    store: PostgresStore = team.store  # type: ignore[assignment]
    rules = tmp_path / "access.yaml"
    rules.write_text(
        "briefings:\n  nk-troops-russia:\n    editors: [sub:ann, sub:ben]\n    review: required\n"
    )
    bad = tmp_path / "bad-access.yaml"
    bad.write_text("briefings: [not, a, mapping]\n")
    with pytest.raises(StoreError, match="not pushed"):
        store.push_access(bad)
    store.push_access(rules)
    first, second = team.replica("a"), team.replica("b")
    assert (first / "access.yaml").read_text() == rules.read_text()
    result = save(first / SEED, accepted(text="Waits for a second pair of eyes"), author=ANN)
    assert any("proposal #1" in note for note in result.notes)
    team.replica("b")
    [waiting] = proposals.listed(second / SEED)
    assert waiting.name == "Ann Editor"
    proposals.approve(second / SEED, waiting.id, Identity(subject="ben", name="Ben Reviewer"))
    out = tmp_path / "out" / SEED
    store.pull(SEED, out)
    briefing, _ = load_briefing(out)
    assert list(briefing.quotes["text"]).count("Waits for a second pair of eyes") == 1
    [saved] = [e for e in ledger.events(out) if e.action == "save"]
    assert (saved.name, saved.reviewed_by) == ("Ann Editor", "Ben Reviewer [ben]")
    assert proposals.listed(out) == [] and [p.state for p in proposals.listed(out, "approved")] == [
        "approved"
    ]
