"""The grid's stance column from codes, and its evidence counts kept per briefing (issue 24, p8):
tests/test_p7_grid_plain.py holds whole grids equal to the pandas definition; here, the stance column
against `pd.Categorical` for any value (outside the domain and missing too), and the counts against a
count made for each grid."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.reading import _cited_counts, _stances
from dashboard.vocabulary import STANCE_DOMAIN


def test_stances_are_the_categorical_pandas_makes():
    values = [*STANCE_DOMAIN, "no-such-stance", np.nan, None, "", *reversed(STANCE_DOMAIN)]
    state = np.array(values, dtype=object)
    made = _stances(state)
    expected = pd.Categorical(state, categories=STANCE_DOMAIN)
    pd.testing.assert_extension_array_equal(made, expected)
    assert made.codes.dtype == expected.codes.dtype
    assert pd.isna(made[len(STANCE_DOMAIN)]) and pd.isna(made[len(STANCE_DOMAIN) + 1])


def test_the_evidence_counts_are_kept_per_briefing_and_never_written(seed):
    counts = _cited_counts(seed)
    expected = np.bincount(seed.evidence["position"].to_numpy(dtype=np.int64), minlength=len(seed.positions))
    np.testing.assert_array_equal(counts, expected)
    assert counts.sum() == len(seed.evidence) > 0
    assert _cited_counts(seed) is counts  # made once
    assert not counts.flags.writeable
