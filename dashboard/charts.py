"""Altair chart builders. Pure functions of frames; the stance colour domain is fixed.

The specs do not depend on the data (order comes from rank fields, flags from boolean fields), so each
is built and validated by Altair once per process and reused with new data on every rerun.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
import pyarrow as pa

from dashboard.vocabulary import (
    CONFIDENCE_MARKS,
    DARK_FILLS,
    SELECTED_OUTLINE,
    STANCE_COLOURS,
    STANCE_DOMAIN,
)

CELL_SELECTION = "cell"  # the named selection Streamlit reports on click
GLYPH_LAYER, DOTS_LAYER = "cell_glyph", "confidence_dots"  # Vega names their marks "<name>_marks"
TOOLTIP = [
    alt.Tooltip("actor_label:N", title="Actor"),
    alt.Tooltip("issue_title:N", title="Issue"),
    alt.Tooltip("reading:N", title="Reading"),
    alt.Tooltip("summary:N", title="Summary"),
    alt.Tooltip("n_quotes:Q", title="Evidence quotes"),
]
MATRIX_COLUMNS = [
    "actor",
    "issue",
    "actor_label",
    "actor_kind",
    "issue_title",
    "stance",
    "glyph",
    "reading",
    "summary",
    "n_quotes",
    "confidence_mark",
    "description",
    "dashed",
    "dark",
    "selected",
    "actor_rank",
    "issue_rank",
    "kind_rank",
    "cell_key",
    "cell_order",
]
DICTIONARY_FROM = 500


def _ranks(data: pd.DataFrame) -> dict[str, np.ndarray]:
    """Each row's place among the distinct actors, issues and kinds, in order of first appearance."""
    return {
        rank: pd.factorize(data[column], use_na_sentinel=False)[0].astype("int32")
        for column, rank in (("actor", "actor_rank"), ("issue", "issue_rank"), ("actor_kind", "kind_rank"))
    }


def distinct_labels(labels: pd.Series, keys: pd.Series) -> pd.Series:
    """Labels the chart can tell apart: a label two keys share (3,732 of the UN's 6,203 roll-call
    titles repeat) gets its key in brackets, as an axis draws one column per distinct label and
    would otherwise pile two issues into one cell."""
    labels = labels.astype(str)
    keys = keys.astype(str)
    seen: dict[str, str] = {}
    clashing: set[str] = set()
    for label, key in zip(labels.tolist(), keys.tolist(), strict=True):  # a page of cells: plain Python
        if seen.setdefault(label, key) != key:
            clashing.add(label)
    if not clashing:
        return labels
    return labels.where(~labels.isin(clashing), labels + " [" + keys + "]")


def matrix_data(
    cells: pd.DataFrame, selected: tuple[str, str] | None = None, dictionaries: bool = True
) -> pd.DataFrame:
    """The cells as the chart reads them: display order as small integers, flags for the marks, and
    a description per cell that screen readers announce.

    Made column by column and put together once (a copy of the cells with a dozen columns added
    one by one cost 20-40 ms a selection, most of it pandas inserting columns). `dictionaries=False`
    for rows that never go to Vega as Arrow (the page's SVG matrix, `matrix_svg`): the conversion to
    categories below is then pure cost (8 ms of 19 ms for the UN votes' 1,200 cells)."""
    make = _plain_matrix_data if len(cells) <= PLAIN_UP_TO else _matrix_data
    data = make(cells, selected)
    # Repeated strings travel as Arrow dictionaries: each distinct value is sent once. Below a few
    # hundred cells the conversion costs more time than it saves bytes.
    if dictionaries and len(data) >= DICTIONARY_FROM:
        for column in (
            "actor",
            "issue",
            "actor_label",
            "actor_kind",
            "issue_title",
            "stance",
            "glyph",
            "reading",
            "summary",
            "confidence_mark",
        ):
            data[column] = data[column].astype(str).astype("category")
    return data


PLAIN_UP_TO = 5_000  # cells: a page of the matrix (at most 60 x 20) is made with plain lists


def _texts(values: pd.Series) -> list[str]:
    """A column as `astype(str)` gives it, as a list: a missing value 'nan', any other `str()` of it
    (from the list itself: the cast cost about 0.4 ms a column of a page, six columns a selection)."""
    return ["nan" if _is_missing(v) or v is pd.NaT else str(v) for v in _plain(values)]


def _plain(values: pd.Series) -> list[object]:
    """`values.tolist()`, read through Arrow for Arrow strings (None where one is missing, which
    `_texts` reads as missing as it does pandas' own): pandas goes through NumPy for each."""
    if isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "pyarrow":
        return list(pa.array(values.array).to_pylist())
    return list(values.tolist())


