"""The page's stance matrix as SVG (dashboard/matrix_svg.py): a cell per row of the chart's data, each
named for a screen reader, filled and marked as the Vega chart filled and marked it, in the rows'
order and grouped by actor kind; the labels escaped."""

import json
import xml.etree.ElementTree as ET
from datetime import date

import pandas as pd

from dashboard import charts, filters, matrix, matrix_svg
from dashboard.selection import Selection
from dashboard.vocabulary import HIDDEN, STANCE_COLOURS

SVG = "{http://www.w3.org/2000/svg}"


def rows_for(loaded, **chosen):
    selection = Selection(**chosen)
    shown = matrix.grid_of(
        loaded, filters.apply(loaded, selection.filters), selection.filters, selection.matrix
    )
    return charts.matrix_data(shown.cells)


def parsed(drawing):
    return ET.fromstring(f'<svg xmlns="http://www.w3.org/2000/svg">{drawing.body}</svg>')


def layer(root, name):
    return root.find(f".//{SVG}g[@class='{name}']")


def test_a_cell_per_row_each_named_by_its_reading_in_the_rows_order(seed):
    rows = rows_for(seed)
    drawing = matrix_svg.drawing(rows)
    cells = layer(parsed(drawing), "cell_marks").findall(f"{SVG}rect")
    assert [c.get("aria-label") for c in cells] == rows.sort_values("cell_order")["description"].tolist()
    assert all(c.get("role") == "button" for c in cells)
    # One Tab stop for the whole matrix (the script gives it to the open or the first cell).
    assert {c.get("tabindex") for c in cells} == {"-1"}
    table = json.loads(drawing.cells)
    keys = [f"{table['actors'][r]}~{table['issues'][c]}" for r, c, *_ in table["cells"]]
    assert keys == rows.sort_values("cell_order")["cell_key"].tolist()
    assert [int(c.get("data-i")) for c in cells] == list(range(len(rows)))


def test_fill_glyph_and_dots_follow_the_stance_and_the_confidence(seed):
    rows = rows_for(seed).sort_values("cell_order")
    root = parsed(matrix_svg.drawing(rows))
    cells = layer(root, "cell_marks").findall(f"{SVG}rect")
    assert [c.get("fill") for c in cells] == [STANCE_COLOURS[s] for s in rows["stance"].astype(str)]
    glyphs = layer(root, "cell_glyph_marks").findall(f"{SVG}text")
    assert [g.text for g in glyphs] == rows["glyph"].astype(str).tolist()
    # White glyphs on the dark fills (silence among them), dark ones elsewhere.
    assert [g.get("class") == "on-dark" for g in glyphs] == rows["dark"].tolist()
    dots = layer(root, "confidence_dots_marks").findall(f"{SVG}text")
    marked = rows[rows["confidence_mark"] != ""]
    assert 0 < len(dots) == len(marked) < len(rows)
    assert [d.text for d in dots] == marked["confidence_mark"].tolist()


def test_silence_no_record_and_hidden_are_drawn_apart(seed):
    seen: dict[str, set[str]] = {}
    # The seed's one recorded silence (China on the troops) stands only until 2024-10-31: its words
    # of 2024-11-01 follow it, so the silent cell is drawn as the article saw it.
    for chosen in ({}, {"stances": ("support",)}, {"date_to": date(2024, 10, 31)}):
        rows = rows_for(seed, **chosen).sort_values("cell_order")
        stances = rows["stance"].astype(str)
        root = parsed(matrix_svg.drawing(rows))
        cells = layer(root, "cell_marks").findall(f"{SVG}rect")
        for stance, cell in zip(stances, cells, strict=True):
            seen.setdefault(stance, set()).add(cell.get("fill"))
        # The dashed outline sits on exactly the second-hand and no-record cells, at their places.
        outlines = layer(root, "dashed_outline_marks").findall(f"{SVG}rect")
        dashed = zip(cells, rows["dashed"], strict=True)
        expected = [(c.get("x"), c.get("y")) for c, is_dashed in dashed if is_dashed]
        assert [(o.get("x"), o.get("y")) for o in outlines] == expected and expected
        assert {o.get("stroke-dasharray") for o in outlines} == {"3,2"}
    assert {"silent", "unknown", HIDDEN} <= set(seen)
    fills = [seen[s] for s in ("silent", "unknown", HIDDEN)]
    assert all(len(f) == 1 for f in fills) and len(set().union(*fills)) == 3


