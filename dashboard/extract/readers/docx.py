"""Word (.docx): the paragraphs' text, with the document's title, author and creation date."""

from __future__ import annotations

import io
import zipfile

import docx

from dashboard.extract.readers.base import Article, InputError


def read_docx(data: bytes, name: str) -> Article:
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(name, f"not a readable .docx file ({error})") from None
    text = "\n\n".join(p.text for p in document.paragraphs if p.text.strip())
    core = document.core_properties
    created = core.created.date() if core.created else None
    return Article(text, title=core.title or "", publisher="", published=created)
