"""Problems found in briefing files, each pinned to a file, a line or row, and a field."""

from __future__ import annotations

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


def suggest(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' when a close match exists, else ''."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
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
