"""Keep the widgets and the address bar in step; the codec itself is pure (`dashboard.selection`).

- On a session's first run the link fills the widgets. After that the widgets lead and each change is
  written to the address bar (one history entry per change).
- Back and Forward: the browser changes the address and Streamlit reruns; an address that differs
  from the one this page last wrote is the reader's navigation, so it fills the widgets again and is
  never overwritten.
- A control shown in one view only keeps its value while another view is shown: every widget's
  value is written back to session state at the top of each run, which Streamlit keeps for widgets
  that are not drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode

import streamlit as st

from dashboard.briefing import Briefing
from dashboard.escape import markdown_literal
from dashboard.filters import Subset, id_mask
from dashboard.link import decode, encode, pick_briefing
from dashboard.selection import PARAM_BY_NAME, PARAMS, Choices, ParamKind, Selection

# Parameter name -> widget key, from the one table of parameters. Tests find widgets by these keys.
WIDGET_KEYS: dict[str, str] = {p.name: p.widget for p in PARAMS if p.name != "briefing"}
BRIEFING_KEY = "f_briefing"
CELL_KEY = WIDGET_KEYS["cell"]  # not a widget: the open cell, set by a click or the cell picker
PAIR_KEY = WIDGET_KEYS["pair"]  # not a widget: the open pair, set by a click on the heatmap
_RESTORED = "_restored_for"
_PUBLISHED = "_published"
_NOTICES = "_notices"
_NOTICES_NEW = "_notices_new"  # notices were added in this run: the view change that made them stays


def _query() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def _navigated() -> bool:
    """Whether the address differs from the one this page last wrote: Back, Forward or an edit."""
    state = st.session_state
    return _PUBLISHED in state and _query() != state[_PUBLISHED]


def choose_briefing(available: Sequence[str], default: str) -> str:
    """The briefing for this run: the link's on a first run or after navigation, else the picker's."""
    state = st.session_state
    if state.get(BRIEFING_KEY) not in available or _navigated():
        decoded = pick_briefing(st.query_params.get_all("briefing"), available, default)
        state[BRIEFING_KEY] = decoded.selection.briefing
        state[_NOTICES] = []
        for notice in decoded.notices:
            add_notice(notice)
    return str(state[BRIEFING_KEY])


def restore(briefing_id: str, choices: Choices) -> None:
    """Fill the widgets from the link (first run, Back/Forward), or reset them (briefing switch)."""
    state = st.session_state
    if _RESTORED not in state or _navigated():
        decoded = decode(_query(), briefing_id, choices)
        for notice in decoded.notices:
            add_notice(notice)
        write_widgets(decoded.selection)
    elif state.get(_RESTORED) != briefing_id:
        write_widgets(Selection(briefing=briefing_id))
    else:
        keep_values()
    state[_RESTORED] = briefing_id


def keep_values() -> None:
    """Write each widget's value back as session state, so a widget not drawn in this run (compare's
    actors while the matrix is shown) keeps it instead of losing it at the end of the run."""
    state = st.session_state
    for key in WIDGET_KEYS.values():
        if key in state:
            state[key] = state[key]


def write_widgets(selection: Selection) -> None:
    for name, key in WIDGET_KEYS.items():
        value = selection.value(name)
        kept_whole = name in ("cell", "pair")
        st.session_state[key] = list(value) if isinstance(value, tuple) and not kept_whole else value


def reset(briefing_id: str) -> None:
    """Callback for the reset button: every filter back to its default."""
    write_widgets(Selection(briefing=briefing_id))
    st.session_state[_NOTICES] = []


def focus_actor(actor_id: str) -> None:
    """Callback for an actor card: narrow the page to that actor, shown in the matrix."""
    st.session_state[WIDGET_KEYS["actors"]] = [actor_id]
    st.session_state[WIDGET_KEYS["view"]] = "matrix"
    st.session_state[CELL_KEY] = None


def resolve_typed_actors(key: str, briefing: Briefing) -> None:
    """Callback for an actor picker that takes typed text (Enter on what the list did not match,
    'Gruene', 'Freie Waehler'): each typed value becomes the actor it most likely means, or goes
    with a notice when none fits. Ids chosen from the list stay as they are."""
    chosen = list(st.session_state.get(key) or [])
    known = set(briefing.actors["id"])
    resolved: list[str] = []
    for value in chosen:
        if value in known:
            resolved.append(value)
            continue
        best = briefing.best_actor(str(value))
        if best is None:
            add_notice(
                f"No actor in this briefing matches {markdown_literal(repr(str(value)))}: "
                "try another spelling, a surname or an alias."
            )
        elif best not in resolved:
            resolved.append(best)
    st.session_state[key] = resolved


def first_rows_page() -> None:
    """Callback for the agreement sort: the best-aligned rows are on the first page."""
    st.session_state[WIDGET_KEYS["rows_page"]] = 1


PICK_ACTOR, PICK_ISSUE = "pick_actor", "pick_issue"  # the cell picker's two lists


def open_cell(cell: tuple[str, str] | None) -> None:
    """Open a cell's evidence (None closes it; the cell picker is cleared with it)."""
    st.session_state[CELL_KEY] = cell
    if cell is None:
        st.session_state[PICK_ACTOR] = st.session_state[PICK_ISSUE] = None


