"""The counterpart brief: for the meeting of A with B, where they agree, differ, where B is silent or
has no record (what to ask), and what changed, each issue with both sides' latest evidence."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard import brief as briefs
from dashboard import cache, changes
from dashboard.briefing import Briefing
from dashboard.escape import html_text, markdown_literal
from dashboard.markup import quote_cards, stance_chip
from dashboard.reading import capacity
from dashboard.records import UNKNOWN
from dashboard.selection import LABEL, Selection
from dashboard.views.changes import evidence_split, more_quotes_html, reading_html
from dashboard.views.page import Page
from dashboard.views.state import WIDGET_KEYS

QUOTES_PER_SIDE = 2
# Issues drawn per group, and changes drawn: the count says how many there are. Without a bound a
# brief over every UN roll call since 1946 drew thousands of changes and ran for over a minute.
SHOWN_PER_GROUP = 20


def render_brief_picker(briefing: Briefing, labels: Mapping[str, str]) -> None:
    with st.container(horizontal=True, key="controls", gap="medium"):
        st.selectbox(
            LABEL["vs"],
            options=["", *briefing.actor_rank.index],
            format_func=lambda a: labels.get(a, a) if a else "— pick the counterpart —",
            key=WIDGET_KEYS["vs"],
            persist_state="session",
            filter_mode="contains",
            width=300,
        )
        st.date_input(
            LABEL["since"], key=WIDGET_KEYS["since"], format="YYYY-MM-DD", persist_state="session", width=200
        )


# Over the complexity cap: the brief's four groups and the empty states of each, drawn in page order.
def render_brief(  # noqa: C901
    briefing: Briefing,
    src: cache.Source,
    selection: Selection,
    labels: Mapping[str, str],
) -> briefs.Brief | None:
    st.subheader("Counterpart brief", anchor=False)
    render_brief_picker(briefing, labels)
    vs, since = selection.brief.vs, selection.changes.since
    if not selection.filters.actors:
        st.info(
            "Choose the actor being briefed in the sidebar (Actors: the first one chosen), "
            "and the counterpart above."
        )
        return None
    actor = selection.filters.actors[0]
    if not vs or vs == actor:
        st.info(f"Pick the counterpart {markdown_literal(briefing.actor_names[actor])} is meeting.")
        return None
    result = cache.brief(src, selection.filters, actor, vs, since)
    names = briefing.actor_names
    st.html(
        f'<div class="cmp-summary"><p><strong>{html_text(names[actor])}</strong> meeting '
        f"<strong>{html_text(names[vs])}</strong>: "
        f"{html_text(briefs.figures_line(briefing, result))}.</p>"
        f"<p>{html_text(briefing.meta.coverage)}</p></div>"
    )
    st.caption(
        "Compare's rules: silence and no record are never agreement; the sidebar's issue, "
        "topic and date filters apply, its other filters do not. " + counts_note(briefing, result)
    )
    lookups = _Lookups.of(briefing, result)
    for group, title in briefs.GROUPS.items():
        issues = result.groups[group]
        if group == "changed":
            if result.since is None:
                continue
            title = f"{title} {result.since.isoformat()}"
        st.markdown(f"**{markdown_literal(title)}** · {len(issues)}")
        if not issues:
            st.caption("None.")
            continue
        if group == "changed":
            _changed(briefing, result)
            shown = result.changed["issue"].head(SHOWN_PER_GROUP).nunique()
            more = len(result.changed) - min(len(result.changed), SHOWN_PER_GROUP)
            if more:
                st.caption(
                    f"… the {SHOWN_PER_GROUP} most recent changes are shown (on {shown} "
                    f"issues), {more:,} more: choose a later date, or narrow by issue, "
                    "topic or date in the sidebar."
                )
        else:
            for issue in issues[:SHOWN_PER_GROUP]:
                _issue(briefing, result, issue, lookups)
            if len(issues) > SHOWN_PER_GROUP:
                st.caption(
                    f"… and {len(issues) - SHOWN_PER_GROUP:,} more: narrow by issue, topic "
                    "or date in the sidebar."
                )
    if not result.said_did.empty:
        st.markdown("**Said one thing, did another**")
        for row in result.said_did.itertuples(index=False):
            st.caption(
                f"{markdown_literal(names[row.actor])} on "
                f"{markdown_literal(briefing.issue_titles[row.issue])}: said "
                f"{row.stated_stance.replace('_', ' ')}, did "
                f"{row.action_stance.replace('_', ' ')}."
            )
    return result


def counts_note(briefing: Briefing, result: briefs.Brief) -> str:
    """What the page's header counts leave out: they count the sidebar's selection (the actor
    briefed), while the brief draws the counterpart's readings and their evidence too."""
    names = briefing.actor_names
    theirs = result.comparison.cells[
        (result.comparison.cells["actor"] == result.counterpart) & (result.comparison.cells["position"] >= 0)
    ]
    readings = len(theirs)
    # Distinct quotes: one quote is often evidence of several readings, and counted once here.
    cited = briefing.evidence.loc[briefing.evidence["position"].isin(theirs["position"]), "quote"]
    quoted = briefing.quotes[briefing.quotes["id"].isin(set(cited))]
    quotes = len(quoted)
    own = sum(
        capacity(briefing, result.counterpart, str(speaker), kind=str(kind)) in ("own", "spokesperson")
        for speaker, kind in zip(quoted["speaker"], quoted["kind"], strict=True)
    )
    whose = f"{names[result.counterpart]} or those who speak for it"
    evidence = (
        f" and the {quotes:,} distinct quote{'s' * (quotes != 1)} they rest on "
        f"({own:,} of them the words of {whose})"
        if quotes
        else ""
    )
    return (
        f"The counts at the top of the page are of the sidebar's selection ({names[result.actor]}); "
        f"this brief also shows {names[result.counterpart]}'s {readings:,} "
        f"reading{'s' * (readings != 1)}{evidence}."
    )


