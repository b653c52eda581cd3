"""The counterpart brief: for a meeting of A with B, the issues in groups — where they agree, where
they differ, where B is silent or has no record (what to ask), and what changed since a date — with
the agreement figures that sum it up. Built from the same comparison, readings and measures as the
compare and alignment views.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from dashboard import alignment, changes
from dashboard import compare as comparing
from dashboard.briefing import Briefing
from dashboard.records import UNKNOWN
from dashboard.selection import Filters
from dashboard.vocabulary import HIDDEN

GROUPS: dict[str, str] = {
    "agree": "Where we agree",
    "neutral": "Where both took neither side (abstained): not counted as agreement",
    "differ": "Where we differ",
    "ask": "Where they are silent or have no record: what to ask",
    "theirs": "Where only they are on record",
    "changed": "What changed since",
}


@dataclass(frozen=True)
class Brief:
    actor: str
    counterpart: str
    comparison: comparing.Comparison
    figures: pd.DataFrame  # alignment.COLUMNS rows: coincidence and kappa of actor with counterpart
    groups: dict[str, list[str]]  # group -> issue ids, in the order shown
    changed: pd.DataFrame  # changes.CHANGE_COLUMNS rows for either side since `since`
    said_did: pd.DataFrame = field(default_factory=pd.DataFrame)  # changes.SAID_DID_COLUMNS
    since: date | None = None


def _group_of(ours: str, theirs: str, outcome: str) -> str:
    if theirs in ("silent", UNKNOWN):
        return "ask"
    if ours in ("silent", UNKNOWN):
        return "theirs"
    if outcome == "agree":
        return "neutral" if ours == "neutral" else "agree"
    return "differ"


def build(
    briefing: Briefing, chosen: Filters, actor: str, counterpart: str, since: date | None = None
) -> Brief:
    """The brief for `actor` meeting `counterpart`, over the sidebar's issue, topic and date
    filters (as compare applies them)."""
    _, comparison = comparing.comparison_for(briefing, chosen, (actor, counterpart))
    rows = comparing.divergent_first(comparison)
    groups: dict[str, list[str]] = {name: [] for name in GROUPS}
    for issue, outcome, ours, theirs in zip(
        rows["issue"], rows["outcome"], rows[f"{actor}:stance"], rows[f"{counterpart}:stance"], strict=True
    ):
        if HIDDEN in (ours, theirs):
            continue  # the date filter hides a side: neither agreement nor a question
        groups[_group_of(ours, theirs, outcome)].append(issue)
    groups = _recent_first(briefing, groups)
    scope = alignment.Scope(
        issues=tuple(comparison.rows["issue"]) if (chosen.issues or chosen.topics) else None,
        date_from=chosen.date_from,
        date_to=chosen.date_to,
    )
    figures = alignment.agreement(
        briefing,
        actor,
        [counterpart],
        measures=("coincidence", "kappa"),
        scope=scope,
        min_n=alignment.MIN_SHARED_ISSUES,
    )
    issues = list(comparison.rows["issue"])
    changed = (
        changes.changes_since(briefing, since, actors=[actor, counterpart], issues=issues)
        if since is not None
        else pd.DataFrame(columns=list(changes.CHANGE_COLUMNS))
    )
    groups["changed"] = list(dict.fromkeys(changed["issue"]))
    said_did = changes.said_vs_did(briefing, actors=[actor, counterpart], issues=issues)
    return Brief(actor, counterpart, comparison, figures, groups, changed, said_did, since)


def _recent_first(briefing: Briefing, groups: dict[str, list[str]]) -> dict[str, list[str]]:
    """Within agree, ask and theirs, the issues with the latest date first (a UN brief opened on the
    roll calls of 1946); issues without a date keep their order, after the dated ones. Differ keeps
    the widest gap first."""
    dates = briefing.issues.set_index("id")["date"]
    if dates.isna().all():
        return groups
    ordered = dict(groups)
    for name in ("agree", "neutral", "ask", "theirs"):
        frame = pd.DataFrame({"issue": groups[name]})
        frame["when"] = pd.to_datetime(frame["issue"].map(dates))
        ordered[name] = list(
            frame.sort_values("when", ascending=False, kind="stable", na_position="last")["issue"]
        )
    return ordered


def figures_line(briefing: Briefing, brief: Brief) -> str:
    """'Coincidence 67% (n = 6; 95% interval 30% to 90%) · weighted kappa +0.41 (…)', or why there
    is none."""
    parts: list[str] = []
    for row in brief.figures.itertuples(index=False):
        name = alignment.MEASURE_SHORT[row.measure]
        name = name if not parts else name[0].lower() + name[1:]  # after the first, mid-sentence
        period = alignment.period_text(row.first, row.last)
        left_out = _left_out(row)
        if row.thin or pd.isna(row.value):
            parts.append(f"{name}: too few shared issues to rate ({period}, n = {row.n:,}{left_out})")
        else:
            parts.append(
                f"{name} {alignment.rate_text(row.value, row.measure)} ({period}, "
                f"n = {row.n:,}; 95% interval "
                f"{alignment.interval_text(row.low, row.high, row.measure)}{left_out})"
            )
    return " · ".join(parts) if parts else "No shared issues."


def _left_out(row: Any) -> str:
    """'; left out: 1 neutral, 4 no record', every issue in scope a measure did not count (n and
    these add up to the issues in scope), so two measures' different n read as what they are and
    issues one side has no record on (UN roll calls before a state held its seat) are not hidden;
    an issue where one side's position is the other's reading of it is 'own reading' (China and Lu
    Chao). The one wording of alignment.left_out_text, as the partners table and the CLI say it;
    '' when nothing was."""
    said = alignment.left_out_text(row._asdict())
    return f"; left out: {said}" if said else ""


def spokespeople_readings(briefing: Briefing, actor: str, issue: str) -> list[str]:
    """Where `actor` has no record of its own on `issue`, the latest reading of each who speaks for
    it ("Xi Jinping: Supports (+?) — inferred by Dennis Wilder · as of 2024-10-31"): not the actor's
    record, but a reader must not be told the briefing holds nothing on it."""
    from dashboard.filters import latest_positions
    from dashboard.reading import describe

    speakers = briefing.spokespeople.get(actor, [])
    if not speakers:
        return []
    positions = briefing.positions
    rows = positions[(positions["issue"] == issue) & positions["actor"].isin(speakers)]
    if rows.empty:
        return []
    names = briefing.actor_names
    out = []
    for row in latest_positions(rows).itertuples(index=False):
        assessor = str(row.assessed_by) if isinstance(row.assessed_by, str) else ""
        as_of = "" if pd.isna(row.as_of) else pd.Timestamp(row.as_of).strftime("%Y-%m-%d")
        reading = describe(
            str(row.stance),
            str(row.basis),
            str(row.confidence) if isinstance(row.confidence, str) else "",
            as_of,
            names.get(assessor, assessor),
        )
        out.append(f"{names.get(str(row.actor), str(row.actor))}: {reading}")
    return out
