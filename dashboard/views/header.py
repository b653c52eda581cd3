"""The page header: title, date, classification banner, summary, counts; and what went wrong."""

from __future__ import annotations

import streamlit as st

from dashboard.briefing import Briefing
from dashboard.filters import View
from dashboard.markup import text
from dashboard.plaintext import literal
from dashboard.problems import Problem, Severity


def render_header(briefing: Briefing, view: View) -> None:
    meta = briefing.meta
    if meta.classification:
        st.html(f'<div class="banner">{text(meta.classification)}</div>')
    st.title(literal(meta.title), anchor=False)
    as_of = meta.as_of.isoformat() if meta.as_of else "date unknown"
    st.caption(f"As of {as_of} · briefing `{meta.id}`")
    if meta.summary:
        st.html(f'<p class="summary">{text(meta.summary)}</p>')
    counts = view.counts()
    totals = briefing.counts()
    columns = st.columns(len(counts))
    for column, (name, count) in zip(columns, counts.items(), strict=True):
        column.metric(name.capitalize(), f"{count:,}", help=f"{totals[name]:,} in the briefing")


def render_problems(problems: list[Problem]) -> None:
    if not problems:
        return
    n_errors = sum(p.severity is Severity.ERROR for p in problems)
    n_warnings = len(problems) - n_errors
    title = (f"This briefing has {n_errors} error(s) and {n_warnings} warning(s): records with "
             "errors are left out below")
    if n_errors:
        st.error(title, icon=":material/error:")
    with st.expander(f"Data problems ({n_errors} errors, {n_warnings} warnings)",
                     expanded=False):
        st.code("\n".join(str(p) for p in problems[:500]), language=None, wrap_lines=True)
        if len(problems) > 500:
            st.caption(f"… and {len(problems) - 500:,} more: run `python -m dashboard check`.")


def render_notices(notices: list[str]) -> None:
    for notice in notices:
        st.warning(notice, icon=":material/link_off:")
