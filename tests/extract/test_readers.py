"""Every input the extractor takes, and every input it refuses with a message that says why."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
import pytest
from pypdf import PdfWriter

from dashboard.extract.readers import MAX_CHARACTERS, InputError, article_from_text, read_article

ENGLISH = (
    "The minister said on Monday that the talks would resume next week. “We are ready,” she "
    "said, adding that the government had not changed its position on the border."
)


def pdf_with_text(text: str, title: str = "") -> bytes:
    """A one-page PDF whose text layer holds `text` (written by hand: no PDF library writes text)."""
    stream = f"BT /F1 11 Tf 50 750 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Title ({title}) /CreationDate (D:20241102120000Z) >>".encode("latin-1"),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, xref)
    )
    return out.getvalue()


def test_txt_is_read_unchanged_so_offsets_index_the_file(tmp_path: Path) -> None:
    raw = "2024-11-02 WASHINGTON\r\n" + ENGLISH + "\n\n  trailing spaces  \n"
    path = tmp_path / "a.txt"
    path.write_bytes(raw.encode("utf-8"))
    article = read_article(path)
    assert article.text == raw
    assert article.published == date(2024, 11, 2)
    assert article.title == "2024-11-02 WASHINGTON"


def test_html_keeps_the_article_and_drops_menus_and_footer(tmp_path: Path) -> None:
    page = f"""<html><head><title>Talks to resume</title>
    <meta property="og:site_name" content="Example Wire"><meta name="date" content="2024-11-02">
    <link rel="canonical" href="https://example.org/talks"></head>
    <body><nav><a href="/">Home</a> | <a href="/world">World</a> | Subscribe now</nav>
    <article><h1>Talks to resume</h1><p>{ENGLISH}</p><p>{ENGLISH}</p></article>
    <footer>Copyright 2024 Example Wire. All rights reserved. Cookie settings.</footer></body></html>"""
    path = tmp_path / "a.html"
    path.write_text(page, encoding="utf-8")
    article = read_article(path)
    assert "“We are ready,” she said" in article.text
    assert "Subscribe" not in article.text and "Cookie" not in article.text
    assert (article.title, article.publisher, article.published, article.url) == (
        "Talks to resume",
        "Example Wire",
        date(2024, 11, 2),
        "https://example.org/talks",
    )


def test_pdf_text_layer_and_its_metadata(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(pdf_with_text(ENGLISH.replace("“", '"').replace("”", '"'), "Talks"))
    article = read_article(path)
    assert "talks would resume next week" in article.text
    assert (article.title, article.published) == ("Talks", date(2024, 11, 2))
    assert article.published_from == "metadata"  # the file's creation date: to be confirmed


def test_docx_paragraphs_and_core_properties(tmp_path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = "Talks to resume"
    document.add_paragraph(ENGLISH)
    document.add_paragraph("")
    document.add_paragraph(ENGLISH)
    path = tmp_path / "a.docx"
    document.save(str(path))
    article = read_article(path)
    assert article.title == "Talks to resume"
    assert article.text == ENGLISH + "\n\n" + ENGLISH


def _scanned_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "no text in it"),
        ("blank.txt", b"   \n\n  ", "no text in it"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("scan.pdf", _scanned_pdf(), "no text layer"),
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "not a readable PDF"),
        ("broken.docx", b"PK\x03\x04 not a zip", "not a readable .docx"),
        (
            "polish.txt",
            (
                "Rząd oświadczył w poniedziałek, że negocjacje zostaną wznowione w przyszłym "
                "tygodniu. Nie zmieni swojego stanowiska. "
            ).encode()
            * 5,
            "this reads as Polish, and drafting reads English, German, French, Russian",
        ),
        (
            "turkish.txt",
            ("Bakan pazartesi günü müzakerelerin gelecek hafta yeniden başlayacağını söyledi. ").encode() * 5,
            "this reads as Turkish",
        ),
        (
            "huge.txt",
            (ENGLISH + "\n").encode() * (MAX_CHARACTERS // len(ENGLISH) + 2),
            f"more than the {MAX_CHARACTERS:,}",
        ),
        ("slides.pptx", b"whatever", "cannot read '.pptx' files"),
    ],
)
def test_bad_input_gets_a_clear_message(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as error:
        read_article(path)
    assert message in str(error.value)
    assert str(path) in str(error.value)


def test_pasted_text_is_checked_the_same_way() -> None:
    assert article_from_text(ENGLISH).text == ENGLISH
    with pytest.raises(InputError, match="no text in it"):
        article_from_text("  ")


def test_an_upload_is_read_by_its_name() -> None:
    from dashboard.extract.readers import read_upload

    assert read_upload("article.TXT", ENGLISH.encode()).text == ENGLISH
    with pytest.raises(InputError, match=r"cannot read '\.exe' files"):
        read_upload("setup.exe", b"MZ")


def test_a_date_from_a_files_metadata_is_marked_as_such(tmp_path: Path) -> None:
    """A .docx's creation date (python-docx's own template says 2013) and an HTML page's meta date
    are the file's word, not the article's: the review asks the analyst to confirm them."""
    document = docx.Document()
    document.add_paragraph(ENGLISH)
    path = tmp_path / "a.docx"
    document.save(str(path))
    article = read_article(path)
    assert article.published is not None and article.published_from == "metadata"
    page = tmp_path / "a.html"
    page.write_text(
        f'<html><head><meta name="date" content="2024-11-02"></head><body><article>'
        f"<p>{ENGLISH}</p><p>{ENGLISH}</p></article></body></html>",
        encoding="utf-8",
    )
    assert read_article(page).published_from == "metadata"
    text = tmp_path / "a.txt"
    text.write_text("2024-11-02 WASHINGTON\n" + ENGLISH, encoding="utf-8")
    assert read_article(text).published_from != "metadata"  # a dateline: the article's own word
