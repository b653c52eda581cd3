"""Counts agree with their nouns in compare and the alignment view (a reader's review v10, finding
7's small slip, '1 of those agreements rest on…', and its like): one issue, one topic, one more
evidence quote."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import compare as comparing
from dashboard.load import load_briefing
from dashboard.selection import Filters

PROJECT = Path(__file__).resolve().parents[1]
APP = str(PROJECT / "dashboard" / "app.py")


@pytest.fixture(scope="module")
def seed():
    briefing, _ = load_briefing(PROJECT / "data" / "nk-troops-russia")
    return briefing


def _run(params: dict[str, str | list[str]]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def test_compare_over_one_issue_says_issue(seed) -> None:
    actors = ("united-states", "china")
    _, comparison = comparing.comparison_for(seed, Filters(issues=("nk-troops-in-russia",)), actors)
    headline = comparing.summary(seed, comparison)[0]
    assert " of the 1 issue where both have a position (" in headline
    assert "; 1 issue compared)." in headline
    assert "1 issues" not in headline


def test_one_more_evidence_quote_is_one_quote() -> None:
    at = _run({"view": "compare", "compare": ["united-states", "china"], "issue": "nk-troops-in-russia"})
    labels = [e.label for e in at.expander if "more evidence quote" in e.label]
    assert labels and all("(s)" not in label for label in labels)
    for label in labels:
        count = int(label.split()[0])
        assert label.endswith("quote" if count == 1 else "quotes"), label


def test_one_topic_left_out_of_the_pair_table_is_one_topic() -> None:
    at = _run({"view": "alignment", "pair": "united-states~china", "by": "topic"})
    said = [c.value for c in at.caption if "left out of the table" in c.value]
    assert said, [c.value for c in at.caption]
    for line in said:
        count = int(line.split()[0])
        assert line.startswith(f"{count} topic with no shared issue is" if count == 1 else f"{count} topics")
        assert "topics is" not in line and "topic are" not in line
