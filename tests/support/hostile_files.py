"""Article files built to hurt a parser: zip bombs, endless paragraphs, entity declarations, deep
nesting, cut-short files, PDF bombs. Each is small to build and to hold; what it would cost if read
naively is in its docstring."""

from __future__ import annotations

import io
import zipfile
import zlib

_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
    b'.org/package/2006/content-types"><Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
    b'document.main+xml"/></Types>'
)
W_NS = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(
    document_xml: bytes, extra: dict[str, bytes] | None = None, *, compression: int = zipfile.ZIP_DEFLATED
) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


def body(paragraphs: bytes) -> bytes:
    return b'<?xml version="1.0"?><w:document ' + W_NS + b"><w:body>" + paragraphs + b"</w:body></w:document>"


def docx_article(text: str) -> bytes:
    return docx(
        body(
            b"".join(b"<w:p><w:r><w:t>" + line.encode() + b"</w:t></w:r></w:p>" for line in text.split("\n"))
        )
    )


def docx_bomb(megabytes: int = 300) -> bytes:
    """A ~1 MB-per-GB .docx whose one part unpacks to `megabytes` of spaces (read whole: that many
    megabytes of memory, then a parse of it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(body(b""))
            chunk = b" " * 2**20
            for _ in range(megabytes):
                part.write(chunk)
    return out.getvalue()


def docx_many_parts(parts: int = 5000) -> bytes:
    return docx(
        body(b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"), {f"word/media/p{i}.bin": b"" for i in range(parts)}
    )


def docx_paragraphs(count: int = 2_500_000) -> bytes:
    """2.5 million empty paragraphs, stored uncompressed (so no expansion bound catches it first):
    python-docx took minutes and gigabytes to list 3 million."""
    return docx(body(b"<w:p/>" * count), compression=zipfile.ZIP_STORED)


def docx_entities() -> bytes:
    """A DTD with an entity that expands a thousand times a thousand (a 'billion laughs')."""
    dtd = (
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    )
    return docx(
        dtd + b"<w:document " + W_NS + b"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>"
    )


def docx_deep(depth: int = 100_000) -> bytes:
    """Elements nested 100,000 deep (stored: no expansion bound catches it first)."""
    return docx(
        body(b"<w:p>" + b"<w:r>" * depth + b"</w:r>" * depth + b"</w:p>"), compression=zipfile.ZIP_STORED
    )


def docx_cut_short(text: str) -> bytes:
    whole = docx_article(text)
    return whole[: len(whole) * 2 // 3]


def docx_bad_xml() -> bytes:
    return docx(b'<?xml version="1.0"?><w:document ' + W_NS + b"><w:body><w:p><w:r><w:t>half")


def _pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF from numbered objects (1-based), with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, content in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + content + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    )
    return out.getvalue()


def pdf_page_count(count: int = 5_000) -> bytes:
    """5,000 pages (the same one, listed again and again): past the page bound."""
    kids = b" ".join([b"3 0 R"] * count)
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        ]
    )


def pdf_page_list(entries: int = 110_000) -> bytes:
    """A page tree whose one node lists the same page 110,000 times."""
    kids = b" ".join([b"3 0 R"] * entries)
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % entries,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        ]
    )


def pdf_stream_bomb(megabytes: int = 1024) -> bytes:
    """One page whose content stream inflates to a gigabyte (about 1 MB on disk)."""
    compressor = zlib.compressobj(9)
    chunk = b" " * 2**20
    packed = b"".join(compressor.compress(chunk) for _ in range(megabytes)) + compressor.flush()
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            stream,
        ]
    )


def html_paragraphs(count: int = 2_000_000) -> bytes:
    """2 million tiny paragraphs (16 MB): minutes of parsing for the page's main text."""
    return b"<html><body>" + b"<p>a</p>" * count + b"</body></html>"
