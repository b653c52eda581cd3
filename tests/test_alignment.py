"""Agreement measures: hand-computed cases, a property check against a plain-Python reference, and the
real UN votes with figures recomputed from the raw CSVs by tests/reference/unvotes_agreement.py."""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard import alignment as al
from dashboard.records import STANCES
from tests.support.hand_briefings import briefing_of

Z = al.Z_95


def row(frame: pd.DataFrame, other: str, measure: str, group: str | None = None) -> pd.Series:
    found = frame[(frame["other"] == other) & (frame["measure"] == measure)]
    if group is not None:
        found = found[found["group"] == group]
    assert len(found) == 1, (other, measure, group)
    return found.iloc[0]


def pair(stances_a: Sequence[str | None], stances_b: Sequence[str | None]) -> pd.DataFrame:
    """Two actors over issues i0, i1, ...; None is no record. A third actor `x` holds a position on
    every issue, so each issue is in scope whatever a and b hold."""
    rows = [("x", f"i{k}", "neutral") for k in range(len(stances_a))]
    rows += [("a", f"i{k}", s) for k, s in enumerate(stances_a) if s is not None]
    rows += [("b", f"i{k}", s) for k, s in enumerate(stances_b) if s is not None]
    briefing = briefing_of(rows, actors=["a", "b", "x"])
    return al.agreement(briefing, "a", ["b"], min_n=1)


# ------------------------------------------------------------------------------- hand computed


def test_identical_stances_agree_fully_with_a_wilson_interval_of_n_over_n_plus_z_squared() -> None:
    frame = pair(["support", "oppose", "strongly_oppose"], ["support", "oppose", "strongly_oppose"])
    for measure in ("coincidence", "index"):
        found = row(frame, "b", measure)
        assert (found["value"], found["n"], found["high"]) == (1.0, 3, 1.0)
        # Wilson's lower bound for k = n is n / (n + z^2).
        assert found["low"] == pytest.approx(3 / (3 + Z * Z))
    assert row(frame, "b", "kappa")["value"] == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("first", "second", "credit", "same_side"),
    [
        ("support", "support", 1.0, True),
        ("strongly_support", "support", 0.75, True),
        ("support", "neutral", 0.5, None),
        ("strongly_support", "neutral", 0.25, None),
        ("support", "oppose", 0.0, False),
        ("strongly_support", "strongly_oppose", 0.0, False),
        ("support", "strongly_oppose", 0.0, False),
        ("neutral", "neutral", 1.0, None),
        ("oppose", "strongly_oppose", 0.75, True),
    ],
)
def test_one_shared_issue_scores_by_distance_on_the_scale(first, second, credit, same_side) -> None:
    frame = pair([first], [second])
    index = row(frame, "b", "index")
    assert (index["value"], index["n"]) == (credit, 1)
    coincidence = row(frame, "b", "coincidence")
    if same_side is None:  # a neutral stance takes no side: coincidence leaves the issue out
        assert coincidence["n"] == 0 and math.isnan(coincidence["value"])
        assert coincidence["neutral"] == 1 and coincidence["note"] == "no shared issues"
    else:
        assert (coincidence["value"], coincidence["n"]) == (float(same_side), 1)
    assert al.CREDIT[STANCES.index(first), STANCES.index(second)] == credit


def test_one_shared_issue_is_too_thin_under_the_default_minimum() -> None:
    briefing = briefing_of([("a", "i", "support"), ("b", "i", "support")])
    found = row(al.agreement(briefing, "a", ["b"]), "b", "coincidence")
    assert found["thin"] and pd.isna(found["rank"])
    assert found["note"] == f"too thin: n=1 < {al.MIN_SHARED_ISSUES}"
    assert found["value"] == 1.0  # the value is shown, beside its n, but not ranked


