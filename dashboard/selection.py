"""What the person has chosen, and its codec to and from the page's query string.

The link is the view: every choice is a query parameter holding record ids (never display names), so a
forwarded link opens the same view in any browser. One table, `PARAMS`, names each parameter once:
the codec, the page's widgets, the reset and the README's parameter table are all read from it.
Anything in a link that cannot apply is dropped or corrected with a notice; nothing in a link can fail
the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from enum import StrEnum

from dashboard.escape import markdown_literal
from dashboard.records import ACTOR_KINDS, BASES, ID_PATTERN, STANCES, UNKNOWN

VIEWS = ("matrix", "cards", "compare", "alignment", "changes", "brief")
MEASURES = ("coincidence", "index", "kappa")  # see dashboard.alignment
GROUPINGS = ("", "year", "topic")
GROUPS = ("issues", "topics")  # matrix columns: single issues, or the share of support per topic
MAX_VALUES_PER_PARAM = 500  # a tampered link with thousands of repeats is cut, with a notice
MAX_VALUE_LENGTH = 200
MAX_QUERY_LENGTH = 500
MAX_PAGE = 99_999
COMPARE_MIN, COMPARE_MAX = 2, 4
CELL_SEPARATOR = "~"  # actor~issue: never in an id (see records.ID_PATTERN)


@dataclass(frozen=True)
class Selection:
    briefing: str = ""
    actors: tuple[str, ...] = ()
    spokespeople: bool = False  # also show those who speak for the selected actors
    issues: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    bases: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    query: str = ""
    view: str = "matrix"  # which view fills the page: matrix, cards, compare
    compare: tuple[str, ...] = ()  # two to four actor ids for the compare view
    group: str = "issues"
    align: str = ""  # sort matrix rows by agreement with this actor
    rows_page: int = 1  # page of matrix rows when there are more actors than fit
    first_column: int = 0  # the matrix starts at this issue (1-based); 0: where the briefing opens
    cell: tuple[str, str] | None = None  # (actor, issue) whose evidence is open
    measure: str = "coincidence"  # the alignment view's agreement measure
    by: str = ""  # the alignment view's grouping of a pair's agreement: year or topic
    pair: tuple[str, str] | None = None  # two actors whose divergent issues are open
    since: date | None = None  # what changed since this date (changes and brief views)
    vs: str = ""  # the counterpart of the brief: "for the meeting with B"
    bloc: str = ""  # a bloc declared in the briefing, shown in the alignment view
    members: tuple[str, ...] = ()  # or a bloc chosen in the link: its member actor ids

    def with_(self, **changes: object) -> Selection:
        return replace(self, **changes)  # type: ignore[arg-type]


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
    """One query parameter: the Selection field it fills, its name in links, the widget that shows it,
    and what the README says of it."""

    field: str
    query: str
    widget: str  # session-state key of its widget ("" when no widget holds it)
    kind: ParamKind
    value: str  # the README's "value" column
    example: str
    repeatable: bool = False
    what: str = ""  # how a value is named in a notice: "actor", "issue", ...
    offered: Callable[[Choices], Iterable[str]] | None = None  # for IDS: what this briefing has
    words: tuple[str, ...] = ()  # for CHOICE: the words allowed


def _words(words: Iterable[str]) -> str:
    return " ".join(f"`{w}`" for w in words)


# Stable names: links in old e-mails must keep working. Order: as the README lists them.
PARAMS: tuple[Param, ...] = (
    Param("briefing", "briefing", "f_briefing", ParamKind.CHOICE, "briefing id (its folder name)",
          "briefing=nk-troops-russia"),
    Param("actors", "actor", "f_actor", ParamKind.IDS, "actor id", "actor=china&actor=united-states",
          repeatable=True, what="actor", offered=lambda c: c.actors),
    Param("spokespeople", "spokespeople", "f_spokespeople", ParamKind.FLAG,
          "`1`: also show those who speak for the chosen actors", "spokespeople=1"),
    Param("issues", "issue", "f_issue", ParamKind.IDS, "issue id", "issue=nk-troops-in-russia",
          repeatable=True, what="issue", offered=lambda c: c.issues),
    Param("topics", "topic", "f_topic", ParamKind.IDS, "topic text", "topic=Korean%20Peninsula",
          repeatable=True, what="topic", offered=lambda c: c.topics),
    Param("stances", "stance", "f_stance", ParamKind.IDS, _words((*STANCES, UNKNOWN)),
          "stance=silent", repeatable=True, what="stance", offered=lambda c: c.stances),
    Param("kinds", "kind", "f_kind", ParamKind.IDS, "actor kind: " + _words(ACTOR_KINDS),
          "kind=expert", repeatable=True, what="actor kind", offered=lambda c: c.kinds),
    Param("bases", "basis", "f_basis", ParamKind.IDS, _words(BASES), "basis=inferred",
          repeatable=True, what="basis", offered=lambda c: c.bases),
    Param("date_from", "from", "f_from", ParamKind.DATE,
          "date `YYYY-MM-DD` (positions' as-of, quotes' date)", "from=2024-10-01"),
    Param("date_to", "to", "f_to", ParamKind.DATE, "date `YYYY-MM-DD`", "to=2024-11-02"),
    Param("query", "q", "f_q", ParamKind.TEXT, "text searched in quotes and their context",
          "q=influence"),
    Param("view", "view", "f_view", ParamKind.CHOICE, _words(VIEWS) + " (default `matrix`)",
          "view=compare", words=VIEWS),
    Param("compare", "compare", "f_compare", ParamKind.IDS,
          f"actor id for the compare view ({COMPARE_MIN}–{COMPARE_MAX})",
          "compare=china&compare=united-states", repeatable=True, what="actor to compare",
          offered=lambda c: c.actors),
    Param("group", "group", "f_group", ParamKind.CHOICE,
          "`topics`: matrix columns are topics (share of support); default `issues`",
          "group=topics", words=GROUPS),
    Param("align", "align", "f_align", ParamKind.IDS,
          "actor id: sort matrix rows by agreement with this actor", "align=united-states",
          what="actor to align on", offered=lambda c: c.actors),
    Param("rows_page", "page", "f_page", ParamKind.NUMBER, "page of matrix rows (from 1)", "page=2"),
    Param("first_column", "column", "f_column", ParamKind.NUMBER,
          "the matrix's first column: issue number N, oldest first (default: the newest issues, "
          "or the first when all share a date)", "column=21"),
    Param("cell", "cell", "f_cell", ParamKind.CELL,
          "`actor~issue`: the cell whose evidence is open", "cell=china~nk-troops-in-russia"),
    Param("measure", "measure", "f_measure", ParamKind.CHOICE,
          _words(MEASURES) + ": the alignment view's measure (default `coincidence`)",
          "measure=kappa", words=MEASURES),
    Param("by", "by", "f_by", ParamKind.CHOICE,
          "`year` or `topic`: a pair's agreement over time or by topic", "by=year",
          words=GROUPINGS),
    Param("pair", "pair", "f_pair", ParamKind.PAIR,
          "`actor~actor`: the pair whose divergent issues are open", "pair=us~cn"),
    Param("since", "since", "f_since", ParamKind.DATE,
          "date `YYYY-MM-DD`: what changed since (changes and brief views)", "since=2024-10-31"),
    Param("vs", "vs", "f_vs", ParamKind.IDS,
          "actor id: the counterpart of `view=brief` (the first `actor` is the one briefed)",
          "view=brief&actor=united-states&vs=china", what="counterpart",
          offered=lambda c: c.actors),
    Param("bloc", "bloc", "f_bloc", ParamKind.IDS,
          "bloc id: a bloc the briefing declares, shown in the alignment view", "bloc=coalition",
          what="bloc", offered=lambda c: c.blocs),
    Param("members", "members", "f_members", ParamKind.IDS,
          "actor id: a bloc chosen in the link (two or more), shown in the alignment view",
          "members=spd&members=gruene", repeatable=True, what="bloc member",
          offered=lambda c: c.actors),
)
PARAM_BY_FIELD: dict[str, Param] = {p.field: p for p in PARAMS}
PARAM_BY_QUERY: dict[str, Param] = {p.query: p for p in PARAMS}
assert set(PARAM_BY_FIELD) == {f.name for f in fields(Selection)}, "every field has one parameter"


@dataclass
class Decoded:
    selection: Selection
    notices: list[str] = field(default_factory=list)


def shown(value: str) -> str:
    """A value from the link, quoted for a notice: printable, cut short, and inert as Markdown."""
    printable = "".join(c if c.isprintable() else "?" for c in value)
    cut = f"{printable[:40]}…" if len(printable) > 40 else printable
    return f"'{markdown_literal(cut)}'"


def _values(query: Mapping[str, Sequence[str]], param: Param, notices: list[str]) -> list[str]:
    """The parameter's usable values: strings, cut to the caps, stripped, without repeats."""
    name = param.query
    values = [v for v in query.get(name, ()) if isinstance(v, str)]
    if len(values) > MAX_VALUES_PER_PARAM:
        notices.append(f"The link repeats '{name}' {len(values):,} times; only the first "
                       f"{MAX_VALUES_PER_PARAM} were read.")
        values = values[:MAX_VALUES_PER_PARAM]
    clean = []
    for value in values:
        if "\x00" in value or len(value) > MAX_VALUE_LENGTH:
            notices.append(f"The link's '{name}' value {shown(value)} is not valid and was ignored.")
            continue
        clean.append(value.strip())
    kept = [v for v in dict.fromkeys(clean) if v]
    if not param.repeatable and len(kept) > 1:
        notices.append(f"The link gives '{name}' {len(kept)} times; it takes one value, so the "
                       f"first, {shown(kept[0])}, is used.")
        kept = kept[:1]
    return kept


