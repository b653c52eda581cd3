"""Counts a reader sees agree with their nouns: '1 more evidence quote', '3 evidence quotes', never
'quote(s)' (review w4, section 2's leftovers: the cell history and the cell panel; and every other
count a reader sees in the views, the notes, the feeds and the digest)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.load import load_briefing
from dashboard.views.history import history_html

PROJECT = Path(__file__).resolve().parents[1]
APP = str(PROJECT / "dashboard" / "app.py")
# What a reader sees: the views, the notes (Markdown, Word, PDF templates), the Atom feeds and the
# mailed digest. The command-line tools' messages to whoever runs them are not in this list.
READER_FACING = [
    *sorted((PROJECT / "dashboard" / "views").glob("*.py")),
    *sorted((PROJECT / "dashboard" / "note").glob("*.py")),
    *sorted((PROJECT / "dashboard" / "note" / "templates").glob("*.j2")),
    PROJECT / "dashboard" / "feeds.py",
    PROJECT / "dashboard" / "digest.py",
    PROJECT / "dashboard" / "markup.py",
    PROJECT / "dashboard" / "brief.py",
    PROJECT / "dashboard" / "compare.py",
]
# A word with "(s)" glued on: 'quote(s)', 'record(s)', 'error(s)' ('http(s)' is a scheme, not a count;
# 'str(s))' a call).
HEDGED_PLURAL = re.compile(r"(?<![\w.])(?!https?\()[A-Za-z]{2,}\(s\)(?![\w)\]])")


@pytest.fixture(scope="module")
def seed():
    briefing, _ = load_briefing(PROJECT / "data" / "nk-troops-russia")
    return briefing


def test_no_hedged_plural_in_what_a_reader_sees() -> None:
    found = [
        f"{path.relative_to(PROJECT)}:{number}: {line.strip()}"
        for path in READER_FACING
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if HEDGED_PLURAL.search(line)
    ]
    assert found == []


def test_history_counts_one_more_quote_and_two_more_quotes(seed) -> None:
    # China on the troops: 3 evidence quotes on 10-31 (2 shown, 1 more), 4 on 11-01 (2 more).
    evidence = seed.positions.query("actor == 'china' and issue == 'nk-troops-in-russia'")["evidence"]
    assert sorted(len(e) for e in evidence) == [3, 4]
    page = history_html(seed, "china", "nk-troops-in-russia")
    assert "and 1 more evidence quote for this position<" in page
    assert "and 2 more evidence quotes for this position<" in page
    assert "(s)" not in page


def _cell_notes(cell: str) -> list[str]:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["cell"] = cell
    at.run()
    assert not at.exception, at.exception
    page = " ".join(str(h.proto.body) for h in at.get("html"))
    return re.findall(r'<p class="cards-note">([^<]*)</p>', page)


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        ("china~no-escalation", "1 evidence quote for this reading"),
        ("united-states~china-restrain-nk", "5 evidence quotes for this reading"),
    ],
)
def test_cell_panel_counts_its_evidence_quotes(cell: str, said: str) -> None:
    notes = _cell_notes(cell)
    assert notes and notes[0].startswith(said), notes
    assert all("(s)" not in note for note in notes)
