"""The page offers the note of the view it shows: PDF, Word, Markdown and the matrix pictures beside
the CSVs, and no picture button when nothing is in view to draw. PDF, Word and the pictures are made
in a worker process when their button is pressed, then offered to save; a worker that fails costs
that file, said in words on the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import workers

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
LABELS = [
    "Briefing note (PDF)",
    "Briefing note (Word)",
    "Briefing note (Markdown)",
    "Matrix picture (PNG)",
    "Matrix picture (SVG)",
    "Positions (CSV)",
    "Quotes (CSV)",
]


def page(query: dict[str, str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def buttons(at: AppTest) -> dict[str, bool]:
    """The Downloads row's buttons (those that make a file, and those that save one): disabled?"""
    found = {b.proto.label: b.proto.disabled for b in at.get("download_button")}
    found |= {b.label: b.disabled for b in at.button if str(b.key).startswith(("dl_note", "dl_matrix"))}
    return found


def test_every_format_is_offered_for_a_brief() -> None:
    offered = buttons(page({"view": "brief", "actor": "united-states", "vs": "china"}))
    assert sorted(offered) == sorted(LABELS)
    assert not any(offered.values())


def test_no_picture_to_download_when_nothing_is_in_view() -> None:
    offered = buttons(page({"kind": "organization", "actor": "china"}))
    assert offered["Matrix picture (PNG)"] and offered["Matrix picture (SVG)"]
    assert not offered["Briefing note (PDF)"]  # the note still says what the filters left


@pytest.mark.slow
def test_a_made_file_is_offered_to_save_under_its_name() -> None:
    at = page({"actor": "china"})
    at.button(key="dl_matrix_svg").click().run()
    assert not at.exception, at.exception
    saves = [b.proto.label for b in at.get("download_button")]
    assert any(label.startswith("Save nk-troops-russia-matrix.svg (") for label in saves), saves


def test_a_renderer_that_fails_costs_that_file_said_in_words(monkeypatch: pytest.MonkeyPatch) -> None:
    # A worker that cannot even start its renderer within 60 MB: it dies, as a crash would.
    monkeypatch.setitem(
        workers.POOLS,
        "documents",
        workers.PoolSpec("documents", workers=1, seconds=60, memory_mb=60, preload=("dashboard.note.pdf",)),
    )
    monkeypatch.setattr(workers, "_pools", {})
    at = page({"actor": "china"})
    at.button(key="dl_matrix_png").click().run()
    assert not at.exception, at.exception
    said = " ".join(e.value for e in at.error)
    assert "The Matrix picture (PNG) could not be made: the program that makes it stopped" in said
    assert "Nothing else was affected" in said
    at.button(key="dl_note_pdf").click().run()  # and the page goes on
    assert not at.exception
