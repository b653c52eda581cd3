"""Agreement between actors: coincidence, agreement index and weighted kappa, each with n, an interval
and what it leaves out; a pairwise matrix ordered so blocs show; ranked partners; divergent issues.

Pure core over pandas and numpy. Each actor's latest position per issue becomes a stance code in a
dense actors x issues table; pairs are compared through 7 x 7 contingency tables built by one matrix
product, so 200 states x 6,203 roll calls compare in well under a second.

The measures, over the issues in scope where both actors hold a position:
- coincidence: share of same-side stances among issues where both took a side (support or strongly
  support vs oppose or strongly oppose); neutral, mixed, silent and no record are left out. For roll
  calls: identical yes/no votes over yes/no votes both cast, the US State Department's method in
  "Voting Practices in the United Nations" before 2017. Interval: Wilson score, 95%.
- index: mean credit per issue, CREDIT below (1, 0.5, 0 for yes/abstain/no), over issues where both
  are on the line (neutral counts; mixed, silent, no record do not). Interval: Wilson score on the
  mean treated as a proportion of n. Credits lie in [0, 1], whose variance is at most p(1 - p), so
  this is conservative (wider than a normal interval on the sample variance), and it stays honest
  at n = 1 or a perfect record, where a sample-variance interval would collapse to a point.
- kappa: Cohen's weighted kappa with CREDIT as agreement weights, (p_o - p_e) / (1 - p_e), where p_o
  is the index and p_e the credit expected if each actor kept its own shares of each stance but
  placed them at random. Interval: the index's Wilson interval mapped through that formula with
  p_e held fixed (Cohen's 1960 simplification): it ignores the sampling error of the shares, so it
  is approximate. Undefined (NaN) when both took one and the same stance on every shared issue.
All intervals treat issues as independent draws, which roll calls are not (resolutions recur each
session): read them as a guide to how thin the evidence is, not as exact coverage.

The package, one module per step: `table` (the scales and the dense table of latest stances),
`measures` (counts to rates), `agreement` (one actor against others, by year or topic) and
`pairs` (every two of N actors; one pair issue by issue) and `wording` (a rate and its interval
in words). What callers use is named here.
"""

from __future__ import annotations

from dashboard.alignment.agreement import (
    agreement,
    partners,
    rank,
)
from dashboard.alignment.measures import (
    Rates,
    contingency,
    rates,
    wilson,
)
from dashboard.alignment.pairs import (
    RELATIONS,
    Pairwise,
    divergences,
    pair_issues,
    pairwise,
    relation,
    seriate,
)
from dashboard.alignment.table import (
    COLUMNS,
    CREDIT,
    GROUPINGS,
    LEFT_OUT,
    MEASURE_LABELS,
    MEASURE_SHORT,
    MEASURE_TABLE,
    MEASURES,
    MIN_SHARED_ISSUES,
    MIXED,
    N_STANCES,
    NEUTRAL,
    NO_RECORD,
    NO_TOPIC,
    ON_LINE,
    ORDINAL_VALUE,
    SIDE,
    SILENT,
    WHOLE,
    Z_95,
    AgreementError,
    Measure,
    Scope,
    StanceTable,
    latest_index,
    position_ids,
    stance_table,
)
from dashboard.alignment.wording import figure_text, interval_text, left_out_text, period_text, rate_text

__all__ = [
    "AgreementError",
    "COLUMNS",
    "CREDIT",
    "GROUPINGS",
    "LEFT_OUT",
    "MEASURES",
    "MEASURE_LABELS",
    "MEASURE_SHORT",
    "MEASURE_TABLE",
    "MIN_SHARED_ISSUES",
    "MIXED",
    "Measure",
    "NEUTRAL",
    "NO_RECORD",
    "NO_TOPIC",
    "N_STANCES",
    "ON_LINE",
    "ORDINAL_VALUE",
    "Pairwise",
    "RELATIONS",
    "Rates",
    "SIDE",
    "SILENT",
    "Scope",
    "StanceTable",
    "WHOLE",
    "Z_95",
    "agreement",
    "contingency",
    "divergences",
    "figure_text",
    "interval_text",
    "period_text",
    "latest_index",
    "left_out_text",
    "pair_issues",
    "pairwise",
    "partners",
    "position_ids",
    "rank",
    "rate_text",
    "rates",
    "relation",
    "seriate",
    "stance_table",
    "wilson",
]
