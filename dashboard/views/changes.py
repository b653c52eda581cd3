"""What changed: since a date, each new position, shift, reversal, broken or new silence with the
before and after evidence; one actor's positions in order; and where what an actor said differs from
what it did."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import changes
from dashboard.briefing import Briefing
from dashboard.escape import html_text, markdown_literal
from dashboard.filters import Subset
from dashboard.markup import quote_cards, stance_chip
from dashboard.reading import capacity, describe
from dashboard.selection import LABEL, ChangesState, Filters
from dashboard.views.page import Page
from dashboard.views.state import WIDGET_KEYS
from dashboard.vocabulary import glyph

MAX_CHANGES = 40  # shown at once; the count says how many there are


# Which evidence quotes a reading shows first: the actor's own words and its spokespeople's (or the
# assessor's, for a reading inferred by one), then a report of the actor's words, then others'.
_FIRST = {"own": 0, "spokesperson": 0, "assessor": 0, "reported": 1, "other": 2}


def evidence_split(
    briefing: Briefing, actor: str, ids: list[str], assessed_by: str, limit: int
) -> tuple[list[str], list[str], dict[str, str]]:
    """A reading's evidence in the order to show it: the first `limit` quotes, the rest, and each
    quote's capacity towards `actor`."""
    table = briefing.quotes.set_index("id", drop=False)
    held = [q for q in ids if q in table.index]
    caps = {
        q: capacity(briefing, actor, str(table.loc[q, "speaker"]), assessed_by, str(table.loc[q, "kind"]))
        for q in held
    }
    ordered = sorted(held, key=lambda q: _FIRST.get(caps[q], 2))  # stable: the record's order kept
    return ordered[:limit], ordered[limit:], caps


def more_quotes_html(briefing: Briefing, more: list[str], caps: dict[str, str], about: str) -> str:
    """'2 more evidence quotes', opened to show them: the count is never left out."""
    if not more:
        return ""
    table = briefing.quotes.set_index("id", drop=False)
    return (
        f'<details class="more-quotes"><summary>{len(more)} more evidence quote'
        f"{'s' * (len(more) != 1)}</summary>"
        + quote_cards(briefing, table.loc[more], evidence=more, capacities=caps, about=about)
        + "</details>"
    )


def reading_html(briefing: Briefing, position: object, *, quotes: int = 2) -> str:
    """A position's reading in words, its summary, its first evidence quotes (the actor's own or its
    speakers' first) and how many more it rests on; 'no earlier position' if none."""
    if position is None or pd.isna(position):
        return '<div class="cmp-cell">No earlier position on record.</div>'
    record = briefing.positions.set_index("position").loc[int(position)]  # type: ignore[call-overload]
    stance, basis = str(record["stance"]), str(record["basis"])
    as_of = "" if pd.isna(record["as_of"]) else pd.Timestamp(record["as_of"]).strftime("%Y-%m-%d")
    assessed_by = str(record["assessed_by"]) if isinstance(record["assessed_by"], str) else ""
    assessor = briefing.actor_names.get(assessed_by, "") if assessed_by else ""
    said = str(briefing.said_how[int(position)])  # type: ignore[call-overload]
    ids = [str(q) for q in record["evidence"]] if isinstance(record["evidence"], list) else []
    actor = str(record["actor"])
    first, more, caps = evidence_split(briefing, actor, ids, assessed_by, quotes)
    summary = str(record["summary"]) if isinstance(record["summary"], str) else ""
    table = briefing.quotes.set_index("id", drop=False)
    return (
        f'<div class="cmp-cell">{stance_chip(stance, glyph(stance, basis))} '
        f"{html_text(describe(stance, basis, str(record['confidence']), as_of, assessor, said=said))}"
        + (f'<div class="r-summary">{html_text(summary)}</div>' if summary else "")
        + quote_cards(briefing, table.loc[first], evidence=first, capacities=caps, about=actor)
        + more_quotes_html(briefing, more, caps, actor)
        + "</div>"
    )


def _kinds_picker(briefing: Briefing, counts: dict[str, int]) -> None:
    key = WIDGET_KEYS["change_kinds"]
    if not st.session_state.get(key):  # nothing chosen: the view's default kinds, shown as chosen
        st.session_state[key] = list(changes.default_kinds(briefing))
    st.pills(
        LABEL["change_kinds"],
        options=list(changes.CHANGE_KINDS),
        selection_mode="multi",
        format_func=lambda k: f"{SHORT[k]} · {counts.get(k, 0):,}",
        key=key,
        help="Reversed, shifted, broke or fell silent: the actor's own record moved. First "
        "own statement and reading revised: the evidence changed, not the actor. New: an "
        "issue with nothing on record before for this actor.",
    )


SHORT = {
    "reversal": "Reversed",
    "shift": "Shifted in strength",
    "moved": "Shifted to or from neutral",
    "broke_silence": "Broke silence",
    "fell_silent": "Fell silent",
    "first_own": "First own statement",
    "reading_revised": "Reading revised",
    "new": "New issue",
}


