"""PDF: the text layer, rebuilt into paragraphs; a scan without one is refused (run OCR first).

pypdf reads what the file says, and a hostile file can say a lot: pages and text are bounded before
and while they are read, and any failure of the parser is the file's, said in words.

A PDF's text layer breaks every line where the page did, and the quote finder reads a paragraph as
the text between line breaks, so the lines are joined back into paragraphs here, and that joined
text is the article's text (every draft's offsets index it). Joining only ever replaces a line break
(with the spaces around it) by one space, or removes it with a line-break hyphen before it; every
other character is the file's own. In order:

- Running heads and feet are dropped: among a page's first and last three lines (and its three
  highest and lowest on the page), a page number ("3", "- 3 -", "Page 3 of 7") and a line found
  there on at least half the pages (two at least), digits aside ("Daily Wire, 2 November 2024").
- A paragraph ends at a blank line; at a vertical gap over 1.3 times the page's line spacing; and
  after a line ending a sentence (. ? ! and any closing marks) when the next line is indented or
  the line is short (under 80% of the document's typical line length: a line mid-paragraph is
  that short only before a long word). Pages flow into each other, so a paragraph running over a
  page break is one paragraph. Paragraphs are separated by a blank line.
- A hyphen at a line's end is a line-break hyphen, removed, when a lower-case letter is on both
  sides ("coop-" "eration"), unless the word is a compound: one in `_COMPOUNDS`, one whose first or
  last part is in `_COMPOUND_FIRST` or `_COMPOUND_LAST`, or one with a hyphen elsewhere
  ("no-holds-barred"). Any other hyphen or dash at a line's end stays, joined without a space
  ("Russia-North Korea", "2024-2025"). A soft hyphen at a line's end is always a line-break one.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader

from dashboard.extract.readers.base import (
    MAX_CHARACTERS,
    MAX_PDF_PAGES,
    Article,
    InputError,
    parse_date,
)

EDGE_LINES = 3  # lines at each end of a page that may be a running head or foot
SHORT_LINE = 0.8  # of the typical line length: a shorter line ending a sentence ends a paragraph
GAP = 1.3  # times the page's line spacing: a wider vertical gap ends a paragraph
INDENT = (0.4, 4.0)  # in line spacings (about an em): a first-line indent, not a column's move

# Compounds a line may break after their hyphen, whose hyphen stays; a short list of the common ones
# in diplomatic news. A word not listed loses its hyphen: "coop-eration" is far more common at a
# line break than an unlisted compound, and either slip leaves the word readable.
_COMPOUNDS = frozenset(
    {
        "so-called",
        "cease-fire",
        "follow-up",
        "build-up",
        "face-to-face",
        "co-operation",
        "co-ordination",
        "re-election",
        "re-elected",
        "two-thirds",
        "one-third",
        "year-end",
        "decision-making",
        "policy-making",
        "peace-keeping",
        "wide-ranging",
        "far-reaching",
        "nuclear-armed",
        "non-proliferation",
        "anti-aircraft",
        "anti-missile",
        "anti-war",
    }
)
_COMPOUND_FIRST = frozenset({"self", "well", "non", "anti", "long", "short", "high", "full", "large"})
_COMPOUND_LAST = frozenset(
    {
        "based",
        "led",
        "backed",
        "term",
        "level",
        "scale",
        "range",
        "ranking",
        "run",
        "owned",
        "style",
        "called",
        "related",
        "wide",
    }
)

_PAGE_NUMBER = re.compile(r"(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.?!…](?:\s?[”’\"'»)\]])*$")  # "said." "dangerous.”" "situation. »"
_HYPHENS = "-\u2010"  # a hyphen-minus, and the hyphen typesetters draw
_DASH_END = re.compile(rf"\S[{_HYPHENS}\u2013\u2014]$")  # a hyphen, an en or an em dash
_LETTERS_BEFORE_HYPHEN = re.compile(rf"([^\W\d_]+)[{_HYPHENS}]$")
_WORD_START = re.compile(rf"([^\W\d_]+)([{_HYPHENS}]?)")


@dataclass(frozen=True)
class _Line:
    text: str  # without the spaces around it
    page: int
    x: float | None = None  # where it starts on the page, when pypdf's drawing calls say so
    y: float | None = None


@dataclass(frozen=True)
class _Layout:
    """What a page's lines say about it: its left margin and its line spacing, if known."""

    left: float | None
    spacing: float | None


