"""Agreement of one actor with others, overall, by year or by topic; partners ranked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pandas as pd

from dashboard.alignment.measures import _frame, contingency, rates
from dashboard.alignment.table import (
    COLUMNS,
    GROUPINGS,
    MEASURES,
    MIN_SHARED_ISSUES,
    NO_RECORD,
    NO_TOPIC,
    ON_LINE,
    SIDE,
    WHOLE,
    AgreementError,
    Scope,
    StanceTable,
    _latest,
    _select,
    _Selected,
    _table,
)
from dashboard.briefing import Briefing

# ------------------------------------------------------------------------------------ groupings


def _groups(
    briefing: Briefing, actors: Sequence[str], scope: Scope, by: str | None
) -> list[tuple[str, StanceTable]]:
    """(label, table) per group: one for the whole scope, one per year of as-of, or one per topic."""
    if by is not None and by not in GROUPINGS:
        raise AgreementError(f"no such grouping '{by}': use one of {', '.join(GROUPINGS)}")
    selected = _select(briefing, actors, scope)
    in_scope = np.flatnonzero(selected.in_scope)
    if by is None:
        return [
            (scope.label(), _table(actors, selected, _latest(selected, None, briefing.has_history), in_scope))
        ]
    if by == "topic":
        whole = _table(actors, selected, _latest(selected, None, briefing.has_history), in_scope)
        topic_of = _topic_codes(briefing)
        names, codes = topic_of
        groups = []
        for code, name in enumerate(names):
            columns = np.flatnonzero(codes[in_scope] == code)
            if len(columns):
                groups.append(
                    (
                        name,
                        StanceTable(
                            whole.actors,
                            whole.issues[columns],
                            whole.stance[:, columns],
                            whole.position[:, columns],
                        ),
                    )
                )
        return groups
    return _by_year(briefing, actors, selected)


def _topic_codes(briefing: Briefing) -> tuple[list[str], np.ndarray]:
    """Sorted topic names, and each issue category's index into them (issues without one: NO_TOPIC)."""
    topic = briefing.issues.set_index("id")["topic"]
    categories = briefing.positions["issue"].cat.categories
    per_issue = pd.Series(topic.reindex(categories).to_numpy(dtype=object)).fillna(NO_TOPIC)
    names = sorted(set(per_issue))
    return names, pd.Index(names).get_indexer(per_issue)


def _by_year(briefing: Briefing, actors: Sequence[str], selected: _Selected) -> list[tuple[str, StanceTable]]:
    """One table per calendar year of the positions' as-of: each actor's latest position within the
    year; the year's issues in scope are those anyone holds a position on in that year."""
    positions = briefing.positions
    as_of = positions["as_of"].to_numpy()
    issue_codes = positions["issue"].cat.codes.to_numpy()
    dated = ~np.isnat(as_of) & (issue_codes >= 0)
    if selected.passing is not None:
        dated &= selected.passing
    all_years = as_of[dated].astype("datetime64[Y]").astype(np.int64) + 1970
    if len(all_years) == 0:
        return []
    first = int(all_years.min())
    n_issues = len(selected.in_scope)
    votes = np.bincount(
        (all_years - first) * n_issues + issue_codes[dated],
        minlength=(int(all_years.max()) - first + 1) * n_issues,
    )
    present = votes.reshape(-1, n_issues) > 0
    mine = ~np.isnat(selected.when)
    years = np.full(len(selected.when), -1, dtype=np.int64)
    years[mine] = selected.when[mine].astype("datetime64[Y]").astype(np.int64) + 1970
    order = np.argsort(years, kind="stable")
    bounds = np.searchsorted(years[order], np.arange(first, first + len(present) + 1))
    groups = []
    for offset, year_issues in enumerate(present):
        if not year_issues.any():
            continue
        keep = np.zeros(len(years), dtype=bool)
        keep[order[bounds[offset] : bounds[offset + 1]]] = True
        chosen = _latest(selected, keep, briefing.has_history)
        groups.append((str(first + offset), _table(actors, selected, chosen, np.flatnonzero(year_issues))))
    return groups


# ------------------------------------------------------------------------------ public functions


