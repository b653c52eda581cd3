"""Actor cards: who each actor is, their stances at a glance, and their latest words."""

from __future__ import annotations

import streamlit as st

from dashboard.briefing import Briefing
from dashboard.filters import View
from dashboard.markup import actor_card
from dashboard.matrix import actor_order
from dashboard.plaintext import literal
from dashboard.records import UNKNOWN
from dashboard.views.paging import page_of_rows
from dashboard.views.state import focus_actor

PAGE_SIZE = 24
COLUMNS = 3


def render_cards(briefing: Briefing, view: View) -> None:
    st.subheader("Actors", anchor=False)
    actors = actor_order(view.actors, briefing)
    if actors.empty:
        st.info("No actors match these filters: clear the actor or kind filter.")
        return
    shown = page_of_rows(actors, PAGE_SIZE, "actors", "cards_page")
    latest = view.latest()
    stance_by = {(str(r.actor), str(r.issue)): (str(r.stance), str(r.basis))
                 for r in latest.itertuples(index=False)}
    issues = list(view.issues[["id", "title"]].itertuples(index=False))[:30]
    quotes = view.quotes.sort_values("when", kind="stable")
    counts = quotes["speaker"].value_counts()
    last_text = quotes.drop_duplicates("speaker", keep="last").set_index("speaker")["text"]
    columns = st.columns(COLUMNS)
    for index, actor in enumerate(shown.itertuples(index=False)):
        row = actors.loc[actors["id"] == actor.id].iloc[0]
        stances = [(title, *stance_by.get((actor.id, issue), (UNKNOWN, "")))
                   for issue, title in issues]
        with columns[index % COLUMNS]:
            st.html(actor_card(briefing, row, stances, int(counts.get(actor.id, 0)),
                               last_text.get(actor.id)))
            st.button(f"Focus on {literal(str(actor.name))}", key=f"focus_{actor.id}", on_click=focus_actor,
                      args=(actor.id,), width="stretch")
