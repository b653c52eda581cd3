"""Reading the note's files back as a person's tools would: the PDF's text per page and what sits in
its top and bottom margins, its link annotations; the Word file's paragraphs, tables, header and
footer; the SVG as XML."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

import docx
from pypdf import PdfReader

MARGIN_POINTS = 60  # the PDF's page margins are about 20 mm (57 pt)


def squeeze(text: str) -> str:
    """Text without whitespace: a line break where the PDF wrapped a quote is not a change of word."""
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class PdfPage:
    text: str
    top: str  # text drawn within MARGIN_POINTS of the top edge
    bottom: str  # ... of the bottom edge
    links: tuple[str, ...]  # URIs of the page's link annotations


def _margins(page: object, height: float) -> tuple[str, str, str]:
    """The page's text, and what of it sits in the top and in the bottom margin."""
    top: list[str] = []
    bottom: list[str] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        y = cm[3] * tm[5] + cm[5]  # WeasyPrint draws with a flipped, scaled matrix
        if y > height - MARGIN_POINTS:
            top.append(text)
        elif y < MARGIN_POINTS:
            bottom.append(text)

    text = page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return text, " ".join(top), " ".join(bottom)


def pdf_pages(data: bytes) -> list[PdfPage]:
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        text, top, bottom = _margins(page, float(page.mediabox.height))
        links = tuple(
            str(a.get_object()["/A"]["/URI"])
            for a in page.get("/Annots", [])
            if "/A" in a.get_object() and "/URI" in a.get_object()["/A"]
        )
        pages.append(PdfPage(text, top, bottom, links))
    return pages


@dataclass(frozen=True)
class WordText:
    body: list[str]  # paragraphs, then each table cell's text, in document order of each
    header: str
    footer: str
    footer_xml: str
    external_links: list[str]  # hyperlink targets
    pictures: int


def word_text(data: bytes) -> WordText:
    document = docx.Document(io.BytesIO(data))
    body = [p.text for p in document.paragraphs]
    for table in document.tables:
        body += [cell.text for row in table.rows for cell in row.cells]
    section = document.sections[0]
    footer_xml = section.footer._element.xml
    links = [r.target_ref for r in document.part.rels.values() if r.is_external]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        pictures = len([n for n in archive.namelist() if n.startswith("word/media/")])
    return WordText(
        body,
        "\n".join(p.text for p in section.header.paragraphs),
        "\n".join(p.text for p in section.footer.paragraphs),
        footer_xml,
        links,
        pictures,
    )


SVG = "{http://www.w3.org/2000/svg}"


def svg_tree(data: bytes) -> ElementTree.Element:
    return ElementTree.fromstring(data)


def svg_texts(root: ElementTree.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
