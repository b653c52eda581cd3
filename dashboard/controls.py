"""Characters no renderer should be handed: control characters, and what XML 1.0 cannot hold.

Text pasted out of Word or a PDF brings them along: U+000B is Word's manual line break, U+000C its
page break. A browser ignores most of them, but an XML parser refuses the document (vl-convert's SVG
parser used to abort the whole server on one), so every output shows each one as a visible sign
instead (`visible`), and the loader reports each with its file, line and field (`find`). The records
keep their characters: a quote's words are never edited, only drawn so a reader sees where one was.
"""

from __future__ import annotations

import re

# C0 controls but tab, line feed and carriage return; DEL and the C1 controls; lone surrogates; the
# two noncharacters XML forbids.
PATTERN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# The same for a pandas column of text, in a form both Python's and Arrow's regex engines read (text
# that is valid UTF-8 holds no surrogates, so they are left out).
COLUMN_PATTERN = "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\ufffe\uffff]"

_NAMES = {
    0x00: "a null character",
    0x0B: "a vertical tab, Word's manual line break",
    0x0C: "a form feed, Word's page break",
    0x1B: "an escape character",
    0x7F: "a delete character",
    0xFFFE: "the noncharacter U+FFFE",
    0xFFFF: "the noncharacter U+FFFF",
}


def sign(character: str) -> str:
    """The visible stand-in for one character: the Control Pictures block for C0 controls and DEL
    (␋ for a vertical tab), the replacement mark for the rest."""
    code = ord(character)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def visible(text: str) -> str:
    """`text` with each control character shown as its sign; unchanged (the same object) when it
    holds none, which is almost always."""
    if PATTERN.search(text) is None:
        return text
    return PATTERN.sub(lambda m: sign(m.group()), text)


def describe(character: str) -> str:
    code = ord(character)
    name = _NAMES.get(code)
    if name is None:
        name = "half of a surrogate pair" if 0xD800 <= code <= 0xDFFF else "a control character"
    return f"U+{code:04X} ({name})"


def find(text: str) -> str:
    """'' when `text` holds none; else which character, where, and what outputs show instead."""
    found = PATTERN.search(text)
    if found is None:
        return ""
    count = len(PATTERN.findall(text))
    more = f" and {count - 1:,} more" if count > 1 else ""
    return (
        f"holds {describe(found.group())} at character {found.start() + 1:,}{more}: documents "
        f"and pictures show it as {sign(found.group())}. Remove it, or replace it with a space "
        "or a line break"
    )
