"""Downloads: the view's positions and quotes as CSV, and the briefing note.

Files are made when the button is pressed (deferred), not on every rerun.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import note
from dashboard.briefing import Briefing
from dashboard.export import positions_csv, quotes_csv
from dashboard.filters import Subset
from dashboard.selection import Selection


def render_downloads(briefing: Briefing, subset: Subset, selection: Selection, link: str,
                     errors: int, capacities: pd.Series) -> None:
    st.subheader("Downloads", anchor=False)
    stem = briefing.meta.id
    left, middle, right = st.columns(3)
    left.download_button("Positions (CSV)", data=lambda: positions_csv(briefing, subset),
                         file_name=f"{stem}-positions.csv", mime="text/csv", key="dl_positions",
                         on_click="ignore")
    middle.download_button(
        "Quotes (CSV)",
        data=lambda: quotes_csv(briefing, subset, capacities),
        file_name=f"{stem}-quotes.csv", mime="text/csv", key="dl_quotes", on_click="ignore")
    right.download_button(
        "Briefing note (Markdown)",
        data=lambda: note.markdown(note.build(briefing, selection, link=link, problems=errors)),
        file_name=f"{stem}-note.md", mime="text/markdown", key="dl_note", on_click="ignore")
