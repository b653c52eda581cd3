"""The one function the page and `python -m dashboard note` call: a view's note (or its matrix
picture) as the bytes of a file, in the format its name ends with.

| suffix | what | made by |
|---|---|---|
| `.pdf` | the note to print | WeasyPrint, from the note's HTML; the matrix as SVG |
| `.docx` | the note to edit in Word | python-docx; the matrix as PNG and as a table |
| `.md` | the note as Markdown | `note.markdown` |
| `.svg`, `.png` | the matrix and its legend, for slides | vl-convert, from the page's chart spec |
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from dashboard.briefing import Briefing
from dashboard.note.markdown import markdown
from dashboard.note.model import Note, build
from dashboard.selection import Selection


class NothingToDraw(ValueError):
    """The view has no cell to draw: there is no matrix picture to make."""


def _svg(note: Note, legend: bool = True) -> str | None:
    from dashboard.note import picture  # Altair and vl-convert: only for a picture, not for Markdown

    return picture.svg(note.cells, note.selected, legend=legend) if not note.cells.empty else None


def _png(note: Note) -> bytes | None:
    from dashboard.note import picture

    return picture.png(note.cells, note.selected) if not note.cells.empty else None


def _alone_svg(note: Note) -> str | None:
    """The picture on its own (a slide): it carries the note's title, marking, dates, filters and
    sources itself."""
    from dashboard.note import picture

    return None if note.cells.empty else picture.svg(note.cells, note.selected, note=note)


def _alone_png(note: Note) -> bytes | None:
    from dashboard.note import picture

    return None if note.cells.empty else picture.png(note.cells, note.selected, note=note)


def _pdf(note: Note) -> bytes:
    from dashboard.note import picture
    from dashboard.note.pdf import pdf

    # Matrix and legend as two pictures: a small matrix then fits under the first page's text.
    return pdf(note, _svg(note, legend=False), picture.legend_svg())


def _docx(note: Note) -> bytes:
    from dashboard.note.word import docx

    return docx(note, _png(note))


def _picture(draw: Callable[[Note], str | bytes | None]) -> Callable[[Note], bytes]:
    def made(note: Note) -> bytes:
        drawn = draw(note)
        if drawn is None:
            raise NothingToDraw(
                "No positions match these filters: there is no matrix to draw. Widen the filters."
            )
        return drawn.encode("utf-8") if isinstance(drawn, str) else drawn

    return made


@dataclass(frozen=True)
class Format:
    label: str  # what the download button says
    mime: str
    make: Callable[[Note], bytes]
    picture: bool = False  # the matrix alone, not the whole note
    native: bool = True  # made by a native renderer (vl-convert, WeasyPrint, lxml): in a worker


FORMATS: dict[str, Format] = {
    "pdf": Format("Briefing note (PDF)", "application/pdf", _pdf),
    "docx": Format(
        "Briefing note (Word)",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _docx,
    ),
    "md": Format(
        "Briefing note (Markdown)", "text/markdown", lambda note: markdown(note).encode("utf-8"), native=False
    ),
    "png": Format("Matrix picture (PNG)", "image/png", _picture(_alone_png), picture=True),
    "svg": Format("Matrix picture (SVG)", "image/svg+xml", _picture(_alone_svg), picture=True),
}


def make(note: Note, suffix: str) -> bytes:
    """The note's file in the format `suffix` names (a key of FORMATS: pdf, docx, md, png, svg).
    The page calls this in a worker process (`workers`), where a renderer's crash or a runaway
    render costs one file, not the server."""
    return FORMATS[suffix.lower().lstrip(".")].make(note)


def render(
    briefing: Briefing,
    selection: Selection,
    suffix: str,
    *,
    link: str = "",
    problems: int = 0,
    now: datetime | None = None,
) -> bytes:
    """The view's note in the format `suffix` names, made in this process (the command line)."""
    return make(build(briefing, selection, link=link, problems=problems, now=now), suffix)
