"""The stance matrix: one cell per actor and issue in view, with the record behind it (or none)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.briefing import Briefing
from dashboard.filters import View
from dashboard.records import ACTOR_KINDS, STANCE_LABELS, STANCES, UNKNOWN
from dashboard.selection import Selection

# Colour is never the only carrier: each stance has a glyph drawn in its cell.
GLYPHS: dict[str, str] = {
    "strongly_support": "++",
    "support": "+",
    "neutral": "0",
    "oppose": "−",
    "strongly_oppose": "−−",
    "mixed": "±",
    "silent": "…",
    UNKNOWN: "·",
}
BASIS_MARKS: dict[str, str] = {"stated": "", "action": "!", "inferred": "?", "reported": "ʳ"}
BASIS_LABELS: dict[str, str] = {
    "stated": "said it (own words)",
    "action": "did it (action)",
    "inferred": "inferred by someone else",
    "reported": "reported by a third party",
}
KIND_LABELS: dict[str, str] = {
    "state": "States",
    "organization": "Organizations",
    "official": "Officials",
    "expert": "Experts",
    "other": "Others",
}
MAX_ACTORS = 60  # rows drawn at once; more are paged by the view
MAX_ISSUES = 30  # columns drawn at once: 30 x 27 px fits beside the row labels on a laptop


def actor_order(actors: pd.DataFrame, briefing: Briefing | None = None) -> pd.DataFrame:
    """Rows grouped by kind (states first), then by name. With the briefing, reuses its ranking."""
    if briefing is not None:
        rank = actors["id"].map(briefing.actor_rank).to_numpy()
        return actors.iloc[np.argsort(rank, kind="stable")]
    order = actors.assign(_kind=actors["kind"].cat.codes, _name=actors["name"].str.casefold())
    return order.sort_values(["_kind", "_name"], kind="stable").drop(columns=["_kind", "_name"])


def build(
    briefing: Briefing,
    view: View,
    actors: pd.DataFrame | None = None,
    issues: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every actor x issue cell shown, stance `unknown` where there is no record at all.

    `actors` and `issues` (default: all in view, actors grouped by kind) are the rows and columns
    drawn, in order; only their positions are touched, so a page of a huge briefing stays cheap.
    """
    actors = actor_order(view.actors, briefing) if actors is None else actors
    issues = view.issues if issues is None else issues
    actor_ids = actors["id"].to_numpy(dtype=object)
    issue_ids = issues["id"].to_numpy(dtype=object)
    positions = view.positions
    if len(actors) < len(view.actors) or len(issues) < len(view.issues):
        positions = positions[positions["actor"].isin(actor_ids).to_numpy()
                              & positions["issue"].isin(issue_ids).to_numpy()]
    latest = view.latest(positions)
    view = View(actors, issues, positions, view.quotes, view.sources, view.include_unknown,
                view.history)
    cells = pd.DataFrame({
        "actor": np.repeat(actor_ids, len(issue_ids)),
        "issue": np.tile(issue_ids, len(actor_ids)),
    })
    record = latest.set_index([latest["actor"].astype(str), latest["issue"].astype(str)])
    found = record.reindex(pd.MultiIndex.from_arrays([cells["actor"], cells["issue"]]))
    stance = found["stance"].astype(object).to_numpy()
    has_record = pd.notna(stance)
    if not view.include_unknown:
        keep = has_record
        cells, found, stance, has_record = cells[keep], found[keep], stance[keep], has_record[keep]
    stance = np.where(has_record, stance, UNKNOWN)
    basis = found["basis"].astype(object).to_numpy()
    names = briefing.actor_names
    kind = dict(zip(actors["id"], actors["kind"].astype(str).map(KIND_LABELS), strict=True))
    evidence = briefing.evidence.groupby("position").size()
    cells = cells.reset_index(drop=True).assign(
        stance=pd.Categorical(stance, categories=[*STANCES, UNKNOWN], ordered=True),
        stance_label=[STANCE_LABELS[s] for s in stance],
        glyph=[GLYPHS[s] + BASIS_MARKS.get(b, "") if isinstance(b, str) else GLYPHS[s]
               for s, b in zip(stance, basis, strict=True)],
        basis=basis,
        basis_label=[BASIS_LABELS.get(b, "—") if isinstance(b, str) else "—" for b in basis],
        confidence=found["confidence"].astype(object).fillna("—").to_numpy(),
        as_of=pd.to_datetime(found["as_of"]).dt.strftime("%Y-%m-%d").fillna("—").to_numpy(),
        summary=found["summary"].astype(object).fillna("No record in this briefing").to_numpy(),
        assessed_by=found["assessed_by"].map(names).fillna("—").to_numpy(),
        n_quotes=found["position"].map(evidence).fillna(0).astype(int).to_numpy(),
        n_positions=_positions_per_cell(view, found.index, has_record),
    )
    cells["actor_name"] = cells["actor"].map(names)
    cells["actor_kind"] = cells["actor"].map(kind)
    cells["issue_title"] = cells["issue"].map(briefing.issue_titles)
    return cells


