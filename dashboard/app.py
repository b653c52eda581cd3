"""The briefing page, top to bottom. Run with `make run` (streamlit run dashboard/app.py)."""

import streamlit as st

from dashboard import cache, catalog
from dashboard.extract import editing_enabled
from dashboard.selection import Choices
from dashboard.views import state
from dashboard.views.cards import render_cards
from dashboard.views.compare import render_compare
from dashboard.views.downloads import render_downloads
from dashboard.views.header import render_header, render_notices, render_problems
from dashboard.views.matrix import is_wide, render_matrix
from dashboard.views.quotes import render_quotes_panel, render_sides
from dashboard.views.sidebar import render_link, render_sidebar
from dashboard.views.style import apply_style
from dashboard.views.view_switch import render_view_switch

st.set_page_config(page_title="Positions briefing", layout="wide")
apply_style()

available = catalog.briefings(catalog.data_folder())
if not available:
    st.error(f"No briefings found in {catalog.data_folder()}: set DASHBOARD_DATA to a folder of "
             "briefing folders.")
    st.stop()
briefing_id = state.choose_briefing(list(available), catalog.default_briefing(available))
briefing, problems = cache.load(available[briefing_id])
state.restore(briefing_id, Choices(list(available), briefing.actors["id"], briefing.issues["id"],
                                   briefing.topics))

if editing_enabled():  # `make edit` only: the "Add a source" view replaces the page while it is on
    from dashboard.views import add_source  # spaCy is imported only by an editing server

    if add_source.render_switch():
        add_source.render(available[briefing_id], briefing, briefing_id)
        st.stop()

render_sidebar(briefing, list(available))
selection = state.current(briefing_id)
query_string = state.publish(selection)
render_link(query_string)

view, page, chart_data = cache.view(available[briefing_id], selection)
render_notices(state.notices())
render_header(briefing, view)
render_problems(problems)
render_view_switch()

if selection.view == "matrix":
    if is_wide(page) or view.quotes.empty:
        cell = render_matrix(briefing, page, chart_data, selection.group)
        quotes_area = st.container()
    else:
        left, quotes_area = st.columns([3, 2], gap="large")
        with left:
            cell = render_matrix(briefing, page, chart_data, selection.group)
    with quotes_area:
        render_quotes_panel(briefing, view, selection, cell)
    if len(selection.issues) == 1:
        render_sides(briefing, view, selection.issues[0])
elif selection.view == "cards":
    render_cards(briefing, view)
else:
    render_compare(briefing, view)

render_downloads(briefing, view, selection, page.cells, query_string)
