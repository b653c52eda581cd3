"""Who sides with whom: a pairwise agreement heatmap ordered so blocs show, one actor's partners
ranked with rate, n and interval, a pair's agreement by year or topic, and the issues where a pair
diverges most with both sides' evidence."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from dashboard import agreement_charts, alignment, cache
from dashboard.alignment import MEASURES
from dashboard.briefing import Briefing
from dashboard.escape import html_text, markdown_literal
from dashboard.filters import Subset
from dashboard.markup import quote_cards, stance_chip
from dashboard.matrix import minimum_shared, scope_of
from dashboard.reading import describe
from dashboard.selection import LABEL, AlignmentState, Filters
from dashboard.views.blocs import render_blocs
from dashboard.views.page import Page
from dashboard.views.state import WIDGET_KEYS, open_pair
from dashboard.vocabulary import glyph

MOST_ACTIVE = 12  # actors in the heatmap when none are chosen
MAX_HEATMAP = 30
HEATMAP_KEY = "agreement_heatmap"
SHORT = alignment.MEASURE_SHORT


def _actors(subset: Subset, chosen: Filters) -> list[str]:
    if len(chosen.actors) >= 2:
        return list(chosen.actors)[:MAX_HEATMAP]
    counts = subset.positions["actor"].astype(str).value_counts()
    return [str(actor) for actor in counts.index[:MOST_ACTIVE]]


def _on_heatmap_click() -> None:
    event = st.session_state.get(HEATMAP_KEY) or {}
    points = (event.get("selection") or {}).get(agreement_charts.PAIR_SELECTION) or []
    point = points[0] if points else {}
    first, second = point.get("actor"), point.get("other")
    open_pair(
        (first, second) if isinstance(first, str) and isinstance(second, str) and first != second else None
    )


def render_controls(briefing: Briefing, labels: Mapping[str, str]) -> None:
    with st.container(horizontal=True, key="controls", gap="medium"):
        st.segmented_control(
            LABEL["measure"],
            options=list(MEASURES),
            format_func=SHORT.__getitem__,
            key=WIDGET_KEYS["measure"],
            persist_state="session",
        )
        st.selectbox(
            LABEL["partners"],
            options=["", *briefing.actor_rank.index],
            format_func=lambda a: labels.get(a, a) if a else "— pick an actor —",
            key=WIDGET_KEYS["partners"],
            persist_state="session",
            filter_mode="contains",
            width=260,
        )


def render_alignment(
    briefing: Briefing,
    src: cache.Source,
    subset: Subset,
    chosen: Filters,
    state: AlignmentState,
    labels: Mapping[str, str],
) -> None:
    st.subheader("Who sides with whom", anchor=False)
    render_controls(briefing, labels)
    measure = state.measure
    minimum = minimum_shared(briefing)
    scope = scope_of(subset, chosen)
    st.caption(
        f"{alignment.MEASURE_LABELS[measure]}. Silence and no record never count as "
        f"agreement; a rate on fewer than {minimum} shared issues is shown grey, not "
        "ranked. " + briefing.meta.coverage
    )
    actors = _actors(subset, chosen)
    if len(actors) < 2:
        st.info("Choose two or more actors in the sidebar (or widen the filters) to compare them.")
        return
    if len(chosen.actors) < 2:
        st.caption(
            f"The {len(actors)} actors with most positions in view; choose actors in the sidebar for others."
        )
    shown = cache.pairwise(src, tuple(actors), measure, scope, minimum)
    data = agreement_charts.heatmap_data(shown.cells, briefing.actor_names, shown.order)
    with st.container(key="matrix-chart"):
        st.vega_lite_chart(
            data,
            agreement_charts.heatmap(data, measure).to_dict(),
            on_select=_on_heatmap_click,
            key=HEATMAP_KEY,
            selection_mode=[agreement_charts.PAIR_SELECTION],
            width="content",
            alt=f"Pairwise {SHORT[measure].lower()} of {len(actors)} actors, ordered "
            "so that those who agree sit together. The table below lists them.",
        )
    if state.partners:
        render_partners(briefing, src, state, scope, minimum)
    if state.pair:
        render_pair(briefing, src, subset, state, state.pair, scope, minimum)
    render_blocs(briefing, src, state, scope)


def render_partners(
    briefing: Briefing, src: cache.Source, state: AlignmentState, scope: alignment.Scope, minimum: int
) -> None:
    reference, measure = state.partners, state.measure
    name = briefing.actor_names.get(reference, reference)
    st.subheader(f"Partners of {markdown_literal(name)}", anchor=False)
    frame = cache.agreement(src, reference, None, measure, "", scope, minimum)
    table = pd.DataFrame(
        {
            "rank": ["not ranked" if pd.isna(r) else str(int(r)) for r in frame["rank"]],
            "partner": frame["other"].map(briefing.actor_names),
            # The rate never stands without its count, even where a phone cuts the columns after it.
            SHORT[measure]: [
                f"{alignment.rate_text(v, measure)} (n = {int(n):,}{', too few' if thin else ''})"
                for v, n, thin in zip(frame["value"], frame["n"], frame["thin"], strict=True)
            ],
            "shared issues": frame["n"],
            "dates": [
                alignment.period_text(a, b) for a, b in zip(frame["first"], frame["last"], strict=True)
            ],
            "95% interval": [
                alignment.interval_text(lo, hi, measure) if not thin else "too few"
                for lo, hi, thin in zip(frame["low"], frame["high"], frame["thin"], strict=True)
            ],
            "left out (neutral / mixed / silent / no record)": [
                f"{a} / {b} / {c} / {d}"
                for a, b, c, d in zip(
                    frame["neutral"], frame["mixed"], frame["silent"], frame["no_record"], strict=True
                )
            ],
        }
    )
    st.dataframe(table, hide_index=True, width="stretch", height=min(420, 36 + 35 * len(table)))


def render_pair(
    briefing: Briefing,
    src: cache.Source,
    subset: Subset,
    state: AlignmentState,
    pair: tuple[str, str],
    scope: alignment.Scope,
    minimum: int,
) -> None:
    first, second = pair
    names = briefing.actor_names
    st.subheader(
        f"{markdown_literal(names.get(first, first))} and {markdown_literal(names.get(second, second))}",
        anchor=False,
    )
    st.button("Close this pair", key="close_pair", on_click=open_pair, args=(None,))
    st.segmented_control(
        LABEL["by"],
        options=["", "year", "topic"],
        format_func=lambda b: {"": "overall", "year": "year", "topic": "topic"}[b],
        key=WIDGET_KEYS["by"],
        persist_state="session",
    )
    by, measure = state.by, state.measure
    frame = cache.agreement(src, first, (second,), measure, by, scope, minimum)
    if by == "year" and not frame.empty:
        st.vega_lite_chart(
            frame,
            agreement_charts.over_time(frame, measure).to_dict(),
            width="stretch",
            alt=f"{SHORT[measure]} of the pair by year.",
        )
    shown = frame.assign(
        rate=[alignment.rate_text(v, measure) for v in frame["value"]],
        interval=[
            alignment.interval_text(lo, hi, measure)
            for lo, hi in zip(frame["low"], frame["high"], strict=True)
        ],
    )
    if by:
        empty = int((shown["n"] == 0).sum())
        shown = shown[shown["n"] > 0].iloc[::-1]  # newest (or last) first
        if empty:
            st.caption(
                f"{empty} {'years' if by == 'year' else 'topics'} with no shared issue are "
                "left out of the table."
            )
    shown = shown.assign(
        dates=[alignment.period_text(a, b) for a, b in zip(shown["first"], shown["last"], strict=True)]
    )
    st.dataframe(
        shown[["group", "rate", "n", "dates", "interval", "note"]].rename(
            columns={
                "group": "period" if by == "year" else "topic" if by == "topic" else "scope",
                "n": "shared issues",
                "interval": "95% interval",
            }
        ),
        hide_index=True,
        width="stretch",
        height=min(360, 36 + 35 * len(shown)),
    )
    render_divergences(briefing, subset, pair, scope)


def render_divergences(
    briefing: Briefing, subset: Subset, pair: tuple[str, str], scope: alignment.Scope
) -> None:
    """Where the pair diverges most: both readings and their evidence, side by side."""
    divergent = alignment.divergences(briefing, pair[0], pair[1], scope, limit=10)
    st.markdown("**Where they diverge most**")
    if divergent.empty:
        st.info("They never took different stances on a shared issue in this scope.")
        return
    quotes = briefing.quotes.set_index("id", drop=False)
    evidence = briefing.evidence.groupby("position")["quote"].agg(list)
    positions = briefing.positions.set_index("position")
    for row in divergent.itertuples(index=False):
        st.html(
            f'<div class="cmp-issue"><strong>{html_text(briefing.issue_titles.get(row.issue))}</strong></div>'
        )
        columns = st.columns(2)
        for column, actor, position in zip(
            columns, pair, (row.position_first, row.position_second), strict=True
        ):
            column.html(_side(briefing, quotes, evidence, positions, actor, position))


def _side(
    briefing: Briefing,
    quotes: pd.DataFrame,
    evidence: pd.Series,
    positions: pd.DataFrame,
    actor: str,
    position: object,
) -> str:
    name = html_text(briefing.actor_names.get(actor, actor))
    if pd.isna(position):
        return f'<div class="cmp-cell"><strong>{name}</strong>: no record</div>'
    record = positions.loc[int(position)]  # type: ignore[call-overload]
    stance, basis = str(record["stance"]), str(record["basis"])
    as_of = "" if pd.isna(record["as_of"]) else pd.Timestamp(record["as_of"]).strftime("%Y-%m-%d")
    assessor = (
        briefing.actor_names.get(str(record["assessed_by"]), "")
        if isinstance(record["assessed_by"], str)
        else ""
    )
    text = describe(
        stance,
        basis,
        str(record["confidence"]),
        as_of,
        assessor,
        said=str(briefing.said_how[int(position)]),  # type: ignore[call-overload]
    )
    ids = [q for q in evidence.get(int(position), []) if q in quotes.index][:2]  # type: ignore[call-overload]
    return (
        f'<div class="cmp-cell">{stance_chip(stance, glyph(stance, basis))} <strong>{name}'
        f"</strong>: {html_text(text)}"
        + quote_cards(briefing, quotes.loc[ids], evidence=ids, about=actor)
        + "</div>"
    )


def render(page: Page) -> None:
    render_alignment(
        page.briefing, page.src, page.subset, page.selection.filters, page.selection.alignment, page.labels
    )
