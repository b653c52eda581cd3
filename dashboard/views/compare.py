"""Compare two to four actors: what the records show where they agree, differ and are silent, the
divergent issues first, each side's reading and evidence beside it."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from dashboard import cache
from dashboard.briefing import Briefing
from dashboard.compare import OUTCOMES, Comparison, divergent_first, ignored, summary
from dashboard.escape import html_text, markdown_literal
from dashboard.markup import quote_cards, stance_chip
from dashboard.reading import capacity
from dashboard.selection import COMPARE_MAX, COMPARE_MIN, LABEL, Filters
from dashboard.views.history import render_history
from dashboard.views.matrix import is_phone
from dashboard.views.page import Page
from dashboard.views.paging import one_page
from dashboard.views.state import WIDGET_KEYS, resolve_typed_actors

ROWS_PER_PAGE = 20
QUOTES_PER_CELL = 2
HEADER_KEY = "cmp-header"


def render_compare_picker(briefing: Briefing, labels: Mapping[str, str]) -> None:
    st.multiselect(
        LABEL["compare"],
        options=list(briefing.actor_rank.index),
        format_func=lambda a: labels.get(a, a),
        max_selections=COMPARE_MAX,
        key=WIDGET_KEYS["compare"],
        placeholder="Pick two to four actors, or type a name or alias to search",
        help="Typing a name the list does not show and pressing Enter searches this briefing's "
        "actors and their aliases for it: “Add: …” picks the actor it finds and never creates one.",
        persist_state="session",
        filter_mode="contains",
        select_all=False,
        accept_new_options=True,
        on_change=resolve_typed_actors,
        args=(WIDGET_KEYS["compare"], briefing),
    )


def render_compare(
    briefing: Briefing,
    filters: Filters,
    compared: tuple[str, ...],
    comparison: Comparison | None,
    labels: Mapping[str, str],
) -> None:
    st.subheader("Compare actors", anchor=False)
    render_compare_picker(briefing, labels)
    chosen = list(compared)
    if comparison is None or len(chosen) < COMPARE_MIN:
        st.info("Pick at least two actors above to compare them issue by issue.")
        return
    skipped = ignored(filters)
    st.caption(
        "Compare applies the issue, topic and date filters"
        + (
            f"; it ignores the sidebar's {', '.join(skipped)} filter{'s' if len(skipped) > 1 else ''}: "
            "its actors are the ones picked here."
            if skipped
            else "; its actors are the ones picked here."
        )
    )
    if comparison.rows.empty:
        st.info("No issues match these filters: clear the issue or topic filter.")
        return
    st.html(
        '<div class="cmp-summary">'
        + "".join(f"<p>{html_text(line)}</p>" for line in summary(briefing, comparison))
        + "</div>"
    )
    counts = comparison.rows["outcome"].value_counts()
    st.caption(
        " · ".join(f"{OUTCOMES[o]}: {int(counts[o]):,}" for o in OUTCOMES if o in counts)
        + ". Divergent issues first."
    )
    rows = one_page(divergent_first(comparison), ROWS_PER_PAGE, "issues", "compare_page")
    quotes = briefing.quotes.set_index("id", drop=False)
    evidence = briefing.evidence.groupby("position")["quote"].agg(list)
    cells = comparison.cells.set_index(["actor", "issue"])
    widths = [2, *[3] * len(chosen)]
    if not is_phone():
        # On a phone the columns stack and these headings would stand orphaned above the first
        # issue; each cell names its actor instead. A narrow desktop window hides them the same way.
        st.html(f"<style>@media (max-width: 640px) {{ .st-key-{HEADER_KEY} {{ display: none; }} }}</style>")
        with st.container(key=HEADER_KEY):
            header = st.columns(widths)
            header[0].markdown("**Issue**")
            for column, actor in zip(header[1:], chosen, strict=True):
                column.markdown(f"**{markdown_literal(briefing.actor_names[actor])}**")
    for row in rows.itertuples(index=False):
        columns = st.columns(widths)
        gap = (
            f" (by {row.distance} step{'s' * (row.distance != 1)} on the scale)"
            if (row.outcome in ("differ", "differ_some") and row.distance)
            else ""
        )
        columns[0].html(
            f'<div class="cmp-issue"><strong>{html_text(row.title)}</strong>'
            f'<div class="statement">{html_text(row.statement)}</div>'
            f'<div class="outcome o-{row.outcome}">{OUTCOMES[row.outcome]}{gap}</div>'
            "</div>"
        )
        for column, actor in zip(columns[1:], chosen, strict=True):
            cell = cells.loc[(actor, row.issue)]
            ids = evidence.get(cell["position"], []) if cell["position"] >= 0 else []
            shown = quotes.loc[[q for q in ids if q in quotes.index][:QUOTES_PER_CELL]]
            caps = {
                q: capacity(
                    briefing,
                    actor,
                    str(quotes.loc[q, "speaker"]),
                    str(cell["assessed_by"]),
                    str(quotes.loc[q, "kind"]),
                )
                for q in shown.index
            }
            more = [q for q in ids if q in quotes.index][QUOTES_PER_CELL:]
            column.html(
                # The actor is named in the cell too: on a phone the columns stack under each other
                # and the header row no longer stands above them.
                f'<div class="cmp-cell"><span class="cmp-who">'
                f"{html_text(briefing.actor_names[actor])}</span> "
                f"{stance_chip(str(cell['stance']), str(cell['glyph']))} "
                f"{html_text(cell['reading'])}"
                + (f'<div class="r-summary">{html_text(cell["summary"])}</div>' if cell["summary"] else "")
                + quote_cards(briefing, shown, evidence=list(shown.index), capacities=caps, about=actor)
                + "</div>"
            )
            with column:
                if more:
                    with st.expander(
                        f"{len(more)} more evidence quote{'s' if len(more) > 1 else ''}",
                        key=f"cmp_more_{actor}_{row.issue}",
                    ):
                        st.html(quote_cards(briefing, quotes.loc[more], evidence=more, about=actor))
                render_history(
                    briefing,
                    actor,
                    row.issue,
                    int(cell["n_positions"]),
                    key=f"cmp_history_{actor}_{row.issue}",
                )


def render(page: Page) -> None:
    chosen, compared = page.selection.filters, page.selection.comparison
    render_compare(
        page.briefing, chosen, compared.actors, cache.comparison(page.src, chosen, compared), page.labels
    )
