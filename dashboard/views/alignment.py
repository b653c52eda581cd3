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
from dashboard.views.matrix import is_phone
from dashboard.views.page import Page
from dashboard.views.state import WIDGET_KEYS, open_pair
from dashboard.vocabulary import glyph

MOST_ACTIVE = 12  # actors in the heatmap when none are chosen
MAX_HEATMAP = 30
HEATMAP_KEY = "agreement_heatmap"
PAIR_PICK_KEY = "pair_pick"  # the keyboard's way to open a pair: a list beside the chart
SHORT = alignment.MEASURE_SHORT
# On a phone the heatmap's squares and names are smaller, so twelve actors fit 390 px unscrolled.
PHONE_CELL, PHONE_ROW, PHONE_LABEL_LIMIT = 20, 18, 84


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


def _pair_key(pair: tuple[str, str] | None) -> str:
    return "~".join(sorted(pair)) if pair else ""


def _on_pair_pick() -> None:
    chosen = str(st.session_state.get(PAIR_PICK_KEY) or "")
    first, _, second = chosen.partition("~")
    open_pair((first, second) if first and second else None)


def pair_options(
    cells: pd.DataFrame, order: list[str], names: Mapping[str, str], measure: str
) -> dict[str, str]:
    """Every pair of the heatmap, in its order, as 'a~b' -> 'A and B: 50% (2024-10-31 to
    2024-11-01, n = 2)': the list a keyboard opens a pair from, with what the square says."""
    by_pair = cells.set_index(["actor", "other"])
    options: dict[str, str] = {}
    for i, first in enumerate(order):
        for second in order[i + 1 :]:
            if (first, second) not in by_pair.index:
                continue
            row = by_pair.loc[(first, second)]
            figure = alignment.figure_text(
                row["value"], measure, int(row["n"]), row["first"], row["last"], thin=bool(row["thin"])
            )
            options[_pair_key((first, second))] = (
                f"{names.get(first, first)} and {names.get(second, second)}: {figure}"
            )
    return options


def render_pair_picker(options: Mapping[str, str], pair: tuple[str, str] | None) -> None:
    """A labelled list of the heatmap's pairs that opens the same `pair=` as a click on a square,
    so a keyboard or a screen reader reaches every pair the chart shows."""
    current = _pair_key(pair)
    # Kept in step with the link (a click on a square, Close this pair, Back): set before drawing.
    st.session_state[PAIR_PICK_KEY] = current if current in options else ""
    st.selectbox(
        "Open a pair (or click a square in the chart)",
        options=["", *options],
        format_func=lambda k: options.get(k, "— pick two actors —") if k else "— pick two actors —",
        key=PAIR_PICK_KEY,
        on_change=_on_pair_pick,
        filter_mode="contains",
        width=560,
        help="The pairs the chart shows, with each square's rate, period and number of shared issues. "
        "Opening one lists the issues where the two diverge most.",
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
    render_pair_picker(pair_options(shown.cells, shown.order, briefing.actor_names, measure), state.pair)
    with st.container(key="matrix-chart"):
        st.vega_lite_chart(
            data,
            _heatmap_spec(data, measure, phone=is_phone()),
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


def _heatmap_spec(data: pd.DataFrame, measure: str, *, phone: bool) -> dict[str, object]:
    """The heatmap's spec; on a phone with narrower squares, upright column names and shorter row
    names (full in the tooltip and the pair list), every row named, so it fits the screen instead
    of running off it."""
    if not phone:
        return dict(agreement_charts.heatmap(data, measure).to_dict())
    spec = dict(agreement_charts.heatmap(data, measure, cell=PHONE_CELL).to_dict())
    spec["height"] = {"step": PHONE_ROW}
    for layer in spec.get("layer", []):
        encoding = layer.get("encoding", {}) if isinstance(layer, dict) else {}
        for channel, axis in (("x", {"labelAngle": -90}), ("y", {"labelOverlap": False})):
            if isinstance(encoding.get(channel), dict):
                shown = {**encoding[channel].get("axis", {}), **axis, "labelLimit": PHONE_LABEL_LIMIT}
                encoding[channel] = {**encoding[channel], "axis": shown}
    return spec


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
            "shared issues": [f"{int(n):,}" for n in frame["n"]],
            "dates": [
                alignment.period_text(a, b) for a, b in zip(frame["first"], frame["last"], strict=True)
            ],
            "95% interval": [
                alignment.interval_text(lo, hi, measure) if not thin else "too few"
                for lo, hi, thin in zip(frame["low"], frame["high"], frame["thin"], strict=True)
            ],
            "left out": _left_out(frame),
        }
    )
    if is_phone():
        render_phone_table(table, "partner")
    else:
        render_text_table(table, "partner", f"Partners of {name}, ranked by {SHORT[measure].lower()}")
    if not frame.empty:
        st.caption(
            left_out_caption(
                measure, int(frame["issues"].max()), own_reading=bool(frame["own_reading"].gt(0).any())
            )
        )


