"""A command loads only what it uses: `check`, `agreement` and a Markdown `note` never import the
page's framework, the chart library or a renderer (each costs a cold start 0.2 to 1 s)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "nk-troops-russia"
HEAVY = ("streamlit", "altair", "vl_convert", "weasyprint", "docx", "spacy")
# The command run in a fresh interpreter; then the heavy modules it imported, one per line.
RUN = f"""
import sys
from dashboard.__main__ import main
code = main(sys.argv[1:])
print(*(name for name in {HEAVY!r} if name in sys.modules), sep="\\n")
"""


@pytest.mark.parametrize(
    "arguments",
    [
        ["check", str(SEED)],
        ["agreement", str(SEED), "--actor", "china"],
        ["note", str(SEED), "--link", "actor=china", "-o", "{out}/note.md"],
    ],
    ids=["check", "agreement", "note-markdown"],
)
def test_a_command_imports_no_framework_chart_library_or_renderer(arguments, tmp_path):
    arguments = [argument.replace("{out}", str(tmp_path)) for argument in arguments]
    done = subprocess.run(
        [sys.executable, "-c", RUN, *arguments], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    heavy = [line for line in done.stdout.splitlines() if line in HEAVY]
    assert heavy == [], f"{arguments[0]} imported {heavy}"


@pytest.mark.slow
def test_extract_of_a_text_file_loads_no_reader_of_other_formats(tmp_path):
    """The readers of PDF, Word and web pages (pypdf with Pillow, lxml, trafilatura: about 0.4 s)
    are imported when such a file is read, not for a `.txt`."""
    article = ROOT / "benchmarks" / "devsets" / "en-official" / "en-eeas-2024-06-24-borrell-fac-remarks.txt"
    probe = RUN.replace(repr(HEAVY), repr(("pypdf", "PIL", "trafilatura", "lxml.etree", "spacy")))
    done = subprocess.run(
        [sys.executable, "-c", probe, "extract", str(article), "-o", str(tmp_path / "drafts.yaml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    # spaCy is what drafting runs on: it must be there, or the probe saw nothing
    assert done.stdout.splitlines() == ["spacy"], done.stdout