def test_an_all_silent_pair_has_no_rate_and_its_silence_is_counted() -> None:
    frame = pair(["silent"] * 4, ["silent"] * 4)
    for measure in al.MEASURES:
        found = row(frame, "b", measure)
        assert found["n"] == 0 and math.isnan(found["value"]) and math.isnan(found["low"])
        assert found["silent"] == 4 and found["no_record"] == 0 and found["thin"]
        assert pd.isna(found["rank"])


def test_silence_and_no_record_never_count_and_each_issue_is_left_out_once() -> None:
    # i0 agree, i1 a silent, i2 b has no record, i3 a silent and b no record, i4 mixed, i5 neutral,
    # i6 both mixed
    frame = pair(
        ["support", "silent", "oppose", "silent", "mixed", "neutral", "mixed"],
        ["support", "oppose", None, None, "support", "support", "mixed"],
    )
    coincidence = row(frame, "b", "coincidence")
    assert (coincidence["value"], coincidence["n"]) == (1.0, 1)
    assert (
        coincidence["no_record"],
        coincidence["silent"],
        coincidence["mixed"],
        coincidence["neutral"],
    ) == (2, 1, 2, 1)  # no record outranks silence on i3
    index = row(frame, "b", "index")
    assert (index["value"], index["n"], index["neutral"]) == (0.75, 2, 0)  # (1 + 0.5) / 2
    for measure in al.MEASURES:
        found = row(frame, "b", measure)
        assert found["issues"] == 7
        assert (found["n"] + found["neutral"] + found["mixed"] + found["silent"] + found["no_record"]) == 7


def test_kappa_is_far_below_raw_agreement_for_a_pair_that_both_vote_with_the_majority() -> None:
    # 18 issues both support; on two they split, one each way. Raw agreement 0.9, and each supports
    # 95% of the time, so chance alone gives 0.905: kappa = (0.9 - 0.905) / 0.095 = -1/19.
    majority = pair(["support"] * 18 + ["oppose", "support"], ["support"] * 18 + ["support", "oppose"])
    assert row(majority, "b", "coincidence")["value"] == pytest.approx(0.9)
    assert row(majority, "b", "index")["value"] == pytest.approx(0.9)
    assert row(majority, "b", "kappa")["value"] == pytest.approx(-1 / 19)
    # The same raw agreement between a pair whose stances vary: kappa stays high.
    varied = pair(
        ["support"] * 10 + ["oppose"] * 8 + ["oppose", "support"],
        ["support"] * 10 + ["oppose"] * 8 + ["support", "oppose"],
    )
    assert row(varied, "b", "coincidence")["value"] == pytest.approx(0.9)
    # p_e = 0.55 * 0.55 + 0.45 * 0.45 = 0.505; kappa = (0.9 - 0.505) / 0.495
    assert row(varied, "b", "kappa")["value"] == pytest.approx(0.395 / 0.495)


def test_kappa_interval_is_the_index_interval_mapped_with_chance_agreement_held() -> None:
    frame = pair(["support", "neutral"], ["strongly_support", "oppose"])
    index, kappa = row(frame, "b", "index"), row(frame, "b", "kappa")
    # p_o = (0.75 + 0.5) / 2; each actor's own shares give p_e = 0.25 * (0.75 + 0 + 0.25 + 0.5)
    expected = 0.375
    assert index["value"] == pytest.approx(0.625)
    assert kappa["value"] == pytest.approx((0.625 - expected) / (1 - expected))
    assert kappa["low"] == pytest.approx((index["low"] - expected) / (1 - expected))
    assert kappa["high"] == pytest.approx((index["high"] - expected) / (1 - expected))


def test_kappa_is_undefined_when_both_hold_one_stance_throughout() -> None:
    found = row(pair(["support"] * 12, ["support"] * 12), "b", "kappa")
    assert math.isnan(found["value"]) and found["thin"] and found["n"] == 12
    assert found["note"].startswith("undefined")