def open_pair(pair: tuple[str, str] | None) -> None:
    st.session_state[PAIR_KEY] = pair


def drill_into_topic(chart_key: str) -> None:
    """Callback for a click on a topic cell: show that topic's single issues."""
    event = st.session_state.get(chart_key) or {}
    points = (event.get("selection") or {}).get("cell") or []
    if points and isinstance(points[0].get("topic"), str):
        st.session_state[WIDGET_KEYS["topics"]] = [points[0]["topic"]]
        st.session_state[WIDGET_KEYS["group"]] = "issues"
        st.session_state[WIDGET_KEYS["rows_page"]] = 1
        st.session_state[WIDGET_KEYS["first_column"]] = 0


_DEFAULT = Selection()  # frozen: its values are the defaults every run compares with


def _value(name: str, value: object) -> object:
    param = PARAM_BY_NAME[name]
    default = _DEFAULT.value(name)
    if param.kind in (ParamKind.CELL, ParamKind.PAIR):
        ok = isinstance(value, tuple | list) and len(value) == 2 and all(isinstance(v, str) for v in value)
        return tuple(value) if ok else None  # type: ignore[arg-type]
    if isinstance(default, tuple):
        return tuple(value) if isinstance(value, list | tuple) else ()
    if isinstance(default, bool):
        return bool(value)
    if isinstance(default, int):
        return int(value) if isinstance(value, int | float) and value >= 0 else default
    if isinstance(default, str):
        return value if isinstance(value, str) and value else default
    return value


def current(briefing_id: str, defaults: dict[str, tuple[str, ...]] | None = None) -> Selection:
    """The selection the widgets hold; a value equal to its view's default (`defaults`, by
    parameter name: the kinds of change a briefing lists by default) is left out of the link."""
    state = st.session_state
    values = {name: _value(name, state.get(key)) for name, key in WIDGET_KEYS.items()}
    for name, default in (defaults or {}).items():
        if tuple(values.get(name) or ()) == default:  # type: ignore[arg-type]
            values[name] = ()
    return Selection(briefing=briefing_id).with_(**values)


def check_cell(briefing: Briefing, subset: Subset, selection: Selection) -> tuple[Selection, tuple[str, ...]]:
    """The selection with its open cell checked once per run: a cell whose actor or issue the
    filters no longer show is closed, and the words that say so are returned for the view."""
    cell = selection.matrix.cell
    if cell is None or selection.view != "matrix":
        return selection, ()
    actor, issue = cell
    # Lookups kept per frame (the subset's frames are kept per filters): not a comparison over
    # Arrow strings each run (about 1 ms each on the seed; issue 24).
    if id_mask(subset.actors, [actor]).any() and id_mask(subset.issues, [issue]).any():
        return selection, ()
    open_cell(None)
    said = (
        f"The cell you had open ({markdown_literal(briefing.actor_names.get(actor, actor))} "
        f"on {markdown_literal(briefing.issue_titles.get(issue, issue))}) is no longer in "
        "view: the filters leave it out, so it was closed."
    )
    return selection.with_(cell=None), (said,)


def publish(selection: Selection) -> str:
    """Write the selection into the address bar (only when it changed); return the query string.

    Notices about the link stay on the page until the reader changes the view, then go.
    """
    state = st.session_state
    query = encode(selection)
    if query != _query():
        st.query_params.from_dict(query)
    if state.get(_PUBLISHED) is not None and state[_PUBLISHED] != query and not state.get(_NOTICES_NEW):
        state[_NOTICES] = []
    state[_NOTICES_NEW] = False
    state[_PUBLISHED] = query
    return urlencode(query, doseq=True)


def notices() -> list[str]:
    return list(st.session_state.get(_NOTICES, []))


def add_notice(text: str) -> None:
    """A notice for this run (and the next ones until the view changes)."""
    st.session_state[_NOTICES] = [*notices(), text]
    st.session_state[_NOTICES_NEW] = True
