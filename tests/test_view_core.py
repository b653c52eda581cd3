"""Filtering, the matrix, compare, exports and markup on the seed briefing, without Streamlit."""

from pathlib import Path

import pandas as pd
import pytest

from dashboard import charts, export, filters, markup, matrix
from dashboard.compare import compare
from dashboard.selection import Selection
from dashboard.validate import load_briefing

SEED = Path(__file__).resolve().parents[1] / "data" / "nk-troops-russia"


@pytest.fixture(scope="module")
def seed():
    briefing, _ = load_briefing(SEED)
    return briefing


def view_of(briefing, **chosen):
    return filters.apply(briefing, Selection(briefing="nk-troops-russia", **chosen))


def test_actor_filter_narrows_positions_and_quotes(seed):
    view = view_of(seed, actors=("blinken",))
    assert set(view.actors["id"]) == {"blinken"}
    assert set(view.positions["actor"].astype(str)) == {"blinken"}
    assert len(view.quotes) > 0 and set(view.quotes["speaker"]) == {"blinken"}


def test_spokespeople_toggle_brings_in_those_who_speak_for_china(seed):
    alone = view_of(seed, actors=("china",))
    with_speakers = view_of(seed, actors=("china",), spokespeople=True)
    assert set(alone.actors["id"]) == {"china"}
    assert {"liu-pengyu", "xie-feng"} <= set(with_speakers.actors["id"])
    assert "liu-pengyu" in set(with_speakers.quotes["speaker"])


def test_stance_filter_keeps_only_that_stance_and_no_unknown_cells(seed):
    view = view_of(seed, stances=("silent",))
    assert set(view.positions["stance"].astype(str)) == {"silent"}
    cells = matrix.build(seed, view)
    assert set(cells["stance"].astype(str)) == {"silent"}


def test_text_search_is_case_and_accent_insensitive(seed):
    upper = view_of(seed, query="RADIO SILENCE")
    assert list(upper.quotes["speaker"].unique()) == ["dennis-wilder"]


def test_filter_to_nothing_gives_empty_frames_not_errors(seed):
    view = view_of(seed, query="no quote says this")
    assert view.quotes.empty
    cells = matrix.build(seed, view_of(seed, actors=("china",), stances=("strongly_oppose",)))
    assert cells.empty
    assert export.markdown_note(seed, view, Selection(), cells).count("No positions match") == 1


def test_matrix_has_every_cell_and_tells_silence_from_no_record(seed):
    view = view_of(seed)
    cells = matrix.build(seed, view)
    assert len(cells) == len(seed.actors) * len(seed.issues)
    china = cells[(cells["actor"] == "china") & (cells["issue"] == "nk-troops-in-russia")].iloc[0]
    assert china["stance"] == "silent" and china["glyph"].startswith(matrix.GLYPHS["silent"])
    nothing = cells[(cells["actor"] == "dennis-wilder") & (cells["issue"] == "nk-troops-in-russia")]
    assert nothing.iloc[0]["stance"] == "unknown"
    assert charts.STANCE_COLOURS["silent"] != charts.STANCE_COLOURS["unknown"]
    # rows grouped by kind: every state comes before every official, officials before experts
    order = list(dict.fromkeys(cells["actor_kind"]))
    assert order.index("States") < order.index("Officials") < order.index("Experts")


def test_inferred_position_carries_its_assessor(seed):
    cells = matrix.build(seed, view_of(seed, bases=("inferred",)))
    assert len(cells) > 0
    assert (~cells["assessed_by"].isin(["", "—"])).all()
    assert cells["glyph"].str.endswith("?").all()


def test_chart_has_fixed_colour_domain_and_named_cell_selection(seed):
    cells = matrix.build(seed, view_of(seed, stances=("support",)))
    spec = charts.stance_matrix(cells).to_dict()
    layer = spec["spec"]["layer"][0]
    assert layer["encoding"]["color"]["scale"]["domain"] == charts.STANCE_DOMAIN
    assert spec["params"][0]["name"] == charts.CELL_SELECTION
    assert spec["params"][0]["select"]["fields"] == ["actor", "issue"]


def test_cell_quotes_start_with_the_evidence(seed):
    view = view_of(seed)
    quotes = filters.quotes_for_cell(seed, view, "china", "ukraine-political-settlement")
    assert quotes["is_evidence"].iloc[0]
    assert set(quotes["speaker"]) <= {"china", "liu-pengyu", "xie-feng", "chinese-embassy-washington",
                                      "xi-jinping"}


def test_compare_lines_up_two_actors(seed):
    table = compare(seed, view_of(seed), ["united-states", "china"])
    assert len(table) == len(seed.issues)
    row = table[table["issue"] == "nk-troops-in-russia"].iloc[0]
    assert row["china:stance"] == "silent"
    assert row["united-states:stance"] in ("oppose", "strongly_oppose")


