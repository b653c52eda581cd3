"""The matrix as drawn: pages of rows and columns that say what they leave out, the agreement sort,
and topic shares whose middle is neutral."""

from datetime import date

import pandas as pd

from dashboard import filters, matrix
from dashboard.selection import Selection
from dashboard.vocabulary import HIDDEN


def grid_for(briefing, **chosen):
    selection = Selection(briefing="x", **chosen)
    return matrix.grid_of(
        briefing, filters.apply(briefing, selection.filters), selection.filters, selection.matrix
    )


def test_rows_are_grouped_by_kind_states_first(seed):
    cells = grid_for(seed).cells
    order = list(dict.fromkeys(cells["actor_kind"]))
    assert order.index("States") < order.index("Officials") < order.index("Experts")


def test_a_stance_filter_leaves_out_rows_with_nothing_that_passes_and_counts_them(seed):
    shown = grid_for(seed, stances=("silent",))
    # A stance filter asks about each cell's reading as it stands: China's silence of 10-31 on the
    # troops was followed by its words of 11-01, and nobody else's latest reading is a silence, so
    # no row passes and every actor is counted as left out.
    latest = filters.latest_positions(seed.positions)
    assert not (latest["stance"] == "silent").any()
    assert shown.cells.empty and shown.window.actors_shown == 0
    assert shown.window.empty_left_out == len(seed.actors)
    # As the article saw it (to 2024-10-31), China's silence on the troops is the one that passes:
    # its row is shown, with the other issues hidden by the filter, and the rest are counted.
    before = grid_for(seed, stances=("silent",), date_to=date(2024, 10, 31))
    assert set(before.cells["actor"]) == {"china"}
    assert before.window.actors_shown == 1
    assert before.window.empty_left_out == len(seed.actors) - 1
    visible = before.cells[before.cells["stance"].astype(str) != HIDDEN]
    assert visible[["issue", "stance"]].astype(str).values.tolist() == [["nk-troops-in-russia", "silent"]]


def test_columns_page_from_the_newest_when_issues_are_dated_on_several_days(seed):
    dated = seed.issues.assign(
        date=pd.to_datetime("2024-01-01") + pd.to_timedelta(range(len(seed.issues)), unit="D")
    )
    assert matrix.column_window(dated, 0, per_page=3) == (4, 7)  # the three newest
    assert matrix.column_window(dated, 2, per_page=3) == (1, 4)
    assert matrix.column_window(dated, 99, per_page=3) == (6, 7)  # past the end: the last one
    same_day = seed.issues.assign(date=pd.Timestamp("2024-01-01"))
    assert matrix.column_window(same_day, 0, per_page=3) == (0, 3)


def test_issues_that_share_a_date_open_on_the_first_page_in_file_order(seed):
    # The Bundestag's 38 theses share one date: "the 30 most recent" once hid theses 1-8.
    assert not matrix.opens_on_newest(seed.issues.assign(date=pd.Timestamp("2025-01-01")))


def test_agreement_sort_puts_the_reference_first_and_labels_each_row(seed):
    shown = grid_for(seed, align="united-states")
    agreement = shown.agreement
    assert agreement is not None and agreement.minimum == 10  # one rule for every briefing
    first = shown.cells["actor"].iloc[0]
    assert first == "united-states"
    labels = dict(zip(shown.cells["actor"], shown.cells["actor_label"], strict=False))
    assert labels["united-states"].endswith("· reference")
    assert labels["russia"].startswith("Russia · too few shared (2024-10-31, n = 1)")  # the troops
    assert agreement.shared["russia"] == 1 and agreement.share["russia"] == 0.0
    assert labels["blinken"] == "Antony Blinken · too few shared (2024-10-31, n = 2)"


def test_topic_cells_lean_is_zero_for_neutral_and_counts_are_shown(seed):
    subset = filters.apply(
        seed, Selection(actors=("china", "united-states"), date_to=date(2024, 10, 31)).filters
    )
    cells, topics = matrix.topic_cells(seed, subset, subset.actors)
    assert topics == sorted(seed.issues["topic"].unique())
    assert cells["lean"].dropna().between(-1, 1).all()
    us = cells[(cells["actor"] == "united-states") & (cells["topic"] == "War in Ukraine")].iloc[0]
    assert us["counted"] == 2 and us["glyph"] == "50% (2)"  # support no-escalation, oppose troops
    assert us["lean"] == 0.0
    china = cells[cells["actor"] == "china"]
    assert china["summary"].str.contains("silent").any()


def test_no_topic_grouping_without_topics(seed):
    briefing = seed.__class__.from_frames(
        seed.meta,
        actors=seed.actors,
        issues=seed.issues.assign(topic=None),
        sources=seed.sources,
        quotes=seed.quotes.drop(columns="when"),
        positions=seed.positions.drop(columns="position"),
    )
    shown = grid_for(briefing, group="topics")
    assert isinstance(shown, matrix.StanceGrid)


def test_as_table_reads_each_cell_in_words(seed):
    table = matrix.as_table(grid_for(seed, actors=("china",), date_to=date(2024, 10, 31)))
    assert "inferred by Shi Yinhong" in table.loc["China", "Russia–North Korea military alliance"]
