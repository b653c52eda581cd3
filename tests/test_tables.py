"""The house's tables: every array derived from the one stance table matches STANCES, every view and
parameter is in its one table, and links saved from the earlier version open the same view."""

from __future__ import annotations

from dataclasses import fields

import numpy as np
import pytest

from dashboard import alignment, cohesion, vocabulary
from dashboard.link import decode, encode
from dashboard.pages import VIEW_IDS, VIEWS
from dashboard.records import STANCE_TABLE, STANCES
from dashboard.selection import FILTER_PARAMS, PARAMS, PARTS, Choices, Filters, Selection

CHOICES = Choices(
    briefings=["nk"],
    actors=["us", "cn", "gb", "china"],
    issues=["troops"],
    topics=["Korean Peninsula"],
    blocs=["quad"],
)


def test_the_alignment_arrays_follow_the_stance_table() -> None:
    assert list(alignment.SIDE) == [s.side for s in STANCE_TABLE]
    assert sum(s.on_line for s in STANCE_TABLE) == alignment.ON_LINE
    assert all(STANCE_TABLE[i].on_line for i in range(alignment.ON_LINE))
    assert (STANCES[alignment.MIXED], STANCES[alignment.SILENT], STANCES[alignment.NEUTRAL]) == (
        "mixed",
        "silent",
        "neutral",
    )
    assert list(alignment.ORDINAL_VALUE) == [s.strength for s in STANCE_TABLE if s.on_line]
    # Credit: same stance 1, opposite sides 0, and symmetric.
    assert np.allclose(np.diag(alignment.CREDIT), 1.0)
    assert np.allclose(alignment.CREDIT, alignment.CREDIT.T)


def test_cohesion_directions_follow_the_stance_table() -> None:
    for stance, direction in zip(STANCE_TABLE, cohesion.DIRECTION_OF_STANCE, strict=True):
        if not stance.on_line:
            assert direction == -1
        else:
            assert cohesion.DIRECTIONS[direction] == {1: "for", 0: "neutral", -1: "against"}[stance.side]


def test_the_display_tables_follow_the_stances() -> None:
    assert list(vocabulary.LOOKS)[: len(STANCES)] == list(STANCES)
    for table in (
        vocabulary.STANCE_LABELS,
        vocabulary.GLYPHS,
        vocabulary.STANCE_MEANINGS,
        vocabulary.STANCE_COLOURS,
    ):
        assert set(table) == set(vocabulary.STANCE_DOMAIN)
    sided = [w for words in vocabulary.SIDES.values() for w in words]
    assert sorted(sided) == sorted(STANCES)
    assert {s.word: s.rank for s in STANCE_TABLE if s.on_line} == vocabulary.ORDINAL
    assert len(set(vocabulary.GLYPHS.values())) == len(vocabulary.GLYPHS)  # no two look alike


def test_every_view_is_in_the_table_once_and_has_a_module() -> None:
    import importlib

    assert len(set(VIEW_IDS)) == len(VIEWS)
    for view in VIEWS:
        module = importlib.import_module(f"dashboard.views.{view.module}")
        assert callable(module.render), view.id
    view_param = next(p for p in PARAMS if p.name == "view")
    assert view_param.words == VIEW_IDS


def test_every_selection_field_has_one_parameter_with_a_label() -> None:
    placed = {(p.part, p.attr) for p in PARAMS}
    for part, kind in PARTS.items():
        for field in fields(kind):
            assert (part, field.name) in placed, (part, field.name)
    assert all(p.label for p in PARAMS)
    assert set(FILTER_PARAMS) == {f.name for f in fields(Filters)}
    assert len({p.query for p in PARAMS}) == len({p.widget for p in PARAMS}) == len(PARAMS)


# Links as the version before the split wrote them (one flat Selection): each must open the same
# view now. `align` in the alignment view named whose partners to rank; it is `partners` now.
OLD_LINKS = [
    ("actor=china&stance=silent&view=cards", {"actors": ("china",), "stances": ("silent",), "view": "cards"}),
    ("view=compare&compare=us&compare=cn&from=2019-01-01", {"view": "compare", "compare": ("us", "cn")}),
    (
        "align=us&page=2&column=21&cell=cn~troops",
        {"align": "us", "rows_page": 2, "first_column": 21, "cell": ("cn", "troops")},
    ),
    (
        "view=alignment&align=us&measure=kappa&by=year&pair=us~gb",
        {"view": "alignment", "partners": "us", "measure": "kappa", "by": "year", "pair": ("us", "gb")},
    ),
    ("view=brief&actor=us&vs=cn&since=2024-10-31", {"view": "brief", "actors": ("us",), "vs": "cn"}),
    ("view=alignment&bloc=quad", {"view": "alignment", "bloc": "quad"}),
    (
        "group=topics&topic=Korean%20Peninsula&q=influence",
        {"group": "topics", "topics": ("Korean Peninsula",), "query": "influence"},
    ),
]


@pytest.mark.parametrize(("link", "expected"), OLD_LINKS, ids=[link for link, _ in OLD_LINKS])
def test_old_links_open_the_same_view(link: str, expected: dict[str, object]) -> None:
    from urllib.parse import parse_qs

    decoded = decode(parse_qs(link), "nk", CHOICES)
    assert decoded.notices == []
    for name, value in expected.items():
        assert decoded.selection.value(name) == value, name
    again = decode(encode(decoded.selection), "nk", CHOICES).selection
    assert again == decoded.selection  # and today's link for it opens it again


def test_the_matrix_sort_and_the_partners_are_two_settings_now() -> None:
    chosen = Selection(view="alignment", align="gb", partners="us")
    assert chosen.matrix.sort_by == "gb" and chosen.alignment.partners == "us"
    query = encode(chosen)
    assert query["align"] == ["gb"] and query["partners"] == ["us"]
    assert decode(query, "", CHOICES).selection == chosen
