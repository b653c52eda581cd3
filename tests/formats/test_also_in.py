"""A quote's `also_in` (other sources carrying the same words) is a list of source ids like any
other: every format reads it, writes it and reads back what it wrote, and a wrong id is named."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dashboard.formats import FOLDER_FORMATS, write_briefing
from dashboard.formats.json import canonical
from dashboard.load import load_briefing
from dashboard.problems import errors


def with_also_in(mini: Any) -> dict[str, list[dict[str, Any]]]:
    tables = mini.tables()
    tables["sources"].append(
        {
            "id": "copy",
            "title": "The same story, elsewhere",
            "publisher": "Another",
            "published": "2024-11-03",
            "kind": "news",
        }
    )
    tables["quotes"][0]["also_in"] = ["copy"]
    return tables


@pytest.mark.parametrize("fmt", ["yaml", "json", "csv"])
def test_also_in_is_read_from_every_text_format(load_clean, tmp_path: Path, mini, fmt: str) -> None:
    tables = with_also_in(mini)
    document = load_clean(mini.folder(tmp_path / "mini", tables, fmt=fmt))
    assert document["quotes"][0]["also_in"] == ["copy"]
    assert "also_in" not in document["quotes"][1]  # optional: absent where not given
    assert document == {"briefing": mini.meta, **tables}


WRITTEN = [*[f"folder-{f}" for f in FOLDER_FORMATS], "one.json", "one.yaml", "book.xlsx"]


@pytest.mark.parametrize("dest", WRITTEN)
def test_also_in_survives_every_writer(load_clean, tmp_path: Path, mini, dest: str) -> None:
    source = mini.folder(tmp_path / "mini", with_also_in(mini))
    briefing, problems = load_briefing(source)
    assert errors(problems) == []
    target = tmp_path / "out" / ("mini" if dest.startswith("folder-") else dest)
    write_briefing(briefing, target, dest.removeprefix("folder-") if dest.startswith("folder-") else None)
    assert load_clean(target)["quotes"] == canonical(briefing)["quotes"]
    assert load_clean(target)["quotes"][0]["also_in"] == ["copy"]


def test_an_also_in_naming_no_source_is_an_error(tmp_path: Path, mini) -> None:
    tables = mini.tables()
    tables["quotes"][0]["also_in"] = ["nowhere"]
    _, problems = load_briefing(mini.folder(tmp_path / "mini", tables))
    assert "quote q1: also_in 'nowhere' is not a source id" in [p.message for p in errors(problems)]
