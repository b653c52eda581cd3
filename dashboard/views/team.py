"""On a replica of the team server (docs/team.md): a word when this replica cannot hear the store, and
the timer that brings a reader's page back in full after its replica is lost.

Streamlit's page, reconnected to another replica after its own died, runs the script again only
when something on it runs on a timer (or a run was under way); otherwise it keeps showing the old
replica's elements, whose downloads that replica alone could make. This fragment runs on a timer, so
the page runs again from its link on the replica it lands on, downloads included. Each run is a look
at the store's health, nothing more.
"""

from __future__ import annotations

import streamlit as st

HEARTBEAT_SECONDS = 30


@st.fragment(run_every=HEARTBEAT_SECONDS)
def render_team_status() -> None:
    from dashboard.store.postgres import problem

    trouble = problem()
    if trouble:
        st.warning(
            f"This server cannot reach the team store now ({trouble}): the briefings shown are as they "
            "were when it last could, and saves are refused until it can again."
        )
