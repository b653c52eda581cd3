"""Article files that would cost minutes and gigabytes, or that a parser cannot read: each is refused
by the bound it breaks, quickly, in words that name the file and the bound; a damaged file is said
to be damaged. Nothing here reaches a traceback."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from dashboard.extract.readers import InputError, read_upload
from dashboard.extract.readers.base import (
    ARTICLE_BOUNDS,
    MAX_HTML_TAGS,
    MAX_PARAGRAPHS,
    MAX_PDF_PAGES,
    MAX_UNPACKED_BYTES,
    MAX_ZIP_ENTRIES,
)
from tests.support import hostile_files as hostile

ENGLISH = (
    "The minister said on Friday that the talks would resume next week, and that the "
    "government would not change its position on the question of the troops."
)

CASES: list[tuple[str, Callable[[], bytes], str]] = [
    ("bomb.docx", hostile.docx_bomb, f"more than the {MAX_UNPACKED_BYTES // 2**20} MiB"),
    ("parts.docx", hostile.docx_many_parts, f"more than the {MAX_ZIP_ENTRIES:,}"),
    ("paragraphs.docx", hostile.docx_paragraphs, f"more than the {MAX_PARAGRAPHS:,} an article"),
    ("entities.docx", hostile.docx_entities, "declares a DTD or entities"),
    ("deep.docx", hostile.docx_deep, "this .docx is damaged"),
    ("cut.docx", lambda: hostile.docx_cut_short(ENGLISH * 50), "not a readable .docx"),
    ("half.docx", hostile.docx_bad_xml, "this .docx is damaged: its text"),
    ("pages.pdf", hostile.pdf_page_count, f"more than the {MAX_PDF_PAGES:,} a document"),
    ("list.pdf", hostile.pdf_page_list, "not a readable PDF"),
    # pypdf stops inflating at its own limit: the page reads as holding no text.
    ("stream.pdf", hostile.pdf_stream_bomb, "no text layer"),
    ("paragraphs.html", hostile.html_paragraphs, f"more than the {MAX_HTML_TAGS:,}"),
]


@pytest.mark.parametrize(("name", "build", "message"), CASES, ids=[c[0] for c in CASES])
def test_a_hostile_file_is_refused_quickly_with_its_reason(
    name: str, build: Callable[[], bytes], message: str
) -> None:
    data = build()
    assert len(data) < 20_000_000  # each fits under the upload bound: the readers must refuse it
    tracemalloc.start()
    started = time.process_time()  # this process's CPU: other work on a shared machine adds none
    with pytest.raises(InputError) as refused:
        read_upload(name, data)
    seconds = time.process_time() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert message in refused.value.reason, refused.value.reason
    assert refused.value.name == name
    # Generous bounds: before, these took minutes of CPU and gigabytes.
    assert seconds < 30, f"{name} took {seconds:.1f} s of CPU"
    assert peak < 400 * 2**20, f"{name} held {peak / 2**20:.0f} MiB"


def test_a_good_docx_still_reads() -> None:
    article = read_upload("fine.docx", hostile.docx_article(f"Title line\n{ENGLISH}\n{ENGLISH}"))
    assert article.text.split("\n\n") == ["Title line", ENGLISH, ENGLISH]


def test_the_readme_lists_every_article_bound_as_the_code_has_it() -> None:
    text = (Path(__file__).resolve().parents[2] / "docs" / "robustness.md").read_text(encoding="utf-8")
    table = text.split("| article bound | value | applies to |", 1)[1].split("\n\n", 1)[0]
    rows = [line.strip().strip("|").split("|") for line in table.strip().splitlines()[1:]]
    assert {tuple(c.strip() for c in row) for row in rows} == {
        (name, f"{value:,}", unit) for name, (value, unit) in ARTICLE_BOUNDS.items()
    }
