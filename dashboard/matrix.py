"""The stance matrix as drawn: a page of rows and a page of columns of readings, or shares per topic.

Two kinds of grid, each its own type: `StanceGrid` (actor x issue readings, see `reading.grid`) and
`TopicGrid` (actor x topic: how an actor's positions on a topic's issues divide). Both say how much
of the subset they show, so the page can say what it left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard import alignment
from dashboard.briefing import Briefing
from dashboard.filters import Subset, kept_for, members
from dashboard.reading import grid
from dashboard.records import UNKNOWN
from dashboard.selection import Filters, MatrixState
from dashboard.vocabulary import GLYPHS, HIDDEN, KIND_LABELS, ORDINAL

MAX_ACTORS = 60  # rows drawn at once; more are paged
MAX_ISSUES = 20  # columns drawn at once, so a laptop shows them all beside the row names
COMPACT_ISSUES = 6  # on a phone
THIN = 3  # a topic share resting on fewer positions than this is drawn pale: thin evidence


def actor_order(actors: pd.DataFrame, briefing: Briefing | None = None) -> pd.DataFrame:
    """Rows grouped by kind (states first), then by name. With the briefing, reuses its ranking."""
    if briefing is not None:  # the ranks by a dict kept per briefing, not `Series.map` (Arrow strings)
        ranks = kept_for(briefing, "actor-rank", lambda: briefing.actor_rank.to_dict())
        rank = np.array([ranks.get(a, np.nan) for a in actors["id"].tolist()])
        return actors.iloc[np.argsort(rank, kind="stable")]
    order = actors.assign(_kind=actors["kind"].cat.codes, _name=actors["name"].str.casefold())
    return order.sort_values(["_kind", "_name"], kind="stable").drop(columns=["_kind", "_name"])


@dataclass(frozen=True)
class Agreement:
    """How often each actor's latest stance took the reference actor's side, over shared issues."""

    reference: str
    share: pd.Series  # actor id -> share of shared issues on which it took the same side
    shared: pd.Series  # actor id -> how many issues both took a side on
    minimum: int
    first: pd.Series = field(default_factory=pd.Series)  # actor id -> earliest shared issue's as-of
    last: pd.Series = field(default_factory=pd.Series)  # actor id -> latest one's

    def ranked(self, actor: str) -> bool:
        return int(self.shared.get(actor, 0)) >= self.minimum

    def label(self, actor: str) -> str:
        """'74% same side (1946–2020, n = 857)' (coincidence), or 'too few shared (1971, n = 3)':
        never a rate without what it counts."""
        n = int(self.shared.get(actor, 0))
        if actor == self.reference:
            return "reference"
        period = alignment.period_text(self.first.get(actor), self.last.get(actor))
        if n < self.minimum:
            return f"too few shared ({period}, n = {n:,})"
        return f"{self.share.get(actor, 0):.0%} same side ({period}, n = {n:,})"


@dataclass(frozen=True)
class Window:
    """Which slice of the rows and columns a grid shows."""

    actors_total: int
    issues_total: int
    rows_page: int = 1
    rows_pages: int = 1
    first_issue: int = 1  # 1-based number of the first column shown, in date-then-file order
    per_page: int = MAX_ISSUES  # columns shown at most
    issues_shown: int = 0
    actors_shown: int = 0
    empty_left_out: int = 0  # rows with no cell a stance or basis filter lets through


@dataclass(frozen=True)
class StanceGrid:
    cells: pd.DataFrame  # reading.grid columns, plus actor_label (the row's text)
    window: Window
    agreement: Agreement | None = None


@dataclass(frozen=True)
class TopicGrid:
    cells: pd.DataFrame  # actor, topic, counts per side, lean, share_for, glyph, summary, labels
    window: Window
    agreement: Agreement | None = None
    topics: list[str] = field(default_factory=list)


MatrixGrid = StanceGrid | TopicGrid


def issue_order(briefing: Briefing, issues: pd.DataFrame) -> pd.DataFrame:
    """Issues by date, oldest first, then in the order the file gives them (undated first)."""
    if issues is briefing.issues:  # nothing chosen: the briefing keeps them sorted
        return briefing.issues_oldest_first
    rank = issues["id"].map(briefing.issue_recency).to_numpy()
    return issues.iloc[np.argsort(rank, kind="stable")]


def opens_on_newest(issues: pd.DataFrame) -> bool:
    """Whether the columns open on the newest issues: when the issues are dated on several days.
    Issues that share one date (a questionnaire) open on the first, in the file's order."""
    return bool(issues["date"].nunique() > 1)


