"""Problems found in briefing files, each pinned to a file, a line or row, and a field; and the one
collector (`Problems`) the readers, the checks and the importers report them to."""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import numpy as np
import numpy.typing as npt


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


def display_path(path: Path) -> str:
    """The path as the analyst typed it, relative to the working folder when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _named_at_most() -> int:
    # Imported here, not above: the readers in dashboard.formats import this module.
    from dashboard.formats import limits

    return limits.MAX_REPEATS


def _more_rows(count: int) -> str:
    return f"{count:,} more rows like the above"


class ProblemsFound(Exception):
    """Work stopped on errors; `problems` says where, one per bad row or file."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) found")
        self.problems = problems


@dataclass
class Problems:
    """Problems in the order they are found. Of one kind in one file only the first
    `limits.MAX_REPEATS` are named and the rest counted ("N more like the above"): a file with a
    million bad rows gives a report a person reads, at a cost linear in the rows."""

    problems: list[Problem] = field(default_factory=list, kw_only=True)
    # (file, sheet, kind) -> problems of that kind found so far; see `error` and `count_repeats`.
    repeats: dict[tuple[str, str, str], int] = field(default_factory=dict, init=False, repr=False)

    def error(
        self,
        file: str | Path,
        line: int | None,
        message: str | Callable[[], str],
        *,
        sheet: str = "",
        field: str = "",
        kind: str = "",
    ) -> None:
        """An error. Given a `kind`, only the first MAX_REPEATS of that kind in the file are named
        (`count_repeats` counts the rest), and a message given as a function is only built for those."""
        name = display_path(file) if isinstance(file, Path) else file
        if kind:
            key = (name, sheet, kind)
            self.repeats[key] = self.repeats.get(key, 0) + 1
            if self.repeats[key] > _named_at_most():
                return
        text = message() if callable(message) else message
        self.problems.append(Problem(name, line, Severity.ERROR, text, sheet, field))

    def warning(
        self, file: str | Path, line: int | None, message: str, *, sheet: str = "", field: str = ""
    ) -> None:
        name = display_path(file) if isinstance(file, Path) else file
        self.problems.append(Problem(name, line, Severity.WARNING, message, sheet, field))

    def rows(
        self,
        file: str | Path,
        lines: npt.ArrayLike,
        message: Callable[[int], str],
        *,
        severity: Severity = Severity.ERROR,
        sheet: str = "",
        field: str = "",
        more: Callable[[int], str] = _more_rows,
    ) -> None:
        """One problem per bad row of one check, at the row's line (`lines`: a list, an array or a
        column, in order); `message(i)` is only called for the rows named (the first MAX_REPEATS),
        and the rest are counted in one problem, `more(n)`."""
        name = display_path(file) if isinstance(file, Path) else file
        at = np.asarray(lines)
        named = min(len(at), _named_at_most())
        for i in range(named):
            self.problems.append(Problem(name, int(at[i]), severity, message(i), sheet, field))
        if len(at) > named:
            rest = len(at) - named
            self.problems.append(Problem(name, None, severity, more(rest), sheet, field, rest))

    def count_repeats(self) -> None:
        """One problem per kind that went past MAX_REPEATS, counting the ones not named."""
        for (file, sheet, kind), found in self.repeats.items():
            more = found - _named_at_most()
            if more > 0:
                self.problems.append(
                    Problem(
                        file,
                        None,
                        Severity.ERROR,
                        f"{more:,} more like the above ({kind})",
                        sheet,
                        count=more,
                    )
                )
        self.repeats.clear()

    def raise_if_errors(self) -> None:
        """Stop here (ProblemsFound) if any error has been found so far."""
        if errors(self.problems):
            raise ProblemsFound(self.problems)


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
    return set(ordered[max(0, at - NEAREST) : at + NEAREST])


def suggest(word: str, choices: Iterable[str] | Suggestions) -> str:
    """' (did you mean 'x'?)' when a close match exists, else ''."""
    pool = (
        choices.candidates(word)
        if isinstance(choices, Suggestions)
        else (Suggestions(choices).candidates(word))
    )
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
