"""Validation: every kind of problem, pinned to its file, line and field; valid records survive."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from dashboard.briefing import Briefing
from dashboard.load import load_briefing
from dashboard.problems import Problem, Severity, errors

# A warning from pandas today is an error in its next version: fail now, not then.
pytestmark = pytest.mark.filterwarnings("error")


@pytest.fixture(autouse=True)
def _relative_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def with_broken(tmp_path: Path, mini) -> Callable[[str, str], tuple[Briefing, list[Problem]]]:
    """Loads the mini briefing with TEXT written at the top of TABLE.yaml, above its valid records.

    Line numbers in a case are therefore counted from the first line of TEXT. The 'briefing'
    table is the metadata file, and TEXT is all of it.
    """

    def write_and_load(table: str, text: str) -> tuple[Briefing, list[Problem]]:
        folder = mini.folder(tmp_path / "mini")
        if table == "briefing":
            (folder / "briefing.yaml").write_text(text, encoding="utf-8")
        else:
            records = mini.tables().get(table, [])  # the mini declares no blocs
            valid = mini.yaml(records) if records else ""
            (folder / f"{table}.yaml").write_text(text + valid, encoding="utf-8")
        return load_briefing(folder)

    return write_and_load


# (table, broken record(s) or file, expected file:line, expected field, part of the message)
ERRORS = [
    pytest.param(
        "quotes",
        "- id: q9\n  speaker: [blinken\n  text: Hello\n",
        "quotes.yaml:3",
        "",
        "cannot parse YAML",
        id="unparseable-yaml",
    ),
    pytest.param(
        "quotes",
        "- id: q9\n  speaker: blinken\n  source: article\n  kind: direct\n",
        "quotes.yaml:1",
        "text",
        "quote q9: missing required field 'text'",
        id="missing-required",
    ),
    pytest.param(
        "positions",
        "- actor: lu-chao\n  issue: restrain\n  stance: oppose\n  basis: stated\n  evidence: [q2]\n",
        "positions.yaml:1",
        "confidence",
        "position of lu-chao on restrain: missing required field 'confidence'",
        id="missing-required-position",
    ),
    pytest.param(
        "quotes",
        "- id: q9\n  speaker: blinken\n  text: Hello\n  source: article\n  kind: direct\n"
        "  isues: [restrain]\n  issues: [restrain]\n",
        "quotes.yaml:6",
        "isues",
        "quotes: unknown field 'isues' (did you mean 'issues'?); fields "
        "are: id, speaker, text, source, kind, date, issues, context, language",
        id="unknown-field",
    ),
    pytest.param(
        "actors",
        "- id: us/state\n  name: United States\n  kind: state\n",
        "actors.yaml:1",
        "id",
        "bad id 'us/state': use letters, digits and - _ . : only",
        id="bad-id-slash",
    ),
    pytest.param(
        "quotes",
        "- id: q 9\n  speaker: blinken\n  text: Hello\n  source: article\n"
        "  kind: direct\n  issues: [restrain]\n",
        "quotes.yaml:1",
        "id",
        "quote q 9: bad id 'q 9'",
        id="bad-id-space",
    ),
    pytest.param(
        "quotes",
        "- id: q9\n  speaker: blinken\n  text: Hello\n  source: article\n"
        "  kind: direct\n  issues: [restrain]\n"
        "- id: q9\n  speaker: lu-chao\n  text: Again\n  source: article\n"
        "  kind: direct\n  issues: [restrain]\n",
        "quotes.yaml:7",
        "id",
        "quote q9: duplicate id 'q9' (first defined at line 1)",
        id="duplicate-id",
    ),
    pytest.param(
        "quotes",
        "- id: q9\n  speaker: blinken\n  text: Hello\n  source: article\n"
        "  kind: quoted\n  issues: [restrain]\n",
        "quotes.yaml:5",
        "kind",
        "quote q9: kind 'quoted' is not one of direct, partial, paraphrase",
        id="vocabulary-quote-kind",
    ),
    pytest.param(
        "positions",
        "- actor: lu-chao\n  issue: restrain\n  stance: suport\n  basis: stated\n"
        "  confidence: high\n  evidence: [q2]\n",
        "positions.yaml:3",
        "stance",
        "stance 'suport' is not one of strongly_support, support, "
        "neutral, oppose, strongly_oppose, mixed, silent (did you mean 'support'?)",
        id="vocabulary-stance",
    ),
    pytest.param(
        "actors",
        "- id: eu\n  name: European Union\n  kind: organisation\n",
        "actors.yaml:3",
        "kind",
        "actor eu: kind 'organisation' is not one of state, organization, "
        "official, expert, other (did you mean 'organization'?)",
        id="vocabulary-actor-kind",
    ),
    pytest.param(
        "quotes",
        "- id: q9\n  speaker: blinken\n  text: Hello\n  source: article\n"
        "  kind: direct\n  date: 2024-02-30\n  issues: [restrain]\n",
        "quotes.yaml:6",
        "date",
        "quote q9: date '2024-02-30' is not a date: write YYYY-MM-DD",
        id="bad-date-no-such-day",
    ),
    pytest.param(
        "sources",
        "- id: wire\n  title: Wire\n  publisher: A wire\n  published: 02/11/2024\n  kind: news\n",
        "sources.yaml:4",
        "published",
        "source wire: published '02/11/2024' is not a date",
        id="bad-date-format",
    ),
    pytest.param(
        "quotes",
        "- id: q9\n  speaker: blinkin\n  text: Hello\n  source: article\n"
        "  kind: direct\n  issues: [restrain]\n",
        "quotes.yaml:2",
        "speaker",
        "quote q9: speaker 'blinkin' is not an actor id (did you mean 'blinken'?)",
        id="unknown-actor",
    ),
    pytest.param(
        "quotes",
        "- id: q9\n  speaker: [blinken, lu-chao]\n  text: Hello\n  source: article\n"
        "  kind: direct\n  issues: [restrain]\n",
        "quotes.yaml:2",
        "speaker",
        "quote q9: 'speaker' must be a single value, found a list",
        id="list-where-one-value-belongs",
    ),
    pytest.param(
        "quotes",
        "- id: q9\n  speaker: blinken\n  text: Hello\n  source: article\n"
        "  kind: direct\n  issues: [restrain, restrian]\n",
        "quotes.yaml:6",
        "issues",
        "quote q9: issues 'restrian' is not an issue id (did you mean 'restrain'?)",
        id="unknown-issue-in-list",
    ),
    pytest.param(
        "positions",
        "- actor: lu-chao\n  issue: restran\n  stance: oppose\n  basis: stated\n"
        "  confidence: high\n  evidence: [q2]\n",
        "positions.yaml:2",
        "issue",
        "position of lu-chao on restran: issue 'restran' is not an issue id (did you mean 'restrain'?)",
        id="unknown-issue",
    ),
    pytest.param(
        "quotes",
        "- id: q9\n  speaker: blinken\n  text: Hello\n  source: artcle\n"
        "  kind: direct\n  issues: [restrain]\n",
        "quotes.yaml:4",
        "source",
        "quote q9: source 'artcle' is not a source id (did you mean 'article'?)",
        id="unknown-source",
    ),
    pytest.param(
        "positions",
        "- actor: lu-chao\n  issue: restrain\n  stance: oppose\n  basis: stated\n"
        "  confidence: high\n  source: artcle\n",
        "positions.yaml:6",
        "source",
        "position of lu-chao on restrain: source 'artcle' is not a source id (did you mean 'article'?)",
        id="unknown-position-source",
    ),
    pytest.param(
        "blocs",
        "- id: allies\n  name: Allies\n  members: [blinken, nobdy]\n  source: article\n",
        "blocs.yaml:3",
        "members",
        "bloc allies: members 'nobdy' is not an actor id",
        id="unknown-bloc-member",
    ),
    pytest.param(
        "positions",
        "- actor: lu-chao\n  issue: restrain\n  stance: oppose\n  basis: stated\n"
        "  confidence: high\n  evidence:\n    - q2\n    - q99\n",
        "positions.yaml:6",
        "evidence",
        "position of lu-chao on restrain: evidence 'q99' is not a quote id",
        id="unknown-quote",
    ),
    pytest.param(
        "actors",
        "- id: blinkens-deputy\n  name: Deputy\n  kind: official\n  represents: united-sates\n",
        "actors.yaml:4",
        "represents",
        "actor blinkens-deputy: represents 'united-sates' is not an actor id (did you mean 'united-states'?)",
        id="unknown-represented-actor",
    ),
    pytest.param(
        "positions",
        "- actor: lu-chao\n  issue: restrain\n  stance: oppose\n  as_of: 2024-11-01\n"
        "  basis: stated\n  confidence: high\n  evidence: [q2]\n"
        "- actor: lu-chao\n  issue: restrain\n  stance: mixed\n  as_of: 2024-11-01\n"
        "  basis: stated\n  confidence: low\n  evidence: [q2]\n",
        "positions.yaml:11",
        "as_of",
        "position of lu-chao on restrain: a second position for the "
        "same actor, issue and date (first at line 1)",
        id="two-positions-same-date",
    ),
    pytest.param(
        "positions",
        "- actor: united-states\n  issue: restrain\n  stance: oppose\n"
        "  as_of: 2024-11-02\n  basis: stated\n  confidence: low\n  evidence: [q1]\n",
        "positions.yaml:11",
        "as_of",
        "position of united-states on restrain: a second position "
        "for the same actor, issue and date (first at line 1)",
        id="two-positions-existing-record",
    ),
    pytest.param(
        "positions",
        "- actor: lu-chao\n  issue: restrain\n  stance: oppose\n  basis: inferred\n"
        "  confidence: low\n  evidence: [q2]\n  assessed_by: lu-chaos\n",
        "positions.yaml:7",
        "assessed_by",
        "position of lu-chao on restrain: assessed_by "
        "'lu-chaos' is not an actor id (did you mean 'lu-chao'?)",
        id="unknown-assessor",
    ),
    pytest.param(
        "briefing",
        "id: mini\ntitle: Mini\nsummary: No date.\n",
        "briefing.yaml:1",
        "as_of",
        "briefing: missing required field 'as_of'",
        id="briefing-missing-as-of",
    ),
    pytest.param(
        "briefing",
        "id: mini\ntitle: Mini\nas_of: 2 Nov 2024\n",
        "briefing.yaml:1",
        "as_of",
        "briefing: as_of '2 Nov 2024' is not valid",
        id="briefing-bad-as-of",
    ),
    pytest.param(
        "briefing",
        "id: mini\ntitle: Mini\nas_of: 2024-11-02\nsumary: Typo.\n",
        "briefing.yaml:1",
        "sumary",
        "briefing: unknown field 'sumary' (did you mean 'summary'?)",
        id="briefing-unknown-field",
    ),
]

WARNINGS = [
    pytest.param(
        "positions",
        "- actor: lu-chao\n  issue: restrain\n  stance: oppose\n  basis: stated\n  confidence: high\n",
        "positions.yaml:1",
        "evidence",
        "position of lu-chao on restrain: basis is 'stated' but neither "
        "an evidence quote nor a source is given",
        id="stated-without-evidence",
    ),
    pytest.param(
        "positions",
        "- actor: lu-chao\n  issue: restrain\n  stance: oppose\n  basis: stated\n"
        "  confidence: high\n  evidence: []\n",
        "positions.yaml:6",
        "evidence",
        "basis is 'stated' but neither an evidence quote nor a source",
        id="stated-with-empty-evidence",
    ),
    pytest.param(
        "actors",
        "- id: nobody\n  name: Nobody\n  kind: other\n",
        "actors.yaml:1",
        "id",
        "actor nobody: nothing refers to this actor",
        id="unreferenced-actor",
    ),
    pytest.param(
        "issues",
        "- id: lonely\n  title: Lonely\n  statement: Nobody asks.\n",
        "issues.yaml:1",
        "id",
        "issue lonely: nothing refers to this issue",
        id="unreferenced-issue",
    ),
    pytest.param(
        "quotes",
        "- id: q9\n  speaker: blinken\n  text: Hello\n  source: article\n  kind: direct\n",
        "quotes.yaml:1",
        "issues",
        "quote q9: the quote is linked to no issue",
        id="quote-without-issue",
    ),
    pytest.param(
        "positions",
        "- actor: lu-chao\n  issue: restrain\n  stance: oppose\n  basis: inferred\n"
        "  confidence: low\n  evidence: [q2]\n",
        "positions.yaml:1",
        "assessed_by",
        "basis is 'inferred' but 'assessed_by' does not say whose reading it is",
        id="inferred-without-assessor",
    ),
]


def _case_params():
    for severity, cases in ((Severity.ERROR, ERRORS), (Severity.WARNING, WARNINGS)):
        for case in cases:
            yield pytest.param(*case.values, severity, id=case.id)


@pytest.mark.parametrize(("table", "text", "where", "field", "message", "severity"), list(_case_params()))
def test_each_problem_is_pinned_to_file_line_and_field(
    with_broken,
    table: str,
    text: str,
    where: str,
    field: str,
    message: str,
    severity: Severity,
) -> None:
    _, problems = with_broken(table, text)
    file = f"mini/{where.split(':')[0]}"
    in_file = [p for p in problems if p.file == file]
    # The broken record costs exactly one problem in its file: no noise, no second guess.
    assert [p.location for p in in_file] == [f"mini/{where}"], [str(p) for p in problems]
    (problem,) = in_file
    assert problem.severity is severity
    assert problem.field == field
    assert message in problem.message
    assert str(problem).startswith(f"mini/{where}: {severity}: ")


def test_every_error_and_warning_kind_has_a_case() -> None:
    """Guards the table above: a kind listed in the issue must not silently lose its case."""
    ids = {p.id for p in ERRORS} | {p.id for p in WARNINGS}
    required = {
        "unparseable-yaml",
        "missing-required",
        "unknown-field",
        "bad-id-space",
        "duplicate-id",
        "vocabulary-quote-kind",
        "bad-date-no-such-day",
        "unknown-actor",
        "unknown-issue",
        "unknown-source",
        "unknown-quote",
        "two-positions-same-date",
        "stated-without-evidence",
        "unreferenced-actor",
        "unreferenced-issue",
        "quote-without-issue",
    }
    assert required <= ids


BROKEN_QUOTES = """\
- id: q3
  speaker: blinkin
  text: one
  source: article
  kind: direct
  issues: [restrain]
