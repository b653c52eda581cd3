"""`python -m dashboard import wahlomat`: one election's Wahl-O-Mat -> a YAML briefing.

The fixture is invented: parties, theses and justifications were written for these tests, in the
file format of qual-o-mat-data's Bundestagswahl 2025 (only election.json and overview.json hold real
facts: the election's name, date and web address). The Wahl-O-Mat's publisher forbids any use of its
dataset, so no real record is in the repository; `test_full_bundestagswahl_2025` imports the real
data from ../shared at test time instead. Four parties (PLV; SÜDLICHT, whose id needs its umlaut
spelled out and one of whose justifications holds a quotation and a decomposed umlaut; Die LAMPE,
with a long name and a justification that opens with a quotation of its own; BAV, which sent empty
justifications, '""' and '"-"', as real parties do) on four theses, with every answer kind.
"""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from dashboard.__main__ import main
from dashboard.briefing import Briefing
from dashboard.importers.wahlomat import Election, _justification
from dashboard.load import load_briefing
from dashboard.text import slug

FIXTURE = Path(__file__).parent / "fixtures" / "wahlomat"
ELECTION = FIXTURE / "2025" / "deutschland"
REPO = Path(__file__).resolve().parents[2]
QUALOMAT = REPO.parent / "shared" / "data" / "wahlomat_qualomat"
FULL_DATA = QUALOMAT / "data" / "2025" / "deutschland"
ACTOR_IDS = {0: "plv", 2: "suedlicht", 10: "die-lampe", 25: "bav"}
STANCE = {0: "support", 1: "oppose", 2: "neutral"}
# What parties send when they send nothing: no quote, and the position says so.
NO_WORDS = ('""', '"-"')


