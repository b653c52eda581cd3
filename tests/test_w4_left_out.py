"""An issue left out of a pair because one side's position is the other's reading is counted as its
own kind, 'own reading', not under 'no record' (a reader's review v10, finding 3's smaller slip:
the CLI said China–Lu Chao 'no_record 6' where Lu Chao has no record on 5). The figures add up,
in the CLI, the heatmap's cells, the partners table and the pair panel."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import alignment
from dashboard.__main__ import main
from dashboard.briefing import Briefing
from dashboard.load import load_briefing

PROJECT = Path(__file__).resolve().parents[1]
SEED = PROJECT / "data" / "nk-troops-russia"
APP = str(PROJECT / "dashboard" / "app.py")
LEFT_OUT = ("neutral", "mixed", "silent", "no_record", "own_reading")


@pytest.fixture(scope="module")
def seed() -> Briefing:
    briefing, _ = load_briefing(SEED)
    return briefing


def _by_the_records(briefing: Briefing, first: str, second: str) -> tuple[int, int]:
    """(no record, own reading) for the pair, counted from the positions themselves: issues in scope
    where either holds no position, and issues where both do but one's is the other's reading."""
    table = alignment.stance_table(briefing, [first, second])
    assessed = briefing.positions.set_index("position")["assessed_by"].astype(object)
    by = {int(p): str(a) for p, a in assessed.items() if isinstance(a, str)}
    no_record = own = 0
    for column in range(len(table.issues)):
        a, b = (int(p) for p in table.position[:, column])
        if a < 0 or b < 0:
            no_record += 1
        elif by.get(a) == second or by.get(b) == first:
            own += 1
    return no_record, own


def test_the_cli_counts_an_experts_own_reading_apart_from_no_record(seed, capsys) -> None:
    no_record, own = _by_the_records(seed, "china", "lu-chao")
    assert own >= 1  # the seed holds China positions that are Lu Chao's reading
    assert main(["agreement", str(SEED), "--actor", "china", "--with", "lu-chao", "--min-n", "1"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and {(int(r["no_record"]), int(r["own_reading"])) for r in rows} == {(no_record, own)}
    for row in rows:
        assert int(row["n"]) + sum(int(row[k]) for k in LEFT_OUT) == int(row["issues"]), row


def test_an_own_reading_where_one_side_has_no_position_stays_no_record(mini, tmp_path) -> None:
    """Lu Chao's reading of Norway, where Lu Chao himself holds nothing: no record, not own reading;
    where he holds a position too, it is left out as his own reading."""
    tables = mini.tables()
    tables["positions"][1] = {
        "actor": "norway",
        "issue": "restrain",
        "stance": "support",
        "as_of": "2024-11-02",
        "basis": "inferred",
        "confidence": "low",
        "evidence": ["q2"],
        "assessed_by": "lu-chao",
    }
    without, problems = load_briefing(mini.folder(tmp_path / "without", tables=tables))
    assert not problems, problems
    row = alignment.agreement(without, "norway", ["lu-chao"], measures=("index",), min_n=1).iloc[0]
    assert (row["n"], row["no_record"], row["own_reading"]) == (0, 1, 0)
    tables["positions"].append(
        {
            "actor": "lu-chao",
            "issue": "restrain",
            "stance": "support",
            "as_of": "2024-11-02",
            "basis": "stated",
            "confidence": "high",
            "evidence": ["q2"],
        }
    )
    with_position, problems = load_briefing(mini.folder(tmp_path / "with", tables=tables))
    assert not problems, problems
    for first, second in (("norway", "lu-chao"), ("lu-chao", "norway")):
        row = alignment.agreement(with_position, first, [second], measures=("index",), min_n=1).iloc[0]
        assert (row["n"], row["no_record"], row["own_reading"], row["issues"]) == (0, 0, 1, 1)


@pytest.mark.parametrize("measure", alignment.MEASURES)
def test_every_heatmap_cell_adds_up_and_counts_the_own_reading(seed, measure) -> None:
    actors = ["china", "lu-chao", "united-states", "south-korea", "shi-yinhong"]
    cells = alignment.pairwise(seed, actors, measure=measure, min_n=1).cells
    total = cells["n"] + cells[list(LEFT_OUT)].sum(axis=1)
    assert (total == cells["issues"]).all()
    pair = cells.set_index(["actor", "other"])
    for a, b in (("china", "lu-chao"), ("lu-chao", "china")):
        assert int(pair.loc[(a, b), "own_reading"]) == _by_the_records(seed, "china", "lu-chao")[1]
    assert int(pair.loc[("united-states", "south-korea"), "own_reading"]) == 0


def test_left_out_text_names_each_kind_in_order() -> None:
    row = {"neutral": np.int64(1), "mixed": 0, "silent": 0, "no_record": 1707, "own_reading": 1}
    assert alignment.left_out_text(row) == "1 neutral, 1,707 no record, 1 own reading"
    assert alignment.left_out_text(dict.fromkeys(LEFT_OUT, 0)) == ""


def _page(params: dict[str, str]) -> str:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return " ".join(str(h.proto.body) for h in at.get("html")) + " ".join(c.value for c in at.caption)


@pytest.mark.slow
def test_the_partners_table_and_the_pair_panel_say_own_reading(seed) -> None:
    no_record, own = _by_the_records(seed, "china", "lu-chao")
    said = f"{no_record} no record, {own} own reading"
    partners = _page({"view": "alignment", "partners": "china"})
    assert '<th scope="row">Lu Chao</th>' in partners
    assert said in partners
    assert "own reading (one side's position is the other's reading of it" in partners
    us = _page({"view": "alignment", "partners": "united-states"})  # no own reading among them
    assert "own reading" not in us and "no record (one side holds no position)." in us
    pair = _page({"view": "alignment", "pair": "china~lu-chao"})
    assert said in pair