def _positions_per_cell(view: View, cells: pd.MultiIndex, has_record: np.ndarray) -> np.ndarray:
    """How many positions (over time) each cell has: one per record unless the briefing has history."""
    if not view.history:
        return has_record.astype(int)
    history = view.positions.groupby(["actor", "issue"], observed=True).size()
    history.index = history.index.set_levels(
        [history.index.levels[0].astype(str), history.index.levels[1].astype(str)])
    return history.reindex(cells).fillna(0).astype(int).to_numpy()


# ------------------------------------------------------------------------------- large briefings

ORDERED_DIRECTION = np.array([1, 1, 0, -1, -1, np.nan, np.nan])  # stance code -> for/neutral/against


@dataclass(frozen=True)
class MatrixPage:
    """What the matrix draws for a selection: one page of rows, a bounded set of columns."""

    cells: pd.DataFrame
    actors_total: int
    issues_total: int
    issues_shown: int
    page: int
    pages: int
    alignment: pd.Series  # actor id -> share of agreement with `selection.align` (empty if none)


def visible_issues(
    issues: pd.DataFrame, limit: int = MAX_ISSUES, briefing: Briefing | None = None
) -> pd.DataFrame:
    """All issues if they fit, else the most recent `limit` (by date, then file order), oldest first."""
    if len(issues) <= limit:
        return issues
    if briefing is not None:  # the briefing ranks its issues once; no sort per rerun
        rank = issues["id"].map(briefing.issue_recency).to_numpy()
        return issues.iloc[np.argsort(rank, kind="stable")[-limit:]]
    if issues["date"].notna().any():
        ranked = issues.assign(_order=np.arange(len(issues))).sort_values(
            ["date", "_order"], na_position="first", kind="stable")
        return ranked.tail(limit).drop(columns="_order")
    return issues.tail(limit)


def alignment(view: View, reference: str) -> pd.Series:
    """Share of issues in view on which each actor's latest stance has the reference's direction.

    Support and strong support count as one direction, oppose and strong oppose as the other,
    neutral as a third; mixed and silent take no side and are left out. Works on category codes
    with numpy, so 200 states x 6,203 resolutions take tens of milliseconds.
    """
    latest = view.latest()
    actors = latest["actor"].cat.categories
    if latest.empty or reference not in actors:
        return pd.Series(dtype=float)
    direction = ORDERED_DIRECTION[latest["stance"].cat.codes.to_numpy()]
    issue_codes = latest["issue"].cat.codes.to_numpy()
    actor_codes = latest["actor"].cat.codes.to_numpy()
    is_reference = actor_codes == actors.get_loc(reference)
    reference_by_issue = np.full(len(latest["issue"].cat.categories), np.nan)
    reference_by_issue[issue_codes[is_reference]] = direction[is_reference]
    theirs = reference_by_issue[issue_codes]
    comparable = ~np.isnan(direction) & ~np.isnan(theirs)
    agree = comparable & (direction == theirs)
    counted = np.bincount(actor_codes, weights=comparable, minlength=len(actors))
    agreed = np.bincount(actor_codes, weights=agree, minlength=len(actors))
    with np.errstate(invalid="ignore", divide="ignore"):
        share = pd.Series(agreed / counted, index=actors)
    return share.dropna()


def ordered_rows(
    actors: pd.DataFrame, agreement: pd.Series, reference: str, briefing: Briefing | None = None
) -> pd.DataFrame:
    """Actors grouped by kind; or, when aligning, the reference first then by agreement."""
    if agreement.empty:
        return actor_order(actors, briefing)
    share = actors["id"].map(agreement).fillna(-1.0)
    share = share.where(actors["id"] != reference, 2.0)
    ordered = actors.assign(_share=share.to_numpy(), _name=actors["name"].str.casefold())
    return ordered.sort_values(["_share", "_name"], ascending=[False, True], kind="stable").drop(
        columns=["_share", "_name"])


