"""Apply a selection to a briefing: the positions, quotes, actors and issues the page shows."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.briefing import Briefing, fold
from dashboard.records import UNKNOWN
from dashboard.selection import Selection


@dataclass(frozen=True)
class View:
    """The filtered briefing. Frames share the briefing's columns; nothing here is copied text."""

    actors: pd.DataFrame
    issues: pd.DataFrame
    positions: pd.DataFrame
    quotes: pd.DataFrame
    sources: pd.DataFrame
    include_unknown: bool  # show "no record" cells (false when a stance filter excludes them)
    history: bool = True  # some actor has several positions on one issue: take the latest

    def latest(self, positions: pd.DataFrame | None = None) -> pd.DataFrame:
        """One position per actor and issue (of `positions`, default all in view)."""
        positions = self.positions if positions is None else positions
        return latest_positions(positions) if self.history else positions

    def counts(self) -> dict[str, int]:
        return {
            "actors": len(self.actors),
            "issues": len(self.issues),
            "positions": len(self.positions),
            "quotes": len(self.quotes),
            "sources": len(self.sources),
        }


def selected_actor_ids(briefing: Briefing, selection: Selection) -> list[str] | None:
    """The actors the person asked for, with those who speak for them if the toggle is on."""
    if not selection.actors:
        return None
    chosen = list(selection.actors)
    if selection.spokespeople:
        for actor in selection.actors:
            chosen.extend(briefing.spokespeople.get(actor, []))
    return list(dict.fromkeys(chosen))


def _in_dates(dates: pd.Series, selection: Selection) -> np.ndarray:
    mask = np.ones(len(dates), dtype=bool)
    if selection.date_from is not None:
        mask = mask & ~(dates < pd.Timestamp(selection.date_from)).to_numpy(dtype=bool)
    if selection.date_to is not None:
        mask = mask & ~(dates > pd.Timestamp(selection.date_to)).to_numpy(dtype=bool)
    return mask


def apply(briefing: Briefing, selection: Selection) -> View:
    actors = briefing.actors
    actor_ids = selected_actor_ids(briefing, selection)
    if actor_ids is not None:
        actors = actors[actors["id"].isin(actor_ids)]
    if selection.kinds:
        actors = actors[actors["kind"].isin(selection.kinds)]

    issues = briefing.issues
    if selection.issues:
        issues = issues[issues["id"].isin(selection.issues)]
    if selection.topics:
        issues = issues[issues["topic"].isin(selection.topics)]

    positions = briefing.positions
    mask = positions["actor"].isin(actors["id"]).to_numpy() & positions["issue"].isin(
        issues["id"]
    ).to_numpy()
    if selection.stances:
        mask = mask & positions["stance"].isin(selection.stances).to_numpy()
    if selection.bases:
        mask = mask & positions["basis"].isin(selection.bases).to_numpy()
    if selection.date_from is not None or selection.date_to is not None:
        mask = mask & _in_dates(positions["as_of"], selection)
    positions = positions[mask]

    quotes = briefing.quotes
    qmask = quotes["speaker"].isin(actors["id"]).to_numpy()
    if selection.issues or selection.topics:
        on_issue = briefing.quote_issues.loc[
            briefing.quote_issues["issue"].isin(issues["id"]), "quote"
        ]
        qmask = qmask & quotes["id"].isin(on_issue).to_numpy()
    if selection.date_from is not None or selection.date_to is not None:
        qmask = qmask & _in_dates(quotes["when"], selection)
    if selection.query.strip():
        needle = fold(selection.query.strip())
        folded = quotes["text"].map(fold) + "\n" + quotes["context"].fillna("").map(fold)
        qmask = qmask & folded.str.contains(needle, regex=False).to_numpy(dtype=bool)
    if selection.stances or selection.bases:
        # Quotes follow the positions they are evidence for, and quotes nobody cited stay out.
        cited = briefing.evidence.loc[briefing.evidence["position"].isin(positions["position"]),
                                      "quote"]
        qmask = qmask & quotes["id"].isin(cited).to_numpy()
    quotes = quotes[qmask]

    sources = briefing.sources[briefing.sources["id"].isin(quotes["source"])]
    # "No record" cells answer "who has not spoken?"; a stance or basis filter asks another question.
    include_unknown = (not selection.stances or UNKNOWN in selection.stances) and not selection.bases
    return View(actors, issues, positions, quotes, sources, include_unknown, briefing.has_history)


