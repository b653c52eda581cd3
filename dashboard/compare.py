"""Compare two to four actors issue by issue, counting only what the records show.

Each issue is one of: they agree (the same stance), they differ (and by how far on the ordered scale),
those on record differ while the others have no record or are silent (never counted as "they differ"),
only some have a position (the others silent or without a record), all silent, or none on record.
Silence and "no record" are never agreement. Compare uses its own list of actors: the sidebar's
actor, kind, stance and basis filters do not apply to it; its issue, topic and date filters do.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.alignment.wording import period_text
from dashboard.briefing import Briefing
from dashboard.filters import Subset, apply
from dashboard.reading import grid
from dashboard.records import UNKNOWN
from dashboard.selection import FILTER_PARAMS, Filters
from dashboard.vocabulary import HIDDEN, ORDINAL

OUTCOMES: dict[str, str] = {
    "differ": "They differ",
    "differ_some": "Those on record differ; the others have no record or are silent",
    "agree": "They agree",
    "mixed": "Mixed signals: not comparable",
    "partial": "Only some have a position",
    "silent": "All silent",
    "hidden": "Hidden by the date filter",
    "none": "None on record",
}
# Divergent issues first: what a briefing needs to flag.
OUTCOME_ORDER = list(OUTCOMES)
IGNORED_FILTERS = ("actors", "kinds", "stances", "bases", "query")


def scope(chosen: Filters, actors: tuple[str, ...]) -> Filters:
    """The filters compare uses for these actors: the sidebar's issue, topic and date filters;
    none of the others."""
    return chosen.with_(actors=tuple(actors), spokespeople=False, kinds=(), stances=(), bases=(), query="")


def ignored(chosen: Filters) -> list[str]:
    """The sidebar filters in effect that compare does not apply, in words."""
    return [FILTER_PARAMS[f].label.lower() for f in IGNORED_FILTERS if getattr(chosen, f)]


@dataclass(frozen=True)
class Comparison:
    actors: list[str]
    rows: pd.DataFrame  # per issue: issue, title, statement, outcome, distance, per actor columns
    cells: pd.DataFrame  # reading.grid of the compared actors x issues


def compare(briefing: Briefing, subset: Subset, actors: list[str]) -> Comparison:
    """One row per issue in the subset; the outcome and, when they differ, the largest distance."""
    chosen = briefing.actors.set_index("id").loc[actors].reset_index()
    cells = grid(briefing, subset, chosen, subset.issues)
    stance = cells["stance"].astype(str).to_numpy().reshape(len(actors), -1)
    n_issues = stance.shape[1]
    on_line = (
        np.vectorize(lambda s: s in ORDINAL)(stance) if stance.size else np.zeros((len(actors), 0), bool)
    )
    value = np.where(on_line, np.vectorize(lambda s: ORDINAL.get(s, 0))(stance) if stance.size else 0, 0)
    outcome, distance = [], []
    for i in range(n_issues):
        column = stance[:, i]
        line = on_line[:, i]
        outcome.append(_outcome(column, line))
        distance.append(int(value[line, i].max() - value[line, i].min()) if line.sum() > 1 else 0)
    rows = subset.issues[["id", "title", "statement"]].rename(columns={"id": "issue"}).reset_index(drop=True)
    rows["outcome"] = outcome
    rows["distance"] = distance
    second = cells["second_hand"].to_numpy(dtype=bool).reshape(len(actors), -1)
    rows["second_hand"] = second.any(axis=0) if n_issues else []
    for index, actor in enumerate(actors):
        rows[f"{actor}:stance"] = stance[index]
    rows["_order"] = rows["outcome"].map(OUTCOME_ORDER.index)
    return Comparison(actors, rows, cells)


def _outcome(stances: np.ndarray, on_line: np.ndarray) -> str:
    positions = [s for s in stances if s not in (UNKNOWN, HIDDEN, "silent")]
    if HIDDEN in stances and not positions:
        return "hidden"
    if len(positions) == len(stances):
        if "mixed" in positions:
            return "mixed"
        return "agree" if len(set(positions)) == 1 else "differ"
    if positions:
        # Some on record, some not: those that are may still differ among themselves.
        line = [s for s, ok in zip(stances, on_line, strict=True) if ok]
        return "differ_some" if len(set(line)) > 1 else "partial"
    if all(s == "silent" for s in stances):
        return "silent"
    return "none"


def divergent_first(comparison: Comparison) -> pd.DataFrame:
    """Issues ordered by outcome (differ first, widest gap first), then in the subset's order."""
    rows = comparison.rows
    return rows.sort_values(["_order", "distance"], ascending=[True, False], kind="stable")


def summary(briefing: Briefing, comparison: Comparison) -> list[str]:
    """What compare found, in numbers: agreement among the issues where all have a position, what the
    records cannot show (the briefing's coverage: UN roll calls leave out consensus resolutions),
    then for each actor where it is silent or has no record."""
    rows = comparison.rows
    names = briefing.actor_names
    everyone = rows["outcome"].isin(["agree", "differ", "mixed"]) & (
        rows[[f"{a}:stance" for a in comparison.actors]].isin([UNKNOWN, HIDDEN, "silent"]).sum(axis=1) == 0
    )
    both = "both" if len(comparison.actors) == 2 else f"all {len(comparison.actors)}"
    agree = rows["outcome"] == "agree"
    # The period of the positions counted: every compared actor's, on the issues where all have one.
    counted = comparison.cells[comparison.cells["issue"].isin(rows.loc[everyone, "issue"])]
    when = pd.to_datetime(counted["as_of"], errors="coerce")
    period = f"positions dated {period_text(when.min(), when.max())}; " if everyone.any() else ""
    shared, compared = int(everyone.sum()), len(rows)
    lines = [
        f"Agree on {int(agree.sum()):,} of the {shared:,} {_issues(shared)} where {both} have "
        f"a position ({period}{compared:,} {_issues(compared)} compared)."
    ]
    if briefing.meta.coverage:
        lines.append(briefing.meta.coverage)
    second = int((agree & rows["second_hand"]).sum())
    if second:
        lines.append(
            f"{second:,} of those agreements {'rests' if second == 1 else 'rest'} on a second-hand "
            "reading (inferred or "
            "reported), not on what both said or did."
        )
    for actor in comparison.actors:
        column = rows[f"{actor}:stance"]
        silent, none, hidden = (int((column == s).sum()) for s in ("silent", UNKNOWN, HIDDEN))
        parts = []
        if silent:
            parts.append(f"silent on {silent:,}")
        if none:
            parts.append(f"no record on {none:,}")
        if hidden:
            parts.append(f"{hidden:,} hidden by the date filter")
        if parts:
            lines.append(f"{names.get(actor, actor)}: " + ", ".join(parts) + ".")
    return lines


def _issues(count: int) -> str:
    return "issue" if count == 1 else "issues"


def comparison_for(briefing: Briefing, chosen: Filters, actors: tuple[str, ...]) -> tuple[Subset, Comparison]:
    """The compare view's subset and comparison of these actors under the sidebar's filters."""
    subset = apply(briefing, scope(chosen, actors))
    return subset, compare(briefing, subset, list(actors))
