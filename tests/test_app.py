"""The page in Streamlit's AppTest: links drive the widgets, state survives view switches, the open cell
is in the link, and bad links and bad data never crash it."""

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import catalog
from tests.support.briefings import BUNDESTAG

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
EVERY_BRIEFING = [*catalog.briefings(catalog.PROJECT_DATA), BUNDESTAG]


def run(params: dict[str, list[str] | str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def rerun(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def html(at: AppTest) -> str:
    return " ".join(str(h.proto.body) for h in at.get("html"))


def query(at: AppTest, name: str) -> list[str]:
    value = at.query_params.get(name, [])
    return [value] if isinstance(value, str) else list(value)


def warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


def subheaders(at: AppTest) -> list[str]:
    return [s.value for s in at.subheader]


@pytest.mark.parametrize(
    "briefing", [pytest.param(b, marks=pytest.mark.slow) if b == "unvotes" else b for b in EVERY_BRIEFING]
)
def test_each_briefing_renders_without_data_problems(briefing, all_briefings, monkeypatch):
    if not (all_briefings / briefing).is_dir():
        pytest.skip(f"{briefing} is built from ../shared, which is not here")
    monkeypatch.setenv("DASHBOARD_DATA", str(all_briefings))
    at = run({"briefing": briefing})
    assert 'class="page-title"' in html(at)
    assert query(at, "briefing") == [briefing]
    labels = [str(block.proto.popover.label) for block in at.get("popover")]
    assert labels == ["About this briefing"], labels  # and no "Data problems"


def test_link_with_actor_issue_and_stance_drives_widgets_and_view():
    at = run(
        {
            "actor": ["china", "united-states"],
            "issue": ["nk-troops-in-russia"],
            "stance": ["silent", "oppose"],
        }
    )
    assert at.multiselect(key="f_actor").value == ["china", "united-states"]
    assert at.multiselect(key="f_issue").value == ["nk-troops-in-russia"]
    assert at.multiselect(key="f_stance").value == ["silent", "oppose"]
    # The US opposes; China's silence of 10-31 was followed by its words of 11-01 (neutral), so
    # a filter on stances does not show the older reading as China's position.
    assert "2 actors · 1 issue · 1 position" in html(at)
    assert warnings(at) == []


def test_header_says_what_the_quote_count_counts_for_china():
    at = run({"actor": "china"})
    counts = html(at)
    # AFP's own summary of the briefing is China's as a paraphrase, not China's own words.
    assert (
        "19 quotes (1 in their own words, 6 by those who speak for them, 1 paraphrased (not their "
        "words), 6 readings by assessors, 5 cited by others)"
    ) in counts
    as_the_article_saw_it = html(run({"actor": "china", "to": "2024-10-31"}))
    assert (
        "13 quotes (2 by those who speak for them, 6 readings by assessors, 5 cited by others)"
        in as_the_article_saw_it
    )  # China's own words came the next day


def test_header_counts_say_what_they_are_counts_of():
    assert "23 actors · 7 issues · 33 positions · 36 quotes · 3 sources: the whole briefing" in html(run())
    assert (
        "3 sources in view, of 23 actors · 7 issues · 33 positions · 36 quotes · 3 sources in the briefing"
    ) in html(run({"actor": "china"}))


def test_changing_a_filter_rewrites_the_link_with_ids():
    at = run()
    at.multiselect(key="f_actor").set_value(["blinken"])
    rerun(at)
    assert query(at, "actor") == ["blinken"]


def test_unknown_ids_are_dropped_with_a_notice():
    at = run({"actor": ["china", "nosuch"], "issue": ["made-up"], "briefing": "nk-troops-russia"})
    assert at.multiselect(key="f_actor").value == ["china"]
    joined = " ".join(warnings(at))
    assert "no actor 'nosuch'" in joined and "no issue 'made-up'" in joined


@pytest.mark.parametrize("bad", ["../../etc", "/etc/passwd", "nk-troops-russia/../..", "x\x00y"])
def test_briefing_outside_the_data_folder_is_refused(bad):
    at = run({"briefing": bad})
    assert any("There is no briefing" in w or "not valid" in w for w in warnings(at))
    assert "North Korean troops" in html(at)


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"page": "²"}, "not a page or column number"),
        ({"cell": "china~nosuch"}, "no cell"),
        ({"view": ["cards", "compare"]}, "takes one value"),
        ({"from": "2024-11-02", "to": "2024-10-01"}, "were swapped"),
        ({"view": "compare", "compare": "china"}, "only 'china'"),
        ({"compare": [f"x{i}" for i in range(10)]}, "no actor to compare"),
    ],
)
def test_a_link_parameter_that_cannot_apply_gives_a_notice_not_an_exception(params, notice):
    at = run(params)
    assert any(notice in w for w in warnings(at)), warnings(at)


