"""Actor cards: who each actor is, its most recent readings spelled out, the readings it gave of
others, and its latest words."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard import translations
from dashboard.briefing import Briefing
from dashboard.escape import markdown_literal
from dashboard.filters import Subset
from dashboard.markup import actor_card
from dashboard.matrix import actor_order, issue_order
from dashboard.reading import grid
from dashboard.views.history import render_history
from dashboard.views.ledger import render_provenance
from dashboard.views.memo import kept
from dashboard.views.page import Page
from dashboard.views.paging import one_page
from dashboard.views.state import focus_actor
from dashboard.vocabulary import BASIS_SHORT, QUOTED_KINDS

PAGE_SIZE = 24
COLUMNS = 3
READINGS_PER_CARD = 8


def _recent_issues(briefing: Briefing, subset: Subset, actors: list[str]) -> dict[str, list[str]]:
    """Per actor: the issues of its most recent positions in view (newest first), at most a few."""
    positions = subset.latest(subset.positions[subset.positions["actor"].isin(actors).to_numpy()])
    ranked = positions.assign(
        _rank=positions["issue"].astype(str).map(briefing.issue_recency),
        _when=positions["as_of"].fillna(pd.Timestamp.min),
    )
    ranked = ranked.sort_values(["_when", "_rank"], ascending=False, kind="stable")
    chosen: dict[str, list[str]] = {a: [] for a in actors}
    for actor, group in ranked.groupby(ranked["actor"].astype(str), sort=False):
        chosen[actor] = group["issue"].astype(str).head(READINGS_PER_CARD).tolist()
    return chosen


def _made(briefing: Briefing, subset: Subset, actor: str) -> list[str]:
    """Readings this actor gave of others: 'China on Military alliance (inferred)'."""
    made = subset.positions[subset.positions["assessed_by"] == actor]
    return [
        f"{briefing.actor_names.get(str(p.actor), p.actor)} on "
        f"{briefing.issue_titles.get(str(p.issue), p.issue)} ({BASIS_SHORT.get(str(p.basis), p.basis)})"
        for p in made.itertuples(index=False)
    ]


@dataclass(frozen=True)
class Card:
    """One actor's card as drawn: its HTML, the records behind it, and its cells with a history."""

    actor: str
    name: str
    html: str
    records: tuple[str, ...]  # for the provenance line
    histories: tuple[tuple[str, str, int], ...]  # (issue title, issue, positions) per cell with more than one


def _cards(briefing: Briefing, subset: Subset, shown: pd.DataFrame) -> tuple[Card, ...]:
    """The page of cards: every figure and every word of them, from the briefing and the subset."""
    ids = shown["id"].tolist()
    recent = _recent_issues(briefing, subset, ids)
    union = list(dict.fromkeys(i for issues in recent.values() for i in issues))
    issues = issue_order(briefing, subset.issues[subset.issues["id"].isin(union)])
    cells = grid(briefing, subset, shown, issues)
    totals = (
        subset.latest(subset.positions[subset.positions["actor"].isin(ids).to_numpy()])["actor"]
        .astype(str)
        .value_counts()
    )
    # Latest words: by the date they were said where the record gives it; an undated quote (dated
    # only by its publication) never stands in front of words said later.
    quotes = subset.quotes.assign(_said=subset.quotes["date"].notna()).sort_values(
        ["_said", "when"], kind="stable"
    )
    made = []
    for actor in shown.itertuples(index=False):
        speakers = [actor.id, *briefing.spokespeople.get(actor.id, [])]
        theirs = quotes[quotes["speaker"].isin(speakers)]
        mine = cells[(cells["actor"] == actor.id) & cells["issue"].isin(recent.get(actor.id, []))]
        order = {issue: i for i, issue in enumerate(recent.get(actor.id, []))}
        mine = mine.assign(_o=mine["issue"].map(order)).sort_values("_o")
        row = shown.loc[shown["id"] == actor.id].iloc[0]
        # "Latest words" are words in marks: a paraphrase is the reporter's sentence about them
        quoted = theirs[theirs["kind"].astype(str).isin(QUOTED_KINDS)]
        latest = quoted.iloc[-1] if len(quoted) else None
        html = actor_card(
            briefing,
            row,
            mine,
            total=int(totals.get(actor.id, 0)),
            n_quoted=len(quoted),
            n_reported=len(theirs) - len(quoted),
            latest_quote=None if latest is None else str(latest["text"]),
            latest_by=None if latest is None or latest["speaker"] == actor.id else str(latest["speaker"]),
            latest_rendering="" if latest is None else translations.rendering_label(latest),
            latest_kind="" if latest is None else str(latest["kind"]),
            latest_context=_context(latest),
            made=_made(briefing, subset, actor.id),
        )
        made.append(
            Card(
                str(actor.id),
                str(actor.name),
                html,
                (f"actors/{actor.id}", *(f"quotes/{q}" for q in quoted["id"].tail(1))),
                tuple(
                    (str(cell.issue_title), str(cell.issue), int(cell.n_positions))
                    for cell in mine[mine["n_positions"] > 1].itertuples(index=False)
                ),
            )
        )
    return tuple(made)


def _context(quote: pd.Series | None) -> str:
    """The record's context of a quote ("" where none): shown with the words it is about."""
    if quote is None:
        return ""
    context = quote.get("context")
    return context if isinstance(context, str) else ""


def render_cards(briefing: Briefing, subset: Subset) -> None:
    st.subheader("Actors", anchor=False)
    actors = kept("actor-order", (briefing, subset), (), lambda: actor_order(subset.actors, briefing))
    if actors.empty:
        st.info("No actors match these filters: clear the actor or kind filter.")
        return
    shown = one_page(actors, PAGE_SIZE, "actors", "cards_page")
    # A selection seen before (a switch back to the cards, a Backspace) hands over the same cached
    # subset: its cards are kept, not made again (views/memo.py); only the elements are sent.
    cards = kept("cards", (briefing, subset), (tuple(shown["id"]),), lambda: _cards(briefing, subset, shown))
    st.caption(
        f"Each card: the actor's latest position on each issue in view, the "
        f"{READINGS_PER_CARD} most recent at most, each with its basis and, where someone "
        "else read it, who."
    )
    columns = st.columns(COLUMNS)
    for index, card in enumerate(cards):
        with columns[index % COLUMNS]:
            st.html(card.html)
            # Who recorded the actor and its latest words (once the briefing has a history).
            render_provenance(list(card.records))
            for title, issue, n_positions in card.histories:
                st.caption(f"On {markdown_literal(title)}:")
                render_history(
                    briefing, card.actor, issue, n_positions, key=f"card_history_{card.actor}_{issue}"
                )
            st.button(
                f"Focus on {markdown_literal(card.name)}",
                key=f"focus_{card.actor}",
                on_click=focus_actor,
                args=(card.actor,),
                width="stretch",
            )


def render(page: Page) -> None:
    render_cards(page.briefing, page.subset)
