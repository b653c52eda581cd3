"""Bloc cohesion: the Hix–Noury–Roland index on hand-counted cases, plurality and defectors with their
position ids, and the Bundestag parties' Wahl-O-Mat answers recomputed by hand from the YAML."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from dashboard import cohesion as co
from dashboard.alignment import AgreementError, Scope
from dashboard.load import load_briefing
from dashboard.problems import errors
from tests.support.briefings import BUNDESTAG
from tests.support.hand_briefings import briefing_of


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ((3, 0, 0), 1.0),  # all agree
        ((1, 1, 1), 0.0),  # an even three-way split
        ((2, 1, 0), 0.5),  # (2 - 1/2) / 3
        ((1, 0, 1), 0.25),  # (1 - 1/2) / 2: an even two-way split is not the minimum
        ((8, 1, 1), 0.7),  # (8 - 2/2) / 10
        ((1, 0, 0), math.nan),  # one member alone: below MIN_VOTING
        ((0, 0, 0), math.nan),
    ],
)
def test_agreement_index(counts: tuple[int, int, int], expected: float) -> None:
    assert co.agreement_index(np.array(counts)) == pytest.approx(expected, nan_ok=True)


def bloc():
    return briefing_of(
        [
            ("a", "i1", "support"),
            ("b", "i1", "strongly_support"),
            ("c", "i1", "oppose"),  # 0 1 2
            ("d", "i1", "silent"),  # 3
            ("a", "i2", "support"),
            ("b", "i2", "oppose"),  # 4 5: a tie
            ("c", "i2", "mixed"),  # 6
            ("a", "i3", "strongly_oppose"),
            ("b", "i3", "strongly_oppose"),
            ("c", "i3", "oppose"),
            ("d", "i3", "neutral"),  # 7 8 9 10
        ]
    )


def test_plurality_defectors_and_those_on_no_side() -> None:
    result = co.cohesion(bloc(), ["a", "b", "c", "d"])
    issues = result.issues.set_index("issue")
    assert issues.loc["i1", ["for", "neutral", "against", "silent", "voting"]].tolist() == [2, 0, 1, 1, 3]
    assert issues.loc["i1", "cohesion"] == pytest.approx(0.5)
    # strength never splits a bloc; on a tie of strengths the milder is the bloc's stance
    assert issues.loc["i1", ["plurality", "plurality_stance", "defectors"]].tolist() == ["for", "support", 1]
    assert issues.loc["i3", ["plurality", "plurality_stance"]].tolist() == ["against", "strongly_oppose"]
    assert issues.loc["i3", "cohesion"] == pytest.approx((3 - 0.5) / 4)
    defectors = result.defectors
    assert defectors[["issue", "actor", "stance", "position"]].values.tolist() == [
        ["i1", "c", "oppose", 2],
        ["i3", "d", "neutral", 10],
    ]
    roles = result.members.set_index(["issue", "actor"])["role"]
    assert roles[("i1", "d")] == "silent" and roles[("i2", "c")] == "mixed"
    assert roles[("i2", "d")] == "no record" and roles[("i1", "b")] == "plurality"


def test_a_tie_has_no_plurality_and_no_defectors() -> None:
    issues = co.cohesion(bloc(), ["a", "b", "c", "d"]).issues.set_index("issue")
    assert issues.loc["i2", ["plurality", "plurality_stance", "tied", "defectors"]].tolist() == [
        "",
        "",
        "for, against",
        0,
    ]
    assert issues.loc["i2", "cohesion"] == pytest.approx(0.25)
    members = co.cohesion(bloc(), ["a", "b"]).members
    assert set(members[members["issue"] == "i2"]["role"]) == {"split"}


def test_scope_and_mean_and_unknown_members() -> None:
    result = co.cohesion(bloc(), ["a", "b", "c", "d"], Scope(issues=("i1", "i3")))
    assert result.issues["issue"].tolist() == ["i1", "i3"]
    assert result.mean() == pytest.approx((0.5 + 0.625) / 2)
    with pytest.raises(AgreementError, match="no such actor in this briefing: zz"):
        co.cohesion(bloc(), ["a", "zz"])


def test_bundestag_coalitions_match_a_count_by_hand(all_briefings: Path) -> None:
    if not (all_briefings / BUNDESTAG).is_dir():
        pytest.skip("the Bundestag briefing is built from ../shared, which is not here")
    briefing, problems = load_briefing(all_briefings / BUNDESTAG)
    assert not errors(problems)  # it has warnings (positions without a quote), no errors
    # Counted from the imported positions.yaml with a few lines of plain Python (yaml.safe_load,
    # a dictionary per thesis, fractions): 38 theses each; mean index 25/38 for SPD, Greens and FDP,
    # 67/76 for SPD and Greens.
    traffic_light = co.cohesion(briefing, ["spd", "gruene", "fdp"])
    assert len(traffic_light.issues) == 38
    assert traffic_light.mean() == pytest.approx(25 / 38)
    assert co.cohesion(briefing, ["spd", "gruene"]).mean() == pytest.approx(67 / 76)
    # Thesis 2: SPD and Greens agree, the FDP disagrees (the YAML: support, support, oppose).
    defectors = traffic_light.defectors
    thesis_2 = defectors[defectors["issue"] == "thesis-2"]
    assert thesis_2["actor"].tolist() == ["fdp"]
    positions = briefing.positions
    fdp = positions[(positions["actor"] == "fdp") & (positions["issue"] == "thesis-2")]["position"]
    assert thesis_2["position"].tolist() == fdp.tolist()


def test_a_member_whose_record_the_dates_hide_is_hidden_not_no_record() -> None:
    from dashboard import blocs

    briefing = briefing_of(
        [
            ("a", "i1", "support", "2024-06-01"),
            ("b", "i1", "support", "2024-06-01"),
            ("c", "i1", "oppose", "2023-01-01"),  # on record, but before the scope's dates
            ("d", "i2", "oppose", "2024-06-01"),  # d has no record at all on i1
        ]
    )
    result = co.cohesion(briefing, ["a", "b", "c", "d"], Scope(date_from=date(2024, 1, 1)))
    issue = result.issues.set_index("issue").loc["i1"]
    assert issue[["voting", "hidden", "no_record"]].tolist() == [2, 1, 1]  # d: no record at all
    roles = result.members.set_index(["actor", "issue"])["role"]
    assert roles[("c", "i1")] == "hidden" and roles[("d", "i1")] == "no record"
    rep = blocs.report(
        briefing, blocs.chosen_bloc(briefing, ["a", "b", "c", "d"]), Scope(date_from=date(2024, 1, 1))
    )
    table = blocs.stance_rows(briefing, rep)
    column = rep.shown["issue"].tolist().index("i1")
    assert table.loc[briefing.actor_names["c"]].iloc[column] == "◌"
    assert table.loc[briefing.actor_names["d"]].iloc[column] == "·"
    members = blocs.issue_members(briefing, rep, "i1")
    assert (members.hidden, members.no_record) == (("c",), ("d",))


def test_the_bloc_row_marks_a_stance_that_only_one_member_took() -> None:
    from dashboard import blocs

    briefing = briefing_of(
        [
            ("a", "i1", "support"),
            ("b", "i1", "support"),
            ("a", "i2", "oppose"),
            ("b", "i2", "silent"),  # only a took a side on i2
        ]
    )
    rep = blocs.report(briefing, blocs.chosen_bloc(briefing, ["a", "b"]))
    row = blocs.stance_rows(briefing, rep).iloc[0]
    order = rep.shown["issue"].tolist()
    assert row.iloc[order.index("i1")] == "+"
    assert row.iloc[order.index("i2")] == "−¹"
