"""A reader's page through HAProxy when its replica dies: the page reconnects through the proxy to the
replica that is left and shows the same view (the link is the state), and its downloads work there
(made again on that replica from the link). Two replicas on the team store (a throwaway PostgreSQL),
HAProxy with deploy/haproxy.cfg, on loopback: deploy/team.py, the pieces `make team` starts."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from deploy import team as teams
from tests.e2e.conftest import _pages

LINK = "?briefing=nk-troops-russia&actor=china&actor=russia&actor=north-korea&view=cards"


@pytest.mark.slow
def test_a_page_whose_replica_dies_comes_back_on_the_other_with_its_view_and_downloads(
    browser: Browser, tmp_path: Path
) -> None:
    if teams.haproxy_binary() is None:
        pytest.skip("HAProxy is not installed (apt-get install -y haproxy; CI installs it)")
    with (
        teams.running_team(2, folder=tmp_path / "team", use_store=True) as team,
        _pages(browser, team.url) as open_page,
    ):
        app = open_page()
        app.open(LINK)
        page = app.page
        heading = page.get_by_role("heading", level=3).first.inner_text()
        address = page.url
        stuck = next(c["value"] for c in page.context.cookies() if c["name"] == "SERVERID")
        dead = next(r for r in team.replicas if r.name == stuck)
        dead.kill()
        # The page loses its connection, reconnects through the proxy (to the replica left) and runs
        # the link again there.
        page.wait_for_selector(
            '[data-testid="stApp"]:not([data-test-connection-state="CONNECTED"])', state="attached"
        )
        app.settle()
        assert page.url == address
        expect(page.get_by_role("heading", level=3).first).to_have_text(heading)
        left = next(c["value"] for c in page.context.cookies() if c["name"] == "SERVERID")
        assert left != stuck and left in {r.name for r in team.replicas}
        button = page.get_by_role("button", name="Quotes (CSV)")
        button.scroll_into_view_if_needed()
        with page.expect_download(timeout=60_000) as download:
            button.click()
        text = Path(download.value.path()).read_text(encoding="utf-8-sig")
        assert download.value.suggested_filename == "nk-troops-russia-quotes.csv"
        assert "Lin Jian" in text and text.count("\n") > 3
        expect(page.get_by_test_id("stException")).to_have_count(0)
