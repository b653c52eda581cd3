"""The page header: classification banner, title, date, what the counts count; and what went wrong."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard import extras, serving
from dashboard.briefing import Briefing
from dashboard.catalog import HIDDEN, Catalog
from dashboard.escape import html_text, markdown_literal
from dashboard.filters import Subset
from dashboard.problems import Problem, Severity
from dashboard.reading import CAPACITY_COUNT_WORDS
from dashboard.vocabulary import counted


def counts_line(briefing: Briefing, subset: Subset, capacities: dict[str, int]) -> str:
    """'2 actors · 7 issues · 12 positions · 13 quotes (…) · 1 source in view, of 24 actors · 7 …
    in the briefing', or '… · 3 sources: the whole briefing' when nothing is filtered out."""
    counts, totals = subset.counts(), briefing.counts()
    names = ("actors", "issues", "positions", "quotes", "sources")
    parts = [counted(counts[name], name) for name in names[:3]]
    quotes = counted(counts["quotes"], "quotes")
    if subset.authors and counts["quotes"]:
        said = [f"{capacities[k]} {w}" for k, w in CAPACITY_COUNT_WORDS.items() if capacities.get(k)]
        quotes += " (" + ", ".join(said) + ")"
    parts += [quotes, counted(counts["sources"], "sources")]
    if all(counts[n] == totals[n] for n in names):
        return " · ".join(parts) + ": the whole briefing"
    return (
        " · ".join(parts)
        + " in view, of "
        + " · ".join(counted(totals[n], n) for n in names)
        + " in the briefing"
    )


def render_header(briefing: Briefing, subset: Subset, capacities: dict[str, int]) -> None:
    """Banner, title and counts in one element: each element is a message and a browser update
    on every run (docs/performance.md, "Fewer elements a run"); the page's stylesheet spaces
    them as three would be."""
    meta = briefing.meta
    banner = ""
    if meta.classification:
        banner = f'<div class="banner" role="note">{html_text(meta.classification)}</div>'
    as_of = meta.as_of.isoformat() if meta.as_of else "date unknown"
    st.html(
        f'<div class="page-head">{banner}<h1 class="page-title">{html_text(meta.title)}</h1>'
        f'<p class="counts" data-testid="counts">As of {html_text(as_of)} · '
        f"{html_text(counts_line(briefing, subset, capacities))}</p></div>"
    )


def render_about(briefing: Briefing) -> None:
    """The briefing's summary and what its records leave out (its coverage: UN roll calls omit the
    resolutions adopted without a vote, the caveat every agreement figure carries), folded into a
    button beside the view switch."""
    meta = briefing.meta
    if meta.summary or meta.coverage:
        with st.popover("About this briefing", width="content"):
            said = [text for text in (meta.summary, meta.coverage) if text]
            st.html("".join(f'<p class="summary">{html_text(text)}</p>' for text in said))


def render_problems(problems: list[Problem]) -> None:
    """Errors say so in red above the view; the list itself is folded beside the view switch."""
    if not problems:
        return
    n_errors = sum(p.severity is Severity.ERROR for p in problems)
    n_warnings = len(problems) - n_errors
    if n_errors:
        st.error(
            f"This briefing has {counted(n_errors, 'errors')} and {counted(n_warnings, 'warnings')}: "
            "records with errors are left out below.",
            icon=":material/error:",
        )


def render_problem_list(problems: list[Problem]) -> None:
    if not problems:
        return
    n_errors = sum(p.severity is Severity.ERROR for p in problems)
    with st.popover(
        f"Data problems ({n_errors} errors, {len(problems) - n_errors} warnings)", width="content"
    ):
        st.code("\n".join(str(p) for p in problems[:500]), language=None, wrap_lines=True)
        if len(problems) > 500:
            st.caption(f"… and {len(problems) - 500:,} more: run `python -m dashboard check`.")


def render_notices(notices: list[str]) -> None:
    for notice in notices:
        st.warning(notice, icon=":material/link_off:")


def render_no_briefings(folder: Path, found: Catalog) -> None:
    """No briefing to open: say where the app looked, and why each entry there was not one."""
    why = found.problem or f"there is no briefing folder in {folder}"
    st.error(
        f"No briefings to show: {markdown_literal(why)}. Set DASHBOARD_DATA to a folder of "
        "briefing folders (each data/<id>/ with its files).",
        icon=":material/folder_off:",
    )
    render_skipped(found)


def render_skipped(found: Catalog) -> None:
    """Folders in the data folder that are not offered, and why (hidden folders go unmentioned)."""
    shown = [s for s in found.skipped if s.reason != HIDDEN]
    if shown:
        with st.expander(
            (
                "1 item in the data folder is not a briefing"
                if len(shown) == 1
                else f"{len(shown):,} items in the data folder are not briefings"
            ),
            expanded=False,
        ):
            st.html(
                "<ul>"
                + "".join(
                    f"<li><strong>{html_text(s.name)}</strong>: {html_text(s.reason)}</li>"
                    for s in shown[:50]
                )
                + "</ul>"
            )


def _address() -> str:
    return str(st.get_option("server.address") or "")


def editing_allowed() -> bool:
    """Whether this editing server may show the Add a source view; if not, says why on the page."""
    refusal = serving.editing_refusal(_address()) or extras.missing("extract")
    if refusal:
        st.error(markdown_literal(refusal[:1].upper() + refusal[1:] + "."), icon=":material/lock:")
    return not refusal


def render_open_server() -> None:
    """A loud line when anyone on the network can read this server's briefings."""
    warning = serving.open_server_warning(_address())
    if warning:
        st.warning(
            markdown_literal(
                warning[:1].upper() + warning[1:] + ". Configure sign-in "
                "before sharing the link beyond those who may read them all."
            ),
            icon=":material/public:",
        )