def _plain_matrix_data(cells: pd.DataFrame, selected: tuple[str, str] | None) -> pd.DataFrame:
    """`_matrix_data` made from plain lists: the same frame (tests/test_charts.py holds them
    equal), without pandas' per-column operations, which cost most of the 10 ms a page of 14 to
    168 seed cells took (issue 24)."""
    actor, issue = _texts(cells["actor"]), _texts(cells["issue"])
    stance = _texts(cells["stance"])
    titles = _texts(cells["issue_title"])
    clashing = _clashing(titles, issue)
    issue_title = [f"{t} [{k}]" if t in clashing else t for t, k in zip(titles, issue, strict=True)]
    labels = _texts(cells["actor_label"])
    clashing_labels = _clashing(labels, actor)
    reading = _texts(cells["reading"])
    confidence = cells["confidence"].tolist()
    marks = [CONFIDENCE_MARKS.get(c, "") if c in ("medium", "low") else "" for c in confidence]
    second_hand = cells["second_hand"].astype(bool).tolist()
    dark = set(DARK_FILLS)
    # Arrays, not Series: the frame takes them as they are, where each Series would be aligned to
    # the index first (about a third of the frame's making).
    confidence_dtype = cells["confidence"].dtype
    columns: dict[str, Any] = {
        "actor": cells["actor"].array,
        "issue": cells["issue"].array,
        "actor_label": pd.array(
            [f"{t} [{k}]" if t in clashing_labels else t for t, k in zip(labels, actor, strict=True)],
            dtype="str",
        ),
        "actor_kind": cells["actor_kind"].array,
        "issue_title": pd.array(issue_title, dtype="str"),
        "stance": pd.array(stance, dtype="str"),
        "glyph": cells["glyph"].array,
        "reading": cells["reading"].array,
        "summary": cells["summary"].array,
        "n_quotes": cells["n_quotes"].array,
        "confidence_mark": (
            pd.array(marks, dtype=confidence_dtype)
            if isinstance(confidence_dtype, pd.StringDtype)
            else np.array(marks, dtype=object)
        ),
        "description": pd.array(
            [
                f"{n} on {t}: {r}"
                for n, t, r in zip(_texts(cells["actor_name"]), issue_title, reading, strict=True)
            ],
            dtype="str",
        ),
        "dashed": np.array(
            [h or s == "unknown" for h, s in zip(second_hand, stance, strict=True)], dtype=bool
        ),
        "dark": np.array([s in dark for s in stance], dtype=bool),
        "selected": np.array(
            [(a, i) == selected for a, i in zip(actor, issue, strict=True)]
            if selected is not None
            else np.zeros(len(cells), dtype=bool),
            dtype=bool,
        ),
        **{rank: _first_seen(values) for rank, values in _rank_columns(cells)},
        "cell_key": pd.array([f"{a}~{i}" for a, i in zip(actor, issue, strict=True)], dtype="str"),
        "cell_order": np.arange(len(cells), dtype="int32"),
    }
    return pd.DataFrame(columns, index=cells.index, columns=MATRIX_COLUMNS)


def _clashing(labels: list[str], keys: list[str]) -> set[str]:
    """The labels two keys share (see `distinct_labels`)."""
    seen: dict[str, str] = {}
    clashing: set[str] = set()
    for label, key in zip(labels, keys, strict=True):
        if seen.setdefault(label, key) != key:
            clashing.add(label)
    return clashing


def _rank_columns(cells: pd.DataFrame) -> list[tuple[str, list[object]]]:
    return [
        (rank, cells[column].tolist())
        for column, rank in (("actor", "actor_rank"), ("issue", "issue_rank"), ("actor_kind", "kind_rank"))
    ]


def _first_seen(values: list[object]) -> np.ndarray:
    """Each value's place among the distinct values, in order of first appearance (missing values
    one value of their own), as `pd.factorize(..., use_na_sentinel=False)` numbers them."""
    places: dict[object, int] = {}
    return np.array(
        [places.setdefault(_MISSING if _is_missing(value) else value, len(places)) for value in values],
        dtype="int32",
    )


def _is_missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


_MISSING = object()


