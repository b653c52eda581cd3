"""Altair builders for the agreement measures: the pairwise heatmap and a pair's agreement over time.

A rate resting on too few shared issues is drawn grey with its n, never coloured like a rate, so a
pair that shares two votes cannot look like a close ally.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.alignment.wording import period_text, rate_text
from dashboard.vocabulary import STANCE_COLOURS

PAIR_SELECTION = "pair"
THIN_FILL = "#e4e4e4"


def _scale(measure: str) -> alt.Scale:
    """Coincidence and the index run 0..1; kappa −1..1 with 0 (chance) in the middle."""
    if measure == "kappa":
        return alt.Scale(
            domain=[-1, 0, 1],
            range=[
                STANCE_COLOURS["strongly_oppose"],
                STANCE_COLOURS["neutral"],
                STANCE_COLOURS["strongly_support"],
            ],
        )
    return alt.Scale(
        domain=[0, 0.5, 1],
        range=[
            STANCE_COLOURS["strongly_oppose"],
            STANCE_COLOURS["neutral"],
            STANCE_COLOURS["strongly_support"],
        ],
    )


def heatmap_data(cells: pd.DataFrame, names: dict[str, str], order: list[str]) -> pd.DataFrame:
    """Pairwise cells (alignment.COLUMNS) with names, ranks in the seriated order, and a label."""
    rank = {a: i for i, a in enumerate(order)}
    data = cells.assign(
        actor_name=cells["actor"].map(names),
        other_name=cells["other"].map(names),
        actor_rank=cells["actor"].map(rank).astype("int32"),
        other_rank=cells["other"].map(rank).astype("int32"),
    )
    percent = data["measure"] != "kappa"
    shown = pd.Series(
        ["" if pd.isna(v) else rate_text(v, m) for v, m in zip(data["value"], data["measure"], strict=True)],
        index=data.index,
    )
    data["label"] = shown.where(~data["thin"], "n=" + data["n"].astype(str))
    # Where on its scale a value sits (0..1; kappa's -1..1 mapped onto it): the outer 15% at each
    # end is a dark fill, whose label is written in white.
    position = data["value"].where(percent, (data["value"] + 1) / 2)
    data["dark"] = ~data["thin"].astype(bool) & ((position > 0.85) | (position < 0.15))
    data["period"] = [period_text(a, b) for a, b in zip(data["first"], data["last"], strict=True)]
    data["description"] = (
        data["actor_name"]
        + " and "
        + data["other_name"]
        + ": "
        + data["label"]
        + " over "
        + data["n"].astype(str)
        + " shared issues, "
        + data["period"]
        + data["thin"].map({True: " (too few to rate)", False: ""})
    )
    keep = [
        "actor",
        "other",
        "actor_name",
        "other_name",
        "actor_rank",
        "other_rank",
        "value",
        "n",
        "period",
        "low",
        "high",
        "thin",
        "label",
        "description",
        "dark",
    ]
    return data[keep]


def heatmap(data: pd.DataFrame, measure: str, *, cell: int = 34) -> alt.LayerChart | alt.FacetChart:
    """Every pair's agreement; rows and columns in the seriated order so blocs show as squares."""
    click = alt.selection_point(name=PAIR_SELECTION, fields=["actor", "other"], on="click", clear="dblclick")
    x = alt.X(
        "other_name:N",
        sort=alt.EncodingSortField("other_rank", op="min"),
        title=None,
        axis=alt.Axis(orient="top", labelAngle=-45, labelLimit=150, labelOverlap=False),
    )
    y = alt.Y(
        "actor_name:N",
        sort=alt.EncodingSortField("actor_rank", op="min"),
        title=None,
        axis=alt.Axis(labelLimit=150),
    )
    tooltip = [
        alt.Tooltip("actor_name:N", title="Actor"),
        alt.Tooltip("other_name:N", title="With"),
        alt.Tooltip("label:N", title="Agreement"),
        alt.Tooltip("n:Q", title="Shared issues"),
        alt.Tooltip("period:N", title="Period"),
        alt.Tooltip("low:Q", title="95% from", format=".2f"),
        alt.Tooltip("high:Q", title="95% to", format=".2f"),
    ]
    base = alt.Chart(data).encode(x=x, y=y)
    rect = (
        base.mark_rect(stroke="#ffffff", strokeWidth=1)
        .encode(
            color=alt.when("datum.thin")
            .then(alt.value(THIN_FILL))
            .otherwise(
                alt.Color(
                    "value:Q",
                    scale=_scale(measure),
                    legend=alt.Legend(
                        title=measure, orient="bottom", format=".0%" if measure != "kappa" else ".1f"
                    ),
                )
            ),
            tooltip=tooltip,
            description=alt.Description("description:N"),
        )
        .add_params(click)
    )
    text = base.mark_text(fontSize=9, aria=False).encode(
        text="label:N",
        color=alt.when("datum.dark").then(alt.value("#ffffff")).otherwise(alt.value("#1a1a1a")),
    )
    return alt.layer(rect, text).properties(width=alt.Step(cell), height=alt.Step(cell - 8))


def over_time(data: pd.DataFrame, measure: str) -> alt.LayerChart | alt.FacetChart:
    """One pair's agreement by year: the rate with its interval; thin years as hollow points."""
    rated = data.assign(year=pd.to_numeric(data["group"], errors="coerce")).dropna(subset=["year"])
    base = alt.Chart(rated).encode(x=alt.X("year:Q", title=None, axis=alt.Axis(format="d")))
    band = (
        base.mark_area(opacity=0.25, color="#5e3c99")
        .encode(
            y=alt.Y(
                "low:Q", title=measure, scale=alt.Scale(domain=[-1, 1] if measure == "kappa" else [0, 1])
            ),
            y2="high:Q",
        )
        .transform_filter("!datum.thin")
    )
    line = (
        base.mark_line(point=True, color="#5e3c99")
        .encode(
            y="value:Q",
            tooltip=[
                alt.Tooltip("year:Q", format="d"),
                alt.Tooltip("value:Q", format=".2f"),
                alt.Tooltip("n:Q", title="shared issues"),
            ],
        )
        .transform_filter("!datum.thin")
    )
    thin = (
        base.mark_point(shape="circle", filled=False, color="#777777")
        .encode(
            y="value:Q",
            tooltip=[alt.Tooltip("year:Q", format="d"), alt.Tooltip("n:Q", title="shared issues (too few)")],
        )
        .transform_filter("datum.thin")
    )
    return alt.layer(band, line, thin).properties(height=220, width="container")
