"""Several articles at once in "Add a source": files, links (one a line) and feeds, drafted one after
another in the background while the page stays usable; the review desk then walks the queue item by
item (`dashboard/extract/batch.py` holds the queue itself).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import streamlit as st

from dashboard import workers
from dashboard.briefing import Briefing
from dashboard.escape import markdown_literal as md
from dashboard.extract.batch import (
    DRAFTED,
    DRAFTING,
    FAILED,
    MAX_ITEMS,
    REVIEWED,
    WAITING,
    Batch,
    Item,
    Outcome,
)
from dashboard.extract.fetch import Allowed
from dashboard.extract.isolated import draft_item, reference
from dashboard.extract.readers import READERS

KEY = "as_batch"  # (briefing id, Batch) in the session
CURRENT = "as_batch_current"  # the item under review
_STATUS = {
    WAITING: "waiting",
    DRAFTING: "drafting…",
    DRAFTED: "drafted: to review",
    FAILED: "failed",
    REVIEWED: "done",
}


def _draft_in_worker(item: Item, briefing: Briefing, briefing_id: str, allowed: Allowed) -> Outcome:
    return workers.run(
        "drafting", draft_item, item.name, item.data, briefing, briefing_id, allowed, what=item.name
    )


def render_input(briefing: Briefing, briefing_id: str) -> None:
    """The "Several at once" tab: links or feeds, and files; Draft them all starts the queue."""
    st.text_area(
        "Links, one a line (an outlet's RSS or Atom feed adds its items)",
        key="as_b_links",
        height=120,
        max_chars=40_000,
    )
    st.file_uploader(
        "Files", key="as_b_files", accept_multiple_files=True, type=[s.lstrip(".") for s in READERS]
    )
    if st.button(
        "Draft them all",
        key="as_b_start",
        help=f"Up to {MAX_ITEMS} articles, drafted one after another in the background; "
        "you can read and review each as soon as it is drafted",
    ):
        files = [(f.name, f.getvalue()) for f in st.session_state.get("as_b_files") or []]
        links = str(st.session_state.get("as_b_links") or "").splitlines()
        batch = Batch.of(links, files)
        if not batch.items:
            st.error("Give at least one link or file.", icon=":material/error:")
            return
        batch.start(
            partial(
                _draft_in_worker,
                briefing=reference(briefing),
                briefing_id=briefing_id,
                allowed=Allowed.from_environment(),
            )
        )
        st.session_state[KEY] = (briefing_id, batch)
        st.session_state.pop(CURRENT, None)
        st.rerun()


def current_batch(briefing_id: str) -> Batch | None:
    entry = st.session_state.get(KEY)
    return entry[1] if entry is not None and entry[0] == briefing_id else None


def _line(item: Item) -> str:
    where = f" (from the feed {md(item.from_feed)})" if item.from_feed else ""
    why = f": {md(item.reason)}" if item.reason else ""
    known = f" — {md(item.known)}" if item.known else ""
    return f"- {md(item.name)}{where} — {_STATUS[item.status]}{why}{known}"


def _progress(briefing_id: str, known: Callable[[Item], str]) -> None:
    batch = current_batch(briefing_id)
    if batch is None:
        return
    for item in batch.items:  # what the briefing already has, read once per drafted item
        if item.status == DRAFTED and item.known is None:
            item.known = known(item)
    done, total = batch.progress()
    st.progress(
        done / total if total else 1.0,
        text=f"Queue: {done} of {total} read" + (" — drafting in the background" if batch.running else ""),
    )
    with st.expander("The queue, item by item", expanded=False):
        for note in batch.notes:
            st.caption(md(note))
        st.markdown("\n".join(_line(i) for i in batch.items))
    if not batch.running and st.session_state.get("as_b_was_running"):
        st.session_state["as_b_was_running"] = False
        st.rerun()  # the whole page: the review buttons now know every item
    st.session_state["as_b_was_running"] = batch.running


def render_queue(briefing_id: str, start: Callable[[Item], None], known: Callable[[Item], str]) -> None:
    """The queue's progress (refreshed every second while it runs), each item with what the briefing
    already has of it, and the way to the next item."""
    batch = current_batch(briefing_id)
    if batch is None:
        return
    st.fragment(_progress, run_every=1.0 if batch.running else None)(briefing_id, known)
    current: Item | None = st.session_state.get(CURRENT)
    following = batch.next_to_review(after=current)
    left = sum(i.status == DRAFTED and i is not current for i in batch.items)
    columns = st.columns([3, 2])
    if following is not None:
        label = "Review the next in the queue" if current is not None else "Review the first drafted"
        if columns[0].button(f"{label} ({left} waiting)", key="as_b_next", type="primary"):
            if current is not None:
                current.status = REVIEWED
            st.session_state[CURRENT] = following
            start(following)
    elif current is None and not batch.running:
        columns[0].caption("Nothing in the queue to review.")
    if columns[1].button(
        "Close the queue", key="as_b_close", help="Forget this queue (what was saved stays saved)"
    ):
        st.session_state.pop(KEY, None)
        st.session_state.pop(CURRENT, None)
        st.rerun()


def mark_reviewed() -> None:
    """The item under review is done (saved, or put aside)."""
    current: Any = st.session_state.get(CURRENT)
    if isinstance(current, Item):
        current.status = REVIEWED
