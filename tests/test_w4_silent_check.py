"""`check` warns on a silent position whose basis is 'inferred' (v9's patch, landed by w4): silence
is a recorded fact a source reports, never someone's reading, and an expert's "he will say nothing"
is a forecast the page would draw as silence. The tests' mini briefing reports Norway's silence
(Lu Chao's words as evidence), so it and the shipped briefings load with no problem at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.load import load_briefing
from dashboard.problems import Severity

PROJECT = Path(__file__).resolve().parents[1]
SILENT_READING = (
    "- actor: united-states\n  issue: restrain\n  stance: silent\n  as_of: 2024-10-01\n"
    "  basis: {basis}\n  confidence: low\n  evidence: [q2]\n  assessed_by: lu-chao\n"
)


def _with_position(mini, tmp_path: Path, text: str):
    folder = mini.folder(tmp_path / "mini")
    valid = mini.yaml(mini.tables()["positions"])
    (folder / "positions.yaml").write_text(text + valid, encoding="utf-8")
    return load_briefing(folder)


def test_a_silence_inferred_by_someone_is_one_warning_on_its_basis(mini, tmp_path) -> None:
    briefing, problems = _with_position(mini, tmp_path, SILENT_READING.format(basis="inferred"))
    # one problem, at the basis line of the silent position (its fifth line)
    assert [p.location.rsplit("/", 2)[-2:] for p in problems] == [["mini", "positions.yaml:5"]], problems
    (problem,) = problems
    assert problem.severity is Severity.WARNING and problem.field == "basis"
    assert "stance is 'silent' but basis is 'inferred': silence is a recorded fact" in problem.message
    assert "make the basis 'reported'" in problem.message
    assert len(briefing.positions) == 3  # a warning: the position is kept


@pytest.mark.parametrize("basis", ["reported", "stated"])
def test_a_reported_or_said_silence_is_no_problem(mini, tmp_path, basis: str) -> None:
    _, problems = _with_position(mini, tmp_path, SILENT_READING.format(basis=basis))
    assert problems == []


def test_an_inferred_stance_on_the_line_is_no_problem(mini, tmp_path) -> None:
    text = SILENT_READING.format(basis="inferred").replace("stance: silent", "stance: oppose")
    _, problems = _with_position(mini, tmp_path, text)
    assert problems == []


def test_the_mini_briefing_reports_its_silence_and_loads_clean(mini, tmp_path) -> None:
    norway = next(p for p in mini.tables()["positions"] if p["actor"] == "norway")
    assert (norway["stance"], norway["basis"]) == ("silent", "reported")
    (quote,) = [q for q in mini.tables()["quotes"] if q["id"] in norway["evidence"]]
    assert "said nothing" in quote["text"]  # the evidence reports the silence
    _, problems = load_briefing(mini.folder(tmp_path / "mini"))
    assert problems == []


@pytest.mark.parametrize("name", ["nk-troops-russia"])
def test_the_shipped_hand_briefing_holds_no_inferred_silence(name: str) -> None:
    briefing, problems = load_briefing(PROJECT / "data" / name)
    assert not [p for p in problems if "silent' but basis is 'inferred'" in p.message]
    silent = briefing.positions[briefing.positions["stance"].astype(str) == "silent"]
    assert len(silent) and set(silent["basis"].astype(str)) <= {"reported", "stated", "action"}
