"""YAML: composed, never constructed (no tag runs code, no alias expands); values stay as written."""

from __future__ import annotations

import time
from pathlib import Path

from dashboard.formats.json import canonical
from dashboard.load import load_briefing
from dashboard.problems import Severity, errors


def test_single_briefing_yaml_holding_every_section(load_clean, tmp_path: Path, mini) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(mini.yaml(mini.document()), encoding="utf-8")
    assert load_clean(path) == mini.document()


def test_python_tag_is_refused_and_nothing_runs(tmp_path: Path, mini) -> None:
    marker = tmp_path / "pwned"
    folder = mini.folder(tmp_path / "mini")
    (folder / "actors.yaml").write_text(
        f"- id: x\n  name: !!python/object/apply:os.system ['touch {marker}']\n  kind: state\n",
        encoding="utf-8",
    )
    _, problems = load_briefing(folder)
    assert not marker.exists()
    found = [str(p) for p in problems if p.file == "mini/actors.yaml"]
    assert found == [
        "mini/actors.yaml:2: error: YAML tag '!!python/object/apply:os.system' is not allowed: "
        "briefing files hold plain text, lists and mappings only"
    ]


def test_python_tag_in_single_briefing_file_is_refused(tmp_path: Path, mini) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "mini.yaml"
    document = mini.yaml(mini.document())
    path.write_text(
        document.replace(
            "title: Mini briefing", f"title: !!python/object/apply:os.system ['touch {marker}']"
        ),
        encoding="utf-8",
    )
    briefing, problems = load_briefing(path)
    assert not marker.exists()
    assert any(
        "YAML tag '!!python/object/apply:os.system' is not allowed" in p.message for p in errors(problems)
    )
    assert briefing.counts() == dict.fromkeys(briefing.counts(), 0)


BILLION_LAUGHS = """\
- id: &a lol
  name: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
  kind: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
  role: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
  summary: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
  country: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
  aliases: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
  affiliation: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]
  represents: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def test_yaml_alias_bomb_is_refused_quickly(tmp_path: Path, mini) -> None:
    folder = mini.folder(tmp_path / "mini")
    (folder / "actors.yaml").write_text(BILLION_LAUGHS, encoding="utf-8")
    started = time.process_time()  # this process's CPU: other work on a shared machine adds none
    _, problems = load_briefing(folder)
    assert time.process_time() - started < 3  # expanded, it would be 10**9 values
    found = [str(p) for p in problems if p.file == "mini/actors.yaml"]
    assert found == [
        "mini/actors.yaml:1: error: YAML anchors and aliases (&name / *name) are not supported: "
        "write the value out"
    ]


def test_yaml_tab_indentation_reports_its_line(tmp_path: Path, mini) -> None:
    folder = mini.folder(tmp_path / "mini")
    (folder / "issues.yaml").write_text(
        "- id: restrain\n  title: Restrain cooperation\n\tstatement: China should restrain it.\n",
        encoding="utf-8",
    )
    _, problems = load_briefing(folder)
    found = [p for p in problems if p.file == "mini/issues.yaml"]
    assert len(found) == 1
    assert found[0].line == 3
    assert found[0].severity is Severity.ERROR
    assert found[0].message.startswith("cannot parse YAML")
    assert "(YAML does not allow tabs for indentation: use spaces)" in found[0].message


def test_empty_briefing_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("", encoding="utf-8")
    briefing, problems = load_briefing(path)
    assert [str(p) for p in problems] == [
        "empty.yaml:1: error: briefing: expected 'id:', 'title:', 'as_of:' and 'summary:' lines"
    ]
    assert sum(briefing.counts().values()) == 0


def test_norway_country_code_stays_the_text_no(tmp_path: Path, mini) -> None:
    folder = mini.folder(tmp_path / "mini")
    # Written by hand: YAML 1.1 reads a bare NO (or no, off) as false unless loaded as text.
    (folder / "actors.yaml").write_text(
        "- id: united-states\n  name: United States\n  kind: state\n  country: US\n"
        "- id: norway\n  name: Norway\n  kind: state\n  country: NO\n  aliases: [no, off, 1e3]\n"
        "- id: blinken\n  name: Antony Blinken\n  kind: official\n  represents: united-states\n"
        "- id: lu-chao\n  name: Lu Chao\n  kind: expert\n",
        encoding="utf-8",
    )
    briefing, problems = load_briefing(folder)
    assert errors(problems) == []
    norway = briefing.actors.set_index("id").loc["norway"]
    assert norway["country"] == "NO"
    assert norway["aliases"] == ["no", "off", "1e3"]


def test_unquoted_yaml_dates_and_numbers_stay_as_written(tmp_path: Path, mini) -> None:
    folder = mini.folder(tmp_path / "mini")
    (folder / "sources.yaml").write_text(
        "- id: article\n  title: 1984\n  publisher: 0x1F\n  published: 2024-11-02\n  kind: news\n",
        encoding="utf-8",
    )
    briefing, problems = load_briefing(folder)
    assert errors(problems) == []
    source = canonical(briefing)["sources"][0]
    assert (source["title"], source["publisher"], source["published"]) == ("1984", "0x1F", "2024-11-02")
