"""JSON: a list of records, or the list wrapped in the table's name."""

from __future__ import annotations

import json
from pathlib import Path


def test_table_file_may_wrap_its_list_in_the_table_name(load_clean, tmp_path: Path, mini) -> None:
    tables = mini.tables()
    folder = mini.folder(tmp_path / "mini", tables={**tables, "quotes": ""}, fmt="json")
    wrapped = json.dumps({"quotes": tables["quotes"]}, indent=2)
    (folder / "quotes.json").write_text(wrapped, encoding="utf-8")
    assert load_clean(folder) == mini.document()
