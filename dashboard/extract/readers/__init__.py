"""Article readers: one module per input format behind one interface, and the checks every input
passes (not empty, not binary, not too long, English).

`read_article(path)` and `article_from_text(text)` return an `Article`: the cleaned text every
offset indexes, and what the file says about itself (title, publisher, date, URL), if anything.

The readers of web pages, PDF and Word files import their libraries (trafilatura, pypdf with
Pillow, lxml) when a file of theirs is first read, not when drafting starts: `extract` of a `.txt`
never loads them (about 0.4 s of its cold start).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from dashboard.extract import MAX_BYTES
from dashboard.extract.readers.base import MAX_CHARACTERS, Article, InputError, checked
from dashboard.extract.readers.txt import read_txt

Reader = Callable[[bytes, str], Article]


def _on_first_use(module: str, function: str) -> Reader:
    """The reader `function` of `dashboard.extract.readers.<module>`, imported when first called."""

    def read(data: bytes, name: str) -> Article:
        reader: Reader = getattr(importlib.import_module(f"{__name__}.{module}"), function)
        return reader(data, name)

    read.__name__ = read.__qualname__ = function
    return read


read_html = _on_first_use("html", "read_html")
read_pdf = _on_first_use("pdf", "read_pdf")
read_docx = _on_first_use("docx", "read_docx")

READERS: dict[str, Reader] = {
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
    "Reader",
    "article_from_text",
    "read_article",
    "read_docx",
    "read_html",
    "read_pdf",
    "read_txt",
    "read_unchecked",
    "read_upload",
]
