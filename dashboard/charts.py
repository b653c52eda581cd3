"""Altair chart builders. Pure functions of frames; the stance colour domain is fixed."""

from __future__ import annotations

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


def stance_matrix(cells: pd.DataFrame, *, cell_width: int = 50, row_height: int = 28) -> alt.Chart:
    """Actors x issues heatmap with a glyph per cell; clicking a cell selects (actor, issue)."""
    actor_sort = list(dict.fromkeys(cells["actor_name"]))
    issue_sort = list(dict.fromkeys(cells["issue_title"]))
    data = cells[
        ["actor", "issue", "actor_name", "actor_kind", "issue_title", "stance", "stance_label",
         "glyph", "basis_label", "assessed_by", "confidence", "as_of", "summary", "n_quotes"]
    ].assign(stance=cells["stance"].astype(str))
    data["dashed"] = data["basis_label"].str.startswith(("inferred", "reported")) | (
        data["stance"] == UNKNOWN
    )
    data["dark"] = data["stance"].isin(DARK_FILLS)
    selection = alt.selection_point(name=CELL_SELECTION, fields=["actor", "issue"], on="click",
                                    clear="dblclick")
    x = alt.X("issue_title:N", sort=issue_sort, title=None,
              axis=alt.Axis(orient="top", labelAngle=-40, labelLimit=230, labelFontSize=12,
                            labelOverlap=False))
    y = alt.Y("actor_name:N", sort=actor_sort, title=None,
              axis=alt.Axis(labelLimit=170, labelFontSize=12))
    base = alt.Chart(data).encode(x=x, y=y)
    rect = base.mark_rect(stroke="#8a8a8a", strokeWidth=1, cornerRadius=2).encode(
        color=alt.Color(
            "stance:N",
            scale=alt.Scale(domain=STANCE_DOMAIN, range=[STANCE_COLOURS[s] for s in STANCE_DOMAIN]),
            legend=alt.Legend(
                title="Stance",
                orient="bottom",
                columns=4,
                labelExpr=_legend_expr(),
                symbolStrokeColor="#8a8a8a",
            ),
        ),
        opacity=alt.Opacity(
            "confidence:N",
            scale=alt.Scale(domain=list(CONFIDENCE_OPACITY),
                            range=list(CONFIDENCE_OPACITY.values())),
            legend=None,
        ),
        strokeDash=alt.condition("datum.dashed", alt.value([3, 2]), alt.value([1, 0])),
        stroke=alt.when(selection, empty=False).then(alt.value("#111111")).otherwise(
            alt.value("#8a8a8a")),
        strokeWidth=alt.when(selection, empty=False).then(alt.value(3)).otherwise(alt.value(1)),
        tooltip=TOOLTIP,
    ).add_params(selection)
    text = base.mark_text(fontSize=13, fontWeight="bold").encode(
        text="glyph:N",
        color=alt.condition("datum.dark", alt.value("#ffffff"), alt.value("#1a1a1a")),
        tooltip=TOOLTIP,
    )
    kinds = list(dict.fromkeys(cells["actor_kind"]))
    return (
        alt.layer(rect, text)
        .properties(width=alt.Step(cell_width), height=alt.Step(row_height))
        .facet(
            row=alt.Row("actor_kind:N", sort=kinds, title=None,
                        header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start",
                                          labelFontWeight="bold", labelFontSize=12,
                                          labelOrient="top", labelPadding=4)),
            spacing=6,
        )
        .resolve_scale(y="independent")
        .configure_view(strokeWidth=0)
    )


def _legend_expr() -> str:
    cases = " ".join(
        f"datum.label == '{s}' ? '{STANCE_LABELS[s]}' :" for s in STANCE_DOMAIN
    )
    return f"{cases} datum.label"
