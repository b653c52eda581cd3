"""The digest: the changes since the last run, printed, or mailed through a real SMTP server on this
machine (aiosmtpd), and the mark moved only once the digest is out."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Sink

from dashboard import digest, ledger
from dashboard.extract.saving import Accepted, save
from dashboard.identity import Identity
from tests.support.server import free_port

PROJECT = Path(__file__).resolve().parents[2]
ANA = Identity(subject="acct-ana", name="Ana Analyst", email="ana@ministry.example")
SOURCE = {
    "id": "wire-2024-11-03",
    "title": "Keller on the talks",
    "publisher": "Example Wire",
    "published": date(2024, 11, 3),
    "kind": "news",
    "language": "en",
}


class Inbox(Sink):
    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.messages.append(getattr(envelope, "content", b""))
        return "250 OK"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(PROJECT / "data" / "nk-troops-russia", folder / "nk-troops-russia")
    shutil.copytree(PROJECT / "data" / "nk-troops-russia", folder / "other-desk")
    return folder


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    handler = Inbox()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


def quote(text: str, source: dict[str, object] | None = None) -> Accepted:
    return Accepted(
        dict(source) if source else None,
        [],
        [
            {
                "speaker": "blinken",
                "text": text,
                "source": SOURCE["id"],
                "kind": "direct",
                "issues": ["china-restrain-nk"],
                "language": "en",
            }
        ],
        [],
        label="Example Wire",
    )


def run(data: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", "digest", "--data", str(data), *args],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", **(env or {})},
    )


def test_each_run_says_what_changed_since_the_last_one(data: Path) -> None:
    save(data / "nk-troops-russia", quote("We will keep talking", SOURCE), author=ANA, comment="morning wire")
    first = run(data)
    assert first.returncode == 0, first.stderr
    assert "nk-troops-russia: 1 change\n" in first.stdout and "save by Ana Analyst" in first.stdout
    assert "why: morning wire" in first.stdout and "added quotes/" in first.stdout
    assert "baseline" not in first.stdout and "other-desk" not in first.stdout
    assert run(data).stdout == "No changes to the briefings since the last digest.\n"
    save(data / "nk-troops-russia", quote("We will talk again"), author=ANA)
    third = run(data)
    assert "1 change\n" in third.stdout and "We will keep" not in third.stdout
    assert "#3 " in third.stdout


def test_the_reader_sees_only_what_they_may_read(data: Path) -> None:
    for folder in ("nk-troops-russia", "other-desk"):
        save(data / folder, quote("We will keep talking", SOURCE), author=ANA)
    (data / "access.yaml").write_text("briefings:\n  other-desk:\n    readers: [rita@x.example]\n")
    done = run(data, "--reader", "rita@x.example", "--dry-run")
    assert "other-desk" in done.stdout and "nk-troops-russia" not in done.stdout


@pytest.mark.slow
def test_the_digest_is_mailed_and_the_mark_moves_only_once_it_is_out(
    data: Path, inbox: tuple[Inbox, int]
) -> None:
    handler, port = inbox
    save(data / "nk-troops-russia", quote("We will keep talking", SOURCE), author=ANA)
    settings = {
        "DASHBOARD_SMTP_HOST": "127.0.0.1",
        "DASHBOARD_SMTP_PORT": str(port),
        "DASHBOARD_SMTP_STARTTLS": "0",
        "DASHBOARD_DIGEST_FROM": "briefings@x.example",
        "DASHBOARD_DIGEST_TO": "desk@x.example, head@x.example",
    }
    missing = run(data, "--mail", env={k: v for k, v in settings.items() if k != "DASHBOARD_DIGEST_TO"})
    assert missing.returncode == 1 and "DASHBOARD_DIGEST_TO is not set" in missing.stderr
    assert not digest.state_path(data).exists()  # nothing went out: the mark did not move
    sent = run(data, "--mail", env=settings)
    assert sent.returncode == 0, sent.stderr
    [message] = handler.messages
    assert b"Subject: Briefings: 1 change so far" in message
    assert b"To: desk@x.example, head@x.example" in message and b"save by Ana Analyst" in message
    assert run(data, "--mail", env=settings).stdout.startswith("No changes")
    assert len(handler.messages) == 1  # nothing new: nothing sent


def test_a_broken_history_is_said_and_fails_the_run(data: Path) -> None:
    import sqlite3

    save(data / "nk-troops-russia", quote("We will keep talking", SOURCE), author=ANA)
    with sqlite3.connect(ledger.store_path(data / "nk-troops-russia")) as db:
        db.execute("DROP TRIGGER events_append_only_update")
        db.execute("UPDATE events SET name = 'someone' WHERE seq = 2")
    done = run(data)
    assert done.returncode == 1 and "history broken" in done.stderr and "altered" in done.stderr


def test_a_bad_day_is_said_in_words(data: Path) -> None:
    done = run(data, "--since", "yesterday")
    assert done.returncode == 2 and "'yesterday' is not a day: write YYYY-MM-DD" in done.stderr
