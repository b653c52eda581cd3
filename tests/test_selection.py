"""The link codec: ids in, ids out, and anything a briefing lacks dropped with a notice."""

from datetime import date
from pathlib import Path

import pytest

from dashboard.link import MAX_VALUES_PER_PARAM, decode, encode, pick_briefing, readme_table
from dashboard.selection import PARAMS, Choices, Selection

README = Path(__file__).resolve().parents[1] / "README.md"

CHOICES = Choices(
    briefings=["nk", "un"],
    actors=["china", "united-states", "blinken", "a1", "a2", "a3", "a4", "a5", "a6"],
    issues=["troops", "restrain"],
    topics=["Korean Peninsula"],
)


@pytest.mark.parametrize(
    ("query", "expected", "notice"),
    [
        ({}, Selection(briefing="nk"), None),
        ({"actor": ["china", "blinken"]}, Selection(briefing="nk", actors=("china", "blinken")), None),
        ({"actor": ["china", "nosuch"]}, Selection(briefing="nk", actors=("china",)), "no actor 'nosuch'"),
        (
            {"issue": ["troops"], "stance": ["silent", "unknown"]},
            Selection(briefing="nk", issues=("troops",), stances=("silent", "unknown")),
            None,
        ),
        ({"stance": ["suport"]}, Selection(briefing="nk"), "no stance 'suport'"),
        (
            {"from": ["2024-10-01"], "to": ["2024-11-02"]},
            Selection(briefing="nk", date_from=date(2024, 10, 1), date_to=date(2024, 11, 2)),
            None,
        ),
        ({"from": ["yesterday"]}, Selection(briefing="nk"), "not YYYY-MM-DD"),
        (
            {"view": ["cards"], "q": ["influence"]},
            Selection(briefing="nk", view="cards", query="influence"),
            None,
        ),
        ({"view": ["<script>"]}, Selection(briefing="nk"), "no view"),
        ({"view": ["cards", "compare"]}, Selection(briefing="nk", view="cards"), "takes one value"),
        ({"page": ["²"]}, Selection(briefing="nk"), "not a page or column number"),
        ({"page": ["٣"]}, Selection(briefing="nk"), "not a page or column number"),
        ({"page": ["0"]}, Selection(briefing="nk"), "not a page or column number"),
        ({"page": ["3"], "column": ["21"]}, Selection(briefing="nk", rows_page=3, first_column=21), None),
        (
            {"from": ["2024-11-02"], "to": ["2024-10-01"]},
            Selection(briefing="nk", date_from=date(2024, 10, 1), date_to=date(2024, 11, 2)),
            "were swapped",
        ),
        ({"from": ["２０２４-10-01"]}, Selection(briefing="nk"), "not YYYY-MM-DD"),
        ({"cell": ["china~troops"]}, Selection(briefing="nk", cell=("china", "troops")), None),
        ({"cell": ["china~nosuch"]}, Selection(briefing="nk"), "no cell"),
        ({"cell": ["china"]}, Selection(briefing="nk"), "no cell"),
        ({"align": ["china", "blinken"]}, Selection(briefing="nk", align="china"), "takes one value"),
        (
            {"compare": ["china"], "view": ["compare"]},
            Selection(briefing="nk", compare=("china",), view="compare"),
            "only 'china'",
        ),
        ({"spokespeople": ["1"]}, Selection(briefing="nk", spokespeople=True), None),
        ({"actor": ["china\x00"]}, Selection(briefing="nk"), "not valid"),
        (
            {"topic": ["Korean Peninsula"], "kind": ["state"], "basis": ["inferred"]},
            Selection(briefing="nk", topics=("Korean Peninsula",), kinds=("state",), bases=("inferred",)),
            None,
        ),
        (
            {"compare": ["china", "united-states", "blinken"]},
            Selection(briefing="nk", compare=("china", "united-states", "blinken")),
            None,
        ),
        (
            {"compare": ["a1", "a2", "a3", "a4", "a5", "a6"]},
            Selection(briefing="nk", compare=("a1", "a2", "a3", "a4")),
            "a5",
        ),
        ({"bogus": ["1"]}, Selection(briefing="nk"), "does not use"),
    ],
)
def test_decode(query, expected, notice):
    decoded = decode(query, "nk", CHOICES)
    assert decoded.selection == expected
    if notice is None:
        assert decoded.notices == []
    else:
        assert any(notice in n for n in decoded.notices), decoded.notices


