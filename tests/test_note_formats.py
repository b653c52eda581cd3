"""The note as PDF, Word and pictures, read back: the marking on every page, the quotes word for word,
the assessors named, the link absolute, a counterpart brief's groups first, the matrix a vector
picture with its legend, and the PNG drawn from the same spec as the SVG.

Each view's files are rendered once per module (PDF and Word take seconds each)."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from urllib.parse import parse_qs

import pytest
from PIL import Image
from pypdf import PdfReader

from dashboard import note
from dashboard.link import decode
from dashboard.note import document, picture
from dashboard.note.cli import link_for
from dashboard.note.model import build
from dashboard.selection import Choices, Selection
from dashboard.vocabulary import STANCE_LABELS
from tests.support.documents import SVG, pdf_pages, squeeze, svg_texts, svg_tree, word_text

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
BASE = "http://localhost:8501/"
LATEST = ""  # the whole seed briefing: Beijing's answer of 2024-11-01 is the latest word
ARTICLE = "actor=china&to=2024-10-31"  # the article's day: China's silence, read by experts
BRIEF = "view=brief&actor=united-states&vs=china&since=2024-10-31"
MARKING = "UNCLASSIFIED // FOR DISCUSSION"


def selection_of(briefing, query: str) -> Selection:
    decoded = decode(
        parse_qs(query),
        briefing.meta.id,
        Choices([briefing.meta.id], briefing.actors["id"], briefing.issues["id"], briefing.topics),
    )
    assert decoded.notices == []
    return decoded.selection


@pytest.fixture(scope="module")
def made(seed, seed_note) -> Callable[[str, str], bytes]:
    """made(query, suffix): the seed's note of that view, rendered once for the run (tests/conftest.py's
    seed_note: test_v9_note.py reads the whole seed's PDF too)."""

    def make(query: str, suffix: str) -> bytes:
        selection_of(seed, query)  # the link names nothing the seed lacks
        return seed_note(query, suffix, base=BASE, now=NOW)

    return make


def pdf_text(data: bytes) -> str:
    return "\n".join(page.text for page in pdf_pages(data))


@pytest.mark.parametrize("query", [LATEST, BRIEF])
def test_every_pdf_page_has_the_marking_at_top_and_bottom_and_its_number(made, query) -> None:
    pages = pdf_pages(made(query, "pdf"))
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert squeeze(MARKING) in squeeze(page.top), (number, page.top)
        assert squeeze(MARKING) in squeeze(page.bottom), (number, page.bottom)
        assert squeeze(f"Page {number} of {len(pages)}") in squeeze(page.bottom)
        assert "Generated 2026-12-01 12:00 UTC" in " ".join(page.bottom.split())


def test_pdf_quotes_every_record_of_the_seed_word_for_word(made, seed) -> None:
    text = squeeze(pdf_text(made(LATEST, "pdf")))
    quotes = list(seed.quotes.itertuples(index=False))
    assert len(quotes) == 36
    for quote in quotes:
        words = squeeze(str(quote.text))
        if quote.kind == "direct":
            words = f"“{words}”"
        assert words in text, quote.text
    assert squeeze("a bit of refusal") in text  # the garbled Cha quote, kept as the source has it


def test_pdf_latest_readings_are_the_foreign_ministrys_answer_of_1_november(made) -> None:
    text = squeeze(pdf_text(made(LATEST, "pdf")))
    reading = "China (States): Neutral (0) — said it (quoted) · medium confidence · as of 2024-11-01"
    assert squeeze(reading) in text
    assert squeeze("Lin Jian · Spokesperson, Ministry of Foreign Affairs of China · speaks for China") in text
    assert squeeze("their own matter") in text


def test_pdf_of_the_article_day_names_who_inferred_chinas_position(made) -> None:
    text = squeeze(pdf_text(made(ARTICLE, "pdf")))
    assert squeeze("inferred by Shi Yinhong") in text
    assert squeeze("inferred by Lu Chao") in text
    assert squeeze("To: 2024-10-31") in text
    assert squeeze("as of 2024-11-01") not in text  # the date filter holds in the note too


