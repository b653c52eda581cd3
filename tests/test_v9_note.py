"""The PDF note keeps the matrix and its key on one page, prints the key at a size one can read, and
breaks the view's link only where a reader can tell it goes on (a reader's review, v8 finding 17;
letter v9). Each failed on the layout before: the key was a picture on the next page at about 6 pt,
and the link broke at the hyphen in 'united-states'."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

CELL = "actor=united-states&cell=united-states~nk-troops-in-russia"
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def pages(seed_note) -> list[tuple[str, list[tuple[str, float]]]]:
    """Each page's text, and each run of text with its size in points as printed: one cell's note."""
    return _rendered(seed_note, CELL)


def _rendered(seed_note, query: str) -> list[tuple[str, list[tuple[str, float]]]]:
    """The seed's PDF note of that view (tests/conftest.py's seed_note: made once for the run; the
    whole seed's is test_note_formats.py's too)."""
    data = seed_note(query, "pdf", base="http://localhost:8501/", now=NOW)
    return [_page(page) for page in PdfReader(io.BytesIO(data)).pages]


def _page(page: object) -> tuple[str, list[tuple[str, float]]]:
    runs: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            runs.append((text.strip(), abs(size * tm[3] * cm[3])))

    return page.extract_text(visitor_text=visit), runs  # type: ignore[attr-defined]


def test_the_matrix_and_its_key_are_on_one_page(pages) -> None:
    (with_matrix,) = [text for text, _ in pages if "Stance matrix" in text]
    assert "How to read the matrix" in with_matrix
    for line in ("Silent (on record)", "No record: this briefing holds no record at all", "Red ring"):
        assert line in with_matrix


@pytest.mark.slow
def test_a_tall_matrix_has_its_whole_key_on_its_page_too(seed_note) -> None:
    # The whole seed: 24 rows, a page of its own (note.css .tall), its key under it to the last line.
    (with_matrix,) = [text for text, _ in _rendered(seed_note, "") if "Stance matrix" in text]
    assert "How to read the matrix" in with_matrix and "Red ring" in with_matrix


def test_the_key_is_printed_at_a_readable_size(pages) -> None:
    sizes = [size for _, runs in pages for text, size in runs if text.startswith("Strongly supports:")]
    assert sizes and min(sizes) >= 7.4  # 7.5 pt; the picture's legend printed at about 4.5 pt


def test_the_link_breaks_only_after_a_separator(pages) -> None:
    text = next(text for text, _ in pages if "This view:" in text)
    link = text[text.index("This view:") : text.index("Stance matrix")].strip()
    lines = link.splitlines()
    assert len(lines) >= 2  # long enough to wrap on A4: the test sees a break
    assert all(line.endswith(("?", "&", "=", "/", "#")) for line in lines[:-1]), lines
    assert "united-states~nk-troops-in-russia" in link  # never 'united-' / 'states'
