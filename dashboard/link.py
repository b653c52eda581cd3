"""The link codec: a `Selection` to and from the page's query string.

The link is the view: every choice is a query parameter holding record ids (never display names), so a
forwarded link opens the same view in any browser. The parameters are `selection.PARAMS` (one table:
the codec, the widgets, the reset and the README's parameter table read it). Anything in a link that
cannot apply is dropped or corrected with a notice; nothing in a link can fail the page. Links saved
before a parameter changed meaning still open the view they opened (`_old_links`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from dashboard.escape import markdown_literal
from dashboard.records import ID_PATTERN
from dashboard.selection import (
    COMPARE_MAX,
    COMPARE_MIN,
    PARAM_BY_NAME,
    PARAM_BY_QUERY,
    PARAMS,
    Choices,
    Param,
    ParamKind,
    Selection,
)

MAX_VALUES_PER_PARAM = 500  # a tampered link with thousands of repeats is cut, with a notice
MAX_VALUE_LENGTH = 200
MAX_QUERY_LENGTH = 500
MAX_PAGE = 99_999
CELL_SEPARATOR = "~"  # actor~issue: never in an id (see records.ID_PATTERN)


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
        notices.append(
            f"The link repeats '{name}' {len(values):,} times; only the first "
            f"{MAX_VALUES_PER_PARAM} were read."
        )
        values = values[:MAX_VALUES_PER_PARAM]
    clean = []
    for value in values:
        if "\x00" in value or len(value) > MAX_VALUE_LENGTH:
            notices.append(f"The link's '{name}' value {shown(value)} is not valid and was ignored.")
            continue
        clean.append(value.strip())
    kept = [v for v in dict.fromkeys(clean) if v]
    if not param.repeatable and len(kept) > 1:
        notices.append(
            f"The link gives '{name}' {len(kept)} times; it takes one value, so the "
            f"first, {shown(kept[0])}, is used."
        )
        kept = kept[:1]
    return kept


def _known(param: Param, values: list[str], allowed: Iterable[str], notices: list[str]) -> tuple[str, ...]:
    allowed_set = set(allowed)
    kept = tuple(v for v in values if v in allowed_set)
    unknown = [v for v in values if v not in allowed_set]
    if unknown:
        listed = ", ".join(shown(v) for v in unknown[:5])
        more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
        notices.append(f"This briefing has no {param.what} {listed}{more}: dropped from the view.")
    return kept


def _number(param: Param, values: list[str], notices: list[str]) -> int:
    default = int(Selection().value(param.name))
    if not values:
        return default
    # ASCII digits only: str.isdigit() also accepts '²', which int() refuses.
    if re.fullmatch(r"[0-9]{1,5}", values[0]) and 0 < int(values[0]) <= MAX_PAGE:
        return int(values[0])
    notices.append(
        f"The link's '{param.query}' value {shown(values[0])} is not a page or column "
        "number: showing where the view opens."
    )
    return default


def _date(param: Param, values: list[str], notices: list[str]) -> date | None:
    if not values:
        return None
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", values[0]):
            raise ValueError
        return date.fromisoformat(values[0])
    except ValueError:
        notices.append(f"The link's '{param.query}' date {shown(values[0])} is not YYYY-MM-DD: ignored.")
        return None


def _choice(param: Param, values: list[str], notices: list[str]) -> str:
    default = str(Selection().value(param.name))
    if not values:
        return default
    if values[0] in param.words:
        return values[0]
    notices.append(f"There is no {param.query} {shown(values[0])}: showing '{markdown_literal(default)}'.")
    return default


def _cell(param: Param, values: list[str], choices: Choices, notices: list[str]) -> tuple[str, str] | None:
    if not values:
        return None
    actor, _, issue = values[0].partition(CELL_SEPARATOR)
    if actor in set(choices.actors) and issue in set(choices.issues):
        return actor, issue
    notices.append(
        f"This briefing has no cell {shown(values[0])} (write actor~issue with ids it has): no cell is open."
    )
    return None


def _pair(param: Param, values: list[str], choices: Choices, notices: list[str]) -> tuple[str, str] | None:
    if not values:
        return None
    first, _, second = values[0].partition(CELL_SEPARATOR)
    actors = set(choices.actors)
    if first in actors and second in actors and first != second:
        return first, second
    notices.append(
        f"This briefing has no pair {shown(values[0])} (write actor~actor with two "
        "actor ids it has): no pair is open."
    )
    return None


def pick_briefing(requested: Sequence[str], available: Sequence[str], default: str) -> Decoded:
    """The briefing a link asks for, if it is one of the folders on offer; else the default."""
    notices: list[str] = []
    values = _values({"briefing": requested}, PARAM_BY_NAME["briefing"], notices)
    if values and values[0] in available:
        return Decoded(Selection(briefing=values[0]), notices)
    if values:
        notices.append(f"There is no briefing {shown(values[0])}: showing {shown(default)} instead.")
    return Decoded(Selection(briefing=default), notices)


def _read(param: Param, query: Mapping[str, Sequence[str]], choices: Choices, notices: list[str]) -> object:
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
        notices.append(
            "The link has parameters this page does not use: "
            + ", ".join(shown(k) for k in strange[:5])
            + "."
        )
    values = {p.name: _read(p, query, choices, notices) for p in PARAMS if p.name != "briefing"}
    selection = Selection(briefing=briefing).with_(**values)
    return Decoded(*_consistent(_old_links(selection, query), notices))


def _old_links(selection: Selection, query: Mapping[str, Sequence[str]]) -> Selection:
    """Links saved before a parameter changed meaning still open the same view: `align` in the
    alignment view named whose partners to rank (now `partners`; `align` sorts the matrix)."""
    if selection.view == "alignment" and "partners" not in query and selection.matrix.sort_by:
        return selection.with_(partners=selection.matrix.sort_by, align="")
    return selection


def _consistent(selection: Selection, notices: list[str]) -> tuple[Selection, list[str]]:
    """Values that make sense one by one but not together, put right with a notice."""
    chosen, compared = selection.filters, selection.comparison.actors
    alignment = selection.alignment
    if chosen.date_from and chosen.date_to and chosen.date_from > chosen.date_to:
        notices.append(
            f"The link's 'from' ({chosen.date_from}) is after its 'to' "
            f"({chosen.date_to}): the two dates were swapped."
        )
        selection = selection.with_(date_from=chosen.date_to, date_to=chosen.date_from)
    if len(compared) > COMPARE_MAX:
        dropped = ", ".join(shown(a) for a in compared[COMPARE_MAX:])
        notices.append(
            f"Compare takes {COMPARE_MIN} to {COMPARE_MAX} actors; the link names "
            f"{len(compared)}, so {dropped} were left out."
        )
        selection = selection.with_(compare=compared[:COMPARE_MAX])
    if selection.view == "brief" and selection.brief.vs and not chosen.actors:
        notices.append(
            "The brief is for one actor meeting another: the link names the counterpart "
            "(vs) but not the actor briefed (actor)."
        )
    if alignment.bloc and alignment.members:
        notices.append(
            f"The link names a declared bloc ({shown(alignment.bloc)}) and members of "
            "one of its own: the declared bloc is shown, the members were left out."
        )
        selection = selection.with_(members=())
    if len(alignment.members) == 1:
        notices.append(
            f"A bloc chosen in the link needs two or more members; the link names only "
            f"{shown(alignment.members[0])}: pick another to make a bloc."
        )
    if len(compared) == 1 and selection.view == "compare":
        notices.append(
            f"Compare needs {COMPARE_MIN} to {COMPARE_MAX} actors; the link names only "
            f"{shown(compared[0])}: pick another to compare."
        )
    return selection, notices


def encode(selection: Selection) -> dict[str, list[str]]:
    """A selection -> query parameters; defaults are left out so links stay short."""
    default = Selection()
    query: dict[str, list[str]] = {}
    for param in PARAMS:
        value = selection.value(param.name)
        if value == default.value(param.name):
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
        rows.append(
            f"| `{param.query}` | {param.value} | {'yes' if param.repeatable else 'no'} | `{param.example}` |"
        )
    return "\n".join(rows)


def is_id(value: str) -> bool:
    return re.fullmatch(ID_PATTERN, value) is not None
