"""Every broken briefing in the corpus: `check` names its problem, and the valid records remain."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest
import yaml

import dashboard.__main__ as cli
from dashboard.briefing import Briefing
from dashboard.load import load_briefing
from dashboard.problems import Problem


def test_the_corpus_covers_every_kind_of_breakage_in_the_issue(corpus_names: list[str]) -> None:
    """Guards the corpus: a case listed in the issue must not silently go missing."""
    required = {
        "yaml-unparseable",
        "json-unparseable",
        "csv-header-unparseable",
        "xlsx-not-a-zip",
        "xlsx-broken-sheet",
        "latin1",
        "utf16-bom",
        "utf16-no-bom",
        "yaml-tabs",
        "empty-briefing-file",
        "empty-table-file",
        "table-is-a-mapping",
        "list-of-strings",
        "csv-too-many-cells",
        "csv-too-few-cells",
        "missing-required-field",
        "unknown-field",
        "mapping-where-text-belongs",
        "list-where-date-belongs",
        "date-no-such-day",
        "date-month-13",
        "date-in-words",
        "stance-outside-vocabulary",
        "actor-kind-outside-vocabulary",
        "duplicate-id",
        "unknown-speaker",
        "unknown-source",
        "unknown-issue",
        "unknown-evidence",
        "unknown-assessed-by",
        "unknown-represents",
        "represents-itself",
        "represents-loop",
        "id-dot-dot",
        "id-slash",
        "id-space",
        "yaml-python-apply",
        "yaml-python-name",
        "yaml-billion-laughs",
        "yaml-duplicate-key",
        "nul-byte",
        "csv-unterminated-quote",
    }
    assert required <= set(corpus_names)
    # Issue 10: inputs that cost far more than their size, and links in records.
    assert {
        "csv-header-100k-columns",
        "xlsx-zip-bomb",
        "xlsx-expansion-ratio",
        "parquet-dictionary-rows",
        "parquet-dictionary-expands",
        "yaml-too-many-values",
        "yaml-nested-too-deep",
        "json-too-many-values",
        "file-too-large",
        "csv-many-bad-rows",
        "source-url-javascript",
        "source-url-breaks-out",
        "source-url-no-host",
        "source-url-bidi",
    } <= set(corpus_names)
    assert len(corpus_names) >= 40


def test_the_corpus_table_lists_every_case(corpus_names: list[str]) -> None:
    table = (Path(__file__).parent / "corpus" / "README.md").read_text(encoding="utf-8")
    listed = {line.split("`")[1] for line in table.splitlines() if line.startswith("| `")}
    assert listed == set(corpus_names)


def test_check_reports_the_problem_and_the_valid_records_remain(
    corpus_case,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    corpus_name: str,
) -> None:
    expect = corpus_case(corpus_name)
    problem = expect["problem"]
    location = problem["file"] if problem["line"] is None else f"{problem['file']}:{problem['line']}"
    prefix = f"{location}: {problem['severity']}: "
    # `check` calls load_briefing once; its result is kept to be looked at too, as loading each
    # case a second time would double the time of the whole corpus.
    loaded: list[tuple[Briefing, list[Problem]]] = []

    def load_and_keep(path: Path) -> tuple[Briefing, list[Problem]]:
        loaded.append(load_briefing(path))
        return loaded[-1]

    monkeypatch.setattr(cli, "load_briefing", load_and_keep)

    # 1: the data has errors; 0 for a case whose only problem is a warning (expect.yaml says so).
    assert cli.main(["check", expect["path"]]) == expect.get("exit", 1)
    out = capsys.readouterr().out.splitlines()
    printed = [line for line in out if line.startswith(prefix) and problem["message"] in line]
    assert printed, "\n".join(out)
    assert all(problem["field"] in line for line in printed)  # the field is named too

    ((briefing, problems),) = loaded
    named = [p for p in problems if str(p).startswith(prefix) and problem["message"] in p.message]
    assert problem["field"] in {p.field for p in named}, [(str(p), p.field) for p in named]
    assert briefing.counts() == expect["kept"]


def test_an_unreadable_briefing_file_is_reported_once(corpus_case) -> None:
    """Not also as "the 'briefing' section is missing": the file is there, and broken."""
    expect = corpus_case("empty-briefing-file")
    _, problems = load_briefing(Path(expect["path"]))
    assert [str(p) for p in problems] == [
        "mini/briefing.yaml:1: error: briefing: expected 'id:', 'title:', 'as_of:' and 'summary:' lines"
    ]


# ------------------------------------------------------------- YAML meant to run code, or explode


@pytest.mark.parametrize("case", ["yaml-python-apply", "yaml-python-object-new"])
def test_python_tags_run_nothing(corpus_case, case: str) -> None:
    expect = corpus_case(case)
    marker = Path(expect["must_not_exist"])
    cli.main(["check", expect["path"]])
    load_briefing(Path(expect["path"]))
    assert not marker.exists()


@pytest.mark.parametrize("case", ["yaml-python-apply", "yaml-python-object-new"])
def test_the_payloads_are_live_so_the_test_above_can_fail(corpus_case, case: str) -> None:
    """PyYAML's unsafe loader does run each payload (a harmless `touch` in this temporary copy):
    proof that the marker would appear if the loader ever constructed what it reads."""
    expect = corpus_case(case)
    marker = Path(expect["must_not_exist"])
    yaml.unsafe_load(Path(expect["problem"]["file"]).read_text(encoding="utf-8"))
    assert marker.exists()


def test_alias_bomb_is_refused_fast_with_little_memory(corpus_case) -> None:
    expect = corpus_case("yaml-billion-laughs")
    tracemalloc.start()
    started = time.process_time()  # this process's CPU: other work on the machine does not count
    try:
        _, problems = load_briefing(Path(expect["path"]))
        elapsed = time.process_time() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert any("anchors and aliases" in p.message for p in problems)
    # Expanded, the file is 10**9 values; refused, it costs what the small briefing costs.
    assert elapsed < 5
    assert peak < 50 * 2**20
