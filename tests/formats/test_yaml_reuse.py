"""YAML documents composed once are reused while their text is unchanged (a save reads each file
three or four times): what is read is the same, a changed file is read anew, and a file with a problem
reports it every time it is read."""

from __future__ import annotations

import shutil
from pathlib import Path

from dashboard.formats import yaml as yaml_format
from dashboard.load import load_briefing

SEED = Path(__file__).resolve().parents[2] / "data" / "nk-troops-russia"


def test_a_document_read_again_is_the_same_and_a_changed_one_is_read_anew(tmp_path: Path) -> None:
    folder = tmp_path / "nk-troops-russia"
    shutil.copytree(SEED, folder)
    yaml_format.COMPOSED.clear()
    first, problems_first = load_briefing(folder)
    second, problems_second = load_briefing(folder)
    assert [str(p) for p in problems_first] == [str(p) for p in problems_second]
    for table in ("actors", "issues", "sources", "quotes", "positions"):
        assert getattr(first, table).equals(getattr(second, table)), table
    text = (folder / "actors.yaml").read_text(encoding="utf-8")
    (folder / "actors.yaml").write_text(
        text.replace("name: China", "name: China (renamed)", 1), encoding="utf-8"
    )
    third, _ = load_briefing(folder)
    assert "China (renamed)" in set(third.actors["name"])
    assert "China (renamed)" not in set(first.actors["name"])


def test_a_document_with_a_problem_reports_it_each_time(tmp_path: Path) -> None:
    folder = tmp_path / "nk-troops-russia"
    shutil.copytree(SEED, folder)
    (folder / "issues.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    said = [[str(p) for p in load_briefing(folder)[1] if "issues.yaml" in str(p)] for _ in range(2)]
    assert said[0] and said[0] == said[1]
