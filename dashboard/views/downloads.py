"""Downloads: the briefing note of the view (PDF, Word, Markdown), the matrix as a picture (PNG, SVG)
and the view's positions and quotes as CSV.

PDF, Word and the pictures are made by native renderers (WeasyPrint, python-docx's lxml,
vl-convert), so they are made in a worker process (`dashboard.workers`): pressing the button makes
the file there, with a time and a memory limit, and then offers it to save; if the renderer fails,
the page says why and nothing else is touched. Markdown and CSV are plain Python, made when their
button is pressed (deferred). The note's files come from `note.document`, the functions
`python -m dashboard note` calls too.

The Downloads are drawn by the page's full run, below the body (`app.py`), not by the region: an
actor picked or a cell opened reruns the body or the region alone, and the Downloads, the same for
every view but for what their files hold, are not sent again (twelve elements fewer a change,
docs/performance.md). What their files hold is the view the region last drew (`keep_view`), read
when a file is made: a deferred download reads it as it is clicked, a native file's button reruns
the Downloads alone, which read it then. When the view a region draws no longer fits the Downloads
as drawn (a file made or a failure shown for another view, the pictures' buttons to be enabled or
disabled), `keep_view` says so and the region runs the page whole, which draws them again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard import extras, workers
from dashboard.briefing import Briefing
from dashboard.export import positions_csv, quotes_csv
from dashboard.filters import Subset
from dashboard.note.document import FORMATS, NothingToDraw, make
from dashboard.note.model import build
from dashboard.selection import Selection
from dashboard.views import account
from dashboard.views.account import download_audit

NOTE_KEYS = {
    "pdf": "dl_note_pdf",
    "docx": "dl_note_docx",
    "md": "dl_note",
    "png": "dl_matrix_png",
    "svg": "dl_matrix_svg",
}
FILE_NAMES = {
    "pdf": "note.pdf",
    "docx": "note.docx",
    "md": "note.md",
    "png": "matrix.png",
    "svg": "matrix.svg",
}
MADE = "dl_made"  # session state: suffix -> the file made for a view, or why it could not be
VIEW = "dl_view"  # session state: a dict, "view" -> the View last drawn, "drawn" -> the Downloads' face
# The files made in this process when clicked (deferred): each writes its line of the audit of reading.
DEFERRED = (FILE_NAMES["md"], "positions.csv", "quotes.csv")


@dataclass(frozen=True)
class View:
    """What the region last drew, which the Downloads' files are made of."""

    briefing: Briefing
    subset: Subset
    selection: Selection
    link: str  # the view's absolute link
    errors: int  # records with errors, for the note
    capacities: pd.Series
    audits: Mapping[str, Callable[[], None]]  # file name -> what its deferred download writes to the audit


@dataclass(frozen=True)
class Made:
    view: tuple[int, str]  # the briefing object and the link the file was made for
    data: bytes | None
    error: str = ""


def _size(data: bytes) -> str:
    return f"{len(data) / 1e6:.1f} MB" if len(data) >= 1e6 else f"{max(1, len(data) // 1000)} KB"


def _make(briefing: Briefing, selection: Selection, suffix: str, link: str, errors: int) -> Made:
    view = (id(briefing), link)
    label = FORMATS[suffix].label
    note = build(briefing, selection, link=link, problems=errors)
    try:
        return Made(view, workers.run("documents", make, note, suffix, what=label))
    except NothingToDraw as nothing:
        return Made(view, None, str(nothing))
    except workers.WorkerFailed as failed:
        return Made(view, None, f"The {label} could not be made: {failed.reason}.")


def _in_process(briefing: Briefing, selection: Selection, suffix: str, link: str, errors: int) -> bytes:
    return make(build(briefing, selection, link=link, problems=errors), suffix)


def _native_file(
    briefing: Briefing, selection: Selection, suffix: str, link: str, errors: int, disabled: bool
) -> str:
    """A button that makes the file, replaced by one that saves it once made (in the same run);
    the error in words if it could not be made.

    A press is known before the button is drawn (its value is in session state on the run the
    press causes), so a place to swap it in is kept on that run only: on every other run the
    button is drawn without one, an element fewer each (docs/performance.md)."""
    made: dict[str, Made] = st.session_state.setdefault(MADE, {})
    chosen = FORMATS[suffix]
    entry = made.get(suffix)
    current = entry if entry is not None and entry.view == (id(briefing), link) else None
    ready = current is not None and current.data is not None
    slot = st.empty() if not ready and st.session_state.get(NOTE_KEYS[suffix]) is True else None
    if current is None or current.data is None:
        pressed = (slot.button if slot is not None else st.button)(
            chosen.label,
            key=NOTE_KEYS[suffix],
            disabled=disabled,
            help="No actor or issue in view: nothing to draw"
            if disabled
            else "Makes the file, then offers it to save",
        )
        if not pressed:
            return current.error if current is not None else ""
        with st.spinner(f"Making the {chosen.label}…"):
            current = made[suffix] = _make(briefing, selection, suffix, link, errors)
        if current.data is None:
            return current.error
        download_audit(briefing.meta.id, FILE_NAMES[suffix], link)()
    file_name = f"{briefing.meta.id}-{FILE_NAMES[suffix]}"
    (slot.download_button if slot is not None else st.download_button)(
        f"Save {file_name} ({_size(current.data)})",
        data=current.data,
        file_name=file_name,
        mime=chosen.mime,
        key=f"{NOTE_KEYS[suffix]}_save",
        on_click="ignore",
        type="primary",
        icon=":material/download:",
    )
    return ""


