"""PDF: the text layer, page by page; a scan without one is refused (run OCR first).

pypdf reads what the file says, and a hostile file can say a lot: pages and text are bounded before
and while they are read, and any failure of the parser is the file's, said in words.
"""

from __future__ import annotations

import io

from pypdf import PdfReader

from dashboard.extract.readers.base import (
    MAX_CHARACTERS,
    MAX_PDF_PAGES,
    Article,
    InputError,
    parse_date,
)


def _damaged(name: str, error: Exception) -> InputError:
    reason = str(error) or type(error).__name__
    return InputError(name, f"not a readable PDF ({reason[:200]})")


def read_pdf(data: bytes, name: str) -> Article:
    try:
        reader = PdfReader(io.BytesIO(data))
        count = len(reader.pages)
    except Exception as error:  # pypdf raises many kinds on a damaged or hostile file
        raise _damaged(name, error) from None
    if count > MAX_PDF_PAGES:
        raise InputError(name, f"{count:,} pages, more than the {MAX_PDF_PAGES:,} a document may "
                               "have: split it, or paste the part you need")
    pages: list[str] = []
    characters = 0
    for number in range(count):
        try:
            text = (reader.pages[number].extract_text() or "").strip()
        except Exception as error:
            raise _damaged(name, error) from None
        characters += len(text)
        if characters > MAX_CHARACTERS:
            raise InputError(name, f"more than the {MAX_CHARACTERS:,} characters the extractor "
                                   "takes at once: split the document")
        if text:
            pages.append(text)
    if not pages:
        raise InputError(name, f"{count} page(s) but no text layer: a scan? Run OCR on it "
                               "first, or paste the text")
    try:
        meta = reader.metadata
        title = str(meta.title or "") if meta else ""
        published = parse_date(meta.get("/CreationDate")) if meta else None
    except Exception:  # metadata is a nicety: a damaged dictionary leaves it out
        title, published = "", None
    return Article("\n\n".join(pages), title=title, published=published)
