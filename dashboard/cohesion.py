"""How a bloc holds together, issue by issue: the Hix–Noury–Roland agreement index, the plurality
position, and the members who defect from it (with the position ids behind each member's stance)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.alignment import NO_TOPIC, WHOLE, Scope, position_ids, stance_table
from dashboard.briefing import Briefing
from dashboard.records import STANCE_TABLE, STANCES, UNKNOWN

# The index counts three choices, as roll calls have: for (support, strongly_support), neutral, and
# against (oppose, strongly_oppose). Strength does not split a bloc; mixed and silent members take
# no part in the index (as absentees take none in a roll call) and are listed apart.
DIRECTIONS: tuple[str, ...] = ("for", "neutral", "against")
# Index into DIRECTIONS per stance code (-1: takes no part), from the one stance table.
DIRECTION_OF_STANCE = np.array(
    [(0 if s.side > 0 else 2 if s.side < 0 else 1) if s.on_line else -1 for s in STANCE_TABLE], dtype=np.int8
)
# Where two strengths on the plurality's side are equally common, the milder one is the bloc's stance:
# the row never claims more than the members' records show.
MILDER_FIRST: dict[str, tuple[int, ...]] = {
    "for": (STANCES.index("support"), STANCES.index("strongly_support")),
    "neutral": (STANCES.index("neutral"),),
    "against": (STANCES.index("oppose"), STANCES.index("strongly_oppose")),
}
ROLES: tuple[str, ...] = ("plurality", "defector", "split", "mixed", "silent", "hidden", "no record")
MIN_VOTING = 2  # one member alone always "agrees with itself": the index needs two on the line


@dataclass(frozen=True)
class Cohesion:
    """A bloc over the issues in scope."""

    issues: pd.DataFrame  # one row per issue: counts, cohesion, plurality, plurality_stance, ...
    members: pd.DataFrame  # one row per member and issue: stance, position, direction, role

    @property
    def defectors(self) -> pd.DataFrame:
        """Members on the line whose direction differs from the plurality's, with their position ids."""
        return self.members[self.members["role"] == "defector"].reset_index(drop=True)

    def mean(self) -> float:
        """Mean cohesion over the issues where it is defined (NaN if there are none)."""
        values = self.issues["cohesion"].dropna()
        return float(values.mean()) if len(values) else float("nan")


def agreement_index(counts: np.ndarray) -> np.ndarray:
    """Hix, Noury and Roland (2005): (max - (total - max) / 2) / total over the last axis of counts
    of for / neutral / against. 1 when all agree, 0 when split evenly three ways; NaN below MIN_VOTING."""
    counts = np.asarray(counts, dtype=float)
    total = counts.sum(-1)
    top = counts.max(-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        value = (top - (total - top) / 2.0) / total
    return np.where(total >= MIN_VOTING, value, np.nan)


def cohesion(briefing: Briefing, members: Sequence[str], scope: Scope = WHOLE) -> Cohesion:
    """The bloc of `members` on every issue in scope (each member's latest position per issue)."""
    members = list(dict.fromkeys(members))
    table = stance_table(briefing, members, scope)
    codes = table.stance  # members x issues, -1 no record
    # On record but outside the scope's dates or bases: hidden by a filter, not "no record".
    narrowed = (scope.date_from, scope.date_to, scope.bases) != (None, None, None)
    hidden = (
        (codes < 0) & _on_record(briefing, members, table.issues)
        if narrowed
        else np.zeros(codes.shape, dtype=bool)
    )
    direction = np.where(codes >= 0, DIRECTION_OF_STANCE[np.maximum(codes, 0)], -1)
    counts = np.stack([(direction == d).sum(0) for d in range(len(DIRECTIONS))], axis=-1)
    voting = counts.sum(-1)
    top = counts.max(-1) if len(table.issues) else np.zeros(0, dtype=int)
    leaders = (counts == top[:, None]) & (top[:, None] > 0)
    unique = leaders.sum(-1) == 1
    plurality = np.where(unique, leaders.argmax(-1), -1)
    by_stance = np.stack([(codes == s).sum(0) for s in range(len(STANCES))], axis=-1)
    names = np.array(DIRECTIONS, dtype=object)

    def bloc_stance(issue: int) -> str:
        if plurality[issue] < 0:
            return ""
        choices = MILDER_FIRST[DIRECTIONS[plurality[issue]]]
        best = max(choices, key=lambda s: (by_stance[issue, s], -choices.index(s)))
        return STANCES[best]

    issue_rows = briefing.issues.set_index("id").reindex(table.issues)
    issues = pd.DataFrame(
        {
            "issue": table.issues,
            "title": issue_rows["title"].to_numpy(),
            "topic": issue_rows["topic"].fillna(NO_TOPIC).to_numpy(),
            "date": issue_rows["date"].to_numpy(),  # the issue's own date (a vote's), for a line by year
            "members": len(members),
            "for": counts[:, 0],
            "neutral": counts[:, 1],
            "against": counts[:, 2],
            "mixed": by_stance[:, STANCES.index("mixed")],
            "silent": by_stance[:, STANCES.index("silent")],
            "hidden": hidden.sum(0),
            "no_record": ((codes < 0) & ~hidden).sum(0),
            "voting": voting,
            "cohesion": agreement_index(counts),
            "plurality": np.where(plurality >= 0, names[np.maximum(plurality, 0)], ""),
            "plurality_stance": [bloc_stance(i) for i in range(len(table.issues))],
            "tied": [
                ", ".join(names[leaders[i]]) if not unique[i] and top[i] > 0 else ""
                for i in range(len(table.issues))
            ],
            "defectors": (
                (direction >= 0) & (plurality[None, :] >= 0) & (direction != plurality[None, :])
            ).sum(0),
        }
    )
    role = np.full(codes.shape, "", dtype=object)
    role[codes < 0] = "no record"
    role[hidden] = "hidden"
    role[codes == STANCES.index("silent")] = "silent"
    role[codes == STANCES.index("mixed")] = "mixed"
    on_line = direction >= 0
    role[on_line & (plurality[None, :] < 0)] = "split"
    role[on_line & (plurality[None, :] >= 0) & (direction == plurality[None, :])] = "plurality"
    role[on_line & (plurality[None, :] >= 0) & (direction != plurality[None, :])] = "defector"
    stance_names = np.array([*STANCES, UNKNOWN], dtype=object)  # code -1 reads the last
    member_rows = pd.DataFrame(
        {
            "issue": np.tile(table.issues, len(members)),
            "actor": np.repeat(np.array(members, dtype=object), len(table.issues)),
            "stance": stance_names[codes.ravel()],
            "position": position_ids(table.position.ravel()),
            "direction": np.where(on_line.ravel(), names[np.maximum(direction.ravel(), 0)], ""),
            "role": role.ravel(),
        }
    )
    return Cohesion(issues, member_rows)


def _on_record(briefing: Briefing, members: Sequence[str], issues: np.ndarray) -> np.ndarray:
    """members x issues: whether the member holds any position on the issue in the whole briefing.
    A cell out of scope that is on record was hidden by the scope's dates or bases, not unknown."""
    positions = briefing.positions
    held = positions[positions["actor"].isin(members).to_numpy() & positions["issue"].isin(issues).to_numpy()]
    pairs = pd.MultiIndex.from_arrays([held["actor"].astype(str), held["issue"].astype(str)])
    cells = pd.MultiIndex.from_product([[str(m) for m in members], [str(i) for i in issues]])
    return np.asarray(cells.isin(pairs)).reshape(len(members), len(issues))
