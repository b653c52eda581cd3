"""The briefing file format: tables, their fields, and the fixed vocabularies.

This is the public contract analysts write against. Field names never change; new fields are optional.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, field_validator


@dataclass(frozen=True)
class Stance:
    """One word of the stance vocabulary and what it means on the scale, in one row: every numeric
    meaning of a stance (agreement, cohesion, change detection, compare's distance) is read here."""

    word: str
    side: int  # +1 for the proposition, -1 against, 0 neither (neutral, mixed, silent)
    on_line: bool  # on the ordered line from strong support to strong opposition
    rank: int = 0  # place on that line: strongly support 2 ... strongly oppose -2 (0 off the line)
    strength: float = 0.0  # for the agreement index: ±1.5 strong, ±1 plain, 0 neutral
    strong: bool = False  # a strong form (strongly support, strongly oppose)


# Stance is one ordered vocabulary so every dataset colours the same way. The first five lie on a
# line from support to opposition; `mixed` and `silent` are recorded facts that are not on the line.
# "unknown" is not a stance anyone writes: it is what the page shows where there is no record at all.
# Strength is half a step: a difference in strength on the same side costs less than a difference
# between taking a side and staying neutral.
STANCE_TABLE: tuple[Stance, ...] = (
    Stance("strongly_support", side=1, on_line=True, rank=2, strength=1.5, strong=True),
    Stance("support", side=1, on_line=True, rank=1, strength=1.0),
    Stance("neutral", side=0, on_line=True, rank=0, strength=0.0),
    Stance("oppose", side=-1, on_line=True, rank=-1, strength=-1.0),
    Stance("strongly_oppose", side=-1, on_line=True, rank=-2, strength=-1.5, strong=True),
    Stance("mixed", side=0, on_line=False),
    Stance("silent", side=0, on_line=False),
)
STANCES: tuple[str, ...] = tuple(s.word for s in STANCE_TABLE)
STANCE_BY_WORD: dict[str, Stance] = {s.word: s for s in STANCE_TABLE}
# Arrays index positions in STANCES (the codes the big frames hold); the line comes first.
ON_LINE_STANCES: tuple[str, ...] = tuple(s.word for s in STANCE_TABLE if s.on_line)
assert STANCES[: len(ON_LINE_STANCES)] == ON_LINE_STANCES, "the line's stances come first"
UNKNOWN = "unknown"
ACTOR_KINDS: tuple[str, ...] = ("state", "organization", "official", "expert", "other")
SOURCE_KINDS: tuple[str, ...] = ("news", "statement", "transcript", "dataset", "other")
QUOTE_KINDS: tuple[str, ...] = ("direct", "partial", "paraphrase")
BASES: tuple[str, ...] = ("stated", "action", "inferred", "reported")
CONFIDENCES: tuple[str, ...] = ("high", "medium", "low")

# Ids appear in links and file names: letters, digits and - _ . : only, never a slash or a space.
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,127}$"


# What a web address may not hold, by Unicode category (so every script's spaces and every invisible
# format character count, not a list that misses some) and by character.
_URL_CATEGORIES = {
    "Cc": "a line break or another control character",
    "Cf": "an invisible character (a direction override, a zero-width or format character)",
    "Zs": "a space",
    "Zl": "a line break or another control character",
    "Zp": "a line break or another control character",
    "Cs": "half of a surrogate pair",
}
_URL_CHARACTERS = {
    '"': "a quote",
    "'": "a quote",
    "`": "a quote",
    "<": "an angle bracket",
    ">": "an angle bracket",
    "\\": "a backslash",
}


def _url_character_problem(text: str) -> str:
    for character in text:
        if character in _URL_CHARACTERS:
            return f"it holds {_URL_CHARACTERS[character]}"
        category = unicodedata.category(character)
        if category[0] in "CZ":  # other (control, format, unassigned, private) and separators
            return f"it holds {_URL_CATEGORIES.get(category, 'a character that is no letter or sign')}"
    return ""


