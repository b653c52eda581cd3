"""A save from the Add a source view is recorded in the history as the person's who made it (the
local user without sign-in), and the sidebar then offers the briefing's history."""

from __future__ import annotations

import getpass
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import ledger

PROJECT = Path(__file__).resolve().parents[2]
ARTICLE = (
    "OSLO, Nov. 8 (Example Wire) Secretary of State Antony Blinken told reporters the demand "
    "was growing. “The world is watching Beijing,” Blinken said."
)


@pytest.mark.slow
def test_a_save_on_the_page_names_who_saved(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = tmp_path / "nk-troops-russia"
    shutil.copytree(PROJECT / "data" / "nk-troops-russia", folder)
    monkeypatch.setenv("DASHBOARD_DATA", str(tmp_path))
    monkeypatch.setenv("DASHBOARD_EDIT", "1")
    at = AppTest.from_file(str(PROJECT / "dashboard" / "app.py"), default_timeout=60).run()
    assert [b for b in at.sidebar.button if b.key == "ledger-open"] == []  # no history yet
    at.toggle(key="as_open").set_value(True).run()
    at.text_area(key="as_paste").set_value(ARTICLE).run()
    at.button(key="as_draft").click().run()
    at.text_input(key="as_s_title").set_value("Blinken on Beijing").run()
    at.text_input(key="as_s_publisher").set_value("Example Wire").run()
    at.text_input(key="as_s_published").set_value("2024-11-08").run()
    at.button(key="as_accept_confident").click().run()
    at.button(key="as_save").click().run()
    assert not at.exception, at.exception
    assert any("Saved:" in s.value for s in at.success), [e.value for e in at.error]
    saved = ledger.events(folder)[-1]
    assert (saved.action, saved.subject, saved.name) == (
        "save",
        f"local:{getpass.getuser()}",
        getpass.getuser(),
    )
    assert any(c.table == "quotes" and c.kind == "added" for c in saved.changes)
    at.toggle(key="as_open").set_value(False).run()
    assert [b for b in at.sidebar.button if b.key == "ledger-open"] != []


def test_the_cell_says_who_recorded_its_quotes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from datetime import date

    from dashboard.extract.saving import Accepted, save
    from dashboard.identity import Identity

    folder = tmp_path / "nk-troops-russia"
    shutil.copytree(PROJECT / "data" / "nk-troops-russia", folder)
    source = {
        "id": "wire-2024-11-03",
        "title": "Blinken again",
        "publisher": "Example Wire",
        "published": date(2024, 11, 3),
        "kind": "news",
        "language": "en",
    }
    quote = {
        "speaker": "blinken",
        "text": "Beijing must act",
        "source": "wire-2024-11-03",
        "kind": "direct",
        "issues": ["china-restrain-nk"],
        "language": "en",
    }
    ana = Identity(subject="acct-ana", name="Ana Analyst")
    result = save(folder, Accepted(source, [], [quote], [], label="wire"), author=ana)
    [quote_id] = result.added["quotes"]
    monkeypatch.setenv("DASHBOARD_DATA", str(tmp_path))
    monkeypatch.delenv("DASHBOARD_EDIT", raising=False)
    at = AppTest.from_file(str(PROJECT / "dashboard" / "app.py"), default_timeout=60)
    at.query_params["cell"] = "blinken~china-restrain-nk"
    at.run()
    assert not at.exception, at.exception
    captions = [c.value.replace("\\", "").replace("\u2060", "") for c in at.caption]  # Markdown made inert
    recorded = [c for c in captions if c.startswith("Recorded:")]
    assert recorded, captions
    assert f"quote {quote_id} by Ana Analyst on " in recorded[0]
    assert "before the history began" in recorded[0]  # the seed's own records


def test_an_actor_card_says_who_recorded_the_actor_and_its_latest_words(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from datetime import date

    from dashboard.extract.saving import Accepted, save
    from dashboard.identity import Identity

    folder = tmp_path / "nk-troops-russia"
    shutil.copytree(PROJECT / "data" / "nk-troops-russia", folder)
    source = {
        "id": "wire-2024-11-04",
        "title": "A new voice",
        "publisher": "Example Wire",
        "published": date(2024, 11, 4),
        "kind": "news",
        "language": "en",
    }
    actor = {"id": "jane-example", "name": "Jane Example", "kind": "expert", "role": "Analyst"}
    quote = {
        "speaker": "jane-example",
        "text": "Beijing will wait",
        "source": "wire-2024-11-04",
        "kind": "direct",
        "issues": ["china-restrain-nk"],
        "language": "en",
    }
    ana = Identity(subject="acct-ana", name="Ana Analyst")
    result = save(folder, Accepted(source, [actor], [quote], [], label="wire"), author=ana)
    [quote_id] = result.added["quotes"]
    monkeypatch.setenv("DASHBOARD_DATA", str(tmp_path))
    monkeypatch.delenv("DASHBOARD_EDIT", raising=False)
    at = AppTest.from_file(str(PROJECT / "dashboard" / "app.py"), default_timeout=60)
    at.query_params["view"] = "cards"
    at.query_params["actor"] = "jane-example"
    at.run()
    assert not at.exception, at.exception
    captions = [c.value.replace("\\", "").replace("\u2060", "") for c in at.caption]
    recorded = [c for c in captions if c.startswith("Recorded:")]
    day = ledger.events(folder)[-1].at[:10]  # the event's own UTC day
    assert recorded == [
        f"Recorded: actor jane-example by Ana Analyst on {day}; quote {quote_id} by Ana Analyst on {day}"
    ], captions
