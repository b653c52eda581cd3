"""What the person has chosen, and its codec to and from the page's query string.

The link is the view: every filter is a query parameter holding record ids (never display names), so a
forwarded link opens the same view in any browser. Ids the briefing does not have are dropped with a
notice; nothing in a link can fail the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date

from dashboard.plaintext import literal
from dashboard.records import ACTOR_KINDS, BASES, ID_PATTERN, STANCES, UNKNOWN

VIEWS = ("matrix", "cards", "compare")
GROUPS = ("issues", "topics")  # matrix columns: single issues, or the share of support per topic
MAX_VALUES_PER_PARAM = 500  # a tampered link with thousands of repeats is cut, with a notice
MAX_VALUE_LENGTH = 200
MAX_QUERY_LENGTH = 500

# Selection field -> query parameter. Stable names: links in old e-mails must keep working.
PARAMS: dict[str, str] = {
    "briefing": "briefing",
    "actors": "actor",
    "issues": "issue",
    "topics": "topic",
    "stances": "stance",
    "kinds": "kind",
    "bases": "basis",
    "date_from": "from",
    "date_to": "to",
    "query": "q",
    "view": "view",
    "spokespeople": "spokespeople",
    "compare": "compare",
    "group": "group",
    "align": "align",
    "page": "page",
}


@dataclass(frozen=True)
class Selection:
    briefing: str = ""
    actors: tuple[str, ...] = ()
    issues: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    bases: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    query: str = ""
    view: str = "matrix"
    spokespeople: bool = False  # also show those who speak for the selected actors
    compare: tuple[str, ...] = ()  # two to four actor ids for the compare view
    group: str = "issues"
    align: str = ""  # sort matrix rows by agreement with this actor
    page: int = 1  # page of matrix rows when there are more actors than fit

    def with_(self, **changes: object) -> Selection:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def is_default(self) -> bool:
        return self == Selection(briefing=self.briefing)


@dataclass(frozen=True)
class Choices:
    """What the current briefing offers; anything else in a link is dropped with a notice."""

    briefings: Sequence[str]
    actors: Iterable[str]
    issues: Iterable[str]
    topics: Iterable[str]
    stances: Sequence[str] = (*STANCES, UNKNOWN)
    kinds: Sequence[str] = ACTOR_KINDS
    bases: Sequence[str] = BASES


@dataclass
class Decoded:
    selection: Selection
    notices: list[str] = field(default_factory=list)


def _values(query: Mapping[str, Sequence[str]], name: str, notices: list[str]) -> list[str]:
    values = [v for v in query.get(name, ()) if isinstance(v, str)]
    if len(values) > MAX_VALUES_PER_PARAM:
        notices.append(
            f"The link repeats '{name}' {len(values):,} times; only the first "
            f"{MAX_VALUES_PER_PARAM} were read."
        )
        values = values[:MAX_VALUES_PER_PARAM]
    clean = []
    for value in values:
        if "\x00" in value or len(value) > MAX_VALUE_LENGTH:
            notices.append(f"The link's '{name}' value {_shown(value)} is not valid and was ignored.")
            continue
        clean.append(value.strip())
    return [v for v in dict.fromkeys(clean) if v]


def _shown(value: str) -> str:
    """A value from the link, quoted for a notice: printable, cut short, and inert as Markdown."""
    printable = "".join(c if c.isprintable() else "?" for c in value)
    cut = f"{printable[:40]}…" if len(printable) > 40 else printable
    return f"'{literal(cut)}'"


def _known(
    name: str, values: list[str], allowed: Iterable[str], what: str, notices: list[str]
) -> tuple[str, ...]:
    allowed_set = set(allowed)
    kept = tuple(v for v in values if v in allowed_set)
    unknown = [v for v in values if v not in allowed_set]
    if unknown:
        listed = ", ".join(_shown(v) for v in unknown[:5])
        more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
        notices.append(f"This briefing has no {what} {listed}{more}: dropped from the view.")
    return kept


def _date(query: Mapping[str, Sequence[str]], name: str, notices: list[str]) -> date | None:
    values = _values(query, name, notices)
    if not values:
        return None
    try:
        return date.fromisoformat(values[0])
    except ValueError:
        notices.append(f"The link's '{name}' date {_shown(values[0])} is not YYYY-MM-DD: ignored.")
        return None


def pick_briefing(requested: Sequence[str], available: Sequence[str], default: str) -> Decoded:
    """The briefing a link asks for, if it is one of the folders on offer; else the default."""
    notices: list[str] = []
    values = _values({"briefing": requested}, "briefing", notices)
    if values and values[0] in available:
        return Decoded(Selection(briefing=values[0]), notices)
    if values:
        notices.append(f"There is no briefing {_shown(values[0])}: showing {_shown(default)} instead.")
    return Decoded(Selection(briefing=default), notices)


def decode(query: Mapping[str, Sequence[str]], briefing: str, choices: Choices) -> Decoded:
    """Query parameters (each a list of values) -> a selection valid for this briefing."""
    notices: list[str] = []
    known = {p for p in PARAMS.values()}
    strange = [k for k in query if k not in known]
    if strange:
        notices.append(
            "The link has parameters this page does not use: "
            + ", ".join(_shown(k) for k in strange[:5])
            + "."
        )

    def ids(param: str, allowed: Iterable[str], what: str) -> tuple[str, ...]:
        return _known(param, _values(query, param, notices), allowed, what, notices)

    actor_ids = list(choices.actors)
    view_values = _values(query, "view", notices)
    view = view_values[0] if view_values else "matrix"
    if view not in VIEWS:
        notices.append(f"There is no view {_shown(view)}: showing the matrix.")
        view = "matrix"
    query_text = (_values(query, "q", notices) or [""])[0][:MAX_QUERY_LENGTH]
    spokes = (_values(query, "spokespeople", notices) or ["0"])[0].lower() in ("1", "true", "yes")
    group = (_values(query, "group", notices) or ["issues"])[0]
    if group not in GROUPS:
        notices.append(f"There is no matrix grouping {_shown(group)}: showing single issues.")
        group = "issues"
    align = _known("align", _values(query, "align", notices)[:1], actor_ids, "actor to align on",
                   notices)
    page_text = (_values(query, "page", notices) or ["1"])[0]
    page = int(page_text) if page_text.isdigit() and 0 < int(page_text) < 100_000 else 1
    if page_text != str(page):
        notices.append(f"The link's page {_shown(page_text)} is not a page number: showing page 1.")
    selection = Selection(
        briefing=briefing,
        actors=ids("actor", actor_ids, "actor"),
        issues=ids("issue", choices.issues, "issue"),
        topics=ids("topic", choices.topics, "topic"),
        stances=ids("stance", choices.stances, "stance"),
        kinds=ids("kind", choices.kinds, "actor kind"),
        bases=ids("basis", choices.bases, "basis"),
        date_from=_date(query, "from", notices),
        date_to=_date(query, "to", notices),
        query=query_text,
        view=view,
        spokespeople=spokes,
        compare=ids("compare", actor_ids, "actor to compare")[:4],
        group=group,
        align=align[0] if align else "",
        page=page,
    )
    return Decoded(selection, notices)


def encode(selection: Selection) -> dict[str, list[str]]:
    """A selection -> query parameters; defaults are left out so links stay short."""
    default = Selection()
    query: dict[str, list[str]] = {}
    for f in fields(Selection):
        value = getattr(selection, f.name)
        if value == getattr(default, f.name):
            continue
        param = PARAMS[f.name]
        if isinstance(value, tuple):
            query[param] = list(value)
        elif isinstance(value, bool):
            query[param] = ["1"]
        elif isinstance(value, int):
            query[param] = [str(value)]
        elif isinstance(value, date):
            query[param] = [value.isoformat()]
        else:
            query[param] = [str(value)]
    return query


def is_id(value: str) -> bool:
    return re.fullmatch(ID_PATTERN, value) is not None