def url_problem(text: str) -> str:
    """Why `text` is not a web address a page may link to ('' if it is one): the scheme is http or
    https, there is a host (and a port, if any, is a number), and no character could end the link
    or the attribute it is written in. Addresses in other scripts (https://例え.jp/) are fine."""
    found = _url_character_problem(text)
    if found:
        return found
    try:
        parts = urlsplit(text)
        host, _ = parts.hostname, parts.port
    except ValueError:
        return "its host or port cannot be read"
    if parts.scheme.lower() not in ("http", "https"):
        return "it does not start with http:// or https://"
    return "" if host else "it names no host"


class Kind(StrEnum):
    """How a field's cells are read and checked."""

    ID = "id"  # unique key of the table
    TEXT = "text"
    DATE = "date"
    LIST = "list"  # a YAML/JSON list, or cells separated by ';' in CSV and XLSX
    REF = "ref"  # an id of another table
    REFS = "refs"  # a list of ids of another table
    VOCAB = "vocab"  # one of a fixed set of words
    URL = "url"  # a web address: http or https, a host, nothing that could break out of a link


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: Kind
    required: bool = False
    vocab: tuple[str, ...] = ()
    target: str = ""  # table a REF/REFS points to


@dataclass(frozen=True)
class TableSpec:
    name: str  # the section name, also the file stem and the sheet name
    singular: str  # how one record is named in messages: "quote q7"
    fields: tuple[FieldSpec, ...]

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> FieldSpec:
        return next(f for f in self.fields if f.name == name)

    @property
    def key(self) -> str | None:
        return next((f.name for f in self.fields if f.kind is Kind.ID), None)


