"""Plain lists read from Arrow (issue 24, p10): the SVG matrix and a page of quote cards are the same
as when every column went through pandas' `astype(str).tolist()` / `tolist()`, with rows out of
drawing order and with missing values among them."""

from __future__ import annotations

import itertools
import json
import math
from html import escape

import numpy as np
import pandas as pd
import pytest

from dashboard import charts, filters, matrix, matrix_svg
from dashboard.markup import _records, quote_cards
from dashboard.selection import Filters, MatrixState
from dashboard.vocabulary import STANCE_COLOURS


def drawing_as_before(rows: pd.DataFrame, cell_width: int = 44, label_limit: int = 170) -> matrix_svg.Drawing:
    """`matrix_svg.drawing` as it was at a1ef043: the rows sorted, every text column cast."""
    ms = matrix_svg
    if rows.empty:
        return ms.Drawing("", json.dumps(ms.EMPTY), 0, 0)
    data = rows.sort_values("cell_order", kind="stable")
    kind_of = data["actor_kind"].astype(str).tolist()
    actor_of = data["actor"].astype(str).tolist()
    issue_of = data["issue"].astype(str).tolist()
    label_of = data["actor_label"].astype(str).tolist()
    by_kind: dict[str, list[int]] = {}
    for index, kind in enumerate(kind_of):
        by_kind.setdefault(kind, []).append(index)
    columns = list(dict.fromkeys(issue_of))
    column_of = {issue: i for i, issue in enumerate(columns)}
    titles = dict(zip(issue_of, data["issue_title"].astype(str).tolist(), strict=True))
    stances = data["stance"].astype(str).tolist()
    descriptions = data["description"].astype(str).tolist()
    dashed, dark = data["dashed"].tolist(), data["dark"].tolist()
    glyph_of = data["glyph"].astype(str).tolist()
    marks = data["confidence_mark"].astype(str).tolist()
    readings = data["reading"].astype(str).tolist()
    summaries = data["summary"].astype(str).tolist()
    quotes = data["n_quotes"].astype(int).tolist()
    x_ = lambda text: escape(str(text), quote=True)  # noqa: E731
    half = cell_width / 2
    column_labels = "".join(
        f'<text class="label" data-limit="{ms.COLUMN_LABEL_LIMIT}" '
        f'transform="translate({i * cell_width + half:g},{ms.COLUMN_LABEL_Y}) rotate(315) translate(0,-3)">'
        f"{x_(titles[issue])}</text>"
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
        titles_svg.append(f'<text class="facet-title" y="{top + ms.FACET_TITLE_Y}">{x_(kind)}</text>')
        names = {actor_of[j]: label_of[j] for j in in_kind}
        actor_ids += actors
        actor_labels += [names[actor] for actor in actors]
        for i, actor in enumerate(actors):
            labels_svg.append(
                f'<text class="label" data-limit="{label_limit}" text-anchor="end" x="{-ms.LABEL_GAP}" '
                f'y="{top + i * ms.ROW_HEIGHT + ms.GLYPH_Y}">{x_(names[actor])}</text>'
            )
        for j in in_kind:
            r, c = row_of[actor_of[j]], column_of[issue_of[j]]
            x, y = c * cell_width, top + (r - row) * ms.ROW_HEIGHT
            i = len(cells)
            rects.append(
                f'<rect class="cell" role="button" tabindex="-1" data-i="{i}" x="{x}" y="{y}" '
                f'width="{cell_width}" height="{ms.ROW_HEIGHT}" rx="2" '
                f'fill="{STANCE_COLOURS.get(stances[j], "#ffffff")}" aria-label="{x_(descriptions[j])}"/>'
            )
            if dashed[j]:
                outlines.append(
                    f'<rect x="{x}" y="{y}" width="{cell_width}" height="{ms.ROW_HEIGHT}" rx="2" '
                    'stroke-dasharray="3,2"/>'
                )
            ink = ' class="on-dark"' if dark[j] else ""
            glyphs.append(f'<text{ink} x="{x + half:g}" y="{y + ms.GLYPH_Y}">{x_(glyph_of[j])}</text>')
            if marks[j]:
                dots.append(f'<text{ink} x="{x + half:g}" y="{y + ms.DOTS_Y}">{x_(marks[j])}</text>')
            cells.append([r, c, readings[j], summaries[j], quotes[j]])
        row += len(actors)
        top += len(actors) * ms.ROW_HEIGHT + ms.FACET_GAP
    body = (
        '<g class="matrix-body">'
        f'<g class="column-labels" aria-hidden="true">{column_labels}</g>'
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
    return ms.Drawing(body, json.dumps(table, ensure_ascii=False), row, len(columns))


def _seed_rows(seed) -> list[pd.DataFrame]:
    ids = list(seed.actors["id"])
    chosen = [Filters()] + [Filters(actors=pair) for pair in itertools.combinations(ids, 2)][:30]
    chosen += [Filters(actors=(a,), stances=("oppose", "unknown")) for a in ids[:6]]
    return [
        charts.matrix_data(matrix.grid_of(seed, filters.apply(seed, c), c, MatrixState()).cells, None, False)
        for c in chosen
    ]


def _same(made: matrix_svg.Drawing, want: matrix_svg.Drawing) -> bool:
    fields = ("body", "cells", "rows", "columns")
    return [getattr(made, f) for f in fields] == [getattr(want, f) for f in fields]


def test_the_drawing_is_the_one_every_column_cast_made(seed):
    for rows in _seed_rows(seed):
        assert _same(matrix_svg.drawing(rows), drawing_as_before(rows))


def test_rows_out_of_order_are_drawn_in_their_order(seed):
    rows = max(_seed_rows(seed), key=len)
    shuffled = rows.sample(frac=1.0, random_state=7)
    assert not shuffled["cell_order"].is_monotonic_increasing
    made = matrix_svg.drawing(shuffled)
    assert _same(made, drawing_as_before(shuffled))
    assert _same(made, matrix_svg.drawing(rows))  # the order read from cell_order, not the rows'


def test_missing_values_and_other_types_are_cast_as_before(seed):
    rows = max(_seed_rows(seed), key=len).copy()
    rows["summary"] = rows["summary"].astype(object)
    rows.loc[rows.index[0], "summary"] = None  # an object column: str(None)
    rows.loc[rows.index[1], "reading"] = np.nan  # a missing value in a text column
    rows["confidence_mark"] = rows["confidence_mark"].astype("category")
    rows["actor_label"] = rows["actor_label"].astype(pd.StringDtype(na_value=pd.NA))
    assert _same(matrix_svg.drawing(rows), drawing_as_before(rows))


def _same_value(left: object, right: object) -> bool:
    if type(left) is not type(right):
        return False
    if isinstance(left, float) and math.isnan(left):
        return math.isnan(right)  # type: ignore[arg-type]
    return bool(left is right or left == right)


@pytest.mark.parametrize("missing_kind", [False, True])
def test_records_with_empty_columns_and_a_missing_kind(seed, missing_kind):
    quotes = seed.quotes.copy()
    quotes["translated_by"] = pd.array([None] * len(quotes), dtype=pd.StringDtype(na_value=pd.NA))
    quotes["context"] = quotes["context"].astype(pd.StringDtype(storage="python", na_value=pd.NA))
    quotes["language"] = quotes["language"].astype(pd.StringDtype(na_value=np.nan))
    if missing_kind:
        quotes.loc[quotes.index[2], "kind"] = np.nan
    for start in range(0, len(quotes), 9):
        part = quotes.iloc[start : start + 9]
        for made, want in zip(_records(part), part.to_dict("records"), strict=True):
            assert list(made) == list(want)
            assert all(_same_value(made[k], want[k]) for k in want), (start, made, want)
    assert _records(quotes.iloc[:0]) == []


def test_cards_with_empty_translation_columns_are_as_with_to_dict(seed, monkeypatch):
    quotes = seed.quotes.sort_values("when", ascending=False, kind="stable").iloc[:20]
    made = quote_cards(seed, quotes, about="china")
    monkeypatch.setattr("dashboard.markup._records", lambda frame: frame.to_dict("records"))
    assert quote_cards(seed, quotes, about="china") == made
