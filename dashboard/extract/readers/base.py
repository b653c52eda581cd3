"""What every reader returns, and the checks that keep bad input out."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS

from dashboard.extract import MAX_BYTES  # one bound: the server's upload limit reads it there
from dashboard.extract.languages import DRAFTED, LANGUAGES, identify, name_of

MiB = 2**20
MAX_CHARACTERS = 200_000  # about 30,000 words: a long report, drafted in under a minute
MIN_ENGLISH_SHARE = 0.2  # share of words that are common English words; English prose has 0.4-0.6
# Bounds on what a file may unpack to, each checked before the work it guards (docs/robustness.md).
MAX_UNPACKED_BYTES = 64 * MiB  # a .docx once unzipped (a 300-page report with pictures: ~20 MiB)
MAX_ZIP_ENTRIES = 2_000  # parts of one .docx (a long report has a few hundred at most)
MAX_EXPANSION = 200  # unpacked / packed size of one part over 1 MiB: more is a zip bomb
MAX_PARAGRAPHS = 20_000  # of a .docx or an HTML page's text
MAX_HTML_TAGS = 200_000  # tags of one page (a long news page has a few thousand)
MAX_PDF_PAGES = 1_000  # of one PDF (its text is bounded by MAX_CHARACTERS too)
ARTICLE_BOUNDS: dict[str, tuple[int, str]] = {
    "file size": (MAX_BYTES, "bytes, any file (and the server's upload limit)"),
    "text": (MAX_CHARACTERS, "characters once read"),
    "unpacked size": (MAX_UNPACKED_BYTES, "bytes, .docx"),
    "parts": (MAX_ZIP_ENTRIES, "zip entries, .docx"),
    "expansion ratio": (MAX_EXPANSION, "times, one .docx part over 1 MiB"),
    "paragraphs": (MAX_PARAGRAPHS, ".docx"),
    "tags": (MAX_HTML_TAGS, ".html"),
    "pages": (MAX_PDF_PAGES, ".pdf"),
}


class InputError(ValueError):
    """A file that cannot be drafted from; the message says why and what would work."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name, self.reason = name, message

    def __reduce__(self) -> tuple[object, ...]:  # raised in a worker process, read in the server
        return (InputError, (self.name, self.reason))


@dataclass(frozen=True)
class Article:
    text: str  # the cleaned text; every span's offsets index it
    title: str = ""
    publisher: str = ""
    published: date | None = None
    url: str = ""
    name: str = ""  # the file it came from
    # Where `published` came from: "text" (a dateline), "metadata" (the file's own properties, such
    # as a .docx's creation date or an HTML page's meta tags: the analyst confirms it), "" unsaid.
    published_from: str = ""
    language: str = ""  # ISO 639-1, as identified when the article was checked ("" not yet)


def decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(
            name, "this is a binary file, not text (save the article as .txt, .html, .pdf or .docx)"
        )
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(name, "the text is neither UTF-8 nor Windows-1252: save it as UTF-8")


_ISO_DATE = re.compile(r"\b(20\d\d|19\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")


def first_date(text: str) -> date | None:
    """A YYYY-MM-DD date near the top (a dateline), if there is one."""
    match = _ISO_DATE.search(text[:400])
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def parse_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        match = _ISO_DATE.search(value)
        if match:
            return first_date(match[0])
        pdf = re.match(r"D:(\d{4})(\d{2})(\d{2})", value)
        if pdf:
            try:
                return date(int(pdf[1]), int(pdf[2]), int(pdf[3]))
            except ValueError:
                return None
    return None


def english_share(text: str) -> float:
    words = re.findall(r"[^\W\d_]+", text[:20_000].lower())
    if not words:
        return 0.0
    return sum(w in STOP_WORDS for w in words) / len(words)


def checked(article: Article, name: str) -> Article:
    text = article.text
    if not text.strip():
        raise InputError(name, "no text in it (an empty file, or a page with no article text)")
    if len(text) > MAX_CHARACTERS:
        raise InputError(
            name,
            f"{len(text):,} characters is more than the {MAX_CHARACTERS:,} the "
            "extractor takes at once: split the document",
        )
    return replace(article, name=name, language=drafted_language(text, name))


def drafted_language(text: str, name: str) -> str:
    """The language drafting will read the text in; InputError when it reads none of them."""
    code, _ = identify(text)
    if code in LANGUAGES:
        return code
    share = english_share(text)
    if code == "en" or share >= MIN_ENGLISH_SHARE:
        return "en"
    raise InputError(
        name,
        f"this reads as {name_of(code)}, and drafting reads "
        f"{', '.join(name_of(c) for c in DRAFTED)}: enter the quotes by hand",
    )