def _left_out(frame: pd.DataFrame) -> list[str]:
    """Each row's issues in scope its measure did not count, by kind ('1 neutral, 4 no record')."""
    return [alignment.left_out_text(row) or "none" for row in frame.to_dict("records")]


def left_out_caption(measure: str, issues: int | None, *, own_reading: bool) -> str:
    """What the 'left out' column counts, so shared issues and left out add up to the issues in
    scope (`issues`; None where each row has its own, a year's or a topic's). Own reading is
    explained where a row has one."""
    scope = f"the {issues:,} issues in scope" if issues is not None else "each row's issues in scope"
    neutral = "neutral (coincidence counts only issues where both took a side), "
    neutral = neutral if measure == "coincidence" else ""
    own = (
        ", own reading (one side's position is the other's reading of it: nobody agrees with their "
        "own reading)"
        if own_reading
        else ""
    )
    return (
        f"Shared issues and left out add up to {scope}, each issue left out once: {neutral}mixed, "
        f"silent, no record (one side holds no position){own}."
    )


def render_phone_table(table: pd.DataFrame, head: str) -> None:
    """A table as one block per row for a phone's width: the `head` column as the block's title,
    every other column as 'name: value' under it, so no column is cut off the screen's edge."""
    rows = []
    for record in table.astype(object).to_dict("records"):
        fields = " · ".join(
            f"{html_text(name)}: <strong>{html_text(value)}</strong>"
            for name, value in record.items()
            if name != head and str(value) != ""
        )
        rows.append(
            f'<li class="cmp-cell" style="padding:.35rem 0;border-top:1px solid #d9d9d9">'
            f"<strong>{html_text(record[head])}</strong><br>{fields}</li>"
        )
    st.html(f'<ul class="phone-table" style="list-style:none;padding:0;margin:0">{"".join(rows)}</ul>')


# The text tables' own style: headings and names wrap at spaces, a date range never inside a date.
TEXT_TABLE_CSS = (
    "<style>.text-table { max-height: 26rem; overflow: auto; border: 1px solid rgba(128,128,128,.35); "
    "border-radius: .4rem; } .text-table table { border-collapse: collapse; width: 100%; "
    "font-size: .85rem; } .text-table th, .text-table td { text-align: left; vertical-align: top; "
    "padding: .3rem .55rem; border-bottom: 1px solid rgba(128,128,128,.25); overflow-wrap: break-word; } "
    ".text-table th { font-weight: 600; } .text-table .nowrap { white-space: nowrap; } "
    ".text-table caption { position: absolute; width: 1px; height: 1px; overflow: hidden; "
    "clip-path: inset(50%); white-space: nowrap; }</style>"
)
NO_WRAP = frozenset({"dates", "period"})  # columns whose values never break across lines


def render_text_table(table: pd.DataFrame, head: str, label: str) -> None:
    """A table as HTML text, not a canvas: headings and names wrap instead of being cut, a screen
    reader reads it cell by cell with its headings, and a keyboard reaches it as one named stop
    (the box scrolls when the table is long). The `head` column names each row."""
    headings = "".join(f'<th scope="col">{html_text(column)}</th>' for column in table.columns)
    rows = []
    for record in table.astype(object).to_dict("records"):
        cells = []
        for column, value in record.items():
            kind = ' class="nowrap"' if column in NO_WRAP else ""
            tag, scope = ("th", ' scope="row"') if column == head else ("td", "")
            cells.append(f"<{tag}{scope}{kind}>{html_text(value)}</{tag}>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    st.html(
        TEXT_TABLE_CSS
        + f'<div class="text-table" role="region" tabindex="0" aria-label="{html_text(label)}">'
        f"<table><caption>{html_text(label)}</caption><thead><tr>{headings}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


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
            kind, verb = ("year" if by == "year" else "topic", "is") if empty == 1 else (by + "s", "are")
            st.caption(f"{empty:,} {kind} with no shared issue {verb} left out of the table.")
    shown = shown.assign(
        dates=[alignment.period_text(a, b) for a, b in zip(shown["first"], shown["last"], strict=True)]
    )
    shown = shown.assign(left_out=_left_out(shown), n=[f"{int(n):,}" for n in shown["n"]])
    table = shown[["group", "rate", "n", "dates", "interval", "left_out", "note"]].rename(
        columns={
            "group": "period" if by == "year" else "topic" if by == "topic" else "scope",
            "n": "shared issues",
            "interval": "95% interval",
            "left_out": "left out",
        }
    )
    if is_phone():
        render_phone_table(table, str(table.columns[0]))
    else:
        pair_name = f"{names.get(first, first)} and {names.get(second, second)}"
        render_text_table(table, str(table.columns[0]), f"{SHORT[measure]} of {pair_name}")
    if not shown.empty:
        st.caption(
            left_out_caption(
                measure,
                None if by else int(shown["issues"].max()),
                own_reading=bool(shown["own_reading"].gt(0).any()),
            )
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
