"""Compare two to four actors: one column each, one row per issue, stances and quotes side by side."""

from __future__ import annotations

import streamlit as st

from dashboard.briefing import Briefing
from dashboard.compare import agreement, compare
from dashboard.filters import View
from dashboard.markup import quote_card, stance_chip, text
from dashboard.plaintext import literal
from dashboard.views.sidebar import actor_label
from dashboard.views.state import WIDGET_KEYS


def render_compare(briefing: Briefing, view: View) -> None:
    st.subheader("Compare actors", anchor=False)
    labels = actor_label(briefing)
    st.multiselect("Actors to compare (two to four)",
                   options=list(briefing.actor_rank.index),
                   format_func=lambda a: labels.get(a, a), max_selections=4,
                   key=WIDGET_KEYS["compare"], placeholder="Pick two to four actors")
    chosen = list(st.session_state.get(WIDGET_KEYS["compare"]) or [])
    if len(chosen) < 2:
        st.info("Pick at least two actors above to compare them issue by issue.")
        return
    if view.issues.empty:
        st.info("No issues match these filters: clear the issue or topic filter.")
        return
    table = compare(briefing, view, chosen)
    quotes = briefing.quotes.set_index("id", drop=False)
    header = st.columns([2, *[3] * len(chosen)])
    header[0].markdown("**Issue**")
    for column, actor in zip(header[1:], chosen, strict=True):
        column.markdown(f"**{literal(briefing.actor_names[actor])}**")
    for _, row in table.iterrows():
        columns = st.columns([2, *[3] * len(chosen)])
        same = "all agree" if agreement(row, chosen) else "they differ"
        columns[0].html(f'<div class="cmp-issue"><strong>{text(row["issue_title"])}</strong>'
                        f'<div class="statement">{text(row["statement"])}</div>'
                        f'<div class="a-count">{same}</div></div>')
        for column, actor in zip(columns[1:], chosen, strict=True):
            chip = stance_chip(row[f"{actor}:stance"], row[f"{actor}:basis"] or None)
            cards = "".join(quote_card(briefing, quotes.loc[q]) for q in row[f"{actor}:quotes"][:3])
            column.html(f'<div class="cmp-cell">{chip} {text(row[f"{actor}:label"])}'
                        f'{cards}</div>')
