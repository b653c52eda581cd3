"""The topic matrix keys its marks by cell (issue 24's detached DOM); the stance matrix is drawn from
the server's SVG (tests/test_matrix_svg.py), whose cells are replaced, not joined.

Unkeyed, Vega joins a mark's items to the rows by the rows' ids, new on every data swap (a filter
change), and its join keeps each item that left, with its detached SVG element, until 10,000 have
piled up: a heap snapshot after 8 actor changes found 1,141 such SVG nodes, retained by the marks'
DataJoin maps. Keyed by a cell's actor and issue (or topic), an item is reused when its cell returns;
sorted by the rows' order, it is drawn (and read out) where a chart drawn afresh has it.
"""

import pandas as pd
import vl_convert

from dashboard import charts


def vega_marks(spec, datasets):
    spec = {**spec, "datasets": datasets}
    found = []

    def walk(group):
        for mark in group.get("marks", []):
            found.append(mark)
            walk(mark)

    walk(vl_convert.vegalite_to_vega(spec))
    return [m for m in found if m["type"] != "group"]


def test_every_mark_of_the_topic_matrix_is_keyed_by_its_cell():
    marks = vega_marks(charts.topic_matrix_spec(), {})
    assert marks and all(m.get("key") == "cell_key" for m in marks)
    assert all(m.get("sort", {}).get("field") == ['datum["cell_order"]'] for m in marks)
    data = charts.topic_data(
        pd.DataFrame(
            {
                "actor": ["a", "b"],
                "topic": ["t", "t"],
                "actor_name": ["A", "B"],
                "summary": ["1 for", "1 against"],
                "actor_kind": ["state", "state"],
            }
        )
    )
    assert data["cell_key"].tolist() == ["a~t", "b~t"] and data["cell_order"].tolist() == [0, 1]
