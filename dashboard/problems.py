"""Problems found in briefing files, each pinned to a file, a line or row, and a field."""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None  # line in YAML/CSV/JSON, row in XLSX/Parquet; None for the whole file
    severity: Severity
    message: str
    sheet: str = ""  # XLSX sheet name
    field: str = ""
    count: int = 1  # how many records it stands for: more than one for "N more like the above"

    @property
    def location(self) -> str:
        where = f"{self.file}[{self.sheet}]" if self.sheet else self.file
        return f"{where}:{self.line}" if self.line is not None else where

    def __str__(self) -> str:
        return f"{self.location}: {self.severity}: {self.message}"


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


SCAN_ALL = 2_000  # up to this many choices, a word is compared with every one
NEAREST = 50  # past that, this many on each side of it in sorted order, forwards and backwards


class Suggestions:
    """Choices indexed for "did you mean": a word is compared with a bounded set of candidates.

    difflib compares a word with every choice, about 6 µs each: 200 typos among 50,000 actor ids
    took a minute. Past SCAN_ALL choices the candidates are the NEAREST ids on either side of the
    word in sorted order, and of the reversed word among the reversed ids, so a slip at either end
    of an id still finds it; at most 4 x NEAREST comparisons, whatever the number of ids. The
    index is sorted on first use, once for every word it is asked about.
    """

    def __init__(self, choices: Iterable[str]) -> None:
        self._choices = list(choices)
        self._forward: list[str] = []
        self._backward: list[str] = []

    def candidates(self, word: str) -> list[str]:
        if len(self._choices) <= SCAN_ALL:
            return self._choices
        if not self._forward:
            self._forward = sorted(set(self._choices))
            self._backward = sorted(c[::-1] for c in self._forward)
        near = _around(self._forward, word) | {c[::-1] for c in _around(self._backward, word[::-1])}
        return sorted(near)


def _around(ordered: list[str], word: str) -> set[str]:
    at = bisect.bisect_left(ordered, word)
    return set(ordered[max(0, at - NEAREST):at + NEAREST])


def suggest(word: str, choices: Iterable[str] | Suggestions) -> str:
    """' (did you mean 'x'?)' when a close match exists, else ''."""
    pool = choices.candidates(word) if isinstance(choices, Suggestions) else (
        Suggestions(choices).candidates(word))
    matches = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""


def one_of(choices: Iterable[str]) -> str:
    return ", ".join(choices)


def summary(problems: list[Problem], briefings: int = 1) -> str:
    n_err = sum(p.count for p in errors(problems))
    n_warn = sum(p.count for p in problems) - n_err
    noun = "briefing" if briefings == 1 else "briefings"
    return (
        f"{briefings} {noun} checked: {n_err} error{'s' * (n_err != 1)}, "
        f"{n_warn} warning{'s' * (n_warn != 1)}"
    )
