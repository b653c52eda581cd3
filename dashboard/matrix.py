"""The stance matrix: one cell per actor and issue in view, with the record behind it (or none)."""

from __future__ import annotations

import numpy as np
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
    actor_ids = actors["id"].to_numpy(dtype=object)
    issue_ids = view.issues["id"].to_numpy(dtype=object)
    latest = latest_positions(view.positions)
    cells = pd.DataFrame({
        "actor": np.repeat(actor_ids, len(issue_ids)),
        "issue": np.tile(issue_ids, len(actor_ids)),
    })
    record = latest.set_index([latest["actor"].astype(str), latest["issue"].astype(str)])
    found = record.reindex(pd.MultiIndex.from_arrays([cells["actor"], cells["issue"]]))
    history = view.positions.groupby(["actor", "issue"], observed=True).size()
    history.index = history.index.set_levels(
        [history.index.levels[0].astype(str), history.index.levels[1].astype(str)])
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
        assessed_by=found["assessed_by"].map(names).fillna("").to_numpy(),
        n_quotes=found["position"].map(evidence).fillna(0).astype(int).to_numpy(),
        n_positions=history.reindex(found.index).fillna(0).astype(int).to_numpy(),
    )
    cells["actor_name"] = cells["actor"].map(names)
    cells["actor_kind"] = cells["actor"].map(kind)
    cells["issue_title"] = cells["issue"].map(briefing.issue_titles)
    return cells


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
