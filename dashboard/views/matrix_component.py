"""The page's stance matrix as one element: the SVG `matrix_svg.drawing` builds, put in place by a
Streamlit component (components v2, in the page itself, no iframe) whose JavaScript is
`matrix_component.js`. A click, Enter or Space on a cell reports the cell's key, and the page opens it
as a click on the Vega chart did. Drawn by the browser from markup, where the Vega chart built each of
1,200 cells' marks through its runtime (docs/performance.md, "The matrix drawn from the server's SVG").
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

import streamlit as st

from dashboard.matrix_svg import Drawing
from dashboard.vocabulary import SELECTED_OUTLINE

NAME = "stance_matrix"
EVENT = "cell"  # the trigger the script reads: the clicked cell's key, "actor~issue"
CSS = f"""
.stance-matrix {{ width: max-content; }}
.stance-matrix svg {{ display: block; overflow: visible; }}
.stance-matrix text {{ font-family: inherit; font-size: 12px; }}
.stance-matrix .label {{ fill: #808495; }}
.stance-matrix .facet-title {{ fill: #808495; font-weight: bold; }}
.stance-matrix .matrix-body g {{ pointer-events: none; }}
.stance-matrix .matrix-body g.cell_marks {{ pointer-events: auto; }}
.stance-matrix rect.cell {{ stroke: #8a8a8a; stroke-width: 1; cursor: pointer; outline: none; }}
.stance-matrix .dashed_outline_marks rect {{ fill: none; stroke: #4a4a4a; stroke-width: 1.3; }}
.stance-matrix rect.ring {{ fill: none; stroke: {SELECTED_OUTLINE}; stroke-width: 3.5; }}
.stance-matrix rect.focus {{ fill: none; stroke: #0b57d0; stroke-width: 2; }}
.stance-matrix .cell_glyph_marks text {{ font-size: 13px; font-weight: bold; fill: #1a1a1a;
  text-anchor: middle; }}
.stance-matrix .confidence_dots_marks text {{ font-size: 6px; fill: #1a1a1a; text-anchor: middle; }}
.stance-matrix text.on-dark {{ fill: #ffffff; }}
.matrix-tooltip {{ position: absolute; z-index: 1000; max-width: 420px; pointer-events: none;
  font-size: 12px; line-height: 1.35; color: #31333f; background: rgba(251, 250, 247, .95);
  border: 1px solid rgba(28, 28, 28, .2); border-radius: 8px; padding: 6px 12px;
  box-shadow: 0 1px 4px rgba(0, 0, 0, .16); }}
.matrix-tooltip[hidden] {{ display: none; }}
.matrix-tooltip table {{ border-collapse: collapse; }}
.matrix-tooltip td {{ padding: 2px 4px; vertical-align: top; text-align: left; }}
.matrix-tooltip td.key {{ color: #55544f; text-align: right; white-space: nowrap; }}
"""
_mount = st.components.v2.component(
    NAME,
    js=(Path(__file__).with_name("matrix_component.js")).read_text(encoding="utf-8"),
    css=CSS,
    isolate_styles=False,  # the page's tests and a screen reader read its cells as part of the page
)


# The open cell travels apart from the drawing, in a mark put in the element just before it
# (`open_mark`): the drawing's own message then stays the same from one cell to the next, and
# Streamlit sends a message it has sent before as a reference to it (a seed matrix's is 20–92 KB).
# The script watches the mark and moves the ring when it changes.
OPEN_MARK = "matrix-open-cell"


def open_mark(open_key: str) -> str:
    """The open cell's key ("actor~issue", "" for none) as an empty hidden HTML mark for the script;
    nothing a reader or a screen reader meets."""
    return f'<span class="{OPEN_MARK}" data-cell="{escape(open_key, quote=True)}" hidden></span>'


def render_drawing(drawing: Drawing, *, key: str, alt: str, on_click: Callable[[], None]) -> None:
    """The matrix, ringing the cell `open_mark` names (written into the page just before it);
    `on_click` runs when a cell is clicked (the cell's key is `st.session_state[key][EVENT]`)."""
    _mount(
        key=key,
        data={"alt": alt, "body": drawing.body, "cells": drawing.cells},
        width="content",
        on_cell_change=on_click,
    )


def clicked_cell(key: str) -> tuple[str, str] | None:
    """The cell a click reported, or None when there is none."""
    event = st.session_state.get(key) or {}
    value = event.get(EVENT) if isinstance(event, dict) else None
    actor, _, issue = value.partition("~") if isinstance(value, str) else ("", "", "")
    return (actor, issue) if actor and issue else None