def quotes_for_cell(briefing: Briefing, view: View, actor: str, issue: str) -> pd.DataFrame:
    """Evidence for the cell's position(s) first, then the actor's other words on the issue.

    'The actor's words' include those of who speaks for it, so China's cell shows Liu Pengyu.
    """
    cell = view.positions[(view.positions["actor"] == actor) & (view.positions["issue"] == issue)]
    evidence_ids = briefing.evidence.loc[
        briefing.evidence["position"].isin(cell["position"]), "quote"
    ].tolist()
    speakers = [actor, *briefing.spokespeople.get(actor, [])]
    on_issue = briefing.quote_issues.loc[briefing.quote_issues["issue"] == issue, "quote"]
    related = briefing.quotes[
        briefing.quotes["speaker"].isin(speakers) & briefing.quotes["id"].isin(on_issue)
    ]["id"].tolist()
    order = list(dict.fromkeys(evidence_ids + related))
    quotes = briefing.quotes.set_index("id").loc[order].reset_index()
    quotes["is_evidence"] = quotes["id"].isin(evidence_ids)
    return quotes


def latest_positions(positions: pd.DataFrame) -> pd.DataFrame:
    """One position per actor and issue: the most recent (undated ones count as oldest)."""
    if positions.empty:
        return positions
    ordered = positions.assign(_when=positions["as_of"].fillna(pd.Timestamp.min)).sort_values(
        ["_when", "position"], kind="stable"
    )
    return ordered.drop_duplicates(["actor", "issue"], keep="last").drop(columns="_when")


def empty_quotes_hint(briefing: Briefing, selection: Selection) -> str:
    """What to change when no quote matches: the likeliest cause first."""
    if selection.query.strip():
        return "No quotes match: clear the text search or widen the filters."
    if selection.actors and not selection.spokespeople and any(
        briefing.spokespeople.get(a) for a in selection.actors
    ):
        return ("No quotes by these actors themselves: they speak through others. Turn on "
                "'Include those who speak for them'.")
    if briefing.quotes.empty:
        return "This briefing records no quotes: its positions rest on actions or data."
    return "No quotes match these filters: widen the actor, issue, stance or date filters."


SIDES: dict[str, tuple[str, ...]] = {
    "For": ("strongly_support", "support"),
    "Neutral": ("neutral",),
    "Against": ("oppose", "strongly_oppose"),
    "Mixed or silent": ("mixed", "silent"),
}


def quotes_by_side(briefing: Briefing, view: View, issue: str) -> dict[str, pd.DataFrame]:
    """The quotes in view on one issue, grouped by where their speaker stands on it.

    A speaker who speaks for someone (Liu Pengyu for China) is placed by their own position if they
    have one, else by the position of whom they represent; quotes by those with neither go last.
    """
    on_issue = briefing.quote_issues.loc[briefing.quote_issues["issue"] == issue, "quote"]
    quotes = view.quotes[view.quotes["id"].isin(on_issue)]
    latest = view.latest(view.positions[view.positions["issue"] == issue])
    stance_of = dict(zip(latest["actor"].astype(str), latest["stance"].astype(str), strict=True))
    represents = dict(zip(briefing.actors["id"], briefing.actors["represents"], strict=True))

    def side(speaker: str) -> str:
        stance = stance_of.get(speaker) or stance_of.get(str(represents.get(speaker)))
        return next((name for name, members in SIDES.items() if stance in members), "No position")

    sides = quotes["speaker"].map(side)
    return {name: quotes[sides == name] for name in [*SIDES, "No position"]
            if (sides == name).any()}
