"""`python -m dashboard note`: a briefing id or folder and a view's query string in, the note out
(atomically); a briefing with errors still gives a note that counts them on its first page; names
in Chinese, Korean, Cyrillic and German print in real fonts; bad arguments get a usage error."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from dashboard.__main__ import main
from tests.support.documents import pdf_pages, squeeze

SEED = Path(__file__).resolve().parents[1] / "data" / "nk-troops-russia"
NAMES = {
    "Xi Jinping": "习近平",
    "Vladimir Putin": "Владимир Путин",
    "South Korea": "대한민국",
    "Dennis Wilder": "Jürgen Weiß-Müller",
}  # written for this test: the seed has Latin names


def seed_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "nk-troops-russia"
    shutil.copytree(SEED, folder)
    return folder


def test_markdown_note_of_a_link_with_its_notices(tmp_path, capsys) -> None:
    out = tmp_path / "notes" / "china.md"
    assert (
        main(["note", "nk-troops-russia", "--link", "actor=china&actor=chna&to=2024-10-31", "-o", str(out)])
        == 0
    )
    text = out.read_text(encoding="utf-8")
    assert "- Actors: China" in text and "inferred by Shi Yinhong" in text
    assert "View: <http://localhost:8501/?briefing=nk-troops-russia&actor=china&to=2024-10-31>" in text
    assert "no actor 'chna'" in capsys.readouterr().err
    assert [p.name for p in out.parent.iterdir()] == ["china.md"]  # no scratch file left behind


def test_a_whole_link_and_another_base_url(tmp_path) -> None:
    out = tmp_path / "note.md"
    assert (
        main(
            [
                "note",
                str(SEED),
                "--link",
                "https://briefing.example/?view=compare&compare=china&compare=united-states",
                "--base-url",
                "https://briefing.example/desk",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    text = out.read_text(encoding="utf-8")
    assert "## Comparison" in text and "- Agree on 1 of the 3 issues" in text
    assert (
        "<https://briefing.example/desk/?briefing=nk-troops-russia&view=compare&compare=china"
        "&compare=united-states>" in text
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nk-troops-russia", "-o", "note.txt"], "the suffix picks the format"),
        (["no-such-briefing", "-o", "note.md"], "no such briefing id"),
    ],
)
def test_usage_errors(tmp_path, monkeypatch, capsys, args, message) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["note", *args]) == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_briefing_with_errors_gives_a_note_of_its_valid_records(tmp_path, capsys) -> None:
    folder = seed_copy(tmp_path)
    with (folder / "positions.yaml").open("a", encoding="utf-8") as positions:
        positions.write(
            "\n- actor: nobody-at-all\n  issue: no-escalation\n  stance: support\n"
            "  as_of: 2024-11-01\n  basis: stated\n  confidence: high\n"
        )
    out = tmp_path / "note.pdf"
    assert main(["note", str(folder), "--link", "actor=china", "-o", str(out)]) == 0
    assert "1 data error:" in capsys.readouterr().err
    first = pdf_pages(out.read_bytes())[0]
    assert squeeze("This briefing has 1 data error: the records with errors are left out") in squeeze(
        first.text
    )
    assert squeeze("their own matter") in squeeze("".join(p.text for p in pdf_pages(out.read_bytes())))


@pytest.mark.slow
def test_names_in_every_script_print_in_fonts_that_have_them(tmp_path) -> None:
    folder = seed_copy(tmp_path)
    actors = (folder / "actors.yaml").read_text(encoding="utf-8")
    for latin, other in NAMES.items():
        actors = actors.replace(f"name: {latin}\n", f"name: {other}\n")
    (folder / "actors.yaml").write_text(actors, encoding="utf-8")
    out = tmp_path / "note.pdf"
    assert main(["note", str(folder), "-o", str(out)]) == 0
    data = out.read_bytes()
    text = "\n".join(page.text for page in pdf_pages(data))
    for name in NAMES.values():
        assert name in text, name
    fonts = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        resources: Any = page["/Resources"]  # a dictionary object, typed as any PDF object
        for font in resources.get("/Font", {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("DejaVu-Sans" in f for f in fonts), fonts
    assert any("Noto-Sans-CJK" in f for f in fonts), fonts  # Chinese and Korean: not tofu boxes


NOTES_DOC = Path(__file__).resolve().parents[1] / "docs" / "notes.md"


def test_the_readme_states_every_format_and_bound_the_code_has() -> None:
    from dashboard.note import BOUNDS
    from dashboard.note.document import FORMATS

    section = NOTES_DOC.read_text(encoding="utf-8")  # the whole page is the section
    for name, value in BOUNDS.items():
        assert f"| {name} | {value} |" in section, name
    labels = [f.label for f in FORMATS.values()]
    for label in labels:
        assert label.split(" (")[0] in section, label
    assert "| Matrix picture (PNG) / (SVG) |" in section


def test_the_note_links_to_the_public_address_when_one_is_set(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("DASHBOARD_PUBLIC_URL", "https://briefing.example.org/desk")
    out = tmp_path / "note.md"
    assert main(["note", "nk-troops-russia", "--link", "actor=china", "-o", str(out)]) == 0
    assert (
        "View: <https://briefing.example.org/desk/?briefing=nk-troops-russia&actor=china>"
        in out.read_text(encoding="utf-8")
    )
    assert (
        main(["note", "nk-troops-russia", "--base-url", "http://desk.local:8501/", "-o", str(out)]) == 0
    )  # an explicit --base-url wins
    assert "View: <http://desk.local:8501/?briefing=nk-troops-russia>" in out.read_text("utf-8")