def test_ranking_orders_by_value_then_n_then_name_with_thin_rates_last() -> None:
    rows = [("a", f"i{k}", "support") for k in range(12)]
    rows += [("zed", f"i{k}", "support") for k in range(11)]  # 1.0 over 11
    rows += [("bob", f"i{k}", "support") for k in range(11)]  # 1.0 over 11: a tie, by name
    rows += [("cat", f"i{k}", "support") for k in range(12)]  # 1.0 over 12: more shared, first
    rows += [("dan", f"i{k}", "support" if k else "oppose") for k in range(12)]  # 11/12
    rows += [("eve", "i0", "support")]  # 1.0 over 1: too thin, last
    frame = al.partners(briefing_of(rows), "a")
    assert frame["other"].tolist() == ["cat", "bob", "zed", "dan", "eve"]
    assert frame["rank"].tolist()[:4] == [1, 2, 3, 4] and pd.isna(frame["rank"].iloc[4])
    assert frame["other_name"].tolist()[0] == "Cat"


def test_latest_position_counts_undated_ones_as_oldest_and_ties_go_to_the_later_row() -> None:
    briefing = briefing_of(
        [
            ("a", "i1", "oppose", "2020-01-01"),
            ("a", "i1", "support", "2023-01-01"),  # later wins
            ("a", "i2", "support", "2021-01-01"),
            ("a", "i2", "oppose", None),  # undated is older
            ("a", "i3", "oppose", "2022-05-05"),
            ("a", "i3", "support", "2022-05-05"),  # file order
            ("b", "i1", "support"),
            ("b", "i2", "support"),
            ("b", "i3", "support"),
        ]
    )
    table = al.stance_table(briefing, ["a"])
    assert [STANCES[c] for c in table.stance[0]] == ["support"] * 3
    assert table.position[0].tolist() == [1, 2, 5]


def test_a_date_range_takes_the_latest_within_it_and_scopes_the_issues() -> None:
    briefing = briefing_of(
        [
            ("a", "i1", "support", "2020-01-01"),
            ("a", "i1", "oppose", "2023-01-01"),
            ("b", "i1", "support", "2020-06-01"),
            ("a", "i2", "support", None),
            ("b", "i2", "support", None),
            ("a", "i3", "support", "2024-03-01"),
        ]
    )
    upto_2021 = al.agreement(briefing, "a", ["b"], scope=al.Scope(date_to=date(2021, 1, 1)), min_n=1)
    found = row(upto_2021, "b", "coincidence")
    assert (found["value"], found["n"], found["issues"], found["group"]) == (1.0, 2, 2, "..2021-01-01")
    since_2021 = al.agreement(briefing, "a", ["b"], scope=al.Scope(date_from=date(2021, 1, 1)), min_n=1)
    found = row(since_2021, "b", "coincidence")  # i1: a opposes, b's 2020 view is out; undated out
    assert (found["n"], found["issues"], found["no_record"]) == (0, 2, 2)


def test_issue_and_basis_scopes() -> None:
    briefing = briefing_of(
        [
            ("a", "i1", "support"),
            ("b", "i1", "oppose", "2024-01-01", "inferred"),
            ("a", "i2", "support"),
            ("b", "i2", "support"),
        ]
    )
    stated = row(
        al.agreement(briefing, "a", ["b"], scope=al.Scope(bases=("stated",)), min_n=1), "b", "coincidence"
    )
    assert (stated["value"], stated["n"], stated["issues"]) == (1.0, 1, 2)
    one = row(al.agreement(briefing, "a", ["b"], scope=al.Scope(issues=("i1",)), min_n=1), "b", "coincidence")
    assert (one["value"], one["n"], one["issues"]) == (0.0, 1, 1)
    with pytest.raises(al.AgreementError, match="no such issue in this briefing: nope"):
        al.agreement(briefing, "a", ["b"], scope=al.Scope(issues=("nope",)))


