"""Third-party hostile inputs (tests/hostile/third_party/README.md says where they come from): the Big
List of Naughty Strings as names, quotes and addresses in every text format, and the YAML test
suite's documents as briefing files. Loading never raises; what is valid is kept as written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard.formats import yaml as yaml_format
from dashboard.formats.raw import RawBriefing
from dashboard.load import load_briefing
from dashboard.problems import Problem, Severity, errors
from dashboard.records import ACTORS

THIRD_PARTY = Path(__file__).parent / "third_party"
NAUGHTY: list[str] = json.loads((THIRD_PARTY / "blns.json").read_text(encoding="utf-8"))
YAML_SUITE: list[dict] = json.loads((THIRD_PARTY / "yaml-test-suite.json").read_text(encoding="utf-8"))


def test_the_lists_are_whole() -> None:
    assert len(NAUGHTY) == 485
    assert len(YAML_SUITE) == 402 and sum(case["fail"] for case in YAML_SUITE) == 94


@pytest.mark.parametrize("fmt", ["yaml", "json", "csv"])
def test_naughty_strings_as_names_quotes_and_addresses(tmp_path: Path, mini, safe_to_link, fmt: str) -> None:
    tables = mini.tables()
    naughty = [s for s in NAUGHTY if "\x00" not in s]  # a NUL makes a file no text: refused whole
    tables["actors"] += [{"id": f"n{n}", "name": text, "kind": "expert"} for n, text in enumerate(naughty)]
    tables["quotes"] += [
        {
            "id": f"nq{n}",
            "speaker": f"n{n}",
            "text": text,
            "source": "article",
            "kind": "direct",
            "issues": ["restrain"],
            "context": text,
        }
        for n, text in enumerate(naughty)
    ]
    tables["sources"] += [
        {
            "id": f"ns{n}",
            "title": "T",
            "publisher": "P",
            "published": "2024-11-02",
            "kind": "news",
            "url": text,
        }
        for n, text in enumerate(naughty)
    ]
    folder = mini.folder(tmp_path / "mini", tables, fmt=fmt, csv_newline="\r\n")
    briefing, problems = load_briefing(folder)  # anything raised fails the test

    assert all(isinstance(p, Problem) for p in problems)
    # A name or quote that is only white space is missing, so its record is set aside; every other
    # one is kept, with the text as written (less the white space around it).
    blank = {f"n{n}" for n, text in enumerate(naughty) if not text.strip()}
    names = dict(zip(briefing.actors["id"], briefing.actors["name"], strict=True))
    for n, text in enumerate(naughty):
        if f"n{n}" not in blank:
            assert names[f"n{n}"] == text.strip(), (n, text)
    quotes = dict(zip(briefing.quotes["id"], briefing.quotes["text"], strict=True))
    assert {q for q in quotes if q.startswith("nq")} == {
        f"nq{n}" for n in range(len(naughty)) if f"n{n}" not in blank
    }
    assert all(
        p.severity is Severity.WARNING or p.field == "name" or p.field == "text" or p.field == "speaker"
        for p in problems
    ), [str(p) for p in problems][:5]
    # Every address kept without a warning is safe to link. Past 200 warnings the rest are
    # counted ("N more like the above"), so those not named must fit in that count.
    url_problems = [p for p in problems if p.field == "url"]
    named = {p.message.split(": url ", 1)[0].removeprefix("source ") for p in url_problems if p.count == 1}
    counted = sum(p.count for p in url_problems if p.count > 1)
    unsafe = [
        s
        for s, url in zip(briefing.sources["id"], briefing.sources["url"], strict=True)
        if isinstance(url, str) and not safe_to_link(url) and s not in named
    ]
    assert len(unsafe) <= counted, unsafe[:5]
    assert sum(p.count for p in url_problems) >= len(named) + len(unsafe)


def test_every_yaml_test_suite_document_gives_problems_never_an_exception(tmp_path: Path) -> None:
    """Each document read as a table file and as briefing.yaml, by the YAML reader itself (the
    whole load of 800 briefings would take minutes to say the same)."""
    path = tmp_path / "actors.yaml"
    for case in YAML_SUITE:
        path.write_text(case["yaml"], encoding="utf-8")
        as_table, as_document = RawBriefing("mini"), RawBriefing("mini")
        table = yaml_format.read_table(path, ACTORS, as_table)  # anything raised fails the test
        yaml_format.read_document(path, as_document)
        problems = as_table.problems + as_document.problems
        assert all(isinstance(p, Problem) and p.file for p in problems), case["id"]
        assert list(table.frame.columns) == [*ACTORS.field_names, "_line"], case["id"]
        if case["fail"]:  # invalid YAML: refused with an error, every one of the 94
            assert errors(as_table.problems), case["id"]
