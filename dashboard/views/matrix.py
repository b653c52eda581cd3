"""The stance matrix region: grouping, agreement sort and paging controls, the legend, the clickable
heatmap, and a cell picker that opens any cell's evidence from the keyboard."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import pandas as pd
import streamlit as st

from dashboard import cache, charts, matrix_svg
from dashboard.briefing import Briefing
from dashboard.escape import html_text
from dashboard.filters import Subset
from dashboard.markup import legend, legend_line
from dashboard.matrix import (
    COMPACT_ISSUES,
    MAX_ACTORS,
    MAX_ISSUES,
    MatrixGrid,
    StanceGrid,
    TopicGrid,
    visible_cells,
)
from dashboard.selection import LABEL, filter_word
from dashboard.views.matrix_component import clicked_cell, open_mark, render_drawing
from dashboard.views.memo import kept
from dashboard.views.page import Page
from dashboard.views.quotes import render_quotes_panel, render_sides
from dashboard.views.state import (
    CELL_KEY,
    PICK_ACTOR,
    PICK_ISSUE,
    WIDGET_KEYS,
    drill_into_topic,
    first_rows_page,
    open_cell,
)

# The drawing's own key: its element carries the class st-key-matrix-chart that the page's stylesheet
# scrolls a wide matrix in (views/style.py), with no container around it (a block fewer each run).
CHART_KEY = "matrix-chart"
TOPIC_CHART_KEY = "topic_matrix"
GROUP_LABELS = {"issues": "Issues", "topics": "By topic"}


def render_matrix_controls(briefing: Briefing, shown: MatrixGrid, labels: Mapping[str, str]) -> None:
    """Grouping, the agreement sort and paging, in a row that wraps on a narrow screen."""
    window = shown.window
    with st.container(horizontal=True, key="controls", gap="medium"):
        if briefing.topics:
            st.segmented_control(
                LABEL["group"],
                options=list(GROUP_LABELS),
                format_func=lambda g: GROUP_LABELS.get(g, g),
                key=WIDGET_KEYS["group"],
                persist_state="session",
            )
        st.selectbox(
            LABEL["align"],
            options=["", *briefing.actor_rank.index],
            format_func=lambda a: labels.get(a, a) if a else "— kind, then name —",
            key=WIDGET_KEYS["align"],
            on_change=first_rows_page,
            width=260,
            persist_state="session",
            filter_mode="contains",
        )
        if window.rows_pages > 1:
            st.number_input(
                f"{LABEL['rows_page']} (of {window.rows_pages})",
                min_value=1,
                max_value=window.rows_pages,
                step=1,
                key=WIDGET_KEYS["rows_page"],
                persist_state="session",
                width=170,
            )
        if isinstance(shown, StanceGrid) and window.issues_shown < window.issues_total:
            state = st.session_state
            key = WIDGET_KEYS["first_column"]
            if not state.get(key):
                state[key] = window.first_issue
            st.number_input(
                f"{LABEL['first_column']} (1–{window.issues_total:,})",
                min_value=1,
                max_value=window.issues_total,
                step=window.per_page,
                key=key,
                persist_state="session",
                width=190,
                help=f"Columns go oldest to newest; {window.per_page} are shown at a "
                "time. Step by a page with + and −.",
            )


def window_caption(subset: Subset, shown: MatrixGrid) -> str:
    """What the grid shows of the subset, and what it leaves out, in words."""
    window = shown.window
    first_row = (window.rows_page - 1) * MAX_ACTORS + 1
    parts = []
    if window.rows_pages > 1:
        parts.append(
            f"Rows {first_row}–{first_row + window.actors_shown - 1} of {window.actors_total:,} actors"
        )
    if isinstance(shown, StanceGrid) and window.issues_shown < window.issues_total:
        last = window.first_issue + window.issues_shown - 1
        parts.append(
            f"issues {window.first_issue:,}–{last:,} of {window.issues_total:,}, oldest "
            "first (narrow by topic, date or issue, or move the first column)"
        )
    if window.empty_left_out:
        parts.append(f"{window.empty_left_out:,} actors with nothing that passes the filters are left out")
    hidden = [filter_word(h) for h in subset.hides]
    if hidden and isinstance(shown, StanceGrid):
        n_hidden = int((shown.cells["stance"].astype(str) == "hidden").sum())
        if n_hidden:
            parts.append(f"{n_hidden:,} cells hidden by the {' / '.join(hidden)} filter (drawn ◌)")
    return "; ".join(parts) + "." if parts else ""


def _on_chart_click() -> None:
    open_cell(clicked_cell(CHART_KEY))


def render_matrix(
    briefing: Briefing,
    subset: Subset,
    shown: MatrixGrid,
    chart_data: pd.DataFrame,
    cell: tuple[str, str] | None,
    labels: Mapping[str, str],
) -> None:
    """Draw the matrix; a click on a cell (or the picker below it) opens that cell's evidence."""
    st.subheader("Stance matrix", anchor=False)
    render_matrix_controls(briefing, shown, labels)
    caption = window_caption(subset, shown)
    if shown.agreement is not None:
        # A rate beside each row: say what it counts, and what the records cannot hold.
        reference = briefing.actor_names.get(shown.agreement.reference, shown.agreement.reference)
        sorted_by = (
            f"Rows sorted by coincidence with {reference}: of the issues both took a side on, the "
            "share where they took the same side (silence, no record, mixed signals and an expert's "
            "own reading of the other left out; "
            f"under {shown.agreement.minimum:,} shared issues not ranked)."
            + (f" {briefing.meta.coverage}" if briefing.meta.coverage else "")
        )
        caption = f"{caption} {sorted_by}" if caption else sorted_by
    empty = shown.cells.empty or kept("visible-cells", (shown,), (), lambda: visible_cells(shown)) == 0
    if caption and (empty or isinstance(shown, TopicGrid)):
        st.caption(caption)
    if empty:
        st.info(_empty_message(subset))
        return
    if isinstance(shown, TopicGrid):
        _render_topics(shown, chart_data)
        return
    # What the grid leaves out (drawn as a caption is), the open cell's mark for the drawing's script,
    # what the matrix holds for a screen reader just before it (the drawing's own label says how to
    # use it), the legend's line and the whole legend folded under it: one element, not five (an
    # expander is a block and its content another element, each sent every run).
    st.html(
        (f'<p class="window-note">{html_text(caption)}</p>' if caption else "")
        + open_mark(f"{cell[0]}~{cell[1]}" if cell else "")  # ids never hold '~'
        + legend_line()
        + f'<p class="chart-summary" style="{VISUALLY_HIDDEN}">'
        f"{html_text(kept('chart-summary', (shown,), (), lambda: chart_summary(shown)))}</p>"
        f'<details class="legend-box"><summary>How to read the matrix</summary>{legend()}</details>'
    )
    width, limit, upright = cell_width(shown), row_label_width(shown), is_phone()
    drawing = kept(
        "matrix-svg",
        (chart_data,),
        (width, limit, upright),
        lambda: matrix_svg.drawing(chart_data, width, label_limit=limit, upright=upright),
    )
    render_drawing(
        drawing,
        key=CHART_KEY,
        alt=CHART_ALT,
        on_click=_on_chart_click,
    )
    # Side by side in one row (wrapping on a phone), not in columns: two blocks fewer each run.
    with st.container(key="cell-picker", horizontal=True, gap="small"):
        render_cell_picker(briefing, shown, cell)


