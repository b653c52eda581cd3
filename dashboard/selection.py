"""What the person has chosen: the filters every view shares, and each view's own settings.

A `Selection` is the briefing, the view, the sidebar's `Filters` and one small state per view. Core
functions take only the part they read (`filters.apply` a `Filters`, `matrix.grid_of` a
`MatrixState`), so a signature says what a result depends on and the cache keys on exactly that.

`PARAMS` is the one table of the page's parameters: for each, the part and field it fills, its name in
links, its widget, its label in words and what its values may be. The link codec
(`dashboard.link`), the sidebar, the note's filter words, compare's notices and the "hidden by"
words are all read from it. Nothing here parses or writes a link.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from enum import StrEnum
from typing import Any

from dashboard.alignment.table import MEASURES
from dashboard.changes import CHANGE_KINDS
from dashboard.pages import VIEW_IDS
from dashboard.records import ACTOR_KINDS, BASES, STANCES, UNKNOWN

GROUPINGS = ("", "year", "topic")  # a pair's agreement: overall, by year, by topic
GROUPS = ("issues", "topics")  # matrix columns: single issues, or the share of support per topic
COMPARE_MIN, COMPARE_MAX = 2, 4


@dataclass(frozen=True)
class Filters:
    """The sidebar's filters: which actors, issues and records every view starts from."""

    actors: tuple[str, ...] = ()
    spokespeople: bool = False  # also those who speak for the chosen actors
    issues: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    bases: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    query: str = ""  # text searched in quotes and their context

    def with_(self, **changes: Any) -> Filters:
        return replace(self, **changes)

    def active(self) -> tuple[str, ...]:
        """The names of the filters set (not at their default)."""
        default = Filters()
        return tuple(f.name for f in fields(self) if getattr(self, f.name) != getattr(default, f.name))


@dataclass(frozen=True)
class MatrixState:
    group: str = "issues"  # columns: issues, or topics
    sort_by: str = ""  # rows sorted by agreement with this actor (link: align)
    rows_page: int = 1  # page of rows when there are more actors than fit
    first_column: int = 0  # the first column's issue number (1-based); 0: where the briefing opens
    cell: tuple[str, str] | None = None  # (actor, issue) whose evidence is open


@dataclass(frozen=True)
class CompareState:
    actors: tuple[str, ...] = ()  # two to four actors, apart from the sidebar's (link: compare)


@dataclass(frozen=True)
class AlignmentState:
    measure: str = "coincidence"
    partners: str = ""  # whose partners are ranked
    by: str = ""  # a pair's agreement by year or topic
    pair: tuple[str, str] | None = None  # two actors whose divergent issues are open
    bloc: str = ""  # a bloc the briefing declares
    members: tuple[str, ...] = ()  # or a bloc chosen in the link


@dataclass(frozen=True)
class ChangesState:
    since: date | None = None  # what changed since this date (the brief reads it too)
    kinds: tuple[str, ...] = ()  # kinds of change listed; () the view's default (link: change)


@dataclass(frozen=True)
class BriefState:
    vs: str = ""  # the counterpart: the first chosen actor meets this one


# The parts of a selection besides the briefing and the view, and their types.
PARTS: dict[str, type] = {
    "filters": Filters,
    "matrix": MatrixState,
    "comparison": CompareState,
    "alignment": AlignmentState,
    "changes": ChangesState,
    "brief": BriefState,
}


