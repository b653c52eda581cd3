"""Reading briefing files: every supported format gives the same records; bad files fail clearly."""

from __future__ import annotations

import json
import time
from datetime import datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from dashboard.problems import Severity, errors
from dashboard.records import TABLES, Kind
from dashboard.validate import load_briefing
from dashboard.write import canonical


@pytest.fixture(autouse=True)
def _relative_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Problems name files relative to the working folder, as the analyst typed them."""
    monkeypatch.chdir(tmp_path)


def _load_clean(path: Path) -> dict:
    briefing, problems = load_briefing(path)
    assert [str(p) for p in problems] == []
    return canonical(briefing)


def _workbook(mini, path: Path, sheet_name=str.lower) -> Path:
    """The mini briefing as a workbook: a briefing sheet, one sheet per table, lists as 'a; b',
    and dates as Excel writes them, date cells (which openpyxl reads back as datetimes)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = sheet_name("briefing")
    sheet.append(list(mini.meta))
    sheet.append(list(mini.meta.values()))
    for spec in TABLES:
        sheet = workbook.create_sheet(sheet_name(spec.name))
        sheet.append(list(spec.field_names))
        for record in mini.tables()[spec.name]:
            values = (record.get(f.name) for f in spec.fields)
            sheet.append([
                "; ".join(v) if isinstance(v, list)
                else datetime.fromisoformat(v) if f.kind is Kind.DATE and v else v
                for f, v in zip(spec.fields, values, strict=True)
            ])
    workbook.save(path)
    return path


# ------------------------------------------------------------------------------ every format alike


@pytest.mark.parametrize(("fmt", "aliases"), [
    ("yaml", "aliases:\n  - USA\n  - U.S.\n"),
    ("json", '"aliases": [\n      "USA",\n      "U.S."\n    ]'),
    ("csv", ",USA; U.S.,"),  # a list in a CSV cell: items separated by ';'
])
def test_folder_of_table_files_loads_the_mini_briefing(tmp_path: Path, mini, fmt: str,
                                                      aliases: str) -> None:
    folder = mini.folder(tmp_path / "mini", fmt=fmt)
    assert {p.suffix for p in folder.iterdir()} == {".yaml", f".{fmt}"}
    assert aliases in (folder / f"actors.{fmt}").read_text(encoding="utf-8")
    assert _load_clean(folder) == mini.document()


def test_single_briefing_yaml_holding_every_section(tmp_path: Path, mini) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(mini.yaml(mini.document()), encoding="utf-8")
    assert _load_clean(path) == mini.document()


def test_single_briefing_yaml_in_a_folder_holding_every_section(tmp_path: Path, mini) -> None:
    folder = tmp_path / "mini"
    folder.mkdir()
    document = mini.document()
    (folder / "briefing.yaml").write_text(mini.yaml(document), encoding="utf-8")
    assert _load_clean(folder) == mini.document()


def test_xlsx_workbook_with_one_sheet_per_table(tmp_path: Path, mini) -> None:
    path = _workbook(mini, tmp_path / "mini.xlsx")
    published = openpyxl.load_workbook(path)["sources"]["D2"]
    assert (published.value, published.is_date) == (datetime(2024, 11, 2), True)
    assert _load_clean(path) == mini.document()


def test_folder_holding_only_a_workbook_reads_the_workbook(mini, tmp_path: Path) -> None:
    folder = tmp_path / "mini"
    folder.mkdir()
    _workbook(mini, folder / "mini.xlsx", sheet_name=str.capitalize)  # sheet names as Excel users
    assert _load_clean(folder) == mini.document()


def test_large_table_as_parquet(tmp_path: Path, mini) -> None:
    folder = mini.folder(tmp_path / "mini")
    (folder / "positions.yaml").unlink()
    (folder / "quotes.yaml").unlink()
    positions = pd.DataFrame(mini.tables()["positions"])
    positions["as_of"] = pd.to_datetime(positions["as_of"])  # a real date column, not text
    positions.to_parquet(folder / "positions.parquet", index=False)
    pd.DataFrame(mini.tables()["quotes"]).to_parquet(folder / "quotes.parquet", index=False)
    assert _load_clean(folder) == mini.document()


def test_table_file_may_wrap_its_list_in_the_table_name(tmp_path: Path, mini) -> None:
    tables = mini.tables()
    folder = mini.folder(tmp_path / "mini", tables={**tables, "quotes": ""}, fmt="json")
    wrapped = json.dumps({"quotes": tables["quotes"]}, indent=2)
    (folder / "quotes.json").write_text(wrapped, encoding="utf-8")
    assert _load_clean(folder) == mini.document()


