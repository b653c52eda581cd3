"""Apply the sidebar's filters to a briefing: the rows, columns, positions and quotes the page shows.

Choosing an actor means "about this actor": its own positions and words, the words of those who speak
for it, and every quote cited as evidence for its positions, whoever spoke. Choosing an actor or a kind
also brings in the readings that actor (or kind) made of others: an expert's reading of China sits on
China's row, and is shown there. What the stance, basis and date filters leave out is *hidden*, never
"no record": the subset keeps the positions in scope before those filters so a cell can tell the two
apart.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar, cast

import numpy as np
import pandas as pd

from dashboard.briefing import Briefing
from dashboard.records import UNKNOWN
from dashboard.selection import Filters
from dashboard.text import fold

T = TypeVar("T")


# What a lookup is made of, per object it is made from (a briefing's frame, a categorical column's
# categories, shared by every subset of it), kept while that object lives: `_kept`. Never across
# briefings: a briefing read again is new frames, so new lookups. `reading.py` keeps its per-briefing
# maps the same way (`kept_for`).
_KEPT: dict[tuple[int, str], tuple[weakref.ref[object], object]] = {}


def _kept(owner: object, what: str, make: Callable[[], T]) -> T:
    kept = _KEPT.get((id(owner), what))
    if kept is not None and kept[0]() is owner:
        return cast(T, kept[1])
    value = make()
    for key in [key for key, (ref, _) in list(_KEPT.items()) if ref() is None]:
        _KEPT.pop(key, None)
    _KEPT[(id(owner), what)] = (weakref.ref(owner), value)
    return value


def kept_for(owner: object, what: str, make: Callable[[], T]) -> T:
    """`make()`, made once per `owner` (a briefing, one of its frames) and kept while it lives."""
    return _kept(owner, what, make)


def _codes_of(categories: pd.Index) -> dict[str, int]:
    """Each category's code, made once per categories object. Matching a few ids through pandas
    (an index of the ids, cast to the categories' Arrow strings, then `get_indexer`) cost about
    1.5 ms a call, most of a small briefing's cell lookups (issue 24)."""
    return _kept(
        categories, "codes", lambda: {str(value): code for code, value in enumerate(categories.tolist())}
    )


def _row_of_id(frame: pd.DataFrame) -> dict[str, int] | None:
    """A briefing frame's row number for each id, None when its ids are not unique."""

    def made() -> dict[str, int] | None:
        ids = frame["id"].tolist()
        rows = {str(value): row for row, value in enumerate(ids)}
        return rows if len(rows) == len(ids) else None

    return _kept(frame, "row-of-id", made)


def row_of_id(frame: pd.DataFrame) -> dict[str, int] | None:
    """A briefing frame's row number for each id (kept per frame), None when its ids repeat."""
    return _row_of_id(frame)


def id_mask(frame: pd.DataFrame, ids: Iterable[object]) -> np.ndarray:
    """`frame["id"].isin(ids)` as a NumPy mask, for a frame of the briefing (actors, quotes,
    sources): a lookup kept per frame, not an Arrow `isin` (about 0.3 ms each on a few rows)."""
    rows = _row_of_id(frame)
    values = list(ids.to_numpy(dtype=object) if isinstance(ids, pd.Series | pd.Index) else ids)
    if rows is None or not all(isinstance(v, str) for v in values):
        return np.asarray(frame["id"].isin(values).to_numpy(dtype=bool))
    mask = np.zeros(len(frame), dtype=bool)
    mask[[rows[v] for v in values if v in rows]] = True
    return mask


def _found(categories: pd.Index, ids: Iterable[object], kept: bool) -> np.ndarray:
    """Each id's code among `categories`, -1 where it is not one (`kept`: categories that live
    with a briefing, worth a lookup of their own)."""
    values = ids.to_numpy(dtype=object) if isinstance(ids, pd.Series | pd.Index) else list(ids)
    texts = [v for v in values if isinstance(v, str)]
    if kept and len(texts) == len(values) and pd.api.types.is_string_dtype(categories.dtype):
        codes = _codes_of(categories)
        return np.fromiter((codes.get(v, -1) for v in texts), dtype=np.int64, count=len(texts))
    wanted = pd.Index(values, dtype=object)
    return np.asarray(categories.get_indexer(wanted.astype(categories.dtype)))


def places_in(column: pd.Series, ids: Iterable[object]) -> np.ndarray:
    """For each row of an id column, the place of its id in `ids`, -1 where it is not there. A
    categorical column (the positions' actor and issue) is matched through its codes: one lookup
    per category, then one array index over the rows (870,109 UN positions: about 1 ms)."""
    categorical = isinstance(column.dtype, pd.CategoricalDtype)
    if not categorical:
        wanted = pd.Index(
            ids.to_numpy(dtype=object) if isinstance(ids, pd.Series | pd.Index) else list(ids), dtype=object
        )
        column = column.astype(pd.CategoricalDtype(pd.unique(wanted.dropna())))
        ids = wanted
    categories = column.cat.categories
    found = _found(categories, ids, categorical)
    place = np.full(len(categories) + 1, -1, dtype=np.int64)  # the last slot: a missing id (code -1)
    place[found[found >= 0]] = np.flatnonzero(found >= 0)
    return np.asarray(place[column.cat.codes.to_numpy()])


def members(column: pd.Series, values: Iterable[object]) -> np.ndarray:
    """`column.isin(values)` as a NumPy mask: a categorical column through `places_in` (10-13 ms by
    `isin` on the UN votes' 870,109 positions); a missing value asked for, or another column, by `isin`."""
    wanted = pd.Index(
        values.to_numpy(dtype=object) if isinstance(values, pd.Series | pd.Index) else list(values),
        dtype=object,
    )
    if isinstance(column.dtype, pd.CategoricalDtype) and not wanted.hasnans:
        return places_in(column, wanted) >= 0
    return np.asarray(column.isin(wanted).to_numpy(dtype=bool))


@dataclass(frozen=True)
class Subset:
    """The filtered briefing. Frames share the briefing's columns; nothing here is copied text."""

    actors: pd.DataFrame  # the rows: chosen actors, and those whose positions chosen assessors read
    issues: pd.DataFrame  # the columns
    positions: pd.DataFrame  # positions that pass every filter
    scope: pd.DataFrame  # positions of these rows and columns before the stance, basis, date filters
    quotes: pd.DataFrame
    sources: pd.DataFrame
    history: bool = True  # some actor has several positions on one issue: take the latest
    hides: tuple[str, ...] = ()  # filters that may hide a record: "stance", "basis", "date", ...
    unknown_hidden: bool = False  # a stance or basis filter also leaves out "no record" cells
    authors: tuple[str, ...] = ()  # actor filter's ids (with spokespeople); () when not filtered

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


def selected_actor_ids(briefing: Briefing, chosen: Filters) -> list[str] | None:
    """The actors the person asked for, with those who speak for them if the toggle is on."""
    if not chosen.actors:
        return None
    who = list(chosen.actors)
    if chosen.spokespeople:
        for actor in chosen.actors:
            who.extend(briefing.spokespeople.get(actor, []))
    return list(dict.fromkeys(who))


def _in_dates(dates: pd.Series, chosen: Filters) -> np.ndarray:
    mask = np.ones(len(dates), dtype=bool)
    if chosen.date_from is not None:
        mask = mask & ~(dates < pd.Timestamp(chosen.date_from)).to_numpy(dtype=bool)
    if chosen.date_to is not None:
        mask = mask & ~(dates > pd.Timestamp(chosen.date_to)).to_numpy(dtype=bool)
    return mask


def _issues(briefing: Briefing, chosen: Filters) -> pd.DataFrame:
    issues = briefing.issues
    if chosen.issues:
        issues = issues[issues["id"].isin(chosen.issues)]
    if chosen.topics:
        issues = issues[issues["topic"].isin(chosen.topics)]
    return issues


def _assessed_by(briefing: Briefing, positions: pd.DataFrame, who: Iterable[object]) -> np.ndarray:
    """Positions read by one of `who`. Of the briefing's own positions only the readings (those with
    an assessor, known once per briefing) are looked at: the UN votes have none among 870,109."""
    if positions is not briefing.positions:
        return members(positions["assessed_by"], who)
    rows = briefing.assessed_rows
    mask = np.zeros(len(positions), dtype=bool)
    if len(rows):
        # The readings' assessors as a list, made once per briefing: a set lookup each, not an
        # Arrow row selection and `isin` (about 1 ms on the seed's few readings, twice a filter).
        assessors = _kept(positions, "assessors", lambda: positions["assessed_by"].iloc[rows].tolist())
        wanted = set(who)
        if all(isinstance(v, str) for v in wanted):
            mask[rows] = np.fromiter((a in wanted for a in assessors), dtype=bool, count=len(assessors))
        else:
            mask[rows] = members(positions["assessed_by"].iloc[rows], who)
    return mask


def _authored(
    briefing: Briefing, positions: pd.DataFrame, who: list[str] | None, kinds: tuple[str, ...]
) -> np.ndarray:
    """Positions whose subject or assessor is among `who` and of one of `kinds` (when given)."""
    mask = np.ones(len(positions), dtype=bool)
    if who is not None:
        mask = mask & (members(positions["actor"], who) | _assessed_by(briefing, positions, who))
    if kinds:
        of_kind = _of_kind(briefing, kinds)
        mask = mask & (members(positions["actor"], of_kind) | _assessed_by(briefing, positions, of_kind))
    return mask


def _on_issues(
    briefing: Briefing,
    chosen: Filters,
    positions: pd.DataFrame,
    issues: pd.DataFrame,
    rows: np.ndarray | None,
) -> np.ndarray:
    """Which of `positions` (the briefing's `rows` of them, or all) are on the chosen issues. With
    no issue or topic chosen, that is the positions on an issue the briefing has, known once per
    briefing (matching 9,147 roll calls again for each pick cost a few ms)."""
    if chosen.issues or chosen.topics:
        return members(positions["issue"], issues["id"])
    known = briefing.on_known_issue
    return known if rows is None else known[rows]


def _sorted_union(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The row numbers in either (each ascending), ascending, once each (np.union1d hashes: ~4 ms
    for a few thousand rows)."""
    if not len(b):
        return a
    both = np.sort(np.concatenate([a, b]), kind="stable")
    return both[np.concatenate([[True], both[1:] != both[:-1]])] if len(both) else both


def _rows(frame: pd.DataFrame, mask: np.ndarray) -> pd.DataFrame:
    """frame[mask], or the frame itself when every row passes (a copy of each column is the dearest
    part of a filter on the UN votes)."""
    return frame if bool(mask.all()) else frame[mask]


def _of_kind(briefing: Briefing, kinds: tuple[str, ...]) -> list[str]:
    """The ids of the briefing's actors of one of `kinds`."""
    actors = briefing.actors
    return [str(a) for a in actors.loc[actors["kind"].astype(str).isin(kinds), "id"]]


NARROW_FROM = 50_000  # positions: below this, scanning them all is as quick as narrowing


@dataclass(frozen=True)
class _Rows:
    """The rows of a subset: the actors, and, narrowed, their positions' row numbers (None: all
    the briefing's positions); not narrowed, which of those positions the chosen authored and which
    are on the chosen issues, when already known (None: not yet)."""

    actors: pd.DataFrame
    rows: np.ndarray | None
    authored: np.ndarray | None = None
    on_issues: np.ndarray | None = None


def _row_actors(
    briefing: Briefing, chosen: Filters, who: list[str] | None, issues: pd.DataFrame, narrow: bool
) -> _Rows:
    """The rows: the chosen actors (of the chosen kinds), and the subjects of readings they made;
    and, narrowed, the briefing's row numbers of these actors' positions (None: look at all)."""
    actors = briefing.actors
    if who is None and not chosen.kinds:
        return _Rows(actors, None)
    rows = id_mask(actors, who) if who is not None else np.ones(len(actors), dtype=bool)
    if chosen.kinds:
        rows = rows & actors["kind"].isin(chosen.kinds).to_numpy(dtype=bool)
    # Readings made by the chosen are among their own rows and the briefing's readings (the
    # positions with an assessor); with kinds alone, among the rows of actors of those kinds.
    positions, pool = briefing.positions, None
    if narrow:
        authors = who if who is not None else _of_kind(briefing, chosen.kinds)
        pool = _sorted_union(briefing.rows_of(authors), briefing.assessed_rows)
        positions = positions[["actor", "issue", "assessed_by"]].iloc[pool]  # all this reads
    authored = _authored(briefing, positions, who, chosen.kinds)
    on_issues = _on_issues(briefing, chosen, positions, issues, pool)
    made = authored & on_issues
    # Distinct first (870,109 rows), by the category codes.
    codes = np.unique(positions["actor"].cat.codes.to_numpy()[made])
    read = [str(a) for a in positions["actor"].cat.categories[codes[codes >= 0]]]
    actors = actors[rows | id_mask(actors, read)]
    # Narrowed, every position in view is one of these actors'; not narrowed, the two masks are
    # over every position, as `apply` would make them again.
    if narrow:
        return _Rows(actors, briefing.rows_of(actors["id"]))
    return _Rows(actors, None, authored, on_issues)


def apply(briefing: Briefing, chosen: Filters, *, narrow: bool | None = None) -> Subset:
    """`narrow`: with actors or kinds chosen, look only at the positions of the rows' actors (their
    row numbers are kept per briefing), not at every position (default: for a briefing of at least
    NARROW_FROM positions); the result is the same either way (tests/test_filters_narrow.py)."""
    if narrow is None:
        narrow = len(briefing.positions) >= NARROW_FROM
    who = selected_actor_ids(briefing, chosen)
    issues = _issues(briefing, chosen)
    made = _row_actors(briefing, chosen, who, issues, narrow)
    actors, rows = made.actors, made.rows
    positions = briefing.positions if rows is None else briefing.positions.iloc[rows]
    on_issues = (
        made.on_issues
        if made.on_issues is not None
        else _on_issues(briefing, chosen, positions, issues, rows)
    )
    authored = (
        made.authored if made.authored is not None else _authored(briefing, positions, who, chosen.kinds)
    )

    in_scope = on_issues if rows is not None else on_issues & members(positions["actor"], actors["id"])
    scope = _rows(positions, in_scope)
    hides = []
    mask = in_scope & authored
    if not authored[in_scope].all():  # readings by others on the rows of those who made some
        hides.append("kind" if chosen.kinds and who is None else "actor")
    if chosen.date_from is not None or chosen.date_to is not None:
        mask = mask & _in_dates(positions["as_of"], chosen)
    if chosen.stances or chosen.bases:
        # A stance or basis filter asks about each cell's reading as it stands (within the dates):
        # an older reading that passes is never shown in place of a later one that does not
        # ("who is silent?" must not show China silent on the day before it spoke).
        current = np.zeros(len(positions), dtype=bool)
        if mask.any():
            held = latest_positions(positions[mask]) if briefing.has_history else positions[mask]
            current = np.isin(
                positions["position"].to_numpy(dtype=np.int64), held["position"].to_numpy(dtype=np.int64)
            )
        mask = mask & current
    if chosen.stances:
        mask = mask & members(positions["stance"], chosen.stances)
        hides.append("stance")
    if chosen.bases:
        mask = mask & members(positions["basis"], chosen.bases)
        hides.append("basis")
    if chosen.date_from is not None or chosen.date_to is not None:
        hides.append("date")
    # Mostly no record is left out past the scope: then the scope's frame is the one shown (a
    # second copy of each column of the same rows cost a few ms on a small briefing).
    shown = scope if np.array_equal(mask, in_scope) else _rows(positions, mask)

    quotes = _quotes(briefing, chosen, who, issues, shown)
    sources = _sources(briefing, quotes, shown)
    unknown_hidden = (bool(chosen.stances) and UNKNOWN not in chosen.stances) or bool(chosen.bases)
    return Subset(
        actors,
        issues,
        shown,
        scope,
        quotes,
        sources,
        briefing.has_history,
        tuple(hides),
        unknown_hidden,
        tuple(who or ()),
    )


PLAIN_UP_TO = 20_000  # rows: a column this long is read as a list (no pandas operation's fixed cost)


def _given(column: pd.Series) -> list[object]:
    """The column's values that are not missing, as `dropna()` keeps them, in order."""
    if len(column) > PLAIN_UP_TO:
        return list(column.dropna())
    return [v for v in column.tolist() if not (v is None or v is pd.NA or (isinstance(v, float) and v != v))]


def _sources(briefing: Briefing, quotes: pd.DataFrame, shown: pd.DataFrame) -> pd.DataFrame:
    """The sources behind the view: of its quotes, and those its positions cite directly (a vote's
    dataset, the questionnaire a party answered), so the UN votes do not read "0 sources"."""
    cited = shown["source"].dropna().unique() if len(shown) > PLAIN_UP_TO else _given(shown["source"])
    return briefing.sources[id_mask(briefing.sources, [*_given(quotes["source"]), *cited])]


def _quotes(
    briefing: Briefing, chosen: Filters, who: list[str] | None, issues: pd.DataFrame, shown: pd.DataFrame
) -> pd.DataFrame:
    """The words behind what is shown: the evidence for the positions in view, and (for chosen
    actors) their own words and those of whoever speaks for them."""
    quotes = briefing.quotes
    evidence = briefing.evidence
    cited = evidence["quote"].to_numpy(dtype=object)[
        np.isin(evidence["position"].to_numpy(dtype=np.int64), shown["position"].to_numpy(dtype=np.int64))
    ]
    qmask = id_mask(quotes, cited)
    if not (chosen.stances or chosen.bases):
        # Quotes nobody cited still belong to a view of their speakers; a stance or basis filter
        # asks about positions, so then only the evidence stays.
        speakers = _speakers(briefing, who, chosen.kinds)
        qmask = np.ones(len(quotes), dtype=bool) if speakers is None else qmask | _spoken_by(quotes, speakers)
    if chosen.issues or chosen.topics:
        on_issue = briefing.quote_issues.loc[briefing.quote_issues["issue"].isin(issues["id"]), "quote"]
        qmask = qmask & quotes["id"].isin(on_issue).to_numpy()
    if chosen.date_from is not None or chosen.date_to is not None:
        # The evidence of a position in view stays whatever the quote's date (an article published
        # on Saturday may hold Thursday's words); other quotes must fall within the dates.
        is_evidence = id_mask(quotes, cited)
        qmask = qmask & (is_evidence | _in_dates(quotes["when"], chosen))
    if chosen.query.strip():
        needle = fold(chosen.query.strip())
        folded = quotes["text"].map(fold) + "\n" + quotes["context"].fillna("").map(fold)
        qmask = qmask & folded.str.contains(needle, regex=False).to_numpy(dtype=bool)
    return quotes[qmask]


def _spoken_by(quotes: pd.DataFrame, speakers: list[str]) -> np.ndarray:
    """`quotes["speaker"].isin(speakers)` as a NumPy mask: for the briefing's quotes, a set lookup in
    their speakers listed once per briefing (an Arrow `isin` cost about 0.3 ms on the seed's 36)."""
    column = quotes["speaker"]
    if len(quotes) > PLAIN_UP_TO:
        return np.asarray(column.isin(speakers).to_numpy(dtype=bool))
    said = _kept(quotes, "speakers", column.tolist)
    wanted = set(speakers)
    return np.fromiter((s in wanted for s in said), dtype=bool, count=len(said))


def _speakers(briefing: Briefing, who: list[str] | None, kinds: tuple[str, ...]) -> list[str] | None:
    """Whose words a view of `who` (and `kinds`) includes; None: everyone's."""
    if who is None and not kinds:
        return None
    actors = briefing.actors
    pool = (
        actors["id"].tolist()
        if who is None
        else [*who, *(s for a in who for s in briefing.spokespeople.get(a, []))]
    )
    if kinds:
        of_kind = set(actors.loc[actors["kind"].isin(kinds), "id"])
        pool = [a for a in pool if a in of_kind]
    return list(dict.fromkeys(pool))


def latest_positions(positions: pd.DataFrame) -> pd.DataFrame:
    """One position per actor and issue: the most recent (undated ones count as oldest)."""
    if positions.empty:
        return positions
    rows = latest_rows(positions)
    if rows is not None:
        return positions.iloc[rows]
    ordered = positions.assign(_when=positions["as_of"].fillna(pd.Timestamp.min)).sort_values(
        ["_when", "position"], kind="stable"
    )
    return ordered.drop_duplicates(["actor", "issue"], keep="last").drop(columns="_when")


def latest_rows(positions: pd.DataFrame) -> np.ndarray | None:
    """The row numbers (in order) of the positions `latest_positions` keeps, for a frame whose actor
    and issue are categories and whose dates are datetime64; None for any other frame."""
    actor, issue, as_of = positions["actor"], positions["issue"], positions["as_of"]
    if not (
        isinstance(actor.dtype, pd.CategoricalDtype)
        and isinstance(issue.dtype, pd.CategoricalDtype)
        and np.issubdtype(as_of.dtype, np.datetime64)
    ):
        return None
    # The same rows in the same order, by category codes and NumPy (the frame's assign, sort and
    # drop_duplicates cost about 6 ms on a handful of rows). An undated position (NaT, the smallest
    # of datetime64) sorts first, as the oldest.
    when = as_of.to_numpy().view(np.int64)
    order = np.lexsort((positions["position"].to_numpy(dtype=np.int64), when))
    pair = (actor.cat.codes.to_numpy(dtype=np.int64)[order] + 1) * (len(issue.cat.categories) + 1) + (
        issue.cat.codes.to_numpy(dtype=np.int64)[order] + 1
    )
    _, first_from_end = np.unique(pair[::-1], return_index=True)
    keep = np.zeros(len(order), dtype=bool)
    keep[len(order) - 1 - first_from_end] = True
    rows: np.ndarray = order[keep]
    return rows


def empty_quotes_hint(briefing: Briefing, chosen: Filters) -> str:
    """What to change when no quote matches: the likeliest cause first."""
    if chosen.query.strip():
        return "No quotes match: clear the text search or widen the filters."
    if briefing.quotes.empty:
        return (
            "This briefing records no quotes: its positions rest on actions or data. Click a "
            "cell to see the record behind it."
        )
    if chosen.stances or chosen.bases:
        return "No quote is cited as evidence for the positions these filters show."
    return "No quotes match these filters: widen the actor, issue or date filters."
