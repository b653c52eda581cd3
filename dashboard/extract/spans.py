"""Spans of an article's text as the analyst sets them: from a selection, from pasted words, or a
word at a time. Whatever the route, a span is a pair of offsets into the article's text, and the words
stored are the article's own characters `text[start:end]`, never what was typed or pasted.
"""

from __future__ import annotations

import re
import unicodedata

# Words and single punctuation marks: the steps a span's edges move by.
_TOKEN = re.compile(r"\w+(?:['’‐‑-]\w+)*|[^\w\s]")
_QUOTE_MARKS = '"“”„‟«»‹›「」『』＂'
_SINGLE_MARKS = "'‘’‚‛`´＇"
_DASH_MARKS = "‐‑‒–—―−"


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the spaces and line breaks at its edges."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _plain(character: str, level: int) -> str:
    """The character as compared at a tolerance level: 1 sets aside quote style, dashes and spacing;
    2 also case and quotation marks altogether."""
    if character.isspace():
        return " "
    if character in _QUOTE_MARKS:
        return "" if level >= 2 else '"'
    if character in _SINGLE_MARKS:
        return "" if level >= 2 else "'"
    if character in _DASH_MARKS:
        return "-"
    if character == "…":
        return "..."
    return unicodedata.normalize("NFKC", character).casefold() if level >= 2 else character


def _normalised(text: str, level: int) -> tuple[str, list[int]]:
    """The text at a tolerance level, runs of spaces as one, with each character's offset in `text`."""
    out: list[str] = []
    where: list[int] = []
    for i, character in enumerate(text):
        for plain in _plain(character, level):
            if plain == " " and out and out[-1] == " ":
                continue
            out.append(plain)
            where.append(i)
    return "".join(out), where


def _nearest(found: list[int], near: int | None) -> int:
    return found[0] if near is None else min(found, key=lambda at: (abs(at - near), at))


def _all(haystack: str, needle: str) -> list[int]:
    found: list[int] = []
    at = haystack.find(needle)
    while at >= 0 and len(found) < 1000:
        found.append(at)
        at = haystack.find(needle, at + 1)
    return found


def locate(text: str, words: str, near: int | None = None) -> tuple[int, int] | None:
    """Where `words` stand in `text`: exactly first, then with spacing, quotation-mark style and
    dashes set aside, then case and quotation marks too. Of several places, the one nearest `near`.
    None when they are not in the text."""
    wanted = words.strip()
    if not wanted:
        return None
    found = _all(text, wanted)
    if found:
        start = _nearest(found, near)
        return start, start + len(wanted)
    for level in (1, 2):
        haystack, where = _normalised(text, level)
        needle, _ = _normalised(wanted, level)
        needle = needle.strip()
        if not needle:
            continue
        found = _all(haystack, needle)
        if found:
            at = _nearest([where[i] for i in found], near)
            i = next(i for i in found if where[i] == at)
            return trimmed(text, where[i], where[i + len(needle) - 1] + 1)
    return None


def from_selection(text: str, start: int, end: int, selected: str) -> tuple[int, int] | None:
    """The span a selection in the page stands for. The page reports offsets and the selected
    characters; when they agree (spacing aside) the offsets are taken, otherwise the selected words
    are looked for nearest to where the page said (a browser drops carriage returns and shows some
    invisible characters as signs, so its offsets can drift)."""
    if not selected.strip():
        return None
    if 0 <= start < end <= len(text):
        here = " ".join(text[start:end].split())
        if here and here == " ".join(selected.split()):
            span = trimmed(text, start, end)
            return span if span[0] < span[1] else None
    return locate(text, selected, near=start if 0 <= start <= len(text) else None)


def _tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN.finditer(text)]


def move_start(text: str, start: int, end: int, step: int) -> tuple[int, int]:
    """The start a word (or punctuation mark) earlier (step -1) or later (+1); never past the end."""
    tokens = _tokens(text)
    if step < 0:
        before = [a for a, _ in tokens if a < start]
        return (before[-1] if before else start), end
    after = [a for a, _ in tokens if a > start and a < end]
    return (after[0] if after else start), end


def move_end(text: str, start: int, end: int, step: int) -> tuple[int, int]:
    """The end a word (or punctuation mark) later (step +1) or earlier (-1); never before the start."""
    tokens = _tokens(text)
    if step > 0:
        after = [b for _, b in tokens if b > end]
        return start, (after[0] if after else end)
    before = [b for _, b in tokens if b < end and b > start]
    return start, (before[-1] if before else end)


def quoted(text: str, start: int, end: int) -> bool:
    """Whether the span stands between quotation marks (spaces aside): a quotation, not a paraphrase."""
    before = text[:start].rstrip()[-1:]
    after = text[end:].lstrip()[:3]  # '… Korea.”': a full stop may stand before the closing mark
    return bool(before) and before in _QUOTE_MARKS and any(c in _QUOTE_MARKS for c in after)