def _known(param: Param, values: list[str], allowed: Iterable[str], notices: list[str]
           ) -> tuple[str, ...]:
    allowed_set = set(allowed)
    kept = tuple(v for v in values if v in allowed_set)
    unknown = [v for v in values if v not in allowed_set]
    if unknown:
        listed = ", ".join(shown(v) for v in unknown[:5])
        more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
        notices.append(f"This briefing has no {param.what} {listed}{more}: dropped from the view.")
    return kept


def _number(param: Param, values: list[str], notices: list[str]) -> int:
    default = int(getattr(Selection(), param.field))
    if not values:
        return default
    # ASCII digits only: str.isdigit() also accepts '²', which int() refuses.
    if re.fullmatch(r"[0-9]{1,5}", values[0]) and 0 < int(values[0]) <= MAX_PAGE:
        return int(values[0])
    notices.append(f"The link's '{param.query}' value {shown(values[0])} is not a page or column "
                   "number: showing where the view opens.")
    return default


def _date(param: Param, values: list[str], notices: list[str]) -> date | None:
    if not values:
        return None
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", values[0]):
            raise ValueError
        return date.fromisoformat(values[0])
    except ValueError:
        notices.append(f"The link's '{param.query}' date {shown(values[0])} is not YYYY-MM-DD: "
                       "ignored.")
        return None


