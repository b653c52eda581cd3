"""The chart rows' texts read from each column as a list (issue 24, p8: `astype(str)` on each of six
columns cost about 0.4 ms a page): what `astype(str)` gives, missing values included, for each dtype a
grid's column has; tests/test_chart_rows_plain.py holds the whole rows equal to the pandas path."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.charts import _texts

MISSING = [None, np.nan, pd.NA, pd.NaT, float("nan"), np.float64("nan")]


@pytest.mark.parametrize(
    "column",
    [
        pd.Series(["china", "united-states", None], dtype="str"),
        pd.Series(["china", None], dtype="string"),
        pd.Series(pd.Categorical(["support", None, "oppose"], categories=["oppose", "support", "mixed"])),
        pd.Series(["a", *MISSING, 3, 2.5, True], dtype=object),
        pd.Series([1, 2, 3], dtype="int64"),
        pd.Series([1.5, np.nan]),
        pd.Series([], dtype="str"),
    ],
)
def test_texts_are_what_astype_str_gives(column):
    assert _texts(column) == [str(v) for v in column.astype(str).tolist()]