def _held() -> dict[str, object]:
    held: dict[str, object] = st.session_state.setdefault(VIEW, {})
    return held


def _face(view: View) -> tuple[object, ...]:
    """What the Downloads draw for a view that the view can change: whether the pictures have
    anything to draw, and each file made (or failure met) for this very view."""
    made: dict[str, Made] = st.session_state.get(MADE, {})
    key = (id(view.briefing), view.link)
    shown = sorted((suffix, m.data is not None, m.error) for suffix, m in made.items() if m.view == key)
    return (view.subset.issues.empty or view.subset.actors.empty, tuple(shown))


def keep_view(
    briefing: Briefing, subset: Subset, selection: Selection, link: str, errors: int, capacities: pd.Series
) -> bool:
    """Called on each of the region's runs: keeps the view for the Downloads' files. True when the
    Downloads as drawn no longer fit it (the region must then run the page whole, when it runs alone)."""
    stem = briefing.meta.id
    view = View(
        briefing,
        subset,
        selection,
        link,
        errors,
        capacities,
        {f: download_audit(stem, f, link) for f in DEFERRED},
    )
    held = _held()
    held["view"] = view
    return "drawn" in held and held["drawn"] != _face(view)


def _deferred(
    held: Mapping[str, object], file: str, make_file: Callable[[View], bytes]
) -> Callable[[], bytes]:
    """A deferred download's maker: the view kept when it is clicked, its audit line written."""

    def made() -> bytes:
        view = held["view"]
        assert isinstance(view, View)
        view.audits[file]()
        return make_file(view)

    return made


def _note_md(view: View) -> bytes:
    return _in_process(view.briefing, view.selection, "md", view.link, view.errors)


def _positions(view: View) -> bytes:
    return positions_csv(view.briefing, view.subset)


def _quotes(view: View) -> bytes:
    return quotes_csv(view.briefing, view.subset, view.capacities)


@st.fragment
def render_downloads() -> None:
    """The Downloads of the view the region last drew (`keep_view`); nothing before it has drawn one."""
    held = _held()
    view = held.get("view")
    if not isinstance(view, View):
        return
    briefing, subset, selection, link, errors = (
        view.briefing,
        view.subset,
        view.selection,
        view.link,
        view.errors,
    )
    if not account.still_allowed(selection.briefing):  # signed out, too old, or revoked
        st.rerun(scope="app")
    stem = briefing.meta.id
    nothing_to_draw = subset.issues.empty or subset.actors.empty
    absent = extras.missing("documents")
    failures = [f"PDF, Word and the pictures: {absent}."] if absent else []
    with st.container(key="downloads"):
        st.subheader("Downloads", anchor=False)
        with st.container(horizontal=True, key="download-buttons", gap="small"):
            for suffix, chosen in FORMATS.items():
                if chosen.native and absent:
                    st.button(chosen.label, key=NOTE_KEYS[suffix], disabled=True, help=absent)
                    continue
                if chosen.native:
                    failures.append(
                        _native_file(
                            briefing, selection, suffix, link, errors, chosen.picture and nothing_to_draw
                        )
                    )
                    continue
                st.download_button(
                    chosen.label,
                    data=_deferred(held, FILE_NAMES[suffix], _note_md),
                    file_name=f"{stem}-{FILE_NAMES[suffix]}",
                    mime=chosen.mime,
                    key=NOTE_KEYS[suffix],
                    on_click="ignore",
                )
            st.download_button(
                "Positions (CSV)",
                data=_deferred(held, "positions.csv", _positions),
                file_name=f"{stem}-positions.csv",
                mime="text/csv",
                key="dl_positions",
                on_click="ignore",
            )
            st.download_button(
                "Quotes (CSV)",
                data=_deferred(held, "quotes.csv", _quotes),
                file_name=f"{stem}-quotes.csv",
                mime="text/csv",
                key="dl_quotes",
                on_click="ignore",
            )
        for failure in filter(None, failures):
            st.error(failure, icon=":material/error:")  # our words: no record text
        st.caption(
            "The note says what this view shows: its filters, the matrix, each reading with "
            "its evidence word for word, and what it had to leave out. PDF, Word and the "
            "pictures are made when you press their button (a few seconds), then offered to save."
        )
    held["drawn"] = _face(view)