def _choice(param: Param, values: list[str], notices: list[str]) -> str:
    default = str(getattr(Selection(), param.field))
    if not values:
        return default
    if values[0] in param.words:
        return values[0]
    notices.append(f"There is no {param.query} {shown(values[0])}: showing "
                   f"'{markdown_literal(default)}'.")
    return default


def _cell(param: Param, values: list[str], choices: Choices, notices: list[str]
          ) -> tuple[str, str] | None:
    if not values:
        return None
    actor, _, issue = values[0].partition(CELL_SEPARATOR)
    if actor in set(choices.actors) and issue in set(choices.issues):
        return actor, issue
    notices.append(f"This briefing has no cell {shown(values[0])} (write actor~issue with ids it "
                   "has): no cell is open.")
    return None


def _pair(param: Param, values: list[str], choices: Choices, notices: list[str]
          ) -> tuple[str, str] | None:
    if not values:
        return None
    first, _, second = values[0].partition(CELL_SEPARATOR)
    actors = set(choices.actors)
    if first in actors and second in actors and first != second:
        return first, second
    notices.append(f"This briefing has no pair {shown(values[0])} (write actor~actor with two "
                   "actor ids it has): no pair is open.")
    return None


def pick_briefing(requested: Sequence[str], available: Sequence[str], default: str) -> Decoded:
    """The briefing a link asks for, if it is one of the folders on offer; else the default."""
    notices: list[str] = []
    values = _values({"briefing": requested}, PARAM_BY_FIELD["briefing"], notices)
    if values and values[0] in available:
        return Decoded(Selection(briefing=values[0]), notices)
    if values:
        notices.append(f"There is no briefing {shown(values[0])}: showing {shown(default)} instead.")
    return Decoded(Selection(briefing=default), notices)


