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
