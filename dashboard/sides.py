"""One issue's quotes grouped by where their speaker stands on it: for, neutral, against, the rest."""

from __future__ import annotations

import pandas as pd

from dashboard.briefing import Briefing
from dashboard.filters import Subset
from dashboard.vocabulary import SIDES


def quotes_by_side(briefing: Briefing, subset: Subset, issue: str) -> dict[str, pd.DataFrame]:
    """The quotes in view on one issue, grouped by where their speaker stands on it.

    A speaker who speaks for someone (Liu Pengyu for China) is placed by their own position if they
    have one, else by the position of whom they represent; quotes by those with neither go last.
    """
    on_issue = briefing.quote_issues.loc[briefing.quote_issues["issue"] == issue, "quote"]
    quotes = subset.quotes[subset.quotes["id"].isin(on_issue)]
    latest = subset.latest(subset.positions[subset.positions["issue"] == issue])
    stance_of = dict(zip(latest["actor"].astype(str), latest["stance"].astype(str), strict=True))
    represents = dict(zip(briefing.actors["id"], briefing.actors["represents"], strict=True))

    def side(speaker: str) -> str:
        stance = stance_of.get(speaker) or stance_of.get(str(represents.get(speaker)))
        return next((name for name, members in SIDES.items() if stance in members), "No position")

    sides = quotes["speaker"].map(side)
    return {name: quotes[sides == name] for name in [*SIDES, "No position"]
            if (sides == name).any()}
