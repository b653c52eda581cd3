"""The two ways a table's own fields are checked give the same result: row by row
(`field_checks.own_fields`) and once per distinct value (`formats/distinct.py`, the path a table
of 20,000 rows or more takes). The same problems, word for word, at the same lines, in the same
order, and the same records kept, on every case of the hostile corpus and on UN votes with faults
put in, each path forced for every table whatever its size."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dashboard.briefing import Briefing
from dashboard.formats import read_briefing
from dashboard.formats.limits import MAX_REPEATS
from dashboard.problems import Problem
from dashboard.validate import validate

TESTS = Path(__file__).resolve().parents[1]
UNVOTES = TESTS.parent / "data" / "unvotes"
FRAMES = ("actors", "issues", "sources", "quotes", "positions", "blocs", "quote_issues", "evidence")


def _hostile() -> ModuleType:
    """tests/hostile/conftest.py, for its corpus and the recipes that build its binary cases (a
    conftest is not importable by name from another folder)."""
    spec = importlib.util.spec_from_file_location("hostile_corpus", TESTS / "hostile" / "conftest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HOSTILE = _hostile()
# Every case runs in `make test`; these in the fast loop too: each format, each kind of cell (a
# structure, a list where one value belongs), a field's own line (YAML), an id given twice, a
# reference to a record set aside, a control character, an address that is not one.
QUICK = {
    "duplicate-id",
    "duplicate-id-csv",
    "mapping-where-text-belongs",
    "list-where-date-belongs",
    "parquet-struct-for-text",
    "parquet-list-for-text",
    "xlsx-stance-outside-vocabulary",
    "source-url-bidi",
    "represents-chain-to-broken",
    "unknown-evidence",
    "yaml-control-character",
    "date-in-words",
}


def both_paths(path: Path, folder_id: str | None) -> list[tuple[Briefing, list[Problem]]]:
    """Read twice (nothing validation does can then reach the other path's input), validated row
    by row and by distinct values."""
    return [validate(read_briefing(path), folder_id, by_distinct_from=every) for every in (None, 0)]


def assert_same(by_row: tuple[Briefing, list[Problem]], by_value: tuple[Briefing, list[Problem]]) -> None:
    assert [str(p) for p in by_value[1]] == [str(p) for p in by_row[1]]
    assert by_value[1] == by_row[1]  # fields and counts too
    assert by_value[0].meta == by_row[0].meta
    for name in FRAMES:
        pd.testing.assert_frame_equal(getattr(by_value[0], name), getattr(by_row[0], name), check_exact=True)


@pytest.mark.parametrize(
    "case", [pytest.param(c, marks=() if c in QUICK else pytest.mark.slow) for c in HOSTILE.cases()]
)
def test_every_hostile_case_gives_the_same_problems_and_records_by_either_path(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mini: Any
) -> None:
    folder = shutil.copytree(HOSTILE.CORPUS / case, tmp_path / case)
    expect = HOSTILE.expectation(case)
    build = expect.get("build", {})
    if "workbook" in build:
        HOSTILE.write_workbook(mini, folder / build["workbook"], build)
    if "parquet" in build:
        HOSTILE.write_parquet(folder, build)
    if "parquet_dictionary" in build:
        HOSTILE.write_parquet_dictionary(folder, build)
    HOSTILE.write_large(folder, build)
    monkeypatch.chdir(folder)
    path = Path(expect["path"])
    by_row, by_value = both_paths(path, path.name if path.is_dir() else None)
    assert_same(by_row, by_value)


# ------------------------------------------------------------------ UN votes with faults put in

ROWS = 3_000
# Each fault: the field, the values written in its place, and how many rows get one (more than
# MAX_REPEATS for some, so "N more like the above" is counted on both paths).
FAULTS: tuple[tuple[str, tuple[Any, ...], int], ...] = (
    ("stance", ("supprt", "Strongly Support", " oppose ", "", None, "yes"), 60),
    ("confidence", ("certain",), MAX_REPEATS + 40),
    ("basis", ("Action", "stated", "inferred", "guessed"), 60),
    ("actor", ("no-such-state", "has space", None, "  us  "), 40),
    ("issue", ("rc-0", None), 30),
    ("as_of", ("2019-02-30", "yesterday", "1946-13-01", " 1990-05-05 ", None), 50),
    ("summary", ("a \x1b[31mred\x1b[0m word", "right\u202eto left", "  "), 30),
    ("assessed_by", ("us", "nobody-here", "fr"), 30),
    ("source", ("no-such-source", None), 30),
)
EVIDENCE = (["q-none"], [f"q-{n}" for n in range(15)], [" ", "q-x"])


@pytest.fixture(scope="module")
def un_positions() -> pd.DataFrame:
    """The UN votes' 870,109 positions, read once for the module's tests (about 1 s of CPU a read):
    each test takes its sample as a new frame and never changes this one."""
    return pq.read_table(UNVOTES / "positions.parquet").to_pandas()


def _with_faults(positions: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    rows = np.sort(rng.choice(len(positions), size=ROWS, replace=False))
    sample = positions.iloc[rows].reset_index(drop=True)
    sample["as_of"] = sample["as_of"].astype(str)
    for field, values, count in FAULTS:
        chosen = rng.choice(ROWS, size=count, replace=False)
        sample[field] = sample[field].astype(object)
        for row in chosen:
            sample.at[row, field] = values[int(rng.integers(len(values)))]
    sample["evidence"] = [list(cell) for cell in sample["evidence"]]
    for row in rng.choice(ROWS, size=20, replace=False):
        sample.at[row, "evidence"] = EVIDENCE[int(rng.integers(len(EVIDENCE)))]
    # The same actor, issue and day twice (a repeated position), and a row repeated whole.
    repeats = sample.iloc[rng.choice(ROWS, size=25, replace=False)]
    return (
        pd.concat([sample, repeats], ignore_index=True).sample(frac=1, random_state=7).reset_index(drop=True)
    )


def _briefing(folder: Path, positions: pd.DataFrame, suffix: str) -> Path:
    folder.mkdir()
    for name in ("briefing.yaml", "actors.parquet", "issues.parquet", "sources.parquet", "quotes.parquet"):
        shutil.copy(UNVOTES / name, folder / name)
    actors = pq.read_table(folder / "actors.parquet").to_pandas()
    # An actor twice (the second set aside, and what names it refers to the first), one of no kind.
    actors = pd.concat([actors, actors.iloc[[3]]], ignore_index=True)
    actors.loc[7, "kind"] = "country"
    pq.write_table(pa.Table.from_pandas(actors, preserve_index=False), folder / "actors.parquet")
    if suffix == ".parquet":
        table = pa.Table.from_pandas(positions, preserve_index=False)
        pq.write_table(table, folder / "positions.parquet")
    else:  # text cells, lists as 'a; b': the readers' object columns, split by cell identity
        written = positions.assign(evidence=positions["evidence"].map("; ".join))
        written.to_csv(folder / "positions.csv", index=False)
    return folder


@pytest.mark.parametrize(
    ("suffix", "seed"),
    [
        (".parquet", 1),
        (".csv", 2),
        *(pytest.param(s, n, marks=pytest.mark.slow) for s, n in [(".parquet", 3), (".csv", 4)]),
    ],
)
def test_un_votes_with_faults_give_the_same_problems_and_records_by_either_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, un_positions: pd.DataFrame, suffix: str, seed: int
) -> None:
    monkeypatch.chdir(tmp_path)
    faulty = _with_faults(un_positions, np.random.default_rng(seed))
    folder = _briefing(tmp_path / "unvotes", faulty, suffix)
    by_row, by_value = both_paths(Path(folder.name), folder.name)
    assert_same(by_row, by_value)
    # The faults were found: the comparison is of two reports with something in them.
    messages = [p.message for p in by_row[1]]
    assert any("stance 'supprt' is not one of" in m for m in messages)
    assert any("more like the above in 'confidence'" in m for m in messages)
    assert any("a second position for the same actor, issue and date" in m for m in messages)
    assert any("duplicate id" in m for m in messages)
    assert any("is not a date" in m for m in messages)
    assert len(by_row[0].positions) < ROWS


def test_the_quick_cases_are_in_the_corpus() -> None:
    assert set(HOSTILE.cases()) >= QUICK
