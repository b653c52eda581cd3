"""The page offers the note of the view it shows: PDF, Word, Markdown and the matrix pictures beside
the CSVs, and no picture button when nothing is in view to draw."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
LABELS = ["Briefing note (PDF)", "Briefing note (Word)", "Briefing note (Markdown)",
          "Matrix picture (PNG)", "Matrix picture (SVG)", "Positions (CSV)", "Quotes (CSV)"]


def buttons(query: dict[str, str]) -> dict[str, bool]:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return {b.proto.label: b.proto.disabled for b in at.get("download_button")}


def test_every_format_is_offered_for_a_brief() -> None:
    offered = buttons({"view": "brief", "actor": "united-states", "vs": "china"})
    assert list(offered) == LABELS
    assert not any(offered.values())


def test_no_picture_to_download_when_nothing_is_in_view() -> None:
    offered = buttons({"kind": "organization", "actor": "china"})
    assert offered["Matrix picture (PNG)"] and offered["Matrix picture (SVG)"]
    assert not offered["Briefing note (PDF)"]  # the note still says what the filters left