def _damaged(name: str, error: Exception) -> InputError:
    reason = str(error) or type(error).__name__
    return InputError(name, f"not a readable PDF ({reason[:200]})")


def _line_starts(text: str, chunks: list[tuple[str, float, float]]) -> dict[int, tuple[float, float]]:
    """Where each line starts, for the lines whose first words begin one of pypdf's drawing calls
    (the calls' texts, joined, are the page's text; when they are not, no line's place is known)."""
    if "".join(chunk[0] for chunk in chunks) != text:
        return {}
    starts: dict[int, tuple[float, float]] = {}
    line, has_text = 0, False
    for piece, x, y in chunks:
        segments = piece.split("\n")
        if segments[0].strip() and not has_text:
            starts[line] = (x, y)
        line += len(segments) - 1
        has_text = bool(segments[-1].strip()) or (has_text and len(segments) == 1)
    return starts


def _page_text(page: Any) -> tuple[str, list[tuple[str, float, float]]]:
    """The page's text, and the text of each of pypdf's drawing calls with where it starts."""
    chunks: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text:
            chunks.append(
                (text, tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5])
            )

    return page.extract_text(visitor_text=visit) or "", chunks


def _page_lines(text: str, chunks: list[tuple[str, float, float]], number: int) -> list[_Line]:
    """The page's lines, less the blank ones above and below its text."""
    starts = _line_starts(text, chunks)
    lines = [
        _Line(line.strip(), number, *starts.get(n, (None, None))) for n, line in enumerate(text.split("\n"))
    ]
    filled = [n for n, line in enumerate(lines) if line.text]
    return lines[filled[0] : filled[-1] + 1] if filled else []


def _edges(lines: list[_Line]) -> set[int]:
    """The lines where a running head or foot can be: first and last in reading order, and highest
    and lowest on the page (pypdf reads a head drawn last as the page's last line)."""
    filled = [n for n, line in enumerate(lines) if line.text]
    placed = sorted((n for n in filled if lines[n].y is not None), key=lambda n: lines[n].y or 0.0)
    return {*filled[:EDGE_LINES], *filled[-EDGE_LINES:], *placed[:EDGE_LINES], *placed[-EDGE_LINES:]}


def _shape(text: str) -> str:
    """A line as a running head repeats it: digits (page numbers, dates) and spacing aside."""
    return re.sub(r"\d+", "#", " ".join(text.split())).casefold()


