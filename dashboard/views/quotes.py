"""The quotes panel: the reading and evidence behind an open cell, or every quote the filters let
through, each labelled with whom it bears on and in what capacity its speaker spoke."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from dashboard.briefing import Briefing
from dashboard.escape import html_text, is_missing, markdown_literal
from dashboard.filters import Subset, empty_quotes_hint, id_mask, row_of_id
from dashboard.markup import quote_cards, stance_chip
from dashboard.reading import Reading, cell_quotes, reading_of
from dashboard.selection import Filters
from dashboard.sides import Holder, sides_of
from dashboard.sides import counts as side_counts
from dashboard.views.history import render_history
from dashboard.views.ledger import render_provenance
from dashboard.views.memo import kept
from dashboard.views.paging import one_page
from dashboard.views.state import open_cell
from dashboard.vocabulary import counted

PAGE_SIZE = 20


def _issue_record(briefing: Briefing, issue: str) -> str:
    """The issue itself: proposition, description, date and reference (a UN resolution's record)."""
    rows = row_of_id(briefing.issues)  # kept per briefing: not a pandas selection per click
    issues = briefing.issues
    at = rows[issue] if rows is not None else int(np.flatnonzero(id_mask(issues, [issue]))[0])
    row = {name: issues[name].iat[at] for name in ("statement", "date", "reference", "topic", "description")}
    parts = [f'<div class="i-statement"><strong>Proposition:</strong> {html_text(row["statement"])}</div>']
    facts = []
    if not is_missing(row["date"]):
        facts.append(f"dated {pd.Timestamp(row['date']).strftime('%Y-%m-%d')}")
    if not is_missing(row["reference"]):
        facts.append(f"reference {html_text(row['reference'])}")
    if not is_missing(row["topic"]):
        facts.append(f"topic {html_text(row['topic'])}")
    if facts:
        parts.append(f'<div class="i-facts">{" · ".join(facts)}</div>')
    if not is_missing(row["description"]):
        parts.append(f'<div class="i-description">{html_text(row["description"])}</div>')
    return "".join(parts)


def reading_box(briefing: Briefing, reading: Reading) -> str:
    """The reading in words, as the matrix cell shows it, with the summary and the record's count."""
    summary = (
        f'<div class="r-summary"><strong>Summary:</strong> {html_text(reading.summary)}</div>'
        if reading.summary
        else ""
    )
    history = (
        f'<div class="a-count">{reading.n_positions} positions over time on this cell: the '
        "latest is shown; History below lists them all</div>"
        if reading.n_positions > 1
        else ""
    )
    return (
        f'<div class="reading-box">{stance_chip(reading.stance, reading.glyph)} '
        f"<strong>{html_text(briefing.actor_names.get(reading.actor, reading.actor))}</strong>"
        f": {html_text(reading.text)}{summary}{history}"
        f"{_issue_record(briefing, reading.issue)}</div>"
    )


def render_cell(
    briefing: Briefing, subset: Subset, cell: tuple[str, str], cells: pd.DataFrame | None = None
) -> None:
    """cells: the matrix page's grid rows, where the cell's reading is already made."""
    actor, issue = cell
    reading = reading_of(briefing, subset, actor, issue, cells)
    st.subheader(
        f"Behind the cell: {markdown_literal(briefing.actor_names[actor])} on "
        f"{markdown_literal(briefing.issue_titles[issue])}",
        anchor=False,
    )
    st.html(reading_box(briefing, reading))
    render_history(briefing, actor, issue, reading.n_positions, key="cell_history")
    st.button("Close this cell", key="close_cell", on_click=open_cell, args=(None,))
    quotes = cell_quotes(briefing, subset, reading)
    if quotes.empty:
        st.info(
            "No recorded words behind this cell: the position rests on the record above "
            "(an action, a vote or a dataset), or on none."
        )
        return
    evidence = quotes.loc[quotes["is_evidence"], "id"].tolist()
    capacities = dict(zip(quotes["id"], quotes["capacity"], strict=True))
    n_other = len(quotes) - len(evidence)
    said = f"{counted(len(evidence), 'evidence quotes')} for this reading" + (
        f", then {n_other} more by the actor or those who speak for it on this issue." if n_other else "."
    )
    shown, note = _cards_after(said, quotes)
    cards = quote_cards(briefing, shown, evidence=evidence, capacities=capacities, about=actor)
    st.html(f'{note}<div class="quotes">{cards}</div>')
    render_provenance(
        [f"positions/{actor}~{issue}@{reading.as_of or 'undated'}", *(f"quotes/{q}" for q in shown["id"])]
    )


def _cards_after(said: str, quotes: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """The page of cards the reader picked, and the line that says what they are as HTML to go into
    the cards' own element (drawn as a caption is): an element fewer a run. With more than one page
    it stands under the page number, just above the cards it describes."""
    note = f'<p class="cards-note">{html_text(said)}</p>' if said else ""
    if len(quotes) > PAGE_SIZE:
        return one_page(quotes, PAGE_SIZE, "quotes", "quotes_page"), note
    return quotes, note


def render_quotes_panel(
    briefing: Briefing,
    subset: Subset,
    chosen: Filters,
    cell: tuple[str, str] | None,
    capacities: pd.Series,
    cells: pd.DataFrame | None = None,
) -> None:
    """capacities: reading.quote_capacities of the subset's quotes (computed once per selection)."""
    """The words behind the open cell, or every quote the filters let through."""
    if cell:
        render_cell(briefing, subset, cell, cells)
        return
    st.subheader("Quotes", anchor=False)
    quotes = subset.quotes
    if quotes.empty:
        st.info(empty_quotes_hint(briefing, chosen))
        return
    said = ""
    if subset.authors:
        names = ", ".join(briefing.actor_names.get(a, a) for a in chosen.actors)
        said = (
            f"About {names}: their own words, those of whoever speaks for them, and every quote "
            "cited as evidence for their positions, each labelled."
        )
    # A selection seen before hands over the same cached subset and capacities: its sorted quotes
    # and a page's cards are kept, not made again (views/memo.py).
    quotes = kept(
        "quotes-by-date", (quotes,), (), lambda: quotes.sort_values("when", ascending=False, kind="stable")
    )
    shown, note = _cards_after(said, quotes)
    about = chosen.actors[0] if len(chosen.actors) == 1 else ""

    def cards() -> str:
        return quote_cards(
            briefing,
            shown,
            about=about,
            capacities=dict(zip(shown["id"], capacities.reindex(shown.index).fillna(""), strict=True)),
        )

    made = kept("quote-cards", (briefing, capacities), (tuple(shown["id"]), about), cards)
    st.html(f'{note}<div class="quotes">{made}</div>')


SIDE_LIMIT = 30  # actors per side drawn at once
QUOTES_PER_HOLDER = 3


def _holder_html(briefing: Briefing, holder: Holder) -> str:
    head = f'<div class="side-holder"><strong>{html_text(holder.name)}</strong>' + (
        f" · {stance_chip(holder.stance, holder.glyph)} {html_text(holder.reading)}" if holder.stance else ""
    )
    if not holder.quotes:
        source = briefing.source_records.get(holder.source, {}).get("title") if holder.source else ""
        said = "answered, no justification or words quoted" + (
            f" (the answer is on record in {html_text(source)})" if source else ""
        )
        return f'{head}<div class="a-count">{said}</div></div>'
    quotes = briefing.quotes.set_index("id", drop=False)
    shown = quotes.loc[list(holder.quotes[:QUOTES_PER_HOLDER])]
    more = len(holder.quotes) - len(shown)
    return (
        f"{head}{quote_cards(briefing, shown, about=holder.actor)}"
        + (f'<div class="a-count">and {more} more of their words on it</div>' if more else "")
        + "</div>"
    )


def render_sides(briefing: Briefing, subset: Subset, issue: str) -> None:
    """One issue side by side: every actor with a position on it, for, neutral, against, mixed or
    silent (as many as the matrix shows), each with the words behind it or said to have none."""
    sides = sides_of(briefing, subset, issue)
    title = briefing.issue_titles.get(issue, issue)
    st.subheader(f"Side by side: {markdown_literal(title)}", anchor=False)
    statement = subset.issues.loc[subset.issues["id"] == issue, "statement"]
    if len(statement):
        st.caption(f"Proposition: {markdown_literal(str(statement.iloc[0]))}")
    if not sides:
        st.info("No position or quote on this issue matches the filters.")
        return
    tally = side_counts(sides)
    st.caption(
        "Actors, as in the matrix (each actor's latest position): "
        + " · ".join(f"{name} {n:,}" for name, n in tally.items())
        + "."
    )
    with st.container(horizontal=True, key="sides", gap="medium"):
        for name, holders in sides.items():
            with st.container(key=f"side-{name.lower().replace(' ', '-')}", width=320):
                st.markdown(f"**{name}** · {len(holders)}")
                st.html(
                    '<div class="quotes">'
                    + "".join(_holder_html(briefing, h) for h in holders[:SIDE_LIMIT])
                    + "</div>"
                )
                if len(holders) > SIDE_LIMIT:
                    st.caption(f"… {len(holders) - SIDE_LIMIT} more: narrow by actor to see them.")
