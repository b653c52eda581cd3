"""The briefing note: what the page shows, as a document. One model (`build`), several renderings:
Markdown (`markdown`), PDF, Word, and the matrix as SVG and PNG (`document.render` picks by format).

Callers keep `from dashboard import note; note.markdown(note.build(...))`: the package re-exports the
model's names (it was one module before the PDF and Word renderers joined it).
"""

from dashboard.note.markdown import legend_lines, markdown
from dashboard.note.model import (
    BOUNDS,
    MAX_DETAILED,
    MAX_EVIDENCE,
    MAX_ISSUES,
    MAX_OTHER_QUOTES,
    MAX_QUOTES,
    MAX_READINGS,
    MAX_TABLE_COLUMNS,
    MAX_TABLE_ROWS,
    Note,
    NoteAlike,
    NoteIssue,
    NoteQuote,
    NoteReading,
    build,
    describe_filters,
)

__all__ = [
    "BOUNDS",
    "MAX_DETAILED",
    "MAX_EVIDENCE",
    "MAX_ISSUES",
    "MAX_OTHER_QUOTES",
    "MAX_QUOTES",
    "MAX_READINGS",
    "MAX_TABLE_COLUMNS",
    "MAX_TABLE_ROWS",
    "Note",
    "NoteAlike",
    "NoteIssue",
    "NoteQuote",
    "NoteReading",
    "build",
    "describe_filters",
    "legend_lines",
    "markdown",
]
