"""`python -m dashboard import unvotes`: UN General Assembly votes -> a Parquet briefing.

The fixture is cut, line for line, from the real CSVs: five roll calls (one on an amendment, one on
a paragraph, one with three issue rows, one marked important with no short name, one with neither
short name nor description) and ten states, among them three whose country code is R's missing
value 'NA' and Namibia, whose ISO code really is NA.
"""

from __future__ import annotations

import csv
import os
import shutil
import time
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from dashboard.__main__ import main
from dashboard.briefing import Briefing
from dashboard.load import load_briefing

FIXTURE = Path(__file__).parent / "fixtures" / "unvotes"
REPO = Path(__file__).resolve().parents[2]
FULL_DATA = REPO.parent / "shared" / "data" / "unvotes"
STANCE = {"yes": "support", "no": "oppose", "abstain": "neutral"}
ACTOR_IDS = {
    "United States": "us",
    "Canada": "ca",
    "Cuba": "cu",
    "France": "fr",
    "Israel": "il",
    "Côte d’Ivoire": "ci",
    "São Tomé & Príncipe": "st",
    "Namibia": "na",
    "Zanzibar": "zanzibar",
    "Federal Republic of Germany": "federal-republic-of-germany",
}


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Briefing]:
    dest = tmp_path_factory.mktemp("out") / "unvotes"
    assert main(["import", "unvotes", str(FIXTURE), str(dest)]) == 0
    briefing, problems = load_briefing(dest)
    assert [str(p) for p in problems] == []
    return dest, briefing