def test_repeated_parameter_is_cut_with_notice():
    decoded = decode({"actor": ["china"] * 5000}, "nk", CHOICES)
    assert decoded.selection.filters.actors == ("china",)
    assert any("5,000 times" in n for n in decoded.notices)
    assert MAX_VALUES_PER_PARAM < 5000


@pytest.mark.parametrize(
    "selection",
    [
        Selection(briefing="nk"),
        Selection(
            briefing="nk",
            actors=("china", "blinken"),
            issues=("troops",),
            view="compare",
            compare=("china", "blinken"),
            spokespeople=True,
            query="Xi 习近平",
            date_from=date(2024, 1, 2),
            stances=("unknown",),
        ),
        Selection(
            briefing="nk",
            group="topics",
            align="china",
            rows_page=2,
            first_column=3,
            cell=("china", "restrain"),
            date_to=date(2024, 11, 2),
        ),
    ],
)
def test_encode_then_decode_is_identity(selection):
    assert decode(encode(selection), "nk", CHOICES).selection == selection


def test_encode_leaves_defaults_out_and_keeps_ids():
    query = encode(Selection(briefing="nk", actors=("united-states",)))
    assert query == {"briefing": ["nk"], "actor": ["united-states"]}


@pytest.mark.parametrize(
    ("requested", "expected", "notice"),
    [
        ([], "nk", False),
        (["un"], "un", False),
        (["../../etc"], "nk", True),
        (["/etc/passwd"], "nk", True),
        (["nk%2F..%2F"], "nk", True),
    ],
)
def test_pick_briefing_only_from_the_catalogue(requested, expected, notice):
    decoded = pick_briefing(requested, ["nk", "un"], "nk")
    assert decoded.selection.briefing == expected
    assert bool(decoded.notices) is notice


def test_the_readme_lists_the_link_parameters_from_the_one_table():
    # The table in the README is made by readme_table(); change PARAMS and paste its output.
    assert readme_table() in README.read_text(encoding="utf-8")


def test_each_parameter_has_its_own_query_name_and_widget():
    assert len({p.query for p in PARAMS}) == len(PARAMS)
    assert len({p.widget for p in PARAMS}) == len(PARAMS)


def test_a_cell_survives_the_round_trip_as_actor_tilde_issue():
    query = encode(Selection(briefing="nk", cell=("china", "troops")))
    assert query["cell"] == ["china~troops"]


BLOC_CHOICES = Choices(
    briefings=["nk"], actors=["china", "blinken", "a1"], issues=["troops"], topics=[], blocs=["g7"]
)


@pytest.mark.parametrize(
    ("query", "expected", "notice"),
    [
        ({"bloc": ["g7"]}, Selection(briefing="nk", bloc="g7"), None),
        ({"bloc": ["g20"]}, Selection(briefing="nk"), "no bloc 'g20'"),
        ({"members": ["china", "a1"]}, Selection(briefing="nk", members=("china", "a1")), None),
        ({"members": ["china", "zz"]}, Selection(briefing="nk", members=("china",)), "no bloc member 'zz'"),
        (
            {"bloc": ["g7"], "members": ["china", "a1"]},
            Selection(briefing="nk", bloc="g7"),
            "the declared bloc is shown",
        ),
    ],
)
def test_a_bloc_is_declared_by_id_or_chosen_as_members(query, expected, notice):
    decoded = decode(query, "nk", BLOC_CHOICES)
    assert decoded.selection == expected
    joined = " ".join(decoded.notices)
    assert (notice in joined) if notice else not decoded.notices
    assert decode(encode(expected), "nk", BLOC_CHOICES).selection == expected