def _empty_message(subset: Subset) -> str:
    hidden = [filter_word(h) for h in subset.hides]
    if hidden and len(subset.scope):
        return (
            f"Nothing passes the {' / '.join(hidden)} filter: all {len(subset.scope):,} "
            "positions of these actors and issues are hidden by it. Widen it, or press Reset "
            "filters."
        )
    return "No actors or issues match these filters: widen them, or press Reset filters."


def _render_topics(shown: TopicGrid, chart_data: pd.DataFrame) -> None:
    st.caption(
        "Colour: how the actor's positions on the topic's issues lean, (for − against) / "
        "positions, from strongly against (orange) through neutral or balanced (pale) to "
        "strongly for (purple). Text: the share in support and, in brackets, the number of "
        "positions; pale cells rest on fewer than 3. Click a cell to open the topic's issues."
    )
    st.vega_lite_chart(
        chart_data,
        charts.topic_matrix_spec(),
        on_select=lambda: drill_into_topic(TOPIC_CHART_KEY),
        key=TOPIC_CHART_KEY,
        selection_mode=[charts.CELL_SELECTION],
        width="content",
        alt=f"Share of support by topic: {shown.window.actors_shown} actors × {len(shown.topics)} topics.",
    )


CHART_ALT = (
    "Stance matrix of the actors and issues in view: a cell per actor and issue, coloured and "
    "marked by the stance, each announced by its reading. Tab to a cell, move with the arrow keys "
    "and press Enter to read its evidence, or use the cell picker below the chart."
)
# Read by screen readers, drawn nowhere (the usual visually-hidden rule).
VISUALLY_HIDDEN = (
    "position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;"
    "overflow:hidden;clip-path:inset(50%);white-space:nowrap"
)


def chart_summary(shown: StanceGrid) -> str:
    """What the matrix holds, in words: its size and its cells by stance."""
    # Counted over the column as a list, most common first, ties in order of first appearance, a
    # missing one left out, as `astype(str).value_counts()` counts them (tests/test_p8_summary.py):
    # a cast and a count of an Arrow column cost about 1 ms on a few dozen cells.
    counts = Counter(s for s in shown.cells["stance"].tolist() if isinstance(s, str)).most_common()
    held = ", ".join(f"{n} {s.replace('_', ' ')}" for s, n in counts if n)
    return (
        f"Stance matrix of {shown.window.actors_shown} actors by {shown.window.issues_shown} issues: {held}."
    )


