"""A quote's translation: never the speaker's words, always labelled with who (or which tool) made
it, when, and into what language, and always shown beside the original, never in its place.

A quote record carries it in four optional fields: `translation` (the words), `translation_language`
(ISO 639-1 of the translation, e.g. `en`), `translated_by` (a person, or a tool named with its
version: "DeepL, 2026-12-06") and `translated_on` (the day it was made)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from dashboard.citation import day_text
from dashboard.escape import is_missing

FIELDS = ("translation", "translation_language", "translated_by", "translated_on")
# Language names for the label; any other code is shown as written.
LANGUAGES = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "ru": "Russian",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "es": "Spanish",
    "it": "Italian",
    "ar": "Arabic",
    "uk": "Ukrainian",
    "pt": "Portuguese",
    "fa": "Persian",
    "tr": "Turkish",
    "pl": "Polish",
}


@dataclass(frozen=True)
class Translation:
    text: str
    language: str  # ISO 639-1, or ""
    by: str  # who or which tool made it, or "" when the record does not say
    on: str  # YYYY-MM-DD, or ""

    @property
    def label(self) -> str:
        """'Translation into English by Ana Analyst, 2026-12-06 — not the speaker's words'."""
        into = f" into {LANGUAGES.get(self.language, self.language)}" if self.language else ""
        by = f" by {self.by}" if self.by else " (who made it is not recorded)"
        on = f", {self.on}" if self.on else ""
        return f"Translation{into}{by}{on} — not the speaker's words"


def _text(value: object) -> str:
    return "" if is_missing(value) else str(value).strip()


def of(quote: Mapping[str, object] | pd.Series) -> Translation | None:
    """The quote's translation, or None when it has none."""
    text = _text(quote.get("translation"))
    if not text:
        return None
    return Translation(
        text,
        _text(quote.get("translation_language")),
        _text(quote.get("translated_by")),
        day_text(quote.get("translated_on")),
    )


def rendering_label(quote: Mapping[str, object] | pd.Series, publisher: str = "") -> str:
    """Where the quote's `text` is the source's rendering of words said in another language
    (`said_in` differs from `language`): "AFP's English rendering of words said in Chinese; the
    original words are not held" — a translation made by the source, labelled as one; "" otherwise."""
    said_in = _text(quote.get("said_in"))
    language = _text(quote.get("language"))
    if not said_in or said_in == language:
        return ""
    spoken = LANGUAGES.get(said_in, said_in)
    written = f"{LANGUAGES.get(language, language)} " if language else ""
    whose = f"{publisher}'s" if publisher else "The source's"
    return f"{whose} {written}rendering of words said in {spoken}; the original words are not held"
