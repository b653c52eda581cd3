"""The parts of the page a change reruns alone, each a Streamlit fragment.

The body (`render_body`): everything below the page's first lines: the notices, the header and its
counts, the view switch and the content. A change of view reruns the body alone: the filters, the
briefing picker and the page's stylesheet stay as drawn.

The content (`render_content`), inside the body: the Actors box, in the place the sidebar kept for
it, the notices and the header (written into the place the body keeps for them above the view
switch) and the region. A pick or a Backspace in the Actors box, the filter a reader changes most,
reruns the content alone: the view switch and the briefing's About beside it stay as drawn too,
since none of them depends on the actors chosen (docs/performance.md, "The seed actor change").

The region (`render_region`), inside the body: the view and the sidebar's link to it. The Downloads
below are the full run's (`views/downloads.py`): the region keeps its view for them, and runs the
page whole when the Downloads as drawn no longer fit it.

A click on a matrix cell, the cell picker, a view's own controls or a page of quotes reruns this
region alone: the sidebar's filters, the header and the view switch stay as they are, since nothing
inside the region can change them. What it can change is written as the full run does: the open
cell checked, the address bar and the sidebar's link (a fragment may write into the sidebar: its
writes there are replaced on each of its runs). A callback inside the region that does change the
filters, the view or the briefing (an actor card's "Show in the matrix", a click on a topic) reruns
the whole page instead, as does a change that clears the notices shown above it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from dashboard import cache
from dashboard.briefing import Briefing
from dashboard.catalog import Catalog
from dashboard.problems import Problem, errors
from dashboard.reading import capacity_counts
from dashboard.selection import Selection
from dashboard.views import account, render_view, state
from dashboard.views.downloads import keep_view
from dashboard.views.guard import reported
from dashboard.views.header import (
    render_about,
    render_header,
    render_notices,
    render_problem_list,
    render_problems,
    render_skipped,
)
from dashboard.views.matrix import columns_per_page
from dashboard.views.memo import kept
from dashboard.views.page import Page
from dashboard.views.sidebar import absolute_link, render_actor_filter, render_link
from dashboard.views.view_switch import render_view_switch


@dataclass(frozen=True)
class Body:
    """What the full run hands the body: the briefing as loaded, and the Actors box's place."""

    briefing_id: str
    briefing: Briefing
    src: cache.Source
    problems: list[Problem]
    labels: Mapping[str, str]  # actor id -> label for the Actors box (dashboard.labels)
    found: Catalog  # the data folder as scanned, for what in it is not a briefing
    actors: DeltaGenerator  # the Actors box's place in the sidebar (sidebar.render_sidebar)


@st.fragment
def render_body(body: Body) -> None:
    # The notices and the header are the content's: they change with the actors, the view row does
    # not, so the content writes them into this place above it and a pick leaves the row as drawn.
    head = st.container()
    with st.container(horizontal=True, vertical_alignment="center", key="view-row"):
        render_view_switch()
        render_about(body.briefing)
        render_problem_list(body.problems)
    render_content(body, head)


@st.fragment
def render_content(body: Body, head: DeltaGenerator) -> None:
    briefing, src, problems = body.briefing, body.src, body.problems
    briefing_id = body.briefing_id
    if not account.still_allowed(briefing_id):  # signed out, too old, or revoked
        st.rerun(scope="app")
    render_actor_filter(body.actors, briefing, body.labels)
    defaults = {"change_kinds": cache.change_kinds(src)}
    selection = state.current(briefing_id, defaults)
    subset = cache.subset(src, selection.filters)
    selection, closed = state.check_cell(briefing, subset, selection)
    capacities = cache.capacities(src, selection.filters)
    query_string = state.publish(selection)

    with head:
        render_notices(state.notices())
        render_skipped(body.found)
        # Counted once per capacities object (kept per filters by cache.py), not on every run.
        counts = kept("capacity-counts", (capacities,), (), lambda: capacity_counts(capacities))
        render_header(briefing, subset, counts)
        render_problems(problems)
    # The view and the sidebar's link: a click inside them reruns them alone.
    render_region(
        Region(
            Page(briefing, src, selection, subset, body.labels, capacities, columns_per_page(), closed),
            query_string,
            len(errors(problems)),
            defaults,
        )
    )


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
    link = absolute_link(query_string)
    stale = keep_view(page.briefing, page.subset, page.selection, link, region.errors, page.capacities)
    if stale and _own_run():  # the Downloads show a file or a state of another view: draw them again
        st.rerun(scope="app")
    with reported("view"):
        render_view(page)


def _own_run() -> bool:
    """Whether this run is a fragment's own (a pick in the Actors box, a click in the view), which
    leaves the full run's Downloads as they were drawn."""
    ctx = get_script_run_ctx()
    return bool(ctx is not None and ctx.fragment_ids_this_run)
