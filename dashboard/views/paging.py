"""Long lists come a page at a time: a page number when there is more than one page."""

from __future__ import annotations

import pandas as pd
import streamlit as st


def one_page(rows: pd.DataFrame, size: int, noun: str, key: str) -> pd.DataFrame:
    """The rows of the page the person picked (the first page when everything fits)."""
    pages = (len(rows) - 1) // size + 1
    page = 1
    if pages > 1:
        if not isinstance(st.session_state.get(key), int) or st.session_state[key] > pages:
            st.session_state[key] = 1
        page = int(
            st.number_input(
                f"Page (of {pages}, {len(rows):,} {noun})", min_value=1, max_value=pages, step=1, key=key
            )
        )
    return rows.iloc[(page - 1) * size : page * size]