def test_by_year_compares_positions_held_within_each_year() -> None:
    briefing = briefing_of(
        [
            ("a", "i1", "support", "2020-02-01"),
            ("b", "i1", "support", "2020-03-01"),
            ("a", "i2", "support", "2021-02-01"),
            ("b", "i2", "oppose", "2021-03-01"),
            ("a", "i3", "support", "2021-04-01"),
            ("b", "i3", "oppose", "2022-01-01"),
            ("a", "i4", "support", None),
            ("b", "i4", "support", None),  # undated: in no year
        ]
    )
    frame = al.agreement(briefing, "a", ["b"], by="year", measures=("coincidence",), min_n=1)
    assert frame["group"].tolist() == ["2020", "2021", "2022"]
    assert frame["value"].tolist()[:2] == [1.0, 0.0]
    assert frame["n"].tolist() == [1, 1, 0]  # i3: the two held their positions in different years
    assert frame["issues"].tolist() == [1, 2, 1]


def test_by_topic_groups_issues_and_names_those_without_one() -> None:
    briefing = briefing_of(
        [
            ("a", "i1", "support"),
            ("b", "i1", "support"),
            ("a", "i2", "support"),
            ("b", "i2", "oppose"),
            ("a", "i3", "oppose"),
            ("b", "i3", "oppose"),
        ],
        topics={"i1": "Trade", "i2": "Trade"},
    )
    frame = al.agreement(briefing, "a", ["b"], by="topic", measures=("coincidence",), min_n=1)
    assert frame.set_index("group")[["value", "n"]].to_dict("index") == {
        "(no topic)": {"value": 1.0, "n": 1},
        "Trade": {"value": 0.5, "n": 2},
    }


def test_unknown_actor_measure_or_grouping_is_a_clear_error() -> None:
    briefing = briefing_of([("a", "i", "support")])
    with pytest.raises(al.AgreementError, match="no such actor in this briefing: nobody"):
        al.agreement(briefing, "a", ["nobody"])
    with pytest.raises(al.AgreementError, match="no such measure 'rice'"):
        al.agreement(briefing, "a", measures=("rice",))
    with pytest.raises(al.AgreementError, match="no such grouping 'month'"):
        al.agreement(briefing, "a", by="month")


# ------------------------------------------------------------------------ pairwise and seriation


def test_pairwise_orders_actors_so_blocs_sit_together() -> None:
    random.seed(7)
    rows = []
    for k in range(30):
        west = "support" if k % 5 else "neutral"
        rows += [(actor, f"i{k}", west) for actor in ("w1", "w2", "w3")]
        rows += [(actor, f"i{k}", "oppose" if k % 7 else "neutral") for actor in ("e1", "e2", "e3")]
    rows.append(("w2", "i0", "oppose"))  # so the bloc is not perfectly uniform
    briefing = briefing_of(rows)
    shuffled = ["e1", "w1", "e2", "w2", "e3", "w3"]
    matrix = al.pairwise(briefing, shuffled)
    order = matrix.order
    assert sorted(order) == sorted(shuffled)
    blocs = ["w" if a.startswith("w") else "e" for a in order]
    assert blocs in (["w"] * 3 + ["e"] * 3, ["e"] * 3 + ["w"] * 3)
    square = matrix.values()
    assert list(square.index) == order and list(square.columns) == order
    assert np.allclose(square.to_numpy(), square.to_numpy().T, equal_nan=True)
    assert len(matrix.cells) == 6 * 5
    assert square.loc["w1", "e1"] == 0.0 and square.loc["w1", "w3"] == 1.0


