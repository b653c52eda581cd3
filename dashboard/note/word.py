"""The note as a Word document (python-docx): what ministries edit before a meeting.

The same content as the PDF: the marking in every page's header and footer, page numbers (Word's
PAGE and NUMPAGES fields), the matrix as a picture (PNG) and as a table of glyphs to edit. Every
record string is written as a run's text (`escape.document_text`): Word never reads it as a field,
a link or formatting. A source becomes a hyperlink only when `escape.safe_url` allows it.
"""

from __future__ import annotations

import io
import struct

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from dashboard.escape import document_text, safe_url
from dashboard.note.counterpart import NoteBrief
from dashboard.note.model import NO_MARKING, Note, NoteIssue, NoteQuote, NoteReading, quote_body
from dashboard.vocabulary import QUOTE_KIND_LABELS, counted

PAGE_WIDTH, PAGE_HEIGHT, MARGIN = Cm(21.0), Cm(29.7), Cm(2.0)
PICTURE_WIDTH, PICTURE_HEIGHT = Cm(17.0), Cm(23.0)
MARKING_COLOUR = RGBColor(0x1F, 0x4E, 0x79)


def _text(
    paragraph: Paragraph,
    value: object,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
) -> None:
    run = paragraph.add_run(document_text(value))
    run.bold, run.italic = bold or None, italic or None
    if size:
        run.font.size = Pt(size)


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES): Word fills in the number on every page."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText" if text == instruction else "w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _hyperlink(paragraph: Paragraph, url: str) -> None:
    """The URL as a clickable link when it is a safe http(s) one; else as plain text."""
    safe = safe_url(url)
    if safe is None:
        _text(paragraph, url)
        return
    relation = paragraph.part.relate_to(safe, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:color")
    style.set(qn("w:val"), "1F4E79")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.extend([style, underline])
    text = OxmlElement("w:t")
    text.text = document_text(safe)
    text.set(qn("xml:space"), "preserve")
    run.extend([properties, text])
    link.append(run)
    paragraph._p.append(link)


def _page_setup(document: DocumentType, note: Note) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = section.top_margin = MARGIN
    section.bottom_margin = MARGIN
    marking = note.classification or NO_MARKING
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _text(header, marking, bold=True, size=8.5)
    header.runs[0].font.color.rgb = MARKING_COLOUR
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _text(footer, marking, bold=True, size=8.5)
    footer.runs[0].font.color.rgb = MARKING_COLOUR
    numbers = section.footer.add_paragraph()
    numbers.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _text(numbers, f"Generated {note.generated} · Page ", size=7.5)
    _field(numbers, "PAGE")
    _text(numbers, " of ", size=7.5)
    _field(numbers, "NUMPAGES")
    document.core_properties.title = document_text(note.title)[:250]
    document.styles["Normal"].font.size = Pt(9.5)


def _front(document: DocumentType, note: Note) -> None:
    document.add_heading(document_text(note.title), level=0)
    _text(document.add_paragraph(), f"As of {note.as_of} · Generated {note.generated}", size=8.5)
    if note.problems:
        _text(
            document.add_paragraph(),
            f"This briefing has {counted(note.problems, 'data errors')}: the "
            "records with errors are left out of this note.",
            bold=True,
        )
    if note.summary:
        _text(document.add_paragraph(), note.summary)
    _text(document.add_paragraph(), "Filters:", bold=True)
    for line in note.filters:
        _text(document.add_paragraph(style="List Bullet"), line)
    if note.link:
        paragraph = document.add_paragraph()
        _text(paragraph, "This view: ", bold=True)
        _hyperlink(paragraph, note.link)
    for line in [*note.remarks, *note.cuts]:
        _text(document.add_paragraph(), line, italic=True)


def _brief(document: DocumentType, brief: NoteBrief) -> None:
    document.add_heading(
        document_text(f"Counterpart brief: {brief.actor} meeting {brief.counterpart}"), level=1
    )
    _text(document.add_paragraph(), brief.summary)
    _text(document.add_paragraph(), brief.rules, italic=True, size=8.5)
    for group in brief.groups:
        document.add_heading(document_text(f"{group.title} · {len(group.rows) + group.more}"), level=2)
        if not group.rows:
            _text(document.add_paragraph(), "None.")
            continue
        changed = group.title.startswith("What changed")
        heads = ("Issue", "Actor", "Change") if changed else ("Issue", brief.actor, brief.counterpart)
        table = document.add_table(rows=1, cols=3, style="Table Grid")
        for cell, head in zip(table.rows[0].cells, heads, strict=True):
            _text(cell.paragraphs[0], head, bold=True, size=8.5)
        for row in group.rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, (row.issue, row.ours, row.theirs), strict=True):
                _text(cell.paragraphs[0], value, size=8.5)
        if group.more:
            _text(document.add_paragraph(), f"… and {group.more:,} more: narrow by topic or date.")
    if brief.said_did:
        document.add_heading("Said one thing, did another", level=2)
        for line in brief.said_did:
            _text(document.add_paragraph(style="List Bullet"), line)


