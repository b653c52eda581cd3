"""`python -m dashboard agreement`: CSV from the same core function as the page, and its usage errors."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from dashboard import alignment as al
from dashboard.__main__ import main
from dashboard.agreement_cli import CSV_COLUMNS
from dashboard.load import load_briefing

UN_REFERENCE_US_GB = (0.7961942914371557, 3994)  # tests/reference/unvotes_agreement.py, all years
# `first` and `last`: the period each rate was counted over (issue 19: a period on every figure).
HEADER = [
    "actor",
    "other",
    "period",
    "measure",
    "value",
    "n",
    "first",
    "last",
    "low",
    "high",
    "thin",
    "rank",
    "issues",
    "neutral",
    "mixed",
    "silent",
    "no_record",
    "own_reading",
    "note",
]
MEASURES_DOC = Path(__file__).resolve().parents[1] / "docs" / "measures.md"


def tables(mini) -> dict:
    """Three states over twelve votes in 2022 and 2023: b agrees with a on 11, c on 6."""
    base = mini.tables()
    base["actors"] = [
        {"id": i, "name": n, "kind": "state"} for i, n in (("a", "Aland"), ("b", "Bland"), ("c", "Cland"))
    ]
    base["issues"] = [
        {
            "id": f"v{k}",
            "title": f"Vote {k}",
            "statement": f"Resolution {k} passes.",
            "topic": "Trade" if k < 4 else "Arms",
        }
        for k in range(12)
    ]
    base["quotes"] = []
    positions = []
    for k in range(12):
        when = f"{2022 + k // 6}-03-{k + 1:02d}"
        for actor, stance in (
            ("a", "support"),
            ("b", "support" if k else "oppose"),
            ("c", "support" if k % 2 else "oppose"),
        ):
            positions.append(
                {
                    "actor": actor,
                    "issue": f"v{k}",
                    "stance": stance,
                    "as_of": when,
                    "basis": "action",
                    "confidence": "high",
                }
            )
    base["positions"] = positions
    return base


@pytest.fixture
def folder(tmp_path: Path, mini, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DASHBOARD_DATA", str(tmp_path / "data"))
    return mini.folder(tmp_path / "data" / "votes", tables(mini))


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_readme_names_the_csv_columns_the_measures_and_the_consensus_caveat() -> None:
    section = MEASURES_DOC.read_text(encoding="utf-8")  # the whole page is the section
    assert ", ".join(CSV_COLUMNS) in section.replace("`", "").replace("\n", " ")
    assert tuple(HEADER) == CSV_COLUMNS
    for word in (
        "Coincidence",
        "Agreement index",
        "Weighted kappa",
        "Hix–Noury–Roland",
        "consensus",
        f"{al.MIN_SHARED_ISSUES} shared issues",
    ):
        assert word in section


def test_prints_csv_ranked_with_n_interval_and_what_is_left_out(folder: Path, capsys) -> None:
    assert main(["agreement", "votes", "--actor", "a"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0].split(",") == HEADER
    found = rows(out)
    assert [(r["other"], r["measure"]) for r in found][:2] == [("b", "coincidence"), ("c", "coincidence")]
    b = found[0]
    assert (b["value"], b["n"], b["rank"], b["issues"], b["no_record"], b["thin"]) == (
        f"{11 / 12:.6f}",
        "12",
        "1",
        "12",
        "0",
        "False",
    )
    assert float(b["low"]) < 11 / 12 < float(b["high"])
    assert {r["measure"] for r in found} == set(al.MEASURES)
    assert "consensus" in err  # the caveat goes to standard error, beside the CSV


def test_the_command_prints_what_the_core_function_returns(folder: Path, capsys) -> None:
    assert (
        main(
            [
                "agreement",
                str(folder),
                "--actor",
                "a",
                "--with",
                "c",
                "--measure",
                "kappa",
                "--from",
                "2022",
                "--to",
                "2022-12-31",
            ]
        )
        == 0
    )
    found = rows(capsys.readouterr().out)
    briefing, _ = load_briefing(folder)
    expected = al.agreement(
        briefing,
        "a",
        ["c"],
        measures=("kappa",),
        scope=al.Scope(date_from=date(2022, 1, 1), date_to=date(2022, 12, 31)),
    )
    assert len(found) == len(expected) == 1
    assert found[0]["period"] == "2022-01-01..2022-12-31"
    assert float(found[0]["value"]) == pytest.approx(expected["value"].iloc[0], abs=1e-6)
    assert found[0]["n"] == str(expected["n"].iloc[0]) == "6"
    assert found[0]["thin"] == "True" and found[0]["note"] == "too thin: n=6 < 10"


def test_by_year_and_by_topic(folder: Path, capsys) -> None:
    assert (
        main(
            [
                "agreement",
                "votes",
                "--actor",
                "a",
                "--with",
                "b",
                "--by",
                "year",
                "--measure",
                "coincidence",
                "--min-n",
                "5",
            ]
        )
        == 0
    )
    found = rows(capsys.readouterr().out)
    assert [(r["period"], r["value"], r["n"], r["rank"]) for r in found] == [
        ("2022", f"{5 / 6:.6f}", "6", "1"),
        ("2023", "1.000000", "6", "1"),
    ]
    assert (
        main(["agreement", "votes", "--actor", "a", "--with", "c", "--by", "topic", "--measure", "index"])
        == 0
    )
    out = capsys.readouterr().out
    assert out.splitlines()[0].split(",")[2] == "topic"
    assert {r["topic"]: r["n"] for r in rows(out)} == {"Arms": "8", "Trade": "4"}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["agreement", "votes", "--actor", "aland"],
            "no actor 'aland' in briefing votes; did you mean a (Aland)?",
        ),
        (["agreement", "votes", "--actor", "a", "--with", "zz"], "no actor 'zz' in briefing votes"),
        (
            ["agreement", "nowhere", "--actor", "a"],
            "nowhere: no such briefing id in the data folder (ids: votes)",
        ),
        (["agreement", "votes", "--actor", "a", "--from", "2023", "--to", "2022"], "is after --to"),
        (["agreement", "votes", "--actor", "a", "--from", "March"], "'March' is not a date"),
        (["agreement", "votes", "--actor", "a", "--by", "month"], "invalid choice: 'month'"),
        (["agreement", "votes", "--actor", "a", "--issue", "v99"], "no such issue in this briefing: v99"),
        (["agreement", "votes", "--actor", "a", "--min-n", "0"], "--min-n must be 1 or more"),
    ],
)
def test_usage_errors_exit_2_with_a_message(folder: Path, capsys, argv, message) -> None:
    with pytest.raises(SystemExit) as exited:
        code = main(argv)
        raise SystemExit(code)
    assert exited.value.code == 2
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == ""


def test_a_briefing_with_errors_gives_no_figures(folder: Path, capsys) -> None:
    text = (folder / "positions.yaml").read_text(encoding="utf-8")
    (folder / "positions.yaml").write_text(text.replace("actor: c", "actor: cc", 1), encoding="utf-8")
    assert main(["agreement", "votes", "--actor", "a"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "no figures: fix the 1 error(s) above first" in captured.err


@pytest.mark.slow
def test_un_votes_by_id(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DASHBOARD_DATA", raising=False)
    assert (
        main(
            [
                "agreement",
                "unvotes",
                "--actor",
                "us",
                "--with",
                "gb",
                "--measure",
                "coincidence",
                "--from",
                "1946",
                "--to",
                "2020",
            ]
        )
        == 0
    )
    (found,) = rows(capsys.readouterr().out)
    assert float(found["value"]) == pytest.approx(UN_REFERENCE_US_GB[0], abs=1e-6)
    assert found["n"] == str(UN_REFERENCE_US_GB[1])