@pytest.fixture
def src(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture to break, as `src/` under the working folder."""
    monkeypatch.chdir(tmp_path)
    return Path(shutil.copytree(FIXTURE, tmp_path / "src"))


def _raw(name: str) -> list[dict[str, str]]:
    with (FIXTURE / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _position(briefing: Briefing, actor: str, issue: str) -> pd.Series:
    positions = briefing.positions
    found = positions[(positions["actor"] == actor) & (positions["issue"] == issue)]
    assert len(found) == 1, (actor, issue)
    return found.iloc[0]


# ------------------------------------------------------------------------------------ the briefing


def test_counts(imported: tuple[Path, Briefing]) -> None:
    _, briefing = imported
    assert briefing.counts() == {
        "actors": 10,
        "issues": 5,
        "sources": 1,
        "quotes": 0,
        "positions": len(_raw("unvotes.csv")),
    }


@pytest.mark.parametrize(
    ("actor", "issue", "stance"),
    [
        ("us", "rc-3", "support"),  # yes
        ("ca", "rc-3", "oppose"),  # no
        ("fr", "rc-874", "neutral"),  # abstain
        ("zanzibar", "rc-874", "neutral"),
        ("federal-republic-of-germany", "rc-1430", "support"),
        ("na", "rc-5313", "support"),
        ("us", "rc-5313", "oppose"),
    ],
)
def test_vote_becomes_stance(imported: tuple[Path, Briefing], actor: str, issue: str, stance: str) -> None:
    assert _position(imported[1], actor, issue)["stance"] == stance


def test_every_vote_is_one_position_with_its_roll_calls_date(imported: tuple[Path, Briefing]) -> None:
    _, briefing = imported
    dates = {r["rcid"]: pd.Timestamp(r["date"]) for r in _raw("roll_calls.csv")}
    for row in _raw("unvotes.csv"):
        position = _position(briefing, ACTOR_IDS[row["country"]], f"rc-{row['rcid']}")
        assert position["stance"] == STANCE[row["vote"]]
        assert position["as_of"] == dates[row["rcid"]]
        assert (position["basis"], position["confidence"]) == ("action", "high")
        assert position["evidence"] == []


def test_states_are_actors_with_iso_ids_or_name_slugs(imported: tuple[Path, Briefing]) -> None:
    actors = imported[1].actors.set_index("id")
    assert set(actors.index) == set(ACTOR_IDS.values())
    assert (actors["kind"] == "state").all()
    assert actors.loc["us", "country"] == "US"
    assert actors.loc["ci", "name"] == "Côte d’Ivoire"
    # 'NA' is Namibia's ISO code, but R's missing value for the others.
    assert (actors.loc["na", "name"], actors.loc["na", "country"]) == ("Namibia", "NA")
    for no_code in ("zanzibar", "federal-republic-of-germany"):
        assert pd.isna(actors.loc[no_code, "country"])
        assert "no ISO country code" in actors.loc[no_code, "summary"]
    assert actors.loc["zanzibar", "summary"].endswith("One recorded vote, on 1963-12-03.")
    assert actors.loc["us", "summary"] == "5 recorded votes from 1946-01-01 to 2014-10-28."


def test_roll_calls_are_issues(imported: tuple[Path, Briefing]) -> None:
    issues = imported[1].issues.set_index("id")
    assert list(issues.index) == ["rc-3", "rc-874", "rc-1430", "rc-5313", "rc-6027"]
    rc3 = issues.loc["rc-3"]
    assert rc3["title"] == "AMENDMENTS, RULES OF PROCEDURE"
    # A proposition, so that a yes vote reads as "supports": adopting what was put to the vote.
    assert rc3["statement"].startswith(
        "The General Assembly should adopt the proposal put to roll "
        "call 3 (R/1/66): TO ADOPT A CUBAN AMENDMENT TO THE UK"
    )
    assert (rc3["reference"], rc3["date"]) == ("R/1/66", pd.Timestamp("1946-01-01"))
    assert rc3["topic"] == "Other"  # no issues.csv row
    assert "session 1, roll call 3. A vote on an amendment." in rc3["description"]
    assert "Not filed under any of the dataset's six issues" in rc3["description"]
    assert "A vote on a paragraph only" in issues.loc["rc-874", "description"]
    # Several issue rows: the first is the topic, the others are named in the description.
    rc1430 = issues.loc["rc-1430"]
    assert rc1430["topic"] == "Palestinian conflict"
    assert rc1430["description"].endswith("Also filed under: Human rights; Colonialism.")


def test_missing_short_name_and_description(imported: tuple[Path, Briefing]) -> None:
    issues = imported[1].issues.set_index("id")
    rc5313 = issues.loc["rc-5313"]  # short is empty: the title is cut from the description
    assert rc5313["title"].startswith("Necessity of ending the economic, commercial and financial")
    assert rc5313["title"].endswith("…") and len(rc5313["title"]) <= 101
    assert rc5313["statement"].startswith(
        "The General Assembly should adopt the proposal put to "
        "roll call 5313 (R/69/5): " + rc5313["title"][:-1]
    )
    assert "important vote" in rc5313["description"]
    assert rc5313["reference"] == "R/69/5"
    rc6027 = issues.loc["rc-6027"]  # short 'NA', descr and unres empty
    assert rc6027["title"] == "Roll call 6027"
    assert rc6027["statement"] == (
        "The General Assembly should adopt the proposal put to roll call "
        "6027; the dataset gives no description of it."
    )
    assert pd.isna(rc6027["reference"])


def test_one_dataset_source_no_quotes_and_meta(imported: tuple[Path, Briefing]) -> None:
    _, briefing = imported
    source = briefing.sources.iloc[0]
    assert source["kind"] == "dataset"
    assert source["publisher"] == "United Nations General Assembly (via Voeten et al., unvotes R package)"
    assert source["url"] == "https://hdl.handle.net/1902.1/12379"
    assert source["published"] == pd.Timestamp("2014-10-28")  # the last roll call
    assert briefing.quotes.empty
    assert (briefing.meta.id, briefing.meta.as_of) == ("unvotes", date(2014, 10, 28))
    assert "Voeten" in briefing.meta.summary and "hdl:1902.1/12379" in briefing.meta.summary


def test_written_as_parquet_and_passes_check(imported: tuple[Path, Briefing], capsys) -> None:
    dest, _ = imported
    assert sorted(p.name for p in dest.iterdir()) == [
        "actors.parquet",
        "briefing.yaml",
        "issues.parquet",
        "positions.parquet",
        "quotes.parquet",
        "sources.parquet",
    ]
    capsys.readouterr()
    assert main(["check", str(dest)]) == 0
    assert capsys.readouterr().out == "1 briefing checked: 0 errors, 0 warnings\n"


def test_import_prints_a_one_line_summary(src: Path, capsys) -> None:
    assert main(["import", "unvotes", "src", "unvotes"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1
    assert out[0].startswith(
        "wrote unvotes (parquet): 10 actors, 5 issues, 1 source, 0 quotes, "
        "33 positions; 1 briefing checked: 0 errors, 0 warnings"
    )


# ----------------------------------------------------------------------------------------- bad input


def _edit(path: Path, old: str, new: str) -> int:
    """Replace `old` by `new` in the first line that holds it; returns that line's number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if old in line)
    lines[number] = lines[number].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    return number + 1


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("unvotes.csv", "3,Cuba,CU,yes", "3,Cuba,CU,maybe", "vote 'maybe' is not yes/no/abstain"),
        ("unvotes.csv", "3,Cuba,CU,yes", "3,Cuba,CU,", "missing vote: expected yes, no or abstain"),
        ("unvotes.csv", "874,Cuba,CU,no", "999,Cuba,CU,no", "roll call 999 is not in roll_calls.csv"),
        ("unvotes.csv", "874,Cuba,CU,no", "x874,Cuba,CU,no", "rcid 'x874' is not a roll call number"),
        ("unvotes.csv", "3,Canada,CA,no", "3,Canada,CA,no,extra", "row has 5 cells but the header has 4"),
        ("unvotes.csv", "country_code,vote", "country_code,votes", "missing column(s) vote"),
        (
            "roll_calls.csv",
            "1963-12-03",
            "1963-13-03",
            "date '1963-13-03' is not a date: expected YYYY-MM-DD",
        ),
        ("roll_calls.csv", "R/18/1983A,0,1", "R/18/1983A,maybe,1", "amend 'maybe' is not 0, 1 or NA"),
        ("roll_calls.csv", "6027,52,", "3,52,", "roll call 3 is given twice (first at line 2)"),
        ("issues.csv", "874,ec,", "875,ec,", "roll call 875 is not in roll_calls.csv"),
        ("issues.csv", "874,ec,Economic development", "874,ec,", "missing issue name in column 'issue'"),
    ],
)
def test_bad_row_is_named_by_file_and_line(
    src: Path, capsys, file: str, old: str, new: str, message: str
) -> None:
    line = _edit(src / file, old, new)
    assert main(["import", "unvotes", "src", "out"]) == 1
    err = capsys.readouterr().err
    assert f"src/{file}:{line}: error: {message}" in err, err
    assert "nothing was written" in err
    assert not Path("out").exists()
    assert [p.name for p in Path.cwd().iterdir()] == ["src"]  # no scratch folder left behind