def _matrix_data(cells: pd.DataFrame, selected: tuple[str, str] | None) -> pd.DataFrame:
    stance = cells["stance"].astype(str)
    issue_title = distinct_labels(cells["issue_title"], cells["issue"])
    columns: dict[str, Any] = {
        "actor": cells["actor"],
        "issue": cells["issue"],
        "actor_label": distinct_labels(cells["actor_label"], cells["actor"]),
        "actor_kind": cells["actor_kind"],
        "issue_title": issue_title,
        "stance": stance,
        "glyph": cells["glyph"],
        "reading": cells["reading"],
        "summary": cells["summary"],
        "n_quotes": cells["n_quotes"],
        "confidence_mark": cells["confidence"].map(
            lambda c: CONFIDENCE_MARKS.get(c, "") if c in ("medium", "low") else ""
        ),
        "description": cells["actor_name"].astype(str)
        + " on "
        + issue_title.astype(str)
        + ": "
        + cells["reading"].astype(str),
        "dashed": cells["second_hand"].astype(bool) | (stance == "unknown"),
        "dark": stance.isin(DARK_FILLS),
        "selected": (
            (cells["actor"] == selected[0]) & (cells["issue"] == selected[1])
            if selected is not None
            else pd.Series(False, index=cells.index)
        ),
        **_ranks(cells),
        # One per cell, the same for a cell from one selection to the next (ids never hold '~'): the
        # page's drawing reports a click by it (`matrix_svg`) and the open cell is looked up by it.
        "cell_key": cells["actor"].astype(str) + "~" + cells["issue"].astype(str),
        "cell_order": np.arange(len(cells), dtype="int32"),  # see KEYED
    }
    return pd.DataFrame(columns, index=cells.index, columns=MATRIX_COLUMNS)


def _axes(label_limit: int = 170, upright: bool = False) -> tuple[alt.X, alt.Y]:
    # Column names slant up to the right; their length past the last cell is what the page must
    # leave room for (about 180 px x cos 45°). Upright (a phone) they take height, not width.
    x = alt.X(
        "issue_title:N",
        sort=alt.EncodingSortField("issue_rank", op="min"),
        title=None,
        axis=alt.Axis(
            orient="top",
            labelAngle=-90 if upright else -45,
            labelLimit=180,
            labelFontSize=12,
            labelOverlap=False,
        ),
    )
    y = alt.Y(
        "actor_label:N",
        sort=alt.EncodingSortField("actor_rank", op="min"),
        title=None,
        axis=alt.Axis(labelLimit=label_limit, labelFontSize=12),
    )
    return x, y


def _facet_rows(chart: alt.LayerChart | alt.FacetChart) -> alt.FacetChart:
    faceted: alt.FacetChart = (
        chart.facet(
            row=alt.Row(
                "actor_kind:N",
                sort=alt.EncodingSortField("kind_rank", op="min"),
                title=None,
                header=alt.Header(
                    labelAngle=0,
                    labelAlign="left",
                    labelAnchor="start",
                    labelFontWeight="bold",
                    labelFontSize=12,
                    labelOrient="top",
                    labelPadding=4,
                ),
            ),
            spacing=6,
        )
        .resolve_scale(y="independent")
        .configure_view(strokeWidth=0)
    )
    return faceted


def stance_matrix(
    cells: pd.DataFrame,
    *,
    cell_width: int = 44,
    row_height: int = 28,
    selected: tuple[str, str] | None = None,
    label_limit: int = 170,
    upright: bool = False,
) -> alt.FacetChart:
    """Actors x issues heatmap with a glyph per cell; clicking a cell selects (actor, issue).

    Colour is the stance on a fixed domain and no opacity: confidence is a row of dots in the cell's
    corner, so a pale "strongly supports" can never be read as "supports". A dashed frame marks a
    second-hand reading (inferred, reported) and "no record"; a red ring marks the open cell.
    """
    data = matrix_data(cells, selected)
    click = alt.selection_point(name=CELL_SELECTION, fields=["actor", "issue"], on="click", clear="dblclick")
    x, y = _axes(label_limit, upright)
    base = alt.Chart(data).encode(x=x, y=y)
    rect = (
        base.mark_rect(cornerRadius=2, stroke="#8a8a8a", strokeWidth=1)
        .encode(
            color=alt.Color(
                "stance:N",
                legend=None,
                scale=alt.Scale(domain=STANCE_DOMAIN, range=[STANCE_COLOURS[s] for s in STANCE_DOMAIN]),
            ),
            tooltip=TOOLTIP,
            description=alt.Description("description:N"),
        )
        .add_params(click)
    )
    # Vega-Lite drops a strokeDash *encoding* on rect marks, so each outline is a layer of its own.
    dashed = (
        base.mark_rect(
            filled=False,
            strokeDash=[3, 2],
            stroke="#4a4a4a",
            strokeWidth=1.3,
            cornerRadius=2,
            ariaRoleDescription="dashed outline",
            aria=False,
        )
        .transform_filter("datum.dashed")
        .properties(name="dashed_outline")
    )
    ring = (
        base.mark_rect(
            filled=False,
            stroke=SELECTED_OUTLINE,
            strokeWidth=3.5,
            cornerRadius=2,
            ariaRoleDescription="open cell",
            aria=False,
        )
        .transform_filter("datum.selected")
        .properties(name="open_cell_ring")
    )
    # The glyph and the dots have no tooltip of their own: Vega would evaluate each mark's tooltip
    # for every item, through its expression interpreter.
    text = (
        base.mark_text(fontSize=13, fontWeight="bold", aria=False)
        .encode(
            text="glyph:N",
            color=alt.condition("datum.dark", alt.value("#ffffff"), alt.value("#1a1a1a")),
        )
        .properties(name=GLYPH_LAYER)
    )
    # Only cells of medium or low confidence carry dots: the others would be empty <text> nodes,
    # one per cell (1,200 on a page of UN votes, where every vote is certain).
    dots = (
        base.mark_text(fontSize=6, dy=row_height / 2 - 5, aria=False)
        .encode(
            text="confidence_mark:N",
            color=alt.condition("datum.dark", alt.value("#ffffff"), alt.value("#1a1a1a")),
        )
        .transform_filter("datum.confidence_mark")
        .properties(name=DOTS_LAYER)
    )
    layered = alt.layer(rect, dashed, ring, text, dots).properties(
        width=alt.Step(cell_width), height=alt.Step(row_height)
    )
    return _facet_rows(layered)


