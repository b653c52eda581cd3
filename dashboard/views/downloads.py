"""Downloads: the briefing note of the view (PDF, Word, Markdown), the matrix as a picture (PNG, SVG)
and the view's positions and quotes as CSV.

Files are made when the button is pressed (deferred), not on every rerun; the note's files come from
`note.document.render`, the function `python -m dashboard note` calls too.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard.briefing import Briefing
from dashboard.export import positions_csv, quotes_csv
from dashboard.filters import Subset
from dashboard.note.document import FORMATS, render
from dashboard.selection import Selection

NOTE_KEYS = {"pdf": "dl_note_pdf", "docx": "dl_note_docx", "md": "dl_note", "png": "dl_matrix_png",
             "svg": "dl_matrix_svg"}
FILE_NAMES = {"pdf": "note.pdf", "docx": "note.docx", "md": "note.md", "png": "matrix.png",
              "svg": "matrix.svg"}


def _maker(briefing: Briefing, selection: Selection, suffix: str, link: str, errors: int
           ) -> Callable[[], bytes]:
    return lambda: render(briefing, selection, suffix, link=link, problems=errors)


def render_downloads(briefing: Briefing, subset: Subset, selection: Selection, link: str,
                     errors: int, capacities: pd.Series) -> None:
    st.subheader("Downloads", anchor=False)
    stem = briefing.meta.id
    nothing_to_draw = subset.issues.empty or subset.actors.empty
    with st.container(horizontal=True, key="download-buttons", gap="small"):
        for suffix, made in FORMATS.items():
            st.download_button(
                made.label, data=_maker(briefing, selection, suffix, link, errors),
                file_name=f"{stem}-{FILE_NAMES[suffix]}", mime=made.mime, key=NOTE_KEYS[suffix],
                on_click="ignore", disabled=made.picture and nothing_to_draw,
                help="No actor or issue in view: nothing to draw" if made.picture and
                nothing_to_draw else None)
        st.download_button("Positions (CSV)", data=lambda: positions_csv(briefing, subset),
                           file_name=f"{stem}-positions.csv", mime="text/csv", key="dl_positions",
                           on_click="ignore")
        st.download_button(
            "Quotes (CSV)",
            data=lambda: quotes_csv(briefing, subset, capacities),
            file_name=f"{stem}-quotes.csv", mime="text/csv", key="dl_quotes", on_click="ignore")
    st.caption("The note says what this view shows: its filters, the matrix, each reading with "
               "its evidence word for word, and what it had to leave out. PDF and Word take a few "
               "seconds to make.")
