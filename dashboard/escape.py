"""Record text made inert for each place it is written: the page's Markdown, HTML, the note's Markdown,
URLs and spreadsheet cells.

Names, quotes and titles come from files other people write, and link values from anyone who has a
link. Each function here is for one destination and says which; nothing else in the project escapes.
None of them changes a character the reader sees: escapes are read away by the destination.
"""

from __future__ import annotations

import html as _html
import re

from dashboard.controls import visible
from dashboard.records import url_problem

# ------------------------------------------------------------------------------------ page Markdown

_MARKDOWN_PUNCTUATION = re.compile(r"([!-&(-,./:-@\[-`{-~])")  # ASCII punctuation but - and '
_AUTOLINK_STARTS = re.compile(r"(?=\\[:@])|(?i:(?<=www)(?=\\\.))")


def markdown_literal(value: str) -> str:
    """For Streamlit calls that read Markdown (titles, subheaders, captions, labels, notices).

    A backslash makes each ASCII punctuation mark literal (not the hyphen or the apostrophe: ids and
    names are full of them and neither means anything inside a sentence). A word joiner (U+2060,
    invisible) before each colon and at-sign, and after "www", stops the bare web and e-mail
    addresses, emoji and icon codes that Streamlit looks for in plain text after the escapes are read.
    """
    escaped = _MARKDOWN_PUNCTUATION.sub(r"\\\1", visible(value))
    return _AUTOLINK_STARTS.sub("\u2060", escaped)


# --------------------------------------------------------------------------------------------- HTML

_BIDI_CONTROLS = ("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069")
_BIDI = re.compile("[" + "".join(_BIDI_CONTROLS) + "]")


def is_missing(value: object) -> bool:
    """None, NaN, NaT or pandas' NA: a field with nothing in it."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN and NaT are not equal to themselves
    except (TypeError, ValueError):  # pandas.NA refuses to be a bool
        return True


def html_text(value: object) -> str:
    """For HTML the page or a document builds (`st.html`, the PDF's markup): escaped text, with bidi
    overrides made visible rather than obeyed (they would reorder what the analyst reads)."""
    if is_missing(value):
        return ""
    escaped = _html.escape(visible(str(value)), quote=True)
    # One pass that finds none, almost always (nine replacements a call were most of a page of
    # cards' escaping); each control found is shown as the replacements showed it.
    if _BIDI.search(escaped) is None:
        return escaped
    return _BIDI.sub(_shown_bidi, escaped)


def _shown_bidi(found: re.Match[str]) -> str:
    return f"<bdi>&#x{ord(found.group()):04x};</bdi>"


# --------------------------------------------------------------------------------------------- URLs


def safe_url(url: object) -> str | None:
    """The URL if a link may be made of it, by the one rule the validator applies
    (`records.url_problem`: http or https, a host, no character that breaks out of an attribute,
    a Markdown link or an autolink); else None, and the caller shows it as text."""
    if not isinstance(url, str):
        return None
    candidate = url.strip()
    if not candidate or url_problem(candidate):
        return None
    return candidate


# ------------------------------------------------------------------------------------ note Markdown

# Every kind of line ending a renderer might honour: a lone CR included. Word's manual line and page
# breaks (U+000B, U+000C) are control characters, shown as signs (␋, ␌) like everywhere else.
_LINE_ENDINGS = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
# What can open markup inside a CommonMark line: emphasis, code, links and images, tags and
# autolinks, entities, table cells, strike-through; and the backslash itself.
_NOTE_INLINE = re.compile(r"([\\`*_\[\]<>!&|~])")
# What can open a block at the start of a line: a heading, quote, list item, setext underline, fence.
_NOTE_LINE_START = re.compile(r"^([#>+=-]|[0-9]+(?=[.)]))")


def note_text(value: object, *, line_break: str = " ") -> str:
    """For the Markdown briefing note (CommonMark, raw HTML on or off): record text that renders as
    the characters written and can open no element: no tag, link, image, emphasis, heading, list or
    table cell. The marks that can open markup are backslash-escaped (CommonMark reads `\\x` as `x`):
    `<` never starts a tag or an autolink, `|` never ends a cell, a line never starts a list; the
    rest of the text stays readable in a plain editor. Line endings of any kind become `line_break`
    (a space by default; a list item may pass a hard break that keeps its indentation).
    """
    if is_missing(value):
        return ""
    lines = _LINE_ENDINGS.split(str(value))
    lines = [visible(line) for line in lines]
    escaped = [_NOTE_INLINE.sub(r"\\\1", line) for line in lines]
    escaped = [_line_start(line) for line in escaped]
    # A continuation line that starts with spaces would become a code block: spaces as entities.
    escaped = [
        escaped[0],
        *(re.sub(r"^ +", lambda m: "&#32;" * len(m.group()), line) for line in escaped[1:]),
    ]
    return line_break.join(escaped)


def _line_start(line: str) -> str:
    """Escape a block marker at the start of a line: '\\-', '\\#', '1\\.'."""
    found = _NOTE_LINE_START.match(line)
    if found is None:
        return line
    if found.group().isdigit():
        end = found.end()
        return line[:end] + "\\" + line[end:]
    return "\\" + line


def note_url(url: object) -> str:
    """A source's URL in the note: an autolink when it is a safe http(s) URL, else its text, escaped,
    so a `javascript:` address or one holding `">` reads as what it is and links nowhere."""
    safe = safe_url(url)
    if safe is not None:
        return f"<{safe}>"
    return note_text(url)


# ------------------------------------------------------------------------- documents (Word, PDF)

_BIDI_PATTERN = re.compile("[" + "".join(_BIDI_CONTROLS) + "]")


def document_text(value: object) -> str:
    """For text a document library writes as plain characters (python-docx's runs, the PDF's page
    margins): nothing there is markup, so nothing needs escaping, but a control character (which
    XML cannot hold) is shown as its sign (`controls.visible`) instead of failing the file, and bidi
    overrides are dropped: as `html_text` makes them, they are inert, and the words read in the
    order stored."""
    if is_missing(value):
        return ""
    return _BIDI_PATTERN.sub("", visible(str(value)))


# -------------------------------------------------------------------------------- spreadsheet cells

# OWASP's CSV injection advice: a cell a spreadsheet could read as a formula starts with one of these.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def spreadsheet_cell(value: object) -> str:
    """For every CSV cell: text a spreadsheet shows as text. A leading = + - @, tab or line break gets
    an apostrophe before it (Excel and LibreOffice show the rest as written and hide the apostrophe);
    the CSV writer quotes every cell, so CR and LF inside one never start a row."""
    if is_missing(value):
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