def test_markdown_note_lists_filters_matrix_and_quotes(seed):
    selection = Selection(briefing="nk-troops-russia", actors=("blinken",))
    view = filters.apply(seed, selection)
    note = export.markdown_note(seed, view, selection, matrix.build(seed, view), "http://x/?a=1")
    assert note.startswith("# ")
    assert "- actor: Antony Blinken" in note
    assert "| Antony Blinken |" in note
    assert "an intense conversation this week" in note


def test_csv_downloads_hold_the_filtered_rows(seed):
    view = view_of(seed, actors=("blinken",))
    positions = export.positions_csv(seed, view).decode().splitlines()
    assert len(positions) == 1 + len(view.positions)
    assert "blinken" in positions[1]
    quotes = export.quotes_csv(seed, view).decode()
    assert "intense conversation" in quotes


@pytest.mark.parametrize(
    "payload",
    ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>'],
)
def test_markup_escapes_record_text(payload):
    html = markup.text(payload)
    assert "<" not in html.replace("<bdi>", "").replace("</bdi>", "")
    assert payload.replace("<", "&lt;").replace(">", "&gt;")[:10] in html.replace("&quot;", '"')


@pytest.mark.parametrize(
    ("url", "linked"),
    [("https://example.org/a", True), ("http://x.y", True), ("javascript:alert(1)", False),
     (" JavaScript:alert(1)", False), ("data:text/html,hi", False), ("//evil", False)],
)
def test_only_http_urls_become_links(url, linked):
    assert (markup.safe_url(url) is not None) is linked


def test_quote_card_shows_kind_speaker_and_source(seed):
    quote = seed.quotes[seed.quotes["id"] == seed.quotes["id"].iloc[0]].iloc[0]
    html = markup.quote_card(seed, quote)
    assert markup.QUOTE_KIND_LABELS[quote["kind"]] in html
    assert seed.actor_names[quote["speaker"]] in html


def test_find_actors_by_native_script_and_folded_case(seed):
    assert seed.find_actors("习近平") == ["xi-jinping"]
    assert "putin" in seed.find_actors("путин")
    assert "china" in seed.find_actors("中国")


def test_empty_quotes_hint_points_at_the_likely_cause(seed):
    hint = filters.empty_quotes_hint(seed, Selection(actors=("china",)))
    assert "Include those who speak for them" in hint
    assert "text search" in filters.empty_quotes_hint(seed, Selection(query="zzz"))


def test_alignment_ranks_actors_by_agreement_with_the_reference(seed):
    view = view_of(seed)
    shares = matrix.alignment(view, "united-states")
    assert shares["united-states"] == 1.0
    assert shares["russia"] == 0.0 and shares["blinken"] == 1.0  # troops: support vs oppose
    rows = matrix.ordered_rows(view.actors, shares, "united-states")
    assert rows["id"].iloc[0] == "united-states"


def test_topic_cells_share_support_and_keep_silence_visible(seed):
    view = view_of(seed, actors=("china", "united-states"))
    cells = matrix.topic_cells(seed, view, view.actors)
    assert set(cells["actor"]) == {"china", "united-states"}
    assert cells["share"].dropna().between(0, 1).all()
    china = cells[cells["actor"] == "china"]
    assert china["summary"].str.contains("silent").any()


def test_page_of_caps_columns_to_the_most_recent_issues(seed):
    issues = seed.issues.assign(date=pd.to_datetime("2024-01-01") + pd.to_timedelta(
        range(len(seed.issues)), unit="D"))
    shown = matrix.visible_issues(issues, limit=3)
    assert shown["id"].tolist() == issues["id"].tolist()[-3:]


def test_quotes_side_by_side_place_speakers_by_their_stance(seed):
    view = view_of(seed)
    sides = filters.quotes_by_side(seed, view, "nk-troops-in-russia")
    against = set(sides["Against"]["speaker"])
    assert "blinken" in against or "united-states" in against
    assert set().union(*(set(q["id"]) for q in sides.values())) <= set(view.quotes["id"])
    # every quote on the issue is placed exactly once
    on_issue = seed.quote_issues.loc[seed.quote_issues["issue"] == "nk-troops-in-russia", "quote"]
    assert sum(len(q) for q in sides.values()) == len(set(on_issue))


def test_find_issues_searches_title_statement_and_id(seed):
    assert seed.find_issues("NORTH KOREAN TROOPS")[0] == "nk-troops-in-russia"
    assert seed.find_issues("zzz-nothing") == []


def test_chart_data_for_a_filter_that_leaves_no_cells(seed):
    # Russia, North Korea and South Korea have no 'oppose' position: the matrix is empty.
    view = view_of(seed, actors=("russia", "north-korea", "south-korea"), stances=("oppose",))
    cells = matrix.page_of(seed, view, Selection(stances=("oppose",))).cells
    assert cells.empty
    assert charts.matrix_data(cells).empty
