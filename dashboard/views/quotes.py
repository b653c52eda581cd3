"""The quotes panel: the evidence behind a selected cell, or every quote in the current filter."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.briefing import Briefing
from dashboard.filters import View, empty_quotes_hint, quotes_by_side, quotes_for_cell
from dashboard.markup import quote_cards
from dashboard.plaintext import literal
from dashboard.selection import Selection
from dashboard.views.paging import page_of_rows

PAGE_SIZE = 20


def render_quotes(briefing: Briefing, quotes: pd.DataFrame, heading: str, empty: str) -> None:
    st.subheader(heading, anchor=False)  # Markdown: callers escape any record text in it
    if quotes.empty:
        st.info(empty)
        return
    quotes = quotes.sort_values("when", ascending=False, kind="stable") if (
        "is_evidence" not in quotes) else quotes
    shown = page_of_rows(quotes, PAGE_SIZE, "quotes", "quotes_page")
    st.html(f'<div class="quotes">{quote_cards(briefing, shown)}</div>')


def render_quotes_panel(
    briefing: Briefing, view: View, selection: Selection, cell: tuple[str, str] | None
) -> None:
    """The words behind the clicked cell, or every quote the filters let through."""
    if cell:
        actor, issue = cell
        render_quotes(briefing, quotes_for_cell(briefing, view, actor, issue),
                      f"Behind the cell: {literal(briefing.actor_names[actor])} on "
                      f"{literal(briefing.issue_titles[issue])}",
                      "No quotes behind this cell: the position rests on no recorded words.")
    else:
        render_quotes(briefing, view.quotes, "Quotes", empty_quotes_hint(briefing, selection))


SIDE_LIMIT = 30  # quotes per side drawn at once


def render_sides(briefing: Briefing, view: View, issue: str) -> None:
    """One issue's quotes side by side: for, neutral, against, and the rest."""
    sides = quotes_by_side(briefing, view, issue)
    title = briefing.issue_titles.get(issue, issue)
    st.subheader(f"Side by side: {literal(title)}", anchor=False)
    statement = view.issues.loc[view.issues["id"] == issue, "statement"]
    if len(statement):
        st.caption(f"Proposition: {literal(str(statement.iloc[0]))}")
    if not sides:
        st.info("No quotes on this issue match the filters.")
        return
    for column, (name, quotes) in zip(st.columns(len(sides)), sides.items(), strict=True):
        with column:
            st.markdown(f"**{name}** · {len(quotes)}")
            st.html(f'<div class="quotes">{quote_cards(briefing, quotes.head(SIDE_LIMIT))}</div>')
            if len(quotes) > SIDE_LIMIT:
                st.caption(f"… {len(quotes) - SIDE_LIMIT} more: narrow by actor to see them.")
