"""The display vocabulary: how each stance, basis, confidence and kind is named, marked and coloured.

One table per family, read by the matrix, charts, cards, compare, the quotes panel, the legend and every
download, so a cell reads the same wherever it appears. The record vocabularies themselves (which words
a file may hold) are in `records`.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.records import STANCE_TABLE, STANCES, UNKNOWN

# Not a stance anyone writes: a cell whose record the current filters hide. Never drawn like "no record".
HIDDEN = "hidden"


@dataclass(frozen=True)
class Look:
    """How a stance (or no record, or a hidden cell) reads and looks wherever a cell is drawn."""

    label: str
    glyph: str  # colour is never the only carrier: each stance has a glyph drawn in its cell
    meaning: str  # in the legend's words
    colour: str
    dark: bool = False  # a dark fill: the glyph is drawn white


# One look per stance, then no record and hidden. Colours: ColorBrewer's purple-orange diverging
# scale (PuOr, colour-blind safe) for the five ordered stances; `mixed` and `silent` are facts off that
# line, so they get a hue of their own and a dark fill; "no record" is white with a dashed outline (an
# absence, never drawn like silence); a hidden cell is a pale grey with a dotted glyph.
LOOKS: dict[str, Look] = {
    "strongly_support": Look(
        "Strongly supports", "++", "strongly supports the proposition", "#5e3c99", dark=True
    ),
    "support": Look("Supports", "+", "supports the proposition", "#b2abd2"),
    "neutral": Look("Neutral", "0", "takes neither side", "#f2f0ea"),
    "oppose": Look("Opposes", "−", "opposes the proposition", "#fdb863"),
    "strongly_oppose": Look(
        "Strongly opposes", "−−", "strongly opposes the proposition", "#e66101", dark=True
    ),
    "mixed": Look("Mixed signals", "±", "has sent mixed signals", "#80cdc1"),
    "silent": Look(
        "Silent (on record)",
        "…",
        "on record as having said nothing (silence is a recorded fact)",
        "#3b3b3b",
        dark=True,
    ),
    UNKNOWN: Look("No record", "·", "this briefing holds no record at all", "#ffffff"),
    HIDDEN: Look("Hidden by a filter", "◌", "a record exists, but the current filters hide it", "#e4e4e4"),
}
assert list(LOOKS)[: len(STANCES)] == list(STANCES), "one look per stance, in the stances' order"
STANCE_LABELS: dict[str, str] = {word: look.label for word, look in LOOKS.items()}
GLYPHS: dict[str, str] = {word: look.glyph for word, look in LOOKS.items()}
STANCE_MEANINGS: dict[str, str] = {word: look.meaning for word, look in LOOKS.items()}
STANCE_COLOURS: dict[str, str] = {word: look.colour for word, look in LOOKS.items()}
DARK_FILLS: tuple[str, ...] = tuple(word for word, look in LOOKS.items() if look.dark)

# Said, did, inferred, reported: the mark after the glyph and the words that explain it.
BASIS_MARKS: dict[str, str] = {"stated": "", "action": "!", "inferred": "?", "reported": "ʳ"}
BASIS_LABELS: dict[str, str] = {
    "stated": "said it",
    "action": "did it (action)",
    "inferred": "inferred by someone else",
    "reported": "reported by a third party",
}
BASIS_SHORT: dict[str, str] = {
    "stated": "stated",
    "action": "action",
    "inferred": "inferred",
    "reported": "reported",
}
# Someone else's reading of the actor: outlined dashed wherever a cell is drawn.
SECOND_HAND_BASES: tuple[str, ...] = ("inferred", "reported")

CONFIDENCE_LABELS: dict[str, str] = {
    "high": "high confidence",
    "medium": "medium confidence",
    "low": "low confidence",
}
# Confidence is drawn as a bar count in the cell's corner, never as paleness: a paler "strongly
# supports" would read as "supports".
CONFIDENCE_MARKS: dict[str, str] = {"high": "●●●", "medium": "●●○", "low": "●○○"}

KIND_LABELS: dict[str, str] = {
    "state": "States",
    "organization": "Organizations",
    "official": "Officials",
    "expert": "Experts",
    "other": "Others",
}
KIND_SINGULAR: dict[str, str] = {
    "state": "state",
    "organization": "organization",
    "official": "official",
    "expert": "expert",
    "other": "other",
}

QUOTED_KINDS: tuple[str, ...] = ("direct", "partial")  # the speaker's words; a paraphrase is not
# How a stated position's evidence gives the actor's words (Briefing.said_how): a cell that says
# "said it" must not suggest own words where the record holds only the reporter's paraphrase.
SAID_HOW_LABELS: dict[str, str] = {
    "quoted": "quoted",
    "unquoted": "not quoted: a paraphrase or others' words",
    "uncited": "no quote cited",
}

QUOTE_KIND_LABELS: dict[str, str] = {
    "direct": "Direct quote",
    "partial": "Partial quote",
    "paraphrase": "Paraphrase",
}

# How a quote relates to the actor whose cell it stands behind.
CAPACITY_LABELS: dict[str, str] = {
    "own": "own words",
    "spokesperson": "speaks for",
    "assessor": "reading by",
    "other": "cited by the record",
}

SELECTED_OUTLINE = "#d7191c"  # a red ring: visible on every fill above, dark or pale
STANCE_DOMAIN: list[str] = [*STANCES, UNKNOWN, HIDDEN]

# Where a stance puts its holder, for side-by-side quotes: from the stance table's side and line.
SIDES: dict[str, tuple[str, ...]] = {
    "For": tuple(s.word for s in STANCE_TABLE if s.on_line and s.side > 0),
    "Neutral": tuple(s.word for s in STANCE_TABLE if s.on_line and s.side == 0),
    "Against": tuple(s.word for s in STANCE_TABLE if s.on_line and s.side < 0),
    "Mixed or silent": tuple(s.word for s in STANCE_TABLE if not s.on_line),
}

# Ordered stances as numbers: strongly supports 2 … strongly opposes −2; mixed and silent are off
# the line (the stance table's rank).
ORDINAL: dict[str, int] = {s.word: s.rank for s in STANCE_TABLE if s.on_line}


def glyph(stance: str, basis: object = None) -> str:
    """The cell's text: the stance glyph and, unless the actor said it, the basis mark."""
    mark = BASIS_MARKS.get(basis, "") if isinstance(basis, str) else ""
    return GLYPHS.get(stance, "?") + mark


def counted(n: int, plural: str) -> str:
    """'1 actor', '1,064 positions': a count and what it counts (record tables' names are plurals)."""
    return f"{n:,} {plural if n != 1 else plural[:-1]}"
