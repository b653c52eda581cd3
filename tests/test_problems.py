"""Problems: "did you mean" suggestions, exact over few choices and bounded over many; and the one
collector every reader, check and importer reports to, which names a few of a kind and counts the rest."""

from __future__ import annotations

import difflib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dashboard import problems
from dashboard.formats import limits
from dashboard.problems import Problems, ProblemsFound, Severity, Suggestions, suggest


@pytest.mark.parametrize(
    ("word", "choices", "expected"),
    [
        ("suport", ("support", "oppose", "neutral"), " (did you mean 'support'?)"),
        ("organisation", ("state", "organization", "official"), " (did you mean 'organization'?)"),
        ("zzz", ("state", "organization"), ""),
        ("x", (), ""),
    ],
)
def test_few_choices_are_all_compared(word: str, choices: tuple[str, ...], expected: str) -> None:
    assert suggest(word, choices) == expected
    assert suggest(word, Suggestions(choices)) == expected


def test_up_to_the_bound_every_choice_is_a_candidate() -> None:
    ids = [f"actor-{n}" for n in range(problems.SCAN_ALL)]
    assert Suggestions(ids).candidates("actor-7") == ids


def test_past_the_bound_the_candidates_are_bounded_and_hold_the_neighbours() -> None:
    ids = [f"state-{n:05d}" for n in range(50_000)]
    index = Suggestions(ids)
    for word, meant in (
        ("state-1234x", "state-12340"),
        ("xtate-01234", "state-01234"),
        ("state-01234", "state-01234"),
    ):
        candidates = index.candidates(word)
        assert len(candidates) <= 4 * problems.NEAREST
        assert meant in candidates
    # Where the answer is among the candidates, it is difflib's own answer over all the ids.
    word = "stat-25000"
    best = difflib.get_close_matches(word, ids, n=1, cutoff=0.6)
    assert suggest(word, index) == f" (did you mean '{best[0]}'?)"


# ------------------------------------------------------------------------------------ the collector


@pytest.fixture
def named_at_most_3(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_REPEATS", 3)


@pytest.mark.parametrize(
    "lines",
    [
        [4, 6, 9, 11, 12],
        np.array([4, 6, 9, 11, 12]),
        pd.Series([4, 6, 9, 11, 12], index=[40, 60, 90, 110, 120]),
    ],
)
@pytest.mark.usefixtures("named_at_most_3")
def test_rows_names_the_first_and_counts_the_rest(lines: list[int] | np.ndarray | pd.Series) -> None:
    asked: list[int] = []

    def message(i: int) -> str:
        asked.append(i)
        return f"bad value #{i}"

    found = Problems()
    found.rows("data/votes.csv", lines, message)
    assert [str(p) for p in found.problems] == [
        "data/votes.csv:4: error: bad value #0",
        "data/votes.csv:6: error: bad value #1",
        "data/votes.csv:9: error: bad value #2",
        "data/votes.csv: error: 2 more rows like the above",
    ]
    assert [p.count for p in found.problems] == [1, 1, 1, 2]
    assert asked == [0, 1, 2]  # messages are only built for the rows named


@pytest.mark.parametrize(
    ("count", "shown"), [(0, []), (3, ["1", "2", "3"]), (4, ["1", "2", "3", "1 more in 'stance'"])]
)
@pytest.mark.usefixtures("named_at_most_3")
def test_rows_takes_the_severity_sheet_field_and_wording_of_its_check(count: int, shown: list[str]) -> None:
    found = Problems()
    found.rows(
        "mini.xlsx",
        list(range(1, count + 1)),
        lambda i: str(i + 1),
        severity=Severity.WARNING,
        sheet="positions",
        field="stance",
        more=lambda n: f"{n} more in 'stance'",
    )
    assert [p.message for p in found.problems] == shown
    assert {(p.severity, p.sheet, p.field) for p in found.problems} <= {
        (Severity.WARNING, "positions", "stance")
    }


@pytest.mark.usefixtures("named_at_most_3")
def test_errors_of_one_kind_are_named_a_few_times_per_file_and_counted() -> None:
    found = Problems()
    for line in range(1, 6):
        found.error("a.yaml", line, lambda: "built", kind="fields given twice")
    found.error("b.yaml", 1, "elsewhere", kind="fields given twice")  # another file: its own count
    found.error("a.yaml", 9, "no kind: always named")
    found.count_repeats()
    assert [str(p) for p in found.problems] == [
        "a.yaml:1: error: built",
        "a.yaml:2: error: built",
        "a.yaml:3: error: built",
        "b.yaml:1: error: elsewhere",
        "a.yaml:9: error: no kind: always named",
        "a.yaml: error: 2 more like the above (fields given twice)",
    ]
    assert found.problems[-1].count == 2


def test_a_path_is_named_as_the_analyst_typed_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    found = Problems()
    found.error(tmp_path / "src" / "party.json", 3, "id 7 is given twice")
    found.warning("mini.xlsx", None, "the briefing has no issues table", sheet="issues")
    assert [str(p) for p in found.problems] == [
        "src/party.json:3: error: id 7 is given twice",
        "mini.xlsx[issues]: warning: the briefing has no issues table",
    ]


def test_work_stops_on_errors_only() -> None:
    found = Problems()
    found.warning("a.yaml", 1, "a warning")
    found.raise_if_errors()
    found.error("a.yaml", 2, "an error")
    with pytest.raises(ProblemsFound) as stopped:
        found.raise_if_errors()
    assert stopped.value.problems == found.problems
