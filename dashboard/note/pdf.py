"""The note as PDF: WeasyPrint lays out the note's HTML and print stylesheet (paged media: the
marking in every page's top and bottom margin, page numbers, the generated-on line).

WeasyPrint fetches nothing: its URL fetcher accepts data: URLs only (the embedded matrix picture), so
no record text and no stylesheet can make it reach a file or the network.
"""

from __future__ import annotations

from dashboard.note import html
from dashboard.note.model import Note


def pdf(note: Note, matrix_svg: str | None, legend_svg: str) -> bytes:
    import weasyprint  # loads Pango and fonts: only when a PDF is asked for
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"})
    document = weasyprint.HTML(
        string=html.document(note, matrix_svg, legend_svg), url_fetcher=fetcher, base_url=None
    )
    return bytes(document.write_pdf())