def cell_width(shown: MatrixGrid) -> int:
    """Narrower cells when many issues are drawn, so 20 columns still fit a laptop screen."""
    n = shown.window.issues_shown
    return 44 if n <= 8 and not is_phone() else 30


def is_phone() -> bool:
    """A phone's browser says so in its user agent ("Mobile"): it gets fewer columns per page and
    shorter row names, so the matrix fits beside its row names without scrolling."""
    try:
        agent = str(st.context.headers.get("User-Agent", ""))
    except Exception:  # no browser (AppTest)
        return False
    return "Mobi" in agent


def columns_per_page() -> int:
    return COMPACT_ISSUES if is_phone() else MAX_ISSUES


def label_limit() -> int:
    return 110 if is_phone() else 170


def build_ahead() -> None:
    """The topic matrix's chart spec (still a Vega chart), built and validated by Altair once per
    process (about 0.15 s): `dashboard serve` calls this before the server answers, so the first
    reader of the topics does not wait for it."""
    charts.topic_matrix_spec()


def row_label_width(shown: MatrixGrid) -> int:
    """Room for the row labels: the screen's usual width, or, when the rows carry an agreement
    figure, enough for the longest label whole (the figure must never be the part cut off)."""
    if shown.agreement is None or shown.cells.empty:
        return label_limit()
    longest = int(shown.cells["actor_label"].astype(str).str.len().max())
    return max(label_limit(), min(460, 7 * longest))


def estimated_width(shown: MatrixGrid) -> int:
    """About how wide the chart draws (row names, cells, the slanted column names past the last
    cell): the matrix area asks for that much, and the quotes go below when it does not fit."""
    if isinstance(shown, TopicGrid):
        return row_label_width(shown) + 24 + 78 * len(shown.topics) + 150
    overhang = 10 if is_phone() else 130  # upright column names on a phone, slanted ones else
    return row_label_width(shown) + 24 + cell_width(shown) * shown.window.issues_shown + overhang


def _picked() -> None:
    actor, issue = st.session_state.get(PICK_ACTOR), st.session_state.get(PICK_ISSUE)
    if actor and issue:
        open_cell((actor, issue))
    elif st.session_state.get(CELL_KEY):
        st.session_state[CELL_KEY] = None  # a list emptied by hand: the cell closes, the other stays


def render_cell_picker(briefing: Briefing, shown: StanceGrid, cell: tuple[str, str] | None) -> None:
    """Two lists, in step with the chart, to open any cell without a mouse."""
    # The lists of a grid, made once while it is kept (about 1 ms a run on the whole seed).
    actors, issues = kept(
        "picker-options",
        (shown,),
        (),
        lambda: (list(dict.fromkeys(shown.cells["actor"])), list(dict.fromkeys(shown.cells["issue"]))),
    )
    state = st.session_state
    if cell:  # opened by a click or a link: the picker shows it
        state[PICK_ACTOR] = cell[0] if cell[0] in actors else None
        state[PICK_ISSUE] = cell[1] if cell[1] in issues else None
    else:  # half picked (a row, no column yet) stays as it is, if still on offer
        if state.get(PICK_ACTOR) not in actors:
            state[PICK_ACTOR] = None
        if state.get(PICK_ISSUE) not in issues:
            state[PICK_ISSUE] = None
    names, titles = briefing.actor_names, briefing.issue_titles
    st.selectbox(
        "Open a cell: actor",
        options=actors,
        format_func=lambda a: names.get(a, a),
        key=PICK_ACTOR,
        placeholder="Row",
        on_change=_picked,
        filter_mode="contains",
    )
    st.selectbox(
        "Open a cell: issue",
        options=issues,
        format_func=lambda i: titles.get(i, i),
        key=PICK_ISSUE,
        placeholder="Column",
        on_change=_picked,
        filter_mode="contains",
    )


def render(page: Page) -> None:
    """The matrix and, beside it, the quotes of the open cell (or of the view); with one issue
    chosen, that issue's quotes side by side."""
    src, chosen, state = page.src, page.selection.filters, page.selection.matrix
    shown = cache.grid(src, chosen, state, page.columns_per_page)
    chart_data = cache.chart_data(src, chosen, state, page.columns_per_page)
    for said in page.notes:
        st.caption(said)
    if len(chosen.issues) == 1:  # one issue: where everyone stands on it comes first
        render_sides(page.briefing, page.subset, chosen.issues[0])
    # Side by side when both fit the screen; the quotes wrap below the matrix when they do not.
    with st.container(horizontal=True, gap="large", key="matrix-row"):
        with st.container(key="matrix-area", width=estimated_width(shown)):
            render_matrix(page.briefing, page.subset, shown, chart_data, state.cell, page.labels)
        with st.container(key="quotes-area"):
            render_quotes_panel(
                page.briefing,
                page.subset,
                chosen,
                state.cell,
                page.capacities,
                shown.cells if isinstance(shown, StanceGrid) else None,
            )
