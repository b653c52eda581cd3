"""The stance matrix region: the heatmap with click-to-select, and its legend of marks."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.charts import CELL_SELECTION, matrix_data, stance_matrix_spec
from dashboard.matrix import MAX_ACTORS, MAX_ISSUES

CHART_KEY = "matrix"


def render_matrix(cells: pd.DataFrame) -> tuple[str, str] | None:
    """Draw the matrix; return the (actor, issue) the person clicked, if any."""
    st.subheader("Stance matrix", anchor=False)
    if cells.empty:
        st.info("No positions match these filters: widen the stance, basis or date filters, or "
                "press Reset filters.")
        return None
    actors = list(dict.fromkeys(cells["actor"]))
    issues = list(dict.fromkeys(cells["issue"]))
    if len(actors) > MAX_ACTORS or len(issues) > MAX_ISSUES:
        st.caption(f"Showing the first {min(len(actors), MAX_ACTORS)} of {len(actors):,} actors and "
                   f"{min(len(issues), MAX_ISSUES)} of {len(issues):,} issues: narrow the filters "
                   "to see others.")
        cells = cells[cells["actor"].isin(actors[:MAX_ACTORS])
                      & cells["issue"].isin(issues[:MAX_ISSUES])]
    st.caption("Marks after a stance: **!** shown by action · **?** inferred by someone else "
               "(dashed outline) · **ʳ** reported by a third party. Paler cells: lower "
               "confidence. Click a cell for its quotes; double-click to clear.")
    event = st.vega_lite_chart(matrix_data(cells), stance_matrix_spec(), on_select="rerun",
                               key=CHART_KEY, selection_mode=[CELL_SELECTION], width="content")
    return selected_cell(event)


def selected_cell(event: object) -> tuple[str, str] | None:
    try:
        points = event["selection"][CELL_SELECTION]  # type: ignore[index]
    except (KeyError, TypeError):
        return None
    if not points:
        return None
    point = points[0]
    actor, issue = point.get("actor"), point.get("issue")
    if isinstance(actor, str) and isinstance(issue, str):
        return actor, issue
    return None