def test_the_open_cell_is_in_the_link_and_opens_from_it():
    at = run({"cell": "china~russia-nk-military-alliance", "to": "2024-10-31"})
    assert "Behind the cell: China on Russia–North Korea military alliance" in subheaders(at)
    page = html(at)
    assert "inferred by Shi Yinhong" in page  # the reading, as text, not a tooltip
    assert "Shi Yinhong&#x27;s reading" in page  # Shi's words, labelled with their capacity
    assert query(at, "cell") == ["china~russia-nk-military-alliance"]


def test_the_cell_picker_opens_a_cell_without_the_mouse():
    at = run()
    at.selectbox(key="pick_actor").set_value("china")
    rerun(at)
    at.selectbox(key="pick_issue").set_value("nk-troops-in-russia")
    rerun(at)
    assert "Behind the cell: China on North Korean troops in Russia" in subheaders(at)
    assert query(at, "cell") == ["china~nk-troops-in-russia"]
    at.button(key="close_cell").click()
    rerun(at)
    assert "cell" not in at.query_params
    assert "Quotes" in subheaders(at)
    assert at.selectbox(key="pick_actor").value is None  # the picker closed with the cell


def test_a_cell_the_filters_leave_out_is_closed_not_left_stale():
    at = run({"cell": "china~nk-troops-in-russia"})
    at.multiselect(key="f_issue").set_value(["no-escalation"])
    rerun(at)
    assert not any(s.startswith("Behind the cell") for s in subheaders(at))
    assert any("no longer in view" in c.value for c in at.caption)
    assert "cell" not in at.query_params


def test_compare_choice_survives_a_switch_to_the_matrix_and_back():
    at = run({"view": "compare", "compare": ["china", "united-states"]})
    assert at.multiselect(key="f_compare").value == ["china", "united-states"]
    at.session_state["f_view"] = "matrix"
    rerun(at)
    assert query(at, "compare") == ["china", "united-states"]  # still in the link
    at.session_state["f_view"] = "compare"
    rerun(at)
    assert at.multiselect(key="f_compare").value == ["china", "united-states"]
    assert "Agree on 1 of the 3 issues where both have a position" in html(at)


def test_align_and_group_survive_a_switch_to_cards_and_back():
    at = run({"align": "united-states", "group": "topics"})
    at.session_state["f_view"] = "cards"
    rerun(at)
    assert query(at, "align") == ["united-states"] and query(at, "group") == ["topics"]
    at.session_state["f_view"] = "matrix"
    rerun(at)
    assert at.selectbox(key="f_align").value == "united-states"


def test_cards_spell_out_basis_and_assessor():
    at = run({"view": "cards", "actor": ["china", "blinken"]})
    page = html(at)
    assert page.count('class="actor-card"') == 2
    assert "inferred by Lu Chao" in page and "reported by a third party" in page
    assert "said it (quoted) · medium confidence · as of 2024-11-01" in page


