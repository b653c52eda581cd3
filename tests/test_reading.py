"""One reading of a cell: stance, basis mark, assessor, confidence and date, in one sentence that
every view prints; hidden and no record never look alike."""

import html
from datetime import date

import pandas as pd
import pytest

from dashboard import filters
from dashboard.reading import capacity, cell_quotes, describe, grid, reading_of
from dashboard.selection import Selection
from dashboard.vocabulary import GLYPHS, HIDDEN

ARTICLE_DAY = date(2024, 10, 31)  # the day the seed article reports: before Beijing spoke


def subset_of(briefing, **chosen):
    return filters.apply(briefing, Selection(briefing="nk-troops-russia", **chosen).filters)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ("oppose", "inferred", "low", "2024-11-02", "Shi Yinhong"),
            "Opposes (−?) — inferred by Shi Yinhong · low confidence · as of 2024-11-02",
        ),
        (
            ("silent", "reported", "high", "2024-11-02", ""),
            "Silent (on record) (…ʳ) — reported by a third party · high confidence · as of 2024-11-02",
        ),
        (("support", "stated", "high", "", ""), "Supports (+) — said it · high confidence"),
        (
            ("support", "stated", "high", "", "", "", "quoted"),
            "Supports (+) — said it (quoted) · high confidence",
        ),
        (
            ("support", "stated", "", "", "", "", "unquoted"),
            "Supports (+) — said it (not quoted: a paraphrase or others' words)",
        ),
        (("oppose", "stated", "", "", "", "", "uncited"), "Opposes (−) — said it (no quote cited)"),
        (("support", "action", "", "", ""), "Supports (+!) — did it (action)"),
        (("oppose", "inferred", "", "", ""), "Opposes (−?) — inferred by someone else (assessor not named)"),
        (("unknown",), "No record in this briefing"),
        (
            (HIDDEN, "", "", "", "", "hidden by the date filter"),
            "Hidden by a filter (hidden by the date filter)",
        ),
    ],
)
def test_describe_says_stance_mark_basis_assessor_confidence_and_date(args, expected):
    assert describe(*args) == expected


def test_grid_has_every_cell_and_tells_silence_from_no_record(seed):
    cells = grid(seed, subset_of(seed, date_to=ARTICLE_DAY))
    assert len(cells) == len(seed.actors) * len(seed.issues)
    china = cells[(cells["actor"] == "china") & (cells["issue"] == "nk-troops-in-russia")].iloc[0]
    assert china["stance"] == "silent" and china["glyph"] == GLYPHS["silent"] + "ʳ"
    nothing = cells[(cells["actor"] == "dennis-wilder") & (cells["issue"] == "nk-troops-in-russia")]
    assert nothing.iloc[0]["stance"] == "unknown"
    assert nothing.iloc[0]["reading"] == "No record in this briefing"


def test_an_inferred_reading_names_its_assessor_in_the_text(seed):
    cells = grid(seed, subset_of(seed, actors=("china",), date_to=ARTICLE_DAY))
    alliance = cells[cells["issue"] == "russia-nk-military-alliance"].iloc[0]
    assert alliance["glyph"] == "−?"
    assert "inferred by Shi Yinhong" in alliance["reading"]
    assert alliance["second_hand"]


def test_filtered_out_is_hidden_not_no_record(seed):
    cells = grid(seed, subset_of(seed, date_from=date(2030, 1, 1)))
    # Every cell with a record is hidden by the date filter; cells never recorded stay "no record".
    recorded = set(zip(seed.positions["actor"].astype(str), seed.positions["issue"].astype(str), strict=True))
    is_recorded = [(a, i) in recorded for a, i in zip(cells["actor"], cells["issue"], strict=True)]
    assert (cells.loc[is_recorded, "stance"] == HIDDEN).all()
    assert (cells.loc[[not r for r in is_recorded], "stance"] == "unknown").all()
    assert cells.loc[is_recorded, "reading"].str.contains("date filter").all()


def test_the_latest_reading_is_what_beijing_said_the_next_day(seed):
    reading = reading_of(seed, subset_of(seed), "china", "russia-nk-military-alliance")
    assert reading.stance == "neutral" and reading.basis == "stated"
    assert reading.as_of == "2024-11-01" and reading.n_positions == 2
    assert {e.capacity for e in reading.evidence} == {"spokesperson"}  # Lin Jian, for China


def test_reading_of_a_cell_lists_evidence_with_capacities(seed):
    subset = subset_of(seed, date_to=ARTICLE_DAY)
    reading = reading_of(seed, subset, "china", "russia-nk-military-alliance")
    assert reading.stance == "oppose" and reading.assessed_by == "shi-yinhong"
    capacities = {e.speaker: e.capacity for e in reading.evidence}
    assert capacities["shi-yinhong"] == "assessor"
    assert capacities["victor-cha"] == "other"
    embassy = reading_of(seed, subset, "china", "ukraine-political-settlement")
    assert {e.capacity for e in embassy.evidence} == {"spokesperson"}


def test_cell_quotes_put_evidence_first_then_the_actors_own_words(seed):
    subset = subset_of(seed)
    reading = reading_of(seed, subset, "china", "ukraine-political-settlement")
    quotes = cell_quotes(seed, subset, reading)
    assert quotes["is_evidence"].iloc[0]
    assert set(quotes["speaker"]) <= {
        "china",
        "liu-pengyu",
        "lin-jian",
        "chinese-embassy-washington",
        "xi-jinping",
    }


