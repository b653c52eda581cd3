"""A note stays bounded whatever the view holds, and says what it cut and how to narrow it: a
quote-heavy invented briefing (every actor quoted on every issue) and the real UN roll calls."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from dashboard import note
from dashboard.load import load_briefing
from dashboard.selection import Selection
from tests.support.big_briefing import write_quote_heavy

SEED = Path(__file__).resolve().parents[1] / "data" / "nk-troops-russia"


def counts(built: note.Note) -> dict[str, int]:
    readings = [r for issue in built.issues for r in issue.readings]
    return {
        "issues": len(built.issues),
        "detailed": len(readings),
        "evidence": sum(len(r.evidence) for r in readings),
        "rows": len(built.table_rows),
        "columns": len(built.table_columns),
        "other": len(built.other_quotes),
        "most per issue": max(len(i.readings) + sum(len(a.actors) for a in i.alike) for i in built.issues),
    }


def test_a_quote_heavy_view_is_cut_to_the_bounds_and_says_how_to_narrow_it(tmp_path) -> None:
    briefing, _ = load_briefing(write_quote_heavy(tmp_path / "quote-heavy"))
    built = note.build(briefing, Selection(briefing="quote-heavy"))
    assert counts(built) == {
        "issues": 20,
        "detailed": note.MAX_DETAILED,
        "evidence": note.MAX_EVIDENCE,
        "rows": note.MAX_TABLE_ROWS,
        "columns": 20,
        "other": note.MAX_OTHER_QUOTES,
        "most per issue": 60,
    }
    cuts = " ".join(built.cuts)
    for said in (
        "The page shows 60 of 80 actors",
        "the first 40 of 60 rows",
        "1,100 readings past the first 100",
        "100 evidence quotes past the first 100",
        "the 40 most recent of 3,900",
    ):
        assert said in cuts, said
    assert "narrow by" in cuts
    past = [i for i in built.issues if i.alike]  # beyond the bound: named, with their reading
    assert past and all(
        a.actors and "— said it (quoted) · high confidence · as of 2024-12-01" in a.reading
        for i in past
        for a in i.alike
    )
    assert len(note.markdown(built)) < 120_000


def test_a_compare_at_scale_lists_issues_divergent_first_within_the_bounds(tmp_path) -> None:
    briefing, _ = load_briefing(write_quote_heavy(tmp_path / "quote-heavy", issues=60))
    built = note.build(
        briefing, Selection(briefing="quote-heavy", view="compare", compare=("state-0", "state-1"))
    )
    assert len(built.table_columns) == note.MAX_TABLE_COLUMNS
    assert len(built.issues) == note.MAX_ISSUES
    assert "The matrix shows the first 20 of 60 issues" in " ".join(built.cuts)
    assert built.compare[0] == (
        "Agree on 0 of the 60 issues where both have a position (positions dated 2024-12-01; "
        "60 issues compared)."
    )


@pytest.mark.slow
def test_the_un_note_says_what_it_cut_and_stays_small(unvotes) -> None:
    built = note.build(unvotes, Selection(briefing="unvotes"))
    assert "The page shows 60 of 200 actors (rows page 1 of 4) and issues 6,184–6,203 of 6,203" in " ".join(
        built.cuts
    )
    assert counts(built)["rows"] == note.MAX_TABLE_ROWS
    # Roll-call votes carry no quotes: each resolution's votes are a few lines, one per reading.
    assert all(len(issue.alike) <= 5 and not issue.readings for issue in built.issues)
    assert len(note.markdown(built)) < 60_000


@pytest.mark.slow
def test_a_two_megabyte_quote_is_cut_in_the_note_and_said_to_be(tmp_path) -> None:
    """Once: a 375-page PDF that took 105 s. The words printed are the quote's first characters;
    what follows is said to be in the briefing, outside the quotation marks."""
    folder = tmp_path / "long-quote"
    shutil.copytree(SEED, folder)
    quotes = yaml.safe_load((folder / "quotes.yaml").read_text(encoding="utf-8"))
    long_words = ("All the words of a very long speech. " * 60_000)[:2_000_000]
    quotes[0]["text"] = long_words
    (folder / "quotes.yaml").write_text(yaml.safe_dump(quotes, allow_unicode=True), encoding="utf-8")
    briefing, _ = load_briefing(folder)
    built = note.build(briefing, Selection(briefing="long-quote"))
    printed = [q for issue in built.issues for r in issue.readings for q in r.evidence if q.cut] + [
        q for q in built.other_quotes if q.cut
    ]
    assert printed and all(long_words.startswith(q.text) for q in printed)
    assert all(
        len(q.text) == note.model.MAX_QUOTE_CHARACTERS
        and q.cut == 2_000_000 - note.model.MAX_QUOTE_CHARACTERS
        for q in printed
    )
    text = note.markdown(built)
    assert (
        "the note prints the first 4,000 characters of a quote: 1,996,000 more of this one "
        "are in the briefing" in text
    )
    assert len(text) < 200_000
