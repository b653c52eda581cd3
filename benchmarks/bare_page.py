"""The floor of the browser benchmark: the least a page showing a briefing's positions can do. It loads
the same briefing through the same cache, has an Actors box with the dashboard's key and label in the
sidebar, and shows the filtered positions with st.dataframe. Served by benchmarks/browser_speed.py."""

import streamlit as st

from dashboard import cache, catalog

available = catalog.briefings(catalog.data_folder())
briefing_id = st.query_params.get("briefing") or catalog.default_briefing(available)
briefing, _ = cache.load(cache.source(available[briefing_id]))
names = briefing.actor_names
chosen = st.sidebar.multiselect(
    "Actors",
    options=list(briefing.actor_rank.index),
    format_func=lambda actor: names.get(actor, actor),
    key="f_actor",
)
positions = briefing.positions
if chosen:
    positions = positions[positions["actor"].isin(chosen)]
st.dataframe(positions)