def column_window(issues: pd.DataFrame, first: int, per_page: int = MAX_ISSUES) -> tuple[int, int]:
    """(start, stop) of the columns shown. `first` is the 1-based number of the first (0: where the
    briefing opens: the newest issues when they are dated on several days, else the first)."""
    n = len(issues)
    if first <= 0:
        start = max(0, n - per_page) if opens_on_newest(issues) else 0
    else:
        start = min(first, max(n, 1)) - 1
    return start, min(n, start + per_page)


def _columns(
    briefing: Briefing, subset: Subset, first_column: int, per_page: int
) -> tuple[pd.DataFrame, int]:
    ordered = issue_order(briefing, subset.issues)
    start, stop = column_window(ordered, first_column, per_page)
    return ordered.iloc[start:stop], start + 1


def minimum_shared(briefing: Briefing) -> int:
    """Fewest shared issues for a rate to be shown and ranked: one rule for every measure on every
    view (alignment.MIN_SHARED_ISSUES). A hand briefing of a few issues is too thin throughout,
    which is what it is."""
    del briefing  # the same bar for every briefing
    return alignment.MIN_SHARED_ISSUES


def scope_of(subset: Subset, chosen: Filters) -> alignment.Scope:
    """The agreement measures' scope for the filters: the issues in view, the dates and bases."""
    issues = tuple(subset.issues["id"]) if (chosen.issues or chosen.topics) else None
    return alignment.Scope(
        issues=issues, date_from=chosen.date_from, date_to=chosen.date_to, bases=chosen.bases or None
    )


def agreement_with(briefing: Briefing, subset: Subset, chosen: Filters, reference: str) -> Agreement:
    """Coincidence with the reference actor: the share of issues on which both took a side where
    they took the same one (alignment.agreement, as the alignment view and
    `python -m dashboard agreement` compute it)."""
    minimum = minimum_shared(briefing)
    # Every row is measured, those who speak for the reference too (the matrix shows their rows;
    # only the partners table leaves them out by default).
    frame = alignment.agreement(
        briefing,
        reference,
        list(briefing.actors["id"]),
        measures=("coincidence",),
        scope=scope_of(subset, chosen),
        min_n=minimum,
    )
    by_other = frame.set_index("other")
    return Agreement(
        reference,
        by_other["value"].dropna(),
        by_other["n"].astype(int),
        minimum,
        by_other["first"],
        by_other["last"],
    )


def _rows(briefing: Briefing, actors: pd.DataFrame, agreement: Agreement | None) -> pd.DataFrame:
    """Actors grouped by kind; or, when aligning, the reference first, then the ranked by share,
    then those with too few shared issues (by name)."""
    if agreement is None:
        return actor_order(actors, briefing)
    ids = actors["id"]
    share = ids.map(agreement.share).fillna(-1.0).where(ids.map(lambda a: agreement.ranked(a)), -2.0)
    share = share.where(ids != agreement.reference, 2.0)
    ordered = actors.assign(_share=share.to_numpy(), _name=actors["name"].str.casefold())
    return ordered.sort_values(["_share", "_name"], ascending=[False, True], kind="stable").drop(
        columns=["_share", "_name"]
    )


