"""Atom feeds of changes: valid Atom from a real HTTP server, a token per person that covers only
the briefings that person may read, a saved view's link narrowing it, a cursor, and revocation."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import pytest

from dashboard import feeds
from dashboard.extract.saving import Accepted, save
from dashboard.feed_cli import FEED_PATH, make_server
from dashboard.identity import Identity

PROJECT = Path(__file__).resolve().parents[2]
ATOM = "{http://www.w3.org/2005/Atom}"
ANA = Identity(subject="acct-ana", name="Ana Analyst", email="ana@ministry.example")
SOURCE = {
    "id": "wire-2024-11-03",
    "title": "Keller <on> the talks",
    "publisher": "Example Wire",
    "published": date(2024, 11, 3),
    "kind": "news",
    "language": "en",
}


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The data folder every test starts from, with its two saves made once for the module: the
    tests change their copy (tokens, access rules), never this folder."""
    folder = tmp_path_factory.mktemp("feeds") / "data"
    for name in ("nk-troops-russia", "other-desk"):
        shutil.copytree(PROJECT / "data" / "nk-troops-russia", folder / name)
    (folder / "access.yaml").write_text(
        "default:\n  readers: ['*@ministry.example']\n"
        "briefings:\n  other-desk:\n    readers: [head@ministry.example]\n"
    )
    quote = {
        "speaker": "blinken",
        "text": "We will keep talking",
        "source": SOURCE["id"],
        "kind": "direct",
        "issues": ["china-restrain-nk"],
        "language": "en",
    }
    save(
        folder / "nk-troops-russia",
        Accepted(dict(SOURCE), [], [quote], [], label="wire"),
        author=ANA,
        comment="<script>why</script>",
    )
    china = {
        "speaker": "china",
        "text": "Their own matter",
        "source": SOURCE["id"],
        "kind": "direct",
        "issues": ["nk-troops-in-russia"],
        "language": "en",
    }
    save(folder / "nk-troops-russia", Accepted(None, [], [china], [], label="wire"), author=ANA)
    return folder


@pytest.fixture
def data(saved: Path, tmp_path: Path) -> Path:
    """A copy of the saved data folder of the test's own (two saves cost about 2 s of CPU a test)."""
    return Path(shutil.copytree(saved, tmp_path / "data"))


@pytest.fixture
def served(data: Path) -> Iterator[str]:
    server = make_server(data, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{FEED_PATH}"
    finally:
        server.shutdown()
        server.server_close()


def fetch(url: str, **query: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(f"{url}?{urlencode(query)}", timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_a_reader_gets_valid_atom_of_the_changes(data: Path, served: str) -> None:
    token = feeds.issue(data, "rita@ministry.example")
    status, body = fetch(served, token=token, briefing="nk-troops-russia")
    assert status == 200
    feed = ET.fromstring(body)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):  # RFC 4287: every feed and entry has these
        assert feed.find(f"{ATOM}{required}") is not None
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "#3 save: 1 record by Ana Analyst <ana@ministry.example>",
        "#2 save: 2 records by Ana Analyst <ana@ministry.example>",
    ]
    for entry in entries:
        assert all(entry.find(f"{ATOM}{name}") is not None for name in ("id", "title", "updated", "author"))
    assert "Why: <script>why</script>" in (entries[1].findtext(f"{ATOM}summary") or "")
    assert b"<script>" not in body  # escaped by the XML writer
    assert "added sources/wire-2024-11-03" in (entries[1].findtext(f"{ATOM}content") or "")


def test_a_saved_views_link_and_the_cursor_narrow_the_feed(data: Path, served: str) -> None:
    token = feeds.issue(data, "rita@ministry.example")
    _, body = fetch(served, token=token, briefing="nk-troops-russia", actor="china")
    titles = [e.findtext(f"{ATOM}title") for e in ET.fromstring(body).findall(f"{ATOM}entry")]
    assert titles == ["#3 save: 1 record by Ana Analyst <ana@ministry.example>"]
    _, body = fetch(served, token=token, briefing="nk-troops-russia", after="3")
    assert ET.fromstring(body).findall(f"{ATOM}entry") == []


def test_a_token_covers_only_what_its_holder_may_read_and_revocation_ends_it(data: Path, served: str) -> None:
    rita = feeds.issue(data, "rita@ministry.example")
    stranger = feeds.issue(data, "sam@elsewhere.example")
    assert fetch(served, token=rita, briefing="other-desk")[0] == 404
    assert fetch(served, token=rita, briefing="no-such-briefing")[0] == 404  # the same answer
    assert fetch(served, token=stranger, briefing="nk-troops-russia")[0] == 404
    assert fetch(served, token="made-up", briefing="nk-troops-russia")[0] == 403
    assert fetch(served, token=rita, briefing="nk-troops-russia")[0] == 200
    feeds.revoke(data, "rita@ministry.example")
    status, body = fetch(served, token=rita, briefing="nk-troops-russia")
    assert status == 403 and b"revoked" in body
    # Revoked in access.yaml counts too, whatever the token.
    head = feeds.issue(data, "head@ministry.example")
    assert fetch(served, token=head, briefing="other-desk")[0] == 200
    access = data / "access.yaml"
    access.write_text(access.read_text() + "revoked: [head@ministry.example]\n")
    assert fetch(served, token=head, briefing="other-desk")[0] == 404


def test_tokens_are_kept_hashed_and_managed_from_the_command_line(data: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "dashboard", "feeds", *args, "--data", str(data)],
            capture_output=True,
            text=True,
            cwd=PROJECT,
            timeout=120,
        )

    issued = run("issue", "Rita@Ministry.example")
    assert issued.returncode == 0, issued.stderr
    token = issued.stdout.splitlines()[1]
    assert token not in feeds.tokens_path(data).read_text()  # only its hash is kept
    held = feeds.holder(data, token)
    assert held is not None and held.email == "rita@ministry.example"
    listed = run("list").stdout
    assert "rita@ministry.example issued" in listed and "revoked" not in listed
    assert run("revoke", listed.split()[0]).returncode == 0
    assert feeds.holder(data, token) is None
    refused = run("revoke", "nobody@x.example")
    assert refused.returncode == 1 and "no token in use matches" in refused.stderr
    assert run("issue").returncode == 2


def test_a_token_made_on_the_page_keeps_the_holders_groups(data: Path, served: str) -> None:
    (data / "access.yaml").write_text("default:\n  readers: [group:asia-desk]\n")
    grouped = feeds.issue(data, "rita@elsewhere.example", ("asia-desk",))
    plain = feeds.issue(data, "rita@elsewhere.example")
    assert fetch(served, token=grouped, briefing="nk-troops-russia")[0] == 200
    assert fetch(served, token=plain, briefing="nk-troops-russia")[0] == 404