@dataclass(frozen=True, init=False)
class Selection:
    """The briefing, the view, the filters and each view's state. Built and changed with the flat
    names of `PARAMS` (`Selection(actors=("china",), view="compare", compare=("a", "b"))`) or part
    by part (`Selection(filters=Filters(...))`)."""

    briefing: str
    view: str
    filters: Filters
    matrix: MatrixState
    comparison: CompareState
    alignment: AlignmentState
    changes: ChangesState
    brief: BriefState

    def __init__(
        self,
        briefing: str = "",
        view: str = "matrix",
        *,
        filters: Filters | None = None,
        matrix: MatrixState | None = None,
        comparison: CompareState | None = None,
        alignment: AlignmentState | None = None,
        changes: ChangesState | None = None,
        brief: BriefState | None = None,
        **flat: Any,
    ) -> None:
        given = {
            "filters": filters,
            "matrix": matrix,
            "comparison": comparison,
            "alignment": alignment,
            "changes": changes,
            "brief": brief,
        }
        parts = {name: value if value is not None else PARTS[name]() for name, value in given.items()}
        for name, value in flat.items():
            param = PARAM_BY_NAME.get(name)
            if param is None or param.part not in PARTS:
                raise TypeError(f"Selection has no field {name!r}")
            parts[param.part] = replace(parts[param.part], **{param.attr: value})
        object.__setattr__(self, "briefing", briefing)
        object.__setattr__(self, "view", view)
        for name, value in parts.items():
            object.__setattr__(self, name, value)

    def with_(self, **changes: Any) -> Selection:
        """A copy with these flat fields (or parts, or briefing and view) changed."""
        current: dict[str, Any] = {
            "briefing": self.briefing,
            "view": self.view,
            **{name: getattr(self, name) for name in PARTS},
        }
        flat = {k: v for k, v in changes.items() if k not in current}
        current.update({k: v for k, v in changes.items() if k in current})
        return Selection(**current, **flat)

    def value(self, name: str) -> Any:
        """A flat field's value: `value("compare")` is the compared actors."""
        param = PARAM_BY_NAME[name]
        if param.part in PARTS:
            return getattr(getattr(self, param.part), param.attr)
        return getattr(self, param.attr)


@dataclass(frozen=True)
class Choices:
    """What the current briefing offers; anything else in a link is dropped with a notice."""

    briefings: Sequence[str]
    actors: Iterable[str]
    issues: Iterable[str]
    topics: Iterable[str]
    blocs: Iterable[str] = ()  # ids of the blocs the briefing declares
    stances: Sequence[str] = (*STANCES, UNKNOWN)
    kinds: Sequence[str] = ACTOR_KINDS
    bases: Sequence[str] = BASES


class ParamKind(StrEnum):
    """How a parameter's values are read."""

    IDS = "ids"  # record ids or vocabulary words the briefing offers
    CHOICE = "choice"  # one of a fixed list of words
    FLAG = "flag"  # 1 or nothing
    DATE = "date"
    TEXT = "text"
    NUMBER = "number"  # a page number
    CELL = "cell"  # actor~issue
    PAIR = "pair"  # actor~actor


@dataclass(frozen=True)
class Param:
    """One of the page's parameters: its flat name, the part and field it fills, its name in links,
    its widget, its label in words, and what the README says of its values."""

    name: str  # the flat name: Selection(name=...)
    part: str  # a key of PARTS, or "" for the briefing and the view
    attr: str  # the field within the part
    query: str  # its name in links (stable: links in old e-mails must keep working)
    widget: str  # session-state key of its widget
    kind: ParamKind
    label: str  # its name in words: the widget's label, the note's filter line, "hidden by the …"
    value: str  # the README's "value" column
    example: str
    repeatable: bool = False
    what: str = ""  # how a value is named in a notice: "actor", "issue", ...
    offered: Callable[[Choices], Iterable[str]] | None = field(default=None, compare=False)
    words: tuple[str, ...] = ()  # for CHOICE: the words allowed


def _words(words: Iterable[str]) -> str:
    return " ".join(f"`{w}`" for w in words)