def test_pdf_links_back_to_the_view_with_an_absolute_link(made, seed) -> None:
    pages = pdf_pages(made(ARTICLE, "pdf"))
    link = link_for(BASE, selection_of(seed, ARTICLE))
    assert link == "http://localhost:8501/?briefing=nk-troops-russia&actor=china&to=2024-10-31"
    assert link in pages[0].links
    assert squeeze(link) in squeeze(pages[0].text)
    assert all(url.startswith(("https://", "http://")) for page in pages for url in page.links)


def test_pdf_matrix_is_a_vector_picture_with_its_full_legend(made) -> None:
    data = made(LATEST, "pdf")
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:  # no raster image anywhere: the matrix is drawn as paths and text
        objects = page.get("/Resources", {}).get("/XObject", {})
        assert not any(o.get_object().get("/Subtype") == "/Image" for o in objects.values())
    text = squeeze(pdf_text(data))
    assert squeeze("How to read the matrix") in text
    for label in STANCE_LABELS.values():
        assert squeeze(label) in text, label
    assert squeeze("after the glyph: inferred by someone else") in text
    assert squeeze("Red ring: the cell whose evidence is open") in text


@pytest.mark.slow
def test_a_counterpart_brief_leads_with_its_groups_in_every_format(made) -> None:
    pdf = pdf_text(made(BRIEF, "pdf"))
    words = word_text(made(BRIEF, "docx"))
    markdown = made(BRIEF, "md").decode()
    for text in (squeeze(pdf), squeeze("\n".join(words.body)), squeeze(markdown)):
        order = [
            text.index(squeeze(h))
            for h in (
                "Counterpart brief: United States meeting China",
                "Where we agree · 1",
                "Where we differ · 2",
                "Where they are silent or have no record: what to ask · 1",
                # 4: China's first own words on 'no escalation' replaced Lu Chao's reading (not a move).
                "What changed since 2024-10-31 · 4",
                "Stance matrix",
                "Readings and evidence",
            )
        ]
        assert order == sorted(order)
        assert squeeze("China: Broke silence") in text
        # Three shared issues are too few to rate (the one rule: ten), with the period they span.
        # The period runs from the US readings (10-31) to China's answer (11-01); no record is said.
        assert (
            squeeze(
                "weighted kappa: too few shared issues to rate "
                "(2024-10-31 to 2024-11-01, n = 3; left out: 4 no record)"
            )
            in text
        )


def test_word_has_the_marking_and_page_fields_in_header_and_footer(made) -> None:
    words = word_text(made(LATEST, "docx"))
    assert words.header == MARKING
    assert words.footer.startswith(MARKING)
    assert re.search(r"<w:instrText[^>]*>PAGE</w:instrText>", words.footer_xml)
    assert re.search(r"<w:instrText[^>]*>NUMPAGES</w:instrText>", words.footer_xml)
    assert words.pictures == 1  # the matrix, as a PNG


def test_word_quotes_word_for_word_names_assessors_and_links_back(made, seed) -> None:
    latest, article = word_text(made(LATEST, "docx")), word_text(made(ARTICLE, "docx"))
    body = "\n".join(latest.body)
    for quote in seed.quotes.itertuples(index=False):
        assert str(quote.text) in body, quote.text
    assert "China (States): Neutral (0) — said it (quoted) · medium confidence · as of 2024-11-01" in body
    assert "inferred by Shi Yinhong" in "\n".join(article.body)
    link = link_for(BASE, selection_of(seed, ARTICLE))
    assert link in article.external_links and f"This view: {link}" in article.body


def test_word_has_the_matrix_as_an_editable_table_of_glyphs(made) -> None:
    body = word_text(made(LATEST, "docx")).body
    start = body.index("Actor")  # the table's first cell
    assert body[start + 1] == "North Korean troops in Russia"
    china = body.index("China", start)
    # Beijing's own words of 2024-11-01, a report, Lu Chao's inference, no record, two of its own
    assert body[china + 1 : china + 8] == ["0", "0", "−ʳ", "−?", "·", "+", "+"]


