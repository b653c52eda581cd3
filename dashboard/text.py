"""Names and text in the forms they are compared and stored by: `fold` to search and match (any
script), `slug` to make an id for a link ('FREIE WÄHLER' -> 'freie-waehler')."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

SLUG_LENGTH = 60  # characters of an id made from a name, before a '-2' that makes it unique

# German umlauts are spelled out (ä -> ae) as Germans do, before any other accent is dropped;
# apostrophes join rather than split words ('Côte d’Ivoire' -> 'cote-divoire').
_SPELLED = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "Ä": "Ae",
        "Ö": "Oe",
        "Ü": "Ue",
        "ß": "ss",
        "ẞ": "SS",
        "'": None,
        "’": None,
        "ʼ": None,
    }
)


def unaccented(text: str) -> str:
    """The text without its accents, case and script kept: 'GRÜNE' -> 'GRUNE', 'Путин' stays."""
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():  # most quotes: nothing to drop, and the loop below is the slow part
        return decomposed
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Case- and accent-insensitive form for search and matching: 'Pútin' and 'putin' meet; scripts
    stay ('Путин' -> 'путин'); ’ is ' and any run of spaces one space."""
    return " ".join(unaccented(text.casefold()).replace("’", "'").split())


def search_forms(text: str) -> str:
    """Every form a reader may type a name in, folded, in one string to search: 'GRÜNE' gives
    'grune gruene' (the umlaut dropped, and spelled out as Germans write it without one)."""
    plain = fold(text)
    spelled = fold(unicodedata.normalize("NFC", text).translate(_SPELLED))
    return plain if spelled == plain else f"{plain} {spelled}"


def slug(text: str, taken: Collection[str] | None = None) -> str:
    """An id from a name: ASCII letters and digits joined by '-', at most SLUG_LENGTH characters
    ('CDU / CSU' -> 'cdu-csu'). With `taken`, a '-2', '-3' ... is added until the id is not in it.

    A name with no Latin letter or digit to make one from (a name in Cyrillic or Chinese only) gives
    '': the caller decides what stands in (another name, a word of its own, or a problem)."""
    spelled = unicodedata.normalize("NFC", text).translate(_SPELLED)
    ascii_text = unaccented(spelled).encode("ascii", "ignore").decode("ascii")
    base = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:SLUG_LENGTH].rstrip("-")
    if taken is None or not base:
        return base
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
