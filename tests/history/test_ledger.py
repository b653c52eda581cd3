"""The history of a briefing: every save recorded with who, when and from what; hand edits recorded
as such, never as the next editor's save; a tampered history said by `check`; undo as a new event,
refused when later work depends on it."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from dashboard import ledger
from dashboard.extract.briefings import load_briefing
from dashboard.extract.saving import Accepted, save
from dashboard.identity import Identity
from dashboard.problems import errors
from dashboard.undo import UndoRefused, undo

PROJECT = Path(__file__).resolve().parents[2]
ANA = Identity(subject="acct-ana", name="Ana Analyst", email="ana@ministry.example")
BEN = Identity(subject="acct-ben", name="Ben Editor", email="ben@ministry.example")
SOURCE = {
    "id": "wire-2024-11-03",
    "title": "Keller on the talks",
    "publisher": "Example Wire",
    "published": date(2024, 11, 3),
    "kind": "news",
    "language": "en",
}


@pytest.fixture
def briefing(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "nk-troops-russia"
    shutil.copytree(PROJECT / "data" / "nk-troops-russia", folder)
    return folder


def accepted(text: str = "We will keep talking", source: dict[str, object] | None = None) -> Accepted:
    quote = {
        "speaker": "blinken",
        "text": text,
        "source": SOURCE["id"],
        "kind": "direct",
        "issues": ["china-restrain-nk"],
        "language": "en",
    }
    return Accepted(dict(source) if source else None, [], [quote], [], label="Example Wire, 3 Nov")


def test_a_save_is_recorded_with_who_when_and_from_what(briefing: Path) -> None:
    result = save(briefing, accepted(source=SOURCE), author=ANA, comment="the wire's morning story")
    baseline, saved = ledger.events(briefing)
    assert baseline.action == "baseline" and baseline.name == "the dashboard"
    assert len(baseline.changes) == len(ledger.records(briefing)) - 2  # all but the two new ones
    assert (saved.action, saved.subject, saved.name) == (
        "save",
        "acct-ana",
        "Ana Analyst <ana@ministry.example>",
    )
    assert saved.source == SOURCE["id"] and saved.comment == "the wire's morning story"
    [quote_id] = result.added["quotes"]
    assert {c.key: c.kind for c in saved.changes} == {
        f"quotes/{quote_id}": "added",
        f"sources/{SOURCE['id']}": "added",
    }
    assert saved.at.endswith("+00:00")
    # Beside the briefings, never inside its folder: the briefing holds only what its author wrote.
    assert ledger.store_path(briefing).parent == briefing.parent / ".history"
    assert not [p for p in briefing.iterdir() if p.name.startswith(".")]


def test_a_hand_edit_is_its_own_event_not_the_next_editors(briefing: Path) -> None:
    save(briefing, accepted(source=SOURCE), author=ANA)
    actors = briefing / "actors.yaml"
    actors.write_text(
        actors.read_text(encoding="utf-8").replace("name: Antony Blinken", "name: Antony J. Blinken")
    )
    assert [c.key for c in ledger.pending(briefing)] == ["actors/blinken"]
    save(briefing, accepted("We will talk again"), author=BEN)
    *_, outside, saved = ledger.events(briefing)
    assert (outside.action, outside.name) == ("outside", "edited outside the dashboard")
    [change] = outside.changes
    assert change.fields() == [("name", "Antony Blinken", "Antony J. Blinken")]
    assert saved.subject == "acct-ben" and [c.table for c in saved.changes] == ["quotes"]
    assert ledger.pending(briefing) == ()


def test_an_intact_history_verifies_and_every_kind_of_tampering_is_caught(briefing: Path) -> None:
    save(briefing, accepted(source=SOURCE), author=ANA)
    save(briefing, accepted("We will talk again"), author=BEN)
    verdict = ledger.verify(briefing)
    assert verdict.problems == [] and verdict.events == 3
    store = ledger.store_path(briefing)
    pristine = store.read_bytes()

    def tamper(*statements: str) -> list[str]:
        store.write_bytes(pristine)
        with sqlite3.connect(store) as db:
            db.execute("DROP TRIGGER events_append_only_update")
            db.execute("DROP TRIGGER events_append_only_delete")
            for statement in statements:
                db.execute(statement)
        return ledger.verify(briefing).problems

    assert any(
        "event 2 (save by Ben Editor" in p and "altered" in p
        for p in tamper("UPDATE events SET name = 'Ben Editor' WHERE seq = 2")
    )
    assert any("event 2 is missing" in p for p in tamper("DELETE FROM events WHERE seq = 2"))
    assert any("records kept" in p for p in tamper("DELETE FROM records WHERE key LIKE 'quotes/%'"))
    # An event rewritten and resealed with a hash of its own still breaks the link from the next.
    second = ledger.events(briefing)[1]
    forged = ledger.Event(**{**second.__dict__, "comment": "from a trusted wire"})
    problems = tamper(
        f"UPDATE events SET comment = 'from a trusted wire', hash = '{forged.sealed()}' WHERE seq = 2"
    )
    assert problems == [
        f"{store}: event 3 does not follow the event before it: an event was removed, replaced or slipped in"
    ]


def test_the_history_refuses_to_be_rewritten_by_sql(briefing: Path) -> None:
    save(briefing, accepted(source=SOURCE), author=ANA)
    with (
        sqlite3.connect(ledger.store_path(briefing)) as db,
        pytest.raises(sqlite3.IntegrityError, match="append-only"),
    ):
        db.execute("UPDATE events SET name = 'someone else'")


def test_check_reports_a_broken_chain(briefing: Path) -> None:
    save(briefing, accepted(source=SOURCE), author=ANA)
    command = [sys.executable, "-m", "dashboard", "check", str(briefing)]
    clean = subprocess.run(command, capture_output=True, text=True, cwd=PROJECT, timeout=120)
    assert clean.returncode == 0 and "history: 2 events, intact" in clean.stdout, clean.stdout
    with sqlite3.connect(ledger.store_path(briefing)) as db:
        db.execute("DROP TRIGGER events_append_only_update")
        db.execute("UPDATE events SET subject = 'acct-ben' WHERE seq = 2")
    broken = subprocess.run(command, capture_output=True, text=True, cwd=PROJECT, timeout=120)
    assert broken.returncode == 1
    assert "event 2 (save by Ana Analyst" in broken.stdout and "altered" in broken.stdout
    assert "1 briefing checked: 1 error" in broken.stdout


def test_undo_puts_the_records_back_as_a_new_event(briefing: Path) -> None:
    before = {p.name: p.read_text(encoding="utf-8") for p in briefing.iterdir()}
    records = ledger.records(briefing)
    save(briefing, accepted(source=SOURCE), author=ANA)
    saved = ledger.events(briefing)[-1]
    event = undo(briefing, saved.seq, BEN, comment="wrong article")
    assert ledger.records(briefing) == records
    after = {p.name: p.read_text(encoding="utf-8") for p in briefing.iterdir()}
    for name, text in before.items():  # every byte before the save is kept; the save's own
        assert after[name].startswith(text)  # comment line stays, as a trace of it
        assert "Keller" not in after[name] and "keep talking" not in after[name]
    assert (event.action, event.reverts, event.subject, event.comment) == (
        "undo",
        saved.seq,
        "acct-ben",
        "wrong article",
    )
    assert {c.key for c in event.changes} == {c.key for c in saved.changes}
    assert all(c.kind == "removed" for c in event.changes)
    assert ledger.verify(briefing).problems == []
    # Undoing the undo brings them back.
    undo(briefing, event.seq, ANA)
    _, problems = load_briefing(briefing)
    assert errors(problems) == []
    assert set(ledger.records(briefing)) == set(records) | {c.key for c in saved.changes}
    assert ledger.pending(briefing) == () and ledger.verify(briefing).problems == []


def test_undo_is_refused_when_later_work_depends_on_it(briefing: Path) -> None:
    save(briefing, accepted(source=SOURCE), author=ANA)
    first = ledger.events(briefing)[-1]
    save(briefing, accepted("A second quote from the same wire"), author=BEN)  # cites the source
    files = {p.name: p.read_bytes() for p in briefing.iterdir()}
    with pytest.raises(UndoRefused, match="later records depend on what this undo takes away"):
        undo(briefing, first.seq, BEN)
    assert {p.name: p.read_bytes() for p in briefing.iterdir()} == files
    # One record of the event alone can go: its quote, which nothing cites.
    quote_key = next(c.key for c in first.changes if c.table == "quotes")
    event = undo(briefing, first.seq, BEN, keys=[quote_key])
    assert [c.key for c in event.changes] == [quote_key]


def test_undo_is_refused_when_the_record_changed_since(briefing: Path) -> None:
    save(briefing, accepted(source=SOURCE), author=ANA)
    first = ledger.events(briefing)[-1]
    sources = briefing / "sources.yaml"
    sources.write_text(
        sources.read_text(encoding="utf-8").replace(
            "title: Keller on the talks", "title: Keller on the talks (corrected)"
        )
    )
    with pytest.raises(
        UndoRefused,
        match="sources/wire-2024-11-03 has changed since event 2 "
        r"\(event 3, outside by edited outside the dashboard",
    ):
        undo(briefing, first.seq, BEN)


def test_the_baseline_and_unknown_events_are_refused_in_words(briefing: Path) -> None:
    save(briefing, accepted(source=SOURCE), author=ANA)
    with pytest.raises(UndoRefused, match="baseline"):
        undo(briefing, 1, BEN)
    with pytest.raises(UndoRefused, match="no event 99"):
        undo(briefing, 99, BEN)


def test_a_history_that_is_not_sqlite_refuses_the_save_in_words(briefing: Path) -> None:
    from dashboard.extract.saving import SaveRefused

    store = ledger.store_path(briefing)
    store.parent.mkdir()
    store.write_text("not a database")
    files = {p.name: p.read_bytes() for p in briefing.iterdir()}
    with pytest.raises(SaveRefused, match="not a history this dashboard can read"):
        save(briefing, accepted(source=SOURCE), author=ANA)
    assert {p.name: p.read_bytes() for p in briefing.iterdir()} == files


@pytest.mark.slow
def test_history_and_undo_from_the_command_line(briefing: Path) -> None:
    save(briefing, accepted(source=SOURCE), author=ANA, comment="the wire")
    quote_key = next(c.key for c in ledger.events(briefing)[-1].changes if c.table == "quotes")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "dashboard", *args],
            capture_output=True,
            text=True,
            cwd=PROJECT,
            timeout=120,
        )

    listed = run("history", str(briefing), "--record", "quotes/")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.startswith("#2 ")
    assert "save by Ana Analyst <ana@ministry.example> [acct-ana]" in listed.stdout
    assert f"added {quote_key}" in listed.stdout and "why: the wire" in listed.stdout
    assert "sources/" not in listed.stdout  # narrowed to quotes
    done = run("undo", str(briefing), "2", "--record", quote_key, "--comment", "misattributed")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("undone as event #3: removed quotes/")
    event = ledger.events(briefing)[-1]
    assert (event.action, event.comment) == ("undo", "misattributed")
    assert event.subject.startswith("local:")
    refused = run("undo", str(briefing), "1")
    assert refused.returncode == 1 and "baseline" in refused.stderr
    assert run("undo", "no-such-briefing", "2").returncode == 2
