"""One issue side by side: every actor with a position on it, grouped by where they stand (for,
neutral, against, mixed or silent), each with the words behind the position, or said to have none.

The actors and stances are the matrix's own cells for that issue (`reading.grid`, the latest
position per actor), so the sides count exactly what the matrix shows; an answer with no words
(a Wahl-O-Mat answer without a justification, a vote) is listed as such, never dropped. Quotes on
the issue by speakers who hold no position on it come last.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.briefing import Briefing
from dashboard.filters import Subset
from dashboard.reading import grid
from dashboard.vocabulary import SIDES

NO_POSITION = "Quoted, no position on it"


@dataclass(frozen=True)
class Holder:
    """One actor's position on the issue and the words behind it (possibly none)."""

    actor: str
    name: str
    stance: str
    glyph: str
    reading: str
    quotes: tuple[str, ...]  # ids: its evidence, then its own (or its spokespeople's) words on it
    source: str = ""  # where a position without words is recorded (a questionnaire, a vote)


def sides_of(briefing: Briefing, subset: Subset, issue: str) -> dict[str, list[Holder]]:
    """Side name -> the actors on it, in the matrix's row order; `NO_POSITION` -> one Holder per
    speaker quoted on the issue who holds no position on it (stance '')."""
    return sides_by_issue(briefing, subset, [issue]).get(issue, {})


def sides_by_issue(
    briefing: Briefing, subset: Subset, issue_ids: list[str] | None = None
) -> dict[str, dict[str, list[Holder]]]:
    """`sides_of` for many issues at once (default: every issue in view), from one matrix grid."""
    issues = subset.issues if issue_ids is None else subset.issues[subset.issues["id"].isin(issue_ids)]
    if issues.empty:
        return {}
    cells = grid(briefing, subset, subset.actors, issues)
    in_cells = cells["position"][cells["position"] >= 0]
    links = briefing.evidence[briefing.evidence["position"].isin(in_cells)]
    evidence = links.groupby("position")["quote"].agg(list).to_dict()
    on_issues = briefing.quote_issues[briefing.quote_issues["issue"].isin(issues["id"])]
    quotes = subset.quotes[subset.quotes["id"].isin(on_issues["quote"])]
    speaker = dict(zip(quotes["id"], quotes["speaker"].astype(str), strict=True))
    said: dict[tuple[str, str], list[str]] = {}  # (issue, speaker) -> their quotes on it, in view
    for quote_id, issue in zip(on_issues["quote"], on_issues["issue"], strict=True):
        if quote_id in speaker:
            said.setdefault((issue, speaker[quote_id]), []).append(str(quote_id))
    # `position` is the positions' row number (Briefing.from_frames): their sources read directly.
    source_column = briefing.positions["source"].to_numpy(dtype=object)
    side_of = {stance: name for name, members in SIDES.items() for stance in members}
    out: dict[str, dict[str, list[Holder]]] = {}
    placed: set[tuple[str, str]] = set()
    # Only the cells on a side (no record and hidden cells are no position in view), each column read
    # once as plain Python values: iterating the frame's rows converted every text value one by one
    # (the UN briefing's 1.24 million cells: most of a minute, for the 870,109 on a side).
    on_side = cells["stance"].astype(object).map(side_of)
    kept = cells[on_side.notna().to_numpy()]
    columns = [
        kept[name].to_numpy(dtype=object) for name in ("issue", "actor", "actor_name", "glyph", "reading")
    ]
    rows = zip(
        *columns,
        kept["stance"].astype(object).to_numpy(),
        on_side[on_side.notna()].to_numpy(dtype=object),
        kept["position"].to_numpy().tolist(),
        strict=True,
    )
    # Issues anyone's words are on in view: elsewhere a cell holds no words (the UN votes hold none,
    # and built two empty lists for each of their 870,109 cells on a side).
    worded = {issue for issue, _ in said} if not evidence else None
    spokespeople = briefing.spokespeople
    made = _Holders()
    for issue, actor, actor_name, glyph, reading, stance, side, position in rows:
        if worded is not None and issue not in worded:
            words: tuple[str, ...] = ()
        else:
            cited = [q for q in evidence.get(position, []) if q in speaker] if position >= 0 else []
            own = [
                q
                for s in (actor, *spokespeople.get(actor, ()))
                for q in said.get((issue, s), ())
                if q not in cited
            ]
            words = tuple(dict.fromkeys([*cited, *own]))
        if words:
            placed.update((issue, q) for q in words)
        source = source_column[position] if position >= 0 else None
        if issue not in out:
            out[issue] = {name: [] for name in SIDES}
        out[issue][side].append(made[actor, actor_name, stance, glyph, reading, words, source])
    for (issue, who), ids in said.items():
        rest = tuple(q for q in ids if (issue, q) not in placed)
        if rest:
            sides = out.setdefault(issue, {name: [] for name in SIDES})
            sides.setdefault(NO_POSITION, []).append(
                Holder(who, briefing.actor_names.get(who, who), "", "", "", rest)
            )
    return {
        issue: {name: holders for name, holders in sides.items() if holders} for issue, sides in out.items()
    }


class _Holders(dict[tuple[object, ...], Holder]):
    """One Holder per distinct (actor, name, stance, glyph, reading, words, source), made on first
    use and shared after (a Holder is frozen): the UN votes' 870,109 cells on a side hold 168,207
    distinct ones, and making a frozen dataclass costs more than finding it again."""

    def __missing__(self, key: tuple[object, ...]) -> Holder:
        actor, name, stance, glyph, reading, words, source = key
        assert isinstance(words, tuple)
        holder = self[key] = Holder(
            str(actor),
            str(name),
            str(stance),
            str(glyph),
            str(reading),
            words,
            source if isinstance(source, str) else "",
        )
        return holder


def counts(sides: dict[str, list[Holder]]) -> dict[str, int]:
    """Actors per side (those with a position): what the matrix's cells on the issue count."""
    return {name: len(holders) for name, holders in sides.items() if name != NO_POSITION}
