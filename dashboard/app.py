"""The briefing page, top to bottom. Run with `make run` (python -m dashboard serve)."""

import streamlit as st

from dashboard import cache, catalog
from dashboard.extract import editing_enabled
from dashboard.selection import Choices
from dashboard.store import StoreError, store_url
from dashboard.views import account, state
from dashboard.views.downloads import render_downloads
from dashboard.views.header import editing_allowed, render_no_briefings, render_open_server
from dashboard.views.ledger import render_history
from dashboard.views.region import Body, render_body
from dashboard.views.sidebar import render_sidebar
from dashboard.views.style import apply_style
from dashboard.views.team import render_team_status

st.set_page_config(page_title="Positions briefing", layout="wide")
apply_style()

if store_url():  # a replica of the team server: its working copy kept up to date with the store
    try:
        cache.team_store(store_url(), str(catalog.data_folder()))
    except StoreError as error:
        st.error(f"The team store cannot be read now, so the briefings shown may be out of date: {error}")
    render_team_status()
found = catalog.scan(catalog.data_folder())
# Sign-in (when configured) and the briefings this person may read, before anything is loaded.
available = account.gate(found)
if not available:
    render_no_briefings(catalog.data_folder(), found)
    st.stop()
briefing_id = state.choose_briefing(list(available), catalog.default_briefing(available))
src = cache.source(available[briefing_id])
briefing, problems = cache.load(src)
labels = cache.actor_labels(src)
state.restore(
    briefing_id,
    Choices(
        list(available), briefing.actors["id"], briefing.issues["id"], briefing.topics, briefing.blocs["id"]
    ),
)

render_open_server()
render_history(available[briefing_id], briefing_id)  # who changed what, and undo
# `make edit` only (and never on a network address without sign-in): the "Add a source" view
# replaces the page while it is on.
if editing_enabled() and editing_allowed() and account.may_edit(briefing_id):
    from dashboard.views import add_source  # spaCy is imported only by an editing server

    if add_source.render_switch():
        add_source.render(available[briefing_id], briefing, briefing_id)
        st.stop()

actors = render_sidebar(briefing, cache.titles(available))
# The Actors box and everything below: a pick there reruns them alone (the other filters stay).
render_body(Body(briefing_id, briefing, src, problems, labels, found, actors))
# Below the body, drawn by the full run alone: files of the view the body last drew.
render_downloads()
