"""The corpus of broken briefings, and a copy of one case to run `check` on.

Each case is a folder under corpus/: the broken briefing (a folder `mini/` or a single file) and
expect.yaml, which names the one problem `check` must report and the records that must survive.
Workbook and Parquet cases hold a recipe instead of a binary: the file is written at test time.
"""

from __future__ import annotations

import shutil
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml

CORPUS = Path(__file__).parent / "corpus"


def cases() -> list[str]:
    return sorted(p.name for p in CORPUS.iterdir() if (p / "expect.yaml").is_file())


def expectation(case: str) -> dict[str, Any]:
    return yaml.safe_load((CORPUS / case / "expect.yaml").read_text(encoding="utf-8"))


def write_workbook(mini, path: Path, build: dict[str, Any]) -> None:
    """The mini briefing as a workbook (dates as date cells, lists as 'a; b'), then the recipe's
    breakage: cells overwritten, or one sheet's XML cut in half."""
    mini.workbook(path, cells=build.get("cells", []))
    names = mini.sheets()
    if "truncate_sheet" in build:
        # openpyxl writes sheet N of the workbook as xl/worksheets/sheetN.xml.
        part = f"xl/worksheets/sheet{names.index(build['truncate_sheet']) + 1}.xml"
        whole = path.with_suffix(".whole")
        path.rename(whole)
        with zipfile.ZipFile(whole) as source, zipfile.ZipFile(path, "w") as target:
            for item in source.infolist():
                data = source.read(item.filename)
                target.writestr(item, data[: len(data) // 2] if item.filename == part else data)
        whole.unlink()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test that takes `corpus_name` runs once per case (test modules cannot import this file)."""
    if "corpus_name" in metafunc.fixturenames:
        metafunc.parametrize("corpus_name", cases())


@pytest.fixture(scope="session")
def corpus_names() -> list[str]:
    return cases()


def write_parquet(folder: Path, build: dict[str, Any]) -> None:
    """The recipe's records as a Parquet table file in place of the YAML one; a mapping becomes a
    struct column. `not_utf8` names a text column whose first cell gets a byte that is not UTF-8,
    which Arrow writes and reads back without a check."""
    path = folder / build["parquet"]
    path.with_suffix(".yaml").unlink()
    records = build["records"]
    fields = dict.fromkeys(key for record in records for key in record)  # from_pylist: first's only
    table = pa.table({key: [record.get(key) for record in records] for key in fields})
    if "not_utf8" in build:
        column = build["not_utf8"]
        cells = [
            b"\xff" + v.encode() if n == 0 else v.encode()
            for n, v in enumerate(table.column(column).to_pylist())
        ]
        offsets = [0]
        for cell in cells:
            offsets.append(offsets[-1] + len(cell))
        broken = pa.Array.from_buffers(
            pa.string(),
            len(cells),
            [None, pa.array(offsets, type=pa.int32()).buffers()[1], pa.py_buffer(b"".join(cells))],
        )
        table = table.set_column(table.column_names.index(column), column, broken)
    pq.write_table(table, path)


def write_large(folder: Path, build: dict[str, Any]) -> None:
    """Files too big to keep in the repository, written from a recipe: `text` is head + repeat x
    times + tail; `sparse` a file of `size` bytes that takes no disk (only its size is looked at);
    `zip_part` a part added to the workbook that unpacks `size` zero bytes from a few KB."""
    for text in build.get("text", []):
        path = folder / text["file"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            text.get("head", "") + text["repeat"] * text["times"] + text.get("tail", ""), encoding="utf-8"
        )
    for sparse in build.get("sparse", []):
        with (folder / sparse["file"]).open("r+b") as file:
            file.truncate(sparse["size"])
    for part in build.get("zip_part", []):
        with (
            zipfile.ZipFile(folder / part["workbook"], "a", zipfile.ZIP_DEFLATED) as archive,
            archive.open(part["name"], "w") as target,
        ):
            block = bytes(2**20)
            for _ in range(part["size"] // len(block)):
                target.write(block)


def write_parquet_dictionary(folder: Path, build: dict[str, Any]) -> None:
    """A positions table of `rows` rows whose text columns are all one dictionary entry, `text`:
    a few KB in the file, rows x len(text) bytes once decoded."""
    import numpy as np

    recipe = build["parquet_dictionary"]
    path = folder / recipe["file"]
    path.with_suffix(".yaml").unlink()
    one = pa.DictionaryArray.from_arrays(
        pa.array(np.zeros(recipe["rows"], dtype="int32")), pa.array([recipe["text"]])
    )
    table = pa.table(dict.fromkeys(("actor", "issue", "stance", "basis", "confidence"), one))
    pq.write_table(table, path, dictionary_pagesize_limit=2**30, compression="zstd")


@pytest.fixture
def corpus_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mini) -> Callable[[str], dict]:
    """Copies a case into tmp_path, builds its workbook if it has a recipe, and makes the copy the
    working folder, so problems name files as `mini/actors.yaml`. Returns the expectations."""

    def copy(case: str) -> dict[str, Any]:
        folder = shutil.copytree(CORPUS / case, tmp_path / case)
        expect = expectation(case)
        build = expect.get("build", {})
        if "workbook" in build:
            write_workbook(mini, folder / build["workbook"], build)
        if "parquet" in build:
            write_parquet(folder, build)
        if "parquet_dictionary" in build:
            write_parquet_dictionary(folder, build)
        write_large(folder, build)
        monkeypatch.chdir(folder)
        return expect

    return copy


def _safe_to_link(url: str) -> bool:
    """An address a page may link to, judged apart from dashboard/records.py: http(s), a host, and
    no character that could end a link or an attribute, or hide what the address is."""
    try:
        parts = urlsplit(url)
        host, _ = parts.hostname, parts.port  # a port that is no number raises
    except ValueError:
        return False
    return (
        url.lower().startswith(("http://", "https://"))
        and bool(host)
        and not any(c in "\"'`<>\\" or unicodedata.category(c)[0] in "CZ" for c in url)
    )


@pytest.fixture(scope="session")
def safe_to_link() -> Callable[[str], bool]:
    return _safe_to_link