def test_inferred_readings_are_named_and_dashed(seed):
    rows = rows_for(seed, actors=("china",), date_to=date(2024, 10, 31)).sort_values("cell_order")
    root = parsed(matrix_svg.drawing(rows))
    cells = layer(root, "cell_marks").findall(f"{SVG}rect")
    label = "China on Russia–North Korea military alliance: Opposes (−?) — inferred by Shi Yinhong"
    named = [c for c in cells if c.get("aria-label", "").startswith(label)]
    assert len(named) == 1
    outlines = {(o.get("x"), o.get("y")) for o in layer(root, "dashed_outline_marks")}
    assert (named[0].get("x"), named[0].get("y")) in outlines


def test_the_ring_is_the_browsers_so_a_click_leaves_the_markup_unchanged(seed):
    rows = rows_for(seed)
    drawing = matrix_svg.drawing(rows)
    assert layer(parsed(drawing), "open_cell_ring_marks") is not None
    assert len(layer(parsed(drawing), "open_cell_ring_marks")) == 0
    assert matrix_svg.drawing(rows) == drawing  # the same rows, the same bytes: nothing to redraw


def test_rows_grouped_by_kind_in_order_of_first_appearance(seed):
    rows = rows_for(seed).sort_values("cell_order")
    root = parsed(matrix_svg.drawing(rows))
    titles = [t.text for t in layer(root, "facet-titles")]
    assert titles == list(dict.fromkeys(rows["actor_kind"].astype(str))) and len(titles) > 1
    names = [t.text for t in layer(root, "row-labels")]
    assert names == list(dict.fromkeys(rows["actor_label"].astype(str)))
    columns = [t.text for t in layer(root, "column-labels")]
    assert columns == list(dict.fromkeys(rows["issue_title"].astype(str)))
    # A row's cells share its y; each kind starts below the last row of the one before.
    cells = layer(root, "cell_marks").findall(f"{SVG}rect")
    ys = pd.Series([float(c.get("y")) for c in cells])
    per_actor = ys.groupby(rows["actor"].astype(str).to_numpy()).nunique()
    assert (per_actor == 1).all()
    first_of_kind = rows.groupby("actor_kind", observed=True, sort=False)["cell_order"].min()
    tops = [float(cells[i].get("y")) for i in first_of_kind]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)


def test_a_phone_gets_upright_column_names_and_narrow_cells(seed):
    rows = rows_for(seed)
    root = parsed(matrix_svg.drawing(rows, cell_width=30, upright=True))
    labels = root.find(f".//{SVG}g[@class='column-labels upright']")
    assert labels is not None and len(labels) > 0
    assert all("rotate(270)" in t.get("transform") for t in labels)
    assert {c.get("width") for c in layer(root, "cell_marks")} == {"30"}


def test_labels_and_names_are_escaped(seed):
    rows = rows_for(seed, actors=("china",)).copy()
    hostile = '<script>alert(1)</script> & "quoted"'
    for column in ("actor_label", "issue_title", "description"):
        rows[column] = rows[column].astype(str) + hostile
    drawing = matrix_svg.drawing(rows)
    assert "<script>" not in drawing.body
    root = parsed(drawing)  # well-formed, and the words come back as they were
    assert all(t.text.endswith(hostile) for t in layer(root, "row-labels"))
    assert all(c.get("aria-label").endswith(hostile) for c in layer(root, "cell_marks"))


def test_each_cell_carries_its_tooltip_and_place(unvotes):
    rows = rows_for(unvotes, briefing="unvotes")
    drawing = matrix_svg.drawing(rows)
    table = json.loads(drawing.cells)
    cells = table["cells"]
    assert len(cells) == len(rows) == drawing.rows * drawing.columns
    assert drawing.columns == len(table["issues"]) == len(table["titles"]) == matrix.MAX_ISSUES
    assert drawing.rows == len(table["actors"]) == len(table["labels"])
    ordered = rows.sort_values("cell_order")
    assert [[table["labels"][r], table["titles"][c], *rest] for r, c, *rest in cells[:3]] == [
        [r.actor_label, r.issue_title, r.reading, r.summary, int(r.n_quotes)]
        for r in ordered.head(3).itertuples()
    ]
    # Every place is taken once.
    assert len({(c[0], c[1]) for c in cells}) == len(cells)


def test_nothing_to_draw():
    drawing = matrix_svg.drawing(charts.matrix_data(pd.DataFrame(columns=list(charts.CELL_COLUMNS))))
    assert drawing.body == "" and json.loads(drawing.cells)["cells"] == []
