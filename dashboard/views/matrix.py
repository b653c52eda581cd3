"""The stance matrix region: grouping, alignment and paging controls, and the clickable heatmap."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.briefing import Briefing
from dashboard.charts import (
    CELL_SELECTION,
    stance_matrix_spec,
    topic_matrix_spec,
)
from dashboard.matrix import MAX_ACTORS, MatrixPage
from dashboard.views.sidebar import actor_label
from dashboard.views.state import WIDGET_KEYS, drill_into_topic

CHART_KEY = "matrix"
TOPIC_CHART_KEY = "topic_matrix"
GROUP_LABELS = {"issues": "Issues", "topics": "By topic"}


def render_matrix_controls(briefing: Briefing, page: MatrixPage) -> None:
    left, middle, right = st.columns([2, 3, 2])
    left.segmented_control("Columns", options=list(GROUP_LABELS),
                           format_func=lambda g: GROUP_LABELS.get(g, g), key=WIDGET_KEYS["group"])
    labels = actor_label(briefing)
    middle.selectbox("Sort rows by agreement with", options=["", *briefing.actor_rank.index],
                     format_func=lambda a: labels.get(a, a) if a else "— kind, then name —",
                     key=WIDGET_KEYS["align"])
    if page.pages > 1:
        right.number_input(f"Rows page (of {page.pages})", min_value=1, max_value=page.pages, step=1,
                           key=WIDGET_KEYS["page"])


def render_matrix(
    briefing: Briefing, page: MatrixPage, chart_data: pd.DataFrame, group: str
) -> tuple[str, str] | None:
    """Draw the matrix; return the (actor, issue) the person clicked, if any."""
    st.subheader("Stance matrix", anchor=False)
    render_matrix_controls(briefing, page)
    cells = page.cells
    if cells.empty:
        st.info("No positions match these filters: widen the stance, basis or date filters, or "
                "press Reset filters.")
        return None
    shown_actors = cells["actor"].nunique()
    if page.pages > 1 or page.issues_shown < page.issues_total:
        st.caption(
            f"Rows {(page.page - 1) * MAX_ACTORS + 1}–{(page.page - 1) * MAX_ACTORS + shown_actors} "
            f"of {page.actors_total:,} actors; "
            + (f"the {page.issues_shown} most recent of {page.issues_total:,} issues (narrow by "
               "topic, date or issue to see others, or group by topic)." if group == "issues"
               and page.issues_shown < page.issues_total else f"{page.issues_shown} columns.")
        )
    if group == "topics":
        st.caption("Each cell: the share of the actor's positions on that topic's issues that "
                   "support the proposition. Click a cell to open the topic's single issues.")
        st.vega_lite_chart(chart_data, topic_matrix_spec(), on_select=lambda: drill_into_topic(
            TOPIC_CHART_KEY), key=TOPIC_CHART_KEY, selection_mode=[CELL_SELECTION], width="content")
        return None
    st.caption("Marks after a stance: **!** shown by action · **?** inferred by someone else "
               "(dashed outline) · **ʳ** reported by a third party. Paler cells: lower "
               "confidence. Click a cell for its quotes; double-click to clear.")
    event = st.vega_lite_chart(chart_data, stance_matrix_spec(cell_width(page)),
                               on_select="rerun",
                               key=CHART_KEY, selection_mode=[CELL_SELECTION], width="content")
    return selected_cell(event)


def cell_width(page: MatrixPage) -> int:
    """Narrower cells when many issues are drawn, so 40 columns still fit a laptop screen."""
    return 50 if page.issues_shown <= 10 else 36 if page.issues_shown <= 24 else 27


def is_wide(page: MatrixPage) -> bool:
    """Whether the matrix needs the page's full width (the quotes then go below it)."""
    return page.issues_shown > 8


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