def _spec_without_data(chart: alt.TopLevelMixin) -> str:
    spec = chart.to_dict()
    spec.pop("datasets", None)
    spec.pop("data", None)
    return json.dumps(spec)


# The columns of the matrix's cells that `matrix_data` reads (the grid's, with its glyph and label).
CELL_COLUMNS = (
    "actor",
    "issue",
    "actor_name",
    "issue_title",
    "actor_kind",
    "stance",
    "reading",
    "second_hand",
    "confidence",
    "summary",
    "n_quotes",
    "glyph",
    "actor_label",
)


@lru_cache(maxsize=8)
def _stance_spec_json(cell_width: int, row_height: int, label_limit: int, upright: bool) -> str:
    empty = pd.DataFrame({c: pd.Series(dtype=object) for c in CELL_COLUMNS})
    return _spec_without_data(
        stance_matrix(
            empty, cell_width=cell_width, row_height=row_height, label_limit=label_limit, upright=upright
        )
    )


def stance_matrix_spec(
    cell_width: int = 44, row_height: int = 28, label_limit: int = 170, upright: bool = False
) -> dict[str, Any]:
    """The matrix's Vega-Lite spec without data, built and validated by Altair once per process.

    Building and validating the Altair chart costs ~250 ms; the matrix as a picture (`note.picture`,
    rendered by vl-convert) is drawn from it. The page draws its matrix from the same rows as SVG
    of its own (`matrix_svg`), in the same colours, glyphs, outlines and order.
    """
    return dict(json.loads(_stance_spec_json(cell_width, row_height, label_limit, upright)))


# Each mark of the topic matrix keeps one item per cell key, not per row received. Unkeyed, Vega
# joins marks to rows by the rows' ids, new on every data swap, and its join keeps every item that
# left (with its detached SVG element) until 10,000 of them pile up: the page's detached DOM. A cell
# that comes back reuses its item, which Vega would then draw after the others: the order keeps the
# marks, and so what a screen reader reads, in the rows' order, row by row, as a chart drawn afresh
# has them.
KEYED = {
    "key": {"field": "cell_key", "type": "nominal"},
    "order": {"field": "cell_order", "type": "quantitative"},
}


# ------------------------------------------------------------------------------------- topics

TOPIC_COLUMNS = [
    "actor",
    "topic",
    "actor_label",
    "actor_name",
    "actor_kind",
    "lean",
    "share_for",
    "glyph",
    "summary",
    "counted",
    "state",
    "thin",
    "description",
    "selected",
    "actor_rank",
    "topic_rank",
    "kind_rank",
    "cell_key",
    "cell_order",
]
TOPIC_TOOLTIP = [
    alt.Tooltip("actor_label:N", title="Actor"),
    alt.Tooltip("topic:N", title="Topic"),
    alt.Tooltip("share_for:Q", title="Share in support", format=".0%"),
    alt.Tooltip("lean:Q", title="Lean (for − against) / positions", format="+.2f"),
    alt.Tooltip("summary:N", title="Positions"),
]


