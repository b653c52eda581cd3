"""Change over time: each kind of change on hand-made histories, the timeline's order, and said vs did."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dashboard import changes as ch
from dashboard.alignment import AgreementError
from tests.support.hand_briefings import briefing_of


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (None, "support", ("new", "")),
        (None, "silent", ("new", "")),
        ("silent", "support", ("broke_silence", "")),
        ("silent", "mixed", ("broke_silence", "")),
        ("oppose", "silent", ("fell_silent", "")),
        ("support", "oppose", ("reversal", "")),
        ("strongly_oppose", "support", ("reversal", "")),
        ("support", "strongly_support", ("shift", "stronger")),
        ("strongly_oppose", "oppose", ("shift", "weaker")),
        ("support", "neutral", ("moved", "")),
        ("neutral", "oppose", ("moved", "")),
        ("mixed", "support", ("moved", "")),
        ("support", "support", None),
        ("silent", "silent", None),
    ],
)
def test_change_kind(before, after, expected) -> None:
    assert ch.change_kind(before, after) == expected


def history():
    return briefing_of(
        [
            ("china", "troops", "silent", "2024-10-31", "reported"),  # 0
            ("china", "troops", "oppose", "2024-11-01", "stated"),  # 1: broke silence after the 31st
            ("us", "troops", "oppose", "2024-10-01"),  # 2
            ("us", "troops", "strongly_oppose", "2024-11-05"),  # 3: shift, stronger
            ("russia", "troops", "support", None),  # 4: undated, so the oldest
            ("russia", "troops", "oppose", "2024-11-02"),  # 5: reversal
            ("ukraine", "troops", "oppose", "2024-10-31"),  # 6: on the day itself: before
            ("ukraine", "troops", "oppose", "2024-11-03"),  # 7: restated: no change
            ("kp", "troops", "support", "2024-10-01"),  # 8: nothing after: no change
            ("eu", "troops", "oppose", "2024-11-04"),  # 9: new
            ("in", "troops", "neutral", "2024-10-01"),  # 10
            ("in", "troops", "silent", "2024-11-02"),  # 11: fell silent
            ("in", "troops", "silent", "2024-11-02"),  # 12: same day, later row: the latest
        ]
    )


def test_changes_since_finds_each_kind_with_before_and_after_ids() -> None:
    changes = ch.changes_since(history(), date(2024, 10, 31))
    assert list(changes.columns) == list(ch.CHANGE_COLUMNS)
    got = {
        r.actor: (
            r.kind,
            r.detail,
            None if pd.isna(r.before_stance) else r.before_stance,
            r.after_stance,
            r.before_position,
            r.after_position,
        )
        for r in changes.itertuples()
    }
    assert got == {
        "china": ("broke_silence", "", "silent", "oppose", 0, 1),
        "us": ("shift", "stronger", "oppose", "strongly_oppose", 2, 3),
        "russia": ("reversal", "", "support", "oppose", 4, 5),
        "eu": ("new", "", None, "oppose", pd.NA, 9),
        "in": ("fell_silent", "", "neutral", "silent", 10, 12),
    }
    assert changes["actor"].tolist()[0] == "us"  # newest change first (2024-11-05)
    china = changes.set_index("actor").loc["china"]
    assert (china["before_basis"], china["after_basis"]) == ("reported", "stated")
    assert china["before_as_of"] == pd.Timestamp("2024-10-31")


def test_changes_since_a_later_day_and_filters() -> None:
    briefing = history()
    later = ch.changes_since(briefing, date(2024, 11, 4))
    assert later["actor"].tolist() == ["us"]
    only_russia = ch.changes_since(briefing, date(2024, 10, 31), actors=["russia"])
    assert only_russia["kind"].tolist() == ["reversal"]
    stated = ch.changes_since(briefing, date(2024, 10, 31), actors=["china"], bases=["stated"])
    assert stated["kind"].tolist() == ["new"]  # without the reported silence, the stance is new
    with pytest.raises(AgreementError, match="no such actor in this briefing: mars"):
        ch.changes_since(briefing, date(2024, 10, 31), actors=["mars"])


def test_timeline_lists_every_position_oldest_first_with_its_change() -> None:
    line = ch.timeline(history(), "russia")
    assert line["position"].tolist() == [4, 5]
    assert line["dated"].tolist() == [False, True]
    assert line["change"].tolist() == ["new", "reversal"]
    china = ch.timeline(history(), "in", "troops")
    assert china["change"].tolist() == ["new", "fell_silent", "unchanged"]
    assert {"evidence", "summary", "basis", "assessed_by"} <= set(china.columns)


def test_said_vs_did_flags_a_difference_between_the_latest_of_each() -> None:
    briefing = briefing_of(
        [
            ("a", "i1", "support", "2024-01-01", "stated"),  # 0
            ("a", "i1", "oppose", "2024-02-01", "action"),  # 1: said for, did against
            ("a", "i2", "oppose", "2023-01-01", "stated"),  # 2
            ("a", "i2", "support", "2024-01-01", "stated"),  # 3: latest stated
            ("a", "i2", "support", "2024-03-01", "action"),  # 4: matches: not flagged
            ("a", "i3", "support", "2024-01-01", "stated"),  # 5: no action reading
            ("a", "i4", "silent", "2024-01-01", "stated"),  # 6
            ("a", "i4", "support", "2024-01-01", "action"),  # 7: silent but acting
            ("b", "i1", "support", "2024-01-01", "inferred"),  # 8: inferred is neither
            ("b", "i1", "oppose", "2024-01-01", "action"),  # 9
        ]
    )
    found = ch.said_vs_did(briefing)
    assert list(found.columns) == list(ch.SAID_DID_COLUMNS)
    assert found[["actor", "issue", "relation", "stated_position", "action_position"]].values.tolist() == [
        ["a", "i1", "opposite sides", 0, 1],
        ["a", "i4", "silent", 6, 7],
    ]