def page_of(briefing: Briefing, view: View, selection: Selection) -> MatrixPage:
    agreement = alignment(view, selection.align) if selection.align else pd.Series(dtype=float)
    rows = ordered_rows(view.actors, agreement, selection.align, briefing)
    pages = max(1, -(-len(rows) // MAX_ACTORS))
    page = min(max(selection.page, 1), pages)
    shown_rows = rows.iloc[(page - 1) * MAX_ACTORS: page * MAX_ACTORS]
    if selection.group == "topics":
        cells = topic_cells(briefing, view, shown_rows)
        shown_issues = cells["issue"].nunique() if not cells.empty else 0
    else:
        columns = visible_issues(view.issues, briefing=briefing)
        cells = build(briefing, view, shown_rows, columns)
        shown_issues = len(columns)
    if not agreement.empty and not cells.empty:
        cells["actor_kind"] = "Ordered by agreement"
    return MatrixPage(cells, len(rows), len(view.issues), shown_issues, page, pages, agreement)


NO_TOPIC = "(no topic)"


def topic_cells(briefing: Briefing, view: View, actors: pd.DataFrame) -> pd.DataFrame:
    """Actor x topic: the share of support among their positions on the topic's issues."""
    positions = view.positions[view.positions["actor"].isin(actors["id"]).to_numpy()]
    latest = view.latest(positions)
    topic_of = view.issues.set_index("id")["topic"].fillna(NO_TOPIC)
    codes = latest["stance"].cat.codes.to_numpy()
    direction = ORDERED_DIRECTION[codes]
    # Aggregate on codes: (actor code, topic code) -> counts, without a string per position.
    issue_topics = pd.Categorical(
        pd.Series(latest["issue"].cat.categories).map(topic_of).fillna(NO_TOPIC))
    topic_codes = issue_topics.codes[latest["issue"].cat.codes.to_numpy()]
    n_topics = len(issue_topics.categories)
    actor_categories = latest["actor"].cat.categories
    cell = latest["actor"].cat.codes.to_numpy().astype("int64") * n_topics + topic_codes
    size = len(actor_categories) * n_topics

    def count(mask: np.ndarray) -> np.ndarray:
        return np.bincount(cell, weights=mask, minlength=size).astype(int)

    stance_names = np.array(latest["stance"].cat.categories)
    counts = {
        "support": count(direction == 1),
        "oppose": count(direction == -1),
        "counted": count(~np.isnan(direction)),
        "silent": count(stance_names[codes] == "silent") if len(codes) else np.zeros(size, int),
        "mixed": count(stance_names[codes] == "mixed") if len(codes) else np.zeros(size, int),
    }
    index = pd.MultiIndex.from_product([actor_categories, issue_topics.categories],
                                       names=["actor", "topic"])
    totals = pd.DataFrame(counts, index=index)
    topics = sorted(topic_of.unique().tolist())
    grid = pd.MultiIndex.from_product([actors["id"].tolist(), topics], names=["actor", "topic"])
    cells = totals.reindex(grid).fillna(0).astype(int).reset_index()
    counted = cells["counted"].replace(0, np.nan)
    cells["share"] = (cells["support"] / counted).round(3)
    names = briefing.actor_names
    kind = dict(zip(actors["id"], actors["kind"].astype(str).map(KIND_LABELS), strict=True))
    has = cells["counted"] > 0
    cells["glyph"] = np.where(has, (cells["share"] * 100).round().astype("Int64").astype(str) + "%",
                              GLYPHS[UNKNOWN])
    cells["stance"] = np.where(has, "share", UNKNOWN)
    off_line = (", " + cells["silent"].astype(str) + " silent").where(cells["silent"] > 0, "") + (
        ", " + cells["mixed"].astype(str) + " mixed").where(cells["mixed"] > 0, "")
    cells["summary"] = np.where(
        has,
        cells["support"].astype(str) + " for, " + cells["oppose"].astype(str) + " against, of "
        + cells["counted"].astype(str) + " on the line" + off_line,
        np.where(cells["silent"] + cells["mixed"] > 0, "No stance on the line" + off_line,
                 "No position on this topic"),
    )
    # Silence on every issue of a topic is a recorded fact: it gets the silent glyph, not "no record".
    only_silent = ~has & (cells["silent"] > 0)
    cells["glyph"] = cells["glyph"].where(~only_silent, GLYPHS["silent"])
    cells["actor_name"] = cells["actor"].map(names)
    cells["actor_kind"] = cells["actor"].map(kind)
    cells["issue"] = cells["topic"]
    cells["issue_title"] = cells["topic"]
    return cells


def as_table(cells: pd.DataFrame) -> pd.DataFrame:
    """Actors as rows, issues as columns, stance labels in the cells: for Markdown and CSV."""
    if cells.empty:
        return pd.DataFrame()
    if "stance_label" not in cells:  # topic shares
        table = cells.pivot(index="actor_name", columns="issue_title", values="glyph")
        return table.reindex(index=list(dict.fromkeys(cells["actor_name"])),
                             columns=list(dict.fromkeys(cells["issue_title"])))
    label = cells["stance_label"] + cells["basis_label"].map(
        lambda b: "" if b in ("—", BASIS_LABELS["stated"]) else f" ({b})"
    )
    table = cells.assign(label=label).pivot(index="actor_name", columns="issue_title",
                                            values="label")
    rows = list(dict.fromkeys(cells["actor_name"]))
    columns = list(dict.fromkeys(cells["issue_title"]))
    return table.reindex(index=rows, columns=columns)


def kinds_in_order(cells: pd.DataFrame) -> list[str]:
    present = set(cells["actor_kind"])
    return [KIND_LABELS[k] for k in ACTOR_KINDS if KIND_LABELS[k] in present]
