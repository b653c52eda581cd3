"""PDF: the text layer, page by page; a scan without one is refused (run OCR first)."""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from dashboard.extract.readers.base import Article, InputError, parse_date


def read_pdf(data: bytes, name: str) -> Article:
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata
    except (PdfReadError, ValueError, OSError) as error:
        raise InputError(name, f"not a readable PDF ({error})") from None
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text.strip():
        raise InputError(name, f"{len(pages)} page(s) but no text layer: a scan? Run OCR on it "
                               "first, or paste the text")
    title = (meta.title or "") if meta else ""
    published = parse_date(meta.get("/CreationDate")) if meta else None
    return Article(text, title=str(title), published=published)