@dataclass(frozen=True)
class _Lookups:
    """Indexes made once per brief, not once per issue drawn."""

    cells: pd.DataFrame
    quotes: pd.DataFrame
    evidence: pd.Series
    statements: pd.Series

    @classmethod
    def of(cls, briefing: Briefing, result: briefs.Brief) -> _Lookups:
        return cls(
            result.comparison.cells.set_index(["actor", "issue"]),
            briefing.quotes.set_index("id", drop=False),
            briefing.evidence.groupby("position")["quote"].agg(list),
            briefing.issues.set_index("id")["statement"],
        )


def _issue(briefing: Briefing, result: briefs.Brief, issue: str, lookups: _Lookups) -> None:
    cells, quotes, evidence = lookups.cells, lookups.quotes, lookups.evidence
    statement = lookups.statements.loc[issue]
    st.html(
        f'<div class="cmp-issue"><strong>{html_text(briefing.issue_titles[issue])}</strong>'
        f'<div class="statement">{html_text(statement)}</div></div>'
    )
    columns = st.columns(2)
    for column, actor in zip(columns, (result.actor, result.counterpart), strict=True):
        cell = cells.loc[(actor, issue)]
        ids = [str(q) for q in evidence.get(cell["position"], [])] if cell["position"] >= 0 else []
        assessed_by = str(cell["assessed_by"]) if isinstance(cell["assessed_by"], str) else ""
        first, more, caps = evidence_split(briefing, actor, ids, assessed_by, QUOTES_PER_SIDE)
        shown = quotes.loc[first]
        others = (
            briefs.spokespeople_readings(briefing, actor, issue) if str(cell["stance"]) == UNKNOWN else []
        )
        held = (
            '<div class="statement">Not its record, but those who speak for it hold readings: '
            + "; ".join(html_text(r) for r in others)
            + " (the sidebar's “Include those who speak for them” shows them in the matrix).</div>"
            if others
            else ""
        )
        column.html(
            f'<div class="cmp-cell">{stance_chip(str(cell["stance"]), str(cell["glyph"]))} '
            f"<strong>{html_text(briefing.actor_names[actor])}</strong>: "
            f"{html_text(cell['reading'])}{held}"
            + quote_cards(briefing, shown, evidence=first, capacities=caps, about=actor)
            + more_quotes_html(briefing, more, caps, actor)
            + "</div>"
        )


def _changed(briefing: Briefing, result: briefs.Brief) -> None:
    for row in result.changed.head(SHOWN_PER_GROUP).itertuples(index=False):
        label = changes.CHANGE_LABELS.get(row.kind, row.kind)
        st.html(
            f'<div class="cmp-issue"><strong>{html_text(briefing.actor_names[row.actor])}'
            f"</strong> on <strong>{html_text(briefing.issue_titles[row.issue])}</strong>: "
            f'<span class="outcome">{html_text(label)}</span></div>'
        )
        before, after = st.columns(2)
        before.html("<em>Before</em>" + reading_html(briefing, row.before_position, quotes=1))
        after.html("<em>After</em>" + reading_html(briefing, row.after_position, quotes=1))


def render(page: Page) -> None:
    render_brief(page.briefing, page.src, page.selection, page.labels)