def _without_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    edges = [_edges(lines) for lines in pages]
    seen = Counter(
        shape
        for lines, edge in zip(pages, edges, strict=True)
        for shape in {_shape(lines[n].text) for n in edge}
    )
    needed = max(2, (len(pages) + 1) // 2)
    running = {shape for shape, count in seen.items() if count >= needed}
    return [
        [
            line
            for n, line in enumerate(lines)
            if n not in edge or not (_PAGE_NUMBER.fullmatch(line.text) or _shape(line.text) in running)
        ]
        for lines, edge in zip(pages, edges, strict=True)
    ]


def _layouts(lines: list[_Line]) -> dict[int, _Layout]:
    by_page: dict[int, list[_Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    layouts = {}
    for page, page_lines in by_page.items():
        xs = Counter(round(line.x) for line in page_lines if line.x is not None and line.text)
        ys = [line.y for line in page_lines if line.y is not None and line.text]
        drops = sorted(a - b for a, b in zip(ys, ys[1:], strict=False) if a - b > 0)
        layouts[page] = _Layout(
            xs.most_common(1)[0][0] if xs else None, drops[len(drops) // 2] if drops else None
        )
    return layouts


def _typical_length(lines: list[_Line]) -> int:
    """The length of a full line: most of a paragraph's lines are about this long (the upper
    quartile, so ragged-right lines and paragraphs' short last lines do not pull it down)."""
    lengths = sorted(len(line.text) for line in lines if line.text)
    return lengths[(len(lengths) * 3) // 4] if lengths else 0


def _is_gap(before: _Line, after: _Line, layout: _Layout) -> bool:
    if before.page != after.page or layout.spacing is None or before.y is None or after.y is None:
        return False
    return before.y - after.y > GAP * layout.spacing


def _is_indented(before: _Line, after: _Line, layout: _Layout) -> bool:
    """The next line starts further right, by about an indent (a move of a column is more)."""
    start = before.x if before.page == after.page else layout.left
    if start is None or after.x is None or layout.spacing is None:
        return False
    return INDENT[0] * layout.spacing < after.x - start < INDENT[1] * layout.spacing


def _ends_paragraph(end: str, before: _Line, after: _Line, layout: _Layout, typical: int) -> bool:
    if _is_gap(before, after, layout):
        return True
    if not _SENTENCE_END.search(end[-8:]):  # the paragraph's end: a line of only a closing mark too
        return False
    if _is_indented(before, after, layout):
        return True
    return len(before.text) < SHORT_LINE * typical


def _is_compound(before: str, after: str) -> bool:
    first = _LETTERS_BEFORE_HYPHEN.search(before)
    last = _WORD_START.match(after)
    if first is None or last is None:
        return False
    if last[2] or before[: first.start()].endswith(tuple(_HYPHENS)):
        return True  # a hyphen elsewhere in the word: "no-holds-barred", "well-to-do"
    head, tail = first[1].casefold(), last[1].casefold()
    return f"{head}-{tail}" in _COMPOUNDS or head in _COMPOUND_FIRST or tail in _COMPOUND_LAST


def _joint(before: str, line: str) -> tuple[str, str]:
    """How a line joins the line before it: that line as kept (less a line-break hyphen), and what
    goes between them (a space, or nothing after a hyphen or a dash)."""
    if before.endswith("\u00ad"):
        return before[:-1], ""
    if not _DASH_END.search(before):
        return before, " "
    if (
        before.endswith(tuple(_HYPHENS))
        and before[-2].islower()
        and line[0].islower()
        and not _is_compound(before, line)
    ):
        return before[:-1], ""
    return before, ""  # a real hyphen or a dash: "Russia-North Korea", "2024-2025"


def _paragraphs(pages: list[list[_Line]]) -> list[str]:
    """The pages' lines as paragraphs, running heads and feet left out."""
    lines = [line for page in _without_running_lines(pages) for line in page]
    layouts = _layouts(lines)
    typical = _typical_length(lines)
    found: list[str] = []
    pieces: list[str] = []  # the paragraph so far: its lines as kept, and what joins them
    before: _Line | None = None
    for line in lines:
        if not line.text:
            before = None  # a blank line ends the paragraph
        elif before is None or _ends_paragraph(
            "".join(pieces[-3:]), before, line, layouts[line.page], typical
        ):
            if pieces:
                found.append("".join(pieces))
            pieces, before = [line.text], line
        else:
            pieces[-1], joint = _joint(pieces[-1], line.text)
            pieces += [joint, line.text]
            before = line
    if pieces:
        found.append("".join(pieces))
    return found


def read_pdf(data: bytes, name: str) -> Article:
    try:
        reader = PdfReader(io.BytesIO(data))
        count = len(reader.pages)
    except Exception as error:  # pypdf raises many kinds on a damaged or hostile file
        raise _damaged(name, error) from None
    if count > MAX_PDF_PAGES:
        raise InputError(
            name,
            f"{count:,} pages, more than the {MAX_PDF_PAGES:,} a document may "
            "have: split it, or paste the part you need",
        )
    pages: list[list[_Line]] = []
    characters = 0
    for number in range(count):
        try:
            text, chunks = _page_text(reader.pages[number])
        except Exception as error:
            raise _damaged(name, error) from None
        characters += len(text.strip())
        if characters > MAX_CHARACTERS:
            raise InputError(
                name,
                f"more than the {MAX_CHARACTERS:,} characters the extractor "
                "takes at once: split the document",
            )
        lines = _page_lines(text, chunks, number)
        if lines:
            pages.append(lines)
    if not pages:
        raise InputError(
            name, f"{count} page(s) but no text layer: a scan? Run OCR on it first, or paste the text"
        )
    try:
        meta = reader.metadata
        title = str(meta.title or "") if meta else ""
        published = parse_date(meta.get("/CreationDate")) if meta else None
    except Exception:  # metadata is a nicety: a damaged dictionary leaves it out
        title, published = "", None
    # a PDF's creation date is the file's, not necessarily the publication's: the analyst confirms
    return Article(
        "\n\n".join(_paragraphs(pages)),
        title=title,
        published=published,
        published_from="metadata" if published else "",
    )
