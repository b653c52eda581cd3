"""Article readers: one module per input format behind one interface, and the checks every input
passes (not empty, not binary, not too long, English).

`read_article(path)` and `article_from_text(text)` return an `Article`: the cleaned text every
offset indexes, and what the file says about itself (title, publisher, date, URL), if anything.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dashboard.extract import MAX_BYTES
from dashboard.extract.readers.base import MAX_CHARACTERS, Article, InputError, checked
from dashboard.extract.readers.docx import read_docx
from dashboard.extract.readers.html import read_html
from dashboard.extract.readers.pdf import read_pdf
from dashboard.extract.readers.txt import read_txt

READERS: dict[str, Callable[[bytes, str], Article]] = {
    ".txt": read_txt,
    ".text": read_txt,
    ".md": read_txt,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
    ".docx": read_docx,
}


def read_article(path: Path) -> Article:
    name = str(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(
            name, f"cannot read '{path.suffix or 'no suffix'}' files: use one of {', '.join(sorted(READERS))}"
        )
    if not path.is_file():
        raise InputError(name, "no such file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(name, f"{size:,} bytes is more than the {MAX_BYTES:,} an article may have")
    return checked(reader(path.read_bytes(), name), name)


def read_unchecked(name: str, data: bytes) -> Article:
    """A file's bytes read by its name's suffix, within the size bound, before the text's own checks
    (which differ for English drafting, `read_upload`, and entry by hand, `manual`)."""
    suffix = Path(name).suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        raise InputError(
            name, f"cannot read '{suffix or 'no suffix'}' files: use one of {', '.join(sorted(READERS))}"
        )
    if len(data) > MAX_BYTES:
        raise InputError(name, f"{len(data):,} bytes is more than the {MAX_BYTES:,} an article may have")
    return reader(data, name)


def read_upload(name: str, data: bytes) -> Article:
    """An uploaded file, read by its name's suffix (the page's file picker)."""
    return checked(read_unchecked(name, data), name)


def article_from_text(text: str, name: str = "pasted text") -> Article:
    return checked(read_txt(text.encode("utf-8"), name), name)


__all__ = [
    "Article",
    "InputError",
    "MAX_BYTES",
    "MAX_CHARACTERS",
    "READERS",
    "article_from_text",
    "read_article",
    "read_unchecked",
    "read_upload",
]
