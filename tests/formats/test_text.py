"""Text files: UTF-8 with or without a byte order mark is read; anything else is refused, saying how
to save it."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.load import load_briefing


def test_utf8_byte_order_mark_is_accepted(load_clean, tmp_path: Path, mini) -> None:
    folder = mini.folder(tmp_path / "mini")
    for name in ("briefing.yaml", "actors.yaml"):
        path = folder / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_clean(folder) == mini.document()


def test_latin1_file_is_refused_with_the_line_of_the_first_bad_byte(tmp_path: Path, mini) -> None:
    folder = mini.folder(tmp_path / "mini")
    text = (folder / "actors.yaml").read_text(encoding="utf-8")
    line = text[: text.index("Lu Chao")].count("\n") + 1
    (folder / "actors.yaml").write_bytes(text.replace("Lu Chao", "Lü Chao").encode("latin-1"))
    _, problems = load_briefing(folder)
    found = [p for p in problems if p.file == "mini/actors.yaml"]
    assert [str(p) for p in found] == [
        f"mini/actors.yaml:{line}: error: byte 0xfc is not UTF-8 (the file looks like Latin-1 or "
        "Windows-1252): save it as UTF-8"
    ]


@pytest.mark.parametrize(
    ("encoding", "mark", "message"),
    [
        ("utf-16-le", "\ufeff", "file is UTF-16 text: save it as UTF-8"),  # Excel's "Unicode text"
        ("utf-16-be", "\ufeff", "file is UTF-16 text: save it as UTF-8"),
        ("utf-16-le", "", "file is UTF-16 text (without a byte order mark): save it as UTF-8"),
    ],
)
def test_utf16_file_is_refused(tmp_path: Path, mini, encoding: str, mark: str, message: str) -> None:
    folder = mini.folder(tmp_path / "mini", fmt="csv")
    text = (folder / "quotes.csv").read_text(encoding="utf-8")
    (folder / "quotes.csv").write_bytes((mark + text).encode(encoding))
    _, problems = load_briefing(folder)
    assert [str(p) for p in problems if p.file == "mini/quotes.csv"] == [f"mini/quotes.csv: error: {message}"]