def test_compare_shows_chinas_evidence_though_china_never_spoke_itself():
    at = run({"view": "compare", "compare": ["china", "united-states"]})
    page = html(at)
    assert "cmp-issue" in page
    assert "consistent and clear" in page  # Liu Pengyu, for China
    assert "inferred by Lu Chao" in page


def test_reset_clears_every_filter():
    at = run({"actor": ["china"], "q": "influence", "stance": ["silent"]})
    at.button(key="reset").click()
    rerun(at)
    assert at.multiselect(key="f_actor").value == []
    assert at.text_input(key="f_q").value == ""
    assert "actor" not in at.query_params


def test_a_date_filter_that_hides_everything_says_so():
    at = run({"from": "2030-01-01"})
    assert any("hidden by it" in i.value for i in at.info), [i.value for i in at.info]


def test_filter_to_zero_quotes_shows_guidance():
    at = run({"q": "words nobody said"})
    assert any("No quotes match" in i.value for i in at.info)


def test_briefing_with_errors_shows_problems_and_valid_records(tmp_path, monkeypatch):
    folder = tmp_path / "broken"
    folder.mkdir()
    seed = catalog.PROJECT_DATA / "nk-troops-russia"
    for file in seed.iterdir():
        (folder / file.name).write_bytes(file.read_bytes())
    quotes = (folder / "quotes.yaml").read_text(encoding="utf-8")
    (folder / "quotes.yaml").write_text(
        quotes.replace("speaker: blinken", "speaker: blinkin", 1), encoding="utf-8"
    )
    monkeypatch.setenv("DASHBOARD_DATA", str(tmp_path))
    at = run()
    assert any("error" in e.value for e in at.error)
    codes = " ".join(c.value for c in at.code)
    assert "speaker 'blinkin' is not an actor id (did you mean 'blinken'?)" in codes
    assert "35 quotes" in html(at)  # the one broken quote is set aside, the rest stay


def test_a_filter_that_empties_the_matrix_shows_guidance_not_a_crash():
    # Found by the load test: an empty matrix once crashed the chart data.
    at = run({"actor": ["russia", "north-korea", "south-korea"], "stance": ["oppose"]})
    assert any("Nothing passes the" in i.value for i in at.info), [i.value for i in at.info]


VIEW_LINKS = {
    "nk-troops-russia": {
        "alignment": {"align": "united-states"},
        "changes": {"since": "2024-10-31", "actor": "china"},
        "brief": {"actor": "united-states", "vs": "china", "since": "2024-10-31"},
    },
    "unvotes": {
        "alignment": {"align": "us", "pair": "us~cn", "by": "year"},
        "changes": {"since": "2019-01-01", "actor": "us"},
        # The widest brief there is: every roll call's change since the first session.
        "brief": {"actor": "us", "vs": "ru", "since": "1946-01-01"},
    },
    BUNDESTAG: {
        "alignment": {"align": "spd", "measure": "kappa"},
        "changes": {"since": "2025-01-01"},
        "brief": {"actor": "spd", "vs": "afd"},
    },
}


@pytest.mark.parametrize("view", ["alignment", "changes", "brief"])
@pytest.mark.parametrize(
    "briefing", [pytest.param(b, marks=pytest.mark.slow) if b == "unvotes" else b for b in EVERY_BRIEFING]
)
def test_alignment_changes_and_brief_views_run_on_every_briefing(briefing, view, all_briefings, monkeypatch):
    if not (all_briefings / briefing).is_dir():
        pytest.skip(f"{briefing} is built from ../shared, which is not here")
    monkeypatch.setenv("DASHBOARD_DATA", str(all_briefings))
    at = run({"briefing": briefing, "view": view, **VIEW_LINKS[briefing][view]})
    assert not at.error, [e.value for e in at.error]
    assert warnings(at) == []
    headings = subheaders(at)
    expected = {"alignment": "Who sides with whom", "changes": "What changed", "brief": "Counterpart brief"}[
        view
    ]
    assert expected in headings


