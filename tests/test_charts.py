"""Chart specs, read the way Vega-Altair tests itself: through `to_dict()`."""

import re
from datetime import date

import pandas as pd

from dashboard import charts, filters, matrix
from dashboard.selection import Selection
from dashboard.vocabulary import HIDDEN, SELECTED_OUTLINE, STANCE_COLOURS, STANCE_DOMAIN


def layers(spec):
    return spec["spec"]["layer"]


def stance_spec(seed, cell=None, **chosen):
    selection = Selection(**chosen)
    shown = matrix.grid_of(seed, filters.apply(seed, selection.filters), selection.filters, selection.matrix)
    return charts.stance_matrix(shown.cells, selected=cell).to_dict(), shown


def test_colour_domain_is_fixed_and_includes_hidden_and_no_record(seed):
    spec, _ = stance_spec(seed, stances=("support",))
    scale = layers(spec)[0]["encoding"]["color"]["scale"]
    assert scale["domain"] == STANCE_DOMAIN and HIDDEN in scale["domain"]
    assert scale["range"] == [STANCE_COLOURS[s] for s in STANCE_DOMAIN]
    assert STANCE_COLOURS["silent"] != STANCE_COLOURS["unknown"] != STANCE_COLOURS[HIDDEN]


def test_no_opacity_channel_confidence_is_a_mark_of_its_own(seed):
    spec, _ = stance_spec(seed)
    assert "opacity" not in layers(spec)[0]["encoding"]
    dots = layers(spec)[4]
    assert dots["encoding"]["text"]["field"] == "confidence_mark"


def test_click_selects_actor_and_issue_and_the_ring_follows_the_open_cell(seed):
    spec, _ = stance_spec(seed, cell=("china", "nk-troops-in-russia"))
    params = spec["params"]
    assert params[0]["name"] == charts.CELL_SELECTION
    assert params[0]["select"]["fields"] == ["actor", "issue"]
    ring = layers(spec)[2]
    assert ring["mark"]["stroke"] == SELECTED_OUTLINE
    assert ring["transform"] == [{"filter": "datum.selected"}]
    data = pd.DataFrame(next(iter(spec["datasets"].values())))
    chosen = data[data["selected"]]
    assert chosen[["actor", "issue"]].values.tolist() == [["china", "nk-troops-in-russia"]]


def test_dashed_outline_marks_second_hand_and_no_record_cells_only(seed):
    spec, shown = stance_spec(seed, actors=("china",))
    dashed = layers(spec)[1]
    assert dashed["mark"]["strokeDash"] == [3, 2]
    data = pd.DataFrame(next(iter(spec["datasets"].values())))
    expected = shown.cells["second_hand"] | (shown.cells["stance"].astype(str) == "unknown")
    assert data["dashed"].tolist() == expected.tolist()


def test_each_cell_carries_a_description_for_screen_readers(seed):
    spec, _ = stance_spec(seed, actors=("china",), date_to=date(2024, 10, 31))
    assert layers(spec)[0]["encoding"]["description"]["field"] == "description"
    data = pd.DataFrame(next(iter(spec["datasets"].values())))
    wanted = "China on Russia–North Korea military alliance: Opposes (−?) — inferred by Shi Yinhong"
    assert wanted in " ".join(data["description"])


def test_spec_without_data_is_built_once_and_has_no_dataset():
    spec = charts.stance_matrix_spec(36)
    assert "datasets" not in spec and "data" not in spec
    assert spec["spec"]["width"] == {"step": 36}


def test_topic_scale_is_centred_on_neutral_and_thin_shares_are_pale(seed):
    subset = filters.apply(seed, Selection().filters)
    cells, _ = matrix.topic_cells(seed, subset, subset.actors)
    spec = charts.topic_matrix(cells.assign(actor_label=cells["actor_name"])).to_dict()
    colour = layers(spec)[0]["encoding"]["color"]
    scale = colour["condition"]["scale"]
    assert scale["domain"] == [-1, 0, 1]
    assert scale["range"][1] == STANCE_COLOURS["neutral"]
    opacity = layers(spec)[0]["encoding"]["opacity"]
    assert opacity["condition"] == [{"test": "datum.thin", "value": 0.45}] and opacity["value"] == 1


def test_two_issues_with_one_title_stay_two_columns(seed):
    """An axis draws one column per distinct label: two roll calls both titled "Palestine" would
    otherwise be drawn as one, each cell on top of the other."""
    selection = Selection()
    shown = matrix.grid_of(seed, filters.apply(seed, selection.filters), selection.filters, selection.matrix)
    cells = shown.cells.copy()
    cells["issue_title"] = "The same title"
    data = charts.matrix_data(cells)
    issues = cells["issue"].astype(str)
    assert data["issue_title"].nunique() == issues.nunique() > 1
    assert set(data["issue_title"]) == {f"The same title [{i}]" for i in issues}
    # Where titles differ nothing is added.
    assert set(charts.matrix_data(shown.cells)["issue_title"]) == set(shown.cells["issue_title"])


def test_a_page_of_roll_calls_has_a_column_per_roll_call(unvotes):
    selection = Selection(briefing="unvotes")
    shown = matrix.grid_of(
        unvotes, filters.apply(unvotes, selection.filters), selection.filters, selection.matrix
    )
    data = charts.matrix_data(shown.cells)
    assert data["issue_title"].nunique() == data["issue"].nunique() == matrix.MAX_ISSUES


def drawn(chart):
    """The SVG Vega draws for a chart with its data (rendered by vl-convert, the picture's renderer)."""
    import vl_convert

    return vl_convert.vegalite_to_svg(chart.to_dict())


def test_the_picture_rings_the_open_cell_alone(seed):
    shown = matrix.grid_of(
        seed, filters.apply(seed, Selection().filters), Selection().filters, Selection().matrix
    )
    opened = drawn(charts.stance_matrix(shown.cells, selected=("china", "nk-troops-in-russia")))
    closed = drawn(charts.stance_matrix(shown.cells))
    rings = [
        sum(group.count("<path") for group in re.findall(r'open_cell_ring_marks"[^>]*>(.*?)</g>', svg, re.S))
        for svg in (opened, closed)
    ]
    assert rings == [1, 0]


def test_confidence_dots_are_drawn_on_the_cells_that_have_them_and_nowhere_else(seed):
    shown = matrix.grid_of(
        seed, filters.apply(seed, Selection().filters), Selection().filters, Selection().matrix
    )
    cells = charts.matrix_data(shown.cells)
    svg = drawn(charts.stance_matrix(shown.cells))
    dotted = (cells["confidence_mark"] != "").sum()
    assert 0 < dotted < len(cells)
    assert len(re.findall(r"<text[^>]*>[●○]+</text>", svg)) == dotted
    # Every text drawn says something: no empty node per certain cell.
    assert not re.findall(r"<text[^>]*/>|<text[^>]*>\s*</text>", svg) and "<text" in svg
