"""Two replicas behind HAProxy: a reader whose replica dies gets the same view from the other one.

The trial's own pieces (deploy/team.py): a throwaway PostgreSQL store holding the shipped briefings,
two `python -m dashboard serve` replicas, each materialising them into a working folder of its own,
and HAProxy with deploy/haproxy.cfg, on loopback. A reader without a browser (Streamlit's own
protocol, tests/support/stream_client.py) opens the seed's link through the proxy, which sticks it to
one replica with its SERVERID cookie; that replica is killed (SIGKILL, its whole process group); the
same reader, cookie and all, opens the stream again through the proxy, as the page does when its
connection drops, and must get the same view from the replica that is left.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from deploy import team as teams
from tests.support.stream_client import Reader, View, ViewFailed, open_view

SEED_LINK = "briefing=nk-troops-russia"
RECOVER_SECONDS = 15  # HAProxy marks a dead server down after 2 failed checks a second apart


@pytest.fixture
def haproxy() -> Path:
    binary = teams.haproxy_binary()
    if binary is None:
        pytest.skip("HAProxy is not installed (apt-get install -y haproxy; CI installs it)")
    return binary


def _reopen_until_served(reader: Reader, deadline: float) -> tuple[View, list[str]]:
    """The page's reconnection: open the stream again until a replica answers; the failures seen."""
    failures: list[str] = []
    while True:
        try:
            return asyncio.run(open_view(reader, SEED_LINK, timeout_s=10)), failures
        except ViewFailed as failure:
            failures.append(str(failure))
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)  # the page waits between attempts too


@pytest.mark.slow
def test_a_reader_whose_replica_dies_gets_the_same_view_from_the_other(haproxy: Path, tmp_path: Path) -> None:
    with teams.running_team(2, folder=tmp_path / "team", use_store=True) as team:
        reader = Reader(team.url)
        assert reader.get_page() == 200
        stuck = reader.cookies.get("SERVERID")
        assert stuck in {"replica1", "replica2"}, f"HAProxy set no stickiness cookie: {reader.cookies}"

        before = asyncio.run(open_view(reader, SEED_LINK, timeout_s=20))
        assert not before.exception
        assert "North Korea" in before.text and before.elements > 20, "not the seed briefing's view"
        assert before.server_cookie == stuck, "the stream went to another replica than the page"

        dead = next(r for r in team.replicas if r.name == stuck)
        dead.kill()
        assert not dead.alive()

        after, failures = _reopen_until_served(reader, time.monotonic() + RECOVER_SECONDS)

        assert after.server_cookie != stuck, f"still sent to the dead {stuck}"
        assert after.server_cookie in {r.name for r in team.replicas if r.alive()}
        assert not after.exception
        assert after.digest == before.digest, f"a different view after {len(failures)} failed attempts"
