"""The counterpart brief's groups: what comes first in each."""

import pandas as pd

from dashboard import brief
from dashboard.selection import Selection


def test_a_brief_over_roll_calls_opens_each_group_on_the_latest_votes(unvotes):
    """A desk officer meeting the UK reads 2019's votes first, not 1946's."""
    result = brief.build(unvotes, Selection(briefing="unvotes").filters, "us", "gb")
    dates = unvotes.issues.set_index("id")["date"]
    for name in ("agree", "ask", "theirs"):
        shown = pd.to_datetime(pd.Series(result.groups[name], dtype=object).map(dates))
        assert shown.is_monotonic_decreasing, name
    agree = result.groups["agree"]
    assert len(agree) > 1000
    assert dates[agree[0]] == dates[list(agree)].max()
    # Differ keeps the widest gap first.
    comparison = result.comparison.rows.set_index("issue")
    gaps = comparison.loc[result.groups["differ"], "distance"]
    assert gaps.is_monotonic_decreasing


def test_without_issue_dates_the_groups_keep_the_briefings_order(seed):
    assert seed.issues["date"].isna().all()  # the seed's issues carry no date of their own
    result = brief.build(seed, Selection().filters, "united-states", "china")
    order = {issue: i for i, issue in enumerate(seed.issues["id"])}
    shown = [order[i] for name in ("agree", "ask", "theirs") for i in result.groups[name]]
    assert shown, "the seed's brief has issues in these groups"
    for name in ("agree", "ask", "theirs"):
        positions = [order[i] for i in result.groups[name]]
        assert positions == sorted(positions), name
