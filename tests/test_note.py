"""The Markdown note says what the page says: filters in words, an absolute link that survives
rendering, each reading with basis, assessor and summary, evidence verbatim, and no element made of
record text."""

import html as html_module
from datetime import UTC, date, datetime

from markdown_it import MarkdownIt

from dashboard import note
from dashboard.selection import Selection

LINK = "http://localhost:8501/?actor=china"
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


ARTICLE_DAY = date(2024, 10, 31)  # the day the seed article reports: before Beijing spoke


def china_note(seed, **chosen):
    selection = Selection(briefing="nk-troops-russia", actors=("china",), **chosen)
    return note.build(seed, selection, link=LINK, now=NOW)


def test_note_for_china_quotes_the_words_behind_its_cells(seed):
    built = china_note(seed, date_to=ARTICLE_DAY)
    text = note.markdown(built)
    assert "No quotes match" not in text
    assert "consistent and clear" in text  # Liu Pengyu, for China
    assert "strongly disagrees with this agreement" in text  # Shi Yinhong's reading
    assert "inferred by Shi Yinhong" in text and "inferred by Lu Chao" in text
    assert "Summary: Shi Yinhong reads China" in text.replace("\\", "")
    assert "- Actors: China" in text


def test_the_latest_note_for_china_has_the_spokesmans_words(seed):
    text = note.markdown(china_note(seed))
    assert "their own matter" in text and "Lin Jian" in text
    assert "Neutral (0) — said it (quoted) · medium confidence · as of 2024-11-01" in text


def test_view_line_renders_as_an_absolute_link(seed):
    html = MarkdownIt("commonmark", {"html": True}).render(note.markdown(china_note(seed)))
    assert f'<a href="{LINK}">{LINK}</a>' in html


def test_every_evidence_quote_reads_back_verbatim_when_rendered(seed):
    built = note.build(seed, Selection(), link=LINK, now=NOW)
    html = MarkdownIt("commonmark", {"html": True}).render(note.markdown(built))
    quotes = [q for issue in built.issues for r in issue.readings for q in r.evidence]
    quotes += built.other_quotes
    assert len(quotes) > 20
    # The garbled Cha quote and the mismatched marks of the seed article survive, character for
    # character (as HTML text: & < > escaped).
    assert any("a bit of refusal" in q.text for q in quotes)
    for quote in quotes:
        assert html_module.escape(quote.text, quote=False) in html, quote.text


def test_a_compare_note_leads_with_the_counts(seed):
    built = note.build(
        seed, Selection(view="compare", compare=("united-states", "china")), link=LINK, now=NOW
    )
    assert built.compare[0].startswith("Agree on 1 of the 3 issues")
    assert "## Comparison" in note.markdown(built)


def test_filters_in_words(seed):
    lines = note.describe_filters(seed, Selection(actors=("china",), stances=("silent",)))
    assert lines == ["Actors: China", "Stances: Silent (on record)"]
    assert note.describe_filters(seed, Selection()) == ["none (the whole briefing)"]
