"""The "Add a source" view in Streamlit's AppTest: only an editing server shows it; drafting,
reviewing and saving puts the records into the briefing, and the page then shows them."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.extract.briefings import load_briefing
from dashboard.problems import errors
from tests.extract.support import PROJECT, SEED_BRIEFING

APP = str(PROJECT / "dashboard" / "app.py")
ARTICLE = ("OSLO, Nov. 8 (Example Wire) Maria Keller, Norway's foreign minister, said on Friday that "
           "China “must use its influence to restrain North Korea.” Secretary of State Antony Blinken "
           "told reporters the demand was growing. “The world is watching Beijing,” Blinken said.")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(SEED_BRIEFING, tmp_path / "nk-troops-russia")
    return tmp_path


def start(monkeypatch: pytest.MonkeyPatch, data: Path, *, editing: bool) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DATA", str(data))
    if editing:
        monkeypatch.setenv("DASHBOARD_EDIT", "1")
    else:
        monkeypatch.delenv("DASHBOARD_EDIT", raising=False)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def metric(at: AppTest, label: str) -> int:
    """A count from the header's one line ("... · 32 positions · 36 quotes (...) · ...")."""
    header = next(str(h.proto.body) for h in at.get("html") if 'class="counts"' in str(h.proto.body))
    found = re.search(rf"([\d,]+) {label.lower()}", header)
    assert found, header
    return int(found.group(1).replace(",", ""))


def test_a_server_not_started_for_editing_has_no_way_to_edit(monkeypatch: pytest.MonkeyPatch,
                                                             data: Path) -> None:
    at = start(monkeypatch, data, editing=False)
    assert [t for t in at.toggle if t.key == "as_open"] == []
    at.query_params["edit"] = "1"  # no link can switch it on either
    at.query_params["view"] = "add"
    at.run()
    assert not at.exception and [t for t in at.toggle if t.key == "as_open"] == []


def test_draft_review_save_and_see_it_in_the_briefing(monkeypatch: pytest.MonkeyPatch, data: Path) -> None:
    at = start(monkeypatch, data, editing=True)
    quotes_before, positions_before = metric(at, "Quotes"), metric(at, "Positions")
    at.toggle(key="as_open").set_value(True).run()
    assert at.title[0].value == "Add a source"
    at.text_area(key="as_paste").set_value(ARTICLE).run()
    at.button(key="as_draft").click().run()
    assert not at.exception, at.exception
    drafted = {r.key.removeprefix("as_d_status_") for r in at.radio
               if r.key and r.key.startswith("as_d_status_")}
    assert len(drafted) >= 2
    speakers = {at.selectbox(key=f"as_d_speaker_{d}").value for d in drafted}
    assert "blinken" in speakers and "maria-keller" in speakers  # matched, and proposed new
    at.text_input(key="as_s_title").set_value("Norway joins the call on China").run()
    at.text_input(key="as_s_publisher").set_value("Example Wire").run()
    at.text_input(key="as_s_published").set_value("2024-11-08").run()
    at.button(key="as_accept_confident").click().run()
    keller = next(d for d in drafted if at.selectbox(key=f"as_d_speaker_{d}").value == "maria-keller")
    assert at.radio(key=f"as_d_status_{keller}").value == "accepted"
    at.multiselect(key=f"as_d_issues_{keller}").set_value(["china-restrain-nk"]).run()
    at.checkbox(key=f"as_d_propose_{keller}").check().run()
    assert at.selectbox(key=f"as_d_pstance_{keller}").value == "support"  # "must use its influence"
    at.checkbox(key=f"as_d_pok_{keller}").check().run()
    accepted = [d for d in drafted if at.radio(key=f"as_d_status_{d}").value == "accepted"]
    at.button(key="as_save").click().run()
    assert not at.exception, at.exception
    assert any("Saved:" in s.value for s in at.success), [e.value for e in at.error]

    briefing, problems = load_briefing(data / "nk-troops-russia")
    assert errors(problems) == []
    texts = set(briefing.quotes["text"])
    assert "must use its influence to restrain North Korea." in texts
    assert "The world is watching Beijing" in texts
    keller_position = briefing.positions[briefing.positions["actor"] == "maria-keller"]
    assert list(keller_position["stance"]) == ["support"]

    at.toggle(key="as_open").set_value(False).run()  # back to the briefing: the new records show
    assert not at.exception
    assert metric(at, "Quotes") == quotes_before + len(accepted)
    assert metric(at, "Positions") == positions_before + 1


def test_saving_with_the_source_unnamed_says_what_is_missing(monkeypatch: pytest.MonkeyPatch,
                                                            data: Path) -> None:
    at = start(monkeypatch, data, editing=True)
    at.toggle(key="as_open").set_value(True).run()
    at.text_area(key="as_paste").set_value(ARTICLE).run()
    at.button(key="as_draft").click().run()
    at.button(key="as_accept_confident").click().run()
    at.text_input(key="as_s_publisher").set_value("").run()
    at.button(key="as_save").click().run()
    assert any("source: give the publisher" in e.value for e in at.error)
    saved = (data / "nk-troops-russia" / "quotes.yaml").read_bytes()
    assert saved == (SEED_BRIEFING / "quotes.yaml").read_bytes()


def test_bad_pasted_text_gets_a_message_not_a_traceback(monkeypatch: pytest.MonkeyPatch, data: Path) -> None:
    at = start(monkeypatch, data, editing=True)
    at.toggle(key="as_open").set_value(True).run()
    german = "Die Regierung hat heute erklärt, dass sie nichts ändern wird."
    at.text_area(key="as_paste").set_value(german).run()
    at.button(key="as_draft").click().run()
    assert not at.exception
    assert any("does not read as English" in e.value for e in at.error)


def test_ten_megabytes_of_pasted_text_are_refused_at_once(monkeypatch: pytest.MonkeyPatch,
                                                          data: Path) -> None:
    """The box takes one character past the bound (a longer paste is cut there and said to be too
    long); Streamlit refuses a widget value over 25 MB itself. What reaches the page is refused
    before any worker sees it."""
    at = start(monkeypatch, data, editing=True)
    at.toggle(key="as_open").set_value(True).run()
    assert at.text_area(key="as_paste").max_chars == 200_001
    at.text_area(key="as_paste").set_value("The minister said so. " * 460_000).run()
    started = time.monotonic()
    at.button(key="as_draft").click().run()
    assert time.monotonic() - started < 20  # the text never reaches a worker (before: same bound)
    assert not at.exception
    said = [e.value.replace("\\", "").replace("\u2060", "") for e in at.error]  # as shown
    assert any("characters is more than the 200,000" in e for e in said), said
