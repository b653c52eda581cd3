"""'About this briefing' says what the records leave out, as every agreement figure does (a reader's
review v10, finding 8): on the UN votes, that resolutions adopted by consensus, without a vote, are
not in the roll calls. The words are the briefing's own coverage, the one the figures read."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.escape import html_text
from dashboard.load import load_briefing

PROJECT = Path(__file__).resolve().parents[1]
APP = str(PROJECT / "dashboard" / "app.py")


def _about(params: dict[str, str]) -> str:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    (popover,) = [p for p in at.get("popover") if p.proto.popover.label == "About this briefing"]
    return " ".join(str(h.proto.body) for h in popover.get("html"))


@pytest.mark.slow
def test_about_the_un_votes_gives_the_consensus_caveat() -> None:
    briefing, _ = load_briefing(PROJECT / "data" / "unvotes")
    coverage = briefing.meta.coverage
    assert "adopted by consensus, without a vote, are not in the data" in coverage
    about = _about({"briefing": "unvotes"})
    assert html_text(briefing.meta.summary) in about
    assert html_text(coverage) in about


def test_about_a_briefing_without_a_coverage_says_only_its_summary() -> None:
    briefing, _ = load_briefing(PROJECT / "data" / "nk-troops-russia")
    assert not briefing.meta.coverage
    about = _about({})
    assert about.count('<p class="summary">') == 1
