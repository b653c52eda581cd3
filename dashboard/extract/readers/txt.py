"""Plain text: the cleaned text is the file's own text, unchanged, so offsets index the file."""

from __future__ import annotations

from dashboard.extract.readers.base import Article, decode, first_date


def read_txt(data: bytes, name: str) -> Article:
    text = decode(data, name)
    first_line = text.strip().split("\n", 1)[0].strip() if text.strip() else ""
    title = first_line if 0 < len(first_line) <= 150 and not first_line.endswith(".") else ""
    return Article(text, title=title, published=first_date(text))
