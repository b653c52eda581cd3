"""Control characters (what XML forbids, what Word's line break leaves): `check` reports each with
file, line and field; every output shows it as a visible sign; no renderer ever sees one. Before,
one such character in a name aborted the process that drew the matrix picture (the server, for
every reader); the note command is run in a subprocess here so that this test can fail instead."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard import controls
from dashboard.load import load_briefing
from dashboard.note import html, picture
from dashboard.note.model import build
from dashboard.problems import Severity, errors
from dashboard.selection import Selection
from tests.support.control_briefing import FORBIDDEN, PROJECT, control_briefing
from tests.support.documents import svg_texts, svg_tree, word_text

SIGNS = re.compile("[\u2400-\u2421\ufffd]")  # Control Pictures, and the replacement mark


@pytest.fixture(scope="module")
def briefing_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return control_briefing(tmp_path_factory.mktemp("controls"))


@pytest.mark.parametrize("character", FORBIDDEN + ["\x7f", "\x85"], ids=lambda c: f"U+{ord(c):04X}")
def test_every_control_character_has_a_visible_sign(character: str) -> None:
    shown = controls.visible(f"a{character}b")
    assert shown[0] == "a" and shown[2] == "b" and shown[1] != character
    assert not controls.PATTERN.search(shown) and shown[1].isprintable()


def test_text_without_controls_is_the_same_object() -> None:
    text = "Xi Jinping 习近平, tab\tand\nnew line"
    assert controls.visible(text) is text


def test_check_reports_each_with_file_line_and_field(briefing_folder: Path) -> None:
    briefing, problems = load_briefing(briefing_folder)
    assert not errors(problems)  # the records load: a warning, never a record set aside
    found = [p for p in problems if "holds U+" in p.message]
    assert all(p.severity is Severity.WARNING for p in found)
    by_field = {(Path(p.file).name, p.field) for p in found}
    assert {("actors.yaml", "name"), ("issues.yaml", "title"), ("quotes.yaml", "text")} <= by_field
    vertical_tab = next(p for p in found if "U+000B" in p.message)
    assert len({p.message.split("holds ")[1][:6] for p in found}) == len(FORBIDDEN)  # every one
    assert vertical_tab.line and "Word's manual line break" in vertical_tab.message
    assert "\u240b" in vertical_tab.message  # and what outputs show instead
    assert len(briefing.actors) == 23 and "\x0b" in "".join(briefing.actors["name"])  # kept as is


def test_check_command_prints_them(briefing_folder: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "check", str(briefing_folder)],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "actors.yaml:" in done.stdout and "name holds U+0000 (a null character)" in done.stdout


@pytest.mark.parametrize(
    "suffix",
    [
        pytest.param("png", marks=pytest.mark.slow),
        pytest.param("svg", marks=pytest.mark.slow),
        pytest.param("pdf", marks=pytest.mark.slow),
        pytest.param("docx", marks=pytest.mark.slow),
        "md",
    ],
)
def test_every_note_format_is_made_and_shows_the_signs(
    briefing_folder: Path, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"note.{suffix}"
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "note", str(briefing_folder), "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=180,
    )
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr[-2000:]}"
    data = out.read_bytes()
    if suffix == "png":  # a picture of pixels: made, whole, and a PNG
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
        return
    text = {
        "svg": lambda: "".join(svg_texts(svg_tree(data))),
        "pdf": lambda: _pdftotext(out),
        "docx": lambda: "\n".join(word_text(data).body),
        "md": lambda: data.decode("utf-8"),
    }[suffix]()
    assert SIGNS.search(text), "no control character was shown as its sign"
    assert not controls.PATTERN.search(text.replace("\f", ""))  # pdftotext's page breaks


def _pdftotext(path: Path) -> str:
    """The PDF's text as poppler reads it (pypdf reads this one's text back as UTF-16 pairs)."""
    assert shutil.which("pdftotext"), "poppler-utils is missing: make note-system installs it"
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_no_renderer_is_handed_a_control_character(briefing_folder: Path) -> None:
    briefing, _ = load_briefing(briefing_folder)
    note = build(briefing, Selection())
    matrix = picture.svg(note.cells, note.selected, legend=False)
    pdf_input = html.document(note, matrix, picture.legend_svg())
    picture_input = json.dumps(picture.picture_spec(note.cells), ensure_ascii=False)
    for given in (pdf_input, picture_input, matrix):
        assert SIGNS.search(given) and not controls.PATTERN.search(given)
