"""The brief's figures say everything they left out, own readings too (helper w4's need, after
da5cb03): with n, the kinds named add up to the issues in scope, as the partners table and the CLI
say them."""

from __future__ import annotations

import re

import pytest

from dashboard import brief as briefs
from dashboard.selection import Filters

PAIRS = [
    ("china", "lu-chao"),
    ("united-states", "china"),
    ("china", "shi-yinhong"),
    ("south-korea", "russia"),
]


@pytest.mark.parametrize(("actor", "vs"), PAIRS)
def test_n_and_what_was_left_out_add_up_to_the_issues(seed, actor: str, vs: str) -> None:
    line = briefs.figures_line(seed, briefs.build(seed, Filters(actors=(actor,)), actor, vs))
    figures = re.findall(r"n = ([\d,]+)(?:; 95% interval [^;)]*)?(?:; left out: ([^)]*))?\)", line)
    assert len(figures) == 2, line  # coincidence and weighted kappa
    for n, left_out in figures:
        counted = sum(int(part.split(" ", 1)[0].replace(",", "")) for part in left_out.split(", ") if part)
        assert int(n.replace(",", "")) + counted == len(seed.issues), line


def test_lu_chaos_own_reading_of_china_is_named_not_filed_as_no_record(seed) -> None:
    line = briefs.figures_line(seed, briefs.build(seed, Filters(actors=("china",)), "china", "lu-chao"))
    # China's 'responsible for North Korea' position is Lu Chao's reading of it: left out, by name
    assert "n = 1; left out: 5 no record, 1 own reading)" in line