def render_changes(briefing: Briefing, subset: Subset, chosen: Filters, state: ChangesState) -> None:
    st.subheader("What changed", anchor=False)
    st.date_input(
        LABEL["since"],
        key=WIDGET_KEYS["since"],
        format="YYYY-MM-DD",
        persist_state="session",
        width=220,
        help="Positions are compared by their as-of date: when they held, not when they were published.",
    )
    actors = list(subset.actors["id"]) if chosen.actors or chosen.kinds else None
    issues = list(subset.issues["id"]) if chosen.issues or chosen.topics else None
    since = state.since
    if since is None:
        st.info(
            "Pick a date above: the page then lists every position that shifted, reversed, "
            "broke or fell into silence after it, and where the evidence changed."
        )
    else:
        every = changes.changes_since(briefing, since, actors=actors, issues=issues)
        counts = every["kind"].value_counts().to_dict()
        _kinds_picker(briefing, counts)
        kinds = state.kinds or changes.default_kinds(briefing)
        found = every[every["kind"].isin(kinds)]
        left_out = {k: n for k, n in counts.items() if k not in kinds and n}
        st.caption(
            f"{len(found):,} changes after {since.isoformat()}"
            + (f"; the {MAX_CHANGES} most recent are shown" if len(found) > MAX_CHANGES else "")
            + (
                "; not listed: " + ", ".join(f"{SHORT[k].lower()} ({n:,})" for k, n in left_out.items())
                if left_out
                else ""
            )
            + "."
        )
        if "new" in left_out and changes.roll_calls(briefing):
            st.caption(
                "Each roll call is an issue of its own, so a vote is always new on its "
                "issue: choose New issue above to list the votes themselves."
            )
        for row in found.head(MAX_CHANGES).itertuples(index=False):
            label = changes.CHANGE_LABELS.get(row.kind, row.kind)
            detail = f" ({row.detail})" if row.detail else ""
            st.html(
                f'<div class="cmp-issue"><strong>{html_text(briefing.actor_names[row.actor])}'
                f"</strong> on <strong>{html_text(briefing.issue_titles[row.issue])}</strong>"
                f': <span class="outcome">{html_text(label)}{html_text(detail)}</span></div>'
            )
            before, after = st.columns(2)
            before.html("<em>Before</em>" + reading_html(briefing, row.before_position))
            after.html("<em>After</em>" + reading_html(briefing, row.after_position))
    render_said_did(briefing, actors, issues)
    if len(chosen.actors) == 1:
        render_timeline(briefing, chosen.actors[0], issues)


def render_said_did(briefing: Briefing, actors: list[str] | None, issues: list[str] | None) -> None:
    """Where an actor's latest stated reading differs from its latest action on the same issue."""
    flagged = changes.said_vs_did(briefing, actors=actors, issues=issues)
    if flagged.empty:
        return
    st.subheader("Said one thing, did another", anchor=False)
    for row in flagged.head(MAX_CHANGES).itertuples(index=False):
        st.html(
            f'<div class="cmp-issue"><strong>{html_text(briefing.actor_names[row.actor])}'
            f"</strong> on <strong>{html_text(briefing.issue_titles[row.issue])}</strong></div>"
        )
        said, did = st.columns(2)
        said.html("<em>Said</em>" + reading_html(briefing, row.stated_position))
        did.html("<em>Did</em>" + reading_html(briefing, row.action_position))


def render_timeline(briefing: Briefing, actor: str, issues: list[str] | None) -> None:
    """Every dated position of one actor, oldest first, with what each changed."""
    st.subheader(f"Timeline: {markdown_literal(briefing.actor_names.get(actor, actor))}", anchor=False)
    rows = changes.timeline(briefing, actor)
    if issues is not None:
        rows = rows[rows["issue"].astype(str).isin(issues)]
    if rows.empty:
        st.info("No positions of this actor in view.")
        return
    multiple = rows.groupby(rows["issue"].astype(str)).size()
    st.caption(
        f"{len(rows):,} positions on {len(multiple):,} issues; "
        f"{int((multiple > 1).sum()):,} issues with more than one over time."
    )
    for row in rows.tail(MAX_CHANGES).itertuples(index=False):
        change = changes.CHANGE_LABELS.get(row.change, row.change)
        st.html(
            f'<div class="timeline-row"><span class="t-date">'
            f"{'undated' if pd.isna(row.as_of) else pd.Timestamp(row.as_of).strftime('%Y-%m-%d')}"
            f"</span> <strong>{html_text(briefing.issue_titles[str(row.issue)])}</strong> · "
            f"{html_text(change)}{reading_html(briefing, row.position, quotes=1)}</div>"
        )


def render(page: Page) -> None:
    render_changes(page.briefing, page.subset, page.selection.filters, page.selection.changes)