- id: q4
  speaker: blinken
  text: two
  source: article
  kind: quoted
  issues: [restrain]
- id: q5
  speaker: blinken
  text: three
  source: article
  kind: direct
  date: 2024-13-01
  issues: [restrain]
  contxt: misspelt
- id: q6
  speaker: lu-chao
  text: four has only an unknown field
  source: article
  kind: direct
  issues: [restrain]
  speakr: lu-chao
- id: q7
  text: five has no speaker
  source: article
  kind: direct
  issues: [restrain]
"""


def test_a_stated_position_recorded_in_a_source_needs_no_quote(with_broken) -> None:
    """A vote or a questionnaire answer is recorded in its dataset: stated, with no words."""
    briefing, problems = with_broken(
        "positions",
        "- actor: lu-chao\n  issue: restrain\n  stance: oppose\n  basis: stated\n"
        "  confidence: high\n  source: article\n",
    )
    assert problems == []
    kept = briefing.positions[briefing.positions["actor"] == "lu-chao"]
    assert list(kept["source"].astype(str)) == ["article"]


def test_a_declared_bloc_is_kept_with_its_members(with_broken) -> None:
    briefing, problems = with_broken(
        "blocs",
        "- id: allies\n  name: Allies\n  members: [blinken, lu-chao]\n"
        "  kind: coalition\n  as_of: 2024-11-01\n  source: article\n",
    )
    assert problems == []
    assert briefing.counts()["blocs"] == 1
    assert list(briefing.blocs.iloc[0]["members"]) == ["blinken", "lu-chao"]


def test_all_problems_of_a_file_are_reported_in_one_pass(with_broken) -> None:
    briefing, problems = with_broken("quotes", BROKEN_QUOTES)
    assert [(p.line, p.field) for p in problems] == [
        (2, "speaker"),
        (11, "kind"),
        (18, "date"),
        (20, "contxt"),
        (27, "speakr"),
        (28, "speaker"),
    ]
    assert {p.file for p in problems} == {"mini/quotes.yaml"}  # nothing cited the broken ones


def test_broken_records_are_set_aside_and_valid_neighbours_kept(with_broken) -> None:
    briefing, problems = with_broken("quotes", BROKEN_QUOTES)
    # An unknown field costs its record nothing (q6); any other error sets the record aside, q5
    # for its bad date though it has an unknown field too. The valid q1 and q2 below are kept,
    # and so are the positions that cite them.
    assert briefing.quotes["id"].tolist() == ["q6", "q1", "q2"]
    assert len(briefing.positions) == 2
    assert len(errors(problems)) == 6


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_broken_rows_never_hide_valid_ones_in_json_and_csv(tmp_path: Path, mini, fmt: str) -> None:
    tables = mini.tables()
    tables["actors"].insert(1, {"id": "eu", "name": "EU", "kind": "union"})
    tables["actors"].insert(3, {"id": "bad id", "name": "Bad", "kind": "state"})
    tables["actors"].append({"id": "nameless", "kind": "state"})
    folder = mini.folder(tmp_path / "mini", tables, fmt=fmt)
    briefing, problems = load_briefing(folder)
    assert sorted(briefing.actors["id"]) == ["blinken", "lu-chao", "norway", "united-states"]
    assert sorted(p.field for p in errors(problems)) == ["id", "kind", "name"]


def test_csv_row_with_wrong_cell_count_is_reported_and_skipped(tmp_path: Path, mini) -> None:
    folder = mini.folder(tmp_path / "mini", fmt="csv")
    lines = (folder / "issues.csv").read_text(encoding="utf-8").splitlines()
    lines.insert(1, "extra,Title,Statement,topic,description,2024-11-02,ref,one too many")
    (folder / "issues.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    briefing, problems = load_briefing(folder)
    assert [str(p) for p in problems] == [
        "mini/issues.csv:2: error: issues: row has 8 cells but the header has 7: check for a "
        "missing or extra comma (quote cells that contain commas)"
    ]
    assert briefing.issues["id"].tolist() == ["restrain"]


def test_duplicate_positions_beside_a_broken_position(with_broken) -> None:
    """Once crashed: the duplicate check mixed all rows with the kept rows."""
    record = (
        "- actor: lu-chao\n  issue: restrain\n  stance: {}\n  basis: stated\n"
        "  confidence: high\n  evidence: [q2]\n"
    )
    briefing, problems = with_broken("positions", record.format("wrong") + record.format("oppose") * 2)
    assert [(p.line, p.field) for p in problems] == [(3, "stance"), (13, "as_of")]
    assert "(first at line 7)" in problems[1].message
    assert len(briefing.positions) == 3  # the first lu-chao position and the two valid ones


def test_reference_to_a_broken_record_says_the_record_has_errors(tmp_path: Path, mini) -> None:
    actors = mini.yaml(mini.tables()["actors"]).replace("kind: official", "kind: oficial")
    folder = mini.folder(tmp_path / "mini", {**mini.tables(), "actors": actors})
    briefing, problems = load_briefing(folder)
    blinken_line = actors.splitlines().index("- id: blinken") + 1
    assert (
        "mini/quotes.yaml:2: error: quote q1: speaker 'blinken' refers to an actor that has "
        f"errors (line {blinken_line}): fix that record first" in [str(p) for p in problems]
    )
    # ... and the position citing q1 is told in turn that q1 has errors
    assert any(
        p.file == "mini/positions.yaml"
        and p.field == "evidence"
        and "evidence 'q1' refers to a quote that has errors (line 1)" in p.message
        for p in problems
    )
    assert briefing.quotes["id"].tolist() == ["q2"]


def test_self_and_circular_represents(with_broken) -> None:
    briefing, problems = with_broken(
        "actors",
        "- id: narcissus\n  name: N\n  kind: official\n  represents: narcissus\n"
        "- id: a\n  name: A\n  kind: official\n  represents: b\n"
        "- id: b\n  name: B\n  kind: organization\n  represents: c\n"
        "- id: c\n  name: C\n  kind: state\n  represents: a\n",
    )
    loop = (
        "'represents' goes round in a loop: a -> b -> c -> a; an official represents a state or organization"
    )
    assert [str(p) for p in problems] == [
        "mini/actors.yaml:4: error: actor narcissus: represents itself; an official represents "
        "a state or organization",
        f"mini/actors.yaml:8: error: actor a: {loop}",
        f"mini/actors.yaml:12: error: actor b: {loop}",
        f"mini/actors.yaml:16: error: actor c: {loop}",
    ]
    assert "narcissus" not in set(briefing.actors["id"])
    assert len(briefing.actors) == 4  # the mini's own actors


def test_the_issues_example_line_is_reproduced_exactly(tmp_path: Path, mini) -> None:
    """`data/korea/quotes.yaml:41: error: quote q7: speaker 'blinkin' is not an actor id ...`"""
    folder = mini.folder(tmp_path / "data" / "korea")
    filler = "".join(
        f"- id: q{n}\n  speaker: blinken\n  text: Said {n}\n  source: article\n  kind: direct\n"
        f"  issues: [restrain]\n"
        for n in range(3, 7)
    )  # 24 lines
    header = "# Quotes from the article\n" * 15  # 15 lines: q7 starts on line 40
    q7 = (
        "- id: q7\n  speaker: blinkin\n  text: Hello\n  source: article\n  kind: direct\n"
        "  issues: [restrain]\n"
    )
    (folder / "quotes.yaml").write_text(
        header + filler + q7 + mini.yaml(mini.tables()["quotes"]), encoding="utf-8"
    )
    _, problems = load_briefing(folder)
    assert [str(p) for p in problems] == [
        "data/korea/quotes.yaml:41: error: quote q7: speaker 'blinkin' is not an actor id "
        "(did you mean 'blinken'?)"
    ]


def test_no_suggestion_when_nothing_is_close(with_broken) -> None:
    _, problems = with_broken(
        "quotes",
        "- id: q9\n  speaker: zzz\n  text: Hello\n  source: article\n  kind: direct\n  issues: [restrain]\n",
    )
    (problem,) = problems
    assert problem.message == "quote q9: speaker 'zzz' is not an actor id"


def _quotes_with_bad_speaker(mini) -> list[dict]:
    quotes = mini.tables()["quotes"]
    quotes[1]["speaker"] = "blinkin"
    return quotes


MESSAGE = "quote q2: speaker 'blinkin' is not an actor id (did you mean 'blinken'?)"


@pytest.mark.parametrize(
    ("fmt", "location"),
    [("yaml", "mini/quotes.yaml:10"), ("json", "mini/quotes.json:13"), ("csv", "mini/quotes.csv:3")],
)
def test_location_in_each_table_format(tmp_path: Path, mini, fmt: str, location: str) -> None:
    tables = {**mini.tables(), "quotes": _quotes_with_bad_speaker(mini)}
    folder = mini.folder(tmp_path / "mini", tables, fmt=fmt)
    _, problems = load_briefing(folder)
    assert [str(p) for p in errors(problems) if p.field == "speaker"] == [f"{location}: error: {MESSAGE}"]


def test_csv_line_numbers_count_cells_that_span_lines(tmp_path: Path, mini) -> None:
    quotes = _quotes_with_bad_speaker(mini)
    quotes[0]["context"] = "line a\nline b\nline c"  # q1 takes lines 2 to 4
    folder = mini.folder(tmp_path / "mini", {**mini.tables(), "quotes": quotes}, fmt="csv")
    _, problems = load_briefing(folder)
    assert [str(p) for p in errors(problems) if p.field == "speaker"] == [
        f"mini/quotes.csv:5: error: {MESSAGE}"
    ]


def test_location_in_a_workbook_is_sheet_and_row(tmp_path: Path, mini) -> None:
    tables = {**mini.tables(), "quotes": _quotes_with_bad_speaker(mini)}
    mini.workbook(tmp_path / "mini.xlsx", tables, date_cells=False)
    _, problems = load_briefing(tmp_path / "mini.xlsx")
    (problem,) = [p for p in errors(problems) if p.field == "speaker"]
    assert (problem.sheet, problem.line) == ("quotes", 3)
    assert str(problem) == f"mini.xlsx[quotes]:3: error: {MESSAGE}"


def test_unknown_column_in_a_workbook_is_reported_once_at_the_header(tmp_path: Path, mini) -> None:
    mini.workbook(tmp_path / "mini.xlsx", date_cells=False, extra_fields={"quotes": ["speakr"]})
    _, problems = load_briefing(tmp_path / "mini.xlsx")
    assert [p.location for p in problems] == ["mini.xlsx[quotes]:1"]
    assert "unknown field 'speakr' (did you mean 'speaker'?)" in problems[0].message


def test_unknown_csv_column_is_reported_at_the_header_line(tmp_path: Path, mini) -> None:
    folder = mini.folder(tmp_path / "mini", fmt="csv")
    text = mini.csv("quotes", mini.tables()["quotes"]).replace("language", "langauge", 1)
    (folder / "quotes.csv").write_text(text, encoding="utf-8")
    _, problems = load_briefing(folder)
    assert [p.location for p in problems] == ["mini/quotes.csv:1"]
    assert "unknown field 'langauge' (did you mean 'language'?)" in problems[0].message


def test_json_table_wrapped_in_its_name_keeps_file_lines(tmp_path: Path, mini) -> None:
    folder = mini.folder(tmp_path / "mini", fmt="json")
    wrapped = json.dumps({"quotes": _quotes_with_bad_speaker(mini)}, indent=4)
    (folder / "quotes.json").write_text(wrapped, encoding="utf-8")
    # q2's '{' is the line above its id: the id's 0-based index is the brace's 1-based line
    line = next(n for n, text in enumerate(wrapped.splitlines()) if '"id": "q2"' in text)
    assert line > 10
    _, problems = load_briefing(folder)
    assert [str(p) for p in errors(problems) if p.field == "speaker"] == [
        f"mini/quotes.json:{line}: error: {MESSAGE}"
    ]


def test_parquet_problems_give_the_row_number(tmp_path: Path, mini) -> None:
    folder = mini.folder(tmp_path / "mini", tables={k: v for k, v in mini.tables().items() if k != "quotes"})
    pd.DataFrame(_quotes_with_bad_speaker(mini)).to_parquet(folder / "quotes.parquet", index=False)
    _, problems = load_briefing(folder)
    assert [str(p) for p in errors(problems) if p.field == "speaker"] == [
        f"mini/quotes.parquet:2: error: {MESSAGE}"
    ]


# ------------------------------------------------------------------------------------ web addresses


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("https://www.example.org/news/2024/11/02/troops?lang=en#quote", ""),
        ("http://example.org", ""),
        ("HTTPS://EXAMPLE.ORG/", ""),  # schemes and hosts are case-blind
        ("https://例え.jp/ニュース", ""),  # an address in another script is still one
        ("https://[2001:db8::1]:8443/x", ""),
        ("javascript:alert(document.cookie)", "it does not start with http:// or https://"),
        ("data:text/html,<script>alert(1)</script>", "it holds an angle bracket"),
        ("ftp://example.org/file", "it does not start with http:// or https://"),
        ("//example.org/no-scheme", "it does not start with http:// or https://"),
        ("www.example.org", "it does not start with http:// or https://"),
        ("https:///no-host", "it names no host"),
        ("https://example.org:port/", "its host or port cannot be read"),
        ('https://example.org/a"><img src=x>', "it holds a quote"),
        ("https://example.org/it's", "it holds a quote"),
        ("https://example.org/a b", "it holds a space"),
        ("https://example.org/a\u00a0b", "it holds a space"),  # no-break space
        ("https://example.org/a\rforged line", "it holds a line break or another control character"),
        (
            "https://example.org/\u202egnp.exe",
            "it holds an invisible character (a direction override, a zero-width or format character)",
        ),
        ("https://example.org/\\..\\x", "it holds a backslash"),
        (
            "https://example.org/soft\u00adhyphen",
            "it holds an invisible character (a direction override, a zero-width or format character)",
        ),
        ("https://example.org/a\u3000b", "it holds a space"),  # an ideographic space
    ],
)
def test_a_source_url_that_is_not_a_web_address_is_a_warning_and_the_source_is_kept(
    tmp_path: Path, mini, url: str, why: str
) -> None:
    tables = mini.tables()
    tables["sources"][0]["url"] = url
    folder = mini.folder(tmp_path / "mini", tables, fmt="json")
    briefing, problems = load_briefing(folder)
    found = [p for p in problems if p.field == "url"]
    assert errors(problems) == []
    assert briefing.counts() == {name: len(records) for name, records in tables.items()}
    assert briefing.sources["url"].iat[0] == url  # kept as written, to be shown as text
    if not why:
        assert found == []
        return
    (problem,) = found
    assert problem.severity is Severity.WARNING
    assert str(problem).startswith("mini/sources.json:2: warning: source article: url '")
    assert (
        f"is not a web address the page can link to: {why}; write it as https://host/path" in problem.message
    )
    assert "\r" not in problem.message and "\u202e" not in problem.message  # shown escaped


# ----------------------------------------------------------------------------- linear in records


def test_a_long_chain_of_represents_is_walked_once(tmp_path: Path, mini) -> None:
    """20,000 officials each representing the next, the last a typo: every one is set aside, and
    the check is linear (it once walked the chain from every actor, a level per pass)."""
    tables = mini.tables()
    chain = [
        {"id": f"o{n}", "name": f"O {n}", "kind": "official", "represents": f"o{n + 1}"}
        for n in range(20_000)
    ]
    chain[-1]["represents"] = "nobody"
    tables["actors"] += chain
    folder = mini.folder(tmp_path / "mini", tables, fmt="csv")
    briefing, problems = load_briefing(folder)
    assert set(briefing.actors["id"]) == {a["id"] for a in mini.tables()["actors"]}
    found = [p for p in problems if p.field == "represents"]
    assert "actor o19999: represents 'nobody' is not an actor id" in {p.message for p in found}
    assert "actor o0: represents 'o1' refers to an actor that has errors (line 7): fix that record first" in {
        p.message for p in found
    }
    assert sum(p.count for p in found) == 20_000  # named, or counted in "N more like the above"


def test_a_loop_at_the_end_of_a_long_chain_is_found(tmp_path: Path, mini) -> None:
    tables = mini.tables()
    tables["actors"] += [
        {"id": f"o{n}", "name": f"O {n}", "kind": "official", "represents": f"o{n + 1}"} for n in range(5_000)
    ]
    tables["actors"][-1]["represents"] = "o4998"  # o4998 -> o4999 -> o4998
    folder = mini.folder(tmp_path / "mini", tables, fmt="csv")
    _, problems = load_briefing(folder)
    loops = [p.message for p in problems if "goes round in a loop" in p.message]
    assert loops == [
        "actor o4998: 'represents' goes round in a loop: o4998 -> o4999 -> o4998; an official "
        "represents a state or organization",
        "actor o4999: 'represents' goes round in a loop: o4998 -> o4999 -> o4998; an official "
        "represents a state or organization",
    ]


def test_a_row_listing_many_missing_ids_names_ten(tmp_path: Path, mini) -> None:
    tables = mini.tables()
    tables["positions"][0]["evidence"] = [f"q{n}" for n in range(100, 150)]
    folder = mini.folder(tmp_path / "mini", tables)
    _, problems = load_briefing(folder)
    (problem,) = [p for p in problems if p.field == "evidence"]
    assert problem.message.count("is not a quote id") == 10
    assert problem.message.endswith("; and 40 more ids that are not there")


def test_suggestions_among_many_ids_are_still_found(tmp_path: Path, mini) -> None:
    """Past 2,000 ids the candidates are bounded; a slip at either end still finds its id."""
    tables = mini.tables()
    tables["actors"] += [{"id": f"state-{n:05d}", "name": f"S {n}", "kind": "state"} for n in range(10_000)]
    tables["quotes"][0]["speaker"] = "stat-04321"
    tables["quotes"][1]["speaker"] = "xstate-07777"
    folder = mini.folder(tmp_path / "mini", tables, fmt="csv")
    _, problems = load_briefing(folder)
    speakers = sorted(p.message for p in problems if p.field == "speaker")
    assert speakers == [
        "quote q1: speaker 'stat-04321' is not an actor id (did you mean 'state-04321'?)",
        "quote q2: speaker 'xstate-07777' is not an actor id (did you mean 'state-07777'?)",
    ]