def _read(param: Param, query: Mapping[str, Sequence[str]], choices: Choices, notices: list[str]
          ) -> object:
    values = _values(query, param, notices)
    if param.kind is ParamKind.IDS:
        assert param.offered is not None
        kept = _known(param, values, param.offered(choices), notices)
        return kept if param.repeatable else (kept[0] if kept else "")
    if param.kind is ParamKind.CHOICE:
        return _choice(param, values, notices)
    if param.kind is ParamKind.FLAG:
        return bool(values) and values[0].lower() in ("1", "true", "yes")
    if param.kind is ParamKind.DATE:
        return _date(param, values, notices)
    if param.kind is ParamKind.NUMBER:
        return _number(param, values, notices)
    if param.kind is ParamKind.CELL:
        return _cell(param, values, choices, notices)
    if param.kind is ParamKind.PAIR:
        return _pair(param, values, choices, notices)
    return (values or [""])[0][:MAX_QUERY_LENGTH]


def decode(query: Mapping[str, Sequence[str]], briefing: str, choices: Choices) -> Decoded:
    """Query parameters (each a list of values) -> a selection valid for this briefing."""
    notices: list[str] = []
    strange = [k for k in query if k not in PARAM_BY_QUERY]
    if strange:
        notices.append("The link has parameters this page does not use: "
                       + ", ".join(shown(k) for k in strange[:5]) + ".")
    values = {p.field: _read(p, query, choices, notices) for p in PARAMS if p.field != "briefing"}
    selection = Selection(briefing=briefing).with_(**values)
    return Decoded(*_consistent(selection, notices))


def _consistent(selection: Selection, notices: list[str]) -> tuple[Selection, list[str]]:
    """Values that make sense one by one but not together, put right with a notice."""
    if selection.date_from and selection.date_to and selection.date_from > selection.date_to:
        notices.append(f"The link's 'from' ({selection.date_from}) is after its 'to' "
                       f"({selection.date_to}): the two dates were swapped.")
        selection = selection.with_(date_from=selection.date_to, date_to=selection.date_from)
    if len(selection.compare) > COMPARE_MAX:
        dropped = ", ".join(shown(a) for a in selection.compare[COMPARE_MAX:])
        notices.append(f"Compare takes {COMPARE_MIN} to {COMPARE_MAX} actors; the link names "
                       f"{len(selection.compare)}, so {dropped} were left out.")
        selection = selection.with_(compare=selection.compare[:COMPARE_MAX])
    if selection.view == "brief" and selection.vs and not selection.actors:
        notices.append("The brief is for one actor meeting another: the link names the counterpart "
                       "(vs) but not the actor briefed (actor).")
    if selection.bloc and selection.members:
        notices.append(f"The link names a declared bloc ({shown(selection.bloc)}) and members of "
                       "one of its own: the declared bloc is shown, the members were left out.")
        selection = selection.with_(members=())
    if len(selection.members) == 1:
        notices.append(f"A bloc chosen in the link needs two or more members; the link names only "
                       f"{shown(selection.members[0])}: pick another to make a bloc.")
    if len(selection.compare) == 1 and selection.view == "compare":
        notices.append(f"Compare needs {COMPARE_MIN} to {COMPARE_MAX} actors; the link names only "
                       f"{shown(selection.compare[0])}: pick another to compare.")
    return selection, notices


def encode(selection: Selection) -> dict[str, list[str]]:
    """A selection -> query parameters; defaults are left out so links stay short."""
    default = Selection()
    query: dict[str, list[str]] = {}
    for param in PARAMS:
        value = getattr(selection, param.field)
        if value == getattr(default, param.field):
            continue
        if param.kind in (ParamKind.CELL, ParamKind.PAIR):
            query[param.query] = [CELL_SEPARATOR.join(value)]
        elif isinstance(value, tuple):
            query[param.query] = list(value)
        elif isinstance(value, bool):
            query[param.query] = ["1"]
        elif isinstance(value, date):
            query[param.query] = [value.isoformat()]
        else:
            query[param.query] = [str(value)]
    return query


def readme_table() -> str:
    """The README's table of link parameters, made from `PARAMS` (a test keeps the two in step)."""
    rows = ["| parameter | value | repeatable | example |", "|---|---|---|---|"]
    for param in PARAMS:
        rows.append(f"| `{param.query}` | {param.value} | {'yes' if param.repeatable else 'no'} | "
                    f"`{param.example}` |")
    return "\n".join(rows)


def is_id(value: str) -> bool:
    return re.fullmatch(ID_PATTERN, value) is not None