def test_the_brief_groups_the_seed_for_a_meeting_with_china():
    at = run({"view": "brief", "actor": "united-states", "vs": "china", "since": "2024-10-31"})
    page = html(at)
    assert "United States</strong> meeting <strong>China</strong>" in page
    markdown = " ".join(m.value for m in at.markdown)
    # 4: China's first own words on 'no escalation' replaced Lu Chao's reading (not a move).
    assert "Where we differ** · 2" in markdown and "What changed since 2024-10-31** · 4" in markdown
    assert "their own matter" in page  # China's words of the next day, as its evidence


@pytest.mark.slow
def test_a_brief_over_every_roll_call_draws_a_bounded_page_and_says_what_it_left_out():
    """Found by benchmarks/link_flood.py: this link once drew every change since 1946 (thousands
    of elements) and ran for over a minute; each group now draws at most SHOWN_PER_GROUP."""
    from dashboard.brief import GROUPS
    from dashboard.views.brief import SHOWN_PER_GROUP

    at = run({"briefing": "unvotes", "view": "brief", "actor": "us", "vs": "ru", "since": "1946-01-01"})
    captions = " ".join(c.value for c in at.caption)
    assert f"the {SHOWN_PER_GROUP} most recent changes are shown" in captions
    assert "more: narrow by issue, topic or date in the sidebar." in captions
    # Each group at most SHOWN_PER_GROUP issues (a heading and two sides each), and the header.
    assert len(at.get("html")) <= len(GROUPS) * SHOWN_PER_GROUP * 3 + 10


def test_what_changed_since_the_article_shows_beijing_breaking_its_silence():
    at = run({"view": "changes", "since": "2024-10-31"})
    page = html(at)
    # The troops only: on restraining the cooperation, China's answer to the US diplomats was not
    # disclosed (no record, not silence), so AFP's report of 2024-11-01 is its first record there.
    assert page.count("Broke silence") == 1
    assert page.count("New issue for this actor (nothing on record before)") == 1
    # The alliance: Shi Yinhong's reading, then China's first own statement: never "moved".
    assert page.count("Moved (to or from neutral or mixed)") == 0
    assert page.count("First own statement (before, only someone else&#x27;s reading)") == 2


def test_a_region_that_fails_says_so_and_the_page_stays(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug in the cards")

    monkeypatch.setattr("dashboard.views.cards.render_cards", broken)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["view"] = "cards"
    at.run()
    assert not at.exception  # no traceback on the page
    assert any("could not be drawn" in e.value for e in at.error)
    assert "a bug in the cards" not in " ".join(e.value for e in at.error)
    assert at.button(key="reset")  # the sidebar still works


def test_rows_sorted_by_agreement_say_the_measure_and_what_it_leaves_out():
    page = html(run({"align": "united-states"}))
    assert "Rows sorted by coincidence with United States: of the issues both took a side on" in page
    assert "same side (" in page or "too few shared (" in page
    # what the share leaves out, the expert's own reading too (as the partners table says)
    assert "silence, no record, mixed signals and an expert&#x27;s own reading of the other left out" in page


def test_the_partners_table_gives_each_rate_its_count_and_never_prints_none():
    page = html(run({"view": "alignment", "partners": "united-states"}))
    # A text table (not a canvas): a screen reader reads it with its headings.
    table = page[page.index('<div class="text-table"') :]
    rows = [
        re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)
        for row in re.findall(r"<tr>(.*?)</tr>", table[: table.index("</table>")])
    ]
    columns = dict(zip(rows[0], zip(*rows[1:], strict=True), strict=True))
    assert "None" not in columns["rank"]
    assert set(columns["rank"]) == {"not ranked"}  # the seed's rates are all too thin
    assert all("(n = " in rate and "too few" in rate for rate in columns["Coincidence"])
    assert "Antony Blinken" not in set(columns["partner"])  # he speaks for the United States
