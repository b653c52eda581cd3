"""The part of the page a click inside it changes: the view, its downloads and the sidebar's link to
it, drawn as one Streamlit fragment.

A click on a matrix cell, the cell picker, a view's own controls or a page of quotes reruns this
region alone: the sidebar's filters, the header and the view switch stay as they are, since nothing
inside the region can change them. What it can change is written as the full run does: the open
cell checked, the address bar and the sidebar's link (a fragment may write into the sidebar: its
writes there are replaced on each of its runs). A callback inside the region that does change the
filters, the view or the briefing (an actor card's "Show in the matrix", a click on a topic) reruns
the whole page instead, as does a change that clears the notices shown above it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import streamlit as st

from dashboard.selection import Selection
from dashboard.views import account, render_view, state
from dashboard.views.downloads import render_downloads
from dashboard.views.guard import reported
from dashboard.views.page import Page
from dashboard.views.sidebar import absolute_link, render_link


@dataclass(frozen=True)
class Region:
    """What the full run hands the region: the page as it was built, and how the selection reads."""

    page: Page
    query_string: str  # the link's query, as the full run published it
    errors: int  # records with errors, for the note
    defaults: dict[str, tuple[str, ...]]  # view defaults left out of the link (state.current)


def _outside(current: Selection, drawn: Selection) -> bool:
    """Whether the change reaches past the region: the filters, the view or the briefing."""
    return (current.briefing, current.view, current.filters) != (drawn.briefing, drawn.view, drawn.filters)


@st.fragment
def render_region(region: Region) -> None:
    page, query_string = region.page, region.query_string
    if not account.still_allowed(page.selection.briefing):  # signed out, too old, or revoked
        st.rerun(scope="app")
    current = state.current(page.selection.briefing, region.defaults)
    if current != page.selection:  # this region's own rerun: a click or a control inside it
        if _outside(current, page.selection):
            st.rerun(scope="app")
        current, notes = state.check_cell(page.briefing, page.subset, current)
        notices = state.notices()
        query_string = state.publish(current)
        if notices != state.notices():  # the notices above went with the change: redraw them
            st.rerun(scope="app")
        page = replace(page, selection=current, notes=notes)
    render_link(query_string)
    with reported("view"):
        render_view(page)
    with st.container(key="downloads"):
        render_downloads(
            page.briefing,
            page.subset,
            page.selection,
            absolute_link(query_string),
            region.errors,
            page.capacities,
        )
