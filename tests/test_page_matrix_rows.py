"""The page's matrix rows (charts.matrix_data with dictionaries=False, as cache.chart_data makes them):
plain columns, no categories, and the same SVG as the rows the picture's Vega chart reads."""

import pandas as pd
import pytest

from dashboard import charts, filters, matrix, matrix_svg
from dashboard.selection import Selection


@pytest.mark.parametrize("chosen", [{}, {"stances": ("support",)}, {"actors": ("china", "united-states")}])
def test_rows_without_dictionaries_draw_the_same_matrix(seed, monkeypatch, chosen) -> None:
    monkeypatch.setattr(charts, "DICTIONARY_FROM", 0)  # every grid converted, as the UN votes' are
    selection = Selection(**chosen)
    shown = matrix.grid_of(seed, filters.apply(seed, selection.filters), selection.filters, selection.matrix)
    assert not shown.cells.empty
    for_vega = charts.matrix_data(shown.cells)
    for_page = charts.matrix_data(shown.cells, dictionaries=False)
    assert any(isinstance(t, pd.CategoricalDtype) for t in for_vega.dtypes)
    assert not any(isinstance(t, pd.CategoricalDtype) for t in for_page.dtypes)
    assert list(for_page.columns) == list(for_vega.columns) == charts.MATRIX_COLUMNS
    pd.testing.assert_frame_equal(for_page, for_vega.astype(for_page.dtypes.to_dict()))
    for args in ((44, 170, False), (30, 110, True)):
        page, vega = (matrix_svg.drawing(rows, *args) for rows in (for_page, for_vega))
        assert (page.body, page.cells, page.rows, page.columns) == (
            vega.body,
            vega.cells,
            vega.rows,
            vega.columns,
        )
