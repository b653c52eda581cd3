"""A bloc to look at, and what the bloc section shows of it: which bloc (declared in the briefing, or
chosen in the link), its most divided issues, the bloc's own row of stances, and each defector's
reading with the quotes and source behind it. Pure: the numbers come from `cohesion`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.alignment import WHOLE, Scope
from dashboard.briefing import Briefing
from dashboard.cohesion import Cohesion, cohesion
from dashboard.escape import is_missing
from dashboard.reading import describe
from dashboard.vocabulary import HIDDEN, STANCE_LABELS, glyph

AD_HOC = "chosen in the link, not declared by any source"
MOST_DIVIDED = 20  # issues in the bloc's table; the rest are counted, not shown
NAMED_IN_TITLE = 3  # members named in an ad hoc bloc's name
TIE_MARK = "="  # the bloc row where the plurality is tied: the bloc has no one stance there
ALONE_MARK = "¹"  # the bloc row where one member alone is on the line: its stance, not the bloc's


@dataclass(frozen=True)
class Bloc:
    """A group of actors. `declared` blocs come from the briefing's blocs table with what the source
    says of them; an ad hoc bloc is only the members someone chose."""

    name: str
    members: tuple[str, ...]
    declared: bool
    id: str = ""
    kind: str = ""
    description: str = ""
    as_of: str = ""  # YYYY-MM-DD: when the membership held
    source: str = ""  # source id
    missing: tuple[str, ...] = ()  # declared members this briefing has no actor for


def _text(value: object) -> str:
    return "" if is_missing(value) else str(value)


def declared_bloc(briefing: Briefing, bloc_id: str) -> Bloc | None:
    """The bloc the briefing declares under `bloc_id` (None if it declares none)."""
    rows = briefing.blocs[briefing.blocs["id"] == bloc_id]
    if rows.empty:
        return None
    row = rows.iloc[0]
    listed = row["members"] if isinstance(row["members"], list) else []
    known = set(briefing.actors["id"])
    as_of = "" if is_missing(row["as_of"]) else pd.Timestamp(row["as_of"]).strftime("%Y-%m-%d")
    return Bloc(
        name=_text(row["name"]) or bloc_id,
        id=bloc_id,
        declared=True,
        members=tuple(dict.fromkeys(m for m in listed if m in known)),
        missing=tuple(m for m in listed if m not in known),
        kind=_text(row["kind"]),
        description=_text(row["description"]),
        as_of=as_of,
        source=_text(row["source"]),
    )


def chosen_bloc(briefing: Briefing, members: Sequence[str]) -> Bloc:
    """A bloc of the actors named in the link, called after them: 'SPD, Grüne and FDP'."""
    kept = tuple(dict.fromkeys(m for m in members if m in briefing.actor_names))
    names = [briefing.actor_names[m] for m in kept]
    if len(names) > NAMED_IN_TITLE:
        name = f"{', '.join(names[:NAMED_IN_TITLE])} and {len(names) - NAMED_IN_TITLE} more"
    elif len(names) > 1:
        name = f"{', '.join(names[:-1])} and {names[-1]}"
    else:
        name = "".join(names)
    return Bloc(name=name, members=kept, declared=False)


def bloc_for(briefing: Briefing, bloc_id: str, members: Sequence[str]) -> Bloc | None:
    """The declared bloc if one is named, else the members chosen in the link, else None."""
    if bloc_id:
        return declared_bloc(briefing, bloc_id)
    return chosen_bloc(briefing, members) if members else None


@dataclass(frozen=True)
class BlocReport:
    bloc: Bloc
    result: Cohesion
    shown: pd.DataFrame  # the most divided issues (cohesion.issues rows), most divided first
    left_out: int  # issues in scope not shown
    defined: int  # issues on which the cohesion is defined (two or more members took a side)

    @property
    def mean(self) -> float:
        return self.result.mean()


def most_divided(issues: pd.DataFrame, limit: int = MOST_DIVIDED) -> pd.DataFrame:
    """The `limit` issues where the bloc is least cohesive: lowest index first; among equals the
    most recent first (a 1946 procedural vote does not lead a bloc's divisions), then most
    defectors; issues where the index is undefined come last, the most recent first."""
    order = issues.assign(
        _undefined=issues["cohesion"].isna(),
        _when=pd.to_datetime(issues["date"]).fillna(pd.Timestamp.min),
        _order=np.arange(len(issues)),
    ).sort_values(
        ["_undefined", "cohesion", "_when", "defectors", "voting", "_order"],
        ascending=[True, True, False, False, False, True],
        kind="stable",
    )
    return order.drop(columns=["_undefined", "_when", "_order"]).head(limit).reset_index(drop=True)


def spelled_out(rep: BlocReport, limit: int) -> tuple[pd.DataFrame, int]:
    """The issues whose members are spelled out with their words: where members broke from a clear
    plurality, where they split with no plurality (a tie: both sides' words), or are on record as
    mixed or silent; most divided first, and how many more there are beyond `limit`."""
    issues = rep.result.issues
    wanted = (
        (issues["defectors"] > 0) | (issues["tied"] != "") | (issues["mixed"] > 0) | (issues["silent"] > 0)
    )
    broken = most_divided(issues[wanted], len(issues))
    return broken.head(limit).reset_index(drop=True), max(len(broken) - limit, 0)


def report(briefing: Briefing, bloc: Bloc, scope: Scope = WHOLE, limit: int = MOST_DIVIDED) -> BlocReport:
    result = cohesion(briefing, bloc.members, scope)
    shown = most_divided(result.issues, limit)
    return BlocReport(
        bloc, result, shown, len(result.issues) - len(shown), int(result.issues["cohesion"].notna().sum())
    )


def bloc_label(stance: str, tied: str, voting: int = 2) -> str:
    """The bloc's own cell: its plurality stance with the matrix glyph, or the tie it is split by.
    A 'plurality' of one member on the line says so: it is that member's stance, not the bloc's."""
    if stance:
        alone = " (one member only)" if voting < 2 else ""
        return f"{glyph(stance)} {STANCE_LABELS[stance]}{alone}"
    if tied:
        return f"{TIE_MARK} tied ({tied})"
    return "— no member took a side"


def _unique(labels: list[str]) -> list[str]:
    """Column labels made unique (two issues may share a title): later repeats get a number."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def issue_labels(briefing: Briefing, issues: list[str]) -> list[str]:
    """Issue titles, with the issue's date where two shown issues share a title (the UN votes on
    'MIDDLE EAST' many times)."""
    titles = [briefing.issue_titles.get(i, i) for i in issues]
    repeated = {t for t in titles if titles.count(t) > 1}
    dates = briefing.issues.set_index("id")["date"]
    out = []
    for issue, title in zip(issues, titles, strict=True):
        day = dates.get(issue)
        dated = title in repeated and not is_missing(day)
        out.append(f"{title} ({pd.Timestamp(day).strftime('%Y-%m-%d')})" if dated else title)
    return out


def stance_rows(briefing: Briefing, rep: BlocReport) -> pd.DataFrame:
    """The stance matrix of the shown issues with the bloc as a row of its own: first 'Bloc: NAME'
    (its plurality stance, = where tied, ¹ where one member alone took a side), then each member's
    glyph and basis mark (· no record, ◌ hidden by the scope's dates or bases)."""
    issues = rep.shown["issue"].tolist()
    titles = _unique(issue_labels(briefing, issues))
    members = rep.result.members
    members = members[members["issue"].isin(issues)]
    basis = briefing.positions["basis"].astype(object).to_numpy()  # by position id (row number)
    rows: dict[str, list[str]] = {
        f"Bloc: {rep.bloc.name}": [
            (glyph(s) + (ALONE_MARK if v < 2 else "")) if s else (TIE_MARK if t else "")
            for s, t, v in zip(
                rep.shown["plurality_stance"], rep.shown["tied"], rep.shown["voting"], strict=True
            )
        ]
    }
    by_cell = {(r.actor, r.issue): r for r in members.itertuples(index=False)}
    for actor in rep.bloc.members:
        cells = []
        for issue in issues:
            row = by_cell[(actor, issue)]
            mark = None if pd.isna(row.position) else basis[int(row.position)]
            cells.append(glyph(HIDDEN if row.role == "hidden" else str(row.stance), mark))
        rows[briefing.actor_names.get(actor, actor)] = cells
    return pd.DataFrame.from_dict(rows, orient="index", columns=titles)


@dataclass(frozen=True)
class MemberReading:
    """One member on one issue: its reading in words, and what it rests on."""

    actor: str
    name: str
    stance: str
    basis: str
    text: str  # `reading.describe`
    quotes: tuple[str, ...]  # evidence quote ids, in the record's order
    source: str  # the source the position itself cites (a vote, a questionnaire), or ""


def member_reading(briefing: Briefing, actor: str, position: int) -> MemberReading:
    record = briefing.positions.iloc[position]  # position ids are row numbers
    stance, basis = str(record["stance"]), str(record["basis"])
    as_of = "" if is_missing(record["as_of"]) else pd.Timestamp(record["as_of"]).strftime("%Y-%m-%d")
    assessor = briefing.actor_names.get(_text(record["assessed_by"]), "")
    known = set(briefing.quotes["id"])
    quotes = briefing.evidence.loc[briefing.evidence["position"] == position, "quote"]
    return MemberReading(
        actor,
        briefing.actor_names.get(actor, actor),
        stance,
        basis,
        describe(stance, basis, str(record["confidence"]), as_of, assessor),
        tuple(q for q in quotes if q in known),
        _text(record["source"]),
    )


@dataclass(frozen=True)
class IssueMembers:
    """Who stood where on one issue, apart from the plurality: defectors with their readings, and
    those who took no part in the index (mixed, silent, hidden by a filter, no record), never
    counted as agreeing."""

    issue: str
    defectors: tuple[MemberReading, ...]
    mixed: tuple[str, ...]
    silent: tuple[str, ...]
    no_record: tuple[str, ...]
    hidden: tuple[str, ...] = ()  # on record, but not within the scope's dates or bases
    split: tuple[MemberReading, ...] = ()  # a tie: every member on the line, each side's words


def issue_members(briefing: Briefing, rep: BlocReport, issue: str) -> IssueMembers:
    members = rep.result.members
    rows = members[members["issue"] == issue]

    def who(role: str) -> tuple[str, ...]:
        return tuple(rows.loc[rows["role"] == role, "actor"])

    defectors = tuple(
        member_reading(briefing, r.actor, int(r.position))
        for r in rows[rows["role"] == "defector"].itertuples(index=False)
    )
    split = tuple(
        member_reading(briefing, r.actor, int(r.position))
        for r in rows[rows["role"] == "split"].itertuples(index=False)
    )
    return IssueMembers(issue, defectors, who("mixed"), who("silent"), who("no record"), who("hidden"), split)
