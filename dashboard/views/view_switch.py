"""Matrix, cards or compare: which region fills the page."""

from __future__ import annotations

import streamlit as st

from dashboard.selection import VIEWS
from dashboard.views.state import WIDGET_KEYS

LABELS = {"matrix": "Stance matrix & quotes", "cards": "Actor cards", "compare": "Compare",
          "alignment": "Who sides with whom", "changes": "What changed", "brief": "Counterpart brief"}


def render_view_switch() -> None:
    st.segmented_control("View", options=list(VIEWS), format_func=LABELS.__getitem__,
                         key=WIDGET_KEYS["view"], label_visibility="collapsed")