def topic_data(cells: pd.DataFrame) -> pd.DataFrame:
    """Topic cells for the chart: strings as categories (sent once each), order as small ints."""
    data = cells.copy()
    data["description"] = (
        data["actor_name"].astype(str)
        + " on "
        + data["topic"].astype(str)
        + ": "
        + data["summary"].astype(str)
    )
    data["selected"] = False
    data["cell_key"] = data["actor"].astype(str) + "~" + data["topic"].astype(str)  # as matrix_data's
    data["cell_order"] = np.arange(len(data), dtype="int32")
    for column, rank in (("actor", "actor_rank"), ("topic", "topic_rank"), ("actor_kind", "kind_rank")):
        order = {value: i for i, value in enumerate(dict.fromkeys(data[column]))}
        data[rank] = data[column].map(order).astype("int32")
    data = data.reindex(columns=TOPIC_COLUMNS)
    for column in ("actor", "topic", "actor_label", "actor_name", "actor_kind", "glyph", "state"):
        data[column] = data[column].astype(str).astype("category")
    return data


def topic_matrix(cells: pd.DataFrame, *, cell_width: int = 78, row_height: int = 24) -> alt.FacetChart:
    """Actors x topics: colour is the lean, (for − against) / positions, on the stance scale with
    neutral in the middle; the text is the share in support and the count behind it; a share resting
    on fewer than a few positions is drawn pale (thin evidence)."""
    data = topic_data(cells)
    click = alt.selection_point(name=CELL_SELECTION, fields=["actor", "topic"], on="click", clear="dblclick")
    x = alt.X(
        "topic:N",
        sort=alt.EncodingSortField("topic_rank", op="min"),
        title=None,
        axis=alt.Axis(orient="top", labelAngle=-45, labelLimit=180, labelOverlap=False),
    )
    y = alt.Y(
        "actor_label:N",
        sort=alt.EncodingSortField("actor_rank", op="min"),
        title=None,
        axis=alt.Axis(labelLimit=170),
    )
    base = alt.Chart(data).encode(x=x, y=y)
    rect = (
        base.mark_rect(cornerRadius=2, stroke="#8a8a8a", strokeWidth=0.7)
        .encode(
            # A topic with no position from this actor is an absence: white, dashed, never a share.
            color=alt.when("datum.state == 'share'")
            .then(
                alt.Color(
                    "lean:Q",
                    legend=None,
                    scale=alt.Scale(
                        domain=[-1, 0, 1],
                        range=[
                            STANCE_COLOURS["strongly_oppose"],
                            STANCE_COLOURS["neutral"],
                            STANCE_COLOURS["strongly_support"],
                        ],
                    ),
                )
            )
            .otherwise(alt.value(STANCE_COLOURS["unknown"])),
            opacity=alt.when("datum.thin").then(alt.value(0.45)).otherwise(alt.value(1.0)),
            tooltip=TOPIC_TOOLTIP,
            description=alt.Description("description:N"),
        )
        .add_params(click)
    )
    # Silence on every issue of a topic is a recorded fact: drawn as silence, never as a share.
    silent = base.mark_rect(cornerRadius=2, color=STANCE_COLOURS["silent"], aria=False).transform_filter(
        "datum.state == 'silent'"
    )
    outline = base.mark_rect(
        filled=False, strokeDash=[3, 2], stroke="#4a4a4a", strokeWidth=1.3, cornerRadius=2, aria=False
    ).transform_filter("datum.state == 'unknown'")
    text = base.mark_text(fontSize=10, aria=False).encode(
        text="glyph:N",
        color=alt.condition(
            "(abs(datum.lean) > 0.6 && !datum.thin) || datum.state == 'silent'",
            alt.value("#ffffff"),
            alt.value("#1a1a1a"),
        ),
        tooltip=TOPIC_TOOLTIP,
    )
    layered = alt.layer(rect, silent, outline, text).properties(
        width=alt.Step(cell_width), height=alt.Step(row_height)
    )
    return _facet_rows(layered)


@lru_cache(maxsize=2)
def _topic_spec_json() -> str:
    empty = pd.DataFrame(
        {
            c: pd.Series(dtype=object)
            for c in [
                "actor",
                "topic",
                "actor_label",
                "actor_name",
                "actor_kind",
                "lean",
                "share_for",
                "glyph",
                "summary",
                "counted",
                "state",
                "thin",
            ]
        }
    )
    spec = json.loads(_spec_without_data(topic_matrix(empty)))
    for layer in spec["spec"]["layer"]:
        layer["encoding"].update(KEYED)
    return json.dumps(spec)


def topic_matrix_spec() -> dict[str, Any]:
    return dict(json.loads(_topic_spec_json()))