def test_pairwise_values_match_agreement_for_each_pair() -> None:
    briefing = briefing_of(
        [
            (a, f"i{k}", s)
            for k, s in enumerate(["support", "oppose", "neutral", "strongly_support", "mixed", "silent"] * 3)
            for a in ("p", "q")
        ]
        + [("q", "i0", "oppose"), ("r", "i1", "oppose"), ("r", "i3", "support")]
    )
    for measure in al.MEASURES:
        cells = al.pairwise(briefing, ["p", "q", "r"], measure=measure, min_n=1).cells
        for first, second in itertools.permutations(["p", "q", "r"], 2):
            one = cells[(cells["actor"] == first) & (cells["other"] == second)].iloc[0]
            expected = row(
                al.agreement(briefing, first, [second], measures=(measure,), min_n=1), second, measure
            )
            assert one[["value", "n", "low", "high", "no_record", "silent"]].tolist() == pytest.approx(
                expected[["value", "n", "low", "high", "no_record", "silent"]].tolist(), nan_ok=True
            )


@pytest.mark.parametrize("size", [0, 1, 2, 3, 8])
def test_seriate_returns_every_index_once(size: int) -> None:
    rng = np.random.default_rng(size)
    points = rng.random((size, 2))
    distance = np.sqrt(((points[:, None, :] - points[None, :, :]) ** 2).sum(-1))
    assert sorted(al.seriate(distance)) == list(range(size))
    assert al.seriate(distance) == al.seriate(distance)


def test_seriate_keeps_points_on_a_line_in_line_order() -> None:
    spots = np.array([0.0, 5.0, 1.0, 6.0, 2.0, 7.0])
    order = al.seriate(np.abs(spots[:, None] - spots[None, :]))
    assert [spots[i] for i in order] in ([0, 1, 2, 5, 6, 7], [7, 6, 5, 2, 1, 0])


# ----------------------------------------------------------------------- one pair, issue by issue


def test_pair_issues_and_divergences_name_both_positions() -> None:
    briefing = briefing_of(
        [
            ("a", "i1", "support"),
            ("b", "i1", "oppose"),  # positions 0, 1: credit 0
            ("a", "i2", "support"),
            ("b", "i2", "neutral"),  # 2, 3: credit 0.5
            ("a", "i3", "support"),
            ("b", "i3", "support"),  # 4, 5: agree
            ("a", "i4", "silent"),  # 6: b no record
            ("a", "i5", "strongly_oppose"),
            ("b", "i5", "oppose"),  # 7, 8: 0.75
        ],
        dates={"i1": "2020-01-01", "i5": "2024-01-01"},
    )
    issues = al.pair_issues(briefing, "a", "b").set_index("issue")
    assert issues["relation"].to_dict() == {
        "i1": "opposite sides",
        "i2": "one neutral",
        "i3": "same stance",
        "i4": "no record",
        "i5": "same side",
    }
    assert issues.loc["i4", "stance_second"] == "unknown" and pd.isna(issues.loc["i4", "position_second"])
    diverging = al.divergences(briefing, "a", "b")
    assert diverging["issue"].tolist() == ["i1", "i2", "i5"]
    assert diverging[["position_first", "position_second"]].to_numpy().tolist() == [[0, 1], [2, 3], [7, 8]]
    assert al.divergences(briefing, "a", "b", limit=1)["issue"].tolist() == ["i1"]


def test_an_actor_against_itself_agrees_wherever_it_is_on_the_line() -> None:
    briefing = briefing_of([("a", "i1", "support"), ("a", "i2", "silent"), ("b", "i3", "oppose")])
    issues = al.pair_issues(briefing, "a", "a").set_index("issue")
    assert issues["relation"].to_dict() == {"i1": "same stance", "i2": "silent", "i3": "no record"}
    assert issues["position_first"].tolist() == issues["position_second"].tolist()


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("support", "support", "same stance"),
        ("support", "strongly_support", "same side"),
        ("neutral", "oppose", "one neutral"),
        ("strongly_support", "oppose", "opposite sides"),
        ("mixed", "support", "mixed"),
        ("mixed", "silent", "silent"),
        ("silent", "unknown", "no record"),
    ],
)
def test_relation(first: str, second: str, expected: str) -> None:
    assert al.relation(first, second) == expected == al.relation(second, first)


