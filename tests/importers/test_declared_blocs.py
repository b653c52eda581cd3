"""`import ... --bloc NAME=ID,ID`: blocs declared from the command line, citing the source the person
importing names; never membership the importer makes up. Run on the invented Wahl-O-Mat fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.__main__ import main
from dashboard.importers.declared import BlocError, BlocRequest, parse_bloc
from dashboard.load import load_briefing
from dashboard.problems import errors

ELECTION = Path(__file__).parent / "fixtures" / "wahlomat" / "2025" / "deutschland"
SOURCE = [
    "--bloc-source-title",
    "Coalition agreement",
    "--bloc-source-publisher",
    "The parties",
    "--bloc-source-url",
    "https://example.org/agreement",
    "--bloc-as-of",
    "2024-12-01",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Governing coalition=plv,suedlicht", BlocRequest("Governing coalition", ("plv", "suedlicht"))),
        (" Opposition = bav , die-lampe, bav ", BlocRequest("Opposition", ("bav", "die-lampe"))),
    ],
)
def test_a_bloc_is_a_name_and_two_or_more_ids(text, expected):
    assert parse_bloc(text) == expected


@pytest.mark.parametrize("text", ["plv,suedlicht", "=plv,suedlicht", "Alone=plv", "Empty="])
def test_a_bloc_that_is_not_name_and_ids_is_refused(text):
    with pytest.raises(BlocError, match="write NAME=ID,ID"):
        parse_bloc(text)


def test_declared_blocs_are_written_with_their_source_and_load_clean(tmp_path):
    dest = tmp_path / "bundestag-2025"
    assert (
        main(
            [
                "import",
                "wahlomat",
                str(ELECTION),
                str(dest),
                "--bloc",
                "Governing coalition=plv,suedlicht",
                "--bloc",
                "Opposition=bav,die-lampe",
                *SOURCE,
            ]
        )
        == 0
    )
    briefing, problems = load_briefing(dest)
    assert not errors(problems)
    blocs = briefing.blocs.set_index("id")
    assert blocs.loc["governing-coalition", "members"] == ["plv", "suedlicht"]
    assert blocs.loc["opposition", "name"] == "Opposition"
    source = briefing.source_records[blocs.loc["opposition", "source"]]
    assert (source["title"], source["publisher"], source["url"]) == (
        "Coalition agreement",
        "The parties",
        "https://example.org/agreement",
    )
    assert str(blocs.loc["opposition", "as_of"].date()) == "2024-12-01"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--bloc", "Coalition=plv,nobody", *SOURCE], "no actor 'nobody' in the imported data"),
        (["--bloc", "Coalition=plv,suedlicht"], "--bloc needs --bloc-source-title"),
        (
            ["--bloc", "Coalition=plv,suedlicht", "--bloc-as-of", "2024-12-01"],
            "--bloc needs the source of its membership",
        ),
        (
            ["--bloc", "Coalition=plv,suedlicht", "--bloc", "Coalition=bav,die-lampe", *SOURCE],
            "names must differ",
        ),
    ],
)
def test_a_bloc_that_cannot_be_declared_is_a_usage_error_and_nothing_is_written(
    tmp_path, capsys, extra, message
):
    dest = tmp_path / "out"
    assert main(["import", "wahlomat", str(ELECTION), str(dest), *extra]) == 2
    assert message in capsys.readouterr().err
    assert not dest.exists()
