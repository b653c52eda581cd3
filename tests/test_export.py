"""CSV downloads: the rows of the view, each reading in words, and no cell a spreadsheet would run."""

import csv
import io

from dashboard import export, filters
from dashboard.escape import FORMULA_STARTS
from dashboard.reading import quote_capacities
from dashboard.selection import Selection


def rows_of(data: bytes) -> list[dict[str, str]]:
    text = data.decode("utf-8")
    assert text.startswith("\ufeff"), "Excel needs the byte order mark to read UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:], newline=""), strict=True))


def test_positions_csv_holds_the_views_positions_with_their_readings(seed):
    subset = filters.apply(seed, Selection(actors=("china",)).filters)
    rows = rows_of(export.positions_csv(seed, subset))
    # every position, history included: China's 5 of 2024-10-31 and 4 of 2024-11-01 (positions.yaml)
    assert len(rows) == len(subset.positions) == 9
    alliance = next(
        r for r in rows if r["issue"] == "russia-nk-military-alliance" and r["basis"] == "inferred"
    )
    assert alliance["assessed_by_name"] == "Shi Yinhong"
    assert alliance["reading"].startswith("Opposes (−?) — inferred by Shi Yinhong")
    assert "Victor Cha" in alliance["evidence_speakers"]


def test_quotes_csv_for_china_is_not_empty_and_says_in_what_capacity(seed):
    # With actor = China the Quotes CSV was once empty.
    subset = filters.apply(seed, Selection(actors=("china",)).filters)
    rows = rows_of(export.quotes_csv(seed, subset, quote_capacities(seed, subset, subset.quotes)))
    assert len(rows) == len(subset.quotes) > 10
    by_speaker = {r["speaker"]: r for r in rows}
    assert by_speaker["liu-pengyu"]["capacity"] == "spokesperson"
    # He speaks for the embassy, which speaks for China: a spokesperson of China's through it, and
    # the row says so along the chain, as the quote cards' badge does (v10 finding 6).
    assert by_speaker["liu-pengyu"]["speaks_for"] == (
        "Embassy of the People's Republic of China in the United States, which speaks for China"
    )
    assert by_speaker["lin-jian"]["speaks_for"] == "China"  # the ministry's spokesman, directly
    assert by_speaker["shi-yinhong"]["capacity"] == "assessor"


def test_no_cell_starts_with_a_formula_character(seed):
    subset = filters.apply(seed, Selection().filters)
    for data in (export.positions_csv(seed, subset), export.quotes_csv(seed, subset)):
        for row in rows_of(data):
            assert not any(v.startswith(FORMULA_STARTS) for v in row.values())
