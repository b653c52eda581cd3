"""A translation attached on the review desk is saved beside the words, with who made it and when,
and a translation nobody signed stops the save with a message."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

PROJECT = Path(__file__).resolve().parents[2]
ARTICLE = (
    "OSLO, Nov. 8 (Example Wire) Secretary of State Antony Blinken told reporters the demand "
    "was growing. “The world is watching Beijing,” Blinken said."
)
GERMAN = "Die Welt schaut auf Peking"


@pytest.mark.slow
def test_a_translation_is_saved_beside_the_words(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = tmp_path / "nk-troops-russia"
    shutil.copytree(PROJECT / "data" / "nk-troops-russia", folder)
    monkeypatch.setenv("DASHBOARD_DATA", str(tmp_path))
    monkeypatch.setenv("DASHBOARD_EDIT", "1")
    at = AppTest.from_file(str(PROJECT / "dashboard" / "app.py"), default_timeout=60).run()
    at.toggle(key="as_open").set_value(True).run()
    at.text_area(key="as_paste").set_value(ARTICLE).run()
    at.button(key="as_draft").click().run()
    at.text_input(key="as_s_title").set_value("Blinken on Beijing").run()
    at.text_input(key="as_s_publisher").set_value("Example Wire").run()
    at.text_input(key="as_s_published").set_value("2024-11-08").run()
    at.button(key="as_accept_confident").click().run()
    # The draft bulk accept took (the quotation), not the paraphrase left for the analyst.
    box = next(
        t
        for t in at.text_area
        if str(t.key).startswith("as_d_translation_")
        and at.session_state[str(t.key).replace("_translation_", "_status_")] == "accepted"
    )
    by = str(box.key).replace("as_d_translation_", "as_d_translated_by_")
    box.set_value(GERMAN).run()
    at.text_input(key=by.replace("_translated_by_", "_translation_language_")).set_value("de").run()
    at.text_input(key=by).set_value("").run()
    at.button(key="as_save").click().run()
    assert not at.exception, at.exception
    refused = [str(e.value).replace("\\", "") for e in at.error]
    assert any("say who (or which tool) made the translation" in m for m in refused), refused
    at.text_input(key=by).set_value("DeepL (web, 2026-12)").run()
    at.button(key="as_save").click().run()
    assert any("Saved:" in s.value for s in at.success), [e.value for e in at.error]
    saved = [
        q
        for q in yaml.safe_load((folder / "quotes.yaml").read_text(encoding="utf-8"))
        if q.get("translation")
    ]
    assert len(saved) == 1
    [quote] = saved
    assert (quote["translation"], quote["translation_language"], quote["translated_by"]) == (
        GERMAN,
        "de",
        "DeepL (web, 2026-12)",
    )
    assert str(quote["translated_on"]) == datetime.now(UTC).date().isoformat()
    assert quote["text"] != GERMAN  # the words themselves untouched
