"""Change over time: what changed since a date, an actor's positions in order, and where what an actor
said differs from what it did. Every row carries the position ids on both sides, for their evidence.

A position's as-of is when it held (not when it was published); an undated position counts as the
oldest, and of two positions with the same as-of the later one in the file is the newer.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import pandas as pd

from dashboard.alignment import SIDE, AgreementError, latest_index, relation
from dashboard.briefing import Briefing
from dashboard.records import STANCE_BY_WORD, STANCES

# The actor moved: its own record (said, did, or reported of it) holds another stance than before.
MOVES: tuple[str, ...] = ("reversal", "shift", "moved", "broke_silence", "fell_silent")
# The evidence changed, not the actor: its first own statement replacing someone else's reading,
# or a reading revised (someone's inference, new or again).
EVIDENCE: tuple[str, ...] = ("first_own", "reading_revised")
CHANGE_KINDS: tuple[str, ...] = (*MOVES, *EVIDENCE, "new")
CHANGE_LABELS: dict[str, str] = {
    "reversal": "Reversed (for ↔ against)",
    "shift": "Shifted in strength, same side",
    "moved": "Shifted (to or from neutral or mixed)",
    "broke_silence": "Broke silence",
    "fell_silent": "Fell silent",
    "first_own": "First own statement (before, only someone else's reading)",
    "reading_revised": "Reading revised (someone else's inference, not the actor moving)",
    "new": "New issue for this actor (nothing on record before)",
    "unchanged": "Same stance as before",
}
SECOND_HAND: tuple[str, ...] = ("inferred",)  # someone else's reading of the actor, not its record
# Columns of the frames below: one table, so the page, exports and tests read the same names.
CHANGE_COLUMNS: tuple[str, ...] = (
    "actor",
    "issue",
    "kind",
    "detail",
    "before_stance",
    "after_stance",
    "before_position",
    "after_position",
    "before_as_of",
    "after_as_of",
    "before_basis",
    "after_basis",
)
COMPARED: tuple[str, ...] = ("position", "actor", "issue", "stance", "as_of", "basis")
SAID_DID_COLUMNS: tuple[str, ...] = (
    "actor",
    "issue",
    "relation",
    "stated_stance",
    "action_stance",
    "stated_position",
    "action_position",
    "stated_as_of",
    "action_as_of",
)


def change_kind(
    before: str | None, after: str, before_basis: str | None = None, after_basis: str | None = None
) -> tuple[str, str] | None:
    """(kind, detail) for a position changing from `before` (None: no earlier position) to
    `after`, each with its basis when known; None when nothing changed. A change that involves
    someone else's reading (an inference) is a change of evidence, never the actor moving: its
    first own statement after a reading is `first_own`, a reading after a reading (or after its
    own record) `reading_revised`. Detail says 'stronger' or 'weaker' for a shift, else ''."""
    if before is None:
        return "new", ""
    second_before, second_after = before_basis in SECOND_HAND, after_basis in SECOND_HAND
    if second_before and not second_after:
        return "first_own", ""
    if second_after and before != after:
        return "reading_revised", ""
    if before == after:
        return None
    if before == "silent":
        return "broke_silence", ""
    if after == "silent":
        return "fell_silent", ""
    first, second = STANCES.index(before), STANCES.index(after)
    side_before, side_after = int(SIDE[first]), int(SIDE[second])
    if side_before and side_after and side_before != side_after:
        return "reversal", ""
    if side_before and side_before == side_after:
        return "shift", "stronger" if STANCE_BY_WORD[after].strong else "weaker"
    return "moved", ""


def _chosen(
    briefing: Briefing,
    actors: Sequence[str] | None,
    issues: Sequence[str] | None,
    bases: Sequence[str] | None,
    columns: Sequence[str] | None = COMPARED,
) -> pd.DataFrame:
    """The positions of these actors on these issues with these bases (None: all), `columns` only."""
    positions = briefing.positions
    mask = np.ones(len(positions), dtype=bool)
    for column, wanted in (("actor", actors), ("issue", issues), ("basis", bases)):
        if wanted is None:
            continue
        unknown = sorted(set(wanted) - set(positions[column].cat.categories))
        if unknown and column != "basis":
            raise AgreementError(f"no such {column} in this briefing: {', '.join(unknown)}")
        mask &= positions[column].isin(list(wanted)).to_numpy()
    return positions.loc[mask, list(columns) if columns is not None else positions.columns]


def _keys(positions: pd.DataFrame, n_issues: int) -> np.ndarray:
    return np.asarray(
        positions["actor"].cat.codes.to_numpy().astype(np.int64) * n_issues
        + positions["issue"].cat.codes.to_numpy()
    )


def _latest(positions: pd.DataFrame, n_issues: int) -> pd.DataFrame:
    """One position per actor and issue, the latest; indexed by the actor x issue key."""
    keys = _keys(positions, n_issues)
    rows = latest_index(keys, positions["as_of"].to_numpy(), positions["position"].to_numpy())
    latest = positions.iloc[rows]
    return latest.set_axis(keys[rows])


def _texts(values: pd.Series) -> list[str | None]:
    """Category values as text, None where missing (no earlier position), for change_kind."""
    return [v if isinstance(v, str) else None for v in values.astype(object)]


def changes_since(
    briefing: Briefing,
    since: date,
    *,
    actors: Sequence[str] | None = None,
    issues: Sequence[str] | None = None,
    bases: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Each actor x issue whose latest stance after `since` differs from its latest on or before it
    (undated positions are 'before'), in CHANGE_COLUMNS; newest change first. An actor x issue with no
    position after `since` has not changed, whatever it held before. For a new position the before_*
    fields are missing (NA)."""
    positions = _chosen(briefing, actors, issues, bases)
    n_issues = max(len(positions["issue"].cat.categories), 1)
    as_of = positions["as_of"].to_numpy()
    after_mask = ~np.isnat(as_of) & (as_of > np.datetime64(since, "D").astype(as_of.dtype))
    before = _latest(positions[~after_mask], n_issues)
    after = _latest(positions[after_mask], n_issues)
    earlier = before.reindex(after.index)
    before_stance = _texts(earlier["stance"])
    kinds = [
        change_kind(b, a, bb, ab)
        for b, a, bb, ab in zip(
            before_stance,
            after["stance"].astype(str),
            _texts(earlier["basis"]),
            after["basis"].astype(str),
            strict=True,
        )
    ]
    changed = np.array([k is not None for k in kinds], dtype=bool)
    frame = pd.DataFrame(
        {
            "actor": after["actor"].astype(str).to_numpy(),
            "issue": after["issue"].astype(str).to_numpy(),
            "kind": [k[0] if k else "" for k in kinds],
            "detail": [k[1] if k else "" for k in kinds],
            "before_stance": before_stance,
            "after_stance": after["stance"].astype(str).to_numpy(),
            "before_position": pd.array(earlier["position"].to_numpy(), dtype="Int64"),
            "after_position": pd.array(after["position"].to_numpy(), dtype="Int64"),
            "before_as_of": earlier["as_of"].to_numpy(),
            "after_as_of": after["as_of"].to_numpy(),
            "before_basis": _texts(earlier["basis"]),
            "after_basis": after["basis"].astype(str).to_numpy(),
        },
        columns=list(CHANGE_COLUMNS),
    )[changed]
    return frame.sort_values(["after_as_of", "after_position"], ascending=False, kind="stable").reset_index(
        drop=True
    )


