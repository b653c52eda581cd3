"""Downloads: the filtered positions and quotes as CSV, and a Markdown briefing note.

Files are made when the button is pressed (deferred), not on every rerun.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.briefing import Briefing
from dashboard.export import markdown_note, positions_csv, quotes_csv
from dashboard.filters import View
from dashboard.selection import Selection


def render_downloads(briefing: Briefing, view: View, selection: Selection, cells: pd.DataFrame,
                     link: str) -> None:
    st.subheader("Downloads", anchor=False)
    stem = briefing.meta.id
    left, middle, right = st.columns(3)
    left.download_button("Positions (CSV)", data=lambda: positions_csv(briefing, view),
                         file_name=f"{stem}-positions.csv", mime="text/csv", key="dl_positions",
                         on_click="ignore")
    middle.download_button("Quotes (CSV)", data=lambda: quotes_csv(briefing, view),
                           file_name=f"{stem}-quotes.csv", mime="text/csv", key="dl_quotes",
                           on_click="ignore")
    right.download_button("Briefing note (Markdown)",
                          data=lambda: markdown_note(briefing, view, selection, cells, link),
                          file_name=f"{stem}-note.md", mime="text/markdown", key="dl_note",
                          on_click="ignore")
