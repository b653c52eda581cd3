"""CSV: a header of field names, list cells separated by ';'."""

from __future__ import annotations

from pathlib import Path


def test_utf8_byte_order_mark_is_accepted_in_csv_header(load_clean, tmp_path: Path, mini) -> None:
    folder = mini.folder(tmp_path / "mini", fmt="csv")
    path = folder / "actors.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    # Without stripping the mark the first column would be '\ufeffid', an unknown field.
    assert load_clean(folder) == mini.document()
