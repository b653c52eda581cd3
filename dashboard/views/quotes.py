"""The quotes panel: the evidence behind a selected cell, or every quote in the current filter."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.briefing import Briefing
from dashboard.markup import quote_cards

PAGE_SIZE = 20


def render_quotes(briefing: Briefing, quotes: pd.DataFrame, heading: str, empty: str) -> None:
    st.subheader(heading, anchor=False)
    if quotes.empty:
        st.info(empty)
        return
    quotes = quotes.sort_values("when", ascending=False, kind="stable") if (
        "is_evidence" not in quotes) else quotes
    pages = (len(quotes) - 1) // PAGE_SIZE + 1
    page = 1
    if pages > 1:
        page = int(st.number_input(f"Page (of {pages}, {len(quotes):,} quotes)", min_value=1,
                                   max_value=pages, value=1, step=1, key="quotes_page"))
    shown = quotes.iloc[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
    st.html(f'<div class="quotes">{quote_cards(briefing, shown)}</div>')
