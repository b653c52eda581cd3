"""The counterpart brief in the note: the groups the page's brief view shows (where they agree, differ,
are silent or have no record, what changed), first, with the agreement figures that sum them up."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard import brief as briefs
from dashboard import changes, filters
from dashboard import compare as comparing
from dashboard.briefing import Briefing
from dashboard.reading import describe
from dashboard.records import UNKNOWN
from dashboard.selection import Selection
from dashboard.vocabulary import BASIS_LABELS, STANCE_LABELS

MAX_GROUP_ROWS = 20  # issues listed per group, as on the page; the rest are counted
RULES = (
    "Compare's rules: silence and no record are never agreement; the sidebar's issue, topic and "
    "date filters apply, its other filters do not."
)


@dataclass(frozen=True)
class BriefRow:
    """One issue in a group: what each side holds, in words."""

    issue: str
    ours: str
    theirs: str


@dataclass(frozen=True)
class BriefGroup:
    title: str
    rows: tuple[BriefRow, ...]
    more: int = 0  # issues in the group past MAX_GROUP_ROWS


@dataclass(frozen=True)
class NoteBrief:
    actor: str  # names, as printed
    counterpart: str
    figures: str  # brief.figures_line
    groups: tuple[BriefGroup, ...]
    said_did: tuple[str, ...] = ()
    rules: str = RULES
    coverage: str = ""  # what the positions leave out (UN: consensus resolutions), as on the page

    @property
    def summary(self) -> str:
        """The figures, then what they cannot count: every agreement figure says what it leaves out."""
        return f"{self.figures}." + (f" {self.coverage}" if self.coverage else "")


def _stance(stance: object) -> str:
    return STANCE_LABELS.get(str(stance), str(stance)).lower() if not pd.isna(stance) else "none"


def _when_how(as_of: object, basis: object) -> str:
    """' (2024-11-01; reported by a third party)': the day and the basis, so a reading by someone
    else never reads as the actor's own words in the change table."""
    parts = [] if pd.isna(as_of) else [f"{pd.Timestamp(str(as_of)):%Y-%m-%d}"]
    if isinstance(basis, str) and basis:
        parts.append(BASIS_LABELS.get(basis, basis))
    return f" ({'; '.join(parts)})" if parts else ""


def _changed_rows(briefing: Briefing, result: briefs.Brief) -> list[BriefRow]:
    names, titles = briefing.actor_names, briefing.issue_titles
    rows = []
    for row in result.changed.itertuples(index=False):
        before = _when_how(row.before_as_of, row.before_basis)
        after = _when_how(row.after_as_of, row.after_basis)
        rows.append(
            BriefRow(
                titles.get(row.issue, row.issue),
                f"{names.get(row.actor, row.actor)}: {changes.CHANGE_LABELS.get(row.kind, row.kind)}",
                f"{_stance(row.before_stance)}{before} → {_stance(row.after_stance)}{after}",
            )
        )
    return rows


def _with_spokespeople(briefing: Briefing, actor: str, issue: str, reading: str) -> str:
    """A no-record reading, with the readings of those who speak for the actor where they hold some
    (as the page's brief gives them): not its record, but not nothing either."""
    others = briefs.spokespeople_readings(briefing, actor, issue) if reading == describe(UNKNOWN) else []
    if not others:
        return reading
    return f"{reading} (not its record, but those who speak for it hold readings: {'; '.join(others)})"


def _groups(briefing: Briefing, result: briefs.Brief) -> tuple[BriefGroup, ...]:
    readings = result.comparison.cells.set_index(["actor", "issue"])["reading"]
    titles = briefing.issue_titles
    groups = []
    for group, title in briefs.GROUPS.items():
        if group == "changed":
            if result.since is None:
                continue
            rows = _changed_rows(briefing, result)
            title = f"{title} {result.since.isoformat()}"
        else:
            rows = [
                BriefRow(
                    titles.get(issue, issue),
                    _with_spokespeople(briefing, result.actor, issue, str(readings[(result.actor, issue)])),
                    _with_spokespeople(
                        briefing, result.counterpart, issue, str(readings[(result.counterpart, issue)])
                    ),
                )
                for issue in result.groups[group]
            ]
        groups.append(BriefGroup(title, tuple(rows[:MAX_GROUP_ROWS]), max(0, len(rows) - MAX_GROUP_ROWS)))
    return tuple(groups)


def brief_view(briefing: Briefing, selection: Selection) -> tuple[filters.Subset, pd.DataFrame, NoteBrief]:
    """The brief of the selection's first actor meeting `vs`: its subset (compare's), the two rows
    of readings in the brief's order, and the groups."""
    actor, counterpart = selection.filters.actors[0], selection.brief.vs
    result = briefs.build(briefing, selection.filters, actor, counterpart, selection.changes.since)
    subset = filters.apply(briefing, comparing.scope(selection.filters, (actor, counterpart)))
    names = briefing.actor_names
    said_did = tuple(
        f"{names.get(r.actor, r.actor)} on {briefing.issue_titles.get(r.issue, r.issue)}: said "
        f"{_stance(r.stated_stance)}, did {_stance(r.action_stance)}."
        for r in result.said_did.itertuples(index=False)
    )
    note_brief = NoteBrief(
        names.get(actor, actor),
        names.get(counterpart, counterpart),
        briefs.figures_line(briefing, result),
        _groups(briefing, result),
        said_did,
        coverage=briefing.meta.coverage,
    )
    order = [i for g in ("agree", "neutral", "differ", "ask", "theirs") for i in result.groups[g]]
    rank = {issue: i for i, issue in enumerate(dict.fromkeys(order))}
    cells = result.comparison.cells
    cells = cells.assign(_rank=cells["issue"].map(rank).fillna(len(rank)).to_numpy())
    cells = cells.sort_values("_rank", kind="stable").drop(columns="_rank")
    return subset, cells, note_brief
