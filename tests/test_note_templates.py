"""The note's HTML templates escape by default: the Jinja environment autoescapes and refuses an
undefined name, record text goes through the `text` filter (escape.html_text) in every field, only a
safe http(s) URL becomes a link, and the templates ship with the package."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest
from jinja2 import UndefinedError

from dashboard.escape import html_text
from dashboard.note import NoteAlike, NoteIssue, NoteQuote, NoteReading
from dashboard.note.counterpart import BriefGroup, BriefRow, NoteBrief
from dashboard.note.html import ENVIRONMENT, document
from dashboard.note.model import Note

PROJECT = Path(__file__).resolve().parents[1]
TEMPLATES = PROJECT / "dashboard" / "note" / "templates"
PAYLOAD = '<script>alert(1)</script><img src=x onerror="alert(1)"> & \u202e \x0b {{ 7*7 }}'
SHOWN = html_text(PAYLOAD)  # as the reader must see it: escaped, override and control made visible


def hostile(field: str) -> str:
    return f"{field} {PAYLOAD}"


def test_the_environment_autoescapes_a_plain_variable() -> None:
    made = ENVIRONMENT.from_string("<p>{{ value }}</p>").render(value=PAYLOAD)
    assert "<script>" not in made and "&lt;script&gt;alert(1)&lt;/script&gt;" in made
    assert "onerror=&#34;alert(1)&#34;" in made


def test_the_environment_refuses_an_undefined_name() -> None:
    with pytest.raises(UndefinedError):
        ENVIRONMENT.from_string("{{ note.titel }}").render(note={})


@pytest.mark.parametrize("value", [PAYLOAD, "", "plain words", "tab\tand\nnew line", "\u2066\u2069"])
def test_the_text_filter_is_html_text(value: str) -> None:
    assert ENVIRONMENT.from_string("{{ value|text }}").render(value=value) == html_text(value)


def test_the_text_filter_shows_overrides_and_controls() -> None:
    made = ENVIRONMENT.from_string("{{ value|text }}").render(value="a\u202eb\x0bc")
    assert made == "a<bdi>&#x202e;</bdi>b\u240bc"


def quote(name: str, url: str, kind: str = "direct", capacity: str = "own") -> NoteQuote:
    return NoteQuote(
        text=hostile(f"{name}-text"),
        kind=kind,
        speaker=hostile(f"{name}-speaker"),
        who=hostile(f"{name}-who"),
        capacity=capacity,
        date=hostile(f"{name}-date"),
        publisher=hostile(f"{name}-publisher"),
        source_title=hostile(f"{name}-title"),
        url=url,
        context=hostile(f"{name}-context"),
    )


@pytest.fixture(scope="module")
def made() -> str:
    reading = NoteReading(
        actor=hostile("actor"),
        actor_kind=hostile("actor-kind"),
        glyph="+",
        stance="support",
        reading=hostile("reading"),
        summary=hostile("summary"),
        evidence=(quote("evidence", "javascript:alert(1)"),),
        more_evidence=2,
    )
    alike = NoteAlike(glyph="0", stance="neutral", reading=hostile("alike"), actors=(hostile("alike-actor"),))
    issue = NoteIssue(
        title=hostile("issue"), statement=hostile("statement"), readings=(reading,), alike=(alike,)
    )
    brief = NoteBrief(
        actor=hostile("brief-actor"),
        counterpart=hostile("counterpart"),
        figures=hostile("figures"),
        rules=hostile("rules"),
        said_did=(hostile("said"),),
        groups=(
            BriefGroup(
                title=hostile("group"),
                rows=(BriefRow(hostile("row-issue"), hostile("ours"), hostile("theirs")),),
            ),
        ),
    )
    note = Note(
        title=hostile("note-title"),
        classification="",
        as_of=hostile("as-of"),
        summary=hostile("note-summary"),
        filters=[hostile("filter")],
        link="https://example.org/view?a=1&b=2",
        generated=hostile("generated"),
        problems=0,
        issues=[issue],
        brief=brief,
        compare=[hostile("compare")],
        other_quotes=[
            quote("other", "data:text/html,<b>x</b>", kind=hostile("kind"), capacity=hostile("capacity"))
        ],
        cuts=[hostile("cut")],
        remarks=[hostile("remark")],
    )
    return document(note, '<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>', "<svg/>")


FIELDS = [
    "note-title",
    "as-of",
    "generated",
    "note-summary",
    "filter",
    "cut",
    "remark",
    "brief-actor",
    "counterpart",
    "figures",
    "rules",
    "group",
    "row-issue",
    "ours",
    "theirs",
    "said",
    "compare",
    "issue",
    "statement",
    "actor",
    "actor-kind",
    "reading",
    "summary",
    "alike",
    "alike-actor",
    *(
        f"{q}-{part}"
        for q in ("evidence", "other")
        for part in ("text", "speaker", "who", "date", "publisher", "title", "context")
    ),
]


@pytest.mark.parametrize("field", FIELDS)
def test_every_field_is_printed_as_its_text(made: str, field: str) -> None:
    assert f"{field} {SHOWN}" in made


def test_no_field_becomes_markup(made: str) -> None:
    for raw in ("<script", "<img src=x", 'onerror="', "\u202e", "\x0b", "49"):
        assert raw not in made, raw
    assert made.count("<img ") == 1  # the matrix, as a data: URL; its key is text under it
    assert "How to read the matrix" in made
    assert "<svg" not in made  # the pictures are images, never markup of the document


def test_only_the_safe_url_is_a_link(made: str) -> None:
    assert made.count("<a ") == 1 and '<a href="https://example.org/view?a=1&amp;b=2">' in made
    # Printed as text, in pieces a line may break between (never inside an id at its hyphen).
    assert '<span class="url"><span class="url-piece">javascript:alert(1)</span></span>' in made
    assert (
        '<span class="url"><span class="url-piece">data:text/</span><wbr><span class="url-piece">html,'
        '&lt;b&gt;x&lt;/</span><wbr><span class="url-piece">b&gt;</span></span>'
    ) in made


def test_the_templates_are_package_data() -> None:
    patterns = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"
    ]["dashboard.note"]
    shipped = [
        path.relative_to(TEMPLATES.parent).as_posix() for path in TEMPLATES.rglob("*") if path.is_file()
    ]
    assert "templates/note.html.j2" in shipped and "templates/note.css" in shipped
    assert all(any(fnmatch(path, pattern) for pattern in patterns) for path in shipped), shipped
