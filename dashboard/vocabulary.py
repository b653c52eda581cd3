"""The display vocabulary: how each stance, basis, confidence and kind is named, marked and coloured.

One table per family, read by the matrix, charts, cards, compare, the quotes panel, the legend and every
download, so a cell reads the same wherever it appears. The record vocabularies themselves (which words
a file may hold) are in `records`.
"""

from __future__ import annotations

from dashboard.records import STANCES, UNKNOWN

# Not a stance anyone writes: a cell whose record the current filters hide. Never drawn like "no record".
HIDDEN = "hidden"

STANCE_LABELS: dict[str, str] = {
    "strongly_support": "Strongly supports",
    "support": "Supports",
    "neutral": "Neutral",
    "oppose": "Opposes",
    "strongly_oppose": "Strongly opposes",
    "mixed": "Mixed signals",
    "silent": "Silent (on record)",
    UNKNOWN: "No record",
    HIDDEN: "Hidden by a filter",
}

# Colour is never the only carrier: each stance has a glyph drawn in its cell.
GLYPHS: dict[str, str] = {
    "strongly_support": "++",
    "support": "+",
    "neutral": "0",
    "oppose": "−",
    "strongly_oppose": "−−",
    "mixed": "±",
    "silent": "…",
    UNKNOWN: "·",
    HIDDEN: "◌",
}

# What each stance means, in the legend's words.
STANCE_MEANINGS: dict[str, str] = {
    "strongly_support": "strongly supports the proposition",
    "support": "supports the proposition",
    "neutral": "takes neither side",
    "oppose": "opposes the proposition",
    "strongly_oppose": "strongly opposes the proposition",
    "mixed": "has sent mixed signals",
    "silent": "on record as having said nothing (silence is a recorded fact)",
    UNKNOWN: "this briefing holds no record at all",
    HIDDEN: "a record exists, but the current filters hide it",
}

# Said, did, inferred, reported: the mark after the glyph and the words that explain it.
BASIS_MARKS: dict[str, str] = {"stated": "", "action": "!", "inferred": "?", "reported": "ʳ"}
BASIS_LABELS: dict[str, str] = {
    "stated": "said it (own words)",
    "action": "did it (action)",
    "inferred": "inferred by someone else",
    "reported": "reported by a third party",
}
BASIS_SHORT: dict[str, str] = {
    "stated": "stated", "action": "action", "inferred": "inferred", "reported": "reported",
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
    "state": "state", "organization": "organization", "official": "official", "expert": "expert",
    "other": "other",
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

# Purple-orange diverging scale (ColorBrewer PuOr, colour-blind safe) for the five ordered stances.
# `mixed` and `silent` are facts off that line, so they get a hue of their own and a dark fill;
# "no record" is white with a dashed outline: an absence, never drawn like silence; a hidden cell is a
# pale grey with a dotted glyph.
STANCE_COLOURS: dict[str, str] = {
    "strongly_support": "#5e3c99",
    "support": "#b2abd2",
    "neutral": "#f2f0ea",
    "oppose": "#fdb863",
    "strongly_oppose": "#e66101",
    "mixed": "#80cdc1",
    "silent": "#3b3b3b",
    UNKNOWN: "#ffffff",
    HIDDEN: "#e4e4e4",
}
DARK_FILLS: tuple[str, ...] = ("strongly_support", "strongly_oppose", "silent")
SELECTED_OUTLINE = "#d7191c"  # a red ring: visible on every fill above, dark or pale
STANCE_DOMAIN: list[str] = [*STANCES, UNKNOWN, HIDDEN]

# Where a stance puts its holder, for side-by-side quotes.
SIDES: dict[str, tuple[str, ...]] = {
    "For": ("strongly_support", "support"),
    "Neutral": ("neutral",),
    "Against": ("oppose", "strongly_oppose"),
    "Mixed or silent": ("mixed", "silent"),
}

# Ordered stances as numbers: strongly supports 2 … strongly opposes −2; mixed and silent are off the line.
ORDINAL: dict[str, int] = {
    "strongly_support": 2, "support": 1, "neutral": 0, "oppose": -1, "strongly_oppose": -2,
}


def glyph(stance: str, basis: object = None) -> str:
    """The cell's text: the stance glyph and, unless the actor said it, the basis mark."""
    mark = BASIS_MARKS.get(basis, "") if isinstance(basis, str) else ""
    return GLYPHS.get(stance, "?") + mark


def counted(n: int, plural: str) -> str:
    """'1 actor', '1,064 positions': a count and what it counts (record tables' names are plurals)."""
    return f"{n:,} {plural if n != 1 else plural[:-1]}"
