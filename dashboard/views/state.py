"""Keep the widgets and the address bar in step: the URL is read once, then written after changes.

Widgets hold ids (their labels come from `format_func`), so the URL carries ids. The codec itself is
pure and lives in `dashboard.selection`; this module only moves values between it and Streamlit.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode

import streamlit as st

from dashboard.selection import Choices, Decoded, Selection, decode, encode, pick_briefing

# Selection field -> widget key. Tests find widgets by these keys.
WIDGET_KEYS: dict[str, str] = {
    "actors": "f_actor",
    "issues": "f_issue",
    "topics": "f_topic",
    "stances": "f_stance",
    "kinds": "f_kind",
    "bases": "f_basis",
    "date_from": "f_from",
    "date_to": "f_to",
    "query": "f_q",
    "view": "f_view",
    "spokespeople": "f_spokespeople",
    "compare": "f_compare",
    "group": "f_group",
    "align": "f_align",
    "page": "f_page",
}
BRIEFING_KEY = "f_briefing"
_RESTORED = "_restored_for"
_NOTICES = "_notices"


def _query() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def choose_briefing(available: Sequence[str], default: str) -> str:
    """The briefing for this run: the picker's value, else the link's, else the default."""
    state = st.session_state
    if state.get(BRIEFING_KEY) not in available:
        decoded = pick_briefing(st.query_params.get_all("briefing"), available, default)
        state[BRIEFING_KEY] = decoded.selection.briefing
        state[_NOTICES] = decoded.notices
    return str(state[BRIEFING_KEY])


def restore(briefing_id: str, choices: Choices) -> None:
    """On the session's first run, fill the widgets from the link; on a briefing switch, reset."""
    state = st.session_state
    if state.get(_RESTORED) == briefing_id:
        return
    if _RESTORED not in state:
        decoded = decode(_query(), briefing_id, choices)
    else:
        decoded = Decoded(Selection(briefing=briefing_id))
    state[_NOTICES] = [*state.get(_NOTICES, []), *decoded.notices]
    write_widgets(decoded.selection)
    state[_RESTORED] = briefing_id


def write_widgets(selection: Selection) -> None:
    for field, key in WIDGET_KEYS.items():
        value = getattr(selection, field)
        st.session_state[key] = list(value) if isinstance(value, tuple) else value


def reset(briefing_id: str) -> None:
    """Callback for the reset button: every filter back to its default."""
    write_widgets(Selection(briefing=briefing_id))
    st.session_state[_NOTICES] = []


def focus_actor(actor_id: str) -> None:
    """Callback for an actor card: narrow the page to that actor, shown in the matrix."""
    st.session_state[WIDGET_KEYS["actors"]] = [actor_id]
    st.session_state[WIDGET_KEYS["view"]] = "matrix"


def drill_into_topic(chart_key: str) -> None:
    """Callback for a click on a topic cell: show that topic's single issues for that actor's row."""
    event = st.session_state.get(chart_key) or {}
    points = (event.get("selection") or {}).get("cell") or []
    if points and isinstance(points[0].get("issue"), str):
        st.session_state[WIDGET_KEYS["topics"]] = [points[0]["issue"]]
        st.session_state[WIDGET_KEYS["group"]] = "issues"
        st.session_state[WIDGET_KEYS["page"]] = 1


def current(briefing_id: str) -> Selection:
    state = st.session_state
    values: dict[str, object] = {}
    for field, key in WIDGET_KEYS.items():
        value = state.get(key)
        default = getattr(Selection(), field)
        if isinstance(default, tuple):
            values[field] = tuple(value or ())
        elif isinstance(default, bool):
            values[field] = bool(value)
        elif isinstance(default, int):
            values[field] = int(value) if isinstance(value, int | float) and value >= 1 else default
        elif isinstance(default, str):
            values[field] = value if isinstance(value, str) else default
        else:
            values[field] = value
    for field in ("view", "group"):
        if not values[field]:  # a segmented control can be clicked off
            values[field] = getattr(Selection(), field)
    return Selection(briefing=briefing_id).with_(**values)


def publish(selection: Selection) -> str:
    """Write the selection into the address bar (only when it changed); return the query string."""
    query = encode(selection)
    if query != _query():
        st.query_params.from_dict(query)
    return urlencode(query, doseq=True)


def notices() -> list[str]:
    return list(st.session_state.get(_NOTICES, []))


def dismiss_notices() -> None:
    st.session_state[_NOTICES] = []
