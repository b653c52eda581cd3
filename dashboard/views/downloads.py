"""Downloads: the briefing note of the view (PDF, Word, Markdown), the matrix as a picture (PNG, SVG)
and the view's positions and quotes as CSV.

PDF, Word and the pictures are made by native renderers (WeasyPrint, python-docx's lxml,
vl-convert), so they are made in a worker process (`dashboard.workers`): pressing the button makes
the file there, with a time and a memory limit, and then offers it to save; if the renderer fails,
the page says why and nothing else is touched. Markdown and CSV are plain Python, made when their
button is pressed (deferred). The note's files come from `note.document`, the functions
`python -m dashboard note` calls too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import pandas as pd
import streamlit as st

from dashboard import extras, workers
from dashboard.briefing import Briefing
from dashboard.export import positions_csv, quotes_csv
from dashboard.filters import Subset
from dashboard.note.document import FORMATS, NothingToDraw, make
from dashboard.note.model import build
from dashboard.selection import Selection
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


@dataclass(frozen=True)
class Made:
    view: tuple[int, str]  # the briefing object and the link the file was made for
    data: bytes | None
    error: str = ""


def _logged(make_file: Callable[[], bytes], log: Callable[[], None]) -> Callable[[], bytes]:
    """A deferred download's maker that writes its line of the audit of reading as it runs."""

    def made() -> bytes:
        log()
        return make_file()

    return made


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


@st.fragment
def _files(
    briefing: Briefing, subset: Subset, selection: Selection, link: str, errors: int, capacities: pd.Series
) -> None:
    stem = briefing.meta.id
    nothing_to_draw = subset.issues.empty or subset.actors.empty
    absent = extras.missing("documents")
    failures = [f"PDF, Word and the pictures: {absent}."] if absent else []
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
                data=_logged(
                    partial(_in_process, briefing, selection, suffix, link, errors),
                    download_audit(stem, FILE_NAMES[suffix], link),
                ),
                file_name=f"{stem}-{FILE_NAMES[suffix]}",
                mime=chosen.mime,
                key=NOTE_KEYS[suffix],
                on_click="ignore",
            )
        st.download_button(
            "Positions (CSV)",
            data=_logged(
                lambda: positions_csv(briefing, subset), download_audit(stem, "positions.csv", link)
            ),
            file_name=f"{stem}-positions.csv",
            mime="text/csv",
            key="dl_positions",
            on_click="ignore",
        )
        st.download_button(
            "Quotes (CSV)",
            data=_logged(
                lambda: quotes_csv(briefing, subset, capacities), download_audit(stem, "quotes.csv", link)
            ),
            file_name=f"{stem}-quotes.csv",
            mime="text/csv",
            key="dl_quotes",
            on_click="ignore",
        )
    for failure in filter(None, failures):
        st.error(failure, icon=":material/error:")  # our words: no record text


def render_downloads(
    briefing: Briefing, subset: Subset, selection: Selection, link: str, errors: int, capacities: pd.Series
) -> None:
    st.subheader("Downloads", anchor=False)
    _files(briefing, subset, selection, link, errors, capacities)
    st.caption(
        "The note says what this view shows: its filters, the matrix, each reading with "
        "its evidence word for word, and what it had to leave out. PDF, Word and the "
        "pictures are made when you press their button (a few seconds), then offered to save."
    )
