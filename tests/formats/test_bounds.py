"""The bounds of dashboard/formats/limits.py: each refuses its file before the expensive work, with a
problem naming the file, and what is within them reads as before. The corpus (tests/hostile) has a
case past each bound; these look at how the refusal is made."""

from __future__ import annotations

import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml

from dashboard.formats import limits
from dashboard.formats.raw import RawBriefing, repeated
from dashboard.load import load_briefing
from dashboard.problems import errors
from dashboard.records import TABLE_BY_NAME


def test_a_header_of_100000_columns_is_refused_in_seconds(tmp_path: Path, mini) -> None:
    """The issue's own case: counting each name against all the others never finished."""
    folder = mini.folder(tmp_path / "mini", fmt="csv")
    (folder / "actors.csv").write_text(
        ",".join(f"c{n:07d}" for n in range(100_000)) + "\n", encoding="utf-8"
    )  # 900 KB
    started = time.perf_counter()
    _, problems = load_briefing(folder)
    assert time.perf_counter() - started < 10  # generous: once it did not end at all
    assert "mini/actors.csv: error: actors: more than 1,000 columns" in "\n".join(map(str, problems))


def test_duplicate_names_are_found_once_each_in_order() -> None:
    names = ["id", "name", "x", "name", "kind", "x", "name", *(f"c{n}" for n in range(50_000))]
    assert repeated(names) == ["name", "x"]


def test_every_column_named_alike_at_the_bound_is_one_problem(tmp_path: Path, mini) -> None:
    folder = mini.folder(tmp_path / "mini", fmt="csv")
    header = ",".join(["id", "kind"] + ["name"] * (limits.MAX_COLUMNS - 2))
    (folder / "actors.csv").write_text(header + "\n", encoding="utf-8")
    _, problems = load_briefing(folder)
    assert [str(p) for p in problems if "appears twice" in p.message] == [
        "mini/actors.csv:1: error: actors: column 'name' appears twice in the header"
    ]


def test_yaml_past_the_bound_is_refused_before_pyyaml_builds_anything(
    tmp_path: Path, mini, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = mini.folder(tmp_path / "mini")
    (folder / "issues.yaml").write_text("- a\n" * (limits.MAX_YAML_VALUES + 1), encoding="utf-8")
    from dashboard.formats import yaml as yaml_format

    yaml_format.COMPOSED.clear()  # every file composed here, none reused from an earlier test
    built = []
    monkeypatch.setattr(yaml.SafeLoader, "get_single_node", lambda self: built.append(self) or None)  # type: ignore[func-returns-value]
    try:
        _, problems = load_briefing(folder)
    finally:
        yaml_format.COMPOSED.clear()  # what this stand-in composer made (nothing) is no document
    assert any(
        p.file == "mini/issues.yaml" and f"more than {limits.MAX_YAML_VALUES:,} YAML values" in p.message
        for p in problems
    )
    assert len(built) == 5  # every other file of the mini briefing, not issues.yaml


@pytest.mark.parametrize("depth", [40, 100_000])  # libyaml itself gives up at 1,000
def test_yaml_nested_past_the_bound_is_refused_before_pyyaml_recurses(
    tmp_path: Path, mini, monkeypatch: pytest.MonkeyPatch, depth: int
) -> None:
    folder = mini.folder(tmp_path / "mini")
    (folder / "sources.yaml").write_text("[" * depth + "]" * depth + "\n", encoding="utf-8")
    monkeypatch.setattr(
        yaml.SafeLoader, "get_single_node", lambda self: pytest.fail("PyYAML's composer was called")
    )
    from dashboard.formats import yaml as yaml_format

    raw = RawBriefing("mini")
    yaml_format.read_table(folder / "sources.yaml", TABLE_BY_NAME["sources"], raw)
    assert [str(p) for p in raw.problems] == [
        "mini/sources.yaml:1: error: cannot parse YAML: lists or mappings are nested more than 32 "
        "deep; a briefing needs 5 at most"
    ]


def test_libyaml_counts_the_values(mini) -> None:
    """The count is only early when PyYAML was built with libyaml (the wheels are)."""
    assert yaml.__with_libyaml__


def test_commas_inside_quotes_do_not_count_as_json_values(
    tmp_path: Path, mini, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_JSON_VALUES", 200)
    tables = mini.tables()
    tables["quotes"][0]["text"] = "first, second, " * 500  # 1,000 commas, one value
    folder = mini.folder(tmp_path / "mini", tables, fmt="json")
    briefing, problems = load_briefing(folder)
    assert errors(problems) == []
    assert len(briefing.quotes) == 2

    tables["issues"] = [{"id": f"i{n}", "title": "T", "statement": "S."} for n in range(40)]
    folder = mini.folder(tmp_path / "more", tables, fmt="json")  # 40 x 7 values: past 200
    _, problems = load_briefing(folder)
    assert any(p.file == "more/issues.json" and "more than 200 JSON values" in p.message for p in problems)


def test_a_sheet_past_the_cell_bound_is_refused_the_others_read(
    tmp_path: Path, mini, workbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_SHEET_CELLS", 30)  # actors: 4 rows of 9 columns
    path = workbook(mini, tmp_path / "mini.xlsx")
    briefing, problems = load_briefing(path)
    assert (
        "mini.xlsx[actors]: error: actors: more than 3 rows of 9 columns (at most 30 cells and "
        "1,000,000 rows): the sheet is not read" in "\n".join(map(str, problems))
    )
    assert len(briefing.actors) == 0 and len(briefing.issues) == 1


def test_a_parquet_column_that_decompresses_far_more_than_it_takes_is_refused(tmp_path: Path, mini) -> None:
    folder = mini.folder(tmp_path / "mini")
    (folder / "sources.yaml").unlink()
    text = pa.array(["x" * 2**21, "y"])  # 2 MiB of one letter: zstd packs it into a few hundred bytes
    table = pa.table(
        {
            "id": ["article", "wire"],
            "title": text,
            "publisher": ["P", "P"],
            "published": ["2024-11-02"] * 2,
            "kind": ["news"] * 2,
        }
    )
    pq.write_table(table, folder / "sources.parquet", compression="zstd", use_dictionary=False)
    briefing, problems = load_briefing(folder)
    assert any(
        p.file == "mini/sources.parquet" and "column 'title' decompresses" in p.message for p in problems
    )
    assert len(briefing.sources) == 0 and len(briefing.actors) == 4


def test_a_file_past_the_size_bound_is_not_read_at_all(
    tmp_path: Path, mini, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = mini.folder(tmp_path / "mini", fmt="csv")
    with (folder / "positions.csv").open("r+b") as file:
        file.truncate(limits.MAX_FILE_BYTES + 1)  # sparse: reading it would give 32 MiB of NULs
    read = []
    original = Path.open

    def spy(path: Path, *args: object, **kwargs: object) -> object:
        handle = original(path, *args, **kwargs)  # type: ignore[call-overload]
        if path.name == "positions.csv":
            read.append(handle)
            handle.read = lambda *a: pytest.fail("the file was read")
        return handle

    monkeypatch.setattr(Path, "open", spy)
    _, problems = load_briefing(folder)
    size = limits.MAX_FILE_BYTES + 1
    assert (
        f"mini/positions.csv: error: the file is {limits.size(size)} ({size:,} bytes), more than "
        f"the {limits.size(limits.MAX_FILE_BYTES)} a briefing file may have" in "\n".join(map(str, problems))
    )
    assert read  # it was opened (to take its size from the open file), never read