def timeline(
    briefing: Briefing,
    actor: str,
    issue: str | None = None,
    *,
    bases: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Every position of `actor` (on `issue`, or on all), oldest first with undated ones before the
    dated (`dated` tells them apart), plus `change`: its kind against the actor's previous position
    on the same issue ('new' for the first, 'unchanged' for the same stance again)."""
    positions = _chosen(briefing, [actor], None if issue is None else [issue], bases, None)
    when = positions["as_of"].to_numpy().view("int64")
    ordered = positions.iloc[np.lexsort((positions["position"].to_numpy(), when))]
    stance = ordered["stance"].astype(str).to_numpy()
    basis = ordered["basis"].astype(str).to_numpy()
    issue_ids = ordered["issue"].astype(str).to_numpy()
    previous: dict[str, tuple[str, str]] = {}
    change = []
    for issue_id, now, now_basis in zip(issue_ids, stance, basis, strict=True):
        before, before_basis = previous.get(issue_id, (None, None))
        kind = change_kind(before, now, before_basis, now_basis)
        change.append("unchanged" if kind is None else kind[0])
        previous[issue_id] = (now, now_basis)
    return ordered.assign(dated=ordered["as_of"].notna().to_numpy(), change=change).reset_index(drop=True)


def said_vs_did(
    briefing: Briefing,
    *,
    actors: Sequence[str] | None = None,
    issues: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Each actor x issue whose latest `stated` stance differs from its latest `action` stance, with
    both position ids and how the two relate (alignment.RELATIONS), in SAID_DID_COLUMNS."""
    stated_rows = _chosen(briefing, actors, issues, ["stated"])
    action_rows = _chosen(briefing, actors, issues, ["action"])
    n_issues = max(len(briefing.positions["issue"].cat.categories), 1)
    stated = _latest(stated_rows, n_issues)
    action = _latest(action_rows, n_issues)
    both = stated.index.intersection(action.index)
    stated, action = stated.loc[both], action.loc[both]
    differ = stated["stance"].astype(str).to_numpy() != action["stance"].astype(str).to_numpy()
    stated, action = stated[differ], action[differ]
    return pd.DataFrame(
        {
            "actor": stated["actor"].astype(str).to_numpy(),
            "issue": stated["issue"].astype(str).to_numpy(),
            "relation": [
                relation(s, a)
                for s, a in zip(stated["stance"].astype(str), action["stance"].astype(str), strict=True)
            ],
            "stated_stance": stated["stance"].astype(str).to_numpy(),
            "action_stance": action["stance"].astype(str).to_numpy(),
            "stated_position": pd.array(stated["position"].to_numpy(), dtype="Int64"),
            "action_position": pd.array(action["position"].to_numpy(), dtype="Int64"),
            "stated_as_of": stated["as_of"].to_numpy(),
            "action_as_of": action["as_of"].to_numpy(),
        },
        columns=list(SAID_DID_COLUMNS),
    )


def roll_calls(briefing: Briefing) -> bool:
    """A briefing of votes (every position an action, no quotes): each roll call is an issue of its
    own, so every vote is 'new' on its issue and says nothing of anyone moving."""
    positions = briefing.positions
    return (
        bool(len(positions))
        and briefing.quotes.empty
        and bool((positions["basis"] == "action").all())  # on the codes: no 870,000 texts made
    )


def default_kinds(briefing: Briefing) -> tuple[str, ...]:
    """The kinds of change the view lists unless the link names others: all but 'new' on roll
    calls (where it would drown the rest), all elsewhere."""
    return tuple(k for k in CHANGE_KINDS if not (k == "new" and roll_calls(briefing)))
