"""Small briefings written for the agreement, cohesion and change tests, built straight into frames.

`briefing_of` takes positions as tuples, (actor, issue, stance[, as_of[, basis]]), in file order, so a
test reads like the table it is about. Actors and issues are made from the names used; issue topics
and dates can be given. Imported by the tests as `from hand_briefings import briefing_of`.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard.briefing import Briefing
from dashboard.records import TABLE_BY_NAME, BriefingMeta

Row = tuple  # (actor, issue, stance) + optional (as_of: str | None, basis: str)


def _frame(table: str, records: list[dict[str, object]]) -> pd.DataFrame:
    fields = TABLE_BY_NAME[table].field_names
    return pd.DataFrame([{f: r.get(f) for f in fields} for r in records], columns=list(fields))


def briefing_of(
    rows: list[Row],
    *,
    topics: dict[str, str] | None = None,
    dates: dict[str, str] | None = None,
    actors: list[str] | None = None,
    issues: list[str] | None = None,
    blocs: list[dict[str, object]] | None = None,
) -> Briefing:
    """A briefing holding exactly these positions (ids 0, 1, 2, ... in the order given)."""
    topics, dates = topics or {}, dates or {}
    actor_ids = list(dict.fromkeys([*(actors or []), *(r[0] for r in rows)]))
    issue_ids = list(dict.fromkeys([*(issues or []), *(r[1] for r in rows)]))
    positions = []
    for row in rows:
        actor, issue, stance = row[:3]
        as_of = row[3] if len(row) > 3 else "2024-01-01"
        basis = row[4] if len(row) > 4 else "stated"
        positions.append(
            {
                "actor": actor,
                "issue": issue,
                "stance": stance,
                "as_of": None if as_of is None else pd.Timestamp(as_of),
                "basis": basis,
                "confidence": "high",
                "evidence": [],
            }
        )
    frame = _frame("positions", positions)
    frame["as_of"] = pd.to_datetime(frame["as_of"])
    issue_frame = _frame(
        "issues",
        [
            {
                "id": i,
                "title": f"Issue {i}",
                "statement": f"Statement {i}.",
                "topic": topics.get(i),
                "date": pd.Timestamp(dates[i]) if i in dates else None,
            }
            for i in issue_ids
        ],
    )
    issue_frame["date"] = pd.to_datetime(issue_frame["date"])
    return Briefing.from_frames(
        BriefingMeta(id="hand", title="Hand-made", as_of=date(2024, 12, 31)),
        actors=_frame(
            "actors", [{"id": a, "name": a.title(), "kind": "state", "aliases": []} for a in actor_ids]
        ),
        issues=issue_frame,
        sources=_frame("sources", []),
        quotes=_frame("quotes", []),
        positions=frame,
        blocs=_frame("blocs", blocs) if blocs else None,
    )