def test_svg_is_the_matrix_with_every_row_and_the_legend(made, seed) -> None:
    root = svg_tree(made(LATEST, "svg"))
    texts = svg_texts(root)
    built = note.build(seed, selection_of(seed, LATEST))
    rows = [actor for actor, _ in built.table_rows]
    assert len(rows) == len(seed.actors) == 23
    for actor in rows:
        assert actor in texts or any(t.endswith("…") and actor.startswith(t[:-1]) for t in texts)
    assert "How to read the matrix" in texts
    assert any(t.startswith("Silent (on record)") for t in texts)
    assert not list(root.iter(f"{SVG}image")) and not list(root.iter(f"{SVG}script"))


def test_png_is_drawn_from_the_same_spec_at_twice_the_size(made) -> None:
    root = svg_tree(made(LATEST, "svg"))
    image = Image.open(io.BytesIO(made(LATEST, "png")))
    assert image.format == "PNG"
    assert image.size == (2 * int(root.attrib["width"]), 2 * int(root.attrib["height"]))


@pytest.mark.slow
def test_a_un_brief_says_beside_its_figures_that_consensus_resolutions_are_left_out(unvotes) -> None:
    selection = selection_of(unvotes, "view=brief&actor=us&vs=cn")
    coverage = squeeze(unvotes.meta.coverage)
    assert "consensus" in coverage
    # document.render is make(build(...)): the note of the UN votes is built once for the three files.
    built = build(unvotes, selection, link=link_for(BASE, selection), now=NOW)
    rendered = {suffix: document.make(built, suffix) for suffix in ("md", "docx", "pdf")}
    texts = {
        "md": rendered["md"].decode(),
        "docx": "\n".join(word_text(rendered["docx"]).body),
        # pypdf reads some runs of the PDF's DejaVu subset as UTF-16 with a NUL before each
        # character (poppler's pdftotext reads them plainly): the NULs are the reader's.
        "pdf": pdf_text(rendered["pdf"]).replace("\x00", ""),
    }
    for suffix, text in texts.items():
        flat = squeeze(text)
        figures = flat.index(
            squeeze(
                "Coincidence 22% (1971–2020, n = 3,157; 95% interval 21% to 24%; left out: 1,339 neutral, "
                "1,707 no record)"
            )
        )
        assert flat.index(coverage, figures) < flat.index(squeeze("Where we agree"), figures), suffix


def test_a_picture_alone_carries_title_marking_dates_filters_sources_and_link(made, seed) -> None:
    query = "actor=china&actor=south-korea"
    # the title block's lines, each a tspan (the block is drawn after the chart)
    texts = ["".join(t.itertext()) for t in svg_tree(made(query, "svg")).iter(f"{SVG}tspan")]
    start = texts.index(MARKING)
    assert texts[start + 1] == seed.meta.title
    head = " ".join(texts[start : start + 12])
    assert "Records as of 2024-11-02 · picture made 2026-12-01 12:00 UTC" in head
    assert "Filters: Actors: China, South Korea" in head
    # the publishers the shown cells rest on, most cited first: AFP's and TASS's Beijing reports
    assert "Sources: " in head and "AFP" in head and "TASS" in head
    # the link back, wrapped over lines (a line holds 110 characters) but whole
    assert "View:http://localhost:8501/?briefing=nk-troops-russia&actor=china&actor=south-korea" in "".join(
        texts[start : start + 12]
    ).replace(" ", "")
    # the note's PDF draws the matrix without that block: the note's own header says it
    drawn = document._svg(note.build(seed, selection_of(seed, query)), legend=False)
    assert drawn is not None and MARKING not in svg_texts(svg_tree(drawn.encode()))


def test_a_picture_never_cuts_an_issue_or_actor_name(seed) -> None:
    """Every axis label whole (the page cuts at 180 px and shows the rest in a tooltip; a picture
    has no tooltip), however long the issue's title."""
    long_title = (
        "Whether the Democratic People's Republic of Korea's deployment of troops to the "
        "Kursk region breaches Security Council resolutions 1718 and 2397"
    )
    built = note.build(seed, selection_of(seed, "actor=china"))
    cells = built.cells.copy()
    cells.loc[cells["issue"] == "china-restrain-nk", "issue_title"] = long_title
    spec = picture.picture_spec(cells, note=built)
    limits = re.findall(r'"labelLimit":\s*(\d+)', json.dumps(spec))
    assert limits and set(limits) == {"0"}
    texts = svg_texts(svg_tree(picture.svg(cells, note=built).encode()))
    assert long_title in texts
    assert "China" in texts
