"""Long lists come a page at a time: a page number when there is more than one page."""

from __future__ import annotations

import pandas as pd
import streamlit as st


def page_of_rows(rows: pd.DataFrame, size: int, noun: str, key: str) -> pd.DataFrame:
    """The rows of the page the person picked (the first page when everything fits)."""
    pages = (len(rows) - 1) // size + 1
    page = 1
    if pages > 1:
        page = int(st.number_input(f"Page (of {pages}, {len(rows):,} {noun})", min_value=1,
                                   max_value=pages, value=1, step=1, key=key))
    return rows.iloc[(page - 1) * size: page * size]
