"""Which view fills the page: one button per row of `pages.VIEWS`."""

from __future__ import annotations

import streamlit as st

from dashboard.pages import VIEW_BY_ID, VIEW_IDS
from dashboard.views.state import WIDGET_KEYS


def render_view_switch() -> None:
    st.segmented_control(
        "View",
        options=list(VIEW_IDS),
        format_func=lambda view: VIEW_BY_ID[view].label,
        key=WIDGET_KEYS["view"],
        label_visibility="collapsed",
    )