def test_capacity_of_a_speaker_towards_an_actor(seed):
    assert capacity(seed, "china", "china") == "own"
    assert capacity(seed, "china", "liu-pengyu") == "spokesperson"
    assert capacity(seed, "china", "lu-chao", "lu-chao") == "assessor"
    assert capacity(seed, "china", "dennis-wilder") == "other"


@pytest.mark.parametrize(
    "chosen",
    [
        {},
        {"date_to": date(2024, 10, 31)},
        {"stances": ("oppose", "silent")},
        {"actors": ("china",), "spokespeople": True},
    ],
    ids=["whole", "to-thursday", "two-stances", "china-and-its-voices"],
)
def test_a_cells_reading_from_the_matrix_page_is_the_one_computed_alone(seed, chosen):
    from dashboard import matrix

    selection = Selection(briefing="nk-troops-russia", **chosen)
    subset = filters.apply(seed, selection.filters)
    cells = matrix.grid_of(seed, subset, selection.filters, selection.matrix).cells
    assert len(cells)
    for actor, issue in zip(cells["actor"], cells["issue"], strict=True):
        assert reading_of(seed, subset, actor, issue, cells) == reading_of(seed, subset, actor, issue)


def test_said_it_says_whether_the_record_quotes_the_actor(seed):
    """A stated position whose only evidence is the reporter's paraphrase never reads as the actor's
    own words, in the cell, the cell's panel, the history, the changes and the CSV alike."""
    from dashboard import export
    from dashboard.views.changes import reading_html
    from dashboard.views.history import history_html

    positions = seed.positions.drop(columns="position").copy()
    us = (positions["actor"] == "united-states") & (positions["issue"] == "china-restrain-nk")
    positions.loc[us, "evidence"] = pd.Series(
        [["q-us-call-china"]] * int(us.sum()), index=positions.index[us]
    )
    china = (positions["actor"] == "china") & (positions["issue"] == "no-escalation")
    positions.loc[china, "evidence"] = pd.Series([[]] * int(china.sum()), index=positions.index[china])
    briefing = seed.__class__.from_frames(
        seed.meta,
        actors=seed.actors,
        issues=seed.issues,
        sources=seed.sources,
        quotes=seed.quotes.drop(columns="when"),
        positions=positions,
    )
    subset = subset_of(briefing)
    paraphrased = "said it (not quoted: a paraphrase or others' words)"
    reading = reading_of(briefing, subset, "united-states", "china-restrain-nk")
    assert paraphrased in reading.text and "quoted)" not in reading.text.replace(paraphrased, "")
    cells = grid(briefing, subset).set_index(["actor", "issue"])
    assert paraphrased in cells.loc[("united-states", "china-restrain-nk"), "reading"]
    assert "said it (no quote cited)" in cells.loc[("china", "no-escalation"), "reading"]
    assert "said it (quoted)" in cells.loc[("china", "nk-troops-in-russia"), "reading"]  # Lin Jian, quoted
    assert paraphrased in html.unescape(history_html(briefing, "united-states", "china-restrain-nk"))
    position = int(briefing.positions.loc[us.to_numpy(), "position"].iloc[0])
    assert paraphrased in html.unescape(reading_html(briefing, position))
    rows = export.positions_frame(briefing, subset).set_index(["actor", "issue"])
    assert paraphrased in rows.loc[("united-states", "china-restrain-nk"), "reading"]
    # the seed as shipped: Blinken, who speaks for the United States, is quoted on it
    assert "said it (quoted)" in reading_of(seed, subset_of(seed), "united-states", "china-restrain-nk").text


def test_a_cells_quotes_badge_a_paraphrase_of_the_actor_as_reported_not_its_own_words(seed):
    """The panel's badge and the reading agree: the reporter's paraphrase of the United States is
    'reported', Austin's partial quotation (he speaks for it) is a spokesperson's words."""
    subset = subset_of(seed)
    reading = reading_of(seed, subset, "united-states", "nk-troops-in-russia")
    quotes = cell_quotes(seed, subset, reading).set_index("id")
    assert quotes.loc["q-us-8000-troops", "kind"] == "paraphrase"
    assert quotes.loc["q-us-8000-troops", "capacity"] == "reported"
    assert quotes.loc["q-blinken-curb", "capacity"] == "spokesperson"
    by_evidence = {e.quote: e.capacity for e in reading.evidence}
    for quote, row in quotes.iterrows():
        if quote in by_evidence:
            assert row["capacity"] == by_evidence[quote], quote


def test_a_cell_reads_when_a_quote_id_repeats(seed):
    """A briefing made from frames (not through the loader's checks) with a quote id given twice
    still reads, cell and panel alike: the first record of the id counts, as the loader keeps the
    first (cell_quotes raised 'cannot reindex on an axis with duplicate labels')."""
    quotes = seed.quotes.drop(columns="when")
    briefing = seed.__class__.from_frames(
        seed.meta,
        actors=seed.actors,
        issues=seed.issues,
        sources=seed.sources,
        quotes=pd.concat([quotes, quotes.iloc[[0]]], ignore_index=True),
        positions=seed.positions.drop(columns="position"),
    )
    assert list(briefing.said_how) == list(seed.said_how)
    for actor, issue in (("united-states", "nk-troops-in-russia"), ("china", "nk-troops-in-russia")):
        twice, once = subset_of(briefing), subset_of(seed)
        reading = reading_of(briefing, twice, actor, issue)
        assert reading == reading_of(seed, once, actor, issue)
        got, want = cell_quotes(briefing, twice, reading), cell_quotes(seed, once, reading)
        assert got["id"].tolist() == want["id"].tolist()
        assert got["capacity"].tolist() == want["capacity"].tolist()
