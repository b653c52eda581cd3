"""The page in Streamlit's AppTest: links drive the widgets, bad links and bad data never crash it."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import catalog

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
SHIPPED = list(catalog.briefings(catalog.PROJECT_DATA))


def run(params: dict[str, list[str] | str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def metric(at: AppTest, label: str) -> int:
    return int(next(m.value for m in at.metric if m.label == label).replace(",", ""))


def warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


@pytest.mark.parametrize("briefing", SHIPPED)
def test_each_shipped_briefing_renders(briefing):
    at = run({"briefing": briefing})
    assert at.title[0].value
    assert metric(at, "Actors") > 0
    assert at.query_params["briefing"] == [briefing] or at.query_params["briefing"] == briefing


def test_link_with_actor_issue_and_stance_drives_widgets_and_view():
    at = run({"actor": ["china", "united-states"], "issue": ["nk-troops-in-russia"],
              "stance": ["silent", "oppose"]})
    assert at.multiselect(key="f_actor").value == ["china", "united-states"]
    assert at.multiselect(key="f_issue").value == ["nk-troops-in-russia"]
    assert at.multiselect(key="f_stance").value == ["silent", "oppose"]
    assert metric(at, "Actors") == 2
    assert metric(at, "Positions") == 2  # China silent, United States opposes
    assert warnings(at) == []


def test_changing_a_filter_rewrites_the_link_with_ids():
    at = run()
    at.multiselect(key="f_actor").set_value(["blinken"]).run()
    assert not at.exception
    assert at.query_params["actor"] in (["blinken"], "blinken")
    assert metric(at, "Actors") == 1


def test_unknown_ids_are_dropped_with_a_notice():
    at = run({"actor": ["china", "nosuch"], "issue": ["made-up"], "briefing": "nk-troops-russia"})
    assert at.multiselect(key="f_actor").value == ["china"]
    joined = " ".join(warnings(at))
    assert "no actor 'nosuch'" in joined and "no issue 'made-up'" in joined


@pytest.mark.parametrize("bad", ["../../etc", "/etc/passwd", "nk-troops-russia/../..", "x\x00y"])
def test_briefing_outside_the_data_folder_is_refused(bad):
    at = run({"briefing": bad})
    assert any("There is no briefing" in w or "not valid" in w for w in warnings(at))
    assert at.title[0].value.startswith("North Korean troops")


def test_cell_selection_narrows_the_quotes():
    at = run()
    assert "Quotes" in [s.value for s in at.subheader]
    at.session_state["matrix"] = {
        "selection": {"cell": [{"actor": "china", "issue": "ukraine-political-settlement"}]}
    }
    at.run()
    assert not at.exception
    headings = [s.value for s in at.subheader]
    assert any(h.startswith("Behind the cell: China on") for h in headings), headings
    html = " ".join(str(h.proto.body) for h in at.get("html"))
    assert "consistent and clear" in html  # Liu Pengyu speaks for China
    assert "radio silence" not in html  # Wilder's words are not China's


def test_views_cards_and_compare_render():
    at = run({"view": "cards", "actor": ["china", "blinken"]})
    html = " ".join(str(h.proto.body) for h in at.get("html"))
    assert html.count('class="actor-card"') == 2
    at = run({"view": "compare", "compare": ["china", "united-states"]})
    html = " ".join(str(h.proto.body) for h in at.get("html"))
    assert "cmp-issue" in html


def test_reset_clears_every_filter():
    at = run({"actor": ["china"], "q": "influence", "stance": ["silent"]})
    at.button(key="reset").click().run()
    assert at.multiselect(key="f_actor").value == []
    assert at.text_input(key="f_q").value == ""
    assert "actor" not in at.query_params


def test_filter_to_zero_rows_shows_guidance(tmp_path):
    at = run({"q": "words nobody said"})
    assert any("No quotes match" in i.value for i in at.info)


def test_briefing_with_errors_shows_problems_and_valid_records(tmp_path, monkeypatch):
    folder = tmp_path / "broken"
    folder.mkdir()
    seed = catalog.PROJECT_DATA / "nk-troops-russia"
    for file in seed.iterdir():
        (folder / file.name).write_bytes(file.read_bytes())
    quotes = (folder / "quotes.yaml").read_text(encoding="utf-8")
    (folder / "quotes.yaml").write_text(quotes.replace("speaker: blinken", "speaker: blinkin", 1),
                                        encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_DATA", str(tmp_path))
    at = run()
    assert any("error" in e.value for e in at.error)
    codes = " ".join(c.value for c in at.code)
    assert "speaker 'blinkin' is not an actor id (did you mean 'blinken'?)" in codes
    assert metric(at, "Quotes") == 29  # the one broken quote is set aside, the rest stay


def test_a_filter_that_empties_the_matrix_shows_guidance_not_a_crash():
    # Found by the load test: an empty matrix once crashed the chart data.
    at = run({"actor": ["russia", "north-korea", "south-korea"], "stance": ["oppose"]})
    assert any("No positions match" in i.value for i in at.info)