# ------------------------------------------------- property: the same as a plain-Python reference

LINE = {"strongly_support": 1.5, "support": 1.0, "neutral": 0.0, "oppose": -1.0, "strongly_oppose": -1.5}


def reference(a: list[str | None], b: list[str | None]) -> dict[str, tuple[float, int]]:
    """The three measures by their definitions, one issue at a time."""
    sided = [
        (x, y) for x, y in zip(a, b, strict=True) if x in LINE and y in LINE and LINE[x] != 0 and LINE[y] != 0
    ]
    line = [(x, y) for x, y in zip(a, b, strict=True) if x in LINE and y in LINE]
    out: dict[str, tuple[float, int]] = {}
    out["coincidence"] = (
        sum((LINE[x] > 0) == (LINE[y] > 0) for x, y in sided) / len(sided) if sided else math.nan,
        len(sided),
    )
    credit = [max(0.0, 1 - abs(LINE[x] - LINE[y]) / 2) for x, y in line]
    observed = sum(credit) / len(line) if line else math.nan
    out["index"] = (observed, len(line))
    if line:
        share_a = {s: sum(x == s for x, _ in line) / len(line) for s in LINE}
        share_b = {s: sum(y == s for _, y in line) / len(line) for s in LINE}
        expected = sum(
            max(0.0, 1 - abs(LINE[s] - LINE[t]) / 2) * share_a[s] * share_b[t] for s in LINE for t in LINE
        )
        kappa = (observed - expected) / (1 - expected) if expected < 1 - 1e-12 else math.nan
    else:
        kappa = math.nan
    out["kappa"] = (kappa, len(line))
    return out


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from([*STANCES, None]), st.sampled_from([*STANCES, None])),
        min_size=1,
        max_size=25,
    )
)
def test_measures_match_the_reference_on_random_pairs(stances: list[tuple]) -> None:
    a, b = [s for s, _ in stances], [s for _, s in stances]
    frame = pair(a, b)
    expected = reference(a, b)
    for measure in al.MEASURES:
        found = row(frame, "b", measure)
        value, n = expected[measure]
        assert found["n"] == n
        assert found["value"] == pytest.approx(value, nan_ok=True)
        assert found["n"] + found["neutral"] + found["mixed"] + found["silent"] + found["no_record"] == len(
            stances
        )
        if n:
            assert found["low"] <= found["value"] + 1e-12 or math.isnan(found["value"])


# ------------------------------------------------------------------------------ the UN roll calls

# Figures from tests/reference/unvotes_agreement.py (plain Python over ../shared/data/unvotes/*.csv,
# nothing from dashboard/): value, n, low, high per measure, then issues in scope, no record, and
# (coincidence) abstentions left out.
UN_FIGURES: dict[tuple[str, str, str], dict[str, Any]] = {
    ("us", "gb", "all"): {
        "coincidence": (0.7961942914371557, 3994, 0.7834195869561764, 0.8083997796622127),
        "index": (0.7569887199607651, 6117, 0.7460813704066926, 0.767573495701497),
        "kappa": (0.504472119637269, 6117, 0.482230782510728, 0.5260556917499418),
        "issues": 6203,
        "no_record": 86,
        "neutral": 2123,
    },
    ("ru", "cn", "1985"): {  # coincidence 0.87 yet kappa about 0: both voted with the majority
        "coincidence": (0.8666666666666667, 120, 0.7943520342531574, 0.916233910373127),
        "index": (0.8047945205479452, 146, 0.7330383144719017, 0.8609228008326464),
        "kappa": (-0.011670313639678803, 146, -0.3835534375679411, 0.279219650510258),
        "issues": 155,
        "no_record": 9,
        "neutral": 26,
    },
    ("us", "il", "2019"): {
        "coincidence": (0.9746835443037974, 79, 0.9123141537110886, 0.9930296326934152),
        "index": (0.9602272727272727, 88, 0.8966154812147584, 0.9853391506050566),
        "kappa": (0.8968519758874748, 88, 0.7318788635388778, 0.9619780248779499),
        "issues": 90,
        "no_record": 2,
        "neutral": 9,
    },
    ("us", "cu", "Human rights"): {
        "coincidence": (0.14392523364485982, 535, 0.11671769149784322, 0.17620976654546544),
        "index": (0.2330028328611898, 706, 0.20331530635187847, 0.2655801838800746),
        "kappa": (-0.3873127503919178, 706, -0.4410103203680947, -0.32838818537548314),
        "issues": 728,
        "no_record": 22,
        "neutral": 171,
    },
}


