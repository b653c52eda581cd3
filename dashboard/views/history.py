"""A cell's history: every position an actor held on an issue, oldest first, each with its basis,
who read it, its as-of, what changed from the one before, and the words behind it. Opened from the
cell panel, the cards and compare wherever a cell holds more than one position."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import changes
from dashboard.briefing import Briefing
from dashboard.escape import html_text, markdown_literal
from dashboard.markup import quote_cards, stance_chip
from dashboard.reading import describe
from dashboard.views.memo import kept
from dashboard.vocabulary import counted, glyph

QUOTES_PER_POSITION = 2


def history_html(briefing: Briefing, actor: str, issue: str) -> str:
    """The cell's positions, oldest first, as HTML (record text escaped)."""
    line = changes.timeline(briefing, actor, issue)
    quotes = briefing.quotes.set_index("id", drop=False)
    rows = []
    for row in line.itertuples(index=False):
        stance, basis = str(row.stance), str(row.basis)
        as_of = "undated" if pd.isna(row.as_of) else pd.Timestamp(row.as_of).strftime("%Y-%m-%d")
        assessor = (
            briefing.actor_names.get(str(row.assessed_by), str(row.assessed_by))
            if isinstance(row.assessed_by, str)
            else ""
        )
        said = str(briefing.said_how[int(row.position)])
        change = changes.CHANGE_LABELS.get(str(row.change), str(row.change))
        ids = [q for q in (row.evidence if isinstance(row.evidence, list) else []) if q in quotes.index]
        shown = quotes.loc[ids[:QUOTES_PER_POSITION]]
        more = len(ids) - len(shown)
        rows.append(
            f'<li class="history-row"><span class="t-date">{html_text(as_of)}</span> '
            f"{stance_chip(stance, glyph(stance, basis))} "
            f"{html_text(describe(stance, basis, str(row.confidence), as_of, assessor, said=said))}"
            f' <span class="outcome">· {html_text(change)}</span>'
            + (
                f'<div class="r-summary">{html_text(row.summary)}</div>'
                if isinstance(row.summary, str) and row.summary
                else ""
            )
            + quote_cards(briefing, shown, evidence=list(shown.index), about=actor)
            + (
                f'<div class="a-count">and {counted(more, "more evidence quotes")} for this position</div>'
                if more > 0
                else ""
            )
            + "</li>"
        )
    return f'<ol class="history">{"".join(rows)}</ol>'


def render_history(briefing: Briefing, actor: str, issue: str, n_positions: int, *, key: str) -> None:
    """An expander with the cell's history, when it has more than one position."""
    if n_positions < 2:
        return
    name = briefing.actor_names.get(actor, actor)
    with st.expander(f"History: {n_positions} positions over time", key=key):
        st.caption(
            f"Every position of {markdown_literal(name)} on this issue, oldest first; a "
            "reading by someone else replaced by the actor's own words is not the actor "
            "moving."
        )
        # The same for a cell every time the briefing is the same: kept (views/memo.py).
        st.html(kept("history", (briefing,), (actor, issue), lambda: history_html(briefing, actor, issue)))
