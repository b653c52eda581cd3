"""The table of bounds is the one place they are stated: the README's table must say the same."""

from __future__ import annotations

from pathlib import Path

from dashboard.formats import limits

FORMATS_DOC = Path(__file__).resolve().parents[2] / "docs" / "formats.md"


def _readme_bounds() -> set[tuple[str, ...]]:
    """The rows of the README's table that starts '| bound | value | applies to |'."""
    text = FORMATS_DOC.read_text(encoding="utf-8")
    table = text.split("| bound | value | applies to |\n|---|---|---|\n", 1)[1].split("\n\n", 1)[0]
    return {tuple(cell.strip() for cell in line.strip().strip("|").split("|")) for line in table.splitlines()}


def test_the_readme_lists_every_bound_as_the_code_has_it() -> None:
    assert _readme_bounds() == {(b.what, b.shown, b.formats) for b in limits.BOUNDS}


def test_sizes_read_as_a_person_reads_them() -> None:
    assert [limits.size(n) for n in (64 * limits.MiB, 3 * limits.MiB // 2, 820_000, 999)] == [
        "64 MiB",
        "1.5 MiB",
        "820 KB",
        "999 bytes",
    ]
