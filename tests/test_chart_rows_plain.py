"""A page of the matrix's chart rows is made from plain lists (issue 24: pandas' per-column work was
most of the 10 ms a seed page took). The frame is the one the column-by-column pandas path makes,
dtypes included, for every kind of grid the page draws."""

import pandas as pd
import pytest

from dashboard import charts, filters, matrix
from dashboard.selection import Filters, MatrixState

CHOICES = [
    (Filters(), MatrixState()),
    (Filters(actors=("china",)), MatrixState()),
    (Filters(actors=("china", "united-states")), MatrixState(sort_by="china")),
    (Filters(kinds=("expert",)), MatrixState()),
    (Filters(stances=("support",)), MatrixState()),  # hidden cells
    (Filters(bases=("inferred",)), MatrixState(sort_by="united-states")),
    (Filters(actors=("putin",), spokespeople=True), MatrixState()),
]


def pandas_rows(cells: pd.DataFrame, selected: tuple[str, str] | None, dictionaries: bool) -> pd.DataFrame:
    data = charts._matrix_data(cells, selected)
    if dictionaries and len(data) >= charts.DICTIONARY_FROM:
        for column in (
            *("actor", "issue", "actor_label", "actor_kind", "issue_title", "stance"),
            *("glyph", "reading", "summary", "confidence_mark"),
        ):
            data[column] = data[column].astype(str).astype("category")
    return data


@pytest.mark.parametrize(("chosen", "state"), CHOICES)
@pytest.mark.parametrize("dictionaries", [False, True])
def test_plain_rows_are_the_pandas_rows(seed, chosen, state, dictionaries):
    shown = matrix.grid_of(seed, filters.apply(seed, chosen), chosen, state)
    assert isinstance(shown, matrix.StanceGrid) and len(shown.cells) <= charts.PLAIN_UP_TO
    first = tuple(shown.cells[["actor", "issue"]].iloc[-1])
    for selected in (None, first):
        rows = charts.matrix_data(shown.cells, selected, dictionaries=dictionaries)
        pd.testing.assert_frame_equal(rows, pandas_rows(shown.cells, selected, dictionaries))
    assert rows["selected"].sum() == 1


def test_plain_rows_tell_apart_two_issues_with_one_title(seed):
    chosen = Filters()
    shown = matrix.grid_of(seed, filters.apply(seed, chosen), chosen, MatrixState())
    cells = shown.cells.copy()
    first, second = cells["issue"].unique()[:2]
    cells.loc[cells["issue"] == second, "issue_title"] = cells.loc[
        cells["issue"] == first, "issue_title"
    ].iloc[0]
    rows = charts.matrix_data(cells, dictionaries=False)
    pd.testing.assert_frame_equal(rows, pandas_rows(cells, None, False))
    titles = rows.drop_duplicates("issue")["issue_title"].tolist()
    assert len(set(titles)) == len(titles) and any(t.endswith(f"[{second}]") for t in titles)