def test_a_table_in_two_files_is_an_error(tmp_path: Path, mini) -> None:
    folder = mini.folder(tmp_path / "mini")
    mini.folder(folder, {"quotes": mini.tables()["quotes"]}, fmt="csv")
    _, problems = load_briefing(folder)
    assert [str(p) for p in problems] == [
        "mini/quotes.csv: error: quotes are given in 2 files (quotes.yaml, quotes.csv): keep one"]


# -------------------------------------------------------------------------------------- encodings


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path, mini) -> None:
    folder = mini.folder(tmp_path / "mini")
    for name in ("briefing.yaml", "actors.yaml"):
        path = folder / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert _load_clean(folder) == mini.document()


def test_utf8_byte_order_mark_is_accepted_in_csv_header(tmp_path: Path, mini) -> None:
    folder = mini.folder(tmp_path / "mini", fmt="csv")
    path = folder / "actors.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    # Without stripping the mark the first column would be '\ufeffid', an unknown field.
    assert _load_clean(folder) == mini.document()


def test_latin1_file_is_refused_with_the_line_of_the_first_bad_byte(tmp_path: Path, mini) -> None:
    folder = mini.folder(tmp_path / "mini")
    text = (folder / "actors.yaml").read_text(encoding="utf-8")
    line = text[: text.index("Lu Chao")].count("\n") + 1
    (folder / "actors.yaml").write_bytes(text.replace("Lu Chao", "Lü Chao").encode("latin-1"))
    _, problems = load_briefing(folder)
    found = [p for p in problems if p.file == "mini/actors.yaml"]
    assert [str(p) for p in found] == [
        f"mini/actors.yaml:{line}: error: byte 0xfc is not UTF-8 (the file looks like Latin-1 or "
        "Windows-1252): save it as UTF-8"
    ]


@pytest.mark.parametrize(("encoding", "mark", "message"), [
    ("utf-16-le", "\ufeff", "file is UTF-16 text: save it as UTF-8"),  # Excel's "Unicode text"
    ("utf-16-be", "\ufeff", "file is UTF-16 text: save it as UTF-8"),
    ("utf-16-le", "", "file is UTF-16 text (without a byte order mark): save it as UTF-8"),
])
def test_utf16_file_is_refused(tmp_path: Path, mini, encoding: str, mark: str,
                               message: str) -> None:
    folder = mini.folder(tmp_path / "mini", fmt="csv")
    text = (folder / "quotes.csv").read_text(encoding="utf-8")
    (folder / "quotes.csv").write_bytes((mark + text).encode(encoding))
    _, problems = load_briefing(folder)
    assert [str(p) for p in problems if p.file == "mini/quotes.csv"] == [
        f"mini/quotes.csv: error: {message}"]


# --------------------------------------------------------------------------------- YAML safety


def test_python_tag_is_refused_and_nothing_runs(tmp_path: Path, mini) -> None:
    marker = tmp_path / "pwned"
    folder = mini.folder(tmp_path / "mini")
    (folder / "actors.yaml").write_text(
        "- id: x\n"
        f"  name: !!python/object/apply:os.system ['touch {marker}']\n"
        "  kind: state\n",
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
        document.replace("title: Mini briefing", f"title: !!python/object/apply:os.system "
                         f"['touch {marker}']"),
        encoding="utf-8",
    )
    briefing, problems = load_briefing(path)
    assert not marker.exists()
    assert any("YAML tag '!!python/object/apply:os.system' is not allowed" in p.message
               for p in errors(problems))
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
    started = time.perf_counter()
    _, problems = load_briefing(folder)
    assert time.perf_counter() - started < 3  # expanded, it would be 10**9 values
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


# ------------------------------------------------------------------------------ odd but valid data


@pytest.mark.parametrize("fmt", ["yaml", "csv"])
def test_empty_table_file_is_a_warning_not_a_crash(tmp_path: Path, mini, fmt: str) -> None:
    folder = mini.folder(tmp_path / "mini", fmt=fmt)
    (folder / f"sources.{fmt}").write_text("", encoding="utf-8")
    briefing, problems = load_briefing(folder)
    in_file = [p for p in problems if p.file == f"mini/sources.{fmt}"]
    assert len(in_file) == 1
    assert in_file[0].severity is Severity.WARNING
    assert "empty" in in_file[0].message
    assert len(briefing.sources) == 0
    # the quotes now cite an unknown source; the briefing still loads
    assert "source 'article' is not a source id" in " ".join(p.message for p in errors(problems))


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
    assert (source["title"], source["publisher"], source["published"]) == (
        "1984", "0x1F", "2024-11-02")