def _json(name: str, folder: Path = ELECTION) -> list[dict]:
    return json.loads((folder / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Briefing]:
    dest = tmp_path_factory.mktemp("out") / "bundestag-2025"
    assert main(["import", "wahlomat", str(ELECTION), str(dest)]) == 0
    briefing, problems = load_briefing(dest)
    assert not [p for p in problems if p.severity == "error"]
    return dest, briefing


@pytest.fixture
def src(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture (with its election.json) to break; the election is src/2025/deutschland."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(FIXTURE, tmp_path / "src")
    return tmp_path / "src" / "2025" / "deutschland"


SRC = "src/2025/deutschland"


# ------------------------------------------------------------------------------------ the briefing


def test_counts(imported: tuple[Path, Briefing]) -> None:
    assert imported[1].counts() == {"actors": 4, "issues": 4, "sources": 1, "quotes": 13, "positions": 16}


def test_parties_are_actors(imported: tuple[Path, Briefing]) -> None:
    actors = imported[1].actors.set_index("id")
    assert list(actors.index) == ["plv", "suedlicht", "die-lampe", "bav"]
    assert (actors["kind"] == "organization").all() and (actors["country"] == "DE").all()
    assert actors.loc["suedlicht", "name"] == "SÜDLICHT"
    assert actors.loc["suedlicht", "aliases"] == ["SÜDLICHT/DIE NACHTSCHWÄRMER"]
    assert actors.loc["die-lampe", "name"] == "Die LAMPE"
    assert actors.loc["die-lampe", "aliases"] == [
        "Liste für Aufklärung, Mitbestimmung, Pünktlichkeit, Ehrlichkeit und lückenlose Straßenbeleuchtung"
    ]
    assert actors.loc["bav", "aliases"] == ["Bund der Apfelbauern – Vielfalt und Verlässlichkeit"]


def test_theses_are_issues(imported: tuple[Path, Briefing]) -> None:
    issues = imported[1].issues.set_index("id")
    # thesis-N is the Wahl-O-Mat's thesis number: statement id + 1.
    assert list(issues.index) == ["thesis-1", "thesis-3", "thesis-10", "thesis-16"]
    for statement in _json("statement.json"):
        issue = issues.loc[f"thesis-{statement['id'] + 1}"]
        assert (issue["title"], issue["statement"]) == (statement["label"], statement["text"])
    assert issues.loc["thesis-16", "title"] == "Abschaffung der Hundesteuer"


@pytest.mark.parametrize(
    ("actor", "issue", "stance"),
    [
        ("plv", "thesis-1", "support"),  # Stimme zu
        ("plv", "thesis-16", "oppose"),  # Stimme nicht zu
        ("die-lampe", "thesis-1", "neutral"),  # Neutral
        ("suedlicht", "thesis-10", "neutral"),
        ("bav", "thesis-1", "oppose"),  # with no justification
        ("bav", "thesis-10", "support"),
    ],
)
def test_answer_becomes_stance(imported: tuple[Path, Briefing], actor: str, issue: str, stance: str) -> None:
    positions = imported[1].positions
    found = positions[(positions["actor"] == actor) & (positions["issue"] == issue)]
    assert found["stance"].tolist() == [stance]


def test_every_opinion_is_a_stated_position_with_its_justification(
    imported: tuple[Path, Briefing],
) -> None:
    _, briefing = imported
    comments = {c["id"]: c["text"] for c in _json("comment.json")}
    quotes = briefing.quotes.set_index("id")
    positions = briefing.positions.set_index(["actor", "issue"])
    unjustified = []
    for opinion in _json("opinion.json"):
        actor, issue = ACTOR_IDS[opinion["party"]], f"thesis-{opinion['statement'] + 1}"
        position = positions.loc[(actor, issue)]
        assert position["stance"] == STANCE[opinion["answer"]]
        assert (position["basis"], position["confidence"]) == ("stated", "high")
        assert position["as_of"] == pd.Timestamp("2025-02-23")
        raw = comments[opinion["comment"]]
        if raw in NO_WORDS:  # BAV sent nothing: no quote, and the summary says so
            assert position["evidence"] == []
            assert position["summary"].endswith("The party gave no justification.")
            unjustified.append((actor, issue))
            continue
        [quote_id] = position["evidence"]
        quote = quotes.loc[quote_id]
        # Word for word: only the quotation marks round the whole justification are gone.
        assert quote["text"] == raw[1:-1]
        assert (quote["speaker"], quote["issues"], quote["kind"], quote["language"]) == (
            actor,
            [issue],
            "direct",
            "de",
        )
        assert quote["context"] == (
            f"Begründung der Partei zur These {opinion['statement'] + 1} im Wahl-O-Mat"
        )
    assert unjustified == [("bav", "thesis-1"), ("bav", "thesis-10"), ("bav", "thesis-16")]


def test_german_text_is_intact(imported: tuple[Path, Briefing]) -> None:
    dest, briefing = imported
    quotes = briefing.quotes.set_index("id")
    assert "die Maß hält und grenzüberschreitend handelt" in quotes.loc["q-plv-1", "text"]
    assert "Schritt für Schritt zusammenführen – mit" in quotes.loc["q-plv-1", "text"]
    # A justification that opens with a quotation keeps it; one with a quotation inside, too.
    assert quotes.loc["q-die-lampe-10", "text"].startswith('"Ein Beet für jedes Kind!", ruft')
    assert quotes.loc["q-suedlicht-3", "text"].startswith(
        'Wir nennen das "Nachbarschaft auf Schienen": abends'
    )
    # A decomposed umlaut (a + U+0308) stays as the party sent it: exact characters, not normalised.
    assert quotes.loc["q-suedlicht-10", "text"].startswith("Ga\u0308rten sind gut")
    # The YAML holds the characters themselves, not escapes.
    written = (dest / "quotes.yaml").read_text(encoding="utf-8")
    assert "Maß" in written and "Ga\u0308rten" in written
    assert "SÜDLICHT" in (dest / "actors.yaml").read_text(encoding="utf-8")
    assert "\\x" not in written and "\\u" not in written


def test_source_and_meta(imported: tuple[Path, Briefing]) -> None:
    _, briefing = imported
    source = briefing.sources.iloc[0]
    assert source["id"] == "wahlomat-bundestag-2025"
    assert source["publisher"] == ("Bundeszentrale für politische Bildung (Wahl-O-Mat), via qual-o-mat-data")
    assert source["published"] == pd.Timestamp("2025-02-23")  # from election.json
    assert (source["kind"], source["language"]) == ("dataset", "de")
    assert source["url"] == "https://www.wahl-o-mat.de/bundestagswahl2025/"
    assert briefing.meta.id == "bundestag-2025"
    assert briefing.meta.title == "Bundestagswahl 2025: Wahl-O-Mat positions"
    assert briefing.meta.as_of == date(2025, 2, 23)
    assert "qual-o-mat-data" in briefing.meta.summary


def test_passes_check_with_only_the_real_warnings(imported: tuple[Path, Briefing], capsys) -> None:
    dest, _ = imported
    assert sorted(p.name for p in dest.iterdir()) == [
        "actors.yaml",
        "briefing.yaml",
        "issues.yaml",
        "positions.yaml",
        "quotes.yaml",
        "sources.yaml",
    ]
    capsys.readouterr()
    assert main(["check", str(dest)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "1 briefing checked: 0 errors, 0 warnings"
    # BAV's three empty justifications: stated positions with no words, which the Wahl-O-Mat
    # itself records (their source), so nothing is missing; the cell shows no quote, honestly.
    _, briefing = imported
    positions = briefing.positions
    bare = positions[(positions["actor"] == "bav") & (positions["evidence"].map(len) == 0)]
    assert len(bare) == 3 and set(bare["source"].astype(str)) == set(briefing.sources["id"])
    assert set(positions["source"].astype(str)) == set(briefing.sources["id"])


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
        ("opinion.json", '"comment":2},', '"comment":2}', "cannot parse JSON: Expecting ',' delimiter"),
        (
            "opinion.json",
            '"statement":2,',
            '"statement":99,',
            "opinion 2: statement 99 is not an id in statement.json",
        ),
        (
            "opinion.json",
            '"comment":9}',
            '"comment":"9"}',
            "'comment' must be a whole number or null, found \"9\"",
        ),
        ("opinion.json", '{"id":20,', '{"id":0,', "id 0 is given twice (first at line 2)"),
        (
            "answer.json",
            '"Neutral"',
            '"Vielleicht"',
            "answer 2: message 'Vielleicht' is not one of 'Stimme zu', 'Stimme nicht zu', 'Neutral'",
        ),
        ("party.json", '"name":"PLV"', '"name":5', "'name' must be text, found 5"),
        ("statement.json", '"label":"Nachtzüge ins Ausland", ', "", "record has no 'label'"),
    ],
)
def test_bad_record_is_named_by_file_and_line(
    src: Path, capsys, file: str, old: str, new: str, message: str
) -> None:
    line = _edit(src / file, old, new)
    if file == "opinion.json" and "parse" in message:
        line += 1  # a missing comma is noticed where the next record starts
    assert main(["import", "wahlomat", SRC, "out"]) == 1
    err = capsys.readouterr().err
    assert f"{SRC}/{file}:{line}: error: {message}" in err, err
    assert "nothing was written" in err
    assert not Path("out").exists()


def test_missing_file(src: Path, capsys) -> None:
    (src / "party.json").unlink()
    assert main(["import", "wahlomat", SRC, "out"]) == 1
    assert f"{SRC}/party.json: error: file not found" in capsys.readouterr().err
    assert not Path("out").exists()


def test_election_date_falls_back_to_overview(src: Path, capsys) -> None:
    (src.parents[1] / "election.json").unlink()
    assert main(["import", "wahlomat", SRC, "bundestag-2025"]) == 0
    briefing, _ = load_briefing(Path("bundestag-2025"))
    assert briefing.meta.as_of == date(2025, 2, 23)


def test_no_election_date_at_all(src: Path, capsys) -> None:
    (src.parents[1] / "election.json").unlink()
    (src / "overview.json").unlink()
    assert main(["import", "wahlomat", SRC, "out"]) == 1
    assert "cannot tell which election this is" in capsys.readouterr().err


def test_dest_exists_needs_force(src: Path, capsys) -> None:
    Path("out").mkdir()
    assert main(["import", "wahlomat", SRC, "out"]) == 2
    assert "out: already exists (use --force to replace it)" in capsys.readouterr().err
    assert list(Path("out").iterdir()) == []


@pytest.mark.parametrize(
    ("raw", "words", "note"),
    [
        ('"Wir sind dafür."', "Wir sind dafür.", ""),
        ('""Ein Beet für jedes Kind!", ruft sie."', '"Ein Beet für jedes Kind!", ruft sie.', ""),
        ('""', "", ""),
        ('"-"', "", ""),
        # The Wahl-O-Mat's own note where a party sent nothing (older elections): not the party's words.
        (
            "Zu dieser These hat die Partei keine Begründung vorgelegt.",
            "",
            "Zu dieser These hat die Partei keine Begründung vorgelegt.",
        ),
        ("Ohne Anführungszeichen, aber von der Partei.", "Ohne Anführungszeichen, aber von der Partei.", ""),
    ],
)
def test_justification(raw: str, words: str, note: str) -> None:
    assert _justification(raw) == (words, note)


# ------------------------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("SPD", "spd"),
        ("CDU / CSU", "cdu-csu"),
        ("GRÜNE", "gruene"),
        ("FREIE WÄHLER", "freie-waehler"),
        ("BüSo", "bueso"),
        ("ÖDP", "oedp"),
        ("Die Gerechtigkeitspartei - Team Todenhöfer", "die-gerechtigkeitspartei-team-todenhoefer"),
        ("Straße", "strasse"),
        ("GRU\u0308NE", "gruene"),  # decomposed umlaut, as two of the 2025 justifications have
        ("Côte d’Ivoire", "cote-divoire"),
        ("Yemen People's Republic", "yemen-peoples-republic"),
        ("???", ""),
    ],
)
def test_slug(name: str, expected: str) -> None:
    assert slug(name) == expected


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [
        ("Bundestagswahl", 2025, "bundestag-2025"),
        ("Landtagswahl Bayern", 2023, "landtag-bayern-2023"),
        ("Bürgerschaftswahl Hamburg", 2025, "buergerschaft-hamburg-2025"),
        ("Abgeordnetenhauswahl Berlin", 2023, "abgeordnetenhaus-berlin-2023"),
        ("Europawahl", 2024, "europa-2024"),
        ("Landtagswahl Baden-Württemberg", 2021, "landtag-baden-wuerttemberg-2021"),
    ],
)
def test_briefing_id_from_election(name: str, year: int, expected: str) -> None:
    assert Election(name, date(year, 1, 1), None).briefing_id == expected


