"""The page's stance matrix as SVG markup, built from the chart's rows (`charts.matrix_data`) and drawn
as the Vega chart drew them: a fill per stance on the fixed colours, the glyph, confidence dots, a
dashed outline on second-hand readings and on no record, rows grouped by actor kind, rows and columns
in the rows' order, column names slanted (upright on a phone). The browser's part (views/matrix.js)
is what needs the browser: fitting the labels to their room, the red ring, the tooltip, the keys.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

import pandas as pd
import pyarrow as pa

from dashboard.vocabulary import STANCE_COLOURS

ROW_HEIGHT = 28
FACET_GAP = 37  # from one kind's last row to the next kind's first: its title and the spacing
COLUMN_LABEL_LIMIT = 180  # px, as the Vega chart's x axis (labelLimit)
COLUMN_LABEL_Y = -46  # where the column names start, above the first kind's title
LABEL_GAP = 16  # between a row's name and its first cell
FACET_TITLE_Y = -20  # a kind's title, above its first row
GLYPH_Y = 18  # the glyph's baseline in its cell
DOTS_Y = 25  # the confidence dots' baseline


EMPTY: dict[str, list[object]] = {"actors": [], "labels": [], "issues": [], "titles": [], "cells": []}


@dataclass(frozen=True)
class Drawing:
    """The matrix for the browser: the SVG's content, and as JSON the rows (actor ids and labels),
    the columns (issue ids and titles) and per cell, in the order of the cells in the markup
    (`data-i`), its row, its column, its reading, summary and number of quotes (the tooltip; a
    cell's key is its row's actor and its column's issue, "actor~issue")."""

    body: str
    cells: str
    rows: int
    columns: int


_STR = pd.Series([], dtype=str).dtype  # what `astype(str)` makes


def _strings(column: pd.Series) -> list[str]:
    """`column.astype(str).tolist()`, without the cast's copy when the column is of that type already
    and read through Arrow when no value is missing (pandas' `tolist` goes through NumPy: 14 columns
    a drawing)."""
    if column.dtype != _STR:
        column = column.astype(str)
    if getattr(column.dtype, "storage", None) == "pyarrow" and not column.array.isna().any():
        return list(pa.array(column.array).to_pylist())
    return list(column.tolist())


def _x(text: object) -> str:
    return escape(str(text), quote=True)


def drawing(
    rows: pd.DataFrame, cell_width: int = 44, label_limit: int = 170, upright: bool = False
) -> Drawing:
    """The cells of `charts.matrix_data` (any order: drawn by `cell_order`) as SVG markup whose
    origin is the top left of the first cell; the browser moves it into view once it has measured
    the labels."""
    if rows.empty:
        return Drawing("", json.dumps(EMPTY), 0, 0)
    order = rows["cell_order"]
    # The page's rows come in drawing order already (`charts.matrix_data` numbers them so): a sort
    # then is a copy of every column for nothing.
    data = rows if order.is_monotonic_increasing else rows.sort_values("cell_order", kind="stable")
    # Plain lists, read once: a page of cells is a few hundred to 1,200 rows, and a pandas lookup per
    # kind and a named tuple per cell cost more than the markup (docs/performance.md).
    kind_of = _strings(data["actor_kind"])
    actor_of = _strings(data["actor"])
    issue_of = _strings(data["issue"])
    label_of = _strings(data["actor_label"])
    by_kind: dict[str, list[int]] = {}
    for index, kind in enumerate(kind_of):
        by_kind.setdefault(kind, []).append(index)
    columns = list(dict.fromkeys(issue_of))
    column_of = {issue: i for i, issue in enumerate(columns)}
    titles = dict(zip(issue_of, _strings(data["issue_title"]), strict=True))
    stances = _strings(data["stance"])
    descriptions = _strings(data["description"])
    dashed = data["dashed"].tolist()
    dark = data["dark"].tolist()
    glyph_of = _strings(data["glyph"])
    marks = _strings(data["confidence_mark"])
    readings = _strings(data["reading"])
    summaries = _strings(data["summary"])
    quotes = data["n_quotes"].astype(int).tolist()
    half = cell_width / 2
    angle = "rotate(270) translate(0,4)" if upright else "rotate(315) translate(0,-3)"
    column_labels = "".join(
        f'<text class="label" data-limit="{COLUMN_LABEL_LIMIT}" '
        f'transform="translate({i * cell_width + half:g},{COLUMN_LABEL_Y}) {angle}">'
        f"{_x(titles[issue])}</text>"
        for i, issue in enumerate(columns)
    )
    titles_svg, labels_svg, rects, outlines, glyphs, dots = [], [], [], [], [], []
    cells: list[list[object]] = []
    actor_ids: list[str] = []
    actor_labels: list[str] = []
    top, row = 0, 0
    for kind, in_kind in by_kind.items():
        actors = list(dict.fromkeys(actor_of[j] for j in in_kind))
        row_of = {actor: row + i for i, actor in enumerate(actors)}
        titles_svg.append(f'<text class="facet-title" y="{top + FACET_TITLE_Y}">{_x(kind)}</text>')
        names: dict[str, str] = {}
        for j in in_kind:
            names[actor_of[j]] = label_of[j]
        actor_ids += actors
        actor_labels += [names[actor] for actor in actors]
        for i, actor in enumerate(actors):
            labels_svg.append(
                f'<text class="label" data-limit="{label_limit}" text-anchor="end" x="{-LABEL_GAP}" '
                f'y="{top + i * ROW_HEIGHT + GLYPH_Y}">{_x(names[actor])}</text>'
            )
        for j in in_kind:
            r, c = row_of[actor_of[j]], column_of[issue_of[j]]
            x, y = c * cell_width, top + (r - row) * ROW_HEIGHT
            i = len(cells)
            rects.append(
                f'<rect class="cell" role="button" tabindex="-1" data-i="{i}" x="{x}" y="{y}" '
                f'width="{cell_width}" height="{ROW_HEIGHT}" rx="2" '
                f'fill="{STANCE_COLOURS.get(stances[j], "#ffffff")}" aria-label="{_x(descriptions[j])}"/>'
            )
            if dashed[j]:
                outlines.append(
                    f'<rect x="{x}" y="{y}" width="{cell_width}" height="{ROW_HEIGHT}" rx="2" '
                    'stroke-dasharray="3,2"/>'
                )
            ink = ' class="on-dark"' if dark[j] else ""
            glyphs.append(f'<text{ink} x="{x + half:g}" y="{y + GLYPH_Y}">{_x(glyph_of[j])}</text>')
            if marks[j]:
                dots.append(f'<text{ink} x="{x + half:g}" y="{y + DOTS_Y}">{_x(marks[j])}</text>')
            cells.append([r, c, readings[j], summaries[j], quotes[j]])
        row += len(actors)
        top += len(actors) * ROW_HEIGHT + FACET_GAP
    body = (
        '<g class="matrix-body">'
        f'<g class="column-labels{" upright" if upright else ""}" aria-hidden="true">{column_labels}</g>'
        f'<g class="facet-titles" aria-hidden="true">{"".join(titles_svg)}</g>'
        f'<g class="row-labels" aria-hidden="true">{"".join(labels_svg)}</g>'
        f'<g class="cell_marks">{"".join(rects)}</g>'
        f'<g class="dashed_outline_marks" aria-hidden="true">{"".join(outlines)}</g>'
        '<g class="open_cell_ring_marks" aria-hidden="true"></g>'
        f'<g class="cell_glyph_marks" aria-hidden="true">{"".join(glyphs)}</g>'
        f'<g class="confidence_dots_marks" aria-hidden="true">{"".join(dots)}</g>'
        '<g class="focus_ring_marks" aria-hidden="true"></g></g>'
    )
    table = {
        "actors": actor_ids,
        "labels": actor_labels,
        "issues": columns,
        "titles": [titles[issue] for issue in columns],
        "cells": cells,
    }
    return Drawing(body, json.dumps(table, ensure_ascii=False), row, len(columns))
