"""The history of changes on the page: the sidebar opens it once a briefing has one; each event
says who, when and from what, with each record before and after; Undo on an editing server writes
the records back as a new event."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from dashboard import ledger
from dashboard.extract.saving import Accepted, save
from dashboard.identity import Identity
from tests.e2e.conftest import PROJECT, _pages
from tests.support.server import ServerDidNotStart, streamlit_server

ANA = Identity(subject="acct-ana", name="Ana Analyst", email="ana@ministry.example")
SOURCE = {
    "id": "wire-2024-11-03",
    "title": "Keller on the talks",
    "publisher": "Example Wire",
    "published": date(2024, 11, 3),
    "kind": "news",
    "language": "en",
}


@pytest.fixture(scope="module")
def saved_briefing(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("history-data") / "nk-troops-russia"
    shutil.copytree(PROJECT / "data" / "nk-troops-russia", folder)
    quote = {
        "speaker": "blinken",
        "text": "We will keep talking <b>now</b>",
        "source": SOURCE["id"],
        "kind": "direct",
        "issues": ["china-restrain-nk"],
        "language": "en",
    }
    save(
        folder,
        Accepted(dict(SOURCE), [], [quote], [], label="Example Wire"),
        author=ANA,
        comment="the morning wire",
    )
    return folder


@pytest.fixture(scope="module")
def edit_server(saved_briefing: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    try:
        with streamlit_server(
            saved_briefing.parent, tmp_path_factory.mktemp("history-server"), env={"DASHBOARD_EDIT": "1"}
        ) as server:
            yield server.base_url
    except ServerDidNotStart as exc:
        pytest.fail(str(exc))


@pytest.mark.slow
def test_the_history_shows_who_saved_what_and_undo_writes_a_new_event(
    browser: Browser, edit_server: str, saved_briefing: Path
) -> None:
    saved = ledger.events(saved_briefing)[-1]
    quote_key = next(c.key for c in saved.changes if c.table == "quotes")
    with _pages(browser, edit_server) as open_page:
        app = open_page()
        app.open("?briefing=nk-troops-russia")
        page = app.page
        page.get_by_role("button", name="History of changes").click()
        dialog = page.get_by_role("dialog")
        event = dialog.get_by_text(f"#{saved.seq}", exact=False).filter(has_text="save by Ana Analyst")
        expect(event).to_contain_text("from wire-2024-11-03")
        event.click()
        expect(dialog.get_by_text("Why: the morning wire")).to_be_visible()
        expect(dialog.locator("code", has_text=quote_key)).to_be_visible()
        # Record text is shown as text: the quote's markup is not drawn.
        expect(dialog.get_by_text("We will keep talking <b>now</b>")).to_be_visible()
        assert dialog.locator("b", has_text="now").count() == 0
        # Undo the quote alone: the source it cites stays.
        dialog.get_by_role("combobox", name="Undo only these records").click()
        page.keyboard.type(quote_key)
        page.keyboard.press("Enter")
        # The list closes by itself when its one match is chosen (it has nothing left to offer);
        # a click on the dialog's title closes it if not. Escape would close the dialog once the
        # list is gone, and on a busy machine it may already be.
        dialog.get_by_text("History of changes", exact=True).click()
        # The button says what it will undo once the page has the choice; a press before that
        # would undo the whole event (a fresh-clone CI run at 15:28 UTC undid the source too).
        undo = dialog.get_by_role("button", name=f"Undo #{saved.seq}: 1 of {len(saved.changes)} records")
        expect(undo).to_be_visible()
        undo.click()
        expect(dialog.get_by_text(f"Undone as event #{saved.seq + 1}")).to_be_visible()
        app.assert_quiet()
    undone = ledger.events(saved_briefing)[-1]
    assert (undone.action, undone.reverts) == ("undo", saved.seq)
    assert [c.key for c in undone.changes] == [quote_key]
    assert undone.subject.startswith("local:")  # no sign-in: the one person at this machine
    now = ledger.records(saved_briefing)
    assert quote_key not in now and f"sources/{SOURCE['id']}" in now
    assert ledger.verify(saved_briefing).problems == []