ACTORS = TableSpec(
    "actors",
    "actor",
    (
        FieldSpec("id", Kind.ID, required=True),
        FieldSpec("name", Kind.TEXT, required=True),
        FieldSpec("kind", Kind.VOCAB, required=True, vocab=ACTOR_KINDS),
        FieldSpec("role", Kind.TEXT),
        FieldSpec("represents", Kind.REF, target="actors"),
        FieldSpec("affiliation", Kind.TEXT),
        FieldSpec("country", Kind.TEXT),
        FieldSpec("aliases", Kind.LIST),
        FieldSpec("summary", Kind.TEXT),
    ),
)
ISSUES = TableSpec(
    "issues",
    "issue",
    (
        FieldSpec("id", Kind.ID, required=True),
        FieldSpec("title", Kind.TEXT, required=True),
        FieldSpec("statement", Kind.TEXT, required=True),
        FieldSpec("topic", Kind.TEXT),
        FieldSpec("description", Kind.TEXT),
        # Optional additions: when the question was put (a vote's date) and an outside reference
        # such as a UN resolution number.
        FieldSpec("date", Kind.DATE),
        FieldSpec("reference", Kind.TEXT),
    ),
)
SOURCES = TableSpec(
    "sources",
    "source",
    (
        FieldSpec("id", Kind.ID, required=True),
        FieldSpec("title", Kind.TEXT, required=True),
        FieldSpec("publisher", Kind.TEXT, required=True),
        FieldSpec("published", Kind.DATE, required=True),
        FieldSpec("url", Kind.URL),
        FieldSpec("kind", Kind.VOCAB, required=True, vocab=SOURCE_KINDS),
        FieldSpec("language", Kind.TEXT),
        # When the recorder read it at `url` (pages change): a citation's "accessed on".
        FieldSpec("accessed", Kind.DATE),
    ),
)
QUOTES = TableSpec(
    "quotes",
    "quote",
    (
        FieldSpec("id", Kind.ID, required=True),
        FieldSpec("speaker", Kind.REF, required=True, target="actors"),
        FieldSpec("text", Kind.TEXT, required=True),
        FieldSpec("source", Kind.REF, required=True, target="sources"),
        FieldSpec("kind", Kind.VOCAB, required=True, vocab=QUOTE_KINDS),
        FieldSpec("date", Kind.DATE),
        FieldSpec("issues", Kind.REFS, target="issues"),
        FieldSpec("context", Kind.TEXT),
        FieldSpec("language", Kind.TEXT),
        # The language the speaker used, when `text` is the source's rendering in another (an
        # agency's English of a Chinese answer): the views label the words as that rendering.
        FieldSpec("said_in", Kind.TEXT),
        # Other sources carrying the same words (another outlet's copy of a wire story): one quote,
        # several sources, rather than the same statement recorded twice.
        FieldSpec("also_in", Kind.REFS, target="sources"),
        # A translation, beside the original and never in its place (dashboard/translations.py).
        FieldSpec("translation", Kind.TEXT),
        FieldSpec("translation_language", Kind.TEXT),
        FieldSpec("translated_by", Kind.TEXT),
        FieldSpec("translated_on", Kind.DATE),
    ),
)
POSITIONS = TableSpec(
    "positions",
    "position",
    (
        FieldSpec("actor", Kind.REF, required=True, target="actors"),
        FieldSpec("issue", Kind.REF, required=True, target="issues"),
        FieldSpec("stance", Kind.VOCAB, required=True, vocab=STANCES),
        FieldSpec("as_of", Kind.DATE),
        FieldSpec("basis", Kind.VOCAB, required=True, vocab=BASES),
        FieldSpec("confidence", Kind.VOCAB, required=True, vocab=CONFIDENCES),
        FieldSpec("summary", Kind.TEXT),
        FieldSpec("evidence", Kind.REFS, target="quotes"),
        FieldSpec("assessed_by", Kind.REF, target="actors"),
        # Where the position is recorded when no quote carries it: the dataset of a vote, the
        # questionnaire a party answered. A position rests on evidence quotes, a source, or both.
        FieldSpec("source", Kind.REF, target="sources"),
    ),
)
# Blocs and coalitions declared in the briefing (optional): a named group of actors, for cohesion,
# the bloc's plurality position and its defectors. Membership is what a source says it is, never
# inferred from votes.
BLOCS = TableSpec(
    "blocs",
    "bloc",
    (
        FieldSpec("id", Kind.ID, required=True),
        FieldSpec("name", Kind.TEXT, required=True),
        FieldSpec("members", Kind.REFS, target="actors"),
        FieldSpec("kind", Kind.TEXT),  # e.g. "governing coalition", "opposition", "regional group"
        FieldSpec("description", Kind.TEXT),
        FieldSpec("as_of", Kind.DATE),  # when the membership held
        FieldSpec("source", Kind.REF, target="sources"),
    ),
)
TABLES: tuple[TableSpec, ...] = (ACTORS, ISSUES, SOURCES, QUOTES, POSITIONS, BLOCS)
OPTIONAL_TABLES: tuple[str, ...] = ("blocs",)  # a briefing without them is complete
TABLE_BY_NAME: dict[str, TableSpec] = {t.name: t for t in TABLES}
SECTIONS: tuple[str, ...] = ("briefing", *TABLE_BY_NAME)
META_FIELDS: tuple[str, ...] = ("id", "title", "as_of", "summary", "classification", "coverage")


class BriefingMeta(BaseModel):
    """The `briefing` section: what the briefing is and when it was true."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    title: str
    as_of: date | None  # required in files; None only in the stand-in for a broken section
    summary: str = ""
    classification: str = ""
    # What the positions leave out, said beside every agreement figure (roll calls: consensus).
    coverage: str = ""

    @field_validator("id")
    @classmethod
    def _id_is_an_id(cls, value: str) -> str:
        # The id names downloads and links, as a record's id does: the same rule for both.
        if not re.fullmatch(ID_PATTERN, value):
            raise ValueError(
                "use letters, digits and - _ . : only (no spaces or slashes), at most 128 characters"
            )
        return value

    @field_validator("as_of", mode="before")
    @classmethod
    def _as_of_is_written_as_a_day(cls, value: object) -> object:
        # pydantic alone would also take '1730505600' (seconds since 1970) or a time of day; the
        # tables' dates take YYYY-MM-DD only, and so does this one.
        if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            raise ValueError("not a date")
        return value

    @field_validator("as_of")
    @classmethod
    def _as_of_given(cls, value: date | None) -> date:
        if value is None:
            raise ValueError("as_of is required")
        return value

    @field_validator("summary", "classification", "coverage", mode="before")
    @classmethod
    def _none_is_empty(cls, value: object) -> object:
        return "" if value is None else value