def _png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, from the PNG's header (IHDR)."""
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)


def _matrix(document: DocumentType, note: Note, matrix_png: bytes | None) -> None:
    document.add_heading("Stance matrix", level=1)
    if not note.table_rows:
        _text(document.add_paragraph(), "No positions match these filters.")
        return
    if matrix_png:
        width, height = _png_size(matrix_png)
        if height * PICTURE_WIDTH > width * PICTURE_HEIGHT:  # tall: the page's height decides
            document.add_picture(io.BytesIO(matrix_png), height=PICTURE_HEIGHT)
        else:
            document.add_picture(io.BytesIO(matrix_png), width=PICTURE_WIDTH)
    _text(
        document.add_paragraph(),
        "The same matrix as a table, to edit (glyphs as in the picture's legend):",
        italic=True,
        size=8.5,
    )
    table = document.add_table(rows=1, cols=len(note.table_columns) + 1, style="Table Grid")
    for cell, head in zip(table.rows[0].cells, ["Actor", *note.table_columns], strict=True):
        _text(cell.paragraphs[0], head, bold=True, size=6.5)
    for actor, glyphs in note.table_rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, [actor, *glyphs], strict=True):
            _text(cell.paragraphs[0], value, size=7)


def _quote(document: DocumentType, quote: NoteQuote, about: str) -> None:
    head = document.add_paragraph()
    head.paragraph_format.left_indent = Cm(0.8)
    capacity = quote.capacity_text
    label = QUOTE_KIND_LABELS.get(quote.kind, "Paraphrase").upper()
    _text(head, label + (f" · {capacity}" if capacity and about else ""), size=7.5)
    words = document.add_paragraph(style="Quote")
    words.paragraph_format.left_indent = Cm(0.8)
    _text(words, quote_body(quote.kind, quote.text, quote.cut))
    if quote.translation:
        translated = document.add_paragraph()
        translated.paragraph_format.left_indent = Cm(0.8)
        _text(translated, quote.translation_label + ": ", italic=True, size=8)
        _text(translated, quote.translation, size=8)
    meta = document.add_paragraph()
    meta.paragraph_format.left_indent = Cm(0.8)
    _text(meta, quote.speaker, bold=True, size=8)
    _text(meta, (f" · {quote.who}" if quote.who else "") + f" · {quote.date} · {quote.publisher} · ", size=8)
    _text(meta, quote.source_title, italic=True, size=8)
    if quote.url:
        _text(meta, " · ", size=8)
        _hyperlink(meta, quote.url)
    if quote.context:
        context = document.add_paragraph()
        context.paragraph_format.left_indent = Cm(0.8)
        _text(context, f"Context: {quote.context}", size=8)


def _reading(document: DocumentType, reading: NoteReading) -> None:
    paragraph = document.add_paragraph()
    _text(paragraph, f"[{reading.glyph}] ", bold=True)
    _text(paragraph, reading.actor, bold=True)
    _text(paragraph, f" ({reading.actor_kind}): {reading.reading}")
    if reading.summary:
        _text(document.add_paragraph(), f"Summary: {reading.summary}")
    for quote in reading.evidence:
        _quote(document, quote, reading.actor)
    if reading.more_evidence:
        _text(
            document.add_paragraph(),
            f"… and {counted(reading.more_evidence, 'more evidence quotes')}: open the link.",
            italic=True,
        )


def _issue(document: DocumentType, issue: NoteIssue) -> None:
    document.add_heading(document_text(issue.title), level=2)
    proposition = document.add_paragraph()
    _text(proposition, "Proposition: ", bold=True)
    _text(proposition, issue.statement)
    if not issue.readings and not issue.alike:
        _text(document.add_paragraph(), "No reading in view.")
    for reading in issue.readings:
        _reading(document, reading)
    for alike in issue.alike:
        _text(
            document.add_paragraph(),
            f"[{alike.glyph}] {alike.reading}: {', '.join(alike.actors)} ({len(alike.actors)})",
        )
    if issue.more_readings:
        _text(
            document.add_paragraph(),
            f"… and {issue.more_readings} more readings: narrow by actor.",
            italic=True,
        )


def docx(note: Note, matrix_png: bytes | None) -> bytes:
    document = Document()
    _page_setup(document, note)
    _front(document, note)
    if note.brief:
        _brief(document, note.brief)
    if note.compare:
        document.add_heading("Comparison", level=1)
        for line in note.compare:
            _text(document.add_paragraph(style="List Bullet"), line)
    _matrix(document, note, matrix_png)
    if note.issues:
        document.add_heading("Readings and evidence, by issue", level=1)
    for issue in note.issues:
        _issue(document, issue)
    if note.other_quotes:
        document.add_heading("Other quotes in view", level=1)
        _text(document.add_paragraph(), "Words the view includes that no reading above cites.")
        for quote in note.other_quotes:
            _quote(document, quote, "")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
