"""The stance matrix: one cell per actor and issue in view, with the record behind it (or none)."""

from __future__ import annotations

import pandas as pd

from dashboard.briefing import Briefing
from dashboard.filters import View, latest_positions
from dashboard.records import ACTOR_KINDS, STANCE_LABELS, STANCES, UNKNOWN

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
MAX_ISSUES = 40


def actor_order(actors: pd.DataFrame) -> pd.DataFrame:
    """Rows grouped by kind (states first), then by name."""
    order = actors.assign(_kind=actors["kind"].cat.codes, _name=actors["name"].str.casefold())
    return order.sort_values(["_kind", "_name"], kind="stable").drop(columns=["_kind", "_name"])


def build(briefing: Briefing, view: View) -> pd.DataFrame:
    """Every actor x issue cell in view, stance `unknown` where there is no record at all."""
    actors = actor_order(view.actors)
    issues = view.issues
    latest = latest_positions(view.positions)
    history = view.positions.groupby(["actor", "issue"], observed=True).size().rename("n_positions")
    evidence = briefing.evidence.groupby("position").size()
    grid = pd.MultiIndex.from_product([actors["id"], issues["id"]], names=["actor", "issue"])
    cells = pd.DataFrame(index=grid).reset_index()
    keyed = latest.assign(actor=latest["actor"].astype(str), issue=latest["issue"].astype(str))
    cells = cells.merge(
        keyed[["actor", "issue", "position", "stance", "basis", "confidence", "as_of", "summary",
               "assessed_by"]],
        on=["actor", "issue"],
        how="left",
    )
    if not view.include_unknown:
        cells = cells[cells["position"].notna()]
    stance = cells["stance"].astype(str).where(cells["stance"].notna(), UNKNOWN)
    cells["stance"] = pd.Categorical(stance, categories=[*STANCES, UNKNOWN], ordered=True)
    cells["stance_label"] = cells["stance"].map(STANCE_LABELS).astype(str)
    basis = cells["basis"].astype(object)
    cells["glyph"] = cells["stance"].map(GLYPHS).astype(str) + basis.map(BASIS_MARKS).fillna("")
    cells["basis_label"] = basis.map(BASIS_LABELS).fillna("—")
    cells["confidence"] = cells["confidence"].astype(object).fillna("—")
    cells["as_of"] = pd.to_datetime(cells["as_of"]).dt.strftime("%Y-%m-%d").fillna("—")
    cells["summary"] = cells["summary"].fillna("No record in this briefing")
    names = briefing.actor_names
    cells["assessed_by"] = cells["assessed_by"].map(names).fillna("")
    cells["n_quotes"] = cells["position"].map(evidence).fillna(0).astype(int)
    cells["n_positions"] = [
        int(history.get((a, i), 0)) for a, i in zip(cells["actor"], cells["issue"], strict=True)
    ]
    kind = actors.set_index("id")["kind"].astype(str)
    cells["actor_name"] = cells["actor"].map(names)
    cells["actor_kind"] = cells["actor"].map(kind).map(KIND_LABELS)
    cells["issue_title"] = cells["issue"].map(briefing.issue_titles)
    return cells.drop(columns=["position"]).reset_index(drop=True)


def as_table(cells: pd.DataFrame) -> pd.DataFrame:
    """Actors as rows, issues as columns, stance labels in the cells: for Markdown and CSV."""
    if cells.empty:
        return pd.DataFrame()
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
