"""Which bloc the section shows and what it shows of it: names, the most divided issues first, the
bloc's own row of stances, defectors with the quotes behind them and those who took no part."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import blocs
from dashboard.alignment import Scope
from tests.support.hand_briefings import briefing_of

DECLARED = {
    "id": "north",
    "name": "Northern group",
    "members": ["a", "b", "ghost"],
    "kind": "regional group",
    "description": "As the treaty lists them.",
    "as_of": pd.Timestamp("2024-06-30"),
    "source": None,
}


def hand():
    # The cohesion tests' bloc: i1 2 for, 1 against, 1 silent (0.5); i2 a tie, 1 mixed (0.25);
    # i3 3 against, 1 neutral (0.625). A fourth issue only e holds a position on.
    return briefing_of(
        [
            ("a", "i1", "support"),
            ("b", "i1", "strongly_support"),
            ("c", "i1", "oppose", None, "inferred"),
            ("d", "i1", "silent"),
            ("a", "i2", "support"),
            ("b", "i2", "oppose"),
            ("c", "i2", "mixed"),
            ("a", "i3", "strongly_oppose"),
            ("b", "i3", "strongly_oppose"),
            ("c", "i3", "oppose"),
            ("d", "i3", "neutral"),
            ("e", "i4", "support"),
        ],
        blocs=[DECLARED],
    )


@pytest.mark.parametrize(
    ("members", "name"),
    [
        (["a", "b"], "A and B"),
        (["a", "b", "c"], "A, B and C"),
        (["a", "b", "c", "d"], "A, B, C and 1 more"),
        (["a", "zz", "a"], "A"),  # an unknown id and a repeat are dropped
    ],
)
def test_a_bloc_chosen_in_the_link_is_named_after_its_members(members, name):
    bloc = blocs.chosen_bloc(hand(), members)
    assert bloc.name == name and not bloc.declared and bloc.source == ""


def test_a_declared_bloc_keeps_what_the_briefing_says_and_names_missing_members():
    briefing = hand()
    bloc = blocs.declared_bloc(briefing, "north")
    assert bloc is not None and bloc.declared
    assert (bloc.name, bloc.kind, bloc.as_of, bloc.members, bloc.missing) == (
        "Northern group",
        "regional group",
        "2024-06-30",
        ("a", "b"),
        ("ghost",),
    )
    assert blocs.declared_bloc(briefing, "south") is None
    # a declared bloc wins over members, and neither gives no bloc
    for declared, members, expected in (("north", ["c", "d"], ("a", "b")), ("", ["c", "d"], ("c", "d"))):
        chosen = blocs.bloc_for(briefing, declared, members)
        assert chosen is not None and chosen.members == expected
    assert blocs.bloc_for(briefing, "", []) is None


def test_the_most_divided_issues_come_first_and_the_rest_are_counted():
    rep = blocs.report(hand(), blocs.chosen_bloc(hand(), ["a", "b", "c", "d"]))
    # i4 has no member on the line: its index is undefined, so it comes last
    assert rep.shown["issue"].tolist() == ["i2", "i1", "i3", "i4"]
    assert (rep.left_out, rep.defined) == (0, 3)
    assert rep.mean == pytest.approx((0.25 + 0.5 + 0.625) / 3)
    cut = blocs.report(hand(), blocs.chosen_bloc(hand(), ["a", "b", "c", "d"]), limit=2)
    assert cut.shown["issue"].tolist() == ["i2", "i1"] and cut.left_out == 2


def test_the_bloc_is_a_row_of_its_own_above_its_members():
    briefing = hand()
    rep = blocs.report(briefing, blocs.chosen_bloc(briefing, ["a", "b", "c", "d"]))
    rows = blocs.stance_rows(briefing, rep)
    assert rows.columns.tolist() == ["Issue i2", "Issue i1", "Issue i3", "Issue i4"]
    assert rows.index.tolist() == ["Bloc: A, B, C and 1 more", "A", "B", "C", "D"]
    assert rows.iloc[0].tolist() == ["=", "+", "−−", ""]  # tied, support (the milder), strongly
    assert rows.loc["C"].tolist() == ["±", "−?", "−", "·"]  # C's i1 reading is inferred
    assert rows.loc["D"].tolist() == ["·", "…", "0", "·"]


@pytest.mark.parametrize(
    ("stance", "tied", "voting", "label"),
    [
        ("support", "", 3, "+ Supports"),
        ("oppose", "", 1, "− Opposes (one member only)"),
        ("", "for, against", 2, "= tied (for, against)"),
        ("", "", 0, "— no member took a side"),
    ],
)
def test_the_bloc_cell_in_words(stance, tied, voting, label):
    assert blocs.bloc_label(stance, tied, voting) == label


def test_defectors_come_with_their_reading_and_the_rest_are_listed_apart():
    briefing = hand()
    rep = blocs.report(briefing, blocs.chosen_bloc(briefing, ["a", "b", "c", "d"]))
    i1 = blocs.issue_members(briefing, rep, "i1")
    assert [(d.actor, d.stance, d.basis) for d in i1.defectors] == [("c", "oppose", "inferred")]
    assert i1.defectors[0].text.startswith("Opposes (−?) — inferred by someone else")
    assert (i1.silent, i1.mixed, i1.no_record) == (("d",), (), ())
    i2 = blocs.issue_members(briefing, rep, "i2")
    assert i2.defectors == () and i2.mixed == ("c",) and i2.no_record == ("d",)


def test_a_seed_defector_brings_the_words_behind_the_position(seed):
    bloc = blocs.chosen_bloc(seed, ["united-states", "south-korea", "china"])
    rep = blocs.report(seed, bloc)
    restrain = blocs.issue_members(seed, rep, "china-restrain-nk")
    # positions.yaml: China opposes as of 2024-11-01 (AFP's reading), evidence in this order
    assert [(d.actor, d.stance, d.basis, d.quotes) for d in restrain.defectors] == [
        ("china", "oppose", "reported", ("q-china-not-its-concern", "q-lin-own-matter"))
    ]
    # As the seed article saw it (to 2024-10-31) China's answer on restraint was undisclosed: its only
    # record (2024-11-01) is hidden by the dates, neither a defector nor a silence
    before = blocs.report(seed, bloc, Scope(date_to=pd.Timestamp("2024-10-31").date()))
    restrain = blocs.issue_members(seed, before, "china-restrain-nk")
    assert restrain.defectors == () and restrain.silent == () and restrain.hidden == ("china",)
    # on the troops themselves China was silent then (positions.yaml): apart, not a defector
    troops = blocs.issue_members(seed, before, "nk-troops-in-russia")
    assert troops.defectors == () and troops.silent == ("china",)


def test_spelled_out_are_issues_with_defectors_or_mixed_or_silent_members_most_divided_first():
    briefing = hand()
    rep = blocs.report(briefing, blocs.chosen_bloc(briefing, ["a", "b", "c", "d"]))
    spelled, more = blocs.spelled_out(rep, 5)
    # i2 (0.25) is tied but C is mixed there; i1 (0.5) C defects, D silent; i3 (0.625) D defects
    assert spelled["issue"].tolist() == ["i2", "i1", "i3"] and more == 0
    spelled, more = blocs.spelled_out(rep, 1)
    assert spelled["issue"].tolist() == ["i2"] and more == 2
    # a and b alone: i2 holds a tie, nobody defects, is mixed or silent anywhere. The tie is a
    # split, spelled out with both sides' words (it once read 'no defectors' and showed none).
    pair = blocs.report(briefing, blocs.chosen_bloc(briefing, ["a", "b"]))
    assert blocs.spelled_out(pair, 5)[0]["issue"].tolist() == ["i2"]
    split = blocs.issue_members(briefing, pair, "i2").split
    assert {m.actor for m in split} == {"a", "b"} and len({m.stance for m in split}) == 2


def test_issues_sharing_a_title_are_told_apart_by_their_date():
    from dataclasses import replace

    briefing = briefing_of(
        [("a", "i1", "support"), ("a", "i2", "oppose"), ("a", "i3", "oppose")],
        dates={"i1": "1990-12-01", "i2": "1991-12-01"},
    )
    same = replace(
        briefing, issues=briefing.issues.assign(title=["MIDDLE EAST", "MIDDLE EAST", "LAW OF THE SEA"])
    )
    assert blocs.issue_labels(same, ["i1", "i2", "i3"]) == [
        "MIDDLE EAST (1990-12-01)",
        "MIDDLE EAST (1991-12-01)",
        "LAW OF THE SEA",
    ]


def test_among_issues_as_divided_the_most_recent_comes_first():
    # The UN blocs once listed 1946 procedural votes first: equal division, oldest file order.
    briefing = briefing_of(
        [("a", "old", "support"), ("b", "old", "oppose"), ("a", "new", "support"), ("b", "new", "oppose")],
        dates={"old": "1946-02-01", "new": "2019-12-01"},
    )
    rep = blocs.report(briefing, blocs.chosen_bloc(briefing, ["a", "b"]))
    assert rep.shown["issue"].tolist() == ["new", "old"]