def test_second_vote_names_the_first(src: Path, capsys) -> None:
    with (src / "unvotes.csv").open("a", encoding="utf-8") as handle:
        handle.write("3,Canada,CA,yes\n")
    assert main(["import", "unvotes", "src", "out"]) == 1
    assert (
        "src/unvotes.csv:35: error: a second vote by Canada in roll call 3 (first at line 3)"
        in capsys.readouterr().err
    )


def test_line_numbers_count_blank_lines_and_multi_line_cells(src: Path, capsys) -> None:
    path = src / "unvotes.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[1] = '3,"United\nStates",US,yes'  # one row over two lines
    lines.insert(2, "")  # and a blank line
    lines[lines.index("874,Cuba,CU,no")] = "874,Cuba,CU,maybe"
    path.write_text("\n".join(lines), encoding="utf-8")
    expected = path.read_text(encoding="utf-8").split("\n").index("874,Cuba,CU,maybe") + 1
    assert main(["import", "unvotes", "src", "out"]) == 1
    assert f"src/unvotes.csv:{expected}: error: vote 'maybe'" in capsys.readouterr().err


def test_missing_file(src: Path, capsys) -> None:
    (src / "issues.csv").unlink()
    assert main(["import", "unvotes", "src", "out"]) == 1
    err = capsys.readouterr().err
    assert (
        "src/issues.csv: error: file not found: the unvotes folder must hold unvotes.csv, "
        "roll_calls.csv, issues.csv" in err
    )
    assert not Path("out").exists()


def test_not_utf8(src: Path, capsys) -> None:
    path = src / "unvotes.csv"
    path.write_bytes(path.read_bytes().replace("Côte".encode(), "Côte".encode("latin-1")))
    assert main(["import", "unvotes", "src", "out"]) == 1
    assert "src/unvotes.csv:10: error: byte 0xf4 is not UTF-8" in capsys.readouterr().err


# ------------------------------------------------------------------------------------ usage errors


def test_dest_exists_needs_force(src: Path, capsys) -> None:
    Path("out").mkdir()
    (Path("out") / "keep.txt").write_text("mine", encoding="utf-8")
    assert main(["import", "unvotes", "src", "out"]) == 2
    assert "out: already exists (use --force to replace it)" in capsys.readouterr().err
    assert (Path("out") / "keep.txt").exists()
    assert main(["import", "unvotes", "src", "out", "--force"]) == 0
    assert not (Path("out") / "keep.txt").exists()
    assert (Path("out") / "positions.parquet").exists()


def test_missing_src_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["import", "unvotes", "nowhere", "out"]) == 2
    assert "nowhere: no such folder" in capsys.readouterr().err
    assert not Path("out").exists()


# ----------------------------------------------------------------------------------- the real data


@pytest.fixture
def full_data() -> Path:
    """The full CSVs in ../shared. Where they are absent the test is skipped, except in CI, which
    has ../shared: there their absence fails rather than pass unseen."""
    if FULL_DATA.is_dir():
        return FULL_DATA
    reason = f"{FULL_DATA} (the full unvotes CSVs) is absent"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}, and CI should have it")
    pytest.skip(reason)


@pytest.mark.slow
def test_full_unvotes_import(full_data: Path, tmp_path: Path, capsys) -> None:
    dest = tmp_path / "unvotes"
    assert main(["import", "unvotes", str(full_data), str(dest)]) == 0
    capsys.readouterr()
    started = time.perf_counter()
    briefing, problems = load_briefing(dest)
    print(f"cold load of the full UN briefing: {time.perf_counter() - started:.1f} s")
    assert [str(p) for p in problems] == []
    # Every vote row is kept: no rows are dropped.
    assert briefing.counts() == {
        "actors": 200,
        "issues": 6203,
        "sources": 1,
        "quotes": 0,
        "positions": 870_109,
    }
    assert briefing.positions["stance"].value_counts().to_dict() == {
        "support": 693_664,
        "neutral": 110_897,
        "oppose": 65_548,
        "strongly_support": 0,
        "strongly_oppose": 0,
        "mixed": 0,
        "silent": 0,
    }
    size = sum(p.stat().st_size for p in dest.iterdir())
    assert size < 15_000_000, f"{size:,} bytes"
