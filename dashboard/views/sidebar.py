"""The sidebar: briefing picker, filters, reset, and the link to the current view."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard import serving
from dashboard.briefing import Briefing
from dashboard.escape import html_text
from dashboard.records import ACTOR_KINDS, BASES, STANCES, UNKNOWN
from dashboard.selection import LABEL
from dashboard.views.state import BRIEFING_KEY, WIDGET_KEYS, reset, resolve_typed_actors
from dashboard.vocabulary import BASIS_LABELS, KIND_SINGULAR, STANCE_LABELS

MAX_ISSUE_OPTIONS = 300  # a list longer than this is searched first, not sent whole on every rerun
# The stance and basis filters read each cell's latest reading (within the dates), never an older one.
AS_IT_STANDS = (
    "Reads each cell as it stands: its latest reading within the From and To dates. An older "
    "reading that matches is not shown in place of a later one that does not."
)


def issue_options(briefing: Briefing, sidebar: DeltaGenerator) -> list[str]:
    """Every issue id for a short list; for thousands, the chosen ones plus the matches of a search."""
    ids = [str(i) for i in briefing.issues["id"]]
    if len(ids) <= MAX_ISSUE_OPTIONS:
        return ids
    chosen = list(st.session_state.get(WIDGET_KEYS["issues"]) or [])
    needle = sidebar.text_input(
        f"Find issues ({len(ids):,})", key="issue_find", placeholder="Words of the title, text or reference"
    ).strip()
    if not needle:
        return chosen + [i for i in ids[-MAX_ISSUE_OPTIONS:] if i not in chosen]
    matches = briefing.find_issues(needle)[:MAX_ISSUE_OPTIONS]
    return chosen + [i for i in matches if i not in chosen]


def render_sidebar(briefing: Briefing, titles: Mapping[str, str]) -> DeltaGenerator:
    """titles: briefing id -> title, for the picker.

    Returns the Actors box's place, which `render_actor_filter` fills from the page's body (a
    fragment, `views/region.py`): a pick or a Backspace there reruns the body alone, and the
    other filters, drawn here, stay as they are."""
    sidebar = st.sidebar
    if len(titles) > 1:
        sidebar.selectbox(
            "Briefing", options=list(titles), key=BRIEFING_KEY, format_func=lambda b: titles.get(b, b)
        )
    label = LABEL  # every filter's name in words, from the one table of parameters
    actors = sidebar.container()
    sidebar.toggle(
        label["spokespeople"],
        key=WIDGET_KEYS["spokespeople"],
        help="Selecting China also brings in the officials who represent it.",
    )
    issue_titles = briefing.issue_titles
    sidebar.multiselect(
        label["issues"],
        options=issue_options(briefing, sidebar),
        format_func=lambda i: issue_titles.get(i, i),
        key=WIDGET_KEYS["issues"],
        placeholder="All issues",
        filter_mode="contains",
        select_all=False,
    )
    if briefing.topics:
        sidebar.multiselect(
            label["topics"],
            options=briefing.topics,
            key=WIDGET_KEYS["topics"],
            placeholder="All topics",
            filter_mode="contains",
            select_all=False,
        )
    sidebar.multiselect(
        label["stances"],
        options=[*STANCES, UNKNOWN],
        format_func=lambda s: STANCE_LABELS[s],
        key=WIDGET_KEYS["stances"],
        placeholder="All stances",
        select_all=False,
        help=AS_IT_STANDS,
    )
    sidebar.multiselect(
        label["kinds"],
        options=list(ACTOR_KINDS),
        key=WIDGET_KEYS["kinds"],
        format_func=lambda k: KIND_SINGULAR[k],
        placeholder="All kinds",
        select_all=False,
    )
    sidebar.multiselect(
        label["bases"],
        options=list(BASES),
        format_func=lambda b: BASIS_LABELS[b],
        key=WIDGET_KEYS["bases"],
        placeholder="Said, did, inferred, reported",
        select_all=False,
        help=AS_IT_STANDS,
    )
    sidebar.date_input(label["date_from"], key=WIDGET_KEYS["date_from"], format="YYYY-MM-DD")
    sidebar.date_input(label["date_to"], key=WIDGET_KEYS["date_to"], format="YYYY-MM-DD")
    sidebar.text_input(label["query"], key=WIDGET_KEYS["query"], placeholder="e.g. influence, silence")
    sidebar.button("Reset filters", on_click=reset, args=(briefing_id(),), key="reset", width="stretch")
    return actors


def render_actor_filter(place: DeltaGenerator, briefing: Briefing, labels: Mapping[str, str]) -> None:
    """The Actors box, in the place `render_sidebar` kept for it; labels: actor id -> label
    (dashboard.labels)."""
    # Enter on a spelling the list does not show (Gruene, Freie Waehler) picks the best match.
    place.multiselect(
        LABEL["actors"],
        options=list(briefing.actor_rank.index),
        format_func=lambda a: labels.get(a, a),
        key=WIDGET_KEYS["actors"],
        filter_mode="contains",
        placeholder="Search names or aliases: Xi, 习近平, Путин…",
        # Streamlit writes "Add: …" for typed text and offers no way to reword it: say what it does
        help=(
            "Typing a name the list does not show and pressing Enter searches this briefing's actors "
            "and their aliases for it: “Add: …” picks the actor it finds and never creates one."
        ),
        select_all=False,
        accept_new_options=True,
        on_change=resolve_typed_actors,
        args=(WIDGET_KEYS["actors"], briefing),
    )


def briefing_id() -> str:
    return str(st.session_state.get(BRIEFING_KEY, ""))


def render_link(query_string: str) -> None:
    """The link to copy. Plain HTML, not st.code: that loads a 1.5 MB syntax highlighter."""
    link = absolute_link(query_string)
    host = urlsplit(link).hostname or ""
    local = (
        (
            " It names this computer: it opens the same view for a colleague who runs the "
            "dashboard on theirs. To send a link to a shared server, open that server's address "
            f"or set {serving.PUBLIC_URL_VARIABLE}."
        )
        if serving.is_loopback(host)
        else ""
    )
    st.sidebar.html(
        f'<div class="view-link"><p>Link to this view (copy and send):</p>'
        f'<code tabindex="0">{html_text(link)}</code>'
        + (f'<p class="view-link-note">{html_text(local.strip())}</p>' if local else "")
        + "</div>"
    )


def absolute_link(query_string: str) -> str:
    base = base_url()
    return f"{base}?{query_string}" if query_string else base


def base_url() -> str:
    """The page's address for links: DASHBOARD_PUBLIC_URL when set (the address colleagues open,
    behind a proxy say), else the address this browser opened."""
    try:
        public = serving.public_url()
    except serving.BadPublicUrl:
        public = ""  # `serve` refuses to start with it; a bare `streamlit run` falls back
    if public:
        return public
    try:
        url = str(st.context.url or "")
    except Exception:  # no browser context (AppTest): a relative link still works
        url = ""
    base = url.split("?", 1)[0]
    if base and urlsplit(base).path == "":
        base += "/"
    return base or "/"
