"""Word (.docx): the paragraphs' text, with the document's title and creation date (marked as the
file's metadata: the analyst confirms it is the publication date).

Read straight from the zip with lxml, not through python-docx: every bound (parts, unpacked size,
expansion, paragraphs, characters) is checked before the work it guards, a DTD or entity declaration
(which a Word file never has) is refused before parsing, and a damaged file is said to be one.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from dashboard.extract.readers.base import (
    MAX_CHARACTERS,
    MAX_EXPANSION,
    MAX_PARAGRAPHS,
    MAX_UNPACKED_BYTES,
    MAX_ZIP_ENTRIES,
    Article,
    InputError,
    MiB,
    parse_date,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCUMENT = "word/document.xml"
_CORE = "docProps/core.xml"
_DECLARATIONS = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_PARAGRAPH_TAGS = re.compile(rb"<w:p[ >/]")


def _checked_zip(data: bytes, name: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise InputError(name, f"not a readable .docx: it is damaged, or not a Word file ({error})") from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise InputError(
            name,
            f"this .docx has {len(entries):,} parts, more than the "
            f"{MAX_ZIP_ENTRIES:,} a document may have: not read",
        )
    total = sum(entry.file_size for entry in entries)
    if total > MAX_UNPACKED_BYTES:
        raise InputError(
            name,
            f"this .docx unpacks to {total / MiB:,.1f} MiB, more than the "
            f"{MAX_UNPACKED_BYTES // MiB} MiB a document may: not read, as a zip "
            "bomb would be. Save the text as .txt and upload that",
        )
    for entry in entries:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > MiB and ratio > MAX_EXPANSION:
            raise InputError(
                name,
                f"the part {entry.filename[:60]} of this .docx expands "
                f"{ratio:,.0f} times (a document's expand at most "
                f"{MAX_EXPANSION}): not read, as a zip bomb would be",
            )
    return archive


def _part(archive: zipfile.ZipFile, part: str, name: str) -> bytes:
    try:
        xml = archive.read(part)
    except KeyError:
        raise InputError(name, f"this is not a Word document: it has no {part}") from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise InputError(name, f"this .docx is damaged: {part} cannot be unpacked ({error})") from None
    if _DECLARATIONS.search(xml[:65536]):
        raise InputError(
            name, f"{part} declares a DTD or entities, which a Word document never does: not read"
        )
    return xml


def _parser_events(xml: bytes) -> etree.iterparse:
    return etree.iterparse(
        io.BytesIO(xml),
        events=("end",),
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
    )


_RUN_TEXT = {f"{W}t": None, f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}


def _paragraph_text(paragraph: etree._Element) -> str:
    parts = []
    for element in paragraph.iter(*_RUN_TEXT):
        fixed = _RUN_TEXT[element.tag]
        parts.append(element.text or "" if fixed is None else fixed)
    return "".join(parts)


def _paragraphs(xml: bytes, name: str) -> list[str]:
    count = len(_PARAGRAPH_TAGS.findall(xml))
    if count > MAX_PARAGRAPHS:
        raise InputError(
            name,
            f"this .docx has {count:,} paragraphs, more than the "
            f"{MAX_PARAGRAPHS:,} an article may have: split the document",
        )
    paragraphs: list[str] = []
    characters = 0
    try:
        for _, element in _parser_events(xml):
            if element.tag != f"{W}p":
                continue
            text = _paragraph_text(element)
            element.clear()  # a paragraph inside another (a text box) is read once, on its own
            if text.strip():
                paragraphs.append(text)
                characters += len(text) + 2
                if characters > MAX_CHARACTERS:
                    raise InputError(
                        name,
                        f"more than the {MAX_CHARACTERS:,} characters the "
                        "extractor takes at once: split the document",
                    )
    except etree.XMLSyntaxError as error:
        raise InputError(
            name, f"this .docx is damaged: its text ({_DOCUMENT}) is not well-formed XML ({error.msg})"
        ) from None
    return paragraphs


def _properties(archive: zipfile.ZipFile) -> tuple[str, str]:
    """The document's title and creation date, if its core properties are readable."""
    if _CORE not in archive.namelist():
        return "", ""
    try:
        xml = _part(archive, _CORE, "")
        found = {
            element.tag.rsplit("}", 1)[-1]: (element.text or "").strip() for _, element in _parser_events(xml)
        }
    except (InputError, etree.XMLSyntaxError):
        return "", ""
    return found.get("title", ""), found.get("created", "")


def read_docx(data: bytes, name: str) -> Article:
    archive = _checked_zip(data, name)
    text = "\n\n".join(_paragraphs(_part(archive, _DOCUMENT, name), name))
    title, created = _properties(archive)
    # When the file was made (2013-12-23T23:15:00Z): not necessarily when the article was published.
    published = parse_date(created[:10])
    return Article(
        text, title=title, publisher="", published=published, published_from="metadata" if published else ""
    )