# Order: as the README lists them.
PARAMS: tuple[Param, ...] = (
    Param(
        "briefing",
        "",
        "briefing",
        "briefing",
        "f_briefing",
        ParamKind.CHOICE,
        "Briefing",
        "briefing id (its folder name)",
        "briefing=nk-troops-russia",
    ),
    Param(
        "actors",
        "filters",
        "actors",
        "actor",
        "f_actor",
        ParamKind.IDS,
        "Actors",
        "actor id",
        "actor=china&actor=united-states",
        repeatable=True,
        what="actor",
        offered=lambda c: c.actors,
    ),
    Param(
        "spokespeople",
        "filters",
        "spokespeople",
        "spokespeople",
        "f_spokespeople",
        ParamKind.FLAG,
        "Include those who speak for them",
        "`1`: also show those who speak for the chosen actors",
        "spokespeople=1",
    ),
    Param(
        "issues",
        "filters",
        "issues",
        "issue",
        "f_issue",
        ParamKind.IDS,
        "Issues",
        "issue id",
        "issue=nk-troops-in-russia",
        repeatable=True,
        what="issue",
        offered=lambda c: c.issues,
    ),
    Param(
        "topics",
        "filters",
        "topics",
        "topic",
        "f_topic",
        ParamKind.IDS,
        "Topics",
        "topic text",
        "topic=Korean%20Peninsula",
        repeatable=True,
        what="topic",
        offered=lambda c: c.topics,
    ),
    Param(
        "stances",
        "filters",
        "stances",
        "stance",
        "f_stance",
        ParamKind.IDS,
        "Stances",
        _words((*STANCES, UNKNOWN)),
        "stance=silent",
        repeatable=True,
        what="stance",
        offered=lambda c: c.stances,
    ),
    Param(
        "kinds",
        "filters",
        "kinds",
        "kind",
        "f_kind",
        ParamKind.IDS,
        "Actor kinds",
        "actor kind: " + _words(ACTOR_KINDS),
        "kind=expert",
        repeatable=True,
        what="actor kind",
        offered=lambda c: c.kinds,
    ),
    Param(
        "bases",
        "filters",
        "bases",
        "basis",
        "f_basis",
        ParamKind.IDS,
        "Basis",
        _words(BASES),
        "basis=inferred",
        repeatable=True,
        what="basis",
        offered=lambda c: c.bases,
    ),
    Param(
        "date_from",
        "filters",
        "date_from",
        "from",
        "f_from",
        ParamKind.DATE,
        "From",
        "date `YYYY-MM-DD` (positions' as-of, quotes' date)",
        "from=2024-10-01",
        what="date",
    ),
    Param(
        "date_to",
        "filters",
        "date_to",
        "to",
        "f_to",
        ParamKind.DATE,
        "To",
        "date `YYYY-MM-DD`",
        "to=2024-11-02",
        what="date",
    ),
    Param(
        "query",
        "filters",
        "query",
        "q",
        "f_q",
        ParamKind.TEXT,
        "Search quote text",
        "text searched in quotes and their context",
        "q=influence",
        what="quote search",
    ),
    Param(
        "view",
        "",
        "view",
        "view",
        "f_view",
        ParamKind.CHOICE,
        "View",
        _words(VIEW_IDS) + " (default `matrix`)",
        "view=compare",
        words=VIEW_IDS,
    ),
    Param(
        "compare",
        "comparison",
        "actors",
        "compare",
        "f_compare",
        ParamKind.IDS,
        f"Actors to compare ({COMPARE_MIN} to {COMPARE_MAX})",
        f"actor id for the compare view ({COMPARE_MIN}–{COMPARE_MAX})",
        "compare=china&compare=united-states",
        repeatable=True,
        what="actor to compare",
        offered=lambda c: c.actors,
    ),
    Param(
        "group",
        "matrix",
        "group",
        "group",
        "f_group",
        ParamKind.CHOICE,
        "Columns",
        "`topics`: matrix columns are topics (share of support); default `issues`",
        "group=topics",
        words=GROUPS,
    ),
    Param(
        "align",
        "matrix",
        "sort_by",
        "align",
        "f_align",
        ParamKind.IDS,
        "Sort rows by agreement with",
        "actor id: sort matrix rows by agreement with this actor",
        "align=united-states",
        what="actor to sort by",
        offered=lambda c: c.actors,
    ),
    Param(
        "rows_page",
        "matrix",
        "rows_page",
        "page",
        "f_page",
        ParamKind.NUMBER,
        "Rows page",
        "page of matrix rows (from 1)",
        "page=2",
    ),
    Param(
        "first_column",
        "matrix",
        "first_column",
        "column",
        "f_column",
        ParamKind.NUMBER,
        "First column",
        "the matrix's first column: issue number N, oldest first (default: the newest issues, "
        "or the first when all share a date)",
        "column=21",
    ),
    Param(
        "cell",
        "matrix",
        "cell",
        "cell",
        "f_cell",
        ParamKind.CELL,
        "Open cell",
        "`actor~issue`: the cell whose evidence is open",
        "cell=china~nk-troops-in-russia",
    ),
    Param(
        "measure",
        "alignment",
        "measure",
        "measure",
        "f_measure",
        ParamKind.CHOICE,
        "Measure",
        _words(MEASURES) + ": the alignment view's measure (default `coincidence`)",
        "measure=kappa",
        words=MEASURES,
    ),
    Param(
        "partners",
        "alignment",
        "partners",
        "partners",
        "f_partners",
        ParamKind.IDS,
        "Partners of",
        "actor id: the alignment view ranks this actor's partners (older links: `align` with "
        "`view=alignment`)",
        "view=alignment&partners=us",
        what="actor whose partners to rank",
        offered=lambda c: c.actors,
    ),
    Param(
        "by",
        "alignment",
        "by",
        "by",
        "f_by",
        ParamKind.CHOICE,
        "Agreement by",
        "`year` or `topic`: a pair's agreement over time or by topic",
        "by=year",
        words=GROUPINGS,
    ),
    Param(
        "pair",
        "alignment",
        "pair",
        "pair",
        "f_pair",
        ParamKind.PAIR,
        "Pair",
        "`actor~actor`: the pair whose divergent issues are open",
        "pair=us~cn",
    ),
    Param(
        "since",
        "changes",
        "since",
        "since",
        "f_since",
        ParamKind.DATE,
        "Changed since",
        "date `YYYY-MM-DD`: what changed since (changes and brief views)",
        "since=2024-10-31",
    ),
    Param(
        "change_kinds",
        "changes",
        "kinds",
        "change",
        "f_change",
        ParamKind.IDS,
        "Kinds of change",
        _words(CHANGE_KINDS) + ": what the changes view lists (default: all; on roll calls all but `new`)",
        "view=changes&change=reversal",
        repeatable=True,
        what="kind of change",
        offered=lambda c: CHANGE_KINDS,
    ),
    Param(
        "vs",
        "brief",
        "vs",
        "vs",
        "f_vs",
        ParamKind.IDS,
        "Meeting with (the counterpart)",
        "actor id: the counterpart of `view=brief` (the first `actor` is the one briefed)",
        "view=brief&actor=united-states&vs=china",
        what="counterpart",
        offered=lambda c: c.actors,
    ),
    Param(
        "bloc",
        "alignment",
        "bloc",
        "bloc",
        "f_bloc",
        ParamKind.IDS,
        "Declared bloc",
        "bloc id: a bloc the briefing declares, shown in the alignment view",
        "bloc=coalition",
        what="bloc",
        offered=lambda c: c.blocs,
    ),
    Param(
        "members",
        "alignment",
        "members",
        "members",
        "f_members",
        ParamKind.IDS,
        "Bloc members (chosen in the link)",
        "actor id: a bloc chosen in the link (two or more), shown in the alignment view",
        "members=spd&members=gruene",
        repeatable=True,
        what="bloc member",
        offered=lambda c: c.actors,
    ),
)
PARAM_BY_NAME: dict[str, Param] = {p.name: p for p in PARAMS}
LABEL: dict[str, str] = {p.name: p.label for p in PARAMS}  # widgets' labels, the note's words
PARAM_BY_QUERY: dict[str, Param] = {p.query: p for p in PARAMS}
# The filters' parameters, keyed by the Filters field they fill: the note's filter lines, compare's
# notices and "hidden by the … filter" read their labels here.
FILTER_PARAMS: dict[str, Param] = {p.attr: p for p in PARAMS if p.part == "filters"}


def _check_table() -> None:
    """Every field of every part has exactly one parameter, and every parameter one field."""
    placed = {(p.part, p.attr) for p in PARAMS}
    wanted = {("", "briefing"), ("", "view")} | {
        (name, f.name) for name, kind in PARTS.items() for f in fields(kind)
    }
    assert placed == wanted, f"parameters and fields differ: {placed ^ wanted}"
    assert len(PARAM_BY_NAME) == len(PARAM_BY_QUERY) == len(PARAMS)


_check_table()


# What a filter may hide (`filters.Subset.hides`) -> the parameter that does it.
HIDERS: dict[str, str] = {
    "actor": "actors",
    "kind": "kinds",
    "stance": "stances",
    "basis": "bases",
    "date": "date_from",
}


def filter_word(name: str) -> str:
    """A filter named in a sentence ("hidden by the actor kind filter"), from a Filters field or
    a key of HIDERS: the parameter's `what`."""
    return FILTER_PARAMS[HIDERS.get(name, name)].what