def counted(stance: np.ndarray, measure: str) -> np.ndarray:
    """For the first row of a table of stance codes against each other row: the issues a measure
    counts (its n). Coincidence counts issues where both took a side; the index and kappa issues
    where both are on the line (neutral too). Silence, mixed and no record count for none."""
    mine, theirs = stance[:1], stance[1:]
    on_line = (mine >= 0) & (mine < ON_LINE) & (theirs >= 0) & (theirs < ON_LINE)
    if measure != "coincidence":
        return np.asarray(on_line)
    side = SIDE[:ON_LINE]
    return np.asarray(
        on_line & (side[np.clip(mine, 0, ON_LINE - 1)] != 0) & (side[np.clip(theirs, 0, ON_LINE - 1)] != 0)
    )


def shared_span(
    position: np.ndarray, as_of: np.ndarray, counts: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """For the first row of a table of position ids against each other row: the earliest and latest
    as-of of the positions counted, both sides' (the earliest of either side's, the latest of
    either side's), over the issues in `counts` (a bool table like `position[1:]`; None: every
    issue both hold a position on); NaT where there are none, or none is dated. A pair counted on
    US readings of 10-31 and Chinese ones of 11-01 spans 2024-10-31 to 2024-11-01."""
    mine, theirs = position[:1], position[1:]
    both = (mine >= 0) & (theirs >= 0)
    if counts is not None:
        both &= counts
    missing = np.iinfo(np.int64).min  # NaT as int64
    big = np.iinfo(np.int64).max
    days_mine = np.broadcast_to(as_of[np.clip(mine, 0, None)].astype("int64"), theirs.shape)
    days_theirs = as_of[np.clip(theirs, 0, None)].astype("int64")
    low, high = np.full(len(theirs), big), np.full(len(theirs), missing)
    for days in (days_mine, days_theirs):
        dated = both & (days != missing)
        low = np.minimum(low, np.where(dated, days, big).min(axis=1, initial=big))
        high = np.maximum(high, np.where(dated, days, missing).max(axis=1, initial=missing))
    first = np.where(low == big, missing, low).astype("datetime64[D]")
    last = high.astype("datetime64[D]")
    return first, last


def _others(briefing: Briefing, actor: str, others: Sequence[str] | None) -> list[str]:
    """The actors to measure `actor` against: those named, or by default every other actor but
    those who speak for it and those it speaks for (a state's own officials are not its partners)."""
    if others is None:
        own = {actor, *briefing.spokespeople.get(actor, ())}
        own |= {principal for principal, speakers in briefing.spokespeople.items() if actor in speakers}
        return [a for a in briefing.actors["id"] if a not in own]
    return list(dict.fromkeys(o for o in others if o != actor))


def has_readings(briefing: Briefing) -> bool:
    """Whether any position is someone's reading of another (assessed_by set)."""
    return bool(briefing.positions["assessed_by"].notna().any())


def _without_own_readings(briefing: Briefing, table: StanceTable) -> tuple[StanceTable, np.ndarray]:
    """The table with every pair cell left out where one side's position is the other's reading
    of it (an expert's inference of a state is never the expert agreeing with the state), and per
    partner how many issues that left out where both hold a position (an issue one side has no
    position on stays no record). Row 0 is the actor, the rest its partners; the partner's cell
    counts as no position for that pair. agreement() and pairwise() both apply this one rule."""
    none = np.zeros(len(table.actors) - 1, dtype=np.int64)
    assessed = briefing.positions["assessed_by"]
    if table.position.size == 0 or not has_readings(briefing):
        return table, none
    by_position = np.full(int(briefing.positions["position"].max()) + 1, "", dtype=object)
    by_position[briefing.positions["position"].to_numpy(dtype=np.int64)] = assessed.astype(object).to_numpy(
        dtype=object, na_value=""
    )
    position = table.position
    who: np.ndarray = by_position[np.clip(position, 0, None)]
    who[position < 0] = ""
    partners = np.array(table.actors[1:], dtype=object)[:, None]
    own: np.ndarray = (who[1:] == np.array(table.actors[0], dtype=object)) | (who[:1] == partners)
    if not own.any():
        return table, none
    both = (table.stance[:1] >= 0) & (table.stance[1:] >= 0)
    stance, kept = table.stance.copy(), table.position.copy()
    stance[1:][own] = NO_RECORD
    kept[1:][own] = -1
    return replace(table, stance=stance, position=kept), (own & both).sum(axis=1).astype(np.int64)


def agreement(
    briefing: Briefing,
    actor: str,
    others: Sequence[str] | None = None,
    *,
    measures: Sequence[str] = MEASURES,
    by: str | None = None,
    scope: Scope = WHOLE,
    min_n: int = MIN_SHARED_ISSUES,
) -> pd.DataFrame:
    """Agreement of `actor` with each of `others` (default: every other actor), per measure, in COLUMNS.

    `group` is the scope's label ("all", or "FROM..TO"); with by="year" the calendar year of the
    positions' as-of ("1946": each actor's latest position held within that year, undated positions in
    no year); with by="topic" the issue's topic (NO_TOPIC where it has none). Rows come per group and
    measure, ranked: highest value first, ties by n (more shared issues first) then by name; rates that
    are too thin or undefined come last, with no rank. The page and `python -m dashboard agreement`
    both read this.
    """
    for measure in measures:
        if measure not in MEASURES:
            raise AgreementError(f"no such measure '{measure}': use one of {', '.join(MEASURES)}")
    partners = _others(briefing, actor, others)
    groups, own = [], []
    for label, whole in _groups(briefing, [actor, *partners], scope, by):
        table, own_reading = _without_own_readings(briefing, whole)
        groups.append((label, table))
        own.append(own_reading)
    if not groups:
        return rank(briefing, pd.DataFrame(columns=list(COLUMNS)))
    # One (groups x partners) array of counts, so each measure is worked out once over all of it.
    counts = np.stack([contingency(table.stance[:1], table.stance[1:])[0] for _, table in groups])
    issues = np.array([len(table.issues) for _, table in groups])[:, None]
    labels = np.repeat(np.array([label for label, _ in groups], dtype=object), len(partners))
    others_column = np.tile(np.array(partners, dtype=object), len(groups))
    as_of = briefing.positions["as_of"].to_numpy().astype("datetime64[D]")
    frames = []
    for measure in measures:
        # The period is that of the positions each measure counts, both sides' dates.
        spans = [shared_span(table.position, as_of, counted(table.stance, measure)) for _, table in groups]
        frames.append(
            _frame(
                np.full(len(labels), actor, dtype=object),
                others_column,
                labels,
                measure,
                rates(counts, issues, measure, np.stack(own)),
                min_n,
                np.concatenate([s[0] for s in spans]),
                np.concatenate([s[1] for s in spans]),
            )
        )
    return rank(briefing, pd.concat(frames, ignore_index=True))


def rank(briefing: Briefing, frame: pd.DataFrame) -> pd.DataFrame:
    """Rows ranked within each group and measure; adds `rank` (1, 2, ...; missing when thin)."""
    if frame.empty:
        return frame.assign(rank=pd.Series(dtype="Int64"))
    names = frame["other"].map(briefing.actor_names).fillna(frame["other"]).str.casefold()
    group_order = {g: i for i, g in enumerate(dict.fromkeys(frame["group"]))}
    ordered = frame.assign(
        _group=frame["group"].map(group_order),
        _measure=frame["measure"].map(MEASURES.index),
        _value=frame["value"].where(~frame["thin"], -np.inf),
        _name=names,
    ).sort_values(
        ["_group", "_measure", "thin", "_value", "n", "_name"],
        ascending=[True, True, True, False, False, True],
        kind="stable",
    )
    ranked = (~ordered["thin"]).groupby([ordered["_group"], ordered["_measure"]]).cumsum()
    ordered["rank"] = pd.array(ranked.where(~ordered["thin"]), dtype="Int64")
    return ordered.drop(columns=["_group", "_measure", "_value", "_name"]).reset_index(drop=True)


def partners(
    briefing: Briefing,
    actor: str,
    *,
    measure: str = "coincidence",
    others: Sequence[str] | None = None,
    scope: Scope = WHOLE,
    min_n: int = MIN_SHARED_ISSUES,
) -> pd.DataFrame:
    """One actor's partners ranked by one measure: COLUMNS plus `rank` and `other_name`; the too thin
    (or undefined) ones last, with no rank and the reason in `note`."""
    frame = agreement(briefing, actor, others, measures=(measure,), scope=scope, min_n=min_n)
    return frame.assign(other_name=frame["other"].map(briefing.actor_names))