@pytest.mark.slow
@pytest.mark.parametrize("key", list(UN_FIGURES), ids=lambda k: "-".join(k))
def test_un_figures_match_the_independent_reference(unvotes, key) -> None:
    actor, other, group = key
    by = None if group == "all" else "year" if group.isdigit() else "topic"
    frame = al.agreement(unvotes, actor, [other], by=by)
    figures = UN_FIGURES[key]
    for measure in al.MEASURES:
        found = row(frame, other, measure, group)
        assert [found["value"], found["n"], found["low"], found["high"]] == pytest.approx(
            list(figures[measure]), rel=1e-9
        )
        assert (found["issues"], found["no_record"], found["silent"], found["mixed"]) == (
            figures["issues"],
            figures["no_record"],
            0,
            0,
        )
        assert found["neutral"] == (figures["neutral"] if measure == "coincidence" else 0)
        assert not found["thin"]


@pytest.mark.slow
def test_un_partners_of_the_united_states(unvotes) -> None:
    ranked = al.partners(unvotes, "us")
    assert len(ranked) == 199
    assert ranked["other"].iloc[0] == "il"  # 0.902 over 3,601 roll calls (reference script: us-il)
    thin = ranked[ranked["thin"]]
    assert len(thin) >= 1 and ranked.index[ranked["thin"]].min() > ranked.index[~ranked["thin"]].max()
    assert (thin["n"] < al.MIN_SHARED_ISSUES).all()
    gb = ranked.set_index("other").loc["gb"]
    assert gb["value"] == pytest.approx(UN_FIGURES[("us", "gb", "all")]["coincidence"][0])


@pytest.mark.slow
def test_un_pairwise_is_symmetric_and_agrees_with_agreement(unvotes) -> None:
    actors = ["us", "gb", "fr", "ru", "cn", "in", "il", "cu"]
    matrix = al.pairwise(unvotes, actors, measure="kappa")
    square = matrix.values().to_numpy()
    assert np.allclose(square, square.T, equal_nan=True)
    cells = matrix.cells.set_index(["actor", "other"])
    assert cells.loc[("us", "gb"), "value"] == pytest.approx(UN_FIGURES[("us", "gb", "all")]["kappa"][0])
    # the western three sit side by side in the order
    positions = sorted(matrix.order.index(a) for a in ("us", "gb", "fr"))
    assert positions[2] - positions[0] == 2


def test_a_rate_and_its_interval_read_plainly_even_below_zero() -> None:
    assert al.rate_text(2 / 3, "coincidence") == "67%"
    assert al.rate_text(0.5, "index") == "50%"
    assert al.rate_text(-0.1, "kappa") == "-0.10"
    assert al.rate_text(float("nan"), "kappa") == "—"
    assert al.interval_text(0.21, 0.24, "coincidence") == "21% to 24%"
    # a dash between two negative numbers reads as "-0.12–-0.08": "to" cannot be misread
    assert al.interval_text(-0.12, -0.08, "kappa") == "-0.12 to -0.08"
    assert al.interval_text(float("nan"), 0.3, "index") == "—"