def _non_empty_rows(briefing: Briefing, subset: Subset, rows: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Under a stance or basis filter, rows with nothing that passes are left out (and counted)."""
    if not ({"stance", "basis"} & set(subset.hides)):
        return rows, 0
    keep = rows["id"].isin(subset.positions["actor"].unique().astype(str))  # distinct first, then text
    return rows[keep.to_numpy()], int((~keep).sum())


def grid_of(
    briefing: Briefing, subset: Subset, chosen: Filters, state: MatrixState, *, per_page: int = MAX_ISSUES
) -> MatrixGrid:
    """What the matrix draws: one page of rows, a window of columns (the filters give the
    agreement's scope when the rows are sorted by agreement)."""
    agreement = agreement_with(briefing, subset, chosen, state.sort_by) if state.sort_by else None
    rows, left_out = _non_empty_rows(briefing, subset, _rows(briefing, subset.actors, agreement))
    rows_pages = max(1, -(-len(rows) // MAX_ACTORS))
    rows_page = min(max(state.rows_page, 1), rows_pages)
    shown = rows.iloc[(rows_page - 1) * MAX_ACTORS : rows_page * MAX_ACTORS]
    if state.group == "topics" and briefing.topics:
        cells, topics = topic_cells(briefing, subset, shown)
        window = Window(
            len(rows),
            len(subset.issues),
            rows_page,
            rows_pages,
            issues_shown=len(topics),
            actors_shown=len(shown),
            empty_left_out=left_out,
        )
        return TopicGrid(_labelled(cells, agreement), window, agreement, topics)
    columns, first = _columns(briefing, subset, state.first_column, per_page)
    cells = grid(briefing, subset, shown, columns)
    window = Window(
        len(rows),
        len(subset.issues),
        rows_page,
        rows_pages,
        first,
        per_page,
        len(columns),
        len(shown),
        left_out,
    )
    return StanceGrid(_labelled(cells, agreement), window, agreement)


NAME_BESIDE_FIGURE = 24  # characters of a row's name kept beside its agreement figure


def short_name(name: str, limit: int = NAME_BESIDE_FIGURE) -> str:
    """A name cut (with an ellipsis) so the figure after it is never the part that is cut."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def _labelled(cells: pd.DataFrame, agreement: Agreement | None) -> pd.DataFrame:
    """The row's label: the actor's name, and when aligning, its agreement with the reference."""
    if agreement is None or cells.empty:
        # `cells` is the grid just made for this call (never a frame kept elsewhere): the column
        # goes into it, not into a copy of its twenty columns.
        cells["actor_label"] = cells["actor_name"] if not cells.empty else pd.Series(dtype=object)
        return cells
    names = dict(zip(cells["actor"], cells["actor_name"], strict=False))
    labels = {a: f"{short_name(str(names[a]))} · {agreement.label(a)}" for a in cells["actor"].unique()}
    cells = cells.assign(actor_label=cells["actor"].map(labels))
    cells["actor_kind"] = np.where(
        cells["actor"].map(agreement.ranked) | (cells["actor"] == agreement.reference),
        "Ordered by agreement",
        f"Fewer than {agreement.minimum} shared issues: not ranked",
    )
    return cells


NO_TOPIC = "(no topic)"


def topic_cells(briefing: Briefing, subset: Subset, actors: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Actor x topic: how the actor's latest positions on the topic's issues divide.

    `lean` is (for − against) / positions on the line, neutral included, so a party that is neutral
    on every thesis leans 0, not "against"; `share_for` is the share in support; `counted` the
    positions behind both, so a share of one vote can be drawn paler than a share of five hundred.
    """
    positions = subset.positions[members(subset.positions["actor"], actors["id"])]
    latest = subset.latest(positions)
    topic_of = subset.issues.set_index("id")["topic"].fillna(NO_TOPIC)
    codes = latest["stance"].cat.codes.to_numpy()
    stance_names = np.array(latest["stance"].cat.categories, dtype=object)
    ordinal = np.array([ORDINAL.get(s, np.nan) for s in stance_names], dtype=float)
    value = ordinal[codes] if len(codes) else np.array([], dtype=float)
    issue_topics = pd.Categorical(pd.Series(latest["issue"].cat.categories).map(topic_of).fillna(NO_TOPIC))
    topic_codes = issue_topics.codes[latest["issue"].cat.codes.to_numpy()]
    n_topics = len(issue_topics.categories)
    actor_categories = latest["actor"].cat.categories
    cell = latest["actor"].cat.codes.to_numpy().astype("int64") * n_topics + topic_codes
    size = len(actor_categories) * n_topics
    names = stance_names[codes] if len(codes) else np.array([], dtype=object)

    def count(mask: np.ndarray) -> np.ndarray:
        return np.bincount(cell, weights=mask, minlength=size).astype(int)

    basis = latest["basis"].astype(str).to_numpy() if len(codes) else np.array([], dtype=object)
    on_line = ~np.isnan(value) if len(codes) else np.array([], dtype=bool)
    counts = {
        "for": count(value > 0),
        "against": count(value < 0),
        "neutral": count(value == 0),
        "silent": count(names == "silent"),
        "mixed": count(names == "mixed"),
        # Of the positions on the line, those that are someone else's reading of the actor.
        "inferred": count(on_line & (basis == "inferred")),
        "reported": count(on_line & (basis == "reported")),
    }
    index = pd.MultiIndex.from_product([actor_categories, issue_topics.categories], names=["actor", "topic"])
    totals = pd.DataFrame(counts, index=index)
    topics = sorted(topic_of.unique().tolist())
    cells_index = pd.MultiIndex.from_product([actors["id"].tolist(), topics], names=["actor", "topic"])
    cells = totals.reindex(cells_index).fillna(0).astype(int).reset_index()
    counted = cells["for"] + cells["against"] + cells["neutral"]
    has = counted > 0
    safe = counted.replace(0, np.nan)
    cells["counted"] = counted
    cells["lean"] = ((cells["for"] - cells["against"]) / safe).round(3)
    cells["share_for"] = (cells["for"] / safe).round(3)
    cells["thin"] = has & (counted < THIN)
    percent = (cells["share_for"] * 100).round().astype("Int64").astype(str)
    # The matrix's marks for a second-hand reading: "?" inferred, "ʳ" reported, here when any of the
    # positions counted is one (the summary says how many).
    marks = pd.Series(np.where(cells["inferred"] > 0, "?", ""), index=cells.index) + np.where(
        cells["reported"] > 0, "ʳ", ""
    )
    cells["glyph"] = np.where(
        has,
        percent + "%" + marks + " (" + counted.astype(str) + ")",
        np.where(cells["silent"] > 0, GLYPHS["silent"], GLYPHS["unknown"]),
    )
    cells["state"] = np.where(has, "share", np.where(cells["silent"] > 0, "silent", "unknown"))
    second = cells["inferred"] + cells["reported"]
    second_hand = (
        " ("
        + second.astype(str)
        + " of them second-hand: "
        + cells["inferred"].astype(str)
        + " inferred, "
        + cells["reported"].astype(str)
        + " reported)"
    ).where(second > 0, "")
    off_line = (", " + cells["silent"].astype(str) + " silent").where(cells["silent"] > 0, "") + (
        ", " + cells["mixed"].astype(str) + " mixed"
    ).where(cells["mixed"] > 0, "")
    cells["summary"] = np.where(
        has,
        cells["for"].astype(str)
        + " for, "
        + cells["against"].astype(str)
        + " against, "
        + cells["neutral"].astype(str)
        + " neutral, of "
        + counted.astype(str)
        + " positions"
        + second_hand
        + off_line,
        np.where(
            cells["silent"] + cells["mixed"] > 0,
            "No stance on the line" + off_line,
            "No position on this topic",
        ),
    )
    kind = dict(zip(actors["id"], actors["kind"].astype(str).map(KIND_LABELS), strict=True))
    cells["actor_name"] = cells["actor"].map(briefing.actor_names)
    cells["actor_kind"] = cells["actor"].map(kind)
    return cells, topics


def as_table(matrix: MatrixGrid) -> pd.DataFrame:
    """Actors as rows, issues (or topics) as columns, each cell's reading in words: for the note."""
    cells = matrix.cells
    if cells.empty:
        return pd.DataFrame()
    column, value = ("topic", "summary") if isinstance(matrix, TopicGrid) else ("issue_title", "reading")
    table = cells.pivot(index="actor_name", columns=column, values=value)
    return table.reindex(
        index=list(dict.fromkeys(cells["actor_name"])), columns=list(dict.fromkeys(cells[column]))
    )


def visible_cells(matrix: MatrixGrid) -> int:
    """Cells that show a record: neither hidden by a filter nor without any record."""
    if isinstance(matrix, TopicGrid):
        return int((matrix.cells["state"] != "unknown").sum())
    # Over the column as a list: a cast and an `isin` of an Arrow column cost about 1 ms on a page.
    return sum(str(stance) not in (HIDDEN, UNKNOWN) for stance in matrix.cells["stance"].tolist())
