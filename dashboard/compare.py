"""Compare two to four actors: one row per issue, their stances and words side by side."""

from __future__ import annotations

import pandas as pd

from dashboard.briefing import Briefing
from dashboard.filters import View
from dashboard.records import STANCE_LABELS, UNKNOWN


def compare(briefing: Briefing, view: View, actors: list[str]) -> pd.DataFrame:
    """Rows: issues in view. Per actor: stance, basis and the ids of their quotes on the issue."""
    latest = view.latest()
    latest = latest[latest["actor"].isin(actors)]
    rows = []
    links = briefing.quote_issues.merge(
        briefing.quotes[["id", "speaker"]], left_on="quote", right_on="id"
    )
    for issue in view.issues.itertuples(index=False):
        row: dict[str, object] = {"issue": issue.id, "issue_title": issue.title,
                                  "statement": issue.statement}
        for actor in actors:
            found = latest[(latest["actor"] == actor) & (latest["issue"] == issue.id)]
            stance = str(found["stance"].iloc[0]) if len(found) else UNKNOWN
            speakers = [actor, *briefing.spokespeople.get(actor, [])]
            quotes = links.loc[(links["issue"] == issue.id) & links["speaker"].isin(speakers),
                               "quote"].tolist()
            row[f"{actor}:stance"] = stance
            row[f"{actor}:label"] = STANCE_LABELS[stance]
            row[f"{actor}:basis"] = str(found["basis"].iloc[0]) if len(found) else ""
            row[f"{actor}:quotes"] = quotes
        rows.append(row)
    return pd.DataFrame(rows)


def agreement(row: pd.Series, actors: list[str]) -> bool:
    """Whether every compared actor with a record on this issue holds the same stance."""
    stances = {row[f"{a}:stance"] for a in actors} - {UNKNOWN}
    return len(stances) <= 1