# ----------------------------------------------------------------------------------- the real data


@pytest.fixture
def full_data() -> Path:
    """The real Bundestagswahl 2025 folder in ../shared. Where it is absent the test is skipped,
    except in CI, which has ../shared: there its absence fails rather than pass unseen."""
    if FULL_DATA.is_dir():
        return FULL_DATA
    reason = (
        f"{FULL_DATA} is absent: the real Wahl-O-Mat data (qual-o-mat-data) is not in the "
        "repository, as its publisher forbids any use of it; ../shared holds a copy"
    )
    if os.environ.get("CI"):
        pytest.fail(f"{reason}, and CI should have it")
    pytest.skip(reason)


@pytest.mark.slow
def test_full_bundestagswahl_2025(full_data: Path, tmp_path: Path) -> None:
    """The real election, imported at test time into a temporary folder (never into the repo)."""
    dest = tmp_path / "bundestag-2025"
    assert main(["import", "wahlomat", str(full_data), str(dest)]) == 0
    briefing, problems = load_briefing(dest)
    assert briefing.counts() == {"actors": 28, "issues": 38, "sources": 1, "quotes": 969, "positions": 1064}
    # 95 answers came with an empty justification ('""', or '"-"' once): real gaps, but the
    # answer itself is recorded in the Wahl-O-Mat (the position's source), so nothing to warn of.
    assert problems == []
    assert (briefing.positions["evidence"].map(len) == 0).sum() == 95
    raw = [c["text"] for c in _json("comment.json", full_data)]
    assert all(f'"{text}"' in set(raw) for text in briefing.quotes["text"])
    # What the invented fixture stands for, seen in the real data: a party name with an umlaut,
    # justifications that open with a quotation of their own, and decomposed umlauts, all intact.
    actors = briefing.actors.set_index("id")
    assert sorted(actors["name"]) == sorted(p["name"] for p in _json("party.json", full_data))
    assert actors.loc["gruene", "name"] == "GRÜNE"
    opening = [t for t in raw if t.startswith('""') and len(t) > 2]
    assert opening and len([t for t in briefing.quotes["text"] if t.startswith('"')]) == len(opening)
    decomposed = [t for t in raw if "\u0308" in t]
    assert decomposed and briefing.quotes["text"].str.contains("\u0308").sum() == len(decomposed)
    assert briefing.meta.as_of == date(2025, 2, 23)
    assert briefing.sources.iloc[0]["url"] == "https://www.wahl-o-mat.de/bundestagswahl2025/"
