"""Altair chart builders. Pure functions of frames; the stance colour domain is fixed."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import altair as alt
import pandas as pd

from dashboard.records import STANCE_LABELS, STANCES, UNKNOWN

CELL_SELECTION = "cell"  # the named selection Streamlit reports on click

# Purple-orange diverging scale (ColorBrewer PuOr, colour-blind safe) for the five ordered stances.
# `mixed` and `silent` are facts off that line, so they get a hue of their own and a dark fill;
# "no record" is white with a dashed outline: an absence, never drawn like silence.
STANCE_COLOURS: dict[str, str] = {
    "strongly_support": "#5e3c99",
    "support": "#b2abd2",
    "neutral": "#f2f0ea",
    "oppose": "#fdb863",
    "strongly_oppose": "#e66101",
    "mixed": "#80cdc1",
    "silent": "#3b3b3b",
    UNKNOWN: "#ffffff",
}
DARK_FILLS = ("strongly_support", "strongly_oppose", "silent")
CONFIDENCE_OPACITY = {"high": 1.0, "medium": 0.8, "low": 0.55, "—": 1.0}
STANCE_DOMAIN = [*STANCES, UNKNOWN]
LEGEND_LABELS = [STANCE_LABELS[s] for s in STANCE_DOMAIN]
TOOLTIP = [
    alt.Tooltip("actor_name:N", title="Actor"),
    alt.Tooltip("issue_title:N", title="Issue"),
    alt.Tooltip("stance_label:N", title="Stance"),
    alt.Tooltip("basis_label:N", title="Basis"),
    alt.Tooltip("assessed_by:N", title="Assessed by"),
    alt.Tooltip("confidence:N", title="Confidence"),
    alt.Tooltip("as_of:N", title="As of"),
    alt.Tooltip("summary:N", title="Summary"),
    alt.Tooltip("n_quotes:Q", title="Quotes"),
]


def dashed_outline(base: alt.Chart, where: str) -> alt.Chart:
    """A dashed frame over the cells for which the Vega expression `where` holds.

    Vega-Lite drops a strokeDash *encoding* on rect marks, so the dash is a layer of its own.
    """
    return base.mark_rect(
        filled=False, strokeDash=[3, 2], stroke="#4a4a4a", strokeWidth=1.3, cornerRadius=2,
        ariaRoleDescription="dashed outline",
    ).transform_filter(where)


MATRIX_COLUMNS = [
    "actor", "issue", "actor_name", "actor_kind", "issue_title", "stance", "glyph", "stance_label",
    "basis_label", "assessed_by", "confidence", "as_of", "summary", "n_quotes", "dashed", "dark",
    "actor_rank", "issue_rank", "kind_rank",
]


DICTIONARY_FROM = 500


def matrix_data(cells: pd.DataFrame) -> pd.DataFrame:
    """The cells as the chart reads them: display order as small integers, flags for the marks."""
    data = cells.copy()
    data["stance"] = data["stance"].astype(str)
    # astype(str): a filter can leave no cells, and an empty column is not a string column.
    data["dashed"] = data["basis_label"].astype(str).str.startswith(("inferred", "reported")) | (
        data["stance"] == UNKNOWN
    )
    data["dark"] = data["stance"].isin(DARK_FILLS)
    for column, rank in (("actor", "actor_rank"), ("issue", "issue_rank"),
                         ("actor_kind", "kind_rank")):
        order = {value: i for i, value in enumerate(dict.fromkeys(data[column]))}
        data[rank] = data[column].map(order).astype("int32")
    data = data.reindex(columns=MATRIX_COLUMNS)
    # Repeated strings travel as Arrow dictionaries: each distinct value is sent once. Below a few
    # thousand cells the conversion costs more time (~20 ms) than it saves bytes.
    if len(data) >= DICTIONARY_FROM:
        for column in ("actor", "issue", "actor_name", "actor_kind", "issue_title", "stance",
                       "glyph", "stance_label", "basis_label", "assessed_by", "confidence", "as_of",
                       "summary"):
            data[column] = data[column].astype(str).astype("category")
    return data


def stance_matrix(cells: pd.DataFrame, *, cell_width: int = 50, row_height: int = 28) -> alt.Chart:
    """Actors x issues heatmap with a glyph per cell; clicking a cell selects (actor, issue).

    Row, column and group order come from rank fields in the data, so the spec itself does not
    depend on the data and can be built once (see `stance_matrix_spec`).
    """
    data = matrix_data(cells)
    selection = alt.selection_point(name=CELL_SELECTION, fields=["actor", "issue"], on="click",
                                    clear="dblclick")
    x = alt.X("issue_title:N", sort=alt.EncodingSortField("issue_rank", op="min"), title=None,
              axis=alt.Axis(orient="top", labelAngle=-40, labelLimit=230, labelFontSize=12,
                            labelOverlap=False))
    y = alt.Y("actor_name:N", sort=alt.EncodingSortField("actor_rank", op="min"), title=None,
              axis=alt.Axis(labelLimit=170, labelFontSize=12))
    base = alt.Chart(data).encode(x=x, y=y)
    rect = base.mark_rect(cornerRadius=2).encode(
        color=alt.Color(
            "stance:N",
            scale=alt.Scale(domain=STANCE_DOMAIN, range=[STANCE_COLOURS[s] for s in STANCE_DOMAIN]),
            legend=alt.Legend(title="Stance", orient="bottom", columns=4,
                              labelExpr=_legend_expr(), symbolStrokeColor="#8a8a8a"),
        ),
        opacity=alt.Opacity(
            "confidence:N",
            scale=alt.Scale(domain=list(CONFIDENCE_OPACITY),
                            range=list(CONFIDENCE_OPACITY.values())),
            legend=None,
        ),
        stroke=alt.when(selection, empty=False).then(alt.value("#111111")).otherwise(
            alt.value("#8a8a8a")),
        strokeWidth=alt.when(selection, empty=False).then(alt.value(3)).otherwise(alt.value(1)),
        tooltip=TOOLTIP,
    ).add_params(selection)
    # Someone else's reading (inferred, reported) and "no record" are outlined dashed.
    outline = dashed_outline(base, "datum.dashed")
    text = base.mark_text(fontSize=13, fontWeight="bold").encode(
        text="glyph:N",
        color=alt.condition("datum.dark", alt.value("#ffffff"), alt.value("#1a1a1a")),
        tooltip=TOOLTIP,
    )
    return (
        alt.layer(rect, outline, text)
        .properties(width=alt.Step(cell_width), height=alt.Step(row_height))
        .facet(
            row=alt.Row("actor_kind:N", sort=alt.EncodingSortField("kind_rank", op="min"),
                        title=None,
                        header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start",
                                          labelFontWeight="bold", labelFontSize=12,
                                          labelOrient="top", labelPadding=4)),
            spacing=6,
        )
        .resolve_scale(y="independent")
        .configure_view(strokeWidth=0)
    )


@lru_cache(maxsize=4)
def _spec_json(cell_width: int, row_height: int) -> str:
    empty = pd.DataFrame({c: pd.Series(dtype=object) for c in MATRIX_COLUMNS})
    spec = stance_matrix(empty, cell_width=cell_width, row_height=row_height).to_dict()
    spec.pop("datasets", None)
    spec.pop("data", None)
    return json.dumps(spec)


def stance_matrix_spec(cell_width: int = 50, row_height: int = 28) -> dict[str, Any]:
    """The matrix's Vega-Lite spec without data, built and validated by Altair once per process.

    Building and validating the Altair chart costs ~250 ms; the page passes this spec and the
    cells frame to `st.vega_lite_chart`, which sends the frame as Arrow.
    """
    return dict(json.loads(_spec_json(cell_width, row_height)))


def _legend_expr() -> str:
    cases = " ".join(
        f"datum.label == '{s}' ? '{STANCE_LABELS[s]}' :" for s in STANCE_DOMAIN
    )
    return f"{cases} datum.label"


TOPIC_COLUMNS = ["actor", "issue", "actor_name", "actor_kind", "issue_title", "share", "glyph",
                 "summary", "counted", "actor_rank", "issue_rank", "kind_rank"]
TOPIC_TOOLTIP = [
    alt.Tooltip("actor_name:N", title="Actor"),
    alt.Tooltip("issue_title:N", title="Topic"),
    alt.Tooltip("share:Q", title="Share in support", format=".0%"),
    alt.Tooltip("summary:N", title="Positions"),
]


def topic_data(cells: pd.DataFrame) -> pd.DataFrame:
    """Topic cells for the chart: strings as categories (sent once each), order as small ints."""
    data = cells.copy()
    for column, rank in (("actor", "actor_rank"), ("issue", "issue_rank"),
                         ("actor_kind", "kind_rank")):
        order = {value: i for i, value in enumerate(dict.fromkeys(data[column]))}
        data[rank] = data[column].map(order).astype("int32")
    data = data.reindex(columns=TOPIC_COLUMNS)
    for column in ("actor", "issue", "actor_name", "actor_kind", "issue_title", "glyph"):
        data[column] = data[column].astype("category")
    return data


def topic_matrix(cells: pd.DataFrame, *, cell_width: int = 62, row_height: int = 22) -> alt.Chart:
    """Actors x topics: share of their positions in support, on the stance scale's two ends."""
    data = topic_data(cells)
    selection = alt.selection_point(name=CELL_SELECTION, fields=["actor", "issue"], on="click",
                                    clear="dblclick")
    x = alt.X("issue_title:N", sort=alt.EncodingSortField("issue_rank", op="min"), title=None,
              axis=alt.Axis(orient="top", labelAngle=-40, labelLimit=230, labelOverlap=False))
    y = alt.Y("actor_name:N", sort=alt.EncodingSortField("actor_rank", op="min"), title=None,
              axis=alt.Axis(labelLimit=170))
    base = alt.Chart(data).encode(x=x, y=y)
    rect = base.mark_rect(cornerRadius=2, stroke="#8a8a8a").encode(
        # A topic with no position from this actor is an absence: white, dashed, never a share.
        color=alt.when("datum.counted > 0").then(alt.Color(
            "share:Q",
            scale=alt.Scale(domain=[0, 0.5, 1], range=[STANCE_COLOURS["strongly_oppose"],
                                                      STANCE_COLOURS["neutral"],
                                                      STANCE_COLOURS["strongly_support"]]),
            legend=alt.Legend(title="Share in support", format=".0%", orient="bottom"),
        )).otherwise(alt.value(STANCE_COLOURS[UNKNOWN])),
        strokeWidth=alt.when(selection, empty=False).then(alt.value(3)).otherwise(alt.value(0.7)),
        tooltip=TOPIC_TOOLTIP,
    ).add_params(selection)
    outline = dashed_outline(base, "datum.counted == 0")  # no position on the topic
    text = base.mark_text(fontSize=10).encode(
        text="glyph:N",
        color=alt.condition("datum.share > 0.8 || datum.share < 0.2", alt.value("#ffffff"),
                            alt.value("#1a1a1a")),
        tooltip=TOPIC_TOOLTIP,
    )
    return (
        alt.layer(rect, outline, text)
        .properties(width=alt.Step(cell_width), height=alt.Step(row_height))
        .facet(row=alt.Row("actor_kind:N", sort=alt.EncodingSortField("kind_rank", op="min"),
                           title=None,
                           header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start",
                                             labelFontWeight="bold", labelOrient="top")),
               spacing=6)
        .resolve_scale(y="independent")
        .configure_view(strokeWidth=0)
    )


@lru_cache(maxsize=2)
def _topic_spec_json() -> str:
    empty = pd.DataFrame({c: pd.Series(dtype=object) for c in TOPIC_COLUMNS})
    spec = topic_matrix(empty).to_dict()
    spec.pop("datasets", None)
    spec.pop("data", None)
    return json.dumps(spec)


def topic_matrix_spec() -> dict[str, Any]:
    return dict(json.loads(_topic_spec_json()))
